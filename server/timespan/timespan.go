// Package timespan reads the times of relations as spans of days: an ISO
// 8601 date of year, month or day precision covers the days the text
// allows, so that comparisons never claim more than the text says.
package timespan

import (
	"fmt"
	"time"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
)

// Span is a closed range of days since the Unix epoch; OK is false for a
// time that does not parse.
type Span struct {
	Lo, Hi int
	OK     bool
}

// Parse reads an ISO 8601 date of year ("2021"), month ("2025-05") or day
// ("2025-05-08") precision as the span of days it covers.
func Parse(s string) Span {
	var y, m, d int
	switch n, _ := fmt.Sscanf(s, "%4d-%2d-%2d", &y, &m, &d); {
	case len(s) == 4 && n >= 1:
		lo := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
		return Span{days(lo), days(lo.AddDate(1, 0, -1)), true}
	case len(s) == 7 && n >= 2 && m >= 1 && m <= 12:
		lo := time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC)
		return Span{days(lo), days(lo.AddDate(0, 1, -1)), true}
	case len(s) == 10 && n == 3 && m >= 1 && m <= 12 && d >= 1:
		t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
		if t.Day() != d {
			return Span{} // February 30th
		}
		return Span{days(t), days(t), true}
	}
	return Span{}
}

func days(t time.Time) int { return int(t.Unix() / 86400) }

// Of is the span a relation's time covers: from its start's first day to
// its end's last, or its start's last when it has no end.
func Of(t *pb.TimeSpan) Span {
	start := Parse(t.GetStart())
	if !start.OK {
		return Span{}
	}
	if t.GetEnd() != "" {
		end := Parse(t.GetEnd())
		if !end.OK || end.Hi < start.Lo {
			return Span{}
		}
		start.Hi = end.Hi
	}
	return start
}

// Overlaps reports whether two spans share a day.
func (s Span) Overlaps(o Span) bool { return s.OK && o.OK && s.Lo <= o.Hi && o.Lo <= s.Hi }
