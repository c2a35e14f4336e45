import type { MessageInitShape } from "@bufbuild/protobuf";
import type { CallOptions, Client } from "@connectrpc/connect";

import type { Document } from "./gen/entitygraph/v1/document_pb.js";
import type {
  EntityService,
  ListRelationsRequest,
  ListRelationsRequestSchema,
} from "./gen/entitygraph/v1/entity_service_pb.js";
import type {
  MatchRequest,
  MatchRequestSchema,
  MatchResult,
  QueryService,
} from "./gen/entitygraph/v1/query_service_pb.js";
import type { Relation } from "./gen/entitygraph/v1/relation_pb.js";

/**
 * RelationFilter is a ListRelations request without its page token:
 * subject, object, endpoint and predicates combine with AND; pageSize is
 * the size of each page fetched.
 */
export type RelationFilter = Omit<
  Exclude<MessageInitShape<typeof ListRelationsRequestSchema>, ListRelationsRequest>,
  "pageToken"
>;

/**
 * listRelations yields every relation that matches the filter, fetching
 * pages as it goes:
 *
 * ```ts
 * for await (const rel of listRelations(eg.entities, { object: "organizations/kioxia" })) { … }
 * ```
 */
export async function* listRelations(
  entities: Client<typeof EntityService>,
  filter: RelationFilter = {},
  options?: CallOptions,
): AsyncGenerator<Relation, void, undefined> {
  let pageToken = "";
  do {
    const page = await entities.listRelations({ ...filter, pageToken }, options);
    yield* page.relations;
    pageToken = page.nextPageToken;
  } while (pageToken !== "");
}

/** listDocuments yields every source document (without its text), fetching pages as it goes. */
export async function* listDocuments(
  entities: Client<typeof EntityService>,
  pageSize = 0,
  options?: CallOptions,
): AsyncGenerator<Document, void, undefined> {
  let pageToken = "";
  do {
    const page = await entities.listDocuments({ pageSize, pageToken }, options);
    yield* page.documents;
    pageToken = page.nextPageToken;
  } while (pageToken !== "");
}

/** MatchQuery is a Match request without its page token. */
export type MatchQuery = Omit<Exclude<MessageInitShape<typeof MatchRequestSchema>, MatchRequest>, "pageToken">;

/**
 * matchAll yields every solution of a pattern query, fetching pages as it
 * goes. Give the query as text (`{ query: { case: "text", value: "?who
 * COORDINATES_AGAINST ?deal" } }`) or as a structured Pattern.
 */
export async function* matchAll(
  queries: Client<typeof QueryService>,
  query: MatchQuery,
  options?: CallOptions,
): AsyncGenerator<MatchResult, void, undefined> {
  let pageToken = "";
  do {
    const page = await queries.match({ ...query, pageToken }, options);
    yield* page.results;
    pageToken = page.nextPageToken;
  } while (pageToken !== "");
}
