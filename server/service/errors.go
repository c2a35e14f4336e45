// Package service holds the gRPC handlers of entitygraph, one file per
// service. Each handler checks its request, asks the index, and maps the
// index's errors to gRPC statuses with google.rpc details; nothing here
// knows how the index is laid out.
package service

import (
	"context"
	"errors"
	"log/slog"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/protoadapt"

	"github.com/entitygraph/entitygraph/server/index"
)

// ErrorDomain is the domain of every google.rpc.ErrorInfo entitygraph sends.
const ErrorDomain = "entitygraph.v1"

// Reasons carried in google.rpc.ErrorInfo.
const (
	ReasonInvalidArgument = "INVALID_ARGUMENT"
	ReasonNotFound        = "RESOURCE_NOT_FOUND"
	ReasonInternal        = "INTERNAL"
)

// fieldViolations collects what is wrong with a request, field by field.
type fieldViolations []*errdetails.BadRequest_FieldViolation

func (v *fieldViolations) add(field, description string) {
	*v = append(*v, &errdetails.BadRequest_FieldViolation{Field: field, Description: description})
}

// err returns nil when nothing was found wrong, else an INVALID_ARGUMENT
// status with a BadRequest detail listing every violation.
func (v fieldViolations) err() error {
	if len(v) == 0 {
		return nil
	}
	msg := "invalid " + v[0].GetField() + ": " + v[0].GetDescription()
	if len(v) > 1 {
		msg += " (and more; see the BadRequest detail)"
	}
	return withDetails(status.New(codes.InvalidArgument, msg),
		&errdetails.BadRequest{FieldViolations: v},
		&errdetails.ErrorInfo{Reason: ReasonInvalidArgument, Domain: ErrorDomain},
	)
}

// toStatus maps an index error to a gRPC status error, once, at the edge:
// not-found names the resource; context errors keep their codes; anything
// else is logged and sent as a generic INTERNAL.
func toStatus(ctx context.Context, err error) error {
	var nf *index.NotFoundError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &nf):
		return withDetails(status.New(codes.NotFound, nf.Error()),
			&errdetails.ResourceInfo{ResourceType: nf.Kind, ResourceName: nf.Name, Description: "no such " + nf.Kind + " in the graph"},
			&errdetails.ErrorInfo{Reason: ReasonNotFound, Domain: ErrorDomain, Metadata: map[string]string{"name": nf.Name, "kind": nf.Kind}},
		)
	case errors.Is(err, context.Canceled):
		return status.Error(codes.Canceled, "request canceled")
	case errors.Is(err, context.DeadlineExceeded):
		return status.Error(codes.DeadlineExceeded, "deadline exceeded")
	}
	if _, ok := status.FromError(err); ok {
		return err
	}
	slog.ErrorContext(ctx, "internal error", "error", err)
	return withDetails(status.New(codes.Internal, "internal error"),
		&errdetails.ErrorInfo{Reason: ReasonInternal, Domain: ErrorDomain})
}

// withDetails attaches google.rpc details to st; should that ever fail, the
// status goes out without them rather than not at all.
func withDetails(st *status.Status, details ...protoadapt.MessageV1) error {
	ds, err := st.WithDetails(details...)
	if err != nil {
		return st.Err()
	}
	return ds.Err()
}
