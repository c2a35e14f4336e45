package vocab

import (
	"slices"
	"strings"
	"testing"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
)

func TestPhrases(t *testing.T) {
	t.Parallel()
	tests := []struct {
		words   string
		want    pb.Predicate
		passive bool
		noun    bool
	}{
		{"coordinated against", pb.Predicate_PREDICATE_COORDINATES_AGAINST, false, false},
		{"coordinates against", pb.Predicate_PREDICATE_COORDINATES_AGAINST, false, false},
		{"acquired", pb.Predicate_PREDICATE_ACQUIRES, false, false},
		{"acquired by", pb.Predicate_PREDICATE_ACQUIRES, true, false},
		{"bought", pb.Predicate_PREDICATE_ACQUIRES, false, false},
		{"bidding for", pb.Predicate_PREDICATE_ACQUIRES, false, false},
		{"led by", pb.Predicate_PREDICATE_LEADS, true, false},
		{"opposed", pb.Predicate_PREDICATE_OPPOSES, false, false},
		{"blocked", pb.Predicate_PREDICATE_OPPOSES, false, false},
		{"chairman of", pb.Predicate_PREDICATE_LEADS, false, true},
		{"members of", pb.Predicate_PREDICATE_MEMBER_OF, false, true},
		{"supplies", pb.Predicate_PREDICATE_SUPPLIES, false, false},
		{"allied with", pb.Predicate_PREDICATE_ALLIES_WITH, false, false},
		{"home to", pb.Predicate_PREDICATE_BASED_IN, true, true},
		{"ran a trade deficit with", pb.Predicate_PREDICATE_RUNS_TRADE_DEFICIT_WITH, false, false},
		{"viewed * as a critical national asset", pb.Predicate_PREDICATE_REGARDS_AS_STRATEGIC, false, false},
	}
	for _, tt := range tests {
		words := strings.Fields(tt.words)
		var got []Phrase
		for _, p := range Phrases() {
			if slices.Equal(p.Words, words) {
				got = append(got, p)
			}
		}
		found := false
		for _, p := range got {
			found = found || (p.Predicate == tt.want && p.Passive == tt.passive && p.Noun == tt.noun)
		}
		if !found {
			t.Errorf("phrase %q = %+v, want %v passive=%v noun=%v", tt.words, got, tt.want, tt.passive, tt.noun)
		}
	}
	ps := Phrases()
	for i := 1; i < len(ps); i++ {
		if len(ps[i].Words) > len(ps[i-1].Words) {
			t.Fatalf("phrases not longest first at %d", i)
		}
	}
}

func TestLexiconCoversVocabulary(t *testing.T) {
	t.Parallel()
	covered := map[pb.Predicate]bool{}
	for _, p := range Phrases() {
		covered[p.Predicate] = true
	}
	for _, e := range All() {
		if !covered[e.ID] {
			t.Errorf("%v has no phrase in the lexicon", e.ID)
		}
	}
}

func TestEventNoun(t *testing.T) {
	t.Parallel()
	for word, want := range map[string]pb.Predicate{
		"acquisition": pb.Predicate_PREDICATE_ACQUIRES, "acquisitions": pb.Predicate_PREDICATE_ACQUIRES,
		"alliances": pb.Predicate_PREDICATE_ALLIES_WITH, "trade deals": pb.Predicate_PREDICATE_TRADE_DEAL_WITH,
	} {
		got, ok := EventNoun(word)
		if !ok || !slices.Contains(got, want) {
			t.Errorf("EventNoun(%q) = %v, %v; want %v", word, got, ok, want)
		}
	}
	if _, ok := EventNoun("banana"); ok {
		t.Error("EventNoun(banana) found something")
	}
}

func TestPhraseFor(t *testing.T) {
	t.Parallel()
	p, ok := PhraseFor("Coordinated_Against")
	if !ok || p.Predicate != pb.Predicate_PREDICATE_COORDINATES_AGAINST {
		t.Errorf("PhraseFor(Coordinated_Against) = %+v, %v", p, ok)
	}
}
