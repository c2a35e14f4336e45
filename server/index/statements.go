package index

import (
	"cmp"
	"slices"

	"github.com/entitygraph/entitygraph/server/textsearch"
	"github.com/entitygraph/entitygraph/server/timespan"
	"github.com/entitygraph/entitygraph/server/vocab"
)

// StatementOptions narrow a statement search. The filters combine with AND.
type StatementOptions struct {
	// Entity keeps relations with this node as subject or object; -1 for
	// any.
	Entity Node
	// Predicates keeps relations with one of these predicates; nil keeps
	// all. The caller expands implications.
	Predicates []vocab.ID
	// Document keeps relations with evidence in this document.
	Document string
	// Time keeps relations whose time overlaps it, when set.
	Time timespan.Span
	// AllRanks keeps statements that reads of the best ranks leave out.
	AllRanks bool
	// Offset and Limit page the ranked results.
	Offset, Limit int
}

// MaxStatementRank is how deep statement search ranks: a page must end
// within the first MaxStatementRank results.
const MaxStatementRank = 1000

// StatementHit is a relation that a statement search found.
type StatementHit struct {
	Rel   Rel
	Score float64
	// Highlights are the spans of its evidence quotes that hold query
	// words.
	Highlights []Highlight
	// Reading reports whether its reading (subject, predicate, object)
	// holds query words.
	Reading bool
}

// Highlight is a span of one evidence quote, by offsets into its document.
type Highlight struct {
	Evidence           int // index in the relation's evidence
	Document           string
	StartByte, EndByte int32
	StartChar, EndChar int32
}

// SearchStatements finds the relations whose evidence quotes or reading
// hold the query's words, ranked by BM25 (a statement that holds the query
// as a phrase ranks higher), and returns the page opts asks for, with
// whether more follow within MaxStatementRank.
func (ix *Index) SearchStatements(query string, opts StatementOptions) ([]StatementHit, bool) {
	if ix.statements == nil {
		return nil, false
	}
	q := ix.statements.Parse(query)
	var preds []bool
	if opts.Predicates != nil {
		preds = make([]bool, ix.vocab.Len())
		for _, p := range opts.Predicates {
			preds[p] = true
		}
	}
	doc := -1
	if opts.Document != "" {
		d, ok := ix.documentNames.find(opts.Document)
		if !ok {
			return nil, false
		}
		doc = d
	}
	keep := func(r int) bool {
		rel := Rel(r)
		switch {
		case !opts.AllRanks && ix.Hidden(rel):
			return false
		case preds != nil && !preds[ix.Predicate(rel)]:
			return false
		case opts.Entity >= 0 && ix.ends[2*r] != opts.Entity && ix.ends[2*r+1] != opts.Entity:
			return false
		case doc >= 0 && !slices.Contains(ix.evDoc[ix.evStart[r]:ix.evStart[r+1]], uint32(doc)):
			return false
		case opts.Time.OK:
			return timespan.Of(ix.Qualifiers(rel).GetTime()).Overlaps(opts.Time)
		}
		return true
	}
	// The best rescoreWindow candidates are read again and reranked with
	// every query word and the phrase boost, which can only raise a score;
	// the rest keep their order and scores, which the window's lowest
	// already bounds, so the ranking is the same on every page.
	depth := min(MaxStatementRank, max(rescoreWindow, opts.Offset+opts.Limit+1))
	cands := ix.statements.Candidates(q, keep, depth)
	hits := make([]StatementHit, len(cands))
	window := min(rescoreWindow, len(cands))
	for i, c := range cands {
		if i < window {
			hits[i] = ix.rescore(q, Rel(c.Rel), false)
		} else {
			hits[i] = StatementHit{Rel: Rel(c.Rel), Score: c.Score}
		}
	}
	slices.SortStableFunc(hits[:window], func(a, b StatementHit) int {
		if c := cmp.Compare(b.Score, a.Score); c != 0 {
			return c
		}
		return cmp.Compare(a.Rel, b.Rel)
	})
	if opts.Offset >= len(hits) {
		return nil, false
	}
	end := min(len(hits), opts.Offset+opts.Limit, MaxStatementRank)
	page := hits[opts.Offset:end]
	for i := range page {
		marked := ix.rescore(q, page[i].Rel, true)
		page[i].Highlights, page[i].Reading = marked.Highlights, marked.Reading
	}
	return page, end < len(hits)
}

// rescoreWindow is how many of the best candidates a statement search
// scores again from their texts.
const rescoreWindow = 50

// rescore reads relation r's statements again to score every query word
// and find a phrase; with highlights, it marks the spans that matched.
func (ix *Index) rescore(q textsearch.Query, r Rel, highlights bool) StatementHit {
	hit := StatementHit{Rel: r}
	var matches []textsearch.Match
	for i := ix.evStart[r]; i < ix.evStart[r+1]; i++ {
		d := ix.evDoc[i]
		base := ix.docText[d]
		from, to := base+uint64(ix.evFrom[i]), base+uint64(ix.evTo[i])
		m := q.MatchText(ix.text.copy(from, to))
		matches = append(matches, m)
		if !highlights || len(m.Spans) == 0 {
			continue
		}
		docChars := ix.charOffset(base)
		for _, sp := range m.Spans {
			startByte, endByte := ix.evFrom[i]+uint32(sp[0]), ix.evFrom[i]+uint32(sp[1])
			hit.Highlights = append(hit.Highlights, Highlight{
				Evidence:  int(i - ix.evStart[r]),
				Document:  ix.documentNames.at(int(d)),
				StartByte: int32(startByte), EndByte: int32(endByte),
				StartChar: int32(ix.charOffset(base+uint64(startByte)) - docChars),
				EndChar:   int32(ix.charOffset(base+uint64(endByte)) - docChars),
			})
		}
	}
	reading := q.MatchText(ix.readingText(r))
	hit.Reading = len(reading.Spans) > 0
	matches = append(matches, reading)
	hit.Score = ix.statements.Rescore(q, int(r), matches)
	return hit
}

// readingText is the statement a relation's reading makes for search: its
// endpoints' display names around the predicate's reading (see
// [Index.readingParts]).
func (ix *Index) readingText(r Rel) string {
	subject, reading, object := ix.readingParts(r)
	return subject + " " + reading + " " + object
}

// readingParts are the three parts of a relation's reading: its subject's
// display name, its predicate's reading and its object's display name; an
// endpoint that is a relation adds no words.
func (ix *Index) readingParts(r Rel) (subject, reading, object string) {
	entities := Node(len(ix.entityType))
	name := func(n Node) string {
		if n < entities {
			return ix.DisplayName(n)
		}
		return ""
	}
	return name(ix.ends[2*r]), ix.vocab.Predicate(ix.Predicate(r)).Reading, name(ix.ends[2*r+1])
}

// StatementIndexBytes is the size of the statement index.
func (ix *Index) StatementIndexBytes() int {
	if ix.statements == nil {
		return 0
	}
	return int(ix.statementData.len())
}
