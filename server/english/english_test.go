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
		"plan":    {"plan", "plans", "planned", "planned", "planning"},
		"stop":    {"stop", "stops", "stopped", "stopped", "stopping"},
		"sue":     {"sue", "sues", "sued", "sued", "suing"},
		"tap":     {"tap", "taps", "tapped", "tapped", "tapping"},
		"set":     {"set", "sets", "set", "set", "setting"},
		"win":     {"win", "wins", "won", "won", "winning"},
		"open":    {"open", "opens", "opened", "opened", "opening"},
		"back":    {"back", "backs", "backed", "backed", "backing"},
		"fix":     {"fix", "fixes", "fixed", "fixed", "fixing"},
		"invest":  {"invest", "invests", "invested", "invested", "investing"},
		"appoint": {"appoint", "appoints", "appointed", "appointed", "appointing"},
		"ban":     {"ban", "bans", "banned", "banned", "banning"},
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
		"trade deal": "trade deals", "branch": "branches", "day": "days", "person": "people", "business": "businesses",
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
