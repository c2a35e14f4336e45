package service

import (
	"fmt"
	"slices"
	"strconv"
	"unicode/utf8"

	"google.golang.org/protobuf/reflect/protoreflect"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/server/apierr"
	"github.com/entitygraph/entitygraph/server/resource"
	"github.com/entitygraph/entitygraph/server/vocab"
)

// Request limits. Larger requests are refused with INVALID_ARGUMENT rather
// than served slowly.
const (
	maxNameBytes    = 256  // a resource name
	maxQueryRunes   = 200  // a search query
	maxBatchNames   = 1000 // names in one BatchGetEntities
	maxSearchSize   = 100  // results of one search
	defaultSearch   = 10
	maxListPageSize = 1000
	defaultListPage = 50
)

// violations collects what is wrong with a request; its methods check the
// kinds of field every request has.
type violations struct{ apierr.Violations }

// checkName validates a required resource name in one of the allowed
// collections, recording a violation against field.
func (v *violations) checkName(field, name string, allowed func(resource.Collection) bool, want string) {
	switch {
	case name == "":
		v.Add(field, "required: "+want)
	case len(name) > maxNameBytes:
		v.Add(field, fmt.Sprintf("longer than %d bytes", maxNameBytes))
	case !utf8.ValidString(name):
		v.Add(field, "not valid UTF-8")
	default:
		coll, _, err := resource.Parse(name)
		if err != nil {
			v.Add(field, err.Error())
		} else if !allowed(coll) {
			v.Add(field, fmt.Sprintf("%q is a %s name; want %s", name, coll, want))
		}
	}
}

// checkOptionalName is checkName for a field that may be empty.
func (v *violations) checkOptionalName(field, name string, allowed func(resource.Collection) bool, want string) {
	if name != "" {
		v.checkName(field, name, allowed, want)
	}
}

// pageSize validates a page_size: negative is an error, 0 means def, and
// anything above maxSize is coerced down to it (AIP-158).
func (v *violations) pageSize(field string, size int32, def, maxSize int) int {
	switch {
	case size < 0:
		v.Add(field, "must not be negative")
		return 0
	case size == 0:
		return def
	default:
		return min(int(size), maxSize)
	}
}

// bounded validates an optional count: 0 means def, and it must lie in
// [1, maxValue].
func (v *violations) bounded(field string, n int32, def, maxValue int) int {
	switch {
	case n == 0:
		return def
	case n < 0 || int(n) > maxValue:
		v.Add(field, fmt.Sprintf("must be between 1 and %d", maxValue))
	}
	return int(n)
}

// view checks a view (EntityView, MatchView, RelationView, ...): one of its
// enum's values.
func (v *violations) view(field string, view protoreflect.Enum) {
	if view.Descriptor().Values().ByNumber(view.Number()) == nil {
		v.Add(field, fmt.Sprintf("unknown view %d", view.Number()))
	}
}

// budget validates a request's limits and returns the edge budget.
func (v *violations) budget(field string, l *pb.Limits) int64 {
	switch n := l.GetMaxEdgesVisited(); {
	case n < 0:
		v.Add(field+".max_edges_visited", "must not be negative")
	case n > maxEdgeBudget:
		v.Add(field+".max_edges_visited", fmt.Sprintf("at most %d", maxEdgeBudget))
	case n > 0:
		return n
	}
	return defaultEdgeBudget
}

func (v *violations) direction(field string, d pb.Direction) {
	if _, ok := pb.Direction_name[int32(d)]; !ok {
		v.Add(field, fmt.Sprintf("unknown direction %d", d))
	}
}

// maxFilterNames is the most predicates or kinds one filter may list.
const maxFilterNames = 100

// predicates validates a filter's predicates against the vocabulary and
// returns them with every predicate that implies one of them.
func (v *violations) predicates(voc *vocab.Vocabulary, field string, names []string) []vocab.ID {
	if len(names) > maxFilterNames {
		v.Add(field, fmt.Sprintf("at most %d predicates, got %d", maxFilterNames, len(names)))
		return nil
	}
	var out []vocab.ID
	for i, name := range names {
		p, ok := voc.Lookup(name)
		if !ok {
			v.Add(field+"["+strconv.Itoa(i)+"]", fmt.Sprintf("unknown predicate %q; see ListPredicates", name))
			continue
		}
		out = append(out, p.ID)
		out = append(out, voc.ImpliedBy(p.ID)...)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// kinds validates a filter's kinds against the vocabulary and returns them
// with every narrower kind.
func (v *violations) kinds(voc *vocab.Vocabulary, field string, names []string) []vocab.KindID {
	if len(names) > maxFilterNames {
		v.Add(field, fmt.Sprintf("at most %d kinds, got %d", maxFilterNames, len(names)))
		return nil
	}
	var out []vocab.KindID
	for i, name := range names {
		k, ok := voc.LookupKind(name)
		if !ok {
			v.Add(field+"["+strconv.Itoa(i)+"]", fmt.Sprintf("unknown kind %q; see ListKinds", name))
			continue
		}
		out = append(out, voc.Narrower(k.ID)...)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func isEntity(c resource.Collection) bool   { return c.IsEntity() }
func isRelation(c resource.Collection) bool { return c == resource.Relations }
func isDocument(c resource.Collection) bool { return c == resource.Documents }
func isEndpoint(c resource.Collection) bool { return c.IsEntity() || c == resource.Relations }

const (
	wantEntity   = "an entity name such as organizations/kioxia or people/chey-tae-won"
	wantRelation = "a relation name such as relations/western-digital-bid-for-kioxia"
	wantDocument = "a document name such as documents/korea-japan-economic-alliance"
	wantEndpoint = "an entity or relation name"
)

// types checks a list of entity types.
func (v *violations) types(field string, types []string) {
	for i, t := range types {
		if _, ok := resource.CollectionOf(t); !ok {
			v.Add(field+"["+strconv.Itoa(i)+"]", fmt.Sprintf("unknown type %q; want organization, person, place or topic", t))
		}
	}
}
