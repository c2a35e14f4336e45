package vocab_test

import (
	"slices"
	"strings"
	"testing"

	"google.golang.org/protobuf/encoding/prototext"
	"google.golang.org/protobuf/proto"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/seeds"
	"github.com/entitygraph/entitygraph/server/vocab"
)

func seedMessage(t *testing.T) *pb.Vocabulary {
	t.Helper()
	raw, err := seeds.FS.ReadFile("seed.vocab.txtpb")
	if err != nil {
		t.Fatal(err)
	}
	m := &pb.Vocabulary{}
	if err := prototext.Unmarshal(raw, m); err != nil {
		t.Fatal(err)
	}
	return m
}

func seedVocabulary(t *testing.T) *vocab.Vocabulary {
	t.Helper()
	v, err := vocab.New(seedMessage(t))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestSeedVocabulary checks that the seed's vocabulary has no problem, not
// even a warning, and says everything the service and the generator read.
func TestSeedVocabulary(t *testing.T) {
	t.Parallel()
	m := seedMessage(t)
	if ps := vocab.Check(m); len(ps) > 0 {
		t.Fatalf("the seed vocabulary has problems: %v", ps)
	}
	v := seedVocabulary(t)
	if v.Len() != 32 || len(v.Kinds()) != 9 || len(v.Synthetic()) != 23 {
		t.Errorf("%d predicates, %d kinds, %d synthetic: want 32, 9, 23 (the generator draws the first 23 only)", v.Len(), len(v.Kinds()), len(v.Synthetic()))
	}
	if !slices.IsSortedFunc(v.Predicates(), func(a, b *vocab.Predicate) int { return strings.Compare(a.Name, b.Name) }) {
		t.Error("predicates are not in name order")
	}
	for _, p := range v.Predicates() {
		if len(v.Predicate(p.ID).Name) == 0 || p.Reading == "" || p.Inverse == "" {
			t.Errorf("%s: reading %q inverse %q", p.Name, p.Reading, p.Inverse)
		}
	}
	covered := map[vocab.ID]bool{}
	for _, ph := range v.Phrases() {
		covered[ph.Predicate] = true
	}
	for _, p := range v.Predicates() {
		if !covered[p.ID] {
			t.Errorf("%s has no phrase", p.Name)
		}
	}
	// What the vocabulary says English leaves unsaid reaches the predicates.
	if p, ok := v.Lookup("predicates/proposes"); !ok || !p.PointInTime {
		t.Error("proposes is not a point in time")
	}
	if p, ok := v.Lookup("predicates/leads"); !ok || p.PointInTime || !p.OneHolderPerTitle {
		t.Error("leads: want one holder per title, not a point in time")
	}
	if p, ok := v.Lookup("predicates/leads"); !ok || p.ExtendsThrough != vocab.NoExtension {
		t.Error("leads extends through another predicate")
	}
}

func TestLookup(t *testing.T) {
	t.Parallel()
	v := seedVocabulary(t)
	for _, name := range []string{"predicates/coordinates-against", "coordinates-against", "COORDINATES_AGAINST", "Coordinates_Against"} {
		if p, ok := v.Lookup(name); !ok || p.Key != "coordinates-against" {
			t.Errorf("Lookup(%q) = %v, %v", name, p, ok)
		}
	}
	if _, ok := v.Lookup("predicates/frobnicates"); ok {
		t.Error("Lookup found an undeclared predicate")
	}
	opposes, _ := v.Lookup("opposes")
	coord, _ := v.Lookup("coordinates-against")
	if got := v.ImpliedBy(opposes.ID); !slices.Equal(got, []vocab.ID{coord.ID}) {
		t.Errorf("ImpliedBy(opposes) = %v, want [%d]", got, coord.ID)
	}
	company, _ := v.LookupKind("kinds/company")
	group, _ := v.LookupKind("business-group")
	if got := v.Narrower(company.ID); !slices.Equal(got, []vocab.KindID{group.ID, company.ID}) && !slices.Equal(got, []vocab.KindID{company.ID, group.ID}) {
		t.Errorf("Narrower(company) = %v, want company and business group", got)
	}
}

func TestPhrases(t *testing.T) {
	t.Parallel()
	v := seedVocabulary(t)
	tests := []struct {
		words, want   string
		passive, noun bool
	}{
		{"coordinated against", "coordinates-against", false, false},
		{"acquired", "acquires", false, false},
		{"acquired by", "acquires", true, false},
		{"bought", "acquires", false, false},
		{"bidding for", "acquires", false, false},
		{"led by", "leads", true, false},
		{"chairman of", "leads", false, true},
		{"members of", "member-of", false, true},
		{"bosses of", "leads", false, true},
		{"allied with", "allies-with", false, false},
		{"home to", "based-in", true, true},
		{"ran a trade deficit with", "runs-trade-deficit-with", false, false},
		{"viewed * as a critical national asset", "regards-as-strategic", false, false},
	}
	for _, tt := range tests {
		words := strings.Fields(tt.words)
		found := false
		for _, p := range v.Phrases() {
			if slices.Equal(p.Words, words) {
				found = found || (v.Predicate(p.Predicate).Key == tt.want && p.Passive == tt.passive && p.Noun == tt.noun)
			}
		}
		if !found {
			t.Errorf("no phrase %q for %s passive=%v noun=%v", tt.words, tt.want, tt.passive, tt.noun)
		}
	}
	ps := v.Phrases()
	for i := 1; i < len(ps); i++ {
		if len(ps[i].Words) > len(ps[i-1].Words) {
			t.Fatalf("phrases not longest first at %d", i)
		}
	}
	if p, ok := v.PhraseFor("Coordinated_Against"); !ok || v.Predicate(p.Predicate).Key != "coordinates-against" {
		t.Errorf("PhraseFor(Coordinated_Against) = %+v, %v", p, ok)
	}
	if !v.IsFixedHead("based") || v.IsFixedHead("acquired") {
		t.Error("IsFixedHead: want based and not acquired")
	}
}

func TestWords(t *testing.T) {
	t.Parallel()
	v := seedVocabulary(t)
	acq, _ := v.Lookup("acquires")
	if ps, ok := v.EventNoun("acquisitions"); !ok || !slices.Contains(ps, acq.ID) || v.SingularEventNoun("acquisitions") != "acquisition" {
		t.Errorf("EventNoun(acquisitions) = %v, %v", ps, ok)
	}
	company, _ := v.LookupKind("company")
	if n, ok := v.Noun("firms"); !ok || n.Singular != "firm" || !slices.Equal(n.Kinds, []vocab.KindID{company.ID}) {
		t.Errorf("Noun(firms) = %+v, %v; want the kind company", n, ok)
	}
	if n, ok := v.Noun("people"); !ok || n.Type != "person" {
		t.Errorf("Noun(people) = %+v, %v", n, ok)
	}
	if s, ok := v.Status("fell through"); !ok || s != pb.RelationStatus_RELATION_STATUS_FAILED {
		t.Errorf("Status(fell through) = %v, %v", s, ok)
	}
	if s, ok := v.Status("dropped"); !ok || s != pb.RelationStatus_RELATION_STATUS_WITHDRAWN {
		t.Errorf("Status(dropped) = %v, %v", s, ok)
	}
}

func TestSentences(t *testing.T) {
	t.Parallel()
	v := seedVocabulary(t)
	acq, _ := v.Lookup("acquires")
	if got, want := acq.Sentence("Western Digital", "Kioxia"), "Western Digital acquires Kioxia"; got != want {
		t.Errorf("Sentence = %q, want %q", got, want)
	}
	if got, want := acq.InverseSentence("Western Digital", "Kioxia"), "Kioxia is acquired by Western Digital"; got != want {
		t.Errorf("InverseSentence = %q, want %q", got, want)
	}
	reg, _ := v.Lookup("regards-as-strategic")
	if got, want := reg.Sentence("Japan", "Kioxia"), "Japan regards Kioxia as strategic"; got != want {
		t.Errorf("Sentence = %q, want %q", got, want)
	}
	if got, want := reg.InverseSentence("Japan", "{object}"), "{object} is regarded as strategic by Japan"; got != want {
		t.Errorf("InverseSentence = %q, want %q (a name is never read as a placeholder)", got, want)
	}
	partner, _ := v.Lookup("partners-with")
	if got, want := partner.InverseSentence("Samsung", "Sony"), "Sony partners with Samsung"; got != want {
		t.Errorf("InverseSentence = %q, want %q", got, want)
	}
}

// TestDigest checks that the digest depends on the content, not on the
// order records are written in.
func TestDigest(t *testing.T) {
	t.Parallel()
	m := seedMessage(t)
	a := seedVocabulary(t)
	slices.Reverse(m.Predicates)
	slices.Reverse(m.Kinds)
	b, err := vocab.New(m)
	if err != nil {
		t.Fatal(err)
	}
	if a.Digest() != b.Digest() {
		t.Errorf("digests %s and %s of the same vocabulary in another order", a.Digest(), b.Digest())
	}
	m.Predicates[0].Description = "changed"
	c, _ := vocab.New(m)
	if c.Digest() == a.Digest() {
		t.Error("a changed vocabulary has the same digest")
	}
}

// TestCheck checks that every kind of mistake is found, in the record it
// is in.
func TestCheck(t *testing.T) {
	t.Parallel()
	base := func() *pb.Vocabulary {
		return &pb.Vocabulary{
			Predicates: []*pb.Predicate{
				{Name: "predicates/invests-in", Reading: "invests in", InverseReading: "is backed by", Description: "d",
					Lexicon: &pb.Lexicon{Verbs: []*pb.Verb{{Text: "invest in"}}}},
				{Name: "predicates/sues", Reading: "sues", InverseReading: "is sued by", Description: "d",
					Lexicon: &pb.Lexicon{Verbs: []*pb.Verb{{Text: "sue"}}}},
			},
			Kinds: []*pb.Kind{{Name: "kinds/fund", EntityType: "organization", Nouns: []string{"fund"}}},
		}
	}
	if ps := vocab.Check(base()); len(ps) > 0 {
		t.Fatalf("a good vocabulary has problems: %v", ps)
	}
	tests := []struct {
		name    string
		change  func(m *pb.Vocabulary)
		section string
		index   int
		want    string
		warning bool
	}{
		{"bad name", func(m *pb.Vocabulary) { m.Predicates[1].Name = "predicates/Sues" }, "predicates", 1, "lowercase letters", false},
		{"duplicate", func(m *pb.Vocabulary) { m.Predicates[1].Name = "predicates/invests-in" }, "predicates", 1, "declared twice", false},
		{"no inverse", func(m *pb.Vocabulary) { m.Predicates[1].InverseReading = "" }, "predicates", 1, "no inverse reading", false},
		{"unknown implies", func(m *pb.Vocabulary) { m.Predicates[0].Implies = []string{"predicates/funds"} }, "predicates", 0, `"predicates/funds"`, false},
		{"implies cycle", func(m *pb.Vocabulary) {
			m.Predicates[0].Implies = []string{"predicates/sues"}
			m.Predicates[1].Implies = []string{"predicates/invests-in"}
		}, "predicates", 1, "circle", false},
		{"unknown type", func(m *pb.Vocabulary) { m.Predicates[0].ObjectTypes = []string{"startup"} }, "predicates", 0, `"startup"`, false},
		{"kind as type", func(m *pb.Vocabulary) { m.Predicates[0].SubjectTypes = []string{"kinds/fund", "organization"} }, "", 0, "", false},
		{"placeholder", func(m *pb.Vocabulary) {
			m.Predicates[0].Sentence, m.Predicates[0].InverseSentence = "{subject} invests in {objet}", "{object} is backed by {subject}"
		}, "predicates", 0, "{objet}", false},
		{"capitals", func(m *pb.Vocabulary) { m.Predicates[1].Lexicon.Verbs[0].Text = "Sue" }, "predicates", 1, "lowercase", false},
		{"no lexicon", func(m *pb.Vocabulary) { m.Predicates[1].Lexicon = nil }, "predicates", 1, "questions cannot say it", true},
		{"kind type", func(m *pb.Vocabulary) { m.Kinds[0].EntityType = "fund" }, "kinds", 0, `entity_type "fund"`, false},
		{"modifier without types", func(m *pb.Vocabulary) { m.Predicates[0].Lexicon.ObjectModifier = true }, "predicates", 0, "needs subject_types and object_types", false},
		{"holder without titles", func(m *pb.Vocabulary) { m.Predicates[0].OneHolderPerTitle = true }, "predicates", 0, "roles are not titles", false},
		{"extends through nothing", func(m *pb.Vocabulary) { m.Predicates[0].ExtendsThrough = "predicates/lies-in" }, "predicates", 0, `extends through "predicates/lies-in"`, false},
		{"two modifiers", func(m *pb.Vocabulary) {
			for _, p := range m.Predicates {
				p.Lexicon.ObjectModifier, p.SubjectTypes, p.ObjectTypes = true, []string{"organization"}, []string{"place", "organization"}
			}
			m.Predicates[1].ObjectTypes = []string{"organization"}
		}, "predicates", 1, "both object modifiers", false},
		{"modifiers apart", func(m *pb.Vocabulary) {
			for _, p := range m.Predicates {
				p.Lexicon.ObjectModifier, p.SubjectTypes, p.ObjectTypes = true, []string{"organization"}, []string{"place"}
			}
			m.Predicates[1].SubjectTypes = []string{"person"}
		}, "", 0, "", false},
		{"broader type", func(m *pb.Vocabulary) {
			m.Kinds = append(m.Kinds, &pb.Kind{Name: "kinds/city", EntityType: "place", Nouns: []string{"city"}, Broader: []string{"kinds/fund"}})
		}, "kinds", 1, "a kind of place", false},
		{"synthetic", func(m *pb.Vocabulary) {
			m.Synthetic = []*pb.SyntheticPredicate{{Predicate: "predicates/sues", Weight: 1, IdVerb: "sues",
				Subject: []*pb.PoolShare{{Pool: "company", Share: 0.5}}, Object: []*pb.PoolShare{{Pool: "company", Share: 1}},
				Sentences: []*pb.SyntheticSentence{{Text: "{subject} sued {object}."}}}}
		}, "synthetic", 0, "add up to 0.5", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			m := base()
			tt.change(m)
			ps := vocab.Check(m)
			if tt.want == "" {
				if len(ps) > 0 {
					t.Fatalf("problems %v, want none", ps)
				}
				return
			}
			found := false
			for _, p := range ps {
				found = found || (p.Section == tt.section && p.Index == tt.index && strings.Contains(p.Msg, tt.want) && p.Warning == tt.warning)
			}
			if !found {
				t.Errorf("problems %v, want %s[%d] %q (warning %v)", ps, tt.section, tt.index, tt.want, tt.warning)
			}
			if _, err := vocab.New(proto.CloneOf(m)); (err == nil) != tt.warning {
				t.Errorf("New error = %v; a warning (%v) must not stop it, an error must", err, tt.warning)
			}
		})
	}
}
