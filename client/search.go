package client

import (
	"context"
	"fmt"

	entitygraphv1 "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
)

// A SearchOption narrows or widens [Client.SearchEntities].
type SearchOption interface {
	applySearch(*entitygraphv1.SearchEntitiesRequest)
}

type searchOptionFunc func(*entitygraphv1.SearchEntitiesRequest)

func (f searchOptionFunc) applySearch(req *entitygraphv1.SearchEntitiesRequest) { f(req) }

// WithTypes restricts results to entities of the given types:
// "organization", "person", "place" or "topic", as
// [entitygraphv1.Entity.GetType] returns them. Several calls add up.
func WithTypes(types ...string) SearchOption {
	return searchOptionFunc(func(req *entitygraphv1.SearchEntitiesRequest) { req.Types = append(req.Types, types...) })
}

// WithKinds restricts results to entities of one of the given kinds, or of
// a narrower kind: resource names such as "kinds/company" or bare ids such
// as "company", as the server's vocabulary ([Client.Kinds]) names them.
// Several calls add up.
func WithKinds(kinds ...string) SearchOption {
	return searchOptionFunc(func(req *entitygraphv1.SearchEntitiesRequest) { req.Kinds = append(req.Kinds, kinds...) })
}

// WithMaxEdits sets the largest edit distance a fuzzy match may have, 0 to
// 2; a negative n turns fuzzy matching off. The server's default depends on
// the query's length.
func WithMaxEdits(n int) SearchOption {
	return searchOptionFunc(func(req *entitygraphv1.SearchEntitiesRequest) {
		if n < 0 {
			// The server takes any negative value as "off"; -1 keeps it
			// away from int32 overflow.
			n = -1
		}
		req.MaxEdits = int32(n)
	})
}

// WithNamesOnly asks for each result's entity in the basic view: its
// resource name, display name and type, without kinds, aliases,
// description or roles. It is the cheapest search, for callers that only
// show or link the entities.
func WithNamesOnly() SearchOption {
	return searchOptionFunc(func(req *entitygraphv1.SearchEntitiesRequest) { req.View = entitygraphv1.EntityView_ENTITY_VIEW_BASIC })
}

// SearchEntities finds entities whose name or an alias matches query — exactly, as
// a prefix, word by word or within a few typos — and returns them best
// first. Case, width, diacritics and punctuation do not matter.
func (c *Client) SearchEntities(ctx context.Context, query string, opts ...SearchOption) ([]*entitygraphv1.SearchResult, error) {
	req := &entitygraphv1.SearchEntitiesRequest{Query: query}
	for _, opt := range opts {
		opt.applySearch(req)
	}
	resp, err := c.rpc.SearchEntities(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", query, err)
	}
	return resp.GetResults(), nil
}

// A StatementOption narrows [Client.SearchRelations].
type StatementOption func(*entitygraphv1.SearchRelationsRequest)

// StatementsAbout keeps the relations with this resource name as subject
// or object.
func StatementsAbout(endpoint string) StatementOption {
	return func(req *entitygraphv1.SearchRelationsRequest) { req.Endpoint = endpoint }
}

// StatementsIn keeps the relations with evidence in this document.
func StatementsIn(document string) StatementOption {
	return func(req *entitygraphv1.SearchRelationsRequest) { req.Document = document }
}

// StatementsWith keeps the relations with one of these predicates, or one
// that implies one of them.
func StatementsWith(predicates ...string) StatementOption {
	return func(req *entitygraphv1.SearchRelationsRequest) {
		req.Predicates = append(req.Predicates, predicates...)
	}
}

// StatementsBetween keeps the relations whose time overlaps from..to, ISO
// dates of any precision; either may be empty.
func StatementsBetween(from, to string) StatementOption {
	return func(req *entitygraphv1.SearchRelationsRequest) { req.TimeFrom, req.TimeTo = from, to }
}

// StatementsLimit sets how many results to return, 1 to 100 (the server's
// default is 10).
func StatementsLimit(n int) StatementOption {
	return func(req *entitygraphv1.SearchRelationsRequest) { req.PageSize = int32(n) }
}

// SearchRelations finds the relations whose evidence quotes or readings
// hold query's words, best first, each with the spans that matched: a
// phrase from a document finds the relations it states.
func (c *Client) SearchRelations(ctx context.Context, query string, opts ...StatementOption) ([]*entitygraphv1.RelationMatch, error) {
	req := &entitygraphv1.SearchRelationsRequest{Query: query}
	for _, opt := range opts {
		opt(req)
	}
	resp, err := c.rpc.SearchRelations(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("search relations %q: %w", query, err)
	}
	return resp.GetResults(), nil
}
