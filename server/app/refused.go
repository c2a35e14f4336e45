package app

import (
	"context"
	"log/slog"
	"sync/atomic"

	"github.com/prometheus/client_golang/prometheus"
	"google.golang.org/grpc"
	"google.golang.org/grpc/peer"
	"google.golang.org/grpc/stats"
	"google.golang.org/grpc/status"
)

// refusedCalls is a gRPC stats handler that logs and counts the calls gRPC
// refuses before any interceptor runs — a request larger than
// Limits.MaxRecvBytes, first of all — which would otherwise leave neither
// a log line nor a metric, while the client sees the error.
type refusedCalls struct {
	logger *slog.Logger
	count  *prometheus.CounterVec
}

// callSeen marks, in a call's context, whether the interceptor chain saw
// the call (see seenByInterceptors).
type callSeen struct {
	method string
	seen   atomic.Bool
}

type callSeenKey struct{}

// TagRPC gives each call its mark.
func (h *refusedCalls) TagRPC(ctx context.Context, info *stats.RPCTagInfo) context.Context {
	return context.WithValue(ctx, callSeenKey{}, &callSeen{method: info.FullMethodName})
}

// HandleRPC logs and counts a call that ended in an error the interceptors
// never saw.
func (h *refusedCalls) HandleRPC(ctx context.Context, s stats.RPCStats) {
	end, ok := s.(*stats.End)
	if !ok || end.Error == nil {
		return
	}
	mark, _ := ctx.Value(callSeenKey{}).(*callSeen)
	if mark == nil || mark.seen.Load() {
		return
	}
	st := status.Convert(end.Error)
	h.count.WithLabelValues(st.Code().String()).Inc()
	attrs := []any{"grpc.method", mark.method, "grpc.code", st.Code().String(), "error", st.Message()}
	if p, ok := peer.FromContext(ctx); ok && p.Addr != nil {
		attrs = append(attrs, "peer", p.Addr.String())
	}
	h.logger.WarnContext(ctx, "call refused before its handler", attrs...)
}

// TagConn and HandleConn do nothing: the handler is about calls.
func (h *refusedCalls) TagConn(ctx context.Context, _ *stats.ConnTagInfo) context.Context { return ctx }

// HandleConn does nothing.
func (h *refusedCalls) HandleConn(context.Context, stats.ConnStats) {}

// markSeen records that the interceptor chain saw a call, whose outcome it
// logs and counts itself.
func markSeen(ctx context.Context) {
	if mark, ok := ctx.Value(callSeenKey{}).(*callSeen); ok {
		mark.seen.Store(true)
	}
}

func unarySeen(ctx context.Context, req any, _ *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
	markSeen(ctx)
	return handler(ctx, req)
}

func streamSeen(srv any, ss grpc.ServerStream, _ *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
	markSeen(ss.Context())
	return handler(srv, ss)
}
