package client

import (
	"context"
	"fmt"

	entitygraphv1 "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
)

// Predicates returns the server's predicates, in resource-name order, each
// with its readings and the words questions use for it. The vocabulary is
// data on the server: a graph of other documents brings other predicates,
// and every response carries the vocabulary's digest in the
// "entitygraph-vocabulary" header, so a client that caches this list can
// tell when to read it again.
func (c *Client) Predicates(ctx context.Context) ([]*entitygraphv1.Predicate, error) {
	return collect(pages("list predicates", func(token string) ([]*entitygraphv1.Predicate, string, error) {
		resp, err := c.vocab.ListPredicates(ctx, &entitygraphv1.ListPredicatesRequest{PageSize: listPageSize, PageToken: token})
		return resp.GetPredicates(), resp.GetNextPageToken(), err
	}))
}

// Predicate returns the predicate with the resource name name, for example
// "predicates/acquires". An unknown name is a NotFound error.
func (c *Client) Predicate(ctx context.Context, name string) (*entitygraphv1.Predicate, error) {
	p, err := c.vocab.GetPredicate(ctx, &entitygraphv1.GetPredicateRequest{Name: name})
	if err != nil {
		return nil, fmt.Errorf("get predicate %s: %w", name, err)
	}
	return p, nil
}

// Kinds returns the server's kinds of entity (companies, countries, ...),
// in resource-name order, each with the broader kinds it belongs to.
func (c *Client) Kinds(ctx context.Context) ([]*entitygraphv1.Kind, error) {
	return collect(pages("list kinds", func(token string) ([]*entitygraphv1.Kind, string, error) {
		resp, err := c.vocab.ListKinds(ctx, &entitygraphv1.ListKindsRequest{PageSize: listPageSize, PageToken: token})
		return resp.GetKinds(), resp.GetNextPageToken(), err
	}))
}

// Kind returns the kind with the resource name name, for example
// "kinds/company". An unknown name is a NotFound error.
func (c *Client) Kind(ctx context.Context, name string) (*entitygraphv1.Kind, error) {
	k, err := c.vocab.GetKind(ctx, &entitygraphv1.GetKindRequest{Name: name})
	if err != nil {
		return nil, fmt.Errorf("get kind %s: %w", name, err)
	}
	return k, nil
}
