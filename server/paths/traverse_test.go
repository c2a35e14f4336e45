package paths_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/server/budget"
	"github.com/entitygraph/entitygraph/server/index"
	"github.com/entitygraph/entitygraph/server/paths"
	"github.com/entitygraph/entitygraph/server/vocab"
)

// collect runs a traversal and returns every item emitted.
func collect(ix *index.Index, q paths.TraverseQuery, b *budget.Budget) ([]paths.Item, error) {
	var items []paths.Item
	err := paths.Traverse(ix, q, b, func(it paths.Item) error {
		items = append(items, it)
		return nil
	})
	return items, err
}

// itemString renders an item by names: "1 rel relations/x" or "1 organizations/y".
func itemString(ix *index.Index, it paths.Item) string {
	if it.IsRelation {
		return fmt.Sprintf("%d rel %s", it.Depth, ix.RelationAt(it.Rel).GetName())
	}
	return fmt.Sprintf("%d %s", it.Depth, ix.NodeName(it.Node))
}

func TestTraverseExact(t *testing.T) {
	t.Parallel()
	ix := mustPathsSeed(t)
	chey := pathsNode(t, ix, "people/chey-tae-won")
	bid := pathsNode(t, ix, "relations/western-digital-bid-for-kioxia")
	tests := []struct {
		name string
		q    paths.TraverseQuery
		want []string
	}{
		{
			name: "chey leads, two deep",
			q: paths.TraverseQuery{Start: []index.Node{chey}, MaxDepth: 2, Direction: pb.Direction_DIRECTION_OUTGOING,
				Predicates: []vocab.ID{pid("leads")}},
			want: []string{
				"0 people/chey-tae-won",
				"1 rel relations/chey-tae-won-leads-kcci",
				"1 organizations/korea-chamber-of-commerce-and-industry",
				"1 rel relations/chey-tae-won-leads-sk-group",
				"1 organizations/sk-group",
			},
		},
		{
			name: "the bid unpacked",
			q:    paths.TraverseQuery{Start: []index.Node{bid}, MaxDepth: 1, Direction: pb.Direction_DIRECTION_OUTGOING},
			want: []string{
				"0 relations/western-digital-bid-for-kioxia",
				"1 rel relations/western-digital-bid-for-kioxia",
				"1 organizations/kioxia",
				"1 organizations/western-digital",
			},
		},
		{
			name: "start nodes only",
			q:    paths.TraverseQuery{Start: []index.Node{chey, bid, chey}, MaxDepth: 0},
			want: []string{"0 people/chey-tae-won", "0 relations/western-digital-bid-for-kioxia"},
		},
		{
			name: "limit",
			q: paths.TraverseQuery{Start: []index.Node{chey}, MaxDepth: 2, Limit: 3, Direction: pb.Direction_DIRECTION_OUTGOING,
				Predicates: []vocab.ID{pid("leads")}},
			want: []string{
				"0 people/chey-tae-won",
				"1 rel relations/chey-tae-won-leads-kcci",
				"1 organizations/korea-chamber-of-commerce-and-industry",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			items, err := collect(ix, tt.q, budget.New(context.Background(), 0))
			if err != nil {
				t.Fatalf("Traverse = %v, want nil", err)
			}
			var got []string
			for _, it := range items {
				got = append(got, itemString(ix, it))
			}
			if diff := gocmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Traverse items mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// refLevels is a plain breadth-first search over refHops: the depth of each
// node within maxDepth, and the relations of the hops followed.
func refLevels(ix *index.Index, q paths.TraverseQuery) (map[index.Node]int, map[index.Rel]int) {
	depth := map[index.Node]int{}
	rels := map[index.Rel]int{}
	var frontier []index.Node
	for _, n := range q.Start {
		if _, ok := depth[n]; !ok {
			depth[n] = 0
			frontier = append(frontier, n)
		}
	}
	for d := 1; d <= q.MaxDepth; d++ {
		var next []index.Node
		for _, u := range frontier {
			for _, h := range refHops(ix, u, q.Predicates, q.Direction) {
				if _, ok := rels[h.Rel]; !ok {
					rels[h.Rel] = d
				}
				if _, ok := depth[h.To]; !ok {
					depth[h.To] = d
					next = append(next, h.To)
				}
			}
		}
		frontier = next
	}
	return depth, rels
}

func TestTraverseProperties(t *testing.T) {
	t.Parallel()
	ix := mustPathsSeed(t)
	n := func(name string) index.Node { return pathsNode(t, ix, name) }
	chey, kioxia, bid := n("people/chey-tae-won"), n("organizations/kioxia"), n("relations/western-digital-bid-for-kioxia")
	japan := n("organizations/japan")
	tests := []struct {
		name string
		q    paths.TraverseQuery
	}{
		{name: "chey, two deep", q: paths.TraverseQuery{Start: []index.Node{chey}, MaxDepth: 2}},
		{name: "chey, four deep", q: paths.TraverseQuery{Start: []index.Node{chey}, MaxDepth: 4}},
		{name: "kioxia incoming", q: paths.TraverseQuery{Start: []index.Node{kioxia}, MaxDepth: 3, Direction: pb.Direction_DIRECTION_INCOMING}},
		{name: "kioxia outgoing", q: paths.TraverseQuery{Start: []index.Node{kioxia}, MaxDepth: 3, Direction: pb.Direction_DIRECTION_OUTGOING}},
		{name: "several starts with duplicates", q: paths.TraverseQuery{Start: []index.Node{bid, japan, bid, chey}, MaxDepth: 2}},
		{name: "predicates", q: paths.TraverseQuery{Start: []index.Node{chey}, MaxDepth: 6,
			Predicates: []vocab.ID{pid("leads"), pid("coordinates-against"), pid("based-in")}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			items, err := collect(ix, tt.q, budget.New(context.Background(), 0))
			if err != nil {
				t.Fatalf("Traverse = %v, want nil", err)
			}
			again, err := collect(ix, tt.q, budget.New(context.Background(), 0))
			if err != nil {
				t.Fatalf("second Traverse = %v, want nil", err)
			}
			if diff := gocmp.Diff(items, again); diff != "" {
				t.Errorf("two runs differ (-first +second):\n%s", diff)
			}

			wantDepth, wantRels := refLevels(ix, tt.q)
			gotDepth := map[index.Node]int{}
			gotRels := map[index.Rel]int{}
			last := 0
			for i, it := range items {
				s := itemString(ix, it)
				if it.Depth < last {
					t.Errorf("item %d %q comes after depth %d", i, s, last)
				}
				last = it.Depth
				if it.Depth == 0 {
					if it.Via != nil || it.IsRelation {
						t.Errorf("start item %d %q has Via %v, IsRelation %v; want neither", i, s, it.Via, it.IsRelation)
					}
				} else {
					h := it.Via
					if h == nil {
						t.Fatalf("item %d %q at depth %d has no Via", i, s, it.Depth)
					}
					if d, ok := gotDepth[h.From]; !ok || d != it.Depth-1 {
						t.Errorf("item %d %q came via %s, whose start was not reached at depth %d", i, s, hopString(ix, *h), it.Depth-1)
					}
					if !slices.Contains(refHops(ix, h.From, tt.q.Predicates, tt.q.Direction), *h) {
						t.Errorf("item %d %q came via %s, which the query may not follow", i, s, hopString(ix, *h))
					}
					if it.IsRelation && (h.Rel != it.Rel || it.Node != ix.RelationNode(it.Rel)) {
						t.Errorf("relation item %d %q: Via %s, Node %d; want the item's relation and its node", i, s, hopString(ix, *h), it.Node)
					}
					if !it.IsRelation && h.To != it.Node {
						t.Errorf("node item %d %q came via %s, which does not reach it", i, s, hopString(ix, *h))
					}
				}
				if it.IsRelation {
					if _, dup := gotRels[it.Rel]; dup {
						t.Errorf("relation item %d %q repeats", i, s)
					}
					gotRels[it.Rel] = it.Depth
				} else {
					if _, dup := gotDepth[it.Node]; dup {
						t.Errorf("node item %d %q repeats", i, s)
					}
					gotDepth[it.Node] = it.Depth
				}
			}
			if diff := gocmp.Diff(wantDepth, gotDepth); diff != "" {
				t.Errorf("node depths differ from a plain breadth-first search (-want +got):\n%s", diff)
			}
			if diff := gocmp.Diff(wantRels, gotRels); diff != "" {
				t.Errorf("relations followed differ from a plain breadth-first search (-want +got):\n%s", diff)
			}

			// A limit cuts the same sequence short.
			for _, limit := range []int{1, 2, len(items) / 2, len(items)} {
				q := tt.q
				q.Limit = limit
				cut, err := collect(ix, q, budget.New(context.Background(), 0))
				if err != nil {
					t.Fatalf("Traverse with Limit %d = %v, want nil", limit, err)
				}
				if diff := gocmp.Diff(items[:limit], cut); diff != "" {
					t.Errorf("Limit %d: not a prefix of the full traversal (-want +got):\n%s", limit, diff)
				}
			}
		})
	}
}

func TestTraverseStops(t *testing.T) {
	t.Parallel()
	ix := mustPathsSeed(t)
	chey := pathsNode(t, ix, "people/chey-tae-won")
	errSend := errors.New("stream closed")
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name      string
		ctx       context.Context
		limit     int64
		failAfter int // emit fails on this call (1-based); 0 never
		wantErr   error
		wantCalls int // -1: any
	}{
		{name: "emit fails at once", ctx: context.Background(), failAfter: 1, wantErr: errSend, wantCalls: 1},
		{name: "emit fails later", ctx: context.Background(), failAfter: 4, wantErr: errSend, wantCalls: 4},
		{name: "budget of five", ctx: context.Background(), limit: 5, wantErr: budget.ErrExceeded, wantCalls: -1},
		{name: "cancelled", ctx: cancelled, wantErr: context.Canceled, wantCalls: -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			calls := 0
			err := paths.Traverse(ix, paths.TraverseQuery{Start: []index.Node{chey}, MaxDepth: 3}, budget.New(tt.ctx, tt.limit),
				func(paths.Item) error {
					calls++
					if calls == tt.failAfter {
						return errSend
					}
					return nil
				})
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("Traverse = %v, want %v", err, tt.wantErr)
			}
			if tt.wantErr == errSend && err != errSend {
				t.Errorf("Traverse = %v, want emit's error unchanged", err)
			}
			if tt.wantCalls >= 0 && calls != tt.wantCalls {
				t.Errorf("emit called %d times, want %d", calls, tt.wantCalls)
			}
		})
	}
}
