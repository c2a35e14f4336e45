/**
 * @entitygraph/client is the TypeScript client of the entitygraph gRPC API.
 *
 * The message types, enums and service descriptors are generated from
 * proto/entitygraph/v1 by protoc-gen-es (see buf.gen.ts.yaml); calls go
 * over Connect's gRPC transport for Node (HTTP/2). The helpers here add
 * what the generated code cannot know: addresses, paging, name resolution
 * and the google.rpc error details the server sends.
 *
 * @packageDocumentation
 */

export {
  baseUrl,
  createEntityGraphClient,
  createEntityGraphTransport,
  defaultAddress,
  snapshotHeader,
  vocabularyHeader,
  type EntityGraphClient,
  type EntityGraphClientOptions,
} from "./client.js";
export { isEntityName, type EntityType } from "./entity.js";
export {
  expandReferences,
  listDocuments,
  listKinds,
  listPredicates,
  listRelations,
  matchAll,
  type MatchQuery,
  type RelationFilter,
} from "./pages.js";
export { AmbiguousError, resolve, type Candidate } from "./resolve.js";
export { badRequest, errorCode, errorInfo, fieldViolations, isNotFound, quotaFailure, resourceInfo } from "./errors.js";

// Connect's error type and codes, so that callers need no second import.
export { Code, ConnectError, type CallOptions } from "@connectrpc/connect";

// The generated API: messages, enums and the three services.
export * from "./gen/entitygraph/v1/document_pb.js";
export * from "./gen/entitygraph/v1/entity_pb.js";
export * from "./gen/entitygraph/v1/relation_pb.js";
export * from "./gen/entitygraph/v1/entity_service_pb.js";
export * from "./gen/entitygraph/v1/query_service_pb.js";
export * from "./gen/entitygraph/v1/graph_pb.js";
export * from "./gen/entitygraph/v1/vocabulary_pb.js";
export * from "./gen/entitygraph/v1/vocabulary_service_pb.js";
// google.rpc error details, for ConnectError.findDetails.
export * from "./gen/google/rpc/error_details_pb.js";
// The standard health service.
export * from "./gen/grpc/health/v1/health_pb.js";
