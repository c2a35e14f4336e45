package apidesc

import (
	"strings"
	"testing"

	_ "google.golang.org/grpc/health/grpc_health_v1" // links the health descriptors
	"google.golang.org/protobuf/reflect/protodesc"
	"google.golang.org/protobuf/reflect/protoreflect"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
)

func TestResolverHasComments(t *testing.T) {
	t.Parallel()
	r, err := Resolver()
	if err != nil {
		t.Fatal(err)
	}
	d, err := r.FindDescriptorByName("entitygraph.v1.EntityService")
	if err != nil {
		t.Fatal(err)
	}
	fd := d.ParentFile()
	comments := fd.SourceLocations().ByDescriptor(d).LeadingComments
	if !strings.Contains(comments, "EntityService looks up") {
		t.Errorf("EntityService leading comments = %q, want its doc comment", comments)
	}
	// The embedded set must describe the same schema as the generated code.
	want := protodesc.ToFileDescriptorProto(pb.File_entitygraph_v1_entity_service_proto)
	got := protodesc.ToFileDescriptorProto(fd)
	got.SourceCodeInfo = nil
	// buf generate's managed mode sets go_package; buf build does not.
	got.Options, want.Options = nil, nil
	if got.String() != want.String() {
		t.Error("embedded descriptor set differs from the generated code: run make generate")
	}
	if _, err := r.FindDescriptorByName(protoreflect.FullName("grpc.health.v1.Health")); err != nil {
		t.Errorf("health service not resolvable: %v", err)
	}
}
