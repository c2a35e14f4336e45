package client_test

import (
	"strings"
	"testing"

	"github.com/entitygraph/entitygraph/client"
	entitygraphv1 "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
)

func TestEntityHelpers(t *testing.T) {
	t.Parallel()
	aliases := []*entitygraphv1.Alias{{Text: "x", Language: "en"}}
	tests := []struct {
		name                            string
		entity                          *entitygraphv1.Entity
		wantName, wantDisplay, wantType string
		wantDescription                 string
		wantAliases                     int
	}{
		{
			name:     "organization",
			entity:   &entitygraphv1.Entity{Kind: &entitygraphv1.Entity_Organization{Organization: &entitygraphv1.Organization{Name: "organizations/kioxia", DisplayName: "Kioxia", Description: "d", Aliases: aliases}}},
			wantName: "organizations/kioxia", wantDisplay: "Kioxia", wantType: "organization", wantDescription: "d", wantAliases: 1,
		},
		{
			name:     "person",
			entity:   &entitygraphv1.Entity{Kind: &entitygraphv1.Entity_Person{Person: &entitygraphv1.Person{Name: "people/chey-tae-won", DisplayName: "Chey Tae-won", Description: "d", Aliases: aliases}}},
			wantName: "people/chey-tae-won", wantDisplay: "Chey Tae-won", wantType: "person", wantDescription: "d", wantAliases: 1,
		},
		{
			name:     "place",
			entity:   &entitygraphv1.Entity{Kind: &entitygraphv1.Entity_Place{Place: &entitygraphv1.Place{Name: "places/seoul", DisplayName: "Seoul"}}},
			wantName: "places/seoul", wantDisplay: "Seoul", wantType: "place",
		},
		{
			name:     "topic",
			entity:   &entitygraphv1.Entity{Kind: &entitygraphv1.Entity_Topic{Topic: &entitygraphv1.Topic{Name: "topics/nand-flash", DisplayName: "NAND flash", Aliases: aliases}}},
			wantName: "topics/nand-flash", wantDisplay: "NAND flash", wantType: "topic", wantAliases: 1,
		},
		{name: "empty", entity: &entitygraphv1.Entity{}},
		{name: "nil", entity: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := client.EntityName(tt.entity); got != tt.wantName {
				t.Errorf("EntityName = %q, want %q", got, tt.wantName)
			}
			if got := client.DisplayName(tt.entity); got != tt.wantDisplay {
				t.Errorf("DisplayName = %q, want %q", got, tt.wantDisplay)
			}
			if got := client.EntityType(tt.entity); got != tt.wantType {
				t.Errorf("EntityType = %q, want %q", got, tt.wantType)
			}
			if got := client.Description(tt.entity); got != tt.wantDescription {
				t.Errorf("Description = %q, want %q", got, tt.wantDescription)
			}
			if got := len(client.Aliases(tt.entity)); got != tt.wantAliases {
				t.Errorf("len(Aliases) = %d, want %d", got, tt.wantAliases)
			}
		})
	}
}

func TestIsEntityName(t *testing.T) {
	t.Parallel()
	tests := []struct {
		ref  string
		want bool
	}{
		{"organizations/kioxia", true},
		{"people/chey-tae-won", true},
		{"places/seoul", true},
		{"topics/nand-flash", true},
		{"Kioxia", false},
		{"organizations/", false},
		{"relations/western-digital-bid-for-kioxia", false},
		{"documents/korea-japan-economic-alliance", false},
		{"organizations/a/b", false},
		{"U.S.-Mexico-Canada Agreement", false},
	}
	for _, tt := range tests {
		if got := client.IsEntityName(tt.ref); got != tt.want {
			t.Errorf("IsEntityName(%q) = %v, want %v", tt.ref, got, tt.want)
		}
	}
}

func TestParsePredicate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in      string
		want    entitygraphv1.Predicate
		wantErr bool
	}{
		{in: "coordinates_against", want: entitygraphv1.Predicate_PREDICATE_COORDINATES_AGAINST},
		{in: "COORDINATES_AGAINST", want: entitygraphv1.Predicate_PREDICATE_COORDINATES_AGAINST},
		{in: "PREDICATE_COORDINATES_AGAINST", want: entitygraphv1.Predicate_PREDICATE_COORDINATES_AGAINST},
		{in: "coordinates-against", want: entitygraphv1.Predicate_PREDICATE_COORDINATES_AGAINST},
		{in: " acquires ", want: entitygraphv1.Predicate_PREDICATE_ACQUIRES},
		{in: "unspecified", wantErr: true},
		{in: "PREDICATE_UNSPECIFIED", wantErr: true},
		{in: "", wantErr: true},
		{in: "buys", wantErr: true},
	}
	for _, tt := range tests {
		got, err := client.ParsePredicate(tt.in)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("ParsePredicate(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}

func TestPredicateNameRoundTrip(t *testing.T) {
	t.Parallel()
	for v := range entitygraphv1.Predicate_name {
		p := entitygraphv1.Predicate(v)
		if p == entitygraphv1.Predicate_PREDICATE_UNSPECIFIED {
			continue
		}
		name := client.PredicateName(p)
		if strings.ContainsAny(name, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") || strings.HasPrefix(name, "predicate") {
			t.Errorf("PredicateName(%v) = %q, want lower case without prefix", p, name)
		}
		if got, err := client.ParsePredicate(name); err != nil || got != p {
			t.Errorf("ParsePredicate(PredicateName(%v)) = %v, %v", p, got, err)
		}
	}
}

func TestAmbiguousErrorMessage(t *testing.T) {
	t.Parallel()
	err := &client.AmbiguousError{Ref: "United", Candidates: []client.Candidate{
		{Name: "organizations/united-states", DisplayName: "United States", MatchedText: "United States"},
		{Name: "organizations/united-kingdom", DisplayName: "United Kingdom", MatchedText: "United Kingdom"},
	}}
	got := err.Error()
	for _, want := range []string{`"United"`, "organizations/united-states", "United Kingdom"} {
		if !strings.Contains(got, want) {
			t.Errorf("Error() = %q, want it to contain %q", got, want)
		}
	}
}
