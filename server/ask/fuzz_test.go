package ask

import (
	"context"
	"errors"
	"testing"

	"github.com/entitygraph/entitygraph/server/budget"
	"github.com/entitygraph/entitygraph/server/pattern"
	"github.com/entitygraph/entitygraph/server/seedtest"
)

// FuzzAsk checks that any question is either answered or refused with a
// NotUnderstoodError, and that answers come from a pattern that compiles.
func FuzzAsk(f *testing.F) {
	for _, tt := range goldenQuestions {
		f.Add(tt.question)
	}
	// Questions that end where a reading looks for more words.
	for _, q := range []string{"Did Samsung oppose companies like", "Blocs such as", "Where was Chey when he", "What happened to",
		"How did the bid end", "How far is Kioxia from", "What did Chey signal about", "Is it true that",
		"Who heard", "Who was the audience", "Which politician was the audience for", "To whom did", "To whom", "Before which",
		"In front of which", "for the second", "Where did Chey propose it for the", "Chey's second", "a breakthrough", "Who made a similar",
		"kioxia rank worldwide", "rank worldwide", "samsung date", "filing date", "Name the", "List all the", "Give me the company that",
		"What kind of company is", "What kind of company is Kioxia", "Which candidate did Chey make his proposal before",
		"In which court", "When was the", "Was the bid", "Who was the bid announced to",
		"Which ranks higher", "Which ranks higher, Samsung or", "Who invested more money", "more", "Is Kioxia ranked higher than", "Is the higher than SK", "Did X invest more than", "Kioxia is a company from which", "Kioxia is which", "X is from which", "Does the article say", "Does the article say that", "What nationality is", "What is the nationality of", "Who did Chey succeed as", "as chairman", "as chairman of", "Did Chey propose it as chairman of", "Who said", "Who said that", "Who said the a of to", "x ending date", "x y filing date", "before May 8", "Did Chey propose it before", "By which company was the", "Who is", "What is the", "who is kioxia"} {
		f.Add(q)
	}
	ix := seedtest.Index(f)
	f.Fuzz(func(t *testing.T, question string) {
		q, err := Compile(ix, question, pattern.Options{})
		if err != nil {
			var nu *NotUnderstoodError
			if !errors.As(err, &nu) || nu.Reason == "" {
				t.Fatalf("Compile(%q) error = %#v, want a *NotUnderstoodError with a reason", question, err)
			}
			return
		}
		if len(q.AnswerVars) == 0 {
			t.Fatalf("Compile(%q) has no answer variable", question)
		}
		if _, err := Answers(ix, q, budget.New(context.Background(), 5000), 10); err != nil && !errors.Is(err, budget.ErrExceeded) {
			t.Fatalf("Answers(%q) error = %v", question, err)
		}
		if Interpretation(ix, q) == "" {
			t.Fatalf("no interpretation for %q", question)
		}
	})
}
