package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/pprof"
	"strconv"
	"strings"
	"time"

	"google.golang.org/protobuf/encoding/prototext"
	"google.golang.org/protobuf/proto"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/server/seed"
)

// textResult is how long a directory of text graph files takes to load,
// beside how long prototext.Unmarshal alone takes on the same files.
type textResult struct {
	Relations        int
	Bytes            int64 // of the *.txtpb files
	DocumentBytes    int64
	UnmarshalSeconds float64
	LoadSeconds      float64
}

// textRun is what one textload subprocess prints.
type textRun struct {
	Seconds   float64
	Bytes     int64
	Relations int
}

// textDir is where the text form of a synthetic graph of rels relations is
// cached.
func textDir(cfg config, rels int) string {
	return filepath.Join(cfg.Dir, fmt.Sprintf("text-%s-seed%d", scaleName(rels), cfg.Seed))
}

// ensureText writes the synthetic graph of rels relations (10 per entity)
// as text graph files, unless the cached one was written by the same tool.
func ensureText(ctx context.Context, cfg config, rels int, log io.Writer) (string, error) {
	dir := textDir(cfg, rels)
	stamp, err := fileHash(cfg.Tool)
	if err != nil {
		return "", fmt.Errorf("snapshot tool: %w", err)
	}
	if old, err := os.ReadFile(dir + ".stamp"); err == nil && strings.TrimSpace(string(old)) == stamp {
		logf(log, "text graph %s is up to date", dir)
		return dir, nil
	}
	logf(log, "writing %s relations as text into %s", scaleName(rels), dir)
	if err := os.RemoveAll(dir); err != nil {
		return "", err
	}
	cmd := exec.CommandContext(ctx, cfg.Tool, "synth", "--entities", strconv.Itoa(rels/10), "--seed", strconv.FormatUint(cfg.Seed, 10), "--text", dir)
	cmd.Stderr = log
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("write text graph of %s relations: %w", scaleName(rels), err)
	}
	return dir, os.WriteFile(dir+".stamp", []byte(stamp+"\n"), 0o644)
}

// measureText times both ways of reading each text graph, each in a fresh
// process, so that neither finds the other's heap.
func measureText(ctx context.Context, cfg config, log io.Writer) ([]textResult, error) {
	var out []textResult
	for _, rels := range cfg.TextScales {
		dir, err := ensureText(ctx, cfg, rels, log)
		if err != nil {
			return nil, err
		}
		logf(log, "text format, %s relations", scaleName(rels))
		var un, ld textRun
		if err := runJSON(ctx, cfg.Self, []string{"textload", "--dir", dir, "--mode", "unmarshal"}, &un); err != nil {
			return nil, err
		}
		if err := runJSON(ctx, cfg.Self, []string{"textload", "--dir", dir, "--mode", "load"}, &ld); err != nil {
			return nil, err
		}
		docs, err := dirBytes(filepath.Join(dir, "docs"))
		if err != nil {
			return nil, err
		}
		out = append(out, textResult{Relations: ld.Relations, Bytes: un.Bytes, DocumentBytes: docs,
			UnmarshalSeconds: un.Seconds, LoadSeconds: ld.Seconds})
	}
	return out, nil
}

func dirBytes(dir string) (int64, error) {
	var n int64
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		n += info.Size()
		return err
	})
	return n, err
}

// textload is the subprocess: --mode unmarshal reads every *.txtpb file of
// --dir and decodes it with prototext.Unmarshal alone (the vocabulary as a
// Vocabulary, the rest as Graphs); --mode load loads the directory as the
// server does (seed.Load: every check, the documents, the index).
func textload(ctx context.Context, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("textload", flag.ContinueOnError)
	dir := fs.String("dir", "", "data directory")
	mode := fs.String("mode", "load", "unmarshal or load")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the run to this file")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	start := time.Now()
	var run textRun
	switch *mode {
	case "unmarshal":
		files, err := filepath.Glob(filepath.Join(*dir, "*.txtpb"))
		if err != nil {
			return err
		}
		for _, f := range files {
			src, err := os.ReadFile(f)
			if err != nil {
				return err
			}
			run.Bytes += int64(len(src))
			var m proto.Message = &pb.Graph{}
			if strings.HasSuffix(f, seed.VocabFileExt) {
				m = &pb.Vocabulary{}
			}
			if err := prototext.Unmarshal(src, m); err != nil {
				return fmt.Errorf("%s: %w", f, err)
			}
			if g, ok := m.(*pb.Graph); ok {
				run.Relations += len(g.GetRelations())
			}
		}
	case "load":
		ix, err := seed.Load(ctx, *dir, seed.Options{})
		if err != nil {
			return err
		}
		run.Relations = ix.Stats().Relations
	default:
		return fmt.Errorf("unknown --mode %q", *mode)
	}
	run.Seconds = time.Since(start).Seconds()
	return json.NewEncoder(stdout).Encode(run)
}
