package index

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

func TestNameSet(t *testing.T) {
	t.Parallel()
	t.Run("bytes", func(t *testing.T) {
		t.Parallel()
		rng := rand.New(rand.NewPCG(1, 2))
		set := map[string]bool{"": true, "a": true, "ab": true, "abc": true, "b": true}
		for len(set) < 2000 {
			n := rng.IntN(12)
			b := make([]byte, n)
			for i := range b {
				b[i] = "ab-/é"[rng.IntN(5)]
			}
			set[fmt.Sprintf("relations/%s", b)] = true
		}
		testNameSet(t, set, false)
	})
	t.Run("words", func(t *testing.T) {
		t.Parallel()
		rng := rand.New(rand.NewPCG(3, 4))
		words := []string{"a", "ab", "abc", "b", "kioxia", "samsung", "2", "20", "z9"}
		set := map[string]bool{"people/a": true, "relations/a": true, "relations/a-b": true, "relations/ab": true}
		for len(set) < 3000 {
			name := []string{"organizations", "people", "relations"}[rng.IntN(3)] + "/" + words[rng.IntN(len(words))]
			for range rng.IntN(6) {
				name += "-" + words[rng.IntN(len(words))]
			}
			set[name] = true
		}
		testNameSet(t, set, true)
	})
}

func testNameSet(t *testing.T, set map[string]bool, byWord bool) {
	var sorted []string
	for s := range set {
		sorted = append(sorted, s)
	}
	slices.Sort(sorted)
	ns := newNameSet(sorted, true)
	if (ns.tok != nil) != byWord {
		t.Fatalf("coded by word = %v, want %v", ns.tok != nil, byWord)
	}
	loaded, err := loadNameSet(ns.data, len(sorted), ns.tok)
	if err != nil {
		t.Fatalf("loadNameSet: %v", err)
	}
	if !slices.Equal(loaded.blocks, ns.blocks) {
		t.Fatalf("loaded blocks differ")
	}
	// The same set searched through a hash table.
	hashed := ns
	hashed.table = newNameTable(&hashed)
	for i, s := range sorted {
		if got := ns.at(i); got != s {
			t.Fatalf("at(%d) = %q, want %q", i, got, s)
		}
		for _, set := range []*nameSet{&ns, &hashed} {
			if got, ok := set.find(s); !ok || got != i {
				t.Fatalf("find(%q) = %d, %v, want %d (hashed: %v)", s, got, ok, i, set.table != nil)
			}
			for _, miss := range []string{s + "\x00", s + "z", s + "-", s + "-a", s + "/a", s[:len(s)/2] + "~", s[:len(s)/2], "x" + s} {
				if _, want := slices.BinarySearch(sorted, miss); !want {
					if got, ok := set.find(miss); ok {
						t.Fatalf("find(%q) = %d, want not found (hashed: %v)", miss, got, set.table != nil)
					}
				}
			}
		}
	}
	ns.each(func(i int, name []byte) {
		if string(name) != sorted[i] {
			t.Fatalf("each %d = %q, want %q", i, name, sorted[i])
		}
	})
	if _, err := loadNameSet(ns.data[:len(ns.data)-1], len(sorted), ns.tok); err == nil {
		t.Error("loadNameSet(truncated) succeeded")
	}
	if _, err := loadNameSet(ns.data, len(sorted)+1, ns.tok); err == nil {
		t.Error("loadNameSet(one more) succeeded")
	}
}

func TestRuneStarts(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"", "abc", "최태원 and キオクシア — “quoted”", "0123456789abcdef최태원"} {
		b := []byte(s)
		for i := 0; i <= len(b); i++ {
			if got, want := runeStarts(b[:i])+runeStarts(b[i:]), len([]rune(s)); got != want {
				t.Errorf("runeStarts(%q) split at %d = %d, want %d", s, i, got, want)
			}
		}
	}
}
