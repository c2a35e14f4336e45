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

// EntityName returns the resource name of e, such as "people/chey-tae-won",
// whichever typed form is set; "" if none is.
func EntityName(e *entitygraphv1.Entity) string {
	switch k := e.GetKind().(type) {
	case *entitygraphv1.Entity_Organization:
		return k.Organization.GetName()
	case *entitygraphv1.Entity_Person:
		return k.Person.GetName()
	case *entitygraphv1.Entity_Place:
		return k.Place.GetName()
	case *entitygraphv1.Entity_Topic:
		return k.Topic.GetName()
	}
	return ""
}

// DisplayName returns the English name most people use for e, such as
// "Chey Tae-won"; "" if no typed form is set.
func DisplayName(e *entitygraphv1.Entity) string {
	switch k := e.GetKind().(type) {
	case *entitygraphv1.Entity_Organization:
		return k.Organization.GetDisplayName()
	case *entitygraphv1.Entity_Person:
		return k.Person.GetDisplayName()
	case *entitygraphv1.Entity_Place:
		return k.Place.GetDisplayName()
	case *entitygraphv1.Entity_Topic:
		return k.Topic.GetDisplayName()
	}
	return ""
}

// EntityType returns the type of e as [WithTypes] spells it:
// "organization", "person", "place" or "topic"; "" if no typed form is set.
func EntityType(e *entitygraphv1.Entity) string {
	switch e.GetKind().(type) {
	case *entitygraphv1.Entity_Organization:
		return "organization"
	case *entitygraphv1.Entity_Person:
		return "person"
	case *entitygraphv1.Entity_Place:
		return "place"
	case *entitygraphv1.Entity_Topic:
		return "topic"
	}
	return ""
}

// Description returns the curator's one-sentence description of e.
func Description(e *entitygraphv1.Entity) string {
	switch k := e.GetKind().(type) {
	case *entitygraphv1.Entity_Organization:
		return k.Organization.GetDescription()
	case *entitygraphv1.Entity_Person:
		return k.Person.GetDescription()
	case *entitygraphv1.Entity_Place:
		return k.Place.GetDescription()
	case *entitygraphv1.Entity_Topic:
		return k.Topic.GetDescription()
	}
	return ""
}

// Aliases returns the other names of e: native-script names, abbreviations
// and variants.
func Aliases(e *entitygraphv1.Entity) []*entitygraphv1.Alias {
	switch k := e.GetKind().(type) {
	case *entitygraphv1.Entity_Organization:
		return k.Organization.GetAliases()
	case *entitygraphv1.Entity_Person:
		return k.Person.GetAliases()
	case *entitygraphv1.Entity_Place:
		return k.Place.GetAliases()
	case *entitygraphv1.Entity_Topic:
		return k.Topic.GetAliases()
	}
	return nil
}
