"""Facts copied by hand from the PLOVER manual (draft 0.8), for tests that check code and data against the
codebook rather than against the code's own tables."""

from __future__ import annotations

# PLOVER type -> the modes its table in the manual lists (types without a table take none).
MANUAL_MODES: dict[str, set[str]] = {
    "CONSULT": {"visit", "third-party", "multilateral", "phone"},
    "RETREAT": {"withdraw", "release", "disarm", "ceasefire", "access", "resign"},
    "REQUEST": {"assist", "change", "yield", "meet"},
    "REJECT": {"assist", "change", "yield", "meet"},
    "ACCUSE": {"disapprove", "investigate", "allege"},
    "THREATEN": {"restrict", "arrest", "relations", "expel", "territory", "violence"},
    "PROTEST": {"demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"},
    "SANCTION": {"convict", "expel", "withdraw", "discontinue"},
    "MOBILIZE": {"troops", "weapons", "police", "militia"},
    "COERCE": {"seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport", "withhold",
               "misinformation", "cyber"},
    "ASSAULT": {"abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive", "firearms",
                "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons", "crowd-control",
                "unconventional"},
}
# Modes detente adds where the manual has none for an act it codes (docs/coding.md): easing (RETREAT) and bans
# of parties or publications (COERCE).
PROJECT_MODES: dict[str, set[str]] = {"RETREAT": {"ease"}, "COERCE": {"ban"}}
