// Package vocab is the vocabulary a graph is written in, loaded from data:
// its predicates (relation types), its kinds of entity, and the English
// words that say them — the lexicon Ask reads questions with, the nouns for
// types and kinds, the words for relation statuses — and how the synthetic
// generator writes each predicate. A [Vocabulary] is made from a
// [pb.Vocabulary] (the `*.vocab.txtpb` files of a data directory, or the
// copy a snapshot file holds), checked once, and then only read.
//
// Nothing about any particular predicate or kind lives in Go code: the
// seed's vocabulary is seeds/seed.vocab.txtpb, and a new domain brings its
// own file. English morphology (inflection, plurals) is language, not
// vocabulary, and comes from package english.
//
// It imports only the generated API and package english.
package vocab

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"

	"google.golang.org/protobuf/proto"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
)

// ID numbers a predicate within one vocabulary: its position among the
// predicates in name order.
type ID uint16

// KindID numbers a kind within one vocabulary, in name order.
type KindID uint16

// MaxPredicates is the most predicates a vocabulary may declare: the index
// keeps a predicate number in 14 bits of a relation's column.
const MaxPredicates = 1 << 14

// NoExtension is Predicate.ExtendsThrough for a predicate whose
// statements reach no further objects.
const NoExtension ID = MaxPredicates

// MaxKinds is the most kinds a vocabulary may declare.
const MaxKinds = 1 << 16

// The collections of vocabulary resources.
const (
	PredicatePrefix = "predicates/"
	KindPrefix      = "kinds/"
)

// EntityTypes are the types of entity, which are fixed: each is a
// collection of resource names.
var EntityTypes = []string{"organization", "person", "place", "topic"}

// RelationType is what subject_types and object_types call a relation used
// as a node.
const RelationType = "relation"

// Predicate is one predicate of a vocabulary, with what is derived from its
// record.
type Predicate struct {
	// ID is its number in the vocabulary.
	ID ID
	// Name is its resource name, "predicates/acquires".
	Name string
	// Key is its id, "acquires".
	Key string
	// Reading is the forward reading, subject → object, such as "acquires".
	Reading string
	// Inverse is the reading object → subject, such as "is acquired by";
	// Reading for a symmetric predicate.
	Inverse string
	// Symmetric is true when it reads the same both ways.
	Symmetric bool
	// Implies are the broader predicates it implies, directly.
	Implies []ID
	// TitleRole is set when its relations' role qualifier is a title the
	// subject holds in the object.
	TitleRole bool
	// SubjectTypes and ObjectTypes are its domain and range as declared:
	// entity types, kind names or "relation"; empty is anything.
	SubjectTypes, ObjectTypes []string
	// SingleValue is set when a subject has at most one object of each
	// kind by it (Predicate.single_value).
	SingleValue bool
	// OneHolderPerTitle is set when an object has at most one subject at
	// a time by it in each title (Predicate.one_holder_per_title).
	OneHolderPerTitle bool
	// PointInTime is set when its relations happen at a time rather than
	// hold over one (Predicate.point_in_time).
	PointInTime bool
	// ExtendsThrough is the predicate through which its statements reach
	// further objects (Predicate.extends_through), or NoExtension.
	ExtendsThrough ID
	// ObjectModifier is set when the object's name before a noun for the
	// subject says it: "a Japanese company" (Lexicon.object_modifier).
	ObjectModifier bool

	template, inverseTemplate string
	msg                       *pb.Predicate
}

// Sentence writes "subject predicate object" in English, such as "Western
// Digital acquires Kioxia".
func (p *Predicate) Sentence(subject, object string) string {
	if p.template != "" {
		return fill(p.template, subject, object)
	}
	return subject + " " + p.Reading + " " + object
}

// InverseSentence writes the relation from the object's side, such as
// "Kioxia is acquired by Western Digital".
func (p *Predicate) InverseSentence(subject, object string) string {
	if p.inverseTemplate != "" {
		return fill(p.inverseTemplate, subject, object)
	}
	return object + " " + p.Inverse + " " + subject
}

// Message returns the predicate's record as a new message.
func (p *Predicate) Message() *pb.Predicate { return proto.CloneOf(p.msg) }

// fill puts subject and object into a template's {subject} and {object}.
// The replacement is one pass, so a name is never read as a placeholder.
func fill(template, subject, object string) string {
	return strings.NewReplacer("{subject}", subject, "{object}", object).Replace(template)
}

// Kind is one kind of entity of a vocabulary.
type Kind struct {
	// ID is its number in the vocabulary.
	ID KindID
	// Name is its resource name, "kinds/company".
	Name string
	// Key is its id, "company".
	Key string
	// EntityType is the type of its entities.
	EntityType string
	// Broader are the kinds it is narrower than, directly.
	Broader []KindID

	msg *pb.Kind
}

// Message returns the kind's record as a new message.
func (k *Kind) Message() *pb.Kind { return proto.CloneOf(k.msg) }

// Vocabulary is one loaded, checked vocabulary. It is immutable and safe for
// concurrent use.
type Vocabulary struct {
	msg    *pb.Vocabulary // normalized: predicates and kinds in name order
	digest string

	preds  []*Predicate
	byKey  map[string]ID
	kinds  []*Kind
	kindBy map[string]KindID

	impliedBy [][]ID     // by predicate: the predicates that imply it, at any depth
	narrower  [][]KindID // by kind: itself and every kind narrower than it

	lexicon lexicon
}

// Message returns the vocabulary as a message, predicates and kinds in name
// order (the form a snapshot stores). It must not be changed.
func (v *Vocabulary) Message() *pb.Vocabulary { return v.msg }

// Digest is a short hash of the vocabulary's content, the same for the same
// vocabulary however its files were written.
func (v *Vocabulary) Digest() string { return v.digest }

// Predicates returns every predicate, in name order (by ID). The slice and
// the records must not be changed.
func (v *Vocabulary) Predicates() []*Predicate { return v.preds }

// Predicate returns predicate id; it must be one of the vocabulary's.
func (v *Vocabulary) Predicate(id ID) *Predicate { return v.preds[id] }

// Len returns the number of predicates.
func (v *Vocabulary) Len() int { return len(v.preds) }

// Lookup finds a predicate by resource name ("predicates/acquires") or id
// ("acquires"). Case does not matter, and "_" may stand for "-"
// ("COORDINATES_AGAINST").
func (v *Vocabulary) Lookup(name string) (*Predicate, bool) {
	id, ok := v.byKey[canonicalKey(name, PredicatePrefix)]
	if !ok {
		return nil, false
	}
	return v.preds[id], true
}

// PredicateKey returns the id a predicate's resource name or id writes, as
// [Vocabulary.Lookup] reads it: "PREDICATE_NAME"-style or
// "predicates/name", it is "name" in kebab case.
func PredicateKey(name string) string { return canonicalKey(name, PredicatePrefix) }

// KindKey returns the id a kind's resource name or id writes, as
// [Vocabulary.LookupKind] reads it.
func KindKey(name string) string { return canonicalKey(name, KindPrefix) }

// canonicalKey returns the id a resource name or id names: without the
// collection, lowercase, with "-" for "_".
func canonicalKey(name, prefix string) string {
	name = strings.ToLower(strings.TrimSpace(name))
	name = strings.TrimPrefix(name, prefix)
	return strings.ReplaceAll(name, "_", "-")
}

// ImpliedBy returns the predicates that imply p, directly or through
// others, not p itself: for OPPOSES, COORDINATES_AGAINST.
func (v *Vocabulary) ImpliedBy(p ID) []ID { return v.impliedBy[p] }

// Kinds returns every kind, in name order.
func (v *Vocabulary) Kinds() []*Kind { return v.kinds }

// Kind returns kind id.
func (v *Vocabulary) Kind(id KindID) *Kind { return v.kinds[id] }

// LookupKind finds a kind by resource name ("kinds/company") or id
// ("company"), as Lookup does for predicates.
func (v *Vocabulary) LookupKind(name string) (*Kind, bool) {
	id, ok := v.kindBy[canonicalKey(name, KindPrefix)]
	if !ok {
		return nil, false
	}
	return v.kinds[id], true
}

// Narrower returns kind k and every kind narrower than it, at any depth.
func (v *Vocabulary) Narrower(k KindID) []KindID { return v.narrower[k] }

// Fits reports whether a node of entity type typ (or "relation") and of
// kinds fits one of types, as Predicate.subject_types lists them: the
// type itself, or a kind that one of kinds is (or is narrower than).
func (v *Vocabulary) Fits(typ string, kinds []KindID, types []string) bool {
	for _, t := range types {
		if t == typ {
			return true
		}
		if k, ok := v.LookupKind(t); ok && strings.HasPrefix(t, KindPrefix) {
			for _, have := range kinds {
				if slices.Contains(v.narrower[k.ID], have) {
					return true
				}
			}
		}
	}
	return false
}

// Synthetic returns how the synthetic generator writes each predicate, in
// the order the generator draws them.
func (v *Vocabulary) Synthetic() []*pb.SyntheticPredicate { return v.msg.GetSynthetic() }

// IsEntityType reports whether t is one of the fixed entity types.
func IsEntityType(t string) bool { return slices.Contains(EntityTypes, t) }

// New checks a vocabulary and makes it ready for use. It fails with a
// [*ProblemsError] listing every error. Warnings (such as a predicate that
// questions cannot say) do not stop it; [Check] returns them too, for the
// loader and the check tool to report.
func New(m *pb.Vocabulary) (*Vocabulary, error) {
	problems := Check(m)
	if errs := problems.Errors(); len(errs) > 0 {
		return nil, &ProblemsError{Problems: errs}
	}
	return build(m), nil
}

// build makes a Vocabulary of a checked message.
func build(m *pb.Vocabulary) *Vocabulary {
	m = normalize(m)
	v := &Vocabulary{msg: m, byKey: map[string]ID{}, kindBy: map[string]KindID{}}
	for i, k := range m.GetKinds() {
		key := strings.TrimPrefix(k.GetName(), KindPrefix)
		v.kinds = append(v.kinds, &Kind{ID: KindID(i), Name: k.GetName(), Key: key, EntityType: k.GetEntityType(), msg: k})
		v.kindBy[key] = KindID(i)
	}
	for _, k := range v.kinds {
		for _, b := range k.msg.GetBroader() {
			k.Broader = append(k.Broader, v.kindBy[canonicalKey(b, KindPrefix)])
		}
	}
	for i, p := range m.GetPredicates() {
		key := strings.TrimPrefix(p.GetName(), PredicatePrefix)
		rec := &Predicate{
			ID: ID(i), Name: p.GetName(), Key: key, Reading: p.GetReading(), Inverse: p.GetInverseReading(),
			Symmetric: p.GetSymmetric(), TitleRole: p.GetRoleIsTitle(),
			SubjectTypes: p.GetSubjectTypes(), ObjectTypes: p.GetObjectTypes(),
			SingleValue: p.GetSingleValue(), OneHolderPerTitle: p.GetOneHolderPerTitle(), PointInTime: p.GetPointInTime(), ObjectModifier: p.GetLexicon().GetObjectModifier(),
			template: p.GetSentence(), inverseTemplate: p.GetInverseSentence(), msg: p,
		}
		if rec.Symmetric {
			rec.Inverse = rec.Reading
		}
		v.preds = append(v.preds, rec)
		v.byKey[key] = ID(i)
	}
	for _, rec := range v.preds {
		rec.ExtendsThrough = NoExtension
		if t := rec.msg.GetExtendsThrough(); t != "" {
			rec.ExtendsThrough = v.byKey[canonicalKey(t, PredicatePrefix)]
		}
		for _, b := range rec.msg.GetImplies() {
			rec.Implies = append(rec.Implies, v.byKey[canonicalKey(b, PredicatePrefix)])
		}
	}
	v.impliedBy = make([][]ID, len(v.preds))
	var walk func(from, p ID)
	walk = func(from, p ID) {
		for _, broader := range v.preds[p].Implies {
			if !slices.Contains(v.impliedBy[broader], from) {
				v.impliedBy[broader] = append(v.impliedBy[broader], from)
				walk(from, broader)
			}
		}
	}
	for _, rec := range v.preds {
		walk(rec.ID, rec.ID)
	}
	for _, l := range v.impliedBy {
		slices.Sort(l)
	}
	v.narrower = make([][]KindID, len(v.kinds))
	for _, k := range v.kinds {
		v.narrower[k.ID] = append(v.narrower[k.ID], k.ID)
	}
	var up func(from KindID, k KindID)
	up = func(from, k KindID) {
		for _, b := range v.kinds[k].Broader {
			if !slices.Contains(v.narrower[b], from) {
				v.narrower[b] = append(v.narrower[b], from)
				up(from, b)
			}
		}
	}
	for _, k := range v.kinds {
		up(k.ID, k.ID)
	}
	for _, l := range v.narrower {
		slices.Sort(l)
	}
	raw, err := proto.MarshalOptions{Deterministic: true}.Marshal(m)
	if err != nil {
		panic("vocab: a checked vocabulary does not marshal: " + err.Error())
	}
	sum := sha256.Sum256(raw)
	v.digest = hex.EncodeToString(sum[:6])
	v.lexicon = buildLexicon(v)
	return v
}

// normalize returns a copy of m with its predicates and kinds in name order
// and their names canonical, and symmetric predicates with their inverse
// reading filled in.
func normalize(m *pb.Vocabulary) *pb.Vocabulary {
	m = proto.CloneOf(m)
	slices.SortStableFunc(m.Predicates, func(a, b *pb.Predicate) int { return cmp.Compare(a.GetName(), b.GetName()) })
	slices.SortStableFunc(m.Kinds, func(a, b *pb.Kind) int { return cmp.Compare(a.GetName(), b.GetName()) })
	for _, p := range m.Predicates {
		for i, b := range p.Implies {
			p.Implies[i] = PredicatePrefix + canonicalKey(b, PredicatePrefix)
		}
		// A symmetric predicate reads the same both ways: served records
		// say so in full, whatever the file left out.
		if p.GetSymmetric() && p.GetInverseReading() == "" {
			p.InverseReading = p.Reading
		}
	}
	for _, k := range m.Kinds {
		for i, b := range k.Broader {
			k.Broader[i] = KindPrefix + canonicalKey(b, KindPrefix)
		}
	}
	return m
}

// ProblemsError is a vocabulary that cannot be used, with every error found.
type ProblemsError struct{ Problems []Problem }

func (e *ProblemsError) Error() string {
	msgs := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		msgs[i] = p.String()
	}
	return "vocabulary: " + strings.Join(msgs, "; ")
}

// Problem is one thing wrong with a vocabulary record, located by the
// record's place in the message: Section is the field of pb.Vocabulary
// ("predicates", "kinds", "types", "statuses", "synthetic") and Index the
// record's position in it, so a loader can point at its file and line.
type Problem struct {
	Section string
	Index   int
	Field   string // the field of the record at fault, such as "implies", or ""
	Msg     string
	Warning bool // the vocabulary still works; the record is not what it should be
}

func (p Problem) String() string {
	return fmt.Sprintf("%s[%d]: %s", p.Section, p.Index, p.Msg)
}

// Problems is a list of problems.
type Problems []Problem

// Errors returns the problems that are not warnings.
func (ps Problems) Errors() []Problem {
	var out []Problem
	for _, p := range ps {
		if !p.Warning {
			out = append(out, p)
		}
	}
	return out
}
