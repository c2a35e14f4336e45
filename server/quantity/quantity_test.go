package quantity

import (
	"strings"
	"testing"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
)

func TestRead(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		words string
		want  Value
		n     int
	}{
		{"$480 million export", Value{480e6, "USD"}, 2},
		{"$4.1 billion", Value{4.1e9, "USD"}, 2},
		{"$38", Value{38, "USD"}, 1},
		{"25 percent stake", Value{25, "percent"}, 2},
		{"2.1 gigawatt project", Value{2.1, "gigawatt"}, 2},
		{"five year research", Value{5, "year"}, 2},
		{"190 miles", Value{190, "mile"}, 2},
		{"1,000 meters", Value{1000, "meter"}, 2},
	} {
		got, n, ok := Read(strings.Fields(tt.words))
		if !ok || got != tt.want || n != tt.n {
			t.Errorf("Read(%q) = %v, %d, %v; want %v, %d", tt.words, got, n, ok, tt.want, tt.n)
		}
	}
	for _, words := range []string{"", "five", "2021", "million dollars", "25 companies"} {
		if got, n, ok := Read(strings.Fields(words)); ok {
			t.Errorf("Read(%q) = %v, %d; want nothing", words, got, n)
		}
	}
}

func TestValues(t *testing.T) {
	t.Parallel()
	q := &pb.Quantity{Amount: "520000000", Unit: "USD", Text: "about $520 million"}
	if err := Check(q); err != nil {
		t.Fatal(err)
	}
	v, err := ParseValue("520000000 dollars")
	if err != nil || !v.Equal(q) || v.String() != "520000000 USD" {
		t.Errorf("ParseValue = %v, %v; want 520000000 USD, equal to %v", v, err, q)
	}
	for _, bad := range []string{"520000000", "USD 5", "5 Dollars!"} {
		if _, err := ParseValue(bad); err == nil {
			t.Errorf("ParseValue(%q) accepted", bad)
		}
	}
	for _, bad := range []*pb.Quantity{{Amount: "1e9", Unit: "USD", Text: "x"}, {Amount: "5", Unit: "Usd", Text: "x"}, {Amount: "5", Unit: "year"}} {
		if Check(bad) == nil {
			t.Errorf("Check(%v) = nil", bad)
		}
	}
}

func TestValueText(t *testing.T) {
	for v, want := range map[Value]string{
		{950e6, "USD"}: "$950 million", {4.1e9, "USD"}: "$4.1 billion", {520e6, "GBP"}: "£520 million",
		{25, "percent"}: "25 percent", {190, "mile"}: "190 miles", {1, "year"}: "1 year", {38e6, "KRW"}: "38 million KRW",
	} {
		if got := v.Text(); got != want {
			t.Errorf("%v.Text() = %q, want %q", v, got, want)
		}
	}
}
