package service

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/server/apierr"
	"github.com/entitygraph/entitygraph/server/ask"
	"github.com/entitygraph/entitygraph/server/budget"
	"github.com/entitygraph/entitygraph/server/index"
	"github.com/entitygraph/entitygraph/server/paths"
	"github.com/entitygraph/entitygraph/server/pattern"
)

// QueryService serves entitygraph.v1.QueryService from the current
// snapshot: paths, traversals, pattern queries and questions.
type QueryService struct {
	pb.UnimplementedQueryServiceServer
	indexes IndexSource
}

var _ pb.QueryServiceServer = (*QueryService)(nil)

// NewQueryService returns the handlers of QueryService over the indexes of
// src.
func NewQueryService(src IndexSource) *QueryService {
	return &QueryService{indexes: src}
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

// maxPageBytes bounds the encoded size of a page of results (Match,
// ListRelations, Ask): under the 4 MiB a gRPC client receives by default
// (grpc-go, grpcio, grpc-java and grpc-js alike), with room for the
// response's other fields. A page that would pass it ends early, with a
// next_page_token; one result larger than the bound is still sent, alone.
const maxPageBytes = 3 << 20

// pageFill counts the encoded bytes of a page as its results are added, so
// that it ends before maxPageBytes.
type pageFill struct {
	bytes   int // the page so far
	results int // how many results it holds
}

// add reports whether a result of n encoded bytes still fits the page,
// and counts it when it does; the first result always fits.
func (p *pageFill) add(n int) bool {
	if p.results > 0 && p.bytes+n > maxPageBytes {
		return false
	}
	p.bytes += n
	p.results++
	return true
}

// framed is the encoded size of m as a field of another message: with its
// field tag and length prefix, at most 1 + 5 bytes.
func framed(m proto.Message) int { return proto.Size(m) + 6 }

// node resolves a validated endpoint name to a node of ix.
func node(ix *index.Index, name string) (index.Node, error) {
	n, ok := ix.NodeOf(name)
	if !ok {
		return 0, &index.NotFoundError{Kind: "node", Name: name}
	}
	return n, nil
}

func hop(ix *index.Index, h paths.Hop) *pb.Hop {
	return &pb.Hop{
		Source:   ix.NodeName(h.From),
		Target:   ix.NodeName(h.To),
		Kind:     h.Kind,
		Relation: ix.RelationAt(h.Rel),
		Reading:  paths.HopReading(ix, h),
	}
}

// FindPaths returns the k shortest paths between two nodes.
func (s *QueryService) FindPaths(ctx context.Context, req *pb.FindPathsRequest) (*pb.FindPathsResponse, error) {
	var v violations
	v.checkName("source", req.GetSource(), isEndpoint, wantEndpoint)
	v.checkName("target", req.GetTarget(), isEndpoint, wantEndpoint)
	hops := v.bounded("max_hops", req.GetMaxHops(), defaultMaxHops, maxHops)
	k := v.bounded("max_paths", req.GetMaxPaths(), defaultMaxPaths, maxPaths)
	ix := current(ctx, s.indexes)
	preds := v.predicates(ix.Vocabulary(), "predicates", req.GetPredicates())
	v.direction("direction", req.GetDirection())
	limit := v.budget("limits", req.GetLimits())
	if err := v.Err(); err != nil {
		return nil, err
	}
	from, err := node(ix, req.GetSource())
	if err != nil {
		return nil, apierr.ToStatus(ctx, err)
	}
	to, err := node(ix, req.GetTarget())
	if err != nil {
		return nil, apierr.ToStatus(ctx, err)
	}
	b := budget.New(ctx, limit)
	found, err := paths.FindPaths(ix, paths.Query{
		From: from, To: to, MaxHops: hops, MaxPaths: k, Predicates: preds, Direction: req.GetDirection(),
		AllRanks: req.GetIncludeAllRanks(),
	}, b)
	if err != nil {
		return nil, apierr.ToStatus(ctx, err)
	}
	resp := &pb.FindPathsResponse{EdgesVisited: b.Used()}
	for _, p := range found {
		out := &pb.Path{}
		for _, n := range p.Nodes {
			out.Nodes = append(out.Nodes, ix.NodeName(n))
		}
		for _, h := range p.Hops {
			out.Hops = append(out.Hops, hop(ix, h))
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
	var v violations
	switch n := len(req.GetStart()); {
	case n == 0:
		v.Add("start", "required: at least one entity or relation name")
	case n > maxStarts:
		v.Add("start", fmt.Sprintf("at most %d names, got %d", maxStarts, n))
	default:
		for i, name := range req.GetStart() {
			v.checkName("start["+strconv.Itoa(i)+"]", name, isEndpoint, wantEndpoint)
		}
	}
	depth := v.bounded("max_depth", req.GetMaxDepth(), defaultDepth, maxDepth)
	limit := v.bounded("limit", req.GetLimit(), defaultTraverse, maxTraverse)
	ix := current(ctx, s.indexes)
	preds := v.predicates(ix.Vocabulary(), "predicates", req.GetPredicates())
	v.direction("direction", req.GetDirection())
	edges := v.budget("limits", req.GetLimits())
	if err := v.Err(); err != nil {
		return err
	}
	starts := make([]index.Node, 0, len(req.GetStart()))
	for _, name := range req.GetStart() {
		n, err := node(ix, name)
		if err != nil {
			return apierr.ToStatus(ctx, err)
		}
		starts = append(starts, n)
	}
	err := paths.Traverse(ix, paths.TraverseQuery{
		Start: starts, MaxDepth: depth, Limit: limit, Predicates: preds, Direction: req.GetDirection(), AllRanks: req.GetIncludeAllRanks(),
	}, budget.New(ctx, edges), func(it paths.Item) error {
		resp := &pb.TraverseResponse{Depth: int32(it.Depth)}
		if it.Via != nil {
			resp.Via = hop(ix, *it.Via)
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
		return apierr.ToStatus(ctx, err)
	}
	return nil
}

// Match runs a pattern query and returns a page of bindings.
func (s *QueryService) Match(ctx context.Context, req *pb.MatchRequest) (*pb.MatchResponse, error) {
	var v violations
	size := v.pageSize("page_size", req.GetPageSize(), defaultMatchPage, maxMatchPage)
	edges := v.budget("limits", req.GetLimits())
	v.view("view", req.GetView())
	switch q := req.GetQuery().(type) {
	case nil:
		v.Add("query", "required: a pattern or text")
	case *pb.MatchRequest_Text:
		if strings.TrimSpace(q.Text) == "" {
			v.Add("text", "required: a query such as ?who COORDINATES_AGAINST ?deal")
		} else if len(q.Text) > pattern.MaxTextBytes {
			v.Add("text", fmt.Sprintf("longer than %d bytes", pattern.MaxTextBytes))
		} else if !utf8.ValidString(q.Text) {
			v.Add("text", "not valid UTF-8")
		}
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	ix := current(ctx, s.indexes)
	pat := req.GetPattern()
	if pat == nil {
		var err error
		if pat, err = pattern.ParseText(ix, req.GetText()); err != nil {
			return nil, apierr.ToStatus(ctx, err)
		}
	}
	q, err := pattern.Compile(ix, pat, pattern.Options{AllRanks: req.GetIncludeAllRanks()})
	if err != nil {
		return nil, apierr.ToStatus(ctx, err)
	}
	canonical := pattern.Format(pat)
	fp := fingerprint("match", canonical, strconv.FormatBool(req.GetIncludeAllRanks()))
	offset, err := pageOffset(&v, req.GetPageToken(), fp, ix.Version())
	if err == nil {
		err = v.Err()
	}
	if err != nil {
		return nil, err
	}
	b := budget.New(ctx, edges)
	sols, more, err := q.Run(b, offset, size)
	if err != nil {
		return nil, apierr.ToStatus(ctx, err)
	}
	resp := &pb.MatchResponse{Pattern: pat, CanonicalText: canonical, EdgesVisited: b.Used()}
	if req.GetExplain() {
		resp.Plan = q.Plan()
	}
	var refs *references
	if req.GetView() == pb.MatchView_MATCH_VIEW_REFERENCES {
		refs = &references{seen: map[string]bool{}}
	}
	fill := pageFill{bytes: proto.Size(resp)}
	for k, sol := range sols {
		res := matchResult(ix, q.Vars(), sol.Nodes, sol.Rels, sol.Literal)
		res.Count = sol.Count
		n := framed(res)
		var ents []*pb.Entity
		var rels []*pb.Relation
		if refs != nil {
			ents, rels = refs.take(res, q.Vars())
			for _, e := range ents {
				n += framed(e)
			}
			for _, r := range rels {
				n += framed(r)
			}
		}
		if !fill.add(n) {
			sols, more = sols[:k], true
			break
		}
		resp.Results = append(resp.Results, res)
		if refs != nil {
			refs.keep(ents, rels)
			resp.Entities, resp.Relations = append(resp.Entities, ents...), append(resp.Relations, rels...)
		}
	}
	if more {
		resp.NextPageToken = encodePageToken(offset+len(sols), fp, ix.Version())
	}
	return resp, nil
}

// matchResult builds one result: vars[i] is bound to nodes[i], a node, a
// literal whose text literal returns, or nothing; rels lists the relations
// the clauses matched, pattern.NoRel where one matched none.
func matchResult(ix *index.Index, vars []string, nodes []index.Node, rels []index.Rel, literal func(index.Node) string) *pb.MatchResult {
	res := &pb.MatchResult{Bindings: make(map[string]*pb.Binding, len(vars))}
	for i, name := range vars {
		b := &pb.Binding{}
		switch {
		case nodes[i] == pattern.Unbound:
			continue
		case pattern.IsLiteral(nodes[i]):
			b.Value = &pb.Binding_Text{Text: literal(nodes[i])}
			res.Bindings[name] = b
			continue
		}
		if e := ix.NodeEntity(nodes[i]); e != nil {
			b.Value = &pb.Binding_Entity{Entity: e}
		} else {
			r, _ := ix.NodeRelation(nodes[i])
			b.Value = &pb.Binding_Relation{Relation: ix.RelationAt(r)}
		}
		res.Bindings[name] = b
	}
	for _, r := range rels {
		if r != pattern.NoRel {
			res.Relations = append(res.Relations, ix.RelationAt(r))
		}
	}
	return res
}

// references turns a page's results into MATCH_VIEW_REFERENCES: each
// entity and relation a result binds or matched becomes its name alone,
// and is sent whole once, in MatchResponse.entities and .relations.
type references struct {
	// seen holds the names the page already sends whole.
	seen map[string]bool
}

// take replaces the entities and relations of res by their names, and
// returns those the page does not send yet, in the order res names them:
// its bindings in the order of vars, the query's variables, then its
// relations. Until keep, they stay unsent: a result that does not fit the
// page leaves nothing behind.
func (r *references) take(res *pb.MatchResult, vars []string) ([]*pb.Entity, []*pb.Relation) {
	var ents []*pb.Entity
	var rels []*pb.Relation
	fresh := map[string]bool{}
	isNew := func(name string) bool {
		if r.seen[name] || fresh[name] {
			return false
		}
		fresh[name] = true
		return true
	}
	for _, name := range vars {
		switch v := res.GetBindings()[name].GetValue().(type) {
		case *pb.Binding_Entity:
			if isNew(v.Entity.GetName()) {
				ents = append(ents, v.Entity)
			}
			v.Entity = &pb.Entity{Name: v.Entity.GetName()}
		case *pb.Binding_Relation:
			if isNew(v.Relation.GetName()) {
				rels = append(rels, v.Relation)
			}
			v.Relation = &pb.Relation{Name: v.Relation.GetName()}
		}
	}
	for i, rel := range res.GetRelations() {
		if isNew(rel.GetName()) {
			rels = append(rels, rel)
		}
		res.Relations[i] = &pb.Relation{Name: rel.GetName()}
	}
	return ents, rels
}

// keep records that the page sends ents and rels.
func (r *references) keep(ents []*pb.Entity, rels []*pb.Relation) {
	for _, e := range ents {
		r.seen[e.GetName()] = true
	}
	for _, rel := range rels {
		r.seen[rel.GetName()] = true
	}
}

// Ask compiles a question into a pattern, runs it, and returns the answers
// with the query that produced them.
func (s *QueryService) Ask(ctx context.Context, req *pb.AskRequest) (*pb.AskResponse, error) {
	var v violations
	size := v.pageSize("page_size", req.GetPageSize(), defaultMatchPage, maxMatchPage)
	edges := v.budget("limits", req.GetLimits())
	if err := v.Err(); err != nil {
		return nil, err
	}
	ix := current(ctx, s.indexes)
	res, err := ask.Ask(ix, req.GetQuestion(), budget.New(ctx, edges), size, pattern.Options{AllRanks: req.GetIncludeAllRanks()})
	if err != nil {
		return nil, apierr.ToStatus(ctx, err)
	}
	resp := &pb.AskResponse{Interpretation: res.Interpretation, Query: res.Text, Pattern: res.Question.Pattern, Verdict: res.Verdict,
		Understood: res.Question.Understood, SkippedWords: res.Question.Skipped}
	resp.MoreResults = res.More
	var fill pageFill
	for _, a := range res.Answers {
		r := matchResult(ix, a.Vars, a.Nodes, a.Rels, a.Literal)
		// The result and its sentence, each framed as a field.
		if !fill.add(framed(r) + len(a.Sentence) + 6) {
			resp.MoreResults = true
			break
		}
		resp.Results = append(resp.Results, r)
		if !res.Question.YesNo && !res.Question.Count {
			resp.Answers = append(resp.Answers, a.Sentence)
		}
	}
	switch {
	case res.Question.YesNo:
		resp.Answers = []string{ask.VerdictSentence(ix, res.Verdict, res.Deciding)}
	case res.Question.Count:
		resp.Count = proto.Int64(int64(res.Count))
		resp.Answers = []string{ask.CountSentence(ix, res)}
	case len(res.Deciding) > 0:
		resp.Answers = []string{ask.NoAnswerSentence(ix, res.Deciding)}
	}
	for _, r := range res.Deciding {
		resp.DecidingRelations = append(resp.DecidingRelations, ix.RelationAt(r))
	}
	if res.Verdict == pb.Verdict_VERDICT_UNKNOWN || !res.Question.YesNo && len(resp.Results) == 0 {
		resp.Suggestions = suggestions(ix, req.GetQuestion(), req.GetIncludeAllRanks())
	}
	return resp, nil
}

// maxSuggestions bounds the statements an unanswered question suggests.
const maxSuggestions = 3

// suggestions are the statements closest to an unanswered question's
// words. They are not filtered by the entities it names: its words hold
// their names, which rank their statements first, and an unfiltered
// search keeps its bounded cost (see textsearch).
func suggestions(ix *index.Index, question string, allRanks bool) []*pb.RelationMatch {
	hits, _ := ix.SearchStatements(question, index.StatementOptions{Entity: -1, AllRanks: allRanks, Limit: maxSuggestions})
	out := make([]*pb.RelationMatch, len(hits))
	for i, h := range hits {
		out[i] = relationMatch(ix, h)
	}
	return out
}
