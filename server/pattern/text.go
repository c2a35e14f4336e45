package pattern

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/server/index"
	"github.com/entitygraph/entitygraph/server/vocab"
)

// MaxTextBytes is the longest Match text accepted.
const MaxTextBytes = 4096

// SyntaxError is a Match text that does not parse, with where.
type SyntaxError struct {
	Line, Column int // 1-based; the column counts characters
	Msg          string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("line %d, column %d: %s", e.Line, e.Column, e.Msg)
}

type tokenKind int

const (
	tokEOF    tokenKind = iota
	tokVar              // ?name
	tokName             // collection/id
	tokString           // "quoted name"
	tokWord             // a bare word: predicate, keyword, type
	tokPipe             // |
	tokStar             // *
	tokEquals           // = (exact predicates, or equality)
	tokSep              // . ; or a newline
	tokLBrace           // {
	tokRBrace           // }
	tokComma            // ,
	tokOp               // != < <= > >= ~
)

type token struct {
	kind      tokenKind
	text      string // the word, variable (without ?), name or unquoted string
	line, col int
}

func (t token) String() string {
	switch t.kind {
	case tokEOF:
		return "the end of the query"
	case tokVar:
		return fmt.Sprintf("%q", "?"+t.text)
	case tokSep:
		return "a separator"
	}
	return fmt.Sprintf("%q", t.text)
}

// lex splits Match text into tokens.
func lex(src string) ([]token, error) {
	var toks []token
	line, col := 1, 1
	i := 0
	errAt := func(l, c int, format string, args ...any) error {
		return &SyntaxError{Line: l, Column: c, Msg: fmt.Sprintf(format, args...)}
	}
	for i < len(src) {
		r, size := utf8.DecodeRuneInString(src[i:])
		if r == utf8.RuneError && size == 1 {
			return nil, errAt(line, col, "invalid UTF-8")
		}
		startLine, startCol := line, col
		advance := func(n int) {
			for k := 0; k < n; {
				_, s := utf8.DecodeRuneInString(src[i+k:])
				k += s
				col++
			}
			i += n
		}
		switch {
		case r == '\n':
			toks = append(toks, token{kind: tokSep, line: line, col: col})
			i++
			line, col = line+1, 1
		case unicode.IsSpace(r):
			advance(size)
		case r == '#':
			for i < len(src) && src[i] != '\n' {
				advance(1)
			}
		case r == '.' || r == ';':
			toks = append(toks, token{kind: tokSep, text: string(r), line: line, col: col})
			advance(1)
		case r == '|':
			toks = append(toks, token{kind: tokPipe, text: "|", line: line, col: col})
			advance(1)
		case r == '*':
			toks = append(toks, token{kind: tokStar, text: "*", line: line, col: col})
			advance(1)
		case r == '=':
			toks = append(toks, token{kind: tokEquals, text: "=", line: line, col: col})
			advance(1)
		case r == '{' || r == '}' || r == ',':
			kind := map[rune]tokenKind{'{': tokLBrace, '}': tokRBrace, ',': tokComma}[r]
			toks = append(toks, token{kind: kind, text: string(r), line: line, col: col})
			advance(1)
		case r == '<' || r == '>' || r == '!' || r == '~':
			op := string(r)
			if r != '~' && i+1 < len(src) && src[i+1] == '=' {
				op += "="
			}
			if op == "!" {
				return nil, errAt(line, col, "expected \"!=\"")
			}
			toks = append(toks, token{kind: tokOp, text: op, line: line, col: col})
			advance(len(op))
		case r == '?':
			j := i + 1
			for j < len(src) && isWordByte(src[j]) {
				j++
			}
			if j == i+1 {
				return nil, errAt(line, col, "expected a variable name after \"?\"")
			}
			toks = append(toks, token{kind: tokVar, text: src[i+1 : j], line: line, col: col})
			advance(j - i)
		case r == '"':
			var b strings.Builder
			j := i + 1
			for {
				if j >= len(src) || src[j] == '\n' {
					return nil, errAt(startLine, startCol, "unterminated quoted name")
				}
				if src[j] == '\\' && j+1 < len(src) {
					b.WriteByte(src[j+1])
					j += 2
					continue
				}
				if src[j] == '"' {
					break
				}
				b.WriteByte(src[j])
				j++
			}
			toks = append(toks, token{kind: tokString, text: b.String(), line: line, col: col})
			advance(j + 1 - i)
		case r < utf8.RuneSelf && isWordByte(byte(r)):
			j := i
			for j < len(src) && (isWordByte(src[j]) || src[j] == '-' || src[j] == '/') {
				j++
			}
			text := src[i:j]
			kind := tokWord
			if strings.Contains(text, "/") {
				kind = tokName
			}
			toks = append(toks, token{kind: kind, text: text, line: line, col: col})
			advance(j - i)
		default:
			return nil, errAt(line, col, "unexpected character %q", r)
		}
	}
	return append(toks, token{kind: tokEOF, line: line, col: col}), nil
}

func isWordByte(c byte) bool {
	return c == '_' || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') || ('0' <= c && c <= '9')
}

// parser turns tokens into a structured pattern.
type parser struct {
	ix      *index.Index
	toks    []token
	pos     int
	relVars int // relation variables made for triples with qualifiers
}

func (p *parser) peek() token { return p.toks[p.pos] }
func (p *parser) next() token { t := p.toks[p.pos]; p.pos++; return t }

func (p *parser) errorf(t token, format string, args ...any) error {
	return &SyntaxError{Line: t.line, Column: t.col, Msg: fmt.Sprintf(format, args...)}
}

// ParseText compiles Match text syntax (see MatchRequest.text in the API)
// into a structured pattern. Quoted names are resolved against ix by exact
// name or alias.
func ParseText(ix *index.Index, text string) (*pb.Pattern, error) {
	if len(text) > MaxTextBytes {
		return nil, &SyntaxError{Line: 1, Column: 1, Msg: fmt.Sprintf("the query is longer than %d bytes", MaxTextBytes)}
	}
	toks, err := lex(text)
	if err != nil {
		return nil, err
	}
	p := &parser{ix: ix, toks: toks}
	pat := &pb.Pattern{}
	if err := p.statements(pat, true, tokEOF); err != nil {
		return nil, err
	}
	if len(pat.GetTriples())+len(pat.GetParticipations()) == 0 {
		return nil, &SyntaxError{Line: 1, Column: 1, Msg: "the query has no triple; write one such as ?who coordinates-against ?deal"}
	}
	return pat, nil
}

// statements parses statements into pat up to the token kind end (the end
// of the query, or the "}" of a group), which it does not consume.
func (p *parser) statements(pat *pb.Pattern, top bool, end tokenKind) error {
	for {
		for p.peek().kind == tokSep {
			p.next()
		}
		if k := p.peek().kind; k == end || k == tokEOF {
			break
		}
		if err := p.statement(pat, top); err != nil {
			return err
		}
		if t := p.peek(); t.kind != tokSep && t.kind != end {
			return p.errorf(t, "expected \".\" or a new line between statements, found %s", t)
		}
	}
	return nil
}

// group parses "{ statements }" after NOT or OPTIONAL.
func (p *parser) group(keyword token) (*pb.Pattern, error) {
	if t := p.next(); t.kind != tokLBrace {
		return nil, p.errorf(t, "expected \"{\" after %s, found %s", strings.ToUpper(keyword.text), t)
	}
	g := &pb.Pattern{}
	if err := p.statements(g, false, tokRBrace); err != nil {
		return nil, err
	}
	if t := p.next(); t.kind != tokRBrace {
		return nil, p.errorf(t, "expected \"}\" to close %s, found %s", strings.ToUpper(keyword.text), t)
	}
	if len(g.GetTriples())+len(g.GetParticipations())+len(g.GetQualifiers()) == 0 {
		return nil, p.errorf(keyword, "%s { } needs a triple or a qualifier clause", strings.ToUpper(keyword.text))
	}
	return g, nil
}

// count parses what follows COUNT: "?x" or "*", then optionally "BY ?g ...".
func (p *parser) count(pat *pb.Pattern, keyword token) error {
	if pat.Count != nil {
		return p.errorf(keyword, "a query counts once")
	}
	c := &pb.Count{}
	switch t := p.next(); t.kind {
	case tokVar:
		c.Variable = t.text
	case tokStar:
	default:
		return p.errorf(t, "expected a variable or * after COUNT, found %s", t)
	}
	if t := p.peek(); t.kind == tokWord && strings.EqualFold(t.text, "by") {
		p.next()
		for p.peek().kind == tokVar {
			c.GroupBy = append(c.GroupBy, p.next().text)
		}
		if len(c.GroupBy) == 0 {
			return p.errorf(p.peek(), "expected variables after BY, found %s", p.peek())
		}
	}
	pat.Count = c
	return nil
}

// qualifiers parses "{ field ?var, field OP value, ... }" on relation rel.
func (p *parser) qualifiers(pat *pb.Pattern, rel *pb.Term) error {
	p.next() // {
	for {
		for k := p.peek().kind; k == tokSep || k == tokComma; k = p.peek().kind {
			p.next()
		}
		if p.peek().kind == tokRBrace {
			p.next()
			return nil
		}
		ft := p.next()
		field, ok := qualifierField(ft.text)
		if ft.kind != tokWord || !ok {
			return p.errorf(ft, "expected a qualifier (time, place, audience, role, rank, manner, topic, attribution, status, document), found %s", ft)
		}
		qc := &pb.QualifierClause{Relation: rel, Field: field}
		op := pb.ComparisonOperator_COMPARISON_OPERATOR_EQUAL
		switch t := p.peek(); t.kind {
		case tokVar:
			p.next()
			qc.Test = &pb.QualifierClause_Variable{Variable: t.text}
		case tokEquals, tokOp:
			p.next()
			for o, text := range operatorTexts {
				if text == t.text {
					op = o
				}
			}
			fallthrough
		default:
			v := p.next()
			if v.kind != tokWord && v.kind != tokString && v.kind != tokName {
				return p.errorf(v, "expected a value for %s, found %s", ft.text, v)
			}
			qc.Test = &pb.QualifierClause_Comparison{Comparison: &pb.Comparison{Operator: op, Value: v.text}}
		}
		pat.Qualifiers = append(pat.Qualifiers, qc)
		if t := p.peek(); t.kind != tokSep && t.kind != tokComma && t.kind != tokRBrace {
			return p.errorf(t, "expected \",\" or \"}\" after a qualifier, found %s", t)
		}
	}
}

func (p *parser) statement(pat *pb.Pattern, top bool) error {
	if t := p.peek(); t.kind == tokWord {
		switch strings.ToUpper(t.text) {
		case "NOT", "OPTIONAL":
			p.next()
			if !top {
				return p.errorf(t, "a group cannot hold another")
			}
			g, err := p.group(t)
			if err != nil {
				return err
			}
			if strings.EqualFold(t.text, "not") {
				pat.Negations = append(pat.Negations, g)
			} else {
				pat.Optionals = append(pat.Optionals, g)
			}
			return nil
		case "COUNT":
			p.next()
			if !top {
				return p.errorf(t, "a group cannot count")
			}
			return p.count(pat, t)
		}
	}
	subj, subjTok, err := p.term("a subject")
	if err != nil {
		return err
	}
	if t := p.peek(); t.kind == tokWord && strings.EqualFold(t.text, "is") && subjTok.kind == tokVar {
		p.next()
		return p.constraint(pat, subjTok.text)
	}
	if t := p.peek(); t.kind == tokWord && strings.EqualFold(t.text, involvesWord) {
		p.next()
		who, _, err := p.term("what the relation involves")
		if err != nil {
			return err
		}
		pat.Participations = append(pat.Participations, &pb.Participation{Relation: subj, Participant: who})
		return nil
	}
	if p.peek().kind == tokLBrace {
		return p.qualifiers(pat, subj)
	}
	preds, exact, passive, err := p.predicates()
	if err != nil {
		return err
	}
	obj, _, err := p.term("an object")
	if err != nil {
		return err
	}
	if passive {
		subj, obj = obj, subj
	}
	tr := &pb.Triple{Subject: subj, Predicates: preds, Object: obj, ExactPredicates: exact}
	if t := p.peek(); t.kind == tokWord && strings.EqualFold(t.text, "as") {
		p.next()
		v := p.next()
		if v.kind != tokVar {
			return p.errorf(v, "expected a variable after AS, found %s", v)
		}
		tr.RelationVariable = v.text
	}
	pat.Triples = append(pat.Triples, tr)
	if p.peek().kind == tokLBrace {
		if tr.RelationVariable == "" {
			p.relVars++
			tr.RelationVariable = "_rel" + strconv.Itoa(p.relVars)
		}
		return p.qualifiers(pat, &pb.Term{Term: &pb.Term_Variable{Variable: tr.RelationVariable}})
	}
	return nil
}

// term parses a variable, a resource name or a quoted name.
func (p *parser) term(what string) (*pb.Term, token, error) {
	t := p.next()
	switch t.kind {
	case tokVar:
		return &pb.Term{Term: &pb.Term_Variable{Variable: t.text}}, t, nil
	case tokName:
		return &pb.Term{Term: &pb.Term_Name{Name: t.text}}, t, nil
	case tokString:
		name, err := p.resolve(t)
		if err != nil {
			return nil, t, err
		}
		return &pb.Term{Term: &pb.Term_Name{Name: name}}, t, nil
	}
	return nil, t, p.errorf(t, "expected %s (a ?variable, a name such as organizations/kioxia, or a quoted name such as \"Kioxia\"), found %s", what, t)
}

// resolve finds the one entity a quoted name names exactly.
func (p *parser) resolve(t token) (string, error) {
	nodes := p.ix.ExactNodes(t.text, 20)
	switch len(nodes) {
	case 0:
		return "", p.errorf(t, "no entity is called %q; search for it with SearchEntities", t.text)
	case 1:
		return p.ix.NodeName(nodes[0]), nil
	}
	names := make([]string, len(nodes))
	for i, n := range nodes {
		names[i] = p.ix.NodeName(n)
	}
	return "", p.errorf(t, "%q names several entities (%s); use a resource name", t.text, strings.Join(names, ", "))
}

// predicates parses "*", or alternatives "A|B|C", optionally after "=".
// It returns the predicates' resource names.
func (p *parser) predicates() (preds []string, exact, passive bool, err error) {
	if p.peek().kind == tokEquals {
		p.next()
		exact = true
	}
	if p.peek().kind == tokStar {
		p.next()
		return nil, exact, false, nil
	}
	for i := 0; ; i++ {
		t := p.next()
		if t.kind != tokWord && t.kind != tokName {
			return nil, false, false, p.errorf(t, "expected a predicate (such as coordinates-against, coordinated_against or *), found %s", t)
		}
		names, pass, ok := p.predicateWord(t)
		if !ok {
			return nil, false, false, p.errorf(t, "unknown predicate %q; see ListPredicates for the vocabulary", t.text)
		}
		if i > 0 && pass != passive {
			return nil, false, false, p.errorf(t, "cannot mix passive (%q) and active predicates in one triple", t.text)
		}
		passive = pass
		preds = append(preds, names...)
		if p.peek().kind != tokPipe {
			return preds, exact, passive, nil
		}
		p.next()
	}
}

// predicateWord reads a predicate by id or resource name (in any case,
// "_" for "-") or a lexicon phrase joined by underscores
// ("coordinated_against"), and returns its resource names: one, or for a
// phrase several predicates share ("supply"), each of them.
func (p *parser) predicateWord(t token) (names []string, passive, ok bool) {
	v := p.ix.Vocabulary()
	if pr, found := v.Lookup(t.text); found {
		return []string{pr.Name}, false, true
	}
	if t.kind == tokWord {
		if ph, found := v.PhraseFor(t.text); found {
			for _, id := range ph.Predicates() {
				names = append(names, v.Predicate(id).Name)
			}
			return names, ph.Passive, true
		}
	}
	return nil, false, false
}

// constraint parses what follows "?x is": [a|an] WHAT, where WHAT is a
// relation noun, an entity type, a kind (id or noun; "=" for it alone), a
// status, or a predicate, and kinds and predicates may be alternatives
// joined by "|".
func (p *parser) constraint(pat *pb.Pattern, variable string) error {
	if t := p.peek(); t.kind == tokWord && (strings.EqualFold(t.text, "a") || strings.EqualFold(t.text, "an")) {
		p.next()
	}
	exact := false
	if p.peek().kind == tokEquals {
		p.next()
		exact = true
	}
	t := p.next()
	if t.kind != tokWord && t.kind != tokName {
		return p.errorf(t, "expected what ?%s is (a type such as organization, a kind such as country, a relation noun such as acquisition, or a status such as failed), found %s", variable, t)
	}
	v := p.ix.Vocabulary()
	word := strings.ToLower(t.text)
	spaced := strings.ReplaceAll(word, "_", " ")
	con := &pb.Constraint{Variable: variable}
	kinds := func(first *vocab.Kind) error {
		set := &pb.KindSet{Kinds: []string{first.Name}, Exact: exact}
		for p.peek().kind == tokPipe {
			p.next()
			alt := p.next()
			k, ok := p.kindWord(alt)
			if !ok {
				return p.errorf(alt, "expected a kind after \"|\", found %s", alt)
			}
			set.Kinds = append(set.Kinds, k.Name)
		}
		con.Test = &pb.Constraint_Kinds{Kinds: set}
		return nil
	}
	if ps, ok := v.EventNoun(spaced); ok && !exact {
		names := make([]string, len(ps))
		for i, id := range ps {
			names[i] = v.Predicate(id).Name
		}
		con.Test = &pb.Constraint_RelationPredicates{RelationPredicates: &pb.PredicateSet{Predicates: names}}
	} else if typ, ok := typeWord(v, spaced); ok && !exact {
		con.Test = &pb.Constraint_Type{Type: typ}
	} else if k, ok := p.kindWord(t); ok {
		if err := kinds(k); err != nil {
			return err
		}
	} else if s, ok := statusWord(v, spaced); ok && !exact {
		con.Test = &pb.Constraint_RelationStatus{RelationStatus: s}
	} else if set, _, ok := p.predicateWord(t); ok && !exact {
		for p.peek().kind == tokPipe {
			p.next()
			alt := p.next()
			more, _, ok := p.predicateWord(alt)
			if (alt.kind != tokWord && alt.kind != tokName) || !ok {
				return p.errorf(alt, "expected a predicate after \"|\", found %s", alt)
			}
			set = append(set, more...)
		}
		con.Test = &pb.Constraint_RelationPredicates{RelationPredicates: &pb.PredicateSet{Predicates: set}}
	} else {
		return p.errorf(t, "unknown type %q for ?%s; want an entity type (organization, person, place, topic, relation), a kind (see ListKinds), a relation noun (acquisition, ...), a predicate or a status (failed, proposed, ...)", t.text, variable)
	}
	pat.Constraints = append(pat.Constraints, con)
	return nil
}

// kindWord reads a kind by id or resource name, or by one of its nouns
// when only one kind has it.
func (p *parser) kindWord(t token) (*vocab.Kind, bool) {
	v := p.ix.Vocabulary()
	if k, ok := v.LookupKind(t.text); ok {
		return k, true
	}
	if n, ok := v.Noun(strings.ReplaceAll(strings.ToLower(t.text), "_", " ")); ok && n.Type == "" && len(n.Kinds) == 1 {
		return v.Kind(n.Kinds[0]), true
	}
	return nil, false
}

// typeWord reads an entity type, "relation", or a noun for one.
func typeWord(v *vocab.Vocabulary, word string) (string, bool) {
	if vocab.IsEntityType(word) || word == vocab.RelationType {
		return word, true
	}
	if n, ok := v.Noun(word); ok && n.Type != "" {
		return n.Type, true
	}
	return "", false
}

// statusWord reads a status by its own name ("failed") or a word of the
// vocabulary for one ("fell through").
func statusWord(v *vocab.Vocabulary, word string) (pb.RelationStatus, bool) {
	if s, ok := pb.RelationStatus_value["RELATION_STATUS_"+strings.ToUpper(strings.ReplaceAll(word, " ", "_"))]; ok && s != 0 {
		return pb.RelationStatus(s), true
	}
	return v.Status(word)
}

// involvesWord is the keyword of a participation, "?r involves ?x"; it is
// read before predicates, so a vocabulary's predicate of that id is
// written by its resource name (predicates/involves).
const involvesWord = "involves"

// FormatParticipation writes a participation in Match text syntax.
func FormatParticipation(pt *pb.Participation) string {
	return formatTerm(pt.GetRelation()) + " " + involvesWord + " " + formatTerm(pt.GetParticipant())
}

// FormatTriple writes a triple in Match text syntax.
func FormatTriple(t *pb.Triple) string {
	var b strings.Builder
	b.WriteString(formatTerm(t.GetSubject()) + " ")
	if t.GetExactPredicates() {
		b.WriteString("=")
	}
	if len(t.GetPredicates()) == 0 {
		b.WriteString("*")
	} else {
		keys := make([]string, len(t.GetPredicates()))
		for i, p := range t.GetPredicates() {
			keys[i] = vocab.PredicateKey(p)
		}
		b.WriteString(strings.Join(keys, "|"))
	}
	b.WriteString(" " + formatTerm(t.GetObject()))
	if v := t.GetRelationVariable(); v != "" {
		b.WriteString(" AS ?" + v)
	}
	return b.String()
}

func formatTerm(t *pb.Term) string {
	if v, ok := t.GetTerm().(*pb.Term_Variable); ok {
		return "?" + v.Variable
	}
	return t.GetName()
}

// FormatConstraint writes a constraint in Match text syntax.
func FormatConstraint(c *pb.Constraint) string {
	return "?" + c.GetVariable() + " is " + ConstraintText(c)
}

// Format writes a pattern in canonical Match text syntax; parsing the
// result gives the same pattern back.
func Format(p *pb.Pattern) string {
	var parts []string
	// Qualifier clauses follow the triple that binds their relation, in
	// braces; the others stand alone after the participations.
	byRel := map[string][]string{}
	var order []string
	for _, qc := range p.GetQualifiers() {
		key := formatTerm(qc.GetRelation())
		if _, ok := byRel[key]; !ok {
			order = append(order, key)
		}
		byRel[key] = append(byRel[key], FormatQualifier(qc))
	}
	block := func(key string) string {
		quals := byRel[key]
		delete(byRel, key)
		return " { " + strings.Join(quals, ", ") + " }"
	}
	for _, t := range p.GetTriples() {
		text := FormatTriple(t)
		if v := t.GetRelationVariable(); v != "" && len(byRel["?"+v]) > 0 {
			text += block("?" + v)
		}
		parts = append(parts, text)
	}
	for _, pt := range p.GetParticipations() {
		parts = append(parts, FormatParticipation(pt))
	}
	for _, key := range order {
		if len(byRel[key]) > 0 {
			parts = append(parts, key+block(key))
		}
	}
	for _, c := range p.GetConstraints() {
		parts = append(parts, FormatConstraint(c))
	}
	for _, g := range p.GetNegations() {
		parts = append(parts, "NOT { "+Format(g)+" }")
	}
	for _, g := range p.GetOptionals() {
		parts = append(parts, "OPTIONAL { "+Format(g)+" }")
	}
	if c := p.GetCount(); c != nil {
		text := "COUNT *"
		if c.GetVariable() != "" {
			text = "COUNT ?" + c.GetVariable()
		}
		if len(c.GetGroupBy()) > 0 {
			text += " BY ?" + strings.Join(c.GetGroupBy(), " ?")
		}
		parts = append(parts, text)
	}
	return strings.Join(parts, " . ")
}
