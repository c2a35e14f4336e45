package client

import (
	"context"
	"errors"
	"fmt"
	"io"
	"iter"

	entitygraphv1 "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
)

// Traverse expands breadth first from the nodes named in start (resource
// names of entities or relations) and yields what the server streams: each
// start node at depth 0, then each relation followed and each node reached,
// with its depth and the hop that led there. The stream ends at the depth,
// item or edge limit.
//
// Breaking out of the loop cancels the stream. An error ends the sequence:
// it is yielded with a nil item.
//
//	for item, err := range c.Traverse(ctx, []string{"organizations/kioxia"}, client.WithMaxDepth(1)) {
//		if err != nil {
//			return err
//		}
//		fmt.Println(item.GetDepth(), client.EntityName(item.GetEntity()), item.GetRelation().GetSummary())
//	}
//
// Options: [WithMaxDepth], [WithLimit], [WithPredicates], [WithDirection]
// and [WithEdgeBudget].
func (c *Client) Traverse(ctx context.Context, start []string, opts ...TraverseOption) iter.Seq2[*entitygraphv1.TraverseResponse, error] {
	req := &entitygraphv1.TraverseRequest{Start: start}
	for _, opt := range opts {
		opt.applyTraverse(req)
	}
	return func(yield func(*entitygraphv1.TraverseResponse, error) bool) {
		// Cancelling on the way out, however the loop ends, releases the
		// stream: the server stops walking and the call's resources go.
		ctx, cancel := context.WithCancel(ctx)
		defer cancel()
		stream, err := c.query.Traverse(ctx, req)
		if err != nil {
			yield(nil, fmt.Errorf("traverse: %w", err))
			return
		}
		for {
			item, err := stream.Recv()
			if errors.Is(err, io.EOF) {
				return
			}
			if err != nil {
				yield(nil, fmt.Errorf("traverse: %w", err))
				return
			}
			if !yield(item, nil) {
				return
			}
		}
	}
}
