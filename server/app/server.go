package app

import (
	"context"
	"log/slog"
	"runtime/debug"
	"time"

	"github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors"
	"github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/auth"
	"github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/logging"
	"github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/recovery"
	"github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/selector"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/health"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/keepalive"
	"google.golang.org/grpc/reflection"
	reflectionv1 "google.golang.org/grpc/reflection/grpc_reflection_v1"
	reflectionv1alpha "google.golang.org/grpc/reflection/grpc_reflection_v1alpha"
	"google.golang.org/grpc/status"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/server/apidesc"
	egauth "github.com/entitygraph/entitygraph/server/auth"
	"github.com/entitygraph/entitygraph/server/requestcheck"
	"github.com/entitygraph/entitygraph/server/service"
	"github.com/entitygraph/entitygraph/server/throttle"
)

// Limits are the transport limits of the server, each set on purpose.
type Limits struct {
	// MaxRecvBytes is the largest request message accepted; larger ones
	// fail with RESOURCE_EXHAUSTED before they are decoded.
	MaxRecvBytes int
	// MaxSendBytes is the largest response message sent.
	MaxSendBytes int
	// MaxConcurrentStreams bounds the calls in flight on one connection.
	MaxConcurrentStreams uint32
	// MaxConnectionIdle closes a connection with no calls for this long.
	MaxConnectionIdle time.Duration
	// MaxConnectionAge closes connections this old (with jitter), so that
	// clients rebalance; MaxConnectionAgeGrace is how long their calls may
	// then run.
	MaxConnectionAge      time.Duration
	MaxConnectionAgeGrace time.Duration
	// DefaultTimeout is the deadline given to calls that carry none.
	DefaultTimeout time.Duration
}

// DefaultLimits are the limits the server binary starts with. The largest
// request (a BatchGetEntities of 1000 names of 256 bytes) is well under
// 1 MiB; the largest response is a page of 1000 relations with evidence.
func DefaultLimits() Limits {
	return Limits{
		MaxRecvBytes:          1 << 20,
		MaxSendBytes:          16 << 20,
		MaxConcurrentStreams:  256,
		MaxConnectionIdle:     15 * time.Minute,
		MaxConnectionAge:      30 * time.Minute,
		MaxConnectionAgeGrace: 30 * time.Second,
		DefaultTimeout:        30 * time.Second,
	}
}

// keepalive enforcement: clients may ping every 2s, even without calls in
// flight, so that the keepalives common clients are set to (5s, 10s:
// grpcio, grpc-java, a Watch kept open) are never sent away with
// too_many_pings, while a flood of pings is; the server pings idle
// connections after a minute and drops those that do not answer within
// 20s.
var (
	keepaliveEnforcement = keepalive.EnforcementPolicy{MinTime: 2 * time.Second, PermitWithoutStream: true}
	keepaliveTime        = time.Minute
	keepaliveTimeout     = 20 * time.Second
	handshakeTimeout     = 10 * time.Second
)

// Option configures [NewServer].
type Option interface{ apply(*serverConfig) }

type serverConfig struct {
	limits      Limits
	creds       credentials.TransportCredentials
	auth        *egauth.Authenticator
	throttle    *throttle.Limiter
	unaryExtra  []grpc.UnaryServerInterceptor
	streamExtra []grpc.StreamServerInterceptor
}

type optionFunc func(*serverConfig)

func (f optionFunc) apply(c *serverConfig) { f(c) }

// WithLimits sets the transport limits; zero fields keep their defaults.
func WithLimits(l Limits) Option {
	return optionFunc(func(c *serverConfig) {
		d := DefaultLimits()
		c.limits = Limits{
			MaxRecvBytes:          orDefault(l.MaxRecvBytes, d.MaxRecvBytes),
			MaxSendBytes:          orDefault(l.MaxSendBytes, d.MaxSendBytes),
			MaxConcurrentStreams:  orDefault(l.MaxConcurrentStreams, d.MaxConcurrentStreams),
			MaxConnectionIdle:     orDefault(l.MaxConnectionIdle, d.MaxConnectionIdle),
			MaxConnectionAge:      orDefault(l.MaxConnectionAge, d.MaxConnectionAge),
			MaxConnectionAgeGrace: orDefault(l.MaxConnectionAgeGrace, d.MaxConnectionAgeGrace),
			DefaultTimeout:        orDefault(l.DefaultTimeout, d.DefaultTimeout),
		}
	})
}

func orDefault[T comparable](v, def T) T {
	var zero T
	if v == zero {
		return def
	}
	return v
}

// WithCredentials serves over the given transport security (TLS).
func WithCredentials(creds credentials.TransportCredentials) Option {
	return optionFunc(func(c *serverConfig) { c.creds = creds })
}

// WithAuthenticator requires a bearer token from a's set on every call but
// those of the health and reflection services.
func WithAuthenticator(a *egauth.Authenticator) Option {
	return optionFunc(func(c *serverConfig) { c.auth = a })
}

// WithRateLimits throttles calls, except health checks, with l.
func WithRateLimits(l *throttle.Limiter) Option {
	return optionFunc(func(c *serverConfig) { c.throttle = l })
}

// WithInterceptors adds interceptors at the inside of the chain, just
// outside recovery: for embedding the server, and for tests that need
// calls to take time.
func WithInterceptors(unary []grpc.UnaryServerInterceptor, stream []grpc.StreamServerInterceptor) Option {
	return optionFunc(func(c *serverConfig) {
		c.unaryExtra = append(c.unaryExtra, unary...)
		c.streamExtra = append(c.streamExtra, stream...)
	})
}

// Server is an entitygraph gRPC server with its health service, metrics
// and the means to drain it.
type Server struct {
	// GRPC is the server itself: serve it on a listener.
	GRPC *grpc.Server
	// Health is the standard health service; Shutdown turns it NOT_SERVING.
	Health *health.Server
	// Metrics are the server's Prometheus metrics.
	Metrics *Metrics

	logger *slog.Logger
	drain  *streamDrain
}

// NewServer returns a server with every entitygraph service, the standard
// health service and reflection registered, answering from the indexes of src.
//
// Every call, unary or streaming, goes through one chain of interceptors,
// outermost first (a call gRPC refuses before them, such as a request over
// Limits.MaxRecvBytes, is logged and counted by a stats handler instead, as
// entitygraph_calls_refused_total):
//
//  1. metrics (go-grpc-middleware's Prometheus provider), so that every
//     outcome below is counted;
//  2. request id: the caller's x-request-id, or a new one, sent back in the
//     x-request-id response header and added to every log line of the call;
//  3. logging: one line per finished call, with code and duration, never
//     payloads;
//  4. deadline: calls without a deadline get Limits.DefaultTimeout, and
//     streams are tracked so that shutdown can end them;
//  5. auth (when configured): a bearer token, except for health and
//     reflection, which the selector leaves open;
//  6. rate limits (when configured), per client and global, except for
//     health checks;
//  7. request checks (package requestcheck): decodable, valid UTF-8, no
//     oversized repeated field or string;
//  8. any interceptors given WithInterceptors;
//  9. recovery, innermost: a panic becomes INTERNAL, is logged and counted.
func NewServer(src service.IndexSource, logger *slog.Logger, opts ...Option) *Server {
	cfg := serverConfig{limits: DefaultLimits()}
	for _, o := range opts {
		o.apply(&cfg)
	}
	logger = slog.New(NewLogHandler(logger.Handler()))
	s := &Server{
		Health:  health.NewServer(),
		Metrics: newMetrics(src),
		logger:  logger,
		drain:   newStreamDrain(),
	}

	logOpts := []logging.Option{logging.WithLogOnEvents(logging.FinishCall)}
	recoverOpts := []recovery.Option{recovery.WithRecoveryHandlerContext(func(ctx context.Context, p any) error {
		s.Metrics.panics.Inc()
		logger.ErrorContext(ctx, "panic in handler", "panic", p, "stack", string(debug.Stack()))
		return status.Error(codes.Internal, "internal error")
	})}
	refused := &refusedCalls{logger: logger, count: s.Metrics.refused}
	unary := []grpc.UnaryServerInterceptor{
		unarySeen,
		s.Metrics.grpc.UnaryServerInterceptor(),
		unaryRequestID,
		logging.UnaryServerInterceptor(slogAdapter(logger), logOpts...),
		unaryDeadline(cfg.limits.DefaultTimeout),
	}
	stream := []grpc.StreamServerInterceptor{
		streamSeen,
		s.Metrics.grpc.StreamServerInterceptor(),
		streamRequestID,
		logging.StreamServerInterceptor(slogAdapter(logger), logOpts...),
		s.drain.streamInterceptor(cfg.limits.DefaultTimeout),
	}
	if cfg.auth != nil {
		open := selector.MatchFunc(func(_ context.Context, c interceptors.CallMeta) bool { return !authExempt(c.Service) })
		unary = append(unary, selector.UnaryServerInterceptor(auth.UnaryServerInterceptor(cfg.auth.Authenticate), open))
		stream = append(stream, selector.StreamServerInterceptor(auth.StreamServerInterceptor(cfg.auth.Authenticate), open))
	}
	if cfg.throttle != nil {
		limited := selector.MatchFunc(func(_ context.Context, c interceptors.CallMeta) bool {
			return c.Service != healthpb.Health_ServiceDesc.ServiceName
		})
		onReject := func(r *throttle.Rejection) { s.Metrics.throttled(r) }
		unary = append(unary, selector.UnaryServerInterceptor(cfg.throttle.UnaryServerInterceptor(onReject), limited))
		stream = append(stream, selector.StreamServerInterceptor(cfg.throttle.StreamServerInterceptor(onReject), limited))
	}
	unary = append(unary, requestcheck.UnaryServerInterceptor())
	stream = append(stream, requestcheck.StreamServerInterceptor())
	unary = append(append(unary, cfg.unaryExtra...), recovery.UnaryServerInterceptor(recoverOpts...))
	stream = append(append(stream, cfg.streamExtra...), recovery.StreamServerInterceptor(recoverOpts...))

	l := cfg.limits
	serverOpts := []grpc.ServerOption{
		grpc.ChainUnaryInterceptor(unary...),
		grpc.ChainStreamInterceptor(stream...),
		grpc.ForceServerCodecV2(requestcheck.Codec{}),
		grpc.MaxRecvMsgSize(l.MaxRecvBytes),
		grpc.MaxSendMsgSize(l.MaxSendBytes),
		grpc.MaxConcurrentStreams(l.MaxConcurrentStreams),
		grpc.KeepaliveEnforcementPolicy(keepaliveEnforcement),
		grpc.KeepaliveParams(keepalive.ServerParameters{
			MaxConnectionIdle:     l.MaxConnectionIdle,
			MaxConnectionAge:      l.MaxConnectionAge,
			MaxConnectionAgeGrace: l.MaxConnectionAgeGrace,
			Time:                  keepaliveTime,
			Timeout:               keepaliveTimeout,
		}),
		grpc.ConnectionTimeout(handshakeTimeout),
		grpc.StatsHandler(refused),
	}
	if cfg.creds != nil {
		serverOpts = append(serverOpts, grpc.Creds(cfg.creds))
	}
	s.GRPC = grpc.NewServer(serverOpts...)
	pb.RegisterEntityServiceServer(s.GRPC, service.NewEntityService(src))
	pb.RegisterQueryServiceServer(s.GRPC, service.NewQueryService(src))
	pb.RegisterVocabularyServiceServer(s.GRPC, service.NewVocabularyService(src))
	healthpb.RegisterHealthServer(s.GRPC, s.Health)
	for _, name := range []string{"", pb.EntityService_ServiceDesc.ServiceName, pb.QueryService_ServiceDesc.ServiceName} {
		s.Health.SetServingStatus(name, healthpb.HealthCheckResponse_SERVING)
	}
	registerReflection(s.GRPC, logger)
	s.Metrics.grpc.InitializeMetrics(s.GRPC)
	return s
}

// NewGRPCServer is [NewServer] for callers that need only the gRPC server
// and its health service, such as package servertest.
func NewGRPCServer(src service.IndexSource, logger *slog.Logger, opts ...Option) (*grpc.Server, *health.Server) {
	s := NewServer(src, logger, opts...)
	return s.GRPC, s.Health
}

// authExempt reports whether a service answers without a token: health,
// so that load balancers can probe, and reflection, so that tools can
// discover the API.
func authExempt(service string) bool {
	switch service {
	case healthpb.Health_ServiceDesc.ServiceName,
		reflectionv1.ServerReflection_ServiceDesc.ServiceName,
		reflectionv1alpha.ServerReflection_ServiceDesc.ServiceName:
		return true
	}
	return false
}

// Drain turns health NOT_SERVING and keeps serving every call, new ones
// too, for delay: the time a load balancer that probes health needs to see
// the replica leave before Shutdown refuses calls.
func (s *Server) Drain(delay time.Duration) {
	s.Health.Shutdown()
	time.Sleep(delay)
}

// Shutdown stops the server gracefully: health turns NOT_SERVING, new
// calls are refused, unary calls in flight run to completion, streams still
// open after streamGrace are ended with UNAVAILABLE, and whatever remains
// after grace is cut off. It reports whether everything finished in time.
func (s *Server) Shutdown(grace, streamGrace time.Duration) bool {
	s.Health.Shutdown()
	stopped := make(chan struct{})
	go func() {
		s.GRPC.GracefulStop()
		close(stopped)
	}()
	graceTimer := time.NewTimer(grace)
	defer graceTimer.Stop()
	streamTimer := time.NewTimer(min(streamGrace, grace))
	defer streamTimer.Stop()
	for {
		select {
		case <-stopped:
			return true
		case <-streamTimer.C:
			if n := s.drain.endAll(); n > 0 {
				s.logger.Warn("stream grace period over; ending open streams", "streams", n)
			}
		case <-graceTimer.C:
			s.logger.Warn("grace period over; closing remaining calls")
			s.GRPC.Stop()
			<-stopped
			return false
		}
	}
}

// registerReflection serves v1 and v1alpha reflection from the commented
// descriptor set, so that `grpcurl describe` shows the API's documentation.
func registerReflection(srv *grpc.Server, logger *slog.Logger) {
	opts := reflection.ServerOptions{Services: srv}
	if res, err := apidesc.Resolver(); err == nil {
		opts.DescriptorResolver = res
	} else {
		logger.Warn("reflection without comments", "error", err)
	}
	reflectionv1.RegisterServerReflectionServer(srv, reflection.NewServerV1(opts))
	reflectionv1alpha.RegisterServerReflectionServer(srv, reflection.NewServer(opts))
}

// slogAdapter lets go-grpc-middleware's logging interceptor write to slog.
func slogAdapter(l *slog.Logger) logging.Logger {
	return logging.LoggerFunc(func(ctx context.Context, lvl logging.Level, msg string, fields ...any) {
		l.Log(ctx, slog.Level(lvl), msg, fields...)
	})
}
