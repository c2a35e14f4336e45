// Command entitygraph-snapshot writes and inspects binary graph snapshots,
// which entitygraph-server loads with --data much faster than the text
// format:
//
//	entitygraph-snapshot convert --data DIR --out graph.egsnap
//	    converts a directory of curated *.txtpb files and their documents
//	entitygraph-snapshot synth --entities N [--seed S] --out graph.egsnap
//	entitygraph-snapshot synth --entities N [--seed S] --text DIR
//	    generates a synthetic graph (see package synth), as a snapshot or
//	    in the curated text format
//	entitygraph-snapshot info graph.egsnap
//	    loads a snapshot, checking it throughout, and prints what it holds
//
// Snapshots are written to a temporary file renamed into place, so that a
// server polling the directory never sees half a file.
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
	"path/filepath"
	"runtime"
	"syscall"
	"time"

	"github.com/entitygraph/entitygraph/server/index"
	"github.com/entitygraph/entitygraph/server/seed"
	"github.com/entitygraph/entitygraph/server/synth"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "entitygraph-snapshot:", err)
		os.Exit(1)
	}
}

const usage = `usage:
  entitygraph-snapshot convert --data DIR --out FILE
  entitygraph-snapshot synth --entities N [--seed S] [--relations-per-entity R] (--out FILE | --text DIR)
  entitygraph-snapshot info FILE`

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return errors.New(usage)
	}
	log := slog.New(slog.NewTextHandler(stderr, nil))
	fs := flag.NewFlagSet("entitygraph-snapshot "+args[0], flag.ContinueOnError)
	fs.SetOutput(stderr)
	switch args[0] {
	case "convert":
		data := fs.String("data", "", "`directory` of *.txtpb graph files and their documents")
		out := fs.String("out", "", "snapshot `file` to write")
		if err := fs.Parse(args[1:]); err != nil {
			return err
		}
		if *data == "" || *out == "" {
			return errors.New("convert needs --data and --out")
		}
		start := time.Now()
		g, err := seed.Load(*data)
		if err != nil {
			return err
		}
		log.Info("graph loaded", "entities", len(g.GetEntities()), "relations", len(g.GetRelations()), "took", time.Since(start).Round(time.Millisecond))
		ix, err := index.Build(g)
		if err != nil {
			return err
		}
		return write(ix, *out, log, start)
	case "synth":
		cfg := synth.Config{}
		fs.IntVar(&cfg.Entities, "entities", 10_000, "number of `entities`")
		fs.IntVar(&cfg.RelationsPerEntity, "relations-per-entity", 10, "relations per entity")
		fs.Uint64Var(&cfg.Seed, "seed", 1, "random `seed`: the same seed makes the same graph")
		out := fs.String("out", "", "snapshot `file` to write")
		text := fs.String("text", "", "`directory` to write the graph to in the curated text format instead")
		if err := fs.Parse(args[1:]); err != nil {
			return err
		}
		if (*out == "") == (*text == "") {
			return errors.New("synth needs one of --out and --text")
		}
		start := time.Now()
		if *text != "" {
			if err := synth.WriteText(cfg, *text); err != nil {
				return err
			}
			log.Info("text graph written", "dir", *text, "took", time.Since(start).Round(time.Millisecond))
			return nil
		}
		b := index.NewBuilder()
		if err := synth.Generate(cfg, b); err != nil {
			return err
		}
		log.Info("graph generated", "entities", cfg.Entities, "took", time.Since(start).Round(time.Millisecond))
		ix, err := b.Build()
		if err != nil {
			return err
		}
		return write(ix, *out, log, start)
	case "info":
		if err := fs.Parse(args[1:]); err != nil {
			return err
		}
		if fs.NArg() != 1 {
			return errors.New("info needs one snapshot file")
		}
		runtime.GC()
		var before runtime.MemStats
		runtime.ReadMemStats(&before)
		start := time.Now()
		ix, err := index.OpenSnapshot(fs.Arg(0), index.LoadOptions{VerifyText: true})
		if err != nil {
			return err
		}
		took := time.Since(start)
		runtime.GC()
		var after runtime.MemStats
		runtime.ReadMemStats(&after)
		st := ix.Stats()
		fmt.Fprintf(stdout, "snapshot:  %s\nversion:   %s\nentities:  %d\nrelations: %d\ndocuments: %d\nloaded in: %v (text checked)\nheap:      %d bytes (%.1f per relation)\n",
			fs.Arg(0), ix.Version(), st.Entities, st.Relations, st.Documents, took.Round(time.Millisecond),
			after.HeapAlloc-before.HeapAlloc, float64(after.HeapAlloc-before.HeapAlloc)/float64(max(st.Relations, 1)))
		for _, p := range ix.Footprint() {
			fmt.Fprintf(stdout, "  %-40s %12d bytes %7.1f per relation\n", p.Name, p.Bytes, float64(p.Bytes)/float64(max(st.Relations, 1)))
		}
		runtime.KeepAlive(ix)
		return nil
	}
	_ = ctx
	return fmt.Errorf("unknown command %q\n%s", args[0], usage)
}

// write writes ix to path through a temporary file in the same directory.
func write(ix *index.Index, path string, log *slog.Logger, start time.Time) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".tmp-*"+filepath.Ext(path))
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := ix.WriteSnapshot(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	info, _ := os.Stat(path)
	st := ix.Stats()
	log.Info("snapshot written", "file", path, "bytes", info.Size(), "version", ix.Version(),
		"entities", st.Entities, "relations", st.Relations, "documents", st.Documents, "took", time.Since(start).Round(time.Millisecond))
	return nil
}
