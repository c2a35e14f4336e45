// Package english is the English morphology entitygraph needs to read
// questions and write sentences: the inflections of a verb, the plural of a
// noun, and which words are past participles. It is language, not
// vocabulary: it knows no predicate, and a new dataset's words inflect here
// without changes. It imports nothing of entitygraph.
package english

import "strings"

// irregular lists the verbs English does not inflect by rule: base → third
// person singular, past, past participle, gerund.
var irregular = map[string][4]string{
	"lead":       {"leads", "led", "led", "leading"},
	"buy":        {"buys", "bought", "bought", "buying"},
	"seek":       {"seeks", "sought", "sought", "seeking"},
	"make":       {"makes", "made", "made", "making"},
	"take":       {"takes", "took", "taken", "taking"},
	"fight":      {"fights", "fought", "fought", "fighting"},
	"run":        {"runs", "ran", "run", "running"},
	"have":       {"has", "had", "had", "having"},
	"see":        {"sees", "saw", "seen", "seeing"},
	"bid":        {"bids", "bid", "bid", "bidding"},
	"hold":       {"holds", "held", "held", "holding"},
	"put":        {"puts", "put", "put", "putting"},
	"build":      {"builds", "built", "built", "building"},
	"sell":       {"sells", "sold", "sold", "selling"},
	"strike":     {"strikes", "struck", "struck", "striking"},
	"be":         {"is", "was", "been", "being"},
	"band":       {"bands", "banded", "banded", "banding"},
	"feud":       {"feuds", "feuded", "feuded", "feuding"},
	"float":      {"floats", "floated", "floated", "floating"},
	"target":     {"targets", "targeted", "targeted", "targeting"},
	"control":    {"controls", "controlled", "controlled", "controlling"},
	"prioritise": {"prioritises", "prioritised", "prioritised", "prioritising"},
	"win":        {"wins", "won", "won", "winning"},
	"pay":        {"pays", "paid", "paid", "paying"},
	"lay":        {"lays", "laid", "laid", "laying"},
	"say":        {"says", "said", "said", "saying"},
	"set":        {"sets", "set", "set", "setting"},
	"cut":        {"cuts", "cut", "cut", "cutting"},
	"let":        {"lets", "let", "let", "letting"},
	"hit":        {"hits", "hit", "hit", "hitting"},
	"quit":       {"quits", "quit", "quit", "quitting"},
	"meet":       {"meets", "met", "met", "meeting"},
	"lend":       {"lends", "lent", "lent", "lending"},
	"send":       {"sends", "sent", "sent", "sending"},
	"spend":      {"spends", "spent", "spent", "spending"},
	"bring":      {"brings", "brought", "brought", "bringing"},
	"give":       {"gives", "gave", "given", "giving"},
	"get":        {"gets", "got", "gotten", "getting"},
	"go":         {"goes", "went", "gone", "going"},
	"grow":       {"grows", "grew", "grown", "growing"},
	"lose":       {"loses", "lost", "lost", "losing"},
	"keep":       {"keeps", "kept", "kept", "keeping"},
	"leave":      {"leaves", "left", "left", "leaving"},
	"tell":       {"tells", "told", "told", "telling"},
	"think":      {"thinks", "thought", "thought", "thinking"},
	"begin":      {"begins", "began", "begun", "beginning"},
	"become":     {"becomes", "became", "become", "becoming"},
	"come":       {"comes", "came", "come", "coming"},
	"choose":     {"chooses", "chose", "chosen", "choosing"},
	"drive":      {"drives", "drove", "driven", "driving"},
	"fall":       {"falls", "fell", "fallen", "falling"},
	"know":       {"knows", "knew", "known", "knowing"},
	"rise":       {"rises", "rose", "risen", "rising"},
	"speak":      {"speaks", "spoke", "spoken", "speaking"},
	"write":      {"writes", "wrote", "written", "writing"},
	"withdraw":   {"withdraws", "withdrew", "withdrawn", "withdrawing"},
	"oversee":    {"oversees", "oversaw", "overseen", "overseeing"},
	"undertake":  {"undertakes", "undertook", "undertaken", "undertaking"},
	"deal":       {"deals", "dealt", "dealt", "dealing"},
	"find":       {"finds", "found", "found", "finding"},
	"stand":      {"stands", "stood", "stood", "standing"},
	"sink":       {"sinks", "sank", "sunk", "sinking"},
	"swear":      {"swears", "swore", "sworn", "swearing"},
	"commit":     {"commits", "committed", "committed", "committing"},
	"admit":      {"admits", "admitted", "admitted", "admitting"},
	"permit":     {"permits", "permitted", "permitted", "permitting"},
	"submit":     {"submits", "submitted", "submitted", "submitting"},
	"transfer":   {"transfers", "transferred", "transferred", "transferring"},
	"prefer":     {"prefers", "preferred", "preferred", "preferring"},
	"refer":      {"refers", "referred", "referred", "referring"},
}

// irregularParticiples are the past participles of the irregular verbs that
// do not end in -ed: "led", "bought", "taken".
var irregularParticiples = func() map[string]bool {
	m := map[string]bool{}
	for _, f := range irregular {
		if !strings.HasSuffix(f[2], "ed") {
			m[f[2]] = true
		}
	}
	return m
}()

// Inflections returns the base form of a verb and its inflections: third
// person, past, past participle and gerund, in that order (a form may
// repeat). For "be" it adds "are", "were" and "am".
func Inflections(base string) []string {
	if f, ok := irregular[base]; ok {
		forms := []string{base, f[0], f[1], f[2], f[3]}
		if base == "be" {
			forms = append(forms, "are", "were", "am")
		}
		return forms
	}
	return []string{base, thirdPerson(base), past(base), past(base), gerund(base)}
}

// PastParticiple returns the past participle of a verb in its base form:
// "acquire" → "acquired", "lead" → "led".
func PastParticiple(base string) string {
	if f, ok := irregular[base]; ok {
		return f[2]
	}
	return past(base)
}

// IsPastParticiple reports whether word has the form of a past participle:
// it ends in -ed or is the participle of an irregular verb ("led", "sold").
func IsPastParticiple(word string) bool {
	return strings.HasSuffix(word, "ed") || irregularParticiples[word]
}

func isVowel(b byte) bool { return strings.IndexByte("aeiou", b) >= 0 }

func thirdPerson(v string) string {
	switch {
	case strings.HasSuffix(v, "y") && len(v) > 1 && !isVowel(v[len(v)-2]):
		return v[:len(v)-1] + "ies"
	case strings.HasSuffix(v, "s"), strings.HasSuffix(v, "sh"), strings.HasSuffix(v, "ch"), strings.HasSuffix(v, "x"), strings.HasSuffix(v, "z"), strings.HasSuffix(v, "o"):
		return v + "es"
	}
	return v + "s"
}

func past(v string) string {
	switch {
	case strings.HasSuffix(v, "e"):
		return v + "d"
	case strings.HasSuffix(v, "y") && len(v) > 1 && !isVowel(v[len(v)-2]):
		return v[:len(v)-1] + "ied"
	case doublesFinal(v):
		return v + v[len(v)-1:] + "ed"
	}
	return v + "ed"
}

func gerund(v string) string {
	switch {
	case strings.HasSuffix(v, "ie"):
		return v[:len(v)-2] + "ying"
	case strings.HasSuffix(v, "e") && !strings.HasSuffix(v, "ee"):
		return v[:len(v)-1] + "ing"
	case doublesFinal(v):
		return v + v[len(v)-1:] + "ing"
	}
	return v + "ing"
}

// doublesFinal reports whether a verb doubles its last consonant before
// -ed and -ing: a word of one syllable that ends in a single vowel and a
// single consonant other than w, x or y ("plan" → "planned", "stop" →
// "stopping"). Longer verbs double only when stressed on the last
// syllable, which spelling does not show; the irregular table lists the
// common ones ("commit", "control").
func doublesFinal(v string) bool {
	n := len(v)
	if n < 3 || isVowel(v[n-1]) || strings.IndexByte("wxy", v[n-1]) >= 0 || !isVowel(v[n-2]) || isVowel(v[n-3]) {
		return false
	}
	vowelGroups := 0
	for i := range n {
		if isVowel(v[i]) && (i == 0 || !isVowel(v[i-1])) {
			vowelGroups++
		}
	}
	// "qu" is a consonant: "quit" has one vowel, i.
	return vowelGroups == 1 || (vowelGroups == 2 && strings.HasPrefix(v, "qu"))
}

// irregularPlurals are the nouns English does not make plural by rule.
var irregularPlurals = map[string]string{"person": "people", "child": "children", "criterion": "criteria"}

// Plural makes a noun plural: "member" → "members", "ally" → "allies",
// "chairman" → "chairmen", "person" → "people", "business" →
// "businesses"; a noun already ending in a single s ("talks") stays as it
// is. Of several words only the last is made plural: "trade deal" → "trade
// deals".
func Plural(n string) string {
	if i := strings.LastIndexByte(n, ' '); i >= 0 {
		return n[:i+1] + Plural(n[i+1:])
	}
	if p, ok := irregularPlurals[n]; ok {
		return p
	}
	switch {
	case strings.HasSuffix(n, "man"):
		return n[:len(n)-3] + "men"
	case strings.HasSuffix(n, "ss"):
		return n + "es"
	case strings.HasSuffix(n, "s"):
		return n
	case strings.HasSuffix(n, "y") && len(n) > 1 && !isVowel(n[len(n)-2]):
		return n[:len(n)-1] + "ies"
	case strings.HasSuffix(n, "ch"), strings.HasSuffix(n, "sh"), strings.HasSuffix(n, "x"):
		return n + "es"
	}
	return n + "s"
}
