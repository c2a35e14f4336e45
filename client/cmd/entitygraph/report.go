package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/entitygraph/entitygraph/client"
)

// failure is an error whose message is already fit for the user.
type failure struct {
	msg string
	err error // the cause, for errors.Is and errors.As
}

func (f *failure) Error() string { return f.msg }
func (f *failure) Unwrap() error { return f.err }

// report writes err to w as "entitygraph: <message>", in words that say what
// went wrong and what to do.
func report(w io.Writer, err error, g *globals) {
	var (
		ambiguous     *client.AmbiguousError
		notUnderstood *client.NotUnderstoodError
		fail          *failure
	)
	if errors.As(err, &ambiguous) {
		fmt.Fprintf(w, "entitygraph: %q could mean more than one entity; use one of these names:\n", ambiguous.Ref)
		tw := newTable(w)
		for _, c := range ambiguous.Candidates {
			fmt.Fprintf(tw, "  %s\t%s\t(matched %q, %s)\n", c.Name, c.DisplayName, c.MatchedText, enumWord(c.MatchKind, "MATCH_KIND_"))
		}
		tw.Flush()
		return
	}
	if errors.As(err, &notUnderstood) {
		fmt.Fprintf(w, "entitygraph: cannot answer: %s\n", notUnderstood.Reason)
		fmt.Fprintf(w, "  understood: %s\n", listOrNothing(notUnderstood.Understood))
		fmt.Fprintf(w, "  not understood: %s\n", listOrNothing(notUnderstood.NotUnderstood))
		fmt.Fprintln(w, "  Rephrase the question with words it understood, or write the query for the match command.")
		return
	}
	if client.BudgetExceeded(err) {
		reportBudget(w, err)
		return
	}
	if errors.As(err, &fail) {
		fmt.Fprintf(w, "entitygraph: %s\n", fail.msg)
		return
	}

	st, ok := innerStatus(err)
	if !ok {
		// Errors from this side of the wire, such as a context's, have
		// no status of their own.
		st = status.FromContextError(err)
	}
	switch st.Code() {
	case codes.Unavailable:
		fmt.Fprintf(w, "entitygraph: cannot reach the server at %s (is it running? try `make run`)\n  detail: %s\n", g.addr, st.Message())
	case codes.DeadlineExceeded:
		fmt.Fprintf(w, "entitygraph: the server at %s did not answer within %s (raise --timeout?)\n", g.addr, g.timeout)
	case codes.Canceled:
		fmt.Fprintln(w, "entitygraph: canceled")
	case codes.NotFound:
		fmt.Fprintf(w, "entitygraph: not found: %s\n", st.Message())
	case codes.InvalidArgument:
		fmt.Fprintf(w, "entitygraph: the server rejected the request: %s\n", st.Message())
	case codes.Unauthenticated, codes.PermissionDenied:
		fmt.Fprintf(w, "entitygraph: the server at %s refused access: %s\n", g.addr, st.Message())
	case codes.ResourceExhausted:
		fmt.Fprintf(w, "entitygraph: the server at %s is out of capacity or rate-limiting this client; try again later: %s\n", g.addr, st.Message())
	case codes.Unimplemented:
		fmt.Fprintf(w, "entitygraph: the server at %s does not serve this call (is it an entitygraph server?): %s\n", g.addr, st.Message())
	default:
		fmt.Fprintf(w, "entitygraph: %v\n", err)
	}
}

// innerStatus returns the gRPC status err wraps, with the server's own
// message rather than the wrapped error's text, as [status.FromError] gives.
func innerStatus(err error) (*status.Status, bool) {
	var se interface{ GRPCStatus() *status.Status }
	if errors.As(err, &se) && se.GRPCStatus() != nil {
		return se.GRPCStatus(), true
	}
	return nil, false
}

// listOrNothing joins the pieces of a refused question for a line.
func listOrNothing(pieces []string) string {
	if len(pieces) == 0 {
		return "nothing"
	}
	return strings.Join(pieces, ", ")
}

// reportBudget explains a query that went over its budget, naming the
// budget from the google.rpc.QuotaFailure detail.
func reportBudget(w io.Writer, err error) {
	budget, detail := "max_edges_visited", ""
	if st, ok := innerStatus(err); ok {
		for _, d := range st.Details() {
			if qf, ok := d.(*errdetails.QuotaFailure); ok && len(qf.GetViolations()) > 0 {
				budget, detail = qf.GetViolations()[0].GetSubject(), qf.GetViolations()[0].GetDescription()
			}
		}
	}
	if detail == "" {
		detail = "the query did more work than it may"
	}
	fmt.Fprintf(w, "entitygraph: the query went over its budget (%s): %s\n", budget, detail)
	fmt.Fprintln(w, "  Narrow the query (fewer wildcards, a --predicate, fewer hops), or raise the budget with --max-edges N (at most 10000000).")
}
