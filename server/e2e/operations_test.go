package e2e

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"go.uber.org/goleak"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
)

// lockedBuffer collects a process's output, safe to read while it runs.
type lockedBuffer struct {
	mu sync.Mutex // guards b
	b  strings.Builder
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// noLeaks fails t if goroutines it started outlive it, checked after every
// other cleanup (the package's TestMain belongs to the README tests).
func noLeaks(t *testing.T) {
	t.Helper()
	ignore := goleak.IgnoreCurrent()
	t.Cleanup(func() { goleak.VerifyNone(t, ignore) })
}

// process is the server binary running for one test.
type process struct {
	cmd    *exec.Cmd
	logs   *lockedBuffer
	exited chan error
	conn   *grpc.ClientConn
}

// launch runs the server binary with args on addr and waits for it to be
// healthy; it is killed at cleanup if still running.
func launch(t *testing.T, addr string, args ...string) *process {
	t.Helper()
	p := &process{logs: &lockedBuffer{}, exited: make(chan error, 1)}
	p.cmd = exec.Command(filepath.Join(binDir, "entitygraph-server"), append([]string{"--listen", addr}, args...)...)
	p.cmd.Stdout, p.cmd.Stderr = p.logs, p.logs
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { p.exited <- p.cmd.Wait() }()
	t.Cleanup(func() {
		if p.cmd.ProcessState == nil {
			_ = p.cmd.Process.Kill()
			<-p.exited
		}
	})
	conn, err := grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = conn.Close() })
	p.conn = conn
	hc := healthpb.NewHealthClient(conn)
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		resp, err := hc.Check(ctx, &healthpb.HealthCheckRequest{})
		cancel()
		if err == nil && resp.GetStatus() == healthpb.HealthCheckResponse_SERVING {
			return p
		}
		select {
		case err := <-p.exited:
			t.Fatalf("server exited early: %v\n%s", err, p.logs.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("server not healthy after 30s: %v\n%s", err, p.logs.String())
		}
	}
}

func metric(t *testing.T, addr, name string) float64 {
	t.Helper()
	resp, err := http.Get("http://" + addr + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), name+" "); ok {
			v, err := strconv.ParseFloat(rest, 64)
			if err != nil {
				t.Fatal(err)
			}
			return v
		}
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	t.Fatalf("no metric %s", name)
	return 0
}

// TestSIGHUPReload edits the served graph and sends the real binary
// SIGHUP: a valid graph is swapped in, an invalid one is rejected with a
// log line and a metric while the previous graph keeps serving.
func TestSIGHUPReload(t *testing.T) {
	noLeaks(t)
	root := repoRoot(t)
	data := t.TempDir()
	const graph = "000_133d51a59ae2b9bf.graph.txtpb"
	for _, name := range []string{"seed.vocab.txtpb", "000_133d51a59ae2b9bf.txt", graph} {
		b, err := os.ReadFile(filepath.Join(root, "seeds", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(data, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	metricsAddr := freeAddr(t)
	p := launch(t, freeAddr(t), "--data", data, "--metrics-listen", metricsAddr)
	c := pb.NewEntityServiceClient(p.conn)
	kioxia := func() (string, string) {
		var h metadata.MD
		e, err := c.GetEntity(context.Background(), &pb.GetEntityRequest{Name: "organizations/kioxia"}, grpc.Header(&h))
		if err != nil {
			t.Fatalf("GetEntity: %v\n%s", err, p.logs.String())
		}
		return h.Get("entitygraph-snapshot")[0], e.GetDescription()
	}
	v1, desc := kioxia()
	original, err := os.ReadFile(filepath.Join(data, graph))
	if err != nil {
		t.Fatal(err)
	}
	replace := func(b []byte) {
		tmp := filepath.Join(data, graph+".new")
		if err := os.WriteFile(tmp, b, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(tmp, filepath.Join(data, graph)); err != nil {
			t.Fatal(err)
		}
		if err := p.cmd.Process.Signal(syscall.SIGHUP); err != nil {
			t.Fatal(err)
		}
	}

	const newDesc = "Reloaded description of Kioxia."
	replace([]byte(strings.Replace(string(original), desc, newDesc, 1)))
	var v2 string
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		v, d := kioxia()
		if v != v1 {
			if d != newDesc {
				t.Fatalf("snapshot %s answers with description %q, want %q", v, d, newDesc)
			}
			v2 = v
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("graph not reloaded 10s after SIGHUP\n%s", p.logs.String())
		}
	}

	replace([]byte(strings.Replace(string(original), "sought to acquire Japan’s Kioxia", "sought to buy Japan’s Kioxia", 1)))
	for deadline := time.Now().Add(10 * time.Second); metric(t, metricsAddr, `entitygraph_reloads_total{result="failure"}`) != 1; time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("bad graph not rejected 10s after SIGHUP\n%s", p.logs.String())
		}
	}
	if v, d := kioxia(); v != v2 || d != newDesc {
		t.Errorf("after a rejected reload: snapshot %s (%q), want %s still", v, d, v2)
	}
	if got := metric(t, metricsAddr, "entitygraph_last_reload_success"); got != 0 {
		t.Errorf("entitygraph_last_reload_success = %v, want 0", got)
	}
	logs := p.logs.String()
	if !strings.Contains(logs, "graph reload rejected; still serving the previous snapshot") || !strings.Contains(logs, graph+":") {
		t.Errorf("logs do not explain the rejection with file:line:\n%s", logs)
	}
}

// TestSIGTERMUnderLoad sends SIGTERM while clients call the real binary
// without pause: every call either succeeds or is refused with
// UNAVAILABLE (none is cut off half-done with another code), and the
// process exits cleanly within its grace period.
func TestSIGTERMUnderLoad(t *testing.T) {
	noLeaks(t)
	const grace = 3 * time.Second
	p := launch(t, freeAddr(t), "--shutdown-grace", grace.String(), "--stream-grace", "1s", "--client-rate-limit", "0", "--log-level", "warn")
	e := pb.NewEntityServiceClient(p.conn)
	q := pb.NewQueryServiceClient(p.conn)

	// The signal goes in once this many calls have succeeded: the test
	// waits for its precondition instead of timing it.
	const before = 100
	var mu sync.Mutex // guards codesSeen
	codesSeen := map[codes.Code]int{}
	loaded := make(chan struct{})
	var loadedOnce sync.Once
	stop := make(chan struct{})
	var callers sync.WaitGroup
	for i := range 16 {
		callers.Go(func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
				ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
				var err error
				switch i % 4 {
				case 0:
					_, err = e.GetEntity(ctx, &pb.GetEntityRequest{Name: "organizations/kioxia"})
				case 1:
					_, err = e.SearchEntities(ctx, &pb.SearchEntitiesRequest{Query: "Kioxa"})
				case 2:
					_, err = e.ListRelations(ctx, &pb.ListRelationsRequest{PageSize: 1000})
				case 3:
					var s pb.QueryService_TraverseClient
					if s, err = q.Traverse(ctx, &pb.TraverseRequest{Start: []string{"organizations/kioxia"}, MaxDepth: 3}); err == nil {
						for err == nil {
							_, err = s.Recv()
						}
						if err == io.EOF {
							err = nil
						}
					}
				}
				cancel()
				mu.Lock()
				codesSeen[status.Code(err)]++
				if codesSeen[codes.OK] >= before {
					loadedOnce.Do(func() { close(loaded) })
				}
				mu.Unlock()
				if status.Code(err) == codes.Unavailable {
					return // the server is going away
				}
			}
		})
	}
	select {
	case <-loaded:
	case <-time.After(2 * time.Minute):
		mu.Lock()
		t.Fatalf("fewer than %d calls succeeded in two minutes: %v", before, codesSeen)
	}
	begin := time.Now()
	if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	var exitErr error
	select {
	case exitErr = <-p.exited:
	case <-time.After(grace + 5*time.Second):
		t.Fatalf("server still running %v after SIGTERM\n%s", grace+5*time.Second, p.logs.String())
	}
	took := time.Since(begin)
	close(stop)
	callers.Wait()

	if exitErr != nil {
		t.Errorf("server exited with %v, want status 0\n%s", exitErr, p.logs.String())
	}
	if took > grace+time.Second {
		t.Errorf("server took %v to exit, want within the %v grace period", took, grace)
	}
	mu.Lock()
	defer mu.Unlock()
	for code, n := range codesSeen {
		if code != codes.OK && code != codes.Unavailable {
			t.Errorf("%d calls ended with %v, want only OK or UNAVAILABLE", n, code)
		}
	}
	if codesSeen[codes.OK] < before {
		t.Errorf("only %d calls succeeded: %v", codesSeen[codes.OK], codesSeen)
	}
	t.Logf("exit after %v; calls by code: %v", took.Round(time.Millisecond), codesSeen)
}
