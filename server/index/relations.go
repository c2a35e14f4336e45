package index

import (
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
	Predicates []pb.Predicate
}

// Relations returns the relations that match f, ordered by name, skipping
// the first offset and returning at most limit, with the total number that
// match. It fails with [ErrNotFound] when a named endpoint does not exist.
func (ix *Index) Relations(f RelationFilter, offset, limit int) ([]*pb.Relation, int, error) {
	var candidates []int32
	for _, name := range []string{f.Subject, f.Object, f.Endpoint} {
		if name == "" {
			continue
		}
		node, ok := ix.node(name)
		if !ok {
			return nil, 0, &NotFoundError{Kind: "endpoint", Name: name}
		}
		if candidates == nil {
			// Either side: symmetric relations are stored one way round.
			candidates = mergeSorted(ix.out.of(node), ix.in.of(node))
		}
	}
	match := func(r *pb.Relation) bool {
		if len(f.Predicates) > 0 && !slices.Contains(f.Predicates, r.GetPredicate()) {
			return false
		}
		e, _ := vocab.Lookup(r.GetPredicate())
		s, o := r.GetSubject(), r.GetObject()
		sideOK := func(want, got, other string) bool {
			return want == "" || want == got || (e.Symmetric && want == other)
		}
		if f.Subject != "" && f.Object != "" && e.Symmetric {
			return (s == f.Subject && o == f.Object) || (s == f.Object && o == f.Subject)
		}
		return sideOK(f.Subject, s, o) && sideOK(f.Object, o, s) &&
			(f.Endpoint == "" || f.Endpoint == s || f.Endpoint == o)
	}
	var page []*pb.Relation
	total := 0
	visit := func(r *pb.Relation) {
		if !match(r) {
			return
		}
		if total >= offset && len(page) < limit {
			page = append(page, r)
		}
		total++
	}
	if candidates == nil {
		for _, r := range ix.relations {
			visit(r)
		}
	} else {
		for _, id := range candidates {
			visit(ix.relations[id])
		}
	}
	return page, total, nil
}

// mergeSorted merges two ascending lists, dropping duplicates.
func mergeSorted(a, b []int32) []int32 {
	out := make([]int32, 0, len(a)+len(b))
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
