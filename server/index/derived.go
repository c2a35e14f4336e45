package index

import (
	"strings"

	"google.golang.org/protobuf/proto"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/server/resource"
	"github.com/entitygraph/entitygraph/server/vocab"
)

// rolePredicates are the predicates whose role qualifier is a title the
// subject holds in the object.
var rolePredicates = map[pb.Predicate]bool{
	pb.Predicate_PREDICATE_LEADS:     true,
	pb.Predicate_PREDICATE_SERVES_IN: true,
	pb.Predicate_PREDICATE_MEMBER_OF: true,
}

// fillDerived computes the output-only fields: relation summaries, people's
// roles, documents' relation counts and their text-free copies.
func (ix *Index) fillDerived() {
	summaries := make([]string, len(ix.relations))
	for i := range ix.relations {
		ix.relations[i].Summary = ix.summary(int32(i), summaries, 0)
	}
	docRelations := make([]int32, len(ix.documents))
	for _, r := range ix.relations {
		seen := map[int32]bool{}
		for _, ev := range r.GetEvidence() {
			if id, ok := ix.documentID[ev.GetDocument()]; ok && !seen[id] {
				seen[id] = true
				docRelations[id]++
			}
		}
		person, ok := ix.entityID[r.GetSubject()]
		role := r.GetQualifiers().GetRole()
		if ok && role != "" && rolePredicates[r.GetPredicate()] {
			if p := ix.entities[person].GetPerson(); p != nil {
				p.Roles = append(p.Roles, &pb.Role{Title: role, Organization: r.GetObject(), Relation: r.GetName()})
			}
		}
	}
	ix.documentsBare = make([]*pb.Document, len(ix.documents))
	for i, d := range ix.documents {
		d.RelationCount = docRelations[i]
		bare := proto.Clone(d).(*pb.Document)
		bare.Text = ""
		ix.documentsBare[i] = bare
	}
}

// maxSummaryDepth bounds how deeply relations about relations are spelled
// out inside a summary.
const maxSummaryDepth = 3

// summary renders relation r as one English sentence, memoized in done.
func (ix *Index) summary(r int32, done []string, depth int) string {
	if done[r] != "" {
		return done[r]
	}
	rel := ix.relations[r]
	e, _ := vocab.Lookup(rel.GetPredicate())
	var b strings.Builder
	b.WriteString(e.Sentence(ix.label(rel.GetSubject(), done, depth), ix.label(rel.GetObject(), done, depth)))
	if extra := qualifierWords(rel.GetQualifiers()); extra != "" {
		b.WriteString(" (" + extra + ")")
	}
	done[r] = b.String()
	return done[r]
}

// label names an endpoint: an entity's display name, or a relation's summary
// in brackets.
func (ix *Index) label(name string, done []string, depth int) string {
	if id, ok := ix.entityID[name]; ok {
		return resource.DisplayName(ix.entities[id])
	}
	if id, ok := ix.relationID[name]; ok && depth < maxSummaryDepth {
		return "[" + ix.summary(id, done, depth+1) + "]"
	}
	return name
}

// qualifierWords lists the qualifiers worth a summary: role, status, time and
// place.
func qualifierWords(q *pb.Qualifiers) string {
	var parts []string
	if q.GetRole() != "" {
		parts = append(parts, "as "+q.GetRole())
	}
	if s := q.GetStatus(); s != pb.RelationStatus_RELATION_STATUS_UNSPECIFIED {
		parts = append(parts, StatusWord(s))
	}
	if t := q.GetTime().GetText(); t != "" {
		parts = append(parts, t)
	}
	if p := q.GetPlace().GetText(); p != "" {
		parts = append(parts, "at "+p)
	}
	return strings.Join(parts, ", ")
}

// StatusWord returns a relation status as a lowercase word, such as
// "failed", or "" for RELATION_STATUS_UNSPECIFIED.
func StatusWord(s pb.RelationStatus) string {
	if s == pb.RelationStatus_RELATION_STATUS_UNSPECIFIED {
		return ""
	}
	return strings.ToLower(strings.TrimPrefix(s.String(), "RELATION_STATUS_"))
}
