package vellumfst

import (
	"bytes"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/blevesearch/vellum"
)

// build makes an FST of keys (sorted, distinct) with vellum, each key's
// value drawn by value.
func build(t *testing.T, keys []string, value func() uint64) ([]byte, []uint64) {
	t.Helper()
	var buf bytes.Buffer
	b, err := vellum.New(&buf, nil)
	if err != nil {
		t.Fatal(err)
	}
	values := make([]uint64, len(keys))
	for i, k := range keys {
		values[i] = value()
		if err := b.Insert([]byte(k), values[i]); err != nil {
			t.Fatal(err)
		}
	}
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), values
}

// walk returns every key of r with its value, in the order transitions
// are numbered.
func walk(r *Reader) (keys []string, values []uint64) {
	var visit func(addr int, key []byte, out uint64)
	visit = func(addr int, key []byte, out uint64) {
		var s State
		r.State(addr, &s)
		if s.Final {
			keys = append(keys, string(key))
			values = append(values, out+s.FinalOut)
		}
		for i := range s.N {
			next, tout := s.Target(i)
			visit(next, append(key, s.ByteAt(i)), out+tout)
		}
	}
	visit(r.Root(), nil, 0)
	return keys, values
}

// TestReaderMatchesVellum reads FSTs that vellum built, over alphabets
// that give every kind of state it writes (common and uncommon bytes,
// states with one transition and with more than 63, wide and zero
// outputs), and checks that walking every state yields exactly the keys
// and values vellum stored, in order.
func TestReaderMatchesVellum(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(7, 8))
	var printable []byte
	for c := byte(' '); c < 0x7f; c++ {
		printable = append(printable, c)
	}
	for _, alphabet := range []string{"ab", "etaoinshrdlu 0123456789", string(printable), "\x00\xff\x80é"} {
		set := map[string]bool{}
		for range 5000 {
			k := make([]byte, 1+rng.IntN(10))
			for i := range k {
				k[i] = alphabet[rng.IntN(len(alphabet))]
			}
			set[string(k)] = true
		}
		keys := make([]string, 0, len(set))
		for k := range set {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, value := range []func() uint64{
			func() uint64 { return 0 },
			func() uint64 { return rng.Uint64() >> rng.IntN(64) },
		} {
			data, values := build(t, keys, value)
			r, ok := NewReader(data)
			if !ok {
				t.Fatal("NewReader rejects an FST vellum wrote")
			}
			gotKeys, gotValues := walk(&r)
			if !slices.Equal(gotKeys, keys) || !slices.Equal(gotValues, values) {
				t.Fatalf("alphabet %q: walked %d keys, vellum stored %d, or their values differ", alphabet, len(gotKeys), len(keys))
			}
		}
	}
}

// TestNewReaderRejects checks that data in another format is not read.
func TestNewReaderRejects(t *testing.T) {
	t.Parallel()
	data, _ := build(t, []string{"a", "b"}, func() uint64 { return 1 })
	if _, ok := NewReader(data); !ok {
		t.Fatal("NewReader rejects a v1 FST")
	}
	other := bytes.Clone(data)
	other[0] = FormatVersion + 1
	for name, d := range map[string][]byte{"another version": other, "short": data[:20], "empty": nil} {
		if _, ok := NewReader(d); ok {
			t.Errorf("NewReader(%s) accepted", name)
		}
	}
}
