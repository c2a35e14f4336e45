package draft

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/server/coverage"
	"github.com/entitygraph/entitygraph/server/quantity"
	"github.com/entitygraph/entitygraph/server/synonym"
	"github.com/entitygraph/entitygraph/server/vocab"
	"github.com/entitygraph/entitygraph/server/wordnet"
)

// candidate is a relation the drafter proposes.
type candidate struct {
	at              int // token index of the words it rests on
	subject, object mention
	pred            *vocab.Predicate
	confidence      float64
	reason          string
	role            string   // a title the sentence gives the subject
	titles          []string // the phrase's titles, lowercase
	from, to        int      // token range of the phrase
	// timed: the words are a verb or an event, whose time the sentence
	// may give; a name before a name ("Denmark's Norvane") has none.
	timed bool
	// subjectAt and objectAt are the tokens of the subject and the object.
	subjectAt, objectAt int
}

// occurrence is a lexicon phrase found in a sentence.
type occurrence struct {
	from, to int // token range
	phrase   vocab.Phrase
	gap      int // token index of the mention in the phrase's "*", or -1
	// synonym says how the first word was read as the phrase's, when it
	// is a WordNet synonym of it ("chosen" as "selected"); "" when it is
	// the phrase's own.
	synonym string
}

// fillers may stand between the words of a phrase: "acquire a 25 percent
// stake in" is "acquire a stake in".
var fillers = map[string]bool{"percent": true, "million": true, "billion": true, "about": true, "roughly": true,
	"nearly": true, "almost": true, "additional": true, "further": true, "minority": true, "majority": true, "small": true,
	"large": true, "new": true}

// topicWord reports whether t is a mention of a topic written as w, or
// whose last word is w: "export cables" of "supply cables for".
func (d *drafter) topicWord(t token, w string) bool {
	if t.mention < 0 || t.pronoun || d.ments[t.mention].typ != "topic" {
		return false
	}
	text := d.text[t.start:t.end]
	if i := strings.LastIndexByte(text, ' '); i >= 0 {
		text = text[i+1:]
	}
	return strings.EqualFold(text, w)
}

// isFiller reports whether a token may stand between the words of a
// phrase: a number, an amount word, or a topic's name used as a modifier
// ("build a blade factory in").
func (d *drafter) isFiller(t token) bool {
	if t.mention >= 0 {
		return d.ments[t.mention].typ == "topic"
	}
	if !t.isWord() {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t.word)
	return fillers[t.word] || unicode.IsDigit(r) || r == '$'
}

// amountOf reports whether toks[j] is the "in" or "of" after an amount,
// which joins it to the noun it counts: "gave Halcyon $38 million in tax
// credits".
func amountOf(toks []token, j int) bool {
	if j == 0 || toks[j].word != "in" && toks[j].word != "of" || !toks[j-1].isWord() {
		return false
	}
	r, _ := utf8.DecodeRuneInString(toks[j-1].word)
	return toks[j-1].word == "million" || toks[j-1].word == "billion" || unicode.IsDigit(r) && toks[j-1].word != "" && !strings.ContainsAny(toks[j-1].word, "-/")
}

// notThePost, before a relational noun, say its holder does not hold
// the post itself: "the deputy chief executive of", "the vice chairman
// of", "the next chairman of".
var notThePost = map[string]bool{"deputy": true, "vice": true, "assistant": true, "associate": true, "next": true, "future": true,
	"incoming": true, "would-be": true, "prospective": true}

// phrasesByHead returns the lexicon's phrases by their first word,
// longest first.
func (d *drafter) phrasesByHead() map[string][]vocab.Phrase {
	if d.byHead == nil {
		d.byHead = map[string][]vocab.Phrase{}
		for _, ph := range d.v.Phrases() {
			if ph.Words[0] != "*" {
				d.byHead[ph.Words[0]] = append(d.byHead[ph.Words[0]], ph)
			}
		}
	}
	return d.byHead
}

// occurrences finds the lexicon's phrases in a sentence, leftmost
// longest, none overlapping.
func (d *drafter) occurrences(toks []token) []occurrence {
	var out []occurrence
	byHead := d.phrasesByHead()
	for i := 0; i < len(toks); i++ {
		if !toks[i].isWord() {
			continue
		}
		word, note := toks[i].word, ""
		if len(byHead[word]) == 0 {
			// A word of no phrase may be a synonym of one's first word.
			lower, why, ok := synonym.Of(d.v, word)
			if !ok {
				continue
			}
			word, note = lower, why
		}
		// The synonym stands in for the word while the phrases are
		// matched, and the word is back before the scan moves on.
		original, next := toks[i].word, i
		toks[i].word = word
		for _, ph := range byHead[word] {
			to, gap, ok := d.match(toks, i, ph.Words)
			if !ok {
				to, gap, ok = d.possessiveObject(toks, i, ph.Words)
			}
			if ok && ph.Noun && i > 0 && notThePost[toks[i-1].word] {
				next = to - 1 // "the deputy chief executive of", "the next chairman of": not the post's holder
				break
			}
			if ok {
				out = append(out, occurrence{from: i, to: to, phrase: ph, gap: gap, synonym: note})
				next = to - 1
				break
			}
		}
		toks[i].word = original
		i = next
	}
	return out
}

// match reports whether the phrase's words are at toks[i:], with fillers
// between them and a mention in its gap.
func (d *drafter) match(toks []token, i int, words []string) (end, gap int, ok bool) {
	gap = -1
	j := i
	for k, w := range words {
		if k > 0 {
			// An article the lexicon does not write before its noun:
			// "building the turbines for" for "build turbines for" (not in
			// a phrase with a gap, whose words after it say more: "named
			// her as its chief executive" leaves the title to be read).
			if j < len(toks) && !slices.Contains(words, "*") && !prepositions[w] && toks[j].word != w && phraseArticles[toks[j].word] {
				j++
			}
			for skipped := 0; skipped < 4 && j < len(toks) && (d.isFiller(toks[j]) || amountOf(toks, j)) && (w == "*" || toks[j].word != w && !d.topicWord(toks[j], w)) && (w != "*" || toks[j].mention < 0); skipped++ {
				j++
			}
		}
		if j >= len(toks) {
			return 0, 0, false
		}
		switch {
		case w == "*":
			if toks[j].mention < 0 {
				return 0, 0, false
			}
			gap = j
		case d.topicWord(toks[j], w):
			// "supplied blades to": a topic named by the phrase's own
			// word is that word ("supply blades to", not "supply").
		case !toks[j].isWord() || toks[j].word != w:
			return 0, 0, false
		}
		j++
	}
	return j, gap, true
}

// possessiveObject matches a phrase of a verb, a noun and a preposition
// whose object the text gives as the noun's possessor: "building the
// project's turbines" for "build turbines for" the project, "supplied
// the Gannet Bank project's cables" (a noun of its kind may follow the
// name). The possessor is the phrase's gap.
func (d *drafter) possessiveObject(toks []token, i int, words []string) (end, gap int, ok bool) {
	n := len(words)
	if n < 3 || !prepositions[words[n-1]] || slices.Contains(words, "*") || prepositions[words[1]] {
		return 0, 0, false
	}
	j := i + 1
	if j < len(toks) && phraseArticles[toks[j].word] {
		j++
	}
	if j >= len(toks) || toks[j].mention < 0 {
		return 0, 0, false
	}
	k := j + 1
	if after := d.nounAfter(toks, k); after > k && d.nounFits(toks, k, after, d.ments[toks[j].mention]) {
		k = after
	}
	if k >= len(toks) || toks[k].word != "'s" {
		return 0, 0, false
	}
	end, ok = matchWords(toks, k+1, words[1:n-1])
	if ok && end+1 < len(toks) && prepositions[toks[end].word] && toks[end+1].mention >= 0 {
		return 0, 0, false // "delivered Norvane's turbines to Gannet Bank": Gannet Bank is the object
	}
	return end, j, ok
}

// phraseArticles may stand before the noun of a lexicon phrase that
// writes none: "supply the turbines to", "take its stake in".
var phraseArticles = map[string]bool{"the": true, "a": true, "an": true, "its": true, "their": true}

// determiners before a one-word verb make it a noun: "the
// infrastructure fund MHIP" does not fund.
var determiners = map[string]bool{"the": true, "a": true, "an": true, "its": true, "their": true, "his": true, "her": true,
	"our": true, "this": true, "these": true, "those": true}

func (d *drafter) nounUse(toks []token, o occurrence) bool {
	if o.phrase.Noun {
		return false
	}
	// "Western Digital's bid for Kioxia", "the bid for Kioxia": a verb of
	// several words whose first is an event noun, right after a
	// possessive or a determiner, is that noun.
	if len(o.phrase.Words) > 1 {
		return o.from > 0 && (toks[o.from-1].word == "'s" || determiners[toks[o.from-1].word]) && d.eventNoun(toks[o.from].word)
	}
	// A determiner before it, with only nouns, adjectives and modifying
	// names between: "the infrastructure fund", "a Canadian retirement
	// fund"; not "the region can support". Further back, past words that
	// may be nouns and "and", a possessive: "America's top manufacturing
	// powerhouses and biggest trade deficit partners".
	near := true
	for j := o.from - 1; j >= 0 && j >= o.from-8; j-- {
		if m := toks[j].mention; m >= 0 {
			if mm := d.ments[m]; !toks[j].pronoun && (mm.demonym || mm.typ == "topic") {
				continue
			}
			return false
		}
		if !toks[j].isWord() {
			return false
		}
		w := toks[j].word
		switch {
		case determiners[w] && (near || j >= o.from-3):
			return true
		case w == "'s":
			// Not after a possessor's people: "Voss's team tested".
			return !(j == o.from-2 && groupNouns[toks[o.from-1].word])
		case near && j >= o.from-3 && nominalOnly(w):
		case maybeNoun(w) || w == "and":
			near = false
		default:
			return false
		}
	}
	return false
}

// notNouns are words WordNet lists as nouns that are here auxiliaries,
// modals or pronouns: "can", "will", "may".
var notNouns = map[string]bool{"can": true, "will": true, "may": true, "must": true, "might": true, "shall": true, "should": true,
	"would": true, "could": true, "does": true, "do": true, "did": true, "is": true, "are": true, "was": true, "were": true, "be": true,
	"been": true, "has": true, "have": true, "had": true}

// maybeNoun reports whether WordNet knows word as a noun or an adjective,
// whatever else it is ("trade", "top"), and it is no auxiliary or pronoun.
func maybeNoun(word string) bool {
	if len(word) < 3 || pronouns[word] || notNouns[word] {
		return false
	}
	return len(wordnet.Lemmas(word, wordnet.Noun)) > 0 || len(wordnet.Lemmas(word, wordnet.Adjective)) > 0
}

// pronouns are words WordNet also lists as nouns ("who", the WHO) that
// stand for a name.
var pronouns = map[string]bool{"who": true, "which": true, "that": true, "what": true, "whom": true, "whose": true,
	"it": true, "they": true, "he": true, "she": true, "we": true, "you": true, "i": true, "us": true}

// nominalOnly reports whether WordNet knows word as a noun or an adjective
// and never as a verb or an adverb: "deficit", "infrastructure",
// "retirement"; not "can", "top", "also".
func nominalOnly(word string) bool {
	if len(word) < 3 || pronouns[word] {
		return false
	}
	nominal := len(wordnet.Lemmas(word, wordnet.Noun)) > 0 || len(wordnet.Lemmas(word, wordnet.Adjective)) > 0
	return nominal && len(wordnet.Lemmas(word, wordnet.Verb)) == 0 && len(wordnet.Lemmas(word, wordnet.Adverb)) == 0
}

// namedBySentence picks, of candidates for several predicates, the one
// whose predicate's own words the sentence holds besides the phrase
// ("turbines" for supplies-turbines-to), when exactly one does.
func (d *drafter) namedBySentence(toks []token, cs []candidate) (int, bool) {
	words := map[string]bool{}
	for j, t := range toks {
		if t.isWord() && (j < cs[0].from || j >= cs[0].to) {
			words[t.word] = true
		}
	}
	pick := -1
	for i, c := range cs {
		for _, w := range strings.Split(c.pred.Key, "-") {
			if len(w) > 3 && words[w] {
				if pick >= 0 && pick != i {
					return 0, false
				}
				pick = i
			}
		}
	}
	return pick, pick >= 0
}

// prepositions and relative pronouns between a verb and a name say the
// name is not the verb's object.
var prepositions = map[string]bool{"at": true, "in": true, "on": true, "for": true, "from": true, "with": true, "to": true,
	"of": true, "by": true, "over": true, "into": true, "under": true, "about": true, "after": true, "before": true,
	"against": true, "through": true, "that": true, "which": true, "who": true, "whose": true, "as": true, "than": true}

func endsInPreposition(words []string) bool { return prepositions[words[len(words)-1]] }

// direct reports whether nothing between toks[from] and the name at
// toks[at] keeps the name from being the object of the verb before: no
// preposition, unless the last one before the name is the predicate's own
// (its id's last word: "to" of supplies-cables-to, in "supply 190 miles of
// cable to Gannet Bank").
func direct(toks []token, from, at int, own map[string]bool) bool {
	last := ""
	for j := from; j < at; j++ {
		if toks[j].isWord() && prepositions[toks[j].word] {
			last = toks[j].word
		}
	}
	return last == "" || own[last]
}

// ownPrepositions are the prepositions that lead to a predicate's object:
// the last word of its id ("to" of supplies-cables-to), and that of its
// lexicon's verbs of a verb and a preposition ("sell to" of supplies, so
// "supplies chips to Sony" has Sony as its object; not "take the helm
// at", whose "at" would make "ran offshore sales at Norvane" a lead).
func (d *drafter) ownPrepositions(p *vocab.Predicate) map[string]bool {
	if own, ok := d.ownPreps[p.ID]; ok {
		return own
	}
	own := map[string]bool{}
	if k := keyPreposition(p); k != "" {
		own[k] = true
	}
	for _, ph := range d.v.Phrases() {
		if n := len(ph.Words); ph.Predicate == p.ID && !ph.Passive && !ph.Noun && n == 2 && prepositions[ph.Words[1]] && ph.Words[1] != "of" && ph.Words[1] != "as" {
			own[ph.Words[n-1]] = true
		}
	}
	if d.ownPreps == nil {
		d.ownPreps = map[vocab.ID]map[string]bool{}
	}
	d.ownPreps[p.ID] = own
	return own
}

// keyPreposition is the last word of a predicate's id when it is a
// preposition ("to" of supplies-cables-to), or "".
func keyPreposition(p *vocab.Predicate) string {
	w := p.Key[strings.LastIndexByte(p.Key, '-')+1:]
	if prepositions[w] && w != "that" && w != "which" && w != "who" && w != "whose" {
		return w
	}
	return ""
}

// negations before a phrase say the relation does not hold.
var negations = map[string]bool{"not": true, "never": true, "no": true, "nor": true}

func negated(toks []token, from int) bool {
	for j := max(0, from-3); j < from; j++ {
		if toks[j].isWord() && (negations[toks[j].word] || strings.HasSuffix(toks[j].word, "n't")) {
			return true
		}
	}
	return false
}

// fits reports whether a mention's entity may stand where types allow;
// no types allow any entity.
func (d *drafter) fits(m mention, types []string) bool {
	if m.pending > 0 && m.typ == "" {
		// A name of no type yet fits where an entity type may stand.
		return len(types) == 0 || slices.ContainsFunc(types, func(t string) bool { return t == "organization" || t == "person" || t == "place" })
	}
	if len(types) == 0 || d.v.Fits(m.typ, m.kinds, types) {
		return true
	}
	// A new name of a type and no kind ("Petrel Ridge" after "in", a
	// place) fits a kind of its type, which the relation then gives it
	// (see kindsFromRelations).
	return len(m.kinds) == 0 && d.isNew(m) && slices.ContainsFunc(types, func(t string) bool {
		k, ok := d.v.LookupKind(t)
		return ok && k.EntityType == m.typ
	})
}

// isNew reports whether mention m is of a candidate new entity.
func (d *drafter) isNew(m mention) bool {
	_, known := d.ix.NodeOf(m.entity)
	return m.entity != "" && !known
}

// phraseRelations drafts the relations the lexicon's phrases state: the
// subject is the nearest fitting mention on the phrase's subject side,
// the object the nearest on the other (a passive or inverse phrase reads
// the other way round).
func (d *drafter) phraseRelations(toks []token) []candidate {
	// A verb used as a noun ("the construction permit") is no phrase, nor
	// does it end the reach of the one before.
	occs := slices.DeleteFunc(d.occurrences(toks), func(o occurrence) bool { return d.nounUse(toks, o) })
	var out []candidate
	for k, o := range occs {
		if negated(toks, o.from) {
			continue
		}
		// A name after the next phrase is that phrase's.
		limitAfter := len(toks)
		if k+1 < len(occs) {
			limitAfter = occs[k+1].from
		}
		var fitting []candidate
		for _, p := range o.phrase.Predicates() {
			pred := d.v.Predicate(p)
			beforeTypes, afterTypes := pred.SubjectTypes, pred.ObjectTypes
			if o.phrase.Passive {
				beforeTypes, afterTypes = afterTypes, beforeTypes
			}
			// An adjective glued to a name: "Connecticut-based Ledgerock"
			// reads the name as the phrase's object, the next name as its
			// subject.
			var before, after int
			var penalty float64
			if o.from > 0 && toks[o.from].glued && toks[o.from-1].mention >= 0 {
				after = o.from - 1
				if after >= 2 && toks[after-1].word == "," && toks[after-2].mention >= 0 {
					if m := d.ments[toks[after-2].mention]; m.typ == "place" || m.pending > 0 && m.typ == "" {
						after -= 2 // "Portland, Maine-based": based in Portland
					}
				}
				if !d.fits(d.ments[toks[after].mention], pred.ObjectTypes) {
					continue
				}
				// The name it describes follows ("Connecticut-based
				// Ledgerock") or, in an apposition, comes before ("Kittiwake,
				// the Boston-based developer", "Skua, a New London,
				// Connecticut-based installer that Kittiwake hired").
				before = d.appositionHead(toks, after, o.to+1)
				if before < 0 {
					before, penalty = d.nearest(toks, o.to, +1, min(limitAfter, o.to+3), pred.SubjectTypes)
				} else if !d.fits(d.ments[toks[before].mention], pred.SubjectTypes) {
					continue
				}
				if before < 0 {
					before, penalty = d.nearest(toks, after-1, -1, -1, pred.SubjectTypes)
				}
				if before < 0 {
					continue
				}
				fitting = append(fitting, d.candidate(toks, o, pred, before, after, penalty))
				continue
			}
			var pBefore, pAfter float64
			before, pBefore = d.nearest(toks, o.from-1, -1, -1, beforeTypes)
			// "Corvid won a contract from Kittiwake to supply cables": an
			// infinitive's subject is not the name a preposition of the
			// clause before it takes; the one before that is.
			if !o.phrase.Passive && o.from >= 1 && toks[o.from-1].word == "to" && before >= 1 && fromWinner[toks[before-1].word] {
				before, pBefore = d.nearest(toks, before-2, -1, -1, beforeTypes)
			}
			if o.phrase.Passive && before >= 1 && before+1 < o.from && !toks[before].pronoun &&
				(before >= 2 && nounPrepositions[toks[before-1].word] && (d.eventNoun(toks[before-2].word) || isIntentNoun(toks[before-2].word)) ||
					before >= 2 && toks[before-2].word == "to" && toks[before-1].isWord()) {
				// "the bid for Kioxia was blocked by Japan", "the bid to
				// acquire Kioxia was blocked": the name is inside the
				// noun phrase the passive is of, not that phrase itself.
				continue
			}
			if o.phrase.Passive && toks[o.from-1].word == "," && d.afterEventNoun(toks, before) {
				// "a research partnership with Southcoast Technological
				// University on recycling old composite blades, led by Elena
				// Voss": a participle after a comma says what it says of the
				// relation the name's preposition follows, not of the name.
				continue
			}
			if o.gap < 0 && pred.Symmetric && before >= 2 && toks[before-1].word == "and" && toks[before-2].mention >= 0 {
				// "Samsung and Sony joined forces": the two are the ends,
				// unless a name follows.
				if next, _ := d.nearest(toks, o.to, +1, limitAfter, afterTypes); next < 0 && d.fits(d.ments[toks[before-2].mention], afterTypes) {
					fitting = append(fitting, d.candidate(toks, o, pred, before-2, before, pBefore))
					continue
				}
			}
			if !o.phrase.Passive && before >= 0 {
				// "ran Aldermoor Energy's U.S. offshore business": a part
				// of the possessor, not the country the part serves.
				if c, ok := d.possessivePartLeader(toks, o, pred, before); ok {
					fitting = append(fitting, c)
					continue
				}
			}
			if o.gap >= 0 {
				after = o.gap
				if !d.fits(d.ments[toks[after].mention], afterTypes) {
					after = -1
				}
			} else {
				after, pAfter = d.nearest(toks, o.to, +1, limitAfter, afterTypes)
				if after >= 0 && !endsInPreposition(o.phrase.Words) && !direct(toks, o.to, after, d.ownPrepositions(pred)) {
					// "ran offshore sales at Norvane": Norvane is not what
					// was run, but where the one who ran it works.
					if c, ok := d.partLeader(toks, o, pred, before); ok {
						fitting = append(fitting, c)
					}
					continue
				}
			}
			if before >= 0 && after < 0 && !o.phrase.Passive && slices.Contains(afterTypes, vocab.RelationType) {
				// "proposed a Korea-Japan economic alliance": the object is
				// the relation between the names after the phrase.
				if rel, ok := d.relationAfter(toks, o.to, limitAfter, pred.ID); ok && d.fits(d.ments[toks[before].mention], beforeTypes) {
					c := d.candidate(toks, o, pred, before, before, pBefore+0.2)
					c.object, c.objectAt = rel, -1
					c.reason += fmt.Sprintf("; its object, the relation %s, from the names after it", rel.entity)
					fitting = append(fitting, c)
				}
				continue
			}
			if before >= 2 && after < 0 && o.gap < 0 && !o.phrase.Passive && objectPronouns[toks[before-1].word] {
				// "Gannet Bank, the wind farm that Kittiwake is
				// developing": the noun the clause is about is its object.
				// Only a description or an apposition's head: in "told
				// Halcyon that Norvane would sue", "that" opens no relative
				// clause.
				if k := before - 2; toks[k].description {
					after = k
				} else if h := d.appositionHead(toks, k+1, k+1); h >= 0 {
					after = h
				}
				if after >= 0 && !d.fits(d.ments[toks[after].mention], afterTypes) {
					after = -1
				}
			}
			if before < 0 || after < 0 {
				continue
			}
			subject, object := before, after
			if o.phrase.Passive {
				subject, object = after, before
			}
			fitting = append(fitting, d.candidate(toks, o, pred, subject, object, pBefore+pAfter))
		}
		if len(fitting) == 0 {
			continue
		}
		best := fitting[0]
		if len(fitting) > 1 {
			// The sentence may say which: "the turbines Halcyon is
			// supplying" is supplies-turbines-to, not supplies-cables-to.
			if i, ok := d.namedBySentence(toks, fitting); ok {
				best = fitting[i]
				fitting = []candidate{best}
			}
		}
		if len(fitting) > 1 {
			// The same words for several predicates whose types all fit:
			// the first is proposed, less sure.
			var others []string
			for _, c := range fitting[1:] {
				others = append(others, c.pred.Name)
			}
			best.confidence -= 0.15
			best.reason += "; or " + strings.Join(others, ", ")
		}
		if best.subject.entity != best.object.entity {
			out = append(out, best)
			out = append(out, d.conjuncts(toks, best)...)
		}
	}
	return out
}

// maxPartWords is the most words a part of an organization runs to
// between a verb and "at" or "of": "the American arm".
const maxPartWords = 4

// partNouns name a part of an organization, before "of": "the American
// arm of Aldermoor Energy".
var partNouns = map[string]bool{"arm": true, "unit": true, "division": true, "business": true, "operations": true, "office": true,
	"branch": true, "subsidiary": true, "department": true, "team": true, "lab": true, "group": true}

// partLeader reads a verb of a title (Predicate.title_role: "ran",
// "headed") whose object is a part of an organization as the vocabulary's
// "works at": "Ferreira ran offshore sales at Denmark's Norvane
// Turbines", "Sorensen ran the American arm of Aldermoor Energy". The
// part is up to maxPartWords lowercase words or adjectives of countries,
// then "at" or "of" and the organization, a possessive name before it
// aside.
func (d *drafter) partLeader(toks []token, o occurrence, pred *vocab.Predicate, person int) (candidate, bool) {
	if !d.runsPart(toks, o, pred, person) || o.phrase.Passive {
		return candidate{}, false
	}
	j := o.to
	for j < len(toks) && j-o.to < maxPartWords && !prepositions[toks[j].word] &&
		(lowercaseWord(d.text, toks[j]) && !d.eventNoun(toks[j].word) || toks[j].mention >= 0 && d.ments[toks[j].mention].demonym) {
		j++
	}
	// "sales at Norvane"; "the American arm of Aldermoor", a part's noun
	// before "of" (not "the review of Halcyon").
	if j == o.to || j+1 >= len(toks) || toks[j].word != "at" && !(toks[j].word == "of" && partNouns[toks[j-1].word]) {
		return candidate{}, false
	}
	org := j + 1
	if org+2 < len(toks) && toks[org].mention >= 0 && toks[org+1].word == "'s" && toks[org+2].mention >= 0 {
		org += 2 // "at Denmark's Norvane Turbines"
	}
	if toks[org].mention < 0 || d.ments[toks[org].mention].demonym || !d.fits(d.ments[toks[org].mention], d.worksAt.ObjectTypes) ||
		org+1 < len(toks) && lowercaseWord(d.text, toks[org+1]) && nominalOnly(toks[org+1].word) {
		return candidate{}, false // not "a meeting of Halcyon shareholders"
	}
	c := d.candidate(toks, o, d.worksAt, person, org, 0.15)
	c.reason += fmt.Sprintf(": who runs %q works there", d.text[toks[o.to].start:toks[org].end])
	return c, true
}

// runsPart reports whether occurrence o, of pred, may say that the
// person at toks[person] runs a part of an organization (see partLeader):
// a verb of a title (Predicate.title_role) other than the vocabulary's
// "works at", no relational noun, and a person who may work somewhere.
func (d *drafter) runsPart(toks []token, o occurrence, pred *vocab.Predicate, person int) bool {
	return d.worksAt != nil && pred != d.worksAt && pred.TitleRole && !o.phrase.Noun && person >= 0 &&
		d.fits(d.ments[toks[person].mention], d.worksAt.SubjectTypes)
}

// possessivePartLeader reads a verb of a title right before a possessive
// name and a part of it ("ran Aldermoor Energy's U.S. offshore business":
// up to maxPartWords lowercase words or names, which modify the part,
// ending in a noun of partNouns) as the vocabulary's "works at" the
// possessor, as partLeader reads "the American arm of Aldermoor".
func (d *drafter) possessivePartLeader(toks []token, o occurrence, pred *vocab.Predicate, person int) (candidate, bool) {
	if !d.runsPart(toks, o, pred, person) || o.gap >= 0 {
		return candidate{}, false
	}
	org := o.to
	if org+2 >= len(toks) || toks[org].mention < 0 || toks[org+1].word != "'s" || d.ments[toks[org].mention].demonym ||
		!d.fits(d.ments[toks[org].mention], d.worksAt.ObjectTypes) {
		return candidate{}, false
	}
	j := org + 2
	for j < len(toks) && j-org-2 < maxPartWords && !partNouns[toks[j].word] &&
		(lowercaseWord(d.text, toks[j]) && !d.eventNoun(toks[j].word) || toks[j].mention >= 0 && !toks[j].pronoun && (j+1 >= len(toks) || toks[j+1].word != "'s") ||
			toks[j].word == "." && toks[j-1].mention >= 0) { // the abbreviation's point: "U.S."
		j++
	}
	if j >= len(toks) || !partNouns[toks[j].word] {
		return candidate{}, false
	}
	c := d.candidate(toks, o, d.worksAt, person, org, 0.15)
	c.reason += fmt.Sprintf(": who runs %q works there", d.text[toks[org].start:toks[j].end])
	return c, true
}

// afterEventNoun reports whether the mention at toks[i] is the object of
// a preposition after an event noun of the vocabulary ("partnership with
// Southcoast", "suit against the company").
func (d *drafter) afterEventNoun(toks []token, i int) bool {
	j := i - 1
	if j > 0 && phraseArticles[toks[j].word] {
		j--
	}
	if j < 1 || !toks[j].isWord() || !prepositions[toks[j].word] || !toks[j-1].isWord() {
		return false
	}
	_, ok := d.v.EventNoun(toks[j-1].word)
	return ok
}

// objectPronouns open a relative clause whose noun is the object of its
// verb: "the wind farm that Kittiwake is developing".
var objectPronouns = map[string]bool{"that": true, "which": true, "whom": true}

// relationAfter finds the one relation, drafted or in the graph, between
// two of the names after toks[from] (before limit or a comma, up to four), of the
// predicates the event nouns there name besides the verb's own (verb):
// what "the alliance" or "the permit for Kittiwake's Gannet Bank" after a
// verb of a relation is.
func (d *drafter) relationAfter(toks []token, from, limit int, verb vocab.ID) (mention, bool) {
	var names []string
	var events []vocab.ID // the predicates of the event nouns there ("alliance")
	possessive := false   // a name's "'s" there ("Kittiwake's Gannet Bank")
	for j := from; j < limit && j < len(toks) && len(names) < 4 && toks[j].word != "," && toks[j].word != ";"; j++ {
		possessive = possessive || toks[j].word == "'s" && j > from && toks[j-1].mention >= 0
		if toks[j].mention >= 0 && d.ments[toks[j].mention].entity != "" {
			names = append(names, d.ments[toks[j].mention].entity)
		} else if preds, ok := d.v.EventNoun(toks[j].word); ok && toks[j].isWord() {
			for _, p := range preds {
				if p != verb {
					events = append(events, p)
				}
			}
		}
	}
	between := func(a, b string, p vocab.ID) bool {
		return a != b && slices.Contains(names, a) && slices.Contains(names, b) && (len(events) == 0 || slices.Contains(events, p))
	}
	// The graph's relations first: they are confirmed; the drafted ones
	// only when the graph has none.
	found := map[string]bool{}
	for _, a := range names {
		n, ok := d.ix.NodeOf(a)
		if !ok {
			continue
		}
		for _, r := range d.ix.Out(n) {
			if _, o := d.ix.Ends(r); !d.ix.Hidden(r) && between(a, d.ix.NodeName(o), d.ix.Predicate(r)) {
				found[d.ix.NodeName(d.ix.RelationNode(r))] = true
			}
		}
	}
	if len(found) == 0 {
		for _, r := range d.out.Relations {
			if p, ok := d.v.Lookup(r.GetPredicate()); ok && between(r.GetSubject(), r.GetObject(), p.ID) {
				found[r.GetName()] = true
			}
		}
	}
	if len(found) > 1 && possessive && d.owner != nil {
		// "the permit for Kittiwake's Gannet Bank wind farm": of the
		// relations between the names, the possessive names the owner's.
		for name := range found {
			if n, ok := d.ix.NodeOf(name); ok {
				if r, ok := d.ix.NodeRelation(n); ok && d.ix.Predicate(r) == d.owner.ID {
					continue
				}
			}
			delete(found, name)
		}
	}
	if len(found) != 1 {
		return mention{}, false
	}
	for name := range found {
		return mention{entity: name, typ: vocab.RelationType}, true
	}
	return mention{}, false
}

// contains reports whether the graph states that place inner lies in
// outer, by a transitive predicate (one that extends through itself, as
// located-in does).
func (d *drafter) contains(outer, inner string) bool {
	in, ok := d.ix.NodeOf(inner)
	if !ok {
		return false
	}
	for _, r := range d.ix.Out(in) {
		p := d.v.Predicate(d.ix.Predicate(r))
		if _, o := d.ix.Ends(r); p.ExtendsThrough == p.ID && d.ix.NodeName(o) == outer {
			return true
		}
	}
	return false
}

// conjuncts repeats a candidate for the names "and" joins to its subject
// or its object: "MHIP and the Great Lakes Teachers Pension Fund invest
// in", "lead the world in memory chips and batteries".
func (d *drafter) conjuncts(toks []token, c candidate) []candidate {
	var out []candidate
	joined := func(at, step int, types []string) []int {
		var found []int
		for k := at; ; {
			j := k + step
			// Looking left, a name's own article comes first: "the EU and
			// the USMCA", after "and" only ("Norvane, the Boston-based
			// developer" lists nothing).
			article := step < 0 && j >= 0 && toks[j].word == "the"
			if article {
				j += step
			}
			if j < 0 || j >= len(toks) || (toks[j].word != "and" && (toks[j].word != "," || article)) {
				return found
			}
			j += step
			if step > 0 && j < len(toks) && toks[j].word == "the" {
				j += step
			}
			if j < 0 || j >= len(toks) || toks[j].mention < 0 || toks[j].pronoun || !d.fits(d.ments[toks[j].mention], types) {
				return found
			}
			if step < 0 && j > 0 && toks[j-1].isWord() && prepositions[toks[j-1].word] {
				// "At SouthTech, Elena Voss's team has begun testing": a
				// phrase before the subject, no list.
				return found
			}
			if toks[j-step].word == "," && toks[k].mention >= 0 && d.contains(d.ments[toks[j].mention].entity, d.ments[toks[k].mention].entity) {
				// "New Bedford, Massachusetts" names one place, within
				// another: no list.
				return found
			}
			found = append(found, j)
			k = j
		}
	}
	// Away from the phrase: left of a name before it, right of one after.
	away := func(at int) int {
		if at < c.from {
			return -1
		}
		return +1
	}
	for _, j := range joined(c.subjectAt, away(c.subjectAt), c.pred.SubjectTypes) {
		x := c
		x.subject, x.subjectAt, x.confidence = d.ments[toks[j].mention], j, c.confidence-0.05
		if x.subject.entity != x.object.entity {
			out = append(out, x)
		}
	}
	for _, j := range joined(c.objectAt, away(c.objectAt), c.pred.ObjectTypes) {
		x := c
		x.object, x.objectAt, x.confidence = d.ments[toks[j].mention], j, c.confidence-0.05
		if x.subject.entity != x.object.entity {
			out = append(out, x)
		}
	}
	return out
}

func (d *drafter) candidate(toks []token, o occurrence, pred *vocab.Predicate, subject, object int, penalty float64) candidate {
	words := d.text[toks[o.from].start:toks[o.to-1].end]
	var refs []string
	if len(o.phrase.Words) == 1 && prepositions[o.phrase.Words[0]] {
		// A preposition alone ("against") says little of the verb it
		// follows: "a lawsuit against Halcyon" is no opposition.
		penalty += 0.45
		refs = append(refs, "; a preposition alone")
	}
	if o.synonym != "" {
		penalty += 0.1
		refs = append(refs, fmt.Sprintf(" (%q, %s)", words, o.synonym))
	}
	for _, k := range []int{subject, object} {
		if toks[k].pronoun {
			penalty += 0.15
			refs = append(refs, fmt.Sprintf("; %q read as %s", d.text[toks[k].start:toks[k].end], d.ments[toks[k].mention].entity))
		}
	}
	return candidate{
		at: o.from, from: o.from, to: o.to, subjectAt: subject, objectAt: object,
		subject: d.ments[toks[subject].mention], object: d.ments[toks[object].mention],
		pred: pred, confidence: relationConfidence - penalty, titles: o.phrase.Titles,
		// A verb's time: not that of "south of" or "chief executive of".
		timed:  !o.phrase.Noun && !d.v.IsFixedHead(o.phrase.Words[0]),
		reason: fmt.Sprintf("%q reads as %s", words, pred.Name) + strings.Join(refs, ""),
	}
}

// relativeClauses returns the token ranges, from the comma to the comma
// that closes it, of the relative clauses before toks[upto]: ", who also
// heads the Korea Chamber,".
func relativeClauses(toks []token, upto int) [][2]int {
	var out [][2]int
	for j := 0; j+1 < upto; j++ {
		if toks[j].word == "," && (toks[j+1].word == "who" || toks[j+1].word == "which") {
			k := j + 1
			for k < upto && toks[k].word != "," {
				k++
			}
			if k < upto {
				out = append(out, [2]int{j, k})
			}
			j = k - 1
		}
	}
	return out
}

// nearest finds the first mention from toks[i] in direction step (−1 or
// +1), before limit, whose entity fits types; and how much less sure the
// distance makes it: each fitting-type miss passed over and each word
// beyond eight cost confidence. Looking back, it passes over the relative
// clauses between ("Chey Tae-won, who also heads the Korea Chamber, once
// again proposed").
func (d *drafter) nearest(toks []token, i, step, limit int, types []string) (int, float64) {
	// "Western Digital's attempt to buy": the possessor of an intent noun
	// just before the phrase's "to" does the verb.
	if step < 0 && i >= 3 && toks[i].word == "to" && toks[i-2].word == "'s" && toks[i-3].mention >= 0 && intentBefore(toks, i-1) && d.fits(d.ments[toks[i-3].mention], types) {
		return i - 3, 0
	}
	var skip [][2]int
	if step < 0 && i >= 0 {
		skip = relativeClauses(toks, i+1)
	}
	penalty, words := 0.0, 0
	phrase := 0 // after the phrase, the words of a noun phrase of no name: "oppose the merger"
	for ; i != limit && i >= 0 && i < len(toks); i += step {
		if k := slices.IndexFunc(skip, func(r [2]int) bool { return r[0] <= i && i <= r[1] }); k >= 0 {
			i = skip[k][0] // on to the token before the clause
			continue
		}
		t := toks[i]
		switch {
		case t.word == ";" || (step > 0 && t.word == "," && i+1 < len(toks) && clauseWords[toks[i+1].word]):
			return -1, 0
		case step > 0 && phrase > 1 && (t.word == "," || verbOnly(t.word)):
			// "oppose the merger, Kioxia said", "the merger surprised
			// Kioxia": the object was that noun phrase, and the name after
			// it is another clause's.
			return -1, 0
		case t.mention >= 0 && (d.isModifier(toks, i) || step > 0 && i+2 < len(toks) && toks[i+1].word == "'s" && groupNouns[toks[i+2].word]):
			// After the phrase, a possessor's people are not it: "hired
			// Norvane's engineers".
		case t.mention >= 0:
			if d.fits(d.ments[t.mention], types) {
				if words > 8 {
					penalty += 0.1
				}
				if words > 16 {
					penalty += 0.1
				}
				return i, penalty
			}
			penalty += 0.05
		case t.isWord():
			words++
			switch {
			case step > 0 && (t.word == "the" || t.word == "a" || t.word == "an") && i+1 < len(toks) && toks[i+1].isWord():
				phrase = 1
			case phrase > 0 && prepositions[t.word]:
				phrase = 0 // "the acquisition of Kioxia": the phrase goes on to a name
			case phrase > 0:
				phrase++
			}
		}
	}
	return -1, 0
}

// nounPrepositions join a name to the noun before it: "the bid for
// Kioxia".
var nounPrepositions = map[string]bool{"for": true, "of": true, "on": true, "to": true, "with": true, "in": true, "at": true, "from": true,
	"against": true, "over": true, "about": true, "into": true}

// verbOnly reports whether WordNet knows word as a verb and not as a
// noun: after a noun phrase's noun, a finite verb ("surprised", "said")
// that ends it.
func verbOnly(word string) bool {
	return len(wordnet.Lemmas(word, wordnet.Verb)) > 0 && len(wordnet.Lemmas(word, wordnet.Noun)) == 0
}

// eventNounRelations drafts the relations an event noun after its object
// states, the subject being the object's possessor: "Halcyon said its New
// Bedford blade factory" (plans-factory-in, from the event noun
// "factory"), "Norvane's Providence plant".
func (d *drafter) eventNounRelations(toks []token) []candidate {
	var out []candidate
	for i, t := range toks {
		if t.mention < 0 || i == 0 {
			continue
		}
		j := i + 1
		for j < len(toks) && toks[j].mention >= 0 && d.ments[toks[j].mention].typ == "topic" {
			j++
		}
		if j >= len(toks) || !toks[j].isWord() {
			continue
		}
		preds, ok := d.v.EventNoun(toks[j].word)
		if !ok {
			continue
		}
		object := d.ments[t.mention]
		objectAt := i
		for _, p := range preds {
			pred := d.v.Predicate(p)
			if !d.fits(object, pred.ObjectTypes) {
				continue
			}
			subject := -1
			switch {
			case toks[i-1].word == "its" || toks[i-1].word == "their":
				subject, _ = d.nearest(toks, i-2, -1, -1, pred.SubjectTypes)
			case i >= 2 && toks[i-1].word == "'s" && toks[i-2].mention >= 0 && d.fits(d.ments[toks[i-2].mention], pred.SubjectTypes):
				subject = i - 2
			}
			if subject < 0 || d.ments[toks[subject].mention].entity == object.entity {
				continue
			}
			out = append(out, candidate{at: i, from: j, to: j + 1, subject: d.ments[toks[subject].mention], object: object, pred: pred,
				subjectAt: subject, objectAt: objectAt, confidence: 0.7, timed: true, reason: fmt.Sprintf("%q after %q reads as %s", toks[j].word, d.text[t.start:t.end], pred.Name)})
			break
		}
	}
	return out
}

// demonymGroup reports whether the demonym at toks[i] names the people
// of a government noun after it, who act for its country: "Japanese
// officials", "Japanese government officials"; not those of an
// organization named after them ("Korean officials at Samsung"), nor
// people who do not act for it ("Japanese engineers").
func demonymGroup(toks []token, i int) bool {
	j := i + 1
	if j >= len(toks) || !stateNouns[toks[j].word] {
		return false
	}
	if toks[j].word == "government" && j+1 < len(toks) && stateNouns[toks[j+1].word] {
		j++ // "Japanese government officials"
	}
	return !(j+2 < len(toks) && (toks[j+1].word == "at" || toks[j+1].word == "from" || toks[j+1].word == "of") && toks[j+2].mention >= 0)
}

// stateNouns are people who act for their country: "Japanese
// officials".
var stateNouns = map[string]bool{"officials": true, "government": true, "authorities": true, "regulators": true, "ministers": true,
	"diplomats": true, "negotiators": true}

// teamRelations drafts, for a person's team at an organization ("Elena
// Voss's team at SouthTech"), the relation the lexicon's "work at" gives
// the person there: a team's leader works where the team does.
func (d *drafter) teamRelations(toks []token) []candidate {
	workAt := d.workAtPredicate()
	if workAt == nil {
		return nil
	}
	var out []candidate
	for i := 0; i+4 < len(toks); i++ {
		if toks[i].mention < 0 || toks[i].pronoun || toks[i+1].word != "'s" || !teamNouns[toks[i+2].word] || toks[i+3].word != "at" || toks[i+4].mention < 0 {
			continue
		}
		person, org := d.ments[toks[i].mention], d.ments[toks[i+4].mention]
		if person.typ != "person" || !d.fits(person, workAt.SubjectTypes) || !d.fits(org, workAt.ObjectTypes) || i+5 < len(toks) && toks[i+5].word == "'s" {
			continue
		}
		out = append(out, candidate{at: i, from: i + 2, to: i + 4, subject: person, object: org, pred: workAt, subjectAt: i, objectAt: i + 4, confidence: 0.7,
			reason: fmt.Sprintf("%q reads as %s", d.text[toks[i].start:toks[i+4].end], workAt.Name)})
	}
	return out
}

// workAtPredicate returns the predicate of the lexicon's verb "work at",
// looked up once per draft, or nil.
func (d *drafter) workAtPredicate() *vocab.Predicate {
	if !d.workAtRead {
		d.workAtRead = true
		for _, ph := range d.v.Phrases() {
			if !ph.Noun && !ph.Passive && slices.Equal(ph.Words, []string{"work", "at"}) {
				d.workAt = d.v.Predicate(ph.Predicate)
				break
			}
		}
	}
	return d.workAt
}

// teamNouns are the people a person leads: "Elena Voss's team".
var teamNouns = map[string]bool{"team": true, "lab": true, "laboratory": true, "group": true}

// groupNouns are the people of an entity who act for it: "Elena Voss's
// team has begun testing", "Halcyon's engineers said".
var groupNouns = map[string]bool{"team": true, "staff": true, "lab": true, "laboratory": true, "engineers": true,
	"researchers": true, "scientists": true, "lawyers": true, "officials": true, "executives": true}

// intentNouns, after a possessive and before "to" and a verb, say that
// the possessor set out to do what the verb says, with the status the
// noun gives it unless the clause gives another: "Western Digital's
// attempt to buy Kioxia" (attempted).
var intentNouns = map[string]pb.RelationStatus{
	"attempt": pb.RelationStatus_RELATION_STATUS_ATTEMPTED, "bid": pb.RelationStatus_RELATION_STATUS_ATTEMPTED,
	"effort": pb.RelationStatus_RELATION_STATUS_ATTEMPTED, "efforts": pb.RelationStatus_RELATION_STATUS_ATTEMPTED,
	"plan": pb.RelationStatus_RELATION_STATUS_PLANNED, "plans": pb.RelationStatus_RELATION_STATUS_PLANNED,
	"offer": pb.RelationStatus_RELATION_STATUS_PROPOSED, "pledge": pb.RelationStatus_RELATION_STATUS_PROPOSED,
	"promise": pb.RelationStatus_RELATION_STATUS_PROPOSED,
}

// isIntentNoun reports whether word is one of intentNouns.
func isIntentNoun(word string) bool {
	_, ok := intentNouns[word]
	return ok
}

// intentBefore reports whether toks[i] is an intent noun before "to" and
// a word.
func intentBefore(toks []token, i int) bool {
	return i+2 < len(toks) && isIntentNoun(toks[i].word) && toks[i+1].word == "to" && toks[i+2].isWord()
}

// intentOf returns, for a candidate whose subject or object is the
// possessor of an intent noun before "to" (see intentNouns), the noun's
// token, or -1.
func intentOf(toks []token, c candidate) int {
	for _, at := range []int{c.subjectAt, c.objectAt} {
		if at >= 0 && at+2 < len(toks) && toks[at].mention >= 0 && toks[at+1].word == "'s" && intentBefore(toks, at+2) {
			return at + 2
		}
	}
	return -1
}

// isModifier reports whether the mention at toks[i] modifies what follows
// rather than standing for itself: a possessor ("Denmark's Norvane", "the
// project's turbines"), a demonym ("Korean firms"), a name a hyphen joins
// to what follows ("the Portland, Maine-based company"), a name before a
// noun that is not its own ("the Portland, Maine, company").
func (d *drafter) isModifier(toks []token, i int) bool {
	if d.ments[toks[i].mention].demonym && demonymGroup(toks, i) {
		return false // "Japanese officials": the country's people, acting for it
	}
	// Before a description: "the Danish manufacturer", "the Portland,
	// Maine, company".
	for j := i + 1; j < len(toks) && j <= i+4; j++ {
		if toks[j].description {
			return true
		}
		if toks[j].word != "," && toks[j].mention < 0 {
			break
		}
	}
	return i+1 < len(toks) && toks[i+1].word == "'s" && !(i+2 < len(toks) && groupNouns[toks[i+2].word]) ||
		d.ments[toks[i].mention].demonym ||
		gluedModifier(toks, i) ||
		!toks[i].pronoun && d.modifiesNoun(toks, i)
}

// modifiesNoun reports whether the mention at toks[i] stands before a
// type or kind noun of the vocabulary, directly or after a comma, as a
// modifier: "the Portland, Maine, company", "a Norvane engineer".
func (d *drafter) modifiesNoun(toks []token, i int) bool {
	j := i + 1
	if j < len(toks) && toks[j].word == "," {
		j++
	}
	if j < len(toks) && toks[j].mention >= 0 && j == i+2 {
		j++ // the city of "City, State, company"
		if j < len(toks) && toks[j].word == "," {
			j++
		}
	}
	if j >= len(toks) {
		return false
	}
	end := d.nounAfter(toks, j)
	// "the Gannet Bank wind farm" is Gannet Bank: the noun names it.
	return end > j && !d.nounFits(toks, j, end, d.ments[toks[i].mention])
}

// gluedModifier reports whether the mention at toks[i] modifies what
// follows through a word a hyphen joins to it ("Boston-based"), alone or
// as the city of "City, State-based", or is one of two names a hyphen
// joins ("Korea-Japan relations").
func gluedModifier(toks []token, i int) bool {
	glued := func(k int) bool {
		return k+1 < len(toks) && toks[k].mention >= 0 && toks[k+1].glued && toks[k+1].isWord()
	}
	// "a Korea-Japan alliance": two names a hyphen joins.
	compound := (toks[i].glued && i > 0 && toks[i-1].mention >= 0) || (i+1 < len(toks) && toks[i+1].glued && toks[i+1].mention >= 0)
	return compound || glued(i) || (i+2 < len(toks) && toks[i+1].word == "," && glued(i+2))
}

// clauseWords after a comma start another clause, whose names are not the
// object of a phrase before it.
var clauseWords = map[string]bool{"and": true, "but": true, "while": true, "whereas": true}

// eventPrepositions join a possessor's event noun to its object: "its
// research with Southcoast", "Halcyon's blade factory in New Bedford".
var eventPrepositions = map[string]bool{"in": true, "at": true, "with": true, "for": true, "against": true, "on": true, "of": true, "to": true}

// holdVerbs are the verbs of having: with an event noun that the lexicon
// gives as their own object for the predicate's subject ("take a stake
// in", "buy a stake in"), the holder is the predicate's subject: "owns a
// 25 percent stake in Gannet Bank". A noun a lexicon gives the other
// party's verbs for too ("win a contract from") is left alone.
var holdVerbs = map[string]bool{"own": true, "hold": true, "have": true, "take": true, "buy": true, "acquire": true}

// heldAuxiliaries may stand between a verb of having and its subject:
// "Aldermoor also holds", "Bluefin will own".
var heldAuxiliaries = map[string]bool{"will": true, "would": true, "has": true, "have": true, "had": true, "also": true, "still": true,
	"now": true, "already": true, "does": true, "did": true, "is": true, "was": true, "currently": true, "jointly": true}

// saleCompletions are the verbs that make "the sale of" a sale that
// happened: "completed the sale of a stake", not "rejected the sale".
var saleCompletions = map[string]bool{"complete": true, "close": true, "finalize": true, "finalise": true, "announce": true}

// saleVerbs are the verbs whose event noun's relation goes to the name
// after "to": "sold a 25 percent stake in Gannet Bank to Aldermoor"; the
// noun "sale of" reads so too.
var saleVerbs = map[string]bool{"sell": true}

// heldEventRelations drafts the relation an event noun names after a verb
// of holding or of sale, its object after the preposition the
// predicate's noun phrase gives it (Lexicon.noun_phrase: "{subject}'s
// stake in {object}"): "Aldermoor owns a 25 percent stake in Gannet
// Bank"; "Kittiwake sold a stake in Gannet Bank to Aldermoor" (the buyer
// holds it).
func (d *drafter) heldEventRelations(toks []token) []candidate {
	var out []candidate
	for v := 1; v+3 < len(toks); v++ {
		if !lowercaseWord(d.text, toks[v]) || negated(toks, v) {
			continue
		}
		hold, sale := false, false
		for _, lemma := range wordnet.Lemmas(toks[v].word, wordnet.Verb) {
			hold, sale = hold || holdVerbs[lemma], sale || saleVerbs[lemma]
		}
		j := v + 1
		if toks[v].word == "sale" && toks[j].word == "of" && v >= 2 && toks[v-1].word == "the" && lemmaIn(toks[v-2].word, saleCompletions) {
			sale, j = true, j+1 // "completed the sale of a 25 percent stake in Gannet Bank to Aldermoor"
		}
		if !hold && !sale {
			continue
		}
		// The noun after a determiner, amounts and up to three modifiers.
		start := j
		for j < len(toks) && j < start+5 && (determiners[toks[j].word] || d.isFiller(toks[j]) || lowercaseWord(d.text, toks[j]) && !prepositions[toks[j].word]) {
			if _, ok := d.v.EventNoun(toks[j].word); ok && (j+1 >= len(toks) || prepositions[toks[j+1].word]) {
				break
			}
			j++
		}
		if j+2 >= len(toks) {
			continue
		}
		preds, ok := d.v.EventNoun(toks[j].word)
		if !ok {
			continue
		}
		obj := j + 2
		if obj < len(toks) && toks[obj].word == "the" {
			obj++
		}
		if obj >= len(toks) || toks[obj].mention < 0 {
			continue
		}
		for _, p := range preds {
			pred := d.v.Predicate(p)
			if d.objectPreposition(pred) != toks[j+1].word || !d.heldNoun(pred, toks[j].word) || !d.fits(d.ments[toks[obj].mention], pred.ObjectTypes) {
				continue
			}
			subject := -1
			if sale {
				// The buyer after "to", not a name it possesses ("to
				// Aldermoor's rival").
				if b := obj + 1; b+1 < len(toks) && toks[b].word == "to" && toks[b+1].mention >= 0 && (b+2 >= len(toks) || toks[b+2].word != "'s") &&
					d.fits(d.ments[toks[b+1].mention], pred.SubjectTypes) {
					subject = b + 1
				}
			} else {
				// The name right before the verb, auxiliaries and adverbs
				// aside: not "Kittiwake said Aldermoor's parent holds".
				s := v - 1
				for s > 0 && heldAuxiliaries[toks[s].word] {
					s--
				}
				// "Aldermoor Energy, which owns a stake in": the name the
				// relative clause is of, one that heads its noun phrase (not
				// "the venture between Aldermoor and Bluefin, which holds"),
				// and holds it in fact (not "which would take a stake").
				if s >= 2 && (toks[s].word == "which" || toks[s].word == "who" || toks[s].word == "that") && toks[s-1].word == "," {
					if s == 2 || toks[s-3].punct && toks[s-3].word != "'s" {
						if !slices.ContainsFunc(toks[s+1:v], func(t token) bool { return modals[t.word] }) {
							s -= 2
						}
					}
				}
				if toks[s].mention >= 0 && d.fits(d.ments[toks[s].mention], pred.SubjectTypes) {
					subject = s
				}
			}
			if subject < 0 || d.ments[toks[subject].mention].entity == d.ments[toks[obj].mention].entity {
				continue
			}
			from, to := min(subject, v), max(subject, obj)
			out = append(out, candidate{at: v, from: v, to: j + 1, subject: d.ments[toks[subject].mention], object: d.ments[toks[obj].mention], pred: pred,
				subjectAt: subject, objectAt: obj, confidence: 0.75, timed: true,
				reason: fmt.Sprintf("%q reads as %s", d.text[toks[from].start:toks[to].end], pred.Name)})
			break
		}
	}
	return out
}

// fromWinner are the prepositions before a name that an infinitive after
// it does not take as subject: "won a contract from Kittiwake to supply".
var fromWinner = map[string]bool{"from": true}

// modals say what may be, not what is: "which would take a stake".
var modals = map[string]bool{"would": true, "could": true, "might": true, "may": true, "should": true, "can": true}

// heldNoun reports whether the lexicon gives noun as the object of a
// verb of having for the predicate's subject ("take a stake in"), and of
// no verb read the other way ("win a contract from").
func (d *drafter) heldNoun(pred *vocab.Predicate, noun string) bool {
	return d.nounPhraseOf(pred).held[noun]
}

// lemmaIn reports whether a WordNet verb lemma of word is in set.
func lemmaIn(word string, set map[string]bool) bool {
	return slices.ContainsFunc(wordnet.Lemmas(word, wordnet.Verb), func(l string) bool { return set[l] })
}

// objectPreposition returns the preposition before the object in the
// predicate's noun phrase ("in" of "{subject}'s stake in {object}"), or
// "".
func (d *drafter) objectPreposition(pred *vocab.Predicate) string {
	return d.nounPhraseOf(pred).preposition
}

// nounPhrase is what a predicate's lexicon says of the noun phrases that
// name its relations (see heldNoun and objectPreposition).
type nounPhrase struct {
	preposition string          // before the object in Lexicon.noun_phrase
	held        map[string]bool // the words its subject's verbs of having take, and no inverse verb
}

// nounPhraseOf returns the predicate's nounPhrase, read from the
// vocabulary once per draft.
func (d *drafter) nounPhraseOf(pred *vocab.Predicate) nounPhrase {
	if d.nounPhrases == nil {
		d.nounPhrases = map[vocab.ID]nounPhrase{}
		for _, p := range d.v.Predicates() {
			lex := p.Message().GetLexicon()
			np := nounPhrase{held: map[string]bool{}}
			if words := strings.Fields(lex.GetNounPhrase()); len(words) >= 3 && strings.HasPrefix(words[0], "{subject}'s") && words[len(words)-1] == "{object}" {
				np.preposition = words[len(words)-2]
			}
			inverse := map[string]bool{}
			for _, verb := range lex.GetVerbs() {
				words := strings.Fields(verb.GetText())
				for _, w := range words[1:] {
					switch {
					case verb.GetInverse():
						inverse[w] = true
					case holdVerbs[words[0]]:
						np.held[w] = true
					}
				}
			}
			for w := range inverse {
				delete(np.held, w)
			}
			d.nounPhrases[p.ID] = np
		}
	}
	return d.nounPhrases[pred.ID]
}

// pairEventRelations drafts the relation of a symmetric predicate that an
// event noun states of two names joined by "and": after "between" ("the
// alliance between Korea and Japan"), or as the subject of a clause after
// a determiner's noun ("the LCD partnership Samsung and Sony ran").
func (d *drafter) pairEventRelations(toks []token) []candidate {
	var out []candidate
	for j := 1; j+3 < len(toks); j++ {
		if !toks[j].isWord() {
			continue
		}
		preds, ok := d.v.EventNoun(toks[j].word)
		if !ok {
			continue
		}
		a := j + 1
		between := toks[a].word == "between"
		if between {
			// "the alliance between", which says there is one; not "a
			// partnership between", which may be only proposed.
			if j == 0 || toks[j-1].word != "the" {
				continue
			}
			a++
			if a < len(toks) && toks[a].word == "the" {
				a++
			}
		} else if !d.determined(toks, j) {
			continue
		}
		b := a + 2
		if b < len(toks) && toks[b].word == "the" && between {
			b++
		}
		if b >= len(toks) || toks[a].mention < 0 || toks[a+1].word != "and" || toks[b].mention < 0 || toks[a].pronoun || toks[b].pronoun ||
			b+1 < len(toks) && toks[b+1].word == "'s" {
			continue // not "between South Korea and Japan's biggest rival"
		}
		if !between && (b+1 >= len(toks) || !lowercaseWord(d.text, toks[b+1]) || !lemmaIn(toks[b+1].word, formVerbs)) {
			continue // "the partnership Samsung and Sony ran": a verb of having it after the names, not "opposed"
		}
		first, second := d.ments[toks[a].mention], d.ments[toks[b].mention]
		for _, p := range preds {
			pred := d.v.Predicate(p)
			if !pred.Symmetric || first.entity == second.entity || !d.fits(first, pred.SubjectTypes) || !d.fits(second, pred.ObjectTypes) {
				continue
			}
			out = append(out, candidate{at: j, from: j, to: j + 1, subject: first, object: second, pred: pred,
				subjectAt: a, objectAt: b, confidence: 0.7, timed: true,
				reason: fmt.Sprintf("%q reads as %s", d.text[toks[j].start:toks[b].end], pred.Name)})
			break
		}
	}
	return out
}

// formVerbs say that their subjects have or make the relation their
// object names: "the LCD partnership Samsung and Sony ran".
var formVerbs = map[string]bool{"run": true, "form": true, "have": true, "sign": true, "create": true, "launch": true, "forge": true,
	"strike": true, "seal": true, "establish": true, "operate": true, "build": true, "reach": true}

// determined reports whether a determiner leads the noun phrase that ends
// in toks[j], within two words or topics' names before it ("the LCD
// partnership").
func (d *drafter) determined(toks []token, j int) bool {
	for k := j - 1; k >= 0 && k >= j-3; k-- {
		switch {
		case toks[k].isWord() && determiners[toks[k].word]:
			return true
		case toks[k].mention >= 0 && d.ments[toks[k].mention].typ == "topic", lowercaseWord(d.text, toks[k]):
		default:
			return false
		}
	}
	return false
}

// possessiveEventRelations drafts the relations a possessor's event noun
// of the lexicon states with the name after its preposition: "Halcyon's
// blade factory in New Bedford" (plans-factory-in), "its research with
// Southcoast Tech" (researches-with). Topics' names and up to two
// lowercase words may stand before the noun, and a determiner or amount
// before the name.
func (d *drafter) possessiveEventRelations(toks []token) []candidate {
	var out []candidate
	for i := 0; i+2 < len(toks); i++ {
		var possessor, first int
		switch {
		case toks[i].mention >= 0 && toks[i+1].word == "'s":
			possessor, first = toks[i].mention, i+2
		case toks[i].word == "its" || toks[i].word == "their":
			if possessor = d.possessorOf(toks, i); possessor < 0 {
				continue
			}
			first = i + 1
		default:
			continue
		}
		j, words := first, 0
		for j < len(toks) {
			if toks[j].mention >= 0 && d.ments[toks[j].mention].typ == "topic" {
				j++
				continue
			}
			// An event noun before a preposition; one before another noun
			// modifies it ("patent suit over").
			if _, ok := d.v.EventNoun(toks[j].word); ok && (j+1 >= len(toks) || !lowercaseWord(d.text, toks[j+1]) || prepositions[toks[j+1].word]) ||
				words == 2 || !lowercaseWord(d.text, toks[j]) || prepositions[toks[j].word] {
				break
			}
			j, words = j+1, words+1
		}
		if j+2 >= len(toks) {
			continue
		}
		preds, ok := d.v.EventNoun(toks[j].word)
		if j > first && toks[j-1].isWord() {
			// "Samsung's supply deal with Sony": a noun of two words is
			// the lexicon's own (supplies), not its last word's (a deal).
			if ps, two := d.v.EventNoun(toks[j-1].word + " " + toks[j].word); two {
				preds, ok = ps, true
			}
		}
		if !ok || !eventPrepositions[toks[j+1].word] {
			continue
		}
		at := j + 2
		for k := 0; k < 3 && at < len(toks) && (determiners[toks[at].word] || d.isFiller(toks[at]) && toks[at].mention < 0); k++ {
			at++
		}
		if at >= len(toks) || toks[at].mention < 0 {
			continue
		}
		subject, object := d.ments[possessor], d.ments[toks[at].mention]
		for _, p := range preds {
			pred := d.v.Predicate(p)
			if subject.entity == object.entity || !d.fits(subject, pred.SubjectTypes) || !d.fits(object, pred.ObjectTypes) {
				continue
			}
			out = append(out, candidate{at: i, from: j, to: j + 1, subject: subject, object: object, pred: pred,
				subjectAt: i, objectAt: at, confidence: 0.7, timed: true,
				reason: fmt.Sprintf("%q reads as %s", d.text[toks[i].start:toks[at].end], pred.Name)})
			break
		}
	}
	return out
}

// modifierRelations drafts the relations a name before another states
// where the vocabulary says so (Lexicon.object_modifier): "Denmark's
// Norvane Turbines", "British utility Aldermoor Energy" (based in), and a
// place after an organization's name and "of" ("Halcyon Rotor Systems of
// Portland, Maine"); and
// "New Bedford, Massachusetts", read as the vocabulary's "located in".
func (d *drafter) modifierRelations(toks []token) []candidate {
	var out []candidate
	modifiers, locatedIn := d.modifiers, d.locatedIn
	for i, t := range toks {
		if t.mention < 0 {
			continue
		}
		m := d.ments[t.mention]
		// The name it modifies: after "'s", or after a noun of the
		// vocabulary that names the modified entity ("utility",
		// "turbine maker"). Only a place or a polity modifies so.
		// Not a name a hyphen joins to a participle: "a Danish-owned
		// company" is owned, not based, there ("Boston-based" is the
		// lexicon's phrase).
		if d.isPolity(m) && !(i+1 < len(toks) && toks[i+1].glued) {
			j := i + 1
			possessive := j < len(toks) && toks[j].word == "'s"
			if possessive {
				j++
			} else {
				j = d.nounAfter(toks, i+1)
			}
			headAt := -1
			// The state of "the Portland, Maine-based company" says
			// where the city is, not the company.
			stateOfCity := i >= 2 && toks[i-1].word == "," && toks[i-2].mention >= 0 && d.ments[toks[i-2].mention].typ == "place"
			switch {
			case !possessive && i+1 < len(toks) && toks[i+1].pronoun && toks[i+1].description && stateOfCity:
			case !possessive && i+1 < len(toks) && toks[i+1].pronoun:
				// "the Danish manufacturer", read as the name it refers to.
				headAt, j = i+1, i+2
			case !possessive && i+3 < len(toks) && toks[i+1].word == "," && toks[i+2].mention >= 0 && toks[i+3].pronoun && toks[i+3].description &&
				toks[i+3].start > 0 && d.text[toks[i+3].start-1] == '-':
				// "the Portland, Maine-based company": based in Portland.
				headAt, j = i+3, i+4
			case !possessive && i+4 < len(toks) && toks[i+1].word == "," && toks[i+2].mention >= 0 && toks[i+3].word == "," && toks[i+4].pronoun:
				// "the Portland, Maine, company": based in Portland.
				headAt, j = i+4, i+5
			case j > i+1 && j < len(toks) && toks[j].mention >= 0:
				headAt = j
			case !possessive && j > i+1 && i >= 3 && (toks[i-1].word == "the" || toks[i-1].word == "a" || toks[i-1].word == "an") &&
				toks[i-2].word == "," && toks[i-3].mention >= 0:
				// An apposition: "Aldermoor Energy, the British utility".
				headAt = i - 3
			}
			if headAt >= 0 {
				head := d.ments[toks[headAt].mention]
				for _, p := range modifiers {
					if head.entity != m.entity && head.typ != "place" && d.fits(head, p.SubjectTypes) && d.fits(m, p.ObjectTypes) &&
						(possessive || toks[headAt].pronoun || d.nounFits(toks, i+1, j, head)) {
						from, to := min(t.start, toks[headAt].start), max(toks[j-1].end, toks[headAt].end)
						out = append(out, candidate{at: i, from: i, to: j, subject: head, object: m, pred: p, confidence: 0.75,
							reason: fmt.Sprintf("%q reads as %s", d.text[from:to], p.Name)})
					}
				}
			}
		}
		// "SK hynix, the SK Group chipmaker": in an apposition, an
		// organization that is no polity, before a noun of the described
		// entity's kind, is what the entity is part of.
		if p := d.partOf; p != nil && m.typ == "organization" && !d.isPolity(m) && !t.pronoun && i >= 3 && toks[i-1].word == "the" &&
			toks[i-2].word == "," && toks[i-3].mention >= 0 && (i+1 >= len(toks) || toks[i+1].word != "'s") {
			if j := d.nounAfter(toks, i+1); j > i+1 && (j >= len(toks) || toks[j].word == "," || toks[j].word == ".") {
				if head := d.ments[toks[i-3].mention]; head.entity != m.entity && !toks[i-3].pronoun && d.nounFits(toks, i+1, j, head) &&
					d.fits(head, p.SubjectTypes) && d.fits(m, p.ObjectTypes) {
					out = append(out, candidate{at: i, from: i - 3, to: j, subject: head, object: m, pred: p, confidence: 0.7,
						reason: fmt.Sprintf("%q reads as %s", d.text[toks[i-3].start:toks[j-1].end], p.Name)})
				}
			}
		}
		// "Halcyon Rotor Systems of Portland, Maine": an organization of a
		// place or a polity is based there (not "the arm of Aldermoor",
		// no name; not "Japan's Toshiba", a possessive).
		if (m.typ == "organization" || m.pending > 0 && m.typ == "") && !m.demonym && !t.pronoun && i+2 < len(toks) && toks[i+1].word == "of" &&
			toks[i+2].mention >= 0 && !toks[i+2].pronoun && (i+3 >= len(toks) || toks[i+3].word != "'s") {
			if place := d.ments[toks[i+2].mention]; d.isPolity(place) && place.entity != m.entity {
				for _, p := range modifiers {
					if d.fits(m, p.SubjectTypes) && d.fits(place, p.ObjectTypes) {
						out = append(out, candidate{at: i, from: i, to: i + 3, subject: m, object: place, pred: p, confidence: 0.7,
							reason: fmt.Sprintf("%q reads as %s", d.text[t.start:toks[i+2].end], p.Name)})
					}
				}
			}
		}
		// "City, State".
		if locatedIn != nil && m.typ == "place" && i+2 < len(toks) && toks[i+1].word == "," && toks[i+2].mention >= 0 {
			if state := d.ments[toks[i+2].mention]; d.fits(m, locatedIn.SubjectTypes) && d.fits(state, locatedIn.ObjectTypes) && state.entity != m.entity {
				out = append(out, candidate{at: i, from: i, to: i + 3, subject: m, object: state, pred: locatedIn, confidence: 0.8,
					reason: fmt.Sprintf("%q reads as %s", d.text[t.start:toks[i+2].end], locatedIn.Name)})
			}
		}
	}
	return out
}

// polityNouns are the nouns of a kind whose entities are polities: a
// country's or a state's name before a company's says where it is based.
var polityNouns = []string{"country", "nation", "state", "us state"}

// isPolity reports whether a mention names a place or a polity (an
// entity of a kind the vocabulary calls a country, nation or state).
func (d *drafter) isPolity(m mention) bool {
	if m.typ == "place" {
		return true
	}
	for _, k := range m.kinds {
		for _, n := range polityNouns {
			if noun, ok := d.v.Noun(n); ok && slices.Contains(noun.Kinds, k) {
				return true
			}
		}
	}
	return false
}

// nounAfter returns the index after the one or two lowercase words at
// toks[i:] that end in a type or kind noun of the vocabulary, or i.
func (d *drafter) nounAfter(toks []token, i int) int {
	for n := 2; n >= 1; n-- {
		if i+n > len(toks) {
			continue
		}
		var words []string
		for k := i; k < i+n; k++ {
			if !toks[k].isWord() || d.text[toks[k].start] < 'a' || d.text[toks[k].start] > 'z' {
				words = nil
				break
			}
			words = append(words, toks[k].word)
		}
		if words == nil {
			continue
		}
		if _, ok := d.v.Noun(strings.Join(words, " ")); ok {
			return i + n
		}
		if _, ok := d.v.Noun(words[len(words)-1]); ok {
			return i + n
		}
	}
	return i
}

// nounFits reports whether the noun at toks[i:j] names the entity of m:
// a noun of its type, or of one of its kinds or a broader one.
func (d *drafter) nounFits(toks []token, i, j int, m mention) bool {
	words := make([]string, 0, j-i)
	for k := i; k < j; k++ {
		words = append(words, toks[k].word)
	}
	for k := range words {
		noun, ok := d.v.Noun(strings.Join(words[k:], " "))
		if !ok {
			continue
		}
		if noun.Type == m.typ {
			return true
		}
		for _, nk := range noun.Kinds {
			if d.v.Fits(m.typ, m.kinds, []string{d.v.Kind(nk).Name}) {
				return true
			}
		}
	}
	return false
}

// phrasePredicate is the predicate the lexicon reads words as, forward,
// as a relational noun or not, or nil: "located in", "owner of".
func phrasePredicate(v *vocab.Vocabulary, noun bool, words ...string) *vocab.Predicate {
	for _, ph := range v.Phrases() {
		if !ph.Passive && ph.Noun == noun && slices.Equal(ph.Words, words) {
			return v.Predicate(ph.Predicate)
		}
	}
	return nil
}

// titleRelations drafts the relations a title between an organization
// and a person states: "Kittiwake chief executive Marisol Okafor",
// "Kittiwake's chief executive, Marisol Okafor", "Marisol Okafor,
// Kittiwake's chief executive".
func (d *drafter) titleRelations(toks []token) []candidate {
	var out []candidate
	for i, t := range toks {
		j := i + 1
		var org mention
		switch {
		case t.mention >= 0:
			org = d.ments[t.mention]
			if j < len(toks) && toks[j].word == "'s" {
				j++
			}
		case t.word == "its" || t.word == "their" || t.word == "whose":
			// "The company also named Marisol Okafor as its chief
			// executive", "MHIP, whose managing partner Rafael Ortiz".
			k := d.possessorOf(toks, i)
			if k < 0 {
				continue
			}
			org = d.ments[k]
		default:
			continue
		}
		for _, tp := range d.titlePhrases() {
			end, ok := matchWords(toks, j, tp.words)
			if !ok {
				continue
			}
			if !d.fits(org, tp.pred.ObjectTypes) {
				continue
			}
			role := titleCase(d.text[toks[j].start:toks[end-1].end])
			// The person after the title, or before the organization.
			p := end
			if p < len(toks) && (toks[p].word == "," || copulas[toks[p].word] && (toks[j-1].word == "'s" || t.mention < 0)) {
				p++ // "whose chief executive is Marisol Okafor"
			}
			var person = -1
			if p < len(toks) && toks[p].mention >= 0 && d.fits(d.ments[toks[p].mention], tp.pred.SubjectTypes) && (p+1 >= len(toks) || toks[p+1].word != "'s") {
				person = p
			} else if i >= 2 && toks[i-1].word == "," && toks[i-2].mention >= 0 && toks[j-1].word == "'s" &&
				d.fits(d.ments[toks[i-2].mention], tp.pred.SubjectTypes) {
				person = i - 2
			} else if (toks[j-1].word == "'s" || t.mention < 0) && i > 0 && copulas[toks[i-1].word] {
				// "Okafor, who took over as Kittiwake's chief executive".
				person, _ = d.nearest(toks, i-1, -1, -1, tp.pred.SubjectTypes)
			}
			if person < 0 {
				continue
			}
			out = append(out, candidate{
				at: i, from: j, to: end, subject: d.ments[toks[person].mention], object: org, pred: tp.pred,
				confidence: titleConfidence, role: role,
				reason: fmt.Sprintf("the person's title %q at the organization reads as %s", role, tp.pred.Name),
			})
			break
		}
	}
	return out
}

// copulas before "X's title" or "its title" make the subject before them
// the title's holder: "Okafor, who took over as Kittiwake's chief
// executive", "has been its chief executive".
var copulas = map[string]bool{"as": true, "is": true, "was": true, "been": true, "became": true, "becomes": true,
	"remains": true, "remained": true}

// relationalNouns returns the lexicon's relational nouns without their
// preposition, by their words ("backers" of "backers of"), longest first
// within a first word.
func (d *drafter) relationalNouns() map[string][]vocab.Phrase {
	if d.nouns == nil {
		d.nouns = map[string][]vocab.Phrase{}
		for _, ph := range d.v.Phrases() {
			if n := len(ph.Words); ph.Noun && n >= 2 && prepositions[ph.Words[n-1]] && !slices.Contains(ph.Words, "*") {
				d.nouns[ph.Words[0]] = append(d.nouns[ph.Words[0]], ph)
			}
		}
	}
	return d.nouns
}

// possessiveRelations drafts the relations a possessive with a relational
// noun of the lexicon states, "X's backer" being "the backer of X":
// "Bluefin Climate Ventures, Halcyon's largest investor", "the wind
// farm's backers, MHIP and the Great Lakes Teachers Pension Fund". The
// one the noun names stands beside it, after a comma, or before "is" or
// "as".
func (d *drafter) possessiveRelations(toks []token) []candidate {
	var out []candidate
	for i := 0; i+2 < len(toks); i++ {
		var possessor mention
		first := i + 2 // the first word after the possessive
		switch {
		case toks[i].mention >= 0 && toks[i+1].word == "'s":
			possessor = d.ments[toks[i].mention]
		case toks[i].word == "its" || toks[i].word == "their":
			k := d.possessorOf(toks, i)
			if k < 0 {
				continue
			}
			possessor, first = d.ments[k], i+1
		default:
			continue
		}
		// "Kittiwake Offshore Wind's Gannet Bank", "its Petrel Ridge wind
		// farm": what the possessor owns, if the lexicon says who owns.
		if toks[first].mention >= 0 {
			if owner := d.owner; owner != nil {
				owned := d.ments[toks[first].mention]
				if owned.entity != possessor.entity && d.fits(possessor, owner.SubjectTypes) && d.fits(owned, owner.ObjectTypes) {
					out = append(out, candidate{at: i, from: i, to: first + 1, subject: possessor, object: owned, pred: owner, confidence: 0.6,
						reason: fmt.Sprintf("%q reads as %s", d.text[toks[i].start:toks[first].end], owner.Name)})
				}
			}
			continue
		}
		// "Norvane's patented swept blade-tip design": the participle of
		// a one-word verb of the lexicon says what the possessor does to
		// the name after it.
		if first+1 < len(toks) && toks[first].isWord() && strings.HasSuffix(toks[first].word, "ed") && toks[first+1].mention >= 0 && !toks[first+1].pronoun {
			for _, ph := range d.phrasesByHead()[toks[first].word] {
				pred := d.v.Predicate(ph.Predicate)
				object := d.ments[toks[first+1].mention]
				if len(ph.Words) != 1 || ph.Noun || ph.Passive || object.entity == possessor.entity || !d.fits(possessor, pred.SubjectTypes) || !d.fits(object, pred.ObjectTypes) {
					continue
				}
				out = append(out, candidate{at: i, from: first, to: first + 2, subject: possessor, object: object, pred: pred, subjectAt: i, objectAt: first + 1, confidence: 0.7,
					reason: fmt.Sprintf("%q reads as %s", d.text[toks[i].start:toks[first+1].end], pred.Name)})
				break
			}
		}
		// Up to two lowercase words or adjectives of countries before the
		// noun ("largest", "earlier", "new Dutch").
		for skip := 0; skip <= 2; skip++ {
			at := first + skip
			if at >= len(toks) || (skip > 0 && !lowercaseWord(d.text, toks[at-1]) && !(toks[at-1].mention >= 0 && d.ments[toks[at-1].mention].demonym)) {
				break
			}
			for _, ph := range d.relationalNouns()[toks[at].word] {
				noun := ph.Words[:len(ph.Words)-1]
				end, ok := matchWords(toks, at, noun)
				if !ok {
					continue
				}
				holders := d.nounHolders(toks, i, end)
				for _, h := range holders {
					pred := d.v.Predicate(ph.Predicate)
					subject, object := d.ments[toks[h].mention], possessor
					if ph.Passive {
						subject, object = object, subject
					}
					if subject.entity == object.entity || !d.fits(subject, pred.SubjectTypes) || !d.fits(object, pred.ObjectTypes) {
						continue
					}
					out = append(out, candidate{at: i, from: at, to: end, subject: subject, object: object, pred: pred, confidence: 0.7,
						reason: fmt.Sprintf("%q reads as %s", d.text[toks[i].start:toks[end-1].end], pred.Name)})
				}
				if len(holders) > 0 {
					skip = 3 // the noun is read
					break
				}
			}
		}
	}
	return out
}

// compoundNounRelations drafts the relations a relational noun of the
// lexicon states with its object before it, as a compound, of the name it
// describes in an apposition: "Kioxia, the world's No. 2 NAND flash
// producer" (producer of NAND flash), "Sony, a TV maker", or before it:
// "the blade maker Halcyon".
func (d *drafter) compoundNounRelations(toks []token) []candidate {
	var out []candidate
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].mention < 0 || toks[i].pronoun {
			continue
		}
		object := d.ments[toks[i].mention]
		for _, ph := range d.relationalNouns()[toks[i+1].word] {
			end, ok := matchWords(toks, i+1, ph.Words[:len(ph.Words)-1])
			if !ok || ph.Passive || end < len(toks) && toks[end].word == "of" {
				continue
			}
			pred := d.v.Predicate(ph.Predicate)
			if !d.fits(object, pred.ObjectTypes) {
				continue
			}
			holder := -1
			if end < len(toks) && toks[end].mention >= 0 && !toks[end].pronoun {
				holder = end // "the blade maker Halcyon"
			} else {
				holder = d.appositionHead(toks, i, end)
			}
			if holder < 0 {
				continue
			}
			subject := d.ments[toks[holder].mention]
			if subject.entity == object.entity || !d.fits(subject, pred.SubjectTypes) {
				continue
			}
			out = append(out, candidate{at: i, from: i, to: end, subject: subject, object: object, pred: pred, subjectAt: holder, objectAt: i, confidence: 0.7,
				reason: fmt.Sprintf("%q reads as %s", d.text[toks[i].start:toks[end-1].end], pred.Name)})
			break
		}
	}
	return out
}

// ofNounRelations drafts the relations a relational noun of the lexicon
// with its object after it states of the name it describes in an
// apposition: "Kittiwake Offshore Wind, the Boston-based developer of
// the Gannet Bank wind farm".
func (d *drafter) ofNounRelations(toks []token) []candidate {
	var out []candidate
	for i := 1; i+1 < len(toks); i++ {
		first := i + 1
		// The noun's words in this token: the word, or for a description
		// read as the name it describes ("the Boston-based developer",
		// "the chief executive"), its last words: the name is the holder.
		said := []string{toks[i].word}
		if toks[i].description {
			said = strings.Fields(strings.ToLower(d.text[toks[i].start:toks[i].end]))
		}
		type reading struct {
			ph   vocab.Phrase
			rest []string
		}
		// A noun of more than the description's last word ("the chief
		// executive of") only in an apposition or after a copula, of the
		// name before: "Okafor, the chief executive of Kittiwake", "Okafor
		// is the chief executive of Kittiwake"; not the description a
		// clause's word is of ("an assistant to the chief executive of").
		named := -1
		if toks[i].description && i >= 2 && toks[i-2].mention >= 0 && !toks[i-2].pronoun && (toks[i-1].word == "," || copulas[toks[i-1].word]) {
			named = i - 2
		}
		var readings []reading
		for s := range said {
			if s < len(said)-1 && named < 0 || s > 0 && notThePost[said[s-1]] || s == 0 && i > 0 && notThePost[toks[i-1].word] {
				continue
			}
			for _, ph := range d.relationalNouns()[said[s]] {
				if n := len(said) - s; len(ph.Words) > n && slices.Equal(ph.Words[:n], said[s:]) {
					readings = append(readings, reading{ph, ph.Words[n:]})
				}
			}
		}
		for _, rd := range readings {
			ph := rd.ph
			end, ok := matchWords(toks, first, rd.rest)
			if !ok {
				continue
			}
			obj := end
			if obj < len(toks) && toks[obj].word == "the" {
				obj++
			}
			holder := i
			if !toks[i].description {
				holder = d.appositionHead(toks, i, obj+1)
			} else if len(rd.rest) < len(ph.Words)-1 {
				holder = named // the name the apposition or the copula is of
			}
			// "the chief executive of Kittiwake's parent": the object's
			// possessive is of another noun.
			if obj >= len(toks) || toks[obj].mention < 0 || toks[obj].pronoun || holder < 0 || obj+1 < len(toks) && toks[obj+1].word == "'s" {
				continue
			}
			pred := d.v.Predicate(ph.Predicate)
			subject, object := d.ments[toks[holder].mention], d.ments[toks[obj].mention]
			if ph.Passive {
				subject, object = object, subject
			}
			if subject.entity == object.entity || !d.fits(subject, pred.SubjectTypes) || !d.fits(object, pred.ObjectTypes) {
				continue
			}
			// "the chief executive of": a noun of titles gives the holder
			// the title, as the text words it.
			role := ""
			if len(ph.Titles) > 0 && pred.TitleRole {
				role = titleCase(strings.Join(ph.Words[:len(ph.Words)-1], " "))
			}
			out = append(out, candidate{at: i, from: i, to: obj + 1, subject: subject, object: object, pred: pred, subjectAt: holder, objectAt: obj, confidence: 0.7,
				role: role, reason: fmt.Sprintf("%q reads as %s", d.text[toks[i].start:toks[obj].end], pred.Name)})
			break
		}
	}
	return out
}

// appositionHead returns the name an apposition whose noun phrase holds
// toks[i] and ends before toks[end] describes: back over its article and
// modifiers (a few words, names only as modifiers) to the comma after the
// name, "Kittiwake, the Boston-based developer"; or -1.
func (d *drafter) appositionHead(toks []token, i, end int) int {
	k := i - 1
	for k >= 0 && k > i-9 && (toks[k].mention < 0 || d.isModifier(toks, k)) {
		if toks[k].word == "," {
			// "a New London, Connecticut-based installer": the comma of a
			// city and its state, within the modifiers.
			if k < 1 || toks[k-1].mention < 0 || d.ments[toks[k-1].mention].typ != "place" || k+1 >= len(toks) || toks[k+1].mention < 0 || !gluedModifier(toks, k+1) {
				break
			}
			k--
		}
		k--
	}
	if k < 1 || toks[k].word != "," || toks[k-1].mention < 0 || toks[k-1].pronoun || !articleWords[toks[k+1].word] {
		return -1
	}
	// Not a name in a phrase before the clause: "Unlike Norvane, the
	// Boston-based Kittiwake agreed", "Like Corvid, a blade maker must
	// grow". The head starts the sentence, or follows a verb or a comma.
	h := k - 1
	if b := h - 1; b >= 0 && (toks[b].word == "the" && b >= 1 && (prepositions[toks[b-1].word] || frontWords[toks[b-1].word]) || prepositions[toks[b].word] || frontWords[toks[b].word]) {
		return -1
	}
	// The apposition ends at a comma, a relative pronoun or the sentence's
	// end, not at a name it runs into: "Norvane, the Boston-based
	// Kittiwake".
	for j := end; j < len(toks) && j < end+4; j++ {
		if toks[j].word == "," || toks[j].word == "." || objectPronouns[toks[j].word] || toks[j].word == "who" {
			return h
		}
		if toks[j].mention >= 0 && !d.isModifier(toks, j) {
			return -1
		}
	}
	return h
}

// frontWords open a phrase before a sentence's subject: "Unlike Norvane,
// the company ...".
var frontWords = map[string]bool{"unlike": true, "like": true, "after": true, "before": true, "while": true, "although": true,
	"though": true, "when": true, "if": true, "as": true, "besides": true, "despite": true, "since": true, "meeting": true}

// articleWords open a noun phrase.
var articleWords = map[string]bool{"the": true, "a": true, "an": true}

// possessorOf returns the mention the possessive pronoun at toks[i]
// stands for: for "its" or "their", the first organization the sentence
// names before it, the clause's subject as a rule ("Fulmar said it had
// chosen Norvane to supply the turbines for its wind farm"); for "whose",
// the last one ("MHIP, whose managing partner"); modifiers left out; or
// else the last one named before the sentence. It returns -1 when there is
// none.
func (d *drafter) possessorOf(toks []token, i int) int {
	// An organization, or a new name of no type yet, which the relation
	// drafted may make one ("Ledgerock Steel at its plant").
	isOrg := func(m mention) bool { return (m.typ == "organization" || m.pending > 0 && m.typ == "") && !m.demonym }
	found := -1
	for b := i - 1; b >= 0; b-- {
		// Outside a quotation, not what the quotation names.
		// A possessor is one ("Halcyon's blade factory ... its
		// research"); another modifier is not ("the Danish manufacturer").
		possessor := b+2 < len(toks) && toks[b+1].word == "'s" && (toks[b+2].mention < 0 || d.ments[toks[b+2].mention].typ == "topic") // not "Denmark's Norvane"
		if toks[b].mention >= 0 && isOrg(d.ments[toks[b].mention]) && (possessor || !d.isModifier(toks, b)) && toks[b].quoted == toks[i].quoted && toks[b].start >= d.datelineEnd {
			found = toks[b].mention
			if toks[i].word == "whose" {
				break
			}
		}
	}
	if found >= 0 {
		return found
	}
	// Before the sentence, not the state of "Aarhus, Denmark", which only
	// says where the city is.
	return d.antecedent(toks[0].start, antecedentReach, func(m mention) bool { return isOrg(m) && !d.stateOfCity(m) })
}

// stateOfCity reports whether mention m comes right after a place and a
// comma, as the state or country of "City, State" does.
func (d *drafter) stateOfCity(m mention) bool {
	k, _ := slices.BinarySearchFunc(d.ments, m.start, func(x mention, at int) int { return x.start - at })
	if k == 0 {
		return false
	}
	prev := d.ments[k-1]
	return prev.typ == "place" && strings.TrimSpace(d.text[prev.end:m.start]) == ","
}

// listVerbs between a possessive's noun and its holders: "Gannet Bank's
// backers include the infrastructure fund MHIP".
var listVerbs = map[string]bool{"include": true, "includes": true, "included": true, "are": true, "were": true, "is": true, "was": true}

// nounHolders returns the tokens of the names a possessive's noun, from
// toks[i] to toks[end], names: after it ("the backers, MHIP and ...",
// "its longtime backer Bluefin"), before it in an apposition ("Bluefin,
// Halcyon's investor"), or before a copula ("Bluefin is Halcyon's
// investor").
func (d *drafter) nounHolders(toks []token, i, end int) []int {
	var out []int
	j := end
	if j < len(toks) && toks[j].word == "," {
		j++
	}
	if j < len(toks) && listVerbs[toks[j].word] {
		j++
		// A description before the name: "the infrastructure fund MHIP".
		for k := j; k < len(toks) && k < j+4 && lowercaseWord(d.text, toks[k]); k++ {
			if k+1 < len(toks) && toks[k+1].mention >= 0 {
				j = k + 1
			}
		}
	}
	for j < len(toks) && toks[j].mention >= 0 {
		out = append(out, j)
		j++
		if j+1 < len(toks) && (toks[j].word == "and" || toks[j].word == ",") {
			j++
			if toks[j].word == "the" && j+1 < len(toks) {
				j++
			}
		}
	}
	if len(out) > 0 {
		return out
	}
	if i >= 2 && toks[i-1].word == "," && toks[i-2].mention >= 0 {
		return []int{i - 2}
	}
	// Before a copula, an adverb or two aside: "Aldermoor is also
	// Halcyon's largest shareholder".
	c := i - 1
	for c >= 1 && copulaAdverbs[toks[c].word] && i-c <= 2 {
		c--
	}
	if c >= 1 && copulas[toks[c].word] {
		// A relative clause before the copula is not its subject: "The
		// British utility, which completed its purchase of Gannet Bank,
		// is also Fulmar's largest shareholder".
		k := c - 1
		if clauses := relativeClauses(toks, c); len(clauses) > 0 && clauses[len(clauses)-1][1] == c-1 {
			k = clauses[len(clauses)-1][0] - 1
			if k < 0 || toks[k].mention < 0 {
				return nil // the clause's head is no name: "The company Norvane sued, which ..., is"
			}
		}
		for ; k >= 0; k-- {
			if toks[k].mention >= 0 {
				return []int{k}
			}
		}
	}
	return nil
}

// copulaAdverbs may stand between a copula and what it says: "is also",
// "was once", "remains the".
var copulaAdverbs = map[string]bool{"also": true, "now": true, "still": true, "once": true, "already": true, "again": true}

func lowercaseWord(text string, t token) bool {
	return t.isWord() && text[t.start] >= 'a' && text[t.start] <= 'z'
}

// titlePhrase is a title that names a predicate's relation: "chief
// executive" of leads.
type titlePhrase struct {
	words []string
	pred  *vocab.Predicate
}

// titledAs drafts, for an appointment (a relation from an organization
// to a person: "named Marisol Okafor as its chief executive", "joined
// Kittiwake as chief executive", "named Okafor chief executive") whose
// person, or whose organization after "as", a title follows that ends its
// noun phrase, the title's relation of the person at the organization,
// with the title as its role: an appointment to a post says who holds it.
// A title of something else ("as chief executive of its U.S. arm", "as
// chief executive Marisol Okafor's deputy", "Kittiwake chairman Graham
// Whitcombe hired Okafor") gives none.
func (d *drafter) titledAs(toks []token, found []candidate) []candidate {
	var out []candidate
	for _, c := range found {
		if c.subject.typ != "organization" || c.object.typ != "person" || !slices.Contains(c.pred.SubjectTypes, "organization") || !slices.Contains(c.pred.ObjectTypes, "person") {
			continue
		}
		person, org := c.object, c.subject
		for _, at := range []int{c.objectAt, c.subjectAt} {
			if at <= 0 || at >= len(toks) || toks[at].mention < 0 {
				continue
			}
			j := at + 1
			as := j < len(toks) && toks[j].word == "as"
			if as {
				j++
			} else if at != c.objectAt {
				continue // after the organization only "as": not "Kittiwake chairman Graham Whitcombe"
			}
			if j < len(toks) && (articleWords[toks[j].word] || toks[j].word == "its" || toks[j].word == "their") {
				j++
			}
			for _, tp := range d.titlePhrases() {
				end, ok := matchWords(toks, j, tp.words)
				if !ok || !d.fits(person, tp.pred.SubjectTypes) || !d.fits(org, tp.pred.ObjectTypes) {
					continue
				}
				// The title ends its noun phrase: at punctuation, or a
				// preposition of time ("from April 1", "in 2020").
				if end < len(toks) && !toks[end].punct && !titleEnds[toks[end].word] {
					break
				}
				role := titleCase(d.text[toks[j].start:toks[end-1].end])
				out = append(out, candidate{at: c.at, from: c.from, to: end, subject: person, object: org, pred: tp.pred, confidence: titleConfidence,
					role: role, timed: true, subjectAt: c.objectAt, objectAt: c.subjectAt,
					reason: fmt.Sprintf("%s with the title %q reads as %s", c.pred.Name, role, tp.pred.Name)})
				break
			}
		}
	}
	return out
}

// titleEnds may follow a title that ends its noun phrase: "as chief
// executive from April 1", "as chairman in 2020", "as chief executive
// and".
var titleEnds = map[string]bool{"from": true, "in": true, "on": true, "since": true, "until": true, "effective": true, "and": true, "after": true, "when": true}

// titlePhrases returns the titles of the lexicon's title-role
// predicates, longest first.
func (d *drafter) titlePhrases() []titlePhrase {
	if d.titles == nil {
		seen := map[string]bool{}
		for _, ph := range d.v.Phrases() {
			pred := d.v.Predicate(ph.Predicate)
			if !pred.TitleRole || ph.Passive {
				continue
			}
			for _, t := range ph.Titles {
				if !seen[t] {
					seen[t] = true
					d.titles = append(d.titles, titlePhrase{words: strings.Fields(t), pred: pred})
				}
			}
		}
		slices.SortStableFunc(d.titles, func(a, b titlePhrase) int { return len(b.words) - len(a.words) })
	}
	return d.titles
}

// matchWords reports whether words are the words at toks[i:], and where
// they end.
func matchWords(toks []token, i int, words []string) (int, bool) {
	for k, w := range words {
		if i+k >= len(toks) || !toks[i+k].isWord() || toks[i+k].word != w {
			return 0, false
		}
	}
	return i + len(words), true
}

// titleCase capitalizes each word: "chief executive" → "Chief Executive".
func titleCase(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		r, n := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToUpper(r)) + w[n:]
	}
	return strings.Join(words, " ")
}

// qualifiers reads what the sentence says of a relation: its time, a
// place it happens in, the subject's title, its status and amounts.
func (d *drafter) qualifiers(c candidate, s coverage.Sentence, toks []token) *pb.Qualifiers {
	q := &pb.Qualifiers{Role: c.role}
	if c.timed {
		// The time nearest the phrase, not in a clause after the object
		// ("He succeeds Ruth Calder, who founded the company in 2009").
		from, to := toks[c.from].start-s.Start, toks[c.to-1].end-s.Start
		clauseEnd := len(s.Text)
		for j := max(c.objectAt, c.to); j < len(toks); j++ {
			if w := toks[j].word; w == "," || w == ";" || w == "who" || w == "which" {
				clauseEnd = toks[j].start - s.Start
				break
			}
		}
		// Nor in a relative clause before the phrase ("Brandt, who worked
		// there until May, succeeds").
		var relative [][2]int
		for _, r := range relativeClauses(toks, c.from) {
			relative = append(relative, [2]int{toks[r[0]].start - s.Start, toks[r[1]].start - s.Start})
		}
		best := -1
		for _, t := range readTimes(s.Text, d.dateline) {
			if t.at >= clauseEnd || slices.ContainsFunc(relative, func(r [2]int) bool { return r[0] <= t.at && t.at < r[1] }) {
				continue
			}
			dist := t.at - to
			if t.at < from {
				dist = from - t.at - len(t.span.GetText())
			}
			if best < 0 || dist < best {
				best, q.Time = max(dist, 0), t.span
			}
		}
	}
	lo, hi := min(c.from, tokenOf(toks, c.subject.start), tokenOf(toks, c.object.start)), max(c.to, tokenOf(toks, c.object.start)+1, tokenOf(toks, c.subject.start)+1)
	lo = max(0, min(lo, c.from-3))
	// "Western Digital's attempt to buy Kioxia fell through": the
	// relation is the clause's subject, whose verb gives its status.
	statusTo := hi
	intent := intentOf(toks, c)
	if intent >= 0 {
		for statusTo < len(toks) && toks[statusTo].word != "," && toks[statusTo].word != ";" && toks[statusTo].word != "." {
			if negations[toks[statusTo].word] {
				statusTo = hi // "was never kept": no status of the clause's
				break
			}
			statusTo++
		}
	}
	for j := lo; j < statusTo && j < len(toks); j++ {
		if !toks[j].isWord() {
			continue
		}
		if j+1 < len(toks) && toks[j+1].isWord() {
			if st, ok := d.v.Status(toks[j].word + " " + toks[j+1].word); ok && q.Status == 0 {
				q.Status = st
			}
		}
		if st, ok := d.v.Status(toks[j].word); ok && q.Status == 0 {
			q.Status = st
		}
	}
	if intent >= 0 && q.Status == 0 {
		q.Status = intentNouns[toks[intent].word] // "attempt to buy": attempted, unless the clause says more
	}
	if q.Role == "" && c.pred.TitleRole {
		lower := strings.ToLower(s.Text)
		for _, t := range c.titles {
			if i := strings.Index(lower, t); i >= 0 {
				q.Role = titleCase(s.Text[i : i+len(t)])
				break
			}
		}
	}
	if !slices.Contains(c.pred.ObjectTypes, "place") {
		for j := 1; j < len(toks); j++ {
			m := toks[j].mention
			if m < 0 || toks[j].pronoun || (toks[j-1].word != "in" && toks[j-1].word != "at") {
				continue
			}
			// The place's words as the quote has them.
			if pm := d.ments[m]; pm.typ == "place" && pm.entity != c.subject.entity && pm.entity != c.object.entity {
				q.Place = &pb.PlaceRef{Text: d.text[toks[j].start:toks[j].end], Entity: pm.entity}
				break
			}
		}
	}
	// Amounts between the phrase and the object: "a 25 percent stake in".
	for j := c.from; j < hi && j < len(toks); j++ {
		var words []string
		for k := j; k < len(toks) && k < j+4 && toks[k].isWord(); k++ {
			words = append(words, toks[k].word)
		}
		if v, n, ok := quantity.Read(words); ok && n > 0 && v.Unit != "" {
			q.Quantities = append(q.Quantities, &pb.Quantity{
				Amount: strconv.FormatFloat(v.Amount, 'f', -1, 64), Unit: v.Unit,
				Text: d.text[toks[j].start:toks[j+n-1].end],
			})
			j += n - 1
		}
	}
	if c.timed {
		// A verb's or an event's, not a name's beside a name ("Denmark's
		// Norvane sued Halcyon because ...").
		q.Reason = reasonAfter(d.text, toks, max(c.to, tokenOf(toks, c.object.start)+1))
	}
	if q.Time == nil && q.Place == nil && q.Status == 0 && q.Role == "" && len(q.Quantities) == 0 && q.Reason == "" {
		return nil
	}
	return q
}

// reasonAfter returns the clause that "because" (or "because of") opens
// after toks[from], in the relation's own clause, to a comma, a semicolon
// or the sentence's end, as text says it: why the relation before it
// holds ("will now open in 2028 ..., because heavy-lift cranes for the
// port have been delayed"). A "because" another clause or name comes
// before ("..., but Aldermoor pulled out because"), one negated ("not
// because of price"), or a quoted one gives "".
func reasonAfter(text string, toks []token, from int) string {
	for j, words := from, 0; j+1 < len(toks); j++ {
		w := toks[j].word
		if toks[j].mention >= 0 || w == ";" || reasonStops[w] || words > maxReasonGap {
			return ""
		}
		if w != "because" {
			if toks[j].isWord() {
				words++
			}
			continue
		}
		if toks[j].quoted || j > 0 && negations[toks[j-1].word] {
			return ""
		}
		start := j + 1
		if toks[start].word == "of" {
			start++
		}
		end := start
		for end < len(toks) && !toks[end].punct {
			end++
		}
		if end <= start {
			return ""
		}
		return text[toks[start].start:toks[end-1].end]
	}
	return ""
}

// maxReasonGap is the most words between a relation and the "because"
// that gives its reason.
const maxReasonGap = 12

// reasonStops open another clause, whose "because" is its own: "and the
// suit was dropped because", "whose chief executive resigned because".
var reasonStops = map[string]bool{"and": true, "but": true, "while": true, "although": true, "though": true, "whose": true, "which": true,
	"who": true, "that": true, "after": true, "when": true, "until": true, "before": true, "if": true, "unless": true}

// tokenOf is the index of the token starting at byte start, or 0.
func tokenOf(toks []token, start int) int {
	for i, t := range toks {
		if t.start == start {
			return i
		}
	}
	return 0
}

// eventNoun reports whether word is an event noun of the lexicon.
func (d *drafter) eventNoun(word string) bool {
	_, ok := d.v.EventNoun(word)
	return ok
}
