package client

import (
	entitygraphv1 "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
)

// A PathOption configures [Client.FindPaths].
type PathOption interface {
	applyPath(*entitygraphv1.FindPathsRequest)
}

// A TraverseOption configures [Client.Traverse].
type TraverseOption interface {
	applyTraverse(*entitygraphv1.TraverseRequest)
}

// A MatchOption configures [Client.Match], [Client.MatchPattern] and
// [Client.MatchPage].
type MatchOption interface {
	applyMatch(*matchConfig)
}

// An AskOption configures [Client.Ask].
type AskOption interface {
	applyAsk(*entitygraphv1.AskRequest)
}

// A WalkOption configures both walks through the graph, [Client.FindPaths]
// and [Client.Traverse].
type WalkOption interface {
	PathOption
	TraverseOption
}

// A QueryOption configures every query: [Client.FindPaths],
// [Client.Traverse], the Match methods and [Client.Ask].
type QueryOption interface {
	PathOption
	TraverseOption
	MatchOption
	AskOption
}

// A LimitOption caps the number of results of [Client.SearchEntities] and of the
// queries.
type LimitOption interface {
	SearchOption
	TraverseOption
	MatchOption
	AskOption
}

// matchConfig is what the options of the Match methods set: the request,
// and how many results the iterators yield in all.
type matchConfig struct {
	req   *entitygraphv1.MatchRequest
	limit int // 0: no limit
}

// maxMatchPageSize is the largest page_size the server accepts for Match.
const maxMatchPageSize = 1000

// WithLimit caps the number of results at n:
//
//   - for [Client.SearchEntities], the request's page_size, 1 to 100 (the server's
//     default is 10);
//   - for [Client.Traverse], the most items streamed, 1 to 100000 (the
//     server's default is 1000);
//   - for [Client.Match] and [Client.MatchPattern], the most results the
//     sequence yields across pages (no limit by default); unless
//     [WithPageSize] says otherwise, pages are then n results long, at most
//     1000, so that a small limit costs one call;
//   - for [Client.MatchPage], the page size, as for the iterators, when
//     [WithPageSize] is not given;
//   - for [Client.Ask], the most answers, 1 to 1000 (the server's default
//     is 50).
func WithLimit(n int) LimitOption {
	return limitOption(n)
}

type limitOption int

func (n limitOption) applySearch(req *entitygraphv1.SearchEntitiesRequest) {
	req.PageSize = int32(n)
}

func (n limitOption) applyTraverse(req *entitygraphv1.TraverseRequest) { req.Limit = int32(n) }

func (n limitOption) applyMatch(cfg *matchConfig) { cfg.limit = int(n) }

func (n limitOption) applyAsk(req *entitygraphv1.AskRequest) { req.PageSize = int32(n) }

// WithEdgeBudget sets the most edges (relation endpoints) a query may visit,
// its limits.max_edges_visited, up to 10000000; the server's default is
// 1000000. A query that needs more fails with RESOURCE_EXHAUSTED, which
// [BudgetExceeded] recognises.
func WithEdgeBudget(n int64) QueryOption {
	return edgeBudgetOption(n)
}

type edgeBudgetOption int64

func (n edgeBudgetOption) limits() *entitygraphv1.Limits {
	return &entitygraphv1.Limits{MaxEdgesVisited: int64(n)}
}

func (n edgeBudgetOption) applyPath(req *entitygraphv1.FindPathsRequest) { req.Limits = n.limits() }

func (n edgeBudgetOption) applyTraverse(req *entitygraphv1.TraverseRequest) { req.Limits = n.limits() }

func (n edgeBudgetOption) applyMatch(cfg *matchConfig) { cfg.req.Limits = n.limits() }

func (n edgeBudgetOption) applyAsk(req *entitygraphv1.AskRequest) { req.Limits = n.limits() }

// WithAllRanks makes a query see statements of every rank. Without it the
// server leaves out deprecated statements, and normal ones that a preferred
// statement with the same subject and predicate outranks, as Wikidata's
// "truthy" statements do.
func WithAllRanks() QueryOption {
	return allRanksOption{}
}

type allRanksOption struct{}

func (allRanksOption) applyPath(req *entitygraphv1.FindPathsRequest) { req.IncludeAllRanks = true }

func (allRanksOption) applyTraverse(req *entitygraphv1.TraverseRequest) { req.IncludeAllRanks = true }

func (allRanksOption) applyMatch(cfg *matchConfig) { cfg.req.IncludeAllRanks = true }

func (allRanksOption) applyAsk(req *entitygraphv1.AskRequest) { req.IncludeAllRanks = true }

// WithPredicates makes a walk follow only relations with one of the given
// predicates, or one that implies one of them: resource names such as
// "predicates/supplies" or bare ids such as "supplies", as the server's
// vocabulary ([Client.Predicates]) names them. Several calls add up.
// Without it every relation is followed.
func WithPredicates(predicates ...string) WalkOption {
	return predicatesOption(predicates)
}

type predicatesOption []string

func (p predicatesOption) applyPath(req *entitygraphv1.FindPathsRequest) {
	req.Predicates = append(req.Predicates, p...)
}

func (p predicatesOption) applyTraverse(req *entitygraphv1.TraverseRequest) {
	req.Predicates = append(req.Predicates, p...)
}

// WithDirection sets which way a walk follows relations: from subject to
// object ([entitygraphv1.Direction_DIRECTION_OUTGOING]), from object to
// subject ([entitygraphv1.Direction_DIRECTION_INCOMING]) or both, the
// default.
func WithDirection(d entitygraphv1.Direction) WalkOption {
	return directionOption(d)
}

type directionOption entitygraphv1.Direction

func (d directionOption) applyPath(req *entitygraphv1.FindPathsRequest) {
	req.Direction = entitygraphv1.Direction(d)
}

func (d directionOption) applyTraverse(req *entitygraphv1.TraverseRequest) {
	req.Direction = entitygraphv1.Direction(d)
}

type pathOptionFunc func(*entitygraphv1.FindPathsRequest)

func (f pathOptionFunc) applyPath(req *entitygraphv1.FindPathsRequest) { f(req) }

// WithMaxHops sets the longest path [Client.FindPaths] looks for, 1 to 8
// hops; the server's default is 4.
func WithMaxHops(n int) PathOption {
	return pathOptionFunc(func(req *entitygraphv1.FindPathsRequest) { req.MaxHops = int32(n) })
}

// WithMaxPaths sets how many paths [Client.FindPaths] returns at most, 1 to
// 20; the server's default is 3.
func WithMaxPaths(n int) PathOption {
	return pathOptionFunc(func(req *entitygraphv1.FindPathsRequest) { req.MaxPaths = int32(n) })
}

type traverseOptionFunc func(*entitygraphv1.TraverseRequest)

func (f traverseOptionFunc) applyTraverse(req *entitygraphv1.TraverseRequest) { f(req) }

// WithMaxDepth sets how many hops out [Client.Traverse] goes, 1 to 6; the
// server's default is 2.
func WithMaxDepth(n int) TraverseOption {
	return traverseOptionFunc(func(req *entitygraphv1.TraverseRequest) { req.MaxDepth = int32(n) })
}

type matchOptionFunc func(*matchConfig)

func (f matchOptionFunc) applyMatch(cfg *matchConfig) { f(cfg) }

// WithPageSize sets how many results each Match call returns, 1 to 1000;
// the server's default is 50. The iterators fetch pages of this size as the
// loop needs them.
func WithPageSize(n int) MatchOption {
	return matchOptionFunc(func(cfg *matchConfig) { cfg.req.PageSize = int32(n) })
}

// WithExplain asks the server for its evaluation plan, returned in
// [entitygraphv1.MatchResponse.Plan]. It is only meaningful with
// [Client.MatchPage]: [Client.Match] and [Client.MatchPattern] yield the
// results alone and so drop the plan.
func WithExplain() MatchOption {
	return matchOptionFunc(func(cfg *matchConfig) { cfg.req.Explain = true })
}
