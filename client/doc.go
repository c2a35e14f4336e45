// Package client is the Go SDK of entitygraph, a gRPC service that answers
// entity and relation lookups over a knowledge graph curated from news text.
//
// A [Client] wraps the generated [entitygraphv1.EntityServiceClient] with
// context-first methods that hide paging ([Client.ListRelations],
// [Client.ListDocuments]) and turn a name as a person would type it into an
// entity ([Client.Resolve]):
//
//	c, err := client.Dial("localhost:50051")
//	if err != nil {
//		return err
//	}
//	defer c.Close()
//	kioxia, err := c.Resolve(ctx, "Kioxia")
//	if err != nil {
//		return err
//	}
//	for rel, err := range c.ListRelations(ctx, client.RelationFilter{Endpoint: kioxia.GetName()}) {
//		if err != nil {
//			return err
//		}
//		fmt.Println(rel.GetSummary())
//	}
//
// It wraps [entitygraphv1.QueryServiceClient] the same way: [Client.FindPaths]
// returns the shortest paths between two nodes, [Client.Traverse] streams a
// breadth-first expansion as an iterator, [Client.Match] runs a pattern
// query over every page, and [Client.Ask] answers a question in plain
// English:
//
//	resp, err := c.Ask(ctx, "Who coordinated against which acquisition?")
//	if err != nil {
//		return err
//	}
//	for _, answer := range resp.GetAnswers() {
//		fmt.Println(answer)
//	}
//
// Every answer carries the relations it rests on, each with its evidence:
// the quotes of the source text that state it.
//
// Errors returned by the server are gRPC status errors, wrapped with the
// operation that failed; [status.Code] still reports their code. Some carry
// details that [errors.As] or a helper reads: an [*AmbiguousError] from
// [Client.Resolve], a [*NotUnderstoodError] from [Client.Ask], and a query
// over its budget of edges visited, for which [BudgetExceeded] reports true.
package client
