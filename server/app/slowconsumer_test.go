package app_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/protobuf/proto"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/server/app"
	"github.com/entitygraph/entitygraph/server/index"
)

// writeBigGraph writes a valid graph of n companies, each partnering with
// the next and with one further along, so that a traversal from any of them
// reaches thousands of items; every relation quotes a sentence of its own.
func writeBigGraph(t testing.TB, n int) string {
	t.Helper()
	dir := t.TempDir()
	var text, graph strings.Builder
	graph.WriteString("documents {\n  name: \"documents/big\"\n  title: \"A big generated graph\"\n  source_file: \"big.txt\"\n}\n")
	for i := range n {
		fmt.Fprintf(&graph, "entities {\n  name: \"organizations/c%d\"\n  display_name: \"Company %d\"\n  kinds: \"kinds/company\"\n  description: \"Generated company number %d, with a description long enough to make each streamed item a realistic size.\"\n}\n", i, i, i)
	}
	k := 0
	for i := range n {
		for _, j := range []int{(i + 1) % n, (i*7 + 3) % n} {
			if j == i {
				continue
			}
			sentence := fmt.Sprintf("Company %d partners with Company %d under agreement %d.", i, j, k)
			text.WriteString(sentence + "\n")
			fmt.Fprintf(&graph, "relations {\n  name: \"relations/p%d\"\n  subject: \"organizations/c%d\"\n  predicate: \"predicates/partners-with\"\n  object: \"organizations/c%d\"\n  evidence { quote: %q }\n}\n", k, i, j, sentence)
			k++
		}
	}
	vocabulary, err := os.ReadFile(filepath.Join(repoRoot(t), "seeds", "seed.vocab.txtpb"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "seed.vocab.txtpb"), vocabulary, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "big.txt"), []byte(text.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "big.graph.txtpb"), []byte(graph.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func heapInUse() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapInuse
}

// TestSlowConsumers opens many Traverse streams whose clients never read:
// the server must hold each traversal back (flow control blocks Send)
// rather than buffer its results, so its memory stays bounded while the
// streams are open, and every handler returns once the clients go away.
func TestSlowConsumers(t *testing.T) {
	const companies = 2000
	ix, err := app.LoadIndex(writeBigGraph(t, companies))
	if err != nil {
		t.Fatalf("load generated graph: %v", err)
	}
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := app.NewServer(index.NewHolder(ix), slog.New(slog.NewTextHandler(io.Discard, nil)))
	served := make(chan struct{})
	go func() {
		defer close(served)
		_ = srv.GRPC.Serve(lis)
	}()
	defer func() {
		srv.GRPC.Stop()
		<-served
	}()
	// A fixed window, as a plain client has: no BDP growth.
	conn := dial(t, lis.Addr().String(), plaintext(), grpc.WithInitialWindowSize(64<<10), grpc.WithInitialConnWindowSize(1<<20))
	q := pb.NewQueryServiceClient(conn)
	req := &pb.TraverseRequest{MaxDepth: 6, Limit: 100000}
	for i := range 100 {
		req.Start = append(req.Start, fmt.Sprintf("organizations/c%d", i*companies/100))
	}

	// One fast reader measures what a whole stream holds.
	var items, streamBytes int
	s, err := q.Traverse(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	for {
		resp, err := s.Recv()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("fast reader: %v", err)
		}
		items++
		streamBytes += proto.Size(resp)
	}
	if streamBytes < 2<<20 {
		t.Fatalf("a whole traversal is %d bytes (%d items); want a few MiB for this test to mean anything", streamBytes, items)
	}

	const slow = 20
	before := heapInUse()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	for range slow {
		s, err := q.Traverse(ctx, req)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.Recv(); err != nil { // the stream is under way; now stop reading
			t.Fatal(err)
		}
	}
	time.Sleep(time.Second) // time for any unbounded buffering to show
	during := heapInUse()
	growth := int64(during) - int64(before)
	unbounded := int64(slow * streamBytes)
	t.Logf("%d slow streams of %d items (%.1f MiB each): heap grew %.1f MiB, buffering them would take %.1f MiB",
		slow, items, float64(streamBytes)/(1<<20), float64(growth)/(1<<20), float64(unbounded)/(1<<20))
	if growth > unbounded/4 || growth > 32<<20 {
		t.Errorf("heap grew by %d bytes with %d slow consumers, want it bounded well below %d", growth, slow, unbounded)
	}
	cancel()
}
