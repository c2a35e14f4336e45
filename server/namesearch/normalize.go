package namesearch

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// latinMarks are the combining diacritical marks (U+0300–U+036F) that
// accented Latin letters decompose into. Only these are stripped: the kana
// voicing marks (U+3099, U+309A) are marks too, and removing them would turn
// ガ into カ; Hangul decomposes into jamo, which are letters and recompose.
var latinMarks = runes.In(&unicode.RangeTable{R16: []unicode.Range16{{Lo: 0x0300, Hi: 0x036f, Stride: 1}}})

// Normalize folds a name or query to the form the index compares: width
// folded (NFKD), Latin diacritics removed, recomposed (NFC), case folded,
// dots and apostrophes dropped ("U.S." → "us"), every other run of
// punctuation, symbols or spaces made one space ("Chey Tae-won" →
// "chey tae won"). Hangul and Japanese text keep their letters as written.
func Normalize(s string) string {
	folded := s
	if !IsASCII(s) {
		// ASCII is its own NFKD and NFC, has no marks, and folds to lower
		// case: only other text needs the transformers, which are costly to
		// make and so are pooled.
		t := folders.Get().(transform.Transformer)
		var err error
		folded, _, err = transform.String(t, s)
		folders.Put(t)
		if err != nil {
			folded = strings.ToLower(s)
		}
	}
	var b strings.Builder
	b.Grow(len(folded))
	space := false
	for _, r := range folded {
		switch {
		case r == '.' || r == '\'' || r == '’' || r == '‘' || r == 'ʼ':
			// Dropped: joins "U.S." into "us" and "Kioxia’s" into "kioxias".
		case r < utf8.RuneSelf && ('a' <= r && r <= 'z' || '0' <= r && r <= '9'):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteByte(byte(r))
		case r >= 'A' && r <= 'Z':
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteByte(byte(r) + 'a' - 'A')
		case r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		default:
			space = true
		}
	}
	return b.String()
}

// folders pools the transformer chain that Normalize applies to text
// that is not ASCII.
var folders = sync.Pool{New: func() any {
	return transform.Chain(norm.NFKD, runes.Remove(latinMarks), norm.NFC, cases.Fold())
}}

// IsASCII reports whether s holds only ASCII bytes.
func IsASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// compact removes the spaces of a normalized string, so that "chey tae won",
// "chey taewon" and "cheytaewon" meet.
func compact(s string) string {
	return strings.ReplaceAll(s, " ", "")
}
