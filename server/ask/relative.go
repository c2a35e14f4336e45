package ask

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/server/english"
	"github.com/entitygraph/entitygraph/server/index"
	"github.com/entitygraph/entitygraph/server/vocab"
)

// relativePronouns open a relative clause after a noun: "the company that
// sued Halcyon", "the executive who chairs SK Group".
var relativePronouns = map[string]bool{"that": true, "who": true, "whom": true, "which": true}

// maxRelatives bounds how many relative clauses one question may have.
const maxRelatives = 3

// relatives reads the relative clauses of a question, each a noun and the
// clause that narrows it: "the company that sued Halcyon" (a subject
// clause: the noun is the clause's subject), "the company that Western
// Digital sought to acquire" (an object clause), "the firm leading Gannet
// Bank's financing" and "the research funded by Halcyon" (participles,
// without a pronoun, read so only when the question has another relation
// word). Each clause becomes a triple about the noun's variable, and the
// noun and its clause one bound item, so that the rest reads as a question
// with one relation word. It returns the items left and the clauses'
// triples, in order.
func (b *questionBuilder) relatives(items []item) ([]item, []*pb.Triple, error) {
	var clauses []*pb.Triple
	for range maxRelatives {
		start, head, end, ok := b.findRelative(items)
		if !ok {
			break
		}
		nps, err := b.nounPhrases(items[start : head+1])
		if err != nil {
			return nil, nil, err
		}
		if len(nps) != 1 || nps[0].term.GetVariable() == "" {
			return nil, nil, fmt.Errorf("cannot tell what the clause after %q is about", items[head].text)
		}
		v := nps[0].term.GetVariable()
		body := items[head+1 : end]
		if len(body) > 0 && relativePronouns[strings.ToLower(body[0].text)] && (body[0].kind == itemWh || body[0].kind == itemRel) {
			body = body[1:]
		}
		// "who chairs SK Group and heads the Korea Chamber": each verb
		// after "and" is another clause about the same noun.
		for len(body) > 0 {
			next := len(body)
			for k := 1; k+1 < len(body); k++ {
				if body[k].kind == itemAnd && body[k+1].kind == itemVerb {
					next = k
					break
				}
			}
			t, err := b.clauseTriple(body[:next], v)
			if err != nil {
				return nil, nil, err
			}
			clauses = append(clauses, t)
			b.pattern.Triples = append(b.pattern.Triples, t)
			if next == len(body) {
				break
			}
			body = body[next+1:]
		}
		bound := item{kind: itemBound, text: joinItems(items[start:end]), noun: v, whBound: nps[0].wh}
		items = append(append(append([]item{}, items[:start]...), bound), items[end:]...)
	}
	for _, it := range items {
		if it.kind == itemRel {
			return nil, nil, fmt.Errorf("cannot read the clause after %q", it.text)
		}
	}
	return items, clauses, nil
}

// findRelative finds the first relative clause: the noun phrase it
// narrows, from start (a modifier or wh-word before the noun) to the noun
// at head, and the clause up to end. The clause holds one relation word
// (with its object, and more after "and"), and ends before the next
// relation word, auxiliary or wh-word.
func (b *questionBuilder) findRelative(items []item) (start, head, end int, ok bool) {
	verbs := 0
	for _, it := range items {
		if it.kind == itemVerb {
			verbs++
		}
	}
	for h := 0; h+1 < len(items); h++ {
		// The noun may be a relational noun read already: "the blade
		// maker that is supplying turbines".
		if k := items[h].kind; k != itemType && k != itemEvent && !(k == itemBound && !items[h].whBound) {
			continue
		}
		c := h + 1
		marked := relativePronouns[strings.ToLower(items[c].text)] && (items[c].kind == itemWh || items[c].kind == itemRel)
		if marked {
			c++
		}
		// After a pronoun, auxiliaries and modals may come first ("that
		// will license", "who is leading"); a participle follows its noun.
		for marked && c < len(items) && (items[c].kind == itemIgnore || items[c].kind == itemAux) {
			c++
		}
		if c >= len(items) {
			continue
		}
		// A participle after a relation noun may be the only relation word
		// when the question asks for a qualifier of the noun's relation:
		// "On what topic will the research partnership funded by Halcyon
		// work?".
		// Only with its doer after "by", and of another predicate than the
		// noun's: "When was the permit approved (by NMEC)?" asks of the
		// verb's own relation.
		asksOfNoun := verbs == 1 && items[h].kind == itemEvent && slices.ContainsFunc(items, func(it item) bool { return it.kind == itemQualifier }) &&
			items[c].kind == itemVerb && !slices.Contains(items[h].preds, items[c].phrase.Predicate) &&
			(strings.HasSuffix(strings.ToLower(items[c].text), " by") || c+1 < len(items) && items[c+1].kind == itemPrep && strings.EqualFold(items[c+1].text, "by"))
		verb := -1
		switch {
		case items[c].kind == itemVerb && (marked || (verbs >= 2 || asksOfNoun) && isParticiple(items[c])):
			// A subject clause: the verb, then its object.
			verb = c
		case marked && (items[c].kind == itemEntity || items[c].kind == itemType):
			// An object clause: a name, then the verb.
			for j := c + 1; j < len(items) && items[j].kind != itemWh; j++ {
				if items[j].kind == itemVerb {
					verb = j
					break
				}
			}
		}
		if verb < 0 {
			continue
		}
		end = verb + 1
		for end < len(items) {
			k := items[end].kind
			if k == itemVerb || k == itemAux || k == itemWh || k == itemRel || k == itemAnd && (end+1 >= len(items) || items[end+1].kind != itemVerb) {
				break
			}
			if k == itemAnd {
				end += 2 // "and" + the next clause's verb
				continue
			}
			end++
		}
		start = h
		for start > 0 && (items[start-1].kind == itemEntity && items[h].kind == itemType || items[start-1].kind == itemWh) {
			start--
		}
		return start, h, end, true
	}
	return 0, 0, 0, false
}

// isParticiple reports whether a relation word is a participle, which
// may follow its noun without a pronoun: "leading", "funded by".
func isParticiple(it item) bool {
	head := strings.ToLower(strings.Fields(it.text)[0])
	return strings.HasSuffix(head, "ing") || english.IsPastParticiple(head)
}

// clauseTriple reads one clause about variable v: a subject clause
// ("sued Halcyon", "funded by Halcyon") or an object clause ("Western
// Digital sought to acquire").
func (b *questionBuilder) clauseTriple(body []item, v string) (*pb.Triple, error) {
	verb := -1
	for k, it := range body {
		if it.kind == itemVerb {
			if verb >= 0 {
				return nil, fmt.Errorf("the clause %q has two relation words", joinItems(body))
			}
			verb = k
		}
	}
	if verb < 0 {
		return nil, errors.New("a relative clause needs a relation word")
	}
	ph := body[verb].phrase
	passive := ph.Passive
	if !passive && verb > 0 && body[verb-1].kind == itemAux && beWords[strings.ToLower(body[verb-1].text)] && !ph.Noun {
		passive = english.IsPastParticiple(strings.ToLower(strings.Fields(body[verb].text)[0])) && !b.vocab.IsFixedHead(strings.ToLower(strings.Fields(body[verb].text)[0]))
	}
	before, err := b.nounPhrases(body[:verb])
	if err != nil {
		return nil, err
	}
	after, err := b.nounPhrases(body[verb+1:])
	if err != nil {
		return nil, err
	}
	// "the developer that awarded Corvid the export cable contract": a
	// place or topic after the clause's parties is its own relation's, a
	// qualifier clause on it.
	var settings []*pb.QualifierClause
	for len(after) > 0 && len(before)+len(after) > 1 {
		np := after[len(after)-1]
		field, ok := settingField(np.prep, b.ix.EntityType(np.node))
		if !ok || np.term.GetName() == "" || len(np.also) > 0 {
			break
		}
		settings = append(settings, &pb.QualifierClause{Field: field,
			Test: &pb.QualifierClause_Comparison{Comparison: &pb.Comparison{Operator: pb.ComparisonOperator_COMPARISON_OPERATOR_EQUAL, Value: np.term.GetName()}}})
		after = after[:len(after)-1]
	}
	gap := variable(v)
	var subject, object *pb.Term
	switch {
	case len(before) == 0 && len(after) == 1:
		subject, object = gap, after[0].term
	case len(before) == 0 && len(after) == 0:
		subject, object = gap, variable(b.fresh("other"))
	case len(before) == 1 && len(after) == 0:
		subject, object = before[0].term, gap
	default:
		return nil, fmt.Errorf("cannot tell who does %q to whom in the clause %q", body[verb].text, joinItems(body))
	}
	if passive {
		subject, object = object, subject
	}
	t := &pb.Triple{Subject: subject, Predicates: b.predicateNames(ph.Predicates()), Object: object}
	if len(settings) > 0 {
		t.RelationVariable = b.fresh("clause")
		for _, c := range settings {
			c.Relation = variable(t.RelationVariable)
			b.pattern.Qualifiers = append(b.pattern.Qualifiers, c)
		}
	}
	return t, nil
}

// joinItems joins items as written.
func joinItems(items []item) string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = it.text
	}
	return strings.Join(out, " ")
}

// relationalNouns reads, in a question with a relation word besides, each
// relational noun of the lexicon with its object as the entity it
// describes: "the world's No. 2 NAND flash producer" is ?producer, where
// ?producer produces NAND flash ranked No. 2; "the chairman of SK Group"
// is ?chairman, where ?chairman leads SK Group in a role that holds
// "chairman". The object is a name the noun's predicate takes just before
// it ("NAND flash producer", "SK Group's chairman") or after "of";
// without one it is any. Each becomes a triple about the noun's variable
// and one bound item, so that the rest reads as a question with one
// relation word. A noun after a copula is what the question asks about:
// it is left for the noun's own question ("Who is the chairman of SK
// Group?"), and read so, as the answer, when a clause about it follows
// ("Who is the founder who chairs Kittiwake?"). A noun whose titles no one
// clause can test is left (see oneTitle).
func (b *questionBuilder) relationalNouns(items []item) []item {
	verbs, nouns := 0, 0
	for _, it := range items {
		if it.kind == itemVerb {
			verbs++
			if it.phrase.Noun {
				nouns++
			}
		}
	}
	if nouns == 0 {
		return items
	}
	// With nouns alone, one must open a clause about it: "Who is the
	// founder who is chairman?".
	if nouns == verbs {
		opens := false
		for k := 0; k+1 < len(items); k++ {
			if items[k].kind == itemVerb && items[k].phrase.Noun && (items[k+1].kind == itemRel || items[k+1].kind == itemWh && relativePronouns[strings.ToLower(items[k+1].text)]) {
				opens = true
			}
		}
		if !opens {
			return items
		}
	}
	for k := 0; k < len(items); k++ {
		it := items[k]
		if it.kind != itemVerb || !it.phrase.Noun || it.phrase.Passive {
			continue
		}
		preds := it.phrase.Predicates()
		start, end := k, k+1
		var object *pb.Term
		if j := start - 1; j >= 0 && items[j].kind == itemPoss {
			j--
			if j >= 0 && items[j].kind == itemEntity && b.takesObject(preds, items[j].node) {
				object, start = fixed(b.ix, items[j].node), j
			}
		} else if j >= 0 && items[j].kind == itemEntity && b.takesObject(preds, items[j].node) {
			object, start = fixed(b.ix, items[j].node), j
		}
		// "the Japanese NAND flash producer": a demonym the noun's
		// predicate takes no object of says where the noun's subject is
		// from.
		var from *vocab.Predicate
		var country index.Node
		if j := start - 1; j >= 0 && items[j].kind == itemEntity && b.demonym(items[j]) && !b.takesObject(preds, items[j].node) {
			if p := b.modifierOf(items[j].node); p != nil {
				from, country, start = p, items[j].node, j
			}
		}
		var rank int32
		for start > 0 && (items[start-1].kind == itemRank || items[start-1].kind == itemScope || items[start-1].kind == itemArticle) {
			if items[start-1].kind == itemRank {
				rank = items[start-1].rank
			}
			start--
		}
		// After a copula, or a copular verb ("will stay on as chairman"),
		// the noun may be what is asked for; after "where" or "when" and a
		// copula it is the subject ("Where is the blade maker that Norvane
		// sued based?").
		afterCopula := start > 0 && items[start-1].kind == itemAux && copulaText(items[start-1].text) &&
			!(start == 2 && items[0].kind == itemWh && (strings.EqualFold(items[0].text, "where") || strings.EqualFold(items[0].text, "when")))
		words := it.phrase.Words
		if object == nil && end < len(items) && items[end].kind == itemEntity && prepWords[words[len(words)-1]] && b.takesObject(preds, items[end].node) {
			object, end = fixed(b.ix, items[end].node), end+1
		} else if object == nil && end+1 < len(items) && items[end].kind == itemPrep && strings.EqualFold(items[end].text, "of") &&
			items[end+1].kind == itemEntity && b.takesObject(preds, items[end+1].node) {
			object, end = fixed(b.ix, items[end+1].node), end+2
		}
		if tw := strings.Fields(strings.ToLower(it.text)); object == nil && prepWords[tw[len(tw)-1]] {
			// "chief executive of the developer that ...": the noun's
			// object is a phrase this reading does not bind.
			continue
		}
		if afterCopula {
			// "Who is the materials scientist leading the partnership?":
			// after a copula the noun is what is asked for, read so only
			// when a clause about it follows; "Who is the chairman of SK
			// Group?" is the noun's own question.
			if start != 2 || items[0].kind != itemWh || end >= len(items) ||
				!(items[end].kind == itemVerb && isParticiple(items[end]) || items[end].kind == itemRel || items[end].kind == itemWh && relativePronouns[strings.ToLower(items[end].text)]) {
				continue
			}
			start = 0
		}
		// The clause's pronoun goes with the noun: "the founder who ...".
		clause := afterCopula && end < len(items) && (items[end].kind == itemRel || items[end].kind == itemWh)
		wh := start > 0 && items[start-1].kind == itemWh && (strings.EqualFold(items[start-1].text, "which") || strings.EqualFold(items[start-1].text, "what"))
		if wh {
			start--
		}
		wh = wh || afterCopula
		// The variable is named by the noun's head: "scientist" of
		// "materials scientist", "chairman" of "chairman of".
		nw := strings.Fields(it.text)
		noun := nw[len(nw)-1]
		if len(nw) > 1 && prepWords[strings.ToLower(noun)] {
			noun = nw[len(nw)-2]
		}
		v := b.fresh(strings.ToLower(noun))
		if object == nil {
			object = variable(b.fresh("other"))
		}
		t := &pb.Triple{Subject: variable(v), Predicates: b.predicateNames(preds), Object: object}
		// A role holding any of the noun's titles contains title when they
		// share one ("chair"); else ("chief executive", "ceo") only each
		// answer's role is read (Question.NounTitles).
		title, _ := oneTitle(it.phrase.Titles)
		if rank > 0 || len(it.phrase.Titles) > 0 {
			t.RelationVariable = b.fresh("fact")
		}
		if rank > 0 {
			b.nounRank = true
			b.pattern.Qualifiers = append(b.pattern.Qualifiers, &pb.QualifierClause{Relation: variable(t.RelationVariable), Field: pb.QualifierField_QUALIFIER_FIELD_RANK,
				Test: &pb.QualifierClause_Comparison{Comparison: &pb.Comparison{Operator: pb.ComparisonOperator_COMPARISON_OPERATOR_EQUAL, Value: fmt.Sprint(rank)}}})
		}
		if title != "" {
			// The clause narrows the match; each answer's role is then
			// read as the question's own title is (no vice-chairman).
			b.pattern.Qualifiers = append(b.pattern.Qualifiers, &pb.QualifierClause{Relation: variable(t.RelationVariable), Field: pb.QualifierField_QUALIFIER_FIELD_ROLE,
				Test: &pb.QualifierClause_Comparison{Comparison: &pb.Comparison{Operator: pb.ComparisonOperator_COMPARISON_OPERATOR_CONTAINS, Value: title}}})
		}
		if len(it.phrase.Titles) > 0 {
			if b.nounTitles == nil {
				b.nounTitles = map[string][]string{}
			}
			b.nounTitles[t.RelationVariable] = it.phrase.Titles
		}
		b.pattern.Triples = append(b.pattern.Triples, t)
		if from != nil {
			b.pattern.Triples = append(b.pattern.Triples, &pb.Triple{Subject: variable(v), Predicates: []string{from.Name}, Object: fixed(b.ix, country)})
		}
		if wh {
			b.whVars = append(b.whVars, v)
		}
		bound := item{kind: itemBound, text: joinItems(items[start:end]), noun: v, whBound: wh}
		rest := items[end:]
		if clause {
			rest = rest[1:]
		}
		items = append(append(append([]item{}, items[:start]...), bound), rest...)
		k = start
	}
	return items
}

// copulaText reports whether an auxiliary's text is a copula ("is") or
// begins with a copular verb ("stay on as").
func copulaText(text string) bool {
	f := strings.Fields(strings.ToLower(text))
	return len(f) > 0 && (beWords[f[0]] && len(f) == 1 || copularVerbs[f[0]])
}

// oneTitle returns the one text that a role holding any of titles
// contains: "chair" of chairman, chairwoman and chair. It is "" for no
// titles, and false when no title is in all of them.
func oneTitle(titles []string) (string, bool) {
	for _, t := range titles {
		if !slices.ContainsFunc(titles, func(o string) bool { return !strings.Contains(o, t) }) {
			return t, true
		}
	}
	return "", len(titles) == 0
}
