#!/usr/bin/env python3
"""Cleans a JSON Lines corpus on a Dask LocalCluster of worker processes.

    examples/dask_clean.py CORPUS.jsonl OUT_DIR [--workers 2] [--partition-mb N]
                           [--field text] [--lang auto] [--annotate]

The corpus is read in blocks of whole records (about --partition-mb each),
each cleaned and written by one task (mtclean.dask.clean_to_files) with the
mtclean.Cleaner of the worker process it lands on (one per process, built
before the work starts). OUT_DIR receives part-00000.jsonl, ... (in
order: `cat OUT_DIR/part-*.jsonl` is what `mtclean fix --jsonl CORPUS` writes)
and stats.json (what `--stats` writes). Dask's progress bar shows the work;
the last lines give records/s and MB/s of the cleaning, the cluster's start
not counted. The cluster listens on 127.0.0.1 only.

The cluster runs with mtclean.dask.batch_config(): its workers start
without Dask's MALLOC_TRIM_THRESHOLD_ and its event loops wake less often
(see its docstring; together 10 to 25 % of the cleaning's time on two
cores); --dask-defaults keeps Dask's own configuration.
"""

import argparse
import os
import sys
import time

import dask
from distributed import Client, LocalCluster, progress

import mtclean.dask


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus")
    parser.add_argument("out_dir")
    parser.add_argument("--workers", type=int, default=2, help="worker processes")
    parser.add_argument("--partition-mb", type=float, default=0,
                        help="partition size (default: a sixteenth of the corpus per "
                             "worker, between 1 and 64 MB)")
    parser.add_argument("--field", default="text")
    parser.add_argument("--lang", default="auto")
    parser.add_argument("--annotate", action="store_true")
    parser.add_argument("--dask-defaults", action="store_true",
                        help="run the cluster with Dask's configuration, not batch_config()")
    args = parser.parse_args()

    os.makedirs(args.out_dir, exist_ok=True)
    size = os.path.getsize(args.corpus)
    # Several partitions a worker, so that none waits for the last one.
    partition_bytes = int(args.partition_mb * 1e6) or int(
        min(64e6, max(1e6, size / (16 * args.workers))))
    config = {} if args.dask_defaults else mtclean.dask.batch_config()
    started = time.perf_counter()
    with dask.config.set(config), \
            LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                      host="127.0.0.1", scheduler_port=0, dashboard_address="127.0.0.1:0",
                      silence_logs=40) as cluster, Client(cluster) as client:
        options = {"lang": args.lang}
        mtclean.dask.prepare(client, **options)
        ready = time.perf_counter()

        # Blocks of whole records, as bytes: no Python object per record.
        blocks = mtclean.dask.read_jsonl(args.corpus, blocksize=partition_bytes)
        stats_item = mtclean.dask.clean_to_files(
            blocks, os.path.join(args.out_dir, "part-{:05d}.jsonl"), field=args.field,
            annotate=args.annotate, **options)
        future = client.compute(stats_item)
        progress(future)
        stats = future.result()
        seconds = time.perf_counter() - ready

    with open(os.path.join(args.out_dir, "stats.json"), "w", encoding="utf-8") as f:
        f.write(stats.to_json(inputs=1, jobs=args.workers, seconds=seconds))
    records = stats.documents + stats.bad_records
    print(file=sys.stderr)
    print(f"{records} records, {size / 1e6:.1f} MB in {seconds:.2f} s "
          f"(cluster start {ready - started:.2f} s): "
          f"{records / seconds:.0f} records/s, {size / 1e6 / seconds:.2f} MB/s")


if __name__ == "__main__":
    main()
