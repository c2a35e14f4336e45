package namesearch

import (
	"fmt"
	"slices"

	"github.com/entitygraph/entitygraph/server/columnfile"
)

// WriteTo writes the index to a snapshot, to be read back by [Read]: the
// FSTs as built and the posting arrays, so that loading a snapshot never
// rebuilds the name index.
func (ix *Index) WriteTo(w *columnfile.Writer) {
	for _, part := range []struct {
		keys  *keySet
		posts *postingLists
	}{{&ix.names, &ix.namePosts}, {&ix.tokens, &ix.tokenPosts}} {
		w.Bytes(part.keys.asciiBytes)
		w.Bytes(part.keys.otherBytes)
		mixed := make([]uint64, len(part.keys.mixedASCII))
		for i, n := range part.keys.mixedASCII {
			mixed[i] = uint64(n)
		}
		w.Uint64s(mixed)
		w.Uint32s(part.posts.start)
		w.Uint32s(part.posts.entity)
		w.Uint16s(part.posts.name)
	}
	w.Uint32s(ix.nameStart)
	w.Uint32s(ix.wordStart)
	w.Uint32s(ix.nameWords)
}

// Read reads an index written by [Index.WriteTo] for entities entities,
// checking that every posting names an entity and a name that exist.
func Read(r *columnfile.Reader, entities int) (*Index, error) {
	ix := &Index{}
	readPosts := func(ks *keySet, p *postingLists) {
		ks.asciiBytes, ks.otherBytes = r.Bytes(), r.Bytes()
		mixed := r.Uint64s()
		if r.Err() == nil && len(mixed) == len(ks.mixedASCII) {
			for i, n := range mixed {
				ks.mixedASCII[i] = int(min(n, 1<<20))
			}
		}
		p.start, p.entity, p.name = r.Uint32s(), r.Uint32s(), r.Uint16s()
	}
	readPosts(&ix.names, &ix.namePosts)
	readPosts(&ix.tokens, &ix.tokenPosts)
	ix.nameStart, ix.wordStart, ix.nameWords = r.Uint32s(), r.Uint32s(), r.Uint32s()
	if err := r.Err(); err != nil {
		return nil, err
	}
	if err := ix.check(entities); err != nil {
		return nil, fmt.Errorf("%w: name index: %v", columnfile.ErrCorrupt, err)
	}
	for _, ks := range []*keySet{&ix.names, &ix.tokens} {
		if err := ks.load(); err != nil {
			return nil, fmt.Errorf("%w: %v", columnfile.ErrCorrupt, err)
		}
	}
	// Not in the snapshot, so that its format stays as it was: about 60 ms
	// to build at 1M entities.
	ix.tokens.near = new(buildNearKeys(&ix.tokens))
	return ix, nil
}

// check verifies that the arrays read from a snapshot are consistent, so
// that no search can index out of range.
func (ix *Index) check(entities int) error {
	names := len(ix.wordStart) - 1
	if len(ix.nameStart) != entities+1 || ix.nameStart[0] != 0 || int(ix.nameStart[entities]) != names {
		return fmt.Errorf("name counts do not match %d entities", entities)
	}
	if names < 0 || ix.wordStart[0] != 0 || int(ix.wordStart[names]) != len(ix.nameWords) || !slices.IsSorted(ix.wordStart) {
		return fmt.Errorf("name words do not add up")
	}
	for i, t := range ix.nameWords {
		if int(t) >= len(ix.tokenPosts.start)-1 {
			return fmt.Errorf("name word %d is token %d, which does not exist", i, t)
		}
	}
	for e := range entities {
		if ix.nameStart[e] > ix.nameStart[e+1] {
			return fmt.Errorf("name counts out of order at entity %d", e)
		}
	}
	for _, p := range []*postingLists{&ix.namePosts, &ix.tokenPosts} {
		if len(p.start) == 0 || p.start[0] != 0 || int(p.start[len(p.start)-1]) != len(p.entity) || len(p.name) != len(p.entity) {
			return fmt.Errorf("posting lists do not add up")
		}
		for i := 1; i < len(p.start); i++ {
			if p.start[i-1] > p.start[i] {
				return fmt.Errorf("posting lists out of order at %d", i)
			}
		}
		for i, e := range p.entity {
			if int(e) >= entities || uint32(p.name[i]) >= ix.nameStart[e+1]-ix.nameStart[e] {
				return fmt.Errorf("posting %d names entity %d name %d, which does not exist", i, e, p.name[i])
			}
		}
	}
	return nil
}

// Footprint lists the bytes each part of the index takes.
func (ix *Index) Footprint() []struct {
	Name  string
	Bytes int64
} {
	posts := func(p *postingLists) int64 { return int64(4*len(p.start) + 4*len(p.entity) + 2*len(p.name)) }
	return []struct {
		Name  string
		Bytes int64
	}{
		{"name FSTs", int64(ix.names.bytes())},
		{"name postings", posts(&ix.namePosts)},
		{"token FSTs", int64(ix.tokens.bytes())},
		{"token postings", posts(&ix.tokenPosts)},
		{"token deletions", int64(ix.tokens.near.bytes())},
		{"names' words", int64(4*len(ix.nameStart) + 4*len(ix.wordStart) + 4*len(ix.nameWords))},
	}
}
