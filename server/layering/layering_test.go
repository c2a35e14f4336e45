package layering

import (
	"go/build"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const module = "github.com/entitygraph/entitygraph/"

// imports returns every package p imports, directly or through other
// packages of the module, test files left out; the module's own packages
// are followed, others listed as they are. The generated API (gen/) is
// listed but not followed: its service stubs import gRPC, and every layer
// may use its message types.
func imports(t *testing.T, p string) []string {
	t.Helper()
	seen := map[string]bool{}
	var visit func(p string)
	visit = func(p string) {
		dir := filepath.Join("..", "..", strings.TrimPrefix(p, module))
		pkg, err := build.ImportDir(dir, 0)
		if err != nil {
			t.Fatalf("read %s: %v", p, err)
		}
		for _, imp := range pkg.Imports {
			if seen[imp] {
				continue
			}
			seen[imp] = true
			if strings.HasPrefix(imp, module) && !strings.HasPrefix(imp, module+"gen/") {
				visit(imp)
			}
		}
	}
	visit(p)
	var out []string
	for imp := range seen {
		out = append(out, imp)
	}
	slices.Sort(out)
	return out
}

// TestImportRules checks what each layer must not reach.
func TestImportRules(t *testing.T) {
	t.Parallel()
	const grpc = "google.golang.org/grpc"
	rules := []struct {
		pkg       string
		forbidden []string // package paths, or prefixes ending in "/"
	}{
		// The graph and its engines know nothing of gRPC.
		{"server/index", []string{grpc, module + "server/pattern", module + "server/ask", module + "server/paths"}},
		{"server/vocab", []string{grpc, module + "server/index"}},
		{"server/english", []string{grpc, module}},
		{"server/textsearch", []string{grpc, module + "server/index", module + "server/pattern", module + "server/ask"}},
		{"server/timespan", []string{grpc, module + "server/"}},
		{"server/quantity", []string{grpc, module + "server/"}},
		{"server/budget", []string{grpc, module}},
		{"server/vellumfst", []string{grpc, module}},
		{"server/pattern", []string{grpc, module + "server/ask", module + "server/paths"}},
		{"server/paths", []string{grpc, module + "server/ask", module + "server/pattern"}},
		{"server/ask", []string{grpc, module + "server/paths"}},
		{"server/seed", []string{grpc}},
		{"server/linking", []string{grpc, module + "server/pattern", module + "server/ask", module + "server/paths"}},
		{"server/synonym", []string{grpc, module + "server/index", module + "server/ask", module + "server/pattern", module + "server/paths"}},
		{"server/draft", []string{grpc, module + "server/pattern", module + "server/ask", module + "server/paths", module + "server/service"}},
		{"server/coverage", []string{grpc, module + "server/pattern", module + "server/ask", module + "server/paths"}},
		{"server/synth", []string{grpc}},
		// Errors map at the edge, for handlers and interceptors alike.
		{"server/apierr", []string{module + "server/service", module + "server/auth", module + "server/throttle", module + "server/requestcheck", module + "server/app"}},
		{"server/auth", []string{module + "server/service", module + "server/app"}},
		{"server/throttle", []string{module + "server/service", module + "server/app"}},
		{"server/requestcheck", []string{module + "server/service", module + "server/app"}},
		{"server/service", []string{module + "server/app"}},
		// The SDK talks to the server only over the wire.
		{"client", []string{module + "server/"}},
	}
	for _, r := range rules {
		for _, imp := range imports(t, module+r.pkg) {
			for _, f := range r.forbidden {
				if imp == f || (strings.HasSuffix(f, "/") && strings.HasPrefix(imp, f)) || strings.HasPrefix(imp, f+"/") {
					t.Errorf("%s imports %s, which it must not reach", r.pkg, imp)
				}
			}
		}
	}
}
