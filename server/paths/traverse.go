package paths

import (
	"slices"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/server/budget"
	"github.com/entitygraph/entitygraph/server/index"
	"github.com/entitygraph/entitygraph/server/vocab"
)

// TraverseQuery asks for a breadth-first expansion.
type TraverseQuery struct {
	// Start are the nodes to expand from; all must be nodes of the index
	// traversed. Duplicates are ignored.
	Start []index.Node
	// MaxDepth is how many hops out to go; zero or less emits the start
	// nodes only.
	MaxDepth int
	// Limit is the most items emitted; zero or less means no limit.
	Limit int
	// Predicates, when not empty, restricts the relations hops may use, as
	// in [Query].
	Predicates []vocab.ID
	// Direction restricts the hop kinds, as in [Query].
	Direction pb.Direction
	// AllRanks crosses statements of every rank; otherwise the ones reads
	// leave out (see index.Index.Hidden) are never crossed.
	AllRanks bool
}

// Item is one thing a traversal reached: a node, or a relation followed.
type Item struct {
	// Node is the node reached, or, when IsRelation is set, the node of the
	// relation followed.
	Node index.Node
	// IsRelation is set when the item is a relation followed (Rel set)
	// rather than a node reached.
	IsRelation bool
	// Rel is the relation followed when IsRelation is set, and zero
	// otherwise.
	Rel index.Rel
	// Depth is the number of hops from the nearest start node.
	Depth int
	// Via is the hop that led here; nil for the start nodes.
	Via *Hop
}

// Traverse expands breadth first from q.Start and calls emit for each item
// reached, in order of depth. It emits each start node at depth 0, then,
// for each hop followed from a node at depth d < q.MaxDepth, the hop's
// relation the first time that relation is followed and the node reached
// the first time it is reached, both at depth d+1 with the hop as Via. The
// hops of a node are followed in the order of relation number, then kind,
// then the node reached, so the output is stable.
//
// Traverse returns nil when the expansion is done or q.Limit items were
// emitted. It stops with emit's error, unchanged, when emit fails (a
// stream's Send failing when its client went away), and with b's error
// when the budget is exceeded or the context ends. Memory is proportional
// to the nodes and relations reached, not to the graph.
func Traverse(ix *index.Index, q TraverseQuery, b *budget.Budget, emit func(Item) error) error {
	w := newHopWalker(ix, b, q.Predicates, q.Direction, q.AllRanks)
	reached := make(map[index.Node]struct{}, len(q.Start))
	followed := map[index.Rel]struct{}{}
	emitted := 0
	// send emits it and reports whether the traversal is over.
	send := func(it Item) (bool, error) {
		if err := emit(it); err != nil {
			return true, err
		}
		emitted++
		return q.Limit > 0 && emitted >= q.Limit, nil
	}

	var frontier, next []index.Node
	for _, n := range q.Start {
		if _, ok := reached[n]; ok {
			continue
		}
		reached[n] = struct{}{}
		frontier = append(frontier, n)
		if done, err := send(Item{Node: n}); done {
			return err
		}
	}
	var hops []Hop
	for depth := 1; depth <= q.MaxDepth && len(frontier) > 0; depth++ {
		next = next[:0]
		for _, u := range frontier {
			var err error
			if hops, err = w.appendHops(hops[:0], u, false); err != nil {
				return err
			}
			slices.SortFunc(hops, compareHops)
			for _, h := range hops {
				if _, ok := followed[h.Rel]; !ok {
					followed[h.Rel] = struct{}{}
					via := h
					it := Item{Node: ix.RelationNode(h.Rel), IsRelation: true, Rel: h.Rel, Depth: depth, Via: &via}
					if done, err := send(it); done {
						return err
					}
				}
				if _, ok := reached[h.To]; !ok {
					reached[h.To] = struct{}{}
					next = append(next, h.To)
					via := h
					if done, err := send(Item{Node: h.To, Depth: depth, Via: &via}); done {
						return err
					}
				}
			}
		}
		frontier, next = next, frontier
	}
	return nil
}
