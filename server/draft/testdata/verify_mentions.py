#!/usr/bin/env python3
"""Checks the mention gold files (*.mentions.jsonl) of server/draft/testdata.

Run from the repository root:  python3 server/draft/testdata/verify_mentions.py

For every line it checks that the text equals the article's bytes
[start_byte, end_byte), that lines are in text order and do not overlap,
that no span starts or ends inside a word, that the entity is defined in a
graph file (the dataset's seed files or the article's own), that "known"
says whether it is defined in the seed files, and that "type" matches the
entity's collection. It also checks the topic rule (every case-insensitive
occurrence of a topic's display name or alias, not inside a longer word or
hyphenated compound, lies inside some mention) and that every entity the
article's graph file defines is mentioned at least once. Exit status 1 on
any error.
"""
import json
import re
import sys

SEEDS = "seeds/"
HW = "seeds/harbor-wind/"
T = "server/draft/testdata/"

ARTICLES = [
    (T + "harbor-wind/03-gannet-bank-foundations-halcyon-chief.txt",
     [HW + "01.graph.txtpb", HW + "02.graph.txtpb"],
     T + "harbor-wind/03.graph.txtpb", T + "harbor-wind/03.mentions.jsonl"),
    (T + "harbor-wind/04-fulmar-picks-norvane-halcyon-canadian-backer.txt",
     [HW + "01.graph.txtpb", HW + "02.graph.txtpb"],
     T + "harbor-wind/04.graph.txtpb", T + "harbor-wind/04.mentions.jsonl"),
    (T + "seed/001-korea-japan-chambers-chip-council.txt",
     [SEEDS + "000_133d51a59ae2b9bf.graph.txtpb"],
     T + "seed/001.graph.txtpb", T + "seed/001.mentions.jsonl"),
]

COLLECTIONS = {"organizations": "organization", "people": "person", "places": "place", "topics": "topic"}


def names(path):
    """Entity name -> surface forms (display name and aliases), from entities and entity_extensions."""
    out, cur = {}, None
    for line in open(path, encoding="utf-8"):
        s = line.strip()
        if s.startswith("entities {") or s.startswith("entity_extensions {"):
            cur = "pending"
            continue
        if cur == "pending":
            m = re.match(r'name: "([^"]+)"', s)
            if m:
                cur = m.group(1)
                out.setdefault(cur, [])
            continue
        if cur:
            m = re.match(r'(?:display_name:|aliases \{ text:) "([^"]+)"', s)
            if m:
                out[cur].append(m.group(1))
            elif s == "}":
                cur = None
    return out


def defined(path):
    """Names of the entities a graph file defines (not those it only extends)."""
    out, pending = set(), False
    for line in open(path, encoding="utf-8"):
        s = line.strip()
        if s.startswith("entities {"):
            pending = True
        elif pending:
            m = re.match(r'name: "([^"]+)"', s)
            if m:
                out.add(m.group(1))
                pending = False
    return out


def verify(text_path, prior_graphs, graph, jsonl):
    raw = open(text_path, "rb").read()
    text = raw.decode("utf-8")
    prior = set().union(*(defined(g) for g in prior_graphs))
    mine = defined(graph)
    rows = [json.loads(l) for l in open(jsonl, encoding="utf-8")]
    errors = []
    last = -1
    for r in rows:
        if set(r) != {"start_byte", "end_byte", "text", "entity", "known", "type"}:
            errors.append(f"bad keys: {r}")
            continue
        sb, eb = r["start_byte"], r["end_byte"]
        if raw[sb:eb] != r["text"].encode("utf-8"):
            errors.append(f"text is not the bytes [{sb}, {eb}): {r}")
        if sb < last:
            errors.append(f"out of order or overlapping: {r}")
        last = eb
        if r["entity"] not in prior | mine:
            errors.append(f"entity not defined: {r}")
        if r["known"] != (r["entity"] in prior):
            errors.append(f"known should be {r['entity'] in prior}: {r}")
        if r["type"] != COLLECTIONS.get(r["entity"].split("/")[0]):
            errors.append(f"type does not match the collection: {r}")
        if sb > 0 and raw[sb - 1:sb].decode("utf-8", "ignore").isalnum():
            errors.append(f"starts inside a word: {r}")
        if eb < len(raw) and raw[eb:eb + 1].decode("utf-8", "ignore").isalnum():
            errors.append(f"ends inside a word: {r}")
    spans = [(r["start_byte"], r["end_byte"]) for r in rows]
    topics = {}
    for g in prior_graphs + [graph]:
        for k, v in names(g).items():
            if k.startswith("topics/"):
                topics.setdefault(k, []).extend(v)
    for ent, forms in topics.items():
        for f in set(forms):
            for m in re.finditer(re.escape(f), text, re.IGNORECASE):
                st, en = m.start(), m.end()
                b = text[st - 1] if st else " "
                a = text[en] if en < len(text) else " "
                if b.isalnum() or b == "-" or a.isalnum() or a == "-":
                    continue
                bs, be = len(text[:st].encode()), len(text[:en].encode())
                if not any(s <= bs and be <= e for s, e in spans):
                    errors.append(f"topic {ent} occurs as {m.group()!r} at byte {bs} outside every mention")
    mentioned = {r["entity"] for r in rows}
    for e in sorted(mine - mentioned):
        errors.append(f"entity {e} is defined by {graph} but never mentioned")
    for e in errors:
        print(f"{jsonl}: {e}")
    known = sum(r["known"] for r in rows)
    print(f"{jsonl}: {len(rows)} mentions ({known} known, {len(rows) - known} new) of "
          f"{len(mentioned & prior)} known and {len(mentioned & mine)} new entities; {len(errors)} errors")
    return len(errors)


if __name__ == "__main__":
    sys.exit(1 if sum(verify(*a) for a in ARTICLES) else 0)
