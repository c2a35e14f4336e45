package namesearch

import (
	"fmt"
	"slices"
	"testing"
)

func TestNormalize(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"Chey Tae-won", "chey tae won"},
		{"  CHEY   tae–won ", "chey tae won"},
		{"U.S.", "us"},
		{"U.S.-Mexico-Canada Agreement", "us mexico canada agreement"},
		{"Ｋｉｏｘｉａ", "kioxia"},
		{"México", "mexico"},
		{"Kioxia’s", "kioxias"},
		{"최태원", "최태원"},
		{"キオクシア", "キオクシア"},
		{"ｷｵｸｼｱ", "キオクシア"},
		{"東芝メモリ", "東芝メモリ"},
		{"ガ", "ガ"},
		{"SK그룹", "sk그룹"},
		{"---", ""},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSearch(t *testing.T) {
	t.Parallel()
	names := [][]string{
		0: {"Chey Tae-won", "Chey Taewon", "최태원"},
		1: {"Kioxia", "キオクシア", "Toshiba Memory"},
		2: {"Samsung Electronics", "Samsung", "삼성전자"},
		3: {"United States", "U.S.", "US", "America"},
		4: {"U.S.-Mexico-Canada Agreement", "USMCA"},
		5: {"Howard Lutnick", "Lutnick"},
		6: {"Korea Chamber of Commerce and Industry", "KCCI"},
		7: {"South Korea", "Korea"},
	}
	ix, err := Build(names)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		query      string
		opts       Options
		wantEntity int32
		wantKind   MatchKind
		wantEdits  int
	}{
		{query: "chey tae won", wantEntity: 0, wantKind: Exact},
		{query: "CheyTaewon", wantEntity: 0, wantKind: Exact},
		{query: "최태원", wantEntity: 0, wantKind: Exact},
		{query: "Kioxa", wantEntity: 1, wantKind: Fuzzy, wantEdits: 1},
		{query: "kioxai", wantEntity: 1, wantKind: Fuzzy, wantEdits: 1},
		{query: "kioksia", wantEntity: 1, wantKind: Fuzzy, wantEdits: 2},
		{query: "キオク", wantEntity: 1, wantKind: Prefix},
		{query: "US", wantEntity: 3, wantKind: Exact},
		{query: "u.s.", wantEntity: 3, wantKind: Exact},
		{query: "Lutnick", wantEntity: 5, wantKind: Exact},
		{query: "lutnik", wantEntity: 5, wantKind: Fuzzy, wantEdits: 1},
		{query: "howard lutnik", wantEntity: 5, wantKind: Fuzzy, wantEdits: 1},
		{query: "samsung elec", wantEntity: 2, wantKind: Prefix},
		{query: "electronics samsung", wantEntity: 2, wantKind: Token},
		{query: "chamber commerce", wantEntity: 6, wantKind: Token},
		{query: "Korea", wantEntity: 7, wantKind: Exact},
		{query: "toshiba", wantEntity: 1, wantKind: Prefix},
	}
	for _, tt := range tests {
		hits := ix.Find(tt.query, tt.opts)
		if len(hits) == 0 {
			t.Errorf("Search(%q) = no hits, want entity %d", tt.query, tt.wantEntity)
			continue
		}
		if h := hits[0]; h.Entity != tt.wantEntity || h.Kind != tt.wantKind || h.Edits != tt.wantEdits {
			t.Errorf("Search(%q)[0] = %+v, want entity %d kind %v edits %d", tt.query, h, tt.wantEntity, tt.wantKind, tt.wantEdits)
		}
		for i := 1; i < len(hits); i++ {
			if hits[i].Score > hits[i-1].Score {
				t.Errorf("Search(%q): hits not sorted by score: %+v", tt.query, hits)
			}
		}
	}
}

func TestSearchOptions(t *testing.T) {
	t.Parallel()
	ix, err := Build([][]string{{"Kioxia"}, {"Kiosk"}, {"Kiwi"}})
	if err != nil {
		t.Fatal(err)
	}
	if hits := ix.Find("kioxa", Options{MaxEdits: -1}); len(hits) != 0 {
		t.Errorf("Search with fuzzy off = %+v, want none", hits)
	}
	if hits := ix.Find("ki", Options{Limit: 2}); len(hits) != 2 {
		t.Errorf("Search(limit 2) = %d hits, want 2", len(hits))
	}
	hits := ix.Find("ki", Options{Accept: func(e int32) bool { return e == 2 }})
	if len(hits) != 1 || hits[0].Entity != 2 {
		t.Errorf("Search(accept 2) = %+v, want only entity 2", hits)
	}
	if hits := ix.Find("  ", Options{}); hits != nil {
		t.Errorf("Search(blank) = %+v, want nil", hits)
	}
}

func TestFuzzyNeedsEveryWord(t *testing.T) {
	t.Parallel()
	ix, err := Build([][]string{
		{"Chey Tae-won"},
		{"National Assembly of the Republic of Korea"},
		{"Lee Jae-myung"},
	})
	if err != nil {
		t.Fatal(err)
	}
	hits := ix.Find("chey tae won", Options{})
	if len(hits) != 1 || hits[0].Entity != 0 {
		t.Errorf("Search(chey tae won) = %+v, want only entity 0 (one fuzzy word is not a match)", hits)
	}
	hits = ix.Find("chey tea won", Options{})
	if len(hits) == 0 || hits[0].Entity != 0 || hits[0].Kind != Fuzzy {
		t.Errorf("Search(chey tea won) = %+v, want entity 0 fuzzy", hits)
	}
}

func TestSearchIsDeterministic(t *testing.T) {
	t.Parallel()
	// Three names of one entity normalize alike: the display name must win
	// every time, whatever order the matches are found in.
	ix, err := Build([][]string{{"Kioxia", "KIOXIA", "kioxia"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"Kioxia", "Kioxa", "kiox"} {
		for i := 0; i < 50; i++ {
			if hits := ix.Find(q, Options{}); len(hits) != 1 || hits[0].Name != 0 {
				t.Fatalf("Search(%q) = %+v, want name 0 every time", q, hits)
			}
		}
	}
}

// TestWholeNames checks the spelling-correction search: whole names
// exactly or within the edits, and a word that is a word of few names.
func TestWholeNames(t *testing.T) {
	t.Parallel()
	names := [][]string{{"Chey Tae-won"}, {"Kioxia"}}
	for i := range 10 {
		names = append(names, []string{fmt.Sprintf("Company%d Construction", i)})
	}
	ix, err := Build(names)
	if err != nil {
		t.Fatal(err)
	}
	find := func(q string) []int32 {
		var out []int32
		for _, h := range ix.Find(q, Options{MaxEdits: 1, Limit: 3, WholeNames: true}) {
			out = append(out, h.Entity)
		}
		return out
	}
	if got := find("Kioxa"); !slices.Equal(got, []int32{1}) {
		t.Errorf("Kioxa = %v, want Kioxia", got)
	}
	if got := find("Chey"); !slices.Equal(got, []int32{0}) {
		t.Errorf("Chey = %v, want Chey Tae-won", got)
	}
	// A word of ten names names none of them; nor does a prefix.
	if got := find("Construction"); len(got) != 0 {
		t.Errorf("Construction = %v, want none", got)
	}
	if got := find("Compan"); len(got) != 0 {
		t.Errorf("Compan = %v, want none", got)
	}
}
