// Package vocab is the predicate vocabulary of entitygraph: what each
// predicate means, how it reads forwards and backwards, and what it implies.
// It is the one place the readings live; the index, the service and the
// clients all read them from here (clients through ListPredicates).
package vocab

import (
	"fmt"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
)

// Entry describes one predicate.
type Entry struct {
	// Predicate is the enum value.
	Predicate pb.Predicate
	// Reading is the forward reading, subject → object, such as "acquires".
	Reading string
	// Inverse is the reading object → subject, such as "is acquired by".
	// It equals Reading for symmetric predicates.
	Inverse string
	// Symmetric is true when the predicate reads the same both ways.
	Symmetric bool
	// Implies lists broader predicates that hold whenever this one does.
	Implies []pb.Predicate
	// Description says what the predicate means.
	Description string
	// Template, when set, writes the relation as a sentence where the
	// reading would put the object in the wrong place: "%[1]s regards %[2]s
	// as strategic". InverseTemplate does the same from the object's side.
	Template, InverseTemplate string
}

// entries is the vocabulary in enum order. Every non-zero Predicate value
// has exactly one entry; TestVocabularyCoversEnum enforces it.
var entries = []Entry{
	{Predicate: pb.Predicate_PREDICATE_LEADS, Reading: "leads", Inverse: "is led by",
		Description: "A person leads an organization; the role qualifier gives the title."},
	{Predicate: pb.Predicate_PREDICATE_SERVES_IN, Reading: "serves in", Inverse: "has as official",
		Description: "A person holds an office in an organization or government; the role qualifier gives the title."},
	{Predicate: pb.Predicate_PREDICATE_MEMBER_OF, Reading: "is a member of", Inverse: "has as member",
		Description: "A person or organization belongs to an organization or bloc."},
	{Predicate: pb.Predicate_PREDICATE_BASED_IN, Reading: "is based in", Inverse: "is home to",
		Description: "An organization is from, or based in, a country."},
	{Predicate: pb.Predicate_PREDICATE_ACQUIRES, Reading: "acquires", Inverse: "is acquired by",
		Description: "An organization acquires, or bids to acquire, another; the status qualifier gives the outcome."},
	{Predicate: pb.Predicate_PREDICATE_OPPOSES, Reading: "opposes", Inverse: "is opposed by",
		Description: "The subject opposes the object or sees it as a threat."},
	{Predicate: pb.Predicate_PREDICATE_COORDINATES_AGAINST, Reading: "coordinates against", Inverse: "is coordinated against by",
		Implies:     []pb.Predicate{pb.Predicate_PREDICATE_OPPOSES},
		Description: "The subject acts in concert with others against the object, usually a deal."},
	{Predicate: pb.Predicate_PREDICATE_COORDINATES_WITH, Reading: "coordinates with", Symmetric: true,
		Description: "The two act in concert."},
	{Predicate: pb.Predicate_PREDICATE_PARTNERS_WITH, Reading: "partners with", Symmetric: true,
		Description: "The two are partners in a venture or market."},
	{Predicate: pb.Predicate_PREDICATE_SUPPLIES, Reading: "supplies", Inverse: "is supplied by",
		Description: "The subject supplies the object with goods."},
	{Predicate: pb.Predicate_PREDICATE_PRODUCES, Reading: "produces", Inverse: "is produced by",
		Description: "An organization makes a product or works in a market; the rank qualifier gives its standing."},
	{Predicate: pb.Predicate_PREDICATE_PROPOSES, Reading: "proposes", Inverse: "is proposed by",
		Description: "The subject proposes the object, usually a relation with status proposed."},
	{Predicate: pb.Predicate_PREDICATE_ANNOUNCES, Reading: "announces", Inverse: "is announced by",
		Description: "The subject announces the object, usually a relation."},
	{Predicate: pb.Predicate_PREDICATE_ALLIES_WITH, Reading: "allies with", Symmetric: true,
		Description: "The two form, or would form, an alliance."},
	{Predicate: pb.Predicate_PREDICATE_TRADE_DEAL_WITH, Reading: "has a trade deal with", Symmetric: true,
		Description: "The two have a trade deal."},
	{Predicate: pb.Predicate_PREDICATE_NEGOTIATES_WITH, Reading: "negotiates with", Symmetric: true,
		Description: "The two negotiate with each other."},
	{Predicate: pb.Predicate_PREDICATE_RUNS_TRADE_DEFICIT_WITH, Reading: "runs a trade deficit with", Inverse: "runs a trade surplus with",
		Description: "The subject runs a trade deficit with the object."},
	{Predicate: pb.Predicate_PREDICATE_HAS_TENSIONS_WITH, Reading: "has tensions with", Symmetric: true,
		Description: "The two have strained relations."},
	{Predicate: pb.Predicate_PREDICATE_COMPLEMENTS, Reading: "complements", Symmetric: true,
		Description: "The two economies complement each other."},
	{Predicate: pb.Predicate_PREDICATE_REGARDS_AS_STRATEGIC, Reading: "regards as strategic", Inverse: "is regarded as strategic by",
		Template: "%[1]s regards %[2]s as strategic", InverseTemplate: "%[2]s is regarded as strategic by %[1]s",
		Description: "The subject regards the object as a strategic or critical asset."},
	{Predicate: pb.Predicate_PREDICATE_PROMOTES, Reading: "promotes", Inverse: "is promoted by",
		Description: "The subject pushes for or promotes the object."},
	{Predicate: pb.Predicate_PREDICATE_DOMINATES, Reading: "dominates", Inverse: "is dominated by",
		Description: "The subject dominates a market or industry."},
	{Predicate: pb.Predicate_PREDICATE_PRIORITIZES, Reading: "prioritizes", Inverse: "is a priority of",
		Description: "The subject names the object as its next priority or focus."},
}

// byPredicate indexes entries by enum value; built once at package init.
var byPredicate = func() map[pb.Predicate]*Entry {
	m := make(map[pb.Predicate]*Entry, len(entries))
	for i := range entries {
		e := &entries[i]
		if e.Symmetric {
			e.Inverse = e.Reading
		}
		m[e.Predicate] = e
	}
	return m
}()

// Lookup returns the entry of p, and false when p is not in the vocabulary
// (including PREDICATE_UNSPECIFIED and unknown numbers).
func Lookup(p pb.Predicate) (Entry, bool) {
	e, ok := byPredicate[p]
	if !ok {
		return Entry{}, false
	}
	return *e, true
}

// All returns every entry, in enum order. The slice is a copy.
func All() []Entry {
	return append([]Entry(nil), entries...)
}

// Sentence writes "subject predicate object" in English, such as "Western
// Digital acquires Kioxia".
func (e Entry) Sentence(subject, object string) string {
	if e.Template != "" {
		return fmt.Sprintf(e.Template, subject, object)
	}
	return subject + " " + e.Reading + " " + object
}

// InverseSentence writes the relation from the object's side, such as
// "Kioxia is acquired by Western Digital".
func (e Entry) InverseSentence(subject, object string) string {
	if e.InverseTemplate != "" {
		return fmt.Sprintf(e.InverseTemplate, subject, object)
	}
	if e.Symmetric {
		return object + " " + e.Reading + " " + subject
	}
	return object + " " + e.Inverse + " " + subject
}

// Info returns the vocabulary as wire messages, in enum order.
func Info() []*pb.PredicateInfo {
	out := make([]*pb.PredicateInfo, 0, len(entries))
	for _, e := range entries {
		out = append(out, &pb.PredicateInfo{
			Predicate:      e.Predicate,
			Reading:        e.Reading,
			InverseReading: e.Inverse,
			Symmetric:      e.Symmetric,
			Description:    e.Description,
			Implies:        append([]pb.Predicate(nil), e.Implies...),
		})
	}
	return out
}
