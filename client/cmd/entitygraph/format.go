package main

import (
	"bytes"
	"cmp"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"

	"github.com/entitygraph/entitygraph/client"
	entitygraphv1 "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
)

// printJSON writes m as multi-line protojson.
func printJSON(w io.Writer, m proto.Message) error {
	b, err := protojson.MarshalOptions{Multiline: true}.Marshal(m)
	if err != nil {
		return fmt.Errorf("encode %s as JSON: %w", m.ProtoReflect().Descriptor().FullName(), err)
	}
	_, err = fmt.Fprintf(w, "%s\n", b)
	return err
}

// table lays out tab-separated cells in aligned columns with
// [tabwriter.Writer], and trims the padding an empty last cell leaves at the
// end of a line.
type table struct {
	*tabwriter.Writer
	buf bytes.Buffer
	out io.Writer
}

func newTable(w io.Writer) *table {
	t := &table{out: w}
	t.Writer = tabwriter.NewWriter(&t.buf, 0, 0, 2, ' ', 0)
	return t
}

// Flush writes the table out.
func (t *table) Flush() error {
	if err := t.Writer.Flush(); err != nil {
		return err
	}
	for line := range strings.Lines(t.buf.String()) {
		if _, err := io.WriteString(t.out, strings.TrimRight(line, " \n")+"\n"); err != nil {
			return err
		}
	}
	t.buf.Reset()
	return nil
}

// enumWord spells an enum value as a word: MATCH_KIND_EXACT with prefix
// "MATCH_KIND_" is "exact", ALIAS_KIND_FORMAL with "ALIAS_KIND_" is
// "formal". The unspecified value is "".
func enumWord(e protoreflect.Enum, prefix string) string {
	if e.Number() == 0 {
		return ""
	}
	name := string(e.Descriptor().Values().ByNumber(e.Number()).Name())
	return strings.ReplaceAll(strings.ToLower(strings.TrimPrefix(name, prefix)), "_", " ")
}

// printEntity writes e as labelled lines. orgNames maps the organizations
// of a person's roles to their display names.
func printEntity(w io.Writer, e *entitygraphv1.Entity, orgNames map[string]string) error {
	tw := newTable(w)
	row := func(label, value string) {
		if value != "" {
			fmt.Fprintf(tw, "%s\t%s\n", label, value)
		}
	}
	rows := func(label string, values []string) {
		for i, v := range values {
			if i > 0 {
				label = ""
			}
			row(label, v)
		}
	}
	row("Type:", e.GetType())
	row("Name:", e.GetName())
	row("Display name:", e.GetDisplayName())
	rows("Kinds:", e.GetKinds())
	row("Description:", e.GetDescription())
	var aliases []string
	for _, a := range e.GetAliases() {
		aliases = append(aliases, fmt.Sprintf("%s [%s]", a.GetText(), joinSet(a.GetLanguage(), enumWord(a.GetKind(), "ALIAS_KIND_"))))
	}
	rows("Aliases:", aliases)
	var roles []string
	for _, r := range e.GetRoles() {
		org := r.GetOrganization()
		if name := orgNames[org]; name != "" {
			org = fmt.Sprintf("%s (%s)", name, org)
		}
		roles = append(roles, fmt.Sprintf("%s, %s", r.GetTitle(), org))
	}
	rows("Roles:", roles)
	return tw.Flush()
}

// joinSet joins the non-empty strings with ", ".
func joinSet(parts ...string) string {
	var set []string
	for _, p := range parts {
		if p != "" {
			set = append(set, p)
		}
	}
	return strings.Join(set, ", ")
}

func printSearchResults(w io.Writer, results []*entitygraphv1.SearchResult) error {
	tw := newTable(w)
	// The matched text comes last: it is often Hangul or Japanese, whose
	// double-width characters tabwriter counts as one column each, which
	// would push any later column out of line.
	fmt.Fprintln(tw, "RANK\tSCORE\tMATCH\tNAME\tDISPLAY NAME\tLANG\tMATCHED TEXT")
	for i, r := range results {
		fmt.Fprintf(tw, "%d\t%.2f\t%s\t%s\t%s\t%s\t%s\n", i+1, r.GetScore(),
			enumWord(r.GetMatchKind(), "MATCH_KIND_"),
			r.GetEntity().GetName(), r.GetEntity().GetDisplayName(),
			r.GetLanguage(), r.GetMatchedText())
	}
	return tw.Flush()
}

// printMentions writes a table of a text's mentions: where, what, and
// the entity or guess.
func printMentions(w io.Writer, l *client.Linking) error {
	tw := newTable(w)
	// The text comes last, for the reason printSearchResults gives.
	fmt.Fprintln(tw, "BYTES\tSTATUS\tCONF\tMATCH\tENTITY\tTEXT")
	for _, m := range l.Mentions {
		entity, match := "", ""
		switch cs := m.GetCandidates(); {
		case len(cs) == 1:
			entity, match = cs[0].GetEntity(), enumWord(cs[0].GetMatch(), "LINK_MATCH_")
		case len(cs) > 1:
			var names []string
			for _, c := range cs {
				names = append(names, c.GetEntity())
			}
			entity = strings.Join(names, " | ")
		default:
			entity = "type " + cmp.Or(m.GetGuessedType(), "?")
			if k := m.GetGuessedKind(); k != "" {
				entity += ", " + k
			}
		}
		fmt.Fprintf(tw, "%d-%d\t%s\t%.2f\t%s\t%s\t%s\n", m.GetStartByte(), m.GetEndByte(),
			enumWord(m.GetStatus(), "MENTION_STATUS_"), m.GetConfidence(), match, entity, m.GetText())
	}
	return tw.Flush()
}

// printRelations writes a heading naming what the relations are about,
// then each relation as a block: summary, name, qualifiers, evidence.
func printRelations(w io.Writer, about string, rels []*entitygraphv1.Relation) error {
	noun := "relations"
	if len(rels) == 1 {
		noun = "relation"
	}
	if _, err := fmt.Fprintf(w, "%s: %d %s\n", about, len(rels), noun); err != nil {
		return err
	}
	for _, rel := range rels {
		fmt.Fprintf(w, "\n%s\n", rel.GetSummary())
		tw := newTable(w)
		fmt.Fprintf(tw, "  name:\t%s\n", rel.GetName())
		if rank := enumWord(rel.GetStatementRank(), "STATEMENT_RANK_"); rank != "" {
			if why := rel.GetRankReason(); why != "" {
				rank += ": " + why
			}
			fmt.Fprintf(tw, "  ranked:\t%s\n", rank)
		}
		for _, q := range qualifierRows(rel.GetQualifiers()) {
			fmt.Fprintf(tw, "  %s:\t%s\n", q[0], q[1])
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		for _, ev := range rel.GetEvidence() {
			fmt.Fprintf(w, "  “%s”\n    — %s, chars %d–%d\n", ev.GetQuote(), ev.GetDocument(), ev.GetStartChar(), ev.GetEndChar())
		}
	}
	return nil
}

// qualifierRows returns the qualifiers that are set, as label and value.
func qualifierRows(q *entitygraphv1.Qualifiers) [][2]string {
	var rows [][2]string
	add := func(label, value string) {
		if value != "" {
			rows = append(rows, [2]string{label, value})
		}
	}
	if t := q.GetTime(); t != nil {
		iso := t.GetStart()
		if t.GetEnd() != "" {
			iso += "/" + t.GetEnd()
		}
		switch {
		case t.GetText() != "" && iso != "" && t.GetText() != iso:
			add("time", fmt.Sprintf("%s (%s)", t.GetText(), iso))
		case t.GetText() != "":
			add("time", t.GetText())
		default:
			add("time", t.GetText()+iso)
		}
	}
	add("status", enumWord(q.GetStatus(), "RELATION_STATUS_"))
	if p := q.GetPlace(); p != nil {
		switch {
		case p.GetText() != "" && p.GetEntity() != "":
			add("place", fmt.Sprintf("%s (%s)", p.GetText(), p.GetEntity()))
		default:
			add("place", p.GetText()+p.GetEntity())
		}
	}
	add("role", q.GetRole())
	if r := q.GetRank(); r != nil {
		text := r.GetText()
		if text == "" && r.GetPosition() > 0 {
			text = "No. " + strconv.Itoa(int(r.GetPosition()))
		}
		switch {
		case text == "":
			text = r.GetScope()
		case r.GetScope() != "":
			text += " among " + r.GetScope()
		}
		add("rank", text)
	}
	add("manner", q.GetManner())
	add("reason", q.GetReason())
	add("topic", q.GetTopic())
	add("audience", strings.Join(q.GetAudience(), ", "))
	if a := q.GetAttribution(); a != nil {
		add("according to", joinSet(a.GetText(), a.GetEntity()))
	}
	add("note", q.GetNote())
	return rows
}

func printDocuments(w io.Writer, docs []*entitygraphv1.Document) error {
	tw := newTable(w)
	fmt.Fprintln(tw, "NAME\tTITLE\tCHARS\tRELATIONS\tSHA256")
	for _, d := range docs {
		sum := d.GetSha256()
		if len(sum) > 12 {
			sum = sum[:12]
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%s\n", d.GetName(), d.GetTitle(), d.GetCharCount(), d.GetRelationCount(), sum)
	}
	return tw.Flush()
}

// shortName returns the id of a vocabulary resource name:
// "predicates/acquires" is "acquires", "kinds/company" is "company". The
// CLI accepts either.
func shortName(name string) string {
	return name[strings.IndexByte(name, '/')+1:]
}

// shortNames is shortName of each name, joined with ", ".
func shortNames(names []string) string {
	short := make([]string, len(names))
	for i, n := range names {
		short[i] = shortName(n)
	}
	return strings.Join(short, ", ")
}

func printPredicates(w io.Writer, preds []*entitygraphv1.Predicate) error {
	tw := newTable(w)
	fmt.Fprintln(tw, "PREDICATE\tREADING\tINVERSE READING\tIMPLIES")
	for _, p := range preds {
		inverse := p.GetInverseReading()
		if p.GetSymmetric() {
			inverse = "(symmetric)"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", shortName(p.GetName()), p.GetReading(), inverse, shortNames(p.GetImplies()))
	}
	return tw.Flush()
}

func printKinds(w io.Writer, kinds []*entitygraphv1.Kind) error {
	tw := newTable(w)
	fmt.Fprintln(tw, "KIND\tTYPE\tBROADER\tNOUNS")
	for _, k := range kinds {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", shortName(k.GetName()), k.GetEntityType(), shortNames(k.GetBroader()), strings.Join(k.GetNouns(), ", "))
	}
	return tw.Flush()
}

// printStatements writes each relation a statement search found: its
// summary and name, then its quotes with the matching words marked.
func printStatements(w io.Writer, results []*entitygraphv1.RelationMatch) error {
	for i, m := range results {
		rel := m.GetRelation()
		fmt.Fprintf(w, "%d. %s  (score %.2f)\n   %s\n", i+1, rel.GetSummary(), m.GetScore(), rel.GetName())
		for e, ev := range rel.GetEvidence() {
			quote := []rune(ev.GetQuote())
			var b strings.Builder
			at := 0
			for _, h := range m.GetHighlights() {
				if int(h.GetEvidence()) != e {
					continue
				}
				from, to := int(h.GetStartChar()-ev.GetStartChar()), int(h.GetEndChar()-ev.GetStartChar())
				if from < at || to > len(quote) {
					continue
				}
				b.WriteString(string(quote[at:from]) + "«" + string(quote[from:to]) + "»")
				at = to
			}
			b.WriteString(string(quote[at:]))
			fmt.Fprintf(w, "     “%s”\n", b.String())
		}
	}
	return nil
}
