package draft

import (
	"github.com/entitygraph/entitygraph/server/vocab"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/entitygraph/entitygraph/server/coverage"
)

// token is a word, a mention or a punctuation mark of a sentence.
type token struct {
	start, end int    // bytes of the text
	word       string // lowercase, apostrophes straight; "" for a mention
	mention    int    // index into drafter.ments, or -1
	punct      bool
	// glued: a hyphen joins it to the token before ("Connecticut-based").
	glued bool
	// pronoun: a pronoun or a description ("he", "the company") read as
	// the mention it refers to; description: it is a description.
	pronoun, description bool
	// quoted: inside quotation marks.
	quoted bool
}

func (t token) isWord() bool { return t.mention < 0 && !t.punct }

// tokens splits a sentence into words, punctuation and the mentions
// inside it.
func (d *drafter) tokens(s coverage.Sentence) []token {
	var out []token
	mi, _ := slices.BinarySearchFunc(d.ments, s.Start, func(m mention, at int) int { return m.start - at })
	glued := false
	for i := s.Start; i < s.End; {
		if mi < len(d.ments) && d.ments[mi].start < i {
			mi++
			continue
		}
		if mi < len(d.ments) && d.ments[mi].start == i {
			out = append(out, token{start: i, end: d.ments[mi].end, mention: mi, glued: glued})
			i = d.ments[mi].end
			mi++
			glued = false
			continue
		}
		r, n := utf8.DecodeRuneInString(d.text[i:])
		switch {
		case unicode.IsSpace(r):
			i += n
			glued = false
		case r == '-' && len(out) > 0 && out[len(out)-1].end == i && i+n < s.End && !unicode.IsSpace(rune(d.text[i+n])):
			i += n
			glued = true
		case isWordRune(r) || (r == '$' && i+n < s.End && unicode.IsDigit(rune(d.text[i+n]))) ||
			((r == '\'' || r == '’') && i+n < s.End && d.text[i+n] == 's' && (i+n+1 >= s.End || !isWordRune(rune(d.text[i+n+1])))):
			start := i
			i += n
			for i < s.End {
				r, n := utf8.DecodeRuneInString(d.text[i:])
				if isWordRune(r) {
					i += n
					continue
				}
				// A dot, comma or apostrophe between letters or digits
				// stays in ("1.5", "1,200", "didn't").
				if r == '.' || r == ',' || r == '\'' || r == '’' {
					// ... but "'s" is a word of its own: "the wind farm's".
					possessive := (r == '\'' || r == '’') && i+n < s.End && d.text[i+n] == 's' && (i+n+1 >= s.End || !isWordRune(rune(d.text[i+n+1])))
					if next, _ := utf8.DecodeRuneInString(d.text[i+n:]); i+n < s.End && isWordRune(next) && (r != ',' || unicode.IsDigit(next)) && !possessive {
						i += n
						continue
					}
				}
				break
			}
			w := strings.ReplaceAll(strings.ToLower(d.text[start:i]), "’", "'")
			out = append(out, token{start: start, end: i, word: w, mention: -1, glued: glued})
			glued = false
		default:
			out = append(out, token{start: i, end: i + n, word: string(r), mention: -1, punct: true})
			i += n
			glued = false
		}
	}
	inQuote := false
	for k := range out {
		switch out[k].word {
		case "\"":
			inQuote = !inQuote
		case "“":
			inQuote = true
		case "”":
			inQuote = false
		default:
			out[k].quoted = inQuote
		}
	}
	return d.resolveReferences(out)
}

// antecedentReach is how far back, in bytes, a pronoun or a description
// looks for the name it refers to: a sentence or two.
const antecedentReach = 400

// resolveReferences reads "he" and "she" as the last person named a
// sentence or two before, "it" as the last organization the sentence
// names before it, and "the" with a singular noun of the vocabulary ("the
// company", "the university", "the Danish manufacturer") as the last
// entity, a sentence or two before, that the noun names; each becomes a
// mention token, marked as a pronoun (a demonym before the noun stays a
// mention of its own).
func (d *drafter) resolveReferences(toks []token) []token {
	out := toks[:0]
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if !t.isWord() {
			out = append(out, t)
			continue
		}
		want := func(m mention) bool { return false }
		end := i + 1
		reach := antecedentReach
		switch t.word {
		case "he", "she":
			want = func(m mention) bool { return m.typ == "person" }
		case "it":
			// "It" is often no name at all ("it could lead to"): only an
			// organization named earlier in the sentence.
			want = func(m mention) bool { return m.typ == "organization" && !m.demonym }
			reach = t.start - toks[0].start
		case "the":
			// "the Danish manufacturer", "the Portland, Maine, company": the
			// names before the noun stay, as its modifiers.
			if mods := d.descriptionModifiers(toks, i+1); mods > i+1 {
				j := d.nounAfter(toks, mods)
				// "the Petrel Ridge project": a noun the name before it
				// fits is the name's own, no description.
				own := toks[i+1].mention >= 0 && d.nounFits(toks, mods, j, d.ments[toks[i+1].mention])
				if j > mods && !own && (j == len(toks) || toks[j].mention < 0) && d.singular(toks[mods:j]) {
					if k := d.antecedent(t.start, reach, func(m mention) bool {
						for _, mt := range toks[i+1 : mods] {
							// Not the modifier itself, nor an entity the
							// graph places elsewhere: "the Danish company"
							// is not Halcyon, of Portland, Maine.
							if mt.mention >= 0 && (d.ments[mt.mention].entity == m.entity || d.placedElsewhere(m.entity, d.ments[mt.mention].entity)) {
								return false
							}
						}
						return !m.demonym && m.typ != "topic" && d.nounFits(toks, mods, j, m)
					}); k >= 0 {
						out = append(out, toks[i:mods]...)
						out = append(out, token{start: toks[mods].start, end: toks[j-1].end, mention: k, pronoun: true, description: true})
						i = j - 1
						continue
					}
				}
			}
			// One entity: not "the two companies", "the states".
			if j := d.nounAfter(toks, i+1); j > i+1 && (j == len(toks) || toks[j].mention < 0) && d.singular(toks[i+1:j]) {
				end = j
				want = func(m mention) bool { return !m.demonym && m.typ != "topic" && d.nounFits(toks, i+1, j, m) }
			} else if i+1 < len(toks) && lowercaseWord(d.text, toks[i+1]) && (i+2 == len(toks) || !lowercaseWord(d.text, toks[i+2]) || prepositions[toks[i+2].word]) {
				// "the panels" after "LCD panels": a topic by the last word
				// of its name.
				end = i + 2
				want = func(m mention) bool { return m.typ == "topic" && d.lastWordOf(m, toks[i+1].word) }
			}
		}
		k := d.antecedent(t.start, reach, want)
		if k < 0 && end > i+1 {
			// "the project", paragraphs after the one wind farm the
			// article names: a description only one entity named before
			// fits.
			k = d.onlyAntecedent(t.start, want)
		}
		if k >= 0 {
			out = append(out, token{start: t.start, end: toks[end-1].end, mention: k, pronoun: true, description: end > i+1})
			i = end - 1
			continue
		}
		out = append(out, t)
	}
	return out
}

// placedElsewhere reports whether the graph says where entity is by a
// predicate whose object a name before a noun may give (see
// Lexicon.object_modifier: based in), and none of those places is place
// or lies in it.
func (d *drafter) placedElsewhere(entity, place string) bool {
	n, ok := d.ix.NodeOf(entity)
	if !ok || entity == "" || place == "" {
		return false
	}
	placed := false
	for _, r := range d.ix.Out(n) {
		if d.ix.Hidden(r) || !slices.ContainsFunc(d.modifiers, func(p *vocab.Predicate) bool { return p.ID == d.ix.Predicate(r) }) {
			continue
		}
		_, o := d.ix.Ends(r)
		at := d.ix.NodeName(o)
		if at == place || d.contains(place, at) {
			return false
		}
		placed = true
	}
	return placed
}

// lastWordOf reports whether word is the last word of the name that the
// mention m's text gives, not its only word ("panels" of "LCD panels").
func (d *drafter) lastWordOf(m mention, word string) bool {
	words := strings.Fields(strings.ToLower(d.text[m.start:m.end]))
	return len(words) > 1 && words[len(words)-1] == word
}

// descriptionModifiers returns where the names that modify a description
// end, from toks[i]: a demonym ("the Danish manufacturer"), or a place and
// its state with their commas ("the Portland, Maine, company") or a word
// glued to the state ("the Portland, Maine-based company"); i when there
// are none.
func (d *drafter) descriptionModifiers(toks []token, i int) int {
	if i >= len(toks) || toks[i].mention < 0 {
		return i
	}
	if m := d.ments[toks[i].mention]; m.demonym {
		return i + 1
	} else if m.typ != "place" {
		return i
	}
	j := i + 1
	if j+2 < len(toks) && toks[j].word == "," && toks[j+1].mention >= 0 {
		switch {
		case toks[j+2].word == ",":
			j += 3
		case toks[j+2].glued && toks[j+2].isWord():
			j += 2 // "the Portland, Maine-based company"
		}
	}
	return j
}

// singular reports whether the words of a noun of the vocabulary ("wind
// farm", or its last word) are in the singular.
func (d *drafter) singular(words []token) bool {
	for k := range words {
		var ws []string
		for _, t := range words[k:] {
			ws = append(ws, t.word)
		}
		if n, ok := d.v.Noun(strings.Join(ws, " ")); ok {
			return n.Singular == strings.Join(ws, " ")
		}
	}
	return false
}

// antecedent returns the last mention that ends within reach bytes
// before byte at and that want accepts, or -1; the dateline's names are
// no antecedents.
func (d *drafter) antecedent(at, reach int, want func(mention) bool) int {
	k, _ := slices.BinarySearchFunc(d.ments, at, func(m mention, at int) int { return m.start - at })
	for k--; k >= 0 && d.ments[k].end >= at-reach && d.ments[k].start >= d.datelineEnd; k-- {
		if want(d.ments[k]) {
			return k
		}
	}
	return -1
}

// onlyAntecedent returns the last mention before byte at of the one
// entity named before it that want accepts, or -1 when none or several
// are.
func (d *drafter) onlyAntecedent(at int, want func(mention) bool) int {
	last, entity := -1, ""
	for k := 0; k < len(d.ments) && d.ments[k].end <= at; k++ {
		if m := d.ments[k]; want(m) {
			if entity != "" && m.entity != entity {
				return -1
			}
			last, entity = k, m.entity
		}
	}
	return last
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
