"""The repair stage's entry point: run the passes in order and keep one offset map."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field

from newsprism.model import Repair
from newsprism.repair.alignment import Alignment, TextEdit, compose
from newsprism.repair.glue import LEARNED_SPLIT, glue_edits, standalone_words
from newsprism.repair.lexicon import is_common_noun
from newsprism.repair.normalize import dash_edits, hyphenation_edits, mojibake_edits, quote_edits, space_edits
from newsprism.repair.quality import Quality, text_quality

GLUE_ROUNDS = 3
CHARACTER_ROUNDS = 3


@dataclass(slots=True)
class RepairResult:
    """Repaired text, every edit against the raw text, the offset map, and a quality score."""

    raw_text: str
    text: str
    repairs: list[Repair] = field(default_factory=list)
    quality: Quality | None = None

    @property
    def alignment(self) -> Alignment:
        return alignment_from_repairs(self.raw_text, self.repairs)

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """The raw-text span of ``text[start:end]``."""
        return self.alignment.source_span(start, end)

    def to_text(self, start: int, end: int) -> tuple[int, int]:
        """The repaired-text span of ``raw_text[start:end]``."""
        return self.alignment.target_span(start, end)


def alignment_from_repairs(raw_text: str, repairs: list[Repair]) -> Alignment:
    """Rebuild the offset map from stored repairs (their offsets index the raw text)."""
    return Alignment(raw_text, [TextEdit(r.start, r.end, r.replacement, r.kind) for r in repairs])


class NameMemory:
    """Capitalised words seen standing alone in earlier articles of the corpus ("Kampmann").

    A glued "Kampmannhat" is split when its head is a name the corpus has seen, even if this
    article never writes the name alone. Bounded so a huge corpus cannot exhaust memory.
    """

    def __init__(self, limit: int = 500_000) -> None:
        self.limit = limit
        self._names: set[str] = set()

    def __contains__(self, word: object) -> bool:
        return word in self._names

    def __len__(self) -> int:
        return len(self._names)

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def remember(self, words: Iterable[str]) -> None:
        """Names learned elsewhere (by the earlier partitions of a distributed run)."""
        for word in words:
            if len(self._names) >= self.limit:
                break
            self._names.add(word)

    def learn(self, text: str) -> None:
        """Remember the capitalised words of ``text`` that are not common nouns: mostly names."""
        if len(self._names) < self.limit:
            self._names.update(
                word
                for word in standalone_words(text)
                if len(word) >= 3 and word[0].isupper() and not word.isupper() and not is_common_noun(word)
            )


def repair_text(
    raw_text: str, language: str | None = None, names: Collection[str] = frozenset(), *, learned: bool = True
) -> RepairResult:
    """Repair ``raw_text``: character fixes first, then glued words on the cleaned text, by the rules
    and then (unless ``learned`` is False, as when its training data is made) the boundary model
    and the compound check on every split."""
    passes: list[list[TextEdit]] = []
    text = raw_text
    for _ in range(CHARACTER_ROUNDS):  # one fix can expose another ("Ã¼ " → "ü " → "ü")
        changed = False
        for find in (space_edits, mojibake_edits, hyphenation_edits, quote_edits, dash_edits):
            edits = find(text)
            if edits:
                passes.append(edits)
                text = Alignment(text, edits).target
                changed = True
        if not changed:
            break
    model_left = learned  # the model judges once, what the rules leave ("Sitzungennach|drei"), and
    for _ in range(GLUE_ROUNDS):  # the rules go on ("Sitzungen|nach"): a split can reveal a name
        edits = glue_edits(text, language, names, learned=model_left)
        if not edits:
            break
        model_left = model_left and all(edit.kind != LEARNED_SPLIT for edit in edits)
        passes.append(edits)
        text = Alignment(text, edits).target
    text, final = compose(raw_text, passes)
    spans = Alignment(raw_text, final).edit_target_spans()
    repairs = [
        Repair(edit.start, edit.end, raw_text[edit.start : edit.end], edit.replacement, edit.kind, *span)
        for edit, span in zip(final, spans, strict=True)
    ]
    return RepairResult(raw_text, text, repairs, text_quality(raw_text, text, final, language))


class _EitherOf:
    """Names known from the corpus or standing alone in one text (membership only)."""

    def __init__(self, corpus: Collection[str], text_words: Collection[str]) -> None:
        self.corpus = corpus
        self.text_words = text_words

    def __contains__(self, word: object) -> bool:
        return word in self.text_words or word in self.corpus

    def __len__(self) -> int:
        return len(self.text_words) + len(self.corpus)

    def __iter__(self) -> Iterator[str]:
        yield from self.text_words
        yield from self.corpus


def repair_title(title: str, language: str | None, names: Collection[str], text: str) -> str:
    """A title repaired with the names its article's ``text`` writes alone: a title is too short to
    teach its own ("Putinhat … abgelehntVolodymyr Zelenskyyfür" splits by the text's "Zelenskyy")."""
    return repair_text(title, language, _EitherOf(names, standalone_words(text))).text
