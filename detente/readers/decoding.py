"""Bytes to text for scraped files, which come in whatever encoding the page or the scraper used.

UTF-8 is tried first because it is what nearly every modern source writes and a non-UTF-8 file almost never
decodes as UTF-8 by accident; only then is the charset guessed (charset-normalizer), which is slower and can be
wrong on short inputs.
"""

from __future__ import annotations

import codecs

import charset_normalizer

# Longest BOMs first: the UTF-32 LE BOM starts with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


# When the detector scores several charsets the same (short Western European text fits cp1250 as well as
# cp1252), the one far more web pages use wins.
_PREFERRED = ("cp1252", "latin_1", "gb18030", "big5", "shift_jis", "euc_kr", "cp1251")


class DecodeError(ValueError):
    """The bytes are not text; ``str(error)`` is the rejection reason."""


def decode_bytes(data: bytes) -> str:
    """Text of ``data``: BOM if any, else UTF-8, else the detected charset.

    A NUL byte means UTF-16/32 without a byte order mark, or binary (images, PDFs, office files): text
    encodings other than those never produce one. The detector tells the two apart; only a wide encoding whose
    text is nearly free of control characters is believed.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise DecodeError(f"undecodable bytes (invalid {encoding} after its byte order mark)") from exc
    if b"\x00" in data:
        text = _wide_text(data)
        if text is None:
            raise DecodeError("binary file")
        return text
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    matches = charset_normalizer.from_bytes(data)
    best = matches.best()
    if best is None:
        raise DecodeError("undecodable bytes (not UTF-8 and no character set fits)")
    tied = [m for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
    tied.sort(key=lambda m: _PREFERRED.index(m.encoding) if m.encoding in _PREFERRED else len(_PREFERRED))
    return str(tied[0])


_WIDE = frozenset({"utf_16", "utf_16_le", "utf_16_be", "utf_32", "utf_32_le", "utf_32_be"})
_MAX_CONTROL_SHARE = 0.01  # real text has next to no control characters; binary read as UTF-16 has many


def _wide_text(data: bytes) -> str | None:
    """``data`` as UTF-16 or UTF-32 text without a byte order mark, when the detector says so and the text
    looks like text; None for binary data."""
    best = charset_normalizer.from_bytes(data).best()
    if best is None or best.encoding not in _WIDE:
        return None
    text = str(best)
    controls = sum(1 for ch in text if ch < " " and ch not in "\t\n\r\f")
    if not text.strip() or controls > _MAX_CONTROL_SHARE * len(text):
        return None
    return text
