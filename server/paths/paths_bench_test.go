package paths_test

import (
	"context"
	"fmt"
	"sync"
	"testing"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/server/budget"
	"github.com/entitygraph/entitygraph/server/index"
	"github.com/entitygraph/entitygraph/server/paths"
	"github.com/entitygraph/entitygraph/server/vocab"
)

// benchGridSide is the side of the benchmark grid: 200×200 entities and
// 79,600 relations between neighbours, about 120,000 nodes in all.
const benchGridSide = 200

// benchGrid builds, once, a grid graph: organizations/g-X-Y partners with
// its right and lower neighbours.
var benchGrid = sync.OnceValues(func() (*index.Index, error) {
	g := &pb.Graph{}
	name := func(x, y int) string { return fmt.Sprintf("organizations/g-%d-%d", x, y) }
	for y := range benchGridSide {
		for x := range benchGridSide {
			g.Entities = append(g.Entities, &pb.Entity{
				Name: name(x, y), DisplayName: fmt.Sprintf("G %d %d", x, y),
			})
			if x+1 < benchGridSide {
				g.Relations = append(g.Relations, &pb.Relation{Name: fmt.Sprintf("relations/h-%d-%d", x, y),
					Subject: name(x, y), Predicate: "predicates/partners-with", Object: name(x+1, y)})
			}
			if y+1 < benchGridSide {
				g.Relations = append(g.Relations, &pb.Relation{Name: fmt.Sprintf("relations/v-%d-%d", x, y),
					Subject: name(x, y), Predicate: "predicates/supplies", Object: name(x, y+1)})
			}
		}
	}
	return index.Build(seedVocab(), g)
})

func mustBenchGrid(b *testing.B) *index.Index {
	b.Helper()
	ix, err := benchGrid()
	if err != nil {
		b.Fatalf("build grid: %v", err)
	}
	return ix
}

func gridNode(b *testing.B, ix *index.Index, x, y int) index.Node {
	return pathsNode(b, ix, fmt.Sprintf("organizations/g-%d-%d", x, y))
}

// BenchmarkFindPaths runs FindPaths on a grid of about 120,000 nodes. Run
// it with
//
//	go test ./server/paths/ -run '^$' -bench FindPaths -benchmem
func BenchmarkFindPaths(b *testing.B) {
	ix := mustBenchGrid(b)
	from := gridNode(b, ix, 100, 100)
	tests := []struct {
		name   string
		to     index.Node
		hops   int
		k      int
		dir    pb.Direction
		preds  []vocab.ID
		wantOK bool
	}{
		{name: "8 hops k=1", to: gridNode(b, ix, 104, 104), hops: 8, k: 1, wantOK: true},
		{name: "8 hops k=3", to: gridNode(b, ix, 104, 104), hops: 8, k: 3, wantOK: true},
		{name: "8 hops k=20", to: gridNode(b, ix, 104, 104), hops: 8, k: 20, wantOK: true},
		{name: "2 hops k=20", to: gridNode(b, ix, 101, 101), hops: 8, k: 20, wantOK: true},
		{name: "outgoing 8 hops k=3", to: gridNode(b, ix, 104, 104), hops: 8, k: 3, dir: pb.Direction_DIRECTION_OUTGOING, wantOK: true},
		{name: "unreachable in 8", to: gridNode(b, ix, 105, 105), hops: 8, k: 1},
		{name: "filtered away", to: gridNode(b, ix, 104, 104), hops: 8, k: 1, preds: []vocab.ID{pid("partners-with")}},
	}
	for _, tt := range tests {
		b.Run(tt.name, func(b *testing.B) {
			q := paths.Query{From: from, To: tt.to, MaxHops: tt.hops, MaxPaths: tt.k, Direction: tt.dir, Predicates: tt.preds}
			var edges int64
			b.ReportAllocs()
			for b.Loop() {
				budget := budget.New(context.Background(), 10_000_000)
				paths, err := paths.FindPaths(ix, q, budget)
				if err != nil {
					b.Fatalf("FindPaths = %v", err)
				}
				if got := len(paths) > 0; got != tt.wantOK {
					b.Fatalf("FindPaths found %d paths, want some: %v", len(paths), tt.wantOK)
				}
				edges = budget.Used()
			}
			b.ReportMetric(float64(edges), "edges/op")
		})
	}
}

// BenchmarkTraverse expands four hops from the middle of the grid.
func BenchmarkTraverse(b *testing.B) {
	ix := mustBenchGrid(b)
	q := paths.TraverseQuery{Start: []index.Node{gridNode(b, ix, 100, 100)}, MaxDepth: 4}
	var items int
	b.ReportAllocs()
	for b.Loop() {
		items = 0
		err := paths.Traverse(ix, q, budget.New(context.Background(), 10_000_000), func(paths.Item) error {
			items++
			return nil
		})
		if err != nil {
			b.Fatalf("Traverse = %v", err)
		}
	}
	b.ReportMetric(float64(items), "items/op")
}
