"""Web app speed on a database of 10,000 generated articles: requests/s and latency percentiles of
the story page, the stories API, an actor page and full-text search, on loopback.

Usage: ``python benchmarks/web_bench.py [--articles 10000] [--seconds 8] [--clients 4]``

The articles are generated straight into the database (with entities, quotes, events, stories and
facts shaped like the pipeline's), because analysing 10,000 articles would take a quarter of an
hour and measure the pipeline, not the web app. The server runs in its own process (uvicorn, one
worker). Each endpoint is loaded twice for ``--seconds``: by one client (latency), then by
``--clients`` threads sending requests back to back (throughput; on 2 cores, latency then
includes queueing). Target (issue #9): p95 < 100 ms.
"""

from __future__ import annotations

import argparse
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

from newsprism.model import Actor, Article, Entity, Event, Fact, Mention, Quote, Story
from newsprism.store import Database

WORDS = (
    "der die das und in von mit für auf dem den zu sich nicht ist hat wird Regierung Hafen Streik Minister "
    "Gespräche Waffenstillstand Treffen Grenze Parlament Wahl Abkommen Hochwasser Kabinett Gewerkschaft "
    "sagte erklärte kündigte an forderte lehnte ab traf besuchte Bürger Stadt Land Woche Montag Dienstag"
).split()
SOURCES = [f"Outlet {n}" for n in range(40)]
SURNAMES = "Berger Novak Costa Lindqvist Moreau Kowalski Silva Jansen Rossi Weber Dubois Horvat".split()
GIVEN = "Anna Jonas Maria Lukas Sofia Pavel Ines Tomas Clara Emil Nora Felix".split()


def _actors(count: int) -> list[Actor]:
    names = [f"{g} {s}" for g in GIVEN for s in SURNAMES][:count]
    return [Actor(f"gen:{n}", name, "person", [name.split()[1]]) for n, name in enumerate(names)]


def _article(number: int, story: int, actors: list[Actor], rng: random.Random) -> Article:
    cast = rng.sample(actors, 4)
    parts, entities, quotes, events = [], [], [], []
    position = 0
    for sentence in range(12):
        actor = cast[sentence % 4]
        words = " ".join(rng.choices(WORDS, k=18))
        said = f"„{' '.join(rng.choices(WORDS, k=8))}“"
        text = f"{actor.name} {words}: {said}. "
        entities.append(Entity(position, position + len(actor.name), actor.name, "PER", actor.id))
        start = position + len(actor.name) + 1 + len(words) + 3
        quotes.append(Quote(said[1:-1], start, start + len(said) - 2, actor.name, actor.id))
        if sentence % 3 == 0:
            trigger = position + len(actor.name) + 1
            events.append(
                Event(
                    "CONSULT",
                    words.split()[0],
                    trigger,
                    trigger + len(words.split()[0]),
                    text.strip(),
                    actor.name,
                    actor.id,
                    cast[(sentence + 1) % 4].name,
                    cast[(sentence + 1) % 4].id,
                )
            )
        parts.append(text)
        position += len(text)
    text = "".join(parts)
    day = f"2026-{1 + story % 12:02d}-{1 + story % 28:02d}"
    return Article(
        id=f"{number:016x}",
        path=f"gen/{number}.txt",
        format="text",
        raw_text=text,
        text=text,
        title=f"Story {story}: {' '.join(rng.choices(WORDS, k=6))}",
        source=rng.choice(SOURCES),
        url=f"https://example.org/{number}",
        published=day,
        language=rng.choice(["de", "en"]),
        quality=1.0,
        entities=entities,
        quotes=quotes,
        events=events,
    )


def generate(target: str, count: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    actors = _actors(120)
    stories: dict[int, list[Article]] = {}
    with Database(target) as database:
        database.save_batch([], [], actors=actors)
        batch = []
        for number in range(count):
            article = _article(number, number // 4, actors, rng)
            stories.setdefault(number // 4, []).append(article)
            batch.append((article, None))
            if len(batch) == 500:
                database.save_batch(batch, [])
                batch = []
        database.save_batch(batch, [])
        built = []
        for story, members in stories.items():
            facts = [
                Fact(
                    f"s{story}-f{n}",
                    f"fact {n} of story {story}",
                    rng.choice(["agreed", "single", "conflict"]),
                    [Mention(a.id, q.start, q.end, q.text) for a in members[: 1 + n % 3] for q in a.quotes[n : n + 1]],
                    "quote",
                )
                for n in range(12)
            ]
            built.append(Story(f"s-{story:012x}", members[0].title or "", [a.id for a in members], facts))
        database.save_stories(built)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _load(base: str, paths: list[str], seconds: float, clients: int) -> tuple[int, list[float], int]:
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def run(offset: int) -> None:
        nonlocal errors
        mine, bad = [], 0
        with httpx.Client(base_url=base, timeout=30) as client:
            n = offset
            while time.monotonic() < stop:
                began = time.perf_counter()
                response = client.get(paths[n % len(paths)])
                mine.append(time.perf_counter() - began)
                bad += response.status_code != 200
                n += clients
        with lock:
            latencies.extend(mine)
            errors += bad

    threads = [threading.Thread(target=run, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return len(latencies), latencies, errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument("--clients", type=int, default=4)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        target = str(Path(folder) / "web.db")
        began = time.perf_counter()
        generate(target, options.articles)
        print(f"generated {options.articles} articles in {time.perf_counter() - began:.0f} s")
        port = _free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "newsprism", "serve", "--db", target, "--port", str(port), "--read-only"],
            stdout=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(300):
                try:
                    httpx.get(base + "/api/status", timeout=1)
                    break
                except httpx.TransportError:
                    time.sleep(0.1)
            stories = max(1, options.articles // 4)
            rng = random.Random(1)
            cases = {
                "story page": [f"/stories/s-{rng.randrange(stories):012x}" for _ in range(200)],
                "story API": [f"/api/stories/s-{rng.randrange(stories):012x}" for _ in range(200)],
                "stories API (page 1-50)": [f"/api/stories?page={rng.randrange(1, 50)}" for _ in range(200)],
                "actor page": [f"/actors/gen:{rng.randrange(120)}" for _ in range(200)],
                "search API": [f"/api/search?q={rng.choice(WORDS)}+{rng.choice(SURNAMES)[:4]}" for _ in range(200)],
                "search page": [f"/search?q={rng.choice(SURNAMES)}" for _ in range(200)],
            }
            print(f"\n{options.articles} articles; {options.seconds:.0f} s per endpoint and load; latency in ms\n")
            print(
                f"{'endpoint':24} {'1 client: req/s':>15} {'p50':>6} {'p95':>6}"
                f" {f'{options.clients} clients: req/s':>17} {'p50':>6} {'p95':>6} {'errors':>7}"
            )
            for name, paths in cases.items():
                row = f"{name:24}"
                failed = 0
                for clients, width in ((1, 15), (options.clients, 17)):
                    count, latencies, errors = _load(base, paths, options.seconds, clients)
                    ordered = sorted(latencies)
                    p95 = ordered[int(0.95 * (len(ordered) - 1))] * 1000
                    row += f" {count / options.seconds:{width}.1f} {statistics.median(ordered) * 1000:6.1f} {p95:6.1f}"
                    failed += errors
                print(f"{row} {failed:7d}")
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
