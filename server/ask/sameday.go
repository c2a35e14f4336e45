package ask

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/server/budget"
	"github.com/entitygraph/entitygraph/server/index"
	"github.com/entitygraph/entitygraph/server/pattern"
)

// sameDayOpening is a question dated by another relation: "On the (same)
// day CLAUSE, QUESTION".
var sameDayOpening = regexp.MustCompile(`(?i)^\s*on\s+the\s+(?:same\s+)?day\s+(?:that\s+|when\s+)?([^,]+),\s*(\S.*)$`)

// askSameDay answers "On the same day Trump announced the UK trade deal,
// in which city did Chey Tae-won pitch the alliance?": the clause, asked
// as "Did CLAUSE?", must be Yes by relations of one day; the question is
// then asked on that day. It returns false when the question has no such
// opening.
func askSameDay(ix *index.Index, question string, b *budget.Budget, limit int, opts pattern.Options) (*Result, bool, error) {
	m := sameDayOpening.FindStringSubmatch(question)
	if m == nil || len(question) > 4*MaxQuestionRunes {
		return nil, false, nil
	}
	clause, main := strings.TrimSpace(m[1]), strings.TrimSpace(m[2])
	refuse := func(reason string) (*Result, bool, error) {
		return nil, true, &NotUnderstoodError{Understood: []string{fmt.Sprintf("%q = the day of another relation", "On the day "+clause)}, Reason: reason}
	}
	cres, err := Ask(ix, "Did "+clause+"?", b, limit, opts)
	if err != nil {
		if nu := (*NotUnderstoodError)(nil); errors.As(err, &nu) {
			return refuse(fmt.Sprintf("it dates its question by %q, which is not understood: %s", clause, nu.Reason))
		}
		return nil, true, err
	}
	if cres.Verdict != pb.Verdict_VERDICT_YES {
		return refuse(fmt.Sprintf("it dates its question by %q, which the graph does not say happened", clause))
	}
	day := ""
	for _, r := range cres.Deciding {
		start := ix.Qualifiers(r).GetTime().GetStart()
		if len(start) != len("2006-01-02") {
			continue
		}
		if day != "" && day != start {
			return refuse(fmt.Sprintf("%q happened on more than one day", clause))
		}
		day = start
	}
	at, ok := dateWords(day)
	if !ok || len(day) != len("2006-01-02") {
		return refuse(fmt.Sprintf("the graph gives no day for %q", clause))
	}
	on := strings.TrimPrefix(at, "on ")
	res, err := Ask(ix, strings.TrimRight(main, "?. ")+" on "+on+"?", b, limit, opts)
	if err != nil {
		return nil, true, err
	}
	note := fmt.Sprintf("%q = %s, the day of %s", "On the day "+clause, on, summaries(ix, cres.Deciding))
	res.Interpretation = fmt.Sprintf("On %s, the day %s: %s", on, clause, res.Interpretation)
	if res.Question != nil {
		res.Question.Understood = append(res.Question.Understood, note)
	}
	return res, true, nil
}

// Clauses that date a question by another relation, "When CLAUSE,
// QUESTION" and "QUESTION when CLAUSE"; a clause opening with an
// auxiliary ("when did ...") is a question of its own.
var (
	whenOpening = regexp.MustCompile(`(?i)^\s*when\s+([^,]+),\s*(\S.*)$`)
	whenClosing = regexp.MustCompile(`(?i)^\s*(\S.*?\S)\s*,?\s+when\s+(\S[^?]*?)\s*\??\s*$`)
	auxOpening  = regexp.MustCompile(`(?i)^(?:do|does|did|is|are|was|were|will|would|has|have|had|can|could)\b`)
)

// askWhenClause answers "How did lawmakers react when Chey proposed the
// alliance at the National Assembly?", a question Compile refuses with
// its "when" clause: the clause, asked as "Did CLAUSE?", must be Yes by
// relations that share one time, a day or only a month or a year, and
// the question is then asked at that time. A No it then gets that the
// question without the clause does not is Unknown: the clause says when,
// not that nothing else happened. It returns false when the question has
// no such clause, or is not understood so either.
func askWhenClause(ix *index.Index, question string, b *budget.Budget, limit int, opts pattern.Options) (*Result, bool) {
	if len(question) > 4*MaxQuestionRunes || !strings.Contains(strings.ToLower(question), "when") {
		return nil, false
	}
	var clause, main, opening string
	if m := whenOpening.FindStringSubmatch(question); m != nil && !auxOpening.MatchString(m[1]) {
		clause, main, opening = m[1], m[2], "When "
	} else if m := whenClosing.FindStringSubmatch(question); m != nil && !auxOpening.MatchString(m[2]) &&
		len(strings.Fields(m[1])) >= 2 && !strings.EqualFold(strings.Fields(m[1])[0], "when") {
		clause, main, opening = m[2], m[1], "when "
	} else {
		return nil, false
	}
	clause, main = strings.TrimSpace(clause), strings.TrimSpace(main)
	cres, err := Ask(ix, "Did "+clause+"?", b, limit, opts)
	if err != nil || cres.Verdict != pb.Verdict_VERDICT_YES || cres.Question == nil {
		return nil, false
	}
	// A clause of a status ("when Norvane dropped its lawsuit") is no
	// time the graph gives: a relation's time is when it held. Nor is a
	// plan's ("when Halcyon planned the factory"), which is when it is to
	// hold.
	if slices.ContainsFunc(cres.Question.Pattern.GetConstraints(), func(c *pb.Constraint) bool {
		_, status := c.GetTest().(*pb.Constraint_RelationStatus)
		return status
	}) {
		return nil, false
	}
	// Every relation the clause matches, not only the one that decided
	// it: "when Chey proposed the alliance" is two days.
	var rels []index.Rel
	st := statusReader{ix: ix, q: cres.Question, asIs: asIs(cres.Question, "Did "+clause+"?")}
	for _, a := range cres.Answers {
		for _, sol := range a.Solutions {
			if holds, _, _, _ := st.solution(sol); holds {
				rels = append(rels, sol.Rels[:min(max(cres.Question.Mains, 1), len(sol.Rels))]...)
			}
		}
	}
	start := ""
	for _, r := range append(rels, cres.Deciding...) {
		if r == pattern.NoRel {
			continue
		}
		switch ix.RelationStatus(r) {
		case pb.RelationStatus_RELATION_STATUS_PLANNED, pb.RelationStatus_RELATION_STATUS_PROPOSED, pb.RelationStatus_RELATION_STATUS_ATTEMPTED:
			return nil, false
		}
		s := ix.Qualifiers(r).GetTime().GetStart()
		if s == "" {
			continue
		}
		if start != "" && start != s {
			return nil, false
		}
		start = s
	}
	at, ok := dateWords(start)
	if !ok {
		return nil, false
	}
	res, err := Ask(ix, strings.TrimRight(main, "?. ")+" "+at+"?", b, limit, opts)
	if err != nil {
		return nil, false
	}
	if res.Verdict == pb.Verdict_VERDICT_NO {
		if undated, err := Ask(ix, main, b, limit, opts); err != nil || undated.Verdict != pb.Verdict_VERDICT_NO {
			res.Verdict, res.Deciding, res.Answers = pb.Verdict_VERDICT_UNKNOWN, nil, nil
		}
	}
	note := fmt.Sprintf("%q = %s, the time of %s", opening+clause, strings.TrimPrefix(strings.TrimPrefix(at, "on "), "in "), summaries(ix, cres.Deciding))
	res.Interpretation = fmt.Sprintf("%s, when %s: %s", strings.ToUpper(at[:1])+at[1:], clause, res.Interpretation)
	if res.Question != nil {
		res.Question.Understood = append(res.Question.Understood, note)
	}
	return res, true
}

// dateWords writes an ISO 8601 start as a question's date: "on April 22,
// 2025", "in April 2025" or "in 2021"; false for none.
func dateWords(start string) (string, bool) {
	for _, f := range []struct{ layout, words string }{{"2006-01-02", "on January 2, 2006"}, {"2006-01", "in January 2006"}, {"2006", "in 2006"}} {
		if len(start) != len(f.layout) {
			continue
		}
		if t, err := time.Parse(f.layout, start); err == nil {
			return t.Format(f.words), true
		}
	}
	return "", false
}
