package seed

import (
	"os"
	"path/filepath"
	"testing"
)

func TestSnapshotFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	touch := func(name string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	check := func(data, want string, wantErr bool) {
		t.Helper()
		got, err := SnapshotFile(data)
		if got != want || (err != nil) != wantErr {
			t.Errorf("SnapshotFile(%q) = %q, %v; want %q, error %v", data, got, err, want, wantErr)
		}
	}
	check("", "", false)
	check(dir, "", false)
	snap := touch("a.egsnap")
	check(dir, snap, false)
	check(snap, snap, false)
	touch("b.txtpb")
	check(dir, "", true)
	os.Remove(filepath.Join(dir, "b.txtpb"))
	touch("c.egsnap")
	check(dir, "", true)
	check(filepath.Join(dir, "missing"), "", true)
}
