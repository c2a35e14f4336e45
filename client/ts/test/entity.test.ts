// End-to-end tests of the TypeScript client's EntityService calls against
// the real server: every RPC, paging, the error details, the helpers, and
// the README's TypeScript example.

import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { promisify } from "node:util";

import {
  AmbiguousError,
  badRequest,
  Code,
  DocumentView,
  errorInfo,
  fieldViolations,
  listDocuments,
  listKinds,
  listPredicates,
  listRelations,
  LinkMatch,
  MatchKind,
  MentionStatus,
  RelationStatus,
  resolve,
  resourceInfo,
  snapshotHeader,
  vocabularyHeader,
  type Predicate,
  type Relation,
} from "@entitygraph/client";

import { assertEvidence, coordinatedAgainst, rejects, useServer } from "./helpers.js";
import { repoRoot } from "./server.js";

const live = useServer();

describe("EntityService", () => {
  test("GetEntity returns a person, with roles, and the snapshot header", async () => {
    let snapshot: string | null = null;
    const chey = await live.client.entities.getEntity(
      { name: "people/chey-tae-won" },
      { onHeader: (h) => (snapshot = h.get(snapshotHeader)) },
    );
    assert.equal(chey.type, "person");
    assert.equal(chey.name, "people/chey-tae-won");
    assert.equal(chey.displayName, "Chey Tae-won");
    assert.deepEqual(
      chey.roles.map((r) => `${r.title} ${r.organization}`).sort(),
      ["Chairman organizations/sk-group", "Head organizations/korea-chamber-of-commerce-and-industry"],
    );
    assert.ok(chey.aliases.some((a) => a.text === "최태원" && a.language === "ko"));
    assert.ok(snapshot, `no ${snapshotHeader} response header`);
  });

  test("LinkEntities finds the entities a text mentions, with offsets in code points and bytes", async () => {
    const text = "최태원 of SK Group said Kioxa’s buyer was Western Digital, not Priya Raman.";
    const resp = await live.client.entities.linkEntities({ text });
    assert.deepEqual(
      resp.mentions.map((m) => [m.text, MentionStatus[m.status], m.candidates[0]?.entity ?? m.guessedType]),
      [
        ["최태원", "LINKED", "people/chey-tae-won"],
        ["SK Group", "LINKED", "organizations/sk-group"],
        ["Kioxa", "LINKED", "organizations/kioxia"],
        ["Western Digital", "LINKED", "organizations/western-digital"],
        ["Priya Raman", "UNKNOWN", "person"],
      ],
    );
    assert.equal(resp.mentions[2]?.candidates[0]?.match, LinkMatch.FUZZY);
    const chars = [...text];
    const bytes = Buffer.from(text);
    for (const m of resp.mentions) {
      assert.equal(chars.slice(m.startChar, m.endChar).join(""), m.text);
      assert.equal(bytes.subarray(m.startByte, m.endByte).toString(), m.text);
    }
    assert.deepEqual(
      resp.entities.map((e) => e.name),
      ["people/chey-tae-won", "organizations/sk-group", "organizations/kioxia", "organizations/western-digital"],
    );
    const err = await rejects(() => live.client.entities.linkEntities({ text: " " }), Code.InvalidArgument);
    assert.deepEqual(fieldViolations(err).map((v) => v.field), ["text"]);
  });

  test("GetEntity of a missing entity is NOT_FOUND with ResourceInfo and ErrorInfo", async () => {
    const err = await rejects(() => live.client.entities.getEntity({ name: "people/nobody" }), Code.NotFound);
    assert.equal(err.rawMessage, 'entity "people/nobody" not found');
    const info = resourceInfo(err);
    assert.ok(info, "no google.rpc.ResourceInfo detail");
    assert.equal(info.resourceType, "entity");
    assert.equal(info.resourceName, "people/nobody");
    const why = errorInfo(err);
    assert.equal(why?.reason, "RESOURCE_NOT_FOUND");
    assert.equal(why?.domain, "entitygraph.v1");
    assert.equal(why?.metadata["name"], "people/nobody");
  });

  test("GetEntity of a malformed name is INVALID_ARGUMENT with a BadRequest field violation", async () => {
    const err = await rejects(() => live.client.entities.getEntity({ name: "Kioxia" }), Code.InvalidArgument);
    const violations = fieldViolations(err);
    assert.equal(violations.length, 1, JSON.stringify(badRequest(err)));
    assert.equal(violations[0]?.field, "name");
    assert.match(violations[0]?.description ?? "", /malformed resource name "Kioxia"/);
    assert.equal(resourceInfo(err), undefined);
  });

  test("BatchGetEntities keeps request order and is all or nothing", async () => {
    const names = ["topics/nand-flash", "organizations/kioxia", "people/chey-tae-won"];
    const res = await live.client.entities.batchGetEntities({ names });
    assert.deepEqual(res.entities.map((e) => e.name), names);
    assert.deepEqual(res.entities.map((e) => e.type), ["topic", "organization", "person"]);

    const err = await rejects(
      () => live.client.entities.batchGetEntities({ names: ["organizations/kioxia", "people/nobody"] }),
      Code.NotFound,
    );
    assert.equal(resourceInfo(err)?.resourceName, "people/nobody");
  });

  test("SearchEntities finds misspellings and native-script names", async () => {
    const fuzzy = await live.client.entities.searchEntities({ query: "Kioxa" });
    const top = fuzzy.results[0];
    assert.ok(top, "no results for Kioxa");
    assert.equal(top.entity?.name, "organizations/kioxia");
    assert.equal(top.matchKind, MatchKind.FUZZY);
    assert.equal(top.edits, 1);

    const korean = await live.client.entities.searchEntities({ query: "최태원", types: ["person"] });
    assert.equal(korean.results[0]?.entity?.name, "people/chey-tae-won");
    assert.equal(korean.results[0]?.matchKind, MatchKind.EXACT);
    assert.equal(korean.results[0]?.language, "ko");
  });

  test("SearchEntities rejects a negative page size with a field violation", async () => {
    const err = await rejects(() => live.client.entities.searchEntities({ query: "Kioxia", pageSize: -1 }), Code.InvalidArgument);
    assert.deepEqual(
      fieldViolations(err).map((v) => v.field),
      ["page_size"],
    );
  });

  test("SearchRelations finds the statements of a phrase, with offsets into the document's text", async () => {
    const res = await live.client.entities.searchRelations({ query: "No. 2 NAND flash producer", pageSize: 3 });
    const top = res.results[0];
    assert.ok(top, "no results");
    assert.equal(top.relation?.name, "relations/kioxia-produces-nand-flash");
    assert.ok(top.score > 0);
    assert.ok(top.highlights.length > 0, "no highlights");
    for (const h of top.highlights) {
      const doc = await live.client.entities.getDocument({ name: h.document, view: DocumentView.FULL });
      const byChars = Array.from(doc.text).slice(h.startChar, h.endChar).join("");
      const byBytes = Buffer.from(doc.text, "utf8").subarray(h.startByte, h.endByte).toString("utf8");
      assert.equal(byChars, "No. 2 NAND flash producer");
      assert.equal(byBytes, byChars);
    }

    const about = await live.client.entities.searchRelations({ query: "threat", endpoint: "organizations/sk-group" });
    assert.ok(about.results.length > 0);
    for (const m of about.results) {
      assert.ok(m.relation?.subject === "organizations/sk-group" || m.relation?.object === "organizations/sk-group", m.relation?.name);
    }
  });

  test("GetRelation returns a relation whose evidence quotes its document exactly", async () => {
    const bid = await live.client.entities.getRelation({ name: "relations/western-digital-bid-for-kioxia" });
    assert.equal(bid.subject, "organizations/western-digital");
    assert.equal(bid.predicate, "predicates/acquires");
    assert.equal(bid.object, "organizations/kioxia");
    assert.equal(bid.qualifiers?.status, RelationStatus.FAILED);
    assert.equal(bid.summary, "Western Digital acquires Kioxia (failed, 2021)");
    assertEvidence(bid, "GetRelation");

    const doc = await live.client.entities.getDocument({ name: bid.evidence[0]!.document, view: DocumentView.FULL });
    const codePoints = Array.from(doc.text);
    const utf8 = Buffer.from(doc.text, "utf8");
    for (const ev of bid.evidence) {
      assert.equal(codePoints.slice(ev.startChar, ev.endChar).join(""), ev.quote, "char offsets");
      assert.equal(utf8.subarray(ev.startByte, ev.endByte).toString("utf8"), ev.quote, "byte offsets");
    }

    const err = await rejects(() => live.client.entities.getRelation({ name: "relations/nothing" }), Code.NotFound);
    assert.equal(resourceInfo(err)?.resourceName, "relations/nothing");
  });

  test("ListRelations pages through a filter, and relations can be about relations", async () => {
    const first = await live.client.entities.listRelations({ endpoint: "organizations/kioxia", pageSize: 2 });
    assert.equal(first.relations.length, 2);
    assert.equal(first.totalSize, 4);
    assert.notEqual(first.nextPageToken, "");

    const all: Relation[] = [];
    for await (const rel of listRelations(live.client.entities, { endpoint: "organizations/kioxia", pageSize: 2 })) {
      all.push(rel);
    }
    assert.equal(all.length, 4);
    const names = all.map((r) => r.name);
    assert.deepEqual(names, [...names].sort(), "ordered by resource name");
    assert.deepEqual(names.slice(0, 2), first.relations.map((r) => r.name));
    for (const rel of all) {
      assert.ok(rel.subject === "organizations/kioxia" || rel.object === "organizations/kioxia", rel.name);
    }

    const against = await live.client.entities.listRelations({
      object: "relations/western-digital-bid-for-kioxia",
      predicates: ["coordinates-against"],
    });
    assert.deepEqual(
      against.relations.map((r) => r.subject).sort(),
      coordinatedAgainst.map((c) => c.who),
    );
    against.relations.forEach((r) => assertEvidence(r, "ListRelations"));

    const err = await rejects(
      () => live.client.entities.listRelations({ endpoint: "organizations/kioxia", pageToken: "garbage" }),
      Code.InvalidArgument,
    );
    assert.deepEqual(fieldViolations(err).map((v) => v.field), ["page_token"]);
  });

  test("VocabularyService serves the predicates and kinds, with the vocabulary digest", async () => {
    let digest: string | null = null;
    const page = await live.client.vocabulary.listPredicates(
      { pageSize: 5 },
      { onHeader: (h) => (digest = h.get(vocabularyHeader)) },
    );
    assert.equal(page.predicates.length, 5);
    assert.ok(page.totalSize > 5);
    assert.match(digest ?? "", /^[0-9a-f]{12,}$/, `no ${vocabularyHeader} response header`);
    assert.equal(page.vocabularyDigest, digest);

    const predicates: Predicate[] = [];
    for await (const p of listPredicates(live.client.vocabulary)) predicates.push(p);
    assert.equal(predicates.length, page.totalSize);
    const names = predicates.map((p) => p.name);
    assert.deepEqual(names, [...names].sort(), "ordered by resource name");
    const against = predicates.find((p) => p.name === "predicates/coordinates-against");
    assert.equal(against?.reading, "coordinates against");
    assert.deepEqual(against?.implies, ["predicates/opposes"]);
    assert.ok(predicates.every((p) => p.reading !== "" && p.inverseReading !== ""));
    assert.deepEqual(await live.client.vocabulary.getPredicate({ name: "predicates/coordinates-against" }), against);

    const kinds = [];
    for await (const k of listKinds(live.client.vocabulary)) kinds.push(k);
    const group = kinds.find((k) => k.name === "kinds/business-group");
    assert.equal(group?.entityType, "organization");
    assert.deepEqual(group?.broader, ["kinds/company"]);

    const err = await rejects(() => live.client.vocabulary.getKind({ name: "kinds/nothing" }), Code.NotFound);
    assert.equal(resourceInfo(err)?.resourceName, "kinds/nothing");
  });

  test("GetDocument leaves out the text unless asked for the full view", async () => {
    const name = "documents/korea-japan-economic-alliance";
    const basic = await live.client.entities.getDocument({ name });
    assert.equal(basic.text, "");
    assert.equal(basic.charCount, 3291);
    assert.equal(basic.relationCount, 63);

    const full = await live.client.entities.getDocument({ name, view: DocumentView.FULL });
    assert.equal(Array.from(full.text).length, full.charCount);
    assert.equal(createHash("sha256").update(full.text, "utf8").digest("hex"), full.sha256);

    const err = await rejects(() => live.client.entities.getDocument({ name: "documents/nothing" }), Code.NotFound);
    assert.equal(resourceInfo(err)?.resourceName, "documents/nothing");
  });

  test("ListDocuments lists the documents without their text", async () => {
    const res = await live.client.entities.listDocuments({ pageSize: 10 });
    assert.equal(res.totalSize, 1);
    assert.equal(res.nextPageToken, "");
    assert.deepEqual(res.documents.map((d) => d.name), ["documents/korea-japan-economic-alliance"]);
    assert.ok(res.documents.every((d) => d.text === ""));
    const all = [];
    for await (const d of listDocuments(live.client.entities, 1)) all.push(d.name);
    assert.deepEqual(all, ["documents/korea-japan-economic-alliance"]);
  });

  test("resolve finds an entity by any name and refuses to guess", async () => {
    assert.equal((await resolve(live.client, "キオクシア")).name, "organizations/kioxia");
    assert.equal((await resolve(live.client, "chey tae won")).name, "people/chey-tae-won");
    assert.equal((await resolve(live.client, "places/seoul")).name, "places/seoul");
    await assert.rejects(resolve(live.client, "United"), (err: unknown) => {
      assert.ok(err instanceof AmbiguousError, String(err));
      const names = err.candidates.map((c) => c.name);
      assert.ok(names.includes("organizations/united-states") && names.includes("organizations/united-kingdom"), names.join());
      return true;
    });
  });
});

describe("README", () => {
  test("the TypeScript example is examples/quickstart.ts and prints what README.md shows", async () => {
    const root = repoRoot();
    const readme = readFileSync(join(root, "README.md"), "utf8");
    const blocks = [...readme.matchAll(/```(\w*)\n([\s\S]*?)```/g)];
    const source = readFileSync(join(root, "client", "ts", "examples", "quickstart.ts"), "utf8");
    const at = blocks.findIndex(([, lang, body]) => lang === "ts" && body === source);
    assert.notEqual(at, -1, "README.md has no ```ts block equal to client/ts/examples/quickstart.ts");
    const output = blocks[at + 1];
    assert.ok(output && output[1] === "text", "the ```ts block is not followed by a ```text block of its output");

    const compiled = join(root, "client", "ts", "dist", "examples", "quickstart.js");
    const { stdout } = await promisify(execFile)(process.execPath, [compiled], {
      env: { ...process.env, ENTITYGRAPH_ADDR: live.address },
    });
    assert.equal(stdout, output[2]);
  });
});
