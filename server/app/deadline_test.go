package app_test

import (
	"bytes"
	"context"
	"log/slog"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/server/app"
	"github.com/entitygraph/entitygraph/server/index"
	"github.com/entitygraph/entitygraph/server/servertest"
)

// lockedBuffer is a log destination several goroutines write.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// TestLateCallsLogDeadlineExceeded checks that a call whose handler
// finishes after the caller's deadline is logged as the caller saw it,
// DeadlineExceeded, not OK.
func TestLateCallsLogDeadlineExceeded(t *testing.T) {
	t.Parallel()
	var logs lockedBuffer
	slow := func(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
		if info.FullMethod == pb.EntityService_GetEntity_FullMethodName {
			<-ctx.Done()
			time.Sleep(200 * time.Millisecond) // past the server's own deadline too
		}
		return handler(context.WithoutCancel(ctx), req) // a handler that does not look
	}
	s := app.NewServer(index.NewHolder(servertest.Index(t)), slog.New(slog.NewJSONHandler(&logs, nil)),
		app.WithInterceptors([]grpc.UnaryServerInterceptor{slow}, nil))
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = s.GRPC.Serve(lis) }()
	t.Cleanup(s.GRPC.Stop)
	c := pb.NewEntityServiceClient(dial(t, lis.Addr().String(), plaintext()))
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
