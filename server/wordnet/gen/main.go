// Command gen derives entitygraph's WordNet table (package wordnet) from a
// WordNet 3.0 database directory, such as Debian's wordnet-base package
// installs in /usr/share/wordnet: for each part of speech, every lemma with
// its synsets in sense order, the irregular forms of the exception lists,
// and the words that name a place of a class (a country, a city, a US
// state, a town or an island), or pertain to a country, in their first
// sense ("Sweden", "Swedish", "Tokyo", "Connecticut"). `make wordnet` runs
// it.
//
//	go run ./server/wordnet/gen --dict /usr/share/wordnet --out server/wordnet/wordnet.txt.gz
package main

import (
	"bufio"
	"compress/gzip"
	"flag"
	"fmt"
	"log"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

func main() {
	dict := flag.String("dict", "/usr/share/wordnet", "WordNet database directory")
	out := flag.String("out", "wordnet.txt.gz", "table to write")
	source := flag.String("source", "WordNet 3.0", "what the database is, for the table's header")
	flag.Parse()
	if err := run(*dict, *out, *source); err != nil {
		log.Fatal(err)
	}
}

func run(dict, out, source string) error {
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	defer f.Close()
	// A fixed header, no modification time: the same database gives the
	// same bytes.
	zw, err := gzip.NewWriterLevel(f, gzip.BestCompression)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(zw)
	fmt.Fprintf(w, "# Derived from %s by server/wordnet/gen. WordNet Release 3.0 Copyright 2006 by Princeton University; see LICENSE.wordnet.\n", source)
	fmt.Fprintf(w, "# Lines: pos TAB lemma TAB synset offsets in sense order; x TAB pos TAB form TAB lemma for irregular forms; g TAB class TAB lemma TAB the names of the place (a country, city, state, town or island) it names or pertains to, TAB-separated.\n")
	for _, part := range []struct{ file, pos string }{{"noun", "n"}, {"verb", "v"}, {"adj", "a"}, {"adv", "r"}} {
		if err := writeIndex(w, filepath.Join(dict, "index."+part.file), part.pos); err != nil {
			return err
		}
	}
	for _, part := range []struct{ file, pos string }{{"noun", "n"}, {"verb", "v"}, {"adj", "a"}, {"adv", "r"}} {
		if err := writeExceptions(w, filepath.Join(dict, part.file+".exc"), part.pos); err != nil {
			return err
		}
	}
	if err := writePlaces(w, dict); err != nil {
		return err
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return f.Close()
}

// writeIndex writes each lemma of an index file: "lemma pos synset_cnt
// p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...".
func writeIndex(w *bufio.Writer, path, pos string) error {
	src, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	n := 0
	for line := range strings.Lines(string(src)) {
		if strings.HasPrefix(line, " ") {
			continue // the license at the top
		}
		f := strings.Fields(line)
		if len(f) < 6 {
			return fmt.Errorf("%s: short line %q", path, line)
		}
		synsets, err := strconv.Atoi(f[2])
		if err != nil || synsets < 1 || synsets > len(f)-4 {
			return fmt.Errorf("%s: bad synset count in %q", path, line)
		}
		fmt.Fprintf(w, "%s\t%s\t%s\n", pos, strings.ReplaceAll(f[0], "_", " "), strings.Join(f[len(f)-synsets:], " "))
		n++
	}
	if n == 0 {
		return fmt.Errorf("%s: no lemmas", path)
	}
	return nil
}

// writeExceptions writes an exception list: "form lemma...".
func writeExceptions(w *bufio.Writer, path, pos string) error {
	src, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	for line := range strings.Lines(string(src)) {
		f := strings.Fields(line)
		for _, lemma := range f[1:] {
			fmt.Fprintf(w, "x\t%s\t%s\t%s\n", pos, strings.ReplaceAll(f[0], "_", " "), strings.ReplaceAll(lemma, "_", " "))
		}
	}
	return nil
}

// synset is one line of a data file: its words as written and its
// pointers.
type synset struct {
	words    []string
	pointers []pointer
}

// pointer is one pointer of a synset: its symbol ("@", "@i", "\\") and
// target.
type pointer struct {
	symbol string
	target string // offset and part of speech, as "08544813n"
}

// readData reads a data file: "offset lex_filenum ss_type w_cnt word
// lex_id... p_cnt [ptr_symbol offset pos source/target]... | gloss", by
// offset.
func readData(path string) (map[string]synset, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	out := map[string]synset{}
	for line := range strings.Lines(string(src)) {
		if strings.HasPrefix(line, " ") {
			continue
		}
		body, _, _ := strings.Cut(line, "|")
		f := strings.Fields(body)
		if len(f) < 5 {
			return nil, fmt.Errorf("%s: short line %q", path, line)
		}
		n, err := strconv.ParseUint(f[3], 16, 8)
		if err != nil || len(f) < 5+2*int(n) {
			return nil, fmt.Errorf("%s: bad word count in %q", path, line)
		}
		var s synset
		for i := range int(n) {
			word, _, _ := strings.Cut(f[4+2*i], "(") // an adjective's marker: "galore(ip)"
			s.words = append(s.words, strings.ReplaceAll(word, "_", " "))
		}
		rest := f[4+2*n:]
		p, err := strconv.Atoi(rest[0])
		if err != nil || len(rest) < 1+4*p {
			return nil, fmt.Errorf("%s: bad pointer count in %q", path, line)
		}
		for i := range p {
			s.pointers = append(s.pointers, pointer{symbol: rest[1+4*i], target: rest[2+4*i] + rest[3+4*i]})
		}
		out[f[0]] = s
	}
	return out, nil
}

// senses reads an index file's lemmas with their senses, most frequent
// first, each as "offset" + pos, and how many of the first were seen in
// WordNet's semantically tagged texts (tagsense_cnt).
func senses(path, pos string) (map[string][]string, map[string]int, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	out := map[string][]string{}
	tagged := map[string]int{}
	for line := range strings.Lines(string(src)) {
		f := strings.Fields(line)
		if strings.HasPrefix(line, " ") || len(f) < 6 {
			continue
		}
		synsets, err := strconv.Atoi(f[2])
		if err != nil || synsets < 1 || synsets > len(f)-4 {
			return nil, nil, fmt.Errorf("%s: bad synset count in %q", path, line)
		}
		for _, o := range f[len(f)-synsets:] {
			out[f[0]] = append(out[f[0]], o+pos)
		}
		t, err := strconv.Atoi(f[len(f)-synsets-1])
		if err != nil || t < 0 || t > synsets {
			return nil, nil, fmt.Errorf("%s: bad tagged sense count in %q", path, line)
		}
		tagged[f[0]] = t
	}
	return out, tagged, nil
}

// placeClasses are the kinds of place whose instances the table names:
// each by the class's name (a noun a vocabulary's kinds may have), the
// WordNet noun of the class, and the other nouns whose senses it shares
// that pick its senses ("country" as a state or nation, not as the
// countryside), or none for the noun's first sense alone; a country's
// adjectives are named too ("Swedish").
var placeClasses = []struct {
	class, noun string
	shared      []string
	adjectives  bool
}{
	{"country", "country", []string{"state", "nation"}, true},
	{"city", "city", []string{"metropolis"}, false},
	{"state", "american_state", nil, false},
	{"town", "town", nil, false},
	{"island", "island", nil, false},
}

// writePlaces writes, for each noun whose first sense is an instance of a
// place class (of a synset under the class's senses: Sweden is an
// instance of Scandinavian country, Tokyo of national capital, a city),
// and for a country each adjective whose first sense pertains to one
// ("Swedish"), the class and the place's names, its synset's words. A
// word of two classes is written for the first; a place that is part of
// another of its class (England), and a noun with another sense that is
// an instance of anything (New York, a city and a state), are not.
func writePlaces(w *bufio.Writer, dict string) error {
	nouns, err := readData(filepath.Join(dict, "data.noun"))
	if err != nil {
		return err
	}
	adjectives, err := readData(filepath.Join(dict, "data.adj"))
	if err != nil {
		return err
	}
	nounSenses, tagged, err := senses(filepath.Join(dict, "index.noun"), "n")
	if err != nil {
		return err
	}
	adjectiveSenses, _, err := senses(filepath.Join(dict, "index.adj"), "a")
	if err != nil {
		return err
	}
	written := map[string]bool{}
	for _, pc := range placeClasses {
		tops := slices.DeleteFunc(slices.Clone(nounSenses[pc.noun]), func(o string) bool {
			return !slices.ContainsFunc(pc.shared, func(other string) bool { return slices.Contains(nounSenses[other], o) })
		})
		if pc.shared == nil && len(nounSenses[pc.noun]) > 0 {
			tops = nounSenses[pc.noun][:1]
		}
		if len(tops) == 0 {
			return fmt.Errorf("index.noun has no sense of %s shared with %q", pc.noun, pc.shared)
		}
		under := map[string]bool{}
		var isUnder func(o string, depth int) bool
		isUnder = func(o string, depth int) bool {
			if slices.Contains(tops, o) {
				return true
			}
			if v, ok := under[o]; ok || depth > 30 {
				return v
			}
			under[o] = false
			for _, p := range nouns[strings.TrimSuffix(o, "n")].pointers {
				if p.symbol == "@" && isUnder(p.target, depth+1) {
					under[o] = true
					break
				}
			}
			return under[o]
		}
		isInstance := func(o string) bool {
			return slices.ContainsFunc(nouns[strings.TrimSuffix(o, "n")].pointers, func(p pointer) bool { return p.symbol == "@i" && isUnder(p.target, 0) })
		}
		// A place that is part of another of its class (England of the
		// United Kingdom, a borough of a city) is no place of its own
		// here: another country would not exclude it.
		isWhole := func(o string) bool {
			return !slices.ContainsFunc(nouns[strings.TrimSuffix(o, "n")].pointers, func(p pointer) bool { return p.symbol == "#p" && isInstance(p.target) })
		}
		// A lemma with another sense that is an instance of anything (New
		// York the city and the state; Paris the city and the prince)
		// names no one place; of a lemma whose senses were seen in
		// WordNet's tagged texts, only those count (Connecticut the state,
		// not the river or the colony, which the texts never meant).
		oneInstance := func(lemma string) bool {
			n := 0
			seen := nounSenses[lemma]
			if t := tagged[lemma]; t > 0 && t < len(seen) {
				seen = seen[:t]
			}
			for _, o := range seen {
				if slices.ContainsFunc(nouns[strings.TrimSuffix(o, "n")].pointers, func(p pointer) bool { return p.symbol == "@i" }) {
					n++
				}
			}
			return n == 1
		}
		n := 0
		emit := func(lemma, o string) {
			if written[lemma] {
				return
			}
			written[lemma] = true
			fmt.Fprintf(w, "g\t%s\t%s\t%s\n", pc.class, strings.ReplaceAll(lemma, "_", " "), strings.Join(nouns[strings.TrimSuffix(o, "n")].words, "\t"))
			n++
		}
		for _, lemma := range slices.Sorted(maps.Keys(nounSenses)) {
			if o := nounSenses[lemma][0]; isInstance(o) && isWhole(o) && oneInstance(lemma) {
				emit(lemma, o)
			}
		}
		if pc.adjectives {
			for _, lemma := range slices.Sorted(maps.Keys(adjectiveSenses)) {
				o := adjectiveSenses[lemma][0]
				for _, p := range adjectives[strings.TrimSuffix(strings.TrimSuffix(o, "a"), "s")].pointers {
					if p.symbol == "\\" && isInstance(p.target) && isWhole(p.target) {
						emit(lemma, p.target)
						break
					}
				}
			}
		}
		if n == 0 {
			return fmt.Errorf("%s: no %s", dict, pc.noun)
		}
	}
	return nil
}
