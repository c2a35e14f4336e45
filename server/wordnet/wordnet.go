// Package wordnet is the part of Princeton's WordNet 3.0 that entitygraph
// reads questions with: which words are English words, their base forms
// (WordNet's morphology: its exception lists, then its suffix rules),
// their synsets, in sense order, so that two words that share a synset
// are synonyms in that sense, and the words that name a country or a city,
// or pertain to a country ("Sweden", "Swedish", "Tokyo").
//
// The table is derived from Debian's wordnet-base package by
// `make wordnet` (see ./gen) and embedded, so the server needs nothing
// installed; it is read on first use. WordNet's license is in
// LICENSE.wordnet beside it.
//
// It reads nothing of the rest of the server.
package wordnet

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
)

//go:embed wordnet.txt.gz
var table []byte

// POS is a part of speech.
type POS byte

// The parts of speech, by WordNet's letters.
const (
	Noun      POS = 'n'
	Verb      POS = 'v'
	Adjective POS = 'a'
	Adverb    POS = 'r'
)

// Synset is a synset of one part of speech, by its offset in WordNet's
// data file.
type Synset uint32

// database is the table, read.
type database struct {
	lemmas     map[POS]map[string][]Synset
	exceptions map[POS]map[string][]string
	places     map[string]Place
}

var (
	loadOnce sync.Once
	db       *database
	loadErr  error
)

// load reads the embedded table once.
func load() (*database, error) {
	loadOnce.Do(func() { db, loadErr = parse(table) })
	return db, loadErr
}

func parse(gz []byte) (*database, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, fmt.Errorf("wordnet table: %w", err)
	}
	d := &database{lemmas: map[POS]map[string][]Synset{}, exceptions: map[POS]map[string][]string{}, places: map[string]Place{}}
	for _, p := range []POS{Noun, Verb, Adjective, Adverb} {
		d.lemmas[p] = map[string][]Synset{}
		d.exceptions[p] = map[string][]string{}
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if strings.HasPrefix(text, "#") {
			continue
		}
		f := strings.Split(text, "\t")
		switch {
		case len(f) >= 4 && f[0] == "g":
			d.places[f[2]] = Place{Class: f[1], Names: f[3:]}
		case len(f) == 3 && len(f[0]) == 1:
			m, ok := d.lemmas[POS(f[0][0])]
			if !ok {
				return nil, fmt.Errorf("wordnet table line %d: unknown part of speech %q", line, f[0])
			}
			offsets := strings.Fields(f[2])
			synsets := make([]Synset, len(offsets))
			for i, o := range offsets {
				n, err := strconv.ParseUint(o, 10, 32)
				if err != nil {
					return nil, fmt.Errorf("wordnet table line %d: %w", line, err)
				}
				synsets[i] = Synset(n)
			}
			m[f[1]] = synsets
		case len(f) == 4 && f[0] == "x" && len(f[1]) == 1:
			m, ok := d.exceptions[POS(f[1][0])]
			if !ok {
				return nil, fmt.Errorf("wordnet table line %d: unknown part of speech %q", line, f[1])
			}
			m[f[2]] = append(m[f[2]], f[3])
		default:
			return nil, fmt.Errorf("wordnet table line %d: malformed", line)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("wordnet table: %w", err)
	}
	if len(d.lemmas[Noun]) == 0 || len(d.lemmas[Verb]) == 0 {
		return nil, fmt.Errorf("wordnet table: no lemmas")
	}
	return d, nil
}

// detachments are WordNet's suffix rules (morphy(7WN)): a form ending in
// the first suffix may be a lemma ending in the second.
var detachments = map[POS][][2]string{
	Noun:      {{"s", ""}, {"ses", "s"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"}, {"shes", "sh"}, {"men", "man"}, {"ies", "y"}},
	Verb:      {{"s", ""}, {"ies", "y"}, {"es", "e"}, {"es", ""}, {"ed", "e"}, {"ed", ""}, {"ing", "e"}, {"ing", ""}},
	Adjective: {{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}},
}

// Lemmas returns the base forms of word, lowercase, as a pos, that are
// WordNet lemmas: the word itself, its forms in the exception list, then
// those its suffix rules give ("sought" → "seek", "bids" → "bid").
func Lemmas(word string, pos POS) []string {
	d, err := load()
	if err != nil {
		return nil
	}
	var out []string
	add := func(l string) {
		if _, ok := d.lemmas[pos][l]; ok && !slices.Contains(out, l) {
			out = append(out, l)
		}
	}
	add(word)
	for _, l := range d.exceptions[pos][word] {
		add(l)
	}
	for _, rule := range detachments[pos] {
		if stem, ok := strings.CutSuffix(word, rule[0]); ok && stem != "" {
			add(stem + rule[1])
		}
	}
	return out
}

// Synsets returns the synsets of a lemma as a pos, most frequent sense
// first.
func Synsets(lemma string, pos POS) []Synset {
	d, err := load()
	if err != nil {
		return nil
	}
	return d.lemmas[pos][lemma]
}

// IsWord reports whether word, lowercase, is an English word to WordNet:
// the lemma, or a form of one, of any part of speech.
func IsWord(word string) bool {
	d, err := load()
	if err != nil {
		return false
	}
	// As Lemmas finds them, without building the list: this is asked of
	// every word of a text.
	var buf [64]byte
	for _, p := range []POS{Noun, Verb, Adjective, Adverb} {
		if _, ok := d.lemmas[p][word]; ok {
			return true
		}
		for _, l := range d.exceptions[p][word] {
			if _, ok := d.lemmas[p][l]; ok {
				return true
			}
		}
		for _, rule := range detachments[p] {
			if stem, ok := strings.CutSuffix(word, rule[0]); ok && stem != "" {
				key := append(append(buf[:0], stem...), rule[1]...)
				if _, ok := d.lemmas[p][string(key)]; ok {
					return true
				}
			}
		}
	}
	return false
}

// byLength is every one-word lemma of any part of speech, by its length
// in bytes, sorted (see WordsOfLength).
var byLength = sync.OnceValue(func() map[int][]string {
	d, err := load()
	if err != nil {
		return nil
	}
	seen := map[string]bool{}
	out := map[int][]string{}
	for _, p := range []POS{Noun, Verb, Adjective, Adverb} {
		for l := range d.lemmas[p] {
			if !seen[l] && !strings.ContainsAny(l, " _-") {
				seen[l] = true
				out[len(l)] = append(out[len(l)], l)
			}
		}
	}
	for _, ws := range out {
		slices.Sort(ws)
	}
	return out
})

// WordsOfLength returns WordNet's one-word lemmas of n bytes, of any part
// of speech, sorted: the words a misspelling of that length may be of.
func WordsOfLength(n int) []string { return byLength()[n] }

// Place is a country, a city, a US state, a town or an island WordNet
// names.
type Place struct {
	// Class is "country", "city", "state" (a US state), "town" or
	// "island": a noun a vocabulary's kinds of place may have.
	Class string
	// Names are the place's names, the most common first: Sweden,
	// Kingdom of Sweden, Sverige.
	Names []string
}

// PlaceOf returns the place (see Place) that word, lowercase, names in its
// first sense to WordNet, or the country it pertains to ("swedish",
// "sweden": Sweden; "tokyo": Tokyo, a city), or false for a word of no
// such place.
func PlaceOf(word string) (Place, bool) {
	d, err := load()
	if err != nil {
		return Place{}, false
	}
	p, ok := d.places[word]
	return p, ok
}

// Err reports whether the embedded table could not be read (then every
// lookup finds nothing).
func Err() error {
	_, err := load()
	return err
}
