// Package seedtest gives tests the seed graph's index, loaded from the
// seed files built into the binary and indexed once per test binary. It is
// for the tests of packages that the server is built from (index, pattern,
// ask, paths, ...), which cannot use package servertest: that one imports
// them.
package seedtest

import (
	"context"
	"path/filepath"
	"runtime"
	"sync"
	"testing"

	"github.com/entitygraph/entitygraph/seeds"
	"github.com/entitygraph/entitygraph/server/index"
	"github.com/entitygraph/entitygraph/server/seed"
	"github.com/entitygraph/entitygraph/server/vocab"
)

var seedIndex = sync.OnceValues(func() (*index.Index, error) {
	return seed.LoadFS(context.Background(), seeds.FS, seed.Options{})
})

// Index returns the seed graph's index, failing the test if it does not
// load. Every caller gets the same index; it is immutable.
func Index(t testing.TB) *index.Index {
	t.Helper()
	ix, err := seedIndex()
	if err != nil {
		t.Fatalf("load the seed graph: %v", err)
	}
	return ix
}

// Vocabulary returns the seed graph's vocabulary.
func Vocabulary(t testing.TB) *vocab.Vocabulary {
	t.Helper()
	return Index(t).Vocabulary()
}

var harborWindIndex = sync.OnceValues(func() (*index.Index, error) {
	_, file, _, _ := runtime.Caller(0)
	return seed.Load(context.Background(), filepath.Join(filepath.Dir(file), "..", "..", "seeds", "harbor-wind"), seed.Options{})
})

// HarborWind returns the index of the second dataset, seeds/harbor-wind,
// loaded once per test binary, failing the test if it does not load.
func HarborWind(t testing.TB) *index.Index {
	t.Helper()
	ix, err := harborWindIndex()
	if err != nil {
		t.Fatalf("load seeds/harbor-wind: %v", err)
	}
	return ix
}
