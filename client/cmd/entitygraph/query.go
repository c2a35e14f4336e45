package main

import (
	"context"
	"flag"
	"fmt"
	"strings"

	"github.com/entitygraph/entitygraph/client"
	entitygraphv1 "github.com/entitygraph/entitygraph/gen/entitygraph/v1"
)

// directions maps the values of --direction to the API's.
var directions = map[string]entitygraphv1.Direction{
	"out":  entitygraphv1.Direction_DIRECTION_OUTGOING,
	"in":   entitygraphv1.Direction_DIRECTION_INCOMING,
	"both": entitygraphv1.Direction_DIRECTION_BOTH,
}

// walkFlags are the flags of the commands that walk the graph, paths and
// traverse: which relations to follow, which way, and the edge budget.
type walkFlags struct {
	predicates listFlag
	direction  string
	query      *queryFlags
}

func (f *walkFlags) register(fs *flag.FlagSet) {
	fs.Var(&f.predicates, "predicate", "follow only relations with this `predicate`, such as coordinates-against (repeatable, or comma-separated; see the predicates command)")
	fs.StringVar(&f.direction, "direction", "both", "follow relations `out` (subject to object), in (object to subject) or both ways")
	f.query = registerQueryFlags(fs)
}

// walkOptions returns the options the walk flags ask for, as options of
// the command's kind O (client.PathOption or client.TraverseOption, which
// every walk and budget option is).
func walkOptions[O any](f *walkFlags) ([]O, error) {
	dir, ok := directions[f.direction]
	if !ok {
		return nil, usageErrorf("--direction must be out, in or both, not %q", f.direction)
	}
	budget, err := f.query.options()
	if err != nil {
		return nil, err
	}
	opts := []O{any(client.WithDirection(dir)).(O)}
	if len(f.predicates) > 0 {
		opts = append(opts, any(client.WithPredicates(f.predicates...)).(O))
	}
	for _, o := range budget {
		opts = append(opts, any(o).(O))
	}
	return opts, nil
}

// queryFlags are the flags every query command has: the edge budget, and
// whether statements of every rank count.
type queryFlags struct {
	maxEdges int64
	allRanks bool
}

func registerQueryFlags(fs *flag.FlagSet) *queryFlags {
	f := &queryFlags{}
	fs.Int64Var(&f.maxEdges, "max-edges", 0, "let the query visit at most `N` edges (default: the server's, 1000000)")
	fs.BoolVar(&f.allRanks, "all-ranks", false, "see statements of every rank, including deprecated ones and those a preferred statement outranks")
	return f
}

// options returns the options the query flags ask for.
func (f *queryFlags) options() ([]client.QueryOption, error) {
	var opts []client.QueryOption
	switch {
	case f.maxEdges < 0:
		return nil, usageErrorf("--max-edges must be positive, not %d", f.maxEdges)
	case f.maxEdges > 0:
		opts = append(opts, client.WithEdgeBudget(f.maxEdges))
	}
	if f.allRanks {
		opts = append(opts, client.WithAllRanks())
	}
	return opts, nil
}

// checkCount refuses a negative count flag; 0 leaves the value to the
// server.
func checkCount(flagName string, n int) error {
	if n < 0 {
		return usageErrorf("--%s must be positive, not %d", flagName, n)
	}
	return nil
}

// nodeName turns a command-line reference to a node into its resource name:
// relations are given by resource name; entities by resource name, name or
// alias, as for get.
func nodeName(ctx context.Context, c *client.Client, ref string) (string, error) {
	ref = strings.TrimSpace(ref)
	if strings.HasPrefix(ref, "relations/") {
		return ref, nil
	}
	e, err := resolve(ctx, c, ref)
	if err != nil {
		return "", err
	}
	return e.GetName(), nil
}

var pathsCommand = &command{
	name:    "paths",
	args:    "FROM TO",
	short:   "find the shortest paths between two nodes",
	summary: "find the shortest paths from FROM to TO, each an entity (named as for get; quote names with spaces) or a relation (relations/…), and show every hop with its relation and evidence",
	hint:    "[--max-hops N] [--max-paths N] [--predicate P] [--direction out|in|both]",
	minArgs: 2, maxArgs: 2,
	setup: func(fs *flag.FlagSet) func(context.Context, *invocation, []string) error {
		maxHops := fs.Int("max-hops", 0, "find paths of at most `N` hops, 1 to 8 (default 4)")
		maxPaths := fs.Int("max-paths", 0, "show at most `N` paths, 1 to 20 (default 3)")
		var walk walkFlags
		walk.register(fs)
		return func(ctx context.Context, in *invocation, args []string) error {
			if err := checkCount("max-hops", *maxHops); err != nil {
				return err
			}
			if err := checkCount("max-paths", *maxPaths); err != nil {
				return err
			}
			opts, err := walkOptions[client.PathOption](&walk)
			if err != nil {
				return err
			}
			if *maxHops > 0 {
				opts = append(opts, client.WithMaxHops(*maxHops))
			}
			if *maxPaths > 0 {
				opts = append(opts, client.WithMaxPaths(*maxPaths))
			}

			from, err := nodeName(ctx, in.client, args[0])
			if err != nil {
				return err
			}
			to, err := nodeName(ctx, in.client, args[1])
			if err != nil {
				return err
			}
			paths, err := in.client.FindPaths(ctx, from, to, opts...)
			if err != nil {
				return err
			}
			if in.g.json {
				return printJSON(in.stdout, &entitygraphv1.FindPathsResponse{Paths: paths})
			}
			names, err := nodeLabels(ctx, in.client, paths, from, to)
			if err != nil {
				return err
			}
			if len(paths) == 0 {
				_, err := fmt.Fprintf(in.stdout, "No path from %s to %s within the hop limit; try a larger --max-hops, or fewer restrictions.\n", names[from], names[to])
				return err
			}
			return printPaths(in.stdout, paths, names)
		}
	},
}

// nodeLabels returns how to show each node of paths, and of extra: an
// entity by its display name, a relation by its summary in brackets.
func nodeLabels(ctx context.Context, c *client.Client, paths []*entitygraphv1.Path, extra ...string) (map[string]string, error) {
	labels := map[string]string{}
	var entities, relations []string
	want := func(name string) {
		if _, ok := labels[name]; ok {
			return
		}
		labels[name] = name
		if strings.HasPrefix(name, "relations/") {
			relations = append(relations, name)
		} else {
			entities = append(entities, name)
		}
	}
	for _, name := range extra {
		want(name)
	}
	// A relation on a path usually comes with a hop, which carries it.
	known := map[string]*entitygraphv1.Relation{}
	for _, p := range paths {
		for _, n := range p.GetNodes() {
			want(n)
		}
		for _, h := range p.GetHops() {
			known[h.GetRelation().GetName()] = h.GetRelation()
		}
	}
	if len(entities) > 0 {
		got, err := c.BatchGetEntities(ctx, entities)
		if err != nil {
			return nil, err
		}
		for _, e := range got {
			labels[e.GetName()] = e.GetDisplayName()
		}
	}
	for _, name := range relations {
		rel, ok := known[name]
		if !ok {
			var err error
			if rel, err = c.GetRelation(ctx, name); err != nil {
				return nil, err
			}
		}
		labels[name] = "[" + rel.GetSummary() + "]"
	}
	return labels, nil
}

var traverseCommand = &command{
	name:    "traverse",
	args:    "NAME...",
	short:   "walk out from nodes, breadth first",
	summary: "walk out breadth first from one or more entities (named as for get; quote names with spaces) or relations (relations/…), and show each relation followed and node reached, indented by depth",
	hint:    "[--depth N] [--limit N] [--predicate P] [--direction out|in|both]",
	minArgs: 1, maxArgs: -1,
	setup: func(fs *flag.FlagSet) func(context.Context, *invocation, []string) error {
		depth := fs.Int("depth", 0, "go at most `N` hops out, 1 to 6 (default 2)")
		limit := fs.Int("limit", 0, "show at most `N` items, 1 to 100000 (default 1000)")
		var walk walkFlags
		walk.register(fs)
		return func(ctx context.Context, in *invocation, args []string) error {
			if err := checkCount("depth", *depth); err != nil {
				return err
			}
			if err := checkCount("limit", *limit); err != nil {
				return err
			}
			opts, err := walkOptions[client.TraverseOption](&walk)
			if err != nil {
				return err
			}
			if *depth > 0 {
				opts = append(opts, client.WithMaxDepth(*depth))
			}
			if *limit > 0 {
				opts = append(opts, client.WithLimit(*limit))
			}

			start := make([]string, 0, len(args))
			for _, ref := range args {
				name, err := nodeName(ctx, in.client, ref)
				if err != nil {
					return err
				}
				start = append(start, name)
			}
			// Items are printed as they arrive: a long walk shows progress,
			// and an error after some items leaves them on the screen.
			for item, err := range in.client.Traverse(ctx, start, opts...) {
				if err != nil {
					return err
				}
				if in.g.json {
					err = printJSONLine(in.stdout, item)
				} else {
					err = printTraverseItem(in.stdout, item)
				}
				if err != nil {
					return err
				}
			}
			return nil
		}
	},
}

// maxMatchPage is the largest page Match serves.
const maxMatchPage = 1000

var matchCommand = &command{
	name:    "match",
	args:    "QUERY",
	short:   "run a pattern query",
	summary: "run a pattern query in the text syntax, such as \"?who coordinates-against ?deal . ?deal is an acquisition\", and show the bindings of its variables and the evidence of each result",
	hint:    "[--limit N] [--explain]",
	minArgs: 1, maxArgs: -1,
	setup: func(fs *flag.FlagSet) func(context.Context, *invocation, []string) error {
		limit := fs.Int("limit", 50, "show at most `N` results; 0 shows all")
		explain := fs.Bool("explain", false, "show how the server evaluates the query")
		query := registerQueryFlags(fs)
		return func(ctx context.Context, in *invocation, args []string) error {
			if err := checkCount("limit", *limit); err != nil {
				return err
			}
			budget, err := query.options()
			if err != nil {
				return err
			}
			var opts []client.MatchOption
			for _, o := range budget {
				opts = append(opts, o)
			}
			if *explain {
				opts = append(opts, client.WithExplain())
			}
			resp, err := matchUpTo(ctx, in.client, strings.Join(args, " "), *limit, opts)
			if err != nil {
				return err
			}
			if in.g.json {
				return printJSON(in.stdout, resp)
			}
			return printMatch(in.stdout, resp, *limit)
		}
	},
}

// matchUpTo runs a Match query page by page until it has limit results (0:
// all of them) and returns them as one response: the first page's query
// and plan, every result, the total edges visited, and the token that
// continues after the last result, if more remain.
func matchUpTo(ctx context.Context, c *client.Client, text string, limit int, opts []client.MatchOption) (*entitygraphv1.MatchResponse, error) {
	req := &entitygraphv1.MatchRequest{Query: &entitygraphv1.MatchRequest_Text{Text: text}}
	var all *entitygraphv1.MatchResponse
	seen := map[string]bool{}
	for {
		// Asking for just what is missing leaves no result unseen between
		// the last page and its token.
		req.PageSize = maxMatchPage
		if limit > 0 {
			req.PageSize = int32(min(limit-len(all.GetResults()), maxMatchPage))
		}
		resp, err := c.MatchPage(ctx, req, opts...)
		if err != nil {
			return nil, err
		}
		if all == nil {
			all = resp
		} else {
			all.Results = append(all.Results, resp.GetResults()...)
			all.EdgesVisited += resp.GetEdgesVisited()
			all.NextPageToken = resp.GetNextPageToken()
		}
		token := resp.GetNextPageToken()
		if token == "" || (limit > 0 && len(all.GetResults()) >= limit) {
			return all, nil
		}
		if seen[token] {
			return nil, fmt.Errorf("match: server repeated page token %q", token)
		}
		seen[token] = true
		req.PageToken = token
	}
}

var askCommand = &command{
	name:    "ask",
	args:    "QUESTION",
	short:   "answer a question in plain English",
	summary: "answer a question in plain English, such as \"Who coordinated against which acquisition?\", and show how it was understood and the evidence for each answer",
	hint:    "[--limit N]",
	minArgs: 1, maxArgs: -1,
	setup: func(fs *flag.FlagSet) func(context.Context, *invocation, []string) error {
		limit := fs.Int("limit", 0, "show at most `N` answers, 1 to 1000 (default 50)")
		query := registerQueryFlags(fs)
		return func(ctx context.Context, in *invocation, args []string) error {
			if err := checkCount("limit", *limit); err != nil {
				return err
			}
			budget, err := query.options()
			if err != nil {
				return err
			}
			var opts []client.AskOption
			for _, o := range budget {
				opts = append(opts, o)
			}
			if *limit > 0 {
				opts = append(opts, client.WithLimit(*limit))
			}
			resp, err := in.client.Ask(ctx, strings.Join(args, " "), opts...)
			if err != nil {
				return err
			}
			if in.g.json {
				return printJSON(in.stdout, resp)
			}
			return printAnswers(in.stdout, resp)
		}
	},
}
