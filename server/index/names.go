package index

import (
	"encoding/binary"
	"fmt"
	"sort"
	"strings"
)

// nameBlock is how many names share one block of a [nameSet]: a lookup
// binary-searches the blocks' first names, then reads at most this many.
const nameBlock = 16

// nameSet is a sorted set of distinct strings (resource names), numbered in
// order, stored front-coded: each block of [nameBlock] names starts with its
// first name in full, and every further name is the length of the prefix it
// shares with the one before and the rest of it. Resource names in one
// collection share long prefixes, so this takes a fraction of the bytes of
// the strings themselves, and no pointers.
//
// Resource names of the usual form, `collection/word-word-…` with words of
// letters and digits, are front-coded by word instead: each word is a
// number in a dictionary of the words the set uses, so a name is a few
// bytes, and a block's names share whole words. Since the separators sort
// before any letter or digit, the order of names is the order of their
// word sequences.
type nameSet struct {
	data   string     // the blocks, back to back
	blocks []uint64   // where each block starts in data
	n      int        // number of names
	tok    *tokenDict // the words, when the set is coded by word; else nil
	table  *nameTable // a hash table of the names, when one is wanted; else nil
}

// newNameSet front-codes sorted, distinct names, by word when byWord is
// set and they all have the usual form. Coding by word makes a set of
// millions of names a third of the size; a smaller set, read on every
// call (entity names), is faster to search and decode by bytes.
func newNameSet(sorted []string, byWord bool) nameSet {
	if byWord && tokenizable(sorted) {
		return newTokenNameSet(sorted)
	}
	var b strings.Builder
	var tmp [2 * binary.MaxVarintLen64]byte
	s := nameSet{n: len(sorted), blocks: make([]uint64, 0, (len(sorted)+nameBlock-1)/nameBlock)}
	prev := ""
	for i, name := range sorted {
		shared := 0
		if i%nameBlock == 0 {
			s.blocks = append(s.blocks, uint64(b.Len()))
		} else {
			shared = commonPrefix(prev, name)
			n := binary.PutUvarint(tmp[:], uint64(shared))
			b.Write(tmp[:n])
		}
		n := binary.PutUvarint(tmp[:], uint64(len(name)-shared))
		b.Write(tmp[:n])
		b.WriteString(name[shared:])
		prev = name
	}
	s.data = b.String()
	return s
}

// loadNameSet decodes the front-coded data of n names, as written by
// newNameSet, checking that it is well formed and strictly ascending.
func loadNameSet(data string, n int, tok *tokenDict) (nameSet, error) {
	if tok != nil {
		return loadTokenNameSet(data, n, tok)
	}
	s := nameSet{data: data, n: n, blocks: make([]uint64, 0, (n+nameBlock-1)/nameBlock)}
	pos := 0
	var prev, cur []byte
	for i := range n {
		if pos > len(data) {
			return nameSet{}, fmt.Errorf("name %d is past the end of the data", i)
		}
		shared := uint64(0)
		if i%nameBlock == 0 {
			s.blocks = append(s.blocks, uint64(pos))
		} else {
			var k int
			shared, k = uvarint(data, pos)
			if k <= 0 || shared > uint64(len(prev)) {
				return nameSet{}, fmt.Errorf("name %d: bad shared prefix", i)
			}
			pos += k
		}
		l, k := uvarint(data, pos)
		if k <= 0 || l > uint64(len(data)-pos-k) {
			return nameSet{}, fmt.Errorf("name %d: bad length", i)
		}
		pos += k
		cur = append(append(cur[:0], prev[:shared]...), data[pos:pos+int(l)]...)
		pos += int(l)
		if i > 0 && string(cur) <= string(prev) {
			return nameSet{}, fmt.Errorf("name %d %q is not after %q", i, cur, prev)
		}
		prev, cur = cur, prev
	}
	if pos != len(data) {
		return nameSet{}, fmt.Errorf("%d bytes after the last name", len(data)-pos)
	}
	return s, nil
}

// uvarint decodes a uvarint at data[pos:] without copying; k <= 0 when it
// is malformed.
func uvarint(data string, pos int) (v uint64, k int) {
	for shift := uint(0); pos+k < len(data) && k < binary.MaxVarintLen64; shift += 7 {
		c := data[pos+k]
		k++
		v |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return v, k
		}
	}
	return 0, -1
}

func commonPrefix(a, b string) int {
	n := min(len(a), len(b))
	for i := range n {
		if a[i] != b[i] {
			return i
		}
	}
	return n
}

// len returns the number of names.
func (s *nameSet) len() int { return s.n }

// head returns the first name of block b, without copying.
func (s *nameSet) head(b int) string {
	pos := int(s.blocks[b])
	l, k := uvarint(s.data, pos)
	return s.data[pos+k : pos+k+int(l)]
}

// find returns the number of name, and false when the set does not hold it.
// It allocates nothing.
func (s *nameSet) find(name string) (int, bool) {
	if s.table != nil {
		return s.table.find(s, name)
	}
	if s.tok != nil {
		return s.findTokens(name)
	}
	// The last block whose first name is <= name.
	b := sort.Search(len(s.blocks), func(i int) bool { return s.head(i) > name }) - 1
	if b < 0 {
		return 0, false
	}
	// Walk the block keeping only m, the length of the prefix the current
	// name shares with the one sought: a later name that shares less of
	// its predecessor than m is past it, one that shares more is still
	// before it.
	pos := int(s.blocks[b])
	l, k := uvarint(s.data, pos)
	pos += k
	cur := s.data[pos : pos+int(l)]
	pos += int(l)
	m := commonPrefix(cur, name)
	if m == len(cur) && m == len(name) {
		return b * nameBlock, true
	}
	for i := b*nameBlock + 1; i < min(s.n, (b+1)*nameBlock); i++ {
		shared, k := uvarint(s.data, pos)
		pos += k
		l, k := uvarint(s.data, pos)
		pos += k
		suffix := s.data[pos : pos+int(l)]
		pos += int(l)
		switch {
		case int(shared) > m:
			continue // shares as little with name as its predecessor: still before it
		case int(shared) < m:
			return 0, false // differs from its predecessor before name does: past it
		}
		c := commonPrefix(suffix, name[m:])
		if c == len(suffix) && m+c == len(name) {
			return i, true
		}
		if m+c == len(name) || (c < len(suffix) && suffix[c] > name[m+c]) {
			return 0, false // name is a prefix of it, or it is greater: past it
		}
		m += c
	}
	return 0, false
}

// at returns name i.
func (s *nameSet) at(i int) string {
	var arr [96]byte
	return string(s.appendAt(arr[:0], i))
}

// appendAt appends name i to buf.
func (s *nameSet) appendAt(buf []byte, i int) []byte {
	if s.tok != nil {
		return s.appendTokensAt(buf, i)
	}
	b := i / nameBlock
	start := len(buf)
	pos := int(s.blocks[b])
	for j := b * nameBlock; j <= i; j++ {
		shared := uint64(0)
		k := 0
		if j > b*nameBlock {
			shared, k = uvarint(s.data, pos)
			pos += k
		}
		l, k := uvarint(s.data, pos)
		pos += k
		buf = append(buf[:start+int(shared)], s.data[pos:pos+int(l)]...)
		pos += int(l)
	}
	return buf
}

// each calls fn with every name in order, reusing one buffer: fn must copy
// the bytes to keep them.
func (s *nameSet) each(fn func(i int, name []byte)) {
	if s.tok != nil {
		var buf []byte
		for i := range s.n {
			buf = s.appendTokensAt(buf[:0], i)
			fn(i, buf)
		}
		return
	}
	var buf []byte
	pos := 0
	for i := range s.n {
		shared := uint64(0)
		if i%nameBlock != 0 {
			var k int
			shared, k = uvarint(s.data, pos)
			pos += k
		}
		l, k := uvarint(s.data, pos)
		pos += k
		buf = append(buf[:shared], s.data[pos:pos+int(l)]...)
		pos += int(l)
		fn(i, buf)
	}
}

// bytes returns the heap bytes the set takes.
func (s *nameSet) bytes() int {
	n := len(s.data) + 8*len(s.blocks)
	if s.tok != nil {
		n += len(s.tok.data) + 4*len(s.tok.off)
	}
	if s.table != nil {
		n += s.table.bytes()
	}
	return n
}
