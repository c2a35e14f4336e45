package linking

import "testing"

// TestInitialsAgree checks the test a misspelling of a name must pass:
// each word, hyphenated parts apart, keeps its first letter.
func TestInitialsAgree(t *testing.T) {
	for _, tt := range []struct {
		text, name string
		want       bool
	}{
		{"Westren Digital", "Western Digital", true},
		{"Kittiwak Offshore Wind", "Kittiwake Offshore Wind", true},
		{"Lee Jae-yong", "Lee Jae-myung", false},
		{"Relena Voss", "Elena Voss", false},
		// Another number of words is not compared.
		{"Kittiwake Offshore", "Kittiwake Offshore Wind", true},
	} {
		if got := initialsAgree(tt.text, tt.name); got != tt.want {
			t.Errorf("initialsAgree(%q, %q) = %v, want %v", tt.text, tt.name, got, tt.want)
		}
	}
}
