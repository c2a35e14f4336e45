// Package resource parses and checks resource names (AIP-122) and reads the
// fields every entity form has in common.
package resource

import (
	"errors"
	"fmt"
	"strings"

	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
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
	case Organizations, People, Places, Topics, Relations, Documents:
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

// EntityFields are the fields every form of an entity has, whichever of
// Organization, Person, Place or Topic it is.
type EntityFields interface {
	proto.Message
	GetName() string
	GetDisplayName() string
	GetAliases() []*pb.Alias
	GetDescription() string
}

// entityForms is the oneof of pb.Entity whose fields are its forms.
var entityForms = (&pb.Entity{}).ProtoReflect().Descriptor().Oneofs().ByName("kind")

// formField returns the field of e's form that is set, or nil when none
// is.
func formField(e *pb.Entity) protoreflect.FieldDescriptor {
	if e == nil {
		return nil
	}
	return e.ProtoReflect().WhichOneof(entityForms)
}

// Form returns the form of e that is set, as the fields every form has, or
// nil when none is. It reads the message's oneof, so a form added to the
// API needs no change here.
func Form(e *pb.Entity) EntityFields {
	fd := formField(e)
	if fd == nil {
		return nil
	}
	return e.ProtoReflect().Get(fd).Message().Interface().(EntityFields)
}

// SetName sets the resource name of e's form; e must have one set.
func SetName(e *pb.Entity, name string) {
	form := Form(e).ProtoReflect()
	form.Set(form.Descriptor().Fields().ByName("name"), protoreflect.ValueOfString(name))
}

// FormNumber returns the field number of the form of e that is set, or 0
// when none is.
func FormNumber(e *pb.Entity) int {
	if fd := formField(e); fd != nil {
		return int(fd.Number())
	}
	return 0
}

// EntityName returns the resource name of whichever form of e is set, or ""
// when none is.
func EntityName(e *pb.Entity) string {
	if f := Form(e); f != nil {
		return f.GetName()
	}
	return ""
}

// DisplayName returns the display name of whichever form of e is set.
func DisplayName(e *pb.Entity) string {
	if f := Form(e); f != nil {
		return f.GetDisplayName()
	}
	return ""
}

// Aliases returns the aliases of whichever form of e is set.
func Aliases(e *pb.Entity) []*pb.Alias {
	if f := Form(e); f != nil {
		return f.GetAliases()
	}
	return nil
}

// EntityType returns the type of e, the name of the form that is set:
// "organization", "person", "place" or "topic", or "" when none is.
func EntityType(e *pb.Entity) string {
	if fd := formField(e); fd != nil {
		return string(fd.Name())
	}
	return ""
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
