package synth_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/entitygraph/entitygraph/server/index"
	"github.com/entitygraph/entitygraph/server/seed"
	"github.com/entitygraph/entitygraph/server/seedtest"
	"github.com/entitygraph/entitygraph/server/synth"
)

func build(t *testing.T, cfg synth.Config) *index.Index {
	t.Helper()
	cfg.Vocabulary = seedtest.Vocabulary(t)
	b := index.NewBuilder(cfg.Vocabulary)
	if err := synth.Generate(cfg, b); err != nil {
		t.Fatalf("Generate(%+v): %v", cfg, err)
	}
	ix, err := b.Build()
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	return ix
}

func TestDeterministic(t *testing.T) {
	t.Parallel()
	a, b := build(t, synth.Config{Entities: 500, Seed: 9}), build(t, synth.Config{Entities: 500, Seed: 9})
	if a.Version() != b.Version() {
		t.Errorf("two graphs from one seed differ: versions %s and %s", a.Version(), b.Version())
	}
	if c := build(t, synth.Config{Entities: 500, Seed: 10}); c.Version() == a.Version() {
		t.Errorf("seeds 9 and 10 made the same graph %s", c.Version())
	}
}

// TestTextFormat checks that the text format written for a graph passes
// every check of the curated loader (names, references, quotes that occur
// exactly once) and indexes to exactly the graph generated directly.
func TestTextFormat(t *testing.T) {
	t.Parallel()
	cfg := synth.Config{Entities: 600, Seed: 4, Vocabulary: seedtest.Vocabulary(t)}
	dir := t.TempDir()
	if err := synth.WriteText(cfg, dir); err != nil {
		t.Fatal(err)
	}
	fromText, err := seed.Load(context.Background(), dir, seed.Options{})
	if err != nil {
		t.Fatalf("the curated loader rejects the generated text: %v", err)
	}
	if direct := build(t, cfg); fromText.Version() != direct.Version() {
		t.Errorf("text format indexes to %s, the generated graph to %s", fromText.Version(), direct.Version())
	}
}

// TestShape checks the graph looks as documented: every predicate, native
// names, relations about relations, multiple evidence, and hubs.
func TestShape(t *testing.T) {
	t.Parallel()
	ix := build(t, synth.Config{Entities: 2000, Seed: 1})
	st := ix.Stats()
	if st.Entities != 2000 || st.Relations != 20000 || st.Documents < 20000/60 {
		t.Fatalf("stats = %+v, want 2000 entities, 20000 relations, hundreds of documents", st)
	}
	// Every predicate the vocabulary says how to generate.
	for _, sp := range ix.Vocabulary().Synthetic() {
		p, _ := ix.Vocabulary().Lookup(sp.GetPredicate())
		if len(ix.WithPredicate(p.ID)) == 0 {
			t.Errorf("no relation with predicate %s", p.Name)
		}
	}
	langs := map[string]int{}
	maxDegree, aboutRelations, twoQuotes := 0, 0, 0
	for n := range index.Node(st.Entities) {
		for _, a := range ix.NodeEntity(n).GetAliases() {
			langs[a.GetLanguage()]++
		}
		maxDegree = max(maxDegree, len(ix.Out(n))+len(ix.In(n)))
	}
	for r := range index.Rel(st.Relations) {
		if _, o := ix.Ends(r); int(o) >= st.Entities {
			aboutRelations++
		}
		if r%10 == 0 && len(ix.RelationAt(r).GetEvidence()) > 1 {
			twoQuotes++
		}
	}
	if langs["ko"] < 100 || langs["ja"] < 100 {
		t.Errorf("aliases by language = %v, want hundreds in ko and ja", langs)
	}
	if mean := 2 * st.Relations / st.Entities; maxDegree < 20*mean {
		t.Errorf("largest degree %d, want a hub of at least 20 × the mean %d", maxDegree, mean)
	}
	if aboutRelations < st.Relations/100 {
		t.Errorf("%d relations about relations, want at least 1%%", aboutRelations)
	}
	if twoQuotes == 0 {
		t.Error("no relation has two quotes")
	}
	// A person's leadership shows as a role, and quotes with Hangul or
	// Japanese count characters, not bytes.
	roles, wide := 0, 0
	for r := range index.Rel(st.Relations) {
		if ix.Vocabulary().Predicate(ix.Predicate(r)).Key == "leads" && roles == 0 {
			s, _ := ix.Ends(r)
			roles = len(ix.NodeEntity(s).GetRoles())
		}
		if wide == 0 && r%7 == 0 {
			for _, ev := range ix.RelationAt(r).GetEvidence() {
				if ev.GetEndByte()-ev.GetStartByte() != ev.GetEndChar()-ev.GetStartChar() && strings.ContainsFunc(ev.GetQuote(), func(c rune) bool { return c > 0x3000 }) {
					wide++
				}
			}
		}
	}
	if roles == 0 || wide == 0 {
		t.Errorf("roles of a leader = %d, quotes with wide characters = %d; want some of each", roles, wide)
	}
	if hits := ix.SearchEntities(ix.DisplayName(0), index.SearchOptions{}); !slices.ContainsFunc(hits, func(h index.SearchResult) bool {
		return h.Entity.GetName() == ix.NodeName(0)
	}) {
		t.Errorf("searching for %q does not find it", ix.DisplayName(0))
	}
}
