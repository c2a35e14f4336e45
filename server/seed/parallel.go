package seed

import (
	"runtime"

	"google.golang.org/protobuf/encoding/prototext"

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
				chunk := make([]parsed, len(part))
				for i, ref := range part {
					rec := ref.file.records[ref.rec]
					g := &pb.Graph{}
					err := prototext.Unmarshal(ref.file.src[rec.start:rec.end], g)
					chunk[i] = parsed{ref: ref, g: g, err: err}
					if err == nil {
						chunk[i].texts = make([]preparedText, len(g.GetDocuments()))
						for di, d := range g.GetDocuments() {
							chunk[i].texts[di] = l.prepareText(d)
						}
						chunk[i].spans = make([][]span, len(g.GetRelations()))
						for ri, r := range g.GetRelations() {
							chunk[i].spans[ri] = make([]span, len(r.GetEvidence()))
							for ei, ev := range r.GetEvidence() {
								chunk[i].spans[ri][ei] = l.locate(ref.file, ev)
							}
						}
					}
				}
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
