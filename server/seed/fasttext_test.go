package seed

import (
	"os"
	"path/filepath"
	"testing"

	"google.golang.org/protobuf/encoding/prototext"
	"google.golang.org/protobuf/proto"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
)

// checkSimple fails t when parseSimple accepts src and prototext.Unmarshal
// refuses it or parses it to another message. It reports whether
// parseSimple accepted src.
func checkSimple(t *testing.T, src []byte) bool {
	t.Helper()
	got := &pb.Graph{}
	if !parseSimple(src, got.ProtoReflect()) {
		return false
	}
	want := &pb.Graph{}
	if err := prototext.Unmarshal(src, want); err != nil {
		t.Fatalf("parseSimple accepts what prototext refuses (%v):\n%s", err, src)
	}
	if !proto.Equal(got, want) {
		t.Fatalf("parseSimple parses\n%s\nto %v, prototext to %v", src, got, want)
	}
	return true
}

// TestParseSimple checks the plain-subset parser against prototext: on
// every record of the seed graphs, which it must accept (they are written
// plainly), and on forms it must leave to prototext.
func TestParseSimple(t *testing.T) {
	t.Parallel()
	files, _ := filepath.Glob("../../seeds/*.graph.txtpb")
	more, _ := filepath.Glob("../../seeds/*/*.graph.txtpb")
	files = append(files, more...)
	if len(files) < 2 {
		t.Fatalf("seed graphs: %v", files)
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		recs, serr := scanRecords(src, graphFields)
		if serr != nil {
			t.Fatal(serr.msg)
		}
		declined := 0
		for _, r := range recs {
			if !checkSimple(t, src[r.start:r.end]) {
				declined++
			}
		}
		// Records with escapes in their strings go to prototext.
		if declined > len(recs)/10 {
			t.Errorf("%s: parseSimple declined %d of %d records", f, declined, len(recs))
		}
		checkSimple(t, src[recs[0].start:recs[len(recs)-1].end])
	}
	plain := `relations { summary: "\"q\" \\ \'s" }
relations { name: "relations/a" subject: "organizations/x" predicate: "predicates/p" object: "organizations/y"
  qualifiers { status: RELATION_STATUS_FAILED rank { position: 2 } audience: "a" audience: "b" } evidence: { quote: "Café ’s" } }`
	if !checkSimple(t, []byte(plain)) {
		t.Errorf("declined the plain record %s", plain)
	}
	for _, src := range []string{
		`relations { name: "a\nb" }`, // an escape it leaves to prototext
		`relations { name: "a\x41" }`,
		`relations { name: "a\"`,
		`relations { name: "a" "b" }`,               // concatenated strings
		`relations { name: 'a' }`,                   // single quotes
		`relations { name: "a" # comment` + "\n}",   // a comment
		`relations { name: "a", subject: "b" }`,     // a separator
		`relations < name: "a" >`,                   // angle brackets
		`relations: [{ name: "a" }]`,                // a list
		`relations { name: "a" name: "b" }`,         // a field given twice
		`relations { qualifiers { status: 3 } }`,    // an enum by number
		`relations { qualifiers { status: NOPE } }`, // not an enum value
		`relations { qualifiers { rank { position: 012 } } }`,
		`relations { qualifiers { rank { position: 0x1 } } }`,
		`relations { qualifiers { rank { position: 99999999999 } } }`,
		`relations { nope: "a" }`,        // an unknown field
		`relations { name: "a"`,          // unclosed
		`relations { name: "a" } }`,      // closed twice
		"relations { name: \"a\xffb\" }", // not UTF-8
		"relations { name: \"a\nb\" }",   // a newline in a string
		"relations {\vname: \"a\" }",     // not white space to prototext
		`relations { name "a" }`,         // a scalar without a colon
	} {
		if checkSimple(t, []byte(src)) {
			t.Errorf("parseSimple accepted %q, which is for prototext", src)
		}
	}
}

// FuzzParseSimple checks that whatever parseSimple accepts, prototext
// parses to the same message.
func FuzzParseSimple(f *testing.F) {
	f.Add(fixtureGraph)
	f.Add(`relations { name: "relations/a" qualifiers { status: RELATION_STATUS_FAILED rank { position: -2 } } evidence: { quote: "x" } }`)
	f.Add(`entities { name: "people/a" aliases { text: "A" kind: ALIAS_KIND_ABBREVIATION } roles { title: "chief" } }`)
	f.Fuzz(func(t *testing.T, src string) {
		checkSimple(t, []byte(src))
	})
}
