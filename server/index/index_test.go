package index_test

import (
	"errors"
	"testing"

	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/server/index"
	"github.com/entitygraph/entitygraph/server/namesearch"
	"github.com/entitygraph/entitygraph/server/seedtest"
	"github.com/entitygraph/entitygraph/server/vocab"
)

func mustIndex(t *testing.T) *index.Index {
	t.Helper()
	return seedtest.Index(t)
}

func TestSearchSeed(t *testing.T) {
	t.Parallel()
	ix := mustIndex(t)
	tests := []struct {
		query    string
		types    []string
		want     string
		wantKind namesearch.MatchKind
		wantLang string
	}{
		{query: "Kioxa", want: "organizations/kioxia", wantKind: namesearch.Fuzzy, wantLang: "en"},
		{query: "chey tae won", want: "people/chey-tae-won", wantKind: namesearch.Exact, wantLang: "en"},
		{query: "최태원", want: "people/chey-tae-won", wantKind: namesearch.Exact, wantLang: "ko"},
		{query: "Lutnick", want: "people/howard-lutnick", wantKind: namesearch.Exact, wantLang: "en"},
		{query: "US", want: "organizations/united-states", wantKind: namesearch.Exact, wantLang: "en"},
		{query: "U.S.", want: "organizations/united-states", wantKind: namesearch.Exact, wantLang: "en"},
		{query: "삼성전자", want: "organizations/samsung-electronics", wantKind: namesearch.Exact, wantLang: "ko"},
		{query: "キオクシア", want: "organizations/kioxia", wantKind: namesearch.Exact, wantLang: "ja"},
		{query: "Samsung", want: "organizations/samsung-electronics", wantKind: namesearch.Exact, wantLang: "en"},
		{query: "Korea", want: "organizations/south-korea", wantKind: namesearch.Exact, wantLang: "en"},
		{query: "western dig", want: "organizations/western-digital", wantKind: namesearch.Prefix, wantLang: "en"},
		{query: "Chey Taewon", want: "people/chey-tae-won", wantKind: namesearch.Exact, wantLang: "en"},
		{query: "nand fl", types: []string{"topic"}, want: "topics/nand-flash", wantKind: namesearch.Prefix, wantLang: "en"},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			t.Parallel()
			got := ix.SearchEntities(tt.query, index.SearchOptions{Types: tt.types})
			if len(got) == 0 {
				t.Fatalf("Search(%q) = nothing, want %s first", tt.query, tt.want)
			}
			top := got[0]
			if name := top.Entity.GetName(); name != tt.want || top.Kind != tt.wantKind || top.Language != tt.wantLang {
				t.Errorf("Search(%q)[0] = %s (%v, %q, %q), want %s (%v, %q)", tt.query, name, top.Kind, top.MatchedText, top.Language, tt.want, tt.wantKind, tt.wantLang)
			}
		})
	}
}

func TestRelationsFilter(t *testing.T) {
	t.Parallel()
	ix := mustIndex(t)
	const bid = "relations/western-digital-bid-for-kioxia"
	tests := []struct {
		name   string
		filter index.RelationFilter
		want   []string
	}{
		{
			name:   "who coordinated against the bid",
			filter: index.RelationFilter{Object: bid, Predicates: []vocab.ID{seedPID(t, "coordinates-against")}},
			want:   []string{"relations/samsung-coordinates-against-western-digital-bid", "relations/sk-group-coordinates-against-western-digital-bid"},
		},
		{
			name:   "symmetric predicate matched from the stored object's side",
			filter: index.RelationFilter{Subject: "organizations/japan", Predicates: []vocab.ID{seedPID(t, "allies-with")}},
			want:   []string{"relations/korea-japan-economic-alliance"},
		},
		{
			name:   "subject and object of a symmetric relation, either way round",
			filter: index.RelationFilter{Subject: "organizations/japan", Object: "organizations/south-korea", Predicates: []vocab.ID{seedPID(t, "has-tensions-with")}},
			want:   []string{"relations/south-korea-has-tensions-with-japan"},
		},
		{
			name:   "endpoint",
			filter: index.RelationFilter{Endpoint: "people/chey-tae-won", Predicates: []vocab.ID{seedPID(t, "leads")}},
			want:   []string{"relations/chey-tae-won-leads-kcci", "relations/chey-tae-won-leads-sk-group"},
		},
		{
			name:   "directed predicate is not reversed",
			filter: index.RelationFilter{Subject: "organizations/kioxia", Predicates: []vocab.ID{seedPID(t, "acquires")}},
			want:   nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			page, total, err := ix.Relations(tt.filter, 0, 100)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, r := range page {
				got = append(got, r.GetName())
			}
			if total != len(tt.want) || len(got) != len(tt.want) {
				t.Fatalf("Relations(%+v) = %v (total %d), want %v", tt.filter, got, total, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("Relations(%+v)[%d] = %s, want %s", tt.filter, i, got[i], tt.want[i])
				}
			}
		})
	}
}

func TestRelationsPaging(t *testing.T) {
	t.Parallel()
	ix := mustIndex(t)
	all, total, err := ix.Relations(index.RelationFilter{}, 0, 1000)
	if err != nil || total != len(all) || total != ix.Stats().Relations {
		t.Fatalf("Relations(all) = %d (total %d, err %v), want %d", len(all), total, err, ix.Stats().Relations)
	}
	var paged []*pb.Relation
	for off := 0; off < total; off += 7 {
		page, _, _ := ix.Relations(index.RelationFilter{}, off, 7)
		paged = append(paged, page...)
	}
	if len(paged) != len(all) {
		t.Fatalf("paged %d relations, want %d", len(paged), len(all))
	}
	for i := range all {
		if !proto.Equal(paged[i], all[i]) {
			t.Fatalf("page item %d = %s, want %s", i, paged[i].GetName(), all[i].GetName())
		}
		if i > 0 && all[i-1].GetName() >= all[i].GetName() {
			t.Fatalf("relations not ordered by name at %d", i)
		}
	}
}

func TestNotFound(t *testing.T) {
	t.Parallel()
	ix := mustIndex(t)
	if _, err := ix.Entity("organizations/nope"); !errors.Is(err, index.ErrNotFound) {
		t.Errorf("Entity(nope) error = %v, want ErrNotFound", err)
	}
	if _, err := ix.Relation("relations/nope"); !errors.Is(err, index.ErrNotFound) {
		t.Errorf("Relation(nope) error = %v, want ErrNotFound", err)
	}
	if _, _, err := ix.Relations(index.RelationFilter{Subject: "people/nobody"}, 0, 10); !errors.Is(err, index.ErrNotFound) {
		t.Errorf("Relations(subject nobody) error = %v, want ErrNotFound", err)
	}
	if _, err := ix.Document("documents/nope", false); !errors.Is(err, index.ErrNotFound) {
		t.Errorf("Document(nope) error = %v, want ErrNotFound", err)
	}
}

func TestDerivedFields(t *testing.T) {
	t.Parallel()
	ix := mustIndex(t)
	r, err := ix.Relation("relations/western-digital-bid-for-kioxia")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := r.GetSummary(), "Western Digital acquires Kioxia (failed, 2021)"; got != want {
		t.Errorf("summary = %q, want %q", got, want)
	}
	r, _ = ix.Relation("relations/samsung-coordinates-against-western-digital-bid")
	if got, want := r.GetSummary(), "Samsung Electronics coordinates against [Western Digital acquires Kioxia (failed, 2021)] (2021)"; got != want {
		t.Errorf("summary = %q, want %q", got, want)
	}
	e, _ := ix.Entity("people/chey-tae-won")
	roles := map[string]string{}
	for _, role := range e.GetRoles() {
		roles[role.GetOrganization()] = role.GetTitle()
	}
	if roles["organizations/sk-group"] != "Chairman" {
		t.Errorf("Chey Tae-won roles = %v, want Chairman of organizations/sk-group", roles)
	}
	doc, _ := ix.Document("documents/korea-japan-economic-alliance", false)
	if doc.GetText() != "" || doc.GetRelationCount() != int32(ix.Stats().Relations) || doc.GetSha256() == "" {
		t.Errorf("bare document = %d chars of text, %d relations, sha %q; want no text, %d relations, a checksum", len(doc.GetText()), doc.GetRelationCount(), doc.GetSha256(), ix.Stats().Relations)
	}
	full, _ := ix.Document("documents/korea-japan-economic-alliance", true)
	if full.GetText() == "" {
		t.Error("full document has no text")
	}
}

// TestReified checks Reified against the adjacency of every relation node
// of the seed graph, which has relations about relations.
func TestReified(t *testing.T) {
	t.Parallel()
	ix := mustIndex(t)
	reified := 0
	for r := range index.Rel(ix.RelationCount()) {
		n := ix.RelationNode(r)
		want := len(ix.Out(n))+len(ix.In(n)) > 0
		if got := ix.Reified(r); got != want {
			t.Errorf("Reified(%s) = %v, want %v", ix.NodeName(n), got, want)
		}
		if want {
			reified++
		}
	}
	if reified == 0 || reified == ix.RelationCount() {
		t.Errorf("%d of %d relations reified: the test needs some of each", reified, ix.RelationCount())
	}
}

// TestStoredFieldNumbers checks the field numbers the index relies on to
// write the fields it keeps apart from an entity's stored bytes, and to
// read a relation's qualifiers from its stored extras.
func TestStoredFieldNumbers(t *testing.T) {
	t.Parallel()
	entity := (&pb.Entity{}).ProtoReflect().Descriptor()
	for name, want := range map[string]int{"name": 1, "display_name": 2, "type": 3, "kinds": 4, "aliases": 5, "roles": 7} {
		if fd := entity.Fields().ByName(protoreflect.Name(name)); fd == nil || int(fd.Number()) != want {
			t.Errorf("Entity.%s = %v, want field %d", name, fd, want)
		}
	}
	if fd := (&pb.Relation{}).ProtoReflect().Descriptor().Fields().ByName("qualifiers"); fd == nil || fd.Number() != 5 {
		t.Errorf("Relation.qualifiers = %v, want field 5", fd)
	}
}

// seedPID is the ID of a predicate of the seed's vocabulary.
func seedPID(t *testing.T, key string) vocab.ID {
	t.Helper()
	p, ok := mustIndex(t).Vocabulary().Lookup(key)
	if !ok {
		t.Fatalf("no predicate %s", key)
	}
	return p.ID
}
