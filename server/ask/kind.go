package ask

import (
	"fmt"
	"slices"
	"strings"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/server/index"
	"github.com/entitygraph/entitygraph/server/pattern"
	"github.com/entitygraph/entitygraph/server/vocab"
)

// kindQuestion reads "What kind (type, sort) of NOUN is NAME?", NOUN a
// noun of a kind or type (kindOfRelation reads a relational noun): it asks
// for the kinds the entity NAME has in the graph under NOUN (a kind, or an
// entity type), narrower than NOUN's own. It returns the question, or
// false for another form.
func kindQuestion(ix *index.Index, words []word, items []item, mentions []Mention) (*Question, bool) {
	k := 0
	next := func(kind itemKind) (item, bool) {
		if k < len(items) && items[k].kind == kind {
			k++
			return items[k-1], true
		}
		return item{}, false
	}
	wh, ok := next(itemWh)
	if !ok || !slices.Contains([]string{"what", "which"}, strings.ToLower(wh.text)) || k >= len(items) || !kindWords[words[items[k].at].lower] || items[k].span != 1 {
		return nil, false
	}
	k++
	if of, ok := next(itemPrep); !ok || !strings.EqualFold(of.text, "of") {
		return nil, false
	}
	noun, ok := next(itemType)
	if !ok {
		return nil, false
	}
	if aux, ok := next(itemAux); !ok || !beWords[strings.ToLower(aux.text)] {
		return nil, false
	}
	next(itemArticle)
	name, ok := next(itemEntity)
	if !ok || k != len(items) {
		return nil, false
	}
	understood := []string{
		fmt.Sprintf("%q = the answer: a kind", joinItems(items[:2])),
		fmt.Sprintf("%q = %s", noun.text, pattern.ConstraintText(noun.con)),
		fmt.Sprintf("%q = %s", name.text, ix.NodeName(name.node)),
	}
	return &Question{Pattern: &pb.Pattern{}, AnswerVars: []string{"kind"}, KindOf: name.node, KindUnder: noun.con, Mentions: mentions, Understood: understood}, true
}

// kindsOf returns the kinds of entity q.KindOf that q.KindUnder asks for: under
// its kinds and not one of them, or of its entity type.
func kindsOf(ix *index.Index, q *Question) []*vocab.Kind {
	v := ix.Vocabulary()
	var out []*vocab.Kind
	for _, have := range ix.Kinds(q.KindOf) {
		k := v.Kind(have)
		under := false
		if t := q.KindUnder.GetType(); t != "" {
			under = k.EntityType == t
		}
		for _, name := range q.KindUnder.GetKinds().GetKinds() {
			if asked, ok := v.LookupKind(name); ok && asked.ID != have && slices.Contains(v.Narrower(asked.ID), have) {
				under = true
			}
		}
		if under {
			out = append(out, k)
		}
	}
	return out
}

// kindAnswers answers a kind question: one answer per kind, its value the
// kind's first noun, a literal.
func kindAnswers(ix *index.Index, q *Question) *Result {
	res := &Result{Question: q, Interpretation: fmt.Sprintf("Find the kinds of %s that are %s, narrower than that", ix.Label(q.KindOf), pattern.ConstraintText(q.KindUnder))}
	for _, k := range kindsOf(ix, q) {
		text := kindNoun(k)
		res.Answers = append(res.Answers, Answer{
			Vars:     q.AnswerVars,
			Nodes:    []index.Node{pattern.Unbound - 1},
			Literal:  func(index.Node) string { return text },
			Sentence: fmt.Sprintf("?kind = %s — because %s is of the kind %s (%s)", text, ix.Label(q.KindOf), k.Key, k.Name),
		})
	}
	return res
}

// kindNoun is how a kind is said: its first noun, or its id.
func kindNoun(k *vocab.Kind) string {
	if nouns := k.Message().GetNouns(); len(nouns) > 0 {
		return nouns[0]
	}
	return k.Key
}
