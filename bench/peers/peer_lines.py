"""What the line filters of bench/peers share: reading a document as lines,
and writing back the lines a filter keeps, byte for byte, in order.

A filter judges text lines only. Blank lines (nothing but white space)
separate paragraphs and are not content, so no filter judges them: a run of
blank lines is kept when the text lines on both sides of it are kept (or the
one text line beside it, at the start or the end of the document). Kept
paragraphs stay apart as they were, and a removed one leaves no gap.

Python standard library only.
"""

import sys


def split_lines(data):
    """`data` (bytes) cut after each b"\\n"; the last line may lack one."""
    lines = []
    start = 0
    while start < len(data):
        end = data.find(b"\n", start)
        end = len(data) if end < 0 else end + 1
        lines.append(data[start:end])
        start = end
    return lines


def is_blank(text):
    return text.strip() == ""


def kept_lines(raw_lines, texts, verdicts):
    """The raw lines to write. `texts` are the decoded lines, `verdicts` one
    bool per line saying whether a text line is kept (ignored for blank
    lines)."""
    out = []
    i = 0
    previous = None  # the verdict of the text line before i; None: none yet
    while i < len(raw_lines):
        if not is_blank(texts[i]):
            if verdicts[i]:
                out.append(raw_lines[i])
            previous = verdicts[i]
            i += 1
            continue
        j = i
        while j < len(raw_lines) and is_blank(texts[j]):
            j += 1
        following = verdicts[j] if j < len(raw_lines) else None
        sides = [v for v in (previous, following) if v is not None]
        if sides and all(sides):
            out.extend(raw_lines[i:j])
        i = j
    return out


def filter_stdin(decide):
    """Reads a UTF-8 document from stdin, asks `decide(texts)` for one bool
    per line (texts are the decoded lines with their line breaks, blank ones
    included; invalid bytes are replaced for judging only), and writes the
    kept lines' original bytes to stdout."""
    raw_lines = split_lines(sys.stdin.buffer.read())
    texts = [raw.decode("utf-8", errors="replace") for raw in raw_lines]
    verdicts = decide(texts)
    sys.stdout.buffer.write(b"".join(kept_lines(raw_lines, texts, verdicts)))
    sys.stdout.buffer.flush()
