package ask

import (
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

// maxCountryWords is the longest country word, in words, looked for
// ("South Korean").
const maxCountryWords = 3

// countryWord reads the words from items[k], not understood, as a country
// WordNet names by them or by its adjective ("Swedish" is Sweden's). When
// one of the country's names is the name of one country in the graph,
// they are read as that entity and read reports true; otherwise the first
// word is marked with the country's name, for absentCountryQuestion. ok
// reports whether the words are a country's at all. A word must be
// capitalized, unless the whole question is in lowercase: "us" is no
// country.
func countryWord(ix *index.Index, words []word, items []item, k int) (read, ok bool) {
	at := items[k].at
	lowercase := !slices.ContainsFunc(words, func(w word) bool { return strings.ContainsFunc(w.text, unicode.IsUpper) })
	if first, _ := utf8.DecodeRuneInString(words[at].text); !unicode.IsUpper(first) && !lowercase {
		return false, false
	}
	for n := min(maxCountryWords, len(items)-k); n >= 1; n-- {
		run := items[k : k+n]
		if slices.ContainsFunc(run, func(it item) bool { return it.kind != 0 || it.span != 1 }) || run[n-1].at != at+n-1 {
			continue
		}
		lowers := make([]string, n)
		for i, w := range words[at : at+n] {
			lowers[i] = w.lower
		}
		names := wordnet.Country(strings.Join(lowers, " "))
		if len(names) == 0 {
			continue
		}
		found := index.Node(-1)
		for _, name := range names {
			for _, node := range ix.ExactNodes(name, 3) {
				if !isCountry(ix, node) || found >= 0 && found != node {
					continue
				}
				found = node
			}
		}
		if found >= 0 {
			words[at].span, words[at].node, words[at].readAs = n, found, fmt.Sprintf("WordNet: the country %q", names[0])
			return true, true
		}
		words[at].country, words[at].countrySpan = names[0], n
		return false, true
	}
	return false, false
}

// countryKinds returns the vocabulary's kinds of country: those its noun
// "country" names, or none.
func countryKinds(v *vocab.Vocabulary) *pb.Constraint {
	con, _, ok := nounConstraint(v, "country")
	if !ok || con.GetKinds() == nil {
		return nil
	}
	return con
}

// isCountry reports whether entity n is of the vocabulary's kinds of
// country.
func isCountry(ix *index.Index, n index.Node) bool {
	con := countryKinds(ix.Vocabulary())
	return con != nil && pattern.Holds(ix, con, n)
}

// AbsentCountry is, for a yes/no question that gives a name a country the
// graph has no entity for (see absentCountryQuestion), that country.
type AbsentCountry struct {
	// Name is the country's name, as WordNet gives it first.
	Name string
	// Subject is the name the question gives it.
	Subject index.Node
	// Predicate is the single-value predicate that would say it: the
	// object modifier for the subject (based-in).
	Predicate *vocab.Predicate
}

// absentCountryQuestion reads a yes/no question that gives a name a
// country the graph has no entity for, by a word WordNet gives of a
// country (see countryWord): "Is Norvane Turbines a Swedish company?",
// "is western digital american", "Is Norvane based in Germany?". The
// country comes by the predicate whose lexicon makes its object a
// modifier (Lexicon.object_modifier), single-valued, for the name and a
// country; in the third form, the question's verb must be that
// predicate's. The graph cannot say Yes; another country it gives the
// name by that predicate makes it No (see absentAnswer). It returns false
// for another form.
func absentCountryQuestion(ix *index.Index, words []word, items []item, mentions []Mention) (*Question, bool) {
	k := 0
	next := func(kind itemKind) (item, bool) {
		if k < len(items) && items[k].kind == kind {
			k++
			return items[k-1], true
		}
		return item{}, false
	}
	aux, ok := next(itemAux)
	if !ok || !beWords[strings.ToLower(aux.text)] {
		return nil, false
	}
	subject, ok := next(itemEntity)
	if !ok {
		return nil, false
	}
	verb, byVerb := next(itemVerb)
	article, _ := next(itemArticle)
	if k >= len(items) || items[k].kind != 0 || words[items[k].at].country == "" {
		return nil, false
	}
	c := words[items[k].at]
	countryText := joinItems(items[k : k+c.countrySpan])
	k += c.countrySpan
	noun, byNoun := next(itemType)
	if k != len(items) || byVerb && (byNoun || article.text != "") {
		return nil, false
	}
	kinds := countryKinds(ix.Vocabulary())
	found := countryPredicate(ix, subject.node)
	if kinds == nil || found == nil || byVerb && !slices.Equal(verb.phrase.Predicates(), []vocab.ID{found.ID}) {
		return nil, false
	}
	understood := []string{fmt.Sprintf("%q = %s", subject.text, ix.NodeName(subject.node))}
	if byVerb {
		understood = append(understood, fmt.Sprintf("%q = %s", verb.text, found.Key))
	}
	understood = append(understood, fmt.Sprintf("%q = the country %q (WordNet), which the graph has no entity for", countryText, c.country))
	if byNoun {
		understood = append(understood, fmt.Sprintf("%q = %s", noun.text, pattern.ConstraintText(noun.con)))
	}
	// The query the verdict comes from: where the graph says the name is.
	p := &pb.Pattern{
		Triples:     []*pb.Triple{{Subject: fixed(ix, subject.node), Predicates: []string{found.Name}, Object: variable("country"), RelationVariable: "fact"}},
		Constraints: []*pb.Constraint{{Variable: "country", Test: kinds.GetTest()}},
	}
	return &Question{Pattern: p, AnswerVars: []string{"fact"}, YesNo: true, Mains: 1, Mentions: mentions, Understood: understood,
		Absent: &AbsentCountry{Name: c.country, Subject: subject.node, Predicate: found}}, true
}

// absentAnswer decides a question about a country the graph has no
// entity for: No when the graph gives the name another country by the
// predicate, as it holds now and not deprecated; otherwise the graph does
// not say.
func absentAnswer(ix *index.Index, q *Question, b *budget.Budget) (*Result, error) {
	a := q.Absent
	res := &Result{Question: q, Verdict: pb.Verdict_VERDICT_UNKNOWN,
		Interpretation: fmt.Sprintf("Check whether %s, where %s is a country the graph has no entity for: another country the graph gives it makes it No.",
			a.Predicate.Sentence(ix.Label(a.Subject), a.Name), a.Name),
		Text: pattern.Format(q.Pattern)}
	sols, _, err := q.Query.Run(b, 0, maxSolutions)
	if err != nil {
		return nil, err
	}
	for _, s := range sols {
		for _, r := range s.Rels {
			if current[ix.RelationStatus(r)] && ix.Rank(r) != pb.StatementRank_STATEMENT_RANK_DEPRECATED && !slices.Contains(res.Deciding, r) {
				res.Deciding = append(res.Deciding, r)
			}
		}
	}
	if len(res.Deciding) > 0 {
		res.Verdict = pb.Verdict_VERDICT_NO
	}
	return res, nil
}

// countryPredicate returns the one predicate that gives entity n a
// country: single-valued, with a lexicon that makes its object a modifier
// (Lexicon.object_modifier) for n's type; or nil.
func countryPredicate(ix *index.Index, n index.Node) *vocab.Predicate {
	v := ix.Vocabulary()
	var found *vocab.Predicate
	for _, p := range v.Predicates() {
		if p.ObjectModifier && p.SingleValue && v.Fits(ix.EntityType(n), ix.Kinds(n), p.SubjectTypes) {
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
	for i, w := range strings.Fields(phrases[0].GetText()) {
		pw := word{text: w, lower: w}
		if i == 0 {
			pw.note = fmt.Sprintf("%q after %q: a country it is of", items[2].text, items[0].text)
		}
		out = append(out, pw)
	}
	return append(out, words[items[2].at:]...), true
}
