"""Scaling of the distributed engine: articles/s with 1 and 2 Dask workers on a generated corpus.

Usage: ``python benchmarks/scale_bench.py [--articles 5000] [--workers 1 2] [--single]``

The corpus is generated from the bundled examples: each article is one example with its
paragraphs shuffled, its numbers changed and a serial in its first line, so every article is new
(no near-duplicate shortcuts) and the NLP load is that of real news text. Articles are written as
JSONL files of 50 lines. Each run starts from an empty SQLite database and runs the full pipeline
(ingest, repair, NER, linking, quotes, events, embeddings, storage, then stories and facts).
``--single`` adds the single-process engine for comparison. Prints articles/s for the whole run and
for the per-article phase (until the last partition is stored), and the scaling efficiency
throughput(N) / (N × throughput(1)).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import tempfile
import time
from pathlib import Path

from newsprism.ingest import expand_paths, read_input
from newsprism.pipeline import ingest_options, run_analysis
from newsprism.scale import DaskOptions, run_distributed

ROOT = Path(__file__).resolve().parents[1]
PER_FILE = 50


def generate(folder: Path, count: int, seed: int = 11) -> None:
    rng = random.Random(seed)
    items, _ = expand_paths([str(ROOT / "examples")])
    options = ingest_options()
    documents = [doc for item in items for doc in read_input(item, options) if hasattr(doc, "raw_text")]
    folder.mkdir(parents=True, exist_ok=True)
    for start in range(0, count, PER_FILE):
        lines = []
        for number in range(start, min(start + PER_FILE, count)):
            base = rng.choice(documents)
            paragraphs = base.raw_text.split("\n\n")
            head, rest = paragraphs[0], paragraphs[1:]
            rng.shuffle(rest)
            text = "\n\n".join([f"{head} ({number})", *rest])
            text = re.sub(r"\d+", lambda m: str(int(m.group()) + rng.randint(0, 9)), text)
            lines.append(
                json.dumps(
                    {
                        "title": f"{base.title} #{number}",
                        "text": text,
                        "source": f"{base.source} {number % 17}",
                        "published": base.published,
                        "language": base.language,
                    },
                    ensure_ascii=False,
                )
            )
        (folder / f"part-{start // PER_FILE:05d}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


class _Clock:
    """Progress callback: notes when the last input was stored (end of the per-article phase)."""

    def __init__(self) -> None:
        self.total = 0
        self.done = 0
        self.last = 0.0

    def start(self, total: int) -> None:
        self.total = total

    def advance(self, label: str) -> None:
        self.done += 1
        self.last = time.perf_counter()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--single", action="store_true", help="also run the single-process engine")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus"
        generate(corpus, options.articles)
        runs = [("single process", None)] if options.single else []
        runs += [(f"dask, {n} worker{'s' if n > 1 else ''}", n) for n in options.workers]
        rates: dict[int, float] = {}
        print(f"{options.articles} generated articles in {options.articles // PER_FILE} JSONL files\n")
        print(f"{'engine':20} {'total s':>8} {'articles/s':>11} {'per-article phase s':>20} {'articles/s':>11}")
        for name, workers in runs:
            target = str(Path(folder) / f"run-{workers}.db")
            clock = _Clock()
            began = time.perf_counter()
            if workers is None:
                run_analysis([corpus], db=target, progress=clock)
            else:
                run_distributed(
                    [corpus], db=target, progress=clock, dask=DaskOptions(workers=workers, partition_files=2)
                )
            total = time.perf_counter() - began
            phase = clock.last - began
            rate = options.articles / phase
            if workers is not None:
                rates[workers] = rate
            print(f"{name:20} {total:8.0f} {options.articles / total:11.1f} {phase:20.0f} {rate:11.1f}")
        if 1 in rates:
            for workers, rate in sorted(rates.items()):
                if workers > 1:
                    print(f"\nscaling efficiency at {workers} workers: {rate / (workers * rates[1]):.2f}")


if __name__ == "__main__":
    main()
