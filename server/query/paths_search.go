package query

import (
	"slices"
	"sync"

	"github.com/entitygraph/entitygraph/server/index"
)

// This file is the bidirectional breadth-first search that finds one
// shortest path, the building block of FindPaths. It touches only the nodes
// it reaches: its state lives in maps sized to them, pooled between calls,
// never in arrays the size of the graph.

// spurExclusions are what a spur search of Yen's algorithm must avoid: the
// nodes of the root path before the spur node, and the hops out of the spur
// node that paths already found take. Both lists are short (at most the hop
// limit and the path count), so they are scanned rather than hashed.
type spurExclusions struct {
	nodes []index.Node
	hops  []Hop // all leave the search's source
}

// searchNodeInfo is what one side of the search knows about a node.
type searchNodeInfo struct {
	dist int32 // hops from the side's root
	// dag heads the list, in pathSearch.edges, of the shortest-path hops that
	// reach the node from the previous layer (forward side) or leave it for
	// the next layer towards the target (backward side); -1 when empty.
	dag int32
	// succ heads the list of hops from the node towards the meeting layer
	// that lie on shortest paths (forward side, after the meeting); -1 when
	// empty.
	succ  int32
	valid bool // on a shortest path (forward side, after the meeting)
}

// searchSide is one half of the bidirectional search.
type searchSide struct {
	at       map[index.Node]int32 // node → position in info
	info     []searchNodeInfo
	frontier []index.Node // the nodes at distance depth
	next     []index.Node
	depth    int32
}

func (sd *searchSide) reset(root index.Node) {
	clear(sd.at)
	sd.info = sd.info[:0]
	sd.frontier = append(sd.frontier[:0], root)
	sd.next = sd.next[:0]
	sd.depth = 0
	sd.add(root, 0)
}

func (sd *searchSide) add(n index.Node, dist int32) int32 {
	i := int32(len(sd.info))
	sd.info = append(sd.info, searchNodeInfo{dist: dist, dag: -1, succ: -1})
	sd.at[n] = i
	return i
}

// searchEdge is an entry of a linked list of hops kept in pathSearch.edges.
type searchEdge struct {
	hop  Hop
	next int32
}

// pathSearch holds the reusable state of a bidirectional search.
type pathSearch struct {
	fwd, bwd searchSide
	edges    []searchEdge
	buf      []Hop
	layer    []index.Node
	prev     []index.Node
}

// maxPooledNodes bounds the searches kept for reuse: clearing a map costs
// time in proportion to its largest size, so one huge query's state is
// dropped rather than slowing every later one.
const maxPooledNodes = 1 << 16

var pathSearchPool = sync.Pool{New: func() any {
	return &pathSearch{fwd: searchSide{at: map[index.Node]int32{}}, bwd: searchSide{at: map[index.Node]int32{}}}
}}

func getPathSearch() *pathSearch { return pathSearchPool.Get().(*pathSearch) }

func putPathSearch(s *pathSearch) {
	if len(s.fwd.info) > maxPooledNodes || len(s.bwd.info) > maxPooledNodes {
		return
	}
	pathSearchPool.Put(s)
}

// shortest finds the shortest path of at most maxHops hops from src to dst
// that avoids ex, and appends its hops to path. Among shortest paths it
// takes the least in the order of [compareHops] applied hop by hop, so the
// result does not depend on where the two sides happened to meet. found is
// false when there is no such path.
func (s *pathSearch) shortest(w *hopWalker, src, dst index.Node, maxHops int, ex spurExclusions, path []Hop) (_ []Hop, found bool, err error) {
	if src == dst {
		return path, true, nil
	}
	if maxHops <= 0 {
		return path, false, nil
	}
	s.edges = s.edges[:0]
	s.fwd.reset(src)
	s.bwd.reset(dst)
	for int(s.fwd.depth+s.bwd.depth) < maxHops {
		if len(s.fwd.frontier) == 0 || len(s.bwd.frontier) == 0 {
			return path, false, nil
		}
		// Expand the side that is cheaper to grow: the one whose frontier
		// has fewer relations to examine. Counting nodes instead would let
		// one hub of a hundred thousand relations look cheaper than three
		// ordinary nodes.
		fwdCost := frontierCost(w.ix, s.fwd.frontier, -1)
		reverse := frontierCost(w.ix, s.bwd.frontier, fwdCost) < fwdCost
		met, err := s.expand(w, src, ex, reverse)
		if err != nil {
			return path, false, err
		}
		if met {
			return s.reconstruct(src, reverse, path), true, nil
		}
	}
	return path, false, nil
}

// frontierCost is the number of adjacency entries growing frontier would
// examine; it stops counting once past limit, when limit is not negative.
func frontierCost(ix *index.Index, frontier []index.Node, limit int) int {
	cost := 0
	for _, n := range frontier {
		cost += len(ix.Out(n)) + len(ix.In(n)) + 1
		if limit >= 0 && cost > limit {
			break
		}
	}
	return cost
}

// expand grows one side of the search by a whole layer and reports whether
// it met the other side.
func (s *pathSearch) expand(w *hopWalker, src index.Node, ex spurExclusions, reverse bool) (met bool, err error) {
	sd, other := &s.fwd, &s.bwd
	if reverse {
		sd, other = other, sd
	}
	depth := sd.depth + 1
	sd.next = sd.next[:0]
	for _, u := range sd.frontier {
		if s.buf, err = w.appendHops(s.buf[:0], u, reverse); err != nil {
			return false, err
		}
		for _, h := range s.buf {
			v := h.To
			if reverse {
				v = h.From
			}
			if v == u || slices.Contains(ex.nodes, v) || (h.From == src && slices.Contains(ex.hops, h)) {
				continue
			}
			i, ok := sd.at[v]
			if !ok {
				i = sd.add(v, depth)
				sd.next = append(sd.next, v)
				if _, ok := other.at[v]; ok {
					met = true
				}
			} else if sd.info[i].dist != depth {
				continue // reached already by a shorter way
			}
			s.edges = append(s.edges, searchEdge{hop: h, next: sd.info[i].dag})
			sd.info[i].dag = int32(len(s.edges) - 1)
		}
	}
	sd.frontier, sd.next = sd.next, sd.frontier
	sd.depth = depth
	return met, nil
}

// reconstruct builds the least shortest path once the sides have met, and
// appends its hops to path; the path ends at the backward side's root. The
// side grown last (reverse tells which) holds the meeting nodes in its
// frontier; every one of them is at the other side's full depth, since a
// nearer one would have met a layer earlier.
func (s *pathSearch) reconstruct(src index.Node, reverse bool, path []Hop) []Hop {
	f, bk := &s.fwd, &s.bwd
	meet := f.frontier
	if reverse {
		meet = bk.frontier
	}
	// The forward side's nodes on shortest paths: the meeting nodes, then
	// layer by layer back to src, noting the hops between them.
	s.layer = s.layer[:0]
	for _, v := range meet {
		if _, ok := bk.at[v]; !ok {
			continue
		}
		if _, ok := f.at[v]; !ok {
			continue
		}
		f.info[f.at[v]].valid = true
		s.layer = append(s.layer, v)
	}
	for d := f.depth; d > 0; d-- {
		s.prev = s.prev[:0]
		for _, v := range s.layer {
			for e := f.info[f.at[v]].dag; e >= 0; e = s.edges[e].next {
				h := s.edges[e].hop
				ui := f.at[h.From]
				s.edges = append(s.edges, searchEdge{hop: h, next: f.info[ui].succ})
				f.info[ui].succ = int32(len(s.edges) - 1)
				if !f.info[ui].valid {
					f.info[ui].valid = true
					s.prev = append(s.prev, h.From)
				}
			}
		}
		s.layer, s.prev = s.prev, s.layer
	}
	// Walk from src taking the least hop each time: first through the
	// forward side to a meeting node, then down the backward side to dst.
	u := src
	for range f.depth {
		u, path = leastHop(s.edges, f.info[f.at[u]].succ, path)
	}
	for range bk.depth {
		u, path = leastHop(s.edges, bk.info[bk.at[u]].dag, path)
	}
	return path // u is dst now: the backward side's hops all lead there
}

// leastHop appends the least hop of the list headed by head and returns
// the node it reaches.
func leastHop(edges []searchEdge, head int32, path []Hop) (index.Node, []Hop) {
	best := edges[head].hop
	for e := edges[head].next; e >= 0; e = edges[e].next {
		if compareHops(edges[e].hop, best) < 0 {
			best = edges[e].hop
		}
	}
	return best.To, append(path, best)
}
