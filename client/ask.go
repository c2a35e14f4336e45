package client

import (
	"context"
	"fmt"

	entitygraphv1 "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
)

// Ask answers a question in plain English, such as "Who coordinated against
// which acquisition?". The response says how the question was understood,
// gives the Match query it compiled to, and holds the answers as sentences
// (Answers) and as bindings with the relations and evidence they rest on
// (Results), in the same order.
//
// A question the server cannot understand fails with an error that
// [errors.As] turns into a [*NotUnderstoodError], saying what was and was
// not understood. Its code is still InvalidArgument for [status.Code].
//
// Options: [WithLimit] (the most answers) and [WithEdgeBudget].
func (c *Client) Ask(ctx context.Context, question string, opts ...AskOption) (*entitygraphv1.AskResponse, error) {
	req := &entitygraphv1.AskRequest{Question: question}
	for _, opt := range opts {
		opt.applyAsk(req)
	}
	resp, err := c.query.Ask(ctx, req)
	if err != nil {
		if nu := notUnderstood(err); nu != nil {
			err = nu
		}
		return nil, fmt.Errorf("ask %q: %w", question, err)
	}
	return resp, nil
}
