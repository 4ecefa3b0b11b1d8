#!/usr/bin/env python3
"""jusText's paragraph classifier on plain text, as a peer for
`mtclean eval --outputs`.

jusText (Pomikálek 2011, "Removing Boilerplate and Duplicate Content from
Web Corpora", PhD thesis, Masaryk University, chapter 3) cuts an HTML page
into paragraphs, classifies each one on its own, then revises the unsure
ones by their neighbours, and keeps the good ones. Here the input is text,
so ONE LINE IS ONE PARAGRAPH (blank lines are no paragraphs, as jusText
skips blank text), there is no markup: the link density of every paragraph
is 0, no paragraph is a heading (so the heading stages and
max_heading_distance change nothing) and none is inside a <select>.

Context-free classification, with jusText's defaults (length_low 70,
length_high 200, stopwords_low 0.30, stopwords_high 0.32, max_link_density
0.2), as the reference implementation (github.com/miso-belica/jusText,
justext/core.py) does it:

- a paragraph holding a copyright sign (© or "&copy") is bad;
- shorter than length_low characters (white space runs counted as one,
  ends stripped): short;
- stop-word density (stop words over words, words split at white space,
  compared in lower case) at least stopwords_high: good when longer than
  length_high characters, else near-good;
- density at least stopwords_low: near-good; else bad.

Context-sensitive revision: good and bad paragraphs stay as they are; the
edges of the document count as bad. A short paragraph becomes good between
two good ones and bad between two bad ones; between a good and a bad one it
becomes good when a near-good paragraph lies between it and the bad one,
else bad (short paragraphs are decided from the classes before revision).
Then a near-good paragraph becomes bad between two bad ones (near-good and
short ones skipped), else good.

Stop words: NOT jusText's own stoplists but mtclean's
`dictionaries/LANG/function-words.txt` (66 to 93 words a language, where
jusText's lists hold a few hundred), so stop-word densities come out lower
than jusText's own would, and more paragraphs fall below the thresholds.
A language with no such file runs in jusText's language-independent mode
(an empty stoplist: both thresholds 0).

Blank lines are kept between kept lines (peer_lines.py).

Usage: justext_filter.py [--lang en] < doc.txt > kept.txt
Reads UTF-8 on stdin, writes the kept lines byte for byte, in order, with
their line breaks. Python standard library only.
"""

import argparse
import os
import re
import sys

sys.dont_write_bytecode = True  # keep the source tree free of __pycache__
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import peer_lines  # noqa: E402

ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))

LENGTH_LOW = 70
LENGTH_HIGH = 200
STOPWORDS_LOW = 0.30
STOPWORDS_HIGH = 0.32
MAX_LINK_DENSITY = 0.2  # every paragraph's link density is 0 in text

BAD, SHORT, NEAR_GOOD, GOOD = "bad", "short", "near-good", "good"

_WHITE_SPACE = re.compile(r"\s+")


def load_stop_words(lang, root=ROOT):
    """mtclean's function words of `lang`, lower case; an empty set when the
    language has no list."""
    path = os.path.join(root, "dictionaries", lang, "function-words.txt")
    if not os.path.isfile(path):
        return frozenset()
    words = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            word = line.strip()
            if word and not word.startswith("#"):
                words.add(word.lower())
    return frozenset(words)


def classify(text, stop_words, stopwords_low=STOPWORDS_LOW,
             stopwords_high=STOPWORDS_HIGH):
    """The context-free class of one paragraph."""
    text = _WHITE_SPACE.sub(" ", text).strip()
    if "\u00a9" in text or "&copy" in text:
        return BAD
    if len(text) < LENGTH_LOW:
        return SHORT
    words = text.split()
    density = sum(w.lower() in stop_words for w in words) / len(words)
    if density >= stopwords_high:
        return GOOD if len(text) > LENGTH_HIGH else NEAR_GOOD
    if density >= stopwords_low:
        return NEAR_GOOD
    return BAD


def _neighbour(classes, i, step, skip_near_good):
    """The class of the nearest paragraph from i in direction `step` that is
    good or bad (or near-good, unless skipped); bad past the edge."""
    i += step
    while 0 <= i < len(classes):
        c = classes[i]
        if c in (GOOD, BAD) or (c == NEAR_GOOD and not skip_near_good):
            return c
        i += step
    return BAD


def revise(classes):
    """The context-sensitive classes: only good or bad."""
    revised = list(classes)
    for i, c in enumerate(classes):
        if c != SHORT:
            continue
        before = _neighbour(classes, i, -1, True)
        after = _neighbour(classes, i, 1, True)
        if before == after:
            revised[i] = before
        elif (before == BAD and _neighbour(classes, i, -1, False) == NEAR_GOOD) or (
                after == BAD and _neighbour(classes, i, 1, False) == NEAR_GOOD):
            revised[i] = GOOD
        else:
            revised[i] = BAD
    for i, c in enumerate(revised):
        if c != NEAR_GOOD:
            continue
        before = _neighbour(revised, i, -1, True)
        after = _neighbour(revised, i, 1, True)
        revised[i] = BAD if before == after == BAD else GOOD
    return revised


def keep_paragraphs(paragraphs, stop_words):
    """Whether each paragraph (a list of texts) is kept."""
    low, high = STOPWORDS_LOW, STOPWORDS_HIGH
    if not stop_words:  # jusText's language-independent mode
        low = high = 0.0
    classes = [classify(p, stop_words, low, high) for p in paragraphs]
    return [c == GOOD for c in revise(classes)]


def decide(texts, stop_words):
    """One verdict per line; blank lines are no paragraphs."""
    indexes = [i for i, t in enumerate(texts) if not peer_lines.is_blank(t)]
    verdicts = [False] * len(texts)
    for i, keep in zip(indexes,
                       keep_paragraphs([texts[i] for i in indexes], stop_words)):
        verdicts[i] = keep
    return verdicts


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lang", default="en",
                        help="language of the stop words (default %(default)s)")
    args = parser.parse_args()
    stop_words = load_stop_words(args.lang)
    peer_lines.filter_stdin(lambda texts: decide(texts, stop_words))


if __name__ == "__main__":
    main()
