// Package app assembles the entitygraph server: it loads the graph, builds
// the gRPC server with its interceptors, health and reflection services,
// serves, and shuts down gracefully.
package app

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"os"
	"runtime/debug"
	"time"

	"github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/logging"
	"github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/recovery"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/health"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/reflection"
	reflectionv1 "google.golang.org/grpc/reflection/grpc_reflection_v1"
	reflectionv1alpha "google.golang.org/grpc/reflection/grpc_reflection_v1alpha"
	"google.golang.org/grpc/status"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/seeds"
	"github.com/entitygraph/entitygraph/server/apidesc"
	"github.com/entitygraph/entitygraph/server/index"
	"github.com/entitygraph/entitygraph/server/seed"
	"github.com/entitygraph/entitygraph/server/service"
)

// Config is what the server needs to run.
type Config struct {
	// Listen is the TCP address to serve on, such as "localhost:50051".
	Listen string
	// Data is the directory of graph files to serve; empty serves the seed
	// graph built into the binary.
	Data string
	// ShutdownGrace bounds how long in-flight calls may run after shutdown
	// starts before they are cut off.
	ShutdownGrace time.Duration
	// Logger receives the server's logs.
	Logger *slog.Logger
}

// LoadIndex loads and indexes the graph in dir, or the built-in seed graph
// when dir is empty.
func LoadIndex(dir string) (*index.Index, error) {
	var fsys fs.FS = seeds.FS
	where := "built-in seeds"
	if dir != "" {
		fsys, where = os.DirFS(dir), dir
	}
	g, err := seed.LoadFS(fsys)
	if err != nil {
		return nil, fmt.Errorf("load %s:\n%w", where, err)
	}
	return index.Build(g)
}

// NewGRPCServer returns a gRPC server with every entitygraph service, the
// standard health service and server reflection registered, and the
// interceptor chain shared by unary and streaming calls: logging, then
// recovery innermost so that a panic becomes INTERNAL and is logged.
func NewGRPCServer(snapshots service.Snapshots, logger *slog.Logger) (*grpc.Server, *health.Server) {
	logOpts := []logging.Option{logging.WithLogOnEvents(logging.FinishCall)}
	recoverOpts := []recovery.Option{recovery.WithRecoveryHandlerContext(func(ctx context.Context, p any) error {
		logger.ErrorContext(ctx, "panic in handler", "panic", p, "stack", string(debug.Stack()))
		return status.Error(codes.Internal, "internal error")
	})}
	srv := grpc.NewServer(
		grpc.ChainUnaryInterceptor(
			logging.UnaryServerInterceptor(slogAdapter(logger), logOpts...),
			recovery.UnaryServerInterceptor(recoverOpts...),
		),
		grpc.ChainStreamInterceptor(
			logging.StreamServerInterceptor(slogAdapter(logger), logOpts...),
			recovery.StreamServerInterceptor(recoverOpts...),
		),
	)
	pb.RegisterEntityServiceServer(srv, service.NewEntityService(snapshots))
	pb.RegisterQueryServiceServer(srv, service.NewQueryService(snapshots))
	hs := health.NewServer()
	healthpb.RegisterHealthServer(srv, hs)
	for _, name := range []string{"", pb.EntityService_ServiceDesc.ServiceName, pb.QueryService_ServiceDesc.ServiceName} {
		hs.SetServingStatus(name, healthpb.HealthCheckResponse_SERVING)
	}
	registerReflection(srv, logger)
	return srv, hs
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

// Run loads the graph, serves it on cfg.Listen until ctx ends, then shuts
// down: health turns NOT_SERVING, in-flight calls get cfg.ShutdownGrace to
// finish, and whatever is left is cut off.
func Run(ctx context.Context, cfg Config) error {
	logger := cfg.Logger
	if logger == nil {
		logger = slog.Default()
	}
	start := time.Now()
	ix, err := LoadIndex(cfg.Data)
	if err != nil {
		return err
	}
	st := ix.Stats()
	logger.Info("graph loaded", "entities", st.Entities, "relations", st.Relations, "documents", st.Documents,
		"snapshot", ix.Version(), "took", time.Since(start).Round(time.Microsecond))

	lis, err := net.Listen("tcp", cfg.Listen)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	srv, hs := NewGRPCServer(index.NewHolder(ix), logger)
	serveErr := make(chan error, 1)
	go func() { serveErr <- srv.Serve(lis) }()
	logger.Info("serving", "addr", lis.Addr().String())

	select {
	case err := <-serveErr:
		return err
	case <-ctx.Done():
	}
	logger.Info("shutting down", "grace", cfg.ShutdownGrace)
	hs.Shutdown()
	stopped := make(chan struct{})
	go func() {
		srv.GracefulStop()
		close(stopped)
	}()
	timer := time.NewTimer(cfg.ShutdownGrace)
	defer timer.Stop()
	select {
	case <-stopped:
	case <-timer.C:
		logger.Warn("grace period over; closing remaining calls")
		srv.Stop()
		<-stopped
	}
	if err := <-serveErr; err != nil && !errors.Is(err, grpc.ErrServerStopped) {
		return err
	}
	logger.Info("stopped")
	return nil
}
