package namesearch

import (
	"slices"
	"sync"

	"github.com/entitygraph/entitygraph/server/vellumfst"
)

// A fuzzy walk reads the FST's states itself rather than through vellum's
// iterator. vellum's FSTIterator.Search calls the automaton through an
// interface for every transition of every live state, looks each live
// transition up again by its byte, and decodes its target into a fresh
// state; with two edits every key of one or two bytes is within the
// distance, so the walk of a million names spends most of its time among
// the thousands of transitions near the root that lead nowhere. Walking
// the encoded states directly, a transition whose byte the automaton does
// not compare with any query byte costs a bit test (see levQuery.window),
// and the answers stay those of vellum's iterator: the same keys, in the
// same order, with the same values (TestFuzzyWalkMatchesVellum).

// fuzzyWalk visits the keys of an FST within a levQuery's distance.
type fuzzyWalk struct {
	r      *vellumfst.Reader
	lev    levQuery
	key    []byte
	states []levState // by depth
	fn     func(key []byte, v uint64, d int) bool
	done   bool
}

var walks = sync.Pool{New: func() any { return &fuzzyWalk{} }}

// walkFuzzy calls fn, in key order, for every key of r within d edits of
// ASCII query q, with its value and distance, until fn returns false.
func walkFuzzy(r *vellumfst.Reader, q string, d int, fn func(key []byte, v uint64, d int) bool) {
	w := walks.Get().(*fuzzyWalk)
	w.r, w.fn, w.done = r, fn, false
	w.lev.reset(q, d)
	w.key = w.key[:0]
	// No column past len(q)+d can be within d: the walk is never deeper.
	w.states = slices.Grow(w.states[:0], len(q)+d+2)[:len(q)+d+2]
	w.states[0] = w.lev.start()
	w.visit(r.Root(), 0)
	w.r, w.fn = nil, nil
	walks.Put(w)
}

// visit walks the state at addr, reached by w.key with output out, in
// automaton state w.states[len(w.key)].
func (w *fuzzyWalk) visit(addr int, out uint64) {
	var s vellumfst.State
	w.r.State(addr, &s)
	depth := len(w.key)
	if s.Final {
		if dist := w.lev.distance(&w.states[depth]); dist <= w.lev.d && !w.fn(w.key, out+s.FinalOut, dist) {
			w.done = true
			return
		}
	}
	if s.N == 0 {
		return
	}
	from, to := &w.states[depth], &w.states[depth+1]
	// Whether the bytes the step compares with no query byte live on:
	// byte 0 is never in a normalized query.
	otherLive := w.lev.step(from, 0, to)
	for i := 0; i < s.N && !w.done; i++ {
		c := s.ByteAt(i)
		if !otherLive && w.lev.compares(from, c) == 0 {
			continue
		}
		if !w.lev.step(from, c, to) {
			continue
		}
		next, tout := s.Target(i)
		w.key = append(w.key, c)
		w.visit(next, out+tout)
		w.key = w.key[:depth]
	}
}

// prefixWalk visits the keys of an FST that start with a prefix, reading
// its states directly as a fuzzy walk does: vellum's iterator decodes
// every state of the prefix and of each key into a fresh allocation,
// which in a name search at a million names cost more than the walk.
type prefixWalk struct {
	r    *vellumfst.Reader
	key  []byte
	fn   func(key []byte, v uint64) bool
	done bool
}

var prefixWalks = sync.Pool{New: func() any { return &prefixWalk{} }}

// walkPrefix calls fn, in key order, for every key of r that starts with
// p, with its value, until fn returns false. The key is fn's only during
// the call.
func walkPrefix(r *vellumfst.Reader, p []byte, fn func(key []byte, v uint64) bool) {
	addr, out := r.Root(), uint64(0)
	var s vellumfst.State
	for _, c := range p {
		r.State(addr, &s)
		i := transitionFor(&s, c)
		if i < 0 {
			return
		}
		next, tout := s.Target(i)
		addr, out = next, out+tout
	}
	w := prefixWalks.Get().(*prefixWalk)
	w.r, w.fn, w.done = r, fn, false
	w.key = append(w.key[:0], p...)
	w.visit(addr, out)
	w.r, w.fn = nil, nil
	prefixWalks.Put(w)
}

// transitionFor returns the transition of s on byte c, or -1: by binary
// search, transitions being in ascending byte order.
func transitionFor(s *vellumfst.State, c byte) int {
	lo, hi := 0, s.N
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if s.ByteAt(m) < c {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < s.N && s.ByteAt(lo) == c {
		return lo
	}
	return -1
}

// visit walks every key below the state at addr, reached by w.key with
// output out.
func (w *prefixWalk) visit(addr int, out uint64) {
	var s vellumfst.State
	w.r.State(addr, &s)
	if s.Final && !w.fn(w.key, out+s.FinalOut) {
		w.done = true
		return
	}
	depth := len(w.key)
	for i := 0; i < s.N && !w.done; i++ {
		next, tout := s.Target(i)
		w.key = append(w.key, s.ByteAt(i))
		w.visit(next, out+tout)
		w.key = w.key[:depth]
	}
}
