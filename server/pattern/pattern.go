// Package pattern is entitygraph's pattern query engine, the engine behind
// Match: a conjunctive pattern of triples and constraints over one index,
// compiled once ([Compile]), planned step by step, run against a budget
// ([Query.Run]) and explained ([Query.Plan]); and the compact text syntax
// that writes such patterns ([ParseText], [Format]).
//
// Each planned step reads its triple's relations through one access path,
// chosen when the pattern is planned: an [access] is a type that estimates,
// describes and runs itself, so the executor and explain read the same
// decision, and a new way of reaching relations is one new type (access.go).
// Likewise each constraint's test is a type that checks, writes and
// describes itself (constraint.go).
//
// It reads the index (package index), the vocabulary and the budget; it must
// not import gRPC or the other query engines (package ask, package paths).
package pattern

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"

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

// FieldError is a pattern that cannot run, with the request field at
// fault, such as "pattern.triples[1].subject".
type FieldError struct {
	Field string
	Msg   string
}

func (e *FieldError) Error() string { return e.Field + ": " + e.Msg }

// unbound marks a variable without a value in an assignment.
const unbound index.Node = -1

// term is a compiled subject or object: a variable number, or a fixed node
// when variable is -1.
type term struct {
	variable int
	node     index.Node
}

func (t term) fixed() bool { return t.variable < 0 }

// clauseKind is what a compiled clause matches.
type clauseKind int

const (
	kindTriple    clauseKind = iota // subject, predicate, object
	kindInvolves                    // a participation: the relation has the subject as an end
	kindQualifier                   // a qualifier clause on a relation
)

// triple is a compiled clause: a triple, a participation or a qualifier
// clause, each matched one relation at a time. For a triple, preds holds
// its predicates expanded through the vocabulary's implications, or is nil
// for any predicate. A participation ("?r involves ?x") has the
// participant as subject; a qualifier clause binds its value to subject
// (or tests it with cmp). Both name their relation by relVar or the fixed
// node relNode.
type triple struct {
	kind            clauseKind
	subject, object term
	relVar          int // variable bound to the relation node, or -1
	preds           predicateSet
	relNode         index.Node // a fixed relation, or unbound
	field           pb.QualifierField
	cmp             *comparison
	text            string // the clause in text syntax, for explain
}

// Options change how a pattern matches.
type Options struct {
	// AllRanks matches statements of every rank; otherwise the ones reads
	// leave out (see index.Index.Hidden) never match.
	AllRanks bool
}

// Group limits.
const (
	MaxGroups  = 8 // negations and optionals
	MaxGroupBy = 4
)

// group is a NOT or OPTIONAL group: its clauses (among Query.triples),
// planned with the pattern's own variables bound.
type group struct {
	negated bool
	clauses []int
	steps   []step
	// checks are the group's constraints on the pattern's own variables:
	// they hold for the group, not for the solution.
	checks []check
}

// check is a constraint on a variable bound before a group runs.
type check struct {
	variable int
	test     test
}

// counting is a compiled Count: the variable counted (-1 for solutions)
// and those grouped by.
type counting struct {
	variable int
	groupBy  []int
}

// Query is a pattern compiled and planned against one index.
type Query struct {
	ix      *index.Index
	opts    Options
	pattern *pb.Pattern
	vars    []string
	triples []triple // every clause, the groups' after the pattern's own
	main    int      // how many of triples are the pattern's own
	tests   [][]test // by variable: what its value must pass
	steps   []step   // the plan of the pattern's own clauses
	groups  []group  // negations, then optionals
	count   *counting
	// literal marks the variables that only qualifier values bind: a
	// triple cannot use them.
	literal []bool
}

// compiler compiles a pattern and its groups into one Query.
type compiler struct {
	q          *Query
	varIndex   map[string]int
	qualifiers int
}

func (c *compiler) variable(field, name string) (int, error) {
	if !variablePattern.MatchString(name) {
		return 0, &FieldError{Field: field, Msg: fmt.Sprintf("variable %q must be a letter or _ followed by up to 63 letters, digits or _", name)}
	}
	if i, ok := c.varIndex[name]; ok {
		return i, nil
	}
	c.varIndex[name] = len(c.q.vars)
	c.q.vars = append(c.q.vars, name)
	return len(c.q.vars) - 1, nil
}

func (c *compiler) term(field string, t *pb.Term) (term, error) {
	switch v := t.GetTerm().(type) {
	case *pb.Term_Variable:
		i, err := c.variable(field+".variable", v.Variable)
		return term{variable: i}, err
	case *pb.Term_Name:
		coll, _, err := resource.Parse(v.Name)
		if err != nil {
			return term{}, &FieldError{Field: field + ".name", Msg: err.Error()}
		}
		if !coll.IsEntity() && coll != resource.Relations {
			return term{}, &FieldError{Field: field + ".name", Msg: fmt.Sprintf("%q is not an entity or relation name", v.Name)}
		}
		n, ok := c.q.ix.NodeOf(v.Name)
		if !ok {
			return term{}, &index.NotFoundError{Kind: "node", Name: v.Name}
		}
		return term{variable: -1, node: n}, nil
	}
	return term{}, &FieldError{Field: field, Msg: "required: a variable or a name"}
}

// relation compiles the relation of a participation or qualifier clause
// into ct: a variable, or a relation's name.
func (c *compiler) relation(field string, t *pb.Term, ct *triple) error {
	rel, err := c.term(field, t)
	if err != nil {
		return err
	}
	if rel.fixed() {
		if _, ok := c.q.ix.NodeRelation(rel.node); !ok {
			return &FieldError{Field: field + ".name", Msg: fmt.Sprintf("%q is an entity, not a relation", t.GetName())}
		}
		ct.relNode = rel.node
	} else {
		ct.relVar = rel.variable
	}
	return nil
}

// clauses compiles the triples, participations and qualifier clauses of p
// (the pattern, or a group of it, named by prefix) and returns their
// indices in c.q.triples.
func (c *compiler) clauses(prefix string, p *pb.Pattern, inGroup bool) ([]int, error) {
	q := c.q
	v := q.ix.Vocabulary()
	switch n := len(p.GetTriples()) + len(p.GetParticipations()); {
	case n == 0 && !(inGroup && len(p.GetQualifiers()) > 0):
		return nil, &FieldError{Field: prefix + ".triples", Msg: "required: at least one triple or participation (a group may have qualifier clauses alone)"}
	case n > MaxTriples:
		return nil, &FieldError{Field: prefix + ".triples", Msg: fmt.Sprintf("at most %d triples and participations, got %d", MaxTriples, n)}
	}
	var out []int
	add := func(ct triple) {
		out = append(out, len(q.triples))
		q.triples = append(q.triples, ct)
	}
	for i, t := range p.GetTriples() {
		field := prefix + ".triples[" + strconv.Itoa(i) + "]"
		ct := triple{kind: kindTriple, relVar: -1, relNode: unbound, text: FormatTriple(t)}
		var err error
		if ct.subject, err = c.term(field+".subject", t.GetSubject()); err != nil {
			return nil, err
		}
		if ct.object, err = c.term(field+".object", t.GetObject()); err != nil {
			return nil, err
		}
		if t.GetRelationVariable() != "" {
			if ct.relVar, err = c.variable(field+".relation_variable", t.GetRelationVariable()); err != nil {
				return nil, err
			}
		}
		if len(t.GetPredicates()) > 0 {
			if ct.preds, err = expandPredicates(v, field+".predicates", t.GetPredicates(), t.GetExactPredicates()); err != nil {
				return nil, err
			}
		}
		add(ct)
	}
	for i, pt := range p.GetParticipations() {
		field := prefix + ".participations[" + strconv.Itoa(i) + "]"
		ct := triple{kind: kindInvolves, relVar: -1, relNode: unbound, object: term{variable: -1, node: unbound}, text: FormatParticipation(pt)}
		if err := c.relation(field+".relation", pt.GetRelation(), &ct); err != nil {
			return nil, err
		}
		var err error
		if ct.subject, err = c.term(field+".participant", pt.GetParticipant()); err != nil {
			return nil, err
		}
		add(ct)
	}
	for i, qc := range p.GetQualifiers() {
		field := prefix + ".qualifiers[" + strconv.Itoa(i) + "]"
		if c.qualifiers++; c.qualifiers > MaxQualifiers {
			return nil, &FieldError{Field: prefix + ".qualifiers", Msg: fmt.Sprintf("at most %d qualifier clauses in all", MaxQualifiers)}
		}
		ct := triple{kind: kindQualifier, relVar: -1, relNode: unbound, field: qc.GetField(), object: term{variable: -1, node: unbound},
			subject: term{variable: -1, node: unbound}, text: formatTerm(qc.GetRelation()) + " { " + FormatQualifier(qc) + " }"}
		if _, ok := qualifierNames[qc.GetField()]; !ok {
			return nil, &FieldError{Field: field + ".field", Msg: "required: a qualifier field"}
		}
		if err := c.relation(field+".relation", qc.GetRelation(), &ct); err != nil {
			return nil, err
		}
		switch t := qc.GetTest().(type) {
		case *pb.QualifierClause_Variable:
			x, err := c.variable(field+".variable", t.Variable)
			if err != nil {
				return nil, err
			}
			ct.subject = term{variable: x}
		case *pb.QualifierClause_Comparison:
			cmp, err := compileComparison(field+".comparison", qc.GetField(), t.Comparison)
			if err != nil {
				return nil, err
			}
			ct.cmp = cmp
		default:
			return nil, &FieldError{Field: field, Msg: "required: a variable or a comparison"}
		}
		add(ct)
	}
	return out, nil
}

// constraints compiles p's constraints onto the variables already known.
// In a group g, a constraint on one of the first outer variables (the
// pattern's own) becomes one of the group's checks.
func (c *compiler) constraints(prefix string, p *pb.Pattern, g *group, outer int) error {
	q := c.q
	if n := len(p.GetConstraints()); n > MaxConstraints {
		return &FieldError{Field: prefix + ".constraints", Msg: fmt.Sprintf("at most %d constraints, got %d", MaxConstraints, n)}
	}
	for len(q.tests) < len(q.vars) {
		q.tests = append(q.tests, nil)
	}
	for i, con := range p.GetConstraints() {
		field := prefix + ".constraints[" + strconv.Itoa(i) + "]"
		x, ok := c.varIndex[con.GetVariable()]
		if !ok {
			return &FieldError{Field: field + ".variable", Msg: fmt.Sprintf("variable %q does not appear in any triple", con.GetVariable())}
		}
		ts, err := compileTest(q.ix.Vocabulary(), field, con)
		if err != nil {
			return err
		}
		if g != nil && x < outer {
			g.checks = append(g.checks, check{variable: x, test: ts})
			continue
		}
		q.tests[x] = append(q.tests[x], ts)
	}
	return nil
}

// Compile checks a structured pattern against an index, expands its
// predicates through the vocabulary's implications, and plans it. Errors are
// [*FieldError] for a malformed pattern, or an [index.NotFoundError] for a
// fixed name the index does not hold.
func Compile(ix *index.Index, p *pb.Pattern, opts Options) (*Query, error) {
	q := &Query{ix: ix, pattern: p, opts: opts}
	c := &compiler{q: q, varIndex: map[string]int{}}
	own, err := c.clauses("pattern", p, false)
	if err != nil {
		return nil, err
	}
	q.main = len(q.triples)
	if err := c.constraints("pattern", p, nil, 0); err != nil {
		return nil, err
	}
	outer := len(q.vars)
	if n := len(p.GetNegations()) + len(p.GetOptionals()); n > MaxGroups {
		return nil, &FieldError{Field: "pattern.negations", Msg: fmt.Sprintf("at most %d negations and optionals, got %d", MaxGroups, n)}
	}
	for kind, groups := range [][]*pb.Pattern{p.GetNegations(), p.GetOptionals()} {
		name := []string{"negations", "optionals"}[kind]
		for i, gp := range groups {
			prefix := "pattern." + name + "[" + strconv.Itoa(i) + "]"
			if len(gp.GetNegations())+len(gp.GetOptionals()) > 0 || gp.GetCount() != nil {
				return nil, &FieldError{Field: prefix, Msg: "a group cannot hold groups or a count of its own"}
			}
			cl, err := c.clauses(prefix, gp, true)
			if err != nil {
				return nil, err
			}
			g := group{negated: kind == 0, clauses: cl}
			if err := c.constraints(prefix, gp, &g, outer); err != nil {
				return nil, err
			}
			q.groups = append(q.groups, g)
		}
	}
	q.literal = make([]bool, len(q.vars))
	for _, ct := range q.triples {
		if ct.kind == kindQualifier && !ct.subject.fixed() && !entityValued(ct.field) {
			q.literal[ct.subject.variable] = true
		}
	}
	for i, ct := range q.triples {
		if ct.kind == kindQualifier {
			continue
		}
		for _, tm := range []term{ct.subject, ct.object} {
			if !tm.fixed() && q.literal[tm.variable] {
				return nil, &FieldError{Field: clauseField(q, i), Msg: fmt.Sprintf("?%s holds a qualifier's text, which no relation has as subject or object", q.vars[tm.variable])}
			}
		}
	}
	if cnt := p.GetCount(); cnt != nil {
		q.count = &counting{variable: -1}
		known := func(field, name string) (int, error) {
			if x, ok := c.varIndex[name]; ok && x < outer {
				return x, nil
			}
			return 0, &FieldError{Field: field, Msg: fmt.Sprintf("variable %q is not bound by the pattern (a group's variables cannot be counted)", name)}
		}
		if cnt.GetVariable() != "" {
			if q.count.variable, err = known("pattern.count.variable", cnt.GetVariable()); err != nil {
				return nil, err
			}
		}
		if len(cnt.GetGroupBy()) > MaxGroupBy {
			return nil, &FieldError{Field: "pattern.count.group_by", Msg: fmt.Sprintf("at most %d variables", MaxGroupBy)}
		}
		for j, g := range cnt.GetGroupBy() {
			x, err := known("pattern.count.group_by["+strconv.Itoa(j)+"]", g)
			if err != nil {
				return nil, err
			}
			q.count.groupBy = append(q.count.groupBy, x)
		}
	}
	bound := make([]bool, len(q.vars))
	if q.steps, err = q.plan(own, bound); err != nil {
		return nil, err
	}
	for _, st := range q.steps {
		for _, v := range q.triples[st.triple].binds() {
			bound[v] = true
		}
	}
	for g := range q.groups {
		if q.groups[g].steps, err = q.plan(q.groups[g].clauses, slices.Clone(bound)); err != nil {
			return nil, err
		}
	}
	return q, nil
}

// clauseField names clause i in errors: "pattern.triples[0]",
// "pattern.optionals[1].qualifiers[0]".
func clauseField(q *Query, i int) string {
	type scope struct {
		prefix string
		p      *pb.Pattern
	}
	scopes := []scope{{"pattern", q.pattern}}
	for j, g := range q.pattern.GetNegations() {
		scopes = append(scopes, scope{"pattern.negations[" + strconv.Itoa(j) + "]", g})
	}
	for j, g := range q.pattern.GetOptionals() {
		scopes = append(scopes, scope{"pattern.optionals[" + strconv.Itoa(j) + "]", g})
	}
	for _, sc := range scopes {
		for _, part := range []struct {
			name string
			n    int
		}{{"triples", len(sc.p.GetTriples())}, {"participations", len(sc.p.GetParticipations())}, {"qualifiers", len(sc.p.GetQualifiers())}} {
			if i < part.n {
				return sc.prefix + "." + part.name + "[" + strconv.Itoa(i) + "]"
			}
			i -= part.n
		}
	}
	return "pattern"
}

// binds returns the variables a clause binds.
func (t *triple) binds() []int {
	var out []int
	for _, v := range []int{t.subject.variable, t.object.variable, t.relVar} {
		if v >= 0 {
			out = append(out, v)
		}
	}
	return out
}

// variablePattern is the grammar of a variable name.
var variablePattern = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]{0,63}$`)

// predicateSet is a set of predicates by ID.
type predicateSet []bool

// has reports whether p is in the set.
func (s predicateSet) has(p vocab.ID) bool { return s[p] }

// expandPredicates checks the predicates named and adds, unless exact, the
// predicates that imply them.
func expandPredicates(v *vocab.Vocabulary, field string, names []string, exact bool) (predicateSet, error) {
	set := make(predicateSet, v.Len())
	for j, name := range names {
		p, ok := v.Lookup(name)
		if !ok {
			return nil, &FieldError{Field: field + "[" + strconv.Itoa(j) + "]", Msg: fmt.Sprintf("unknown predicate %q; see ListPredicates", name)}
		}
		set[p.ID] = true
		if !exact {
			for _, narrower := range v.ImpliedBy(p.ID) {
				set[narrower] = true
			}
		}
	}
	return set, nil
}

// Vars returns the pattern's variables, in order of first appearance.
func (q *Query) Vars() []string { return q.vars }

// Pattern returns the structured pattern that was compiled.
func (q *Query) Pattern() *pb.Pattern { return q.pattern }
