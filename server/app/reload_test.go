package app_test

import (
	"context"
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

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/server/app"
	"github.com/entitygraph/entitygraph/server/service"
)

const graphFile = "000_133d51a59ae2b9bf.graph.txtpb"

const (
	descA = "Japanese flash-memory maker spun off from Toshiba (formerly Toshiba Memory), the world's No. 2 NAND flash producer."
	descB = "Variant B of the graph: the same Kioxia, described differently."
)

// writeAtomically replaces path's content in one rename, as a careful
// operator (or deploy tool) would.
func writeAtomically(t testing.TB, path string, b []byte) {
	t.Helper()
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}
}

func reloadsDone(t testing.TB, metricsAddr string) float64 {
	m := scrape(t, metricsAddr)
	return m[`entitygraph_reloads_total{result="success"}`] + m[`entitygraph_reloads_total{result="unchanged"}`] + m[`entitygraph_reloads_total{result="failure"}`]
}

// TestReloadUnderLoad reloads the graph many times, alternating two valid
// graphs and an invalid one, while clients call the server without pause.
// No call may fail, and every answer must come whole from one snapshot:
// the Kioxia description must be the one of the graph whose version the
// response header names.
func TestReloadUnderLoad(t *testing.T) {
	data := copySeeds(t)
	path := filepath.Join(data, graphFile)
	graphA, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(graphA), descA) {
		t.Fatalf("%s no longer holds the Kioxia description this test expects", graphFile)
	}
	graphB := []byte(strings.Replace(string(graphA), descA, descB, 1))
	invalid := []byte(strings.Replace(string(graphA), "sought to acquire Japan’s Kioxia", "sought to buy Japan’s Kioxia", 1))

	reload := make(chan os.Signal, 1)
	srv := run(t, app.Config{Data: data, Reload: reload})
	c := pb.NewEntityServiceClient(dial(t, srv.addr, plaintext()))

	// Learn both versions: A is served now; B after the first reload.
	versionOf := func() string {
		var h metadata.MD
		if _, err := c.GetEntity(context.Background(), &pb.GetEntityRequest{Name: "organizations/kioxia"}, grpc.Header(&h)); err != nil {
			t.Fatal(err)
		}
		return h.Get(service.VersionHeader)[0]
	}
	want := map[string]string{versionOf(): descA}

	var (
		calls, failures atomic.Int64
		mu              sync.Mutex // guards seen and problems
		seen            = map[string]int{}
		problems        []string
	)
	ctx, stopLoad := context.WithCancel(context.Background())
	var load sync.WaitGroup
	for range 8 {
		load.Go(func() {
			for ctx.Err() == nil {
				var h metadata.MD
				callCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
				e, err := c.GetEntity(callCtx, &pb.GetEntityRequest{Name: "organizations/kioxia"}, grpc.Header(&h))
				cancel()
				calls.Add(1)
				mu.Lock()
				switch {
				case err != nil:
					failures.Add(1)
					problems = append(problems, "GetEntity: "+err.Error())
				case len(h.Get(service.VersionHeader)) != 1:
					problems = append(problems, "no snapshot header")
				default:
					v := h.Get(service.VersionHeader)[0]
					seen[v]++
					if d, ok := want[v]; ok && d != e.GetDescription() {
						problems = append(problems, "snapshot "+v+" answered with description "+e.GetDescription())
					}
				}
				mu.Unlock()
			}
		})
	}

	files := [][]byte{graphB, invalid, graphA, invalid}
	const rounds = 6
	for i := range rounds * len(files) {
		before := reloadsDone(t, srv.metricsAddr)
		writeAtomically(t, path, files[i%len(files)])
		reload <- syscall.SIGHUP
		deadline := time.Now().Add(20 * time.Second)
		for reloadsDone(t, srv.metricsAddr) == before {
			if time.Now().After(deadline) {
				t.Fatalf("reload %d did not finish\n%s", i, srv.logs.String())
			}
			time.Sleep(5 * time.Millisecond)
		}
		if i == 0 {
			mu.Lock()
			want[versionOf()] = descB
			mu.Unlock()
		}
		time.Sleep(20 * time.Millisecond) // let the clients see this snapshot
	}
	stopLoad()
	load.Wait()

	mu.Lock()
	defer mu.Unlock()
	if len(problems) > 0 {
		t.Errorf("%d of %d calls went wrong; first: %s", len(problems), calls.Load(), problems[0])
	}
	if failures.Load() != 0 {
		t.Errorf("%d calls failed, want 0", failures.Load())
	}
	if len(want) != 2 {
		t.Fatalf("versions = %v, want two", want)
	}
	for v := range seen {
		if _, ok := want[v]; !ok {
			t.Errorf("a response named snapshot %s, which is neither graph", v)
		}
	}
	for v := range want {
		if seen[v] == 0 {
			t.Errorf("no response from snapshot %s; seen %v", v, seen)
		}
	}
	m := scrape(t, srv.metricsAddr)
	for result, n := range map[string]float64{"success": 2 * rounds, "failure": 2 * rounds} {
		if got := m[`entitygraph_reloads_total{result="`+result+`"}`]; got != n {
			t.Errorf("entitygraph_reloads_total{result=%q} = %v, want %v", result, got, n)
		}
	}
	if got := m["entitygraph_last_reload_success"]; got != 0 {
		t.Errorf("entitygraph_last_reload_success = %v after a rejected graph, want 0", got)
	}
	if got, want := m["entitygraph_index_entities"], float64(seedEntities(t)); got != want {
		t.Errorf("entitygraph_index_entities = %v, want %v", got, want)
	}
	if !strings.Contains(srv.logs.String(), "graph reload rejected; still serving the previous snapshot") ||
		!strings.Contains(srv.logs.String(), "sought to buy Japan’s Kioxia") {
		t.Errorf("logs do not explain the rejected reload:\n%s", srv.logs.String())
	}
	t.Logf("%d calls during %d reloads; responses by snapshot: %v", calls.Load(), rounds*len(files), seen)
}

// TestReloadPoll reloads when the data files change, without a signal.
func TestReloadPoll(t *testing.T) {
	data := copySeeds(t)
	path := filepath.Join(data, graphFile)
	graphA, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	srv := run(t, app.Config{Data: data, ReloadPoll: 20 * time.Millisecond})
	c := pb.NewEntityServiceClient(dial(t, srv.addr, plaintext()))
	writeAtomically(t, path, []byte(strings.Replace(string(graphA), descA, descB, 1)))
	deadline := time.Now().Add(10 * time.Second)
	for {
		e, err := c.GetEntity(context.Background(), &pb.GetEntityRequest{Name: "organizations/kioxia"})
		if err != nil {
			t.Fatal(err)
		}
		if e.GetDescription() == descB {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("changed graph not served after 10s\n%s", srv.logs.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// seedEntities is how many entities the seed graph has.
func seedEntities(t *testing.T) int {
	t.Helper()
	ix, err := app.LoadIndex("")
	if err != nil {
		t.Fatal(err)
	}
	return ix.Stats().Entities
}
