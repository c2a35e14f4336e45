package vocab

import (
	"math"
	"regexp"
	"slices"
	"strings"
	"testing"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
)

// TestRecordsComplete checks that every predicate of the enum has exactly
// one record and that every record says everything the service and the
// generator read from it, so that a new predicate cannot be half added.
func TestRecordsComplete(t *testing.T) {
	t.Parallel()
	values := pb.Predicate(0).Descriptor().Values()
	seen := map[pb.Predicate]int{}
	for _, rec := range InDrawOrder() {
		seen[rec.ID]++
	}
	for i := 0; i < values.Len(); i++ {
		p := pb.Predicate(values.Get(i).Number())
		if p == pb.Predicate_PREDICATE_UNSPECIFIED {
			if _, ok := Lookup(p); ok || seen[p] > 0 {
				t.Errorf("%v has a record, want none", p)
			}
			continue
		}
		if seen[p] != 1 {
			t.Errorf("%v has %d records, want 1", p, seen[p])
		}
	}
	if got, want := len(All()), values.Len()-1; got != want {
		t.Errorf("len(All()) = %d, want %d (one per predicate)", got, want)
	}
	if !slices.IsSortedFunc(All(), func(a, b *Predicate) int { return int(a.ID - b.ID) }) {
		t.Error("All() is not in enum order")
	}
	for _, rec := range All() {
		t.Run(rec.Name(), func(t *testing.T) {
			t.Parallel()
			checkRecord(t, rec)
		})
	}
}

var (
	placeholder = regexp.MustCompile(`\{[a-z]*\}`)
	kebab       = regexp.MustCompile(`^[a-z]+(-[a-z]+)*$`)
	pools       = []string{PoolCompany, PoolOrganization, PoolCountry, PoolBloc, PoolPerson, PoolPlace, PoolTopic, PoolRelation}
)

// checkPlaceholders checks that text uses only allowed placeholders and all
// of required.
func checkPlaceholders(t *testing.T, what, text string, allowed []string, required ...string) {
	t.Helper()
	for _, ph := range placeholder.FindAllString(text, -1) {
		if !slices.Contains(allowed, ph) {
			t.Errorf("%s %q: placeholder %s not allowed here (want one of %v)", what, text, ph, allowed)
		}
	}
	for _, ph := range required {
		if !strings.Contains(text, ph) {
			t.Errorf("%s %q lacks %s", what, text, ph)
		}
	}
}

func checkRecord(t *testing.T, rec *Predicate) {
	if rec.Reading == "" || rec.Inverse == "" || rec.Description == "" {
		t.Errorf("reading %q, inverse %q, description %q: want all three", rec.Reading, rec.Inverse, rec.Description)
	}
	if rec.Symmetric && rec.Inverse != rec.Reading {
		t.Errorf("symmetric but reads %q / %q", rec.Reading, rec.Inverse)
	}
	if (rec.Template == "") != (rec.InverseTemplate == "") {
		t.Errorf("template %q and inverse template %q: want both or neither", rec.Template, rec.InverseTemplate)
	}
	for _, tmpl := range []string{rec.Template, rec.InverseTemplate} {
		if tmpl != "" {
			checkPlaceholders(t, "template", tmpl, []string{"{subject}", "{object}"}, "{subject}", "{object}")
		}
	}
	for _, broader := range rec.Implies {
		if _, ok := Lookup(broader); !ok || broader == rec.ID {
			t.Errorf("implies %v, which is not another predicate of the vocabulary", broader)
		}
	}
	lex := rec.Lexicon
	if len(lex.Verbs)+len(lex.Fixed)+len(lex.Nouns)+len(lex.PassiveNouns) == 0 {
		t.Error("the lexicon has no verb, fixed phrase or noun: questions cannot say it")
	}
	for _, w := range slices.Concat(lex.Verbs, lex.Fixed, lex.Nouns, lex.PassiveNouns, lex.EventNouns) {
		if w != strings.ToLower(w) || w != strings.Join(strings.Fields(w), " ") {
			t.Errorf("lexicon entry %q: want lowercase words separated by single spaces", w)
		}
	}
	if lex.NounPhrase != "" {
		checkPlaceholders(t, "noun phrase", lex.NounPhrase, []string{"{subject}", "{object}"}, "{subject}", "{object}")
	}

	syn := rec.Synthetic
	if syn.Weight <= 0 || !kebab.MatchString(syn.IDVerb) {
		t.Errorf("synthetic weight %v, id verb %q: want a positive weight and a kebab-case verb", syn.Weight, syn.IDVerb)
	}
	for side, shares := range map[string][]PoolShare{"subject": syn.Subject, "object": syn.Object} {
		sum := 0.0
		for _, s := range shares {
			sum += s.Share
			if !slices.Contains(pools, s.Pool) {
				t.Errorf("synthetic %s pool %q is not one of %v", side, s.Pool, pools)
			}
		}
		if math.Abs(sum-1) > 1e-9 {
			t.Errorf("synthetic %s shares add up to %v, want 1", side, sum)
		}
	}
	q := syn.Qualifiers
	allowed := []string{"{subject}", "{object}", "{year}", "{product}"}
	if len(q.Roles) > 0 {
		allowed = append(allowed, "{role}")
	}
	fallback, ranked := false, false
	for _, s := range syn.Sentences {
		a := allowed
		if s.Ranked {
			a, ranked = append(slices.Clone(allowed), "{rank}"), true
		}
		checkPlaceholders(t, "sentence", s.Text, a, "{subject}", "{object}")
		if s.Status != 0 && !slices.Contains(q.Statuses, s.Status) {
			t.Errorf("sentence %q is for status %v, which the generator never gives", s.Text, s.Status)
		}
		fallback = fallback || (s.Status == 0 && !s.Ranked)
	}
	if !fallback {
		t.Error("no synthetic sentence applies to every relation (one without a status or rank condition)")
	}
	if ranked != (q.RankChance.Of > 0) {
		t.Errorf("a ranked sentence (%v) but rank chance %+v: want both or neither", ranked, q.RankChance)
	}
	if (len(q.Roles) > 0) != (q.RoleChance.Of > 0) || (len(q.Statuses) > 0) != (q.StatusChance.Of > 0) {
		t.Errorf("roles %v with chance %+v, statuses %v with chance %+v: want values and a chance together", q.Roles, q.RoleChance, q.Statuses, q.StatusChance)
	}
	if (q.TimeChance.Of > 0) != (q.TimeForm != 0) {
		t.Errorf("time chance %+v with form %v: want both or neither", q.TimeChance, q.TimeForm)
	}
	if rec.TitleRole && len(q.Roles) == 0 {
		t.Error("its role qualifier is a title, but the generator gives no roles")
	}
}

func TestSentences(t *testing.T) {
	t.Parallel()
	acq, _ := Lookup(pb.Predicate_PREDICATE_ACQUIRES)
	if got, want := acq.Sentence("Western Digital", "Kioxia"), "Western Digital acquires Kioxia"; got != want {
		t.Errorf("Sentence = %q, want %q", got, want)
	}
	if got, want := acq.InverseSentence("Western Digital", "Kioxia"), "Kioxia is acquired by Western Digital"; got != want {
		t.Errorf("InverseSentence = %q, want %q", got, want)
	}
	reg, _ := Lookup(pb.Predicate_PREDICATE_REGARDS_AS_STRATEGIC)
	if got, want := reg.Sentence("Japan", "Kioxia"), "Japan regards Kioxia as strategic"; got != want {
		t.Errorf("Sentence = %q, want %q", got, want)
	}
	if got, want := reg.InverseSentence("Japan", "{object}"), "{object} is regarded as strategic by Japan"; got != want {
		t.Errorf("InverseSentence = %q, want %q (a name is never read as a placeholder)", got, want)
	}
	partner, _ := Lookup(pb.Predicate_PREDICATE_PARTNERS_WITH)
	if got, want := partner.InverseSentence("Samsung", "Sony"), "Sony partners with Samsung"; got != want {
		t.Errorf("InverseSentence = %q, want %q", got, want)
	}
}

func TestInfoInEnumOrder(t *testing.T) {
	t.Parallel()
	info := Info()
	for i, in := range info {
		if in.GetPredicate() != pb.Predicate(i+1) {
			t.Fatalf("Info()[%d] is %v, want %v: one per predicate, in enum order", i, in.GetPredicate(), pb.Predicate(i+1))
		}
	}
	info[0].Implies = append(info[0].Implies, pb.Predicate_PREDICATE_LEADS)
	if rec, _ := Lookup(info[0].GetPredicate()); len(rec.Implies) != 0 {
		t.Error("changing Info's messages changed the vocabulary")
	}
}

func TestFixedHeads(t *testing.T) {
	t.Parallel()
	for _, w := range []string{"based", "allied", "opposed", "headquartered", "located"} {
		if !IsFixedHead(w) {
			t.Errorf("IsFixedHead(%q) = false, want true", w)
		}
	}
	if IsFixedHead("acquired") {
		t.Error("IsFixedHead(acquired) = true, want false")
	}
}
