// Package resource parses and checks resource names (AIP-122).
package resource

import (
	"errors"
	"fmt"
	"strings"
)

// Collection is the first segment of a resource name, such as "people".
type Collection string

// The collections of entitygraph.
const (
	Organizations Collection = "organizations"
	People        Collection = "people"
	Places        Collection = "places"
	Topics        Collection = "topics"
	Relations     Collection = "relations"
	Documents     Collection = "documents"
	Predicates    Collection = "predicates"
	Kinds         Collection = "kinds"
)

// MaxIDLength is the longest id a resource name may carry.
const MaxIDLength = 63

// ErrMalformed is returned, wrapped, for a name that is not `collection/id`
// with a known collection and an id of lowercase letters, digits and hyphens.
var ErrMalformed = errors.New("malformed resource name")

// validID reports whether id is words of lowercase ASCII letters and
// digits joined by single hyphens: ^[a-z0-9]+(-[a-z0-9]+)*$. Every
// GetEntity checks its name, so this is a loop rather than a regexp (a
// tenth of the time).
func validID(id string) bool {
	if id == "" || id[0] == '-' || id[len(id)-1] == '-' {
		return false
	}
	for i := 0; i < len(id); i++ {
		switch c := id[i]; {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		case c == '-' && id[i-1] != '-':
		default:
			return false
		}
	}
	return true
}

// Parse splits a resource name into its collection and id and checks both.
func Parse(name string) (Collection, string, error) {
	coll, id, ok := strings.Cut(name, "/")
	if !ok {
		return "", "", fmt.Errorf("%w %q: want collection/id, such as organizations/kioxia", ErrMalformed, name)
	}
	switch c := Collection(coll); c {
	case Organizations, People, Places, Topics, Relations, Documents, Predicates, Kinds:
		if len(id) > MaxIDLength || !validID(id) {
			return "", "", fmt.Errorf("%w %q: the id must be 1 to %d lowercase letters, digits and single hyphens", ErrMalformed, name, MaxIDLength)
		}
		return c, id, nil
	default:
		return "", "", fmt.Errorf("%w %q: unknown collection %q", ErrMalformed, name, coll)
	}
}

// IsEntity reports whether c holds entities (as opposed to relations or
// documents).
func (c Collection) IsEntity() bool {
	switch c {
	case Organizations, People, Places, Topics:
		return true
	}
	return false
}

// entityCollections maps each entity type to the collection its names use.
var entityCollections = map[string]Collection{
	"organization": Organizations,
	"person":       People,
	"place":        Places,
	"topic":        Topics,
}

// CollectionOf returns the collection an entity of type typ is named in,
// and false for an unknown type.
func CollectionOf(typ string) (Collection, bool) {
	c, ok := entityCollections[typ]
	return c, ok
}

// EntityType returns the type of the entities of collection c:
// "organization", "person", "place" or "topic"; "" for a collection that
// holds no entities.
func (c Collection) EntityType() string {
	for typ, coll := range entityCollections {
		if coll == c {
			return typ
		}
	}
	return ""
}

// EntityType returns the type of the entity called name, from its
// collection, or "" when name is not an entity's.
func EntityType(name string) string {
	coll, _, _ := strings.Cut(name, "/")
	return Collection(coll).EntityType()
}
