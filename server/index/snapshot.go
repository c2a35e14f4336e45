package index

import (
	"bufio"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"
	"unsafe"

	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/server/columnfile"
	"github.com/entitygraph/entitygraph/server/namesearch"
	"github.com/entitygraph/entitygraph/server/textsearch"
	"github.com/entitygraph/entitygraph/server/vocab"
)

// A snapshot file is package columnfile's container holding, in order: the
// counts and the version; the vocabulary; the entity columns; the relation
// columns; the document columns; the name index; and last, all documents'
// text, which a loader maps rather than reads. Adjacency is not stored: it is rebuilt on
// load, which is cheaper than checking a stored copy.

// WriteSnapshot writes the snapshot to w in the binary format
// [OpenSnapshot] reads.
func (ix *Index) WriteSnapshot(w io.Writer) error {
	sw := columnfile.NewWriter(w)
	st := ix.Stats()
	sw.Uint64s([]uint64{uint64(st.Entities), uint64(st.Relations), uint64(st.Documents)})
	sw.String(ix.version)
	ix.writeBody(sw, true)
	return sw.Close()
}

// writeBody writes the arrays of a snapshot after its header. The last is
// the documents' text, followed, when withStatements, by the statement
// index from the next 8-byte boundary: a loader maps both.
func (ix *Index) writeBody(w *columnfile.Writer, withStatements bool) {
	raw, err := deterministic.Marshal(ix.vocab.Message())
	if err != nil {
		panic("index: the vocabulary does not marshal: " + err.Error())
	}
	w.Bytes(raw)

	ix.entityNames.write(w)
	w.Bytes(ix.entityType)
	w.Uint32s(ix.kindStart)
	w.Uint16s(ix.kinds)
	w.Uint64s(ix.entityRecs.off)
	w.String(ix.entityRecs.data)

	ix.relationNames.write(w)
	w.Int32s(ix.ends)
	w.Uint16s(ix.pred)
	w.Uint32s(ix.qual)
	w.Uint64s(ix.quals.off)
	w.String(ix.quals.data)
	w.Uint32s(ix.evStart)
	w.Uint32s(ix.evDoc)
	w.Uint32s(ix.evFrom)
	w.Uint32s(ix.evTo)

	ix.documentNames.write(w)
	w.Uint64s(ix.documentRecs.off)
	w.String(ix.documentRecs.data)
	w.Uint64s(ix.docText)
	w.Uint64s(ix.charMarks)

	ix.names.WriteTo(w)

	if !withStatements {
		w.String(ix.text.copy(0, ix.text.len()))
		return
	}
	n := ix.text.len()
	w.Join(ix.text.copy(0, n), strings.Repeat("\x00", int(alignUp(n)-n)), ix.statementData.copy(0, ix.statementData.len()))
}

// alignUp rounds n up to a multiple of 8.
func alignUp(n uint64) uint64 { return (n + 7) / 8 * 8 }

// contentVersion hashes what a snapshot of ix holds, so that the same graph
// has the same version however it was loaded.
func (ix *Index) contentVersion() (string, error) {
	h := sha256.New()
	w := columnfile.NewWriter(h)
	// The statement index is derived from what the rest holds.
	ix.writeBody(w, false)
	if err := w.Close(); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)[:6]), nil
}

// LoadOptions tune [OpenSnapshot].
type LoadOptions struct {
	// Progress, if set, is told how many bytes of the file have been read,
	// of how many, as loading goes on.
	Progress func(done, total int64)
	// VerifyText reads the documents' text through at load, to check its
	// checksum; otherwise it is mapped without being read.
	VerifyText bool
	// NoMap reads the documents' text into memory instead of mapping it.
	NoMap bool
}

// OpenSnapshot loads a snapshot file written by [Index.WriteSnapshot]. It
// checks every array's checksum and every cross-reference, and fails,
// wrapping [columnfile.ErrCorrupt], on a file that is truncated or corrupt.
// Document text is mapped from the file (unless opts.NoMap): replace a
// snapshot file by renaming a new one over it, never by writing into it.
func OpenSnapshot(path string, opts LoadOptions) (*Index, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	r, err := columnfile.NewReader(bufio.NewReaderSize(f, 1<<20), info.Size(), opts.Progress)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	ix, err := readSnapshot(r, f, opts)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return ix, nil
}

func readSnapshot(r *columnfile.Reader, f *os.File, opts LoadOptions) (*Index, error) {
	ix := &Index{builtAt: time.Now()}
	counts := r.Uint64s()
	ix.version = r.String()
	if r.Err() == nil && len(counts) != 3 {
		return nil, fmt.Errorf("%w: header has %d counts, want 3", columnfile.ErrCorrupt, len(counts))
	}
	if err := r.Err(); err != nil {
		return nil, err
	}
	const most = 1 << 31
	if counts[0] >= most || counts[1] >= most || counts[0]+counts[1] >= most || counts[2] >= most {
		return nil, fmt.Errorf("%w: counts %v out of range", columnfile.ErrCorrupt, counts)
	}
	entities, relations, documents := int(counts[0]), int(counts[1]), int(counts[2])

	rawVocab := r.Bytes()
	if err := r.Err(); err != nil {
		return nil, err
	}
	vm := &pb.Vocabulary{}
	if err := proto.Unmarshal(rawVocab, vm); err != nil {
		return nil, fmt.Errorf("%w: the vocabulary does not decode: %v", columnfile.ErrCorrupt, err)
	}
	var err error
	if ix.vocab, err = vocab.New(vm); err != nil {
		return nil, fmt.Errorf("%w: %v", columnfile.ErrCorrupt, err)
	}

	entityNames := readNames(r)
	ix.entityType = r.Bytes()
	ix.kindStart = r.Uint32s()
	ix.kinds = r.Uint16s()
	ix.entityRecs.off = r.Uint64s()
	ix.entityRecs.data = r.String()

	relationNames := readNames(r)
	ix.ends = r.Int32s()
	// The adjacencies, the costliest thing a load derives, depend on the
	// endpoints alone: once those are in range, they build on other cores
	// while the rest of the file is read and checked.
	var wg sync.WaitGroup
	defer wg.Wait() // on an early return, no goroutine outlives the load
	if err := r.Err(); err != nil {
		return nil, err
	}
	if len(ix.ends) != 2*relations {
		return nil, fmt.Errorf("%w: %d relation endpoints for %d relations", columnfile.ErrCorrupt, len(ix.ends), relations)
	}
	for _, n := range ix.ends {
		if n < 0 || int(n) >= entities+relations {
			return nil, fmt.Errorf("%w: a relation endpoint is node %d of %d", columnfile.ErrCorrupt, n, entities+relations)
		}
	}
	ix.deriveAdjacency(&wg, int32(entities))
	ix.pred = r.Uint16s()
	ix.qual = r.Uint32s()
	ix.quals.off = r.Uint64s()
	ix.quals.data = r.String()
	ix.evStart, ix.evDoc, ix.evFrom, ix.evTo = r.Uint32s(), r.Uint32s(), r.Uint32s(), r.Uint32s()

	documentNames := readNames(r)
	ix.documentRecs.off = r.Uint64s()
	ix.documentRecs.data = r.String()
	ix.docText = r.Uint64s()
	ix.charMarks = r.Uint64s()
	if err := r.Err(); err != nil {
		return nil, err
	}

	// Checking every record and every name is most of the rest: it runs
	// on other cores while the rest of the file is read here.
	var entityErr, qualErr, relNameErr error
	wg.Go(func() {
		if entityErr = ix.entityRecs.check(entities); entityErr == nil {
			entityErr = checkRecords(&ix.entityRecs, (&pb.Entity{}).ProtoReflect().Descriptor())
		}
		if entityErr != nil {
			entityErr = fmt.Errorf("entity records: %w", entityErr)
		}
	})
	wg.Go(func() {
		if qualErr = ix.quals.check(ix.quals.len()); qualErr == nil {
			qualErr = checkRecords(&ix.quals, (&pb.Relation{}).ProtoReflect().Descriptor())
		}
		if qualErr != nil {
			qualErr = fmt.Errorf("qualifiers: %w", qualErr)
		}
	})
	wg.Go(func() {
		if ix.relationNames, relNameErr = relationNames.load(relations); relNameErr != nil {
			relNameErr = fmt.Errorf("relation names: %w", relNameErr)
		}
	})

	if ix.names, err = namesearch.Read(r, entities); err != nil {
		return nil, err
	}
	offset, length := r.Tail(opts.VerifyText)
	if err := r.Err(); err != nil {
		return nil, err
	}
	// The tail is the documents' text, then the statement index from the
	// next 8-byte boundary.
	textLen := uint64(0)
	if len(ix.docText) > 0 {
		textLen = ix.docText[len(ix.docText)-1]
	}
	if uint64(length) < alignUp(textLen) {
		return nil, fmt.Errorf("%w: the text and statement index take %d bytes, less than the %d of the text", columnfile.ErrCorrupt, length, textLen)
	}
	var tail textStore
	if !opts.NoMap {
		tail = mapText(ix, f, offset, length)
	}
	if tail == nil {
		buf := make([]byte, length)
		if _, err := f.ReadAt(buf, offset); err != nil {
			return nil, fmt.Errorf("read document text: %w", err)
		}
		tail = heapText(unsafe.String(unsafe.SliceData(buf), len(buf)))
	}
	ix.text, ix.statementData = subText(tail, 0, textLen), subText(tail, alignUp(textLen), uint64(length))
	blob := ix.statementData.view(0, ix.statementData.len())
	if ix.statements, err = textsearch.Open(blob, relations); err != nil {
		return nil, fmt.Errorf("%w: %v", columnfile.ErrCorrupt, err)
	}

	corrupt := func(err error) error { return fmt.Errorf("%w: %v", columnfile.ErrCorrupt, err) }
	if ix.entityNames, err = entityNames.load(entities); err != nil {
		return nil, corrupt(fmt.Errorf("entity names: %w", err))
	}
	if ix.documentNames, err = documentNames.load(documents); err != nil {
		return nil, corrupt(fmt.Errorf("document names: %w", err))
	}
	wg.Wait()
	if err := cmp.Or(entityErr, qualErr, relNameErr); err != nil {
		return nil, corrupt(err)
	}
	if err := ix.check(); err != nil {
		return nil, corrupt(err)
	}
	ix.deriveRest()
	return ix, nil
}

// check verifies that the columns read from a snapshot agree with each
// other, so that no later read can index out of range; readSnapshot has
// checked that every record decodes.
func (ix *Index) check() error {
	entities, relations, documents := ix.entityNames.len(), ix.relationNames.len(), ix.documentNames.len()
	nodes := Node(entities + relations)
	if len(ix.entityType) != entities {
		return fmt.Errorf("%d entity types for %d entities", len(ix.entityType), entities)
	}
	for e, t := range ix.entityType {
		if int(t) >= len(vocab.EntityTypes) {
			return fmt.Errorf("entity %d has type %d", e, t)
		}
	}
	if len(ix.kindStart) != entities+1 || ix.kindStart[0] != 0 || int(ix.kindStart[entities]) != len(ix.kinds) || !slices.IsSorted(ix.kindStart) {
		return errors.New("entity kind columns do not add up")
	}
	for _, k := range ix.kinds {
		if int(k) >= len(ix.vocab.Kinds()) {
			return fmt.Errorf("an entity has kind %d of %d", k, len(ix.vocab.Kinds()))
		}
	}
	if ix.entityRecs.len() != entities {
		return fmt.Errorf("%d entity records for %d entities", ix.entityRecs.len(), entities)
	}
	if len(ix.ends) != 2*relations || len(ix.pred) != relations || len(ix.qual) != relations {
		return errors.New("relation columns differ in length")
	}
	for r := range relations {
		if s, o := ix.ends[2*r], ix.ends[2*r+1]; s < 0 || s >= nodes || o < 0 || o >= nodes {
			return fmt.Errorf("relation %d joins nodes %d and %d, of %d", r, s, o, nodes)
		}
		if p := ix.pred[r]; int(p&predicateMask) >= ix.vocab.Len() || p>>predicateBits > uint16(pb.StatementRank_STATEMENT_RANK_DEPRECATED) {
			return fmt.Errorf("relation %d has predicate %d and rank %d", r, p&predicateMask, p>>predicateBits)
		}
	}
	for r, q := range ix.qual {
		if int(q) > ix.quals.len() {
			return fmt.Errorf("relation %d has qualifiers %d of %d", r, q, ix.quals.len())
		}
	}
	if len(ix.evStart) != relations+1 || ix.evStart[0] != 0 || int(ix.evStart[relations]) != len(ix.evDoc) ||
		len(ix.evFrom) != len(ix.evDoc) || len(ix.evTo) != len(ix.evDoc) {
		return errors.New("evidence columns do not add up")
	}
	for r := range relations {
		if ix.evStart[r] > ix.evStart[r+1] {
			return fmt.Errorf("evidence of relation %d out of order", r)
		}
	}
	if len(ix.docText) != documents+1 || ix.docText[0] != 0 || ix.docText[documents] != ix.text.len() {
		return errors.New("document text offsets do not add up")
	}
	for d := range documents {
		if ix.docText[d] > ix.docText[d+1] {
			return fmt.Errorf("text of document %d out of order", d)
		}
	}
	for i, d := range ix.evDoc {
		if int(d) >= documents || ix.evFrom[i] > ix.evTo[i] || uint64(ix.evTo[i]) > ix.docText[d+1]-ix.docText[d] {
			return fmt.Errorf("evidence %d is outside its document", i)
		}
	}
	if err := ix.documentRecs.check(documents); err != nil {
		return fmt.Errorf("documents: %w", err)
	}
	if err := checkRecords(&ix.documentRecs, (&pb.Document{}).ProtoReflect().Descriptor()); err != nil {
		return fmt.Errorf("document %w", err)
	}
	if want := ix.text.len()/charMarkEvery + 1; uint64(len(ix.charMarks)) != want {
		return fmt.Errorf("%d character marks for %d bytes of text", len(ix.charMarks), ix.text.len())
	}
	for k := 1; k < len(ix.charMarks); k++ {
		if ix.charMarks[k] < ix.charMarks[k-1] || ix.charMarks[k]-ix.charMarks[k-1] > charMarkEvery {
			return fmt.Errorf("character mark %d out of order", k)
		}
	}
	return nil
}

// checkRecords checks that every record decodes as the message newMsg
// makes.
func checkRecords(rs *records, md protoreflect.MessageDescriptor) error {
	schema := newWireSchema(md)
	// Records are checked independently: a part each per core.
	parts := max(1, runtime.GOMAXPROCS(0))
	errs := make([]error, parts)
	var wg sync.WaitGroup
	for p := range parts {
		wg.Go(func() {
			for i := p * rs.len() / parts; i < (p+1)*rs.len()/parts; i++ {
				if err := checkWire(view(rs.at(i)), schema, 0); err != nil {
					errs[p] = fmt.Errorf("record %d does not decode: %v", i, err)
					return
				}
			}
		})
	}
	wg.Wait()
	return errors.Join(errs...)
}

// write writes the set: its coding, its data, and its words if any.
func (s *nameSet) write(w *columnfile.Writer) {
	byWord := uint64(0)
	if s.tok != nil {
		byWord = 1
	}
	w.Uint64(byWord)
	w.String(s.data)
	if s.tok != nil {
		w.String(s.tok.data)
		w.Uint32s(s.tok.off)
	}
}

// storedNames is a name set as read, before it is checked.
type storedNames struct {
	data string
	tok  *tokenDict
}

func readNames(r *columnfile.Reader) storedNames {
	var s storedNames
	byWord := r.Uint64()
	s.data = r.String()
	if byWord == 1 {
		s.tok = &tokenDict{data: r.String(), off: r.Uint32s()}
	}
	return s
}

func (s storedNames) load(n int) (nameSet, error) { return loadNameSet(s.data, n, s.tok) }
