// Package seed loads the curated graph: text-format [pb.Graph] files and the
// source documents they quote. It checks every reference, predicate, name and
// evidence quote, computes the output-only fields (checksums, offsets), and
// reports each problem as `file:line: what is wrong`.
package seed

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"google.golang.org/protobuf/encoding/prototext"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/server/resource"
	"github.com/entitygraph/entitygraph/server/vocab"
)

// GraphFileExt is the extension of the curated graph files in a data
// directory.
const GraphFileExt = ".txtpb"

// maxProblems caps how many problems one load reports.
const maxProblems = 50

// Error is one problem found in a seed file.
type Error struct {
	File string // path of the graph file, relative to the data directory
	Line int    // 1-based line, 0 when unknown
	Msg  string // what is wrong
}

func (e *Error) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("%s: %s", e.File, e.Msg)
	}
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
}

// ErrNoGraph is returned when a data directory holds no graph file.
var ErrNoGraph = errors.New("no " + GraphFileExt + " graph file")

// Load reads every graph file in the directory dir. See [LoadFS].
func Load(dir string) (*pb.Graph, error) {
	g, err := LoadFS(os.DirFS(dir))
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", dir, err)
	}
	return g, nil
}

// LoadFS reads every `*.txtpb` file at the top of fsys, each a [pb.Graph] in
// Protobuf text format, reads the documents they name, and returns one merged
// graph with every output-only field of documents and evidence filled in.
// It fails, listing every problem as an [*Error], when any name is malformed
// or duplicated, any reference dangles, any predicate or kind is unknown, or
// any evidence quote does not occur exactly once in its document.
func LoadFS(fsys fs.FS) (*pb.Graph, error) {
	files, err := fs.Glob(fsys, "*"+GraphFileExt)
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, ErrNoGraph
	}
	sort.Strings(files)
	l := &loader{fsys: fsys, seen: map[string]string{}, docs: map[string]*pb.Document{}}
	for _, f := range files {
		if err := l.parse(f); err != nil {
			return nil, err
		}
	}
	l.check()
	if len(l.problems) > 0 {
		return nil, errors.Join(l.problems...)
	}
	return l.graph(), nil
}

// parsedFile is one graph file as read, with where its records are.
type parsedFile struct {
	path  string
	graph *pb.Graph
	lines *recordLines
}

// loader accumulates the parsed files and the problems found in them.
type loader struct {
	fsys     fs.FS
	files    []*parsedFile
	seen     map[string]string       // resource name → "file:line" of its definition
	docs     map[string]*pb.Document // document name → document
	problems []error
}

func (l *loader) parse(file string) error {
	src, err := fs.ReadFile(l.fsys, file)
	if err != nil {
		return err
	}
	g := &pb.Graph{}
	if err := prototext.Unmarshal(src, g); err != nil {
		return syntaxError(file, err)
	}
	l.files = append(l.files, &parsedFile{path: file, graph: g, lines: scanRecords(string(src))})
	return nil
}

func (l *loader) problem(file string, line int, format string, args ...any) {
	if len(l.problems) == maxProblems {
		l.problems = append(l.problems, &Error{File: file, Line: line, Msg: "too many problems; stopping here"})
	}
	if len(l.problems) > maxProblems {
		return
	}
	l.problems = append(l.problems, &Error{File: file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

// define records a resource name's definition, reporting malformed names,
// names in the wrong collection and duplicates.
func (l *loader) define(f *parsedFile, line int, name string, want ...resource.Collection) bool {
	coll, _, err := resource.Parse(name)
	if err != nil {
		l.problem(f.path, line, "%v", err)
		return false
	}
	okColl := false
	for _, w := range want {
		okColl = okColl || coll == w
	}
	if !okColl {
		l.problem(f.path, line, "name %q is in collection %q, want %q", name, coll, want[0])
		return false
	}
	if prev, dup := l.seen[name]; dup {
		l.problem(f.path, line, "duplicate name %q (first defined at %s)", name, prev)
		return false
	}
	l.seen[name] = fmt.Sprintf("%s:%d", f.path, line)
	return true
}

// check runs every check over all files: definitions first, so that
// references may point forwards and across files.
func (l *loader) check() {
	for _, f := range l.files {
		for i, d := range f.graph.GetDocuments() {
			l.checkDocument(f, f.lines.record("documents", i), d)
		}
		for i, e := range f.graph.GetEntities() {
			l.checkEntity(f, f.lines.record("entities", i), e)
		}
		for i, r := range f.graph.GetRelations() {
			l.define(f, f.lines.field(f.lines.record("relations", i), "name", 0), r.GetName(), resource.Relations)
		}
	}
	for _, f := range l.files {
		for i, r := range f.graph.GetRelations() {
			l.checkRelation(f, f.lines.record("relations", i), r)
		}
	}
}

func (l *loader) checkDocument(f *parsedFile, line int, d *pb.Document) {
	if !l.define(f, line, d.GetName(), resource.Documents) {
		return
	}
	src := d.GetSourceFile()
	// fs.ValidPath rejects absolute paths and any ".." element.
	if src == "" || !fs.ValidPath(src) {
		l.problem(f.path, f.lines.field(line, "source_file", 0), "document %s: source_file %q must be a relative path inside the data directory", d.GetName(), src)
		return
	}
	text, err := fs.ReadFile(l.fsys, path.Clean(src))
	if err != nil {
		l.problem(f.path, f.lines.field(line, "source_file", 0), "document %s: %v", d.GetName(), err)
		return
	}
	if !utf8.Valid(text) {
		l.problem(f.path, f.lines.field(line, "source_file", 0), "document %s: %s is not valid UTF-8", d.GetName(), src)
		return
	}
	sum := sha256.Sum256(text)
	d.Sha256 = hex.EncodeToString(sum[:])
	d.Text = string(text)
	d.CharCount = int32(utf8.RuneCount(text))
	l.docs[d.GetName()] = d
}

func (l *loader) checkEntity(f *parsedFile, line int, e *pb.Entity) {
	name := resource.EntityName(e)
	line = f.lines.field(line, "name", 0)
	coll, ok := resource.CollectionOf(resource.EntityType(e))
	if !ok {
		l.problem(f.path, line, "entity has no organization, person, place or topic set")
		return
	}
	if !l.define(f, line, name, coll) {
		return
	}
	if o := e.GetOrganization(); o != nil && o.GetKind() == pb.OrganizationKind_ORGANIZATION_KIND_UNSPECIFIED {
		l.problem(f.path, line, "organization %s: kind is unspecified", name)
	}
	if len(e.GetPerson().GetRoles()) > 0 {
		l.problem(f.path, f.lines.field(line, "roles", 0), "person %s: roles are output only; state them as relations with a role qualifier", name)
	}
	if p := e.GetPlace(); p != nil && p.GetKind() == pb.PlaceKind_PLACE_KIND_UNSPECIFIED {
		l.problem(f.path, line, "place %s: kind is unspecified", name)
	}
	if strings.TrimSpace(resource.DisplayName(e)) == "" {
		l.problem(f.path, line, "entity %s: display_name is empty", name)
	}
	for i, a := range resource.Aliases(e) {
		if strings.TrimSpace(a.GetText()) == "" || a.GetLanguage() == "" {
			l.problem(f.path, f.lines.field(line, "aliases", i), "entity %s: alias %d needs text and a language", name, i+1)
		}
	}
}

func (l *loader) checkRelation(f *parsedFile, line int, r *pb.Relation) {
	name := r.GetName()
	if _, ok := vocab.Lookup(r.GetPredicate()); !ok {
		l.problem(f.path, f.lines.field(line, "predicate", 0), "relation %s: unknown predicate %v", name, r.GetPredicate())
	}
	l.reference(f, f.lines.field(line, "subject", 0), name, "subject", r.GetSubject(), true)
	l.reference(f, f.lines.field(line, "object", 0), name, "object", r.GetObject(), true)
	if r.GetSubject() == name || r.GetObject() == name {
		l.problem(f.path, line, "relation %s refers to itself", name)
	}
	q := r.GetQualifiers()
	if q.GetPlace().GetEntity() != "" {
		l.reference(f, f.lines.field(line, "entity", 0), name, "qualifiers.place.entity", q.GetPlace().GetEntity(), false)
	}
	if q.GetTopic() != "" {
		l.reference(f, f.lines.field(line, "topic", 0), name, "qualifiers.topic", q.GetTopic(), false)
	}
	for i, a := range q.GetAudience() {
		l.reference(f, f.lines.field(line, "audience", i), name, "qualifiers.audience", a, false)
	}
	if r.GetSummary() != "" {
		l.problem(f.path, f.lines.field(line, "summary", 0), "relation %s: summary is output only", name)
	}
	if len(r.GetEvidence()) == 0 {
		l.problem(f.path, line, "relation %s has no evidence", name)
	}
	for i, ev := range r.GetEvidence() {
		l.checkEvidence(f, f.lines.field(line, "quote", i), name, ev)
	}
}

// reference reports a dangling or malformed reference. Relations may be
// referred to only where mayBeRelation is set (subject and object).
func (l *loader) reference(f *parsedFile, line int, rel, field, target string, mayBeRelation bool) {
	coll, _, err := resource.Parse(target)
	if err != nil {
		l.problem(f.path, line, "relation %s: %s: %v", rel, field, err)
		return
	}
	if !coll.IsEntity() && !(mayBeRelation && coll == resource.Relations) {
		l.problem(f.path, line, "relation %s: %s %q must name an entity", rel, field, target)
		return
	}
	if _, ok := l.seen[target]; !ok {
		l.problem(f.path, line, "relation %s: %s %q is not defined", rel, field, target)
	}
}

func (l *loader) checkEvidence(f *parsedFile, line int, rel string, ev *pb.Evidence) {
	if ev.GetDocument() == "" {
		if docs := f.graph.GetDocuments(); len(docs) == 1 {
			ev.Document = docs[0].GetName()
		} else {
			l.problem(f.path, line, "relation %s: evidence names no document and the file has %d", rel, len(docs))
			return
		}
	}
	doc, ok := l.docs[ev.GetDocument()]
	if !ok {
		l.problem(f.path, line, "relation %s: evidence document %q is not defined", rel, ev.GetDocument())
		return
	}
	quote := ev.GetQuote()
	if strings.TrimSpace(quote) == "" {
		l.problem(f.path, line, "relation %s: evidence quote is empty", rel)
		return
	}
	text := doc.GetText()
	switch n := strings.Count(text, quote); n {
	case 0:
		l.problem(f.path, line, "relation %s: quote %q is not in %s", rel, quote, doc.GetName())
		return
	case 1:
	default:
		l.problem(f.path, line, "relation %s: quote %q occurs %d times in %s; lengthen it so it is unique", rel, quote, n, doc.GetName())
		return
	}
	start := strings.Index(text, quote)
	ev.StartByte = int32(start)
	ev.EndByte = int32(start + len(quote))
	ev.StartChar = int32(utf8.RuneCountInString(text[:start]))
	ev.EndChar = ev.StartChar + int32(utf8.RuneCountInString(quote))
}

// prototextPos finds the "(line N:C)" that prototext puts in its errors.
var prototextPos = regexp.MustCompile(`\s*\(line (\d+):(\d+)\)`)

// syntaxError turns a prototext error into an [*Error] at its line.
func syntaxError(file string, err error) *Error {
	// protobuf-go varies the space after "proto:" on purpose; take any.
	msg := strings.TrimLeftFunc(strings.TrimPrefix(err.Error(), "proto:"), unicode.IsSpace)
	m := prototextPos.FindStringSubmatch(msg)
	if m == nil {
		return &Error{File: file, Msg: msg}
	}
	line, _ := strconv.Atoi(m[1])
	msg = strings.TrimLeft(strings.Replace(msg, m[0], "", 1), ": ") + " (column " + m[2] + ")"
	return &Error{File: file, Line: line, Msg: msg}
}

// graph merges the checked files into one graph.
func (l *loader) graph() *pb.Graph {
	out := &pb.Graph{}
	for _, f := range l.files {
		out.Documents = append(out.Documents, f.graph.GetDocuments()...)
		out.Entities = append(out.Entities, f.graph.GetEntities()...)
		out.Relations = append(out.Relations, f.graph.GetRelations()...)
	}
	return out
}
