// Package apidesc holds the API's descriptor set as `buf build` writes it,
// comments included, so that server reflection can hand clients such as
// grpcurl the schema with its documentation (`grpcurl describe`). The
// descriptors compiled into generated Go code carry no comments.
//
// entitygraph.binpb is produced by `make generate` and drift-checked by
// `make checkgenerate`, like gen/.
package apidesc

import (
	_ "embed"
	"fmt"

	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protodesc"
	"google.golang.org/protobuf/reflect/protoreflect"
	"google.golang.org/protobuf/reflect/protoregistry"
	"google.golang.org/protobuf/types/descriptorpb"
)

//go:embed entitygraph.binpb
var descriptorSet []byte

// DescriptorSet returns the serialized google.protobuf.FileDescriptorSet of
// the entitygraph API, with source comments.
func DescriptorSet() []byte { return descriptorSet }

// Resolver returns a descriptor resolver that answers from the commented
// descriptor set first and from the descriptors linked into the binary
// (health, reflection, well-known types) otherwise.
func Resolver() (protodesc.Resolver, error) {
	var set descriptorpb.FileDescriptorSet
	if err := proto.Unmarshal(descriptorSet, &set); err != nil {
		return nil, fmt.Errorf("apidesc: %w", err)
	}
	files, err := protodesc.NewFiles(&set)
	if err != nil {
		return nil, fmt.Errorf("apidesc: %w", err)
	}
	return layered{first: files, then: protoregistry.GlobalFiles}, nil
}

// layered looks descriptors up in first, then in then.
type layered struct {
	first, then protodesc.Resolver
}

func (l layered) FindFileByPath(path string) (protoreflect.FileDescriptor, error) {
	if fd, err := l.first.FindFileByPath(path); err == nil {
		return fd, nil
	}
	return l.then.FindFileByPath(path)
}

func (l layered) FindDescriptorByName(name protoreflect.FullName) (protoreflect.Descriptor, error) {
	if d, err := l.first.FindDescriptorByName(name); err == nil {
		return d, nil
	}
	return l.then.FindDescriptorByName(name)
}
