package harness_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/entitygraph/entitygraph/bench/harness"
	"github.com/entitygraph/entitygraph/server/index"
	"github.com/entitygraph/entitygraph/server/seedtest"
	"github.com/entitygraph/entitygraph/server/synth"
)

// smallSnapshot writes a small synthetic snapshot.
func smallSnapshot(t testing.TB, entities int) string {
	t.Helper()
	v := seedtest.Vocabulary(t)
	b := index.NewBuilder(v)
	if err := synth.Generate(synth.Config{Entities: entities, Seed: 1, Vocabulary: v}, b); err != nil {
		t.Fatal(err)
	}
	ix, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "small.egsnap")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := ix.WriteSnapshot(f); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestInProcessSmoke runs every operation of the harness, briefly, on a
// small graph: each must succeed and find something.
func TestInProcessSmoke(t *testing.T) {
	t.Parallel()
	ix, load, err := harness.LoadSnapshot(smallSnapshot(t, 300))
	if err != nil {
		t.Fatal(err)
	}
	if load.Relations != 3000 || load.HeapBytes == 0 || load.Seconds <= 0 {
		t.Errorf("load = %+v", load)
	}
	for _, op := range harness.Ops(ix, harness.NewInputs(ix, 1)) {
		res := harness.Measure(op, 10*time.Millisecond, 20)
		if res.Errors > 0 && op.Name != "FindPaths4" {
			t.Errorf("%s: %d errors, first %s", op.Name, res.Errors, res.FirstError)
		}
		if res.Calls < 20 || res.NsPerOp <= 0 || res.P50 <= 0 || res.P99 < res.P50 {
			t.Errorf("%s: implausible result %+v", op.Name, res)
		}
		if res.Results == 0 && op.Name != "Match2" {
			t.Errorf("%s: no results", op.Name)
		}
	}
}

// BenchmarkOps runs each operation on the snapshot in $EXPLORE_SNAPSHOT
// (a small generated graph without it), for profiling or a quick look at
// one snapshot's figures (bench/run makes the full report):
//
//	EXPLORE_SNAPSHOT=.bench/synth-100k.egsnap go test ./bench/harness -run '^$' -bench 'Ops/SearchFuzzy2' -cpuprofile cpu.out
func BenchmarkOps(b *testing.B) {
	path := os.Getenv("EXPLORE_SNAPSHOT")
	if path == "" {
		path = smallSnapshot(b, 1000)
	}
	ix, _, err := harness.LoadSnapshot(path)
	if err != nil {
		b.Fatal(err)
	}
	for _, op := range harness.Ops(ix, harness.NewInputs(ix, 1)) {
		b.Run(op.Name, func(b *testing.B) {
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				_, _ = op.Run(i)
				i++
			}
		})
	}
}
