// Package vellumfst reads the states of an FST in vellum's file format,
// version 1 (github.com/blevesearch/vellum, docs/format.md), so that a
// caller can walk an FST directly, with an automaton of its own, instead of
// through vellum's iterator. It reads the one version it names
// ([FormatVersion]) and refuses any other; TestReaderMatchesVellum checks
// it against vellum on every kind of state vellum writes. It imports only
// the standard library.
package vellumfst

import "encoding/binary"

// FormatVersion is the version of vellum's file format Reader reads.
const FormatVersion = 1

// Reader reads states of an FST in vellum's file format v1
// (github.com/blevesearch/vellum, docs/format.md): states are written
// backwards from their top byte, transitions in reverse byte order, with
// target addresses relative to the lowest byte of the state.
type Reader struct {
	data []byte
	root int
}

// The v1 format's constants, as vellum writes them.
const (
	headerSize  = 16
	footerSize  = 16
	emptyAddr   = 0 // the final state with no transitions
	noneAddr    = 1 // no state
	oneTrans    = 1 << 7
	transNext   = 1 << 6 // one transition, to the state just below
	finalFlag   = 1 << 6 // several transitions, and final
	maxCommon   = 1<<6 - 1
	maxNumTrans = 1<<6 - 1
	packOutMask = 1<<4 - 1
)

// commonInputs decodes the byte of a one-transition state that fits in
// its top byte: value v stands for commonInputs[v-1] (vellum's
// commonInputsInv, the bytes most frequent in keys).
var commonInputs = [maxCommon]byte{
	't', 'e', '/', 'o', 'a', 's', 'r', 'i', 'p', 'c', 'n', 'w', '.', 'h', 'l', 'm',
	'-', 'd', 'u', '0', '1', '2', 'g', '=', ':', 'b', 'f', '3', 'y', '5', '&', '_',
	'4', 'v', '9', '6', '7', '8', 'k', '%', '?', 'x', 'C', 'D', 'A', 'S', 'F', 'I',
	'B', 'E', 'j', 'P', 'T', 'z', 'R', 'N', 'M', '+', 'L', 'O', 'q', 'H', 'G',
}

// NewReader returns a reader of data, an FST as vellum writes it, and
// false when data is not in the one format the reader knows.
func NewReader(data []byte) (Reader, bool) {
	if len(data) < headerSize+footerSize || binary.LittleEndian.Uint64(data) != FormatVersion {
		return Reader{}, false
	}
	root := binary.LittleEndian.Uint64(data[len(data)-8:])
	if root != emptyAddr && root != noneAddr && (root < headerSize || root >= uint64(len(data)-footerSize)) {
		return Reader{}, false
	}
	return Reader{data: data, root: int(root)}, true
}

// State is one decoded state. Decoding one allocates nothing: it refers to
// the FST's bytes.
type State struct {
	// Final is set when the state ends a key; FinalOut is then the output
	// added to the key's value.
	Final    bool
	FinalOut uint64
	// N is the number of transitions.
	N int
	// With one transition:
	byte1 byte
	addr1 int
	out1  uint64
	// With several: keys, targets and outputs, each in reverse byte order.
	keys, dests, outs []byte
	destSize, outSize int
	bottom            int
}

// Root returns the address of the FST's root state.
func (r *Reader) Root() int { return r.root }

// State decodes the state at addr into s, as vellum's decoder does. The FST
// is trusted (checked by vellum.Load when it was loaded); a read out of
// bounds panics, as vellum's would.
func (r *Reader) State(addr int, s *State) {
	*s = State{}
	switch addr {
	case emptyAddr:
		s.Final = true
		return
	case noneAddr:
		return
	}
	data := r.data
	top := data[addr]
	bottom := addr
	if top&oneTrans != 0 {
		s.N = 1
		if c := top & maxCommon; c != 0 {
			s.byte1 = commonInputs[c-1]
		} else {
			bottom--
			s.byte1 = data[bottom]
		}
		if top&transNext != 0 {
			s.addr1 = bottom - 1
			return
		}
		bottom--
		destSize, outSize := int(data[bottom]>>4), int(data[bottom]&packOutMask)
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
	s.Final = top&finalFlag != 0
	s.N = int(top & maxNumTrans)
	if s.N == 0 {
		bottom--
		if s.N = int(data[bottom]); s.N == 1 {
			s.N = 256 // 1 would have fitted in the top byte: it stands for 256
		}
	}
	bottom--
	s.destSize, s.outSize = int(data[bottom]>>4), int(data[bottom]&packOutMask)
	s.keys = data[bottom-s.N : bottom]
	bottom -= s.N
	s.dests = data[bottom-s.N*s.destSize : bottom]
	bottom -= s.N * s.destSize
	if s.outSize > 0 {
		s.outs = data[bottom-s.N*s.outSize : bottom]
		bottom -= s.N * s.outSize
		if s.Final {
			bottom -= s.outSize
			s.FinalOut = packedUint(data[bottom : bottom+s.outSize])
		}
	}
	s.bottom = bottom
}

// ByteAt returns the byte of transition i, transitions numbered in
// ascending byte order.
func (s *State) ByteAt(i int) byte {
	if s.keys == nil {
		return s.byte1
	}
	return s.keys[s.N-1-i]
}

// Target returns the address of transition i's target state and the
// transition's output.
func (s *State) Target(i int) (addr int, out uint64) {
	if s.keys == nil {
		return s.addr1, s.out1
	}
	pos := s.N - 1 - i
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
