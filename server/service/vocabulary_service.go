package service

import (
	"context"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/server/apierr"
	"github.com/entitygraph/entitygraph/server/index"
	"github.com/entitygraph/entitygraph/server/resource"
)

// VocabularyService serves entitygraph.v1.VocabularyService: the predicates
// and kinds of the current index's vocabulary.
type VocabularyService struct {
	pb.UnimplementedVocabularyServiceServer
	indexes IndexSource
}

var _ pb.VocabularyServiceServer = (*VocabularyService)(nil)

// NewVocabularyService returns the handlers of VocabularyService over the
// indexes of src.
func NewVocabularyService(src IndexSource) *VocabularyService {
	return &VocabularyService{indexes: src}
}

// Vocabulary list limits.
const (
	defaultVocabPage = 1000
	maxVocabPage     = 1000
)

const (
	wantPredicate = "a predicate name such as predicates/acquires"
	wantKind      = "a kind name such as kinds/company"
)

func isPredicate(c resource.Collection) bool { return c == resource.Predicates }
func isKind(c resource.Collection) bool      { return c == resource.Kinds }

// GetPredicate returns one predicate by resource name.
func (s *VocabularyService) GetPredicate(ctx context.Context, req *pb.GetPredicateRequest) (*pb.Predicate, error) {
	var v violations
	v.checkName("name", req.GetName(), isPredicate, wantPredicate)
	if err := v.Err(); err != nil {
		return nil, err
	}
	p, ok := current(ctx, s.indexes).Vocabulary().Lookup(req.GetName())
	if !ok || p.Name != req.GetName() {
		return nil, apierr.ToStatus(ctx, &index.NotFoundError{Kind: "predicate", Name: req.GetName()})
	}
	return p.Message(), nil
}

// ListPredicates lists the predicates, a page at a time.
func (s *VocabularyService) ListPredicates(ctx context.Context, req *pb.ListPredicatesRequest) (*pb.ListPredicatesResponse, error) {
	var v violations
	size := v.pageSize("page_size", req.GetPageSize(), defaultVocabPage, maxVocabPage)
	ix := current(ctx, s.indexes)
	fp := fingerprint("predicates", ix.Vocabulary().Digest())
	offset, err := pageOffset(&v, req.GetPageToken(), fp, ix.Vocabulary().Digest())
	if err != nil {
		return nil, err
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	all := ix.Vocabulary().Predicates()
	resp := &pb.ListPredicatesResponse{TotalSize: int32(len(all)), VocabularyDigest: ix.Vocabulary().Digest()}
	end := min(len(all), offset+size)
	for _, p := range all[min(offset, end):end] {
		resp.Predicates = append(resp.Predicates, p.Message())
	}
	if end < len(all) {
		resp.NextPageToken = encodePageToken(end, fp, ix.Vocabulary().Digest())
	}
	return resp, nil
}

// GetKind returns one kind by resource name.
func (s *VocabularyService) GetKind(ctx context.Context, req *pb.GetKindRequest) (*pb.Kind, error) {
	var v violations
	v.checkName("name", req.GetName(), isKind, wantKind)
	if err := v.Err(); err != nil {
		return nil, err
	}
	k, ok := current(ctx, s.indexes).Vocabulary().LookupKind(req.GetName())
	if !ok || k.Name != req.GetName() {
		return nil, apierr.ToStatus(ctx, &index.NotFoundError{Kind: "kind", Name: req.GetName()})
	}
	return k.Message(), nil
}

// ListKinds lists the kinds, a page at a time.
func (s *VocabularyService) ListKinds(ctx context.Context, req *pb.ListKindsRequest) (*pb.ListKindsResponse, error) {
	var v violations
	size := v.pageSize("page_size", req.GetPageSize(), defaultVocabPage, maxVocabPage)
	ix := current(ctx, s.indexes)
	fp := fingerprint("kinds", ix.Vocabulary().Digest())
	offset, err := pageOffset(&v, req.GetPageToken(), fp, ix.Vocabulary().Digest())
	if err != nil {
		return nil, err
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	all := ix.Vocabulary().Kinds()
	resp := &pb.ListKindsResponse{TotalSize: int32(len(all)), VocabularyDigest: ix.Vocabulary().Digest()}
	end := min(len(all), offset+size)
	for _, k := range all[min(offset, end):end] {
		resp.Kinds = append(resp.Kinds, k.Message())
	}
	if end < len(all) {
		resp.NextPageToken = encodePageToken(end, fp, ix.Vocabulary().Digest())
	}
	return resp, nil
}
