package seed

import (
	"bytes"
	"fmt"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
)

// record is one top-level field of a text-format file, such as one
// `relations { ... }` block: its field name and where it is.
type record struct {
	field      string
	start, end int // byte offsets: from the field name to past its value
	line, col  int // where it starts, 1-based
}

// utf8BOM is the byte-order mark some editors put at the start of a file.
var utf8BOM = []byte("\xef\xbb\xbf")

// scanError is a problem the record scanner found, at a line.
type scanError struct {
	line int
	msg  string
}

// scanRecords splits a text-format file into its top-level records in one
// pass, without parsing them: it follows strings, comments and brackets,
// and counts lines, so that each record can be parsed alone (by prototext)
// and every error placed in the file. topFields are the top-level fields
// of the file's message: one of them at the start of a line inside a
// record means the record was not closed.
//
// A big file is scanned in parts on every core, each from a line that
// starts with a top-level field: at the start of a line, the only state
// the scanner carries is how deep in brackets it is, so when every part
// scans to its end outside all brackets, each part did start outside
// them, and the records are those of one pass. Otherwise one pass scans
// the file again, to report the problem where it is.
func scanRecords(src []byte, topFields []string) ([]record, *scanError) {
	if bytes.HasPrefix(src, utf8BOM) {
		return nil, &scanError{line: 1, msg: "the file starts with a UTF-8 byte-order mark; save it as UTF-8 without one"}
	}
	if parts := min(runtime.GOMAXPROCS(0), len(src)/minScanPart); parts > 1 {
		if recs, ok := scanParts(src, topFields, parts); ok {
			return recs, nil
		}
	}
	return scanRange(src, 0, 1, topFields)
}

// minScanPart is the fewest bytes worth scanning on a goroutine of their
// own.
const minScanPart = 8 << 20

// scanParts scans src in up to parts parts (see [scanRecords]); false
// when a part does not scan.
func scanParts(src []byte, topFields []string, parts int) ([]record, bool) {
	bounds := []int{0}
	for p := 1; p < parts; p++ {
		at := max(bounds[len(bounds)-1], p*len(src)/parts)
		if next := nextTopLine(src, at, topFields); next > bounds[len(bounds)-1] {
			bounds = append(bounds, next)
		}
	}
	bounds = append(bounds, len(src))
	results := make([][]record, len(bounds)-1)
	lines := make([]int, len(bounds)-1) // newlines in each part
	failed := make([]bool, len(bounds)-1)
	var wg sync.WaitGroup
	for k := range results {
		wg.Go(func() {
			lo, hi := bounds[k], bounds[k+1]
			recs, err := scanRange(src[:hi], lo, 1, topFields)
			results[k], failed[k] = recs, err != nil
			lines[k] = bytes.Count(src[lo:hi], []byte{'\n'})
		})
	}
	wg.Wait()
	if slices.Contains(failed, true) {
		return nil, false
	}
	var out []record
	before := 0
	for k, recs := range results {
		for _, r := range recs {
			r.line += before
			out = append(out, r)
		}
		before += lines[k]
	}
	return out, true
}

// nextTopLine returns the offset of the first line at or after at that
// starts with one of topFields followed by white space, ':' or '{', or
// len(src).
func nextTopLine(src []byte, at int, topFields []string) int {
	for {
		i := bytes.IndexByte(src[at:], '\n')
		if i < 0 {
			return len(src)
		}
		at += i + 1
		for _, f := range topFields {
			if rest := src[at:]; bytes.HasPrefix(rest, []byte(f)) && len(rest) > len(f) && strings.IndexByte(" \t:{", rest[len(f)]) >= 0 {
				return at
			}
		}
	}
}

// scanRange scans src from pos, which is the start of line line, to its
// end.
func scanRange(src []byte, pos, line int, topFields []string) ([]record, *scanError) {
	s := &scanner{src: src, pos: pos, line: line, lineStart: pos, top: topFields}
	var recs []record
	for {
		s.skipSpace(true)
		if s.pos >= len(src) {
			return recs, nil
		}
		c := src[s.pos]
		if !isIdentStart(c) {
			if c == '}' || c == '>' || c == ']' {
				return nil, &scanError{line: s.line, msg: fmt.Sprintf("%q closes nothing: there is no open record here (one '{' too few, or one '}' too many, above)", c)}
			}
			return nil, &scanError{line: s.line, msg: fmt.Sprintf("expected a field name such as %s, found %q", strings.Join(topFields, " or "), c)}
		}
		rec := record{start: s.pos, line: s.line, col: s.pos - s.lineStart + 1}
		rec.field = s.ident()
		s.skipSpace(false)
		if s.pos < len(src) && src[s.pos] == ':' {
			s.pos++
			s.skipSpace(false)
		}
		if err := s.value(rec); err != nil {
			return nil, err
		}
		rec.end = s.pos
		recs = append(recs, rec)
	}
}

type scanner struct {
	src       []byte
	pos       int
	line      int
	lineStart int // offset of the current line's first byte
	top       []string
}

func (s *scanner) newline() {
	s.line++
	s.lineStart = s.pos + 1
}

// skipSpace skips white space and comments, and, between records, the
// separators "," and ";".
func (s *scanner) skipSpace(separators bool) {
	for s.pos < len(s.src) {
		switch c := s.src[s.pos]; {
		case c == '\n':
			s.newline()
			s.pos++
		case c == ' ' || c == '\t' || c == '\r':
			s.pos++
		case c == '#':
			for s.pos < len(s.src) && s.src[s.pos] != '\n' {
				s.pos++
			}
		case separators && (c == ',' || c == ';'):
			s.pos++
		default:
			return
		}
	}
}

func (s *scanner) ident() string {
	start := s.pos
	for s.pos < len(s.src) && isIdentPart(s.src[s.pos]) {
		s.pos++
	}
	return string(s.src[start:s.pos])
}

// value scans a field's value: a message in braces or angle brackets, a
// list in square brackets, or a scalar.
func (s *scanner) value(rec record) *scanError {
	if s.pos >= len(s.src) {
		return &scanError{line: rec.line, msg: fmt.Sprintf("the field %s has no value", rec.field)}
	}
	switch s.src[s.pos] {
	case '{', '<', '[':
		return s.block(rec)
	case '"', '\'':
		for s.pos < len(s.src) && (s.src[s.pos] == '"' || s.src[s.pos] == '\'') {
			if err := s.str(); err != nil {
				return err
			}
			s.skipSpace(false)
		}
		return nil
	}
	for s.pos < len(s.src) && !isSpace(s.src[s.pos]) && !strings.ContainsRune("{}<>[],;#", rune(s.src[s.pos])) {
		s.pos++
	}
	return nil
}

// block scans from an opening bracket to the one that closes it.
func (s *scanner) block(rec record) *scanError {
	depth := 0
	for s.pos < len(s.src) {
		c := s.src[s.pos]
		switch {
		case c == '\n':
			s.newline()
			s.pos++
			if depth > 0 {
				if name, ok := s.topFieldHere(); ok {
					return &scanError{line: s.line, msg: fmt.Sprintf("the %s record that starts at line %d is still open where the %s record here starts: a '}' is missing before this line", rec.field, rec.line, name)}
				}
			}
		case c == '#':
			for s.pos < len(s.src) && s.src[s.pos] != '\n' {
				s.pos++
			}
		case c == '"' || c == '\'':
			if err := s.str(); err != nil {
				return err
			}
		case c == '{' || c == '<' || c == '[':
			depth++
			s.pos++
		case c == '}' || c == '>' || c == ']':
			depth--
			s.pos++
			if depth == 0 {
				return nil
			}
		default:
			s.pos++
		}
	}
	return &scanError{line: rec.line, msg: fmt.Sprintf("the %s record that starts here is not closed: a '}' is missing at the end of the file", rec.field)}
}

// topFieldHere reports whether the line starting at s.pos begins, in its
// first column, with a top-level field and an opening bracket: the start
// of another record.
func (s *scanner) topFieldHere() (string, bool) {
	rest := s.src[s.pos:]
	for _, f := range s.top {
		if !bytes.HasPrefix(rest, []byte(f)) {
			continue
		}
		after := bytes.TrimLeft(rest[len(f):], " \t")
		if len(after) > 0 && (after[0] == '{' || after[0] == '<' || (after[0] == ':' && bytes.HasPrefix(bytes.TrimLeft(after[1:], " \t"), []byte("{")))) {
			return f, true
		}
	}
	return "", false
}

// str scans a quoted string.
func (s *scanner) str() *scanError {
	quote := s.src[s.pos]
	line := s.line
	for s.pos++; s.pos < len(s.src); s.pos++ {
		switch s.src[s.pos] {
		case '\\':
			s.pos++
		case '\n':
			return &scanError{line: line, msg: "a string is not closed on its line (a quote is missing)"}
		case quote:
			s.pos++
			return nil
		}
	}
	return &scanError{line: line, msg: "a string is not closed (a quote is missing)"}
}

func isIdentStart(c byte) bool {
	return c == '_' || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z')
}

func isIdentPart(c byte) bool { return isIdentStart(c) || ('0' <= c && c <= '9') }

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// prototextPos finds the "(line N:C)" that prototext puts in its errors.
var prototextPos = regexp.MustCompile(`\s*\(line (\d+):(\d+)\)`)

// parseError turns prototext's error for a record into a message and the
// line of the file it points at.
func parseError(rec record, err error) (int, string) {
	// protobuf-go varies the space after "proto:" on purpose; take any.
	msg := strings.TrimLeftFunc(strings.TrimPrefix(err.Error(), "proto:"), unicode.IsSpace)
	m := prototextPos.FindStringSubmatch(msg)
	if m == nil {
		return rec.line, msg
	}
	line, _ := strconv.Atoi(m[1])
	col, _ := strconv.Atoi(m[2])
	if line == 1 {
		col += rec.col - 1
	}
	msg = strings.TrimLeft(strings.Replace(msg, m[0], "", 1), ": ") + " (column " + strconv.Itoa(col) + ")"
	return rec.line + line - 1, msg
}

// fieldLine returns the line of occurrence n (0-based) of a field called
// name inside rec, or rec's own line when there is none. It is called only
// to place an error, so it may take its time.
func fieldLine(src []byte, rec record, name string, n int) int {
	re := regexp.MustCompile(`(^|[\s{<,;])` + regexp.QuoteMeta(name) + `\s*[:{<]`)
	body := src[rec.start:rec.end]
	line := rec.line
	for _, l := range bytes.Split(body, []byte("\n")) {
		if code, _, _ := bytes.Cut(l, []byte("#")); len(code) > 0 {
			for range re.FindAllIndex(code, -1) {
				if n == 0 {
					return line
				}
				n--
			}
		}
		line++
	}
	return rec.line
}
