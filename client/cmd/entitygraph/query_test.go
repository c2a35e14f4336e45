package main

import (
	"strings"
	"testing"

	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/proto"

	entitygraphv1 "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/server/servertest"
)

// coordinationQuote is the sentence of the article that the answers to the
// mission's question rest on.
const coordinationQuote = "“Korean firms quietly coordinated with their Japanese counterparts and government officials, and the deal ultimately fell through.”"

// TestRunQueries runs the query commands against a real server on loopback
// TCP and checks what a reader would look for in their output.
func TestRunQueries(t *testing.T) {
	t.Parallel()
	addr := servertest.Start(t)

	tests := []struct {
		name       string
		args       []string // after --addr
		wantCode   int
		wantOut    []string // substrings of stdout
		wantOutRE  []string // regular expressions stdout matches
		notOut     []string // not substrings of stdout
		wantErr    []string // substrings of stderr
		wantOutLen int      // number of stdout lines, if set
	}{
		{
			name: "ask the mission question",
			args: []string{"ask", "Who", "coordinated", "against", "which", "acquisition?"},
			wantOut: []string{
				"Understood as: Find ?who and ?acquisition",
				"\nQuery: ?who coordinates-against ?acquisition . ?acquisition is acquires\n",
				"\n1. ?who = Samsung Electronics, ?acquisition = [Western Digital acquires Kioxia (failed, 2021)]",
				"\n2. ?who = SK Group, ",
				"   relations/samsung-coordinates-against-western-digital-bid\n",
				"   relations/sk-group-coordinates-against-western-digital-bid\n",
				coordinationQuote,
			},
			// Each answer is followed by its relation and then the quote.
			wantOutRE: []string{`\n1\. [^\n]*Samsung Electronics[^\n]*\n +relations/samsung-coordinates-against-western-digital-bid\n +“Korean firms quietly`},
		},
		{
			name:    "ask one answer",
			args:    []string{"ask", "--limit", "1", "Who coordinated against which acquisition?"},
			wantOut: []string{"1. ?who = Samsung Electronics"},
			notOut:  []string{"2. ", "SK Group"},
		},
		{
			name:     "ask a refused question",
			args:     []string{"ask", "Who", "ate", "Kioxia?"},
			wantCode: exitFailure,
			wantErr: []string{
				"entitygraph: cannot answer: ",
				"\n  not understood: \"ate\"\n",
				"\n  understood: ", `"Kioxia" = organizations/kioxia`,
			},
		},
		{
			name:     "ask over budget",
			args:     []string{"ask", "Who coordinated against which acquisition?", "--max-edges", "1"},
			wantCode: exitFailure,
			wantErr:  []string{"entitygraph: the query went over its budget (max_edges_visited)", "more than 1 edges", "--max-edges"},
		},
		{
			name: "paths by name",
			args: []string{"paths", "Chey Tae-won", "Kioxia"},
			wantOut: []string{
				"Path 1 (3 hops): Chey Tae-won → SK Group → ",
				"\n  1. Chey Tae-won leads SK Group\n     relations/chey-tae-won-leads-sk-group\n       “SK Group Chairman Chey Tae-won",
				"Path 2 (3 hops): ",
			},
			wantOutRE: []string{
				`(?m)^Path 1 \(3 hops\): .* → Kioxia$`,
				// A reading, its relation and a quote, hop after hop.
				`\n  3\. [^\n]+Kioxia[^\n]*\n     relations/[a-z-]+\n       “[^”]+”\n`,
			},
		},
		{
			name:    "paths through a relation node",
			args:    []string{"paths", "relations/western-digital-bid-for-kioxia", "Samsung", "--max-paths", "1"},
			wantOut: []string{"Path 1 (1 hop): [Western Digital acquires Kioxia (failed, 2021)] → Samsung Electronics\n", "relations/samsung-"},
			notOut:  []string{"Path 2"},
		},
		{
			name:    "paths by resource name, restricted",
			args:    []string{"paths", "people/chey-tae-won", "organizations/kioxia", "--predicate", "leads,coordinates_with", "--predicate", "regards_as_strategic"},
			wantOut: []string{"Path 1 (3 hops): Chey Tae-won → SK Group → Japan → Kioxia\n", "Japan regards Kioxia as strategic"},
			notOut:  []string{"[Western Digital acquires Kioxia", "Japan is home to Kioxia"},
		},
		{
			name:    "paths none within the hop limit",
			args:    []string{"paths", "Chey Tae-won", "Kioxia", "--max-hops", "2"},
			wantOut: []string{"No path from Chey Tae-won to Kioxia within the hop limit"},
		},
		{
			name:    "paths one way",
			args:    []string{"paths", "Kioxia", "Western Digital", "--direction", "out", "--max-hops", "1"},
			wantOut: []string{"No path from Kioxia to Western Digital"},
		},
		{
			name:     "paths bad direction",
			args:     []string{"paths", "Kioxia", "Japan", "--direction", "sideways"},
			wantCode: exitUsage,
			wantErr:  []string{"--direction must be out, in or both", "Usage: entitygraph paths"},
		},
		{
			name:     "paths bad predicate",
			args:     []string{"paths", "Kioxia", "Japan", "--predicate", "buys"},
			wantCode: exitFailure,
			wantErr:  []string{`unknown predicate "buys"`},
		},
		{
			name:     "paths needs two nodes",
			args:     []string{"paths", "Kioxia"},
			wantCode: exitUsage,
			wantErr:  []string{"missing FROM TO"},
		},
		{
			name:     "paths unknown name",
			args:     []string{"paths", "Zyzzyvaqx", "Kioxia"},
			wantCode: exitFailure,
			wantErr:  []string{`no entity is called "Zyzzyvaqx"`},
		},
		{
			name:     "paths unknown relation",
			args:     []string{"paths", "relations/nope", "Kioxia"},
			wantCode: exitFailure,
			wantErr:  []string{"not found", "relations/nope"},
		},
		{
			name: "traverse one hop",
			args: []string{"traverse", "Kioxia", "--depth", "1"},
			wantOutRE: []string{
				`^organizations/kioxia  Kioxia\n`,
				`\n  organizations/western-digital  Western Digital  via relations/western-digital-bid-for-kioxia\n`,
				`\n  Western Digital acquires Kioxia \(failed, 2021\)  via relations/western-digital-bid-for-kioxia\n`,
				`\n  relations/western-digital-bid-for-kioxia  \[Western Digital acquires Kioxia \(failed, 2021\)\]  via relations/western-digital-bid-for-kioxia\n`,
			},
			notOut: []string{"\n    "}, // nothing at depth 2
		},
		{
			name:       "traverse limit",
			args:       []string{"traverse", "Kioxia", "--limit", "3"},
			wantOutLen: 3,
		},
		{
			name:      "traverse deeper",
			args:      []string{"traverse", "Kioxia", "--depth", "2", "--limit", "200"},
			wantOutRE: []string{`\n    organizations/samsung-electronics  Samsung Electronics  via `},
		},
		{
			name:      "traverse from two nodes",
			args:      []string{"traverse", "Kioxia", "relations/korea-japan-economic-alliance", "--depth", "1"},
			wantOutRE: []string{`(?m)^organizations/kioxia  Kioxia$`, `(?m)^relations/korea-japan-economic-alliance  \[South Korea allies with Japan`},
		},
		{
			name:    "traverse by predicate",
			args:    []string{"traverse", "Kioxia", "--depth", "1", "--predicate", "ACQUIRES"},
			wantOut: []string{"organizations/western-digital"},
			notOut:  []string{"Japan", "NAND"},
		},
		{
			name:    "traverse outgoing",
			args:    []string{"traverse", "Kioxia", "--depth", "1", "--direction", "out"},
			wantOut: []string{"Kioxia is based in Japan", "organizations/japan"},
			notOut:  []string{"Western Digital"},
		},
		{
			name:     "traverse over budget",
			args:     []string{"traverse", "Kioxia", "--depth", "4", "--max-edges", "3"},
			wantCode: exitFailure,
			wantErr:  []string{"went over its budget (max_edges_visited)"},
		},
		{
			name: "match",
			args: []string{"match", "?who COORDINATES_AGAINST ?deal . ?deal is an acquisition"},
			wantOut: []string{
				"Query: ?who coordinates-against ?deal . ?deal is acquires\n",
				"\n2 results:\n",
				"relations/samsung-coordinates-against-western-digital-bid",
				coordinationQuote,
			},
			wantOutRE: []string{
				`\n# +\?deal +\?who\n`,
				`\n1 +\[Western Digital acquires Kioxia \(failed, 2021\)\] +Samsung Electronics\n`,
				`\n2 +\[Western Digital acquires Kioxia \(failed, 2021\)\] +SK Group\n`,
			},
			notOut: []string{"Plan:"},
		},
		{
			name:      "match explain",
			args:      []string{"match", "--explain", "?who", "coordinated_against", "?deal"},
			wantOut:   []string{"Query: ?who coordinates-against ?deal\nPlan:\n  1. triple 0 "},
			wantOutRE: []string{`Plan:\n  1\. [^\n]+ \(about \d+ candidates?\)\n`},
		},
		{
			name:    "match limit",
			args:    []string{"match", "?p LEADS ?org", "--limit", "1"},
			wantOut: []string{"1 result (the first 1; raise --limit for more):", "Chey Tae-won"},
			notOut:  []string{"\n2 "},
		},
		{
			name:    "match all",
			args:    []string{"match", "?x * ?y", "--limit", "0"},
			notOut:  []string{"raise --limit"},
			wantOut: []string{"relations/western-digital-bid-for-kioxia"},
		},
		{
			name:    "match nothing",
			args:    []string{"match", "?x LEADS organizations/kioxia"},
			wantOut: []string{"No results."},
		},
		{
			name:     "match bad syntax",
			args:     []string{"match", "?who frobnicates ?deal"},
			wantCode: exitFailure,
			wantErr:  []string{"the server rejected the request", "frobnicates"},
		},
		{
			name:     "match over budget",
			args:     []string{"match", "?a * ?b . ?b * ?c", "--max-edges", "5"},
			wantCode: exitFailure,
			wantErr:  []string{"entitygraph: the query went over its budget (max_edges_visited): the query visited more than 5 edges", "raise the budget with --max-edges"},
		},
		{
			name:    "help lists the query commands",
			args:    []string{"help"},
			wantOut: []string{"\n  paths FROM TO ", "\n  traverse NAME... ", "\n  match QUERY ", "\n  ask QUESTION ", "--max-edges"},
		},
		{
			name:    "help for ask",
			args:    []string{"help", "ask"},
			wantOut: []string{"Usage: entitygraph ask [flags] QUESTION", "Who coordinated against which acquisition?", "-limit", "-max-edges"},
		},
		{
			name:    "help for traverse",
			args:    []string{"help", "traverse"},
			wantOut: []string{"Usage: entitygraph traverse [flags] NAME...", "-depth", "-direction", "-predicate"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			code, stdout, stderr := runCLI(t, append([]string{"--addr", addr}, tt.args...)...)
			checkRun(t, cliRun{code, stdout, stderr}, cliWant{tt.wantCode, tt.wantOut, tt.wantOutRE, tt.notOut, tt.wantErr, tt.wantOutLen})
		})
	}
}

// TestRunQueriesJSON checks that --json prints each query's response as
// protojson that parses back into the right message.
func TestRunQueriesJSON(t *testing.T) {
	t.Parallel()
	addr := servertest.Start(t)

	tests := []struct {
		name  string
		args  []string
		msg   proto.Message
		check func(t *testing.T, m proto.Message)
	}{
		{
			name: "ask",
			args: []string{"ask", "--json", "Who coordinated against which acquisition?"},
			msg:  &entitygraphv1.AskResponse{},
			check: func(t *testing.T, m proto.Message) {
				resp := m.(*entitygraphv1.AskResponse)
				var who []string
				for _, r := range resp.GetResults() {
					who = append(who, r.GetBindings()["who"].GetEntity().GetName())
				}
				if strings.Join(who, " ") != "organizations/samsung-electronics organizations/sk-group" || len(resp.GetAnswers()) != 2 {
					t.Errorf("who = %v with %d answers, want Samsung Electronics and SK Group with 2", who, len(resp.GetAnswers()))
				}
				if resp.GetQuery() == "" || resp.GetPattern() == nil {
					t.Errorf("query %q, pattern %v; want both", resp.GetQuery(), resp.GetPattern())
				}
			},
		},
		{
			name: "paths",
			args: []string{"paths", "Chey Tae-won", "Kioxia", "--json"},
			msg:  &entitygraphv1.FindPathsResponse{},
			check: func(t *testing.T, m proto.Message) {
				paths := m.(*entitygraphv1.FindPathsResponse).GetPaths()
				if len(paths) == 0 {
					t.Fatal("no paths")
				}
				nodes := paths[0].GetNodes()
				if nodes[0] != "people/chey-tae-won" || nodes[len(nodes)-1] != "organizations/kioxia" {
					t.Errorf("first path nodes = %v, want people/chey-tae-won to organizations/kioxia", nodes)
				}
				for _, h := range paths[0].GetHops() {
					if h.GetReading() == "" || len(h.GetRelation().GetEvidence()) == 0 {
						t.Errorf("hop %v lacks a reading or evidence", h)
					}
				}
			},
		},
		{
			name: "match",
			args: []string{"--json", "match", "?who COORDINATES_AGAINST ?deal . ?deal is an acquisition", "--explain"},
			msg:  &entitygraphv1.MatchResponse{},
			check: func(t *testing.T, m proto.Message) {
				resp := m.(*entitygraphv1.MatchResponse)
				if len(resp.GetResults()) != 2 || resp.GetNextPageToken() != "" {
					t.Errorf("%d results, next token %q; want 2 and none", len(resp.GetResults()), resp.GetNextPageToken())
				}
				if resp.GetCanonicalText() == "" || len(resp.GetPlan().GetSteps()) == 0 {
					t.Errorf("canonical text %q, plan %v; want both", resp.GetCanonicalText(), resp.GetPlan())
				}
			},
		},
		{
			name: "match limited",
			args: []string{"--json", "match", "?p LEADS ?org", "--limit", "2"},
			msg:  &entitygraphv1.MatchResponse{},
			check: func(t *testing.T, m proto.Message) {
				resp := m.(*entitygraphv1.MatchResponse)
				if len(resp.GetResults()) != 2 || resp.GetNextPageToken() == "" {
					t.Errorf("%d results, next token %q; want 2 and a token for the rest", len(resp.GetResults()), resp.GetNextPageToken())
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
			if err := protojson.Unmarshal([]byte(stdout), tt.msg); err != nil {
				t.Fatalf("stdout does not parse as %T: %v\n%s", tt.msg, err, stdout)
			}
			tt.check(t, tt.msg)
		})
	}
}

// TestRunTraverseJSON checks that traverse --json prints one object per
// line, the same items the table shows.
func TestRunTraverseJSON(t *testing.T) {
	t.Parallel()
	addr := servertest.Start(t)
	code, stdout, stderr := runCLI(t, "--addr", addr, "traverse", "Kioxia", "--depth", "1", "--json")
	if code != exitOK {
		t.Fatalf("exit code = %d, want 0\nstderr:\n%s", code, stderr)
	}
	_, table, _ := runCLI(t, "--addr", addr, "traverse", "Kioxia", "--depth", "1")

	lines := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
	if want := strings.Count(table, "\n"); len(lines) != want {
		t.Errorf("%d JSON lines, want %d, one per item of the table:\n%s", len(lines), want, stdout)
	}
	for i, line := range lines {
		var item entitygraphv1.TraverseResponse
		if err := protojson.Unmarshal([]byte(line), &item); err != nil {
			t.Fatalf("line %d does not parse as a TraverseResponse: %v\n%s", i+1, err, line)
		}
		switch {
		case i == 0 && (item.GetEntity().GetName() != "organizations/kioxia" || item.GetDepth() != 0):
			t.Errorf("first item = %v, want Kioxia at depth 0", &item)
		case i > 0 && (item.GetDepth() != 1 || item.GetVia() == nil):
			t.Errorf("item %d = %v, want depth 1 with a via hop", i+1, &item)
		}
	}
}
