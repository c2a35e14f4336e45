package index

import (
	"encoding/binary"
	"fmt"
	"slices"
	"sort"
	"strings"
)

// tokenDict is the sorted, distinct words of a [nameSet] coded by word:
// word i is data[off[i]:off[i+1]].
type tokenDict struct {
	data string
	off  []uint32
}

func (d *tokenDict) len() int { return len(d.off) - 1 }

func (d *tokenDict) at(i uint32) string { return d.data[d.off[i]:d.off[i+1]] }

// find returns the number of word w.
func (d *tokenDict) find(w string) (uint32, bool) {
	i := sort.Search(d.len(), func(i int) bool { return d.at(uint32(i)) >= w })
	return uint32(i), i < d.len() && d.at(uint32(i)) == w
}

// nextToken splits the first word off name: the collection ends at '/',
// every later word at '-'.
func nextToken(name string, first bool) (tok, rest string) {
	sep := byte('-')
	if first {
		sep = '/'
	}
	if i := strings.IndexByte(name, sep); i >= 0 {
		return name[:i], name[i+1:]
	}
	return name, ""
}

// validToken reports whether a word may be coded: not empty, and made of
// bytes that sort after both separators.
func validToken(tok string) bool {
	if tok == "" {
		return false
	}
	for i := 0; i < len(tok); i++ {
		if tok[i] <= '/' {
			return false
		}
	}
	return true
}

// tokenizable reports whether every name is `collection/word-word-…` with
// valid words.
func tokenizable(names []string) bool {
	for _, name := range names {
		coll, rest, ok := strings.Cut(name, "/")
		if !ok || !validToken(coll) {
			return false
		}
		for rest != "" {
			var tok string
			tok, rest = nextToken(rest, false)
			if !validToken(tok) {
				return false
			}
			if rest == "" && strings.HasSuffix(name, "-") {
				return false
			}
		}
		if strings.HasSuffix(name, "/") {
			return false
		}
	}
	return len(names) > 0
}

// tokens splits a name known to be tokenizable into its words.
func tokens(name string) []string {
	var out []string
	tok, rest := nextToken(name, true)
	out = append(out, tok)
	for rest != "" {
		tok, rest = nextToken(rest, false)
		out = append(out, tok)
	}
	return out
}

func newTokenNameSet(sorted []string) nameSet {
	distinct := map[string]bool{}
	for _, name := range sorted {
		for _, t := range tokens(name) {
			distinct[t] = true
		}
	}
	words := make([]string, 0, len(distinct))
	for w := range distinct {
		words = append(words, w)
	}
	slices.Sort(words)
	dict := &tokenDict{off: make([]uint32, 0, len(words)+1)}
	var db strings.Builder
	id := make(map[string]uint32, len(words))
	for i, w := range words {
		dict.off = append(dict.off, uint32(db.Len()))
		db.WriteString(w)
		id[w] = uint32(i)
	}
	dict.off = append(dict.off, uint32(db.Len()))
	dict.data = db.String()

	var b []byte
	s := nameSet{n: len(sorted), tok: dict, blocks: make([]uint64, 0, (len(sorted)+nameBlock-1)/nameBlock)}
	var prev, cur []uint32
	for i, name := range sorted {
		cur = cur[:0]
		for _, t := range tokens(name) {
			cur = append(cur, id[t])
		}
		shared := 0
		if i%nameBlock == 0 {
			s.blocks = append(s.blocks, uint64(len(b)))
		} else {
			for shared < len(prev) && shared < len(cur) && prev[shared] == cur[shared] {
				shared++
			}
			b = binary.AppendUvarint(b, uint64(shared))
		}
		b = binary.AppendUvarint(b, uint64(len(cur)-shared))
		for _, t := range cur[shared:] {
			b = binary.AppendUvarint(b, uint64(t))
		}
		prev, cur = cur, prev
	}
	s.data = string(b)
	return s
}

func loadTokenNameSet(data string, n int, dict *tokenDict) (nameSet, error) {
	if len(dict.off) == 0 || dict.off[0] != 0 || int(dict.off[len(dict.off)-1]) != len(dict.data) {
		return nameSet{}, fmt.Errorf("word offsets do not add up")
	}
	for i := range dict.len() {
		if dict.off[i] > dict.off[i+1] || !validToken(dict.at(uint32(i))) || (i > 0 && dict.at(uint32(i-1)) >= dict.at(uint32(i))) {
			return nameSet{}, fmt.Errorf("word %d is bad or out of order", i)
		}
	}
	s := nameSet{data: data, n: n, tok: dict, blocks: make([]uint64, 0, (n+nameBlock-1)/nameBlock)}
	pos := 0
	var prev, cur []uint32
	for i := range n {
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
		count, k := uvarint(data, pos)
		if k <= 0 || count > uint64(len(data)-pos) {
			return nameSet{}, fmt.Errorf("name %d: bad length", i)
		}
		pos += k
		cur = append(cur[:0], prev[:shared]...)
		for range count {
			t, k := uvarint(data, pos)
			if k <= 0 || t >= uint64(dict.len()) {
				return nameSet{}, fmt.Errorf("name %d: bad word", i)
			}
			pos += k
			cur = append(cur, uint32(t))
		}
		if len(cur) < 2 || (i > 0 && slices.Compare(prev, cur) >= 0) {
			return nameSet{}, fmt.Errorf("name %d is malformed or out of order", i)
		}
		prev, cur = cur, prev
	}
	if pos != len(data) {
		return nameSet{}, fmt.Errorf("%d bytes after the last name", len(data)-pos)
	}
	return s, nil
}

// maxQueryTokens is the most words a name looked up may have to be found
// without allocating.
const maxQueryTokens = 32

// findTokens is find for a set coded by word.
func (s *nameSet) findTokens(name string) (int, bool) {
	var arr [maxQueryTokens]uint32
	q := arr[:0]
	coll, rest, ok := strings.Cut(name, "/")
	if !ok || strings.HasSuffix(name, "-") {
		return 0, false // not a name of the form the set holds
	}
	for tok := coll; ; {
		id, ok := s.tok.find(tok)
		if !ok {
			return 0, false // a word no name has
		}
		q = append(q, id)
		if rest == "" {
			break
		}
		tok, rest = nextToken(rest, false)
	}
	// The last block whose first name is <= q.
	b := sort.Search(len(s.blocks), func(i int) bool { return s.compareHead(i, q) > 0 }) - 1
	if b < 0 {
		return 0, false
	}
	// As in find: m is the number of words the current name shares with q.
	pos := int(s.blocks[b])
	count, k := uvarint(s.data, pos)
	pos += k
	m, cur := 0, int(count)
	matching := true
	for range count {
		t, k := uvarint(s.data, pos)
		pos += k
		if matching && m < len(q) && uint32(t) == q[m] {
			m++
		} else {
			matching = false
		}
	}
	if m == cur && m == len(q) {
		return b * nameBlock, true
	}
	for i := b*nameBlock + 1; i < min(s.n, (b+1)*nameBlock); i++ {
		shared, k := uvarint(s.data, pos)
		pos += k
		count, k := uvarint(s.data, pos)
		pos += k
		start := pos
		for range count {
			_, k := uvarint(s.data, pos)
			pos += k
		}
		switch {
		case int(shared) > m:
			continue
		case int(shared) < m:
			return 0, false
		}
		// Compare the suffix with q[m:].
		p, c := start, 0
		var diff int
		for ; c < int(count); c++ {
			if m+c == len(q) {
				diff = 1 // q is a prefix of this name: past it
				break
			}
			t, k := uvarint(s.data, p)
			p += k
			if uint32(t) != q[m+c] {
				diff = cmpUint(uint32(t), q[m+c])
				break
			}
		}
		if diff == 0 && m+c == len(q) {
			return i, true
		}
		if diff > 0 {
			return 0, false
		}
		m += c
	}
	return 0, false
}

func cmpUint(a, b uint32) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// compareHead compares the first name of block b with q.
func (s *nameSet) compareHead(b int, q []uint32) int {
	pos := int(s.blocks[b])
	count, k := uvarint(s.data, pos)
	pos += k
	for i := range int(count) {
		if i == len(q) {
			return 1
		}
		t, k := uvarint(s.data, pos)
		pos += k
		if c := cmpUint(uint32(t), q[i]); c != 0 {
			return c
		}
	}
	if int(count) < len(q) {
		return -1
	}
	return 0
}

// appendTokensAt is appendAt for a set coded by word.
func (s *nameSet) appendTokensAt(buf []byte, i int) []byte {
	var arr [maxQueryTokens]uint32
	cur := arr[:0]
	b := i / nameBlock
	pos := int(s.blocks[b])
	for j := b * nameBlock; j <= i; j++ {
		shared := uint64(0)
		if j > b*nameBlock {
			var k int
			shared, k = uvarint(s.data, pos)
			pos += k
		}
		count, k := uvarint(s.data, pos)
		pos += k
		cur = cur[:shared]
		for range count {
			t, k := uvarint(s.data, pos)
			pos += k
			cur = append(cur, uint32(t))
		}
	}
	for k, t := range cur {
		switch {
		case k == 1:
			buf = append(buf, '/')
		case k > 1:
			buf = append(buf, '-')
		}
		buf = append(buf, s.tok.at(t)...)
	}
	return buf
}
