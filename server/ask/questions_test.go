package ask_test

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/server/app"
	"github.com/entitygraph/entitygraph/server/ask"
	"github.com/entitygraph/entitygraph/server/budget"
	"github.com/entitygraph/entitygraph/server/index"
	"github.com/entitygraph/entitygraph/server/namesearch"
	"github.com/entitygraph/entitygraph/server/pattern"
)

var updateScore = flag.Bool("update-score", false, "rewrite testdata/questions/score.golden with the scores measured")

// setQuestion is one question of the question sets in testdata/questions,
// written from the documents alone, before the code was tuned to them.
type setQuestion struct {
	ID       string   `json:"id"`
	Split    string   `json:"split"` // "tune" or "holdout"
	Category string   `json:"category"`
	Question string   `json:"question"`
	Kind     string   `json:"kind"` // "answer", "yes", "no" or "refuse"
	Answers  []string `json:"answers"`
	Evidence string   `json:"evidence"`
	Note     string   `json:"note"`
}

// outcome is how Ask did on one question.
type outcome string

const (
	correct outcome = "correct" // the expected answers, or the verdict, or a refusal where one is due
	refused outcome = "refused" // not understood, no answers, or UNKNOWN, where an answer was due
	wrong   outcome = "wrong"   // an answer that is not one of the expected, or the opposite verdict, or an answer where a refusal was due
)

// TestQuestionSets scores Ask on the question sets and compares the
// scores with score.golden, so that a change that makes an answer wrong, or
// answers fewer, fails: wrong answers may not rise, correct ones may not
// fall, per dataset and split. -update-score rewrites the file once a change
// has earned it; -v logs every question that is not correct.
func TestQuestionSets(t *testing.T) {
	t.Parallel()
	root := filepath.Join("..", "..", "seeds")
	sets := []struct{ name, data string }{
		{"seed", ""},
		{"harbor-wind", filepath.Join(root, "harbor-wind")},
	}
	score := map[string]map[outcome]int{}
	var lines []string
	for _, set := range sets {
		ix, err := app.LoadIndex(set.data)
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range readQuestions(t, filepath.Join("testdata", "questions", set.name+".jsonl")) {
			got, said := judge(ix, q)
			for _, key := range []string{set.name + " " + q.Split, set.name + " " + q.Split + " " + q.Category} {
				if score[key] == nil {
					score[key] = map[outcome]int{}
				}
				score[key][got]++
			}
			// The holdout third stays untouched: its questions are scored,
			// never shown.
			if got != correct && q.Split != "holdout" {
				t.Logf("%s %s %s [%s, want %s %q]: %s", q.ID, got, q.Question, q.Category, q.Kind, q.Answers, said)
			}
		}
	}
	keys := slices.Sorted(func(yield func(string) bool) {
		for k := range score {
			if !yield(k) {
				return
			}
		}
	})
	for _, k := range keys {
		s := score[k]
		lines = append(lines, fmt.Sprintf("%s: correct %d wrong %d refused %d", k, s[correct], s[wrong], s[refused]))
	}
	golden := filepath.Join("testdata", "questions", "score.golden")
	if *updateScore {
		if err := os.WriteFile(golden, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	raw, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -run TestQuestionSets -update-score)", err)
	}
	want := map[string][3]int{}
	for _, line := range strings.Split(strings.TrimSpace(string(raw)), "\n") {
		var key string
		var c, w, r int
		head, tail, _ := strings.Cut(line, ": ")
		key = head
		if _, err := fmt.Sscanf(tail, "correct %d wrong %d refused %d", &c, &w, &r); err != nil {
			t.Fatalf("score.golden: %q: %v", line, err)
		}
		want[key] = [3]int{c, w, r}
	}
	for _, k := range keys {
		w, ok := want[k]
		s := score[k]
		switch {
		case !ok:
			t.Errorf("%s: no score in score.golden; measured correct %d wrong %d refused %d", k, s[correct], s[wrong], s[refused])
		case s[wrong] > w[1]:
			t.Errorf("%s: %d wrong answers, %d before", k, s[wrong], w[1])
		case s[correct] < w[0]:
			t.Errorf("%s: %d correct, %d before", k, s[correct], w[0])
		}
	}
	for _, l := range lines {
		if !strings.Contains(l, "holdout ") && !strings.Contains(l, "tune ") {
			t.Log(l)
		}
	}
}

func readQuestions(t *testing.T, path string) []setQuestion {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []setQuestion
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var q setQuestion
		if err := json.Unmarshal(sc.Bytes(), &q); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		out = append(out, q)
	}
	if len(out) == 0 {
		t.Fatalf("%s has no questions", path)
	}
	return out
}

// judge asks q and says how it went, with what Ask said.
func judge(ix *index.Index, q setQuestion) (outcome, string) {
	res, err := ask.Ask(ix, q.Question, budget.New(context.Background(), 1_000_000), 100, pattern.Options{})
	if err != nil {
		if q.Kind == "refuse" {
			return correct, "refused: " + err.Error()
		}
		return refused, err.Error()
	}
	said := res.Text
	switch q.Kind {
	case "yes", "no":
		want := map[string]pb.Verdict{"yes": pb.Verdict_VERDICT_YES, "no": pb.Verdict_VERDICT_NO}[q.Kind]
		said += " → " + res.Verdict.String()
		switch res.Verdict {
		case want:
			return correct, said
		case pb.Verdict_VERDICT_YES, pb.Verdict_VERDICT_NO:
			return wrong, said
		}
		if len(res.Answers) > 0 && !res.Question.YesNo {
			return wrong, said + " (answered a yes/no question with values)"
		}
		return refused, said
	case "refuse":
		if res.Verdict == pb.Verdict_VERDICT_YES || res.Verdict == pb.Verdict_VERDICT_NO || len(res.Answers) > 0 {
			return wrong, said + " → " + strings.Join(values(ix, res), "; ")
		}
		return correct, said + " → nothing"
	}
	got := values(ix, res)
	said += " → " + strings.Join(got, "; ")
	if res.Question.YesNo {
		return refused, said + " (read as yes/no)"
	}
	if len(got) == 0 {
		return refused, said
	}
	matched := 0
	for _, a := range res.Answers {
		if !slices.ContainsFunc(q.Answers, func(e string) bool { return answerMatches(ix, res, a, e) }) {
			return wrong, said
		}
	}
	for _, e := range q.Answers {
		if slices.ContainsFunc(res.Answers, func(a ask.Answer) bool { return answerMatches(ix, res, a, e) }) {
			matched++
		}
	}
	if matched == 0 || strings.Contains(q.Note, "all listed answers are required") && matched < len(q.Answers) {
		return refused, said + " (incomplete)"
	}
	return correct, said
}

// values are an answer's values as text: labels and literals, and for a
// how-many question the count.
func values(ix *index.Index, res *ask.Result) []string {
	var out []string
	if res.Question.Count {
		out = append(out, fmt.Sprint(res.Count))
	}
	for _, a := range res.Answers {
		var vals []string
		for _, n := range a.Nodes {
			if pattern.IsLiteral(n) {
				vals = append(vals, a.Literal(n))
			} else {
				vals = append(vals, ix.Label(n))
			}
		}
		out = append(out, strings.Join(vals, ", "))
	}
	return out
}

// countWords spell the counts a question set may expect in words: "two"
// is a count of 2.
var countWords = strings.Fields("zero one two three four five six seven eight nine ten eleven twelve")

// answerMatches reports whether answer a says the expected text e: one of
// its values' names or aliases holds it (or it holds the name: "SK" for SK
// Group), or its sentence does (a date, a rank as the relation words it);
// for a how-many question, the count is e.
func answerMatches(ix *index.Index, res *ask.Result, a ask.Answer, e string) bool {
	// "the panels" is said by "LCD panels": an expected answer's leading
	// article is no part of what it names.
	want := fold(e)
	for _, article := range []string{"the ", "a ", "an "} {
		want = strings.TrimPrefix(want, article)
	}
	if want == "" {
		return false
	}
	if res.Question.Count && (fold(fmt.Sprint(res.Count)) == want || res.Count < len(countWords) && countWords[res.Count] == want) {
		return true
	}
	var texts []string
	for _, n := range a.Nodes {
		if pattern.IsLiteral(n) {
			texts = append(texts, a.Literal(n))
			continue
		}
		texts = append(texts, ix.Label(n))
		if ent := ix.NodeEntity(n); ent != nil {
			for _, al := range ent.GetAliases() {
				texts = append(texts, al.GetText())
			}
		}
	}
	for _, t := range texts {
		if f := fold(t); f != "" && (strings.Contains(f, want) || strings.Contains(want, f)) {
			return true
		}
	}
	// A relation as the answer ("a breakthrough trade deal with the United
	// Kingdom"): its evidence quotes the document the question was
	// written from.
	for _, n := range a.Nodes {
		if r, ok := ix.NodeRelation(n); ok && !pattern.IsLiteral(n) {
			for _, ev := range ix.RelationAt(r).GetEvidence() {
				if strings.Contains(fold(ev.GetQuote()), want) {
					return true
				}
			}
		}
	}
	if strings.Contains(fold(a.Sentence), want) {
		return true
	}
	// A relation as the answer, named otherwise than the document words
	// it ("the construction permit for Gannet Bank" for the relation
	// Kittiwake develops Gannet Bank, whose approval quotes "approved the
	// construction permit for the 1.2-gigawatt project"): every content
	// word expected is in the relation's label, its evidence, the
	// answer's sentence, or the evidence of the relations that support it.
	for _, n := range a.Nodes {
		r, ok := ix.NodeRelation(n)
		if !ok || pattern.IsLiteral(n) {
			continue
		}
		said := []string{fold(ix.Label(n)), fold(a.Sentence)}
		for _, rel := range append([]index.Rel{r}, a.Rels...) {
			for _, ev := range ix.RelationAt(rel).GetEvidence() {
				said = append(said, fold(ev.GetQuote()))
			}
		}
		words := strings.Fields(strings.Join(said, " "))
		all := true
		for _, w := range strings.Fields(want) {
			all = all && (functionWords[w] || slices.Contains(words, w))
		}
		if all {
			return true
		}
	}
	return false
}

// functionWords are the words of an expected answer that carry no content.
var functionWords = map[string]bool{"the": true, "a": true, "an": true, "of": true, "for": true, "to": true, "in": true,
	"on": true, "with": true, "by": true, "and": true, "it": true, "its": true, "their": true}

func fold(s string) string { return strings.TrimSpace(namesearch.Normalize(s)) }
