// Package app assembles the entitygraph server: it loads the graph, builds
// the gRPC server with its interceptor chain, limits, health and reflection
// services, serves it (over TLS when configured) with Prometheus metrics on
// the side, reloads the graph on demand, and shuts down gracefully.
package app

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"os"
	"sync"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"

	"github.com/entitygraph/entitygraph/seeds"
	"github.com/entitygraph/entitygraph/server/auth"
	"github.com/entitygraph/entitygraph/server/index"
	"github.com/entitygraph/entitygraph/server/seed"
	"github.com/entitygraph/entitygraph/server/throttle"
)

// Config is what the server needs to run. The zero value of each field
// but Listen is a sensible default.
type Config struct {
	// Listen is the TCP address to serve on, such as "localhost:50051".
	Listen string
	// Listener, if set, is served instead of listening on Listen.
	Listener net.Listener
	// Data is the directory of graph files to serve; empty serves the seed
	// graph built into the binary.
	Data string
	// ShutdownGrace bounds how long in-flight calls may run after shutdown
	// starts before they are cut off.
	ShutdownGrace time.Duration
	// StreamGrace bounds how long open streams may run after shutdown
	// starts before they are ended with UNAVAILABLE; it is at most
	// ShutdownGrace.
	StreamGrace time.Duration
	// Logger receives the server's logs.
	Logger *slog.Logger

	// TLS names the certificate files; without them the server speaks
	// plaintext, which it does only on a loopback address unless
	// Plaintext is set.
	TLS TLSFiles
	// Plaintext allows serving without TLS on any address.
	Plaintext bool
	// AuthTokens is a file of bearer tokens (see package auth); when set,
	// every call but health and reflection must carry one of them.
	AuthTokens string
	// RateLimits throttle calls; zero rates mean no limit.
	RateLimits throttle.Limits
	// Limits are the transport limits; zero fields take DefaultLimits.
	Limits Limits

	// MetricsListen, if set, is the address of an HTTP server for
	// Prometheus metrics at /metrics; MetricsListener, if set, is served
	// instead.
	MetricsListen   string
	MetricsListener net.Listener

	// Reload receives a value whenever the server should reload the graph,
	// the token file and the TLS certificates: the server binary sends
	// SIGHUP here.
	Reload <-chan os.Signal
	// ReloadPoll, if positive, also reloads when the files under Data
	// change, checking this often.
	ReloadPoll time.Duration
}

// LoadIndex loads and indexes the graph in dir, or the built-in seed graph
// when dir is empty. dir may also be a binary snapshot file, or a directory
// holding one (see seed.SnapshotFile).
func LoadIndex(dir string) (*index.Index, error) { return loadIndex(dir, nil) }

// loadIndex is LoadIndex, logging the progress of a large snapshot's load
// to logger when it is not nil.
func loadIndex(dir string, logger *slog.Logger) (*index.Index, error) {
	snap, err := seed.SnapshotFile(dir)
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", dir, err)
	}
	if snap != "" {
		return index.OpenSnapshot(snap, index.LoadOptions{Progress: loadProgress(logger, snap)})
	}
	var fsys fs.FS = seeds.FS
	where := "built-in seeds"
	if dir != "" {
		fsys, where = os.DirFS(dir), dir
	}
	g, err := seed.LoadFS(fsys)
	if err != nil {
		return nil, fmt.Errorf("load %s:\n%w", where, err)
	}
	return index.Build(g)
}

// loadProgress returns a progress function that logs how far a load has
// got, at most every two seconds and only once it has taken a second, so
// that small loads stay quiet.
func loadProgress(logger *slog.Logger, file string) func(done, total int64) {
	if logger == nil {
		return nil
	}
	start := time.Now()
	last := start
	return func(done, total int64) {
		now := time.Now()
		if now.Sub(start) < time.Second || now.Sub(last) < 2*time.Second {
			return
		}
		last = now
		logger.Info("loading snapshot", "file", file, "percent", 100*done/max(total, 1), "bytes", done, "of", total,
			"elapsed", now.Sub(start).Round(time.Millisecond))
	}
}

// Run loads the graph and serves it until ctx ends, then shuts down: health
// turns NOT_SERVING, in-flight calls get cfg.ShutdownGrace to finish (open
// streams cfg.StreamGrace), and whatever is left is cut off. While it
// serves, each value on cfg.Reload reloads the graph, the token file and
// the certificates in the background.
func Run(ctx context.Context, cfg Config) error {
	logger := cfg.Logger
	if logger == nil {
		logger = slog.Default()
	}
	logger = slog.New(NewLogHandler(logger.Handler()))
	// The fingerprint is taken before loading, so that a change made while
	// the graph loads is not missed.
	var fp string
	if cfg.ReloadPoll > 0 && cfg.Data != "" {
		var err error
		if fp, err = dirFingerprint(cfg.Data); err != nil {
			logger.Warn("cannot watch data directory", "dir", cfg.Data, "error", err)
		}
	}
	start := time.Now()
	ix, err := loadIndex(cfg.Data, logger)
	if err != nil {
		return err
	}
	st := ix.Stats()
	logger.Info("graph loaded", "entities", st.Entities, "relations", st.Relations, "documents", st.Documents,
		"snapshot", ix.Version(), "took", time.Since(start).Round(time.Microsecond))

	var opts []Option
	opts = append(opts, WithLimits(cfg.Limits))
	var certs *tlsReloader
	if cfg.TLS.Enabled() {
		if certs, err = newTLSReloader(cfg.TLS); err != nil {
			return err
		}
		opts = append(opts, WithCredentials(credentials.NewTLS(certs.config())))
	}
	var tokens *auth.Authenticator
	if cfg.AuthTokens != "" {
		if tokens, err = auth.NewAuthenticator(cfg.AuthTokens); err != nil {
			return fmt.Errorf("auth tokens: %w", err)
		}
		opts = append(opts, WithAuthenticator(tokens))
	}
	if cfg.RateLimits.Enabled() {
		opts = append(opts, WithRateLimits(throttle.New(cfg.RateLimits)))
	}

	addr := cfg.Listen
	if cfg.Listener != nil {
		addr = cfg.Listener.Addr().String()
	}
	if certs == nil && !cfg.Plaintext && !isLoopback(addr) {
		return fmt.Errorf("refusing to serve plaintext on %s, which is not a loopback address: give --tls-cert and --tls-key, or --plaintext", addr)
	}
	lis := cfg.Listener
	if lis == nil {
		if lis, err = net.Listen("tcp", cfg.Listen); err != nil {
			return fmt.Errorf("listen: %w", err)
		}
	}
	defer lis.Close()
	mlis := cfg.MetricsListener
	if mlis == nil && cfg.MetricsListen != "" {
		if mlis, err = net.Listen("tcp", cfg.MetricsListen); err != nil {
			return fmt.Errorf("metrics listen: %w", err)
		}
	}

	holder := index.NewHolder(ix)
	srv := NewServer(holder, logger, opts...)
	serveErr := make(chan error, 2)
	go func() { serveErr <- srv.GRPC.Serve(lis) }()
	security := "plaintext"
	switch {
	case certs != nil && cfg.TLS.ClientCA != "":
		security = "mTLS"
	case certs != nil:
		security = "TLS"
	}
	logger.Info("serving", "addr", lis.Addr().String(), "security", security, "auth", tokens != nil, "rate_limits", cfg.RateLimits.Enabled())

	var metricsSrv *http.Server
	if mlis != nil {
		mux := http.NewServeMux()
		mux.Handle("/metrics", srv.Metrics.Handler())
		metricsSrv = &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
		go func() {
			if err := metricsSrv.Serve(mlis); err != nil && !errors.Is(err, http.ErrServerClosed) {
				serveErr <- fmt.Errorf("metrics: %w", err)
			}
		}()
		logger.Info("serving metrics", "addr", "http://"+mlis.Addr().String()+"/metrics")
	}

	// Reloads run one at a time in this goroutine; a signal that arrives
	// during a reload is kept (by the channel's buffer) for the next.
	rl := &reloader{dir: cfg.Data, holder: holder, metrics: srv.Metrics, logger: logger}
	bgCtx, stopBackground := context.WithCancel(ctx)
	var background sync.WaitGroup
	trigger := make(chan struct{}, 1)
	poke := func() {
		select {
		case trigger <- struct{}{}:
		default:
		}
	}
	background.Go(func() {
		for {
			select {
			case <-bgCtx.Done():
				return
			case <-trigger:
			}
			_ = rl.reload()
			if tokens != nil {
				if t, err := tokens.Reload(); err != nil {
					logger.Error("token file reload rejected; keeping the previous tokens", "error", err)
				} else {
					logger.Info("token file reloaded", "tokens", t.Len())
				}
			}
			if certs != nil {
				if err := certs.reload(); err != nil {
					logger.Error("TLS reload rejected; keeping the previous certificates", "error", err)
				} else {
					logger.Info("TLS certificates reloaded")
				}
			}
		}
	})
	if cfg.Reload != nil {
		background.Go(func() {
			for {
				select {
				case <-bgCtx.Done():
					return
				case <-cfg.Reload:
					logger.Info("reload requested")
					poke()
				}
			}
		})
	}
	if cfg.ReloadPoll > 0 && cfg.Data != "" {
		background.Go(func() { watch(bgCtx, cfg.Data, fp, cfg.ReloadPoll, poke, logger) })
	}
	defer func() {
		stopBackground()
		background.Wait()
	}()

	select {
	case err := <-serveErr:
		srv.GRPC.Stop()
		if metricsSrv != nil {
			_ = metricsSrv.Close()
		}
		return err
	case <-ctx.Done():
	}
	grace := cfg.ShutdownGrace
	streamGrace := cfg.StreamGrace
	if streamGrace <= 0 || streamGrace > grace {
		streamGrace = grace
	}
	logger.Info("shutting down", "grace", grace, "stream_grace", streamGrace)
	began := time.Now()
	clean := srv.Shutdown(grace, streamGrace)
	if metricsSrv != nil {
		_ = metricsSrv.Close()
	}
	if err := <-serveErr; err != nil && !errors.Is(err, grpc.ErrServerStopped) {
		return err
	}
	logger.Info("stopped", "clean", clean, "took", time.Since(began).Round(time.Millisecond))
	return nil
}
