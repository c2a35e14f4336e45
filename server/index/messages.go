package index

import (
	"slices"
	"strings"
	"sync"
	"unsafe"

	"google.golang.org/protobuf/encoding/protowire"
	"google.golang.org/protobuf/proto"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/server/vocab"
)

// This file makes the wire messages from the columns, on demand. Each call
// returns a new message; nothing is cached.

// unmarshal decodes wire bytes the index itself wrote (or checked when
// it was loaded); failing to is a bug.
func unmarshal(rec string, m proto.Message) {
	if err := proto.Unmarshal(view(rec), m); err != nil {
		panic("index: stored record does not decode: " + err.Error())
	}
}

// The field numbers of pb.Entity the index writes itself (the stored record
// leaves them out) or reads from the stored record without decoding it
// (display name, aliases): TestStoredFieldNumbers.
const (
	entityNameField        = 1
	entityDisplayNameField = 2
	entityTypeField        = 3
	entityKindsField       = 4
	entityAliasesField     = 5
	entityRolesField       = 7
)

// entity returns entity e with its name, type, kinds and the roles its
// relations give it. The stored record holds the other fields; the index's
// own are written as wire fields ahead of them and the two decoded as one
// message, in a pooled buffer (the message copies what it keeps).
func (ix *Index) entity(e int32) *pb.Entity {
	wb := wireBuffers.Get().(*wireBuffer)
	name := ix.entityNames.appendAt(wb.name[:0], int(e))
	buf := protowire.AppendTag(wb.msg[:0], entityNameField, protowire.BytesType)
	buf = protowire.AppendBytes(buf, name)
	buf = protowire.AppendTag(buf, entityTypeField, protowire.BytesType)
	buf = protowire.AppendString(buf, vocab.EntityTypes[ix.entityType[e]])
	for _, k := range ix.Kinds(e) {
		buf = protowire.AppendTag(buf, entityKindsField, protowire.BytesType)
		buf = protowire.AppendString(buf, ix.vocab.Kind(k).Name)
	}
	buf = append(buf, ix.entityRecs.at(int(e))...)
	out := &pb.Entity{}
	err := proto.Unmarshal(buf, out)
	wb.name, wb.msg = name, buf
	wireBuffers.Put(wb)
	if err != nil {
		panic("index: stored entity does not decode: " + err.Error())
	}
	out.Roles = ix.roles(e)
	return out
}

// basicEntity returns entity e with only its name, display name and type
// (ENTITY_VIEW_BASIC), read from the index's tables and the stored record
// without decoding it.
func (ix *Index) basicEntity(e int32) *pb.Entity {
	return &pb.Entity{
		Name:        ix.NodeName(Node(e)),
		DisplayName: strings.Clone(ix.DisplayName(Node(e))),
		Type:        vocab.EntityTypes[ix.entityType[e]],
	}
}

// aliasName returns alias k of entity e as an EntityName, reading its
// three fields from the stored record without decoding a message: entity
// linking reads thousands a call.
func (ix *Index) aliasName(e int32, k int) EntityName {
	name := EntityName{IsAlias: true}
	b := ix.aliasBytes(e, k)
	for len(b) > 0 {
		num, typ, n := protowire.ConsumeTag(b)
		if n < 0 {
			break
		}
		b = b[n:]
		switch {
		case num == aliasTextField && typ == protowire.BytesType:
			v, n := protowire.ConsumeBytes(b)
			if n < 0 {
				panic("index: stored alias does not decode")
			}
			name.Text, b = string(v), b[n:]
		case num == aliasLanguageField && typ == protowire.BytesType:
			v, n := protowire.ConsumeBytes(b)
			if n < 0 {
				panic("index: stored alias does not decode")
			}
			name.Language, b = string(v), b[n:]
		case num == aliasKindField && typ == protowire.VarintType:
			v, n := protowire.ConsumeVarint(b)
			if n < 0 {
				panic("index: stored alias does not decode")
			}
			name.Alias, b = pb.AliasKind(v), b[n:]
		default:
			n := protowire.ConsumeFieldValue(num, typ, b)
			if n < 0 {
				panic("index: stored alias does not decode")
			}
			b = b[n:]
		}
	}
	return name
}

// The field numbers of pb.Alias that aliasName reads.
const (
	aliasTextField     = 1
	aliasLanguageField = 2
	aliasKindField     = 3
)

// alias returns alias k of entity e, decoding only it.
func (ix *Index) alias(e int32, k int) *pb.Alias {
	a := &pb.Alias{}
	if err := proto.Unmarshal(ix.aliasBytes(e, k), a); err != nil {
		panic("index: stored alias does not decode: " + err.Error())
	}
	return a
}

// aliasBytes returns the wire bytes of alias k of entity e.
func (ix *Index) aliasBytes(e int32, k int) []byte {
	b := view(ix.entityRecs.at(int(e)))
	for len(b) > 0 {
		num, typ, n := protowire.ConsumeTag(b)
		if n < 0 {
			break
		}
		b = b[n:]
		if num == entityAliasesField && typ == protowire.BytesType {
			v, n := protowire.ConsumeBytes(b)
			if n < 0 {
				break
			}
			if k == 0 {
				return v
			}
			k--
			b = b[n:]
			continue
		}
		n = protowire.ConsumeFieldValue(num, typ, b)
		if n < 0 {
			break
		}
		b = b[n:]
	}
	panic("index: stored entity has no such alias")
}

// wireBuffer is scratch space for putting a message's wire bytes together.
type wireBuffer struct{ name, msg []byte }

var wireBuffers = sync.Pool{New: func() any { return &wireBuffer{} }}

// roles lists the titles entity e holds: its relations with a title
// predicate and a role qualifier, in relation order.
func (ix *Index) roles(e int32) []*pb.Role {
	rels := ix.roleRels.of(e)
	if len(rels) == 0 {
		return nil
	}
	roles := make([]*pb.Role, 0, len(rels))
	for _, r := range rels {
		q, _ := ix.qualifierBytes(r)
		roles = append(roles, &pb.Role{
			Title:        messageString(q, 5),
			Organization: ix.NodeName(ix.ends[2*r+1]),
			Relation:     ix.relationNames.at(int(r)),
		})
	}
	return roles
}

// buildRoles finds, for every entity, the relations that give it a title
// (see [Index.roles]): an entity's relations are spread over the relation
// columns, and reading each one's predicate to find the few with a role
// cost GetEntity a cache miss per relation.
func (ix *Index) buildRoles() adjacency {
	titled := make([]int8, max(ix.quals.len(), 0)) // by extras record: 1 with a role, -1 without, 0 not yet read
	hasRole := func(r Rel) bool {
		q := ix.qual[r]
		if q == 0 || !ix.vocab.Predicate(ix.Predicate(r)).TitleRole {
			return false
		}
		if titled[q-1] == 0 {
			titled[q-1] = -1
			if raw, _ := ix.qualifierBytes(r); messageString(raw, 5) != "" {
				titled[q-1] = 1
			}
		}
		return titled[q-1] > 0
	}
	entities := ix.entityCount()
	a := adjacency{entities: entities, start: make([]uint32, int(entities)+1)}
	for e := range entities {
		a.start[e+1] = a.start[e]
		for _, r := range ix.out.of(e) {
			if hasRole(r) {
				a.rels = append(a.rels, r)
				a.start[e+1]++
			}
		}
	}
	a.rels = slices.Clip(a.rels)
	return a
}

// relation returns relation r with its evidence quoted from the documents
// and its summary.
func (ix *Index) relation(r Rel) *pb.Relation {
	out := &pb.Relation{}
	if q := ix.qual[r]; q != 0 {
		unmarshal(ix.quals.at(int(q-1)), out) // the qualifiers and the rank's reason
	}
	out.Name = ix.relationNames.at(int(r))
	out.Subject = ix.NodeName(ix.ends[2*r])
	out.Predicate = ix.vocab.Predicate(ix.Predicate(r)).Name
	out.Object = ix.NodeName(ix.ends[2*r+1])
	out.Summary = ix.Summary(r)
	out.StatementRank = ix.Rank(r)
	from, to := ix.evStart[r], ix.evStart[r+1]
	out.Evidence = make([]*pb.Evidence, 0, to-from)
	for i := from; i < to; i++ {
		d := ix.evDoc[i]
		base := ix.docText[d]
		start, end := base+uint64(ix.evFrom[i]), base+uint64(ix.evTo[i])
		first := ix.charOffset(base)
		startChar := ix.charOffset(start) - first
		out.Evidence = append(out.Evidence, &pb.Evidence{
			Document:  ix.documentNames.at(int(d)),
			Quote:     ix.text.copy(start, end),
			StartChar: int32(startChar),
			EndChar:   int32(startChar + uint64(runeStarts(ix.text.view(start, end)))),
			StartByte: int32(ix.evFrom[i]),
			EndByte:   int32(ix.evTo[i]),
		})
	}
	return out
}

// document returns document d, with its text when withText is set.
func (ix *Index) document(d int, withText bool) *pb.Document {
	out := &pb.Document{}
	unmarshal(ix.documentRecs.at(d), out)
	out.Name = ix.documentNames.at(d)
	if withText {
		out.Text = ix.text.copy(ix.docText[d], ix.docText[d+1])
	}
	return out
}

// maxSummaryDepth bounds how deeply relations about relations are spelled
// out inside a summary.
const maxSummaryDepth = 3

// Summary returns relation r as one English sentence, such as "Western
// Digital acquires Kioxia (failed, 2021)": the relation's summary field.
func (ix *Index) Summary(r Rel) string {
	return ix.summary(r, 0)
}

func (ix *Index) summary(r Rel, depth int) string {
	var b strings.Builder
	b.WriteString(ix.vocab.Predicate(ix.Predicate(r)).Sentence(ix.label(ix.ends[2*r], depth), ix.label(ix.ends[2*r+1], depth)))
	if qs := ix.Qualifiers(r); qs != nil {
		if extra := qualifierWords(qs); extra != "" {
			b.WriteString(" (" + extra + ")")
		}
	}
	return b.String()
}

// Label names node n for people: an entity's display name, or a relation's
// summary in brackets, such as "[Western Digital acquires Kioxia (failed,
// 2021)]".
func (ix *Index) Label(n Node) string {
	if r, ok := ix.NodeRelation(n); ok {
		return "[" + ix.Summary(r) + "]"
	}
	return ix.DisplayName(n)
}

// label names an endpoint inside a summary: an entity's display name, or a relation's summary
// in brackets.
func (ix *Index) label(n Node, depth int) string {
	if e, ok := ix.entityOf(n); ok {
		return ix.DisplayName(e)
	}
	r := Rel(n - ix.entityCount())
	if depth < maxSummaryDepth {
		return "[" + ix.summary(r, depth+1) + "]"
	}
	return ix.relationNames.at(int(r))
}

// qualifierWords lists the qualifiers worth a summary: role, status, time,
// place, and whose view it is.
func qualifierWords(q *pb.Qualifiers) string {
	var parts []string
	if q.GetRole() != "" {
		parts = append(parts, "as "+q.GetRole())
	}
	if s := q.GetStatus(); s != pb.RelationStatus_RELATION_STATUS_UNSPECIFIED {
		parts = append(parts, vocab.StatusWord(s))
	}
	if t := q.GetTime().GetText(); t != "" {
		parts = append(parts, t)
	}
	if p := q.GetPlace().GetText(); p != "" {
		parts = append(parts, "at "+p)
	}
	if a := q.GetAttribution().GetText(); a != "" {
		parts = append(parts, "according to "+a)
	}
	return strings.Join(parts, ", ")
}

// DisplayName returns the display name of entity e (a node number below
// the number of entities), read from its wire bytes without decoding them.
func (ix *Index) DisplayName(e Node) string {
	return messageString(ix.entityRecs.at(int(e)), entityDisplayNameField)
}

// messageString returns string field num of the message in rec, or "",
// without copying.
func messageString(rec string, num protowire.Number) string {
	v, _ := messageField(rec, num)
	return v
}

// messageField returns the bytes of length-delimited field num of the
// message in rec, as a substring of rec.
func messageField(rec string, num protowire.Number) (string, bool) {
	b := view(rec)
	pos := 0
	for pos < len(b) {
		got, typ, n := protowire.ConsumeTag(b[pos:])
		if n < 0 {
			return "", false
		}
		pos += n
		if got == num && typ == protowire.BytesType {
			v, n := protowire.ConsumeBytes(b[pos:])
			if n < 0 {
				return "", false
			}
			start := pos + n - len(v)
			return rec[start : start+len(v)], true
		}
		n = protowire.ConsumeFieldValue(got, typ, b[pos:])
		if n < 0 {
			return "", false
		}
		pos += n
	}
	return "", false
}

// view returns the bytes of s without copying them; they must not be
// changed.
func view(s string) []byte {
	return unsafe.Slice(unsafe.StringData(s), len(s))
}

// entityRecord returns the wire bytes an entity is stored as: the entity
// without the fields the index supplies (name, type, kinds, roles).
func entityRecord(e *pb.Entity) ([]byte, error) {
	e = proto.CloneOf(e)
	e.Name, e.Type, e.Kinds, e.Roles = "", "", nil, nil
	return deterministic.Marshal(e)
}

// messageVarint returns varint field num of the message in rec, or 0.
func messageVarint(rec string, num protowire.Number) uint64 {
	b := view(rec)
	var last uint64
	for len(b) > 0 {
		got, typ, n := protowire.ConsumeTag(b)
		if n < 0 {
			return 0
		}
		b = b[n:]
		if got == num && typ == protowire.VarintType {
			v, n := protowire.ConsumeVarint(b)
			if n < 0 {
				return 0
			}
			last = v // the last occurrence wins, as in proto.Unmarshal
			b = b[n:]
			continue
		}
		n = protowire.ConsumeFieldValue(got, typ, b)
		if n < 0 {
			return 0
		}
		b = b[n:]
	}
	return last
}
