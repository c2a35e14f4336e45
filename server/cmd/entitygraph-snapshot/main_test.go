package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/entitygraph/entitygraph/server/app"
)

func runTool(t *testing.T, args ...string) string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if err := run(context.Background(), args, &stdout, &stderr); err != nil {
		t.Fatalf("entitygraph-snapshot %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return stdout.String()
}

// TestConvertMatchesSynth checks the whole bulk path: a synthetic graph
// written as a snapshot is byte for byte the snapshot converted from the
// same graph in the curated text format, and the server loads it from a
// file or a directory.
func TestConvertMatchesSynth(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	direct := filepath.Join(dir, "direct.egsnap")
	text := filepath.Join(dir, "text")
	converted := filepath.Join(dir, "snap", "graph.egsnap")
	if err := os.Mkdir(filepath.Dir(converted), 0o755); err != nil {
		t.Fatal(err)
	}
	runTool(t, "synth", "--entities", "200", "--seed", "5", "--out", direct)
	runTool(t, "synth", "--entities", "200", "--seed", "5", "--text", text)
	runTool(t, "convert", "--data", text, "--out", converted)
	a, _ := os.ReadFile(direct)
	b, _ := os.ReadFile(converted)
	if len(a) == 0 || !bytes.Equal(a, b) {
		t.Fatalf("snapshot from synth (%d bytes) and from convert (%d bytes) differ", len(a), len(b))
	}
	info := runTool(t, "info", direct)
	if !strings.Contains(info, "relations: 2000") {
		t.Errorf("info = %s, want 4000 relations", info)
	}
	for _, data := range []string{direct, filepath.Dir(converted)} {
		ix, err := app.LoadIndex(data)
		if err != nil {
			t.Fatalf("LoadIndex(%s): %v", data, err)
		}
		if st := ix.Stats(); st.Entities != 200 || st.Relations != 2000 {
			t.Errorf("LoadIndex(%s) stats = %+v", data, st)
		}
	}
	if _, err := app.LoadIndex(text); err != nil {
		t.Errorf("LoadIndex(text dir): %v", err)
	}
}

func TestUsage(t *testing.T) {
	t.Parallel()
	var out bytes.Buffer
	for _, args := range [][]string{nil, {"nope"}, {"synth"}, {"convert"}, {"info"}} {
		if err := run(context.Background(), args, &out, &out); err == nil {
			t.Errorf("run(%q) succeeded, want a usage error", args)
		}
	}
}
