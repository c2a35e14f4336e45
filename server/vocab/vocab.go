// Package vocab is the predicate vocabulary of entitygraph: for each
// predicate, one [Predicate] record holds everything the service knows about
// it — what it means, how it reads both ways and as a sentence, what it
// implies, the English words that say it (the lexicon Ask reads questions
// with), whether its role qualifier is a title, and how the synthetic
// generator writes it. Nothing about a predicate lives anywhere else: the
// index, the query engines, the service and the generator all read these
// records, and clients read them through ListPredicates.
//
// It imports only the generated API and package english (morphology).
package vocab

import (
	"cmp"
	"slices"
	"strings"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
)

// Predicate is everything about one predicate.
type Predicate struct {
	// ID is the enum value.
	ID pb.Predicate
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
	// Template, when set, writes the relation as a sentence where
	// "{subject} Reading {object}" would put the object in the wrong place:
	// "{subject} regards {object} as strategic". InverseTemplate does the
	// same from the object's side.
	Template, InverseTemplate string
	// TitleRole is set when the role qualifier of its relations is a title
	// the subject holds in the object ("Chairman" of SK Group): such
	// relations make a person's roles.
	TitleRole bool
	// Lexicon is how English says the predicate.
	Lexicon Lexicon
	// Synthetic is how the synthetic generator (package synth) writes
	// relations with this predicate.
	Synthetic Synthetic
}

// Lexicon is how English says one predicate, in the words questions use.
// Verbs are given in their base form and inflected by package english;
// nouns are given singular and made plural there.
type Lexicon struct {
	// Verbs are verb phrases in the base form, head word first ("take
	// over", "bid for"). A "*" word is a gap where the object goes, as in
	// "regard * as strategic". Each is read in every inflection and, unless
	// it ends in a preposition or has a gap, as a passive ("acquired by").
	Verbs []string
	// Fixed are phrases used just as written: participles and adjectives
	// ("based in", "allied with", "against"). After a form of "be" they are
	// never read as passives.
	Fixed []string
	// Nouns are relational nouns, singular ("chairman of"), read after a
	// copula: "Who is the chairman of SK Group?".
	Nouns []string
	// PassiveNouns are relational nouns that read object → subject: "Japan
	// is home to Kioxia".
	PassiveNouns []string
	// EventNouns name a relation with this predicate as a thing
	// ("acquisition", "bid"), singular: "which acquisition", "the alliance".
	EventNouns []string
	// NounPhrase, when set, names one relation with this predicate in a
	// sentence: "{subject}'s bid for {object}". The synthetic generator
	// makes other relations about relations whose predicate has one.
	NounPhrase string
}

// Synthetic is how the synthetic generator writes relations with one
// predicate: how often it draws the predicate, between what kinds of nodes,
// in which sentences and with which qualifiers.
type Synthetic struct {
	// Weight is how often the predicate is drawn, relative to the others.
	Weight float64
	// Subject and Object are the pools of nodes its ends are drawn from,
	// with their shares (summing to 1).
	Subject, Object []PoolShare
	// IDVerb is the word between subject and object in a relation's id:
	// "{subject}-acquires-{object}".
	IDVerb string
	// Sentences state a relation with this predicate. Placeholders:
	// {subject}, {object}, {role}, {rank}, {year} and {product}.
	Sentences []SentenceTemplate
	// RandomSentence picks among the sentences that apply at random
	// instead of by the wording the document needs.
	RandomSentence bool
	// Qualifiers are the qualifiers the generator gives such relations.
	Qualifiers QualifierRecipe
}

// The pools of nodes the synthetic generator draws relations' ends from.
const (
	PoolCompany      = "company"
	PoolOrganization = "organization" // organizations that are not companies, countries or blocs
	PoolCountry      = "country"
	PoolBloc         = "bloc"
	PoolPerson       = "person"
	PoolPlace        = "place"
	PoolTopic        = "topic"
	PoolRelation     = "relation" // relations that other relations may be about
)

// PoolShare is a pool and the share of draws that come from it.
type PoolShare struct {
	Pool  string
	Share float64
}

// SentenceTemplate is one sentence the generator may state a relation with.
type SentenceTemplate struct {
	// Text is the sentence with placeholders.
	Text string
	// Status, when set, restricts the sentence to relations with this status.
	Status pb.RelationStatus
	// Ranked restricts the sentence to relations with a rank.
	Ranked bool
}

// Chance is how often the generator gives a qualifier: In times in Of. Of
// zero means never; In at least Of means always, without a random draw.
type Chance struct{ In, Of int }

// TimeForm is how the generator writes a time qualifier.
type TimeForm int

// The time forms.
const (
	TimeYear      TimeForm = iota + 1 // "2021"
	TimeSinceYear                     // "since 2021"
	TimeMonthYear                     // "May 2021"
)

// QualifierRecipe is which qualifiers the generator gives a relation, how
// often and from which values. It draws them in the order of the fields.
type QualifierRecipe struct {
	// Roles are the titles a role qualifier takes; none, no role.
	Roles      []string
	RoleChance Chance
	// RolePeopleOnly gives a role only when the subject is a person.
	RolePeopleOnly bool
	// Statuses are the statuses drawn from (repeat one to weight it).
	Statuses     []pb.RelationStatus
	StatusChance Chance
	// RankChance is how often the subject gets a rank (No. 1 to No. 10)
	// among the object's producers.
	RankChance Chance
	// TimeChance is how often the relation gets a time, in TimeForm.
	TimeChance Chance
	TimeForm   TimeForm
	// TopicChance is how often the relation gets a topic.
	TopicChance Chance
}

// byID indexes the records by enum value, and enumOrder lists them in enum
// order; both are built once from records.
var (
	byID      = map[pb.Predicate]*Predicate{}
	enumOrder []*Predicate
)

func init() {
	for i := range records {
		p := &records[i]
		if p.Symmetric {
			p.Inverse = p.Reading
		}
		byID[p.ID] = p
		enumOrder = append(enumOrder, p)
	}
	slices.SortFunc(enumOrder, func(a, b *Predicate) int { return cmp.Compare(a.ID, b.ID) })
}

// Lookup returns the record of p, and false when p is not in the vocabulary
// (including PREDICATE_UNSPECIFIED and unknown numbers).
func Lookup(p pb.Predicate) (*Predicate, bool) {
	e, ok := byID[p]
	return e, ok
}

// All returns every record, in enum order. The records must not be changed.
func All() []*Predicate { return slices.Clone(enumOrder) }

// InDrawOrder returns every record in the order the synthetic generator
// draws predicates in (the order they are listed in). The records must not
// be changed.
func InDrawOrder() []*Predicate {
	out := make([]*Predicate, len(records))
	for i := range records {
		out[i] = &records[i]
	}
	return out
}

// Name is the predicate's name without its PREDICATE_ prefix, such as
// "COORDINATES_AGAINST".
func (p *Predicate) Name() string { return Name(p.ID) }

// Name is a predicate's name without its PREDICATE_ prefix, such as
// "COORDINATES_AGAINST".
func Name(p pb.Predicate) string { return strings.TrimPrefix(p.String(), "PREDICATE_") }

// Sentence writes "subject predicate object" in English, such as "Western
// Digital acquires Kioxia".
func (p *Predicate) Sentence(subject, object string) string {
	if p.Template != "" {
		return fill(p.Template, subject, object)
	}
	return subject + " " + p.Reading + " " + object
}

// InverseSentence writes the relation from the object's side, such as
// "Kioxia is acquired by Western Digital".
func (p *Predicate) InverseSentence(subject, object string) string {
	if p.InverseTemplate != "" {
		return fill(p.InverseTemplate, subject, object)
	}
	return object + " " + p.Inverse + " " + subject
}

// fill puts subject and object into a template's {subject} and {object}.
func fill(template, subject, object string) string {
	return strings.NewReplacer("{subject}", subject, "{object}", object).Replace(template)
}

// Info returns the vocabulary as wire messages, in enum order.
func Info() []*pb.PredicateInfo {
	out := make([]*pb.PredicateInfo, 0, len(enumOrder))
	for _, p := range enumOrder {
		out = append(out, &pb.PredicateInfo{
			Predicate:      p.ID,
			Reading:        p.Reading,
			InverseReading: p.Inverse,
			Symmetric:      p.Symmetric,
			Description:    p.Description,
			Implies:        slices.Clone(p.Implies),
		})
	}
	return out
}
