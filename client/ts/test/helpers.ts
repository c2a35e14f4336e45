// Assertions and fixtures shared by the end-to-end tests.

import assert from "node:assert/strict";
import { after, before } from "node:test";

import {
  Code,
  ConnectError,
  type EntityGraphClient,
  type MatchResult,
  type Relation,
} from "@entitygraph/client";

import { startServer, type RunningServer } from "./server.js";

/**
 * useServer starts the real server before the tests of the calling file
 * and stops it after them; its client and address are there once `before`
 * has run.
 */
export function useServer(): { readonly client: EntityGraphClient; readonly address: string } {
  let server: RunningServer | undefined;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server?.stop();
  });
  const started = (): RunningServer => {
    assert.ok(server, "the server has not started");
    return server;
  };
  return {
    get client() {
      return started().client;
    },
    get address() {
      return started().address;
    },
  };
}

/**
 * rejects runs call, which must fail, and returns its error, a ConnectError
 * with the code wanted.
 */
export async function rejects(call: () => Promise<unknown>, code: Code): Promise<ConnectError> {
  try {
    await call();
  } catch (err) {
    assert.ok(err instanceof ConnectError, `error ${String(err)} is not a ConnectError`);
    assert.equal(Code[err.code], Code[code], `code of ${err.message}`);
    return err;
  }
  assert.fail(`call succeeded, want ${Code[code]}`);
}

/** assertEvidence checks that a relation carries at least one quote, with offsets. */
export function assertEvidence(rel: Relation | undefined, where: string): void {
  assert.ok(rel, `${where}: no relation`);
  assert.ok(rel.evidence.length > 0, `${where}: ${rel.name} has no evidence`);
  for (const ev of rel.evidence) {
    assert.match(ev.document, /^documents\//, `${where}: ${rel.name} evidence document`);
    assert.ok(ev.quote.length > 0, `${where}: ${rel.name} has an empty quote`);
    assert.ok(ev.endChar > ev.startChar, `${where}: ${rel.name} evidence offsets ${ev.startChar}..${ev.endChar}`);
  }
}

/** coordinatedAgainst holds the two answers to "who coordinated against which acquisition?", sorted. */
export const coordinatedAgainst = [
  { who: "organizations/samsung-electronics", deal: "relations/western-digital-bid-for-kioxia" },
  { who: "organizations/sk-group", deal: "relations/western-digital-bid-for-kioxia" },
];

/** bindingName returns the resource name a Match variable is bound to. */
export function bindingName(result: MatchResult, variable: string): string {
  const b = result.bindings[variable]?.value;
  switch (b?.case) {
    case "entity":
      return b.value.name;
    case "relation":
      return b.value.name;
    default:
      return "";
  }
}

/**
 * whoAndDeal returns what each result binds to the variables whoVar and
 * dealVar (?who and ?deal unless told), sorted by the first.
 */
export function whoAndDeal(results: MatchResult[], whoVar = "who", dealVar = "deal"): { who: string; deal: string }[] {
  return results
    .map((r) => ({ who: bindingName(r, whoVar), deal: bindingName(r, dealVar) }))
    .sort((a, b) => a.who.localeCompare(b.who));
}
