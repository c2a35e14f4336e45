package client

import (
	"context"
	"fmt"
	"iter"

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
	// Predicates keeps relations with one of these predicates, or one that
	// implies one of them; empty keeps all. Each is a resource name such as
	// "predicates/acquires" or a bare id such as "acquires"; the server's
	// vocabulary ([Client.Predicates]) says which there are.
	Predicates []string
	// Document keeps relations with evidence in this document, such as
	// "documents/korea-japan-economic-alliance".
	Document string
	// AllRanks keeps statements of every rank. Without it the server leaves
	// out deprecated statements, and normal ones that a preferred statement
	// with the same subject and predicate outranks.
	AllRanks bool
	// PageSize is how many relations to fetch per call, 1 to 1000; 0 leaves
	// it to the server (50). The server sends fewer when a page would pass
	// 3 MiB.
	PageSize int
	// ShapeOnly asks for each relation's name, subject, predicate, object
	// and summary alone (RELATION_VIEW_BASIC), without qualifiers and
	// evidence: the cheapest listing, for callers that draw the graph.
	ShapeOnly bool
}

func (f RelationFilter) request(pageToken string) *entitygraphv1.ListRelationsRequest {
	return &entitygraphv1.ListRelationsRequest{
		Subject:         f.Subject,
		Object:          f.Object,
		Endpoint:        f.Endpoint,
		Predicates:      f.Predicates,
		Document:        f.Document,
		IncludeAllRanks: f.AllRanks,
		PageSize:        int32(f.PageSize),
		PageToken:       pageToken,
		View:            f.view(),
	}
}

// view is the relation view the filter asks for.
func (f RelationFilter) view() entitygraphv1.RelationView {
	if f.ShapeOnly {
		return entitygraphv1.RelationView_RELATION_VIEW_BASIC
	}
	return entitygraphv1.RelationView_RELATION_VIEW_UNSPECIFIED
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
	return pages("list relations", func(token string) ([]*entitygraphv1.Relation, string, error) {
		resp, err := c.rpc.ListRelations(ctx, filter.request(token))
		return resp.GetRelations(), resp.GetNextPageToken(), err
	})
}
