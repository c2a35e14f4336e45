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
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/entitygraph/entitygraph/server/ask"
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
	// DrainDelay is how long the server keeps serving after shutdown starts
	// with health already NOT_SERVING, so that load balancers that probe
	// health stop routing to it before it refuses calls. Zero refuses new
	// calls at once (clients that watch health, as the SDKs do, leave as
	// soon as it turns NOT_SERVING).
	DrainDelay time.Duration
	// ShutdownGrace bounds how long in-flight calls may run after the drain
	// delay before they are cut off.
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
func LoadIndex(dir string) (*index.Index, error) { return loadIndex(context.Background(), dir, nil) }

// loadIndex is LoadIndex, stopping when ctx ends and logging the progress
// of a large load and every warning to logger when it is not nil.
func loadIndex(ctx context.Context, dir string, logger *slog.Logger) (*index.Index, error) {
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
	opts := seed.Options{Progress: loadProgress(logger, where)}
	if logger != nil {
		opts.Warn = func(p *seed.Problem) { logger.Warn("graph data", "problem", p.Error()) }
	}
	ix, err := seed.LoadFS(ctx, fsys, opts)
	if err != nil {
		return nil, fmt.Errorf("load %s:\n%w", where, err)
	}
	return ix, nil
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
		logger.Info("loading graph", "from", file, "percent", 100*done/max(total, 1), "bytes", done, "of", total,
			"elapsed", now.Sub(start).Round(time.Millisecond))
	}
}

// Run loads the graph and serves it until ctx ends, then shuts down: health
// turns NOT_SERVING, in-flight calls get cfg.ShutdownGrace to finish (open
// streams cfg.StreamGrace), and whatever is left is cut off. While it
// serves, each value on cfg.Reload reloads the graph, the token file and
// the certificates in the background.
//
// Its steps: load the graph; set up security (TLS, tokens, rate limits);
// listen; then serve gRPC and metrics, run reloads and shut down, as one
// errgroup whose members end together.
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
	ix, err := loadLogged(ctx, cfg.Data, logger)
	if err != nil {
		return err
	}
	sec, err := newSecurity(cfg)
	if err != nil {
		return err
	}
	lis, mlis, err := listen(cfg, sec)
	if err != nil {
		return err
	}
	defer lis.Close()

	holder := index.NewHolder(ix)
	srv := NewServer(holder, logger, sec.options(cfg.Limits)...)
	rl := &reloader{dir: cfg.Data, holder: holder, metrics: srv.Metrics, logger: logger}
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error { return srv.GRPC.Serve(lis) })
	logger.Info("serving", "addr", lis.Addr().String(), "security", sec.describe(), "auth", sec.tokens != nil, "rate_limits", cfg.RateLimits.Enabled())
	var metricsSrv *http.Server
	if mlis != nil {
		metricsSrv = serveMetrics(g, mlis, srv.Metrics)
		logger.Info("serving metrics", "addr", "http://"+mlis.Addr().String()+"/metrics")
	}
	// Ask reads unknown words with WordNet: its table is read now, not
	// on the first question that needs it.
	g.Go(func() error {
		if err := ask.Prepare(); err != nil {
			logger.Warn("Ask will read questions without WordNet", "err", err)
		}
		return nil
	})
	trigger := make(chan struct{}, 1)
	g.Go(func() error { runReloads(gctx, trigger, rl, sec, logger); return nil })
	if cfg.Reload != nil {
		g.Go(func() error { forwardSignals(gctx, cfg.Reload, trigger, logger); return nil })
	}
	if cfg.ReloadPoll > 0 && cfg.Data != "" {
		g.Go(func() error { watch(gctx, cfg.Data, fp, cfg.ReloadPoll, func() { poke(trigger) }, logger); return nil })
	}
	g.Go(func() error {
		<-gctx.Done()
		if ctx.Err() == nil {
			// A server failed: stop the rest at once.
			srv.GRPC.Stop()
		} else {
			shutdown(srv, cfg, logger)
		}
		if metricsSrv != nil {
			_ = metricsSrv.Close()
		}
		return nil
	})
	if err := g.Wait(); err != nil && !errors.Is(err, grpc.ErrServerStopped) {
		return err
	}
	return nil
}

// loadLogged loads the graph, logging what it holds and how long it took.
func loadLogged(ctx context.Context, dir string, logger *slog.Logger) (*index.Index, error) {
	start := time.Now()
	ix, err := loadIndex(ctx, dir, logger)
	if err != nil {
		return nil, err
	}
	st := ix.Stats()
	logger.Info("graph loaded", "entities", st.Entities, "relations", st.Relations, "documents", st.Documents,
		"snapshot", ix.Version(), "vocabulary", ix.Vocabulary().Digest(), "took", time.Since(start).Round(time.Microsecond))
	return ix, nil
}

// security is what guards the server: its certificates, tokens and rate
// limits, each nil when not configured.
type security struct {
	certs   *tlsReloader
	tokens  *auth.Authenticator
	limiter *throttle.Limiter
	mTLS    bool
}

// newSecurity loads the certificates and the token file cfg names.
func newSecurity(cfg Config) (*security, error) {
	sec := &security{mTLS: cfg.TLS.ClientCA != ""}
	var err error
	if cfg.TLS.Enabled() {
		if sec.certs, err = newTLSReloader(cfg.TLS); err != nil {
			return nil, err
		}
	}
	if cfg.AuthTokens != "" {
		if sec.tokens, err = auth.NewAuthenticator(cfg.AuthTokens); err != nil {
			return nil, fmt.Errorf("auth tokens: %w", err)
		}
	}
	if cfg.RateLimits.Enabled() {
		sec.limiter = throttle.New(cfg.RateLimits)
	}
	return sec, nil
}

// options are the server options that put sec, and the transport limits,
// in place.
func (sec *security) options(limits Limits) []Option {
	opts := []Option{WithLimits(limits)}
	if sec.certs != nil {
		opts = append(opts, WithCredentials(credentials.NewTLS(sec.certs.config())))
	}
	if sec.tokens != nil {
		opts = append(opts, WithAuthenticator(sec.tokens))
	}
	if sec.limiter != nil {
		opts = append(opts, WithRateLimits(sec.limiter))
	}
	return opts
}

// describe names the transport security: plaintext, TLS or mTLS.
func (sec *security) describe() string {
	switch {
	case sec.certs != nil && sec.mTLS:
		return "mTLS"
	case sec.certs != nil:
		return "TLS"
	}
	return "plaintext"
}

// listen opens the gRPC listener and, when asked for, the metrics one. It
// refuses plaintext on an address that is not loopback unless cfg allows
// it.
func listen(cfg Config, sec *security) (lis, mlis net.Listener, err error) {
	addr := cfg.Listen
	if cfg.Listener != nil {
		addr = cfg.Listener.Addr().String()
	}
	if sec.certs == nil && !cfg.Plaintext && !isLoopback(addr) {
		return nil, nil, fmt.Errorf("refusing to serve plaintext on %s, which is not a loopback address: give --tls-cert and --tls-key, or --plaintext", addr)
	}
	if lis = cfg.Listener; lis == nil {
		if lis, err = net.Listen("tcp", cfg.Listen); err != nil {
			return nil, nil, fmt.Errorf("listen: %w", err)
		}
	}
	if mlis = cfg.MetricsListener; mlis == nil && cfg.MetricsListen != "" {
		if mlis, err = net.Listen("tcp", cfg.MetricsListen); err != nil {
			lis.Close()
			return nil, nil, fmt.Errorf("metrics listen: %w", err)
		}
	}
	return lis, mlis, nil
}

// serveMetrics serves Prometheus metrics at /metrics on mlis, as a member
// of g, and returns the HTTP server for shutdown to close.
func serveMetrics(g *errgroup.Group, mlis net.Listener, m *Metrics) *http.Server {
	mux := http.NewServeMux()
	mux.Handle("/metrics", m.Handler())
	metricsSrv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	g.Go(func() error {
		if err := metricsSrv.Serve(mlis); err != nil && !errors.Is(err, http.ErrServerClosed) {
			return fmt.Errorf("metrics: %w", err)
		}
		return nil
	})
	return metricsSrv
}

// poke asks for a reload; one asked for while another is pending is the
// same reload.
func poke(trigger chan<- struct{}) {
	select {
	case trigger <- struct{}{}:
	default:
	}
}

// forwardSignals turns each value on signals into a reload request until
// ctx ends.
func forwardSignals(ctx context.Context, signals <-chan os.Signal, trigger chan<- struct{}, logger *slog.Logger) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-signals:
			logger.Info("reload requested")
			poke(trigger)
		}
	}
}

// runReloads reloads the graph, the token file and the certificates each
// time trigger fires, one reload at a time, until ctx ends. A failed reload
// keeps what was loaded before.
func runReloads(ctx context.Context, trigger <-chan struct{}, rl *reloader, sec *security, logger *slog.Logger) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-trigger:
		}
		_ = rl.reload()
		if sec.tokens != nil {
			if t, err := sec.tokens.Reload(); err != nil {
				logger.Error("token file reload rejected; keeping the previous tokens", "error", err)
			} else {
				logger.Info("token file reloaded", "tokens", t.Len())
			}
		}
		if sec.certs != nil {
			if err := sec.certs.reload(); err != nil {
				logger.Error("TLS reload rejected; keeping the previous certificates", "error", err)
			} else {
				logger.Info("TLS certificates reloaded")
			}
		}
	}
}

// shutdown drains srv: health turns NOT_SERVING, the server serves on for
// cfg.DrainDelay, then calls in flight get cfg.ShutdownGrace to finish and
// open streams cfg.StreamGrace, and what is left is cut off.
func shutdown(srv *Server, cfg Config, logger *slog.Logger) {
	grace := cfg.ShutdownGrace
	streamGrace := cfg.StreamGrace
	if streamGrace <= 0 || streamGrace > grace {
		streamGrace = grace
	}
	began := time.Now()
	if cfg.DrainDelay > 0 {
		logger.Info("draining: health is NOT_SERVING, calls are still served", "drain_delay", cfg.DrainDelay)
		srv.Drain(cfg.DrainDelay)
	}
	logger.Info("shutting down", "grace", grace, "stream_grace", streamGrace)
	clean := srv.Shutdown(grace, streamGrace)
	logger.Info("stopped", "clean", clean, "took", time.Since(began).Round(time.Millisecond))
}
