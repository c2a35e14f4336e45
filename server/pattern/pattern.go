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

// triple is a compiled triple: preds holds its predicates expanded through
// the vocabulary's implications, or is nil for any predicate. A
// participation ("?r involves ?x") compiles to a triple too, with involves
// set: its subject is the participant, which the relation has as subject
// or object, and the relation is relVar or the fixed node relNode.
type triple struct {
	subject, object term
	relVar          int // variable bound to the relation node, or -1
	preds           predicateSet
	involves        bool
	relNode         index.Node // a participation's fixed relation, or unbound
	text            string     // the triple in text syntax, for explain
}

// Options change how a pattern matches.
type Options struct {
	// AllRanks matches statements of every rank; otherwise the ones reads
	// leave out (see index.Index.Hidden) never match.
	AllRanks bool
}

// Query is a pattern compiled and planned against one index.
type Query struct {
	ix      *index.Index
	opts    Options
	pattern *pb.Pattern
	vars    []string
	triples []triple
	tests   [][]test // by variable: what its value must pass
	steps   []step   // the plan: the triples in evaluation order
}

// Compile checks a structured pattern against an index, expands its
// predicates through the vocabulary's implications, and plans it. Errors are
// [*FieldError] for a malformed pattern, or an [index.NotFoundError] for a
// fixed name the index does not hold.
func Compile(ix *index.Index, p *pb.Pattern, opts Options) (*Query, error) {
	q := &Query{ix: ix, pattern: p, opts: opts}
	v := ix.Vocabulary()
	varIndex := map[string]int{}
	variable := func(field, name string) (int, error) {
		if !variablePattern.MatchString(name) {
			return 0, &FieldError{Field: field, Msg: fmt.Sprintf("variable %q must be a letter or _ followed by up to 63 letters, digits or _", name)}
		}
		if i, ok := varIndex[name]; ok {
			return i, nil
		}
		varIndex[name] = len(q.vars)
		q.vars = append(q.vars, name)
		return len(q.vars) - 1, nil
	}
	compileTerm := func(field string, t *pb.Term) (term, error) {
		switch v := t.GetTerm().(type) {
		case *pb.Term_Variable:
			i, err := variable(field+".variable", v.Variable)
			return term{variable: i}, err
		case *pb.Term_Name:
			coll, _, err := resource.Parse(v.Name)
			if err != nil {
				return term{}, &FieldError{Field: field + ".name", Msg: err.Error()}
			}
			if !coll.IsEntity() && coll != resource.Relations {
				return term{}, &FieldError{Field: field + ".name", Msg: fmt.Sprintf("%q is not an entity or relation name", v.Name)}
			}
			n, ok := ix.NodeOf(v.Name)
			if !ok {
				return term{}, &index.NotFoundError{Kind: "node", Name: v.Name}
			}
			return term{variable: -1, node: n}, nil
		}
		return term{}, &FieldError{Field: field, Msg: "required: a variable or a name"}
	}

	switch n := len(p.GetTriples()) + len(p.GetParticipations()); {
	case n == 0:
		return nil, &FieldError{Field: "pattern.triples", Msg: "required: at least one triple or participation"}
	case n > MaxTriples:
		return nil, &FieldError{Field: "pattern.triples", Msg: fmt.Sprintf("at most %d triples and participations, got %d", MaxTriples, n)}
	}
	if n := len(p.GetConstraints()); n > MaxConstraints {
		return nil, &FieldError{Field: "pattern.constraints", Msg: fmt.Sprintf("at most %d constraints, got %d", MaxConstraints, n)}
	}
	for i, t := range p.GetTriples() {
		field := "pattern.triples[" + strconv.Itoa(i) + "]"
		ct := triple{relVar: -1, relNode: unbound, text: FormatTriple(t)}
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
			if ct.preds, err = expandPredicates(v, field+".predicates", t.GetPredicates(), t.GetExactPredicates()); err != nil {
				return nil, err
			}
		}
		q.triples = append(q.triples, ct)
	}
	for i, pt := range p.GetParticipations() {
		field := "pattern.participations[" + strconv.Itoa(i) + "]"
		ct := triple{relVar: -1, relNode: unbound, involves: true, object: term{variable: -1, node: unbound}, text: FormatParticipation(pt)}
		rel, err := compileTerm(field+".relation", pt.GetRelation())
		if err != nil {
			return nil, err
		}
		if rel.fixed() {
			if _, ok := ix.NodeRelation(rel.node); !ok {
				return nil, &FieldError{Field: field + ".relation.name", Msg: fmt.Sprintf("%q is an entity; a participation starts from a relation", pt.GetRelation().GetName())}
			}
			ct.relNode = rel.node
		} else {
			ct.relVar = rel.variable
		}
		if ct.subject, err = compileTerm(field+".participant", pt.GetParticipant()); err != nil {
			return nil, err
		}
		q.triples = append(q.triples, ct)
	}
	q.tests = make([][]test, len(q.vars))
	for i, con := range p.GetConstraints() {
		field := "pattern.constraints[" + strconv.Itoa(i) + "]"
		x, ok := varIndex[con.GetVariable()]
		if !ok {
			return nil, &FieldError{Field: field + ".variable", Msg: fmt.Sprintf("variable %q does not appear in any triple", con.GetVariable())}
		}
		ts, err := compileTest(v, field, con)
		if err != nil {
			return nil, err
		}
		q.tests[x] = append(q.tests[x], ts)
	}
	q.plan()
	return q, nil
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
