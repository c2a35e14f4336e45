package seed

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"google.golang.org/protobuf/encoding/prototext"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/server/index"
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
}

// reference is a name a relation or extension refers to, to check once
// every file is read.
type reference struct {
	at        place
	field     string // the field it is in, for the line
	n         int    // which occurrence of the field
	from      string // the relation (or extension) that refers
	what      string // what the field is, for messages: "subject", "qualifiers.topic"
	target    string
	relations bool     // it may name a relation
	expect    []string // for a subject or object: the predicate's types
	predicate *vocab.Predicate
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
	for _, f := range l.files {
		for i, rec := range f.records {
			if rec.field == "documents" {
				if g := l.parse(f, i); g != nil {
					for _, d := range g.GetDocuments() {
						l.document(place{f, i}, d)
					}
				}
			}
		}
	}
	for _, f := range l.files {
		for i, rec := range f.records {
			if i%256 == 0 {
				if err := l.ctx.Err(); err != nil {
					return nil, fmt.Errorf("loading stopped at %s:%d: %w", f.path, rec.line, err)
				}
				if l.ps.full() {
					return nil, l.ps.err()
				}
			}
			l.done += int64(rec.end - rec.start)
			if l.opts.Progress != nil {
				l.opts.Progress(l.done, l.total)
			}
			if rec.field == "documents" {
				continue
			}
			g := l.parse(f, i)
			if g == nil {
				continue
			}
			at := place{f, i}
			for _, e := range g.GetEntities() {
				l.entity(at, e)
			}
			for _, x := range g.GetEntityExtensions() {
				l.extension(at, x)
			}
			for _, r := range g.GetRelations() {
				l.relation(at, r)
			}
		}
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

func (l *loader) document(at place, d *pb.Document) {
	if !l.define(at, d.GetName(), "document", func(c resource.Collection) bool { return c == resource.Documents }, `"documents"`, definition{typ: "document"}) {
		return
	}
	dt := &docText{broken: true}
	l.docs[d.GetName()] = dt
	l.fileDocs[at.file] = append(l.fileDocs[at.file], d.GetName())
	line := at.line("source_file")
	src := d.GetSourceFile()
	// fs.ValidPath rejects absolute paths and any ".." element.
	if src == "" || !fs.ValidPath(src) {
		l.ps.errorf(at.file.path, line, "document %s: source_file %q must be a relative path inside the data directory", d.GetName(), src)
		return
	}
	text, err := readFile(l.fsys, src)
	if err != nil {
		l.ps.errorf(at.file.path, line, "document %s: %v (its quotes are not checked)", d.GetName(), err)
		return
	}
	if !utf8.Valid(text) {
		l.ps.errorf(at.file.path, line, "document %s: %s is not valid UTF-8 (its quotes are not checked)", d.GetName(), src)
		return
	}
	sum := sha256.Sum256(text)
	d.Sha256 = hex.EncodeToString(sum[:])
	d.Text = string(text)
	d.CharCount = int32(utf8.RuneCount(text))
	dt.text, dt.broken = d.Text, false
	if err := l.b.AddDocument(d); err != nil {
		l.ps.errorf(at.file.path, at.line(""), "document %s: %v", d.GetName(), err)
	}
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
	l.refs = append(l.refs, reference{at: at, field: "name", from: "entity extension", what: "name", target: name})
	l.aliases(at, name, x.GetAliases())
	if err := l.b.ExtendEntity(x); err != nil {
		l.ps.errorf(at.file.path, at.line("name"), "%v", err)
	}
}

func (l *loader) relation(at place, r *pb.Relation) {
	name := r.GetName()
	file := at.file.path
	if !l.define(at, name, "relation", func(c resource.Collection) bool { return c == resource.Relations }, `"relations"`, definition{typ: vocab.RelationType}) {
		return
	}
	ok := true
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
	ref := func(field, what, target string, n int, relations bool) {
		rf := reference{at: at, field: field, n: n, from: "relation " + name, what: what, target: target, relations: relations}
		if p != nil && field == "subject" {
			rf.expect, rf.predicate = p.SubjectTypes, p
		}
		if p != nil && field == "object" {
			rf.expect, rf.predicate = p.ObjectTypes, p
		}
		l.refs = append(l.refs, rf)
	}
	ref("subject", "subject", r.GetSubject(), 0, true)
	ref("object", "object", r.GetObject(), 0, true)
	if r.GetSubject() == name || r.GetObject() == name {
		l.ps.errorf(file, at.line(""), "relation %s refers to itself", name)
	}
	q := r.GetQualifiers()
	if e := q.GetPlace().GetEntity(); e != "" {
		ref("entity", "qualifiers.place.entity", e, 0, false)
	}
	if t := q.GetTopic(); t != "" {
		ref("topic", "qualifiers.topic", t, 0, false)
	}
	for i, a := range q.GetAudience() {
		ref("audience", "qualifiers.audience", a, i, false)
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
		ok = l.evidence(at, i, name, ev) && ok
	}
	if ok {
		if err := l.b.AddRelation(r); err != nil {
			l.ps.errorf(file, at.line(""), "%v", err)
		}
	}
}

// evidence checks one quote and fills in its offsets; false when the
// relation cannot be indexed.
func (l *loader) evidence(at place, i int, rel string, ev *pb.Evidence) bool {
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
	ev.StartChar = int32(utf8.RuneCountInString(text[:start]))
	ev.EndChar = ev.StartChar + int32(utf8.RuneCountInString(quote))
	return true
}

// fileDocuments returns the names of the documents file f defines.
func (l *loader) fileDocuments(f *textFile) []string { return l.fileDocs[f] }

// checkReferences checks, once every name is known, that each reference
// resolves, to an entity where only an entity will do, and warns of a
// subject or object that is not what its predicate expects.
func (l *loader) checkReferences() {
	for _, rf := range l.refs {
		line := func() int { return fieldLine(rf.at.file.src, rf.at.file.records[rf.at.rec], rf.field, rf.n) }
		file := rf.at.file.path
		coll, _, err := resource.Parse(rf.target)
		if err != nil {
			l.ps.errorf(file, line(), "%s: %s: %v", rf.from, rf.what, err)
			continue
		}
		if !coll.IsEntity() && !(rf.relations && coll == resource.Relations) {
			l.ps.errorf(file, line(), "%s: %s %q must name an entity", rf.from, rf.what, rf.target)
			continue
		}
		def, ok := l.defined[rf.target]
		if !ok || def.typ == "document" {
			l.ps.errorf(file, line(), "%s: %s %q is not defined%s", rf.from, rf.what, rf.target, suggest(rf.target, l.namesIn(coll)))
			continue
		}
		if rf.predicate != nil && len(rf.expect) > 0 && !l.fits(def, rf.expect) {
			l.ps.warnf(file, line(), "%s: the %s %s is a %s, but %s expects %s", rf.from, rf.what, rf.target, l.describe(def), rf.predicate.Name, strings.Join(rf.expect, " or "))
		}
	}
}

// fits reports whether a node defined as def is one of types: an entity
// type, a kind (or a narrower one), or "relation".
func (l *loader) fits(def definition, types []string) bool {
	for _, t := range types {
		if t == def.typ {
			return true
		}
		if k, ok := l.vocab.LookupKind(t); ok && strings.HasPrefix(t, vocab.KindPrefix) {
			for _, have := range def.kinds {
				if slices.Contains(l.vocab.Narrower(k.ID), have) {
					return true
				}
			}
		}
	}
	return false
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
	for _, p := range l.vocab.Predicates() {
		if !l.usedPreds[p.ID] {
			at := l.declared[p.Name]
			l.ps.warnf(at.File, at.Line, "predicate %s is declared but no relation uses it", p.Name)
		}
	}
	for _, k := range l.vocab.Kinds() {
		if !l.usedKinds[k.ID] {
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
		if d := editDistance(written, n); d < bestD || (d == bestD && n < best) {
			best, bestD = n, d
		}
	}
	if best == "" || bestD > max(2, len(written)/4) {
		return ""
	}
	return fmt.Sprintf("; did you mean %q?", best)
}

// editDistance is the Levenshtein distance of two short strings.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
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
