// Package apierr is the one place where errors become gRPC statuses, in
// the shape of pkgsite's internal/derrors: the error domain, the reasons
// every google.rpc.ErrorInfo carries, the builders of google.rpc details,
// and [ToStatus], which maps the engines' errors with errors.Is and
// errors.As. Handlers (package service), interceptors (packages auth,
// throttle, requestcheck) and the request codec all build their statuses
// here, so that a client sees one style of error from every layer.
//
// The engines stay free of gRPC: they return errors of their own types
// (index.NotFoundError, budget.Error, pattern.FieldError,
// pattern.SyntaxError, ask.NotUnderstoodError), and only this package knows
// which code and details each becomes. It must not import package service
// or any interceptor.
package apierr

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/protoadapt"
	"google.golang.org/protobuf/types/known/durationpb"

	"github.com/entitygraph/entitygraph/server/ask"
	"github.com/entitygraph/entitygraph/server/budget"
	"github.com/entitygraph/entitygraph/server/index"
	"github.com/entitygraph/entitygraph/server/pattern"
)

// Domain is the domain of every google.rpc.ErrorInfo entitygraph sends.
const Domain = "entitygraph.v1"

// The reasons google.rpc.ErrorInfo carries, one per kind of failure.
const (
	ReasonInvalidArgument = "INVALID_ARGUMENT"
	ReasonNotFound        = "RESOURCE_NOT_FOUND"
	ReasonBudgetExceeded  = "BUDGET_EXCEEDED"
	ReasonNotUnderstood   = "QUESTION_NOT_UNDERSTOOD"
	ReasonUnauthenticated = "UNAUTHENTICATED"
	ReasonRateLimited     = "RATE_LIMITED"
	ReasonInternal        = "INTERNAL"
	// ReasonStalePageToken is a page token from another snapshot of the
	// graph than the one serving the call: restart the listing.
	ReasonStalePageToken = "PAGE_TOKEN_STALE"
)

// Violations collects what is wrong with a request, field by field. The
// zero value is an empty list, ready to use.
type Violations []*errdetails.BadRequest_FieldViolation

// Add records that field is wrong, and why.
func (v *Violations) Add(field, description string) {
	*v = append(*v, &errdetails.BadRequest_FieldViolation{Field: field, Description: description})
}

// Err returns nil when nothing was found wrong, else an INVALID_ARGUMENT
// status whose message names the first violation, with a BadRequest detail
// listing every one and an ErrorInfo.
func (v Violations) Err() error {
	if len(v) == 0 {
		return nil
	}
	field := v[0].GetField()
	if field == "" {
		field = "request"
	}
	msg := "invalid " + field + ": " + v[0].GetDescription()
	if len(v) > 1 {
		msg += " (and more; see the BadRequest detail)"
	}
	shown := make([]*errdetails.BadRequest_FieldViolation, 0, min(len(v), maxViolations))
	for _, fv := range v[:min(len(v), maxViolations)] {
		shown = append(shown, &errdetails.BadRequest_FieldViolation{Field: clip(fv.GetField(), maxTextBytes), Description: clip(fv.GetDescription(), maxTextBytes)})
	}
	if len(v) > maxViolations {
		shown[len(shown)-1] = &errdetails.BadRequest_FieldViolation{
			Field: "request", Description: fmt.Sprintf("and %d more violations, not listed", len(v)-maxViolations+1)}
	}
	return withDetails(codes.InvalidArgument, msg,
		&errdetails.BadRequest{FieldViolations: shown},
		&errdetails.ErrorInfo{Reason: ReasonInvalidArgument, Domain: Domain},
	)
}

// A status travels in the response trailers: its message percent-encoded
// (up to three bytes for each byte of text that is not ASCII) and its
// details base64-encoded. Most clients refuse a header list over 8 KiB
// (grpc-go's and the C core's default, so Python's grpcio too), and then
// report only INTERNAL, losing the error: these bounds keep a status's
// trailers within about 4 KiB, whatever the request held.
const (
	// maxMessageBytes bounds a status message.
	maxMessageBytes = 512
	// maxTextBytes bounds each text of a detail: a field violation's
	// field and description, an ErrorInfo metadata value.
	maxTextBytes = 256
	// maxViolations bounds the field violations listed.
	maxViolations = 6
	// maxDetailBytes bounds the encoded details; over it (which the
	// bounds above should prevent), only a bare ErrorInfo is sent.
	maxDetailBytes = 2048
)

// clip cuts s to at most n bytes at a character boundary, marking the cut
// with "…".
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n - len("…")
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// InvalidField is an INVALID_ARGUMENT status for one field.
func InvalidField(field, description string) error {
	var v Violations
	v.Add(field, description)
	return v.Err()
}

// ToStatus maps an error to a gRPC status error, once, at the edge:
//   - an unknown resource is NOT_FOUND with a ResourceInfo;
//   - a query over its budget is RESOURCE_EXHAUSTED with a QuotaFailure
//     naming the budget;
//   - a malformed pattern, Match text or question is INVALID_ARGUMENT on
//     its field (a question with what was and was not understood);
//   - a context that ended keeps its code (CANCELLED, DEADLINE_EXCEEDED);
//   - a status error passes through as it is;
//   - anything else is logged and sent as a generic INTERNAL.
func ToStatus(ctx context.Context, err error) error {
	if err == nil {
		return nil
	}
	var (
		nf *index.NotFoundError
		be *budget.Error
		fe *pattern.FieldError
		se *pattern.SyntaxError
		nu *ask.NotUnderstoodError
	)
	switch {
	case errors.As(err, &nf):
		return withDetails(codes.NotFound, nf.Error(),
			&errdetails.ResourceInfo{ResourceType: nf.Kind, ResourceName: nf.Name, Description: "no such " + nf.Kind + " in the graph"},
			&errdetails.ErrorInfo{Reason: ReasonNotFound, Domain: Domain, Metadata: map[string]string{"name": nf.Name, "kind": nf.Kind}},
		)
	case errors.As(err, &be):
		return withDetails(codes.ResourceExhausted, be.Error()+"; narrow the query or raise limits.max_edges_visited",
			&errdetails.QuotaFailure{Violations: []*errdetails.QuotaFailure_Violation{{
				Subject: be.Budget, Description: fmt.Sprintf("the query visited more than %d edges", be.Limit),
			}}},
			&errdetails.ErrorInfo{Reason: ReasonBudgetExceeded, Domain: Domain, Metadata: map[string]string{
				"budget": be.Budget, "limit": strconv.FormatInt(be.Limit, 10),
			}},
		)
	case errors.Is(err, pattern.ErrTooManySolutions):
		return withDetails(codes.ResourceExhausted, err.Error(),
			&errdetails.QuotaFailure{Violations: []*errdetails.QuotaFailure_Violation{{
				Subject: "counted_solutions", Description: fmt.Sprintf("a count gathers at most %d solutions", pattern.MaxCountedSolutions),
			}}},
			&errdetails.ErrorInfo{Reason: ReasonBudgetExceeded, Domain: Domain, Metadata: map[string]string{
				"budget": "counted_solutions", "limit": strconv.Itoa(pattern.MaxCountedSolutions),
			}},
		)
	case errors.As(err, &fe):
		return InvalidField(fe.Field, fe.Msg)
	case errors.As(err, &se):
		// Only MatchRequest.text is written in the text syntax.
		return InvalidField("text", se.Error())
	case errors.As(err, &nu):
		return notUnderstood(nu)
	case errors.Is(err, context.Canceled):
		return status.Error(codes.Canceled, "request canceled")
	case errors.Is(err, context.DeadlineExceeded):
		return status.Error(codes.DeadlineExceeded, "deadline exceeded")
	}
	if _, ok := status.FromError(err); ok {
		return err
	}
	slog.ErrorContext(ctx, "internal error", "error", err)
	return withDetails(codes.Internal, "internal error", &errdetails.ErrorInfo{Reason: ReasonInternal, Domain: Domain})
}

// notUnderstood explains a refused question: INVALID_ARGUMENT on the
// question field, with what was and was not understood in the ErrorInfo.
//
// The message says it all once; the details say it again as data, each
// part bounded, so that nothing is repeated beyond that.
func notUnderstood(nu *ask.NotUnderstoodError) error {
	return withDetails(codes.InvalidArgument, nu.Error(),
		&errdetails.BadRequest{FieldViolations: []*errdetails.BadRequest_FieldViolation{{Field: "question", Description: clip("not understood: "+nu.Reason, maxTextBytes)}}},
		&errdetails.ErrorInfo{Reason: ReasonNotUnderstood, Domain: Domain, Metadata: map[string]string{
			"reason":         clip(nu.Reason, maxTextBytes),
			"understood":     clip(strings.Join(nu.Understood, "; "), maxTextBytes),
			"not_understood": clip(strings.Join(nu.NotUnderstood, "; "), maxTextBytes),
		}},
	)
}

// Unauthenticated is the UNAUTHENTICATED status of a call without a valid
// credential.
func Unauthenticated(msg string) error {
	return withDetails(codes.Unauthenticated, msg, &errdetails.ErrorInfo{Reason: ReasonUnauthenticated, Domain: Domain})
}

// RateLimited is the RESOURCE_EXHAUSTED status of a throttled call: subject
// names whose limit it was, limit describes it, and retry says when a call
// may succeed again.
func RateLimited(subject, limit string, retry time.Duration) error {
	msg := "rate limit exceeded (" + subject + ": " + limit + "); retry later"
	return withDetails(codes.ResourceExhausted, msg,
		&errdetails.QuotaFailure{Violations: []*errdetails.QuotaFailure_Violation{{Subject: subject, Description: limit}}},
		&errdetails.RetryInfo{RetryDelay: durationpb.New(retry)},
		&errdetails.ErrorInfo{Reason: ReasonRateLimited, Domain: Domain, Metadata: map[string]string{"subject": subject}},
	)
}

// StalePageToken is the FAILED_PRECONDITION status of a page token from
// another snapshot of the graph than snapshot, the one serving the call
// (the graph was reloaded, or another replica serves another snapshot):
// the client restarts the listing without a token. what says what is wrong
// with the token.
func StalePageToken(what, snapshot string) error {
	return withDetails(codes.FailedPrecondition,
		what+" (the graph was reloaded, or another replica serves another snapshot); this replica serves "+snapshot+": restart the listing without page_token",
		&errdetails.PreconditionFailure{Violations: []*errdetails.PreconditionFailure_Violation{{
			Type: "PAGE_TOKEN", Subject: "page_token", Description: "the listing began on another snapshot of the graph; restart it without page_token",
		}}},
		&errdetails.ErrorInfo{Reason: ReasonStalePageToken, Domain: Domain, Metadata: map[string]string{"snapshot": clip(snapshot, maxTextBytes)}},
	)
}

// withDetails makes a status with google.rpc details; should attaching them
// ever fail, the status goes out without them rather than not at all.
//
// The message is clipped to maxMessageBytes; details over maxDetailBytes
// give way to a bare ErrorInfo of the same reason.
func withDetails(code codes.Code, msg string, details ...protoadapt.MessageV1) error {
	st := status.New(code, clip(msg, maxMessageBytes))
	size := 0
	var reason string
	for _, d := range details {
		m := protoadapt.MessageV2Of(d)
		size += proto.Size(m)
		if ei, ok := d.(*errdetails.ErrorInfo); ok {
			reason = ei.GetReason()
		}
	}
	if size > maxDetailBytes {
		details = []protoadapt.MessageV1{&errdetails.ErrorInfo{Reason: reason, Domain: Domain}}
	}
	ds, err := st.WithDetails(details...)
	if err != nil {
		return st.Err()
	}
	return ds.Err()
}
