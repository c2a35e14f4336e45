package app

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"os"
	"sync/atomic"
)

// TLSFiles name the PEM files of the server's certificate and key and,
// for mutual TLS, of the CA that client certificates must chain to.
type TLSFiles struct {
	Cert, Key string
	// ClientCA, when set, makes the server require a client certificate
	// signed by one of the CAs in this file.
	ClientCA string
}

// Enabled reports whether TLS is configured.
func (f TLSFiles) Enabled() bool { return f.Cert != "" || f.Key != "" || f.ClientCA != "" }

// tlsReloader serves the TLS configuration loaded from files, and loads
// them again on reload, so that certificates can be rotated without a
// restart. Handshakes in progress keep the configuration they started with.
type tlsReloader struct {
	files   TLSFiles
	current atomic.Pointer[tls.Config]
}

func newTLSReloader(files TLSFiles) (*tlsReloader, error) {
	if files.Cert == "" || files.Key == "" {
		return nil, errors.New("TLS needs both a certificate and a key (--tls-cert and --tls-key)")
	}
	r := &tlsReloader{files: files}
	if err := r.reload(); err != nil {
		return nil, err
	}
	return r, nil
}

func (r *tlsReloader) reload() error {
	cert, err := tls.LoadX509KeyPair(r.files.Cert, r.files.Key)
	if err != nil {
		return fmt.Errorf("TLS certificate: %w", err)
	}
	cfg := &tls.Config{
		MinVersion:   tls.VersionTLS12,
		Certificates: []tls.Certificate{cert},
		NextProtos:   []string{"h2"},
	}
	if r.files.ClientCA != "" {
		pem, err := os.ReadFile(r.files.ClientCA)
		if err != nil {
			return fmt.Errorf("TLS client CA: %w", err)
		}
		pool := x509.NewCertPool()
		if !pool.AppendCertsFromPEM(pem) {
			return fmt.Errorf("TLS client CA: no PEM certificates in %s", r.files.ClientCA)
		}
		cfg.ClientCAs = pool
		cfg.ClientAuth = tls.RequireAndVerifyClientCert
	}
	r.current.Store(cfg)
	return nil
}

// config is the tls.Config to serve with: it hands each handshake the
// configuration current at that moment.
func (r *tlsReloader) config() *tls.Config {
	return &tls.Config{
		MinVersion: tls.VersionTLS12,
		NextProtos: []string{"h2"},
		GetConfigForClient: func(*tls.ClientHelloInfo) (*tls.Config, error) {
			return r.current.Load(), nil
		},
	}
}

// isLoopback reports whether addr (host:port) can only be reached from
// this machine.
func isLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
