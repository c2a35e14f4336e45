// Package namesearch finds entities by name: exact, prefix, token and fuzzy
// matches over normalized names and aliases. Names live in two finite-state
// transducers (blevesearch/vellum), one of whole names and one of their
// words; fuzzy matching walks them with Levenshtein automata whose builders
// are made once per process and shared by every query.
package namesearch

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/blevesearch/vellum"
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
	// query length (2 from 5 characters, 1 from 3); negative turns fuzzy
	// matching off.
	MaxEdits int
	// Accept, when set, keeps only the entities it returns true for.
	Accept func(entity int32) bool
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
	for j := p.start[i]; j < p.start[i+1]; j++ {
		fn(posting{entity: int32(p.entity[j]), name: int32(p.name[j])})
	}
}

// MaxNames is how many names of one entity are indexed; names beyond it
// are not found by search.
const MaxNames = 1 << 16

// Index is an immutable name index, safe for concurrent use.
type Index struct {
	names      *vellum.FST // normalized whole names and their compact forms
	nameBytes  []byte      // the names FST as built, for writing a snapshot
	namePosts  postingLists
	tokens     *vellum.FST // the words of the normalized names
	tokenBytes []byte
	tokenPosts postingLists
	// nameStart and words give the number of words in each name: name n
	// of entity e has words[nameStart[e]+n] (at most 255).
	nameStart []uint32
	words     []uint8
}

// Build indexes names: names[e] are the names of entity e, its display name
// first. Empty names are skipped.
func Build(names [][]string) (*Index, error) {
	nameKeys := map[string][]posting{}
	tokenKeys := map[string][]posting{}
	ix := &Index{nameStart: make([]uint32, len(names)+1)}
	for e, list := range names {
		list = list[:min(len(list), MaxNames)]
		ix.nameStart[e] = uint32(len(ix.words))
		for n, raw := range list {
			norm := Normalize(raw)
			words := splitWords(norm)
			ix.words = append(ix.words, uint8(min(len(words), 255)))
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
	ix.nameStart[len(names)] = uint32(len(ix.words))
	var err error
	if ix.nameBytes, ix.namePosts, err = buildFST(nameKeys); err != nil {
		return nil, fmt.Errorf("name index: %w", err)
	}
	if ix.tokenBytes, ix.tokenPosts, err = buildFST(tokenKeys); err != nil {
		return nil, fmt.Errorf("token index: %w", err)
	}
	if err := ix.load(); err != nil {
		return nil, err
	}
	return ix, nil
}

func (ix *Index) load() error {
	var err error
	if ix.names, err = vellum.Load(ix.nameBytes); err != nil {
		return fmt.Errorf("name index: %w", err)
	}
	if ix.tokens, err = vellum.Load(ix.tokenBytes); err != nil {
		return fmt.Errorf("token index: %w", err)
	}
	return nil
}

func appendOnce(ps []posting, p posting) []posting {
	if len(ps) > 0 && ps[len(ps)-1] == p {
		return ps
	}
	return append(ps, p)
}

// buildFST writes keys in order into an FST whose values number the posting
// lists.
func buildFST(keys map[string][]posting) ([]byte, postingLists, error) {
	sorted := make([]string, 0, len(keys))
	total := 0
	for k, ps := range keys {
		sorted = append(sorted, k)
		total += len(ps)
	}
	slices.Sort(sorted)
	var buf bytes.Buffer
	b, err := vellum.New(&buf, nil)
	if err != nil {
		return nil, postingLists{}, err
	}
	lists := postingLists{
		start:  make([]uint32, 0, len(sorted)+1),
		entity: make([]uint32, 0, total),
		name:   make([]uint16, 0, total),
	}
	for i, k := range sorted {
		lists.start = append(lists.start, uint32(len(lists.entity)))
		for _, p := range keys[k] {
			lists.entity = append(lists.entity, uint32(p.entity))
			lists.name = append(lists.name, uint16(p.name))
		}
		if err := b.Insert([]byte(k), uint64(i)); err != nil {
			return nil, postingLists{}, err
		}
	}
	lists.start = append(lists.start, uint32(len(lists.entity)))
	if err := b.Close(); err != nil {
		return nil, postingLists{}, err
	}
	return buf.Bytes(), lists, nil
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

// Search returns the entities whose names match query, best first, one hit
// per entity.
func (ix *Index) Search(query string, opts Options) []Hit {
	q := Normalize(query)
	if q == "" {
		return nil
	}
	limit := cmp.Or(opts.Limit, 10)
	best := map[int32]Hit{}
	add := func(p posting, kind MatchKind, edits int, score float64) {
		if opts.Accept != nil && !opts.Accept(p.entity) {
			return
		}
		// Ties go to the lower name number (the display name first), so the
		// answer never depends on map order.
		if old, ok := best[p.entity]; ok && (old.Score > score || (old.Score == score && old.Name <= p.name)) {
			return
		}
		best[p.entity] = Hit{Entity: p.entity, Name: p.name, Kind: kind, Edits: edits, Score: score}
	}

	qc := compact(q)
	for _, key := range uniq(q, qc) {
		if v, ok, _ := ix.names.Get([]byte(key)); ok {
			ix.namePosts.each(v, func(p posting) {
				// The display name (name 0) edges out an equal alias.
				add(p, Exact, 0, cond(p.name == 0, 1.0, 0.98))
			})
		}
	}
	ix.prefix(ix.names, &ix.namePosts, q, func(key []byte, p posting) {
		add(p, Prefix, 0, 0.7+0.2*float64(len(q))/float64(len(key)))
	})
	ix.tokenSearch(q, opts.MaxEdits, add)
	if edits := fuzzyEdits(q, opts.MaxEdits); edits > 0 {
		ix.fuzzy(ix.names, &ix.namePosts, q, edits, func(_ []byte, p posting, d int) {
			add(p, Fuzzy, d, fuzzyScore(q, d, 0.45))
		})
	}

	hits := make([]Hit, 0, len(best))
	for _, h := range best {
		hits = append(hits, h)
	}
	slices.SortFunc(hits, func(a, b Hit) int {
		return cmp.Or(cmp.Compare(b.Score, a.Score), cmp.Compare(a.Entity, b.Entity))
	})
	return hits[:min(len(hits), limit)]
}

// tokenSearch finds names that contain every word of q: as a whole word,
// as the start of a word for the last one (so that "samsung elec" finds
// Samsung Electronics), or within the fuzzy edit distance of the word. A
// name whose words all matched exactly is a token match; one that needed
// edits is a fuzzy match with their sum.
func (ix *Index) tokenSearch(q string, maxEdits int, add func(posting, MatchKind, int, float64)) {
	words := splitWords(q)
	var found map[posting]int // candidate → edits so far
	for i, w := range words {
		cur := map[posting]int{}
		consider := func(p posting, d int) {
			if found != nil {
				prev, ok := found[p]
				if !ok {
					return
				}
				d += prev
			}
			if old, ok := cur[p]; !ok || d < old {
				cur[p] = d
			}
		}
		if v, ok, _ := ix.tokens.Get([]byte(w)); ok {
			ix.tokenPosts.each(v, func(p posting) { consider(p, 0) })
		}
		if i == len(words)-1 && utf8.RuneCountInString(w) >= 2 {
			ix.prefix(ix.tokens, &ix.tokenPosts, w, func(_ []byte, p posting) { consider(p, 0) })
		}
		if e := fuzzyEdits(w, maxEdits); e > 0 {
			ix.fuzzy(ix.tokens, &ix.tokenPosts, w, e, func(_ []byte, p posting, d int) { consider(p, d) })
		}
		found = cur
		if len(found) == 0 {
			return
		}
	}
	for p, edits := range found {
		coverage := float64(len(words)) / float64(max(int(ix.words[ix.nameStart[p.entity]+uint32(p.name)]), len(words)))
		if edits == 0 {
			add(p, Token, 0, 0.5+0.19*coverage)
		} else {
			add(p, Fuzzy, edits, fuzzyScore(q, edits, 0.35+0.1*coverage))
		}
	}
}

// prefix calls fn for every posting of every key that starts with q and is
// longer than it, visiting at most maxScan keys.
func (ix *Index) prefix(fst *vellum.FST, lists *postingLists, q string, fn func(key []byte, p posting)) {
	end := prefixEnd([]byte(q))
	it, err := fst.Iterator([]byte(q), end)
	for n := 0; err == nil && n < maxScan; n, err = n+1, it.Next() {
		key, v := it.Current()
		if len(key) == len(q) {
			continue
		}
		lists.each(v, func(p posting) { fn(key, p) })
	}
}

// fuzzy calls fn for every posting of every key within edits of q.
func (ix *Index) fuzzy(fst *vellum.FST, lists *postingLists, q string, edits int, fn func(key []byte, p posting, d int)) {
	builders, err := automata()
	if err != nil {
		return
	}
	dfa, err := builders[edits].BuildDfa(q, uint8(edits))
	if err != nil {
		return // too many states: the query is too long to match fuzzily
	}
	it, err := fst.Search(dfa, nil, nil)
	for n := 0; err == nil && n < maxScan; n, err = n+1, it.Next() {
		key, v := it.Current()
		d := int(it.EditDistance())
		if d == 0 {
			continue // exact matches are found, and scored, elsewhere
		}
		lists.each(v, func(p posting) { fn(key, p, d) })
	}
}

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

// prefixEnd is the smallest key greater than every key starting with p, or
// nil when there is none.
func prefixEnd(p []byte) []byte {
	end := bytes.Clone(p)
	for i := len(end) - 1; i >= 0; i-- {
		if end[i] < 0xff {
			end[i]++
			return end[:i+1]
		}
	}
	return nil
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
