package service_test

import (
	"context"
	"strings"
	"testing"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/server/apierr"
	"github.com/entitygraph/entitygraph/server/servertest"
)

// TestErrorsFitAnEightKiBHeaderList calls over TCP with a client that,
// as most do, refuses response headers over 8 KiB, with requests whose
// errors would echo them at length — a question of 500 unknown Hangul
// letters, a Match text of long unknown names, many bad fields — and
// checks that each comes back as its own INVALID_ARGUMENT with details,
// not as an INTERNAL the transport made of trailers it would not take.
func TestErrorsFitAnEightKiBHeaderList(t *testing.T) {
	t.Parallel()
	conn, err := grpc.NewClient(servertest.Start(t),
		grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithMaxHeaderListSize(8<<10))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = conn.Close() })
	queries, entities := pb.NewQueryServiceClient(conn), pb.NewEntityServiceClient(conn)
	ctx := context.Background()

	words := strings.Repeat("뷁뷁뷁 ", 125) // 500 characters of unknown words
	longName := `"` + strings.Repeat("가", 200) + `"`
	calls := map[string]func(grpc.CallOption) error{
		"Ask": func(tr grpc.CallOption) error {
			_, err := queries.Ask(ctx, &pb.AskRequest{Question: words[:len(words)-1]}, tr)
			return err
		},
		"Ask with names": func(tr grpc.CallOption) error {
			q := strings.Repeat("Samsung Kioxia 뷁뷁 ", 28)
			_, err := queries.Ask(ctx, &pb.AskRequest{Question: q}, tr)
			return err
		},
		"Match": func(tr grpc.CallOption) error {
			_, err := queries.Match(ctx, &pb.MatchRequest{Query: &pb.MatchRequest_Text{Text: strings.Repeat(longName+" leads ?x . ", 20)}}, tr)
			return err
		},
		"BatchGetEntities": func(tr grpc.CallOption) error {
			names := make([]string, 100)
			for i := range names {
				names[i] = "not a name " + strings.Repeat("가", 60)
			}
			_, err := entities.BatchGetEntities(ctx, &pb.BatchGetEntitiesRequest{Names: names}, tr)
			return err
		},
	}
	for name, call := range calls {
		t.Run(name, func(t *testing.T) {
			var md metadata.MD
			err := call(grpc.Trailer(&md))
			st := status.Convert(err)
			if st.Code() != codes.InvalidArgument && st.Code() != codes.NotFound {
				t.Fatalf("code %v (%q), want INVALID_ARGUMENT or NOT_FOUND with its details", st.Code(), st.Message())
			}
			var reason string
			for _, d := range st.Details() {
				if ei, ok := d.(*errdetails.ErrorInfo); ok {
					reason = ei.GetReason()
				}
			}
			if reason == "" || reason == apierr.ReasonInternal {
				t.Errorf("no ErrorInfo reason in %v", st.Details())
			}
			size := len(st.Message())
			for k, vs := range md {
				for _, v := range vs {
					size += len(k) + len(v)
				}
			}
			if size > 4<<10 {
				t.Errorf("status and trailers take %d bytes, want at most 4 KiB", size)
			}
		})
	}
}
