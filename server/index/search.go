package index

import (
	"slices"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/server/namesearch"
	"github.com/entitygraph/entitygraph/server/vocab"
)

// SearchOptions narrow an entity search.
type SearchOptions struct {
	// Limit is the most results; 0 means 10.
	Limit int
	// MaxEdits caps fuzzy matching as in [namesearch.Options].
	MaxEdits int
	// Types keeps only entities of these types ("organization", "person",
	// "place", "topic"); empty keeps all.
	Types []string
	// Kinds keeps only entities of one of these kinds; empty keeps all.
	// The caller adds the narrower kinds it wants.
	Kinds []vocab.KindID
	// Basic gives each result's entity only its name, display name and
	// type (ENTITY_VIEW_BASIC), read without decoding the entity.
	Basic bool
}

// NameHit is an entity found by one of its names, as a node: what
// [Index.FindNames] returns without making any message.
type NameHit struct {
	Node  Node
	Name  int // which name matched: 0 the display name, k the alias k-1
	Kind  namesearch.MatchKind
	Edits int
	Score float64
}

// FindNames finds entities by name or alias, best first, one hit per
// entity.
func (ix *Index) FindNames(query string, opts SearchOptions) []NameHit {
	return nameHits(ix.find(query, opts))
}

// nameHits are namesearch's hits as nodes.
func nameHits(hits []namesearch.Hit) []NameHit {
	out := make([]NameHit, len(hits))
	for i, h := range hits {
		out[i] = NameHit{Node: h.Entity, Name: int(h.Name), Kind: h.Kind, Edits: h.Edits, Score: h.Score}
	}
	return out
}

// find runs a name search with opts.
func (ix *Index) find(query string, opts SearchOptions) []namesearch.Hit {
	o := namesearch.Options{Limit: opts.Limit, MaxEdits: opts.MaxEdits}
	if len(opts.Types) > 0 || len(opts.Kinds) > 0 {
		types := make([]bool, len(vocab.EntityTypes))
		for t, typ := range vocab.EntityTypes {
			types[t] = len(opts.Types) == 0 || slices.Contains(opts.Types, typ)
		}
		o.Accept = func(e int32) bool {
			if !types[ix.entityType[e]] {
				return false
			}
			if len(opts.Kinds) == 0 {
				return true
			}
			for _, k := range ix.Kinds(e) {
				if slices.Contains(opts.Kinds, k) {
					return true
				}
			}
			return false
		}
	}
	return ix.names.Find(query, o)
}

// ExactNodes returns the entities that have text as a name or alias, after
// normalisation, looking at no more than limit entities (0 means 10). It
// searches exact matches only: no prefix, token or fuzzy search runs.
func (ix *Index) ExactNodes(text string, limit int) []Node {
	var out []Node
	for _, h := range ix.names.Find(text, namesearch.Options{MaxEdits: -1, Limit: limit, ExactOnly: true}) {
		if h.Kind == namesearch.Exact {
			out = append(out, h.Entity)
		}
	}
	return out
}

// CorrectName finds the entities whose whole name or alias is text, or
// within maxEdits of it: a spelling correction ("Kioxa" is Kioxia), best
// first, at most limit.
func (ix *Index) CorrectName(text string, maxEdits, limit int) []NameHit {
	return nameHits(ix.names.Find(text, namesearch.Options{MaxEdits: maxEdits, Limit: limit, WholeNames: true}))
}

// NameText returns name k of entity n as written: 0 its display name, k
// its alias k-1 (as in NameHit.Name).
func (ix *Index) NameText(n Node, k int) string {
	if k == 0 {
		return ix.DisplayName(n)
	}
	return ix.aliasName(int32(n), k-1).Text
}

// SearchResult is one entity found by name, and why.
type SearchResult struct {
	Entity      *pb.Entity
	Score       float64
	MatchedText string // the name or alias that matched, as written
	Language    string // its BCP 47 language
	Kind        namesearch.MatchKind
	Edits       int
}

// SearchEntities finds entities by name or alias, best first, as messages.
func (ix *Index) SearchEntities(query string, opts SearchOptions) []SearchResult {
	hits := ix.find(query, opts)
	out := make([]SearchResult, len(hits))
	for i, h := range hits {
		var e *pb.Entity
		if opts.Basic {
			e = ix.basicEntity(h.Entity)
		} else {
			e = ix.entity(h.Entity)
		}
		text, lang := e.GetDisplayName(), "en"
		if h.Name > 0 {
			a := ix.alias(h.Entity, int(h.Name)-1)
			text, lang = a.GetText(), a.GetLanguage()
		}
		out[i] = SearchResult{Entity: e, Score: h.Score, MatchedText: text, Language: lang, Kind: h.Kind, Edits: h.Edits}
	}
	return out
}

// ScanNames calls fn, in text order, for each leftmost-longest run of
// whole words of text that is a name or alias of an entity exactly, after
// normalization ([namesearch.Index.Scan]), with its byte offsets and the
// names it is: one NameHit for each, of Kind Exact, an entity's own names
// in their order. hits is fn's only during the call.
func (ix *Index) ScanNames(text string, fn func(start, end int, hits []NameHit)) {
	var buf []NameHit
	ix.names.Scan(text, func(start, end int, ps []namesearch.Posting) {
		buf = buf[:0]
		for _, p := range ps {
			buf = append(buf, NameHit{Node: p.Entity, Name: int(p.Name), Kind: namesearch.Exact, Score: 1})
		}
		fn(start, end, buf)
	})
}

// EntityName is one of an entity's names as the graph writes it.
type EntityName struct {
	Text     string
	Language string       // BCP 47; "en" for the display name
	Alias    pb.AliasKind // the kind of alias; unspecified for the display name
	IsAlias  bool         // an alias, not the display name
}

// Name returns name k of entity n: 0 its display name, k its alias k-1
// (as in NameHit.Name).
func (ix *Index) Name(n Node, k int) EntityName {
	if k == 0 {
		return EntityName{Text: ix.DisplayName(n), Language: "en"}
	}
	return ix.aliasName(n, k-1)
}

// EntityMessage returns entity n as a message: all of it, or with basic
// only its name, display name and type (ENTITY_VIEW_BASIC).
func (ix *Index) EntityMessage(n Node, basic bool) *pb.Entity {
	if basic {
		return ix.basicEntity(n)
	}
	return ix.entity(n)
}
