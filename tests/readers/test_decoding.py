from __future__ import annotations

import codecs
import random

import pytest

from detente.readers.decoding import DecodeError, decode_bytes

ARTICLE = "Le président chinois a rencontré son homologue américain à Genève pour parler du commerce et du climat."
CHINESE = "中美两国元首在旧金山举行会晤，双方同意恢复两军沟通渠道，并就多个议题交换意见。"
TRADITIONAL = "中美兩國元首在舊金山舉行會晤，雙方同意恢復兩軍溝通渠道，並就多個議題交換意見。"


def test_utf8_with_and_without_bom() -> None:
    assert decode_bytes("Xi–Biden “talks”".encode()) == "Xi–Biden “talks”"
    assert decode_bytes(codecs.BOM_UTF8 + b"Wang Yi") == "Wang Yi"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32"])
def test_utf16_and_utf32_with_bom_are_text_not_binary(encoding: str) -> None:
    assert decode_bytes("中美关系 China–US".encode(encoding)) == "中美关系 China–US"


@pytest.mark.parametrize(
    ("text", "encoding"),
    [(ARTICLE, "latin-1"), (ARTICLE, "cp1252"), (CHINESE, "gb18030"), (TRADITIONAL, "big5")],
)
def test_legacy_charsets_are_detected(text: str, encoding: str) -> None:
    assert decode_bytes(text.encode(encoding)) == text


def test_nul_bytes_mean_binary() -> None:
    with pytest.raises(DecodeError, match="^binary file$"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


def test_bytes_no_charset_fits_are_undecodable() -> None:
    rng = random.Random(7)
    noise = bytes(rng.randrange(1, 256) for _ in range(4000))
    with pytest.raises(DecodeError, match="^undecodable bytes"):
        decode_bytes(noise)


def test_broken_utf16_after_bom_is_undecodable() -> None:
    with pytest.raises(DecodeError, match="undecodable bytes"):
        decode_bytes(codecs.BOM_UTF16_LE + b"\x00\xd8")  # a lone surrogate
