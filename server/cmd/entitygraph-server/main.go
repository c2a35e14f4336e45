// Command entitygraph-server serves the entitygraph knowledge graph over
// gRPC. Every flag can also be set by an ENTITYGRAPH_* environment variable;
// a flag on the command line wins.
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/entitygraph/entitygraph/server/app"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "entitygraph-server:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("entitygraph-server", flag.ContinueOnError)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: entitygraph-server [flags]\n\nServes the entitygraph knowledge graph over gRPC.\n\nFlags (each also read from the environment variable shown):\n")
		fs.PrintDefaults()
	}
	cfg := app.Config{}
	fs.StringVar(&cfg.Listen, "listen", env("LISTEN", "localhost:50051"), "TCP address to serve gRPC on ($ENTITYGRAPH_LISTEN)")
	fs.StringVar(&cfg.Data, "data", env("DATA", ""), "directory of *.txtpb graph files and their documents; empty serves the seed graph built into the binary ($ENTITYGRAPH_DATA)")
	grace := fs.Duration("shutdown-grace", envDuration("SHUTDOWN_GRACE", 10*time.Second), "how long in-flight calls may run after SIGINT/SIGTERM ($ENTITYGRAPH_SHUTDOWN_GRACE)")
	level := fs.String("log-level", env("LOG_LEVEL", "info"), "log level: debug, info, warn or error ($ENTITYGRAPH_LOG_LEVEL)")
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
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
	cfg.ShutdownGrace = *grace
	cfg.Logger = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: lvl}))
	return app.Run(ctx, cfg)
}

// env reads ENTITYGRAPH_<name>, or def when it is unset.
func env(name, def string) string {
	if v, ok := os.LookupEnv("ENTITYGRAPH_" + name); ok {
		return v
	}
	return def
}

func envDuration(name string, def time.Duration) time.Duration {
	if d, err := time.ParseDuration(env(name, "")); err == nil {
		return d
	}
	return def
}
