package client_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
	"google.golang.org/grpc/test/bufconn"
	"google.golang.org/protobuf/proto"

	"github.com/entitygraph/entitygraph/client"
	entitygraphv1 "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/server/servertest"
)

// newClient returns a client of a real server over bufconn, loaded with the
// seed graph.
func newClient(t *testing.T) *client.Client {
	t.Helper()
	return client.New(servertest.Dial(t))
}

func TestResolve(t *testing.T) {
	t.Parallel()
	c := newClient(t)
	tests := []struct {
		name     string
		ref      string
		want     string     // resource name; "" when an error is expected
		wantCode codes.Code // for errors with a status
	}{
		{name: "display name", ref: "Kioxia", want: "organizations/kioxia"},
		{name: "lower case with spaces for hyphen", ref: "chey tae won", want: "people/chey-tae-won"},
		{name: "hangul alias", ref: "최태원", want: "people/chey-tae-won"},
		{name: "katakana alias", ref: "キオクシア", want: "organizations/kioxia"},
		{name: "abbreviation", ref: "Samsung", want: "organizations/samsung-electronics"},
		{name: "punctuated abbreviation", ref: "U.S.", want: "organizations/united-states"},
		{name: "surrounding space", ref: "  SK Group ", want: "organizations/sk-group"},
		{name: "one fuzzy match", ref: "Kioxa", want: "organizations/kioxia"},
		{name: "resource name", ref: "people/howard-lutnick", want: "people/howard-lutnick"},
		{name: "unknown resource name", ref: "organizations/no-such-company", wantCode: codes.NotFound},
		{name: "unknown name", ref: "Zyzzyvaqx", wantCode: codes.NotFound},
		{name: "empty", ref: " ", wantCode: codes.InvalidArgument},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := c.Resolve(t.Context(), tt.ref)
			if tt.want == "" {
				if code := status.Code(err); code != tt.wantCode {
					t.Fatalf("Resolve(%q) = %v, %v; want code %v", tt.ref, got.GetName(), err, tt.wantCode)
				}
				return
			}
			if err != nil {
				t.Fatalf("Resolve(%q) error: %v", tt.ref, err)
			}
			if name := got.GetName(); name != tt.want {
				t.Errorf("Resolve(%q) = %s, want %s", tt.ref, name, tt.want)
			}
		})
	}
}

func TestResolveAmbiguous(t *testing.T) {
	t.Parallel()
	c := newClient(t)
	// "United" starts the names of several countries and matches none
	// exactly.
	_, err := c.Resolve(t.Context(), "United")
	var amb *client.AmbiguousError
	if !errors.As(err, &amb) {
		t.Fatalf("Resolve(United) error = %v, want an *AmbiguousError", err)
	}
	if amb.Ref != "United" {
		t.Errorf("Ref = %q, want %q", amb.Ref, "United")
	}
	var names []string
	for _, cand := range amb.Candidates {
		names = append(names, cand.Name)
		if cand.DisplayName == "" || cand.MatchedText == "" {
			t.Errorf("candidate %+v lacks a display name or matched text", cand)
		}
	}
	for _, want := range []string{"organizations/united-states", "organizations/united-kingdom"} {
		if !slices.Contains(names, want) {
			t.Errorf("candidates = %v, want %s among them", names, want)
		}
	}
	if len(slices.Compact(slices.Sorted(slices.Values(names)))) != len(names) {
		t.Errorf("candidates = %v, want each entity once", names)
	}
}

// relationNames collects the names ListRelations yields, failing on error.
func relationNames(t *testing.T, c *client.Client, filter client.RelationFilter) []string {
	t.Helper()
	var names []string
	for rel, err := range c.ListRelations(t.Context(), filter) {
		if err != nil {
			t.Fatalf("ListRelations(%+v): %v", filter, err)
		}
		names = append(names, rel.GetName())
	}
	return names
}

func TestListRelationsPages(t *testing.T) {
	t.Parallel()
	c := newClient(t)
	tests := []struct {
		name   string
		filter client.RelationFilter
		min    int // at least this many relations, so that pages of 2 are several
		want   string
	}{
		{name: "all", min: 5, want: "relations/western-digital-bid-for-kioxia"},
		{name: "endpoint", filter: client.RelationFilter{Endpoint: "organizations/kioxia"}, min: 3, want: "relations/western-digital-bid-for-kioxia"},
		{name: "subject", filter: client.RelationFilter{Subject: "organizations/samsung-electronics"}, min: 3, want: "relations/samsung-coordinates-against-western-digital-bid"},
		{
			name: "object and predicate",
			filter: client.RelationFilter{
				Object:     "relations/western-digital-bid-for-kioxia",
				Predicates: []string{"predicates/coordinates-against", "predicates/opposes"},
			},
			min:  3,
			want: "relations/sk-group-coordinates-against-western-digital-bid",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			big := tt.filter
			big.PageSize = 1000
			want := relationNames(t, c, big)
			if len(want) < tt.min || !slices.Contains(want, tt.want) {
				t.Fatalf("one page of %+v = %v, want at least %d relations including %s", big, want, tt.min, tt.want)
			}

			small := tt.filter
			small.PageSize = 2
			first, err := c.ListRelationsPage(t.Context(), small, "")
			if err != nil {
				t.Fatalf("ListRelationsPage: %v", err)
			}
			if len(first.GetRelations()) != 2 || first.GetNextPageToken() == "" {
				t.Fatalf("first page of 2 has %d relations and next token %q, want 2 and a token", len(first.GetRelations()), first.GetNextPageToken())
			}
			if int(first.GetTotalSize()) != len(want) {
				t.Errorf("total_size = %d, want %d", first.GetTotalSize(), len(want))
			}

			got := relationNames(t, c, small)
			if !slices.Equal(got, want) {
				t.Errorf("pages of 2 gave\n%v\nwant\n%v", got, want)
			}

			// The shape alone: the same relations, without evidence.
			shape := big
			shape.ShapeOnly = true
			for r, err := range c.ListRelations(t.Context(), shape) {
				if err != nil {
					t.Fatal(err)
				}
				if r.GetPredicate() == "" || len(r.GetEvidence()) > 0 || r.GetQualifiers() != nil {
					t.Fatalf("ShapeOnly relation = %v, want its name, ends, predicate and summary alone", r)
				}
			}
			if got := relationNames(t, c, shape); !slices.Equal(got, want) {
				t.Errorf("ShapeOnly gave\n%v\nwant\n%v", got, want)
			}
		})
	}
}

func TestListRelationsStopsEarly(t *testing.T) {
	t.Parallel()
	c := newClient(t)
	var got int
	for _, err := range c.ListRelations(t.Context(), client.RelationFilter{PageSize: 2}) {
		if err != nil {
			t.Fatal(err)
		}
		got++
		if got == 3 {
			break
		}
	}
	if got != 3 {
		t.Errorf("got %d relations before break, want 3", got)
	}
}

func TestListRelationsError(t *testing.T) {
	t.Parallel()
	c := newClient(t)
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	var errs []error
	for rel, err := range c.ListRelations(ctx, client.RelationFilter{}) {
		if rel != nil {
			t.Errorf("got relation %s, want none", rel.GetName())
		}
		errs = append(errs, err)
	}
	if len(errs) != 1 || status.Code(errs[0]) != codes.Canceled {
		t.Errorf("errors = %v, want one Canceled", errs)
	}
}

func TestGetEntity(t *testing.T) {
	t.Parallel()
	c := newClient(t)
	tests := []struct {
		name            string
		wantType        string
		wantDisplayName string
		wantCode        codes.Code
	}{
		{name: "organizations/kioxia", wantType: "organization", wantDisplayName: "Kioxia"},
		{name: "people/chey-tae-won", wantType: "person", wantDisplayName: "Chey Tae-won"},
		{name: "organizations/united-states", wantType: "organization", wantDisplayName: "United States"},
		{name: "organizations/nope", wantCode: codes.NotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := c.GetEntity(t.Context(), tt.name)
			if code := status.Code(err); code != tt.wantCode {
				t.Fatalf("GetEntity(%s) error = %v, want code %v", tt.name, err, tt.wantCode)
			}
			if err != nil {
				return
			}
			if n, ty, dn := got.GetName(), got.GetType(), got.GetDisplayName(); n != tt.name || ty != tt.wantType || dn != tt.wantDisplayName {
				t.Errorf("GetEntity(%s) = (%s, %s, %s), want (%s, %s, %s)", tt.name, n, ty, dn, tt.name, tt.wantType, tt.wantDisplayName)
			}
		})
	}
}

func TestGetEntityRoles(t *testing.T) {
	t.Parallel()
	c := newClient(t)
	e, err := c.GetEntity(t.Context(), "people/chey-tae-won")
	if err != nil {
		t.Fatal(err)
	}
	var found bool
	for _, r := range e.GetRoles() {
		if r.GetTitle() == "Chairman" && r.GetOrganization() == "organizations/sk-group" {
			found = true
		}
	}
	if !found {
		t.Errorf("roles = %v, want Chairman of organizations/sk-group", e.GetRoles())
	}
}

func TestBatchGetEntities(t *testing.T) {
	t.Parallel()
	c := newClient(t)
	names := []string{"people/howard-lutnick", "organizations/kioxia", "organizations/western-digital"}
	got, err := c.BatchGetEntities(t.Context(), names)
	if err != nil {
		t.Fatal(err)
	}
	var gotNames []string
	for _, e := range got {
		gotNames = append(gotNames, e.GetName())
	}
	if !slices.Equal(gotNames, names) {
		t.Errorf("BatchGetEntities(%v) = %v, want the same order", names, gotNames)
	}

	_, err = c.BatchGetEntities(t.Context(), []string{"organizations/kioxia", "people/nobody"})
	if code := status.Code(err); code != codes.NotFound {
		t.Errorf("BatchGetEntities with a missing name: error = %v, want NotFound", err)
	}
}

func TestSearch(t *testing.T) {
	t.Parallel()
	c := newClient(t)
	tests := []struct {
		name      string
		query     string
		opts      []client.SearchOption
		wantFirst string
		wantKind  entitygraphv1.MatchKind
		wantType  string // every result has this type, if set
		maxLen    int    // at most this many results, if set
	}{
		{name: "exact", query: "Western Digital", wantFirst: "organizations/western-digital", wantKind: entitygraphv1.MatchKind_MATCH_KIND_EXACT},
		{name: "hangul", query: "최태원", wantFirst: "people/chey-tae-won", wantKind: entitygraphv1.MatchKind_MATCH_KIND_EXACT},
		{name: "prefix", query: "Kiox", wantFirst: "organizations/kioxia", wantKind: entitygraphv1.MatchKind_MATCH_KIND_PREFIX},
		{name: "fuzzy", query: "Lutnik", wantFirst: "people/howard-lutnick", wantKind: entitygraphv1.MatchKind_MATCH_KIND_FUZZY},
		{name: "limit", query: "United", opts: []client.SearchOption{client.WithLimit(1)}, maxLen: 1},
		{name: "type", query: "Seoul", opts: []client.SearchOption{client.WithTypes("place")}, wantFirst: "places/seoul", wantKind: entitygraphv1.MatchKind_MATCH_KIND_EXACT, wantType: "place"},
		{name: "type excludes", query: "Seoul", opts: []client.SearchOption{client.WithTypes("person")}, wantType: "person"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := c.SearchEntities(t.Context(), tt.query, tt.opts...)
			if err != nil {
				t.Fatalf("Search(%q): %v", tt.query, err)
			}
			if tt.wantFirst != "" {
				if len(got) == 0 {
					t.Fatalf("Search(%q) found nothing, want %s first", tt.query, tt.wantFirst)
				}
				if name, kind := got[0].GetEntity().GetName(), got[0].GetMatchKind(); name != tt.wantFirst || kind != tt.wantKind {
					t.Errorf("Search(%q) first = %s (%v), want %s (%v)", tt.query, name, kind, tt.wantFirst, tt.wantKind)
				}
			}
			if tt.maxLen > 0 && len(got) > tt.maxLen {
				t.Errorf("Search(%q) gave %d results, want at most %d", tt.query, len(got), tt.maxLen)
			}
			if tt.wantType != "" {
				for _, r := range got {
					if ty := r.GetEntity().GetType(); ty != tt.wantType {
						t.Errorf("Search(%q) gave %s of type %s, want %s", tt.query, r.GetEntity().GetName(), ty, tt.wantType)
					}
				}
			}
		})
	}
}

func TestSearchMaxEditsOff(t *testing.T) {
	t.Parallel()
	c := newClient(t)
	got, err := c.SearchEntities(t.Context(), "Lutnik", client.WithMaxEdits(-1))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range got {
		if r.GetMatchKind() == entitygraphv1.MatchKind_MATCH_KIND_FUZZY {
			t.Errorf("with fuzzy matching off, got fuzzy match %q", r.GetMatchedText())
		}
	}
}

func TestSearchNamesOnly(t *testing.T) {
	t.Parallel()
	c := newClient(t)
	got, err := c.SearchEntities(t.Context(), "Kioxia", client.WithNamesOnly())
	if err != nil || len(got) == 0 {
		t.Fatalf("SearchEntities(Kioxia, names only) = %v, %v", got, err)
	}
	e := got[0].GetEntity()
	if e.GetName() != "organizations/kioxia" || e.GetDisplayName() != "Kioxia" || len(e.GetAliases()) > 0 || e.GetDescription() != "" {
		t.Errorf("names-only result = %v; want the name, display name and type alone", e)
	}
}

func TestGetRelation(t *testing.T) {
	t.Parallel()
	c := newClient(t)
	rel, err := c.GetRelation(t.Context(), "relations/western-digital-bid-for-kioxia")
	if err != nil {
		t.Fatal(err)
	}
	if rel.GetSubject() != "organizations/western-digital" || rel.GetObject() != "organizations/kioxia" || rel.GetPredicate() != "predicates/acquires" {
		t.Errorf("got %s %v %s, want organizations/western-digital ACQUIRES organizations/kioxia", rel.GetSubject(), rel.GetPredicate(), rel.GetObject())
	}
	if rel.GetSummary() == "" || len(rel.GetEvidence()) == 0 {
		t.Errorf("got summary %q and %d evidence, want both", rel.GetSummary(), len(rel.GetEvidence()))
	}
	if _, err := c.GetRelation(t.Context(), "relations/nope"); status.Code(err) != codes.NotFound {
		t.Errorf("GetRelation(relations/nope) error = %v, want NotFound", err)
	}
}

func TestVocabulary(t *testing.T) {
	t.Parallel()
	c := newClient(t)
	preds, err := c.Predicates(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if len(preds) < 20 || !slices.IsSortedFunc(preds, func(a, b *entitygraphv1.Predicate) int { return strings.Compare(a.GetName(), b.GetName()) }) {
		t.Errorf("got %d predicates, want the seed vocabulary's in name order", len(preds))
	}
	p, err := c.Predicate(t.Context(), "predicates/coordinates-against")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(p.GetImplies(), "predicates/opposes") {
		t.Errorf("coordinates-against implies %v, want predicates/opposes among them", p.GetImplies())
	}
	if i := slices.IndexFunc(preds, func(q *entitygraphv1.Predicate) bool { return q.GetName() == p.GetName() }); i < 0 || !proto.Equal(preds[i], p) {
		t.Errorf("Predicates and Predicate disagree on %s", p.GetName())
	}
	kinds, err := c.Kinds(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	k, err := c.Kind(t.Context(), "kinds/company")
	if err != nil {
		t.Fatal(err)
	}
	if k.GetEntityType() != "organization" || !slices.ContainsFunc(kinds, func(x *entitygraphv1.Kind) bool { return x.GetName() == "kinds/company" }) {
		t.Errorf("kinds/company = %v, in list %d kinds", k, len(kinds))
	}
	if _, err := c.Predicate(t.Context(), "predicates/buys"); status.Code(err) != codes.NotFound {
		t.Errorf("Predicate(predicates/buys) error = %v, want NotFound", err)
	}
}

func TestDocuments(t *testing.T) {
	t.Parallel()
	c := newClient(t)
	const name = "documents/korea-japan-economic-alliance"
	docs, err := c.ListDocuments(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(docs, func(d *entitygraphv1.Document) bool { return d.GetName() == name }) {
		t.Errorf("ListDocuments lacks %s", name)
	}
	for _, d := range docs {
		if d.GetText() != "" {
			t.Errorf("ListDocuments returned the text of %s", d.GetName())
		}
	}

	basic, err := c.GetDocument(t.Context(), name, false)
	if err != nil {
		t.Fatal(err)
	}
	if basic.GetText() != "" {
		t.Errorf("GetDocument(full=false) returned the text")
	}
	full, err := c.GetDocument(t.Context(), name, true)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256([]byte(full.GetText()))
	if got, want := full.GetSha256(), hex.EncodeToString(sum[:]); got != want {
		t.Errorf("sha256 = %s, want %s (of the text)", got, want)
	}
	if got, want := int(full.GetCharCount()), utf8.RuneCountInString(full.GetText()); got != want || got == 0 {
		t.Errorf("char_count = %d, want %d", got, want)
	}

	if _, err := c.GetDocument(t.Context(), "documents/nope", false); status.Code(err) != codes.NotFound {
		t.Errorf("GetDocument(documents/nope) error = %v, want NotFound", err)
	}
}

func TestDial(t *testing.T) {
	t.Parallel()
	c, err := client.Dial(servertest.Start(t))
	if err != nil {
		t.Fatal(err)
	}
	e, err := c.Resolve(t.Context(), "Kioxia")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := e.GetName(), "organizations/kioxia"; got != want {
		t.Errorf("Resolve(Kioxia) = %s, want %s", got, want)
	}
	if err := c.Close(); err != nil {
		t.Errorf("Close: %v", err)
	}
	if _, err := c.GetEntity(t.Context(), "organizations/kioxia"); status.Code(err) != codes.Canceled {
		t.Errorf("GetEntity after Close: error = %v, want Canceled", err)
	}
}

func TestDialUnreachable(t *testing.T) {
	t.Parallel()
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := lis.Addr().String()
	lis.Close()

	c, err := client.Dial(addr)
	if err != nil {
		t.Fatalf("Dial(%s): %v; want the error on the first call", addr, err)
	}
	defer c.Close()
	if _, err := c.GetEntity(t.Context(), "organizations/kioxia"); status.Code(err) != codes.Unavailable {
		t.Errorf("GetEntity on a closed port: error = %v, want Unavailable", err)
	}
}

func TestNewLeavesConnectionOpen(t *testing.T) {
	t.Parallel()
	cc := servertest.Dial(t)
	if err := client.New(cc).Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if _, err := client.New(cc).GetEntity(t.Context(), "organizations/kioxia"); err != nil {
		t.Errorf("GetEntity on the caller's connection after Close: %v", err)
	}
}

// TestWithBearerToken checks the metadata a server sees. The server is a
// bare gRPC server that records the headers of any call and fails it; it
// stands in for no code of ours.
func TestWithBearerToken(t *testing.T) {
	t.Parallel()
	lis := bufconn.Listen(1 << 16)
	got := make(chan metadata.MD, 1)
	srv := grpc.NewServer(grpc.UnknownServiceHandler(func(_ any, stream grpc.ServerStream) error {
		// The client's health check (ServiceConfig) is answered
		// Unimplemented, which gRPC takes as healthy, and not recorded.
		if m, _ := grpc.MethodFromServerStream(stream); !strings.HasPrefix(m, "/grpc.health.") {
			md, _ := metadata.FromIncomingContext(stream.Context())
			got <- md
		}
		return status.Error(codes.Unimplemented, "recorder")
	}))
	go srv.Serve(lis)
	t.Cleanup(srv.Stop)

	c, err := client.Dial("passthrough:///bufnet",
		client.WithBearerToken("s3cret"),
		client.WithDialOptions(grpc.WithContextDialer(func(ctx context.Context, _ string) (net.Conn, error) {
			return lis.DialContext(ctx)
		})))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if _, err := c.GetEntity(t.Context(), "organizations/kioxia"); status.Code(err) != codes.Unimplemented {
		t.Fatalf("GetEntity error = %v, want the recorder's Unimplemented", err)
	}
	md := <-got
	if auth, want := md.Get("authorization"), []string{"Bearer s3cret"}; !slices.Equal(auth, want) {
		t.Errorf("authorization = %q, want %q", auth, want)
	}
}

// TestLinkEntitiesLongText links a text longer than one call takes: the
// SDK sends it in parts and every mention's offsets are into the whole
// text.
func TestLinkEntitiesLongText(t *testing.T) {
	t.Parallel()
	c := newClient(t)
	para := "최태원 of SK Group said Kioxia’s buyer was Western Digital, not Priya Raman.\n"
	one, err := c.LinkEntities(t.Context(), para)
	if err != nil {
		t.Fatal(err)
	}
	if len(one.Mentions) != 5 {
		t.Fatalf("LinkEntities(%q) = %d mentions, want 5: %v", para, len(one.Mentions), one.Mentions)
	}
	text := strings.Repeat(para, 2000) // about 150 KB: three calls
	got, err := c.LinkEntities(t.Context(), text, client.LinkNamesOnly())
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Mentions) != 2000*len(one.Mentions) {
		t.Fatalf("LinkEntities(%d bytes) = %d mentions, want %d", len(text), len(got.Mentions), 2000*len(one.Mentions))
	}
	runes := []rune(text)
	for i, m := range got.Mentions {
		want := one.Mentions[i%len(one.Mentions)]
		if text[m.GetStartByte():m.GetEndByte()] != want.GetText() || string(runes[m.GetStartChar():m.GetEndChar()]) != want.GetText() {
			t.Fatalf("mention %d %q: bytes %d-%d and chars %d-%d of the whole text hold something else",
				i, want.GetText(), m.GetStartByte(), m.GetEndByte(), m.GetStartChar(), m.GetEndChar())
		}
		for _, cand := range m.GetCandidates() {
			if e := got.Entities[cand.GetEntity()]; e.GetDisplayName() == "" || len(e.GetAliases()) > 0 {
				t.Fatalf("entity %s: %v, want it in the basic view", cand.GetEntity(), e)
			}
		}
	}
}
