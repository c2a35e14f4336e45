package service_test

import (
	"context"
	"io"
	"log/slog"
	"net"
	"testing"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/status"
	"google.golang.org/grpc/test/bufconn"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/server/apierr"
	"github.com/entitygraph/entitygraph/server/app"
	"github.com/entitygraph/entitygraph/server/index"
	"github.com/entitygraph/entitygraph/server/seedtest"
)

// TestStalePageToken checks that a page token names the snapshot it was
// read from: after the graph served changes (a reload, or the next call
// reaching a replica that serves another snapshot), the token gets
// FAILED_PRECONDITION with reason PAGE_TOKEN_STALE, telling the client to
// restart the listing, never a page of another listing.
func TestStalePageToken(t *testing.T) {
	t.Parallel()
	holder := index.NewHolder(seedtest.Index(t))
	srv, _ := app.NewGRPCServer(holder, slog.New(slog.NewTextHandler(io.Discard, nil)))
	lis := bufconn.Listen(1 << 20)
	go func() { _ = srv.Serve(lis) }()
	conn, err := grpc.NewClient("passthrough:///bufconn",
		grpc.WithContextDialer(func(ctx context.Context, _ string) (net.Conn, error) { return lis.DialContext(ctx) }),
		grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = conn.Close(); srv.Stop() })
	ctx := context.Background()
	q, e := pb.NewQueryServiceClient(conn), pb.NewEntityServiceClient(conn)

	match := &pb.MatchRequest{Query: &pb.MatchRequest_Text{Text: "?a * ?b"}, PageSize: 1}
	first, err := q.Match(ctx, match)
	if err != nil || first.GetNextPageToken() == "" {
		t.Fatalf("Match first page: %v, next %q", err, first.GetNextPageToken())
	}
	list := &pb.ListRelationsRequest{PageSize: 1}
	firstList, err := e.ListRelations(ctx, list)
	if err != nil || firstList.GetNextPageToken() == "" {
		t.Fatalf("ListRelations first page: %v, next %q", err, firstList.GetNextPageToken())
	}
	// The same snapshot reads the next page.
	match.PageToken = first.GetNextPageToken()
	if _, err := q.Match(ctx, match); err != nil {
		t.Fatalf("Match second page, same snapshot: %v", err)
	}

	holder.Swap(seedtest.HarborWind(t))
	list.PageToken = firstList.GetNextPageToken()
	for name, call := range map[string]func() error{
		"Match":         func() error { _, err := q.Match(ctx, match); return err },
		"ListRelations": func() error { _, err := e.ListRelations(ctx, list); return err },
	} {
		err := call()
		st := status.Convert(err)
		if st.Code() != codes.FailedPrecondition {
			t.Errorf("%s with a token of another snapshot: %v; want FAILED_PRECONDITION", name, err)
			continue
		}
		var reason string
		for _, d := range st.Details() {
			if ei, ok := d.(*errdetails.ErrorInfo); ok {
				reason = ei.GetReason()
			}
		}
		if reason != apierr.ReasonStalePageToken {
			t.Errorf("%s: reason %q, want %q (%v)", name, reason, apierr.ReasonStalePageToken, err)
		}
	}
	// A token of another query is still INVALID_ARGUMENT.
	other := &pb.MatchRequest{Query: &pb.MatchRequest_Text{Text: "?a leads ?b"}, PageToken: first.GetNextPageToken()}
	if _, err := q.Match(ctx, other); status.Code(err) != codes.InvalidArgument {
		t.Errorf("Match with another query's token: %v; want INVALID_ARGUMENT", err)
	}
}
