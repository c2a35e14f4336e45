import { createClient, type Client, type Interceptor, type Transport } from "@connectrpc/connect";
import { createGrpcTransport } from "@connectrpc/connect-node";

import { EntityService } from "./gen/entitygraph/v1/entity_service_pb.js";
import { QueryService } from "./gen/entitygraph/v1/query_service_pb.js";
import { VocabularyService } from "./gen/entitygraph/v1/vocabulary_service_pb.js";
import { Health } from "./gen/grpc/health/v1/health_pb.js";

/** defaultAddress is where the server listens unless told otherwise. */
export const defaultAddress = "localhost:50051";

/** snapshotHeader is the response header that carries the graph snapshot's version. */
export const snapshotHeader = "entitygraph-snapshot";

/**
 * vocabularyHeader is the response header that carries the digest of the
 * server's vocabulary: when it changes, predicates and kinds read from
 * VocabularyService are out of date.
 */
export const vocabularyHeader = "entitygraph-vocabulary";

/** EntityGraphClientOptions configure {@link createEntityGraphClient}. */
export interface EntityGraphClientOptions {
  /**
   * The server: "host:port" for plaintext HTTP/2 (gRPC's h2c), or a URL,
   * "http://host:port" (plaintext) or "https://host:port" (TLS). Defaults
   * to {@link defaultAddress}. Ignored when `transport` is given.
   */
  address?: string;
  /** Interceptors run on every call, for example to add credentials. */
  interceptors?: Interceptor[];
  /** A deadline for every call that sets none of its own, in milliseconds. */
  defaultTimeoutMs?: number;
  /** A transport of your own, instead of the gRPC transport made from `address`. */
  transport?: Transport;
}

/**
 * EntityGraphClient holds typed clients for the three services, and for health,
 * sharing one HTTP/2 connection. Each method takes the request as a plain object (every
 * field optional) and an optional `CallOptions` (`timeoutMs`, `signal`,
 * `headers`, `onHeader`), and returns the response message; server
 * streaming methods (QueryService.traverse) return an `AsyncIterable`.
 * Errors are `ConnectError`s; see {@link resourceInfo}, {@link badRequest}
 * and {@link quotaFailure} for their details.
 */
export interface EntityGraphClient {
  /** entities looks up entities, relations and documents. */
  readonly entities: Client<typeof EntityService>;
  /** queries answers graph questions: paths, traversals, patterns, questions in English. */
  readonly queries: Client<typeof QueryService>;
  /** vocabulary serves the predicates and kinds the graph is written in. */
  readonly vocabulary: Client<typeof VocabularyService>;
  /** health is the standard gRPC health service: SERVING while the server takes calls. */
  readonly health: Client<typeof Health>;
  /** transport is the transport the clients share. */
  readonly transport: Transport;
}

/**
 * baseUrl turns an address ("host:port" or a URL) into the base URL of a
 * transport; a bare "host:port" means plaintext.
 */
export function baseUrl(address: string): string {
  return /^https?:\/\//.test(address) ? address.replace(/\/+$/, "") : `http://${address}`;
}

/**
 * createEntityGraphTransport returns a gRPC transport (HTTP/2) to the
 * server at `address`.
 */
export function createEntityGraphTransport(options: Omit<EntityGraphClientOptions, "transport"> = {}): Transport {
  return createGrpcTransport({
    baseUrl: baseUrl(options.address ?? defaultAddress),
    interceptors: options.interceptors ?? [],
    ...(options.defaultTimeoutMs === undefined ? {} : { defaultTimeoutMs: options.defaultTimeoutMs }),
  });
}

/**
 * createEntityGraphClient returns clients for EntityService, QueryService
 * and VocabularyService over the gRPC protocol:
 *
 * ```ts
 * const eg = createEntityGraphClient({ address: "localhost:50051" });
 * const kioxia = await eg.entities.getEntity({ name: "organizations/kioxia" });
 * ```
 */
export function createEntityGraphClient(options: EntityGraphClientOptions = {}): EntityGraphClient {
  const transport = options.transport ?? createEntityGraphTransport(options);
  return {
    entities: createClient(EntityService, transport),
    queries: createClient(QueryService, transport),
    vocabulary: createClient(VocabularyService, transport),
    health: createClient(Health, transport),
    transport,
  };
}
