package client_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/testing/protocmp"

	"github.com/entitygraph/entitygraph/client"
	entitygraphv1 "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/server/servertest"
)

const (
	missionQuestion = "Who coordinated against which acquisition?"
	missionQuery    = "?who COORDINATES_AGAINST ?deal . ?deal is an acquisition"
	bidName         = "relations/western-digital-bid-for-kioxia"
	samsungName     = "organizations/samsung-electronics"
	skGroupName     = "organizations/sk-group"
)

// bindingName returns the resource name a binding holds, entity or
// relation.
func bindingName(b *entitygraphv1.Binding) string {
	if r := b.GetRelation(); r != nil {
		return r.GetName()
	}
	return b.GetEntity().GetName()
}

// solutions writes each result as "var=name var=name", variables sorted,
// and returns them sorted: a stable picture of a result set.
func solutions(results []*entitygraphv1.MatchResult) []string {
	var out []string
	for _, r := range results {
		var parts []string
		for _, v := range slices.Sorted(func(yield func(string) bool) {
			for k := range r.GetBindings() {
				if !yield(k) {
					return
				}
			}
		}) {
			parts = append(parts, v+"="+bindingName(r.GetBindings()[v]))
		}
		out = append(out, strings.Join(parts, " "))
	}
	slices.Sort(out)
	return out
}

// collect drains a sequence, failing the test on error.
func collect[T any](t *testing.T, seq func(func(T, error) bool)) []T {
	t.Helper()
	var out []T
	for v, err := range seq {
		if err != nil {
			t.Fatalf("sequence error: %v", err)
		}
		out = append(out, v)
	}
	return out
}

func TestAsk(t *testing.T) {
	t.Parallel()
	c := newClient(t)
	tests := []struct {
		name     string
		question string
		opts     []client.AskOption
		want     []string // solutions, as solutions() writes them
	}{
		{
			name:     "mission question",
			question: missionQuestion,
			want:     []string{"acquisition=" + bidName + " who=" + samsungName, "acquisition=" + bidName + " who=" + skGroupName},
		},
		{
			name:     "limit",
			question: missionQuestion,
			opts:     []client.AskOption{client.WithLimit(1)},
			want:     []string{"acquisition=" + bidName + " who=" + samsungName},
		},
		{
			name:     "generous budget",
			question: "Who leads SK Group?",
			opts:     []client.AskOption{client.WithEdgeBudget(1000)},
			want:     []string{"who=people/chey-tae-won"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			resp, err := c.Ask(t.Context(), tt.question, tt.opts...)
			if err != nil {
				t.Fatalf("Ask(%q): %v", tt.question, err)
			}
			if diff := cmp.Diff(tt.want, solutions(resp.GetResults())); diff != "" {
				t.Errorf("Ask(%q) solutions (-want +got):\n%s", tt.question, diff)
			}
			if len(resp.GetAnswers()) != len(resp.GetResults()) {
				t.Errorf("%d answers for %d results, want one each", len(resp.GetAnswers()), len(resp.GetResults()))
			}
			if resp.GetInterpretation() == "" || resp.GetQuery() == "" {
				t.Errorf("interpretation %q, query %q; want both", resp.GetInterpretation(), resp.GetQuery())
			}
			for _, r := range resp.GetResults() {
				for _, rel := range r.GetRelations() {
					if len(rel.GetEvidence()) == 0 {
						t.Errorf("relation %s of an answer has no evidence", rel.GetName())
					}
				}
			}
		})
	}
}

func TestAskNotUnderstood(t *testing.T) {
	t.Parallel()
	c := newClient(t)
	_, err := c.Ask(t.Context(), "Who ate Kioxia?")
	var nu *client.NotUnderstoodError
	if !errors.As(err, &nu) {
		t.Fatalf("Ask(Who ate Kioxia?) error = %v, want a *NotUnderstoodError", err)
	}
	if nu.Reason == "" {
		t.Error("Reason is empty")
	}
	if want := `"ate"`; !slices.Contains(nu.NotUnderstood, want) {
		t.Errorf("NotUnderstood = %q, want %q among them", nu.NotUnderstood, want)
	}
	if want := `"Kioxia" = organizations/kioxia`; !slices.Contains(nu.Understood, want) {
		t.Errorf("Understood = %q, want %q among them", nu.Understood, want)
	}
	if code := status.Code(err); code != codes.InvalidArgument {
		t.Errorf("status.Code = %v, want InvalidArgument", code)
	}
	if !strings.Contains(err.Error(), "ate") || !strings.HasPrefix(err.Error(), `ask "Who ate Kioxia?": `) {
		t.Errorf("Error() = %q, want the question and the server's message", err)
	}

	// Other invalid arguments are not mistaken for a refused question.
	_, err = c.Ask(t.Context(), missionQuestion, client.WithLimit(-1))
	if status.Code(err) != codes.InvalidArgument || errors.As(err, &nu) {
		t.Errorf("Ask with page_size -1: error = %v, want InvalidArgument and no *NotUnderstoodError", err)
	}
}

func TestMatch(t *testing.T) {
	t.Parallel()
	c := newClient(t)
	mission := []string{"deal=" + bidName + " who=" + samsungName, "deal=" + bidName + " who=" + skGroupName}
	pattern := &entitygraphv1.Pattern{
		Triples: []*entitygraphv1.Triple{{
			Subject:    &entitygraphv1.Term{Term: &entitygraphv1.Term_Variable{Variable: "who"}},
			Predicates: []string{"predicates/coordinates-against"},
			Object:     &entitygraphv1.Term{Term: &entitygraphv1.Term_Variable{Variable: "deal"}},
		}},
		Constraints: []*entitygraphv1.Constraint{{
			Variable: "deal",
			Test: &entitygraphv1.Constraint_RelationPredicates{RelationPredicates: &entitygraphv1.PredicateSet{
				Predicates: []string{"predicates/acquires"},
			}},
		}},
	}
	tests := []struct {
		name string
		seq  func(ctx context.Context) func(func(*entitygraphv1.MatchResult, error) bool)
		want []string
	}{
		{
			name: "text",
			seq: func(ctx context.Context) func(func(*entitygraphv1.MatchResult, error) bool) {
				return c.Match(ctx, missionQuery)
			},
			want: mission,
		},
		{
			name: "pattern",
			seq: func(ctx context.Context) func(func(*entitygraphv1.MatchResult, error) bool) {
				return c.MatchPattern(ctx, pattern)
			},
			want: mission,
		},
		{
			name: "limit",
			seq: func(ctx context.Context) func(func(*entitygraphv1.MatchResult, error) bool) {
				return c.Match(ctx, missionQuery, client.WithLimit(1))
			},
			want: mission[:1],
		},
		{
			name: "limit across pages",
			seq: func(ctx context.Context) func(func(*entitygraphv1.MatchResult, error) bool) {
				return c.Match(ctx, "?p LEADS ?org", client.WithPageSize(1), client.WithLimit(2))
			},
			want: nil, // the first two of all, checked below
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := collect(t, tt.seq(t.Context()))
			if tt.want == nil {
				all := collect(t, c.Match(t.Context(), "?p LEADS ?org"))
				if len(all) <= 2 {
					t.Fatalf("?p LEADS ?org has %d results; the test needs more than 2", len(all))
				}
				if diff := cmp.Diff(all[:2], got, protocmp.Transform()); diff != "" {
					t.Errorf("WithLimit(2) over pages of 1 (-want +got):\n%s", diff)
				}
				return
			}
			if diff := cmp.Diff(tt.want, solutions(got)); diff != "" {
				t.Errorf("solutions (-want +got):\n%s", diff)
			}
			for _, r := range got {
				if len(r.GetRelations()) != 1 || len(r.GetRelations()[0].GetEvidence()) == 0 {
					t.Errorf("result %v: want one relation, with evidence", solutions([]*entitygraphv1.MatchResult{r}))
				}
			}
		})
	}
}

func TestMatchPaging(t *testing.T) {
	t.Parallel()
	c := newClient(t)
	for _, query := range []string{missionQuery, "?p LEADS ?org", "?x * ?y"} {
		t.Run(query, func(t *testing.T) {
			t.Parallel()
			one, err := c.MatchPage(t.Context(), &entitygraphv1.MatchRequest{
				Query:    &entitygraphv1.MatchRequest_Text{Text: query},
				PageSize: 1000,
			})
			if err != nil {
				t.Fatal(err)
			}
			if one.GetNextPageToken() != "" || len(one.GetResults()) < 2 {
				t.Fatalf("one big page: %d results, next token %q; want at least 2 and no token", len(one.GetResults()), one.GetNextPageToken())
			}
			paged := collect(t, c.Match(t.Context(), query, client.WithPageSize(1)))
			if diff := cmp.Diff(one.GetResults(), paged, protocmp.Transform()); diff != "" {
				t.Errorf("pages of 1 differ from one page (-one +paged):\n%s", diff)
			}
			// Match reads pages that send each entity and relation once,
			// and expands them: what it yields is the full view's page.
			expanded := collect(t, c.Match(t.Context(), query, client.WithPageSize(1000)))
			if diff := cmp.Diff(one.GetResults(), expanded, protocmp.Transform()); diff != "" {
				t.Errorf("Match's expanded results differ from the full view's (-full +expanded):\n%s", diff)
			}
		})
	}
}

func TestMatchPage(t *testing.T) {
	t.Parallel()
	c := newClient(t)
	req := &entitygraphv1.MatchRequest{Query: &entitygraphv1.MatchRequest_Text{Text: missionQuery}}
	orig := proto.Clone(req)

	plain, err := c.MatchPage(t.Context(), req)
	if err != nil {
		t.Fatal(err)
	}
	if plain.GetPlan() != nil {
		t.Errorf("plan without WithExplain: %v", plain.GetPlan())
	}
	if got, want := plain.GetCanonicalText(), "?who coordinates-against ?deal . ?deal is acquires"; got != want {
		t.Errorf("canonical text = %q, want %q", got, want)
	}

	explained, err := c.MatchPage(t.Context(), req, client.WithExplain(), client.WithLimit(1))
	if err != nil {
		t.Fatal(err)
	}
	if steps := explained.GetPlan().GetSteps(); len(steps) == 0 || steps[0].GetDescription() == "" {
		t.Errorf("plan with WithExplain = %v, want described steps", explained.GetPlan())
	}
	if len(explained.GetResults()) != 1 || explained.GetNextPageToken() == "" {
		t.Errorf("WithLimit(1) gave %d results and token %q, want 1 and a token", len(explained.GetResults()), explained.GetNextPageToken())
	}
	if !proto.Equal(req, orig) {
		t.Errorf("MatchPage changed the caller's request to %v", req)
	}

	req.PageToken = explained.GetNextPageToken()
	req.PageSize = 1
	next, err := c.MatchPage(t.Context(), req)
	if err != nil {
		t.Fatal(err)
	}
	if got := solutions(append(explained.GetResults(), next.GetResults()...)); len(got) != 2 || got[0] == got[1] {
		t.Errorf("two pages of 1 = %v, want the two solutions", got)
	}

	_, err = c.MatchPage(t.Context(), &entitygraphv1.MatchRequest{Query: &entitygraphv1.MatchRequest_Text{Text: "?who frobnicates ?x"}})
	if status.Code(err) != codes.InvalidArgument {
		t.Errorf("unknown predicate: error = %v, want InvalidArgument", err)
	}
}

func TestFindPaths(t *testing.T) {
	t.Parallel()
	c := newClient(t)
	tests := []struct {
		name      string
		from, to  string
		opts      []client.PathOption
		wantPaths int // exactly; -1 means at least one
		wantHops  int // of the first path, if set
		wantCode  codes.Code
	}{
		{name: "person to company", from: "people/chey-tae-won", to: "organizations/kioxia", wantPaths: -1, wantHops: 3},
		{name: "max paths", from: "people/chey-tae-won", to: "organizations/kioxia", opts: []client.PathOption{client.WithMaxPaths(1)}, wantPaths: 1, wantHops: 3},
		{name: "too few hops", from: "people/chey-tae-won", to: "organizations/kioxia", opts: []client.PathOption{client.WithMaxHops(2)}, wantPaths: 0},
		{name: "predicates", from: "people/chey-tae-won", to: "organizations/kioxia", opts: []client.PathOption{client.WithPredicates("predicates/leads")}, wantPaths: 0},
		{name: "outgoing only", from: "organizations/kioxia", to: "organizations/western-digital", opts: []client.PathOption{client.WithDirection(entitygraphv1.Direction_DIRECTION_OUTGOING), client.WithMaxHops(1)}, wantPaths: 0},
		{name: "incoming", from: "organizations/kioxia", to: "organizations/western-digital", opts: []client.PathOption{client.WithDirection(entitygraphv1.Direction_DIRECTION_INCOMING), client.WithMaxHops(1)}, wantPaths: 1, wantHops: 1},
		{name: "relation endpoint", from: bidName, to: samsungName, wantPaths: -1, wantHops: 1},
		{name: "unknown node", from: "people/nobody", to: "organizations/kioxia", wantCode: codes.NotFound},
		{name: "budget", from: "people/chey-tae-won", to: "organizations/kioxia", opts: []client.PathOption{client.WithEdgeBudget(3)}, wantCode: codes.ResourceExhausted},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			paths, err := c.FindPaths(t.Context(), tt.from, tt.to, tt.opts...)
			if code := status.Code(err); code != tt.wantCode {
				t.Fatalf("FindPaths(%s, %s) error = %v, want code %v", tt.from, tt.to, err, tt.wantCode)
			}
			if err != nil {
				return
			}
			if (tt.wantPaths < 0 && len(paths) == 0) || (tt.wantPaths >= 0 && len(paths) != tt.wantPaths) {
				t.Fatalf("FindPaths(%s, %s) gave %d paths, want %d (-1: some)", tt.from, tt.to, len(paths), tt.wantPaths)
			}
			if tt.wantHops > 0 && len(paths[0].GetHops()) != tt.wantHops {
				t.Errorf("first path has %d hops, want %d", len(paths[0].GetHops()), tt.wantHops)
			}
			for i, p := range paths {
				nodes, hops := p.GetNodes(), p.GetHops()
				if len(nodes) != len(hops)+1 || nodes[0] != tt.from || nodes[len(nodes)-1] != tt.to {
					t.Errorf("path %d: nodes %v for %d hops, want %d nodes from %s to %s", i, nodes, len(hops), len(hops)+1, tt.from, tt.to)
					continue
				}
				for j, h := range hops {
					if h.GetSource() != nodes[j] || h.GetTarget() != nodes[j+1] {
						t.Errorf("path %d hop %d goes %s → %s, want %s → %s", i, j, h.GetSource(), h.GetTarget(), nodes[j], nodes[j+1])
					}
					if len(h.GetRelation().GetEvidence()) == 0 || h.GetReading() == "" {
						t.Errorf("path %d hop %d (%s): want a relation with evidence and a reading", i, j, h.GetRelation().GetName())
					}
				}
			}
		})
	}
}

func TestTraverse(t *testing.T) {
	t.Parallel()
	c := newClient(t)
	items := collect(t, c.Traverse(t.Context(), []string{"organizations/kioxia"}, client.WithMaxDepth(1)))
	if len(items) < 3 {
		t.Fatalf("got %d items, want the start and what is one hop away", len(items))
	}
	first := items[0]
	if first.GetEntity().GetName() != "organizations/kioxia" || first.GetDepth() != 0 || first.GetVia() != nil {
		t.Errorf("first item = %v, want Kioxia at depth 0 with no via", first)
	}
	var reached []string
	for _, it := range items[1:] {
		if it.GetDepth() != 1 || it.GetVia() == nil {
			t.Errorf("item %v: want depth 1 and a via hop", it)
		}
		if e := it.GetEntity(); e != nil {
			reached = append(reached, e.GetName())
		}
	}
	for _, want := range []string{"organizations/western-digital", "organizations/japan"} {
		if !slices.Contains(reached, want) {
			t.Errorf("entities reached = %v, want %s among them", reached, want)
		}
	}

	tests := []struct {
		name      string
		start     []string
		opts      []client.TraverseOption
		wantItems int
		check     func(t *testing.T, it *entitygraphv1.TraverseResponse)
		wantCode  codes.Code
	}{
		{name: "limit", start: []string{"organizations/kioxia"}, opts: []client.TraverseOption{client.WithLimit(3)}, wantItems: 3},
		{
			name: "predicates", start: []string{"organizations/kioxia"},
			opts: []client.TraverseOption{client.WithPredicates("predicates/acquires"), client.WithMaxDepth(1)},
			check: func(t *testing.T, it *entitygraphv1.TraverseResponse) {
				if v := it.GetVia(); v != nil && v.GetRelation().GetPredicate() != "predicates/acquires" {
					t.Errorf("followed %s, want ACQUIRES only", v.GetRelation().GetName())
				}
			},
		},
		{
			name: "outgoing", start: []string{"organizations/kioxia"},
			opts: []client.TraverseOption{client.WithDirection(entitygraphv1.Direction_DIRECTION_OUTGOING), client.WithMaxDepth(1)},
			check: func(t *testing.T, it *entitygraphv1.TraverseResponse) {
				if k := it.GetVia().GetKind(); k == entitygraphv1.HopKind_HOP_KIND_BACKWARD {
					t.Errorf("hop %v is backward, want outgoing only", it.GetVia())
				}
			},
		},
		{name: "two starts", start: []string{"organizations/kioxia", "people/chey-tae-won"}, opts: []client.TraverseOption{client.WithMaxDepth(1), client.WithLimit(2)}, wantItems: 2},
		{name: "unknown start", start: []string{"organizations/nope"}, wantCode: codes.NotFound},
		{name: "budget", start: []string{"organizations/kioxia"}, opts: []client.TraverseOption{client.WithEdgeBudget(2), client.WithMaxDepth(3)}, wantCode: codes.ResourceExhausted},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var got []*entitygraphv1.TraverseResponse
			var errs []error
			for it, err := range c.Traverse(t.Context(), tt.start, tt.opts...) {
				if err != nil {
					errs = append(errs, err)
					continue
				}
				got = append(got, it)
			}
			if tt.wantCode != codes.OK {
				if len(errs) != 1 || status.Code(errs[0]) != tt.wantCode {
					t.Fatalf("errors = %v, want one with code %v", errs, tt.wantCode)
				}
				return
			}
			if len(errs) > 0 {
				t.Fatalf("errors = %v", errs)
			}
			if tt.wantItems > 0 && len(got) != tt.wantItems {
				t.Errorf("got %d items, want %d", len(got), tt.wantItems)
			}
			if len(got) == 0 {
				t.Fatal("no items")
			}
			for _, it := range got {
				if tt.check != nil {
					tt.check(t, it)
				}
			}
		})
	}
}

// TestTraverseBreakCancels checks that leaving the loop early cancels the
// stream: the context the call ran under, as a client interceptor sees it,
// is done once the loop is over.
func TestTraverseBreakCancels(t *testing.T) {
	t.Parallel()
	var (
		mu     sync.Mutex
		stream context.Context
	)
	record := func(ctx context.Context, desc *grpc.StreamDesc, cc *grpc.ClientConn, method string, streamer grpc.Streamer, opts ...grpc.CallOption) (grpc.ClientStream, error) {
		mu.Lock()
		stream = ctx
		mu.Unlock()
		return streamer(ctx, desc, cc, method, opts...)
	}
	c, err := client.Dial(servertest.Start(t), client.WithDialOptions(grpc.WithStreamInterceptor(record)))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()

	var n int
	for _, err := range c.Traverse(t.Context(), []string{"organizations/kioxia"}, client.WithMaxDepth(3)) {
		if err != nil {
			t.Fatal(err)
		}
		if n++; n == 2 {
			break
		}
	}
	if n != 2 {
		t.Fatalf("got %d items before break, want 2", n)
	}
	mu.Lock()
	defer mu.Unlock()
	if stream == nil || !errors.Is(stream.Err(), context.Canceled) {
		t.Errorf("after break, the stream's context error = %v, want context.Canceled", stream.Err())
	}
	if t.Context().Err() != nil {
		t.Error("break cancelled the caller's context")
	}
}

func TestBudgetExceeded(t *testing.T) {
	t.Parallel()
	c := newClient(t)
	var matchErr error
	for _, err := range c.Match(t.Context(), "?a * ?b . ?b * ?c", client.WithEdgeBudget(5)) {
		matchErr = err
	}
	_, askErr := c.Ask(t.Context(), missionQuestion, client.WithEdgeBudget(1))
	_, notFound := c.FindPaths(t.Context(), "people/nobody", "organizations/kioxia")

	rateLimited, err := status.New(codes.ResourceExhausted, "slow down").WithDetails(
		&errdetails.QuotaFailure{Violations: []*errdetails.QuotaFailure_Violation{{Subject: "client:127.0.0.1"}}},
		&errdetails.ErrorInfo{Reason: "RATE_LIMITED", Domain: "entitygraph.v1"},
	)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		err  error
		want bool
	}{
		{name: "match over budget", err: matchErr, want: true},
		{name: "ask over budget", err: askErr, want: true},
		{name: "wrapped twice", err: fmt.Errorf("outer: %w", matchErr), want: true},
		{name: "nil", err: nil},
		{name: "not found", err: notFound},
		{name: "bare resource exhausted", err: status.Error(codes.ResourceExhausted, "too big")},
		{name: "rate limited", err: rateLimited.Err()},
		{name: "plain error", err: errors.New("max_edges_visited")},
	}
	for _, tt := range tests {
		if got := client.BudgetExceeded(tt.err); got != tt.want {
			t.Errorf("%s: BudgetExceeded(%v) = %v, want %v", tt.name, tt.err, got, tt.want)
		}
	}
	if status.Code(matchErr) != codes.ResourceExhausted {
		t.Errorf("Match over budget: code = %v, want ResourceExhausted", status.Code(matchErr))
	}
}
