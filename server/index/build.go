package index

import (
	"cmp"
	"encoding/binary"
	"fmt"
	"math/bits"
	"slices"
	"strings"
	"sync"
	"time"
	"unsafe"

	"google.golang.org/protobuf/proto"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/server/namesearch"
	"github.com/entitygraph/entitygraph/server/resource"
	"github.com/entitygraph/entitygraph/server/textsearch"
	"github.com/entitygraph/entitygraph/server/vocab"
)

// Build makes an index of a loaded, checked graph (see package seed) written
// in vocabulary v: its documents with their text, and evidence with its byte
// offsets filled in. It does not change g.
func Build(v *vocab.Vocabulary, g *pb.Graph) (*Index, error) {
	b := NewBuilder(v)
	for _, d := range g.GetDocuments() {
		if err := b.AddDocument(d); err != nil {
			return nil, err
		}
	}
	for _, e := range g.GetEntities() {
		if err := b.AddEntity(e); err != nil {
			return nil, err
		}
	}
	for _, x := range g.GetEntityExtensions() {
		if err := b.ExtendEntity(x); err != nil {
			return nil, err
		}
	}
	for _, r := range g.GetRelations() {
		if err := b.AddRelation(r); err != nil {
			return nil, err
		}
	}
	return b.Build()
}

// Builder makes an [Index] from records added one at a time, keeping only
// their compact form, so that a graph of millions of relations never has to
// be held as messages. Documents must be added before the relations that
// cite them; entities, extensions and relations may come in any order, and
// relations may refer to relations added later. The zero value is not ready
// for use: call [NewBuilder].
type Builder struct {
	vocab *vocab.Vocabulary

	docs    []*pb.Document // without name or text
	docName []string
	docText strings.Builder
	docEnd  []uint64 // end of each document's text in docText
	docID   map[string]uint32

	entName  []string
	entType  []uint8
	entKinds [][]uint16
	entRecs  recordsBuilder
	entExtra map[string][]byte // entity name → the wire bytes of aliases extensions add

	relName, relSubj, relObj []string
	relPred                  []uint16 // as Index.pred
	relQual                  []uint32 // 1 + index into quals, or 0
	quals                    recordsBuilder
	qualID                   map[string]uint32
	evEnd                    []uint32 // end of each relation's evidence in ev*
	evDoc, evFrom, evTo      []uint32
}

// NewBuilder returns an empty Builder of a graph written in vocabulary v.
func NewBuilder(v *vocab.Vocabulary) *Builder {
	return &Builder{vocab: v, docID: map[string]uint32{}, qualID: map[string]uint32{}, entExtra: map[string][]byte{}}
}

var deterministic = proto.MarshalOptions{Deterministic: true}

// AddDocument adds a document with its text.
func (b *Builder) AddDocument(d *pb.Document) error {
	name := d.GetName()
	if _, dup := b.docID[name]; dup {
		return fmt.Errorf("duplicate document %q", name)
	}
	b.docID[name] = uint32(len(b.docs))
	bare := proto.CloneOf(d)
	bare.Name, bare.Text, bare.RelationCount = "", "", 0
	b.docs = append(b.docs, bare)
	b.docName = append(b.docName, name)
	b.docText.WriteString(d.GetText())
	b.docEnd = append(b.docEnd, uint64(b.docText.Len()))
	return nil
}

func (b *Builder) docBounds(d uint32) (start, end uint64) {
	if d > 0 {
		start = b.docEnd[d-1]
	}
	return start, b.docEnd[d]
}

// AddEntity adds an entity. Its type comes from its name's collection; its
// kinds must be the vocabulary's. Its roles and type, which are output
// only, are ignored.
func (b *Builder) AddEntity(e *pb.Entity) error {
	coll, _, err := resource.Parse(e.GetName())
	if err != nil || !coll.IsEntity() {
		return fmt.Errorf("entity %q: the name must be an entity's, such as organizations/kioxia", e.GetName())
	}
	typ := slices.Index(vocab.EntityTypes, coll.EntityType())
	var kinds []uint16
	for _, name := range e.GetKinds() {
		k, ok := b.vocab.LookupKind(name)
		if !ok {
			return fmt.Errorf("entity %s: %w", e.GetName(), &NotFoundError{Kind: "kind", Name: name})
		}
		kinds = append(kinds, uint16(k.ID))
	}
	slices.Sort(kinds)
	rec, err := entityRecord(e)
	if err != nil {
		return fmt.Errorf("entity %s: %w", e.GetName(), err)
	}
	b.entName = append(b.entName, e.GetName())
	b.entType = append(b.entType, uint8(typ))
	b.entKinds = append(b.entKinds, slices.Compact(kinds))
	b.entRecs.add(rec)
	return nil
}

// ExtendEntity adds the aliases of x to the entity x names, which must be
// added by [Builder.Build] time.
func (b *Builder) ExtendEntity(x *pb.EntityExtension) error {
	raw, err := deterministic.Marshal(&pb.Entity{Aliases: x.GetAliases()})
	if err != nil {
		return fmt.Errorf("extension of %s: %w", x.GetName(), err)
	}
	b.entExtra[x.GetName()] = append(b.entExtra[x.GetName()], raw...)
	return nil
}

// AddRelation adds a relation. Its predicate must be the vocabulary's; its
// evidence must cite documents already added, at byte offsets within their
// text (and quote, if set, must be the text there). Its summary, which is
// output only, is ignored.
func (b *Builder) AddRelation(r *pb.Relation) error {
	p, ok := b.vocab.Lookup(r.GetPredicate())
	if !ok {
		return fmt.Errorf("relation %s: %w", r.GetName(), &NotFoundError{Kind: "predicate", Name: r.GetPredicate()})
	}
	rank := r.GetStatementRank()
	if _, known := pb.StatementRank_name[int32(rank)]; !known {
		return fmt.Errorf("relation %s: unknown statement rank %d", r.GetName(), rank)
	}
	var qual uint32
	if q, reason := r.GetQualifiers(), r.GetRankReason(); q != nil || reason != "" {
		raw, err := deterministic.Marshal(&pb.Relation{Qualifiers: q, RankReason: reason})
		if err != nil {
			return fmt.Errorf("relation %s: %w", r.GetName(), err)
		}
		id, ok := b.qualID[string(raw)]
		if !ok {
			b.quals.add(raw)
			id = uint32(len(b.qualID))
			b.qualID[string(raw)] = id
		}
		qual = id + 1
	}
	for _, ev := range r.GetEvidence() {
		d, ok := b.docID[ev.GetDocument()]
		if !ok {
			return fmt.Errorf("relation %s: %w", r.GetName(), &NotFoundError{Kind: "document", Name: ev.GetDocument()})
		}
		start, end := b.docBounds(d)
		from, to := uint64(ev.GetStartByte()), uint64(ev.GetEndByte())
		if ev.GetStartByte() < 0 || from > to || start+to > end {
			return fmt.Errorf("relation %s: evidence bytes %d to %d are outside %s", r.GetName(), from, to, ev.GetDocument())
		}
		if q := ev.GetQuote(); q != "" && q != b.docText.String()[start+from:start+to] {
			return fmt.Errorf("relation %s: quote %q is not the text at bytes %d to %d of %s", r.GetName(), q, from, to, ev.GetDocument())
		}
		b.evDoc = append(b.evDoc, d)
		b.evFrom = append(b.evFrom, uint32(from))
		b.evTo = append(b.evTo, uint32(to))
	}
	b.evEnd = append(b.evEnd, uint32(len(b.evDoc)))
	b.relName = append(b.relName, r.GetName())
	b.relSubj = append(b.relSubj, r.GetSubject())
	b.relObj = append(b.relObj, r.GetObject())
	b.relPred = append(b.relPred, uint16(p.ID)|uint16(rank)<<predicateBits)
	b.relQual = append(b.relQual, qual)
	return nil
}

// sortedOrder returns the positions of names in ascending order of name,
// failing on a duplicate.
func sortedOrder(kind string, names []string) ([]int32, error) {
	// Names share their collection's prefix ("relations/"): sort by the
	// eight bytes after the prefix the names have in common, as one
	// integer, and compare whole strings only on a tie. Comparing strings
	// that start alike is most of a sort's time.
	skip := commonPrefixLen(names)
	type keyed struct {
		key uint64
		i   int32
	}
	order := make([]keyed, len(names))
	for i, n := range names {
		var k [8]byte
		copy(k[:], n[min(skip, len(n)):])
		order[i] = keyed{binary.BigEndian.Uint64(k[:]), int32(i)}
	}
	slices.SortFunc(order, func(a, b keyed) int {
		if c := cmp.Compare(a.key, b.key); c != 0 {
			return c
		}
		return cmp.Compare(names[a.i], names[b.i])
	})
	out := make([]int32, len(order))
	for i, o := range order {
		out[i] = o.i
		if i > 0 && names[o.i] == names[order[i-1].i] {
			return nil, fmt.Errorf("duplicate %s %q", kind, names[o.i])
		}
	}
	return out, nil
}

// commonPrefixLen is the length of the prefix every name shares, in bytes.
func commonPrefixLen(names []string) int {
	if len(names) == 0 {
		return 0
	}
	n := len(names[0])
	for _, s := range names[1:] {
		n = min(n, len(s))
		for i := range n {
			if s[i] != names[0][i] {
				n = i
				break
			}
		}
	}
	return n
}

func inOrder(names []string, order []int32) []string {
	out := make([]string, len(order))
	for i, o := range order {
		out[i] = names[o]
	}
	return out
}

// Build makes the index. The Builder must not be used afterwards.
func (b *Builder) Build() (*Index, error) {
	ix := &Index{builtAt: time.Now(), vocab: b.vocab}

	// Documents, in name order, with their text in that order too.
	docOrder, err := sortedOrder("document", b.docName)
	if err != nil {
		return nil, err
	}
	docNew := make([]uint32, len(docOrder)) // added position → number
	for d, o := range docOrder {
		docNew[o] = uint32(d)
	}
	ix.documentNames = newNameSet(inOrder(b.docName, docOrder), false)
	all := b.docText.String()
	var text strings.Builder
	text.Grow(len(all))
	ix.docText = make([]uint64, 1, len(docOrder)+1)
	for _, o := range docOrder {
		start, end := b.docBounds(uint32(o))
		text.WriteString(all[start:end])
		ix.docText = append(ix.docText, uint64(text.Len()))
	}
	ix.text = heapText(text.String())
	ix.charMarks = markChars(view(text.String()))

	// Entities, in name order.
	entOrder, err := sortedOrder("entity", b.entName)
	if err != nil {
		return nil, err
	}
	ix.entityNames = newNameSet(inOrder(b.entName, entOrder), false)
	ix.entityType = make([]uint8, len(entOrder))
	ix.kindStart = make([]uint32, 1, len(entOrder)+1)
	var recs recordsBuilder
	entRecs := b.entRecs.done()
	entityID := make(map[string]int32, len(entOrder))
	for e, o := range entOrder {
		ix.entityType[e] = b.entType[o]
		ix.kinds = append(ix.kinds, b.entKinds[o]...)
		ix.kindStart = append(ix.kindStart, uint32(len(ix.kinds)))
		rec := view(entRecs.at(int(o)))
		if extra := b.entExtra[b.entName[o]]; len(extra) > 0 {
			// An extension's aliases follow the entity's own: appended
			// wire bytes of a repeated field are more of its elements.
			rec = slices.Concat(rec, extra)
			delete(b.entExtra, b.entName[o])
		}
		recs.add(rec)
		entityID[b.entName[o]] = int32(e)
	}
	for name := range b.entExtra {
		return nil, fmt.Errorf("extension of %s: %w", name, &NotFoundError{Kind: "entity", Name: name})
	}
	ix.entityRecs = recs.done()

	// The name index, display name first, then the aliases, and the
	// relations' name set are built on other cores while the relations'
	// columns are made here: none reads what another writes.
	var wg sync.WaitGroup
	var namesErr error
	defer wg.Wait() // on an early return, no goroutine outlives Build
	wg.Go(func() {
		names := make([][]string, len(entOrder))
		for e := range names {
			ent := &pb.Entity{}
			unmarshal(ix.entityRecs.at(e), ent)
			names[e] = append(names[e], ent.GetDisplayName())
			for _, a := range ent.GetAliases() {
				names[e] = append(names[e], a.GetText())
			}
		}
		ix.names, namesErr = namesearch.Build(names)
	})

	// Relations, in name order.
	relOrder, err := sortedOrder("relation", b.relName)
	if err != nil {
		return nil, err
	}
	relNames := inOrder(b.relName, relOrder)
	wg.Go(func() { ix.relationNames = newNameSet(relNames, true) })
	entities := Node(len(entOrder))
	node := func(name string) (Node, bool) {
		if e, ok := entityID[name]; ok {
			return e, true
		}
		if r, ok := slices.BinarySearch(relNames, name); ok {
			return entities + Node(r), true
		}
		return 0, false
	}
	n := len(relOrder)
	ix.ends = make([]Node, 2*n)
	ix.pred, ix.qual = make([]uint16, n), make([]uint32, n)
	ix.evStart = make([]uint32, 1, n+1)
	ix.evDoc = make([]uint32, 0, len(b.evDoc))
	ix.evFrom = make([]uint32, 0, len(b.evDoc))
	ix.evTo = make([]uint32, 0, len(b.evDoc))
	qualNew := make([]uint32, len(b.qualID)) // added id → 1 + number, in order of first use
	addedQuals := b.quals.done()
	var quals recordsBuilder
	docRelations := make([]int32, len(docOrder))
	var seen []uint32
	for r, o := range relOrder {
		s, ok1 := node(b.relSubj[o])
		ob, ok2 := node(b.relObj[o])
		if !ok1 || !ok2 {
			return nil, fmt.Errorf("relation %s: %w", relNames[r], &NotFoundError{Kind: "endpoint", Name: b.relSubj[o] + " or " + b.relObj[o]})
		}
		ix.ends[2*r], ix.ends[2*r+1], ix.pred[r] = s, ob, b.relPred[o]
		if q := b.relQual[o]; q != 0 {
			if qualNew[q-1] == 0 {
				quals.add(view(addedQuals.at(int(q - 1))))
				qualNew[q-1] = uint32(quals.len())
			}
			ix.qual[r] = qualNew[q-1]
		}
		start := uint32(0)
		if o > 0 {
			start = b.evEnd[o-1]
		}
		seen = seen[:0]
		for i := start; i < b.evEnd[o]; i++ {
			d := docNew[b.evDoc[i]]
			ix.evDoc = append(ix.evDoc, d)
			ix.evFrom = append(ix.evFrom, b.evFrom[i])
			ix.evTo = append(ix.evTo, b.evTo[i])
			if !slices.Contains(seen, d) {
				seen = append(seen, d)
				docRelations[d]++
			}
		}
		ix.evStart = append(ix.evStart, uint32(len(ix.evDoc)))
	}
	ix.quals = quals.done()

	// Document records, now that their relations are counted.
	var docRecs recordsBuilder
	for d, o := range docOrder {
		doc := b.docs[o]
		doc.RelationCount = docRelations[d]
		raw, err := deterministic.Marshal(doc)
		if err != nil {
			return nil, fmt.Errorf("document %s: %w", b.docName[o], err)
		}
		docRecs.add(raw)
	}
	ix.documentRecs = docRecs.done()

	// The statement index reads the relations' quotes and names: it builds
	// once those are in place, beside the adjacencies.
	var searchErr error
	wg.Go(func() { searchErr = ix.buildStatements() })
	wg.Wait()
	if err := cmp.Or(namesErr, searchErr); err != nil {
		return nil, err
	}
	ix.derive()
	if ix.version, err = ix.contentVersion(); err != nil {
		return nil, err
	}
	return ix, nil
}

// derive computes what an index never stores: the adjacency and the
// relations that give people their titles, and the entity names' table.
func (ix *Index) derive() {
	var wg sync.WaitGroup
	ix.deriveAdjacency(&wg, ix.entityCount())
	wg.Wait()
	ix.deriveRest()
}

// deriveAdjacency builds the two adjacencies of ix.ends, each on a
// goroutine of wg.
func (ix *Index) deriveAdjacency(wg *sync.WaitGroup, entities int32) {
	wg.Go(func() { ix.out = buildAdjacency(entities, ix.ends, 0) })
	wg.Go(func() { ix.in = buildAdjacency(entities, ix.ends, 1) })
}

// deriveRest computes, once the adjacencies are built, the rest of what
// an index never stores.
func (ix *Index) deriveRest() {
	var wg sync.WaitGroup
	wg.Go(func() { ix.byPredicate = buildByPredicate(ix.pred, ix.vocab.Len()) })
	// Every lookup by entity name (GetEntity, and every query that names
	// an entity) goes through the table; relation and document names are
	// looked up less and are many more, so they keep the binary search.
	wg.Go(func() { ix.entityNames.table = newNameTable(&ix.entityNames) })
	ix.roleRels = ix.buildRoles()
	ix.hidden = ix.buildHidden()
	ix.hiddenCount = 0
	for _, w := range ix.hidden {
		ix.hiddenCount += bits.OnesCount64(w)
	}
	wg.Wait()
}

// buildStatements builds the statement search index over each relation's
// evidence quotes and its reading: its subject's name, its predicate's
// reading and its object's name (a relation's own reading for a relation).
func (ix *Index) buildStatements() error {
	blob, err := textsearch.Build(len(ix.pred), func(r int, emit func(string)) {
		for i := ix.evStart[r]; i < ix.evStart[r+1]; i++ {
			d := ix.evDoc[i]
			base := ix.docText[d]
			emit(unsafe.String(unsafe.SliceData(ix.text.view(base+uint64(ix.evFrom[i]), base+uint64(ix.evTo[i]))), int(ix.evTo[i]-ix.evFrom[i])))
		}
		subject, reading, object := ix.readingParts(Rel(r))
		emit(subject)
		emit(reading)
		emit(object)
	})
	if err != nil {
		return fmt.Errorf("statement index: %w", err)
	}
	ix.statementData = heapText(unsafe.String(unsafe.SliceData(blob), len(blob)))
	ix.statements, err = textsearch.Open(blob, len(ix.pred))
	return err
}
