// Package harness is entitygraph's benchmark harness: the operations it
// times in process (each one the request a client would send, answered by
// the real handlers, without the transport), how it times them, how it
// measures a snapshot's load, and how it drives ghz against a running
// server. The command bench/run puts the figures in BENCHMARKS.md; the
// package's tests run all of it at a small scale so that it cannot rot.
package harness

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"unicode/utf8"

	"google.golang.org/grpc"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/server/index"
	"github.com/entitygraph/entitygraph/server/service"
)

// Op is one operation to time: Run answers the i-th of its inputs (taken
// modulo their number) and returns how many results it produced.
type Op struct {
	Name string
	// What says in a few words what one call does.
	What string
	Run  func(i int) (int, error)
}

// Inputs are the queries the operations ask, drawn from the graph itself.
type Inputs struct {
	Names     []string // entity resource names
	Displays  []string // their display names
	Prefixes  []string // starts of display names
	Typos1    []string // display names with one letter changed
	Typos2    []string // display names with two letters changed
	PathPairs [][2]string
	// Phrases are two consecutive words of a random relation's evidence
	// quote, as a user searching statements would type them.
	Phrases []string
	// Articles are the first 4 KB of documents of the graph (cut at a
	// space), article-length texts to link.
	Articles []string
}

// ArticleBytes is the length of the texts LinkEntities is timed on.
const ArticleBytes = 4096

// maxArticles is how many documents the articles are drawn from.
const maxArticles = 100

// sampleSize is how many inputs of each kind an operation cycles through.
const sampleSize = 1000

// NewInputs draws inputs from ix, the same for the same seed and graph.
func NewInputs(ix *index.Index, seed uint64) *Inputs {
	rng := rand.New(rand.NewPCG(seed, 0xbe7c4))
	in := &Inputs{}
	entities := ix.Stats().Entities
	for range sampleSize {
		e := index.Node(rng.IntN(entities))
		name, display := ix.NodeName(e), ix.DisplayName(e)
		in.Names = append(in.Names, name)
		in.Displays = append(in.Displays, display)
		runes := []rune(display)
		in.Prefixes = append(in.Prefixes, string(runes[:max(3, len(runes)*3/5)]))
		in.Typos1 = append(in.Typos1, typo(rng, display, 1))
		in.Typos2 = append(in.Typos2, typo(rng, display, 2))
		other := index.Node(rng.IntN(entities))
		in.PathPairs = append(in.PathPairs, [2]string{name, ix.NodeName(other)})
		if rels := ix.RelationCount(); rels > 0 {
			in.Phrases = append(in.Phrases, phrase(rng, ix.RelationAt(index.Rel(rng.IntN(rels)))))
		}
	}
	docs := ix.Documents()
	rng.Shuffle(len(docs), func(a, b int) { docs[a], docs[b] = docs[b], docs[a] })
	for _, d := range docs[:min(len(docs), maxArticles)] {
		if full, err := ix.Document(d.GetName(), true); err == nil {
			in.Articles = append(in.Articles, article(full.GetText()))
		}
	}
	return in
}

// MeanArticleBytes is the mean length of the articles, in bytes.
func (in *Inputs) MeanArticleBytes() float64 {
	total := 0
	for _, a := range in.Articles {
		total += len(a)
	}
	return float64(total) / float64(max(len(in.Articles), 1))
}

// article returns text's first ArticleBytes bytes, cut at a space (or the
// whole of a shorter text).
func article(text string) string {
	if len(text) <= ArticleBytes {
		return text
	}
	if i := strings.LastIndexByte(text[:ArticleBytes], ' '); i > 0 {
		return text[:i]
	}
	return text[:ArticleBytes]
}

// phrase picks two consecutive words of one of r's evidence quotes, or its
// first word when the quote has one.
func phrase(rng *rand.Rand, r *pb.Relation) string {
	ev := r.GetEvidence()
	if len(ev) == 0 {
		return ""
	}
	words := strings.Fields(ev[rng.IntN(len(ev))].GetQuote())
	if len(words) < 2 {
		return strings.Join(words, " ")
	}
	i := rng.IntN(len(words) - 1)
	return words[i] + " " + words[i+1]
}

// typo changes n letters of s (not the first), each to another letter.
func typo(rng *rand.Rand, s string, n int) string {
	runes := []rune(s)
	var letters []int
	for i, r := range runes {
		if i > 0 && r >= 'a' && r <= 'z' {
			letters = append(letters, i)
		}
	}
	rng.Shuffle(len(letters), func(a, b int) { letters[a], letters[b] = letters[b], letters[a] })
	for _, i := range letters[:min(n, len(letters))] {
		r := runes[i]
		for r == runes[i] {
			r = rune('a' + rng.IntN(26))
		}
		runes[i] = r
	}
	return string(runes)
}

// Ops returns the operations timed at every scale, in the order reported.
func Ops(ix *index.Index, in *Inputs) []Op {
	holder := index.NewHolder(ix)
	entities := service.NewEntityService(holder)
	queries := service.NewQueryService(holder)
	ctx := context.Background()
	pick := func(xs []string, i int) string { return xs[i%len(xs)] }
	search := func(xs []string, maxEdits int32) func(int) (int, error) {
		return func(i int) (int, error) {
			resp, err := entities.SearchEntities(ctx, &pb.SearchEntitiesRequest{Query: pick(xs, i), MaxEdits: maxEdits})
			return len(resp.GetResults()), err
		}
	}
	return []Op{
		{Name: "NameLookup", What: "resource name → entity number (NodeOf)", Run: func(i int) (int, error) {
			if _, ok := ix.NodeOf(pick(in.Names, i)); !ok {
				return 0, fmt.Errorf("%s not found", pick(in.Names, i))
			}
			return 1, nil
		}},
		{Name: "GetEntity", What: "GetEntity handler: lookup and the Entity message", Run: func(i int) (int, error) {
			_, err := entities.GetEntity(ctx, &pb.GetEntityRequest{Name: pick(in.Names, i)})
			return 1, err
		}},
		{Name: "SearchExact", What: "SearchEntities, a display name, max_edits -1 (exact, prefix, token)", Run: search(in.Displays, -1)},
		{Name: "SearchPrefix", What: "SearchEntities, the first 3/5 of a display name, max_edits -1", Run: search(in.Prefixes, -1)},
		{Name: "SearchFuzzy1", What: "SearchEntities, a display name with 1 letter changed, max_edits 1", Run: search(in.Typos1, 1)},
		{Name: "SearchFuzzy2", What: "SearchEntities, a display name with 2 letters changed, max_edits 2", Run: search(in.Typos2, 2)},
		{Name: "SearchDefault", What: "SearchEntities, a display name, default options (fuzzy by length, but no fuzzy matches after an exact one)", Run: search(in.Displays, 0)},
		{Name: "ListRelations", What: "ListRelations of an endpoint, default page (50)", Run: func(i int) (int, error) {
			resp, err := entities.ListRelations(ctx, &pb.ListRelationsRequest{Endpoint: pick(in.Names, i)})
			return len(resp.GetRelations()), err
		}},
		{Name: "Traverse2", What: "Traverse 2 hops from an entity, default limit (1000 items) and budget", Run: func(i int) (int, error) {
			s := &collect{ctx: ctx}
			err := queries.Traverse(&pb.TraverseRequest{Start: []string{pick(in.Names, i)}, MaxDepth: 2}, s)
			return s.n, err
		}},
		{Name: "FindPaths4", What: "FindPaths between two random entities, ≤ 4 hops, 3 paths, default budget", Run: func(i int) (int, error) {
			p := in.PathPairs[i%len(in.PathPairs)]
			resp, err := queries.FindPaths(ctx, &pb.FindPathsRequest{Source: p[0], Target: p[1], MaxHops: 4})
			return len(resp.GetPaths()), err
		}},
		{Name: "FindPaths4k1", What: "FindPaths between two random entities, ≤ 4 hops, the shortest path only, default budget", Run: func(i int) (int, error) {
			p := in.PathPairs[i%len(in.PathPairs)]
			resp, err := queries.FindPaths(ctx, &pb.FindPathsRequest{Source: p[0], Target: p[1], MaxHops: 4, MaxPaths: 1})
			return len(resp.GetPaths()), err
		}},
		{Name: "Match2", What: "Match, two patterns: ?s supplies <entity> . ?p leads ?s", Run: func(i int) (int, error) {
			resp, err := queries.Match(ctx, &pb.MatchRequest{Query: &pb.MatchRequest_Text{
				Text: "?s supplies " + pick(in.Names, i) + " . ?p leads ?s"}})
			return len(resp.GetResults()), err
		}},
		{Name: "Match2Time", What: "Match2 with a qualifier filter: ?s supplies <entity> { time >= 2010 } . ?p leads ?s", Run: func(i int) (int, error) {
			resp, err := queries.Match(ctx, &pb.MatchRequest{Query: &pb.MatchRequest_Text{
				Text: "?s supplies " + pick(in.Names, i) + " { time >= 2010 } . ?p leads ?s"}})
			return len(resp.GetResults()), err
		}},
		{Name: "Ask", What: "Ask, \"Who supplies <display name>?\": names, lexicon, compile, run, answers", Run: func(i int) (int, error) {
			resp, err := queries.Ask(ctx, &pb.AskRequest{Question: "Who supplies " + pick(in.Displays, i) + "?"})
			return len(resp.GetResults()), err
		}},
		{Name: "LinkEntities", What: "LinkEntities, the first 4 KB of a document of the graph, default options (entities in the FULL view)", Run: func(i int) (int, error) {
			resp, err := entities.LinkEntities(ctx, &pb.LinkEntitiesRequest{Text: pick(in.Articles, i)})
			return len(resp.GetMentions()), err
		}},
		{Name: "LinkEntitiesBasic", What: "LinkEntities, the first 4 KB of a document of the graph, entities in the BASIC view (name, display name, type), as a linking client asks", Run: func(i int) (int, error) {
			resp, err := entities.LinkEntities(ctx, &pb.LinkEntitiesRequest{Text: pick(in.Articles, i), View: pb.EntityView_ENTITY_VIEW_BASIC})
			return len(resp.GetMentions()), err
		}},
		{Name: "SearchRelations", What: "SearchRelations, two consecutive words of a random evidence quote, default page (10)", Run: func(i int) (int, error) {
			resp, err := entities.SearchRelations(ctx, &pb.SearchRelationsRequest{Query: pick(in.Phrases, i)})
			return len(resp.GetResults()), err
		}},
	}
}

// collect is a Traverse stream that counts what it is sent.
type collect struct {
	grpc.ServerStream
	ctx context.Context
	n   int
}

func (c *collect) Context() context.Context { return c.ctx }

func (c *collect) Send(*pb.TraverseResponse) error {
	c.n++
	return nil
}

// Describe says what an input list looks like, for the report.
func Describe(xs []string) string {
	var b strings.Builder
	for i, x := range xs[:min(3, len(xs))] {
		if i > 0 {
			b.WriteString(", ")
		}
		if utf8.RuneCountInString(x) > 40 {
			x = string([]rune(x)[:40]) + "…"
		}
		fmt.Fprintf(&b, "%q", x)
	}
	return b.String()
}
