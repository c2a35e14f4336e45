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
