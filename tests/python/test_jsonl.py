"""Cleaner.clean_jsonl writes exactly what `mtclean fix --jsonl` writes."""

import json

import pytest

import mtclean
from conftest import generated_corpus, run_cli

TRICKY = [
    '{"text": "Share this:\\n\\nThe council met on Monday."}\n',
    '{"id": 2, "text": "Caf\\u00e9 owners \\"welcomed\\" the the plan.", "x": [1, 2.50, 1e3]}\r\n',
    '{"meta": {"body": "nested"}, "text": "Tags: politics\\nThe vote was close."}\n',
    '  {"text" : "Spaced keys and the the doubled word."}  \n',
    '{"text": "\\u2028 line separators and \\ud83d\\ude00 pairs stay escaped."}\n',
    '{"text": "Last record without a terminator."}',
]


@pytest.mark.parametrize("annotate", [False, True])
def test_generated_corpus_is_byte_identical_to_the_cli(cleaner, annotate):
    corpus = generated_corpus(600) + "\n" + "".join(TRICKY)
    flags = ["--annotate"] if annotate else []
    expected = run_cli(["fix", "--jsonl", "-"] + flags, stdin=corpus.encode())
    got = "".join(cleaner.clean_jsonl(corpus, annotate=annotate)).encode()
    assert got == expected
    # The same through an iterable of lines, and on two threads.
    lines = corpus.splitlines(keepends=True)
    assert "".join(cleaner.clean_jsonl(lines, annotate=annotate, jobs=2)).encode() == expected


def test_one_output_per_record(cleaner):
    out = cleaner.clean_jsonl(TRICKY)
    assert len(out) == len(TRICKY)
    assert all(line.endswith("\n") for line in out)
    assert out[1].endswith("\r\n")


def test_a_dotted_field(cleaner):
    line = '{"meta": {"body": "Share this:\\n\\nThe council met."}, "text": 1}\n'
    expected = run_cli(["fix", "--jsonl", "--field", "meta.body", "-"], stdin=line.encode())
    assert "".join(cleaner.clean_jsonl([line], field="meta.body")).encode() == expected


def test_bad_records_skipped_pass_through(cleaner):
    lines = ['{"text": "Fine."}\n', 'not json\n', '{"text": "Also fine."}\n']
    stats = mtclean.CorpusStats()
    out = cleaner.clean_jsonl(lines, skip_bad_records=True, stats=stats)
    assert out[1] == "not json\n"
    assert stats.bad_records == 1
    assert stats.documents == 2
    with pytest.raises(ValueError, match=r"^part\.jsonl:2: bad record"):
        cleaner.clean_jsonl(lines, name="part.jsonl")


def test_stats_equal_the_cli_stats_file(cleaner, tmp_path):
    corpus = generated_corpus(300)
    stats_path = tmp_path / "stats.json"
    run_cli(["fix", "--jsonl", "--stats", str(stats_path), "-"], stdin=corpus.encode())
    cli = json.loads(stats_path.read_text())
    stats = mtclean.CorpusStats()
    half = corpus.splitlines(keepends=True)
    cleaner.clean_jsonl(half[:100], stats=stats)
    cleaner.clean_jsonl(half[100:], stats=stats)
    mine = json.loads(stats.to_json(inputs=1, jobs=1, seconds=cli["seconds"]))
    for volatile in ("seconds", "mb_per_s", "jobs"):
        cli.pop(volatile, None)
        mine.pop(volatile, None)
    assert mine == cli
    again = mtclean.CorpusStats.from_json(stats.to_json())
    assert again == stats
    import pickle
    assert pickle.loads(pickle.dumps(stats)) == stats
    with pytest.raises(ValueError):
        mtclean.CorpusStats.from_json("{}")
