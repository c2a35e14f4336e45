package index

import (
	"slices"
	"unsafe"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/server/vocab"
)

// This file is the read API that graph algorithms (package query) walk.
// Nodes are numbered densely: entities first, in name order, then
// relations, in name order, so that a relation about a relation can treat
// the inner relation as a node. Relations are numbered in name order too.

// Node is a node number: an entity or a relation seen as a node.
type Node = int32

// Rel is a relation number.
type Rel = int32

func (ix *Index) entityCount() Node { return Node(ix.entityNames.len()) }

// entityOf returns the entity number of node n, and false when n is a
// relation node.
func (ix *Index) entityOf(n Node) (int32, bool) { return n, n < ix.entityCount() }

// NodeCount returns the number of nodes: entities plus relations.
func (ix *Index) NodeCount() int { return ix.entityNames.len() + ix.relationNames.len() }

// RelationCount returns the number of relations.
func (ix *Index) RelationCount() int { return ix.relationNames.len() }

// NodeOf returns the node number of an entity or relation resource name.
func (ix *Index) NodeOf(name string) (Node, bool) {
	if e, ok := ix.entityNames.find(name); ok {
		return Node(e), true
	}
	if r, ok := ix.relationNames.find(name); ok {
		return ix.entityCount() + Node(r), true
	}
	return 0, false
}

// NodeName returns the resource name of node n.
func (ix *Index) NodeName(n Node) string {
	if e, ok := ix.entityOf(n); ok {
		return ix.entityNames.at(int(e))
	}
	return ix.relationNames.at(int(n - ix.entityCount()))
}

// NodeEntity returns the entity node n stands for, or nil when n is a
// relation node. Each call makes a new message; see [Index.DisplayName]
// and [Index.EntityType] for cheaper reads of one field.
func (ix *Index) NodeEntity(n Node) *pb.Entity {
	if e, ok := ix.entityOf(n); ok {
		return ix.entity(e)
	}
	return nil
}

// NodeRelation returns the relation number node n stands for, and false
// when n is an entity node.
func (ix *Index) NodeRelation(n Node) (Rel, bool) {
	if n < ix.entityCount() {
		return 0, false
	}
	return Rel(n - ix.entityCount()), true
}

// RelationNode returns the node number of relation r.
func (ix *Index) RelationNode(r Rel) Node { return ix.entityCount() + r }

// Reified reports whether relation r is itself the subject or object of
// some relation, that is whether its node has any relations: the same as
// len(Out(RelationNode(r)))+len(In(RelationNode(r))) > 0, but two bit
// tests, where Out and In look the node's slot up. Path searches ask it of
// every relation they cross.
func (ix *Index) Reified(r Rel) bool { return ix.out.hasRel(r) || ix.in.hasRel(r) }

// RelationAt returns relation r. Each call makes a new message, with its
// evidence and summary; see [Index.Predicate], [Index.Ends],
// [Index.RelationStatus] and [Index.Summary] for cheaper reads.
func (ix *Index) RelationAt(r Rel) *pb.Relation { return ix.relation(r) }

// Ends returns the subject and object nodes of relation r.
func (ix *Index) Ends(r Rel) (subject, object Node) { return ix.ends[2*r], ix.ends[2*r+1] }

// Predicate returns the predicate of relation r.
func (ix *Index) Predicate(r Rel) vocab.ID { return vocab.ID(ix.pred[r] & predicateMask) }

// Symmetric reports whether the predicate of relation r reads the same both
// ways.
func (ix *Index) Symmetric(r Rel) bool { return ix.vocab.Predicate(ix.Predicate(r)).Symmetric }

// Rank returns the statement rank of relation r.
func (ix *Index) Rank(r Rel) pb.StatementRank { return pb.StatementRank(ix.pred[r] >> predicateBits) }

// Hidden reports whether relation r is left out of reads that ask for the
// best-ranked statements only: it is deprecated, or normal while another
// statement with its subject and predicate is preferred.
func (ix *Index) Hidden(r Rel) bool { return ix.hidden[r>>6]&(1<<(r&63)) != 0 }

// Qualifiers returns the qualifiers of relation r, or nil when it has
// none, without making the rest of the relation. Each call makes a new
// message.
func (ix *Index) Qualifiers(r Rel) *pb.Qualifiers {
	raw, ok := ix.qualifierBytes(r)
	if !ok {
		return nil
	}
	out := &pb.Qualifiers{}
	unmarshal(raw, out)
	return out
}

// qualifierBytes returns the wire bytes of relation r's qualifiers.
func (ix *Index) qualifierBytes(r Rel) (string, bool) {
	q := ix.qual[r]
	if q == 0 {
		return "", false
	}
	return messageField(ix.quals.at(int(q-1)), relationQualifiersField)
}

// relationQualifiersField is the field number of Relation.qualifiers, in
// the extras records (TestStoredFieldNumbers).
const relationQualifiersField = 5

// RelationStatus returns the status qualifier of relation r.
func (ix *Index) RelationStatus(r Rel) pb.RelationStatus {
	raw, ok := ix.qualifierBytes(r)
	if !ok {
		return pb.RelationStatus_RELATION_STATUS_UNSPECIFIED
	}
	// Qualifiers.status is field 3, a varint.
	return pb.RelationStatus(messageVarint(raw, 3))
}

// Out returns the relations whose subject is node n, in ascending order.
// The slice is shared: do not modify it.
func (ix *Index) Out(n Node) []Rel { return ix.out.of(n) }

// In returns the relations whose object is node n, in ascending order.
// The slice is shared: do not modify it.
func (ix *Index) In(n Node) []Rel { return ix.in.of(n) }

// EntityType returns the type of node n: "organization", "person", "place",
// "topic", or "relation" for a relation node.
func (ix *Index) EntityType(n Node) string {
	if e, ok := ix.entityOf(n); ok {
		return vocab.EntityTypes[ix.entityType[e]]
	}
	return vocab.RelationType
}

// Kinds returns the kinds of node n, none for a relation node. The slice
// is shared: do not modify it.
func (ix *Index) Kinds(n Node) []vocab.KindID {
	e, ok := ix.entityOf(n)
	if !ok {
		return nil
	}
	ks := ix.kinds[ix.kindStart[e]:ix.kindStart[e+1]]
	return unsafe.Slice((*vocab.KindID)(unsafe.SliceData(ks)), len(ks))
}

// WithPredicate returns the relations with predicate p, in ascending order.
// The slice is shared: do not modify it.
func (ix *Index) WithPredicate(p vocab.ID) []Rel {
	if int(p) >= ix.vocab.Len() {
		return nil
	}
	return ix.byPredicate.of(int32(p))
}

// EvidenceDocuments returns the resource names of the documents that
// relation r's evidence quotes, each once, in evidence order.
func (ix *Index) EvidenceDocuments(r Rel) []string {
	var out []string
	for _, d := range ix.evDoc[ix.evStart[r]:ix.evStart[r+1]] {
		if name := ix.documentNames.at(int(d)); !slices.Contains(out, name) {
			out = append(out, name)
		}
	}
	return out
}
