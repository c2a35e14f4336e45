// Package paths searches the graph's shape: the k shortest paths between two
// nodes, and breadth-first traversals from some. Nodes are
// entities and relations; a hop crosses a relation either way (FORWARD,
// BACKWARD) or passes between a relation that other relations are about and
// its own endpoints (UNPACK, PACK). Every query does its work against a
// [budget.Budget]. It reads the index (package index) and the vocabulary,
// and must not import gRPC or the other query engines (package pattern,
// package ask).
package paths

import (
	"slices"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/server/budget"
	"github.com/entitygraph/entitygraph/server/index"
	"github.com/entitygraph/entitygraph/server/vocab"
)

// Hop is one step from a node to a node by way of a relation.
//
// The hops out of a node n are:
//   - FORWARD, for each relation r with subject n: to r's object;
//   - BACKWARD, for each relation r with object n: to r's subject;
//   - UNPACK, when n is a relation R that some relation is about: to R's
//     subject and to R's object, with Rel R;
//   - PACK, for each relation r with n as subject or object that some
//     relation is about: to r's node, with Rel r.
type Hop struct {
	// From is the node the hop leaves.
	From index.Node
	// To is the node the hop reaches.
	To index.Node
	// Rel is the relation the hop uses.
	Rel index.Rel
	// Kind says how the hop uses Rel.
	Kind pb.HopKind
}

// Path is a walk from one node to another. Nodes has one more element than
// Hops: Hops[i] goes from Nodes[i] to Nodes[i+1].
type Path struct {
	// Nodes are the nodes visited, from start to end.
	Nodes []index.Node
	// Hops are the steps between them, in order.
	Hops []Hop
}

// Query asks for the shortest paths between two nodes.
type Query struct {
	// From and To are the ends; both must be nodes of the index searched.
	From, To index.Node
	// MaxHops is the longest path wanted, in hops. With zero or less only the
	// zero-hop path from a node to itself is found.
	MaxHops int
	// MaxPaths is how many paths are wanted (k); less than one means one.
	MaxPaths int
	// Predicates, when not empty, restricts the relations hops may use.
	// FORWARD and BACKWARD hops may cross only relations with one of these
	// predicates. UNPACK and PACK hops may pass through the node of a
	// relation whose own predicate is listed, or about which some relation
	// with a listed predicate exists: a path that reached [Western Digital
	// acquires Kioxia] by COORDINATES_AGAINST may go on to Kioxia, but a
	// filter of LEADS alone does not open every relation node.
	Predicates []vocab.ID
	// Direction restricts the hop kinds: OUTGOING allows FORWARD and UNPACK,
	// INCOMING allows BACKWARD and PACK, BOTH and UNSPECIFIED allow all.
	Direction pb.Direction
	// AllRanks crosses statements of every rank; otherwise the ones reads
	// leave out (see index.Index.Hidden) are never crossed.
	AllRanks bool
}

// FindPaths returns up to q.MaxPaths loopless paths from q.From to q.To of
// at most q.MaxHops hops, shortest first. It returns the k shortest: a
// longer path comes only after every shorter one. Paths of equal length come
// in a stable order, the order of their hops compared one by one by
// relation number, then kind, then the node reached.
//
// A path from a node to itself is the one path of zero hops. When no path
// exists FindPaths returns an empty slice and a nil error. It fails only
// when b does: with a [*budget.Error] when the query visits more edges than
// its budget, or with the context's error when the context ends.
//
// One bidirectional breadth-first search, growing whichever side has fewer
// relations to examine a layer at a time, finds every shortest path at
// once, and the first k of them in order are read off it. Only when there
// are fewer than k shortest paths are longer ones sought, a length at a
// time, from layers of walks grown from both ends (see paths_longer.go).
// Memory is proportional to the nodes the searches reach.
func FindPaths(ix *index.Index, q Query, b *budget.Budget) ([]Path, error) {
	if q.From == q.To {
		return []Path{{Nodes: []index.Node{q.From}, Hops: []Hop{}}}, nil
	}
	s := getPathSearch()
	defer putPathSearch(s)
	return s.findPaths(ix, q, b)
}

// findPaths is FindPaths for q.From ≠ q.To, with s's state.
func (s *pathSearch) findPaths(ix *index.Index, q Query, b *budget.Budget) ([]Path, error) {
	k := max(q.MaxPaths, 1)
	w := newHopWalker(ix, b, q.Predicates, q.Direction, q.AllRanks)
	found, err := s.search(w, q.From, q.To, q.MaxHops)
	if err != nil {
		return nil, err
	}
	if !found {
		return []Path{}, nil
	}
	var paths []Path
	s.enumerate(q.From, k, func(hops []Hop) { paths = append(paths, newPath(q.From, slices.Clone(hops))) })
	if len(paths) == k || len(paths[0].Hops) >= q.MaxHops {
		return paths, nil
	}

	s.walk.reset(w, &s.buf, q.From, q.To)
	return s.walk.longerPaths(len(paths[0].Hops)+1, q.MaxHops, k, paths)
}

// newPath makes a path from its start and hops.
func newPath(from index.Node, hops []Hop) Path {
	nodes := make([]index.Node, 0, len(hops)+1)
	nodes = append(nodes, from)
	for _, h := range hops {
		nodes = append(nodes, h.To)
	}
	if hops == nil {
		hops = []Hop{}
	}
	return Path{Nodes: nodes, Hops: hops}
}

// HopReading returns h as an English sentence from h.From to h.To, naming
// entities by their display names and relation nodes by their summaries in
// brackets:
//
//   - FORWARD: "Western Digital acquires Kioxia";
//   - BACKWARD: "Kioxia is acquired by Western Digital";
//   - UNPACK: "[Western Digital acquires Kioxia (failed, 2021)] involves Kioxia";
//   - PACK: "Kioxia is part of [Western Digital acquires Kioxia (failed, 2021)]".
func HopReading(ix *index.Index, h Hop) string {
	from, to := ix.Label(h.From), ix.Label(h.To)
	e := ix.Vocabulary().Predicate(ix.Predicate(h.Rel))
	switch h.Kind {
	case pb.HopKind_HOP_KIND_FORWARD:
		return e.Sentence(from, to)
	case pb.HopKind_HOP_KIND_BACKWARD:
		return e.InverseSentence(to, from)
	case pb.HopKind_HOP_KIND_UNPACK:
		return from + " involves " + to
	case pb.HopKind_HOP_KIND_PACK:
		return from + " is part of " + to
	}
	return from + " is linked to " + to
}
