"""A generated hostile corpus: good articles in every input format, mixed with bad files of every
kind a crawl produces. Nothing is committed: ``build(folder)`` writes it and says what to expect.

Good articles are short, so that analysing a thousand of them stays within the test budget; they
come as plain text, Markdown, HTML, JSON, JSONL, RSS and WARC, in folders and file names with
spaces and non-ASCII characters. One of them carries script and onerror payloads.
"""

from __future__ import annotations

import gzip
import json
import random
from dataclasses import dataclass, field
from pathlib import Path

from samples import news_page, warc_bytes

PEOPLE = ["Anna Berger", "Jonas Novak", "Maria Costa", "Lukas Weber", "Sofia Lindqvist", "Pavel Horvat"]
PLACES = ["Hamburg", "Dresden", "Kiel", "Leipzig", "Bremen", "Rostock", "Oslo", "Gdańsk"]
GERMAN = [
    "{person} sagte am {day} in {place}, die Verhandlungen über {thing} würden fortgesetzt.",
    "In {place} haben am {day} rund {number} Menschen gegen {thing} demonstriert, teilte die Polizei mit.",
    "Die Stadt {place} will {number} Millionen Euro in {thing} investieren, erklärte {person}.",
]
ENGLISH = [
    "{person} said on {day} in {place} that talks on {thing} would continue.",
    "About {number} people protested against {thing} in {place} on {day}, police said.",
    "The city of {place} plans to spend {number} million euros on {thing}, {person} announced.",
]
THINGS_DE = ["den Hafenausbau", "die neue Brücke", "das Klimapaket", "die Schulreform", "den Nahverkehr"]
THINGS_EN = ["the harbour expansion", "the new bridge", "the climate package", "school reform", "public transport"]
DAYS_DE = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag"]
DAYS_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
XSS = "<script>alert(1)</script><img src=x onerror=alert(1)>"


@dataclass
class HostileCorpus:
    """What ``build`` wrote: how many good articles, and the bad inputs that must be reported
    (path → a word the reason must contain)."""

    folder: Path
    good: int = 0
    bad: dict[str, str] = field(default_factory=dict)


def _article(rng: random.Random, number: int) -> dict[str, str]:
    german = rng.random() < 0.6
    templates, things, days = (GERMAN, THINGS_DE, DAYS_DE) if german else (ENGLISH, THINGS_EN, DAYS_EN)
    sentences = [
        template.format(
            person=rng.choice(PEOPLE),
            place=rng.choice(PLACES),
            thing=rng.choice(things),
            day=rng.choice(days),
            number=rng.randint(2, 900),
        )
        for template in rng.sample(templates, 2)
    ]
    return {
        "title": f"{'Meldung' if german else 'Report'} {number}: {rng.choice(PLACES)}",
        "text": " ".join(sentences) + f" (Nr. {number})",
        "source": f"Outlet {number % 7}",
        "published": f"2026-11-{1 + number % 28:02d}",
        "language": "de" if german else "en",
    }


def _body(article: dict[str, str]) -> str:
    """Page paragraphs long enough for main-text extraction to take them for an article."""
    return "\n\n".join([article["text"], article["text"].replace(".", " heute.", 1), article["text"][::-1]])


def _write_good(folder: Path, rng: random.Random, count: int) -> int:
    """``count`` good articles over every format; returns how many were written."""
    folders = [folder / "plain", folder / "mit Leerzeichen", folder / "Überschriften ñ"]
    for sub in folders:
        sub.mkdir(parents=True, exist_ok=True)
    written = 0
    number = 0
    while written < count:
        kind = number % 7
        batch = min(count - written, 10 if kind == 4 else 3 if kind in (5, 6) else 1)
        articles = [_article(rng, number + n) for n in range(batch)]
        if number == 0:
            articles[0]["title"] += " " + XSS
            articles[0]["text"] += " " + XSS
        target = folders[number % 3]
        stem = f"artikel {number}" if number % 2 else f"artikel-{number}"
        if kind == 0:
            a = articles[0]
            body = f"{a['title']}\n\nQuelle: {a['source']}\nDatum: {a['published']}\n\n{a['text']}\n"
            (target / f"{stem}.txt").write_text(body, encoding="utf-8")
        elif kind == 1:
            a = articles[0]
            front = f"---\ntitle: {json.dumps(a['title'])}\nsource: {a['source']}\ndate: {a['published']}\n---\n\n"
            (target / f"{stem}.md").write_text(front + a["text"] + "\n", encoding="utf-8")
        elif kind == 2:
            a = articles[0]
            page = news_page(_body(a), a["title"], a["source"], a["published"], a["language"])
            (target / f"{stem}.html").write_text(page, encoding="utf-8")
        elif kind == 3:
            (target / f"{stem}.json").write_text(json.dumps(articles[0], ensure_ascii=False), encoding="utf-8")
        elif kind == 4:
            lines = "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles)
            (target / f"{stem}.jsonl").write_text(lines, encoding="utf-8")
        elif kind == 5:
            items = "".join(
                f"<item><title>{a['title']}</title><link>https://example.org/{number}/{n}</link>"
                f"<pubDate>Mon, 02 Nov 2026 10:00:00 GMT</pubDate><description>{a['text']}</description></item>"
                for n, a in enumerate(articles)
            )
            feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title>{items}</channel></rss>'
            (target / f"{stem}.rss").write_text(feed.replace(XSS, ""), encoding="utf-8")
        else:
            records = [
                (
                    f"https://example.org/{number}/{n}",
                    "text/html; charset=utf-8",
                    news_page(_body(a), a["title"], a["source"], a["published"], a["language"]).encode(),
                )
                for n, a in enumerate(articles)
            ]
            (target / f"{stem}.warc.gz").write_bytes(warc_bytes(records)[0])
        written += batch
        number += batch
    return written


def build(folder: Path, good: int = 1000, seed: int = 5, huge_mb: int = 50) -> HostileCorpus:
    rng = random.Random(seed)
    corpus = HostileCorpus(folder)
    corpus.good = _write_good(folder, rng, good)
    bad = folder / "kaputt ä"
    bad.mkdir()

    def add(name: str, data: bytes, reason: str) -> None:
        (bad / name).write_bytes(data)
        corpus.bad[str(bad / name)] = reason

    add("programm.txt", b"\x7fELF\x02\x01\x01\x00" + rng.randbytes(5000), "binary")
    add("leer.txt", b"", "empty")
    add("abgeschnitten.json.gz", gzip.compress(json.dumps(_article(rng, 0)).encode())[:40], "")
    page = news_page(_body(_article(rng, 1)), "Titel").encode()
    add("abgeschnitten.warc.gz", warc_bytes([("https://x.org/1", "text/html", page)] * 3)[0][:900], "")
    add("kaputt.txt", bytes(0x80 + i % 120 for i in range(400)), "undecodable")
    add("falsche-typen.json", json.dumps([{"title": 1, "text": ["a", 3]}]).encode(), "expected a string")
    add("verschachtelt.html", b"<html><body>" + b"<div>" * 100_000 + b"</body></html>", "")
    with (bad / "riesig.txt").open("wb") as handle:
        line = ("Sehr lange Zeile ohne Ende " * 40 + "\n").encode()
        for _ in range(huge_mb * 1_000_000 // len(line) + 1):
            handle.write(line)
    corpus.bad[str(bad / "riesig.txt")] = "size limit"
    (bad / "schleife-b").symlink_to(bad / "schleife-a")
    (bad / "schleife-a").symlink_to(bad / "schleife-b")
    corpus.bad[str(bad / "schleife-a")] = ""
    corpus.bad[str(bad / "schleife-b")] = ""
    utf16 = _article(rng, good + 1)
    (folder / "plain" / "utf16-ohne-bom.txt").write_bytes(f"{utf16['title']}\n\n{utf16['text']}\n".encode("utf-16-le"))
    long_line = " ".join(_article(rng, good + 2 + n)["text"] for n in range(300))
    (folder / "plain" / "eine lange Zeile.txt").write_text(long_line, encoding="utf-8")
    corpus.good += 2
    return corpus
