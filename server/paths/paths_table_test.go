package paths

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

// TestNodeTableResetHolding checks that emptying a large table by the keys
// it holds leaves no slot behind, with keys whose probe sequences overlap,
// and that trim drops a table larger than a pooled search keeps.
func TestNodeTableResetHolding(t *testing.T) {
	t.Parallel()
	var tab nodeTable
	tab.reset()
	for i := range 5000 { // grows to 16,384 slots
		tab.add(index.Node(i), int32(i))
	}
	tab.reset()
	rng := rand.New(rand.NewPCG(5, 6))
	for round := range 20 {
		var keys []index.Node
		for i := range 1 + rng.IntN(len(tab.slots)/16-1) {
			// Keys 1<<20 apart share their home slot: long probe chains,
			// emptied in an order unrelated to the one they were filled in.
			n := index.Node(rng.IntN(64)) << 20
			if round%2 == 0 {
				n = index.Node(rng.IntN(1 << 30))
			}
			if _, added := tab.add(n, int32(i)); added {
				keys = append(keys, n)
			}
		}
		rng.Shuffle(len(keys), func(i, j int) { keys[i], keys[j] = keys[j], keys[i] })
		size := len(tab.slots)
		tab.resetHolding(keys)
		if len(tab.slots) != size {
			t.Fatalf("round %d: resetHolding(%d keys) changed the table from %d to %d slots", round, len(keys), size, len(tab.slots))
		}
		for i, s := range tab.slots {
			if s != (tableSlot{}) {
				t.Fatalf("round %d: slot %d = %+v after resetHolding(%d keys), want empty", round, i, s, len(keys))
			}
		}
		if tab.n != 0 {
			t.Fatalf("round %d: table holds %d nodes after resetHolding, want 0", round, tab.n)
		}
	}

	for i := range 1<<(maxKeptTableBits-1) + 1 { // one more than 2^maxKeptTableBits slots hold
		tab.add(index.Node(i), int32(i))
	}
	tab.trim()
	if tab.slots != nil {
		t.Errorf("trim kept a table of %d nodes", 1<<(maxKeptTableBits-1)+1)
	}
	tab.reset()
	if got := tab.find(1); got != -1 {
		t.Errorf("after trim and reset find(1) = %d, want -1", got)
	}
}
