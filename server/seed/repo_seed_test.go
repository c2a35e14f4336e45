package seed

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestRepoSeeds loads the repository's own curated graph: every quote must be
// verbatim and unique, every reference resolve, and nothing be even worth a
// warning.
func TestRepoSeeds(t *testing.T) {
	t.Parallel()
	var warnings []string
	ix, err := Load(context.Background(), "../../seeds", Options{Curate: true, Warn: func(p *Problem) { warnings = append(warnings, p.Error()) }})
	if err != nil {
		t.Fatalf("Load(seeds) error:\n%v", err)
	}
	if len(warnings) > 0 {
		t.Errorf("warnings:\n%s", strings.Join(warnings, "\n"))
	}
	for r := range ix.RelationCount() {
		rel := ix.RelationAt(int32(r))
		for _, ev := range rel.GetEvidence() {
			doc, _ := ix.Document(ev.GetDocument(), true)
			text := doc.GetText()
			if got := text[ev.GetStartByte():ev.GetEndByte()]; got != ev.GetQuote() {
				t.Errorf("%s: bytes [%d,%d) = %q, want the quote %q", rel.GetName(), ev.GetStartByte(), ev.GetEndByte(), got, ev.GetQuote())
			}
			if n := utf8.RuneCountInString(ev.GetQuote()); int(ev.GetEndChar()-ev.GetStartChar()) != n {
				t.Errorf("%s: char span %d, want %d", rel.GetName(), ev.GetEndChar()-ev.GetStartChar(), n)
			}
			if strings.Count(text, ev.GetQuote()) != 1 {
				t.Errorf("%s: quote %q is not unique", rel.GetName(), ev.GetQuote())
			}
		}
	}
}
