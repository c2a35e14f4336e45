package pattern

import (
	"cmp"
	"encoding/binary"
	"errors"
	"slices"
	"strings"

	"github.com/entitygraph/entitygraph/server/budget"
	"github.com/entitygraph/entitygraph/server/index"
)

// Solution is one way the pattern holds: a value for every variable and
// the relation each clause matched. A value is a node, unbound (a variable
// of an optional group that did not match), or a literal: a qualifier's
// text, read with [Solution.Literal].
type Solution struct {
	Nodes []index.Node // by variable
	Rels  []index.Rel  // by clause; NoRel where a clause matched none
	// Count is, for a counting query, how many solutions (or distinct
	// values of the counted variable) the group has.
	Count int64
	// literals holds the texts of the run's literal values.
	literals *[]string
}

// NoRel marks a clause that matched no relation in a Solution: a qualifier
// clause, or an optional group that did not match.
const NoRel index.Rel = -1

// Unbound is the value of a variable that a solution leaves without one.
const Unbound = unbound

// IsLiteral reports whether value n is a literal rather than a node.
func IsLiteral(n index.Node) bool { return n < unbound }

// Literal returns the text of literal value n.
func (s Solution) Literal(n index.Node) string { return (*s.literals)[unbound-1-n] }

// errEnough stops the search once a page is full; errFound stops a NOT
// group's search at its first match.
var (
	errEnough = errors.New("enough solutions")
	errFound  = errors.New("found")
)

// MaxCountedSolutions bounds how many solutions a counting query may
// gather, beside the edge budget.
const MaxCountedSolutions = 1_000_000

// ErrTooManySolutions is a counting query over more solutions than
// MaxCountedSolutions.
var ErrTooManySolutions = errors.New("the query has more solutions than a count may gather; narrow it")

// Run finds solutions in a stable order, skipping the first offset and
// returning at most limit, and reports whether there are more. Its only
// errors come from the budget (every relation a step examines costs one
// edge) and, for a counting query, ErrTooManySolutions. A counting query
// returns its groups, highest count first.
//
// The search is depth first over the planned steps, each relation of a
// step tried in ascending order (and a symmetric relation both ways round),
// so two different choices always bind a different relation or a variable
// to a different node: no solution comes twice (TestSolutionsDistinct).
// Once the pattern's own clauses hold, its NOT groups must find no match
// and its OPTIONAL groups extend it where they can.
func (q *Query) Run(b *budget.Budget, offset, limit int) ([]Solution, bool, error) {
	r := &run{q: q, b: b, offset: offset, limit: limit, lits: map[string]index.Node{}, literals: new([]string),
		assign: make([]index.Node, len(q.vars)), rels: make([]index.Rel, len(q.triples))}
	for i := range r.assign {
		r.assign[i] = unbound
	}
	for i := range r.rels {
		r.rels[i] = NoRel
	}
	if q.count != nil {
		r.groups = map[string]*countGroup{}
	}
	for _, g := range q.groups {
		if g.negated {
			r.nots = append(r.nots, g)
		} else {
			r.opts = append(r.opts, g)
		}
	}
	if err := r.walk(q.steps, 0, r.groupsFrom); err != nil && !errors.Is(err, errEnough) {
		return nil, false, err
	}
	if q.count != nil {
		return r.counted()
	}
	for i := range r.out {
		r.out[i].literals = r.literals
	}
	return r.out, r.more, nil
}

// run is the state of one [Query.Run].
type run struct {
	q             *Query
	b             *budget.Budget
	offset, limit int
	assign        []index.Node // by variable; unbound until a step binds it
	rels          []index.Rel  // by clause
	skipped       int
	out           []Solution
	more          bool
	// lits numbers the literal values: the i-th is unbound-1-i.
	lits     map[string]index.Node
	literals *[]string
	// groups are a counting query's counts so far, by group key.
	groups   map[string]*countGroup
	gathered int
	key      []byte
	// nots and opts are the query's NOT and OPTIONAL groups.
	nots, opts []group
}

// countGroup is one group of a counting query.
type countGroup struct {
	nodes  []index.Node // the group_by values
	count  int64
	values map[index.Node]bool // the counted variable's values
}

// literal returns the value of text as a literal.
func (r *run) literal(text string) index.Node {
	if n, ok := r.lits[text]; ok {
		return n
	}
	n := unbound - 1 - index.Node(len(*r.literals))
	*r.literals = append(*r.literals, text)
	r.lits[text] = n
	return n
}

// walk extends the partial solution through steps[k:], calling done for
// each way they all hold.
func (r *run) walk(steps []step, k int, done func() error) error {
	q := r.q
	if k == len(steps) {
		return done()
	}
	s := steps[k]
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
		next := func() error { return r.walk(steps, k+1, done) }
		switch t.kind {
		case kindInvolves:
			return r.involves(s.triple, t, rel, &newly, next)
		case kindQualifier:
			return r.qualifier(t, rel, &newly, next)
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
			var err error
			if r.unify(t.subject, subj, &newly) && r.unify(t.object, obj, &newly) &&
				(t.relVar < 0 || r.unify(term{variable: t.relVar}, q.ix.RelationNode(rel), &newly)) {
				r.rels[s.triple] = rel
				err = next()
				r.rels[s.triple] = NoRel
			}
			// Undone on every way out, an early stop included: a NOT
			// group's search ends at its first match, and what it bound
			// must not outlive it.
			r.undo(newly)
			if err != nil {
				return err
			}
		}
		return nil
	})
}

// undo unbinds the variables a step bound.
func (r *run) undo(newly []int) {
	for _, v := range newly {
		r.assign[v] = unbound
	}
}

// involves extends the partial solution with a participation: rel, the
// relation, has the participant as its subject or, a second way, as its
// object.
func (r *run) involves(ti int, t *triple, rel index.Rel, newly *[]int, next func() error) error {
	q := r.q
	subj, obj := q.ix.Ends(rel)
	for turn, n := range [2]index.Node{subj, obj} {
		if turn == 1 && obj == subj {
			break
		}
		*newly = (*newly)[:0]
		var err error
		if (t.relVar < 0 || r.unify(term{variable: t.relVar}, q.ix.RelationNode(rel), newly)) && r.unify(t.subject, n, newly) {
			r.rels[ti] = rel
			err = next()
			r.rels[ti] = NoRel
		}
		r.undo(*newly)
		if err != nil {
			return err
		}
	}
	return nil
}

// qualifier extends the partial solution with a qualifier clause on rel:
// each of the qualifier's values that passes the comparison, or binds the
// variable.
func (r *run) qualifier(t *triple, rel index.Rel, newly *[]int, next func() error) error {
	q := r.q
	for _, v := range qualifierValues(q.ix, rel, t.field) {
		if t.cmp != nil {
			if !t.cmp.holds(q.ix, t.field, v) {
				continue
			}
			// A test binds nothing: one way through, however many values
			// pass.
			return next()
		}
		n, ok := r.qualifierNode(v)
		if !ok {
			continue
		}
		*newly = (*newly)[:0]
		var err error
		if r.unify(t.subject, n, newly) {
			err = next()
		}
		r.undo(*newly)
		if err != nil {
			return err
		}
	}
	return nil
}

// qualifierNode is the value a qualifier variable is bound to: the entity
// when there is one in the graph, else the text as a literal.
func (r *run) qualifierNode(v qualValue) (index.Node, bool) {
	if v.entity != "" {
		if n, ok := r.q.ix.NodeOf(v.entity); ok {
			return n, true
		}
	}
	if v.text == "" {
		return 0, false
	}
	return r.literal(v.text), true
}

// groupsFrom runs the groups on a solution of the pattern's own clauses:
// every NOT group must find no match, then each OPTIONAL group extends it.
func (r *run) groupsFrom() error {
	for _, g := range r.nots {
		if !r.checksHold(g) {
			continue
		}
		err := r.walk(g.steps, 0, func() error { return errFound })
		if errors.Is(err, errFound) {
			return nil
		}
		if err != nil {
			return err
		}
	}
	return r.optional(0)
}

// optional extends the solution with the optional groups from the i-th on.
func (r *run) optional(i int) error {
	if i == len(r.opts) {
		return r.emit()
	}
	g := r.opts[i]
	matched := false
	if r.checksHold(g) {
		err := r.walk(g.steps, 0, func() error {
			matched = true
			return r.optional(i + 1)
		})
		if err != nil {
			return err
		}
	}
	if matched {
		return nil
	}
	return r.optional(i + 1)
}

// checksHold reports whether a group's constraints on the pattern's own
// variables hold.
func (r *run) checksHold(g group) bool {
	for _, c := range g.checks {
		if n := r.assign[c.variable]; n < 0 || !c.test.holds(r.q.ix, n) {
			return false
		}
	}
	return true
}

// emit records the complete solution in r.assign and r.rels, unless it is
// before the page or after it; a counting query counts it instead.
func (r *run) emit() error {
	if r.groups != nil {
		return r.count()
	}
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

// count adds the solution in r.assign to its group.
func (r *run) count() error {
	if r.gathered++; r.gathered > MaxCountedSolutions {
		return ErrTooManySolutions
	}
	c := r.q.count
	r.key = r.key[:0]
	for _, v := range c.groupBy {
		r.key = binary.LittleEndian.AppendUint32(r.key, uint32(r.assign[v]))
	}
	g, ok := r.groups[string(r.key)]
	if !ok {
		g = &countGroup{nodes: make([]index.Node, len(c.groupBy))}
		for i, v := range c.groupBy {
			g.nodes[i] = r.assign[v]
		}
		if c.variable >= 0 {
			g.values = map[index.Node]bool{}
		}
		r.groups[string(r.key)] = g
	}
	if c.variable < 0 {
		g.count++
		return nil
	}
	if n := r.assign[c.variable]; n != unbound && !g.values[n] {
		g.values[n] = true
		g.count++
	}
	return nil
}

// counted returns a counting query's page of groups, highest count first
// and, at equal counts, in order of their values' names.
func (r *run) counted() ([]Solution, bool, error) {
	q := r.q
	name := func(n index.Node) string {
		switch {
		case n == unbound:
			return ""
		case IsLiteral(n):
			return (*r.literals)[unbound-1-n]
		}
		return q.ix.NodeName(n)
	}
	groups := make([]*countGroup, 0, len(r.groups))
	for _, g := range r.groups {
		if g.count > 0 || len(q.count.groupBy) == 0 {
			groups = append(groups, g)
		}
	}
	slices.SortFunc(groups, func(a, b *countGroup) int {
		if c := cmp.Compare(b.count, a.count); c != 0 {
			return c
		}
		for i := range a.nodes {
			if c := strings.Compare(name(a.nodes[i]), name(b.nodes[i])); c != 0 {
				return c
			}
		}
		return 0
	})
	if len(groups) == 0 && len(q.count.groupBy) == 0 {
		groups = append(groups, &countGroup{})
	}
	var out []Solution
	for i := r.offset; i < len(groups) && len(out) < r.limit; i++ {
		nodes := make([]index.Node, len(q.vars))
		for j := range nodes {
			nodes[j] = unbound
		}
		for j, v := range q.count.groupBy {
			nodes[v] = groups[i].nodes[j]
		}
		out = append(out, Solution{Nodes: nodes, Count: groups[i].count, literals: r.literals})
	}
	return out, r.offset+len(out) < len(groups), nil
}

// unify binds t to n, or checks that it already is; it records variables it
// binds in newly so they can be undone. A variable is bound only to a node
// that passes its tests, and a literal only where no test applies.
func (r *run) unify(t term, n index.Node, newly *[]int) bool {
	if t.fixed() {
		return t.node == n
	}
	if cur := r.assign[t.variable]; cur != unbound {
		return cur == n
	}
	for _, ts := range r.q.tests[t.variable] {
		if IsLiteral(n) || !ts.holds(r.q.ix, n) {
			return false
		}
	}
	r.assign[t.variable] = n
	*newly = append(*newly, t.variable)
	return true
}
