package index

import (
	"hash/maphash"
	"math/bits"
)

// nameTable finds a name of a [nameSet] by hash: one probe, usually, and
// one block decoded to confirm it, where the set's own search reads a
// block head at every step of a binary search, each a cache miss in a set
// of millions. It is derived, never stored, and costs 8 bytes per slot,
// at most half the slots full.
type nameTable struct {
	seed  maphash.Seed
	slots []uint64 // the hash's top 32 bits, then 1 + the name's number; 0 is empty
}

// newNameTable indexes every name of s.
func newNameTable(s *nameSet) *nameTable {
	size := 1 << bits.Len(uint(2*s.len()))
	t := &nameTable{seed: maphash.MakeSeed(), slots: make([]uint64, size)}
	mask := uint64(size - 1)
	s.each(func(i int, name []byte) {
		h := maphash.Bytes(t.seed, name)
		for j := h & mask; ; j = (j + 1) & mask {
			if t.slots[j] == 0 {
				t.slots[j] = h&^0xffffffff | uint64(i+1)
				return
			}
		}
	})
	return t
}

// find returns the number of name in s, the set t indexes.
func (t *nameTable) find(s *nameSet, name string) (int, bool) {
	h := maphash.String(t.seed, name)
	mask := uint64(len(t.slots) - 1)
	for j := h & mask; ; j = (j + 1) & mask {
		v := t.slots[j]
		if v == 0 {
			return 0, false
		}
		if v&^0xffffffff != h&^0xffffffff {
			continue
		}
		i := int(uint32(v)) - 1
		var buf [128]byte
		if string(s.appendAt(buf[:0], i)) == name {
			return i, true
		}
	}
}

func (t *nameTable) bytes() int { return 8 * len(t.slots) }
