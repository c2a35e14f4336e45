package namesearch

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestNearKeysMatchesWalk checks the deletion index against the FST walk
// (itself checked against vellum): the same keys, lists, distances and
// order, for words near keys and random ones, with repeated letters
// (deletions that coincide) and keys around the longest filed.
func TestNearKeysMatchesWalk(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(9, 10))
	for _, alphabet := range []string{"ab", "abcde", "etaoinshrdlu0123456789"} {
		letter := func() byte { return alphabet[rng.IntN(len(alphabet))] }
		word := func(n int) string {
			b := make([]byte, n)
			for i := range b {
				b[i] = letter()
			}
			return string(b)
		}
		set := map[string]bool{}
		for range 5000 {
			set[word(1+rng.IntN(maxNearLen+MaxEdits+3))] = true
		}
		keys := make([]string, 0, len(set))
		for k := range set {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		ks, err := buildKeySet(keys)
		if err != nil {
			t.Fatal(err)
		}
		near := buildNearKeys(&ks)
		for range 400 {
			q := []byte(keys[rng.IntN(len(keys))])
			for range rng.IntN(4) {
				if len(q) == 0 {
					break
				}
				switch i := rng.IntN(len(q)); rng.IntN(3) {
				case 0:
					q[i] = letter()
				case 1:
					q = append(q[:i], q[i+1:]...)
				default:
					q = append(q[:i], append([]byte{letter()}, q[i:]...)...)
				}
			}
			if rng.IntN(5) == 0 {
				q = []byte(word(1 + rng.IntN(maxNearLen)))
			}
			if len(q) == 0 || len(q) > maxNearLen {
				continue
			}
			for d := 1; d <= MaxEdits; d++ {
				var want, got []string
				walkFuzzy(&ks.asciiReader, string(q), d, func(_ []byte, v uint64, dist int) bool {
					want = append(want, fmt.Sprintf("%d/%d", v, dist))
					return true
				})
				near.find(string(q), d, func(v uint64, dist int) bool {
					got = append(got, fmt.Sprintf("%d/%d", v, dist))
					return true
				})
				if !slices.Equal(got, want) {
					t.Fatalf("%q d=%d over %q keys:\n got %v\nwant %v", q, d, alphabet, got, want)
				}
			}
		}
	}
}

// TestDeletions checks the strings a deletion of up to d bytes leaves.
func TestDeletions(t *testing.T) {
	t.Parallel()
	var buf []byte
	for _, tt := range []struct {
		s    string
		d    int
		want []string
	}{
		{"abc", 1, []string{"abc", "bc", "ac", "ab"}},
		{"abc", 2, []string{"abc", "bc", "c", "b", "ac", "a", "ab"}},
		{"a", 2, []string{"a", ""}},
	} {
		var got []string
		deletions(tt.s, tt.d, &buf, func(b []byte) { got = append(got, string(b)) })
		if !slices.Equal(got, tt.want) {
			t.Errorf("deletions(%q, %d) = %q, want %q", tt.s, tt.d, got, tt.want)
		}
		if n := deletionCount(len(tt.s), tt.d); n != len(got) {
			t.Errorf("deletionCount(%d, %d) = %d, want %d", len(tt.s), tt.d, n, len(got))
		}
	}
}
