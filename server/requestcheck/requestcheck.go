// Package requestcheck enforces the limits that hold for every request, of
// any RPC, before a handler sees it: the wire bytes must decode, every string
// must be valid UTF-8, and no repeated field or string may be oversized.
//
// The handlers in package service check each field of their own requests
// (names, page sizes, tokens, enums) and stay the authority on those; this
// package only adds what a handler cannot do. Its limits are set above every
// handler's own, so that where both apply the handler's more specific message
// is the one a caller sees — except for repeated fields beyond
// [MaxRepeated], which are refused here so that no handler ever builds one
// field violation per element of a huge list.
//
// A request that fails to decode never reaches an interceptor in grpc-go:
// the generated handler decodes it first, and grpc-go reports any decoding
// error as INTERNAL. [Codec] therefore decodes requests itself and, when
// decoding fails, finds the offending fields in the wire bytes and leaves
// them, as a marker in the message's unknown fields, for the interceptors
// here to turn into INVALID_ARGUMENT with a BadRequest detail. The marker
// travels with the message, so a request refused earlier in the chain (by
// auth, say) leaves nothing behind.
package requestcheck

import (
	"context"
	"fmt"
	"strconv"

	"google.golang.org/grpc"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/server/apierr"
)

// Limits that every request must keep, whatever its RPC.
const (
	// MaxRepeated is the most elements one repeated field may hold: the
	// largest any RPC accepts (BatchGetEntities.names).
	MaxRepeated = 1000
	// MaxStringBytes is the longest any string field may be, far above every
	// handler's own limit.
	MaxStringBytes = 16 << 10
	// MaxTextBytes is the longest a field that holds a whole text (see
	// textFields) may be: above its handler's limit of 64 KiB.
	MaxTextBytes = 256 << 10
)

// textFields are the string fields that hold a whole text, an article to
// read, and are held to MaxTextBytes instead of MaxStringBytes.
var textFields = map[protoreflect.FullName]bool{
	(&pb.LinkEntitiesRequest{}).ProtoReflect().Descriptor().Fields().ByName("text").FullName(): true,
}

// UnaryServerInterceptor refuses a request that did not decode or breaks
// one of the limits above with INVALID_ARGUMENT and field violations.
func UnaryServerInterceptor() grpc.UnaryServerInterceptor {
	return func(ctx context.Context, req any, _ *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
		if err := Check(req); err != nil {
			return nil, err
		}
		return handler(ctx, req)
	}
}

// StreamServerInterceptor checks every message the handler receives on a
// stream, as [UnaryServerInterceptor] does.
func StreamServerInterceptor() grpc.StreamServerInterceptor {
	return func(srv any, ss grpc.ServerStream, _ *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
		return handler(srv, checkedStream{ss})
	}
}

type checkedStream struct{ grpc.ServerStream }

func (s checkedStream) RecvMsg(m any) error {
	if err := s.ServerStream.RecvMsg(m); err != nil {
		return err
	}
	return Check(m)
}

// Check returns nil when req decoded and keeps every limit, and otherwise
// an INVALID_ARGUMENT status error with a google.rpc.BadRequest detail
// naming each offending field and a google.rpc.ErrorInfo.
func Check(req any) error {
	m, ok := req.(proto.Message)
	if !ok {
		return nil
	}
	var v violations
	if decodeViolations, ok := takeMarker(m.ProtoReflect()); ok {
		v = decodeViolations
	} else {
		v.checkLimits(m.ProtoReflect(), "")
	}
	return v.Err()
}

// violations are the fields of a request that break its limits or did
// not decode.
type violations struct{ apierr.Violations }

// checkLimits walks a decoded message for oversized repeated fields and
// strings, naming fields as the handlers do: names[3], pattern.triples[0].
func (v *violations) checkLimits(m protoreflect.Message, prefix string) {
	m.Range(func(fd protoreflect.FieldDescriptor, val protoreflect.Value) bool {
		path := prefix + string(fd.Name())
		switch {
		case fd.IsList():
			l := val.List()
			if l.Len() > MaxRepeated {
				v.Add(path, fmt.Sprintf("at most %d elements, got %d", MaxRepeated, l.Len()))
				return true
			}
			for i := range l.Len() {
				v.checkValue(fd, l.Get(i), path+"["+strconv.Itoa(i)+"]")
			}
		case fd.IsMap():
			mp := val.Map()
			if mp.Len() > MaxRepeated {
				v.Add(path, fmt.Sprintf("at most %d entries, got %d", MaxRepeated, mp.Len()))
				return true
			}
			mp.Range(func(k protoreflect.MapKey, mv protoreflect.Value) bool {
				key := k.String()
				if len(key) > MaxStringBytes {
					v.Add(path, fmt.Sprintf("a key longer than %d bytes", MaxStringBytes))
					return true
				}
				v.checkValue(fd.MapValue(), mv, path+"["+strconv.Quote(key)+"]")
				return true
			})
		default:
			v.checkValue(fd, val, path)
		}
		return true
	})
}

func (v *violations) checkValue(fd protoreflect.FieldDescriptor, val protoreflect.Value, path string) {
	switch fd.Kind() {
	case protoreflect.StringKind:
		limit := MaxStringBytes
		if textFields[fd.FullName()] {
			limit = MaxTextBytes
		}
		if len(val.String()) > limit {
			v.Add(path, fmt.Sprintf("longer than %d bytes", limit))
		}
	case protoreflect.BytesKind:
		if len(val.Bytes()) > MaxStringBytes {
			v.Add(path, fmt.Sprintf("longer than %d bytes", MaxStringBytes))
		}
	case protoreflect.MessageKind, protoreflect.GroupKind:
		v.checkLimits(val.Message(), path+".")
	}
}
