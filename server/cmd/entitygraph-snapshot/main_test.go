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
	for _, args := range [][]string{nil, {"nope"}, {"synth"}, {"convert"}, {"info"}, {"draft"}, {"draft", "--data", "x"}, {"draft", "--data", "x", "--min-confidence", "2", "doc.txt"}} {
		if err := run(context.Background(), args, &out, &out); err == nil {
			t.Errorf("run(%q) succeeded, want a usage error", args)
		}
	}
}

// TestDraft drafts a new article against a copy of the second dataset:
// written to --out, refused for a document the graph holds already or
// text that is not UTF-8.
func TestDraft(t *testing.T) {
	t.Parallel()
	root := filepath.Join("..", "..", "..")
	dir := t.TempDir()
	for _, name := range []string{"harbor-wind.vocab.txtpb", "01.graph.txtpb", "02.graph.txtpb", "01-kittiwake-permit-norvane-lawsuit.txt", "02-norvane-drops-suit-factory-delay.txt"} {
		b, err := os.ReadFile(filepath.Join(root, "seeds", "harbor-wind", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	doc := filepath.Join(root, "server", "draft", "testdata", "harbor-wind", "04-fulmar-picks-norvane-halcyon-canadian-backer.txt")
	out := filepath.Join(t.TempDir(), "04.graph.txtpb") // not in dir, which would then not load
	var stdout, stderr bytes.Buffer
	if err := run(context.Background(), []string{"draft", "--data", dir, "--out", out, doc}, &stdout, &stderr); err != nil {
		t.Fatalf("draft: %v\n%s", err, stderr.String())
	}
	// Outside the data directory, the document is named by its file name,
	// to be copied in.
	if !strings.Contains(stderr.String(), "copy "+doc+" into "+dir) {
		t.Errorf("stderr = %q, want the advice to copy the document in", stderr.String())
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`source_file: "04-fulmar-picks-norvane-halcyon-canadian-backer.txt"`, "entities {", "relations {", "  draft { confidence: "} {
		if !strings.Contains(string(b), want) {
			t.Errorf("the draft has no %q:\n%s", want, b)
		}
	}
	for _, tt := range []struct {
		doc, want string
	}{
		{filepath.Join(dir, "01-kittiwake-permit-norvane-lawsuit.txt"), "already in the graph"},
		{filepath.Join(dir, "missing.txt"), "no such file"},
	} {
		err := run(context.Background(), []string{"draft", "--data", dir, tt.doc}, &stdout, &stderr)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("draft %s: %v, want an error saying %q", tt.doc, err, tt.want)
		}
	}
	bad := filepath.Join(t.TempDir(), "bad.txt")
	if err := os.WriteFile(bad, []byte("Kittiwake \xff\xfe"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := run(context.Background(), []string{"draft", "--data", dir, bad}, &stdout, &stderr); err == nil || !strings.Contains(err.Error(), "UTF-8") {
		t.Errorf("draft of a file that is not UTF-8: %v", err)
	}
}
