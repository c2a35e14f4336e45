package seed

import (
	"regexp"
	"strings"
)

// recordLines maps the records of a text-format file to the lines they start
// on. prototext reports syntax errors with positions but says nothing of
// where a parsed message came from, so this light scan of the same bytes
// finds, for each top-level field, the line of each of its occurrences; the
// i-th `relations` record parsed is the i-th `relations` block in the file.
type recordLines struct {
	lines  []string         // the file's lines, for finding fields inside a record
	starts map[string][]int // top-level field name → 1-based start line of each occurrence
	bounds []int            // sorted start lines of every top-level record
}

// scanRecords finds the top-level fields of a text-format file. It skips
// comments and quoted strings and tracks brace depth; it does not validate
// anything, which prototext has already done.
func scanRecords(src string) *recordLines {
	rl := &recordLines{lines: strings.Split(src, "\n"), starts: map[string][]int{}}
	depth, line := 0, 1
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case c == '\n':
			line++
		case c == '#':
			for i+1 < len(src) && src[i+1] != '\n' {
				i++
			}
		case c == '"' || c == '\'':
			for i++; i < len(src) && src[i] != c; i++ {
				if src[i] == '\\' {
					i++
				} else if src[i] == '\n' {
					line++
				}
			}
		case c == '{' || c == '<':
			depth++
		case c == '}' || c == '>':
			depth--
		case depth == 0 && isIdentStart(c):
			j := i
			for j < len(src) && isIdentPart(src[j]) {
				j++
			}
			name := src[i:j]
			k := j
			for k < len(src) && (src[k] == ' ' || src[k] == '\t') {
				k++
			}
			if k < len(src) && (src[k] == '{' || src[k] == '<' || src[k] == ':') {
				rl.starts[name] = append(rl.starts[name], line)
				rl.bounds = append(rl.bounds, line)
			}
			i = j - 1
		}
	}
	return rl
}

// record returns the start line of occurrence i of top-level field name, or
// 0 when the scan did not see it.
func (rl *recordLines) record(name string, i int) int {
	if i < len(rl.starts[name]) {
		return rl.starts[name][i]
	}
	return 0
}

// field returns the line of occurrence n (0-based) of a field called name
// inside the record that starts at line start, or start itself when there
// is no such line.
func (rl *recordLines) field(start int, name string, n int) int {
	if start == 0 {
		return 0
	}
	end := len(rl.lines) + 1
	for _, b := range rl.bounds {
		if b > start {
			end = b
			break
		}
	}
	re := regexp.MustCompile(`(^|[\s{<])` + regexp.QuoteMeta(name) + `\s*[:{<]`)
	for l := start; l < end && l <= len(rl.lines); l++ {
		for range re.FindAllStringIndex(rl.lines[l-1], -1) {
			if n == 0 {
				return l
			}
			n--
		}
	}
	return start
}

func isIdentStart(c byte) bool {
	return c == '_' || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z')
}

func isIdentPart(c byte) bool {
	return isIdentStart(c) || ('0' <= c && c <= '9')
}
