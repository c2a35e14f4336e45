package draft

import (
	"testing"
	"time"

	"google.golang.org/protobuf/encoding/prototext"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
)

func TestReadTime(t *testing.T) {
	t.Parallel()
	dateline := time.Date(2025, 6, 10, 0, 0, 0, 0, time.UTC) // a Tuesday
	tests := []struct {
		text, want, wantText string
	}{
		{"the two companies said on Monday", "2025-06-09", "on Monday"},
		{"said on Tuesday", "2025-06-10", "on Tuesday"},
		{"will now open in 2028, a year later", "2028", "in 2028"},
		{"TOKYO, September 2, 2025 — talks", "2025-09-02", "September 2, 2025"},
		{"took over in April", "2025-04", "in April"},
		{"since March 3 it has", "2025-03-03", "since March 3"},
		{"a 1200 megawatt project", "", ""},                               // a bare number is no year
		{"it may open", "", ""},                                           // "may" is not May
		{"on April 31, 2025, it said", "2025-05-01", "on April 31, 2025"}, // as time.Date normalizes
	}
	for _, tt := range tests {
		got := readTime(tt.text, dateline)
		if got.GetStart() != tt.want || got.GetText() != tt.wantText {
			t.Errorf("readTime(%q) = %q %q, want %q %q", tt.text, got.GetStart(), got.GetText(), tt.want, tt.wantText)
		}
	}
	if got := readTime("said on Monday", time.Time{}); got != nil {
		t.Errorf("a weekday without a dateline = %v, want none", got)
	}
	if got := datelineDate("BOSTON, October 14, 2025 — Work began"); !got.Equal(time.Date(2025, 10, 14, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("datelineDate = %v", got)
	}
}

func TestSlug(t *testing.T) {
	t.Parallel()
	tests := map[string]string{
		"Skua Marine Contractors": "skua-marine-contractors",
		"Moody's":                 "moodys",
		"U.S. Steel":              "us-steel",
		"3M":                      "x-3m",
		"Škoda Auto":              "skoda-auto",
		"最太원":                     "",
		"A Very Long Name That Goes On And On Past The Sixty Three Character Limit Of Ids": "a-very-long-name-that-goes-on-and-on-past-the-sixty-three",
	}
	for in, want := range tests {
		if got := slug(in); got != want {
			t.Errorf("slug(%q) = %q, want %q", in, got, want)
		}
		if got := slug(in); len(got) > maxID {
			t.Errorf("slug(%q) is %d bytes", in, len(got))
		}
	}
}

func TestQuoteParses(t *testing.T) {
	t.Parallel()
	for _, s := range []string{`plain`, `"Quoted," she said.`, `back\slash`, "tab\tand\nnewline", "curly ’quotes’ and 한국어", "\x01control"} {
		var ev pb.Evidence
		if err := prototext.Unmarshal([]byte("quote: "+quote(s)), &ev); err != nil {
			t.Errorf("quote(%q) = %s does not parse: %v", s, quote(s), err)
		} else if ev.GetQuote() != s {
			t.Errorf("quote(%q) parses as %q", s, ev.GetQuote())
		}
	}
}
