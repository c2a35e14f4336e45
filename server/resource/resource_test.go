package resource

import (
	"errors"
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
