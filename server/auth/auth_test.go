package auth

import (
	"strings"
	"testing"
)

func TestParseTokens(t *testing.T) {
	t.Parallel()
	good := "# comment\n\nsearch-api  0123456789abcdef0123\n  batch\tfedcba9876543210fedc  \n"
	tok, err := ParseTokens(strings.NewReader(good))
	if err != nil {
		t.Fatalf("ParseTokens() error = %v", err)
	}
	for token, want := range map[string]string{"0123456789abcdef0123": "search-api", "fedcba9876543210fedc": "batch"} {
		if got, ok := tok.lookup(token); !ok || got != want {
			t.Errorf("lookup(%q) = %q, %v; want %q", token, got, ok, want)
		}
	}
	for _, token := range []string{"", "0123456789abcdef012", "0123456789abcdef01234", "search-api"} {
		if got, ok := tok.lookup(token); ok {
			t.Errorf("lookup(%q) = %q, want no match", token, got)
		}
	}

	bad := map[string]string{
		"empty":       "# nothing\n",
		"no token":    "search-api\n",
		"short token": "search-api short\n",
		"three words": "a 0123456789abcdef0123 extra\n",
		"duplicate":   "a 0123456789abcdef0123\na fedcba9876543210fedc\n",
	}
	for name, content := range bad {
		if _, err := ParseTokens(strings.NewReader(content)); err == nil {
			t.Errorf("%s: ParseTokens() succeeded, want an error", name)
		}
	}
}
