package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestMain lets the test binary stand in for the driver's per-scale
// subprocess.
func TestMain(m *testing.M) {
	if len(os.Args) > 1 && (os.Args[1] == "inproc" || os.Args[1] == "textload") {
		var err error
		if os.Args[1] == "inproc" {
			err = inproc(os.Args[2:], os.Stdout)
		} else {
			err = textload(context.Background(), os.Args[2:], os.Stdout)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// TestSmoke runs the whole harness at a small scale, so that make bench
// cannot rot: generation, the in-process operations in a subprocess, and,
// when ghz is installed (make tools), the real server under ghz.
func TestSmoke(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	build := func(name, pkg string) string {
		bin := filepath.Join(dir, name)
		if out, err := exec.Command("go", "build", "-o", bin, pkg).CombinedOutput(); err != nil {
			t.Fatalf("go build %s: %v\n%s", pkg, err, out)
		}
		return bin
	}
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cfg := config{
		Scales: []int{300}, TextScales: []int{2000}, Seed: 1, Dir: dir, Duration: 20 * time.Millisecond,
		Tool: build("entitygraph-snapshot", "../../server/cmd/entitygraph-snapshot"),
		Self: self, Out: filepath.Join(dir, "BENCHMARKS.md"), GoCommand: "go",
	}
	if ghz, err := filepath.Abs("../../.tools/bin/ghz"); err == nil {
		if _, err := os.Stat(ghz); err == nil {
			cfg.GHZ, cfg.GRPCScale, cfg.GRPCDuration, cfg.GRPCRounds = ghz, 300, 300*time.Millisecond, 1
			cfg.Server = build("entitygraph-server", "../../server/cmd/entitygraph-server")
		} else {
			t.Log("no ghz in .tools/bin (make tools installs it): skipping the gRPC part")
		}
	}
	rep, err := measure(context.Background(), cfg, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Scales) != 1 || len(rep.Scales[0].Results) == 0 || rep.Scales[0].Load.Relations != 3000 {
		t.Fatalf("report scales = %+v", rep.Scales)
	}
	md := render(rep)
	if len(rep.Text) != 1 || rep.Text[0].Relations != 2000 || rep.Text[0].LoadSeconds <= 0 || rep.Text[0].UnmarshalSeconds <= 0 {
		t.Errorf("text rows = %+v", rep.Text)
	}
	for _, want := range []string{"## Targets", "## Loading a snapshot", "## Loading text graph files", "### 300 entities, 3,000 relations", "| FindPaths4 |"} {
		if !strings.Contains(md, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	if cfg.GHZ != "" {
		if rep.GRPC == nil || len(rep.GRPC.Results) != 8 || !strings.Contains(md, "| GetEntity | 8 |") || !strings.Contains(md, "| SearchEntities, names-only view") {
			t.Errorf("gRPC part missing: %+v", rep.GRPC)
		}
	}
	// A second run reuses the snapshot.
	rep2, err := measure(context.Background(), config{Scales: []int{300}, Seed: 1, Dir: dir, Duration: 5 * time.Millisecond, Tool: cfg.Tool, Self: self}, io.Discard)
	if err != nil || !rep2.Generated[300].Cached {
		t.Errorf("second run: cached = %v, err = %v", rep2.Generated[300].Cached, err)
	}
}
