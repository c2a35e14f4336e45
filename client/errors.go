package client

import (
	"errors"
	"strings"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// Error details the server attaches, in google.rpc.ErrorInfo.
const (
	errorDomain          = "entitygraph.v1"
	reasonNotUnderstood  = "QUESTION_NOT_UNDERSTOOD"
	reasonBudgetExceeded = "BUDGET_EXCEEDED"
	edgeBudgetName       = "max_edges_visited"
)

// NotUnderstoodError is the error of [Client.Ask] for a question the server
// refused because it could not make sense of it, taken from the
// google.rpc.ErrorInfo the server sends. Rephrase the question with the
// words it understood, or write the query for [Client.Match].
//
//	_, err := c.Ask(ctx, "Who ate Kioxia?")
//	var nu *client.NotUnderstoodError
//	if errors.As(err, &nu) {
//		fmt.Println("not understood:", strings.Join(nu.NotUnderstood, ", ")) // not understood: "ate"
//	}
type NotUnderstoodError struct {
	// Reason is one sentence saying why the question was refused.
	Reason string
	// Understood are the pieces of the question that were recognised, such
	// as `"Kioxia" = organizations/kioxia`.
	Understood []string
	// NotUnderstood are the words or structures that were not, such as
	// `"ate"`.
	NotUnderstood []string

	status *status.Status
}

// Error returns the server's message, which names the reason and the
// pieces.
func (e *NotUnderstoodError) Error() string {
	if e.status == nil {
		return "question not understood: " + e.Reason
	}
	return e.status.Message()
}

// GRPCStatus returns the status the server sent, for [status.Code] and
// [status.FromError].
func (e *NotUnderstoodError) GRPCStatus() *status.Status { return e.status }

// notUnderstood returns the [*NotUnderstoodError] err carries in its status
// details, or nil if it carries none.
func notUnderstood(err error) *NotUnderstoodError {
	st, ok := grpcStatus(err)
	if !ok || st.Code() != codes.InvalidArgument {
		return nil
	}
	info := errorInfo(st, reasonNotUnderstood)
	if info == nil {
		return nil
	}
	md := info.GetMetadata()
	return &NotUnderstoodError{
		Reason:        md["reason"],
		Understood:    splitList(md["understood"]),
		NotUnderstood: splitList(md["not_understood"]),
		status:        st,
	}
}

// splitList splits the "; "-joined list of an ErrorInfo metadata value.
// The server's pieces cannot hold a ";" of their own: it splits questions
// into words at semicolons.
func splitList(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "; ")
}

// BudgetExceeded reports whether err says that a query went over its budget
// of edges visited: code ResourceExhausted with the server's
// BUDGET_EXCEEDED detail, as opposed to other ResourceExhausted errors such
// as a rate limit. Narrow the query, or raise the budget with
// [WithEdgeBudget].
func BudgetExceeded(err error) bool {
	st, ok := grpcStatus(err)
	if !ok || st.Code() != codes.ResourceExhausted {
		return false
	}
	if errorInfo(st, reasonBudgetExceeded) != nil {
		return true
	}
	for _, d := range st.Details() {
		if qf, ok := d.(*errdetails.QuotaFailure); ok {
			for _, v := range qf.GetViolations() {
				if v.GetSubject() == edgeBudgetName {
					return true
				}
			}
		}
	}
	return false
}

// grpcStatus returns the status that err, or an error it wraps, carries.
func grpcStatus(err error) (*status.Status, bool) {
	var se interface{ GRPCStatus() *status.Status }
	if errors.As(err, &se) && se.GRPCStatus() != nil {
		return se.GRPCStatus(), true
	}
	return nil, false
}

// errorInfo returns the entitygraph ErrorInfo detail of st with the given
// reason, or nil.
func errorInfo(st *status.Status, reason string) *errdetails.ErrorInfo {
	for _, d := range st.Details() {
		if info, ok := d.(*errdetails.ErrorInfo); ok && info.GetReason() == reason && info.GetDomain() == errorDomain {
			return info
		}
	}
	return nil
}
