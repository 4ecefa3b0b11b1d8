"""Shared fixtures of the Python package's tests (run by ctest, which sets
MTCLEAN_BINARY, MTCLEAN_DATA_DIR, MTCLEAN_CACHE_DIR and PYTHONPATH)."""

import json
import os
import random
import subprocess

import pytest

SOURCE_DIR = os.environ["MTCLEAN_DATA_DIR"]
BINARY = os.environ["MTCLEAN_BINARY"]


def read_exact(path):
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def fixture_articles():
    """The project's fixture articles, {name: text}, plain and Markdown."""
    texts = {}
    for folder in ("tests/articles", "tests/markdown"):
        path = os.path.join(SOURCE_DIR, folder)
        for name in sorted(os.listdir(path)):
            if ".clean." in name or not name.endswith((".txt", ".md")):
                continue
            texts[name] = read_exact(os.path.join(path, name))
    return texts


def cli_env(**extra):
    """The environment for the mtclean binary: this one without the
    sanitizer runtime that the sanitizer build preloads into Python for the
    module (the binary links its own, and two would clash)."""
    env = {k: v for k, v in os.environ.items() if k != "LD_PRELOAD"}
    env.update(extra)
    return env


def run_cli(args, stdin=None, cwd=None, check_codes=(0, 1)):
    """Runs the mtclean binary; returns its stdout as bytes."""
    done = subprocess.run([BINARY] + args, input=stdin, capture_output=True, cwd=cwd,
                          timeout=600, env=cli_env())
    if done.returncode not in check_codes:
        raise AssertionError(f"mtclean {' '.join(args)} exited {done.returncode}: "
                             f"{done.stderr.decode(errors='replace')}")
    return done.stdout


def generated_corpus(records, seed=7):
    """JSON Lines text of `records` records made from the fixture articles:
    whole articles, their paragraphs shuffled, nested fields, escapes,
    CRLF terminators and a last line without one, so that the writer's
    byte-for-byte rules are exercised."""
    rng = random.Random(seed)
    articles = list(fixture_articles().values())
    lines = []
    for i in range(records):
        text = rng.choice(articles)
        if i % 3 == 1:
            paragraphs = text.split("\n\n")
            rng.shuffle(paragraphs)
            text = "\n\n".join(paragraphs)
        record = {"id": i, "text": text, "meta": {"lang": "auto", "n": i * 1.5}}
        ascii_only = i % 5 == 0
        line = json.dumps(record, ensure_ascii=ascii_only)
        if i % 7 == 3:
            line = line.replace(", ", ",")  # other spacing is kept as it is
        terminator = "\r\n" if i % 11 == 5 else "\n"
        lines.append(line + terminator)
    lines[-1] = lines[-1].rstrip("\r\n")
    return "".join(lines)


@pytest.fixture(scope="session")
def articles():
    return fixture_articles()


@pytest.fixture(scope="session")
def cleaner():
    import mtclean

    return mtclean.Cleaner()
