package paths

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/seeds"
	"github.com/entitygraph/entitygraph/server/budget"
	"github.com/entitygraph/entitygraph/server/index"
	"github.com/entitygraph/entitygraph/server/seed"
	"github.com/entitygraph/entitygraph/server/vocab"
)

// reuseGraph builds a grid of side×side organizations, partners with their
// right and lower neighbours, with a hub that supplies every fifth of them
// and relations about some of the grid's relations: queries from the hub
// grow large layers, queries across the grid small ones, and the relations
// about relations open UNPACK and PACK hops.
// poolVocab is the seed's vocabulary, for the graphs these tests make.
var poolVocab = sync.OnceValue(func() *vocab.Vocabulary {
	v, err := seed.LoadVocabulary(seeds.FS, nil)
	if err != nil {
		panic(err)
	}
	return v
})

func poolPID(key string) vocab.ID {
	p, _ := poolVocab().Lookup(key)
	return p.ID
}

func reuseGraph(t *testing.T, side int) *index.Index {
	t.Helper()
	g := &pb.Graph{}
	org := func(name string) *pb.Entity {
		return &pb.Entity{Name: "organizations/" + name, DisplayName: name}
	}
	rel := func(name, subj string, p string, obj string) {
		g.Relations = append(g.Relations, &pb.Relation{Name: "relations/" + name, Subject: subj, Predicate: p, Object: obj})
	}
	cell := func(x, y int) string { return fmt.Sprintf("organizations/g-%d-%d", x, y) }
	g.Entities = append(g.Entities, org("hub"))
	for y := range side {
		for x := range side {
			g.Entities = append(g.Entities, org(fmt.Sprintf("g-%d-%d", x, y)))
			if x+1 < side {
				rel(fmt.Sprintf("h-%d-%d", x, y), cell(x, y), "predicates/partners-with", cell(x+1, y))
			}
			if y+1 < side {
				rel(fmt.Sprintf("v-%d-%d", x, y), cell(x, y), "predicates/partners-with", cell(x, y+1))
			}
			if (x+y*side)%5 == 0 {
				rel(fmt.Sprintf("s-%d-%d", x, y), "organizations/hub", "predicates/supplies", cell(x, y))
			}
			if x+1 < side && (x*7+y)%11 == 0 {
				rel(fmt.Sprintf("o-%d-%d", x, y), cell((x+3)%side, y), "predicates/opposes", fmt.Sprintf("relations/h-%d-%d", x, y))
			}
		}
	}
	ix, err := index.Build(poolVocab(), g)
	if err != nil {
		t.Fatalf("index.Build: %v", err)
	}
	return ix
}

// cellNode returns the node of the grid cell at x, y.
func cellNode(t *testing.T, ix *index.Index, x, y int) index.Node {
	t.Helper()
	n, ok := ix.NodeOf(fmt.Sprintf("organizations/g-%d-%d", x, y))
	if !ok {
		t.Fatalf("no cell %d, %d", x, y)
	}
	return n
}

// pathsOutcome is what a FindPaths call answered, for comparison.
type pathsOutcome struct {
	Paths []Path
	Err   string
	Used  int64
}

// TestPathSearchReuse runs a sequence of queries, large and small, some
// failing on their budget or on a cancelled context, all on one search
// reused as the pool reuses it, and checks that each answer is the one a
// fresh search gives. A search that kept anything of an earlier query in
// its tables, layers or lists would find paths that are not there, miss
// some, or spend a different budget.
func TestPathSearchReuse(t *testing.T) {
	t.Parallel()
	const side = 40
	ix := reuseGraph(t, side)
	hub, ok := ix.NodeOf("organizations/hub")
	if !ok {
		t.Fatal("no hub")
	}
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	dirs := []pb.Direction{pb.Direction_DIRECTION_UNSPECIFIED, pb.Direction_DIRECTION_OUTGOING, pb.Direction_DIRECTION_INCOMING}
	rng := rand.New(rand.NewPCG(3, 4))
	reused := &pathSearch{}
	var longer, budgetFailed, cancelledN int
	for i := range 300 {
		// Mostly two cells a few steps apart, so that there are paths of
		// several lengths between them.
		x, y := rng.IntN(side), rng.IntN(side)
		near := func(c int) int { return min(max(c+rng.IntN(7)-3, 0), side-1) }
		q := Query{
			From:      cellNode(t, ix, x, y),
			To:        cellNode(t, ix, near(x), near(y)),
			MaxHops:   1 + rng.IntN(7),
			MaxPaths:  1 + rng.IntN(10),
			Direction: dirs[rng.IntN(len(dirs))],
		}
		switch rng.IntN(5) {
		case 0: // from the hub, with as many paths as the layers hold
			q.From, q.MaxHops, q.MaxPaths, q.Direction = hub, 6, 50, pb.Direction_DIRECTION_UNSPECIFIED
		case 1: // anywhere, relation nodes too
			q.From, q.To = index.Node(rng.IntN(ix.NodeCount())), index.Node(rng.IntN(ix.NodeCount()))
		case 2:
			q.Predicates = []vocab.ID{poolPID("partners-with"), poolPID("opposes")}
		}
		if q.From == q.To {
			continue
		}
		ctx, limit := context.Background(), int64(0)
		switch rng.IntN(8) {
		case 0:
			limit = 1 + rng.Int64N(300)
		case 1:
			ctx = cancelled
		}
		run := func(s *pathSearch) pathsOutcome {
			b := budget.New(ctx, limit)
			paths, err := s.findPaths(ix, q, b)
			o := pathsOutcome{Paths: paths, Used: b.Used()}
			if err != nil {
				o.Err = err.Error()
			}
			return o
		}
		want := run(&pathSearch{})
		got := run(reused)
		reused.release()
		if diff := gocmp.Diff(want, got); diff != "" {
			t.Fatalf("query %d %+v, budget %d: the reused search differs from a fresh one (-fresh +reused):\n%s", i, q, limit, diff)
		}
		switch {
		case want.Err != "" && ctx == cancelled:
			cancelledN++
		case want.Err != "":
			budgetFailed++
		case len(want.Paths) > 1 && len(want.Paths[0].Hops) < len(want.Paths[len(want.Paths)-1].Hops):
			longer++
		}
	}
	// The sequence must have exercised what it is meant to.
	if longer < 30 || budgetFailed < 5 || cancelledN < 5 {
		t.Errorf("%d queries found longer paths, %d failed on the budget, %d on the context; want at least 30, 5 and 5",
			longer, budgetFailed, cancelledN)
	}
}
