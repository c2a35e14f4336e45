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

// wireSchema is what checkWire needs of a message type, by field number:
// looking fields up in the descriptor for every field of every record
// would cost more than the check itself.
type wireSchema struct {
	fields []*wireField // by field number; nil for numbers the type lacks
}

// wireField is one field of a wireSchema.
type wireField struct {
	name    protoreflect.Name
	wire    protowire.Type // the wire type of one value
	list    bool           // repeated: a scalar may come packed
	utf8    bool           // a string: its bytes must be valid UTF-8
	message *wireSchema    // a message: its own schema
}

// maxSchemaNumber is the largest field number a wireSchema keeps in its
// table; the API's messages use small numbers.
const maxSchemaNumber = 1 << 10

// newWireSchema makes the schema of md and of every message it contains.
func newWireSchema(md protoreflect.MessageDescriptor) *wireSchema {
	return buildSchema(md, map[protoreflect.FullName]*wireSchema{})
}

func buildSchema(md protoreflect.MessageDescriptor, made map[protoreflect.FullName]*wireSchema) *wireSchema {
	if s, ok := made[md.FullName()]; ok {
		return s
	}
	s := &wireSchema{}
	made[md.FullName()] = s
	fds := md.Fields()
	for i := range fds.Len() {
		fd := fds.Get(i)
		if fd.Number() > maxSchemaNumber {
			panic(fmt.Sprintf("field %s: number %d above %d", fd.FullName(), fd.Number(), maxSchemaNumber))
		}
		f := &wireField{name: fd.Name(), wire: wireType(fd.Kind()), list: fd.IsList(), utf8: fd.Kind() == protoreflect.StringKind}
		if fd.Kind() == protoreflect.MessageKind {
			f.message = buildSchema(fd.Message(), made)
		}
		for len(s.fields) <= int(fd.Number()) {
			s.fields = append(s.fields, nil)
		}
		s.fields[fd.Number()] = f
	}
	return s
}

func (s *wireSchema) field(num protowire.Number) *wireField {
	if int(num) < len(s.fields) {
		return s.fields[num]
	}
	return nil
}

// checkWire reports whether b is wire format that proto.Unmarshal would
// decode as a message of schema s: every tag and length in bounds, every
// string valid UTF-8, every nested message the same; a field of an
// unexpected wire type is an unknown field, as proto.Unmarshal takes it.
// It decodes nothing, and so allocates nothing: a snapshot's records are
// checked this way once, at load, and decoded only when served.
func checkWire(b []byte, s *wireSchema, depth int) error {
	if depth > maxWireDepth {
		return errors.New("messages nested too deeply")
	}
	for len(b) > 0 {
		num, typ, n := protowire.ConsumeTag(b)
		if n < 0 {
			return protowire.ParseError(n)
		}
		if !num.IsValid() {
			return fmt.Errorf("invalid field number %d", num)
		}
		b = b[n:]
		f := s.field(num)
		if f == nil || (typ != f.wire && !(typ == protowire.BytesType && f.list)) {
			// An unknown field, or a known one of another wire type, is
			// kept as unknown by proto.Unmarshal, not an error.
			if n = protowire.ConsumeFieldValue(num, typ, b); n < 0 {
				return protowire.ParseError(n)
			}
			b = b[n:]
			continue
		}
		n, err := checkField(b, f, typ, depth)
		if err != nil {
			return fmt.Errorf("field %s: %w", f.name, err)
		}
		b = b[n:]
	}
	return nil
}

// checkField checks the value of one field of wire type typ at the start
// of b, and returns its length.
func checkField(b []byte, f *wireField, typ protowire.Type, depth int) (int, error) {
	if typ != f.wire {
		// A packed repeated scalar comes as bytes (checkWire lets no other
		// mismatch through).
		v, n := protowire.ConsumeBytes(b)
		if n < 0 {
			return 0, protowire.ParseError(n)
		}
		for len(v) > 0 {
			m := protowire.ConsumeFieldValue(0, f.wire, v)
			if m < 0 {
				return 0, protowire.ParseError(m)
			}
			v = v[m:]
		}
		return n, nil
	}
	if typ != protowire.BytesType {
		n := protowire.ConsumeFieldValue(1, typ, b)
		if n < 0 {
			return 0, protowire.ParseError(n)
		}
		return n, nil
	}
	v, n := protowire.ConsumeBytes(b)
	if n < 0 {
		return 0, protowire.ParseError(n)
	}
	switch {
	case f.utf8:
		if !utf8.Valid(v) {
			return 0, errors.New("string is not valid UTF-8")
		}
	case f.message != nil:
		if err := checkWire(v, f.message, depth+1); err != nil {
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
