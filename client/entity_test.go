package client

import (
	"testing"

	entitygraphv1 "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
)

func TestEntityFields(t *testing.T) {
	t.Parallel()
	alias := []*entitygraphv1.Alias{{Text: "X", Language: "en"}}
	tests := []struct {
		e    *entitygraphv1.Entity
		typ  string
		name string
	}{
		{&entitygraphv1.Entity{Kind: &entitygraphv1.Entity_Organization{Organization: &entitygraphv1.Organization{Name: "organizations/x", DisplayName: "X", Aliases: alias, Description: "d"}}}, "organization", "organizations/x"},
		{&entitygraphv1.Entity{Kind: &entitygraphv1.Entity_Person{Person: &entitygraphv1.Person{Name: "people/x", DisplayName: "X", Aliases: alias, Description: "d"}}}, "person", "people/x"},
		{&entitygraphv1.Entity{Kind: &entitygraphv1.Entity_Place{Place: &entitygraphv1.Place{Name: "places/x", DisplayName: "X", Aliases: alias, Description: "d"}}}, "place", "places/x"},
		{&entitygraphv1.Entity{Kind: &entitygraphv1.Entity_Topic{Topic: &entitygraphv1.Topic{Name: "topics/x", DisplayName: "X", Aliases: alias, Description: "d"}}}, "topic", "topics/x"},
	}
	for _, tt := range tests {
		if EntityType(tt.e) != tt.typ || EntityName(tt.e) != tt.name || DisplayName(tt.e) != "X" || Description(tt.e) != "d" || len(Aliases(tt.e)) != 1 {
			t.Errorf("fields of %v: type %q name %q display %q description %q aliases %v", tt.e, EntityType(tt.e), EntityName(tt.e), DisplayName(tt.e), Description(tt.e), Aliases(tt.e))
		}
	}
	for _, e := range []*entitygraphv1.Entity{nil, {}} {
		if Form(e) != nil || EntityName(e) != "" || EntityType(e) != "" || Aliases(e) != nil {
			t.Errorf("an entity with no form (%v) has fields", e)
		}
	}
}
