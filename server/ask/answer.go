package ask

import (
	"encoding/binary"
	"slices"
	"strings"

	"github.com/entitygraph/entitygraph/server/budget"
	"github.com/entitygraph/entitygraph/server/index"
	"github.com/entitygraph/entitygraph/server/pattern"
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
	return &Result{Question: q, Interpretation: Interpretation(ix, q), Text: pattern.Format(q.Pattern), Answers: answers}, nil
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
		for _, r := range s.Rels {
			if !slices.Contains(a.Rels, r) {
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
