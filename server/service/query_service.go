package service

import (
	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
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
