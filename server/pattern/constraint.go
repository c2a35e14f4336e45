package pattern

import (
	"fmt"
	"strconv"
	"strings"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/server/index"
	"github.com/entitygraph/entitygraph/server/resource"
	"github.com/entitygraph/entitygraph/server/vocab"
)

// A test is what a constraint asks of a variable's value. Each kind of
// test is a type that checks itself, writes itself in the text syntax and
// describes itself in English: a new kind of constraint is a new type here
// and a case in compileTest.
type test interface {
	// holds reports whether node n passes.
	holds(ix *index.Index, n index.Node) bool
	// text is the test in Match text syntax, as it follows "?x is ":
	// "company|country", "ACQUIRES", "failed".
	text() string
	// english is the test as it follows a variable in a sentence: "is a
	// company or country", "is a relation: “acquires”", "failed".
	english() string
}

// compileTest checks a constraint and returns its test. field names the
// constraint in errors.
func compileTest(field string, con *pb.Constraint) (test, error) {
	switch t := con.GetTest().(type) {
	case *pb.Constraint_Type:
		if _, ok := resource.CollectionOf(t.Type); !ok && t.Type != "relation" {
			return nil, &FieldError{Field: field + ".type", Msg: fmt.Sprintf("unknown type %q; want organization, person, place, topic or relation", t.Type)}
		}
		return typeTest(t.Type), nil
	case *pb.Constraint_OrganizationKinds:
		kinds := t.OrganizationKinds.GetKinds()
		if len(kinds) == 0 {
			return nil, &FieldError{Field: field + ".organization_kinds", Msg: "required: at least one kind"}
		}
		for j, kind := range kinds {
			if _, ok := pb.OrganizationKind_name[int32(kind)]; !ok || kind == pb.OrganizationKind_ORGANIZATION_KIND_UNSPECIFIED {
				return nil, &FieldError{Field: field + ".organization_kinds.kinds[" + strconv.Itoa(j) + "]", Msg: fmt.Sprintf("unknown organization kind %v", kind)}
			}
		}
		return kindTest(kinds), nil
	case *pb.Constraint_RelationPredicates:
		listed := t.RelationPredicates.GetPredicates()
		if len(listed) == 0 {
			return nil, &FieldError{Field: field + ".relation_predicates", Msg: "required: at least one predicate"}
		}
		set, err := expandPredicates(field+".relation_predicates.predicates", listed, false)
		if err != nil {
			return nil, err
		}
		return predicateTest{listed: listed, set: set}, nil
	case *pb.Constraint_RelationStatus:
		status := t.RelationStatus
		if _, ok := pb.RelationStatus_name[int32(status)]; !ok || status == pb.RelationStatus_RELATION_STATUS_UNSPECIFIED {
			return nil, &FieldError{Field: field + ".relation_status", Msg: fmt.Sprintf("unknown status %v", status)}
		}
		return statusTest(status), nil
	}
	return nil, &FieldError{Field: field, Msg: "required: one test (type, organization_kinds, relation_predicates or relation_status)"}
}

// typeTest holds for nodes of one type: "organization", "person", "place",
// "topic" or "relation".
type typeTest string

func (t typeTest) holds(ix *index.Index, n index.Node) bool { return ix.EntityType(n) == string(t) }
func (t typeTest) text() string                             { return string(t) }
func (t typeTest) english() string                          { return "is a " + string(t) }

// kindTest holds for organizations of any of some kinds.
type kindTest []pb.OrganizationKind

func (t kindTest) holds(ix *index.Index, n index.Node) bool {
	kind := ix.OrganizationKind(n)
	for _, k := range t {
		if k == kind {
			return true
		}
	}
	return false
}

func (t kindTest) text() string {
	words := make([]string, len(t))
	for i, k := range t {
		words[i] = KindWord(k)
	}
	return strings.Join(words, "|")
}

func (t kindTest) english() string {
	words := make([]string, len(t))
	for i, k := range t {
		words[i] = strings.ReplaceAll(KindWord(k), "_", " ")
	}
	return "is a " + strings.Join(words, " or ")
}

// predicateTest holds for relations with one of the listed predicates, or
// a predicate that implies one.
type predicateTest struct {
	listed []pb.Predicate
	set    *predicateSet
}

func (t predicateTest) holds(ix *index.Index, n index.Node) bool {
	r, ok := ix.NodeRelation(n)
	return ok && t.set.has(ix.Predicate(r))
}

func (t predicateTest) text() string { return PredicateList(t.listed) }

func (t predicateTest) english() string {
	readings := make([]string, len(t.listed))
	for i, p := range t.listed {
		rec, _ := vocab.Lookup(p)
		readings[i] = "“" + rec.Reading + "”"
	}
	return "is a relation: " + strings.Join(readings, " or ")
}

// statusTest holds for relations with one status.
type statusTest pb.RelationStatus

func (t statusTest) holds(ix *index.Index, n index.Node) bool {
	r, ok := ix.NodeRelation(n)
	return ok && ix.RelationStatus(r) == pb.RelationStatus(t)
}

func (t statusTest) text() string    { return index.StatusWord(pb.RelationStatus(t)) }
func (t statusTest) english() string { return index.StatusWord(pb.RelationStatus(t)) }

// KindWord is an organization kind as a lowercase word, such as "country"
// or "trade_bloc".
func KindWord(k pb.OrganizationKind) string {
	return strings.ToLower(strings.TrimPrefix(k.String(), "ORGANIZATION_KIND_"))
}

// PredicateList writes predicates as alternatives: "OPPOSES|LEADS".
func PredicateList(ps []pb.Predicate) string {
	names := make([]string, len(ps))
	for i, p := range ps {
		names[i] = vocab.Name(p)
	}
	return strings.Join(names, "|")
}

// DescribeConstraint writes a constraint as English, such as "?deal is a
// relation: “acquires”" or "?x is a company".
func DescribeConstraint(c *pb.Constraint) string {
	v := "?" + c.GetVariable()
	t, err := compileTest("", c)
	if err != nil {
		return v
	}
	return v + " " + t.english()
}

// ConstraintText writes what a constraint asks of its variable in Match
// text syntax, as it follows "?x is ": "company|country", "failed".
func ConstraintText(c *pb.Constraint) string {
	t, err := compileTest("", c)
	if err != nil {
		return "?"
	}
	return t.text()
}
