// Command run is entitygraph's benchmark driver (make bench). It generates
// synthetic snapshots at each scale (cached, regenerated when the tool that
// wrote them changes), times the operations of package harness in a fresh
// process per scale, drives a real server over loopback gRPC with ghz —
// GetEntity and SearchEntities beside the health Check, in one server, in
// one run — runs the Cayley comparison (bench/cayley, its own module), and
// writes everything to a Markdown report.
//
//	go run ./bench/run --out BENCHMARKS.md
package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"

	"github.com/entitygraph/entitygraph/bench/harness"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	var err error
	switch {
	case len(os.Args) > 1 && os.Args[1] == "inproc":
		err = inproc(os.Args[2:], os.Stdout)
	case len(os.Args) > 1 && os.Args[1] == "textload":
		err = textload(ctx, os.Args[2:], os.Stdout)
	default:
		err = run(ctx, os.Args[1:], os.Stderr)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// config is what a run measures.
type config struct {
	Scales       []int // entities
	Seed         uint64
	Dir          string // snapshot cache
	Duration     time.Duration
	GRPCScale    int
	GRPCDuration time.Duration
	GRPCRounds   int
	CayleyScales []int
	CayleyDir    string
	TextScales   []int  // relations, for the text-format rows
	Server, Tool string // binaries
	GHZ          string
	Out          string
	Profile      bool
	ProfileScale int
	Self         string // this binary, to run a scale in a fresh process
	GoCommand    string
}

func parseScales(s string) ([]int, error) {
	var out []int
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(strings.ToLower(f))
		if f == "" {
			continue
		}
		mult := 1
		switch {
		case strings.HasSuffix(f, "m"):
			mult, f = 1_000_000, strings.TrimSuffix(f, "m")
		case strings.HasSuffix(f, "k"):
			mult, f = 1_000, strings.TrimSuffix(f, "k")
		}
		n, err := strconv.Atoi(f)
		if err != nil {
			return nil, fmt.Errorf("bad scale %q", f)
		}
		out = append(out, n*mult)
	}
	return out, nil
}

func scaleName(n int) string {
	switch {
	case n >= 1_000_000 && n%1_000_000 == 0:
		return strconv.Itoa(n/1_000_000) + "M"
	case n >= 1_000 && n%1_000 == 0:
		return strconv.Itoa(n/1_000) + "k"
	}
	return strconv.Itoa(n)
}

func run(ctx context.Context, args []string, log io.Writer) error {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	scales := fs.String("scales", "10k,100k,1m", "entity counts to benchmark in process (10 relations each)")
	cayley := fs.String("cayley-scales", "10k,100k", "entity counts for the Cayley comparison; empty: skip it")
	text := fs.String("text-scales", "10k,100k,1m", "relation counts for the text-format load rows; empty: skip them")
	cfg := config{}
	fs.Uint64Var(&cfg.Seed, "seed", 1, "generator seed")
	fs.StringVar(&cfg.Dir, "dir", ".bench", "directory of cached snapshots")
	fs.DurationVar(&cfg.Duration, "duration", 2*time.Second, "time per in-process operation")
	grpcScale := fs.String("grpc-scale", "1m", "entity count of the graph served for the gRPC benchmark")
	fs.DurationVar(&cfg.GRPCDuration, "grpc-duration", 5*time.Second, "time per ghz run")
	fs.IntVar(&cfg.GRPCRounds, "grpc-rounds", 3, "rounds of ghz runs; the median of each is reported")
	fs.StringVar(&cfg.CayleyDir, "cayley-dir", "bench/cayley", "the Cayley comparison module")
	fs.StringVar(&cfg.Server, "server", "bin/entitygraph-server", "server binary")
	fs.StringVar(&cfg.Tool, "tool", "bin/entitygraph-snapshot", "snapshot tool binary")
	fs.StringVar(&cfg.GHZ, "ghz", ".tools/bin/ghz", "ghz binary; empty: skip the gRPC benchmark")
	fs.StringVar(&cfg.Out, "out", "BENCHMARKS.md", "report to write")
	fs.BoolVar(&cfg.Profile, "profile", true, "profile the largest scale's operations")
	fs.StringVar(&cfg.GoCommand, "go", "go", "go command, for the Cayley module and pprof")
	if err := fs.Parse(args); err != nil {
		return err
	}
	var err error
	if cfg.Scales, err = parseScales(*scales); err != nil {
		return err
	}
	if cfg.CayleyScales, err = parseScales(*cayley); err != nil {
		return err
	}
	if cfg.TextScales, err = parseScales(*text); err != nil {
		return err
	}
	g, err := parseScales(*grpcScale)
	if err != nil || len(g) > 1 {
		return fmt.Errorf("bad --grpc-scale %q", *grpcScale)
	}
	if len(g) == 1 {
		cfg.GRPCScale = g[0]
	}
	if cfg.Self, err = os.Executable(); err != nil {
		return err
	}
	rep, err := measure(ctx, cfg, log)
	if err != nil {
		return err
	}
	return os.WriteFile(cfg.Out, []byte(render(rep)), 0o644)
}

// report is everything a run measured.
type report struct {
	Date, Commit, Machine, GoVersion string
	Config                           config
	Generated                        map[int]genResult
	Scales                           []scaleResult
	GRPC                             *grpcReport
	Text                             []textResult
	Cayley                           []harness.CayleyResult
	CayleyErr                        string
	Profiles                         []profile
}

type genResult struct {
	Seconds float64
	Bytes   int64
	Cached  bool
}

type scaleResult struct {
	Entities int
	Load     harness.Load
	Results  []harness.Result
	// ArticleBytes is the mean length of the texts LinkEntities links.
	ArticleBytes float64
}

type profile struct {
	Op, Scale, Top string
}

func logf(w io.Writer, format string, args ...any) {
	fmt.Fprintf(w, "%s  %s\n", time.Now().Format("15:04:05"), fmt.Sprintf(format, args...))
}

func measure(ctx context.Context, cfg config, log io.Writer) (*report, error) {
	rep := &report{Config: cfg, Date: time.Now().UTC().Format("2006-01-02 15:04 MST"), Generated: map[int]genResult{},
		Commit: commit(), Machine: machine(), GoVersion: runtime.Version()}
	if err := os.MkdirAll(cfg.Dir, 0o755); err != nil {
		return nil, err
	}
	all := slices.Clone(cfg.Scales)
	if cfg.GRPCScale > 0 && cfg.GHZ != "" {
		all = append(all, cfg.GRPCScale)
	}
	slices.Sort(all)
	for _, n := range slices.Compact(all) {
		gen, err := ensureSnapshot(ctx, cfg, n, log)
		if err != nil {
			return nil, err
		}
		rep.Generated[n] = gen
	}
	for _, n := range cfg.Scales {
		logf(log, "in process, %s entities", scaleName(n))
		args := []string{"inproc", "--snapshot", snapshotPath(cfg, n), "--duration", cfg.Duration.String()}
		if cfg.Profile && n == slices.Max(cfg.Scales) {
			args = append(args, "--profile-dir", cfg.Dir)
		}
		var sr scaleResult
		if err := runJSON(ctx, cfg.Self, args, &sr); err != nil {
			return nil, fmt.Errorf("scale %s: %w", scaleName(n), err)
		}
		sr.Entities = n
		rep.Scales = append(rep.Scales, sr)
		if cfg.Profile && n == slices.Max(cfg.Scales) {
			for _, op := range profiledOps {
				top, err := pprofTop(ctx, cfg, filepath.Join(cfg.Dir, "cpu-"+op+".pprof"))
				if err != nil {
					logf(log, "profile of %s: %v", op, err)
					continue
				}
				rep.Profiles = append(rep.Profiles, profile{Op: op, Scale: scaleName(n), Top: top})
			}
		}
	}
	if len(cfg.TextScales) > 0 {
		text, err := measureText(ctx, cfg, log)
		if err != nil {
			return nil, err
		}
		rep.Text = text
	}
	if cfg.GHZ != "" && cfg.GRPCScale > 0 {
		g, err := grpcBench(ctx, cfg, log)
		if err != nil {
			return nil, err
		}
		rep.GRPC = g
	}
	if len(cfg.CayleyScales) > 0 {
		for _, n := range cfg.CayleyScales {
			logf(log, "Cayley comparison, %s entities", scaleName(n))
			var res harness.CayleyResult
			err := runCayley(ctx, cfg, n, &res)
			if err != nil {
				rep.CayleyErr = err.Error()
				logf(log, "Cayley comparison failed: %v", err)
				break
			}
			rep.Cayley = append(rep.Cayley, res)
		}
	}
	return rep, nil
}

func snapshotPath(cfg config, n int) string {
	return filepath.Join(cfg.Dir, fmt.Sprintf("synth-%s-seed%d.egsnap", scaleName(n), cfg.Seed))
}

// ensureSnapshot generates the snapshot of n entities unless the cached one
// was written by the same tool binary.
func ensureSnapshot(ctx context.Context, cfg config, n int, log io.Writer) (genResult, error) {
	path := snapshotPath(cfg, n)
	stamp, err := fileHash(cfg.Tool)
	if err != nil {
		return genResult{}, fmt.Errorf("snapshot tool: %w", err)
	}
	if old, err := os.ReadFile(path + ".stamp"); err == nil {
		var prev struct {
			Tool    string
			Seconds float64
		}
		if json.Unmarshal(old, &prev) == nil && prev.Tool == stamp {
			if info, err := os.Stat(path); err == nil {
				logf(log, "snapshot %s is up to date", path)
				return genResult{Seconds: prev.Seconds, Bytes: info.Size(), Cached: true}, nil
			}
		}
	}
	logf(log, "generating %s entities into %s", scaleName(n), path)
	start := time.Now()
	cmd := exec.CommandContext(ctx, cfg.Tool, "synth", "--entities", strconv.Itoa(n), "--seed", strconv.FormatUint(cfg.Seed, 10), "--out", path)
	cmd.Stderr = log
	if err := cmd.Run(); err != nil {
		return genResult{}, fmt.Errorf("generate %s: %w", scaleName(n), err)
	}
	secs := time.Since(start).Seconds()
	raw, _ := json.Marshal(map[string]any{"Tool": stamp, "Seconds": secs})
	if err := os.WriteFile(path+".stamp", raw, 0o644); err != nil {
		return genResult{}, err
	}
	info, err := os.Stat(path)
	if err != nil {
		return genResult{}, err
	}
	return genResult{Seconds: secs, Bytes: info.Size()}, nil
}

func fileHash(path string) (string, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(raw)
	return hex.EncodeToString(sum[:8]), nil
}

// runJSON runs a command and decodes what it prints as JSON into v.
func runJSON(ctx context.Context, bin string, args []string, v any) error {
	cmd := exec.CommandContext(ctx, bin, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s %s: %v\n%s", bin, strings.Join(args, " "), err, stderr.String())
	}
	if err := json.Unmarshal(stdout.Bytes(), v); err != nil {
		return fmt.Errorf("%s: bad output: %v", bin, err)
	}
	return nil
}

// profiledOps are the operations profiled at the largest scale.
var profiledOps = []string{"GetEntity", "SearchFuzzy2", "FindPaths4", "SearchRelations", "Ask", "LinkEntitiesBasic"}

// inproc loads one snapshot and times every operation on it, printing the
// results as JSON: run in a fresh process per scale, so that one scale's
// heap does not weigh on the next.
func inproc(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("inproc", flag.ContinueOnError)
	path := fs.String("snapshot", "", "snapshot file")
	d := fs.Duration("duration", 2*time.Second, "time per operation")
	profileDir := fs.String("profile-dir", "", "write a CPU profile of some operations here")
	only := fs.String("ops", "", "comma-separated operation names to time; empty: all")
	memProfile := fs.String("memprofile", "", "write a heap profile to this file after timing, and one to this file plus .base before: "+
		"go tool pprof -sample_index=alloc_space -base FILE.base FILE shows what the operations allocated")
	if err := fs.Parse(args); err != nil {
		return err
	}
	ix, load, err := harness.LoadSnapshot(*path)
	if err != nil {
		return err
	}
	if *memProfile != "" {
		// Sample finely from here on, so that a call's small allocations
		// show beside the large ones; loading, sampled coarsely, is in the
		// base profile and subtracted by pprof -base.
		runtime.MemProfileRate = 4096
		if err := writeHeapProfile(*memProfile + ".base"); err != nil {
			return err
		}
	}
	in := harness.NewInputs(ix, 1)
	sr := scaleResult{Load: load, ArticleBytes: in.MeanArticleBytes()}
	for _, op := range harness.Ops(ix, in) {
		if *only != "" && !slices.Contains(strings.Split(*only, ","), op.Name) {
			continue
		}
		sr.Results = append(sr.Results, harness.Measure(op, *d, 50))
		if *profileDir != "" && slices.Contains(profiledOps, op.Name) {
			f, err := os.Create(filepath.Join(*profileDir, "cpu-"+op.Name+".pprof"))
			if err != nil {
				return err
			}
			if err := pprof.StartCPUProfile(f); err != nil {
				return err
			}
			for i, start := 0, time.Now(); time.Since(start) < *d; i++ {
				_, _ = op.Run(i)
			}
			pprof.StopCPUProfile()
			f.Close()
		}
	}
	if *memProfile != "" {
		if err := writeHeapProfile(*memProfile); err != nil {
			return err
		}
	}
	runtime.KeepAlive(ix)
	return json.NewEncoder(stdout).Encode(sr)
}

// writeHeapProfile writes the heap profile, with allocations up to now, to
// path. The GC first brings the profile's counts up to date.
func writeHeapProfile(path string) error {
	runtime.GC()
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := pprof.WriteHeapProfile(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// pprofTop returns the top entries of a CPU profile.
func pprofTop(ctx context.Context, cfg config, path string) (string, error) {
	cmd := exec.CommandContext(ctx, cfg.GoCommand, "tool", "pprof", "-top", "-nodecount", "12", cfg.Self, path)
	out, err := cmd.Output()
	if err != nil {
		return "", err
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	for i, l := range lines {
		if strings.HasPrefix(strings.TrimSpace(l), "flat") {
			return strings.Join(lines[max(0, i-1):], "\n"), nil
		}
	}
	return string(out), nil
}

// grpcReport is the gRPC benchmark's results.
type grpcReport struct {
	Entities   int
	Listen     string
	ServerArgs []string
	LoadLog    string
	ServerRSS  int64
	Rounds     int
	Duration   time.Duration
	Results    []harness.GRPCResult // the median round of each call and concurrency
	All        []harness.GRPCResult
}

func grpcBench(ctx context.Context, cfg config, log io.Writer) (*grpcReport, error) {
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	addr := lis.Addr().String()
	lis.Close()
	g := &grpcReport{Entities: cfg.GRPCScale, Listen: addr, Rounds: cfg.GRPCRounds, Duration: cfg.GRPCDuration}
	g.ServerArgs = []string{"--data", snapshotPath(cfg, cfg.GRPCScale), "--listen", addr,
		"--client-rate-limit", "0", "--log-level", "warn", "--log-format", "json"}
	logf(log, "gRPC: serving %s entities on %s", scaleName(cfg.GRPCScale), addr)
	srv := exec.CommandContext(ctx, cfg.Server, g.ServerArgs...)
	var serverLog bytes.Buffer
	srv.Stderr = &serverLog
	srv.Cancel = func() error { return srv.Process.Signal(syscall.SIGTERM) }
	start := time.Now()
	if err := srv.Start(); err != nil {
		return nil, err
	}
	defer func() {
		_ = srv.Process.Signal(syscall.SIGTERM)
		_ = srv.Wait()
	}()
	if err := waitServing(ctx, addr, 5*time.Minute); err != nil {
		return nil, fmt.Errorf("server: %w\n%s", err, serverLog.String())
	}
	g.LoadLog = fmt.Sprintf("ready to serve %.2f s after start", time.Since(start).Seconds())
	g.ServerRSS = processRSS(srv.Process.Pid)

	conn, err := grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	// The inputs are drawn from the graph as the in-process benchmark's
	// are, through a throwaway local load of the same snapshot.
	in, err := inputsOf(snapshotPath(cfg, cfg.GRPCScale))
	if err != nil {
		return nil, err
	}
	calls := harness.GRPCCalls(in)
	tmp, err := os.MkdirTemp("", "ghz")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	for _, c := range []int{1, 8} {
		for round := range cfg.GRPCRounds {
			// Interleaved, so that drift over the run weighs on every call alike.
			for _, call := range calls {
				logf(log, "gRPC: %s, concurrency %d, round %d", call.Name, c, round+1)
				res, err := harness.GHZ(cfg.GHZ, addr, tmp, call, c, cfg.GRPCDuration, func() time.Duration { return harness.ProcessCPU(srv.Process.Pid) })
				if err != nil {
					return nil, err
				}
				g.All = append(g.All, res)
			}
		}
	}
	for _, c := range []int{1, 8} {
		for _, call := range calls {
			var runs []harness.GRPCResult
			for _, r := range g.All {
				if r.Call == call.Name && r.Concurrency == c {
					runs = append(runs, r)
				}
			}
			slices.SortFunc(runs, func(a, b harness.GRPCResult) int { return int(a.RPS - b.RPS) })
			g.Results = append(g.Results, runs[len(runs)/2])
		}
	}
	if rss := processRSS(srv.Process.Pid); rss > g.ServerRSS {
		g.ServerRSS = rss
	}
	return g, nil
}

// inputsOf draws the benchmark inputs from a snapshot.
func inputsOf(path string) (*harness.Inputs, error) {
	ix, _, err := harness.LoadSnapshot(path)
	if err != nil {
		return nil, err
	}
	return harness.NewInputs(ix, 1), nil
}

func waitServing(ctx context.Context, addr string, limit time.Duration) error {
	deadline := time.Now().Add(limit)
	conn, err := grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		return err
	}
	defer conn.Close()
	client := healthpb.NewHealthClient(conn)
	for time.Now().Before(deadline) {
		cctx, cancel := context.WithTimeout(ctx, time.Second)
		resp, err := client.Check(cctx, &healthpb.HealthCheckRequest{})
		cancel()
		if err == nil && resp.GetStatus() == healthpb.HealthCheckResponse_SERVING {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
	}
	return errors.New("not serving in time")
}

// processRSS returns the resident set of process pid, or 0.
func processRSS(pid int) int64 {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmRSS:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return kb << 10
		}
	}
	return 0
}

func runCayley(ctx context.Context, cfg config, n int, v *harness.CayleyResult) error {
	if _, err := os.Stat(filepath.Join(cfg.CayleyDir, "go.mod")); err != nil {
		return err
	}
	abs, err := filepath.Abs(snapshotPath(cfg, n))
	if err != nil {
		return err
	}
	cmd := exec.CommandContext(ctx, cfg.GoCommand, "run", ".", "--entities", strconv.Itoa(n), "--seed", strconv.FormatUint(cfg.Seed, 10), "--snapshot", abs)
	cmd.Dir = cfg.CayleyDir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%v\n%s", err, stderr.String())
	}
	return json.Unmarshal(stdout.Bytes(), v)
}

func commit() string {
	out, err := exec.Command("git", "rev-parse", "--short", "HEAD").Output()
	if err != nil {
		return "unknown"
	}
	c := strings.TrimSpace(string(out))
	if err := exec.Command("git", "diff", "--quiet", "HEAD", "--", "server", "bench").Run(); err != nil {
		c += " (with uncommitted changes)"
	}
	return c
}

func machine() string {
	cpu := "unknown CPU"
	if raw, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, l := range strings.Split(string(raw), "\n") {
			if v, ok := strings.CutPrefix(l, "model name"); ok {
				cpu = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(v), ":"))
				break
			}
		}
	}
	mem := ""
	if raw, err := os.ReadFile("/proc/meminfo"); err == nil {
		for _, l := range strings.Split(string(raw), "\n") {
			if v, ok := strings.CutPrefix(l, "MemTotal:"); ok {
				kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
				mem = fmt.Sprintf(", %.1f GiB RAM", float64(kb)/(1<<20))
			}
		}
	}
	kernel := ""
	if out, err := exec.Command("uname", "-sr").Output(); err == nil {
		kernel = ", " + strings.TrimSpace(string(out))
	}
	return fmt.Sprintf("%s, %d logical CPUs%s%s", cpu, runtime.NumCPU(), mem, kernel)
}
