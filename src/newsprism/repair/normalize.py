"""Character-level repairs: mojibake, invisible characters and spaces, line-break hyphenation,
``,,`` quotes, glued dashes. Each pass returns edits; nothing is changed silently."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from ftfy import TextFixerConfig, fix_text
from ftfy.badness import is_bad

from newsprism.repair.alignment import TextEdit
from newsprism.repair.lexicon import best_zipf, lowercase_profile

_FTFY = TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    remove_control_chars=False,
    normalization=None,
    explain=False,
)
_MOJIBAKE_HINT = re.compile("[ÃÂâÅÄÐÑ][\u0080-\u00bf\u0152-\u0192\u02c6-\u203a\u20ac\u2122]")
_INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff]")
_SPACE_RUN = re.compile("(?<=\\S)[ \t\u00a0]{2,}(?=\\S)|[ \t\u00a0]+(?=\n)|[ \t\u00a0]+$")
_LINE_HYPHEN = re.compile(r"([A-Za-zÄÖÜäöüß]+)-\n[ \t]*([A-Za-zÄÖÜäöüß]+)")
_COMMA_QUOTE = re.compile(r",,")
_QUOTE_CLOSERS = re.compile("\"|''|“|”")
_QUOTE_STOP = re.compile(r",,|„|\n\s*\n")
_GLUED_DASH_BEFORE = re.compile(r"(?<=[^\W\d])([–—])(?= )")
_GLUED_DASH_AFTER = re.compile(r"(?<= )([–—])(?=[^\W\d])")
_DOUBLE_HYPHEN = re.compile(r"(?<= )--(?= )")
_SPACED_HYPHEN = re.compile(r"(?<=[^\W_]) -(?=[^\W\d_]{2})")


def mojibake_edits(text: str) -> list[TextEdit]:
    """Text decoded with the wrong codec ("fÃ¼r" → "für"), fixed by ftfy line by line."""
    if not _MOJIBAKE_HINT.search(text):
        return []
    edits = []
    position = 0
    for line in text.splitlines(keepends=True):
        if _MOJIBAKE_HINT.search(line) and is_bad(line):
            fixed = fix_text(line, _FTFY)
            matcher = SequenceMatcher(None, line, fixed, autojunk=False)
            for tag, i1, i2, j1, j2 in matcher.get_opcodes():
                if tag != "equal":
                    edits.append(TextEdit(position + i1, position + i2, fixed[j1:j2], "mojibake"))
        position += len(line)
    return edits


def space_edits(text: str) -> list[TextEdit]:
    """Invisible characters (soft hyphens, zero-width spaces) out; space runs to one space."""
    edits = [TextEdit(m.start(), m.end(), "", "invisible") for m in _INVISIBLE.finditer(text)]
    edits += [
        TextEdit(m.start(), m.end(), "" if m.end() == len(text) or text[m.end()] == "\n" else " ", "space")
        for m in _SPACE_RUN.finditer(text)
    ]
    return edits


def hyphenation_edits(text: str) -> list[TextEdit]:
    """Join words hyphenated across a line break; keep the hyphen where it is a real one."""
    edits = []
    for match in _LINE_HYPHEN.finditer(text):
        head, tail = match.group(1), match.group(2)
        joined = head + tail
        real_hyphen = (
            tail[0].isupper()
            or head.isupper()
            or best_zipf(f"{head}-{tail}") > best_zipf(joined)
            or (best_zipf(joined) == 0 and lowercase_profile(tail) is None and best_zipf(tail) > 3)
        )
        edits.append(TextEdit(match.end(1), match.start(2), "-" if real_hyphen else "", "hyphenation"))
    return edits


def quote_edits(text: str) -> list[TextEdit]:
    """German low quotes typed as two commas: ``,,so"`` → „so“ (and the matching closer)."""
    edits = []
    for match in _COMMA_QUOTE.finditer(text):
        edits.append(TextEdit(match.start(), match.end(), "„", "quote"))
        stop = _QUOTE_STOP.search(text, match.end())
        limit = stop.start() if stop else len(text)
        closer = _QUOTE_CLOSERS.search(text, match.end(), limit)
        if closer and closer.group(0) != "“":
            edits.append(TextEdit(closer.start(), closer.end(), "“", "quote"))
    return edits


def dash_edits(text: str) -> list[TextEdit]:
    """Dashes glued to one neighbour ("Lavrov– Wer"), ``--`` dashes, and "US -Beamte" hyphens."""
    edits = [TextEdit(m.start(), m.start(), " ", "dash") for m in _GLUED_DASH_BEFORE.finditer(text)]
    edits += [TextEdit(m.end(), m.end(), " ", "dash") for m in _GLUED_DASH_AFTER.finditer(text)]
    edits += [TextEdit(m.start(), m.end(), "–", "dash") for m in _DOUBLE_HYPHEN.finditer(text)]
    edits += [TextEdit(m.start(), m.start() + 1, "", "hyphen") for m in _SPACED_HYPHEN.finditer(text)]
    return edits
