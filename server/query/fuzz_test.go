package query

import (
	"context"
	"errors"
	"testing"

	"google.golang.org/protobuf/proto"

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
	} {
		f.Add(s)
	}
	ix := seedIx(f)
	f.Fuzz(func(t *testing.T, text string) {
		p, err := ParseText(ix, text)
		if err != nil {
			var se *SyntaxError
			if !errors.As(err, &se) || se.Line < 1 || se.Column < 1 {
				t.Fatalf("ParseText(%q) error = %#v, want a positioned *SyntaxError", text, err)
			}
			return
		}
		c, err := Compile(ix, p)
		if err != nil {
			var pe *PatternError
			if !errors.As(err, &pe) && !errors.Is(err, index.ErrNotFound) {
				t.Fatalf("Compile(%q) error = %v, want a PatternError or not found", text, err)
			}
			return
		}
		if _, _, err := c.Run(NewBudget(context.Background(), 2000), 0, 10); err != nil && !errors.Is(err, ErrBudgetExceeded) {
			t.Fatalf("Run(%q) error = %v", text, err)
		}
		canon := FormatPattern(p)
		p2, err := ParseText(ix, canon)
		if err != nil || !proto.Equal(p, p2) {
			t.Fatalf("canonical form %q of %q does not parse back to the same pattern: %v", canon, text, err)
		}
	})
}

// FuzzAsk checks that any question is either answered or refused with a
// NotUnderstoodError, and that answers come from a pattern that compiles.
func FuzzAsk(f *testing.F) {
	for _, tt := range goldenQuestions {
		f.Add(tt.question)
	}
	ix := seedIx(f)
	f.Fuzz(func(t *testing.T, question string) {
		q, err := CompileQuestion(ix, question)
		if err != nil {
			var nu *NotUnderstoodError
			if !errors.As(err, &nu) || nu.Reason == "" {
				t.Fatalf("CompileQuestion(%q) error = %#v, want a *NotUnderstoodError with a reason", question, err)
			}
			return
		}
		if len(q.AnswerVars) == 0 {
			t.Fatalf("CompileQuestion(%q) has no answer variable", question)
		}
		if _, _, err := Answers(ix, q, NewBudget(context.Background(), 5000), 10); err != nil && !errors.Is(err, ErrBudgetExceeded) {
			t.Fatalf("Answers(%q) error = %v", question, err)
		}
		if Interpretation(ix, q) == "" {
			t.Fatalf("no interpretation for %q", question)
		}
	})
}
