package apierr_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/entitygraph/entitygraph/server/apierr"
	"github.com/entitygraph/entitygraph/server/ask"
	"github.com/entitygraph/entitygraph/server/budget"
	"github.com/entitygraph/entitygraph/server/index"
	"github.com/entitygraph/entitygraph/server/pattern"
)

// info returns the ErrorInfo detail of a status error.
func info(t *testing.T, err error) *errdetails.ErrorInfo {
	t.Helper()
	for _, d := range status.Convert(err).Details() {
		if ei, ok := d.(*errdetails.ErrorInfo); ok {
			return ei
		}
	}
	t.Fatalf("%v has no ErrorInfo detail", err)
	return nil
}

func TestToStatus(t *testing.T) {
	t.Parallel()
	wrap := func(err error) error { return fmt.Errorf("while answering: %w", err) }
	over := budget.New(context.Background(), 1)
	_ = over.Spend(2)
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	stopped := budget.New(cancelled, 0).Spend(1)
	tests := []struct {
		name   string
		err    error
		code   codes.Code
		reason string // "" for no ErrorInfo
		field  string // the BadRequest field, if any
	}{
		{"not found", wrap(&index.NotFoundError{Kind: "entity", Name: "people/nobody"}), codes.NotFound, apierr.ReasonNotFound, ""},
		{"budget", wrap(over.Spend(0)), codes.ResourceExhausted, apierr.ReasonBudgetExceeded, ""},
		{"pattern field", &pattern.FieldError{Field: "pattern.triples[0].subject", Msg: "required"}, codes.InvalidArgument, apierr.ReasonInvalidArgument, "pattern.triples[0].subject"},
		{"syntax", &pattern.SyntaxError{Line: 1, Column: 5, Msg: "expected a predicate"}, codes.InvalidArgument, apierr.ReasonInvalidArgument, "text"},
		{"question", &ask.NotUnderstoodError{Reason: "no relation word", NotUnderstood: []string{`"ate"`}}, codes.InvalidArgument, apierr.ReasonNotUnderstood, "question"},
		{"cancelled", stopped, codes.Canceled, "", ""},
		{"deadline", wrap(context.DeadlineExceeded), codes.DeadlineExceeded, "", ""},
		{"status", status.Error(codes.Unavailable, "draining"), codes.Unavailable, "", ""},
		{"other", errors.New("disk on fire"), codes.Internal, apierr.ReasonInternal, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := apierr.ToStatus(context.Background(), tt.err)
			st := status.Convert(got)
			if st.Code() != tt.code {
				t.Fatalf("ToStatus(%v) code = %v, want %v", tt.err, st.Code(), tt.code)
			}
			if tt.reason != "" {
				if ei := info(t, got); ei.GetReason() != tt.reason || ei.GetDomain() != apierr.Domain {
					t.Errorf("ErrorInfo = %v, want reason %s in domain %s", ei, tt.reason, apierr.Domain)
				}
			}
			if tt.field != "" {
				var fields []string
				for _, d := range st.Details() {
					if br, ok := d.(*errdetails.BadRequest); ok {
						for _, v := range br.GetFieldViolations() {
							fields = append(fields, v.GetField())
						}
					}
				}
				if len(fields) != 1 || fields[0] != tt.field {
					t.Errorf("BadRequest fields = %v, want [%s]", fields, tt.field)
				}
			}
			if tt.code == codes.Internal && st.Message() != "internal error" {
				t.Errorf("INTERNAL message = %q; the cause must stay in the log", st.Message())
			}
		})
	}
	if apierr.ToStatus(context.Background(), nil) != nil {
		t.Error("ToStatus(nil) is not nil")
	}
}

func TestViolations(t *testing.T) {
	t.Parallel()
	var v apierr.Violations
	if v.Err() != nil {
		t.Fatal("no violations, but an error")
	}
	v.Add("name", "required")
	v.Add("page_size", "must not be negative")
	st := status.Convert(v.Err())
	if st.Code() != codes.InvalidArgument || st.Message() != "invalid name: required (and more; see the BadRequest detail)" {
		t.Errorf("Err() = %v %q", st.Code(), st.Message())
	}
}

func TestMiddlewareStatuses(t *testing.T) {
	t.Parallel()
	if st := status.Convert(apierr.Unauthenticated("missing bearer token")); st.Code() != codes.Unauthenticated {
		t.Errorf("Unauthenticated code = %v", st.Code())
	}
	err := apierr.RateLimited("127.0.0.1", "500 calls per second, bursts of 100", 2*time.Millisecond)
	if st := status.Convert(err); st.Code() != codes.ResourceExhausted || info(t, err).GetMetadata()["subject"] != "127.0.0.1" {
		t.Errorf("RateLimited = %v", err)
	}
}
