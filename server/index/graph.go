package index

import (
	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/server/resource"
)

// This file is the read API that graph algorithms (package query) walk.
// Nodes are numbered densely: entities first, in name order, then
// relations, in name order, so that a relation about a relation can treat
// the inner relation as a node. Relations are numbered in name order too.

// Node is a node number: an entity or a relation seen as a node.
type Node = int32

// Rel is a relation number.
type Rel = int32

// NodeCount returns the number of nodes: entities plus relations.
func (ix *Index) NodeCount() int { return len(ix.entities) + len(ix.relations) }

// RelationCount returns the number of relations.
func (ix *Index) RelationCount() int { return len(ix.relations) }

// NodeOf returns the node number of an entity or relation resource name.
func (ix *Index) NodeOf(name string) (Node, bool) { return ix.node(name) }

// NodeName returns the resource name of node n.
func (ix *Index) NodeName(n Node) string {
	if e := ix.NodeEntity(n); e != nil {
		return resource.EntityName(e)
	}
	return ix.relations[n-Node(len(ix.entities))].GetName()
}

// NodeEntity returns the entity node n stands for, or nil when n is a
// relation node.
func (ix *Index) NodeEntity(n Node) *pb.Entity {
	if int(n) < len(ix.entities) {
		return ix.entities[n]
	}
	return nil
}

// NodeRelation returns the relation number node n stands for, and false
// when n is an entity node.
func (ix *Index) NodeRelation(n Node) (Rel, bool) {
	if int(n) < len(ix.entities) {
		return 0, false
	}
	return Rel(int(n) - len(ix.entities)), true
}

// RelationNode returns the node number of relation r.
func (ix *Index) RelationNode(r Rel) Node { return Node(len(ix.entities)) + r }

// RelationAt returns relation r.
func (ix *Index) RelationAt(r Rel) *pb.Relation { return ix.relations[r] }

// Ends returns the subject and object nodes of relation r.
func (ix *Index) Ends(r Rel) (subject, object Node) { return ix.subj[r], ix.obj[r] }

// Predicate returns the predicate of relation r.
func (ix *Index) Predicate(r Rel) pb.Predicate { return ix.relations[r].GetPredicate() }

// Out returns the relations whose subject is node n, in ascending order.
// The slice is shared: do not modify it.
func (ix *Index) Out(n Node) []Rel { return ix.out.of(n) }

// In returns the relations whose object is node n, in ascending order.
// The slice is shared: do not modify it.
func (ix *Index) In(n Node) []Rel { return ix.in.of(n) }

// EntityType returns the type of node n: "organization", "person", "place",
// "topic", or "relation" for a relation node.
func (ix *Index) EntityType(n Node) string {
	if e := ix.NodeEntity(n); e != nil {
		return resource.EntityType(e)
	}
	return "relation"
}

// WithPredicate returns the relations with predicate p, in ascending order.
// The slice is shared: do not modify it.
func (ix *Index) WithPredicate(p pb.Predicate) []Rel {
	if p < 0 || int(p)+1 >= len(ix.byPredicate.start) {
		return nil
	}
	return ix.byPredicate.of(int32(p))
}
