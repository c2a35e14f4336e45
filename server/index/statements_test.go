package index_test

import (
	"testing"
	"unicode/utf8"

	"github.com/entitygraph/entitygraph/server/index"
	"github.com/entitygraph/entitygraph/server/seedtest"
	"github.com/entitygraph/entitygraph/server/timespan"
)

func TestSearchStatements(t *testing.T) {
	t.Parallel()
	ix := seedtest.Index(t)
	doc, err := ix.Document("documents/korea-japan-economic-alliance", true)
	if err != nil {
		t.Fatal(err)
	}
	text := doc.GetText()
	runes := []rune(text)
	hits, _ := ix.SearchStatements("Western Digital sought to acquire Japan’s Kioxia", index.StatementOptions{Entity: -1, Limit: 5})
	if len(hits) == 0 || ix.RelationAt(hits[0].Rel).GetName() != "relations/western-digital-bid-for-kioxia" {
		t.Fatalf("top hit = %v, want the bid", hits)
	}
	for _, h := range hits[0].Highlights {
		if text[h.StartByte:h.EndByte] != string(runes[h.StartChar:h.EndChar]) || !utf8.ValidString(text[h.StartByte:h.EndByte]) {
			t.Errorf("highlight %+v: bytes %q and chars %q differ", h, text[h.StartByte:h.EndByte], string(runes[h.StartChar:h.EndChar]))
		}
	}
	if got := text[hits[0].Highlights[0].StartByte:hits[0].Highlights[0].EndByte]; got != "Western Digital sought to acquire Japan’s Kioxia" {
		t.Errorf("first highlight %q, want the phrase", got)
	}
	// Filters: an entity, and a time.
	sony, _ := ix.NodeOf("organizations/sony")
	hits, _ = ix.SearchStatements("LCD panels", index.StatementOptions{Entity: sony, Limit: 10})
	for _, h := range hits {
		if s, o := ix.Ends(h.Rel); s != sony && o != sony {
			t.Errorf("%s does not involve Sony", ix.RelationAt(h.Rel).GetName())
		}
	}
	if len(hits) == 0 {
		t.Error("no LCD statement involves Sony")
	}
	hits, _ = ix.SearchStatements("proposal", index.StatementOptions{Entity: -1, Time: timespan.Parse("2025-04"), Limit: 10})
	if len(hits) != 1 || ix.RelationAt(hits[0].Rel).GetName() != "relations/chey-tae-won-proposes-alliance-at-national-assembly" {
		t.Errorf("April 2025 proposals = %v", hits)
	}
	if hits, _ := ix.SearchStatements("zyzzyva", index.StatementOptions{Entity: -1, Limit: 10}); len(hits) != 0 {
		t.Errorf("nonsense found %v", hits)
	}
}
