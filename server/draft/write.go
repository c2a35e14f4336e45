package draft

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	pb "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
)

// Write writes the draft as a graph file in Protobuf text format, in the
// house style of the curated files: a header that says how to confirm it
// and lists the known entities the document mentions, then the document,
// the new entities and the relations, each with its draft mark.
func (d *Draft) Write(w io.Writer) error {
	var b strings.Builder
	b.WriteString(`# proto-file: entitygraph/v1/graph.proto
# proto-message: entitygraph.v1.Graph
#
`)
	fmt.Fprintf(&b, "# DRAFT graph file for %s, written by entitygraph-snapshot draft.\n", d.Document.GetSourceFile())
	b.WriteString(`# Nothing here loads until a person has confirmed it: every record carries a
# draft mark, and entitygraph-snapshot check and the server refuse a graph
# with one. For each record, read it against the document; correct its
# subject, predicate, object and qualifiers, delete the record if it is
# wrong, and delete its draft field once it is right. Then run
# entitygraph-snapshot check --coverage on the data directory and add what
# the drafter missed.
#
`)
	if len(d.Known) > 0 {
		b.WriteString("# Entities of the graph this document mentions (referred to, not copied):\n")
		for _, k := range d.Known {
			fmt.Fprintf(&b, "#   %s (%s), %d mention%s\n", k.Name, k.Display, k.Mentions, plural(k.Mentions))
		}
		b.WriteString("#\n")
	}
	if len(d.Unread) > 0 {
		b.WriteString("# Names the drafter left out:\n")
		for _, u := range d.Unread {
			fmt.Fprintf(&b, "#   %s\n", u)
		}
		b.WriteString("#\n")
	}
	fmt.Fprintf(&b, "# Drafted: %d new entit%s, %d relation%s.\n", len(d.Entities), pluralY(len(d.Entities)), len(d.Relations), plural(len(d.Relations)))

	doc := d.Document
	b.WriteString("\ndocuments {\n")
	field(&b, 1, "name", doc.GetName())
	field(&b, 1, "title", doc.GetTitle())
	field(&b, 1, "source_file", doc.GetSourceFile())
	draftMark(&b, doc.GetDraft())
	b.WriteString("}\n")

	if len(d.Entities) > 0 {
		b.WriteString("\n# ---------------------------------------------------------------- new entities\n")
	}
	for _, e := range d.Entities {
		b.WriteString("\nentities {\n")
		field(&b, 1, "name", e.GetName())
		field(&b, 1, "display_name", e.GetDisplayName())
		for _, k := range e.GetKinds() {
			field(&b, 1, "kinds", k)
		}
		for _, a := range e.GetAliases() {
			fmt.Fprintf(&b, "  aliases { text: %s language: %s kind: %s }\n", quote(a.GetText()), quote(a.GetLanguage()), a.GetKind())
		}
		draftMark(&b, e.GetDraft())
		b.WriteString("}\n")
	}

	if len(d.Relations) > 0 {
		b.WriteString("\n# ---------------------------------------------------------------- relations\n")
	}
	for _, r := range d.Relations {
		b.WriteString("\nrelations {\n")
		field(&b, 1, "name", r.GetName())
		field(&b, 1, "subject", r.GetSubject())
		field(&b, 1, "predicate", r.GetPredicate())
		field(&b, 1, "object", r.GetObject())
		if q := r.GetQualifiers(); q != nil {
			b.WriteString("  qualifiers {\n")
			if t := q.GetTime(); t != nil {
				fmt.Fprintf(&b, "    time { text: %s start: %s }\n", quote(t.GetText()), quote(t.GetStart()))
			}
			if p := q.GetPlace(); p != nil {
				fmt.Fprintf(&b, "    place { text: %s entity: %s }\n", quote(p.GetText()), quote(p.GetEntity()))
			}
			for _, qt := range q.GetQuantities() {
				fmt.Fprintf(&b, "    quantities { amount: %s unit: %s text: %s }\n", quote(qt.GetAmount()), quote(qt.GetUnit()), quote(qt.GetText()))
			}
			if q.GetStatus() != 0 {
				fmt.Fprintf(&b, "    status: %s\n", q.GetStatus())
			}
			if q.GetRole() != "" {
				field(&b, 2, "role", q.GetRole())
			}
			b.WriteString("  }\n")
		}
		for _, ev := range r.GetEvidence() {
			fmt.Fprintf(&b, "  evidence { document: %s quote: %s }\n", quote(ev.GetDocument()), quote(ev.GetQuote()))
		}
		draftMark(&b, r.GetDraft())
		b.WriteString("}\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func field(b *strings.Builder, depth int, name, value string) {
	fmt.Fprintf(b, "%s%s: %s\n", strings.Repeat("  ", depth), name, quote(value))
}

func draftMark(b *strings.Builder, d *pb.Draft) {
	if d == nil {
		return
	}
	fmt.Fprintf(b, "  draft { confidence: %s reason: %s }\n", strconv.FormatFloat(d.GetConfidence(), 'f', -1, 64), quote(d.GetReason()))
}

// quote writes s as a text-format string: UTF-8 as it is, with the
// quote, the backslash and control characters escaped.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func pluralY(n int) string {
	if n == 1 {
		return "y"
	}
	return "ies"
}
