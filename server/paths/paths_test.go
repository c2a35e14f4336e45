package paths_test

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/seeds"
	"github.com/entitygraph/entitygraph/server/budget"
	"github.com/entitygraph/entitygraph/server/index"
	"github.com/entitygraph/entitygraph/server/paths"
	"github.com/entitygraph/entitygraph/server/seed"
	"github.com/entitygraph/entitygraph/server/seedtest"
	"github.com/entitygraph/entitygraph/server/vocab"
)

// seedVocab is the seed's vocabulary, for graphs made in the tests.
var seedVocab = sync.OnceValue(func() *vocab.Vocabulary {
	v, err := seed.LoadVocabulary(seeds.FS, nil)
	if err != nil {
		panic(err)
	}
	return v
})

// pid is the ID of a predicate of the seed's vocabulary.
func pid(key string) vocab.ID {
	p, ok := seedVocab().Lookup(key)
	if !ok {
		panic("no predicate " + key)
	}
	return p.ID
}

func mustPathsSeed(t testing.TB) *index.Index {
	t.Helper()
	return seedtest.Index(t)
}

// pathsNode returns the node called name, failing the test if there is none.
func pathsNode(t testing.TB, ix *index.Index, name string) index.Node {
	t.Helper()
	n, ok := ix.NodeOf(name)
	if !ok {
		t.Fatalf("no node %s", name)
	}
	return n
}

// pathsRel returns the relation called name.
func pathsRel(t testing.TB, ix *index.Index, name string) index.Rel {
	t.Helper()
	n := pathsNode(t, ix, name)
	r, ok := ix.NodeRelation(n)
	if !ok {
		t.Fatalf("%s is not a relation", name)
	}
	return r
}

const (
	fwd    = pb.HopKind_HOP_KIND_FORWARD
	bwd    = pb.HopKind_HOP_KIND_BACKWARD
	unpack = pb.HopKind_HOP_KIND_UNPACK
	pack   = pb.HopKind_HOP_KIND_PACK
)

// hopString renders a hop by names, for failure messages.
func hopString(ix *index.Index, h paths.Hop) string {
	return fmt.Sprintf("%s -%s %s-> %s", ix.NodeName(h.From), h.Kind, ix.RelationAt(h.Rel).GetName(), ix.NodeName(h.To))
}

func pathString(ix *index.Index, p paths.Path) string {
	s := ix.NodeName(p.Nodes[0])
	for _, h := range p.Hops {
		s += fmt.Sprintf(" -%s %s-> %s", h.Kind, ix.RelationAt(h.Rel).GetName(), ix.NodeName(h.To))
	}
	return s
}

// checkPath fails the test unless p is a well-formed simple path from from
// to to whose every hop is a real use of a real relation.
func checkPath(t *testing.T, ix *index.Index, from, to index.Node, p paths.Path) {
	t.Helper()
	if len(p.Nodes) != len(p.Hops)+1 {
		t.Fatalf("path has %d nodes and %d hops, want one more node than hops", len(p.Nodes), len(p.Hops))
	}
	if p.Nodes[0] != from || p.Nodes[len(p.Nodes)-1] != to {
		t.Errorf("path runs %s to %s, want %s to %s", ix.NodeName(p.Nodes[0]), ix.NodeName(p.Nodes[len(p.Nodes)-1]), ix.NodeName(from), ix.NodeName(to))
	}
	seen := map[index.Node]bool{}
	for _, n := range p.Nodes {
		if seen[n] {
			t.Errorf("path %s visits %s twice", pathString(ix, p), ix.NodeName(n))
		}
		seen[n] = true
	}
	for i, h := range p.Hops {
		if h.From != p.Nodes[i] || h.To != p.Nodes[i+1] {
			t.Errorf("hop %d %s does not join nodes %d and %d", i, hopString(ix, h), p.Nodes[i], p.Nodes[i+1])
		}
		if h.Rel < 0 || int(h.Rel) >= ix.RelationCount() {
			t.Fatalf("hop %d uses relation %d, which does not exist", i, h.Rel)
		}
		s, o := ix.Ends(h.Rel)
		rn := ix.RelationNode(h.Rel)
		var ok bool
		switch h.Kind {
		case fwd:
			ok = h.From == s && h.To == o
		case bwd:
			ok = h.From == o && h.To == s
		case unpack:
			ok = h.From == rn && (h.To == s || h.To == o)
		case pack:
			ok = h.To == rn && (h.From == s || h.From == o)
		}
		if !ok {
			t.Errorf("hop %d %s is not a %s use of its relation", i, hopString(ix, h), h.Kind)
		}
	}
}

// refHops lists the hops out of n straight from the definition, as the
// reference the optimized search is checked against.
func refHops(ix *index.Index, n index.Node, preds []vocab.ID, dir pb.Direction) []paths.Hop {
	outgoing := dir != pb.Direction_DIRECTION_INCOMING
	incoming := dir != pb.Direction_DIRECTION_OUTGOING
	admits := func(r index.Rel) bool { return len(preds) == 0 || slices.Contains(preds, ix.Predicate(r)) }
	about := func(r index.Rel) []index.Rel {
		rn := ix.RelationNode(r)
		return append(slices.Clone(ix.Out(rn)), ix.In(rn)...)
	}
	reified := func(r index.Rel) bool { return len(about(r)) > 0 }
	nodeOK := func(r index.Rel) bool { return admits(r) || slices.ContainsFunc(about(r), admits) }
	var hops []paths.Hop
	if outgoing {
		for _, r := range ix.Out(n) {
			if admits(r) {
				_, o := ix.Ends(r)
				hops = append(hops, paths.Hop{From: n, To: o, Rel: r, Kind: fwd})
			}
		}
		if r, ok := ix.NodeRelation(n); ok && reified(r) && nodeOK(r) {
			s, o := ix.Ends(r)
			hops = append(hops, paths.Hop{From: n, To: s, Rel: r, Kind: unpack})
			if o != s {
				hops = append(hops, paths.Hop{From: n, To: o, Rel: r, Kind: unpack})
			}
		}
	}
	if incoming {
		for _, r := range ix.In(n) {
			if admits(r) {
				s, _ := ix.Ends(r)
				hops = append(hops, paths.Hop{From: n, To: s, Rel: r, Kind: bwd})
			}
		}
		touching := append(slices.Clone(ix.Out(n)), ix.In(n)...)
		slices.Sort(touching)
		for _, r := range slices.Compact(touching) {
			if reified(r) && nodeOK(r) {
				hops = append(hops, paths.Hop{From: n, To: ix.RelationNode(r), Rel: r, Kind: pack})
			}
		}
	}
	return hops
}

// refComparePaths is the documented order of paths: shorter first, then hop
// by hop by relation number, kind and node reached.
func refComparePaths(a, b paths.Path) int {
	if c := cmp.Compare(len(a.Hops), len(b.Hops)); c != 0 {
		return c
	}
	return slices.CompareFunc(a.Hops, b.Hops, func(x, y paths.Hop) int {
		return cmp.Or(cmp.Compare(x.Rel, y.Rel), cmp.Compare(x.Kind, y.Kind), cmp.Compare(x.To, y.To))
	})
}

// refPaths enumerates every simple path of at most q.MaxHops hops, in the
// documented order. It is exponential and only for small graphs.
func refPaths(ix *index.Index, q paths.Query) []paths.Path {
	if q.From == q.To {
		return []paths.Path{{Nodes: []index.Node{q.From}, Hops: []paths.Hop{}}}
	}
	all := []paths.Path{}
	nodes := []index.Node{q.From}
	var hops []paths.Hop
	var walk func(n index.Node)
	walk = func(n index.Node) {
		if n == q.To {
			all = append(all, paths.Path{Nodes: slices.Clone(nodes), Hops: slices.Clone(hops)})
			return
		}
		if len(hops) == q.MaxHops {
			return
		}
		for _, h := range refHops(ix, n, q.Predicates, q.Direction) {
			if slices.Contains(nodes, h.To) {
				continue
			}
			nodes, hops = append(nodes, h.To), append(hops, h)
			walk(h.To)
			nodes, hops = nodes[:len(nodes)-1], hops[:len(hops)-1]
		}
	}
	walk(q.From)
	slices.SortFunc(all, refComparePaths)
	return all
}

func TestFindPathsSeed(t *testing.T) {
	t.Parallel()
	ix := mustPathsSeed(t)
	chey := pathsNode(t, ix, "people/chey-tae-won")
	kioxia := pathsNode(t, ix, "organizations/kioxia")
	skGroup := pathsNode(t, ix, "organizations/sk-group")
	bidNode := pathsNode(t, ix, "relations/western-digital-bid-for-kioxia")
	leads := pathsRel(t, ix, "relations/chey-tae-won-leads-sk-group")
	coordinates := pathsRel(t, ix, "relations/sk-group-coordinates-against-western-digital-bid")
	bid := pathsRel(t, ix, "relations/western-digital-bid-for-kioxia")
	samsung := pathsNode(t, ix, "organizations/samsung-electronics")
	sony := pathsNode(t, ix, "organizations/sony")
	tests := []struct {
		name      string
		q         paths.Query
		wantPaths int           // how many paths; -1 means at least one
		wantLen   int           // length of the first path
		want      [][]paths.Hop // when set, exactly these paths
		kinds     []pb.HopKind  // when set, the only kinds allowed
	}{
		{
			name:      "chey to kioxia",
			q:         paths.Query{From: chey, To: kioxia, MaxHops: 4, MaxPaths: 1},
			wantPaths: 1, wantLen: 3,
		},
		{
			name:      "chey to kioxia, five paths",
			q:         paths.Query{From: chey, To: kioxia, MaxHops: 4, MaxPaths: 5},
			wantPaths: 5, wantLen: 3,
		},
		{
			name: "chey to kioxia by leads and coordinates against",
			q: paths.Query{From: chey, To: kioxia, MaxHops: 4, MaxPaths: 3,
				Predicates: []vocab.ID{pid("leads"), pid("coordinates-against")}},
			wantPaths: 1, wantLen: 3,
			want: [][]paths.Hop{{
				{From: chey, To: skGroup, Rel: leads, Kind: fwd},
				{From: skGroup, To: bidNode, Rel: coordinates, Kind: fwd},
				{From: bidNode, To: kioxia, Rel: bid, Kind: unpack},
			}},
		},
		{
			name:      "outgoing only",
			q:         paths.Query{From: chey, To: kioxia, MaxHops: 4, MaxPaths: 5, Direction: pb.Direction_DIRECTION_OUTGOING},
			wantPaths: -1, wantLen: 3,
			kinds: []pb.HopKind{fwd, unpack},
		},
		{
			name:      "incoming only, the other way",
			q:         paths.Query{From: kioxia, To: chey, MaxHops: 4, MaxPaths: 5, Direction: pb.Direction_DIRECTION_INCOMING},
			wantPaths: -1, wantLen: 3,
			kinds: []pb.HopKind{bwd, pack},
		},
		{
			name:      "from a node to itself",
			q:         paths.Query{From: chey, To: chey, MaxHops: 4, MaxPaths: 3},
			wantPaths: 1, wantLen: 0,
		},
		{
			name:      "not within one hop",
			q:         paths.Query{From: chey, To: kioxia, MaxHops: 1, MaxPaths: 3},
			wantPaths: 0,
		},
		{
			name:      "not within two hops",
			q:         paths.Query{From: chey, To: kioxia, MaxHops: 2, MaxPaths: 3},
			wantPaths: 0,
		},
		{
			// Samsung and Sony partner, and something is said about that
			// partnership, but not by LEADS: the filter keeps the path from
			// slipping through the partnership's node.
			name: "predicate filter closes relation nodes",
			q: paths.Query{From: samsung, To: sony, MaxHops: 8, MaxPaths: 3,
				Predicates: []vocab.ID{pid("leads")}},
			wantPaths: 0,
		},
		{
			name: "predicate filter, direct",
			q: paths.Query{From: samsung, To: sony, MaxHops: 8, MaxPaths: 20,
				Predicates: []vocab.ID{pid("supplies")}},
			wantPaths: 1, wantLen: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			b := budget.New(context.Background(), 1_000_000)
			got, err := paths.FindPaths(ix, tt.q, b)
			if err != nil {
				t.Fatalf("FindPaths = %v, want no error", err)
			}
			if got == nil {
				t.Errorf("FindPaths = nil, want a non-nil slice")
			}
			if tt.wantPaths >= 0 && len(got) != tt.wantPaths || tt.wantPaths < 0 && len(got) == 0 {
				for _, p := range got {
					t.Logf("  %s", pathString(ix, p))
				}
				t.Fatalf("FindPaths found %d paths, want %d", len(got), tt.wantPaths)
			}
			if len(got) > 0 && len(got[0].Hops) != tt.wantLen {
				t.Errorf("first path %s has %d hops, want %d", pathString(ix, got[0]), len(got[0].Hops), tt.wantLen)
			}
			for i, p := range got {
				checkPath(t, ix, tt.q.From, tt.q.To, p)
				if len(p.Hops) > tt.q.MaxHops {
					t.Errorf("path %d has %d hops, more than MaxHops %d", i, len(p.Hops), tt.q.MaxHops)
				}
				if i > 0 && refComparePaths(got[i-1], p) >= 0 {
					t.Errorf("path %d %s does not come after path %d %s", i, pathString(ix, p), i-1, pathString(ix, got[i-1]))
				}
				for _, h := range p.Hops {
					if tt.kinds != nil && !slices.Contains(tt.kinds, h.Kind) {
						t.Errorf("path %d uses hop %s, want only kinds %v", i, hopString(ix, h), tt.kinds)
					}
					if len(tt.q.Predicates) > 0 && (h.Kind == fwd || h.Kind == bwd) && !slices.Contains(tt.q.Predicates, ix.Predicate(h.Rel)) {
						t.Errorf("path %d crosses %s, whose predicate is not in %v", i, hopString(ix, h), tt.q.Predicates)
					}
				}
			}
			if tt.want != nil {
				var gotHops [][]paths.Hop
				for _, p := range got {
					gotHops = append(gotHops, p.Hops)
				}
				if diff := gocmp.Diff(tt.want, gotHops); diff != "" {
					t.Errorf("FindPaths hops mismatch (-want +got):\n%s", diff)
				}
			}
			// The k shortest are exactly the first k of all simple paths in
			// the documented order.
			want := refPaths(ix, tt.q)
			want = want[:min(len(want), max(tt.q.MaxPaths, 1))]
			if diff := gocmp.Diff(want, got); diff != "" {
				t.Errorf("FindPaths differs from the reference enumeration (-want +got):\n%s", diff)
			}
		})
	}
}

func TestFindPathsErrors(t *testing.T) {
	t.Parallel()
	ix := mustPathsSeed(t)
	chey := pathsNode(t, ix, "people/chey-tae-won")
	kioxia := pathsNode(t, ix, "organizations/kioxia")
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	expired, cancel2 := context.WithTimeout(context.Background(), 0)
	defer cancel2()
	tests := []struct {
		name   string
		ctx    context.Context
		limit  int64
		k      int
		wantIs error
	}{
		{name: "budget of five", ctx: context.Background(), limit: 5, k: 1, wantIs: budget.ErrExceeded},
		{name: "budget runs out on longer paths", ctx: context.Background(), limit: 60, k: 20, wantIs: budget.ErrExceeded},
		{name: "cancelled", ctx: cancelled, limit: 1000, k: 3, wantIs: context.Canceled},
		{name: "deadline passed", ctx: expired, limit: 1000, k: 3, wantIs: context.DeadlineExceeded},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			b := budget.New(tt.ctx, tt.limit)
			got, err := paths.FindPaths(ix, paths.Query{From: chey, To: kioxia, MaxHops: 4, MaxPaths: tt.k}, b)
			if !errors.Is(err, tt.wantIs) {
				t.Fatalf("FindPaths = %d paths, %v; want error %v", len(got), err, tt.wantIs)
			}
			if got != nil {
				t.Errorf("FindPaths returned %d paths with its error, want none", len(got))
			}
			var be *budget.Error
			if tt.wantIs == budget.ErrExceeded && (!errors.As(err, &be) || be.Limit != tt.limit) {
				t.Errorf("FindPaths error = %#v, want *BudgetError with Limit %d", err, tt.limit)
			}
		})
	}
}

// TestFindPathsCountsEdges checks that the budget sees the work: a query
// that succeeds spends something, and no more than a full scan would.
func TestFindPathsCountsEdges(t *testing.T) {
	t.Parallel()
	ix := mustPathsSeed(t)
	b := budget.New(context.Background(), 0)
	q := paths.Query{From: pathsNode(t, ix, "people/chey-tae-won"), To: pathsNode(t, ix, "organizations/kioxia"), MaxHops: 4, MaxPaths: 1}
	if _, err := paths.FindPaths(ix, q, b); err != nil {
		t.Fatalf("FindPaths = %v", err)
	}
	if b.Used() == 0 {
		t.Errorf("Used() = 0 after a search, want the edges it visited")
	}
	// The exact count for the same query, as a limit, is enough.
	exact := budget.New(context.Background(), b.Used())
	if _, err := paths.FindPaths(ix, q, exact); err != nil {
		t.Errorf("FindPaths with a budget of exactly %d = %v, want success", b.Used(), err)
	}
}

// pathsGraph builds an index from a hand-made graph: entities
// organizations/<id> and relations "relations/<id>" given as
// {id, subject, predicate, object} with subject and object written as
// resource names.
func pathsGraph(t testing.TB, entities []string, rels [][4]string) *index.Index {
	t.Helper()
	g := &pb.Graph{}
	for _, id := range entities {
		g.Entities = append(g.Entities, &pb.Entity{
			Name: "organizations/" + id, DisplayName: "Org " + id,
		})
	}
	for _, r := range rels {
		p := "predicates/" + vocab.PredicateKey(strings.TrimPrefix(r[2], "PREDICATE_"))
		g.Relations = append(g.Relations, &pb.Relation{Name: "relations/" + r[0], Subject: r[1], Predicate: p, Object: r[3]})
	}
	ix, err := index.Build(seedVocab(), g)
	if err != nil {
		t.Fatalf("index.Build: %v", err)
	}
	return ix
}

// TestFindPathsLonger checks the k shortest paths on small graphs made to
// have many paths of equal and differing lengths, so that most queries
// need paths longer than the shortest.
func TestFindPathsLonger(t *testing.T) {
	t.Parallel()
	const p = "PREDICATE_PARTNERS_WITH"
	o := func(id string) string { return "organizations/" + id }
	// A ladder a..f with rungs: many paths of lengths 3, 5, 7.
	ladder := pathsGraph(t, []string{"a", "b", "c", "d", "e", "f", "g", "h"}, [][4]string{
		{"ab", o("a"), p, o("b")}, {"bc", o("b"), p, o("c")}, {"cd", o("c"), p, o("d")},
		{"ae", o("a"), p, o("e")}, {"ef", o("e"), p, o("f")}, {"fg", o("f"), p, o("g")}, {"gd", o("g"), p, o("d")},
		{"be", o("b"), p, o("e")}, {"cf", o("c"), p, o("f")}, {"cg", o("c"), p, o("g")},
		{"ah", o("a"), p, o("h")}, {"hd", o("h"), "PREDICATE_SUPPLIES", o("d")},
		// Parallel relations between the same two nodes are distinct hops.
		{"ab2", o("a"), "PREDICATE_SUPPLIES", o("b")},
	})
	// Relations about relations: the path may pass through relation nodes.
	nested := pathsGraph(t, []string{"x", "y", "z", "w"}, [][4]string{
		{"xy", o("x"), "PREDICATE_ACQUIRES", o("y")},
		{"z-opposes-xy", o("z"), "PREDICATE_OPPOSES", "relations/xy"},
		{"w-opposes-z-opposes-xy", o("w"), "PREDICATE_OPPOSES", "relations/z-opposes-xy"},
		{"wy", o("w"), p, o("y")},
		{"loop", o("z"), p, o("z")},
	})
	// Two shortest paths, s-m-t and s-y-t; the longer ones must not come back to m
	// (s-m-x-m-t is a walk of four hops, not a path) nor pass through t
	// before the end.
	detour := pathsGraph(t, []string{"s", "m", "t", "x", "y"}, [][4]string{
		{"1-sm", o("s"), p, o("m")}, {"2-mt", o("m"), p, o("t")},
		{"3-mx", o("m"), p, o("x")}, {"4-xm", o("x"), "PREDICATE_SUPPLIES", o("m")},
		{"5-ty", o("t"), p, o("y")}, {"6-ys", o("y"), p, o("s")}, {"7-xt", o("x"), p, o("t")},
	})
	tests := []struct {
		name     string
		ix       *index.Index
		from, to string
		k, hops  int
		dir      pb.Direction
		preds    []vocab.ID
		wantN    int
	}{
		{name: "detour k=20", ix: detour, from: "organizations/s", to: "organizations/t", k: 20, hops: 4, wantN: 4},
		{name: "detour outgoing", ix: detour, from: "organizations/s", to: "organizations/t", k: 20, hops: 4, dir: pb.Direction_DIRECTION_OUTGOING, wantN: 2},
		{name: "ladder k=1", ix: ladder, from: "organizations/a", to: "organizations/d", k: 1, hops: 8, wantN: 1},
		{name: "ladder k=5", ix: ladder, from: "organizations/a", to: "organizations/d", k: 5, hops: 8, wantN: 5},
		{name: "ladder k=20", ix: ladder, from: "organizations/a", to: "organizations/d", k: 20, hops: 8, wantN: 20},
		{name: "ladder all within 4", ix: ladder, from: "organizations/a", to: "organizations/d", k: 20, hops: 4, wantN: -1},
		{name: "ladder outgoing", ix: ladder, from: "organizations/a", to: "organizations/d", k: 20, hops: 8, dir: pb.Direction_DIRECTION_OUTGOING, wantN: -1},
		{name: "ladder incoming", ix: ladder, from: "organizations/d", to: "organizations/a", k: 20, hops: 8, dir: pb.Direction_DIRECTION_INCOMING, wantN: -1},
		{name: "ladder supplies only", ix: ladder, from: "organizations/a", to: "organizations/d", k: 3, hops: 8, preds: []vocab.ID{pid("supplies")}, wantN: 0},
		{name: "nested x to w", ix: nested, from: "organizations/x", to: "organizations/w", k: 20, hops: 8, wantN: -1},
		{name: "nested z to y", ix: nested, from: "organizations/z", to: "organizations/y", k: 20, hops: 8, wantN: -1},
		{name: "nested outgoing w to y", ix: nested, from: "organizations/w", to: "organizations/y", k: 20, hops: 8, dir: pb.Direction_DIRECTION_OUTGOING, wantN: -1},
		{name: "nested relation to relation", ix: nested, from: "relations/xy", to: "relations/z-opposes-xy", k: 20, hops: 8, wantN: -1},
		// Nothing is said about w-opposes-z-opposes-xy: it is not a node
		// any hop reaches.
		{name: "nested unreified relation", ix: nested, from: "relations/xy", to: "relations/w-opposes-z-opposes-xy", k: 20, hops: 8, wantN: 0},
		{name: "nested opposes only", ix: nested, from: "organizations/w", to: "organizations/x", k: 20, hops: 8, preds: []vocab.ID{pid("opposes")}, wantN: -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			q := paths.Query{From: pathsNode(t, tt.ix, tt.from), To: pathsNode(t, tt.ix, tt.to), MaxHops: tt.hops, MaxPaths: tt.k, Direction: tt.dir, Predicates: tt.preds}
			got, err := paths.FindPaths(tt.ix, q, budget.New(context.Background(), 0))
			if err != nil {
				t.Fatalf("FindPaths = %v", err)
			}
			want := refPaths(tt.ix, q)
			want = want[:min(len(want), tt.k)]
			if tt.wantN >= 0 && len(want) != tt.wantN {
				t.Fatalf("the reference finds %d paths, the test expects %d: fix the test graph", len(want), tt.wantN)
			}
			if tt.wantN < 0 && len(want) == 0 {
				t.Fatalf("the reference finds no path: fix the test graph")
			}
			for _, p := range got {
				checkPath(t, tt.ix, q.From, q.To, p)
			}
			if diff := gocmp.Diff(want, got); diff != "" {
				t.Errorf("FindPaths differs from the reference enumeration (-want +got):\n%s", diff)
			}
		})
	}
}

// TestFindPathsRandom compares FindPaths with the reference enumeration on
// random small graphs with relations about relations, parallel relations
// and self-loops, in every direction and with predicate filters.
func TestFindPathsRandom(t *testing.T) {
	t.Parallel()
	preds := []string{"PREDICATE_PARTNERS_WITH", "PREDICATE_SUPPLIES", "PREDICATE_OPPOSES"}
	dirs := []pb.Direction{pb.Direction_DIRECTION_UNSPECIFIED, pb.Direction_DIRECTION_OUTGOING, pb.Direction_DIRECTION_INCOMING}
	// The comparison means little unless many queries have several paths.
	var several atomic.Int64
	t.Cleanup(func() {
		if n := several.Load(); n < 50 {
			t.Errorf("only %d random queries had two or more paths, want at least 50", n)
		}
	})
	for seedN := range uint64(60) {
		t.Run(fmt.Sprint("graph", seedN), func(t *testing.T) {
			t.Parallel()
			rng := rand.New(rand.NewPCG(seedN, 7))
			nEnt := 5 + rng.IntN(6)
			var ents []string
			var names []string
			for i := range nEnt {
				ents = append(ents, fmt.Sprintf("e%02d", i))
				names = append(names, fmt.Sprintf("organizations/e%02d", i))
			}
			var rels [][4]string
			for i := range 8 + rng.IntN(14) {
				s, o := names[rng.IntN(len(names))], names[rng.IntN(len(names))]
				id := fmt.Sprintf("r%02d", i)
				rels = append(rels, [4]string{id, s, preds[rng.IntN(len(preds))], o})
				names = append(names, "relations/"+id)
			}
			ix := pathsGraph(t, ents, rels)
			for range 20 {
				q := paths.Query{
					From:      index.Node(rng.IntN(ix.NodeCount())),
					To:        index.Node(rng.IntN(ix.NodeCount())),
					MaxHops:   1 + rng.IntN(6),
					MaxPaths:  1 + rng.IntN(8),
					Direction: dirs[rng.IntN(len(dirs))],
				}
				if rng.IntN(3) == 0 {
					q.Predicates = []vocab.ID{pid(strings.TrimPrefix(preds[rng.IntN(len(preds))], "PREDICATE_"))}
				}
				got, err := paths.FindPaths(ix, q, budget.New(context.Background(), 0))
				if err != nil {
					t.Fatalf("FindPaths(%+v) = %v", q, err)
				}
				want := refPaths(ix, q)
				want = want[:min(len(want), q.MaxPaths)]
				if len(want) >= 2 {
					several.Add(1)
				}
				if diff := gocmp.Diff(want, got); diff != "" {
					t.Errorf("FindPaths(%+v) differs from the reference enumeration (-want +got):\n%s", q, diff)
				}
			}
		})
	}
}

func TestHopReading(t *testing.T) {
	t.Parallel()
	ix := mustPathsSeed(t)
	wd := pathsNode(t, ix, "organizations/western-digital")
	kioxia := pathsNode(t, ix, "organizations/kioxia")
	bidNode := pathsNode(t, ix, "relations/western-digital-bid-for-kioxia")
	bid := pathsRel(t, ix, "relations/western-digital-bid-for-kioxia")
	const summary = "[Western Digital acquires Kioxia (failed, 2021)]"
	tests := []struct {
		hop  paths.Hop
		want string
	}{
		{paths.Hop{From: wd, To: kioxia, Rel: bid, Kind: fwd}, "Western Digital acquires Kioxia"},
		{paths.Hop{From: kioxia, To: wd, Rel: bid, Kind: bwd}, "Kioxia is acquired by Western Digital"},
		{paths.Hop{From: bidNode, To: kioxia, Rel: bid, Kind: unpack}, summary + " involves Kioxia"},
		{paths.Hop{From: kioxia, To: bidNode, Rel: bid, Kind: pack}, "Kioxia is part of " + summary},
	}
	for _, tt := range tests {
		t.Run(tt.hop.Kind.String(), func(t *testing.T) {
			t.Parallel()
			if got := paths.HopReading(ix, tt.hop); got != tt.want {
				t.Errorf("HopReading(%s) = %q, want %q", hopString(ix, tt.hop), got, tt.want)
			}
		})
	}
}
