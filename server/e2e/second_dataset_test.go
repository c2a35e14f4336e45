package e2e

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"google.golang.org/grpc"
	"google.golang.org/grpc/metadata"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
)

// TestSecondDataset serves seeds/harbor-wind — another domain, with a
// vocabulary of its own and two documents, loaded without any Go that
// knows it — with the real binary, and runs every kind of read on it over
// gRPC: the vocabulary, search, ListRelations (by predicate, document and
// rank), FindPaths, Match and Ask in the dataset's own words. The README's
// walkthrough runs the same data through the CLI.
func TestSecondDataset(t *testing.T) {
	t.Parallel()
	root := repoRoot(t)
	p := launch(t, freeAddr(t), "--data", filepath.Join(root, "seeds", "harbor-wind"))
	ctx := context.Background()
	entities := pb.NewEntityServiceClient(p.conn)
	queries := pb.NewQueryServiceClient(p.conn)
	vocabulary := pb.NewVocabularyServiceClient(p.conn)

	t.Run("vocabulary", func(t *testing.T) {
		var header metadata.MD
		preds, err := vocabulary.ListPredicates(ctx, &pb.ListPredicatesRequest{}, grpc.Header(&header))
		if err != nil {
			t.Fatal(err)
		}
		names := make([]string, len(preds.GetPredicates()))
		for i, p := range preds.GetPredicates() {
			names[i] = p.GetName()
		}
		for _, want := range []string{"predicates/invests-in", "predicates/sues", "predicates/appoints", "predicates/plans-factory-in"} {
			if !slices.Contains(names, want) {
				t.Errorf("predicates %v lack %s", names, want)
			}
		}
		if slices.Contains(names, "predicates/coordinates-against") {
			t.Error("the seed's predicates leaked into another data directory's vocabulary")
		}
		if d := header.Get("entitygraph-vocabulary"); len(d) != 1 || d[0] != preds.GetVocabularyDigest() {
			t.Errorf("vocabulary header %v, digest %q", d, preds.GetVocabularyDigest())
		}
		port, err := vocabulary.GetKind(ctx, &pb.GetKindRequest{Name: "kinds/port-city"})
		if err != nil {
			t.Fatal(err)
		}
		if port.GetEntityType() != "place" || !slices.Equal(port.GetBroader(), []string{"kinds/city"}) {
			t.Errorf("kinds/port-city = %v", port)
		}
	})

	t.Run("search", func(t *testing.T) {
		// "MHIP" is an alias the second document's graph file adds to an
		// entity of the first's.
		resp, err := entities.SearchEntities(ctx, &pb.SearchEntitiesRequest{Query: "MHIP"})
		if err != nil {
			t.Fatal(err)
		}
		if r := resp.GetResults(); len(r) == 0 || r[0].GetEntity().GetName() != "organizations/meridian-harbor-infrastructure-partners" || r[0].GetMatchKind() != pb.MatchKind_MATCH_KIND_EXACT {
			t.Errorf("search MHIP = %v", r)
		}
		// A kind takes in its narrower kinds: a turbine maker is a company.
		resp, err = entities.SearchEntities(ctx, &pb.SearchEntitiesRequest{Query: "Halcyon", Kinds: []string{"company"}})
		if err != nil {
			t.Fatal(err)
		}
		if r := resp.GetResults(); len(r) == 0 || r[0].GetEntity().GetName() != "organizations/halcyon-rotor-systems" || !slices.Contains(r[0].GetEntity().GetKinds(), "kinds/turbine-maker") {
			t.Errorf("search Halcyon among companies = %v", r)
		}
	})

	t.Run("relations", func(t *testing.T) {
		list := func(req *pb.ListRelationsRequest) []string {
			t.Helper()
			resp, err := entities.ListRelations(ctx, req)
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, r := range resp.GetRelations() {
				names = append(names, r.GetName())
			}
			return names
		}
		factory := &pb.ListRelationsRequest{Subject: "organizations/halcyon-rotor-systems", Predicates: []string{"plans-factory-in"}}
		if got := list(factory); !slices.Equal(got, []string{"relations/halcyon-plans-factory-in-new-bedford-2028"}) {
			t.Errorf("the factory, best rank = %v; want the preferred 2028 statement alone", got)
		}
		factory.IncludeAllRanks = true
		if got := list(factory); len(got) != 2 {
			t.Errorf("the factory, every rank = %v; want 2027 and 2028", got)
		}
		// The second document supports relations of its own and relations
		// the first file defines and it restates.
		second := list(&pb.ListRelationsRequest{Document: "documents/norvane-drops-suit-factory-delay", PageSize: 100})
		for _, want := range []string{"relations/norvane-licenses-to-halcyon", "relations/norvane-sues-halcyon", "relations/meridian-invests-in-gannet-bank"} {
			if !slices.Contains(second, want) {
				t.Errorf("relations of the second document %v lack %s", second, want)
			}
		}
		suit, err := entities.GetRelation(ctx, &pb.GetRelationRequest{Name: "relations/norvane-sues-halcyon"})
		if err != nil {
			t.Fatal(err)
		}
		docs := map[string]bool{}
		for _, ev := range suit.GetEvidence() {
			docs[ev.GetDocument()] = true
		}
		if len(docs) != 2 || suit.GetQualifiers().GetStatus() != pb.RelationStatus_RELATION_STATUS_WITHDRAWN {
			t.Errorf("the lawsuit: evidence from %v, status %v; want both documents and WITHDRAWN", docs, suit.GetQualifiers().GetStatus())
		}
	})

	t.Run("paths", func(t *testing.T) {
		resp, err := queries.FindPaths(ctx, &pb.FindPathsRequest{Source: "people/marisol-okafor", Target: "organizations/norvane-turbines", MaxPaths: 1})
		if err != nil {
			t.Fatal(err)
		}
		if len(resp.GetPaths()) != 1 || len(resp.GetPaths()[0].GetHops()) == 0 {
			t.Fatalf("paths = %v", resp.GetPaths())
		}
		for _, h := range resp.GetPaths()[0].GetHops() {
			if len(h.GetRelation().GetEvidence()) == 0 || h.GetReading() == "" {
				t.Errorf("hop %v lacks evidence or reading", h)
			}
		}
	})

	t.Run("match", func(t *testing.T) {
		resp, err := queries.Match(ctx, &pb.MatchRequest{Query: &pb.MatchRequest_Text{Text: "?fund invests-in ?farm . ?fund is a pension-fund . ?farm is a wind-farm"}})
		if err != nil {
			t.Fatal(err)
		}
		if r := resp.GetResults(); len(r) != 1 || r[0].GetBindings()["fund"].GetEntity().GetName() != "organizations/great-lakes-teachers-pension-fund" {
			t.Errorf("pension funds in wind farms = %v", r)
		}
	})

	t.Run("ask", func(t *testing.T) {
		for _, tt := range []struct {
			question string
			want     []string // the answers' entities, sorted
		}{
			{"Who invested in the Gannet Bank wind farm?", []string{"organizations/great-lakes-teachers-pension-fund", "organizations/meridian-harbor-infrastructure-partners"}},
			{"Which venture fund backs Halcyon Rotor Systems?", []string{"organizations/bluefin-climate-ventures"}},
			{"What does MHIP invest in?", []string{"places/gannet-bank"}},
			{"Who sued Halcyon?", []string{"organizations/norvane-turbines"}},
			{"Who holds a patent on the swept blade-tip design?", []string{"organizations/norvane-turbines"}},
			{"Whom did Marisol Okafor succeed?", []string{"people/graham-whitcombe"}},
			{"Which wind farm does Kittiwake develop?", []string{"places/gannet-bank"}},
			{"Who supplies turbines to Gannet Bank?", []string{"organizations/halcyon-rotor-systems"}},
			{"Which state subsidizes Halcyon?", []string{"organizations/massachusetts"}},
			// A title noun keeps the leader of that title only; "head" names none.
			{"Who is the chief executive of Kittiwake Offshore Wind?", []string{"people/marisol-okafor"}},
			{"Who is the CEO of Kittiwake?", []string{"people/marisol-okafor"}},
			{"Who is the chairman of Kittiwake?", []string{"people/graham-whitcombe"}},
			{"Who is the head of Kittiwake?", []string{"people/graham-whitcombe", "people/marisol-okafor"}},
		} {
			resp, err := queries.Ask(ctx, &pb.AskRequest{Question: tt.question})
			if err != nil {
				t.Errorf("Ask(%q): %v", tt.question, err)
				continue
			}
			var got []string
			for _, r := range resp.GetResults() {
				for _, b := range r.GetBindings() {
					if e := b.GetEntity(); e != nil {
						got = append(got, e.GetName())
					}
				}
			}
			slices.Sort(got)
			got = slices.Compact(got)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Ask(%q) = %v (query %q), want %v", tt.question, got, resp.GetQuery(), tt.want)
			}
		}
	})
}
