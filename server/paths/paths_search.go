package paths

import (
	"slices"
	"sync"

	"github.com/entitygraph/entitygraph/server/index"
)

// This file is the bidirectional breadth-first search that finds every
// shortest path at once, the building block of FindPaths. It touches only
// the nodes it reaches: its state lives in tables sized to them, pooled
// between calls, never in arrays the size of the graph.

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
	at       nodeTable // node → position in info
	info     []searchNodeInfo
	frontier []index.Node // the nodes at distance depth
	next     []index.Node
	depth    int32
}

func (sd *searchSide) reset(root index.Node) {
	sd.at.reset()
	sd.info = sd.info[:0]
	sd.frontier = append(sd.frontier[:0], root)
	sd.next = sd.next[:0]
	sd.depth = 0
	sd.add(root, 0)
}

// trim drops sd's table and lists when they are larger than a pooled
// search keeps.
func (sd *searchSide) trim() {
	sd.at.trim()
	if cap(sd.info) > 1<<maxKeptTableBits/2 {
		sd.info = nil
	}
	if cap(sd.frontier) > 1<<maxKeptTableBits/2 || cap(sd.next) > 1<<maxKeptTableBits/2 {
		sd.frontier, sd.next = nil, nil
	}
}

func (sd *searchSide) add(n index.Node, dist int32) int32 {
	i := int32(len(sd.info))
	sd.info = append(sd.info, searchNodeInfo{dist: dist, dag: -1, succ: -1})
	sd.at.add(n, i)
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
	// pending holds the hops of the layer being grown until it is known
	// not to meet the other side; only then are the nodes they reach
	// added to the side.
	pending []Hop
	// bridges are the hops by which the sides met, after a search that did.
	bridges []Hop
	layer   []index.Node
	prev    []index.Node
	// levels, next and path are the state of enumerate's depth-first walk.
	levels [][]Hop
	next   []int
	path   []Hop
	// walk is the state of the search for longer paths, when the shortest
	// are fewer than wanted.
	walk walkSearch
}

// maxPooledHops bounds the hop lists of a search kept for reuse, so that
// one huge query does not pin its memory; maxKeptTableBits bounds the
// tables likewise.
const maxPooledHops = 1 << 18

var pathSearchPool = sync.Pool{New: func() any { return &pathSearch{} }}

func getPathSearch() *pathSearch { return pathSearchPool.Get().(*pathSearch) }

// putPathSearch returns s to the pool.
func putPathSearch(s *pathSearch) {
	s.release()
	pathSearchPool.Put(s)
}

// release drops what s holds beyond the bounds kept between calls, ready
// for the pool: a huge query's lists and tables go, the rest stays for the
// next query.
func (s *pathSearch) release() {
	s.walk.release()
	for _, hops := range [...]*[]Hop{&s.buf, &s.pending, &s.bridges} {
		if cap(*hops) > maxPooledHops {
			*hops = nil
		}
	}
	if cap(s.edges) > maxPooledHops {
		s.edges = nil
	}
	s.fwd.trim()
	s.bwd.trim()
}

// search runs the bidirectional search from src to dst, src ≠ dst, for at
// most maxHops hops, and reports whether the sides met. When
// they did, the search holds every shortest path from src to dst at once,
// for [pathSearch.enumerate]: each side keeps, for every node it reached,
// all the hops that reach it from the side's previous layer, not just the
// first, and s.bridges holds every hop between the two sides' last layers.
func (s *pathSearch) search(w *hopWalker, src, dst index.Node, maxHops int) (found bool, err error) {
	if maxHops <= 0 {
		return false, nil
	}
	s.edges = s.edges[:0]
	s.bridges = s.bridges[:0]
	s.fwd.reset(src)
	s.bwd.reset(dst)
	for int(s.fwd.depth+s.bwd.depth) < maxHops {
		if len(s.fwd.frontier) == 0 || len(s.bwd.frontier) == 0 {
			return false, nil
		}
		// Expand the side that is cheaper to grow: the one whose frontier
		// has fewer relations to examine. Counting nodes instead would let
		// one hub of a hundred thousand relations look cheaper than three
		// ordinary nodes.
		fwdCost := frontierCost(w.ix, s.fwd.frontier, -1)
		reverse := frontierCost(w.ix, s.bwd.frontier, fwdCost) < fwdCost
		// The last layer the hop limit allows need not be kept: it either
		// meets the other side or ends the search.
		last := int(s.fwd.depth+s.bwd.depth)+1 == maxHops
		met, err := s.expand(w, reverse, last)
		if err != nil || met || last {
			return met, err
		}
	}
	return false, nil
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
// it met the other side. When it did, the hops that cross from one side to
// the other are in s.bridges, each from a node of the forward side's last
// layer to one of the backward side's, and the layer is not recorded: the
// sides are not grown again. Nor is the layer recorded when last is true.
//
// Both sides' last layers lie at their full depth: a node of an earlier
// layer next to the other side would have met it a layer sooner. So every
// bridge closes a path of fwd.depth + 1 + bwd.depth hops, the shortest.
func (s *pathSearch) expand(w *hopWalker, reverse, last bool) (met bool, err error) {
	sd, other := &s.fwd, &s.bwd
	if reverse {
		sd, other = other, sd
	}
	s.pending = s.pending[:0]
	for _, u := range sd.frontier {
		if s.buf, err = w.appendHops(s.buf[:0], u, reverse); err != nil {
			return false, err
		}
		s.pending = reserve(s.pending, len(s.buf))
		for _, h := range s.buf {
			v := h.To
			if reverse {
				v = h.From
			}
			if v == u {
				continue
			}
			if other.at.find(v) >= 0 {
				s.bridges = append(s.bridges, h)
			} else if len(s.bridges) == 0 && !last {
				s.pending = append(s.pending, h)
			}
		}
	}
	if len(s.bridges) > 0 || last {
		return len(s.bridges) > 0, nil
	}
	depth := sd.depth + 1
	sd.next = sd.next[:0]
	s.edges = reserve(s.edges, len(s.pending))
	for _, h := range s.pending {
		v := h.To
		if reverse {
			v = h.From
		}
		i, added := sd.at.add(v, int32(len(sd.info)))
		if added {
			sd.info = append(sd.info, searchNodeInfo{dist: depth, dag: -1, succ: -1})
			sd.next = append(sd.next, v)
		} else if sd.info[i].dist != depth {
			continue // reached already by a shorter way
		}
		s.edges = append(s.edges, searchEdge{hop: h, next: sd.info[i].dag})
		sd.info[i].dag = int32(len(s.edges) - 1)
	}
	sd.frontier, sd.next = sd.next, sd.frontier
	sd.depth = depth
	return false, nil
}

// enumerate calls emit with up to k shortest paths from src, the forward
// side's root, in the order of their hops compared one by one with
// [compareHops], after a search that met. emit must not keep hops.
//
// It first keeps, of the forward side, only what lies on shortest paths:
// the bridges' near ends, then layer by layer back to src the nodes with a
// hop to one already kept, noting those hops as each node's successors.
// Every successor and every hop of the backward side then leads to the
// target in the right number of hops, so a depth-first walk taking each
// node's hops in order meets the paths in order and never backtracks in
// vain: it stops after k.
func (s *pathSearch) enumerate(src index.Node, k int, emit func(hops []Hop)) {
	f, bk := &s.fwd, &s.bwd
	// keep notes h as a successor of its node, which joins layer the
	// first time.
	keep := func(h Hop, layer *[]index.Node) {
		i := f.at.find(h.From)
		s.edges = append(s.edges, searchEdge{hop: h, next: f.info[i].succ})
		f.info[i].succ = int32(len(s.edges) - 1)
		if !f.info[i].valid {
			f.info[i].valid = true
			*layer = append(*layer, h.From)
		}
	}
	s.layer = s.layer[:0]
	for _, h := range s.bridges {
		keep(h, &s.layer)
	}
	for d := f.depth; d > 0; d-- {
		s.prev = s.prev[:0]
		for _, v := range s.layer {
			for e := f.info[f.at.find(v)].dag; e >= 0; e = s.edges[e].next {
				keep(s.edges[e].hop, &s.prev)
			}
		}
		s.layer, s.prev = s.prev, s.layer
	}

	// The walk: level d holds, sorted, the hops on shortest paths out of
	// the path's node d, and next[d] the one to try next.
	length := int(f.depth + 1 + bk.depth)
	for len(s.levels) < length {
		s.levels = append(s.levels, nil)
	}
	next := s.next[:0]
	path := s.path[:0]
	children := func(d int, n index.Node) {
		var head int32
		if d <= int(f.depth) {
			head = f.info[f.at.find(n)].succ
		} else {
			head = bk.info[bk.at.find(n)].dag
		}
		hops := s.levels[d][:0]
		for e := head; e >= 0; e = s.edges[e].next {
			hops = append(hops, s.edges[e].hop)
		}
		slices.SortFunc(hops, compareHops)
		s.levels[d] = hops
		next = append(next[:d], 0)
	}
	children(0, src)
	for d := 0; d >= 0 && k > 0; {
		if next[d] == len(s.levels[d]) {
			d--
			continue
		}
		h := s.levels[d][next[d]]
		next[d]++
		path = append(path[:d], h)
		if d+1 == length {
			emit(path)
			k--
			continue
		}
		d++
		children(d, h.To)
	}
	s.next, s.path = next, path
}
