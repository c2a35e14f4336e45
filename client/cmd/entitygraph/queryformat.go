package main

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"

	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/proto"

	entitygraphv1 "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
)

// printJSONLine writes m as protojson on one line, for streams: one object
// per line.
func printJSONLine(w io.Writer, m proto.Message) error {
	b, err := protojson.Marshal(m)
	if err != nil {
		return fmt.Errorf("encode %s as JSON: %w", m.ProtoReflect().Descriptor().FullName(), err)
	}
	_, err = fmt.Fprintf(w, "%s\n", b)
	return err
}

// printEvidence writes a relation's name and then each of its quotes, as
// relations does, under indent.
func printEvidence(w io.Writer, indent string, rel *entitygraphv1.Relation) error {
	if _, err := fmt.Fprintf(w, "%s%s\n", indent, rel.GetName()); err != nil {
		return err
	}
	for _, ev := range rel.GetEvidence() {
		if _, err := fmt.Fprintf(w, "%s  “%s”\n", indent, ev.GetQuote()); err != nil {
			return err
		}
	}
	return nil
}

// plural returns "1 hop", "3 hops".
func plural(n int, noun string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, noun)
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// printPaths writes each path as a line of its nodes, named by labels, then
// its hops one by one: the reading, the relation and its evidence.
func printPaths(w io.Writer, paths []*entitygraphv1.Path, labels map[string]string) error {
	for i, p := range paths {
		if i > 0 {
			fmt.Fprintln(w)
		}
		nodes := make([]string, 0, len(p.GetNodes()))
		for _, n := range p.GetNodes() {
			nodes = append(nodes, labels[n])
		}
		fmt.Fprintf(w, "Path %d (%s): %s\n", i+1, plural(len(p.GetHops()), "hop"), strings.Join(nodes, " → "))
		for j, h := range p.GetHops() {
			if _, err := fmt.Fprintf(w, "  %d. %s\n", j+1, h.GetReading()); err != nil {
				return err
			}
			if err := printEvidence(w, "     ", h.GetRelation()); err != nil {
				return err
			}
		}
	}
	return nil
}

// printTraverseItem writes one item of a traversal on a line, indented by
// its depth: an entity as its resource name and display name, a relation
// followed as its summary, and the relation that led there, if any. A
// relation reached as a node, or started from, is shown like an entity,
// with its summary in brackets as a node of a path is.
func printTraverseItem(w io.Writer, item *entitygraphv1.TraverseResponse) error {
	var text string
	via := item.GetVia().GetRelation().GetName()
	followed := item.GetVia().GetKind() == entitygraphv1.HopKind_HOP_KIND_FORWARD ||
		item.GetVia().GetKind() == entitygraphv1.HopKind_HOP_KIND_BACKWARD
	switch {
	case item.GetEntity() != nil:
		text = item.GetEntity().GetName() + "  " + item.GetEntity().GetDisplayName()
	case followed && item.GetRelation().GetName() == via:
		// "via" names it.
		text = item.GetRelation().GetSummary()
	default:
		text = item.GetRelation().GetName() + "  [" + item.GetRelation().GetSummary() + "]"
	}
	if via != "" {
		text += "  via " + via
	}
	_, err := fmt.Fprintf(w, "%s%s\n", strings.Repeat("  ", int(item.GetDepth())), text)
	return err
}

// bindingLabel shows a binding: an entity by its display name, a relation
// by its summary in brackets.
func bindingLabel(b *entitygraphv1.Binding) string {
	switch v := b.GetValue().(type) {
	case *entitygraphv1.Binding_Relation:
		return "[" + v.Relation.GetSummary() + "]"
	case *entitygraphv1.Binding_Text:
		return strconv.Quote(v.Text)
	case nil:
		return "-"
	}
	return b.GetEntity().GetDisplayName()
}

// printMatch writes the query, the plan if there is one, a table of the
// bindings with a column per variable, and the evidence of each result.
// limit is the --limit that may have cut the results short.
func printMatch(w io.Writer, resp *entitygraphv1.MatchResponse, limit int) error {
	fmt.Fprintf(w, "Query: %s\n", resp.GetCanonicalText())
	if steps := resp.GetPlan().GetSteps(); len(steps) > 0 {
		fmt.Fprintln(w, "Plan:")
		for i, s := range steps {
			fmt.Fprintf(w, "  %d. %s (about %s)\n", i+1, s.GetDescription(), plural(int(s.GetEstimatedCandidates()), "candidate"))
		}
	}
	results := resp.GetResults()
	if len(results) == 0 {
		_, err := fmt.Fprintln(w, "\nNo results.")
		return err
	}
	more := ""
	if resp.GetNextPageToken() != "" {
		more = fmt.Sprintf(" (the first %d; raise --limit for more)", limit)
	}
	fmt.Fprintf(w, "\n%s%s:\n", plural(len(results), "result"), more)

	vars := map[string]bool{}
	for _, r := range results {
		for v := range r.GetBindings() {
			vars[v] = true
		}
	}
	// The relation variables the text syntax makes for qualifier clauses
	// (?_rel1, ...) are the relations themselves, shown under Evidence.
	names := slices.DeleteFunc(slices.Sorted(maps.Keys(vars)), func(v string) bool { return strings.HasPrefix(v, "_rel") })
	counting := resp.GetPattern().GetCount() != nil
	tw := newTable(w)
	fmt.Fprint(tw, "#")
	for _, v := range names {
		fmt.Fprintf(tw, "\t?%s", v)
	}
	if counting {
		fmt.Fprint(tw, "\tCOUNT")
	}
	fmt.Fprintln(tw)
	for i, r := range results {
		fmt.Fprintf(tw, "%d", i+1)
		for _, v := range names {
			fmt.Fprintf(tw, "\t%s", bindingLabel(r.GetBindings()[v]))
		}
		if counting {
			fmt.Fprintf(tw, "\t%d", r.GetCount())
		}
		fmt.Fprintln(tw)
	}
	if err := tw.Flush(); err != nil {
		return err
	}

	if counting {
		return nil
	}
	fmt.Fprintln(w, "\nEvidence:")
	for i, r := range results {
		for j, rel := range r.GetRelations() {
			label := fmt.Sprintf("%d.", i+1)
			if j > 0 {
				label = strings.Repeat(" ", len(label))
			}
			fmt.Fprintf(w, "%s %s\n", label, rel.GetSummary())
			if err := printEvidence(w, strings.Repeat(" ", len(label)+1), rel); err != nil {
				return err
			}
		}
	}
	return nil
}

// printAnswers writes how a question was understood, the query it became,
// and each answer followed by the evidence of its relations.
//
// A yes/no question's verdict, or a question left without answers because
// what it matched did not happen, prints with the deciding relations'
// evidence; an unanswered question prints the closest statements, marked
// as not answers.
func printAnswers(w io.Writer, resp *entitygraphv1.AskResponse) error {
	fmt.Fprintf(w, "Understood as: %s\nQuery: %s\n", resp.GetInterpretation(), resp.GetQuery())
	if sk := resp.GetSkippedWords(); len(sk) > 0 {
		fmt.Fprintf(w, "Skipped: %s\n", strings.Join(sk, ", "))
	}
	fmt.Fprintln(w)
	if resp.Count != nil {
		// A how-many question: the count, then each answer's evidence.
		for _, answer := range resp.GetAnswers() {
			fmt.Fprintln(w, "Count: "+answer)
		}
		for _, rel := range resp.GetDecidingRelations() {
			if err := printEvidence(w, "  ", rel); err != nil {
				return err
			}
		}
		for _, r := range resp.GetResults() {
			for _, rel := range r.GetRelations() {
				if err := printEvidence(w, "  ", rel); err != nil {
					return err
				}
			}
		}
		return nil
	}
	if resp.GetVerdict() != entitygraphv1.Verdict_VERDICT_UNSPECIFIED || len(resp.GetResults()) == 0 {
		if len(resp.GetAnswers()) == 0 {
			fmt.Fprintln(w, "No answers: the graph has no such fact.")
		}
		for _, answer := range resp.GetAnswers() {
			fmt.Fprintln(w, answer)
		}
		for _, rel := range resp.GetDecidingRelations() {
			if err := printEvidence(w, "  ", rel); err != nil {
				return err
			}
		}
		if len(resp.GetSuggestions()) > 0 {
			fmt.Fprintln(w, "\nNot answers — the closest statements in the graph:")
			return printStatements(w, resp.GetSuggestions())
		}
		return nil
	}
	for i, answer := range resp.GetAnswers() {
		label := fmt.Sprintf("%d.", i+1)
		if _, err := fmt.Fprintf(w, "%s %s\n", label, answer); err != nil {
			return err
		}
		if i >= len(resp.GetResults()) {
			continue
		}
		for _, rel := range resp.GetResults()[i].GetRelations() {
			if err := printEvidence(w, strings.Repeat(" ", len(label)+1), rel); err != nil {
				return err
			}
		}
	}
	return nil
}
