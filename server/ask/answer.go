package ask

import (
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"

	"google.golang.org/protobuf/proto"

	"github.com/entitygraph/entitygraph/server/budget"
	"github.com/entitygraph/entitygraph/server/index"
	"github.com/entitygraph/entitygraph/server/pattern"
	"github.com/entitygraph/entitygraph/server/quantity"
	"github.com/entitygraph/entitygraph/server/timespan"
	"github.com/entitygraph/entitygraph/server/vocab"
	"github.com/entitygraph/entitygraph/server/wordnet"
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
	// More says that the graph holds more answers than the limit let
	// Answers carry.
	More bool
	// Verdict is, for a yes/no question, what the graph says. Deciding
	// are the relations that decided it; for another question left with
	// no answers, those it matched that did not happen or only may have
	// (see [statusReader]).
	Verdict  pb.Verdict
	Deciding []index.Rel
	// Count is, for a how-many question, how many distinct answers there
	// are; Answers holds the first of them.
	Count int
}

// Ask compiles question (see [Compile]), runs it against b and returns at
// most limit answers, with how it was understood.
func Ask(ix *index.Index, question string, b *budget.Budget, limit int, opts pattern.Options) (*Result, error) {
	if res, ok, err := askSameDay(ix, question, b, limit, opts); ok {
		return res, err
	}
	if res, ok, err := askHeadcount(ix, question, b, limit, opts); ok {
		return res, err
	}
	q, err := Compile(ix, question, opts)
	if err != nil {
		// "How did lawmakers react when Chey proposed the alliance at
		// the National Assembly?"
		if nu := (*NotUnderstoodError)(nil); errors.As(err, &nu) {
			if res, ok := askWhenClause(ix, question, b, limit, opts); ok {
				return res, nil
			}
		}
		return nil, err
	}
	return answer(ix, q, question, b, limit, opts)
}

// headcountWords are nouns of people that "how many" may ask of as an
// amount a relation states ("employ about 600 people"), in the unit
// person, rather than as people to count.
var headcountWords = map[string]bool{"people": true, "persons": true, "workers": true, "employees": true, "jobs": true, "staff": true}

// headcountVerbs say what a relation does with an amount of people:
// "employ about 600 people", "create 600 jobs". Another verb after the
// amount ("build", "open") is not of the people.
var headcountVerbs = map[string]bool{"employ": true, "hire": true, "create": true, "add": true, "bring": true, "support": true,
	"have": true, "need": true, "staff": true, "provide": true, "generate": true}

// headcountVerb reports whether w is a form of one of headcountVerbs.
func headcountVerb(w word) bool {
	return slices.ContainsFunc(wordnet.Lemmas(w.lower, wordnet.Verb), func(l string) bool { return headcountVerbs[l] })
}

// headcountUnit is the unit a graph states an amount of people in.
const headcountUnit = "person"

// askHeadcount answers "How many people will the New Bedford factory
// employ?" by the amount of people the factory's relation states, when
// one does: the question is read with the noun as the unit person. It
// returns false when the question asks no such amount, or no relation
// states one, and the noun is then read as people to count ("How many
// people work at Kittiwake?").
func askHeadcount(ix *index.Index, question string, b *budget.Budget, limit int, opts pattern.Options) (*Result, bool, error) {
	if head := strings.TrimSpace(question); len(head) < len("how many ") || !strings.EqualFold(head[:len("how many ")], "how many ") ||
		!utf8.ValidString(question) || utf8.RuneCountInString(question) > MaxQuestionRunes {
		return nil, false, nil
	}
	words := tokenize(question)
	if len(words) < 4 || words[0].lower != "how" || words[1].lower != "many" || !headcountWords[words[2].lower] {
		return nil, false, nil
	}
	// A verb of the people must say what the amount is of: "How many
	// people will the factory build?" asks nothing of its workers.
	if !slices.ContainsFunc(words[3:], headcountVerb) {
		return nil, false, nil
	}
	words[2].unit = headcountUnit
	if res, ok := askHeadcountWords(ix, words, "", question, b, limit, opts); ok {
		return res, true, nil
	}
	// "... will the factory employ?": the verb of the amount, which says
	// what the people do, is no relation of the question's names; the
	// evidence must say it.
	last := words[len(words)-1]
	rest := words[:len(words)-1]
	if len(rest) > 4 && rest[len(rest)-1].lower == "to" {
		rest = rest[:len(rest)-1]
	}
	if last.text != last.lower || !headcountVerb(last) {
		return nil, false, nil
	}
	if res, ok := askHeadcountWords(ix, rest, last.lower, question, b, limit, opts); ok {
		return res, true, nil
	}
	return nil, false, nil
}

// askHeadcountWords asks the words of a headcount question (see
// askHeadcount), with verb, when set, a word the answer's evidence must
// say; false when they are not understood or nothing answers.
func askHeadcountWords(ix *index.Index, words []word, verb, question string, b *budget.Budget, limit int, opts pattern.Options) (*Result, bool) {
	q, err := compile(ix, slices.Clone(words), opts)
	if err != nil || q.Count || q.Measure || len(q.AmountUnits) == 0 && !slices.ContainsFunc(q.Pattern.GetQualifiers(), func(qc *pb.QualifierClause) bool {
		return qc.GetField() == pb.QualifierField_QUALIFIER_FIELD_QUANTITY && slices.Contains(q.AnswerVars, qc.GetVariable())
	}) {
		return nil, false
	}
	if verb != "" {
		q.Said, q.saidHeads = append(slices.Clone(q.Said), verb), append(slices.Clone(q.saidHeads), "")
		q.Understood = append(slices.Clone(q.Understood), fmt.Sprintf("%q = a word the answer's evidence must say", verb))
	}
	res, err := answer(ix, q, question, b, limit, opts)
	if err != nil || len(res.Answers) == 0 {
		return nil, false
	}
	return res, true
}

// answer runs a compiled question (see [Ask]).
func answer(ix *index.Index, q *Question, question string, b *budget.Budget, limit int, opts pattern.Options) (*Result, error) {
	if q.KindUnder != nil {
		res := kindAnswers(ix, q)
		res.trim(limit)
		return res, nil
	}
	if q.Describes {
		return describeAnswer(ix, q), nil
	}
	if q.Absent != nil {
		return absentAnswer(ix, q, b)
	}
	// A question that counts, filters or orders its answers looks at every
	// one of them ("Where did Chey Tae-won first propose the alliance?" must
	// not take the earliest of the first limit found), then returns the
	// first limit; another gathers one more than the limit, so that
	// Result.More can say whether answers were left out.
	gather := limit + 1
	all := q.Count || q.YesNo || q.Order != 0 || len(q.Dates) > 0 || len(q.Besides) > 0 || len(q.Choices) > 0 || len(q.AmountUnits) > 0 || q.Expect > 0 || q.Total
	if all {
		gather = maxSolutions
	}
	answers, err := Answers(ix, q, b, gather)
	if err != nil {
		return nil, err
	}
	if q, err = boundYears(ix, q, answers); err != nil {
		return nil, err
	}
	if q.Duration != "" {
		// "How long will the partnership last?": a duration among the
		// relation's quantities ("five-year", "four-month") says it
		// better than its time, the span it held; without one, the time.
		if dq := asDuration(ix, q, opts); dq != nil {
			more, err := Answers(ix, dq, b, gather)
			if err != nil {
				return nil, err
			}
			if slices.ContainsFunc(more, func(a Answer) bool { return amountsFit(ix, dq, a) }) {
				q, answers = dq, more
			}
		}
	}
	if len(answers) == 0 {
		// "Which industry did Samsung and Sony dominate?": the graph may
		// say it of a relation they take part in, their partnership.
		if through := throughRelation(ix, q, opts); through != nil {
			more, err := Answers(ix, through, b, gather)
			if err != nil {
				return nil, err
			}
			if len(more) > 0 {
				q, answers = through, more
			}
		}
	}
	if len(answers) == 0 && !q.YesNo {
		// "Which Maine-based company will supply the turbines?": the
		// graph says Halcyon is based in Portland, and Portland is in
		// Maine.
		wq, more, err := within(ix, q, b, gather)
		if err != nil {
			return nil, err
		}
		if wq != nil {
			q, answers = wq, more
		}
	}
	if len(answers) == 0 {
		// "How many people will the New Bedford factory employ?": said
		// of the February plan, which a later one replaces.
		sq, more, err := supersededQualifier(ix, q, b, gather)
		if err != nil {
			return nil, err
		}
		if sq != nil {
			q, answers = sq, more
		}
	}
	st := statusReader{ix: ix, q: q, asIs: asIs(q, question), future: asksAboutFuture(question) && !q.named}
	if q.YesNo {
		if v, deciding := st.verdict(answers); v == pb.Verdict_VERDICT_UNKNOWN && len(deciding) == 0 {
			// "Is Halcyon based in Maine?"
			wq, more, err := within(ix, q, b, gather)
			if err != nil {
				return nil, err
			}
			if wq != nil {
				if wv, _ := (statusReader{ix: ix, q: wq, asIs: st.asIs, future: st.future}).verdict(more); wv == pb.Verdict_VERDICT_YES {
					q, answers, st.q = wq, more, wq
				}
			}
		}
	}
	res := &Result{Question: q, Interpretation: Interpretation(ix, q), Text: pattern.Format(q.Pattern)}
	if q.YesNo {
		res.Verdict, res.Deciding = st.verdict(answers)
		if res.Verdict == pb.Verdict_VERDICT_UNKNOWN && len(res.Deciding) == 0 {
			// "Has Massachusetts withdrawn its $38 million support
			// package?": the relation the question names, whatever its
			// status, has another.
			other, err := st.otherStatusOf(b, opts)
			if err != nil {
				return nil, err
			}
			if len(other) > 0 {
				res.Verdict, res.Deciding = pb.Verdict_VERDICT_NO, other
			}
		}
		if res.Verdict == pb.Verdict_VERDICT_NO && slices.Contains(askedStatuses(q.Pattern), pb.RelationStatus_RELATION_STATUS_ENDED) &&
			len(res.Deciding) > 0 && !slices.ContainsFunc(res.Deciding, func(r index.Rel) bool { return !endsRelation[ix.RelationStatus(r)] }) {
			// "Has the fight between Norvane and Halcyon ended?": a suit
			// withdrawn has ended, which its status does not say.
			res.Verdict, res.Deciding = pb.Verdict_VERDICT_UNKNOWN, nil
		}
		if res.Verdict == pb.Verdict_VERDICT_UNKNOWN && len(res.Deciding) == 0 && q.Order != 0 && len(q.Said) == 0 && len(q.Settings) == 0 {
			// "Is it true that Chey first proposed the alliance on May
			// 8?": the relation the order word picks says another date
			// (April 22), or another place of the same kind.
			picked, err := st.orderPicked(b)
			if err != nil {
				return nil, err
			}
			if len(picked) == 1 && st.contradicted(picked[0]) {
				res.Verdict, res.Deciding = pb.Verdict_VERDICT_NO, picked
			}
		}
		if res.Verdict == pb.Verdict_VERDICT_YES && q.Order != 0 {
			// "Did Chey propose the alliance for the first time in
			// Seoul?": the relation that decided Yes must be the one the
			// order word picks among all the question's relations, its
			// time, place and other settings aside; otherwise the graph
			// does not say.
			picked, err := st.orderPicked(b)
			if err != nil {
				return nil, err
			}
			if !slices.ContainsFunc(res.Deciding, func(r index.Rel) bool { return slices.Contains(picked, r) }) {
				res.Verdict, res.Deciding = pb.Verdict_VERDICT_UNKNOWN, nil
				if len(picked) == 1 && len(q.Settings) == 0 && st.contradicted(picked[0]) {
					// The first was on April 22, not May 8. (With a
					// setting, "first" may be the first there: "first
					// ... in front of Lee Jae-myung".)
					res.Verdict, res.Deciding = pb.Verdict_VERDICT_NO, picked
				}
			} else {
				res.Deciding = slices.DeleteFunc(res.Deciding, func(r index.Rel) bool { return !slices.Contains(picked, r) })
				answers = slices.DeleteFunc(answers, func(a Answer) bool {
					return !slices.ContainsFunc(mainRels(q, a), func(r index.Rel) bool { return slices.Contains(picked, r) })
				})
			}
		}
		if q.AbsentSetting != nil {
			// "Did Chey make his May 8 proposal in Tokyo?" No: in
			// Seoul.
			res.Verdict, res.Deciding = absentSettingVerdict(ix, q, res.Verdict, res.Deciding)
		}
		if len(q.Said) > 0 && res.Verdict != pb.Verdict_VERDICT_YES {
			// "Did Trump announce a breakthrough deal on May 9?": a word
			// the evidence must say is no ground for No, which comes from
			// relations that need not say it.
			res.Verdict, res.Deciding = pb.Verdict_VERDICT_UNKNOWN, nil
		}
		if res.Verdict == pb.Verdict_VERDICT_YES && !q.Negated {
			res.Answers = answers
			res.trim(limit)
		}
		if q.Negated {
			res.Verdict = negate(res.Verdict)
		}
		return res, nil
	}
	if q.Negated {
		// "Of Samsung and SK, which one was not ranked No. 1?": the
		// choices of which the graph says No.
		for _, c := range q.Choices {
			cq, err := bindAnswer(ix, q, c, opts)
			if err != nil {
				return nil, err
			}
			cans, err := Answers(ix, cq, b, gather)
			if err != nil {
				return nil, err
			}
			v, deciding := statusReader{ix: ix, q: cq, asIs: st.asIs, future: st.future}.verdict(cans)
			if v != pb.Verdict_VERDICT_NO {
				continue
			}
			a := Answer{Vars: q.AnswerVars, Nodes: []index.Node{c}, Rels: deciding}
			a.Sentence = fmt.Sprintf("?%s = %s — because %s", q.AnswerVars[0], ix.Label(c), summaries(ix, deciding))
			res.Answers = append(res.Answers, a)
		}
		return res, nil
	}
	res.Answers, res.Deciding = st.happened(ix, answers)
	if !all && len(answers) == gather && len(res.Answers) <= limit {
		// Answers that did not happen were dropped from a gathering cut
		// at the limit: gather them all, so that neither Answers nor More
		// falls short.
		if answers, err = Answers(ix, q, b, maxSolutions); err != nil {
			return nil, err
		}
		res.Answers, res.Deciding = st.happened(ix, answers)
	}
	if len(q.Besides) > 0 {
		res.Answers = slices.DeleteFunc(res.Answers, func(a Answer) bool { return len(a.Nodes) > 0 && slices.Contains(q.Besides, a.Nodes[0]) })
	}
	if len(q.Choices) > 0 {
		res.Answers = slices.DeleteFunc(res.Answers, func(a Answer) bool { return len(a.Nodes) == 0 || !slices.Contains(q.Choices, a.Nodes[0]) })
	}
	if q.Compare.field != 0 {
		all := res.Answers
		res.Answers = compared(ix, q, res.Answers)
		if q.Claimed {
			return claimVerdict(ix, q, res, all), nil
		}
	}
	if len(q.AmountUnits) > 0 {
		res.Answers = slices.DeleteFunc(res.Answers, func(a Answer) bool { return !amountsFit(ix, q, a) })
	}
	if len(q.PlaceNouns) > 0 {
		res.Answers = slices.DeleteFunc(res.Answers, func(a Answer) bool { return !placeSays(ix, q, a) })
	}
	if q.When != "" {
		// "When did Okafor announce the stake sale?": a relation the
		// graph gives no time for does not say when.
		res.Answers = slices.DeleteFunc(res.Answers, func(a Answer) bool { return !timed(ix, a, q.When) })
		if q.WhenEnded {
			// "When was the lawsuit dropped?": a time without an end does
			// not say when it stopped.
			res.Answers = slices.DeleteFunc(res.Answers, func(a Answer) bool {
				tm, _ := timeOf(ix, a, q.When)
				return tm.GetEnd() == ""
			})
		}
	}
	if q.Order != 0 {
		// "Which politician heard Chey's first proposal?": the first of
		// his proposals, not of those a politician heard.
		ranked := res.Answers
		if rq := unconstrained(ix, q); rq != nil {
			more, err := Answers(ix, rq, b, maxSolutions)
			if err != nil {
				return nil, err
			}
			ranked, _ = st.happened(ix, more)
		}
		res.Answers = keepRelations(q, res.Answers, inOrder(ix, q, ranked))
	}
	if party, ok := unnamedParty(q); ok && len(q.AmountUnits) > 0 && len(res.Answers) > 1 && partiesDiffer(q, res.Answers, party) {
		// "How much is the Gannet Bank financing package?": the graph
		// gives each investor's part, not the package's total.
		return nil, &NotUnderstoodError{Understood: q.Understood, Reason: fmt.Sprintf(
			"it asks for the amount of a relation whose party it does not name, and the graph gives one for each of several parties (%s), "+
				"no total; name the party (\"How much did ... commit?\")", candidates(ix, res.Answers))}
	}
	if q.Measure && len(res.Answers) > 1 {
		// "How much is Gannet Bank?": several amounts, of several
		// relations, and nothing says which.
		return nil, &NotUnderstoodError{Understood: q.Understood, Reason: fmt.Sprintf(
			"it asks for an amount by no relation word, and the graph gives %s; say whose amount it asks for with a relation word (\"How much did ... invest?\")",
			candidates(ix, res.Answers))}
	}
	if q.Another != "" && len(q.Besides) == 0 && len(res.Answers) > 0 {
		// "Which organization does Chey Tae-won also head?": one of the
		// answers is the one the asker knows, and which one is not said.
		return nil, &NotUnderstoodError{Understood: q.Understood, Reason: fmt.Sprintf(
			"%q asks for another answer than one the question takes as known without naming it, and the graph has %s; "+
				"ask without %q for them all, or name the one known (\"..., besides %s?\")",
			q.Another, candidates(ix, res.Answers), q.Another, answerLabel(ix, res.Answers[0]))}
	}
	if q.Total && len(res.Answers) > 0 {
		// "How much have MHIP and the pension fund committed together?"
		total, err := totalOf(ix, q, res.Answers)
		if err != nil {
			return nil, err
		}
		res.Answers = []Answer{total}
	}
	if q.Expect > 0 && len(res.Answers) > 0 && len(res.Answers) != q.Expect {
		// "Which two countries ...?" of three, or one: the question's
		// premise is not the graph's.
		return nil, &NotUnderstoodError{Understood: q.Understood, Reason: fmt.Sprintf(
			"it expects %d answers, and the graph has %s", q.Expect, candidates(ix, res.Answers))}
	}
	if q.Count {
		res.Count = len(res.Answers)
	}
	res.trim(limit)
	return res, nil
}

// placeSays reports whether the place of each of answer a's main
// relations says every noun of q.PlaceNouns in its text.
func placeSays(ix *index.Index, q *Question, a Answer) bool {
	rels := mainRels(q, a)
	for _, r := range rels {
		tokens := quoteTokens(ix.Qualifiers(r).GetPlace().GetText())
		for _, n := range q.PlaceNouns {
			if !slices.ContainsFunc(tokens, func(t string) bool { return sameWord(t, n) }) {
				return false
			}
		}
	}
	return len(rels) > 0
}

// endsRelation are the statuses after which a relation no longer holds,
// as one ended has: "Did the fight end?" is no No of a suit withdrawn.
var endsRelation = map[pb.RelationStatus]bool{pb.RelationStatus_RELATION_STATUS_WITHDRAWN: true, pb.RelationStatus_RELATION_STATUS_COMPLETED: true,
	pb.RelationStatus_RELATION_STATUS_FAILED: true}

// orderPicked returns the main relations the order word of yes/no
// question st.q picks among all of them, its dates and settings aside
// (see ranking).
func (st statusReader) orderPicked(b *budget.Budget) ([]index.Rel, error) {
	rq := ranking(st.ix, st.q)
	ranked, err := Answers(st.ix, rq, b, maxSolutions)
	if err != nil {
		return nil, err
	}
	ranked, _ = statusReader{ix: st.ix, q: rq, asIs: st.asIs, future: st.future}.happened(st.ix, ranked)
	var picked []index.Rel
	for _, a := range inOrder(st.ix, rq, ranked) {
		picked = append(picked, mainRels(rq, a)...)
	}
	return picked, nil
}

// claimVerdict turns the result of "Is A ranked higher than B?", read as
// "Which ranked higher, A or B?", into a verdict: YES when A is the one
// kept, NO when B is, UNKNOWN when the graph cannot tell; the relations
// of both choices decide it.
func claimVerdict(ix *index.Index, q *Question, res *Result, all []Answer) *Result {
	res.Verdict = pb.Verdict_VERDICT_UNKNOWN
	if len(res.Answers) == 1 {
		res.Verdict = pb.Verdict_VERDICT_NO
		if res.Answers[0].Nodes[0] == q.Choices[0] {
			res.Verdict = pb.Verdict_VERDICT_YES
		}
		for _, a := range all {
			for _, r := range mainRels(q, a) {
				if !slices.Contains(res.Deciding, r) {
					res.Deciding = append(res.Deciding, r)
				}
			}
		}
	}
	res.Answers = nil
	q.YesNo = true
	res.Interpretation = fmt.Sprintf("Check whether, of %s and %s, %s is the one kept: %s", ix.Label(q.Choices[0]), ix.Label(q.Choices[1]), ix.Label(q.Choices[0]), res.Interpretation)
	return res
}

// compared keeps, of answers to a question that compares its choices,
// the one choice's whose main relation's qualifier is the most or the
// least (see Question.Compare). Every choice must have one value, ranks
// and amounts of relations with one object, amounts in one unit, and the
// best must be alone; otherwise the graph cannot tell, and none is kept.
func compared(ix *index.Index, q *Question, answers []Answer) []Answer {
	value := map[index.Node]float64{}
	unit, object := "", ""
	best := map[index.Node]Answer{}
	for _, a := range answers {
		for _, r := range mainRels(q, a) {
			qs := ix.Qualifiers(r)
			// Ranks and amounts compare in one ranking, of one thing:
			// Kioxia's and SK's ranks among NAND flash producers.
			if o := ix.RelationAt(r).GetObject(); q.Compare.field != pb.QualifierField_QUALIFIER_FIELD_TIME {
				if object != "" && o != object {
					return nil
				}
				object = o
			}
			var v float64
			switch q.Compare.field {
			case pb.QualifierField_QUALIFIER_FIELD_RANK:
				if qs.GetRank().GetPosition() <= 0 {
					continue
				}
				v = float64(qs.GetRank().GetPosition())
			case pb.QualifierField_QUALIFIER_FIELD_QUANTITY:
				if len(qs.GetQuantities()) != 1 {
					return nil
				}
				amount, err := strconv.ParseFloat(qs.GetQuantities()[0].GetAmount(), 64)
				if err != nil || unit != "" && qs.GetQuantities()[0].GetUnit() != unit {
					return nil
				}
				v, unit = amount, qs.GetQuantities()[0].GetUnit()
			case pb.QualifierField_QUALIFIER_FIELD_TIME:
				sp := timespan.Of(qs.GetTime())
				if !sp.OK {
					continue
				}
				v = float64(sp.Lo)
			}
			c := a.Nodes[0]
			if old, ok := value[c]; ok && old != v {
				return nil // two values for one choice
			}
			value[c], best[c] = v, a
		}
	}
	var win index.Node
	found, tie := false, false
	for _, c := range q.Choices {
		v, ok := value[c]
		if !ok {
			return nil
		}
		switch w := value[win]; {
		case !found:
			win, found = c, true
		case float64(q.Compare.best)*(v-w) > 0:
			win, tie = c, false
		case v == w:
			tie = true
		}
	}
	if !found || tie {
		return nil
	}
	return []Answer{best[win]}
}

// timed reports whether answer a binds variable v to a relation with a
// time.
func timed(ix *index.Index, a Answer, v string) bool {
	tm, ok := timeOf(ix, a, v)
	return !ok || tm.GetText() != "" || tm.GetStart() != ""
}

// timeOf returns the time of the relation variable v binds in a, or false
// when v binds no relation there.
func timeOf(ix *index.Index, a Answer, v string) (*pb.TimeSpan, bool) {
	k := slices.Index(a.Vars, v)
	if k < 0 {
		return nil, false
	}
	r, ok := ix.NodeRelation(a.Nodes[k])
	if !ok {
		return nil, false
	}
	return ix.Qualifiers(r).GetTime(), true
}

// trim keeps the first limit answers and sets More when there were more.
func (res *Result) trim(limit int) {
	if len(res.Answers) > limit {
		res.Answers, res.More = res.Answers[:limit], true
	}
}

// inOrder keeps, for a question that asks for the first or the last
// ("Where did Chey Tae-won first propose the alliance?"), the answers whose
// main relation holds earliest (or latest). Times compare by the span of
// days their text gives; when one of the answers has no time, or two
// spans overlap at the end sought, the graph cannot tell, and none is
// kept.
func inOrder(ix *index.Index, q *Question, answers []Answer) []Answer {
	if n := -q.Order; n > 1 {
		return nthInTime(ix, q, answers, n)
	}
	type timed struct {
		a    Answer
		span timespan.Span
	}
	var all []timed
	for _, a := range answers {
		var span timespan.Span
		// A question whose relation is its noun's ("What was Chey's first
		// proposal?") has no main triple but that one.
		for _, r := range mainRels(q, a) {
			sp := timespan.Of(ix.Qualifiers(r).GetTime())
			if !sp.OK {
				return nil
			}
			if !span.OK || q.Order < 0 && sp.Lo < span.Lo || q.Order > 0 && sp.Hi > span.Hi {
				span = sp
			}
		}
		if !span.OK {
			return nil
		}
		all = append(all, timed{a, span})
	}
	if len(all) == 0 {
		return nil
	}
	best := 0
	for i, t := range all {
		if q.Order < 0 && t.span.Lo < all[best].span.Lo || q.Order > 0 && t.span.Hi > all[best].span.Hi {
			best = i
		}
	}
	for i, t := range all {
		if i != best && t.span.Overlaps(all[best].span) {
			return nil
		}
	}
	return []Answer{all[best].a}
}

// nthInTime keeps, for "Chey's second proposal", the answers of the nth
// of the question's relations in time, when every one has a time and no
// two overlap: relations are ranked, not answers, since one answer may
// have several.
func nthInTime(ix *index.Index, q *Question, answers []Answer, n int) []Answer {
	type timed struct {
		r    index.Rel
		span timespan.Span
	}
	var rels []timed
	for _, a := range answers {
		for _, r := range mainRels(q, a) {
			if slices.ContainsFunc(rels, func(t timed) bool { return t.r == r }) {
				continue
			}
			sp := timespan.Of(ix.Qualifiers(r).GetTime())
			if !sp.OK {
				return nil
			}
			rels = append(rels, timed{r, sp})
		}
	}
	slices.SortFunc(rels, func(a, b timed) int { return cmp.Compare(a.span.Lo, b.span.Lo) })
	for i := 1; i < len(rels); i++ {
		if rels[i].span.Overlaps(rels[i-1].span) {
			return nil
		}
	}
	if n > len(rels) {
		return nil
	}
	nth := rels[n-1].r
	return slices.DeleteFunc(slices.Clone(answers), func(a Answer) bool { return !slices.Contains(mainRels(q, a), nth) })
}

// unconstrained returns q without the type and kind constraints on its
// answer variables and without the words its evidence must say, or nil
// when it has neither: the relations an order word ranks are all those of
// the question's relation, whatever answers them.
func unconstrained(ix *index.Index, q *Question) *Question {
	pat := proto.CloneOf(q.Pattern)
	pat.Constraints = slices.DeleteFunc(pat.Constraints, func(c *pb.Constraint) bool {
		return slices.Contains(q.AnswerVars, c.GetVariable()) && (c.GetType() != "" || c.GetKinds() != nil)
	})
	if len(pat.Constraints) == len(q.Pattern.GetConstraints()) && len(q.Said) == 0 {
		return nil
	}
	return recompiled(ix, q, pat)
}

// ranking returns the question an order word of yes/no question q ranks
// the relations of: its main triples alone, without its qualifier
// clauses, settings, dates and the words its evidence must say.
func ranking(ix *index.Index, q *Question) *Question {
	pat := proto.CloneOf(q.Pattern)
	pat.Triples, pat.Qualifiers, pat.Participations = pat.Triples[:min(max(q.Mains, 1), len(pat.Triples))], nil, nil
	used := usedVariables(pat)
	pat.Constraints = slices.DeleteFunc(pat.Constraints, func(c *pb.Constraint) bool { return !used[c.GetVariable()] })
	rq := recompiled(ix, q, pat)
	if rq == nil {
		return q
	}
	rq.Settings, rq.Dates, rq.Manners = nil, nil, nil
	return rq
}

// recompiled returns q with pattern pat, compiled with q's options, and
// without the words its evidence must say; nil when pat does not compile.
func recompiled(ix *index.Index, q *Question, pat *pb.Pattern) *Question {
	compiled, err := pattern.Compile(ix, pat, q.opts)
	if err != nil {
		return nil
	}
	uq := *q
	uq.Pattern, uq.Query, uq.Said, uq.saidHeads = pat, compiled, nil, nil
	return &uq
}

// keepRelations keeps the answers whose main relations include one of
// chosen's: the answer an order word chose among all the question's
// relations, if it answers the question as asked.
func keepRelations(q *Question, answers, chosen []Answer) []Answer {
	var rels []index.Rel
	for _, c := range chosen {
		rels = append(rels, mainRels(q, c)...)
	}
	return slices.DeleteFunc(slices.Clone(answers), func(a Answer) bool {
		return !slices.ContainsFunc(mainRels(q, a), func(r index.Rel) bool { return slices.Contains(rels, r) })
	})
}

// mainRels are the relations of an answer's solutions that are the
// question's relation itself (see Question.Mains), or the first of each
// when it has no main triple.
func mainRels(q *Question, a Answer) []index.Rel {
	var out []index.Rel
	for _, s := range a.Solutions {
		for _, r := range s.Rels[:min(max(q.Mains, 1), len(s.Rels))] {
			if r != pattern.NoRel && !slices.Contains(out, r) {
				out = append(out, r)
			}
		}
	}
	return out
}

// supersededQualifier answers a question that asks for a qualifier no
// statement of the best rank has from a statement a later one replaces
// that has it: "How many people will the New Bedford factory employ?" is
// answered by the February plan's "about 600 people", which June's plan
// to open in 2028 replaces and says nothing of people. A statement
// answers only when each hidden relation of its answer has a replacement,
// a preferred statement of the same subject, predicate and object, that
// lacks every field asked: a replacement that gives the field, or a
// statement deprecated with none, says the value may be wrong. Each
// answer's sentence says so. It returns the question read over every
// rank and those answers, or nil.
func supersededQualifier(ix *index.Index, q *Question, b *budget.Budget, limit int) (*Question, []Answer, error) {
	if q.opts.AllRanks || q.YesNo || q.Count || q.Query == nil {
		return nil, nil, nil
	}
	var fields []pb.QualifierField
	for _, qc := range q.Pattern.GetQualifiers() {
		if slices.Contains(q.AnswerVars, qc.GetVariable()) {
			fields = append(fields, qc.GetField())
		}
	}
	if len(fields) == 0 {
		return nil, nil, nil
	}
	aq := *q
	aq.opts.AllRanks = true
	var err error
	if aq.Query, err = pattern.Compile(ix, q.Pattern, aq.opts); err != nil {
		return nil, nil, nil
	}
	answers, err := Answers(ix, &aq, b, limit)
	if err != nil {
		return nil, nil, err
	}
	replacement := func(r index.Rel) (index.Rel, bool) {
		s, o := ix.Ends(r)
		for _, other := range ix.Out(s) {
			if other == r || ix.Predicate(other) != ix.Predicate(r) || ix.Rank(other) != pb.StatementRank_STATEMENT_RANK_PREFERRED {
				continue
			}
			if _, o2 := ix.Ends(other); o2 != o {
				continue
			}
			if slices.ContainsFunc(fields, func(f pb.QualifierField) bool { return pattern.HasQualifier(ix, other, f) }) {
				return 0, false
			}
			return other, true
		}
		return 0, false
	}
	var kept []Answer
	for _, a := range answers {
		var by []index.Rel
		ok := true
		for _, r := range a.Rels {
			if !ix.Hidden(r) {
				continue
			}
			repl, found := replacement(r)
			if !found {
				ok = false
				break
			}
			by = append(by, repl)
		}
		if !ok || len(by) == 0 {
			continue
		}
		a.Sentence += " (from a statement since replaced by " + summaries(ix, by) + ", which does not say it)"
		kept = append(kept, a)
	}
	if len(kept) == 0 {
		return nil, nil, nil
	}
	return &aq, kept, nil
}

// maxCandidates bounds the answers a refusal names.
const maxCandidates = 5

// candidates names answers for a refusal: "2: Samsung Electronics, SK
// Group", at most maxCandidates of them.
func candidates(ix *index.Index, answers []Answer) string {
	names := make([]string, 0, min(len(answers), maxCandidates))
	for _, a := range answers[:min(len(answers), maxCandidates)] {
		names = append(names, answerLabel(ix, a))
	}
	out := fmt.Sprintf("%d: %s", len(answers), strings.Join(names, ", "))
	if len(answers) > maxCandidates {
		out += ", ..."
	}
	return out
}

// answerLabel names an answer's values: labels, and literals as written.
func answerLabel(ix *index.Index, a Answer) string {
	vals := make([]string, len(a.Nodes))
	for i, n := range a.Nodes {
		if pattern.IsLiteral(n) {
			vals[i] = a.Literal(n)
		} else {
			vals[i] = ix.Label(n)
		}
	}
	return strings.Join(vals, ", ")
}

// CountSentence says a how-many question's answer: "2: Samsung
// Electronics, SK Group".
func CountSentence(ix *index.Index, res *Result) string {
	var names []string
	for _, a := range res.Answers {
		if len(a.Nodes) > 0 {
			names = append(names, answerLabel(ix, a))
		}
	}
	out := strconv.Itoa(res.Count)
	if res.Count == 0 && len(res.Deciding) > 0 {
		return out + " (the graph says only " + summaries(ix, res.Deciding) + ")"
	}
	if len(names) > 0 {
		out += ": " + strings.Join(names, ", ")
		if len(res.Answers) < res.Count {
			out += fmt.Sprintf(", and %d more", res.Count-len(res.Answers))
		}
	}
	return out
}

// statusReader reads what a relation's status says of a question's
// answers: a relation that failed did not happen ("Did Western Digital
// acquire Kioxia?" No; "Who acquired Kioxia?" nobody), one only proposed,
// planned or attempted may not have — unless the question itself asks
// about an attempt or a possibility ("Did Western Digital try to buy
// Kioxia?", "Who would ally with Japan?") or names a status of its
// relation ("Which bid failed?"), when each holds as matched.
type statusReader struct {
	ix   *index.Index
	q    *Question
	asIs bool
	// future is set for a question about what is to come ("will",
	// "going to"): see solution.
	future bool
}

// asIs reports whether a question asks about attempts or names a status
// of its own relation, or names its relation by a noun without a verb
// that asks whether it happened ("Has the factory opened?"), so that its
// matches hold whatever their status.
func asIs(q *Question, question string) bool {
	mainVars := map[string]bool{}
	for _, t := range q.Pattern.GetTriples()[:min(q.Mains, len(q.Pattern.GetTriples()))] {
		if v := t.GetRelationVariable(); v != "" {
			mainVars[v] = true
		}
	}
	// "Why was the factory opened?": a past occurrence of a relation
	// only planned did not happen, whatever its noun.
	return q.named && !(q.occurs && (q.YesNo || pastAsked(question))) || asksAboutAttempt(question) || slices.ContainsFunc(q.Pattern.GetConstraints(), func(c *pb.Constraint) bool {
		_, status := c.GetTest().(*pb.Constraint_RelationStatus)
		return status && mainVars[c.GetVariable()]
	})
}

// solution reads a solution's main relations (the question's own, not
// those of its nouns): whether they all hold, and those that did not
// happen or only may have.
//
// A question whose relational noun names titles ("Who is the chairman of
// Kittiwake?") holds only for relations whose role holds one and is no
// vice, deputy or co- post: a leader of another title is not an answer,
// nor one whose role is not given.
//
// For a yes/no question, a relation whose own time or place is another
// than the one asked ("Did Chey propose the alliance on April 22?" of a
// proposal made on May 8) is returned in contra: the graph says when and
// where it happened, and it was not then or there.
func (st statusReader) solution(s pattern.Solution) (holds bool, no, unknown, contra []index.Rel) {
	// A relational noun's title ("the chairman of SK Group" inside a
	// question, see Question.NounTitles) holds as the question's own does.
	for v, titles := range st.q.NounTitles {
		k := slices.Index(st.q.Query.Vars(), v)
		if k < 0 || k >= len(s.Nodes) {
			continue
		}
		if r, ok := st.ix.NodeRelation(s.Nodes[k]); ok {
			if role := st.ix.Qualifiers(r).GetRole(); !holdsTitle(role, titles) || secondaryTitle(role) {
				return false, nil, nil, nil
			}
		}
	}
	// A relation noun's date ("the May 8 proposal", see
	// Question.NounDates) must be its relation's time.
	for v, dates := range st.q.NounDates {
		k := slices.Index(st.q.Query.Vars(), v)
		if k < 0 || k >= len(s.Nodes) {
			continue
		}
		if r, ok := st.ix.NodeRelation(s.Nodes[k]); ok {
			for _, d := range dates {
				if !d.Holds(st.ix.Qualifiers(r).GetTime().GetStart()) {
					return false, nil, nil, nil
				}
			}
		}
	}
	holds = true
	for _, r := range s.Rels[:min(st.q.Mains, len(s.Rels))] {
		if r == pattern.NoRel {
			continue
		}
		if role := st.ix.Qualifiers(r).GetRole(); len(st.q.Titles) > 0 && (!holdsTitle(role, st.q.Titles) || secondaryTitle(role)) {
			holds = false
			continue
		}
		if !st.onDates(r) || !st.inSettings(r) || !st.inManner(r) {
			holds = false
			if st.q.YesNo && st.contradicted(r) {
				contra = append(contra, r)
			}
			continue
		}
		if st.q.YesNo && !st.q.modal && hypothetical(st.ix.Vocabulary().Predicate(st.ix.Predicate(r))) {
			// "Did the alliance ease tensions?": the graph says only
			// that it could.
			holds, unknown = false, append(unknown, r)
			continue
		}
		if st.q.YesNo && st.opposedManner(r) {
			// "Did Samsung coordinate against the bid publicly?" No: quietly.
			holds, no = false, append(no, r)
			continue
		}
		if !st.hasAmounts(r, &no) {
			holds = false
			continue
		}
		// A relation ranks once in its scope: another position is a no.
		if pos := st.ix.Qualifiers(r).GetRank().GetPosition(); st.q.Ranked && pos == 0 || st.q.Rank > 0 && pos != st.q.Rank {
			holds = false
			if pos > 0 {
				no = append(no, r)
			}
			continue
		}
		if st.asIs {
			// "Will Western Digital acquire Kioxia?", "Is Norvane going
			// to sue Halcyon?": of what is to come, a bid that failed, a
			// suit withdrawn or a deal completed says nothing, unless
			// the question asks for that status ("Will Norvane drop its
			// suit?").
			if status := st.ix.RelationStatus(r); st.future && futureUnknown[status] && !slices.Contains(askedStatuses(st.q.Pattern), status) {
				holds, unknown = false, append(unknown, r)
			}
			continue
		}
		// A withdrawn or ended relation happened (a suit filed, then
		// dropped; a post held, then left): it holds, and its summary
		// says the rest, except of now.
		switch status := st.ix.RelationStatus(r); status {
		case pb.RelationStatus_RELATION_STATUS_WITHDRAWN, pb.RelationStatus_RELATION_STATUS_ENDED:
			// In the present tense, without a date, it asks what holds
			// now: "Is Norvane (still) suing Halcyon?" is No of a suit
			// dropped, unless it asks for that status ("Is the suit
			// dropped?").
			if st.q.YesNo && st.q.Present && len(st.q.Dates) == 0 && !slices.Contains(askedStatuses(st.q.Pattern), status) {
				holds, no = false, append(no, r)
			}
		case pb.RelationStatus_RELATION_STATUS_FAILED:
			holds, no = false, append(no, r)
		case pb.RelationStatus_RELATION_STATUS_ANNOUNCED:
			// "Has Aldermoor bought the stake?": a deal agreed, not done.
			if st.q.YesNo && st.q.occurs {
				holds, unknown = false, append(unknown, r)
			}
		case pb.RelationStatus_RELATION_STATUS_PROPOSED, pb.RelationStatus_RELATION_STATUS_PLANNED, pb.RelationStatus_RELATION_STATUS_ATTEMPTED:
			holds, unknown = false, append(unknown, r)
		}
	}
	return holds, no, unknown, contra
}

// pastAsked reports whether a question's auxiliary, among its first
// three words, is in the past: "Why was", "When did".
func pastAsked(question string) bool {
	ws := strings.Fields(strings.ToLower(question))
	return slices.ContainsFunc(ws[:min(3, len(ws))], func(w string) bool { return w == "was" || w == "were" || w == "did" || w == "had" })
}

// contradicted reports whether relation r's own time or place is another
// than one the question names: for a relation that happens at a time (see
// happensAt), a time of one day, month or year that differs in a part
// both give ("April 22" and "May 8"; "2025-02" and "in 2027"), or a span
// whose years all lie outside the year or decade asked; or a place entity
// of the same kind as the one asked but another (Seoul, not Tokyo). A
// relation that does not say, or says it less precisely, is not
// contradicted: a time of "2025" neither holds nor contradicts "on May
// 8", a city does not contradict its country, and a post held "from April
// 1" is not contradicted by a later year. Nor is a manner, but for a noun
// of manner the relation's stated manner does not say.
func (st statusReader) contradicted(r index.Rel) bool {
	q := st.ix.Qualifiers(r)
	// "Did lawmakers react with anger?" of a reaction "with a mix of
	// surprise and admiration": a noun of manner that the relation's
	// stated manner does not say. An adverb ("quietly") may have
	// synonyms the manner says instead, and is no contradiction.
	if manner := strings.Fields(strings.ToLower(q.GetManner())); len(manner) > 0 {
		for _, w := range st.q.Manners {
			if !strings.HasSuffix(w, "ly") && isNoun(w) && !slices.ContainsFunc(manner, func(m string) bool { return sameWord(m, w) }) {
				return true
			}
		}
	}
	if t := q.GetTime(); t.GetStart() != "" && happensAt(st.ix, r) {
		for _, d := range st.q.Dates {
			if t.GetEnd() == "" && d.Differs(t.GetStart()) || t.GetEnd() != "" && d.Outside(t.GetStart(), t.GetEnd()) {
				return true
			}
		}
	}
	for _, set := range st.q.Settings {
		if set.Field != pb.QualifierField_QUALIFIER_FIELD_PLACE {
			continue
		}
		place, ok := st.ix.NodeOf(q.GetPlace().GetEntity())
		if !ok || place == set.Node {
			continue
		}
		if shareKind(st.ix, place, set.Node) {
			return true
		}
	}
	return false
}

// shareKind reports whether nodes a and b have a kind in common.
func shareKind(ix *index.Index, a, b index.Node) bool {
	return slices.ContainsFunc(ix.Kinds(a), func(k vocab.KindID) bool { return slices.Contains(ix.Kinds(b), k) })
}

// happensAt reports whether relation r happens at its time rather than
// holds from it: its predicate is one of points in time
// (Predicate.point_in_time), or its status says it happened, failed or
// was planned, proposed, attempted or announced.
func happensAt(ix *index.Index, r index.Rel) bool {
	switch ix.RelationStatus(r) {
	case pb.RelationStatus_RELATION_STATUS_COMPLETED, pb.RelationStatus_RELATION_STATUS_FAILED, pb.RelationStatus_RELATION_STATUS_PLANNED,
		pb.RelationStatus_RELATION_STATUS_PROPOSED, pb.RelationStatus_RELATION_STATUS_ATTEMPTED, pb.RelationStatus_RELATION_STATUS_ANNOUNCED:
		return true
	}
	return ix.Vocabulary().Predicate(ix.Predicate(r)).PointInTime
}

// onDates reports whether relation r's time falls on every date the
// question names; a relation without a time does not.
func (st statusReader) onDates(r index.Rel) bool {
	t := st.ix.Qualifiers(r).GetTime()
	for _, d := range st.q.Dates {
		if !d.Holds(t.GetStart()) {
			return false
		}
		// "in January" of deliveries due "early 2026", January to April:
		// a span of months is not one of them.
		if s, e := t.GetStart(), t.GetEnd(); d.Bound == "" && d.Month > 0 && len(s) >= 7 && len(e) >= 7 && s[:7] != e[:7] {
			return false
		}
	}
	return true
}

// inManner reports whether relation r's manner says every manner the
// question names, as a word of it; a relation without a manner does not.
func (st statusReader) inManner(r index.Rel) bool {
	manner := strings.Fields(strings.ToLower(st.ix.Qualifiers(r).GetManner()))
	for _, m := range st.q.Manners {
		if !slices.Contains(manner, m) {
			return false
		}
	}
	return true
}

// modalAuxWords are the auxiliaries that ask what could or would be, not
// what is.
var modalAuxWords = map[string]bool{"could": true, "would": true, "might": true, "may": true, "can": true, "should": true}

// hypothetical reports whether a predicate says what could or would be
// rather than what is: its reading opens with a modal ("could ease",
// "would need to address"). A yes/no question without a modal
// auxiliary learns nothing from its relations ("Did the alliance ease
// tensions?" is Unknown).
func hypothetical(p *vocab.Predicate) bool {
	f := strings.Fields(p.Reading)
	return len(f) > 0 && modalAuxWords[f[0]]
}

// opposedManners are the manner adverbs a question may skip (see
// ignoreWords), each with the words of a relation's manner that say the
// opposite.
var opposedManners = map[string][]string{
	"publicly": {"quietly", "privately", "secretly", "covertly"},
	"jointly":  {"separately", "alone"},
}

// opposedManner reports whether relation r's manner says the opposite of
// a manner adverb the question skipped: "publicly" of a coordination done
// "quietly".
func (st statusReader) opposedManner(r index.Rel) bool {
	manner := strings.Fields(strings.ToLower(st.ix.Qualifiers(r).GetManner()))
	for _, w := range st.q.Skipped {
		for _, o := range opposedManners[strings.ToLower(w)] {
			if slices.Contains(manner, o) {
				return true
			}
		}
	}
	return false
}

// inSettings reports whether relation r's place and topic name those the
// question names; a relation without them does not.
func (st statusReader) inSettings(r index.Rel) bool {
	if len(st.q.Settings) == 0 {
		return true
	}
	q := st.ix.Qualifiers(r)
	for _, set := range st.q.Settings {
		var name, text string
		switch set.Field {
		case pb.QualifierField_QUALIFIER_FIELD_PLACE:
			name, text = q.GetPlace().GetEntity(), q.GetPlace().GetText()
		case pb.QualifierField_QUALIFIER_FIELD_TOPIC:
			name = q.GetTopic()
		case pb.QualifierField_QUALIFIER_FIELD_AUDIENCE:
			if slices.Contains(q.GetAudience(), st.ix.NodeName(set.Node)) {
				continue
			}
		}
		if name != st.ix.NodeName(set.Node) && !strings.EqualFold(text, st.ix.DisplayName(set.Node)) {
			return false
		}
	}
	return true
}

// hasAmounts reports whether relation r gives every amount the question
// names; when it gives its one quantity in that unit but another amount,
// it is added to no.
func (st statusReader) hasAmounts(r index.Rel, no *[]index.Rel) bool {
	if len(st.q.Amounts) == 0 {
		return true
	}
	qs := st.ix.Qualifiers(r).GetQuantities()
	for _, v := range st.q.Amounts {
		if slices.ContainsFunc(qs, v.Equal) {
			continue
		}
		inUnit := 0
		for _, qt := range qs {
			if qt.GetUnit() == v.Unit {
				inUnit++
			}
		}
		if inUnit == 1 {
			*no = append(*no, r)
		}
		return false
	}
	return true
}

// amountsFit reports whether an answer's amounts are in the units the
// question asks for ("How much": a currency): each amount variable's
// text is a quantity of such a unit on the relation of one of its
// solutions.
func amountsFit(ix *index.Index, q *Question, a Answer) bool {
	for i, v := range a.Vars {
		unit, ok := q.AmountUnits[v]
		if !ok || !pattern.IsLiteral(a.Nodes[i]) {
			continue
		}
		text := a.Literal(a.Nodes[i])
		fits := slices.ContainsFunc(a.Solutions, func(s pattern.Solution) bool {
			if len(s.Rels) == 0 || s.Rels[0] == pattern.NoRel {
				return false
			}
			qs := ix.Qualifiers(s.Rels[0]).GetQuantities()
			// "How big is the Aldermoor stake?": the size of a relation
			// the question names that gives none in a unit of size is its
			// share, in percent; without a share, its one amount of money
			// ("How big is the financing package?").
			share := unit == unitSize && !q.Measure && !slices.ContainsFunc(qs, func(qt *pb.Quantity) bool { return sizeUnits[qt.GetUnit()] })
			percent := slices.ContainsFunc(qs, func(qt *pb.Quantity) bool { return qt.GetUnit() == "percent" })
			money := 0
			for _, qt := range qs {
				if quantity.IsCurrency(qt.GetUnit()) {
					money++
				}
			}
			return slices.ContainsFunc(qs, func(qt *pb.Quantity) bool {
				return qt.GetText() == text && (unitFits(unit, qt.GetUnit()) || share && qt.GetUnit() == "percent" ||
					share && !percent && money == 1 && quantity.IsCurrency(qt.GetUnit()))
			})
		})
		if !fits {
			return false
		}
	}
	return true
}

// holdsTitle reports whether a role holds one of titles as whole words:
// "Chief Executive" holds "chief executive", "Chairman" does not hold
// "chair".
func holdsTitle(role string, titles []string) bool {
	words := strings.FieldsFunc(strings.ToLower(role), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for _, t := range titles {
		tw := strings.Fields(t)
		for i := 0; i+len(tw) <= len(words); i++ {
			if slices.Equal(words[i:i+len(tw)], tw) {
				return true
			}
		}
	}
	return false
}

// decide gives a yes/no question's verdict and the relations that decided
// it. No relation at all is UNKNOWN: the graph is not complete, and its
// silence is not a no.
//
// Relations that happened at another time or place than asked (see
// solution) make it No only when every solution is decided: one whose
// relation gives no time leaves it UNKNOWN, since it may have been then.
func (st statusReader) decide(answers []Answer) (pb.Verdict, []index.Rel) {
	var no, unknown, contra []index.Rel
	undecided := false
	for _, a := range answers {
		for _, s := range a.Solutions {
			holds, n, u, c := st.solution(s)
			if holds {
				return pb.Verdict_VERDICT_YES, distinctRels(s.Rels)
			}
			no, unknown, contra = appendNew(no, n...), appendNew(unknown, u...), appendNew(contra, c...)
			undecided = undecided || len(n)+len(u)+len(c) == 0
		}
	}
	switch {
	case len(no) > 0:
		return pb.Verdict_VERDICT_NO, no
	case len(contra) > 0 && len(unknown) == 0 && !undecided:
		return pb.Verdict_VERDICT_NO, contra
	}
	return pb.Verdict_VERDICT_UNKNOWN, unknown
}

// verdict gives a yes/no question's verdict from its answers and the
// relations that decided it: decide's, or when the graph has no relation
// for it, No from a single-value predicate's other value, the relation's
// other status or a title's other holder (see otherValue, otherStatus and
// otherHolder).
func (st statusReader) verdict(answers []Answer) (pb.Verdict, []index.Rel) {
	v, deciding := st.decide(answers)
	if v == pb.Verdict_VERDICT_UNKNOWN && len(deciding) == 0 {
		other := st.otherValue()
		if len(other) == 0 {
			other = st.otherStatus()
		}
		if len(other) == 0 {
			other = st.otherHolder()
		}
		if len(other) > 0 {
			return pb.Verdict_VERDICT_NO, other
		}
	}
	return v, deciding
}

// negate turns a verdict over for a negated question: what the graph
// states is not not so, and what it states did not happen is not so;
// UNKNOWN stays UNKNOWN.
func negate(v pb.Verdict) pb.Verdict {
	switch v {
	case pb.Verdict_VERDICT_YES:
		return pb.Verdict_VERDICT_NO
	case pb.Verdict_VERDICT_NO:
		return pb.Verdict_VERDICT_YES
	}
	return v
}

// bindAnswer returns the yes/no question that wh-question q asks of one
// of its choices: its answer variable bound to choice c.
func bindAnswer(ix *index.Index, q *Question, c index.Node, opts pattern.Options) (*Question, error) {
	p := proto.Clone(q.Pattern).(*pb.Pattern)
	name := q.AnswerVars[0]
	bind := func(t *pb.Term) {
		if t.GetVariable() == name {
			t.Term = fixed(ix, c).Term
		}
	}
	for _, t := range p.GetTriples() {
		bind(t.GetSubject())
		bind(t.GetObject())
	}
	for _, pt := range p.GetParticipations() {
		bind(pt.GetParticipant())
	}
	p.Constraints = slices.DeleteFunc(p.Constraints, func(c *pb.Constraint) bool { return c.GetVariable() == name })
	if len(p.GetTriples()) == 0 {
		return nil, fmt.Errorf("ask: a question with choices has no relation to ask of them")
	}
	main := p.GetTriples()[0]
	if main.GetRelationVariable() == "" {
		main.RelationVariable = "negated_fact"
	}
	bound := *q
	bound.Pattern, bound.YesNo, bound.Negated, bound.Choices = p, true, false, nil
	bound.AnswerVars = []string{main.GetRelationVariable()}
	var err error
	if bound.Query, err = pattern.Compile(ix, p, opts); err != nil {
		return nil, err
	}
	return &bound, nil
}

// otherValue returns, for a yes/no question the graph has no relation
// for, one main relation between two names by a single-value predicate
// (Predicate.single_value), the relations that give its subject another
// object of the same kind instead: "Is Kioxia based in Korea?" is No,
// because Kioxia is based in Japan. A question that names dates, settings,
// titles or manners, or whose object has no kind, gets none: other relations may
// hold at other times, and kindless objects may contain each other.
func (st statusReader) otherValue() []index.Rel {
	q := st.q
	if len(q.Dates)+len(q.Settings)+len(q.Titles)+len(q.Manners) > 0 {
		return nil
	}
	p, object, rels := st.sameRelations()
	if p == nil || !p.SingleValue || len(st.ix.Kinds(object)) == 0 {
		return nil
	}
	var out []index.Rel
	for _, r := range rels {
		_, other := st.ix.Ends(r)
		if other == object || !current[st.ix.RelationStatus(r)] || st.ix.Rank(r) == pb.StatementRank_STATEMENT_RANK_DEPRECATED {
			continue
		}
		if shareKind(st.ix, other, object) {
			out = append(out, r)
		}
	}
	return out
}

// otherHolder returns, for a yes/no question in the present tense that
// gives a subject a title at an object by a predicate with one holder per
// title (Predicate.one_holder_per_title), and that the graph has no such
// relation for, the current relations that give that title at that
// object to another subject: "Is Lee Jae-myung the chairman of SK Group?"
// is No, because Chey Tae-won is. A question that names dates, settings
// or manners gets none, nor does one in the past tense ("Was he the chief
// executive?"): the graph may not have every former holder.
func (st statusReader) otherHolder() []index.Rel {
	q := st.q
	if !q.Present || len(q.Titles) == 0 || len(q.Dates)+len(q.Settings)+len(q.Manners) > 0 || q.Mains != 1 {
		return nil
	}
	main := q.Pattern.GetTriples()[0]
	subject, ok1 := st.ix.NodeOf(main.GetSubject().GetName())
	object, ok2 := st.ix.NodeOf(main.GetObject().GetName())
	if !ok1 || !ok2 || len(main.GetPredicates()) != 1 {
		return nil
	}
	p, ok := st.ix.Vocabulary().Lookup(main.GetPredicates()[0])
	if !ok || !p.OneHolderPerTitle {
		return nil
	}
	var out []index.Rel
	for _, r := range st.ix.In(object) {
		other, _ := st.ix.Ends(r)
		qs := st.ix.Qualifiers(r)
		if st.ix.Predicate(r) != p.ID || other == subject || !current[st.ix.RelationStatus(r)] || qs.GetTime().GetEnd() != "" ||
			st.ix.Rank(r) == pb.StatementRank_STATEMENT_RANK_DEPRECATED || !holdsTitle(qs.GetRole(), q.Titles) || secondaryTitle(qs.GetRole()) {
			continue
		}
		out = append(out, r)
	}
	return out
}

// secondaryWords make a title another post than the one they qualify:
// a vice chairman is not the chairman.
var secondaryWords = map[string]bool{"vice": true, "deputy": true, "co": true, "honorary": true, "acting": true, "interim": true,
	"former": true, "assistant": true, "associate": true}

// secondaryTitle reports whether a role is a vice, deputy or co- post.
func secondaryTitle(role string) bool {
	return slices.ContainsFunc(strings.FieldsFunc(strings.ToLower(role), func(r rune) bool { return !unicode.IsLetter(r) }), func(w string) bool {
		return secondaryWords[w]
	})
}

// otherStatus returns, for a yes/no question that names a status of its
// relation ("Did Western Digital complete its acquisition of Kioxia?")
// and that the graph has no such relation for, the relations between the
// same two names with another status: a relation has one status, so they
// make the answer No.
func (st statusReader) otherStatus() []index.Rel {
	asked := askedStatuses(st.q.Pattern)
	if len(asked) == 0 {
		return nil
	}
	_, object, rels := st.sameRelations()
	var out []index.Rel
	for _, r := range rels {
		_, other := st.ix.Ends(r)
		if s := st.ix.RelationStatus(r); other == object && settled[s] && !slices.Contains(asked, s) {
			out = append(out, r)
		}
	}
	return out
}

// otherStatusOf returns, for a yes/no question that names a status of
// its one main relation and that the graph has no such relation for, the
// relations the question matches without the status, when every one of
// them is stated with another settled status (on the question's dates,
// settings and amounts): a relation has one status at a time. One whose
// status the graph does not give or leaves open (announced, attempted),
// or none at all, returns none.
func (st statusReader) otherStatusOf(b *budget.Budget, opts pattern.Options) ([]index.Rel, error) {
	q := st.q
	if q.Mains < 1 || len(q.Pattern.GetTriples()) < q.Mains {
		return nil, nil
	}
	asked := askedStatuses(q.Pattern)
	if len(asked) == 0 {
		return nil, nil
	}
	// "Will MHIP and the Great Lakes fund give up their holdings?": each
	// name's relation is asked the status.
	mains := map[string]bool{}
	for _, t := range q.Pattern.GetTriples()[:q.Mains] {
		mains[t.GetRelationVariable()] = true
	}
	pat := proto.Clone(q.Pattern).(*pb.Pattern)
	pat.Constraints = slices.DeleteFunc(pat.Constraints, func(c *pb.Constraint) bool {
		_, ok := c.GetTest().(*pb.Constraint_RelationStatus)
		return ok && mains[c.GetVariable()]
	})
	free := *q
	free.Pattern = pat
	var err error
	if free.Query, err = pattern.Compile(st.ix, pat, opts); err != nil {
		return nil, nil
	}
	answers, err := Answers(st.ix, &free, b, maxSolutions)
	if err != nil {
		return nil, err
	}
	var out []index.Rel
	for _, a := range answers {
		for _, s := range a.Solutions {
			if len(s.Rels) < q.Mains {
				return nil, nil
			}
			var decided []index.Rel
			for _, r := range s.Rels[:q.Mains] {
				if r == pattern.NoRel {
					return nil, nil
				}
				var no []index.Rel
				if !st.onDates(r) || !st.inSettings(r) || !st.hasAmounts(r, &no) {
					decided = nil
					break
				}
				status := st.ix.RelationStatus(r)
				if !settled[status] || slices.Contains(asked, status) {
					return nil, nil
				}
				// "Has the fight ended?": a suit withdrawn, a deal
				// completed or failed, has ended too.
				if slices.Contains(asked, pb.RelationStatus_RELATION_STATUS_ENDED) && endsRelation[status] {
					return nil, nil
				}
				decided = append(decided, r)
			}
			for _, r := range decided {
				out = appendNew(out, r)
			}
		}
	}
	return out, nil
}

// askedStatuses returns the statuses a pattern asks of its first
// triple's relation.
func askedStatuses(p *pb.Pattern) []pb.RelationStatus {
	var asked []pb.RelationStatus
	for _, c := range p.GetConstraints() {
		if s, ok := mainStatus(p, c); ok {
			asked = append(asked, s)
		}
	}
	return asked
}

// mainStatus returns the status constraint c asks of the relation of
// pattern p's first triple, if it is one.
func mainStatus(p *pb.Pattern, c *pb.Constraint) (pb.RelationStatus, bool) {
	s, ok := c.GetTest().(*pb.Constraint_RelationStatus)
	main := p.GetTriples()[0].GetRelationVariable()
	if !ok || main == "" || c.GetVariable() != main {
		return 0, false
	}
	return s.RelationStatus, true
}

// settled are the statuses that exclude the others: a relation proposed,
// planned, ongoing, completed, failed, withdrawn or ended is not in
// another state; one announced or attempted, whose outcome is not given,
// or whose status is not given, may be.
var settled = map[pb.RelationStatus]bool{pb.RelationStatus_RELATION_STATUS_PROPOSED: true, pb.RelationStatus_RELATION_STATUS_PLANNED: true,
	pb.RelationStatus_RELATION_STATUS_ONGOING: true, pb.RelationStatus_RELATION_STATUS_COMPLETED: true, pb.RelationStatus_RELATION_STATUS_FAILED: true,
	pb.RelationStatus_RELATION_STATUS_WITHDRAWN: true, pb.RelationStatus_RELATION_STATUS_ENDED: true}

// sameRelations returns, for a question whose one main relation is
// between two names by one predicate, the predicate, the object and the
// relations from the subject by that predicate (or one implying it);
// nil for another question.
func (st statusReader) sameRelations() (*vocab.Predicate, index.Node, []index.Rel) {
	q := st.q
	if q.Mains != 1 {
		return nil, 0, nil
	}
	main := q.Pattern.GetTriples()[0]
	subject, ok1 := st.ix.NodeOf(main.GetSubject().GetName())
	object, ok2 := st.ix.NodeOf(main.GetObject().GetName())
	if !ok1 || !ok2 || len(main.GetPredicates()) != 1 {
		return nil, 0, nil
	}
	v := st.ix.Vocabulary()
	p, ok := v.Lookup(main.GetPredicates()[0])
	if !ok {
		return nil, 0, nil
	}
	var rels []index.Rel
	for _, r := range st.ix.Out(subject) {
		if pr := st.ix.Predicate(r); pr == p.ID || slices.Contains(v.ImpliedBy(p.ID), pr) {
			rels = append(rels, r)
		}
	}
	return p, object, rels
}

// current are the statuses of a relation that holds now: as stated, going
// on, or done.
var current = map[pb.RelationStatus]bool{pb.RelationStatus_RELATION_STATUS_UNSPECIFIED: true,
	pb.RelationStatus_RELATION_STATUS_ONGOING: true, pb.RelationStatus_RELATION_STATUS_COMPLETED: true}

// happened keeps the answers with a solution whose main relations hold,
// and returns the relations of those left out.
func (st statusReader) happened(ix *index.Index, answers []Answer) ([]Answer, []index.Rel) {
	var kept []Answer
	var left []index.Rel
	for _, a := range answers {
		var sols []pattern.Solution
		for _, s := range a.Solutions {
			holds, n, u, _ := st.solution(s)
			if holds {
				sols = append(sols, s)
			}
			left = appendNew(appendNew(left, n...), u...)
		}
		if len(sols) == 0 {
			continue
		}
		if len(sols) < len(a.Solutions) {
			a.Solutions, a.Rels = sols, nil
			for _, s := range sols {
				a.Rels = appendNew(a.Rels, distinctRels(s.Rels)...)
			}
			a.Sentence = sentence(ix, st.q, a)
		}
		kept = append(kept, a)
	}
	if len(kept) > 0 {
		left = nil
	}
	return kept, left
}

// distinctRels returns rels without NoRel and repeats.
func distinctRels(rels []index.Rel) []index.Rel {
	return appendNew(nil, rels...)
}

// appendNew appends the rels not already in dst, nor NoRel.
func appendNew(dst []index.Rel, rels ...index.Rel) []index.Rel {
	for _, r := range rels {
		if r != pattern.NoRel && !slices.Contains(dst, r) {
			dst = append(dst, r)
		}
	}
	return dst
}

// attemptWords are the words with which a question asks whether something
// was tried, proposed or planned, or might be, rather than done.
var attemptWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`try tries tried trying attempt attempts attempted attempting seek seeks sought seeking
		bid bids bidding plan plans planned planning propose proposes proposed proposing want wants wanted
		aim aims aimed intend intends intended suggest suggests suggested expect expects expected
		would could might may will should going`) {
		attemptWords[w] = true
	}
}

// asksAboutAttempt reports whether a question has one of attemptWords, or
// "a play" ("made a play for Kioxia", an attempt to acquire).
func asksAboutAttempt(question string) bool {
	ws := strings.FieldsFunc(strings.ToLower(question), func(r rune) bool { return !unicode.IsLetter(r) })
	for i, w := range ws {
		if attemptWords[w] || w == "play" && i > 0 && ws[i-1] == "a" {
			return true
		}
	}
	return false
}

// futureUnknown are the statuses that say nothing of what is to come.
var futureUnknown = map[pb.RelationStatus]bool{pb.RelationStatus_RELATION_STATUS_FAILED: true, pb.RelationStatus_RELATION_STATUS_WITHDRAWN: true,
	pb.RelationStatus_RELATION_STATUS_COMPLETED: true}

// asksAboutFuture reports whether a question asks about what is to come:
// "will", "going to" or "shall" before any relative pronoun ("the company
// that will supply turbines" asks nothing of the future).
func asksAboutFuture(question string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(question), func(r rune) bool { return !unicode.IsLetter(r) }) {
		switch {
		case relativePronouns[w]:
			return false
		case w == "will" || w == "going" || w == "shall":
			return true
		}
	}
	return false
}

// NoAnswerSentence says why a question that matched only relations that
// did not happen has no answer: "No answer: the graph says only Western
// Digital acquires Kioxia (failed, 2021)".
func NoAnswerSentence(ix *index.Index, left []index.Rel) string {
	return "No answer: the graph says only " + summaries(ix, left)
}

// summaries joins the summaries of rels with "; ".
func summaries(ix *index.Index, rels []index.Rel) string {
	out := make([]string, len(rels))
	for i, r := range rels {
		out[i] = ix.Summary(r)
	}
	return strings.Join(out, "; ")
}

// VerdictSentence says a verdict and why, for people: "No: Western
// Digital acquires Kioxia (failed, 2021)".
func VerdictSentence(ix *index.Index, v pb.Verdict, deciding []index.Rel) string {
	switch v {
	case pb.Verdict_VERDICT_YES:
		return "Yes: " + summaries(ix, deciding)
	case pb.Verdict_VERDICT_NO:
		return "No: " + summaries(ix, deciding)
	case pb.Verdict_VERDICT_UNKNOWN:
		if len(deciding) > 0 {
			return "Unknown: the graph says only " + summaries(ix, deciding)
		}
		return "Unknown: the graph has no such fact"
	}
	return ""
}

// asDuration returns "how long" question q asking for a quantity in a unit
// of time instead of the relation's time, or nil if it cannot be compiled.
func asDuration(ix *index.Index, q *Question, opts pattern.Options) *Question {
	p := proto.CloneOf(q.Pattern)
	for _, qc := range p.GetQualifiers() {
		if qc.GetVariable() == q.Duration && qc.GetField() == pb.QualifierField_QUALIFIER_FIELD_TIME {
			qc.Field = pb.QualifierField_QUALIFIER_FIELD_QUANTITY
		}
	}
	compiled, err := pattern.Compile(ix, p, opts)
	if err != nil {
		return nil
	}
	dq := *q
	dq.Pattern, dq.Query, dq.Duration = p, compiled, ""
	dq.AmountUnits = map[string]string{q.Duration: unitDuration}
	for v, u := range q.AmountUnits {
		dq.AmountUnits[v] = u
	}
	return &dq
}

// throughRelation rewrites a question whose relation has named subjects
// into one where they take part in a relation that is the subject instead:
// "Samsung and Sony dominated the display industry" holds when a relation
// involving both of them, their partnership, did. Named objects likewise,
// when the predicate takes a relation as object and the question named
// its relation by an event noun besides the verb: "Who approved the permit
// for Gannet Bank?" holds of an approval of Kittiwake's development of
// Gannet Bank; "Who opposed Kioxia?" is not asked of the bid for it. It
// returns nil when the question has no such shape or its
// predicate cannot have a relation there.
func throughRelation(ix *index.Index, q *Question, opts pattern.Options) *Question {
	// A yes/no question goes through only by the object its event noun
	// named: "Did NMEC approve the construction permit for Gannet Bank?"
	if q.Mains == 0 || q.YesNo && !q.echoed {
		return nil
	}
	if q.YesNo {
		return throughSide(ix, q, opts, false)
	}
	if through := throughSide(ix, q, opts, true); through != nil || !q.echoed {
		return through
	}
	return throughSide(ix, q, opts, false)
}

// throughSide is throughRelation on one side of the relation, the
// subject's or the object's.
func throughSide(ix *index.Index, q *Question, opts pattern.Options, subjectSide bool) *Question {
	mains := q.Pattern.GetTriples()[:q.Mains]
	first := mains[0]
	end := func(t *pb.Triple) *pb.Term {
		if subjectSide {
			return t.GetSubject()
		}
		return t.GetObject()
	}
	other := func(t *pb.Triple) *pb.Term {
		if subjectSide {
			return t.GetObject()
		}
		return t.GetSubject()
	}
	var named []*pb.Term
	for _, t := range mains {
		if end(t).GetName() == "" || !proto.Equal(other(t), other(first)) || !slices.Equal(t.GetPredicates(), first.GetPredicates()) {
			return nil
		}
		if !slices.ContainsFunc(named, func(s *pb.Term) bool { return proto.Equal(s, end(t)) }) {
			named = append(named, end(t))
		}
	}
	for _, name := range first.GetPredicates() {
		p, ok := ix.Vocabulary().Lookup(name)
		types := p.ObjectTypes
		if subjectSide {
			types = p.SubjectTypes
		}
		if !ok || (len(types) > 0 && !slices.Contains(types, vocab.RelationType)) {
			return nil
		}
	}
	pat := proto.CloneOf(q.Pattern)
	via := "via"
	for used := usedVariables(pat); used[via]; via += "_" {
	}
	main := proto.CloneOf(first)
	viaTerm := &pb.Term{Term: &pb.Term_Variable{Variable: via}}
	if subjectSide {
		main.Subject = viaTerm
	} else {
		main.Object = viaTerm
	}
	pat.Triples = append([]*pb.Triple{main}, pat.Triples[q.Mains:]...)
	for _, s := range named {
		pat.Participations = append(pat.Participations, &pb.Participation{Relation: viaTerm, Participant: s})
	}
	compiled, err := pattern.Compile(ix, pat, opts)
	if err != nil {
		return nil
	}
	through := *q
	through.Pattern, through.Query, through.Mains, through.Through = pat, compiled, 1, true
	return &through
}

// maxWithinHops bounds how many statements of a transitive predicate
// withinPlaces puts between a question's relation and the place it names.
const maxWithinHops = 2

// within answers a question whose relation names an object the graph
// states nothing for through the objects inside it (see withinPlaces),
// nearest first: it returns the rewritten question and its answers, or
// nil when none has any.
func within(ix *index.Index, q *Question, b *budget.Budget, gather int) (*Question, []Answer, error) {
	for hops := 1; hops <= maxWithinHops; hops++ {
		for t := range q.Pattern.GetTriples() {
			wq := withinPlaces(ix, q, hops, t)
			if wq == nil {
				continue
			}
			answers, err := Answers(ix, wq, b, gather)
			if err != nil || len(answers) > 0 {
				return wq, answers, err
			}
		}
	}
	return nil, nil, nil
}

// withinPlaces rewrites triple only of q, when it names its object and
// its predicates extend through another (vocab's Predicate.ExtendsThrough),
// to reach that object by hops statements of it: "Which Maine-based
// company ...?" is "?company based-in ?within . ?within located-in Maine".
// More than one hop needs the predicate extended through to be transitive
// (to extend through itself). It returns nil when the triple is not
// rewritten.
func withinPlaces(ix *index.Index, q *Question, hops, only int) *Question {
	v := ix.Vocabulary()
	pat := proto.CloneOf(q.Pattern)
	used := usedVariables(pat)
	fresh := func() *pb.Term {
		name := "within"
		for used[name] {
			name += "_"
		}
		used[name] = true
		return &pb.Term{Term: &pb.Term_Variable{Variable: name}}
	}
	t := pat.GetTriples()[only]
	through := extension(v, t)
	if t.GetObject().GetName() == "" || through == vocab.NoExtension || hops > 1 && v.Predicate(through).ExtendsThrough != through {
		return nil
	}
	place, step := t.GetObject(), fresh()
	t.Object = step
	for h := 1; h < hops; h++ {
		next := fresh()
		pat.Triples = append(pat.Triples, &pb.Triple{Subject: step, Predicates: []string{v.Predicate(through).Name}, Object: next})
		step = next
	}
	pat.Triples = append(pat.Triples, &pb.Triple{Subject: step, Predicates: []string{v.Predicate(through).Name}, Object: place})
	compiled, err := pattern.Compile(ix, pat, q.opts)
	if err != nil {
		return nil
	}
	wq := *q
	wq.Pattern, wq.Query = pat, compiled
	return &wq
}

// extension returns the predicate through which every predicate of t
// extends, or vocab.NoExtension when one does not or they differ.
func extension(v *vocab.Vocabulary, t *pb.Triple) vocab.ID {
	through := vocab.NoExtension
	for i, name := range t.GetPredicates() {
		p, ok := v.Lookup(name)
		if !ok || p.ExtendsThrough == vocab.NoExtension || i > 0 && p.ExtendsThrough != through {
			return vocab.NoExtension
		}
		through = p.ExtendsThrough
	}
	return through
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
	if q.KindUnder != nil {
		// A kind question has no pattern to run.
		answers := kindAnswers(ix, q).Answers
		return answers[:min(len(answers), limit)], nil
	}
	if q.Describes {
		return describeAnswer(ix, q).Answers, nil
	}
	if q.Absent != nil {
		// No solution answers it: the graph has no such country.
		return nil, nil
	}
	sols, _, err := q.Query.Run(b, 0, maxSolutions)
	if err != nil {
		return nil, err
	}
	if len(q.Said) > 0 {
		sols = slices.DeleteFunc(slices.Clone(sols), func(s pattern.Solution) bool { return !evidenceSays(ix, s.Rels, q.Said, q.saidHeads) })
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

// boundYears gives each bound of q without a year (see DateFilter.Bound)
// the one year in which the main relations of its answers fall on the
// bound's month and day: "by May 8" of Chey's proposals is by May 8,
// 2025, the day of one of them. It refuses a bound whose month and day no
// such relation falls on, or falls on in more than one year.
func boundYears(ix *index.Index, q *Question, answers []Answer) (*Question, error) {
	var dates []DateFilter
	for i, d := range q.Dates {
		if d.Bound == "" || d.Year > 0 || d.Decade > 0 {
			continue
		}
		years := map[int]bool{}
		for _, a := range answers {
			for _, s := range a.Solutions {
				for _, r := range s.Rels[:min(q.Mains, len(s.Rels))] {
					if r == pattern.NoRel {
						continue
					}
					var y, m, day int
					n, _ := fmt.Sscanf(ix.Qualifiers(r).GetTime().GetStart(), "%4d-%2d-%2d", &y, &m, &day)
					if n >= 2 && m == d.Month && (d.Day == 0 || n == 3 && day == d.Day) {
						years[y] = true
					}
				}
			}
		}
		if len(years) != 1 {
			on := d
			on.Bound = ""
			found := fmt.Sprintf("none of the relations it asks about falls on %s", on)
			if len(years) > 1 {
				found = fmt.Sprintf("the relations it asks about fall on %s in %d years", on, len(years))
			}
			return nil, &NotUnderstoodError{Understood: q.Understood, Reason: fmt.Sprintf("it names %s without a year, and %s; name the year", on, found)}
		}
		if dates == nil {
			dates = slices.Clone(q.Dates)
		}
		for y := range years {
			dates[i].Year = y
		}
	}
	if dates == nil {
		return q, nil
	}
	rq := *q
	rq.Dates = dates
	return &rq, nil
}

// sentence renders an answer for people: the answer values, then the
// relations that support them. For example "?who = Samsung Electronics,
// ?acquisition = [Western Digital acquires Kioxia (failed, 2021)] — because
// Samsung Electronics coordinates against [...]".
func sentence(ix *index.Index, q *Question, a Answer) string {
	because := summaries(ix, a.Rels)
	if q.YesNo {
		return "Yes: " + because
	}
	vals := make([]string, len(a.Vars))
	for i, v := range a.Vars {
		if pattern.IsLiteral(a.Nodes[i]) {
			vals[i] = "?" + v + " = " + a.Literal(a.Nodes[i])
			// A rank binds its position; people read it as written.
			if asksRank(q, v) && len(a.Solutions) > 0 && len(a.Solutions[0].Rels) > 0 {
				if text := ix.Qualifiers(a.Solutions[0].Rels[0]).GetRank().GetText(); text != "" {
					vals[i] = "?" + v + " = " + text
				}
			}
			continue
		}
		vals[i] = "?" + v + " = " + ix.Label(a.Nodes[i])
		// A place as the relation words it: "federal court in Boston".
		if asksQualifier(q, v, pb.QualifierField_QUALIFIER_FIELD_PLACE) && len(a.Solutions) > 0 && len(a.Solutions[0].Rels) > 0 && a.Solutions[0].Rels[0] != pattern.NoRel {
			label := strings.ToLower(ix.Label(a.Nodes[i]))
			if text := ix.Qualifiers(a.Solutions[0].Rels[0]).GetPlace().GetText(); text != "" && !strings.Contains(label, strings.TrimPrefix(strings.ToLower(text), "the ")) {
				vals[i] += " (" + text + ")"
			}
		}
		// "When" asks for the time of the relation it is bound to.
		if r, ok := ix.NodeRelation(a.Nodes[i]); ok && (v == q.When || strings.HasPrefix(v, "when")) {
			if tm := ix.Qualifiers(r).GetTime(); q.WhenEnded && tm.GetEnd() != "" {
				// When it stopped: the end of its time.
				vals[i] = fmt.Sprintf("?%s = %s (%s, the end of its time from %s)", v, spellDate(tm.GetEnd()), tm.GetEnd(), cmp.Or(tm.GetText(), tm.GetStart()))
			} else if tm.GetText() != "" {
				vals[i] = "?" + v + " = " + tm.GetText()
				if tm.GetStart() != "" {
					vals[i] += " (" + tm.GetStart() + ")"
				}
			}
		}
	}
	return strings.Join(vals, ", ") + " — because " + because
}

// spellDate writes a date of the graph ("2025-06-09", "2025-06", "2025")
// as people do: "June 9, 2025", "June 2025", "2025".
func spellDate(d string) string {
	for _, layout := range []struct{ in, out string }{{"2006-01-02", "January 2, 2006"}, {"2006-01", "January 2006"}, {"2006", "2006"}} {
		if t, err := time.Parse(layout.in, d); err == nil {
			return t.Format(layout.out)
		}
	}
	return d
}

// asksRank reports whether variable v is bound to the rank of the
// question's relation.
func asksRank(q *Question, v string) bool {
	return asksQualifier(q, v, pb.QualifierField_QUALIFIER_FIELD_RANK)
}

// asksQualifier reports whether variable v is bound to the field
// qualifier of a relation of the question.
func asksQualifier(q *Question, v string, field pb.QualifierField) bool {
	return slices.ContainsFunc(q.Pattern.GetQualifiers(), func(qc *pb.QualifierClause) bool {
		return qc.GetVariable() == v && qc.GetField() == field
	})
}

// unnamedParty returns the variable at an end of the question's own
// relation that the question neither asks for, nor constrains, nor uses
// elsewhere: a party a relation noun leaves unnamed ("the financing
// package" is ?party's investment). It returns false when there is none.
func unnamedParty(q *Question) (string, bool) {
	if q.Mains != 1 || len(q.Pattern.GetTriples()) == 0 {
		return "", false
	}
	main := q.Pattern.GetTriples()[0]
	uses := 0
	count := func(v string) {
		for _, t := range q.Pattern.GetTriples() {
			for _, term := range []*pb.Term{t.GetSubject(), t.GetObject()} {
				if term.GetVariable() == v {
					uses++
				}
			}
		}
		for _, c := range q.Pattern.GetConstraints() {
			if c.GetVariable() == v {
				uses++
			}
		}
		for _, pt := range q.Pattern.GetParticipations() {
			if pt.GetParticipant().GetVariable() == v {
				uses++
			}
		}
	}
	for _, end := range []*pb.Term{main.GetSubject(), main.GetObject()} {
		v := end.GetVariable()
		if v == "" || slices.Contains(q.AnswerVars, v) {
			continue
		}
		uses = 0
		count(v)
		if uses == 1 {
			return v, true
		}
	}
	return "", false
}

// partiesDiffer reports whether the answers' solutions bind variable
// party to more than one node.
func partiesDiffer(q *Question, answers []Answer, party string) bool {
	k := slices.Index(q.Query.Vars(), party)
	if k < 0 {
		return false
	}
	first := index.Node(-1)
	for _, a := range answers {
		for _, s := range a.Solutions {
			if k >= len(s.Nodes) {
				continue
			}
			if first >= 0 && s.Nodes[k] != first {
				return true
			}
			first = s.Nodes[k]
		}
	}
	return false
}

// totalOf sums the amounts of a how-much question's answers, of the
// parties it names (two or more joined by "and"): the one quantity in the unit asked for of each distinct relation of theirs that
// is the question's own and not deprecated, all in one unit. It refuses
// amounts in more than one unit, and a relation with more than one such
// quantity.
func totalOf(ix *index.Index, q *Question, answers []Answer) (Answer, error) {
	// "How much did the investors commit in total?": the graph may not
	// have every investor; only parties the question names are summed.
	if q.Mains < 2 {
		return Answer{}, &NotUnderstoodError{Understood: q.Understood, Reason: fmt.Sprintf(
			"it asks for a total over parties it does not name, and the graph may not have them all (it has %s); name them (\"How much have A and B committed together?\")",
			candidates(ix, answers))}
	}
	var asked string
	for _, u := range q.AmountUnits {
		asked = u
	}
	var rels []index.Rel
	var parts []string
	sum := quantity.Value{}
	for _, a := range answers {
		for _, s := range a.Solutions {
			for _, r := range s.Rels[:min(q.Mains, len(s.Rels))] {
				// A statement a later one replaced is not another amount.
				if r == pattern.NoRel || slices.Contains(rels, r) || ix.Rank(r) == pb.StatementRank_STATEMENT_RANK_DEPRECATED {
					continue
				}
				var fit []*pb.Quantity
				for _, qt := range ix.Qualifiers(r).GetQuantities() {
					if unitFits(asked, qt.GetUnit()) {
						fit = append(fit, qt)
					}
				}
				if len(fit) != 1 || sum.Unit != "" && fit[0].GetUnit() != sum.Unit {
					return Answer{}, &NotUnderstoodError{Understood: q.Understood, Reason: fmt.Sprintf(
						"it asks for a sum, and %s gives no one amount in the unit of the others", ix.Summary(r))}
				}
				rels = append(rels, r)
				sum.Unit, sum.Amount = fit[0].GetUnit(), sum.Amount+quantity.Amount(fit[0])
				parts = append(parts, fmt.Sprintf("%s (%s)", fit[0].GetText(), ix.Summary(r)))
			}
		}
	}
	text := sum.Text()
	return Answer{Vars: q.AnswerVars, Nodes: []index.Node{pattern.Unbound - 1}, Rels: rels,
		Literal:  func(index.Node) string { return text },
		Sentence: fmt.Sprintf("?%s = %s — the sum of %s", q.AnswerVars[0], text, strings.Join(parts, " and "))}, nil
}
