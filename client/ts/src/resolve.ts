import { Code, ConnectError, type CallOptions } from "@connectrpc/connect";

import type { Entity } from "./gen/entitygraph/v1/entity_pb.js";
import { MatchKind, type SearchResult } from "./gen/entitygraph/v1/entity_service_pb.js";
import type { EntityGraphClient } from "./client.js";
import { isEntityName } from "./entity.js";

/** resolvePageSize is how many search results resolve looks at: enough to list the candidates of an ambiguous name. */
const resolvePageSize = 20;

/** Candidate is one entity an ambiguous name could mean. */
export interface Candidate {
  /** The entity's resource name, such as "organizations/sk-group". */
  name: string;
  /** The entity's usual English name, such as "SK Group". */
  displayName: string;
  /** The name or alias that matched, such as "SK". */
  matchedText: string;
  /** How it matched. */
  matchKind: MatchKind;
}

/**
 * AmbiguousError is the error of {@link resolve} when a name fits more than
 * one entity. Retry with one of the candidates' resource names.
 */
export class AmbiguousError extends Error {
  override name = "AmbiguousError";

  constructor(
    /** The name that was resolved. */
    readonly ref: string,
    /** The entities it could mean, best match first. */
    readonly candidates: Candidate[],
  ) {
    super(
      `${JSON.stringify(ref)} is ambiguous: it could be ` +
        candidates.map((c) => `${c.name} (${c.displayName}, matched ${JSON.stringify(c.matchedText)})`).join(", "),
    );
  }
}

/**
 * resolve returns the one entity that ref refers to, as the Go SDK's
 * Client.Resolve does. A resource name such as "people/chey-tae-won" is
 * looked up directly; anything else — "Chey Tae-won", "최태원", "Kioxa" — is
 * searched for:
 *
 * - if exactly one entity has a name or alias equal to ref, after the
 *   server's normalisation, it is the answer;
 * - if several match exactly, or none does and several match otherwise, it
 *   throws an {@link AmbiguousError} listing them;
 * - if a single entity matches, though not exactly, it is the answer;
 * - if nothing matches, it throws a ConnectError with code NotFound.
 */
export async function resolve(client: EntityGraphClient, ref: string, options?: CallOptions): Promise<Entity> {
  ref = ref.trim();
  if (ref === "") {
    throw new ConnectError("resolve: empty entity name", Code.InvalidArgument);
  }
  if (isEntityName(ref)) {
    return client.entities.getEntity({ name: ref }, options);
  }
  const { results } = await client.entities.searchEntities({ query: ref, pageSize: resolvePageSize }, options);

  // The same entity may match through several names; count entities.
  const exact = new Map<string, SearchResult>();
  const all = new Map<string, SearchResult>();
  for (const r of results) {
    const name = r.entity?.name ?? "";
    if (r.matchKind === MatchKind.EXACT && !exact.has(name)) exact.set(name, r);
    if (!all.has(name)) all.set(name, r);
  }
  const pick = exact.size > 0 ? exact : all;
  const [only] = pick.values();
  if (pick.size === 1 && only?.entity !== undefined) {
    return only.entity;
  }
  if (pick.size > 1) {
    throw new AmbiguousError(
      ref,
      [...pick.values()].map((r) => ({
        name: r.entity?.name ?? "",
        displayName: r.entity?.displayName ?? "",
        matchedText: r.matchedText,
        matchKind: r.matchKind,
      })),
    );
  }
  throw new ConnectError(`no entity matches ${JSON.stringify(ref)}`, Code.NotFound);
}
