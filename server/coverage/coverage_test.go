package coverage_test

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"github.com/entitygraph/entitygraph/server/index"
	"github.com/entitygraph/entitygraph/server/seed"

	"github.com/entitygraph/entitygraph/server/coverage"
	"github.com/entitygraph/entitygraph/server/seedtest"
)

func TestSentences(t *testing.T) {
	t.Parallel()
	for text, want := range map[string][]string{
		"One. Two!  Three?": {"One.", "Two!", "Three?"},
		"Kioxia, the world’s No. 2 producer. Japan agreed.":      {"Kioxia, the world’s No. 2 producer.", "Japan agreed."},
		"As the U.S. pushed, it won. Then the U.S.-Mexico deal.": {"As the U.S. pushed, it won.", "Then the U.S.-Mexico deal."},
		"“That’s a bold move.” He left.":                         {"“That’s a bold move.”", "He left."},
		"“Stay,” one said. Fine\n\nMost Viewed\n":                {"“Stay,” one said.", "Fine", "Most Viewed"},
		"It cost 2.5 billion. Done.":                             {"It cost 2.5 billion.", "Done."},
		"Ask J. Smith. He knows.":                                {"Ask J. Smith.", "He knows."},
	} {
		var got []string
		for _, s := range coverage.Sentences(text) {
			if text[s.Start:s.End] != s.Text {
				t.Errorf("%q: sentence %q is not text[%d:%d]", text, s.Text, s.Start, s.End)
			}
			got = append(got, s.Text)
		}
		if !slices.Equal(got, want) {
			t.Errorf("Sentences(%q) = %q, want %q", text, got, want)
		}
	}
}

// TestSeedCoverage keeps the seed graph complete, and the second
// dataset too: every sentence of their articles states a relation, or the
// data says why it states none.
func TestSeedCoverage(t *testing.T) {
	t.Parallel()
	second, err := seed.Load(context.Background(), filepath.Join("..", "..", "seeds", "harbor-wind"), seed.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, ix := range []*index.Index{seedtest.Index(t), second} {
		checkCoverage(t, ix)
	}
}

func checkCoverage(t *testing.T, ix *index.Index) {
	for _, d := range ix.Documents() {
		lines, err := coverage.Report(ix, d.GetName())
		if err != nil {
			t.Fatal(err)
		}
		if len(lines) < 10 {
			t.Errorf("%s: %d sentences; the splitter lost some", d.GetName(), len(lines))
		}
		for _, l := range lines {
			switch {
			case !l.Explained():
				t.Errorf("%s: no relation quotes %q and no reason says why", d.GetName(), l.Text)
			case len(l.Relations) > 0 && l.Reason != "":
				t.Errorf("%s: %q states relations (%v) yet has a reason for stating none", d.GetName(), l.Text, l.Relations)
			}
		}
	}
}
