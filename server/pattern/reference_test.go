package pattern

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"google.golang.org/protobuf/proto"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/server/budget"
	"github.com/entitygraph/entitygraph/server/index"
)

// referenceSolutions answers a compiled query the slow way: every choice
// of one relation per triple, each way round where symmetric, checked
// against every term and test. It knows nothing of plans or access paths.
func referenceSolutions(q *Query) map[string]bool {
	ix := q.ix
	out := map[string]bool{}
	assign := make([]index.Node, len(q.vars))
	rels := make([]index.Rel, len(q.triples))
	bind := func(t term, n index.Node) bool {
		if t.fixed() {
			return t.node == n
		}
		if assign[t.variable] != unbound {
			return assign[t.variable] == n
		}
		for _, ts := range q.tests[t.variable] {
			if !ts.holds(ix, n) {
				return false
			}
		}
		assign[t.variable] = n
		return true
	}
	var rec func(i int)
	rec = func(i int) {
		if i == len(q.triples) {
			out[fmt.Sprint(assign, rels)] = true
			return
		}
		t := q.triples[i]
		for r := range index.Rel(ix.RelationCount()) {
			if t.preds != nil && !t.preds.has(ix.Predicate(r)) {
				continue
			}
			if ix.Hidden(r) {
				continue
			}
			s, o := ix.Ends(r)
			if t.involves {
				// The relation, named or a variable, and either of its ends.
				if t.relNode != unbound && t.relNode != ix.RelationNode(r) {
					continue
				}
				for k, e := range []index.Node{s, o} {
					if k == 1 && s == o {
						break
					}
					saved := slices.Clone(assign)
					if (t.relVar < 0 || bind(term{variable: t.relVar}, ix.RelationNode(r))) && bind(t.subject, e) {
						rels[i] = r
						rec(i + 1)
					}
					copy(assign, saved)
				}
				continue
			}
			ends := [][2]index.Node{{s, o}}
			if ix.Symmetric(r) && s != o {
				ends = append(ends, [2]index.Node{o, s})
			}
			for _, e := range ends {
				saved := slices.Clone(assign)
				if bind(t.subject, e[0]) && bind(t.object, e[1]) && (t.relVar < 0 || bind(term{variable: t.relVar}, ix.RelationNode(r))) {
					rels[i] = r
					rec(i + 1)
				}
				copy(assign, saved)
			}
		}
	}
	for i := range assign {
		assign[i] = unbound
	}
	rec(0)
	return out
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
	for range 1400 {
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
			key := fmt.Sprint(s.Nodes, s.Rels)
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
		}
	}
	if tried < 1100 || answered < 300 {
		t.Errorf("%d patterns compared, %d of them with solutions; want at least 1100 and 300", tried, answered)
	}
}
