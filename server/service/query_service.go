package service

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/server/index"
	"github.com/entitygraph/entitygraph/server/query"
	"github.com/entitygraph/entitygraph/server/vocab"
)

// QueryService serves entitygraph.v1.QueryService from the current
// snapshot: paths, traversals, pattern queries and questions.
type QueryService struct {
	pb.UnimplementedQueryServiceServer
	snapshots Snapshots
}

var _ pb.QueryServiceServer = (*QueryService)(nil)

// NewQueryService returns the handlers of QueryService over snapshots.
func NewQueryService(snapshots Snapshots) *QueryService {
	return &QueryService{snapshots: snapshots}
}

// Query limits.
const (
	defaultEdgeBudget = 1_000_000
	maxEdgeBudget     = 10_000_000
	defaultMaxHops    = 4
	maxHops           = 8
	defaultMaxPaths   = 3
	maxPaths          = 20
	maxStarts         = 100
	defaultDepth      = 2
	maxDepth          = 6
	defaultTraverse   = 1000
	maxTraverse       = 100_000
	defaultMatchPage  = 50
	maxMatchPage      = 1000
)

// ReasonBudgetExceeded is the ErrorInfo reason of a query that went over
// its budget; ReasonNotUnderstood, of a question Ask could not compile.
const (
	ReasonBudgetExceeded = "BUDGET_EXCEEDED"
	ReasonNotUnderstood  = "QUESTION_NOT_UNDERSTOOD"
)

// budget validates a request's limits and returns the edge budget.
func (v *fieldViolations) budget(field string, l *pb.Limits) int64 {
	switch n := l.GetMaxEdgesVisited(); {
	case n < 0:
		v.add(field+".max_edges_visited", "must not be negative")
	case n > maxEdgeBudget:
		v.add(field+".max_edges_visited", fmt.Sprintf("at most %d", maxEdgeBudget))
	case n > 0:
		return n
	}
	return defaultEdgeBudget
}

// bounded validates an optional count: 0 means def, and it must lie in
// [1, maxValue].
func (v *fieldViolations) bounded(field string, n int32, def, maxValue int) int {
	switch {
	case n == 0:
		return def
	case n < 0 || int(n) > maxValue:
		v.add(field, fmt.Sprintf("must be between 1 and %d", maxValue))
	}
	return int(n)
}

func (v *fieldViolations) direction(field string, d pb.Direction) {
	if _, ok := pb.Direction_name[int32(d)]; !ok {
		v.add(field, fmt.Sprintf("unknown direction %d", d))
	}
}

func (v *fieldViolations) predicates(field string, ps []pb.Predicate) {
	for i, p := range ps {
		if _, ok := vocab.Lookup(p); !ok {
			v.add(field+"["+strconv.Itoa(i)+"]", fmt.Sprintf("unknown predicate %v; see ListPredicates", p))
		}
	}
}

// node resolves a validated endpoint name to a node of ix.
func node(ix *index.Index, name string) (index.Node, error) {
	n, ok := ix.NodeOf(name)
	if !ok {
		return 0, &index.NotFoundError{Kind: "node", Name: name}
	}
	return n, nil
}

// queryStatus maps query errors: a blown budget is RESOURCE_EXHAUSTED naming
// the budget, a bad pattern or question INVALID_ARGUMENT; the rest as
// toStatus does.
func queryStatus(ctx context.Context, err error) error {
	var be *query.BudgetError
	var pe *query.PatternError
	if errors.As(err, &be) {
		return withDetails(status.New(codes.ResourceExhausted, be.Error()+"; narrow the query or raise limits.max_edges_visited"),
			&errdetails.QuotaFailure{Violations: []*errdetails.QuotaFailure_Violation{{
				Subject: be.Budget, Description: fmt.Sprintf("the query visited more than %d edges", be.Limit),
			}}},
			&errdetails.ErrorInfo{Reason: ReasonBudgetExceeded, Domain: ErrorDomain, Metadata: map[string]string{
				"budget": be.Budget, "limit": strconv.FormatInt(be.Limit, 10),
			}},
		)
	}
	if errors.As(err, &pe) {
		var v fieldViolations
		v.add(pe.Field, pe.Msg)
		return v.err()
	}
	return toStatus(ctx, err)
}

func (s *QueryService) hop(ix *index.Index, h query.Hop) *pb.Hop {
	return &pb.Hop{
		From:     ix.NodeName(h.From),
		To:       ix.NodeName(h.To),
		Kind:     h.Kind,
		Relation: ix.RelationAt(h.Rel),
		Reading:  query.HopReading(ix, h),
	}
}

// FindPaths returns the k shortest paths between two nodes.
func (s *QueryService) FindPaths(ctx context.Context, req *pb.FindPathsRequest) (*pb.FindPathsResponse, error) {
	var v fieldViolations
	v.checkName("from", req.GetFrom(), isEndpoint, wantEndpoint)
	v.checkName("to", req.GetTo(), isEndpoint, wantEndpoint)
	hops := v.bounded("max_hops", req.GetMaxHops(), defaultMaxHops, maxHops)
	paths := v.bounded("max_paths", req.GetMaxPaths(), defaultMaxPaths, maxPaths)
	v.predicates("predicates", req.GetPredicates())
	v.direction("direction", req.GetDirection())
	limit := v.budget("limits", req.GetLimits())
	if err := v.err(); err != nil {
		return nil, err
	}
	ix := snapshot(ctx, s.snapshots)
	from, err := node(ix, req.GetFrom())
	if err != nil {
		return nil, toStatus(ctx, err)
	}
	to, err := node(ix, req.GetTo())
	if err != nil {
		return nil, toStatus(ctx, err)
	}
	b := query.NewBudget(ctx, limit)
	found, err := query.FindPaths(ix, query.PathQuery{
		From: from, To: to, MaxHops: hops, MaxPaths: paths, Predicates: req.GetPredicates(), Direction: req.GetDirection(),
	}, b)
	if err != nil {
		return nil, queryStatus(ctx, err)
	}
	resp := &pb.FindPathsResponse{EdgesVisited: b.Used()}
	for _, p := range found {
		out := &pb.Path{}
		for _, n := range p.Nodes {
			out.Nodes = append(out.Nodes, ix.NodeName(n))
		}
		for _, h := range p.Hops {
			out.Hops = append(out.Hops, s.hop(ix, h))
		}
		resp.Paths = append(resp.Paths, out)
	}
	return resp, nil
}

// Traverse streams what a breadth-first expansion reaches. Send blocks
// while the client is not reading, so a slow consumer holds the traversal
// back instead of growing a buffer.
func (s *QueryService) Traverse(req *pb.TraverseRequest, stream grpc.ServerStreamingServer[pb.TraverseResponse]) error {
	ctx := stream.Context()
	var v fieldViolations
	switch n := len(req.GetStart()); {
	case n == 0:
		v.add("start", "required: at least one entity or relation name")
	case n > maxStarts:
		v.add("start", fmt.Sprintf("at most %d names, got %d", maxStarts, n))
	default:
		for i, name := range req.GetStart() {
			v.checkName("start["+strconv.Itoa(i)+"]", name, isEndpoint, wantEndpoint)
		}
	}
	depth := v.bounded("max_depth", req.GetMaxDepth(), defaultDepth, maxDepth)
	limit := v.bounded("limit", req.GetLimit(), defaultTraverse, maxTraverse)
	v.predicates("predicates", req.GetPredicates())
	v.direction("direction", req.GetDirection())
	budget := v.budget("limits", req.GetLimits())
	if err := v.err(); err != nil {
		return err
	}
	ix := snapshot(ctx, s.snapshots)
	starts := make([]index.Node, 0, len(req.GetStart()))
	for _, name := range req.GetStart() {
		n, err := node(ix, name)
		if err != nil {
			return toStatus(ctx, err)
		}
		starts = append(starts, n)
	}
	err := query.Traverse(ix, query.TraverseQuery{
		Start: starts, MaxDepth: depth, Limit: limit, Predicates: req.GetPredicates(), Direction: req.GetDirection(),
	}, query.NewBudget(ctx, budget), func(it query.Item) error {
		resp := &pb.TraverseResponse{Depth: int32(it.Depth)}
		if it.Via != nil {
			resp.Via = s.hop(ix, *it.Via)
		}
		if it.IsRelation {
			resp.Item = &pb.TraverseResponse_Relation{Relation: ix.RelationAt(it.Rel)}
		} else if e := ix.NodeEntity(it.Node); e != nil {
			resp.Item = &pb.TraverseResponse_Entity{Entity: e}
		} else {
			r, _ := ix.NodeRelation(it.Node)
			resp.Item = &pb.TraverseResponse_Relation{Relation: ix.RelationAt(r)}
		}
		return stream.Send(resp)
	})
	if err != nil {
		if st, ok := status.FromError(err); ok && st.Code() != codes.Unknown {
			return err // the stream's own error, such as a cancelled client
		}
		return queryStatus(ctx, err)
	}
	return nil
}

// Match runs a pattern query and returns a page of bindings.
func (s *QueryService) Match(ctx context.Context, req *pb.MatchRequest) (*pb.MatchResponse, error) {
	var v fieldViolations
	size := v.bounded("page_size", req.GetPageSize(), defaultMatchPage, maxMatchPage)
	budget := v.budget("limits", req.GetLimits())
	switch q := req.GetQuery().(type) {
	case nil:
		v.add("query", "required: a pattern or text")
	case *pb.MatchRequest_Text:
		if strings.TrimSpace(q.Text) == "" {
			v.add("text", "required: a query such as ?who COORDINATES_AGAINST ?deal")
		} else if len(q.Text) > query.MaxTextBytes {
			v.add("text", fmt.Sprintf("longer than %d bytes", query.MaxTextBytes))
		} else if !utf8.ValidString(q.Text) {
			v.add("text", "not valid UTF-8")
		}
	}
	if err := v.err(); err != nil {
		return nil, err
	}
	ix := snapshot(ctx, s.snapshots)
	pattern := req.GetPattern()
	if req.GetPattern() == nil {
		var err error
		if pattern, err = query.ParseText(ix, req.GetText()); err != nil {
			v.add("text", err.Error())
			return nil, v.err()
		}
	}
	c, err := query.Compile(ix, pattern)
	if err != nil {
		return nil, queryStatus(ctx, err)
	}
	canonical := query.FormatPattern(pattern)
	fp := fingerprint("match", canonical)
	offset, err := decodePageToken(req.GetPageToken(), fp)
	if err != nil {
		v.add("page_token", err.Error())
		return nil, v.err()
	}
	b := query.NewBudget(ctx, budget)
	sols, more, err := c.Run(b, offset, size)
	if err != nil {
		return nil, queryStatus(ctx, err)
	}
	resp := &pb.MatchResponse{Pattern: pattern, CanonicalText: canonical, EdgesVisited: b.Used()}
	if req.GetExplain() {
		resp.Plan = c.Plan()
	}
	for _, sol := range sols {
		resp.Results = append(resp.Results, matchResult(ix, c.Vars(), sol.Nodes, sol.Rels))
	}
	if more {
		resp.NextPageToken = encodePageToken(offset+len(sols), fp)
	}
	return resp, nil
}

// matchResult builds one result: vars[i] is bound to nodes[i].
func matchResult(ix *index.Index, vars []string, nodes []index.Node, rels []index.Rel) *pb.MatchResult {
	res := &pb.MatchResult{Bindings: make(map[string]*pb.Binding, len(vars))}
	for i, name := range vars {
		b := &pb.Binding{}
		if e := ix.NodeEntity(nodes[i]); e != nil {
			b.Value = &pb.Binding_Entity{Entity: e}
		} else {
			r, _ := ix.NodeRelation(nodes[i])
			b.Value = &pb.Binding_Relation{Relation: ix.RelationAt(r)}
		}
		res.Bindings[name] = b
	}
	for _, r := range rels {
		res.Relations = append(res.Relations, ix.RelationAt(r))
	}
	return res
}

// Ask compiles a question into a pattern, runs it, and returns the answers
// with the query that produced them.
func (s *QueryService) Ask(ctx context.Context, req *pb.AskRequest) (*pb.AskResponse, error) {
	var v fieldViolations
	size := v.bounded("page_size", req.GetPageSize(), defaultMatchPage, maxMatchPage)
	budget := v.budget("limits", req.GetLimits())
	if err := v.err(); err != nil {
		return nil, err
	}
	ix := snapshot(ctx, s.snapshots)
	q, err := query.CompileQuestion(ix, req.GetQuestion())
	if err != nil {
		var nu *query.NotUnderstoodError
		if errors.As(err, &nu) {
			return nil, notUnderstood(nu)
		}
		return nil, queryStatus(ctx, err)
	}
	_, answers, err := query.Answers(ix, q, query.NewBudget(ctx, budget), size)
	if err != nil {
		return nil, queryStatus(ctx, err)
	}
	resp := &pb.AskResponse{
		Interpretation: query.Interpretation(ix, q),
		Query:          query.FormatPattern(q.Pattern),
		Pattern:        q.Pattern,
	}
	for _, a := range answers {
		resp.Results = append(resp.Results, matchResult(ix, a.Vars, a.Nodes, a.Rels))
		resp.Answers = append(resp.Answers, query.Sentence(ix, q, a))
	}
	return resp, nil
}

// notUnderstood explains a refused question: INVALID_ARGUMENT on the
// question field, with what was and was not understood in the ErrorInfo.
func notUnderstood(nu *query.NotUnderstoodError) error {
	return withDetails(status.New(codes.InvalidArgument, nu.Error()),
		&errdetails.BadRequest{FieldViolations: []*errdetails.BadRequest_FieldViolation{{Field: "question", Description: nu.Error()}}},
		&errdetails.ErrorInfo{Reason: ReasonNotUnderstood, Domain: ErrorDomain, Metadata: map[string]string{
			"reason":         nu.Reason,
			"understood":     strings.Join(nu.Understood, "; "),
			"not_understood": strings.Join(nu.NotUnderstood, "; "),
		}},
	)
}
