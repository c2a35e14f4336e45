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
	}
	return v + "ed"
}

func gerund(v string) string {
	switch {
	case strings.HasSuffix(v, "ie"):
		return v[:len(v)-2] + "ying"
	case strings.HasSuffix(v, "e") && !strings.HasSuffix(v, "ee"):
		return v[:len(v)-1] + "ing"
	}
	return v + "ing"
}

// Plural makes a noun plural: "member" → "members", "ally" → "allies",
// "chairman" → "chairmen"; a noun ending in s ("talks") stays as it is. Of
// several words only the last is made plural: "trade deal" → "trade deals".
func Plural(n string) string {
	if i := strings.LastIndexByte(n, ' '); i >= 0 {
		return n[:i+1] + Plural(n[i+1:])
	}
	switch {
	case strings.HasSuffix(n, "man"):
		return n[:len(n)-3] + "men"
	case strings.HasSuffix(n, "s"):
		return n
	case strings.HasSuffix(n, "y") && len(n) > 1 && !isVowel(n[len(n)-2]):
		return n[:len(n)-1] + "ies"
	case strings.HasSuffix(n, "ch"), strings.HasSuffix(n, "sh"), strings.HasSuffix(n, "x"):
		return n + "es"
	}
	return n + "s"
}
