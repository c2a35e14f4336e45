package pattern

import (
	"errors"
	"slices"

	"github.com/entitygraph/entitygraph/server/budget"
	"github.com/entitygraph/entitygraph/server/index"
)

// Solution is one way the pattern holds: a node for every variable and the
// relation each triple matched.
type Solution struct {
	Nodes []index.Node // by variable
	Rels  []index.Rel  // by triple
}

// errEnough stops the search once a page is full.
var errEnough = errors.New("enough solutions")

// Run finds solutions in a stable order, skipping the first offset and
// returning at most limit, and reports whether there are more. Its only
// errors come from the budget: every relation a step examines costs one
// edge.
//
// The search is depth first over the planned steps, each relation of a
// step tried in ascending order (and a symmetric relation both ways round),
// so two different choices always bind a different relation or a variable
// to a different node: no solution comes twice (TestSolutionsDistinct).
func (q *Query) Run(b *budget.Budget, offset, limit int) ([]Solution, bool, error) {
	r := &run{q: q, b: b, offset: offset, limit: limit,
		assign: make([]index.Node, len(q.vars)), rels: make([]index.Rel, len(q.triples))}
	for i := range r.assign {
		r.assign[i] = unbound
	}
	if err := r.step(0); err != nil && !errors.Is(err, errEnough) {
		return nil, false, err
	}
	return r.out, r.more, nil
}

// run is the state of one [Query.Run].
type run struct {
	q             *Query
	b             *budget.Budget
	offset, limit int
	assign        []index.Node // by variable; unbound until a step binds it
	rels          []index.Rel  // by triple
	skipped       int
	out           []Solution
	more          bool
}

// step extends the partial solution through plan step k onwards.
func (r *run) step(k int) error {
	q := r.q
	if k == len(q.steps) {
		return r.emit()
	}
	s := q.steps[k]
	t := &q.triples[s.triple]
	var newly []int
	return s.access.each(q, r.assign, func(rel index.Rel) error {
		if err := r.b.Spend(1); err != nil {
			return err
		}
		if !q.opts.AllRanks && q.ix.Hidden(rel) {
			return nil
		}
		if t.preds != nil && !t.preds.has(q.ix.Predicate(rel)) {
			return nil
		}
		if t.involves {
			return r.involves(k, s.triple, t, rel, &newly)
		}
		subj, obj := q.ix.Ends(rel)
		symmetric := q.ix.Symmetric(rel)
		for turn := range 2 {
			if turn == 1 {
				if !symmetric || subj == obj {
					break
				}
				subj, obj = obj, subj
			}
			newly = newly[:0]
			if r.unify(t.subject, subj, &newly) && r.unify(t.object, obj, &newly) &&
				(t.relVar < 0 || r.unify(term{variable: t.relVar}, q.ix.RelationNode(rel), &newly)) {
				r.rels[s.triple] = rel
				if err := r.step(k + 1); err != nil {
					return err
				}
			}
			for _, v := range newly {
				r.assign[v] = unbound
			}
		}
		return nil
	})
}

// involves extends the partial solution with a participation: rel, the
// relation, has the participant as its subject or, a second way, as its
// object.
func (r *run) involves(k, ti int, t *triple, rel index.Rel, newly *[]int) error {
	q := r.q
	subj, obj := q.ix.Ends(rel)
	for turn, n := range [2]index.Node{subj, obj} {
		if turn == 1 && obj == subj {
			break
		}
		*newly = (*newly)[:0]
		if (t.relVar < 0 || r.unify(term{variable: t.relVar}, q.ix.RelationNode(rel), newly)) && r.unify(t.subject, n, newly) {
			r.rels[ti] = rel
			if err := r.step(k + 1); err != nil {
				return err
			}
		}
		for _, v := range *newly {
			r.assign[v] = unbound
		}
	}
	return nil
}

// emit records the complete solution in r.assign and r.rels, unless it is
// before the page or after it.
func (r *run) emit() error {
	if r.skipped < r.offset {
		r.skipped++
		return nil
	}
	if len(r.out) == r.limit {
		r.more = true
		return errEnough
	}
	r.out = append(r.out, Solution{Nodes: slices.Clone(r.assign), Rels: slices.Clone(r.rels)})
	return nil
}

// unify binds t to n, or checks that it already is; it records variables it
// binds in newly so they can be undone. A variable is bound only to a node
// that passes its tests.
func (r *run) unify(t term, n index.Node, newly *[]int) bool {
	if t.fixed() {
		return t.node == n
	}
	if cur := r.assign[t.variable]; cur != unbound {
		return cur == n
	}
	for _, ts := range r.q.tests[t.variable] {
		if !ts.holds(r.q.ix, n) {
			return false
		}
	}
	r.assign[t.variable] = n
	*newly = append(*newly, t.variable)
	return true
}
