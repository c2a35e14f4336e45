// Package budget bounds the work of one query: a count of edges visited
// against a limit, and the caller's context, checked as the work goes on.
// Every graph engine (package pattern, package paths) spends from a
// [Budget]. It imports only the standard library.
package budget

import (
	"context"
	"errors"
	"fmt"
)

// ErrExceeded is matched, with errors.Is, by every [*Error].
var ErrExceeded = errors.New("budget exceeded")

// Error reports that a query did more work than its budget allows. It
// matches [ErrExceeded] with errors.Is.
type Error struct {
	// Budget names the limit that was exceeded, as the Limits field of the
	// API calls it: "max_edges_visited".
	Budget string
	// Limit is the value of the limit that was exceeded.
	Limit int64
}

// Error says which budget was exceeded and what its limit was.
func (e *Error) Error() string {
	return fmt.Sprintf("query exceeded its budget of %d edges visited (%s)", e.Limit, e.Budget)
}

// Is reports whether target is [ErrExceeded].
func (e *Error) Is(target error) bool { return target == ErrExceeded }

// ctxCheckInterval is how many units of work may pass between two checks of
// the context: often enough to stop promptly, rarely enough to cost nothing.
const ctxCheckInterval = 1024

// Budget counts edges visited by one query against a limit, and checks the
// context. Every adjacency entry a query examines costs one unit. A Budget
// belongs to one query and is not safe for concurrent use.
type Budget struct {
	ctx       context.Context
	limit     int64 // 0 or less: no limit
	used      int64
	nextCheck int64 // used at or above which the context is checked again
}

// New returns a budget of limit edges visited for a query running
// under ctx. A limit of zero or less means no limit: callers that take
// limits from users apply their defaults and maximums first. A nil ctx is
// taken as [context.Background].
func New(ctx context.Context, limit int64) *Budget {
	if ctx == nil {
		ctx = context.Background()
	}
	return &Budget{ctx: ctx, limit: limit}
}

// Spend adds n units of work. It returns an [*Error] once the total
// exceeds the limit, and the context's error, wrapped, when the context is
// done; the context is checked on the first call and then about every 1024
// units, so a query on a cancelled context stops before doing real work.
func (b *Budget) Spend(n int64) error {
	b.used += n
	if b.limit > 0 && b.used > b.limit {
		return &Error{Budget: "max_edges_visited", Limit: b.limit}
	}
	if b.used >= b.nextCheck {
		b.nextCheck = b.used + ctxCheckInterval
		if err := b.ctx.Err(); err != nil {
			return fmt.Errorf("query stopped after %d edges visited: %w", b.used, err)
		}
	}
	return nil
}

// Used returns the units spent so far, including those of a call to
// [Budget.Spend] that went over the limit.
func (b *Budget) Used() int64 { return b.used }
