package query

import (
	"math/rand/v2"
	"testing"

	"github.com/entitygraph/entitygraph/server/index"
)

// TestNodeTable checks the search's hash table against a map through
// growth and reuse, with node numbers that collide in the hash's top bits.
func TestNodeTable(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(1, 2))
	var tab nodeTable
	for round := range 4 {
		tab.reset()
		want := map[index.Node]int32{}
		n := 10 << (3 * round) // 10 to 5120 nodes: the table grows several times in a round
		for i := range n {
			node := index.Node(rng.IntN(4 * n))
			if round == 3 {
				node = index.Node(i) << 12 // same low bits
			}
			pos, added := tab.add(node, int32(i))
			if old, ok := want[node]; ok {
				if added || pos != old {
					t.Fatalf("round %d: add(%d) = %d, %v; want %d, false", round, node, pos, added, old)
				}
				continue
			}
			if !added || pos != int32(i) {
				t.Fatalf("round %d: add(%d) = %d, %v; want %d, true", round, node, pos, added, i)
			}
			want[node] = int32(i)
		}
		if tab.n != len(want) {
			t.Errorf("round %d: table holds %d nodes, want %d", round, tab.n, len(want))
		}
		for node := range index.Node(4 * n) {
			got := tab.find(node)
			if w, ok := want[node]; ok && got != w || !ok && got != -1 {
				t.Fatalf("round %d: find(%d) = %d, want %d (present %v)", round, node, got, w, ok)
			}
		}
	}
	tab.reset()
	if got := tab.find(0); got != -1 {
		t.Errorf("after reset find(0) = %d, want -1", got)
	}
}
