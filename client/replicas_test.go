package client_test

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

	"github.com/entitygraph/entitygraph/client"
	"github.com/entitygraph/entitygraph/server/app"
	"github.com/entitygraph/entitygraph/server/index"
)

// replica is one in-process server of the seed graph that counts the
// entitygraph calls it serves.
type replica struct {
	addr  string
	srv   *app.Server
	calls atomic.Int64
}

func startReplica(t *testing.T, ix *index.Index) *replica {
	t.Helper()
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	r := &replica{addr: lis.Addr().String()}
	count := func(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
		r.calls.Add(1)
		return handler(ctx, req)
	}
	r.srv = app.NewServer(index.NewHolder(ix), slog.New(slog.NewTextHandler(io.Discard, nil)), app.WithInterceptors([]grpc.UnaryServerInterceptor{count}, nil))
	go func() { _ = r.srv.GRPC.Serve(lis) }()
	t.Cleanup(r.srv.GRPC.Stop)
	return r
}

// TestDialReplicas checks the SDK against three replicas: calls go round
// robin to all of them, and when one drains for shutdown (health
// NOT_SERVING, then GOAWAY) the calls that follow go to the others, none
// failing.
func TestDialReplicas(t *testing.T) {
	t.Parallel()
	ix, err := app.LoadIndex("")
	if err != nil {
		t.Fatal(err)
	}
	reps := []*replica{startReplica(t, ix), startReplica(t, ix), startReplica(t, ix)}
	c, err := client.DialReplicas([]string{reps[0].addr, reps[1].addr, reps[2].addr})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	call := func() error {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_, err := c.GetEntity(ctx, "organizations/kioxia")
		return err
	}
	// Until every replica is connected, round robin may skip one.
	deadline := time.Now().Add(10 * time.Second)
	for reps[0].calls.Load() == 0 || reps[1].calls.Load() == 0 || reps[2].calls.Load() == 0 {
		if time.Now().After(deadline) {
			t.Fatalf("calls per replica %d, %d, %d: not spread over all three", reps[0].calls.Load(), reps[1].calls.Load(), reps[2].calls.Load())
		}
		if err := call(); err != nil {
			t.Fatal(err)
		}
	}

	// Drive calls from 4 goroutines while replica 0 shuts down.
	var failed, made atomic.Int64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
				made.Add(1)
				if err := call(); err != nil {
					failed.Add(1)
					t.Errorf("call during a replica's shutdown: %v", err)
				}
			}
		})
	}
	time.Sleep(100 * time.Millisecond)
	reps[0].srv.Shutdown(5*time.Second, time.Second)
	before := reps[1].calls.Load() + reps[2].calls.Load()
	time.Sleep(200 * time.Millisecond)
	close(stop)
	wg.Wait()
	if after := reps[1].calls.Load() + reps[2].calls.Load(); after <= before {
		t.Errorf("the other replicas served no calls after one shut down")
	}
	t.Logf("%d calls while one of three replicas shut down, %d failed", made.Load(), failed.Load())
}
