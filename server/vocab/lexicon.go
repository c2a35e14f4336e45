package vocab

import (
	"slices"
	"strings"
	"sync"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/server/english"
)

// The lexicon is how English says each predicate: the phrases of every
// record's [Lexicon], inflected.

// Phrase is one way English says a predicate.
type Phrase struct {
	// Words are the lowercase words of the phrase, such as
	// ["coordinated", "against"]. A "*" word is a gap where the object goes,
	// as in ["regards", "*", "as", "strategic"].
	Words []string
	// Predicate is what the phrase means.
	Predicate pb.Predicate
	// Passive is set when the phrase reads object → subject, as
	// "acquired by" does.
	Passive bool
	// Noun is set for relational nouns ("chairman of"), which follow a
	// copula: "Who is the chairman of SK Group?".
	Noun bool
}

// Phrases returns every phrase of the lexicon with all its inflections,
// longest first, so that a greedy matcher prefers "run a trade deficit
// with" to "run". Phrases of one length come in enum order of their
// predicates.
var Phrases = sync.OnceValue(func() []Phrase {
	seen := map[string]bool{}
	var out []Phrase
	add := func(words string, p pb.Predicate, passive, noun bool) {
		key := words + "|" + p.String()
		if seen[key] {
			return
		}
		seen[key] = true
		out = append(out, Phrase{Words: strings.Fields(words), Predicate: p, Passive: passive, Noun: noun})
	}
	for _, rec := range enumOrder {
		lex := rec.Lexicon
		for _, v := range lex.Verbs {
			head, rest, _ := strings.Cut(v, " ")
			for _, form := range english.Inflections(head) {
				add(join(form, rest), rec.ID, false, false)
			}
			// The passive: "acquired by", "was led by"; not for phrases whose
			// object sits in a gap or behind a preposition.
			if !strings.Contains(v, "*") && (rest == "" || !endsWithPreposition(rest)) {
				add(join(english.PastParticiple(head), rest)+" by", rec.ID, true, false)
			}
		}
		for _, f := range lex.Fixed {
			add(f, rec.ID, false, false)
		}
		for _, n := range lex.Nouns {
			head, rest, _ := strings.Cut(n, " ")
			add(n, rec.ID, false, true)
			add(join(english.Plural(head), rest), rec.ID, false, true)
		}
		for _, n := range lex.PassiveNouns {
			add(n, rec.ID, true, true)
		}
	}
	slices.SortStableFunc(out, func(a, b Phrase) int { return len(b.Words) - len(a.Words) })
	return out
})

// PhraseFor finds a phrase written as one token with underscores, such as
// "coordinated_against", as the Match text syntax allows.
func PhraseFor(token string) (Phrase, bool) {
	words := strings.Fields(strings.ReplaceAll(strings.ToLower(token), "_", " "))
	for _, p := range Phrases() {
		if !slices.Contains(p.Words, "*") && slices.Equal(p.Words, words) {
			return p, true
		}
	}
	return Phrase{}, false
}

// fixedHeads are the first words of the lexicon's fixed phrases ("based",
// "allied", "opposed"): after a form of "be" such a word is an adjective,
// not a passive participle.
var fixedHeads = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, rec := range enumOrder {
		for _, f := range rec.Lexicon.Fixed {
			head, _, _ := strings.Cut(f, " ")
			m[head] = true
		}
	}
	return m
})

// IsFixedHead reports whether word begins one of the lexicon's fixed
// phrases, which read as adjectives: "Kioxia is based in Japan" is not a
// passive.
func IsFixedHead(word string) bool { return fixedHeads()[word] }

func join(a, b string) string {
	if b == "" {
		return a
	}
	return a + " " + b
}

func endsWithPreposition(s string) bool {
	f := strings.Fields(s)
	switch f[len(f)-1] {
	case "against", "with", "for", "to", "in", "on", "over", "of":
		return true
	}
	return false
}

// eventNouns maps each event noun, singular and plural, to its singular
// and the predicates it names, in enum order.
var eventNouns = sync.OnceValue(func() map[string]eventNoun {
	m := map[string]eventNoun{}
	for _, rec := range enumOrder {
		for _, n := range rec.Lexicon.EventNouns {
			e := m[n]
			e.singular = n
			e.predicates = append(e.predicates, rec.ID)
			m[n] = e
		}
	}
	for n, e := range m {
		if pl := english.Plural(n); pl != n {
			if _, taken := m[pl]; !taken {
				m[pl] = e
			}
		}
	}
	return m
})

type eventNoun struct {
	singular   string
	predicates []pb.Predicate
}

// EventNoun returns the predicates a noun names when it stands for a
// relation ("acquisition" → ACQUIRES), singular or plural.
func EventNoun(words string) ([]pb.Predicate, bool) {
	e, ok := eventNouns()[words]
	return e.predicates, ok
}

// SingularEventNoun returns the singular of an event noun given singular or
// plural ("acquisitions" → "acquisition"), or "" when it is not one.
func SingularEventNoun(words string) string { return eventNouns()[words].singular }
