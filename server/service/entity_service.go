package service

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"google.golang.org/grpc"
	"google.golang.org/grpc/metadata"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/server/index"
	"github.com/entitygraph/entitygraph/server/namesearch"
	"github.com/entitygraph/entitygraph/server/resource"
	"github.com/entitygraph/entitygraph/server/vocab"
)

// SnapshotHeader is the response header that carries the version of the
// graph snapshot that answered, so callers can tell which graph they saw.
const SnapshotHeader = "entitygraph-snapshot"

// Snapshots gives the handlers the graph snapshot to answer from. Each call
// answers from one snapshot, read once at its start.
type Snapshots interface {
	Current() *index.Index
}

// EntityService serves entitygraph.v1.EntityService from the current
// snapshot.
type EntityService struct {
	pb.UnimplementedEntityServiceServer
	snapshots Snapshots
}

var _ pb.EntityServiceServer = (*EntityService)(nil)

// NewEntityService returns the handlers of EntityService over snapshots.
func NewEntityService(snapshots Snapshots) *EntityService {
	return &EntityService{snapshots: snapshots}
}

// snapshot returns the snapshot this call answers from and tells the caller
// its version in a response header.
func snapshot(ctx context.Context, s Snapshots) *index.Index {
	ix := s.Current()
	// Outside a gRPC call (direct calls from tests and benchmarks) there
	// is no header to set.
	if grpc.ServerTransportStreamFromContext(ctx) != nil {
		_ = grpc.SetHeader(ctx, metadata.Pairs(SnapshotHeader, ix.Version()))
	}
	return ix
}

// GetEntity returns one entity by resource name.
func (s *EntityService) GetEntity(ctx context.Context, req *pb.GetEntityRequest) (*pb.Entity, error) {
	var v fieldViolations
	v.checkName("name", req.GetName(), isEntity, wantEntity)
	if err := v.err(); err != nil {
		return nil, err
	}
	e, err := snapshot(ctx, s.snapshots).Entity(req.GetName())
	return e, toStatus(ctx, err)
}

// BatchGetEntities returns entities by resource name, in request order.
func (s *EntityService) BatchGetEntities(ctx context.Context, req *pb.BatchGetEntitiesRequest) (*pb.BatchGetEntitiesResponse, error) {
	var v fieldViolations
	switch n := len(req.GetNames()); {
	case n == 0:
		v.add("names", "required: at least one entity name")
	case n > maxBatchNames:
		v.add("names", fmt.Sprintf("at most %d names, got %d", maxBatchNames, n))
	default:
		for i, name := range req.GetNames() {
			v.checkName("names["+strconv.Itoa(i)+"]", name, isEntity, wantEntity)
		}
	}
	if err := v.err(); err != nil {
		return nil, err
	}
	ix := snapshot(ctx, s.snapshots)
	resp := &pb.BatchGetEntitiesResponse{Entities: make([]*pb.Entity, 0, len(req.GetNames()))}
	for _, name := range req.GetNames() {
		e, err := ix.Entity(name)
		if err != nil {
			return nil, toStatus(ctx, err)
		}
		resp.Entities = append(resp.Entities, e)
	}
	return resp, nil
}

// SearchEntities finds entities by name or alias, best first.
func (s *EntityService) SearchEntities(ctx context.Context, req *pb.SearchEntitiesRequest) (*pb.SearchEntitiesResponse, error) {
	var v fieldViolations
	q := req.GetQuery()
	switch {
	case strings.TrimSpace(q) == "":
		v.add("query", "required: the name or alias to look for")
	case !utf8.ValidString(q):
		v.add("query", "not valid UTF-8")
	case utf8.RuneCountInString(q) > maxQueryRunes:
		v.add("query", fmt.Sprintf("longer than %d characters", maxQueryRunes))
	}
	limit := v.pageSize("page_size", req.GetPageSize(), defaultSearch, maxSearchSize)
	for i, t := range req.GetTypes() {
		if _, ok := resource.CollectionOf(t); !ok {
			v.add("types["+strconv.Itoa(i)+"]", fmt.Sprintf("unknown type %q; want organization, person, place or topic", t))
		}
	}
	if req.GetMaxEdits() > namesearch.MaxEdits {
		v.add("max_edits", fmt.Sprintf("at most %d", namesearch.MaxEdits))
	}
	if err := v.err(); err != nil {
		return nil, err
	}
	results := snapshot(ctx, s.snapshots).Search(q, index.SearchOptions{
		Limit: limit, MaxEdits: int(req.GetMaxEdits()), Types: req.GetTypes(),
	})
	resp := &pb.SearchEntitiesResponse{Results: make([]*pb.SearchResult, len(results))}
	for i, r := range results {
		resp.Results[i] = &pb.SearchResult{
			Entity:      r.Entity,
			Score:       r.Score,
			MatchedText: r.MatchedText,
			Language:    r.Language,
			MatchKind:   matchKinds[r.Kind],
			Edits:       int32(r.Edits),
		}
	}
	return resp, nil
}

var matchKinds = map[namesearch.MatchKind]pb.MatchKind{
	namesearch.Exact:  pb.MatchKind_MATCH_KIND_EXACT,
	namesearch.Prefix: pb.MatchKind_MATCH_KIND_PREFIX,
	namesearch.Token:  pb.MatchKind_MATCH_KIND_TOKEN,
	namesearch.Fuzzy:  pb.MatchKind_MATCH_KIND_FUZZY,
}

// GetRelation returns one relation by resource name.
func (s *EntityService) GetRelation(ctx context.Context, req *pb.GetRelationRequest) (*pb.Relation, error) {
	var v fieldViolations
	v.checkName("name", req.GetName(), isRelation, wantRelation)
	if err := v.err(); err != nil {
		return nil, err
	}
	r, err := snapshot(ctx, s.snapshots).Relation(req.GetName())
	return r, toStatus(ctx, err)
}

// ListRelations lists the relations that match the request's filters, a page
// at a time.
func (s *EntityService) ListRelations(ctx context.Context, req *pb.ListRelationsRequest) (*pb.ListRelationsResponse, error) {
	var v fieldViolations
	v.checkOptionalName("subject", req.GetSubject(), isEndpoint, wantEndpoint)
	v.checkOptionalName("object", req.GetObject(), isEndpoint, wantEndpoint)
	v.checkOptionalName("endpoint", req.GetEndpoint(), isEndpoint, wantEndpoint)
	preds := make([]string, 0, len(req.GetPredicates()))
	for i, p := range req.GetPredicates() {
		if _, ok := vocab.Lookup(p); !ok {
			v.add("predicates["+strconv.Itoa(i)+"]", fmt.Sprintf("unknown predicate %v; see ListPredicates", p))
		}
		preds = append(preds, strconv.Itoa(int(p)))
	}
	size := v.pageSize("page_size", req.GetPageSize(), defaultListPage, maxListPageSize)
	fp := fingerprint("relations", req.GetSubject(), req.GetObject(), req.GetEndpoint(), strings.Join(preds, ","))
	offset, err := decodePageToken(req.GetPageToken(), fp)
	if err != nil {
		v.add("page_token", err.Error())
	}
	if err := v.err(); err != nil {
		return nil, err
	}
	page, total, err := snapshot(ctx, s.snapshots).Relations(index.RelationFilter{
		Subject: req.GetSubject(), Object: req.GetObject(), Endpoint: req.GetEndpoint(), Predicates: req.GetPredicates(),
	}, offset, size)
	if err != nil {
		return nil, toStatus(ctx, err)
	}
	resp := &pb.ListRelationsResponse{Relations: page, TotalSize: int32(total)}
	if next := offset + len(page); next < total {
		resp.NextPageToken = encodePageToken(next, fp)
	}
	return resp, nil
}

// ListPredicates returns the predicate vocabulary.
func (s *EntityService) ListPredicates(context.Context, *pb.ListPredicatesRequest) (*pb.ListPredicatesResponse, error) {
	return &pb.ListPredicatesResponse{Predicates: vocab.Info()}, nil
}

// GetDocument returns one source document, with its text in the full view.
func (s *EntityService) GetDocument(ctx context.Context, req *pb.GetDocumentRequest) (*pb.Document, error) {
	var v fieldViolations
	v.checkName("name", req.GetName(), isDocument, wantDocument)
	if _, ok := pb.DocumentView_name[int32(req.GetView())]; !ok {
		v.add("view", fmt.Sprintf("unknown view %d", req.GetView()))
	}
	if err := v.err(); err != nil {
		return nil, err
	}
	d, err := snapshot(ctx, s.snapshots).Document(req.GetName(), req.GetView() == pb.DocumentView_DOCUMENT_VIEW_FULL)
	return d, toStatus(ctx, err)
}

// ListDocuments lists the source documents, without their text.
func (s *EntityService) ListDocuments(ctx context.Context, req *pb.ListDocumentsRequest) (*pb.ListDocumentsResponse, error) {
	var v fieldViolations
	size := v.pageSize("page_size", req.GetPageSize(), defaultListPage, maxListPageSize)
	fp := fingerprint("documents")
	offset, err := decodePageToken(req.GetPageToken(), fp)
	if err != nil {
		v.add("page_token", err.Error())
	}
	if err := v.err(); err != nil {
		return nil, err
	}
	docs, total := snapshot(ctx, s.snapshots).DocumentPage(offset, size)
	end := min(offset, total) + len(docs)
	resp := &pb.ListDocumentsResponse{Documents: docs, TotalSize: int32(total)}
	if end < total {
		resp.NextPageToken = encodePageToken(end, fp)
	}
	return resp, nil
}
