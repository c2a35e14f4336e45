package paths

import (
	"cmp"
	"slices"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/server/budget"
	"github.com/entitygraph/entitygraph/server/index"
	"github.com/entitygraph/entitygraph/server/vocab"
)

// hopWalker generates the hops a query may follow out of (or into) a node,
// under the query's predicate filter and direction, and charges the budget
// for every adjacency entry it examines.
type hopWalker struct {
	ix *index.Index
	b  *budget.Budget
	// allow is indexed by HopKind: the kinds the direction permits.
	allow [5]bool
	// preds is indexed by predicate number; nil admits every predicate.
	preds []bool
	// inScope memoizes [hopWalker.admitsRelationNode] for relations whose own
	// predicate the filter refuses.
	inScope map[index.Rel]bool
	// allRanks admits statements of every rank; otherwise hidden ones
	// (index.Hidden) are never crossed.
	allRanks bool
}

// newHopWalker returns a walker for one query's filter and direction,
// charging b.
func newHopWalker(ix *index.Index, b *budget.Budget, predicates []vocab.ID, dir pb.Direction, allRanks bool) *hopWalker {
	w := &hopWalker{ix: ix, b: b, allRanks: allRanks}
	switch dir {
	case pb.Direction_DIRECTION_OUTGOING:
		w.allow[pb.HopKind_HOP_KIND_FORWARD] = true
		w.allow[pb.HopKind_HOP_KIND_UNPACK] = true
	case pb.Direction_DIRECTION_INCOMING:
		w.allow[pb.HopKind_HOP_KIND_BACKWARD] = true
		w.allow[pb.HopKind_HOP_KIND_PACK] = true
	default: // BOTH, UNSPECIFIED, and values from newer clients
		w.allow = [5]bool{false, true, true, true, true}
	}
	if len(predicates) > 0 {
		w.preds = make([]bool, ix.Vocabulary().Len())
		for _, p := range predicates {
			if int(p) < len(w.preds) {
				w.preds[p] = true
			}
		}
	}
	return w
}

// admits reports whether relation r passes the rank and predicate filters.
func (w *hopWalker) admits(r index.Rel) bool {
	if !w.allRanks && w.ix.Hidden(r) {
		return false
	}
	return w.preds == nil || w.preds[w.ix.Predicate(r)]
}

// admitsRelationNode reports whether UNPACK and PACK hops may pass through
// the node of relation r: when r's own predicate passes the filter, or the
// predicate of some relation about r does. The filter thus lets a path that
// reached [Western Digital acquires Kioxia] by COORDINATES_AGAINST go on to
// Kioxia, but does not let it slip between Samsung and Sony through their
// PARTNERS_WITH relation just because something is said about that
// relation. The relations about r are examined once per query.
func (w *hopWalker) admitsRelationNode(r index.Rel) (bool, error) {
	if !w.allRanks && w.ix.Hidden(r) {
		return false, nil
	}
	if w.admits(r) {
		return true, nil
	}
	if ok, seen := w.inScope[r]; seen {
		return ok, nil
	}
	n := w.ix.RelationNode(r)
	out, in := w.ix.Out(n), w.ix.In(n)
	if err := w.b.Spend(int64(len(out) + len(in))); err != nil {
		return false, err
	}
	ok := slices.ContainsFunc(out, w.admits) || slices.ContainsFunc(in, w.admits)
	if w.inScope == nil {
		w.inScope = map[index.Rel]bool{}
	}
	w.inScope[r] = ok
	return ok, nil
}

// The roles a hop kind plays seen from one node, by orientation. Seen from
// the node a hop leaves (reverse false) an outgoing relation is crossed
// FORWARD; seen from the node a hop reaches (reverse true) the same
// adjacency entry is a BACKWARD hop arriving. "Lift" hops go from an
// endpoint to its relation, "lower" hops from a relation to its endpoints.
var (
	acrossOutKind = [2]pb.HopKind{pb.HopKind_HOP_KIND_FORWARD, pb.HopKind_HOP_KIND_BACKWARD}
	acrossInKind  = [2]pb.HopKind{pb.HopKind_HOP_KIND_BACKWARD, pb.HopKind_HOP_KIND_FORWARD}
	liftKind      = [2]pb.HopKind{pb.HopKind_HOP_KIND_PACK, pb.HopKind_HOP_KIND_UNPACK}
	lowerKind     = [2]pb.HopKind{pb.HopKind_HOP_KIND_UNPACK, pb.HopKind_HOP_KIND_PACK}
)

// appendHops appends to buf the hops leaving n (reverse false) or the hops
// reaching n (reverse true). Hops are always stated in their own direction,
// From → To, whichever end n is. It fails only when the budget does.
func (w *hopWalker) appendHops(buf []Hop, n index.Node, reverse bool) ([]Hop, error) {
	o := 0
	if reverse {
		o = 1
	}
	ix := w.ix
	// mk states a hop between n and other in the hop's own direction.
	mk := func(other index.Node, r index.Rel, kind pb.HopKind) Hop {
		if reverse {
			return Hop{From: other, To: n, Rel: r, Kind: kind}
		}
		return Hop{From: n, To: other, Rel: r, Kind: kind}
	}
	out, in := ix.Out(n), ix.In(n)
	buf = reserve(buf, len(out)+len(in)) // enough unless relation nodes are lifted
	acrossOut, acrossIn, lift := w.allow[acrossOutKind[o]], w.allow[acrossInKind[o]], w.allow[liftKind[o]]
	if acrossOut || lift {
		if err := w.b.Spend(int64(len(out))); err != nil {
			return buf, err
		}
		for _, r := range out {
			if acrossOut && w.admits(r) {
				_, obj := ix.Ends(r)
				buf = append(buf, mk(obj, r, acrossOutKind[o]))
			}
			if lift && ix.Reified(r) {
				if open, err := w.admitsRelationNode(r); err != nil {
					return buf, err
				} else if open {
					buf = append(buf, mk(ix.RelationNode(r), r, liftKind[o]))
				}
			}
		}
	}
	if acrossIn || lift {
		if err := w.b.Spend(int64(len(in))); err != nil {
			return buf, err
		}
		for _, r := range in {
			subj, _ := ix.Ends(r)
			if acrossIn && w.admits(r) {
				buf = append(buf, mk(subj, r, acrossInKind[o]))
			}
			// A relation from n to itself was lifted with the outgoing ones.
			if lift && subj != n && ix.Reified(r) {
				if open, err := w.admitsRelationNode(r); err != nil {
					return buf, err
				} else if open {
					buf = append(buf, mk(ix.RelationNode(r), r, liftKind[o]))
				}
			}
		}
	}
	if w.allow[lowerKind[o]] {
		if r, ok := ix.NodeRelation(n); ok && ix.Reified(r) {
			if open, err := w.admitsRelationNode(r); err != nil || !open {
				return buf, err
			}
			if err := w.b.Spend(2); err != nil {
				return buf, err
			}
			subj, obj := ix.Ends(r)
			buf = append(buf, mk(subj, r, lowerKind[o]))
			if obj != subj {
				buf = append(buf, mk(obj, r, lowerKind[o]))
			}
		}
	}
	return buf, nil
}

// compareHops orders hops leaving the same node: by relation number, then
// kind, then the node reached (an UNPACK hop reaches both ends of its
// relation). It is the tie-break that makes path and traversal order stable.
func compareHops(a, b Hop) int {
	if c := cmp.Compare(a.Rel, b.Rel); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Kind, b.Kind); c != 0 {
		return c
	}
	return cmp.Compare(a.To, b.To)
}
