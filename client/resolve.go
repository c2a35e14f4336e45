package client

import (
	"context"
	"fmt"
	"strings"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	entitygraphv1 "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
)

// entityCollections are the resource-name prefixes of entities.
var entityCollections = []string{"organizations/", "people/", "places/", "topics/"}

// IsEntityName reports whether ref has the form of an entity resource name,
// such as "organizations/kioxia", rather than a name as people write it.
func IsEntityName(ref string) bool {
	for _, prefix := range entityCollections {
		if id, ok := strings.CutPrefix(ref, prefix); ok && id != "" && !strings.ContainsAny(id, "/ ") {
			return true
		}
	}
	return false
}

// resolvePageSize is how many search results Resolve looks at: enough to
// list the candidates of an ambiguous name.
const resolvePageSize = 20

// Resolve returns the one entity that ref refers to. A resource name such as
// "people/chey-tae-won" is looked up directly (see [IsEntityName]); anything
// else — "Chey Tae-won", "chey tae won", "최태원", "Kioxa" — is searched for
// with [Client.SearchEntities]:
//
//   - if exactly one entity has a name or alias equal to ref, after the
//     server's normalisation, it is the answer;
//   - if several entities match exactly, or none does and several match
//     otherwise, the error is an [*AmbiguousError] listing them;
//   - if a single entity matches, though not exactly, it is the answer;
//   - if nothing matches, the error has code NotFound.
func (c *Client) Resolve(ctx context.Context, ref string) (*entitygraphv1.Entity, error) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return nil, status.Error(codes.InvalidArgument, "resolve: empty entity name")
	}
	if IsEntityName(ref) {
		return c.GetEntity(ctx, ref)
	}
	results, err := c.SearchEntities(ctx, ref, WithLimit(resolvePageSize))
	if err != nil {
		return nil, err
	}

	// The same entity may match through several names; count entities.
	var exact, all []*entitygraphv1.SearchResult
	seenExact, seenAll := map[string]bool{}, map[string]bool{}
	for _, r := range results {
		name := r.GetEntity().GetName()
		if r.GetMatchKind() == entitygraphv1.MatchKind_MATCH_KIND_EXACT && !seenExact[name] {
			seenExact[name] = true
			exact = append(exact, r)
		}
		if !seenAll[name] {
			seenAll[name] = true
			all = append(all, r)
		}
	}
	switch {
	case len(exact) == 1:
		return exact[0].GetEntity(), nil
	case len(exact) > 1:
		return nil, newAmbiguousError(ref, exact)
	case len(all) == 1:
		return all[0].GetEntity(), nil
	case len(all) > 1:
		return nil, newAmbiguousError(ref, all)
	}
	return nil, status.Errorf(codes.NotFound, "no entity matches %q", ref)
}

// AmbiguousError is the error of [Client.Resolve] when a name fits more
// than one entity. Retry with one of the candidates' resource names.
type AmbiguousError struct {
	// Ref is the name that was resolved.
	Ref string
	// Candidates are the entities it could mean, best match first.
	Candidates []Candidate
}

// Candidate is one entity an ambiguous name could mean.
type Candidate struct {
	// Name is the entity's resource name, such as "organizations/sk-group".
	Name string
	// DisplayName is the entity's usual English name, such as "SK Group".
	DisplayName string
	// MatchedText is the name or alias that matched, such as "SK".
	MatchedText string
	// MatchKind says how it matched.
	MatchKind entitygraphv1.MatchKind
}

func newAmbiguousError(ref string, results []*entitygraphv1.SearchResult) *AmbiguousError {
	e := &AmbiguousError{Ref: ref, Candidates: make([]Candidate, 0, len(results))}
	for _, r := range results {
		e.Candidates = append(e.Candidates, Candidate{
			Name:        r.GetEntity().GetName(),
			DisplayName: r.GetEntity().GetDisplayName(),
			MatchedText: r.GetMatchedText(),
			MatchKind:   r.GetMatchKind(),
		})
	}
	return e
}

// Error lists the candidates on one line.
func (e *AmbiguousError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%q is ambiguous: it could be ", e.Ref)
	for i, c := range e.Candidates {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%s (%s, matched %q)", c.Name, c.DisplayName, c.MatchedText)
	}
	return b.String()
}
