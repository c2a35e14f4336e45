package app_test

import (
	"context"
	"encoding/json"
	"log/slog"
	"strconv"
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

// TestDeadlineStopsAQuery gives a real query, one that takes a while, a
// deadline a tenth of the time it takes: the caller gets DeadlineExceeded,
// the server logs that code, and its handler stops soon after the
// deadline instead of finishing the query (judged by the time the log line
// gives, against the whole query's, in the same run).
func TestDeadlineStopsAQuery(t *testing.T) {
	t.Parallel()
	var logs syncBuffer
	_, addr := serveLogging(t, slog.New(slog.NewJSONHandler(&logs, nil)))
	c := pb.NewQueryServiceClient(dial(t, addr, plaintext()))
	req := &pb.MatchRequest{
		Query:  &pb.MatchRequest_Text{Text: "?a * ?b . ?c * ?d . ?e * ?f . ?g * ?h . NOT { ?a * ?b }"},
		Limits: &pb.Limits{MaxEdgesVisited: 10_000_000},
	}
	start := time.Now()
	_, wholeErr := c.Match(context.Background(), req)
	whole := time.Since(start)
	if code := status.Code(wholeErr); code != codes.OK && code != codes.ResourceExhausted && code != codes.InvalidArgument {
		t.Fatalf("the query without a deadline: %v", wholeErr)
	}
	ctx, cancel := context.WithTimeout(context.Background(), whole/10)
	defer cancel()
	if _, err := c.Match(ctx, req); status.Code(err) != codes.DeadlineExceeded {
		t.Fatalf("the query with a deadline of %v: %v, want DeadlineExceeded", whole/10, err)
	}
	var line string
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline) && line == ""; time.Sleep(10 * time.Millisecond) {
		for l := range strings.Lines(logs.String()) {
			if strings.Contains(l, "Match") && strings.Contains(l, "finished call") && strings.Contains(l, "DeadlineExceeded") {
				line = l
			}
		}
	}
	if line == "" {
		t.Fatalf("no log line with DeadlineExceeded for the call past its deadline; the log:\n%s", logs.String())
	}
	var entry struct {
		Millis string `json:"grpc.time_ms"`
	}
	if err := json.Unmarshal([]byte(line), &entry); err != nil {
		t.Fatalf("log line %q: %v", line, err)
	}
	ms, err := strconv.ParseFloat(entry.Millis, 64)
	if err != nil {
		t.Fatalf("log line %q: grpc.time_ms: %v", line, err)
	}
	if handler := time.Duration(ms * float64(time.Millisecond)); handler > whole/2 {
		t.Errorf("the call with a deadline of %v ran %v on the server, the whole query %v: want it stopped soon after its deadline", whole/10, handler, whole)
	} else {
		t.Logf("whole query %v (%v); with a deadline of %v, the server stopped after %v", whole, status.Code(wholeErr), whole/10, handler)
	}
}
