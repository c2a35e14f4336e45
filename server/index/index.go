// Package index is the in-memory graph: an immutable [Index] of entities,
// relations and documents with adjacency by endpoint and a name index. It is
// built once from a loaded graph, or read from a binary snapshot file, and
// then only read, so any number of goroutines may query one index at once.
// It knows nothing of gRPC and of the query engines built on it.
//
// The index is laid out for size: struct-of-arrays columns indexed by
// dense numbers, with no pointer or map per entity or relation. Resource
// names are front-coded sorted sets; entities, documents and relation
// qualifiers are their own wire bytes; evidence is a document number and
// byte offsets into the document's text; adjacency is CSR. The wire
// messages the API returns ([*pb.Entity], [*pb.Relation], [*pb.Document])
// are made on demand from these columns, each call a fresh message that
// the caller may keep.
package index

import (
	"errors"
	"fmt"
	"sync/atomic"
	"time"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/server/namesearch"
	"github.com/entitygraph/entitygraph/server/textsearch"
	"github.com/entitygraph/entitygraph/server/vocab"
)

// ErrNotFound is returned, inside a [*NotFoundError], when a resource does
// not exist in the index.
var ErrNotFound = errors.New("not found")

// NotFoundError names a resource the index does not hold. It matches
// [ErrNotFound] with errors.Is.
type NotFoundError struct {
	Kind string // "entity", "relation", "document", "node", "predicate" or "kind"
	Name string // the resource name asked for
}

func (e *NotFoundError) Error() string { return fmt.Sprintf("%s %q not found", e.Kind, e.Name) }

// Is reports whether target is [ErrNotFound].
func (e *NotFoundError) Is(target error) bool { return target == ErrNotFound }

// Index is one immutable, loaded graph: what the server answers from.
type Index struct {
	version string
	builtAt time.Time
	vocab   *vocab.Vocabulary

	// Entities, numbered in name order; entity e is node e.
	entityNames nameSet
	entityType  []uint8 // index into vocab.EntityTypes
	entityRecs  records // each entity's wire bytes without its name, type, kinds and roles
	kindStart   []uint32
	kinds       []uint16 // the kinds of entity e are kinds[kindStart[e]:kindStart[e+1]]

	// Relations, numbered in name order; relation r is node len(entities)+r.
	relationNames nameSet
	ends          []Node   // endpoint nodes: subject of r at 2r, object at 2r+1
	pred          []uint16 // predicate ID in the low 14 bits, statement rank in the top 2
	qual          []uint32
	quals         records  // distinct extras (pb.Relation wire with qualifiers and rank_reason); qual[r] is 1 + the index of r's, or 0 for none
	evStart       []uint32 // the evidence of relation r is ev*[evStart[r]:evStart[r+1]]
	evDoc         []uint32 // document number
	evFrom, evTo  []uint32 // byte offsets of the quote in the document's text

	// Documents, numbered in name order.
	documentNames nameSet
	documentRecs  records  // each document's wire bytes without its name and text
	docText       []uint64 // document d's text is text[docText[d]:docText[d+1]]
	charMarks     []uint64 // characters in text[:k*charMarkEvery], for byte → character offsets
	text          textStore

	// Derived when the index is built or loaded, never stored.
	out, in     adjacency // relations by subject and by object node
	byPredicate adjacency // relations by predicate ID
	roleRels    adjacency // by entity: the relations that give it a title, for Entity
	hidden      []uint64  // bit r: relation r is not among the best-ranked statements
	hiddenCount int       // bits set in hidden

	names *namesearch.Index
	// statements is the statement search index, over statementData: the
	// heap for a graph built here, the snapshot file's mapping otherwise.
	statements    *textsearch.Index
	statementData textStore
}

// A relation's pred column holds its predicate ID below predicateBits and
// its statement rank above.
const (
	predicateBits = 14
	predicateMask = 1<<predicateBits - 1
)

// Vocabulary returns the vocabulary the graph is written in.
func (ix *Index) Vocabulary() *vocab.Vocabulary { return ix.vocab }

// Version identifies the index (its snapshot version): a short hash of its
// contents, the same for the same graph however its records were ordered
// or loaded.
func (ix *Index) Version() string { return ix.version }

// BuiltAt is when the index was built or loaded.
func (ix *Index) BuiltAt() time.Time { return ix.builtAt }

// Stats counts what the index holds.
type Stats struct {
	Entities, Relations, Documents int
}

// Stats returns the index's counts.
func (ix *Index) Stats() Stats {
	return Stats{Entities: ix.entityNames.len(), Relations: ix.relationNames.len(), Documents: ix.documentNames.len()}
}

// Entity returns the entity called name.
func (ix *Index) Entity(name string) (*pb.Entity, error) {
	e, ok := ix.entityNames.find(name)
	if !ok {
		return nil, &NotFoundError{Kind: "entity", Name: name}
	}
	return ix.entity(int32(e)), nil
}

// Relation returns the relation called name.
func (ix *Index) Relation(name string) (*pb.Relation, error) {
	r, ok := ix.relationNames.find(name)
	if !ok {
		return nil, &NotFoundError{Kind: "relation", Name: name}
	}
	return ix.relation(Rel(r)), nil
}

// Document returns the document called name, with its text when withText
// is set.
func (ix *Index) Document(name string, withText bool) (*pb.Document, error) {
	d, ok := ix.documentNames.find(name)
	if !ok {
		return nil, &NotFoundError{Kind: "document", Name: name}
	}
	return ix.document(d, withText), nil
}

// Documents returns every document, without text, ordered by name. See
// [Index.DocumentPage] for a part of them.
func (ix *Index) Documents() []*pb.Document {
	docs, _ := ix.DocumentPage(0, ix.documentNames.len())
	return docs
}

// DocumentPage returns the documents, without text, ordered by name,
// skipping the first offset and returning at most limit, with the total
// number of documents.
func (ix *Index) DocumentPage(offset, limit int) ([]*pb.Document, int) {
	total := ix.documentNames.len()
	offset = min(max(offset, 0), total)
	end := min(offset+max(limit, 0), total)
	docs := make([]*pb.Document, 0, end-offset)
	for d := offset; d < end; d++ {
		docs = append(docs, ix.document(d, false))
	}
	return docs, total
}

// Holder holds the index currently served. Readers take it with
// [Holder.Current] and keep answering from that one index; a reload
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

// Current returns the index being served.
func (h *Holder) Current() *Index { return h.current.Load() }

// Swap makes ix the index being served and returns the previous one.
func (h *Holder) Swap(ix *Index) *Index { return h.current.Swap(ix) }
