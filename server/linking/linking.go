// Package linking finds the entities a text mentions: entity linking. The
// names and aliases of the graph are found in the text by the name index's
// scan (exact after normalization, longest first); a capitalized run of
// words the graph does not hold is linked to the one entity whose name it
// is within a few edits of, or else reported as the name of an entity the
// graph does not know, with the type and kind its words and context
// suggest: a head noun the vocabulary declares for a kind ("University"),
// a title before a person's name ("Chief Executive Marisol Okafor"), an
// appositive (", a cable maker"), a corporate ending ("Inc.").
package linking

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/entitygraph/entitygraph/server/index"
	"github.com/entitygraph/entitygraph/server/namesearch"
	"github.com/entitygraph/entitygraph/server/vocab"
)

// Options narrow a linking.
type Options struct {
	// Types keeps only the known entities of these types; empty keeps all.
	Types []string
	// MaxEdits caps fuzzy linking: 0 by length (1 edit from 5 characters,
	// 2 from 10), negative off.
	MaxEdits int
	// MinConfidence drops mentions less sure than this.
	MinConfidence float64
	// KnownOnly leaves out the names the graph does not know.
	KnownOnly bool
}

// Status says what a mention names.
type Status int

// The statuses of a mention.
const (
	Linked Status = iota + 1
	Ambiguous
	Unknown
)

// Match says how a candidate matched.
type Match int

// The ways a mention matches an entity.
const (
	ByName Match = iota + 1
	ByAlias
	Fuzzy
	// Partial: one word of a name the text gives in full elsewhere
	// ("Okafor" after "Marisol Okafor"), or a name's first words with the
	// last cut short ("Southcoast Tech").
	Partial
	// PlaceName: another name WordNet gives the place the entity is ("the
	// Bay State" for Massachusetts).
	PlaceName
)

// Mention is a span of the text that names an entity, known or not.
type Mention struct {
	Start, End int    // byte offsets into the text
	Status     Status // 0 while linking for a name of a type left out

	Candidates []Candidate // best first; none for an unknown name
	Confidence float64
	// For an unknown name: the type and kind it looks like, and why.
	GuessedType string
	GuessedKind string // a kind's resource name, or ""
	GuessReason string
	// GuessedName is the name of the entity an unknown name refers to when
	// the text does not write it so: "Canada" for the adjective "Canadian",
	// "Providence" for "PROVIDENCE". Otherwise "".
	GuessedName string
}

// Candidate is an entity a mention may name.
type Candidate struct {
	Node       index.Node
	Matched    index.EntityName // the name or alias that matched
	Match      Match
	Edits      int
	Confidence float64
}

// MaxCandidates is the most candidates a mention lists.
const MaxCandidates = 10

// Confidence of the readings, before the context moves them.
const (
	nameConfidence  = 0.98 // the display name, exactly
	aliasConfidence = 0.95 // an alias exactly
	shortAlias      = 0.9  // an alias of one or two letters ("SK", "UK")
	fuzzyConfidence = 0.8  // one edit per 10 characters or so; less per edit
	// coherentConfidence is that of the one candidate of an ambiguous
	// name that the text names elsewhere by a name no other entity has.
	coherentConfidence = 0.85
)

// Link finds the mentions of text, in text order, none overlapping.
func Link(ix *index.Index, text string, opts Options) []Mention {
	l := linker{ix: ix, v: ix.Vocabulary(), text: text, opts: opts}
	l.words = splitWords(text)
	l.known()
	inside := make([]bool, len(l.mentions))
	for i, m := range l.mentions {
		inside[i] = l.insideUnknownName(m.Start, m.End) || l.endsInstitutionName(m.Start)
	}
	kept := l.mentions[:0]
	for i, m := range l.mentions {
		if !inside[i] {
			kept = append(kept, m)
		}
	}
	l.mentions = kept
	l.resolveAmbiguous()
	if !opts.KnownOnly || opts.MaxEdits >= 0 {
		l.unknownRuns()
	}
	l.joinParts()
	out := l.mentions[:0]
	for _, m := range l.mentions {
		if m.Status != 0 && m.Confidence >= opts.MinConfidence && (m.Status != Unknown || !opts.KnownOnly) {
			out = append(out, m)
		}
	}
	return out
}

// linker is one linking of a text.
type linker struct {
	ix       *index.Index
	v        *vocab.Vocabulary
	text     string
	opts     Options
	words    []word
	mentions []Mention // in text order
	// fuzzySearches counts the fuzzy searches made (see MaxFuzzySearches).
	fuzzySearches int
	// names caches the names read from the index: an article names the
	// same entities again and again.
	names map[nameRef]index.EntityName
	// sureWords are the words of the people's names the text gives in
	// full, lowercase: "Lee" after "Lee Jae-myung" is a name wherever it
	// stands.
	sureWords map[string]bool
}

// nameRef is name k of entity n.
type nameRef struct {
	n index.Node
	k int
}

// name returns name k of entity n, read once a linking.
func (l *linker) name(n index.Node, k int) index.EntityName {
	ref := nameRef{n, k}
	if name, ok := l.names[ref]; ok {
		return name
	}
	if l.names == nil {
		l.names = map[nameRef]index.EntityName{}
	}
	name := l.ix.Name(n, k)
	l.names[ref] = name
	return name
}

// known finds the exact names of known entities.
func (l *linker) known() {
	l.ix.ScanNames(l.text, func(start, end int, hits []index.NameHit) {
		l.knownSpan(start, end, hits, true)
	})
}

// knownSpan links the known name at [start, end), whose names are hits.
// When refine is set, a span the text writes differently from the name is
// cut to the name the text means: "Norvane turbines" and "Gannet Bank wind
// farm" to the name before the common noun, when that is a name of the
// same entity; "Portland, Maine" to the city and the state.
func (l *linker) knownSpan(start, end int, hits []index.NameHit, refine bool) {
	span := l.text[start:end]
	var cands []Candidate
	typeLeftOut, caseOff := false, false
	named := false // a candidate is not a topic
	for _, h := range hits {
		if len(cands) == MaxCandidates {
			break
		}
		if slices.ContainsFunc(cands, func(c Candidate) bool { return c.Node == h.Node }) {
			continue // an entity's first name, its display name, comes first
		}
		if !l.typeWanted(h.Node) {
			typeLeftOut = true
			continue
		}
		name := l.name(h.Node, h.Name)
		topic := l.ix.EntityType(h.Node) == "topic"
		// A topic's name is a common noun, capitalized only as a
		// sentence's start would be ("Blade recycling").
		if !caseFits(span, name.Text) && !(topic && sentenceCase(name.Text)) {
			continue
		}
		if !topic && !wordsCaseFit(span, name.Text) {
			caseOff = true
			continue
		}
		if !topic {
			named = true
		}
		c := Candidate{Node: h.Node, Matched: name, Match: ByName, Confidence: nameConfidence}
		if name.IsAlias {
			c.Match, c.Confidence = ByAlias, aliasConfidence
			if utf8.RuneCountInString(name.Text) <= 2 {
				c.Confidence = shortAlias
			}
		}
		cands = append(cands, c)
	}
	if refine {
		if left, _, ok := strings.Cut(span, ", "); ok && l.relink(start, start+len(left)) {
			l.relink(start+len(left)+2, end)
			return
		}
		if caseOff || named && endsInLowercase(span) {
			if l.shorterName(start, end) > 0 {
				return
			}
		}
	}
	if len(cands) == 0 {
		if typeLeftOut {
			// A name, but of a type not asked for: no unknown name either.
			l.mentions = append(l.mentions, Mention{Start: start, End: end})
		}
		return
	}
	m := Mention{Start: start, End: end, Status: Linked, Candidates: cands, Confidence: cands[0].Confidence}
	if len(cands) > 1 {
		m.Status = Ambiguous
		for i := range m.Candidates {
			m.Candidates[i].Confidence /= float64(len(cands))
		}
		m.Confidence = m.Candidates[0].Confidence
	}
	l.mentions = append(l.mentions, m)
}

// relink links [start, end) when it is a known name as a whole, and
// reports whether it did.
func (l *linker) relink(start, end int) bool {
	found := false
	sub := l.text[start:end]
	l.ix.ScanNames(sub, func(s, e int, hits []index.NameHit) {
		if s == 0 && e == len(sub) && !found {
			n := len(l.mentions)
			l.knownSpan(start, end, hits, false)
			found = len(l.mentions) > n && l.mentions[n].Status != 0
			if !found {
				l.mentions = l.mentions[:n]
			}
		}
	})
	return found
}

// shorterName links the longest name that [start, end) begins with and
// that ends in a capitalized word, leaving the lowercase words after it
// out; it returns where that name ends, or 0 when there is none.
func (l *linker) shorterName(start, end int) int {
	for cut := strings.LastIndexByte(l.text[start:end], ' '); cut > 0; cut = strings.LastIndexByte(l.text[start:start+cut], ' ') {
		prefix := l.text[start : start+cut]
		last := prefix[strings.LastIndexByte(prefix, ' ')+1:]
		if r, _ := utf8.DecodeRuneInString(last); !unicode.IsUpper(r) {
			continue
		}
		if l.relink(start, start+cut) {
			return start + cut
		}
	}
	return 0
}

// sentenceCase reports whether name's only capital is its first letter.
func sentenceCase(name string) bool {
	r, n := utf8.DecodeRuneInString(name)
	return unicode.IsUpper(r) && !hasUpper(name[n:])
}

// endsInLowercase reports whether the span's last word is in lower case
// after a capitalized one: a common noun after a name ("Gannet Bank wind
// farm").
func endsInLowercase(span string) bool {
	i := strings.LastIndexByte(span, ' ')
	if i < 0 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(span[i+1:])
	return unicode.IsLower(r) && hasUpper(span[:i])
}

// wordsCaseFit reports whether every word the name capitalizes is
// capitalized in the span too ("Norvane turbines" is not "Norvane
// Turbines"), unless the span is all in capitals (a headline) or the name
// is one word.
func wordsCaseFit(span, name string) bool {
	sw, nw := strings.Fields(span), strings.Fields(name)
	if len(nw) < 2 || len(sw) != len(nw) || !hasLower(span) {
		return true
	}
	for i := range nw {
		n, _ := utf8.DecodeRuneInString(nw[i])
		s, _ := utf8.DecodeRuneInString(sw[i])
		if unicode.IsUpper(n) && unicode.IsLower(s) {
			return false
		}
	}
	return true
}

// typeWanted reports whether the options keep entities of n's type.
func (l *linker) typeWanted(n index.Node) bool {
	return len(l.opts.Types) == 0 || slices.Contains(l.opts.Types, l.ix.EntityType(n))
}

// caseFits reports whether span, as the text writes it, may be name: a
// name with capitals is no mention in a text that writes it all in lower
// case ("us" is not the US, "apple" not Apple), and an acronym must be
// written in capitals ("Us" at a sentence's start is not the US).
func caseFits(span, name string) bool {
	if !hasUpper(name) || !namesearch.IsASCII(span) {
		return true
	}
	if !hasUpper(span) {
		return false
	}
	if isAcronym(name) {
		return !hasLower(span)
	}
	return true
}

func hasUpper(s string) bool { return strings.IndexFunc(s, unicode.IsUpper) >= 0 }
func hasLower(s string) bool { return strings.IndexFunc(s, unicode.IsLower) >= 0 }

// isAcronym reports whether a name is letters in capitals, two or more,
// with dots or not ("US", "U.S.", "NMEC").
func isAcronym(name string) bool {
	letters := 0
	for _, r := range name {
		switch {
		case unicode.IsUpper(r):
			letters++
		case r == '.':
		default:
			return false
		}
	}
	return letters >= 2
}

// insideUnknownName reports whether the known name at [start, end) is
// the start of a longer capitalized name the graph does not hold, one that
// ends in a word that makes it an organization's name: "Boston" in "Boston
// Consulting Group", "Massachusetts" in "Massachusetts Institute of
// Technology". The words after it are capitalized, with nothing between
// them, and no other mention.
func (l *linker) insideUnknownName(start, end int) bool {
	k, _ := l.wordAt(end)
	for k < len(l.words) && l.words[k].start < end {
		k++ // the rest of the name's last word ("Kioxia's")
	}
	// "SK" of "SK hynix": a coined lowercase word goes on the name.
	if k < len(l.words) && l.words[k].joined && coinedWord(l.words[k]) && !l.covered(l.words[k].start, l.words[k].end) {
		return true
	}
	for first := k; k < len(l.words) && k < first+maxRunWords; k++ {
		w := l.words[k]
		if !w.joined || !w.capitalized || w.hyphen || l.covered(w.start, w.end) {
			return false
		}
		if l.orgWord(k) {
			return true
		}
	}
	return false
}

// institutionWords, alone before "of" and a place, make one name of
// them: "the Bank of Japan", "the University of Tokyo".
var institutionWords = setOf("bank", "university", "port", "ministry", "museum", "government", "council", "chamber", "parliament",
	"assembly", "court", "state", "city", "province", "republic", "kingdom", "institute", "college")

// endsInstitutionName reports whether the known name starting at byte
// start ends a name of one institution word, "of" and it: "Japan" of "the
// Bank of Japan" ("Halcyon Rotor Systems of Portland" is two names).
func (l *linker) endsInstitutionName(start int) bool {
	k, ok := l.wordAt(start)
	if !ok || k < 2 || !l.words[k].joined || l.words[k-1].lower != "of" || !l.words[k-1].joined {
		return false
	}
	w := l.words[k-2]
	if !w.capitalized || !institutionWords[w.lower] || l.covered(w.start, w.end) {
		return false
	}
	// One word: nothing capitalized joined before it.
	return k < 3 || !l.words[k-2].joined || !l.words[k-3].capitalized || l.words[k-3].sentenceStart && functionWords[l.words[k-3].lower]
}

// resolveAmbiguous settles an ambiguous mention whose text names one of
// its candidates elsewhere unambiguously: the article that says "Halcyon
// Rotor Systems" means that Halcyon by "Halcyon".
func (l *linker) resolveAmbiguous() {
	sure := map[index.Node]bool{}
	for _, m := range l.mentions {
		if m.Status == Linked {
			sure[m.Candidates[0].Node] = true
		}
	}
	for i := range l.mentions {
		m := &l.mentions[i]
		if m.Status != Ambiguous {
			continue
		}
		var named []int
		for k, c := range m.Candidates {
			if sure[c.Node] {
				named = append(named, k)
			}
		}
		if len(named) != 1 {
			continue
		}
		best := m.Candidates[named[0]]
		best.Confidence = coherentConfidence
		m.Candidates = []Candidate{best}
		m.Status, m.Confidence = Linked, best.Confidence
	}
}

// joinParts makes one mention of two of the same entity that a space
// alone separates and that together begin its display name: "Halcyon
// Rotor", for Halcyon Rotor Systems, is one mention, not two.
func (l *linker) joinParts() {
	out := l.mentions[:0]
	for _, m := range l.mentions {
		if k := len(out) - 1; k >= 0 && m.Status == Linked && out[k].Status == Linked && out[k].End+1 == m.Start &&
			l.text[out[k].End] == ' ' && m.Candidates[0].Node == out[k].Candidates[0].Node {
			joined := strings.ToLower(l.text[out[k].Start:m.End])
			if display := strings.ToLower(l.ix.DisplayName(m.Candidates[0].Node)); display != joined && strings.HasPrefix(display, joined+" ") {
				out[k].End = m.End
				out[k].Candidates[0].Match = Partial
				continue
			}
		}
		out = append(out, m)
	}
	l.mentions = out
}

// covered reports whether bytes [start, end) overlap a mention.
func (l *linker) covered(start, end int) bool {
	i, _ := slices.BinarySearchFunc(l.mentions, start, func(m Mention, s int) int { return cmp.Compare(m.End, s+1) })
	return i < len(l.mentions) && l.mentions[i].Start < end
}

// insert adds m in text order.
func (l *linker) insert(m Mention) {
	i, _ := slices.BinarySearchFunc(l.mentions, m.Start, func(x Mention, s int) int { return cmp.Compare(x.Start, s) })
	l.mentions = slices.Insert(l.mentions, i, m)
}
