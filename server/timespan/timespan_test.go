package timespan

import (
	"testing"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
)

func TestParse(t *testing.T) {
	t.Parallel()
	day := func(s string) int { return Parse(s).Lo }
	tests := []struct {
		in     string
		ok     bool
		lo, hi string // the first and last day, as days
	}{
		{"2021", true, "2021-01-01", "2021-12-31"},
		{"2024-02", true, "2024-02-01", "2024-02-29"}, // a leap year
		{"2025-05-08", true, "2025-05-08", "2025-05-08"},
		{"2021-02-30", false, "", ""},
		{"2021-13", false, "", ""},
		{"May 2021", false, "", ""},
		{"", false, "", ""},
	}
	for _, tt := range tests {
		got := Parse(tt.in)
		if got.OK != tt.ok || tt.ok && (got.Lo != day(tt.lo) || got.Hi != day(tt.hi)) {
			t.Errorf("Parse(%q) = %+v, want ok %v, %s to %s", tt.in, got, tt.ok, tt.lo, tt.hi)
		}
	}
}

func TestOfAndOverlaps(t *testing.T) {
	t.Parallel()
	since := Of(&pb.TimeSpan{Start: "2021", End: "2023-06"})
	if !since.OK || since.Lo != Parse("2021").Lo || since.Hi != Parse("2023-06").Hi {
		t.Errorf("Of(2021 to 2023-06) = %+v", since)
	}
	if Of(&pb.TimeSpan{Start: "2023", End: "2021"}).OK {
		t.Error("an end before the start parses")
	}
	if Of(nil).OK {
		t.Error("no time parses")
	}
	if !since.Overlaps(Parse("2023-06-30")) || since.Overlaps(Parse("2023-07-01")) || since.Overlaps(Span{}) {
		t.Error("Overlaps is wrong at the edges")
	}
}
