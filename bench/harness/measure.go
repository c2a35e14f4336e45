package harness

import (
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/entitygraph/entitygraph/server/index"
)

// Result is how one operation performed.
type Result struct {
	Name, What string
	// Calls is how many calls were timed one by one for the percentiles.
	Calls int
	// Errors counts calls that failed (such as a blown edge budget), with
	// the first error.
	Errors     int
	FirstError string
	// Results is the mean number of results a call returned.
	Results float64
	// NsPerOp is the mean, timed over a batch without a timer per call.
	NsPerOp             float64
	P50, P90, P99, Max  time.Duration
	AllocsPerOp, BPerOp float64
}

// Measure times op: a warm-up, then a batch run for d/2 for the mean and
// allocations, then d/2 of calls timed one by one for the percentiles.
// Each phase runs at least minCalls calls.
func Measure(op Op, d time.Duration, minCalls int) Result {
	res := Result{Name: op.Name, What: op.What}
	for i := range min(minCalls, 50) {
		_, _ = op.Run(i)
	}
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	n := 0
	for ; n < minCalls || time.Since(start) < d/2; n++ {
		_, _ = op.Run(n)
	}
	elapsed := time.Since(start)
	runtime.ReadMemStats(&after)
	res.NsPerOp = float64(elapsed.Nanoseconds()) / float64(n)
	res.AllocsPerOp = float64(after.Mallocs-before.Mallocs) / float64(n)
	res.BPerOp = float64(after.TotalAlloc-before.TotalAlloc) / float64(n)

	var lat []time.Duration
	results := 0
	start = time.Now()
	for i := 0; i < minCalls || time.Since(start) < d/2; i++ {
		t := time.Now()
		got, err := op.Run(i)
		lat = append(lat, time.Since(t))
		results += got
		if err != nil {
			if res.Errors == 0 {
				res.FirstError = err.Error()
			}
			res.Errors++
		}
	}
	slices.Sort(lat)
	q := func(p float64) time.Duration { return lat[min(len(lat)-1, int(p*float64(len(lat))))] }
	res.Calls = len(lat)
	res.Results = float64(results) / float64(len(lat))
	res.P50, res.P90, res.P99, res.Max = q(0.50), q(0.90), q(0.99), lat[len(lat)-1]
	return res
}

// Load is how loading a snapshot went.
type Load struct {
	File                 string
	FileBytes            int64
	Entities, Relations  int
	Documents            int
	Seconds              float64
	RelationsPerSecond   float64
	HeapBytes            uint64 // Go heap the loaded index holds, after GC
	HeapBytesPerRelation float64
	RSSBytes             int64 // resident set after loading
	// StatementIndexBytes is the size of the statement search index,
	// mapped from the file with the document text, not heap.
	StatementIndexBytes int64
	Footprint           []index.Part
}

// LoadSnapshot loads a snapshot as the server does (text mapped, not
// read) and measures the time and the heap it takes.
func LoadSnapshot(path string) (*index.Index, Load, error) {
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	ix, err := index.OpenSnapshot(path, index.LoadOptions{})
	took := time.Since(start)
	if err != nil {
		return nil, Load{}, err
	}
	runtime.GC()
	runtime.GC()
	runtime.ReadMemStats(&after)
	st := ix.Stats()
	info, _ := os.Stat(path)
	l := Load{
		File: path, FileBytes: info.Size(), Entities: st.Entities, Relations: st.Relations, Documents: st.Documents,
		Seconds: took.Seconds(), RelationsPerSecond: float64(st.Relations) / took.Seconds(),
		HeapBytes: after.HeapAlloc - before.HeapAlloc, RSSBytes: rss(), Footprint: ix.Footprint(),
		StatementIndexBytes: int64(ix.StatementIndexBytes()),
	}
	l.HeapBytesPerRelation = float64(l.HeapBytes) / float64(max(st.Relations, 1))
	return ix, l, nil
}

// rss returns the resident set size of this process, or 0 where
// /proc/self/statm is not available.
func rss() int64 {
	raw, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 0
	}
	f := strings.Fields(string(raw))
	if len(f) < 2 {
		return 0
	}
	pages, _ := strconv.ParseInt(f[1], 10, 64)
	return pages * int64(os.Getpagesize())
}
