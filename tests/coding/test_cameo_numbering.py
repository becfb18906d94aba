"""Codes 163–166 follow the CAMEO codebook (and GDELT's event codes and the PLOVER conversion table): 163 impose
embargo, boycott or sanctions; 164 halt negotiations; 165 halt mediation; 166 expel or withdraw."""

from __future__ import annotations

from detente.coding import Coder
from detente.coding.cameo import load_cameo


def test_the_table_numbers_them_as_the_codebook() -> None:
    cameo = load_cameo()
    assert cameo.goldstein("163") == -8.0  # sanctions weigh most
    assert cameo.goldstein("164") == -6.5
    assert cameo.goldstein("165") == -7.0
    assert cameo.goldstein("166") == -7.0 and cameo.goldstein("1662") == -7.0


def test_the_coder_emits_the_codebook_codes(coder: Coder) -> None:
    def codes(text: str) -> set[str | None]:
        return {m.cameo for m in coder.code_text(text) if m.type == "SANCTION"}

    assert codes("The United States imposed sanctions on Iran.") == {"163"}
    assert codes("Russia expelled two British diplomats.") <= {"166", "1662"}
    assert codes("Russia expelled two British diplomats.")
