package client

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	entitygraphv1 "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
)

// A LinkOption narrows [Client.LinkEntities].
type LinkOption func(*entitygraphv1.LinkEntitiesRequest)

// LinkTypes links only entities of these types ("organization", "person",
// "place", "topic"). Several calls add up.
func LinkTypes(types ...string) LinkOption {
	return func(req *entitygraphv1.LinkEntitiesRequest) { req.Types = append(req.Types, types...) }
}

// LinkMaxEdits sets the largest edit distance of a fuzzy match, 0 to 2; a
// negative n turns fuzzy linking off. The server's default depends on the
// name's length.
func LinkMaxEdits(n int) LinkOption {
	return func(req *entitygraphv1.LinkEntitiesRequest) { req.MaxEdits = int32(max(n, -1)) }
}

// LinkMinConfidence leaves out mentions less sure than c, 0 to 1.
func LinkMinConfidence(c float64) LinkOption {
	return func(req *entitygraphv1.LinkEntitiesRequest) { req.MinConfidence = c }
}

// LinkKnownOnly leaves out the names of entities the graph does not know.
func LinkKnownOnly() LinkOption {
	return func(req *entitygraphv1.LinkEntitiesRequest) { req.KnownOnly = true }
}

// LinkNamesOnly returns the linked entities in the basic view: resource
// name, display name and type.
func LinkNamesOnly() LinkOption {
	return func(req *entitygraphv1.LinkEntitiesRequest) { req.View = entitygraphv1.EntityView_ENTITY_VIEW_BASIC }
}

// Linking is what [Client.LinkEntities] found in a text.
type Linking struct {
	// Mentions are the mentions in text order, with offsets into the
	// whole text.
	Mentions []*entitygraphv1.Mention
	// Entities are the entities the mentions' candidates name, by resource
	// name.
	Entities map[string]*entitygraphv1.Entity
}

// maxLinkChunk is the most bytes of text one LinkEntities call sends: the
// server's limit is 64 KiB.
const maxLinkChunk = 64 << 10

// LinkEntities finds the entities text mentions, and where: each
// mention's offsets, the name or alias it matched, how, and with what
// confidence; names of entities the graph does not know come back with a
// guessed type. A text longer than one call takes (64 KiB) is sent in
// parts split at line breaks, and a response the server cut short (see
// resume_byte) is resumed: the offsets are always into the whole text.
func (c *Client) LinkEntities(ctx context.Context, text string, opts ...LinkOption) (*Linking, error) {
	out := &Linking{Entities: map[string]*entitygraphv1.Entity{}}
	chars := 0 // code points of text before from
	for from := 0; from < len(text); {
		part := text[from:linkChunkEnd(text, from)]
		req := &entitygraphv1.LinkEntitiesRequest{Text: part}
		for _, opt := range opts {
			opt(req)
		}
		if strings.TrimSpace(part) == "" {
			chars += utf8.RuneCountInString(part)
			from += len(part)
			continue
		}
		resp, err := c.rpc.LinkEntities(ctx, req)
		if err != nil {
			return nil, fmt.Errorf("link entities in %d bytes of text: %w", len(part), err)
		}
		for _, m := range resp.GetMentions() {
			m.StartByte += int32(from)
			m.EndByte += int32(from)
			m.StartChar += int32(chars)
			m.EndChar += int32(chars)
			out.Mentions = append(out.Mentions, m)
		}
		for _, e := range resp.GetEntities() {
			out.Entities[e.GetName()] = e
		}
		done := len(part)
		if r := int(resp.GetResumeByte()); r > 0 && r < len(part) {
			done = r
		}
		chars += utf8.RuneCountInString(part[:done])
		from += done
	}
	return out, nil
}

// linkChunkEnd returns where the part of text from byte from that one call
// sends ends: the whole rest when it fits, else after the last line break
// (or space) that keeps it under the limit.
func linkChunkEnd(text string, from int) int {
	if len(text)-from <= maxLinkChunk {
		return len(text)
	}
	window := text[from : from+maxLinkChunk]
	for _, sep := range []string{"\n", " "} {
		if i := strings.LastIndex(window, sep); i > 0 {
			return from + i + 1
		}
	}
	end := from + maxLinkChunk
	for end > from && !utf8.RuneStart(text[end]) {
		end--
	}
	return end
}
