"""A per-article text quality score: how noisy was the raw text?

quality = 1 − min(1, 4·repair_rate + 2·oov_rate + mt_rate), where
* repair_rate: share of tokens touched by a repair (glue, mojibake, broken quotes…);
* oov_rate: share of lowercase words of 4+ letters unknown to the language's word list (garbled
  or machine-translated text invents words; names are capitalised and not counted);
* mt_rate: signs of machine translation per sentence: capitalised "Und"/"And" mid-sentence,
  doubled words, a space before a hyphen ("US -Beamter").
Clean news scores above 0.9; the glued machine translation in the seeds scores far lower.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsprism.repair.alignment import TextEdit
from newsprism.repair.lexicon import zipf

_TOKEN = re.compile(r"\S+")
_LOWER_WORD = re.compile(r"\b[a-zäöüß]{4,}\b")
_MT_SIGNS = re.compile(r"(?<=[a-zäöüß,;] )(?:Und|And|Oder|Aber)\b|\b(\w{3,}) \1\b| -(?=\w)")
_SENTENCE = re.compile(r"[.!?]+(?:\s|$)")


@dataclass(frozen=True, slots=True)
class Quality:
    score: float
    repair_rate: float
    oov_rate: float
    mt_rate: float


def text_quality(raw_text: str, text: str, repairs: list[TextEdit], language: str | None) -> Quality:
    tokens = [match.span() for match in _TOKEN.finditer(raw_text)]
    touched = 0
    if repairs:
        starts = sorted(edit.start for edit in repairs)
        index = 0
        for start, end in tokens:
            while index < len(starts) and starts[index] < start:
                index += 1
            if index < len(starts) and starts[index] <= end:
                touched += 1
    repair_rate = touched / len(tokens) if tokens else 0.0
    words = _LOWER_WORD.findall(text)
    lang = language if language in ("de", "en") else "de"
    oov_rate = sum(1 for word in words if zipf(word, lang) == 0.0) / len(words) if words else 0.0
    sentences = max(1, len(_SENTENCE.findall(raw_text)))
    mt_rate = min(1.0, len(_MT_SIGNS.findall(raw_text)) / sentences)
    score = 1.0 - min(1.0, 4 * repair_rate + 2 * oov_rate + mt_rate)
    return Quality(round(score, 3), round(repair_rate, 4), round(oov_rate, 4), round(mt_rate, 4))
