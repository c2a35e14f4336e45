package app_test

import (
	"context"
	"log/slog"
	"strings"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/server/app"
)

// TestLateCallsLogDeadlineExceeded checks that a call whose handler
// finishes after the caller's deadline is logged as the caller saw it,
// DeadlineExceeded, not OK.
func TestLateCallsLogDeadlineExceeded(t *testing.T) {
	t.Parallel()
	var logs syncBuffer
	slow := func(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
		if info.FullMethod == pb.EntityService_GetEntity_FullMethodName {
			<-ctx.Done()
			time.Sleep(200 * time.Millisecond) // past the server's own deadline too
		}
		return handler(context.WithoutCancel(ctx), req) // a handler that does not look
	}
	_, addr := serveLogging(t, slog.New(slog.NewJSONHandler(&logs, nil)), app.WithInterceptors([]grpc.UnaryServerInterceptor{slow}, nil))
	c := pb.NewEntityServiceClient(dial(t, addr, plaintext()))
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	if _, err := c.GetEntity(ctx, &pb.GetEntityRequest{Name: "organizations/kioxia"}); status.Code(err) != codes.DeadlineExceeded {
		t.Fatalf("GetEntity past its deadline: %v, want DeadlineExceeded", err)
	}
	var line string
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		for l := range strings.Lines(logs.String()) {
			if strings.Contains(l, "GetEntity") && strings.Contains(l, "finished call") {
				line = l
			}
		}
		if line != "" {
			break
		}
	}
	if !strings.Contains(line, `"DeadlineExceeded"`) {
		t.Fatalf("the late call's log line = %q, want its code DeadlineExceeded", line)
	}
}
