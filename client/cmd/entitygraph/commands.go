package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/entitygraph/entitygraph/client"
	entitygraphv1 "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
)

// listFlag is a flag that may be repeated or given a comma-separated list.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }

func (l *listFlag) Set(s string) error {
	for part := range strings.SplitSeq(s, ",") {
		if part = strings.TrimSpace(part); part != "" {
			*l = append(*l, part)
		}
	}
	return nil
}

// entityTypes are the values --type accepts.
var entityTypes = []string{"organization", "person", "place", "topic"}

var getCommand = &command{
	name:    "get",
	args:    "NAME",
	short:   "show an entity",
	summary: "show an entity, by resource name (organizations/kioxia) or by name or alias (Kioxia, 최태원)",
	minArgs: 1, maxArgs: -1,
	setup: func(*flag.FlagSet) func(context.Context, *invocation, []string) error {
		return func(ctx context.Context, in *invocation, args []string) error {
			e, err := resolve(ctx, in.client, strings.Join(args, " "))
			if err != nil {
				return err
			}
			if in.g.json {
				return printJSON(in.stdout, e)
			}
			// Roles point at organizations by resource name; show their names.
			var orgs []string
			for _, r := range e.GetRoles() {
				if r.GetOrganization() != "" && !slices.Contains(orgs, r.GetOrganization()) {
					orgs = append(orgs, r.GetOrganization())
				}
			}
			names := map[string]string{}
			if len(orgs) > 0 {
				got, err := in.client.BatchGetEntities(ctx, orgs)
				if err != nil {
					return err
				}
				for _, o := range got {
					names[o.GetName()] = o.GetDisplayName()
				}
			}
			return printEntity(in.stdout, e, names)
		}
	},
}

var searchCommand = &command{
	name:    "search",
	args:    "TEXT",
	short:   "find entities by name or alias",
	summary: "find entities whose name or alias matches TEXT, best first",
	hint:    "[--limit N] [--type T] [--kind K]",
	minArgs: 1, maxArgs: -1,
	setup: func(fs *flag.FlagSet) func(context.Context, *invocation, []string) error {
		limit := fs.Int("limit", 0, "show at most `N` results, 1 to 100 (default 10)")
		var types listFlag
		fs.Var(&types, "type", "only entities of this `type`: "+strings.Join(entityTypes, ", ")+" (repeatable, or comma-separated)")
		var kinds listFlag
		fs.Var(&kinds, "kind", "only entities of this `kind`, such as company, or a narrower one (repeatable, or comma-separated; see the kinds command)")
		return func(ctx context.Context, in *invocation, args []string) error {
			if *limit < 0 {
				return usageErrorf("--limit must be positive, not %d", *limit)
			}
			for _, t := range types {
				if !slices.Contains(entityTypes, t) {
					return usageErrorf("unknown --type %q; want one of %s", t, strings.Join(entityTypes, ", "))
				}
			}
			query := strings.Join(args, " ")
			opts := []client.SearchOption{client.WithTypes(types...), client.WithKinds(kinds...)}
			if *limit > 0 {
				opts = append(opts, client.WithLimit(*limit))
			}
			results, err := in.client.SearchEntities(ctx, query, opts...)
			if err != nil {
				return err
			}
			if in.g.json {
				return printJSON(in.stdout, &entitygraphv1.SearchEntitiesResponse{Results: results})
			}
			if len(results) == 0 {
				_, err := fmt.Fprintf(in.stdout, "No entity matches %q.\n", query)
				return err
			}
			return printSearchResults(in.stdout, results)
		}
	},
}

var linkCommand = &command{
	name:    "link",
	args:    "FILE",
	short:   "find the entities a text mentions",
	summary: "find the entities the text in FILE (- for standard input) mentions, and the names the graph does not know, in text order",
	hint:    "[--type T] [--known-only] [--min-confidence C]",
	minArgs: 1, maxArgs: 1,
	setup: func(fs *flag.FlagSet) func(context.Context, *invocation, []string) error {
		var types listFlag
		fs.Var(&types, "type", "only known entities of this `type`: "+strings.Join(entityTypes, ", ")+" (repeatable, or comma-separated)")
		knownOnly := fs.Bool("known-only", false, "leave out the names the graph does not know")
		minConfidence := fs.Float64("min-confidence", 0, "leave out mentions less sure than this `confidence`, 0 to 1")
		return func(ctx context.Context, in *invocation, args []string) error {
			for _, t := range types {
				if !slices.Contains(entityTypes, t) {
					return usageErrorf("unknown --type %q; want one of %s", t, strings.Join(entityTypes, ", "))
				}
			}
			if *minConfidence < 0 || *minConfidence > 1 {
				return usageErrorf("--min-confidence must be from 0 to 1, not %v", *minConfidence)
			}
			text, err := readInput(args[0])
			if err != nil {
				return err
			}
			opts := []client.LinkOption{client.LinkTypes(types...), client.LinkMinConfidence(*minConfidence), client.LinkNamesOnly()}
			if *knownOnly {
				opts = append(opts, client.LinkKnownOnly())
			}
			linking, err := in.client.LinkEntities(ctx, text, opts...)
			if err != nil {
				return err
			}
			if in.g.json {
				resp := &entitygraphv1.LinkEntitiesResponse{Mentions: linking.Mentions}
				for _, m := range linking.Mentions {
					for _, c := range m.GetCandidates() {
						if e, ok := linking.Entities[c.GetEntity()]; ok && !slices.ContainsFunc(resp.Entities, func(x *entitygraphv1.Entity) bool { return x == e }) {
							resp.Entities = append(resp.Entities, e)
						}
					}
				}
				return printJSON(in.stdout, resp)
			}
			if len(linking.Mentions) == 0 {
				_, err := fmt.Fprintln(in.stdout, "No mentions of entities.")
				return err
			}
			return printMentions(in.stdout, linking)
		}
	},
}

var statementsCommand = &command{
	name:    "statements",
	args:    "TEXT",
	short:   "find relations by the words of their evidence",
	summary: "find the relations whose evidence quotes or readings hold TEXT's words, best first, with the matching words marked «like this»",
	hint:    "[--about NAME] [--predicate P] [--document D] [--from DATE] [--to DATE] [--limit N]",
	minArgs: 1, maxArgs: -1,
	setup: func(fs *flag.FlagSet) func(context.Context, *invocation, []string) error {
		about := fs.String("about", "", "only relations of this entity (named as for get) or relation (relations/…)")
		var predicates listFlag
		fs.Var(&predicates, "predicate", "only relations with this `predicate`, or one that implies it (repeatable, or comma-separated)")
		document := fs.String("document", "", "only relations with evidence in this `document`")
		from := fs.String("from", "", "only relations whose time overlaps from this `date` (2021, 2025-05, 2025-05-08)")
		to := fs.String("to", "", "only relations whose time overlaps up to this `date`")
		limit := fs.Int("limit", 0, "show at most `N` results, 1 to 100 (default 10)")
		return func(ctx context.Context, in *invocation, args []string) error {
			if err := checkCount("limit", *limit); err != nil {
				return err
			}
			opts := []client.StatementOption{client.StatementsWith(predicates...), client.StatementsIn(*document), client.StatementsBetween(*from, *to)}
			if *limit > 0 {
				opts = append(opts, client.StatementsLimit(*limit))
			}
			if *about != "" {
				name, err := nodeName(ctx, in.client, *about)
				if err != nil {
					return err
				}
				opts = append(opts, client.StatementsAbout(name))
			}
			query := strings.Join(args, " ")
			results, err := in.client.SearchRelations(ctx, query, opts...)
			if err != nil {
				return err
			}
			if in.g.json {
				return printJSON(in.stdout, &entitygraphv1.SearchRelationsResponse{Results: results})
			}
			if len(results) == 0 {
				_, err := fmt.Fprintf(in.stdout, "No statement holds %q.\n", query)
				return err
			}
			return printStatements(in.stdout, results)
		}
	},
}

// relationRoles maps the values of --as to the filter field they set.
var relationRoles = map[string]func(*client.RelationFilter, string){
	"subject": func(f *client.RelationFilter, name string) { f.Subject = name },
	"object":  func(f *client.RelationFilter, name string) { f.Object = name },
	"any":     func(f *client.RelationFilter, name string) { f.Endpoint = name },
}

var relationsCommand = &command{
	name:    "relations",
	args:    "NAME",
	short:   "list relations and their evidence",
	summary: "list the relations of an entity (named as for get), or those about a relation (relations/…), with their evidence",
	hint:    "[--predicate P] [--as subject|object|any] [--document D] [--all-ranks]",
	minArgs: 1, maxArgs: -1,
	setup: func(fs *flag.FlagSet) func(context.Context, *invocation, []string) error {
		var predicates listFlag
		fs.Var(&predicates, "predicate", "only relations with this `predicate`, such as coordinates-against, or one that implies it (repeatable, or comma-separated; see the predicates command)")
		as := fs.String("as", "any", "the part NAME plays in the relation: `subject`, object or any")
		document := fs.String("document", "", "only relations with evidence in this `document`, such as documents/korea-japan-economic-alliance")
		allRanks := fs.Bool("all-ranks", false, "list statements of every rank, including deprecated ones and those a preferred statement outranks")
		return func(ctx context.Context, in *invocation, args []string) error {
			filter := client.RelationFilter{Predicates: predicates, Document: *document, AllRanks: *allRanks}
			setRole, ok := relationRoles[*as]
			if !ok {
				return usageErrorf("--as must be subject, object or any, not %q", *as)
			}

			ref := strings.Join(args, " ")
			var name, title string
			if strings.HasPrefix(ref, "relations/") {
				rel, err := in.client.GetRelation(ctx, ref)
				if status.Code(err) == codes.NotFound {
					return &failure{msg: fmt.Sprintf("there is no relation %s", ref), err: err}
				}
				if err != nil {
					return err
				}
				name, title = rel.GetName(), fmt.Sprintf("%q (%s)", rel.GetSummary(), rel.GetName())
			} else {
				e, err := resolve(ctx, in.client, ref)
				if err != nil {
					return err
				}
				name, title = e.GetName(), fmt.Sprintf("%s (%s)", e.GetDisplayName(), e.GetName())
			}
			setRole(&filter, name)

			var rels []*entitygraphv1.Relation
			for rel, err := range in.client.ListRelations(ctx, filter) {
				if err != nil {
					return err
				}
				rels = append(rels, rel)
			}
			if in.g.json {
				return printJSON(in.stdout, &entitygraphv1.ListRelationsResponse{Relations: rels, TotalSize: int32(len(rels))})
			}
			return printRelations(in.stdout, title, rels)
		}
	},
}

var documentsCommand = &command{
	name:    "documents",
	short:   "list the source documents",
	summary: "list the source documents the graph was curated from",
	setup: func(*flag.FlagSet) func(context.Context, *invocation, []string) error {
		return func(ctx context.Context, in *invocation, _ []string) error {
			docs, err := in.client.ListDocuments(ctx)
			if err != nil {
				return err
			}
			if in.g.json {
				return printJSON(in.stdout, &entitygraphv1.ListDocumentsResponse{Documents: docs, TotalSize: int32(len(docs))})
			}
			return printDocuments(in.stdout, docs)
		}
	},
}

var predicatesCommand = &command{
	name:    "predicates",
	short:   "list the predicate vocabulary",
	summary: "list the predicates the server's vocabulary declares, with their readings and the broader predicates each implies",
	setup: func(*flag.FlagSet) func(context.Context, *invocation, []string) error {
		return func(ctx context.Context, in *invocation, _ []string) error {
			preds, err := in.client.Predicates(ctx)
			if err != nil {
				return err
			}
			if in.g.json {
				return printJSON(in.stdout, &entitygraphv1.ListPredicatesResponse{Predicates: preds, TotalSize: int32(len(preds))})
			}
			return printPredicates(in.stdout, preds)
		}
	},
}

var kindsCommand = &command{
	name:    "kinds",
	short:   "list the kinds of entity",
	summary: "list the kinds of entity (company, country, ...) the server's vocabulary declares, with the broader kinds each belongs to",
	setup: func(*flag.FlagSet) func(context.Context, *invocation, []string) error {
		return func(ctx context.Context, in *invocation, _ []string) error {
			kinds, err := in.client.Kinds(ctx)
			if err != nil {
				return err
			}
			if in.g.json {
				return printJSON(in.stdout, &entitygraphv1.ListKindsResponse{Kinds: kinds, TotalSize: int32(len(kinds))})
			}
			return printKinds(in.stdout, kinds)
		}
	},
}

// resolve is [client.Client.Resolve] with a not-found error that says
// what was looked for.
func resolve(ctx context.Context, c *client.Client, ref string) (*entitygraphv1.Entity, error) {
	e, err := c.Resolve(ctx, ref)
	if status.Code(err) == codes.NotFound {
		if client.IsEntityName(ref) {
			return nil, &failure{msg: fmt.Sprintf("there is no entity %s", ref), err: err}
		}
		return nil, &failure{msg: fmt.Sprintf("no entity is called %q (try: entitygraph search %q)", ref, ref), err: err}
	}
	return e, err
}

// maxInputBytes bounds the text the link command reads.
const maxInputBytes = 16 << 20

// readInput reads the file at path, or standard input for "-".
func readInput(path string) (string, error) {
	f := os.Stdin
	if path != "-" {
		var err error
		if f, err = os.Open(path); err != nil {
			return "", err
		}
		defer f.Close()
	}
	b, err := io.ReadAll(io.LimitReader(f, maxInputBytes+1))
	if err != nil {
		return "", err
	}
	if len(b) > maxInputBytes {
		return "", fmt.Errorf("%s: longer than %d MiB", path, maxInputBytes>>20)
	}
	return string(b), nil
}
