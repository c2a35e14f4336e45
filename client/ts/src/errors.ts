import { Code, ConnectError } from "@connectrpc/connect";

import {
  BadRequestSchema,
  ErrorInfoSchema,
  QuotaFailureSchema,
  ResourceInfoSchema,
  type BadRequest,
  type BadRequest_FieldViolation,
  type ErrorInfo,
  type QuotaFailure,
  type ResourceInfo,
} from "./gen/google/rpc/error_details_pb.js";

// The server's errors follow AIP-193: a precise code, and google.rpc
// details that say what was wrong. gRPC carries them in the
// grpc-status-details-bin trailer; ConnectError decodes the trailer and
// keeps the details, still encoded, until findDetails is given a schema.

/** errorCode returns the gRPC code of an error, Code.Unknown for anything that is not a ConnectError. */
export function errorCode(err: unknown): Code {
  return err instanceof ConnectError ? err.code : ConnectError.from(err).code;
}

/** isNotFound reports whether err is a NOT_FOUND error. */
export function isNotFound(err: unknown): boolean {
  return err instanceof ConnectError && err.code === Code.NotFound;
}

/**
 * resourceInfo returns the google.rpc.ResourceInfo detail of an error, which
 * NOT_FOUND errors carry to name what is missing, or undefined.
 */
export function resourceInfo(err: unknown): ResourceInfo | undefined {
  return err instanceof ConnectError ? err.findDetails(ResourceInfoSchema)[0] : undefined;
}

/**
 * badRequest returns the google.rpc.BadRequest detail of an error, which
 * INVALID_ARGUMENT errors carry to say which request fields are wrong, or
 * undefined.
 */
export function badRequest(err: unknown): BadRequest | undefined {
  return err instanceof ConnectError ? err.findDetails(BadRequestSchema)[0] : undefined;
}

/** fieldViolations returns the field violations of an INVALID_ARGUMENT error; none for other errors. */
export function fieldViolations(err: unknown): BadRequest_FieldViolation[] {
  return badRequest(err)?.fieldViolations ?? [];
}

/**
 * quotaFailure returns the google.rpc.QuotaFailure detail of an error, which
 * RESOURCE_EXHAUSTED errors of QueryService carry to name the budget a
 * query exceeded, or undefined.
 */
export function quotaFailure(err: unknown): QuotaFailure | undefined {
  return err instanceof ConnectError ? err.findDetails(QuotaFailureSchema)[0] : undefined;
}

/** errorInfo returns the google.rpc.ErrorInfo detail of an error, or undefined. */
export function errorInfo(err: unknown): ErrorInfo | undefined {
  return err instanceof ConnectError ? err.findDetails(ErrorInfoSchema)[0] : undefined;
}
