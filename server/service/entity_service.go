package service

import (
	"context"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"google.golang.org/grpc"
	"google.golang.org/grpc/metadata"
	"google.golang.org/protobuf/proto"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/server/apierr"
	"github.com/entitygraph/entitygraph/server/index"
	"github.com/entitygraph/entitygraph/server/linking"
	"github.com/entitygraph/entitygraph/server/namesearch"
	"github.com/entitygraph/entitygraph/server/timespan"
)

// Response headers every call carries.
const (
	// VersionHeader carries the version of the index that answered (its
	// snapshot version), so callers can tell which graph they saw.
	VersionHeader = "entitygraph-snapshot"
	// VocabularyHeader carries the digest of the vocabulary the graph is
	// written in, so clients can tell when to read it again.
	VocabularyHeader = "entitygraph-vocabulary"
)

// IndexSource gives the handlers the index to answer from. Each call
// answers from one index, read once at its start. [*index.Holder] is one.
type IndexSource interface {
	Current() *index.Index
}

// EntityService serves entitygraph.v1.EntityService from the current
// snapshot.
type EntityService struct {
	pb.UnimplementedEntityServiceServer
	indexes IndexSource
}

var _ pb.EntityServiceServer = (*EntityService)(nil)

// NewEntityService returns the handlers of EntityService over the indexes
// of src.
func NewEntityService(src IndexSource) *EntityService {
	return &EntityService{indexes: src}
}

// current returns the index this call answers from and tells the caller
// its version in a response header.
func current(ctx context.Context, src IndexSource) *index.Index {
	ix := src.Current()
	// Outside a gRPC call (direct calls from tests and benchmarks) there
	// is no header to set.
	if grpc.ServerTransportStreamFromContext(ctx) != nil {
		_ = grpc.SetHeader(ctx, metadata.Pairs(VersionHeader, ix.Version(), VocabularyHeader, ix.Vocabulary().Digest()))
	}
	return ix
}

// GetEntity returns one entity by resource name.
func (s *EntityService) GetEntity(ctx context.Context, req *pb.GetEntityRequest) (*pb.Entity, error) {
	var v violations
	v.checkName("name", req.GetName(), isEntity, wantEntity)
	v.view("view", req.GetView())
	if err := v.Err(); err != nil {
		return nil, err
	}
	e, err := current(ctx, s.indexes).Entity(req.GetName())
	if err != nil {
		return nil, apierr.ToStatus(ctx, err)
	}
	return inView(e, req.GetView()), nil
}

// inView returns the part of entity e that view asks for: e itself, or a
// new message with the basic fields.
func inView(e *pb.Entity, view pb.EntityView) *pb.Entity {
	if view != pb.EntityView_ENTITY_VIEW_BASIC {
		return e
	}
	return &pb.Entity{Name: e.GetName(), DisplayName: e.GetDisplayName(), Type: e.GetType()}
}

// BatchGetEntities returns entities by resource name, in request order.
func (s *EntityService) BatchGetEntities(ctx context.Context, req *pb.BatchGetEntitiesRequest) (*pb.BatchGetEntitiesResponse, error) {
	var v violations
	switch n := len(req.GetNames()); {
	case n == 0:
		v.Add("names", "required: at least one entity name")
	case n > maxBatchNames:
		v.Add("names", fmt.Sprintf("at most %d names, got %d", maxBatchNames, n))
	default:
		for i, name := range req.GetNames() {
			v.checkName("names["+strconv.Itoa(i)+"]", name, isEntity, wantEntity)
		}
	}
	v.view("view", req.GetView())
	if err := v.Err(); err != nil {
		return nil, err
	}
	ix := current(ctx, s.indexes)
	resp := &pb.BatchGetEntitiesResponse{Entities: make([]*pb.Entity, 0, len(req.GetNames()))}
	for _, name := range req.GetNames() {
		e, err := ix.Entity(name)
		if err != nil {
			return nil, apierr.ToStatus(ctx, err)
		}
		resp.Entities = append(resp.Entities, inView(e, req.GetView()))
	}
	return resp, nil
}

// SearchEntities finds entities by name or alias, best first.
func (s *EntityService) SearchEntities(ctx context.Context, req *pb.SearchEntitiesRequest) (*pb.SearchEntitiesResponse, error) {
	var v violations
	q := req.GetQuery()
	switch {
	case strings.TrimSpace(q) == "":
		v.Add("query", "required: the name or alias to look for")
	case !utf8.ValidString(q):
		v.Add("query", "not valid UTF-8")
	case utf8.RuneCountInString(q) > maxQueryRunes:
		v.Add("query", fmt.Sprintf("longer than %d characters", maxQueryRunes))
	}
	limit := v.pageSize("page_size", req.GetPageSize(), defaultSearch, maxSearchSize)
	v.types("types", req.GetTypes())
	if req.GetMaxEdits() > namesearch.MaxEdits {
		v.Add("max_edits", fmt.Sprintf("at most %d", namesearch.MaxEdits))
	}
	v.view("view", req.GetView())
	ix := current(ctx, s.indexes)
	kinds := v.kinds(ix.Vocabulary(), "kinds", req.GetKinds())
	if err := v.Err(); err != nil {
		return nil, err
	}
	results := ix.SearchEntities(q, index.SearchOptions{
		Limit: limit, MaxEdits: int(req.GetMaxEdits()), Types: req.GetTypes(), Kinds: kinds,
		Basic: req.GetView() == pb.EntityView_ENTITY_VIEW_BASIC,
	})
	resp := &pb.SearchEntitiesResponse{Results: make([]*pb.SearchResult, len(results))}
	for i, r := range results {
		resp.Results[i] = &pb.SearchResult{
			Entity:      inView(r.Entity, req.GetView()),
			Score:       r.Score,
			MatchedText: r.MatchedText,
			Language:    r.Language,
			MatchKind:   matchKinds[r.Kind],
			Edits:       int32(r.Edits),
		}
	}
	return resp, nil
}

// maxLinkTextBytes bounds the text LinkEntities reads.
const maxLinkTextBytes = 64 << 10

// LinkEntities finds the mentions of entities in a text.
func (s *EntityService) LinkEntities(ctx context.Context, req *pb.LinkEntitiesRequest) (*pb.LinkEntitiesResponse, error) {
	var v violations
	text := req.GetText()
	switch {
	case strings.TrimSpace(text) == "":
		v.Add("text", "required: the text to read for mentions of entities")
	case len(text) > maxLinkTextBytes:
		v.Add("text", fmt.Sprintf("longer than %d bytes (64 KiB); split the text at its paragraphs", maxLinkTextBytes))
	case !utf8.ValidString(text):
		v.Add("text", "not valid UTF-8")
	}
	v.types("types", req.GetTypes())
	if req.GetMaxEdits() > namesearch.MaxEdits {
		v.Add("max_edits", fmt.Sprintf("at most %d", namesearch.MaxEdits))
	}
	if c := req.GetMinConfidence(); !(c >= 0 && c <= 1) {
		v.Add("min_confidence", "from 0 to 1")
	}
	v.view("view", req.GetView())
	if err := v.Err(); err != nil {
		return nil, err
	}
	ix := current(ctx, s.indexes)
	mentions := linking.Link(ix, text, linking.Options{
		Types: req.GetTypes(), MaxEdits: int(req.GetMaxEdits()), MinConfidence: req.GetMinConfidence(), KnownOnly: req.GetKnownOnly(),
	})
	basic := req.GetView() == pb.EntityView_ENTITY_VIEW_BASIC
	resp := &pb.LinkEntitiesResponse{Mentions: make([]*pb.Mention, 0, len(mentions))}
	listed := map[index.Node]bool{}
	resourceNames := map[index.Node]string{}
	var fill pageFill
	chars, at := 0, 0 // code points before byte at
	for _, m := range mentions {
		pm := &pb.Mention{
			StartByte: int32(m.Start), EndByte: int32(m.End), Text: text[m.Start:m.End],
			Status: mentionStatuses[m.Status], Confidence: m.Confidence,
			GuessedType: m.GuessedType, GuessedKind: m.GuessedKind, GuessReason: m.GuessReason,
		}
		chars += utf8.RuneCountInString(text[at:m.Start])
		pm.StartChar = int32(chars)
		pm.EndChar = int32(chars + utf8.RuneCountInString(pm.Text))
		size := framed(pm)
		var added []*pb.Entity
		for _, c := range m.Candidates {
			entity, ok := resourceNames[c.Node]
			if !ok {
				entity = ix.NodeName(c.Node)
				resourceNames[c.Node] = entity
			}
			pc := &pb.LinkCandidate{
				Entity: entity, MatchedText: c.Matched.Text, Language: c.Matched.Language,
				Match: linkMatches[c.Match], Edits: int32(c.Edits), Confidence: c.Confidence,
			}
			pm.Candidates = append(pm.Candidates, pc)
			size += framed(pc)
			if !listed[c.Node] {
				e := ix.EntityMessage(c.Node, basic)
				added = append(added, e)
				size += framed(e)
			}
		}
		if !fill.add(size) {
			resp.ResumeByte = int32(m.Start)
			break
		}
		for _, c := range m.Candidates {
			listed[c.Node] = true
		}
		resp.Mentions = append(resp.Mentions, pm)
		resp.Entities = append(resp.Entities, added...)
		chars, at = int(pm.StartChar), m.Start
	}
	return resp, nil
}

var mentionStatuses = map[linking.Status]pb.MentionStatus{
	linking.Linked:    pb.MentionStatus_MENTION_STATUS_LINKED,
	linking.Ambiguous: pb.MentionStatus_MENTION_STATUS_AMBIGUOUS,
	linking.Unknown:   pb.MentionStatus_MENTION_STATUS_UNKNOWN,
}

var linkMatches = map[linking.Match]pb.LinkMatch{
	linking.ByName:    pb.LinkMatch_LINK_MATCH_NAME,
	linking.ByAlias:   pb.LinkMatch_LINK_MATCH_ALIAS,
	linking.Fuzzy:     pb.LinkMatch_LINK_MATCH_FUZZY,
	linking.Partial:   pb.LinkMatch_LINK_MATCH_PARTIAL,
	linking.PlaceName: pb.LinkMatch_LINK_MATCH_PLACE_NAME,
}

// Statement search limits.
const (
	maxStatementQueryBytes = 512
	defaultStatementPage   = 10
	maxStatementPage       = 100
)

// SearchRelations finds relations by the words of their statements.
func (s *EntityService) SearchRelations(ctx context.Context, req *pb.SearchRelationsRequest) (*pb.SearchRelationsResponse, error) {
	var v violations
	q := req.GetQuery()
	switch {
	case strings.TrimSpace(q) == "":
		v.Add("query", "required: words or a phrase to look for")
	case len(q) > maxStatementQueryBytes:
		v.Add("query", fmt.Sprintf("longer than %d bytes", maxStatementQueryBytes))
	case !utf8.ValidString(q):
		v.Add("query", "not valid UTF-8")
	}
	v.checkOptionalName("endpoint", req.GetEndpoint(), isEndpoint, wantEndpoint)
	v.checkOptionalName("document", req.GetDocument(), isDocument, wantDocument)
	ix := current(ctx, s.indexes)
	preds := v.predicates(ix.Vocabulary(), "predicates", req.GetPredicates())
	size := v.pageSize("page_size", req.GetPageSize(), defaultStatementPage, maxStatementPage)
	var span timespan.Span
	if from, to := req.GetTimeFrom(), req.GetTimeTo(); from != "" || to != "" {
		lo, hi := timespan.Span{Lo: math.MinInt32, OK: true}, timespan.Span{Hi: math.MaxInt32, OK: true}
		if from != "" {
			if lo = timespan.Parse(from); !lo.OK {
				v.Add("time_from", fmt.Sprintf("%q is not a date; want 2021, 2025-05 or 2025-05-08", from))
			}
		}
		if to != "" {
			if hi = timespan.Parse(to); !hi.OK {
				v.Add("time_to", fmt.Sprintf("%q is not a date; want 2021, 2025-05 or 2025-05-08", to))
			}
		}
		span = timespan.Span{Lo: lo.Lo, Hi: hi.Hi, OK: lo.OK && hi.OK && lo.Lo <= hi.Hi}
		if lo.OK && hi.OK && lo.Lo > hi.Hi {
			v.Add("time_to", "before time_from")
		}
	}
	predKeys := make([]string, len(preds))
	for i, p := range preds {
		predKeys[i] = ix.Vocabulary().Predicate(p).Key
	}
	fp := fingerprint("statements", q, req.GetEndpoint(), strings.Join(predKeys, ","), req.GetDocument(),
		req.GetTimeFrom(), req.GetTimeTo(), strconv.FormatBool(req.GetIncludeAllRanks()))
	offset, err := pageOffset(&v, req.GetPageToken(), fp, ix.Version())
	if err != nil {
		return nil, err
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	endpoint := index.Node(-1)
	if req.GetEndpoint() != "" {
		n, ok := ix.NodeOf(req.GetEndpoint())
		if !ok {
			return nil, apierr.ToStatus(ctx, &index.NotFoundError{Kind: "node", Name: req.GetEndpoint()})
		}
		endpoint = n
	}
	if d := req.GetDocument(); d != "" {
		if _, err := ix.Document(d, false); err != nil {
			return nil, apierr.ToStatus(ctx, err)
		}
	}
	opts := index.StatementOptions{Entity: endpoint, Document: req.GetDocument(), Time: span,
		AllRanks: req.GetIncludeAllRanks(), Offset: offset, Limit: size}
	if len(req.GetPredicates()) > 0 {
		opts.Predicates = preds
	}
	hits, more := ix.SearchStatements(q, opts)
	resp := &pb.SearchRelationsResponse{Results: make([]*pb.RelationMatch, len(hits))}
	for i, h := range hits {
		resp.Results[i] = relationMatch(ix, h)
	}
	if more {
		resp.NextPageToken = encodePageToken(offset+len(hits), fp, ix.Version())
	}
	return resp, nil
}

// relationMatch is a statement search's hit as the API says it.
func relationMatch(ix *index.Index, h index.StatementHit) *pb.RelationMatch {
	m := &pb.RelationMatch{Relation: ix.RelationAt(h.Rel), Score: h.Score, ReadingMatched: h.Reading}
	for _, hl := range h.Highlights {
		m.Highlights = append(m.Highlights, &pb.Highlight{Evidence: int32(hl.Evidence), Document: hl.Document,
			StartChar: hl.StartChar, EndChar: hl.EndChar, StartByte: hl.StartByte, EndByte: hl.EndByte})
	}
	return m
}

var matchKinds = map[namesearch.MatchKind]pb.MatchKind{
	namesearch.Exact:  pb.MatchKind_MATCH_KIND_EXACT,
	namesearch.Prefix: pb.MatchKind_MATCH_KIND_PREFIX,
	namesearch.Token:  pb.MatchKind_MATCH_KIND_TOKEN,
	namesearch.Fuzzy:  pb.MatchKind_MATCH_KIND_FUZZY,
}

// GetRelation returns one relation by resource name.
func (s *EntityService) GetRelation(ctx context.Context, req *pb.GetRelationRequest) (*pb.Relation, error) {
	var v violations
	v.checkName("name", req.GetName(), isRelation, wantRelation)
	if err := v.Err(); err != nil {
		return nil, err
	}
	r, err := current(ctx, s.indexes).Relation(req.GetName())
	return r, apierr.ToStatus(ctx, err)
}

// ListRelations lists the relations that match the request's filters, a page
// at a time.
func (s *EntityService) ListRelations(ctx context.Context, req *pb.ListRelationsRequest) (*pb.ListRelationsResponse, error) {
	var v violations
	v.checkOptionalName("subject", req.GetSubject(), isEndpoint, wantEndpoint)
	v.checkOptionalName("object", req.GetObject(), isEndpoint, wantEndpoint)
	v.checkOptionalName("endpoint", req.GetEndpoint(), isEndpoint, wantEndpoint)
	v.checkOptionalName("document", req.GetDocument(), isDocument, wantDocument)
	v.view("view", req.GetView())
	ix := current(ctx, s.indexes)
	preds := v.predicates(ix.Vocabulary(), "predicates", req.GetPredicates())
	size := v.pageSize("page_size", req.GetPageSize(), defaultListPage, maxListPageSize)
	predKeys := make([]string, len(preds))
	for i, p := range preds {
		predKeys[i] = ix.Vocabulary().Predicate(p).Key
	}
	fp := fingerprint("relations", req.GetSubject(), req.GetObject(), req.GetEndpoint(), strings.Join(predKeys, ","),
		req.GetDocument(), strconv.FormatBool(req.GetIncludeAllRanks()))
	offset, err := pageOffset(&v, req.GetPageToken(), fp, ix.Version())
	if err != nil {
		return nil, err
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	page, total, err := ix.Relations(index.RelationFilter{
		Subject: req.GetSubject(), Object: req.GetObject(), Endpoint: req.GetEndpoint(), Predicates: preds,
		Document: req.GetDocument(), AllRanks: req.GetIncludeAllRanks(),
	}, offset, size)
	if err != nil {
		return nil, apierr.ToStatus(ctx, err)
	}
	resp := &pb.ListRelationsResponse{TotalSize: int32(total)}
	fill := pageFill{bytes: proto.Size(resp)}
	for _, r := range page {
		r = relationInView(r, req.GetView())
		if !fill.add(framed(r)) {
			break
		}
		resp.Relations = append(resp.Relations, r)
	}
	if next := offset + len(resp.Relations); next < total {
		resp.NextPageToken = encodePageToken(next, fp, ix.Version())
	}
	return resp, nil
}

// relationInView returns the part of relation r that view asks for: r
// itself, or a new message with the basic fields.
func relationInView(r *pb.Relation, view pb.RelationView) *pb.Relation {
	if view != pb.RelationView_RELATION_VIEW_BASIC {
		return r
	}
	return &pb.Relation{Name: r.GetName(), Subject: r.GetSubject(), Predicate: r.GetPredicate(), Object: r.GetObject(), Summary: r.GetSummary()}
}

// GetDocument returns one source document, with its text in the full view.
func (s *EntityService) GetDocument(ctx context.Context, req *pb.GetDocumentRequest) (*pb.Document, error) {
	var v violations
	v.checkName("name", req.GetName(), isDocument, wantDocument)
	v.view("view", req.GetView())
	if err := v.Err(); err != nil {
		return nil, err
	}
	d, err := current(ctx, s.indexes).Document(req.GetName(), req.GetView() == pb.DocumentView_DOCUMENT_VIEW_FULL)
	return d, apierr.ToStatus(ctx, err)
}

// ListDocuments lists the source documents, without their text.
func (s *EntityService) ListDocuments(ctx context.Context, req *pb.ListDocumentsRequest) (*pb.ListDocumentsResponse, error) {
	var v violations
	size := v.pageSize("page_size", req.GetPageSize(), defaultListPage, maxListPageSize)
	ix := current(ctx, s.indexes)
	fp := fingerprint("documents")
	offset, err := pageOffset(&v, req.GetPageToken(), fp, ix.Version())
	if err != nil {
		return nil, err
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	docs, total := ix.DocumentPage(offset, size)
	end := min(offset, total) + len(docs)
	resp := &pb.ListDocumentsResponse{Documents: docs, TotalSize: int32(total)}
	if end < total {
		resp.NextPageToken = encodePageToken(end, fp, ix.Version())
	}
	return resp, nil
}
