package seed

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestRepoSeeds loads the repository's own curated graph: every quote must be
// verbatim and unique, every reference resolve.
func TestRepoSeeds(t *testing.T) {
	t.Parallel()
	g, err := Load("../../seeds")
	if err != nil {
		t.Fatalf("Load(seeds) error:\n%v", err)
	}
	texts := map[string]string{}
	for _, d := range g.GetDocuments() {
		texts[d.GetName()] = d.GetText()
	}
	for _, r := range g.GetRelations() {
		for _, ev := range r.GetEvidence() {
			text := texts[ev.GetDocument()]
			if got := text[ev.GetStartByte():ev.GetEndByte()]; got != ev.GetQuote() {
				t.Errorf("%s: bytes [%d,%d) = %q, want the quote %q", r.GetName(), ev.GetStartByte(), ev.GetEndByte(), got, ev.GetQuote())
			}
			if n := utf8.RuneCountInString(ev.GetQuote()); int(ev.GetEndChar()-ev.GetStartChar()) != n {
				t.Errorf("%s: char span %d, want %d", r.GetName(), ev.GetEndChar()-ev.GetStartChar(), n)
			}
			if strings.Count(text, ev.GetQuote()) != 1 {
				t.Errorf("%s: quote %q is not unique", r.GetName(), ev.GetQuote())
			}
		}
	}
}
