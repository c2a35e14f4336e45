package e2e

import (
	"bufio"
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
)

// repoRoot is the repository's top directory, found from this file.
func repoRoot(t *testing.T) string {
	t.Helper()
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("cannot find the source file")
	}
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// grpcurlPath is the pinned grpcurl the Makefile installs.
func grpcurlPath(t *testing.T, root string) string {
	t.Helper()
	p := os.Getenv("GRPCURL")
	if p == "" {
		p = filepath.Join(root, ".tools", "bin", "grpcurl")
	}
	if _, err := os.Stat(p); err != nil {
		t.Fatalf("grpcurl not found at %s: run the tests with `make test`, which installs the pinned version", p)
	}
	return p
}

// binDir holds the server and CLI binaries, built once by TestMain.
var binDir string

func TestMain(m *testing.M) {
	os.Exit(runTests(m))
}

func runTests(m *testing.M) int {
	dir, err := os.MkdirTemp("", "entitygraph-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	_, file, _, _ := runtime.Caller(0)
	root := filepath.Join(filepath.Dir(file), "..", "..")
	for _, pkg := range []string{"./server/cmd/entitygraph-server", "./server/cmd/entitygraph-snapshot", "./client/cmd/entitygraph"} {
		cmd := exec.Command("go", "build", "-o", dir+string(os.PathSeparator), pkg)
		cmd.Dir = root
		if out, err := cmd.CombinedOutput(); err != nil {
			fmt.Fprintf(os.Stderr, "go build %s: %v\n%s", pkg, err, out)
			return 1
		}
	}
	binDir = dir
	return m.Run()
}

func freeAddr(t *testing.T) string {
	t.Helper()
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer lis.Close()
	return lis.Addr().String()
}

// startServer runs the built server on addr and waits until health says
// SERVING. It returns the process, stopped with SIGTERM at cleanup.
func startServer(t *testing.T, bin, addr string, args ...string) *exec.Cmd {
	t.Helper()
	var logs strings.Builder
	cmd := exec.Command(filepath.Join(bin, "entitygraph-server"), append([]string{"--listen", addr}, args...)...)
	cmd.Stdout, cmd.Stderr = &logs, &logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	t.Cleanup(func() {
		_ = cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-done:
		case <-time.After(15 * time.Second):
			_ = cmd.Process.Kill()
			t.Errorf("server did not stop within 15s of SIGTERM; logs:\n%s", logs.String())
		}
	})
	conn, err := grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	hc := healthpb.NewHealthClient(conn)
	deadline := time.Now().Add(30 * time.Second)
	for {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		resp, err := hc.Check(ctx, &healthpb.HealthCheckRequest{})
		cancel()
		if err == nil && resp.GetStatus() == healthpb.HealthCheckResponse_SERVING {
			return cmd
		}
		select {
		case err := <-done:
			t.Fatalf("server exited early: %v\n%s", err, logs.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("server not healthy after 30s: %v\n%s", err, logs.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// example is one command from README.md and the output it documents.
type example struct {
	line    int      // README line of the command
	command string   // the shell command, without the "$ " prompt
	want    []string // expected output lines; "..." skips any number of lines
}

// readmeExamples returns every "$ " command in README.md's console blocks.
func readmeExamples(t *testing.T, root string) []example {
	t.Helper()
	f, err := os.Open(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []example
	inBlock := false
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "```console"):
			inBlock = true
		case strings.HasPrefix(line, "```"):
			inBlock = false
		case inBlock && strings.HasPrefix(line, "$ "):
			out = append(out, example{line: n, command: strings.TrimPrefix(line, "$ ")})
		case inBlock && len(out) > 0:
			out[len(out)-1].want = append(out[len(out)-1].want, line)
		}
	}
	return out
}

// matchLines reports whether got holds want's lines in order, where a "..."
// line in want stands for any number of lines; it returns the first line of
// want that could not be matched.
func matchLines(got, want []string) (bool, string) {
	var match func(g, w int) bool
	match = func(g, w int) bool {
		if w == len(want) {
			return g == len(got)
		}
		if strings.TrimSpace(want[w]) == "..." {
			for k := g; k <= len(got); k++ {
				if match(k, w+1) {
					return true
				}
			}
			return false
		}
		return g < len(got) && strings.TrimRight(got[g], " ") == strings.TrimRight(want[w], " ") && match(g+1, w+1)
	}
	if match(0, 0) {
		return true, ""
	}
	for _, w := range want {
		if strings.TrimSpace(w) == "..." {
			continue
		}
		found := false
		for _, g := range got {
			found = found || strings.TrimRight(g, " ") == strings.TrimRight(w, " ")
		}
		if !found {
			return false, w
		}
	}
	return false, "(lines are all there, but not in this order)"
}

// readmeSecondAddr is where README.md's walkthrough of a second dataset
// serves it; its examples are run against a server of seeds/harbor-wind.
const readmeSecondAddr = "localhost:50052"

// TestREADMEExamples runs every console example of README.md against the
// real server and checks that it prints what the README says it prints:
// the seed graph on localhost:50051, and the walkthrough's second dataset,
// seeds/harbor-wind, on localhost:50052.
func TestREADMEExamples(t *testing.T) {
	root := repoRoot(t)
	grpcurl := grpcurlPath(t, root)
	bin := binDir
	addr, secondAddr := freeAddr(t), freeAddr(t)
	startServer(t, bin, addr, "--data", filepath.Join(root, "seeds"))
	startServer(t, bin, secondAddr, "--data", filepath.Join(root, "seeds", "harbor-wind"))

	// Commands run as a person would type them: the CLI and grpcurl on
	// PATH, the server's address in place of localhost:50051.
	toolDir := t.TempDir()
	if err := os.Symlink(grpcurl, filepath.Join(toolDir, "grpcurl")); err != nil {
		t.Fatal(err)
	}
	// The pinned buf too, for the `buf curl` recipes (bufPath is in recipes_test.go).
	if err := os.Symlink(bufPath(t, root), filepath.Join(toolDir, "buf")); err != nil {
		t.Fatal(err)
	}
	env := append(os.Environ(),
		"PATH="+bin+string(os.PathListSeparator)+toolDir+string(os.PathListSeparator)+os.Getenv("PATH"),
		"ENTITYGRAPH_ADDR="+addr,
	)
	examples := readmeExamples(t, root)
	if len(examples) < 8 {
		t.Fatalf("README.md has %d console examples, want at least 8", len(examples))
	}
	for _, ex := range examples {
		t.Run(fmt.Sprintf("README.md:%d", ex.line), func(t *testing.T) {
			command := strings.NewReplacer("localhost:50051", addr, readmeSecondAddr, secondAddr).Replace(ex.command)
			if strings.HasPrefix(command, "make ") {
				t.Skip("make targets are exercised by CI itself")
			}
			cmd := exec.Command("bash", "-o", "pipefail", "-c", command)
			cmd.Dir = root
			cmd.Env = env
			out, err := cmd.CombinedOutput()
			var got []string
			if trimmed := strings.TrimRight(string(out), "\n"); trimmed != "" {
				got = strings.Split(trimmed, "\n")
			}
			wantFail := len(ex.want) > 0 && strings.HasPrefix(ex.want[len(ex.want)-1], "# exit status ")
			want := ex.want
			if wantFail {
				want = want[:len(want)-1]
				if err == nil {
					t.Fatalf("%s succeeded, README says it fails", ex.command)
				}
			} else if err != nil {
				t.Fatalf("%s: %v\n%s", ex.command, err, out)
			}
			if ok, missing := matchLines(got, want); !ok {
				t.Errorf("%s\noutput:\n%s\ndoes not match README.md:%d; first missing line:\n%s", ex.command, out, ex.line, missing)
			}
		})
	}
}

// TestGracefulShutdown checks that SIGTERM stops the server promptly and
// cleanly (exit status 0).
func TestGracefulShutdown(t *testing.T) {
	bin := binDir
	addr := freeAddr(t)
	cmd := exec.Command(filepath.Join(bin, "entitygraph-server"), "--listen", addr, "--shutdown-grace", "5s")
	var logs strings.Builder
	cmd.Stderr = &logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	conn, err := grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	hc := healthpb.NewHealthClient(conn)
	ok := false
	for i := 0; i < 300 && !ok; i++ {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		resp, err := hc.Check(ctx, &healthpb.HealthCheckRequest{})
		cancel()
		ok = err == nil && resp.GetStatus() == healthpb.HealthCheckResponse_SERVING
		if !ok {
			time.Sleep(50 * time.Millisecond)
		}
	}
	if !ok {
		_ = cmd.Process.Kill()
		t.Fatalf("server never became healthy:\n%s", logs.String())
	}
	_ = cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("server exited with %v after SIGTERM, want status 0\n%s", err, logs.String())
		}
	case <-time.After(10 * time.Second):
		_ = cmd.Process.Kill()
		t.Fatalf("server still running 10s after SIGTERM\n%s", logs.String())
	}
	if !strings.Contains(logs.String(), "stopped") {
		t.Errorf("logs do not show a clean stop:\n%s", logs.String())
	}
}

// TestBadDataFailsStartup checks that a graph with a bad quote stops the
// server from starting, with the file and line in the message.
func TestBadDataFailsStartup(t *testing.T) {
	root := repoRoot(t)
	bin := binDir
	data := t.TempDir()
	for _, name := range []string{"seed.vocab.txtpb", "000_133d51a59ae2b9bf.txt", "000_133d51a59ae2b9bf.graph.txtpb"} {
		b, err := os.ReadFile(filepath.Join(root, "seeds", name))
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(name, ".txtpb") {
			b = []byte(strings.Replace(string(b), "sought to acquire Japan’s Kioxia", "sought to buy Japan’s Kioxia", 1))
		}
		if err := os.WriteFile(filepath.Join(data, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(filepath.Join(bin, "entitygraph-server"), "--listen", freeAddr(t), "--data", data)
	out, err := cmd.CombinedOutput()
	if err == nil {
		t.Fatalf("server started on a bad graph:\n%s", out)
	}
	want := `000_133d51a59ae2b9bf.graph.txtpb:`
	if !strings.Contains(string(out), want) || !strings.Contains(string(out), "sought to buy Japan’s Kioxia") {
		t.Errorf("output = %s\nwant the file:line of the bad quote", out)
	}
}
