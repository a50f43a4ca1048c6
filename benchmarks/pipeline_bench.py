"""Throughput and memory of ``newsprism analyze`` on a generated corpus.

Usage: ``python benchmarks/pipeline_bench.py [--sizes 100 1000 10000] [--format text|jsonl]``

Each size runs in a fresh subprocess (so peak RSS is that run's alone) on a fresh SQLite database.
The corpus is generated: German and English news-like articles of ~250 words with invented names,
places and numbers, one file per article (``text``) or one JSONL file (``jsonl``).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

_DE_SENTENCES = [
    "{person} sagte am {weekday} in {city}, die Regierung werde {number} Millionen Euro bereitstellen.",
    "Nach Angaben der Polizei wurden {number} Menschen in Sicherheit gebracht.",
    "Die Opposition kritisierte das Vorgehen von {person} als überstürzt.",
    "„Wir stehen erst am Anfang“, erklärte {person} vor Journalisten in {city}.",
    "Das Treffen in {city} soll am {weekday} fortgesetzt werden.",
    "Beobachter rechnen nicht mit einer schnellen Einigung zwischen beiden Seiten.",
]
_EN_SENTENCES = [
    "{person} said on {weekday} in {city} that the government would provide {number} million euros.",
    "According to the police, {number} people were brought to safety.",
    "The opposition criticised {person}'s approach as rushed.",
    '"We are only at the beginning," {person} told reporters in {city}.',
    "The meeting in {city} is due to continue on {weekday}.",
    "Observers do not expect a quick agreement between the two sides.",
]
_PEOPLE = ["Karla Brenner", "Jonas Wiik", "Mira Osterkamp", "Tomasz Reiter", "Lena Hoyer", "Aino Heikura"]
_CITIES = ["Hamburg", "Danzig", "Meißen", "Rostock", "Kiel", "Bremen"]
_WEEKDAYS = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag"]
_SOURCES = ["Nordkurier Online", "Rheinische Abendpost", "The Harbour Times", "Continental Wire"]


def _article(rng: random.Random, index: int) -> dict[str, str]:
    german = rng.random() < 0.6
    sentences = _DE_SENTENCES if german else _EN_SENTENCES
    paragraphs = []
    for _ in range(5):
        paragraphs.append(
            " ".join(
                rng.choice(sentences).format(
                    person=rng.choice(_PEOPLE),
                    city=rng.choice(_CITIES),
                    weekday=rng.choice(_WEEKDAYS),
                    number=rng.randint(2, 9000),
                )
                for _ in range(4)
            )
        )
    return {
        "id": f"bench-{index}",
        "title": f"{'Meldung' if german else 'Report'} {index}: {rng.choice(_CITIES)}",
        "text": "\n\n".join(paragraphs),
        "source": rng.choice(_SOURCES),
        "published": f"2026-11-{rng.randint(1, 28):02d}",
    }


def generate(directory: Path, size: int, fmt: str, seed: int = 7) -> int:
    """Write ``size`` articles under ``directory``; return the number of words."""
    rng = random.Random(seed)
    articles = [_article(rng, index) for index in range(size)]
    if fmt == "jsonl":
        with (directory / "corpus.jsonl").open("w", encoding="utf-8") as handle:
            for article in articles:
                handle.write(json.dumps(article, ensure_ascii=False) + "\n")
    else:
        for article in articles:
            header = f"Quelle: {article['source']}\nDatum: {article['published']}\n\n{article['title']}\n\n"
            (directory / f"{article['id']}.txt").write_text(header + article["text"], encoding="utf-8")
    return sum(len(article["text"].split()) for article in articles)


def run_one(size: int, fmt: str) -> dict[str, float]:
    """One measured run (called in a subprocess)."""
    from newsprism.pipeline import run_analysis

    with tempfile.TemporaryDirectory() as temporary:
        corpus_dir = Path(temporary) / "corpus"
        corpus_dir.mkdir()
        words = generate(corpus_dir, size, fmt)
        start, cpu_start = time.perf_counter(), time.process_time()
        analysis = run_analysis([corpus_dir], db=Path(temporary) / "bench.db")
        seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu_start
        articles = len(analysis.article_ids)
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "size": size,
        "articles": articles,
        "seconds": seconds,
        "articles_per_s": articles / seconds,
        "articles_per_cpu_s": articles / cpu_seconds,
        "words_per_s": words / seconds,
        "peak_mib": peak_kib / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--format", choices=["text", "jsonl"], default="text")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_one(args.child, args.format)))
        return
    rows = []
    for size in args.sizes:
        command = [sys.executable, __file__, "--child", str(size), "--format", args.format]
        output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        rows.append(json.loads(output.strip().splitlines()[-1]))
    print(f"newsprism pipeline benchmark ({args.format} inputs, one process = one core)")
    print("  per CPU second: this process's CPU time, the per-core figure on a machine shared with other work")
    print(f"{'articles':>9} {'seconds':>9} {'articles/s':>11} {'per CPU s':>10} {'words/s':>10} {'peak MiB':>9}")
    for row in rows:
        print(
            f"{row['articles']:>9} {row['seconds']:>9.2f} {row['articles_per_s']:>11.1f}"
            f" {row['articles_per_cpu_s']:>10.1f}"
            f" {row['words_per_s']:>10.0f} {row['peak_mib']:>9.0f}"
        )


if __name__ == "__main__":
    main()
