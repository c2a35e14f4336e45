package pattern

import (
	"fmt"
	"strconv"
	"strings"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/server/index"
	"github.com/entitygraph/entitygraph/server/quantity"
	"github.com/entitygraph/entitygraph/server/resource"
	"github.com/entitygraph/entitygraph/server/timespan"
	"github.com/entitygraph/entitygraph/server/vocab"
)

// MaxQualifiers is the most qualifier clauses a pattern, groups included,
// may have.
const MaxQualifiers = 32

// qualifierNames are the text syntax's names of the qualifier fields.
var qualifierNames = map[pb.QualifierField]string{
	pb.QualifierField_QUALIFIER_FIELD_TIME:        "time",
	pb.QualifierField_QUALIFIER_FIELD_PLACE:       "place",
	pb.QualifierField_QUALIFIER_FIELD_AUDIENCE:    "audience",
	pb.QualifierField_QUALIFIER_FIELD_ROLE:        "role",
	pb.QualifierField_QUALIFIER_FIELD_RANK:        "rank",
	pb.QualifierField_QUALIFIER_FIELD_MANNER:      "manner",
	pb.QualifierField_QUALIFIER_FIELD_TOPIC:       "topic",
	pb.QualifierField_QUALIFIER_FIELD_ATTRIBUTION: "attribution",
	pb.QualifierField_QUALIFIER_FIELD_STATUS:      "status",
	pb.QualifierField_QUALIFIER_FIELD_DOCUMENT:    "document",
	pb.QualifierField_QUALIFIER_FIELD_QUANTITY:    "quantity",
	pb.QualifierField_QUALIFIER_FIELD_REASON:      "reason",
}

// qualifierField reads a field's name in the text syntax.
func qualifierField(word string) (pb.QualifierField, bool) {
	word = strings.ToLower(word)
	for f, name := range qualifierNames {
		if name == word {
			return f, true
		}
	}
	return 0, false
}

// operatorTexts are the text syntax's comparison operators.
var operatorTexts = map[pb.ComparisonOperator]string{
	pb.ComparisonOperator_COMPARISON_OPERATOR_EQUAL:            "=",
	pb.ComparisonOperator_COMPARISON_OPERATOR_NOT_EQUAL:        "!=",
	pb.ComparisonOperator_COMPARISON_OPERATOR_LESS:             "<",
	pb.ComparisonOperator_COMPARISON_OPERATOR_LESS_OR_EQUAL:    "<=",
	pb.ComparisonOperator_COMPARISON_OPERATOR_GREATER:          ">",
	pb.ComparisonOperator_COMPARISON_OPERATOR_GREATER_OR_EQUAL: ">=",
	pb.ComparisonOperator_COMPARISON_OPERATOR_CONTAINS:         "~",
}

// entityValued reports whether a field's value may be an entity.
func entityValued(f pb.QualifierField) bool {
	switch f {
	case pb.QualifierField_QUALIFIER_FIELD_PLACE, pb.QualifierField_QUALIFIER_FIELD_AUDIENCE,
		pb.QualifierField_QUALIFIER_FIELD_TOPIC, pb.QualifierField_QUALIFIER_FIELD_ATTRIBUTION:
		return true
	}
	return false
}

// ordered reports whether a field's values have an order: times, ranks
// and quantities (of one unit).
func ordered(f pb.QualifierField) bool {
	return f == pb.QualifierField_QUALIFIER_FIELD_TIME || f == pb.QualifierField_QUALIFIER_FIELD_RANK || f == pb.QualifierField_QUALIFIER_FIELD_QUANTITY
}

// qualValue is one value of a relation's qualifier, as clauses read it.
type qualValue struct {
	entity string        // the entity's resource name, if it is one
	text   string        // what the text says: a place as written, a role, a time's ISO form
	days   timespan.Span // a time's span of days, if it parses
	rank   int           // a rank's position, or 0
	amount *pb.Quantity  // a quantity
}

// HasQualifier reports whether relation r has field f: a document for
// QUALIFIER_FIELD_DOCUMENT.
func HasQualifier(ix *index.Index, r index.Rel, f pb.QualifierField) bool {
	return len(qualifierValues(ix, r, f)) > 0
}

// qualifierValues returns the values field has on relation r: none when
// the relation lacks it, several for an audience or the documents.
func qualifierValues(ix *index.Index, r index.Rel, f pb.QualifierField) []qualValue {
	if f == pb.QualifierField_QUALIFIER_FIELD_DOCUMENT {
		var out []qualValue
		for _, d := range ix.EvidenceDocuments(r) {
			out = append(out, qualValue{text: d})
		}
		return out
	}
	q := ix.Qualifiers(r)
	if q == nil {
		return nil
	}
	one := func(v qualValue) []qualValue { return []qualValue{v} }
	switch f {
	case pb.QualifierField_QUALIFIER_FIELD_TIME:
		t := q.GetTime()
		if t == nil {
			return nil
		}
		v := qualValue{text: t.GetText(), days: timespan.Of(t)}
		if t.GetStart() != "" {
			v.text = t.GetStart()
			if t.GetEnd() != "" {
				v.text += "/" + t.GetEnd()
			}
		}
		return one(v)
	case pb.QualifierField_QUALIFIER_FIELD_PLACE:
		if p := q.GetPlace(); p.GetText() != "" || p.GetEntity() != "" {
			return one(qualValue{entity: p.GetEntity(), text: p.GetText()})
		}
	case pb.QualifierField_QUALIFIER_FIELD_AUDIENCE:
		var out []qualValue
		for _, a := range q.GetAudience() {
			out = append(out, qualValue{entity: a})
		}
		return out
	case pb.QualifierField_QUALIFIER_FIELD_ROLE:
		if q.GetRole() != "" {
			return one(qualValue{text: q.GetRole()})
		}
	case pb.QualifierField_QUALIFIER_FIELD_RANK:
		if rk := q.GetRank(); rk != nil {
			text := rk.GetText()
			if rk.GetPosition() > 0 {
				text = strconv.Itoa(int(rk.GetPosition()))
			}
			return one(qualValue{text: text, rank: int(rk.GetPosition())})
		}
	case pb.QualifierField_QUALIFIER_FIELD_MANNER:
		if q.GetManner() != "" {
			return one(qualValue{text: q.GetManner()})
		}
	case pb.QualifierField_QUALIFIER_FIELD_REASON:
		if q.GetReason() != "" {
			return one(qualValue{text: q.GetReason()})
		}
	case pb.QualifierField_QUALIFIER_FIELD_TOPIC:
		if q.GetTopic() != "" {
			return one(qualValue{entity: q.GetTopic()})
		}
	case pb.QualifierField_QUALIFIER_FIELD_ATTRIBUTION:
		if a := q.GetAttribution(); a.GetText() != "" || a.GetEntity() != "" {
			return one(qualValue{entity: a.GetEntity(), text: a.GetText()})
		}
	case pb.QualifierField_QUALIFIER_FIELD_STATUS:
		if s := q.GetStatus(); s != pb.RelationStatus_RELATION_STATUS_UNSPECIFIED {
			return one(qualValue{text: vocab.StatusWord(s)})
		}
	case pb.QualifierField_QUALIFIER_FIELD_QUANTITY:
		var out []qualValue
		for _, qt := range q.GetQuantities() {
			out = append(out, qualValue{text: qt.GetText(), amount: qt})
		}
		return out
	}
	return nil
}

// comparison is a compiled Comparison.
type comparison struct {
	op     pb.ComparisonOperator
	value  string         // as given
	lower  string         // lowercased, for text
	entity bool           // value is a resource name
	days   timespan.Span  // for time
	rank   int            // for rank
	amount quantity.Value // for quantity
}

// compileComparison checks a comparison against its field.
func compileComparison(field string, f pb.QualifierField, c *pb.Comparison) (*comparison, error) {
	cmp := &comparison{op: c.GetOperator(), value: c.GetValue(), lower: strings.ToLower(c.GetValue())}
	if _, ok := operatorTexts[cmp.op]; !ok {
		return nil, &FieldError{Field: field + ".operator", Msg: "required: a comparison operator"}
	}
	if c.GetValue() == "" || len(c.GetValue()) > 256 {
		return nil, &FieldError{Field: field + ".value", Msg: "required: a value of at most 256 bytes"}
	}
	isOrder := cmp.op != pb.ComparisonOperator_COMPARISON_OPERATOR_EQUAL && cmp.op != pb.ComparisonOperator_COMPARISON_OPERATOR_NOT_EQUAL &&
		cmp.op != pb.ComparisonOperator_COMPARISON_OPERATOR_CONTAINS
	switch {
	case f == pb.QualifierField_QUALIFIER_FIELD_TIME:
		if cmp.days = timespan.Parse(c.GetValue()); !cmp.days.OK {
			return nil, &FieldError{Field: field + ".value", Msg: fmt.Sprintf("%q is not a date; want 2021, 2025-05 or 2025-05-08", c.GetValue())}
		}
		if cmp.op == pb.ComparisonOperator_COMPARISON_OPERATOR_CONTAINS {
			return nil, &FieldError{Field: field + ".operator", Msg: "a time cannot contain text; compare it with = < <= > >= or !="}
		}
	case f == pb.QualifierField_QUALIFIER_FIELD_RANK && cmp.op != pb.ComparisonOperator_COMPARISON_OPERATOR_CONTAINS:
		n, err := strconv.Atoi(c.GetValue())
		if err != nil || n < 1 {
			return nil, &FieldError{Field: field + ".value", Msg: fmt.Sprintf("%q is not a rank position (1 for first)", c.GetValue())}
		}
		cmp.rank = n
	case f == pb.QualifierField_QUALIFIER_FIELD_QUANTITY && cmp.op != pb.ComparisonOperator_COMPARISON_OPERATOR_CONTAINS:
		v, err := quantity.ParseValue(c.GetValue())
		if err != nil {
			return nil, &FieldError{Field: field + ".value", Msg: err.Error()}
		}
		cmp.amount = v
	case isOrder:
		return nil, &FieldError{Field: field + ".operator", Msg: fmt.Sprintf("%s has no order; compare it with =, != or ~", qualifierNames[f])}
	}
	if entityValued(f) {
		if _, _, err := resource.Parse(c.GetValue()); err == nil {
			cmp.entity = true
		}
	}
	return cmp, nil
}

// holds reports whether value v passes the comparison.
func (c *comparison) holds(ix *index.Index, f pb.QualifierField, v qualValue) bool {
	switch f {
	case pb.QualifierField_QUALIFIER_FIELD_TIME:
		if !v.days.OK {
			return false
		}
		t, w := v.days, c.days
		switch c.op {
		case pb.ComparisonOperator_COMPARISON_OPERATOR_EQUAL:
			return w.Lo <= t.Lo && t.Hi <= w.Hi
		case pb.ComparisonOperator_COMPARISON_OPERATOR_NOT_EQUAL:
			return !t.Overlaps(w)
		case pb.ComparisonOperator_COMPARISON_OPERATOR_LESS:
			return t.Hi < w.Lo
		case pb.ComparisonOperator_COMPARISON_OPERATOR_LESS_OR_EQUAL:
			return t.Hi <= w.Hi
		case pb.ComparisonOperator_COMPARISON_OPERATOR_GREATER:
			return t.Lo > w.Hi
		case pb.ComparisonOperator_COMPARISON_OPERATOR_GREATER_OR_EQUAL:
			return t.Lo >= w.Lo
		}
		return false
	case pb.QualifierField_QUALIFIER_FIELD_RANK:
		if c.op != pb.ComparisonOperator_COMPARISON_OPERATOR_CONTAINS {
			if v.rank == 0 {
				return false
			}
			switch c.op {
			case pb.ComparisonOperator_COMPARISON_OPERATOR_EQUAL:
				return v.rank == c.rank
			case pb.ComparisonOperator_COMPARISON_OPERATOR_NOT_EQUAL:
				return v.rank != c.rank
			case pb.ComparisonOperator_COMPARISON_OPERATOR_LESS:
				return v.rank < c.rank
			case pb.ComparisonOperator_COMPARISON_OPERATOR_LESS_OR_EQUAL:
				return v.rank <= c.rank
			case pb.ComparisonOperator_COMPARISON_OPERATOR_GREATER:
				return v.rank > c.rank
			case pb.ComparisonOperator_COMPARISON_OPERATOR_GREATER_OR_EQUAL:
				return v.rank >= c.rank
			}
			return false
		}
	case pb.QualifierField_QUALIFIER_FIELD_QUANTITY:
		if c.op != pb.ComparisonOperator_COMPARISON_OPERATOR_CONTAINS {
			// Quantities of another unit do not compare at all.
			if v.amount == nil || v.amount.GetUnit() != c.amount.Unit {
				return false
			}
			a, w := quantity.Amount(v.amount), c.amount.Amount
			switch c.op {
			case pb.ComparisonOperator_COMPARISON_OPERATOR_EQUAL:
				return c.amount.Equal(v.amount)
			case pb.ComparisonOperator_COMPARISON_OPERATOR_NOT_EQUAL:
				return !c.amount.Equal(v.amount)
			case pb.ComparisonOperator_COMPARISON_OPERATOR_LESS:
				return a < w
			case pb.ComparisonOperator_COMPARISON_OPERATOR_LESS_OR_EQUAL:
				return a <= w
			case pb.ComparisonOperator_COMPARISON_OPERATOR_GREATER:
				return a > w
			case pb.ComparisonOperator_COMPARISON_OPERATOR_GREATER_OR_EQUAL:
				return a >= w
			}
			return false
		}
	}
	// Text, or an entity: the resource name when the value is one, else
	// what the text says and the entity's display name.
	var texts []string
	if c.entity {
		texts = []string{strings.ToLower(v.entity)}
	} else {
		texts = []string{strings.ToLower(v.text)}
		if v.entity != "" {
			if n, ok := ix.NodeOf(v.entity); ok {
				texts = append(texts, strings.ToLower(ix.DisplayName(n)))
			}
		}
	}
	match := false
	for _, t := range texts {
		if t == "" {
			continue
		}
		if c.op == pb.ComparisonOperator_COMPARISON_OPERATOR_CONTAINS {
			match = match || strings.Contains(t, c.lower)
		} else {
			match = match || t == c.lower
		}
	}
	if c.op == pb.ComparisonOperator_COMPARISON_OPERATOR_NOT_EQUAL {
		return !match && slicesAnyNonEmpty(texts)
	}
	return match
}

func slicesAnyNonEmpty(texts []string) bool {
	for _, t := range texts {
		if t != "" {
			return true
		}
	}
	return false
}

// FormatQualifier writes a qualifier clause as it appears inside braces in
// Match text syntax: "time ?when", "rank <= 2".
func FormatQualifier(c *pb.QualifierClause) string {
	name := qualifierNames[c.GetField()]
	if v := c.GetVariable(); v != "" {
		return name + " ?" + v
	}
	value := c.GetComparison().GetValue()
	if needsQuotes(value) {
		value = quoteText(value)
	}
	return name + " " + operatorTexts[c.GetComparison().GetOperator()] + " " + value
}

// needsQuotes reports whether a comparison value must be quoted to read
// back as one token: anything but a word, a date, a number or a resource
// name, which the text syntax's words start with a letter, digit or "_"
// and continue with "-" and "/" too (a lone "/" is no word).
func needsQuotes(v string) bool {
	if v == "" || !isWordByte(v[0]) {
		return true
	}
	for i := 0; i < len(v); i++ {
		if c := v[i]; !isWordByte(c) && c != '-' && c != '/' {
			return true
		}
	}
	return false
}

// quoteText quotes a value as the text syntax reads quoted text: only `"`
// and `\` are escaped, with a backslash, and every other byte is written
// as it is (strconv.Quote's \x88 would read back as "x88").
func quoteText(v string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(v) + `"`
}

// QualifierFieldName is a qualifier field's name in the text syntax, such
// as "time" or "audience".
func QualifierFieldName(f pb.QualifierField) string { return qualifierNames[f] }
