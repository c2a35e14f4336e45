package client

import (
	"context"
	"fmt"
	"iter"

	"google.golang.org/protobuf/proto"

	entitygraphv1 "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
)

// Match runs a pattern query written in the text syntax of
// [entitygraphv1.MatchRequest], such as
//
//	?who coordinates-against ?deal . ?deal is an acquisition
//
// and yields every solution, fetching pages as the loop needs them. An
// error ends the sequence: it is yielded with a nil result. A query that
// does not parse is an InvalidArgument error whose message says where.
//
//	for res, err := range c.Match(ctx, "?who coordinates-against ?deal") {
//		if err != nil {
//			return err
//		}
//		fmt.Println(res.GetBindings()["who"].GetEntity().GetDisplayName())
//	}
//
// Options: [WithLimit], [WithPageSize] and [WithEdgeBudget]; for the plan
// ([WithExplain]) or the canonical text of the query, use [Client.MatchPage].
// Pages are read with MATCH_VIEW_REFERENCES, which sends each entity and
// relation once a page, and expanded (see [ExpandReferences]): the results
// yielded share those messages, so treat them as read-only.
func (c *Client) Match(ctx context.Context, text string, opts ...MatchOption) iter.Seq2[*entitygraphv1.MatchResult, error] {
	return c.matchAll(ctx, &entitygraphv1.MatchRequest{Query: &entitygraphv1.MatchRequest_Text{Text: text}}, opts)
}

// MatchPattern is [Client.Match] for a query in structured form.
func (c *Client) MatchPattern(ctx context.Context, pattern *entitygraphv1.Pattern, opts ...MatchOption) iter.Seq2[*entitygraphv1.MatchResult, error] {
	return c.matchAll(ctx, &entitygraphv1.MatchRequest{Query: &entitygraphv1.MatchRequest_Pattern{Pattern: pattern}}, opts)
}

// MatchPage makes one Match call and returns the whole response: a page of
// results, the token of the next page, the query in structured and canonical
// text form and, with [WithExplain], the plan. The options are applied to a
// copy of req, which is left as it was; for the next page, set
// req.PageToken to the response's NextPageToken.
func (c *Client) MatchPage(ctx context.Context, req *entitygraphv1.MatchRequest, opts ...MatchOption) (*entitygraphv1.MatchResponse, error) {
	if len(opts) > 0 {
		if req == nil {
			req = &entitygraphv1.MatchRequest{}
		}
		req = newMatchConfig(proto.CloneOf(req), opts).req
	}
	resp, err := c.query.Match(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("match: %w", err)
	}
	return resp, nil
}

// ExpandReferences turns a page read with
// [entitygraphv1.MatchView_MATCH_VIEW_REFERENCES] into the form of
// MATCH_VIEW_FULL: each binding and result relation that carries only a
// name gets the whole entity or relation the page sends once, in
// resp.Entities and resp.Relations. The results then share those
// messages: a result that names an entity twice holds one *Entity, so
// treat them as read-only. A name the page does not send whole (a page of
// another view) is left as it is.
func ExpandReferences(resp *entitygraphv1.MatchResponse) {
	if len(resp.GetEntities()) == 0 && len(resp.GetRelations()) == 0 {
		return
	}
	ents := make(map[string]*entitygraphv1.Entity, len(resp.GetEntities()))
	for _, e := range resp.GetEntities() {
		ents[e.GetName()] = e
	}
	rels := make(map[string]*entitygraphv1.Relation, len(resp.GetRelations()))
	for _, r := range resp.GetRelations() {
		rels[r.GetName()] = r
	}
	for _, res := range resp.GetResults() {
		for _, b := range res.GetBindings() {
			switch v := b.GetValue().(type) {
			case *entitygraphv1.Binding_Entity:
				if e, ok := ents[v.Entity.GetName()]; ok {
					v.Entity = e
				}
			case *entitygraphv1.Binding_Relation:
				if r, ok := rels[v.Relation.GetName()]; ok {
					v.Relation = r
				}
			}
		}
		for i, r := range res.GetRelations() {
			if whole, ok := rels[r.GetName()]; ok {
				res.Relations[i] = whole
			}
		}
	}
}

// newMatchConfig applies opts to req. A limit without a page size sets the
// page size, so that a small limit costs one call.
func newMatchConfig(req *entitygraphv1.MatchRequest, opts []MatchOption) *matchConfig {
	cfg := &matchConfig{req: req}
	for _, opt := range opts {
		opt.applyMatch(cfg)
	}
	if cfg.limit > 0 && cfg.req.GetPageSize() == 0 {
		cfg.req.PageSize = int32(min(cfg.limit, maxMatchPageSize))
	}
	return cfg
}

// matchAll yields the results of req page by page, up to the limit.
func (c *Client) matchAll(ctx context.Context, req *entitygraphv1.MatchRequest, opts []MatchOption) iter.Seq2[*entitygraphv1.MatchResult, error] {
	cfg := newMatchConfig(req, opts)
	return func(yield func(*entitygraphv1.MatchResult, error) bool) {
		// Each run of the sequence pages from the start on its own copy.
		req := proto.CloneOf(cfg.req)
		// A page names its entities and relations and sends each once:
		// the results are expanded here, so the caller sees them whole.
		if req.GetView() == entitygraphv1.MatchView_MATCH_VIEW_UNSPECIFIED {
			req.View = entitygraphv1.MatchView_MATCH_VIEW_REFERENCES
		}
		yielded := 0
		for r, err := range pages("match", func(token string) ([]*entitygraphv1.MatchResult, string, error) {
			req.PageToken = token
			resp, err := c.query.Match(ctx, req)
			ExpandReferences(resp)
			return resp.GetResults(), resp.GetNextPageToken(), err
		}) {
			if !yield(r, err) || err != nil {
				return
			}
			if yielded++; cfg.limit > 0 && yielded >= cfg.limit {
				return
			}
		}
	}
}
