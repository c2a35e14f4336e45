// Command cayley compares entitygraph's index with what a Go user would
// embed instead, Cayley's in-memory quad store (memstore), on the same
// synthetic graph: load time, heap per relation, and the same two queries
// run the same way on both. It is its own module so that entitygraph's
// module does not depend on Cayley; bench/run runs it and reports what it
// prints (JSON).
//
//	go run . --entities 100000 --snapshot ../../.bench/synth-100k-seed1.egsnap
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"runtime"
	"slices"
	"strconv"
	"time"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/memstore"
	"github.com/cayleygraph/cayley/quad"

	"github.com/entitygraph/entitygraph/bench/harness"
	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/seeds"
	"github.com/entitygraph/entitygraph/server/index"
	seedgraph "github.com/entitygraph/entitygraph/server/seed"
	"github.com/entitygraph/entitygraph/server/synth"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "cayley:", err)
		os.Exit(1)
	}
}

// result is what the command prints.
type result = harness.CayleyResult

// side is one store's figures.
type side = harness.CayleySide

const queries = 200

func run() error {
	entities := flag.Int("entities", 10_000, "entities of the synthetic graph")
	seed := flag.Uint64("seed", 1, "generator seed")
	snap := flag.String("snapshot", "", "entitygraph snapshot of the same graph (entitygraph-snapshot synth)")
	flag.Parse()
	if *snap == "" {
		return errors.New("--snapshot is required")
	}
	res := result{Entities: *entities, Notes: []string{
		"entitygraph loads its binary snapshot file (in the page cache); Cayley's memstore is given the quads already built in memory (no parsing counted), through its QuadWriter.",
		"Cayley holds one quad per relation (subject, predicate, object, label = the relation's name), one per evidence quote (document and offsets as a literal) and one per entity type, name and alias; entitygraph holds all that and more: qualifiers, descriptions, documents' metadata and the fuzzy name index. Heap is measured after GC with only the store alive.",
		"Both queries walk relations between nodes in both directions, relations about relations included, with one breadth-first search written once and run over each store's own adjacency API (Cayley: QuadIterator by direction, QuadDirection; entitygraph: Out, In, Ends).",
	}}

	// entitygraph.
	ix, ours, err := loadOurs(*snap)
	if err != nil {
		return err
	}
	res.Relations = ix.Stats().Relations
	rng := rand.New(rand.NewPCG(*seed, 0xca1e7))
	var starts, targets []string
	for range queries {
		starts = append(starts, ix.NodeName(index.Node(rng.IntN(ix.Stats().Entities))))
		targets = append(targets, ix.NodeName(index.Node(rng.IntN(ix.Stats().Entities))))
	}
	ourNeighbors := func(n index.Node, visit func(index.Node)) {
		for _, r := range ix.Out(n) {
			_, o := ix.Ends(r)
			visit(o)
		}
		for _, r := range ix.In(n) {
			s, _ := ix.Ends(r)
			visit(s)
		}
	}
	ourNode := func(name string) index.Node { n, _ := ix.NodeOf(name); return n }
	queryAll(&ours, starts, targets, ourNode, ourNeighbors)
	res.Ours = ours
	ix = nil
	runtime.GC()

	// Cayley.
	cay, quads, err := loadCayley(*entities, *seed)
	if err != nil {
		return err
	}
	res.Quads = quads
	qs := cay.qs
	ctx := context.Background()
	attr := map[any]bool{}
	for _, p := range attributePredicates {
		attr[qs.ValueOf(p)] = true
	}
	cayNeighbors := func(n graph.Ref, visit func(graph.Ref)) {
		for _, d := range [2][2]quad.Direction{{quad.Subject, quad.Object}, {quad.Object, quad.Subject}} {
			it := qs.QuadIterator(d[0], n)
			for it.Next(ctx) {
				q := it.Result()
				if attr[qs.QuadDirection(q, quad.Predicate)] {
					continue
				}
				visit(qs.QuadDirection(q, d[1]))
			}
			it.Close()
		}
	}
	cayNode := func(name string) graph.Ref { return qs.ValueOf(quad.IRI(name)) }
	queryAll(&cay.side, starts, targets, cayNode, cayNeighbors)
	res.Cayley = cay.side
	res.Cayley.RelationsPerSecond = float64(res.Relations) / res.Cayley.LoadSeconds
	res.Cayley.HeapBytesPerRelation = float64(res.Cayley.HeapBytes) / float64(res.Relations)
	runtime.KeepAlive(qs)
	return json.NewEncoder(os.Stdout).Encode(res)
}

func heap() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

func loadOurs(path string) (*index.Index, side, error) {
	before := heap()
	start := time.Now()
	ix, err := index.OpenSnapshot(path, index.LoadOptions{})
	took := time.Since(start)
	if err != nil {
		return nil, side{}, err
	}
	s := side{LoadSeconds: took.Seconds(), HeapBytes: heap() - before}
	rels := ix.Stats().Relations
	s.RelationsPerSecond = float64(rels) / s.LoadSeconds
	s.HeapBytesPerRelation = float64(s.HeapBytes) / float64(rels)
	return ix, s, nil
}

var (
	predType     = quad.IRI("entitygraph:type")
	predName     = quad.IRI("entitygraph:display_name")
	predAlias    = quad.IRI("entitygraph:alias")
	predEvidence = quad.IRI("entitygraph:evidence")

	attributePredicates = []quad.Value{predType, predName, predAlias, predEvidence}
)

// quadSink turns the generated graph into quads.
type quadSink struct {
	quads    []quad.Quad
	docNames []string
}

func (s *quadSink) AddDocument(d *pb.Document) error {
	s.docNames = append(s.docNames, d.GetName())
	return nil
}

func (s *quadSink) AddEntity(e *pb.Entity) error {
	id := quad.IRI(e.GetName())
	s.quads = append(s.quads,
		quad.Make(id, predType, quad.String(e.GetType()), nil),
		quad.Make(id, predName, quad.LangString{Value: quad.String(e.GetDisplayName()), Lang: "en"}, nil))
	for _, a := range e.GetAliases() {
		s.quads = append(s.quads, quad.Make(id, predAlias, quad.LangString{Value: quad.String(a.GetText()), Lang: a.GetLanguage()}, nil))
	}
	return nil
}

func (s *quadSink) AddRelation(r *pb.Relation) error {
	label := quad.IRI(r.GetName())
	s.quads = append(s.quads, quad.Make(quad.IRI(r.GetSubject()), quad.IRI(r.GetPredicate()), quad.IRI(r.GetObject()), label))
	for _, ev := range r.GetEvidence() {
		s.quads = append(s.quads, quad.Make(label, predEvidence,
			quad.String(ev.GetDocument()+"#"+strconv.Itoa(int(ev.GetStartByte()))+"-"+strconv.Itoa(int(ev.GetEndByte()))), nil))
	}
	return nil
}

type cayleyStore struct {
	qs   *memstore.QuadStore
	side side
}

func loadCayley(entities int, seed uint64) (*cayleyStore, int, error) {
	before := heap()
	sink := &quadSink{}
	// The same vocabulary as entitygraph-snapshot synth uses by default.
	v, err := seedgraph.LoadVocabulary(seeds.FS, nil)
	if err != nil {
		return nil, 0, err
	}
	if err := synth.Generate(synth.Config{Entities: entities, Seed: seed, Vocabulary: v}, sink); err != nil {
		return nil, 0, err
	}
	n := len(sink.quads)
	qs := memstore.New()
	start := time.Now()
	w, err := qs.NewQuadWriter()
	if err != nil {
		return nil, 0, err
	}
	if _, err := w.WriteQuads(sink.quads); err != nil {
		return nil, 0, err
	}
	if err := w.Close(); err != nil {
		return nil, 0, err
	}
	took := time.Since(start)
	sink = nil
	c := &cayleyStore{qs: qs, side: side{LoadSeconds: took.Seconds(), HeapBytes: heap() - before}}
	return c, n, nil
}

// queryAll runs the two queries from every start (and to every target)
// and records their latencies and what they found.
func queryAll[N comparable](s *side, starts, targets []string, node func(string) N, neighbors func(N, func(N))) {
	var two, paths []time.Duration
	reached, found := 0, 0
	for i := range starts {
		a, b := node(starts[i]), node(targets[i])
		t := time.Now()
		reached += twoHops(a, neighbors)
		two = append(two, time.Since(t))
		t = time.Now()
		if connected(a, b, 4, neighbors) {
			found++
		}
		paths = append(paths, time.Since(t))
	}
	s.TwoHopP50, s.TwoHopP99 = percentile(two, 0.5), percentile(two, 0.99)
	s.PathP50, s.PathP99 = percentile(paths, 0.5), percentile(paths, 0.99)
	s.TwoHopReached = float64(reached) / float64(len(starts))
	s.PathFound = float64(found) / float64(len(starts))
}

func percentile(d []time.Duration, p float64) time.Duration {
	slices.Sort(d)
	return d[min(len(d)-1, int(p*float64(len(d))))]
}

// twoHops counts the nodes within two hops of start.
func twoHops[N comparable](start N, neighbors func(N, func(N))) int {
	seen := map[N]bool{start: true}
	frontier := []N{start}
	for range 2 {
		var next []N
		for _, n := range frontier {
			neighbors(n, func(m N) {
				if !seen[m] {
					seen[m] = true
					next = append(next, m)
				}
			})
		}
		frontier = next
	}
	return len(seen) - 1
}

// connected reports whether a path of at most maxHops joins a and b: a
// bidirectional breadth-first search that grows the smaller side.
func connected[N comparable](a, b N, maxHops int, neighbors func(N, func(N))) bool {
	if a == b {
		return true
	}
	seenA, seenB := map[N]bool{a: true}, map[N]bool{b: true}
	fa, fb := []N{a}, []N{b}
	for hops := 0; hops < maxHops && len(fa) > 0 && len(fb) > 0; hops++ {
		if len(fa) > len(fb) {
			fa, fb, seenA, seenB = fb, fa, seenB, seenA
		}
		var next []N
		met := false
		for _, n := range fa {
			neighbors(n, func(m N) {
				if seenB[m] {
					met = true
				}
				if !seenA[m] {
					seenA[m] = true
					next = append(next, m)
				}
			})
			if met {
				return true
			}
		}
		fa = next
	}
	return false
}
