package vocab

import (
	"fmt"
	"slices"
	"strings"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/server/english"
)

// Phrase is one way English says a predicate: a phrase of its lexicon in
// one of its inflections.
type Phrase struct {
	// Words are the lowercase words of the phrase, such as
	// ["coordinated", "against"]. A "*" word is a gap where the object goes,
	// as in ["regards", "*", "as", "strategic"].
	Words []string
	// Predicate is what the phrase means.
	Predicate ID
	// Passive is set when the phrase reads object → subject: the noun
	// before it is the predicate's object, as in "acquired by" or an
	// inverse lexicon entry.
	Passive bool
	// Noun is set for relational nouns ("chairman of"), which follow a
	// copula: "Who is the chairman of SK Group?".
	Noun bool
	// Titles are, for a relational noun or a verb, the titles it names, lowercase:
	// a relation answers it only when its role holds one (see
	// pb.Phrase.titles).
	Titles []string
	// Also are the other predicates the same words mean, read the same
	// way (passive or not, noun or verb): "supply" of both "supplies
	// cables to" and "supplies turbines to". A question that uses the
	// phrase asks about any of them.
	Also []ID
}

// Predicates returns every predicate the phrase means: Predicate, then
// Also.
func (p Phrase) Predicates() []ID { return append([]ID{p.Predicate}, p.Also...) }

// Noun is what a noun of the vocabulary names: entities of a type, or of
// some kinds.
type Noun struct {
	// Singular is the noun in the singular, as the vocabulary gives it.
	Singular string
	// Type is the entity type (or "relation") it names, for a type noun.
	Type string
	// Kinds are the kinds that declare it, for a kind noun; it names their
	// entities and those of every narrower kind.
	Kinds []KindID
}

// lexicon is everything derived from the vocabulary's words.
type lexicon struct {
	phrases    []Phrase
	fixedHeads map[string]bool
	events     map[string]eventNoun
	nouns      map[string]Noun
	statuses   map[string]pb.RelationStatus
	words      []string   // every single word of the lexicon, sorted
	baseWords  []BaseWord // the one-word verbs and nouns, as declared
}

// BaseWord is a word of the lexicon that is a whole entry by itself, as
// the vocabulary declares it: a verb in its base form ("acquire"), an
// event noun ("acquisition") or a type or kind noun ("company"), singular.
type BaseWord struct {
	Word string
	// Verb is set for a verb (of Predicate, read in reverse when
	// Inverse); otherwise it is a noun.
	Verb      bool
	Predicate ID
	Inverse   bool
}

type eventNoun struct {
	singular   string
	predicates []ID
}

// buildLexicon inflects the vocabulary's words.
func buildLexicon(v *Vocabulary) lexicon {
	lx := lexicon{fixedHeads: map[string]bool{}, events: map[string]eventNoun{}, nouns: map[string]Noun{}, statuses: map[string]pb.RelationStatus{}}
	seen := map[string]bool{}
	add := func(words string, p ID, passive, noun bool, titles ...string) {
		key := words + "|" + v.preds[p].Key
		if seen[key] {
			return
		}
		seen[key] = true
		lx.phrases = append(lx.phrases, Phrase{Words: strings.Fields(words), Predicate: p, Passive: passive, Noun: noun, Titles: titles})
	}
	for _, rec := range v.preds {
		lex := rec.msg.GetLexicon()
		for _, verb := range lex.GetVerbs() {
			text := verb.GetText()
			head, rest, _ := strings.Cut(text, " ")
			forms := english.Inflections(head)
			participle := english.PastParticiple(head)
			if verb.GetPast() != "" {
				forms[2] = verb.GetPast()
			}
			if verb.GetPastParticiple() != "" {
				forms[3], participle = verb.GetPastParticiple(), verb.GetPastParticiple()
			}
			for _, form := range forms {
				add(join(form, rest), rec.ID, verb.GetInverse(), false, verb.GetTitles()...)
			}
			// The passive: "acquired by", "was led by"; not for phrases whose
			// object sits in a gap or behind a preposition.
			if !strings.Contains(text, "*") && (rest == "" || !endsWithPreposition(rest)) {
				add(join(participle, rest)+" by", rec.ID, !verb.GetInverse(), false, verb.GetTitles()...)
			}
		}
		for _, ph := range lex.GetPhrases() {
			add(ph.GetText(), rec.ID, ph.GetInverse(), false)
			head, _, _ := strings.Cut(ph.GetText(), " ")
			lx.fixedHeads[head] = true
		}
		for _, ph := range lex.GetNouns() {
			head, rest, _ := strings.Cut(ph.GetText(), " ")
			add(ph.GetText(), rec.ID, ph.GetInverse(), true, ph.GetTitles()...)
			add(join(english.Plural(head), rest), rec.ID, ph.GetInverse(), true, ph.GetTitles()...)
		}
		for _, n := range lex.GetEventNouns() {
			e := lx.events[n]
			e.singular = n
			e.predicates = append(e.predicates, rec.ID)
			lx.events[n] = e
		}
	}
	slices.SortStableFunc(lx.phrases, func(a, b Phrase) int { return len(b.Words) - len(a.Words) })
	// Phrases of the same words for several predicates: each knows the
	// others, so that a match on the first reads all of them.
	byWords := map[string][]int{}
	for i, ph := range lx.phrases {
		key := fmt.Sprint(strings.Join(ph.Words, " "), ph.Passive, ph.Noun)
		byWords[key] = append(byWords[key], i)
	}
	for _, same := range byWords {
		for _, i := range same {
			for _, j := range same {
				if p := lx.phrases[j].Predicate; j != i && p != lx.phrases[i].Predicate && !slices.Contains(lx.phrases[i].Also, p) {
					lx.phrases[i].Also = append(lx.phrases[i].Also, p)
				}
			}
		}
	}
	for n, e := range lx.events {
		if pl := english.Plural(n); pl != n {
			if _, taken := lx.events[pl]; !taken {
				lx.events[pl] = e
			}
		}
	}
	// A noun names what the first record to declare it says (type nouns
	// come first); a noun two kinds declare names both.
	addNoun := func(singular string, meaning Noun) {
		put := func(w string) {
			cur, ok := lx.nouns[w]
			switch {
			case !ok:
				lx.nouns[w] = meaning
			case cur.Type == "" && meaning.Type == "":
				cur.Kinds = union(cur.Kinds, meaning.Kinds)
				lx.nouns[w] = cur
			}
		}
		put(singular)
		if pl := english.Plural(singular); pl != singular {
			put(pl)
		}
	}
	for _, t := range v.msg.GetTypes() {
		for _, n := range t.GetNouns() {
			addNoun(n, Noun{Singular: n, Type: t.GetType()})
		}
	}
	for _, k := range v.kinds {
		for _, n := range k.msg.GetNouns() {
			addNoun(n, Noun{Singular: n, Kinds: []KindID{k.ID}})
		}
	}
	for _, s := range v.msg.GetStatuses() {
		for _, w := range s.GetWords() {
			lx.statuses[w] = s.GetStatus()
		}
	}
	lx.collectWords(v)
	return lx
}

// collectWords lists the lexicon's single words and its one-word entries.
func (lx *lexicon) collectWords(v *Vocabulary) {
	seen := map[string]bool{}
	addWords := func(text string) {
		for _, w := range strings.Fields(text) {
			if w != "*" && !seen[w] {
				seen[w] = true
				lx.words = append(lx.words, w)
			}
		}
	}
	for _, ph := range lx.phrases {
		addWords(strings.Join(ph.Words, " "))
	}
	for w := range lx.events {
		addWords(w)
	}
	for w := range lx.nouns {
		addWords(w)
	}
	for w := range lx.statuses {
		addWords(w)
	}
	slices.Sort(lx.words)
	for _, rec := range v.preds {
		for _, verb := range rec.msg.GetLexicon().GetVerbs() {
			if t := verb.GetText(); !strings.ContainsAny(t, " *") {
				lx.baseWords = append(lx.baseWords, BaseWord{Word: t, Verb: true, Predicate: rec.ID, Inverse: verb.GetInverse()})
			}
		}
	}
	var nouns []string
	for w, e := range lx.events {
		if w == e.singular && !strings.Contains(w, " ") {
			nouns = append(nouns, w)
		}
	}
	for w, n := range lx.nouns {
		if w == n.Singular && !strings.Contains(w, " ") {
			nouns = append(nouns, w)
		}
	}
	slices.Sort(nouns)
	for _, w := range slices.Compact(nouns) {
		lx.baseWords = append(lx.baseWords, BaseWord{Word: w})
	}
}

// Words returns every single word of the lexicon, inflected, sorted: the
// words a question's misspelt word may be corrected to. The slice must
// not be changed.
func (v *Vocabulary) Words() []string { return v.lexicon.words }

// BaseWords returns the lexicon's one-word entries: its verbs in the base
// form, by predicate, then its event, type and kind nouns, singular, in
// order. A question's word that WordNet gives as a synonym of one of them
// may be read as it. The slice must not be changed.
func (v *Vocabulary) BaseWords() []BaseWord { return v.lexicon.baseWords }

// union merges two sorted lists of kinds.
func union(a, b []KindID) []KindID {
	out := slices.Concat(a, b)
	slices.Sort(out)
	return slices.Compact(out)
}

func join(a, b string) string {
	if b == "" {
		return a
	}
	return a + " " + b
}

func endsWithPreposition(s string) bool {
	f := strings.Fields(s)
	switch f[len(f)-1] {
	case "against", "with", "for", "to", "in", "on", "over", "of", "from", "into", "by", "at":
		return true
	}
	return false
}

// Phrases returns every phrase of the lexicon with all its inflections,
// longest first, so that a greedy matcher prefers "run a trade deficit
// with" to "run". The slice must not be changed.
func (v *Vocabulary) Phrases() []Phrase { return v.lexicon.phrases }

// PhraseFor finds a phrase written as one token with underscores, such as
// "coordinated_against", as the Match text syntax allows.
func (v *Vocabulary) PhraseFor(token string) (Phrase, bool) {
	words := strings.Fields(strings.ReplaceAll(strings.ToLower(token), "_", " "))
	for _, p := range v.lexicon.phrases {
		if !slices.Contains(p.Words, "*") && slices.Equal(p.Words, words) {
			return p, true
		}
	}
	return Phrase{}, false
}

// IsFixedHead reports whether word begins one of the lexicon's fixed
// phrases, which read as adjectives: "Kioxia is based in Japan" is not a
// passive.
func (v *Vocabulary) IsFixedHead(word string) bool { return v.lexicon.fixedHeads[word] }

// EventNoun returns the predicates a noun names when it stands for a
// relation ("acquisition" → acquires), singular or plural, in ID order.
func (v *Vocabulary) EventNoun(words string) ([]ID, bool) {
	e, ok := v.lexicon.events[words]
	return e.predicates, ok
}

// SingularEventNoun returns the singular of an event noun given singular or
// plural ("acquisitions" → "acquisition"), or "" when it is not one.
func (v *Vocabulary) SingularEventNoun(words string) string { return v.lexicon.events[words].singular }

// Noun returns what a type or kind noun names, singular or plural:
// "companies" → the kind company.
func (v *Vocabulary) Noun(words string) (Noun, bool) {
	n, ok := v.lexicon.nouns[words]
	return n, ok
}

// Status returns the status a word or phrase gives a relation: "fell
// through" → RELATION_STATUS_FAILED.
func (v *Vocabulary) Status(words string) (pb.RelationStatus, bool) {
	s, ok := v.lexicon.statuses[words]
	return s, ok
}

// StatusWord returns a relation status as a lowercase word, such as
// "failed", or "" for RELATION_STATUS_UNSPECIFIED. Statuses are fixed; the
// word is the status's own name.
func StatusWord(s pb.RelationStatus) string {
	if s == pb.RelationStatus_RELATION_STATUS_UNSPECIFIED {
		return ""
	}
	return strings.ToLower(strings.TrimPrefix(s.String(), "RELATION_STATUS_"))
}
