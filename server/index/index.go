// Package index is the in-memory graph: an immutable snapshot of entities,
// relations and documents with adjacency by endpoint and a name index. It is
// built once from a loaded graph and then only read, so any number of
// goroutines may query one snapshot at once. It knows nothing of gRPC.
package index

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"sync/atomic"
	"time"

	"google.golang.org/protobuf/proto"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/server/namesearch"
	"github.com/entitygraph/entitygraph/server/resource"
)

// ErrNotFound is returned, inside a [*NotFoundError], when a resource does
// not exist in the snapshot.
var ErrNotFound = errors.New("not found")

// NotFoundError names a resource the snapshot does not hold. It matches
// [ErrNotFound] with errors.Is.
type NotFoundError struct {
	Kind string // "entity", "relation", "document" or "endpoint"
	Name string // the resource name asked for
}

func (e *NotFoundError) Error() string { return fmt.Sprintf("%s %q not found", e.Kind, e.Name) }

// Is reports whether target is [ErrNotFound].
func (e *NotFoundError) Is(target error) bool { return target == ErrNotFound }

// Index is one immutable snapshot of the graph.
type Index struct {
	version  string
	builtAt  time.Time
	entities []*pb.Entity // sorted by resource name; an entity's node number is its position
	entityID map[string]int32

	relations  []*pb.Relation // sorted by resource name; relation r is node len(entities)+r
	relationID map[string]int32

	documents     []*pb.Document // sorted by name, with text
	documentsBare []*pb.Document // the same without text, for the basic view
	documentID    map[string]int32

	// subj and obj are the endpoint nodes of each relation.
	subj, obj []Node
	// out and in are the relations by subject and by object node, in CSR form.
	out, in adjacency
	// byPredicate lists the relations of each predicate (by enum number).
	byPredicate adjacency

	names *namesearch.Index
}

// adjacency lists, for each node, the relations touching it: those of node n
// are rels[start[n]:start[n+1]], in relation order.
type adjacency struct {
	start []int32
	rels  []int32
}

func (a *adjacency) of(node int32) []int32 {
	return a.rels[a.start[node]:a.start[node+1]]
}

// Build makes a snapshot of a loaded, checked graph (see package seed). It
// takes ownership of g: it fills the output-only fields (roles, summaries,
// relation counts) in place, and g must not be changed afterwards.
func Build(g *pb.Graph) (*Index, error) {
	raw, err := proto.MarshalOptions{Deterministic: true}.Marshal(g)
	if err != nil {
		return nil, fmt.Errorf("fingerprint graph: %w", err)
	}
	sum := sha256.Sum256(raw)
	ix := &Index{
		version:    hex.EncodeToString(sum[:6]),
		builtAt:    time.Now(),
		entities:   slices.Clone(g.GetEntities()),
		relations:  slices.Clone(g.GetRelations()),
		documents:  slices.Clone(g.GetDocuments()),
		entityID:   make(map[string]int32, len(g.GetEntities())),
		relationID: make(map[string]int32, len(g.GetRelations())),
		documentID: make(map[string]int32, len(g.GetDocuments())),
	}
	slices.SortFunc(ix.entities, func(a, b *pb.Entity) int { return cmp.Compare(resource.EntityName(a), resource.EntityName(b)) })
	slices.SortFunc(ix.relations, func(a, b *pb.Relation) int { return cmp.Compare(a.GetName(), b.GetName()) })
	slices.SortFunc(ix.documents, func(a, b *pb.Document) int { return cmp.Compare(a.GetName(), b.GetName()) })
	for i, e := range ix.entities {
		ix.entityID[resource.EntityName(e)] = int32(i)
	}
	for i, r := range ix.relations {
		ix.relationID[r.GetName()] = int32(i)
	}
	for i, d := range ix.documents {
		ix.documentID[d.GetName()] = int32(i)
	}
	if err := ix.buildAdjacency(); err != nil {
		return nil, err
	}
	ix.fillDerived()
	names := make([][]string, len(ix.entities))
	for i, e := range ix.entities {
		names[i] = append(names[i], resource.DisplayName(e))
		for _, a := range resource.Aliases(e) {
			names[i] = append(names[i], a.GetText())
		}
	}
	if ix.names, err = namesearch.Build(names); err != nil {
		return nil, err
	}
	return ix, nil
}

// node returns the node number of an entity or relation name.
func (ix *Index) node(name string) (int32, bool) {
	if id, ok := ix.entityID[name]; ok {
		return id, true
	}
	if id, ok := ix.relationID[name]; ok {
		return int32(len(ix.entities)) + id, true
	}
	return 0, false
}

func (ix *Index) buildAdjacency() error {
	nodes := len(ix.entities) + len(ix.relations)
	subj := make([]int32, len(ix.relations))
	obj := make([]int32, len(ix.relations))
	for i, r := range ix.relations {
		s, ok1 := ix.node(r.GetSubject())
		o, ok2 := ix.node(r.GetObject())
		if !ok1 || !ok2 {
			return fmt.Errorf("relation %s: %w", r.GetName(), &NotFoundError{Kind: "endpoint", Name: r.GetSubject() + " or " + r.GetObject()})
		}
		subj[i], obj[i] = s, o
	}
	ix.subj, ix.obj = subj, obj
	ix.out = buildCSR(nodes, subj)
	ix.in = buildCSR(nodes, obj)
	preds := make([]int32, len(ix.relations))
	maxPred := int32(0)
	for i, r := range ix.relations {
		preds[i] = int32(r.GetPredicate())
		maxPred = max(maxPred, preds[i])
	}
	ix.byPredicate = buildCSR(int(maxPred)+1, preds)
	return nil
}

// buildCSR groups relation numbers by the node endpoint[r] of each.
func buildCSR(nodes int, endpoint []int32) adjacency {
	a := adjacency{start: make([]int32, nodes+1), rels: make([]int32, len(endpoint))}
	for _, n := range endpoint {
		a.start[n+1]++
	}
	for n := 0; n < nodes; n++ {
		a.start[n+1] += a.start[n]
	}
	next := slices.Clone(a.start[:nodes])
	for r, n := range endpoint {
		a.rels[next[n]] = int32(r)
		next[n]++
	}
	return a
}

// Version identifies the snapshot: a short hash of the graph it was built
// from, the same for the same graph.
func (ix *Index) Version() string { return ix.version }

// BuiltAt is when the snapshot was built.
func (ix *Index) BuiltAt() time.Time { return ix.builtAt }

// Stats counts what the snapshot holds.
type Stats struct {
	Entities, Relations, Documents int
}

// Stats returns the snapshot's counts.
func (ix *Index) Stats() Stats {
	return Stats{Entities: len(ix.entities), Relations: len(ix.relations), Documents: len(ix.documents)}
}

// Entity returns the entity called name.
func (ix *Index) Entity(name string) (*pb.Entity, error) {
	id, ok := ix.entityID[name]
	if !ok {
		return nil, &NotFoundError{Kind: "entity", Name: name}
	}
	return ix.entities[id], nil
}

// Relation returns the relation called name.
func (ix *Index) Relation(name string) (*pb.Relation, error) {
	id, ok := ix.relationID[name]
	if !ok {
		return nil, &NotFoundError{Kind: "relation", Name: name}
	}
	return ix.relations[id], nil
}

// Document returns the document called name, with its text when withText
// is set.
func (ix *Index) Document(name string, withText bool) (*pb.Document, error) {
	id, ok := ix.documentID[name]
	if !ok {
		return nil, &NotFoundError{Kind: "document", Name: name}
	}
	if withText {
		return ix.documents[id], nil
	}
	return ix.documentsBare[id], nil
}

// Documents returns every document, without text, ordered by name.
func (ix *Index) Documents() []*pb.Document {
	return ix.documentsBare
}

// Holder holds the snapshot currently served. Readers take it with
// [Holder.Current] and keep answering from that one snapshot; a reload
// swaps in a new one atomically, so no lock is needed.
type Holder struct {
	current atomic.Pointer[Index]
}

// NewHolder returns a holder serving ix.
func NewHolder(ix *Index) *Holder {
	h := &Holder{}
	h.current.Store(ix)
	return h
}

// Current returns the snapshot being served.
func (h *Holder) Current() *Index { return h.current.Load() }

// Swap makes ix the snapshot being served and returns the previous one.
func (h *Holder) Swap(ix *Index) *Index { return h.current.Swap(ix) }
