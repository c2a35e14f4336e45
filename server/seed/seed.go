// Package seed loads a data directory: its vocabulary (`*.vocab.txtpb`),
// its graph files (every other `*.txtpb`) and the documents they quote, into
// an index. It checks every name, reference, predicate, kind and evidence
// quote, computes the output-only fields (checksums, offsets), and reports
// each problem as `file:line: what is wrong`.
//
// Loading is linear in the size of the files: each file is split into its
// top-level records in one pass (records.go), each record parsed alone, and
// every record goes straight into an [index.Builder], so a graph of
// millions of relations is never held as messages. Lines are counted while
// splitting; the line of a field inside a record is looked for only when
// there is an error to place. A load reports its progress and stops when
// its context ends.
package seed

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"

	"github.com/entitygraph/entitygraph/server/index"
	"github.com/entitygraph/entitygraph/server/vocab"
)

// File extensions of a data directory: graph files, and vocabulary files
// (which graph files' glob leaves out).
const (
	GraphFileExt = ".txtpb"
	VocabFileExt = ".vocab.txtpb"
)

// maxProblems caps how many errors one load reports.
const maxProblems = 50

// Problem is one problem found in a data directory.
type Problem struct {
	File    string // path of the file, relative to the data directory
	Line    int    // 1-based line, 0 when unknown
	Msg     string // what is wrong
	Warning bool   // the graph still loads; the data is not what it should be
}

func (p *Problem) Error() string {
	what := p.Msg
	if p.Warning {
		what = "warning: " + what
	}
	if p.Line == 0 {
		return fmt.Sprintf("%s: %s", p.File, what)
	}
	return fmt.Sprintf("%s:%d: %s", p.File, p.Line, what)
}

// Errors.
var (
	// ErrNoGraph is returned when a data directory holds no graph file.
	ErrNoGraph = errors.New("no " + GraphFileExt + " graph file")
	// ErrNoVocabulary is returned when a data directory holds no
	// vocabulary file.
	ErrNoVocabulary = errors.New("no " + VocabFileExt + " vocabulary file: every data directory declares the predicates and kinds its graph uses (see seeds/seed.vocab.txtpb)")
)

// Options tune a load.
type Options struct {
	// Progress, if set, is told how many bytes of graph files have been
	// read, of how many, as loading goes on.
	Progress func(done, total int64)
	// Warn, if set, is told of each warning: a problem that does not stop
	// the load, such as a relation whose subject is not of the kind its
	// predicate expects.
	Warn func(*Problem)
	// Curate adds the warnings only a curator wants, such as predicates
	// and kinds that nothing uses (the check tool sets it).
	Curate bool
}

// Load reads the data directory dir. See [LoadFS].
func Load(ctx context.Context, dir string, opts Options) (*index.Index, error) {
	ix, err := LoadFS(ctx, os.DirFS(dir), opts)
	if err != nil {
		return nil, fmt.Errorf("load %s:\n%w", dir, err)
	}
	return ix, nil
}

// LoadFS reads the vocabulary files and graph files at the top of fsys and
// the documents they name, and returns one index of them all. It fails,
// listing every problem as a [*Problem] (joined with errors.Join), when the
// vocabulary is inconsistent, any name is malformed or duplicated, any
// reference dangles, any predicate or kind is unknown, or any evidence
// quote does not occur exactly once in its document; and with the
// context's error when ctx ends first.
func LoadFS(ctx context.Context, fsys fs.FS, opts Options) (*index.Index, error) {
	v, declared, err := vocabularyOf(fsys, opts.Warn)
	if err != nil {
		return nil, err
	}
	files, err := fs.Glob(fsys, "*"+GraphFileExt)
	if err != nil {
		return nil, err
	}
	files = slices.DeleteFunc(files, func(f string) bool { return strings.HasSuffix(f, VocabFileExt) })
	if len(files) == 0 {
		return nil, ErrNoGraph
	}
	slices.Sort(files)
	l := newLoader(ctx, fsys, v, opts)
	l.declared = declared
	return l.load(files)
}

// LoadVocabulary reads and checks the vocabulary files at the top of fsys,
// telling warn (if not nil) of each warning.
func LoadVocabulary(fsys fs.FS, warn func(*Problem)) (*vocab.Vocabulary, error) {
	v, _, err := vocabularyOf(fsys, warn)
	return v, err
}

// vocabularyOf is LoadVocabulary, with where each predicate and kind is
// declared.
func vocabularyOf(fsys fs.FS, warn func(*Problem)) (*vocab.Vocabulary, declaredAt, error) {
	files, err := fs.Glob(fsys, "*"+VocabFileExt)
	if err != nil {
		return nil, nil, err
	}
	if len(files) == 0 {
		return nil, nil, ErrNoVocabulary
	}
	slices.Sort(files)
	return loadVocabulary(fsys, files, warn)
}

// problems collects what a load found wrong.
type problems struct {
	errs []error
	warn func(*Problem)
}

func (ps *problems) add(p *Problem) {
	if p.Warning {
		if ps.warn != nil {
			ps.warn(p)
		}
		return
	}
	switch {
	case len(ps.errs) < maxProblems:
		ps.errs = append(ps.errs, p)
	case len(ps.errs) == maxProblems:
		ps.errs = append(ps.errs, &Problem{File: p.File, Line: p.Line, Msg: "too many problems; stopping here"})
	}
}

func (ps *problems) errorf(file string, line int, format string, args ...any) {
	ps.add(&Problem{File: file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

func (ps *problems) warnf(file string, line int, format string, args ...any) {
	ps.add(&Problem{File: file, Line: line, Msg: fmt.Sprintf(format, args...), Warning: true})
}

func (ps *problems) full() bool { return len(ps.errs) > maxProblems }

func (ps *problems) err() error {
	if len(ps.errs) == 0 {
		return nil
	}
	return errors.Join(ps.errs...)
}

// readFile reads one file of the data directory.
func readFile(fsys fs.FS, name string) ([]byte, error) {
	return fs.ReadFile(fsys, path.Clean(name))
}
