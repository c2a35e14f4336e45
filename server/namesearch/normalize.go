package namesearch

import (
	"strings"
	"unicode"

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
	t := transform.Chain(norm.NFKD, runes.Remove(latinMarks), norm.NFC, cases.Fold())
	folded, _, err := transform.String(t, s)
	if err != nil {
		folded = strings.ToLower(s)
	}
	var b strings.Builder
	b.Grow(len(folded))
	space := false
	for _, r := range folded {
		switch {
		case r == '.' || r == '\'' || r == '’' || r == '‘' || r == 'ʼ':
			// Dropped: joins "U.S." into "us" and "Kioxia’s" into "kioxias".
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r):
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

// compact removes the spaces of a normalized string, so that "chey tae won",
// "chey taewon" and "cheytaewon" meet.
func compact(s string) string {
	return strings.ReplaceAll(s, " ", "")
}
