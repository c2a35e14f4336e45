package paths

import (
	"context"
	"slices"

	"github.com/entitygraph/entitygraph/server/budget"
	"github.com/entitygraph/entitygraph/server/index"
)

// This file finds the paths longer than the shortest, for FindPaths when
// there are fewer than k shortest paths. It replaces Yen's algorithm, whose
// spur searches each started a bidirectional search from scratch, most of
// them from the hubs that short paths between random nodes pass through:
// at 1M entities they blew the default budget on most of those queries.
//
// Instead it grows walk layers from both ends once: forward layer j holds
// every node some walk of j hops from the source reaches, with every hop
// that reaches it from layer j-1; backward layer j the same towards the
// target. Unlike the breadth-first search, a node may be in several layers
// of a side, since longer paths may reach it the long way. A simple path of
// ℓ hops has its node at position a in forward layer a and backward layer
// ℓ-a, so for each length ℓ the layers are grown until they cover ℓ, the
// nodes in both layers of a split are the meeting nodes, and a depth-first
// walk over the hops that lead to them, in hop order, skipping nodes
// already on the path, meets the simple paths of ℓ hops in order.

// walkSearch holds the walk layers of both sides. It lives in a pooled
// [pathSearch], so its slices and layers are reused from call to call:
// the layers of a query that reaches hubs hold hundreds of thousands of
// nodes, and growing them afresh each time was most of what FindPaths
// allocated.
type walkSearch struct {
	w        *hopWalker
	src, dst index.Node
	fwd, bwd []*walkLayer
	// spare are layers of earlier searches, emptied, for grow to reuse.
	spare []*walkLayer
	// partial, when not nil, is the last layer of the forward side
	// (partialReverse false) or the backward side (true), grown for its
	// meeting nodes alone: see grow and complete.
	partial        *walkLayer
	partialReverse bool
	edges          []searchEdge
	// succ holds the lists that walkNode.succ heads, for the length being
	// enumerated: each entry names a hop of edges rather than copying it.
	succ []succEdge
	buf  *[]Hop // the pathSearch's, shared: only one search runs at a time
	// layer and prev are enumerate's marking state; levels, next, nodes
	// and hops its depth-first walk's.
	layer, prev []int32
	levels      [][]Hop
	next        []int
	nodes       []index.Node
	hops        []Hop
}

// walkLayer is one layer of walks of one side.
type walkLayer struct {
	at    nodeTable // node → position in nodes and info
	nodes []index.Node
	info  []walkNode
}

// succEdge is an entry of a linked list in walkSearch.succ: the hop
// walkSearch.edges[edge].
type succEdge struct {
	edge, next int32
}

// walkNode is what a layer knows of one of its nodes.
type walkNode struct {
	// hops heads the list, in walkSearch.edges, of the hops that join the
	// node to the previous layer of its side: those reaching it (forward)
	// or leaving it (backward).
	hops int32
	// succ heads the list, in walkSearch.succ, of hops from the node to live
	// nodes of the next forward layer, for the length being enumerated; -1
	// when empty.
	succ int32
	live bool // on a walk of the length being enumerated (forward)
}

// maxPooledLayers bounds the walk layers a pooled search keeps: enough for
// both sides of the longest paths the service allows.
const maxPooledLayers = 16

// reset readies ws for a search from src to dst, keeping what it holds
// for reuse.
func (ws *walkSearch) reset(w *hopWalker, buf *[]Hop, src, dst index.Node) {
	ws.w, ws.buf, ws.src, ws.dst = w, buf, src, dst
	ws.partial = nil
	ws.spare = append(ws.spare, ws.fwd...)
	ws.spare = append(ws.spare, ws.bwd...)
	clear(ws.fwd)
	clear(ws.bwd)
	ws.fwd = append(ws.fwd[:0], ws.newLayer(src))
	ws.bwd = append(ws.bwd[:0], ws.newLayer(dst))
	ws.edges = ws.edges[:0]
}

// release drops what ws refers to of the query, and what it holds beyond
// the bounds kept between calls, before ws goes back to the pool.
func (ws *walkSearch) release() {
	ws.w, ws.buf, ws.partial = nil, nil, nil
	ws.spare = append(ws.spare, ws.fwd...)
	ws.spare = append(ws.spare, ws.bwd...)
	clear(ws.fwd)
	clear(ws.bwd)
	ws.fwd, ws.bwd = ws.fwd[:0], ws.bwd[:0]
	if len(ws.spare) > maxPooledLayers {
		clear(ws.spare[maxPooledLayers:])
		ws.spare = ws.spare[:maxPooledLayers]
	}
	for _, l := range ws.spare {
		l.trim()
	}
	if cap(ws.edges) > maxPooledHops {
		ws.edges = nil
	}
	if cap(ws.succ) > maxPooledHops {
		ws.succ = nil
	}
	for i, l := range ws.levels {
		if cap(l) > maxPooledHops {
			ws.levels[i] = nil
		}
	}
}

// newLayer returns an empty layer, a spare one when there is one, holding
// root when root is not negative.
func (ws *walkSearch) newLayer(root index.Node) *walkLayer {
	var l *walkLayer
	if n := len(ws.spare); n > 0 {
		l = ws.spare[n-1]
		ws.spare[n-1] = nil
		ws.spare = ws.spare[:n-1]
	} else {
		l = &walkLayer{}
	}
	l.at.resetHolding(l.nodes)
	l.nodes, l.info = l.nodes[:0], l.info[:0]
	if root >= 0 {
		l.add(root)
	}
	return l
}

// trim drops l's slices when they are larger than a pooled search keeps.
func (l *walkLayer) trim() {
	if cap(l.nodes) > 1<<maxKeptTableBits/2 {
		l.at.reset() // before the nodes it holds are forgotten
		l.nodes, l.info = nil, nil
	}
	l.at.trim()
}

func (l *walkLayer) add(n index.Node) (int32, bool) {
	i, added := l.at.add(n, int32(len(l.nodes)))
	if added {
		l.nodes = append(l.nodes, n)
		l.info = append(l.info, walkNode{hops: -1, succ: -1})
	}
	return i, added
}

// longerPaths appends to paths, which hold every path of fewer hops than
// from, the simple paths from src to dst of from to maxHops hops in order,
// until there are k.
func (ws *walkSearch) longerPaths(from, maxHops, k int, paths []Path) ([]Path, error) {
	ix := ws.w.ix
	for length := from; length <= maxHops && len(paths) < k; length++ {
		if err := ws.complete(); err != nil {
			return nil, err
		}
		// Grow the cheaper side until the layers cover length with a
		// meeting node strictly inside the path: at least one layer each.
		for !covers(len(ws.fwd), len(ws.bwd), length) {
			fwdCost := frontierCost(ix, ws.fwd[len(ws.fwd)-1].nodes, -1)
			reverse := len(ws.fwd) >= 2 && (len(ws.bwd) < 2 || frontierCost(ix, ws.bwd[len(ws.bwd)-1].nodes, fwdCost) < fwdCost)
			if err := ws.grow(reverse, ws.meetingLayer(reverse, length)); err != nil {
				return nil, err
			}
		}
		var err error
		if paths, err = ws.enumerate(length, k, paths); err != nil {
			return nil, err
		}
	}
	return paths, nil
}

// covers reports whether fwd forward and bwd backward layers cover paths
// of length hops with a meeting node strictly inside them.
func covers(fwd, bwd, length int) bool {
	return fwd >= 2 && bwd >= 2 && fwd+bwd-2 >= length
}

// meetingLayer returns, when the layer grow is about to add to one side
// will be that side's meeting layer in enumerate for length, the other
// side's meeting layer; otherwise nil.
func (ws *walkSearch) meetingLayer(reverse bool, length int) *walkLayer {
	nf, nb := len(ws.fwd), len(ws.bwd)
	if reverse {
		nb++
	} else {
		nf++
	}
	if !covers(nf, nb, length) {
		return nil // more layers come before the meeting ones
	}
	a := min(nf-1, length-1) // as in enumerate
	b := length - a
	switch {
	case !reverse && a == nf-1:
		return ws.bwd[b]
	case reverse && b == nb-1:
		return ws.fwd[a]
	}
	return nil
}

// grow adds the next layer to one side. Walks back to the side's own root
// are left out: no simple path returns to its source or leaves its target.
//
// When meet is not nil the new layer is its side's meeting layer for the
// length sought, and meet the other side's: enumerate looks in the new
// layer only for the nodes meet holds, and at their hops. So only those
// nodes are kept, with their hops, and the layer is marked partial. The
// layer a hub reaches holds hundreds of thousands of nodes, of which
// enumerate needs a handful; and the search most often ends at that length,
// with its k paths or at its last.
func (ws *walkSearch) grow(reverse bool, meet *walkLayer) (err error) {
	side, root := &ws.fwd, ws.src
	if reverse {
		side, root = &ws.bwd, ws.dst
	}
	cur := (*side)[len(*side)-1]
	next := ws.newLayer(-1)
	// The layer joins its side before it is filled, so that a failure
	// leaves it where reset will find it.
	*side = append(*side, next)
	if meet != nil {
		ws.partial, ws.partialReverse = next, reverse
	}
	for _, u := range cur.nodes {
		if *ws.buf, err = ws.w.appendHops((*ws.buf)[:0], u, reverse); err != nil {
			return err
		}
		ws.edges = reserve(ws.edges, len(*ws.buf))
		for _, h := range *ws.buf {
			v := h.To
			if reverse {
				v = h.From
			}
			if v == u || v == root || meet != nil && meet.at.find(v) < 0 {
				continue
			}
			i, _ := next.add(v)
			ws.edges = append(ws.edges, searchEdge{hop: h, next: next.info[i].hops})
			next.info[i].hops = int32(len(ws.edges) - 1)
		}
	}
	return nil
}

// complete grows again, in full, the layer grown partial for the last
// length, since the lengths to come may need all of it: to grow the next
// layer from, to meet the other side, or to pass through. It replays the
// same hops from the same layer in the same order, so the layer is the one
// an unfiltered grow would have made. The budget paid for those adjacency
// entries when they were first examined and is not charged again: the
// edges a query visits, and where it runs out, do not depend on how much of
// a layer was kept.
func (ws *walkSearch) complete() error {
	if ws.partial == nil {
		return nil
	}
	reverse := ws.partialReverse
	side := &ws.fwd
	if reverse {
		side = &ws.bwd
	}
	last := len(*side) - 1
	(*side)[last] = nil
	*side = (*side)[:last]
	ws.spare = append(ws.spare, ws.partial)
	ws.partial = nil
	// A copy of the walker shares its filter and the memo of relation
	// nodes, filled by the first pass, but charges a budget of its own.
	w, free := ws.w, *ws.w
	free.b = budget.New(context.Background(), 0)
	ws.w = &free
	err := ws.grow(reverse, nil)
	ws.w = w
	return err
}

// enumerate appends to paths the simple paths of exactly length hops, in
// order, until there are k. The layers must cover length.
func (ws *walkSearch) enumerate(length, k int, paths []Path) ([]Path, error) {
	a := min(len(ws.fwd)-1, length-1) // the meeting node's position
	b := length - a
	meetF, meetB := ws.fwd[a], ws.bwd[b]

	// Mark the forward nodes on walks to a meeting node, layer by layer
	// back from the meeting nodes, noting the hops between them.
	for _, l := range ws.fwd[:a+1] {
		for i := range l.info {
			l.info[i].live, l.info[i].succ = false, -1
		}
	}
	ws.succ = ws.succ[:0] // the lists of an earlier length were unlinked above
	ws.layer = ws.layer[:0]
	for i, n := range meetF.nodes {
		if n != ws.dst && meetB.at.find(n) >= 0 {
			meetF.info[i].live = true
			ws.layer = append(ws.layer, int32(i))
		}
	}
	for j := a; j > 0; j-- {
		here, before := ws.fwd[j], ws.fwd[j-1]
		ws.prev = ws.prev[:0]
		for _, i := range ws.layer {
			for e := here.info[i].hops; e >= 0; e = ws.edges[e].next {
				h := ws.edges[e].hop
				ui := before.at.find(h.From)
				ws.succ = append(ws.succ, succEdge{edge: e, next: before.info[ui].succ})
				before.info[ui].succ = int32(len(ws.succ) - 1)
				if !before.info[ui].live {
					before.info[ui].live = true
					ws.prev = append(ws.prev, ui)
				}
			}
		}
		ws.layer, ws.prev = ws.prev, ws.layer
	}
	if len(ws.layer) == 0 {
		return paths, nil // no walk of this length
	}

	// The walk: levels[d] holds, sorted, the hops that may follow node d of
	// the path, next[d] the one to try next. Every hop leads on to the
	// target in the right number of hops, though perhaps only by a node
	// already on the path; the hops examined are charged to the budget,
	// since a walk that keeps meeting the path can cost more than the
	// layers did.
	for len(ws.levels) < length {
		ws.levels = append(ws.levels, nil)
	}
	levels := ws.levels[:length]
	// Sized once here, so that the appends below never move them and the
	// search keeps them for its next call.
	ws.next = slices.Grow(ws.next[:0], length)[:length]
	ws.nodes = slices.Grow(ws.nodes[:0], length+1)
	ws.hops = slices.Grow(ws.hops[:0], length)
	next, nodes, hops := ws.next, append(ws.nodes, ws.src), ws.hops
	children := func(d int, n index.Node) error {
		levels[d] = levels[d][:0]
		if d < a {
			l := ws.fwd[d]
			for e := l.info[l.at.find(n)].succ; e >= 0; e = ws.succ[e].next {
				levels[d] = append(levels[d], ws.edges[ws.succ[e].edge].hop)
			}
		} else {
			l := ws.bwd[length-d]
			for e := l.info[l.at.find(n)].hops; e >= 0; e = ws.edges[e].next {
				levels[d] = append(levels[d], ws.edges[e].hop)
			}
		}
		slices.SortFunc(levels[d], compareHops)
		next[d] = 0
		return ws.w.b.Spend(int64(len(levels[d])))
	}
	if err := children(0, ws.src); err != nil {
		return nil, err
	}
	for d := 0; d >= 0 && len(paths) < k; {
		if next[d] == len(levels[d]) {
			d--
			continue
		}
		h := levels[d][next[d]]
		next[d]++
		if slices.Contains(nodes[:d+1], h.To) || (h.To == ws.dst) != (d+1 == length) {
			continue
		}
		hops, nodes = append(hops[:d], h), append(nodes[:d+1], h.To)
		if d+1 == length {
			paths = append(paths, Path{Nodes: slices.Clone(nodes), Hops: slices.Clone(hops)})
			continue
		}
		d++
		if err := children(d, h.To); err != nil {
			return nil, err
		}
	}
	return paths, nil
}
