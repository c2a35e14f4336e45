// End-to-end tests of the TypeScript client's QueryService calls against
// the real server: paths, the streaming Traverse, pattern queries,
// questions in English, and their errors.

import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { equals, toBinary } from "@bufbuild/protobuf";
import {
  Code,
  ComparisonOperator,
  fieldViolations,
  HopKind,
  matchAll,
  MatchResponseSchema,
  MatchResultSchema,
  MatchView,
  QualifierField,
  quotaFailure,
  resourceInfo,
  type TraverseResponse,
} from "@entitygraph/client";

import { assertEvidence, coordinatedAgainst, rejects, useServer, whoAndDeal } from "./helpers.js";

const live = useServer();

describe("QueryService", () => {
  test("FindPaths finds paths from Chey Tae-won to Kioxia, every hop with evidence", async () => {
    const source = "people/chey-tae-won";
    const target = "organizations/kioxia";
    const res = await live.client.queries.findPaths({ source, target });
    assert.ok(res.paths.length >= 1, "no path");
    assert.ok(res.edgesVisited > 0n, "edgesVisited");
    let previous = 0;
    for (const path of res.paths) {
      assert.equal(path.nodes[0], source);
      assert.equal(path.nodes.at(-1), target);
      assert.equal(path.nodes.length, path.hops.length + 1);
      assert.ok(path.hops.length >= previous, "shortest first");
      previous = path.hops.length;
      path.hops.forEach((hop, i) => {
        assert.equal(hop.source, path.nodes[i]);
        assert.equal(hop.target, path.nodes[i + 1]);
        assert.notEqual(hop.kind, HopKind.UNSPECIFIED);
        assert.notEqual(hop.reading, "");
        assertEvidence(hop.relation, `hop ${i} of a path`);
      });
    }
  });

  test("FindPaths rejects a hop limit above the maximum and an unknown start", async () => {
    const tooFar = await rejects(
      () => live.client.queries.findPaths({ source: "people/chey-tae-won", target: "organizations/kioxia", maxHops: 9 }),
      Code.InvalidArgument,
    );
    assert.deepEqual(fieldViolations(tooFar).map((v) => v.field), ["max_hops"]);
    const missing = await rejects(
      () => live.client.queries.findPaths({ source: "people/nobody", target: "organizations/kioxia" }),
      Code.NotFound,
    );
    assert.equal(resourceInfo(missing)?.resourceName, "people/nobody");
  });

  test("FindPaths over budget is RESOURCE_EXHAUSTED with a QuotaFailure", async () => {
    const err = await rejects(
      () =>
        live.client.queries.findPaths({
          source: "people/chey-tae-won",
          target: "organizations/kioxia",
          maxHops: 8,
          maxPaths: 20,
          limits: { maxEdgesVisited: 1n },
        }),
      Code.ResourceExhausted,
    );
    const quota = quotaFailure(err);
    assert.ok(quota, "no google.rpc.QuotaFailure detail");
    assert.deepEqual(quota.violations.map((v) => v.subject), ["max_edges_visited"]);
  });

  test("Traverse streams Kioxia at depth 0, then what is one hop away", async () => {
    const items: TraverseResponse[] = [];
    for await (const item of live.client.queries.traverse({ start: ["organizations/kioxia"], maxDepth: 1 })) {
      items.push(item);
    }
    const [start, ...rest] = items;
    assert.ok(start, "empty stream");
    assert.equal(start.depth, 0);
    assert.ok(start.item.case === "entity", `first item is ${start.item.case}`);
    assert.equal(start.item.value?.name, "organizations/kioxia");
    assert.equal(start.via, undefined);
    assert.ok(rest.length > 0, "nothing at depth 1");
    for (const item of rest) {
      assert.equal(item.depth, 1, JSON.stringify(item.item.value?.$typeName));
      assert.ok(item.via, "an item past the start has no via hop");
      assertEvidence(item.via.relation, "via");
    }
    const reached = new Set(rest.map((i) => i.item.value?.name));
    assert.ok(reached.has("relations/western-digital-bid-for-kioxia"), [...reached].join());
  });

  test("Traverse stops at its item limit", async () => {
    let n = 0;
    for await (const _ of live.client.queries.traverse({ start: ["organizations/kioxia"], maxDepth: 3, limit: 3 })) n++;
    assert.equal(n, 3);
  });

  test("Traverse of an unknown start fails on the stream with NOT_FOUND", async () => {
    const err = await rejects(async () => {
      for await (const _ of live.client.queries.traverse({ start: ["organizations/nothing"] })) {
        // The error arrives in place of the first message.
      }
    }, Code.NotFound);
    assert.equal(resourceInfo(err)?.resourceName, "organizations/nothing");
  });

  test("Match answers a text pattern: who coordinated against which acquisition", async () => {
    const res = await live.client.queries.match({
      query: { case: "text", value: "?who COORDINATES_AGAINST ?deal . ?deal is an acquisition" },
    });
    assert.equal(res.results.length, 2, JSON.stringify(res.results.map((r) => Object.keys(r.bindings))));
    assert.deepEqual(whoAndDeal(res.results), coordinatedAgainst);
    for (const r of res.results) {
      assert.equal(r.relations.length, 1);
      assertEvidence(r.relations[0], "Match");
    }
    assert.ok(res.pattern && res.pattern.triples.length === 1, "compiled pattern");
    assert.notEqual(res.canonicalText, "");

    const paged = [];
    for await (const r of matchAll(live.client.queries, { query: { case: "text", value: res.canonicalText }, pageSize: 1 })) {
      paged.push(r);
    }
    assert.deepEqual(whoAndDeal(paged), coordinatedAgainst);
  });

  test("matchAll reads each entity and relation once a page and yields the full view's results", async () => {
    const text = "?a * ?b AS ?r . ?b * ?c";
    const full = await live.client.queries.match({ query: { case: "text", value: text }, pageSize: 200 });
    const refs = await live.client.queries.match({ query: { case: "text", value: text }, pageSize: 200, view: MatchView.REFERENCES });
    assert.ok(full.results.length > 10 && full.entities.length === 0, `${full.results.length} results`);
    assert.ok(refs.entities.length > 0 && refs.relations.length > 0, "references view sends the entities and relations beside the results");
    assert.ok(toBinary(MatchResponseSchema, refs).length * 2 < toBinary(MatchResponseSchema, full).length, "references view under half the full view's bytes");
    const all = [];
    for await (const r of matchAll(live.client.queries, { query: { case: "text", value: text }, pageSize: 200 })) {
      all.push(r);
    }
    assert.equal(all.length, full.results.length);
    all.forEach((r, i) => {
      const want = full.results[i];
      assert.ok(want && equals(MatchResultSchema, r, want), `result ${i} differs from the full view's`);
    });
  });

  test("Match answers the same query given as a structured pattern", async () => {
    const res = await live.client.queries.match({
      query: {
        case: "pattern",
        value: {
          triples: [
            {
              subject: { term: { case: "variable", value: "who" } },
              predicates: ["predicates/coordinates-against"],
              object: { term: { case: "variable", value: "deal" } },
            },
          ],
          constraints: [{ variable: "deal", test: { case: "relationPredicates", value: { predicates: ["acquires"] } } }],
        },
      },
      explain: true,
    });
    assert.deepEqual(whoAndDeal(res.results), coordinatedAgainst);
    assert.ok(res.plan && res.plan.steps.length > 0, "explain gave no plan");
  });

  test("Match filters and binds qualifiers, in a structured pattern and in text", async () => {
    // ?x produces topics/nand-flash AS ?r { rank <= 2 }
    const res = await live.client.queries.match({
      query: {
        case: "pattern",
        value: {
          triples: [
            {
              subject: { term: { case: "variable", value: "x" } },
              predicates: ["predicates/produces"],
              object: { term: { case: "name", value: "topics/nand-flash" } },
              relationVariable: "r",
            },
          ],
          qualifiers: [
            {
              relation: { term: { case: "variable", value: "r" } },
              field: QualifierField.RANK,
              test: { case: "comparison", value: { operator: ComparisonOperator.LESS_OR_EQUAL, value: "2" } },
            },
          ],
        },
      },
    });
    const producers = res.results.map((r) => (r.bindings["x"]?.value.case === "entity" ? r.bindings["x"].value.value.name : "")).sort();
    assert.deepEqual(producers, ["organizations/kioxia", "organizations/samsung-electronics"]);

    // The place and date of each of Chey Tae-won's proposals, bound as values.
    const proposals = await live.client.queries.match({
      query: { case: "text", value: "people/chey-tae-won proposes ?plan AS ?r { place ?where, time ?when }" },
    });
    const when = proposals.results.map((r) => (r.bindings["when"]?.value.case === "text" ? r.bindings["when"].value.value : "")).sort();
    assert.deepEqual(when, ["2025-04-22", "2025-05-08"]);

    // How many relations the document supports.
    const counted = await live.client.queries.match({
      query: { case: "text", value: "?s * ?o AS ?r { document ?doc } . COUNT ?r BY ?doc" },
    });
    assert.equal(counted.results.length, 1);
    assert.ok(counted.results[0]!.count > 0n, "COUNT gave no count");
  });

  test("Match rejects a query it cannot parse with a field violation", async () => {
    const err = await rejects(
      () => live.client.queries.match({ query: { case: "text", value: "?who FROBNICATES ?what" } }),
      Code.InvalidArgument,
    );
    const violations = fieldViolations(err);
    assert.deepEqual(violations.map((v) => v.field), ["text"]);
    assert.match(violations[0]?.description ?? "", /unknown predicate "FROBNICATES"/);
  });

  test("Ask answers a question in English with the same two answers", async () => {
    const res = await live.client.queries.ask({ question: "Who coordinated against which acquisition?" });
    // The question names its own variables: the subject and object of its one triple.
    const triple = res.pattern?.triples[0];
    assert.equal(res.pattern?.triples.length, 1, res.query);
    assert.ok(triple?.subject?.term.case === "variable" && triple.object?.term.case === "variable", res.query);
    const [who, deal] = [triple.subject.term.value, triple.object.term.value];
    assert.deepEqual(triple.predicates, ["predicates/coordinates-against"]);
    assert.deepEqual(whoAndDeal(res.results, who, deal), coordinatedAgainst);
    assert.equal(res.answers.length, 2);
    assert.notEqual(res.interpretation, "");
    assert.notEqual(res.query, "");
    res.results.forEach((r) => r.relations.forEach((rel) => assertEvidence(rel, "Ask")));

    // The compiled query, run with Match, gives the same answers.
    const again = await live.client.queries.match({ query: { case: "text", value: res.query } });
    assert.deepEqual(whoAndDeal(again.results, who, deal), coordinatedAgainst);
  });

  test("Ask rejects a question it cannot understand", async () => {
    const err = await rejects(() => live.client.queries.ask({ question: "Why is the sky blue?" }), Code.InvalidArgument);
    assert.deepEqual(fieldViolations(err).map((v) => v.field), ["question"]);
    assert.match(err.rawMessage, /not understood/);
  });
});

