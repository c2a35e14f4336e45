package paths

import "github.com/entitygraph/entitygraph/server/index"

// nodeTable maps the nodes one side of a path search has reached to their
// positions in the side's info. It is an open-addressing hash table with
// linear probing over one slice of (node, position) pairs: a lookup,
// nearly always of a node the table does not hold, usually reads one
// cache line and compares one word, where a Go map hashes, picks a group
// and matches control bytes first. The search makes one lookup for every
// adjacency entry it examines, so this is most of its time that is not
// spent reading the graph.
type nodeTable struct {
	slots []tableSlot // a power of two long; at most half full
	shift uint8       // 32 - log2(len(slots)): the hash keeps the top bits
	n     int         // nodes held
}

// tableSlot is one entry of a nodeTable. key is the node plus one, so that
// the zero value marks an empty slot and clearing is a memclr.
type tableSlot struct {
	key, val int32
}

// minTableBits is the log2 size of a new table: 256 slots, 2 KiB.
const minTableBits = 8

// maxKeptTableBits bounds the table kept between searches, 2^18 slots or
// 2 MiB: emptying costs time in proportion to the size, so a huge query's
// table is dropped rather than slowing every later one.
const maxKeptTableBits = 18

// reserve returns s with room for n more elements, doubling its capacity
// when it must grow, though not past maxPooledHops unless it needs more.
// The lists of a search grow by a hub's hundreds of thousands of hops at a
// time, and append's gentler growth of large slices (a quarter at a time)
// allocates and copies such a list about five times its final size on its
// way there; a pooled search pays that again whenever the pool hands out a
// fresh one. Doubling past the bound the pool keeps would have the list
// dropped after a query that did not need the room.
func reserve[E any](s []E, n int) []E {
	if cap(s)-len(s) >= n {
		return s
	}
	t := make([]E, len(s), max(min(2*cap(s), maxPooledHops), len(s)+n))
	copy(t, s)
	return t
}

// reset empties t, keeping its slots unless they are more than
// maxKeptTableBits.
func (t *nodeTable) reset() {
	if t.slots == nil || 32-int(t.shift) > maxKeptTableBits {
		t.init(minTableBits)
		return
	}
	if t.n > 0 {
		clear(t.slots)
		t.n = 0
	}
}

// resetHolding empties t, which holds exactly keys, as reset does. When
// the keys are few for the table's size it clears their slots alone: a
// pooled table sized by one large search is otherwise cleared whole for
// each of the many small ones after it.
func (t *nodeTable) resetHolding(keys []index.Node) {
	if t.slots == nil || 32-int(t.shift) > maxKeptTableBits || 16*len(keys) >= len(t.slots) {
		t.reset()
		return
	}
	mask := uint32(len(t.slots) - 1)
	for _, n := range keys {
		// n is in the table at or after its home, perhaps past slots
		// emptied for earlier keys: probe on to it through those.
		i := t.home(n)
		for t.slots[i].key != n+1 {
			i = (i + 1) & mask
		}
		t.slots[i] = tableSlot{}
	}
	t.n = 0
}

// trim drops t's slots when they are more than maxKeptTableBits, so that a
// pooled table does not hold a huge query's memory until its next use.
func (t *nodeTable) trim() {
	if t.slots != nil && 32-int(t.shift) > maxKeptTableBits {
		*t = nodeTable{}
	}
}

func (t *nodeTable) init(bits int) {
	t.slots = make([]tableSlot, 1<<bits)
	t.shift = uint8(32 - bits)
	t.n = 0
}

// home is where the probe for n starts: Fibonacci hashing, which spreads
// nearby node numbers (neighbours often have them) across the table.
func (t *nodeTable) home(n index.Node) uint32 {
	return (uint32(n) * 0x9E3779B1) >> t.shift
}

// find returns the position stored for n, or -1 when t does not hold n.
func (t *nodeTable) find(n index.Node) int32 {
	mask := uint32(len(t.slots) - 1)
	for i := t.home(n); ; i = (i + 1) & mask {
		s := t.slots[i]
		if s.key == n+1 {
			return s.val
		}
		if s.key == 0 {
			return -1
		}
	}
}

// add stores pos for n unless t holds n already. It returns the position
// stored for n and whether it was added now.
func (t *nodeTable) add(n index.Node, pos int32) (int32, bool) {
	if 2*(t.n+1) > len(t.slots) {
		t.grow()
	}
	mask := uint32(len(t.slots) - 1)
	for i := t.home(n); ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.key == n+1 {
			return s.val, false
		}
		if s.key == 0 {
			*s = tableSlot{key: n + 1, val: pos}
			t.n++
			return pos, true
		}
	}
}

// grow doubles the table and reinserts what it holds.
func (t *nodeTable) grow() {
	old := t.slots
	t.init(33 - int(t.shift))
	mask := uint32(len(t.slots) - 1)
	for _, s := range old {
		if s.key == 0 {
			continue
		}
		i := t.home(s.key - 1)
		for t.slots[i].key != 0 {
			i = (i + 1) & mask
		}
		t.slots[i] = s
		t.n++
	}
}
