"""Only a meeting attended is attending one (triggers.yaml, the ``attend`` sense): a hearing, a school or a dinner
attended is no CONSULT."""

from __future__ import annotations

from detente.coding import Coder


def _types(coder: Coder, text: str) -> list[str]:
    return [m.type for m in coder.code_text(text)]


def test_a_meeting_attended_is_a_consultation(coder: Coder) -> None:
    assert _types(coder, "The Indian prime minister attended the meeting in Beijing on Friday.") == ["CONSULT"]
    assert _types(coder, "The Russian envoy attended talks with Japanese officials in Tokyo.") == ["CONSULT"]


def test_a_hearing_a_school_or_a_dinner_attended_is_none(coder: Coder) -> None:
    assert _types(coder, "The Japanese ambassador attended a court hearing in Osaka with Chinese officials.") == []
    assert _types(coder, "The Chinese ambassador attended a dinner in Washington with American officials.") == []
