package service

import (
	"fmt"
	"unicode/utf8"

	"github.com/entitygraph/entitygraph/server/resource"
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

// checkName validates a required resource name in one of the allowed
// collections, recording a violation against field.
func (v *fieldViolations) checkName(field, name string, allowed func(resource.Collection) bool, want string) {
	switch {
	case name == "":
		v.add(field, "required: "+want)
	case len(name) > maxNameBytes:
		v.add(field, fmt.Sprintf("longer than %d bytes", maxNameBytes))
	case !utf8.ValidString(name):
		v.add(field, "not valid UTF-8")
	default:
		coll, _, err := resource.Parse(name)
		if err != nil {
			v.add(field, err.Error())
		} else if !allowed(coll) {
			v.add(field, fmt.Sprintf("%q is a %s name; want %s", name, coll, want))
		}
	}
}

// checkOptionalName is checkName for a field that may be empty.
func (v *fieldViolations) checkOptionalName(field, name string, allowed func(resource.Collection) bool, want string) {
	if name != "" {
		v.checkName(field, name, allowed, want)
	}
}

// pageSize validates a page_size: negative is an error, 0 means def, and
// anything above maxSize is coerced down to it (AIP-158).
func (v *fieldViolations) pageSize(field string, size int32, def, maxSize int) int {
	switch {
	case size < 0:
		v.add(field, "must not be negative")
		return 0
	case size == 0:
		return def
	default:
		return min(int(size), maxSize)
	}
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
