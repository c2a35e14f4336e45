package requestcheck

import (
	"fmt"
	"strconv"
	"unicode/utf8"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc/encoding"
	grpcproto "google.golang.org/grpc/encoding/proto"
	"google.golang.org/grpc/mem"
	"google.golang.org/protobuf/encoding/protowire"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"
)

// markerField is the field number, in a request's unknown fields, of the
// violations found while decoding it: the highest valid number, which no
// schema of ours uses.
const markerField = protowire.MaxValidNumber

// Codec is grpc-go's proto codec, except that a request that fails to decode
// is not an error at this point: the failure is recorded in the message for
// [Check] to report as INVALID_ARGUMENT, with the path of each field that is
// not valid UTF-8. Install it on a server with grpc.ForceServerCodecV2, and
// the interceptors of this package on every method.
type Codec struct{}

var base = encoding.GetCodecV2(grpcproto.Name)

// Name is "proto": Codec replaces the proto codec.
func (Codec) Name() string { return grpcproto.Name }

// Marshal encodes a response as the proto codec does.
func (Codec) Marshal(v any) (mem.BufferSlice, error) { return base.Marshal(v) }

// Unmarshal decodes a request as the proto codec does. If that fails, it
// leaves the message empty but for a record of what was wrong, and returns
// nil; a non-message it cannot decode is an error as usual.
func (Codec) Unmarshal(data mem.BufferSlice, v any) error {
	err := base.Unmarshal(data, v)
	m, ok := v.(proto.Message)
	if !ok {
		return err
	}
	r := m.ProtoReflect()
	if err == nil {
		// A client may not forge the marker.
		if u := r.GetUnknown(); len(u) > 0 {
			if _, found := splitMarker(u); found {
				r.SetUnknown(withoutMarker(u))
			}
		}
		return nil
	}
	var vs violations
	vs.walkWire(r.Descriptor(), data.Materialize(), "")
	if len(vs.Violations) == 0 {
		vs.Add("", fmt.Sprintf("the request is not a valid %s message: %v", r.Descriptor().FullName(), err))
	}
	proto.Reset(m)
	raw, merr := proto.Marshal(&errdetails.BadRequest{FieldViolations: vs.Violations})
	if merr != nil {
		return err
	}
	r.SetUnknown(protowire.AppendBytes(protowire.AppendTag(nil, markerField, protowire.BytesType), raw))
	return nil
}

// walkWire looks through the encoded message b, of type md, for strings
// that are not valid UTF-8 and for bytes that do not parse, recording each
// with its field path.
func (v *violations) walkWire(md protoreflect.MessageDescriptor, b []byte, prefix string) {
	seen := map[protowire.Number]int{}
	for len(b) > 0 {
		num, typ, n := protowire.ConsumeTag(b)
		if n < 0 {
			v.Add(trimDot(prefix), "malformed protobuf encoding")
			return
		}
		b = b[n:]
		fd := md.Fields().ByNumber(num)
		if typ != protowire.BytesType || fd == nil {
			n = protowire.ConsumeFieldValue(num, typ, b)
			if n < 0 {
				v.Add(fieldPath(prefix, fd, num, -1), "malformed protobuf encoding")
				return
			}
			b = b[n:]
			continue
		}
		val, n := protowire.ConsumeBytes(b)
		if n < 0 {
			v.Add(fieldPath(prefix, fd, num, -1), "malformed protobuf encoding")
			return
		}
		b = b[n:]
		index := -1
		if fd.IsList() {
			index = seen[num]
			seen[num]++
		}
		path := fieldPath(prefix, fd, num, index)
		switch {
		case fd.Kind() == protoreflect.StringKind:
			if !utf8.Valid(val) {
				v.Add(path, "not valid UTF-8")
			}
		case fd.IsMap():
			v.walkWire(fd.Message(), val, path+".")
		case fd.Kind() == protoreflect.MessageKind:
			v.walkWire(fd.Message(), val, path+".")
		}
	}
}

func fieldPath(prefix string, fd protoreflect.FieldDescriptor, num protowire.Number, index int) string {
	name := strconv.Itoa(int(num))
	if fd != nil {
		name = string(fd.Name())
	}
	if index >= 0 {
		name += "[" + strconv.Itoa(index) + "]"
	}
	return prefix + name
}

func trimDot(prefix string) string {
	if n := len(prefix); n > 0 && prefix[n-1] == '.' {
		return prefix[:n-1]
	}
	return prefix
}

// takeMarker returns the violations Codec recorded in m, if any.
func takeMarker(m protoreflect.Message) (violations, bool) {
	raw, found := splitMarker(m.GetUnknown())
	if !found {
		return violations{}, false
	}
	var br errdetails.BadRequest
	if err := proto.Unmarshal(raw, &br); err != nil || len(br.GetFieldViolations()) == 0 {
		var v violations
		v.Add("", "the request could not be decoded")
		return v, true
	}
	return violations{br.GetFieldViolations()}, true
}

// splitMarker finds the marker field in unknown-field bytes.
func splitMarker(u []byte) ([]byte, bool) {
	for len(u) > 0 {
		num, typ, n := protowire.ConsumeTag(u)
		if n < 0 {
			return nil, false
		}
		u = u[n:]
		if num == markerField && typ == protowire.BytesType {
			val, n := protowire.ConsumeBytes(u)
			return val, n >= 0
		}
		n = protowire.ConsumeFieldValue(num, typ, u)
		if n < 0 {
			return nil, false
		}
		u = u[n:]
	}
	return nil, false
}

// withoutMarker returns unknown-field bytes without the marker field.
func withoutMarker(u []byte) []byte {
	var out []byte
	for len(u) > 0 {
		num, typ, n := protowire.ConsumeTag(u)
		if n < 0 {
			return out
		}
		m := protowire.ConsumeFieldValue(num, typ, u[n:])
		if m < 0 {
			return out
		}
		if num != markerField {
			out = append(out, u[:n+m]...)
		}
		u = u[n+m:]
	}
	return out
}
