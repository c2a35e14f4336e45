package pattern

import (
	"fmt"
	"slices"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/server/index"
	"github.com/entitygraph/entitygraph/server/vocab"
)

// An access is how one planned step reaches the relations its triple may
// match. The planner chooses one for each step, once ([Query.plan]); the
// executor reads the step's relations through it and explain describes it,
// so what runs is what explain says. Each access is a type of its own: a
// new way of reaching relations is a new type here and a case in
// chooseAccess, nothing else.
type access interface {
	// each calls visit with every relation to examine under the partial
	// solution assign, in ascending order, stopping at visit's first error.
	each(q *Query, assign []index.Node, visit func(index.Rel) error) error
	// describe says what the step does, for explain.
	describe(q *Query) string
}

// step is one planned triple: the triple, how its relations are reached,
// and how many the planner expected.
type step struct {
	triple   int
	access   access
	estimate int64
}

// plan orders the clauses greedily, the one with the fewest estimated
// candidate relations next, given the variables bound so far (bound,
// which it updates), and fixes each one's access. A qualifier clause can
// only follow what binds its relation.
func (q *Query) plan(clauses []int, bound []bool) ([]step, error) {
	var steps []step
	placed := make(map[int]bool, len(clauses))
	for range clauses {
		best := step{triple: -1}
		for _, i := range clauses {
			if placed[i] {
				continue
			}
			a, est, ok := q.chooseAccess(&q.triples[i], bound)
			if ok && (best.triple < 0 || est < best.estimate) {
				best = step{triple: i, access: a, estimate: est}
			}
		}
		if best.triple < 0 {
			for _, i := range clauses {
				if !placed[i] {
					t := q.triples[i]
					return nil, &FieldError{Field: clauseField(q, i), Msg: fmt.Sprintf("%s: no triple or participation binds ?%s, the relation it qualifies", t.text, q.vars[t.relVar])}
				}
			}
		}
		placed[best.triple] = true
		steps = append(steps, best)
		for _, v := range q.triples[best.triple].binds() {
			bound[v] = true
		}
	}
	return steps, nil
}

// chooseAccess picks how to reach t's relations when the variables in
// bound have values, and estimates how many relations that reaches: the
// bound relation itself; else the relations of a fixed end; else those of
// a bound end; else a scan by predicate, or of everything. A qualifier
// clause needs its relation first: ok is false until it is bound.
func (q *Query) chooseAccess(t *triple, bound []bool) (a access, estimate int64, ok bool) {
	ix := q.ix
	isBound := func(tm term) bool { return !tm.fixed() && bound[tm.variable] }
	switch {
	case t.relNode != unbound:
		return fixedRelation{n: t.relNode}, 1, true
	case t.relVar >= 0 && bound[t.relVar]:
		return boundRelation{v: t.relVar}, 1, true
	case t.kind == kindQualifier:
		return nil, 0, false
	case t.subject.fixed():
		return nodeRelations{n: t.subject.node}, degree(ix, t.subject.node), true
	case t.object.fixed() && t.kind == kindTriple:
		return nodeRelations{n: t.object.node}, degree(ix, t.object.node), true
	case isBound(t.subject):
		return variableRelations{v: t.subject.variable}, min(scanSize(ix, t), averageDegree(ix)), true
	case isBound(t.object) && t.kind == kindTriple:
		return variableRelations{v: t.object.variable}, min(scanSize(ix, t), averageDegree(ix)), true
	case t.preds != nil:
		return predicateScan{preds: t.preds}, scanSize(ix, t), true
	}
	return fullScan{}, int64(ix.RelationCount()), true
}

// degree is how many relations touch node n.
func degree(ix *index.Index, n index.Node) int64 { return int64(len(ix.Out(n)) + len(ix.In(n))) }

// averageDegree is the mean number of relations a node has, at least 1.
func averageDegree(ix *index.Index) int64 {
	if n := ix.NodeCount(); n > 0 {
		return max(1, int64(2*ix.RelationCount()/n))
	}
	return 1
}

// scanSize is how many relations a scan by t's predicates would visit.
func scanSize(ix *index.Index, t *triple) int64 {
	if t.preds == nil {
		return int64(ix.RelationCount())
	}
	var n int64
	for p, in := range t.preds {
		if in {
			n += int64(len(ix.WithPredicate(vocab.ID(p))))
		}
	}
	return n
}

// boundRelation reaches the one relation a relation variable is bound to
// by an earlier step.
type boundRelation struct{ v int }

func (a boundRelation) each(q *Query, assign []index.Node, visit func(index.Rel) error) error {
	if IsLiteral(assign[a.v]) {
		return nil
	}
	if r, ok := q.ix.NodeRelation(assign[a.v]); ok {
		return visit(r)
	}
	return nil
}

func (a boundRelation) describe(q *Query) string {
	return "look up the relation bound to ?" + q.vars[a.v]
}

// fixedRelation reaches the one relation a participation names.
type fixedRelation struct{ n index.Node }

func (a fixedRelation) each(q *Query, _ []index.Node, visit func(index.Rel) error) error {
	if r, ok := q.ix.NodeRelation(a.n); ok {
		return visit(r)
	}
	return nil
}

func (a fixedRelation) describe(q *Query) string {
	return "look up " + q.ix.NodeName(a.n)
}

// nodeRelations reaches the relations of a node the pattern names.
type nodeRelations struct{ n index.Node }

func (a nodeRelations) each(q *Query, _ []index.Node, visit func(index.Rel) error) error {
	return eachOfNode(q.ix, a.n, visit)
}

func (a nodeRelations) describe(q *Query) string {
	return "follow the relations of " + q.ix.NodeName(a.n)
}

// variableRelations reaches the relations of the node an earlier step bound
// a variable to.
type variableRelations struct{ v int }

func (a variableRelations) each(q *Query, assign []index.Node, visit func(index.Rel) error) error {
	if IsLiteral(assign[a.v]) {
		return nil // a qualifier's text ("{ attribution ?b }") is no node: it has no relations
	}
	return eachOfNode(q.ix, assign[a.v], visit)
}

func (a variableRelations) describe(q *Query) string {
	return "follow the relations of each ?" + q.vars[a.v]
}

// eachOfNode visits the relations with n as subject or object, once each,
// in ascending order: symmetric relations are stored one way round, so
// both sides are looked at.
func eachOfNode(ix *index.Index, n index.Node, visit func(index.Rel) error) error {
	out, in := ix.Out(n), ix.In(n)
	for len(out) > 0 || len(in) > 0 {
		var r index.Rel
		switch {
		case len(in) == 0 || (len(out) > 0 && out[0] < in[0]):
			r, out = out[0], out[1:]
		case len(out) == 0 || in[0] < out[0]:
			r, in = in[0], in[1:]
		default:
			r, out, in = out[0], out[1:], in[1:]
		}
		if err := visit(r); err != nil {
			return err
		}
	}
	return nil
}

// predicateScan reaches every relation with one of the triple's predicates.
type predicateScan struct{ preds predicateSet }

func (a predicateScan) each(q *Query, _ []index.Node, visit func(index.Rel) error) error {
	var lists [][]index.Rel
	for p, in := range a.preds {
		if in {
			if l := q.ix.WithPredicate(vocab.ID(p)); len(l) > 0 {
				lists = append(lists, l)
			}
		}
	}
	rels := lists
	if len(lists) > 1 {
		// The lists are disjoint; visit them merged into relation order.
		rels = [][]index.Rel{slices.Sorted(func(yield func(index.Rel) bool) {
			for _, l := range lists {
				for _, r := range l {
					if !yield(r) {
						return
					}
				}
			}
		})}
	}
	for _, l := range rels {
		for _, r := range l {
			if err := visit(r); err != nil {
				return err
			}
		}
	}
	return nil
}

func (predicateScan) describe(*Query) string { return "scan relations by predicate" }

// fullScan reaches every relation.
type fullScan struct{}

func (fullScan) each(q *Query, _ []index.Node, visit func(index.Rel) error) error {
	for r := range index.Rel(q.ix.RelationCount()) {
		if err := visit(r); err != nil {
			return err
		}
	}
	return nil
}

func (fullScan) describe(*Query) string { return "scan every relation" }

// Plan describes the evaluation order and each step's access: the
// pattern's own clauses, then each group's.
func (q *Query) Plan() *pb.QueryPlan {
	plan := &pb.QueryPlan{}
	describe := func(prefix string, steps []step) {
		for _, s := range steps {
			plan.Steps = append(plan.Steps, &pb.PlanStep{
				Triple:              int32(s.triple),
				Description:         fmt.Sprintf("%s%s (%s): %s", prefix, q.clauseName(s.triple), q.triples[s.triple].text, s.access.describe(q)),
				EstimatedCandidates: s.estimate,
			})
		}
	}
	describe("", q.steps)
	for _, g := range q.groups {
		prefix := "optional: "
		if g.negated {
			prefix = "not: "
		}
		describe(prefix, g.steps)
	}
	return plan
}

// clauseName says what clause i is, for explain: "triple 0",
// "participation 1", "qualifier 0", counted within its pattern or group.
func (q *Query) clauseName(i int) string {
	start := 0
	pats := []*pb.Pattern{q.pattern}
	pats = append(pats, q.pattern.GetNegations()...)
	pats = append(pats, q.pattern.GetOptionals()...)
	for _, p := range pats {
		for _, part := range []struct {
			name string
			n    int
		}{{"triple", len(p.GetTriples())}, {"participation", len(p.GetParticipations())}, {"qualifier", len(p.GetQualifiers())}} {
			if i < start+part.n {
				return fmt.Sprintf("%s %d", part.name, i-start)
			}
			start += part.n
		}
	}
	return fmt.Sprintf("clause %d", i)
}
