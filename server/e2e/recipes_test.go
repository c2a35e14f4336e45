package e2e

import (
	"bufio"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"google.golang.org/protobuf/reflect/protoreflect"

	entitygraphv1 "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
)

// bufPath is the pinned buf the Makefile installs, for the README's
// `buf curl` recipes: $BUF, else .tools/bin/buf.
func bufPath(t *testing.T, root string) string {
	t.Helper()
	p := os.Getenv("BUF")
	if p == "" {
		p = filepath.Join(root, ".tools", "bin", "buf")
	}
	if _, err := os.Stat(p); err != nil {
		t.Fatalf("buf not found at %s: run the tests with `make test`, which installs the pinned version", p)
	}
	return p
}

// apiMethods returns the full names of every RPC of the API, such as
// "entitygraph.v1.EntityService/GetEntity".
func apiMethods() []string {
	var out []string
	for _, file := range []protoreflect.FileDescriptor{
		entitygraphv1.File_entitygraph_v1_entity_service_proto,
		entitygraphv1.File_entitygraph_v1_query_service_proto,
		entitygraphv1.File_entitygraph_v1_vocabulary_service_proto,
	} {
		for i := range file.Services().Len() {
			svc := file.Services().Get(i)
			for j := range svc.Methods().Len() {
				out = append(out, string(svc.FullName())+"/"+string(svc.Methods().Get(j).Name()))
			}
		}
	}
	return out
}

// TestREADMERecipesCoverEveryRPC checks that README.md shows, for every RPC
// of EntityService, QueryService and VocabularyService, a grpcurl command and a `buf curl`
// command that call it; TestREADMEExamples runs them.
func TestREADMERecipesCoverEveryRPC(t *testing.T) {
	t.Parallel()
	root := repoRoot(t)
	var grpcurlCmds, bufCurlCmds []string
	for _, ex := range readmeExamples(t, root) {
		switch {
		case strings.HasPrefix(ex.command, "grpcurl "):
			grpcurlCmds = append(grpcurlCmds, ex.command)
		case strings.HasPrefix(ex.command, "buf curl "):
			bufCurlCmds = append(bufCurlCmds, ex.command)
		}
	}
	methods := apiMethods()
	if len(methods) < 15 {
		t.Fatalf("found %d RPCs in the generated descriptors, want at least 15", len(methods))
	}
	for _, m := range methods {
		// grpcurl takes the method as an argument; buf curl as the URL path.
		grpcurlCall := regexp.MustCompile(` ` + regexp.QuoteMeta(m) + `( |$)`)
		if !anyMatch(grpcurlCmds, grpcurlCall) {
			t.Errorf("README.md has no grpcurl recipe for %s", m)
		}
		bufCurlCall := regexp.MustCompile(`http://localhost:50051/` + regexp.QuoteMeta(m) + `( |$)`)
		if !anyMatch(bufCurlCmds, bufCurlCall) {
			t.Errorf("README.md has no buf curl recipe for %s", m)
		}
	}
}

func anyMatch(commands []string, re *regexp.Regexp) bool {
	for _, c := range commands {
		if re.MatchString(c) {
			return true
		}
	}
	return false
}

// fencedBlock is one ``` block of README.md.
type fencedBlock struct {
	line int    // README line of the opening fence
	lang string // the info string, such as "go" or "text"
	body string // the lines between the fences, each ending in "\n"
}

func fencedBlocks(t *testing.T, root string) []fencedBlock {
	t.Helper()
	f, err := os.Open(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var blocks []fencedBlock
	var cur *fencedBlock
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case cur == nil && strings.HasPrefix(line, "```"):
			cur = &fencedBlock{line: n, lang: strings.TrimPrefix(line, "```")}
		case cur != nil && line == "```":
			blocks = append(blocks, *cur)
			cur = nil
		case cur != nil:
			cur.body += line + "\n"
		}
	}
	return blocks
}

// TestREADMEGoExample builds the README's Go client example (the ```go block
// that is a whole program) as a module of its own that requires this one,
// runs it against the real server, and compares what it prints with the
// ```text block that follows it.
func TestREADMEGoExample(t *testing.T) {
	t.Parallel()
	root := repoRoot(t)
	blocks := fencedBlocks(t, root)
	at := -1
	for i, b := range blocks {
		if b.lang == "go" && strings.HasPrefix(b.body, "package main\n") {
			at = i
			break
		}
	}
	if at < 0 {
		t.Fatal("README.md has no ```go block holding a whole program (package main)")
	}
	if at+1 == len(blocks) || blocks[at+1].lang != "text" {
		t.Fatalf("README.md:%d: the Go example is not followed by a ```text block of its output", blocks[at].line)
	}
	program, want := blocks[at].body, blocks[at+1].body

	// A module beside the repository, as a user's would be: it requires this
	// module, replaced by the working tree, and this module's requirements,
	// so that it builds from the module cache without the network.
	dir := t.TempDir()
	goMod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	_, requirements, ok := strings.Cut(string(goMod), "\ngo ")
	if !ok {
		t.Fatal("go.mod has no go directive")
	}
	mod := "module example.com/quickstart\n\ngo " + requirements +
		"\nrequire github.com/entitygraph/entitygraph v0.0.0\n" +
		"\nreplace github.com/entitygraph/entitygraph => " + root + "\n"
	goSum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	for name, content := range map[string]string{"go.mod": mod, "go.sum": string(goSum), "main.go": program} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	build := exec.Command("go", "build", "-o", filepath.Join(dir, "quickstart"), ".")
	build.Dir = dir
	build.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("README.md:%d: the Go example does not build: %v\n%s", blocks[at].line, err, out)
	}

	addr := freeAddr(t)
	startServer(t, binDir, addr)
	run := exec.Command(filepath.Join(dir, "quickstart"))
	run.Env = append(os.Environ(), "ENTITYGRAPH_ADDR="+addr)
	var stderr strings.Builder
	run.Stderr = &stderr
	got, err := run.Output()
	if err != nil {
		t.Fatalf("the Go example failed: %v\n%s", err, stderr.String())
	}
	if string(got) != want {
		t.Errorf("the Go example printed:\n%s\nREADME.md:%d shows:\n%s", got, blocks[at+1].line, want)
	}
}

// TestREADMEDataExcerptsAreVerbatim checks that every ```txtpb block of
// README.md is made of records copied exactly from a data file under seeds/,
// so that the walkthrough shows data that loads.
func TestREADMEDataExcerptsAreVerbatim(t *testing.T) {
	t.Parallel()
	root := repoRoot(t)
	var data []string
	err := filepath.WalkDir(filepath.Join(root, "seeds"), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".txtpb") {
			return err
		}
		b, err := os.ReadFile(path)
		data = append(data, string(b))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, b := range fencedBlocks(t, root) {
		if b.lang != "txtpb" {
			continue
		}
		// A top-level record starts at the first column and ends with "}" there.
		for record := range strings.SplitAfterSeq(b.body, "\n}\n") {
			if strings.TrimSpace(record) == "" {
				continue
			}
			n++
			if !slices.ContainsFunc(data, func(file string) bool { return strings.Contains(file, record) }) {
				t.Errorf("README.md:%d: this record is in no data file under seeds/:\n%s", b.line, record)
			}
		}
	}
	if n < 3 {
		t.Errorf("README.md has %d records in ```txtpb blocks, want the walkthrough's", n)
	}
}
