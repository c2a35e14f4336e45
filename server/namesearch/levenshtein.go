package namesearch

import "slices"

// levQuery is a Levenshtein automaton for an ASCII query that is computed
// as the FST walk goes, instead of built whole beforehand: vellum's
// parametric DFA costs hundreds of microseconds and a megabyte to build
// for a query of twenty letters at two edits, longer than the walk itself.
// Distances are restricted Damerau–Levenshtein (a transposition of
// neighbours is one edit), as vellum's automata with transpositions
// compute them.
//
// It runs the nondeterministic automaton bit-parallel (Wu and Manber;
// transpositions as Hyyrö adds them): row i of a state has a bit for every
// query prefix within i edits of the text read. Only prefixes within d of
// the text's length can be within d edits, so each row keeps just that
// band of 2d+1 prefixes, aligned with the text read: a step is a handful
// of shifts and masks, whatever the query's length.
type levQuery struct {
	q string
	d int
	// window[j*128+c] has bit k set when q[j-d-1+k] == c, for the bytes
	// the step out of column j (j bytes of text read) compares c with.
	window []uint8
	// mask[j] has the band bits of column j that are prefixes of q.
	mask []uint8
}

// levState is the automaton after j bytes of text: bit k of row i (byte i
// of r) says that the first j-d+k bytes of the query are within i edits
// of the text, rr is r one byte earlier (for transpositions), last the
// last byte read. The rows are packed in one word, stored in one go.
type levState struct {
	j     int32
	r, rr uint32
	last  byte
}

// row returns row i of r.
func row(r uint32, i int) uint8 { return uint8(r >> (8 * i)) }

// reset makes l the automaton for ASCII query q within d edits
// (1 ≤ d ≤ MaxEdits), reusing its memory.
func (l *levQuery) reset(q string, d int) {
	l.q, l.d = q, d
	// A walk dies by column len(q)+d+1: no prefix in its band is in q.
	cols := len(q) + d + 2
	l.window = slices.Grow(l.window[:0], cols*128)[:cols*128]
	clear(l.window)
	l.mask = slices.Grow(l.mask[:0], cols+1)[:cols+1]
	for j := range cols {
		for k := range 2*d + 2 {
			if i := j - d - 1 + k; i >= 0 && i < len(q) {
				l.window[j*128+int(q[i])] |= 1 << k
			}
		}
	}
	for j := range l.mask {
		// Bit k is prefix j-d+k: up to 2d, and up to the whole query.
		if top := min(2*d, len(q)-j+d); top >= 0 {
			l.mask[j] = 1<<(top+1) - 1
		} else {
			l.mask[j] = 0
		}
	}
}

// start returns the state before any text is read: prefix i is within i
// edits of nothing.
func (l *levQuery) start() levState {
	var s levState
	for i := 0; i <= l.d; i++ {
		s.r |= uint32((1<<(i+1)-1)<<l.d&l.mask[0]) << (8 * i)
	}
	return s
}

// distance returns the distance of the text read from the query, or d+1
// when it is further.
func (l *levQuery) distance(s *levState) int {
	k := len(l.q) - int(s.j) + l.d
	if k < 0 || k > 2*l.d {
		return l.d + 1
	}
	for i := 0; i <= l.d; i++ {
		if row(s.r, i)>>k&1 != 0 {
			return i
		}
	}
	return l.d + 1
}

// compares returns the bits of the query bytes the step out of state s
// compares c with: 0 when c is none of them, and steps as any other such
// byte does.
func (l *levQuery) compares(s *levState, c byte) uint8 {
	if c >= 0x80 {
		return 0
	}
	return l.window[int(s.j)*128+int(c)]
}

// step reads byte c in state from, writes the next state to next and
// reports whether some continuation of the text can still be within d.
func (l *levQuery) step(from *levState, c byte, next *levState) bool {
	if c >= 0x80 {
		return false // the query is ASCII: a key byte that is not stays an edit per rune, past what the band can hold
	}
	base := int(from.j) * 128
	w := l.window[base+int(c)]
	// With the band aligned to the text, prefix p of the next column is at
	// the bit prefix p-1 had: a match or substitution keeps its bit, an
	// insertion of c shifts right, a deletion from the query shifts left.
	eq := w >> 1                                     // q[p-1] == c
	swap := w & (l.window[base+int(from.last)] >> 1) // q[p-2] == c and q[p-1] == last
	mask := l.mask[from.j+1]
	// Rows 0 to MaxEdits, unrolled; with d = 1 row 2 is computed and
	// never read.
	f0, f1, f2 := row(from.r, 0), row(from.r, 1), row(from.r, 2)
	r0 := f0 & eq & mask
	r1 := (f1&eq | f0 | f0>>1 | r0<<1 | row(from.rr, 0)&swap) & mask
	r2 := (f2&eq | f1 | f1>>1 | r1<<1 | row(from.rr, 1)&swap) & mask
	next.j, next.r, next.rr, next.last = from.j+1, uint32(r0)|uint32(r1)<<8|uint32(r2)<<16, from.r, c
	if l.d == 1 {
		return r1 != 0
	}
	return r2 != 0
}

// The step above is unrolled for two edits.
var _ = [1]struct{}{}[MaxEdits-2]

// matchAndDistance runs the automaton over input.
func (l *levQuery) matchAndDistance(input string) (bool, int) {
	s := l.start()
	for i := 0; i < len(input); i++ {
		var next levState
		if !l.step(&s, input[i], &next) {
			return false, l.d + 1
		}
		s = next
	}
	dist := l.distance(&s)
	return dist <= l.d, dist
}
