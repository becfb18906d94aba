"""Languages: text detente has no model for is refused with one line; English, including every VOA story and
short English lines the identifier ranks as something else, goes through."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from detente.readers import Rejection, iter_documents
from detente.readers.language import (
    UnsupportedLanguage,
    _identifier,
    detect_language,
    document_language,
    english_share,
    normalize_language,
)
from detente.records import Document

ENGLISH = ("Chinese Foreign Minister Wang Yi met US Secretary of State Antony Blinken in Munich on Saturday. "
           "The two sides said that the talks were candid and that they would keep their channels open.")
FRENCH = ("Le ministre chinois des Affaires étrangères Wang Yi a rencontré samedi à Munich le secrétaire d'État "
          "américain Antony Blinken. Les deux parties ont qualifié les discussions de franches et ont promis de "
          "maintenir leurs canaux de communication ouverts.")
CHINESE = ("中国外交部长王毅星期六在慕尼黑会见了美国国务卿布林肯。双方表示，会谈坦率，并同意保持沟通渠道畅通。"
           "王毅说，中美关系的稳定符合两国人民的根本利益。")


def read(*paths: Path) -> list[Document | Rejection]:
    return list(iter_documents([str(p) for p in paths]))


def test_french_and_chinese_files_are_refused_with_one_line_and_english_goes_on(tmp_path: Path) -> None:
    (tmp_path / "a_en.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "b_fr.txt").write_text(FRENCH, encoding="utf-8")
    (tmp_path / "c_zh.txt").write_text(CHINESE, encoding="utf-8")
    english, french, chinese = read(tmp_path)
    assert isinstance(english, Document) and english.language == "en"
    assert isinstance(french, Rejection) and isinstance(chinese, Rejection)
    assert french.message() == f"{tmp_path / 'b_fr.txt'}: language fr not supported"
    assert chinese.message() == f"{tmp_path / 'c_zh.txt'}: language zh not supported"


def test_jsonl_records_are_checked_one_by_one_and_a_given_language_is_respected(tmp_path: Path) -> None:
    lines = [{"text": FRENCH}, {"text": ENGLISH}, {"text": CHINESE}, {"text": ENGLISH + " Again.", "language": "fr"},
             {"text": ENGLISH + " Tagged.", "language": "en-US"}]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in lines) + "\n", encoding="utf-8")
    got = read(path)
    assert [g.message() if isinstance(g, Rejection) else g.language for g in got] == [
        f"{path}:1: language fr not supported", "en", f"{path}:3: language zh not supported",
        f"{path}:4: language fr not supported", "en"]


def test_a_given_language_wins_over_detection() -> None:
    assert document_language(FRENCH, given="EN") == "en"  # the caller says so; detection is not asked
    with pytest.raises(UnsupportedLanguage, match="^language de not supported$"):
        document_language(ENGLISH, given="de_DE")
    assert [normalize_language(tag) for tag in ("en", "EN", "en-US", "en_GB", " zh-Hans ")] == [
        "en", "en", "en", "en", "zh"]


@pytest.mark.parametrize("line", [
    # the identifier ranks another language first on each of these VOA lines, but never rules English out
    "Ambassador James Kariuki told reporters.", "President Joe Biden.", "President Donald Trump.",
    "Indo-Pacific Command.", "Intelligence failure?", "Mauritius owes China quite a lot.",
])
def test_short_english_lines_are_english(line: str) -> None:
    assert detect_language(line) == "en"


def test_the_cheap_check_sends_other_languages_to_the_identifier() -> None:
    assert english_share(ENGLISH) >= 0.2
    assert english_share(FRENCH) < 0.05 and english_share(CHINESE) == 0.0
    assert detect_language(FRENCH) == "fr" and detect_language(CHINESE) == "zh"
    german = ("Der chinesische Außenminister Wang Yi hat am Samstag in München den amerikanischen Außenminister "
              "Antony Blinken getroffen. Was die Gespräche bringen, ist unklar.")
    assert detect_language(german) == "de"


def test_no_voa_story_is_refused_by_either_check(voa_path: Path) -> None:
    texts = [json.loads(line)["text"] for line in voa_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(texts) == 89
    assert [t[:60] for t in texts if detect_language(t) != "en"] == []
    # the identifier alone agrees on every story, so the cheap check only saves time, it decides nothing
    assert [t[:60] for t in texts if _identifier().classify(t[:2000])[0] != "en"] == []
