package namesearch

import (
	"cmp"
	"slices"
	"sync"
	"unicode/utf8"
)

// Find works class by class, best class first: exact names, then names
// that start with the query, then names that contain every word of it,
// then fuzzy matches. Every hit of a class scores above every hit of the
// next, so an entity's best hit is its first, and once limit entities are
// found no later class can change the answer: the work stops there.
// Within the token classes, the words' posting lists are intersected as
// sorted lists, driven by the rarest word, rather than gathered in maps.

// Find returns the entities whose names match query, best first, one hit
// per entity.
func (ix *Index) Find(query string, opts Options) []Hit {
	q := Normalize(query)
	if q == "" {
		return nil
	}
	s := &search{ix: ix, q: q, opts: opts, limit: cmp.Or(opts.Limit, 10)}

	// Exact: the whole name, or its compact form.
	for _, key := range uniq(q, compact(q)) {
		if v, ok := ix.names.get(key); ok {
			ix.namePosts.each(v, func(p posting) {
				// The display name (name 0) edges out an equal alias.
				s.add(p, Exact, 0, cond(p.name == 0, 1.0, 0.98))
			})
		}
	}
	if s.endClass() || opts.ExactOnly {
		return s.found
	}
	exactName := len(s.found) > 0
	if opts.WholeNames {
		// A word of few names names them too ("Chey" is Chey Tae-won); a
		// word of many, none of them.
		if words := splitWords(q); len(words) == 1 {
			if v, ok := ix.tokens.get(words[0]); ok && v+1 < uint64(len(ix.tokenPosts.start)) &&
				ix.tokenPosts.start[v+1]-ix.tokenPosts.start[v] <= rareWordNames {
				ix.tokenPosts.each(v, func(p posting) { s.add(p, Token, 0, 0.5+0.19*ix.coverage(p, 1)) })
			}
			if s.endClass() {
				return s.found
			}
		}
		ix.fuzzyNames(s)
		s.endClass()
		return s.found
	}

	// Prefix: names that start with the query.
	ix.names.prefix(q, func(key []byte, i uint64) {
		score := 0.7 + 0.2*float64(len(q))/float64(len(key))
		ix.namePosts.each(i, func(p posting) { s.add(p, Prefix, 0, score) })
	})
	if s.endClass() {
		return s.found
	}

	// Token: every word of the query is a word of the name (the last may
	// be the start of one).
	words := splitWords(q)
	wx := make([]wordMatch, len(words))
	for i, w := range words {
		if v, ok := ix.tokens.get(w); ok {
			wx[i].add(v, 0)
		}
		if i == len(words)-1 && utf8.RuneCountInString(w) >= 2 {
			ix.tokens.prefix(w, func(_ []byte, v uint64) { wx[i].add(v, 0) })
		}
	}
	ix.matchWords(wx, -1, func(p posting, edits int) {
		if edits == 0 {
			s.add(p, Token, 0, 0.5+0.19*ix.coverage(p, len(words)))
		}
	})
	if s.endClass() {
		return s.found
	}

	// Fuzzy: the whole name within the query's edits, or every word
	// within its own edits, at least one of them not exactly. A query that
	// is a name exactly is no misspelling: only when the caller asks for
	// edits.
	if exactName && opts.MaxEdits == 0 {
		return s.found
	}
	ix.fuzzyNames(s)
	maxEdits := s.maxWordEdits()
	budgets := wordBudgets(wx, maxEdits)
	anyFuzzy := false
	for i, w := range words {
		if e := min(fuzzyEdits(w, opts.MaxEdits), budgets[i]); e > 0 {
			ix.tokens.fuzzy(w, e, func(v uint64, d int) {
				wx[i].add(v, d)
				anyFuzzy = true
			})
		}
	}
	if anyFuzzy && maxEdits != 0 { // with none, a token match, found above
		ix.matchWords(wx, maxEdits, func(p posting, edits int) {
			if edits > 0 { // with none, a token match, found above
				s.add(p, Fuzzy, edits, fuzzyScore(q, edits, wordCeiling(ix.coverage(p, len(words)))))
			}
		})
	}
	s.endClass()
	return s.found
}

// fuzzyNames adds the whole names within the query's edits.
func (ix *Index) fuzzyNames(s *search) {
	if edits := fuzzyEdits(s.q, s.opts.MaxEdits); edits > 0 {
		ix.names.fuzzy(s.q, edits, func(i uint64, d int) {
			score := fuzzyScore(s.q, d, 0.45)
			ix.namePosts.each(i, func(p posting) { s.add(p, Fuzzy, d, score) })
		})
	}
}

// rareWordNames is how many names a word may be a word of and still, in a
// WholeNames search, name them.
const rareWordNames = 4

// wordCeiling is the ceiling of a fuzzy match word by word that covers
// the share coverage of the name's words.
func wordCeiling(coverage float64) float64 { return 0.35 + 0.1*coverage }

// maxWordEdits bounds the edits of a fuzzy match word by word that can
// still change the answer, or is -1 when any can. Once the class holds
// as many entities as the answer has room for, a hit scoring below the
// last of them cannot enter it (an entity's score only rises), and a
// match word by word scores at most wordCeiling(1) reduced by its edits.
// Common words (thousands of names with "holdings") make the word by
// word matching the costliest part of a search; the bound keeps it to
// the tokens that can still matter.
func (s *search) maxWordEdits() int {
	room := s.limit - len(s.found)
	if room <= 0 || len(s.class) < room {
		return -1
	}
	floor := s.best(room)[room-1].Score
	best := wordCeiling(1)
	for e := 0; ; e++ {
		if fuzzyScore(s.q, e+1, best) < floor {
			return e
		}
		if fuzzyScore(s.q, e+1, best) == fuzzyScore(s.q, e, best) {
			return -1 // at the score's minimum: more edits cost nothing
		}
	}
}

// wordBudgets returns the most edits each word of a fuzzy match word by
// word can take when the match may take maxEdits (any, when negative):
// what the other words leave over, each taking none if it has an exact
// or prefix match, one otherwise. Walking the tokens within that only, a
// word leaves out tokens that matchWords would drop. (The walk is capped
// at maxScan keys as ever: for a word within two edits of more tokens
// than that, a narrower walk may reach tokens the wider one cut off.)
func wordBudgets(wx []wordMatch, maxEdits int) []int {
	budgets := make([]int, len(wx))
	unmatched := 0
	for i := range wx {
		if len(wx[i].tokens) == 0 {
			unmatched++
		}
	}
	for i := range wx {
		switch {
		case maxEdits < 0:
			budgets[i] = MaxEdits
		case len(wx[i].tokens) == 0:
			budgets[i] = maxEdits - (unmatched - 1)
		default:
			budgets[i] = maxEdits - unmatched
		}
	}
	return budgets
}

// coverage is the share of the words of name p that a query of n words
// covers.
func (ix *Index) coverage(p posting, n int) float64 {
	g := ix.nameStart[p.entity] + uint32(p.name)
	words := min(int(ix.wordStart[g+1]-ix.wordStart[g]), 255)
	return float64(n) / float64(max(words, n))
}

// search is the state of one Search.
type search struct {
	ix    *Index
	q     string
	opts  Options
	limit int
	found []Hit          // the answer so far, best first
	class map[int32]Hit  // the current class's best hit per entity
	seen  map[int32]bool // entities of earlier classes
}

// add records a hit of the current class.
func (s *search) add(p posting, kind MatchKind, edits int, score float64) {
	if s.opts.Accept != nil && !s.opts.Accept(p.entity) {
		return
	}
	if s.seen[p.entity] {
		return // an earlier class found it, with a better score
	}
	// Ties go to the lower name number (the display name first), so the
	// answer never depends on the order hits arrive in.
	if old, ok := s.class[p.entity]; ok && (old.Score > score || (old.Score == score && old.Name <= p.name)) {
		return
	}
	if s.class == nil {
		s.class = map[int32]Hit{}
	}
	s.class[p.entity] = Hit{Entity: p.entity, Name: p.name, Kind: kind, Edits: edits, Score: score}
}

// endClass adds the current class's best hits to the answer and reports
// whether it is complete.
func (s *search) endClass() bool {
	hits := s.best(s.limit - len(s.found))
	for _, h := range hits {
		if s.seen == nil {
			s.seen = map[int32]bool{}
		}
		s.seen[h.Entity] = true
	}
	s.found = append(s.found, hits...)
	clear(s.class)
	return len(s.found) >= s.limit
}

// best returns the n best hits of the current class, best first. A fuzzy
// class can hold thousands of entities ("sohth ktrea" matches every name
// of "south" or "korea" words word by word) of which only the answer's
// room is kept: they are picked in one pass, rather than sorting all
// (which is as quick for a class not much larger than the room, and
// quicker for a room of hundreds).
func (s *search) best(n int) []Hit {
	if n <= 0 {
		return nil
	}
	before := func(a, b Hit) bool {
		return a.Score > b.Score || (a.Score == b.Score && a.Entity < b.Entity)
	}
	if n > 64 || len(s.class) <= 4*n {
		hits := make([]Hit, 0, len(s.class))
		for _, h := range s.class {
			hits = append(hits, h)
		}
		slices.SortFunc(hits, func(a, b Hit) int {
			return cmp.Or(cmp.Compare(b.Score, a.Score), cmp.Compare(a.Entity, b.Entity))
		})
		return hits[:min(len(hits), n)]
	}
	top := make([]Hit, 0, n+1) // the best so far, in order
	for _, h := range s.class {
		if len(top) == n && !before(h, top[n-1]) {
			continue
		}
		i, _ := slices.BinarySearchFunc(top, h, func(a, b Hit) int {
			if before(a, b) {
				return -1
			}
			return 1 // entities differ: never equal
		})
		top = slices.Insert(top, i, h)
		if len(top) > n {
			top = top[:n]
		}
	}
	return top
}

// wordMatch is what one word of the query matches: token numbers, each
// with the edits it is from the word, in ascending order of token.
type wordMatch struct {
	tokens []uint32
	edits  []int8
	sorted bool
	table  []int8 // by token, when indexed
}

// add records that the word matches token t with edits; the fewest edits
// of a token count.
func (m *wordMatch) add(t uint64, edits int) {
	m.tokens = append(m.tokens, uint32(t))
	m.edits = append(m.edits, int8(edits))
	m.sorted = false
}

// sort orders the tokens, keeping each one's fewest edits.
func (m *wordMatch) sort() {
	if m.sorted {
		return
	}
	m.sorted = true
	idx := make([]int, len(m.tokens))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(a, b int) int {
		return cmp.Or(cmp.Compare(m.tokens[a], m.tokens[b]), cmp.Compare(m.edits[a], m.edits[b]))
	})
	tokens, edits := make([]uint32, 0, len(idx)), make([]int8, 0, len(idx))
	for _, i := range idx {
		if n := len(tokens); n > 0 && tokens[n-1] == m.tokens[i] {
			continue
		}
		tokens, edits = append(tokens, m.tokens[i]), append(edits, m.edits[i])
	}
	m.tokens, m.edits = tokens, edits
}

// within returns the tokens of the word, which must be sorted, that are at
// most edits away.
func (m *wordMatch) within(edits int) wordMatch {
	out := wordMatch{sorted: true}
	for i, t := range m.tokens {
		if int(m.edits[i]) <= edits {
			out.tokens = append(out.tokens, t)
			out.edits = append(out.edits, m.edits[i])
		}
	}
	return out
}

// lookup returns the edits of token t, and false when the word does not
// match it.
func (m *wordMatch) lookup(t uint32) (int, bool) {
	if m.table != nil {
		e := m.table[t]
		return int(e), e >= 0
	}
	i, ok := slices.BinarySearch(m.tokens, t)
	if !ok {
		return 0, false
	}
	return int(m.edits[i]), true
}

// tables pools the per-word lookup tables of matchWords: one entry per
// token, -1 where the word does not match it.
var tables sync.Pool

// index fills a lookup table for the word, so that checking a candidate's
// words costs a load each; release returns it.
func (m *wordMatch) index(tokens int) {
	t, _ := tables.Get().([]int8)
	if len(t) != tokens {
		t = make([]int8, tokens)
		for i := range t {
			t[i] = -1
		}
	}
	for i, tok := range m.tokens {
		t[tok] = m.edits[i]
	}
	m.table = t
}

func (m *wordMatch) release() {
	if m.table == nil {
		return
	}
	for _, tok := range m.tokens {
		m.table[tok] = -1
	}
	tables.Put(m.table)
	m.table = nil
}

// entitySets pools the entity bitmaps of matchWords, cleared.
var entitySets sync.Pool

// entitySet returns a cleared bitmap with a bit per entity; put it back
// in entitySets cleared.
func (ix *Index) entitySet() []uint64 {
	n := (len(ix.nameStart) + 63) / 64
	if p, _ := entitySets.Get().(*[]uint64); p != nil && len(*p) == n {
		return *p
	}
	return make([]uint64, n)
}

// matchWords calls fn for every name that has, for every word, a word the
// word matches, with the sum over the words of the fewest edits, when that
// sum is at most maxEdits (any, when negative). It walks the postings of
// the word with the fewest and checks the others against each name's own
// words, so that a common word costs nothing but a lookup per candidate
// (and most candidates are ruled out by a bit per entity of the next
// rarest word). A name may come more than once, with different edits.
func (ix *Index) matchWords(wx []wordMatch, maxEdits int, fn func(p posting, edits int)) {
	if len(wx) == 0 {
		return
	}
	for i := range wx {
		if len(wx[i].tokens) == 0 {
			return // a word that matches nothing
		}
		wx[i].sort()
	}
	if maxEdits >= 0 {
		// Every word costs at least its fewest edits: the tokens of a word
		// that cost more than those plus what the bound leaves over cannot
		// be part of a match within it.
		slack := maxEdits
		for i := range wx {
			slack -= int(slices.Min(wx[i].edits))
		}
		if slack < 0 {
			return
		}
		kept := make([]wordMatch, len(wx))
		for i := range wx {
			kept[i] = wx[i].within(int(slices.Min(wx[i].edits)) + slack)
		}
		wx = kept
	}
	size := func(m *wordMatch) int {
		n := 0
		for _, t := range m.tokens {
			n += int(ix.tokenPosts.start[t+1] - ix.tokenPosts.start[t])
		}
		return n
	}
	driver := 0
	best := -1
	for i := range wx {
		if n := size(&wx[i]); best < 0 || n < best {
			driver, best = i, n
		}
	}
	posts := &ix.tokenPosts
	// With many candidates most lack some other word, and checking one
	// costs cache misses in three arrays (its name, its words, theirs).
	// Marking the entities of the next rarest word first costs a bit a
	// posting, written in order, and leaves few candidates to check.
	var filter []uint64
	if best > 1024 && len(wx) > 1 {
		next, nextSize := -1, 0
		for i := range wx {
			if n := size(&wx[i]); i != driver && (next < 0 || n < nextSize) {
				next, nextSize = i, n
			}
		}
		if nextSize <= 16*best {
			filter = ix.entitySet()
			defer entitySets.Put(&filter)
			for _, t := range wx[next].tokens {
				for _, e := range posts.entity[posts.start[t]:posts.start[t+1]] {
					filter[e>>6] |= 1 << (e & 63)
				}
			}
			defer clear(filter)
		}
	}
	if best > 4096 {
		// Many candidates: look their words up in tables, not by search.
		for i := range wx {
			if i != driver {
				wx[i].index(len(posts.start) - 1)
				defer wx[i].release()
			}
		}
	}
	for k, t := range wx[driver].tokens {
		base := int(wx[driver].edits[k])
	postings:
		for j := posts.start[t]; j < posts.start[t+1]; j++ {
			if e := posts.entity[j]; filter != nil && filter[e>>6]&(1<<(e&63)) == 0 {
				continue // an entity without the next rarest word
			}
			p := posting{entity: int32(posts.entity[j]), name: int32(posts.name[j])}
			g := ix.nameStart[p.entity] + uint32(p.name)
			words := ix.nameWords[ix.wordStart[g]:ix.wordStart[g+1]]
			total := base
			for i := range wx {
				if i == driver {
					continue
				}
				fewest := -1
				for _, w := range words {
					if e, ok := wx[i].lookup(w); ok && (fewest < 0 || e < fewest) {
						fewest = e
					}
				}
				if fewest < 0 {
					continue postings
				}
				total += fewest
			}
			if maxEdits >= 0 && total > maxEdits {
				continue
			}
			fn(p, total)
		}
	}
}
