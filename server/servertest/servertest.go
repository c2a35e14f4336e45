// Package servertest runs the real entitygraph server, with the real seed
// graph, for tests: over an in-memory bufconn listener or on a free loopback
// TCP port. It is test support only; nothing in it is a fake.
package servertest

import (
	"context"
	"io"
	"log/slog"
	"net"
	"sync"
	"testing"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/test/bufconn"

	"github.com/entitygraph/entitygraph/server/app"
	"github.com/entitygraph/entitygraph/server/index"
)

// seedIndex is the built-in seed graph, loaded once per test binary; it is
// immutable, so every server in the binary can share it.
var seedIndex = sync.OnceValues(func() (*index.Index, error) { return app.LoadIndex("") })

// Index returns the seed graph's snapshot, failing the test if it cannot be
// loaded.
func Index(t testing.TB) *index.Index {
	t.Helper()
	ix, err := seedIndex()
	if err != nil {
		t.Fatalf("load seed graph: %v", err)
	}
	return ix
}

func newServer(t testing.TB) *grpc.Server {
	t.Helper()
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	srv, _ := app.NewGRPCServer(index.NewHolder(Index(t)), logger)
	return srv
}

// Dial starts the server on an in-memory listener and returns a client
// connection to it. Both are closed when the test ends.
func Dial(t testing.TB) *grpc.ClientConn {
	t.Helper()
	lis := bufconn.Listen(1 << 20)
	srv := newServer(t)
	go func() { _ = srv.Serve(lis) }()
	conn, err := grpc.NewClient("passthrough:///bufconn",
		grpc.WithContextDialer(func(ctx context.Context, _ string) (net.Conn, error) { return lis.DialContext(ctx) }),
		grpc.WithTransportCredentials(insecure.NewCredentials()),
	)
	if err != nil {
		t.Fatalf("dial bufconn: %v", err)
	}
	t.Cleanup(func() {
		_ = conn.Close()
		srv.Stop()
	})
	return conn
}

// Start starts the server on a free loopback TCP port and returns its
// address. The server stops when the test ends.
func Start(t testing.TB) string {
	t.Helper()
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("listen: %v", err)
	}
	srv := newServer(t)
	go func() { _ = srv.Serve(lis) }()
	t.Cleanup(srv.Stop)
	return lis.Addr().String()
}
