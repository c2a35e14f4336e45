package budget_test

import (
	"context"
	"errors"
	"testing"

	"github.com/entitygraph/entitygraph/server/budget"
)

func TestSpend(t *testing.T) {
	t.Parallel()
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name       string
		ctx        context.Context
		limit      int64
		spends     []int64
		wantUsed   int64
		wantBudget bool // the last Spend fails with a *budget.Error
		wantCtx    bool // the last Spend fails with the context's error
	}{
		{name: "under the limit", ctx: context.Background(), limit: 10, spends: []int64{3, 4, 3}, wantUsed: 10},
		{name: "over the limit", ctx: context.Background(), limit: 10, spends: []int64{3, 4, 4}, wantUsed: 11, wantBudget: true},
		{name: "no limit", ctx: context.Background(), limit: 0, spends: []int64{1 << 40, 1 << 40}, wantUsed: 1 << 41},
		{name: "cancelled on first spend", ctx: cancelled, limit: 10, spends: []int64{1}, wantUsed: 1, wantCtx: true},
		{name: "nil context is background", ctx: nil, limit: 5, spends: []int64{5}, wantUsed: 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			b := budget.New(tt.ctx, tt.limit)
			var err error
			for i, n := range tt.spends {
				err = b.Spend(n)
				if i < len(tt.spends)-1 && err != nil {
					t.Fatalf("Spend #%d = %v, want nil", i, err)
				}
			}
			if got := b.Used(); got != tt.wantUsed {
				t.Errorf("Used() = %d, want %d", got, tt.wantUsed)
			}
			var be *budget.Error
			if got := errors.As(err, &be); got != tt.wantBudget {
				t.Errorf("last Spend = %v; is *budget.Error: %v, want %v", err, got, tt.wantBudget)
			}
			if got := errors.Is(err, context.Canceled); got != tt.wantCtx {
				t.Errorf("last Spend = %v; is context.Canceled: %v, want %v", err, got, tt.wantCtx)
			}
			if !tt.wantBudget && !tt.wantCtx && err != nil {
				t.Errorf("last Spend = %v, want nil", err)
			}
		})
	}
}

func TestErrorMessage(t *testing.T) {
	t.Parallel()
	b := budget.New(context.Background(), 5)
	err := b.Spend(6)
	if !errors.Is(err, budget.ErrExceeded) {
		t.Fatalf("Spend(6) on a budget of 5 = %v, want ErrBudgetExceeded", err)
	}
	var be *budget.Error
	if !errors.As(err, &be) || be.Budget != "max_edges_visited" || be.Limit != 5 {
		t.Errorf("Spend(6) = %#v, want *budget.Error{Budget: max_edges_visited, Limit: 5}", err)
	}
	const want = "query exceeded its budget of 5 edges visited (max_edges_visited)"
	if got := err.Error(); got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

// TestNoticesCancelLater checks that a context cancelled mid-query is
// noticed within about ctxCheckInterval units.
func TestNoticesCancelLater(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	b := budget.New(ctx, 0)
	if err := b.Spend(1); err != nil {
		t.Fatalf("Spend(1) before cancel = %v, want nil", err)
	}
	cancel()
	var err error
	for i := 0; i < 2048 && err == nil; i++ {
		err = b.Spend(1)
	}
	if !errors.Is(err, context.Canceled) {
		t.Errorf("2048 Spend(1) after cancel: last = %v, want context.Canceled", err)
	}
}
