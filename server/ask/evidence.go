package ask

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/server/index"
	"github.com/entitygraph/entitygraph/server/pattern"
	"github.com/entitygraph/entitygraph/server/vocab"
	"github.com/entitygraph/entitygraph/server/wordnet"
)

// quantifiers before a name say how much of it: "some lawmakers".
var quantifiers = map[string]bool{"some": true, "many": true, "several": true, "most": true, "all": true}

// maxEvidenceWords bounds the words a question may leave to its
// relations' evidence, and maxEvidenceRelations the relations of its
// name with fewest whose evidence is read for them (see
// evidenceQuestion): a question whose names all have more is not read so.
const (
	maxEvidenceWords     = 3
	maxEvidenceRelations = 1000
)

// readAsSynonym reports whether the item is one word read as a WordNet
// synonym of a relation word ("remark" as "mention"): a guess the
// evidence must bear out by saying the word as written.
func readAsSynonym(words []word, it item) bool {
	return it.span == 1 && strings.Contains(words[it.at].note, "WordNet synonym")
}

// evidenceQuestion reads a "what" question whose words are names, the
// grammar's and the lexicon's but for a few that WordNet knows, as asking
// for the one relation between its names whose evidence says those words:
// "What did Howard Lutnick signal about Asia?" is the relation whose
// evidence reads "Howard Lutnick signaled that Asia would be the next
// major front". Every name must be a party of the relation (or of the
// relation it is about, which a relation noun names, or its topic), the
// one heading the noun phrase after the auxiliary its subject, a
// relation word of the question must be its predicate's, and each word
// left must be, as WordNet lemmatizes it, a word of one of its quotes,
// read as the quote has it (see negatedIn, afterDeterminer, subjectFirst
// and endsNamed). A "why" question so asks for that relation's reason
// ("Why was the New Bedford blade factory delayed?"), a "how" question
// for the manner it states. It answers only when exactly one
// relation does so, and returns false otherwise; understood are the
// pieces Compile understood, to which the words read in the evidence are
// added.
func evidenceQuestion(ix *index.Index, words []word, items []item, mentions []Mention, understood []string, opts pattern.Options) (*Question, bool) {
	if len(items) < 3 || items[1].kind != itemAux {
		return nil, false
	}
	// A passive's subject comes after "by" ("How was Japan viewed by
	// Kioxia?"), which the evidence's word order cannot be read against.
	if beWords[words[items[1].at].lower] && slices.ContainsFunc(words, func(w word) bool { return w.lower == "by" }) {
		return nil, false
	}
	// "Why was the New Bedford blade factory delayed?" asks for the
	// reason of the relation found so.
	asked := pb.QualifierField_QUALIFIER_FIELD_UNSPECIFIED
	switch {
	case items[0].kind == itemWh && words[0].lower == "what":
	case items[0].kind == itemQualifier && items[0].at == 0 && items[0].field == pb.QualifierField_QUALIFIER_FIELD_REASON:
		asked = items[0].field
	// "How did Okafor announce the sale?" asks for the relation's
	// manner, which it must state.
	case items[0].kind == itemQualifier && items[0].at == 0 && items[0].field == pb.QualifierField_QUALIFIER_FIELD_MANNER && words[0].lower == "how":
		asked = items[0].field
	default:
		return nil, false
	}
	var left, skipped []string
	var preds, eventPreds []vocab.ID
	for _, it := range items[1:] {
		switch it.kind {
		case 0:
			w := words[it.at].lower
			if words[it.at].text != w || !wordnet.IsWord(w) {
				return nil, false
			}
			// A word WordNet knows as no noun or verb ("about", "some")
			// says nothing the evidence must.
			if len(wordnet.Lemmas(w, wordnet.Verb))+len(wordnet.Lemmas(w, wordnet.Noun)) == 0 {
				skipped = append(skipped, w)
				continue
			}
			left = append(left, w)
		case itemVerb, itemEvent:
			// A word read as a WordNet synonym ("remark" as "mention")
			// is a guess at a relation word: the evidence must say it as
			// written instead.
			if readAsSynonym(words, it) {
				w := words[it.at]
				left = append(left, strings.ToLower(w.text))
				reading := fmt.Sprintf("%q = ", w.text)
				understood = slices.DeleteFunc(slices.Clone(understood), func(u string) bool { return strings.HasPrefix(u, reading) })
				continue
			}
			if it.kind == itemVerb {
				preds = append(preds, it.phrase.Predicates()...)
			} else {
				preds = append(preds, it.preds...)
				eventPreds = append(eventPreds, it.preds...)
			}
		case itemAux, itemArticle, itemPrep, itemPoss, itemEntity, itemIgnore:
		default:
			return nil, false
		}
	}
	if len(left) == 0 || len(left) > maxEvidenceWords {
		return nil, false
	}
	var names []index.Node
	for _, m := range mentions {
		if !slices.Contains(names, m.Node) {
			names = append(names, m.Node)
		}
	}
	// Two names, or three when a relation noun joins two of them
	// ("What did Kittiwake call Norvane's lawsuit against Halcyon?").
	if len(names) > 2 && (len(names) > 3 || len(eventPreds) == 0) {
		return nil, false
	}
	// "What did Howard Lutnick signal?": the name after the auxiliary is
	// the relation's subject ("What did Asia signal?" is not Lutnick's).
	subject := index.Node(-1)
	// Past an article or a quantifier: "What did the Norvane Turbines
	// say", "What did some lawmakers remark".
	first := 2
	for first < len(items) && (items[first].kind == itemArticle || items[first].kind == itemIgnore || items[first].kind == 0 && quantifiers[words[items[first].at].lower]) {
		first++
	}
	// The name heads its noun phrase: not "the New Bedford blade
	// factory" of "Why was the New Bedford blade factory delayed?".
	// A word read as a WordNet synonym ("remark" as a relation noun) is
	// one the evidence must say, no noun of the phrase.
	next := at(items, first+1)
	if first < len(items) && items[first].kind == itemEntity && (readAsSynonym(words, next) || !slices.Contains([]itemKind{itemEvent, itemType, itemEntity, itemPoss}, next.kind)) {
		subject = items[first].node
	}
	// The word after the subject is the question's verb: the quote must
	// use it as one ("What did Kittiwake export?" is no "export cables").
	verb := ""
	if subject >= 0 {
		k := first + 1
		for k < len(items) && items[k].kind == itemIgnore {
			k++ // "still stand"
		}
		if it := at(items, k); it.kind == 0 || (it.kind == itemVerb || it.kind == itemEvent) && readAsSynonym(words, it) {
			verb = strings.ToLower(words[it.at].text)
		}
	}
	// The quote is read against the question's subject: a question
	// whose first noun phrase is no name ("What did Halcyon's factory
	// delay?") is read so only for a reason ("Why was the New Bedford
	// blade factory delayed?").
	if subject < 0 && asked != pb.QualifierField_QUALIFIER_FIELD_REASON {
		return nil, false
	}
	degree := func(n index.Node) int { return len(ix.Out(n)) + len(ix.In(n)) }
	slices.SortStableFunc(names, func(a, b index.Node) int { return degree(a) - degree(b) })
	v := ix.Vocabulary()
	var found []index.Rel
	// No name: a reason asked of a relation noun ("Why was the factory
	// delayed?"), read in the evidence of its predicates' relations.
	if len(names) == 0 && (asked != pb.QualifierField_QUALIFIER_FIELD_REASON || len(eventPreds) == 0) {
		return nil, false
	}
	if len(names) > 0 && degree(names[0]) > maxEvidenceRelations {
		return nil, false
	}
	// A name is a party of the relation, or of the relation it is about
	// ("What did some lawmakers remark about Chey's proposal?" is the
	// lawmakers' reaction to the proposal Chey made), whose relation
	// word may then be the question's.
	// Through the relation only where the question names it by a noun of
	// its predicate ("Chey's proposal"), not of its party alone ("What
	// did Kittiwake call Halcyon?" is no word of the suit against it).
	partyOf := func(end, n index.Node) bool {
		if end == n {
			return true
		}
		inner, ok := ix.NodeRelation(end)
		if !ok || !slices.Contains(eventPreds, ix.Predicate(inner)) {
			return false
		}
		is, io := ix.Ends(inner)
		return is == n || io == n
	}
	roles := nounRoles(words, items)
	// The relation a relation noun names has its names in the parts
	// nounRoles gives them.
	ownedRight := func(s, o index.Node) bool {
		inner, ok := ix.NodeRelation(o)
		if !ok {
			return true
		}
		is, io := ix.Ends(inner)
		return !slices.ContainsFunc(roles, func(r nounRole) bool {
			switch r.node {
			case is:
				return !r.subject
			case io:
				return r.subject
			}
			return r.node != s && r.node != o
		})
	}
	ofPreds := func(r index.Rel) bool {
		return slices.ContainsFunc(preds, func(p vocab.ID) bool {
			return ix.Predicate(r) == p || slices.Contains(v.ImpliedBy(p), ix.Predicate(r))
		})
	}
	// "the New Bedford blade factory": a topic is of the relation too.
	ofTopic := func(r index.Rel, n index.Node) bool { return ix.Qualifiers(r).GetTopic() == ix.NodeName(n) }
	var candidates []index.Rel
	if len(names) == 0 {
		n := 0
		for _, p := range eventPreds {
			n += len(ix.WithPredicate(p))
		}
		if n > maxEvidenceRelations {
			return nil, false
		}
		for _, p := range eventPreds {
			candidates = append(candidates, ix.WithPredicate(p)...)
		}
	} else {
		candidates = slices.Concat(ix.Out(names[0]), ix.In(names[0]))
	}
	if len(names) >= 2 && degree(names[1]) <= maxEvidenceRelations {
		// The name of fewer relations may be the other's topic, of none.
		candidates = append(candidates, slices.Concat(ix.Out(names[1]), ix.In(names[1]))...)
	}
	for _, r := range candidates {
		s, o := ix.Ends(r)
		if slices.Contains(found, r) || subject >= 0 && s != subject || !ownedRight(s, o) ||
			slices.ContainsFunc(names, func(n index.Node) bool { return !partyOf(s, n) && !partyOf(o, n) && !ofTopic(r, n) }) {
			continue
		}
		if len(preds) > 0 && !ofPreds(r) {
			if inner, ok := ix.NodeRelation(o); !ok || !ofPreds(inner) {
				continue
			}
		}
		ev := ix.RelationAt(r).GetEvidence()
		if saysAll(ev, left) && !slices.ContainsFunc(left, func(w string) bool { return negatedIn(ev, w) || afterDeterminer(ev, w) }) && (verb == "" || verbUsed(ev, verb)) &&
			subjectFirst(ix, ev, subject, left) && endsNamed(ix, ev, r, names) {
			found = append(found, r)
		}
	}
	if len(found) != 1 {
		return nil, false
	}
	r := found[0]
	s, o := ix.Ends(r)
	// The pattern must match this relation alone: by its ends and
	// predicate, or with its time or place besides.
	var same []index.Rel
	for _, x := range ix.Out(s) {
		if _, xo := ix.Ends(x); xo == o && ix.Predicate(x) == ix.Predicate(r) && x != r {
			same = append(same, x)
		}
	}
	var pin *pb.QualifierClause
	if len(same) > 0 {
		if pin = distinguish(ix, r, same); pin == nil {
			return nil, false
		}
	}
	for _, w := range left {
		understood = append(understood, fmt.Sprintf("%q = a word of the evidence of %s", w, ix.NodeName(ix.RelationNode(r))))
	}
	pat := &pb.Pattern{Triples: []*pb.Triple{{Subject: fixed(ix, s), Predicates: []string{v.Predicate(ix.Predicate(r)).Name},
		Object: fixed(ix, o), RelationVariable: "what", ExactPredicates: true}}}
	answer := "what"
	if pin != nil {
		pat.Qualifiers = append(pat.Qualifiers, pin)
	}
	if asked == pb.QualifierField_QUALIFIER_FIELD_MANNER && ix.Qualifiers(r).GetManner() == "" {
		return nil, false
	}
	if asked != pb.QualifierField_QUALIFIER_FIELD_UNSPECIFIED {
		answer = pattern.QualifierFieldName(asked)
		pat.Qualifiers = append(pat.Qualifiers, &pb.QualifierClause{Relation: variable("what"), Field: asked, Test: &pb.QualifierClause_Variable{Variable: answer}})
	}
	q := &Question{Pattern: pat, AnswerVars: []string{answer}, Mentions: mentions, Mains: 1, named: true, Understood: understood, Skipped: skipped,
		EvidenceWords: left, EvidenceOf: ix.NodeName(ix.RelationNode(r))}
	var err error
	if q.Query, err = pattern.Compile(ix, pat, opts); err != nil {
		return nil, false
	}
	q.opts = opts
	return q, true
}

// saidToBe reads "Which region did Lutnick say would be the next major
// front?" and "Where did Lutnick say the next major front would be?": a
// "which" with a noun, or "where", "did", one name, a verb of saying and
// the words said. It asks for the one entity that a quote of a relation
// of the name, as its subject, gives right after the name's verb of
// saying (and a "that"), the relation's object, of the noun's type (a
// place for "where"), with every content word said after it in their
// order: "Commerce Secretary Howard Lutnick signaled that Asia would be
// the next major front". It returns false for another form or when not
// exactly one entity is so said.
func saidToBe(ix *index.Index, words []word, items []item, mentions []Mention, understood []string, opts pattern.Options) (*Question, bool) {
	if len(items) < 5 || len(mentions) != 1 || items[0].kind != itemWh || items[0].at != 0 {
		return nil, false
	}
	k := 1
	var con *pb.Constraint
	switch words[0].lower {
	case "which", "what":
		if items[1].kind != itemType || items[1].at != 1 {
			return nil, false
		}
		con, k = items[1].con, 2
	case "where":
		con = &pb.Constraint{Test: &pb.Constraint_Type{Type: "place"}}
	default:
		return nil, false
	}
	if items[k].kind != itemAux || !doAux[words[items[k].at].lower] || items[k+1].kind != itemEntity {
		return nil, false
	}
	subject := items[k+1]
	v := subject.at + max(subject.span, 1)
	if v >= len(words) || !(sayingVerbs[words[v].lower] || words[v].lower == "say" || words[v].lower == "signal") {
		return nil, false
	}
	var said []string
	for _, w := range words[v+1:] {
		if l := w.lower; !functionWord(l) && !articleWords[l] && !auxWords[l] && strings.IndexFunc(l, unicode.IsLetter) >= 0 {
			said = append(said, l)
		}
	}
	if len(said) == 0 {
		return nil, false
	}
	found, answer := index.Rel(-1), index.Node(-1)
	for _, r := range ix.Out(subject.node) {
		_, o := ix.Ends(r)
		if ix.NodeEntity(o) == nil || !pattern.Holds(ix, con, o) {
			continue
		}
		for _, e := range ix.RelationAt(r).GetEvidence() {
			if !saidRightAfter(ix, e.GetQuote(), subject.node, o, said) {
				continue
			}
			if found >= 0 && (found != r || answer != o) {
				return nil, false // two said so
			}
			found, answer = r, o
		}
	}
	if found < 0 {
		return nil, false
	}
	// The pattern must match this relation alone: no other relation of
	// the predicate from the name to an entity of the type.
	for _, x := range ix.Out(subject.node) {
		if _, xo := ix.Ends(x); x != found && ix.Predicate(x) == ix.Predicate(found) && ix.NodeEntity(xo) != nil && pattern.Holds(ix, con, xo) {
			return nil, false
		}
	}
	name := "where"
	if k == 2 {
		name = items[1].noun
	}
	understood = append(slices.Clone(understood), fmt.Sprintf("%q = what %s says, in the evidence of %s", joinWords(words[v:]), ix.Label(subject.node), ix.NodeName(ix.RelationNode(found))))
	pat := &pb.Pattern{Triples: []*pb.Triple{{Subject: fixed(ix, subject.node), Predicates: []string{ix.Vocabulary().Predicate(ix.Predicate(found)).Name},
		Object: variable(name), RelationVariable: "what", ExactPredicates: true}},
		Constraints: []*pb.Constraint{{Variable: name, Test: con.GetTest()}}}
	q := &Question{Pattern: pat, AnswerVars: []string{name}, Mentions: mentions, Mains: 1, named: true, Understood: understood,
		EvidenceWords: said, EvidenceOf: ix.NodeName(ix.RelationNode(found))}
	var err error
	if q.Query, err = pattern.Compile(ix, pat, opts); err != nil {
		return nil, false
	}
	q.opts = opts
	return q, true
}

// saidRightAfter reports whether quote names subject, a verb of saying
// right after it, then (past a "that") entity o, and then every word of
// said in their order.
func saidRightAfter(ix *index.Index, quote string, subject, o index.Node, said []string) bool {
	tokens := quoteTokens(quote)
	_, subjects := mentionsAt(ix, quote, subject)
	_, objects := mentionsAt(ix, quote, o)
	name := len(strings.Fields(ix.DisplayName(subject)))
	for _, s := range subjects {
		for v := s + 1; v <= s+name && v < len(tokens); v++ {
			if !sayingVerbs[tokens[v]] && !sameWord(tokens[v], "say") && !sameWord(tokens[v], "signal") {
				continue
			}
			at := v + 1
			if at < len(tokens) && tokens[at] == "that" {
				at++
			}
			if slices.Contains(objects, at) && saysInOrder(strings.Join(tokens[at+1:], " "), said) {
				return true
			}
		}
	}
	return false
}

// sayingVerbs, after "who", ask for the speaker of a quote: "Who said
// the permit removes the last major risk for investors?".
var sayingVerbs = map[string]bool{"said": true, "says": true, "stated": true, "warned": true, "claimed": true, "argued": true,
	"insisted": true, "predicted": true, "noted": true, "remarked": true, "signaled": true, "signalled": true, "told": true, "added": true}

// saysInOrder reports whether quote says words in their order, each as
// itself or a lemma of it, other words between: "Korea would spend time
// with Japan" is not "spend time with Korea and Japan".
func saysInOrder(quote string, words []string) bool {
	tokens := quoteTokens(quote)
	k := 0
	for _, t := range tokens {
		if k < len(words) && sameWord(t, words[k]) {
			k++
		}
	}
	return k == len(words)
}

// negatedQuote reports whether a quote of evidence has a negation word.
func negatedQuote(evidence []*pb.Evidence) bool {
	return slices.ContainsFunc(evidence, func(e *pb.Evidence) bool {
		return slices.ContainsFunc(quoteTokens(e.GetQuote()), func(t string) bool { return negationWords[t] })
	})
}

// minSaidWords is the fewest content words a "Who said ...?" question
// must quote for its quote to be looked for.
const minSaidWords = 3

// whoSaid reads "Who said (that) X?" as asking for the person who said
// it: of the relations statement search finds for X, those whose evidence
// holds every content word of X in their order (a word changed, "Europe"
// for "Asia", would be a quote no one said), a speech verb, and a negation
// just when X has one, and has one person as a party whom X does not
// name; when that is one person, the person answers, with the first
// relation as its evidence. It returns false for another form, or when no
// one or two people did.
func whoSaid(ix *index.Index, words []word, mentions []Mention, understood []string, opts pattern.Options) (*Question, bool) {
	if len(words) < 2+minSaidWords || words[0].lower != "who" || !sayingVerbs[words[1].lower] {
		return nil, false
	}
	rest := words[2:]
	if rest[0].lower == "that" {
		rest = rest[1:]
	}
	var content []string
	for _, w := range rest {
		if l := w.lower; !functionWord(l) && !articleWords[l] && l != "'s" && strings.IndexFunc(l, unicode.IsLetter) >= 0 {
			content = append(content, strings.Map(func(r rune) rune {
				if unicode.IsLetter(r) || unicode.IsDigit(r) {
					return r
				}
				return -1
			}, l))
		}
	}
	if len(content) < minSaidWords {
		return nil, false
	}
	// A quote says not what its question denies: "Who said Asia would not
	// be the next major front?" is no one's.
	negated := slices.ContainsFunc(rest, func(w word) bool { return negationWords[w.lower] || w.lower == "n't" })
	hits, _ := ix.SearchStatements(joinWords(rest), index.StatementOptions{Entity: -1, Limit: 10})
	var found []index.Rel
	var speaker index.Node
	for _, h := range hits {
		ev := ix.RelationAt(h.Rel).GetEvidence()
		spoken := slices.ContainsFunc(ev, func(e *pb.Evidence) bool {
			return slices.ContainsFunc(quoteTokens(e.GetQuote()), func(t string) bool { return sayingVerbs[t] || t == "say" })
		})
		if !spoken || !saysAll(ev, content) || negatedQuote(ev) != negated || !slices.ContainsFunc(ev, func(e *pb.Evidence) bool { return saysInOrder(e.GetQuote(), content) }) ||
			slices.Contains(found, h.Rel) {
			continue
		}
		s, o := ix.Ends(h.Rel)
		var people []index.Node
		for _, n := range []index.Node{s, o} {
			if ix.EntityType(n) == "person" {
				people = append(people, n)
			}
		}
		// "Who said Howard Lutnick is the Commerce Secretary?": the one
		// a quote describes is not its speaker.
		if len(people) == 1 && slices.ContainsFunc(mentions, func(m Mention) bool { return m.Node == people[0] }) {
			return nil, false
		}
		if len(people) != 1 || len(found) > 0 && people[0] != speaker {
			if len(people) == 1 {
				return nil, false // two speakers
			}
			continue
		}
		found, speaker = append(found, h.Rel), people[0]
	}
	// Several relations may rest on one quote (Lutnick prioritizes Korea,
	// and Japan): one speaker said it.
	if len(found) == 0 {
		return nil, false
	}
	r := found[0]
	s, o := ix.Ends(r)
	v := ix.Vocabulary()
	t := &pb.Triple{Subject: fixed(ix, s), Predicates: []string{v.Predicate(ix.Predicate(r)).Name}, Object: fixed(ix, o), RelationVariable: "what", ExactPredicates: true}
	other := o
	if speaker == s {
		t.Subject = &pb.Term{Term: &pb.Term_Variable{Variable: "who"}}
	} else {
		t.Object, other = &pb.Term{Term: &pb.Term_Variable{Variable: "who"}}, s
	}
	// The pattern must match this relation alone.
	var same []index.Rel
	for _, x := range slices.Concat(ix.Out(other), ix.In(other)) {
		if x != r && ix.Predicate(x) == ix.Predicate(r) && !slices.Contains(same, x) {
			same = append(same, x)
		}
	}
	pat := &pb.Pattern{Triples: []*pb.Triple{t}}
	if len(same) > 0 {
		pin := distinguish(ix, r, same)
		if pin == nil {
			return nil, false
		}
		pat.Qualifiers = append(pat.Qualifiers, pin)
	}
	understood = append(understood, fmt.Sprintf("%q = the speaker of the quote of %s that says %s", words[1].text, ix.NodeName(ix.RelationNode(r)), quoteAll(content)))
	q := &Question{Pattern: pat, AnswerVars: []string{"who"}, Mentions: mentions, Mains: 1, named: true, Understood: understood,
		EvidenceWords: content, EvidenceOf: ix.NodeName(ix.RelationNode(r))}
	var err error
	if q.Query, err = pattern.Compile(ix, pat, opts); err != nil {
		return nil, false
	}
	q.opts = opts
	return q, true
}

// saysAll reports whether the quotes of evidence hold every word of
// words, each as one of its WordNet lemmas or itself.
func saysAll(evidence []*pb.Evidence, words []string) bool {
	said := map[string]bool{}
	for _, ev := range evidence {
		for _, t := range strings.FieldsFunc(strings.ToLower(ev.GetQuote()), func(r rune) bool { return !unicode.IsLetter(r) }) {
			said[t] = true
			for _, pos := range []wordnet.POS{wordnet.Verb, wordnet.Noun} {
				for _, l := range wordnet.Lemmas(t, pos) {
					said[l] = true
				}
			}
		}
	}
	for _, w := range words {
		if said[w] {
			continue
		}
		if !slices.ContainsFunc(append(wordnet.Lemmas(w, wordnet.Verb), wordnet.Lemmas(w, wordnet.Noun)...), func(l string) bool { return said[l] }) {
			return false
		}
	}
	return true
}

// nounRole is the part a name beside a relation noun has in the
// relation the noun names: its subject, or else its object.
type nounRole struct {
	node    index.Node
	subject bool
}

// nounRoles returns the parts of the names beside the question's relation
// nouns: before one ("Norvane's lawsuit", "the Halcyon lawsuit"), after
// "by" or "from", or right after it before a verb ("the lawsuit Halcyon
// brought"), its subject; after "against", its object.
func nounRoles(words []word, items []item) []nounRole {
	var out []nounRole
	entityAt := func(w int) int {
		for k, it := range items {
			if it.kind == itemEntity && it.at == w {
				return k
			}
		}
		return -1
	}
	for k, it := range items {
		if it.kind != itemEvent {
			continue
		}
		j := k - 1
		if j >= 0 && items[j].kind == itemPoss {
			j--
		}
		if j >= 0 && items[j].kind == itemEntity && items[j].at+max(items[j].span, 1) >= it.at-1 {
			out = append(out, nounRole{items[j].node, true})
		}
		next := it.at + max(it.span, 1)
		if next >= len(words) {
			continue
		}
		if e := entityAt(next); e >= 0 {
			out = append(out, nounRole{items[e].node, true}) // "the lawsuit Halcyon brought"
			continue
		}
		name := next + 1
		if name < len(words) && articleWords[words[name].lower] {
			name++
		}
		if e := entityAt(name); e >= 0 {
			switch words[next].lower {
			case "by", "from":
				out = append(out, nounRole{items[e].node, true})
			case "against":
				out = append(out, nounRole{items[e].node, false})
			}
		}
	}
	return out
}

// negationReach is how many words before a word of the evidence a
// negation says it did not happen: "did not expect the dispute to delay
// construction".
const negationReach = 6

// negatedIn reports whether a quote of evidence says w (as itself or a
// lemma of it) within negationReach words after a negation.
func negatedIn(evidence []*pb.Evidence, w string) bool {
	for _, e := range evidence {
		tokens := quoteTokens(e.GetQuote())
		for i, t := range tokens {
			if sameWord(t, w) && slices.ContainsFunc(tokens[max(0, i-negationReach):i], func(n string) bool { return negationWords[n] }) {
				return true
			}
		}
	}
	return false
}

// verbUsed reports whether a quote of evidence says w in a form WordNet
// knows as a verb and as no noun: "called", "viewed", "remarking", not
// "export" of "export cables", "court" or "stands".
func verbUsed(evidence []*pb.Evidence, w string) bool {
	return slices.ContainsFunc(evidence, func(e *pb.Evidence) bool {
		return slices.ContainsFunc(quoteTokens(e.GetQuote()), func(t string) bool {
			return sameWord(t, w) && len(wordnet.Lemmas(t, wordnet.Verb)) > 0 && len(wordnet.Lemmas(t, wordnet.Noun)) == 0
		})
	})
}

// afterDeterminer reports whether the evidence says a verb w only as a
// noun, after an article: "on a call" says no one called anything.
func afterDeterminer(evidence []*pb.Evidence, w string) bool {
	if len(wordnet.Lemmas(w, wordnet.Verb)) == 0 {
		return false
	}
	said := false
	for _, e := range evidence {
		tokens := quoteTokens(e.GetQuote())
		for i, t := range tokens {
			if !sameWord(t, w) {
				continue
			}
			if i == 0 || !articleWords[tokens[i-1]] {
				return false
			}
			said = true
		}
	}
	return said
}

// subjectFirst reports whether, in each quote of evidence that says the
// first of the words, the question's subject leads them: named before
// that word, not as a possessive, with no other capitalized name between
// ("Halcyon's 115-meter blade copies Norvane's patented swept blade-tip
// design" says nothing Norvane copies;
// "'We will defend our inventions,' Norvane chief executive Henrik Aalto
// said" nothing Aalto defends), unless the quote starts with the word, a
// clause whose subject is elsewhere ("claiming that ...").
func subjectFirst(ix *index.Index, evidence []*pb.Evidence, subject index.Node, words []string) bool {
	if subject < 0 || len(words) == 0 {
		return true
	}
	for _, e := range evidence {
		quote := e.GetQuote()
		tokens := quoteTokens(quote)
		first := slices.IndexFunc(tokens, func(t string) bool { return slices.ContainsFunc(words, func(w string) bool { return sameWord(t, w) }) })
		if first <= 0 {
			continue
		}
		_, plain := mentionsAt(ix, quote, subject)
		last := -1
		for _, i := range plain {
			if i < first {
				last = max(last, i)
			}
		}
		if last < 0 {
			return false
		}
		// No other name between: "Samsung manufactured the panels, while
		// Sony used them" says nothing Samsung used.
		written := quoteWords(quote)
		name := len(strings.Fields(ix.DisplayName(subject)))
		for i := last + 1; i < first && i < len(written); i++ {
			if r, _ := utf8.DecodeRuneInString(written[i]); unicode.IsUpper(r) && i >= last+name {
				return false
			}
		}
	}
	return true
}

// endsNamed reports whether the evidence of r names each of the
// question's names that is an end of r, or describes it (see
// describedIn): "What did Lutnick say about the United States?" is not
// the quote about Asia that Lutnick serves in the United States by.
func endsNamed(ix *index.Index, evidence []*pb.Evidence, r index.Rel, names []index.Node) bool {
	s, o := ix.Ends(r)
	for _, n := range names {
		if n != s && n != o {
			continue
		}
		if !slices.ContainsFunc(evidence, func(e *pb.Evidence) bool {
			all, _ := mentionsAt(ix, e.GetQuote(), n)
			return len(all) > 0 || describedIn(ix, e.GetQuote(), n)
		}) {
			return false
		}
	}
	return true
}

// describedIn reports whether quote refers to entity n by a noun of its
// type or kind after "the": "Japan viewed the company as a critical
// national asset" names Kioxia.
func describedIn(ix *index.Index, quote string, n index.Node) bool {
	tokens := quoteTokens(quote)
	for i := 1; i < len(tokens); i++ {
		if tokens[i-1] != "the" {
			continue
		}
		if con, _, ok := nounConstraint(ix.Vocabulary(), tokens[i]); ok && pattern.Holds(ix, con, n) {
			return true
		}
	}
	return false
}

// mentionsAt returns the token indexes (as quoteTokens counts) at which
// quote names entity n by its display name or an alias: all, and those
// that are no possessive.
func mentionsAt(ix *index.Index, quote string, n index.Node) (all, plain []int) {
	ent := ix.NodeEntity(n)
	if ent == nil {
		return nil, nil
	}
	names := []string{ent.GetDisplayName()}
	for _, a := range ent.GetAliases() {
		names = append(names, a.GetText())
	}
	lower := strings.ToLower(quote)
	for _, name := range names {
		name = strings.ToLower(name)
		for from := 0; name != "" && from < len(lower); {
			i := strings.Index(lower[from:], name)
			if i < 0 {
				break
			}
			i += from
			from = i + len(name)
			// Whole words only: "SK" is not in "ask".
			if i > 0 && unicode.IsLetter(rune(lower[i-1])) || from < len(lower) && unicode.IsLetter(rune(lower[from])) {
				continue
			}
			at := len(quoteTokens(lower[:i]))
			all = append(all, at)
			if rest := lower[from:]; !strings.HasPrefix(rest, "'s") && !strings.HasPrefix(rest, "’s") {
				plain = append(plain, at)
			}
		}
	}
	return all, plain
}

// distinguish returns a qualifier clause on ?what that relation r
// satisfies and none of others does: its time, or its place; nil when
// neither tells them apart.
func distinguish(ix *index.Index, r index.Rel, others []index.Rel) *pb.QualifierClause {
	q := ix.Qualifiers(r)
	clause := func(f pb.QualifierField, value string) *pb.QualifierClause {
		return &pb.QualifierClause{Relation: &pb.Term{Term: &pb.Term_Variable{Variable: "what"}}, Field: f,
			Test: &pb.QualifierClause_Comparison{Comparison: &pb.Comparison{Operator: pb.ComparisonOperator_COMPARISON_OPERATOR_EQUAL, Value: value}}}
	}
	if t := q.GetTime(); t.GetStart() != "" && t.GetEnd() == "" && !slices.ContainsFunc(others, func(x index.Rel) bool {
		return ix.Qualifiers(x).GetTime().GetStart() == t.GetStart()
	}) {
		return clause(pb.QualifierField_QUALIFIER_FIELD_TIME, t.GetStart())
	}
	if p := q.GetPlace().GetEntity(); p != "" && !slices.ContainsFunc(others, func(x index.Rel) bool {
		return ix.Qualifiers(x).GetPlace().GetEntity() == p
	}) {
		return clause(pb.QualifierField_QUALIFIER_FIELD_PLACE, p)
	}
	return nil
}

// maxSaidModifiers bounds the words in no lexicon a question may leave
// to its answers' evidence as modifiers of its nouns (see
// saidModifiers).
const maxSaidModifiers = 2

// saidModifiers reads the words of items that are in no lexicon as
// modifiers the answer's evidence must say before the noun they modify:
// "Who announced a breakthrough trade deal with the United Kingdom?" asks
// for the trade deal whose evidence says "breakthrough trade deal". Each
// such word must be lowercase, an adjective or a noun in its base form to
// WordNet (no comparative, superlative or verb form: "bigger", "heard"),
// and stand inside a noun phrase: after an article, a possessive, a
// preposition, a name read from an adjective ("British") or another such
// word, and before a noun the question reads (a relation noun, a type
// noun or a name). It returns items without them, the words, and the head
// word of the noun each modifies, or false when a word not understood is
// not such a modifier (or a scope word stands with no rank). A noun right
// after a name that ends its noun phrase is read as its head ("chip
// production"): the evidence must say the name's last word before it.
// Each word gets a note for the question's understood pieces.
func saidModifiers(words []word, items []item, ranked bool) ([]item, []string, []string, []string, bool) {
	var said, heads, notes []string
	var kept []item
	for i, it := range items {
		if it.kind == itemScope && !ranked {
			return nil, nil, nil, nil, false
		}
		if it.kind != 0 {
			kept = append(kept, it)
			continue
		}
		if it.span > 1 {
			return nil, nil, nil, nil, false
		}
		if name, ok := nameBeforeHead(words, items, i); ok {
			// "domestic chip production": the evidence must say the
			// name's last word before the noun.
			said, heads = append(said, name), append(heads, words[it.at].lower)
			notes = append(notes, fmt.Sprintf("%q = a word the answer's evidence must say after %q", it.text, name))
			continue
		}
		if durationAfterFor(words, items, i) {
			// "for over a decade": a span of time the evidence must say.
			said, heads = append(said, words[it.at].lower), append(heads, "")
			notes = append(notes, fmt.Sprintf("%q = a span of time the answer's evidence must say", it.text))
			continue
		}
		head, ok := modifierAfter(words, items, i)
		if !nounModifier(words[it.at]) || !modifierBefore(items, i) || !ok {
			return nil, nil, nil, nil, false
		}
		said, heads = append(said, words[it.at].lower), append(heads, head)
		notes = append(notes, fmt.Sprintf("%q = a word the answer's evidence must say before %q", it.text, head))
	}
	if len(said) == 0 || len(said) > maxSaidModifiers {
		return nil, nil, nil, nil, false
	}
	return kept, said, heads, notes, true
}

// spanNouns are the nouns of a span of time a question may say a
// relation held for: "for over a decade".
var spanNouns = map[string]bool{"decade": true, "decades": true, "century": true, "centuries": true, "years": true, "months": true}

// durationAfterFor reports whether items[i], not understood, is a noun of
// spanNouns that ends a phrase after "for", articles and prepositions
// between ("for over a decade"), and is the question's last word or one
// before another preposition.
func durationAfterFor(words []word, items []item, i int) bool {
	if !spanNouns[words[items[i].at].lower] || i+1 < len(items) && items[i+1].kind != itemPrep {
		return false
	}
	for j := i - 1; j >= 0; j-- {
		switch it := items[j]; {
		case it.kind == itemPrep && strings.EqualFold(it.text, "for"):
			return true
		case it.kind == itemArticle || it.kind == itemPrep:
		default:
			return false
		}
	}
	return false
}

// nounModifier reports whether w may modify a noun: lowercase, and an
// adjective or noun as written to WordNet.
func nounModifier(w word) bool {
	if first, _ := utf8.DecodeRuneInString(w.text); unicode.IsUpper(first) || strings.ContainsFunc(w.lower, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }) {
		return false
	}
	return slices.Contains(wordnet.Lemmas(w.lower, wordnet.Adjective), w.lower) || isNoun(w.lower)
}

// notPlaceNouns are nouns that after "in which" or "at what" ask for a
// time, an amount or a stage, never a place: "At what price", "In which
// quarter".
var notPlaceNouns = map[string]bool{"time": true, "day": true, "week": true, "month": true, "year": true, "decade": true, "quarter": true,
	"season": true, "period": true, "hour": true, "date": true, "price": true, "cost": true, "amount": true, "sum": true, "rate": true,
	"point": true, "stage": true, "phase": true, "way": true, "form": true, "case": true, "order": true, "language": true, "currency": true}

// placeNoun reports whether w may name a kind of place the vocabulary
// does not know: a lowercase noun in its base form to WordNet that is no
// noun of the vocabulary, of a type, kind or relation ("court", "venue").
func placeNoun(v *vocab.Vocabulary, w word) bool {
	if first, _ := utf8.DecodeRuneInString(w.text); unicode.IsUpper(first) || isEvent(v, w.lower) {
		return false
	}
	if _, ok := v.Noun(w.lower); ok || notPlaceNouns[w.lower] {
		return false
	}
	return isNoun(w.lower)
}

// nameBeforeHead returns, for a noun items[i] right after a name that
// ends a noun phrase with it ("chip production", "the export cable
// deliveries"), the name's last word, lowercase: the noun is the phrase's
// head, the name its modifier. It returns false when the name stands in
// no noun phrase (after an auxiliary, as a subject), when the word after
// the noun is another noun the question reads or opens one (an object:
// the noun is a verb), or the noun is no noun to WordNet.
func nameBeforeHead(words []word, items []item, i int) (string, bool) {
	// The name must stand in a noun phrase ("for chip production"), not
	// in a clause's subject, whose verb the word would be ("Did Kittiwake
	// win the permit?").
	if i == 0 || items[i-1].kind != itemEntity || items[i-1].at+max(items[i-1].span, 1) != items[i].at || !modifierBefore(items, i-1) {
		return "", false
	}
	if w := words[items[i].at]; w.text != w.lower || len(wordnet.Lemmas(w.lower, wordnet.Noun)) == 0 {
		return "", false
	}
	if i+1 < len(items) {
		switch items[i+1].kind {
		case 0, itemEvent, itemType, itemEntity, itemArticle, itemPoss:
			return "", false
		}
	}
	f := strings.Fields(strings.ToLower(items[i-1].text))
	if len(f) == 0 {
		return "", false
	}
	return f[len(f)-1], true
}

// modifierBefore reports whether the item before items[i] opens or
// continues the noun phrase a modifier stands in.
func modifierBefore(items []item, i int) bool {
	if i == 0 {
		return false
	}
	switch prev := items[i-1]; prev.kind {
	case itemArticle, itemPoss, itemPrep, itemVerb, 0:
		return true
	case itemEntity:
		return prev.readAs != ""
	case itemIgnore:
		return prev.order != 0
	}
	return false
}

// modifierAfter returns the head word of the noun the question reads
// after items[i], past other words not understood, or false when none
// follows.
func modifierAfter(words []word, items []item, i int) (string, bool) {
	head := func(text string) string {
		f := strings.Fields(strings.ToLower(text))
		return f[len(f)-1]
	}
	for j := i + 1; j < len(items); j++ {
		switch it := items[j]; it.kind {
		case 0:
			continue
		case itemEvent, itemType, itemEntity:
			return head(it.text), it.text != ""
		case itemPrep:
			// "in federal court in Boston": words the question does not
			// read, the last a noun, before the name of where it is.
			p := strings.ToLower(it.text)
			last := words[items[j-1].at]
			if next := at(items, j+1); (p == "in" || p == "at") && next.kind == itemEntity && next.text != "" && items[j-1].kind == 0 &&
				isNoun(last.lower) {
				return head(next.text), true
			}
		case itemVerb:
			// "made a similar proposal": the lexicon reads the noun after
			// a light verb as its verb.
			if !strings.Contains(it.text, " ") && len(wordnet.Lemmas(strings.ToLower(it.text), wordnet.Noun)) > 0 &&
				slices.ContainsFunc(items[:i], func(p item) bool { return p.kind == itemIgnore && p.light }) {
				return head(it.text), true
			}
		}
		return "", false
	}
	return "", false
}

// negationWords are the words that, in a quote, may deny what it says
// ("did not expect the lawsuit to delay construction"): a quote with one
// does not say a modifier (see evidenceSays). "t" is the tail of "n't"
// once a quote is split at apostrophes.
var negationWords = map[string]bool{"not": true, "no": true, "never": true, "nor": true, "neither": true, "without": true, "t": true,
	"cannot": true}

// maxModifierGap is how many words a quote may put between a modifier
// and the head of the noun it modifies: "breakthrough trade deal".
const maxModifierGap = 2

// evidenceSays reports whether one of rels has a quote, with no negation
// word, that says each word of words before its head in heads, at most
// maxModifierGap words between ("a similar proposal", "a breakthrough
// trade deal"), each as one of its WordNet lemmas or itself.
func evidenceSays(ix *index.Index, rels []index.Rel, words, heads []string) bool {
	for _, r := range rels {
		if r == pattern.NoRel {
			continue
		}
		for _, ev := range ix.RelationAt(r).GetEvidence() {
			tokens := quoteTokens(ev.GetQuote())
			if slices.ContainsFunc(tokens, func(t string) bool { return negationWords[t] }) {
				continue
			}
			all := true
			for k, w := range words {
				all = all && saysBefore(tokens, w, heads[k])
			}
			if all {
				return true
			}
		}
	}
	return false
}

// quoteTokens are a quote's words, lowercase, split at what is no letter;
// "No." before a number is a number's sign, not a negation, and is left
// out.
func quoteTokens(quote string) []string { return tokensOf(strings.ToLower(quote)) }

// quoteWords is quoteTokens as the quote writes them, capitals kept.
func quoteWords(quote string) []string { return tokensOf(quote) }

// tokensOf splits text into words as quoteTokens does, with no case
// change (its "No. 2" test is by lowercase "no").
func tokensOf(text string) []string {
	lower := text
	var out []string
	for len(lower) > 0 {
		i := strings.IndexFunc(lower, unicode.IsLetter)
		if i < 0 {
			break
		}
		lower = lower[i:]
		j := strings.IndexFunc(lower, func(r rune) bool { return !unicode.IsLetter(r) })
		if j < 0 {
			j = len(lower)
		}
		t, rest := lower[:j], lower[j:]
		if strings.EqualFold(t, "no") && numberFollows(rest) {
			lower = rest
			continue
		}
		out = append(out, t)
		lower = rest
	}
	return out
}

// numberFollows reports whether rest, after a word, is ". 2" or " 2".
func numberFollows(rest string) bool {
	rest = strings.TrimLeft(strings.TrimPrefix(rest, "."), " ")
	return rest != "" && rest[0] >= '0' && rest[0] <= '9'
}

// saysBefore reports whether tokens hold w and, at most maxModifierGap
// words after it, head.
func saysBefore(tokens []string, w, head string) bool {
	for i, t := range tokens {
		if !sameWord(t, w) {
			continue
		}
		if head == "" {
			return true // a word said anywhere
		}
		for j := i + 1; j < len(tokens) && j <= i+1+maxModifierGap; j++ {
			if sameWord(tokens[j], head) {
				return true
			}
		}
	}
	return false
}

// sameWord reports whether two words are one, as written or as one of
// their WordNet lemmas ("deals" and "deal", "proposed" and "propose").
func sameWord(a, b string) bool {
	if a == b {
		return true
	}
	lemmas := func(w string) []string {
		return slices.Concat([]string{w}, wordnet.Lemmas(w, wordnet.Noun), wordnet.Lemmas(w, wordnet.Verb), wordnet.Lemmas(w, wordnet.Adjective))
	}
	la := lemmas(a)
	return slices.ContainsFunc(lemmas(b), func(l string) bool { return slices.Contains(la, l) })
}
