package synth

import (
	"fmt"
	"os"
	"path/filepath"

	"google.golang.org/protobuf/encoding/prototext"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
)

// The files [WriteText] writes.
const (
	GraphFile = "graph.txtpb"
	VocabFile = "graph.vocab.txtpb"
)

// WriteText generates the graph cfg describes into dir in the curated text
// format that package seed loads: GraphFile, its vocabulary in VocabFile,
// and the documents' text under docs/. Output-only fields (checksums, offsets, summaries) are left out,
// as a curator would; evidence is given as quotes. It holds the whole graph
// in memory: use it for small graphs and tests.
func WriteText(cfg Config, dir string) error {
	var t textSink
	if err := Generate(cfg, &t); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Join(dir, "docs"), 0o755); err != nil {
		return err
	}
	text := map[string]string{}
	for _, d := range t.g.Documents {
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(d.GetSourceFile())), []byte(d.GetText()), 0o644); err != nil {
			return err
		}
		text[d.GetName()] = d.GetText()
		d.Text, d.Sha256, d.CharCount = "", "", 0
	}
	for _, r := range t.g.Relations {
		for _, ev := range r.GetEvidence() {
			ev.Quote = text[ev.GetDocument()][ev.GetStartByte():ev.GetEndByte()]
			ev.StartByte, ev.EndByte = 0, 0
		}
	}
	raw, err := prototext.MarshalOptions{Multiline: true, Indent: "  "}.Marshal(&t.g)
	if err != nil {
		return err
	}
	vraw, err := prototext.MarshalOptions{Multiline: true, Indent: "  "}.Marshal(cfg.Vocabulary.Message())
	if err != nil {
		return err
	}
	vheader := "# proto-file: entitygraph/v1/vocabulary.proto\n# proto-message: entitygraph.v1.Vocabulary\n\n"
	if err := os.WriteFile(filepath.Join(dir, VocabFile), append([]byte(vheader), vraw...), 0o644); err != nil {
		return err
	}
	header := fmt.Sprintf("# proto-file: entitygraph/v1/graph.proto\n# proto-message: entitygraph.v1.Graph\n#\n# Synthetic graph: %d entities, %d relations, seed %d (entitygraph-synth).\n\n",
		len(t.g.Entities), len(t.g.Relations), cfg.Seed)
	return os.WriteFile(filepath.Join(dir, GraphFile), append([]byte(header), raw...), 0o644)
}

// textSink keeps the whole graph.
type textSink struct{ g pb.Graph }

func (t *textSink) AddDocument(d *pb.Document) error {
	t.g.Documents = append(t.g.Documents, d)
	return nil
}
func (t *textSink) AddEntity(e *pb.Entity) error { t.g.Entities = append(t.g.Entities, e); return nil }
func (t *textSink) AddRelation(r *pb.Relation) error {
	t.g.Relations = append(t.g.Relations, r)
	return nil
}
