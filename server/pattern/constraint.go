package pattern

import (
	"fmt"
	"strconv"
	"strings"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/server/index"
	"github.com/entitygraph/entitygraph/server/vocab"
)

// A test is what a constraint asks of a variable's value. Each kind of
// test is a type that checks itself and describes itself in English: a new
// kind of constraint is a new type here, a case in compileTest and one in
// ConstraintText (which writes the text syntax from the message alone).
type test interface {
	// holds reports whether node n passes.
	holds(ix *index.Index, n index.Node) bool
	// english is the test as it follows a variable in a sentence: "is a
	// company or country", "is a relation: “acquires”", "failed".
	english() string
}

// compileTest checks a constraint against vocabulary v and returns its
// test. field names the constraint in errors.
func compileTest(v *vocab.Vocabulary, field string, con *pb.Constraint) (test, error) {
	switch t := con.GetTest().(type) {
	case *pb.Constraint_Type:
		if !vocab.IsEntityType(t.Type) && t.Type != vocab.RelationType {
			return nil, &FieldError{Field: field + ".type", Msg: fmt.Sprintf("unknown type %q; want organization, person, place, topic or relation", t.Type)}
		}
		return typeTest(t.Type), nil
	case *pb.Constraint_Kinds:
		names := t.Kinds.GetKinds()
		if len(names) == 0 {
			return nil, &FieldError{Field: field + ".kinds", Msg: "required: at least one kind"}
		}
		kt := kindTest{set: make([]bool, len(v.Kinds()))}
		for j, name := range names {
			k, ok := v.LookupKind(name)
			if !ok {
				return nil, &FieldError{Field: field + ".kinds.kinds[" + strconv.Itoa(j) + "]", Msg: fmt.Sprintf("unknown kind %q; see ListKinds", name)}
			}
			kt.words = append(kt.words, kindWord(k))
			kt.set[k.ID] = true
			if !t.Kinds.GetExact() {
				for _, narrower := range v.Narrower(k.ID) {
					kt.set[narrower] = true
				}
			}
		}
		return kt, nil
	case *pb.Constraint_RelationPredicates:
		listed := t.RelationPredicates.GetPredicates()
		if len(listed) == 0 {
			return nil, &FieldError{Field: field + ".relation_predicates", Msg: "required: at least one predicate"}
		}
		set, err := expandPredicates(v, field+".relation_predicates.predicates", listed, false)
		if err != nil {
			return nil, err
		}
		pt := predicateTest{set: set}
		for _, name := range listed {
			p, _ := v.Lookup(name)
			pt.readings = append(pt.readings, p.Reading)
		}
		return pt, nil
	case *pb.Constraint_RelationStatus:
		status := t.RelationStatus
		if _, ok := pb.RelationStatus_name[int32(status)]; !ok || status == pb.RelationStatus_RELATION_STATUS_UNSPECIFIED {
			return nil, &FieldError{Field: field + ".relation_status", Msg: fmt.Sprintf("unknown status %v", status)}
		}
		return statusTest(status), nil
	}
	return nil, &FieldError{Field: field, Msg: "required: one test (type, kinds, relation_predicates or relation_status)"}
}

// kindWord is how English names a kind: its first noun, or its id.
func kindWord(k *vocab.Kind) string {
	if nouns := k.Message().GetNouns(); len(nouns) > 0 {
		return nouns[0]
	}
	return strings.ReplaceAll(k.Key, "-", " ")
}

// typeTest holds for nodes of one type: "organization", "person", "place",
// "topic" or "relation".
type typeTest string

func (t typeTest) holds(ix *index.Index, n index.Node) bool { return ix.EntityType(n) == string(t) }
func (t typeTest) english() string                          { return "is a " + string(t) }

// kindTest holds for entities of any of some kinds, or of kinds narrower
// than them unless exact.
type kindTest struct {
	words []string
	set   []bool // by kind ID: the kinds that pass
}

func (t kindTest) holds(ix *index.Index, n index.Node) bool {
	for _, k := range ix.Kinds(n) {
		if t.set[k] {
			return true
		}
	}
	return false
}

func (t kindTest) english() string { return "is a " + strings.Join(t.words, " or ") }

// predicateTest holds for relations with one of the listed predicates, or
// a predicate that implies one.
type predicateTest struct {
	readings []string
	set      predicateSet
}

func (t predicateTest) holds(ix *index.Index, n index.Node) bool {
	r, ok := ix.NodeRelation(n)
	return ok && t.set.has(ix.Predicate(r))
}

func (t predicateTest) english() string {
	quoted := make([]string, len(t.readings))
	for i, r := range t.readings {
		quoted[i] = "“" + r + "”"
	}
	return "is a relation: " + strings.Join(quoted, " or ")
}

// statusTest holds for relations with one status.
type statusTest pb.RelationStatus

func (t statusTest) holds(ix *index.Index, n index.Node) bool {
	r, ok := ix.NodeRelation(n)
	return ok && ix.RelationStatus(r) == pb.RelationStatus(t)
}

func (t statusTest) english() string { return vocab.StatusWord(pb.RelationStatus(t)) }

// PredicateList writes predicates as alternatives in the text syntax:
// "opposes|leads".
func PredicateList(v *vocab.Vocabulary, ps []vocab.ID) string {
	keys := make([]string, len(ps))
	for i, p := range ps {
		keys[i] = v.Predicate(p).Key
	}
	return strings.Join(keys, "|")
}

// DescribeConstraint writes a constraint as English, such as "?deal is a
// relation: “acquires”" or "?x is a company".
func DescribeConstraint(v *vocab.Vocabulary, c *pb.Constraint) string {
	t, err := compileTest(v, "", c)
	if err != nil {
		return "?" + c.GetVariable()
	}
	return "?" + c.GetVariable() + " " + t.english()
}

// ConstraintText writes what a constraint asks of its variable in Match
// text syntax, as it follows "?x is ": "company|country", "failed". It
// needs no vocabulary: it writes the ids the constraint names.
func ConstraintText(c *pb.Constraint) string {
	switch t := c.GetTest().(type) {
	case *pb.Constraint_Type:
		return t.Type
	case *pb.Constraint_Kinds:
		keys := make([]string, len(t.Kinds.GetKinds()))
		for i, k := range t.Kinds.GetKinds() {
			keys[i] = vocab.KindKey(k)
		}
		s := strings.Join(keys, "|")
		if t.Kinds.GetExact() {
			s = "=" + s
		}
		return s
	case *pb.Constraint_RelationPredicates:
		keys := make([]string, len(t.RelationPredicates.GetPredicates()))
		for i, p := range t.RelationPredicates.GetPredicates() {
			keys[i] = vocab.PredicateKey(p)
		}
		return strings.Join(keys, "|")
	case *pb.Constraint_RelationStatus:
		return vocab.StatusWord(t.RelationStatus)
	}
	return "?"
}

// Holds reports whether node n passes the test of con, whatever variable
// con names; false when con does not check against ix's vocabulary.
func Holds(ix *index.Index, con *pb.Constraint, n index.Node) bool {
	t, err := compileTest(ix.Vocabulary(), "constraint", con)
	return err == nil && t.holds(ix, n)
}
