import type { MessageInitShape } from "@bufbuild/protobuf";
import type { CallOptions, Client } from "@connectrpc/connect";

import type { Document } from "./gen/entitygraph/v1/document_pb.js";
import type {
  EntityService,
  ListRelationsRequest,
  ListRelationsRequestSchema,
} from "./gen/entitygraph/v1/entity_service_pb.js";
import type { Entity } from "./gen/entitygraph/v1/entity_pb.js";
import {
  type MatchRequest,
  type MatchRequestSchema,
  type MatchResponse,
  type MatchResult,
  MatchView,
  type QueryService,
} from "./gen/entitygraph/v1/query_service_pb.js";
import type { Relation } from "./gen/entitygraph/v1/relation_pb.js";
import type { Kind, Predicate } from "./gen/entitygraph/v1/vocabulary_pb.js";
import type { VocabularyService } from "./gen/entitygraph/v1/vocabulary_service_pb.js";

/**
 * pages yields the items of every page `fetch` returns, from the first
 * (an empty token) until a page comes back without a next page token. A
 * server that hands out a token twice would loop forever, so that throws.
 */
async function* pages<T>(
  what: string,
  fetch: (pageToken: string) => Promise<{ items: T[]; nextPageToken: string }>,
): AsyncGenerator<T, void, undefined> {
  const seen = new Set<string>();
  let pageToken = "";
  do {
    const page = await fetch(pageToken);
    yield* page.items;
    pageToken = page.nextPageToken;
    if (seen.has(pageToken)) {
      throw new Error(`${what}: server repeated page token ${JSON.stringify(pageToken)}`);
    }
    seen.add(pageToken);
  } while (pageToken !== "");
}

/** listPageSize is the largest page the server's List methods accept for documents, predicates and kinds. */
const listPageSize = 1000;

/**
 * RelationFilter is a ListRelations request without its page token:
 * subject, object, endpoint, predicates and document combine with AND;
 * pageSize is the size of each page fetched. Predicates are resource names
 * such as "predicates/acquires" or bare ids such as "acquires", as
 * {@link listPredicates} names them.
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
export function listRelations(
  entities: Client<typeof EntityService>,
  filter: RelationFilter = {},
  options?: CallOptions,
): AsyncGenerator<Relation, void, undefined> {
  return pages("list relations", async (pageToken) => {
    const page = await entities.listRelations({ ...filter, pageToken }, options);
    return { items: page.relations, nextPageToken: page.nextPageToken };
  });
}

/** listDocuments yields every source document (without its text), fetching pages as it goes. */
export function listDocuments(
  entities: Client<typeof EntityService>,
  pageSize = listPageSize,
  options?: CallOptions,
): AsyncGenerator<Document, void, undefined> {
  return pages("list documents", async (pageToken) => {
    const page = await entities.listDocuments({ pageSize, pageToken }, options);
    return { items: page.documents, nextPageToken: page.nextPageToken };
  });
}

/**
 * listPredicates yields the server's predicates in resource-name order,
 * each with its readings and lexicon. The vocabulary is data on the server;
 * every response carries its digest in the {@link vocabularyHeader}
 * header, so a client that caches the list can tell when to read it again.
 */
export function listPredicates(
  vocabulary: Client<typeof VocabularyService>,
  options?: CallOptions,
): AsyncGenerator<Predicate, void, undefined> {
  return pages("list predicates", async (pageToken) => {
    const page = await vocabulary.listPredicates({ pageSize: listPageSize, pageToken }, options);
    return { items: page.predicates, nextPageToken: page.nextPageToken };
  });
}

/** listKinds yields the server's kinds of entity in resource-name order, each with the broader kinds it belongs to. */
export function listKinds(
  vocabulary: Client<typeof VocabularyService>,
  options?: CallOptions,
): AsyncGenerator<Kind, void, undefined> {
  return pages("list kinds", async (pageToken) => {
    const page = await vocabulary.listKinds({ pageSize: listPageSize, pageToken }, options);
    return { items: page.kinds, nextPageToken: page.nextPageToken };
  });
}

/** MatchQuery is a Match request without its page token. */
export type MatchQuery = Omit<Exclude<MessageInitShape<typeof MatchRequestSchema>, MatchRequest>, "pageToken">;

/**
 * matchAll yields every solution of a pattern query, fetching pages as it
 * goes. Give the query as text (`{ query: { case: "text", value: "?who
 * coordinates-against ?deal" } }`) or as a structured Pattern. Without a
 * view it reads pages with MATCH_VIEW_REFERENCES, which sends each entity
 * and relation once a page, and expands them (see expandReferences): the
 * results yielded share those messages, so treat them as read-only.
 */
export function matchAll(
  queries: Client<typeof QueryService>,
  query: MatchQuery,
  options?: CallOptions,
): AsyncGenerator<MatchResult, void, undefined> {
  const view = query.view ?? MatchView.UNSPECIFIED;
  return pages("match", async (pageToken) => {
    const page = await queries.match(
      { ...query, view: view === MatchView.UNSPECIFIED ? MatchView.REFERENCES : view, pageToken },
      options,
    );
    expandReferences(page);
    return { items: page.results, nextPageToken: page.nextPageToken };
  });
}

/**
 * expandReferences turns a page read with MATCH_VIEW_REFERENCES into the
 * form of MATCH_VIEW_FULL: each binding and result relation that carries
 * only a name gets the whole entity or relation the page sends once, in
 * `entities` and `relations`. A name the page does not send whole is left
 * as it is.
 */
export function expandReferences(page: MatchResponse): void {
  if (page.entities.length === 0 && page.relations.length === 0) {
    return;
  }
  const entities = new Map<string, Entity>(page.entities.map((e) => [e.name, e]));
  const relations = new Map<string, Relation>(page.relations.map((r) => [r.name, r]));
  for (const result of page.results) {
    for (const binding of Object.values(result.bindings)) {
      const value = binding.value;
      if (value.case === "entity") {
        value.value = entities.get(value.value.name) ?? value.value;
      } else if (value.case === "relation") {
        value.value = relations.get(value.value.name) ?? value.value;
      }
    }
    result.relations = result.relations.map((r) => relations.get(r.name) ?? r);
  }
}
