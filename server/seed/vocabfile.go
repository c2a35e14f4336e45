package seed

import (
	"io/fs"
	"strings"

	"google.golang.org/protobuf/encoding/prototext"
	"google.golang.org/protobuf/proto"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/server/vocab"
)

// vocabFields are the top-level fields of a vocabulary file.
var vocabFields = []string{"predicates", "kinds", "types", "statuses", "synthetic"}

// textFile is a file of the data directory, split into records.
type textFile struct {
	path    string
	src     []byte
	records []record
}

// place is where a record is: its file and the record.
type place struct {
	file *textFile
	rec  int
}

// line returns the line of field (occurrence 0) in the record, or the
// record's own line.
func (p place) line(field string) int {
	rec := p.file.records[p.rec]
	if field == "" {
		return rec.line
	}
	if i := strings.LastIndexByte(field, '.'); i >= 0 {
		field = field[i+1:]
	}
	return fieldLine(p.file.src, rec, field, 0)
}

// declaredAt says where each predicate and kind of a vocabulary is
// declared, by resource name.
type declaredAt map[string]Problem

// loadVocabulary reads the vocabulary files and checks the vocabulary they
// make together; it also returns where each predicate and kind is declared.
func loadVocabulary(fsys fs.FS, files []string, warn func(*Problem)) (*vocab.Vocabulary, declaredAt, error) {
	ps := &problems{warn: warn}
	merged := &pb.Vocabulary{}
	places := map[string][]place{} // section → where each of its records is
	for _, name := range files {
		src, err := readFile(fsys, name)
		if err != nil {
			return nil, nil, err
		}
		f := &textFile{path: name, src: src}
		recs, serr := scanRecords(src, vocabFields)
		if serr != nil {
			ps.errorf(name, serr.line, "%s", serr.msg)
			continue
		}
		f.records = recs
		for i, rec := range recs {
			one := &pb.Vocabulary{}
			if err := prototext.Unmarshal(src[rec.start:rec.end], one); err != nil {
				line, msg := parseError(rec, err)
				ps.errorf(name, line, "%s", msg)
				continue
			}
			at := place{file: f, rec: i}
			for range one.GetPredicates() {
				places["predicates"] = append(places["predicates"], at)
			}
			for range one.GetKinds() {
				places["kinds"] = append(places["kinds"], at)
			}
			for range one.GetTypes() {
				places["types"] = append(places["types"], at)
			}
			for range one.GetStatuses() {
				places["statuses"] = append(places["statuses"], at)
			}
			for range one.GetSynthetic() {
				places["synthetic"] = append(places["synthetic"], at)
			}
			proto.Merge(merged, one)
		}
	}
	if err := ps.err(); err != nil {
		return nil, nil, err
	}
	for _, p := range vocab.Check(merged) {
		at := places[p.Section]
		file, line := files[0], 0
		if p.Index < len(at) {
			file, line = at[p.Index].file.path, at[p.Index].line(p.Field)
		}
		ps.add(&Problem{File: file, Line: line, Msg: p.Msg, Warning: p.Warning})
	}
	if err := ps.err(); err != nil {
		return nil, nil, err
	}
	declared := declaredAt{}
	for i, p := range merged.GetPredicates() {
		at := places["predicates"][i]
		declared[p.GetName()] = Problem{File: at.file.path, Line: at.line("")}
	}
	for i, k := range merged.GetKinds() {
		at := places["kinds"][i]
		declared[k.GetName()] = Problem{File: at.file.path, Line: at.line("")}
	}
	v, err := vocab.New(merged)
	return v, declared, err
}
