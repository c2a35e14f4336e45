package index_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/entitygraph/entitygraph/server/columnfile"
	"github.com/entitygraph/entitygraph/server/index"
)

func writeSnapshot(t *testing.T, ix *index.Index) (string, []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := ix.WriteSnapshot(&buf); err != nil {
		t.Fatalf("WriteSnapshot: %v", err)
	}
	path := filepath.Join(t.TempDir(), "graph"+columnfile.FileExt)
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, buf.Bytes()
}

// TestSnapshotRoundTrip checks that a snapshot file answers exactly as the
// index it was written from, with its text mapped or read.
func TestSnapshotRoundTrip(t *testing.T) {
	t.Parallel()
	ix := mustIndex(t)
	path, _ := writeSnapshot(t, ix)
	want := dumpIndex(ix, false)
	for _, opts := range []index.LoadOptions{{}, {NoMap: true}, {VerifyText: true}} {
		var calls int
		opts.Progress = func(done, total int64) { calls++ }
		loaded, err := index.OpenSnapshot(path, opts)
		if err != nil {
			t.Fatalf("OpenSnapshot(%+v): %v", opts, err)
		}
		if loaded.Version() != ix.Version() {
			t.Errorf("version = %s, want %s", loaded.Version(), ix.Version())
		}
		if got := dumpIndex(loaded, false); got != want {
			t.Errorf("OpenSnapshot(%+v) answers differently from the index it was written from", opts)
		}
		if calls == 0 {
			t.Errorf("OpenSnapshot(%+v) reported no progress", opts)
		}
	}
}

// TestSnapshotCorrupt checks that a truncated or damaged snapshot fails to
// load, with ErrCorrupt, and never panics.
func TestSnapshotCorrupt(t *testing.T) {
	t.Parallel()
	_, raw := writeSnapshot(t, mustIndex(t))
	dir := t.TempDir()
	try := func(name string, data []byte) {
		t.Helper()
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := index.OpenSnapshot(path, index.LoadOptions{VerifyText: true}); !errors.Is(err, columnfile.ErrCorrupt) {
			t.Errorf("OpenSnapshot(%s) error = %v, want ErrCorrupt", name, err)
		}
	}
	for _, n := range []int{0, 4, 9, 100, len(raw) / 3, len(raw) / 2, len(raw) - 1} {
		try("truncated", raw[:n])
	}
	for i := 0; i < len(raw); i += max(1, len(raw)/120) {
		damaged := bytes.Clone(raw)
		damaged[i] ^= 0x5a
		try("damaged", damaged)
	}
	try("longer", append(bytes.Clone(raw), 0))
}
