// Package namesearch finds entities by name: exact, prefix, token and fuzzy
// matches over normalized names and aliases. Names live in two finite-state
// transducers (blevesearch/vellum), one of whole names and one of their
// words; fuzzy matching walks them with Levenshtein automata whose builders
// are made once per process and shared by every query.
package namesearch

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/blevesearch/vellum/levenshtein"
)

// MatchKind says how a name matched a query, best first.
type MatchKind int

// The match kinds, from best to worst.
const (
	Exact MatchKind = iota + 1
	Prefix
	Token
	Fuzzy
)

// String returns the kind's name in lowercase.
func (k MatchKind) String() string {
	switch k {
	case Exact:
		return "exact"
	case Prefix:
		return "prefix"
	case Token:
		return "token"
	case Fuzzy:
		return "fuzzy"
	}
	return fmt.Sprintf("MatchKind(%d)", int(k))
}

// MaxEdits is the largest edit distance fuzzy search supports.
const MaxEdits = 2

// maxScan caps how many keys one prefix or fuzzy walk visits, so that a short
// query over a large index stays cheap.
const maxScan = 4096

// maxFuzzyRunes is the longest query fuzzy matching is tried for; longer
// ones make large automata and are better served by token matching.
const maxFuzzyRunes = 64

// Hit is one entity that matched, by its best-matching name.
type Hit struct {
	Entity int32     // the entity's number, as passed to Build
	Name   int32     // which of the entity's names matched
	Kind   MatchKind // how it matched
	Edits  int       // edit distance, for fuzzy matches
	Score  float64   // relevance in (0, 1]; every exact hit outranks every prefix hit, and so on
}

// Options narrow a search.
type Options struct {
	// Limit is the most hits returned; 0 means 10.
	Limit int
	// MaxEdits caps the edit distance of fuzzy matches (1 or 2); 0 picks by
	// query length (2 from 5 characters, 1 from 3), and none when the query
	// is a name exactly (it is no misspelling, and a name it is a few
	// letters from is rarely what its asker means: the prefix and token
	// matches still follow); negative turns fuzzy matching off.
	MaxEdits int
	// Accept, when set, keeps only the entities it returns true for.
	Accept func(entity int32) bool
	// ExactOnly stops after the exact matches: no prefix, token or fuzzy
	// search.
	ExactOnly bool
	// WholeNames matches whole names: exactly, then (for a one-word query
	// that is a word of at most a few names) those names, then within the
	// edits; no prefix or word-by-word matching, which a spelling
	// correction of one word does not want and which cost the most on
	// common words.
	WholeNames bool
}

// posting is one (entity, name) pair a key leads to.
type posting struct {
	entity int32
	name   int32
}

// postingLists is a compressed list of posting lists: list i is the
// postings at positions start[i] to start[i+1] of the parallel arrays
// entity and name (6 bytes a posting, no pointers).
type postingLists struct {
	start  []uint32
	entity []uint32
	name   []uint16
}

// each calls fn for every posting of list i.
func (p *postingLists) each(i uint64, fn func(posting)) {
	if i+1 >= uint64(len(p.start)) {
		return
	}
	for j := p.start[i]; j < p.start[i+1]; j++ {
		fn(posting{entity: int32(p.entity[j]), name: int32(p.name[j])})
	}
}

// MaxNames is how many names of one entity are indexed; names beyond it
// are not found by search.
const MaxNames = 1 << 16

// Index is an immutable name index, safe for concurrent use.
type Index struct {
	names      keySet // normalized whole names and their compact forms
	namePosts  postingLists
	tokens     keySet // the words of the normalized names
	tokenPosts postingLists
	// The words of every name, as token numbers (lists of tokenPosts):
	// name n of entity e is name g = nameStart[e]+n, whose words are
	// nameWords[wordStart[g]:wordStart[g+1]], in order.
	nameStart []uint32
	wordStart []uint32
	nameWords []uint32
}

// Build indexes names: names[e] are the names of entity e, its display name
// first. Empty names are skipped.
func Build(names [][]string) (*Index, error) {
	nameKeys := map[string][]posting{}
	tokenKeys := map[string][]posting{}
	ix := &Index{nameStart: make([]uint32, len(names)+1)}
	var nameWords [][]string // by global name number
	for e, list := range names {
		list = list[:min(len(list), MaxNames)]
		ix.nameStart[e] = uint32(len(nameWords))
		for n, raw := range list {
			norm := Normalize(raw)
			words := splitWords(norm)
			nameWords = append(nameWords, words)
			if norm == "" {
				continue
			}
			p := posting{entity: int32(e), name: int32(n)}
			nameKeys[norm] = appendOnce(nameKeys[norm], p)
			if c := compact(norm); c != norm {
				nameKeys[c] = appendOnce(nameKeys[c], p)
			}
			for _, w := range words {
				tokenKeys[w] = appendOnce(tokenKeys[w], p)
			}
		}
	}
	ix.nameStart[len(names)] = uint32(len(nameWords))
	var err error
	if ix.names, ix.namePosts, _, err = buildFST(nameKeys); err != nil {
		return nil, fmt.Errorf("name index: %w", err)
	}
	var tokens []string
	if ix.tokens, ix.tokenPosts, tokens, err = buildFST(tokenKeys); err != nil {
		return nil, fmt.Errorf("token index: %w", err)
	}
	ix.tokens.near = new(buildNearKeys(&ix.tokens))
	tokenID := make(map[string]uint32, len(tokens))
	for i, t := range tokens {
		tokenID[t] = uint32(i)
	}
	ix.wordStart = make([]uint32, 0, len(nameWords)+1)
	for _, words := range nameWords {
		ix.wordStart = append(ix.wordStart, uint32(len(ix.nameWords)))
		for _, w := range words {
			ix.nameWords = append(ix.nameWords, tokenID[w])
		}
	}
	ix.wordStart = append(ix.wordStart, uint32(len(ix.nameWords)))
	return ix, nil
}

func appendOnce(ps []posting, p posting) []posting {
	if len(ps) > 0 && ps[len(ps)-1] == p {
		return ps
	}
	return append(ps, p)
}

// buildFST writes keys in order into a key set whose values number the
// posting lists.
func buildFST(keys map[string][]posting) (keySet, postingLists, []string, error) {
	sorted := make([]string, 0, len(keys))
	total := 0
	for k, ps := range keys {
		sorted = append(sorted, k)
		total += len(ps)
	}
	slices.Sort(sorted)
	lists := postingLists{
		start:  make([]uint32, 0, len(sorted)+1),
		entity: make([]uint32, 0, total),
		name:   make([]uint16, 0, total),
	}
	for _, k := range sorted {
		lists.start = append(lists.start, uint32(len(lists.entity)))
		for _, p := range keys[k] {
			lists.entity = append(lists.entity, uint32(p.entity))
			lists.name = append(lists.name, uint16(p.name))
		}
	}
	lists.start = append(lists.start, uint32(len(lists.entity)))
	ks, err := buildKeySet(sorted)
	return ks, lists, sorted, err
}

// automata holds one Levenshtein automaton builder per distance. Building
// one is costly (a parametric DFA); using one is cheap and safe for
// concurrent use, so they are made once, on first use.
var automata = sync.OnceValues(func() ([MaxEdits + 1]*levenshtein.LevenshteinAutomatonBuilder, error) {
	var out [MaxEdits + 1]*levenshtein.LevenshteinAutomatonBuilder
	for d := 1; d <= MaxEdits; d++ {
		b, err := levenshtein.NewLevenshteinAutomatonBuilder(uint8(d), true)
		if err != nil {
			return out, err
		}
		out[d] = b
	}
	return out, nil
})

// fuzzyEdits is the edit distance allowed for q: by its length, capped by
// the caller's maximum; 0 when fuzzy matching is off or q is too short.
func fuzzyEdits(q string, maxEdits int) int {
	if maxEdits < 0 {
		return 0
	}
	n := utf8.RuneCountInString(q)
	var d int
	switch {
	case n > maxFuzzyRunes:
		d = 0
	case n >= 5:
		d = 2
	case n >= 3:
		d = 1
	}
	if maxEdits > 0 {
		d = min(d, maxEdits, MaxEdits)
	}
	return d
}

// fuzzyScore ranks a fuzzy match: fewer edits relative to length is better,
// always below ceiling, which is below every token match.
func fuzzyScore(q string, edits int, ceiling float64) float64 {
	n := float64(utf8.RuneCountInString(q))
	return ceiling * max(0.05, 1-float64(edits)/(n+1))
}

func splitWords(s string) []string {
	return strings.Fields(s)
}

func uniq(a, b string) []string {
	if a == b {
		return []string{a}
	}
	return []string{a, b}
}

func cond[T any](c bool, a, b T) T {
	if c {
		return a
	}
	return b
}

// EditDistance is the Levenshtein distance between a and b, by bytes: a
// measure for short strings such as a word or an id.
func EditDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
