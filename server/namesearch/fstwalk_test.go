package namesearch

import (
	"bytes"
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/blevesearch/vellum"

	"github.com/entitygraph/entitygraph/server/vellumfst"
)

// TestFuzzyWalkMatchesVellum checks the direct walk against vellum's own
// iterator and Levenshtein DFAs: the same keys, in the same order, with
// the same values and distances. The keys use every printable ASCII byte
// (common and uncommon ones in vellum's encoding, states of more than 63
// transitions) and large values (wide outputs).
func TestFuzzyWalkMatchesVellum(t *testing.T) {
	t.Parallel()
	builders, err := automata()
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for _, alphabet := range []string{"abcde ", "etaoinshrdlu 0123456789", printableASCII()} {
		letter := func() byte { return alphabet[rng.IntN(len(alphabet))] }
		keySet := map[string]bool{}
		for range 20000 {
			k := make([]byte, 1+rng.IntN(12))
			for i := range k {
				k[i] = letter()
			}
			keySet[string(k)] = true
		}
		keys := make([]string, 0, len(keySet))
		for k := range keySet {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		var buf bytes.Buffer
		b, err := vellum.New(&buf, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range keys {
			if err := b.Insert([]byte(k), rng.Uint64()>>rng.IntN(64)); err != nil {
				t.Fatal(err)
			}
		}
		if err := b.Close(); err != nil {
			t.Fatal(err)
		}
		fst, err := vellum.Load(buf.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		r, ok := vellumfst.NewReader(buf.Bytes())
		if !ok {
			t.Fatal("newFSTReader: not a v1 FST")
		}
		for range 300 {
			// Queries near a key, and random ones.
			q := []byte(keys[rng.IntN(len(keys))])
			for range rng.IntN(3) {
				q[rng.IntN(len(q))] = letter()
			}
			if rng.IntN(4) == 0 {
				q = q[:rng.IntN(len(q))+1]
			}
			for d := 1; d <= MaxEdits; d++ {
				dfa, err := builders[d].BuildDfa(string(q), uint8(d))
				if err != nil {
					t.Fatal(err)
				}
				var want []string
				it, err := fst.Search(dfa, nil, nil)
				for err == nil {
					k, v := it.Current()
					want = append(want, fmt.Sprintf("%q=%d/%d", k, v, it.EditDistance()))
					err = it.Next()
				}
				var got []string
				walkFuzzy(&r, string(q), d, func(k []byte, v uint64, dist int) bool {
					got = append(got, fmt.Sprintf("%q=%d/%d", k, v, dist))
					return true
				})
				if !slices.Equal(got, want) {
					t.Fatalf("query %q d=%d over %q keys:\n got %v\nwant %v", q, d, alphabet, got, want)
				}
			}
		}
	}
}

func printableASCII() string {
	var b []byte
	for c := byte(' '); c < 0x7f; c++ {
		b = append(b, c)
	}
	return string(b)
}

// TestFuzzyWalkStops checks that the walk ends as soon as its callback
// says so, which is how a key set caps a fuzzy search at maxScan keys.
func TestFuzzyWalkStops(t *testing.T) {
	t.Parallel()
	ks, err := buildKeySet([]string{"kiosk", "kiox", "kioxa", "kioxia", "kioxias", "kiwi"})
	if err != nil {
		t.Fatal(err)
	}
	var all, first []string
	walkFuzzy(&ks.asciiReader, "kioxia", 2, func(k []byte, _ uint64, _ int) bool {
		all = append(all, string(k))
		return true
	})
	if want := []string{"kiox", "kioxa", "kioxia", "kioxias"}; !slices.Equal(all, want) {
		t.Fatalf("walk = %q, want %q", all, want)
	}
	walkFuzzy(&ks.asciiReader, "kioxia", 2, func(k []byte, _ uint64, _ int) bool {
		first = append(first, string(k))
		return len(first) < 2
	})
	if want := all[:2]; !slices.Equal(first, want) {
		t.Errorf("walk stopped after 2 = %q, want %q", first, want)
	}
}

// TestPrefixWalkMatchesVellum checks the direct prefix walk of a key set
// against vellum's iterators: the same keys, in the same order, with the
// same lists, for ASCII and other queries over keys of both kinds.
func TestPrefixWalkMatchesVellum(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(5, 6))
	alphabet := []rune("abcde 東芝")
	seen := map[string]bool{}
	for range 5000 {
		k := make([]rune, 1+rng.IntN(8))
		for i := range k {
			k[i] = alphabet[rng.IntN(len(alphabet))]
		}
		seen[string(k)] = true
	}
	keys := slices.Sorted(maps.Keys(seen))
	ks, err := buildKeySet(keys)
	if err != nil {
		t.Fatal(err)
	}
	if !ks.asciiDirect || !ks.otherDirect {
		t.Fatal("the key set's FSTs are not read directly")
	}
	viaVellum := ks
	viaVellum.asciiDirect = false
	collect := func(ks *keySet, q string) []string {
		var got []string
		ks.prefix(q, func(key []byte, list uint64) { got = append(got, fmt.Sprintf("%s=%d", key, list)) })
		return got
	}
	for _, q := range []string{"a", "ab", "abc", "e", "東", "a東", "東芝", "b芝a", "x", "ee e"} {
		got, want := collect(&ks, q), collect(&viaVellum, q)
		if !slices.Equal(got, want) {
			t.Errorf("prefix(%q) = %d keys %q, want %d keys %q", q, len(got), got[:min(5, len(got))], len(want), want[:min(5, len(want))])
		}
	}
	if n := len(collect(&ks, "a")); n == 0 || n >= maxScan {
		t.Errorf("prefix(a) = %d keys: want some, under maxScan (%d), to compare whole", n, maxScan)
	}
}
