// Command soak runs the entitygraph server under sustained load for a
// bounded time and reports whether it held up: calls made, errors by code,
// latency, and the server's resident memory and goroutines at the start and
// the end. It starts the server binary itself, on loopback ports, and sends
// it SIGHUP now and then so that reloads happen under load too.
//
//	go run ./server/soak --server bin/entitygraph-server --duration 2m
//
// Every call has an expected outcome: most succeed, and a share are bad
// requests on purpose that must fail with their documented code. Anything
// else is an error, and any error makes soak exit with status 1.
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/status"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "soak:", err)
		os.Exit(1)
	}
}

type config struct {
	server, data   string
	duration       time.Duration
	clients, conns int
	reloadEvery    time.Duration
	warmup         time.Duration
}

func run(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("soak", flag.ContinueOnError)
	var cfg config
	fs.StringVar(&cfg.server, "server", "bin/entitygraph-server", "the server binary to run")
	fs.StringVar(&cfg.data, "data", "seeds", "the data directory to serve")
	fs.DurationVar(&cfg.duration, "duration", 2*time.Minute, "how long to keep the load on")
	fs.IntVar(&cfg.clients, "clients", 16, "concurrent callers")
	fs.IntVar(&cfg.conns, "conns", 4, "client connections the callers share")
	fs.DurationVar(&cfg.reloadEvery, "reload-every", 10*time.Second, "send the server SIGHUP this often (0: never)")
	fs.DurationVar(&cfg.warmup, "warmup", 10*time.Second, "load before the start figures are taken")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if cfg.clients < 1 || cfg.conns < 1 || cfg.duration <= cfg.warmup {
		return errors.New("want --clients and --conns of at least 1 and --duration longer than --warmup")
	}

	addr, metricsAddr := freePort(), freePort()
	srv := exec.Command(cfg.server, "--listen", addr, "--metrics-listen", metricsAddr, "--data", cfg.data,
		"--client-rate-limit", "0", "--log-level", "warn", "--shutdown-grace", "10s")
	var logs syncBuffer
	srv.Stdout, srv.Stderr = &logs, &logs
	if err := srv.Start(); err != nil {
		return err
	}
	exited := make(chan error, 1)
	go func() { exited <- srv.Wait() }()
	defer func() {
		if srv.ProcessState == nil {
			_ = srv.Process.Kill()
		}
	}()

	conns := make([]*grpc.ClientConn, cfg.conns)
	for i := range conns {
		var err error
		if conns[i], err = grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials())); err != nil {
			return err
		}
		defer conns[i].Close()
	}
	if err := waitHealthy(ctx, conns[0], exited); err != nil {
		return fmt.Errorf("%w\n%s", err, logs.String())
	}
	idle, err := sample(srv.Process.Pid, metricsAddr)
	if err != nil {
		return err
	}
	fmt.Printf("soak: %s for %v, %d callers on %d connections, SIGHUP every %v; server pid %d\n",
		cfg.server, cfg.duration, cfg.clients, cfg.conns, cfg.reloadEvery, srv.Process.Pid)

	end := time.Now().Add(cfg.duration)
	loadCtx, stopLoad := context.WithDeadline(ctx, end)
	defer stopLoad()
	st := newStats()
	var callers sync.WaitGroup
	for i := range cfg.clients {
		callers.Go(func() {
			r := rand.New(rand.NewPCG(uint64(i), 42))
			e := pb.NewEntityServiceClient(conns[i%len(conns)])
			q := pb.NewQueryServiceClient(conns[i%len(conns)])
			v := pb.NewVocabularyServiceClient(conns[i%len(conns)])
			for loadCtx.Err() == nil {
				c := calls[r.IntN(len(calls))]
				callCtx, cancel := context.WithTimeout(loadCtx, 10*time.Second)
				begin := time.Now()
				err := c.do(callCtx, e, q, v, r)
				took := time.Since(begin)
				cancel()
				if (loadCtx.Err() != nil || !time.Now().Before(end)) && status.Code(err) != codes.OK {
					return // the load ended under this call
				}
				st.record(c.name, status.Code(err), c.want, took, err)
			}
		})
	}
	if cfg.reloadEvery > 0 {
		callers.Go(func() {
			t := time.NewTicker(cfg.reloadEvery)
			defer t.Stop()
			for {
				select {
				case <-loadCtx.Done():
					return
				case <-t.C:
					_ = srv.Process.Signal(syscall.SIGHUP)
					st.reloads.Add(1)
				}
			}
		})
	}

	var warm reading
	select {
	case <-time.After(cfg.warmup):
		if warm, err = sample(srv.Process.Pid, metricsAddr); err != nil {
			return err
		}
	case <-loadCtx.Done():
	}
	callers.Wait()
	loaded, err := sample(srv.Process.Pid, metricsAddr)
	if err != nil {
		return err
	}
	for _, c := range conns {
		_ = c.Close()
	}
	time.Sleep(2 * time.Second) // let the server notice the closed connections
	after, err := sample(srv.Process.Pid, metricsAddr)
	if err != nil {
		return err
	}

	_ = srv.Process.Signal(syscall.SIGTERM)
	var exitErr error
	select {
	case exitErr = <-exited:
	case <-time.After(15 * time.Second):
		exitErr = errors.New("server did not exit within 15s of SIGTERM")
	}

	st.report(os.Stdout, cfg.duration)
	fmt.Printf("\n%-34s %12s %12s\n", "server", "RSS MiB", "goroutines")
	for _, s := range []struct {
		name string
		v    reading
	}{{"idle, before load", idle}, {"after warm-up (" + cfg.warmup.String() + ")", warm}, {"at the end of the load", loaded}, {"idle, clients gone", after}} {
		fmt.Printf("%-34s %12.1f %12d\n", s.name, float64(s.v.rss)/(1<<20), s.v.goroutines)
	}
	if warm.rss > 0 {
		fmt.Printf("RSS growth from warm-up to end of load: %+.1f MiB (%+.1f%%)\n",
			float64(loaded.rss-warm.rss)/(1<<20), 100*float64(loaded.rss-warm.rss)/float64(warm.rss))
	}
	if m := after.metrics; m != nil {
		fmt.Printf("reloads: %v sent, %v succeeded or unchanged, %v rejected; panics recovered: %v\n",
			st.reloads.Load(), m[`entitygraph_reloads_total{result="success"}`]+m[`entitygraph_reloads_total{result="unchanged"}`],
			m[`entitygraph_reloads_total{result="failure"}`], m["entitygraph_panics_recovered_total"])
	}
	if m := loaded.metrics; m != nil {
		var total, under float64
		for k, v := range m {
			if strings.HasPrefix(k, "grpc_server_handling_seconds_bucket{") && strings.Contains(k, `le="+Inf"`) {
				total += v
			}
			if strings.HasPrefix(k, "grpc_server_handling_seconds_bucket{") && strings.Contains(k, `le="0.1"`) {
				under += v
			}
		}
		fmt.Printf("server-side: %.0f calls handled, %.0f of them over 100ms\n", total, total-under)
	}
	if exitErr != nil {
		return fmt.Errorf("server exit: %w\n%s", exitErr, logs.String())
	}
	if n := st.errors(); n > 0 {
		return fmt.Errorf("%d calls failed unexpectedly", n)
	}
	if after.goroutines > idle.goroutines+5 {
		return fmt.Errorf("server goroutines went from %d to %d once idle again", idle.goroutines, after.goroutines)
	}
	return nil
}

// call is one kind of request and the code it must end with.
type call struct {
	name string
	want codes.Code
	do   func(context.Context, pb.EntityServiceClient, pb.QueryServiceClient, pb.VocabularyServiceClient, *rand.Rand) error
}

var (
	entities  = []string{"organizations/kioxia", "people/chey-tae-won", "organizations/sk-group", "organizations/samsung-electronics", "places/seoul", "organizations/united-states"}
	queries   = []string{"Kioxa", "chey tae won", "최태원", "キオクシア", "Samsung", "United", "Lutnick", "NAND"}
	questions = []string{"Who coordinated against which acquisition?", "Who leads SK Group?"}
)

func pick(r *rand.Rand, s []string) string { return s[r.IntN(len(s))] }

var calls = []call{
	{"GetEntity", codes.OK, func(ctx context.Context, e pb.EntityServiceClient, _ pb.QueryServiceClient, _ pb.VocabularyServiceClient, r *rand.Rand) error {
		_, err := e.GetEntity(ctx, &pb.GetEntityRequest{Name: pick(r, entities)})
		return err
	}},
	{"BatchGetEntities", codes.OK, func(ctx context.Context, e pb.EntityServiceClient, _ pb.QueryServiceClient, _ pb.VocabularyServiceClient, r *rand.Rand) error {
		_, err := e.BatchGetEntities(ctx, &pb.BatchGetEntitiesRequest{Names: entities})
		return err
	}},
	{"SearchEntities", codes.OK, func(ctx context.Context, e pb.EntityServiceClient, _ pb.QueryServiceClient, _ pb.VocabularyServiceClient, r *rand.Rand) error {
		_, err := e.SearchEntities(ctx, &pb.SearchEntitiesRequest{Query: pick(r, queries), MaxEdits: 2})
		return err
	}},
	{"ListRelations (all pages)", codes.OK, func(ctx context.Context, e pb.EntityServiceClient, _ pb.QueryServiceClient, _ pb.VocabularyServiceClient, r *rand.Rand) error {
		req := &pb.ListRelationsRequest{Endpoint: pick(r, entities), PageSize: 3}
		for {
			resp, err := e.ListRelations(ctx, req)
			if err != nil || resp.GetNextPageToken() == "" {
				return err
			}
			req.PageToken = resp.GetNextPageToken()
		}
	}},
	{"GetDocument (full)", codes.OK, func(ctx context.Context, e pb.EntityServiceClient, _ pb.QueryServiceClient, _ pb.VocabularyServiceClient, r *rand.Rand) error {
		_, err := e.GetDocument(ctx, &pb.GetDocumentRequest{Name: "documents/korea-japan-economic-alliance", View: pb.DocumentView_DOCUMENT_VIEW_FULL})
		return err
	}},
	{"ListPredicates", codes.OK, func(ctx context.Context, _ pb.EntityServiceClient, _ pb.QueryServiceClient, v pb.VocabularyServiceClient, r *rand.Rand) error {
		_, err := v.ListPredicates(ctx, &pb.ListPredicatesRequest{})
		return err
	}},
	{"FindPaths", codes.OK, func(ctx context.Context, _ pb.EntityServiceClient, q pb.QueryServiceClient, _ pb.VocabularyServiceClient, r *rand.Rand) error {
		_, err := q.FindPaths(ctx, &pb.FindPathsRequest{Source: pick(r, entities), Target: pick(r, entities), MaxPaths: 3})
		if status.Code(err) == codes.InvalidArgument { // from == to
			return nil
		}
		return err
	}},
	{"Traverse (read all)", codes.OK, func(ctx context.Context, _ pb.EntityServiceClient, q pb.QueryServiceClient, _ pb.VocabularyServiceClient, r *rand.Rand) error {
		s, err := q.Traverse(ctx, &pb.TraverseRequest{Start: []string{pick(r, entities)}, MaxDepth: 3})
		if err != nil {
			return err
		}
		for {
			if _, err := s.Recv(); err == io.EOF {
				return nil
			} else if err != nil {
				return err
			}
		}
	}},
	{"Match", codes.OK, func(ctx context.Context, _ pb.EntityServiceClient, q pb.QueryServiceClient, _ pb.VocabularyServiceClient, r *rand.Rand) error {
		_, err := q.Match(ctx, &pb.MatchRequest{Query: &pb.MatchRequest_Text{Text: "?who COORDINATES_AGAINST ?deal . ?deal is an acquisition"}})
		return err
	}},
	{"Ask", codes.OK, func(ctx context.Context, _ pb.EntityServiceClient, q pb.QueryServiceClient, _ pb.VocabularyServiceClient, r *rand.Rand) error {
		_, err := q.Ask(ctx, &pb.AskRequest{Question: pick(r, questions)})
		return err
	}},
	{"GetEntity (unknown)", codes.NotFound, func(ctx context.Context, e pb.EntityServiceClient, _ pb.QueryServiceClient, _ pb.VocabularyServiceClient, r *rand.Rand) error {
		_, err := e.GetEntity(ctx, &pb.GetEntityRequest{Name: "people/nobody-" + strconv.Itoa(r.IntN(1000))})
		return err
	}},
	{"GetEntity (malformed name)", codes.InvalidArgument, func(ctx context.Context, e pb.EntityServiceClient, _ pb.QueryServiceClient, _ pb.VocabularyServiceClient, r *rand.Rand) error {
		_, err := e.GetEntity(ctx, &pb.GetEntityRequest{Name: "people/../../etc/passwd"})
		return err
	}},
	{"ListRelations (forged token)", codes.InvalidArgument, func(ctx context.Context, e pb.EntityServiceClient, _ pb.QueryServiceClient, _ pb.VocabularyServiceClient, r *rand.Rand) error {
		_, err := e.ListRelations(ctx, &pb.ListRelationsRequest{PageToken: "AQUAAAAAAAAAAA"})
		return err
	}},
	{"Traverse (abandoned)", codes.OK, func(ctx context.Context, _ pb.EntityServiceClient, q pb.QueryServiceClient, _ pb.VocabularyServiceClient, r *rand.Rand) error {
		// Read one item and walk away: the server must clean up.
		sctx, cancel := context.WithCancel(ctx)
		defer cancel()
		s, err := q.Traverse(sctx, &pb.TraverseRequest{Start: []string{pick(r, entities)}, MaxDepth: 6, Limit: 100000})
		if err != nil {
			return err
		}
		_, err = s.Recv()
		return err
	}},
}

// stats counts outcomes.
type stats struct {
	reloads atomic.Int64 // SIGHUPs sent

	mu       sync.Mutex // guards byCall and firstErr
	byCall   map[string]*callStats
	firstErr map[string]string
}

type callStats struct {
	calls      int
	unexpected map[codes.Code]int
	latencies  []time.Duration
}

func newStats() *stats {
	return &stats{byCall: map[string]*callStats{}, firstErr: map[string]string{}}
}

func (s *stats) record(name string, got, want codes.Code, took time.Duration, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.byCall[name]
	if c == nil {
		c = &callStats{unexpected: map[codes.Code]int{}}
		s.byCall[name] = c
	}
	c.calls++
	c.latencies = append(c.latencies, took)
	if got != want {
		c.unexpected[got]++
		if _, ok := s.firstErr[name]; !ok {
			s.firstErr[name] = fmt.Sprint(err)
		}
	}
}

func (s *stats) errors() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, c := range s.byCall {
		for _, k := range c.unexpected {
			n += k
		}
	}
	return n
}

func (s *stats) report(w io.Writer, d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	names := make([]string, 0, len(s.byCall))
	for n := range s.byCall {
		names = append(names, n)
	}
	slices.Sort(names)
	var total, errs int
	fmt.Fprintf(w, "\n%-30s %10s %8s %10s %10s %10s\n", "call", "calls", "errors", "p50", "p99", "max")
	for _, n := range names {
		c := s.byCall[n]
		slices.Sort(c.latencies)
		e := 0
		for _, k := range c.unexpected {
			e += k
		}
		total += c.calls
		errs += e
		q := func(p float64) time.Duration { return c.latencies[int(p*float64(len(c.latencies)-1))] }
		fmt.Fprintf(w, "%-30s %10d %8d %10v %10v %10v\n", n, c.calls, e,
			q(0.5).Round(time.Microsecond), q(0.99).Round(time.Microsecond), c.latencies[len(c.latencies)-1].Round(time.Microsecond))
		for code, k := range c.unexpected {
			fmt.Fprintf(w, "    %d × %v (first: %s)\n", k, code, s.firstErr[n])
		}
	}
	fmt.Fprintf(w, "%-30s %10d %8d   (%.0f calls/s)\n", "total", total, errs, float64(total)/d.Seconds())
}

// reading is the server's state at one moment.
type reading struct {
	rss        int64
	goroutines int
	metrics    map[string]float64
}

// sample reads the server's resident memory from /proc and its goroutines
// from its metrics.
func sample(pid int, metricsAddr string) (reading, error) {
	var s reading
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return s, err
	}
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmRSS:" {
			kb, _ := strconv.ParseInt(f[1], 10, 64)
			s.rss = kb << 10
		}
	}
	if s.metrics, err = scrape(metricsAddr); err != nil {
		return s, err
	}
	s.goroutines = int(s.metrics["go_goroutines"])
	return s, nil
}

func scrape(addr string) (map[string]float64, error) {
	resp, err := http.Get("http://" + addr + "/metrics")
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	out := map[string]float64{}
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		i := strings.LastIndexByte(line, ' ')
		if v, err := strconv.ParseFloat(line[i+1:], 64); err == nil {
			out[line[:i]] = v
		}
	}
	return out, sc.Err()
}

func waitHealthy(ctx context.Context, conn *grpc.ClientConn, exited <-chan error) error {
	hc := healthpb.NewHealthClient(conn)
	deadline := time.Now().Add(30 * time.Second)
	for {
		cctx, cancel := context.WithTimeout(ctx, time.Second)
		resp, err := hc.Check(cctx, &healthpb.HealthCheckRequest{})
		cancel()
		if err == nil && resp.GetStatus() == healthpb.HealthCheckResponse_SERVING {
			return nil
		}
		select {
		case err := <-exited:
			return fmt.Errorf("server exited: %v", err)
		default:
		}
		if time.Now().After(deadline) || ctx.Err() != nil {
			return fmt.Errorf("server not healthy: %v", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func freePort() string {
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	defer lis.Close()
	return lis.Addr().String()
}

type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
