package namesearch

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// commonWordIndex builds an index of n names made of a few common words,
// so that every word of a query has thousands of candidates.
func commonWordIndex(t testing.TB, n int) (*Index, [][]string) {
	t.Helper()
	rng := rand.New(rand.NewPCG(1, 2))
	first := []string{"sakura", "okura", "kanto", "chuo", "shinwa", "takara"}
	middle := []string{"steel", "heavy", "chemical", "semiconductor", "shipbuilding", "stele"}
	last := []string{"holdings", "corporation", "co", "holding", "group"}
	names := make([][]string, n)
	for e := range names {
		words := []string{first[rng.IntN(len(first))], middle[rng.IntN(len(middle))]}
		if rng.IntN(4) > 0 {
			words = append(words, last[rng.IntN(len(last))])
		}
		if rng.IntN(3) == 0 {
			words[0], words[1] = words[1], words[0]
		}
		names[e] = []string{strings.Join(words, " ")}
		if rng.IntN(5) == 0 {
			names[e] = append(names[e], fmt.Sprintf("%s %d", words[0], e))
		}
	}
	ix, err := Build(names)
	if err != nil {
		t.Fatal(err)
	}
	return ix, names
}

// TestMatchWordsManyCandidates checks the word by word matching, which
// filters candidates by entity when there are many, against a check of
// every name.
func TestMatchWordsManyCandidates(t *testing.T) {
	t.Parallel()
	ix, names := commonWordIndex(t, 12000)
	for _, q := range []string{"sakura steel holdings", "sakura stel holdngs", "steel sakura", "okura heavy co", "kanto semiconductr", "chuo"} {
		words := splitWords(q)
		wx := make([]wordMatch, len(words))
		for i, w := range words {
			if v, ok := ix.tokens.get(w); ok {
				wx[i].add(v, 0)
			}
			ix.tokens.fuzzy(w, fuzzyEdits(w, 0), func(v uint64, d int) { wx[i].add(v, d) })
		}
		got := map[posting]int{}
		ix.matchWords(wx, -1, func(p posting, edits int) {
			if old, ok := got[p]; !ok || edits < old {
				got[p] = edits
			}
		})
		want := map[posting]int{}
		for e, list := range names {
			for n, name := range list {
				total := 0
				for i := range wx {
					fewest := -1
					for _, nw := range splitWords(Normalize(name)) {
						v, _ := ix.tokens.get(nw)
						if d, ok := wx[i].lookup(uint32(v)); ok && (fewest < 0 || d < fewest) {
							fewest = d
						}
					}
					if fewest < 0 {
						total = -1
						break
					}
					total += fewest
				}
				if total >= 0 {
					want[posting{entity: int32(e), name: int32(n)}] = total
				}
			}
		}
		rarest := -1
		for i := range wx {
			n := 0
			for _, tok := range wx[i].tokens {
				n += int(ix.tokenPosts.start[tok+1] - ix.tokenPosts.start[tok])
			}
			if rarest < 0 || n < rarest {
				rarest = n
			}
		}
		if len(wx) > 1 && rarest <= 1024 {
			t.Errorf("%q: the rarest word has %d postings: not the many candidates this test is for", q, rarest)
		}
		for p, d := range want {
			if g, ok := got[p]; !ok || g != d {
				t.Errorf("%q: entity %d name %d (%q): got edits %d (found %v), want %d", q, p.entity, p.name, names[p.entity][p.name], g, ok, d)
			}
		}
		for p := range got {
			if _, ok := want[p]; !ok {
				t.Errorf("%q: entity %d name %d (%q) matched, want not", q, p.entity, p.name, names[p.entity][p.name])
			}
		}
	}
}

// TestSearchLimitIsAPrefix checks that a search's answer is the start of
// the same search's answer with room for more: a small limit lets the
// fuzzy word by word matching skip tokens that cannot enter the answer
// (maxWordEdits), which must not change which hits it returns.
func TestSearchLimitIsAPrefix(t *testing.T) {
	t.Parallel()
	ix, names := commonWordIndex(t, 12000)
	rng := rand.New(rand.NewPCG(7, 8))
	pruned := 0
	for range 300 {
		q := []byte(names[rng.IntN(len(names))][0])
		for range 1 + rng.IntN(3) {
			if i := 1 + rng.IntN(len(q)-1); q[i] != ' ' {
				q[i] = byte('a' + rng.IntN(26))
			}
		}
		for _, maxEdits := range []int{0, 1, 2} {
			limit := 1 + rng.IntN(20)
			got := ix.Find(string(q), Options{MaxEdits: maxEdits, Limit: limit})
			all := ix.Find(string(q), Options{MaxEdits: maxEdits, Limit: 100000})
			if want := all[:min(len(all), limit)]; !slices.Equal(got, want) {
				t.Fatalf("Search(%q, max edits %d, limit %d):\n got %+v\nwant %+v", q, maxEdits, limit, got, want)
			}
			// Count the searches the bound applies to, so that the test
			// is known to exercise it.
			s := &search{ix: ix, q: Normalize(string(q)), limit: len(got)}
			for _, h := range all {
				if h.Kind == Fuzzy {
					if s.class == nil {
						s.class = map[int32]Hit{}
					}
					s.class[h.Entity] = h
				}
			}
			if len(got) > 0 && s.maxWordEdits() >= 0 {
				pruned++
			}
		}
	}
	if pruned < 100 {
		t.Errorf("the edit bound applies to %d searches: too few to test it", pruned)
	}
}

// TestWordBudgetKeepsNearTokens checks that a word with an exact match
// still walks the tokens near it when the edit bound leaves room: here
// the answer has room for seven fuzzy hits, the whole-name walk finds
// seven two edits away, and "Holdings Okura Stele" matches word by word
// with one edit ("steel" is "stele" transposed), which ranks it above them.
func TestWordBudgetKeepsNearTokens(t *testing.T) {
	t.Parallel()
	names := [][]string{{"Holdings Okura Stele"}}
	for range 3 {
		names = append(names, []string{"Okura Steel Holdings"})
	}
	for range 7 {
		names = append(names, []string{"Okura Steel Holdinxy"})
	}
	ix, err := Build(names)
	if err != nil {
		t.Fatal(err)
	}
	// An exact name finds fuzzy matches only when edits are asked for.
	hits := ix.Find("okura steel holdings", Options{MaxEdits: 2})
	if len(hits) != 10 {
		t.Fatalf("Search = %d hits, want 10: %+v", len(hits), hits)
	}
	if h := hits[3]; h.Entity != 0 || h.Kind != Fuzzy || h.Edits != 1 {
		t.Errorf("Search[3] = %+v, want entity 0, fuzzy, 1 edit (after the 3 exact hits)", h)
	}
	if all := ix.Find("okura steel holdings", Options{Limit: 100, MaxEdits: 2}); !slices.Equal(hits, all[:10]) {
		t.Errorf("Search = %+v, want the start of %+v", hits, all)
	}
}

// BenchmarkSearch times searches over names made of common words: typos
// with two edits, display names (default options), and exact names.
func BenchmarkSearch(b *testing.B) {
	ix, names := commonWordIndex(b, 200000)
	rng := rand.New(rand.NewPCG(5, 6))
	var typos, displays []string
	for range 1000 {
		name := []byte(names[rng.IntN(len(names))][0])
		displays = append(displays, string(name))
		for range 2 {
			if i := 1 + rng.IntN(len(name)-1); name[i] != ' ' {
				name[i] = byte('a' + rng.IntN(26))
			}
		}
		typos = append(typos, string(name))
	}
	for _, bm := range []struct {
		name    string
		queries []string
		opts    Options
	}{
		{"Fuzzy2", typos, Options{MaxEdits: 2}},
		{"Default", displays, Options{}},
		{"Exact", displays, Options{MaxEdits: -1}},
	} {
		b.Run(bm.name, func(b *testing.B) {
			for i := 0; b.Loop(); i++ {
				ix.Find(bm.queries[i%len(bm.queries)], bm.opts)
			}
		})
	}
}

// TestExactNameIsNoMisspelling checks the default edits: a query that is a
// name exactly finds its prefix and token matches but no fuzzy ones ("China"
// is not a misspelling of "Chile"); asked for edits, it finds them; a query
// that is no name finds them by default.
func TestExactNameIsNoMisspelling(t *testing.T) {
	t.Parallel()
	ix, err := Build([][]string{{"China"}, {"Chile"}, {"China Mobile"}, {"Bank of China"}})
	if err != nil {
		t.Fatal(err)
	}
	kinds := func(hits []Hit) map[int32]MatchKind {
		out := map[int32]MatchKind{}
		for _, h := range hits {
			out[h.Entity] = h.Kind
		}
		return out
	}
	if got, want := kinds(ix.Find("china", Options{})), map[int32]MatchKind{0: Exact, 2: Prefix, 3: Token}; !maps.Equal(got, want) {
		t.Errorf("Find(china) = %v, want %v", got, want)
	}
	if got := kinds(ix.Find("china", Options{MaxEdits: 2})); got[1] != Fuzzy {
		t.Errorf("Find(china, 2 edits) = %v, want Chile among them, fuzzy", got)
	}
	if got := kinds(ix.Find("chine", Options{})); got[0] != Fuzzy || got[1] != Fuzzy {
		t.Errorf("Find(chine) = %v, want China and Chile, fuzzy", got)
	}
}
