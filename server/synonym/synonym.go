// Package synonym reads a word the vocabulary's lexicon does not have as
// the one lexicon word it is a synonym of, by WordNet: the word's first
// sense among the lexicon word's first two ("purchased" as "bought"),
// unless the word has many senses; none is no reading, and two of
// different meanings are ambiguous. Nothing here is a hand-made list: the
// synonyms come from WordNet and the words from the loaded vocabulary, so
// a new dataset is read the same way. Ask reads questions with it and the
// drafter reads statements.
//
// It reads the vocabulary and WordNet only.
package synonym

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/entitygraph/entitygraph/server/english"
	"github.com/entitygraph/entitygraph/server/vocab"
	"github.com/entitygraph/entitygraph/server/wordnet"
)

// Senses, most frequent first, that may make a word a synonym of a
// lexicon word: the question word's first, the lexicon word's first two.
// More senses read "second" as "back" and "jobs" as "business".
const (
	questionSenses = 1
	lexiconSenses  = 2
)

// maxPolysemy is the most senses a question word may have, in the part
// of speech read, to be read as a synonym: the first sense of a light
// verb such as "do", "call" or "take" says little of what it means in a
// question.
const maxPolysemy = 10

// synonymIndex is a vocabulary's base words by the synsets of their first
// senses, as verbs and as nouns.
type synonymIndex struct {
	verbs, nouns map[wordnet.Synset][]vocab.BaseWord
}

// synonymIndexes caches a synonymIndex per vocabulary.
var synonymIndexes sync.Map // *vocab.Vocabulary → *synonymIndex

func synonymsOf(v *vocab.Vocabulary) *synonymIndex {
	if s, ok := synonymIndexes.Load(v); ok {
		return s.(*synonymIndex)
	}
	s := &synonymIndex{verbs: map[wordnet.Synset][]vocab.BaseWord{}, nouns: map[wordnet.Synset][]vocab.BaseWord{}}
	for _, b := range v.BaseWords() {
		m, pos := s.nouns, wordnet.Noun
		if b.Verb {
			m, pos = s.verbs, wordnet.Verb
		}
		senses := wordnet.Synsets(b.Word, pos)
		for _, syn := range senses[:min(len(senses), lexiconSenses)] {
			m[syn] = append(m[syn], b)
		}
	}
	got, _ := synonymIndexes.LoadOrStore(v, s)
	return got.(*synonymIndex)
}

// Of finds the one lexicon word that w, known to WordNet, shares a synset
// with (see the package comment), inflected as w is, with a note saying
// so.
// When it has synonyms of different meanings, the note says which and ok
// is false.
func Of(v *vocab.Vocabulary, w string) (lower, note string, ok bool) {
	s := synonymsOf(v)
	type reading struct {
		base  vocab.BaseWord
		lemma string
	}
	var found []reading
	for _, pos := range []wordnet.POS{wordnet.Verb, wordnet.Noun} {
		m := s.nouns
		if pos == wordnet.Verb {
			m = s.verbs
		}
		for _, lemma := range wordnet.Lemmas(w, pos) {
			senses := wordnet.Synsets(lemma, pos)
			if len(senses) > maxPolysemy {
				continue
			}
			for _, syn := range senses[:min(len(senses), questionSenses)] {
				for _, b := range m[syn] {
					if !slices.ContainsFunc(found, func(r reading) bool { return r.base == b }) {
						found = append(found, reading{b, lemma})
					}
				}
			}
		}
	}
	if len(found) == 0 {
		return "", "", false
	}
	first := found[0]
	for _, r := range found[1:] {
		if !sameMeaning(v, r.base, first.base) {
			var words []string
			for _, r := range found {
				words = append(words, fmt.Sprintf("%q", r.base.Word))
			}
			return "", "a WordNet synonym of " + strings.Join(slices.Compact(words), " and ") + ": ambiguous", false
		}
	}
	if first.base.Word == w {
		return "", "", false
	}
	lower = first.base.Word
	if first.base.Verb {
		lower = inflectLike(w, first.lemma, first.base.Word)
	} else if w != first.lemma {
		lower = english.Plural(first.base.Word)
	}
	return lower, fmt.Sprintf("a WordNet synonym of %q", first.base.Word), true
}

// sameMeaning reports whether two base words would read a question the
// same way: verbs of one predicate in one direction, or nouns that name
// the same relations, types and kinds.
func sameMeaning(v *vocab.Vocabulary, a, b vocab.BaseWord) bool {
	if a.Verb || b.Verb {
		return a.Verb && b.Verb && a.Predicate == b.Predicate && a.Inverse == b.Inverse
	}
	pa, _ := v.EventNoun(a.Word)
	pb, _ := v.EventNoun(b.Word)
	na, _ := v.Noun(a.Word)
	nb, _ := v.Noun(b.Word)
	return slices.Equal(pa, pb) && na.Type == nb.Type && slices.Equal(na.Kinds, nb.Kinds)
}

// inflectLike inflects the verb base as w inflects lemma: "purchased",
// "purchase", "buy" → "bought".
func inflectLike(w, lemma, base string) string {
	forms := english.Inflections(lemma)
	slot := slices.Index(forms, w)
	switch {
	case slot >= 0:
	case strings.HasSuffix(w, "ing"):
		slot = 4
	case strings.HasSuffix(w, "s"):
		slot = 1
	default:
		slot = 2 // an irregular past ("sought")
	}
	return english.Inflections(base)[slot]
}
