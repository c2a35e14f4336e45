package pattern

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"

	"google.golang.org/protobuf/proto"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/server/budget"
	"github.com/entitygraph/entitygraph/server/index"
)

// referenceSolutions answers a compiled query the slow way: every choice
// of one relation per clause, each way round where symmetric, checked
// against every term and test; then every group, the same way. It knows
// nothing of plans or access paths. Solutions are keyed by solutionKey.
func referenceSolutions(q *Query) map[string]bool {
	ix := q.ix
	out := map[string]bool{}
	assign := make([]index.Node, len(q.vars))
	var literals []string
	literal := func(text string) index.Node {
		if i := slices.Index(literals, text); i >= 0 {
			return unbound - 1 - index.Node(i)
		}
		literals = append(literals, text)
		return unbound - 1 - index.Node(len(literals)-1)
	}
	rels := make([]index.Rel, len(q.triples))
	for i := range rels {
		rels[i] = NoRel
	}
	bind := func(t term, n index.Node) bool {
		if t.fixed() {
			return t.node == n
		}
		if assign[t.variable] != unbound {
			return assign[t.variable] == n
		}
		for _, ts := range q.tests[t.variable] {
			if IsLiteral(n) || !ts.holds(ix, n) {
				return false
			}
		}
		assign[t.variable] = n
		return true
	}
	var rec func(clauses []int, i int, done func())
	rec = func(clauses []int, i int, done func()) {
		if i == len(clauses) {
			done()
			return
		}
		ci := clauses[i]
		t := q.triples[ci]
		try := func(f func() bool, r index.Rel) {
			saved := slices.Clone(assign)
			if f() {
				old := rels[ci]
				rels[ci] = r
				rec(clauses, i+1, done)
				rels[ci] = old
			}
			copy(assign, saved)
		}
		for r := range index.Rel(ix.RelationCount()) {
			if t.preds != nil && !t.preds.has(ix.Predicate(r)) {
				continue
			}
			if ix.Hidden(r) {
				continue
			}
			if t.relNode != unbound && t.relNode != ix.RelationNode(r) {
				continue
			}
			relOK := func() bool { return t.relVar < 0 || bind(term{variable: t.relVar}, ix.RelationNode(r)) }
			s, o := ix.Ends(r)
			switch t.kind {
			case kindInvolves:
				for k, e := range []index.Node{s, o} {
					if k == 1 && s == o {
						break
					}
					try(func() bool { return relOK() && bind(t.subject, e) }, r)
				}
			case kindQualifier:
				values := qualifierValues(ix, r, t.field)
				if t.cmp != nil {
					if slices.ContainsFunc(values, func(v qualValue) bool { return t.cmp.holds(ix, t.field, v) }) {
						try(relOK, NoRel)
					}
					continue
				}
				for _, v := range values {
					n := literal(v.text)
					if m, ok := ix.NodeOf(v.entity); v.entity != "" && ok {
						n = m
					} else if v.text == "" {
						continue
					}
					try(func() bool { return relOK() && bind(t.subject, n) }, NoRel)
				}
			default:
				ends := [][2]index.Node{{s, o}}
				if ix.Symmetric(r) && s != o {
					ends = append(ends, [2]index.Node{o, s})
				}
				for _, e := range ends {
					try(func() bool { return bind(t.subject, e[0]) && bind(t.object, e[1]) && relOK() }, r)
				}
			}
		}
	}
	checks := func(g group) bool {
		for _, c := range g.checks {
			if n := assign[c.variable]; n < 0 || !c.test.holds(ix, n) {
				return false
			}
		}
		return true
	}
	var nots, opts []group
	for _, g := range q.groups {
		if g.negated {
			nots = append(nots, g)
		} else {
			opts = append(opts, g)
		}
	}
	var optional func(i int)
	optional = func(i int) {
		if i == len(opts) {
			out[solutionKey(ix, assign, rels, func(n index.Node) string { return literals[unbound-1-n] })] = true
			return
		}
		matched := false
		if checks(opts[i]) {
			rec(opts[i].clauses, 0, func() { matched = true; optional(i + 1) })
		}
		if !matched {
			optional(i + 1)
		}
	}
	var main []int
	for _, st := range q.steps {
		main = append(main, st.triple)
	}
	slices.Sort(main)
	for i := range assign {
		assign[i] = unbound
	}
	rec(main, 0, func() {
		for _, g := range nots {
			found := false
			if checks(g) {
				rec(g.clauses, 0, func() { found = true })
			}
			if found {
				return
			}
		}
		optional(0)
	})
	return out
}

// solutionKey writes a solution with its literals as text, so that two
// engines numbering literals differently agree.
func solutionKey(ix *index.Index, nodes []index.Node, rels []index.Rel, literal func(index.Node) string) string {
	parts := make([]string, len(nodes))
	for i, n := range nodes {
		switch {
		case n == unbound:
			parts[i] = "-"
		case IsLiteral(n):
			parts[i] = fmt.Sprintf("%q", literal(n))
		default:
			parts[i] = ix.NodeName(n)
		}
	}
	return fmt.Sprint(parts, rels)
}

// randomPattern makes a pattern of one to three triples over a few
// variables, with fixed names, predicate sets and constraints drawn from
// the graph and the vocabulary.
func randomPattern(rng *rand.Rand, ix *index.Index) *pb.Pattern {
	vars := []string{"a", "b", "c", "d"}
	recs := ix.Vocabulary().Predicates()
	// Fixed names and predicates are mostly those of real relations, so
	// that many patterns have solutions.
	someRel := func() index.Rel { return index.Rel(rng.IntN(ix.RelationCount())) }
	termOf := func() *pb.Term {
		if rng.IntN(5) == 0 {
			s, o := ix.Ends(someRel())
			return &pb.Term{Term: &pb.Term_Name{Name: ix.NodeName([]index.Node{s, o}[rng.IntN(2)])}}
		}
		return &pb.Term{Term: &pb.Term_Variable{Variable: vars[rng.IntN(len(vars))]}}
	}
	predicate := func() string {
		if rng.IntN(3) == 0 {
			return recs[rng.IntN(len(recs))].Name
		}
		return ix.Vocabulary().Predicate(ix.Predicate(someRel())).Name
	}
	p := &pb.Pattern{}
	used := map[string]bool{}
	for i := range 1 + rng.IntN(3) {
		t := &pb.Triple{Subject: termOf(), Object: termOf(), ExactPredicates: rng.IntN(4) == 0}
		if i > 0 && rng.IntN(2) == 0 {
			// Chain: this triple starts where the one before ended.
			t.Subject = p.Triples[i-1].Object
		}
		for range rng.IntN(2) {
			t.Predicates = append(t.Predicates, predicate())
		}
		if rng.IntN(3) == 0 {
			// Mostly a variable of its own; now and then one a term uses.
			t.RelationVariable = []string{"r", "s", "r", "s", "a"}[rng.IntN(5)]
		}
		for _, tm := range []*pb.Term{t.GetSubject(), t.GetObject()} {
			if v := tm.GetVariable(); v != "" {
				used[v] = true
			}
		}
		if t.RelationVariable != "" {
			used[t.RelationVariable] = true
		}
		p.Triples = append(p.Triples, t)
	}
	if rng.IntN(3) == 0 {
		// A participation: from a relation variable, or a relation that
		// is the subject or object of another, to what it involves.
		pt := &pb.Participation{Relation: &pb.Term{Term: &pb.Term_Variable{Variable: []string{"r", "s", "a"}[rng.IntN(3)]}}, Participant: termOf()}
		if rng.IntN(4) == 0 {
			pt.Relation = &pb.Term{Term: &pb.Term_Name{Name: ix.NodeName(ix.RelationNode(someRel()))}}
		}
		for _, tm := range []*pb.Term{pt.GetRelation(), pt.GetParticipant()} {
			if v := tm.GetVariable(); v != "" {
				used[v] = true
			}
		}
		p.Participations = append(p.Participations, pt)
	}
	relVar := func() *pb.Term {
		return &pb.Term{Term: &pb.Term_Variable{Variable: []string{"r", "s"}[rng.IntN(2)]}}
	}
	if !used["r"] && !used["s"] && p.Triples[0].RelationVariable == "" && rng.IntN(2) == 0 {
		p.Triples[0].RelationVariable = "r"
		used["r"] = true
	}
	if used["r"] || used["s"] {
		for range rng.IntN(3) {
			v := relVar()
			if !used[v.GetVariable()] {
				continue
			}
			fields := []pb.QualifierField{pb.QualifierField_QUALIFIER_FIELD_TIME, pb.QualifierField_QUALIFIER_FIELD_PLACE,
				pb.QualifierField_QUALIFIER_FIELD_AUDIENCE, pb.QualifierField_QUALIFIER_FIELD_ROLE, pb.QualifierField_QUALIFIER_FIELD_RANK,
				pb.QualifierField_QUALIFIER_FIELD_STATUS, pb.QualifierField_QUALIFIER_FIELD_DOCUMENT, pb.QualifierField_QUALIFIER_FIELD_ATTRIBUTION,
				// Every relation has documents, and many a time: they come up more.
				pb.QualifierField_QUALIFIER_FIELD_DOCUMENT, pb.QualifierField_QUALIFIER_FIELD_DOCUMENT, pb.QualifierField_QUALIFIER_FIELD_TIME}
			qc := &pb.QualifierClause{Relation: v, Field: fields[rng.IntN(len(fields))]}
			switch qc.Field {
			case pb.QualifierField_QUALIFIER_FIELD_TIME:
				qc.Test = &pb.QualifierClause_Comparison{Comparison: &pb.Comparison{
					Operator: pb.ComparisonOperator(1 + rng.IntN(6)), Value: []string{"2021", "2025", "2025-05", "2025-05-08", "2000"}[rng.IntN(5)]}}
			case pb.QualifierField_QUALIFIER_FIELD_RANK:
				qc.Test = &pb.QualifierClause_Comparison{Comparison: &pb.Comparison{Operator: pb.ComparisonOperator(1 + rng.IntN(6)), Value: strconv.Itoa(1 + rng.IntN(4))}}
			}
			if qc.Test == nil {
				// Bind; an entity's value now and then to a variable a
				// triple uses too.
				v := "q" + qc.Field.String()[len("QUALIFIER_FIELD_"):]
				if entityValued(qc.Field) && rng.IntN(3) == 0 {
					v = "b"
				}
				qc.Test = &pb.QualifierClause_Variable{Variable: v}
			}
			p.Qualifiers = append(p.Qualifiers, qc)
		}
	}
	if rng.IntN(3) == 0 {
		// A group that joins the pattern through one of its variables.
		var shared []string
		for _, v := range vars {
			if used[v] {
				shared = append(shared, v)
			}
		}
		if len(shared) > 0 {
			g := &pb.Pattern{Triples: []*pb.Triple{{
				Subject:    &pb.Term{Term: &pb.Term_Variable{Variable: shared[rng.IntN(len(shared))]}},
				Predicates: []string{predicate()},
				Object:     &pb.Term{Term: &pb.Term_Variable{Variable: "g"}},
			}}}
			if rng.IntN(2) == 0 {
				p.Negations = append(p.Negations, g)
			} else {
				p.Optionals = append(p.Optionals, g)
			}
		}
	}
	tests := []*pb.Constraint{
		{Test: &pb.Constraint_Type{Type: "organization"}},
		{Test: &pb.Constraint_Type{Type: "relation"}},
		{Test: &pb.Constraint_Kinds{Kinds: &pb.KindSet{Kinds: []string{"kinds/country"}}}},
		{Test: &pb.Constraint_Kinds{Kinds: &pb.KindSet{Kinds: []string{"kinds/company"}, Exact: true}}},
		{Test: &pb.Constraint_RelationPredicates{RelationPredicates: &pb.PredicateSet{Predicates: []string{"predicates/opposes"}}}},
		{Test: &pb.Constraint_RelationStatus{RelationStatus: pb.RelationStatus_RELATION_STATUS_FAILED}},
	}
	for _, v := range vars {
		if used[v] && rng.IntN(6) == 0 {
			c := proto.CloneOf(tests[rng.IntN(len(tests))])
			c.Variable = v
			p.Constraints = append(p.Constraints, c)
		}
	}
	return p
}

// TestSolutionsDistinct checks the planner and its access paths against the
// reference: on random patterns over the seed graph, Run finds exactly the
// solutions that exist, each once, whatever plan it chose.
func TestSolutionsDistinct(t *testing.T) {
	t.Parallel()
	ix := seedIx(t)
	rng := rand.New(rand.NewPCG(3, 5))
	tried, answered := 0, 0
	withQualifiers, withGroups := 0, 0
	for range 2300 {
		p := randomPattern(rng, ix)
		q, err := Compile(ix, p, Options{})
		if err != nil {
			t.Fatalf("Compile(%s) error = %v", Format(p), err)
		}
		if len(q.triples) >= 3 && q.steps[0].estimate > 20 {
			continue // the reference is cubic in the relations
		}
		sols, more, err := q.Run(budget.New(context.Background(), 0), 0, 1<<20)
		if err != nil || more {
			t.Fatalf("Run(%s) = more %v, error %v", Format(p), more, err)
		}
		got := map[string]bool{}
		for _, s := range sols {
			key := solutionKey(ix, s.Nodes, s.Rels, s.Literal)
			if got[key] {
				t.Fatalf("Run(%s) returned the solution %s twice", Format(p), key)
			}
			got[key] = true
		}
		want := referenceSolutions(q)
		if len(got) != len(want) {
			t.Fatalf("Run(%s) found %d solutions, the reference %d\nplan %v", Format(p), len(got), len(want), q.Plan())
		}
		for k := range want {
			if !got[k] {
				t.Fatalf("Run(%s) missed the solution %s", Format(p), k)
			}
		}
		tried++
		if len(want) > 0 {
			answered++
			if len(p.GetQualifiers()) > 0 {
				withQualifiers++
			}
			if len(p.GetNegations())+len(p.GetOptionals()) > 0 {
				withGroups++
			}
		}
	}
	if tried < 1800 || answered < 350 || withQualifiers < 40 || withGroups < 40 {
		t.Errorf("%d patterns compared, %d of them with solutions (%d with qualifier clauses, %d with groups); want at least 1800, 350, 40 and 40",
			tried, answered, withQualifiers, withGroups)
	}
}
