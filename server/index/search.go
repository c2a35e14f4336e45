package index

import (
	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
	"github.com/entitygraph/entitygraph/server/namesearch"
	"github.com/entitygraph/entitygraph/server/resource"
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

// Search finds entities by name or alias, best first.
func (ix *Index) Search(query string, opts SearchOptions) []SearchResult {
	o := namesearch.Options{Limit: opts.Limit, MaxEdits: opts.MaxEdits}
	if len(opts.Types) > 0 {
		var forms [len(formTypes)]bool
		for f, typ := range formTypes {
			for _, want := range opts.Types {
				forms[f] = forms[f] || (typ != "" && typ == want)
			}
		}
		o.Accept = func(e int32) bool { return forms[ix.entityForm[e]] }
	}
	hits := ix.names.Search(query, o)
	out := make([]SearchResult, len(hits))
	for i, h := range hits {
		e := ix.entity(h.Entity)
		text, lang := resource.DisplayName(e), "en"
		if h.Name > 0 {
			a := resource.Aliases(e)[h.Name-1]
			text, lang = a.GetText(), a.GetLanguage()
		}
		out[i] = SearchResult{Entity: e, Score: h.Score, MatchedText: text, Language: lang, Kind: h.Kind, Edits: h.Edits}
	}
	return out
}
