package draft

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
)

const monthNames = `January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\.`

var (
	// fullDate is "October 14, 2025".
	fullDate = regexp.MustCompile(`\b(` + monthNames + `) (\d{1,2}), (\d{4})\b`)
	// timeExpr is a time a sentence gives, with the preposition before it
	// when there is one: "on Monday", "in 2028", "in October 2025",
	// "since March 3", "September 2, 2025".
	timeExpr = regexp.MustCompile(`\b(?:(?:on|in|from|since|by|until|through|during|last|this) )?(?:` +
		`(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)` +
		`|(` + monthNames + `)(?: (\d{1,2}))?(?:,? (\d{4}))?` +
		`|(\d{4}))\b`)
)

var monthNumber = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
	"september": 9, "october": 10, "november": 11, "december": 12,
	"jan.": 1, "feb.": 2, "aug.": 8, "sept.": 9, "sep.": 9, "oct.": 10, "nov.": 11, "dec.": 12,
}

var weekdayNumber = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
}

// datelineDate is the first full date of the text's first lines, the
// day the article is dated; the zero time when there is none.
func datelineDate(text string) time.Time {
	head := text
	if len(head) > 600 {
		head = head[:600]
	}
	m := fullDate.FindStringSubmatch(head)
	if m == nil {
		return time.Time{}
	}
	day, _ := strconv.Atoi(m[2])
	year, _ := strconv.Atoi(m[3])
	return time.Date(year, time.Month(monthNumber[strings.ToLower(m[1])]), day, 0, 0, 0, 0, time.UTC)
}

// readTime reads the first time in s that can be dated (see readTimes),
// or nil.
func readTime(s string, dateline time.Time) *pb.TimeSpan {
	if ts := readTimes(s, dateline); len(ts) > 0 {
		return ts[0].span
	}
	return nil
}

// datedTime is a time of a text, at a byte offset.
type datedTime struct {
	at   int
	span *pb.TimeSpan
}

// readTimes reads the times in s that can be dated: a year from 1900 to
// 2199, a month (of the dateline's year when s gives none), a day, or a
// weekday (the last one on or before the dateline). A time after "until",
// "through" or "by" is the end of the span, not its start.
func readTimes(s string, dateline time.Time) []datedTime {
	var out []datedTime
	for _, loc := range timeExpr.FindAllStringSubmatchIndex(s, -1) {
		if ts := dateOf(s, loc, dateline); ts != nil {
			if w, _, _ := strings.Cut(ts.Text, " "); w == "until" || w == "through" || w == "by" {
				ts.Start, ts.End = "", ts.Start
			}
			out = append(out, datedTime{at: loc[0], span: ts})
		}
	}
	return out
}

// dateOf dates one match of timeExpr, or returns nil.
func dateOf(s string, loc []int, dateline time.Time) *pb.TimeSpan {
	group := func(i int) string {
		if loc[2*i] < 0 {
			return ""
		}
		return s[loc[2*i]:loc[2*i+1]]
	}
	text := s[loc[0]:loc[1]]
	switch {
	case group(1) != "":
		if dateline.IsZero() {
			return nil
		}
		want := weekdayNumber[strings.ToLower(group(1))]
		back := (int(dateline.Weekday()) - int(want) + 7) % 7
		return &pb.TimeSpan{Text: text, Start: dateline.AddDate(0, 0, -back).Format("2006-01-02")}
	case group(2) != "":
		month := monthNumber[strings.ToLower(group(2))]
		year := dateline.Year()
		if group(4) != "" {
			year, _ = strconv.Atoi(group(4))
		} else if dateline.IsZero() {
			return nil
		}
		if group(3) != "" {
			day, _ := strconv.Atoi(group(3))
			if day < 1 || day > 31 {
				return nil
			}
			return &pb.TimeSpan{Text: text, Start: time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC).Format("2006-01-02")}
		}
		return &pb.TimeSpan{Text: text, Start: time.Date(year, time.Month(month), 1, 0, 0, 0, 0, time.UTC).Format("2006-01")}
	case group(5) != "":
		year, _ := strconv.Atoi(group(5))
		// A bare number is a year only after a preposition ("in 2028").
		if year < 1900 || year > 2199 || loc[0] == loc[10] {
			return nil
		}
		return &pb.TimeSpan{Text: text, Start: group(5)}
	}
	return nil
}
