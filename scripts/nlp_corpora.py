"""Convert the shared German data into spaCy training files (DocBin) for the newsprism pipeline.

Usage: python scripts/nlp_corpora.py [--data ../shared/data] [--out build/corpora]

NER (labels PER, LOC, ORG, MISC; exact outer spans):
* GermEval 2014 dev + test-a, shuffled with seed 2026 and split 75/10/15 into ``ner_train``,
  ``ner_dev`` (model selection) and ``ner_test`` (held out, reported in docs/benchmarks.md).
  OTH → MISC; ``*deriv`` and ``*part`` → O, as in the data README's measured floor.
* extra training sets, one file each so their effect can be measured: Europarl (IOB1 → IOB2;
  lowercase MISC such as "deutsche" → O, matching GermEval), SmartData v1 news documents (PER/LOC/ORG
  from character offsets; the v3 dev/test ids are left out); and three sets measured but not in the
  shipped mix (docs/benchmarks.md, "NER"): MultiCoNER German train (all lowercase in the original:
  recased, names capitalised and other words as the cased training text writes them, counted on
  GermEval train, UD, Europarl and German LER; GRP/CORP → ORG, CW/PROD → MISC), Europeana Newspapers
  and HIPE-2022 NewsEye/SoNAR (historic OCR).
Vocabulary only: WikiANN de train as unlabelled tokens (``vocab_wikiann``), for the static vectors.
Unlabelled sentences for the silver NER (``text_silver``; scripts/silver_ner.py labels them): the
Bundestag speeches of SpkAtt train, the UD German GSD and PUD text and WikiANN de train (its own
silver labels are not used), without sentences of fewer than four words or that GermEval also has.
UD (UPOS, morphology, lemmas, dependencies, sentences): UD German GSD dev+test and PUD, shuffled
with seed 2026 and split 80/10/10 into ``ud_train``, ``ud_dev`` and ``ud_test``. LIT is left out
(non-commercial licence); PUD's English-style XPOS is not used.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import tarfile
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin, Span
from spacy.vocab import Vocab

SEED = 2026
VOCAB = Vocab()


def blocks(path: Path, comment: str = "#") -> Iterator[list[list[str]]]:
    """Blank-line separated blocks of tab (or space) separated rows: the shape of every CoNLL-style file
    here (GermEval, CoNLL, UD, WikiANN, Europarl); comment and ``-DOCSTART-`` lines are skipped."""
    block: list[list[str]] = []
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if line.startswith(comment) or line.startswith("-DOCSTART-"):
                continue
            if not line.strip():
                if block:
                    yield block
                block = []
                continue
            block.append(line.split("\t") if "\t" in line else line.split(" "))
    if block:
        yield block


def _doc_from_bio(words: list[str], tags: list[str]) -> Doc:
    """A Doc with entities from IOB2 tags (an I- after O or another type starts a new entity)."""
    doc = Doc(VOCAB, words=words)
    spans, start, label = [], None, None
    for index, tag in enumerate([*tags, "O"]):
        prefix, _, kind = tag.partition("-")
        continues = prefix == "I" and kind == label
        if start is not None and not continues:
            spans.append(Span(doc, start, index, label=label))
            start, label = None, None
        if prefix in ("B", "I") and kind and not continues:
            start, label = index, kind
    doc.ents = spans
    return doc


def _doc_from_rows(rows: list[tuple[str, str]]) -> Doc:
    return _doc_from_bio([word for word, _ in rows], [tag for _, tag in rows])


def _coarse(tag: str, labels: dict[str, str]) -> str:
    """An IOB2 tag with its type mapped by ``labels``; a type not in them (or a malformed tag) is O."""
    prefix, _, kind = tag.partition("-")
    label = labels.get(kind)
    return f"{prefix}-{label}" if prefix in ("B", "I") and label else "O"


# GermEval's *deriv and *part types are not in the map, so they become O
_GERMEVAL_LABELS = {"PER": "PER", "LOC": "LOC", "ORG": "ORG", "OTH": "MISC"}
_PLAIN_LABELS = {"PER": "PER", "LOC": "LOC", "ORG": "ORG"}


def germeval(data: Path) -> list[Doc]:
    docs = []
    for name in ("NER-de-dev.tsv", "NER-de-test-a.tsv"):
        for block in blocks(data / "germeval2014" / name):
            docs.append(_doc_from_bio([row[1] for row in block], [_coarse(row[2], _GERMEVAL_LABELS) for row in block]))
    return docs


def europarl(data: Path) -> list[Doc]:
    docs = []
    for block in blocks(data / "europarl-ner-de" / "train.tsv"):
        words = [row[0] for row in block]
        tags = [row[-1] for row in block]
        doc = _doc_from_bio(words, tags)
        doc.ents = [ent for ent in doc.ents if not (ent.label_ == "MISC" and ent.text[:1].islower())]
        docs.append(doc)
    return docs


def wikiann_text(data: Path) -> list[Doc]:
    """WikiANN de train sentences as plain tokens, without labels: vocabulary for the static
    vectors only (its silver labels are not used for training)."""
    return [
        Doc(VOCAB, words=[row[0].split(":", 1)[1] if row[0].startswith("de:") else row[0] for row in block])
        for block in blocks(data / "wikiann" / "de" / "train")
    ]


_SMARTDATA_LABELS = {
    "person": "PER",
    "location": "LOC",
    "location-city": "LOC",
    "location-street": "LOC",
    "location-stop": "LOC",
    "organization": "ORG",
    "organization-company": "ORG",
}


def _concatenated_json(path: Path) -> Iterator[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        text = handle.read()
    decoder = json.JSONDecoder()
    position = 0
    while position < len(text):
        while position < len(text) and text[position].isspace():
            position += 1
        if position >= len(text):
            break
        record, position = decoder.raw_decode(text, position)
        yield record


def _without_edge_space(span: Span) -> Span:
    """The span without whitespace tokens at its edges ("\xa0 Nordic Yards"): spaCy's NER never
    begins an entity on one, so its oracle fails on such a gold span and training crashes (E024)
    in the steps where the document is long enough to be cut."""
    start, end = span.start, span.end
    while start < end and span.doc[start].text.isspace():
        start += 1
    while end > start and span.doc[end - 1].text.isspace():
        end -= 1
    return Span(span.doc, start, end, label=span.label)


def smartdata(data: Path) -> list[Doc]:
    """SmartData v1 news documents, minus those in v3 dev/test, split into sentences by spaCy."""
    held_out = {
        record["id"]
        for name in ("dev.json.gz", "test.json.gz")
        for record in _concatenated_json(data / "smartdata-de" / "v3_20200302" / name)
    }
    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    docs = []
    for name in ("train.json.gz", "test.json.gz"):
        for record in _concatenated_json(data / "smartdata-de" / "v1_20180119" / name):
            if record["id"] in held_out or record.get("refids", {}).get("map", {}).get("source") != "news":
                continue
            doc = nlp(record["text"]["string"])
            spans = []
            for mention in record.get("conceptMentions", {}).get("array", []):
                label = _SMARTDATA_LABELS.get(mention.get("type", ""))
                start, end = mention["span"]["start"], mention["span"]["end"]
                span = doc.char_span(start, end, label=label or "X", alignment_mode="expand")
                trimmed = _without_edge_space(span) if label and span is not None else None
                if trimmed:
                    spans.append(trimmed)
            doc.ents = spacy.util.filter_spans(spans)
            for sentence in doc.sents:
                sent_doc = sentence.as_doc()
                if len(sent_doc) > 2:
                    tags = [f"{t.ent_iob_}-{t.ent_type_}" if t.ent_type_ else "O" for t in sent_doc]
                    docs.append(Doc(VOCAB, words=[t.text for t in sent_doc], ents=tags))
    return docs


_COARSE = {"PER": "PER", "LOC": "LOC", "ORG": "ORG", "pers": "PER", "loc": "LOC", "org": "ORG", "prod": "MISC",
           "HumanProd": "MISC"}  # fmt: skip
WINDOW = 40  # tokens per pseudo-sentence where a corpus marks no sentence ends


def _sentences(rows: list[tuple[str, str]]) -> Iterator[list[tuple[str, str]]]:
    """A token stream cut after full stops outside entities, and at WINDOW tokens at the latest."""
    sentence: list[tuple[str, str]] = []
    for index, (word, tag) in enumerate(rows):
        sentence.append((word, tag))
        following = rows[index + 1][1] if index + 1 < len(rows) else "O"
        if (word == "." and not following.startswith("I-")) or (len(sentence) >= WINDOW and following[:2] != "I-"):
            yield sentence
            sentence = []
    if sentence:
        yield sentence


def europeana(data: Path) -> list[Doc]:
    """Europeana Newspapers (historic OCR, CC0): one token stream per file, cut into sentences;
    malformed labels (OCR noise) → O."""
    docs = []
    for path in sorted((data / "europeana-ner-de").glob("enp_DE.*.bio")):
        rows = []
        for line in path.read_text(encoding="utf-8").splitlines():
            word, _, tag = line.rpartition(" ")
            if word.strip() and not line.startswith("# "):
                rows.append((word.strip(), _coarse(tag, _PLAIN_LABELS)))
        docs.extend(_doc_from_rows(sentence) for sentence in _sentences(rows))
    return docs


LER_LABELS = {"PER": "PER", "RR": "PER", "AN": "PER", "LD": "LOC", "ST": "LOC", "STR": "LOC", "LDS": "LOC",
               "ORG": "ORG", "UN": "ORG", "INN": "ORG", "GRT": "ORG", "MRK": "ORG"}  # fmt: skip


def ler(data: Path) -> list[Doc]:
    """German court decisions (CC BY 4.0), the authors' coarse mapping; legal norms and citations → O.
    Only its casing is used (for MultiCoNER)."""
    return [
        _doc_from_bio([row[0] for row in block], [_coarse(row[-1], LER_LABELS) for row in block])
        for name in ("ler_dev.conll", "ler_test.conll")
        for block in blocks(data / "ler-de" / name)
    ]


def hipe(data: Path) -> list[Doc]:
    """HIPE-2022 NewsEye and SoNAR (historic newspapers, CC BY 4.0; the NC hipe2020 files are left
    out), literal coarse labels, sentences at EndOfSentence."""
    docs = []
    for path in sorted((data / "hipe2022-de").glob("HIPE-2022-v2.1-*-de.tsv.gz")):
        if "hipe2020" in path.name:
            continue
        sentence: list[tuple[str, str]] = []
        for block in blocks(path):
            for row in block:
                if row[0] == "TOKEN" or len(row) < 10:
                    continue
                sentence.append((row[0], _coarse(row[1], _COARSE)))
                if "EndOfSentence" in row[9] or len(sentence) >= 2 * WINDOW:
                    docs.append(_doc_from_rows(sentence))
                    sentence = []
        if sentence:
            docs.append(_doc_from_rows(sentence))
    return docs


_MULTICONER_LABELS = {"PER": "PER", "LOC": "LOC", "GRP": "ORG", "CORP": "ORG", "CW": "MISC", "PROD": "MISC"}
_LOWERCASE_IN_NAMES = frozenset("von van der den des dem die das und de la le of the y da di zu am im bei für".split())


def _case_counts(docs: list[Doc]) -> dict[str, tuple[int, int]]:
    """Lowercase → (lowercase, capitalised) counts of words not first in their sentence."""
    counts: dict[str, list[int]] = {}
    for doc in docs:
        for token in doc[1:]:
            if token.text.isalpha():
                counts.setdefault(token.text.lower(), [0, 0])[token.text[0].isupper()] += 1
    return {word: (low, high) for word, (low, high) in counts.items()}


def _recase(word: str, tag: str, first: bool, cases: dict[str, tuple[int, int]]) -> str:
    """MultiCoNER is all lowercase: names get capitals (but "von", "der" inside them), other words
    the case German text here gives them; an unseen word is taken for a noun (most are compounds)."""
    if not word[:1].isalpha():
        return word
    if tag != "O":
        return word if word in _LOWERCASE_IN_NAMES and tag.startswith("I-") else word[:1].upper() + word[1:]
    low, high = cases.get(word, (0, 0))
    capital = first or (high > low if low + high else len(word) >= 4)
    return word[:1].upper() + word[1:] if capital else word


def multiconer(data: Path, cased: list[Doc]) -> list[Doc]:
    """MultiCoNER German train (CC BY 4.0), recased with the case counts of ``cased`` text."""
    cases = _case_counts(cased)
    docs = []
    for block in blocks(data / "multiconer-de" / "de_train.conll.gz"):
        words = [row[0] for row in block]
        tags = [_coarse(row[-1], _MULTICONER_LABELS) for row in block]
        recased = [_recase(w, t, i == 0, cases) for i, (w, t) in enumerate(zip(words, tags, strict=True))]
        docs.append(_doc_from_bio(recased, tags))
    return docs


def _conllu(path: Path) -> Iterator[Doc]:
    rows: list[list[str]] = []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if line.startswith("#"):
            continue
        if not line.strip():
            if rows:
                words = [row[1] for row in rows]
                spaces = ["SpaceAfter=No" not in row[9] for row in rows]
                doc = Doc(
                    VOCAB,
                    words=words,
                    spaces=spaces,
                    lemmas=[row[2] for row in rows],
                    pos=[row[3] for row in rows],
                    morphs=[row[5] if row[5] != "_" else "" for row in rows],
                    heads=[int(row[6]) - 1 if row[6] != "0" else index for index, row in enumerate(rows)],
                    deps=[row[7] for row in rows],
                    sent_starts=[True] + [False] * (len(rows) - 1),
                )
                yield doc
            rows = []
            continue
        row = line.split("\t")
        if row[0].isdigit():
            rows.append(row)


def ud(data: Path) -> list[Doc]:
    docs = []
    for name in ("de_gsd-ud-dev.conllu", "de_gsd-ud-test.conllu", "de_pud-ud-test.conllu"):
        docs.extend(_conllu(data / "ud-german" / name))
    return docs


def spkatt_text(data: Path) -> list[Doc]:
    """The sentences of the SpkAtt train speeches (Bundestag debates), as plain tokens."""
    docs = []
    with tarfile.open(data / "spkatt-debates-de" / "task1_train_dev.tar.gz") as archive:
        for member in sorted(archive.getmembers(), key=lambda member: member.name):
            handle = archive.extractfile(member) if member.name.startswith("train/") else None
            if handle and member.name.endswith(".json"):
                docs.extend(Doc(VOCAB, words=sentence["Tokens"]) for sentence in json.load(handle)["Sentences"])
    return docs


def silver_text(data: Path, germeval_docs: list[Doc], wikiann: list[Doc]) -> list[Doc]:
    """Unlabelled sentences for the silver NER: political speech, news-like UD text, Wikipedia."""
    seen = {tuple(token.text for token in doc) for doc in germeval_docs}
    plain = [Doc(VOCAB, words=[token.text for token in doc]) for doc in ud(data)]
    docs = []
    for doc in [*spkatt_text(data), *plain, *wikiann]:
        words = tuple(token.text for token in doc)
        if len(words) >= 4 and words not in seen:
            seen.add(words)
            docs.append(doc)
    return docs


def _split(docs: list[Doc], parts: tuple[float, ...]) -> list[list[Doc]]:
    shuffled = list(docs)
    random.Random(SEED).shuffle(shuffled)
    bounds, total = [0], 0.0
    for part in parts:
        total += part
        bounds.append(round(total * len(shuffled)))
    return [shuffled[a:b] for a, b in pairwise(bounds)]


def _save(docs: list[Doc], path: Path) -> None:
    DocBin(docs=docs, store_user_data=False).to_disk(path)
    print(f"{path}: {len(docs)} docs, {sum(len(d) for d in docs)} tokens, {sum(len(d.ents) for d in docs)} entities")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "build" / "corpora")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    germeval_docs = germeval(args.data)
    train, dev, test = _split(germeval_docs, (0.75, 0.10, 0.15))
    _save(train, args.out / "ner_train.spacy")
    _save(dev, args.out / "ner_dev.spacy")
    _save(test, args.out / "ner_test.spacy")
    europarl_docs = europarl(args.data)
    _save(europarl_docs, args.out / "ner_europarl.spacy")
    _save(smartdata(args.data), args.out / "ner_smartdata.spacy")
    _save(europeana(args.data), args.out / "ner_europeana.spacy")
    _save(hipe(args.data), args.out / "ner_hipe.spacy")
    wikiann = wikiann_text(args.data)
    _save(wikiann, args.out / "vocab_wikiann.spacy")
    _save(silver_text(args.data, germeval_docs, wikiann), args.out / "text_silver.spacy")
    ud_train, ud_dev, ud_test = _split(ud(args.data), (0.8, 0.1, 0.1))
    cased = [*train, *ud_train, *europarl_docs, *ler(args.data)]
    _save(multiconer(args.data, cased), args.out / "ner_multiconer.spacy")
    _save(ud_train, args.out / "ud_train.spacy")
    _save(ud_dev, args.out / "ud_dev.spacy")
    _save(ud_test, args.out / "ud_test.spacy")


if __name__ == "__main__":
    main()
