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
//	for rel, err := range c.ListRelations(ctx, client.RelationFilter{Endpoint: client.EntityName(kioxia)}) {
//		if err != nil {
//			return err
//		}
//		fmt.Println(rel.GetSummary())
//	}
//
// Errors returned by the server are gRPC status errors, wrapped with the
// operation that failed; [status.Code] still reports their code.
package client
