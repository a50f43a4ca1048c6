"""The distributed engine: the per-article stages in Dask tasks over partitions of the input, the
corpus-level stages (actor merging, near-duplicates, stories, facts) in this process after.

Two tasks per partition. ``read_partition`` reads its inputs and collects the names its documents
teach the repair stage; ``analyse_partition`` repairs, parses, links and extracts, given the names
of every earlier partition, so the result is the single-process run's (a test compares them).
Partitions are stored as they complete, in input order; at most ``window`` are in flight, so
memory is bounded by the window, not by the corpus. Stored articles are skipped by id, so a
re-run after a crash resumes where the stored partitions end.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsprism.ingest import DEFAULT_MAX_BYTES, InputFile, expand_paths
from newsprism.pipeline import (
    Analysis,
    PartitionResult,
    Progress,
    analyse_partition,
    finish_run,
    ingest_options,
    load_knowledge,
    read_partition,
    start_writer,
)
from newsprism.store import Database, default_target

PARTITION_BYTES = 4_000_000
PARTITION_FILES = 50
# Dask starts workers with MALLOC_TRIM_THRESHOLD_ set; a fixed trim threshold also fixes glibc's
# mmap threshold, so every numpy temporary above 128 KiB is mapped and faulted in afresh, which
# made a worker 26 % slower than one process (docs/benchmarks.md, "Scaling"). None unsets it.
KEEP_MALLOC_DEFAULTS = {"MALLOC_TRIM_THRESHOLD_": None}


@dataclass(slots=True)
class DaskOptions:
    """Where the work runs: ``scheduler`` an address (``tcp://host:8786``) or None for a local
    cluster of ``workers`` processes; ``window`` partitions in flight (default 2 per worker)."""

    scheduler: str | None = None
    workers: int | None = None
    window: int | None = None
    partition_bytes: int = PARTITION_BYTES
    partition_files: int = PARTITION_FILES


def partition_inputs(inputs: list[InputFile], max_bytes: int, max_files: int) -> list[list[InputFile]]:
    """Consecutive runs of inputs, each up to ``max_bytes`` on disk or ``max_files`` files (a
    larger file is a partition of its own). Order is kept: partition order is input order."""
    partitions: list[list[InputFile]] = []
    current: list[InputFile] = []
    size = 0
    for item in inputs:
        item_size = item.fs_path.stat().st_size if item.fs_path and item.fs_path.is_file() else 0
        if current and (size + item_size > max_bytes or len(current) >= max_files):
            partitions.append(current)
            current, size = [], 0
        current.append(item)
        size += item_size
    if current:
        partitions.append(current)
    return partitions


def _client(options: DaskOptions) -> Any:
    import dask
    from dask.distributed import Client, LocalCluster

    if options.scheduler:
        return Client(options.scheduler)
    workers = options.workers or max(1, min(4, os.cpu_count() or 1))
    environment = {**dask.config.get("distributed.nanny.pre-spawn-environ"), **KEEP_MALLOC_DEFAULTS}
    with dask.config.set({"distributed.nanny.pre-spawn-environ": environment}):
        cluster = LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
        )
    return Client(cluster)


def _in_order(
    client: Any, partitions: list[list[InputFile]], arguments: dict[str, Any], window: int
) -> Iterator[PartitionResult]:
    """Read ahead, analyse each partition with the names of every earlier one, keep ``window``
    analyses in flight, and yield results in input order.

    A read comes back to this process and goes out again inside its analysis task, so the
    scheduler gives the analysis to whichever worker is free instead of the one that read it (with
    the data left on the reading worker, one worker ended up with most of the work). Reads have
    priority: they are short, and the next analysis waits on them."""
    names_before: frozenset[str] = frozenset()
    reads: dict[int, Any] = {}
    analyses: dict[int, Any] = {}
    next_read = next_analysis = 0
    for index in range(len(partitions)):
        while next_read < len(partitions) and next_read <= index + window:
            reads[next_read] = client.submit(
                read_partition, next_read, partitions[next_read], arguments["options"], pure=False, priority=1
            )
            next_read += 1
        while next_analysis < len(partitions) and next_analysis < index + window:
            read = reads.pop(next_analysis).result()
            analyses[next_analysis] = client.submit(
                analyse_partition, read, names_before, arguments["db"], arguments["actors"], arguments["kb"], pure=False
            )
            names_before = names_before | frozenset(read.names)
            next_analysis += 1
        yield analyses.pop(index).result()


def run_distributed(
    paths: Iterable[str | Path],
    db: str | Path | None = None,
    published: str | None = None,
    source: str | None = None,
    fields: dict[str, str] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Progress | None = None,
    kb: Iterable[str | Path] = (),
    dask: DaskOptions | None = None,
) -> Analysis:
    """``run_analysis`` on a Dask cluster: the same inputs give the same database."""
    dask = dask or DaskOptions()
    options = ingest_options(published, source, fields, max_bytes)
    kb_paths = tuple(str(path) for path in kb)
    knowledge = load_knowledge(kb_paths)
    inputs, errors = expand_paths([str(path) for path in paths])
    partitions = partition_inputs(inputs, dask.partition_bytes, dask.partition_files)
    target = str(db or default_target())
    analysis = Analysis(target, files=len(inputs), errors=list(errors))
    if progress is not None:
        progress.start(len(inputs))
    with Database(target) as database:
        writer, baseline = start_writer(database, knowledge, errors)
        arguments = {"options": options, "db": target, "actors": list(baseline.values()), "kb": kb_paths}
        seen: set[str] = set()
        if partitions:
            client = _client(dask)
            try:
                window = dask.window or 2 * max(1, len(client.scheduler_info()["workers"]))
                for result in _in_order(client, partitions, arguments, window):
                    writer.store_partition(result, baseline, seen, analysis)
                    if progress is not None:
                        for display in result.rereads:
                            progress.advance(display)
            finally:
                cluster = client.cluster
                client.close()
                if cluster is not None and not dask.scheduler:
                    cluster.close()
        writer.flush()
        finish_run(database, analysis)
    return analysis
