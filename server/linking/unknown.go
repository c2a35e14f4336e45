package linking

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/server/index"
	"github.com/entitygraph/entitygraph/server/namesearch"
	"github.com/entitygraph/entitygraph/server/vocab"
	"github.com/entitygraph/entitygraph/server/wordnet"
)

// run is words [start, end) of the text: a capitalized run that may be a
// name.
type run struct{ start, end int }

// nameLike reports whether word k may be, or start, a name as its capital
// says: mid-sentence, any capitalized word but a month or day; at a
// sentence's start or in a headline in title case, where every word may
// have a capital, a word English does not know ("Kioxia"), or a common
// one only when a name-like word follows it ("Western Digital"), or a
// place's name in WordNet's first sense ("Providence").
func (l *linker) nameLike(k int) bool {
	w := l.words[k]
	if !w.capitalized || calendarWords[w.lower] {
		return false
	}
	lower, _, _ := strings.Cut(strings.ReplaceAll(w.lower, "’", "'"), "'") // "We’re": "we"
	// A closed-class word starts no name, wherever a capital puts it
	// ("BOSTON -- Unlike Norvane, ..."), unless in capitals ("IT").
	if functionWords[lower] && strings.ToUpper(w.text) != w.text {
		return false
	}
	if !w.sentenceStart && !w.titleLine {
		return true
	}
	if functionWords[lower] {
		return false
	}
	if !wordnet.IsWord(lower) || l.placeName(k, k) {
		return true // a word English does not know, or a place's name ("PROVIDENCE")
	}
	if w.titleLine || k+1 == len(l.words) {
		return false
	}
	next := l.words[k+1]
	return next.joined && next.capitalized && !calendarWords[next.lower]
}

// maxRunWords is the most words a name runs to.
const maxRunWords = 12

// runFrom returns the longest run from word i, of at most maxRunWords:
// capitalized words, and connectors between them ("of", "and"), none
// separated by punctuation, and a short lowercase part after a hyphen
// ("Tae-won").
func (l *linker) runFrom(i int) run {
	r := run{start: i, end: i + 1}
	for k := i + 1; k < len(l.words) && k < i+maxRunWords; k++ {
		w := l.words[k]
		if !w.joined || possessive(l.words[k-1].text) && !l.placeName(i, k) {
			break // a possessive ends a name: "Kioxa’s Priya Raman", not "Martha's Vineyard"
		}
		switch {
		case w.capitalized && !calendarWords[w.lower] && (!w.titleLine || !wordnet.IsWord(w.lower)):
			r.end = k + 1
		case w.hyphen && l.words[k-1].capitalized && givenNamePart(w.lower):
			r.end = k + 1
		case k == r.end && coinedWord(w):
			r.end = k + 1
		case connectors[w.lower] && !w.hyphen && k+1 < len(l.words) && l.words[k+1].joined && l.words[k+1].capitalized:
			continue // kept only if a capitalized word follows
		default:
			return r
		}
	}
	return r
}

// minCoinedLetters is the fewest letters of a coined lowercase word.
const minCoinedLetters = 4

// coinedWord reports whether w, lowercase, is a word English does not
// know, all letters: the lowercase part of a brand's name after a
// capitalized one ("SK hynix"). A compound of two English words
// ("chipmaker") is English.
func coinedWord(w word) bool {
	if w.capitalized || w.hyphen || utf8.RuneCountInString(w.text) < minCoinedLetters || w.text != w.lower ||
		strings.IndexFunc(w.text, func(r rune) bool { return !unicode.IsLetter(r) || r > unicode.MaxASCII }) >= 0 || wordnet.IsWord(w.lower) || functionWords[w.lower] {
		return false
	}
	for i := 3; i+3 <= len(w.lower); i++ {
		if wordnet.IsWord(w.lower[:i]) && wordnet.IsWord(w.lower[i:]) {
			return false
		}
	}
	return true
}

// givenNamePart reports whether a lowercase word after a hyphen may be
// the second syllable of a hyphenated given name ("Tae-won", "Jae-myung")
// rather than a compound's second part ("Boston-based", "state-run").
func givenNamePart(w string) bool {
	if len(w) > 6 || strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing") {
		return false
	}
	return !compoundParts[w]
}

var compoundParts = setOf("run", "born", "made", "wide", "style", "area", "level", "scale", "term", "year", "led", "era", "size", "like", "free", "up", "in", "out", "off", "on")

// unknownRuns finds the capitalized runs no known name covers: each is
// linked by a fuzzy match or a partial name, or is a name the graph does
// not know.
func (l *linker) unknownRuns() {
	sure := map[index.Node]bool{}
	for _, m := range l.mentions {
		if m.Status == Linked {
			sure[m.Candidates[0].Node] = true
		}
	}
	// The words of the people's names the text gives in full: "Lee" at a
	// sentence's start, after "Lee Jae-myung", is a name, not a word.
	l.sureWords = map[string]bool{}
	for n := range sure {
		if l.ix.EntityType(n) != "person" {
			continue // "Energy" at a sentence's start is not Aldermoor Energy
		}
		if words := strings.Fields(l.ix.DisplayName(n)); len(words) > 1 {
			for _, w := range words {
				l.sureWords[strings.ToLower(w)] = true
			}
		}
	}
	for i := 0; i < len(l.words); i++ {
		w := l.words[i]
		if l.covered(w.start, w.end) {
			continue
		}
		if !(l.nameLike(i) || w.capitalized && l.sureWords[w.lower]) {
			// A place or a country's adjective where a capital says
			// little ("The American arm"): its capital is its own.
			if w.capitalized {
				l.placeOrAdjective(run{start: i, end: i + 1})
			}
			continue
		}
		r := l.runFrom(i)
		for k := r.start + 1; k < r.end; k++ {
			if l.covered(l.words[k].start, l.words[k].end) {
				r.end = k
				break
			}
		}
		for r.end > r.start && connectors[l.words[r.end-1].lower] {
			r.end--
		}
		r = l.splitAtOf(r)
		r = l.splitAtAnd(r)
		i = max(i, r.end-1) // never back: a run may shrink to nothing
		title := r.start
		r.start = l.afterTitles(r)
		if r.start == r.end {
			continue
		}
		if l.placeOrAdjective(r) {
			continue
		}
		if l.notAName(r) {
			continue
		}
		m, ok := l.linkRun(r, sure)
		if !ok {
			if l.opts.KnownOnly {
				continue
			}
			m = l.unknownName(r, title)
			// A new person's surname after the full name is a name too,
			// even where a capital says nothing ("Brandt, who worked").
			if r.end-r.start > 1 && (m.GuessedType == "person" || m.GuessedType == "") {
				l.sureWords[l.words[r.end-1].lower] = true
			}
		}
		l.insert(m)
	}
}

// afterTitles returns where the name in run r starts after the titles
// that lead it: after the last title word that a word of the name
// follows ("Chief Operating Officer Priya Raman").
func (l *linker) afterTitles(r run) int {
	start := r.start
	for k := r.start; k < r.end-1; k++ {
		if titleWords[l.words[k].lower] && !titleWords[l.words[k+1].lower] && !connectors[l.words[k+1].lower] {
			start = k + 1
		}
	}
	return start
}

// splitAtOf ends run r before an "of" that joins a name with no word of
// an organization's to one with ("Lars Eklund of Aarhus University"),
// keeping names such as "Bank of America" whole.
func (l *linker) splitAtOf(r run) run {
	for k := r.start + 1; k < r.end-1; k++ {
		if l.words[k].lower != "of" {
			continue
		}
		before, after := false, false
		for j := r.start; j < k; j++ {
			before = before || l.orgWord(j)
		}
		for j := k + 1; j < r.end; j++ {
			after = after || l.orgWord(j)
		}
		if !before && after {
			return run{start: r.start, end: k}
		}
		return r
	}
	return r
}

// splitAtAnd ends run r before an "and" when the words on one side of it
// are a name the text gives elsewhere on its own: "LG Chem and Hanwha
// Solutions", after "Hanwha Solutions" was named, are two names, while
// "Korea Chamber of Commerce and Industry" is one.
func (l *linker) splitAtAnd(r run) run {
	for k := r.start + 1; k < r.end-1; k++ {
		if l.words[k].lower != "and" {
			continue
		}
		if l.namedElsewhere(r.start, k, r) || l.namedElsewhere(k+1, r.end, r) {
			return run{start: r.start, end: k}
		}
		return r
	}
	return r
}

// namedElsewhere reports whether the text names words [from, to) outside
// run r, as a name of their own: not inside a longer capitalized run.
func (l *linker) namedElsewhere(from, to int, r run) bool {
	name := l.text[l.words[from].start:l.words[to-1].end]
	for at := 0; at < len(l.text); {
		i := strings.Index(l.text[at:], name)
		if i < 0 {
			return false
		}
		i += at
		at = i + len(name)
		if i >= l.words[r.start].start && i < l.words[r.end-1].end {
			continue
		}
		k, ok := l.wordAt(i)
		if !ok || l.words[k].start != i || k+to-from > len(l.words) {
			continue
		}
		// Inside a longer name: a capitalized word, or a connector after
		// one ("Commerce and Industry"), joined to it.
		partOf := func(j, step int) bool {
			if j < 0 || j >= len(l.words) || !l.words[max(j, j-step)].joined {
				return false
			}
			w := l.words[j]
			if connectors[w.lower] {
				j += step
				return j >= 0 && j < len(l.words) && l.words[max(j, j-step)].joined && l.words[j].capitalized
			}
			return w.capitalized && !(step < 0 && w.sentenceStart)
		}
		if !partOf(k-1, -1) && !partOf(k+to-from, +1) {
			return true
		}
	}
	return false
}

// possessive reports whether a word ends in "'s".
func possessive(w string) bool { return strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") }

// span returns the byte offsets of run r, less a possessive ending, with
// the dot of an abbreviation that ends it ("Co.").
func (l *linker) span(r run) (int, int) {
	start, end := l.words[r.start].start, l.words[r.end-1].end
	if abbreviations[l.words[r.end-1].lower] && strings.HasPrefix(l.text[end:], ".") {
		end++
	}
	text := l.text[start:end]
	for _, s := range []string{"'s", "’s"} {
		if t, ok := strings.CutSuffix(text, s); ok {
			return start, start + len(t)
		}
	}
	return start, end
}

// notAName reports whether a run is capitalized words that are no name:
// an adjective before a noun ("Norwegian cable maker"), or a title
// ("Commerce Secretary", before a name the graph knows).
func (l *linker) notAName(r run) bool {
	if titleWords[l.words[r.end-1].lower] {
		return true
	}
	if r.end-r.start != 1 {
		return false
	}
	w := l.words[r.start]
	if r.end < len(l.words) && l.words[r.end].joined && !l.words[r.end].capitalized && len(wordnet.Lemmas(w.lower, wordnet.Adjective)) > 0 &&
		!l.sureWords[w.lower] {
		return true
	}
	return false
}

// MaxFuzzySearches bounds the fuzzy searches of one linking, the costly
// part of it: a text of a thousand capitalized words the graph does not
// know would otherwise make a thousand. The runs past it are reported as
// unknown names without one.
const MaxFuzzySearches = 256

// maxFuzzyWords is the most words of a run a fuzzy search is made for:
// a misspelt name is short.
const maxFuzzyWords = 5

// linkRun links a capitalized run the graph has no name for exactly: to
// the one entity whose name it is within a few edits of ("Kittiwak"), or
// the one whose name has it as a word when the text names that entity in
// full elsewhere ("Okafor" after "Marisol Okafor").
func (l *linker) linkRun(r run, sure map[index.Node]bool) (Mention, bool) {
	start, end := l.span(r)
	text := l.text[start:end]
	edits := 0
	switch n := utf8.RuneCountInString(text); {
	case n >= 10:
		edits = 2
	case n >= 5:
		edits = 1
	}
	if l.opts.MaxEdits < 0 || r.end-r.start > maxFuzzyWords || l.fuzzySearches >= MaxFuzzySearches {
		edits = 0
	} else if l.opts.MaxEdits > 0 {
		edits = min(edits, l.opts.MaxEdits)
	}
	if edits > 0 {
		l.fuzzySearches++
	}
	search := edits
	if edits == 0 {
		search = -1 // no fuzzy search
	}
	var best []Candidate
	for _, h := range l.ix.CorrectName(text, search, 5) {
		if !l.typeWanted(h.Node) {
			continue
		}
		name := l.name(h.Node, h.Name)
		if !caseFits(text, name.Text) {
			continue
		}
		var c Candidate
		switch {
		case h.Kind == namesearch.Fuzzy && h.Edits <= edits && edits > 0 && initialsAgree(text, name.Text):
			c = Candidate{Node: h.Node, Matched: name, Match: Fuzzy, Edits: h.Edits, Confidence: fuzzyConfidence - 0.15*float64(h.Edits-1)}
		case h.Kind != namesearch.Fuzzy && h.Kind != namesearch.Exact && r.end-r.start == 1 && sure[h.Node]:
			// A word of a name the text gives in full: "Okafor".
			c = Candidate{Node: h.Node, Matched: name, Match: Partial, Confidence: coherentConfidence}
		default:
			continue
		}
		if len(best) > 0 && best[0].Edits < c.Edits {
			break
		}
		if !slices.ContainsFunc(best, func(b Candidate) bool { return b.Node == c.Node }) {
			best = append(best, c)
		}
	}
	if len(best) == 0 && r.end-r.start >= 2 {
		best = l.abbreviated(text)
	}
	if len(best) != 1 {
		return Mention{}, false // none, or no one entity clearly best
	}
	return Mention{Start: start, End: end, Status: Linked, Candidates: best, Confidence: best[0].Confidence}, true
}

// abbreviated returns the entities whose name text abbreviates (see
// abbreviates): "Southcoast Tech" for Southcoast Technological
// University.
func (l *linker) abbreviated(text string) []Candidate {
	var out []Candidate
	for _, h := range l.ix.FindNames(text, index.SearchOptions{Limit: MaxCandidates, MaxEdits: -1}) {
		if h.Kind != namesearch.Prefix || !l.typeWanted(h.Node) || slices.ContainsFunc(out, func(c Candidate) bool { return c.Node == h.Node }) {
			continue
		}
		if name := l.name(h.Node, h.Name); abbreviates(text, name.Text) {
			out = append(out, Candidate{Node: h.Node, Matched: name, Match: Partial, Confidence: abbreviationConfidence})
		}
	}
	return out
}

// abbreviationConfidence is that of a name's first words, the last cut
// short.
const abbreviationConfidence = 0.75

// minAbbreviation is the fewest letters a word cut short keeps.
const minAbbreviation = 4

// abbreviates reports whether text, of two words or more, is the first
// words of name with only its last word cut short, to minAbbreviation
// letters or more: "Southcoast Tech" of "Southcoast Technological
// University", not "Southcoast" nor "Southcoast T".
func abbreviates(text, name string) bool {
	a, b := strings.Fields(strings.ToLower(text)), strings.Fields(strings.ToLower(name))
	if len(a) < 2 || len(a) > len(b) {
		return false
	}
	last := len(a) - 1
	for i := range last {
		if a[i] != b[i] {
			return false
		}
	}
	return len(a[last]) >= minAbbreviation && len(a[last]) < len(b[last]) && strings.HasPrefix(b[last], a[last])
}

// initialsAgree reports whether a misspelling keeps the first letter of
// each word of the name, hyphenated parts apart: "Westren Digital" may be
// Western Digital, but "Lee Jae-yong" is not Lee Jae-myung, another name
// two edits away. Runs of another number of words are not compared.
func initialsAgree(text, name string) bool {
	split := func(s string) []string {
		return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return unicode.IsSpace(r) || r == '-' })
	}
	a, b := split(text), split(name)
	if len(a) != len(b) {
		return true
	}
	for i := range a {
		ra, _ := utf8.DecodeRuneInString(a[i])
		rb, _ := utf8.DecodeRuneInString(b[i])
		if ra != rb {
			return false
		}
	}
	return true
}

// unknownName reads run r as the name of an entity the graph does not
// know, guessing its type and kind from its words and context; title is
// where the run began, before the titles that lead it.
func (l *linker) unknownName(r run, title int) Mention {
	start, end := l.span(r)
	m := Mention{Start: start, End: end, Status: Unknown}
	// How much the span looks like a name, by its capitals alone.
	switch first := l.words[r.start]; {
	case first.sentenceStart || first.titleLine:
		m.Confidence = 0.5
	case r.end-r.start > 1:
		m.Confidence = 0.8
	default:
		m.Confidence = 0.65
	}
	if g, ok := l.guess(r, title); ok {
		m.GuessedType, m.GuessReason = g.typ, g.reason
		if g.name != l.text[start:end] {
			m.GuessedName = g.name
		}
		if g.kind != nil {
			m.GuessedKind = g.kind.Name
		}
		m.Confidence = min(0.95, m.Confidence+g.boost)
	}
	return m
}

// guessed is a type (and maybe kind) guessed for an unknown name.
type guessed struct {
	typ    string
	kind   *vocab.Kind
	reason string
	boost  float64 // how much it adds to the confidence that the span is a name
	name   string  // the name as a lexical resource writes it ("Providence" for "PROVIDENCE"), or ""
}

// guess finds the type of the unknown name r from, in order: a title or
// honorific before it, the place WordNet names by its words, its head
// noun, an appositive after it, a noun before it, the place WordNet names
// by its one word, its last
// word, a verb of saying, a preposition of place, and the shape of a
// person's name.
func (l *linker) guess(r run, title int) (guessed, bool) {
	if title < r.start {
		t := l.text[l.words[title].start:l.words[r.start-1].end]
		return guessed{typ: "person", reason: fmt.Sprintf("after the title %q", t), boost: 0.15}, true
	}
	if r.start > 0 && honorifics[l.words[r.start-1].lower] {
		return guessed{typ: "person", reason: fmt.Sprintf("after %q", l.words[r.start-1].text), boost: 0.15}, true
	}
	// A place WordNet names by words of several is of its class, whatever
	// its last word says ("Rhode Island" is a state); by one word, only
	// when nothing around it says otherwise ("Helena, a Boston-based
	// installer") and it is no surname the text gave in full ("Ruth
	// Cleveland ... Cleveland").
	multiword := r.end-r.start > 1
	if multiword {
		if g, ok := l.wordnetPlace(r); ok {
			return g, true
		}
	}
	if g, ok := l.headNoun(r); ok {
		return g, true
	}
	if g, ok := l.appositive(r); ok {
		return g, true
	}
	if g, ok := l.nounBefore(r); ok {
		return g, true
	}
	if g, ok := l.nounAfterName(r); ok {
		return g, true
	}
	if !multiword && !l.sureWords[l.words[r.start].lower] && !l.describedAfter(r) {
		if g, ok := l.wordnetPlace(r); ok {
			return g, true
		}
	}
	// "Bank of Denmark": an institution word and "of".
	if r.end-r.start > 2 && institutionWords[l.words[r.start].lower] && l.words[r.start+1].lower == "of" {
		return guessed{typ: "organization", reason: fmt.Sprintf("it starts with %q", l.text[l.words[r.start].start:l.words[r.start+1].end]), boost: 0.1}, true
	}
	last := l.words[r.end-1].lower
	if last = strings.TrimSuffix(last, "."); corporateEndings[last] || orgEndings[last] || r.end-r.start > 1 && pluralNoun(last) {
		g := guessed{typ: "organization", reason: fmt.Sprintf("it ends in %q", l.words[r.end-1].text), boost: 0.1}
		if corporateEndings[last] {
			g.kind = l.companyKind()
		}
		return g, true
	}
	// Not a possessor after it: "a stake in Fulmar Offshore Wind's
	// project" is in the project.
	if r.start > 0 && l.words[r.start].joined && placePrepositions[l.words[r.start-1].lower] && r.end-r.start <= 3 && !possessive(l.words[r.end-1].text) {
		return guessed{typ: "place", reason: fmt.Sprintf("after %q", l.words[r.start-1].text)}, true
	}
	// A coined lowercase word ("SK hynix") is no part of a person's name.
	coined := slices.ContainsFunc(l.words[r.start:r.end], func(w word) bool { return !w.capitalized && !w.hyphen })
	if !coined && (l.saidNextTo(r) || r.end-r.start >= 2 && r.end-r.start <= 3 && l.noCommonWords(r)) {
		return guessed{typ: "person", reason: "it reads as a person's name"}, true
	}
	return guessed{}, false
}

// placeName reports whether words i to k, capitalized, are the name of
// a place WordNet knows ("Martha's Vineyard").
func (l *linker) placeName(i, k int) bool {
	if !l.words[k].capitalized {
		return false
	}
	place, ok := wordnet.PlaceOf(strings.ReplaceAll(strings.ToLower(l.text[l.words[i].start:l.words[k].end]), "’", "'"))
	return ok && slices.ContainsFunc(place.Names, func(n string) bool {
		return strings.EqualFold(n, strings.ReplaceAll(l.text[l.words[i].start:l.words[k].end], "’", "'"))
	})
}

// runPlace returns run r's text, apostrophes straight, and the place
// WordNet names by it or pertains to; a run of three capitals or fewer
// names none ("ME" is no Maine).
func (l *linker) runPlace(r run) (string, wordnet.Place, bool) {
	start, end := l.span(r)
	text := strings.ReplaceAll(l.text[start:end], "’", "'")
	place, ok := wordnet.PlaceOf(strings.ToLower(text))
	return text, place, ok && !(len(text) <= 3 && strings.ToUpper(text) == text)
}

// wordnetPlace reads r as a place WordNet names by it ("Connecticut", a
// US state; "Canada", a country), of the vocabulary's kind whose noun is
// the place's class ("state", "country").
func (l *linker) wordnetPlace(r run) (guessed, bool) {
	text, place, ok := l.runPlace(r)
	if !ok {
		return guessed{}, false
	}
	// The place's own name, not a word that pertains to it ("Swedish").
	k := slices.IndexFunc(place.Names, func(n string) bool { return strings.EqualFold(n, text) })
	if k < 0 {
		return guessed{}, false
	}
	g, ok := l.noun(place.Class)
	if !ok {
		return guessed{}, false
	}
	g.name = place.Names[k]
	g.reason = fmt.Sprintf("WordNet names %q a %s, %s", text, place.Class, g.reason)
	g.boost = 0.1
	return g, true
}

// placeOrAdjective links run r as a known place WordNet names by it, or
// by its country's adjective (see placeEntity), or as the adjective of a
// country the graph does not know (see demonym), and reports whether it
// did.
func (l *linker) placeOrAdjective(r run) bool {
	if m, ok := l.placeEntity(r); ok {
		l.insert(m)
		return true
	}
	if m, ok := l.demonym(r); ok {
		if !l.opts.KnownOnly {
			l.insert(m)
		}
		return true
	}
	return false
}

// placeConfidence is that of a mention linked by another name WordNet
// gives the place.
const placeConfidence = 0.85

// placeEntity links r to the one known entity that is the place WordNet
// names by it, by another of the place's names ("the Bay State":
// Massachusetts), or by its country's adjective ("American", when the
// graph gives the United States no such alias): an entity of the
// vocabulary's kind for the place's class ("state", "country").
func (l *linker) placeEntity(r run) (Mention, bool) {
	text, place, ok := l.runPlace(r)
	if !ok {
		return Mention{}, false
	}
	start, end := l.span(r)
	matched := index.EntityName{Language: "en", IsAlias: true}
	if !slices.ContainsFunc(place.Names, func(n string) bool { return strings.EqualFold(n, text) }) {
		if r.end-r.start != 1 || place.Class != "country" {
			return Mention{}, false
		}
		matched.Alias = pb.AliasKind_ALIAS_KIND_DEMONYM
	}
	g, ok := l.noun(place.Class)
	if !ok {
		return Mention{}, false
	}
	var found []Candidate
	for _, name := range place.Names {
		for _, n := range l.ix.ExactNodes(name, MaxCandidates) {
			if !l.typeWanted(n) || l.ix.EntityType(n) != g.typ || g.kind != nil && !l.v.Fits(g.typ, l.ix.Kinds(n), []string{g.kind.Name}) ||
				slices.ContainsFunc(found, func(c Candidate) bool { return c.Node == n }) {
				continue
			}
			matched.Text = name
			found = append(found, Candidate{Node: n, Matched: matched, Match: PlaceName, Confidence: placeConfidence})
		}
	}
	if len(found) != 1 {
		return Mention{}, false
	}
	return Mention{Start: start, End: end, Status: Linked, Candidates: found, Confidence: placeConfidence}, true
}

// demonym reads a one-word run that WordNet gives as the adjective of a
// country ("Canadian") as a mention of that country, a name the graph
// does not know by it (a demonym it knows is linked before): its guessed
// name is the country's, its kind the vocabulary's for "country".
func (l *linker) demonym(r run) (Mention, bool) {
	if r.end-r.start != 1 {
		return Mention{}, false
	}
	w := l.words[r.start]
	place, ok := wordnet.PlaceOf(w.lower)
	if !ok || place.Class != "country" || slices.ContainsFunc(place.Names, func(n string) bool { return strings.EqualFold(n, w.text) }) {
		return Mention{}, false
	}
	g, ok := l.noun(place.Class)
	if !ok {
		return Mention{}, false
	}
	start, end := l.span(r)
	m := Mention{Start: start, End: end, Status: Unknown, Confidence: 0.8, GuessedType: g.typ, GuessedName: place.Names[0],
		GuessReason: fmt.Sprintf("WordNet gives %q as the adjective of %s, a %s; %s", w.text, place.Names[0], place.Class, g.reason)}
	if g.kind != nil {
		m.GuessedKind = g.kind.Name
	}
	return m, true
}

// headNoun finds a vocabulary noun at the end of r: the last two words or
// the last word, singular or plural ("University", "Pension Fund").
func (l *linker) headNoun(r run) (guessed, bool) {
	for n := min(2, r.end-r.start); n >= 1; n-- {
		var ws []string
		for _, w := range l.words[r.end-n : r.end] {
			ws = append(ws, w.lower)
		}
		if g, ok := l.noun(strings.Join(ws, " ")); ok {
			g.reason = fmt.Sprintf("the head noun %q is %s", l.text[l.words[r.end-n].start:l.words[r.end-1].end], g.reason)
			g.boost = 0.1
			return g, true
		}
	}
	return guessed{}, false
}

// describedAfter reports whether an apposition follows r: a comma and an
// article ("Helena, a Boston-based installer").
func (l *linker) describedAfter(r run) bool {
	if r.end >= len(l.words) {
		return false
	}
	gap := l.text[l.words[r.end-1].end:l.words[r.end].start]
	return strings.TrimSpace(gap) == "," && determinerWords[l.words[r.end].lower]
}

// nounBefore reads the noun of two words of a vocabulary's kind right
// before r, in a noun phrase a determiner opens: "the pension fund Zeeland
// Pensioen", "the Dutch pension fund Zeeland Pensioen".
func (l *linker) nounBefore(r run) (guessed, bool) {
	// Two words: one ("the investor Tomas Lindqvist") may be a person's.
	const n = 2
	first := r.start - n
	if first < 1 || !l.words[r.start].joined {
		return guessed{}, false
	}
	var ws []string
	for _, w := range l.words[first:r.start] {
		if w.capitalized || !w.joined {
			return guessed{}, false
		}
		ws = append(ws, w.lower)
	}
	det := first - 1
	if det >= 1 && l.words[det].capitalized && !determinerWords[l.words[det].lower] && l.words[first].joined {
		det-- // an adjective of a country: "the Dutch pension fund"
	}
	if !determinerWords[l.words[det].lower] || !l.words[det+1].joined {
		return guessed{}, false
	}
	g, ok := l.noun(strings.Join(ws, " "))
	if !ok {
		return guessed{}, false
	}
	g.reason = fmt.Sprintf("after %q, %s", l.text[l.words[first].start:l.words[r.start-1].end], g.reason)
	g.boost = 0.1
	return g, true
}

// nounAfterName reads "the Petrel Ridge wind farm" of r: after a
// determiner, a noun of a kind (one or two lowercase words) right after
// the name, ending its noun phrase, says what it is.
func (l *linker) nounAfterName(r run) (guessed, bool) {
	if r.start < 1 || !determinerWords[l.words[r.start-1].lower] || !l.words[r.start].joined || possessive(l.words[r.end-1].text) {
		return guessed{}, false
	}
	for n := 2; n >= 1; n-- {
		end := r.end + n
		if end > len(l.words) {
			continue
		}
		var ws []string
		for _, w := range l.words[r.end:end] {
			if w.capitalized || !w.joined {
				ws = nil
				break
			}
			ws = append(ws, strings.TrimSuffix(strings.TrimSuffix(w.lower, "'s"), "’s"))
		}
		if ws == nil {
			continue
		}
		if g, ok := l.noun(strings.Join(ws, " ")); ok {
			g.reason = fmt.Sprintf("before %q, %s", l.text[l.words[r.end].start:l.words[end-1].end], g.reason)
			g.boost = 0.1
			return g, true
		}
	}
	return guessed{}, false
}

// determinerWords open a noun phrase.
var determinerWords = setOf("the", "a", "an", "its", "their")

// appositive reads ", a Norwegian cable maker" after r: the noun at the
// end of a short noun phrase after a comma and an article.
func (l *linker) appositive(r run) (guessed, bool) {
	if r.end+1 >= len(l.words) {
		return guessed{}, false
	}
	gap := l.text[l.words[r.end-1].end:l.words[r.end].start]
	if strings.TrimSpace(gap) != "," || !slices.Contains([]string{"a", "an", "the"}, l.words[r.end].lower) {
		return guessed{}, false
	}
	// The phrase ends at the next punctuation, within six words.
	end := r.end + 1
	for end < len(l.words) && end < r.end+7 && l.words[end].joined && !l.words[end].hyphen || end < len(l.words) && l.words[end].hyphen {
		end++
	}
	for k := end; k > r.end+1; k-- {
		for n := 2; n >= 1; n-- {
			if k-n < r.end+1 {
				continue
			}
			var ws []string
			for _, w := range l.words[k-n : k] {
				ws = append(ws, w.lower)
			}
			if g, ok := l.noun(strings.Join(ws, " ")); ok {
				phrase := l.text[l.words[r.end].start:l.words[end-1].end]
				g.reason = fmt.Sprintf("%q: %q is %s", phrase, strings.Join(ws, " "), g.reason)
				g.boost = 0.1
				return g, true
			}
		}
	}
	return guessed{}, false
}

// noun looks words up among the vocabulary's type and kind nouns.
func (l *linker) noun(words string) (guessed, bool) {
	n, ok := l.v.Noun(words)
	if !ok {
		return guessed{}, false
	}
	if n.Type != "" && n.Type != "relation" {
		return guessed{typ: n.Type, reason: "a noun of the type " + n.Type}, true
	}
	if len(n.Kinds) == 0 {
		return guessed{}, false
	}
	kinds := make([]*vocab.Kind, len(n.Kinds))
	for i, k := range n.Kinds {
		kinds[i] = l.v.Kind(k)
	}
	g := guessed{typ: kinds[0].EntityType}
	for _, k := range kinds[1:] {
		if k.EntityType != g.typ {
			return guessed{}, false
		}
	}
	if len(kinds) == 1 {
		g.kind = kinds[0]
		g.reason = "a noun of " + kinds[0].Name
	} else {
		g.reason = fmt.Sprintf("a noun of %d kinds of %s", len(kinds), g.typ)
	}
	return g, true
}

// companyKind is the vocabulary's kind for the noun "company", if any.
func (l *linker) companyKind() *vocab.Kind {
	if n, ok := l.v.Noun("company"); ok && len(n.Kinds) == 1 {
		return l.v.Kind(n.Kinds[0])
	}
	return nil
}

// corporateEndings end the names of companies.
var corporateEndings = setOf(
	"inc", "corp", "corporation", "co", "company", "ltd", "llc", "plc", "lp", "llp", "ag", "sa", "nv", "gmbh", "holdings",
)

// orgEndings end the names of other organizations, or of companies too.
var orgEndings = setOf(
	"group", "partners", "ventures", "capital", "bank", "fund", "trust", "association", "council",
	"agency", "commission", "ministry", "department", "institute", "university", "college", "foundation",
	"society", "industries", "energy", "authority", "board", "administration", "office", "union", "federation",
)

// pluralNoun reports whether w is a plural English noun: a name ending in
// one is a company's ("Norvane Turbines", "Corvid Subsea Cables").
func pluralNoun(w string) bool {
	if !strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ss") {
		return false
	}
	for _, lemma := range wordnet.Lemmas(w, wordnet.Noun) {
		if lemma != w {
			return true
		}
	}
	return false
}

// placePrepositions come before the names of places.
var placePrepositions = setOf("in", "near", "outside", "off", "across", "throughout")

// saidNextTo reports whether a verb of saying is next to r: "Aalto said",
// "said Henrik Aalto".
func (l *linker) saidNextTo(r run) bool {
	if r.end < len(l.words) && l.words[r.end].joined && sayWords[l.words[r.end].lower] {
		return true
	}
	return r.start > 0 && l.words[r.start].joined && sayWords[l.words[r.start-1].lower]
}

var sayWords = setOf("said", "says", "told", "added", "wrote", "argued", "noted")

// noCommonWords reports whether no word of r is a common English word, as
// in most people's names ("Marisol Okafor").
func (l *linker) noCommonWords(r run) bool {
	for _, w := range l.words[r.start:r.end] {
		if wordnet.IsWord(w.lower) {
			return false
		}
	}
	return true
}

// orgWord reports whether word k ends organizations' names or is a
// vocabulary noun of an organization kind.
func (l *linker) orgWord(k int) bool {
	w := l.words[k]
	if !w.capitalized {
		return false
	}
	if corporateEndings[w.lower] || orgEndings[w.lower] {
		return true
	}
	g, ok := l.noun(w.lower)
	return ok && g.typ == "organization"
}
