#!/usr/bin/env python3
"""Benchmark corpora of text the project did not write.

    bench/real_corpus.py MIX --mb N [--out FILE]

Writes JSON Lines (one document a line, {"id", "lang", "text"}) of about
N MB to FILE (default stdout), made from text that is already on a Debian
machine or restored from the real-page corpus:

  prose-en   English manual pages (sections 1, 5, 7, 8), the licences in
             /usr/share/common-licenses and the README files under
             /usr/share/doc, unwrapped into paragraphs; every second
             document with typographic quotes, apostrophes and dashes, as a
             publishing system would set them.
  languages  manual pages in German, French, Spanish, Italian and
             Portuguese (Debian's manpages-de, -fr, -es, -it, -pt-br) and
             English, one language after another, typographic punctuation
             in every second document as each language sets it.
  scraped    the restored pages of bench/wild (pages/ID.txt, see
             bench/wild/README.md), one page a document: short lines,
             listings, furniture.

Paragraphs are separated by a blank line, as in published text. The sources are read in sorted order and the documents repeated until the
corpus reaches its size, so a mix is the same on every run of one machine.
Python's standard library only; groff renders the manual pages.
"""

import argparse
import glob
import gzip
import json
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
WILD_PAGES = os.path.join(HERE, "wild", "pages")
MAN_LANGUAGES = {"de": ["de"], "fr": ["fr"], "es": ["es"], "it": ["it"],
                 "pt": ["pt", "pt_BR"], "en": [""]}
# Manual pages rendered per language: enough distinct text (several MB)
# that repetition does not make the corpus a loop over a few pages.
MAN_PAGES_PER_LANGUAGE = 400
# A long manual page is split into documents of about this many bytes, at
# a paragraph boundary: the size of a long news story.
DOCUMENT_BYTES = 8000


def read_maybe_gzip(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        return f.read().decode("utf-8", errors="replace")


def render_man(path):
    """A manual page as groff sets it in UTF-8, without overstrikes."""
    try:
        source = read_maybe_gzip(path)
    except OSError:
        return ""
    if source.startswith(".so "):  # a link to another page
        return ""
    try:
        done = subprocess.run(
            ["groff", "-Tutf8", "-man", "-k", "-rHY=0", "-P-cbou"],
            input=source.encode("utf-8"), capture_output=True, timeout=60,
            env=dict(os.environ, MANWIDTH="80"))
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return done.stdout.decode("utf-8", errors="replace")


def paragraphs(rendered):
    """Paragraphs of wrapped text: lines joined until a blank line or a
    change of indentation; running heads (NAME(1) ... NAME(1)) dropped."""
    out, current, indent = [], [], None
    for line in rendered.splitlines():
        stripped = line.strip()
        if not stripped or re.match(r"^\S+\(\d\w*\)\s.*\S+\(\d\w*\)$", stripped):
            if current:
                out.append(" ".join(current))
            current, indent = [], None
            continue
        this_indent = len(line) - len(line.lstrip())
        if current and this_indent != indent and not (indent is not None and this_indent < indent):
            out.append(" ".join(current))
            current = []
        if not current:
            indent = this_indent
        stripped = re.sub(r"\s+", " ", stripped)
        if current and current[-1].endswith(("\u2010", "-")):
            # A line broken after a hyphen: the word goes on.
            current[-1] += stripped
        else:
            current.append(stripped)
    if current:
        out.append(" ".join(current))
    return out


def documents_of(paras, max_bytes=DOCUMENT_BYTES):
    doc, size = [], 0
    for p in paras:
        doc.append(p)
        size += len(p.encode("utf-8")) + 1
        if size >= max_bytes:
            yield "\n\n".join(doc)
            doc, size = [], 0
    if doc:
        yield "\n\n".join(doc)


QUOTES = {"en": ("\u201c", "\u201d"), "de": ("\u201e", "\u201c"),
          "fr": ("\u00ab\u00a0", "\u00a0\u00bb"), "es": ("\u00ab", "\u00bb"),
          "it": ("\u00ab", "\u00bb"), "pt": ("\u201c", "\u201d")}


def typographic(text, lang):
    """ASCII quotes, apostrophes and dashes as a publishing system sets
    them in `lang`."""
    opening, closing = QUOTES.get(lang, QUOTES["en"])
    text = re.sub(r'"([^"\n]{1,200})"', lambda m: opening + m.group(1) + closing, text)
    text = re.sub(r"(?<=\w)'(?=\w)", "\u2019", text)
    text = re.sub(r"`([^`'\n]{1,80})'", "\u2018\\1\u2019", text)
    text = text.replace(" -- ", " \u2014 ").replace(" - ", " \u2013 ")
    return text


def man_files(subdir, limit=MAN_PAGES_PER_LANGUAGE, sections=("1", "5", "7", "8")):
    root = os.path.join("/usr/share/man", subdir)
    files = []
    for section in sections:
        files += glob.glob(os.path.join(root, "man" + section, "*"))
    return sorted(files)[:limit]


def rendered_documents(files, lang):
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        for rendered in pool.map(render_man, files):
            for doc in documents_of(paragraphs(rendered)):
                if len(doc) > 200:
                    yield lang, doc


def plain_documents(patterns):
    files = sorted({f for p in patterns for f in glob.glob(p, recursive=True)})
    for path in files:
        try:
            text = read_maybe_gzip(path)
        except OSError:
            continue
        for doc in documents_of(paragraphs(text)):
            if len(doc) > 200:
                yield "en", doc


def prose_en():
    yield from rendered_documents(man_files("", limit=3 * MAN_PAGES_PER_LANGUAGE), "en")
    yield from plain_documents(["/usr/share/common-licenses/*"])
    yield from plain_documents(["/usr/share/doc/*/README", "/usr/share/doc/*/README.gz",
                                "/usr/share/doc/*/README.txt*", "/usr/share/doc/*/README.md*"])


def languages():
    per_language = []
    for lang, subdirs in MAN_LANGUAGES.items():
        files = []
        for subdir in subdirs:
            files += man_files(subdir)
        docs = list(rendered_documents(files, lang))
        if not docs:
            sys.exit(f"real_corpus: no manual pages in {lang} "
                     f"(install Debian's manpages-{lang if lang != 'pt' else 'pt-br'})")
        per_language.append(docs)
    # One language after another, so every stretch of the corpus mixes them.
    longest = max(len(d) for d in per_language)
    for i in range(longest):
        for docs in per_language:
            if i < len(docs):
                yield docs[i]


def scraped():
    index = os.path.join(HERE, "wild", "index.jsonl")
    langs = {}
    with open(index, encoding="utf-8") as f:
        for line in f:
            entry = json.loads(line)
            langs[entry["id"]] = entry["lang"]
    found = 0
    for page_id in sorted(langs):
        path = os.path.join(WILD_PAGES, page_id + ".txt")
        if not os.path.exists(path):
            continue
        found += 1
        with open(path, encoding="utf-8", newline="") as f:
            yield langs[page_id], f.read()
    if found == 0:
        sys.exit("real_corpus: no restored pages in bench/wild/pages "
                 "(restore them as bench/wild/README.md says)")


MIXES = {"prose-en": prose_en, "languages": languages, "scraped": scraped}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("mix", choices=sorted(MIXES))
    parser.add_argument("--mb", type=float, default=20)
    parser.add_argument("--out", default="-")
    args = parser.parse_args()

    docs = list(MIXES[args.mix]())
    if not docs:
        sys.exit(f"real_corpus: no text found for {args.mix}")
    target = int(args.mb * 1_000_000)
    out = sys.stdout if args.out == "-" else open(args.out, "w", encoding="utf-8")
    written, n = 0, 0
    while written < target:
        for i, (lang, text) in enumerate(docs):
            if args.mix != "scraped" and i % 2 == 1:
                text = typographic(text, lang)
            line = json.dumps({"id": f"{args.mix}-{n}", "lang": lang, "text": text},
                              ensure_ascii=False) + "\n"
            out.write(line)
            written += len(line.encode("utf-8"))
            n += 1
            if written >= target:
                break
    if out is not sys.stdout:
        out.close()
    print(f"real_corpus: {args.mix}: {n} documents ({len(docs)} distinct), "
          f"{written / 1e6:.1f} MB", file=sys.stderr)


if __name__ == "__main__":
    main()
