#!/usr/bin/env python3
"""The real-page corpus: index, labels, restore and build.

The pages are third-party text, so the repository holds only what the
project wrote about them: `index.jsonl` (address, language, sha256 of the
text, how to retrieve it, look-alike notes) and `gold/ID.json` (typed byte
spans, no text). The texts live in git-ignored folders:

  pages/ID.txt         the page excerpts, exactly as the search tool gave them
  work/ID.spans.json   a labeller's working labels, spans given as strings
  restored/HALF/       the corpus `mtclean eval` reads (docs/, gold/)

Commands (Python standard library only):

  wild.py add --id ID --url URL --lang L --kind K --query Q --answer FILE
      FILE is the search tool's JSON answer (the `pages` corpus); the result
      whose address is URL is written to pages/ID.txt and indexed. Refused
      when the address, host or text is reserved, or already in the index.
  wild.py restore FILE...
      Writes pages/ID.txt for every result of these JSON answers whose
      address and text hash match an index entry (how a new machine gets the
      texts back: run each entry's query, save the answer, restore it).
  wild.py label ID
      Turns work/ID.spans.json into gold/ID.json: each span is found by its
      exact string (with "occurrence", 1-based, where it is not unique),
      converted to UTF-8 byte offsets and checked (no overlaps).
  wild.py preview ID        prints the clean text the labels make
  wild.py build             checks every page's hash, writes restored/
  wild.py stats             counts pages, hosts, languages, spans
  wild.py check-reserved    exits 1 if the index names a reserved page
"""

import argparse
import fcntl
import hashlib
import json
import os
import sys
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
INDEX = os.path.join(HERE, "index.jsonl")
GOLD = os.path.join(HERE, "gold")
PAGES = os.path.join(HERE, "pages")
WORK = os.path.join(HERE, "work")
RESTORED = os.path.join(HERE, "restored")
DEFAULT_RESERVED = os.path.join(HERE, "..", "..", "..", "shared",
                                "reserved-pages.sha256")

TYPES = {
    "duplicate_headline", "dateline", "stray_fragment", "comment_footer",
    "site_boilerplate", "caption_duplicate", "mojibake", "html_entity",
    "doubled_word", "hyphenation_split", "untranslated", "unbalanced_quote",
    "other",
}
ACTIONS = {"delete", "replace", "flag"}
KINDS = {"article", "repost", "aggregator", "listing", "archive", "forum",
         "blog", "wire"}


def sha256(data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.sha256(data).hexdigest()


def host_of(url):
    return (urllib.parse.urlsplit(url).hostname or "").lower()


def half_of(host):
    """Splits by host, so no host has pages in both halves."""
    bare = host[4:] if host.startswith("www.") else host
    return "dev" if int(sha256(bare)[:2], 16) < 128 else "test"


def read_index():
    if not os.path.exists(INDEX):
        return []
    with open(INDEX, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def reserved_hashes(path):
    hashes = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            hashes.update(line.split())
    return hashes


def reserved_reasons(url, text, reserved):
    """The ways a page is reserved: its address, its host or its text."""
    host = host_of(url)
    netloc = urllib.parse.urlsplit(url).netloc
    candidates = {
        "address": [url],
        "host": {host, netloc, netloc.lower(), host.removeprefix("www.")},
    }
    reasons = [what for what, values in candidates.items()
               if any(sha256(v) in reserved for v in values if v)]
    if text is not None and sha256(text) in reserved:
        reasons.append("text")
    return reasons


def find_result(answer_path, url):
    with open(answer_path, encoding="utf-8") as f:
        answer = json.load(f)
    for result in answer.get("results", []):
        if result.get("url") == url:
            return result["excerpt"]
    raise SystemExit(f"{answer_path}: no result with address {url}")


def cmd_add(args):
    reserved = reserved_hashes(args.reserved)
    text = find_result(args.answer, args.url)
    reasons = reserved_reasons(args.url, text, reserved)
    if reasons:
        raise SystemExit(f"{args.url}: reserved ({', '.join(reasons)}); not added")
    if args.lang is None or len(args.lang) != 2:
        raise SystemExit("--lang takes a two-letter code")
    if args.kind not in KINDS:
        raise SystemExit(f"--kind is one of {sorted(KINDS)}")
    os.makedirs(PAGES, exist_ok=True)
    with open(INDEX, "a+", encoding="utf-8") as index:
        fcntl.flock(index, fcntl.LOCK_EX)
        index.seek(0)
        for line in index:
            if not line.strip():
                continue
            entry = json.loads(line)
            if entry["id"] == args.id:
                raise SystemExit(f"id {args.id} is in the index already")
            if entry["url"] == args.url or entry["sha256"] == sha256(text):
                raise SystemExit(f"{args.url} is in the index already as {entry['id']}")
        with open(os.path.join(PAGES, args.id + ".txt"), "w",
                  encoding="utf-8", newline="") as page:
            page.write(text)
        host = host_of(args.url)
        entry = {
            "id": args.id, "url": args.url, "host": host, "lang": args.lang,
            "kind": args.kind, "half": half_of(host), "sha256": sha256(text),
            "bytes": len(text.encode("utf-8")),
            "retrieve": {"tool": "search", "corpus": "pages",
                         "query": args.query},
            "lookalike": args.lookalike or "",
        }
        index.seek(0, os.SEEK_END)
        index.write(json.dumps(entry, ensure_ascii=False) + "\n")
    print(f"added {args.id}: {entry['bytes']} bytes, {host}, {entry['half']}")


def cmd_restore(args):
    by_url = {e["url"]: e for e in read_index()}
    os.makedirs(PAGES, exist_ok=True)
    for path in args.answers:
        with open(path, encoding="utf-8") as f:
            answer = json.load(f)
        for result in answer.get("results", []):
            entry = by_url.get(result.get("url"))
            if entry is None:
                continue
            if sha256(result["excerpt"]) != entry["sha256"]:
                print(f"{entry['id']}: the stored text changed (hash differs); not restored")
                continue
            with open(os.path.join(PAGES, entry["id"] + ".txt"), "w",
                      encoding="utf-8", newline="") as page:
                page.write(result["excerpt"])
            print(f"restored {entry['id']}")


def read_page(entry):
    path = os.path.join(PAGES, entry["id"] + ".txt")
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def entry_of(page_id):
    for entry in read_index():
        if entry["id"] == page_id:
            return entry
    raise SystemExit(f"{page_id}: not in the index")


def locate(text, span, page_id):
    needle = span["text"]
    if not needle:
        raise SystemExit(f"{page_id}: a span with an empty text")
    starts = []
    at = text.find(needle)
    while at >= 0:
        starts.append(at)
        at = text.find(needle, at + 1)
    if not starts:
        raise SystemExit(f"{page_id}: span not found: {needle[:60]!r}")
    occurrence = span.get("occurrence")
    if occurrence is None:
        if len(starts) > 1:
            raise SystemExit(f"{page_id}: span found {len(starts)} times, "
                             f"give \"occurrence\": {needle[:60]!r}")
        occurrence = 1
    if not 1 <= occurrence <= len(starts):
        raise SystemExit(f"{page_id}: occurrence {occurrence} of {len(starts)}: {needle[:60]!r}")
    start = starts[occurrence - 1]
    byte_start = len(text[:start].encode("utf-8"))
    byte_end = byte_start + len(needle.encode("utf-8"))
    return byte_start, byte_end


def cmd_label(args):
    entry = entry_of(args.id)
    text = read_page(entry)
    if sha256(text) != entry["sha256"]:
        raise SystemExit(f"{args.id}: pages/{args.id}.txt does not match its hash")
    with open(os.path.join(WORK, args.id + ".spans.json"), encoding="utf-8") as f:
        spans = json.load(f)
    data = text.encode("utf-8")
    artifacts = []
    for span in spans:
        kind, action = span.get("type"), span.get("action", "delete")
        if kind not in TYPES:
            raise SystemExit(f"{args.id}: unknown type {kind!r}")
        if action not in ACTIONS:
            raise SystemExit(f"{args.id}: unknown action {action!r}")
        start, end = locate(text, span, args.id)
        assert data[start:end].decode("utf-8") == span["text"]
        replacement = span.get("replacement")
        if (action == "replace") != (replacement is not None):
            raise SystemExit(f"{args.id}: a replacement goes with action replace only")
        artifacts.append({"type": kind, "start": start, "end": end,
                          "action": action, "replacement": replacement,
                          "note": span.get("note", "")})
    artifacts.sort(key=lambda a: (a["start"], a["end"]))
    for before, after in zip(artifacts, artifacts[1:]):
        if after["start"] < before["end"]:
            raise SystemExit(f"{args.id}: spans overlap at bytes {after['start']}-{before['end']}")
    os.makedirs(GOLD, exist_ok=True)
    gold = {"id": args.id, "lang": entry["lang"], "artifacts": artifacts}
    with open(os.path.join(GOLD, args.id + ".json"), "w", encoding="utf-8") as f:
        json.dump(gold, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(f"labelled {args.id}: {len(artifacts)} spans")


def clean_text(text, gold):
    data = text.encode("utf-8")
    out, at = [], 0
    for a in gold["artifacts"]:
        if a["action"] == "flag":
            continue
        out.append(data[at:a["start"]])
        if a["action"] == "replace":
            out.append(a["replacement"].encode("utf-8"))
        at = a["end"]
    out.append(data[at:])
    return b"".join(out).decode("utf-8")


def read_gold(page_id):
    with open(os.path.join(GOLD, page_id + ".json"), encoding="utf-8") as f:
        return json.load(f)


def cmd_preview(args):
    entry = entry_of(args.id)
    sys.stdout.write(clean_text(read_page(entry), read_gold(args.id)))


def cmd_build(args):
    problems = 0
    counts = {"dev": 0, "test": 0}
    for half in counts:
        for sub in ("docs", "gold"):
            folder = os.path.join(RESTORED, half, sub)
            os.makedirs(folder, exist_ok=True)
            for name in os.listdir(folder):
                os.remove(os.path.join(folder, name))
    for entry in read_index():
        try:
            text = read_page(entry)
        except FileNotFoundError:
            print(f"{entry['id']}: not restored (pages/{entry['id']}.txt missing)")
            problems += 1
            continue
        if sha256(text) != entry["sha256"]:
            print(f"{entry['id']}: hash mismatch; not built")
            problems += 1
            continue
        if not os.path.exists(os.path.join(GOLD, entry["id"] + ".json")):
            print(f"{entry['id']}: not labelled yet")
            problems += 1
            continue
        gold = read_gold(entry["id"])
        half = os.path.join(RESTORED, entry["half"])
        with open(os.path.join(half, "docs", entry["id"] + ".txt"), "w",
                  encoding="utf-8", newline="") as f:
            f.write(text)
        with open(os.path.join(half, "gold", entry["id"] + ".json"), "w",
                  encoding="utf-8") as f:
            json.dump(gold, f, ensure_ascii=False, indent=1)
        with open(os.path.join(half, "gold", entry["id"] + ".clean.txt"), "w",
                  encoding="utf-8", newline="") as f:
            f.write(clean_text(text, gold))
        counts[entry["half"]] += 1
    print(f"built {counts['dev']} dev and {counts['test']} test pages into "
          f"{os.path.relpath(RESTORED)}; {problems} problems")
    return 1 if problems and not args.partial else 0


def cmd_stats(args):
    entries = read_index()
    spans, clean, langs, hosts, halves = {}, 0, {}, set(), {}
    for e in entries:
        hosts.add(e["host"].removeprefix("www."))
        langs[e["lang"]] = langs.get(e["lang"], 0) + 1
        halves[e["half"]] = halves.get(e["half"], 0) + 1
        path = os.path.join(GOLD, e["id"] + ".json")
        if not os.path.exists(path):
            continue
        artifacts = read_gold(e["id"])["artifacts"]
        clean += not artifacts
        for a in artifacts:
            spans[a["type"]] = spans.get(a["type"], 0) + 1
    print(f"pages {len(entries)}, hosts {len(hosts)}, clean {clean}, "
          f"spans {sum(spans.values())}")
    print("languages", dict(sorted(langs.items())))
    print("halves", halves)
    print("spans", dict(sorted(spans.items(), key=lambda kv: -kv[1])))


def cmd_check_reserved(args):
    if not os.path.exists(args.reserved):
        # A clone without the workplace's shared/ folder beside it has no
        # list to check against: the test is skipped, not passed.
        print(f"{args.reserved}: no list of reserved pages here; nothing checked")
        return 77
    reserved = reserved_hashes(args.reserved)
    bad = 0
    for e in read_index():
        text = None
        if os.path.exists(os.path.join(PAGES, e["id"] + ".txt")):
            text = read_page(e)
        reasons = reserved_reasons(e["url"], text, reserved)
        if e["sha256"] in reserved:
            reasons.append("text hash")
        if reasons:
            print(f"{e['id']}: reserved page in the index ({', '.join(reasons)})")
            bad += 1
    print(f"{len(read_index())} pages checked against {len(reserved) // 3} reserved; {bad} reserved")
    return 1 if bad else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reserved", default=os.environ.get(
        "MTCLEAN_RESERVED_PAGES", DEFAULT_RESERVED))
    sub = parser.add_subparsers(dest="command", required=True)
    add = sub.add_parser("add")
    add.add_argument("--id", required=True)
    add.add_argument("--url", required=True)
    add.add_argument("--lang", required=True)
    add.add_argument("--kind", required=True)
    add.add_argument("--query", required=True)
    add.add_argument("--answer", required=True)
    add.add_argument("--lookalike")
    restore = sub.add_parser("restore")
    restore.add_argument("answers", nargs="+")
    label = sub.add_parser("label")
    label.add_argument("id")
    preview = sub.add_parser("preview")
    preview.add_argument("id")
    build = sub.add_parser("build")
    build.add_argument("--partial", action="store_true",
                       help="exit 0 even when some pages are missing")
    sub.add_parser("stats")
    sub.add_parser("check-reserved")
    args = parser.parse_args()
    handler = {"add": cmd_add, "restore": cmd_restore, "label": cmd_label,
               "preview": cmd_preview, "build": cmd_build, "stats": cmd_stats,
               "check-reserved": cmd_check_reserved}[args.command]
    sys.exit(handler(args) or 0)


if __name__ == "__main__":
    main()
