from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from detente.readers.rules import default_rules, load_rules

BUNDLED = Path(__file__).parents[2] / "detente" / "readers" / "rules.yaml"


def test_bundled_rules_load_with_names_expanded() -> None:
    rules = default_rules()
    assert rules.header_max_lines > 0
    assert "read more" in rules.furniture_lines
    patterns = [r.pattern.pattern for r in rules.genres] + [r.pattern.pattern for r in rules.outlets]
    patterns += [p.pattern for _, p in rules.furniture_patterns] + [p.pattern for p in rules.date_label]
    assert not any(name in p for p in patterns for name in ("<OUTLET>", "<WORD>", "<LANGUAGE>", "<MONTH>"))
    assert any("繁體" in p for p in patterns) and any("(?i:jan|feb" in p for p in patterns)
    assert {rule.genre for rule in rules.genres} == {"editorial", "newsletter"}
    assert [rule.genre for rule in rules.header_labels()] == ["editorial"]


def _write(tmp_path: Path, edit: dict) -> Path:
    data = yaml.safe_load(BUNDLED.read_text(encoding="utf-8"))
    data.update(edit)
    path = tmp_path / "rules.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_a_copy_of_the_bundled_file_loads(tmp_path: Path) -> None:
    assert load_rules(_write(tmp_path, {})) == load_rules()


@pytest.mark.parametrize(
    "edit",
    [
        {"genres": [{"genre": "gossip", "where": "text", "pattern": "x"}]},
        {"genres": [{"genre": "news", "where": "footer", "pattern": "x"}]},
        {"outlets": [{"where": "text", "pattern": "no group here"}]},
        {"outlets": [{"where": "text", "pattern": "(?P<outlet><NOSUCHNAME>)"}]},
        {"title": {"min_words": 2}},
        {"furniture": {"lines": [], "patterns": {}, "video_caption": "(unclosed"}},
        {"names": {"A": "<B>", "B": "<A>"}, "outlets": [{"where": "text", "pattern": "(?P<outlet><A>)"}]},
    ],
)
def test_malformed_rules_fail_loudly_naming_the_file(tmp_path: Path, edit: dict) -> None:
    path = _write(tmp_path, edit)
    with pytest.raises(ValueError, match="malformed rules"):
        load_rules(path)
