#!/usr/bin/env python3
"""C4's line filter, as a peer for `mtclean eval --outputs`.

Implemented from the published description of C4 (Raffel et al. 2020,
"Exploring the Limits of Transfer Learning with a Unified Text-to-Text
Transformer", JMLR 21, section 2.2), one document at a time. A text line is
kept only when all of these hold for it (white space at its ends aside):

- it ends in a terminal punctuation mark: a period, an exclamation mark, a
  question mark or an end quotation mark (here " ' ” ’ » “ «, the closing
  marks of the languages mtclean reads; C4's released code checks only ");
- it has at least MIN_WORDS words (words split at white space). The paper
  and C4's released generator (TensorFlow Datasets, c4_utils.py,
  _MIN_WORDS_PER_LINE) both say 5; --min-words changes it;
- it does not contain the word "Javascript" (any case, as a substring, as
  the released code tests it);
- it contains none of the policy notices "terms of use", "privacy policy",
  "cookie policy", "uses cookies", "use of cookies", "use cookies" (any
  case).

Not applied, because they judge or edit whole pages rather than lines, or
edit inside a line: dropping a page with fewer than 3 sentences, a word of
the bad-words list, a curly bracket or "lorem ipsum"; removing citation
markers such as [1]; deduplication across pages; language identification.
The released code also drops lines ending in "..."; the paper does not say
so, and it is not applied here.

Blank lines are kept between kept lines (peer_lines.py); C4 itself joins
the kept lines with one line break, which would count as damage to the
paragraph breaks here without saying anything about the filter.

Usage: c4_filter.py [--min-words N] < doc.txt > kept.txt
Reads UTF-8 on stdin, writes the kept lines byte for byte, in order, with
their line breaks. Python standard library only.
"""

import argparse
import os
import sys

sys.dont_write_bytecode = True  # keep the source tree free of __pycache__
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peer_lines  # noqa: E402

MIN_WORDS = 5
TERMINAL_MARKS = (".", "!", "?", '"', "'", "\u201d", "\u2019", "\u00bb",
                  "\u201c", "\u00ab")
POLICY_NOTICES = ("terms of use", "privacy policy", "cookie policy",
                  "uses cookies", "use of cookies", "use cookies")


def keep_line(text, min_words=MIN_WORDS):
    """Whether C4's line rules keep the (decoded) line `text`."""
    line = text.strip()
    if not line.endswith(TERMINAL_MARKS):
        return False
    if len(line.split()) < min_words:
        return False
    lower = line.lower()
    if "javascript" in lower:
        return False
    return not any(notice in lower for notice in POLICY_NOTICES)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--min-words", type=int, default=MIN_WORDS,
                        help="fewest words a kept line has (default %(default)s)")
    args = parser.parse_args()
    peer_lines.filter_stdin(
        lambda texts: [keep_line(t, args.min_words) for t in texts])


if __name__ == "__main__":
    main()
