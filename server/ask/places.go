package ask

import (
	"google.golang.org/protobuf/proto"

	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/server/budget"
	"github.com/entitygraph/entitygraph/server/index"
	"github.com/entitygraph/entitygraph/server/pattern"
	"github.com/entitygraph/entitygraph/server/vocab"
	"github.com/entitygraph/entitygraph/server/wordnet"
)

// maxPlaceWords is the longest place word, in words, looked for ("South
// Korean", "Kingdom of Sweden").
const maxPlaceWords = 3

// minLowercasePlace is the fewest letters a place word not capitalized
// must have: "us" in "tell us" is a pronoun, in any question.
const minLowercasePlace = 4

// placeWord reads the words from items[k], not understood, as a country or
// city WordNet names by them, or a country by its adjective ("Swedish" is
// Sweden's; see wordnet.PlaceOf). When one of the place's names is the
// name of one entity of the vocabulary's kind of that class (its noun
// "country" or "city"), they are read as that entity and read reports
// true; otherwise the first word is marked with the place, for the
// questions about places the graph has no entity for (see
// absentCountryQuestion and takeAbsentSetting); two such entities leave
// the words not understood, as does a word in lowercase that is a verb or
// an adjective besides ("nice"; see commonWord). ok reports whether the words
// are a place's at all. A word must be capitalized, unless the whole
// question is in lowercase and it has minLowercasePlace letters: "us" is no
// country.
func placeWord(ix *index.Index, words []word, items []item, k int) (read, ok bool) {
	at := items[k].at
	first, _ := utf8.DecodeRuneInString(words[at].text)
	capital := unicode.IsUpper(first)
	if !capital && (!allLowercase(words) || len(words[at].lower) < minLowercasePlace) {
		return false, false
	}
	for n := min(maxPlaceWords, len(items)-k); n >= 1; n-- {
		run := items[k : k+n]
		// The words after the first may have been read as a noun:
		// "States" of "United States".
		if run[0].kind != 0 || slices.ContainsFunc(run, func(it item) bool { return it.kind != 0 && it.kind != itemType || it.span > 1 }) || run[n-1].at != at+n-1 {
			continue
		}
		place, ok := placeOfWords(words[at : at+n])
		if !ok || !capital && commonWord(words[at].lower) {
			continue
		}
		switch found := placeEntities(ix, place); len(found) {
		case 0:
		case 1:
			words[at].span, words[at].node, words[at].readAs = n, found[0], fmt.Sprintf("WordNet: the %s %q", place.Class, place.Names[0])
			return true, true
		default:
			return false, true // two entities: not chosen between, and not read otherwise
		}
		words[at].place, words[at].placeSpan = place, n
		return false, true
	}
	return false, false
}

// startsPlaceName reports whether words[i] begins the name of a place
// WordNet knows, or another lemma of its, of two words or more: "United"
// of "United States", or "Northern" of "Northern Ireland", is no word of
// the United Kingdom's name.
func startsPlaceName(words []word, i int) bool {
	for n := 2; n <= maxPlaceWords && i+n <= len(words); n++ {
		run := words[i : i+n]
		if place, ok := placeOfWords(run); ok && slices.ContainsFunc(place.Names, func(name string) bool { return strings.EqualFold(name, joinWords(run)) }) || isLemma(joinWords(run)) {
			return true
		}
	}
	return false
}

// placeOfWords returns the place WordNet names by words, lowercase and
// joined (see wordnet.PlaceOf).
func placeOfWords(words []word) (wordnet.Place, bool) {
	return wordnet.PlaceOf(strings.Join(lowers(words), " "))
}

// placeEntities returns the graph's entities of the vocabulary's kinds of
// place's class that one of its names names, without repeats.
func placeEntities(ix *index.Index, place wordnet.Place) []index.Node {
	var out []index.Node
	for _, name := range place.Names {
		for _, n := range ix.ExactNodes(name, 3) {
			if ofClass(ix, n, place.Class) && !slices.Contains(out, n) {
				out = append(out, n)
			}
		}
	}
	return out
}

// phraseWords returns a lexicon phrase's words, the first noted with how
// it came in.
func phraseWords(phrase, note string) []word {
	var out []word
	for i, w := range strings.Fields(phrase) {
		pw := word{text: w, lower: w}
		if i == 0 {
			pw.note = note
		}
		out = append(out, pw)
	}
	return out
}

// commonWord reports whether w, not capitalized, is a verb or an
// adjective to WordNet besides any place it names: in a question typed in
// lowercase, "nice" and "polish" are no places.
func commonWord(w string) bool {
	if len(wordnet.Lemmas(w, wordnet.Verb)) > 0 {
		return true
	}
	place, _ := wordnet.PlaceOf(w)
	noun := slices.ContainsFunc(place.Names, func(n string) bool { return strings.EqualFold(n, w) })
	return noun && len(wordnet.Lemmas(w, wordnet.Adjective)) > 0
}

// classKinds returns the constraint of the vocabulary's kinds of a place
// class: those its noun ("country", "city") names, or nil.
func classKinds(v *vocab.Vocabulary, class string) *pb.Constraint {
	con, _, ok := nounConstraint(v, class)
	if !ok || con.GetKinds() == nil {
		return nil
	}
	return con
}

// sharesKinds reports whether the vocabulary's kinds of two place classes
// have one in common ("state" and "country", when countries are states).
func sharesKinds(v *vocab.Vocabulary, a, b string) bool {
	ka, kb := classKinds(v, a), classKinds(v, b)
	return ka != nil && kb != nil && slices.ContainsFunc(ka.GetKinds().GetKinds(), func(k string) bool { return slices.Contains(kb.GetKinds().GetKinds(), k) })
}

// ofClass reports whether entity n is of the vocabulary's kinds of a
// place class.
func ofClass(ix *index.Index, n index.Node, class string) bool {
	con := classKinds(ix.Vocabulary(), class)
	return con != nil && pattern.Holds(ix, con, n)
}

// isCountry reports whether entity n is of the vocabulary's kinds of
// country.
func isCountry(ix *index.Index, n index.Node) bool { return ofClass(ix, n, "country") }

// AbsentCountry is, for a yes/no question that gives a name a country,
// or a place of another class, the graph has no entity for (see
// absentCountryQuestion), that place.
type AbsentCountry struct {
	// Name is the place's name, as WordNet gives it first.
	Name string
	// Class is its class to WordNet: "country", "state", "city".
	Class string
	// Subject is the name the question gives it.
	Subject index.Node
	// Predicate is the single-value predicate that would say it: the
	// object modifier for the subject (based-in).
	Predicate *vocab.Predicate
}

// absentCountryQuestion reads a yes/no question that gives a name a
// country the graph has no entity for, by a word WordNet gives of a
// country (see placeWord): "Is Norvane Turbines a Swedish company?",
// "is western digital american", "Is Norvane based in Germany?"; or a
// place of another class of the vocabulary's kinds, in the third form
// only: "Is Halcyon based in Oregon?". The place comes by the predicate
// whose lexicon makes its object a modifier (Lexicon.object_modifier),
// single-valued, for the name and a place; in the third form, the
// question's verb must be that predicate's; the copula is in the present
// tense. The graph cannot say Yes; another place of the class it gives
// the name by that predicate, or that such a place contains, makes it No
// (see absentAnswer). It returns false for another form.
func absentCountryQuestion(ix *index.Index, words []word, items []item, mentions []Mention) (*Question, bool) {
	cur := &itemCursor{items: items}
	aux, subject, ok := cur.copulaName()
	// In the present tense: the graph's country holds now, and may not
	// have before ("Was Norvane a German company?").
	if !ok || !presentWords[strings.ToLower(aux.text)] {
		return nil, false
	}
	verb, byVerb := cur.next(itemVerb)
	article, _ := cur.next(itemArticle)
	if cur.done() || items[cur.k].kind != 0 {
		return nil, false
	}
	c := words[items[cur.k].at]
	if class := c.place.Class; class == "" || class != "country" && (!byVerb || sharesKinds(ix.Vocabulary(), class, "country")) {
		// A place of another class only where the vocabulary tells it
		// from a country: a vocabulary whose countries are "states" would
		// read California's state as a country.
		return nil, false
	}
	if cur.k+c.placeSpan > len(items) {
		return nil, false
	}
	countryText := joinItems(items[cur.k : cur.k+c.placeSpan])
	cur.k += c.placeSpan
	noun, byNoun := cur.next(itemType)
	// After a verb, the place's name alone or after "the" ("based in the
	// United States"), not a noun phrase ("based in a German city").
	if !cur.done() || byVerb && (byNoun || article.text != "" && !strings.EqualFold(article.text, "the")) {
		return nil, false
	}
	kinds := classKinds(ix.Vocabulary(), c.place.Class)
	found := countryPredicate(ix, subject.node)
	if kinds == nil || found == nil || byVerb && (verb.phrase.Passive || !slices.Equal(verb.phrase.Predicates(), []vocab.ID{found.ID})) {
		return nil, false
	}
	understood := []string{fmt.Sprintf("%q = %s", subject.text, ix.NodeName(subject.node))}
	if byVerb {
		understood = append(understood, fmt.Sprintf("%q = %s", verb.text, found.Key))
	}
	understood = append(understood, fmt.Sprintf("%q = the %s %q (WordNet), which the graph has no entity for", countryText, c.place.Class, c.place.Names[0]))
	if byNoun {
		understood = append(understood, fmt.Sprintf("%q = %s", noun.text, pattern.ConstraintText(noun.con)))
	}
	// The query the verdict comes from: where the graph says the name is.
	p := &pb.Pattern{
		Triples:     []*pb.Triple{{Subject: fixed(ix, subject.node), Predicates: []string{found.Name}, Object: variable(c.place.Class), RelationVariable: "fact"}},
		Constraints: []*pb.Constraint{{Variable: c.place.Class, Test: kinds.GetTest()}},
	}
	return &Question{Pattern: p, AnswerVars: []string{"fact"}, YesNo: true, Mains: 1, Mentions: mentions, Understood: understood,
		Absent: &AbsentCountry{Name: c.place.Names[0], Class: c.place.Class, Subject: subject.node, Predicate: found}}, true
}

// maxAbsentHops is how many statements of the predicate a place's
// predicate extends through (located-in) absentAnswer follows from the
// name's place to one of the question's class: Halcyon is based in
// Portland, which is in Maine.
const maxAbsentHops = 2

// absentAnswer decides a question about a place the graph has no entity
// for: No when the graph gives the name another place of its class by
// the predicate, or a place within one (by the predicate it extends
// through, up to maxAbsentHops statements), every statement holding now
// and not deprecated; otherwise the graph does not say.
func absentAnswer(ix *index.Index, q *Question, b *budget.Budget) (*Result, error) {
	a := q.Absent
	res := &Result{Question: q, Verdict: pb.Verdict_VERDICT_UNKNOWN,
		Interpretation: fmt.Sprintf("Check whether %s, where %s is a %s the graph has no entity for: another %s the graph gives it makes it No.",
			a.Predicate.Sentence(ix.Label(a.Subject), a.Name), a.Name, a.Class, a.Class),
		Text: pattern.Format(q.Pattern)}
	v := ix.Vocabulary()
	query := q.Query
	for hops := 0; hops <= maxAbsentHops; hops++ {
		if hops > 0 {
			through := a.Predicate.ExtendsThrough
			if through == vocab.NoExtension || hops > 1 && v.Predicate(through).ExtendsThrough != through {
				break
			}
			// The name's place, then the places that contain it.
			pat := proto.CloneOf(q.Pattern)
			t := pat.GetTriples()[0]
			place := t.GetObject()
			t.Object = variable("within")
			for h := 1; h <= hops; h++ {
				next := place
				if h < hops {
					next = variable(fmt.Sprintf("within%d", h))
				}
				pat.Triples = append(pat.Triples, &pb.Triple{Subject: pat.GetTriples()[len(pat.GetTriples())-1].GetObject(), Predicates: []string{v.Predicate(through).Name}, Object: next})
			}
			compiled, err := pattern.Compile(ix, pat, q.opts)
			if err != nil {
				break
			}
			query = compiled
		}
		sols, _, err := query.Run(b, 0, maxSolutions)
		if err != nil {
			return nil, err
		}
		for _, s := range sols {
			if slices.ContainsFunc(s.Rels, func(r index.Rel) bool {
				return !current[ix.RelationStatus(r)] || ix.Rank(r) == pb.StatementRank_STATEMENT_RANK_DEPRECATED
			}) {
				continue
			}
			for _, r := range s.Rels {
				if !slices.Contains(res.Deciding, r) {
					res.Deciding = append(res.Deciding, r)
				}
			}
		}
		if len(res.Deciding) > 0 {
			res.Verdict = pb.Verdict_VERDICT_NO
			break
		}
	}
	return res, nil
}

// countryPredicate returns the one predicate that gives entity n a
// country: single-valued, with a lexicon that makes its object a modifier
// (Lexicon.object_modifier) for n's type; or nil.
func countryPredicate(ix *index.Index, n index.Node) *vocab.Predicate {
	v := ix.Vocabulary()
	return countryPredicateOf(v, func(subjectTypes []string) bool { return v.Fits(ix.EntityType(n), ix.Kinds(n), subjectTypes) })
}

// countryPredicateOf returns the one single-valued predicate whose lexicon
// makes its object a modifier and whose subject types fits accepts, or
// nil.
func countryPredicateOf(v *vocab.Vocabulary, fits func(subjectTypes []string) bool) *vocab.Predicate {
	var found *vocab.Predicate
	for _, p := range v.Predicates() {
		if p.ObjectModifier && p.SingleValue && fits(p.SubjectTypes) {
			if found != nil {
				return nil
			}
			found = p
		}
	}
	return found
}

// countryComplement reads "Is NAME COUNTRY?", the name of one of the
// graph's countries alone after the copula and a name of no country ("is
// western digital american"), as "Is NAME based in COUNTRY?", by the
// first phrase of the predicate that gives the name a country (see
// countryPredicate). It returns the words to compile instead, or false.
func countryComplement(ix *index.Index, words []word, items []item) ([]word, bool) {
	if len(items) != 3 || items[0].kind != itemAux || !beWords[strings.ToLower(items[0].text)] || items[1].kind != itemEntity ||
		items[2].kind != itemEntity || !isCountry(ix, items[2].node) || isCountry(ix, items[1].node) {
		return nil, false
	}
	p := countryPredicate(ix, items[1].node)
	if p == nil {
		return nil, false
	}
	phrases := p.Message().GetLexicon().GetPhrases()
	if len(phrases) == 0 {
		return nil, false
	}
	out := slices.Clone(words[:items[2].at])
	out = append(out, phraseWords(phrases[0].GetText(), fmt.Sprintf("%q after %q: a country it is of", items[2].text, items[0].text))...)
	return append(out, words[items[2].at:]...), true
}

// AbsentPlace is a city or country the graph has no entity for, that a
// yes/no question says its relation happened in (see takeAbsentSetting).
type AbsentPlace struct {
	// Text is how the question says it, with its preposition ("in
	// Tokyo").
	Text string
	// Place is the place to WordNet.
	Place wordnet.Place
}

// takeAbsentSetting returns the words of a question without the one place
// after "in" or "at" that WordNet names as a city or country by one of the
// place's names ("in Tokyo"; not "in English")
// and the graph has no entity of that kind for by any of its names, or
// false when there is no such place. Its words must be capitalized (unless
// the whole question is lowercase), and the word after them must not be,
// lest they begin a longer name.
func takeAbsentSetting(ix *index.Index, words []word) ([]word, *AbsentPlace, bool) {
	lowercase := allLowercase(words)
	capital := func(w word) bool {
		first, _ := utf8.DecodeRuneInString(w.text)
		return unicode.IsUpper(first)
	}
	placeLike := func(w word) bool {
		return capital(w) || lowercase && len(w.lower) >= minLowercasePlace && !commonWord(w.lower)
	}
	var found *AbsentPlace
	var out []word
	for i := 0; i < len(words); i++ {
		if w := words[i].lower; (w != "in" && w != "at") || i+1 >= len(words) || !placeLike(words[i+1]) {
			continue
		}
		for n := min(maxPlaceWords, len(words)-i-1); n >= 1; n-- {
			run := words[i+1 : i+1+n]
			if i+1+n < len(words) && capital(words[i+1+n]) && !lowercase {
				continue
			}
			// A place's name, not its adjective: "in English" is a
			// language.
			place, ok := placeOfWords(run)
			if !ok || !slices.ContainsFunc(place.Names, func(name string) bool { return strings.EqualFold(name, joinWords(run)) }) ||
				len(placeEntities(ix, place)) > 0 || classKinds(ix.Vocabulary(), place.Class) == nil {
				continue
			}
			if found != nil {
				return nil, nil, false // two such places
			}
			found = &AbsentPlace{Text: joinWords(words[i : i+1+n]), Place: place}
			out = append(slices.Clone(words[:i]), words[i+1+n:]...)
			break
		}
	}
	return out, found, found != nil
}

// withAbsentSetting returns q, the question compiled without the place
// the graph has no entity for, asked in that place: a yes/no question,
// which the graph cannot make Yes (see absentSettingVerdict); another
// question is refused, since the graph has no such fact.
func withAbsentSetting(q *Question, place *AbsentPlace) (*Question, error) {
	note := fmt.Sprintf("%q = the %s %q (WordNet), which the graph has no entity for", place.Text, place.Place.Class, place.Place.Names[0])
	if !q.YesNo || q.Absent != nil || q.Mains == 0 || q.Negated {
		return nil, &NotUnderstoodError{Understood: append(slices.Clone(q.Understood), note),
			Reason: fmt.Sprintf("it asks about %s, a %s the graph has no entity for: the graph has no such fact", place.Place.Names[0], place.Place.Class)}
	}
	q.AbsentSetting = place
	q.Understood = append(q.Understood, note)
	return q, nil
}

// absentSettingVerdict decides a yes/no question asked in a place the
// graph has no entity for from the verdict of the question without it:
// what did not happen did not happen there either (No stays No); what did
// happen, did there only if its relation's place allows: a place of the
// same kind (another city) makes it No, none or another kind of place
// (a country, which may contain the city) leaves it unknown.
func absentSettingVerdict(ix *index.Index, q *Question, v pb.Verdict, deciding []index.Rel) (pb.Verdict, []index.Rel) {
	if v != pb.Verdict_VERDICT_YES {
		return v, deciding
	}
	if len(deciding) == 0 {
		return pb.Verdict_VERDICT_UNKNOWN, nil
	}
	for _, r := range deciding {
		place, ok := ix.NodeOf(ix.Qualifiers(r).GetPlace().GetEntity())
		if !ok || !ofClass(ix, place, q.AbsentSetting.Place.Class) {
			return pb.Verdict_VERDICT_UNKNOWN, nil
		}
	}
	return pb.Verdict_VERDICT_NO, deciding
}

// whereIs reads "Where is NAME?", a name alone after "where" and the
// copula, as "Where is NAME based?" when the predicate that gives it a
// country fits it (see countryPredicate: an organization), by that
// predicate's first phrase, and as "Where is NAME located?" otherwise (a
// place). It returns the words to compile instead, or false.
func whereIs(ix *index.Index, words []word, items []item) ([]word, bool) {
	if rewritten, ok := whichPlaceIsIn(ix, words, items); ok {
		return rewritten, true
	}
	if rewritten, ok := whichIsOfCountry(ix, words, items); ok {
		return rewritten, true
	}
	if len(items) != 3 || items[0].kind != itemWh || !strings.EqualFold(items[0].text, "where") || items[1].kind != itemAux ||
		!beWords[strings.ToLower(items[1].text)] || items[2].kind != itemEntity || items[2].at+max(items[2].span, 1) != len(words) {
		return nil, false
	}
	verb := whereVerbOf(ix, items[2].node)
	return append(slices.Clone(words), word{text: verb, lower: verb, note: fmt.Sprintf("%q of a name alone: where it is %s", joinItems(items), verb)}), true
}

// whereVerbOf is the verb that says where n is: the first word of the
// first phrase of the predicate that gives it a country (see
// countryPredicate), "located" without one.
func whereVerbOf(ix *index.Index, n index.Node) string {
	if p := countryPredicate(ix, n); p != nil {
		if phrases := p.Message().GetLexicon().GetPhrases(); len(phrases) > 0 {
			if f := strings.Fields(phrases[0].GetText()); len(f) > 0 {
				return f[0]
			}
		}
	}
	return "located"
}

// whichIsOfCountry reads "Which companies are Korean?", a type noun asked
// of one of the graph's countries alone after the copula (a demonym read
// as its country), as "Which companies are based in South Korea?": by the
// first phrase of the one predicate that gives such a noun's entities a
// country (an object modifier of one value). It returns the words to
// compile instead, or false.
func whichIsOfCountry(ix *index.Index, words []word, items []item) ([]word, bool) {
	if len(items) != 4 || items[0].kind != itemWh || !strings.EqualFold(items[0].text, "which") && !strings.EqualFold(items[0].text, "what") ||
		items[1].kind != itemType || items[2].kind != itemAux || !beWords[strings.ToLower(items[2].text)] || items[3].kind != itemEntity ||
		!isCountry(ix, items[3].node) || items[3].at+max(items[3].span, 1) != len(words) {
		return nil, false
	}
	v := ix.Vocabulary()
	found := countryPredicateOf(v, func(subjectTypes []string) bool { return constraintFits(v, items[1].con, subjectTypes) })
	if found == nil || len(found.Message().GetLexicon().GetPhrases()) == 0 {
		return nil, false
	}
	phrase := found.Message().GetLexicon().GetPhrases()[0].GetText()
	at := items[3].at
	return slices.Concat(slices.Clone(words[:at]), phraseWords(phrase, fmt.Sprintf("%q of a country: %q", joinItems(items), phrase)), words[at:]), true
}

// whichPlaceIsIn reads "Which country is Norvane in?" and "In which city
// is Halcyon?", a kind of place asked of a name alone after the copula,
// as "Which country is Norvane based in?": the verb of whereVerbOf. The
// noun must name a kind of place, or a kind a predicate of that verb
// takes as its object ("country", "state"). It returns the words to compile
// instead, or false.
func whichPlaceIsIn(ix *index.Index, words []word, items []item) ([]word, bool) {
	n := len(items)
	if n != 5 {
		return nil, false
	}
	lead := 0
	if items[0].kind == itemPrep && strings.EqualFold(items[0].text, "in") {
		lead = 1 // "In which city is Halcyon?"
	} else if items[n-1].kind != itemPrep || !strings.EqualFold(items[n-1].text, "in") || items[n-1].at != len(words)-1 {
		return nil, false
	}
	wh, noun, aux, name := items[lead], items[lead+1], items[lead+2], items[lead+3]
	if wh.kind != itemWh || !strings.EqualFold(wh.text, "which") && !strings.EqualFold(wh.text, "what") || noun.kind != itemType ||
		aux.kind != itemAux || !beWords[strings.ToLower(aux.text)] || name.kind != itemEntity ||
		lead == 1 && name.at+max(name.span, 1) != len(words) {
		return nil, false
	}
	v := ix.Vocabulary()
	verb := whereVerbOf(ix, name.node)
	// The object types of the predicates the verb is the first word of.
	objectTypes := []string{"place"}
	for _, p := range v.Predicates() {
		for _, ph := range p.Message().GetLexicon().GetPhrases() {
			if f := strings.Fields(ph.GetText()); len(f) > 0 && f[0] == verb {
				objectTypes = append(objectTypes, p.ObjectTypes...)
			}
		}
	}
	kinds := noun.con.GetKinds().GetKinds()
	if len(kinds) == 0 {
		return nil, false
	}
	for _, name := range kinds {
		k, ok := v.LookupKind(name)
		if !ok || k.EntityType != "place" && !v.Fits(k.EntityType, []vocab.KindID{k.ID}, objectTypes) {
			return nil, false
		}
	}
	w := word{text: verb, lower: verb, note: fmt.Sprintf("%q of a name alone: the %s it is %s in", joinItems(items), noun.text, verb)}
	if lead == 1 {
		// "In which state is New Bedford?" as "Which state is New
		// Bedford located in?": the verb's phrase keeps its preposition.
		in := words[items[0].at]
		return append(append(slices.Clone(words[items[0].at+1:]), w), word{text: in.text, lower: in.lower}), true
	}
	return slices.Insert(slices.Clone(words), len(words)-1, w), true
}
