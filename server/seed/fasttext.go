package seed

import (
	"strconv"
	"unicode/utf8"

	"google.golang.org/protobuf/reflect/protoreflect"
)

// parseSimple parses src, the Protobuf text format of a message, into m,
// an empty message, when src keeps to the plain subset that graph files
// are written in; it reports false, leaving m in an unspecified state, for
// anything else, which prototext.Unmarshal must then parse (and report the
// errors of). The subset: fields by name, separated by white space alone;
// a message field's value in braces, with or without a colon; strings in
// double quotes, with no escapes but \", \' and \\, of valid UTF-8 and
// not concatenated; enum values by name; decimal integers; true and
// false. It declines comments, lists, separators, angle brackets, maps,
// oneofs, floats, extensions, Any, a non-repeated field given twice and
// every error, so
// that what it accepts parses to the very message prototext.Unmarshal
// gives, only several times faster: a big text graph's load is mostly
// parsing.
func parseSimple(src []byte, m protoreflect.Message) bool {
	p := simpleParser{src: src}
	return p.message(m, 0) && p.pos == len(src)
}

// maxSimpleDepth is the deepest nesting of messages parseSimple reads.
const maxSimpleDepth = 32

// simpleParser reads src from pos.
type simpleParser struct {
	src []byte
	pos int
}

// space skips white space.
func (p *simpleParser) space() {
	for p.pos < len(p.src) {
		switch p.src[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return
		}
	}
}

// ident reads an identifier, or returns "".
func (p *simpleParser) ident() string {
	start := p.pos
	for p.pos < len(p.src) {
		c := p.src[p.pos]
		if c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || p.pos > start && '0' <= c && c <= '9' {
			p.pos++
			continue
		}
		break
	}
	return string(p.src[start:p.pos])
}

// delimited reports whether a value ends at pos: white space, a closing
// brace or the end follows it.
func (p *simpleParser) delimited() bool {
	if p.pos == len(p.src) {
		return true
	}
	switch p.src[p.pos] {
	case ' ', '\t', '\n', '\r', '}':
		return true
	}
	return false
}

// message reads fields into m up to a closing brace, or to the end at
// depth 0.
func (p *simpleParser) message(m protoreflect.Message, depth int) bool {
	md := m.Descriptor()
	fields := md.Fields()
	var seen uint64 // non-repeated fields given, by index
	if fields.Len() > 64 || md.FullName() == "google.protobuf.Any" || depth > maxSimpleDepth {
		return false
	}
	inner := depth > 0
	for {
		p.space()
		if p.pos == len(p.src) {
			return !inner
		}
		if p.src[p.pos] == '}' {
			if !inner {
				return false
			}
			p.pos++
			return true
		}
		name := p.ident()
		if name == "" {
			return false
		}
		fd := fields.ByTextName(name)
		if fd == nil || fd.IsMap() || fd.IsWeak() || fd.ContainingOneof() != nil && !fd.ContainingOneof().IsSynthetic() {
			return false
		}
		if !fd.IsList() {
			bit := uint64(1) << fd.Index()
			if seen&bit != 0 {
				return false
			}
			seen |= bit
		}
		p.space()
		colon := p.pos < len(p.src) && p.src[p.pos] == ':'
		if colon {
			p.pos++
			p.space()
		}
		if fd.Kind() == protoreflect.MessageKind {
			if p.pos == len(p.src) || p.src[p.pos] != '{' {
				return false
			}
			p.pos++
			var sub protoreflect.Message
			if fd.IsList() {
				sub = m.Mutable(fd).List().NewElement().Message()
			} else {
				sub = m.Mutable(fd).Message()
			}
			if !p.message(sub, depth+1) {
				return false
			}
			if fd.IsList() {
				m.Mutable(fd).List().Append(protoreflect.ValueOfMessage(sub))
			}
			continue
		}
		if !colon {
			return false
		}
		v, ok := p.scalar(fd)
		if !ok {
			return false
		}
		if fd.IsList() {
			m.Mutable(fd).List().Append(v)
		} else {
			m.Set(fd, v)
		}
	}
}

// scalar reads the value of a field of a scalar kind.
func (p *simpleParser) scalar(fd protoreflect.FieldDescriptor) (protoreflect.Value, bool) {
	switch fd.Kind() {
	case protoreflect.StringKind:
		s, ok := p.str()
		if !ok || !utf8.ValidString(s) {
			return protoreflect.Value{}, false
		}
		return protoreflect.ValueOfString(s), true
	case protoreflect.EnumKind:
		v := fd.Enum().Values().ByName(protoreflect.Name(p.ident()))
		if v == nil || !p.delimited() {
			return protoreflect.Value{}, false
		}
		return protoreflect.ValueOfEnum(v.Number()), true
	case protoreflect.BoolKind:
		switch id := p.ident(); {
		case !p.delimited():
		case id == "true":
			return protoreflect.ValueOfBool(true), true
		case id == "false":
			return protoreflect.ValueOfBool(false), true
		}
		return protoreflect.Value{}, false
	case protoreflect.Int32Kind, protoreflect.Sint32Kind, protoreflect.Sfixed32Kind:
		n, ok := p.integer(true, 32)
		return protoreflect.ValueOfInt32(int32(n)), ok
	case protoreflect.Int64Kind, protoreflect.Sint64Kind, protoreflect.Sfixed64Kind:
		n, ok := p.integer(true, 64)
		return protoreflect.ValueOfInt64(n), ok
	case protoreflect.Uint32Kind, protoreflect.Fixed32Kind:
		n, ok := p.integer(false, 32)
		return protoreflect.ValueOfUint32(uint32(n)), ok
	case protoreflect.Uint64Kind, protoreflect.Fixed64Kind:
		// Beyond the int64 range, prototext reads it; so may we not.
		n, ok := p.integer(false, 63)
		return protoreflect.ValueOfUint64(uint64(n)), ok
	}
	return protoreflect.Value{}, false
}

// str reads a double-quoted string, with no escapes but \", \' and \\,
// that no other string follows.
func (p *simpleParser) str() (string, bool) {
	if p.pos == len(p.src) || p.src[p.pos] != '"' {
		return "", false
	}
	start := p.pos + 1
	var unescaped []byte // when there are escapes
	from := start        // of what is yet to be added to unescaped
	for i := start; i < len(p.src); i++ {
		switch p.src[i] {
		case '"':
			p.pos = i + 1
			if !p.delimited() {
				return "", false
			}
			// "a" "b" is one string in the text format.
			save := p.pos
			p.space()
			if p.pos < len(p.src) && (p.src[p.pos] == '"' || p.src[p.pos] == '\'') {
				return "", false
			}
			p.pos = save
			if unescaped != nil {
				return string(append(unescaped, p.src[from:i]...)), true
			}
			return string(p.src[start:i]), true
		case '\\':
			if i+1 == len(p.src) {
				return "", false
			}
			switch c := p.src[i+1]; c {
			case '"', '\'', '\\':
				unescaped = append(append(unescaped, p.src[from:i]...), c)
				i++
				from = i + 1
			default:
				return "", false
			}
		case '\n', 0:
			return "", false
		}
	}
	return "", false
}

// integer reads a decimal integer without leading zeros that fits in bits
// bits (and a sign, when signed).
func (p *simpleParser) integer(signed bool, bits int) (int64, bool) {
	start := p.pos
	if signed && p.pos < len(p.src) && p.src[p.pos] == '-' {
		p.pos++
	}
	digits := p.pos
	for p.pos < len(p.src) && '0' <= p.src[p.pos] && p.src[p.pos] <= '9' {
		p.pos++
	}
	if p.pos == digits || p.src[digits] == '0' && p.pos-digits > 1 || !p.delimited() {
		return 0, false
	}
	n, err := strconv.ParseInt(string(p.src[start:p.pos]), 10, bits+1)
	if err != nil || !signed && n < 0 {
		return 0, false
	}
	if signed {
		n, err = strconv.ParseInt(string(p.src[start:p.pos]), 10, bits)
	}
	return n, err == nil
}
