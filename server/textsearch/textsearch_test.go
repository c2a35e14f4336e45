package textsearch

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

func TestTokenize(t *testing.T) {
	t.Parallel()
	var got []string
	Tokenize("Japan’s Kioxia, the world’s No. 2 NAND-flash producer; 최태원 Café", func(tok Token) { got = append(got, tok.Term) })
	want := []string{"japan", "s", "kioxia", "the", "world", "s", "no", "2", "nand", "flash", "producer", "최태원", "cafe"}
	if !slices.Equal(got, want) {
		t.Errorf("Tokenize = %q, want %q", got, want)
	}
}

func TestSearch(t *testing.T) {
	t.Parallel()
	texts := []string{
		"Samsung and Sony joined forces in the LCD market",
		"Sony used them to produce TVs",
		"Samsung manufactured the panels",
		"the LCD market the LCD market the LCD market sony",
	}
	blob, err := Build(len(texts), func(r int, emit func(string)) { emit(texts[r]) })
	if err != nil {
		t.Fatal(err)
	}
	ix, err := Open(blob, len(texts))
	if err != nil {
		t.Fatal(err)
	}
	q := ix.Parse("Samsung Sony")
	cands := ix.Candidates(q, nil, 10)
	if len(cands) != 4 || cands[0].Rel != 0 {
		t.Errorf("candidates = %v, want relation 0, which has both words, first", cands)
	}
	q = ix.Parse("joined forces")
	if m := q.MatchText(texts[0]); !m.Phrase || len(m.Spans) != 1 || texts[0][m.Spans[0][0]:m.Spans[0][1]] != "joined forces" {
		t.Errorf("match = %+v", m)
	}
	if c := ix.Candidates(ix.Parse("the"), nil, 10); len(c) != 0 {
		t.Errorf("a stopword found %v", c)
	}
	if _, err := Open(blob[:len(blob)-9], len(texts)); err == nil {
		t.Error("a truncated blob opens")
	}
	if _, err := Open(blob, 3); err == nil {
		t.Error("a blob opens for the wrong number of relations")
	}
}

// TestCandidatesMatchExhaustiveScoring checks the block-skipping search,
// and the champion lists of the commonest words, against scoring every
// statement: the same relations, in the same order, with the same scores.
func TestCandidatesMatchExhaustiveScoring(t *testing.T) {
	t.Parallel()
	t.Run("blocks", func(t *testing.T) {
		t.Parallel()
		checkCandidates(t, 6000, 30, 300, 60)
	})
	t.Run("champions", func(t *testing.T) {
		t.Parallel()
		// Short statements over few words: the commonest have more
		// than championMin postings.
		checkCandidates(t, 5*championMin, 4, 40, MaxDepth)
	})
}

// checkCandidates builds n random statements of up to maxWords words and
// compares the search for queries random queries, each with a random
// limit up to maxLimit, with exhaustive scoring.
func checkCandidates(t *testing.T, n, maxWords, queries, maxLimit int) {
	rng := rand.New(rand.NewPCG(uint64(n), 11))
	words := make([]string, 40)
	for i := range words {
		words[i] = fmt.Sprintf("w%d", i)
	}
	texts := make([]string, n)
	for r := range texts {
		var b strings.Builder
		for range 1 + rng.IntN(maxWords) {
			// Skewed: low word numbers are common, high ones rare.
			fmt.Fprintf(&b, "%s ", words[min(len(words)-1, int(rng.ExpFloat64()*6))])
		}
		texts[r] = b.String()
	}
	blob, err := Build(n, func(r int, emit func(string)) { emit(texts[r]) })
	if err != nil {
		t.Fatal(err)
	}
	ix, err := Open(blob, n)
	if err != nil {
		t.Fatal(err)
	}
	if q := ix.Parse("w0"); len(q.terms) != 1 || (n > championMin) != (q.terms[0].champions != nil) {
		t.Fatalf("w0 has %d postings; champions: %v", q.terms[0].df, q.terms[0].champions != nil)
	}
	exhaustive := func(q Query, keep func(int) bool, limit int) []Candidate {
		var out []Candidate
		for r := range n {
			if keep != nil && !keep(r) {
				continue
			}
			counts := map[string]int{}
			Tokenize(texts[r], func(tok Token) { counts[tok.Term]++ })
			score, any := 0.0, false
			for _, term := range q.terms {
				if tf := counts[term.text]; tf > 0 {
					score += term.idf * float64(tf) * (k1 + 1) / (float64(tf) + k1*(1-b+b*decodeLength(ix.lens[r])/ix.avgLen))
					any = true
				}
			}
			if any {
				out = append(out, Candidate{Rel: r, Score: score})
			}
		}
		slices.SortFunc(out, func(a, b Candidate) int {
			if c := cmp.Compare(b.Score, a.Score); c != 0 {
				return c
			}
			return cmp.Compare(a.Rel, b.Rel)
		})
		return out[:min(limit, len(out))]
	}
	for i := range queries {
		var qw []string
		for range 1 + rng.IntN(3) {
			qw = append(qw, words[rng.IntN(len(words))])
		}
		if i%4 == 1 {
			qw = []string{"w0"} // the commonest word alone
		}
		q := ix.Parse(strings.Join(qw, " "))
		limit := 1 + rng.IntN(maxLimit)
		var keep func(int) bool
		switch i % 3 {
		case 0:
			keep = func(r int) bool { return r%5 != 0 }
		case 2:
			keep = func(r int) bool { return r%97 == 0 } // few enough that the champions do not suffice
		}
		got, want := ix.Candidates(q, keep, limit), exhaustive(q, keep, limit)
		if len(got) != len(want) {
			t.Fatalf("%q limit %d: %d candidates, want %d", qw, limit, len(got), len(want))
		}
		for j := range got {
			if got[j].Rel != want[j].Rel || math.Abs(got[j].Score-want[j].Score) > 1e-9 {
				t.Fatalf("%q limit %d: candidate %d = %+v, want %+v", qw, limit, j, got[j], want[j])
			}
		}
	}
}
