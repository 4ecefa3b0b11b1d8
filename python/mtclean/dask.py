"""Clean corpora on a Dask cluster, one :class:`mtclean.Cleaner` per worker process.

mtclean brings no scheduler of its own: these functions turn a Dask Bag or
DataFrame into a cleaned one plus the corpus's aggregated stats, and Dask
(local threads, a ``distributed.LocalCluster`` or a real cluster) runs them::

    import dask.bag as db
    import mtclean.dask

    blocks = mtclean.dask.read_jsonl("corpus/*.jsonl", blocksize="16MiB")
    cleaned = mtclean.dask.clean_bag(blocks, field="text", lang="en")
    written = mtclean.dask.write_partitions(cleaned.records, "out/part-{:05d}.jsonl")
    counts, stats = dask.compute(written, cleaned.stats)

Tasks carry only the Cleaner's options (a small dict). Each worker process
builds its Cleaner the first time a task needs it and keeps it for the
tasks that follow, so rules are compiled once per process, never per record
or per task, and the compiled engine is never pickled. :func:`prepare`
builds them on every worker ahead of the work.

Records given as JSON Lines text are cleaned byte for byte as
``mtclean fix --jsonl`` cleans them; the stats are those its ``--stats`` file
holds (:meth:`mtclean.CorpusStats.to_json`).
"""

from __future__ import annotations

import json
import threading
from typing import Any, Dict, List, NamedTuple, Tuple

import dask
import dask.bag
import dask.dataframe

from . import Cleaner, CorpusStats

__all__ = ["CleanedBag", "CleanedFrame", "batch_config", "clean_bag", "clean_dataframe",
           "clean_to_files", "cleaner_for", "prepare", "read_jsonl", "write_partitions"]


class CleanedBag(NamedTuple):
    """What :func:`clean_bag` returns. Compute what you need of it in one
    call (``dask.compute(records, stats)``, ``client.compute([...])``), with
    :func:`write_partitions` for files, so that each partition is cleaned
    once: Dask optimises Bags apart from Delayed objects, so a Delayed made
    from ``records`` (``to_delayed``, ``to_textfiles(compute=False)``)
    computed beside ``stats`` would clean it again."""

    records: dask.bag.Bag  #: the cleaned records, in input order
    stats: Any  #: a dask.bag.Item of CorpusStats: every partition's counts, merged


class CleanedFrame(NamedTuple):
    """What :func:`clean_dataframe` returns (compute both together)."""

    frame: dask.dataframe.DataFrame  #: the frame with its column cleaned
    stats: Any  #: a Delayed CorpusStats


def batch_config() -> Dict[str, Any]:
    """Dask configuration for a cluster that does batch cleaning, to set
    before its workers start (``with dask.config.set(batch_config()):``).

    Two of Dask's defaults cost mtclean's workers time (measured with
    bench/dask_throughput.sh; README, "Python and Dask"):

    - the nanny starts each worker with ``MALLOC_TRIM_THRESHOLD_=65536``
      (``distributed.nanny.pre-spawn-environ``), which also fixes glibc's
      mmap threshold at 128 KiB, so that every larger buffer is mapped and
      its pages faulted in afresh; this leaves it out, for glibc's own
      adaptive thresholds (as the CLI runs). A nanny started earlier in the
      same process has set the variable in ``os.environ`` too, which its
      workers inherit: remove it there as well.
    - the event loops of the scheduler, nannies and workers wake every 20
      to 100 ms (the tick watchdog, memory monitor, system monitor,
      profiler), about a tenth of a core for each process on a busy
      machine; these wake once a second or two. Memory limits are then
      enforced within a second, and the dashboard's profiles are coarser.
    """
    environ = dict(dask.config.get("distributed.nanny.pre-spawn-environ"))
    environ.pop("MALLOC_TRIM_THRESHOLD_", None)
    return {
        "distributed.nanny.pre-spawn-environ": environ,
        "distributed.admin.tick.interval": "1s",
        "distributed.admin.system-monitor.interval": "2s",
        "distributed.worker.memory.monitor-interval": "1s",
        "distributed.worker.profile.interval": "1s",
        "distributed.worker.profile.cycle": "10s",
    }


_cleaners: Dict[Tuple, Cleaner] = {}
_cleaners_lock = threading.Lock()


def _key(options: Dict[str, Any]) -> Tuple:
    def frozen(value):
        return tuple(value) if isinstance(value, (list, tuple)) else value

    return tuple(sorted((k, frozen(v)) for k, v in options.items()))


def cleaner_for(**options) -> Cleaner:
    """This process's Cleaner for ``options`` (built on first use, then
    kept; threads of one worker share it, as a Cleaner may be shared)."""
    key = _key(options)
    with _cleaners_lock:
        cleaner = _cleaners.get(key)
        if cleaner is None:
            cleaner = Cleaner(**options)
            _cleaners[key] = cleaner
        return cleaner


def prepare(client, **options) -> None:
    """Builds the Cleaner for ``options`` on every worker of ``client`` (a
    ``distributed.Client``) now, so that the first tasks do not wait for
    it; a bad option raises here, once, rather than in every task."""
    client.run(_prepare_here, options)


def _prepare_here(options: Dict[str, Any]) -> None:
    cleaner_for(**options)


def _clean_lines(lines: List[Any], options, corpus) -> Tuple[List[Any], CorpusStats]:
    """One partition of a Bag: JSON Lines text lines (with or without their
    terminators, kept as they were) or dicts (written back as dicts)."""
    cleaner = cleaner_for(**options)
    stats = CorpusStats()
    lines = list(lines)
    if not lines:
        return [], stats
    if isinstance(lines[0], bytes):
        return [
            cleaner.clean_jsonl_block(block, stats=stats, **corpus) for block in lines
        ], stats
    if isinstance(lines[0], dict):
        text = [json.dumps(record, ensure_ascii=False) for record in lines]
        out = cleaner.clean_jsonl(text, stats=stats, **corpus)
        return [json.loads(record) for record in out], stats
    out = cleaner.clean_jsonl(lines, stats=stats, **corpus)
    # clean_jsonl gives every record a terminator; keep the input's shape.
    return [
        cleaned if line.endswith("\n") else cleaned.rstrip("\r\n")
        for line, cleaned in zip(lines, out)
    ], stats


def _one_block(block):
    return [block]


def read_jsonl(urlpath, blocksize="64MiB", **storage_options) -> dask.bag.Bag:
    """A Bag of the JSON Lines files ``urlpath`` (a path, a glob, a list;
    any file system fsspec reads) in blocks of about ``blocksize`` bytes,
    each cut at a line end: one ``bytes`` element per partition, the file's
    bytes as they are. :func:`clean_bag` cleans such blocks with no Python
    object per record (:meth:`Cleaner.clean_jsonl_block`), the fastest way
    through Dask. Uncompressed files only; for gzip or Zstandard ones use
    ``dask.bag.read_text(urlpath, linedelimiter="\\n")``, which decompresses."""
    from dask.bytes import read_bytes

    _, blocks = read_bytes(urlpath, delimiter=b"\n", blocksize=blocksize, sample=False,
                           **storage_options)
    return dask.bag.from_delayed(
        [dask.delayed(_one_block, pure=True)(block) for file in blocks for block in file]
    )


def _clean_partition(lines, index, options, corpus):
    """The task of one partition: [(records, stats)]; `index` is the
    partition's number, in a partition of its own."""
    (number,) = list(index)
    return [_clean_lines(lines, options, dict(corpus, name=f"partition {number}"))]


def _records_of(part):
    return part[0][0]


def _stats_of(part):
    return [part[0][1]]


def _merge(parts) -> CorpusStats:
    total = CorpusStats()
    for part in parts:
        total.merge(part)
    return total


def _first(pair):
    return pair[0]


def _second(pair):
    return pair[1]


def clean_bag(
    bag: dask.bag.Bag,
    field: str = "text",
    *,
    annotate: bool = False,
    skip_bad_records: bool = False,
    **options,
) -> CleanedBag:
    """Cleans a Bag of JSON Lines records: blocks of bytes (as
    :func:`read_jsonl` gives them: the fastest), lines of text (as
    ``dask.bag.read_text`` gives them; pass it ``linedelimiter="\\n"``, or it
    turns ``"\\r\\n"`` into ``"\\n"``) or dicts. The records come back in
    the same shape.

    ``field`` is the string to clean (a dotted path for nested objects),
    ``annotate`` and ``skip_bad_records`` are :meth:`Cleaner.clean_jsonl`'s,
    and ``options`` are :class:`mtclean.Cleaner`'s (``lang``, ``config``,
    ``rules``, ...). A bad record fails its task with ``ValueError``
    (``PARTITION:LINE: bad record: ...``, LINE counted in the partition)
    unless ``skip_bad_records``.
    """
    cleaner_options = dict(options)
    corpus = dict(field=field, annotate=annotate, skip_bad_records=skip_bad_records)
    # One task per partition makes both its records and its stats; the two
    # collections below read them, and being both of the Bag kind they are
    # optimised together by dask.compute, so that task is shared, not run
    # once for each (a Delayed beside a Bag would get a copy of it).
    indices = dask.bag.from_sequence(range(bag.npartitions), npartitions=bag.npartitions)
    parts = bag.map_partitions(_clean_partition, indices, cleaner_options, corpus)
    records = parts.map_partitions(_records_of)
    stats = parts.map_partitions(_stats_of).reduction(_merge, _merge)
    return CleanedBag(records, stats)


def _write_partition(records, index, pattern):
    (number,) = list(index)
    count = 0
    records = list(records)
    if records and isinstance(records[0], bytes):  # blocks of read_jsonl
        with open(pattern.format(number), "wb") as f:
            for block in records:
                f.write(block)
        return [len(records)]
    with open(pattern.format(number), "w", encoding="utf-8", newline="") as f:
        for record in records:
            # Every record ends with its terminator, the corpus's last too.
            f.write(record if record.endswith("\n") else record + "\n")
            count += 1
    return [count]


def write_partitions(records: dask.bag.Bag, pattern: str) -> dask.bag.Bag:
    """Writes each partition of cleaned JSON Lines ``records`` to the file
    ``pattern.format(N)`` (``"out/part-{:05d}.jsonl"``), lazily: returns a
    Bag of one count per partition (of records, or of blocks for a Bag of
    :func:`read_jsonl`). Read in order, the files hold what
    ``mtclean fix --jsonl`` writes for the whole input. Compute it with the
    stats: ``client.compute([written, cleaned.stats])``."""
    indices = dask.bag.from_sequence(range(records.npartitions), npartitions=records.npartitions)
    return records.map_partitions(_write_partition, indices, pattern)


def _clean_and_write(lines, index, options, corpus, pattern):
    index = list(index)  # read twice below
    [(records, stats)] = _clean_partition(lines, index, options, corpus)
    _write_partition(records, index, pattern)
    return [stats]


def clean_to_files(
    bag: dask.bag.Bag,
    pattern: str,
    field: str = "text",
    *,
    annotate: bool = False,
    skip_bad_records: bool = False,
    **options,
) -> Any:
    """:func:`clean_bag` and :func:`write_partitions` in one task per
    partition: each partition is read, cleaned and written to
    ``pattern.format(N)`` by the same task, which keeps only its stats, so
    no cleaned partition waits in a worker's memory for its writer.
    Returns a dask.bag.Item of the corpus's merged CorpusStats; computing
    it does the work."""
    cleaner_options = dict(options)
    corpus = dict(field=field, annotate=annotate, skip_bad_records=skip_bad_records)
    indices = dask.bag.from_sequence(range(bag.npartitions), npartitions=bag.npartitions)
    parts = bag.map_partitions(_clean_and_write, indices, cleaner_options, corpus, pattern)
    return parts.reduction(_merge, _merge)


def _clean_frame(frame, column: str, options) -> Tuple[Any, CorpusStats]:
    """One partition of a DataFrame: its column's strings cleaned (missing
    values are left as they are and not counted)."""
    cleaner = cleaner_for(**options)
    stats = CorpusStats()
    values = frame[column]
    present = values.notna()
    texts = values[present].tolist()
    results = cleaner.clean_batch(texts, jobs=1, stats=stats)
    frame = frame.copy()
    frame.loc[present, column] = [r.text for r in results]
    return frame, stats


def clean_dataframe(df: dask.dataframe.DataFrame, column: str = "text", **options) -> CleanedFrame:
    """Cleans the strings of ``column`` in every partition of ``df``;
    ``options`` are :class:`mtclean.Cleaner`'s. The other columns, the index
    and the divisions are kept."""
    if column not in df.columns:
        raise KeyError(f"no column {column!r} in the DataFrame")
    cleaner_options = dict(options)
    parts = [
        dask.delayed(_clean_frame, pure=True)(partition, column, cleaner_options)
        for partition in df.to_delayed()
    ]
    frame = dask.dataframe.from_delayed(
        [dask.delayed(_first, pure=True)(p) for p in parts], meta=df._meta, divisions=df.divisions
    )
    stats = dask.delayed(_merge, pure=True)([dask.delayed(_second, pure=True)(p) for p in parts])
    return CleanedFrame(frame, stats)
