package query

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/server/index"
	"github.com/entitygraph/entitygraph/server/resource"
	"github.com/entitygraph/entitygraph/server/vocab"
)

// Pattern limits: a pattern larger than these is refused rather than run.
const (
	MaxTriples     = 16
	MaxConstraints = 32
)

// PatternError is a pattern that cannot run, with the request field at
// fault, such as "pattern.triples[1].subject".
type PatternError struct {
	Field string
	Msg   string
}

func (e *PatternError) Error() string { return e.Field + ": " + e.Msg }

// unbound marks a variable without a value in an assignment.
const unbound index.Node = -1

// term is a compiled subject or object: a variable number, or a fixed node
// when variable is -1.
type term struct {
	variable int
	node     index.Node
}

// compiledTriple is a triple with its predicates expanded: preds is nil for
// any predicate.
type compiledTriple struct {
	subject, object term
	relVar          int // variable bound to the relation node, or -1
	preds           map[pb.Predicate]bool
	symmetric       bool // some allowed predicate is symmetric
}

// check is a constraint on one variable's value.
type check struct {
	desc string
	ok   func(ix *index.Index, n index.Node) bool
}

// Compiled is a pattern ready to run against one snapshot.
type Compiled struct {
	ix        *index.Index
	pattern   *pb.Pattern
	vars      []string
	triples   []compiledTriple
	checks    [][]check // by variable
	order     []int     // evaluation order of the triples
	estimates []int64   // candidates estimated for each step of order
}

var variablePattern = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]{0,63}$`)

// Compile checks a structured pattern against a snapshot, expands its
// predicates through the vocabulary's implications, and plans it. Errors are
// [*PatternError] for a malformed pattern, or an [index.NotFoundError] for a
// fixed name the snapshot does not hold.
func Compile(ix *index.Index, p *pb.Pattern) (*Compiled, error) {
	c := &Compiled{ix: ix, pattern: p}
	varIndex := map[string]int{}
	variable := func(field, name string) (int, error) {
		if !variablePattern.MatchString(name) {
			return 0, &PatternError{Field: field, Msg: fmt.Sprintf("variable %q must be a letter or _ followed by up to 63 letters, digits or _", name)}
		}
		if i, ok := varIndex[name]; ok {
			return i, nil
		}
		varIndex[name] = len(c.vars)
		c.vars = append(c.vars, name)
		return len(c.vars) - 1, nil
	}
	compileTerm := func(field string, t *pb.Term) (term, error) {
		switch v := t.GetTerm().(type) {
		case *pb.Term_Variable:
			i, err := variable(field+".variable", v.Variable)
			return term{variable: i}, err
		case *pb.Term_Name:
			coll, _, err := resource.Parse(v.Name)
			if err != nil {
				return term{}, &PatternError{Field: field + ".name", Msg: err.Error()}
			}
			if !coll.IsEntity() && coll != resource.Relations {
				return term{}, &PatternError{Field: field + ".name", Msg: fmt.Sprintf("%q is not an entity or relation name", v.Name)}
			}
			n, ok := ix.NodeOf(v.Name)
			if !ok {
				return term{}, &index.NotFoundError{Kind: "node", Name: v.Name}
			}
			return term{variable: -1, node: n}, nil
		}
		return term{}, &PatternError{Field: field, Msg: "required: a variable or a name"}
	}

	switch n := len(p.GetTriples()); {
	case n == 0:
		return nil, &PatternError{Field: "pattern.triples", Msg: "required: at least one triple"}
	case n > MaxTriples:
		return nil, &PatternError{Field: "pattern.triples", Msg: fmt.Sprintf("at most %d triples, got %d", MaxTriples, n)}
	}
	if n := len(p.GetConstraints()); n > MaxConstraints {
		return nil, &PatternError{Field: "pattern.constraints", Msg: fmt.Sprintf("at most %d constraints, got %d", MaxConstraints, n)}
	}
	for i, t := range p.GetTriples() {
		field := "pattern.triples[" + strconv.Itoa(i) + "]"
		ct := compiledTriple{relVar: -1}
		var err error
		if ct.subject, err = compileTerm(field+".subject", t.GetSubject()); err != nil {
			return nil, err
		}
		if ct.object, err = compileTerm(field+".object", t.GetObject()); err != nil {
			return nil, err
		}
		if t.GetRelationVariable() != "" {
			if ct.relVar, err = variable(field+".relation_variable", t.GetRelationVariable()); err != nil {
				return nil, err
			}
		}
		if len(t.GetPredicates()) > 0 {
			ps, err := expandPredicates(field+".predicates", t.GetPredicates(), t.GetExactPredicates())
			if err != nil {
				return nil, err
			}
			ct.preds = ps
			for p := range ps {
				e, _ := vocab.Lookup(p)
				ct.symmetric = ct.symmetric || e.Symmetric
			}
		} else {
			for _, e := range vocab.All() {
				ct.symmetric = ct.symmetric || e.Symmetric
			}
		}
		c.triples = append(c.triples, ct)
	}
	c.checks = make([][]check, len(c.vars))
	for i, con := range p.GetConstraints() {
		field := "pattern.constraints[" + strconv.Itoa(i) + "]"
		v, ok := varIndex[con.GetVariable()]
		if !ok {
			return nil, &PatternError{Field: field + ".variable", Msg: fmt.Sprintf("variable %q does not appear in any triple", con.GetVariable())}
		}
		ch, err := compileCheck(field, con)
		if err != nil {
			return nil, err
		}
		c.checks[v] = append(c.checks[v], ch)
	}
	c.plan()
	return c, nil
}

// impliedBy maps each predicate to the predicates that imply it, directly
// or not: OPPOSES ← COORDINATES_AGAINST.
var impliedBy = func() map[pb.Predicate][]pb.Predicate {
	m := map[pb.Predicate][]pb.Predicate{}
	var walk func(from, p pb.Predicate)
	walk = func(from, p pb.Predicate) {
		e, _ := vocab.Lookup(p)
		for _, broader := range e.Implies {
			if !slices.Contains(m[broader], from) {
				m[broader] = append(m[broader], from)
				walk(from, broader)
			}
		}
	}
	for _, e := range vocab.All() {
		walk(e.ID, e.ID)
	}
	return m
}()

// expandPredicates checks ps and adds the predicates that imply them.
func expandPredicates(field string, ps []pb.Predicate, exact bool) (map[pb.Predicate]bool, error) {
	set := map[pb.Predicate]bool{}
	for j, p := range ps {
		if _, ok := vocab.Lookup(p); !ok {
			return nil, &PatternError{Field: field + "[" + strconv.Itoa(j) + "]", Msg: fmt.Sprintf("unknown predicate %v; see ListPredicates", p)}
		}
		set[p] = true
		if !exact {
			for _, narrower := range impliedBy[p] {
				set[narrower] = true
			}
		}
	}
	return set, nil
}

func compileCheck(field string, con *pb.Constraint) (check, error) {
	switch t := con.GetTest().(type) {
	case *pb.Constraint_Type:
		typ := t.Type
		if _, ok := resource.CollectionOf(typ); !ok && typ != "relation" {
			return check{}, &PatternError{Field: field + ".type", Msg: fmt.Sprintf("unknown type %q; want organization, person, place, topic or relation", typ)}
		}
		return check{desc: "is a " + typ, ok: func(ix *index.Index, n index.Node) bool { return ix.EntityType(n) == typ }}, nil
	case *pb.Constraint_OrganizationKinds:
		kinds := map[pb.OrganizationKind]bool{}
		var words []string
		for j, kind := range t.OrganizationKinds.GetKinds() {
			if _, ok := pb.OrganizationKind_name[int32(kind)]; !ok || kind == pb.OrganizationKind_ORGANIZATION_KIND_UNSPECIFIED {
				return check{}, &PatternError{Field: field + ".organization_kinds.kinds[" + strconv.Itoa(j) + "]", Msg: fmt.Sprintf("unknown organization kind %v", kind)}
			}
			kinds[kind] = true
			words = append(words, KindWord(kind))
		}
		if len(kinds) == 0 {
			return check{}, &PatternError{Field: field + ".organization_kinds", Msg: "required: at least one kind"}
		}
		return check{desc: "is a " + strings.Join(words, " or "), ok: func(ix *index.Index, n index.Node) bool {
			return kinds[ix.OrganizationKind(n)]
		}}, nil
	case *pb.Constraint_RelationPredicates:
		if len(t.RelationPredicates.GetPredicates()) == 0 {
			return check{}, &PatternError{Field: field + ".relation_predicates", Msg: "required: at least one predicate"}
		}
		set, err := expandPredicates(field+".relation_predicates.predicates", t.RelationPredicates.GetPredicates(), false)
		if err != nil {
			return check{}, err
		}
		return check{desc: "is a relation " + predicateList(t.RelationPredicates.GetPredicates()), ok: func(ix *index.Index, n index.Node) bool {
			r, ok := ix.NodeRelation(n)
			return ok && set[ix.Predicate(r)]
		}}, nil
	case *pb.Constraint_RelationStatus:
		status := t.RelationStatus
		if _, ok := pb.RelationStatus_name[int32(status)]; !ok || status == pb.RelationStatus_RELATION_STATUS_UNSPECIFIED {
			return check{}, &PatternError{Field: field + ".relation_status", Msg: fmt.Sprintf("unknown status %v", status)}
		}
		return check{desc: "has status " + index.StatusWord(status), ok: func(ix *index.Index, n index.Node) bool {
			r, ok := ix.NodeRelation(n)
			return ok && ix.RelationStatus(r) == status
		}}, nil
	}
	return check{}, &PatternError{Field: field, Msg: "required: one test (type, organization_kinds, relation_predicates or relation_status)"}
}

// KindWord is an organization kind as a lowercase word, such as "country"
// or "trade_bloc".
func KindWord(k pb.OrganizationKind) string {
	return strings.ToLower(strings.TrimPrefix(k.String(), "ORGANIZATION_KIND_"))
}

// PredicateName is a predicate without its PREDICATE_ prefix.
func PredicateName(p pb.Predicate) string { return strings.TrimPrefix(p.String(), "PREDICATE_") }

func predicateList(ps []pb.Predicate) string {
	names := make([]string, len(ps))
	for i, p := range ps {
		names[i] = PredicateName(p)
	}
	return strings.Join(names, "|")
}

// plan orders the triples greedily: next is the one with the fewest
// candidate relations given the variables bound so far.
func (c *Compiled) plan() {
	bound := make([]bool, len(c.vars))
	placed := make([]bool, len(c.triples))
	avgDegree := int64(1)
	if n := c.ix.NodeCount(); n > 0 {
		avgDegree = max(1, int64(2*c.ix.RelationCount()/n))
	}
	isBound := func(t term) bool { return t.variable < 0 || bound[t.variable] }
	for range c.triples {
		best, bestEst := -1, int64(0)
		for i, t := range c.triples {
			if placed[i] {
				continue
			}
			est := c.scanSize(t)
			switch {
			case t.relVar >= 0 && bound[t.relVar]:
				est = 1
			case t.subject.variable < 0:
				est = int64(len(c.ix.Out(t.subject.node)) + len(c.ix.In(t.subject.node)))
			case t.object.variable < 0:
				est = int64(len(c.ix.Out(t.object.node)) + len(c.ix.In(t.object.node)))
			case isBound(t.subject) || isBound(t.object):
				est = min(est, avgDegree)
			}
			if best < 0 || est < bestEst {
				best, bestEst = i, est
			}
		}
		placed[best] = true
		c.order = append(c.order, best)
		c.estimates = append(c.estimates, bestEst)
		t := c.triples[best]
		for _, v := range []int{t.subject.variable, t.object.variable, t.relVar} {
			if v >= 0 {
				bound[v] = true
			}
		}
	}
}

// scanSize is how many relations a scan by predicate would visit.
func (c *Compiled) scanSize(t compiledTriple) int64 {
	if t.preds == nil {
		return int64(c.ix.RelationCount())
	}
	var n int64
	for p := range t.preds {
		n += int64(len(c.ix.WithPredicate(p)))
	}
	return n
}

// Vars returns the pattern's variables, in order of first appearance.
func (c *Compiled) Vars() []string { return c.vars }

// Pattern returns the structured pattern that was compiled.
func (c *Compiled) Pattern() *pb.Pattern { return c.pattern }

// Plan describes the evaluation order.
func (c *Compiled) Plan() *pb.QueryPlan {
	plan := &pb.QueryPlan{}
	bound := make([]bool, len(c.vars))
	for step, i := range c.order {
		t := c.triples[i]
		var how string
		switch {
		case t.relVar >= 0 && bound[t.relVar]:
			how = "look up the relation bound to ?" + c.vars[t.relVar]
		case t.subject.variable < 0:
			how = "follow the relations of " + c.ix.NodeName(t.subject.node)
		case t.object.variable < 0:
			how = "follow the relations of " + c.ix.NodeName(t.object.node)
		case bound[t.subject.variable]:
			how = "follow the relations of each ?" + c.vars[t.subject.variable]
		case bound[t.object.variable]:
			how = "follow the relations of each ?" + c.vars[t.object.variable]
		case t.preds != nil:
			how = "scan relations by predicate"
		default:
			how = "scan every relation"
		}
		for _, v := range []int{t.subject.variable, t.object.variable, t.relVar} {
			if v >= 0 {
				bound[v] = true
			}
		}
		plan.Steps = append(plan.Steps, &pb.PlanStep{
			Triple:              int32(i),
			Description:         fmt.Sprintf("triple %d (%s): %s", i, FormatTriple(c.pattern.GetTriples()[i]), how),
			EstimatedCandidates: c.estimates[step],
		})
	}
	return plan
}

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
// errors come from the budget.
func (c *Compiled) Run(b *Budget, offset, limit int) ([]Solution, bool, error) {
	assign := make([]index.Node, len(c.vars))
	for i := range assign {
		assign[i] = unbound
	}
	rels := make([]index.Rel, len(c.triples))
	seen := map[string]bool{}
	var out []Solution
	more := false
	skipped := 0
	var step func(k int) error
	step = func(k int) error {
		if k == len(c.order) {
			key := fmt.Sprint(assign, rels)
			if seen[key] {
				return nil
			}
			seen[key] = true
			if skipped < offset {
				skipped++
				return nil
			}
			if len(out) == limit {
				more = true
				return errEnough
			}
			out = append(out, Solution{Nodes: slices.Clone(assign), Rels: slices.Clone(rels)})
			return nil
		}
		ti := c.order[k]
		t := c.triples[ti]
		for _, r := range c.candidates(t, assign) {
			if err := b.Spend(1); err != nil {
				return err
			}
			if t.preds != nil && !t.preds[c.ix.Predicate(r)] {
				continue
			}
			s, o := c.ix.Ends(r)
			e, _ := vocab.Lookup(c.ix.Predicate(r))
			orientations := [][2]index.Node{{s, o}}
			if e.Symmetric && s != o {
				orientations = append(orientations, [2]index.Node{o, s})
			}
			for _, so := range orientations {
				var newly []int
				if c.unify(t.subject, so[0], assign, &newly) &&
					c.unify(t.object, so[1], assign, &newly) &&
					(t.relVar < 0 || c.unify(term{variable: t.relVar}, c.ix.RelationNode(r), assign, &newly)) {
					rels[ti] = r
					if err := step(k + 1); err != nil {
						return err
					}
				}
				for _, v := range newly {
					assign[v] = unbound
				}
			}
		}
		return nil
	}
	if err := step(0); err != nil && !errors.Is(err, errEnough) {
		return nil, false, err
	}
	return out, more, nil
}

// candidates lists the relations a triple could match under the current
// assignment, from the most selective index available.
func (c *Compiled) candidates(t compiledTriple, assign []index.Node) []index.Rel {
	value := func(tm term) index.Node {
		if tm.variable < 0 {
			return tm.node
		}
		return assign[tm.variable]
	}
	if t.relVar >= 0 && assign[t.relVar] != unbound {
		if r, ok := c.ix.NodeRelation(assign[t.relVar]); ok {
			return []index.Rel{r}
		}
		return nil
	}
	for _, n := range []index.Node{value(t.subject), value(t.object)} {
		if n != unbound {
			// Symmetric relations are stored one way round: look both ways.
			return mergeRels(c.ix.Out(n), c.ix.In(n))
		}
	}
	if t.preds == nil {
		all := make([]index.Rel, c.ix.RelationCount())
		for i := range all {
			all[i] = index.Rel(i)
		}
		return all
	}
	var out []index.Rel
	for p := range t.preds {
		out = append(out, c.ix.WithPredicate(p)...)
	}
	slices.Sort(out)
	return out
}

// unify binds t to n, or checks that it already is; it records variables it
// binds in newly so they can be undone.
func (c *Compiled) unify(t term, n index.Node, assign []index.Node, newly *[]int) bool {
	if t.variable < 0 {
		return t.node == n
	}
	if cur := assign[t.variable]; cur != unbound {
		return cur == n
	}
	for _, ch := range c.checks[t.variable] {
		if !ch.ok(c.ix, n) {
			return false
		}
	}
	assign[t.variable] = n
	*newly = append(*newly, t.variable)
	return true
}

// mergeRels merges two ascending relation lists, dropping duplicates.
func mergeRels(a, b []index.Rel) []index.Rel {
	out := make([]index.Rel, 0, len(a)+len(b))
	out = append(out, a...)
	out = append(out, b...)
	slices.Sort(out)
	return slices.Compact(out)
}
