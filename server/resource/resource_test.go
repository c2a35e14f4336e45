package resource

import (
	"errors"
	"regexp"
	"testing"
)

func TestParse(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		wantColl Collection
		wantID   string
		wantErr  bool
	}{
		{name: "organizations/kioxia", wantColl: Organizations, wantID: "kioxia"},
		{name: "people/chey-tae-won", wantColl: People, wantID: "chey-tae-won"},
		{name: "relations/a1-b2", wantColl: Relations, wantID: "a1-b2"},
		{name: "", wantErr: true},
		{name: "kioxia", wantErr: true},
		{name: "companies/kioxia", wantErr: true},
		{name: "people/Chey", wantErr: true},
		{name: "people/chey--tae", wantErr: true},
		{name: "people/-chey", wantErr: true},
		{name: "people/../etc/passwd", wantErr: true},
		{name: "people/chey/extra", wantErr: true},
		{name: "people/" + string(make([]byte, 64)), wantErr: true},
		{name: "people/\xff", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			coll, id, err := Parse(tt.name)
			if tt.wantErr {
				if !errors.Is(err, ErrMalformed) {
					t.Fatalf("Parse(%q) error = %v, want ErrMalformed", tt.name, err)
				}
				return
			}
			if err != nil || coll != tt.wantColl || id != tt.wantID {
				t.Fatalf("Parse(%q) = %q, %q, %v; want %q, %q, nil", tt.name, coll, id, err, tt.wantColl, tt.wantID)
			}
		})
	}
}

// idSpec is the grammar validID implements, as a regexp.
var idSpec = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)

func TestValidIDMatchesItsGrammar(t *testing.T) {
	t.Parallel()
	// Every string of up to 4 bytes over an alphabet with each class of
	// byte the grammar tells apart.
	alphabet := []byte{'a', 'z', '0', '9', '-', 'A', '_', '/', 0xff}
	var walk func(prefix []byte)
	walk = func(prefix []byte) {
		id := string(prefix)
		if got, want := validID(id), idSpec.MatchString(id); got != want {
			t.Errorf("validID(%q) = %v, want %v", id, got, want)
		}
		if len(prefix) == 4 {
			return
		}
		for _, c := range alphabet {
			walk(append(prefix, c))
		}
	}
	walk(nil)
}

func FuzzValidID(f *testing.F) {
	for _, s := range []string{"kioxia", "chey-tae-won", "a--b", "-a", "a-", "", "Ab"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, id string) {
		if got, want := validID(id), idSpec.MatchString(id); got != want {
			t.Errorf("validID(%q) = %v, want %v", id, got, want)
		}
	})
}

func BenchmarkParse(b *testing.B) {
	for b.Loop() {
		if _, _, err := Parse("organizations/starvale-national-materials-inc"); err != nil {
			b.Fatal(err)
		}
	}
}
