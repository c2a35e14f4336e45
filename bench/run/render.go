package main

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/entitygraph/entitygraph/bench/harness"
)

// render writes the report as Markdown.
func render(rep *report) string {
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	cfg := rep.Config
	p("# Benchmarks")
	p("")
	p("Written by `make bench` (`go run ./bench/run`); every figure below was measured in the run described here, on this machine. Do not edit by hand: run `make bench` again.")
	p("")
	p("- Date: %s", rep.Date)
	p("- Commit: %s", rep.Commit)
	p("- Machine: %s", rep.Machine)
	p("- Go: %s", rep.GoVersion)
	scales := make([]string, len(cfg.Scales))
	for i, n := range cfg.Scales {
		scales[i] = scaleName(n)
	}
	p("- Command: `go run ./bench/run --scales %s --duration %s --grpc-scale %s --grpc-duration %s --grpc-rounds %d --cayley-scales %s --text-scales %s --seed %d`",
		strings.Join(scales, ","), cfg.Duration, scaleName(cfg.GRPCScale), cfg.GRPCDuration, cfg.GRPCRounds, joinScales(cfg.CayleyScales), joinScales(cfg.TextScales), cfg.Seed)
	p("")

	// A run of the gRPC part alone (--scales "") has no largest scale.
	var largest *scaleResult
	if len(cfg.Scales) > 0 {
		largest = rep.scale(slices.Max(cfg.Scales))
	}
	renderTargets(p, rep, largest)

	p("## The graphs")
	p("")
	p("Synthetic graphs from `entitygraph-snapshot synth --entities N --seed %d` (package `server/synth`): 10 relations per entity; names and aliases in English, Hangul and Japanese; every predicate of the vocabulary between plausible types, with qualifiers and relations about relations; endpoints drawn from power laws (a few hubs with tens of thousands of relations, most entities with a handful); every relation quoted from a generated article, one or two quotes each.", cfg.Seed)
	p("")
	p("| entities | relations | documents | snapshot file | generated in |")
	p("| ---: | ---: | ---: | ---: | ---: |")
	for _, n := range sortedKeys(rep.Generated) {
		g := rep.Generated[n]
		sr := rep.scale(n)
		rels, docs := "", ""
		if sr != nil {
			rels, docs = count(sr.Load.Relations), count(sr.Load.Documents)
		}
		cached := ""
		if g.Cached {
			cached = " (cached from an earlier run)"
		}
		p("| %s | %s | %s | %s | %.1f s%s |", count(n), rels, docs, bytesStr(g.Bytes), g.Seconds, cached)
	}
	p("")

	p("## Loading a snapshot")
	p("")
	p("`index.OpenSnapshot` as the server calls it for `--data FILE.egsnap`, in a fresh process per scale, the file in the page cache: every array is read and checksummed, every cross-reference checked, adjacency rebuilt; documents' text is mapped from the file, not read. Heap is the Go heap the loaded index holds after GC (`runtime.MemStats.HeapAlloc`, after minus before): names, aliases, descriptions, qualifiers, evidence offsets, adjacency and the name search index, all in.")
	p("")
	p("| entities | relations | load time | relations/s | heap | heap/relation | mapped text | RSS after load |")
	p("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
	for _, sr := range rep.Scales {
		l := sr.Load
		p("| %s | %s | %.3f s | %s | %s | %.1f B | %s | %s |", count(sr.Entities), count(l.Relations), l.Seconds, count(int(l.RelationsPerSecond)),
			bytesStr(int64(l.HeapBytes)), l.HeapBytesPerRelation, bytesStr(textBytes(l)), bytesStr(l.RSSBytes))
	}
	p("")
	if largest != nil {
		p("Where the memory goes at %s entities (`Index.Footprint`, bytes of the columns themselves):", count(largest.Entities))
		p("")
		p("| part | bytes | per relation |")
		p("| --- | ---: | ---: |")
		for _, part := range largest.Load.Footprint {
			p("| %s | %s | %.1f |", part.Name, bytesStr(part.Bytes), float64(part.Bytes)/float64(largest.Load.Relations))
		}
		p("")
	}

	if len(rep.Text) > 0 {
		p("## Loading text graph files")
		p("")
		p("The same synthetic graphs written in the curated format (`entitygraph-snapshot synth --text DIR`: one graph file, its vocabulary, and a source text per article), each read in a fresh process two ways: `prototext.Unmarshal` alone of every `*.txtpb` file (read from the page cache) into its message, the floor of any loader of this format; and `seed.Load`, as the server and `entitygraph-snapshot check` and `convert` load a directory: every record parsed with its line known for errors, every name, reference, predicate and kind checked, every source text read, hashed and every quote found in it, and the index built. The loader parses records on every core (two here); the unmarshal baseline uses one, as `prototext.Unmarshal` does.")
		p("")
		p("| relations | graph files | source texts | prototext.Unmarshal | MB/s | seed.Load | relations/s | load ÷ unmarshal |")
		p("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
		for _, t := range rep.Text {
			p("| %s | %s | %s | %.2f s | %.1f | %.2f s | %s | %.2f × |", count(t.Relations), bytesStr(t.Bytes), bytesStr(t.DocumentBytes),
				t.UnmarshalSeconds, float64(t.Bytes)/1e6/t.UnmarshalSeconds, t.LoadSeconds, count(int(float64(t.Relations)/t.LoadSeconds)), t.LoadSeconds/t.UnmarshalSeconds)
		}
		p("")
	}

	p("## Operations in process")
	p("")
	p("Each operation is the request a client sends, answered by the real handlers (`server/service`) on the loaded snapshot, without the transport: the cost under the gRPC layer. Inputs are 1,000 entities drawn at random (seed 1) and cycled through: their names, display names, the first 3/5 of display names, display names with one or two letters changed (never the first), and random pairs for paths. Mean and allocations come from a batch run of %s, percentiles from another %s of calls timed one by one.", cfg.Duration/2, cfg.Duration/2)
	p("")
	if len(rep.Scales) > 0 {
		p("| operation | what one call does |")
		p("| --- | --- |")
		for _, r := range rep.Scales[0].Results {
			p("| %s | %s |", r.Name, r.What)
		}
		p("")
	}
	for _, sr := range rep.Scales {
		p("### %s entities, %s relations", count(sr.Entities), count(sr.Load.Relations))
		p("")
		p("| operation | mean | p50 | p90 | p99 | allocs/op | bytes/op | results/call | errors |")
		p("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
		for _, r := range sr.Results {
			errs := "0"
			if r.Errors > 0 {
				errs = fmt.Sprintf("%d of %d: %s", r.Errors, r.Calls, shortErr(r.FirstError))
			}
			p("| %s | %s | %s | %s | %s | %.1f | %s | %.1f | %s |", r.Name, dur(time.Duration(r.NsPerOp)), dur(r.P50), dur(r.P90), dur(r.P99),
				r.AllocsPerOp, bytesStr(int64(r.BPerOp)), r.Results, errs)
		}
		p("")
	}

	if g := rep.GRPC; g != nil {
		renderGRPC(p, g)
	}
	renderCayley(p, rep)

	if len(rep.Profiles) > 0 {
		p("## Where the time goes")
		p("")
		p("CPU profiles of single operations at %s entities (`go tool pprof -top`, %s of calls each):", rep.Profiles[0].Scale, cfg.Duration)
		p("")
		for _, pr := range rep.Profiles {
			p("### %s", pr.Op)
			p("")
			p("```")
			p("%s", pr.Top)
			p("```")
			p("")
		}
	}
	return b.String()
}

func renderTargets(p func(string, ...any), rep *report, largest *scaleResult) {
	p("## Targets")
	p("")
	p("| target | measured | met |")
	p("| --- | --- | :---: |")
	check := func(ok bool) string {
		if ok {
			return "yes"
		}
		return "**no**"
	}
	if g := rep.GRPC; g != nil {
		chk8, get8 := g.result("Health.Check", 8), g.result("GetEntity", 8)
		chk1, get1 := g.result("Health.Check", 1), g.result("GetEntity", 1)
		if chk8 != nil && get8 != nil {
			r := get8.RPS / chk8.RPS
			// Were the server's cost per GetEntity no more than per Check,
			// two saturated cores would still do (S+Gc)/(S+Gg) as many calls:
			// what ghz alone spends more decoding the larger response.
			bound := float64(chk8.ServerCPU+chk8.ClientCPU) / float64(chk8.ServerCPU+get8.ClientCPU)
			p("| GetEntity QPS ≥ 0.9 × health Check QPS, concurrency 8 | %.0f vs %.0f QPS: **%.2f ×** (server CPU per call %s vs %s; ghz CPU per call %s vs %s: with the server's cost per call no more than a Check's, ghz's alone would bound the ratio at %.2f ×) | %s |",
				get8.RPS, chk8.RPS, r, dur(get8.ServerCPU), dur(chk8.ServerCPU), dur(get8.ClientCPU), dur(chk8.ClientCPU), bound, check(r >= 0.9))
		}
		if names8, full8 := g.result("SearchEntities (names only)", 8), g.result("SearchEntities", 8); chk8 != nil && names8 != nil && full8 != nil {
			r := names8.RPS / chk8.RPS
			p("| SearchEntities, names-only view (ENTITY_VIEW_BASIC), QPS ≥ 0.5 × health Check QPS, concurrency 8 | %.0f vs %.0f QPS: **%.2f ×** (server CPU per call %s; the full view beside it: %.0f QPS, %.2f ×, server CPU per call %s) | %s |",
				names8.RPS, chk8.RPS, r, dur(names8.ServerCPU), full8.RPS, full8.RPS/chk8.RPS, dur(full8.ServerCPU), check(r >= 0.5))
		}
		if chk1 != nil && get1 != nil {
			r := float64(get1.P50) / float64(chk1.P50)
			p("| GetEntity p50 ≤ 1.5 × health Check p50, concurrency 1 | %s vs %s: **%.2f ×** | %s |", dur(get1.P50), dur(chk1.P50), r, check(r <= 1.5))
		}
	} else {
		p("| gRPC targets | not measured in this run (no ghz) | |")
	}
	if largest != nil {
		at := fmt.Sprintf("%s entities", count(largest.Entities))
		if r := largest.result("NameLookup"); r != nil {
			p("| %s: exact name lookup ≤ 2 µs | resource name → entity: p50 %s, p99 %s (the full GetEntity handler: p50 %s; SearchEntities for an exact display name: p50 %s) | %s |",
				at, dur(r.P50), dur(r.P99), dur(largest.result("GetEntity").P50), dur(largest.result("SearchExact").P50), check(r.P99 <= 2*time.Microsecond))
		}
		if r := largest.result("SearchFuzzy2"); r != nil {
			p("| %s: fuzzy (d ≤ 2) search p99 ≤ 1 ms | p99 %s (d = 1: %s; default options: %s) | %s |", at, dur(r.P99),
				dur(largest.result("SearchFuzzy1").P99), dur(largest.result("SearchDefault").P99), check(r.P99 <= time.Millisecond))
		}
		if r, one := largest.result("FindPaths4"), largest.result("FindPaths4k1"); r != nil && one != nil {
			p("| %s: FindPaths (≤ 4 hops) p50 ≤ 1 ms | the shortest path (max_paths 1): p50 %s, p99 %s, %s over the default edge budget; three paths (the default max_paths): p50 %s, p99 %s | %s for one path, %s for three |",
				at, dur(one.P50), dur(one.P99), errShare(one), dur(r.P50), dur(r.P99), check(one.P50 <= time.Millisecond), check(r.P50 <= time.Millisecond))
		}
		if plain, filtered := largest.result("Match2"), largest.result("Match2Time"); plain != nil && filtered != nil {
			r := float64(filtered.P99) / float64(plain.P99)
			p("| %s: a qualifier-filtered Match p99 ≤ 2 × the unfiltered one | Match2Time p99 %s vs Match2 p99 %s: **%.2f ×** | %s |", at, dur(filtered.P99), dur(plain.P99), r, check(r <= 2))
		}
		if r := largest.result("Ask"); r != nil {
			p("| %s: Ask p99 ≤ 5 ms | p99 %s, p50 %s (%s refused: the synthetic display name is not a name alone, or ambiguous) | %s |", at, dur(r.P99), dur(r.P50), errShare(r), check(r.P99 <= 5*time.Millisecond))
		}
		if r, full := largest.result("LinkEntitiesBasic"), largest.result("LinkEntities"); r != nil && full != nil {
			mbps := largest.ArticleBytes / r.NsPerOp * 1e9 / 1e6
			fullMBps := largest.ArticleBytes / full.NsPerOp * 1e9 / 1e6
			p("| %s: entity linking ≥ 1 MB of text per second per core | %.2f MB/s on one goroutine with entities in the BASIC view (articles of %.0f bytes, %.1f mentions each), p99 %s, p50 %s a text; %.2f MB/s, p99 %s, in the FULL view (each entity's roles read) | %s |",
				at, mbps, largest.ArticleBytes, r.Results, dur(r.P99), dur(r.P50), fullMBps, dur(full.P99), check(mbps >= 1))
		}
		if r := largest.result("SearchRelations"); r != nil {
			l := largest.Load
			p("| %s: statement search p99 ≤ 10 ms | p99 %s, p50 %s; its index is %s, %.1f B per relation, mapped from the snapshot file (no heap of its own) | %s |",
				at, dur(r.P99), dur(r.P50), bytesStr(l.StatementIndexBytes), float64(l.StatementIndexBytes)/float64(max(l.Relations, 1)), check(r.P99 <= 10*time.Millisecond))
		}
		l := largest.Load
		p("| %s / %s relations: ≤ 85 bytes of heap per relation, all in | %.1f B (document text, %.0f B per relation, is mapped from the file, not heap) | %s |",
			at, count(l.Relations), l.HeapBytesPerRelation, float64(textBytes(l))/float64(l.Relations), check(l.HeapBytesPerRelation <= 85))
		p("| binary snapshot loads at ≥ 4M relations/s | %s relations/s (%.2f s for %s) | %s |", count(int(l.RelationsPerSecond)), l.Seconds, count(l.Relations), check(l.RelationsPerSecond >= 4e6))
	}
	if len(rep.Text) > 0 {
		worst, ratios := 0.0, make([]string, len(rep.Text))
		for i, t := range rep.Text {
			r := t.LoadSeconds / t.UnmarshalSeconds
			worst = max(worst, r)
			ratios[i] = fmt.Sprintf("%s: %.2f ×", count(t.Relations), r)
		}
		p("| text graph files load in ≤ 2 × the time of `prototext.Unmarshal` alone on the same files | worst %.2f × (%s) | %s |", worst, strings.Join(ratios, "; "), check(worst <= 2))
		if len(rep.Text) > 1 {
			first, last := rep.Text[0], rep.Text[len(rep.Text)-1]
			per := func(t textResult) float64 { return t.LoadSeconds / float64(t.Relations) }
			r := per(last) / per(first)
			p("| text load time linear in size | %s per relation at %s relations, %s at %s: **%.2f ×** (≤ 1.5 × counts as linear) | %s |",
				dur(time.Duration(per(first)*1e9)), count(first.Relations), dur(time.Duration(per(last)*1e9)), count(last.Relations), r, check(r <= 1.5))
		}
	}
	if len(rep.Cayley) > 0 {
		c := rep.Cayley[len(rep.Cayley)-1]
		load := c.Cayley.LoadSeconds / c.Ours.LoadSeconds
		mem := c.Cayley.HeapBytesPerRelation / c.Ours.HeapBytesPerRelation
		p("| vs Cayley memstore (%s entities): ≥ 10× faster load | **%.1f ×** (%.2f s vs %.2f s) | %s |", count(c.Entities), load, c.Ours.LoadSeconds, c.Cayley.LoadSeconds, check(load >= 10))
		p("| vs Cayley memstore (%s entities): ≥ 10× less memory per relation | **%.1f ×** (%.0f B vs %.0f B) | %s |", count(c.Entities), mem, c.Ours.HeapBytesPerRelation, c.Cayley.HeapBytesPerRelation, check(mem >= 10))
	} else {
		p("| vs Cayley memstore | not measured in this run%s | |", errNote(rep.CayleyErr))
	}
	p("")
}

func renderGRPC(p func(string, ...any), g *grpcReport) {
	p("## Over gRPC")
	p("")
	p("The real server binary serving the %s-entity snapshot on loopback (`entitygraph-server %s`; %s), driven by ghz v0.120.0 over one connection, server reflection for the schema. Health `Check` is the empty-RPC baseline: the same server, the same interceptor chain, the same run. Each (call, concurrency) ran %d times for %s, interleaved; the median run by QPS is shown. ghz and the server share the machine's cores. Server RSS with the graph loaded: %s.",
		count(g.Entities), strings.Join(g.ServerArgs, " "), g.LoadLog, g.Rounds, g.Duration, bytesStr(g.ServerRSS))
	p("")
	p("Server CPU and ghz CPU are the CPU time each process spent per call during the run (the server's from `/proc/PID/stat`, ghz's from its rusage): on two cores shared by both, ghz's own cost per call bounds the QPS as much as the server's does. ghz runs with `--disable-template-functions --disable-template-data` (the request files hold no templates): executing them cost ghz 35–40 µs per call, more than the server spends on a Check, and diluted the difference between the calls.")
	p("")
	p("| call | concurrency | QPS | mean | p50 | p90 | p99 | QPS ÷ Check | p50 ÷ Check | server CPU/call | ghz CPU/call |")
	p("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
	for _, r := range g.Results {
		base := g.result("Health.Check", r.Concurrency)
		p("| %s | %d | %.0f | %s | %s | %s | %s | %.2f | %.2f | %s | %s |", r.Call, r.Concurrency, r.RPS, dur(r.Mean), dur(r.P50), dur(r.P90), dur(r.P99),
			r.RPS/base.RPS, float64(r.P50)/float64(base.P50), dur(r.ServerCPU), dur(r.ClientCPU))
	}
	p("")
	p("All runs:")
	p("")
	p("| call | concurrency | calls | QPS | p50 | p99 |")
	p("| --- | ---: | ---: | ---: | ---: | ---: |")
	for _, r := range g.All {
		p("| %s | %d | %s | %.0f | %s | %s |", r.Call, r.Concurrency, count(r.Count), r.RPS, dur(r.P50), dur(r.P99))
	}
	p("")
}

func renderCayley(p func(string, ...any), rep *report) {
	p("## Against Cayley")
	p("")
	if len(rep.Cayley) == 0 {
		p("Not run%s.", errNote(rep.CayleyErr))
		p("")
		return
	}
	p("`bench/cayley` (its own module, so that the main module does not depend on Cayley) loads the same synthetic graph into Cayley's in-memory quad store (`github.com/cayleygraph/cayley` memstore) and into entitygraph's index, in one process, one after the other, and runs the same two queries on both through each store's own API: everything reachable within 2 hops of an entity, both directions, and a shortest path of at most 4 hops between two entities (bidirectional breadth-first search, both directions). Inputs are 200 random entities and pairs.")
	for _, n := range rep.Cayley[0].Notes {
		p("")
		p("- %s", n)
	}
	p("")
	p("| entities | relations | quads | store | load | relations/s | heap | heap/relation | 2 hops p50 | 2 hops p99 | reached | path p50 | path p99 | found |")
	p("| ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
	for _, c := range rep.Cayley {
		for _, side := range []struct {
			name string
			s    harness.CayleySide
		}{{"entitygraph", c.Ours}, {"Cayley memstore", c.Cayley}} {
			s := side.s
			p("| %s | %s | %s | %s | %.3f s | %s | %s | %.0f B | %s | %s | %.0f | %s | %s | %.0f%% |", count(c.Entities), count(c.Relations), count(c.Quads), side.name,
				s.LoadSeconds, count(int(s.RelationsPerSecond)), bytesStr(int64(s.HeapBytes)), s.HeapBytesPerRelation, dur(s.TwoHopP50), dur(s.TwoHopP99), s.TwoHopReached,
				dur(s.PathP50), dur(s.PathP99), 100*s.PathFound)
		}
	}
	p("")
	p("| entities | load: Cayley ÷ ours | heap/relation: Cayley ÷ ours | 2 hops p50: Cayley ÷ ours | path p50: Cayley ÷ ours |")
	p("| ---: | ---: | ---: | ---: | ---: |")
	for _, c := range rep.Cayley {
		p("| %s | %.1f × | %.1f × | %.1f × | %.1f × |", count(c.Entities), c.Cayley.LoadSeconds/c.Ours.LoadSeconds,
			c.Cayley.HeapBytesPerRelation/c.Ours.HeapBytesPerRelation, float64(c.Cayley.TwoHopP50)/float64(c.Ours.TwoHopP50), float64(c.Cayley.PathP50)/float64(c.Ours.PathP50))
	}
	p("")
}

func (rep *report) scale(n int) *scaleResult {
	for i := range rep.Scales {
		if rep.Scales[i].Entities == n {
			return &rep.Scales[i]
		}
	}
	return nil
}

func (sr *scaleResult) result(name string) *harness.Result {
	for i := range sr.Results {
		if sr.Results[i].Name == name {
			return &sr.Results[i]
		}
	}
	return &harness.Result{}
}

func (g *grpcReport) result(call string, c int) *harness.GRPCResult {
	for i := range g.Results {
		if g.Results[i].Call == call && g.Results[i].Concurrency == c {
			return &g.Results[i]
		}
	}
	return nil
}

func textBytes(l harness.Load) int64 {
	for _, p := range l.Footprint {
		if strings.HasPrefix(p.Name, "document text") {
			return p.Bytes
		}
	}
	return 0
}

func sortedKeys(m map[int]genResult) []int {
	var out []int
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func joinScales(ns []int) string {
	var s []string
	for _, n := range ns {
		s = append(s, scaleName(n))
	}
	if len(s) == 0 {
		return `""`
	}
	return strings.Join(s, ",")
}

func errNote(err string) string {
	if err == "" {
		return ""
	}
	if i := strings.IndexByte(err, '\n'); i > 0 {
		err = err[:i]
	}
	return ": " + err
}

func shortErr(s string) string {
	if i := strings.Index(s, "desc = "); i >= 0 {
		s = s[i+len("desc = "):]
	}
	if i := strings.IndexByte(s, ';'); i > 0 {
		s = s[:i]
	}
	return s
}

// count writes n with thousands separators.
func count(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func bytesStr(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.2f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

func dur(d time.Duration) string {
	switch {
	case d <= 0:
		return "–"
	case d < time.Microsecond:
		return fmt.Sprintf("%d ns", d.Nanoseconds())
	case d < time.Millisecond:
		return fmt.Sprintf("%.2f µs", float64(d.Nanoseconds())/1e3)
	case d < time.Second:
		return fmt.Sprintf("%.2f ms", float64(d.Nanoseconds())/1e6)
	}
	return fmt.Sprintf("%.2f s", d.Seconds())
}

// errShare says what share of the timed calls failed.
func errShare(r *harness.Result) string {
	if r.Calls == 0 {
		return "–"
	}
	return fmt.Sprintf("%.0f%% of calls", 100*float64(r.Errors)/float64(r.Calls))
}
