"""The distributed engine gives the single-process result; runs resume; PostgreSQL holds the same."""

from __future__ import annotations

import os
import shutil

import pytest

from newsprism.ingest import expand_paths
from newsprism.pipeline import run_analysis
from newsprism.scale import DaskOptions, partition_inputs, run_distributed
from newsprism.scale.engine import _client
from newsprism.store import Database
from samples import EXAMPLES, SEEDS

# Small partitions, so that the examples span several and cross-partition merging is exercised.
SMALL = DaskOptions(workers=2, partition_files=3)


def _inputs(tmp_path):
    """The examples plus, where available, the two seed articles (noisy: repairs, glued names)."""
    folder = tmp_path / "in"
    shutil.copytree(EXAMPLES, folder / "examples")
    if SEEDS.is_dir():
        shutil.copytree(SEEDS, folder / "seeds")
    return folder


def _state(target: str) -> dict:
    """Everything stored: the corpus document and the embeddings."""
    with Database(target) as database:
        state = database.corpus().to_dict()
        state["vectors"] = {i: (row["story"], row["sentences"]) for i, row in database.vectors().items()}
    return state


@pytest.fixture(scope="module")
def single(tmp_path_factory):
    """The examples analysed by the single-process engine: (inputs, database)."""
    folder = tmp_path_factory.mktemp("single")
    inputs = _inputs(folder)
    db = str(folder / "single.db")
    run_analysis([inputs], db=db)
    return inputs, db


def test_dask_engine_stores_what_the_single_process_engine_stores(single, tmp_path):
    inputs, single_db = single
    analysis = run_distributed([inputs], db=str(tmp_path / "dask.db"), dask=SMALL)
    expected, got = _state(single_db), _state(str(tmp_path / "dask.db"))
    assert len(got["articles"]) >= 15 and len(got["stories"]) >= 3
    for part in ("articles", "actors", "stories", "errors", "vectors"):
        assert got[part] == expected[part], part
    assert len(analysis.new_ids) == len(got["articles"])


def test_an_interrupted_run_resumes_to_the_same_result(single, tmp_path):
    """A run killed after its first partitions were stored, then run again: no duplicates, and the
    database a clean run gives."""
    inputs, single_db = single
    target = str(tmp_path / "resumed.db")
    items, _ = expand_paths([str(inputs)])
    first = partition_inputs(items, SMALL.partition_bytes, SMALL.partition_files)[:2]
    run_distributed([item.display for part in first for item in part], db=target, dask=SMALL)
    again = run_distributed([inputs], db=target, dask=SMALL)
    assert 0 < len(again.new_ids) < len(again.article_ids)
    expected, got = _state(single_db), _state(target)
    for part in ("articles", "actors", "stories", "vectors"):
        assert got[part] == expected[part], part


def test_partitions_keep_input_order_and_bounds(tmp_path):
    for n, size in enumerate([10, 10, 50, 10, 10, 10]):
        (tmp_path / f"{n}.txt").write_text("x" * size)
    items, _ = expand_paths([str(tmp_path)])
    parts = partition_inputs(items, max_bytes=25, max_files=2)
    assert [[item.fs_path.name for item in part] for part in parts] == [
        ["0.txt", "1.txt"],
        ["2.txt"],
        ["3.txt", "4.txt"],
        ["5.txt"],
    ]


def test_postgresql_stores_what_sqlite_stores(single, postgres_url):
    from postgres import fresh_database

    inputs, single_db = single
    target = fresh_database(postgres_url)
    run_analysis([inputs], db=target)
    expected, got = _state(single_db), _state(target)
    for part in ("articles", "actors", "stories", "errors", "vectors"):
        assert got[part] == expected[part], part
    with Database(target) as database:
        assert {hit.kind for hit in database.search("Rothkegel")} >= {"actor", "article", "quote"}


def test_local_workers_keep_glibc_memory_defaults_and_one_blas_thread():
    """Dask's default MALLOC_TRIM_THRESHOLD_ made workers a quarter slower than one process."""
    client = _client(DaskOptions(workers=1))
    try:
        [environment] = client.run(
            lambda: {name: os.environ.get(name) for name in ("MALLOC_TRIM_THRESHOLD_", "OPENBLAS_NUM_THREADS")}
        ).values()
    finally:
        cluster = client.cluster
        client.close()
        cluster.close()
    assert environment == {"MALLOC_TRIM_THRESHOLD_": None, "OPENBLAS_NUM_THREADS": "1"}
