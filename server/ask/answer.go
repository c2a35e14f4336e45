package ask

import (
	"encoding/binary"
	"slices"
	"strings"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"

	"google.golang.org/protobuf/proto"

	"github.com/entitygraph/entitygraph/server/budget"
	"github.com/entitygraph/entitygraph/server/index"
	"github.com/entitygraph/entitygraph/server/pattern"
	"github.com/entitygraph/entitygraph/server/vocab"
)

// maxSolutions bounds how many pattern solutions one question gathers
// before grouping them into answers.
const maxSolutions = 10000

// Answer is one answer to a question: the values of its answer variables
// and every relation that supports them.
type Answer struct {
	Vars  []string     // the answer variables, as in Question.AnswerVars
	Nodes []index.Node // their values
	Rels  []index.Rel  // supporting relations, without repeats, in order found
	// Solutions are the pattern solutions grouped into this answer.
	Solutions []pattern.Solution
	// Literal returns the text of a value of Nodes that is a literal (see
	// pattern.IsLiteral).
	Literal func(index.Node) string
	// Sentence is the answer for people, such as "?who = Samsung
	// Electronics — because Samsung Electronics coordinates against
	// [...]".
	Sentence string
}

// Result is a question compiled, run and answered.
type Result struct {
	// Question is the compiled question.
	Question *Question
	// Interpretation is how the question was understood, as an English
	// sentence.
	Interpretation string
	// Text is the compiled query in canonical Match text syntax.
	Text string
	// Answers are at most the limit asked for, in the order found.
	Answers []Answer
}

// Ask compiles question (see [Compile]), runs it against b and returns at
// most limit answers, with how it was understood.
func Ask(ix *index.Index, question string, b *budget.Budget, limit int, opts pattern.Options) (*Result, error) {
	q, err := Compile(ix, question, opts)
	if err != nil {
		return nil, err
	}
	answers, err := Answers(ix, q, b, limit)
	if err != nil {
		return nil, err
	}
	if len(answers) == 0 {
		// "Which industry did Samsung and Sony dominate?": the graph may
		// say it of a relation they take part in, their partnership.
		if through := throughRelation(ix, q, opts); through != nil {
			more, err := Answers(ix, through, b, limit)
			if err != nil {
				return nil, err
			}
			if len(more) > 0 {
				q, answers = through, more
			}
		}
	}
	return &Result{Question: q, Interpretation: Interpretation(ix, q), Text: pattern.Format(q.Pattern), Answers: answers}, nil
}

// throughRelation rewrites a question whose relation has named subjects
// into one where they take part in a relation that is the subject instead:
// "Samsung and Sony dominated the display industry" holds when a relation
// involving both of them, their partnership, did. It returns nil when the
// question has no such shape or its predicate cannot have a relation as
// subject.
func throughRelation(ix *index.Index, q *Question, opts pattern.Options) *Question {
	if q.Mains == 0 || q.YesNo {
		return nil
	}
	mains := q.Pattern.GetTriples()[:q.Mains]
	first := mains[0]
	var subjects []*pb.Term
	for _, t := range mains {
		if t.GetSubject().GetName() == "" || !proto.Equal(t.GetObject(), first.GetObject()) || !slices.Equal(t.GetPredicates(), first.GetPredicates()) {
			return nil
		}
		if !slices.ContainsFunc(subjects, func(s *pb.Term) bool { return proto.Equal(s, t.GetSubject()) }) {
			subjects = append(subjects, t.GetSubject())
		}
	}
	for _, name := range first.GetPredicates() {
		p, ok := ix.Vocabulary().Lookup(name)
		if !ok || (len(p.SubjectTypes) > 0 && !slices.Contains(p.SubjectTypes, vocab.RelationType)) {
			return nil
		}
	}
	pat := proto.CloneOf(q.Pattern)
	via := "via"
	for used := usedVariables(pat); used[via]; via += "_" {
	}
	main := proto.CloneOf(first)
	main.Subject = &pb.Term{Term: &pb.Term_Variable{Variable: via}}
	pat.Triples = append([]*pb.Triple{main}, pat.Triples[q.Mains:]...)
	for _, s := range subjects {
		pat.Participations = append(pat.Participations, &pb.Participation{Relation: main.Subject, Participant: s})
	}
	compiled, err := pattern.Compile(ix, pat, opts)
	if err != nil {
		return nil
	}
	return &Question{Pattern: pat, Query: compiled, AnswerVars: q.AnswerVars, Mentions: q.Mentions, Mains: 1, Through: true}
}

// usedVariables returns the variables a pattern names.
func usedVariables(p *pb.Pattern) map[string]bool {
	used := map[string]bool{}
	for _, t := range p.GetTriples() {
		used[t.GetSubject().GetVariable()] = true
		used[t.GetObject().GetVariable()] = true
		used[t.GetRelationVariable()] = true
	}
	for _, pt := range p.GetParticipations() {
		used[pt.GetRelation().GetVariable()] = true
		used[pt.GetParticipant().GetVariable()] = true
	}
	for _, c := range p.GetConstraints() {
		used[c.GetVariable()] = true
	}
	return used
}

// Answers runs a compiled question and groups its solutions by the values of
// the answer variables, so that an entity found through two relations is one
// answer with two relations. It returns at most limit answers.
func Answers(ix *index.Index, q *Question, b *budget.Budget, limit int) ([]Answer, error) {
	sols, _, err := q.Query.Run(b, 0, maxSolutions)
	if err != nil {
		return nil, err
	}
	varIndex := map[string]int{}
	for i, v := range q.Query.Vars() {
		varIndex[v] = i
	}
	var answers []Answer
	byKey := map[string]int{}
	var key []byte
	for _, s := range sols {
		nodes := make([]index.Node, len(q.AnswerVars))
		key = key[:0]
		for i, v := range q.AnswerVars {
			nodes[i] = s.Nodes[varIndex[v]]
			key = binary.AppendVarint(key, int64(nodes[i]))
		}
		k, ok := byKey[string(key)]
		if !ok {
			if len(answers) == limit {
				continue
			}
			k = len(answers)
			byKey[string(key)] = k
			answers = append(answers, Answer{Vars: q.AnswerVars, Nodes: nodes})
		}
		a := &answers[k]
		a.Solutions = append(a.Solutions, s)
		a.Literal = s.Literal
		for _, r := range s.Rels {
			if r != pattern.NoRel && !slices.Contains(a.Rels, r) {
				a.Rels = append(a.Rels, r)
			}
		}
	}
	for i := range answers {
		answers[i].Sentence = sentence(ix, q, answers[i])
	}
	return answers, nil
}

// sentence renders an answer for people: the answer values, then the
// relations that support them. For example "?who = Samsung Electronics,
// ?acquisition = [Western Digital acquires Kioxia (failed, 2021)] — because
// Samsung Electronics coordinates against [...]".
func sentence(ix *index.Index, q *Question, a Answer) string {
	var because []string
	for _, r := range a.Rels {
		because = append(because, ix.Summary(r))
	}
	if q.YesNo {
		return "Yes: " + strings.Join(because, "; ")
	}
	vals := make([]string, len(a.Vars))
	for i, v := range a.Vars {
		vals[i] = "?" + v + " = " + ix.Label(a.Nodes[i])
		// "When" asks for the time of the relation it is bound to.
		if r, ok := ix.NodeRelation(a.Nodes[i]); ok && strings.HasPrefix(v, "when") {
			if tm := ix.Qualifiers(r).GetTime(); tm.GetText() != "" {
				vals[i] = "?" + v + " = " + tm.GetText()
				if tm.GetStart() != "" {
					vals[i] += " (" + tm.GetStart() + ")"
				}
			}
		}
	}
	return strings.Join(vals, ", ") + " — because " + strings.Join(because, "; ")
}
