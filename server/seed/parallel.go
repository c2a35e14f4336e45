package seed

import (
	"runtime"

	"google.golang.org/protobuf/encoding/prototext"
	"google.golang.org/protobuf/proto"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
)

// recordRef is one record of one file.
type recordRef struct {
	file *textFile
	rec  int
}

// parsed is a record as a worker parsed it: its message, or why it does not
// parse.
type parsed struct {
	ref recordRef
	g   *pb.Graph
	err error
	// spans are where each relation's evidence quotes are, by relation and
	// evidence, as far as the worker could place them.
	spans [][]span
	// texts are the documents' source texts, by document.
	texts []preparedText
}

// parseChunk is how many records a worker parses at a time, and lookahead
// how many chunks may be parsed ahead of the loader per worker: enough to
// keep the workers busy, few enough that parsed records do not pile up in
// memory.
const (
	parseChunk = 256
	lookahead  = 2
)

// parseInOrder parses refs on every core, a chunk per worker, and yields
// the chunks in order; parsing is most of a load, and records parse
// independently. Workers also read the documents' texts (documents are
// parsed in a pass of their own, first) and place the relations' evidence
// quotes in them (see [loader.locate]), the next most costly parts. The loader consumes each chunk on its own goroutine, so
// its checks stay sequential and its messages deterministic. Closing stop
// ends the workers early; the channel is closed when every chunk has been
// handed over or stop is closed.
func (l *loader) parseInOrder(refs []recordRef, stop <-chan struct{}) <-chan []parsed {
	chunks := (len(refs) + parseChunk - 1) / parseChunk
	workers := max(1, runtime.GOMAXPROCS(0))
	pending := make(chan chan []parsed, workers*lookahead)
	out := make(chan []parsed)
	go func() {
		defer close(pending)
		for c := range chunks {
			result := make(chan []parsed, 1)
			select {
			case pending <- result:
			case <-stop:
				return
			}
			go func(part []recordRef) {
				chunk := l.parseRecords(part)
				result <- chunk
			}(refs[c*parseChunk : min(len(refs), (c+1)*parseChunk)])
		}
	}()
	go func() {
		defer close(out)
		for result := range pending {
			select {
			case out <- <-result:
			case <-stop:
				return
			}
		}
	}()
	return out
}

// parseRecords parses part, records of the data directory in order, and
// prepares what the loader will need of each: the documents' texts and
// where the relations' quotes are.
func (l *loader) parseRecords(part []recordRef) []parsed {
	chunk := make([]parsed, len(part))
	for i := 0; i < len(part); {
		// A run of consecutive records of one file parses in one call.
		j := i + 1
		for j < len(part) && part[j].file == part[i].file && part[j].rec == part[j-1].rec+1 {
			j++
		}
		parseRun(part[i:j], chunk[i:j])
		i = j
	}
	for i := range chunk {
		p := &chunk[i]
		if p.err != nil {
			continue
		}
		p.texts = make([]preparedText, len(p.g.GetDocuments()))
		for di, d := range p.g.GetDocuments() {
			p.texts[di] = l.prepareText(d)
		}
		p.spans = make([][]span, len(p.g.GetRelations()))
		for ri, r := range p.g.GetRelations() {
			p.spans[ri] = make([]span, len(r.GetEvidence()))
			for ei, ev := range r.GetEvidence() {
				p.spans[ri][ei] = l.locate(p.ref.file, ev)
			}
		}
	}
	return chunk
}

// unmarshalGraph parses src, graph file text, into g, an empty Graph: by
// [parseSimple] when it can, by prototext.Unmarshal otherwise.
func unmarshalGraph(src []byte, g *pb.Graph) error {
	if parseSimple(src, g.ProtoReflect()) {
		return nil
	}
	proto.Reset(g)
	return prototext.Unmarshal(src, g)
}

// parseRun parses consecutive records of one file into out. Between two
// records of a file there is only white space and comments (the record
// scanner says so), so the run's bytes parse as one Graph whose lists
// hold the records' messages in order: one call to unmarshalGraph
// for the run costs much less than one per record. When the run does not
// parse, each record is parsed alone, so that the error names its own.
func parseRun(run []recordRef, out []parsed) {
	f := run[0].file
	first, last := f.records[run[0].rec], f.records[run[len(run)-1].rec]
	all := &pb.Graph{}
	if len(run) > 1 && unmarshalGraph(f.src[first.start:last.end], all) == nil {
		var docs, ents, rels, exts int
		ok := true
		for i, ref := range run {
			g := &pb.Graph{}
			switch f.records[ref.rec].field {
			case "documents":
				ok = ok && docs < len(all.Documents)
				if ok {
					g.Documents = all.Documents[docs : docs+1 : docs+1]
				}
				docs++
			case "entities":
				ok = ok && ents < len(all.Entities)
				if ok {
					g.Entities = all.Entities[ents : ents+1 : ents+1]
				}
				ents++
			case "relations":
				ok = ok && rels < len(all.Relations)
				if ok {
					g.Relations = all.Relations[rels : rels+1 : rels+1]
				}
				rels++
			case "entity_extensions":
				ok = ok && exts < len(all.EntityExtensions)
				if ok {
					g.EntityExtensions = all.EntityExtensions[exts : exts+1 : exts+1]
				}
				exts++
			default:
				ok = false
			}
			out[i] = parsed{ref: ref, g: g}
		}
		if ok && docs == len(all.Documents) && ents == len(all.Entities) && rels == len(all.Relations) && exts == len(all.EntityExtensions) {
			return
		}
	}
	for i, ref := range run {
		rec := f.records[ref.rec]
		g := &pb.Graph{}
		err := unmarshalGraph(f.src[rec.start:rec.end], g)
		out[i] = parsed{ref: ref, g: g, err: err}
	}
}
