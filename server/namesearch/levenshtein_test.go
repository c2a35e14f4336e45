package namesearch

import (
	"math/rand/v2"
	"testing"
)

// TestLevQueryMatchesVellum checks the bit-parallel automaton against
// vellum's built DFAs on random strings: the same matches at the same
// distances.
func TestLevQueryMatchesVellum(t *testing.T) {
	t.Parallel()
	builders, err := automata()
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(7, 8))
	word := func(n int) string {
		b := make([]byte, n)
		for i := range b {
			b[i] = "abcd e"[rng.IntN(6)]
		}
		return string(b)
	}
	for range 4000 {
		q := word(1 + rng.IntN(9))
		// Keys near the query, and random ones.
		k := []byte(q)
		for range rng.IntN(4) {
			switch i := rng.IntN(len(k) + 1); rng.IntN(4) {
			case 0:
				k = append(k[:i], append([]byte{"abcd e"[rng.IntN(6)]}, k[i:]...)...)
			case 1:
				if i < len(k) {
					k = append(k[:i], k[i+1:]...)
				}
			case 2:
				if i+1 < len(k) {
					k[i], k[i+1] = k[i+1], k[i]
				}
			default:
				if i < len(k) {
					k[i] = "abcd e"[rng.IntN(6)]
				}
			}
		}
		key := string(k)
		if rng.IntN(4) == 0 {
			key = word(rng.IntN(10))
		}
		for d := 1; d <= MaxEdits; d++ {
			dfa, err := builders[d].BuildDfa(q, uint8(d))
			if err != nil {
				t.Fatal(err)
			}
			wantOK, wantD := dfa.MatchAndDistance(key)
			var a levQuery
			a.reset(q, d)
			gotOK, gotD := a.matchAndDistance(key)
			if gotOK != wantOK || (wantOK && gotD != int(wantD)) {
				t.Fatalf("query %q key %q d=%d: got (%v, %d), vellum (%v, %d)", q, key, d, gotOK, gotD, wantOK, wantD)
			}
		}
	}
}
