package ask

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/server/english"
	"github.com/entitygraph/entitygraph/server/index"
	"github.com/entitygraph/entitygraph/server/pattern"
	"github.com/entitygraph/entitygraph/server/vocab"
	"google.golang.org/protobuf/proto"
)

// questionBuilder turns classified items into a pattern.
type questionBuilder struct {
	ix    *index.Index
	vocab *vocab.Vocabulary
	// verbal are the triples whose clause says which name is the subject
	// (see placedBy): orient leaves them as they are.
	verbal  map[*pb.Triple]bool
	names   map[string]int // variable base name → times used
	pattern pb.Pattern
	whVars  []string
	whenVar string
	// quals are the qualifiers the question asks for: "before whom",
	// "in what role", or "where" when the relation has both its parties.
	quals []qualifierAsked
	// count is set by "how many"; times by "how many times", which counts
	// the question's relations.
	count, times bool
	// loose are event-noun variables with no party named: a constraint
	// suffices when a triple binds them, else finish adds one.
	loose map[string][]vocab.ID
	// lastEvent is the variable of the relation most recently named by an
	// event noun, which a status word ("failed") qualifies.
	lastEvent string
	// settingsOf are the places and topics the question's relation must
	// have (see settings).
	settingsOf []Setting
	// mainStatuses are the status words with no relation noun to qualify,
	// which the question's relation must have.
	mainStatuses []*pb.Constraint
	// ranked is set by a rank or a rank word ("No. 2", "ranks"): the
	// question's relation is one with a rank.
	ranked bool
	// nounRank is set when the question's rank is a relational noun's
	// ("the No. 2 NAND flash producer", see relationalNouns), not its own
	// relation's.
	nounRank bool
	// nounTitles are the titles of the relational nouns read inside the
	// question, by their relation variables (Question.NounTitles).
	nounTitles map[string][]string
	// eventDates are the dates written before a relation noun ("the May 8
	// proposal", "Chey's April 22 proposal"), by the date item's position,
	// with the noun's relation variable: its time, not necessarily the
	// question's own relation's (see Question.NounDates).
	eventDates map[int]string
}

// dateEvent records that the date item d is written before the relation
// noun whose relation variable is v. A date after a preposition ("on May
// 8") is the question's own.
func (b *questionBuilder) dateEvent(d item, v string) {
	if d.kind != itemDate || d.date.Bound != "" || datePrepositions[strings.ToLower(strings.Fields(d.text)[0])] {
		return
	}
	if b.eventDates == nil {
		b.eventDates = map[int]string{}
	}
	b.eventDates[d.at] = v
}

// dateAfterEvent records, for the relation noun at items[k] whose
// relation variable is v, a date after it that "of" or "from" joins to it
// ("the proposal of May 8", "Chey's proposal from May 8"): its time.
func (b *questionBuilder) dateAfterEvent(items []item, k int, v string) {
	if p, d := at(items, k+1), at(items, k+2); p.kind == itemPrep && (strings.EqualFold(p.text, "of") || strings.EqualFold(p.text, "from")) && d.kind == itemDate {
		b.dateEvent(d, v)
	}
}

// datePrepositions open a date that is an adverbial of its own: "on May
// 8", "in 2021".
var datePrepositions = map[string]bool{"on": true, "in": true, "at": true, "during": true, "of": true}

// qualifierAsked is a qualifier a question asks for, and its variable.
type qualifierAsked struct {
	field pb.QualifierField
	v     string
	unit  string // for a quantity: the unit or unit class asked for
}

// fresh returns an unused variable name made from base.
func (b *questionBuilder) fresh(base string) string {
	base = strings.ReplaceAll(base, " ", "_")
	b.names[base]++
	if n := b.names[base]; n > 1 {
		return base + strconv.Itoa(n)
	}
	return base
}

func variable(name string) *pb.Term { return &pb.Term{Term: &pb.Term_Variable{Variable: name}} }

func fixed(ix *index.Index, n index.Node) *pb.Term {
	return &pb.Term{Term: &pb.Term_Name{Name: ix.NodeName(n)}}
}

func (b *questionBuilder) constrain(v string, con *pb.Constraint) {
	c := &pb.Constraint{Variable: v, Test: con.GetTest()}
	b.pattern.Constraints = append(b.pattern.Constraints, c)
}

// eventTriple adds "?s P ?o AS ?v" for an event noun such as "acquisition",
// with subject and object fixed where the question names them.
func (b *questionBuilder) eventTriple(v string, preds []vocab.ID, subject, object *pb.Term) {
	b.lastEvent = v
	if subject == nil && object == nil {
		b.constrain(v, &pb.Constraint{Test: &pb.Constraint_RelationPredicates{RelationPredicates: &pb.PredicateSet{Predicates: b.predicateNames(preds)}}})
		if b.loose == nil {
			b.loose = map[string][]vocab.ID{}
		}
		b.loose[v] = preds
		return
	}
	if subject == nil {
		subject = variable(b.fresh("party"))
	}
	if object == nil {
		object = variable(b.fresh("target"))
	}
	t := &pb.Triple{Subject: subject, Predicates: b.predicateNames(preds), Object: object, RelationVariable: v}
	b.pattern.Triples = append(b.pattern.Triples, t)
	// "Gannet Bank's stake in Aldermoor": a relation noun's parties are
	// where its phrase puts them.
	if b.verbal == nil {
		b.verbal = map[*pb.Triple]bool{}
	}
	b.verbal[t] = true
}

// partyOfObject reports whether n, named before a relation noun of
// preds, is neither party of their relations in the graph, fits none of
// their subject types, and each takes a relation as object: "the Gannet
// Bank construction permit" is a permit for a relation of Gannet Bank.
func (b *questionBuilder) partyOfObject(n index.Node, preds []vocab.ID) bool {
	if len(preds) == 0 || b.isSubjectOf(n, preds) || b.isObjectOf(n, preds) {
		return false
	}
	for _, id := range preds {
		p := b.vocab.Predicate(id)
		if b.vocab.Fits(b.ix.EntityType(n), b.ix.Kinds(n), p.SubjectTypes) || !slices.Contains(p.ObjectTypes, "relation") {
			return false
		}
	}
	return true
}

// predicateNames returns the resource names of predicates.
func (b *questionBuilder) predicateNames(preds []vocab.ID) []string {
	out := make([]string, len(preds))
	for i, p := range preds {
		out[i] = b.vocab.Predicate(p).Name
	}
	return out
}

// nounPhrase is one argument of the question's relation.
type nounPhrase struct {
	term *pb.Term
	also []*pb.Term // more names joined by "and", each of which must fit too
	wh   bool
	// prep is the preposition before a name ("in" of "in Seoul"), and
	// node the name's entity.
	prep string
	node index.Node
	// modifier is, for a noun after a name that modifies it ("a Japanese
	// company"), the triple the name says, and typed the constraint the
	// noun puts on the variable (see modified).
	modifier *pb.Triple
	typed    *pb.Constraint
	// place is set for a wh-phrase whose noun is a place's ("which
	// city").
	place bool
	// event is set for a relation noun's relation, and eventPrep is the
	// preposition before it ("in" of "in the Samsung-Sony partnership").
	event     bool
	eventPrep string
}

var errAnd = errors.New(`"and" joins only names, as in "Samsung and SK"`)

// nounPhrases parses one side of the relation word into arguments.
func (b *questionBuilder) nounPhrases(items []item) ([]nounPhrase, error) {
	// Articles only told nouns from verbs (see matchPhrase): without them,
	// "the trade deal with the United Kingdom" reads as EVENT PREP ENT.
	// Skipped words join nothing: "a Maine-based company" is NAME NOUN.
	items = slices.DeleteFunc(slices.Clone(items), func(it item) bool { return it.kind == itemArticle || it.kind == itemIgnore })
	var out []nounPhrase
	var statuses []*pb.Constraint
	prep := "" // the preposition just before, articles aside
	for k := 0; k < len(items); k++ {
		it := items[k]
		before := prep
		prep = ""
		if it.kind == itemPrep {
			prep = strings.ToLower(it.text)
		}
		peek := func(d int) item {
			if k+d < len(items) {
				return items[k+d]
			}
			return item{}
		}
		switch it.kind {
		case itemDate, itemScope, itemManner:
			continue
		case itemRank, itemRankVerb:
			b.ranked = true
			continue
		case itemBound:
			if field, ok := settingField(before, "person"); ok && field == pb.QualifierField_QUALIFIER_FIELD_AUDIENCE && it.whBound {
				// "Before which candidate did Chey propose it?": the
				// noun's entity is the relation's audience.
				b.quals = append(b.quals, qualifierAsked{field: field, v: it.noun})
				continue
			}
			out = append(out, nounPhrase{term: variable(it.noun), wh: it.whBound})
			continue
		case itemQualifier:
			q := qualifierAsked{field: it.field, v: b.fresh(it.noun), unit: it.unit}
			if it.con != nil {
				// "In which market", "before which party": the value is
				// such a noun.
				b.constrain(q.v, it.con)
			}
			b.quals = append(b.quals, q)
			continue
		case itemQuantity:
			continue
		case itemWh:
			w := strings.ToLower(it.text)
			if w == "when" {
				b.whenVar = b.fresh("when")
				continue
			}
			switch w {
			case "how many times":
				b.count, b.times = true, true
				continue
			case "how many":
				b.count = true
				w = "what"
			case "whom", "anyone", "anybody", "someone", "somebody":
				w = "who"
			case "anything", "something":
				w = "what"
			}
			next := peek(1)
			// "Whose bid for Kioxia": the wh-word is the subject of the
			// relation the noun names.
			if w == "whose" && next.kind == itemEvent {
				who := b.fresh("who")
				b.whVars = append(b.whVars, who)
				var object *pb.Term
				if p := peek(2); p.kind == itemPrep && peek(3).kind == itemEntity && strings.ToLower(p.text) != "by" && !b.isSetting(p, peek(3), next.preds) {
					object = fixed(b.ix, peek(3).node)
					k += 2
				}
				v := b.fresh(next.noun)
				b.eventTriple(v, next.preds, variable(who), object)
				out = append(out, nounPhrase{term: variable(v), wh: true})
				k++
				continue
			}
			if next.kind == itemEntity && peek(2).kind == itemType {
				np, ok, err := b.modified(next, peek(2))
				if err != nil {
					return nil, err
				}
				if ok {
					np.wh = true
					b.whVars = append(b.whVars, np.term.GetVariable())
					out = append(out, np)
					k += 2
					continue
				}
			}
			switch next.kind {
			case itemType:
				v := b.fresh(next.noun)
				b.constrain(v, next.con)
				b.whVars = append(b.whVars, v)
				out = append(out, nounPhrase{term: variable(v), wh: true, prep: before, place: b.placeConstraint(next.con)})
				k++
			case itemEvent:
				v := b.fresh(next.noun)
				b.eventTriple(v, next.preds, nil, nil)
				b.whVars = append(b.whVars, v)
				out = append(out, nounPhrase{term: variable(v), wh: true})
				k++
			default:
				v := b.fresh(w)
				b.whVars = append(b.whVars, v)
				out = append(out, nounPhrase{term: variable(v), wh: true})
			}
		case itemEntity:
			// ENT ['s] [ENT] EVENT [PREP ENT]: a relation named by its parties,
			// as in "Western Digital's bid for Kioxia" or "the Korea Japan
			// alliance"; otherwise the entity itself.
			j := k + 1
			second := (*pb.Term)(nil)
			var dated []item
			if peek(1).kind == itemPoss {
				j++
				// "Chey's April 22 proposal": the date between the
				// possessive and the noun is the relation's time, read
				// with the question's other dates.
				for at(items, j).kind == itemDate && at(items, j+1).kind == itemEvent {
					dated = append(dated, at(items, j))
					j++
				}
			}
			// "the Samsung-Sony LCD partnership": a topic between the
			// parties and the noun, which the noun's predicates take no
			// object of, is what the relation is about.
			aboutTopic := index.Node(0)
			if items2, t := at(items, j), at(items, j+1); items2.kind == itemEntity && t.kind == itemEntity && at(items, j+2).kind == itemEvent &&
				b.ix.EntityType(t.node) == "topic" && !b.takesObject(at(items, j+2).preds, t.node) {
				second, aboutTopic = fixed(b.ix, items2.node), t.node
				j += 2
			} else if items2.kind == itemEntity && t.kind == itemEvent {
				second = fixed(b.ix, items2.node)
				j++
			}
			// "Chey's National Assembly proposal": a second name that is no
			// topic and that the noun's predicates take no object of is
			// where the relation happened.
			place := index.Node(-1)
			if second != nil && aboutTopic == 0 && b.ix.EntityType(items[j-1].node) != "topic" && !b.takesObject(at(items, j).preds, items[j-1].node) {
				second, place = nil, items[j-1].node
			}
			topic := aboutTopic
			if second != nil && aboutTopic == 0 && !b.takesObject(at(items, j).preds, items[j-1].node) && b.ix.EntityType(items[j-1].node) == "topic" {
				// "Halcyon's blade plant": a topic the noun's predicates do
				// not take as object is what the relation is about.
				second, topic = nil, items[j-1].node
			}
			if ev := at(items, j); ev.kind == itemEvent {
				subject, object := fixed(b.ix, it.node), second
				if second == nil && topic == 0 && b.ix.EntityType(it.node) == "topic" && !b.isSubjectOf(it.node, ev.preds) && !b.isObjectOf(it.node, ev.preds) {
					// "the recycling research at SouthTech": a topic that is
					// neither party of the noun's relations in the graph is
					// what the relation is about.
					subject, topic = nil, it.node
				}
				// "Chey's proposal before Lee Jae-myung": an audience, a
				// venue or a time is the relation's setting, read later.
				setting := false
				if p, e := at(items, j+1), at(items, j+2); p.kind == itemPrep && e.kind == itemEntity && !strings.EqualFold(p.text, "by") && b.isSetting(p, e, ev.preds) {
					field, _ := settingField(strings.ToLower(p.text), b.ix.EntityType(e.node))
					setting = field != pb.QualifierField_QUALIFIER_FIELD_TOPIC && !b.takesObject(ev.preds, e.node)
				}
				if object == nil && !setting && at(items, j+1).kind == itemPrep && at(items, j+2).kind == itemEntity {
					after := at(items, j+2).node
					if subject == nil && strings.EqualFold(at(items, j+1).text, "by") {
						// "the blade patent lawsuit by Norvane".
						subject = fixed(b.ix, after)
					} else if field, ok := settingField(strings.ToLower(at(items, j+1).text), b.ix.EntityType(after)); ok && topic == 0 &&
						field == pb.QualifierField_QUALIFIER_FIELD_TOPIC && !b.takesObject(ev.preds, after) {
						// "Halcyon's research partnership on blade
						// recycling": a topic the noun's predicates take
						// no object of is what the relation is about.
						topic = after
					} else {
						object = fixed(b.ix, at(items, j+2).node)
					}
					j += 2
				}
				if object == nil && subject != nil && !b.isSubjectOf(it.node, ev.preds) && b.isObjectOf(it.node, ev.preds) {
					// "the Kioxia takeover": the one name is the object when
					// the graph has it only on that side.
					subject, object = nil, subject
				}
				if object == nil && subject != nil && second == nil && topic == 0 && place < 0 && b.partyOfObject(it.node, ev.preds) {
					// "the Gannet Bank construction permit": a name that
					// cannot be the subject of the noun's relations, whose
					// objects are relations, is a party of the relation
					// the noun's is about.
					inner := variable(b.fresh("target"))
					b.pattern.Participations = append(b.pattern.Participations, &pb.Participation{Relation: inner, Participant: subject})
					subject, object = nil, inner
				}
				if subject != nil && subject.GetName() == b.ix.NodeName(it.node) && second == nil && b.demonym(it) && !b.isSubjectOf(it.node, ev.preds) {
					// "the American bid for Kioxia": a party from the
					// country a demonym names, when the graph does not
					// have the country itself on that side.
					if party, ok := b.fromCountry(it.node); ok {
						subject = party
					}
				}
				v := b.fresh(ev.noun)
				b.eventTriple(v, ev.preds, subject, object)
				for _, d := range dated {
					b.dateEvent(d, v)
				}
				b.dateAfterEvent(items, j, v)
				if topic != 0 {
					b.pattern.Qualifiers = append(b.pattern.Qualifiers, &pb.QualifierClause{Relation: variable(v), Field: pb.QualifierField_QUALIFIER_FIELD_TOPIC,
						Test: &pb.QualifierClause_Comparison{Comparison: &pb.Comparison{Operator: pb.ComparisonOperator_COMPARISON_OPERATOR_EQUAL, Value: b.ix.NodeName(topic)}}})
				}
				if place >= 0 {
					b.pattern.Qualifiers = append(b.pattern.Qualifiers, &pb.QualifierClause{Relation: variable(v), Field: pb.QualifierField_QUALIFIER_FIELD_PLACE,
						Test: &pb.QualifierClause_Comparison{Comparison: &pb.Comparison{Operator: pb.ComparisonOperator_COMPARISON_OPERATOR_EQUAL, Value: b.ix.NodeName(place)}}})
				}
				out = append(out, nounPhrase{term: variable(v), event: true, eventPrep: prepBefore(items, k)})
				k = j
				continue
			}
			if peek(1).kind == itemType {
				np, ok, err := b.modified(it, peek(1))
				if err != nil {
					return nil, err
				}
				k++
				if ok {
					out = append(out, np)
					continue
				}
				// "the US government": a type noun after a name it fits
				// adds nothing.
			}
			np := nounPhrase{term: fixed(b.ix, it.node), prep: before, node: it.node}
			// "Samsung and SK": each must satisfy the relation.
			for at(items, k+1).kind == itemAnd && at(items, k+2).kind == itemEntity {
				np.also = append(np.also, fixed(b.ix, at(items, k+2).node))
				k += 2
			}
			out = append(out, np)
		case itemEvent:
			// EVENT [STATUS] [of|for|on|with|by ENT | between ENT and ENT]:
			// "the takeover attempt on Kioxia".
			eventPrep := prepBefore(items, k)
			var subject, object *pb.Term
			eventTopic := index.Node(-1)
			d, kept := 1, len(statuses)
			for peek(d).kind == itemStatus && peek(d+1).kind == itemPrep && peek(d+2).kind == itemEntity {
				if !attemptNouns[strings.ToLower(peek(d).text)] {
					statuses = append(statuses, peek(d).con)
				}
				d++
			}
			if p := peek(d); p.kind == itemPrep && peek(d+1).kind == itemEntity && !b.isSetting(p, peek(d+1), it.preds) {
				switch strings.ToLower(p.text) {
				case "between":
					subject = fixed(b.ix, peek(d+1).node)
					if peek(d+2).kind == itemAnd && peek(d+3).kind == itemEntity {
						object = fixed(b.ix, peek(d+3).node)
						k += 2
					}
				case "by":
					subject = fixed(b.ix, peek(d+1).node)
				case "from":
					// "the lawsuit from Norvane": whom a suit, a contract or
					// an order is from is its subject, unless the lexicon
					// joins an object by "from".
					if b.fromJoinsObject(it.preds) {
						object = fixed(b.ix, peek(d+1).node)
					} else {
						subject = fixed(b.ix, peek(d+1).node)
					}
				default:
					tw := strings.Fields(strings.ToLower(it.text))
					if strings.EqualFold(p.text, "to") && saleNouns[tw[len(tw)-1]] {
						// "the stake sale to Aldermoor": whom a sale is to
						// is who acquires.
						subject = fixed(b.ix, peek(d+1).node)
						break
					}
					object = fixed(b.ix, peek(d+1).node)
					// "the acquisition of Kioxia by Western Digital".
					if p := peek(d + 2); p.kind == itemPrep && strings.EqualFold(p.text, "by") && peek(d+3).kind == itemEntity {
						subject = fixed(b.ix, peek(d+3).node)
						k += 2
					} else if t := peek(d + 2); t.kind == itemEntity && b.ix.EntityType(t.node) == "topic" && !b.takesObject(it.preds, t.node) {
						// "the deliveries of the Gannet Bank export cable": a
						// topic after the name, which the noun's predicates
						// take no object of, is what the relation is about.
						eventTopic = t.node
						k++
					}
				}
				k += d + 1
			} else if p, t := peek(d), peek(d+1); p.kind == itemPrep && t.kind == itemType && !strings.EqualFold(p.text, "by") && !strings.EqualFold(p.text, "between") &&
				slices.ContainsFunc(it.preds, func(pr vocab.ID) bool { return constraintFits(b.vocab, t.con, b.vocab.Predicate(pr).ObjectTypes) }) {
				// "the stake in the wind farm": a noun after the
				// preposition, of a type the noun's predicates take as
				// object, is its object; whom a sale is to ("the stake
				// sale to the utility") is who acquires.
				ov := b.fresh(t.noun)
				b.constrain(ov, t.con)
				if tw := strings.Fields(strings.ToLower(it.text)); strings.EqualFold(p.text, "to") && saleNouns[tw[len(tw)-1]] {
					subject = variable(ov)
				} else {
					object = variable(ov)
				}
				k += d + 1
			} else {
				// The statuses are read where they stand, below.
				statuses = statuses[:kept]
			}
			v := b.fresh(it.noun)
			b.eventTriple(v, it.preds, subject, object)
			if eventTopic >= 0 {
				b.pattern.Qualifiers = append(b.pattern.Qualifiers, &pb.QualifierClause{Relation: variable(v), Field: pb.QualifierField_QUALIFIER_FIELD_TOPIC,
					Test: &pb.QualifierClause_Comparison{Comparison: &pb.Comparison{Operator: pb.ComparisonOperator_COMPARISON_OPERATOR_EQUAL, Value: b.ix.NodeName(eventTopic)}}})
			}
			if k > 0 {
				b.dateEvent(items[k-1], v)
			}
			b.dateAfterEvent(items, k, v)
			for _, s := range statuses {
				b.constrain(v, s)
			}
			statuses = nil
			out = append(out, nounPhrase{term: variable(v), event: true, eventPrep: eventPrep})
		case itemType:
			v := b.fresh(it.noun)
			b.constrain(v, it.con)
			out = append(out, nounPhrase{term: variable(v)})
		case itemStatus:
			// "the takeover attempt": an attempt is the relation sought,
			// whatever came of it, not one only attempted.
			if attemptNouns[strings.ToLower(it.text)] && k > 0 && items[k-1].kind == itemEvent {
				continue
			}
			statuses = append(statuses, it.con)
		case itemAnd:
			return nil, errAnd
		case itemOr:
			return nil, errors.New(`"or" is read only between the names a question ends with, as in "Which company ranks first, Samsung or SK?"`)
		}
	}
	if len(statuses) > 0 {
		// A status word after the noun phrases ("which acquisitions failed")
		// qualifies the last relation named.
		// With no relation noun, it qualifies the question's own relation:
		// "Which utility agreed to buy a stake?" (see build).
		if b.lastEvent == "" {
			b.mainStatuses = append(b.mainStatuses, statuses...)
			return out, nil
		}
		for _, s := range statuses {
			b.constrain(b.lastEvent, s)
		}
	}
	return out, nil
}

// modified reads a name before a type noun that it does not fit as a
// modifier of the noun: "a Japanese company" is ?company, a company based
// in Japan, by the one predicate whose lexicon makes its object a
// modifier (Lexicon.object_modifier) for such subjects and objects. It
// returns false when the name fits the noun ("the US government"), and an
// error when no predicate joins them.
func (b *questionBuilder) modified(name, noun item) (nounPhrase, bool, error) {
	if pattern.Holds(b.ix, noun.con, name.node) {
		return nounPhrase{}, false, nil
	}
	var found []*vocab.Predicate
	for _, p := range b.vocab.Predicates() {
		if p.ObjectModifier && b.vocab.Fits(b.ix.EntityType(name.node), b.ix.Kinds(name.node), p.ObjectTypes) && constraintFits(b.vocab, noun.con, p.SubjectTypes) {
			found = append(found, p)
		}
	}
	switch len(found) {
	case 0:
		return nounPhrase{}, false, fmt.Errorf("cannot tell what %q says of the %s: no predicate's lexicon makes a name a modifier of such a noun", name.text, noun.text)
	case 1:
	default:
		return nounPhrase{}, false, fmt.Errorf("%q before %q may say %s or %s", name.text, noun.text, found[0].Key, found[1].Key)
	}
	v := b.fresh(noun.noun)
	typed := &pb.Constraint{Variable: v, Test: noun.con.GetTest()}
	b.pattern.Constraints = append(b.pattern.Constraints, typed)
	t := &pb.Triple{Subject: variable(v), Predicates: []string{found[0].Name}, Object: fixed(b.ix, name.node)}
	b.pattern.Triples = append(b.pattern.Triples, t)
	return nounPhrase{term: variable(v), modifier: t, typed: typed}, true, nil
}

// demonym reports whether entity item it was read from one of its
// entity's demonyms ("American" of the United States).
func (b *questionBuilder) demonym(it item) bool {
	return slices.ContainsFunc(b.ix.NodeEntity(it.node).GetAliases(), func(a *pb.Alias) bool {
		return a.GetKind() == pb.AliasKind_ALIAS_KIND_DEMONYM && strings.EqualFold(a.GetText(), it.text)
	})
}

// fromCountry returns a fresh variable for a party from country n, by
// modifierOf's predicate ("?party based-in United States"), with that
// triple added; or false when there is no one such predicate.
func (b *questionBuilder) fromCountry(n index.Node) (*pb.Term, bool) {
	found := b.modifierOf(n)
	if found == nil {
		return nil, false
	}
	party := variable(b.fresh("party"))
	b.pattern.Triples = append(b.pattern.Triples, &pb.Triple{Subject: party, Predicates: []string{found.Name}, Object: fixed(b.ix, n)})
	return party, true
}

// modifierOf returns the one predicate whose lexicon makes its object a
// modifier and whose object types fit n (based-in, of a country), or nil.
func (b *questionBuilder) modifierOf(n index.Node) *vocab.Predicate {
	var found *vocab.Predicate
	for _, p := range b.vocab.Predicates() {
		if p.ObjectModifier && b.vocab.Fits(b.ix.EntityType(n), b.ix.Kinds(n), p.ObjectTypes) {
			if found != nil {
				return nil
			}
			found = p
		}
	}
	return found
}

// constraintFits reports whether the entities a type or kind constraint
// allows fit types: its type, or one of its kinds.
func constraintFits(v *vocab.Vocabulary, con *pb.Constraint, types []string) bool {
	if t := con.GetType(); t != "" {
		return v.Fits(t, nil, types)
	}
	for _, name := range con.GetKinds().GetKinds() {
		if k, ok := v.LookupKind(name); ok && v.Fits(k.EntityType, []vocab.KindID{k.ID}, types) {
			return true
		}
	}
	return false
}

// copula reads "Is Western Digital an American company?": the name is
// the modified noun's variable, so the question asks whether the name's
// relation holds, once the name is checked to be such a noun. It returns
// nil when nps is not that form.
func (b *questionBuilder) copula(nps []nounPhrase) (*pb.Triple, error) {
	if len(nps) != 2 || nps[0].wh || nps[0].term.GetName() == "" || len(nps[0].also) > 0 || nps[1].modifier == nil {
		return nil, nil
	}
	if !pattern.Holds(b.ix, nps[1].typed, nps[0].node) {
		return nil, fmt.Errorf("%s is not a %s", b.ix.DisplayName(nps[0].node), pattern.ConstraintText(nps[1].typed))
	}
	b.pattern.Constraints = slices.DeleteFunc(b.pattern.Constraints, func(c *pb.Constraint) bool { return c == nps[1].typed })
	nps[1].modifier.Subject = nps[0].term
	return nps[1].modifier, nil
}

// settingField returns the qualifier a name after prep sets, by the
// name's entity type: a place, or an organization as a venue, after "in",
// "at" or "on" sets the place; a topic after "in", "on", "over" or
// "about", the topic; a person or organization after "in front of" or
// "before", the audience.
func settingField(prep, typ string) (pb.QualifierField, bool) {
	switch {
	case (prep == "in front of" || prep == "before") && (typ == "person" || typ == "organization"):
		return pb.QualifierField_QUALIFIER_FIELD_AUDIENCE, true
	case (prep == "in" || prep == "at" || prep == "on") && typ == "place", (prep == "at" || prep == "in") && typ == "organization":
		return pb.QualifierField_QUALIFIER_FIELD_PLACE, true
	case (prep == "in" || prep == "on" || prep == "over" || prep == "about") && typ == "topic":
		return pb.QualifierField_QUALIFIER_FIELD_TOPIC, true
	}
	return 0, false
}

// settings takes from the end of right, while the relation word has more
// noun phrases around it than its two parties or its predicate pred takes
// no such object, those that name where, what in or before whom it
// happened: "in Seoul", "in the LCD market", "in front of Lee Jae-myung".
// They become the question's settings, which its relation's place, topic
// or audience must name.
func (b *questionBuilder) settings(left, right []nounPhrase, pred vocab.ID) []nounPhrase {
	for len(right) > 0 {
		np := right[len(right)-1]
		if np.wh || len(np.also) > 0 || np.term.GetName() == "" {
			break
		}
		typ := b.ix.EntityType(np.node)
		field, ok := settingField(np.prep, typ)
		// With only two noun phrases, the last is the object unless the
		// predicate takes no such object: "Did Chey make his proposal in
		// Seoul?" proposes relations and topics, not places.
		if !ok || len(left)+len(right) <= 2 && b.takesObject([]vocab.ID{pred}, np.node) {
			break
		}
		b.settingsOf = append(b.settingsOf, Setting{Field: field, Node: np.node})
		right = right[:len(right)-1]
	}
	// "license its design to Halcyon": a topic between the verb and its
	// object, which the predicate does not take as object, is what the
	// relation is about.
	return b.topics(right, len(left), "", pred)
}

// topics takes from nps, while the relation word has more noun phrases
// around it than its two parties (others counts those on its other side),
// the topics after prep that its predicate does not take as object:
// "license its design to Halcyon" (no preposition), "How many miles of
// cable will Corvid supply (to Gannet Bank)?" ("of", before the verb). They
// become topic settings.
func (b *questionBuilder) topics(nps []nounPhrase, others int, prep string, pred vocab.ID) []nounPhrase {
	// A topic after "of" before the verb is never its subject: with
	// another phrase left to be that, it is a setting even when the
	// object goes unnamed ("How many miles of cable will Corvid supply?").
	enough := func() bool { return len(nps)+others > 2 || prep == "of" && len(nps) > 1 }
	for k := 0; enough() && k < len(nps); k++ {
		np := nps[k]
		if np.wh || len(np.also) > 0 || np.term.GetName() == "" || np.prep != prep || b.ix.EntityType(np.node) != "topic" || b.takesObject([]vocab.ID{pred}, np.node) {
			continue
		}
		b.settingsOf = append(b.settingsOf, Setting{Field: pb.QualifierField_QUALIFIER_FIELD_TOPIC, Node: np.node})
		nps = slices.Delete(nps, k, k+1)
		k--
	}
	return nps
}

// nounTopics takes from nps, the noun phrases of before (the items before
// a relational noun), the topic right before the noun, inside its noun
// phrase, that its predicate takes as neither subject nor object: "the
// recycling research partner of Halcyon" is the research partner on blade
// recycling. It becomes a topic setting. A topic that is a copula's
// subject is no modifier ("Is blade recycling a research partner of
// Halcyon?").
func (b *questionBuilder) nounTopics(nps []nounPhrase, before []item, pred vocab.ID) []nounPhrase {
	p := b.vocab.Predicate(pred)
	k := len(before) - 1
	if len(nps) == 0 || len(p.SubjectTypes) == 0 || k < 0 || before[k].kind != itemEntity ||
		k > 0 && before[k-1].kind != itemArticle && before[k-1].kind != itemPoss && before[k-1].kind != itemWh {
		return nps
	}
	np := nps[len(nps)-1]
	if np.node != before[k].node || np.wh || len(np.also) > 0 || np.term.GetName() == "" || np.prep != "" || b.ix.EntityType(np.node) != "topic" ||
		b.takesObject([]vocab.ID{pred}, np.node) || b.vocab.Fits(b.ix.EntityType(np.node), b.ix.Kinds(np.node), p.SubjectTypes) {
		return nps
	}
	b.settingsOf = append(b.settingsOf, Setting{Field: pb.QualifierField_QUALIFIER_FIELD_TOPIC, Node: np.node})
	return nps[:len(nps)-1]
}

// locative reports whether a verb item is a verb the lexicon has, for its
// own predicate, with a locative preposition: "work" of "work at".
func (b *questionBuilder) locative(verb item) bool {
	head := strings.ToLower(strings.Fields(verb.text)[0])
	_, preds := wherePredicates(b.vocab, word{text: head, lower: head})
	return slices.ContainsFunc(verb.phrase.Predicates(), func(p vocab.ID) bool { return slices.Contains(preds, p) })
}

// takesPlace reports whether one of preds may have a place as its
// object, by its declared object types.
func (b *questionBuilder) takesPlace(preds []vocab.ID) bool {
	for _, p := range preds {
		objects := b.vocab.Predicate(p).ObjectTypes
		if len(objects) == 0 || slices.ContainsFunc(objects, func(t string) bool { return placeType(b.vocab, t) }) {
			return true
		}
	}
	return false
}

// takesObject reports whether one of preds may have n as its object, by
// its declared object types.
func (b *questionBuilder) takesObject(preds []vocab.ID, n index.Node) bool {
	for _, p := range preds {
		objects := b.vocab.Predicate(p).ObjectTypes
		if len(objects) == 0 || b.vocab.Fits(b.ix.EntityType(n), b.ix.Kinds(n), objects) {
			return true
		}
	}
	return false
}

// isSetting reports whether "in Seoul" after an event noun says where
// the relation happened rather than naming its object: a name that sets a
// qualifier after its preposition (see settingField) that none of the
// noun's predicates takes as object.
func (b *questionBuilder) isSetting(prep, ent item, preds []vocab.ID) bool {
	p := strings.ToLower(prep.text)
	_, ok := settingField(p, b.ix.EntityType(ent.node))
	// "at", "before" and "in front of" never lead a relation noun to its
	// object: "the alliance at the National Assembly" was proposed there.
	return ok && (p == "at" || p == "before" || p == "in front of" || !b.takesObject(preds, ent.node))
}

// roleTriple reads a question that asks for a role without a relation
// word ("What is Chey Tae-won's position at SK Group?"): a relation that
// gives its subject a title, from the one named, to the other when there
// is one. Nil when the question is not of that form.
func (b *questionBuilder) roleTriple(nps []nounPhrase) *pb.Triple {
	if !slices.ContainsFunc(b.quals, func(q qualifierAsked) bool { return q.field == pb.QualifierField_QUALIFIER_FIELD_ROLE }) {
		return nil
	}
	// "What is X's title?": "what" is the role asked for.
	if nps[0].wh && nps[0].term.GetVariable() == "what" && len(nps) > 1 {
		b.whVars = slices.DeleteFunc(b.whVars, func(v string) bool { return v == "what" })
		nps = nps[1:]
	}
	if len(nps) > 2 || nps[0].wh || nps[0].term.GetName() == "" || len(nps[0].also) > 0 {
		return nil
	}
	var preds []string
	for _, p := range b.vocab.Predicates() {
		if p.TitleRole {
			preds = append(preds, p.Name)
		}
	}
	if len(preds) == 0 {
		return nil
	}
	object := variable(b.fresh("organization"))
	if len(nps) == 2 {
		if nps[1].wh || len(nps[1].also) > 0 {
			return nil
		}
		object = nps[1].term
	}
	return &pb.Triple{Subject: nps[0].term, Predicates: preds, Object: object}
}

// fromTriple reads "What country is Kioxia from?", "Where is Kioxia
// from?", "Is Kioxia from Japan?" and "Which companies are from Japan?":
// being from a place is the relation the vocabulary's object modifier
// says (Lexicon.object_modifier; "a Japanese company" is one based in
// Japan), for the subject's type. It returns nil when the question has
// no "from" of that form.
func (b *questionBuilder) fromTriple(items []item, nps []nounPhrase) (*pb.Triple, error) {
	dangling := len(items) > 0 && items[len(items)-1].kind == itemPrep && strings.EqualFold(items[len(items)-1].text, "from")
	var subject, object nounPhrase
	switch {
	case dangling && len(nps) == 2 && nps[0].wh && !nps[1].wh:
		subject, object = nps[1], nps[0]
	case !dangling && len(nps) == 2 && nps[1].prep == "from" && !nps[1].wh:
		subject, object = nps[0], nps[1]
	default:
		return nil, nil
	}
	if len(subject.also)+len(object.also) > 0 {
		return nil, nil
	}
	var found []*vocab.Predicate
	for _, p := range b.vocab.Predicates() {
		if !p.ObjectModifier {
			continue
		}
		if n := subject.term.GetName(); n != "" && !b.vocab.Fits(b.ix.EntityType(subject.node), b.ix.Kinds(subject.node), p.SubjectTypes) {
			continue
		}
		if n := object.term.GetName(); n != "" && !b.vocab.Fits(b.ix.EntityType(object.node), b.ix.Kinds(object.node), p.ObjectTypes) {
			continue
		}
		found = append(found, p)
	}
	switch len(found) {
	case 0:
		return nil, errors.New(`cannot tell what "from" says here: no predicate's lexicon makes a name a modifier of such a noun`)
	case 1:
		return &pb.Triple{Subject: subject.term, Predicates: []string{found[0].Name}, Object: object.term}, nil
	}
	return nil, fmt.Errorf(`"from" may say %s or %s`, found[0].Key, found[1].Key)
}

// identity reads "Who is the executive who chairs SK Group?" and "What is
// the name of the company that Western Digital sought to acquire?": a
// wh-word that is a noun with a relative clause asks for the noun, and the
// clause's relation is the question's. It moves that triple first and
// returns it, or nil when the question is not of that form.
func (b *questionBuilder) identity(nps []nounPhrase, clauses []*pb.Triple) *pb.Triple {
	if len(nps) != 2 || len(clauses) == 0 || !nps[0].wh || nps[1].wh || nps[1].term.GetVariable() == "" || len(nps[0].also)+len(nps[1].also) > 0 {
		return nil
	}
	if w := nps[0].term.GetVariable(); w != "who" && w != "what" {
		return nil
	}
	v := nps[1].term.GetVariable()
	b.whVars = append(slices.DeleteFunc(b.whVars, func(w string) bool { return w == nps[0].term.GetVariable() }), v)
	main := clauses[0]
	b.pattern.Triples = append([]*pb.Triple{main}, slices.DeleteFunc(b.pattern.Triples, func(t *pb.Triple) bool { return t == main })...)
	return main
}

// askedQualifier reads the wh-word of a question that asks for a
// qualifier. With a rank word, "how" and "where" ask for the rank ("How
// does Kioxia rank in NAND flash?", "Where does Halcyon rank among blade
// makers?"). And "what" before both parties of the relation is the
// qualifier named after a possessive ("What is Kioxia's rank among NAND
// flash producers?"), not a third party. nps is the noun phrases before
// the relation word; n counts those on both sides.
func (b *questionBuilder) askedQualifier(nps []nounPhrase, n int) []nounPhrase {
	rank := pb.QualifierField_QUALIFIER_FIELD_RANK
	if b.ranked {
		for k := range b.quals {
			if b.quals[k].field == pb.QualifierField_QUALIFIER_FIELD_MANNER {
				b.quals[k].field = rank
			}
		}
		if len(nps) > 0 && nps[0].wh && nps[0].term.GetVariable() == "where" {
			b.whVars = slices.DeleteFunc(b.whVars, func(v string) bool { return v == "where" })
			b.quals = append(b.quals, qualifierAsked{field: rank, v: "where"})
			return nps[1:]
		}
	}
	if n == 3 && len(b.quals) > 0 && len(nps) > 0 && nps[0].wh && nps[0].term.GetVariable() == "what" {
		b.whVars = slices.DeleteFunc(b.whVars, func(v string) bool { return v == "what" })
		return nps[1:]
	}
	return nps
}

// rankTriple reads a question about a rank without a relation word
// ("Which company ranks No. 4 globally?", "What is Samsung's global
// ranking?", "How does Kioxia rank in NAND flash?"): a relation of any
// predicate, which the rank then narrows to those that have one. Nil
// when the question names no rank, or is not of that form.
func (b *questionBuilder) rankTriple(nps []nounPhrase) *pb.Triple {
	asksRank := slices.ContainsFunc(b.quals, func(q qualifierAsked) bool { return q.field == pb.QualifierField_QUALIFIER_FIELD_RANK })
	if !b.ranked && !asksRank {
		return nil
	}
	nps = b.askedQualifier(nps, len(nps)+1)
	if len(nps) == 0 || len(nps) > 2 || len(nps[0].also) > 0 {
		return nil
	}
	var object *pb.Term
	switch {
	case len(nps) == 2 && !nps[1].wh && len(nps[1].also) == 0:
		object = nps[1].term
	case len(nps) == 1:
		object = variable(b.fresh("what"))
	default:
		return nil
	}
	return &pb.Triple{Subject: nps[0].term, Object: object}
}

// isSubjectOf reports whether n is the subject of some relation with one of
// preds; isObjectOf, the object.
func (b *questionBuilder) isSubjectOf(n index.Node, preds []vocab.ID) bool {
	for _, r := range b.ix.Out(n) {
		if slices.Contains(preds, b.ix.Predicate(r)) {
			return true
		}
	}
	return false
}

func (b *questionBuilder) isObjectOf(n index.Node, preds []vocab.ID) bool {
	for _, r := range b.ix.In(n) {
		if slices.Contains(preds, b.ix.Predicate(r)) {
			return true
		}
	}
	return false
}

func at(items []item, k int) item {
	if k >= 0 && k < len(items) {
		return items[k]
	}
	return item{}
}

// build assembles the pattern: one relation word with its two arguments.
func (b *questionBuilder) build(items []item) (*Question, error) {
	if err := doerNamed(items); err != nil {
		return nil, err
	}
	items, clauses, err := b.relatives(b.relationalNouns(items))
	if err != nil {
		return nil, err
	}
	verb := -1
	for k, it := range items {
		if it.kind == itemVerb {
			if verb >= 0 {
				return nil, fmt.Errorf("it has more than one relation word (%q and %q); ask about one relation at a time", items[verb].text, it.text)
			}
			verb = k
		}
	}
	if verb < 0 {
		// No verb: a relation noun with a status can stand alone ("Which
		// acquisitions failed?").
		nps, err := b.nounPhrases(items)
		if err != nil {
			return nil, err
		}
		if len(b.mainStatuses) > 0 {
			if main := b.statusOfName(items, nps); main != nil {
				b.pattern.Triples = append([]*pb.Triple{main}, b.pattern.Triples...)
				q, err := b.finish(main)
				if q != nil {
					q.Mains = 1
				}
				return q, err
			}
			return nil, errors.New("a status word (failed, completed, ...) needs a relation to qualify, such as an acquisition")
		}
		if main := b.quantityOf(items, nps); main != nil {
			q, err := b.finish(main)
			if q != nil {
				q.Measure = true
			}
			return q, err
		}
		if main, err := b.fromTriple(items, nps); err != nil {
			return nil, err
		} else if main != nil {
			b.pattern.Triples = append([]*pb.Triple{main}, b.pattern.Triples...)
			q, err := b.finish(main)
			if q != nil {
				q.Mains = 1
			}
			return q, err
		}
		if main := b.identity(nps, clauses); main != nil {
			q, err := b.finish(main)
			if q != nil {
				q.Mains = 1
			}
			return q, err
		}
		yesNo := !slices.ContainsFunc(items, func(it item) bool { return it.kind == itemWh })
		if main, err := b.copula(nps); err != nil {
			return nil, err
		} else if main != nil && yesNo && len(b.pattern.Triples) == 1 {
			q, err := b.finish(main)
			if q != nil {
				q.Mains = 1
			}
			return q, err
		}
		if main := b.rankTriple(nps); main != nil {
			b.pattern.Triples = append([]*pb.Triple{main}, b.pattern.Triples...)
			q, err := b.finish(main)
			if q != nil {
				q.Mains = 1
			}
			return q, err
		}
		if len(b.pattern.Triples)+len(b.loose) == 0 && len(nps) > 0 {
			if main := b.roleTriple(nps); main != nil {
				b.pattern.Triples = append(b.pattern.Triples, main)
				q, err := b.finish(main)
				if q != nil {
					q.Mains = 1
				}
				return q, err
			}
		}
		if len(b.pattern.Triples)+len(b.loose) == 0 || len(nps) == 0 {
			return nil, errors.New("it has no relation word from the vocabulary (such as acquired, opposed, leads, coordinated against; see ListPredicates)")
		}
		if main := b.eventAsMain(nps, yesNo, clauses); main != nil {
			q, err := b.finish(main)
			if q != nil {
				q.Mains, q.named = 1, true
			}
			return q, err
		}
		return b.finish(nil)
	}
	ph := items[verb].phrase
	passive := ph.Passive
	if !passive && beforeParticiple(items, verb) && !ph.Noun {
		head := strings.ToLower(strings.Fields(items[verb].text)[0])
		if english.IsPastParticiple(head) {
			if !b.vocab.IsFixedHead(head) && !b.vocab.Predicate(ph.Predicate).Symmetric {
				passive = true
			}
		}
	}
	if items[verb].lightEcho {
		// "Was the bid for Kioxia made by Western Digital?": the relation
		// noun may stand between the auxiliary and the participle.
		passive = english.IsPastParticiple(strings.ToLower(items[verb].text)) && slices.ContainsFunc(items[:verb], func(it item) bool {
			return it.kind == itemAux && beWords[strings.ToLower(it.text)]
		})
	}
	// A question with no wh-word is a yes/no question: "Did Samsung
	// oppose the bid?".
	yesNo := !slices.ContainsFunc(items, func(it item) bool { return it.kind == itemWh })
	left, err := b.nounPhrases(items[:verb])
	if err != nil {
		return nil, err
	}
	right, err := b.nounPhrases(items[verb+1:])
	if err != nil {
		return nil, err
	}
	left = b.askedQualifier(left, len(left)+len(right))
	// "Where did Chey Tae-won propose the alliance?": with both parties
	// named besides it, "where" asks for the relation's place.
	// "In which city did Norvane sue Halcyon?": likewise a place noun
	// after "in" or "at", when the predicate takes no place as object.
	if len(left)+len(right) == 3 && len(left) > 0 && left[0].wh && left[0].place && (left[0].prep == "in" || left[0].prep == "at") && !b.takesPlace(ph.Predicates()) {
		b.quals = append(b.quals, qualifierAsked{field: pb.QualifierField_QUALIFIER_FIELD_PLACE, v: left[0].term.GetVariable()})
		left = left[1:]
	}
	// A topic the predicate takes no object of is no party: "Where will
	// Halcyon build its blade factory?" asks for the factory's place, its
	// object.
	topicOnly := len(right) == 1 && right[0].term.GetName() != "" && (right[0].prep == "" || right[0].prep == "on") && b.ix.EntityType(right[0].node) == "topic" &&
		!b.takesObject(ph.Predicates(), right[0].node) && b.takesPlace(ph.Predicates())
	if len(left)+len(right) == 3 && len(left) > 0 && left[0].wh && left[0].term.GetVariable() == "where" && !topicOnly {
		b.whVars = slices.DeleteFunc(b.whVars, func(v string) bool { return v == "where" })
		b.quals = append(b.quals, qualifierAsked{field: pb.QualifierField_QUALIFIER_FIELD_PLACE, v: "where"})
		left = left[1:]
	}
	// "Where did Chey Tae-won propose?": "where" is no object of a
	// predicate that takes no place, unless the verb is one of its
	// locative phrases ("Where does Elena Voss work?", work at); it asks
	// for the relation's place.
	whereAsked := false
	if len(left) == 2 && len(right) == 0 && left[0].wh && left[0].term.GetVariable() == "where" && !b.takesPlace(ph.Predicates()) && !b.locative(items[verb]) {
		b.whVars = slices.DeleteFunc(b.whVars, func(v string) bool { return v == "where" })
		b.quals = append(b.quals, qualifierAsked{field: pb.QualifierField_QUALIFIER_FIELD_PLACE, v: "where"})
		left, whereAsked = left[1:], true
	}
	// "To whom did Kittiwake sell the stake?": a wh-word after a
	// preposition asks for the party that preposition joins to the verb;
	// a verb whose phrase ends in another ("sell a stake in") has none.
	if lead := strings.ToLower(at(items, 0).text); at(items, 0).kind == itemPrep && at(items, 1).kind == itemWh && (lead == "to" || lead == "from") &&
		!passive && len(ph.Words) > 1 && prepWords[ph.Words[len(ph.Words)-1]] && !slices.Contains(ph.Words, lead) {
		return nil, fmt.Errorf("cannot tell whom %q asks for: %q joins its object by %q, not %q", at(items, 0).text+" "+at(items, 1).text, strings.Join(ph.Words, " "), ph.Words[len(ph.Words)-1], lead)
	}
	left = b.topics(left, len(right), "of", ph.Predicate)
	if ph.Noun {
		left = b.nounTopics(left, items[:verb], ph.Predicate)
	}
	right = b.settings(left, right, ph.Predicate)
	// "Who manufactured the panels in the Samsung-Sony partnership?": a
	// relation noun after "in" or "for", beyond the verb's two parties,
	// is a relation its subject takes part in.
	// "When was the permit approved?": a relation noun of the verb's own
	// predicate, alone, as the passive's subject is the verb's relation.
	echo := ""
	// It is the only noun phrase before the verb: "Who was the permit
	// approved by?" keeps its own reading.
	if passive && len(b.mainStatuses) == 0 && len(left) == 1 {
		if v := left[0].term.GetVariable(); left[0].event && len(left[0].also) == 0 && slices.Equal(b.loose[v], []vocab.ID{ph.Predicate}) {
			echo, left = v, nil
		}
	}
	// "By which company was the contract awarded?": the doer asked for
	// first, after "by".
	if passive && len(b.mainStatuses) == 0 && len(left) == 2 && left[0].wh && left[0].prep == "by" {
		if v := left[1].term.GetVariable(); left[1].event && len(left[1].also) == 0 && slices.Equal(b.loose[v], []vocab.ID{ph.Predicate}) {
			echo, right, left = v, append(right, left[0]), nil
		}
	}
	// "How many proposals did Chey make?", "Was the bid for Kioxia made by
	// Western Digital?": a light verb's relation noun before it (see
	// frontedLight) is the verb's relation, whoever else comes before it.
	if items[verb].lightEcho && echo == "" {
		// The noun is the object asked for, before the subject ("Which
		// proposals did Chey make?"), or the passive's subject, after
		// wh-words only ("Where is the factory going to be built?"); not
		// the subject of an active verb ("How many jobs is the plant
		// expected to bring?").
		k := slices.IndexFunc(left, func(np nounPhrase) bool { return b.relationOf(np, ph.Predicate) })
		fronted := !passive && k == 0 && len(left) <= 2 ||
			passive && k == len(left)-1 && !slices.ContainsFunc(left[:max(k, 0)], func(np nounPhrase) bool { return !np.wh })
		if k < 0 || !fronted || len(b.mainStatuses) > 0 {
			return nil, fmt.Errorf("cannot tell who does %q: it says only that a relation named before it happened, and no one relation noun before it names it", items[verb].text)
		}
		echo, left = left[k].term.GetVariable(), slices.Delete(left, k, k+1)
	}
	var within *pb.Term
	if n := len(right); n > 0 && len(left)+n == 3 && right[n-1].event && contextPrepositions[right[n-1].eventPrep] {
		within, right = right[n-1].term, right[:n-1]
	}
	// "What will Corvid supply to Gannet Bank?": "what" beside both
	// parties, of a predicate that takes no topic as object, asks for
	// what the relation is about.
	if len(left) == 2 && len(right) == 1 && left[0].wh && left[0].term.GetVariable() == "what" && !left[1].wh && !right[0].wh &&
		!slices.ContainsFunc(ph.Predicates(), func(p vocab.ID) bool {
			return slices.Contains(b.vocab.Predicate(p).ObjectTypes, "topic") || len(b.vocab.Predicate(p).ObjectTypes) == 0
		}) {
		b.whVars = slices.DeleteFunc(b.whVars, func(v string) bool { return v == "what" })
		b.quals = append(b.quals, qualifierAsked{field: pb.QualifierField_QUALIFIER_FIELD_TOPIC, v: "what"})
		left = left[1:]
	}
	var subject, object *pb.Term
	switch {
	case len(left) == 1 && len(right) == 1:
		subject, object = left[0].term, right[0].term
	case len(left) == 2 && len(right) == 0 && left[0].wh && ph.Noun && !ph.Passive && verb > 0 &&
		(items[verb-1].kind == itemEntity || verb > 1 && items[verb-1].kind == itemPoss && items[verb-2].kind == itemEntity) &&
		slices.ContainsFunc(items[:verb], func(it item) bool { return it.kind == itemAux && beWords[strings.ToLower(it.text)] }):
		// "Who is the Kittiwake chief executive?": after a copula, the
		// wh-word is what the relational noun names, the name before it
		// what the noun is of.
		subject, object = left[0].term, left[1].term
	case len(left) == 2 && len(right) == 0 && left[0].wh:
		// The wh-word was moved to the front: "What did Samsung oppose?",
		// "Who was Kioxia acquired by?".
		subject, object = left[1].term, left[0].term
		// "What did Corvid supply?" asks for what was supplied, the
		// relation's topic, not for the one it went to (see
		// recipientObject).
		if !passive && object.GetVariable() == "what" && !slices.Contains(ph.Words, "to") && !slices.ContainsFunc(ph.Predicates(), func(p vocab.ID) bool {
			return !b.recipientObject(p, ph.Words[0])
		}) {
			b.whVars = slices.DeleteFunc(b.whVars, func(v string) bool { return v == "what" })
			b.quals = append(b.quals, qualifierAsked{field: pb.QualifierField_QUALIFIER_FIELD_TOPIC, v: "what"})
			object = variable(b.fresh("recipient"))
			left[0].term = object
		}
	case len(left) == 1 && len(right) == 0 && len(left[0].also) == 1 && b.symmetric(ph.Predicate):
		// "Did Samsung and Sony partner?": the two are each other's partner.
		subject, object = left[0].term, left[0].also[0]
		left[0].also = nil
		right = append(right, nounPhrase{term: object})
	case len(left) == 1 && len(right) == 0:
		v := b.fresh("other")
		subject, object = left[0].term, variable(v)
		right = append(right, nounPhrase{term: object})
		if len(b.whVars) == 0 && !yesNo && !whereAsked && b.whenVar == "" && len(b.quals) == 0 && !b.times {
			b.whVars = append(b.whVars, v)
		}
	case len(left) == 0 && len(right) == 0 && echo != "":
		// The passive turns them around, below.
		subject, object = variable(b.fresh("target")), variable(b.fresh("party"))
		left, right = []nounPhrase{{term: subject}}, []nounPhrase{{term: object}}
	case len(left) == 0 && len(right) == 1:
		v := b.fresh("who")
		subject, object = variable(v), right[0].term
		left = append(left, nounPhrase{term: subject})
		if len(b.whVars) == 0 && !yesNo && b.whenVar == "" && len(b.quals) == 0 && !b.times {
			b.whVars = append(b.whVars, v)
		}
	default:
		return nil, fmt.Errorf("cannot tell who does %q to whom: found %d names or questions before it and %d after", items[verb].text, len(left), len(right))
	}
	var subjects, objects []*pb.Term
	for _, np := range append(left, right...) {
		switch np.term {
		case subject:
			subjects = append([]*pb.Term{np.term}, np.also...)
		case object:
			objects = append([]*pb.Term{np.term}, np.also...)
		}
	}
	if passive && len(items) > verb+1 && items[len(items)-1].kind == itemPrep && !strings.EqualFold(items[len(items)-1].text, "by") {
		// "Who was the alliance proposed to?": the wh-word is the object
		// of the stranded preposition, no doer.
		return nil, fmt.Errorf("cannot tell who does %q: %q at the end does not say who does it (a passive's doer comes after \"by\")", items[verb].text, items[len(items)-1].text)
	}
	if passive {
		// The passive's agent comes after "by", or with no preposition:
		// "Who was awarded the contract for Gannet Bank?" names no one who
		// awarded it.
		for _, np := range right {
			if np.term == object && np.prep != "" && np.prep != "by" {
				return nil, fmt.Errorf("cannot tell who does %q: %q does not say who does it (a passive's doer comes after \"by\")", items[verb].text, np.prep)
			}
		}
		subjects, objects = objects, subjects
	}
	if within != nil {
		// Both parties belong to it: the subject takes part, and the
		// object is what it is about when the verb's objects are topics
		// ("the panels" of the LCD partnership), else takes part too.
		for _, s := range subjects {
			b.pattern.Participations = append(b.pattern.Participations, &pb.Participation{Relation: within, Participant: s})
		}
		for _, o := range objects {
			if !b.topicObject(ph.Predicates(), o) {
				b.pattern.Participations = append(b.pattern.Participations, &pb.Participation{Relation: within, Participant: o})
				continue
			}
			clause := &pb.QualifierClause{Relation: within, Field: pb.QualifierField_QUALIFIER_FIELD_TOPIC, Test: &pb.QualifierClause_Variable{Variable: o.GetVariable()}}
			if o.GetName() != "" {
				clause.Test = &pb.QualifierClause_Comparison{Comparison: &pb.Comparison{Operator: pb.ComparisonOperator_COMPARISON_OPERATOR_EQUAL, Value: o.GetName()}}
			}
			if !slices.ContainsFunc(b.pattern.Qualifiers, func(c *pb.QualifierClause) bool { return proto.Equal(c, clause) }) {
				b.pattern.Qualifiers = append(b.pattern.Qualifiers, clause)
			}
		}
	}
	// One triple per pair of names joined by "and": all must hold.
	var mains []*pb.Triple
	for _, s := range subjects {
		for _, o := range objects {
			mains = append(mains, &pb.Triple{Subject: s, Predicates: b.predicateNames(ph.Predicates()), Object: o})
			if b.placedBy(items, verb) {
				if b.verbal == nil {
					b.verbal = map[*pb.Triple]bool{}
				}
				b.verbal[mains[len(mains)-1]] = true
			}
		}
	}
	for k, t := range mains {
		switch {
		case len(b.mainStatuses) == 0:
		case k == 0 && b.whenVar != "":
			t.RelationVariable = b.whenVar
		default:
			t.RelationVariable = b.fresh("fact")
		}
		for _, s := range b.mainStatuses {
			b.constrain(t.RelationVariable, s)
		}
	}
	if echo != "" && len(mains) == 1 {
		mains[0].RelationVariable = echo
		if b.whenVar != "" {
			b.whenVar = echo
		}
	}
	if b.times && len(mains) == 1 && len(b.whVars) == 0 && len(b.quals) == 0 && b.whenVar == "" {
		// "How many times did Chey propose the alliance?" counts the
		// relations that say so, each an event: a relation that holds
		// over time ("oppose") happens no number of times.
		if k := slices.IndexFunc(ph.Predicates(), func(p vocab.ID) bool { return !b.vocab.Predicate(p).PointInTime }); k >= 0 {
			return nil, fmt.Errorf(`cannot count the times %q happened: a relation that %s holds over time, not at one (only events, such as a proposal, happen a number of times)`,
				items[verb].text, b.vocab.Predicate(ph.Predicates()[k]).Reading)
		}
		if mains[0].RelationVariable == "" {
			mains[0].RelationVariable = b.fresh("time")
		}
		b.whVars = []string{mains[0].RelationVariable}
	}
	b.pattern.Triples = append(mains, b.pattern.Triples...)
	q, err := b.finish(mains[0])
	if q != nil {
		q.Mains = len(mains)
		q.Titles = ph.Titles
	}
	return q, err
}

// relationOf reports whether np is a relation noun's relation of
// predicate p alone: its variable the relation of one triple of p's, or
// of no triple yet ("the proposals", see eventTriple).
func (b *questionBuilder) relationOf(np nounPhrase, p vocab.ID) bool {
	v := np.term.GetVariable()
	if v == "" || len(np.also) > 0 {
		return false
	}
	if preds, ok := b.loose[v]; ok {
		return slices.Equal(preds, []vocab.ID{p})
	}
	name := b.predicateNames([]vocab.ID{p})
	n := 0
	for _, t := range b.pattern.Triples {
		if t.GetRelationVariable() == v {
			if !slices.Equal(t.GetPredicates(), name) {
				return false
			}
			n++
		}
	}
	return n == 1
}

// placeConstraint reports whether con asks for places: the place type,
// or kinds of it only.
func (b *questionBuilder) placeConstraint(con *pb.Constraint) bool {
	if t := con.GetType(); t != "" {
		return t == "place"
	}
	kinds := con.GetKinds().GetKinds()
	for _, k := range kinds {
		if !placeType(b.vocab, k) {
			return false
		}
	}
	return len(kinds) > 0
}

// topicObject reports whether object o of preds is a topic: a named
// topic, or a variable where every predicate takes only topics.
func (b *questionBuilder) topicObject(preds []vocab.ID, o *pb.Term) bool {
	if o.GetName() != "" {
		n, ok := b.ix.NodeOf(o.GetName())
		return ok && b.ix.EntityType(n) == "topic"
	}
	for _, p := range preds {
		if !slices.Equal(b.vocab.Predicate(p).ObjectTypes, []string{"topic"}) {
			return false
		}
	}
	return len(preds) > 0
}

// prepBefore returns the preposition before the noun phrase whose first
// item is items[k], past its articles and possessives: "in" of "in its
// partnership", or "".
func prepBefore(items []item, k int) string {
	j := k - 1
	for j >= 0 && (items[j].kind == itemArticle || items[j].kind == itemPoss) {
		j--
	}
	if j >= 0 && items[j].kind == itemPrep {
		return strings.ToLower(items[j].text)
	}
	return ""
}

// beforeParticiple reports whether a form of "be" is the auxiliary of the
// verb at items[verb]: just before it ("is approved"), or put first with
// the subject's one noun phrase between ("When was the permit
// approved?"; not "Which company is the one Halcyon sued?").
func beforeParticiple(items []item, verb int) bool {
	a := verb - 1
	// A relation noun's own argument is of the subject: "the stake sale
	// to Aldermoor".
	for a >= 0 && (subjectItems[items[a].kind] || items[a].kind == itemPrep && a > 0 && items[a-1].kind == itemEvent && items[a+1].kind == itemEntity) {
		a--
	}
	if a < 0 || items[a].kind != itemAux || !beWords[strings.ToLower(items[a].text)] {
		return false
	}
	// One noun phrase: names and nouns run together ("the Gannet Bank
	// construction permit"), articles and possessives only before them
	// or after a name ("Kittiwake's permit").
	for k := a + 1; k < verb; k++ {
		if it := items[k]; it.kind == itemArticle && k > a+1 && items[k-1].kind != itemArticle {
			return false
		}
	}
	return true
}

// subjectItems are the items a passive's subject may be read from between
// its auxiliary and its participle.
var subjectItems = map[itemKind]bool{itemArticle: true, itemPoss: true, itemEntity: true, itemEvent: true, itemType: true, itemStatus: true}

// contextPrepositions lead a relation noun that is a relation the verb's
// subject takes part in: "in the partnership", "for its partnership".
var contextPrepositions = map[string]bool{"in": true, "for": true}

// doerNamed refuses "Who withdrew Norvane's lawsuit?" and "Who filed
// Norvane's lawsuit?": a wh-word that does a status its relation's
// subject brings about (see agentStatuses) or a light verb, of a relation
// noun whose possessor names that subject already.
func doerNamed(items []item) error {
	k := 1
	if len(items) > 2 && items[1].kind == itemType {
		k = 2
	}
	if len(items) < k+4 || items[0].kind != itemWh || items[0].at != 0 {
		return nil
	}
	// A status its subject brings about, or a light verb ("Who filed
	// Norvane's lawsuit?", "Who made Chey's proposal?").
	doing := items[k].kind == itemStatus && agentStatuses[items[k].con.GetRelationStatus()] || items[k].kind == itemIgnore && items[k].light ||
		items[k].kind == itemVerb && (items[k].lightEcho || items[k].eventVerb)
	if !doing {
		return nil
	}
	for j := k + 1; j+2 < len(items); j++ {
		if items[j].kind == itemEntity && items[j+1].kind == itemPoss && (items[j+2].kind == itemEvent || items[j+2].kind == itemVerb) {
			return fmt.Errorf("cannot tell whom %q asks for: the one who %s a relation is its subject, which %q names", items[0].text, items[k].text, items[j].text)
		}
	}
	return nil
}

// agentStatuses are the statuses a relation's subject brings about, which
// statusOfName reads after a name: it withdrew or completed it.
var agentStatuses = map[pb.RelationStatus]bool{pb.RelationStatus_RELATION_STATUS_WITHDRAWN: true, pb.RelationStatus_RELATION_STATUS_COMPLETED: true}

// statusOfName reads "What did Norvane drop?": a "what" question whose
// only relation word is a status verb its subject brings about (see
// agentStatuses), in the active voice, after one name and with no date,
// asks for the relations of the name as subject with that status, by any
// predicate that is not symmetric. It returns the main triple, its statuses
// constrained, or nil when the question is not that form.
func (b *questionBuilder) statusOfName(items []item, nps []nounPhrase) *pb.Triple {
	if len(nps) != 2 || !nps[0].wh || nps[0].term.GetVariable() == "" || nps[1].term.GetName() == "" || nps[1].prep != "" ||
		len(nps[1].also) > 0 || nps[1].modifier != nil || len(b.quals) > 0 {
		return nil
	}
	if len(items) < 2 || !strings.EqualFold(items[0].text, "what") || items[1].kind != itemAux || beWords[strings.ToLower(items[1].text)] ||
		slices.ContainsFunc(items, func(it item) bool { return it.kind == itemDate }) {
		// "What did Norvane drop on February 10?": a relation's time is
		// when it held, not when its status came.
		return nil
	}
	for _, s := range b.mainStatuses {
		if !agentStatuses[s.GetRelationStatus()] {
			return nil
		}
	}
	// Only predicates whose subject acts: "What did Japan plan?" is not
	// the United States' talks with Japan, planned.
	var preds []string
	for _, p := range b.vocab.Predicates() {
		if !p.Symmetric {
			preds = append(preds, p.Name)
		}
	}
	main := &pb.Triple{Subject: nps[1].term, Predicates: preds, ExactPredicates: true, Object: variable(b.fresh("other")), RelationVariable: nps[0].term.GetVariable()}
	for _, s := range b.mainStatuses {
		b.constrain(main.RelationVariable, s)
	}
	return main
}

// quantityOf reads a question without a relation word that asks for an
// amount in a unit of one or two names ("How far is Gannet Bank from
// Nantucket?", "How many gigawatts is Gannet Bank?"): any relation that
// involves every name and gives a quantity in that unit answers it, and
// Question.Measure makes two different amounts ambiguous. It returns the
// relation's placeholder triple for finish (the relation is bound by
// participations, not a triple), or nil for another question.
func (b *questionBuilder) quantityOf(items []item, nps []nounPhrase) *pb.Triple {
	if len(b.pattern.Triples)+len(b.loose)+len(b.pattern.Participations) > 0 || len(b.quals) != 1 || b.count ||
		b.quals[0].field != pb.QualifierField_QUALIFIER_FIELD_QUANTITY || b.quals[0].unit == "" || b.quals[0].unit == unitDuration ||
		len(nps) == 0 || len(nps) > 2 || len(b.whVars) > 0 {
		return nil
	}
	for _, np := range nps {
		if np.term.GetName() == "" || len(np.also) > 0 {
			return nil
		}
	}
	// Only names, with "from" or "to" between two: "How far is Gannet
	// Bank from Nantucket?".
	for _, it := range items {
		switch it.kind {
		case itemEntity, itemQualifier, itemAux, itemArticle, itemIgnore:
		case itemPrep:
			if p := strings.ToLower(it.text); len(nps) != 2 || p != "from" && p != "to" {
				return nil
			}
		default:
			return nil
		}
	}
	fact := b.fresh("fact")
	for _, np := range nps {
		b.pattern.Participations = append(b.pattern.Participations, &pb.Participation{Relation: variable(fact), Participant: np.term})
	}
	return &pb.Triple{RelationVariable: fact}
}

// eventAsMain returns, for a wh-question without a verb whose one
// relation is named by a relation noun ("Where was the May 8 proposal?",
// "When was Western Digital's bid for Kioxia?"), that relation as the
// question's own, first among the triples: its dates and settings narrow
// it, "where" asks for its place and "when" for its time. A yes/no
// question of such a noun alone asks whether it holds, on its dates and
// in its settings ("Is the New Bedford factory still expected in 2027?").
// It returns nil for another question.
func (b *questionBuilder) eventAsMain(nps []nounPhrase, yesNo bool, clauses []*pb.Triple) *pb.Triple {
	// The relative clauses about the noun ("the research partnership
	// funded by Halcyon") narrow it; the noun's relation is the one.
	var own []*pb.Triple
	for _, t := range b.pattern.Triples {
		if !slices.Contains(clauses, t) {
			own = append(own, t)
		}
	}
	if b.count || len(own)+len(b.loose) != 1 {
		return nil
	}
	rel := ""
	if len(own) == 1 {
		rel = own[0].GetRelationVariable()
	}
	for v := range b.loose {
		rel = v
	}
	var rest []nounPhrase
	var settings []Setting
	named := false
	for _, np := range nps {
		if np.term.GetVariable() == rel {
			named = true
			continue
		}
		// "the proposal at the National Assembly": a venue.
		if field, ok := settingField(np.prep, b.ix.EntityType(np.node)); ok && np.term.GetName() != "" && len(np.also) == 0 {
			settings = append(settings, Setting{Field: field, Node: np.node})
			continue
		}
		rest = append(rest, np)
	}
	asksWhere := len(rest) == 1 && rest[0].wh && rest[0].term.GetVariable() == "where" && b.whenVar == ""
	if !named || !(len(rest) == 0 && (b.whenVar != "" || yesNo) || asksWhere) {
		return nil
	}
	if preds, ok := b.loose[rel]; ok {
		// "the May 8 proposal": a relation noun without its parties.
		own = []*pb.Triple{{Subject: variable(b.fresh("party")), Predicates: b.predicateNames(preds), Object: variable(b.fresh("target")), RelationVariable: rel}}
		b.pattern.Triples = append(b.pattern.Triples, own[0])
		delete(b.loose, rel)
	}
	// The main triple comes first (Question.Mains).
	b.pattern.Triples = append([]*pb.Triple{own[0]}, slices.DeleteFunc(b.pattern.Triples, func(t *pb.Triple) bool { return t == own[0] })...)
	b.settingsOf = append(b.settingsOf, settings...)
	switch {
	case asksWhere:
		b.whVars = slices.DeleteFunc(b.whVars, func(v string) bool { return v == "where" })
		b.quals = append(b.quals, qualifierAsked{field: pb.QualifierField_QUALIFIER_FIELD_PLACE, v: "where"})
	case !yesNo:
		b.whenVar = rel
	}
	return own[0]
}

// recipientObject reports whether verb head, alone, takes as its object
// what predicate p's object gets, not that object: a phrase of p's
// lexicon with the same head, read forward, joins the object by "to"
// ("supply cables to", "commit money to", "offer tax credits to"), so
// "What did Meridian commit?" asks for no recipient. "fund" has no such
// phrase, nor "regard * as strategic", whose gap holds the object: "What
// did Halcyon fund?" asks for its object.
func (b *questionBuilder) recipientObject(p vocab.ID, head string) bool {
	return slices.ContainsFunc(b.vocab.Phrases(), func(ph vocab.Phrase) bool {
		return ph.Predicate == p && !ph.Passive && !ph.Noun && len(ph.Words) > 1 && ph.Words[0] == head && ph.Words[len(ph.Words)-1] == "to"
	})
}

// fromJoinsObject reports whether a phrase of the lexicon of one of preds
// joins its object by "from" ("receive subsidies from" read the other way
// round does not: its "from" names the subject).
func (b *questionBuilder) fromJoinsObject(preds []vocab.ID) bool {
	return slices.ContainsFunc(b.vocab.Phrases(), func(ph vocab.Phrase) bool {
		return !ph.Passive && ph.Words[len(ph.Words)-1] == "from" && slices.Contains(preds, ph.Predicate)
	})
}

// oneLooseRelation returns an error when triple t names none of its
// parties and the graph holds several relations of its predicates: "What
// was the alliance about?" asks of one relation, which "alliance" (the
// Korea-Japan alliance, the Samsung-Sony partnership) does not name.
func (b *questionBuilder) oneLooseRelation(t *pb.Triple) error {
	if t.GetSubject().GetName() != "" || t.GetObject().GetName() != "" || slices.Contains(b.whVars, t.GetSubject().GetVariable()) ||
		slices.Contains(b.whVars, t.GetObject().GetVariable()) || slices.ContainsFunc(b.pattern.Triples, func(o *pb.Triple) bool {
		return o != t && (o.GetObject().GetVariable() == t.GetRelationVariable() || o.GetSubject().GetVariable() == t.GetRelationVariable() ||
			o.GetObject().GetVariable() == t.GetSubject().GetVariable() || o.GetSubject().GetVariable() == t.GetObject().GetVariable() ||
			o.GetSubject().GetVariable() == t.GetSubject().GetVariable() || o.GetObject().GetVariable() == t.GetObject().GetVariable())
	}) || len(b.pattern.Participations) > 0 {
		return nil
	}
	n := 0
	var ids []vocab.ID
	for _, name := range t.GetPredicates() {
		if p, ok := b.vocab.Lookup(name); ok {
			n += len(b.ix.WithPredicate(p.ID))
			ids = append(ids, p.ID)
		}
	}
	if n > 1 {
		return fmt.Errorf("cannot tell which relation it asks about: the graph has %d relations of %s, and the question names none of their parties", n, pattern.PredicateList(b.vocab, ids))
	}
	return nil
}

// placedBy reports whether the clause of the phrase at items[verb] says
// which of its names is the subject: an active verb does, and a
// relational noun without a possessive or a name right before it (past
// its adjectives: "Kittiwake's new chief executive", "the Kittiwake chief
// executive"), and an inverse lexicon entry; a
// passive, whose "by" may be of a date ("proposed by May 8"), does not.
func (b *questionBuilder) placedBy(items []item, verb int) bool {
	ph := items[verb].phrase
	// An inverse lexicon entry ("employ" of works-at) is placed as an
	// active verb is; a passive with "by" is not.
	if ph.Passive && ph.Words[len(ph.Words)-1] == "by" {
		return false
	}
	k := verb - 1
	for k >= 0 && (items[k].kind == 0 || items[k].kind == itemIgnore) {
		k--
	}
	// A verb used as a noun after a name and an article ("the KCCI head")
	// is read as a relational noun is.
	nounUse := ph.Noun || k >= 1 && k == verb-1 && items[k].kind == itemEntity && items[k-1].kind == itemArticle && verb == len(items)-1
	if !nounUse {
		return true
	}
	// "the Kittiwake chief executive", "Kittiwake's chief executive": a
	// name right before the noun, or a possessive, is what the noun is of
	// when it fits only the predicate's object ("the Okafor chief
	// executive" asks of no one Okafor leads).
	owner := k
	if k >= 1 && items[k].kind == itemPoss {
		owner = k - 1
	} else if k < 0 || items[k].kind != itemEntity || k != verb-1 {
		return true
	}
	if owner < 0 || items[owner].kind != itemEntity {
		return true
	}
	n := items[owner].node
	for _, id := range ph.Predicates() {
		p := b.vocab.Predicate(id)
		if b.vocab.Fits(b.ix.EntityType(n), b.ix.Kinds(n), p.ObjectTypes) && !b.vocab.Fits(b.ix.EntityType(n), b.ix.Kinds(n), p.SubjectTypes) {
			return false
		}
	}
	return true
}

// orient turns triple t around when the names at its ends fit none of
// its predicates' subject and object types as they stand but fit one
// turned around: "Which party's presidential candidate is Lee Jae-myung?"
// is Lee Jae-myung member-of ?party, not ?party member-of Lee Jae-myung,
// for a person is no member-of object. A variable fits any type, but the
// "where" a question asks for is never turned into a subject, and a
// verb's triple is never turned.
func (b *questionBuilder) orient(t *pb.Triple) {
	fits := func(term *pb.Term, types []string) bool {
		n, ok := b.ix.NodeOf(term.GetName())
		if term.GetName() == "" || !ok || b.ix.NodeEntity(n) == nil || len(types) == 0 {
			return true
		}
		return b.vocab.Fits(b.ix.EntityType(n), b.ix.Kinds(n), types)
	}
	// "What does Gannet Bank invest in?" asks what a wind farm invests
	// in, which nothing does: a verb's clause says which end is which.
	if t.GetSubject().GetName() == "" && t.GetObject().GetName() == "" || b.verbal[t] {
		return
	}
	// "Where is Seoul located?" asks for a place Seoul is in, never for
	// what is based in Seoul: "where" stays the object.
	if t.GetObject().GetVariable() == "where" && slices.Contains(b.whVars, "where") {
		return
	}
	turned := false
	for _, name := range t.GetPredicates() {
		p, ok := b.vocab.Lookup(name)
		if !ok {
			return
		}
		if fits(t.Subject, p.SubjectTypes) && fits(t.Object, p.ObjectTypes) {
			return
		}
		turned = turned || fits(t.Object, p.SubjectTypes) && fits(t.Subject, p.ObjectTypes)
	}
	if turned {
		t.Subject, t.Object = t.Object, t.Subject
	}
}

// triplesJoined reports whether a pattern's triples are one whole: each
// shares a variable or a name, through its subject, object or relation
// variable, with another, directly, through others or through a
// qualifier clause that binds a variable of a relation.
func triplesJoined(p *pb.Pattern) bool {
	triples := p.GetTriples()
	terms := func(t *pb.Triple) []string {
		var out []string
		for _, term := range []*pb.Term{t.GetSubject(), t.GetObject()} {
			if v := term.GetVariable(); v != "" {
				out = append(out, "?"+v)
			} else if n := term.GetName(); n != "" {
				out = append(out, n)
			}
		}
		if v := t.GetRelationVariable(); v != "" {
			out = append(out, "?"+v)
		}
		return out
	}
	reached := map[string]bool{}
	for _, t := range terms(triples[0]) {
		reached[t] = true
	}
	joined := make([]bool, len(triples))
	joined[0] = true
	for grew := true; grew; {
		grew = false
		for _, qc := range p.GetQualifiers() {
			r, v := "?"+qc.GetRelation().GetVariable(), "?"+qc.GetVariable()
			if v != "?" && r != "?" && reached[r] != reached[v] {
				reached[r], reached[v], grew = true, true, true
			}
		}
		for i, t := range triples {
			if joined[i] || !slices.ContainsFunc(terms(t), func(s string) bool { return reached[s] }) {
				continue
			}
			joined[i], grew = true, true
			for _, s := range terms(t) {
				reached[s] = true
			}
		}
	}
	return !slices.Contains(joined, false)
}

// finish names the answer: the wh-variables, or for a yes/no question the
// relation that makes it true.
func (b *questionBuilder) finish(main *pb.Triple) (*Question, error) {
	if b.times && (len(b.whVars) != 1 || main == nil || b.whVars[0] != main.GetRelationVariable()) {
		return nil, errors.New(`cannot tell which relations "how many times" counts: ask it of one relation verb and its parties`)
	}
	for _, t := range b.pattern.Triples {
		b.orient(t)
	}
	used := map[string]bool{}
	for _, t := range b.pattern.Triples {
		for _, term := range []*pb.Term{t.GetSubject(), t.GetObject()} {
			used[term.GetVariable()] = true
		}
		used[t.GetRelationVariable()] = true
	}
	alone := ""
	for _, v := range slices.Sorted(maps.Keys(b.loose)) {
		if !used[v] {
			b.pattern.Triples = append(b.pattern.Triples, &pb.Triple{
				Subject: variable(b.fresh("party")), Predicates: b.predicateNames(b.loose[v]), Object: variable(b.fresh("target")), RelationVariable: v,
			})
			used[v] = true
			alone = v
		}
	}
	// "the whole funding deal for the wind farm" read as a funding and a
	// deal: a relation noun that joins nothing else of the question is
	// a misreading, unless it is all the question names.
	if alone != "" && len(b.pattern.Triples) > 1 && !triplesJoined(&b.pattern) {
		return nil, fmt.Errorf("cannot tell how the relation %q names joins the rest of the question", strings.ReplaceAll(alone, "_", " "))
	}
	// "What became of the New Bedford factory?": a "what" that no clause
	// binds asks for the one relation a noun names, as it is.
	for k, w := range b.whVars {
		if used[w] || w != "what" {
			continue
		}
		if b.lastEvent == "" || !used[b.lastEvent] || slices.Contains(b.whVars, b.lastEvent) {
			return nil, errors.New(`cannot tell what "what" asks for`)
		}
		b.whVars[k] = b.lastEvent
	}
	// A "who" no triple binds asks for the doer a relation noun leaves
	// unnamed ("Who has a holding in Gannet Bank?"); when the noun names
	// it ("Who dropped Norvane's lawsuit?"), the one left is no doer.
	for _, w := range b.whVars {
		if (w == "who" || w == "whom") && !used[w] && !slices.ContainsFunc(b.quals, func(q qualifierAsked) bool { return q.v == w }) &&
			!slices.ContainsFunc(b.pattern.Participations, func(p *pb.Participation) bool { return p.GetParticipant().GetVariable() == w }) &&
			!slices.ContainsFunc(b.pattern.Triples, func(t *pb.Triple) bool { return t.GetSubject().GetVariable() != "" }) {
			return nil, fmt.Errorf("cannot tell whom %q asks for: the relation it names has its subject named", w)
		}
	}
	q := &Question{Pattern: &b.pattern, AnswerVars: b.whVars, Count: b.count, Settings: b.settingsOf, Ranked: b.ranked, NounTitles: b.nounTitles, eventDates: b.eventDates}
	if main == nil {
		main = b.pattern.Triples[0]
	}
	if len(b.quals) > 0 && main.RelationVariable == "" {
		main.RelationVariable = b.whenVar
		if main.RelationVariable == "" {
			main.RelationVariable = b.fresh("fact")
		}
	}
	for _, qw := range b.quals {
		if qw.field == pb.QualifierField_QUALIFIER_FIELD_TOPIC && len(b.pattern.Triples) > 0 {
			if err := b.oneLooseRelation(main); err != nil {
				return nil, err
			}
		}
		b.pattern.Qualifiers = append(b.pattern.Qualifiers, &pb.QualifierClause{
			Relation: variable(main.RelationVariable), Field: qw.field, Test: &pb.QualifierClause_Variable{Variable: qw.v}})
		if !slices.Contains(q.AnswerVars, qw.v) {
			// "Before which candidate": the noun's variable is asked for
			// already.
			q.AnswerVars = append(q.AnswerVars, qw.v)
		}
		if qw.field == pb.QualifierField_QUALIFIER_FIELD_TIME && qw.unit == unitDuration {
			q.Duration = qw.v
		}
		if qw.field == pb.QualifierField_QUALIFIER_FIELD_QUANTITY {
			if q.AmountUnits == nil {
				q.AmountUnits = map[string]string{}
			}
			q.AmountUnits[qw.v] = qw.unit
		}
	}
	switch {
	case b.whenVar != "":
		main.RelationVariable = b.whenVar
		q.AnswerVars = append(q.AnswerVars, b.whenVar)
		q.When = b.whenVar
	case len(q.AnswerVars) == 0:
		if main.RelationVariable == "" {
			main.RelationVariable = b.fresh("fact")
		}
		q.AnswerVars = []string{main.RelationVariable}
		q.YesNo = true
	}
	return q, nil
}

// Interpretation renders a compiled question as an English sentence, such
// as "?who coordinates against ?acquisition, where ?acquisition is an
// quotedOr joins texts quoted, with "or": "chairman" or "chair".
func quotedOr(texts []string) string {
	out := make([]string, len(texts))
	for i, t := range texts {
		out[i] = strconv.Quote(t)
	}
	return strings.Join(out, " or ")
}

// acquires relation".
func Interpretation(ix *index.Index, q *Question) string {
	label := func(t *pb.Term) string {
		if v, ok := t.GetTerm().(*pb.Term_Variable); ok {
			return "?" + v.Variable
		}
		if n, ok := ix.NodeOf(t.GetName()); ok {
			return ix.Label(n)
		}
		return t.GetName()
	}
	var parts []string
	for _, t := range q.Pattern.GetTriples() {
		var readings []string
		if len(t.GetPredicates()) == 0 {
			readings = append(readings, label(t.GetSubject())+" has a relation with "+label(t.GetObject()))
		}
		for _, p := range t.GetPredicates() {
			e, _ := ix.Vocabulary().Lookup(p)
			readings = append(readings, e.Sentence(label(t.GetSubject()), label(t.GetObject())))
		}
		s := strings.Join(readings, " or ")
		if v := t.GetRelationVariable(); v != "" {
			s += " (that relation is ?" + v + ")"
		}
		parts = append(parts, s)
	}
	for _, pt := range q.Pattern.GetParticipations() {
		parts = append(parts, label(pt.GetRelation())+" involves "+label(pt.GetParticipant()))
	}
	var where []string
	for _, c := range q.Pattern.GetConstraints() {
		where = append(where, pattern.DescribeConstraint(ix.Vocabulary(), c))
	}
	for _, qc := range q.Pattern.GetQualifiers() {
		field := pattern.QualifierFieldName(qc.GetField())
		switch c := qc.GetComparison(); {
		case qc.GetVariable() != "":
			where = append(where, "?"+qc.GetVariable()+" is the "+field+" of "+label(qc.GetRelation()))
		case c.GetOperator() == pb.ComparisonOperator_COMPARISON_OPERATOR_CONTAINS:
			where = append(where, fmt.Sprintf("the %s of %s says %q", field, label(qc.GetRelation()), c.GetValue()))
		case c != nil:
			value := c.GetValue()
			if n, ok := ix.NodeOf(value); ok {
				value = ix.Label(n)
			}
			where = append(where, fmt.Sprintf("the %s of %s is %s", field, label(qc.GetRelation()), value))
		}
	}
	// The question's own relational noun's titles (see Question.Titles).
	if len(q.Titles) > 0 {
		where = append(where, "the main relation's role is "+quotedOr(q.Titles))
	}
	// A noun's titles that no one role clause tests are read on each
	// answer (see Question.NounTitles).
	for _, v := range slices.Sorted(maps.Keys(q.NounTitles)) {
		if !slices.ContainsFunc(q.Pattern.GetQualifiers(), func(qc *pb.QualifierClause) bool {
			return qc.GetField() == pb.QualifierField_QUALIFIER_FIELD_ROLE && qc.GetRelation().GetVariable() == v
		}) {
			where = append(where, fmt.Sprintf("the role of ?%s is %s", v, quotedOr(q.NounTitles[v])))
		}
	}
	for _, v := range slices.Sorted(maps.Keys(q.NounDates)) {
		for _, d := range q.NounDates[v] {
			where = append(where, fmt.Sprintf("the time of ?%s is %s", v, d))
		}
	}
	out := "Find " + joinVars(q.AnswerVars) + " such that " + strings.Join(parts, ", and ")
	switch {
	case q.YesNo && q.Negated:
		out = "Check whether it is not so that " + strings.Join(parts, ", and ")
	case q.Negated:
		choices := make([]string, len(q.Choices))
		for i, c := range q.Choices {
			choices[i] = ix.Label(c)
		}
		out = "Find which of " + strings.Join(choices, ", ") + " is " + joinVars(q.AnswerVars) + " such that it is not so that " + strings.Join(parts, ", and ")
	case q.YesNo:
		out = "Check whether " + strings.Join(parts, ", and ")
	case q.Count:
		out = "Count the " + joinVars(q.AnswerVars) + " such that " + strings.Join(parts, ", and ")
	}
	if len(where) > 0 {
		out += ", where " + strings.Join(where, ", and ")
	}
	for _, d := range q.Dates {
		switch {
		case d.Bound != "":
			out += fmt.Sprintf(", %s", d)
		case d.Day > 0:
			out += fmt.Sprintf(", on %s", d)
		default:
			out += fmt.Sprintf(", in %s", d)
		}
	}
	switch {
	case q.Rank > 0:
		out += fmt.Sprintf(", ranked No. %d", q.Rank)
	case q.Ranked:
		out += ", with a rank"
	}
	for _, set := range q.Settings {
		out += fmt.Sprintf("; its %s is %s", pattern.QualifierFieldName(set.Field), ix.DisplayName(set.Node))
	}
	for _, a := range q.Amounts {
		out += fmt.Sprintf("; it gives %s", a)
	}
	if q.Total {
		out += "; the answer is the sum of the amounts"
	}
	if a := q.AbsentSetting; a != nil {
		out += fmt.Sprintf("; its place is %s, a %s the graph has no entity for (another %s makes it No)", a.Place.Names[0], a.Place.Class, a.Place.Class)
	}
	for _, m := range q.Manners {
		out += fmt.Sprintf("; its manner says %q", m)
	}
	if c := q.Compare; c.field != 0 {
		words := map[pb.QualifierField][2]string{
			pb.QualifierField_QUALIFIER_FIELD_RANK:     {"highest", "lowest"},
			pb.QualifierField_QUALIFIER_FIELD_QUANTITY: {"largest", "smallest"},
			pb.QualifierField_QUALIFIER_FIELD_TIME:     {"latest", "earliest"},
		}[c.field]
		most := words[0]
		if c.best < 0 && c.field != pb.QualifierField_QUALIFIER_FIELD_RANK || c.best > 0 && c.field == pb.QualifierField_QUALIFIER_FIELD_RANK {
			most = words[1]
		}
		out += fmt.Sprintf("; of the choices, the one whose %s is the %s", pattern.QualifierFieldName(c.field), most)
	}
	switch {
	case q.Order < -1:
		out += fmt.Sprintf("; number %d in time", -q.Order)
	case q.Order < 0:
		out += "; the earliest"
	case q.Order > 0:
		out += "; the latest"
	}
	for _, m := range q.Mentions {
		if m.Fuzzy {
			out += fmt.Sprintf(" (%q read as %s)", m.Text, ix.NodeName(m.Node))
		}
	}
	for _, r := range q.Reread {
		out += fmt.Sprintf(" (%q read as %q)", r[0], r[1])
	}
	if len(q.EvidenceWords) > 0 {
		out += fmt.Sprintf(" (%s read in the evidence of %s)", quoteAll(q.EvidenceWords), q.EvidenceOf)
	}
	if len(q.Said) > 0 {
		pairs := make([]string, len(q.Said))
		for k, w := range q.Said {
			pairs[k] = fmt.Sprintf("%q", w)
			if h := q.saidHeads[k]; h != "" {
				pairs[k] += fmt.Sprintf(" before %q", h)
			}
		}
		out += fmt.Sprintf(" (the answer's evidence must say %s)", strings.Join(pairs, ", "))
	}
	if q.WhenEnded {
		out += "; when it stopped: the end of its time"
	}
	return out + "."
}

// quoteAll joins words, each quoted: "signal", "remark".
func quoteAll(ws []string) string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = fmt.Sprintf("%q", w)
	}
	return strings.Join(out, ", ")
}

func joinVars(vs []string) string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = "?" + v
	}
	return strings.Join(out, " and ")
}

func (b *questionBuilder) symmetric(p vocab.ID) bool { return b.vocab.Predicate(p).Symmetric }
