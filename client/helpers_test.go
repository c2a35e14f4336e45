package client_test

import (
	"strings"
	"testing"

	"github.com/entitygraph/entitygraph/client"
)

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
