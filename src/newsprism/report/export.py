"""Write the corpus: one JSON document, or flat tables as JSONL, Parquet or CSV files."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

from newsprism.model import Corpus
from newsprism.report.tables import corpus_tables

FORMATS = ("json", "jsonl", "parquet", "csv")


def format_for(path: Path) -> str:
    suffix = path.suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise ValueError(f"cannot tell the export format of {path}: use one of .{', .'.join(FORMATS)}")
    return suffix


def _atomic_write(path: Path, write: Callable[[Path], object]) -> None:
    """Write to a temporary file and rename, so a crash never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    write(temporary)
    temporary.replace(path)


def table_path(path: Path, table: str) -> Path:
    """``out/analysis.parquet`` + ``articles`` → ``out/analysis.articles.parquet``."""
    return path.with_name(f"{path.stem}.{table}{path.suffix}")


def _csv_ready(table: pa.Table) -> pa.Table:
    """CSV has no lists: list columns become JSON arrays in a string column."""
    for index, column in enumerate(table.schema):
        if pa.types.is_list(column.type):
            values = [json.dumps(value, ensure_ascii=False) for value in table.column(index).to_pylist()]
            table = table.set_column(index, column.name, pa.array(values, pa.string()))
    return table


def _write_jsonl(table: pa.Table, path: Path) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for row in table.to_pylist():
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


def write_export(corpus: Corpus, path: str | Path, fmt: str | None = None) -> list[Path]:
    """Write ``corpus`` to ``path`` and return the files written."""
    path = Path(path)
    fmt = fmt or format_for(path)
    if fmt == "json":
        document = json.dumps(corpus.to_dict(), ensure_ascii=False, indent=1)
        _atomic_write(path, lambda target: target.write_text(document + "\n", encoding="utf-8"))
        return [path]
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    written = []
    for name, table in corpus_tables(corpus).items():
        target = table_path(path.with_suffix(f".{fmt}"), name)
        if fmt == "parquet":
            _atomic_write(target, lambda tmp, table=table: pq.write_table(table, tmp))
        elif fmt == "csv":
            _atomic_write(target, lambda tmp, table=table: pa_csv.write_csv(_csv_ready(table), tmp))
        else:
            _atomic_write(target, lambda tmp, table=table: _write_jsonl(table, tmp))
        written.append(target)
    return written
