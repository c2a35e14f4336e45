package index

import (
	"fmt"
	"math/bits"
	"slices"
	"strings"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
)

// records is a list of byte strings kept back to back in one string:
// record i is data[off[i]:off[i+1]]. Records are wire bytes of messages;
// taking one copies nothing.
type records struct {
	data string
	off  []uint64
}

func (rs *records) len() int { return len(rs.off) - 1 }

func (rs *records) at(i int) string { return rs.data[rs.off[i]:rs.off[i+1]] }

// recordsBuilder appends records.
type recordsBuilder struct {
	b   strings.Builder
	off []uint64
}

func (rb *recordsBuilder) add(rec []byte) {
	if rb.off == nil {
		rb.off = []uint64{0}
	}
	rb.b.Write(rec)
	rb.off = append(rb.off, uint64(rb.b.Len()))
}

func (rb *recordsBuilder) done() records {
	if rb.off == nil {
		rb.off = []uint64{0}
	}
	return records{data: rb.b.String(), off: rb.off}
}

func (rs *records) check(n int) error {
	if n < 0 || len(rs.off) != n+1 || rs.off[0] != 0 || rs.off[n] != uint64(len(rs.data)) {
		return fmt.Errorf("%d record offsets for %d records of %d bytes", len(rs.off), n, len(rs.data))
	}
	if !slices.IsSorted(rs.off) {
		return fmt.Errorf("record offsets out of order")
	}
	return nil
}

func (rs *records) bytes() int { return len(rs.data) + 8*len(rs.off) }

// adjacency lists, for each slot, the relations touching it: those of slot
// s are rels[start[s]:start[s+1]], in relation order. Entity e has slot e;
// a relation node has a slot only if some relation touches it, found in
// relSlots (sorted relation numbers), so that the millions of relations
// nobody speaks about cost nothing here.
type adjacency struct {
	start    []uint32
	rels     []Rel
	entities int32
	relSlots []Rel
	hasSlot  []uint64 // bit r is set when relation r has a slot
}

func (a *adjacency) slot(n Node) (int, bool) {
	if n < a.entities {
		return int(n), true
	}
	r := n - a.entities
	if a.hasSlot[r>>6]&(1<<(r&63)) == 0 {
		return 0, false
	}
	i, ok := slices.BinarySearch(a.relSlots, r)
	return int(a.entities) + i, ok
}

// hasRel reports whether the node of relation r has a slot, that is some
// relation touching it.
func (a *adjacency) hasRel(r Rel) bool { return a.hasSlot[r>>6]&(1<<(r&63)) != 0 }

func (a *adjacency) of(n Node) []Rel {
	s, ok := a.slot(n)
	if !ok {
		return nil
	}
	return a.rels[a.start[s]:a.start[s+1]]
}

// buildAdjacency groups relation numbers by one endpoint of each
// (ends[2r+side]), keeping relation order within each node.
func buildAdjacency(entities int32, ends []Node, side int) adjacency {
	relations := len(ends) / 2
	a := adjacency{entities: entities, hasSlot: make([]uint64, (relations+63)/64)}
	for r := range relations {
		if n := ends[2*r+side]; n >= entities {
			a.relSlots = append(a.relSlots, n-entities)
			a.hasSlot[(n-entities)>>6] |= 1 << ((n - entities) & 63)
		}
	}
	slices.Sort(a.relSlots)
	a.relSlots = slices.Compact(a.relSlots)
	a.relSlots = slices.Clip(a.relSlots)
	slots := int(entities) + len(a.relSlots)
	slotOf := make([]int32, relations)
	for r := range relations {
		s, _ := a.slot(ends[2*r+side])
		slotOf[r] = int32(s)
	}
	a.rels, a.start = sortBySlot(slotOf, slots)
	return a
}

// radixBits is the width of one pass of sortBySlot: 2^11 buckets write as
// many streams at a time, few enough for the caches to combine the writes.
const radixBits = 11

// sortBySlot returns the relation numbers 0..len(slotOf)-1 ordered by their
// slot, in relation order within a slot, and where each slot's run starts
// (start[s] to start[s+1]). Counting into and scattering across millions of
// slots touches a random place per relation; on a big graph two stable
// passes of a radix sort, on the slot's low and then high bits, followed by
// one sequential count, touch a few thousand places at a time instead and
// are several times faster.
func sortBySlot(slotOf []int32, slots int) ([]Rel, []uint32) {
	rels := make([]Rel, len(slotOf))
	start := make([]uint32, slots+1)
	if slots <= 1<<radixBits || len(slotOf) < 1<<16 {
		for _, s := range slotOf {
			start[s+1]++
		}
		for s := range slots {
			start[s+1] += start[s]
		}
		next := slices.Clone(start[:slots])
		for r, s := range slotOf {
			rels[next[s]] = Rel(r)
			next[s]++
		}
		return rels, start
	}
	const mask = 1<<radixBits - 1
	high := (slots + mask) >> radixBits
	var low [1 << radixBits]int
	byHigh := make([]int, high)
	for _, s := range slotOf {
		low[s&mask]++
		byHigh[s>>radixBits]++
	}
	for b, sum := 0, 0; b < len(low); b++ {
		low[b], sum = sum, sum+low[b]
	}
	for b, sum := 0, 0; b < high; b++ {
		byHigh[b], sum = sum, sum+byHigh[b]
	}
	// Pass 1, by the low bits: (slot, relation) pairs.
	pairs := make([]uint64, len(slotOf))
	for r, s := range slotOf {
		pairs[low[s&mask]] = uint64(s)<<32 | uint64(r)
		low[s&mask]++
	}
	// Pass 2, by the high bits, stable: each slot's relations stay in
	// relation order.
	sorted := make([]uint64, len(pairs))
	for _, p := range pairs {
		h := int(p>>32) >> radixBits
		sorted[byHigh[h]] = p
		byHigh[h]++
	}
	for i, p := range sorted {
		rels[i] = Rel(uint32(p))
		start[int(p>>32)+1]++
	}
	for s := range slots {
		start[s+1] += start[s]
	}
	return rels, start
}

// buildByPredicate groups relation numbers by predicate ID (the low bits
// of pred), for n predicates.
func buildByPredicate(pred []uint16, n int) adjacency {
	a := adjacency{entities: int32(n)}
	a.start = make([]uint32, n+1)
	for _, p := range pred {
		a.start[int(p&predicateMask)+1]++
	}
	for p := range n {
		a.start[p+1] += a.start[p]
	}
	next := slices.Clone(a.start[:n])
	a.rels = make([]Rel, len(pred))
	for r, p := range pred {
		a.rels[next[p&predicateMask]] = Rel(r)
		next[p&predicateMask]++
	}
	return a
}

// buildHidden marks the relations that reads of the best-ranked statements
// leave out: every deprecated one, and the normal ones of a subject and
// predicate that has a preferred one (Wikidata's "truthy" statements).
func (ix *Index) buildHidden() []uint64 {
	hidden := make([]uint64, (len(ix.pred)+63)/64)
	hide := func(r Rel) { hidden[r>>6] |= 1 << (r & 63) }
	preferred := pb.StatementRank_STATEMENT_RANK_PREFERRED
	var ranked []Rel
	for r := range Rel(len(ix.pred)) {
		switch ix.Rank(r) {
		case pb.StatementRank_STATEMENT_RANK_DEPRECATED:
			hide(r)
		case preferred:
			ranked = append(ranked, r)
		}
	}
	// Preferred statements are rare: look at each one's subject.
	for _, r := range ranked {
		s, p := ix.ends[2*r], ix.Predicate(r)
		for _, other := range ix.out.of(s) {
			if ix.Predicate(other) == p && ix.Rank(other) != preferred {
				hide(other)
			}
		}
	}
	return hidden
}

func (a *adjacency) bytes() int {
	return 4*len(a.start) + 4*len(a.rels) + 4*len(a.relSlots) + 8*len(a.hasSlot)
}

// charMarkEvery is the spacing, in bytes of text, of the marks that turn a
// byte offset into a character offset.
const charMarkEvery = 1024

// markChars counts characters (bytes that start a UTF-8 sequence) in
// text[:k*charMarkEvery] for every k.
func markChars(text []byte) []uint64 {
	marks := make([]uint64, 0, len(text)/charMarkEvery+1)
	var n uint64
	for k := 0; ; k += charMarkEvery {
		marks = append(marks, n)
		if k+charMarkEvery > len(text) {
			return marks
		}
		n += uint64(runeStarts(text[k : k+charMarkEvery]))
	}
}

// runeStarts counts the bytes of b that start a UTF-8 sequence, which for
// valid UTF-8 is its number of characters, and which adds up over any
// split of b.
func runeStarts(b []byte) int {
	n := len(b)
	for len(b) >= 8 {
		// A continuation byte is 10xxxxxx: bit 7 set and bit 6 clear.
		x := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
			uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
		n -= bits.OnesCount64(x & ^(x << 1) & 0x8080808080808080)
		b = b[8:]
	}
	for _, c := range b {
		if c&0xc0 == 0x80 {
			n--
		}
	}
	return n
}

// charOffset returns the number of characters in the text before byte
// offset at (an offset into all documents' text).
func (ix *Index) charOffset(at uint64) uint64 {
	k := at / charMarkEvery
	return ix.charMarks[k] + uint64(runeStarts(ix.text.view(k*charMarkEvery, at)))
}

func (rb *recordsBuilder) len() int { return max(len(rb.off)-1, 0) }
