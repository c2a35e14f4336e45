// Command entitygraph-server serves the entitygraph knowledge graph over
// gRPC. Every flag can also be set by an ENTITYGRAPH_* environment variable
// (--tls-cert by ENTITYGRAPH_TLS_CERT, and so on); a flag on the command
// line wins.
//
// SIGINT and SIGTERM shut the server down gracefully; SIGHUP reloads the
// graph, the token file and the TLS certificates.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/entitygraph/entitygraph/server/app"
	"github.com/entitygraph/entitygraph/server/throttle"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	if err := run(ctx, os.Args[1:], os.Stderr, hup); err != nil {
		fmt.Fprintln(os.Stderr, "entitygraph-server:", err)
		os.Exit(1)
	}
}

// envPrefix starts the environment variable of every flag.
const envPrefix = "ENTITYGRAPH_"

// envName is the environment variable that sets a flag.
func envName(flagName string) string {
	return envPrefix + strings.ToUpper(strings.ReplaceAll(flagName, "-", "_"))
}

func run(ctx context.Context, args []string, stderr io.Writer, reload <-chan os.Signal) error {
	fs := flag.NewFlagSet("entitygraph-server", flag.ContinueOnError)
	fs.SetOutput(stderr)
	cfg := app.Config{Reload: reload}
	limits := app.DefaultLimits()

	fs.StringVar(&cfg.Listen, "listen", "localhost:50051", "TCP `address` to serve gRPC on")
	fs.StringVar(&cfg.Data, "data", "", "`directory` of *.txtpb graph files and their documents, or a binary .egsnap snapshot (or a directory holding one); empty serves the seed graph built into the binary")
	fs.DurationVar(&cfg.ReloadPoll, "reload-poll", 0, "also reload when the files under --data change, checking this often (0: only on SIGHUP)")
	fs.DurationVar(&cfg.DrainDelay, "drain-delay", 0, "how long to keep serving after SIGINT/SIGTERM with health already NOT_SERVING, before calls are refused: set it to the probe period of a load balancer or Kubernetes readiness probe in front of the server, so that it stops routing here first (gRPC clients that watch health, as the SDKs do, leave at once: 0 suits them)")
	fs.DurationVar(&cfg.ShutdownGrace, "shutdown-grace", 10*time.Second, "how long in-flight calls may run after SIGINT/SIGTERM (and --drain-delay) before they are cut off")
	fs.DurationVar(&cfg.StreamGrace, "stream-grace", 5*time.Second, "how long open streams may run after SIGINT/SIGTERM (and --drain-delay) before they end with UNAVAILABLE (at most --shutdown-grace)")
	level := fs.String("log-level", "info", "log `level`: debug, info, warn or error")
	format := fs.String("log-format", "text", "log `format`: text or json")

	fs.StringVar(&cfg.TLS.Cert, "tls-cert", "", "PEM `file` of the server's TLS certificate chain; with --tls-key, serves TLS")
	fs.StringVar(&cfg.TLS.Key, "tls-key", "", "PEM `file` of the server's TLS private key")
	fs.StringVar(&cfg.TLS.ClientCA, "tls-client-ca", "", "PEM `file` of the CAs that client certificates must chain to; requires mutual TLS")
	fs.BoolVar(&cfg.Plaintext, "plaintext", false, "allow serving without TLS on a non-loopback address (plaintext on loopback needs no flag)")
	fs.StringVar(&cfg.AuthTokens, "auth-tokens", "", "`file` of bearer tokens, one \"client token\" pair a line; when set, every call but health and reflection needs one")

	fs.Float64Var(&cfg.RateLimits.Client, "client-rate-limit", throttle.DefaultClient, "calls per second allowed to each client (its token's name, or its IP address, which every client behind one NAT shares); "+
		"the default is above what one busy process sends (about 13,000 calls/s through ghz at concurrency 8, 29,000 from 8 goroutines of a Go client, on 2 cores), so that only a flood trips it; 0: no limit")
	fs.IntVar(&cfg.RateLimits.ClientBurst, "client-rate-burst", throttle.DefaultClientBurst, "calls a client may make at once above --client-rate-limit")
	fs.Float64Var(&cfg.RateLimits.Global, "rate-limit", 0, "calls per second allowed over all clients; 0: no limit")
	fs.IntVar(&cfg.RateLimits.GlobalBurst, "rate-burst", 2000, "calls allowed at once above --rate-limit")

	fs.IntVar(&limits.MaxRecvBytes, "max-recv-bytes", limits.MaxRecvBytes, "largest request message accepted, in bytes")
	fs.IntVar(&limits.MaxSendBytes, "max-send-bytes", limits.MaxSendBytes, "largest response message sent, in bytes")
	maxStreams := fs.Uint("max-concurrent-streams", uint(limits.MaxConcurrentStreams), "most calls in flight on one connection")
	fs.DurationVar(&limits.MaxConnectionIdle, "max-connection-idle", limits.MaxConnectionIdle, "close connections idle this long")
	fs.DurationVar(&limits.MaxConnectionAge, "max-connection-age", limits.MaxConnectionAge, "close connections this old, so that clients rebalance")
	fs.DurationVar(&limits.MaxConnectionAgeGrace, "max-connection-age-grace", limits.MaxConnectionAgeGrace, "how long calls may run on a connection closed for age")
	fs.DurationVar(&limits.DefaultTimeout, "default-timeout", limits.DefaultTimeout, "deadline of calls that arrive without one")

	fs.StringVar(&cfg.MetricsListen, "metrics-listen", "", "TCP `address` of an HTTP server for Prometheus metrics at /metrics; empty: none")

	// Each flag's usage names its environment variable.
	fs.VisitAll(func(f *flag.Flag) { f.Usage += " ($" + envName(f.Name) + ")" })
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: entitygraph-server [flags]\n\n"+
			"Serves the entitygraph knowledge graph over gRPC. SIGINT and SIGTERM shut it down\n"+
			"gracefully; SIGHUP reloads the graph, the token file and the TLS certificates.\n\n"+
			"Flags (each also read from the environment variable shown; a flag given here wins):\n")
		fs.PrintDefaults()
	}
	var envErr error
	fs.VisitAll(func(f *flag.Flag) {
		if v, ok := os.LookupEnv(envName(f.Name)); ok && envErr == nil {
			if err := f.Value.Set(v); err != nil {
				envErr = fmt.Errorf("$%s: %w", envName(f.Name), err)
			}
		}
	})
	if envErr != nil {
		return envErr
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments: %s", strings.Join(fs.Args(), " "))
	}
	var lvl slog.Level
	if err := lvl.UnmarshalText([]byte(*level)); err != nil {
		return fmt.Errorf("--log-level: %w", err)
	}
	hopts := &slog.HandlerOptions{Level: lvl}
	var h slog.Handler
	switch *format {
	case "text":
		h = slog.NewTextHandler(stderr, hopts)
	case "json":
		h = slog.NewJSONHandler(stderr, hopts)
	default:
		return fmt.Errorf("--log-format: want text or json, got %q", *format)
	}
	if *maxStreams == 0 || *maxStreams > 1<<31 {
		return fmt.Errorf("--max-concurrent-streams: want 1 to %d, got %d", 1<<31, *maxStreams)
	}
	limits.MaxConcurrentStreams = uint32(*maxStreams)
	for name, v := range map[string]float64{
		"max-recv-bytes": float64(limits.MaxRecvBytes), "max-send-bytes": float64(limits.MaxSendBytes),
		"client-rate-limit": cfg.RateLimits.Client + 1, "client-rate-burst": float64(cfg.RateLimits.ClientBurst),
		"rate-limit": cfg.RateLimits.Global + 1, "rate-burst": float64(cfg.RateLimits.GlobalBurst),
	} {
		if v <= 0 {
			return fmt.Errorf("--%s: must be positive", name)
		}
	}
	cfg.Limits = limits
	cfg.Logger = slog.New(app.NewLogHandler(h))
	slog.SetDefault(cfg.Logger)
	return app.Run(ctx, cfg)
}
