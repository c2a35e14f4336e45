package client

import (
	"context"
	"fmt"
	"iter"
	"strings"

	entitygraphv1 "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
)

// GetRelation returns the relation with the resource name name, for example
// "relations/western-digital-bid-for-kioxia". An unknown name is a NotFound
// error.
func (c *Client) GetRelation(ctx context.Context, name string) (*entitygraphv1.Relation, error) {
	r, err := c.rpc.GetRelation(ctx, &entitygraphv1.GetRelationRequest{Name: name})
	if err != nil {
		return nil, fmt.Errorf("get relation %s: %w", name, err)
	}
	return r, nil
}

// RelationFilter selects relations for [Client.ListRelations]. The fields
// combine with AND; the zero value selects every relation.
type RelationFilter struct {
	// Subject keeps relations whose subject is this entity or relation
	// resource name.
	Subject string
	// Object keeps relations whose object is this resource name.
	Object string
	// Endpoint keeps relations with this resource name as subject or object.
	Endpoint string
	// Predicates keeps relations with one of these predicates; empty keeps
	// all. [ParsePredicate] reads them from text.
	Predicates []entitygraphv1.Predicate
	// PageSize is how many relations to fetch per call, 1 to 1000; 0 leaves
	// it to the server (50).
	PageSize int
}

func (f RelationFilter) request(pageToken string) *entitygraphv1.ListRelationsRequest {
	return &entitygraphv1.ListRelationsRequest{
		Subject:    f.Subject,
		Object:     f.Object,
		Endpoint:   f.Endpoint,
		Predicates: f.Predicates,
		PageSize:   int32(f.PageSize),
		PageToken:  pageToken,
	}
}

// ListRelationsPage returns one page of the relations filter selects:
// the first for an empty pageToken, else the page that token (a previous
// page's next_page_token) points to.
func (c *Client) ListRelationsPage(ctx context.Context, filter RelationFilter, pageToken string) (*entitygraphv1.ListRelationsResponse, error) {
	resp, err := c.rpc.ListRelations(ctx, filter.request(pageToken))
	if err != nil {
		return nil, fmt.Errorf("list relations: %w", err)
	}
	return resp, nil
}

// ListRelations returns every relation filter selects, in resource-name
// order, fetching pages as the loop needs them. An error ends the sequence:
// it is yielded with a nil relation.
//
//	for rel, err := range c.ListRelations(ctx, client.RelationFilter{Subject: "organizations/kioxia"}) {
//		if err != nil {
//			return err
//		}
//		fmt.Println(rel.GetSummary())
//	}
func (c *Client) ListRelations(ctx context.Context, filter RelationFilter) iter.Seq2[*entitygraphv1.Relation, error] {
	return func(yield func(*entitygraphv1.Relation, error) bool) {
		token := ""
		seen := map[string]bool{}
		for {
			resp, err := c.ListRelationsPage(ctx, filter, token)
			if err != nil {
				yield(nil, err)
				return
			}
			for _, r := range resp.GetRelations() {
				if !yield(r, nil) {
					return
				}
			}
			token = resp.GetNextPageToken()
			if token == "" {
				return
			}
			// A server that hands out a token twice would loop forever.
			if seen[token] {
				yield(nil, fmt.Errorf("list relations: server repeated page token %q", token))
				return
			}
			seen[token] = true
		}
	}
}

// Predicates returns the predicate vocabulary with its readings, in enum
// order.
func (c *Client) Predicates(ctx context.Context) ([]*entitygraphv1.PredicateInfo, error) {
	resp, err := c.rpc.ListPredicates(ctx, &entitygraphv1.ListPredicatesRequest{})
	if err != nil {
		return nil, fmt.Errorf("list predicates: %w", err)
	}
	return resp.GetPredicates(), nil
}

const predicatePrefix = "PREDICATE_"

// ParsePredicate reads a predicate as a person or a script may write it:
// "coordinates_against", "coordinates-against", "COORDINATES_AGAINST" and
// "PREDICATE_COORDINATES_AGAINST" all give
// [entitygraphv1.Predicate_PREDICATE_COORDINATES_AGAINST].
func ParsePredicate(s string) (entitygraphv1.Predicate, error) {
	name := strings.ToUpper(strings.TrimSpace(s))
	name = strings.NewReplacer("-", "_", " ", "_").Replace(name)
	if !strings.HasPrefix(name, predicatePrefix) {
		name = predicatePrefix + name
	}
	v, ok := entitygraphv1.Predicate_value[name]
	if !ok || v == int32(entitygraphv1.Predicate_PREDICATE_UNSPECIFIED) {
		return entitygraphv1.Predicate_PREDICATE_UNSPECIFIED, fmt.Errorf("unknown predicate %q", s)
	}
	return entitygraphv1.Predicate(v), nil
}

// PredicateName returns p in the short form [ParsePredicate] accepts, such
// as "coordinates_against".
func PredicateName(p entitygraphv1.Predicate) string {
	return strings.ToLower(strings.TrimPrefix(p.String(), predicatePrefix))
}
