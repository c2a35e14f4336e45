package index

import (
	"testing"

	"google.golang.org/protobuf/encoding/protowire"
	"google.golang.org/protobuf/proto"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
)

func TestCheckWire(t *testing.T) {
	t.Parallel()
	md := newWireSchema((&pb.Relation{}).ProtoReflect().Descriptor())
	good, err := proto.Marshal(&pb.Relation{
		Name: "relations/r", Qualifiers: &pb.Qualifiers{Audience: []string{"people/a"}, Rank: &pb.Rank{Position: 2}},
		Evidence: []*pb.Evidence{{Quote: "ü", StartChar: 3}}, StatementRank: pb.StatementRank_STATEMENT_RANK_PREFERRED,
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := checkWire(good, md, 0); err != nil {
		t.Errorf("a marshalled relation: %v", err)
	}
	unknown := protowire.AppendVarint(protowire.AppendTag(append([]byte{}, good...), 99, protowire.VarintType), 7)
	if err := checkWire(unknown, md, 0); err != nil {
		t.Errorf("an unknown field: %v", err)
	}
	badString := protowire.AppendBytes(protowire.AppendTag(nil, 1, protowire.BytesType), []byte{0xff})
	nested := protowire.AppendBytes(protowire.AppendTag(nil, 6, protowire.BytesType), badString) // evidence { document: "\xff" }
	// A known field of another wire type is an unknown field to
	// proto.Unmarshal, so not an error.
	if err := checkWire(protowire.AppendVarint(protowire.AppendTag(nil, 1, protowire.VarintType), 1), md, 0); err != nil {
		t.Errorf("a field of another wire type: %v", err)
	}
	for name, b := range map[string][]byte{
		"truncated":      good[:len(good)-1],
		"bad UTF-8":      badString,
		"nested bad":     nested,
		"bad tag":        {0x80},
		"overlong bytes": protowire.AppendVarint(protowire.AppendTag(nil, 1, protowire.BytesType), 50),
	} {
		if checkWire(b, md, 0) == nil {
			t.Errorf("%s: accepted", name)
		}
		if proto.Unmarshal(b, &pb.Relation{}) == nil {
			t.Errorf("%s: proto.Unmarshal accepts it, so checkWire should too", name)
		}
	}
}

// FuzzCheckWire checks that checkWire accepts exactly what proto.Unmarshal
// decodes.
func FuzzCheckWire(f *testing.F) {
	good, _ := proto.Marshal(&pb.Relation{Name: "relations/r", Qualifiers: &pb.Qualifiers{Audience: []string{"a"}}, Evidence: []*pb.Evidence{{Quote: "q"}}})
	f.Add(good)
	f.Add([]byte{0x0a, 0x01, 0xff})
	md := newWireSchema((&pb.Relation{}).ProtoReflect().Descriptor())
	f.Fuzz(func(t *testing.T, b []byte) {
		want := proto.Unmarshal(b, &pb.Relation{})
		if got := checkWire(b, md, 0); (got == nil) != (want == nil) {
			t.Fatalf("checkWire = %v, proto.Unmarshal = %v", got, want)
		}
	})
}
