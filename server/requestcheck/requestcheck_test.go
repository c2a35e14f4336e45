package requestcheck

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"google.golang.org/grpc/mem"
	"google.golang.org/protobuf/encoding/protowire"
	"google.golang.org/protobuf/proto"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
)

func TestCodecRecordsInvalidUTF8(t *testing.T) {
	t.Parallel()
	// names: ["organizations/kioxia", <invalid>, "people/x", <invalid>]
	var b []byte
	for _, s := range []string{"organizations/kioxia", "a\xffb", "people/x", "\xc0\x80"} {
		b = protowire.AppendTag(b, 1, protowire.BytesType)
		b = protowire.AppendBytes(b, []byte(s))
	}
	req := &pb.BatchGetEntitiesRequest{}
	if err := (Codec{}).Unmarshal(mem.BufferSlice{mem.SliceBuffer(b)}, req); err != nil {
		t.Fatalf("Unmarshal() error = %v, want the failure recorded instead", err)
	}
	v, ok := takeMarker(req.ProtoReflect())
	if !ok {
		t.Fatal("no violations recorded")
	}
	var fields []string
	for _, f := range v.Violations {
		fields = append(fields, f.GetField())
	}
	if diff := cmp.Diff([]string{"names[1]", "names[3]"}, fields); diff != "" {
		t.Errorf("violations (-want +got):\n%s", diff)
	}
	if Check(req) == nil {
		t.Error("Check() = nil for a request that did not decode")
	}
}

func TestCheckLimits(t *testing.T) {
	t.Parallel()
	ok := &pb.BatchGetEntitiesRequest{Names: make([]string, MaxRepeated)}
	if err := Check(ok); err != nil {
		t.Errorf("Check(%d names) = %v, want nil", MaxRepeated, err)
	}
	if err := Check(&pb.BatchGetEntitiesRequest{Names: make([]string, MaxRepeated+1)}); err == nil {
		t.Errorf("Check(%d names) = nil, want an error", MaxRepeated+1)
	}
	long := string(make([]byte, MaxStringBytes+1))
	if err := Check(&pb.SearchEntitiesRequest{Query: long}); err == nil {
		t.Error("Check(oversized query) = nil, want an error")
	}
	// A text to link may be longer, to its own limit.
	if err := Check(&pb.LinkEntitiesRequest{Text: long}); err != nil {
		t.Errorf("Check(text of %d bytes) = %v, want nil", len(long), err)
	}
	if err := Check(&pb.LinkEntitiesRequest{Text: string(make([]byte, MaxTextBytes+1))}); err == nil {
		t.Errorf("Check(text of %d bytes) = nil, want an error", MaxTextBytes+1)
	}
	// A valid message round-trips through the codec untouched.
	want := &pb.SearchEntitiesRequest{Query: "Kioxia", PageSize: 3}
	raw, _ := proto.Marshal(want)
	got := &pb.SearchEntitiesRequest{}
	if err := (Codec{}).Unmarshal(mem.BufferSlice{mem.SliceBuffer(raw)}, got); err != nil || !proto.Equal(got, want) || Check(got) != nil {
		t.Errorf("Unmarshal(valid) = %v, %v; want %v", got, err, want)
	}
}
