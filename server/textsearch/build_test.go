package textsearch

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/vellum"
)

// TestBuildMatchesReference checks that Build, however many shards it
// uses, writes the very blob of a plain one-map-per-word build: the words
// of mixed case, beyond ASCII, stopwords, a count past 255, and lists
// long enough for champions.
func TestBuildMatchesReference(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(3, 5))
	vocabulary := []string{"Samsung", "SK", "hynix", "Kioxia", "the", "of", "Café", "최태원", "NAND-flash", "Ａｂｃ", "x2", "ﬁne", "Ü", "̈"}
	for i := range 60 {
		vocabulary = append(vocabulary, fmt.Sprintf("W%d", i))
	}
	n := 3*championMin + 17
	texts := make([][]string, n)
	for r := range texts {
		for range 1 + rng.IntN(3) {
			var b strings.Builder
			for range rng.IntN(8) {
				b.WriteString(vocabulary[min(len(vocabulary)-1, int(rng.ExpFloat64()*8))])
				b.WriteString([]string{" ", ", ", "’", "\t"}[rng.IntN(4)])
			}
			texts[r] = append(texts[r], b.String())
		}
	}
	texts[5] = []string{strings.Repeat("kioxia ", 300)}
	source := func(r int, emit func(string)) {
		for _, s := range texts[r] {
			emit(s)
		}
	}
	want, err := referenceBuild(n, source)
	if err != nil {
		t.Fatal(err)
	}
	for _, shards := range []int{1, 2, 3, 7} {
		got, err := build(n, source, shards)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%d shards: the blob differs from the reference build's (%d bytes, want %d)", shards, len(got), len(want))
		}
	}
}

// referenceBuild is Build as first written: a map per word, the
// relation's words counted in a map, every champion list fully sorted.
func referenceBuild(n int, texts Texts) ([]byte, error) {
	type list struct {
		rels []uint32
		tf   []uint8
	}
	lists := map[string]*list{}
	lens := make([]uint8, n)
	counts := map[string]int{}
	for r := range n {
		clear(counts)
		length := 0
		texts(r, func(text string) {
			Tokenize(text, func(t Token) {
				if !stopwords[t.Term] {
					counts[t.Term]++
					length++
				}
			})
		})
		lens[r] = encodeLength(length)
		for term, c := range counts {
			l := lists[term]
			if l == nil {
				l = &list{}
				lists[term] = l
			}
			l.rels = append(l.rels, uint32(r))
			l.tf = append(l.tf, uint8(min(c, 255)))
		}
	}
	avgLen := averageLength(lens)
	terms := make([]string, 0, len(lists))
	for t := range lists {
		terms = append(terms, t)
	}
	slices.Sort(terms)
	var fst bytes.Buffer
	fb, err := vellum.New(&fst, nil)
	if err != nil {
		return nil, err
	}
	offsets := make([]byte, 0, 8*(len(terms)+1))
	var postings []byte
	for i, t := range terms {
		if err := fb.Insert([]byte(t), uint64(i)); err != nil {
			return nil, err
		}
		offsets = binary.LittleEndian.AppendUint64(offsets, uint64(len(postings)))
		l := lists[t]
		postings = binary.AppendUvarint(postings, uint64(len(l.rels)))
		postings = referencePostings(postings, l.rels, l.tf, lens, avgLen)
	}
	offsets = binary.LittleEndian.AppendUint64(offsets, uint64(len(postings)))
	if err := fb.Close(); err != nil {
		return nil, err
	}
	var blob []byte
	blob = append(blob, magic...)
	for _, v := range []int{n, len(terms), fst.Len(), len(offsets), len(postings), len(lens)} {
		blob = binary.LittleEndian.AppendUint64(blob, uint64(v))
	}
	for _, sec := range [][]byte{fst.Bytes(), offsets, postings, lens} {
		blob = append(blob, sec...)
		for len(blob)%8 != 0 {
			blob = append(blob, 0)
		}
	}
	return blob, nil
}

func referencePostings(dst []byte, rels []uint32, tf []uint8, lens []uint8, avgLen float64) []byte {
	blocks := (len(rels) + blockSize - 1) / blockSize
	var body []byte
	var table []byte
	prev := uint32(0)
	for k := range blocks {
		best := 0.0
		for j := k * blockSize; j < min(len(rels), (k+1)*blockSize); j++ {
			r := rels[j]
			body = binary.AppendUvarint(body, uint64(r-prev))
			body = append(body, tf[j])
			prev = r
			best = max(best, impact(int(tf[j]), lens[r], avgLen))
		}
		table = binary.LittleEndian.AppendUint32(table, prev)
		table = binary.LittleEndian.AppendUint32(table, uint32(len(body)))
		// Rounded up, so that the bound holds in float32.
		table = binary.LittleEndian.AppendUint32(table, math.Float32bits(math.Nextafter32(float32(best), float32(math.Inf(1)))))
	}
	if len(rels) > championMin {
		dst = referenceChampions(dst, rels, tf, lens, avgLen)
	}
	if blocks > 1 {
		dst = append(dst, table...)
	}
	return append(dst, body...)
}

func referenceChampions(dst []byte, rels []uint32, tf []uint8, lens []uint8, avgLen float64) []byte {
	order := make([]int, len(rels))
	impacts := make([]float64, len(rels))
	for j, r := range rels {
		order[j] = j
		impacts[j] = impact(int(tf[j]), lens[r], avgLen)
	}
	slices.SortFunc(order, func(a, b int) int {
		if c := cmp.Compare(impacts[b], impacts[a]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	order = order[:min(len(order), MaxDepth)]
	dst = binary.AppendUvarint(dst, uint64(len(order)))
	for _, j := range order {
		dst = binary.LittleEndian.AppendUint32(dst, rels[j])
		dst = append(dst, tf[j])
	}
	return dst
}
