"""Reliability: a hostile corpus is processed with every bad input reported and memory bounded;
``kill -9`` at random points loses nothing and leaves no half-written article."""

from __future__ import annotations

import os
import random
import resource
import shutil
import signal
import subprocess
import sys
import time

import pytest
import sqlalchemy as sa

from hostile_corpus import build
from newsprism.pipeline import run_analysis
from newsprism.store import Database
from samples import EXAMPLES

MEMORY_CEILING_MB = 3000


def _analyze(*arguments: str) -> subprocess.Popen:
    command = [sys.executable, "-m", "newsprism", "analyze", "--quiet", *arguments]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _state(target: str) -> dict:
    with Database(target) as database:
        state = database.corpus().to_dict()
        state["vectors"] = {i: (row["story"], row["sentences"]) for i, row in database.vectors().items()}
        with database.engine.connect() as connection:  # the full-text index, row by row
            state["search"] = sorted(tuple(row) for row in connection.execute(sa.text("SELECT kind, ref FROM search")))
    return state


def test_hostile_corpus_every_good_article_stored_every_bad_input_reported(tmp_path):
    corpus = build(tmp_path / "korpus", good=1000)
    db = str(tmp_path / "np.db")
    began = time.monotonic()
    process = _analyze(str(corpus.folder), "--db", db)
    _, stderr = process.communicate(timeout=900)
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"hostile corpus: {corpus.good} good articles in {time.monotonic() - began:.0f} s, peak {peak_mb:.0f} MB")
    assert process.returncode == 0, stderr.decode()[-2000:]
    with Database(db) as database:
        assert database.count_articles() == corpus.good
        errors = {error.path: error.reason for error in database.errors()}
    for path, reason in corpus.bad.items():
        found = [why for where, why in errors.items() if where == path or where.startswith((path + ":", path + "#"))]
        assert found, f"{path} not reported: {errors}"
        assert reason.lower() in found[0].lower(), (path, found)
    assert peak_mb < MEMORY_CEILING_MB


@pytest.fixture
def small_corpus(tmp_path):
    """The examples plus 24 short generated articles: enough batches of 4 to be killed between."""
    folder = tmp_path / "in"
    shutil.copytree(EXAMPLES, folder / "examples")
    build(folder / "generated", good=24, huge_mb=1)
    shutil.rmtree(folder / "generated" / "kaputt ä")
    return folder


def test_kill_9_at_random_points_then_rerun_equals_a_clean_run(small_corpus, tmp_path):
    clean = str(tmp_path / "clean.db")
    run_analysis([small_corpus], db=clean, batch_size=4)
    crashed = str(tmp_path / "crashed.db")
    rng = random.Random(int(os.environ.get("NEWSPRISM_CRASH_SEED", "3")))
    killed = 0
    for _ in range(3):
        process = _analyze(str(small_corpus), "--db", crashed, "--batch-size", "4")
        time.sleep(rng.uniform(3.0, 12.0))
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            killed += 1
        process.wait(timeout=60)
    finished = _analyze(str(small_corpus), "--db", crashed, "--batch-size", "4")
    assert finished.wait(timeout=600) == 0
    assert killed >= 1
    expected, got = _state(clean), _state(crashed)
    for part in ("articles", "actors", "stories", "errors", "vectors", "search"):
        assert got[part] == expected[part], part
    with Database(crashed) as database:  # every stored article is whole: vectors and search rows too
        ids = {article["id"] for article in got["articles"]}
        assert set(database.vectors(sentences=False)) == ids
        assert {ref.split("#")[0] for kind, ref in got["search"] if kind != "actor"} == ids
