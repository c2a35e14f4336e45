// Package textsearch is entitygraph's statement search: a BM25 index over
// the words of each relation's statements — its evidence quotes and its
// reading — that finds the relations a text speaks of, ranked, with the
// spans that matched.
//
// The index is one byte blob (see [Build] and [Open]) that the snapshot
// maps from its file beside the documents' text, so that a graph of ten
// million relations serves statement search without holding its postings
// on the heap. The blob holds a vellum FST from word to word number, the
// word offsets, the postings (per word: the relations it occurs in, as
// deltas, each with how often; a long list starts with a table of its
// blocks, for skipping, and the longest also with their champions, the
// best postings), and a byte per relation for its length.
//
// A search's cost is bounded whatever the graph's size: it merges the
// lists of several words only while they hold at most scanLimit postings
// together, and reads a word that is searched alone, when it is common,
// from its champions — unless the search's filters leave fewer than it
// asks for among them, when the whole list is read.
//
// It reads nothing of the rest of the server.
package textsearch

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/vellum"

	"github.com/entitygraph/entitygraph/server/namesearch"
)

// Token is one word of a text, by byte offsets.
type Token struct {
	Term       string // folded: lowercase, width and Latin diacritics folded
	Start, End int
}

// stopwords are words too common to say what a statement is about; they
// are neither indexed nor searched for.
var stopwords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a an and are as at be been but by for from had has have he her his i in is it its
		of on or s she that the their them they this to was we were which who with`) {
		stopwords[w] = true
	}
}

// IsStopword reports whether a folded term is a stopword.
func IsStopword(term string) bool { return stopwords[term] }

// Tokenize splits text into words: runs of letters, digits and combining
// marks, each folded as names are (namesearch.Normalize). Apostrophes and
// all punctuation separate words, so "Kioxia’s" gives "kioxia" and "s".
func Tokenize(text string, yield func(Token)) {
	scanWords(text, func(start, end int, ascii bool) {
		raw := text[start:end]
		term := raw
		if ascii {
			term = asciiLower(raw)
		} else {
			term = foldWord(raw)
		}
		if term != "" {
			yield(Token{Term: term, Start: start, End: end})
		}
	})
}

// scanWords calls word with the byte span of each word of text (see
// [Tokenize]), and whether it is all ASCII.
func scanWords(text string, word func(start, end int, ascii bool)) {
	start := -1
	ascii := true
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
				if start < 0 {
					start = i
				}
			} else if start >= 0 {
				word(start, i, ascii)
				start, ascii = -1, true
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r) {
			if start < 0 {
				start = i
			}
			ascii = false
		} else if start >= 0 {
			word(start, i, ascii)
			start, ascii = -1, true
		}
		i += n
	}
	if start >= 0 {
		word(start, len(text), ascii)
	}
}

// foldWord folds a word with letters beyond ASCII as names are folded.
func foldWord(raw string) string {
	return strings.ReplaceAll(namesearch.Normalize(raw), " ", "")
}

func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}

// Texts gives the statement texts of relation r to emit: its evidence
// quotes, then its reading. The texts of a relation are read as one
// statement, as if joined by spaces. Build calls it from several
// goroutines at once, each for its own relations.
type Texts func(r int, emit func(text string))

// Build indexes the statements of relations 0..n-1.
func Build(n int, texts Texts) ([]byte, error) {
	return build(n, texts, runtime.GOMAXPROCS(0))
}

// build indexes the statements of relations 0..n-1 in up to shards
// contiguous runs of relations, one goroutine each, and merges their
// lists; the blob does not depend on shards.
func build(n int, texts Texts, shards int) ([]byte, error) {
	shards = max(1, min(shards, n/minShard))
	lens := make([]uint8, n)
	parts := make([]*shard, shards)
	var wg sync.WaitGroup
	for i := range parts {
		parts[i] = &shard{ids: map[string]uint32{}}
		lo, hi := i*n/shards, (i+1)*n/shards
		wg.Go(func() { parts[i].index(lo, hi, texts, lens) })
	}
	wg.Wait()
	avgLen := averageLength(lens)

	// Each shard's words, sorted, merged into one sorted list: a word's
	// postings are its shards' lists one after another, which keeps them
	// in relation order as the shards' runs are.
	sorted := make([][]uint32, shards)
	for i, p := range parts {
		sorted[i] = p.sortedTerms()
	}
	var fst bytes.Buffer
	fb, err := vellum.New(&fst, nil)
	if err != nil {
		return nil, err
	}
	var offsets, postings []byte
	var rels []uint32
	var tf []uint8
	next := make([]int, shards)
	terms := 0
	for {
		// The least word at the shards' heads.
		var least string
		found := false
		for i, p := range parts {
			if next[i] < len(sorted[i]) {
				if t := p.terms[sorted[i][next[i]]]; !found || t < least {
					least, found = t, true
				}
			}
		}
		if !found {
			break
		}
		rels, tf = rels[:0], tf[:0]
		for i, p := range parts {
			if next[i] < len(sorted[i]) {
				if id := sorted[i][next[i]]; p.terms[id] == least {
					rels = append(rels, p.rels[id]...)
					tf = append(tf, p.tf[id]...)
					next[i]++
				}
			}
		}
		if err := fb.Insert([]byte(least), uint64(terms)); err != nil {
			return nil, err
		}
		terms++
		offsets = binary.LittleEndian.AppendUint64(offsets, uint64(len(postings)))
		postings = binary.AppendUvarint(postings, uint64(len(rels)))
		postings = appendPostings(postings, rels, tf, lens, avgLen)
	}
	offsets = binary.LittleEndian.AppendUint64(offsets, uint64(len(postings)))
	if err := fb.Close(); err != nil {
		return nil, err
	}
	// Header: magic, relation count, term count, then the sections'
	// lengths; the sections follow, each 8-byte aligned.
	var blob []byte
	blob = append(blob, magic...)
	for _, v := range []int{n, terms, fst.Len(), len(offsets), len(postings), len(lens)} {
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

// minShard is the fewest relations worth a goroutine of their own.
const minShard = 4096

// shard is the words of one run of relations: each word by number, with
// the relations it occurs in and how often.
type shard struct {
	ids   map[string]uint32
	terms []string
	stop  []bool
	rels  [][]uint32
	tf    [][]uint8
	buf   []byte // a word being lowercased
}

// index adds the statements of relations lo..hi-1, setting their lengths
// in lens.
func (s *shard) index(lo, hi int, texts Texts, lens []uint8) {
	r, length := 0, 0
	add := func(text string) {
		scanWords(text, func(start, end int, ascii bool) {
			id, ok := s.id(text[start:end], ascii)
			if !ok || s.stop[id] {
				return
			}
			length++
			rels := s.rels[id]
			if k := len(rels) - 1; k >= 0 && rels[k] == uint32(r) {
				if s.tf[id][k] < math.MaxUint8 {
					s.tf[id][k]++
				}
				return
			}
			s.rels[id] = append(rels, uint32(r))
			s.tf[id] = append(s.tf[id], 1)
		})
	}
	for r = lo; r < hi; r++ {
		length = 0
		texts(r, add)
		lens[r] = encodeLength(length)
	}
}

// id returns the number of the word raw, folded, adding it when new; false
// when it folds to nothing.
func (s *shard) id(raw string, ascii bool) (uint32, bool) {
	var id uint32
	var ok bool
	if ascii {
		s.buf = s.buf[:0]
		for i := 0; i < len(raw); i++ {
			c := raw[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			s.buf = append(s.buf, c)
		}
		if id, ok = s.ids[string(s.buf)]; ok {
			return id, true
		}
		return s.add(string(s.buf)), true
	}
	term := foldWord(raw)
	if term == "" {
		return 0, false
	}
	if id, ok = s.ids[term]; ok {
		return id, true
	}
	return s.add(term), true
}

// add numbers a new word.
func (s *shard) add(term string) uint32 {
	id := uint32(len(s.terms))
	s.ids[term] = id
	s.terms = append(s.terms, term)
	s.stop = append(s.stop, stopwords[term])
	s.rels = append(s.rels, nil)
	s.tf = append(s.tf, nil)
	return id
}

// sortedTerms returns the numbers of the shard's indexed words (not
// stopwords), in the words' order.
func (s *shard) sortedTerms() []uint32 {
	ids := make([]uint32, 0, len(s.terms))
	for id := range s.terms {
		if !s.stop[id] {
			ids = append(ids, uint32(id))
		}
	}
	slices.SortFunc(ids, func(a, b uint32) int { return strings.Compare(s.terms[a], s.terms[b]) })
	return ids
}

// blockSize is how many postings a block of a word's list holds. A list
// longer than one block starts with a table of its blocks, so that a
// search can skip a block whose best statement could not enter its
// results (block-max pruning, as in Lucene's and PISA's top-k search).
const blockSize = 128

// blockEntry is the size of one block's entry in a list's table: the last
// relation of the block, the end of its postings (from the end of the
// table), and an upper bound of its postings' BM25 weight without the idf.
const blockEntry = 12

// appendPostings appends a word's postings — a block table when there is
// more than one block, then each relation as a delta and its count — to
// dst.
func appendPostings(dst []byte, rels []uint32, tf []uint8, lens []uint8, avgLen float64) []byte {
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
		dst = appendChampions(dst, rels, tf, lens, avgLen)
	}
	if blocks > 1 {
		dst = append(dst, table...)
	}
	return append(dst, body...)
}

// MaxDepth is the most candidates a search ranks.
const MaxDepth = 1000

// championMin is the length of list above which a word also keeps its
// champions: its MaxDepth best postings, best first, so that a search for
// that word alone reads them instead of the whole list (the champion lists
// of Manning, Raghavan and Schütze's Introduction to Information Retrieval,
// 7.1.3). A commoner word's list is read only when the query is that word
// alone; with rarer words, they are read and it is left for Rescore.
const championMin = 20_000

// championEntry is the size of one champion: its relation and count.
const championEntry = 5

// appendChampions appends a word's champions: their number, then each
// relation and count, by impact, best first (ties in relation order).
func appendChampions(dst []byte, rels []uint32, tf []uint8, lens []uint8, avgLen float64) []byte {
	// A posting's impact depends only on its count and its statement's
	// encoded length: the champions are those above the impact of the
	// MaxDepth-th best, found by counting postings per (count, length),
	// and the first in relation order of those at it.
	var counts [1 << 16]int32
	for j, r := range rels {
		counts[int(tf[j])<<8|int(lens[r])]++
	}
	type group struct {
		impact float64
		n      int32
	}
	var groups []group
	for key, c := range counts {
		if c > 0 {
			groups = append(groups, group{impact(key>>8, uint8(key), avgLen), c})
		}
	}
	slices.SortFunc(groups, func(a, b group) int { return cmp.Compare(b.impact, a.impact) })
	threshold, above := math.Inf(-1), 0
	for _, g := range groups {
		threshold = g.impact
		if above+int(g.n) >= MaxDepth {
			break
		}
		above += int(g.n)
	}
	// above counts the postings of the groups better than threshold,
	// but one group of another count and length may share its impact.
	above = 0
	for _, g := range groups {
		if g.impact > threshold {
			above += int(g.n)
		}
	}
	atThreshold := MaxDepth - above
	order := make([]int, 0, MaxDepth)
	impacts := make([]float64, 0, MaxDepth)
	for j, r := range rels {
		im := impact(int(tf[j]), lens[r], avgLen)
		switch {
		case im > threshold:
		case im == threshold && atThreshold > 0:
			atThreshold--
		default:
			continue
		}
		order = append(order, j)
		impacts = append(impacts, im)
	}
	idx := make([]int, len(order))
	for k := range idx {
		idx[k] = k
	}
	slices.SortFunc(idx, func(a, b int) int {
		if c := cmp.Compare(impacts[b], impacts[a]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	dst = binary.AppendUvarint(dst, uint64(len(idx)))
	for _, k := range idx {
		j := order[k]
		dst = binary.LittleEndian.AppendUint32(dst, rels[j])
		dst = append(dst, tf[j])
	}
	return dst
}

// impact is BM25's weight of a word without its idf: for tf occurrences
// in a statement of encoded length l.
func impact(tf int, l uint8, avgLen float64) float64 { return bm25(1, tf, lengthNorm(l, avgLen)) }

// lengthNorm is BM25's length normalization of a statement of encoded
// length l.
func lengthNorm(l uint8, avgLen float64) float64 { return k1 * (1 - b + b*decodeLength(l)/avgLen) }

// bm25 is the BM25 weight of a word of inverse document frequency idf
// that a statement with length normalization norm holds tf times.
func bm25(idf float64, tf int, norm float64) float64 {
	f := float64(tf)
	return idf * f * (k1 + 1) / (f + norm)
}

// averageLength is the mean statement length that BM25 normalizes by.
func averageLength(lens []uint8) float64 {
	total := 0.0
	for _, l := range lens {
		total += decodeLength(l)
	}
	return max(1, total/float64(max(len(lens), 1)))
}

// magic starts a blob, with the format's version.
var magic = []byte("EGTXT\x00\x00\x02")

// headerSize is the blob's header: the magic and six counts.
const headerSize = 8 + 6*8

// encodeLength stores a statement's length in words in a byte, exact to
// 64 and then on a logarithmic scale, as Lucene keeps its norms: BM25
// needs lengths only roughly.
func encodeLength(n int) uint8 {
	if n < 64 {
		return uint8(n)
	}
	return uint8(min(255, 64+int(math.Round(16*math.Log2(float64(n)/64)))))
}

func decodeLength(b uint8) float64 {
	if b < 64 {
		return float64(b)
	}
	return 64 * math.Exp2(float64(b-64)/16)
}

// Index is a statement index opened over its blob.
type Index struct {
	n        int
	fst      *vellum.FST
	offsets  []byte // little-endian uint64 per term, and one past the end
	postings []byte
	lens     []uint8
	avgLen   float64
}

// ErrCorrupt is a blob that is not a statement index.
var ErrCorrupt = errors.New("statement index: corrupt")

// Open opens a blob made by [Build]; the index reads it in place, so it
// must stay unchanged while the index is used. It checks the blob's
// structure, not every posting: a posting that does not decode ends that
// word's list at search time.
func Open(blob []byte, relations int) (*Index, error) {
	if len(blob) < headerSize || !bytes.Equal(blob[:8], magic) {
		return nil, fmt.Errorf("%w: no header", ErrCorrupt)
	}
	var h [6]uint64
	for i := range h {
		h[i] = binary.LittleEndian.Uint64(blob[8+8*i:])
	}
	n, terms, fstLen, offLen, postLen, lensLen := h[0], h[1], h[2], h[3], h[4], h[5]
	if n != uint64(relations) || lensLen != n || offLen != 8*(terms+1) {
		return nil, fmt.Errorf("%w: counts %v for %d relations", ErrCorrupt, h, relations)
	}
	ix := &Index{n: relations}
	pos := uint64(headerSize)
	section := func(length uint64) ([]byte, bool) {
		if length > uint64(len(blob)) || pos > uint64(len(blob))-length {
			return nil, false
		}
		s := blob[pos : pos+length]
		pos += (length + 7) / 8 * 8
		return s, true
	}
	fstBytes, ok1 := section(fstLen)
	offsets, ok2 := section(offLen)
	postings, ok3 := section(postLen)
	lens, ok4 := section(lensLen)
	if !ok1 || !ok2 || !ok3 || !ok4 {
		return nil, fmt.Errorf("%w: sections overrun the blob", ErrCorrupt)
	}
	fst, err := vellum.Load(fstBytes)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	if fst.Len() != int(terms) {
		return nil, fmt.Errorf("%w: %d words in the FST, %d in the header", ErrCorrupt, fst.Len(), terms)
	}
	prev := uint64(0)
	for t := range terms + 1 {
		o := binary.LittleEndian.Uint64(offsets[8*t:])
		if o < prev || o > postLen {
			return nil, fmt.Errorf("%w: word offsets out of order", ErrCorrupt)
		}
		prev = o
	}
	ix.fst, ix.offsets, ix.postings, ix.lens = fst, offsets, postings, lens
	ix.avgLen = averageLength(lens)
	return ix, nil
}

// Bytes is the size of the index's blob sections.
func (ix *Index) Bytes() int {
	return len(ix.offsets) + len(ix.postings) + len(ix.lens)
}

// term is a query word found in the index.
type term struct {
	text      string
	champions []byte // its best postings, championEntry bytes each, for a list longer than championMin
	table     []byte // its block table: blockEntry bytes a block; empty for a list of one block
	list      []byte // its postings, after the count and the table
	df        int
	idf       float64
	maxImp    float64 // the highest impact of its postings: an upper bound
}

// lookup finds a word's postings.
func (ix *Index) lookup(text string) (term, bool) {
	id, ok, err := ix.fst.Get([]byte(text))
	if err != nil || !ok || 8*(id+1) >= uint64(len(ix.offsets)) {
		return term{}, false
	}
	from := binary.LittleEndian.Uint64(ix.offsets[8*id:])
	to := binary.LittleEndian.Uint64(ix.offsets[8*(id+1):])
	list := ix.postings[from:to]
	df, k := binary.Uvarint(list)
	if k <= 0 || df == 0 {
		return term{}, false
	}
	t := term{text: text, list: list[k:], df: int(df), maxImp: k1 + 1}
	if t.df > championMin {
		c, k := binary.Uvarint(t.list)
		if k <= 0 || c > MaxDepth || uint64(len(t.list)-k) < c*championEntry {
			return term{}, false
		}
		t.champions, t.list = t.list[k:k+int(c)*championEntry], t.list[k+int(c)*championEntry:]
	}
	if blocks := (t.df + blockSize - 1) / blockSize; blocks > 1 {
		if len(t.list) < blocks*blockEntry {
			return term{}, false
		}
		t.table, t.list = t.list[:blocks*blockEntry], t.list[blocks*blockEntry:]
	}
	t.idf = math.Log(1 + (float64(ix.n)-float64(df)+0.5)/(float64(df)+0.5))
	return t, true
}

// BM25's parameters.
const (
	k1 = 1.2
	b  = 0.75
)

// weight is a word's BM25 weight in a statement of tf occurrences and
// encoded length l.
func (ix *Index) weight(t term, tf int, l uint8) float64 {
	return bm25(t.idf, tf, lengthNorm(l, ix.avgLen))
}

// Candidate is a relation that a search scored, before reranking.
type Candidate struct {
	Rel   int
	Score float64
}

// Query is a search's words, looked up.
type Query struct {
	Words []string // the folded words searched for, stopwords left out unless there are only stopwords
	terms []term
}

// Parse tokenizes a query and looks its words up.
func (ix *Index) Parse(text string) Query {
	var all, content []string
	Tokenize(text, func(t Token) {
		if !slices.Contains(all, t.Term) {
			all = append(all, t.Term)
			if !stopwords[t.Term] {
				content = append(content, t.Term)
			}
		}
	})
	q := Query{Words: content}
	if len(content) == 0 {
		q.Words = all
	}
	for _, w := range q.Words {
		if t, ok := ix.lookup(w); ok {
			q.terms = append(q.terms, t)
		}
	}
	slices.SortFunc(q.terms, func(a, b term) int { return cmp.Compare(a.df, b.df) })
	return q
}

// scanLimit is how many postings a search decodes for its rarer words:
// commoner words only score the candidates those found, when the
// statements are read again (see [Index.Rescore]).
const scanLimit = 200_000

// Candidates scores the relations that hold the query's words by BM25 and
// returns the best limit of those keep accepts, best first (ties in
// relation order). Words are read rarest first; once some have been read,
// a word with more postings than scanLimit, which says little about which
// statement is meant, is left for Rescore.
//
// The postings lists are merged relation by relation (they are sorted),
// so that each relation is scored, and offered to keep, once, and only the
// best limit are held. Once limit are held, a stretch of relations in which
// the lists' current blocks together could not beat the worst of them is
// skipped unread.
func (ix *Index) Candidates(q Query, keep func(r int) bool, limit int) []Candidate {
	if limit <= 0 {
		return nil
	}
	// norms[l] is BM25's length normalization for encoded length l.
	var norms [256]float64
	for l := range norms {
		norms[l] = lengthNorm(uint8(l), ix.avgLen)
	}
	var cursors []cursor
	scanned := 0
	for i := range q.terms {
		t := &q.terms[i]
		if i > 0 && scanned+t.df > scanLimit {
			break
		}
		scanned += t.df
		c := cursor{t: t, rel: -1, block: -1, weights: new([tabulated][256]float64)}
		for tf := 1; tf < tabulated; tf++ {
			for l := range c.weights[tf] {
				c.weights[tf][l] = bm25(t.idf, tf, norms[l])
			}
		}
		if c.next(ix.n) {
			cursors = append(cursors, c)
		}
	}
	if len(cursors) == 1 && cursors[0].t.champions != nil {
		if out, ok := ix.champions(*cursors[0].t, keep, limit, &norms); ok {
			return out
		}
	}
	best := topK{limit: limit}
	for len(cursors) > 0 {
		r := cursors[0].rel
		for i := 1; i < len(cursors); i++ {
			r = min(r, cursors[i].rel)
		}
		if full, worst := best.threshold(); full {
			// Within [r, end) every list stays in its current block.
			end, bound := ix.n, 0.0
			for i := range cursors {
				end = min(end, cursors[i].last+1)
				bound += cursors[i].bound
			}
			if bound <= worst {
				for i := 0; i < len(cursors); {
					if !cursors[i].skipTo(end, ix.n) {
						cursors = slices.Delete(cursors, i, i+1)
						continue
					}
					i++
				}
				continue
			}
		}
		score := 0.0
		l := ix.lens[r]
		for i := 0; i < len(cursors); {
			c := &cursors[i]
			if c.rel == r {
				if c.tf < tabulated {
					score += c.weights[c.tf][l]
				} else {
					score += bm25(c.t.idf, c.tf, norms[l])
				}
				if !c.next(ix.n) {
					cursors = slices.Delete(cursors, i, i+1)
					continue
				}
			}
			i++
		}
		if best.admits(score, r) && (keep == nil || keep(r)) {
			best.push(Candidate{Rel: r, Score: score})
		}
	}
	out := best.items
	slices.SortFunc(out, func(a, b Candidate) int {
		if c := cmp.Compare(b.Score, a.Score); c != 0 {
			return c
		}
		return cmp.Compare(a.Rel, b.Rel)
	})
	return out
}

// champions returns the best limit of t's champions that keep accepts,
// best first; it reports false when fewer than limit are accepted, and
// the whole list must be read.
func (ix *Index) champions(t term, keep func(r int) bool, limit int, norms *[256]float64) ([]Candidate, bool) {
	var out []Candidate
	for c := t.champions; len(c) >= championEntry && len(out) < limit; c = c[championEntry:] {
		r := int(binary.LittleEndian.Uint32(c))
		if r >= ix.n {
			return nil, false
		}
		if keep != nil && !keep(r) {
			continue
		}
		out = append(out, Candidate{Rel: r, Score: bm25(t.idf, int(c[4]), norms[ix.lens[r]])})
	}
	return out, len(out) == limit
}

// cursor walks one word's postings.
type cursor struct {
	t       *term
	pos     int // where the next posting starts in t.list
	i       int // postings decoded
	block   int // the block of the current posting
	rel, tf int // the current posting
	// last is the last relation of the current block, and bound bounds
	// the weight of its postings.
	last  int
	bound float64
	// weights[tf][l] is the word's weight in a statement of encoded
	// length l that holds it tf times, for the commonest counts.
	weights *[tabulated][256]float64
}

// tabulated bounds the counts whose weights a search tabulates.
const tabulated = 5

// next moves to the next posting; it reports false at the end of the list,
// or at a posting that does not decode or names no relation.
func (c *cursor) next(n int) bool {
	if c.i >= c.t.df || c.pos >= len(c.t.list) {
		return false
	}
	d, k := binary.Uvarint(c.t.list[c.pos:])
	if k <= 0 || c.pos+k >= len(c.t.list) {
		return false
	}
	r := c.rel + int(d)
	if c.rel < 0 {
		r = int(d)
	}
	if r >= n || r <= c.rel {
		return false
	}
	c.rel, c.tf = r, int(c.t.list[c.pos+k])
	c.pos += k + 1
	if c.i%blockSize == 0 {
		c.enter(c.i / blockSize)
	}
	c.i++
	return true
}

// enter makes block the current one.
func (c *cursor) enter(block int) {
	c.block = block
	if len(c.t.table) == 0 {
		c.last, c.bound = math.MaxInt32, c.t.idf*c.t.maxImp
		return
	}
	e := c.t.table[block*blockEntry:]
	c.last = int(binary.LittleEndian.Uint32(e))
	c.bound = c.t.idf * float64(math.Float32frombits(binary.LittleEndian.Uint32(e[8:])))
}

// skipTo moves to the first posting at or after relation r, jumping over
// whole blocks that end before it; it reports false when none is left.
func (c *cursor) skipTo(r, n int) bool {
	for c.rel < r && len(c.t.table) > 0 && c.last < r {
		next := c.block + 1
		if next*blockEntry >= len(c.t.table) {
			return false
		}
		end := int(binary.LittleEndian.Uint32(c.t.table[c.block*blockEntry+4:]))
		if end < c.pos || end > len(c.t.list) {
			return false
		}
		// The block's last relation is where the next block's deltas
		// start; the loop below reads its first posting.
		c.rel, c.pos, c.i = c.last, end, next*blockSize
		c.enter(next)
	}
	for c.rel < r {
		if !c.next(n) {
			return false
		}
	}
	return true
}

// topK holds the best limit candidates seen, as a heap whose root is the
// worst of them.
type topK struct {
	limit int
	items []Candidate
}

// threshold reports whether limit are held, and the worst score held.
func (h *topK) threshold() (bool, float64) {
	if len(h.items) < h.limit {
		return false, 0
	}
	return true, h.items[0].Score
}

// worse reports whether a ranks below b: a lower score, or the same score
// and a later relation.
func worse(a, b Candidate) bool {
	return a.Score < b.Score || a.Score == b.Score && a.Rel > b.Rel
}

// admits reports whether a candidate would enter the best limit.
func (h *topK) admits(score float64, r int) bool {
	return len(h.items) < h.limit || worse(h.items[0], Candidate{Rel: r, Score: score})
}

// push adds a candidate that admits accepted, dropping the worst when full.
func (h *topK) push(c Candidate) {
	if len(h.items) < h.limit {
		h.items = append(h.items, c)
		for i := len(h.items) - 1; i > 0; {
			parent := (i - 1) / 2
			if !worse(h.items[i], h.items[parent]) {
				break
			}
			h.items[i], h.items[parent] = h.items[parent], h.items[i]
			i = parent
		}
		return
	}
	h.items[0] = c
	for i := 0; ; {
		least, l, r := i, 2*i+1, 2*i+2
		if l < len(h.items) && worse(h.items[l], h.items[least]) {
			least = l
		}
		if r < len(h.items) && worse(h.items[r], h.items[least]) {
			least = r
		}
		if least == i {
			return
		}
		h.items[i], h.items[least] = h.items[least], h.items[i]
		i = least
	}
}

// Match is how a statement text matched a query: the spans of its words
// that are query words, as byte offsets, and whether it holds the whole
// query as a phrase.
type Match struct {
	Spans  [][2]int
	Phrase bool
	// Counts are how often each query word (by Query.Words) occurs.
	Counts []int
}

// MatchText finds the query's words in one text.
func (q Query) MatchText(text string) Match {
	m := Match{Counts: make([]int, len(q.Words))}
	var seq []int     // by word that is no stopword: its index in q.Words, or -1
	joinable := false // the last word was a query word, or only stopwords followed it
	Tokenize(text, func(t Token) {
		w := slices.Index(q.Words, t.Term)
		if w < 0 {
			if !stopwords[t.Term] {
				seq = append(seq, -1)
				joinable = false
			}
			return
		}
		seq = append(seq, w)
		m.Counts[w]++
		// Query words with only stopwords, spaces and punctuation between
		// make one span.
		if joinable {
			m.Spans[len(m.Spans)-1][1] = t.End
		} else {
			m.Spans = append(m.Spans, [2]int{t.Start, t.End})
		}
		joinable = true
	})
	// A phrase: the query's words in order, with only stopwords between.
	for i := 0; len(q.Words) > 1 && i+len(q.Words) <= len(seq) && !m.Phrase; i++ {
		m.Phrase = true
		for k := range q.Words {
			if seq[i+k] != k {
				m.Phrase = false
				break
			}
		}
	}
	return m
}

// phraseBoost multiplies the score of a statement that holds the whole
// query as a phrase.
const phraseBoost = 1.5

// Rescore scores relation r exactly from its texts' matches (counts of
// every query word, the commoner ones too) and length.
func (ix *Index) Rescore(q Query, r int, matches []Match) float64 {
	score := 0.0
	phrase := false
	for _, t := range q.terms {
		w := slices.Index(q.Words, t.text)
		tf := 0
		for _, m := range matches {
			tf += m.Counts[w]
		}
		if tf > 0 {
			score += ix.weight(t, tf, ix.lens[r])
		}
	}
	for _, m := range matches {
		phrase = phrase || m.Phrase
	}
	if phrase {
		score *= phraseBoost
	}
	return score
}
