package namesearch

import (
	"encoding/binary"
	"slices"
	"sync"
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

// fstReader reads states of an FST in vellum's file format v1
// (github.com/blevesearch/vellum, docs/format.md): states are written
// backwards from their top byte, transitions in reverse byte order, with
// target addresses relative to the lowest byte of the state.
type fstReader struct {
	data []byte
	root int
}

// The v1 format's constants, as vellum writes them.
const (
	fstVersion1    = 1
	fstHeaderSize  = 16
	fstFooterSize  = 16
	fstEmptyAddr   = 0 // the final state with no transitions
	fstNoneAddr    = 1 // no state
	fstOneTrans    = 1 << 7
	fstTransNext   = 1 << 6 // one transition, to the state just below
	fstFinal       = 1 << 6 // several transitions, and final
	fstMaxCommon   = 1<<6 - 1
	fstMaxNumTrans = 1<<6 - 1
	fstPackOutMask = 1<<4 - 1
)

// fstCommonInputs decodes the byte of a one-transition state that fits in
// its top byte: value v stands for fstCommonInputs[v-1] (vellum's
// commonInputsInv, the bytes most frequent in keys).
var fstCommonInputs = [fstMaxCommon]byte{
	't', 'e', '/', 'o', 'a', 's', 'r', 'i', 'p', 'c', 'n', 'w', '.', 'h', 'l', 'm',
	'-', 'd', 'u', '0', '1', '2', 'g', '=', ':', 'b', 'f', '3', 'y', '5', '&', '_',
	'4', 'v', '9', '6', '7', '8', 'k', '%', '?', 'x', 'C', 'D', 'A', 'S', 'F', 'I',
	'B', 'E', 'j', 'P', 'T', 'z', 'R', 'N', 'M', '+', 'L', 'O', 'q', 'H', 'G',
}

// newFSTReader returns a reader of data, an FST as vellum writes it, and
// false when data is not in the one format the reader knows.
func newFSTReader(data []byte) (fstReader, bool) {
	if len(data) < fstHeaderSize+fstFooterSize || binary.LittleEndian.Uint64(data) != fstVersion1 {
		return fstReader{}, false
	}
	root := binary.LittleEndian.Uint64(data[len(data)-8:])
	if root != fstEmptyAddr && root != fstNoneAddr && (root < fstHeaderSize || root >= uint64(len(data)-fstFooterSize)) {
		return fstReader{}, false
	}
	return fstReader{data: data, root: int(root)}, true
}

// fstState is one decoded state.
type fstState struct {
	final    bool
	finalOut uint64
	n        int // transitions
	// With one transition:
	byte1 byte
	addr1 int
	out1  uint64
	// With several: keys, targets and outputs, each in reverse byte order.
	keys, dests, outs []byte
	destSize, outSize int
	bottom            int
}

// state decodes the state at addr, as vellum's decoder does. The FST was
// checked when loaded (vellum.Load) and comes from our own builder; a
// read out of bounds panics, as vellum's would.
func (r *fstReader) state(addr int, s *fstState) {
	*s = fstState{}
	switch addr {
	case fstEmptyAddr:
		s.final = true
		return
	case fstNoneAddr:
		return
	}
	data := r.data
	top := data[addr]
	bottom := addr
	if top&fstOneTrans != 0 {
		s.n = 1
		if c := top & fstMaxCommon; c != 0 {
			s.byte1 = fstCommonInputs[c-1]
		} else {
			bottom--
			s.byte1 = data[bottom]
		}
		if top&fstTransNext != 0 {
			s.addr1 = bottom - 1
			return
		}
		bottom--
		destSize, outSize := int(data[bottom]>>4), int(data[bottom]&fstPackOutMask)
		bottom -= destSize
		dest := packedUint(data[bottom : bottom+destSize])
		if outSize > 0 {
			bottom -= outSize
			s.out1 = packedUint(data[bottom : bottom+outSize])
		}
		if dest != 0 {
			dest = uint64(bottom) - dest
		}
		s.addr1 = int(dest)
		return
	}
	s.final = top&fstFinal != 0
	s.n = int(top & fstMaxNumTrans)
	if s.n == 0 {
		bottom--
		if s.n = int(data[bottom]); s.n == 1 {
			s.n = 256 // 1 would have fitted in the top byte: it stands for 256
		}
	}
	bottom--
	s.destSize, s.outSize = int(data[bottom]>>4), int(data[bottom]&fstPackOutMask)
	s.keys = data[bottom-s.n : bottom]
	bottom -= s.n
	s.dests = data[bottom-s.n*s.destSize : bottom]
	bottom -= s.n * s.destSize
	if s.outSize > 0 {
		s.outs = data[bottom-s.n*s.outSize : bottom]
		bottom -= s.n * s.outSize
		if s.final {
			bottom -= s.outSize
			s.finalOut = packedUint(data[bottom : bottom+s.outSize])
		}
	}
	s.bottom = bottom
}

// byteAt returns the byte of transition i, in ascending byte order.
func (s *fstState) byteAt(i int) byte {
	if s.keys == nil {
		return s.byte1
	}
	return s.keys[s.n-1-i]
}

// target returns the target and output of transition i.
func (s *fstState) target(i int) (addr int, out uint64) {
	if s.keys == nil {
		return s.addr1, s.out1
	}
	pos := s.n - 1 - i
	dest := int(packedUint(s.dests[pos*s.destSize : (pos+1)*s.destSize]))
	if dest > 0 {
		dest = s.bottom - dest
	}
	if s.outSize > 0 {
		out = packedUint(s.outs[pos*s.outSize : (pos+1)*s.outSize])
	}
	return dest, out
}

// packedUint reads a little-endian integer of len(b) bytes.
func packedUint(b []byte) uint64 {
	var v uint64
	for i, x := range b {
		v |= uint64(x) << (8 * i)
	}
	return v
}

// fuzzyWalk visits the keys of an FST within a levQuery's distance.
type fuzzyWalk struct {
	r      *fstReader
	lev    levQuery
	key    []byte
	states []levState // by depth
	fn     func(key []byte, v uint64, d int) bool
	done   bool
}

var walks = sync.Pool{New: func() any { return &fuzzyWalk{} }}

// walkFuzzy calls fn, in key order, for every key of r within d edits of
// ASCII query q, with its value and distance, until fn returns false.
func walkFuzzy(r *fstReader, q string, d int, fn func(key []byte, v uint64, d int) bool) {
	w := walks.Get().(*fuzzyWalk)
	w.r, w.fn, w.done = r, fn, false
	w.lev.reset(q, d)
	w.key = w.key[:0]
	// No column past len(q)+d can be within d: the walk is never deeper.
	w.states = slices.Grow(w.states[:0], len(q)+d+2)[:len(q)+d+2]
	w.states[0] = w.lev.start()
	w.visit(r.root, 0)
	w.r, w.fn = nil, nil
	walks.Put(w)
}

// visit walks the state at addr, reached by w.key with output out, in
// automaton state w.states[len(w.key)].
func (w *fuzzyWalk) visit(addr int, out uint64) {
	var s fstState
	w.r.state(addr, &s)
	depth := len(w.key)
	if s.final {
		if dist := w.lev.distance(&w.states[depth]); dist <= w.lev.d && !w.fn(w.key, out+s.finalOut, dist) {
			w.done = true
			return
		}
	}
	if s.n == 0 {
		return
	}
	from, to := &w.states[depth], &w.states[depth+1]
	// Whether the bytes the step compares with no query byte live on:
	// byte 0 is never in a normalized query.
	otherLive := w.lev.step(from, 0, to)
	for i := 0; i < s.n && !w.done; i++ {
		c := s.byteAt(i)
		if !otherLive && w.lev.compares(from, c) == 0 {
			continue
		}
		if !w.lev.step(from, c, to) {
			continue
		}
		next, tout := s.target(i)
		w.key = append(w.key, c)
		w.visit(next, out+tout)
		w.key = w.key[:depth]
	}
}
