package app_test

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/metadata"
	reflectionpb "google.golang.org/grpc/reflection/grpc_reflection_v1"
	"google.golang.org/grpc/status"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/server/app"
	"github.com/entitygraph/entitygraph/server/throttle"
)

// tlsClient dials with TLS, trusting the CAs in pool and presenting certs.
func tlsClient(pool *x509.CertPool, certs ...tls.Certificate) grpc.DialOption {
	return grpc.WithTransportCredentials(credentials.NewTLS(&tls.Config{ServerName: "localhost", RootCAs: pool, Certificates: certs}))
}

func getKioxia(conn *grpc.ClientConn, md ...string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if len(md) > 0 {
		ctx = metadata.AppendToOutgoingContext(ctx, md...)
	}
	_, err := pb.NewEntityServiceClient(conn).GetEntity(ctx, &pb.GetEntityRequest{Name: "organizations/kioxia"})
	return err
}

func health(conn *grpc.ClientConn) error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	resp, err := healthpb.NewHealthClient(conn).Check(ctx, &healthpb.HealthCheckRequest{})
	if err == nil && resp.GetStatus() != healthpb.HealthCheckResponse_SERVING {
		return status.Errorf(codes.Unavailable, "health %v", resp.GetStatus())
	}
	return err
}

func TestTLS(t *testing.T) {
	t.Parallel()
	good, rogue := newPKI(t, "good"), newPKI(t, "rogue")
	srv := run(t, app.Config{TLS: app.TLSFiles{Cert: good.certFile, Key: good.keyFile}}, tlsClient(good.pool))

	if err := getKioxia(dial(t, srv.addr, tlsClient(good.pool))); err != nil {
		t.Errorf("client trusting the server's CA: %v, want success", err)
	}
	for name, opt := range map[string]grpc.DialOption{
		"client trusting another CA": tlsClient(rogue.pool),
		"plaintext client":           plaintext(),
	} {
		if err := getKioxia(dial(t, srv.addr, opt)); status.Code(err) != codes.Unavailable {
			t.Errorf("%s: %v, want UNAVAILABLE", name, err)
		}
	}
}

func TestMutualTLS(t *testing.T) {
	t.Parallel()
	good, rogue := newPKI(t, "good"), newPKI(t, "rogue")
	cfg := app.Config{TLS: app.TLSFiles{Cert: good.certFile, Key: good.keyFile, ClientCA: good.caFile}}
	srv := run(t, cfg, tlsClient(good.pool, good.client))

	ok := dial(t, srv.addr, tlsClient(good.pool, good.client))
	if err := getKioxia(ok); err != nil {
		t.Errorf("client with a certificate from the client CA: %v, want success", err)
	}
	if err := health(ok); err != nil {
		t.Errorf("health with a good client certificate: %v", err)
	}
	for name, opt := range map[string]grpc.DialOption{
		"no client certificate":         tlsClient(good.pool),
		"certificate from the wrong CA": tlsClient(good.pool, rogue.client),
		"client trusting the wrong CA":  tlsClient(rogue.pool, good.client),
		"plaintext client":              plaintext(),
	} {
		conn := dial(t, srv.addr, opt)
		if err := getKioxia(conn); status.Code(err) != codes.Unavailable {
			t.Errorf("%s: %v, want UNAVAILABLE", name, err)
		}
		if err := health(conn); status.Code(err) != codes.Unavailable {
			t.Errorf("%s: health %v, want UNAVAILABLE (the handshake fails)", name, err)
		}
	}
}

func TestPlaintextOnlyOnLoopbackOrWhenAsked(t *testing.T) {
	t.Parallel()
	err := app.Run(context.Background(), app.Config{Listen: "0.0.0.0:0"})
	if err == nil || !strings.Contains(err.Error(), "refusing to serve plaintext") {
		t.Errorf("Run on 0.0.0.0 without TLS = %v, want a refusal", err)
	}
	err = app.Run(context.Background(), app.Config{Listen: "localhost:0", TLS: app.TLSFiles{Cert: "x.pem"}})
	if err == nil || !strings.Contains(err.Error(), "--tls-key") {
		t.Errorf("Run with a certificate and no key = %v, want an error naming --tls-key", err)
	}
}

func writeTokens(t testing.TB, path, content string) {
	t.Helper()
	writeAtomically(t, path, []byte(content))
}

func TestAuth(t *testing.T) {
	t.Parallel()
	tokens := filepath.Join(t.TempDir(), "tokens")
	writeTokens(t, tokens, "# client token\nsearch-api  token-of-the-search-api-0001\nbatch  token-of-the-batch-job-00002\n")
	reload := make(chan os.Signal, 1)
	srv := run(t, app.Config{AuthTokens: tokens, Reload: reload})
	conn := dial(t, srv.addr, plaintext())

	if err := getKioxia(conn, "authorization", "Bearer token-of-the-search-api-0001"); err != nil {
		t.Errorf("good token: %v", err)
	}
	for name, md := range map[string][]string{
		"no token":             nil,
		"wrong token":          {"authorization", "Bearer token-of-nobody-at-all-000"},
		"wrong scheme":         {"authorization", "Basic token-of-the-search-api-0001"},
		"token without scheme": {"authorization", "token-of-the-search-api-0001"},
	} {
		err := getKioxia(conn, md...)
		if status.Code(err) != codes.Unauthenticated {
			t.Errorf("%s: %v, want UNAUTHENTICATED", name, err)
			continue
		}
		var info *errdetails.ErrorInfo
		for _, d := range status.Convert(err).Details() {
			if d, ok := d.(*errdetails.ErrorInfo); ok {
				info = d
			}
		}
		if info.GetReason() != "UNAUTHENTICATED" {
			t.Errorf("%s: ErrorInfo = %v, want reason UNAUTHENTICATED", name, info)
		}
	}
	// A stream is checked before its handler runs.
	stream, err := pb.NewQueryServiceClient(conn).Traverse(context.Background(), &pb.TraverseRequest{Start: []string{"organizations/kioxia"}})
	if err == nil {
		_, err = stream.Recv()
	}
	if status.Code(err) != codes.Unauthenticated {
		t.Errorf("Traverse without a token: %v, want UNAUTHENTICATED", err)
	}
	// Health and reflection stay open.
	if err := health(conn); err != nil {
		t.Errorf("health without a token: %v", err)
	}
	refl, err := reflectionpb.NewServerReflectionClient(conn).ServerReflectionInfo(context.Background())
	if err == nil {
		err = refl.Send(&reflectionpb.ServerReflectionRequest{MessageRequest: &reflectionpb.ServerReflectionRequest_ListServices{}})
	}
	if err == nil {
		_, err = refl.Recv()
		_ = refl.CloseSend()
	}
	if err != nil {
		t.Errorf("reflection without a token: %v", err)
	}

	// SIGHUP rereads the token file: the batch job's token is revoked.
	writeTokens(t, tokens, "search-api  token-of-the-search-api-0001\n")
	before := reloadsDone(t, srv.metricsAddr)
	reload <- syscall.SIGHUP
	for deadline := time.Now().Add(10 * time.Second); reloadsDone(t, srv.metricsAddr) == before; time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("reload did not happen")
		}
	}
	// The token file is reread just after the graph; wait for it.
	deadline := time.Now().Add(10 * time.Second)
	for getKioxia(conn, "authorization", "Bearer token-of-the-batch-job-00002") == nil {
		if time.Now().After(deadline) {
			t.Fatal("revoked token still accepted 10s after SIGHUP")
		}
		time.Sleep(5 * time.Millisecond)
	}
	if err := getKioxia(conn, "authorization", "Bearer token-of-the-search-api-0001"); err != nil {
		t.Errorf("kept token after reload: %v", err)
	}
}

func TestRateLimits(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		limits    throttle.Limits
		wantLimit string
	}{
		{"per client", throttle.Limits{Client: 1, ClientBurst: 5}, "client"},
		{"global", throttle.Limits{Global: 1, GlobalBurst: 5}, "global"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := run(t, app.Config{RateLimits: tt.limits})
			conn := dial(t, srv.addr, plaintext())
			var ok, limited int
			for range 20 {
				err := getKioxia(conn)
				switch status.Code(err) {
				case codes.OK:
					ok++
				case codes.ResourceExhausted:
					limited++
					var quota, retry bool
					for _, d := range status.Convert(err).Details() {
						switch d := d.(type) {
						case *errdetails.QuotaFailure:
							quota = len(d.GetViolations()) == 1 && strings.HasPrefix(d.GetViolations()[0].GetSubject(), tt.wantLimit)
						case *errdetails.RetryInfo:
							retry = d.GetRetryDelay().AsDuration() > 0
						}
					}
					if !quota || !retry {
						t.Errorf("throttled call lacks QuotaFailure on %s or RetryInfo: %v", tt.wantLimit, status.Convert(err).Details())
					}
				default:
					t.Fatalf("call: %v", err)
				}
			}
			// The burst passes (give or take one refilled token), the rest
			// is refused.
			if ok < 5 || ok > 7 || limited != 20-ok {
				t.Errorf("%d calls passed and %d were throttled, want about 5 and 15", ok, limited)
			}
			for range 10 {
				if err := health(conn); err != nil {
					t.Fatalf("health check while throttled: %v", err)
				}
			}
			if got := scrape(t, srv.metricsAddr)[`entitygraph_rate_limited_total{limit="`+tt.wantLimit+`"}`]; int(got) != limited {
				t.Errorf("entitygraph_rate_limited_total{limit=%q} = %v, want %d", tt.wantLimit, got, limited)
			}
		})
	}
}

// TestDefaultRateLimitsSpareABusyClient checks the default per-client
// limit against one busy client: eight goroutines calling as fast as they
// can over one connection, as the Python team's 8-thread process did, get
// no call refused (at the earlier default of 500 calls/s, 71% were).
func TestDefaultRateLimitsSpareABusyClient(t *testing.T) {
	t.Parallel()
	srv := run(t, app.Config{RateLimits: throttle.Limits{Client: throttle.DefaultClient, ClientBurst: throttle.DefaultClientBurst}})
	conn := dial(t, srv.addr, plaintext())
	var calls, limited atomic.Int64
	var wg sync.WaitGroup
	until := time.Now().Add(time.Second)
	for range 8 {
		wg.Go(func() {
			for time.Now().Before(until) {
				err := getKioxia(conn)
				calls.Add(1)
				switch status.Code(err) {
				case codes.OK:
				case codes.ResourceExhausted:
					limited.Add(1)
				default:
					t.Errorf("call: %v", err)
					return
				}
			}
		})
	}
	wg.Wait()
	if limited.Load() > 0 {
		t.Errorf("%d of %d calls of one busy client refused by the default rate limit", limited.Load(), calls.Load())
	}
	t.Logf("one client, 8 goroutines, 1 s: %d calls, none refused", calls.Load())
}

// TestRateLimitStopsAFlood runs a flood and a well-behaved client side by
// side, each with its own token: the flood, eight goroutines calling as
// fast as they can, is held to its per-client rate (50 calls/s, low enough
// that even a slow, busy machine floods it) and most of its calls are
// refused; the well-behaved client, 20 calls a second, has none refused.
// Latencies are logged, not asserted: the machine is shared.
func TestRateLimitStopsAFlood(t *testing.T) {
	t.Parallel()
	tokens := filepath.Join(t.TempDir(), "tokens")
	writeTokens(t, tokens, "flood  token-of-the-flood-000000001\npolite  token-of-the-polite-00000001\n")
	srv := run(t, app.Config{AuthTokens: tokens, RateLimits: throttle.Limits{Client: 50, ClientBurst: 20}})
	conn := dial(t, srv.addr, plaintext())
	latency := func(n int, every time.Duration) (lat []time.Duration, refused int) {
		for i := 0; i < n; i++ {
			start := time.Now()
			err := getKioxia(conn, "authorization", "Bearer token-of-the-polite-00000001")
			lat = append(lat, time.Since(start))
			if status.Code(err) == codes.ResourceExhausted {
				refused++
			} else if err != nil {
				t.Errorf("polite call: %v", err)
			}
			time.Sleep(every)
		}
		slices.Sort(lat)
		return lat, refused
	}
	quiet, _ := latency(10, 50*time.Millisecond)

	var flood, floodRefused atomic.Int64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
				err := getKioxia(conn, "authorization", "Bearer token-of-the-flood-000000001")
				flood.Add(1)
				if status.Code(err) == codes.ResourceExhausted {
					floodRefused.Add(1)
				}
			}
		})
	}
	busy, refused := latency(30, 50*time.Millisecond)
	close(stop)
	wg.Wait()
	if refused > 0 {
		t.Errorf("the well-behaved client had %d of 30 calls refused during the flood", refused)
	}
	if f, r := flood.Load(), floodRefused.Load(); r < f/2 {
		t.Errorf("the flood had %d of %d calls refused; want most", r, f)
	}
	p := func(lat []time.Duration, q float64) time.Duration { return lat[int(q*float64(len(lat)-1))] }
	t.Logf("flood: %d calls, %d refused; well-behaved: p50 %v, p90 %v alone, p50 %v, p90 %v during the flood",
		flood.Load(), floodRefused.Load(), p(quiet, 0.5), p(quiet, 0.9), p(busy, 0.5), p(busy, 0.9))
}
