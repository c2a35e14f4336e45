package main

import (
	"bytes"
	"context"
	"flag"
	"io"
	"net"
	"regexp"
	"slices"
	"strings"
	"testing"

	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/proto"

	"github.com/entitygraph/entitygraph/client"
	entitygraphv1 "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/server/servertest"
)

// runCLI runs the command line args and returns its exit code and output.
func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(t.Context(), args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// closedAddr returns a loopback address nothing listens on.
func closedAddr(t *testing.T) string {
	t.Helper()
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := lis.Addr().String()
	lis.Close()
	return addr
}

// TestRun runs each command against a real server on loopback TCP and
// checks what a reader would look for in its output.
func TestRun(t *testing.T) {
	t.Parallel()
	addr := servertest.Start(t)
	down := closedAddr(t)

	tests := []struct {
		name       string
		args       []string // after --addr
		noAddr     bool     // do not pass --addr
		wantCode   int
		wantOut    []string // substrings of stdout
		wantOutRE  []string // regular expressions stdout matches
		notOut     []string // not substrings of stdout
		wantErr    []string // substrings of stderr
		wantOutLen int      // number of stdout lines, if set
	}{
		{
			name:    "get by name",
			args:    []string{"get", "Kioxia"},
			wantOut: []string{"organizations/kioxia", "Kioxia", "organization", "company", "キオクシア [ja, native]", "Toshiba Memory [en, former]"},
		},
		{
			name: "get person by words",
			args: []string{"get", "chey", "tae", "won"},
			wantOut: []string{
				"people/chey-tae-won", "Chey Tae-won", "person", "최태원 [ko, native]",
				"Chairman, SK Group (organizations/sk-group)",
			},
		},
		{
			name:    "get by hangul",
			args:    []string{"get", "최태원"},
			wantOut: []string{"people/chey-tae-won"},
		},
		{
			name:    "get by resource name",
			args:    []string{"get", "organizations/united-states"},
			wantOut: []string{"United States", "U.S. [en, abbreviation]", "country"},
		},
		{
			name:     "get unknown name",
			args:     []string{"get", "Zyzzyvaqx"},
			wantCode: exitFailure,
			wantErr:  []string{`entitygraph: no entity is called "Zyzzyvaqx"`},
		},
		{
			name:     "get unknown resource name",
			args:     []string{"get", "organizations/no-such-company"},
			wantCode: exitFailure,
			wantErr:  []string{"entitygraph: there is no entity organizations/no-such-company"},
		},
		{
			name:     "get ambiguous name",
			args:     []string{"get", "United"},
			wantCode: exitFailure,
			wantErr:  []string{`"United" could mean more than one entity`, "\n  organizations/united-states ", "\n  organizations/united-kingdom "},
		},
		{
			name:     "get without a name",
			args:     []string{"get"},
			wantCode: exitUsage,
			wantErr:  []string{"missing NAME", "Usage: entitygraph get"},
		},
		{
			name:      "search",
			args:      []string{"search", "Samsung"},
			wantOut:   []string{"RANK", "SCORE", "MATCH", "MATCHED TEXT", "LANG", "NAME", "DISPLAY NAME"},
			wantOutRE: []string{`\n1 +[01]\.\d\d +exact +organizations/samsung-electronics +Samsung Electronics +en +Samsung\n`},
		},
		{
			name:    "search fuzzy",
			args:    []string{"search", "Lutnik"},
			wantOut: []string{"fuzzy", "people/howard-lutnick"},
		},
		{
			name:    "search by type",
			args:    []string{"search", "--type", "place", "Seoul"},
			wantOut: []string{"places/seoul"},
		},
		{
			name:       "search limit after the text",
			args:       []string{"search", "United", "--limit", "1"},
			wantOutLen: 2, // the header and one row
		},
		{
			name:     "search bad type",
			args:     []string{"search", "--type", "company", "Kioxia"},
			wantCode: exitUsage,
			wantErr:  []string{`unknown --type "company"`},
		},
		{
			name:    "search nothing",
			args:    []string{"search", "Zyzzyvaqx"},
			wantOut: []string{`No entity matches "Zyzzyvaqx"`},
		},
		{
			name:      "link",
			args:      []string{"link", "../../../seeds/000_133d51a59ae2b9bf.txt"},
			wantOut:   []string{"BYTES", "STATUS", "CONF", "MATCH", "ENTITY", "TEXT"},
			wantOutRE: []string{`\n1493-1508 +linked +0\.98 +name +organizations/western-digital +Western Digital\n`, `\n1680-1682 +linked +0\.90 +alias +organizations/sk-group +SK\n`},
		},
		{
			name:     "link bad confidence",
			args:     []string{"link", "--min-confidence", "2", "x.txt"},
			wantCode: exitUsage,
			wantErr:  []string{"--min-confidence must be from 0 to 1"},
		},
		{
			name:     "link no file",
			args:     []string{"link", "no-such-file.txt"},
			wantCode: exitFailure,
			wantErr:  []string{"no-such-file.txt"},
		},
		{
			name: "relations",
			args: []string{"relations", "Kioxia"},
			wantOut: []string{
				"Kioxia (organizations/kioxia):",
				"Western Digital",
				"relations/western-digital-bid-for-kioxia",
				"“American firm Western Digital sought to acquire Japan’s Kioxia”",
				"status:", "failed",
				"documents/korea-japan-economic-alliance, chars ",
				"relations/japan-regards-kioxia-as-strategic",
			},
		},
		{
			name:    "relations as object with predicate",
			args:    []string{"relations", "Kioxia", "--as", "object", "--predicate", "ACQUIRES"},
			wantOut: []string{"relations/western-digital-bid-for-kioxia", ": 1 relation\n"},
			notOut:  []string{"relations/kioxia-based-in-japan", "relations/japan-regards-kioxia-as-strategic"},
		},
		{
			name:    "relations as subject",
			args:    []string{"relations", "--as", "subject", "organizations/kioxia"},
			wantOut: []string{"relations/kioxia-based-in-japan"},
			notOut:  []string{"relations/western-digital-bid-for-kioxia"},
		},
		{
			name:    "relations about a relation",
			args:    []string{"relations", "relations/western-digital-bid-for-kioxia"},
			wantOut: []string{"relations/samsung-coordinates-against-western-digital-bid", "relations/sk-group-opposes-western-digital-bid", "manner:", "quietly"},
		},
		{
			name:    "relations predicate lower case",
			args:    []string{"relations", "Samsung", "--predicate", "coordinates_against"},
			wantOut: []string{"relations/samsung-coordinates-against-western-digital-bid", ": 1 relation\n"},
		},
		{
			name:    "relations predicate resource name",
			args:    []string{"relations", "Samsung", "--predicate", "predicates/coordinates-against"},
			wantOut: []string{"relations/samsung-coordinates-against-western-digital-bid", ": 1 relation\n"},
		},
		{
			name:    "relations broader predicate",
			args:    []string{"relations", "Samsung", "--predicate", "opposes", "--as", "subject"},
			wantOut: []string{"relations/samsung-coordinates-against-western-digital-bid"},
		},
		{
			name:    "relations of a document",
			args:    []string{"relations", "Kioxia", "--document", "documents/korea-japan-economic-alliance"},
			wantOut: []string{"relations/western-digital-bid-for-kioxia"},
		},
		{
			name:     "relations of an unknown document",
			args:     []string{"relations", "Kioxia", "--document", "documents/nope"},
			wantCode: exitFailure,
			wantErr:  []string{"documents/nope"},
		},
		{
			name:    "relations role qualifier",
			args:    []string{"relations", "people/chey-tae-won", "--predicate", "leads"},
			wantOut: []string{"role:", "Chairman", "relations/chey-tae-won-leads-sk-group"},
		},
		{
			name:     "relations bad predicate",
			args:     []string{"relations", "Kioxia", "--predicate", "buys"},
			wantCode: exitFailure,
			wantErr:  []string{`unknown predicate "buys"`},
		},
		{
			name:     "relations bad role",
			args:     []string{"relations", "Kioxia", "--as", "sideways"},
			wantCode: exitUsage,
			wantErr:  []string{"--as must be subject, object or any"},
		},
		{
			name:     "relations unknown relation",
			args:     []string{"relations", "relations/nope"},
			wantCode: exitFailure,
			wantErr:  []string{"entitygraph: there is no relation relations/nope"},
		},
		{
			name:    "documents",
			args:    []string{"documents"},
			wantOut: []string{"NAME", "TITLE", "CHARS", "RELATIONS", "SHA256", "documents/korea-japan-economic-alliance"},
		},
		{
			name:     "documents takes no arguments",
			args:     []string{"documents", "extra"},
			wantCode: exitUsage,
			wantErr:  []string{`unexpected argument "extra"`},
		},
		{
			name:    "predicates",
			args:    []string{"predicates"},
			wantOut: []string{"\ncoordinates-against ", "opposes\n", "(symmetric)"},
		},
		{
			name:    "kinds",
			args:    []string{"kinds"},
			wantOut: []string{"KIND ", "\nbusiness-group ", " company ", "chaebol\n"},
		},
		{
			name:     "unknown command",
			args:     []string{"frobnicate"},
			wantCode: exitUsage,
			wantErr:  []string{`unknown command "frobnicate"`, "Usage: entitygraph"},
		},
		{
			name:     "no command",
			args:     nil,
			wantCode: exitUsage,
			wantErr:  []string{"no command given", "Usage: entitygraph"},
		},
		{
			name:     "unknown flag",
			args:     []string{"get", "--colour", "Kioxia"},
			wantCode: exitUsage,
			wantErr:  []string{"-colour", "Usage: entitygraph get"},
		},
		{
			name:    "help",
			args:    []string{"help"},
			wantOut: []string{"Usage: entitygraph", "relations NAME", "ENTITYGRAPH_ADDR"},
		},
		{
			name:    "help for a command",
			args:    []string{"help", "relations"},
			wantOut: []string{"Usage: entitygraph relations", "-predicate", "-as"},
		},
		{
			name:     "server down",
			noAddr:   true,
			args:     []string{"--addr", down, "get", "Kioxia"},
			wantCode: exitFailure,
			wantErr:  []string{"entitygraph: cannot reach the server at " + down, "make run"},
		},
		{
			name:     "server down, flag after the command",
			noAddr:   true,
			args:     []string{"documents", "--addr", down},
			wantCode: exitFailure,
			wantErr:  []string{"cannot reach the server at " + down},
		},
		{
			name:     "timeout",
			args:     []string{"--timeout", "1ns", "documents"},
			wantCode: exitFailure,
			wantErr:  []string{"did not answer within 1ns"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			args := tt.args
			if !tt.noAddr {
				args = append([]string{"--addr", addr}, args...)
			}
			code, stdout, stderr := runCLI(t, args...)
			checkRun(t, cliRun{code, stdout, stderr}, cliWant{tt.wantCode, tt.wantOut, tt.wantOutRE, tt.notOut, tt.wantErr, tt.wantOutLen})
		})
	}
}

// TestRunJSON checks that --json prints the response as protojson that
// parses back into the right message, before or after the command.
func TestRunJSON(t *testing.T) {
	t.Parallel()
	addr := servertest.Start(t)

	tests := []struct {
		name  string
		args  []string
		msg   proto.Message
		check func(t *testing.T, m proto.Message)
	}{
		{
			name: "get",
			args: []string{"--json", "get", "Kioxia"},
			msg:  &entitygraphv1.Entity{},
			check: func(t *testing.T, m proto.Message) {
				if got := m.(*entitygraphv1.Entity).GetName(); got != "organizations/kioxia" {
					t.Errorf("name = %q, want organizations/kioxia", got)
				}
			},
		},
		{
			name: "get, flag after",
			args: []string{"get", "최태원", "--json"},
			msg:  &entitygraphv1.Entity{},
			check: func(t *testing.T, m proto.Message) {
				if got := m.(*entitygraphv1.Entity).GetName(); got != "people/chey-tae-won" {
					t.Errorf("name = %q, want people/chey-tae-won", got)
				}
			},
		},
		{
			name: "search",
			args: []string{"search", "--json", "chey tae won"},
			msg:  &entitygraphv1.SearchEntitiesResponse{},
			check: func(t *testing.T, m proto.Message) {
				results := m.(*entitygraphv1.SearchEntitiesResponse).GetResults()
				if len(results) == 0 || results[0].GetEntity().GetName() != "people/chey-tae-won" {
					t.Errorf("results = %v, want people/chey-tae-won first", results)
				}
			},
		},
		{
			name: "relations",
			args: []string{"relations", "Kioxia", "--json"},
			msg:  &entitygraphv1.ListRelationsResponse{},
			check: func(t *testing.T, m proto.Message) {
				resp := m.(*entitygraphv1.ListRelationsResponse)
				if int(resp.GetTotalSize()) != len(resp.GetRelations()) {
					t.Errorf("total_size = %d, want %d", resp.GetTotalSize(), len(resp.GetRelations()))
				}
				i := slices.IndexFunc(resp.GetRelations(), func(r *entitygraphv1.Relation) bool {
					return r.GetName() == "relations/western-digital-bid-for-kioxia"
				})
				if i < 0 {
					t.Fatalf("relations lack relations/western-digital-bid-for-kioxia")
				}
				if ev := resp.GetRelations()[i].GetEvidence(); len(ev) == 0 || !strings.Contains(ev[0].GetQuote(), "sought to acquire Japan’s Kioxia") {
					t.Errorf("evidence = %v, want the quote of the bid", ev)
				}
			},
		},
		{
			name: "documents",
			args: []string{"documents", "--json"},
			msg:  &entitygraphv1.ListDocumentsResponse{},
			check: func(t *testing.T, m proto.Message) {
				docs := m.(*entitygraphv1.ListDocumentsResponse).GetDocuments()
				if len(docs) == 0 || docs[0].GetName() != "documents/korea-japan-economic-alliance" || len(docs[0].GetSha256()) != 64 {
					t.Errorf("documents = %v, want documents/korea-japan-economic-alliance with its checksum", docs)
				}
			},
		},
		{
			name: "predicates",
			args: []string{"--json", "predicates"},
			msg:  &entitygraphv1.ListPredicatesResponse{},
			check: func(t *testing.T, m proto.Message) {
				resp := m.(*entitygraphv1.ListPredicatesResponse)
				if want := servertest.Index(t).Vocabulary().Len(); len(resp.GetPredicates()) != want || int(resp.GetTotalSize()) != want {
					t.Errorf("got %d predicates (total_size %d), want %d", len(resp.GetPredicates()), resp.GetTotalSize(), want)
				}
			},
		},
		{
			name: "kinds",
			args: []string{"--json", "kinds"},
			msg:  &entitygraphv1.ListKindsResponse{},
			check: func(t *testing.T, m proto.Message) {
				kinds := m.(*entitygraphv1.ListKindsResponse).GetKinds()
				if want := len(servertest.Index(t).Vocabulary().Kinds()); len(kinds) != want {
					t.Errorf("got %d kinds, want %d", len(kinds), want)
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			code, stdout, stderr := runCLI(t, append([]string{"--addr", addr}, tt.args...)...)
			if code != exitOK {
				t.Fatalf("exit code = %d, want 0\nstderr:\n%s", code, stderr)
			}
			if strings.Count(stdout, "\n") < 2 {
				t.Errorf("stdout is not multi-line JSON:\n%s", stdout)
			}
			if err := protojson.Unmarshal([]byte(stdout), tt.msg); err != nil {
				t.Fatalf("stdout does not parse as %T: %v\n%s", tt.msg, err, stdout)
			}
			tt.check(t, tt.msg)
		})
	}
}

// TestRunDocumentsChecksum checks the table against the document itself.
func TestRunDocumentsChecksum(t *testing.T) {
	t.Parallel()
	addr := servertest.Start(t)
	c, err := client.Dial(addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	doc, err := c.GetDocument(t.Context(), "documents/korea-japan-economic-alliance", false)
	if err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runCLI(t, "--addr", addr, "documents")
	if code != exitOK {
		t.Fatalf("exit code = %d, want 0\nstderr:\n%s", code, stderr)
	}
	for _, want := range []string{doc.GetSha256()[:12], doc.GetTitle()} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q; got:\n%s", want, stdout)
		}
	}
	if strings.Contains(stdout, doc.GetSha256()[:13]) {
		t.Errorf("stdout has more than 12 hex digits of the checksum:\n%s", stdout)
	}
}

// TestRunAddrFromEnv cannot run in parallel: it sets the environment.
func TestRunAddrFromEnv(t *testing.T) {
	addr := servertest.Start(t)
	t.Setenv(addrEnv, addr)
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"get", "Kioxia"}, &stdout, &stderr); code != exitOK {
		t.Fatalf("exit code = %d, want 0\nstderr:\n%s", code, stderr.String())
	}
	if !strings.Contains(stdout.String(), "organizations/kioxia") {
		t.Errorf("stdout lacks organizations/kioxia:\n%s", stdout.String())
	}
}

func TestParseInterspersed(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		args     []string
		wantPos  []string
		wantJSON bool
	}{
		{name: "flags first", args: []string{"--json", "a", "b"}, wantPos: []string{"a", "b"}, wantJSON: true},
		{name: "flags between", args: []string{"a", "--json", "b"}, wantPos: []string{"a", "b"}, wantJSON: true},
		{name: "flags last", args: []string{"a", "b", "-json"}, wantPos: []string{"a", "b"}, wantJSON: true},
		{name: "double dash", args: []string{"a", "--", "--json"}, wantPos: []string{"a", "--json"}},
		{name: "none", args: nil, wantPos: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			g := &globals{}
			fs := flag.NewFlagSet("test", flag.ContinueOnError)
			fs.SetOutput(io.Discard)
			g.register(fs)
			got, err := parseInterspersed(fs, tt.args)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, tt.wantPos) || g.json != tt.wantJSON {
				t.Errorf("parseInterspersed(%q) = %q, json=%v; want %q, json=%v", tt.args, got, g.json, tt.wantPos, tt.wantJSON)
			}
		})
	}
}

// cliRun is what one run of the CLI did.
type cliRun struct {
	code           int
	stdout, stderr string
}

// cliWant is what a run of the CLI should do.
type cliWant struct {
	code   int
	out    []string // substrings of stdout
	outRE  []string // regular expressions stdout matches
	notOut []string // not substrings of stdout
	err    []string // substrings of stderr
	outLen int      // number of stdout lines, if set
}

// checkRun reports every way got differs from w; a successful run must
// print nothing on stderr.
func checkRun(t *testing.T, got cliRun, w cliWant) {
	t.Helper()
	if got.code != w.code {
		t.Errorf("exit code = %d, want %d\nstderr:\n%s", got.code, w.code, got.stderr)
	}
	for _, s := range w.out {
		if !strings.Contains(got.stdout, s) {
			t.Errorf("stdout lacks %q; got:\n%s", s, got.stdout)
		}
	}
	for _, re := range w.outRE {
		if !regexp.MustCompile(re).MatchString(got.stdout) {
			t.Errorf("stdout does not match %q; got:\n%s", re, got.stdout)
		}
	}
	for _, s := range w.notOut {
		if strings.Contains(got.stdout, s) {
			t.Errorf("stdout has %q; got:\n%s", s, got.stdout)
		}
	}
	for _, s := range w.err {
		if !strings.Contains(got.stderr, s) {
			t.Errorf("stderr lacks %q; got:\n%s", s, got.stderr)
		}
	}
	if w.outLen > 0 {
		if n := strings.Count(got.stdout, "\n"); n != w.outLen {
			t.Errorf("stdout has %d lines, want %d:\n%s", n, w.outLen, got.stdout)
		}
	}
	if w.code == exitOK && got.stderr != "" {
		t.Errorf("stderr = %q, want nothing on success", got.stderr)
	}
}
