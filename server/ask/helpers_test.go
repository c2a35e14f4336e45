package ask

import (
	"sync"
	"testing"

	"github.com/entitygraph/entitygraph/server/index"
	"github.com/entitygraph/entitygraph/server/seed"
)

var seedIndex = sync.OnceValues(func() (*index.Index, error) {
	g, err := seed.Load("../../seeds")
	if err != nil {
		return nil, err
	}
	return index.Build(g)
})

func seedIx(t testing.TB) *index.Index {
	t.Helper()
	ix, err := seedIndex()
	if err != nil {
		t.Fatal(err)
	}
	return ix
}
