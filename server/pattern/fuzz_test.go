package pattern

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"google.golang.org/protobuf/proto"

	"github.com/entitygraph/entitygraph/server/budget"
	"github.com/entitygraph/entitygraph/server/index"
)

// FuzzParseText checks that any text either parses, compiles, runs and
// round-trips through its canonical form, or fails with a positioned syntax
// error or a pattern error — never a panic or another kind of error.
func FuzzParseText(f *testing.F) {
	for _, s := range []string{
		"?who COORDINATES_AGAINST ?deal . ?deal is an acquisition",
		"?x =OPPOSES|COORDINATES_WITH organizations/japan AS ?r . ?r is failed . ?x is company|business_group",
		`"Chey Tae-won" leads ?o ; ?o is a business_group`,
		"?a * ?b\n?b acquired_by ?c # comment",
		"?x is", `"unterminated`, "?", "organizations/kioxia LEADS", "?x LEADS ?y AS",
		"people/chey-tae-won proposes ?plan AS ?r { place ?where, time ?when } . OPTIONAL { ?r { audience ?before } }",
		"?x produces topics/nand-flash { rank <= 2 ; role ~ \"chief exec\" } . NOT { ?x opposes ?d }",
		"?s * ?o AS ?r { document ?doc } . COUNT ?r BY ?doc",
		"?via dominates ?i . ?via involves organizations/sony . COUNT *",
		"?r { time != 2021-02-30 }", "NOT { NOT { ?a * ?b } }", "?a * ?b { rank > x }",
		// Quoted values with bytes that strconv.Quote would escape, and the
		// two escapes the syntax has.
		"?A produCe topics/nand-flash{role\"\x88\"}", `?x leads ?o { role = "a\"b\\c" }`,
	} {
		f.Add(s)
	}
	ix := seedIx(f)
	f.Fuzz(func(t *testing.T, text string) {
		hang := time.AfterFunc(10*time.Second, func() { panic(fmt.Sprintf("still running after 10s: %q", text)) })
		defer hang.Stop()
		p, err := ParseText(ix, text)
		if err != nil {
			var se *SyntaxError
			if !errors.As(err, &se) || se.Line < 1 || se.Column < 1 {
				t.Fatalf("ParseText(%q) error = %#v, want a positioned *SyntaxError", text, err)
			}
			return
		}
		c, err := Compile(ix, p, Options{})
		if err != nil {
			var pe *FieldError
			if !errors.As(err, &pe) && !errors.Is(err, index.ErrNotFound) {
				t.Fatalf("Compile(%q) error = %v, want a FieldError or not found", text, err)
			}
			return
		}
		if _, _, err := c.Run(budget.New(context.Background(), 2000), 0, 10); err != nil && !errors.Is(err, budget.ErrExceeded) {
			t.Fatalf("Run(%q) error = %v", text, err)
		}
		canon := Format(p)
		p2, err := ParseText(ix, canon)
		if err != nil || !proto.Equal(p, p2) {
			t.Fatalf("canonical form %q of %q does not parse back to the same pattern: %v", canon, text, err)
		}
	})
}
