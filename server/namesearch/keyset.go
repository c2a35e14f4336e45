package namesearch

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"github.com/blevesearch/vellum"

	"github.com/entitygraph/entitygraph/server/vellumfst"
)

// keySet is a sorted set of keys, each numbering a posting list, held as
// two FSTs: the keys that are all ASCII and the others (Hangul, Japanese,
// accented letters the normalization keeps). Fuzzy matching walks an FST
// along every path within the edit distance, and a query in one script is
// hardly ever within two edits of a key in another: a key of the other
// FST needs an edit per rune the query does not have. So each fuzzy
// search walks the other FST only when some key there could match, which
// the set knows from the most ASCII runes its mixed keys have. Walking
// both in step by key keeps the order, and so the answers, of one FST.
type keySet struct {
	ascii, other           *vellum.FST
	asciiBytes, otherBytes []byte
	// asciiReader and otherReader read the two FSTs for fuzzy and prefix
	// walks, when direct (vellum's format is the one they read).
	asciiReader, otherReader vellumfst.Reader
	asciiDirect, otherDirect bool
	// near finds the ASCII keys near a short word, when set (for the
	// words of the names, not the names).
	near *nearKeys
	// mixedASCII[k] is the most ASCII runes a key of other has among those
	// with exactly k runes that are not ASCII, for k up to MaxEdits.
	mixedASCII [MaxEdits + 1]int
}

// buildKeySet builds the two FSTs of sorted keys; key i numbers list i.
func buildKeySet(sorted []string) (keySet, error) {
	var ks keySet
	var abuf, obuf bytes.Buffer
	ab, err := vellum.New(&abuf, nil)
	if err != nil {
		return ks, err
	}
	ob, err := vellum.New(&obuf, nil)
	if err != nil {
		return ks, err
	}
	for i, k := range sorted {
		b := ab
		if !IsASCII(k) {
			b = ob
			if n, other := runeMix(k); other <= MaxEdits {
				ks.mixedASCII[other] = max(ks.mixedASCII[other], n-other)
			}
		}
		if err := b.Insert([]byte(k), uint64(i)); err != nil {
			return ks, err
		}
	}
	if err := ab.Close(); err != nil {
		return ks, err
	}
	if err := ob.Close(); err != nil {
		return ks, err
	}
	ks.asciiBytes, ks.otherBytes = abuf.Bytes(), obuf.Bytes()
	return ks, ks.load()
}

// runeMix returns the runes of s and how many of them are not ASCII.
func runeMix(s string) (runes, other int) {
	for _, r := range s {
		runes++
		if r >= utf8.RuneSelf {
			other++
		}
	}
	return runes, other
}

func (ks *keySet) load() error {
	var err error
	if ks.ascii, err = vellum.Load(ks.asciiBytes); err != nil {
		return fmt.Errorf("ASCII keys: %w", err)
	}
	if ks.other, err = vellum.Load(ks.otherBytes); err != nil {
		return fmt.Errorf("other keys: %w", err)
	}
	ks.asciiReader, ks.asciiDirect = vellumfst.NewReader(ks.asciiBytes)
	ks.otherReader, ks.otherDirect = vellumfst.NewReader(ks.otherBytes)
	return nil
}

// get returns the list of key.
func (ks *keySet) get(key string) (uint64, bool) {
	fst := ks.ascii
	if !IsASCII(key) {
		fst = ks.other
	}
	v, ok, _ := fst.Get([]byte(key))
	return v, ok
}

// mayHold reports whether the FST of the keys that are not (ascii false)
// or are (ascii true) all ASCII can hold a key within edits of q.
func (ks *keySet) mayHold(q string, edits int, ascii bool) bool {
	n, other := runeMix(q)
	if ascii {
		// An ASCII key needs an edit per rune of q that is not ASCII.
		return other <= edits
	}
	if other > 0 {
		return true
	}
	// q is ASCII: a key with k runes that are not ASCII needs k edits for
	// them, and one for every rune of q beyond its ASCII runes.
	for k := 1; k <= edits; k++ {
		if ks.mixedASCII[k] >= n-edits {
			return true
		}
	}
	return false
}

// prefix calls fn for the list of every key that starts with q and is
// longer than it, in key order, visiting at most maxScan keys.
func (ks *keySet) prefix(q string, fn func(key []byte, list uint64)) {
	if ks.asciiDirect && ks.otherDirect {
		ks.walkPrefixes(q, fn)
		return
	}
	end := prefixEnd([]byte(q))
	a := newIterCursor(ks.ascii.Iterator([]byte(q), end))
	o := newIterCursor(ks.other.Iterator([]byte(q), end))
	merged(a, o, func(key []byte, v uint64, _ int) {
		if len(key) != len(q) {
			fn(key, v)
		}
	})
}

// walkPrefixes is prefix by direct walks of the two FSTs: the keys of the
// other FST, few for an ASCII query and none of the ASCII FST for another,
// are gathered first and merged in as the ASCII keys stream by.
func (ks *keySet) walkPrefixes(q string, fn func(key []byte, list uint64)) {
	p := []byte(q)
	var other walkCursor
	walkPrefix(&ks.otherReader, p, func(key []byte, v uint64) bool {
		other.add(key, v, 0)
		return len(other.vals) < maxScan
	})
	n := 0
	emit := func(key []byte, v uint64) bool {
		if len(key) != len(q) {
			fn(key, v)
		}
		n++
		return n < maxScan
	}
	if IsASCII(q) {
		walkPrefix(&ks.asciiReader, p, func(key []byte, v uint64) bool {
			for {
				k, ov, _, ok := other.current()
				if !ok || bytes.Compare(k, key) >= 0 {
					break
				}
				if !emit(k, ov) {
					return false
				}
				other.next()
			}
			return emit(key, v)
		})
	}
	for n < maxScan {
		k, v, _, ok := other.current()
		if !ok {
			break
		}
		emit(k, v)
		other.next()
	}
}

// fuzzy calls fn for the list of every key within edits of q (but not
// equal to it), in key order, visiting at most maxScan keys.
func (ks *keySet) fuzzy(q string, edits int, fn func(list uint64, d int)) {
	inASCII, inOther := ks.mayHold(q, edits, true), ks.mayHold(q, edits, false)
	var a, o cursor
	if inASCII && IsASCII(q) && ks.asciiDirect {
		// The common case, walked with an automaton computed as it goes.
		if !inOther {
			// Nothing to merge with: straight to fn.
			n := 0
			emit := func(v uint64, d int) bool {
				if d != 0 { // exact matches are found, and scored, elsewhere
					fn(v, d)
				}
				n++
				return n < maxScan
			}
			if ks.near != nil && len(q) <= maxNearLen {
				ks.near.find(q, edits, emit)
			} else {
				walkFuzzy(&ks.asciiReader, q, edits, func(_ []byte, v uint64, d int) bool { return emit(v, d) })
			}
			return
		}
		found := &walkCursor{}
		walkFuzzy(&ks.asciiReader, q, edits, func(key []byte, v uint64, d int) bool {
			found.add(key, v, d)
			return len(found.vals) < maxScan
		})
		a, inASCII = found, false
	}
	if inASCII || inOther {
		builders, err := automata()
		if err != nil {
			return
		}
		dfa, err := builders[edits].BuildDfa(q, uint8(edits))
		if err != nil {
			return // too many states: the query is too long to match fuzzily
		}
		if inASCII {
			a = newIterCursor(ks.ascii.Search(dfa, nil, nil))
		}
		if inOther {
			o = newIterCursor(ks.other.Search(dfa, nil, nil))
		}
	}
	merged(a, o, func(_ []byte, v uint64, d int) {
		if d != 0 { // exact matches are found, and scored, elsewhere
			fn(v, d)
		}
	})
}

// cursor is a position in a sequence of keys in key order: an FST
// iterator, or the keys a fuzzy walk found.
type cursor interface {
	// current returns the key, its value and its edit distance (0 when
	// not a fuzzy search), or ok false when the sequence is done.
	current() (key []byte, v uint64, d int, ok bool)
	next()
}

// iterCursor is a cursor over a vellum iterator.
type iterCursor struct {
	it  *vellum.FSTIterator
	err error
}

func newIterCursor(it *vellum.FSTIterator, err error) *iterCursor {
	return &iterCursor{it: it, err: err}
}

func (c *iterCursor) current() ([]byte, uint64, int, bool) {
	if c.err != nil {
		return nil, 0, 0, false
	}
	k, v := c.it.Current()
	return k, v, int(c.it.EditDistance()), true
}

func (c *iterCursor) next() { c.err = c.it.Next() }

// walkCursor is a cursor over the keys a fuzzy walk found.
type walkCursor struct {
	keys  []byte
	ends  []int
	vals  []uint64
	dists []int
	i     int
}

func (c *walkCursor) add(key []byte, v uint64, d int) {
	c.keys = append(c.keys, key...)
	c.ends = append(c.ends, len(c.keys))
	c.vals = append(c.vals, v)
	c.dists = append(c.dists, d)
}

func (c *walkCursor) current() ([]byte, uint64, int, bool) {
	if c.i >= len(c.vals) {
		return nil, 0, 0, false
	}
	start := 0
	if c.i > 0 {
		start = c.ends[c.i-1]
	}
	return c.keys[start:c.ends[c.i]], c.vals[c.i], c.dists[c.i], true
}

func (c *walkCursor) next() { c.i++ }

// merged visits the keys of two cursors (either may be nil) in key order,
// at most maxScan of them.
func merged(a, o cursor, fn func(key []byte, v uint64, d int)) {
	for n := 0; n < maxScan; n++ {
		var ka, ko []byte
		var va, vo uint64
		var da, do int
		okA, okO := false, false
		if a != nil {
			ka, va, da, okA = a.current()
		}
		if o != nil {
			ko, vo, do, okO = o.current()
		}
		switch {
		case !okA && !okO:
			return
		case !okO || (okA && bytes.Compare(ka, ko) < 0):
			fn(ka, va, da)
			a.next()
		default:
			fn(ko, vo, do)
			o.next()
		}
	}
}

// bytes returns the size of the two FSTs.
func (ks *keySet) bytes() int { return len(ks.asciiBytes) + len(ks.otherBytes) }

// prefixEnd is the smallest key greater than every key starting with p, or
// nil when there is none.
func prefixEnd(p []byte) []byte {
	end := bytes.Clone(p)
	for i := len(end) - 1; i >= 0; i-- {
		if end[i] < 0xff {
			end[i]++
			return end[:i+1]
		}
	}
	return nil
}
