package namesearch

import (
	"hash/maphash"
	"math/bits"
	"slices"
	"sync"
)

// nearKeys finds the ASCII keys of a small key set (the words of the
// names) within MaxEdits of a word without walking their FST. Walking it
// with two edits visits every state within two bytes of the root for
// every word, some 1,500 states and 50 µs for each word of a query, the
// largest part of a fuzzy search. Instead, every key is filed under each
// string its deletion of up to MaxEdits bytes leaves; a key within d edits
// of a word (restricted Damerau–Levenshtein) shares such a string with
// one of the word's deletions of up to d bytes (each edit costs at most
// one deletion on each side: a substitution deletes the byte from both, a
// transposition one of its two), so looking those up gives every key in
// reach and a few more, which the automaton then checks. This is the
// symmetric-deletion scheme of SymSpell.
type nearKeys struct {
	keys []string // the ASCII keys, in key order
	ids  []uint32 // their lists
	// slots is an open-addressing hash table of deletions: a slot holds
	// the top 32 bits of a deletion's hash and 1 + the key's index, or 0
	// when empty.
	slots []uint64
	seed  maphash.Seed
}

// maxNearLen is the longest word nearKeys looks up; keys up to MaxEdits
// bytes longer are filed. Longer words walk the FST: their deletions are
// many, and so are few.
const maxNearLen = 20

// buildNearKeys files the ASCII keys of ks.
func buildNearKeys(ks *keySet) nearKeys {
	n := nearKeys{seed: maphash.MakeSeed()}
	it, err := ks.ascii.Iterator(nil, nil)
	for err == nil {
		k, v := it.Current()
		if len(k) <= maxNearLen+MaxEdits {
			n.keys = append(n.keys, string(k))
			n.ids = append(n.ids, uint32(v))
		}
		err = it.Next()
	}
	entries := 0
	for _, k := range n.keys {
		entries += deletionCount(len(k), MaxEdits)
	}
	n.slots = make([]uint64, max(16, 1<<bits.Len(uint(entries*2))))
	var buf []byte
	for i, k := range n.keys {
		deletions(k, MaxEdits, &buf, func(del []byte) {
			n.file(maphash.Bytes(n.seed, del), uint32(i))
		})
	}
	return n
}

// deletionCount is how many strings deleting up to d of n bytes leaves,
// counting repeats.
func deletionCount(n, d int) int {
	c := 1 + n
	if d >= 2 {
		c += n * (n - 1) / 2
	}
	return c
}

// deletions calls fn with s less each choice of up to d (at most 2) of its
// bytes, s itself first; the same string may come more than once.
func deletions(s string, d int, buf *[]byte, fn func([]byte)) {
	b := append((*buf)[:0], s...)
	fn(b)
	for i := range len(s) {
		b = append(append(b[:0], s[:i]...), s[i+1:]...)
		fn(b)
		if d < 2 {
			continue
		}
		for j := i + 1; j < len(s); j++ {
			b = append(append(append(b[:0], s[:i]...), s[i+1:j]...), s[j+1:]...)
			fn(b)
		}
	}
	*buf = b
}

// file adds key i under hash h, once.
func (n *nearKeys) file(h uint64, i uint32) {
	mask := uint64(len(n.slots) - 1)
	entry := h&^0xffffffff | uint64(i+1)
	for p := h & mask; ; p = (p + 1) & mask {
		switch n.slots[p] {
		case 0:
			n.slots[p] = entry
			return
		case entry:
			return // the key again, by another deletion
		}
	}
}

// bytes is the memory the index takes beyond its keys' text.
func (n *nearKeys) bytes() int {
	if n == nil {
		return 0
	}
	return 8*len(n.slots) + 4*len(n.ids) + 16*len(n.keys)
}

// nearScratch pools the buffers of a lookup.
var nearScratch = sync.Pool{New: func() any { return &nearLookup{} }}

type nearLookup struct {
	lev   levQuery
	buf   []byte
	found []uint32
}

// find calls fn, in key order, for every key within d edits of ASCII word
// q (len(q) ≤ maxNearLen), with its list and distance, until fn returns
// false: what walkFuzzy over the ASCII keys would.
func (n *nearKeys) find(q string, d int, fn func(list uint64, d int) bool) {
	l := nearScratch.Get().(*nearLookup)
	defer nearScratch.Put(l)
	mask := uint64(len(n.slots) - 1)
	l.found = l.found[:0]
	deletions(q, d, &l.buf, func(del []byte) {
		h := maphash.Bytes(n.seed, del)
		tag := h &^ 0xffffffff
		for p := h & mask; n.slots[p] != 0; p = (p + 1) & mask {
			if e := n.slots[p]; e&^0xffffffff == tag {
				l.found = append(l.found, uint32(e)-1)
			}
		}
	})
	slices.Sort(l.found)
	l.found = slices.Compact(l.found)
	l.lev.reset(q, d)
	for _, i := range l.found {
		if ok, dist := l.lev.matchAndDistance(n.keys[i]); ok && !fn(uint64(n.ids[i]), dist) {
			return
		}
	}
}
