package e2e

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/metadata"

	"github.com/entitygraph/entitygraph/client"
	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/server/service"
)

// clusterGraph is the seed graph file the cluster's rolling reload
// rewrites.
const clusterGraph = "000_133d51a59ae2b9bf.graph.txtpb"

// clusterReplica is one server binary of the cluster test, with a data
// directory of its own so that a rolling reload changes one at a time.
type clusterReplica struct {
	addr, metrics, data string
	p                   *process
}

// freeAddrOn returns a free TCP address on the loopback address ip.
func freeAddrOn(t *testing.T, ip string) string {
	t.Helper()
	lis, err := net.Listen("tcp", ip+":0")
	if err != nil {
		t.Skipf("cannot listen on %s (%v): the cluster test needs 127.0.0.2 and 127.0.0.3, which Linux routes to loopback", ip, err)
	}
	defer lis.Close()
	return lis.Addr().String()
}

// clusterLoad is the SDK driving calls at the cluster, tallied by phase.
type clusterLoad struct {
	made, failed atomic.Int64
	mu           sync.Mutex
	errs         []string
	// mixed records a call whose answer disagrees with the snapshot it
	// says it came from: a description of the other graph.
	mixed atomic.Int64
}

// errMixedSnapshots is an answer that disagrees with the snapshot its
// response header names.
var errMixedSnapshots = errors.New("an answer of another snapshot than its header names")

// TestCluster runs three replicas of the server binary on 127.0.0.1,
// 127.0.0.2 and 127.0.0.3 and drives them with the Go SDK
// (client.DialReplicas: round robin, health checking, retries) from four
// goroutines of mixed reads, through the planned events — one replica
// SIGTERMed and restarted, a rolling reload of a new graph across all three
// — which may fail no call, and one replica SIGKILLed, which may fail only
// calls in flight that retries did not save. Every answer must come from one
// snapshot: the entity's description is the one of the snapshot the
// response header names. `make cluster-test` runs it alone and prints the
// figures.
func TestCluster(t *testing.T) {
	noLeaks(t)
	root := repoRoot(t)
	const newDesc = "Kioxia, as the rolling reload describes it."
	original, err := os.ReadFile(filepath.Join(root, "seeds", clusterGraph))
	if err != nil {
		t.Fatal(err)
	}
	var reps []*clusterReplica
	for _, ip := range []string{"127.0.0.1", "127.0.0.2", "127.0.0.3"} {
		r := &clusterReplica{addr: freeAddrOn(t, ip), metrics: freeAddr(t), data: t.TempDir()}
		for _, name := range []string{"seed.vocab.txtpb", "000_133d51a59ae2b9bf.txt", clusterGraph} {
			b, err := os.ReadFile(filepath.Join(root, "seeds", name))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(r.data, name), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		reps = append(reps, r)
	}
	start := func(r *clusterReplica) {
		r.p = launch(t, r.addr, "--data", r.data, "--metrics-listen", r.metrics, "--shutdown-grace", "5s", "--stream-grace", "1s", "--log-level", "warn")
	}
	for _, r := range reps {
		start(r)
	}
	c, err := client.DialReplicas([]string{reps[0].addr, reps[1].addr, reps[2].addr})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()

	// The description each snapshot gives Kioxia, learned as calls see
	// new snapshots: the first is the seed's, the next the reload's.
	var descs sync.Map // snapshot version → description
	entities, queries := c.Service(), c.QueryService()
	one := func(ctx context.Context, k int) error {
		var h metadata.MD
		switch k % 3 {
		case 0:
			e, err := entities.GetEntity(ctx, &pb.GetEntityRequest{Name: "organizations/kioxia"}, grpc.Header(&h))
			if err != nil {
				return err
			}
			v := strings.Join(h.Get(service.VersionHeader), ",")
			if want, seen := descs.LoadOrStore(v, e.GetDescription()); seen && want != e.GetDescription() {
				return fmt.Errorf("%w: snapshot %s answered %q, and %q before", errMixedSnapshots, v, e.GetDescription(), want)
			}
		case 1:
			_, err := entities.SearchEntities(ctx, &pb.SearchEntitiesRequest{Query: "Kioxa", View: pb.EntityView_ENTITY_VIEW_BASIC})
			return err
		default:
			_, err := queries.Ask(ctx, &pb.AskRequest{Question: "Who coordinated against which acquisition?"})
			return err
		}
		return nil
	}
	// The phase's tally, which each event replaces.
	var load atomic.Pointer[clusterLoad]
	phase := func() *clusterLoad {
		l := &clusterLoad{}
		load.Store(l)
		return l
	}
	phase()
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for k := g; ; k++ {
				select {
				case <-stop:
					return
				default:
				}
				l := load.Load()
				ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
				err := one(ctx, k)
				cancel()
				l.made.Add(1)
				if err != nil {
					l.failed.Add(1)
					if errors.Is(err, errMixedSnapshots) {
						l.mixed.Add(1)
					}
					l.mu.Lock()
					if len(l.errs) < 5 {
						l.errs = append(l.errs, err.Error())
					}
					l.mu.Unlock()
				}
			}
		})
	}
	defer func() {
		close(stop)
		wg.Wait()
	}()
	time.Sleep(500 * time.Millisecond)

	report := func(name string, l *clusterLoad, mayFail bool) {
		t.Logf("%-40s %6d calls, %d failed", name, l.made.Load(), l.failed.Load())
		if l.mixed.Load() > 0 || !mayFail && l.failed.Load() > 0 {
			t.Errorf("%s: %d of %d calls failed (%d mixing snapshots): %v", name, l.failed.Load(), l.made.Load(), l.mixed.Load(), l.errs)
		}
	}
	report("warm-up", load.Load(), false)

	// 1. SIGTERM one replica, then restart it on its address.
	l := phase()
	if err := reps[0].p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if err := <-reps[0].p.exited; err != nil {
		t.Fatalf("replica 1 after SIGTERM: %v\n%s", err, reps[0].p.logs.String())
	}
	time.Sleep(300 * time.Millisecond)
	restarted := time.Now()
	start(reps[0])
	ready := time.Since(restarted)
	// The SDK reconnects with backoff: rebalanced once the restarted
	// replica serves calls of the load again.
	rebalance := waitServed(t, reps[0])
	report("SIGTERM and restart of one replica", l, false)
	t.Logf("restarted replica serving after %v; calls reach it again %v after that", ready.Round(time.Millisecond), rebalance.Round(time.Millisecond))

	// 2. A rolling reload of a new graph, one replica at a time.
	l = phase()
	for i, r := range reps {
		b := replaceDescription(string(original), newDesc)
		tmp := filepath.Join(r.data, clusterGraph+".new")
		if err := os.WriteFile(tmp, []byte(b), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(tmp, filepath.Join(r.data, clusterGraph)); err != nil {
			t.Fatal(err)
		}
		if err := r.p.cmd.Process.Signal(syscall.SIGHUP); err != nil {
			t.Fatal(err)
		}
		if err := waitDescription(r, newDesc); err != nil {
			t.Fatalf("replica %d: %v\n%s", i+1, err, r.p.logs.String())
		}
		time.Sleep(200 * time.Millisecond)
	}
	report("rolling reload across three replicas", l, false)

	// 3. SIGKILL one replica: only calls in flight may fail.
	l = phase()
	if err := reps[1].p.cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	<-reps[1].p.exited
	time.Sleep(500 * time.Millisecond)
	report("SIGKILL of one replica", l, true)
	if f := l.failed.Load(); f > 8 {
		t.Errorf("SIGKILL failed %d calls; at most the 4 in flight (and their retries) may fail", f)
	}
	n := 0
	descs.Range(func(_, _ any) bool { n++; return true })
	t.Logf("snapshots seen by the load: %d, each answering with its own graph", n)
}

// replaceDescription gives Kioxia's entity the description desc in a graph
// file's text.
func replaceDescription(graph, desc string) string {
	at := strings.Index(graph, `name: "organizations/kioxia"`)
	d := strings.Index(graph[at:], `description: "`) + at + len(`description: "`)
	end := strings.Index(graph[d:], `"`) + d
	return graph[:d] + desc + graph[end:]
}

// waitDescription waits until replica r serves Kioxia with description
// desc, after a reload.
func waitDescription(r *clusterReplica, desc string) error {
	c := pb.NewEntityServiceClient(r.p.conn)
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		e, err := c.GetEntity(context.Background(), &pb.GetEntityRequest{Name: "organizations/kioxia"})
		if err == nil && e.GetDescription() == desc {
			return nil
		}
	}
	return errors.New("not reloaded 20 s after SIGHUP")
}

// waitServed waits until the load's calls reach replica r, restarted:
// until its metrics count a GetEntity served (the test's own connection
// to it makes none). It returns how long that took.
func waitServed(t *testing.T, r *clusterReplica) time.Duration {
	t.Helper()
	start := time.Now()
	const served = `grpc_server_handled_total{grpc_code="OK",grpc_method="GetEntity",grpc_service="entitygraph.v1.EntityService",grpc_type="unary"}`
	for deadline := start.Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if metric(t, r.metrics, served) > 0 {
			return time.Since(start)
		}
	}
	t.Errorf("the load's calls did not reach the restarted replica within 20 s")
	return time.Since(start)
}
