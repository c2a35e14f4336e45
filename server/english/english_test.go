package english

import (
	"slices"
	"testing"
)

func TestInflections(t *testing.T) {
	t.Parallel()
	tests := map[string][]string{
		"acquire": {"acquire", "acquires", "acquired", "acquired", "acquiring"},
		"supply":  {"supply", "supplies", "supplied", "supplied", "supplying"},
		"lead":    {"lead", "leads", "led", "led", "leading"},
		"push":    {"push", "pushes", "pushed", "pushed", "pushing"},
		"be":      {"be", "is", "was", "been", "being", "are", "were", "am"},
	}
	for base, want := range tests {
		if got := Inflections(base); !slices.Equal(got, want) {
			t.Errorf("Inflections(%q) = %v, want %v", base, got, want)
		}
	}
}

func TestPlural(t *testing.T) {
	t.Parallel()
	for n, want := range map[string]string{
		"member": "members", "ally": "allies", "chairman": "chairmen", "talks": "talks",
		"trade deal": "trade deals", "branch": "branches", "day": "days",
	} {
		if got := Plural(n); got != want {
			t.Errorf("Plural(%q) = %q, want %q", n, got, want)
		}
	}
}

func TestIsPastParticiple(t *testing.T) {
	t.Parallel()
	for w, want := range map[string]bool{"acquired": true, "led": true, "sold": true, "taken": true, "lead": false, "buys": false} {
		if got := IsPastParticiple(w); got != want {
			t.Errorf("IsPastParticiple(%q) = %v, want %v", w, got, want)
		}
	}
}
