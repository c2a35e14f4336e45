// Package coverage accounts for every sentence of a document: which
// relations its evidence supports, or why it supports none. A curated graph
// states every claim of its documents about named entities; a sentence that
// states none carries a reason in the data (Document.unclaimed_sentences),
// so that a sentence with neither is a gap the curator has to close.
// entitygraph-snapshot check --coverage prints the report.
//
// It reads the index; it must not import gRPC or the query engines.
package coverage

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/entitygraph/entitygraph/server/index"
)

// Sentence is one sentence of a text, by byte offsets.
type Sentence struct {
	Start, End int // bytes of the text
	Text       string
}

// abbreviations end in a dot that does not end a sentence.
var abbreviations = map[string]bool{
	"no": true, "mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "inc": true, "corp": true, "co": true,
	"ltd": true, "jr": true, "sr": true, "vs": true, "etc": true, "gov": true, "sen": true, "rep": true, "gen": true, "prof": true,
}

// closers may follow a sentence's final mark inside the sentence: closing
// quotes and brackets.
const closers = "\"'”’)]"

// Sentences splits text into sentences: every line is one or more, and
// within a line a sentence ends at ".", "!" or "?" (with any closing quotes
// after it) that is followed by white space and then a capital letter, a
// digit or an opening quote, unless the dot ends an abbreviation ("No.",
// "U.S."). Leading and trailing white space is not part of a sentence;
// empty lines are none.
func Sentences(text string) []Sentence {
	var out []Sentence
	add := func(start, end int) {
		for start < end {
			r, n := utf8.DecodeRuneInString(text[start:])
			if !unicode.IsSpace(r) {
				break
			}
			start += n
		}
		for end > start {
			r, n := utf8.DecodeLastRuneInString(text[start:end])
			if !unicode.IsSpace(r) {
				break
			}
			end -= n
		}
		if start < end {
			out = append(out, Sentence{Start: start, End: end, Text: text[start:end]})
		}
	}
	lineStart := 0
	for lineStart < len(text) {
		lineEnd := strings.IndexByte(text[lineStart:], '\n')
		if lineEnd < 0 {
			lineEnd = len(text)
		} else {
			lineEnd += lineStart
		}
		start := lineStart
		for i := lineStart; i < lineEnd; {
			r, n := utf8.DecodeRuneInString(text[i:])
			i += n
			if r != '.' && r != '!' && r != '?' {
				continue
			}
			if r == '.' && abbreviation(text[start:i-n]) {
				continue
			}
			end := i
			for end < lineEnd {
				c, m := utf8.DecodeRuneInString(text[end:])
				if !strings.ContainsRune(closers, c) {
					break
				}
				end += m
			}
			if end < lineEnd && !startsSentence(text[end:lineEnd]) {
				continue
			}
			add(start, end)
			start, i = end, end
		}
		add(start, lineEnd)
		lineStart = lineEnd + 1
	}
	return out
}

// abbreviation reports whether before, the text before a dot, ends in an
// abbreviation: a known one, or a word with dots inside or of one capital
// letter ("U.S", "S").
func abbreviation(before string) bool {
	i := strings.LastIndexFunc(before, func(r rune) bool { return unicode.IsSpace(r) || r == '(' || r == '“' || r == '"' })
	word := before[i+1:]
	if i >= 0 {
		_, n := utf8.DecodeRuneInString(before[i:])
		word = before[i+n:]
	}
	if word == "" {
		return false
	}
	if abbreviations[strings.ToLower(word)] || strings.Contains(word, ".") {
		return true
	}
	r, n := utf8.DecodeRuneInString(word)
	return n == len(word) && unicode.IsUpper(r)
}

// startsSentence reports whether rest, what follows a sentence mark, is
// white space and then the start of a sentence.
func startsSentence(rest string) bool {
	trimmed := strings.TrimLeftFunc(rest, unicode.IsSpace)
	if len(trimmed) == len(rest) || trimmed == "" {
		return trimmed == "" && rest != ""
	}
	r, _ := utf8.DecodeRuneInString(trimmed)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("\"“‘'(", r)
}

// Line is one sentence of a document and how it is accounted for.
type Line struct {
	Sentence
	// Relations are the resource names of the relations whose evidence
	// quotes the sentence, in name order.
	Relations []string
	// Reason is the curator's reason the sentence states no relation, or "".
	Reason string
}

// Explained reports whether the sentence is accounted for.
func (l Line) Explained() bool { return len(l.Relations) > 0 || l.Reason != "" }

// Report returns every sentence of the document named doc with the
// relations that quote it (statements of every rank) and its reason, if
// any.
func Report(ix *index.Index, doc string) ([]Line, error) {
	d, err := ix.Document(doc, true)
	if err != nil {
		return nil, err
	}
	text := d.GetText()
	sentences := Sentences(text)
	lines := make([]Line, len(sentences))
	for i, s := range sentences {
		lines[i].Sentence = s
	}
	// at returns the sentences that bytes [start, end) overlap.
	at := func(start, end int) []int {
		var out []int
		for i, s := range sentences {
			if start < s.End && s.Start < end {
				out = append(out, i)
			}
		}
		return out
	}
	rels, _, err := ix.Relations(index.RelationFilter{Document: doc, AllRanks: true}, 0, ix.RelationCount())
	if err != nil {
		return nil, err
	}
	for _, r := range rels {
		for _, ev := range r.GetEvidence() {
			if ev.GetDocument() != doc {
				continue
			}
			for _, i := range at(int(ev.GetStartByte()), int(ev.GetEndByte())) {
				if l := &lines[i]; len(l.Relations) == 0 || l.Relations[len(l.Relations)-1] != r.GetName() {
					l.Relations = append(l.Relations, r.GetName())
				}
			}
		}
	}
	for _, u := range d.GetUnclaimedSentences() {
		start := strings.Index(text, u.GetQuote())
		if start < 0 {
			continue // the loader refuses such a quote
		}
		for _, i := range at(start, start+len(u.GetQuote())) {
			lines[i].Reason = u.GetReason()
		}
	}
	return lines, nil
}
