package harness

import "time"

// CayleyResult is what the command bench/cayley prints as JSON and
// bench/run reads: the same graph and queries in entitygraph's index and in
// Cayley's memstore.
type CayleyResult struct {
	Entities, Relations int
	Quads               int
	Ours, Cayley        CayleySide
	Notes               []string
}

// CayleySide is one store's figures in a [CayleyResult].
type CayleySide struct {
	LoadSeconds          float64
	RelationsPerSecond   float64
	HeapBytes            uint64
	HeapBytesPerRelation float64
	TwoHopP50, TwoHopP99 time.Duration
	TwoHopReached        float64
	PathP50, PathP99     time.Duration
	PathFound            float64
}
