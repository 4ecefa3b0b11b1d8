"""The README's Python, Dask and GNU parallel examples run as written."""

import os
import re
import subprocess

import pytest

from conftest import BINARY, SOURCE_DIR, cli_env, generated_corpus, run_cli


def readme():
    with open(os.path.join(SOURCE_DIR, "README.md"), encoding="utf-8") as f:
        return f.read()


def readme_block(name):
    """The ```python block after `<!-- tested by tests/python/test_readme.py: NAME -->`."""
    match = re.search(r"<!-- tested by tests/python/test_readme.py: " + name +
                      r" -->\n```python\n(.*?)```", readme(), re.S)
    assert match, f"no README block {name}"
    return match.group(1)


@pytest.fixture
def corpus_dir(tmp_path, monkeypatch):
    (tmp_path / "corpus.jsonl").write_bytes(generated_corpus(400).encode())
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_api_example(corpus_dir):
    scope = {}
    exec(compile(readme_block("api"), "README.md:api", "exec"), scope)
    # The example's Cleaner is told lang="en".
    expected = run_cli(["fix", "--jsonl", "--lang", "en", "corpus.jsonl"], cwd=corpus_dir)
    assert "".join(scope["lines"]).encode() == expected
    assert len(scope["results"]) == 100


def test_dask_example(corpus_dir):
    scope = {}
    exec(compile(readme_block("dask"), "README.md:dask", "exec"), scope)
    expected = run_cli(["fix", "--jsonl", "--stats", "cli-stats.json", "corpus.jsonl"],
                       cwd=corpus_dir)
    files = sorted(corpus_dir.glob("clean-*.jsonl"))
    assert b"".join(f.read_bytes() for f in files) == expected
    assert "".join(scope["records"]).encode() + b"\n" == expected
    import json
    mine = json.loads((corpus_dir / "stats.json").read_text())
    cli = json.loads((corpus_dir / "cli-stats.json").read_text())
    for volatile in ("seconds", "mb_per_s", "jobs"):
        mine.pop(volatile)
        cli.pop(volatile)
    assert mine == cli


def test_batch_config_reaches_the_workers():
    import copy

    import dask
    from distributed import Client, LocalCluster

    scope = {}
    key = "distributed.nanny.pre-spawn-environ"
    saved_config = copy.deepcopy(dask.config.get("distributed"))
    saved_environ = os.environ.get("MALLOC_TRIM_THRESHOLD_")
    try:
        exec(compile(readme_block("config"), "README.md:config", "exec"), scope)
        assert "MALLOC_TRIM_THRESHOLD_" not in dask.config.get(key)
        with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, host="127.0.0.1",
                          dashboard_address="127.0.0.1:0") as cluster, Client(cluster) as client:
            [seen] = client.run(lambda: os.environ.get("MALLOC_TRIM_THRESHOLD_")).values()
            [tick] = client.run(
                lambda: dask.config.get("distributed.admin.tick.interval")).values()
    finally:
        dask.config.set({"distributed": saved_config})
        if saved_environ is not None:
            os.environ["MALLOC_TRIM_THRESHOLD_"] = saved_environ
    assert seen is None
    assert tick == "1s"  # the worker runs with the client's configuration


def test_gnu_parallel_command(corpus_dir):
    command = re.search(r"^    (parallel --pipe .*)$", readme(), re.M).group(1)
    env = cli_env(PATH=os.path.dirname(BINARY) + os.pathsep + os.environ["PATH"])
    os.rename("corpus.jsonl", "crawl.jsonl")
    expected = run_cli(["fix", "--jsonl", "crawl.jsonl"], cwd=corpus_dir)
    # As written (one block for this small corpus), then in blocks of 100 KB
    # on several jobs: the order is kept.
    for variant in (command, command.replace("--block 16M", "--block 100k -j 3")):
        subprocess.run(variant, shell=True, env=env, cwd=corpus_dir, check=True, timeout=600,
                       stdin=subprocess.DEVNULL, capture_output=True)
        assert (corpus_dir / "clean.jsonl").read_bytes() == expected, variant
