package index

import (
	"errors"
	"fmt"
	"unicode/utf8"

	"google.golang.org/protobuf/encoding/protowire"
	"google.golang.org/protobuf/reflect/protoreflect"
)

// maxWireDepth bounds how deeply checkWire follows nested messages, as
// proto.Unmarshal does.
const maxWireDepth = 100

// checkWire reports whether b is wire format that proto.Unmarshal would
// decode as a message of md: every tag and length in bounds, every string
// valid UTF-8, every nested message the same; a field of an unexpected wire
// type is an unknown field, as proto.Unmarshal takes it. It decodes
// nothing, and so allocates nothing: a snapshot's records are checked this
// way once, at load, and decoded only when served.
func checkWire(b []byte, md protoreflect.MessageDescriptor, depth int) error {
	if depth > maxWireDepth {
		return errors.New("messages nested too deeply")
	}
	fields := md.Fields()
	for len(b) > 0 {
		num, typ, n := protowire.ConsumeTag(b)
		if n < 0 {
			return protowire.ParseError(n)
		}
		if !num.IsValid() {
			return fmt.Errorf("invalid field number %d", num)
		}
		b = b[n:]
		fd := fields.ByNumber(num)
		if fd == nil || (typ != wireType(fd.Kind()) && !(typ == protowire.BytesType && fd.IsList())) {
			// An unknown field, or a known one of another wire type, is
			// kept as unknown by proto.Unmarshal, not an error.
			if n = protowire.ConsumeFieldValue(num, typ, b); n < 0 {
				return protowire.ParseError(n)
			}
			b = b[n:]
			continue
		}
		n, err := checkField(b, fd, typ, depth)
		if err != nil {
			return fmt.Errorf("field %s: %w", fd.Name(), err)
		}
		b = b[n:]
	}
	return nil
}

// checkField checks the value of one field of wire type typ at the start
// of b, and returns its length.
func checkField(b []byte, fd protoreflect.FieldDescriptor, typ protowire.Type, depth int) (int, error) {
	want := wireType(fd.Kind())
	if typ != want {
		// A packed repeated scalar comes as bytes (checkWire lets no other
		// mismatch through).
		v, n := protowire.ConsumeBytes(b)
		if n < 0 {
			return 0, protowire.ParseError(n)
		}
		for len(v) > 0 {
			m := protowire.ConsumeFieldValue(0, want, v)
			if m < 0 {
				return 0, protowire.ParseError(m)
			}
			v = v[m:]
		}
		return n, nil
	}
	if typ != protowire.BytesType {
		n := protowire.ConsumeFieldValue(fd.Number(), typ, b)
		if n < 0 {
			return 0, protowire.ParseError(n)
		}
		return n, nil
	}
	v, n := protowire.ConsumeBytes(b)
	if n < 0 {
		return 0, protowire.ParseError(n)
	}
	switch fd.Kind() {
	case protoreflect.StringKind:
		if !utf8.Valid(v) {
			return 0, errors.New("string is not valid UTF-8")
		}
	case protoreflect.MessageKind:
		if err := checkWire(v, fd.Message(), depth+1); err != nil {
			return 0, err
		}
	}
	return n, nil
}

// wireType is the wire type of a field of kind k.
func wireType(k protoreflect.Kind) protowire.Type {
	switch k {
	case protoreflect.BoolKind, protoreflect.EnumKind, protoreflect.Int32Kind, protoreflect.Sint32Kind, protoreflect.Uint32Kind,
		protoreflect.Int64Kind, protoreflect.Sint64Kind, protoreflect.Uint64Kind:
		return protowire.VarintType
	case protoreflect.Fixed32Kind, protoreflect.Sfixed32Kind, protoreflect.FloatKind:
		return protowire.Fixed32Type
	case protoreflect.Fixed64Kind, protoreflect.Sfixed64Kind, protoreflect.DoubleKind:
		return protowire.Fixed64Type
	case protoreflect.GroupKind:
		return protowire.StartGroupType
	}
	return protowire.BytesType
}
