package harness

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// GRPCCall is one RPC ghz drives, with the requests it cycles through.
type GRPCCall struct {
	Name     string // short name for the report
	Method   string // package.Service/Method
	Requests []any  // request messages, as JSON-able values
}

// GRPCCalls returns the calls of the gRPC benchmark: the health Check (the
// baseline: an RPC that does nothing), GetEntity and SearchEntities.
func GRPCCalls(in *Inputs) []GRPCCall {
	var gets, searches, names []any
	for i := range in.Names {
		gets = append(gets, map[string]string{"name": in.Names[i]})
		searches = append(searches, map[string]string{"query": in.Displays[i]})
		names = append(names, map[string]string{"query": in.Displays[i], "view": "ENTITY_VIEW_BASIC"})
	}
	return []GRPCCall{
		{Name: "Health.Check", Method: "grpc.health.v1.Health/Check", Requests: []any{map[string]string{}}},
		{Name: "GetEntity", Method: "entitygraph.v1.EntityService/GetEntity", Requests: gets},
		{Name: "SearchEntities", Method: "entitygraph.v1.EntityService/SearchEntities", Requests: searches},
		{Name: "SearchEntities (names only)", Method: "entitygraph.v1.EntityService/SearchEntities", Requests: names},
	}
}

// GRPCResult is what one ghz run measured.
type GRPCResult struct {
	Call        string
	Concurrency int
	Count       int
	RPS         float64
	Mean        time.Duration
	P50, P90    time.Duration
	P99         time.Duration
	Statuses    map[string]int
	// ServerCPU and ClientCPU are the CPU time the server and ghz spent
	// per call (ServerCPU zero when not measured).
	ServerCPU, ClientCPU time.Duration
}

// ghzReport is the part of ghz's JSON report the harness reads.
type ghzReport struct {
	Count               int            `json:"count"`
	RPS                 float64        `json:"rps"`
	Average             time.Duration  `json:"average"`
	StatusCodeDist      map[string]int `json:"statusCodeDistribution"`
	LatencyDistribution []struct {
		Percentage int           `json:"percentage"`
		Latency    time.Duration `json:"latency"`
	} `json:"latencyDistribution"`
}

// GHZ runs ghz (at path) against the server at addr, over plaintext, using
// server reflection: call at the given concurrency, on one connection, for
// d, skipping the first calls as warm-up. dir holds the request file.
// serverCPU, if not nil, reports the server's CPU time so far.
func GHZ(path, addr, dir string, call GRPCCall, concurrency int, d time.Duration, serverCPU func() time.Duration) (GRPCResult, error) {
	data, err := json.Marshal(call.Requests)
	if err != nil {
		return GRPCResult{}, err
	}
	file := filepath.Join(dir, "ghz-"+filepath.Base(call.Method)+".json")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		return GRPCResult{}, err
	}
	// The requests hold no templates: executing them anyway would cost ghz
	// more per call than the server spends on a Check.
	cmd := exec.Command(path, "--insecure", "--call", call.Method, "--data-file", file,
		"-c", strconv.Itoa(concurrency), "--connections", "1", "-z", d.String(), "--skipFirst", "200",
		"--disable-template-functions", "--disable-template-data", "--format", "json", addr)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	var cpu0 time.Duration
	if serverCPU != nil {
		cpu0 = serverCPU()
	}
	if err := cmd.Run(); err != nil {
		return GRPCResult{}, fmt.Errorf("ghz %s: %v\n%s", call.Method, err, stderr.String())
	}
	var serverUsed time.Duration
	if serverCPU != nil {
		serverUsed = serverCPU() - cpu0
	}
	clientUsed := cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	var rep ghzReport
	if err := json.Unmarshal(stdout.Bytes(), &rep); err != nil {
		return GRPCResult{}, fmt.Errorf("ghz %s: bad report: %v", call.Method, err)
	}
	res := GRPCResult{Call: call.Name, Concurrency: concurrency, Count: rep.Count, RPS: rep.RPS, Mean: rep.Average, Statuses: rep.StatusCodeDist}
	// The skipped warm-up calls ran too: count them in the per-call CPU.
	if calls := rep.Count + 200; calls > 0 {
		res.ServerCPU = serverUsed / time.Duration(calls)
		res.ClientCPU = clientUsed / time.Duration(calls)
	}
	for _, l := range rep.LatencyDistribution {
		switch l.Percentage {
		case 50:
			res.P50 = l.Latency
		case 90:
			res.P90 = l.Latency
		case 99:
			res.P99 = l.Latency
		}
	}
	// When the run's time is up, ghz cuts off the calls in flight: at most
	// one per worker may end Unavailable or Canceled. Anything else failed.
	cutOff := rep.StatusCodeDist["Unavailable"] + rep.StatusCodeDist["Canceled"]
	if ok := rep.StatusCodeDist["OK"]; ok != rep.Count && (ok+cutOff != rep.Count || cutOff > concurrency) {
		return res, fmt.Errorf("ghz %s: %d of %d calls failed: %v", call.Method, rep.Count-ok, rep.Count, rep.StatusCodeDist)
	}
	return res, nil
}

// ProcessCPU returns the CPU time process pid and all its threads have
// used, from /proc/PID/stat (user and system time, in clock ticks of
// 1/100 s, Linux's USER_HZ), or 0 where it is not available.
func ProcessCPU(pid int) time.Duration {
	raw, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	// The command name, field 2, is in parentheses and may hold spaces.
	s := string(raw)
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
	if len(f) < 13 {
		return 0
	}
	utime, _ := strconv.ParseInt(f[11], 10, 64)
	stime, _ := strconv.ParseInt(f[12], 10, 64)
	return time.Duration(utime+stime) * 10 * time.Millisecond
}
