// Command gen derives entitygraph's WordNet table (package wordnet) from a
// WordNet 3.0 database directory, such as Debian's wordnet-base package
// installs in /usr/share/wordnet: for each part of speech, every lemma with
// its synsets in sense order, and the irregular forms of the exception
// lists. `make wordnet` runs it.
//
//	go run ./server/wordnet/gen --dict /usr/share/wordnet --out server/wordnet/wordnet.txt.gz
package main

import (
	"bufio"
	"compress/gzip"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
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
	fmt.Fprintf(w, "# Lines: pos TAB lemma TAB synset offsets in sense order; x TAB pos TAB form TAB lemma for irregular forms.\n")
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
