"""Shared fixtures: write an input and read it, analyse a small invented corpus, the CLI runner."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsprism.ingest import IngestOptions, InputFile, read_input
from newsprism.model import Article, IngestError, RawDocument
from newsprism.pipeline import Analysis, run_analysis
from postgres import fresh_database, postgres_server
from samples import EXAMPLES, SEEDS

# The tests choose the NER mode themselves, whatever the shell running them has set.
os.environ.pop("NEWSPRISM_NER", None)


@dataclass
class Results:
    """What ``read_input`` gave for one input, split into articles and errors."""

    path: Path
    items: list[RawDocument | IngestError] = field(default_factory=list)

    @property
    def docs(self) -> list[RawDocument]:
        return [item for item in self.items if isinstance(item, RawDocument)]

    @property
    def errors(self) -> list[IngestError]:
        return [item for item in self.items if isinstance(item, IngestError)]

    @property
    def doc(self) -> RawDocument:
        """The single article, asserting there is exactly one and nothing went wrong."""
        assert self.errors == [], self.errors
        assert len(self.docs) == 1, self.docs
        return self.docs[0]


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


@pytest.fixture
def inputs_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "inputs"
    folder.mkdir()
    return folder


@pytest.fixture
def read_file(inputs_dir: Path) -> Callable[..., Results]:
    """``read_file("a.txt", data, max_bytes=..., source=...)``: write the file, run ``read_input`` on it."""

    def _read(name: str, data: str | bytes, **options: object) -> Results:
        path = write(inputs_dir / name, data)
        results = list(read_input(InputFile(str(path), path), IngestOptions(**options)))
        return Results(path, results)

    return _read


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "db" / "newsprism.db"


@pytest.fixture
def analyze_files(inputs_dir: Path, db_path: Path) -> Callable[..., Analysis]:
    """``analyze_files({"a.txt": text, ...}, published=...)``: write the files, analyse the folder."""

    def _analyze(files: dict[str, str | bytes], **options: object) -> Analysis:
        for name, data in files.items():
            write(inputs_dir / name, data)
        return run_analysis([inputs_dir], db=db_path, **options)

    return _analyze


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner(env={"COLUMNS": "200", "NEWSPRISM_DB": None, "NEWSPRISM_NER": None, "NO_COLOR": "1"})


@pytest.fixture
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"seed articles not available at {SEEDS}")
    return SEEDS


@pytest.fixture(scope="session")
def analysed_seeds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Article]:
    """The two seed articles, analysed once with ``--published 2025-05-14``, by file prefix."""
    if not SEEDS.is_dir():
        pytest.skip(f"seed articles not available at {SEEDS}")
    corpus = run_analysis([SEEDS], db=tmp_path_factory.mktemp("seeds") / "s.db", published="2025-05-14").corpus
    return {Path(article.path).name[:3]: article for article in corpus.articles}


SCRIPT_PAYLOAD = "<script>alert(1)</script>"
IMG_PAYLOAD = "<img src=x onerror=alert(1)>"


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled examples plus one hostile article (script and onerror payloads in its title,
    source and text), analysed once: the database the web tests browse."""
    folder = tmp_path_factory.mktemp("web")
    hostile = {
        "title": f"Hafen {SCRIPT_PAYLOAD} Titel {IMG_PAYLOAD}",
        "source": f"Quelle {IMG_PAYLOAD}",
        "url": "javascript:alert(1)",
        "published": "2026-11-20",
        "language": "de",
        "text": f"Olaf Scholz sagte am Montag in Berlin {SCRIPT_PAYLOAD}: „Wir bleiben {IMG_PAYLOAD} dabei.“",
    }
    (folder / "hostile.json").write_text(json.dumps(hostile), encoding="utf-8")
    db = folder / "web.db"
    run_analysis([EXAMPLES, folder / "hostile.json"], db=db)
    return db


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A throwaway PostgreSQL server for the session (skipped where PostgreSQL is not installed)."""
    with postgres_server() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def db_target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database on each backend: a SQLite file, or a new PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "np.db")
    return fresh_database(request.getfixturevalue("postgres_url"))
