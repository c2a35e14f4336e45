package wordnet

import (
	"slices"
	"testing"
)

func TestLemmas(t *testing.T) {
	t.Parallel()
	if err := Err(); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		word string
		pos  POS
		want string
	}{
		{"sought", Verb, "seek"}, // the exception list
		{"bids", Verb, "bid"},    // a suffix rule
		{"acquired", Verb, "acquire"},
		{"companies", Noun, "company"},
		{"takeover", Noun, "takeover"},
		{"join forces", Verb, "join forces"}, // a lemma of several words
	} {
		if got := Lemmas(c.word, c.pos); !slices.Contains(got, c.want) {
			t.Errorf("Lemmas(%q, %c) = %q, want %q among them", c.word, c.pos, got, c.want)
		}
	}
	if got := Lemmas("aquire", Verb); len(got) != 0 {
		t.Errorf("Lemmas(aquire) = %q, want none: it is misspelt", got)
	}
}

func TestSynonymsShareASynset(t *testing.T) {
	t.Parallel()
	shares := func(a, b string, pos POS) bool {
		for _, s := range Synsets(a, pos) {
			if slices.Contains(Synsets(b, pos), s) {
				return true
			}
		}
		return false
	}
	if !shares("buy", "purchase", Verb) {
		t.Error("buy and purchase share no synset")
	}
	if !shares("lawsuit", "suit", Noun) {
		t.Error("lawsuit and suit share no synset")
	}
	if shares("buy", "sell", Verb) {
		t.Error("buy and sell share a synset")
	}
	if s := Synsets("buy", Verb); len(s) < 2 {
		t.Errorf("buy has %d verb senses", len(s))
	}
}

func TestIsWord(t *testing.T) {
	t.Parallel()
	for _, w := range []string{"planet", "pitched", "tie-up", "went", "biggest"} {
		if !IsWord(w) {
			t.Errorf("IsWord(%q) = false", w)
		}
	}
	for _, w := range []string{"aquire", "chariman", "compnay", "westren"} {
		if IsWord(w) {
			t.Errorf("IsWord(%q) = true", w)
		}
	}
}

func TestPlaceOf(t *testing.T) {
	t.Parallel()
	for word, want := range map[string]Place{"swedish": {"country", []string{"Sweden"}}, "sweden": {"country", []string{"Sweden"}},
		"american": {"country", []string{"United States"}}, "danish": {"country", []string{"Denmark"}}, "germany": {"country", []string{"Germany"}},
		"tokyo": {"city", []string{"Tokyo"}}, "boston": {"city", []string{"Boston"}},
		// A state whose other senses the tagged texts never meant (the
		// river, the colony); a town; an island.
		"connecticut": {"state", []string{"Connecticut"}}, "new jersey": {"state", []string{"New Jersey"}},
		"new london": {"town", []string{"New London"}}, "martha's vineyard": {"island", []string{"Martha's Vineyard"}}} {
		if got, ok := PlaceOf(word); !ok || got.Class != want.Class || got.Names[0] != want.Names[0] {
			t.Errorf("PlaceOf(%q) = %v, want %v first", word, got, want)
		}
	}
	// Korea is a peninsula to WordNet; a turkey is first a bird, and a
	// company no place.
	// New York is a city and a state, both meant in the tagged texts.
	for _, word := range []string{"korea", "turkey", "company", "swede", "bostonian", "new york"} {
		if got, ok := PlaceOf(word); ok {
			t.Errorf("PlaceOf(%q) = %v, want none", word, got)
		}
	}
}

// TestIsWordAsLemmas checks that IsWord says what Lemmas finds, for
// lemmas, exception forms, suffix forms and non-words, without
// allocating.
func TestIsWordAsLemmas(t *testing.T) {
	words := []string{"acquire", "sought", "bids", "companies", "quickly", "larger", "hynix", "kioxia", "the", "ran", "flies", "zqxw", "geese"}
	for _, w := range words {
		lemmas := false
		for _, p := range []POS{Noun, Verb, Adjective, Adverb} {
			lemmas = lemmas || len(Lemmas(w, p)) > 0
		}
		if IsWord(w) != lemmas {
			t.Errorf("IsWord(%q) = %v; Lemmas finds %v", w, IsWord(w), lemmas)
		}
	}
	if n := testing.AllocsPerRun(100, func() { IsWord("companies") }); n != 0 {
		t.Errorf("IsWord allocates %v times a call; want none", n)
	}
}
