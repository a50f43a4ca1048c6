"""Quotes, events, negation, modality and dates, measured on real and annotated text.

Usage: ``python benchmarks/extract_bench.py [--data ../shared/data] [--only quotes|plover|cameo|project]``

* quotes — the WikiNews quotation corpus (German news), dev split. Each article's original text goes
  through newsprism's NER, linking and quote extraction (no repair: the text is clean and offsets
  must stay those of the gold). A simplified version of the official metric, not the official
  scorer: a system quote matches a gold quote when their character spans overlap by at least half
  of the shorter one (one-to-one, greedy); the speaker is right when the system's and the gold
  speaker texts overlap. The corpus is CC BY-NC-SA: nothing is trained on it or shipped from it;
  the quote rules were designed by reading its train split, and the dev split is only measured on.
* plover — the 322 English PLOVER gold-standard sentences: the type of the sentence's main event
  (none when there is none) as PLOVER codes it (``plover_type``: "will visit" is AGREE); older types
  are mapped (DEMAND → REQUEST, DISAPPROVE and INVESTIGATE → ACCUSE, FIGHT → ASSAULT). Source and
  target count as right when the system's text overlaps a gold actor text. The set is stylised and
  small, and the English lexicon was revised after reading its errors: a development figure.
* cameo — the PETRARCH2 unit-test sentences, gold CAMEO codes mapped to PLOVER types.
* project — ``benchmarks/data/events_{de,en}.yaml``, sentences annotated for newsprism: event type,
  source, negation, modality, and every date with its resolved value.
"""

from __future__ import annotations

import argparse
import json
import re
import tarfile
import xml.etree.ElementTree as ET
from collections import Counter
from datetime import date
from pathlib import Path

import yaml

from newsprism.extract import find_dates, plover_type
from newsprism.link import ActorRegistry, KnowledgeBase
from newsprism.model import Article, Event
from newsprism.nlp import add_known_names
from newsprism.pipeline import analyse_articles

ROOT = Path(__file__).resolve().parents[1]


def _gold(document: dict) -> list[tuple[int, int, str, str]]:
    """(start, end, speaker text, type) of every non-nested quote with a quote span."""
    gold = []
    for annotation in document["annotations"]:
        spans = annotation.get("quote", {}).get("spans") or []
        if not spans or annotation.get("isNested"):
            continue
        start, end = min(s["charBegin"] for s in spans), max(s["charEnd"] for s in spans)
        speaker = " ".join(part["text"] for part in [annotation.get("speaker") or {}] if part.get("text"))
        gold.append((start, end, speaker, annotation.get("type", "")))
    return gold


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return shared / max(1, min(a[1] - a[0], b[1] - b[0])) if shared > 0 else 0.0


def _speaker_ok(system: str | None, gold: str) -> bool:
    if not system or not gold:
        return False
    system, gold = system.lower(), gold.lower()
    return system in gold or gold in system or bool(set(system.split()) & set(gold.split()) - {"der", "die", "das"})


def _prf(hits: int, system: int, gold: int) -> str:
    precision = hits / system if system else 0.0
    recall = hits / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return f"P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}  (gold {gold}, system {system})"


def _analyse(text: str, language: str, published: str | None, kb: KnowledgeBase) -> Article:
    article = Article(id="", path="", format="", raw_text=text, text=text, language=language, published=published)
    analyse_articles([article], kb, ActorRegistry(kb))
    return article


# Every quote; direct speech only; the rest (indirect, free indirect, reported), each scored apart.
QUOTE_KINDS = ("all", "direct", "indirect")


def quotes(data: Path, kb: KnowledgeBase, split: str = "dev") -> None:
    registry = ActorRegistry(kb)
    counts: Counter[str] = Counter()
    with tarfile.open(data / "quotes-wikinews-de" / f"{split}.tar.gz") as archive:
        documents = [json.load(archive.extractfile(m)) for m in archive.getmembers() if m.name.endswith(".json")]
    for document in documents:
        text = document["originalText"]
        article = Article(id="", path="", format="", raw_text=text, text=text, language="de")
        analyse_articles([article], kb, registry)
        system = article.quotes
        gold = _gold(document)
        used: set[int] = set()
        for kind in QUOTE_KINDS:
            chosen = [g for g in gold if kind == "all" or (g[3] == "Direct") == (kind == "direct")]
            predicted = [q for q in system if kind == "all" or q.direct == (kind == "direct")]
            counts[f"{kind}_gold"] += len(chosen)
            counts[f"{kind}_system"] += len(predicted)
            used = set()
            for quote in predicted:
                best = max(
                    (
                        (i, _overlap((quote.start, quote.end), (g[0], g[1])))
                        for i, g in enumerate(chosen)
                        if i not in used
                    ),
                    key=lambda pair: pair[1],
                    default=(None, 0.0),
                )
                if best[0] is not None and best[1] >= 0.5:
                    used.add(best[0])
                    counts[f"{kind}_match"] += 1
                    counts[f"{kind}_speaker"] += _speaker_ok(quote.speaker_text, chosen[best[0]][2])
    print(f"quotes: WikiNews quotations, {split} split, {len(documents)} articles")
    print("  (simplified metric: span overlap ≥ 50 %; not the official GermEval 2023 SpkAtt scorer)")
    for kind in QUOTE_KINDS:
        gold, system = counts[f"{kind}_gold"], counts[f"{kind}_system"]
        for name, hits in (("quote", counts[f"{kind}_match"]), ("quote+speaker", counts[f"{kind}_speaker"])):
            print(f"  {kind:<8} {name:<14} {_prf(hits, system, gold)}")


OLD_TYPES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}


def _main_type(events: list[Event], coded: bool = False) -> str:
    """The type of the sentence's main event (its first); coded: as PLOVER's coders give it."""
    if not events:
        return "none"
    return plover_type(events[0]) if coded else events[0].type


def _type_scores(pairs: list[tuple[str, str]], title: str) -> None:
    """Per-type and micro P/R/F1 of a sentence's event type; "none" is not a type."""
    print(title)
    types = sorted({gold for gold, _ in pairs} | {system for _, system in pairs} - {"none"})
    totals = Counter()
    for event_type in types:
        if event_type == "none":
            continue
        hits = sum(1 for gold, system in pairs if gold == system == event_type)
        system = sum(1 for _, s in pairs if s == event_type)
        gold = sum(1 for g, _ in pairs if g == event_type)
        totals.update(hits=hits, system=system, gold=gold)
        print(f"  {event_type:<10} {_prf(hits, system, gold)}")
    print(f"  {'micro':<10} {_prf(totals['hits'], totals['system'], totals['gold'])}")


def _overlaps(system: str | None, golds: list[str]) -> bool:
    if not system:
        return False
    words = set(re.findall(r"\w+", system.lower()))
    return any(words & set(re.findall(r"\w+", gold.lower())) for gold in golds)


def plover(data: Path, kb: KnowledgeBase) -> None:
    records = [r for r in json.loads((data / "plover" / "PLOVER_GSR_CAMEO.txt").read_text()) if r.get("text")]
    pairs, actors = [], Counter()
    for record in records:
        gold = OLD_TYPES.get(record["event"], record["event"])
        events = _analyse(record["text"], "en", None, kb).events
        pairs.append((gold, _main_type(events, coded=True)))
        if events and plover_type(events[0]) == gold:
            for role, field in (("source", "source_text"), ("target", "target_text")):
                golds = [a["actorText"] for a in record.get(role) or [] if isinstance(a, dict) and a.get("actorText")]
                if golds:
                    actors[f"{role}_gold"] += 1
                    actors[f"{role}_ok"] += _overlaps(getattr(events[0], field), golds)
    _type_scores(pairs, f"plover: {len(records)} English gold sentences, event type of the sentence")
    for role in ("source", "target"):
        total = actors[f"{role}_gold"]
        print(f"  {role} right where the type is: {actors[f'{role}_ok'] / max(1, total):.3f} of {total}")


def cameo(data: Path, kb: KnowledgeBase) -> None:
    mapping = {}
    for line in (data / "plover" / "CAMEO2PLOVER-2021.txt").read_text().splitlines():
        if match := re.match(r"^(\d{2,4}):\s*([A-Z]+)", line):
            mapping[match.group(1)] = match.group(2)
    pairs = []
    root = ET.parse(data / "cameo" / "PETR.UnitTest.records.xml").getroot()
    for sentence in root.iter("Sentence"):
        codes = [c.get("eventcode", "") for c in sentence.iter("EventCoding") if c.get("eventcode", "").isdigit()]
        text = " ".join((sentence.findtext("Text") or "").split())
        if not codes or not text:
            continue
        code = codes[0]
        gold = (
            "REQUEST"
            if code.startswith("02")
            else next((mapping[code[:n]] for n in (len(code), 3, 2) if code[:n] in mapping), "none")
        )
        if gold != "none":
            pairs.append((gold, _main_type(_analyse(text, "en", None, kb).events, coded=True)))
    _type_scores(pairs, f"cameo: {len(pairs)} PETRARCH2 unit-test sentences with a PLOVER-mappable code")


def project(kb: KnowledgeBase) -> None:
    for language in ("de", "en"):
        path = ROOT / "benchmarks" / "data" / f"events_{language}.yaml"
        if not path.is_file():
            continue
        items = yaml.safe_load(path.read_text(encoding="utf-8"))["items"]
        pairs, counts = [], Counter()
        for item in items:
            article = _analyse(item["text"], language, item["published"], kb)
            gold_events = item.get("events") or []
            pairs.append((gold_events[0]["type"] if gold_events else "none", _main_type(article.events)))
            for gold in gold_events:
                found = next((e for e in article.events if e.type == gold["type"]), None)
                if found is None:
                    continue
                counts["matched"] += 1
                counts["negation_ok"] += found.negated == bool(gold.get("negated"))
                counts["modality_ok"] += found.modality == gold.get("modality")
                if gold.get("source"):
                    counts["source_gold"] += 1
                    counts["source_ok"] += _overlaps(found.source_text, [gold["source"]])
                if gold.get("date"):
                    counts["event_date_gold"] += 1
                    counts["event_date_ok"] += found.date == gold["date"]
            system_dates = {
                (d.text, d.value) for d in find_dates(item["text"], date.fromisoformat(str(item["published"])))
            }
            for gold in item.get("dates") or []:
                counts["dates_gold"] += 1
                counts["dates_ok"] += (gold["text"], str(gold["value"])) in system_dates
                counts["dates_value_ok"] += any(value == str(gold["value"]) for _, value in system_dates)
        _type_scores(pairs, f"project ({language}): {len(items)} annotated sentences, event type of the sentence")
        matched = max(1, counts["matched"])
        print(f"  on {counts['matched']} events found with the gold type:")
        print(f"    negation accuracy {counts['negation_ok'] / matched:.3f}")
        print(f"    modality accuracy {counts['modality_ok'] / matched:.3f}")
        for name in ("source", "event_date"):
            gold = counts[f"{name}_gold"]
            print(f"    {name.replace('_', ' ')} right {counts[f'{name}_ok'] / max(1, gold):.3f} of {gold}")
        gold = max(1, counts["dates_gold"])
        print(f"  dates: {counts['dates_gold']} in the gold; span and value right {counts['dates_ok'] / gold:.3f},")
        print(f"         value right {counts['dates_value_ok'] / gold:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--only", choices=("quotes", "plover", "cameo", "project"))
    args = parser.parse_args()
    kb = KnowledgeBase.load()
    add_known_names(kb.name_patterns())
    if args.only in (None, "quotes"):
        quotes(args.data, kb)
    if args.only in (None, "plover"):
        plover(args.data, kb)
    if args.only in (None, "cameo"):
        cameo(args.data, kb)
    if args.only in (None, "project"):
        project(kb)


if __name__ == "__main__":
    main()
