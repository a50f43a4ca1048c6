"""Bytes to text: BOMs, UTF-8, UTF-16 without BOM, then charset detection; binary is refused."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SAMPLE = 8192
_TEXT_CONTROLS = {9, 10, 12, 13}


class DecodeError(ValueError):
    """The bytes are not text in any encoding we can recognise."""


def _utf16_without_bom(sample: bytes) -> str | None:
    """UTF-16 text without a BOM has a NUL in every other byte for Latin script."""
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0) / len(sample[0::2])
    odd_nuls = sample[1::2].count(0) / len(sample[1::2])
    if odd_nuls > 0.4 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.4 and odd_nuls < 0.05:
        return "utf-16-be"
    return None


def _looks_binary(sample: bytes) -> bool:
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte < 32 and byte not in _TEXT_CONTROLS)
    return bool(sample) and controls / len(sample) > 0.05


def _mostly_printable(text: str) -> bool:
    sample = text[:_SAMPLE]
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\t\n\r\f") or ch == "\ufffd")
    return not sample or bad / len(sample) < 0.02


def _western_european(data: bytes) -> str | None:
    """cp1252 text, if ``data`` reads as a Latin-script language with a few accented letters.

    charset-normalizer can mistake a short German paragraph in Latin-1 for shift_jis; in Western
    European text, accented letters are a small minority among plain ASCII letters, which is not
    true of Cyrillic or Greek read through the wrong 8-bit code page.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = [ch for ch in text if ch.isalpha()]
    accented = sum(1 for ch in letters if not ch.isascii())
    if not letters or accented / len(letters) > 0.15:
        return None
    unusual = sum(1 for ch in text if not ch.isascii() and not ch.isalpha() and ch not in "€–—„“”‚‘’«»…·°§ ")
    return text if unusual / len(text) < 0.01 else None


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Decode ``data`` to text, trying a declared charset first; raise ``DecodeError`` if binary."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    sample = data[:_SAMPLE]
    utf16 = _utf16_without_bom(sample)
    if utf16:
        text = data.decode(utf16, errors="replace")
        if _mostly_printable(text):
            return text
    if _looks_binary(sample):
        raise DecodeError("binary file, not text")
    candidates = [declared] if declared else []
    for encoding in [*candidates, "utf-8"]:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    western = _western_european(data)
    if western is not None:
        return western
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise DecodeError("undecodable bytes: no text encoding fits")
    text = str(best)
    if not _mostly_printable(text):
        raise DecodeError(f"undecodable bytes: best guess {best.encoding} gives garbage")
    return text
