package linking

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// word is a word of the text, for finding the names the graph does not
// know: a run of letters and digits, with the dots, apostrophes and
// ampersands inside it ("U.S", "O'Brien", "AT&T"); a hyphen splits words
// but is remembered ("Tae-won").
type word struct {
	start, end int
	text       string
	lower      string
	// capitalized: its first letter is a capital (or it is a digit-led
	// word inside a name, "3M").
	capitalized bool
	// sentenceStart: the first word of a sentence, where a capital says
	// nothing.
	sentenceStart bool
	// titleLine: a word of a line in title case (a headline), where a
	// capital says little.
	titleLine bool
	// joined: nothing but spaces (or, with hyphen, one hyphen) lies
	// between the word before and this one.
	joined bool
	hyphen bool
}

// splitWords splits text into words.
func splitWords(text string) []word {
	var out []word
	inWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) }
	gapStart := 0
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !inWord(r) {
			i += n
			continue
		}
		start := i
		for i < len(text) {
			r, n := utf8.DecodeRuneInString(text[i:])
			if inWord(r) {
				i += n
				continue
			}
			// A dot, apostrophe or ampersand between letters stays in.
			if r == '.' || r == '\'' || r == '’' || r == '&' {
				if next, _ := utf8.DecodeRuneInString(text[i+n:]); i+n < len(text) && inWord(next) {
					i += n
					continue
				}
			}
			break
		}
		w := word{start: start, end: i, text: text[start:i]}
		w.lower = strings.ToLower(w.text)
		first, _ := utf8.DecodeRuneInString(w.text)
		w.capitalized = unicode.IsUpper(first)
		gap := text[gapStart:start]
		w.sentenceStart = len(out) == 0 || endsSentence(gap, out[len(out)-1])
		if len(out) > 0 && !w.sentenceStart {
			// After a capitalized word that starts a sentence but is no
			// name ("The", "Most"), a capital still says little.
			prev := out[len(out)-1]
			w.sentenceStart = prev.sentenceStart && prev.capitalized && functionWords[prev.lower] && strings.TrimSpace(gap) == ""
		}
		w.joined = len(out) > 0 && strings.TrimSpace(gap) == "" && !strings.Contains(gap, "\n")
		if len(out) > 0 && gap == "-" {
			w.joined, w.hyphen = true, true
		}
		out = append(out, w)
		gapStart = i
	}
	markTitleLines(text, out)
	return out
}

// endsSentence reports whether the gap after word prev ends a sentence: a
// full stop, question or exclamation mark, a colon or a line break (not
// the dot of "Mr." or "U.S.").
func endsSentence(gap string, prev word) bool {
	if strings.ContainsAny(gap, "!?:\n“\"‘") {
		return true
	}
	if !strings.HasPrefix(gap, ".") {
		return false
	}
	return !abbreviations[prev.lower] && !strings.Contains(prev.text, ".")
}

// abbreviations end in a dot that does not end the sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "jr": true, "sr": true, "gov": true, "sen": true, "rep": true,
	"inc": true, "corp": true, "co": true, "ltd": true, "no": true, "vs": true, "prof": true, "gen": true, "lt": true, "col": true,
}

// markTitleLines marks the words of each short line that ends in no full
// stop and all of whose words, the short function words aside (and one
// other in a longer line), are capitalized: a headline in title case.
func markTitleLines(text string, words []word) {
	for lo := 0; lo < len(words); {
		hi := lo + 1
		for hi < len(words) && !strings.Contains(text[words[hi-1].end:words[hi].start], "\n") {
			hi++
		}
		content, capitals := 0, 0
		for _, w := range words[lo:hi] {
			if functionWords[w.lower] {
				continue
			}
			content++
			if w.capitalized {
				capitals++
			}
		}
		lineEnd := len(text)
		if hi < len(words) {
			lineEnd = words[hi].start
		}
		tail := strings.TrimSpace(text[words[hi-1].end:lineEnd])
		headline := !strings.HasPrefix(tail, ".") && hi-lo <= 25 &&
			(capitals == content || content >= 6 && capitals == content-1)
		if content >= 3 && headline {
			for k := lo; k < hi; k++ {
				words[k].titleLine = true
			}
		}
		lo = hi
	}
}

// wordAt returns the word that starts at byte offset start.
func (l *linker) wordAt(start int) (int, bool) {
	return slices.BinarySearchFunc(l.words, start, func(w word, s int) int { return cmp.Compare(w.start, s) })
}

// functionWords are the closed-class words of English a name does not
// start with, though a sentence or headline may capitalize them.
var functionWords = setOf(
	"a", "an", "the", "this", "that", "these", "those", "its", "his", "her", "their", "our", "my", "your",
	"and", "or", "but", "nor", "so", "yet", "if", "as", "than", "because", "while", "when", "where", "after",
	"before", "since", "until", "though", "although", "whether", "once",
	"of", "in", "on", "at", "to", "for", "from", "by", "with", "about", "into", "over", "under", "between",
	"against", "among", "through", "during", "without", "within", "near", "off", "up", "down", "out", "per", "via",
	"like", "unlike", "despite", "amid", "across", "around", "behind", "beside", "besides", "beyond", "toward", "towards",
	"upon", "onto", "inside", "outside", "except",
	"he", "she", "it", "they", "we", "i", "you", "who", "whom", "whose", "which", "what", "there", "here",
	"is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "can", "could", "may",
	"might", "must", "shall", "should", "do", "does", "did", "not", "no", "all", "some", "any", "each", "both",
	"more", "most", "also", "only", "just", "even", "still", "now", "then",
)

// connectors may join the words of one name: "Bank of America", "Korea
// Chamber of Commerce and Industry", "Procter & Gamble".
var connectors = setOf("of", "and", "&", "for", "de", "du", "der", "van", "von", "la", "le", "y", "the")

// calendarWords are capitalized but name no entity, nor do the words of
// "No. 2" and "I".
var calendarWords = setOf(
	"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
	"november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"no", "i",
)

// titleWords are the titles and honorifics written with a capital before a
// person's name ("Chief Executive Marisol Okafor", "Mr. Chey"), which say
// the name after them is a person's.
var titleWords = setOf(
	"mr", "mrs", "ms", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
	"president", "vice", "chairman", "chairwoman", "chair", "chief", "executive", "officer", "ceo", "cfo", "coo", "cto",
	"director", "managing", "partner", "founder", "co-founder", "minister", "prime", "secretary", "governor", "gov",
	"senator", "sen", "representative", "rep", "mayor", "judge", "justice", "commissioner", "general", "gen",
	"spokesman", "spokeswoman", "spokesperson", "analyst", "economist", "scientist", "head", "deputy", "senior",
	"king", "queen", "emperor", "premier", "chancellor", "ambassador", "lawmaker", "speaker",
)

// honorifics say for certain that a person's name follows.
var honorifics = setOf("mr", "mrs", "ms", "dr", "prof", "sir", "dame", "lord", "lady")

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
