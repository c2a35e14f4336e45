package linking_test

import (
	"slices"
	"strings"
	"testing"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/server/index"
	"github.com/entitygraph/entitygraph/server/linking"
	"github.com/entitygraph/entitygraph/server/seedtest"
)

// describe renders the mentions of text as "text=entity" for a linked
// mention, "text=a|b" for an ambiguous one and "text?type/kind" for an
// unknown name.
func describe(ix *index.Index, text string, ms []linking.Mention) []string {
	var out []string
	for _, m := range ms {
		s := text[m.Start:m.End]
		switch m.Status {
		case linking.Unknown:
			s += "?" + m.GuessedType
			if m.GuessedKind != "" {
				s += "/" + strings.TrimPrefix(m.GuessedKind, "kinds/")
			}
		default:
			var names []string
			for _, c := range m.Candidates {
				names = append(names, ix.NodeName(c.Node))
			}
			s += "=" + strings.Join(names, "|")
		}
		out = append(out, s)
	}
	return out
}

func TestLinkKnownNames(t *testing.T) {
	t.Parallel()
	ix := seedtest.HarborWind(t)
	tests := []struct {
		text string
		want []string
	}{
		// Display names, aliases, possessives; the longest name wins.
		{"Kittiwake Offshore Wind's permit: Kittiwake and NMEC agreed.", []string{
			"Kittiwake Offshore Wind=organizations/kittiwake-offshore-wind", "Kittiwake=organizations/kittiwake-offshore-wind",
			"NMEC=organizations/northeast-marine-energy-commission"}},
		// A name with capitals is no mention in lower case, and an acronym
		// must be in capitals.
		{"They told us the uk plan would do.", nil},
		{"The UK approved it.", []string{"UK=organizations/united-kingdom"}},
		// A misspelling within the edits, and a surname after the full name.
		{"Kioxa’s Priya Raman and Marisol Okafor run Kittiwak Ofshore Wind; Okafor said so.", []string{
			"Kioxa?", "Priya Raman?person",
			"Marisol Okafor=people/marisol-okafor", "Kittiwak Ofshore Wind=organizations/kittiwake-offshore-wind", "Okafor=people/marisol-okafor"}},
		// A known name at the start of a longer organization's name is not
		// that entity: Boston is not Boston University.
		{"Boston University studied Boston.", []string{"Boston University?organization/university", "Boston=places/boston"}},
		// A common noun after a name is not part of it, even where an alias
		// has it; a word the name capitalizes must be capitalized.
		{"The Gannet Bank wind farm needs Norvane turbines.", []string{"Gannet Bank=places/gannet-bank", "Norvane=organizations/norvane-turbines"}},
		// "City, State" is the city and the state.
		{"Halcyon Rotor Systems, the Portland, Maine, company.", []string{
			"Halcyon Rotor Systems=organizations/halcyon-rotor-systems", "Portland=places/portland-maine", "Maine=organizations/maine"}},
		// Two words of one name the text gives in full are one mention.
		{"Halcyon Rotor Systems grew. Halcyon Rotor hired.", []string{
			"Halcyon Rotor Systems=organizations/halcyon-rotor-systems", "Halcyon Rotor=organizations/halcyon-rotor-systems"}},
		// A topic's name is a common noun, in lower case.
		{"It funds blade recycling.", []string{"blade recycling=topics/blade-recycling"}},
		// A name's first words, the last cut short to four letters or more.
		{"It works with Southcoast Tech and Halcyon Rot.", []string{
			"Southcoast Tech=organizations/southcoast-technological-university", "Halcyon=organizations/halcyon-rotor-systems", "Rot?"}},
		// Another name WordNet gives a known place: the Bay State is
		// Massachusetts; "MA" in capitals is an alias the graph has.
		{"Officials said the Bay State's support grew.", []string{"Bay State=organizations/massachusetts"}},
	}
	for _, tt := range tests {
		got := describe(ix, tt.text, linking.Link(ix, tt.text, linking.Options{}))
		if !slices.Equal(got, tt.want) {
			t.Errorf("Link(%q) =\n  %q\nwant\n  %q", tt.text, got, tt.want)
		}
	}
}

func TestLinkUnknownNames(t *testing.T) {
	t.Parallel()
	ix := seedtest.HarborWind(t)
	tests := []struct {
		text string
		want []string
	}{
		{"Tidewater Cable Co. said it hired Chief Operating Officer Priya Raman from Vattenfall.", []string{
			"Tidewater Cable Co.?organization/company", "Priya Raman?person", "Vattenfall?"}},
		{"Corvid Subsea Cables, a Norwegian cable maker, will supply the Nordhavn Array, a wind farm.", []string{
			"Corvid Subsea Cables=organizations/corvid-subsea-cables", "Norwegian?organization/country", "Nordhavn Array?place/wind-farm"}},
		{"Professor Lars Eklund of Aarhus University said the design was sound, said Jonas Berg in Providence.", []string{
			"Lars Eklund?person", "Aarhus University?organization/university", "Jonas Berg?person", "Providence?place/city"}},
		{"The Atlantic Coast Pension Fund invested. Mr. Hollis declined to comment.", []string{
			"Atlantic Coast Pension Fund?organization/pension-fund", "Hollis?person"}},
		// Capitals that name nothing: a sentence's first word, an
		// adjective, months and days, a quotation's first word. A
		// capitalized connector alone is no name (and the scan goes on).
		// A country's adjective names the country, which the graph does
		// not know ("Norwegian": Norway).
		{"He read The and Of, then For.", nil},
		{"Analysts expect Norwegian buyers in March. “We’re pleased,” one said on Monday.", []string{"Norwegian?organization/country"}},
		{"Analysts expect Atlantic buyers in March.", nil},
		// Places WordNet names, of the vocabulary's kind for the class: a
		// US state, a town, and an island whose name has a possessive.
		{"It has a plant in Paulsboro, New Jersey, and a site near New London.", []string{
			"Paulsboro?place", "New Jersey?organization/us-state", "New London?place/city"}},
		{"The farm lies south of Martha's Vineyard.", []string{"Martha's Vineyard?place/island"}},
		// A kind's noun before the name, after a determiner.
		{"The pension fund Zeeland Pensioen invested. It met the Dutch pension fund Noord Pensioen.", []string{
			"Zeeland Pensioen?organization/pension-fund", "Dutch?organization/country", "Noord Pensioen?organization/pension-fund"}},
		// A place's name at a sentence's start, WordNet's first sense of
		// the word; its last word is no head noun ("Island").
		{"Title\n\nPROVIDENCE, Rhode Island -- It grew.", []string{"PROVIDENCE?place/city", "Rhode Island?organization/us-state"}},
		// A coined lowercase word after a capitalized one is part of the
		// name ("NMEC" is not linked inside "NMEC hynor"); a
		// compound of English words ("cablemaker") is not.
		{"Analysts said NMEC hynor agreed, as the Kittiwake cablemaker did.", []string{
			"NMEC hynor?", "Kittiwake=organizations/kittiwake-offshore-wind"}},
		// "and" between two names the text gives one of on its own is
		// two names; inside one ("Commerce and Industry") it is not.
		{"Analysts said Tidewater Cable Co. grew. Vattenfall Wind and Tidewater Cable Co. formed a venture with the Atlantic Chamber of Commerce and Industry.", []string{
			"Tidewater Cable Co.?organization/company", "Vattenfall Wind?", "Tidewater Cable Co.?organization/company", "Atlantic Chamber of Commerce and Industry?"}},
		// A noun of a kind right after the name, after a determiner;
		// a possessor after "in" is no place.
		{"Investors bought into the Petrel Ridge project and into Fulmar Offshore Wind's farm.", []string{
			"Petrel Ridge?place/wind-farm", "Fulmar Offshore Wind?"}},
		// One institution word, "of" and a known place are one name;
		// a name of several words, "of" and a place are two.
		{"Analysts at the Bank of Denmark said Kittiwake of Boston grew.", []string{
			"Bank of Denmark?organization", "Kittiwake=organizations/kittiwake-offshore-wind", "Boston=places/boston"}},
		// A headline in title case: only words English does not know.
		{"Vattenfall Wins Big Contract as Kittiwake Expands\nThe body.", []string{
			"Vattenfall?", "Kittiwake=organizations/kittiwake-offshore-wind"}},
	}
	for _, tt := range tests {
		got := describe(ix, tt.text, linking.Link(ix, tt.text, linking.Options{}))
		if !slices.Equal(got, tt.want) {
			t.Errorf("Link(%q) =\n  %q\nwant\n  %q", tt.text, got, tt.want)
		}
	}
}

// TestLinkAmbiguous links a name two entities share: ambiguous, unless
// the text names one of them unambiguously elsewhere.
// TestLinkDemonym checks the adjective of a country the graph does not
// know: an unknown name whose guessed name is the country's.
func TestLinkDemonym(t *testing.T) {
	t.Parallel()
	ix := seedtest.HarborWind(t)
	ms := linking.Link(ix, "It raised money from a Canadian retirement fund.", linking.Options{})
	if len(ms) != 1 || ms[0].Status != linking.Unknown || ms[0].GuessedName != "Canada" || ms[0].GuessedKind != "kinds/country" {
		t.Fatalf("Link = %+v, want Canadian as the unknown country Canada", ms)
	}
	if ms := linking.Link(ix, "It raised money from a Canadian retirement fund.", linking.Options{KnownOnly: true}); len(ms) != 0 {
		t.Errorf("KnownOnly: %+v, want none", ms)
	}
	// A known place by WordNet's other name: a candidate that says so.
	ms = linking.Link(ix, "Officials said the Bay State's support grew.", linking.Options{})
	if len(ms) != 1 || ms[0].Candidates[0].Match != linking.PlaceName || ms[0].Candidates[0].Matched.Text != "Massachusetts" {
		t.Errorf("Link = %+v, want the Bay State matched by the place name Massachusetts", ms)
	}
}

func TestLinkAmbiguous(t *testing.T) {
	t.Parallel()
	alias := func(text string) []*pb.Alias {
		return []*pb.Alias{{Text: text, Language: "en", Kind: pb.AliasKind_ALIAS_KIND_ABBREVIATION}}
	}
	ix, err := index.Build(seedtest.Vocabulary(t), &pb.Graph{Entities: []*pb.Entity{
		{Name: "organizations/halcyon-rotor-systems", DisplayName: "Halcyon Rotor Systems", Aliases: alias("Halcyon")},
		{Name: "organizations/halcyon-bank", DisplayName: "Halcyon Bank", Aliases: alias("Halcyon")},
	}})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		want []string
	}{
		{"Halcyon said so.", []string{"Halcyon=organizations/halcyon-bank|organizations/halcyon-rotor-systems"}},
		{"Halcyon Rotor Systems grew. Halcyon said so.", []string{
			"Halcyon Rotor Systems=organizations/halcyon-rotor-systems", "Halcyon=organizations/halcyon-rotor-systems"}},
		{"Halcyon Bank and Halcyon Rotor Systems met. Halcyon said so.", []string{
			"Halcyon Bank=organizations/halcyon-bank", "Halcyon Rotor Systems=organizations/halcyon-rotor-systems",
			"Halcyon=organizations/halcyon-bank|organizations/halcyon-rotor-systems"}},
	}
	for _, tt := range tests {
		ms := linking.Link(ix, tt.text, linking.Options{})
		if got := describe(ix, tt.text, ms); !slices.Equal(got, tt.want) {
			t.Errorf("Link(%q) =\n  %q\nwant\n  %q", tt.text, got, tt.want)
		}
		last := ms[len(ms)-1]
		if wantStatus := map[bool]linking.Status{true: linking.Ambiguous, false: linking.Linked}[len(last.Candidates) > 1]; last.Status != wantStatus {
			t.Errorf("Link(%q): last mention's status %v, want %v", tt.text, last.Status, wantStatus)
		}
	}
}

// TestLinkOptions checks types, min_confidence and known_only.
func TestLinkOptions(t *testing.T) {
	t.Parallel()
	ix := seedtest.HarborWind(t)
	text := "Marisol Okafor of Kittiwake met Priya Raman in Boston."
	for _, tt := range []struct {
		opts linking.Options
		want []string
	}{
		{linking.Options{}, []string{"Marisol Okafor=people/marisol-okafor", "Kittiwake=organizations/kittiwake-offshore-wind", "Priya Raman?person", "Boston=places/boston"}},
		{linking.Options{Types: []string{"person", "place"}}, []string{"Marisol Okafor=people/marisol-okafor", "Priya Raman?person", "Boston=places/boston"}},
		{linking.Options{KnownOnly: true}, []string{"Marisol Okafor=people/marisol-okafor", "Kittiwake=organizations/kittiwake-offshore-wind", "Boston=places/boston"}},
		{linking.Options{MinConfidence: 0.96}, []string{"Marisol Okafor=people/marisol-okafor", "Boston=places/boston"}},
	} {
		if got := describe(ix, text, linking.Link(ix, text, tt.opts)); !slices.Equal(got, tt.want) {
			t.Errorf("Link(%+v) = %q, want %q", tt.opts, got, tt.want)
		}
	}
}

// TestLinkNeverPanics links every prefix of a text with the bytes that
// trip up offsets: multibyte runes, broken UTF-8, lone marks and quotes.
func TestLinkNeverPanics(t *testing.T) {
	t.Parallel()
	ix := seedtest.Index(t)
	text := "SK’s 최태원 — “Kioxia’s” U.S.-Mexico deal\xff; Mr. . ' ’s é\u0301 キオクシアの No. 2 SK Hynix."
	for i := range len(text) + 1 {
		for _, m := range linking.Link(ix, text[:i], linking.Options{}) {
			if m.Start < 0 || m.End > i || m.Start >= m.End {
				t.Fatalf("Link(%q): mention at %d-%d", text[:i], m.Start, m.End)
			}
		}
	}
}

// FuzzLink links arbitrary text: no panic, no hang, and every mention a
// non-empty span of the text, in order and not overlapping.
func FuzzLink(f *testing.F) {
	for _, s := range []string{"He read The and Of, then For.", "SK’s 최태원 — “Kioxia’s” U.S.-Mexico", "Mr. . ' ’s Co. Inc. of And", "BOSTON — Kittiwak's Chief Okafor"} {
		f.Add(s)
	}
	ix := seedtest.HarborWind(f)
	f.Fuzz(func(t *testing.T, text string) {
		end := 0
		for _, m := range linking.Link(ix, text, linking.Options{}) {
			if m.Start < end || m.End <= m.Start || m.End > len(text) {
				t.Fatalf("Link(%q): mention at %d-%d after one ending at %d", text, m.Start, m.End, end)
			}
			end = m.End
		}
	})
}

// TestLinkSurnameAtSentenceStart: a word of a name the text gives in full
// is that entity even where a capital says nothing, at a sentence's start
// ("lee" is also an English word).
func TestLinkSurnameAtSentenceStart(t *testing.T) {
	t.Parallel()
	ix := seedtest.Index(t)
	// Only a person's: "Group" is not SK Group.
	text := "The talks were led by Lee Jae-myung and SK Group in Seoul. Lee said nothing. Group leaders agreed."
	got := describe(ix, text, linking.Link(ix, text, linking.Options{}))
	want := []string{"Lee Jae-myung=people/lee-jae-myung", "SK Group=organizations/sk-group", "Seoul=places/seoul", "Lee=people/lee-jae-myung"}
	if !slices.Equal(got, want) {
		t.Errorf("Link(%q) =\n  %q\nwant\n  %q", text, got, want)
	}
}
