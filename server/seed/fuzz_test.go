package seed

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/entitygraph/entitygraph/server/index"
)

// FuzzLoadGraph loads arbitrary graph files against the fixture's
// vocabulary and document: the loader may refuse them, with problems that
// name the file, but must not panic; the record scanner's records must lie
// inside the file, in order; and what it accepts must quote its document.
func FuzzLoadGraph(f *testing.F) {
	f.Add(fixtureGraph)
	f.Add(strings.Replace(fixtureGraph, "}\n", "\n", 1))
	f.Add("\xef\xbb\xbf" + fixtureGraph)
	f.Add("relations { name: \"relations/x\" evidence { quote: \"Acme\" } }")
	f.Add("entities {\n  name: \"organizations/a\"\n  aliases { text: \"\\xff\" }\n}\n")
	f.Fuzz(func(t *testing.T, graph string) {
		hang := time.AfterFunc(5*time.Second, func() { panic(fmt.Sprintf("load still running after 5s: %q", graph)) })
		defer hang.Stop()
		recs, serr := scanRecords([]byte(graph), graphFields)
		if serr == nil {
			end := 0
			for _, r := range recs {
				if r.start < end || r.end < r.start || r.end > len(graph) || r.line < 1 {
					t.Fatalf("record %+v out of order or out of the file (%d bytes)", r, len(graph))
				}
				end = r.end
			}
		}
		ix, err := LoadFS(context.Background(), fixture(graph), Options{Curate: true})
		if err != nil {
			if !strings.Contains(err.Error(), "acme.txtpb") && !strings.Contains(err.Error(), "no graph") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		for r := range ix.RelationCount() {
			for _, ev := range ix.RelationAt(index.Rel(r)).GetEvidence() {
				if !strings.Contains(fixtureText, ev.GetQuote()) {
					t.Fatalf("accepted a quote that is not in the document: %q", ev.GetQuote())
				}
			}
		}
	})
}
