"""mtclean.dask on a LocalCluster of 2 worker processes on loopback: the
output equals `mtclean fix --jsonl` record for record, and the aggregated
stats equal its `--stats`."""

import json
import os
import re

import pytest

import dask
import dask.bag as db
import dask.dataframe as dd
import pandas as pd
from distributed import Client, LocalCluster

import mtclean
import mtclean.dask
from conftest import generated_corpus, run_cli

RECORDS = 3000


@pytest.fixture(scope="module")
def client():
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                           host="127.0.0.1", scheduler_port=0, dashboard_address="127.0.0.1:0",
                           silence_logs=40)
    client = Client(cluster, timeout="120s")
    yield client
    client.close(timeout=60)
    cluster.close(timeout=60)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    path = tmp_path_factory.mktemp("corpus") / "corpus.jsonl"
    path.write_bytes(generated_corpus(RECORDS).encode())
    return path


def cli_stats(corpus, tmp_path):
    stats_path = tmp_path / "cli-stats.json"
    out = run_cli(["fix", "--jsonl", "--stats", str(stats_path), str(corpus)])
    return out, json.loads(stats_path.read_text())


def counts(stats_json):
    stats = dict(stats_json)
    for volatile in ("seconds", "mb_per_s", "jobs", "inputs"):
        stats.pop(volatile, None)
    return stats


def test_bag_equals_the_cli_record_for_record(client, corpus, tmp_path):
    expected, expected_stats = cli_stats(corpus, tmp_path)
    mtclean.dask.prepare(client, lang="auto")
    # linedelimiter="\n": Dask then keeps "\r\n" terminators as they are.
    lines = db.read_text(str(corpus), blocksize=len(corpus.read_bytes()) // 7 + 1,
                         linedelimiter="\n")
    assert lines.npartitions >= 6
    cleaned = mtclean.dask.clean_bag(lines, field="text", lang="auto")
    records, stats = dask.compute(cleaned.records, cleaned.stats)
    assert len(records) == RECORDS
    expected_lines = expected.decode().splitlines(keepends=True)
    assert len(expected_lines) == RECORDS
    for i, (mine, theirs) in enumerate(zip(records, expected_lines)):
        assert mine == theirs or mine == theirs.rstrip("\n"), f"record {i + 1}"
    assert "".join(records).encode() + b"\n" == expected  # the last line had no "\n"
    assert counts(json.loads(stats.to_json())) == counts(expected_stats)
    assert stats.documents == RECORDS

    # One Cleaner per worker process, built once, for every task there.
    built = client.run(lambda: len(__import__("mtclean.dask").dask._cleaners))
    assert sorted(built.values()) == [1, 1]


def test_blocks_of_read_jsonl_equal_the_cli(client, corpus, tmp_path):
    expected, expected_stats = cli_stats(corpus, tmp_path)
    blocks = mtclean.dask.read_jsonl(str(corpus), blocksize=len(corpus.read_bytes()) // 5 + 1)
    assert blocks.npartitions >= 4
    cleaned = mtclean.dask.clean_bag(blocks, lang="auto", annotate=True)
    written = mtclean.dask.write_partitions(cleaned.records, str(tmp_path / "p-{:03d}.jsonl"))
    blocks_written, stats = dask.compute(written, cleaned.stats)
    assert sum(blocks_written) == blocks.npartitions  # one block a partition
    annotated = run_cli(["fix", "--jsonl", "--annotate", str(corpus)])
    files = sorted(tmp_path.glob("p-*.jsonl"))
    assert b"".join(f.read_bytes() for f in files) == annotated
    assert counts_of(stats) == counts(expected_stats)


def test_clean_to_files_equals_the_cli(client, corpus, tmp_path):
    expected, expected_stats = cli_stats(corpus, tmp_path)
    blocks = mtclean.dask.read_jsonl(str(corpus), blocksize=len(corpus.read_bytes()) // 5 + 1)
    stats = mtclean.dask.clean_to_files(blocks, str(tmp_path / "f-{:03d}.jsonl"),
                                        lang="auto").compute()
    files = sorted(tmp_path.glob("f-*.jsonl"))
    assert len(files) == blocks.npartitions
    assert b"".join(f.read_bytes() for f in files) == expected
    assert counts_of(stats) == counts(expected_stats)


def counts_of(stats):
    return counts(json.loads(stats.to_json()))


def test_bag_of_dicts(client):
    text = ("Council backs new bus lanes\n\nCouncil backs new bus lanes\n\n"
            "The council voted on Monday to add bus lanes on the the main road.\n")
    records = [{"id": i, "text": text} for i in range(40)]
    cleaned = mtclean.dask.clean_bag(db.from_sequence(records, npartitions=4), lang="en")
    out, stats = dask.compute(cleaned.records, cleaned.stats)
    assert [r["id"] for r in out] == list(range(40))
    assert all(r["text"] == "Council backs new bus lanes\n\n"
               "The council voted on Monday to add bus lanes on the main road.\n" for r in out)
    assert stats.documents_changed == 40


def test_dataframe_column(client, articles):
    texts = list(articles.values())
    frame = pd.DataFrame({"id": range(len(texts)), "text": texts})
    frame.loc[3, "text"] = None
    df = dd.from_pandas(frame, npartitions=3)
    cleaned = mtclean.dask.clean_dataframe(df, column="text", lang="auto")
    out, stats = dask.compute(cleaned.frame, cleaned.stats)
    assert list(out["id"]) == list(range(len(texts)))
    local = mtclean.Cleaner()
    for i, text in enumerate(texts):
        if i == 3:
            assert out["text"][i] is None
        else:
            assert out["text"][i] == local.clean(text).text
    assert stats.documents == len(texts) - 1


def test_bad_record_fails_with_its_partition_and_line(client):
    lines = db.from_sequence(['{"text": "Fine."}\n', '{"text": 7}\n'], npartitions=1)
    cleaned = mtclean.dask.clean_bag(lines, lang="en")
    with pytest.raises(ValueError, match=r"partition 0:2: bad record"):
        cleaned.records.compute()


def test_each_partition_is_cleaned_once(monkeypatch, corpus, tmp_path):
    """Records, files and stats computed together share the cleaning task
    of each partition (counted here in one process, on Dask's synchronous
    scheduler)."""
    calls = []
    clean_jsonl = mtclean.Cleaner.clean_jsonl

    def counted(self, lines, *args, **kwargs):
        calls.append(len(lines))
        return clean_jsonl(self, lines, *args, **kwargs)

    monkeypatch.setattr(mtclean.Cleaner, "clean_jsonl", counted)
    lines = db.read_text(str(corpus), blocksize=len(corpus.read_bytes()) // 4 + 1,
                         linedelimiter="\n")
    cleaned = mtclean.dask.clean_bag(lines, lang="auto")
    written = mtclean.dask.write_partitions(cleaned.records, str(tmp_path / "part-{:05d}.jsonl"))
    records, counts, stats = dask.compute(cleaned.records, written, cleaned.stats,
                                          scheduler="sync")
    assert len(calls) == lines.npartitions
    assert sum(calls) == RECORDS == sum(counts) == stats.documents
    files = sorted(tmp_path.glob("part-*.jsonl"))
    assert len(files) == lines.npartitions
    expected = run_cli(["fix", "--jsonl", str(corpus)])
    assert b"".join(f.read_bytes() for f in files) == expected


def test_example_pipeline(corpus, tmp_path):
    """examples/dask_clean.py: its cleaned partitions, read in order, are
    what `mtclean fix --jsonl` writes, its stats file is `--stats`'s, and
    it prints its rates."""
    import subprocess
    import sys
    from conftest import SOURCE_DIR
    expected, expected_stats = cli_stats(corpus, tmp_path)
    out = tmp_path / "out"
    done = subprocess.run(
        [sys.executable, os.path.join(SOURCE_DIR, "examples", "dask_clean.py"), str(corpus),
         str(out), "--workers", "2", "--partition-mb", "0.5"],
        capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    parts = sorted(out.glob("part-*.jsonl"))
    assert len(parts) >= 4
    assert b"".join(p.read_bytes() for p in parts) == expected
    assert counts(json.loads((out / "stats.json").read_text())) == counts(expected_stats)
    assert re.search(rf"^{RECORDS} records, .* records/s, .* MB/s$", done.stdout, re.M)
