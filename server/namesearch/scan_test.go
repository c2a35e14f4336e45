package namesearch

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// scanFixture is an index of a few names, entity by entity.
var scanFixture = [][]string{
	{"Kioxia", "Toshiba Memory", "キオクシア", "키옥시아"},
	{"SK Hynix", "하이닉스"},
	{"SK Group", "SK"},
	{"United States", "U.S.", "US"},
	{"Korea Chamber of Commerce and Industry", "KCCI"},
	{"South Korea", "Korea"},
	{"Chey Tae-won", "최태원"},
	{"Société Générale"},
	{"Halcyon Rotor Systems", "Halcyon"},
	{"McDonald's"},
}

// scanSpans scans text and describes each run as "text=entity,entity".
func scanSpans(ix *Index, text string) []string {
	var out []string
	ix.Scan(text, func(start, end int, ps []Posting) {
		var es []string
		for _, p := range ps {
			es = append(es, fmt.Sprint(p.Entity, ":", p.Name))
		}
		out = append(out, text[start:end]+"="+strings.Join(es, ","))
	})
	return out
}

func TestScan(t *testing.T) {
	t.Parallel()
	ix, err := Build(scanFixture)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		want []string
	}{
		{"Kioxia, formerly Toshiba Memory, rejected the bid.", []string{"Kioxia=0:0", "Toshiba Memory=0:1"}},
		// Longest first: SK Hynix, not SK; the chamber, not Korea.
		{"SK Hynix and SK joined the Korea Chamber of Commerce and Industry.", []string{"SK Hynix=1:0", "SK=2:1", "Korea Chamber of Commerce and Industry=4:0"}},
		// Possessives, full stops and abbreviations.
		{"Halcyon's plant; Halcyon Rotor Systems' plant; Halcyons' plant; Kioxia.", []string{"Halcyon=8:1", "Halcyon Rotor Systems=8:0", "Kioxia=0:0"}},
		{"It moved to the U.S. Then the US did.", []string{"U.S.=3:1,3:2", "US=3:1,3:2"}}, // one key
		{"McDonald's opened.", []string{"McDonald's=9:0"}},
		// Case, width, diacritics and punctuation as in Normalize.
		{"SOCIETE GENERALE and ｋｉｏｘｉａ; chey tae won; Chey Tae-won.", []string{"SOCIETE GENERALE=7:0", "ｋｉｏｘｉａ=0:0", "chey tae won=6:0", "Chey Tae-won=6:0"}},
		// Whole words only.
		{"Kioxiana SKs South Koreans Korean", nil},
		// Hangul and kana need no word break.
		{"키옥시아는 하이닉스와 최태원 회장", []string{"키옥시아=0:3", "하이닉스=1:1", "최태원=6:1"}},
		{"キオクシアの株", []string{"キオクシア=0:2"}},
		{"", nil},
		{"... — ' ’s", nil},
	}
	for _, tt := range tests {
		if got := scanSpans(ix, tt.text); !slices.Equal(got, tt.want) {
			t.Errorf("Scan(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestScanByLookupMatchesWalk checks that the scan of an index the direct
// reader cannot read, which looks each run up whole, finds what the walk
// finds.
func TestScanByLookupMatchesWalk(t *testing.T) {
	t.Parallel()
	ix, err := Build(scanFixture)
	if err != nil {
		t.Fatal(err)
	}
	slow := *ix
	slow.names.asciiDirect = false
	texts := []string{
		"SK Hynix and SK joined the Korea Chamber of Commerce and Industry.",
		"Halcyon's plant; the Halcyons' plant; Kioxia. It moved to the U.S. Then the US did.",
		"키옥시아는 하이닉스와 최태원 회장 キオクシアの株 Société Générale's",
		"Korea Chamber of Commerce and Korea",
	}
	for _, text := range texts {
		if got, want := scanSpans(&slow, text), scanSpans(ix, text); !slices.Equal(got, want) {
			t.Errorf("by lookup, Scan(%q) = %q; by walk %q", text, got, want)
		}
	}
}
