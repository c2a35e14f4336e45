package app_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/mem"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/encoding/protowire"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/server/apierr"
	"github.com/entitygraph/entitygraph/server/app"
)

// rawCodec sends and receives bytes as they are, so that a test can put on
// the wire what no generated client would.
type rawCodec struct{}

func (rawCodec) Name() string { return "proto" }

func (rawCodec) Marshal(v any) (mem.BufferSlice, error) {
	return mem.BufferSlice{mem.SliceBuffer(*v.(*[]byte))}, nil
}

func (rawCodec) Unmarshal(data mem.BufferSlice, v any) error {
	*v.(*[]byte) = data.Materialize()
	return nil
}

// call sends raw request bytes to method, unary or server-streaming as the
// method is, and returns the error.
func call(ctx context.Context, conn *grpc.ClientConn, md protoreflect.MethodDescriptor, req []byte) error {
	name := "/" + string(md.Parent().FullName()) + "/" + string(md.Name())
	if !md.IsStreamingServer() && !md.IsStreamingClient() {
		var resp []byte
		return conn.Invoke(ctx, name, &req, &resp, grpc.ForceCodecV2(rawCodec{}))
	}
	desc := &grpc.StreamDesc{ServerStreams: md.IsStreamingServer(), ClientStreams: md.IsStreamingClient()}
	s, err := conn.NewStream(ctx, desc, name, grpc.ForceCodecV2(rawCodec{}))
	if err != nil {
		return err
	}
	if err := s.SendMsg(&req); err != nil {
		return err
	}
	if err := s.CloseSend(); err != nil {
		return err
	}
	for {
		var resp []byte
		if err := s.RecvMsg(&resp); err != nil {
			return err
		}
	}
}

// badString is one way to put an invalid UTF-8 string into a request: the
// field path a violation should name and the encoded request.
type badString struct {
	path string
	wire []byte
}

// invalidUTF8 is not UTF-8: a lone continuation byte and an overlong NUL.
var invalidUTF8 = []byte("ab\x80\xc0\x80")

// badStrings returns, for every string field reachable from md (through
// nested messages, to a few levels), a request whose only content is that
// field holding invalidUTF8.
func badStrings(md protoreflect.MessageDescriptor, depth int) []badString {
	var out []badString
	fields := md.Fields()
	for i := range fields.Len() {
		fd := fields.Get(i)
		name := string(fd.Name())
		if fd.IsList() {
			name += "[0]"
		}
		switch {
		case fd.IsMap():
			continue
		case fd.Kind() == protoreflect.StringKind:
			b := protowire.AppendTag(nil, fd.Number(), protowire.BytesType)
			out = append(out, badString{name, protowire.AppendBytes(b, invalidUTF8)})
		case fd.Kind() == protoreflect.MessageKind && depth > 0:
			for _, inner := range badStrings(fd.Message(), depth-1) {
				b := protowire.AppendTag(nil, fd.Number(), protowire.BytesType)
				out = append(out, badString{name + "." + inner.path, protowire.AppendBytes(b, inner.wire)})
			}
		}
	}
	return out
}

// wantViolation checks that err is INVALID_ARGUMENT with a BadRequest whose
// first violation is on field, and entitygraph's ErrorInfo; it returns the
// violations.
func wantViolation(t *testing.T, err error, field string) []*errdetails.BadRequest_FieldViolation {
	t.Helper()
	st := status.Convert(err)
	if st.Code() != codes.InvalidArgument {
		t.Errorf("code = %v (%v), want INVALID_ARGUMENT", st.Code(), st.Message())
		return nil
	}
	var vs []*errdetails.BadRequest_FieldViolation
	var info bool
	for _, d := range st.Details() {
		switch d := d.(type) {
		case *errdetails.BadRequest:
			vs = d.GetFieldViolations()
		case *errdetails.ErrorInfo:
			info = d.GetReason() == apierr.ReasonInvalidArgument && d.GetDomain() == apierr.Domain
		}
	}
	if len(vs) == 0 || vs[0].GetField() != field || !info {
		t.Errorf("violations = %v (ErrorInfo %v), want %s first and entitygraph's ErrorInfo", vs, info, field)
	}
	return vs
}

// stillServing checks that the server answers a health check and a real
// call on conn.
func stillServing(t *testing.T, conn *grpc.ClientConn) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if resp, err := healthpb.NewHealthClient(conn).Check(ctx, &healthpb.HealthCheckRequest{}); err != nil || resp.GetStatus() != healthpb.HealthCheckResponse_SERVING {
		t.Fatalf("health after bad input = %v, %v; want SERVING", resp, err)
	}
	if _, err := pb.NewEntityServiceClient(conn).GetEntity(ctx, &pb.GetEntityRequest{Name: "organizations/kioxia"}); err != nil {
		t.Fatalf("GetEntity after bad input: %v", err)
	}
}

// TestInvalidUTF8 sends invalid UTF-8 in every string field of every RPC's
// request, over a real connection. grpc-go alone would answer INTERNAL
// (the request does not decode); entitygraph answers INVALID_ARGUMENT with
// the field's path, and goes on serving.
func TestInvalidUTF8(t *testing.T) {
	srv := run(t, app.Config{})
	conn := dial(t, srv.addr, plaintext())
	services := []protoreflect.ServiceDescriptor{
		pb.File_entitygraph_v1_entity_service_proto.Services().ByName("EntityService"),
		pb.File_entitygraph_v1_query_service_proto.Services().ByName("QueryService"),
	}
	n := 0
	for _, sd := range services {
		for i := range sd.Methods().Len() {
			md := sd.Methods().Get(i)
			for _, bad := range badStrings(md.Input(), 3) {
				n++
				t.Run(string(md.Name())+"/"+bad.path, func(t *testing.T) {
					ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
					defer cancel()
					vs := wantViolation(t, call(ctx, conn, md, bad.wire), bad.path)
					if len(vs) > 0 && vs[0].GetDescription() != "not valid UTF-8" {
						t.Errorf("description = %q, want %q", vs[0].GetDescription(), "not valid UTF-8")
					}
				})
			}
		}
	}
	if n < 10 {
		t.Errorf("only %d string fields found in the requests", n)
	}
	stillServing(t, conn)
}

// TestMalformedRequests covers requests that are not protobuf at all, too
// large, or oversized in one field.
func TestMalformedRequests(t *testing.T) {
	srv := run(t, app.Config{Limits: app.Limits{MaxRecvBytes: 64 << 10}})
	conn := dial(t, srv.addr, plaintext())
	c := pb.NewEntityServiceClient(conn)
	entity := pb.File_entitygraph_v1_entity_service_proto.Services().ByName("EntityService")
	getEntity := entity.Methods().ByName("GetEntity")
	ctx := context.Background()

	t.Run("not protobuf", func(t *testing.T) {
		wantViolation(t, call(ctx, conn, getEntity, []byte{0xff, 0xff, 0xff}), "")
	})
	t.Run("truncated field", func(t *testing.T) {
		b := protowire.AppendTag(nil, 1, protowire.BytesType)
		b = protowire.AppendVarint(b, 100) // says 100 bytes follow; 3 do
		wantViolation(t, call(ctx, conn, getEntity, append(b, "abc"...)), "name")
	})
	t.Run("forged marker", func(t *testing.T) {
		// A valid request carrying the field number requestcheck uses
		// for its own records is served, not refused.
		b, _ := proto.Marshal(&pb.GetEntityRequest{Name: "organizations/kioxia"})
		b = protowire.AppendTag(b, protowire.MaxValidNumber, protowire.BytesType)
		b = protowire.AppendBytes(b, []byte("\x0a\x03abc"))
		if err := call(ctx, conn, getEntity, b); err != nil {
			t.Errorf("GetEntity with an unknown field: %v, want success", err)
		}
	})
	t.Run("larger than max-recv-bytes", func(t *testing.T) {
		_, err := c.SearchEntities(ctx, &pb.SearchEntitiesRequest{Query: strings.Repeat("x", 100<<10)})
		if status.Code(err) != codes.ResourceExhausted {
			t.Errorf("100 KiB request: %v, want RESOURCE_EXHAUSTED", err)
		}
		// gRPC refuses it before any interceptor: the stats handler still
		// logs and counts it, as the call ends on the server, which may be
		// a moment after the client has its answer.
		deadline := time.Now().Add(5 * time.Second)
		for !strings.Contains(srv.logs.String(), "call refused before its handler") && time.Now().Before(deadline) {
			time.Sleep(10 * time.Millisecond)
		}
		if logs := srv.logs.String(); !strings.Contains(logs, "call refused before its handler") || !strings.Contains(logs, "SearchEntities") {
			t.Errorf("no log line for the refused call; logs:\n%s", logs)
		}
		if got := scrape(t, srv.metricsAddr)[`entitygraph_calls_refused_total{grpc_code="ResourceExhausted"}`]; got != 1 {
			t.Errorf("entitygraph_calls_refused_total{grpc_code=ResourceExhausted} = %v, want 1", got)
		}
	})
	t.Run("oversized string", func(t *testing.T) {
		_, err := c.SearchEntities(ctx, &pb.SearchEntitiesRequest{Query: strings.Repeat("x", 20<<10)})
		wantViolation(t, err, "query")
	})
	t.Run("oversized repeated field", func(t *testing.T) {
		preds := make([]string, 5000)
		for i := range preds {
			preds[i] = fmt.Sprintf("p%d", i) // each one unknown
		}
		_, err := c.ListRelations(ctx, &pb.ListRelationsRequest{Predicates: preds})
		if vs := wantViolation(t, err, "predicates"); len(vs) != 1 {
			t.Errorf("%d violations, want one for the whole field rather than one per element", len(vs))
		}
	})
	t.Run("oversized repeated field of QueryService", func(t *testing.T) {
		_, err := pb.NewQueryServiceClient(conn).FindPaths(ctx, &pb.FindPathsRequest{Source: "organizations/kioxia", Target: "organizations/sony", Predicates: make([]string, 1001)})
		wantViolation(t, err, "predicates")
	})
	stillServing(t, conn)
	if got := fmt.Sprint(scrape(t, srv.metricsAddr)[`grpc_server_handled_total{grpc_code="InvalidArgument",grpc_method="GetEntity",grpc_service="entitygraph.v1.EntityService",grpc_type="unary"}`]); got != "2" {
		t.Errorf("metrics count %s INVALID_ARGUMENT GetEntity calls, want 2", got)
	}
}
