package index_test

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"google.golang.org/protobuf/proto"

	"github.com/entitygraph/entitygraph/server/index"
	"github.com/entitygraph/entitygraph/server/seed"
	"github.com/entitygraph/entitygraph/server/seedtest"
	"github.com/entitygraph/entitygraph/server/synth"
	"github.com/entitygraph/entitygraph/server/vocab"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// TestSeedGolden pins everything the index answers for the seed graph (every
// node, relation, entity and document as wire bytes, relation filters and
// name searches) so that a change of how the index stores the graph cannot
// change a single byte of what it serves. Run with -update to accept a
// deliberate change.
func TestSeedGolden(t *testing.T) {
	t.Parallel()
	checkGolden(t, filepath.Join("testdata", "seed.golden"), dumpIndex(mustIndex(t), false))
}

func checkGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden file (run go test -update to create it): %v", err)
	}
	wantLines, gotLines := strings.Split(string(raw), "\n"), strings.Split(got, "\n")
	bad := 0
	for i := 0; i < max(len(wantLines), len(gotLines)) && bad < 10; i++ {
		var w, g string
		if i < len(wantLines) {
			w = wantLines[i]
		}
		if i < len(gotLines) {
			g = gotLines[i]
		}
		if w != g {
			t.Errorf("%s:%d:\n got: %.300s\nwant: %.300s", path, i+1, g, w)
			bad++
		}
	}
}

// dumpIndex renders what ix answers as lines of text. Messages are their
// deterministic wire bytes in base64 (or, with hashed, a hash of them), so
// equal lines mean equal messages.
func dumpIndex(ix *index.Index, hashed bool) string {
	var b strings.Builder
	wire := func(m proto.Message) string {
		raw, err := proto.MarshalOptions{Deterministic: true}.Marshal(m)
		if err != nil {
			panic(err)
		}
		if hashed {
			sum := sha256.Sum256(raw)
			return base64.StdEncoding.EncodeToString(sum[:12])
		}
		return base64.StdEncoding.EncodeToString(raw)
	}
	p := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }

	p("version %s stats %+v nodes %d relations %d", ix.Version(), ix.Stats(), ix.NodeCount(), ix.RelationCount())
	var names []string
	for n := range index.Node(ix.NodeCount()) {
		name := ix.NodeName(n)
		names = append(names, name)
		back, ok := ix.NodeOf(name)
		r, isRel := ix.NodeRelation(n)
		p("node %d %s back=%d,%v type=%s rel=%d,%v out=%v in=%v", n, name, back, ok, ix.EntityType(n), r, isRel, ix.Out(n), ix.In(n))
		if e := ix.NodeEntity(n); e != nil {
			p("entity %s", wire(e))
			got, err := ix.Entity(name)
			p("  by name equal=%v err=%v", proto.Equal(got, e), err)
		}
		if isRel {
			if ix.RelationNode(r) != n {
				p("  relation node mismatch %d", ix.RelationNode(r))
			}
			s, o := ix.Ends(r)
			rel := ix.RelationAt(r)
			p("relation %d ends=%d,%d pred=%s %s", r, s, o, ix.Vocabulary().Predicate(ix.Predicate(r)).Name, wire(rel))
			got, err := ix.Relation(name)
			p("  by name equal=%v err=%v", proto.Equal(got, rel), err)
		}
	}
	for _, pr := range ix.Vocabulary().Predicates() {
		p("with predicate %s: %v", pr.Name, ix.WithPredicate(pr.ID))
	}
	for _, d := range ix.Documents() {
		p("document %s", wire(d))
		full, err := ix.Document(d.GetName(), true)
		p("  full %s err=%v", wire(full), err)
		bare, err := ix.Document(d.GetName(), false)
		p("  bare equal=%v err=%v", proto.Equal(bare, d), err)
	}

	relations := func(f index.RelationFilter, offset, limit int) {
		page, total, err := ix.Relations(f, offset, limit)
		var got []string
		for _, r := range page {
			got = append(got, r.GetName())
		}
		list := fmt.Sprint(got)
		if hashed {
			sum := sha256.Sum256([]byte(list))
			list = base64.StdEncoding.EncodeToString(sum[:9])
		}
		var preds []string
		for _, id := range f.Predicates {
			preds = append(preds, ix.Vocabulary().Predicate(id).Key)
		}
		p("relations {Subject:%s Object:%s Endpoint:%s Predicates:%v} @%d,%d: total=%d err=%v %s", f.Subject, f.Object, f.Endpoint, preds, offset, limit, total, err, list)
	}
	relations(index.RelationFilter{}, 0, 1000)
	relations(index.RelationFilter{}, 5, 7)
	relations(index.RelationFilter{Subject: "people/nobody"}, 0, 10)
	for i, name := range names {
		if hashed && i%4 != 0 {
			continue
		}
		relations(index.RelationFilter{Subject: name}, 0, 100)
		relations(index.RelationFilter{Object: name}, 0, 100)
		relations(index.RelationFilter{Endpoint: name}, 0, 100)
		relations(index.RelationFilter{Endpoint: name}, 1, 2)
	}
	for r := range index.Rel(ix.RelationCount()) {
		if hashed && r%10 != 0 {
			continue // a sample of the pairs is enough for a large graph
		}
		s, o := ix.Ends(r)
		sn, on := ix.NodeName(s), ix.NodeName(o)
		pr := []vocab.ID{ix.Predicate(r)}
		relations(index.RelationFilter{Subject: sn, Object: on}, 0, 100)
		relations(index.RelationFilter{Subject: on, Object: sn, Predicates: pr}, 0, 100)
		relations(index.RelationFilter{Subject: on, Predicates: pr}, 0, 100)
		relations(index.RelationFilter{Object: sn, Predicates: pr}, 0, 100)
		relations(index.RelationFilter{Endpoint: sn, Object: on, Predicates: pr}, 0, 100)
	}
	for _, e := range ix.Vocabulary().Predicates() {
		relations(index.RelationFilter{Predicates: []vocab.ID{e.ID}}, 0, 100)
	}

	search := func(q string, opts index.SearchOptions) {
		results := func(opts index.SearchOptions, entity bool) string {
			var got []string
			for _, h := range ix.SearchEntities(q, opts) {
				r := fmt.Sprintf("%s %.6f %q %s %v %d", h.Entity.GetName(), h.Score, h.MatchedText, h.Language, h.Kind, h.Edits)
				if entity {
					r += fmt.Sprintf(" %q %s", h.Entity.GetDisplayName(), h.Entity.GetType())
				}
				got = append(got, r)
			}
			return strings.Join(got, "; ")
		}
		p("search %q {Limit:%d MaxEdits:%d Types:%v Kinds:%v}: %s", q, opts.Limit, opts.MaxEdits, opts.Types, opts.Kinds, results(opts, false))
		// The basic view reads its entities apart from the full view: a
		// difference would show in the dump.
		basic := opts
		basic.Basic = true
		if full, b := results(opts, true), results(basic, true); b != full {
			p("search %q, basic view: %s; the full view: %s", q, b, full)
		}
	}
	for n := range index.Node(ix.NodeCount()) {
		e := ix.NodeEntity(n)
		if e == nil {
			continue
		}
		texts := []string{e.GetDisplayName()}
		for _, a := range e.GetAliases() {
			texts = append(texts, a.GetText())
		}
		for _, text := range texts {
			runes := []rune(text)
			search(text, index.SearchOptions{})
			search(strings.ToLower(text), index.SearchOptions{MaxEdits: -1, Limit: 3})
			search(text, index.SearchOptions{Types: []string{"person", "topic"}})
			if len(runes) > 3 {
				search(string(runes[:3]), index.SearchOptions{})
				search(string(runes[:len(runes)-1]), index.SearchOptions{MaxEdits: 1})
				search(string(runes[1:]), index.SearchOptions{})
				swapped := append([]rune(nil), runes...)
				swapped[1], swapped[2] = swapped[2], swapped[1]
				search(string(swapped), index.SearchOptions{MaxEdits: 2, Limit: 20})
			}
			if f := strings.Fields(text); len(f) > 1 {
				search(f[len(f)-1]+" "+f[0], index.SearchOptions{})
				last := f[len(f)-1]
				if utf8.RuneCountInString(last) > 2 {
					search(strings.Join(f[:len(f)-1], " ")+" "+string([]rune(last)[:2]), index.SearchOptions{})
				}
			}
		}
	}
	for _, q := range []string{"", " ", "korea", "japan economic", "samsung elec", "nand", "sk", "키옥시아", "キオクシア", "Kioxa", "Samsnug Electronics", "zzzz"} {
		search(q, index.SearchOptions{})
		search(q, index.SearchOptions{Limit: 50, MaxEdits: 2})
	}
	return b.String()
}

// TestSyntheticGolden pins what the index answers for a small synthetic
// graph (Hangul and Japanese names, several quotes per relation, relations
// about relations, thousands of searches with typos) against answers
// recorded from the first implementation of the index, the one that kept
// a message per entity and relation: the compact storage and the faster
// search changed nothing. The graph goes through the curated text format
// and loader, as the first implementation read it. The version line,
// which depends on the storage format, is left out.
func TestSyntheticGolden(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := synth.WriteText(synth.Config{Entities: 150, Seed: 3, Vocabulary: seedtest.Vocabulary(t)}, dir); err != nil {
		t.Fatal(err)
	}
	ix, err := seed.Load(context.Background(), dir, seed.Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := dumpIndex(ix, true)
	checkGolden(t, filepath.Join("testdata", "synth150.golden"), got[strings.IndexByte(got, '\n')+1:])
}
