#!/usr/bin/env python3
"""Where one core's time goes: a callgrind profile of `check --jsonl`.

    bench/profile.py MIX [--mb N] [--build DIR] [--top N] [--keep FILE]

MIX is a mix of bench/real_corpus.py (prose-en, languages, scraped),
`generated` (bench/corpus_generator.cc) or a JSON Lines file. Runs
`mtclean check --jsonl --jobs 1` on N MB of it (default 4) under
valgrind's callgrind, twice, and prints:

  - the fixed costs, paid once per process whatever the input's size:
    start-up (Engine::Create: rule packs, compiled patterns from the
    cache) and the Hunspell dictionaries loaded (SpellChecker::Load: the
    text language's at start-up, others when a candidate first needs
    one), in instructions and in instructions per byte of this sample;
  - what each byte of input costs once those are paid, in instructions
    per byte and as a share of it: the stages (inclusive) of the
    records cleaned (the Hyperscan scan, the document model, the
    language guess, each rule; the page model, computed lazily inside
    the rules that ask for it, as the sum of its own instructions), then
    the functions with the most instructions of their own. This is what
    decides the rate of a long run; it is measured in a second run that
    leaves the dictionaries' loading and freeing out (callgrind's
    --toggle-collect), so a rule that loads one is not charged for it, and
    from which a run on the first record alone is taken away.

Instructions, not seconds: callgrind counts them exactly, so a step's
effect is seen on a shared, noisy machine where timings of a few per cent
are lost in the noise (bench/throughput.sh gives the seconds). The
compiled-pattern cache is warmed under valgrind first (a cache written
outside it may not fit the CPU valgrind presents; the first run compiles
for some minutes, later ones find it in the user's cache).
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

# Stages by the function whose inclusive count is theirs (a regular
# expression on the function's name, without its arguments).
STARTUP = r"mtclean::Engine::Create$"
# Loading a dictionary, and freeing it at exit: fixed costs.
DICTIONARY_FUNCTIONS = ("mtclean::internal::SpellChecker::Load",
                        "mtclean::internal::SpellChecker::~SpellChecker")
STAGES = [
    ("records cleaned (Engine::Clean)", r"mtclean::Engine::Clean$"),
    ("  Hyperscan scan", r"mtclean::internal::Scanner::Scan$"),
    ("  document model (Document::Create)", r"mtclean::internal::Document::Create$"),
    ("  language guess", r"mtclean::internal::GuessLanguage\[abi:cxx11\]$|"
                         r"mtclean::internal::GuessLanguage$"),
]
# The page model is computed lazily, inside the rules that ask: its own
# instructions are summed instead.
PAGE_MODEL = re.compile(r"^mtclean::internal::BlockPositions::")
RULE = re.compile(r"^mtclean::internal::(?:\(anonymous namespace\)::)?(\w+Rule)::"
                  r"(Check|FindCandidates|Locate|Emit)$")
LINE = re.compile(r"^\s*([\d,]+)\s+\(\s*[\d.]+%\)\s+(.*)$")


SHORTER = [("std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >",
            "std::string"), ("std::basic_string_view<char, std::char_traits<char> >",
                             "std::string_view"),
           ("mtclean::internal::", ""), ("(anonymous namespace)::", ""), ("[abi:cxx11]", "")]


def short(name):
    for long_form, short_form in SHORTER:
        name = name.replace(long_form, short_form)
    return name


def function_name(field):
    """`file:function(args) [object]` -> function, without its arguments."""
    name = field.split(":", 1)[1] if field.startswith(("???:", "./", "/")) else field
    if field.startswith(("./", "/")):
        name = field.split(":", 1)[1]
    depth = 0
    for i, c in enumerate(name):
        if c == "(" and depth == 0 and i > 0 and not name.startswith("(anonymous", i):
            return name[:i], field
        if c == "<":
            depth += 1
        elif c == ">":
            depth = max(0, depth - 1)
    return name.split(" [")[0], field


def annotate(out_file, inclusive):
    args = ["callgrind_annotate", "--threshold=100"]
    if inclusive:
        args.append("--inclusive=yes")
    text = subprocess.run(args + [out_file], capture_output=True, text=True, check=True).stdout
    rows = []
    started = False
    for line in text.splitlines():
        if "file:function" in line:
            started = True
            continue
        m = LINE.match(line) if started else None
        if m:
            name, field = function_name(m.group(2))
            obj = re.search(r"\[([^\]]+)\]\s*$", m.group(2))
            rows.append((int(m.group(1).replace(",", "")), name,
                         os.path.basename(obj.group(1)) if obj else ""))
    total = 0
    for line in text.splitlines():
        if "PROGRAM TOTALS" in line:
            total = int(line.split()[0].replace(",", ""))
    return total, rows


def make_sample(mix, mb, build, path):
    env = dict(os.environ, MTCLEAN_DATA_DIR=ROOT)
    if os.path.isfile(mix):
        limit = int(mb * 1e6)
        with open(mix, "rb") as src, open(path, "wb") as dst:
            size = 0
            for line in src:
                if size + len(line) > limit and size > 0:
                    break
                dst.write(line)
                size += len(line)
    elif mix == "generated":
        with open(path, "wb") as out:
            subprocess.run([os.path.join(build, "bench", "generate_corpus"), "--bytes",
                            str(int(mb * 1e6))], stdout=out, stderr=subprocess.DEVNULL,
                           check=True, env=env)
    else:
        subprocess.run([sys.executable, os.path.join(HERE, "real_corpus.py"), mix, "--mb",
                        str(mb), "--out", path], check=True, stderr=subprocess.DEVNULL)


def callgrind(mtclean, input_path, output, env, leave_out=()):
    args = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={output}"]
    if leave_out:
        # Collection flips on entering and leaving each; --toggle-collect
        # alone would also turn it off at the start.
        args += [f"--toggle-collect={f}*" for f in leave_out] + ["--collect-atstart=yes"]
    subprocess.run(args + [mtclean, "check", "--jsonl", "--jobs", "1", input_path],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("mix")
    parser.add_argument("--mb", type=float, default=4)
    parser.add_argument("--build", default=os.path.join(ROOT, "build"))
    parser.add_argument("--top", type=int, default=20)
    parser.add_argument("--keep", help="keep callgrind's output (without the loads) in FILE")
    args = parser.parse_args()
    mtclean = os.path.join(args.build, "mtclean")
    if not os.access(mtclean, os.X_OK):
        sys.exit(f"profile: {mtclean} missing (build it first)")
    with tempfile.TemporaryDirectory() as work:
        sample = os.path.join(work, "sample.jsonl")
        make_sample(args.mix, args.mb, args.build, sample)
        size = os.path.getsize(sample)
        # The user's compiled-pattern cache, as their own runs use it: a
        # database compiled under valgrind is kept there for the next run.
        env = dict(os.environ, MTCLEAN_DATA_DIR=ROOT)
        with open(sample, "rb") as f:
            first = f.readline()
        warm = os.path.join(work, "warm.jsonl")
        with open(warm, "wb") as f:
            f.write(first)
        # One record first, to warm the cache, and again as the baseline
        # the sample's costs are taken from: start-up and the first record.
        warm_file = os.path.join(work, "warm.out")
        callgrind(mtclean, warm, warm_file, env)
        callgrind(mtclean, warm, warm_file, env, leave_out=DICTIONARY_FUNCTIONS)
        whole_file = os.path.join(work, "whole.out")
        callgrind(mtclean, sample, whole_file, env)
        out_file = args.keep or os.path.join(work, "callgrind.out")
        callgrind(mtclean, sample, out_file, env, leave_out=DICTIONARY_FUNCTIONS)
        whole, _ = annotate(whole_file, inclusive=True)
        total, inclusive = annotate(out_file, inclusive=True)
        _, exclusive = annotate(out_file, inclusive=False)
        warm_total, warm_inclusive = annotate(warm_file, inclusive=True)
        _, warm_exclusive = annotate(warm_file, inclusive=False)

    def minus(rows, baseline):
        """Each function's count less its count in the one-record run."""
        before = {}
        for count, name, _ in baseline:
            before[name] = before.get(name, 0) + count
        merged = {}
        for count, name, obj in rows:
            merged.setdefault(name, [0, obj])[0] += count
        return [(count - before.get(name, 0), name, obj)
                for name, (count, obj) in merged.items()]

    def stage(rows, pattern):
        return max((c for c, name, _ in rows if re.search(pattern, name)), default=0)

    startup = stage(inclusive, STARTUP)
    loads = whole - total
    # The sample less its first record: what the bytes after it cost.
    per_byte = total - warm_total
    rest = size - len(first)
    inclusive = minus(inclusive, warm_inclusive)
    exclusive = minus(exclusive, warm_exclusive)

    def row(label, count):
        print(f"  {label:<44} {count / rest:10.1f} {100.0 * count / per_byte:7.1f} %")

    print(f"{args.mix}: {size / 1e6:.1f} MB, check --jsonl --jobs 1: {whole / size:.0f} "
          f"instructions a byte for the whole process")
    print(f"  {'fixed, once per process':<44} {'instr':>10} {'instr/B':>9}")
    for label, count in (("start-up (Engine::Create)", startup),
                         ("dictionaries loaded and freed (SpellChecker)", loads)):
        print(f"  {label:<44} {count / 1e6:9.0f}M {count / size:9.1f}")
    print(f"  {'each byte after the first record, no loads':<44} {'instr/B':>10} {'share':>9}")
    row("all", per_byte)
    for label, pattern in STAGES:
        row(label, stage(inclusive, pattern))
    row("  page model (BlockPositions, own instructions)",
        sum(c for c, name, _ in exclusive if PAGE_MODEL.match(name)))
    rules = {}
    seen = set()
    for count, name, _ in inclusive:
        m = RULE.match(name)
        if m and name not in seen:
            seen.add(name)
            rules[m.group(1)] = rules.get(m.group(1), 0) + count
    for rule, count in sorted(rules.items(), key=lambda kv: -kv[1])[:args.top]:
        row("  " + rule, count)
    print(f"  {'functions, own instructions':<44} {'instr/B':>10} {'share':>9}")
    for count, name, obj in sorted(exclusive, key=lambda r: -r[0])[:args.top]:
        label = short(name)
        if len(label) > 44:
            label = label[:41] + "..."
        if obj.startswith("lib"):
            library = obj.split(".so")[0]
            label = f"({library})" if name.startswith("0x") else f"{label[:40 - len(library)]} ({library})"
        row(label, count)


if __name__ == "__main__":
    main()
