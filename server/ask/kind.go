package ask

import (
	"fmt"
	"slices"
	"strings"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/server/index"
	"github.com/entitygraph/entitygraph/server/pattern"
	"github.com/entitygraph/entitygraph/server/quantity"
	"github.com/entitygraph/entitygraph/server/vocab"
)

// kindQuestion reads "What kind (type, sort) of NOUN is NAME?", NOUN a
// noun of a kind or type (kindOfRelation reads a relational noun): it asks
// for the kinds the entity NAME has in the graph under NOUN (a kind, or an
// entity type), narrower than NOUN's own. It returns the question, or
// false for another form.
func kindQuestion(ix *index.Index, words []word, items []item, mentions []Mention) (*Question, bool) {
	c := &itemCursor{items: items}
	wh, ok := c.next(itemWh)
	if !ok || !slices.Contains([]string{"what", "which"}, strings.ToLower(wh.text)) || c.done() || !kindWords[words[items[c.k].at].lower] || items[c.k].span != 1 {
		return nil, false
	}
	c.k++
	if of, ok := c.next(itemPrep); !ok || !strings.EqualFold(of.text, "of") {
		return nil, false
	}
	noun, ok := c.next(itemType)
	if !ok {
		return nil, false
	}
	if aux, ok := c.next(itemAux); !ok || !beWords[strings.ToLower(aux.text)] {
		return nil, false
	}
	c.next(itemArticle)
	name, ok := c.next(itemEntity)
	if !ok || !c.done() {
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

// describeQuestion reads "What is NAME?" (or "Who"), a wh-word, a copula
// and one name alone, of no person: it asks what the entity is, which its
// record says (its kinds and description) and the roles its relations
// give. It returns the question, or false for another form; a person's
// is read as asking for the person's roles (see personRoles).
func describeQuestion(ix *index.Index, items []item, mentions []Mention) (*Question, bool) {
	k := 0
	if k < len(items) && items[k].kind == itemWh && slices.Contains([]string{"who", "what"}, strings.ToLower(items[k].text)) {
		k++
	} else {
		return nil, false
	}
	if k >= len(items) || items[k].kind != itemAux || !beWords[strings.ToLower(items[k].text)] {
		return nil, false
	}
	k++
	if k < len(items) && items[k].kind == itemArticle {
		k++
	}
	if k != len(items)-1 || items[k].kind != itemEntity {
		return nil, false
	}
	name := items[k]
	if ix.EntityType(name.node) == "person" {
		// A person is what the roles say: "Who is Marisol Okafor?" is
		// "What is Marisol Okafor's role?" (see Compile).
		return nil, false
	}
	understood := []string{fmt.Sprintf("%q = the answer: what the entity is", joinItems(items[:k])), fmt.Sprintf("%q = %s", name.text, ix.NodeName(name.node))}
	return &Question{Pattern: &pb.Pattern{}, AnswerVars: []string{"what"}, Describe: name.node, Describes: true, Mentions: mentions, Understood: understood}, true
}

// describeAnswer answers a description question: the entity itself, its
// sentence giving its kinds, the roles its relations give it and its
// record's description.
func describeAnswer(ix *index.Index, q *Question) *Result {
	n := q.Describe
	v := ix.Vocabulary()
	var says []string
	var kinds []string
	for _, k := range ix.Kinds(n) {
		kinds = append(kinds, kindNoun(v.Kind(k)))
	}
	if len(kinds) > 0 {
		article := "a "
		if strings.ContainsRune("aeio", rune(kinds[0][0])) { // not "u": a university, a utility
			article = "an " // "an infrastructure fund"
		}
		says = append(says, article+strings.Join(kinds, ", "))
	}
	var rels []index.Rel
	for _, r := range ix.Out(n) {
		if role := ix.Qualifiers(r).GetRole(); role != "" {
			_, o := ix.Ends(r)
			says = append(says, role+" of "+ix.Label(o))
			rels = append(rels, r)
		}
	}
	if d := ix.NodeEntity(n).GetDescription(); d != "" {
		says = append(says, d)
	}
	res := &Result{Question: q, Interpretation: fmt.Sprintf("Describe %s: its kinds, roles and description", ix.Label(n))}
	res.Answers = []Answer{{Vars: q.AnswerVars, Nodes: []index.Node{n}, Rels: rels,
		Sentence: fmt.Sprintf("?what = %s — %s", ix.Label(n), strings.Join(says, "; "))}}
	return res
}

// personRoles reads "Who is NAME?" and "What does NAME do?" of a person as
// "What is NAME's role?", and "What does NAME do at ORGANIZATION?" as
// "What is NAME's role at ORGANIZATION?"; it returns the words to compile
// instead, or false.
func personRoles(ix *index.Index, words []word, items []item) ([]word, bool) {
	if len(items) < 3 || items[0].kind != itemWh || !slices.Contains([]string{"who", "what"}, strings.ToLower(items[0].text)) ||
		items[1].kind != itemAux {
		return nil, false
	}
	aux := strings.ToLower(items[1].text)
	// "What does NAME do?": the same question, the last word a bare "do".
	doing := strings.ToLower(items[0].text) == "what" && (aux == "does" || aux == "do") && len(items) >= 4 &&
		items[3].kind == itemAux && strings.ToLower(items[3].text) == "do"
	// "What does NAME do at ORGANIZATION?": the role there ("did", of
	// what happened, is doQuestion's).
	var at []word
	if doing && len(items) > 4 {
		org := items[len(items)-1]
		if len(items) != 6 || items[4].kind != itemPrep || !slices.Contains([]string{"at", "for"}, strings.ToLower(items[4].text)) ||
			org.kind != itemEntity || ix.EntityType(org.node) != "organization" {
			return nil, false
		}
		at = append([]word{{text: items[4].text, lower: "at"}}, words[org.at:org.at+org.span]...)
	}
	if !beWords[aux] && !doing {
		return nil, false
	}
	name := items[len(items)-1]
	if doing {
		name = items[2]
	}
	if name.kind != itemEntity || ix.EntityType(name.node) != "person" || !doing && len(items) > 3 && !(len(items) == 4 && items[2].kind == itemArticle) {
		return nil, false
	}
	out := []word{{text: "What", lower: "what", note: fmt.Sprintf("%q of a person: the person's roles", joinItems(items))}, {text: "is", lower: "is"}}
	out = append(out, words[name.at:name.at+name.span]...)
	return append(append(out, word{text: "'s", lower: "'s"}, word{text: "role", lower: "role"}), at...), true
}

// doQuestion reads "What did NAME do DATE?" ("What did Chey do on May
// 8?", "What did Western Digital try to do in 2021?") and "What did NAME
// do PLACE?" ("at the National Assembly"): it asks for the relations NAME
// is the subject of whose time falls on the dates and whose place is the
// place, by any predicate. The dates or place make it a question about
// what happened then or there; "What did NAME do?" alone is no such
// question (see personRoles) and stays refused. Words skipped before "to
// do" ("try", "seek") are reported as skipped. It returns the question,
// or false for another form.
func doQuestion(ix *index.Index, items []item, mentions []Mention) (*Question, bool) {
	if len(items) < 5 || items[0].kind != itemWh || !strings.EqualFold(items[0].text, "what") || items[1].kind != itemAux ||
		!slices.Contains([]string{"did", "does", "do"}, strings.ToLower(items[1].text)) || items[2].kind != itemEntity {
		return nil, false
	}
	k := 3
	var skipped []string
	for k < len(items) && items[k].kind == itemIgnore && items[k].order == 0 && !items[k].besides && !items[k].light {
		skipped = append(skipped, items[k].text)
		k++
	}
	if k >= len(items) || items[k].kind != itemAux || !strings.EqualFold(items[k].text, "do") {
		return nil, false
	}
	var dates []DateFilter
	var settings []Setting
	var understood []string
	for j := k + 1; j < len(items); j++ {
		switch it := items[j]; it.kind {
		case itemDate:
			dates = append(dates, it.date)
			understood = append(understood, fmt.Sprintf("%q = the relation's time", it.text)+noted(it.note))
		case itemPrep:
			// "at the National Assembly", "in Seoul": where it happened.
			j++
			if j < len(items) && items[j].kind == itemArticle {
				j++
			}
			place := at(items, j)
			if place.kind != itemEntity {
				return nil, false
			}
			// "What does Elena Voss do at SouthTech?" asks for her role
			// there (see personRoles).
			if !strings.EqualFold(items[1].text, "did") && ix.EntityType(items[2].node) == "person" && ix.EntityType(place.node) == "organization" {
				return nil, false
			}
			if field, ok := settingField(strings.ToLower(it.text), ix.EntityType(place.node)); !ok || field != pb.QualifierField_QUALIFIER_FIELD_PLACE {
				return nil, false
			}
			field := pb.QualifierField_QUALIFIER_FIELD_PLACE
			settings = append(settings, Setting{Field: field, Node: place.node})
			understood = append(understood, fmt.Sprintf("%q = the relation's place: %s", place.text, ix.NodeName(place.node)))
		default:
			return nil, false
		}
	}
	if len(dates)+len(settings) == 0 {
		return nil, false
	}
	name := items[2]
	understood = append([]string{fmt.Sprintf("%q = the answer: a relation %s is the subject of", joinItems([]item{items[0], items[1], items[k]}), ix.Label(name.node)),
		fmt.Sprintf("%q = %s", name.text, ix.NodeName(name.node))}, understood...)
	p := &pb.Pattern{Triples: []*pb.Triple{{Subject: fixed(ix, name.node), Object: variable("what"), RelationVariable: "fact"}}}
	return &Question{Pattern: p, AnswerVars: []string{"fact"}, Dates: dates, Settings: settings, Mains: 1, Mentions: mentions, Understood: understood, Skipped: skipped}, true
}

// maxAmountScan bounds the relations of a name amountCopula reads for
// the one that gives an amount: a name with more is no such question.
const maxAmountScan = 10_000

// amountCopula reads "Is NAME a AMOUNT [NOUN]?" ("Is Gannet Bank a
// 2.1-gigawatt project?"): it asks whether the one relation of NAME that
// gives a quantity in the amount's unit gives that amount, by that
// relation's predicate and on NAME's side of it; the yes/no reading of
// amounts then decides (another amount in the unit is No). The noun must
// fit NAME. It returns the question, or false for another form, or when
// NAME's relations give the unit by other than one predicate on one side.
func amountCopula(ix *index.Index, items []item, mentions []Mention, opts pattern.Options) (*Question, bool) {
	c := &itemCursor{items: items}
	aux, name, ok := c.copulaName()
	if !ok {
		return nil, false
	}
	c.next(itemArticle)
	noun, byNoun := c.next(itemType)
	amount, ok := c.next(itemQuantity)
	if !ok || !c.done() || byNoun && !pattern.Holds(ix, noun.con, name.node) {
		return nil, false
	}
	type side struct {
		pred    vocab.ID
		subject bool
	}
	var found []side
	add := func(r index.Rel, subject bool) {
		if !slices.ContainsFunc(ix.Qualifiers(r).GetQuantities(), func(q *pb.Quantity) bool { return q.GetUnit() == amount.amount.Unit }) {
			return
		}
		s := side{ix.Predicate(r), subject}
		if !slices.Contains(found, s) {
			found = append(found, s)
		}
	}
	out, in := ix.Out(name.node), ix.In(name.node)
	if len(out)+len(in) > maxAmountScan {
		return nil, false
	}
	for _, r := range out {
		add(r, true)
	}
	for _, r := range in {
		add(r, false)
	}
	if len(found) != 1 {
		return nil, false
	}
	p := ix.Vocabulary().Predicate(found[0].pred)
	t := &pb.Triple{Subject: fixed(ix, name.node), Predicates: []string{p.Name}, Object: variable("other"), RelationVariable: "fact"}
	if !found[0].subject {
		t.Subject, t.Object = t.Object, t.Subject
	}
	q := &Question{Pattern: &pb.Pattern{Triples: []*pb.Triple{t}}, AnswerVars: []string{"fact"}, YesNo: true, Mains: 1, Amounts: []quantity.Value{amount.amount},
		Mentions: mentions, Present: presentWords[strings.ToLower(aux.text)],
		Understood: []string{fmt.Sprintf("%q = %s", name.text, ix.NodeName(name.node)), fmt.Sprintf("%q = the relation's quantity: %s", amount.text, amount.amount),
			fmt.Sprintf("%q of a name and an amount = the one relation of %s that gives an amount in %s: %s", aux.text, ix.Label(name.node), amount.amount.Unit, p.Key)}}
	var err error
	if q.Query, err = pattern.Compile(ix, q.Pattern, opts); err != nil {
		return nil, false
	}
	return q, true
}

// itemCursor reads a question's items in order, for the forms read whole
// (kindQuestion, amountCopula, absentCountryQuestion).
type itemCursor struct {
	items []item
	k     int
}

// next returns the next item and moves past it when it is of kind.
func (c *itemCursor) next(kind itemKind) (item, bool) {
	if c.k < len(c.items) && c.items[c.k].kind == kind {
		c.k++
		return c.items[c.k-1], true
	}
	return item{}, false
}

// done reports whether every item was read.
func (c *itemCursor) done() bool { return c.k >= len(c.items) }

// copulaName reads the opening of "Is NAME ...?": a copula and a name.
func (c *itemCursor) copulaName() (aux, name item, ok bool) {
	aux, ok = c.next(itemAux)
	if !ok || !beWords[strings.ToLower(aux.text)] {
		return item{}, item{}, false
	}
	name, ok = c.next(itemEntity)
	return aux, name, ok
}
