package seed

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"math"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"google.golang.org/protobuf/encoding/prototext"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/server/index"
	"github.com/entitygraph/entitygraph/server/namesearch"
	"github.com/entitygraph/entitygraph/server/quantity"
	"github.com/entitygraph/entitygraph/server/resource"
	"github.com/entitygraph/entitygraph/server/vocab"
)

// graphFields are the top-level fields of a graph file.
var graphFields = []string{"documents", "entities", "relations", "entity_extensions"}

// loader loads the graph files of one data directory.
type loader struct {
	ctx   context.Context
	fsys  fs.FS
	vocab *vocab.Vocabulary
	// declared is where each predicate and kind is declared, for warnings.
	declared declaredAt
	opts     Options
	ps       *problems
	b        *index.Builder

	files []*textFile
	// defined is every document, entity and relation name, with where it
	// is defined.
	defined map[string]definition
	// docs are the documents' texts by name; a document whose text could
	// not be read is "" with broken set, so that its quotes raise nothing
	// more.
	docs       map[string]*docText
	fileDocs   map[*textFile][]string // the documents each file defines
	refs       []reference            // checked once every name is known
	extensions []definition
	done       int64 // bytes of graph files read so far
	total      int64
	usedPreds  []bool
	usedKinds  []bool
}

// definition is where a name is defined, and what it is.
type definition struct {
	at    place
	typ   string         // the entity's type, "relation" or "document"
	kinds []vocab.KindID // an entity's kinds
}

type docText struct {
	text   string
	broken bool
	// charMarks[k] is the number of characters in text[:k*charMarkEvery],
	// so that a quote's character offset costs at most charMarkEvery bytes
	// of counting however long the document.
	charMarks []int32
}

// charMarkEvery is the spacing, in bytes, of a document's character marks.
const charMarkEvery = 512

// markChars fills charMarks; the loader does it when it reads the text,
// before workers read the document concurrently.
func (d *docText) markChars() {
	d.charMarks = make([]int32, 0, len(d.text)/charMarkEvery+1)
	n := int32(0)
	for k := 0; k <= len(d.text); k += charMarkEvery {
		d.charMarks = append(d.charMarks, n)
		n += countChars(d.text[k:min(len(d.text), k+charMarkEvery)])
	}
}

// charOffset returns the number of characters in text[:byteOffset].
func (d *docText) charOffset(byteOffset int) int32 {
	k := byteOffset / charMarkEvery
	return d.charMarks[k] + countChars(d.text[k*charMarkEvery:byteOffset])
}

// countChars counts the characters of a piece of valid UTF-8 text, which
// may start or end inside a character: the bytes that start one.
func countChars(s string) int32 {
	n := int32(0)
	for i := 0; i < len(s); i++ {
		if s[i]&0xC0 != 0x80 {
			n++
		}
	}
	return n
}

// reference is a name a relation or extension refers to, to check once
// every file is read. A load keeps one for every subject and object, so it
// is kept small: what the field is, and its messages, follow from field.
type reference struct {
	at     place
	from   string // the relation (or extended entity) that refers
	target string
	field  refField
	n      uint16   // which occurrence of the field
	pred   vocab.ID // for a subject or object, the relation's predicate
	known  bool     // pred is set
}

// refField is the field a reference is in.
type refField uint8

const (
	refSubject refField = iota
	refObject
	refPlace    // qualifiers.place.entity
	refTopic    // qualifiers.topic
	refAudience // qualifiers.audience
	refHolder   // qualifiers.attribution.entity
	refExtended // an entity extension's name
)

// refFields are, by refField, the field's name in its record (for the
// line) and in messages.
var refFields = [...]struct{ field, what string }{
	refSubject:  {"subject", "subject"},
	refObject:   {"object", "object"},
	refPlace:    {"entity", "qualifiers.place.entity"},
	refTopic:    {"topic", "qualifiers.topic"},
	refAudience: {"audience", "qualifiers.audience"},
	refHolder:   {"entity", "qualifiers.attribution.entity"},
	refExtended: {"name", "name"},
}

// mayBeRelation reports whether the field may name a relation: a subject or
// an object may.
func (f refField) mayBeRelation() bool { return f == refSubject || f == refObject }

// source names what refers, for messages.
func (rf *reference) source() string {
	if rf.field == refExtended {
		return "entity extension"
	}
	return "relation " + rf.from
}

func newLoader(ctx context.Context, fsys fs.FS, v *vocab.Vocabulary, opts Options) *loader {
	return &loader{
		ctx: ctx, fsys: fsys, vocab: v, opts: opts, ps: &problems{warn: opts.Warn}, b: index.NewBuilder(v),
		defined: map[string]definition{}, docs: map[string]*docText{}, fileDocs: map[*textFile][]string{},
		usedPreds: make([]bool, v.Len()), usedKinds: make([]bool, len(v.Kinds())),
	}
}

// load reads the graph files: first each file's documents (relations in any
// file may quote them), then everything else, record by record.
func (l *loader) load(names []string) (*index.Index, error) {
	for _, name := range names {
		src, err := readFile(l.fsys, name)
		if err != nil {
			return nil, err
		}
		f := &textFile{path: name, src: src}
		recs, serr := scanRecords(src, graphFields)
		if serr != nil {
			l.ps.errorf(name, serr.line, "%s", serr.msg)
			continue
		}
		f.records = recs
		l.files = append(l.files, f)
		l.total += int64(len(src))
	}
	// Most records define one name and refer to two: size for that, so
	// that a big load does not spend its time growing the map and slice.
	records := 0
	for _, f := range l.files {
		records += len(f.records)
	}
	l.defined = make(map[string]definition, records)
	l.refs = make([]reference, 0, 2*records)
	// First the documents: reading and checking their texts is work for
	// every core too.
	var docRecs []recordRef
	for _, f := range l.files {
		for i, rec := range f.records {
			if rec.field == "documents" {
				docRecs = append(docRecs, recordRef{f, i})
			}
		}
	}
	if err := l.each(docRecs, func(at place, p *parsed) {
		for di, d := range p.g.GetDocuments() {
			l.document(at, d, p.texts[di])
		}
	}); err != nil {
		return nil, err
	}
	var refs []recordRef
	for _, f := range l.files {
		for i, rec := range f.records {
			if rec.field != "documents" {
				refs = append(refs, recordRef{f, i})
			}
		}
	}
	if err := l.each(refs, func(at place, p *parsed) {
		for _, e := range p.g.GetEntities() {
			l.entity(at, e)
		}
		for _, x := range p.g.GetEntityExtensions() {
			l.extension(at, x)
		}
		for ri, r := range p.g.GetRelations() {
			l.relation(at, r, p.spans[ri])
		}
	}); err != nil {
		return nil, err
	}
	l.checkReferences()
	if l.opts.Curate {
		l.unused()
	}
	if err := l.ps.err(); err != nil {
		return nil, err
	}
	return l.b.Build()
}

// each parses refs on every core (see [loader.parseInOrder]) and hands each
// record that parses to use, in order, on this goroutine, reporting those
// that do not and the progress. It stops with the context's error when the
// context ends, and with the problems so far when there are too many.
func (l *loader) each(refs []recordRef, use func(place, *parsed)) error {
	stop := make(chan struct{})
	defer close(stop)
	n := 0
	for chunk := range l.parseInOrder(refs, stop) {
		if err := l.ctx.Err(); err != nil {
			ref := chunk[0].ref
			return fmt.Errorf("loading stopped at %s:%d: %w", ref.file.path, ref.file.records[ref.rec].line, err)
		}
		if l.ps.full() {
			return l.ps.err()
		}
		for i := range chunk {
			p := &chunk[i]
			n++
			f, rec := p.ref.file, p.ref.file.records[p.ref.rec]
			l.done += int64(rec.end - rec.start)
			if p.err != nil {
				line, msg := parseError(rec, p.err)
				l.ps.errorf(f.path, line, "%s", msg)
				continue
			}
			use(place{f, p.ref.rec}, p)
		}
		if l.opts.Progress != nil {
			l.opts.Progress(l.done, l.total)
		}
	}
	if n < len(refs) {
		// The parser stops early only when stop is closed, and stop is
		// closed only on return.
		return fmt.Errorf("internal error: %d of %d records parsed", n, len(refs))
	}
	return nil
}

// parse parses record i of f alone, reporting a syntax error at its line.
func (l *loader) parse(f *textFile, i int) *pb.Graph {
	rec := f.records[i]
	g := &pb.Graph{}
	if err := prototext.Unmarshal(f.src[rec.start:rec.end], g); err != nil {
		line, msg := parseError(rec, err)
		l.ps.errorf(f.path, line, "%s", msg)
		return nil
	}
	return g
}

// define records a name's definition, reporting malformed names, names in
// the wrong collection and duplicates.
func (l *loader) define(at place, name string, what string, allowed func(resource.Collection) bool, want string, def definition) bool {
	coll, _, err := resource.Parse(name)
	if err != nil {
		l.ps.errorf(at.file.path, at.line("name"), "%s: %v", what, err)
		return false
	}
	if !allowed(coll) {
		l.ps.errorf(at.file.path, at.line("name"), "%s name %q is in collection %q; want %s", what, name, coll, want)
		return false
	}
	if prev, dup := l.defined[name]; dup {
		l.ps.errorf(at.file.path, at.line("name"), "duplicate name %q (first defined at %s:%d)", name, prev.at.file.path, prev.at.line("name"))
		return false
	}
	def.at = at
	l.defined[name] = def
	return true
}

func (l *loader) document(at place, d *pb.Document, text preparedText) {
	if !l.define(at, d.GetName(), "document", func(c resource.Collection) bool { return c == resource.Documents }, `"documents"`, definition{typ: "document"}) {
		return
	}
	l.refuseDraft(at, "document", d.GetName(), d.GetDraft())
	dt := &docText{broken: true}
	l.docs[d.GetName()] = dt
	l.fileDocs[at.file] = append(l.fileDocs[at.file], d.GetName())
	line := at.line("source_file")
	src := d.GetSourceFile()
	switch {
	case !validSource(src):
		l.ps.errorf(at.file.path, line, "document %s: source_file %q must be a relative path inside the data directory", d.GetName(), src)
		return
	case text.err != nil:
		l.ps.errorf(at.file.path, line, "document %s: %v (its quotes are not checked)", d.GetName(), text.err)
		return
	case text.invalid:
		l.ps.errorf(at.file.path, line, "document %s: %s is not valid UTF-8 (its quotes are not checked)", d.GetName(), src)
		return
	}
	d.Sha256, d.Text, d.CharCount = text.sha256, text.text.text, text.chars
	*dt = text.text
	for i, u := range d.GetUnclaimedSentences() {
		l.unclaimed(at, i, d.GetName(), dt, u)
	}
	if err := l.b.AddDocument(d); err != nil {
		l.ps.errorf(at.file.path, at.line(""), "document %s: %v", d.GetName(), err)
	}
}

// refuseDraft reports a record that entitygraph-snapshot draft proposed and
// no person has confirmed: nothing drafted loads.
func (l *loader) refuseDraft(at place, what, name string, d *pb.Draft) {
	if d == nil {
		return
	}
	l.ps.errorf(at.file.path, at.line("draft"), "%s %s is a draft (%s, confidence %.2f): confirm it against its document and delete its draft field, or delete the %s",
		what, name, d.GetReason(), d.GetConfidence(), what)
}

// unclaimed checks a sentence the curator says states no relation: its
// quote is in the text once, it has a reason, and its offsets are filled in.
func (l *loader) unclaimed(at place, i int, doc string, dt *docText, u *pb.UnclaimedSentence) {
	line := func() int { return fieldLine(at.file.src, at.file.records[at.rec], "quote", i) }
	quote := u.GetQuote()
	switch start := strings.Index(dt.text, quote); {
	case strings.TrimSpace(quote) == "":
		l.ps.errorf(at.file.path, line(), "document %s: unclaimed sentence %d has no quote", doc, i)
	case strings.TrimSpace(u.GetReason()) == "":
		l.ps.errorf(at.file.path, line(), "document %s: unclaimed sentence %q has no reason; say why it states no relation", doc, quote)
	case start < 0:
		l.ps.errorf(at.file.path, line(), "document %s: unclaimed sentence %q is not in the text%s", doc, quote, nearQuote(dt.text, quote))
	case strings.Contains(dt.text[start+1:], quote):
		l.ps.errorf(at.file.path, line(), "document %s: unclaimed sentence %q occurs more than once; lengthen it, for example to %q", doc, quote, longer(dt.text, quote, start))
	default:
		u.StartChar = dt.charOffset(start)
		u.EndChar = u.StartChar + int32(utf8.RuneCountInString(quote))
	}
}

// validSource reports whether a document's source_file may be read: a
// relative path inside the data directory (fs.ValidPath rejects absolute
// paths and any ".." element).
func validSource(src string) bool { return src != "" && fs.ValidPath(src) }

// preparedText is a document's source text as a worker read it.
type preparedText struct {
	text    docText // with its character marks
	sha256  string
	chars   int32
	err     error // reading failed
	invalid bool  // not UTF-8
}

// prepareText reads and checks the source text of d, if its path is valid.
func (l *loader) prepareText(d *pb.Document) preparedText {
	if !validSource(d.GetSourceFile()) {
		return preparedText{}
	}
	raw, err := readFile(l.fsys, d.GetSourceFile())
	if err != nil {
		return preparedText{err: err}
	}
	if !utf8.Valid(raw) {
		return preparedText{invalid: true}
	}
	sum := sha256.Sum256(raw)
	p := preparedText{text: docText{text: string(raw)}, sha256: hex.EncodeToString(sum[:]), chars: int32(utf8.RuneCount(raw))}
	p.text.markChars()
	return p
}

func isEntity(c resource.Collection) bool { return c.IsEntity() }

const wantEntity = "an entity's: organizations/…, people/…, places/… or topics/…"

func (l *loader) entity(at place, e *pb.Entity) {
	name := e.GetName()
	file := at.file.path
	typ := resource.EntityType(name)
	def := definition{typ: typ}
	for i, k := range e.GetKinds() {
		kind, ok := l.vocab.LookupKind(k)
		switch {
		case ok && kind.Name != k:
			l.ps.errorf(file, fieldLine(at.file.src, at.file.records[at.rec], "kinds", i), "entity %s: unknown kind %q; write its resource name, %q", name, k, kind.Name)
		case !ok:
			l.ps.errorf(file, fieldLine(at.file.src, at.file.records[at.rec], "kinds", i), "entity %s: unknown kind %q%s", name, k, suggest(k, kindNames(l.vocab)))
		case typ != "" && kind.EntityType != typ:
			l.ps.errorf(file, fieldLine(at.file.src, at.file.records[at.rec], "kinds", i), "entity %s is a %s, but %s is a kind of %s", name, typ, kind.Name, kind.EntityType)
		default:
			def.kinds = append(def.kinds, kind.ID)
			l.usedKinds[kind.ID] = true
		}
	}
	if !l.define(at, name, "entity", isEntity, wantEntity, def) {
		return
	}
	l.refuseDraft(at, "entity", name, e.GetDraft())
	if strings.TrimSpace(e.GetDisplayName()) == "" {
		l.ps.errorf(file, at.line("name"), "entity %s: display_name is empty", name)
	}
	if e.GetType() != "" {
		l.ps.errorf(file, at.line("type"), "entity %s: type is output only (it comes from the name's collection)", name)
	}
	if len(e.GetRoles()) > 0 {
		l.ps.errorf(file, at.line("roles"), "entity %s: roles are output only; state them as relations with a role qualifier", name)
	}
	l.aliases(at, name, e.GetAliases())
	if len(def.kinds) == len(e.GetKinds()) {
		if err := l.b.AddEntity(e); err != nil {
			l.ps.errorf(file, at.line("name"), "%v", err)
		}
	}
}

func (l *loader) aliases(at place, name string, aliases []*pb.Alias) {
	for i, a := range aliases {
		if strings.TrimSpace(a.GetText()) == "" || a.GetLanguage() == "" {
			l.ps.errorf(at.file.path, fieldLine(at.file.src, at.file.records[at.rec], "aliases", i), "entity %s: alias %d needs text and a language", name, i+1)
		}
	}
}

func (l *loader) extension(at place, x *pb.EntityExtension) {
	name := x.GetName()
	coll, _, err := resource.Parse(name)
	if err != nil || !coll.IsEntity() {
		l.ps.errorf(at.file.path, at.line("name"), "entity extension: %q is not an entity's name; want %s", name, wantEntity)
		return
	}
	l.refs = append(l.refs, reference{at: at, field: refExtended, from: name, target: name})
	l.aliases(at, name, x.GetAliases())
	if err := l.b.ExtendEntity(x); err != nil {
		l.ps.errorf(at.file.path, at.line("name"), "%v", err)
	}
}

func (l *loader) relation(at place, r *pb.Relation, spans []span) {
	name := r.GetName()
	file := at.file.path
	if !l.define(at, name, "relation", func(c resource.Collection) bool { return c == resource.Relations }, `"relations"`, definition{typ: vocab.RelationType}) {
		return
	}
	ok := true
	l.refuseDraft(at, "relation", name, r.GetDraft())
	p, known := l.vocab.Lookup(r.GetPredicate())
	switch {
	case known && p.Name != r.GetPredicate():
		l.ps.errorf(file, at.line("predicate"), "relation %s: unknown predicate %q; write its resource name, %q", name, r.GetPredicate(), p.Name)
		ok, p = false, nil
	case !known:
		l.ps.errorf(file, at.line("predicate"), "relation %s: unknown predicate %q%s", name, r.GetPredicate(), suggest(r.GetPredicate(), predicateNames(l.vocab)))
		ok, p = false, nil
	default:
		l.usedPreds[p.ID] = true
	}
	ref := func(field refField, target string, n int) {
		rf := reference{at: at, field: field, n: uint16(min(n, math.MaxUint16)), from: name, target: target}
		if p != nil && field.mayBeRelation() {
			rf.pred, rf.known = p.ID, true
		}
		l.refs = append(l.refs, rf)
	}
	ref(refSubject, r.GetSubject(), 0)
	ref(refObject, r.GetObject(), 0)
	if r.GetSubject() == name || r.GetObject() == name {
		l.ps.errorf(file, at.line(""), "relation %s refers to itself", name)
	}
	q := r.GetQualifiers()
	if e := q.GetPlace().GetEntity(); e != "" {
		ref(refPlace, e, 0)
	}
	if t := q.GetTopic(); t != "" {
		ref(refTopic, t, 0)
	}
	for i, a := range q.GetAudience() {
		ref(refAudience, a, i)
	}
	if e := q.GetAttribution().GetEntity(); e != "" {
		ref(refHolder, e, 0)
	}
	if a := q.GetAttribution(); a != nil && strings.TrimSpace(a.GetText()) == "" {
		l.ps.errorf(file, at.line("attribution"), "relation %s: attribution has no text; say who holds the view as the document does", name)
	}
	for i, qt := range q.GetQuantities() {
		if err := quantity.Check(qt); err != nil {
			l.ps.errorf(file, fieldLine(at.file.src, at.file.records[at.rec], "quantities", i), "relation %s: quantities[%d]: %v", name, i, err)
			ok = false
		} else if !slices.ContainsFunc(r.GetEvidence(), func(ev *pb.Evidence) bool { return strings.Contains(ev.GetQuote(), qt.GetText()) }) {
			l.ps.errorf(file, fieldLine(at.file.src, at.file.records[at.rec], "quantities", i), "relation %s: quantities[%d]: %q is in none of its evidence quotes", name, i, qt.GetText())
			ok = false
		}
	}
	if reason := q.GetReason(); reason != "" && !slices.ContainsFunc(r.GetEvidence(), func(ev *pb.Evidence) bool { return strings.Contains(ev.GetQuote(), reason) }) {
		l.ps.errorf(file, at.line("reason"), "relation %s: reason %q is in none of its evidence quotes", name, reason)
		ok = false
	}
	if _, valid := pb.RelationStatus_name[int32(q.GetStatus())]; !valid {
		l.ps.errorf(file, at.line("status"), "relation %s: unknown status %d", name, q.GetStatus())
		ok = false
	}
	if _, valid := pb.StatementRank_name[int32(r.GetStatementRank())]; !valid {
		l.ps.errorf(file, at.line("statement_rank"), "relation %s: unknown statement rank %d", name, r.GetStatementRank())
		ok = false
	}
	if r.GetSummary() != "" {
		l.ps.errorf(file, at.line("summary"), "relation %s: summary is output only", name)
	}
	if len(r.GetEvidence()) == 0 {
		l.ps.errorf(file, at.line(""), "relation %s has no evidence", name)
		ok = false
	}
	for i, ev := range r.GetEvidence() {
		ok = l.evidence(at, i, name, ev, spans[i]) && ok
	}
	if ok {
		if err := l.b.AddRelation(r); err != nil {
			l.ps.errorf(file, at.line(""), "%v", err)
		}
	}
}

// span is where a worker found an evidence quote in its document.
type span struct {
	found              bool
	doc                string // the document, the file's only one when the evidence names none
	start, end         int32  // bytes
	startChar, endChar int32
}

// locate finds the quote of ev in its document, reporting nothing: a
// quote it cannot place is left to evidence, which says why. It reads only
// what the first pass made, the documents and their texts, so workers
// call it while the loader goes on.
func (l *loader) locate(f *textFile, ev *pb.Evidence) span {
	doc := ev.GetDocument()
	if doc == "" {
		docs := l.fileDocs[f]
		if len(docs) != 1 {
			return span{}
		}
		doc = docs[0]
	}
	d, ok := l.docs[doc]
	quote := ev.GetQuote()
	if !ok || d.broken || strings.TrimSpace(quote) == "" {
		return span{}
	}
	start := strings.Index(d.text, quote)
	if start < 0 || strings.Contains(d.text[start+1:], quote) {
		return span{}
	}
	startChar := d.charOffset(start)
	return span{found: true, doc: doc, start: int32(start), end: int32(start + len(quote)),
		startChar: startChar, endChar: startChar + int32(utf8.RuneCountInString(quote))}
}

// evidence checks one quote and fills in its offsets, from where a worker
// found it (sp) or, failing that, by looking again to say what is wrong;
// false when the relation cannot be indexed.
func (l *loader) evidence(at place, i int, rel string, ev *pb.Evidence, sp span) bool {
	if sp.found {
		ev.Document = sp.doc
		ev.StartByte, ev.EndByte, ev.StartChar, ev.EndChar = sp.start, sp.end, sp.startChar, sp.endChar
		return true
	}
	file := at.file.path
	line := func() int { return fieldLine(at.file.src, at.file.records[at.rec], "quote", i) }
	if ev.GetDocument() == "" {
		docs := l.fileDocuments(at.file)
		if len(docs) != 1 {
			l.ps.errorf(file, line(), "relation %s: evidence names no document and the file has %d", rel, len(docs))
			return false
		}
		ev.Document = docs[0]
	}
	doc, ok := l.docs[ev.GetDocument()]
	if !ok {
		l.ps.errorf(file, line(), "relation %s: evidence document %q is not defined", rel, ev.GetDocument())
		return false
	}
	if doc.broken {
		return false // the document's own error says why
	}
	quote := ev.GetQuote()
	if strings.TrimSpace(quote) == "" {
		l.ps.errorf(file, line(), "relation %s: evidence quote is empty", rel)
		return false
	}
	text := doc.text
	start := strings.Index(text, quote)
	switch {
	case start < 0:
		l.ps.errorf(file, line(), "relation %s: quote %q is not in %s%s", rel, quote, ev.GetDocument(), nearQuote(text, quote))
		return false
	case strings.Contains(text[start+1:], quote):
		n := strings.Count(text, quote)
		l.ps.errorf(file, line(), "relation %s: quote %q occurs %d times in %s; lengthen it so it is unique, for example to %q", rel, quote, n, ev.GetDocument(), longer(text, quote, start))
		return false
	}
	ev.StartByte = int32(start)
	ev.EndByte = int32(start + len(quote))
	ev.StartChar = doc.charOffset(start)
	ev.EndChar = ev.StartChar + int32(utf8.RuneCountInString(quote))
	return true
}

// fileDocuments returns the names of the documents file f defines.
func (l *loader) fileDocuments(f *textFile) []string { return l.fileDocs[f] }

// checkReferences checks, once every name is known, that each reference
// resolves, to an entity where only an entity will do, and warns of a
// subject or object that is not what its predicate expects.
func (l *loader) checkReferences() {
	// The checks read only what loading wrote, so they run on every
	// core; the problems are then reported in order, on this goroutine.
	flagged := make([]bool, len(l.refs))
	parts := max(1, min(runtime.GOMAXPROCS(0), len(l.refs)/minParallelRefs))
	var wg sync.WaitGroup
	for p := range parts {
		lo, hi := p*len(l.refs)/parts, (p+1)*len(l.refs)/parts
		wg.Go(func() {
			for i := lo; i < hi; i++ {
				flagged[i] = l.checkReference(&l.refs[i], nil)
			}
		})
	}
	wg.Wait()
	for i, bad := range flagged {
		if bad {
			l.checkReference(&l.refs[i], l.ps)
		}
	}
}

// minParallelRefs is the fewest references worth a goroutine of their own.
const minParallelRefs = 16384

// checkReference checks one reference, reporting its problem to ps unless
// ps is nil, and says whether it has one.
func (l *loader) checkReference(rf *reference, ps *problems) bool {
	fd := refFields[rf.field]
	line := func() int { return fieldLine(rf.at.file.src, rf.at.file.records[rf.at.rec], fd.field, int(rf.n)) }
	file := rf.at.file.path
	coll, _, err := resource.Parse(rf.target)
	if err != nil {
		if ps != nil {
			ps.errorf(file, line(), "%s: %s: %v", rf.source(), fd.what, err)
		}
		return true
	}
	if !coll.IsEntity() && !(rf.field.mayBeRelation() && coll == resource.Relations) {
		if ps != nil {
			ps.errorf(file, line(), "%s: %s %q must name an entity", rf.source(), fd.what, rf.target)
		}
		return true
	}
	def, ok := l.defined[rf.target]
	if !ok || def.typ == "document" {
		if ps != nil {
			ps.errorf(file, line(), "%s: %s %q is not defined%s", rf.source(), fd.what, rf.target, suggest(rf.target, l.namesIn(coll)))
		}
		return true
	}
	if !rf.known {
		return false
	}
	p := l.vocab.Predicate(rf.pred)
	expect := p.SubjectTypes
	if rf.field == refObject {
		expect = p.ObjectTypes
	}
	if len(expect) > 0 && !l.fits(def, expect) {
		if ps != nil {
			ps.warnf(file, line(), "%s: the %s %s is a %s, but %s expects %s", rf.source(), fd.what, rf.target, l.describe(def), p.Name, strings.Join(expect, " or "))
		}
		return true
	}
	return false
}

// fits reports whether a node defined as def is one of types: an entity
// type, a kind (or a narrower one), or "relation".
func (l *loader) fits(def definition, types []string) bool {
	return l.vocab.Fits(def.typ, def.kinds, types)
}

func (l *loader) describe(def definition) string {
	if len(def.kinds) == 0 {
		return def.typ
	}
	names := make([]string, len(def.kinds))
	for i, k := range def.kinds {
		names[i] = l.vocab.Kind(k).Name
	}
	return def.typ + " (" + strings.Join(names, ", ") + ")"
}

// unused warns of vocabulary that no relation or entity uses.
func (l *loader) unused() {
	// A broader predicate is in use when a narrower one is: queries reach
	// it ("causes" through "drives").
	for _, p := range l.vocab.Predicates() {
		if slices.ContainsFunc(l.vocab.ImpliedBy(p.ID), func(narrower vocab.ID) bool { return l.usedPreds[narrower] }) {
			l.usedPreds[p.ID] = true
		}
	}
	for _, p := range l.vocab.Predicates() {
		if !l.usedPreds[p.ID] {
			at := l.declared[p.Name]
			l.ps.warnf(at.File, at.Line, "predicate %s is declared but no relation uses it", p.Name)
		}
	}
	// Likewise a broader kind when a narrower one is: "company" finds
	// the utilities.
	for _, k := range l.vocab.Kinds() {
		if !l.usedKinds[k.ID] && !slices.ContainsFunc(l.vocab.Narrower(k.ID), func(narrower vocab.KindID) bool { return l.usedKinds[narrower] }) {
			at := l.declared[k.Name]
			l.ps.warnf(at.File, at.Line, "kind %s is declared but no entity has it", k.Name)
		}
	}
}

// namesIn lists the defined names of a collection, for suggestions.
func (l *loader) namesIn(coll resource.Collection) []string {
	var out []string
	prefix := string(coll) + "/"
	for name := range l.defined {
		if strings.HasPrefix(name, prefix) {
			out = append(out, name)
		}
	}
	return out
}

func predicateNames(v *vocab.Vocabulary) []string {
	out := make([]string, v.Len())
	for i, p := range v.Predicates() {
		out[i] = p.Name
	}
	return out
}

func kindNames(v *vocab.Vocabulary) []string {
	out := make([]string, len(v.Kinds()))
	for i, k := range v.Kinds() {
		out[i] = k.Name
	}
	return out
}

// suggest names the closest of names to what was written, when one is
// close: "; did you mean …?".
func suggest(written string, names []string) string {
	best, bestD := "", 1<<30
	for _, n := range names {
		if d := namesearch.EditDistance(written, n); d < bestD || (d == bestD && n < best) {
			best, bestD = n, d
		}
	}
	if best == "" || bestD > max(2, len(written)/4) {
		return ""
	}
	return fmt.Sprintf("; did you mean %q?", best)
}

// nearQuote looks for the text a quote that is not in it was copied from,
// allowing other quotation marks, dashes and white space, and names it:
// "; the text has …". It is called only for a quote that failed.
func nearQuote(text, quote string) string {
	var b strings.Builder
	for _, r := range quote {
		switch {
		case strings.ContainsRune(`'‘’`, r):
			b.WriteString(`['‘’]`)
		case strings.ContainsRune(`"“”`, r):
			b.WriteString(`["“”]`)
		case strings.ContainsRune("-–—", r):
			b.WriteString(`[-–—]`)
		case r == ' ' || r == '\n' || r == '\t':
			b.WriteString(`\s+`)
		default:
			b.WriteString(regexp.QuoteMeta(string(r)))
		}
	}
	re, err := regexp.Compile("(?i)" + b.String())
	if err != nil {
		return ""
	}
	if m := re.FindString(text); m != "" {
		return fmt.Sprintf("; the text has %q (quotes must be copied exactly)", m)
	}
	if m := closestPassage(text, quote); m != "" {
		return fmt.Sprintf("; the closest passage is %q (quotes must be copied exactly)", m)
	}
	return "; copy it from the document exactly"
}

func isASCIISpace(b byte) bool { return b == ' ' || b == '\n' || b == '\t' || b == '\r' }

// closestPassage finds where a quote that is not in text was probably
// copied from, by the longest run of its first words and of its last words
// that text has: the passage between them, or one as long as the quote from
// whichever it found, widened to whole words. It returns "" when neither
// two first nor two last words occur.
func closestPassage(text, quote string) string {
	words := strings.Fields(quote)
	start, end := -1, -1
	for n := len(words) - 1; n >= 2 && start < 0; n-- {
		start = strings.Index(text, strings.Join(words[:n], " "))
	}
	for n := len(words) - 1; n >= 2 && end < 0; n-- {
		suffix := strings.Join(words[len(words)-n:], " ")
		if i := strings.LastIndex(text, suffix); i >= 0 {
			end = i + len(suffix)
		}
	}
	switch {
	case start >= 0 && end > start && end-start <= 2*len(quote):
	case start >= 0:
		end = min(len(text), start+len(quote))
	case end >= 0:
		start = max(0, end-len(quote))
	default:
		return ""
	}
	// Widen to whole words: a space is ASCII, so the byte after one starts
	// a character.
	for start > 0 && !isASCIISpace(text[start-1]) {
		start--
	}
	for end < len(text) && !isASCIISpace(text[end]) {
		end++
	}
	return text[start:end]
}

// longer widens the quote at start to the end of its sentence, or by a few
// words, as an example of a quote that might be unique.
func longer(text, quote string, start int) string {
	end := start + len(quote)
	if i := strings.IndexAny(text[end:], ".!?\n"); i >= 0 && i < 80 {
		return text[start : end+i+1]
	}
	return text[start:min(len(text), end+40)]
}
