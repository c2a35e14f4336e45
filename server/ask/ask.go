// Package ask is entitygraph's question compiler, the engine behind Ask: it
// reads a plain-English question with the vocabulary's lexicon (package
// vocab, inflected by package english) and the index's names, compiles it
// once into a pattern query (package pattern), runs it, and groups the
// solutions into answers, with how the question was understood.
//
// It reads the index, the vocabulary and package pattern; it must not
// import gRPC or package paths.
package ask

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/server/english"
	"github.com/entitygraph/entitygraph/server/index"
	"github.com/entitygraph/entitygraph/server/namesearch"
	"github.com/entitygraph/entitygraph/server/pattern"
	"github.com/entitygraph/entitygraph/server/quantity"
	"github.com/entitygraph/entitygraph/server/timespan"
	"github.com/entitygraph/entitygraph/server/vocab"
	"github.com/entitygraph/entitygraph/server/wordnet"
)

// MaxQuestionRunes is the longest question Ask accepts.
const MaxQuestionRunes = 500

// Question is a plain-English question compiled into a pattern.
type Question struct {
	// Pattern is the query the question compiles into.
	Pattern *pb.Pattern
	// Query is Pattern compiled and planned, ready to run.
	Query *pattern.Query
	// AnswerVars are the variables whose values answer the question (the
	// wh-words); for a yes/no question, the variable bound to the relation
	// that would make it true.
	AnswerVars []string
	// YesNo is set for questions without a wh-word ("Did Samsung oppose the
	// bid?").
	YesNo bool
	// NounTitles are, by the relation variable of each relational noun
	// read inside the question (see relationalNouns), the titles the
	// noun names: its relation's role must hold one.
	NounTitles map[string][]string
	// NounDates are, by the relation variable of each relation noun read
	// inside the question ("the May 8 proposal" of "Did lawmakers react
	// to the May 8 proposal?"), the dates written before it, which that
	// relation's time must fall on: they date the noun's relation, not the
	// question's own, which another time does not contradict.
	NounDates map[string][]DateFilter
	// eventDates are the dates written before a relation noun, by the
	// date item's position, with the noun's relation variable; Compile
	// reads them as NounDates unless the noun's relation is the
	// question's own.
	eventDates map[int]string
	// EvidenceWords are the words read in the evidence of the relation
	// EvidenceOf names, for a question answered so (see
	// evidenceQuestion).
	EvidenceWords []string
	EvidenceOf    string
	// Said are the words, in no lexicon, that modify a noun of the
	// question ("a breakthrough trade deal"): only solutions with a
	// relation whose evidence says each of them, and no negation, answer
	// it (see saidModifiers).
	Said []string
	// saidHeads are, for each word of Said, the head word of the noun it
	// modifies, which the evidence must say after it.
	saidHeads []string

	// Measure is set for a question that asks for an amount of named
	// things by no relation word (see quantityOf): it is answered only
	// when the graph gives one amount.
	Measure bool
	// Absent is set for a yes/no question that gives a name a country, or
	// another place, the graph has no entity for (see
	// absentCountryQuestion).
	Absent *AbsentCountry
	// Total is set for a how-much question that asks for the sum of its
	// amounts ("... together?"): its answer is that sum.
	Total bool
	// Expect is, for a wh-question that says how many answer it ("Which
	// two countries ..."), that number: another number of answers is
	// refused.
	Expect int
	// AbsentSetting is set for a yes/no question that says where its
	// relation happened by a place the graph has no entity for (see
	// takeAbsentSetting).
	AbsentSetting *AbsentPlace
	// Present is set for a yes/no question in the present tense ("Is Lee
	// Jae-myung the chairman of SK Group?"), which asks what holds now.
	Present bool
	// Mentions are the entities recognized in the question.
	Mentions []Mention
	// Mains is how many of the pattern's first triples are the question's
	// relation itself, one per pair of names joined by "and"; the rest
	// come from the nouns.
	Mains int
	// Through is set when the question was answered through a relation its
	// named subjects take part in (see [Ask]).
	Through bool
	// Titles are the titles its relational noun names ("chairman of"):
	// only relations whose role holds one answer it.
	Titles []string
	// Count is set for a how-many question: the answer is how many
	// distinct values its answer variables take.
	Count bool
	// Dates are the dates the question names for its relation: only
	// relations whose time falls on them answer it.
	Dates []DateFilter
	// Manners are the manner adverbs the question names for its relation
	// ("unanimously"): only relations whose manner says each answer it.
	Manners []string
	// Settings are the places and topics the question names for its
	// relation.
	Settings []Setting
	// Understood says what each piece of the question was read as: the
	// name, lexicon entry, noun or spelling correction it came from, such
	// as `"opposed" = opposes`.
	Understood []string
	// Reread are the words read again as lexicon words, each as the
	// written word and the word it was read as: a spelling correction
	// ("aquire", "acquire") or a WordNet synonym ("obstructed",
	// "blocked"). Understood says which.
	Reread [][2]string
	// Skipped are the words read as carrying no content ("quietly",
	// "please", "tried" in "tried to").
	Skipped []string
	// Order is set by "first" or "earliest" (-1) and "last", "latest" or
	// "most recently" (+1): only the answer whose relation holds earliest,
	// or latest, answers. An ordinal before a relation noun ("Chey's
	// second proposal") is -n: the nth earliest.
	Order int
	// Rank is the position the question names for its relation ("the No. 2
	// producer", "the second-largest", "ranks third"), 0 for none: only
	// relations whose rank qualifier has it answer, and one with another
	// position makes a yes/no question's No.
	Rank int32
	// Ranked is set when the question names a rank or a rank word
	// ("ranks", "No. 2"): only relations with a rank answer it.
	Ranked bool
	// Amounts are the quantities the question names for its relation
	// ("the $480 million contract"): only relations that give each answer
	// it, and one that gives another amount in the unit makes a yes/no
	// question's No.
	Amounts []quantity.Value
	// AmountUnits are, by answer variable, the unit or unit class a
	// question asks an amount in ("How much": a currency; "How many
	// miles": miles).
	AmountUnits map[string]string
	// Claimed is set for "Is A ranked higher than B?": a yes/no question
	// whether Choices[0] is the one Compare keeps.
	Claimed bool
	// Compare, when set, keeps of the Choices the one whose main
	// relation's qualifier is the most or the least ("Which ranks
	// higher, Kioxia or SK?").
	Compare comparison
	// KindUnder, set for "What kind of company is Aldermoor Energy?", is
	// the noun's constraint the kinds of entity KindOf asked for are
	// under (see kindQuestion); such a question has no pattern to run.
	KindUnder *pb.Constraint
	KindOf    index.Node
	// Describes, set for "Who is NAME?" and "What is NAME?", asks what
	// entity Describe is (see describeQuestion); such a question has no
	// pattern to run either.
	Describes bool
	Describe  index.Node
	// PlaceNouns are nouns of no lexicon the place asked for must say in
	// its text: "In which court did Norvane file its suit?" is answered by
	// "federal court in Boston", not by a place that says no court.
	PlaceNouns []string
	// When is the variable of the relation whose time a "when" question
	// asks for: an answer whose relation has no time is none.
	When string
	// WhenEnded is set for a question that asks when a relation stopped
	// ("When was the lawsuit dropped?"): its time asked is the end of the
	// relation's time.
	WhenEnded bool
	// Duration is the variable of the time a "how long" question asks
	// for: when no relation has such a time, the answer is a quantity in
	// a unit of time the relation gives ("five-year") instead.
	Duration string
	// Choices are the names a question ends with to choose from ("Which
	// company is ranked No. 1, Samsung or SK?"): only they answer it.
	Choices []index.Node
	// Negated is set by "not", "never" or "no longer" ("Did Sony not make
	// the panels?"): Pattern is the question without the negation, and
	// the answer is for the negation. A yes/no question's verdict is the
	// positive one's turned over (UNKNOWN stays); a wh-question must offer
	// Choices, and its answers are the choices whose positive is NO.
	Negated bool
	// Besides are the answers a wh-question sets aside ("besides SK
	// Group", "other than Samsung"): they do not answer it.
	Besides []index.Node
	// Another is the word, "also", "else", "other", "too" or "as well",
	// by which a wh-question asks for answers besides one it takes as
	// known. When Besides does not name that one, Ask cannot tell which it
	// is, and refuses with the candidates.
	Another string
	// named is set when the question's own relation is one a relation
	// noun names ("Where was the May 8 proposal?", see eventAsMain): it
	// is taken as it is, whatever its status.
	named bool
	// occurs is set when a verb says only that a relation noun's relation
	// happened ("Has the factory opened?", see matchOccurrence), or the
	// question opens in the perfect ("Has Aldermoor bought the stake?"):
	// the relation's status then says whether it did, and a deal only
	// announced has not.
	occurs bool
	// modal is set for a question with a modal auxiliary ("Could the
	// alliance ease tensions?"), which a relation of a hypothetical
	// predicate answers (see hypothetical).
	modal bool
	// echoed is set when the question's verb had an event noun of its own
	// predicate as object ("approved the permit for Gannet Bank", see
	// mergeEchoedEvents): the names after it may then be reached through
	// the relation it approves (see throughRelation).
	echoed bool
	// opts are the options Query was compiled with ("originally" reaches
	// every rank), for the questions Ask derives from it.
	opts pattern.Options
}

// Setting is a place or topic a question names for its relation ("in
// Seoul", "in the LCD market"): only relations whose qualifier names it
// answer.
type Setting struct {
	Field pb.QualifierField // place or topic
	Node  index.Node
}

// DateFilter is a date a question names for its relation ("in 2021", "on
// May 8", "in April 2025"): the parts it gives, 0 for those it does not.
//
// Decade is set instead for a decade ("in the 2000s", "the early 2000s"):
// its first year; Part, when set, is "early", "mid" or "late" in it (see
// decadeYears).
//
// Bound, when set, makes the date a bound of the relation's time rather
// than its date: "before" (wholly before the date), "by" (not after it:
// "by May 8", "as of May 8"), "after" (wholly after it) or "since" (not
// before it). A bound without a year takes the one year in which the
// question's relations fall on its month and day (see boundYears).
type DateFilter struct {
	Year, Month, Day, Decade int
	Part                     string
	Bound                    string
}

// decadeYears returns the first and last year of a decade filter: all
// ten, or the first four ("early"), the middle four ("mid") or the last
// four ("late").
func (d DateFilter) decadeYears() (int, int) {
	switch d.Part {
	case "early":
		return d.Decade, d.Decade + 3
	case "mid":
		return d.Decade + 3, d.Decade + 6
	case "late":
		return d.Decade + 6, d.Decade + 9
	}
	return d.Decade, d.Decade + 9
}

// Bounds of a DateFilter.
const (
	boundBefore = "before"
	boundBy     = "by"
	boundAfter  = "after"
	boundSince  = "since"
)

// String writes the filter as the parts it gives, such as "May 8" or
// "2021", after its bound: "before May 8".
func (d DateFilter) String() string {
	if d.Bound != "" {
		on := d
		on.Bound = ""
		return d.Bound + " " + on.String()
	}
	if d.Decade > 0 && d.Part != "" {
		return fmt.Sprintf("the %s %ds", d.Part, d.Decade)
	}
	if d.Decade > 0 {
		return fmt.Sprintf("the %ds", d.Decade)
	}
	var parts []string
	if d.Month > 0 {
		parts = append(parts, time.Month(d.Month).String())
	}
	if d.Day > 0 {
		parts = append(parts, strconv.Itoa(d.Day))
	}
	if d.Year > 0 {
		parts = append(parts, strconv.Itoa(d.Year))
	}
	return strings.Join(parts, " ")
}

// Holds reports whether a relation's time, as ISO 8601 of year, month or
// day precision, falls on the date: every part the filter gives must be
// there and equal, so "on May 8" does not hold for a time of "2025".
func (d DateFilter) Holds(iso string) bool {
	if d.Bound != "" {
		t := timespan.Parse(iso)
		return t.OK && d.dated() && d.bounds(t)
	}
	var y, m, day int
	n, _ := fmt.Sscanf(iso, "%4d-%2d-%2d", &y, &m, &day)
	if d.Decade > 0 {
		lo, hi := d.decadeYears()
		return n >= 1 && y >= lo && y <= hi
	}
	return n >= 1 && (d.Year == 0 || d.Year == y) &&
		(d.Month == 0 || n >= 2 && d.Month == m) && (d.Day == 0 || n >= 3 && d.Day == day)
}

// Differs reports whether a time, as ISO 8601 of year, month or day
// precision, is on another date than the filter in a part both give:
// "on May 8" differs from "2025-04-22" and from "2025-04", not from
// "2025"; "in 2027" differs from "2028".
func (d DateFilter) Differs(iso string) bool {
	if d.Bound != "" {
		t := timespan.Parse(iso)
		return t.OK && d.dated() && d.excludes(t)
	}
	var y, m, day int
	n, _ := fmt.Sscanf(iso, "%4d-%2d-%2d", &y, &m, &day)
	switch {
	case n < 1:
		return false
	case d.Decade > 0:
		lo, hi := d.decadeYears()
		return y < lo || y > hi
	case d.Year > 0 && d.Year != y:
		return true
	case d.Month > 0 && n >= 2 && d.Month != m:
		return true
	}
	return d.Month > 0 && d.Day > 0 && n >= 3 && d.Day != day
}

// Outside reports whether a span of ISO 8601 times lies wholly outside
// the years the filter gives (its year, or its decade): a span of
// 2000–2004 is outside "in the 1990s" and "in 2010". A filter of a month
// or day without a year is never outside.
func (d DateFilter) Outside(start, end string) bool {
	if d.Bound != "" {
		// A span held before a date if it began before it, after a date
		// if it ended after it.
		from, to := timespan.Parse(start), timespan.Parse(end)
		return from.OK && to.OK && d.dated() && d.excludes(timespan.Span{Lo: from.Lo, Hi: to.Hi, OK: true})
	}
	var lo, hi int
	if _, err := fmt.Sscanf(start, "%4d", &lo); err != nil {
		return false
	}
	if _, err := fmt.Sscanf(end, "%4d", &hi); err != nil {
		return false
	}
	switch {
	case d.Decade > 0:
		first, last := d.decadeYears()
		return hi < first || lo > last
	case d.Year > 0:
		return hi < d.Year || lo > d.Year
	}
	return false
}

// dated reports whether the filter gives a year or a decade: a bound
// without one compares with no time (see boundYears).
func (d DateFilter) dated() bool { return d.Year > 0 || d.Decade > 0 }

// span returns the days the filter's date covers ("May 2025" its 31
// days); a decade covers its ten years.
func (d DateFilter) span() timespan.Span {
	if d.Decade > 0 {
		first, last := d.decadeYears()
		s := timespan.Parse(strconv.Itoa(first))
		s.Hi = timespan.Parse(strconv.Itoa(last)).Hi
		return s
	}
	iso := fmt.Sprintf("%04d", d.Year)
	if d.Month > 0 {
		iso += fmt.Sprintf("-%02d", d.Month)
		if d.Day > 0 {
			iso += fmt.Sprintf("-%02d", d.Day)
		}
	}
	return timespan.Parse(iso)
}

// bounds reports whether a time covering the days of t lies within the
// bound: wholly before or after the date, or not after or before it.
func (d DateFilter) bounds(t timespan.Span) bool {
	ds := d.span()
	switch d.Bound {
	case boundBefore:
		return t.Hi < ds.Lo
	case boundBy:
		return t.Hi <= ds.Hi
	case boundAfter:
		return t.Lo > ds.Hi
	case boundSince:
		return t.Lo >= ds.Lo
	}
	return false
}

// excludes reports whether a time covering the days of t lies wholly
// outside the bound: "before May 8" excludes May 8 and after, "by 2021"
// everything after 2021.
func (d DateFilter) excludes(t timespan.Span) bool {
	ds := d.span()
	switch d.Bound {
	case boundBefore:
		return t.Lo >= ds.Lo
	case boundBy:
		return t.Lo > ds.Hi
	case boundAfter:
		return t.Hi <= ds.Hi
	case boundSince:
		return t.Hi < ds.Lo
	}
	return false
}

// boundOpenings are the words that make the date after them a bound (see
// DateFilter.Bound).
var boundOpenings = []struct {
	words []string
	bound string
}{
	{[]string{"before"}, boundBefore}, {[]string{"prior", "to"}, boundBefore}, {[]string{"earlier", "than"}, boundBefore},
	{[]string{"by"}, boundBy}, {[]string{"as", "of"}, boundBy}, {[]string{"no", "later", "than"}, boundBy},
	{[]string{"after"}, boundAfter}, {[]string{"later", "than"}, boundAfter},
	{[]string{"since"}, boundSince},
}

// matchBound reads a bound's words at words[i] ("before", "as of"): the
// bound and how many words, or 0.
func matchBound(words []word, i int) (string, int) {
	for _, o := range boundOpenings {
		if i+len(o.words) <= len(words) && wordsEqual(words[i:i+len(o.words)], o.words) {
			return o.bound, len(o.words)
		}
	}
	return "", 0
}

// decadeParts are the words that say where in a decade: "the early
// 2000s".
var decadeParts = map[string]bool{"early": true, "mid": true, "late": true}

// months are the month names questions use.
var months = map[string]int{"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}

// matchDate reads a date at words[i], with the "in" or "on" before it:
// a year ("in 2021"), a month and year ("in April 2025"), a month and day
// with or without a year ("on May 8", "May 8, 2025"), a month alone after
// "in", written in full ("in April"). "May" counts as a
// month only capitalized, or in a question all in lowercase, and followed
// by a number.
func matchDate(words []word, i int) (DateFilter, int, bool) {
	start := i
	if i < len(words) && (words[i].lower == "in" || words[i].lower == "on") {
		i++
	}
	year := func(k int) int {
		if k < len(words) && len(words[k].lower) == 4 {
			if y, err := strconv.Atoi(words[k].lower); err == nil && y >= 1800 && y <= 2200 {
				return y
			}
		}
		return 0
	}
	if i >= len(words) {
		return DateFilter{}, 0, false
	}
	// "in the early 2000s": a decade, or its first, middle or last four
	// years.
	k := i
	if k < len(words) && words[k].lower == "the" {
		k++
	}
	part := ""
	if k < len(words) && decadeParts[words[k].lower] {
		part = words[k].lower
		k++
	}
	if k < len(words) && len(words[k].lower) == 5 && strings.HasSuffix(words[k].lower, "s") {
		if y, err := strconv.Atoi(words[k].lower[:4]); err == nil && y%10 == 0 && y >= 1800 && y <= 2200 {
			return DateFilter{Decade: y, Part: part}, k + 1 - start, true
		}
	}
	if y := year(i); y > 0 {
		return DateFilter{Year: y}, i + 1 - start, true
	}
	m, ok := months[words[i].lower]
	// "may" is the month capitalized, or in a question all in lowercase
	// ("trump trade deal may 8").
	if !ok || words[i].lower == "may" && words[i].text != "May" && !allLowercase(words) {
		return DateFilter{}, 0, false
	}
	// "in April": a month alone, of any year, after "in" and not before
	// a number.
	monthAlone := i > start && words[start].lower == "in" && (len(words[i].lower) > 3 || words[i].lower == "may") &&
		(i+1 >= len(words) || strings.IndexFunc(words[i+1].lower, unicode.IsDigit) < 0)
	if monthAlone {
		return DateFilter{Month: m}, i + 1 - start, true
	}
	if i+1 >= len(words) {
		return DateFilter{}, 0, false
	}
	if y := year(i + 1); y > 0 {
		return DateFilter{Year: y, Month: m}, i + 2 - start, true
	}
	day, err := strconv.Atoi(strings.TrimRight(words[i+1].lower, "stndrh"))
	if err != nil || day < 1 || day > 31 {
		return DateFilter{}, 0, false
	}
	d := DateFilter{Month: m, Day: day}
	if y := year(i + 2); y > 0 {
		d.Year = y
		return d, i + 3 - start, true
	}
	return d, i + 2 - start, true
}

// allLowercase reports whether a question's words have no capital letter:
// a query typed as into a search box.
func allLowercase(words []word) bool {
	return !slices.ContainsFunc(words, func(w word) bool { return strings.ContainsFunc(w.text, unicode.IsUpper) })
}

// presentWords open a yes/no question in the present tense.
var presentWords = map[string]bool{"is": true, "are": true, "does": true, "do": true}

// supersededWords are the order words that ask for what was so before it
// changed, statements since replaced included.
var supersededWords = map[string]bool{"initially": true, "originally": true}

// orderWords say which of the answers in time a question asks for.
var orderWords = map[string]int{"first": -1, "earliest": -1, "initially": -1, "originally": -1,
	"last": 1, "latest": 1, "lately": 1, "recently": 1, "most recently": 1}

// Mention is an entity named in a question.
type Mention struct {
	Text  string     // as written in the question
	Node  index.Node // the entity
	Fuzzy bool       // matched by spelling correction
}

// NotUnderstoodError explains a question Ask cannot compile: what it did
// understand and what it did not.
type NotUnderstoodError struct {
	Understood    []string // pieces recognized, such as `"Samsung" = organizations/samsung-electronics`
	NotUnderstood []string // words or structures not recognized
	Reason        string   // one sentence: why the question was refused
}

func (e *NotUnderstoodError) Error() string {
	msg := "question not understood: " + e.Reason
	if len(e.NotUnderstood) > 0 {
		msg += "; not understood: " + strings.Join(e.NotUnderstood, ", ")
	}
	if len(e.Understood) > 0 {
		msg += "; understood: " + strings.Join(e.Understood, ", ")
	}
	return msg
}

// itemKind classifies a piece of a question.
type itemKind int

const (
	itemEntity    itemKind = iota + 1 // a named entity
	itemWh                            // who, what, which, where, when
	itemAux                           // do, did, is, was, ...
	itemArticle                       // the, a, an
	itemPrep                          // of, for, with, ...
	itemPoss                          // 's
	itemType                          // a noun naming a type or kind: company, country
	itemEvent                         // a noun naming a relation: acquisition, alliance
	itemVerb                          // a lexicon phrase
	itemStatus                        // failed, fell through, completed
	itemAnd                           // and
	itemIgnore                        // words that change nothing: quietly, tried to
	itemQualifier                     // a wh-phrase asking for a qualifier: before whom, in what role
	itemDate                          // a date the relation's time must fall on: in 2021, on May 8
	itemRank                          // a rank the relation must have: No. 2, second-largest, third (after ranks)
	itemRankVerb                      // rank, ranks, ranked: the relation is one with a rank
	itemScope                         // what a rank is over, which adds nothing: the world's, globally
	itemRel                           // "that" opening a relative clause
	itemBound                         // a noun and its relative clause, read (see relatives)
	itemQuantity                      // an amount the relation must give: $480 million, 25 percent
	itemOr                            // or, between the choices a question ends with
	itemNot                           // not, n't, never, no longer
	itemBesides                       // besides, other than, apart from: the name after it is set aside
	itemManner                        // an adverb the relation's manner must say: unanimously (see mannerAdverb)
)

// item is one recognized piece of a question.
type item struct {
	kind   itemKind
	text   string       // as written
	node   index.Node   // itemEntity
	phrase vocab.Phrase // itemVerb
	preds  []vocab.ID
	con    *pb.Constraint    // itemType (without variable), itemStatus
	noun   string            // itemType, itemEvent: the noun, singular, for naming variables
	field  pb.QualifierField // itemQualifier: the qualifier asked for
	order  int               // itemIgnore: -1 for "first", +1 for "last"
	light  bool              // itemIgnore: a light verb ("make" of "make a proposal")
	// besides is set for an itemIgnore that asks for answers besides one
	// already known ("also", "else", "other", "too"; see Question.Besides).
	besides bool
	// eventVerb is set for an itemVerb read from the relation noun after a
	// light verb ("expect its factory"); lightEcho for a light verb read
	// as the relation of the relation noun before it ("the proposal Chey
	// made", see frontedLight).
	eventVerb bool
	lightEcho bool
	// compare is set for an itemIgnore that compares the choices: see
	// comparatives.
	compare comparison
	// whBound is set for an itemBound whose noun a wh-word asked for
	// ("which company that ..."); its variable is in noun.
	whBound bool
	date    DateFilter // itemDate
	rank    int32      // itemRank: the position
	fuzzy   bool       // itemEntity: matched by spelling correction
	readAs  string     // itemEntity: how it was read, when not by spelling correction
	// amount is an itemQuantity's; unit, for an itemQualifier asking for
	// a quantity, the unit or unit class asked for ("currency", "mile").
	amount quantity.Value
	unit   string
	// placeNoun is, for an itemQualifier asking for the place, a noun
	// its text must say ("court" of "In which court").
	placeNoun string
	// at and span are the words it was read from; for items of a
	// gap phrase's gap too.
	at, span int
	// note says how a word was read again (see reread): a spelling
	// correction or a WordNet synonym, or why it is still not understood.
	note string
}

var (
	whWords = map[string]bool{"who": true, "whom": true, "whose": true, "what": true, "which": true, "where": true, "when": true,
		"anyone": true, "anybody": true, "someone": true, "somebody": true, "anything": true, "something": true}
	auxWords = map[string]bool{"do": true, "does": true, "did": true, "is": true, "are": true, "was": true, "were": true,
		"has": true, "have": true, "had": true, "be": true, "been": true, "being": true, "will": true, "would": true, "can": true, "could": true,
		"become": true, "becomes": true, "became": true}
	notWords     = map[string]bool{"not": true, "n't": true, "never": true}
	beWords      = map[string]bool{"is": true, "are": true, "was": true, "were": true, "be": true, "been": true, "being": true}
	articleWords = map[string]bool{"the": true, "a": true, "an": true, "its": true, "his": true, "her": true, "their": true}
	prepWords    = map[string]bool{"of": true, "for": true, "with": true, "by": true, "against": true, "in": true, "to": true,
		"on": true, "at": true, "from": true, "between": true, "over": true, "before": true}
	// alsoWords ask, in a wh-question, for another answer than one known
	// ("Who else", "also"); in a yes/no question they add nothing.
	alsoWords   = map[string]bool{"also": true, "else": true, "too": true}
	ignoreWords = map[string]bool{"ultimately": true, "once": true, "again": true, "publicly": true,
		"jointly": true, "together": true, "ever": true, "actually": true, "reportedly": true, "eventually": true,
		"officially": true, "really": true, "still": true, "now": true, "currently": true, "please": true, "tell": true, "me": true, "list": true, "show": true, "name": true, "all": true}
	// roleNouns after a possessive ask for the role qualifier: "Chey
	// Tae-won's position at SK Group".
	roleNouns = map[string]bool{"role": true, "title": true, "position": true, "job": true, "post": true}
	// holdWords add nothing to a question that asks for a role: "What
	// position does Chey Tae-won hold at SK Group?".
	holdWords = map[string]bool{"hold": true, "holds": true, "held": true, "keep": true, "keeps": true, "kept": true,
		"occupy": true, "occupies": true, "occupied": true}
	// modalWords before "to" + verb add nothing: "tried to acquire" is "acquire".
	modalWords = map[string]bool{"tried": true, "try": true, "tries": true, "trying": true, "sought": true, "seek": true, "seeks": true,
		"attempted": true, "attempt": true, "attempts": true, "wanted": true, "want": true, "wants": true, "planned": true, "plan": true,
		"going": true}
)

// nounConstraint returns the constraint a type or kind noun puts on a
// variable ("companies" → ?x is company), with the noun in the singular,
// or false when the words are no such noun.
func nounConstraint(v *vocab.Vocabulary, words string) (*pb.Constraint, string, bool) {
	n, ok := v.Noun(words)
	if !ok {
		return nil, "", false
	}
	if n.Type != "" {
		return &pb.Constraint{Test: &pb.Constraint_Type{Type: n.Type}}, n.Singular, true
	}
	names := make([]string, len(n.Kinds))
	for i, k := range n.Kinds {
		names[i] = v.Kind(k).Name
	}
	return &pb.Constraint{Test: &pb.Constraint_Kinds{Kinds: &pb.KindSet{Kinds: names}}}, n.Singular, true
}

// word is one token of a question.
type word struct {
	text  string // as written
	lower string // lowercase; or the lexicon word it was read as (see reread)
	note  string // how it was read again, if it was
	// unit is the unit a noun after "how many" is read as when it is no
	// unit word (see headcountWords).
	unit string
	// span, when set, is how many words from here are read as the
	// entity node, a misspelling of its name (see absorbIntoName), or, with
	// readAs saying how, another reading of it (see headNoun).
	span   int
	node   index.Node
	readAs string
	// manner is set for an adverb read as a manner the relation must have
	// (see mannerAdverb).
	manner bool
	// glue is set for a word that only joins the words of a manner phrase
	// ("with", "a", "of", "and" of "with a mix of surprise and
	// admiration", see mannerPhrase): it says nothing more.
	glue bool
	// place is, for a word of a country or city the graph has no entity
	// for, that place, and placeSpan how many words from here say it (see
	// placeWord).
	place     wordnet.Place
	placeSpan int
	// hyphened is set for a word joined to the one before by a hyphen
	// ("funded" of "Halcyon-funded").
	hyphened bool
}

// tokenize splits a question into words: hyphens and dashes separate words
// (names are matched with them folded to spaces), a possessive 's is a word
// of its own, and punctuation other than abbreviation dots is dropped.
func tokenize(q string) []word {
	q = strings.NewReplacer("’", "'", "‘", "'", "“", " ", "”", " ", "\"", " ").Replace(q)
	var out []word
	quoting := false // after a single quote that opens a quotation
	offset := 0
	for _, raw := range strings.FieldsFunc(q, func(r rune) bool {
		return unicode.IsSpace(r) || r == '-' || r == '–' || r == '—' || r == ',' || r == ';' || r == ':' || r == '?' || r == '!' || r == '(' || r == ')'
	}) {
		at := offset + strings.Index(q[offset:], raw)
		offset = at + len(raw)
		// A hyphen right before the word, after another, joins the two.
		joined := at > 1 && q[at-1] == '-' && !unicode.IsSpace(rune(q[at-2]))
		// "called the lawsuit 'a distraction'": single quotes around
		// words are no part of them, and the closing one no possessive.
		if strings.HasPrefix(raw, "'") && !strings.EqualFold(raw, "'s") {
			raw, quoting = strings.TrimLeft(raw, "'"), true
		}
		if quoting && strings.HasSuffix(raw, "'") {
			raw, quoting = strings.TrimRight(raw, "'"), false
		}
		if raw == "" {
			continue
		}
		// "didn't" is "did" and "n't", "won't" "will" and "n't".
		if len(raw) > 3 && strings.EqualFold(raw[len(raw)-3:], "n't") {
			base := raw[:len(raw)-3]
			switch strings.ToLower(base) {
			case "wo":
				base = base[:1] + "ill"
			case "ca":
				base += "n"
			case "sha":
				base += "ll"
			}
			out = append(out, word{text: base, lower: strings.ToLower(base)}, word{text: "n't", lower: "n't"})
			continue
		}
		possessive := false
		for _, suffix := range []string{"'s", "'"} {
			if strings.HasSuffix(raw, suffix) && len(raw) > len(suffix) {
				raw, possessive = strings.TrimSuffix(raw, suffix), true
				break
			}
		}
		// A final dot ends the sentence unless the word is an abbreviation
		// with dots inside (U.S.).
		if strings.HasSuffix(raw, ".") && !strings.Contains(strings.TrimSuffix(raw, "."), ".") {
			raw = strings.TrimSuffix(raw, ".")
		}
		if raw != "" {
			out = append(out, word{text: raw, lower: strings.ToLower(raw), hyphened: joined})
		}
		if possessive {
			out = append(out, word{text: "'s", lower: "'s"})
		}
	}
	return out
}

// Compile compiles a plain-English question into a planned pattern query,
// using the vocabulary's lexicon for relation words and ix's name index for
// the entities it mentions. A question it cannot compile gets a
// [*NotUnderstoodError] that says what it did and did not understand.
func Compile(ix *index.Index, question string, opts pattern.Options) (*Question, error) {
	if strings.TrimSpace(question) == "" {
		return nil, &NotUnderstoodError{Reason: "the question is empty"}
	}
	if !utf8.ValidString(question) {
		return nil, &NotUnderstoodError{Reason: "the question is not valid UTF-8"}
	}
	if n := utf8.RuneCountInString(question); n > MaxQuestionRunes {
		return nil, &NotUnderstoodError{Reason: fmt.Sprintf("the question is %d characters long; at most %d are accepted", n, MaxQuestionRunes)}
	}
	return compile(ix, tokenize(question), opts)
}

// compile compiles a question's words (see Compile).
func compile(ix *index.Index, words []word, opts pattern.Options) (*Question, error) {
	tokens, expect, expectText := takeExpectedCount(words)
	q, err := compileTokens(ix, tokens, opts)
	if err != nil || expect == 0 {
		return q, err
	}
	// "Which two countries ...": a wh-question that says how many answer.
	if !q.wh() {
		return nil, &NotUnderstoodError{Understood: q.Understood, Reason: fmt.Sprintf("%q asks for that many answers, and the question asks for none", expectText)}
	}
	q.Expect = expect
	q.Understood = append(q.Understood, fmt.Sprintf("%q = the number of answers the question expects", expectText))
	return q, nil
}

// wh reports whether q asks for answers by its pattern: no yes/no,
// how-many, kind or description question.
func (q *Question) wh() bool {
	return !q.YesNo && !q.Count && q.KindUnder == nil && !q.Describes && q.Absent == nil && len(q.AnswerVars) > 0
}

// isMain reports whether v is the relation variable of one of the
// question's own relations (see Question.Mains), or the question has
// none: a relation noun alone ("When was the April 22 proposal?") is the
// question's relation.
func (q *Question) isMain(v string) bool {
	triples := q.Pattern.GetTriples()
	if q.Mains == 0 {
		return true
	}
	for _, t := range triples[:min(q.Mains, len(triples))] {
		if t.GetRelationVariable() == v {
			return true
		}
	}
	return false
}

// takeExpectedCount returns a question's words without a number right
// after an opening "which" or "what" and before a word in lowercase
// ("Which two countries", "what three companies"), that number, and its
// text; 0 for none.
func takeExpectedCount(words []word) ([]word, int, string) {
	if len(words) < 4 || words[0].lower != "which" && words[0].lower != "what" || words[2].text != words[2].lower {
		return words, 0, ""
	}
	n, ok := quantity.Number(words[1].lower)
	if !ok || n < 2 || n > 100 || n != float64(int(n)) {
		return words, 0, ""
	}
	return append(slices.Clone(words[:1]), words[2:]...), int(n), words[1].text
}

// compileTokens compiles a question's words, then, when they are not
// understood, the words read another way (see Compile).
func compileTokens(ix *index.Index, tokens []word, opts pattern.Options) (*Question, error) {
	q, err := compileWords(ix, slices.Clone(tokens), opts)
	var nu *NotUnderstoodError
	if err == nil || !errors.As(err, &nu) {
		return q, err
	}
	// "Where is the company Norvane sued based?": a relative clause
	// without its "that" (no help for words not understood).
	if len(nu.NotUnderstood) == 0 {
		if with, ok := reducedRelative(ix, tokens); ok {
			if q, err2 := compileWords(ix, with, opts); err2 == nil {
				return q, nil
			}
		}
	}
	// "Did Chey make his May 8 proposal in Tokyo?": a place the graph
	// has no entity for, which the question without it may be asked of.
	rest, place, ok := takeAbsentSetting(ix, tokens)
	if !ok {
		return nil, err
	}
	if q, err2 := compileWords(ix, rest, opts); err2 == nil {
		return withAbsentSetting(q, place)
	}
	return nil, err
}

// reducedRelative returns a question's words with "that" put in the one
// relative clause that goes without it: a noun, a name right after it and
// a verb with no object after it, skipped words between ("the company
// Norvane sued", "the firm Western Digital tried to buy"), or false for
// none. Compile tries it only when the words as written are not
// understood, so that "the company Norvane", a name in apposition, keeps
// its reading elsewhere.
func reducedRelative(ix *index.Index, words []word) ([]word, bool) {
	words = slices.Clone(words)
	items, _ := classify(ix, words)
	found := -1
	for k := 0; k+2 < len(items); k++ {
		n := k + 1
		if items[k].kind == itemVerb && items[n].kind == itemEntity && items[n].at < items[k].at {
			n++ // "the blade maker": the noun's object, read after it
		}
		v := n + 1
		for v < len(items) && items[v].kind == itemIgnore && items[v].order == 0 && !items[v].besides {
			v++ // "tried to"
		}
		noun, name, verb := items[k], at(items, n), at(items, v)
		if noun.kind != itemType && !(noun.kind == itemVerb && noun.phrase.Noun) || name.kind != itemEntity || verb.kind != itemVerb || verb.phrase.Noun {
			continue
		}
		if next := at(items, v+1); next.kind == itemEntity || next.kind == itemType || next.kind == itemArticle || next.kind == itemEvent {
			continue
		}
		if found >= 0 {
			return nil, false
		}
		found = name.at
	}
	if found < 0 {
		return nil, false
	}
	that := word{text: "that", lower: "that", note: "a relative clause without its \"that\""}
	return slices.Insert(words, found, that), true
}

// planned compiles the pattern of a question read whole into its Query.
func planned(ix *index.Index, q *Question, opts pattern.Options) (*Question, error) {
	var err error
	if q.Query, err = pattern.Compile(ix, q.Pattern, opts); err != nil {
		return nil, err
	}
	return q, nil
}

// wholeWords, in a how-much question, say only that the amount asked for
// is all of it: "the whole funding deal".
var wholeWords = map[string]bool{"whole": true, "entire": true, "overall": true, "full": true}

// worthOf reads "How much (money) is the financing package worth?" and
// "What is the financing package worth?" as "How much is the financing
// package?": the amount of money of the relation the noun names. Other
// words are returned as they are.
func worthOf(words []word) []word {
	n := len(words)
	if n < 4 || words[n-1].lower != "worth" {
		return words
	}
	note := func(w word) word {
		w.note = fmt.Sprintf("%q: how much a relation is, in money", "worth")
		return w
	}
	switch {
	case words[0].lower == "how" && words[1].lower == "much":
		out := slices.Clone(words[:2])
		rest := words[2 : n-1]
		if len(rest) > 0 && (rest[0].lower == "money" || rest[0].lower == "cash") {
			rest = rest[1:]
		}
		for _, w := range rest {
			if !wholeWords[w.lower] {
				out = append(out, w)
			}
		}
		out[1] = note(out[1])
		return out
	case words[0].lower == "what" && beWords[words[1].lower]:
		out := []word{{text: "How", lower: "how"}, note(word{text: "much", lower: "much"})}
		for _, w := range words[1 : n-1] {
			if !wholeWords[w.lower] {
				out = append(out, w)
			}
		}
		return out
	}
	return words
}

// totalWords end a how-much question that asks for the sum of its
// amounts: "How much have MHIP and the pension fund committed together?".
var totalWords = [][]string{{"together"}, {"combined"}, {"altogether"}, {"in", "total"}, {"in", "all"}, {"between", "them"}}

// takeTotal returns a "how much" or "how many" question's words without a
// last phrase of totalWords, and that phrase, "" for none.
func takeTotal(words []word) ([]word, string) {
	if len(words) < 4 || words[0].lower != "how" || words[1].lower != "much" && words[1].lower != "many" {
		return words, ""
	}
	for _, end := range totalWords {
		if n := len(words) - len(end); n > 2 && wordsEqual(words[n:], end) {
			return words[:n], joinWords(words[n:])
		}
	}
	return words, ""
}

// compileWords compiles a question's words (see Compile).
func compileWords(ix *index.Index, words []word, opts pattern.Options) (*Question, error) {
	words, total := takeTotal(words)
	words, amounts := takeAmounts(words)
	words, claimed := comparativeClaim(inSitu(sourceSays(fromAfterClause(ix.Vocabulary(), nationality(ix.Vocabulary(), copularAt(teamOf(ix, separatedParticle(ix.Vocabulary(), frontedEvent(ix, words)))))))))
	words = comparativeFirst(sizeIn(fateOf(imperative(terseAttribute(ix.Vocabulary(), standsFor(ix, worthOf(words)))))))
	items, mentions := classify(ix, words)
	for pass := 0; pass < 2 && reread(ix, words, items); pass++ {
		items, mentions = classify(ix, words)
	}
	if q, ok := absentCountryQuestion(ix, words, items, mentions); ok {
		return planned(ix, q, opts)
	}
	if rewritten, ok := whereIs(ix, words, items); ok {
		words = rewritten
		items, mentions = classify(ix, words)
	}
	if rewritten, ok := countryComplement(ix, words, items); ok {
		words = rewritten
		items, mentions = classify(ix, words)
	}
	if q, ok := kindQuestion(ix, words, items, mentions); ok {
		return q, nil
	}
	if q, ok := describeQuestion(ix, items, mentions); ok {
		return q, nil
	}
	if q, ok := doQuestion(ix, items, mentions); ok {
		return planned(ix, q, opts)
	}
	if rewritten, ok := personRoles(ix, words, items); ok {
		words = rewritten
		items, mentions = classify(ix, words)
	}
	// Forms read as another ("Who heard Chey's proposal?" as "Before whom
	// was Chey's proposal?"), each on the words the one before left.
	frame := ""
	if rewritten, text, ok := ownEventFrame(words, items); ok {
		words, frame = rewritten, text
		items, mentions = classify(ix, words)
	}
	for _, rewrite := range []func([]word, []item) ([]word, bool){whatPaid, whoseIs, possessiveNounIs, theOrgTitle, agentCompound, whenClause, strandedTopic, audienceClause, kindOfRelation, datedEventIs} {
		if rewritten, ok := rewrite(words, items); ok {
			words = rewritten
			items, mentions = classify(ix, words)
		}
	}
	if rewritten, preds, ok := whereVerb(ix.Vocabulary(), words, items); ok {
		words = rewritten
		items, mentions = classify(ix, words)
		items = mergeWherePhrases(words, items, preds)
	}
	items = eventIdeas(items)
	items, role := takeAsRole(items)
	items = append(items, amounts...)
	if q, ok := amountCopula(ix, items, mentions, opts); ok {
		return q, nil
	}
	v := ix.Vocabulary()
	b := &questionBuilder{ix: ix, vocab: v, names: map[string]int{}}
	var unknown, understood, skipped []string
	ranked := slices.ContainsFunc(items, func(it item) bool {
		return it.kind == itemRank || it.kind == itemRankVerb || it.kind == itemQualifier && it.field == pb.QualifierField_QUALIFIER_FIELD_RANK
	})
	for _, it := range items {
		switch it.kind {
		case 0:
			note := it.note
			if p := words[it.at].place; p.Class != "" && note == "" {
				note = fmt.Sprintf("the %s %q to WordNet, which the graph has no entity for", p.Class, p.Names[0])
			}
			unknown = append(unknown, fmt.Sprintf("%q", it.text)+noted(note))
		case itemEntity:
			if it.readAs != "" {
				understood = append(understood, fmt.Sprintf("%q = %s (%s)", it.text, ix.NodeName(it.node), it.readAs))
			} else if it.fuzzy {
				understood = append(understood, fmt.Sprintf("%q = %s (spelling corrected to %q)", it.text, ix.NodeName(it.node), ix.DisplayName(it.node)))
			} else {
				understood = append(understood, fmt.Sprintf("%q = %s", it.text, ix.NodeName(it.node)))
			}
		case itemIgnore:
			switch {
			case it.order < -1:
				understood = append(understood, fmt.Sprintf("%q = number %d from the earliest", it.text, -it.order))
			case it.order < 0:
				understood = append(understood, fmt.Sprintf("%q = the earliest", it.text))
			case it.order > 0:
				understood = append(understood, fmt.Sprintf("%q = the latest", it.text))
			case it.besides:
				understood = append(understood, fmt.Sprintf("%q = another answer than one known", it.text))
			default:
				skipped = append(skipped, it.text)
			}
		case itemVerb:
			understood = append(understood, fmt.Sprintf("%q = %s", it.text, pattern.PredicateList(ix.Vocabulary(), it.phrase.Predicates()))+noted(it.note))
		case itemEvent:
			understood = append(understood, fmt.Sprintf("%q = a %s relation", it.text, pattern.PredicateList(ix.Vocabulary(), it.preds))+noted(it.note))
		case itemType:
			understood = append(understood, fmt.Sprintf("%q = %s", it.text, pattern.ConstraintText(it.con))+noted(it.note))
		case itemStatus:
			if it.note != "" {
				understood = append(understood, fmt.Sprintf("%q = %s", it.text, pattern.ConstraintText(it.con))+noted(it.note))
			}
		case itemWh:
			understood = append(understood, fmt.Sprintf("%q = the answer", it.text))
		case itemRel:
			understood = append(understood, fmt.Sprintf("%q = a relative clause", it.text))
		case itemDate:
			understood = append(understood, fmt.Sprintf("%q = the relation's time", it.text)+noted(it.note))
		case itemManner:
			understood = append(understood, fmt.Sprintf("%q = the relation's manner", it.text))
		case itemRank:
			understood = append(understood, fmt.Sprintf("%q = the relation's rank: %d", it.text, it.rank))
		case itemQuantity:
			understood = append(understood, fmt.Sprintf("%q = the relation's quantity: %s", it.text, it.amount))
		case itemRankVerb:
			understood = append(understood, fmt.Sprintf("%q = a relation with a rank", it.text))
		case itemScope:
			if ranked {
				skipped = append(skipped, it.text)
			} else {
				unknown = append(unknown, fmt.Sprintf("%q", it.text))
			}
		case itemQualifier:
			understood = append(understood, fmt.Sprintf("%q = the answer: the relation's %s", it.text, pattern.QualifierFieldName(it.field)))
		case itemNot:
			understood = append(understood, fmt.Sprintf("%q = a negation", it.text))
		case itemBesides:
			understood = append(understood, fmt.Sprintf("%q = the names after it do not answer", it.text))
		}
	}
	if frame != "" {
		understood = append(understood, fmt.Sprintf("%q = the question's own relation, named before it is asked", frame))
	}
	fail := func(reason string, not ...string) error {
		return &NotUnderstoodError{Understood: understood, NotUnderstood: append(unknown, not...), Reason: reason}
	}
	var said, saidHeads []string
	if len(unknown) > 0 {
		if q, ok := evidenceQuestion(ix, words, items, mentions, understood, opts); ok {
			return q, nil
		}
		if q, ok := whoSaid(ix, words, mentions, understood, opts); ok {
			return q, nil
		}
		if q, ok := saidToBe(ix, words, items, mentions, understood, opts); ok {
			return q, nil
		}
		kept, modifiers, heads, notes, ok := saidModifiers(words, items, ranked)
		if !ok {
			return nil, fail("it has words that are neither known names nor part of the relation vocabulary")
		}
		items, said, saidHeads, unknown = kept, modifiers, heads, nil
		understood = append(understood, notes...)
	}
	// "When did Norvane drop its suit?" asks when a status came, which the
	// graph does not record: a relation's time is when it held.
	// So does "When was the lawsuit dropped?": a status word after its
	// noun, a passive's participle.
	occurrence := slices.ContainsFunc(items, func(it item) bool { return it.kind == itemIgnore && it.span > 0 && matchOccurrence(words, it.at) > 0 })
	statusChange := func(k int) bool {
		it := items[k]
		// "What year did Halcyon expect its factory to open?" asks for
		// the planned relation's time: an intention with the verb of the
		// event it intends is no change ("When was the factory planned?"
		// is).
		if it.kind == itemStatus && !changeStatuses[it.con.GetRelationStatus()] && occurrence {
			return false
		}
		// "When are the first deliveries due?", "When is the plant
		// scheduled?": a plan in the present asks for the planned
		// relation's time ("When was the factory planned?" still asks
		// when the planning was).
		if it.kind == itemStatus && it.con.GetRelationStatus() == pb.RelationStatus_RELATION_STATUS_PLANNED && slices.ContainsFunc(items[:k], func(a item) bool {
			return a.kind == itemAux && (strings.EqualFold(a.text, "is") || strings.EqualFold(a.text, "are"))
		}) {
			return false
		}
		return it.kind == itemStatus && (it.light || k > 0 && (items[k-1].kind == itemEvent || items[k-1].kind == itemEntity) &&
			slices.ContainsFunc(items[:k], func(a item) bool { return a.kind == itemAux && beWords[strings.ToLower(a.text)] }))
	}
	changed, ending := false, true
	for k := range items {
		if statusChange(k) {
			changed = true
			ending = ending && endStatuses[items[k].con.GetRelationStatus()]
		}
	}
	// "Why did Norvane drop its suit?", "Why is the factory planned?": a
	// relation's reason is why it held or happened as the graph states it,
	// not why it has a status.
	if slices.ContainsFunc(items, func(it item) bool { return it.kind == itemStatus }) &&
		slices.ContainsFunc(items, func(it item) bool {
			return it.kind == itemQualifier && it.field == pb.QualifierField_QUALIFIER_FIELD_REASON
		}) {
		return nil, fail("it asks why a relation has its status, which the graph does not record (a relation's reason is why it held or happened)")
	}
	whenEnded := false
	if changed && slices.ContainsFunc(items, func(it item) bool {
		return it.kind == itemWh && strings.EqualFold(it.text, "when") || it.kind == itemQualifier && it.field == pb.QualifierField_QUALIFIER_FIELD_TIME
	}) {
		// "How long did it last before it was dropped?" asks for a span,
		// not a moment.
		if !ending || slices.ContainsFunc(items, func(it item) bool { return it.kind == itemQualifier && it.unit == unitDuration }) {
			return nil, fail("it asks when a relation's status changed, which the graph does not record (a relation's time is when it held)")
		}
		// A time qualifier asked for ("In what month") would bind the time
		// as written, its start: it asks "when", whose answer reads the end.
		for k, it := range items {
			if it.kind == itemQualifier && it.field == pb.QualifierField_QUALIFIER_FIELD_TIME {
				items[k] = item{kind: itemWh, text: "when", at: it.at, span: it.span}
			}
		}
		// "When was the lawsuit dropped?": a relation that stopped did so
		// at the end of its time; one whose time has no end gives no answer.
		whenEnded = true
		understood = append(understood, "the time asked = when the relation stopped: the end of its time")
	}
	// "Did Norvane drop its lawsuit on February 10?": a date of when a
	// relation stopped, which its time (when it held, from February 10)
	// does not give.
	if changed && ending && !whenEnded && slices.ContainsFunc(items, func(it item) bool { return it.kind == itemDate }) {
		return nil, fail("it dates when a relation stopped, which the graph does not record (a relation's time is when it held)")
	}
	// "Did Chey propose the alliance before April 22?" is not "on April
	// 22": a date after a bound word is a bound (see matchBound), also
	// when the word ends a lexicon phrase ("What had Chey proposed by May
	// 8?", "proposed by"); after "until", "to" or "from" it is one end of
	// a span, which is refused.
	for k, it := range items {
		if it.kind != itemDate || it.date.Bound != "" || it.at == 0 {
			continue
		}
		if bound, n := matchBound(words, it.at-1); n == 1 {
			items[k].date.Bound = bound
			items[k].text = words[it.at-1].text + " " + it.text
			continue
		}
		if boundWords[words[it.at-1].lower] {
			return nil, fail(fmt.Sprintf("it asks about times %s a date (%q), which it cannot compare yet; ask before, by, after, since, on or in a date", words[it.at-1].lower, it.text))
		}
	}
	if leadingNegation(items) {
		understood = append(understood, fmt.Sprintf("%q = a question that asks for confirmation, read as %q", items[0].text+"n't", items[0].text))
	}
	items, negated, err := takeNegation(items)
	if err != nil {
		return nil, fail(err.Error())
	}
	items, besides, err := takeBesides(items)
	if err != nil {
		return nil, fail(err.Error())
	}
	another := ""
	if k := slices.IndexFunc(items, func(it item) bool { return it.besides }); k >= 0 {
		another = items[k].text
	}
	items, echoed := mergeEchoedEvents(ix, items)
	items, choices := takeChoices(items)
	var compare comparison
	for _, it := range items {
		if it.compare.field != 0 {
			if compare.field != 0 {
				return nil, fail("it compares twice; compare one thing at a time")
			}
			compare = it.compare
		}
	}
	if compare.field != 0 && len(choices) < 2 {
		return nil, fail("it compares without naming what to compare: name the choices (\"..., A or B?\")")
	}
	q, err := b.build(items)
	if err != nil {
		// "Which country did the U.S. announce a trade deal with?": a
		// speech verb whose object is another relation's noun may leave
		// the relation to the noun, as a light verb does, when its own
		// reading has no place for the names.
		if light, verb, ok := verbAsLight(items); ok {
			if lq, lerr := (&questionBuilder{ix: ix, vocab: v, names: map[string]int{}}).build(light); lerr == nil {
				q, err = lq, nil
				understood = append(understood, fmt.Sprintf("%q = a light verb: the relation is its noun's", verb))
			}
		}
	}
	if err != nil {
		return nil, fail(err.Error())
	}
	q.Choices, q.Negated, q.echoed, q.Said, q.saidHeads = choices, negated, echoed, said, saidHeads
	q.occurs = occurrence || len(words) > 0 && (words[0].lower == "has" || words[0].lower == "have")
	if q.Measure && len(words) > 1 && strings.HasPrefix(words[1].note, fmt.Sprintf("%q", "worth")) {
		// "How much is Halcyon worth?": the graph gives amounts of
		// relations ("the financing package"), not what a name is worth.
		return nil, fail("it asks what a name is worth, and the graph gives amounts only of relations, such as a deal or a package")
	}
	// Not "May", the month, after the first word.
	q.modal = slices.ContainsFunc(words[min(1, len(words)):], func(w word) bool { return modalAuxWords[w.lower] && w.text != "May" }) ||
		len(words) > 0 && modalAuxWords[words[0].lower]
	q.WhenEnded = whenEnded
	if q.YesNo && terse(items) && matchTruthFrame(words, 0) == 0 {
		// "kittiwake chairman", "halcyon hq": a query of names and nouns,
		// without a wh-word or an auxiliary, asks for what it leaves
		// unnamed, not whether it holds.
		if vars := unnamedEnds(q); len(vars) > 0 {
			q.YesNo, q.AnswerVars = false, vars
			understood = append(understood, "no wh-word or auxiliary: the answer is what the query leaves unnamed")
		}
	}
	if q.YesNo {
		// "Does Chey also head the Korea Chamber?": no other answer is
		// asked for.
		another = ""
		if len(besides) > 0 {
			return nil, fail("it sets a name aside, which only a question that asks for names can do")
		}
	}
	q.Besides, q.Another, q.Compare = besides, another, compare
	if claimed {
		// "Is Kioxia ranked higher than SK?": whether the first choice
		// is the one the comparison keeps.
		if compare.field == 0 || len(choices) != 2 {
			return nil, fail("it compares two names by no rank, amount or time it can read")
		}
		q.Claimed = true
	}
	if negated {
		switch {
		case q.Count:
			return nil, fail("it counts what is not so; the graph is not complete, so it cannot count what does not hold")
		case !q.YesNo && (len(choices) == 0 || len(q.AnswerVars) != 1):
			return nil, fail("it asks for what is not so; the graph is not complete, so it cannot list what does not hold: name the choices (\"..., A or B?\")")
		}
	}
	q.Mentions, q.Understood, q.Skipped = mentions, understood, skipped
	// "Is it true that he was ...": the tense is the clause's, its first
	// auxiliary's.
	if first := matchTruthFrame(words, 0); q.YesNo && first < len(words) {
		if first > 0 {
			for first < len(words) && !auxWords[words[first].lower] {
				first++
			}
		}
		// "Is Halcyon going to build ...?" asks about what is to come.
		q.Present = first < len(words) && presentWords[words[first].lower] && !slices.ContainsFunc(words, func(w word) bool { return w.lower == "going" })
	}
	for _, w := range words {
		if w.note != "" && w.lower != strings.ToLower(w.text) {
			q.Reread = append(q.Reread, [2]string{w.text, w.lower})
		}
	}
	nounDated := false // a date of the question's own relation noun
	for _, it := range items {
		if it.order != 0 {
			q.Order = it.order
		}
		if it.kind == itemDate {
			if v, ok := q.eventDates[it.at]; ok && !q.isMain(v) {
				if q.NounDates == nil {
					q.NounDates = map[string][]DateFilter{}
				}
				q.NounDates[v] = append(q.NounDates[v], it.date)
				continue
			} else if ok {
				nounDated = true
			}
			q.Dates = append(q.Dates, it.date)
		}
		if it.kind == itemManner {
			q.Manners = append(q.Manners, strings.ToLower(it.text))
		}
		if it.kind == itemQuantity {
			q.Amounts = append(q.Amounts, it.amount)
		}
		if it.placeNoun != "" {
			q.PlaceNouns = append(q.PlaceNouns, it.placeNoun)
		}
		if it.kind == itemRank && !b.nounRank {
			if q.Rank != 0 && q.Rank != it.rank {
				return nil, fail("it names two ranks; ask about one at a time")
			}
			q.Rank = it.rank
		}
	}
	// "Did Chey repeat the proposal from April 22 on May 8?": a relation
	// noun's date and another for the same relation ask of two.
	if plain := slices.DeleteFunc(slices.Clone(q.Dates), func(d DateFilter) bool { return d.Bound != "" }); nounDated && len(q.Dates) > 1 ||
		len(plain) > 1 && slices.ContainsFunc(plain[1:], func(d DateFilter) bool { return d != plain[0] }) {
		return nil, fail("it gives its relation two dates; ask about one at a time")
	}
	if err := reasonAnswerable(ix, q); err != nil {
		return nil, fail(err.Error())
	}
	// A date, place, rank, amount or manner narrows the question's own
	// relation: without one (Mains 0, as in "Which acquisitions failed?")
	// it would narrow nothing.
	if q.Mains == 0 && (len(q.Dates) > 0 || len(q.Settings) > 0 || q.Ranked || len(q.Amounts) > 0 || len(q.Manners) > 0) {
		return nil, fail("it names a date, a place, a rank, an amount or a manner, but no relation word for it to narrow")
	}
	// "How much have MHIP and the pension fund committed?" asks for two
	// amounts, or their sum: one of them would be a wrong answer.
	// "together" says which.
	if q.Mains > 1 && len(q.AmountUnits) > 0 && total == "" {
		return nil, fail("it asks for the amount of more than one relation; ask for each party's, or for their sum (\"... together?\")")
	}
	if total != "" {
		if len(q.AmountUnits) != 1 || len(q.AnswerVars) != 1 {
			return nil, fail(fmt.Sprintf("%q asks for the sum of amounts, and the question asks for no one amount", total))
		}
		q.Total = true
		q.Understood = append(q.Understood, fmt.Sprintf("%q = the sum of the amounts", total))
	}
	if role != nil {
		// "Who did Okafor succeed as chief executive?": the main
		// relation's subject holds the role. Whether it held then, the
		// graph's times do not always say: a yes/no question is not
		// answered so ("Did Whitcombe found Kittiwake as chairman?").
		if q.YesNo {
			return nil, fail(fmt.Sprintf("it asks whether a relation was in a role (%q), and the graph does not say which role held when", role.text))
		}
		if q.Mains == 0 || len(q.Pattern.GetTriples()) == 0 {
			return nil, fail(fmt.Sprintf("cannot tell whose role %q is", role.text))
		}
		role.hold(ix, q, q.Pattern.GetTriples()[0].GetSubject())
		understood = append(understood, fmt.Sprintf("%q = a role the relation's subject holds", role.text))
		q.Understood = understood
	}
	// Every name the question gives must be in what it asks: a name left
	// out would answer another question.
	for _, m := range mentions {
		if !mentioned(ix, q, m.Node) {
			return nil, fail(fmt.Sprintf("cannot tell what %q has to do with the rest of the question", m.Text))
		}
	}
	// "When was the factory originally expected to open?" asks for what
	// was stated before a later statement replaced it: the statements
	// reads leave out as superseded answer it too, the earliest first.
	if slices.ContainsFunc(items, func(it item) bool { return it.order < 0 && supersededWords[strings.ToLower(it.text)] }) {
		opts.AllRanks = true
	}
	// "Did Halcyon expect its factory to open in 2027?": what was once
	// intended, a later statement may have replaced; the question asks
	// about the past intention too.
	if len(words) > 0 && (words[0].lower == "did" || words[0].lower == "was" || words[0].lower == "were") && slices.ContainsFunc(items, func(it item) bool {
		return it.kind == itemStatus && intentionStatuses[it.con.GetRelationStatus()] ||
			it.kind == itemIgnore && it.text != "" && planWords[strings.ToLower(strings.Fields(it.text)[0])]
	}) {
		opts.AllRanks = true
	}
	if q.Query, err = pattern.Compile(ix, q.Pattern, opts); err != nil {
		// "Which wind farm was the permit for?": a noun asked for that no
		// relation of the question reaches.
		var fe *pattern.FieldError
		if errors.As(err, &fe) && strings.HasSuffix(fe.Field, ".variable") {
			return nil, fail("cannot tell how the thing it asks for joins the relation it names: " + fe.Msg)
		}
		return nil, fail(err.Error())
	}
	q.opts = opts
	return q, nil
}

// mentioned reports whether a compiled question uses entity n: in a
// triple, a participation or a qualifier clause, or as a setting.
func mentioned(ix *index.Index, q *Question, n index.Node) bool {
	name := ix.NodeName(n)
	p := q.Pattern
	for _, t := range p.GetTriples() {
		if t.GetSubject().GetName() == name || t.GetObject().GetName() == name {
			return true
		}
	}
	for _, pt := range p.GetParticipations() {
		if pt.GetParticipant().GetName() == name {
			return true
		}
	}
	for _, qc := range p.GetQualifiers() {
		if qc.GetComparison().GetValue() == name {
			return true
		}
	}
	return slices.Contains(q.Choices, n) || slices.Contains(q.Besides, n) || slices.ContainsFunc(q.Settings, func(s Setting) bool { return s.Node == n })
}

// takeChoices takes from the end of a wh-question the names it offers to
// choose from, two or more joined by "or" ("..., Samsung or SK?"), or
// from its start two before the wh-word ("Of Samsung and SK, which ..."),
// and returns the items left and the names. A question without a wh-word
// keeps its items; an "or" left elsewhere is refused by the builder.
func takeChoices(items []item) ([]item, []index.Node) {
	if !slices.ContainsFunc(items, func(it item) bool { return it.kind == itemWh }) {
		return items, nil
	}
	k := len(items)
	var names []index.Node
	for k >= 1 && items[k-1].kind == itemEntity {
		names = append([]index.Node{items[k-1].node}, names...)
		k--
		if k >= 1 && items[k-1].kind == itemArticle { // "or the Great Lakes fund"
			k--
		}
		if k >= 2 && items[k-1].kind == itemOr && items[k-2].kind == itemEntity {
			k--
			continue
		}
		break
	}
	if len(names) >= 2 && k > 0 {
		return items[:k], names
	}
	// "Of Samsung and SK, which one was ranked No. 1?"
	if len(items) > 4 && items[0].kind == itemPrep && strings.EqualFold(items[0].text, "of") && items[1].kind == itemEntity &&
		(items[2].kind == itemAnd || items[2].kind == itemOr) && items[3].kind == itemEntity && items[4].kind == itemWh {
		return items[4:], []index.Node{items[1].node, items[3].node}
	}
	return items, nil
}

// mergeEchoedEvents reads a verb whose object is an event noun of its own
// predicate as the verb alone ("approved the construction permit for
// Gannet Bank" is "approved Gannet Bank"): the noun names the verb's own
// relation, and the preposition after it leads to the verb's object. It
// reports whether it merged any.
func mergeEchoedEvents(ix *index.Index, items []item) ([]item, bool) {
	isTopic := func(n index.Node) bool { return ix.EntityType(n) == "topic" }
	merged := false
	for k := 0; k < len(items); k++ {
		if items[k].kind != itemVerb || items[k].phrase.Noun {
			continue
		}
		// "Was the Gannet Bank construction permit approved?": a
		// passive's subject that is the verb's own event noun after a
		// name is that name.
		if j := ownEventBeforePassive(ix, items, k); j > 0 {
			items, merged = slices.Delete(slices.Clone(items), j, j+1), true
			continue
		}
		// "commit to the Gannet Bank financing package": the name before
		// the noun is the verb's object, and the noun says no more.
		if n := ownEventAfterName(ix, items, k); n > 0 {
			from := n
			if items[n-1].kind == itemPoss {
				from-- // "Gannet Bank's permit": the possessive goes with the noun
			}
			items, merged = slices.Delete(slices.Clone(items), from, n+1), true
			continue
		}
		start := k + 1
		if start+1 < len(items) && items[start].kind == itemEntity && !isTopic(items[start].node) && items[start+1].kind == itemArticle {
			// "award Corvid the cable contract": the name before the
			// article is the verb's object.
			start++
		}
		j := start
		// "sued in the lawsuit": "in" the verb's own noun. ("commit to the
		// financing" is left: which financing the noun means, the verb
		// alone would not say.)
		if j+1 < len(items) && j == k+1 && items[j].kind == itemPrep && strings.EqualFold(items[j].text, "in") && items[j+1].kind == itemArticle {
			j++
		}
		for j < len(items) && (items[j].kind == itemArticle || items[j].kind == itemPoss) {
			j++
		}
		// "awarded the export cable contract": a topic before the noun is
		// what the verb's relation is about, as "on" would say.
		var topic []item
		if j+1 < len(items) && items[j].kind == itemEntity && isTopic(items[j].node) {
			topic = []item{{kind: itemPrep, text: "on", at: items[j].at}, items[j]}
			j++
		}
		if j >= len(items) || items[j].kind != itemEvent || !slices.Equal(items[j].preds, []vocab.ID{items[k].phrase.Predicate}) {
			continue
		}
		end := j + 1
		// The preposition leads to the verb's object; a passive's name
		// after it is no doer ("Who was awarded the contract for Gannet
		// Bank?"), and keeps it.
		if end < len(items) && items[end].kind == itemPrep && !beforeParticiple(items, k) {
			end++
		}
		items, merged = slices.Delete(slices.Clone(items), start, end), true
		// After the verb's object when one follows, where "on" ends a
		// clause: "award the export cable contract to Corvid" is "award
		// Corvid on export cables".
		at := k + 1
		if at+1 < len(items) && items[at].kind == itemPrep && items[at+1].kind == itemEntity {
			at++ // "by Kittiwake"
		}
		if at < len(items) && items[at].kind == itemEntity && !isTopic(items[at].node) {
			at++
		}
		items = slices.Insert(items, at, topic...)
	}
	return items, merged
}

// ownEventAfterName returns the index of the event noun of verb
// items[k]'s own predicate that follows, after at most a preposition and
// an article, a name that only the predicate's object fits, and ends the
// question or comes before another preposition or a date ("commit to the
// Gannet Bank financing package": an investment in Gannet Bank), or 0 for
// none. A name the subject fits too may be either ("sued in the Norvane
// lawsuit" is Norvane's).
func ownEventAfterName(ix *index.Index, items []item, k int) int {
	j := k + 1
	if j < len(items) && items[j].kind == itemPrep {
		j++
	}
	if j < len(items) && items[j].kind == itemArticle {
		j++
	}
	// "approved Gannet Bank's construction permit": a possessive too.
	ev := j + 1
	if ev < len(items) && items[ev].kind == itemPoss {
		ev++
	}
	if ev >= len(items) || items[j].kind != itemEntity || ix.EntityType(items[j].node) == "topic" || items[ev].kind != itemEvent ||
		!slices.Equal(items[ev].preds, []vocab.ID{items[k].phrase.Predicate}) {
		return 0
	}
	if ev+1 < len(items) && items[ev+1].kind != itemPrep && items[ev+1].kind != itemDate {
		return 0
	}
	v := ix.Vocabulary()
	p, n := v.Predicate(items[k].phrase.Predicate), items[j].node
	// Or a name that only a relation of the object fits ("approved the
	// Gannet Bank construction permit": the development of Gannet Bank).
	if !v.Fits(ix.EntityType(n), ix.Kinds(n), p.ObjectTypes) && !slices.Contains(p.ObjectTypes, vocab.RelationType) || v.Fits(ix.EntityType(n), ix.Kinds(n), p.SubjectTypes) {
		return 0
	}
	return ev
}

// ownEventBeforePassive returns the index of the event noun of verb
// items[k]'s own predicate that ends a passive's subject right before
// the verb, after a name of no topic that the predicate's subject does not
// fit ("Was the Gannet Bank construction permit approved?"), or 0 for
// none: the passive asks the verb of the name, as "Was Gannet Bank
// approved?" does.
func ownEventBeforePassive(ix *index.Index, items []item, k int) int {
	j := k - 1
	if j < 2 || items[j].kind != itemEvent || !slices.Equal(items[j].preds, []vocab.ID{items[k].phrase.Predicate}) ||
		items[j-1].kind != itemEntity || ix.EntityType(items[j-1].node) == "topic" || !beforeParticiple(items, k) {
		return 0
	}
	// A name the subject fits may be the noun's subject instead.
	v, n := ix.Vocabulary(), items[j-1].node
	if v.Fits(ix.EntityType(n), ix.Kinds(n), v.Predicate(items[k].phrase.Predicate).SubjectTypes) {
		return 0
	}
	return j
}

// terse reports whether a question's items are a query of names and
// nouns: no wh-word, no auxiliary, no negation.
func terse(items []item) bool {
	return len(items) > 0 && !slices.ContainsFunc(items, func(it item) bool {
		return it.kind == itemWh || it.kind == itemAux || it.kind == itemNot || it.kind == itemQualifier
	})
}

// unnamedEnds returns the variables at the ends of a question's main
// triples, the parties it leaves unnamed, in order.
func unnamedEnds(q *Question) []string {
	var out []string
	for _, t := range q.Pattern.GetTriples()[:min(max(q.Mains, 1), len(q.Pattern.GetTriples()))] {
		for _, term := range []*pb.Term{t.GetSubject(), t.GetObject()} {
			if v := term.GetVariable(); v != "" && !slices.Contains(out, v) {
				out = append(out, v)
			}
		}
	}
	return out
}

// comparison is what a comparative asks of the choices: the one whose
// relation's field qualifier is the most (best > 0) or the least.
type comparison struct {
	field pb.QualifierField
	best  int
}

// comparatives compare the choices a question offers by a qualifier of
// their relations: "higher" by rank (the higher is the lower position),
// "more" by amount, "earlier" by time.
var comparatives = map[string]comparison{
	"higher": {pb.QualifierField_QUALIFIER_FIELD_RANK, -1}, "lower": {pb.QualifierField_QUALIFIER_FIELD_RANK, 1},
	"better": {pb.QualifierField_QUALIFIER_FIELD_RANK, -1}, "worse": {pb.QualifierField_QUALIFIER_FIELD_RANK, 1},
	"more": {pb.QualifierField_QUALIFIER_FIELD_QUANTITY, 1}, "less": {pb.QualifierField_QUALIFIER_FIELD_QUANTITY, -1},
	"earlier": {pb.QualifierField_QUALIFIER_FIELD_TIME, -1}, "later": {pb.QualifierField_QUALIFIER_FIELD_TIME, 1},
	"sooner": {pb.QualifierField_QUALIFIER_FIELD_TIME, -1},
}

// inSitu reads a question whose wh-word comes late, after an auxiliary
// ("Kioxia is a company from which country?", "The Korean company that
// partnered with Sony is ranked what globally?"), as one that opens with
// it: "Which country is Kioxia a company from", "What is the Korean
// company ... ranked globally". The auxiliary goes after the wh-phrase, a
// preposition before it stays at the end, and so do scope words after
// it. Other words are returned as they are.
func inSitu(words []word) []word {
	n := len(words)
	w := slices.IndexFunc(words, func(x word) bool { return whWords[x.lower] })
	if w < 2 || auxWords[words[0].lower] {
		return words
	}
	// "the company which opposed the bid": after a noun, "which" and
	// "who" open a relative clause; asked late they follow a preposition.
	if relativePronouns[words[w].lower] && !prepWords[words[w-1].lower] {
		return words
	}
	aux := -1
	for k := w - 1; k >= 1; k-- {
		if auxWords[words[k].lower] {
			aux = k
			break
		}
	}
	if aux < 1 {
		return words
	}
	end := n
	for end > w+1 && rankScopes[words[end-1].lower] {
		end--
	}
	prefix := words[:w]
	var stranded []word
	if prepWords[words[w-1].lower] {
		prefix, stranded = words[:w-1], words[w-1:w]
	}
	out := slices.Concat(words[w:end], words[aux:aux+1], prefix[:aux], prefix[aux+1:], stranded, words[end:])
	out[0].note = fmt.Sprintf("%q asked late: read first", words[w].text)
	return out
}

// comparativeClaim reads "Is A ranked higher than B?" (an auxiliary, a
// name, words with a comparative, "than", a name) as "Which ranked higher,
// A or B?", and reports whether it did: the question then asks whether A
// is the one kept (see Question.Claimed).
func comparativeClaim(words []word) ([]word, bool) {
	n := len(words)
	than := slices.IndexFunc(words, func(w word) bool { return w.lower == "than" })
	if n < 5 || !auxWords[words[0].lower] || than < 3 || than >= n-1 ||
		!slices.ContainsFunc(words[1:than], func(w word) bool { return comparatives[w.lower].field != 0 }) {
		return words, false
	}
	// The first name: the capitalized words after the auxiliary (and an
	// article).
	start := 1
	if words[start].lower == "the" {
		start++
	}
	end := start
	for end < than && isNameStart(words[end]) {
		end++
	}
	if end == start {
		return words, false
	}
	out := []word{{text: "which", lower: "which", note: fmt.Sprintf("%q ... %q: which of the two", words[0].text, "than")}}
	out = append(out, words[end:than]...)
	out = append(out, words[start:end]...)
	out = append(out, word{text: "or", lower: "or"})
	return append(out, words[than+1:]...), true
}

// comparativeFirst moves a comparative, with a money word after it, from
// inside a wh-question's phrase to after its first word, where it breaks
// no phrase: "Which invested less in Gannet Bank, ...?" is read as "Which
// less invested in Gannet Bank, ...?". Other words are returned as they
// are.
func comparativeFirst(words []word) []word {
	if len(words) < 4 || !whWords[words[0].lower] {
		return words
	}
	for i := 2; i < len(words)-1; i++ {
		if comparatives[words[i].lower].field == 0 || articleWords[words[i-1].lower] || words[i-1].lower == "'s" {
			continue
		}
		n := 1
		if i+1 < len(words) && moneyWords[words[i+1].lower] {
			n = 2
		}
		moved := slices.Concat(words[:1], words[i:i+n], words[1:i], words[i+n:])
		return moved
	}
	return words
}

// moneyWords after "more" or "less" say only that it compares amounts:
// "committed more money to".
var moneyWords = map[string]bool{"money": true, "cash": true, "capital": true, "funds": true}

// asRole is "as chief executive (of Kittiwake)" after a relation: a role
// its subject holds.
type asRole struct {
	text   string
	phrase vocab.Phrase
	title  string
	org    index.Node
	hasOrg bool
}

// eventIdeas reads a noun for a relation ("idea") beside a relation noun
// as that noun: "the alliance idea" and "the idea of a Korea-Japan
// economic alliance" are the alliance, "his mention of the idea" his
// mention. The noun, and its "of", are skipped.
func eventIdeas(items []item) []item {
	skip := func(it item) item { return item{kind: itemIgnore, text: it.text, at: it.at, span: it.span} }
	for k, it := range items {
		if it.kind != itemType || it.con.GetType() != vocab.RelationType {
			continue
		}
		if k > 0 && items[k-1].kind == itemEvent {
			items[k] = skip(it)
			continue
		}
		if j := k - 1; j > 0 && items[j].kind == itemArticle && items[j-1].kind == itemPrep && strings.EqualFold(items[j-1].text, "of") && j > 1 && items[j-2].kind == itemEvent {
			// "his second public mention of the idea".
			items[j-1], items[j], items[k] = skip(items[j-1]), skip(items[j]), skip(it)
			continue
		}
		if j := k + 1; j < len(items) && items[j].kind == itemPrep && strings.EqualFold(items[j].text, "of") {
			e := j + 1
			for e < len(items) && (items[e].kind == itemArticle || items[e].kind == itemEntity) {
				e++
			}
			if e < len(items) && items[e].kind == itemEvent {
				items[k], items[j] = skip(it), skip(items[j])
			}
		}
	}
	return items
}

// takeAsRole takes "as" and a relational noun with titles, and "of" a
// name after it, from the end of a question's items ("Who did Okafor
// succeed as chief executive of Kittiwake?"), or returns nil.
func takeAsRole(items []item) ([]item, *asRole) {
	for k := 1; k+1 < len(items); k++ {
		it, noun := items[k], items[k+1]
		if it.kind != 0 || !strings.EqualFold(it.text, "as") || noun.kind != itemVerb || !noun.phrase.Noun || len(noun.phrase.Titles) == 0 {
			continue
		}
		// A title one clause can test narrows the match; every answer's
		// role is then read as the noun's titles (Question.NounTitles):
		// "CEO" holds of "Chief Executive".
		title, _ := oneTitle(noun.phrase.Titles)
		r := &asRole{text: joinItems(items[k : k+2]), phrase: noun.phrase, title: title}
		end := k + 2
		pw := noun.phrase.Words
		switch {
		case end+1 < len(items) && items[end].kind == itemPrep && strings.EqualFold(items[end].text, "of") && items[end+1].kind == itemEntity:
			r.org, r.hasOrg, r.text = items[end+1].node, true, joinItems(items[k:end+2])
			end += 2
		case end < len(items) && prepWords[pw[len(pw)-1]] && items[end].kind == itemEntity:
			// "as chief executive of Kittiwake": the lexicon's "of".
			r.org, r.hasOrg, r.text = items[end].node, true, joinItems(items[k:end+1])
			end++
		}
		if end != len(items) && items[end].kind != itemDate {
			continue
		}
		return slices.Concat(items[:k], items[end:]), r
	}
	return items, nil
}

// hold adds to q that holder has the role: a relation of the noun's
// predicates, with the organization named or any, whose role says the
// noun's title.
func (r *asRole) hold(ix *index.Index, q *Question, holder *pb.Term) {
	used := usedVariables(q.Pattern)
	fresh := func(base string) string {
		for used[base] {
			base += "_"
		}
		used[base] = true
		return base
	}
	object := &pb.Term{Term: &pb.Term_Variable{Variable: fresh("organization")}}
	if r.hasOrg {
		object = &pb.Term{Term: &pb.Term_Name{Name: ix.NodeName(r.org)}}
	}
	rel := fresh("role")
	var preds []string
	for _, p := range r.phrase.Predicates() {
		preds = append(preds, ix.Vocabulary().Predicate(p).Name)
	}
	q.Pattern.Triples = append(q.Pattern.Triples, &pb.Triple{Subject: holder, Predicates: preds, Object: object, RelationVariable: rel})
	if r.title != "" {
		q.Pattern.Qualifiers = append(q.Pattern.Qualifiers, &pb.QualifierClause{Relation: &pb.Term{Term: &pb.Term_Variable{Variable: rel}}, Field: pb.QualifierField_QUALIFIER_FIELD_ROLE,
			Test: &pb.QualifierClause_Comparison{Comparison: &pb.Comparison{Operator: pb.ComparisonOperator_COMPARISON_OPERATOR_CONTAINS, Value: r.title}}})
	}
	if q.NounTitles == nil {
		q.NounTitles = map[string][]string{}
	}
	q.NounTitles[rel] = r.phrase.Titles
}

// planWords, before "to" and a verb, say an intention: "was planning to
// open".
var planWords = map[string]bool{"plan": true, "plans": true, "planned": true, "planning": true, "expect": true, "expected": true,
	"expecting": true, "intend": true, "intended": true, "intending": true}

// intentionStatuses say what a relation's subject means to do.
var intentionStatuses = map[pb.RelationStatus]bool{pb.RelationStatus_RELATION_STATUS_PLANNED: true, pb.RelationStatus_RELATION_STATUS_PROPOSED: true}

// boundWords before a date make it a bound, not the date of a relation:
// "before April 22", "since 2021".
var boundWords = map[string]bool{"before": true, "after": true, "by": true, "until": true, "till": true, "since": true, "prior": true, "to": true}

// changeStatuses are the statuses that come about at a moment the graph
// does not record as such (a relation's time is when it held): when a
// relation completed, failed, was withdrawn or ended. Of those that end
// it (endStatuses) the moment is the end of its time.
var (
	changeStatuses = map[pb.RelationStatus]bool{pb.RelationStatus_RELATION_STATUS_COMPLETED: true, pb.RelationStatus_RELATION_STATUS_FAILED: true,
		pb.RelationStatus_RELATION_STATUS_WITHDRAWN: true, pb.RelationStatus_RELATION_STATUS_ENDED: true}
	endStatuses = map[pb.RelationStatus]bool{pb.RelationStatus_RELATION_STATUS_WITHDRAWN: true, pb.RelationStatus_RELATION_STATUS_ENDED: true}
)

// verbAsLight returns items with their one verb read as a light verb
// when it is a speech verb (speechVerbs: it reports a relation) and an
// article and a relation noun of other predicates follow it ("announce a
// trade deal"), with the verb's text, or false.
func verbAsLight(items []item) ([]item, string, bool) {
	verb := -1
	for k, it := range items {
		if it.kind == itemVerb {
			if verb >= 0 {
				return nil, "", false
			}
			verb = k
		}
	}
	// Only a verb that reports a relation, as one announces a deal: "oppose
	// a trade deal with" is no light verb.
	if verb < 0 || items[verb].phrase.Noun || verb+2 >= len(items) || items[verb+1].kind != itemArticle || len(items[verb].phrase.Words) == 0 ||
		!speechVerbs[items[verb].phrase.Words[0]] {
		return nil, "", false
	}
	ev := items[verb+2]
	if ev.kind != itemEvent || len(ev.preds) != 1 || ev.preds[0] == items[verb].phrase.Predicate {
		return nil, "", false
	}
	// As classify reads a light verb: the noun is the relation word.
	out := slices.Clone(items)
	out[verb] = item{kind: itemIgnore, text: items[verb].text, light: true, at: items[verb].at, span: items[verb].span}
	out[verb+2] = item{kind: itemVerb, text: ev.text, phrase: vocab.Phrase{Words: strings.Fields(strings.ToLower(ev.text)), Predicate: ev.preds[0]}, at: ev.at, span: ev.span, note: ev.note}
	return out, items[verb].text, true
}

// takeNegation takes the one negation of a question out of its items and
// reports whether there was one. Two negations are refused. A question
// that opens with a negative auxiliary ("Didn't Samsung oppose the bid?")
// asks for confirmation of the positive one, and is read as it ("Did
// Samsung oppose the bid?": Yes, it did); see leadingNegation.
func takeNegation(items []item) ([]item, bool, error) {
	at := -1
	for k, it := range items {
		if it.kind != itemNot {
			continue
		}
		if at >= 0 {
			return nil, false, fmt.Errorf("it has two negations (%q and %q); ask without them", items[at].text, it.text)
		}
		at = k
	}
	if at < 0 {
		return items, false, nil
	}
	return slices.Delete(slices.Clone(items), at, at+1), !leadingNegation(items), nil
}

// leadingNegation reports whether a question opens with a negative
// auxiliary: "Didn't", "Isn't".
func leadingNegation(items []item) bool {
	return len(items) > 1 && items[0].kind == itemAux && items[1].kind == itemNot && items[1].text == "n't"
}

// classify recognizes entities (longest names first), lexicon phrases,
// nouns and function words.
func classify(ix *index.Index, words []word) ([]item, []Mention) {
	v := ix.Vocabulary()
	var items, topics []item
	var mentions []Mention
	for i := 0; i < len(words); {
		if words[i].glue {
			items = append(items, item{kind: itemIgnore, text: words[i].text, at: i, span: 1})
			i++
			continue
		}
		if it, n, ok := matchEntity(ix, words, i); ok {
			it.at, it.span = i, n
			// "Howard Lutnik": two pieces read as one entity are one name.
			if k := len(items) - 1; k >= 0 && items[k].kind == itemEntity && items[k].node == it.node && items[k].at+items[k].span == i {
				items[k].text += " " + it.text
				items[k].span += n
				items[k].fuzzy = items[k].fuzzy || it.fuzzy
				mentions[len(mentions)-1].Text = items[k].text
				i += n
				continue
			}
			items = append(items, it)
			mentions = append(mentions, Mention{Text: it.text, Node: it.node, Fuzzy: it.fuzzy})
			i += n
			continue
		}
		if n, ev, evLen, sv := lightVerb(v, words, i, lastBut(items, itemNot, itemAux).kind == itemEntity); n > 0 && (!recipientVerbs[words[i].lower] || hostable(v, words, ev, evLen)) {
			// "make a proposal" is "propose": the light verb is skipped
			// and the event noun after it is the relation word. A status
			// verb gives the relation its status: "complete an
			// acquisition".
			if sv.word != "" {
				items = append(items, item{kind: itemStatus, text: words[i].text, con: statusConstraint(sv.status), at: i, span: n,
					light: true, note: fmt.Sprintf("a form of %q", sv.word)})
			} else {
				items = append(items, item{kind: itemIgnore, text: joinWords(words[i : i+n]), at: i, span: n, light: true})
			}
			i += n
			if evLen == 2 {
				// "the export cable contract": a name that takes the two-word
				// noun's first word leaves the one-word noun after it.
				if ps, ok := v.EventNoun(words[ev+1].lower); ok && len(ps) == 1 {
					if its, _ := classify(ix, words[i:ev+1]); len(its) > 0 && its[len(its)-1].kind == itemEntity && i+its[len(its)-1].at+its[len(its)-1].span == ev+1 {
						ev, evLen = ev+1, 1
					}
				}
			}
			noun := words[ev : ev+evLen]
			ws := make([]string, evLen)
			for k, w := range noun {
				ws[k] = w.lower
			}
			ps, _ := v.EventNoun(strings.Join(ws, " "))
			mark := len(topics)
			var object []item
			if i < ev {
				its, ms := classify(ix, words[i:ev])
				for k := range its {
					its[k].at += i
					if n := ordinals[strings.ToLower(its[k].text)]; its[k].kind == 0 && n > 1 && its[k].at+its[k].span == ev {
						// "make his second proposal": the ordinal before
						// the noun is the second in time.
						its[k].kind, its[k].order = itemIgnore, -int(n)
					}
					// "won the export cable contract": a topic before the
					// noun that its predicate takes no such object of is
					// what the relation is about, read as "on" it after the
					// question's other words (see questionBuilder.settings).
					if it := its[k]; it.kind == itemEntity && ix.EntityType(it.node) == "topic" && !v.Fits(ix.EntityType(it.node), ix.Kinds(it.node), v.Predicate(ps[0]).ObjectTypes) {
						topics = append(topics, item{kind: itemPrep, text: "on", at: it.at}, it)
						its[k].kind = itemArticle
					}
				}
				// The relation noun just before the verb's is its object,
				// read after it: "his alliance proposal"; so is a name the
				// noun's predicate takes as object, not a topic: "expect
				// its New Bedford factory" (a factory in New Bedford).
				if k := len(its) - 1; k >= 0 && its[k].kind == itemEvent && its[k].at+its[k].span == ev {
					object = its[k:]
					its = its[:k]
				} else if k >= 0 && its[k].at+its[k].span == ev && !recipientVerbs[words[i-n].lower] {
					// Past a topic before the noun, read as "on" it.
					j := k
					for j > 0 && its[j].kind == itemArticle {
						j--
					}
					if e := its[j]; e.kind == itemEntity && ix.EntityType(e.node) != "topic" && v.Fits(ix.EntityType(e.node), ix.Kinds(e.node), v.Predicate(ps[0]).ObjectTypes) {
						object = []item{e}
						its = slices.Delete(slices.Clone(its), j, j+1)
					}
				}
				items, mentions = append(items, its...), append(mentions, ms...)
			}
			// "Which city will host the factory?": the host is where it is.
			recipient := recipientVerbs[words[i-n].lower]
			if recipient {
				// "Will New Bedford host Halcyon's factory?": the possessor
				// is the noun's subject, read after it as "by" it.
				for k := len(items) - 2; k >= 0 && items[k].at >= i; k-- {
					if items[k].kind == itemEntity && items[k+1].kind == itemPoss {
						// Before the topics: settings are read from the end.
						topics = slices.Insert(topics, mark, item{kind: itemPrep, text: "by", at: items[k].at}, items[k])
						items[k].kind, items[k+1].kind = itemArticle, itemArticle
					}
				}
			}
			items = append(items, item{kind: itemVerb, text: joinWords(noun), phrase: vocab.Phrase{Words: ws, Predicate: ps[0], Passive: recipient}, at: ev, span: evLen, note: notesOf(noun), eventVerb: true})
			items = append(items, object...)
			i = ev + evLen
			// The preposition after the noun leads to its object ("its
			// suit against Halcyon"), whatever the lexicon makes of it.
			if i < len(words) && (prepWords[words[i].lower] || words[i].lower == "against") {
				items = append(items, item{kind: itemPrep, text: words[i].text, at: i, span: 1})
				i++
			}
			continue
		}
		if p, noun, ok := frontedLight(ix, words, i, items); ok {
			// "How many proposals did Chey make?": the light verb after
			// its relation noun says that the noun's relation happened.
			items = append(items, item{kind: itemVerb, text: words[i].text, phrase: vocab.Phrase{Words: []string{words[i].lower}, Predicate: p}, at: i, span: 1,
				note: fmt.Sprintf("the relation of %q before it", noun), lightEcho: true})
			i++
			if i < len(words) && words[i].lower == "against" {
				items = append(items, item{kind: itemPrep, text: words[i].text, at: i, span: 1})
				i++
			}
			continue
		}
		if len(items) > 0 && items[len(items)-1].kind == itemEntity && modifierParticiple(v, words[i].lower) && i+1 < len(words) && isNounAt(v, words, i+1) {
			// "a Maine-based company": the participle of an object
			// modifier's phrase says what the name before the noun is.
			items = append(items, item{kind: itemIgnore, text: words[i].text, at: i, span: 1})
			i++
			continue
		}
		if k := len(items) - 1; k >= 1 && items[k].kind == itemPoss && items[k-1].kind == itemEntity {
			if ph, n, ok := possessedNoun(v, words, i); ok {
				name := items[k-1]
				items = append(items[:k-1], item{kind: itemVerb, text: joinWords(words[i : i+n]), phrase: ph, note: notesOf(words[i : i+n]), at: i, span: n}, name)
				i += n
				continue
			}
		}
		if n := matchCopular(v, words, i); n > 0 {
			// "Will Graham Whitcombe stay on as chairman?" asks whether he
			// is chairman.
			items = append(items, item{kind: itemAux, text: joinWords(words[i : i+n]), at: i, span: n})
			i += n
			continue
		}
		if ph, n, ok := bareNoun(ix, words, i, items); ok {
			// "Is Graham Whitcombe chairman?", "Who is chairman?": a
			// relational noun without its "of" and object.
			items = append(items, item{kind: itemVerb, text: joinWords(words[i : i+n]), phrase: ph, note: notesOf(words[i : i+n]), at: i, span: n})
			i += n
			continue
		}
		if n := matchOccurrence(words, i); n > 0 && slices.ContainsFunc(items, func(it item) bool { return it.kind == itemEvent || it.eventVerb }) {
			// "Where did the April 22 proposal take place?": the relation
			// noun's relation happened; the verb adds nothing.
			// Before the lexicon: "When will the plant start up?" is not
			// "founds".
			items = append(items, item{kind: itemIgnore, text: joinWords(words[i : i+n]), at: i, span: n})
			i += n
			continue
		}
		if attemptAdjectives[words[i].lower] && len(items) > 0 && (items[len(items)-1].kind == itemArticle || items[len(items)-1].kind == itemPoss) &&
			i+1 < len(words) && (isEvent(v, words[i+1].lower) || i+2 < len(words) && isEvent(v, words[i+1].lower+" "+words[i+2].lower)) {
			// "the proposed acquisition of Kioxia", "its attempted
			// buyout": the relation sought, whatever came of it.
			items = append(items, item{kind: itemIgnore, text: words[i].text, at: i, span: 1})
			i++
			continue
		}
		if i+2 < len(words) && endUpWords[words[i].lower] && words[i+1].lower == "up" && strings.HasSuffix(words[i+2].lower, "ing") {
			// "Did Western Digital end up acquiring Kioxia?" asks whether
			// the relation came about in the end: as "ultimately", it
			// adds nothing.
			items = append(items, item{kind: itemIgnore, text: joinWords(words[i : i+2]), at: i, span: 2})
			i += 2
			continue
		}
		if n := matchSource(words, i); n > 0 {
			// "mentioned in the article" says where the facts come from,
			// before "mention" can be read as a lexicon verb.
			items = append(items, item{kind: itemIgnore, text: joinWords(words[i : i+n]), at: i, span: n})
			i += n
			continue
		}
		k := len(items) - 1
		if k >= 1 && items[k].kind == itemEntity && items[k].span == 1 && items[k].at == i-1 {
			k-- // "Which Japanese maker": past a name that modifies the noun
		}
		if k >= 0 && items[k].kind == itemWh && (strings.EqualFold(items[k].text, "which") || strings.EqualFold(items[k].text, "what")) &&
			i+1 < len(words) && !isNounAt(v, words, i+1) && words[i+1].text == words[i+1].lower && !articleWords[words[i+1].lower] {
			// "Which fund invests in Gannet Bank?": a noun of the
			// vocabulary right after "which" (and a name), before a verb,
			// is the noun, not a verb or a relational noun it is too
			// ("fund", "maker").
			if con, singular, ok := nounConstraint(v, words[i].lower); ok {
				if _, isVerb := v.EventNoun(words[i].lower); !isVerb {
					items = append(items, item{kind: itemType, text: words[i].text, con: con, noun: strings.ReplaceAll(singular, " ", "_"), at: i, span: 1, note: words[i].note})
					i++
					continue
				}
			}
		}
		if i+1 < len(words) && strings.HasSuffix(words[i].lower, "ing") {
			// "the Gannet Bank financing package": a gerund that with
			// the next word is a relation noun is that noun, not the
			// verb ("finance").
			two := words[i].lower + " " + words[i+1].lower
			if ps, ok := v.EventNoun(two); ok {
				items = append(items, item{kind: itemEvent, text: two, preds: ps, noun: strings.ReplaceAll(v.SingularEventNoun(two), " ", "_"), at: i, span: 2, note: notesOf(words[i : i+2])})
				i += 2
				continue
			}
		}
		if it, n, gap, ok := matchPhrase(v, words, i, items); ok {
			items = append(items, it)
			// A gap phrase ("regards * as strategic") has its object inside:
			// the gap's words are classified next, then the phrase's tail is
			// skipped.
			if gap != nil {
				gapItems, gapMentions := classify(ix, words[gap[0]:gap[1]])
				for k := range gapItems {
					gapItems[k].at += gap[0]
				}
				items = append(items, gapItems...)
				mentions = append(mentions, gapMentions...)
			}
			i += n
			continue
		}
		if words[i].manner {
			items = append(items, item{kind: itemManner, text: words[i].text, at: i, span: 1})
			i++
			continue
		}
		// "on May 8", "in 2021"; after a bound's words, a bound of the
		// relation's time: "before May 8", "as of 2021".
		bound, b := matchBound(words, i)
		if d, n, ok := matchDate(words, i+b); ok && (b == 0 || words[i+b].lower != "in" && words[i+b].lower != "on") {
			d.Bound, n = bound, b+n
			note := ""
			for _, w := range words[i : i+n] {
				note = cmp.Or(note, w.note) // "Apirl" read as April
			}
			items = append(items, item{kind: itemDate, text: joinWords(words[i : i+n]), date: d, note: note, at: i, span: n})
			i += n
			continue
		}
		if pos, n, ok := matchRank(words, i, items); ok {
			items = append(items, item{kind: itemRank, text: joinWords(words[i : i+n]), rank: pos, at: i, span: n})
			i += n
			continue
		}
		if n := max(matchSource(words, i), matchTruthFrame(words, i)); n > 0 {
			items = append(items, item{kind: itemIgnore, text: joinWords(words[i : i+n]), at: i, span: n})
			i += n
			continue
		}
		if n := matchScope(words, i); n > 0 {
			items = append(items, item{kind: itemScope, text: joinWords(words[i : i+n]), at: i, span: n})
			i += n
			continue
		}
		if unit, n, ok := matchHowMuch(words, i); ok {
			// "How much", "How many miles", "How far": the amount the
			// relation gives, in such a unit.
			items = append(items, item{kind: itemQualifier, text: joinWords(words[i : i+n]), field: pb.QualifierField_QUALIFIER_FIELD_QUANTITY, noun: "amount", unit: unit})
			i += n
			continue
		}
		if i+2 < len(words) && words[i].lower == "how" && words[i+1].lower == "many" && words[i+2].lower == "times" {
			// "How many times did Chey propose the alliance?": a count of
			// the relations themselves.
			items = append(items, item{kind: itemWh, text: joinWords(words[i : i+3])})
			i += 3
			continue
		}
		if i+1 < len(words) && words[i].lower == "how" && words[i+1].lower == "many" {
			items = append(items, item{kind: itemWh, text: words[i].text + " " + words[i+1].text})
			i += 2
			continue
		}
		if field, name, con, n, ok := matchSettingWh(v, words, i); ok {
			// "In which market did Samsung and Sony join forces?" asks
			// for the relation's topic, "In what place" for its place,
			// "Before which party" for its audience, a party.
			it := item{kind: itemQualifier, text: joinWords(words[i : i+n]), field: field, noun: name, con: con, at: i, span: n}
			if con == nil && field == pb.QualifierField_QUALIFIER_FIELD_PLACE && !anyPlaceNouns[name] {
				it.placeNoun = name
			}
			items = append(items, it)
			i += n
			continue
		}
		if field, name, n, ok := matchQualifierWh(words, i); ok {
			it := item{kind: itemQualifier, text: joinWords(words[i : i+n]), field: field, noun: name}
			if name == "how_long" {
				// "How long": the relation's time, or a duration it gives
				// (see Question.Duration).
				it.unit = unitDuration
			}
			items = append(items, it)
			i += n
			continue
		}
		if i >= 2 && i+2 < len(words) && whWords[words[0].lower] && auxWords[words[1].lower] && wordsEqual(words[i:i+3], []string{"the", "name", "of"}) {
			// "What is the name of Norvane's chief executive?" asks for
			// the chief executive.
			items = append(items, item{kind: itemIgnore, text: joinWords(words[i : i+3]), at: i, span: 3})
			i += 3
			continue
		}
		if attemptNouns[words[i].lower] && i+2 < len(words) && words[i+1].lower == "to" && len(items) > 0 &&
			(items[len(items)-1].kind == itemArticle || items[len(items)-1].kind == itemPoss) {
			// After an article or a possessive the word is a noun: "plans
			// to build" is a verb and a modal, "its plan to build" a noun.
			// "Western Digital's attempt to acquire Kioxia" is its
			// acquisition of Kioxia, attempted: the noun names the
			// relation of the verb after it, whose object follows.
			if vi, n, gap, ok := matchPhrase(v, words, i+2, nil); ok && gap == nil && !vi.phrase.Passive && !vi.phrase.Noun {
				items = append(items, item{kind: itemEvent, text: joinWords(words[i : i+2+n]), preds: vi.phrase.Predicates(), noun: words[i].lower, at: i, span: 2 + n, note: vi.note})
				if last := vi.phrase.Words[len(vi.phrase.Words)-1]; !prepWords[last] {
					items = append(items, item{kind: itemPrep, text: "of", at: i + 2 + n})
				} else {
					items = append(items, item{kind: itemPrep, text: last, at: i + 1 + n, span: 1})
				}
				i += 2 + n
				continue
			}
		}
		if n := matchBesides(words, i); n > 0 {
			items = append(items, item{kind: itemBesides, text: joinWords(words[i : i+n]), at: i, span: n})
			i += n
			continue
		}
		if i+2 == len(words) && words[i].lower == "as" && words[i+1].lower == "well" {
			items = append(items, item{kind: itemIgnore, text: joinWords(words[i : i+2]), at: i, span: 2, besides: true})
			i += 2
			continue
		}
		if i+1 < len(words) && words[i].lower == "no" && words[i+1].lower == "longer" {
			items = append(items, item{kind: itemNot, text: joinWords(words[i : i+2]), at: i, span: 2})
			i += 2
			continue
		}
		if n := examplesOf(ix, words, i, items); n > 0 {
			// "economic blocs like the EU and USMCA" are the EU and USMCA:
			// the noun before the examples only says what they are.
			items[len(items)-1].kind = itemIgnore
			items = append(items, item{kind: itemIgnore, text: joinWords(words[i : i+n]), at: i, span: n})
			i += n
			continue
		}
		if n, nth := matchNthTime(words, i); n > 0 {
			// "for the second time" is the second in time.
			items = append(items, item{kind: itemIgnore, text: joinWords(words[i : i+n]), at: i, span: n, order: -nth})
			i += n
			continue
		}
		if i+2 < len(words) && words[i].lower == "in" && words[i+1].lower == "front" && words[i+2].lower == "of" {
			items = append(items, item{kind: itemPrep, text: "in front of", at: i, span: 3})
			i += 3
			continue
		}
		w := words[i].lower
		two := ""
		if i+1 < len(words) {
			two = w + " " + words[i+1].lower
		}
		if two != "" {
			if s, ok := v.Status(two); ok {
				items = append(items, item{kind: itemStatus, text: two, con: statusConstraint(s), at: i, span: 2, note: notesOf(words[i : i+2])})
				i += 2
				continue
			}
			if sv, ok := statusOfVerb(v, two); ok && strings.Contains(sv.word, " ") {
				// "Did the deal go through?": a form of "went through".
				it := item{kind: itemStatus, text: two, con: statusConstraint(sv.status), at: i, span: 2, light: true,
					note: fmt.Sprintf("a form of %q", sv.word)}
				if k := len(items); k >= 2 && items[k-1].kind == itemPrep && strings.EqualFold(items[k-1].text, "to") && items[k-2].kind == itemStatus &&
					sv.status == pb.RelationStatus_RELATION_STATUS_COMPLETED {
					// "fail to go through": the failure says it all.
					it.kind = itemIgnore
				}
				items = append(items, it)
				i += 2
				continue
			}
			if ps, ok := v.EventNoun(two); ok {
				items = append(items, item{kind: itemEvent, text: two, preds: ps, noun: strings.ReplaceAll(v.SingularEventNoun(two), " ", "_"), at: i, span: 2, note: notesOf(words[i : i+2])})
				i += 2
				continue
			}
			if con, singular, ok := nounConstraint(v, two); ok {
				items = append(items, item{kind: itemType, text: two, con: con, noun: strings.ReplaceAll(singular, " ", "_"), at: i, span: 2, note: notesOf(words[i : i+2])})
				i += 2
				continue
			}
		}
		it := item{text: words[i].text, at: i, span: 1, note: words[i].note}
		switch {
		case whWords[w]:
			it.kind = itemWh
		case modalWords[w] && i+1 < len(words) && words[i+1].lower == "to":
			it.kind = itemIgnore
			i++
			// "tried to by Kioxia": a preposition after "to" is a verb
			// misspelt, the one of the lexicon a letter away.
			if k := i + 1; k < len(words) && prepWords[words[k].lower] && words[k].note == "" {
				if to, ok := nearestOf(words[k].lower, v.Words(), 3); ok {
					words[k].lower, words[k].note = to, fmt.Sprintf("spelling corrected to %q", to)
				}
			}
		case auxWords[w]:
			it.kind = itemAux
		case articleWords[w]:
			it.kind = itemArticle
		case prepWords[w]:
			it.kind = itemPrep
		case w == "'s":
			it.kind = itemPoss
		case roleNouns[w] && len(items) > 0 && items[len(items)-1].kind == itemPoss:
			it.kind, it.field, it.noun = itemQualifier, pb.QualifierField_QUALIFIER_FIELD_ROLE, "role"
			if i+1 < len(words) && roleNouns[words[i+1].lower] {
				// "Lutnick's job title": one role noun of two.
				it.text, it.span = it.text+" "+words[i+1].text, 2
				i++
			}
		case rankWords[w] && (lastBut(items, itemScope).kind == itemPoss || lastBut(items, itemScope).kind == itemArticle ||
			i+1 < len(words) && words[i+1].lower == "of"):
			// "Kioxia's rank", "the ranking of Halcyon": the rank asked for.
			it.kind, it.field, it.noun = itemQualifier, pb.QualifierField_QUALIFIER_FIELD_RANK, "rank"
		case rankWords[w]:
			it.kind = itemRankVerb
		case len(items) > 0 && items[len(items)-1].kind == itemEntity && isCompoundHead(v, w):
			// "the NAND flash producer" is "the producer of NAND flash":
			// the name before a relational noun is its object.
			ph, _ := compoundHead(v, w)
			name := items[len(items)-1]
			items[len(items)-1] = item{kind: itemVerb, text: words[i].text, phrase: ph, note: words[i].note, at: i, span: 1}
			items = append(items, name)
			i++
			continue
		case holdWords[w] && slices.ContainsFunc(items, func(x item) bool {
			return x.kind == itemQualifier && (x.field == pb.QualifierField_QUALIFIER_FIELD_ROLE || x.field == pb.QualifierField_QUALIFIER_FIELD_RANK)
		}):
			it.kind = itemIgnore
		case w == "and":
			it.kind = itemAnd
		case w == "or":
			it.kind = itemOr
		case notWords[w]:
			it.kind = itemNot
		case (w == "one" || w == "ones") && len(items) > 0 && items[len(items)-1].kind == itemWh:
			// "which one": the wh-word asks, the word adds nothing.
			it.kind = itemIgnore
		case w == "that" && len(items) > 0:
			it.kind = itemRel
		case comparatives[w].field != 0 && (len(items) == 0 || items[len(items)-1].kind != itemArticle && items[len(items)-1].kind != itemPoss):
			// "Which ranks higher, Kioxia or SK?"; not "the earlier
			// proposal", an adjective.
			it.kind, it.compare = itemIgnore, comparatives[w]
			if i+1 < len(words) && moneyWords[words[i+1].lower] {
				it.text, it.span = it.text+" "+words[i+1].text, 2
				i++
			}
		case alsoWords[w] && (w != "too" || i == len(words)-1) && (w != "else" || len(items) > 0 && items[len(items)-1].kind == itemWh):
			// "Which organization does Chey also head?", "Who else", "...
			// too?": another answer than one known.
			it.kind, it.besides = itemIgnore, true
		case w == "other" && len(items) > 0 && (items[len(items)-1].kind == itemWh || items[len(items)-1].kind == itemArticle):
			// "Which other company", "What other role".
			it.kind, it.besides = itemIgnore, true
		case ignoreWords[w]:
			it.kind = itemIgnore
		case w == "last" && i == len(words)-1:
			// "How many years will the partnership last?": the verb, which
			// asks how long the relation held, as "how many years" says.
			it.kind = itemIgnore
		case orderWords[w] != 0:
			it.kind, it.order = itemIgnore, orderWords[w]
		case ordinals[w] > 1 && i+1 < len(words) && eventNounAt(v, words, i+1):
			// "Chey's second proposal": the second in time.
			it.kind, it.order = itemIgnore, -int(ordinals[w])
		case w == "new" && i+1 < len(words) && (isCompoundHead(v, words[i+1].lower) || relationalNounAt(v, words, i+1)):
			// "the new CEO of Kittiwake", "the new chief executive of
			// Kittiwake" is the latest.
			it.kind, it.order = itemIgnore, 1
		default:
			if s, ok := v.Status(w); ok {
				it.kind, it.con = itemStatus, statusConstraint(s)
			} else if s, ok := v.Status(strings.TrimSuffix(w, "ly")); ok && strings.HasSuffix(w, "ly") {
				// "Did Western Digital successfully acquire Kioxia?": the
				// adverb of a status word says that status.
				it.kind, it.con = itemStatus, statusConstraint(s)
				it.note = fmt.Sprintf("the adverb of %q", strings.TrimSuffix(w, "ly"))
			} else if ps, ok := v.EventNoun(w); ok {
				it.kind, it.preds, it.noun = itemEvent, ps, v.SingularEventNoun(w)
			} else if con, singular, ok := nounConstraint(v, w); ok {
				it.kind, it.con, it.noun = itemType, con, singular
			}
		}
		items = append(items, it)
		i++
	}
	return append(appositiveKinds(ix, compoundEvents(items)), topics...), mentions
}

// appositiveKinds skips a kind noun right before a name of that kind, at
// the start of a noun phrase: "the turbine maker Norvane Turbines", "the
// infrastructure fund MHIP" are the names. A verb after the name may be a
// clause's whose object the noun is ("the company Norvane sued"), and
// leaves the noun, unless the name is the subject right after the
// question's auxiliary and the verb the only one ("Where is the
// infrastructure fund MHIP based?").
func appositiveKinds(ix *index.Index, items []item) []item {
	for k := 0; k+1 < len(items); k++ {
		it, name := items[k], items[k+1]
		if it.kind != itemType || it.con.GetKinds() == nil || name.kind != itemEntity || name.at != it.at+it.span ||
			k > 0 && items[k-1].kind != itemArticle && items[k-1].kind != itemPrep && items[k-1].kind != itemAux ||
			!pattern.Holds(ix, it.con, name.node) {
			continue
		}
		verbs := 0
		for _, r := range items[k+2:] {
			if r.kind == itemVerb {
				verbs++
			}
		}
		// As the subject right after the question's auxiliary, with one
		// verb after it, the name is the verb's subject: "Did the
		// regulator NMEC approve the permit?".
		a := k - 1
		if a >= 0 && items[a].kind == itemArticle {
			a--
		}
		subject := a >= 0 && items[a].kind == itemAux && (a == 0 || a == 1 && items[0].kind == itemWh)
		if verbs > 0 && !(subject && verbs == 1) {
			continue
		}
		items[k] = item{kind: itemIgnore, text: it.text, at: it.at, span: it.span}
	}
	return items
}

// isNoun reports whether w is a noun in its base form to WordNet.
func isNoun(w string) bool { return slices.Contains(wordnet.Lemmas(w, wordnet.Noun), w) }

// compoundEvents joins an event noun and the event noun or verb of one of
// its predicates right after it into one noun, the second its head: "the
// takeover bid for Kioxia" names one acquisition, as "the bid for Kioxia"
// does, not a takeover that is the subject of a bid. A verb's trailing
// preposition stays ("bid for").
func compoundEvents(items []item) []item {
	for k := 0; k+1 < len(items); k++ {
		first, second := items[k], items[k+1]
		if first.kind != itemEvent || first.span == 0 {
			continue
		}
		var preds []vocab.ID
		var prep *item
		switch {
		case second.kind == itemEvent:
			preds = slices.DeleteFunc(slices.Clone(first.preds), func(p vocab.ID) bool { return !slices.Contains(second.preds, p) })
		case second.kind == itemVerb && !second.phrase.Noun && slices.Contains(first.preds, second.phrase.Predicate) && len(second.phrase.Words) == 2 &&
			prepWords[second.phrase.Words[1]] && !second.eventVerb && isNoun(strings.ToLower(strings.Fields(second.text)[0])):
			// A verb written as a noun is ("bid for"; not "the permit
			// approved by NMEC").
			preds = []vocab.ID{second.phrase.Predicate}
			last := strings.Fields(second.text)
			prep = &item{kind: itemPrep, text: last[len(last)-1], at: second.at + max(second.span, 1) - 1, span: 1}
		}
		if len(preds) == 0 {
			continue
		}
		head := second.text
		if prep != nil {
			head = strings.Join(strings.Fields(second.text)[:len(strings.Fields(second.text))-1], " ")
		}
		joined := first
		joined.preds, joined.text, joined.noun, joined.span = preds, first.text+" "+head, cmp.Or(second.noun, head), first.span+max(second.span, 1)
		if prep != nil {
			joined.span--
			items = slices.Replace(slices.Clone(items), k, k+2, joined, *prep)
		} else {
			items = slices.Replace(slices.Clone(items), k, k+2, joined)
		}
	}
	return items
}

// lastBut returns the last of items not of kind skip.
func lastBut(items []item, skip ...itemKind) item {
	for k := len(items) - 1; k >= 0; k-- {
		if !slices.Contains(skip, items[k].kind) {
			return items[k]
		}
	}
	return item{}
}

// compoundHead returns the relational noun "w of" ("producer of"), when
// the lexicon has it: a name before w is then its object.
func compoundHead(v *vocab.Vocabulary, w string) (vocab.Phrase, bool) {
	it, n, gap, ok := matchPhrase(v, []word{{lower: w}, {lower: "of"}}, 0, nil)
	return it.phrase, ok && n == 2 && gap == nil && it.phrase.Noun && !it.phrase.Passive
}

// relationalNounAt reports whether a relational noun of the lexicon
// begins at words[i], written with its preposition or without ("chief
// executive of", "chief executive").
func relationalNounAt(v *vocab.Vocabulary, words []word, i int) bool {
	if it, _, gap, ok := matchPhrase(v, words, i, nil); ok && gap == nil && it.phrase.Noun {
		return true
	}
	_, _, ok := possessedNoun(v, words, i)
	return ok
}

// possessedNoun returns the relational noun "... of" that the words from
// i are without their "of" ("chairman", "chief executive"), longest
// first, and how many words it has: after a name's possessive, the name
// is its object ("Kittiwake's chief executive" is the chief executive of
// Kittiwake).
func possessedNoun(v *vocab.Vocabulary, words []word, i int) (vocab.Phrase, int, bool) {
	for n := min(3, len(words)-i); n >= 1; n-- {
		try := append(slices.Clone(words[i:i+n]), word{lower: "of"})
		it, got, gap, ok := matchPhrase(v, try, 0, nil)
		if ok && got == n+1 && gap == nil && it.phrase.Noun && !it.phrase.Passive {
			return it.phrase, n, true
		}
	}
	return vocab.Phrase{}, 0, false
}

// modifierParticiple reports whether w is the participle that opens a
// phrase of an object-modifier predicate ("based" of "based in"): "a
// Maine-based company" is a company based in Maine.
func modifierParticiple(v *vocab.Vocabulary, w string) bool {
	if !english.IsPastParticiple(w) {
		return false
	}
	for _, ph := range v.Phrases() {
		if len(ph.Words) == 2 && ph.Words[0] == w && prepWords[ph.Words[1]] && v.Predicate(ph.Predicate).ObjectModifier {
			return true
		}
	}
	return false
}

// isNounAt reports whether a type or kind noun begins at words[i].
func isNounAt(v *vocab.Vocabulary, words []word, i int) bool {
	if _, _, ok := nounConstraint(v, words[i].lower); ok {
		return true
	}
	if i+1 < len(words) {
		_, _, ok := nounConstraint(v, words[i].lower+" "+words[i+1].lower)
		return ok
	}
	return false
}

// bareNoun reads the words from i as a relational noun without its "of"
// ("chairman" of "chairman of"), when they are no longer lexicon phrase,
// no type, kind or event noun, "of" does not follow, and no name before
// them is their object ("the NAND flash producer", see compoundHead).
func bareNoun(ix *index.Index, words []word, i int, before []item) (vocab.Phrase, int, bool) {
	v := ix.Vocabulary()
	ph, n, ok := possessedNoun(v, words, i)
	if !ok || i+n < len(words) && words[i+n].lower == "of" {
		return vocab.Phrase{}, 0, false
	}
	if k := len(before) - 1; k >= 0 && before[k].kind == itemEntity &&
		v.Fits(ix.EntityType(before[k].node), ix.Kinds(before[k].node), v.Predicate(ph.Predicate).ObjectTypes) {
		return vocab.Phrase{}, 0, false
	}
	if _, got, _, ok := matchPhrase(v, words, i, nil); ok && got >= n {
		return vocab.Phrase{}, 0, false
	}
	text := strings.Join(lowers(words[i:i+n]), " ")
	if _, _, ok := nounConstraint(v, text); ok {
		return vocab.Phrase{}, 0, false
	}
	if _, ok := v.EventNoun(text); ok {
		return vocab.Phrase{}, 0, false
	}
	return ph, n, true
}

// isCompoundHead reports whether "w of" is a relational noun of the lexicon.
func isCompoundHead(v *vocab.Vocabulary, w string) bool {
	_, ok := compoundHead(v, w)
	return ok
}

// lightVerbs are the verbs that, before an event noun, say only that its
// relation happened: "make a proposal" is "propose", "file a lawsuit"
// "sue", "strike a deal". Each is listed in every inflection.
var lightVerbs = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`make makes made making present presents presented presenting
		submit submits submitted submitting file files filed filing issue issues issued issuing
		launch launches launched launching mount mounts mounted mounting strike strikes struck striking
		sign signs signed signing reach reaches reached reaching form forms formed forming
		lodge lodges lodged lodging bring brings brought bringing pursue pursues pursued pursuing
		repeat repeats repeated repeating renew renews renewed renewing build builds built building`) {
		lightVerbs[w] = true
	}
	for _, w := range strings.Fields(`host hosts hosted hosting`) {
		lightVerbs[w], recipientVerbs[w] = true, true
	}
	for _, w := range strings.Fields(`pay pays paid paying`) {
		lightVerbs[w], forVerbs[w] = true, true
	}
}

// recipientVerbs are the light verbs whose subject is the event noun's
// object when that object is a place: "New Bedford will host the factory"
// is the factory planned in New Bedford. ("Win" is not one: the winner of
// a contract is the one it is awarded to, of a lawsuit not the one sued.)
var recipientVerbs = map[string]bool{}

// hostable reports whether the event noun at words[ev:ev+evLen] may have
// a host (see recipientVerbs): it names a relation whose object is a
// place, and no attempt.
func hostable(v *vocab.Vocabulary, words []word, ev, evLen int) bool {
	ws := make([]string, evLen)
	for k, w := range words[ev : ev+evLen] {
		ws[k] = w.lower
	}
	ps, ok := v.EventNoun(strings.Join(ws, " "))
	if !ok || attemptNouns[ws[len(ws)-1]] {
		return false
	}
	return slices.ContainsFunc(v.Predicate(ps[0]).ObjectTypes, func(t string) bool { return placeType(v, t) })
}

// placeType reports whether a predicate's declared type t is places: the
// entity type, or a kind of it.
func placeType(v *vocab.Vocabulary, t string) bool {
	k, ok := v.LookupKind(t)
	return t == "place" || ok && k.EntityType == "place"
}

// theOrgTitle reads "Is Lutnick the U.S. Commerce Secretary?" as "Is
// Lutnick the U.S.'s Commerce Secretary?": a name, "the", a name and a
// relational noun ending the question, the second name what the noun is
// of. It returns the words rewritten, or false.
func theOrgTitle(words []word, items []item) ([]word, bool) {
	if len(items) != 5 || items[0].kind != itemAux || !beWords[words[items[0].at].lower] || items[1].kind != itemEntity ||
		items[2].kind != itemArticle || items[3].kind != itemEntity || items[4].kind != itemVerb || !items[4].phrase.Noun {
		return nil, false
	}
	org := items[3]
	end := org.at + max(org.span, 1)
	if end >= len(words) {
		return nil, false
	}
	poss := word{text: "'s", lower: "'s", note: fmt.Sprintf("%q before %q: what it is of", joinWords(words[org.at:end]), words[end].text)}
	return slices.Concat(words[:end], []word{poss}, words[end:]), true
}

// whatPaid reads "What did Aldermoor pay for the stake?" as "How much did
// Aldermoor pay for the stake?": what is paid for a relation is its
// amount, not a party of it. It returns the words rewritten, or false.
func whatPaid(words []word, items []item) ([]word, bool) {
	if len(words) < 5 || words[0].lower != "what" || !doAux[words[1].lower] {
		return nil, false
	}
	for i := 2; i+1 < len(words); i++ {
		if forVerbs[words[i].lower] && words[i+1].lower == "for" {
			how := []word{{text: words[0].text, lower: "how", note: fmt.Sprintf("%q before %q: how much", words[0].text, words[i].text)}, {text: "much", lower: "much"}}
			return slices.Concat(how, words[1:]), true
		}
	}
	return nil, false
}

// forVerbs are the light verbs whose event noun follows "for": "paying
// for its stake" is the stake bought.
var forVerbs = map[string]bool{}

// lightVerb reads a light verb, or a verb form of a status word
// ("complete", "drop"; after a name, the word itself), at words[i] whose
// object, within a few words of
// articles, possessives, dates and modifiers, is an event noun of one
// predicate: it returns the verb's length, where the event noun starts
// and how many words it has, and for a status verb its status; or 0.
func lightVerb(v *vocab.Vocabulary, words []word, i int, afterName bool) (n, ev, evLen int, sv statusVerb) {
	from := i + 1
	if forVerbs[words[i].lower] {
		if from >= len(words) || words[from].lower != "for" {
			return 0, 0, 0, sv
		}
		from++
	}
	// "give up their holdings": a status word of two words, by its verb.
	two := false
	if i+1 < len(words) && !lightVerbs[words[i].lower] && !functionWord(words[i].lower) {
		if s2, ok := statusOfVerb(v, words[i].lower+" "+words[i+1].lower); ok && strings.Contains(s2.word, " ") {
			if _, _, _, isPhrase := matchPhrase(v, words, i, nil); !isPhrase {
				sv, from, two = s2, i+2, true
			}
		}
	}
	if !lightVerbs[words[i].lower] && !two {
		var ok bool
		if s, isStatus := v.Status(words[i].lower); isStatus {
			// A status word after a name is a verb too: "Western Digital
			// completed the acquisition"; elsewhere it qualifies the noun
			// after it ("the failed bid").
			if !afterName {
				return 0, 0, 0, sv
			}
			sv, ok = statusVerb{word: words[i].lower, status: s}, true
		}
		if functionWord(words[i].lower) {
			return 0, 0, 0, sv
		}
		if !ok {
			if sv, ok = statusOfVerb(v, words[i].lower); !ok {
				return 0, 0, 0, sv
			}
		}
		// A lexicon verb is the lexicon's: "announce", "propose". Asked
		// last, of status words only: classify matches phrases next.
		if _, _, _, isPhrase := matchPhrase(v, words, i, nil); isPhrase {
			return 0, 0, 0, statusVerb{}
		}
	}
	for j := from; j < len(words) && j <= from+4; j++ {
		for _, n := range []int{2, 1} {
			if j+n > len(words) {
				continue
			}
			text := words[j].lower
			if n == 2 {
				text += " " + words[j+1].lower
			}
			if ps, ok := v.EventNoun(text); ok {
				// "make his alliance proposal": a relation noun before
				// another is its object; the last is the verb's.
				if k := j + n; k < len(words) && isEvent(v, words[k].lower) {
					if next, _ := v.EventNoun(words[k].lower); len(next) == 1 && (k+1 == len(words) || !isEvent(v, words[k].lower+" "+words[k+1].lower)) {
						return from - i, k, 1, sv
					}
				}
				if len(ps) == 1 {
					return from - i, j, n, sv
				}
				return 0, 0, 0, sv
			}
		}
		// Only what may stand between a verb and its object's noun:
		// articles, possessives, names, dates, modifiers.
		if w := words[j].lower; w != "'s" && !articleWords[w] && (functionWord(w) || lightVerbs[w] || v.IsFixedHead(w) || isStatusVerb(v, w)) {
			return 0, 0, 0, sv
		}
	}
	return 0, 0, 0, sv
}

// frontedLight reads a light verb at words[i] whose object is the one
// relation noun before it, moved to the front by a wh-word, a passive or
// a relative clause: "Which proposals did Chey make?", "Was the patent
// suit filed in a Danish court?", "the proposal Chey made at the National
// Assembly". It returns the noun's predicate and the noun, or false when
// a noun of the question's follows the verb as its object ("Who made the
// panels?"), when the question has a relation word besides, or when the
// noun names no one predicate.
func frontedLight(ix *index.Index, words []word, i int, items []item) (vocab.ID, string, bool) {
	w := words[i].lower
	if !lightVerbs[w] || recipientVerbs[w] || forVerbs[w] {
		return 0, "", false
	}
	var event *item
	for k := range items {
		switch items[k].kind {
		case itemVerb:
			return 0, "", false
		case itemEvent:
			if event != nil {
				return 0, "", false
			}
			event = &items[k]
		}
	}
	if event == nil || len(event.preds) != 1 {
		return 0, "", false
	}
	// "filed against Halcyon": a preposition, whatever the lexicon makes
	// of it (see classify).
	from, prep := i+1, false
	if from < len(words) && words[from].lower == "against" {
		from, prep = from+1, true
	}
	rest, _ := classify(ix, words[from:])
	for _, it := range rest {
		switch it.kind {
		case itemPrep:
			prep = true
		case 0, itemArticle, itemPoss, itemStatus, itemDate, itemIgnore, itemQuantity:
		case itemEntity, itemType:
			if !prep {
				return 0, "", false
			}
		default:
			return 0, "", false
		}
	}
	return event.preds[0], event.text, true
}

// takeAmounts takes the amounts out of a question's words ("$480
// million", "25 percent", "five-year"), each as an itemQuantity: an
// amount narrows the question's relation wherever it stands, and out of
// the way it splits no lexicon phrase ("acquire a 25 percent stake in").
func takeAmounts(words []word) ([]word, []item) {
	var kept []word
	var amounts []item
	for i := 0; i < len(words); {
		if v, n, ok := quantity.Read(lowers(words[i:min(i+3, len(words))])); ok {
			amounts = append(amounts, item{kind: itemQuantity, text: joinWords(words[i : i+n]), amount: v})
			i += n
			continue
		}
		kept = append(kept, words[i])
		i++
	}
	return kept, amounts
}

// lowers returns the lowercase forms of words.
func lowers(ws []word) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = w.lower
	}
	return out
}

// Unit classes a how-much question asks for: any currency, any length,
// any unit of time, any size (see sizeUnits).
const (
	unitCurrency = "currency"
	unitLength   = "length"
	unitDuration = "duration"
	unitSize     = "size"
)

// durationUnits are the units "how long" asks in, when the relation gives
// its duration as a quantity.
var durationUnits = map[string]bool{"year": true, "month": true, "week": true, "day": true, "hour": true}

// lengthUnits are the units "how far" and "how long" ask in.
var lengthUnits = map[string]bool{"mile": true, "kilometer": true, "meter": true}

// matchHowMuch reads "how much" (an amount of money), "how far" (a
// length) and "how many" before a unit ("how many miles") at words[i]:
// the unit or unit class asked for, and the words taken.
func matchHowMuch(words []word, i int) (string, int, bool) {
	if i+1 >= len(words) || words[i].lower != "how" {
		return "", 0, false
	}
	switch words[i+1].lower {
	case "much":
		return unitCurrency, 2, true
	case "far":
		return unitLength, 2, true
	case "big", "large":
		return unitSize, 2, true
	case "many":
		if i+2 < len(words) && words[i+2].unit != "" {
			return words[i+2].unit, 3, true
		}
		if i+2 < len(words) {
			if u, ok := quantity.UnitOf(words[i+2].lower); ok {
				return u, 3, true
			}
		}
	}
	return "", 0, false
}

// sizeWords ask how big a thing is: in the units of sizeUnits, or in
// the unit named after "in" at the end ("How big is Gannet Bank in
// gigawatts?").
var (
	sizeWords = map[string]bool{"big": true, "large": true}
	sizeUnits = map[string]bool{"gigawatt": true, "megawatt": true}
)

// sizeIn reads "How big is Gannet Bank in gigawatts?" as "How many
// gigawatts is Gannet Bank?": a size asked in a unit is that amount.
func sizeIn(words []word) []word {
	n := len(words)
	if n < 6 || words[0].lower != "how" || !sizeWords[words[1].lower] || words[n-2].lower != "in" {
		return words
	}
	if _, ok := quantity.UnitOf(words[n-1].lower); !ok {
		return words
	}
	out := []word{words[0], {text: words[1].text, lower: "many", note: fmt.Sprintf("%q: an amount in %s", words[1].text, words[n-1].text)}, words[n-1]}
	return append(out, words[2:n-2]...)
}

// unitFits reports whether a quantity's unit is what a question asks for:
// the unit itself, or one of its class.
func unitFits(asked, unit string) bool {
	switch asked {
	case "":
		return true
	case unitCurrency:
		return quantity.IsCurrency(unit)
	case unitLength:
		return lengthUnits[unit]
	case unitDuration:
		return durationUnits[unit]
	case unitSize:
		return sizeUnits[unit]
	}
	return asked == unit
}

// matchNthTime reads "for the second time" or "the first time" at
// words[i]: how many words, and the ordinal; 0 words when it is not there.
func matchNthTime(words []word, i int) (int, int) {
	k := i
	if k < len(words) && words[k].lower == "for" {
		k++
	}
	if k+2 >= len(words) || words[k].lower != "the" || words[k+2].lower != "time" {
		return 0, 0
	}
	nth, ok := ordinals[words[k+1].lower]
	if !ok {
		return 0, 0
	}
	return k + 3 - i, int(nth)
}

// eventNounAt reports whether a relation noun of one or two words starts
// at words[i].
func eventNounAt(v *vocab.Vocabulary, words []word, i int) bool {
	if _, ok := v.EventNoun(words[i].lower); ok {
		return true
	}
	if i+1 < len(words) {
		_, ok := v.EventNoun(words[i].lower + " " + words[i+1].lower)
		return ok
	}
	return false
}

// rankWords name a rank: after a possessive or an article, or before
// "of", the rank asked for; otherwise they say the relation is ranked
// ("ranks third", "is ranked No. 1").
var rankWords = map[string]bool{"rank": true, "ranks": true, "ranked": true, "ranking": true, "rankings": true, "standing": true}

// ordinals are the ordinal numbers a rank is written with.
var ordinals = map[string]int32{"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
	"eighth": 8, "ninth": 9, "tenth": 10, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "6th": 6, "7th": 7, "8th": 8, "9th": 9, "10th": 10}

// superlatives are the words that, alone, rank first ("the largest
// producer"), and after an ordinal give its place ("second-largest").
var superlatives = map[string]bool{"largest": true, "biggest": true, "top": true, "greatest": true}

// matchRank reads a rank at words[i]: "No. 2" or "number 2", an ordinal
// before a superlative ("second-largest", as the tokenizer splits it), a
// superlative alone (first), or an ordinal or "No. 2" right after a rank
// word ("ranks third").
func matchRank(words []word, i int, before []item) (int32, int, bool) {
	w := words[i].lower
	number := func(k int) int32 {
		if k < len(words) {
			if n, err := strconv.Atoi(words[k].lower); err == nil && n >= 1 && n <= 1000 {
				return int32(n)
			}
		}
		return 0
	}
	if (w == "no" || w == "number") && number(i+1) > 0 {
		return number(i + 1), 2, true
	}
	if pos, ok := ordinals[w]; ok {
		if i+1 < len(words) && superlatives[words[i+1].lower] {
			return pos, 2, true
		}
		if len(before) > 0 && before[len(before)-1].kind == itemRankVerb {
			return pos, 1, true
		}
	}
	if superlatives[w] {
		return 1, 1, true
	}
	return 0, 0, false
}

// endUpWords, with "up" and a verb's -ing form, ask for the outcome: "end
// up acquiring".
var endUpWords = map[string]bool{"end": true, "ends": true, "ended": true, "ending": true, "wind": true, "winds": true, "wound": true}

// sourceNouns name the document a question is about; every fact the
// graph has comes from one, so naming it adds nothing.
var sourceNouns = map[string]bool{"article": true, "piece": true, "story": true, "report": true, "text": true, "document": true}

// sourceLeads are the words before "the article" that, with it, add
// nothing: "according to the article", "mentioned in the article".
var sourceLeads = [][]string{{"according", "to"}, {"in"}, {"by"}, {"from"}, {"mentioned", "in"}, {"named", "in"},
	{"described", "in"}, {"cited", "in"}, {"discussed", "in"}, {"given", "in"}, {"listed", "in"}}

// standsFor reads "What does NMEC stand for?" and "What is NMEC short
// for?" as "What is NMEC?": an acronym of one entity's name, the initials
// of its words (Northeast Marine Energy Commission), stands for that name,
// which the answer gives. Another word ("NAND" of NAND flash, "Kittiwake")
// is left, and the question refused. Other words are returned as they are.
func standsFor(ix *index.Index, words []word) []word {
	n := len(words)
	if n != 5 || words[0].lower != "what" || words[n-1].lower != "for" || !acronymOf(ix, words[2].text) {
		return words
	}
	switch {
	case (words[1].lower == "does" || words[1].lower == "do") && words[n-2].lower == "stand",
		beWords[words[1].lower] && words[n-2].lower == "short":
		is := word{text: "is", lower: "is", note: fmt.Sprintf("%q: what the name names", joinWords(words[n-2:]))}
		return slices.Concat(words[:1], []word{is}, words[2:n-2])
	}
	return words
}

// acronymOf reports whether w, a word, names one entity whose display
// name's capitalized words begin with its letters, in order.
func acronymOf(ix *index.Index, w string) bool {
	nodes := ix.ExactNodes(w, 2)
	if len(nodes) != 1 {
		return false
	}
	var initials []rune
	for _, f := range strings.FieldsFunc(ix.DisplayName(nodes[0]), func(r rune) bool { return unicode.IsSpace(r) || r == '-' }) {
		if r, _ := utf8.DecodeRuneInString(f); unicode.IsUpper(r) {
			initials = append(initials, r)
		}
	}
	return len(initials) > 1 && strings.EqualFold(string(initials), w)
}

// teamNouns, after a possessive, name the people one leads, whose work the
// graph gives to the leader: "Elena Voss's team".
var teamNouns = map[string]bool{"team": true, "lab": true, "laboratory": true}

// teamOf reads "NAME's team" as NAME, of a person, and "whose team" as
// "who" (see teamNouns), the name's last word noted so. An organization's
// team is no person's ("Norvane's lab" is not Norvane's leader).
func teamOf(ix *index.Index, words []word) []word {
	var out []word
	for i := 0; i < len(words); i++ {
		if i+1 < len(words) && teamNouns[words[i+1].lower] && i > 0 && words[i].lower == "'s" && isNameStart(words[i-1]) && personBefore(ix, words, i) {
			out[len(out)-1].note = fmt.Sprintf("%q: the team's leader", joinWords(words[i-1:i+2]))
			i++
			continue
		}
		if i+1 < len(words) && teamNouns[words[i+1].lower] && words[i].lower == "whose" {
			out = append(out, word{text: words[i].text, lower: "who", note: fmt.Sprintf("%q: whose team's leader", joinWords(words[i:i+2]))})
			i++
			continue
		}
		out = append(out, words[i])
	}
	return out
}

// personBefore reports whether the capitalized words that end before
// words[i] name one entity, a person ("Elena Voss", "Voss").
func personBefore(ix *index.Index, words []word, i int) bool {
	for start := max(0, i-maxNameWords); start < i; start++ {
		if !isNameStart(words[start]) {
			continue
		}
		if nodes := ix.ExactNodes(joinWords(words[start:i]), 2); len(nodes) == 1 {
			return ix.EntityType(nodes[0]) == "person"
		}
	}
	return false
}

// reasonAnswerable checks a question that asks for its relation's
// reason ("why"). The reason the text gives is the subject's: a question
// that names only the object ("Why did Halcyon fight the lawsuit?", read
// as ?other sues Halcyon) is refused unless a date says which relation
// it is ("Why will the New Bedford factory open in 2028?"), and so is one
// that names the object first ("Why is Halcyon fighting a lawsuit from
// Norvane?"). And a relation the graph states more than once (a plan
// restated with a later date) has a reason that explains that
// statement, so the question must say which, by a date, not ask it of
// the relation at large ("Why does Halcyon plan a factory in New
// Bedford?").
func reasonAnswerable(ix *index.Index, q *Question) error {
	triples := q.Pattern.GetTriples()
	if len(triples) == 0 || !slices.ContainsFunc(q.Pattern.GetQualifiers(), func(qc *pb.QualifierClause) bool {
		return qc.GetField() == pb.QualifierField_QUALIFIER_FIELD_REASON && qc.GetRelation().GetVariable() == triples[0].GetRelationVariable()
	}) {
		return nil
	}
	main := triples[0]
	if main.GetSubject().GetVariable() != "" && main.GetObject().GetName() != "" && len(q.Dates) == 0 {
		return errors.New("it asks why of a relation whose subject it does not name; a reason the text gives is its subject's")
	}
	// "Why is Halcyon fighting a lawsuit from Norvane?": a verb read the
	// other way names the object first, whose reason it asks, not the
	// subject's.
	if sn, on := main.GetSubject().GetName(), main.GetObject().GetName(); sn != "" && on != "" {
		first := slices.IndexFunc(q.Mentions, func(m Mention) bool { return m.Node >= 0 && (ix.NodeName(m.Node) == sn || ix.NodeName(m.Node) == on) })
		if first >= 0 && ix.NodeName(q.Mentions[first].Node) == on {
			return errors.New("it asks why of a relation's object; a reason the text gives is its subject's")
		}
	}
	if len(q.Dates) > 0 {
		return nil
	}
	// The relations of the named end by the predicate, by their other end:
	// two between the same names are a restated relation.
	s, subjectNamed := ix.NodeOf(main.GetSubject().GetName())
	o, objectNamed := ix.NodeOf(main.GetObject().GetName())
	var rels []index.Rel
	switch {
	case subjectNamed:
		rels = ix.Out(s)
	case objectNamed:
		rels = ix.In(o)
	}
	// Of a named subject, any object: "Why does Halcyon plan a factory in
	// Massachusetts?" reaches New Bedford's statements through where it
	// lies.
	seen := map[[2]index.Node]bool{}
	for _, r := range rels {
		rs, ro := ix.Ends(r)
		if !slices.Contains(main.GetPredicates(), ix.Vocabulary().Predicate(ix.Predicate(r)).Name) {
			continue
		}
		if seen[[2]index.Node{rs, ro}] {
			return errors.New("the graph states this relation more than once, and a reason explains one statement; say which, by its date or by words its evidence says")
		}
		seen[[2]index.Node{rs, ro}] = true
	}
	return nil
}

// doAux open a question whose verb follows its subject: "In which city
// did Chey propose the alliance?".
var doAux = map[string]bool{"did": true, "does": true, "do": true, "will": true, "has": true, "had": true, "have": true}

// kindsOfType reports whether every kind is of entity type typ.
func kindsOfType(v *vocab.Vocabulary, kinds []string, typ string) bool {
	for _, name := range kinds {
		if k, ok := v.LookupKind(name); !ok || k.EntityType != typ {
			return false
		}
	}
	return len(kinds) > 0
}

// takenAsObject reports whether a relation word among words (a phrase
// or a relation noun of the lexicon) has a predicate that takes entities
// of the kinds as object: "based" of "In which country is Norvane
// based?". A question with none reads its place noun as where.
func takenAsObject(v *vocab.Vocabulary, words []word, kinds []string) bool {
	var ids []vocab.KindID
	typ := ""
	for _, name := range kinds {
		if k, ok := v.LookupKind(name); ok {
			ids, typ = append(ids, k.ID), k.EntityType
		}
	}
	fits := func(p vocab.ID) bool { return v.Fits(typ, ids, v.Predicate(p).ObjectTypes) }
	found := false
	for i := range words {
		if it, _, _, ok := matchPhrase(v, words, i, nil); ok {
			found = true
			if slices.ContainsFunc(it.phrase.Predicates(), fits) || slices.ContainsFunc(it.preds, fits) {
				return true
			}
		}
		if preds, ok := v.EventNoun(words[i].lower); ok {
			found = true
			if slices.ContainsFunc(preds, fits) {
				return true
			}
		}
	}
	return !found // no relation word read: leave it to the object reading
}

// frontedEvent reads "the stake Aldermoor is buying" and "the lawsuit
// that Norvane filed" as "the stake by Aldermoor" and "the lawsuit by
// Norvane": a relation noun, a clause of one name and a verb that, with
// the noun, is a lexicon phrase of the noun's predicate ("buy a stake
// in", "file a lawsuit against"), names the relation the name is the
// subject of. A passive clause ("the contract Kittiwake was awarded") is
// not read so. Other words are returned as they are.
func frontedEvent(ix *index.Index, words []word) []word {
	v := ix.Vocabulary()
	for i := 1; i+2 < len(words); i++ {
		preds, ok := v.EventNoun(words[i].lower)
		if !ok || !articleWords[words[i-1].lower] {
			continue
		}
		j := i + 1
		if words[j].lower == "that" || words[j].lower == "which" {
			j++
		}
		end := j
		for end < len(words) && end < j+maxNameWords && isNameStart(words[end]) {
			end++
		}
		if end == j || len(ix.ExactNodes(joinWords(words[j:end]), 2)) != 1 {
			continue
		}
		k := end
		passive := false
		for k < len(words) && (auxWords[words[k].lower] || words[k].lower == "has" || words[k].lower == "had") {
			passive = passive || beWords[words[k].lower]
			k++
		}
		// "the contract Kittiwake was awarded": the name undergoes the
		// verb; only "is buying" of the forms of "be" says who does it.
		if k >= len(words) || words[k].text != words[k].lower || passive && !strings.HasSuffix(words[k].lower, "ing") {
			continue
		}
		lemmas := wordnet.Lemmas(words[k].lower, wordnet.Verb)
		if !slices.ContainsFunc(v.Phrases(), func(ph vocab.Phrase) bool {
			return slices.Contains(preds, ph.Predicate) && !ph.Passive && len(ph.Words) > 1 && slices.Contains(lemmas, ph.Words[0]) && slices.Contains(ph.Words[1:], words[i].lower)
		}) {
			continue
		}
		// "the stake by Aldermoor": the name is the doer, as the clause
		// says, not a possessor that may be the relation's object.
		by := word{text: "by", lower: "by", note: fmt.Sprintf("%q: the %s by %s", joinWords(words[i-1:k+1]), words[i].text, joinWords(words[j:end]))}
		return slices.Concat(words[:i+1], []word{by}, words[j:end], words[k+1:])
	}
	return words
}

// separatedParticle reads "reacted with a mix of surprise and admiration
// to the proposal" as "reacted to the proposal with a mix of surprise and
// admiration": a "with" phrase without names between a verb and the
// preposition that makes it a lexicon verb ("react to") goes after the
// rest. Other words are returned as they are.
func separatedParticle(v *vocab.Vocabulary, words []word) []word {
	for i := 0; i+3 < len(words); i++ {
		if words[i+1].lower != "with" || words[i].text != words[i].lower {
			continue
		}
		if _, _, _, ok := matchPhrase(v, words, i, nil); ok {
			continue // a verb of its own
		}
		for j := i + 2; j < len(words); j++ {
			if w := words[j]; w.text != w.lower {
				break // a name: the phrase is not only a manner
			}
			moved := slices.Concat(words[:i+1], words[j:], words[i+1:j])
			if it, n, _, ok := matchPhrase(v, moved, i, nil); ok && n >= 2 && !it.phrase.Noun {
				return moved
			}
		}
	}
	return words
}

// copularAt reads "stay on at Kittiwake as chairman" as "stay on as
// chairman of Kittiwake": a copular verb, "at" and a name, "as" and the
// rest. Other words are returned as they are.
func copularAt(words []word) []word {
	for i, w := range words {
		if !copularVerbs[w.lower] {
			continue
		}
		j := i + 1
		if j < len(words) && words[j].lower == "on" {
			j++
		}
		if j >= len(words) || words[j].lower != "at" {
			return words
		}
		end := j + 1
		for end < len(words) && isNameStart(words[end]) {
			end++
		}
		if end == j+1 || end+1 >= len(words) || words[end].lower != "as" {
			return words
		}
		of := word{text: "of", lower: "of", note: fmt.Sprintf("%q: of the name", "at")}
		return slices.Concat(words[:j], words[end:], []word{of}, words[j+1:end])
	}
	return words
}

// nationality reads "What nationality is X?" and "What is the nationality
// of X?" as "What country is X from?": a nationality is the country a
// name is of (see fromAfterClause for an X with a relative clause). Other
// words are returned as they are.
func nationality(v *vocab.Vocabulary, words []word) []word {
	n := len(words)
	if n < 4 || words[0].lower != "what" && words[0].lower != "which" {
		return words
	}
	var rest []word
	var be word
	switch {
	case words[1].lower == "nationality" && beWords[words[2].lower]:
		be, rest = words[2], words[3:]
	case n > 5 && beWords[words[1].lower] && words[2].lower == "the" && words[3].lower == "nationality" && words[4].lower == "of":
		be, rest = words[1], words[5:]
	default:
		return words
	}
	country := word{text: "country", lower: "country", note: `"nationality": the country a name is of`}
	return fromAfterClause(v, slices.Concat([]word{words[0], country, be}, rest, []word{{text: "from", lower: "from"}}))
}

// fromAfterClause reads "What country is the company that ... from?",
// whose last "from" the relative clause would take as its own, as "What
// country is the company that ... based in?", by the first phrase of the
// one object modifier predicate (the predicate "from" says; see
// fromTriple) whose subject fits the noun after the copula. Other words
// are returned as they are.
func fromAfterClause(v *vocab.Vocabulary, words []word) []word {
	n := len(words)
	if n < 6 || words[0].lower != "what" && words[0].lower != "which" || !beWords[words[2].lower] || words[n-1].lower != "from" ||
		!slices.ContainsFunc(words[3:n-1], func(w word) bool { return relativePronouns[w.lower] }) {
		return words
	}
	// The noun the clause is about picks the predicate: a company's is
	// based-in, a place's located-in.
	k := 3
	if articleWords[words[k].lower] {
		k++
	}
	noun, isNoun := v.Noun(words[k].lower)
	typ := noun.Type
	if typ == "" && len(noun.Kinds) > 0 {
		typ = v.Kind(noun.Kinds[0]).EntityType
	}
	var phrases []string
	for _, p := range v.Predicates() {
		if p.ObjectModifier && (!isNoun || v.Fits(typ, noun.Kinds, p.SubjectTypes)) {
			if ph := p.Message().GetLexicon().GetPhrases(); len(ph) > 0 {
				phrases = append(phrases, ph[0].GetText())
			}
		}
	}
	if len(phrases) != 1 {
		return words
	}
	return append(slices.Clone(words[:n-1]), phraseWords(phrases[0], fmt.Sprintf("%q after a relative clause: %q", "from", phrases[0]))...)
}

// sayVerbs say what a source says: "Does the article say that ...".
var sayVerbs = map[string]bool{"say": true, "says": true, "said": true, "report": true, "reports": true, "state": true, "states": true,
	"claim": true, "claims": true, "suggest": true, "suggests": true, "note": true, "notes": true}

// sourceSays drops "does the article say" from a wh-question ("Which blocs
// does the article say triggered brain drain?"): every fact the graph has
// comes from its documents. "Does the article say X?" is left: it asks
// what was said, which a later statement may have replaced, not whether X
// holds. Other words are returned as they are.
func sourceSays(words []word) []word {
	for i := 0; i+3 < len(words); i++ {
		if !slices.Contains([]string{"does", "did", "do"}, words[i].lower) || !articleWords[words[i+1].lower] || !sourceNouns[words[i+2].lower] || !sayVerbs[words[i+3].lower] {
			continue
		}
		end := i + 4
		if end < len(words) && words[end].lower == "that" {
			end++
		}
		if i == 0 {
			// "Does the article say X?" asks what an article says, a
			// statement a later one may have replaced: not whether X holds.
			return words
		}
		return slices.Concat(words[:i], words[end:])
	}
	return words
}

// matchSource returns how many words from i say where the question's
// facts come from ("according to the article", "in the piece"), or 0.
func matchSource(words []word, i int) int {
	for _, lead := range sourceLeads {
		n := len(lead)
		if i+n+2 <= len(words) && wordsEqual(words[i:i+n], lead) && articleWords[words[i+n].lower] && sourceNouns[words[i+n+1].lower] {
			return n + 2
		}
	}
	return 0
}

// copularVerbs, before "as" and a relational noun, say that the subject
// holds the noun's relation: "serve as chairman", "stay on as chairman",
// "remain chief executive".
var copularVerbs = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`serve serves served serving stay stays stayed staying remain remains remained remaining
		act acts acted acting work works worked working continue continues continued continuing`) {
		copularVerbs[w] = true
	}
}

// matchCopular returns how many words from i are a copular verb with its
// "on" and "as" ("stay on as"), when a relational noun follows (after an
// article), or 0.
func matchCopular(v *vocab.Vocabulary, words []word, i int) int {
	if !copularVerbs[words[i].lower] {
		return 0
	}
	j := i + 1
	if j < len(words) && words[j].lower == "on" {
		j++
	}
	if j < len(words) && words[j].lower == "as" {
		j++
	} else if !strings.HasPrefix(words[i].lower, "remain") {
		return 0
	}
	k := j
	if k < len(words) && articleWords[words[k].lower] {
		k++
	}
	if k >= len(words) {
		return 0
	}
	if it, _, _, ok := matchPhrase(v, words, k, nil); ok && it.phrase.Noun {
		return j - i
	}
	if _, _, ok := possessedNoun(v, words, k); ok {
		return j - i
	}
	return 0
}

// attemptAdjectives before a relation noun describe the relation sought,
// whatever came of it: "the proposed acquisition of Kioxia" is Western
// Digital's failed bid.
var attemptAdjectives = map[string]bool{"proposed": true, "attempted": true}

// saleNouns name a relation of acquiring from the seller's side: "to"
// after one names who acquires ("the stake sale to Aldermoor").
var saleNouns = map[string]bool{"sale": true, "sales": true, "disposal": true, "divestment": true, "transfer": true}

// attemptNouns before "to" and a verb name the verb's relation as
// attempted or planned: "its attempt to acquire", "a bid to buy", "the plan
// to build".
var attemptNouns = map[string]bool{"attempt": true, "attempts": true, "bid": true, "bids": true, "effort": true, "efforts": true,
	"plan": true, "plans": true, "push": true, "move": true, "offer": true, "decision": true}

// anyPlaceNouns, after "in which" or "at what", ask for the relation's
// place whatever it is: "At what venue did Chey first propose the
// alliance?" asks where, and the place's text need not say "venue".
var anyPlaceNouns = map[string]bool{"place": true, "venue": true, "location": true, "site": true, "spot": true, "setting": true}

// occurrenceVerbs say only that a relation noun's relation happened:
// "take place", "happen", "occur", in every inflection.
var occurrenceVerbs = [][]string{{"take", "place"}, {"takes", "place"}, {"took", "place"}, {"taken", "place"}, {"taking", "place"},
	{"happen"}, {"happens"}, {"happened"}, {"occur"}, {"occurs"}, {"occurred"}}

// startVerbs say that a relation noun's relation begins, which is when
// it holds from: "When will the factory open?", "start up", "begin". They
// are occurrence verbs only at the end of the question, before a
// preposition, as of a date or a place, or before a word that adds
// nothing ("now"); "When will the plant start making blades?" is not one.
var startVerbs = [][]string{{"open"}, {"opens"}, {"opened"}, {"opening"}, {"start", "up"}, {"starts", "up"}, {"started", "up"},
	{"start"}, {"starts"}, {"started"}, {"begin"}, {"begins"}, {"began"}, {"begun"}, {"come", "online"}, {"comes", "online"}, {"came", "online"}}

// matchOccurrence returns how many words from i are an occurrence verb,
// or 0.
func matchOccurrence(words []word, i int) int {
	for _, ph := range occurrenceVerbs {
		if i+len(ph) <= len(words) && wordsEqual(words[i:i+len(ph)], ph) {
			return len(ph)
		}
	}
	for _, ph := range startVerbs {
		n := len(ph)
		if i+n <= len(words) && wordsEqual(words[i:i+n], ph) && (i+n == len(words) || prepWords[words[i+n].lower] || ignoreWords[words[i+n].lower]) {
			return n
		}
	}
	return 0
}

// truthFrames open a yes/no question about the sentence after them ("Is
// it true that Western Digital never completed its acquisition?"); with
// the "that" after them, they add nothing.
var truthFrames = [][]string{{"is", "it", "true"}, {"is", "it", "correct"}, {"is", "it", "accurate"}, {"is", "it", "the", "case"}}

// matchTruthFrame returns how many words open the question as a truth
// frame, or 0. It reads only the question's first words.
func matchTruthFrame(words []word, i int) int {
	if i != 0 {
		return 0
	}
	for _, f := range truthFrames {
		if n := len(f); n < len(words) && wordsEqual(words[:n], f) {
			if words[n].lower == "that" {
				n++
			}
			return n
		}
	}
	return 0
}

// scopePhrases say what a rank is over; they add nothing to a question
// that names a rank, and are not understood in one that does not.
var scopePhrases = [][]string{{"in", "the", "world"}, {"on", "the", "planet"}, {"the", "world", "'s"}, {"world", "'s"},
	{"worldwide"}, {"globally"}, {"global"}, {"among"}, {"in", "the", "world", "'s"}}

// matchScope returns how many words from i are a scope phrase, longest
// first, or 0.
func matchScope(words []word, i int) int {
	best := 0
	for _, ph := range scopePhrases {
		if len(ph) > best && i+len(ph) <= len(words) && wordsEqual(words[i:i+len(ph)], ph) {
			best = len(ph)
		}
	}
	return best
}

// qualifierWh are the wh-phrases that ask for a qualifier of the
// question's relation rather than one of its parties, each with the
// variable it names. "where" is not among them: it asks for a place that
// may be the relation's object ("Where is Kioxia based?"), and the builder
// decides (see questionBuilder.build).
var qualifierWh = []struct {
	words string
	field pb.QualifierField
	name  string
}{
	{"in front of whom", pb.QualifierField_QUALIFIER_FIELD_AUDIENCE, "audience"},
	{"in front of who", pb.QualifierField_QUALIFIER_FIELD_AUDIENCE, "audience"},
	{"before whom", pb.QualifierField_QUALIFIER_FIELD_AUDIENCE, "audience"},
	{"before who", pb.QualifierField_QUALIFIER_FIELD_AUDIENCE, "audience"},
	{"as what", pb.QualifierField_QUALIFIER_FIELD_ROLE, "role"},
	{"what role", pb.QualifierField_QUALIFIER_FIELD_ROLE, "role"},
	{"which role", pb.QualifierField_QUALIFIER_FIELD_ROLE, "role"},
	{"what title", pb.QualifierField_QUALIFIER_FIELD_ROLE, "role"},
	{"which title", pb.QualifierField_QUALIFIER_FIELD_ROLE, "role"},
	{"what position", pb.QualifierField_QUALIFIER_FIELD_ROLE, "role"},
	{"which position", pb.QualifierField_QUALIFIER_FIELD_ROLE, "role"},
	{"what job", pb.QualifierField_QUALIFIER_FIELD_ROLE, "role"},
	{"what post", pb.QualifierField_QUALIFIER_FIELD_ROLE, "role"},
	{"in what role", pb.QualifierField_QUALIFIER_FIELD_ROLE, "role"},
	{"in which role", pb.QualifierField_QUALIFIER_FIELD_ROLE, "role"},
	{"in what capacity", pb.QualifierField_QUALIFIER_FIELD_ROLE, "role"},
	{"with what title", pb.QualifierField_QUALIFIER_FIELD_ROLE, "role"},
	{"under what title", pb.QualifierField_QUALIFIER_FIELD_ROLE, "role"},
	{"at what rank", pb.QualifierField_QUALIFIER_FIELD_RANK, "rank"},
	{"at which rank", pb.QualifierField_QUALIFIER_FIELD_RANK, "rank"},
	{"what rank", pb.QualifierField_QUALIFIER_FIELD_RANK, "rank"},
	{"which rank", pb.QualifierField_QUALIFIER_FIELD_RANK, "rank"},
	{"on what date", pb.QualifierField_QUALIFIER_FIELD_TIME, "date"},
	{"on which date", pb.QualifierField_QUALIFIER_FIELD_TIME, "date"},
	{"on what day", pb.QualifierField_QUALIFIER_FIELD_TIME, "date"},
	{"what date", pb.QualifierField_QUALIFIER_FIELD_TIME, "date"},
	{"in what year", pb.QualifierField_QUALIFIER_FIELD_TIME, "year"},
	{"in which year", pb.QualifierField_QUALIFIER_FIELD_TIME, "year"},
	{"what year", pb.QualifierField_QUALIFIER_FIELD_TIME, "year"},
	{"in what month", pb.QualifierField_QUALIFIER_FIELD_TIME, "month"},
	{"in which month", pb.QualifierField_QUALIFIER_FIELD_TIME, "month"},
	{"at what time", pb.QualifierField_QUALIFIER_FIELD_TIME, "time"},
	{"for how long", pb.QualifierField_QUALIFIER_FIELD_TIME, "how_long"},
	{"how long", pb.QualifierField_QUALIFIER_FIELD_TIME, "how_long"},
	{"in what manner", pb.QualifierField_QUALIFIER_FIELD_MANNER, "manner"},
	{"how", pb.QualifierField_QUALIFIER_FIELD_MANNER, "manner"},
	{"for what reason", pb.QualifierField_QUALIFIER_FIELD_REASON, "reason"},
	{"why", pb.QualifierField_QUALIFIER_FIELD_REASON, "reason"},
}

// matchSettingWh reads "in which NOUN", "on what NOUN" or "before which
// NOUN" opening a question, where the noun names a type (or, after
// "before", kinds of a type) that sets a qualifier after the preposition
// (see settingField): the
// qualifier, the noun in the singular to name its variable, the noun's
// constraint on it, and how many words it took.
func matchSettingWh(v *vocab.Vocabulary, words []word, i int) (pb.QualifierField, string, *pb.Constraint, int, bool) {
	prep, n := "", 0
	switch {
	case i != 0 || len(words) < 4:
	case len(words) > 5 && wordsEqual(words[:3], []string{"in", "front", "of"}):
		prep, n = "in front of", 3
	case words[0].lower == "in" || words[0].lower == "on" || words[0].lower == "before" || words[0].lower == "at":
		prep, n = words[0].lower, 1
	}
	if n == 0 || words[n].lower != "which" && words[n].lower != "what" {
		return 0, "", nil, 0, false
	}
	con, singular, ok := nounConstraint(v, words[n+1].lower)
	if !ok {
		// "In which court did Norvane file its suit?": a noun of no
		// lexicon after "in" or "at" asks for the place, whose text must
		// say it (see Question.PlaceNouns).
		// Not a qualifier's own wh-phrase: "In what year", "At what rank".
		// Nor the first word of a noun of two ("In which wind farm").
		two := n+2 < len(words) && (isNounAt(v, words, n+1) || isEvent(v, words[n+1].lower+" "+words[n+2].lower))
		if _, _, _, own := matchQualifierWh(words, i); !own && !two && (prep == "in" || prep == "at") && placeNoun(v, words[n+1]) {
			w := words[n+1]
			return pb.QualifierField_QUALIFIER_FIELD_PLACE, w.lower, nil, n + 2, true
		}
		return 0, "", nil, 0, false
	}
	if prep == "at" {
		// "At which company does Elena Voss work?" asks for the object.
		return 0, "", nil, 0, false
	}
	typ := con.GetType()
	if kinds := con.GetKinds().GetKinds(); len(kinds) > 0 {
		// "In which country is Norvane based?" asks for the object: only
		// an audience is asked for by a kind, and a place where no
		// relation word of the question takes such a place as object ("In
		// which city did Chey propose the alliance?").
		if prep == "in" && n+2 < len(words) && doAux[words[n+2].lower] && kindsOfType(v, kinds, "place") && !takenAsObject(v, words[n+2:], kinds) {
			return pb.QualifierField_QUALIFIER_FIELD_PLACE, singular, con, n + 2, true
		}
		if prep != "before" && prep != "in front of" {
			return 0, "", nil, 0, false
		}
		// A kind sets what its entity type does ("before which party").
		typ = ""
		for _, name := range kinds {
			k, ok := v.LookupKind(name)
			if !ok || typ != "" && k.EntityType != typ {
				return 0, "", nil, 0, false
			}
			typ = k.EntityType
		}
	}
	field, ok := settingField(prep, typ)
	return field, singular, con, n + 2, ok
}

// matchQualifierWh finds a qualifier wh-phrase at words[i], longest first
// (the table lists longer phrases before their tails).
func matchQualifierWh(words []word, i int) (pb.QualifierField, string, int, bool) {
	for _, q := range qualifierWh {
		ws := strings.Fields(q.words)
		if i+len(ws) > len(words) {
			continue
		}
		ok := true
		skip := 0
		for k, w := range ws {
			// "What global rank": a word of scope between the wh-word
			// and its noun.
			if k == 1 && ok && (ws[0] == "what" || ws[0] == "which") && i+2+skip < len(words) && scopeAdjectives[words[i+1].lower] {
				skip = 1
			}
			ok = ok && i+k+skip < len(words) && words[i+k+skip].lower == w
		}
		// "how many" and "how much" ask for a count, not a manner.
		if ok && q.words == "how" && i+1 < len(words) && (words[i+1].lower == "many" || words[i+1].lower == "much") {
			ok = false
		}
		if ok {
			return q.field, q.name, len(ws) + skip, true
		}
	}
	return 0, "", 0, false
}

// scopeAdjectives say what a rank or a role is over: "What global rank".
var scopeAdjectives = map[string]bool{"global": true, "world": true, "worldwide": true, "overall": true}

// joinWords joins words as written.
func joinWords(ws []word) string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = w.text
	}
	return strings.Join(out, " ")
}

func statusConstraint(s pb.RelationStatus) *pb.Constraint {
	return &pb.Constraint{Test: &pb.Constraint_RelationStatus{RelationStatus: s}}
}

func isEvent(v *vocab.Vocabulary, w string) bool {
	_, ok := v.EventNoun(w)
	return ok
}

// maxNameWords is the longest entity name, in words, looked for.
const maxNameWords = 7

// matchEntity finds the longest run of words from i that is exactly a name
// or alias of one entity; failing that, a single capitalized word that is
// one edit from one entity's name.
func matchEntity(ix *index.Index, words []word, i int) (item, int, bool) {
	if n := words[i].span; n > 0 {
		return item{kind: itemEntity, text: joinWords(words[i : i+n]), node: words[i].node, fuzzy: true, readAs: words[i].readAs}, n, true
	}
	for n := min(maxNameWords, len(words)-i); n >= 1; n-- {
		span := words[i : i+n]
		if functionWord(span[0].lower) || functionWord(span[n-1].lower) {
			continue
		}
		texts := make([]string, n)
		for k, w := range span {
			texts[k] = w.text
		}
		text := strings.Join(texts, " ")
		// A short lowercase word ("us") is a pronoun, not an acronym;
		// in a query typed all in lowercase, one that is no English word
		// may be ("sk global ranking").
		if n == 1 && utf8.RuneCountInString(text) <= 3 && strings.ToLower(text) == text && namesearch.IsASCII(text) &&
			!(allLowercase(words) && !knownWord(ix.Vocabulary(), span[0].lower)) {
			continue
		}
		if nodes := ix.ExactNodes(text, 10); len(nodes) == 1 {
			return item{kind: itemEntity, text: text, node: nodes[0]}, n, true
		}
		// A plural name in the singular, as a noun before another noun is:
		// "turbine blade makers" names "turbine blades".
		if last := texts[n-1]; utf8.RuneCountInString(last) >= 3 && strings.ToLower(last) == last {
			plural := strings.Join(append(slices.Clone(texts[:n-1]), english.Plural(last)), " ")
			if nodes := ix.ExactNodes(plural, 10); len(nodes) == 1 && plural != text {
				return item{kind: itemEntity, text: text, node: nodes[0]}, n, true
			}
		}
	}
	// Spelling correction, only for a capitalized word that is no other
	// kind of word: "Kioxa" is Kioxia.
	w := words[i]
	v := ix.Vocabulary()
	_, isNoun := v.Noun(w.lower)
	// A lowercase word too, in a query typed all in lowercase ("samsnug and
	// sony"), when it is no word WordNet or the lexicon knows.
	r, _ := utf8.DecodeRuneInString(w.text)
	nameLike := unicode.IsUpper(r) || utf8.RuneCountInString(w.text) >= 5 && strings.ToLower(w.text) == w.text && !knownWord(v, w.lower)
	// "Lee", a short word of one person's name as written.
	if r := []rune(w.text); i > 0 && len(r) == 3 && unicode.IsUpper(r[0]) && !functionWord(w.lower) && !isNoun && months[w.lower] == 0 &&
		(i+1 == len(words) || !isNameStart(words[i+1])) && (i == 1 || !isNameStart(words[i-1])) {
		// A whole word of the name: "Lee" of Lee Jae-myung, not "Won" of
		// Chey Tae-won.
		hits := slices.DeleteFunc(ix.CorrectName(w.text, 0, 3), func(h index.NameHit) bool {
			return h.Edits > 0 || ix.EntityType(h.Node) != "person" || !slices.ContainsFunc(strings.Fields(ix.DisplayName(h.Node)), func(f string) bool { return strings.EqualFold(f, w.text) })
		})
		if len(hits) == 1 {
			return item{kind: itemEntity, text: w.text, node: hits[0].Node, fuzzy: true}, 1, true
		}
	}
	if nameLike && utf8.RuneCountInString(w.text) >= 4 && !functionWord(w.lower) && !isEvent(v, w.lower) && !isNoun && !startsPlaceName(words, i) {
		// A word inside a longer name that starts a lexicon phrase is the
		// phrase's: "Commerce Secretary" is a title, not the Korea Chamber
		// of Commerce and Industry.
		hits := ix.CorrectName(w.text, 1, 3)
		// An English word is no misspelling of another name: "Cortland"
		// is not Portland.
		if wordnet.IsWord(w.lower) {
			lemmas := wordnet.Lemmas(w.lower, wordnet.Noun)
			hits = slices.DeleteFunc(hits, func(h index.NameHit) bool {
				// "LCDs", the plural of "LCD", names LCD.
				return h.Edits > 0 && !slices.Contains(lemmas, namesearch.Normalize(ix.NameText(h.Node, h.Name)))
			})
		}
		if slices.ContainsFunc(hits, func(h index.NameHit) bool { return h.Kind == namesearch.Token }) {
			if _, _, _, phrase := matchPhrase(v, words, i, nil); phrase {
				hits = slices.DeleteFunc(hits, func(h index.NameHit) bool { return h.Kind == namesearch.Token })
			}
		}
		if len(hits) == 1 || (len(hits) > 1 && hits[0].Score > hits[1].Score) {
			return item{kind: itemEntity, text: w.text, node: hits[0].Node, fuzzy: true}, 1, true
		}
	}
	return item{}, 0, false
}

// attributeOpenings turn a terse query that ends in an attribute noun
// into the question it asks: "norvane lawsuit filing date" is "When
// norvane lawsuit", "aldermoor stake price" "How much is aldermoor stake",
// "lutnick title" "What is lutnick's title".
var attributeOpenings = map[string][]string{
	"date": {"when"}, "year": {"when"}, "month": {"when"}, "day": {"when"}, "time": {"when"},
	"price": {"how", "much", "is"}, "amount": {"how", "much", "is"}, "capacity": {"how", "big", "is"}, "size": {"how", "big", "is"},
	"title": {"what", "is"}, "role": {"what", "is"}, "position": {"what", "is"}, "job": {"what", "is"},
	"rank": {"what", "rank", "does"}, "ranking": {"what", "rank", "does"},
	"location": {"where", "is"}, "whereabouts": {"where", "is"},
}

// ownTimeGerunds, before "date" or "year" in a terse query, say the
// relation's own time: a lawsuit's filing, a factory's opening.
var ownTimeGerunds = map[string]bool{"filing": true, "opening": true, "signing": true, "launching": true}

// rankScopes may follow a rank in a terse query: "kioxia nand rank
// worldwide".
var rankScopes = map[string]bool{"worldwide": true, "globally": true, "global": true, "overall": true}

// terseAttribute reads a query of names and nouns with no wh-word or
// auxiliary whose last word is an attribute noun (see attributeOpenings)
// as the question it asks; a word ending in "-ing" before it ("filing
// date", "opening year") says which time and is left out. A title becomes
// the possessive's ("lutnick title" is "What is lutnick's title"), a rank
// what the names have ("kioxia nand rank worldwide" is "What rank does
// kioxia nand have worldwide"). Other words are returned as they are.
func terseAttribute(v *vocab.Vocabulary, words []word) []word {
	n := len(words)
	if n < 2 || slices.ContainsFunc(words, func(w word) bool { return whWords[w.lower] || auxWords[w.lower] || notWords[w.lower] }) {
		return words
	}
	a := n - 1
	for a > 1 && rankScopes[words[a].lower] {
		a--
	}
	last, tail := words[a], words[a+1:]
	open, ok := attributeOpenings[last.lower]
	rank := len(open) > 1 && open[1] == "rank"
	if !ok || len(tail) > 0 && !rank {
		return words
	}
	rest := words[:a]
	if k := len(rest) - 1; k > 0 && strings.HasSuffix(rest[k].lower, "ing") {
		// Only a word that says the relation's own time: "norvane
		// lawsuit ending date" asks for what the graph does not record.
		if !ownTimeGerunds[rest[k].lower] {
			return words
		}
		rest = rest[:k]
	}
	// A time or an amount is one relation's: the query must name one by
	// its noun ("aldermoor deal price"; not "halcyon price", nor "norvane
	// lawsuit settlement date", two).
	if second := strings.Join(open[1:], " "); open[0] == "when" || second == "much is" {
		nouns := 0
		for k := range rest {
			if isEvent(v, rest[k].lower) && (k+1 == len(rest) || !isEvent(v, rest[k].lower+" "+rest[k+1].lower)) {
				nouns++
			}
		}
		if nouns != 1 {
			return words
		}
	}
	var out []word
	for i, w := range open {
		ow := word{text: w, lower: w}
		if i == 0 {
			ow.note = fmt.Sprintf("%q at the end: the query asks for it", last.text)
		}
		out = append(out, ow)
	}
	out = append(out, rest...)
	switch {
	case open[0] == "where":
		out = append(out, word{text: "located", lower: "located"})
	case rank:
		out = append(append(out, word{text: "have", lower: "have"}), tail...)
	case open[0] == "what":
		out = append(out, word{text: "'s", lower: "'s"}, last)
	}
	return out
}

// imperativeWords open a request that asks for names: "Name the state
// that offered Halcyon tax credits", "List the investors in Gannet Bank".
var imperativeWords = map[string]bool{"name": true, "list": true, "identify": true, "give": true, "show": true}

// imperative reads "Name (or List, Identify, ...) [all] the NOUN [that] ..."
// as "Which NOUN ...". Other words are returned as they are.
func imperative(words []word) []word {
	if len(words) < 3 || !imperativeWords[words[0].lower] {
		return words
	}
	k := 1
	if words[k].lower == "me" && k+1 < len(words) { // "give me the"
		k++
	}
	if words[k].lower == "all" && k+1 < len(words) {
		k++
	}
	if words[k].lower != "the" {
		return words
	}
	rest := words[k+1:]
	out := []word{{text: words[0].text, lower: "which", note: fmt.Sprintf("%q: a request for names", joinWords(words[:k+1]))}}
	// "the state that offered ...": the relative pronoun goes with "which".
	for j := 1; j < len(rest) && j <= 4; j++ {
		if relativePronouns[rest[j].lower] && rest[j].lower != "which" {
			return append(append(out, rest[:j]...), rest[j+1:]...)
		}
	}
	return append(out, rest...)
}

// fateOf reads a question about how a relation turned out as "What
// became of" it, which asks for the relation, with its status: "What
// happened to Western Digital's attempt to buy Kioxia?", "How did the
// takeover attempt on Kioxia end?". Other words are returned as they are.
func fateOf(words []word) []word {
	became := []word{{text: "What", lower: "what"}, {text: "became", lower: "became"}, {text: "of", lower: "of"}}
	for _, open := range [][]string{{"what", "happened", "to"}, {"what", "has", "happened", "to"}, {"what", "became", "of"}} {
		if n := len(open); len(words) > n && wordsEqual(words[:n], open) {
			return append(became, words[n:]...)
		}
	}
	if len(words) < 4 || words[0].lower != "how" || !slices.Contains([]string{"did", "does", "will"}, words[1].lower) {
		return words
	}
	for _, end := range [][]string{{"end"}, {"end", "up"}, {"turn", "out"}, {"conclude"}, {"wind", "up"}} {
		if n := len(words) - len(end); n > 2 && wordsEqual(words[n:], end) {
			return append(became, words[2:n]...)
		}
	}
	return words
}

// examplesOf returns how many words from i say that the names after
// them are examples of the type or kind noun before ("like", "such as"),
// or 0: the noun must not follow a wh-word ("Which companies like ...")
// and the name after must fit it.
func examplesOf(ix *index.Index, words []word, i int, items []item) int {
	n := 0
	switch {
	case words[i].lower == "like":
		n = 1
	case words[i].lower == "such" && i+1 < len(words) && words[i+1].lower == "as":
		n = 2
	}
	k := len(items) - 1
	if n == 0 || k < 0 || items[k].kind != itemType || k > 0 && items[k-1].kind == itemWh {
		return 0
	}
	j := i + n
	if j < len(words) && articleWords[words[j].lower] {
		j++
	}
	if j >= len(words) {
		return 0
	}
	name, _, ok := matchEntity(ix, words, j)
	if !ok {
		return 0
	}
	v := ix.Vocabulary()
	con := items[k].con
	types := []string{con.GetType()}
	for _, kind := range con.GetKinds().GetKinds() {
		types = append(types, kind)
	}
	if !v.Fits(ix.EntityType(name.node), ix.Kinds(name.node), types) {
		return 0
	}
	return n
}

// subjectPronouns stand for a name the question gave before them.
var subjectPronouns = map[string]bool{"he": true, "she": true, "it": true, "they": true}

// whenClause reads "Where was Chey Tae-won when he proposed the alliance
// on May 8?" as "Where did Chey Tae-won proposed the alliance on May 8?":
// "where" (or "in which city"), a copula and one name, then "when" and a
// pronoun for that name, ask where the clause happened. It returns the
// words rewritten.
func whenClause(words []word, items []item) ([]word, bool) {
	// The place asked for: "where", or "in which city".
	k := 0
	switch {
	case len(items) > 0 && items[0].kind == itemWh && words[0].lower == "where":
		k = 1
	case len(items) > 2 && items[0].kind == itemPrep && (words[0].lower == "in" || words[0].lower == "at") && items[1].kind == itemWh &&
		(words[1].lower == "which" || words[1].lower == "what") && items[2].kind == itemType:
		k = 3
	}
	if k == 0 || items[0].at != 0 || len(items) < k+4 || items[k].kind != itemAux || !beWords[words[items[k].at].lower] ||
		items[k+1].kind != itemEntity || items[k+1].at != items[k].at+1 {
		return nil, false
	}
	aux := items[k].at
	at := items[k+1].at + items[k+1].span
	if at+2 >= len(words) || words[at].lower != "when" || !subjectPronouns[words[at+1].lower] {
		return nil, false
	}
	out := append(slices.Clone(words[:aux]), word{text: "did", lower: "did", note: fmt.Sprintf("%q: the name the pronoun stands for", words[at+1].text)})
	out = append(out, words[aux+1:at]...)
	return append(out, words[at+2:]...), true
}

// audienceVerbs say that their subject heard a relation: "Who heard
// Chey's proposal?" asks before whom it was made. speechVerbs make a
// relation before an audience, which "to whom" asks for: "To whom did
// Okafor announce the stake sale?".
var (
	audienceVerbs = map[string]bool{"heard": true, "hear": true, "hears": true, "attended": true, "attend": true, "attends": true,
		"witnessed": true, "witness": true, "witnesses": true}
	speechVerbs = map[string]bool{"announce": true, "propose": true, "present": true, "pitch": true, "unveil": true, "reveal": true,
		"explain": true, "describe": true, "suggest": true, "repeat": true}
)

// frameWords open a phrase that names the relation a question asks about
// before it asks: "Under the settlement, ...".
var frameWords = map[string]bool{"under": true, "in": true}

// ownEventFrame drops an opening "Under the EVENT" (or "In"), a date
// allowed before the noun, when a verb of the question is of the noun's
// predicate ("Under the settlement, does Norvane license its design to
// Halcyon?"): the phrase names the verb's own relation and says no more
// than its date, which is kept at the end. It returns the words rewritten
// and the phrase dropped, or false.
func ownEventFrame(words []word, items []item) ([]word, string, bool) {
	if len(items) < 4 || !frameWords[strings.ToLower(items[0].text)] || items[0].span != 1 {
		return nil, "", false
	}
	k := 1
	var dates []string
	for k < len(items) && (items[k].kind == itemArticle || items[k].kind == itemPoss || items[k].kind == itemDate) {
		if items[k].kind == itemDate {
			dates = append(dates, items[k].text)
		}
		k++
	}
	if k >= len(items) || items[k].kind != itemEvent || items[k].span == 0 {
		return nil, "", false
	}
	ev := items[k]
	if !slices.ContainsFunc(items[k+1:], func(it item) bool {
		return it.kind == itemVerb && !it.phrase.Noun && slices.Contains(ev.preds, it.phrase.Predicate)
	}) {
		return nil, "", false
	}
	end := ev.at + ev.span
	out := slices.Clone(words[end:])
	// "In his April 22 proposal, ...": the frame's date still dates the
	// relation, at the end.
	for _, d := range dates {
		if f := strings.Fields(strings.ToLower(d)); f[0] != "in" && f[0] != "on" {
			d = "on " + d
		}
		out = append(out, tokenize(d)...)
	}
	return out, joinWords(words[:end]), true
}

// whoseOpeners ask for the noun after them: "Which firm", "Name the
// firm", "What is the name of the firm".
var whoseOpeners = [][]string{{"which"}, {"what"}, {"name", "the"}, {"list", "the"}, {"identify", "the"},
	{"what", "is", "the", "name", "of", "the"}, {"what", "'s", "the", "name", "of", "the"}}

// whoseIs reads "Name the firm whose managing partner is Rafael Ortiz" as
// "Which firm's managing partner is Rafael Ortiz": a noun of one or two
// words asked for, "whose", what it has, a copula and the rest. It returns the words
// rewritten, or false.
func whoseIs(words []word, items []item) ([]word, bool) {
	p := slices.IndexFunc(words, func(w word) bool { return w.lower == "whose" })
	if p < 2 {
		return nil, false
	}
	// The noun, one or two lowercase words: "firm", "wind farm".
	n := 0
	for _, size := range []int{1, 2} {
		if p-size >= 1 && slices.ContainsFunc(whoseOpeners, func(o []string) bool { return len(o) == p-size && wordsEqual(words[:p-size], o) }) {
			n = size
		}
	}
	if n == 0 || slices.ContainsFunc(words[p-n:p], func(w word) bool { return w.text != w.lower || articleWords[w.lower] }) {
		return nil, false
	}
	b := slices.IndexFunc(words[p+1:], func(w word) bool { return beWords[w.lower] })
	if b < 1 || p+1+b+1 >= len(words) {
		return nil, false
	}
	b += p + 1
	// What it has is a noun phrase: no verb or other clause in it.
	if slices.ContainsFunc(words[p+1:b], func(w word) bool { return auxWords[w.lower] || w.lower == "that" || w.lower == "who" }) {
		return nil, false
	}
	out := []word{{text: words[0].text, lower: "which", note: fmt.Sprintf("%q: which %s has it", joinWords(words[:p+1]), joinWords(words[p-n:p]))}}
	return slices.Concat(out, words[p-n:p], []word{{text: "'s", lower: "'s"}}, words[p+1:]), true
}

// possessiveNounIs reads "Which wind farm's backer is MHIP?" as "Which
// wind farm is MHIP a backer of?" and "Whose backer is MHIP?" as "What is
// MHIP a backer of?": the possessor of a relational noun of the lexicon,
// a title too ("Whose chairman is Graham Whitcombe?"), is what the noun is
// of, and the name after the copula what the noun names. It returns the
// words rewritten, or false.
func possessiveNounIs(words []word, items []item) ([]word, bool) {
	if len(words) == 0 || len(items) < 4 {
		return nil, false
	}
	k := 1
	opener := []word{words[0]}
	switch {
	case len(items) >= 4 && items[0].kind == itemWh && strings.EqualFold(items[0].text, "whose") && items[0].at == 0:
		opener = []word{{text: words[0].text, lower: "what"}}
	case len(items) >= 6 && items[0].kind == itemWh && (items[1].kind == itemType || items[1].kind == 0) && items[2].kind == itemPoss:
		opener, k = words[:items[2].at], 3
	default:
		return nil, false
	}
	noun, be, name := items[k], at(items, k+1), at(items, k+2)
	last := k + 3
	if name.kind == itemArticle {
		// "Whose backer is the Great Lakes Teachers Pension Fund?"
		name, last = at(items, k+3), k+4
	}
	if noun.kind != itemVerb || !noun.phrase.Noun || noun.phrase.Passive || len(noun.phrase.Words) < 2 ||
		!prepWords[noun.phrase.Words[len(noun.phrase.Words)-1]] || be.kind != itemAux || !beWords[words[be.at].lower] ||
		name.kind != itemEntity || name.at+name.span != len(words) || last != len(items) {
		return nil, false
	}
	var of []word
	for _, w := range noun.phrase.Words {
		of = append(of, word{text: w, lower: w})
	}
	of[0].note = fmt.Sprintf("%q: what %s is %s", joinWords(words), joinWords(words[name.at:name.at+name.span]), strings.Join(noun.phrase.Words, " "))
	return slices.Concat(opener, []word{words[be.at]}, words[name.at:name.at+name.span], []word{{text: "a", lower: "a"}}, of), true
}

// agentCompound reads "the Halcyon-funded research partnership" as "the
// research partnership funded by Halcyon": a name joined by a hyphen to a
// lexicon verb's past participle, before a noun, is the doer of the verb
// the noun undergoes, a clause about the noun (see relatives). It returns
// the words rewritten.
func agentCompound(words []word, items []item) ([]word, bool) {
	for k := 0; k+2 < len(items); k++ {
		name, verb, noun := items[k], items[k+1], items[k+2]
		at := name.at + name.span // the participle, one word (a verb item has no position of its own)
		if name.kind != itemEntity || verb.kind != itemVerb || verb.phrase.Noun || strings.Contains(verb.text, " ") || at >= len(words) ||
			!strings.EqualFold(words[at].text, verb.text) || !words[at].hyphened || !english.IsPastParticiple(words[at].lower) ||
			noun.kind != itemEvent && noun.kind != itemType || noun.at != at+1 {
			continue
		}
		participle := words[at]
		participle.hyphened = false
		by := word{text: "by", lower: "by", note: fmt.Sprintf("%q: %s by %s", joinWords(words[name.at:at+1]), participle.text, name.text)}
		end := noun.at + noun.span
		return slices.Concat(words[:name.at], words[noun.at:end], []word{participle, by}, words[name.at:name.at+name.span], words[end:]), true
	}
	return nil, false
}

// datedEventIs reads "Was the May 8 proposal Chey's second public
// mention of the idea?" as "Was Chey's second public mention of the idea
// on May 8?": a copula, a relation noun dated before it, then a noun
// phrase whose relation noun is of the same predicate, ask whether that
// relation is on the date. It returns the words rewritten.
func datedEventIs(words []word, items []item) ([]word, bool) {
	if len(items) < 5 || items[0].kind != itemAux || items[0].at != 0 || !beWords[words[0].lower] {
		return nil, false
	}
	k := 1
	if items[k].kind == itemArticle {
		k++
	}
	date, ev := items[k], items[k+1]
	if date.kind != itemDate || date.date.Bound != "" || ev.kind != itemEvent || ev.at != date.at+date.span || k+2 >= len(items) {
		return nil, false
	}
	rest := items[k+2:]
	if rest[0].kind == itemArticle || slices.ContainsFunc(rest, func(it item) bool {
		return it.kind == itemVerb || it.kind == itemDate || it.kind == itemWh || it.kind == itemRel
	}) || !slices.ContainsFunc(rest, func(it item) bool {
		return it.kind == itemEvent && slices.ContainsFunc(it.preds, func(p vocab.ID) bool { return slices.Contains(ev.preds, p) })
	}) {
		return nil, false
	}
	end := ev.at + ev.span
	out := append([]word{words[0]}, words[end:]...)
	if f := strings.Fields(strings.ToLower(date.text)); f[0] != "in" && f[0] != "on" {
		out = append(out, word{text: "on", lower: "on"})
	}
	return append(out, words[date.at:date.at+date.span]...), true
}

// hearVerbs say that their subject was the audience of what follows.
var hearVerbs = map[string]bool{"hear": true, "heard": true, "hears": true, "witness": true, "witnessed": true}

// heardWhen reads "Where did Lee Jae-myung hear Chey's proposal?" as
// "Where was Chey's proposal before Lee Jae-myung?": a wh-word, "did", one
// name, a verb of hearing and the rest, which the name heard. It returns
// the words rewritten, or false.
func heardWhen(words []word, items []item) ([]word, bool) {
	if len(items) < 5 || (items[0].kind != itemWh && items[0].kind != itemQualifier) || items[0].at != 0 || items[1].kind != itemAux ||
		!doAux[words[items[1].at].lower] || items[2].kind != itemEntity {
		return nil, false
	}
	name := items[2]
	h := name.at + max(name.span, 1)
	if h+1 >= len(words) || !hearVerbs[words[h].lower] || items[3].at != h {
		return nil, false
	}
	// "When did Lee hear Chey's first proposal?": the first of those
	// before him would not be the first.
	if slices.ContainsFunc(items, func(it item) bool { return it.kind == itemIgnore && it.order != 0 }) {
		return nil, false
	}
	before := word{text: "before", lower: "before", note: fmt.Sprintf("%q: the relation's audience", words[h].text)}
	out := slices.Concat(words[:items[1].at], []word{{text: words[items[1].at].text, lower: "was"}}, words[h+1:], []word{before}, words[name.at:h])
	return out, true
}

// audienceClause reads the questions that ask for a relation's audience
// by a verb or a noun rather than "before whom": "Who heard Chey's
// proposal?", "Which politician was the audience for Chey's second
// proposal?" and "To whom did Okafor announce the stake sale?" are read
// as "Before whom was Chey's proposal?", "Before which politician was
// ...", "Before whom did Okafor announce ...". It returns the words
// rewritten, the wh-phrase's first word noted so.
func audienceClause(words []word, items []item) ([]word, bool) {
	if len(items) < 3 || items[0].at != 0 {
		return nil, false
	}
	if w, ok := heardWhen(words, items); ok {
		return w, true
	}
	// The word read as "before" is the one that says the audience:
	// "heard", "the audience for", "To".
	said := func(ws []word) word {
		return word{text: joinWords(ws), lower: "before", note: fmt.Sprintf("%q: the relation's audience", joinWords(ws))}
	}
	if items[0].kind == itemPrep && words[0].lower == "to" && len(items) > 4 && items[1].kind == itemWh && items[1].at == 1 {
		// "To whom did X announce ...", "To which investors did ...".
		k := 2
		if items[k].kind == itemType {
			k++
		}
		if items[k].kind != itemAux || !speechVerbIn(items[k+1:]) || slices.ContainsFunc(items[k+1:], func(it item) bool { return it.kind == itemPrep && strings.EqualFold(it.text, "to") }) {
			return nil, false
		}
		return append([]word{said(words[:1])}, words[1:]...), true
	}
	if items[0].kind != itemWh || !slices.Contains([]string{"who", "whom", "which", "what"}, words[0].lower) {
		return nil, false
	}
	if n := len(words); n > 3 && words[n-1].lower == "to" && items[len(items)-1].kind == itemPrep && speechVerbIn(items) &&
		!slices.ContainsFunc(items[:len(items)-1], func(it item) bool { return it.kind == itemPrep && strings.EqualFold(it.text, "to") }) {
		// "Who did Okafor announce the stake sale to?" is "To whom did
		// Okafor announce the stake sale?".
		rest := slices.Clone(words[:n-1])
		if rest[0].lower == "who" {
			rest[0].lower = "whom"
		}
		return append([]word{said(words[n-1:])}, rest...), true
	}
	if n := strandedAudience(words); n > 0 {
		// "Which candidate did Chey make his proposal before?" is "Before
		// which candidate did Chey make his proposal?".
		head := slices.Clone(words[len(words)-n:])
		rest := slices.Clone(words[:len(words)-n])
		if rest[0].lower == "who" {
			rest[0].lower = "whom"
		}
		return append(head, rest...), true
	}
	p := 1 // the first word after the wh-phrase
	if words[0].lower == "which" || words[0].lower == "what" {
		if items[1].kind != itemType || items[1].at != 1 {
			return nil, false
		}
		p += items[1].span
	}
	if p >= len(words) {
		return nil, false
	}
	head := append([]word{{}}, words[:p]...)
	if head[1].lower == "who" {
		head[1].lower = "whom"
	}
	if q := p + 1; q < len(words) && beWords[words[p].lower] {
		// "Which investors were on the call when Okafor announced the
		// stake sale?" is "Before which investors did Okafor announced
		// ...": being at the relation's telling is hearing it.
		for _, place := range audiencePlaces {
			if at := q + len(place); at+2 < len(words) && wordsEqual(words[q:at], place) && words[at].lower == "when" {
				head[0] = said(words[p : at+1])
				return append(append(head, word{text: "did", lower: "did"}), words[at+1:]...), true
			}
		}
	}
	switch {
	case audienceVerbs[words[p].lower]:
		head[0] = said(words[p : p+1])
		return append(append(head, word{text: "was", lower: "was"}), words[p+1:]...), true
	case p+3 < len(words) && beWords[words[p].lower] && words[p+1].lower == "the" && words[p+2].lower == "audience" &&
		slices.Contains([]string{"for", "of", "at"}, words[p+3].lower):
		head[0] = said(words[p+1 : p+4])
		return append(append(head, words[p]), words[p+4:]...), true
	}
	return nil, false
}

// audiencePlaces, after a copula and before "when", say that the
// question's subject heard the relation the clause tells: "Who was on the
// call when ...".
var audiencePlaces = [][]string{{"on", "the", "call"}, {"in", "the", "audience"}, {"present"}, {"in", "attendance"}, {"in", "the", "room"}}

// speechVerbIn says whether items have a verb that makes a relation
// before an audience (speechVerbs).
func speechVerbIn(items []item) bool {
	return slices.ContainsFunc(items, func(it item) bool { return it.kind == itemVerb && speechVerbs[strings.ToLower(it.text)] })
}

// strandedAudience returns how many words at the end of words are a
// preposition that says the audience, "before" or "in front of", or 0.
func strandedAudience(words []word) int {
	n := len(words)
	switch {
	case n > 4 && wordsEqual(words[n-3:], []string{"in", "front", "of"}):
		return 3
	case n > 3 && words[n-1].lower == "before":
		return 1
	}
	return 0
}

// topicPrepositions, stranded at the end of a "what" question, ask for
// what its relation is about: "What did Norvane sue Halcyon over?".
var topicPrepositions = map[string]bool{"over": true, "about": true, "on": true}

// strandedTopic reads "What did Norvane sue Halcyon over?" as "On what
// topic did Norvane sue Halcyon?": a preposition of topicPrepositions
// that ends a "what" question whose second word is an auxiliary asks for
// its relation's topic; so does one of a "which" or "what" question
// whose noun comes before its auxiliary ("Which design was the patent
// dispute about?" is "On which design was the patent dispute"). "at the
// heart of" right after the copula asks so too ("Which design was at the
// heart of the patent dispute?"). It returns the words rewritten, the
// topic noted so.
func strandedTopic(words []word, items []item) ([]word, bool) {
	if w, ok := heartOf(words, items); ok {
		words = w
		items = nil // read again below from the words alone
	}
	n := len(words)
	if w, ok := concernVerb(words); ok {
		words = w
		items = nil
	}
	if n < 5 || !slices.Contains([]string{"what", "which"}, words[0].lower) || !topicPrepositions[words[n-1].lower] {
		return nil, false
	}
	if items != nil && (len(items) < 4 || items[0].kind != itemWh || items[len(items)-1].kind != itemPrep && items[len(items)-1].kind != 0 || items[len(items)-1].at != n-1) {
		return nil, false
	}
	aux := 1
	noun := word{text: "topic", lower: "topic"}
	if !auxWords[words[1].lower] {
		// "Which design was ...": the noun asked for, one word.
		if !auxWords[words[2].lower] {
			return nil, false
		}
		noun, aux = words[1], 2
	} else if words[0].lower != "what" {
		return nil, false
	}
	noun.note = fmt.Sprintf("%q at the end: what the relation is about", words[n-1].text)
	out := []word{{text: words[n-1].text, lower: "on"}, words[0], noun}
	rest := words[aux : n-1]
	if k := len(rest) - 1; k > 1 && topicVerbs[rest[k].lower] {
		// "What will the partnership work on?": the verb says only that.
		rest = rest[:k]
	}
	return append(out, rest...), true
}

// concernVerbs, ending a question after a relation noun, say what the
// relation is about: "Which design did the lawsuit concern?". Not
// "target": "The suit had targeted the 115-meter blade", not the design
// it is about.
var concernVerbs = map[string]bool{"concern": true, "concerned": true}

// concernVerb returns "WH [NOUN] DO the X V?", V one of concernVerbs, as
// "WH [NOUN] BE the X about", or false.
func concernVerb(words []word) ([]word, bool) {
	n := len(words)
	if n < 5 || !concernVerbs[words[n-1].lower] || !slices.Contains([]string{"what", "which"}, words[0].lower) {
		return nil, false
	}
	aux := 1
	if !doAux[words[aux].lower] {
		aux = 2
	}
	if !doAux[words[aux].lower] || !articleWords[words[aux+1].lower] {
		return nil, false
	}
	out := slices.Clone(words)
	out[aux] = word{text: words[aux].text, lower: "was"}
	out[n-1] = word{text: words[n-1].text, lower: "about"}
	return out, true
}

// heartPhrases, right after the copula, say what a relation is about:
// "Which design was at the heart of the patent dispute?"
var heartPhrases = [][]string{{"at", "the", "heart", "of"}, {"at", "the", "center", "of"}, {"at", "the", "centre", "of"}, {"at", "the", "core", "of"}}

// heartOf returns "WH [NOUN] BE at the heart of X" as "WH [NOUN] BE X
// about", or false.
func heartOf(words []word, items []item) ([]word, bool) {
	if len(items) < 3 || items[0].kind != itemWh {
		return nil, false
	}
	be := 1
	if be < len(words) && !beWords[words[be].lower] {
		be = 2
	}
	if be >= len(words) || !beWords[words[be].lower] {
		return nil, false
	}
	for _, ph := range heartPhrases {
		if be+1+len(ph) < len(words) && wordsEqual(words[be+1:be+1+len(ph)], ph) {
			about := word{text: "about", lower: "about"}
			return append(append(slices.Clone(words[:be+1]), words[be+1+len(ph):]...), about), true
		}
	}
	return nil, false
}

// topicVerbs before a stranded "on" say only that the relation has a
// topic: "What will the research partnership work on?".
var topicVerbs = map[string]bool{"work": true, "works": true, "working": true, "focus": true, "focuses": true, "focusing": true, "focused": true,
	"concentrate": true, "concentrates": true, "concentrating": true, "center": true, "centre": true, "centered": true}

// kindWords ask for a kind: "What kind of producer", "what type of".
var kindWords = map[string]bool{"kind": true, "type": true, "sort": true}

// kindOfRelation reads "What kind of producer is Kioxia?" as "What is
// Kioxia a producer of?": the kind of a relational noun's subject is what
// the relation reaches. It applies only when the noun is a relational noun
// of the lexicon and one name follows the copula, and returns the words
// rewritten: "What topic is Kioxia a producer of", the kind word read as
// "topic" and noted so.
func kindOfRelation(words []word, items []item) ([]word, bool) {
	if len(items) != 6 || items[0].kind != itemWh || items[0].at != 0 || !slices.Contains([]string{"what", "which"}, words[0].lower) ||
		items[1].kind != 0 || items[1].at != 1 || !kindWords[words[1].lower] || items[2].kind != itemPrep || words[2].lower != "of" {
		return nil, false
	}
	noun, be, name := items[3], items[4], items[5]
	if noun.kind != itemVerb || !noun.phrase.Noun || noun.at != 3 || be.kind != itemAux || !beWords[words[be.at].lower] ||
		be.at != noun.at+noun.span || name.kind != itemEntity || name.at != be.at+1 || name.at+name.span != len(words) {
		return nil, false
	}
	// Only a topic qualifies a noun as its kind does ("a NAND flash
	// producer"); "What kind of chairman is Chey Tae-won?" is not asking
	// for SK Group.
	out := []word{words[0], {text: words[1].text, lower: "topic", note: fmt.Sprintf("%q: a topic the relation reaches", words[1].text+" "+words[2].text)}, words[be.at]}
	out = append(out, words[name.at:]...)
	out = append(out, word{text: "a", lower: "a"})
	out = append(out, words[noun.at:noun.at+noun.span]...)
	if words[noun.at+noun.span-1].lower != "of" {
		out = append(out, word{text: "of", lower: "of"})
	}
	return out, true
}

// wherePreps are the prepositions by which a verb's object is where its
// subject is: "works at", "is located in", "lies off".
var wherePreps = []string{"in", "at", "off", "on", "near"}

// whereVerb reads "Where does Elena Voss work?" as "What does Elena Voss
// work at?": a where-question whose last word is a verb the lexicon knows
// only with a locative preposition ("work at", "located in") asks for
// that phrase's object. It applies only when the last word is not
// understood otherwise, and returns the words rewritten with the first
// such preposition, and the predicates of every such phrase (see
// mergeWherePhrases).
func whereVerb(v *vocab.Vocabulary, words []word, items []item) ([]word, []vocab.ID, bool) {
	last := len(words) - 1
	if len(items) < 3 || words[0].lower != "where" || items[len(items)-1].kind != 0 || items[len(items)-1].at != last {
		return nil, nil, false
	}
	prep, preds := wherePredicates(v, words[last])
	if len(preds) == 0 {
		return nil, nil, false
	}
	out := slices.Clone(words)
	out[0].lower = "what"
	out[last].note = fmt.Sprintf("%q: where its subject is", words[last].text+" "+prep)
	return append(out, word{text: prep, lower: prep}), preds, true
}

// wherePredicates returns the predicates of the verb phrases verb makes
// with a locative preposition, read subject first, and the first such
// preposition.
func wherePredicates(v *vocab.Vocabulary, verb word) (string, []vocab.ID) {
	first := ""
	var preds []vocab.ID
	for _, prep := range wherePreps {
		ws := []word{verb, {text: prep, lower: prep}}
		for _, ph := range v.Phrases() {
			if n, ok := phraseAt(ws, 0, ph.Words); ok && n == 2 && !ph.Noun && !ph.Passive && !slices.Contains(preds, ph.Predicate) {
				preds = append(preds, ph.Predicate)
				if first == "" {
					first = prep
				}
			}
		}
	}
	return first, preds
}

// mergeWherePhrases makes the phrase whereVerb put at the end of words
// mean every predicate preds the verb has with a locative preposition:
// "Where is Gannet Bank located?" asks for what it is located in or off.
func mergeWherePhrases(words []word, items []item, preds []vocab.ID) []item {
	k, n := len(items)-1, len(words)
	if k < 0 || n < 2 || items[k].kind != itemVerb || items[k].text != joinWords(words[n-2:]) {
		return items
	}
	for _, p := range preds {
		if !slices.Contains(items[k].phrase.Predicates(), p) {
			items[k].phrase.Also = append(slices.Clone(items[k].phrase.Also), p)
		}
	}
	return items
}

// functionWord reports words that never start or end a name.
func functionWord(w string) bool {
	return whWords[w] || auxWords[w] || articleWords[w] || prepWords[w] || w == "'s" || w == "and" || ignoreWords[w] || alsoWords[w]
}

// besidesPhrases set aside the name after them: "besides SK Group",
// "other than Samsung".
var besidesPhrases = [][]string{{"besides"}, {"apart", "from"}, {"aside", "from"}, {"other", "than"}, {"except", "for"}, {"except"}}

// matchBesides returns how many words from i are a besides phrase, or 0.
func matchBesides(words []word, i int) int {
	for _, ph := range besidesPhrases {
		if i+len(ph) <= len(words) && wordsEqual(words[i:i+len(ph)], ph) {
			return len(ph)
		}
	}
	return 0
}

// takeBesides takes from a question's items what it sets aside: each
// besides phrase with the names after it ("besides Samsung and SK"). It
// returns the items left and the names, or an error for a besides phrase
// not followed by a name.
func takeBesides(items []item) ([]item, []index.Node, error) {
	var kept []item
	var names []index.Node
	for k := 0; k < len(items); k++ {
		if items[k].kind != itemBesides {
			kept = append(kept, items[k])
			continue
		}
		j := k + 1
		// "Besides driving growth, what have blocs triggered?": what a
		// gerund does sets its object aside.
		if j < len(items) && items[j].kind == itemVerb && strings.HasSuffix(strings.ToLower(strings.Fields(items[j].text)[0]), "ing") {
			j++
		}
		for j < len(items) && items[j].kind == itemArticle {
			j++
		}
		if j >= len(items) || items[j].kind != itemEntity {
			return nil, nil, fmt.Errorf("cannot tell what %q sets aside: a name should follow it", items[k].text)
		}
		names = append(names, items[j].node)
		for j+2 < len(items) && (items[j+1].kind == itemAnd || items[j+1].kind == itemOr) && items[j+2].kind == itemEntity {
			names = append(names, items[j+2].node)
			j += 2
		}
		k = j
	}
	return kept, names, nil
}

// matchPhrase finds the longest lexicon phrase starting at words[i]. For a
// phrase with a gap it returns the gap's word range.
func matchPhrase(v *vocab.Vocabulary, words []word, i int, before []item) (item, int, []int, bool) {
	it, n, gap, ok := matchPhraseWith(v, words, i, before, false)
	if ok && n == 1 && len(gap) == 0 && prepWords[words[i].lower] && len(before) > 0 && before[len(before)-1].kind == itemEvent {
		// "the lawsuit against Halcyon": after a relation noun, a
		// preposition is the noun's, not a phrase of its own ("against",
		// opposes).
		return item{}, 0, nil, false
	}
	// "supply the turbines for Gannet Bank" says "supply turbines to" with
	// the other preposition of a recipient, when no phrase says it whole;
	// looked for only when one of them follows.
	near := words[min(i+1, len(words)):min(i+6, len(words))]
	if !slices.ContainsFunc(near, func(w word) bool { return recipientPrepositions[w.lower] != "" }) {
		return it, n, gap, ok
	}
	if alt, m, altGap, altOK := matchPhraseWith(v, words, i, before, true); altOK && m > n {
		return alt, m, altGap, true
	}
	return it, n, gap, ok
}

// possessorPhrase matches, at words[i], a verb whose phrase has a noun and
// a preposition ("supply turbines to") with the preposition's object said
// as the noun's possessor instead: "supplying Gannet Bank's turbines" is
// "supplying turbines to Gannet Bank". It returns the phrase, the words it
// took, and the possessor's words as the phrase's gap, so that they are
// read as its object. The possessor must be capitalized words, a name.
func possessorPhrase(v *vocab.Vocabulary, words []word, i int) (item, int, []int, bool) {
	start := i + 1
	if start < len(words) && words[start].lower == "the" {
		start++
	}
	poss := start
	for poss < len(words) && poss-start < maxNameWords && isNameStart(words[poss]) {
		poss++
	}
	if poss == start || poss >= len(words) || words[poss].lower != "'s" {
		return item{}, 0, nil, false
	}
	for _, ph := range v.Phrases() {
		pw := ph.Words
		last := len(pw) - 1
		if ph.Noun || ph.Passive || len(pw) < 3 || !prepWords[pw[last]] || pw[0] != words[i].lower || slices.Contains(pw, "*") {
			continue
		}
		noun := pw[1:last]
		end := poss + 1 + len(noun)
		if end > len(words) || !wordsEqual(words[poss+1:end], noun) || end < len(words) && isNameStart(words[end]) {
			continue
		}
		text := append([]word{words[i]}, words[poss+1:end]...)
		return phraseItem(text, ph), end - i, []int{start, poss}, true
	}
	return item{}, 0, nil, false
}

// recipientPrepositions may stand for each other at the end of a verb's
// phrase: "supply turbines for" for "supply turbines to".
var recipientPrepositions = map[string]string{"to": "for", "for": "to"}

// matchPhraseWith is matchPhrase, with alt set reading a phrase's final
// preposition of recipientPrepositions as the other.
func matchPhraseWith(v *vocab.Vocabulary, words []word, i int, before []item, alt bool) (item, int, []int, bool) {
	// After an article, a possessive or a wh-word, a word like "bid" is a
	// noun, not a verb: only a relational noun that begins with it is read
	// ("the recycling research partner of Halcyon").
	nounOnly := false
	if len(before) > 0 && isEvent(v, words[i].lower) {
		switch before[len(before)-1].kind {
		case itemArticle, itemPoss, itemWh:
			nounOnly = true
		case itemEntity:
			// "the Kioxia bid" is a noun; "Will Norvane license" a verb,
			// the name the subject an auxiliary put first.
			nounOnly = len(before) < 2 || before[len(before)-2].kind != itemAux
		}
	}
	it, n, gap, ok := matchPhraseAt(v, words, i, before, alt)
	if nounOnly && (!ok || !it.phrase.Noun || n < 2) {
		return item{}, 0, nil, false
	}
	return it, n, gap, ok
}

// matchPhraseAt matches a lexicon phrase at words[i] (see matchPhraseWith).
func matchPhraseAt(v *vocab.Vocabulary, words []word, i int, before []item, alt bool) (item, int, []int, bool) {
	if !alt {
		if it, n, gap, ok := possessorPhrase(v, words, i); ok {
			return it, n, gap, true
		}
	}
	// A phrase whose last preposition the question leaves out ("join
	// forces" of "join forces against") gives way to one the question
	// says whole in as many words ("join forces").
	var short item
	shortN := 0
	for _, ph := range v.Phrases() {
		gap := slices.Index(ph.Words, "*")
		if gap < 0 {
			pw := ph.Words
			if alt {
				last := len(pw) - 1
				other, ok := recipientPrepositions[pw[last]]
				if !ok || len(pw) < 3 || ph.Noun {
					continue
				}
				pw = append(slices.Clone(pw[:last]), other)
			}
			if n, ok := phraseAt(words, i, pw); ok {
				if words[i+n-1].lower != pw[len(pw)-1] {
					if shortN == 0 && !alt {
						short, shortN = phraseItem(words[i:i+n], ph), n
					}
					continue
				}
				if shortN > n {
					return short, shortN, nil, true
				}
				return phraseItem(words[i:i+n], ph), n, nil, true
			}
			continue
		}
		head, tail := ph.Words[:gap], ph.Words[gap+1:]
		if alt || i+len(head) > len(words) || !wordsEqual(words[i:i+len(head)], head) {
			continue
		}
		// An empty gap when the object has moved away: "the company that
		// Japan viewed as a critical national asset".
		for j := i + len(head); j+len(tail) <= len(words) && j <= i+len(head)+maxNameWords; j++ {
			if wordsEqual(words[j:j+len(tail)], tail) {
				if shortN > 0 {
					return short, shortN, nil, true
				}
				if j == i+len(head) {
					return phraseItem(words[i:j+len(tail)], ph), j + len(tail) - i, nil, true
				}
				text := append(slices.Clone(words[i:i+len(head)]), words[j:j+len(tail)]...)
				return phraseItem(text, ph), j + len(tail) - i, []int{i + len(head), j}, true
			}
		}
	}
	if shortN > 0 {
		return short, shortN, nil, true
	}
	if !alt {
		return verbOfEventPhrase(v, words, i)
	}
	return item{}, 0, nil, false
}

// verbOfEventPhrase matches the verb alone of a phrase "VERB a NOUN ..."
// whose noun is an event noun of the phrase's own predicate, when the
// question says that noun a few words on, after an article and words the
// phrase does not have: "won the export cable contract" is "win a
// contract from" with a topic before its noun, which mergeEchoedEvents
// then reads.
func verbOfEventPhrase(v *vocab.Vocabulary, words []word, i int) (item, int, []int, bool) {
	if i+2 >= len(words) || !articleWords[words[i+1].lower] {
		return item{}, 0, nil, false
	}
	for _, ph := range v.Phrases() {
		pw := ph.Words
		if ph.Noun || len(pw) < 3 || pw[0] != words[i].lower || !articleWords[pw[1]] {
			continue
		}
		preds, ok := v.EventNoun(pw[2])
		if !ok || !slices.Contains(preds, ph.Predicate) {
			continue
		}
		for j := i + 3; j < len(words) && j <= i+5; j++ {
			if words[j].lower == pw[2] {
				return phraseItem(words[i:i+1], ph), 1, nil, true
			}
			if prepWords[words[j].lower] {
				break
			}
		}
	}
	return item{}, 0, nil, false
}

// phraseAt matches a phrase of the lexicon at words[i] and returns how
// many words it took. Inside a phrase of a verb and its noun, an article
// the lexicon does not write may come before the noun ("supply the
// turbines to" for "supply turbines to"), any article or possessive may
// stand for the one it writes ("take its stake in"), and a final
// preposition may be left out when no object follows ("Who will supply
// the turbines?").
func phraseAt(words []word, i int, ph []string) (int, bool) {
	j := i
	for k, want := range ph {
		if k > 0 && articleWords[want] && j < len(words) && articleWords[words[j].lower] {
			// Any article or possessive for the lexicon's: "take its
			// stake in" for "take a stake in".
			j++
			continue
		}
		if j < len(words) && k > 0 && words[j].lower != want && articleWords[words[j].lower] && !prepWords[want] {
			j++
		}
		if j >= len(words) || words[j].lower != want {
			// "supply turbines" at the end of the question, or before a
			// word that is neither a name nor another preposition (which
			// would begin another phrase: "join forces with", not
			// "against"): the object is asked for or unnamed.
			last := len(ph) - 1
			if k == last && k >= 2 && prepWords[want] && (j == len(words) || !isNameStart(words[j]) && !prepWords[words[j].lower]) {
				return j - i, true
			}
			// A verb and its preposition, the verb ending the question:
			// "How much did MHIP invest?".
			if k == last && k == 1 && prepWords[want] && j == len(words) && verbForm(words[i].lower) {
				return j - i, true
			}
			return 0, false
		}
		j++
	}
	return j - i, true
}

// verbForm reports whether w is a verb's base form, as after "did", and
// WordNet knows it as no noun: "invest", not "member", "stake" or the
// participle "located".
func verbForm(w string) bool {
	return slices.Contains(wordnet.Lemmas(w, wordnet.Verb), w) && len(wordnet.Lemmas(w, wordnet.Noun)) == 0
}

// isNameStart reports whether a question word may begin a name: it is
// capitalized.
func isNameStart(w word) bool {
	r, _ := utf8.DecodeRuneInString(w.text)
	return unicode.IsUpper(r)
}

func phraseItem(ws []word, ph vocab.Phrase) item {
	return item{kind: itemVerb, text: joinWords(ws), phrase: ph, note: notesOf(ws)}
}

// notesOf joins the notes of words read again.
func notesOf(ws []word) string {
	var notes []string
	for _, w := range ws {
		if w.note != "" {
			notes = append(notes, fmt.Sprintf("%q: %s", w.text, w.note))
		}
	}
	if len(notes) == 1 && len(ws) == 1 {
		return ws[0].note
	}
	return strings.Join(notes, "; ")
}

// noted formats a note after what it explains.
func noted(note string) string {
	if note == "" {
		return ""
	}
	return " (" + note + ")"
}

func wordsEqual(ws []word, want []string) bool {
	if len(ws) != len(want) {
		return false
	}
	for k := range ws {
		if ws[k].lower != want[k] {
			return false
		}
	}
	return true
}
