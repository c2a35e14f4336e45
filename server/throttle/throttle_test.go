package throttle

import (
	"strconv"
	"testing"
	"time"
)

func TestLimiter(t *testing.T) {
	t.Parallel()
	l := New(Limits{Client: 1, ClientBurst: 3, Global: 100, GlobalBurst: 5})
	for i := range 3 {
		if r := l.Allow("a"); r != nil {
			t.Fatalf("call %d of a within its burst: %v", i, r)
		}
	}
	if r := l.Allow("a"); r == nil || r.Subject != "client:a" {
		t.Errorf("a over its burst: %v, want client:a", r)
	}
	// b has a bucket of its own, but the global one has 2 tokens left.
	for i := range 2 {
		if r := l.Allow("b"); r != nil {
			t.Fatalf("call %d of b: %v", i, r)
		}
	}
	if r := l.Allow("b"); r == nil || r.Subject != "global" {
		t.Errorf("b over the global burst: %v, want global", r)
	}
}

func TestLimiterForgetsIdleClients(t *testing.T) {
	t.Parallel()
	now := time.Unix(0, 0)
	l := New(Limits{Client: 10, ClientBurst: 10})
	l.now = func() time.Time { return now }
	l.lastSweep = now
	for i := range 100 {
		l.Allow("client-" + strconv.Itoa(i))
	}
	if got := l.Clients(); got != 100 {
		t.Fatalf("Clients() = %d, want 100", got)
	}
	now = now.Add(clientIdle + sweepEvery)
	l.Allow("new")
	if got := l.Clients(); got != 1 {
		t.Errorf("Clients() after they went idle = %d, want 1", got)
	}
}
