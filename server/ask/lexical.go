package ask

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/server/index"
	"github.com/entitygraph/entitygraph/server/namesearch"
	"github.com/entitygraph/entitygraph/server/synonym"
	"github.com/entitygraph/entitygraph/server/vocab"
	"github.com/entitygraph/entitygraph/server/wordnet"
)

// A word of a question that is neither a name nor in the lexicon is read
// again, in this order, before the question is refused:
//
//   - beside a name, as part of a misspelt name when the two together are
//     one edit or two from that same entity's name ("SK Grop", "Westren
//     Digital");
//   - when WordNet knows it, as the one lexicon word it shares a synset
//     with, its first sense among the lexicon word's first two
//     ("purchased" as "bought"), unless it has many senses; none is no
//     reading and two with different meanings are ambiguous;
//   - when WordNet does not know it, as the one lexicon word one edit away
//     (a letter added, dropped, changed or two swapped: "aquire").
//
// Each reading is reported in the answer's understood pieces. Nothing here
// is a hand-made list: the synonyms come from WordNet and the words from
// the loaded vocabulary, so a new dataset's questions are read the same
// way.

// Prepare reads what Ask reads questions with beyond the graph (WordNet's
// table), so that the first question that needs it does not wait; Ask
// works without it, reading no synonyms, when it cannot be read.
func Prepare() error { return wordnet.Err() }

// minCorrectable is the shortest word that is spelling-corrected.
const minCorrectable = 5

// reread reads again each word of items that was not understood (see
// above), changing words; it reports whether any word changed, when the
// question is to be classified again.
func reread(ix *index.Index, words []word, items []item) bool {
	changed := false
	for k := 0; k+1 < len(items); k++ {
		if topicWithHead(ix, words, items[k], items[k+1]) || topicLine(ix, words, items[k], items[k+1]) {
			changed = true
		}
	}
	for k, it := range items {
		if it.kind != 0 || words[it.at].note != "" {
			continue
		}
		if absorbIntoName(ix, words, items, k) || correctNameRun(ix, words, items, k) || nameTail(ix, words, items[k].at) || nameStartHead(ix, words, items[k].at) || nameWordHead(ix, words, items[k].at) || headNoun(ix, words, items[k].at) || mannerAdverb(words, items[k].at) || mannerPhrase(words, items, k) {
			changed = true
			continue
		}
		// "on Apirl 22"
		if misspeltMonth(words, it.at) {
			changed = true
			continue
		}
		// "Is Norvane a Swedish company?"
		if read, ok := placeWord(ix, words, items, k); ok {
			changed = changed || read
			continue
		}
		w := &words[it.at]
		// "Did the bid fail?": a verb form of a status word is the word.
		if sv, ok := statusOfVerb(ix.Vocabulary(), w.lower); ok {
			w.lower, w.note, changed = sv.word, fmt.Sprintf("a form of %q", sv.word), true
			continue
		}
		if wordnet.IsWord(w.lower) {
			// A verb before a gerund says when or whether, not what:
			// "begun testing" is no "started" (founds), "kept suing" no
			// "kept".
			if gerundAfter(words, it.at) {
				continue
			}
			if lower, note, ok := synonym.Of(ix.Vocabulary(), w.lower); ok {
				w.lower, w.note, changed = lower, note, true
			} else if note != "" {
				w.note = note // ambiguous: still not understood, but says why
			}
			continue
		}
		if to, ok := correctSpelling(ix.Vocabulary(), w.lower); ok {
			w.lower, w.note, changed = to, fmt.Sprintf("spelling corrected to %q", to), true
		} else if first, _ := utf8.DecodeRuneInString(w.text); !unicode.IsUpper(first) {
			// Not a capitalized name: "Equinor" is no misspelling of
			// "equinox".
			if to, ok := correctToWordNet(w.lower); ok {
				w.lower, w.note, changed = to, fmt.Sprintf("spelling corrected to %q", to), true
				// "the recylcing research": the word corrected may be the
				// head of a topic's name, as the word written right would
				// be.
				if headNoun(ix, words, it.at) {
					w.readAs = fmt.Sprintf("spelling corrected to %q, %s", to, w.readAs)
				}
			}
		}
	}
	return changed
}

// absorbIntoName joins the unknown item k to a name next to it when the
// two together are a misspelling of that name's entity.
func absorbIntoName(ix *index.Index, words []word, items []item, k int) bool {
	at := items[k].at
	try := func(e item, from, to int) bool {
		text := joinWords(words[from:to])
		if isLemma(text) {
			return false // a name WordNet knows is no misspelling: "North Korea", "Northern Ireland"
		}
		edits := 1
		if utf8.RuneCountInString(text) >= 8 {
			edits = 2
		}
		hits := ix.CorrectName(text, edits, 3)
		if len(hits) == 0 || hits[0].Node != e.node || len(hits) > 1 && hits[1].Score >= hits[0].Score && hits[1].Node != e.node {
			return false
		}
		// "onshore turbine blades" is no misspelling of "offshore turbine
		// blades": a word WordNet knows that is none of the name's words
		// in another form is another word.
		if w := words[at].lower; wordnet.IsWord(w) && !slices.ContainsFunc(strings.Fields(strings.ToLower(ix.NameText(hits[0].Node, hits[0].Name))), func(n string) bool { return sameWord(n, w) }) {
			return false
		}
		words[from].span, words[from].node = to-from, e.node
		return true
	}
	left := k > 0 && items[k-1].kind == itemEntity && items[k-1].at+items[k-1].span == at
	right := k+1 < len(items) && items[k+1].kind == itemEntity && items[k+1].at == at+1
	// "Kittiwak Offshore Wind": the word between two pieces of one name.
	if left && right && items[k-1].node == items[k+1].node && try(items[k-1], items[k-1].at, at+1+items[k+1].span) {
		return true
	}
	if left {
		if try(items[k-1], items[k-1].at, at+1) {
			return true
		}
	}
	if right {
		return try(items[k+1], at, at+1+items[k+1].span)
	}
	return false
}

// gerundAfter reports whether the word after words[i] is an -ing form of
// a verb WordNet knows ("testing", "doing").
func gerundAfter(words []word, i int) bool {
	if i+1 >= len(words) {
		return false
	}
	next := strings.ToLower(words[i+1].text) // as written: a synonym may stand for it ("doing" for "done")
	return strings.HasSuffix(next, "ing") && len(next) > 4 && len(wordnet.Lemmas(next, wordnet.Verb)) > 0
}

// isLemma reports whether text, of two words or more, is a lemma of
// WordNet's ("North Korea", "Northern Ireland"): no misspelling of a
// name.
func isLemma(text string) bool {
	return strings.Contains(text, " ") && wordnet.IsWord(strings.ToLower(text))
}

// correctNameRun reads a run of two to four words not understood, the
// first capitalized (or any, in a query all in lowercase), as a misspelling of one entity's name when the run is
// within the edits of that name and of no other as well: "Lee Jae-myoung",
// none of whose words is a name alone, is Lee Jae-myung. The longest such
// run wins.
func correctNameRun(ix *index.Index, words []word, items []item, k int) bool {
	at := items[k].at
	// Lowercase too in a query typed all in lowercase ("westren digital").
	if r, _ := utf8.DecodeRuneInString(words[at].text); !unicode.IsUpper(r) && !allLowercase(words) {
		return false
	}
	n := 1
	for n < 4 && k+n < len(items) && items[k+n].kind == 0 && items[k+n].at == items[k+n-1].at+items[k+n-1].span && words[items[k+n].at].note == "" {
		n++
	}
	for ; n >= 2; n-- {
		to := items[k+n-1].at + items[k+n-1].span
		text := joinWords(words[at:to])
		if isLemma(text) {
			continue // a name WordNet knows is no misspelling
		}
		edits := 1
		if utf8.RuneCountInString(text) >= 8 {
			edits = 2
		}
		hits := ix.CorrectName(text, edits, 3)
		if len(hits) == 0 || len(hits) > 1 && hits[1].Score >= hits[0].Score && hits[1].Node != hits[0].Node {
			continue
		}
		// Each word a letter off at most: "Lee Jae-yong" is another
		// person, not Lee Jae-myung.
		if !wordsNear(namesearch.Normalize(text), namesearch.Normalize(ix.NameText(hits[0].Node, hits[0].Name))) {
			continue
		}
		words[at].span, words[at].node = to-at, hits[0].Node
		return true
	}
	return false
}

// wordsNear reports whether a and b have as many words, each the same,
// one edit apart, or, from five letters and with the same first letter,
// two ("myeong" for "myung", a romanization's; not "yong").
func wordsNear(a, b string) bool {
	wa, wb := strings.FieldsFunc(a, nameSeparator), strings.FieldsFunc(b, nameSeparator)
	if len(wa) != len(wb) {
		return false
	}
	for i := range wa {
		x, y := wa[i], wb[i]
		if x == y || oneEdit(x, y) {
			continue
		}
		if len(x) < 5 || len(y) < 5 || x[0] != y[0] || namesearch.EditDistance(x, y) > 2 {
			return false
		}
	}
	return true
}

func nameSeparator(r rune) bool { return r == ' ' || r == '-' }

// nameTail reads the word at i, not understood, with the one or two words
// before it as the end of the one entity's name they end ("blade-tip
// design" of Swept blade-tip design): a name's last words without its
// first, which the question leaves out. The words then read as that
// entity.
func nameTail(ix *index.Index, words []word, i int) bool {
	// Only lowercase words, the last a noun: a run of capitalized words is
	// a misspelt name's (see correctNameRun).
	if w := words[i]; w.text != w.lower || !isNoun(w.lower) {
		return false
	}
	for n := min(3, i+1); n >= 2; n-- {
		from := i - n + 1
		if slices.ContainsFunc(words[from:i+1], func(w word) bool { return functionWord(w.lower) || w.lower == "'s" || w.text != w.lower }) {
			continue
		}
		tail := namesearch.Normalize(joinWords(words[from : i+1]))
		found, name := index.Node(-1), ""
		for _, h := range ix.FindNames(tail, index.SearchOptions{Limit: 5, MaxEdits: -1}) {
			text := ix.NameText(h.Node, h.Name)
			if !strings.HasSuffix(namesearch.Normalize(text), " "+tail) {
				continue
			}
			if found >= 0 && found != h.Node {
				return false // the end of two entities' names
			}
			found, name = h.Node, text
		}
		if found >= 0 {
			words[from].span, words[from].node, words[from].readAs = n, found, fmt.Sprintf("the end of %q", name)
			return true
		}
	}
	return false
}

// nameStartHead reads the word at i, capitalized and not understood, with
// the capitalized words after it and the lowercase noun after them, as
// the one entity whose name begins with those words and ends with that
// noun ("the Great Lakes fund" of Great Lakes Teachers Pension Fund): a
// name shortened to its first words and its head, as news writing
// shortens it. The words then read as that entity.
func nameStartHead(ix *index.Index, words []word, i int) bool {
	if !isNameStart(words[i]) {
		return false
	}
	for end := i + 1; end < len(words) && end <= i+maxNameWords; end++ {
		head := words[end]
		if head.text != head.lower {
			if !isNameStart(head) {
				return false
			}
			continue
		}
		if !isNoun(head.lower) || functionWord(head.lower) {
			return false
		}
		start := namesearch.Normalize(joinWords(words[i:end]))
		found := index.Node(-1)
		for _, h := range ix.FindNames(start+" "+head.lower, index.SearchOptions{Limit: 5, MaxEdits: -1}) {
			name := namesearch.Normalize(ix.NameText(h.Node, h.Name))
			if !strings.HasPrefix(name, start+" ") || !strings.HasSuffix(name, " "+head.lower) || name == start+" "+head.lower {
				continue
			}
			if found >= 0 && found != h.Node {
				return false // the start and head of two entities' names
			}
			found = h.Node
		}
		if found < 0 {
			return false
		}
		words[i].span, words[i].node, words[i].readAs = end+1-i, found, fmt.Sprintf("the start and head of %q", ix.DisplayName(found))
		return true
	}
	return false
}

// nameWordHead reads the word at i, lowercase and not understood, with
// the one or two lowercase words after it that end one entity's name, as
// that entity when its name has the word too: "the teachers' pension
// fund" of Great Lakes Teachers Pension Fund. The words then read as that
// entity.
func nameWordHead(ix *index.Index, words []word, i int) bool {
	w := words[i]
	if strings.TrimRight(w.text, "'’") != w.lower || !isNoun(strings.TrimSuffix(w.lower, "s")) && !isNoun(w.lower) || functionWord(w.lower) {
		return false
	}
	from := i + 1
	if from < len(words) && (words[from].lower == "'" || words[from].lower == "’" || words[from].lower == "'s") {
		from++ // "teachers' pension fund"
	}
	for n := 2; n >= 1; n-- {
		end := from + n
		if end > len(words) || slices.ContainsFunc(words[from:end], func(x word) bool { return x.text != x.lower || functionWord(x.lower) }) {
			continue
		}
		head := namesearch.Normalize(joinWords(words[from:end]))
		found := index.Node(-1)
		for _, h := range ix.FindNames(w.lower+" "+head, index.SearchOptions{Limit: 5, MaxEdits: -1}) {
			fields := strings.Fields(namesearch.Normalize(ix.NameText(h.Node, h.Name)))
			name := strings.Join(fields, " ")
			if !strings.HasSuffix(name, " "+head) || len(fields) <= n+1 || !slices.ContainsFunc(fields[:len(fields)-n], func(f string) bool { return sameWord(f, w.lower) }) {
				continue
			}
			if found >= 0 && found != h.Node {
				return false // the words of two entities' names
			}
			found = h.Node
		}
		if found >= 0 {
			words[i].span, words[i].node, words[i].readAs = end-i, found, fmt.Sprintf("words of %q", ix.DisplayName(found))
			return true
		}
	}
	return false
}

// topicWithHead reads a one-word topic name and the type noun "topic"
// after it ("a blade design": "blade" names turbine blades, "design" a
// topic) as the one other topic whose name has that word and ends in that
// noun: "swept blade-tip design". The words then read as that topic.
func topicWithHead(ix *index.Index, words []word, name, noun item) bool {
	if name.kind != itemEntity || max(name.span, 1) != 1 || ix.EntityType(name.node) != "topic" || noun.kind != itemType ||
		noun.con.GetType() != "topic" || noun.span != 1 || noun.at != name.at+1 || words[noun.at].text != words[noun.at].lower {
		return false
	}
	first, head := words[name.at].lower, words[noun.at].lower
	found, text := index.Node(-1), ""
	for _, h := range ix.CorrectName(head, -1, 10) {
		n := ix.NameText(h.Node, h.Name)
		fields := strings.Fields(namesearch.Normalize(n))
		if h.Node == name.node || ix.EntityType(h.Node) != "topic" || len(fields) < 3 || fields[len(fields)-1] != head ||
			!slices.ContainsFunc(fields[:len(fields)-1], func(f string) bool { return sameWord(f, first) }) {
			continue
		}
		if found >= 0 && found != h.Node {
			return false
		}
		found, text = h.Node, n
	}
	if found < 0 {
		return false
	}
	words[name.at].span, words[name.at].node, words[name.at].readAs = 2, found, fmt.Sprintf("the words of %q", text)
	return true
}

// lineNouns after a topic's name make it a line of business: "the LCD
// business", "the NAND flash industry".
var lineNouns = map[string]bool{"business": true, "businesses": true, "industry": true, "industries": true, "sector": true, "sectors": true,
	"segment": true, "trade": true}

// topicLine reads a topic's name and a noun of lineNouns after it, which
// the vocabulary reads as a type noun of another type ("business", a
// company), as the topic: "teamed up with Sony in the LCD business".
func topicLine(ix *index.Index, words []word, name, noun item) bool {
	if name.kind != itemEntity || ix.EntityType(name.node) != "topic" || noun.kind != itemType || noun.con.GetType() == "topic" ||
		noun.span != 1 || noun.at != name.at+max(name.span, 1) || !lineNouns[words[noun.at].lower] || words[name.at].node >= 0 && words[name.at].span > 0 {
		return false
	}
	words[name.at].span, words[name.at].node = noun.at+1-name.at, name.node
	words[name.at].readAs = fmt.Sprintf("with %q, a line of business", words[noun.at].text)
	return true
}

// headNoun reads the word at i, not understood, as the one topic whose
// name ends in it: a noun without the modifier the graph's name gives it
// ("panels" is LCD panels). Only a lowercase word WordNet knows as a noun,
// the last word of a name or alias of one topic alone, among the few
// names the word is a word of.
func headNoun(ix *index.Index, words []word, i int) bool {
	w := &words[i]
	if first, _ := utf8.DecodeRuneInString(w.text); unicode.IsUpper(first) || len(wordnet.Lemmas(w.lower, wordnet.Noun)) == 0 {
		return false
	}
	found, name := index.Node(-1), ""
	for _, h := range ix.CorrectName(w.lower, -1, 5) {
		text := ix.NameText(h.Node, h.Name)
		if h.Kind != namesearch.Token || ix.EntityType(h.Node) != "topic" || !strings.HasSuffix(namesearch.Normalize(text), " "+w.lower) {
			continue
		}
		if found >= 0 && found != h.Node {
			return false // the head of two topics' names
		}
		found, name = h.Node, text
	}
	if found < 0 {
		return false
	}
	w.span, w.node, w.readAs = 1, found, fmt.Sprintf("the head of %q", name)
	return true
}

// mannerAdverb reads the word at i, not understood, as a manner the
// relation must have when it is an adverb of manner, one WordNet knows
// ending in "-ly" ("Did the commission approve the permit unanimously?"):
// only relations whose manner says it answer. An adverb is not skipped: it
// can change the truth.
func mannerAdverb(words []word, i int) bool {
	w := &words[i]
	if !strings.HasSuffix(w.lower, "ly") || len(wordnet.Lemmas(w.lower, wordnet.Adverb)) == 0 {
		return false
	}
	w.manner, w.note = true, "a manner the relation must have"
	return true
}

// mannerPhrase reads the word of items[k], not understood, as a word of a
// manner the relation must have when it is a noun of a phrase that "with"
// opens, of nouns not understood joined by articles, "of" and "and":
// "react with anger", "with a mix of surprise and admiration". Its nouns
// are the words the relation's manner must say (see mannerAdverb); "with"
// and the words that join them say nothing more.
func mannerPhrase(words []word, items []item, k int) bool {
	noun := func(it item) bool {
		w := words[it.at]
		return it.kind == 0 && w.note == "" && w.text == w.lower && len(wordnet.Lemmas(w.lower, wordnet.Noun)) > 0
	}
	joins := func(it item) bool {
		return it.kind == itemArticle || it.kind == itemAnd || it.kind == itemPrep && strings.EqualFold(it.text, "of")
	}
	if !noun(items[k]) {
		return false
	}
	start := k
	for start > 0 && (noun(items[start-1]) || joins(items[start-1])) {
		start--
	}
	if start == 0 || items[start-1].kind != itemPrep || !strings.EqualFold(items[start-1].text, "with") ||
		!noun(items[start]) && items[start].kind != itemArticle {
		return false
	}
	end := k + 1
	for end < len(items) && (noun(items[end]) || joins(items[end])) {
		end++
	}
	for !noun(items[end-1]) {
		end--
	}
	for _, it := range items[start-1 : end] {
		for i := it.at; i < it.at+max(it.span, 1); i++ {
			if noun(it) {
				words[i].manner, words[i].note = true, "a manner the relation must have"
			} else {
				words[i].glue = true
			}
		}
	}
	return true
}

// correctSpelling finds the one word of the lexicon or of the grammar
// (see grammarWords) one edit from w, or from w less an inflection
// ("aproves" is "approves").
func correctSpelling(v *vocab.Vocabulary, w string) (string, bool) {
	if len(w) < minCorrectable || !isASCIIWord(w) {
		return "", false
	}
	cands := slices.Concat(v.Words(), grammarWords())
	if to, ok := nearestOf(w, cands, minCorrectable); ok {
		return to, true
	}
	for _, suffix := range []string{"s", "es", "ed", "ing"} {
		if stem, ok := strings.CutSuffix(w, suffix); ok {
			if to, ok := nearestOf(stem, cands, minCorrectable-1); ok {
				return to + suffix, true
			}
		}
	}
	return "", false
}

// correctToWordNet finds the one word WordNet knows one edit from w, a
// word of at least minWordNetCorrectable letters ("recylcing" is
// "recycling"), which must then be understood as any word is.
func correctToWordNet(w string) (string, bool) {
	if len(w) < minWordNetCorrectable || !isASCIIWord(w) {
		return "", false
	}
	return nearestOf(w, slices.Concat(wordnet.WordsOfLength(len(w)-1), wordnet.WordsOfLength(len(w)), wordnet.WordsOfLength(len(w)+1)), minWordNetCorrectable-1)
}

// minWordNetCorrectable is the fewest letters a word needs to be
// corrected to a WordNet word: shorter ones are too near too many.
const minWordNetCorrectable = 7

// nearestOf returns the one word of cands, of at least min letters, one
// edit from w; none when two are.
func nearestOf(w string, cands []string, min int) (string, bool) {
	var found string
	for _, cand := range cands {
		if len(cand) < min || cand == found || !oneEdit(w, cand) {
			continue
		}
		if found != "" {
			return "", false
		}
		found = cand
	}
	return found, found != ""
}

// grammarWords are the words the question grammar itself reads, besides
// the vocabulary's: wh-words, skipped words, scope, rank, order, role and
// source words ("globally", "ranking", "earliest", "article"). A
// misspelling of one is corrected as a lexicon word's is.
var grammarWords = sync.OnceValue(func() []string {
	var out []string
	for _, m := range []map[string]bool{whWords, ignoreWords, roleNouns, holdWords, modalWords, rankWords, sourceNouns} {
		out = slices.AppendSeq(out, maps.Keys(m))
	}
	out = slices.AppendSeq(out, maps.Keys(orderWords))
	out = slices.AppendSeq(out, maps.Keys(ordinals))
	for _, ph := range scopePhrases {
		out = append(out, ph...)
	}
	slices.Sort(out)
	return slices.Compact(out)
})

func isASCIIWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

// oneEdit reports whether a and b differ by exactly one letter added,
// dropped or changed, or two neighbours swapped.
func oneEdit(a, b string) bool {
	if a == b {
		return false
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	switch len(b) - len(a) {
	case 0:
		i := 0
		for i < len(a) && a[i] == b[i] {
			i++
		}
		if a[i+1:] == b[i+1:] {
			return true // changed
		}
		return i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:] // swapped
	case 1:
		i := 0
		for i < len(a) && a[i] == b[i] {
			i++
		}
		return a[i:] == b[i+1:]
	}
	return false
}

// statusVerbIndex is a vocabulary's status words by their verb lemmas:
// "complete" for "completed", "drop" for "dropped", "fall through" for
// "fell through".
type statusVerbIndex map[string]statusVerb

// statusVerb is a status word and the status it gives.
type statusVerb struct {
	word   string
	status pb.RelationStatus
}

// statusVerbIndexes caches a statusVerbIndex per vocabulary.
var statusVerbIndexes sync.Map // *vocab.Vocabulary → statusVerbIndex

// statusOfVerb reads w as a verb form of one of the vocabulary's status
// words: "complete" and "completes" of "completed", "drop" of "dropped",
// "go through" of "went through".
// A lemma two status words share is ambiguous and gives nothing.
func statusOfVerb(v *vocab.Vocabulary, w string) (statusVerb, bool) {
	idx, ok := statusVerbIndexes.Load(v)
	if !ok {
		m := statusVerbIndex{}
		for _, s := range v.Message().GetStatuses() {
			for _, sw := range s.GetWords() {
				// "fell through" by "fall through": the first word's
				// lemma, the rest as written.
				first, rest, _ := strings.Cut(sw, " ")
				for _, l := range wordnet.Lemmas(first, wordnet.Verb) {
					if rest != "" {
						l += " " + rest
					}
					if have, dup := m[l]; dup && have.status != s.GetStatus() {
						m[l] = statusVerb{}
						continue
					}
					m[l] = statusVerb{word: sw, status: s.GetStatus()}
				}
			}
		}
		idx, _ = statusVerbIndexes.LoadOrStore(v, m)
	}
	first, rest, _ := strings.Cut(w, " ")
	for _, l := range wordnet.Lemmas(first, wordnet.Verb) {
		if rest != "" {
			l += " " + rest
		}
		if sv := idx.(statusVerbIndex)[l]; sv.word != "" {
			return sv, true
		}
	}
	return statusVerb{}, false
}

// isStatusVerb reports whether w is a verb form of a status word.
func isStatusVerb(v *vocab.Vocabulary, w string) bool {
	_, ok := statusOfVerb(v, w)
	return ok
}

// knownWord reports whether w is a word WordNet knows, as written or as
// an inflection, or a word of the lexicon: no misspelt name.
func knownWord(v *vocab.Vocabulary, w string) bool {
	return wordnet.IsWord(w) || slices.Contains(v.Words(), w)
}

// misspeltMonth reads the word at i, not understood, as the one month
// whose full name is an edit away ("Apirl"), when it is capitalized and a
// day or a year follows it, as a date's month would be.
func misspeltMonth(words []word, i int) bool {
	w := &words[i]
	if first, _ := utf8.DecodeRuneInString(w.text); !unicode.IsUpper(first) || i+1 >= len(words) || len(w.lower) < 4 {
		return false
	}
	n, err := strconv.Atoi(strings.TrimRight(words[i+1].lower, "stndrh"))
	if err != nil || !(n >= 1 && n <= 31 || n >= 1800 && n <= 2200) {
		return false
	}
	to, ok := nearestOf(w.lower, fullMonths(), 4)
	if !ok {
		return false
	}
	w.lower, w.note = to, fmt.Sprintf("spelling corrected to %q", to)
	return true
}

// fullMonths are the months' full names, sorted: what a misspelt month
// is read as ("Apirl").
var fullMonths = sync.OnceValue(func() []string {
	var full []string
	for name := range months {
		if len(name) > 3 && name != "sept" {
			full = append(full, name)
		}
	}
	slices.Sort(full)
	return full
})
