// Command entitygraph-snapshot checks data directories and writes and
// inspects binary graph snapshots, which entitygraph-server loads with
// --data much faster than the text format:
//
//	entitygraph-snapshot check DIR
//	    checks a data directory without serving it — its vocabulary, every
//	    name, reference and quote — and prints each problem as file:line;
//	    it exits non-zero when there is an error (warnings alone do not)
//	entitygraph-snapshot convert --data DIR --out graph.egsnap
//	    converts a data directory (vocabulary, graph files, documents)
//	entitygraph-snapshot synth --entities N [--seed S] [--vocab DIR] --out graph.egsnap
//	entitygraph-snapshot synth --entities N [--seed S] [--vocab DIR] --text DIR
//	    generates a synthetic graph (see package synth) in a vocabulary
//	    (the seed's unless --vocab names a directory of *.vocab.txtpb
//	    files), as a snapshot or in the curated text format
//	entitygraph-snapshot info graph.egsnap
//	    loads a snapshot, checking it throughout, and prints what it holds
//	entitygraph-snapshot draft --data DIR [--out FILE] [--min-confidence C] DOC.txt
//	    drafts the graph file of a new document (see package draft) against
//	    the graph of DIR: every record marked as a draft, which check
//	    refuses until a person has confirmed it
//
// Snapshots are written to a temporary file renamed into place, so that a
// server polling the directory never sees half a file.
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	iofs "io/fs"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"time"
	"unicode/utf8"

	"github.com/entitygraph/entitygraph/seeds"
	"github.com/entitygraph/entitygraph/server/coverage"
	"github.com/entitygraph/entitygraph/server/draft"
	"github.com/entitygraph/entitygraph/server/index"
	"github.com/entitygraph/entitygraph/server/seed"
	"github.com/entitygraph/entitygraph/server/synth"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if !errors.Is(err, errProblems) && !errors.Is(err, errUnexplained) {
			fmt.Fprintln(os.Stderr, "entitygraph-snapshot:", err)
		}
		os.Exit(1)
	}
}

const usage = `usage:
  entitygraph-snapshot check [--coverage] DIR
  entitygraph-snapshot convert --data DIR --out FILE
  entitygraph-snapshot synth --entities N [--seed S] [--relations-per-entity R] [--vocab DIR] (--out FILE | --text DIR)
  entitygraph-snapshot info FILE
  entitygraph-snapshot draft --data DIR [--out FILE] [--min-confidence C] DOC.txt`

// errProblems is what check returns when the data directory has errors;
// they are already printed.
var errProblems = errors.New("the data directory has errors")

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return errors.New(usage)
	}
	log := slog.New(slog.NewTextHandler(stderr, nil))
	fs := flag.NewFlagSet("entitygraph-snapshot "+args[0], flag.ContinueOnError)
	fs.SetOutput(stderr)
	switch args[0] {
	case "check":
		withCoverage := fs.Bool("coverage", false, "also list every sentence of every document with the relations it supports, or the reason it supports none, and fail on a sentence with neither")
		if err := fs.Parse(args[1:]); err != nil {
			return err
		}
		if fs.NArg() != 1 {
			return errors.New("check needs one data directory")
		}
		return check(ctx, fs.Arg(0), *withCoverage, stdout)
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
		ix, err := seed.Load(ctx, *data, seed.Options{
			Progress: progress(log, *data),
			Warn:     func(p *seed.Problem) { log.Warn("graph data", "problem", p.Error()) },
		})
		if err != nil {
			return err
		}
		st := ix.Stats()
		log.Info("graph loaded", "entities", st.Entities, "relations", st.Relations, "took", time.Since(start).Round(time.Millisecond))
		return write(ix, *out, log, start)
	case "synth":
		cfg := synth.Config{}
		fs.IntVar(&cfg.Entities, "entities", 10_000, "number of `entities`")
		fs.IntVar(&cfg.RelationsPerEntity, "relations-per-entity", 10, "relations per entity")
		fs.Uint64Var(&cfg.Seed, "seed", 1, "random `seed`: the same seed makes the same graph")
		out := fs.String("out", "", "snapshot `file` to write")
		text := fs.String("text", "", "`directory` to write the graph to in the curated text format instead")
		vocabDir := fs.String("vocab", "", "`directory` of the *.vocab.txtpb files to write in (default: the seed's vocabulary)")
		if err := fs.Parse(args[1:]); err != nil {
			return err
		}
		if (*out == "") == (*text == "") {
			return errors.New("synth needs one of --out and --text")
		}
		var vfs iofs.FS = seeds.FS
		if *vocabDir != "" {
			vfs = os.DirFS(*vocabDir)
		}
		var err error
		if cfg.Vocabulary, err = seed.LoadVocabulary(vfs, nil); err != nil {
			return err
		}
		start := time.Now()
		if *text != "" {
			if err := synth.WriteText(cfg, *text); err != nil {
				return err
			}
			log.Info("text graph written", "dir", *text, "took", time.Since(start).Round(time.Millisecond))
			return nil
		}
		b := index.NewBuilder(cfg.Vocabulary)
		if err := synth.Generate(cfg, b); err != nil {
			return err
		}
		log.Info("graph generated", "entities", cfg.Entities, "took", time.Since(start).Round(time.Millisecond))
		ix, err := b.Build()
		if err != nil {
			return err
		}
		return write(ix, *out, log, start)
	case "draft":
		data := fs.String("data", "", "data `directory` whose graph the document is drafted against")
		out := fs.String("out", "", "graph `file` to write (default: standard output)")
		minConfidence := fs.Float64("min-confidence", 0.5, "leave out the relations less sure than this")
		if err := fs.Parse(args[1:]); err != nil {
			return err
		}
		if *data == "" || fs.NArg() != 1 {
			return errors.New("draft needs --data and one document")
		}
		if !(*minConfidence >= 0 && *minConfidence <= 1) {
			return errors.New("draft: --min-confidence is from 0 to 1")
		}
		return draftFile(ctx, *data, fs.Arg(0), *out, *minConfidence, stdout, stderr)
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
		fmt.Fprintf(stdout, "snapshot:  %s\nversion:   %s\nvocabulary: %s (%d predicates, %d kinds)\nentities:  %d\nrelations: %d\ndocuments: %d\nloaded in: %v (text checked)\nheap:      %d bytes (%.1f per relation)\n",
			fs.Arg(0), ix.Version(), ix.Vocabulary().Digest(), ix.Vocabulary().Len(), len(ix.Vocabulary().Kinds()), st.Entities, st.Relations, st.Documents, took.Round(time.Millisecond),
			after.HeapAlloc-before.HeapAlloc, float64(after.HeapAlloc-before.HeapAlloc)/float64(max(st.Relations, 1)))
		for _, p := range ix.Footprint() {
			fmt.Fprintf(stdout, "  %-40s %12d bytes %7.1f per relation\n", p.Name, p.Bytes, float64(p.Bytes)/float64(max(st.Relations, 1)))
		}
		runtime.KeepAlive(ix)
		return nil
	}
	return fmt.Errorf("unknown command %q\n%s", args[0], usage)
}

// draftFile drafts the graph file of the document at docPath against the
// graph of the data directory dir and writes it to out, or to stdout.
func draftFile(ctx context.Context, dir, docPath, out string, minConfidence float64, stdout, stderr io.Writer) error {
	raw, err := os.ReadFile(docPath)
	if err != nil {
		return err
	}
	if !utf8.Valid(raw) {
		return fmt.Errorf("%s is not valid UTF-8", docPath)
	}
	ix, err := seed.Load(ctx, dir, seed.Options{})
	if err != nil {
		return err
	}
	// The document's source_file is its path inside the data directory;
	// one outside it is named by its file name, to be copied in.
	src := filepath.Base(docPath)
	inside := false
	if absDir, err := filepath.Abs(dir); err == nil {
		if absDoc, err := filepath.Abs(docPath); err == nil {
			if rel, err := filepath.Rel(absDir, absDoc); err == nil && filepath.IsLocal(rel) {
				src, inside = filepath.ToSlash(rel), true
			}
		}
	}
	for _, d := range ix.Documents() {
		if d.GetSourceFile() == src {
			return fmt.Errorf("%s is already in the graph, as %s", src, d.GetName())
		}
	}
	d := draft.Make(ix, string(raw), draft.Options{SourceFile: src, MinConfidence: minConfidence})
	var buf bytes.Buffer
	if err := d.Write(&buf); err != nil {
		return err
	}
	if out == "" {
		if _, err := stdout.Write(buf.Bytes()); err != nil {
			return err
		}
	} else if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "drafted %s: %d known entities referred to, %d new entities, %d relations", src, len(d.Known), len(d.Entities), len(d.Relations))
	if !inside {
		fmt.Fprintf(stderr, "; copy %s into %s before checking", docPath, dir)
	}
	fmt.Fprintln(stderr)
	return nil
}

// check checks the data directory dir, printing every problem, errors and
// warnings, as file:line, and a summary.
func check(ctx context.Context, dir string, withCoverage bool, stdout io.Writer) error {
	warnings := 0
	ix, err := seed.Load(ctx, dir, seed.Options{Curate: true, Warn: func(p *seed.Problem) {
		warnings++
		fmt.Fprintln(stdout, filepath.Join(dir, p.Error()))
	}})
	if err != nil {
		var joined interface{ Unwrap() []error }
		if !errors.As(err, &joined) {
			return err
		}
		errs := 0
		for _, e := range joined.Unwrap() {
			var p *seed.Problem
			if !errors.As(e, &p) {
				return err
			}
			errs++
			fmt.Fprintln(stdout, filepath.Join(dir, p.Error()))
		}
		fmt.Fprintf(stdout, "%s: %d errors, %d warnings\n", dir, errs, warnings)
		return errProblems
	}
	if withCoverage {
		if err := printCoverage(ix, stdout); err != nil {
			return err
		}
	}
	st := ix.Stats()
	fmt.Fprintf(stdout, "%s: ok: %d predicates, %d kinds, %d documents, %d entities, %d relations; %d warnings\n",
		dir, ix.Vocabulary().Len(), len(ix.Vocabulary().Kinds()), st.Documents, st.Entities, st.Relations, warnings)
	return nil
}

// errUnexplained is what check --coverage returns when a sentence states
// no relation and has no reason; the sentences are already printed.
var errUnexplained = errors.New("some sentences state no relation and give no reason")

// printCoverage lists every sentence of every document: the relations
// that quote it, or the reason it states none, or that it has neither.
func printCoverage(ix *index.Index, stdout io.Writer) error {
	unexplained := 0
	for _, d := range ix.Documents() {
		lines, err := coverage.Report(ix, d.GetName())
		if err != nil {
			return err
		}
		claimed, unclaimed, gaps := 0, 0, 0
		for _, l := range lines {
			switch {
			case len(l.Relations) > 0:
				claimed++
			case l.Reason != "":
				unclaimed++
			default:
				gaps++
			}
		}
		unexplained += gaps
		fmt.Fprintf(stdout, "%s: %d sentences: %d state relations, %d state none for a reason, %d unexplained\n",
			d.GetName(), len(lines), claimed, unclaimed, gaps)
		for i, l := range lines {
			fmt.Fprintf(stdout, "  %d. %s\n", i+1, l.Text)
			switch {
			case len(l.Relations) > 0:
				fmt.Fprintf(stdout, "     %s\n", strings.Join(l.Relations, ", "))
				if l.Reason != "" {
					fmt.Fprintf(stdout, "     warning: it also has a reason for stating none (%s); remove it from unclaimed_sentences\n", l.Reason)
				}
			case l.Reason != "":
				fmt.Fprintf(stdout, "     none: %s\n", l.Reason)
			default:
				fmt.Fprintf(stdout, "     UNEXPLAINED: no relation quotes it and no reason says why\n")
			}
		}
	}
	if unexplained > 0 {
		fmt.Fprintf(stdout, "%d unexplained sentences: curate their relations, or add unclaimed_sentences with a reason to the document\n", unexplained)
		return errUnexplained
	}
	return nil
}

// progress logs how far a load of dir has got, every two seconds once it
// has taken two.
func progress(log *slog.Logger, dir string) func(done, total int64) {
	start := time.Now()
	last := start
	return func(done, total int64) {
		now := time.Now()
		if now.Sub(last) < 2*time.Second {
			return
		}
		last = now
		log.Info("loading", "dir", dir, "percent", 100*done/max(total, 1), "elapsed", now.Sub(start).Round(time.Second))
	}
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
