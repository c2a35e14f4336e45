package app

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"log/slog"
	"sync"
	"time"

	middleware "github.com/grpc-ecosystem/go-grpc-middleware/v2"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

// RequestIDHeader is the metadata key of a call's request id, both ways: a
// caller may send one, and every response header carries the one used.
const RequestIDHeader = "x-request-id"

type requestIDKey struct{}

// RequestIDFromContext returns the request id of the call ctx belongs to.
func RequestIDFromContext(ctx context.Context) (string, bool) {
	id, ok := ctx.Value(requestIDKey{}).(string)
	return id, ok
}

// requestID takes the caller's request id if it is a sensible one (1 to 64
// characters of letters, digits, '.', '_' and '-'), else makes one up.
func requestID(ctx context.Context) string {
	if ids := metadata.ValueFromIncomingContext(ctx, RequestIDHeader); len(ids) > 0 && validRequestID(ids[0]) {
		return ids[0]
	}
	var b [8]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

func validRequestID(id string) bool {
	if id == "" || len(id) > 64 {
		return false
	}
	for _, c := range []byte(id) {
		ok := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-'
		if !ok {
			return false
		}
	}
	return true
}

func unaryRequestID(ctx context.Context, req any, _ *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
	id := requestID(ctx)
	_ = grpc.SetHeader(ctx, metadata.Pairs(RequestIDHeader, id))
	return handler(context.WithValue(ctx, requestIDKey{}, id), req)
}

func streamRequestID(srv any, ss grpc.ServerStream, _ *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
	id := requestID(ss.Context())
	_ = ss.SetHeader(metadata.Pairs(RequestIDHeader, id))
	w := middleware.WrapServerStream(ss)
	w.WrappedContext = context.WithValue(ss.Context(), requestIDKey{}, id)
	return handler(srv, w)
}

// NewLogHandler wraps h so that every record logged with a call's context
// carries the call's request id.
func NewLogHandler(h slog.Handler) slog.Handler {
	if _, ok := h.(requestIDHandler); ok {
		return h
	}
	return requestIDHandler{h}
}

type requestIDHandler struct{ slog.Handler }

func (h requestIDHandler) Handle(ctx context.Context, r slog.Record) error {
	if id, ok := RequestIDFromContext(ctx); ok {
		r.AddAttrs(slog.String("request_id", id))
	}
	return h.Handler.Handle(ctx, r)
}

func (h requestIDHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	return requestIDHandler{h.Handler.WithAttrs(attrs)}
}

func (h requestIDHandler) WithGroup(name string) slog.Handler {
	return requestIDHandler{h.Handler.WithGroup(name)}
}

// unaryDeadline gives calls without a deadline one of d. A call whose
// deadline passed, or whose caller cancelled it, before its handler
// returned ends with that status (see [callerSaw]), not the handler's: the
// caller has already seen it fail, and the log and metrics must say what
// it saw.
func unaryDeadline(d time.Duration) grpc.UnaryServerInterceptor {
	return func(ctx context.Context, req any, _ *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
		if _, ok := ctx.Deadline(); !ok && d > 0 {
			var cancel context.CancelFunc
			ctx, cancel = context.WithTimeout(ctx, d)
			defer cancel()
		}
		resp, err := handler(ctx, req)
		if serr := callerSaw(ctx); serr != nil {
			return nil, serr
		}
		return resp, err
	}
}

// deadlineSlack is how long before the server's deadline a cancellation
// is taken for the caller's deadline. The server's deadline is the
// caller's timeout counted from when the request arrived, so it passes a
// little after the caller's; the caller then resets the stream, which
// reaches the server as a plain cancellation, before its own timer
// fires.
const deadlineSlack = 100 * time.Millisecond

// callerSaw returns the status a caller whose call's context is done has
// already seen: DeadlineExceeded when the deadline passed, or was within
// deadlineSlack of passing when the caller cancelled; Canceled when it
// cancelled earlier. It returns nil while the context is live.
func callerSaw(ctx context.Context) error {
	cerr := ctx.Err()
	if cerr == nil || errors.Is(context.Cause(ctx), errShuttingDown) {
		return nil
	}
	if dl, ok := ctx.Deadline(); ok && time.Until(dl) < deadlineSlack {
		cerr = context.DeadlineExceeded
	}
	return status.FromContextError(cerr).Err()
}

// errShuttingDown is the cause with which shutdown cancels open streams.
var errShuttingDown = errors.New("server shutting down")

// streamDrain tracks open streams so that shutdown can end them after
// their grace period, rather than wait on a slow consumer.
type streamDrain struct {
	mu       sync.Mutex // guards cancels and draining
	cancels  map[*streamEntry]struct{}
	draining bool
}

type streamEntry struct{ cancel context.CancelCauseFunc }

func newStreamDrain() *streamDrain {
	return &streamDrain{cancels: map[*streamEntry]struct{}{}}
}

// streamInterceptor gives streams without a deadline one of d, and
// registers each stream until it ends.
func (sd *streamDrain) streamInterceptor(d time.Duration) grpc.StreamServerInterceptor {
	return func(srv any, ss grpc.ServerStream, _ *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
		ctx, cancel := context.WithCancelCause(ss.Context())
		defer cancel(nil)
		if _, ok := ctx.Deadline(); !ok && d > 0 {
			var cancelTimeout context.CancelFunc
			ctx, cancelTimeout = context.WithTimeout(ctx, d)
			defer cancelTimeout()
		}
		e := &streamEntry{cancel: cancel}
		sd.mu.Lock()
		if sd.draining {
			cancel(errShuttingDown)
		} else {
			sd.cancels[e] = struct{}{}
		}
		sd.mu.Unlock()
		defer func() {
			sd.mu.Lock()
			delete(sd.cancels, e)
			sd.mu.Unlock()
		}()

		w := middleware.WrapServerStream(ss)
		w.WrappedContext = ctx
		err := handler(srv, w)
		if err != nil && errors.Is(context.Cause(ctx), errShuttingDown) {
			return status.Error(codes.Unavailable, "server is shutting down; retry the call")
		}
		if serr := callerSaw(ctx); err != nil && serr != nil {
			return serr
		}
		return err
	}
}

// endAll cancels every open stream, and any that start from now on, and
// returns how many were open.
func (sd *streamDrain) endAll() int {
	sd.mu.Lock()
	defer sd.mu.Unlock()
	sd.draining = true
	n := len(sd.cancels)
	for e := range sd.cancels {
		e.cancel(errShuttingDown)
	}
	clear(sd.cancels)
	return n
}
