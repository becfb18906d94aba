"""User actor files: adding and overriding entries, and errors that name the file and line."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest

from detente.resolve.actors import ActorDataError, ActorKB, default_kb
from detente.resolve.actors._data import DATA_DIR, read_all
from detente.resolve.actors._index import compile_index
from tests.conftest import present

DAY = dt.date(2024, 6, 1)


def write(path: Path, text: str) -> Path:
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return path


def test_user_yaml_adds_a_person_and_a_body(tmp_path: Path) -> None:
    f = write(
        tmp_path / "mine.yaml",
        """
        country: NOR
        people:
          - name: Kari Nordmann
            roles:
              - [state secretary, 2023-01-01]
        bodies:
          - {name: Oslo Peace Institute, aliases: [OPI], sector: NGO}
        """,
    )
    kb = ActorKB.load([f])
    person = kb.resolve("Kari Nordmann", DAY)
    assert person is not None and (person.country, person.sector, person.name) == ("NOR", "GOV", "Kari Nordmann")
    body = kb.resolve("OPI researchers", DAY)
    assert body is not None and (body.country, body.sector) == ("NOR", "EDU")
    # the bundled knowledge base is still there
    assert kb.country_of_name("Norway") == "NOR"


def test_user_entry_replaces_a_bundled_one(tmp_path: Path) -> None:
    f = write(
        tmp_path / "fix.yaml",
        """
        country: USA
        people:
          - name: Antony Blinken
            roles: [[special envoy, 2021-01-01, null, NGO]]
        """,
    )
    bundled = ActorKB.load()
    assert present(bundled.resolve("Antony Blinken", DAY)).sector == "GOV"
    assert present(ActorKB.load([f]).resolve("Antony Blinken", DAY)).sector == "NGO"


def test_user_file_extends_a_country_and_the_vocabulary(tmp_path: Path) -> None:
    write(tmp_path / "a_vocab.yaml", "agents:\n  strong:\n    MIL: [drone operator]\n")
    write(tmp_path / "b_nor.yaml", "country: NOR\naliases: [Norge]\ndemonyms: [Norsk]\n")
    kb = ActorKB.load([tmp_path])
    assert kb.country_of_name("Norge") == "NOR"
    actor = kb.resolve("Norsk drone operators", DAY)
    assert actor is not None and (actor.country, actor.sector) == ("NOR", "MIL")


def test_user_csv_file(tmp_path: Path) -> None:
    f = write(
        tmp_path / "people.csv",
        """
        name,country,title,sector,from,to,aliases
        Ola Hansen,NOR,mayor of Tromso,GOV,2015,2019,
        Ola Hansen,NOR,ambassador to Japan,,2020-03,,O. Hansen
        """,
    )
    kb = ActorKB.load([f])
    assert present(kb.resolve("Ola Hansen", dt.date(2017, 1, 1))).sector == "GOV"
    later = kb.resolve("O. Hansen", dt.date(2022, 1, 1))
    assert later is not None and (later.country, later.name) == ("NOR", "Ola Hansen")
    assert present(kb.resolve("Ola Hansen", dt.date(2020, 1, 15))).sector == "ELI"  # between the two posts


def test_remove_drops_a_bundled_entry(tmp_path: Path) -> None:
    f = write(tmp_path / "rm.yaml", "country: USA\nremove: [Cato Institute]\n")
    assert ActorKB.load([f]).resolve("Cato Institute", DAY) is None


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ("country: USA\npeople:\n  - name: X Y\n    roles:\n      - [envoy, 2021-13-01]\n", 5, "bad date"),
        ("country: USA\npeople:\n  - name: X Y\n    rolse: []\n", 4, "unknown key 'rolse'"),
        ("country: USA\nbodies:\n  - {name: Z Corp, sector: XYZ}\n", 3, "unknown sector 'XYZ'"),
        ("country: USA\npeople:\n  - name: X Y\n    roles: [[envoy, 2022, 2021]]\n", 4, "ends"),
        ("country: usa\n", 1, "ISO 3166-1"),
        ("country: QQQ\npeople:\n  - {name: X Y}\n", 1, "country QQQ has no name"),
        ("country: USA\npeople:\n  - {name: X Y, country: QQQ}\n", 3, "unknown country 'QQQ'"),
        ("country: USA\npeople:\n  - name: X Y\n    roles: [{title: t, body: Nowhere}]\n", 4, "unknown body"),
        ("country: USA\npeople: [\n", 3, "not valid YAML"),
        ("nonsense: 1\n", 1, "unknown key 'nonsense'"),
    ],
)
def test_bad_entry_names_file_and_line(tmp_path: Path, text: str, line: int, reason: str) -> None:
    f = tmp_path / "bad.yaml"
    f.write_text(text, encoding="utf-8")
    usa = write(tmp_path / "a_usa.yaml", "country: USA\nname: United States\n")
    with pytest.raises(ActorDataError) as err:
        # the vocabulary and one country are enough to check a file, and quicker than the whole knowledge base
        compile_index(read_all([DATA_DIR / "agents.yaml", usa, f]))
    message = str(err.value)
    assert message.startswith(f"{f}:{line}: "), message
    assert reason in message


def test_bad_csv_row_names_its_line(tmp_path: Path) -> None:
    f = write(tmp_path / "bad.csv", "name,country,from\nA B,NOR,2020\nC D,NOR,someday\n")
    with pytest.raises(ActorDataError, match=rf"^{f}:3: bad date"):
        ActorKB.load([f])


def test_missing_path_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ActorDataError, match="no such actor file"):
        ActorKB.load([tmp_path / "nope.yaml"])


def test_compiled_cache_is_reused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from detente.resolve.actors._cache import load_index

    monkeypatch.setenv("DETENTE_CACHE", str(tmp_path))
    monkeypatch.delenv("DETENTE_NO_CACHE", raising=False)
    first = load_index()
    cached = list((tmp_path / "detente").glob("actors-*.pickle"))
    assert len(cached) == 1
    again = load_index()
    assert again is not first and again.n_aliases == first.n_aliases
    assert set(again.entities) == set(first.entities)


# -- agent words from PETRARCH2 (scripts/build_petrarch_agents.py) ---------------------------------------------

_PHOENIX = Path(__file__).resolve().parents[2].parent / "shared" / "reference" / "petrarch2" / "Phoenix.agents.txt"


def test_petrarch_agent_words_give_a_sector_the_curated_list_lacks() -> None:
    kb = default_kb()
    on = dt.date(2024, 1, 1)
    for text, sector in [("Nigerian coup plotters", "REB"), ("a Mexican narcotics officer", "COP"),
                         ("Kenyan tenant farmers", "AGR"), ("the Indian chief minister", "GOV")]:
        actor = kb.resolve(text, on=on)
        assert actor is not None and actor.sector == sector, (text, actor)
    # weak words: a curated word of the phrase still decides ("Chinese officials" are the government)
    assert present(kb.resolve("Chinese officials", on=on)).sector == "GOV"


@pytest.mark.skipif(not _PHOENIX.exists() or not Path("/usr/share/wordnet/index.noun").exists(),
                    reason="needs ../shared/reference/petrarch2 and Debian's wordnet-base")
def test_the_petrarch_agents_file_is_what_the_script_makes(tmp_path: Path) -> None:
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    out = tmp_path / "petrarch_agents.yaml"
    subprocess.run([sys.executable, str(root / "scripts" / "build_petrarch_agents.py"), str(_PHOENIX), str(out)],
                   check=True, capture_output=True)
    assert out.read_text(encoding="utf-8") == \
        (root / "detente" / "resolve" / "actor_data" / "petrarch_agents.yaml").read_text(encoding="utf-8")


def test_country_codes_are_the_codes_the_bundled_country_files_load_with() -> None:
    """Read off one line per file without loading the knowledge base, they must be what loading it gives."""
    from detente.resolve.actors import country_codes
    from detente.resolve.actors._data import bundled_files

    loaded = read_all([p for p in bundled_files() if p.parent == DATA_DIR / "countries"]).countries
    assert country_codes() == frozenset(loaded) and "KOS" in country_codes() and len(country_codes()) > 190
