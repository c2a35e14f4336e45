package app_test

import (
	"context"
	"io"
	"log/slog"
	"net"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/status"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/server/app"
	"github.com/entitygraph/entitygraph/server/index"
	"github.com/entitygraph/entitygraph/server/servertest"
)

// serve starts app.NewServer with opts on a loopback port.
func serve(t *testing.T, opts ...app.Option) (*app.Server, string) {
	t.Helper()
	return serveLogging(t, slog.New(slog.NewTextHandler(io.Discard, nil)), opts...)
}

// serveLogging is serve with the server logging to logger.
func serveLogging(t *testing.T, logger *slog.Logger, opts ...app.Option) (*app.Server, string) {
	t.Helper()
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := app.NewServer(index.NewHolder(servertest.Index(t)), logger, opts...)
	served := make(chan struct{})
	go func() {
		defer close(served)
		_ = s.GRPC.Serve(lis)
	}()
	t.Cleanup(func() {
		s.GRPC.Stop()
		<-served
	})
	return s, lis.Addr().String()
}

// TestShutdownUnderLoad shuts the server down while many slow calls are in
// flight: every call the server accepted must complete successfully, calls
// made afterwards must be refused with UNAVAILABLE, and shutdown must end
// well within its grace period.
func TestShutdownUnderLoad(t *testing.T) {
	const inFlight = 64
	const callTime = 300 * time.Millisecond
	var started atomic.Int64
	slow := func(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
		if info.FullMethod == pb.EntityService_GetEntity_FullMethodName {
			started.Add(1)
			time.Sleep(callTime)
		}
		return handler(ctx, req)
	}
	s, addr := serve(t, app.WithInterceptors([]grpc.UnaryServerInterceptor{slow}, nil))
	c := pb.NewEntityServiceClient(dial(t, addr, plaintext()))

	errs := make(chan error, inFlight)
	var calls sync.WaitGroup
	for range inFlight {
		calls.Go(func() {
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			_, err := c.GetEntity(ctx, &pb.GetEntityRequest{Name: "organizations/kioxia"})
			errs <- err
		})
	}
	for deadline := time.Now().Add(5 * time.Second); started.Load() < inFlight; time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("%d of %d calls reached the handler", started.Load(), inFlight)
		}
	}

	const grace = 5 * time.Second
	begin := time.Now()
	shutdown := make(chan bool)
	go func() { shutdown <- s.Shutdown(grace, grace) }()
	// Wait for the listener to close, then try a new call.
	time.Sleep(50 * time.Millisecond)
	late := pb.NewEntityServiceClient(dial(t, addr, plaintext()))
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	_, lateErr := late.GetEntity(ctx, &pb.GetEntityRequest{Name: "organizations/kioxia"})
	cancel()

	clean := <-shutdown
	took := time.Since(begin)
	calls.Wait()
	close(errs)
	var failed int
	for err := range errs {
		if err != nil {
			failed++
			t.Errorf("in-flight call: %v", err)
		}
	}
	if !clean || took > grace/2 {
		t.Errorf("Shutdown() = %v after %v, want a clean stop well within %v", clean, took, grace)
	}
	if status.Code(lateErr) != codes.Unavailable {
		t.Errorf("call after shutdown began: %v, want UNAVAILABLE", lateErr)
	}
	t.Logf("%d in-flight calls, %d lost; shutdown took %v", inFlight, failed, took.Round(time.Millisecond))
}

// TestShutdownEndsStreams checks that a stream that would never end (a
// health watch) is ended with UNAVAILABLE once the stream grace period is
// over, and that shutdown then finishes without waiting for the full
// grace.
func TestShutdownEndsStreams(t *testing.T) {
	s, addr := serve(t)
	hc := healthpb.NewHealthClient(dial(t, addr, plaintext()))
	watch, err := hc.Watch(context.Background(), &healthpb.HealthCheckRequest{})
	if err != nil {
		t.Fatal(err)
	}
	if resp, err := watch.Recv(); err != nil || resp.GetStatus() != healthpb.HealthCheckResponse_SERVING {
		t.Fatalf("first watch update = %v, %v; want SERVING", resp, err)
	}

	const grace, streamGrace = 10 * time.Second, 200 * time.Millisecond
	begin := time.Now()
	shutdown := make(chan bool)
	go func() { shutdown <- s.Shutdown(grace, streamGrace) }()

	if resp, err := watch.Recv(); err != nil || resp.GetStatus() != healthpb.HealthCheckResponse_NOT_SERVING {
		t.Errorf("watch update after shutdown = %v, %v; want NOT_SERVING", resp, err)
	}
	_, err = watch.Recv()
	if status.Code(err) != codes.Unavailable {
		t.Errorf("watch ended with %v, want UNAVAILABLE", err)
	}
	clean := <-shutdown
	if took := time.Since(begin); !clean || took < streamGrace || took > grace/2 {
		t.Errorf("Shutdown() = %v after %v, want a clean stop after about %v", clean, took, streamGrace)
	}
}

// TestShutdownCutsOffAtGrace checks that calls still running when the
// grace period ends are cut off, so that shutdown is bounded.
func TestShutdownCutsOffAtGrace(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	stuck := func(ctx context.Context, req any, _ *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
		select {
		case <-release:
		case <-ctx.Done():
		}
		return handler(ctx, req)
	}
	entered := make(chan struct{}, 1)
	signal := func(ctx context.Context, req any, _ *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
		entered <- struct{}{}
		return handler(ctx, req)
	}
	s, addr := serve(t, app.WithInterceptors([]grpc.UnaryServerInterceptor{signal, stuck}, nil))
	c := pb.NewEntityServiceClient(dial(t, addr, plaintext()))
	callErr := make(chan error, 1)
	go func() {
		_, err := c.GetEntity(context.Background(), &pb.GetEntityRequest{Name: "organizations/kioxia"})
		callErr <- err
	}()
	<-entered
	const grace = 300 * time.Millisecond
	begin := time.Now()
	clean := s.Shutdown(grace, grace)
	if took := time.Since(begin); clean || took < grace || took > grace+2*time.Second {
		t.Errorf("Shutdown() = %v after %v, want false just after %v", clean, took, grace)
	}
	if err := <-callErr; status.Code(err) != codes.Unavailable {
		t.Errorf("call cut off at shutdown: %v, want UNAVAILABLE", err)
	}
}

// TestDrainDelayKeepsServing stops a server run with a drain delay: health
// turns NOT_SERVING at once, and until the delay is over calls are still
// answered, on a connection opened before shutdown and on one opened
// during the drain; then the server stops.
func TestDrainDelayKeepsServing(t *testing.T) {
	t.Parallel()
	const delay = 600 * time.Millisecond
	srv := run(t, app.Config{DrainDelay: delay, StreamGrace: 100 * time.Millisecond})
	conn := dial(t, srv.addr, plaintext())
	watch, err := healthpb.NewHealthClient(conn).Watch(context.Background(), &healthpb.HealthCheckRequest{})
	if err != nil {
		t.Fatal(err)
	}
	if resp, err := watch.Recv(); err != nil || resp.GetStatus() != healthpb.HealthCheckResponse_SERVING {
		t.Fatalf("first watch update = %v, %v; want SERVING", resp, err)
	}
	began := time.Now()
	srv.stop()
	if resp, err := watch.Recv(); err != nil || resp.GetStatus() != healthpb.HealthCheckResponse_NOT_SERVING {
		t.Fatalf("watch update after shutdown began = %v, %v; want NOT_SERVING", resp, err)
	}
	if err := getKioxia(conn); err != nil {
		t.Errorf("call on an open connection during the drain: %v", err)
	}
	if err := getKioxia(dial(t, srv.addr, plaintext())); err != nil {
		t.Errorf("call on a new connection during the drain: %v", err)
	}
	if during := time.Since(began); during >= delay {
		t.Fatalf("the calls took %v, longer than the drain delay: the test proves nothing", during)
	}
	select {
	case err := <-srv.done:
		if took := time.Since(began); err != nil || took < delay {
			t.Errorf("app.Run() = %v after %v, want nil after at least %v", err, took, delay)
		}
		srv.done <- nil // for the cleanup's wait
	case <-time.After(delay + 10*time.Second):
		t.Fatal("app.Run() did not return after the drain delay")
	}
}
