package vocab

import (
	"slices"
	"strings"
	"sync"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
)

// The lexicon is how English says each predicate: the verbs, relational
// nouns and participles that questions use, and the nouns that name a
// relation as a thing ("acquisition", "alliance"). Verbs are given in their
// base form and inflected here; nouns are pluralized here.

// Phrase is one way English says a predicate.
type Phrase struct {
	// Words are the lowercase words of the phrase, such as
	// ["coordinated", "against"]. A "*" word is a gap where the object goes,
	// as in ["regards", "*", "as", "strategic"].
	Words []string
	// Predicate is what the phrase means.
	Predicate pb.Predicate
	// Passive is set when the phrase reads object → subject, as
	// "acquired by" does.
	Passive bool
	// Noun is set for relational nouns ("chairman of"), which follow a
	// copula: "Who is the chairman of SK Group?".
	Noun bool
}

// lexEntry lists, for one predicate, its verbs (base form, head word
// first), fixed phrases used as they are (participles, adjectives), and
// relational nouns (singular, head word first).
type lexEntry struct {
	predicate pb.Predicate
	verbs     []string
	fixed     []string
	nouns     []string
	// passiveNouns read object → subject: "Japan is home to Kioxia".
	passiveNouns []string
}

var lexEntries = []lexEntry{
	{predicate: pb.Predicate_PREDICATE_LEADS,
		verbs: []string{"lead", "head", "chair", "run", "helm"},
		nouns: []string{"chairman of", "chairwoman of", "chair of", "head of", "leader of", "president of", "chief of", "boss of"}},
	{predicate: pb.Predicate_PREDICATE_SERVES_IN,
		verbs: []string{"serve in", "serve", "work for", "work in"},
		nouns: []string{"secretary of", "official of", "official in", "minister of", "commerce secretary of"}},
	{predicate: pb.Predicate_PREDICATE_MEMBER_OF,
		verbs: []string{"belong to"},
		nouns: []string{"member of", "part of", "candidate of", "candidate for", "presidential candidate of", "presidential candidate for"}},
	{predicate: pb.Predicate_PREDICATE_BASED_IN,
		fixed:        []string{"based in", "headquartered in", "located in", "based", "headquartered"},
		passiveNouns: []string{"home to", "home of"}},
	{predicate: pb.Predicate_PREDICATE_ACQUIRES,
		verbs: []string{"acquire", "buy", "purchase", "take over", "bid for", "bid on", "make a bid for", "launch a bid for"},
		nouns: []string{"acquirer of", "buyer of", "bidder for"}},
	{predicate: pb.Predicate_PREDICATE_OPPOSES,
		verbs: []string{"oppose", "block", "resist", "fight", "object to", "see * as a threat", "view * as a threat", "regard * as a threat", "be against"},
		fixed: []string{"against", "opposed to"},
		nouns: []string{"opponent of"}},
	{predicate: pb.Predicate_PREDICATE_COORDINATES_AGAINST,
		verbs: []string{"coordinate against", "work against", "collude against", "team up against", "conspire against", "join forces against", "act against", "cooperate against", "band together against"}},
	{predicate: pb.Predicate_PREDICATE_COORDINATES_WITH,
		verbs: []string{"coordinate with", "collude with", "cooperate with", "team up with", "collaborate with", "work with"}},
	{predicate: pb.Predicate_PREDICATE_PARTNERS_WITH,
		verbs: []string{"partner with", "join forces with", "form a partnership with", "partner"},
		nouns: []string{"partner of"}},
	{predicate: pb.Predicate_PREDICATE_SUPPLIES,
		verbs: []string{"supply", "sell to", "provide"},
		nouns: []string{"supplier of", "supplier to"}},
	{predicate: pb.Predicate_PREDICATE_PRODUCES,
		verbs: []string{"produce", "make", "manufacture", "build"},
		nouns: []string{"producer of", "maker of", "manufacturer of"}},
	{predicate: pb.Predicate_PREDICATE_PROPOSES,
		verbs: []string{"propose", "suggest", "call for", "put forward", "advocate", "float"},
		nouns: []string{"proponent of"}},
	{predicate: pb.Predicate_PREDICATE_ANNOUNCES,
		verbs: []string{"announce", "unveil", "declare"}},
	{predicate: pb.Predicate_PREDICATE_ALLIES_WITH,
		verbs: []string{"ally with", "form an alliance with", "ally"},
		fixed: []string{"allied with"},
		nouns: []string{"ally of"}},
	{predicate: pb.Predicate_PREDICATE_TRADE_DEAL_WITH,
		verbs: []string{"have a trade deal with", "strike a trade deal with", "sign a trade deal with", "agree a trade deal with", "reach a trade deal with", "make a trade deal with", "have a deal with", "strike a deal with"}},
	{predicate: pb.Predicate_PREDICATE_NEGOTIATES_WITH,
		verbs: []string{"negotiate with", "hold talks with", "negotiate"}},
	{predicate: pb.Predicate_PREDICATE_RUNS_TRADE_DEFICIT_WITH,
		verbs: []string{"run a trade deficit with", "have a trade deficit with", "run a deficit with", "have a deficit with"}},
	{predicate: pb.Predicate_PREDICATE_HAS_TENSIONS_WITH,
		verbs: []string{"have tensions with", "have tension with", "have strained relations with", "clash with", "feud with"},
		fixed: []string{"at odds with"}},
	{predicate: pb.Predicate_PREDICATE_COMPLEMENTS,
		verbs: []string{"complement"},
		fixed: []string{"complementary to", "complementary with"}},
	{predicate: pb.Predicate_PREDICATE_REGARDS_AS_STRATEGIC,
		verbs: []string{"regard * as strategic", "view * as strategic", "see * as strategic", "consider * strategic",
			"regard * as a critical national asset", "view * as a critical national asset", "see * as a critical national asset",
			"regard * as a critical asset", "view * as a critical asset", "regard * as a national asset", "view * as a national asset",
			"regard * as a strategic asset", "view * as a strategic asset", "value"}},
	{predicate: pb.Predicate_PREDICATE_PROMOTES,
		verbs: []string{"promote", "push for", "champion", "back", "support", "push"}},
	{predicate: pb.Predicate_PREDICATE_DOMINATES,
		verbs: []string{"dominate", "control"}},
	{predicate: pb.Predicate_PREDICATE_PRIORITIZES,
		verbs: []string{"prioritize", "prioritise", "focus on", "target"}},
}

// eventNouns name a relation as a thing: "which acquisition", "the alliance".
var eventNouns = map[string][]pb.Predicate{
	"acquisition":       {pb.Predicate_PREDICATE_ACQUIRES},
	"bid":               {pb.Predicate_PREDICATE_ACQUIRES},
	"takeover":          {pb.Predicate_PREDICATE_ACQUIRES},
	"purchase":          {pb.Predicate_PREDICATE_ACQUIRES},
	"buyout":            {pb.Predicate_PREDICATE_ACQUIRES},
	"merger":            {pb.Predicate_PREDICATE_ACQUIRES},
	"deal":              {pb.Predicate_PREDICATE_ACQUIRES, pb.Predicate_PREDICATE_TRADE_DEAL_WITH},
	"alliance":          {pb.Predicate_PREDICATE_ALLIES_WITH},
	"partnership":       {pb.Predicate_PREDICATE_PARTNERS_WITH},
	"joint venture":     {pb.Predicate_PREDICATE_PARTNERS_WITH},
	"venture":           {pb.Predicate_PREDICATE_PARTNERS_WITH},
	"trade deal":        {pb.Predicate_PREDICATE_TRADE_DEAL_WITH},
	"trade agreement":   {pb.Predicate_PREDICATE_TRADE_DEAL_WITH},
	"negotiation":       {pb.Predicate_PREDICATE_NEGOTIATES_WITH},
	"talks":             {pb.Predicate_PREDICATE_NEGOTIATES_WITH},
	"proposal":          {pb.Predicate_PREDICATE_PROPOSES},
	"announcement":      {pb.Predicate_PREDICATE_ANNOUNCES},
	"opposition":        {pb.Predicate_PREDICATE_OPPOSES},
	"coordination":      {pb.Predicate_PREDICATE_COORDINATES_AGAINST, pb.Predicate_PREDICATE_COORDINATES_WITH},
	"supply deal":       {pb.Predicate_PREDICATE_SUPPLIES},
	"tension":           {pb.Predicate_PREDICATE_HAS_TENSIONS_WITH},
	"trade deficit":     {pb.Predicate_PREDICATE_RUNS_TRADE_DEFICIT_WITH},
	"leadership":        {pb.Predicate_PREDICATE_LEADS},
	"membership":        {pb.Predicate_PREDICATE_MEMBER_OF},
	"economic alliance": {pb.Predicate_PREDICATE_ALLIES_WITH},
}

// EventNoun returns the predicates a noun names when it stands for a
// relation ("acquisition" → ACQUIRES), singular or plural.
func EventNoun(words string) ([]pb.Predicate, bool) {
	if ps, ok := eventNouns[words]; ok {
		return ps, true
	}
	for noun, ps := range eventNouns {
		if pluralize(noun) == words {
			return ps, true
		}
	}
	return nil, false
}

// SingularEventNoun returns the singular of an event noun given singular or
// plural ("acquisitions" → "acquisition"), or "" when it is not one.
func SingularEventNoun(words string) string {
	if _, ok := eventNouns[words]; ok {
		return words
	}
	for noun := range eventNouns {
		if pluralize(noun) == words {
			return noun
		}
	}
	return ""
}

// EventNouns returns every event noun, singular, sorted.
func EventNouns() []string {
	out := make([]string, 0, len(eventNouns))
	for n := range eventNouns {
		out = append(out, n)
	}
	slices.Sort(out)
	return out
}

// Phrases returns every phrase of the lexicon with all its inflections,
// longest first, so that a greedy matcher prefers "run a trade deficit
// with" to "run".
var Phrases = sync.OnceValue(func() []Phrase {
	seen := map[string]bool{}
	var out []Phrase
	add := func(words string, p pb.Predicate, passive, noun bool) {
		key := words + "|" + p.String()
		if seen[key] {
			return
		}
		seen[key] = true
		out = append(out, Phrase{Words: strings.Fields(words), Predicate: p, Passive: passive, Noun: noun})
	}
	for _, e := range lexEntries {
		for _, v := range e.verbs {
			head, rest, _ := strings.Cut(v, " ")
			for _, form := range inflect(head) {
				add(join(form, rest), e.predicate, false, false)
			}
			// The passive: "acquired by", "was led by"; not for phrases whose
			// object sits in a gap or behind a preposition.
			if !strings.Contains(v, "*") && (rest == "" || !endsWithPreposition(rest)) {
				add(join(pastParticiple(head), rest)+" by", e.predicate, true, false)
			}
		}
		for _, f := range e.fixed {
			add(f, e.predicate, false, false)
		}
		for _, n := range e.nouns {
			head, rest, _ := strings.Cut(n, " ")
			add(n, e.predicate, false, true)
			add(join(pluralize(head), rest), e.predicate, false, true)
		}
		for _, n := range e.passiveNouns {
			add(n, e.predicate, true, true)
		}
	}
	slices.SortStableFunc(out, func(a, b Phrase) int { return len(b.Words) - len(a.Words) })
	return out
})

// PhraseFor finds a phrase written as one token with underscores, such as
// "coordinated_against", as the Match text syntax allows.
func PhraseFor(token string) (Phrase, bool) {
	words := strings.Fields(strings.ReplaceAll(strings.ToLower(token), "_", " "))
	for _, p := range Phrases() {
		if !slices.Contains(p.Words, "*") && slices.Equal(p.Words, words) {
			return p, true
		}
	}
	return Phrase{}, false
}

func join(a, b string) string {
	if b == "" {
		return a
	}
	return a + " " + b
}

func endsWithPreposition(s string) bool {
	f := strings.Fields(s)
	switch f[len(f)-1] {
	case "against", "with", "for", "to", "in", "on", "over", "of":
		return true
	}
	return false
}

// irregular verbs: base → third person, past, past participle, gerund.
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

// inflect returns the base form of a verb and its inflections. For "be" it
// adds are/were too.
func inflect(base string) []string {
	if f, ok := irregular[base]; ok {
		forms := []string{base, f[0], f[1], f[2], f[3]}
		if base == "be" {
			forms = append(forms, "are", "were", "am")
		}
		return forms
	}
	return []string{base, thirdPerson(base), past(base), past(base), gerund(base)}
}

func pastParticiple(base string) string {
	if f, ok := irregular[base]; ok {
		return f[2]
	}
	return past(base)
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

// pluralize makes a noun plural: "member" → "members", "ally" → "allies",
// "talks" stays.
func pluralize(n string) string {
	head, rest, _ := strings.Cut(n, " ")
	if rest != "" {
		// Multi-word event nouns pluralize their last word.
		words := strings.Fields(n)
		words[len(words)-1] = pluralize(words[len(words)-1])
		return strings.Join(words, " ")
	}
	switch {
	case strings.HasSuffix(head, "man"):
		return head[:len(head)-3] + "men"
	case strings.HasSuffix(head, "s"):
		return head
	case strings.HasSuffix(head, "y") && len(head) > 1 && !isVowel(head[len(head)-2]):
		return head[:len(head)-1] + "ies"
	case strings.HasSuffix(head, "ch"), strings.HasSuffix(head, "sh"), strings.HasSuffix(head, "x"):
		return head + "es"
	}
	return head + "s"
}
