package index

import (
	"math/bits"
	"slices"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/server/vocab"
)

// RelationFilter selects relations. Set fields combine with AND; the zero
// value selects every relation.
type RelationFilter struct {
	// Subject, when set, keeps relations with this subject (entity or
	// relation name). A symmetric relation matches on either side.
	Subject string
	// Object, when set, keeps relations with this object. A symmetric
	// relation matches on either side.
	Object string
	// Endpoint, when set, keeps relations with this name as subject or object.
	Endpoint string
	// Predicates, when not empty, keeps relations with one of these.
	Predicates []vocab.ID
	// Document, when set, keeps relations with evidence in this document.
	Document string
	// AllRanks keeps statements of every rank; otherwise the hidden ones
	// (see [Index.Hidden]) are left out.
	AllRanks bool
}

// noNode stands for an endpoint the filter does not set.
const noNode Node = -1

// Relations returns the relations that match f, ordered by name, skipping
// the first offset and returning at most limit, with the total number that
// match. It fails with [ErrNotFound] when a named endpoint does not exist.
func (ix *Index) Relations(f RelationFilter, offset, limit int) ([]*pb.Relation, int, error) {
	var ends [3]Node // subject, object, endpoint
	var candidates []Rel
	haveCandidates := false
	for i, name := range []string{f.Subject, f.Object, f.Endpoint} {
		ends[i] = noNode
		if name == "" {
			continue
		}
		node, ok := ix.NodeOf(name)
		if !ok {
			return nil, 0, &NotFoundError{Kind: "endpoint", Name: name}
		}
		ends[i] = node
		if !haveCandidates {
			// Either side: symmetric relations are stored one way round.
			candidates, haveCandidates = mergeSorted(ix.out.of(node), ix.in.of(node)), true
		}
	}
	doc := -1
	if f.Document != "" {
		d, ok := ix.documentNames.find(f.Document)
		if !ok {
			return nil, 0, &NotFoundError{Kind: "document", Name: f.Document}
		}
		doc = d
	}
	preds := make([]bool, ix.vocab.Len())
	for _, p := range f.Predicates {
		if int(p) < len(preds) {
			preds[p] = true
		}
	}
	subject, object, endpoint := ends[0], ends[1], ends[2]
	match := func(r Rel) bool {
		if len(f.Predicates) > 0 && !preds[ix.Predicate(r)] {
			return false
		}
		if !f.AllRanks && ix.Hidden(r) {
			return false
		}
		if doc >= 0 && !ix.cites(r, uint32(doc)) {
			return false
		}
		sym := ix.Symmetric(r)
		s, o := ix.ends[2*r], ix.ends[2*r+1]
		if subject != noNode && object != noNode && sym {
			return (s == subject && o == object) || (s == object && o == subject)
		}
		sideOK := func(want, got, other Node) bool {
			return want == noNode || want == got || (sym && want == other)
		}
		return sideOK(subject, s, o) && sideOK(object, o, s) &&
			(endpoint == noNode || endpoint == s || endpoint == o)
	}
	var page []Rel
	total := 0
	visit := func(r Rel) {
		if !match(r) {
			return
		}
		if total >= offset && len(page) < limit {
			page = append(page, r)
		}
		total++
	}
	switch {
	case haveCandidates:
		for _, r := range candidates {
			visit(r)
		}
	case len(f.Predicates) > 0:
		// Relations of any of the predicates, in relation order.
		var lists [][]Rel
		for p, want := range preds {
			if want {
				lists = append(lists, ix.byPredicate.of(int32(p)))
			}
		}
		for _, r := range mergeAll(lists) {
			visit(r)
		}
	case doc >= 0:
		// The relations of a document: a scan of the evidence.
		for r := range Rel(ix.RelationCount()) {
			visit(r)
		}
	default:
		// Every relation: no need to look at those before the page.
		total = ix.RelationCount()
		if !f.AllRanks {
			total -= ix.hiddenCount
		}
		for r := ix.skipVisible(max(offset, 0), f.AllRanks); r < Rel(ix.RelationCount()) && len(page) < limit; r++ {
			if f.AllRanks || !ix.Hidden(r) {
				page = append(page, r)
			}
		}
	}
	out := make([]*pb.Relation, len(page))
	for i, r := range page {
		out[i] = ix.relation(r)
	}
	return out, total, nil
}

// skipVisible returns the relation after the first n that reads show: all
// of them, or those not hidden.
func (ix *Index) skipVisible(n int, all bool) Rel {
	if all {
		return Rel(min(n, ix.RelationCount()))
	}
	r := 0
	for w, word := range ix.hidden {
		shown := 64 - bits.OnesCount64(word)
		if w == len(ix.hidden)-1 {
			shown = ix.RelationCount() - 64*w - bits.OnesCount64(word)
		}
		if n < shown {
			break
		}
		n -= shown
		r += 64
	}
	for ; r < ix.RelationCount(); r++ {
		if !ix.Hidden(Rel(r)) {
			if n == 0 {
				break
			}
			n--
		}
	}
	return Rel(r)
}

// cites reports whether relation r has evidence in document d.
func (ix *Index) cites(r Rel, d uint32) bool {
	return slices.Contains(ix.evDoc[ix.evStart[r]:ix.evStart[r+1]], d)
}

// mergeSorted merges two ascending lists, dropping duplicates.
func mergeSorted(a, b []Rel) []Rel {
	out := make([]Rel, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || (i < len(a) && a[i] < b[j]):
			out = append(out, a[i])
			i++
		case i == len(a) || b[j] < a[i]:
			out = append(out, b[j])
			j++
		default:
			out = append(out, a[i])
			i, j = i+1, j+1
		}
	}
	return out
}

// mergeAll merges disjoint ascending lists.
func mergeAll(lists [][]Rel) []Rel {
	switch len(lists) {
	case 0:
		return nil
	case 1:
		return lists[0]
	}
	var out []Rel
	for _, l := range lists {
		out = append(out, l...)
	}
	slices.Sort(out)
	return out
}
