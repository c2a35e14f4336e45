package query

import (
	"fmt"
	"slices"
	"strings"

	"github.com/entitygraph/entitygraph/server/index"
)

// maxAskSolutions bounds how many pattern solutions one question gathers
// before grouping them into answers.
const maxAskSolutions = 10000

// Answer is one answer to a question: the values of its answer variables
// and every relation that supports them.
type Answer struct {
	Vars  []string     // the answer variables, as in Question.AnswerVars
	Nodes []index.Node // their values
	Rels  []index.Rel  // supporting relations, without repeats, in order found
	// Solutions are the pattern solutions grouped into this answer.
	Solutions []Solution
}

// Answers runs a compiled question and groups its solutions by the values of
// the answer variables, so that an entity found through two relations is one
// answer with two relations. It returns at most limit answers.
func Answers(ix *index.Index, q *Question, b *Budget, limit int) (*Compiled, []Answer, error) {
	c, err := Compile(ix, q.Pattern)
	if err != nil {
		return nil, nil, err
	}
	sols, _, err := c.Run(b, 0, maxAskSolutions)
	if err != nil {
		return c, nil, err
	}
	varIndex := map[string]int{}
	for i, v := range c.Vars() {
		varIndex[v] = i
	}
	var answers []Answer
	byKey := map[string]int{}
	for _, s := range sols {
		nodes := make([]index.Node, len(q.AnswerVars))
		for i, v := range q.AnswerVars {
			nodes[i] = s.Nodes[varIndex[v]]
		}
		key := fmt.Sprint(nodes)
		k, ok := byKey[key]
		if !ok {
			if len(answers) == limit {
				continue
			}
			k = len(answers)
			byKey[key] = k
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
	return c, answers, nil
}

// Sentence renders an answer for people: the answer values, then the
// relations that support them. For example "?who = Samsung Electronics,
// ?acquisition = [Western Digital acquires Kioxia (failed, 2021)] — because
// Samsung Electronics coordinates against [...]".
func Sentence(ix *index.Index, q *Question, a Answer) string {
	var because []string
	for _, r := range a.Rels {
		because = append(because, ix.Summary(r))
	}
	if q.YesNo {
		return "Yes: " + strings.Join(because, "; ")
	}
	vals := make([]string, len(a.Vars))
	for i, v := range a.Vars {
		vals[i] = "?" + v + " = " + NodeLabel(ix, a.Nodes[i])
		// "When" asks for the time of the relation it is bound to.
		if r, ok := ix.NodeRelation(a.Nodes[i]); ok && strings.HasPrefix(v, "when") {
			if tm := ix.RelationAt(r).GetQualifiers().GetTime(); tm.GetText() != "" {
				vals[i] = "?" + v + " = " + tm.GetText()
				if tm.GetStart() != "" {
					vals[i] += " (" + tm.GetStart() + ")"
				}
			}
		}
	}
	return strings.Join(vals, ", ") + " — because " + strings.Join(because, "; ")
}

// NodeLabel names a node for people: an entity's display name, or a
// relation's summary in brackets.
func NodeLabel(ix *index.Index, n index.Node) string {
	r, isRel := ix.NodeRelation(n)
	if !isRel {
		return ix.DisplayName(n)
	}
	return "[" + ix.Summary(r) + "]"
}
