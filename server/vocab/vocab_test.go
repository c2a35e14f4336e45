package vocab

import (
	"testing"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
)

func TestVocabularyCoversEnum(t *testing.T) {
	t.Parallel()
	values := pb.Predicate(0).Descriptor().Values()
	for i := 0; i < values.Len(); i++ {
		p := pb.Predicate(values.Get(i).Number())
		e, ok := Lookup(p)
		if p == pb.Predicate_PREDICATE_UNSPECIFIED {
			if ok {
				t.Errorf("Lookup(%v) found an entry, want none", p)
			}
			continue
		}
		if !ok {
			t.Errorf("Lookup(%v): no vocabulary entry", p)
			continue
		}
		if e.Reading == "" || e.Inverse == "" || e.Description == "" {
			t.Errorf("Lookup(%v) = %+v, want reading, inverse and description set", p, e)
		}
		if e.Symmetric && e.Inverse != e.Reading {
			t.Errorf("%v is symmetric but reads %q / %q", p, e.Reading, e.Inverse)
		}
	}
	if got, want := len(All()), values.Len()-1; got != want {
		t.Errorf("len(All()) = %d, want %d (one per predicate)", got, want)
	}
}

func TestInfoMatchesEntries(t *testing.T) {
	t.Parallel()
	for _, info := range Info() {
		e, _ := Lookup(info.GetPredicate())
		if info.GetReading() != e.Reading || info.GetInverseReading() != e.Inverse {
			t.Errorf("Info(%v) = %q/%q, want %q/%q", info.GetPredicate(), info.GetReading(), info.GetInverseReading(), e.Reading, e.Inverse)
		}
	}
}
