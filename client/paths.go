package client

import (
	"context"
	"fmt"

	entitygraphv1 "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
)

// FindPaths returns the shortest paths between two nodes, shortest first,
// and none if no path is within the hop limit. source and target are resource
// names of entities or relations, such as "people/chey-tae-won" and
// "relations/western-digital-bid-for-kioxia"; use [Client.Resolve] to turn
// a name as people write it into one. Every hop of a path carries its
// relation, with evidence, and a reading of the hop as a sentence.
//
// Options: [WithMaxHops], [WithMaxPaths], [WithPredicates],
// [WithDirection] and [WithEdgeBudget].
func (c *Client) FindPaths(ctx context.Context, source, target string, opts ...PathOption) ([]*entitygraphv1.Path, error) {
	req := &entitygraphv1.FindPathsRequest{Source: source, Target: target}
	for _, opt := range opts {
		opt.applyPath(req)
	}
	resp, err := c.query.FindPaths(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("find paths from %s to %s: %w", source, target, err)
	}
	return resp.GetPaths(), nil
}
