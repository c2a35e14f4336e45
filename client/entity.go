package client

import (
	"context"
	"fmt"

	entitygraphv1 "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
)

// GetEntity returns the entity with the resource name name, for example
// "organizations/kioxia". An unknown name is a NotFound error; to look an
// entity up by what people call it, use [Client.Resolve].
func (c *Client) GetEntity(ctx context.Context, name string) (*entitygraphv1.Entity, error) {
	e, err := c.rpc.GetEntity(ctx, &entitygraphv1.GetEntityRequest{Name: name})
	if err != nil {
		return nil, fmt.Errorf("get entity %s: %w", name, err)
	}
	return e, nil
}

// BatchGetEntities returns the entities with the given resource names, in
// the same order. It is all or nothing: if one is missing the error is
// NotFound and names it.
func (c *Client) BatchGetEntities(ctx context.Context, names []string) ([]*entitygraphv1.Entity, error) {
	resp, err := c.rpc.BatchGetEntities(ctx, &entitygraphv1.BatchGetEntitiesRequest{Names: names})
	if err != nil {
		return nil, fmt.Errorf("batch get %d entities: %w", len(names), err)
	}
	return resp.GetEntities(), nil
}

// EntityFields are the fields every form of an entity has, whichever of
// Organization, Person, Place or Topic it is.
type EntityFields interface {
	GetName() string
	GetDisplayName() string
	GetAliases() []*entitygraphv1.Alias
	GetDescription() string
}

// entityForms is the oneof of Entity whose fields are its forms.
var entityForms = (&entitygraphv1.Entity{}).ProtoReflect().Descriptor().Oneofs().ByName("kind")

// Form returns the form of e that is set, as the fields every form has,
// or nil when none is (or e is nil). It reads the message's oneof, so a form
// added to the API needs no change here.
func Form(e *entitygraphv1.Entity) EntityFields {
	if e == nil {
		return nil
	}
	m := e.ProtoReflect()
	fd := m.WhichOneof(entityForms)
	if fd == nil {
		return nil
	}
	return m.Get(fd).Message().Interface().(EntityFields)
}

// noForm answers for an entity with no form set: every field is empty.
type noForm struct{}

func (noForm) GetName() string                    { return "" }
func (noForm) GetDisplayName() string             { return "" }
func (noForm) GetAliases() []*entitygraphv1.Alias { return nil }
func (noForm) GetDescription() string             { return "" }

// fields is Form that never returns nil.
func fields(e *entitygraphv1.Entity) EntityFields {
	if f := Form(e); f != nil {
		return f
	}
	return noForm{}
}

// EntityName returns the resource name of e, such as "people/chey-tae-won",
// whichever typed form is set; "" if none is.
func EntityName(e *entitygraphv1.Entity) string { return fields(e).GetName() }

// DisplayName returns the English name most people use for e, such as
// "Chey Tae-won"; "" if no typed form is set.
func DisplayName(e *entitygraphv1.Entity) string { return fields(e).GetDisplayName() }

// EntityType returns the type of e as [WithTypes] spells it:
// "organization", "person", "place" or "topic"; "" if no typed form is set.
func EntityType(e *entitygraphv1.Entity) string {
	if e == nil {
		return ""
	}
	if fd := e.ProtoReflect().WhichOneof(entityForms); fd != nil {
		return string(fd.Name())
	}
	return ""
}

// Description returns the curator's one-sentence description of e.
func Description(e *entitygraphv1.Entity) string { return fields(e).GetDescription() }

// Aliases returns the other names of e: native-script names, abbreviations
// and variants.
func Aliases(e *entitygraphv1.Entity) []*entitygraphv1.Alias { return fields(e).GetAliases() }
