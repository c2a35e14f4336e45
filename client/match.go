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
		yielded := 0
		for r, err := range pages("match", func(token string) ([]*entitygraphv1.MatchResult, string, error) {
			req.PageToken = token
			resp, err := c.query.Match(ctx, req)
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
