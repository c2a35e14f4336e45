package ask

import (
	"errors"
	"fmt"
	"regexp"
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
	t, err := time.Parse("2006-01-02", day)
	if err != nil {
		return refuse(fmt.Sprintf("the graph gives no day for %q", clause))
	}
	on := t.Format("January 2, 2006")
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
