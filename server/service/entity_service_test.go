package service_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/testing/protocmp"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/server/apierr"
	"github.com/entitygraph/entitygraph/server/index"
	"github.com/entitygraph/entitygraph/server/seedtest"
	"github.com/entitygraph/entitygraph/server/servertest"
	"github.com/entitygraph/entitygraph/server/service"
)

func client(t *testing.T) pb.EntityServiceClient {
	t.Helper()
	return pb.NewEntityServiceClient(servertest.Dial(t))
}

func TestGetEntity(t *testing.T) {
	t.Parallel()
	c := client(t)
	var header metadata.MD
	e, err := c.GetEntity(context.Background(), &pb.GetEntityRequest{Name: "people/chey-tae-won"}, grpc.Header(&header))
	if err != nil {
		t.Fatalf("GetEntity() error = %v", err)
	}
	p := e
	if p.GetDisplayName() != "Chey Tae-won" {
		t.Errorf("display name = %q, want Chey Tae-won", p.GetDisplayName())
	}
	var hasHangul bool
	for _, a := range p.GetAliases() {
		hasHangul = hasHangul || (a.GetText() == "최태원" && a.GetLanguage() == "ko")
	}
	if !hasHangul {
		t.Errorf("aliases = %v, want 최태원 (ko)", p.GetAliases())
	}
	if got := header.Get(service.VersionHeader); len(got) != 1 || got[0] != servertest.Index(t).Version() {
		t.Errorf("header %s = %v, want [%s]", service.VersionHeader, got, servertest.Index(t).Version())
	}
}

func TestBatchGetEntities(t *testing.T) {
	t.Parallel()
	c := client(t)
	names := []string{"organizations/kioxia", "people/howard-lutnick", "organizations/kioxia"}
	resp, err := c.BatchGetEntities(context.Background(), &pb.BatchGetEntitiesRequest{Names: names})
	if err != nil {
		t.Fatalf("BatchGetEntities() error = %v", err)
	}
	var got []string
	for _, e := range resp.GetEntities() {
		got = append(got, e.GetName())
	}
	if diff := cmp.Diff(names, got); diff != "" {
		t.Errorf("BatchGetEntities() names (-want +got):\n%s", diff)
	}
}

func TestSearchEntities(t *testing.T) {
	t.Parallel()
	c := client(t)
	tests := []struct {
		query    string
		want     string
		wantKind pb.MatchKind
	}{
		{"Kioxa", "organizations/kioxia", pb.MatchKind_MATCH_KIND_FUZZY},
		{"chey tae won", "people/chey-tae-won", pb.MatchKind_MATCH_KIND_EXACT},
		{"최태원", "people/chey-tae-won", pb.MatchKind_MATCH_KIND_EXACT},
		{"Lutnick", "people/howard-lutnick", pb.MatchKind_MATCH_KIND_EXACT},
		{"US", "organizations/united-states", pb.MatchKind_MATCH_KIND_EXACT},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			t.Parallel()
			resp, err := c.SearchEntities(context.Background(), &pb.SearchEntitiesRequest{Query: tt.query})
			if err != nil {
				t.Fatalf("SearchEntities(%q) error = %v", tt.query, err)
			}
			if len(resp.GetResults()) == 0 {
				t.Fatalf("SearchEntities(%q) = no results, want %s", tt.query, tt.want)
			}
			top := resp.GetResults()[0]
			name := top.GetEntity().GetName()
			if name != tt.want || top.GetMatchKind() != tt.wantKind || top.GetScore() <= 0 || top.GetMatchedText() == "" || top.GetLanguage() == "" {
				t.Errorf("SearchEntities(%q)[0] = %s %v score %v %q/%q, want %s %v with score, text and language", tt.query, name, top.GetMatchKind(), top.GetScore(), top.GetMatchedText(), top.GetLanguage(), tt.want, tt.wantKind)
			}
		})
	}
}

func TestListRelationsPaging(t *testing.T) {
	t.Parallel()
	c := client(t)
	ctx := context.Background()
	all, err := c.ListRelations(ctx, &pb.ListRelationsRequest{Endpoint: "organizations/samsung-electronics", PageSize: 1000})
	if err != nil {
		t.Fatal(err)
	}
	if all.GetNextPageToken() != "" || int(all.GetTotalSize()) != len(all.GetRelations()) || len(all.GetRelations()) < 5 {
		t.Fatalf("one big page: %d relations, total %d, token %q", len(all.GetRelations()), all.GetTotalSize(), all.GetNextPageToken())
	}
	var paged []*pb.Relation
	req := &pb.ListRelationsRequest{Endpoint: "organizations/samsung-electronics", PageSize: 2}
	for pages := 0; ; pages++ {
		if pages > 100 {
			t.Fatal("paging does not end")
		}
		resp, err := c.ListRelations(ctx, req)
		if err != nil {
			t.Fatalf("page %d: %v", pages, err)
		}
		paged = append(paged, resp.GetRelations()...)
		if resp.GetNextPageToken() == "" {
			break
		}
		req.PageToken = resp.GetNextPageToken()
	}
	if diff := cmp.Diff(all.GetRelations(), paged, protocmp.Transform()); diff != "" {
		t.Errorf("pages differ from one big page (-want +got):\n%s", diff)
	}
	// A token is bound to its query.
	first, _ := c.ListRelations(ctx, &pb.ListRelationsRequest{Endpoint: "organizations/samsung-electronics", PageSize: 2})
	_, err = c.ListRelations(ctx, &pb.ListRelationsRequest{Endpoint: "organizations/kioxia", PageToken: first.GetNextPageToken()})
	wantViolation(t, err, "page_token")
}

func TestRelationEvidence(t *testing.T) {
	t.Parallel()
	c := client(t)
	ctx := context.Background()
	doc, err := c.GetDocument(ctx, &pb.GetDocumentRequest{Name: "documents/korea-japan-economic-alliance", View: pb.DocumentView_DOCUMENT_VIEW_FULL})
	if err != nil {
		t.Fatal(err)
	}
	text := []rune(doc.GetText())
	resp, err := c.ListRelations(ctx, &pb.ListRelationsRequest{PageSize: 1000})
	if err != nil {
		t.Fatal(err)
	}
	if len(resp.GetRelations()) == 0 {
		t.Fatal("no relations")
	}
	for _, r := range resp.GetRelations() {
		if len(r.GetEvidence()) == 0 || r.GetSummary() == "" {
			t.Errorf("%s: %d evidence, summary %q", r.GetName(), len(r.GetEvidence()), r.GetSummary())
		}
		for _, ev := range r.GetEvidence() {
			if got := string(text[ev.GetStartChar():ev.GetEndChar()]); got != ev.GetQuote() {
				t.Errorf("%s: text[%d:%d] = %q, want quote %q", r.GetName(), ev.GetStartChar(), ev.GetEndChar(), got, ev.GetQuote())
			}
		}
	}
	bid, err := c.GetRelation(ctx, &pb.GetRelationRequest{Name: "relations/western-digital-bid-for-kioxia"})
	if err != nil {
		t.Fatal(err)
	}
	if bid.GetQualifiers().GetStatus() != pb.RelationStatus_RELATION_STATUS_FAILED || bid.GetQualifiers().GetTime().GetStart() != "2021" {
		t.Errorf("bid qualifiers = %v, want failed in 2021", bid.GetQualifiers())
	}
	against, err := c.ListRelations(ctx, &pb.ListRelationsRequest{Object: bid.GetName(), Predicates: []string{"predicates/coordinates-against"}})
	if err != nil {
		t.Fatal(err)
	}
	var subjects []string
	for _, r := range against.GetRelations() {
		subjects = append(subjects, r.GetSubject())
	}
	if diff := cmp.Diff([]string{"organizations/samsung-electronics", "organizations/sk-group"}, subjects); diff != "" {
		t.Errorf("coordinated against the bid (-want +got):\n%s", diff)
	}
}

func TestDocumentsAndPredicates(t *testing.T) {
	t.Parallel()
	c := client(t)
	ctx := context.Background()
	docs, err := c.ListDocuments(ctx, &pb.ListDocumentsRequest{})
	if err != nil || len(docs.GetDocuments()) != 1 || docs.GetDocuments()[0].GetText() != "" || docs.GetDocuments()[0].GetSha256() == "" {
		t.Fatalf("ListDocuments() = %v, %v; want one document with checksum and no text", docs, err)
	}
	basic, err := c.GetDocument(ctx, &pb.GetDocumentRequest{Name: docs.GetDocuments()[0].GetName()})
	if err != nil || basic.GetText() != "" {
		t.Errorf("GetDocument(basic) = %d chars of text, %v; want none", len(basic.GetText()), err)
	}
}

func TestVocabulary(t *testing.T) {
	t.Parallel()
	conn := servertest.Dial(t)
	c := pb.NewVocabularyServiceClient(conn)
	ctx := context.Background()
	var header metadata.MD
	preds, err := c.ListPredicates(ctx, &pb.ListPredicatesRequest{}, grpc.Header(&header))
	if err != nil {
		t.Fatal(err)
	}
	v := servertest.Index(t).Vocabulary()
	if got := len(preds.GetPredicates()); got != v.Len() || preds.GetTotalSize() != int32(v.Len()) || preds.GetNextPageToken() != "" {
		t.Errorf("ListPredicates() = %d predicates of %d, next %q; want all %d on one page", got, preds.GetTotalSize(), preds.GetNextPageToken(), v.Len())
	}
	if preds.GetVocabularyDigest() != v.Digest() || len(header.Get(service.VocabularyHeader)) != 1 || header.Get(service.VocabularyHeader)[0] != v.Digest() {
		t.Errorf("digest %q, header %v; want %s in both", preds.GetVocabularyDigest(), header.Get(service.VocabularyHeader), v.Digest())
	}
	var paged []string
	for token := ""; ; {
		page, err := c.ListPredicates(ctx, &pb.ListPredicatesRequest{PageSize: 5, PageToken: token})
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range page.GetPredicates() {
			paged = append(paged, p.GetName())
		}
		if token = page.GetNextPageToken(); token == "" {
			break
		}
	}
	if len(paged) != v.Len() || paged[0] != preds.GetPredicates()[0].GetName() {
		t.Errorf("paged through %d predicates, want %d", len(paged), v.Len())
	}
	acq, err := c.GetPredicate(ctx, &pb.GetPredicateRequest{Name: "predicates/acquires"})
	if err != nil || acq.GetReading() != "acquires" || acq.GetInverseReading() != "is acquired by" || len(acq.GetLexicon().GetVerbs()) == 0 {
		t.Errorf("GetPredicate(acquires) = %v, %v", acq, err)
	}
	if _, err := c.GetPredicate(ctx, &pb.GetPredicateRequest{Name: "predicates/frobnicates"}); status.Code(err) != codes.NotFound {
		t.Errorf("GetPredicate(frobnicates) error = %v, want NotFound", err)
	}
	if _, err := c.GetPredicate(ctx, &pb.GetPredicateRequest{Name: "acquires"}); status.Code(err) != codes.InvalidArgument {
		t.Errorf("GetPredicate(acquires) error = %v, want InvalidArgument (a resource name is wanted)", err)
	}
	kinds, err := c.ListKinds(ctx, &pb.ListKindsRequest{})
	if err != nil || len(kinds.GetKinds()) != len(v.Kinds()) {
		t.Errorf("ListKinds() = %v, %v", kinds, err)
	}
	group, err := c.GetKind(ctx, &pb.GetKindRequest{Name: "kinds/business-group"})
	if err != nil || group.GetEntityType() != "organization" || len(group.GetBroader()) != 1 {
		t.Errorf("GetKind(business-group) = %v, %v", group, err)
	}
}

// wantViolation asserts that err is INVALID_ARGUMENT with a BadRequest field
// violation on field and an ErrorInfo.
func wantViolation(t *testing.T, err error, field string) {
	t.Helper()
	st := status.Convert(err)
	if st.Code() != codes.InvalidArgument {
		t.Fatalf("error = %v, want INVALID_ARGUMENT", err)
	}
	var fields []string
	var info bool
	for _, d := range st.Details() {
		switch d := d.(type) {
		case *errdetails.BadRequest:
			for _, v := range d.GetFieldViolations() {
				fields = append(fields, v.GetField())
			}
		case *errdetails.ErrorInfo:
			info = d.GetReason() == apierr.ReasonInvalidArgument && d.GetDomain() == apierr.Domain
		}
	}
	if len(fields) == 0 || fields[0] != field || !info {
		t.Errorf("violations = %v (ErrorInfo %v), want %s first and an ErrorInfo", fields, info, field)
	}
}

func TestBadInput(t *testing.T) {
	t.Parallel()
	c := client(t)
	ctx := context.Background()
	long := strings.Repeat("a", 300)
	tests := []struct {
		name  string
		call  func() error
		field string
	}{
		{"GetEntity empty", func() error { _, err := c.GetEntity(ctx, &pb.GetEntityRequest{}); return err }, "name"},
		{"GetEntity no collection", func() error { _, err := c.GetEntity(ctx, &pb.GetEntityRequest{Name: "kioxia"}); return err }, "name"},
		{"GetEntity relation name", func() error {
			_, err := c.GetEntity(ctx, &pb.GetEntityRequest{Name: "relations/western-digital-bid-for-kioxia"})
			return err
		}, "name"},
		{"GetEntity path traversal", func() error {
			_, err := c.GetEntity(ctx, &pb.GetEntityRequest{Name: "people/../../etc/passwd"})
			return err
		}, "name"},
		{"GetEntity too long", func() error { _, err := c.GetEntity(ctx, &pb.GetEntityRequest{Name: "people/" + long}); return err }, "name"},
		{"BatchGet empty", func() error { _, err := c.BatchGetEntities(ctx, &pb.BatchGetEntitiesRequest{}); return err }, "names"},
		{"BatchGet bad second", func() error {
			_, err := c.BatchGetEntities(ctx, &pb.BatchGetEntitiesRequest{Names: []string{"organizations/kioxia", "Kioxia"}})
			return err
		}, "names[1]"},
		{"BatchGet too many", func() error {
			_, err := c.BatchGetEntities(ctx, &pb.BatchGetEntitiesRequest{Names: make([]string, 1001)})
			return err
		}, "names"},
		{"Search empty", func() error { _, err := c.SearchEntities(ctx, &pb.SearchEntitiesRequest{Query: "  "}); return err }, "query"},
		{"Search too long", func() error { _, err := c.SearchEntities(ctx, &pb.SearchEntitiesRequest{Query: long}); return err }, "query"},
		{"Search negative page size", func() error {
			_, err := c.SearchEntities(ctx, &pb.SearchEntitiesRequest{Query: "x", PageSize: -1})
			return err
		}, "page_size"},
		{"Search bad type", func() error {
			_, err := c.SearchEntities(ctx, &pb.SearchEntitiesRequest{Query: "x", Types: []string{"company"}})
			return err
		}, "types[0]"},
		{"Search max edits", func() error {
			_, err := c.SearchEntities(ctx, &pb.SearchEntitiesRequest{Query: "x", MaxEdits: 3})
			return err
		}, "max_edits"},
		{"Link empty", func() error { _, err := c.LinkEntities(ctx, &pb.LinkEntitiesRequest{Text: " \n"}); return err }, "text"},
		{"Link too long", func() error {
			_, err := c.LinkEntities(ctx, &pb.LinkEntitiesRequest{Text: strings.Repeat("Kioxia ", 10<<10)})
			return err
		}, "text"},
		{"Link bad type", func() error {
			_, err := c.LinkEntities(ctx, &pb.LinkEntitiesRequest{Text: "Kioxia", Types: []string{"person", "company"}})
			return err
		}, "types[1]"},
		{"Link max edits", func() error {
			_, err := c.LinkEntities(ctx, &pb.LinkEntitiesRequest{Text: "x", MaxEdits: 3})
			return err
		}, "max_edits"},
		{"Link confidence", func() error {
			_, err := c.LinkEntities(ctx, &pb.LinkEntitiesRequest{Text: "x", MinConfidence: 1.5})
			return err
		}, "min_confidence"},
		{"Link view", func() error { _, err := c.LinkEntities(ctx, &pb.LinkEntitiesRequest{Text: "x", View: 7}); return err }, "view"},
		{"GetRelation entity name", func() error {
			_, err := c.GetRelation(ctx, &pb.GetRelationRequest{Name: "organizations/kioxia"})
			return err
		}, "name"},
		{"ListRelations bad subject", func() error { _, err := c.ListRelations(ctx, &pb.ListRelationsRequest{Subject: "Samsung"}); return err }, "subject"},
		{"ListRelations document object", func() error {
			_, err := c.ListRelations(ctx, &pb.ListRelationsRequest{Object: "documents/korea-japan-economic-alliance"})
			return err
		}, "object"},
		{"ListRelations unknown predicate", func() error {
			_, err := c.ListRelations(ctx, &pb.ListRelationsRequest{Predicates: []string{"predicates/frobnicates"}})
			return err
		}, "predicates[0]"},
		{"ListRelations negative page size", func() error { _, err := c.ListRelations(ctx, &pb.ListRelationsRequest{PageSize: -5}); return err }, "page_size"},
		{"ListRelations forged token", func() error {
			_, err := c.ListRelations(ctx, &pb.ListRelationsRequest{PageToken: "AQUAAAAAAAAAAA"})
			return err
		}, "page_token"},
		{"ListRelations garbage token", func() error { _, err := c.ListRelations(ctx, &pb.ListRelationsRequest{PageToken: "%%%"}); return err }, "page_token"},
		{"GetDocument entity name", func() error {
			_, err := c.GetDocument(ctx, &pb.GetDocumentRequest{Name: "organizations/kioxia"})
			return err
		}, "name"},
		{"GetDocument bad view", func() error {
			_, err := c.GetDocument(ctx, &pb.GetDocumentRequest{Name: "documents/x", View: 9})
			return err
		}, "view"},
		{"ListDocuments bad token", func() error { _, err := c.ListDocuments(ctx, &pb.ListDocumentsRequest{PageToken: "abc"}); return err }, "page_token"},
		{"SearchRelations empty", func() error { _, err := c.SearchRelations(ctx, &pb.SearchRelationsRequest{Query: " "}); return err }, "query"},
		{"SearchRelations too long", func() error {
			_, err := c.SearchRelations(ctx, &pb.SearchRelationsRequest{Query: strings.Repeat("kioxia ", 80)})
			return err
		}, "query"},
		{"SearchRelations bad date", func() error {
			_, err := c.SearchRelations(ctx, &pb.SearchRelationsRequest{Query: "x", TimeFrom: "May 2025"})
			return err
		}, "time_from"},
		{"SearchRelations dates reversed", func() error {
			_, err := c.SearchRelations(ctx, &pb.SearchRelationsRequest{Query: "x", TimeFrom: "2025", TimeTo: "2021"})
			return err
		}, "time_to"},
		{"SearchRelations bad endpoint", func() error {
			_, err := c.SearchRelations(ctx, &pb.SearchRelationsRequest{Query: "x", Endpoint: "Sony"})
			return err
		}, "endpoint"},
		{"SearchRelations unknown predicate", func() error {
			_, err := c.SearchRelations(ctx, &pb.SearchRelationsRequest{Query: "x", Predicates: []string{"buys"}})
			return err
		}, "predicates[0]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			wantViolation(t, tt.call(), tt.field)
		})
	}
	// The server keeps serving after all of that.
	if _, err := c.GetEntity(ctx, &pb.GetEntityRequest{Name: "organizations/kioxia"}); err != nil {
		t.Errorf("GetEntity after bad input: %v", err)
	}
}

func TestNotFound(t *testing.T) {
	t.Parallel()
	c := client(t)
	ctx := context.Background()
	tests := []struct {
		name     string
		call     func() error
		wantName string
	}{
		{"entity", func() error { _, err := c.GetEntity(ctx, &pb.GetEntityRequest{Name: "organizations/nope"}); return err }, "organizations/nope"},
		{"batch", func() error {
			_, err := c.BatchGetEntities(ctx, &pb.BatchGetEntitiesRequest{Names: []string{"organizations/kioxia", "people/nobody"}})
			return err
		}, "people/nobody"},
		{"relation", func() error { _, err := c.GetRelation(ctx, &pb.GetRelationRequest{Name: "relations/nope"}); return err }, "relations/nope"},
		{"relations of unknown endpoint", func() error {
			_, err := c.ListRelations(ctx, &pb.ListRelationsRequest{Endpoint: "people/nobody"})
			return err
		}, "people/nobody"},
		{"document", func() error { _, err := c.GetDocument(ctx, &pb.GetDocumentRequest{Name: "documents/nope"}); return err }, "documents/nope"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			st := status.Convert(tt.call())
			if st.Code() != codes.NotFound {
				t.Fatalf("code = %v (%v), want NOT_FOUND", st.Code(), st.Message())
			}
			var got string
			for _, d := range st.Details() {
				if ri, ok := d.(*errdetails.ResourceInfo); ok {
					got = ri.GetResourceName()
				}
			}
			if got != tt.wantName {
				t.Errorf("ResourceInfo name = %q, want %q", got, tt.wantName)
			}
		})
	}
}

// TestServedMessagesAreNotMutated checks that each call gets messages of
// its own: a handler's caller (in process, as the benchmarks are) that
// changes what it was given changes nothing the next call sees.
func TestServedMessagesAreNotMutated(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := service.NewEntityService(index.NewHolder(servertest.Index(t)))
	getEntity := func() *pb.Entity {
		e, err := s.GetEntity(ctx, &pb.GetEntityRequest{Name: "people/chey-tae-won"})
		if err != nil {
			t.Fatal(err)
		}
		return e
	}
	getRelation := func() *pb.Relation {
		r, err := s.GetRelation(ctx, &pb.GetRelationRequest{Name: "relations/western-digital-bid-for-kioxia"})
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	e, r := getEntity(), getRelation()
	want, wantRel := proto.CloneOf(e), proto.CloneOf(r)
	p := e
	p.DisplayName = "changed"
	p.Aliases[0].Text = "changed"
	p.Roles[0].Title = "changed"
	r.Evidence[0].Quote = "changed"
	r.Qualifiers.Time.Text = "changed"
	r.Summary = "changed"
	if diff := cmp.Diff(want, getEntity(), protocmp.Transform()); diff != "" {
		t.Errorf("GetEntity after its last answer was changed (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(wantRel, getRelation(), protocmp.Transform()); diff != "" {
		t.Errorf("GetRelation after its last answer was changed (-want +got):\n%s", diff)
	}
}

// TestSearchRelations checks statement search over the wire: a phrase of
// the article finds the relations that quote it first, with highlights at
// the offsets GetDocument's text has, and pages go on.
func TestSearchRelations(t *testing.T) {
	t.Parallel()
	c := client(t)
	ctx := context.Background()
	doc, err := c.GetDocument(ctx, &pb.GetDocumentRequest{Name: "documents/korea-japan-economic-alliance", View: pb.DocumentView_DOCUMENT_VIEW_FULL})
	if err != nil {
		t.Fatal(err)
	}
	runes := []rune(doc.GetText())
	const phrase = "quietly coordinated with their Japanese counterparts"
	resp, err := c.SearchRelations(ctx, &pb.SearchRelationsRequest{Query: phrase, PageSize: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(resp.GetResults()) != 2 || resp.GetNextPageToken() == "" {
		t.Fatalf("%d results, next %q; want a full page and more", len(resp.GetResults()), resp.GetNextPageToken())
	}
	for _, m := range resp.GetResults() {
		if !strings.Contains(m.GetRelation().GetName(), "coordinates") {
			t.Errorf("%s ranks among the first for %q", m.GetRelation().GetName(), phrase)
		}
		for _, h := range m.GetHighlights() {
			if got := string(runes[h.GetStartChar():h.GetEndChar()]); got != doc.GetText()[h.GetStartByte():h.GetEndByte()] || got != phrase {
				t.Errorf("highlight %v is %q, want the phrase at the same chars and bytes", h, got)
			}
		}
	}
	next, err := c.SearchRelations(ctx, &pb.SearchRelationsRequest{Query: phrase, PageSize: 2, PageToken: resp.GetNextPageToken()})
	if err != nil || len(next.GetResults()) == 0 || next.GetResults()[0].GetScore() > resp.GetResults()[1].GetScore() {
		t.Errorf("second page = %v, %v; want lower scores", next.GetResults(), err)
	}
	only, err := c.SearchRelations(ctx, &pb.SearchRelationsRequest{Query: phrase, Predicates: []string{"coordinates-with"}})
	if err != nil || len(only.GetResults()) != 2 {
		t.Errorf("coordinates-with only: %v, %v; want Samsung's and SK's", only.GetResults(), err)
	}
	if _, err := c.SearchRelations(ctx, &pb.SearchRelationsRequest{Query: "x", Endpoint: "organizations/nobody"}); status.Code(err) != codes.NotFound {
		t.Errorf("unknown endpoint: %v, want NOT_FOUND", err)
	}
}

// TestEntityViews checks ENTITY_VIEW_BASIC on Get, BatchGet and Search:
// name, display name and type, nothing else; the default is the whole
// entity, and an unknown view is INVALID_ARGUMENT.
func TestEntityViews(t *testing.T) {
	t.Parallel()
	c := pb.NewEntityServiceClient(servertest.Dial(t))
	ctx := context.Background()
	basic := pb.EntityView_ENTITY_VIEW_BASIC
	check := func(call string, e *pb.Entity) {
		t.Helper()
		want := &pb.Entity{Name: "organizations/kioxia", DisplayName: "Kioxia", Type: "organization"}
		if !proto.Equal(e, want) {
			t.Errorf("%s, basic view = %v; want %v", call, e, want)
		}
	}
	got, err := c.GetEntity(ctx, &pb.GetEntityRequest{Name: "organizations/kioxia", View: basic})
	if err != nil {
		t.Fatal(err)
	}
	check("GetEntity", got)
	batch, err := c.BatchGetEntities(ctx, &pb.BatchGetEntitiesRequest{Names: []string{"organizations/kioxia"}, View: basic})
	if err != nil {
		t.Fatal(err)
	}
	check("BatchGetEntities", batch.GetEntities()[0])
	search, err := c.SearchEntities(ctx, &pb.SearchEntitiesRequest{Query: "Kioxia", PageSize: 1, View: basic})
	if err != nil {
		t.Fatal(err)
	}
	check("SearchEntities", search.GetResults()[0].GetEntity())
	// The basic view's search reads entities apart from the full view's:
	// its results must be the full view's, each entity trimmed, whether a
	// display name or an alias (of any script) matched.
	for _, q := range []string{"Kioxia", "Samsung", "삼성전자", "東芝メモリ", "최태원", "日本", "WD", "SK", "Kioxa", "Chey", "chip"} {
		full, err := c.SearchEntities(ctx, &pb.SearchEntitiesRequest{Query: q, PageSize: 20})
		if err != nil {
			t.Fatal(err)
		}
		names, err := c.SearchEntities(ctx, &pb.SearchEntitiesRequest{Query: q, PageSize: 20, View: basic})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range full.GetResults() {
			e := r.GetEntity()
			r.Entity = &pb.Entity{Name: e.GetName(), DisplayName: e.GetDisplayName(), Type: e.GetType()}
		}
		if len(full.GetResults()) == 0 || !proto.Equal(full, names) {
			t.Errorf("SearchEntities(%q), basic view = %v; want the full view's results trimmed: %v", q, names, full)
		}
	}
	full, err := c.GetEntity(ctx, &pb.GetEntityRequest{Name: "organizations/kioxia"})
	if err != nil || len(full.GetAliases()) == 0 || full.GetDescription() == "" {
		t.Errorf("GetEntity, default view = %v, %v; want the whole entity", full, err)
	}
	if _, err := c.GetEntity(ctx, &pb.GetEntityRequest{Name: "organizations/kioxia", View: 9}); status.Code(err) != codes.InvalidArgument {
		t.Errorf("GetEntity, view 9: %v; want INVALID_ARGUMENT", err)
	}
}

// TestListRelationsPageFitsDefaultClient lists 1000 relations of about 5 KB
// each, 5 MB in all: a page ends before it passes the 4 MiB a gRPC client
// receives by default, and the pages together hold each relation once, in
// order. The basic view carries the relations' shape alone, all of them in
// one page.
func TestListRelationsPageFitsDefaultClient(t *testing.T) {
	t.Parallel()
	g := &pb.Graph{Entities: []*pb.Entity{{Name: "organizations/a", DisplayName: "A"}, {Name: "organizations/b", DisplayName: "B"}}}
	note := strings.Repeat("a long note ", 400)
	var want []string
	for i := range 1000 {
		name := fmt.Sprintf("relations/r%04d", i)
		want = append(want, name)
		g.Relations = append(g.Relations, &pb.Relation{Name: name, Subject: "organizations/a", Predicate: "predicates/partners-with",
			Object: "organizations/b", Qualifiers: &pb.Qualifiers{Note: note}})
	}
	ix, err := index.Build(seedtest.Vocabulary(t), g)
	if err != nil {
		t.Fatal(err)
	}
	s := service.NewEntityService(index.NewHolder(ix))
	ctx := context.Background()
	req := &pb.ListRelationsRequest{Subject: "organizations/a", PageSize: 1000}
	var got []string
	pages := 0
	for {
		resp, err := s.ListRelations(ctx, req)
		if err != nil {
			t.Fatal(err)
		}
		pages++
		if size := proto.Size(resp); size > 4<<20 || len(resp.GetRelations()) == 0 {
			t.Fatalf("page %d: %d relations, %d bytes; want some, under 4 MiB", pages, len(resp.GetRelations()), size)
		}
		got = append(got, names(resp.GetRelations())...)
		if resp.GetNextPageToken() == "" {
			break
		}
		req.PageToken = resp.GetNextPageToken()
	}
	if pages < 2 || !slices.Equal(got, want) {
		t.Errorf("%d pages of %d relations; want at least 2 pages of the 1000 relations, each once, in order", pages, len(got))
	}
	basic, err := s.ListRelations(ctx, &pb.ListRelationsRequest{Subject: "organizations/a", PageSize: 1000, View: pb.RelationView_RELATION_VIEW_BASIC})
	if err != nil {
		t.Fatal(err)
	}
	if len(basic.GetRelations()) != 1000 || basic.GetNextPageToken() != "" {
		t.Fatalf("basic view: %d relations, next %q; want all 1000 in one page", len(basic.GetRelations()), basic.GetNextPageToken())
	}
	full, err := s.ListRelations(ctx, &pb.ListRelationsRequest{Subject: "organizations/a", PageSize: 1})
	if err != nil {
		t.Fatal(err)
	}
	f := full.GetRelations()[0]
	wantBasic := &pb.Relation{Name: f.GetName(), Subject: f.GetSubject(), Predicate: f.GetPredicate(), Object: f.GetObject(), Summary: f.GetSummary()}
	if !proto.Equal(basic.GetRelations()[0], wantBasic) || f.GetSummary() == "" {
		t.Errorf("basic view = %v, want %v", basic.GetRelations()[0], wantBasic)
	}
	if _, err := s.ListRelations(ctx, &pb.ListRelationsRequest{Subject: "organizations/a", View: 7}); status.Code(err) != codes.InvalidArgument {
		t.Errorf("view 7: %v, want INVALID_ARGUMENT", err)
	}
}

func TestLinkEntities(t *testing.T) {
	t.Parallel()
	c := client(t)
	ctx := context.Background()
	text := "Chey Tae-won, chairman of SK Group, said Kioxia’s rival Western Digital bid for Kioxa in 2021. " +
		"Priya Raman of Aarhus University disagreed. SK’s 최태원 spoke."
	resp, err := c.LinkEntities(ctx, &pb.LinkEntitiesRequest{Text: text})
	if err != nil {
		t.Fatal(err)
	}
	type got struct {
		text, entity string
		status       pb.MentionStatus
		match        pb.LinkMatch
	}
	var mentions []got
	runes := []rune(text)
	for _, m := range resp.GetMentions() {
		if text[m.GetStartByte():m.GetEndByte()] != m.GetText() || string(runes[m.GetStartChar():m.GetEndChar()]) != m.GetText() {
			t.Errorf("mention %q at bytes %d-%d, chars %d-%d: the offsets hold something else", m.GetText(), m.GetStartByte(), m.GetEndByte(), m.GetStartChar(), m.GetEndChar())
		}
		g := got{text: m.GetText(), status: m.GetStatus()}
		if cs := m.GetCandidates(); len(cs) > 0 {
			g.entity, g.match = cs[0].GetEntity(), cs[0].GetMatch()
		}
		mentions = append(mentions, g)
	}
	const (
		linked  = pb.MentionStatus_MENTION_STATUS_LINKED
		unknown = pb.MentionStatus_MENTION_STATUS_UNKNOWN
		name    = pb.LinkMatch_LINK_MATCH_NAME
		alias   = pb.LinkMatch_LINK_MATCH_ALIAS
	)
	want := []got{
		{"Chey Tae-won", "people/chey-tae-won", linked, name},
		{"SK Group", "organizations/sk-group", linked, name},
		{"Kioxia", "organizations/kioxia", linked, name},
		{"Western Digital", "organizations/western-digital", linked, name},
		{"Kioxa", "organizations/kioxia", linked, pb.LinkMatch_LINK_MATCH_FUZZY},
		{"Priya Raman", "", unknown, 0},
		{"Aarhus University", "", unknown, 0},
		{"SK", "organizations/sk-group", linked, alias},
		{"최태원", "people/chey-tae-won", linked, alias},
	}
	if diff := cmp.Diff(want, mentions, cmp.AllowUnexported(got{})); diff != "" {
		t.Errorf("LinkEntities mentions (-want +got):\n%s", diff)
	}
	var entities []string
	for _, e := range resp.GetEntities() {
		entities = append(entities, e.GetName())
	}
	wantEntities := []string{"people/chey-tae-won", "organizations/sk-group", "organizations/kioxia", "organizations/western-digital"}
	if diff := cmp.Diff(wantEntities, entities); diff != "" {
		t.Errorf("LinkEntities entities, once each in order of first mention (-want +got):\n%s", diff)
	}
	if e := resp.GetEntities()[0]; len(e.GetAliases()) == 0 {
		t.Errorf("LinkEntities entity %s has no aliases: want the full view by default", e.GetName())
	}

	// Options: the basic view, types, known names only, no fuzzy match.
	resp, err = c.LinkEntities(ctx, &pb.LinkEntitiesRequest{
		Text: text, Types: []string{"organization"}, KnownOnly: true, MaxEdits: -1, View: pb.EntityView_ENTITY_VIEW_BASIC,
	})
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, m := range resp.GetMentions() {
		texts = append(texts, m.GetText())
	}
	if want := []string{"SK Group", "Kioxia", "Western Digital", "SK"}; !slices.Equal(texts, want) {
		t.Errorf("LinkEntities(organizations, known only, no fuzzy) = %q, want %q", texts, want)
	}
	for _, e := range resp.GetEntities() {
		if len(e.GetAliases()) > 0 || e.GetDisplayName() == "" {
			t.Errorf("basic view entity %v: want only name, display name and type", e)
		}
	}
}

// TestLinkEntitiesResponseFitsDefaultClient links a text whose every word
// is a name ten entities share: the response stops before 3 MiB with a
// resume_byte, and linking again from there finds the rest.
func TestLinkEntitiesResponseFitsDefaultClient(t *testing.T) {
	t.Parallel()
	g := &pb.Graph{}
	for i := range 10 {
		g.Entities = append(g.Entities, &pb.Entity{
			Name:        fmt.Sprintf("organizations/%sn%d", strings.Repeat("long-name-", 5), i),
			DisplayName: fmt.Sprintf("Entity %d", i),
			Aliases:     []*pb.Alias{{Text: "QX", Language: "en", Kind: pb.AliasKind_ALIAS_KIND_ABBREVIATION}},
		})
	}
	ix, err := index.Build(seedtest.Vocabulary(t), g)
	if err != nil {
		t.Fatal(err)
	}
	s := service.NewEntityService(index.NewHolder(ix))
	text := strings.Repeat("QX ", 20000)
	total, from, calls := 0, 0, 0
	for {
		resp, err := s.LinkEntities(context.Background(), &pb.LinkEntitiesRequest{Text: text[from:]})
		if err != nil {
			t.Fatal(err)
		}
		calls++
		if size := proto.Size(resp); size > 4<<20 || len(resp.GetMentions()) == 0 {
			t.Fatalf("call %d: %d mentions, %d bytes; want some, under 4 MiB", calls, len(resp.GetMentions()), size)
		}
		for _, m := range resp.GetMentions() {
			if m.GetText() != "QX" || len(m.GetCandidates()) != 10 || m.GetStatus() != pb.MentionStatus_MENTION_STATUS_AMBIGUOUS {
				t.Fatalf("mention %v: want QX, ambiguous among 10", m)
			}
		}
		total += len(resp.GetMentions())
		if resp.GetResumeByte() == 0 {
			break
		}
		from += int(resp.GetResumeByte())
	}
	if total != 20000 || calls < 2 {
		t.Errorf("%d mentions in %d calls, want 20000 in more than one", total, calls)
	}
}
