package pattern

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"strings"
	"testing"

	"google.golang.org/protobuf/proto"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/server/budget"
	"github.com/entitygraph/entitygraph/server/index"
	"github.com/entitygraph/entitygraph/server/seedtest"
)

func seedIx(t testing.TB) *index.Index {
	t.Helper()
	return seedtest.Index(t)
}

// runText parses, compiles and runs a Match text, returning each solution
// as "var=name" pairs sorted, joined by spaces.
func runText(t *testing.T, ix *index.Index, text string) []string {
	t.Helper()
	pat, err := ParseText(ix, text)
	if err != nil {
		t.Fatalf("ParseText(%q) error = %v", text, err)
	}
	c, err := Compile(ix, pat, Options{})
	if err != nil {
		t.Fatalf("Compile(%q) error = %v", text, err)
	}
	sols, more, err := c.Run(budget.New(context.Background(), 100000), 0, 1000)
	if err != nil || more {
		t.Fatalf("Run(%q) = more %v, error %v", text, more, err)
	}
	var out []string
	for _, s := range sols {
		var parts []string
		for i, v := range c.Vars() {
			switch n := s.Nodes[i]; {
			case strings.HasPrefix(v, "_rel"), c.count != nil && n == unbound:
			case n == unbound:
				parts = append(parts, v+"=(unbound)")
			case IsLiteral(n):
				parts = append(parts, v+"="+strconv.Quote(s.Literal(n)))
			default:
				parts = append(parts, v+"="+ix.NodeName(n))
			}
		}
		slices.Sort(parts)
		if c.count != nil {
			parts = append(parts, "count="+strconv.FormatInt(s.Count, 10))
		}
		out = append(out, strings.Join(parts, " "))
	}
	if c.count == nil {
		slices.Sort(out)
	}
	return slices.Compact(out)
}

// TestQuantities runs quantity qualifiers on harbor-wind: bound as
// written, compared by amount within a unit, and by text.
func TestQuantities(t *testing.T) {
	t.Parallel()
	ix := seedtest.HarborWind(t)
	for _, tt := range []struct {
		text string
		want []string
	}{
		{"?x invests-in places/gannet-bank { quantity ?q }", []string{
			`q="$300 million" x=organizations/great-lakes-teachers-pension-fund`, `q="$650 million" x=organizations/meridian-harbor-infrastructure-partners`}},
		{`?x invests-in places/gannet-bank { quantity > "500000000 USD" }`, []string{"x=organizations/meridian-harbor-infrastructure-partners"}},
		{`?x * ?y { quantity = "25 percent" }`, []string{"x=organizations/aldermoor-energy y=places/gannet-bank", "x=organizations/kittiwake-offshore-wind y=places/gannet-bank"}},
		// Another unit does not compare: miles are not dollars.
		{`?x * ?y { quantity < "1000 dollars" }`, nil},
		{`?x * ?y { quantity ~ "miles" } . ?x is an organization`, []string{"x=organizations/corvid-subsea-cables y=places/gannet-bank"}},
	} {
		if got := runText(t, ix, tt.text); !slices.Equal(got, tt.want) {
			t.Errorf("%s = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestQualifiersGroupsCounts runs what issue 13 asks of Match on the seed:
// the qualifiers of Chey Tae-won's two proposals, the NAND ranks, people's
// roles, relations before a date, a negation, and counts.
func TestQualifiersGroupsCounts(t *testing.T) {
	t.Parallel()
	ix := seedIx(t)
	const nationalAssembly, seoul = "relations/chey-tae-won-proposes-alliance-at-national-assembly", "relations/chey-tae-won-proposes-alliance-in-seoul"
	tests := []struct {
		text string
		want []string
	}{
		{
			text: "people/chey-tae-won proposes ?plan AS ?r { place ?where, time ?when } . OPTIONAL { ?r { audience ?before } }",
			want: []string{
				`before=organizations/national-assembly-of-korea plan=relations/korea-japan-economic-alliance r=` + nationalAssembly + ` when="2025-04-22" where=organizations/national-assembly-of-korea`,
				`before=people/lee-jae-myung plan=relations/korea-japan-economic-alliance r=` + seoul + ` when="2025-05-08" where=places/seoul`,
			},
		},
		{
			text: "?x produces topics/nand-flash { rank ?rank }",
			want: []string{`rank="1" x=organizations/samsung-electronics`, `rank="2" x=organizations/kioxia`, `rank="4" x=organizations/sk-group`},
		},
		{
			text: "?x produces topics/nand-flash { rank <= 2 }",
			want: []string{"x=organizations/kioxia", "x=organizations/samsung-electronics"},
		},
		{
			text: "?p * ?o { role ?role } . ?p is a person",
			want: []string{
				`o=organizations/democratic-party-of-korea p=people/lee-jae-myung role="presidential candidate"`,
				`o=organizations/korea-chamber-of-commerce-and-industry p=people/chey-tae-won role="Head"`,
				`o=organizations/sk-group p=people/chey-tae-won role="Chairman"`,
				`o=organizations/united-states p=people/donald-trump role="President"`,
				`o=organizations/united-states p=people/howard-lutnick role="Commerce Secretary"`,
			},
		},
		{
			text: "?p leads ?o { role = chairman }",
			want: []string{"o=organizations/sk-group p=people/chey-tae-won"},
		},
		{
			// Wholly before May 2025: the April proposal, not the May one.
			text: "?s * ?o AS ?r { time < 2025-05 } . ?s is a person",
			want: []string{"o=relations/korea-japan-economic-alliance r=" + nationalAssembly + " s=people/chey-tae-won"},
		},
		{
			// Within May 8, 2025: a time of "2025" would not do.
			text: "?s * ?o AS ?r { time = 2025-05-08 } . ?s is a person",
			want: []string{
				"o=organizations/japan r=relations/howard-lutnick-prioritizes-japan s=people/howard-lutnick",
				"o=organizations/south-korea r=relations/howard-lutnick-prioritizes-south-korea s=people/howard-lutnick",
				"o=places/asia r=relations/howard-lutnick-prioritizes-asia s=people/howard-lutnick",
				"o=relations/korea-japan-economic-alliance r=" + seoul + " s=people/chey-tae-won",
				"o=relations/united-states-united-kingdom-trade-deal r=relations/donald-trump-announces-uk-trade-deal s=people/donald-trump",
			},
		},
		{
			text: "?s * ?o AS ?r { time >= 2025 } . ?s is a person . COUNT ?r",
			want: []string{"count=6"},
		},
		{
			text: "?x produces topics/nand-flash . NOT { ?x opposes relations/western-digital-bid-for-kioxia }",
			want: []string{"x=organizations/kioxia"},
		},
		{
			text: "?s * ?o AS ?r { document ?doc } . COUNT ?r BY ?doc",
			want: []string{`doc="documents/korea-japan-economic-alliance" count=63`},
		},
		{
			text: "?x produces ?what . COUNT * BY ?what",
			want: []string{"what=topics/nand-flash count=3", "what=topics/lcd-panels count=1", "what=topics/tvs count=1"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			t.Parallel()
			got := runText(t, ix, tt.text)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Match(%q) =\n  %s\nwant\n  %s", tt.text, strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
		})
	}
}

func TestMatchText(t *testing.T) {
	t.Parallel()
	ix := seedIx(t)
	const bid = "relations/western-digital-bid-for-kioxia"
	tests := []struct {
		text string
		want []string
	}{
		{
			text: "?who COORDINATES_AGAINST ?deal . ?deal is an acquisition",
			want: []string{"deal=" + bid + " who=organizations/samsung-electronics", "deal=" + bid + " who=organizations/sk-group"},
		},
		{
			text: "?who coordinated_against ?deal\n?deal is ACQUIRES",
			want: []string{"deal=" + bid + " who=organizations/samsung-electronics", "deal=" + bid + " who=organizations/sk-group"},
		},
		{
			// OPPOSES is implied by COORDINATES_AGAINST: both relations of each firm match.
			text: "?who opposes " + bid + " AS ?r",
			want: []string{
				"r=relations/samsung-coordinates-against-western-digital-bid who=organizations/samsung-electronics",
				"r=relations/samsung-opposes-western-digital-bid who=organizations/samsung-electronics",
				"r=relations/sk-group-coordinates-against-western-digital-bid who=organizations/sk-group",
				"r=relations/sk-group-opposes-western-digital-bid who=organizations/sk-group",
			},
		},
		{
			text: "?who =OPPOSES " + bid,
			want: []string{"who=organizations/samsung-electronics", "who=organizations/sk-group"},
		},
		{
			text: `"Chey Tae-won" LEADS ?org . ?org is a business_group`,
			want: []string{"org=organizations/sk-group"},
		},
		{
			text: "?p LEADS ?o . ?p is person . ?o is country",
			want: []string{"o=organizations/united-states p=people/donald-trump"},
		},
		{
			// Symmetric: stored as South Korea ALLIES_WITH Japan, matched from Japan.
			text: "organizations/japan ALLIES_WITH ?x",
			want: []string{"x=organizations/south-korea"},
		},
		{
			text: "?x acquired_by organizations/western-digital",
			want: []string{"x=organizations/kioxia"},
		},
		{
			text: "?who PROPOSES ?what . ?what is alliance . ?what is proposed",
			want: []string{"what=relations/korea-japan-economic-alliance who=people/chey-tae-won"},
		},
		{
			text: "?a * ?b AS ?r . ?r is failed",
			want: []string{"a=organizations/western-digital b=organizations/kioxia r=" + bid},
		},
		{
			text: "?c MEMBER_OF organizations/usmca . ?c is a country",
			want: []string{"c=organizations/canada", "c=organizations/mexico", "c=organizations/united-states"},
		},
		{
			text: "?x PRODUCES topics/nand-flash . ?x BASED_IN organizations/south-korea",
			want: []string{"x=organizations/samsung-electronics", "x=organizations/sk-group"},
		},
		{
			// A relation about a relation, reached from its participants.
			text: "?via dominates ?industry . ?via involves organizations/samsung-electronics . ?via involves organizations/sony",
			want: []string{"industry=topics/display-industry via=relations/samsung-sony-lcd-partnership"},
		},
		{
			text: bid + " involves ?party",
			want: []string{"party=organizations/kioxia", "party=organizations/western-digital"},
		},
		{
			// The EU causes three things: it drives one and triggers two.
			text: "organizations/european-union causes ?what",
			want: []string{"what=topics/brain-drain", "what=topics/economic-growth", "what=topics/labor-displacement"},
		},
		{
			text: "organizations/european-union triggers ?what",
			want: []string{"what=topics/brain-drain", "what=topics/labor-displacement"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			t.Parallel()
			got := runText(t, ix, tt.text)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Match(%q) =\n  %s\nwant\n  %s", tt.text, strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
		})
	}
}

func TestFormatPatternRoundTrip(t *testing.T) {
	t.Parallel()
	ix := seedIx(t)
	for _, text := range []string{
		"?who COORDINATES_AGAINST ?deal . ?deal is an acquisition",
		"?x =OPPOSES|COORDINATES_WITH organizations/japan AS ?r . ?r is failed . ?x is company",
		"?a * ?b",
	} {
		p1, err := ParseText(ix, text)
		if err != nil {
			t.Fatal(err)
		}
		canon := Format(p1)
		p2, err := ParseText(ix, canon)
		if err != nil {
			t.Fatalf("ParseText(canonical %q) error = %v", canon, err)
		}
		if !proto.Equal(p1, p2) {
			t.Errorf("round trip of %q through %q changed the pattern", text, canon)
		}
	}
}

func TestParseTextErrors(t *testing.T) {
	t.Parallel()
	ix := seedIx(t)
	tests := []struct {
		text, want string
	}{
		{"", "line 1, column 1: the query has no triple"},
		{"?who", "line 1, column 5: expected a predicate"},
		{"?who FROBNICATES ?x", `line 1, column 6: unknown predicate "FROBNICATES"`},
		{"?who LEADS", "line 1, column 11: expected an object"},
		{"?who LEADS ?x ?y", `line 1, column 15: expected "." or a new line between statements, found "?y"`},
		{"?x LEADS ?y .\n?y is a spaceship", `line 2, column 9: unknown type "spaceship"`},
		{`"Nobody At All" LEADS ?x`, `line 1, column 1: no entity is called "Nobody At All"`},
		{`"Kioxia LEADS ?x`, "line 1, column 1: unterminated quoted name"},
		{"? LEADS ?x", `line 1, column 1: expected a variable name after "?"`},
		{"?x LEADS ?y AS organizations/kioxia", "line 1, column 16: expected a variable after AS"},
		{"?x LEADS|acquired_by ?y", "cannot mix passive"},
		{"?x LEADS ?y @", `line 1, column 13: unexpected character '@'`},
	}
	for _, tt := range tests {
		_, err := ParseText(ix, tt.text)
		var se *SyntaxError
		if !errors.As(err, &se) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ParseText(%q) error = %v, want a SyntaxError containing %q", tt.text, err, tt.want)
		}
	}
}

func TestCompileErrors(t *testing.T) {
	t.Parallel()
	ix := seedIx(t)
	v := func(name string) *pb.Term { return &pb.Term{Term: &pb.Term_Variable{Variable: name}} }
	n := func(name string) *pb.Term { return &pb.Term{Term: &pb.Term_Name{Name: name}} }
	tests := []struct {
		name      string
		pattern   *pb.Pattern
		wantField string
	}{
		{"no triples", &pb.Pattern{}, "pattern.triples"},
		{"participation from an entity", &pb.Pattern{Participations: []*pb.Participation{{Relation: n("organizations/sony"), Participant: v("x")}}}, "pattern.participations[0].relation.name"},
		{"participation without participant", &pb.Pattern{Participations: []*pb.Participation{{Relation: v("r")}}}, "pattern.participations[0].participant"},
		{"empty subject", &pb.Pattern{Triples: []*pb.Triple{{Object: v("x")}}}, "pattern.triples[0].subject"},
		{"bad variable", &pb.Pattern{Triples: []*pb.Triple{{Subject: v("1x"), Object: v("y")}}}, "pattern.triples[0].subject.variable"},
		{"document name", &pb.Pattern{Triples: []*pb.Triple{{Subject: n("documents/x"), Object: v("y")}}}, "pattern.triples[0].subject.name"},
		{"unknown predicate", &pb.Pattern{Triples: []*pb.Triple{{Subject: v("x"), Predicates: []string{"predicates/frobnicates"}, Object: v("y")}}}, "pattern.triples[0].predicates[0]"},
		{"constraint on unknown variable", &pb.Pattern{
			Triples:     []*pb.Triple{{Subject: v("x"), Object: v("y")}},
			Constraints: []*pb.Constraint{{Variable: "z", Test: &pb.Constraint_Type{Type: "person"}}},
		}, "pattern.constraints[0].variable"},
		{"constraint without test", &pb.Pattern{
			Triples:     []*pb.Triple{{Subject: v("x"), Object: v("y")}},
			Constraints: []*pb.Constraint{{Variable: "x"}},
		}, "pattern.constraints[0]"},
		{"too many triples", &pb.Pattern{Triples: slices.Repeat([]*pb.Triple{{Subject: v("x"), Object: v("y")}}, MaxTriples+1)}, "pattern.triples"},
	}
	for _, tt := range tests {
		_, err := Compile(ix, tt.pattern, Options{})
		var pe *FieldError
		if !errors.As(err, &pe) || pe.Field != tt.wantField {
			t.Errorf("%s: Compile() error = %v, want a FieldError on %s", tt.name, err, tt.wantField)
		}
	}
	_, err := Compile(ix, &pb.Pattern{Triples: []*pb.Triple{{Subject: n("organizations/nope"), Object: v("y")}}}, Options{})
	if !errors.Is(err, index.ErrNotFound) {
		t.Errorf("unknown fixed name: error = %v, want ErrNotFound", err)
	}
}

func TestMatchBudgetAndPaging(t *testing.T) {
	t.Parallel()
	ix := seedIx(t)
	pat, _ := ParseText(ix, "?a * ?b . ?b * ?c")
	c, err := Compile(ix, pat, Options{})
	if err != nil {
		t.Fatal(err)
	}
	_, _, err = c.Run(budget.New(context.Background(), 10), 0, 1000)
	if !errors.Is(err, budget.ErrExceeded) {
		t.Fatalf("Run(budget 10) error = %v, want budget.ErrExceeded", err)
	}
	all, more, err := c.Run(budget.New(context.Background(), 0), 0, 100000)
	if err != nil || more || len(all) < 5 {
		t.Fatalf("Run(all) = %d, more %v, %v", len(all), more, err)
	}
	var paged []Solution
	for off := 0; ; off += 3 {
		page, more, err := c.Run(budget.New(context.Background(), 0), off, 3)
		if err != nil {
			t.Fatal(err)
		}
		paged = append(paged, page...)
		if !more {
			break
		}
	}
	if len(paged) != len(all) {
		t.Fatalf("paged %d solutions, want %d", len(paged), len(all))
	}
	for i := range all {
		if !slices.Equal(all[i].Nodes, paged[i].Nodes) || !slices.Equal(all[i].Rels, paged[i].Rels) {
			t.Fatalf("solution %d differs between pages and one run", i)
		}
	}
	plan := c.Plan()
	if len(plan.GetSteps()) != 2 || plan.GetSteps()[0].GetDescription() == "" {
		t.Errorf("Plan() = %v, want two described steps", plan)
	}
}

// TestLiteralQualifierAsNode checks a variable bound to a qualifier's
// text (an attribution, place or manner given as words, not an entity)
// and then used as a triple's end or a relation: no relation has a text
// as party, so it matches nothing, and never reads the text as a node (it
// once indexed the adjacency lists with a literal and panicked).
func TestLiteralQualifierAsNode(t *testing.T) {
	t.Parallel()
	ix := seedIx(t)
	for _, src := range []string{
		"?s * ?o AS ?r { attribution ?b } . ?d * ?b",
		"?s * ?o AS ?r { attribution ?b } . ?b * ?d AS ?q",
		"?s * ?o AS ?r { attribution ?b } . ?x involves ?b",
		"?s * ?o AS ?r { manner ?b } . ?b { time ?t }",
	} {
		p, err := ParseText(ix, src)
		if err != nil {
			t.Fatalf("ParseText(%q): %v", src, err)
		}
		q, err := Compile(ix, p, Options{})
		if err != nil {
			t.Fatalf("Compile(%q): %v", src, err)
		}
		sols, _, err := q.Run(budget.New(context.Background(), 0), 0, 1000)
		if err != nil || len(sols) != 0 {
			t.Errorf("Run(%q) = %d solutions, %v; want none", src, len(sols), err)
		}
	}
}
