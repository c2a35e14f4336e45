package client

import (
	"context"
	"fmt"

	entitygraphv1 "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
)

// GetDocument returns the source document with the resource name name, for
// example "documents/korea-japan-economic-alliance". The text is included
// only if full is true. An unknown name is a NotFound error.
func (c *Client) GetDocument(ctx context.Context, name string, full bool) (*entitygraphv1.Document, error) {
	view := entitygraphv1.DocumentView_DOCUMENT_VIEW_BASIC
	if full {
		view = entitygraphv1.DocumentView_DOCUMENT_VIEW_FULL
	}
	d, err := c.rpc.GetDocument(ctx, &entitygraphv1.GetDocumentRequest{Name: name, View: view})
	if err != nil {
		return nil, fmt.Errorf("get document %s: %w", name, err)
	}
	return d, nil
}

// listPageSize is the largest page the List methods of the server accept
// for documents, predicates and kinds; the client asks for it so that a
// small collection costs one call.
const listPageSize = 1000

// ListDocuments returns every source document, without its text, in
// resource-name order.
func (c *Client) ListDocuments(ctx context.Context) ([]*entitygraphv1.Document, error) {
	return collect(pages("list documents", func(token string) ([]*entitygraphv1.Document, string, error) {
		resp, err := c.rpc.ListDocuments(ctx, &entitygraphv1.ListDocumentsRequest{PageSize: listPageSize, PageToken: token})
		return resp.GetDocuments(), resp.GetNextPageToken(), err
	}))
}
