package service_test

import (
	"context"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"
	"time"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"

	sdk "github.com/entitygraph/entitygraph/client"
	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/server/apierr"
	"github.com/entitygraph/entitygraph/server/servertest"
)

func queryClient(t *testing.T) pb.QueryServiceClient {
	t.Helper()
	return pb.NewQueryServiceClient(servertest.Dial(t))
}

func bindingName(b *pb.Binding) string {
	if r := b.GetRelation(); r != nil {
		return r.GetName()
	}
	e := b.GetEntity()
	return e.GetName()
}

const theQuote = "Korean firms quietly coordinated with their Japanese counterparts and government officials, and the deal ultimately fell through."

func TestAskMissionQuestion(t *testing.T) {
	t.Parallel()
	c := queryClient(t)
	resp, err := c.Ask(context.Background(), &pb.AskRequest{Question: "Who coordinated against which acquisition?"})
	if err != nil {
		t.Fatalf("Ask() error = %v", err)
	}
	var who []string
	for _, r := range resp.GetResults() {
		who = append(who, bindingName(r.GetBindings()["who"]))
		deal := r.GetBindings()["acquisition"].GetRelation()
		if deal.GetName() != "relations/western-digital-bid-for-kioxia" || deal.GetQualifiers().GetStatus() != pb.RelationStatus_RELATION_STATUS_FAILED {
			t.Errorf("acquisition = %s (%v), want the failed Western Digital bid", deal.GetName(), deal.GetQualifiers().GetStatus())
		}
		var quotes []string
		for _, rel := range r.GetRelations() {
			for _, ev := range rel.GetEvidence() {
				quotes = append(quotes, ev.GetQuote())
			}
		}
		if !slices.Contains(quotes, theQuote) {
			t.Errorf("evidence = %q, want the coordination quote", quotes)
		}
	}
	if want := []string{"organizations/samsung-electronics", "organizations/sk-group"}; !slices.Equal(who, want) {
		t.Errorf("who = %v, want %v", who, want)
	}
	if resp.GetQuery() != "?who coordinates-against ?acquisition . ?acquisition is acquires" || resp.GetInterpretation() == "" || len(resp.GetAnswers()) != 2 {
		t.Errorf("query %q, interpretation %q, %d answers", resp.GetQuery(), resp.GetInterpretation(), len(resp.GetAnswers()))
	}
	// The equivalent Match gives the same pairs.
	m, err := c.Match(context.Background(), &pb.MatchRequest{Query: &pb.MatchRequest_Text{Text: "?who COORDINATES_AGAINST ?deal . ?deal is an acquisition"}, Explain: true})
	if err != nil {
		t.Fatalf("Match() error = %v", err)
	}
	var matched []string
	for _, r := range m.GetResults() {
		matched = append(matched, bindingName(r.GetBindings()["who"])+" "+bindingName(r.GetBindings()["deal"]))
	}
	want := []string{"organizations/samsung-electronics relations/western-digital-bid-for-kioxia", "organizations/sk-group relations/western-digital-bid-for-kioxia"}
	if !slices.Equal(matched, want) {
		t.Errorf("Match() = %v, want %v", matched, want)
	}
	if len(m.GetPlan().GetSteps()) != 1 || m.GetCanonicalText() == "" {
		t.Errorf("plan = %v, canonical %q", m.GetPlan(), m.GetCanonicalText())
	}
}

func TestAskRefusal(t *testing.T) {
	t.Parallel()
	c := queryClient(t)
	_, err := c.Ask(context.Background(), &pb.AskRequest{Question: "Who ate Kioxia?"})
	st := status.Convert(err)
	if st.Code() != codes.InvalidArgument {
		t.Fatalf("Ask(nonsense) code = %v, want INVALID_ARGUMENT", st.Code())
	}
	var info *errdetails.ErrorInfo
	for _, d := range st.Details() {
		if i, ok := d.(*errdetails.ErrorInfo); ok {
			info = i
		}
	}
	if info.GetReason() != apierr.ReasonNotUnderstood || !strings.Contains(info.GetMetadata()["not_understood"], `"ate"`) ||
		!strings.Contains(info.GetMetadata()["understood"], "organizations/kioxia") {
		t.Errorf("ErrorInfo = %v, want reason %s naming \"ate\" and Kioxia", info, apierr.ReasonNotUnderstood)
	}
}

func TestFindPaths(t *testing.T) {
	t.Parallel()
	c := queryClient(t)
	resp, err := c.FindPaths(context.Background(), &pb.FindPathsRequest{Source: "people/chey-tae-won", Target: "organizations/kioxia", MaxPaths: 5})
	if err != nil {
		t.Fatalf("FindPaths() error = %v", err)
	}
	if len(resp.GetPaths()) == 0 {
		t.Fatal("no path from Chey Tae-won to Kioxia")
	}
	for i, p := range resp.GetPaths() {
		if p.GetNodes()[0] != "people/chey-tae-won" || p.GetNodes()[len(p.GetNodes())-1] != "organizations/kioxia" || len(p.GetNodes()) != len(p.GetHops())+1 {
			t.Errorf("path %d nodes = %v", i, p.GetNodes())
		}
		for _, h := range p.GetHops() {
			if len(h.GetRelation().GetEvidence()) == 0 || h.GetReading() == "" || h.GetKind() == pb.HopKind_HOP_KIND_UNSPECIFIED {
				t.Errorf("path %d hop %s→%s lacks evidence, reading or kind", i, h.GetSource(), h.GetTarget())
			}
		}
		if i > 0 && len(p.GetHops()) < len(resp.GetPaths()[i-1].GetHops()) {
			t.Errorf("paths not shortest first")
		}
	}
}

func TestTraverseStream(t *testing.T) {
	t.Parallel()
	c := queryClient(t)
	stream, err := c.Traverse(context.Background(), &pb.TraverseRequest{Start: []string{"organizations/kioxia"}, MaxDepth: 1})
	if err != nil {
		t.Fatal(err)
	}
	var depths []int32
	first := ""
	for {
		msg, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("Recv() error = %v", err)
		}
		if first == "" {
			first = msg.GetEntity().GetName()
		}
		if msg.GetDepth() > 0 && msg.GetVia() == nil {
			t.Errorf("item at depth %d has no via hop", msg.GetDepth())
		}
		depths = append(depths, msg.GetDepth())
	}
	if first != "organizations/kioxia" || len(depths) < 3 || depths[0] != 0 || slices.Max(depths) != 1 {
		t.Errorf("traverse: first %q, depths %v; want Kioxia at depth 0 then depth-1 items", first, depths)
	}
	// A limit ends the stream early.
	stream, _ = c.Traverse(context.Background(), &pb.TraverseRequest{Start: []string{"organizations/kioxia"}, MaxDepth: 3, Limit: 2})
	n := 0
	for {
		if _, err := stream.Recv(); err != nil {
			break
		}
		n++
	}
	if n != 2 {
		t.Errorf("traverse with limit 2 streamed %d items", n)
	}
}

func TestQueryBudgetExceeded(t *testing.T) {
	t.Parallel()
	c := queryClient(t)
	ctx := context.Background()
	start := time.Now()
	_, err := c.Match(ctx, &pb.MatchRequest{Query: &pb.MatchRequest_Text{Text: "?a * ?b . ?b * ?c . ?c * ?d"}, Limits: &pb.Limits{MaxEdgesVisited: 50}})
	st := status.Convert(err)
	if st.Code() != codes.ResourceExhausted {
		t.Fatalf("Match over budget: code %v (%v), want RESOURCE_EXHAUSTED", st.Code(), err)
	}
	var subject string
	for _, d := range st.Details() {
		if q, ok := d.(*errdetails.QuotaFailure); ok && len(q.GetViolations()) > 0 {
			subject = q.GetViolations()[0].GetSubject()
		}
	}
	if subject != "max_edges_visited" || !strings.Contains(st.Message(), "50") {
		t.Errorf("QuotaFailure subject %q, message %q; want the budget named", subject, st.Message())
	}
	_, err = c.FindPaths(ctx, &pb.FindPathsRequest{Source: "people/chey-tae-won", Target: "organizations/kioxia", Limits: &pb.Limits{MaxEdgesVisited: 3}})
	if status.Code(err) != codes.ResourceExhausted {
		t.Errorf("FindPaths over budget: %v", err)
	}
	if time.Since(start) > 10*time.Second {
		t.Errorf("over-budget queries took %v", time.Since(start))
	}
	// The server keeps serving.
	if _, err := c.Ask(ctx, &pb.AskRequest{Question: "Who leads SK Group?"}); err != nil {
		t.Errorf("Ask after budget errors: %v", err)
	}
}

func TestMatchPaging(t *testing.T) {
	t.Parallel()
	c := queryClient(t)
	ctx := context.Background()
	text := "?x BASED_IN ?country"
	all, err := c.Match(ctx, &pb.MatchRequest{Query: &pb.MatchRequest_Text{Text: text}, PageSize: 1000})
	if err != nil || len(all.GetResults()) < 3 {
		t.Fatalf("Match(all) = %d results, %v", len(all.GetResults()), err)
	}
	var paged []string
	req := &pb.MatchRequest{Query: &pb.MatchRequest_Text{Text: text}, PageSize: 1}
	for i := 0; ; i++ {
		resp, err := c.Match(ctx, req)
		if err != nil || i > 50 {
			t.Fatalf("page %d: %v", i, err)
		}
		for _, r := range resp.GetResults() {
			paged = append(paged, bindingName(r.GetBindings()["x"]))
		}
		if resp.GetNextPageToken() == "" {
			break
		}
		req.PageToken = resp.GetNextPageToken()
	}
	var want []string
	for _, r := range all.GetResults() {
		want = append(want, bindingName(r.GetBindings()["x"]))
	}
	if !slices.Equal(paged, want) {
		t.Errorf("paged %v, want %v", paged, want)
	}
}

func TestQueryBadInput(t *testing.T) {
	t.Parallel()
	c := queryClient(t)
	ctx := context.Background()
	text := func(s string) *pb.MatchRequest_Text { return &pb.MatchRequest_Text{Text: s} }
	tests := []struct {
		name  string
		call  func() error
		field string
	}{
		{"FindPaths no source", func() error {
			_, err := c.FindPaths(ctx, &pb.FindPathsRequest{Target: "organizations/kioxia"})
			return err
		}, "source"},
		{"FindPaths document", func() error {
			_, err := c.FindPaths(ctx, &pb.FindPathsRequest{Source: "documents/x", Target: "organizations/kioxia"})
			return err
		}, "source"},
		{"FindPaths hops", func() error {
			_, err := c.FindPaths(ctx, &pb.FindPathsRequest{Source: "people/chey-tae-won", Target: "organizations/kioxia", MaxHops: 99})
			return err
		}, "max_hops"},
		{"FindPaths budget", func() error {
			_, err := c.FindPaths(ctx, &pb.FindPathsRequest{Source: "people/chey-tae-won", Target: "organizations/kioxia", Limits: &pb.Limits{MaxEdgesVisited: -1}})
			return err
		}, "limits.max_edges_visited"},
		{"FindPaths predicate", func() error {
			_, err := c.FindPaths(ctx, &pb.FindPathsRequest{Source: "people/chey-tae-won", Target: "organizations/kioxia", Predicates: []string{"predicates/frobnicates"}})
			return err
		}, "predicates[0]"},
		{"Match empty", func() error { _, err := c.Match(ctx, &pb.MatchRequest{}); return err }, "query"},
		{"Match syntax", func() error { _, err := c.Match(ctx, &pb.MatchRequest{Query: text("?who FROBS ?x")}); return err }, "text"},
		{"Match pattern", func() error {
			_, err := c.Match(ctx, &pb.MatchRequest{Query: &pb.MatchRequest_Pattern{Pattern: &pb.Pattern{}}})
			return err
		}, "pattern.triples"},
		{"Match page token", func() error {
			_, err := c.Match(ctx, &pb.MatchRequest{Query: text("?a LEADS ?b"), PageToken: "AQE"})
			return err
		}, "page_token"},
		{"Ask page size", func() error {
			_, err := c.Ask(ctx, &pb.AskRequest{Question: "Who leads SK Group?", PageSize: -1})
			return err
		}, "page_size"},
		{"Ask empty", func() error { _, err := c.Ask(ctx, &pb.AskRequest{}); return err }, "question"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			err := tt.call()
			st := status.Convert(err)
			if st.Code() != codes.InvalidArgument {
				t.Fatalf("code = %v (%v), want INVALID_ARGUMENT", st.Code(), err)
			}
			var field string
			for _, d := range st.Details() {
				if br, ok := d.(*errdetails.BadRequest); ok {
					field = br.GetFieldViolations()[0].GetField()
				}
			}
			if field != tt.field {
				t.Errorf("field = %q, want %q", field, tt.field)
			}
		})
	}
	// Syntax errors say where.
	_, err := c.Match(ctx, &pb.MatchRequest{Query: text("?who LEADS")})
	if !strings.Contains(status.Convert(err).Message(), "line 1, column 11") {
		t.Errorf("syntax error message = %q, want the position", status.Convert(err).Message())
	}
	// Unknown names are NOT_FOUND.
	_, err = c.FindPaths(ctx, &pb.FindPathsRequest{Source: "people/nobody", Target: "organizations/kioxia"})
	if status.Code(err) != codes.NotFound {
		t.Errorf("FindPaths(unknown) = %v, want NOT_FOUND", err)
	}
	_, err = c.Match(ctx, &pb.MatchRequest{Query: text("people/nobody LEADS ?x")})
	if status.Code(err) != codes.NotFound {
		t.Errorf("Match(unknown name) = %v, want NOT_FOUND", err)
	}
}

// TestAskVerdictsAndSuggestions checks the yes/no verdict with its deciding
// relations, and that a question the graph cannot answer comes back with
// the closest statements as suggestions — and one it can, without.
func TestAskVerdictsAndSuggestions(t *testing.T) {
	t.Parallel()
	c := queryClient(t)
	ctx := context.Background()
	names := func(rels []*pb.Relation) []string {
		var out []string
		for _, r := range rels {
			out = append(out, r.GetName())
		}
		return out
	}
	tests := []struct {
		question    string
		verdict     pb.Verdict
		deciding    []string
		results     int
		suggestions bool
		answer      string // prefix of the first answer sentence
	}{
		{"Did Western Digital acquire Kioxia?", pb.Verdict_VERDICT_NO, []string{"relations/western-digital-bid-for-kioxia"}, 0, false, "No: Western Digital acquires Kioxia (failed"},
		{"Did Samsung and Sony partner?", pb.Verdict_VERDICT_YES, []string{"relations/samsung-sony-lcd-partnership"}, 1, false, "Yes: Samsung Electronics partners with Sony"},
		{"Did Sony oppose the acquisition?", pb.Verdict_VERDICT_UNKNOWN, nil, 0, true, "Unknown: the graph has no such fact"},
		{"Who acquired Kioxia?", pb.Verdict_VERDICT_UNSPECIFIED, []string{"relations/western-digital-bid-for-kioxia"}, 0, true, "No answer: the graph says only Western Digital acquires Kioxia"},
		{"Who coordinated against which acquisition?", pb.Verdict_VERDICT_UNSPECIFIED, nil, 2, false, "?who = "},
	}
	for _, tt := range tests {
		resp, err := c.Ask(ctx, &pb.AskRequest{Question: tt.question})
		if err != nil {
			t.Errorf("Ask(%q): %v", tt.question, err)
			continue
		}
		if resp.GetVerdict() != tt.verdict || !slices.Equal(names(resp.GetDecidingRelations()), tt.deciding) ||
			len(resp.GetResults()) != tt.results || (len(resp.GetSuggestions()) > 0) != tt.suggestions {
			t.Errorf("Ask(%q) = verdict %v, deciding %v, %d results, %d suggestions; want %v, %v, %d, suggestions %v",
				tt.question, resp.GetVerdict(), names(resp.GetDecidingRelations()), len(resp.GetResults()), len(resp.GetSuggestions()),
				tt.verdict, tt.deciding, tt.results, tt.suggestions)
		}
		if len(resp.GetAnswers()) == 0 || !strings.HasPrefix(resp.GetAnswers()[0], tt.answer) {
			t.Errorf("Ask(%q) answers %q, want the first to start %q", tt.question, resp.GetAnswers(), tt.answer)
		}
		if len(resp.GetSuggestions()) > 3 {
			t.Errorf("Ask(%q) has %d suggestions, want at most 3", tt.question, len(resp.GetSuggestions()))
		}
	}
}

// TestAskSaysWhatItUnderstoodAndSkipped checks that an answered question
// says what each piece was read as, spelling corrections included, and
// which words it skipped.
// TestAskSaysWhenAnswersAreLeftOut checks more_results: set when
// page_size leaves answers out, unset when every answer is there.
func TestAskSaysWhenAnswersAreLeftOut(t *testing.T) {
	t.Parallel()
	c := queryClient(t)
	for _, tt := range []struct {
		pageSize    int32
		results     int
		moreResults bool
	}{{1, 1, true}, {2, 2, false}, {0, 2, false}} {
		resp, err := c.Ask(context.Background(), &pb.AskRequest{Question: "Who opposed the bid?", PageSize: tt.pageSize})
		if err != nil {
			t.Fatal(err)
		}
		if len(resp.GetResults()) != tt.results || len(resp.GetAnswers()) != tt.results || resp.GetMoreResults() != tt.moreResults {
			t.Errorf("page_size %d: %d results, %d answers, more_results %v; want %d, %d, %v", tt.pageSize,
				len(resp.GetResults()), len(resp.GetAnswers()), resp.GetMoreResults(), tt.results, tt.results, tt.moreResults)
		}
	}
}

func TestAskSaysWhatItUnderstoodAndSkipped(t *testing.T) {
	t.Parallel()
	resp, err := queryClient(t).Ask(context.Background(), &pb.AskRequest{Question: "Who quietly teamed up against the Kioxa takeover, ultimately?"})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(resp.GetSkippedWords(), []string{"ultimately"}) {
		t.Errorf("skipped %q, want [ultimately]", resp.GetSkippedWords())
	}
	want := []string{`"Who" = the answer`, `"quietly" = the relation's manner`, `"teamed up against" = coordinates-against`,
		`"Kioxa" = organizations/kioxia (spelling corrected to "Kioxia")`, `"takeover" = a acquires relation`}
	if !slices.Equal(resp.GetUnderstood(), want) {
		t.Errorf("understood %q, want %q", resp.GetUnderstood(), want)
	}
}

// TestMatchReferencesSendEachOnce checks MATCH_VIEW_REFERENCES: a page of a
// chain whose bindings share their entities names them in the results and
// sends each entity and relation once, a fraction of the full view's size,
// and expanded it is the full view's page.
func TestMatchReferencesSendEachOnce(t *testing.T) {
	t.Parallel()
	c := queryClient(t)
	ctx := context.Background()
	const chain = "?a * ?b AS ?r . ?b * ?c . ?c * ?d"
	full, err := c.Match(ctx, &pb.MatchRequest{Query: &pb.MatchRequest_Text{Text: chain}, PageSize: 200})
	if err != nil {
		t.Fatalf("Match, full view: %v", err)
	}
	refs, err := c.Match(ctx, &pb.MatchRequest{Query: &pb.MatchRequest_Text{Text: chain}, PageSize: 200, View: pb.MatchView_MATCH_VIEW_REFERENCES})
	if err != nil {
		t.Fatalf("Match, references view: %v", err)
	}
	if len(full.GetResults()) < 50 || len(refs.GetResults()) != len(full.GetResults()) || refs.GetNextPageToken() != full.GetNextPageToken() {
		t.Fatalf("pages: full %d results (next %q), references %d (next %q); want the same page of at least 50",
			len(full.GetResults()), full.GetNextPageToken(), len(refs.GetResults()), refs.GetNextPageToken())
	}
	if len(full.GetEntities())+len(full.GetRelations()) > 0 {
		t.Errorf("full view: %d entities and %d relations beside the results, want none", len(full.GetEntities()), len(full.GetRelations()))
	}
	sent := map[string]bool{}
	for _, name := range append(names(refs.GetEntities()), names(refs.GetRelations())...) {
		if sent[name] {
			t.Errorf("%s sent twice in one page", name)
		}
		sent[name] = true
	}
	for _, res := range refs.GetResults() {
		for v, b := range res.GetBindings() {
			if e := b.GetEntity(); e != nil && (!proto.Equal(e, &pb.Entity{Name: e.GetName()}) || !sent[e.GetName()]) {
				t.Fatalf("binding ?%s = %v: want the name alone, sent whole beside the results", v, e)
			}
			if r := b.GetRelation(); r != nil && (!proto.Equal(r, &pb.Relation{Name: r.GetName()}) || !sent[r.GetName()]) {
				t.Fatalf("binding ?%s = %v: want the name alone, sent whole beside the results", v, r)
			}
		}
		for _, r := range res.GetRelations() {
			if !proto.Equal(r, &pb.Relation{Name: r.GetName()}) || !sent[r.GetName()] {
				t.Fatalf("result relation %v: want the name alone, sent whole beside the results", r)
			}
		}
	}
	if f, r := proto.Size(full), proto.Size(refs); r*4 > f {
		t.Errorf("references view %d bytes, full view %d: want at most a quarter", r, f)
	} else {
		t.Logf("%d results: full view %d bytes, references view %d (%d entities, %d relations)", len(full.GetResults()), f, r, len(refs.GetEntities()), len(refs.GetRelations()))
	}
	sdk.ExpandReferences(refs)
	for i, res := range refs.GetResults() {
		if !proto.Equal(res, full.GetResults()[i]) {
			t.Fatalf("result %d expanded = %v, want the full view's %v", i, res, full.GetResults()[i])
		}
	}
	_, err = c.Match(ctx, &pb.MatchRequest{Query: &pb.MatchRequest_Text{Text: chain}, View: pb.MatchView(7)})
	if status.Code(err) != codes.InvalidArgument || !strings.Contains(status.Convert(err).Message(), "view") {
		t.Errorf("Match with view 7: %v, want InvalidArgument naming the view", err)
	}
}

// names returns the resource names of msgs.
func names[M interface{ GetName() string }](msgs []M) []string {
	var out []string
	for _, m := range msgs {
		out = append(out, m.GetName())
	}
	return out
}

// TestMatchPageFitsDefaultClient checks that a page of Match results fits
// the 4 MiB a gRPC client receives by default: a cross product whose 1000
// results would encode to more ends early, with a next_page_token that
// goes on where it ended.
func TestMatchPageFitsDefaultClient(t *testing.T) {
	t.Parallel()
	c := queryClient(t) // grpc-go's default: 4 MiB received at most
	ctx := context.Background()
	req := &pb.MatchRequest{Query: &pb.MatchRequest_Text{Text: "?a * ?b . ?c * ?d . ?e * ?f"}, PageSize: 1000}
	first, err := c.Match(ctx, req)
	if err != nil {
		t.Fatalf("Match: %v", err)
	}
	size := proto.Size(first)
	if n := len(first.GetResults()); n == 0 || n >= 1000 || first.GetNextPageToken() == "" || size > 4<<20 {
		t.Fatalf("first page: %d results, %d bytes, next %q; want fewer than 1000, under 4 MiB, and a next page", n, size, first.GetNextPageToken())
	}
	req.PageToken = first.GetNextPageToken()
	second, err := c.Match(ctx, req)
	if err != nil {
		t.Fatalf("Match, second page: %v", err)
	}
	if len(second.GetResults()) == 0 || proto.Equal(second.GetResults()[0], first.GetResults()[0]) {
		t.Errorf("second page: %d results, first the same as the first page's", len(second.GetResults()))
	}
}
