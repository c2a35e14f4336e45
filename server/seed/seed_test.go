package seed

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"
)

const fixtureText = "Acme bought Widgets Inc. in 2020. Acme’s chief, Jane Roe, announced it.\n"

// fixtureGraph is a small valid graph; tests break it one way at a time.
const fixtureGraph = `# a small graph
documents {
  name: "documents/acme-news"
  title: "Acme news"
  source_file: "acme.txt"
}
entities {
  organization {
    name: "organizations/acme"
    display_name: "Acme"
    kind: ORGANIZATION_KIND_COMPANY
  }
}
entities {
  organization {
    name: "organizations/widgets-inc"
    display_name: "Widgets Inc."
    kind: ORGANIZATION_KIND_COMPANY
    aliases { text: "Widgets" language: "en" }
  }
}
entities {
  person { name: "people/jane-roe" display_name: "Jane Roe" }
}
relations {
  name: "relations/acme-buys-widgets"
  subject: "organizations/acme"
  predicate: PREDICATE_ACQUIRES
  object: "organizations/widgets-inc"
  qualifiers { status: RELATION_STATUS_COMPLETED time { text: "2020" start: "2020" } }
  evidence { quote: "Acme bought Widgets Inc. in 2020." }
}
relations {
  name: "relations/jane-announces"
  subject: "people/jane-roe"
  predicate: PREDICATE_ANNOUNCES
  object: "relations/acme-buys-widgets"
  evidence { quote: "Jane Roe, announced it" }
}
`

func fixture(graph string) fstest.MapFS {
	return fstest.MapFS{
		"acme.txt":   {Data: []byte(fixtureText)},
		"acme.txtpb": {Data: []byte(graph)},
	}
}

func TestLoadFixture(t *testing.T) {
	t.Parallel()
	g, err := LoadFS(fixture(fixtureGraph))
	if err != nil {
		t.Fatalf("LoadFS() error = %v", err)
	}
	if got, want := len(g.GetEntities()), 3; got != want {
		t.Errorf("entities = %d, want %d", got, want)
	}
	doc := g.GetDocuments()[0]
	if doc.GetText() != fixtureText || len(doc.GetSha256()) != 64 {
		t.Errorf("document text/sha256 not filled: %q %q", doc.GetText(), doc.GetSha256())
	}
	ev := g.GetRelations()[1].GetEvidence()[0]
	// "Acme’s" holds a 3-byte rune before the quote: chars and bytes differ by 2.
	wantStart := strings.Index(fixtureText, "Jane Roe, announced")
	if int(ev.GetStartByte()) != wantStart || int(ev.GetStartChar()) != wantStart-2 {
		t.Errorf("offsets = byte %d char %d, want byte %d char %d", ev.GetStartByte(), ev.GetStartChar(), wantStart, wantStart-2)
	}
	if got := []rune(fixtureText)[ev.GetStartChar():ev.GetEndChar()]; string(got) != ev.GetQuote() {
		t.Errorf("char offsets select %q, want %q", string(got), ev.GetQuote())
	}
	if ev.GetDocument() != "documents/acme-news" {
		t.Errorf("evidence document = %q, want the file's only document", ev.GetDocument())
	}
}

func TestLoadFailures(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		edit    func(string) string
		wantErr string // substring of the error, including file:line
	}{
		{
			name:    "syntax error",
			edit:    func(s string) string { return strings.Replace(s, `title: "Acme news"`, `title: "Acme news`, 1) },
			wantErr: `acme.txtpb:4: syntax error: invalid character '\n' in string (column 10)`,
		},
		{
			name:    "unknown field",
			edit:    func(s string) string { return strings.Replace(s, `title:`, `titel:`, 1) },
			wantErr: `acme.txtpb:4: unknown field: titel (column 3)`,
		},
		{
			name: "dangling object",
			edit: func(s string) string {
				return strings.Replace(s, `object: "organizations/widgets-inc"`, `object: "organizations/gadgets"`, 1)
			},
			wantErr: `acme.txtpb:29: relation relations/acme-buys-widgets: object "organizations/gadgets" is not defined`,
		},
		{
			name: "dangling relation object",
			edit: func(s string) string {
				return strings.Replace(s, `object: "relations/acme-buys-widgets"`, `object: "relations/nothing"`, 1)
			},
			wantErr: `acme.txtpb:37: relation relations/jane-announces: object "relations/nothing" is not defined`,
		},
		{
			name: "unknown predicate number",
			edit: func(s string) string {
				return strings.Replace(s, `predicate: PREDICATE_ANNOUNCES`, `predicate: 999`, 1)
			},
			wantErr: `acme.txtpb:36: relation relations/jane-announces: unknown predicate 999`,
		},
		{
			name: "unspecified predicate",
			edit: func(s string) string {
				return strings.Replace(s, `predicate: PREDICATE_ANNOUNCES`, `predicate: PREDICATE_UNSPECIFIED`, 1)
			},
			wantErr: `acme.txtpb:36: relation relations/jane-announces: unknown predicate PREDICATE_UNSPECIFIED`,
		},
		{
			name: "duplicate entity",
			edit: func(s string) string {
				return strings.Replace(s, `"organizations/widgets-inc"`+"\n    display_name", `"organizations/acme"`+"\n    display_name", 1)
			},
			wantErr: `acme.txtpb:16: duplicate name "organizations/acme" (first defined at acme.txtpb:9)`,
		},
		{
			name: "duplicate relation",
			edit: func(s string) string {
				return strings.Replace(s, `name: "relations/jane-announces"`, `name: "relations/acme-buys-widgets"`, 1)
			},
			wantErr: `acme.txtpb:34: duplicate name "relations/acme-buys-widgets"`,
		},
		{
			name:    "quote not in text",
			edit:    func(s string) string { return strings.Replace(s, `Jane Roe, announced it`, `Jane Doe announced it`, 1) },
			wantErr: `acme.txtpb:38: relation relations/jane-announces: quote "Jane Doe announced it" is not in documents/acme-news`,
		},
		{
			name:    "ambiguous quote",
			edit:    func(s string) string { return strings.Replace(s, `Jane Roe, announced it`, `Acme`, 1) },
			wantErr: `quote "Acme" occurs 2 times`,
		},
		{
			name: "no evidence",
			edit: func(s string) string {
				return strings.Replace(s, `  evidence { quote: "Jane Roe, announced it" }`+"\n", "", 1)
			},
			wantErr: `acme.txtpb:33: relation relations/jane-announces has no evidence`,
		},
		{
			name: "wrong collection",
			edit: func(s string) string {
				return strings.Replace(s, `person { name: "people/jane-roe"`, `person { name: "organizations/jane-roe"`, 1)
			},
			wantErr: `acme.txtpb:23: name "organizations/jane-roe" is in collection "organizations", want "people"`,
		},
		{
			name: "malformed name",
			edit: func(s string) string {
				return strings.Replace(s, `"organizations/acme"`+"\n    display_name", `"organizations/Acme Corp"`+"\n    display_name", 1)
			},
			wantErr: `acme.txtpb:9: malformed resource name "organizations/Acme Corp"`,
		},
		{
			name: "unspecified kind",
			edit: func(s string) string {
				return strings.Replace(s, "kind: ORGANIZATION_KIND_COMPANY\n  }\n}\nentities {\n  organization {\n    name: \"organizations/widgets-inc\"", "}\n}\nentities {\n  organization {\n    name: \"organizations/widgets-inc\"", 1)
			},
			wantErr: `organization organizations/acme: kind is unspecified`,
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
			wantErr: `acme.txtpb:19: entity organizations/widgets-inc: alias 1 needs text and a language`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			graph := tt.edit(fixtureGraph)
			if graph == fixtureGraph {
				t.Fatal("edit changed nothing; the test is broken")
			}
			_, err := LoadFS(fixture(graph))
			if err == nil {
				t.Fatalf("LoadFS() = nil error, want one containing %q", tt.wantErr)
			}
			if !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("LoadFS() error =\n%v\nwant it to contain\n%s", err, tt.wantErr)
			}
		})
	}
}

func TestLoadNoGraph(t *testing.T) {
	t.Parallel()
	_, err := LoadFS(fstest.MapFS{"a.txt": {Data: []byte("x")}})
	if !errors.Is(err, ErrNoGraph) {
		t.Fatalf("LoadFS(no graph) error = %v, want ErrNoGraph", err)
	}
}

func TestScanRecords(t *testing.T) {
	t.Parallel()
	src := "# c { \nfoo { a: \"}{ # \" }\nbar: 1\nfoo <\n x: '}'\n>\n"
	rl := scanRecords(src)
	if got := rl.starts["foo"]; len(got) != 2 || got[0] != 2 || got[1] != 4 {
		t.Errorf("foo starts = %v, want [2 4]", got)
	}
	if got := rl.starts["bar"]; len(got) != 1 || got[0] != 3 {
		t.Errorf("bar starts = %v, want [3]", got)
	}
	if got := rl.field(4, "x", 0); got != 5 {
		t.Errorf("field(4, x) = %d, want 5", got)
	}
}
