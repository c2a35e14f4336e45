// Command entitygraph looks up entities, relations and source documents in
// an entitygraph server, and queries its graph.
//
// Usage:
//
//	entitygraph [--addr host:port] [--json] [--timeout 10s] <command> [args]
//
// The lookup commands are get, search, relations, documents and predicates;
// the query commands are paths, traverse, match and ask:
//
//	entitygraph ask Who coordinated against which acquisition?
//	entitygraph paths "Chey Tae-won" Kioxia
//	entitygraph traverse Kioxia --depth 1
//	entitygraph match '?who coordinates_against ?deal . ?deal is an acquisition'
//
// Run "entitygraph help" for what each takes. Flags may also follow the command.
// The server address defaults to $ENTITYGRAPH_ADDR, else localhost:50051.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
