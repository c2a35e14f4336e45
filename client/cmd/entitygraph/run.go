package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/entitygraph/entitygraph/client"
)

// Exit codes.
const (
	exitOK      = 0
	exitFailure = 1 // the command ran and failed
	exitUsage   = 2 // the command line is wrong
)

const (
	defaultAddr    = "localhost:50051"
	addrEnv        = "ENTITYGRAPH_ADDR"
	defaultTimeout = 10 * time.Second
)

// globals are the flags every command takes, before or after its name.
type globals struct {
	addr    string
	json    bool
	timeout time.Duration
}

// register adds the global flags to fs with the current values as defaults,
// so that a command's flag set keeps what the global one parsed.
func (g *globals) register(fs *flag.FlagSet) {
	fs.StringVar(&g.addr, "addr", g.addr, "server address `host:port`; the default comes from $"+addrEnv+" if set")
	fs.BoolVar(&g.json, "json", g.json, "print the response as protojson instead of a table")
	fs.DurationVar(&g.timeout, "timeout", g.timeout, "give up after this `duration`; 0 waits forever")
}

// invocation is what a command runs with.
type invocation struct {
	client *client.Client
	g      *globals
	stdout io.Writer
}

// command is one subcommand of the CLI.
type command struct {
	name    string
	args    string // the synopsis of its arguments, for usage text
	short   string // a few words, for the list of commands
	summary string // a sentence, for the command's own help
	hint    string // the command's own flags, for the list of commands
	// minArgs and maxArgs bound the positional arguments; maxArgs < 0 means
	// any number. Several words are joined with spaces into one name.
	minArgs, maxArgs int
	// setup registers the command's own flags on fs and returns the
	// function that runs it with the parsed flags and positional arguments.
	setup func(fs *flag.FlagSet) func(ctx context.Context, in *invocation, args []string) error
}

// commands lists the subcommands in the order usage shows them.
var commands = []*command{
	getCommand, searchCommand, linkCommand, relationsCommand, statementsCommand, documentsCommand, predicatesCommand, kindsCommand,
	pathsCommand, traverseCommand, matchCommand, askCommand,
}

func lookupCommand(name string) *command {
	for _, c := range commands {
		if c.name == name {
			return c
		}
	}
	return nil
}

// usageError is a mistake on the command line: it exits with [exitUsage]
// after the usage text.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usageErrorf(format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...)}
}

// run is the whole CLI behind main: it parses args (without the program
// name), runs the command and returns the exit code.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	g := &globals{addr: os.Getenv(addrEnv), timeout: defaultTimeout}
	if g.addr == "" {
		g.addr = defaultAddr
	}

	global := flag.NewFlagSet("entitygraph", flag.ContinueOnError)
	global.SetOutput(stderr)
	global.Usage = func() { printUsage(stderr) }
	g.register(global)
	if err := global.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if global.NArg() == 0 {
		fmt.Fprintln(stderr, "entitygraph: no command given")
		printUsage(stderr)
		return exitUsage
	}
	name, rest := global.Arg(0), global.Args()[1:]
	if name == "help" {
		if len(rest) > 0 {
			if cmd := lookupCommand(rest[0]); cmd != nil {
				printCommandUsage(stdout, cmd, newCommandFlags(cmd, g, stdout))
				return exitOK
			}
		}
		printUsage(stdout)
		return exitOK
	}
	cmd := lookupCommand(name)
	if cmd == nil {
		fmt.Fprintf(stderr, "entitygraph: unknown command %q\n", name)
		printUsage(stderr)
		return exitUsage
	}

	fs := flag.NewFlagSet("entitygraph "+cmd.name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { printCommandUsage(stderr, cmd, fs) }
	g.register(fs)
	runCmd := cmd.setup(fs)
	positional, err := parseInterspersed(fs, rest)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if len(positional) < cmd.minArgs || (cmd.maxArgs >= 0 && len(positional) > cmd.maxArgs) {
		if len(positional) < cmd.minArgs {
			fmt.Fprintf(stderr, "entitygraph %s: missing %s\n", cmd.name, cmd.args)
		} else {
			fmt.Fprintf(stderr, "entitygraph %s: unexpected argument %q\n", cmd.name, positional[cmd.maxArgs])
		}
		fs.Usage()
		return exitUsage
	}

	c, err := client.Dial(g.addr)
	if err != nil {
		fmt.Fprintf(stderr, "entitygraph: bad server address %q: %v\n", g.addr, err)
		return exitUsage
	}
	defer c.Close()
	if g.timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, g.timeout)
		defer cancel()
	}
	err = runCmd(ctx, &invocation{client: c, g: g, stdout: stdout}, positional)
	if err == nil {
		return exitOK
	}
	var uerr *usageError
	if errors.As(err, &uerr) {
		fmt.Fprintf(stderr, "entitygraph %s: %s\n", cmd.name, uerr.msg)
		fs.Usage()
		return exitUsage
	}
	report(stderr, err, g)
	return exitFailure
}

// newCommandFlags returns cmd's flag set, for its usage text.
func newCommandFlags(cmd *command, g *globals, out io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("entitygraph "+cmd.name, flag.ContinueOnError)
	fs.SetOutput(out)
	gcopy := *g
	gcopy.register(fs)
	cmd.setup(fs)
	return fs
}

// parseInterspersed parses flags wherever they appear among args, as in
// "relations Kioxia --as subject", and returns the other arguments in
// order. After "--" everything is an argument.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if consumed := len(args) - len(rest); consumed > 0 && args[consumed-1] == "--" {
			return append(positional, rest...), nil
		}
		if len(rest) == 0 {
			return positional, nil
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}

func printUsage(w io.Writer) {
	fmt.Fprintf(w, `Usage: entitygraph [--addr host:port] [--json] [--timeout 10s] <command> [args]

Commands:
`)
	// A synopsis too long for the column goes on a line of its own, with
	// the description under the column, as the flag package does.
	const maxSynopsis = 40
	type row struct{ synopsis, short string }
	rows := make([]row, 0, len(commands)+1)
	for _, c := range commands {
		rows = append(rows, row{strings.Join(strings.Fields(c.name+" "+c.args+" "+c.hint), " "), c.short})
	}
	rows = append(rows, row{"help [command]", "show this help, or a command's"})
	width := 0
	for _, r := range rows {
		if n := utf8.RuneCountInString(r.synopsis); n <= maxSynopsis {
			width = max(width, n)
		}
	}
	for _, r := range rows {
		if utf8.RuneCountInString(r.synopsis) > width {
			fmt.Fprintf(w, "  %s\n  %*s   %s\n", r.synopsis, width, "", r.short)
		} else {
			fmt.Fprintf(w, "  %-*s   %s\n", width, r.synopsis, r.short)
		}
	}
	fmt.Fprintf(w, `
Run "entitygraph help <command>" for what a command does and its flags.
The query commands (paths, traverse, match, ask) also take --max-edges N,
the most edges the query may visit.

Global flags, accepted before or after the command:
  --addr host:port   server address (default $%s, else %s)
  --json             print the response as protojson instead of a table
  --timeout d        give up after d (default %s; 0 waits forever)
`, addrEnv, defaultAddr, defaultTimeout)
}

func printCommandUsage(w io.Writer, cmd *command, fs *flag.FlagSet) {
	fmt.Fprintf(w, "Usage: entitygraph %s [flags] %s\n\n%s.\n\nFlags:\n", cmd.name, cmd.args, upperFirst(cmd.summary))
	fs.SetOutput(w)
	fs.PrintDefaults()
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
