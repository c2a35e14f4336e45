package seed

import (
	"bytes"
	"context"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
)

const fixtureText = "Acme bought Widgets Inc. in 2020. Acme’s chief, Jane Roe, announced it.\n"

// fixtureVocab declares what fixtureGraph uses.
const fixtureVocab = `
predicates {
  name: "predicates/acquires"
  reading: "acquires"
  inverse_reading: "is acquired by"
  description: "One organization buys another."
  subject_types: "organization"
  object_types: "kinds/company"
  lexicon { verbs { text: "acquire" } verbs { text: "buy" } event_nouns: "acquisition" }
}
predicates {
  name: "predicates/announces"
  reading: "announces"
  inverse_reading: "is announced by"
  description: "Someone makes something public."
  lexicon { verbs { text: "announce" } }
}
kinds { name: "kinds/company" entity_type: "organization" nouns: "company" }
kinds { name: "kinds/city" entity_type: "place" nouns: "city" }
`

// fixtureGraph is a small valid graph; tests break it one way at a time.
const fixtureGraph = `# a small graph
documents {
  name: "documents/acme-news"
  title: "Acme news"
  source_file: "acme.txt"
}
entities {
  name: "organizations/acme"
  display_name: "Acme"
  kinds: "kinds/company"
}
entities {
  name: "organizations/widgets-inc"
  display_name: "Widgets Inc."
  kinds: "kinds/company"
  aliases { text: "Widgets" language: "en" }
}
entities { name: "people/jane-roe" display_name: "Jane Roe" }
relations {
  name: "relations/acme-buys-widgets"
  subject: "organizations/acme"
  predicate: "predicates/acquires"
  object: "organizations/widgets-inc"
  qualifiers { status: RELATION_STATUS_COMPLETED time { text: "2020" start: "2020" } }
  evidence { quote: "Acme bought Widgets Inc. in 2020." }
}
relations {
  name: "relations/jane-announces"
  subject: "people/jane-roe"
  predicate: "predicates/announces"
  object: "relations/acme-buys-widgets"
  evidence { quote: "Jane Roe, announced it" }
}
`

func fixture(graph string) fstest.MapFS {
	return fstest.MapFS{
		"acme.txt":          {Data: []byte(fixtureText)},
		"acme.txtpb":        {Data: []byte(graph)},
		"words.vocab.txtpb": {Data: []byte(fixtureVocab)},
	}
}

func TestLoadFixture(t *testing.T) {
	t.Parallel()
	ix, err := LoadFS(context.Background(), fixture(fixtureGraph), Options{})
	if err != nil {
		t.Fatalf("LoadFS() error = %v", err)
	}
	if got := ix.Stats(); got.Entities != 3 || got.Relations != 2 || got.Documents != 1 {
		t.Errorf("stats = %+v, want 3 entities, 2 relations, 1 document", got)
	}
	doc, err := ix.Document("documents/acme-news", true)
	if err != nil || doc.GetText() != fixtureText || len(doc.GetSha256()) != 64 {
		t.Errorf("document = %v, %v: want its text and sha256 filled", doc, err)
	}
	rel, err := ix.Relation("relations/jane-announces")
	if err != nil {
		t.Fatal(err)
	}
	ev := rel.GetEvidence()[0]
	// "Acme’s" holds a 3-byte rune before the quote: chars and bytes differ by 2.
	wantStart := strings.Index(fixtureText, "Jane Roe, announced")
	if int(ev.GetStartByte()) != wantStart || int(ev.GetStartChar()) != wantStart-2 {
		t.Errorf("offsets = byte %d char %d, want byte %d char %d", ev.GetStartByte(), ev.GetStartChar(), wantStart, wantStart-2)
	}
	if ev.GetDocument() != "documents/acme-news" {
		t.Errorf("evidence document = %q, want the file's only document", ev.GetDocument())
	}
	e, err := ix.Entity("organizations/acme")
	if err != nil || e.GetType() != "organization" || len(e.GetKinds()) != 1 || e.GetKinds()[0] != "kinds/company" {
		t.Errorf("entity = %v, %v: want an organization of kind company", e, err)
	}
}

func TestLoadFailures(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		edit    func(string) string
		wantErr string // substring of the error, including file:line
		notErr  string // a follow-on error that must not be reported
	}{
		{
			name:    "syntax error",
			edit:    func(s string) string { return strings.Replace(s, `title: "Acme news"`, `title: "Acme news`, 1) },
			wantErr: `acme.txtpb:4: a string is not closed on its line`,
		},
		{
			name:    "unknown field",
			edit:    func(s string) string { return strings.Replace(s, `title:`, `titel:`, 1) },
			wantErr: `acme.txtpb:4: unknown field: titel (column 3)`,
		},
		{
			name: "missing closing brace",
			edit: func(s string) string {
				return strings.Replace(s, "  kinds: \"kinds/company\"\n}\nentities {\n  name: \"organizations/widgets-inc\"", "  kinds: \"kinds/company\"\nentities {\n  name: \"organizations/widgets-inc\"", 1)
			},
			wantErr: `acme.txtpb:11: the entities record that starts at line 7 is still open where the entities record here starts: a '}' is missing before this line`,
		},
		{
			name:    "missing closing brace at the end",
			edit:    func(s string) string { return strings.TrimSuffix(s, "}\n") },
			wantErr: `acme.txtpb:27: the relations record that starts here is not closed`,
		},
		{
			name:    "byte-order mark",
			edit:    func(s string) string { return "\xef\xbb\xbf" + s },
			wantErr: `acme.txtpb:1: the file starts with a UTF-8 byte-order mark; save it as UTF-8 without one`,
		},
		{
			name: "a brace too many",
			edit: func(s string) string {
				return strings.Replace(s, "entities { name: \"people/jane-roe\" display_name: \"Jane Roe\" }", "entities { name: \"people/jane-roe\" display_name: \"Jane Roe\" } }", 1)
			},
			wantErr: `acme.txtpb:18: '}' closes nothing`,
		},
		{
			name: "dangling object",
			edit: func(s string) string {
				return strings.Replace(s, `object: "organizations/widgets-inc"`, `object: "organizations/widgets"`, 1)
			},
			wantErr: `acme.txtpb:23: relation relations/acme-buys-widgets: object "organizations/widgets" is not defined; did you mean "organizations/widgets-inc"?`,
		},
		{
			name: "dangling relation object",
			edit: func(s string) string {
				return strings.Replace(s, `object: "relations/acme-buys-widgets"`, `object: "relations/nothing"`, 1)
			},
			wantErr: `acme.txtpb:31: relation relations/jane-announces: object "relations/nothing" is not defined`,
		},
		{
			name: "unknown predicate",
			edit: func(s string) string {
				return strings.Replace(s, `predicate: "predicates/announces"`, `predicate: "predicates/anounces"`, 1)
			},
			wantErr: `acme.txtpb:30: relation relations/jane-announces: unknown predicate "predicates/anounces"; did you mean "predicates/announces"?`,
		},
		{
			name: "bare predicate id",
			edit: func(s string) string {
				return strings.Replace(s, `predicate: "predicates/announces"`, `predicate: "announces"`, 1)
			},
			wantErr: `unknown predicate "announces"; write its resource name, "predicates/announces"`,
		},
		{
			name: "unknown kind",
			edit: func(s string) string {
				return strings.Replace(s, `kinds: "kinds/company"`, `kinds: "kinds/compnay"`, 1)
			},
			wantErr: `acme.txtpb:10: entity organizations/acme: unknown kind "kinds/compnay"; did you mean "kinds/company"?`,
		},
		{
			name:    "kind of another type",
			edit:    func(s string) string { return strings.Replace(s, `kinds: "kinds/company"`, `kinds: "kinds/city"`, 1) },
			wantErr: `entity organizations/acme is a organization, but kinds/city is a kind of place`,
		},
		{
			name: "duplicate entity",
			edit: func(s string) string {
				return strings.Replace(s, `name: "organizations/widgets-inc"`, `name: "organizations/acme"`, 1)
			},
			wantErr: `acme.txtpb:13: duplicate name "organizations/acme" (first defined at acme.txtpb:8)`,
		},
		{
			name:    "quote not in text",
			edit:    func(s string) string { return strings.Replace(s, `Jane Roe, announced it`, `Jane Doe announced it`, 1) },
			wantErr: `acme.txtpb:32: relation relations/jane-announces: quote "Jane Doe announced it" is not in documents/acme-news`,
		},
		{
			name: "quote with a word changed",
			edit: func(s string) string {
				return strings.Replace(s, `Jane Roe, announced it`, `chief, Jane Roe, said it.`, 1)
			},
			wantErr: `quote "chief, Jane Roe, said it." is not in documents/acme-news; the closest passage is "chief, Jane Roe, announced" (quotes must be copied exactly)`,
		},
		{
			name:    "quote with other quotation marks",
			edit:    func(s string) string { return strings.Replace(s, `Jane Roe, announced it`, `Acme's chief`, 1) },
			wantErr: `quote "Acme's chief" is not in documents/acme-news; the text has "Acme’s chief" (quotes must be copied exactly)`,
		},
		{
			name:    "ambiguous quote",
			edit:    func(s string) string { return strings.Replace(s, `Jane Roe, announced it`, `Acme`, 1) },
			wantErr: `quote "Acme" occurs 2 times in documents/acme-news; lengthen it so it is unique, for example to "Acme bought Widgets Inc."`,
		},
		{
			name: "quantity not in a quote",
			edit: func(s string) string {
				return strings.Replace(s, `qualifiers { status: RELATION_STATUS_COMPLETED`, `qualifiers { quantities { amount: "5000000" unit: "USD" text: "$5 million" } status: RELATION_STATUS_COMPLETED`, 1)
			},
			wantErr: `relation relations/acme-buys-widgets: quantities[0]: "$5 million" is in none of its evidence quotes`,
		},
		{
			name: "reason not in a quote",
			edit: func(s string) string {
				return strings.Replace(s, `qualifiers { status: RELATION_STATUS_COMPLETED`, `qualifiers { reason: "because it could" status: RELATION_STATUS_COMPLETED`, 1)
			},
			wantErr: `relation relations/acme-buys-widgets: reason "because it could" is in none of its evidence quotes`,
		},
		{
			name: "quantity without a number",
			edit: func(s string) string {
				return strings.Replace(s, `qualifiers { status: RELATION_STATUS_COMPLETED`, `qualifiers { quantities { amount: "five" unit: "year" text: "2020" } status: RELATION_STATUS_COMPLETED`, 1)
			},
			wantErr: `relation relations/acme-buys-widgets: quantities[0]: amount "five" is not a decimal number`,
		},
		{
			name: "no evidence",
			edit: func(s string) string {
				return strings.Replace(s, `  evidence { quote: "Jane Roe, announced it" }`+"\n", "", 1)
			},
			wantErr: `acme.txtpb:27: relation relations/jane-announces has no evidence`,
		},
		{
			name: "wrong collection",
			edit: func(s string) string {
				return strings.Replace(s, `name: "relations/jane-announces"`, `name: "people/jane-announces"`, 1)
			},
			wantErr: `acme.txtpb:28: relation name "people/jane-announces" is in collection "people"; want "relations"`,
		},
		{
			name: "malformed name",
			edit: func(s string) string {
				return strings.Replace(s, `name: "organizations/acme"`, `name: "organizations/Acme Corp"`, 1)
			},
			wantErr: `acme.txtpb:8: entity: malformed resource name "organizations/Acme Corp"`,
		},
		{
			name: "source file escapes the data directory",
			edit: func(s string) string {
				return strings.Replace(s, `source_file: "acme.txt"`, `source_file: "../etc/passwd"`, 1)
			},
			wantErr: `acme.txtpb:5: document documents/acme-news: source_file "../etc/passwd" must be a relative path inside the data directory`,
		},
		{
			name: "missing source file",
			edit: func(s string) string {
				return strings.Replace(s, `source_file: "acme.txt"`, `source_file: "gone.txt"`, 1)
			},
			wantErr: `acme.txtpb:5: document documents/acme-news: open gone.txt`,
			notErr:  `quote "`,
		},
		{
			name: "relation about itself",
			edit: func(s string) string {
				return strings.Replace(s, `object: "relations/acme-buys-widgets"`, `object: "relations/jane-announces"`, 1)
			},
			wantErr: `relation relations/jane-announces refers to itself`,
		},
		{
			name: "alias without language",
			edit: func(s string) string {
				return strings.Replace(s, `aliases { text: "Widgets" language: "en" }`, `aliases { text: "Widgets" }`, 1)
			},
			wantErr: `acme.txtpb:16: entity organizations/widgets-inc: alias 1 needs text and a language`,
		},
		{
			name: "output-only type",
			edit: func(s string) string {
				return strings.Replace(s, `display_name: "Acme"`, `display_name: "Acme" type: "organization"`, 1)
			},
			wantErr: `entity organizations/acme: type is output only`,
		},
		{
			name: "extension of nothing",
			edit: func(s string) string {
				return s + "entity_extensions { name: \"organizations/acme-corp\" aliases { text: \"ACME\" language: \"en\" } }\n"
			},
			wantErr: `acme.txtpb:34: entity extension: name "organizations/acme-corp" is not defined; did you mean "organizations/acme"?`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			graph := tt.edit(fixtureGraph)
			if graph == fixtureGraph {
				t.Fatal("edit changed nothing; the test is broken")
			}
			_, err := LoadFS(context.Background(), fixture(graph), Options{})
			if err == nil {
				t.Fatalf("LoadFS() = nil error, want one containing %q", tt.wantErr)
			}
			if !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("LoadFS() error =\n%v\nwant it to contain\n%s", err, tt.wantErr)
			}
			if tt.notErr != "" && strings.Contains(err.Error(), tt.notErr) {
				t.Errorf("LoadFS() error =\n%v\nwant no follow-on error about %s", err, tt.notErr)
			}
		})
	}
}

func TestVocabularyErrors(t *testing.T) {
	t.Parallel()
	fsys := fixture(fixtureGraph)
	fsys["words.vocab.txtpb"] = &fstest.MapFile{Data: []byte(strings.Replace(fixtureVocab, `inverse_reading: "is announced by"`, "", 1))}
	_, err := LoadFS(context.Background(), fsys, Options{})
	if err == nil || !strings.Contains(err.Error(), `words.vocab.txtpb:11: predicates/announces has no inverse reading`) {
		t.Errorf("LoadFS() error = %v, want the vocabulary's error at its line", err)
	}
	delete(fsys, "words.vocab.txtpb")
	if _, err := LoadFS(context.Background(), fsys, Options{}); !errors.Is(err, ErrNoVocabulary) {
		t.Errorf("LoadFS(no vocabulary) error = %v, want ErrNoVocabulary", err)
	}
}

func TestWarnings(t *testing.T) {
	t.Parallel()
	graph := strings.Replace(fixtureGraph, `object: "organizations/widgets-inc"`, `object: "people/jane-roe"`, 1)
	var warnings []string
	_, err := LoadFS(context.Background(), fixture(graph), Options{Curate: true, Warn: func(p *Problem) { warnings = append(warnings, p.Error()) }})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`acme.txtpb:23: warning: relation relations/acme-buys-widgets: the object people/jane-roe is a person, but predicates/acquires expects kinds/company`,
		`words.vocab.txtpb:19: warning: kind kinds/city is declared but no entity has it`,
	}
	for _, w := range want {
		found := false
		for _, got := range warnings {
			found = found || got == w
		}
		if !found {
			t.Errorf("warnings %q lack %q", warnings, w)
		}
	}
}

func TestManyFiles(t *testing.T) {
	t.Parallel()
	fsys := fixture(fixtureGraph)
	fsys["later.txt"] = &fstest.MapFile{Data: []byte("ACME said again that it bought Widgets Inc.\n")}
	fsys["later.txtpb"] = &fstest.MapFile{Data: []byte(`
documents { name: "documents/later" title: "Later" source_file: "later.txt" }
entity_extensions { name: "organizations/acme" aliases { text: "ACME" language: "en" kind: ALIAS_KIND_ABBREVIATION } }
relations {
  name: "relations/acme-buys-widgets-again"
  subject: "organizations/acme"
  predicate: "predicates/acquires"
  object: "organizations/widgets-inc"
  statement_rank: STATEMENT_RANK_PREFERRED
  evidence { quote: "it bought Widgets Inc." }
  evidence { document: "documents/acme-news" quote: "Acme bought Widgets Inc. in 2020." }
}
`)}
	ix, err := LoadFS(context.Background(), fsys, Options{})
	if err != nil {
		t.Fatal(err)
	}
	e, _ := ix.Entity("organizations/acme")
	if len(e.GetAliases()) != 1 || e.GetAliases()[0].GetText() != "ACME" {
		t.Errorf("aliases = %v, want the extension's", e.GetAliases())
	}
	if got := ix.ExactNodes("ACME", 10); len(got) != 1 {
		t.Errorf("ExactNodes(ACME) = %v, want Acme", got)
	}
	r, _ := ix.Relation("relations/acme-buys-widgets-again")
	if len(r.GetEvidence()) != 2 || r.GetStatementRank() != pb.StatementRank_STATEMENT_RANK_PREFERRED {
		t.Errorf("relation = %v, want two documents' evidence, preferred", r)
	}
	old, _ := ix.NodeOf("relations/acme-buys-widgets")
	if rel, _ := ix.NodeRelation(old); !ix.Hidden(rel) {
		t.Error("the normal statement beside a preferred one is not hidden")
	}
}

func TestLoadStops(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := LoadFS(ctx, fixture(fixtureGraph), Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("LoadFS(cancelled) error = %v, want context.Canceled", err)
	}
}

func TestLoadNoGraph(t *testing.T) {
	t.Parallel()
	_, err := LoadFS(context.Background(), fstest.MapFS{"a.txt": {Data: []byte("x")}, "w.vocab.txtpb": {Data: []byte(fixtureVocab)}}, Options{})
	if !errors.Is(err, ErrNoGraph) {
		t.Fatalf("LoadFS(no graph) error = %v, want ErrNoGraph", err)
	}
}

func TestScanRecords(t *testing.T) {
	t.Parallel()
	src := "# c { \nfoo { a: \"}{ # \" }\nbar: 1\nfoo <\n x: '}'\n>\nbaz: [{x: 1}, {x: 2}]\n"
	recs, err := scanRecords([]byte(src), []string{"foo", "bar", "baz"})
	if err != nil {
		t.Fatal(err.msg)
	}
	var got []string
	for _, r := range recs {
		got = append(got, r.field+":"+string(rune('0'+r.line)))
	}
	if strings.Join(got, " ") != "foo:2 bar:3 foo:4 baz:7" {
		t.Errorf("records = %v", got)
	}
	if line := fieldLine([]byte(src), recs[2], "x", 0); line != 5 {
		t.Errorf("fieldLine(x) = %d, want 5", line)
	}
}

// TestScanPartsIsOnePass checks that scanning a file in parts gives the
// records of one pass, and fails exactly when one pass does, over the
// seed files and mutations of them that unbalance a bracket or add a
// top-level field inside a record.
func TestScanPartsIsOnePass(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob("../../seeds/*.txtpb")
	if err != nil || len(files) == 0 {
		t.Fatalf("no seed files: %v", err)
	}
	more, _ := filepath.Glob("../../seeds/*/*.txtpb")
	files = append(files, more...)
	rng := rand.New(rand.NewPCG(9, 9))
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		top := graphFields
		if strings.HasSuffix(f, VocabFileExt) {
			top = vocabFields
		}
		variants := [][]byte{src}
		for range 20 {
			v := slices.Clone(src)
			i := rng.IntN(len(v))
			switch rng.IntN(3) {
			case 0: // drop a closing brace
				if j := bytes.IndexByte(v[i:], '}'); j >= 0 {
					v = slices.Delete(v, i+j, i+j+1)
				}
			case 1: // an extra opening one
				v = slices.Insert(v, i, '{')
			case 2: // a top-level field at the start of a line inside a record
				if j := bytes.IndexByte(v[i:], '\n'); j >= 0 {
					v = slices.Insert(v, i+j+1, []byte(top[0]+" {\n")...)
				}
			}
			variants = append(variants, v)
		}
		for vi, v := range variants {
			want, serr := scanRange(v, 0, 1, top)
			for parts := 2; parts <= 6; parts++ {
				got, ok := scanParts(v, top, parts)
				if ok != (serr == nil) {
					t.Fatalf("%s variant %d, %d parts: parts scan ok = %v, one pass error = %v", f, vi, parts, ok, serr)
				}
				if ok && !slices.Equal(got, want) {
					t.Fatalf("%s variant %d, %d parts: %d records differ from one pass's %d", f, vi, parts, len(got), len(want))
				}
			}
		}
	}
}
