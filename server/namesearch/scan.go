package namesearch

import (
	"unicode"
	"unicode/utf8"

	"github.com/entitygraph/entitygraph/server/vellumfst"
)

// Scanning finds the names of the index inside a longer text, as entity
// linking needs: every run of the text's words that is, after [Normalize],
// a name or alias exactly. The text is read as Normalize reads a name —
// letters and digits kept and folded, dots and apostrophes dropped, any
// other rune a word break — rune by rune, so that every byte of the
// normalized words maps back to the text. From each word, the scan walks
// the name FSTs along the normalized words that follow, and stops where no
// key goes on: a word no name starts with costs a transition or two.

// Posting is one name of one entity: name 0 is the entity's display name,
// name k its alias k-1 (as the names passed to [Build]).
type Posting struct {
	Entity int32
	Name   int32
}

// maxSpanWords and maxSpanBytes bound the span one scan step reads: no name
// of the index is longer in practice, and a walk never goes further.
const (
	maxSpanWords = 16
	maxSpanBytes = 256
)

// Scan calls fn, in text order, for each leftmost-longest run of whole
// words of text that is a name or alias of the index (after
// normalization), with its byte offsets and the names it is. Runs do not
// overlap. A possessive ending ("Halcyon's", "Halcyons'") is left out of
// the run when the name is the word without it; a run ends before a dot
// that ends its last word (a full stop), unless the run has another
// ("U.S."). Hangul, kana and Han need no word break to end or start a run
// ("키옥시아는", "キオクシアの"): a run may start and end at any of their
// runes. postings is fn's only during the call.
func (ix *Index) Scan(text string, fn func(start, end int, postings []Posting)) {
	s := scanner{ix: ix, text: text}
	s.units = s.read(text)
	var buf []Posting
	for i := 0; i < len(s.units); {
		u := s.units[i]
		if !u.startsRun() {
			i++
			continue
		}
		end, list, ok := s.longest(i)
		if !ok {
			i++
			continue
		}
		buf = buf[:0]
		ix.namePosts.each(list, func(p posting) { buf = append(buf, Posting{Entity: p.entity, Name: p.name}) })
		fn(u.start, s.trimEnd(i, end), buf)
		i = end
	}
}

// unit is one rune of the text as the scan reads it.
type unit struct {
	start, end int    // its bytes in the text
	norm       string // its normalized bytes: empty for a dropped rune or mark
	kind       unitKind
	wordStart  bool // first rune of a word (a run may start here)
	lastLetter bool // the word's last rune with normalized bytes (a run may end here)
	dense      bool // Hangul, kana or Han: a run may start or end here
}

// unitKind says what a rune is to the scan.
type unitKind uint8

const (
	letter     unitKind = iota // a letter, digit or mark: part of a word
	dot                        // dropped, part of a word ("U.S.")
	apostrophe                 // dropped, part of a word ("Kioxia's")
	wordBreak                  // in no word
)

func (u unit) startsRun() bool { return u.kind != wordBreak && (u.wordStart || u.dense) }

// endsRun reports whether a run may end after unit k.
func (s *scanner) endsRun(k int) bool {
	u := s.units[k]
	return u.norm != "" && (u.lastLetter || u.dense || k+1 < len(s.units) && s.units[k+1].dense)
}

// scanner is one scan of a text.
type scanner struct {
	ix    *Index
	text  string
	units []unit
}

// read splits text into units.
func (s *scanner) read(text string) []unit {
	units := make([]unit, 0, len(text))
	for i, r := range text {
		n := utf8.RuneLen(r)
		if r == utf8.RuneError {
			n = 1
		}
		u := unit{start: i, end: i + n}
		switch {
		case r == '.':
			u.kind = dot
		case r == '\'' || r == '’' || r == '‘' || r == 'ʼ':
			u.kind = apostrophe
		case r < utf8.RuneSelf && ('a' <= r && r <= 'z' || '0' <= r && r <= '9'):
			u.norm = asciiByte[r]
		case r >= 'A' && r <= 'Z':
			u.norm = asciiByte[r+'a'-'A']
		case r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)):
			u.norm = Normalize(text[i : i+n])
			u.dense = unicode.In(r, unicode.Hangul, unicode.Hiragana, unicode.Katakana, unicode.Han)
		default:
			u.kind = wordBreak
		}
		units = append(units, u)
	}
	// Dots and apostrophes inside or at the end of a word belong to it (as
	// in Normalize, they join); before its first letter they are breaks.
	inWord := false
	for k := range units {
		u := &units[k]
		switch {
		case u.kind == wordBreak:
			inWord = false
		case u.kind != letter && !inWord:
			u.kind = wordBreak
		default:
			u.wordStart = !inWord
			inWord = true
		}
	}
	last := -1 // the last unit with normalized bytes in the current word
	for k := range units {
		if units[k].kind == wordBreak {
			if last >= 0 {
				units[last].lastLetter = true
			}
			last = -1
		} else if units[k].norm != "" {
			last = k
		}
	}
	if last >= 0 {
		units[last].lastLetter = true
	}
	return units
}

// asciiByte holds the one-byte strings of ASCII, so that reading a
// letter allocates nothing.
var asciiByte = func() (out [utf8.RuneSelf]string) {
	for i := range out {
		out[i] = string(rune(i))
	}
	return out
}()

// longest returns the end (a unit index, exclusive) and the list of the
// longest name that starts at unit i.
func (s *scanner) longest(i int) (end int, list uint64, found bool) {
	ks := &s.ix.names
	if !ks.asciiDirect || !ks.otherDirect {
		return s.longestByLookup(i)
	}
	a := fstCursor{r: &ks.asciiReader}
	o := fstCursor{r: &ks.otherReader}
	a.reset()
	o.reset()
	words, bytes := 0, 0
	for k := i; k < len(s.units) && (a.live || o.live); k++ {
		u := s.units[k]
		if u.kind == wordBreak {
			if k > i && s.units[k-1].kind != wordBreak {
				if words++; words >= maxSpanWords {
					break
				}
				// One space between words, however many breaks.
				a.feed(' ')
				o.feed(' ')
				bytes++
			}
			continue
		}
		if u.kind == apostrophe && s.possessiveAt(k) {
			if v, ok := finalOf(&a, &o); ok {
				end, list, found = k, v, true
			}
		}
		for j := 0; j < len(u.norm); j++ {
			a.feed(u.norm[j])
			o.feed(u.norm[j])
		}
		if bytes += len(u.norm); bytes > maxSpanBytes {
			break
		}
		if s.endsRun(k) {
			if v, ok := finalOf(&a, &o); ok {
				end, list, found = k+1, v, true
			}
		}
	}
	return end, list, found
}

// possessiveAt reports whether the apostrophe at unit k starts a
// possessive ending: it follows a letter, and nothing or an "s" follows
// it in its word.
func (s *scanner) possessiveAt(k int) bool {
	if k == 0 || s.units[k-1].norm == "" {
		return false
	}
	rest := ""
	for j := k + 1; j < len(s.units) && s.units[j].kind != wordBreak; j++ {
		if rest += s.units[j].norm; len(rest) > 1 {
			return false
		}
	}
	return rest == "" || rest == "s"
}

// finalOf returns the value of the key the two cursors have read, when
// one of them has read a whole key.
func finalOf(a, o *fstCursor) (uint64, bool) {
	if v, ok := a.final(); ok {
		return v, true
	}
	return o.final()
}

// trimEnd returns the byte offset where the run of units [i, end) ends:
// after its last letter, or, when a dot is inside the run ("U.S."), after
// the dot that follows that letter.
func (s *scanner) trimEnd(i, end int) int {
	if end < len(s.units) && s.units[end].kind == dot {
		for k := i; k < end; k++ {
			if s.units[k].kind == dot {
				return s.units[end].end
			}
		}
	}
	return s.units[end-1].end
}

// longestByLookup is longest for an index whose FSTs the direct reader
// cannot read: each run of up to maxSpanWords words from unit i is looked
// up whole.
func (s *scanner) longestByLookup(i int) (end int, list uint64, found bool) {
	var key []byte
	words := 0
	for k := i; k < len(s.units) && len(key) <= maxSpanBytes; k++ {
		u := s.units[k]
		if u.kind == wordBreak {
			if k > i && s.units[k-1].kind != wordBreak {
				if words++; words >= maxSpanWords {
					break
				}
				key = append(key, ' ')
			}
			continue
		}
		if u.kind == apostrophe && s.possessiveAt(k) {
			if v, ok := s.ix.names.get(string(key)); ok {
				end, list, found = k, v, true
			}
		}
		key = append(key, u.norm...)
		if s.endsRun(k) {
			if v, ok := s.ix.names.get(string(key)); ok {
				end, list, found = k+1, v, true
			}
		}
	}
	return end, list, found
}

// fstCursor reads one FST a byte at a time from its root.
type fstCursor struct {
	r     *vellumfst.Reader
	state vellumfst.State
	out   uint64
	live  bool
}

func (c *fstCursor) reset() {
	c.r.State(c.r.Root(), &c.state)
	c.out, c.live = 0, c.state.Final || c.state.N > 0
}

// feed follows the transition on b, or dies.
func (c *fstCursor) feed(b byte) {
	if !c.live {
		return
	}
	t := transitionFor(&c.state, b)
	if t < 0 {
		c.live = false
		return
	}
	next, out := c.state.Target(t)
	c.out += out
	c.r.State(next, &c.state)
}

// final returns the value of the key read so far, when it is one.
func (c *fstCursor) final() (uint64, bool) {
	if !c.live || !c.state.Final {
		return 0, false
	}
	return c.out + c.state.FinalOut, true
}
