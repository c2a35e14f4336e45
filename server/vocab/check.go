package vocab

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
)

// keyPattern is the grammar of a predicate's or kind's id (AIP-122).
var keyPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// placeholder finds a template's placeholders.
var placeholder = regexp.MustCompile(`\{[a-z]*\}`)

// Pools are the generator's pools of nodes, which SyntheticPredicate's
// PoolShare names.
var Pools = []string{"company", "organization", "country", "bloc", "person", "place", "topic", "relation"}

// Check finds everything wrong with a vocabulary: errors, which [New]
// refuses, and warnings.
func Check(m *pb.Vocabulary) Problems {
	c := &checker{m: m, preds: map[string]int{}, kinds: map[string]int{}}
	c.names()
	for i, p := range m.GetPredicates() {
		c.predicate(i, p)
	}
	c.cycles("predicates", len(m.GetPredicates()), func(i int) []string { return m.GetPredicates()[i].GetImplies() }, c.preds, PredicatePrefix, "implies")
	for i, k := range m.GetKinds() {
		c.kind(i, k)
	}
	c.cycles("kinds", len(m.GetKinds()), func(i int) []string { return m.GetKinds()[i].GetBroader() }, c.kinds, KindPrefix, "broader")
	for i, t := range m.GetTypes() {
		if t.GetType() != RelationType && !IsEntityType(t.GetType()) {
			c.errorf("types", i, "type", "type %q is not one of %s or %s", t.GetType(), strings.Join(EntityTypes, ", "), RelationType)
		}
		c.words("types", i, "nouns", t.GetNouns())
	}
	for i, s := range m.GetStatuses() {
		if _, ok := pb.RelationStatus_name[int32(s.GetStatus())]; !ok || s.GetStatus() == 0 {
			c.errorf("statuses", i, "status", "status %v is not a relation status", s.GetStatus())
		}
		c.words("statuses", i, "words", s.GetWords())
	}
	for i, s := range m.GetSynthetic() {
		c.synthetic(i, s)
	}
	return c.problems
}

type checker struct {
	m        *pb.Vocabulary
	preds    map[string]int // id → index of the predicate that defines it
	kinds    map[string]int
	problems Problems
}

func (c *checker) errorf(section string, i int, field, format string, args ...any) {
	c.problems = append(c.problems, Problem{Section: section, Index: i, Field: field, Msg: fmt.Sprintf(format, args...)})
}

func (c *checker) warnf(section string, i int, field, format string, args ...any) {
	c.problems = append(c.problems, Problem{Section: section, Index: i, Field: field, Msg: fmt.Sprintf(format, args...), Warning: true})
}

// names checks the predicates' and kinds' names and records them.
func (c *checker) names() {
	check := func(section, prefix string, i int, name string, seen map[string]int) {
		key, ok := strings.CutPrefix(name, prefix)
		switch {
		case !ok || !keyPattern.MatchString(key) || len(key) > 63:
			c.errorf(section, i, "name", "name %q must be %s{id}, the id 1 to 63 lowercase letters, digits and single hyphens", name, prefix)
		case seen[key] > 0:
			c.errorf(section, i, "name", "%s is declared twice (also %s[%d])", name, section, seen[key]-1)
		default:
			seen[key] = i + 1
		}
	}
	for i, p := range c.m.GetPredicates() {
		check("predicates", PredicatePrefix, i, p.GetName(), c.preds)
	}
	for i, k := range c.m.GetKinds() {
		check("kinds", KindPrefix, i, k.GetName(), c.kinds)
	}
	if n := len(c.m.GetPredicates()); n > MaxPredicates {
		c.errorf("predicates", 0, "", "%d predicates; at most %d", n, MaxPredicates)
	}
	if n := len(c.m.GetKinds()); n > MaxKinds {
		c.errorf("kinds", 0, "", "%d kinds; at most %d", n, MaxKinds)
	}
}

// ref reports whether name names a declared predicate or kind.
func (c *checker) ref(name, prefix string, seen map[string]int) bool {
	key, ok := strings.CutPrefix(name, prefix)
	return ok && seen[key] > 0
}

func (c *checker) predicate(i int, p *pb.Predicate) {
	const s = "predicates"
	if strings.TrimSpace(p.GetReading()) == "" {
		c.errorf(s, i, "reading", "%s has no reading", p.GetName())
	}
	if p.GetSymmetric() {
		if r := p.GetInverseReading(); r != "" && r != p.GetReading() {
			c.errorf(s, i, "inverse_reading", "%s is symmetric but its inverse reading %q differs from its reading %q", p.GetName(), r, p.GetReading())
		}
	} else if strings.TrimSpace(p.GetInverseReading()) == "" {
		c.errorf(s, i, "inverse_reading", "%s has no inverse reading (say how it reads from the object, or make it symmetric)", p.GetName())
	}
	if strings.TrimSpace(p.GetDescription()) == "" {
		c.errorf(s, i, "description", "%s has no description", p.GetName())
	}
	for _, b := range p.GetImplies() {
		switch {
		case !c.ref(b, PredicatePrefix, c.preds):
			c.errorf(s, i, "implies", "%s implies %q, which the vocabulary does not declare", p.GetName(), b)
		case b == p.GetName():
			c.errorf(s, i, "implies", "%s implies itself", p.GetName())
		}
	}
	for _, field := range []struct {
		name  string
		types []string
	}{{"subject_types", p.GetSubjectTypes()}, {"object_types", p.GetObjectTypes()}} {
		for _, t := range field.types {
			if t != RelationType && !IsEntityType(t) && !c.ref(t, KindPrefix, c.kinds) {
				c.errorf(s, i, field.name, "%s: %q is neither an entity type (%s), %q nor a declared kind", p.GetName(), t, strings.Join(EntityTypes, ", "), RelationType)
			}
		}
	}
	if (p.GetSentence() == "") != (p.GetInverseSentence() == "") {
		c.errorf(s, i, "sentence", "%s: give both sentence and inverse_sentence, or neither", p.GetName())
	}
	for _, f := range []struct{ name, text string }{{"sentence", p.GetSentence()}, {"inverse_sentence", p.GetInverseSentence()}} {
		if f.text != "" {
			c.placeholders(s, i, f.name, f.text, []string{"{subject}", "{object}"}, "{subject}", "{object}")
		}
	}
	if t := p.GetExtendsThrough(); t != "" && !c.ref(t, PredicatePrefix, c.preds) {
		c.errorf(s, i, "extends_through", "%s extends through %q, which the vocabulary does not declare", p.GetName(), t)
	}
	if p.GetOneHolderPerTitle() && !p.GetRoleIsTitle() {
		c.errorf(s, i, "one_holder_per_title", "%s has one holder per title, but its roles are not titles (role_is_title)", p.GetName())
	}
	lex := p.GetLexicon()
	if len(lex.GetVerbs())+len(lex.GetPhrases())+len(lex.GetNouns()) == 0 {
		c.warnf(s, i, "lexicon", "%s has no verb, phrase or noun in its lexicon: questions cannot say it", p.GetName())
	}
	for _, v := range lex.GetVerbs() {
		c.phrase(i, "lexicon.verbs", v.GetText(), true)
		c.titles(s, i, "lexicon.verbs", v.GetText(), v.GetTitles(), p)
	}
	for _, ph := range lex.GetPhrases() {
		c.phrase(i, "lexicon.phrases", ph.GetText(), false)
	}
	for _, ph := range lex.GetNouns() {
		c.phrase(i, "lexicon.nouns", ph.GetText(), false)
		c.titles(s, i, "lexicon.nouns", ph.GetText(), ph.GetTitles(), p)
	}
	c.words(s, i, "lexicon.event_nouns", lex.GetEventNouns())
	if np := lex.GetNounPhrase(); np != "" {
		c.placeholders(s, i, "lexicon.noun_phrase", np, []string{"{subject}", "{object}"}, "{subject}", "{object}")
	}
	if lex.GetObjectModifier() {
		if len(p.GetSubjectTypes()) == 0 || len(p.GetObjectTypes()) == 0 {
			c.errorf(s, i, "lexicon.object_modifier", "%s: an object modifier needs subject_types and object_types, to tell which nouns and names it joins", p.GetName())
		}
		for j, other := range c.m.GetPredicates()[:i] {
			if other.GetLexicon().GetObjectModifier() && overlap(p.GetSubjectTypes(), other.GetSubjectTypes()) && overlap(p.GetObjectTypes(), other.GetObjectTypes()) {
				c.errorf(s, i, "lexicon.object_modifier", "%s and %s (predicates[%d]) are both object modifiers of the same subject and object types: a modifier would not say which", p.GetName(), other.GetName(), j)
			}
		}
	}
}

// overlap reports whether two type lists share a type.
func overlap(a, b []string) bool {
	return slices.ContainsFunc(a, func(t string) bool { return slices.Contains(b, t) })
}

// phrase checks one lexicon phrase: lowercase words, and for a verb at
// most one "*" gap, not first.
func (c *checker) phrase(i int, field, text string, verb bool) {
	c.words("predicates", i, field, []string{text})
	words := strings.Fields(text)
	gaps := 0
	for k, w := range words {
		if w == "*" {
			gaps++
			if k == 0 || !verb {
				c.errorf("predicates", i, field, "%q: a gap \"*\" stands between a verb's words, for the object", text)
			}
		}
	}
	if gaps > 1 {
		c.errorf("predicates", i, field, "%q has %d gaps; at most one", text, gaps)
	}
}

// titles checks the titles of a verb or relational noun of predicate p:
// only a predicate whose roles are titles has them, each in lowercase
// words.
func (c *checker) titles(section string, i int, field, text string, titles []string, p *pb.Predicate) {
	if len(titles) > 0 && !p.GetRoleIsTitle() {
		c.errorf(section, i, field, "%q has titles, but the roles of %s are not titles (role_is_title)", text, p.GetName())
	}
	c.words(section, i, field+".titles", titles)
}

// words checks that each word or phrase is lowercase, with single spaces.
func (c *checker) words(section string, i int, field string, ws []string) {
	for _, w := range ws {
		if w == "" || w != strings.ToLower(w) || w != strings.Join(strings.Fields(w), " ") {
			c.errorf(section, i, field, "%q: write words in lowercase, separated by single spaces", w)
		}
	}
}

// placeholders checks that text uses only allowed placeholders and all of
// required.
func (c *checker) placeholders(section string, i int, field, text string, allowed []string, required ...string) {
	for _, ph := range placeholder.FindAllString(text, -1) {
		if !slices.Contains(allowed, ph) {
			c.errorf(section, i, field, "%q: unknown placeholder %s (allowed: %s)", text, ph, strings.Join(allowed, ", "))
		}
	}
	for _, ph := range required {
		if !strings.Contains(text, ph) {
			c.errorf(section, i, field, "%q lacks %s", text, ph)
		}
	}
}

// cycles reports a chain of records (implies, broader) that comes back to
// where it started.
func (c *checker) cycles(section string, n int, next func(int) []string, seen map[string]int, prefix, field string) {
	state := make([]int8, n) // 0 unvisited, 1 on the stack, 2 done
	var visit func(i int) bool
	visit = func(i int) bool {
		if state[i] == 1 {
			return true
		}
		if state[i] == 2 {
			return false
		}
		state[i] = 1
		for _, b := range next(i) {
			if j := seen[strings.TrimPrefix(b, prefix)]; strings.HasPrefix(b, prefix) && j > 0 && visit(j-1) {
				state[i] = 2
				c.errorf(section, i, field, "%s goes round in a circle back to itself", field)
				return false
			}
		}
		state[i] = 2
		return false
	}
	for i := range n {
		visit(i)
	}
}

func (c *checker) kind(i int, k *pb.Kind) {
	const s = "kinds"
	if !IsEntityType(k.GetEntityType()) {
		c.errorf(s, i, "entity_type", "%s: entity_type %q is not one of %s", k.GetName(), k.GetEntityType(), strings.Join(EntityTypes, ", "))
	}
	for _, b := range k.GetBroader() {
		j := c.kinds[strings.TrimPrefix(b, KindPrefix)]
		switch {
		case !strings.HasPrefix(b, KindPrefix) || j == 0:
			c.errorf(s, i, "broader", "%s: broader kind %q is not declared", k.GetName(), b)
		case b == k.GetName():
			c.errorf(s, i, "broader", "%s is broader than itself", k.GetName())
		case c.m.GetKinds()[j-1].GetEntityType() != k.GetEntityType():
			c.errorf(s, i, "broader", "%s is a kind of %s, but its broader kind %s is a kind of %s", k.GetName(), k.GetEntityType(), b, c.m.GetKinds()[j-1].GetEntityType())
		}
	}
	c.words(s, i, "nouns", k.GetNouns())
	if len(k.GetNouns()) == 0 {
		c.warnf(s, i, "nouns", "%s has no nouns: questions cannot name it", k.GetName())
	}
}

func (c *checker) synthetic(i int, sp *pb.SyntheticPredicate) {
	const s = "synthetic"
	if !c.ref(sp.GetPredicate(), PredicatePrefix, c.preds) {
		c.errorf(s, i, "predicate", "predicate %q is not declared", sp.GetPredicate())
	}
	if sp.GetWeight() <= 0 || !keyPattern.MatchString(sp.GetIdVerb()) {
		c.errorf(s, i, "weight", "%s: want a positive weight and a kebab-case id_verb, got %v and %q", sp.GetPredicate(), sp.GetWeight(), sp.GetIdVerb())
	}
	for _, side := range []struct {
		name   string
		shares []*pb.PoolShare
	}{{"subject", sp.GetSubject()}, {"object", sp.GetObject()}} {
		sum := 0.0
		for _, ps := range side.shares {
			sum += ps.GetShare()
			if !slices.Contains(Pools, ps.GetPool()) || ps.GetShare() <= 0 {
				c.errorf(s, i, side.name, "%s: pool %q with share %v; want one of %s with a positive share", sp.GetPredicate(), ps.GetPool(), ps.GetShare(), strings.Join(Pools, ", "))
			}
		}
		if math.Abs(sum-1) > 1e-9 {
			c.errorf(s, i, side.name, "%s: %s shares add up to %v, want 1", sp.GetPredicate(), side.name, sum)
		}
	}
	allowed := []string{"{subject}", "{object}", "{year}", "{product}"}
	if len(sp.GetRoles()) > 0 {
		allowed = append(allowed, "{role}")
	}
	fallback, ranked := false, false
	for _, st := range sp.GetSentences() {
		a := allowed
		if st.GetRanked() {
			a, ranked = append(slices.Clone(allowed), "{rank}"), true
		}
		c.placeholders(s, i, "sentences", st.GetText(), a, "{subject}", "{object}")
		if st.GetStatus() != 0 && !slices.Contains(sp.GetStatuses(), st.GetStatus()) {
			c.errorf(s, i, "sentences", "%q is for status %v, which the generator never gives", st.GetText(), st.GetStatus())
		}
		fallback = fallback || (st.GetStatus() == 0 && !st.GetRanked())
	}
	if !fallback {
		c.errorf(s, i, "sentences", "%s: no sentence applies to every relation (one without a status or rank condition)", sp.GetPredicate())
	}
	if ranked != (sp.GetRankChance().GetOutOf() > 0) {
		c.errorf(s, i, "rank_chance", "%s: a ranked sentence (%v) but rank chance %v: want both or neither", sp.GetPredicate(), ranked, sp.GetRankChance())
	}
	if (len(sp.GetRoles()) > 0) != (sp.GetRoleChance().GetOutOf() > 0) || (len(sp.GetStatuses()) > 0) != (sp.GetStatusChance().GetOutOf() > 0) {
		c.errorf(s, i, "roles", "%s: give roles with a role chance and statuses with a status chance", sp.GetPredicate())
	}
	if (sp.GetTimeChance().GetOutOf() > 0) != (sp.GetTimeForm() != 0) {
		c.errorf(s, i, "time_chance", "%s: give time_chance and time_form together", sp.GetPredicate())
	}
}
