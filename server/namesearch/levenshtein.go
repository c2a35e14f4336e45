package namesearch

import "sync"

// levAutomaton is a Levenshtein automaton for an ASCII query that is
// computed as the FST walk goes, instead of built whole beforehand:
// vellum's parametric DFA costs hundreds of microseconds and a megabyte to
// build for a query of twenty letters at two edits, longer than the walk
// itself. A state is the band of the edit-distance table that can still
// be within the distance (2d+1 cells of the current column, and of the one
// before for transpositions), so a step is a few comparisons. Distances
// are restricted Damerau–Levenshtein (a transposition of neighbours is one
// edit), as vellum's automata with transpositions compute them. States are
// numbered as they are made and never merged: the walk only ever steps
// forward from a state it holds.
type levAutomaton struct {
	q      string
	d      int
	states []levState
}

// maxBand is the widest band: 2*MaxEdits+1.
const maxBand = 2*MaxEdits + 1

// levState is column j of the table: cur[k] is the distance between the
// first j-d+k runes of the query and the j runes of text read (capped at
// d+1), prev the same for column j-1, last the last byte read.
type levState struct {
	j         int32
	cur, prev [maxBand]uint8
	last      byte
}

var levPool = sync.Pool{New: func() any { return &levAutomaton{} }}

// newLevAutomaton returns an automaton for ASCII query q within d edits
// (1 ≤ d ≤ MaxEdits). Release it with done.
func newLevAutomaton(q string, d int) *levAutomaton {
	a := levPool.Get().(*levAutomaton)
	a.q, a.d = q, d
	// State 0 is dead; state 1 is the start, column 0: distance i for the
	// first i runes of the query.
	a.states = append(a.states[:0], levState{}, levState{})
	s := &a.states[1]
	inf := uint8(d + 1)
	for k := range s.cur {
		i := k - d
		s.cur[k], s.prev[k] = inf, inf
		if i >= 0 && i <= d && i <= len(q) {
			s.cur[k] = uint8(i)
		}
	}
	a.states[0].cur = [maxBand]uint8{inf, inf, inf, inf, inf}
	return a
}

func (a *levAutomaton) done() {
	if cap(a.states) <= 1<<16 {
		levPool.Put(a)
	}
}

// Start returns the start state.
func (a *levAutomaton) Start() int { return 1 }

// IsMatch reports whether the text read is within d edits of the query.
func (a *levAutomaton) IsMatch(s int) bool { return a.distance(s) <= a.d }

// CanMatch reports whether some continuation of the text read can be.
func (a *levAutomaton) CanMatch(s int) bool {
	if s == 0 {
		return false
	}
	st := &a.states[s]
	for k := 0; k <= 2*a.d; k++ {
		if int(st.cur[k]) <= a.d {
			return true
		}
	}
	return false
}

// WillAlwaysMatch is never true: more text always adds edits eventually.
func (a *levAutomaton) WillAlwaysMatch(int) bool { return false }

// EditDistance returns the distance of the text read from the query, for
// a state that matches.
func (a *levAutomaton) EditDistance(s int) uint8 { return uint8(a.distance(s)) }

func (a *levAutomaton) distance(s int) int {
	st := &a.states[s]
	k := len(a.q) - int(st.j) + a.d
	if s == 0 || k < 0 || k > 2*a.d {
		return a.d + 1
	}
	return int(st.cur[k])
}

// MatchAndDistance runs the automaton over input.
func (a *levAutomaton) MatchAndDistance(input string) (bool, uint8) {
	s := a.Start()
	for i := 0; i < len(input) && a.CanMatch(s); i++ {
		s = a.Accept(s, input[i])
	}
	return a.IsMatch(s), uint8(a.distance(s))
}

// Accept reads byte c: the next column of the table, within the band.
func (a *levAutomaton) Accept(s int, c byte) int {
	if s == 0 || c >= 0x80 {
		return 0 // the query is ASCII: a key byte that is not stays an edit per rune, past what the band can hold
	}
	from := a.states[s]
	d, q := a.d, a.q
	inf := uint8(d + 1)
	next := levState{j: from.j + 1, prev: from.cur, last: c}
	j := int(next.j)
	best := inf
	for k := 0; k <= 2*d; k++ {
		i := j - d + k // query runes
		v := inf
		switch {
		case i < 0 || i > len(q):
		case i == 0:
			v = uint8(min(j, int(inf)))
		default:
			// From column j-1 (band offset shifted by one): cell i is at
			// k+1, cell i-1 at k.
			if k+1 <= 2*d {
				v = min(v, from.cur[k+1]+1) // c is inserted
			}
			if k > 0 {
				v = min(v, next.cur[k-1]+1) // query rune i-1 is deleted
			}
			sub := from.cur[k]
			if q[i-1] != c {
				sub++
			}
			v = min(v, sub)
			// Neighbours transposed: q[i-2]q[i-1] read as c' c with
			// c' = q[i-1], c = q[i-2]; cell (i-2, j-2) of column j-2 is at
			// band offset k of that column.
			if i >= 2 && j >= 2 && q[i-1] == from.last && q[i-2] == c {
				v = min(v, from.prev[k]+1)
			}
			v = min(v, inf)
		}
		next.cur[k] = v
		best = min(best, v)
	}
	for k := 2*d + 1; k < maxBand; k++ {
		next.cur[k] = inf
	}
	if best > uint8(d) {
		return 0
	}
	a.states = append(a.states, next)
	return len(a.states) - 1
}
