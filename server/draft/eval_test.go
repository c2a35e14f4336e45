package draft_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"google.golang.org/protobuf/encoding/prototext"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/server/draft"
	"github.com/entitygraph/entitygraph/server/index"
	"github.com/entitygraph/entitygraph/server/linking"
	"github.com/entitygraph/entitygraph/server/seed"
	"github.com/entitygraph/entitygraph/server/seedtest"
)

// article is a document with its gold graph and gold mentions, for a
// dataset of the repository.
type article struct {
	dataset string // directory of the dataset's seed files, from the repository root
	doc     string // the article, under testdata
	graph   string // its gold graph file
	gold    string // its gold mentions
}

// heldOut are the articles of testdata/fresh2, the third batch: written,
// with their gold graphs and mentions, by someone who had read neither the
// linker nor the drafter, and measured, never tuned on: their missed and
// wrong relations are not logged.
var heldOut = []article{
	{"seeds/harbor-wind", "fresh2/harbor-wind/06-halcyon-ships-blades-kittiwake-dutch-backer.txt", "fresh2/harbor-wind/06.graph.txtpb", "fresh2/harbor-wind/06.mentions.jsonl"},
	{"seeds", "fresh2/seed/003-sk-on-sumitomo-cathode-deal-chey-alliance.txt", "fresh2/seed/003.graph.txtpb", "fresh2/seed/003.mentions.jsonl"},
}

// fourth are the articles of testdata/fresh3, the fourth batch, written
// as the third was (stop 37) and measured once before anything was tuned
// on them (relations 19/62 at 19/21); their missed and wrong relations
// were then printed once while the drafter was tuned, as the second
// batch's were, and are not logged.
var fourth = []article{
	{"seeds/harbor-wind", "fresh3/harbor-wind/05-kittiwake-picks-norvane-shearwater-halcyon-resin.txt", "fresh3/harbor-wind/05.graph.txtpb", "fresh3/harbor-wind/05.mentions.jsonl"},
	{"seeds", "fresh3/seed/002-chey-joint-gas-buying-samsung-sony-venture.txt", "fresh3/seed/002.graph.txtpb", "fresh3/seed/002.mentions.jsonl"},
}

// seen are the articles of testdata/fresh, the second batch: written as
// the third was, and held out until their missed and wrong relations were
// once printed while the drafter was tuned (stop 26); they are measured
// apart, their details still not logged.
var seen = []article{
	{"seeds/harbor-wind", "fresh/harbor-wind/05-corvid-first-cable-scallopers-suit.txt", "fresh/harbor-wind/05.graph.txtpb", "fresh/harbor-wind/05.mentions.jsonl"},
	{"seeds", "fresh/seed/002-chey-alliance-pitch-takaichi-keidanren.txt", "fresh/seed/002.graph.txtpb", "fresh/seed/002.mentions.jsonl"},
}

// tuning are the first batch of articles written for the drafter
// (testdata/README.md): held out when written, they were then read while
// the linker and the drafter were tuned, so they measure the tuning, not
// the drafter's reach.
var tuning = []article{
	{"seeds/harbor-wind", "harbor-wind/03-gannet-bank-foundations-halcyon-chief.txt", "harbor-wind/03.graph.txtpb", "harbor-wind/03.mentions.jsonl"},
	{"seeds/harbor-wind", "harbor-wind/04-fulmar-picks-norvane-halcyon-canadian-backer.txt", "harbor-wind/04.graph.txtpb", "harbor-wind/04.mentions.jsonl"},
	{"seeds", "seed/001-korea-japan-chambers-chip-council.txt", "seed/001.graph.txtpb", "seed/001.mentions.jsonl"},
}

// goldMention is a line of a *.mentions.jsonl file.
type goldMention struct {
	StartByte int    `json:"start_byte"`
	EndByte   int    `json:"end_byte"`
	Text      string `json:"text"`
	Entity    string `json:"entity"`
	Known     bool   `json:"known"`
	Type      string `json:"type"`
}

func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// datasetIndex is the index of a dataset without the held-out document:
// what the linker and the drafter see.
func datasetIndex(t *testing.T, dataset string) *index.Index {
	if dataset == "seeds" {
		return seedtest.Index(t)
	}
	return seedtest.HarborWind(t)
}

// datasetFS holds the dataset's data files, as a data directory would.
func datasetFS(t *testing.T, dataset string) fstest.MapFS {
	t.Helper()
	root := repoRoot(t)
	fsys := fstest.MapFS{}
	entries, err := os.ReadDir(filepath.Join(root, dataset))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() || !(strings.HasSuffix(e.Name(), ".txt") || strings.HasSuffix(e.Name(), ".txtpb")) || e.Name() == "questions.txt" {
			continue
		}
		b, err := os.ReadFile(filepath.Join(root, dataset, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		fsys[e.Name()] = &fstest.MapFile{Data: b}
	}
	return fsys
}

// TestDraftLoadsOnlyOnceConfirmed drafts a held-out article into its
// dataset: the loader refuses every drafted record and nothing else, and
// once the draft marks are deleted the whole file loads (every quote
// verbatim and unique, every name, reference, predicate and kind valid).
func TestDraftLoadsOnlyOnceConfirmed(t *testing.T) {
	for _, h := range slices.Concat(heldOut, fourth, seen, tuning) {
		t.Run(filepath.Base(h.doc), func(t *testing.T) {
			text, err := os.ReadFile(filepath.Join("testdata", h.doc))
			if err != nil {
				t.Fatal(err)
			}
			ix := datasetIndex(t, h.dataset)
			src := filepath.Base(h.doc)
			d := draft.Make(ix, string(text), draft.Options{SourceFile: src})
			var buf bytes.Buffer
			if err := d.Write(&buf); err != nil {
				t.Fatal(err)
			}
			fsys := datasetFS(t, h.dataset)
			fsys[src] = &fstest.MapFile{Data: text}
			fsys["new.graph.txtpb"] = &fstest.MapFile{Data: buf.Bytes()}
			_, err = seed.LoadFS(context.Background(), fsys, seed.Options{})
			if err == nil {
				t.Fatal("a drafted graph file loaded")
			}
			lines := strings.Split(strings.TrimSpace(err.Error()), "\n")
			if want := 1 + len(d.Entities) + len(d.Relations); len(lines) != want {
				t.Errorf("%d problems, want one for each of the %d drafted records:\n%v", len(lines), want, err)
			}
			for _, l := range lines {
				if !strings.Contains(l, "is a draft") {
					t.Errorf("a problem besides the draft marks: %s", l)
				}
			}
			var confirmed []string
			for _, l := range strings.Split(buf.String(), "\n") {
				if !strings.HasPrefix(l, "  draft {") {
					confirmed = append(confirmed, l)
				}
			}
			fsys["new.graph.txtpb"] = &fstest.MapFile{Data: []byte(strings.Join(confirmed, "\n"))}
			loaded, err := seed.LoadFS(context.Background(), fsys, seed.Options{})
			if err != nil {
				t.Fatalf("the confirmed draft does not load: %v\n%s", err, buf.String())
			}
			if got, want := loaded.Stats().Relations, ix.Stats().Relations+len(d.Relations); got != want {
				t.Errorf("%d relations loaded, want %d", got, want)
			}
		})
	}
}

// goldIndex loads the dataset's seed files with the document and its gold
// graph, as a data directory holding them would load.
func goldIndex(t *testing.T, dataset, doc, graph string) *index.Index {
	t.Helper()
	fsys := datasetFS(t, dataset)
	for _, f := range []string{doc, graph} {
		b, err := os.ReadFile(filepath.Join("testdata", f))
		if err != nil {
			t.Fatal(err)
		}
		fsys[filepath.Base(f)] = &fstest.MapFile{Data: b}
	}
	ix, err := seed.LoadFS(context.Background(), fsys, seed.Options{})
	if err != nil {
		t.Fatalf("load the gold graph %s: %v", graph, err)
	}
	return ix
}

func readGold(t *testing.T, path string, text []byte) []goldMention {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", path))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []goldMention
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var m goldMention
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("%s:%d: %v", path, len(out)+1, err)
		}
		// The gold itself is checked: its bytes, its order.
		if m.StartByte < 0 || m.EndByte > len(text) || m.StartByte >= m.EndByte || string(text[m.StartByte:m.EndByte]) != m.Text {
			t.Fatalf("%s:%d: bytes %d–%d are not %q", path, len(out)+1, m.StartByte, m.EndByte, m.Text)
		}
		if n := len(out); n > 0 && out[n-1].EndByte > m.StartByte {
			t.Fatalf("%s:%d: overlaps or precedes the mention before it", path, n+1)
		}
		out = append(out, m)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// score is a recall and a precision.
type score struct{ found, gold, proposed int }

func (s score) recall() float64    { return ratio(s.found, s.gold) }
func (s score) precision() float64 { return ratio(s.found, s.proposed) }
func (s score) String() string {
	return fmt.Sprintf("recall %d/%d = %.0f%%, precision %d/%d = %.0f%%", s.found, s.gold, 100*s.recall(), s.found, s.proposed, 100*s.precision())
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// TestLinking measures the linking of known entities on the held-out
// and the tuning articles: a gold mention is found when a linked mention
// has its bytes and its entity. The floors are below what is measured, so
// that a regression fails.
func TestLinking(t *testing.T) {
	if s := linkingScore(t, "held-out", heldOut, false); s.recall() < 0.95 || s.precision() < 0.95 {
		t.Errorf("held-out linking fell: %v", s)
	}
	linkingScore(t, "fourth-batch", fourth, false)
	if s := linkingScore(t, "seen", seen, false); s.recall() < 0.95 || s.precision() < 0.95 {
		t.Errorf("seen linking fell: %v", s)
	}
	if s := linkingScore(t, "tuning", tuning, true); s.recall() < 0.95 || s.precision() < 0.95 {
		t.Errorf("tuning linking fell: %v", s)
	}
}

func linkingScore(t *testing.T, set string, articles []article, details bool) score {
	var total score
	for _, h := range articles {
		text, err := os.ReadFile(filepath.Join("testdata", h.doc))
		if err != nil {
			t.Fatal(err)
		}
		gold := readGold(t, h.gold, text)
		ix := datasetIndex(t, h.dataset)
		want := map[string]bool{}
		var s score
		for _, g := range gold {
			if g.Known {
				want[fmt.Sprint(g.StartByte, g.EndByte, g.Entity)] = true
				s.gold++
			}
		}
		var wrong []string
		for _, m := range linking.Link(ix, string(text), linking.Options{}) {
			if m.Status != linking.Linked {
				continue
			}
			s.proposed++
			key := fmt.Sprint(m.Start, m.End, ix.NodeName(m.Candidates[0].Node))
			if want[key] {
				s.found++
				delete(want, key)
			} else {
				wrong = append(wrong, fmt.Sprintf("%q=%s", text[m.Start:m.End], ix.NodeName(m.Candidates[0].Node)))
			}
		}
		var missed []string
		for _, g := range gold {
			if want[fmt.Sprint(g.StartByte, g.EndByte, g.Entity)] {
				missed = append(missed, fmt.Sprintf("%q=%s", g.Text, g.Entity))
			}
		}
		if details {
			t.Logf("%s: known-entity linking %v\n  missed: %s\n  wrong: %s", filepath.Base(h.doc), s, strings.Join(missed, ", "), strings.Join(wrong, ", "))
		} else {
			t.Logf("%s: known-entity linking %v", filepath.Base(h.doc), s)
		}
		total.found, total.gold, total.proposed = total.found+s.found, total.gold+s.gold, total.proposed+s.proposed
	}
	t.Logf("%s articles: known-entity linking %v", set, total)
	return total
}

// TestDrafts measures the drafts of the held-out and the tuning articles
// against their gold graphs: new entities (matched by name), and relations
// whose subject, predicate and object are all right. The floors are below
// what is measured, so that a regression fails.
func TestDrafts(t *testing.T) {
	if e, r := draftScore(t, "held-out", heldOut, false); e.precision() < 0.7 || e.recall() < 0.7 || r.precision() < 0.8 || r.recall() < 0.3 {
		t.Errorf("held-out drafts fell: new entities %v, relations %v", e, r)
	}
	if e, r := draftScore(t, "fourth-batch", fourth, false); e.precision() < 0.8 || e.recall() < 0.45 || r.precision() < 0.9 || r.recall() < 0.3 {
		t.Errorf("fourth-batch drafts fell: new entities %v, relations %v", e, r)
	}
	if e, r := draftScore(t, "seen", seen, false); e.precision() < 0.8 || e.recall() < 0.55 || r.precision() < 0.85 || r.recall() < 0.4 {
		t.Errorf("seen drafts fell: new entities %v, relations %v", e, r)
	}
	if e, r := draftScore(t, "tuning", tuning, true); e.precision() < 0.9 || e.recall() < 0.75 || r.precision() < 0.95 || r.recall() < 0.5 {
		t.Errorf("tuning drafts fell: new entities %v, relations %v", e, r)
	}
}

func draftScore(t *testing.T, set string, articles []article, details bool) (score, score) {
	var ents, rels score
	for _, h := range articles {
		text, err := os.ReadFile(filepath.Join("testdata", h.doc))
		if err != nil {
			t.Fatal(err)
		}
		goldIx := goldIndex(t, h.dataset, h.doc, h.graph)
		ix := datasetIndex(t, h.dataset)
		d := draft.Make(ix, string(text), draft.Options{SourceFile: filepath.Base(h.doc), MinConfidence: 0.5})
		checkVerbatim(t, d, string(text))

		// The gold graph's own records: what this document adds.
		var goldGraph pb.Graph
		readGraph(t, h.graph, &goldGraph)
		// A drafted new entity is the gold entity one of whose names is its
		// name.
		byName := map[string]string{}
		for _, e := range goldGraph.GetEntities() {
			byName[strings.ToLower(e.GetDisplayName())] = e.GetName()
			for _, a := range e.GetAliases() {
				byName[strings.ToLower(a.GetText())] = e.GetName()
			}
		}
		newGold := map[string]bool{}
		for _, e := range goldGraph.GetEntities() {
			newGold[e.GetName()] = true
		}
		mapped := map[string]string{}
		var es score
		es.gold = len(newGold)
		var wrongEntities []string
		for _, e := range d.Entities {
			es.proposed++
			g := byName[strings.ToLower(e.GetDisplayName())]
			for _, a := range e.GetAliases() {
				if g == "" {
					g = byName[strings.ToLower(a.GetText())]
				}
			}
			if g != "" && newGold[g] {
				es.found++
				delete(newGold, g)
				mapped[e.GetName()] = g
			} else {
				wrongEntities = append(wrongEntities, e.GetDisplayName())
			}
		}
		resolve := func(name string) string {
			if g, ok := mapped[name]; ok {
				return g
			}
			return name
		}
		var goldRels []*pb.Relation
		goldRels = append(goldRels, goldGraph.GetRelations()...)
		rs, wrong, missed := scoreRelations(goldIx, d, goldRels, resolve)
		if details {
			t.Logf("%s: new entities %v (not in the gold: %s)\n  relations %v\n  wrong: %s\n  missed: %s",
				filepath.Base(h.doc), es, strings.Join(wrongEntities, ", "), rs, strings.Join(wrong, "\n    "), strings.Join(missed, "\n    "))
		} else {
			t.Logf("%s: new entities %v; relations %v", filepath.Base(h.doc), es, rs)
		}
		ents = add(ents, es)
		rels = add(rels, rs)
	}
	t.Logf("%s articles: new entities %v; relations %v", set, ents, rels)
	return ents, rels
}

// scoreRelations compares drafted relations with gold ones by subject,
// predicate and object, a drafted new entity read as the gold entity
// resolve gives.
func scoreRelations(ix *index.Index, d *draft.Draft, gold []*pb.Relation, resolve func(string) string) (score, []string, []string) {
	want := map[string]bool{}
	for _, r := range gold {
		want[triple(r.GetSubject(), r.GetPredicate(), r.GetObject())] = true
	}
	rs := score{gold: len(want)}
	var wrong []string
	for _, r := range d.Relations {
		rs.proposed++
		s, o := resolve(r.GetSubject()), resolve(r.GetObject())
		k := triple(s, r.GetPredicate(), o)
		if p, ok := ix.Vocabulary().Lookup(r.GetPredicate()); ok && p.Symmetric && !want[k] {
			k = triple(o, r.GetPredicate(), s)
		}
		if want[k] {
			rs.found++
			delete(want, k)
		} else {
			wrong = append(wrong, fmt.Sprintf("%s (%.2f) %s", triple(s, r.GetPredicate(), o), r.GetDraft().GetConfidence(), r.GetDraft().GetReason()))
		}
	}
	var missed []string
	for k := range want {
		missed = append(missed, k)
	}
	slices.Sort(missed)
	return rs, wrong, missed
}

// TestSeedDrafts drafts the seed datasets' own documents against their
// graphs, the gold being the relations with evidence in each: the set the
// drafter is tuned on (all their entities are known).
func TestSeedDrafts(t *testing.T) {
	var rels score
	for _, ix := range []*index.Index{seedtest.Index(t), seedtest.HarborWind(t)} {
		for _, doc := range ix.Documents() {
			full, err := ix.Document(doc.GetName(), true)
			if err != nil {
				t.Fatal(err)
			}
			var gold []*pb.Relation
			all, _, err := ix.Relations(index.RelationFilter{AllRanks: true}, 0, 100000)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range all {
				if slices.ContainsFunc(r.GetEvidence(), func(ev *pb.Evidence) bool { return ev.GetDocument() == doc.GetName() }) {
					gold = append(gold, r)
				}
			}
			d := draft.Make(ix, full.GetText(), draft.Options{SourceFile: "new-" + doc.GetSourceFile(), MinConfidence: 0.5})
			rs, wrong, missed := scoreRelations(ix, d, gold, func(s string) string { return s })
			t.Logf("%s: relations %v\n  wrong: %s\n  missed: %s", doc.GetSourceFile(), rs, strings.Join(wrong, "\n    "), strings.Join(missed, "\n    "))
			rels = add(rels, rs)
		}
	}
	t.Logf("all seed documents: relations %v", rels)
	if rels.precision() < 0.85 || rels.recall() < 0.4 {
		t.Errorf("drafts of the seed documents fell: %v", rels)
	}
}

func add(a, b score) score { return score{a.found + b.found, a.gold + b.gold, a.proposed + b.proposed} }

func triple(s, p, o string) string {
	return s + " " + strings.TrimPrefix(p, "predicates/") + " " + o
}

func readGraph(t *testing.T, path string, g *pb.Graph) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", path))
	if err != nil {
		t.Fatal(err)
	}
	if err := unmarshalText(b, g); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

// checkVerbatim fails the test on a drafted quote that is not the
// document's text, once.
func checkVerbatim(t *testing.T, d *draft.Draft, text string) {
	t.Helper()
	for _, r := range d.Relations {
		for _, ev := range r.GetEvidence() {
			if n := strings.Count(text, ev.GetQuote()); n != 1 {
				t.Errorf("%s: quote %q is in the document %d times", r.GetName(), ev.GetQuote(), n)
			}
		}
	}
	var buf bytes.Buffer
	if err := d.Write(&buf); err != nil {
		t.Fatal(err)
	}
}

func unmarshalText(b []byte, g *pb.Graph) error { return prototext.Unmarshal(b, g) }
