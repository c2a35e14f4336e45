package client

import (
	"fmt"
	"io"

	"google.golang.org/grpc"

	entitygraphv1 "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
)

// Client calls an entitygraph server. Its methods are safe for concurrent
// use. Create one with [Dial], or with [New] over a connection you manage.
type Client struct {
	rpc   entitygraphv1.EntityServiceClient
	query entitygraphv1.QueryServiceClient
	vocab entitygraphv1.VocabularyServiceClient
	// conn is the connection Dial opened, closed by Close; nil when the
	// caller owns the connection.
	conn io.Closer
}

// New returns a [Client] that calls the server over cc. The caller keeps
// ownership of cc: [Client.Close] leaves it open.
func New(cc grpc.ClientConnInterface) *Client {
	return &Client{
		rpc:   entitygraphv1.NewEntityServiceClient(cc),
		query: entitygraphv1.NewQueryServiceClient(cc),
		vocab: entitygraphv1.NewVocabularyServiceClient(cc),
	}
}

// Dial returns a [Client] for the server at target, for example
// "localhost:50051" or, for replicas behind one DNS name,
// "dns:///entitygraph.internal:50051", using [grpc.NewClient] with
// [ServiceConfig] (round robin, health checking, retries of UNAVAILABLE;
// see also [DialReplicas]). The connection is plaintext
// unless [WithTransportCredentials] says otherwise. Dial does not wait for the
// server: a server that is not there shows up as a [codes.Unavailable] error
// from the first call. Call [Client.Close] when done.
func Dial(target string, opts ...Option) (*Client, error) {
	return dial(target, target, opts)
}

// dial opens a connection to target with the options' settings, and
// extra dial options first; what names the target in an error.
func dial(target, what string, opts []Option, extra ...grpc.DialOption) (*Client, error) {
	cc, err := grpc.NewClient(target, append(extra, newConfig(opts).grpcDialOptions()...)...)
	if err != nil {
		return nil, fmt.Errorf("dial %s: %w", what, err)
	}
	c := New(cc)
	c.conn = cc
	return c, nil
}

// Close closes the connection [Dial] opened. It does nothing for a client
// made with [New].
func (c *Client) Close() error {
	if c.conn == nil {
		return nil
	}
	return c.conn.Close()
}

// Service returns the generated EntityService client underneath, for calls
// this package does not wrap or that need [grpc.CallOption] values.
func (c *Client) Service() entitygraphv1.EntityServiceClient {
	return c.rpc
}

// QueryService returns the generated QueryService client underneath, for
// calls that need [grpc.CallOption] values or response fields this package
// does not pass on, such as edges_visited.
func (c *Client) QueryService() entitygraphv1.QueryServiceClient {
	return c.query
}

// VocabularyService returns the generated VocabularyService client
// underneath, for calls that need [grpc.CallOption] values or paging of
// their own.
func (c *Client) VocabularyService() entitygraphv1.VocabularyServiceClient {
	return c.vocab
}
