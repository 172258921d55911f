"""The shipped reference data loads cleanly, every entry is cited, and the loader is strict.

The second half feeds the loader small broken files (written to a temporary
folder) and checks that each problem is reported with its code and line,
while the good entries around it still load.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from game.model import Citation
from game.reference import Reference, load_reference
from game.reference.model import Event, Organisation, Person
from game.sources import SourceLibrary

REPO = Path(__file__).resolve().parents[2]
SCENE_IDS = frozenset({"recruiting_duggan", "moscow_interrogation", "exit_visa"})


@pytest.fixture(scope="module")
def reference(library: SourceLibrary) -> Reference:
    return load_reference(REPO / "reference", library, SCENE_IDS)


def test_loads_with_no_diagnostics(reference: Reference) -> None:
    assert not reference.diagnostics, "\n".join(str(d) for d in reference.diagnostics)
    assert len(reference.people) >= 20
    assert len(reference.organisations) >= 8
    assert len(reference.events) >= 25


def test_every_entry_is_cited(reference: Reference) -> None:
    for entry in (*reference.people, *reference.organisations, *reference.events):
        assert entry.citations, entry.id
        for citation in entry.citations:
            assert citation.end > citation.start, (entry.id, citation.quote)


@pytest.mark.parametrize(("cover_name", "person_id"), [
    ("Fred", "boris_bazarov"),
    ("Ernst", "noel_field"),
    ("Peter", "vassili_zarubin"),
    ("Ludwig", "ignaz_reiss"),
    ("Redhead", "hede_massing"),
])
def test_cover_names_match_the_sources(
    reference: Reference, cover_name: str, person_id: str
) -> None:
    assert cover_name in reference.person(person_id).cover_names
    assert [entry.id for entry in reference.named(cover_name)] == [person_id]


def test_redhead_is_given_as_an_identification(reference: Reference) -> None:
    # Venona leaves "Redhead" unidentified; Benson identifies her as Massing.
    summary = reference.person("hede_massing").summary
    assert "Redhead" in summary and "Benson" in summary and "unidentified" in summary


@pytest.mark.parametrize(("first_name", "person_id"), [
    ("Larry", "laurence_duggan"),
    ("Helen", "helen_boyd"),
])
def test_first_names_are_aliases_not_cover_names(
    reference: Reference, first_name: str, person_id: str
) -> None:
    # Massing's memorandum writes "Larry and Helen (Duggan)": the couple's own first
    # names, not names the service gave them, so the dossier files them as aliases.
    person = reference.person(person_id)
    assert first_name in person.aliases
    assert first_name not in person.cover_names
    assert [entry.id for entry in reference.named(first_name, "recruiting_duggan")] == [person_id]


def test_a_shared_name_is_settled_by_the_scene(reference: Reference) -> None:
    # "Helen" is Helen Boyd in the Duggan reports, and Elizabeth Zarubina in Massing's memoir.
    assert {e.id for e in reference.named("Helen")} == {"helen_boyd", "elizabeth_zarubina"}
    assert [e.id for e in reference.named("Helen", "recruiting_duggan")] == ["helen_boyd"]
    assert [e.id for e in reference.named("helen", "moscow_interrogation")] == [
        "elizabeth_zarubina"
    ]


def test_the_sources_spellings_all_lead_to_one_person(reference: Reference) -> None:
    for spelling in ("Shpiegelglass", "Shpiegelglas", "Spiegelglass"):
        assert [e.id for e in reference.named(spelling)] == ["mikhail_shpiegelglass"]
    for spelling in ("Schildback", "Schildbach"):
        assert [e.id for e in reference.named(spelling)] == ["gertrude_schildbach"]
    assert [e.id for e in reference.named("ADT")] == ["administration_of_special_tasks"]


def test_required_organisations_are_there(reference: Reference) -> None:
    ids = {organisation.id for organisation in reference.organisations}
    assert {"cheka", "ogpu", "nkvd", "ino", "gru", "administration_of_special_tasks",
            "mobile_group", "comintern", "rovs", "state_department"} <= ids


def test_timeline_runs_from_1893_to_1940_in_order(reference: Reference) -> None:
    years = [event.year for event in reference.events]
    assert years[0] == 1893 and years[-1] == 1940
    assert years == sorted(years)
    for scene_id in SCENE_IDS:
        assert reference.events_for(scene_id), scene_id


def test_names_index_covers_every_entry(reference: Reference) -> None:
    index = reference.names()
    assert index["Fred"] == ("boris_bazarov",)
    ids = {entry_id for entry_ids in index.values() for entry_id in entry_ids}
    assert ids == {e.id for e in (*reference.people, *reference.organisations)}


# -- the loader on broken files ---------------------------------------------------

GOOD_PERSON = """\
  - id: boris_bazarov
    name: Boris Bazarov
    cover_names: [Fred]
    role: NKVD station chief
    summary: Station chief in New York.
    cite:
      - {source: bazarov, quote: "In 1935 Bazarov became the NKVD station chief in New York City."}
"""
GOOD_ORGANISATIONS = """\
organisations:
  - id: nkvd
    name: NKVD
    summary: The service.
    cite:
      - {source: bazarov, quote: "Nikolai Yezhov, the head of the NKVD"}
"""
GOOD_EVENT = """\
  - id: bazarov_born
    date: "1893"
    display: "1893"
    text: Bazarov is born.
    cite:
      - {source: bazarov, quote: "Boris Bazarov was born in Lithuania in 1893."}
"""


def _write(folder: Path, people: str, organisations: str = GOOD_ORGANISATIONS,
           events: str = "") -> Path:
    (folder / "people.yaml").write_text("people:\n" + people, encoding="utf-8")
    (folder / "organisations.yaml").write_text(organisations, encoding="utf-8")
    (folder / "timeline.yaml").write_text("events:\n" + (events or GOOD_EVENT), encoding="utf-8")
    return folder


def _codes(reference: Reference) -> list[str]:
    return [d.code for d in reference.diagnostics]


def test_a_good_minimal_folder_loads(tmp_path: Path, library: SourceLibrary) -> None:
    reference = load_reference(_write(tmp_path, GOOD_PERSON), library)
    assert not reference.diagnostics
    assert reference.person("boris_bazarov").names == ("Boris Bazarov", "Fred")


def test_an_unproven_quote_is_reported_and_its_entry_left_out(
    tmp_path: Path, library: SourceLibrary
) -> None:
    bad = GOOD_PERSON.replace("In 1935 Bazarov", "In 1936 Bazarov").replace(
        "boris_bazarov", "boris_bazarov_2")
    reference = load_reference(_write(tmp_path, GOOD_PERSON + bad), library)
    assert _codes(reference) == ["CN502"]
    assert reference.diagnostics[0].where.line == 15  # the quote's own line
    assert "closest passage" in reference.diagnostics[0].hint
    assert [p.id for p in reference.people] == ["boris_bazarov"]


def test_missing_cite_and_unknown_keys_are_reported(
    tmp_path: Path, library: SourceLibrary
) -> None:
    person = "  - id: no_cite\n    name: X\n    role: r\n    summary: s\n    fat: dead\n"
    reference = load_reference(_write(tmp_path, person), library)
    assert sorted(_codes(reference)) == ["CN201", "CN202"]
    assert "did you mean 'fate'" in next(d.hint for d in reference.diagnostics
                                          if d.code == "CN202")
    assert not reference.people


def test_an_empty_cite_list_is_refused(tmp_path: Path, library: SourceLibrary) -> None:
    person = GOOD_PERSON.split("    cite:")[0] + "    cite: []\n"
    reference = load_reference(_write(tmp_path, person), library)
    assert _codes(reference) == ["CN206"]


def test_a_repeated_id_is_reported(tmp_path: Path, library: SourceLibrary) -> None:
    organisations = GOOD_ORGANISATIONS.replace("id: nkvd", "id: boris_bazarov")
    reference = load_reference(_write(tmp_path, GOOD_PERSON, organisations), library)
    assert len(reference.diagnostics) == 1
    assert "boris_bazarov" in reference.diagnostics[0].message
    assert not reference.organisations


def test_bad_and_backward_dates_are_reported(tmp_path: Path, library: SourceLibrary) -> None:
    later = GOOD_EVENT.replace("bazarov_born", "later").replace('date: "1893"', "date: 1939-02-21")
    bad = GOOD_EVENT.replace("bazarov_born", "bad").replace('date: "1893"', "date: 21 Feb 1939")
    reference = load_reference(_write(tmp_path, GOOD_PERSON, events=later + GOOD_EVENT + bad),
                               library)
    assert len(reference.diagnostics) == 2
    malformed, backwards = sorted(reference.diagnostics, key=lambda d: "later" in d.hint)
    assert "21 Feb 1939" in malformed.message
    assert "1939-02-21" in backwards.message and backwards.where.line == 8
    assert [e.id for e in reference.events] == ["later", "bazarov_born"]


def test_unknown_scene_ids_are_reported(tmp_path: Path, library: SourceLibrary) -> None:
    person = GOOD_PERSON.replace("    role:", "    scenes: [exit_vsa]\n    role:")
    reference = load_reference(_write(tmp_path, person), library, SCENE_IDS)
    assert _codes(reference) == ["CN702"]
    assert "exit_visa" in reference.diagnostics[0].hint


def test_unsafe_yaml_is_refused(tmp_path: Path, library: SourceLibrary) -> None:
    person = GOOD_PERSON.replace("name: Boris Bazarov", "name: !!python/object:os.system x")
    reference = load_reference(_write(tmp_path, person), library)
    assert "CN107" in _codes(reference)
    aliases = "  - &a {id: x}\n  - *a\n"
    reference = load_reference(_write(tmp_path, aliases), library)
    assert "CN105" in _codes(reference)


def test_a_missing_file_is_reported_not_raised(tmp_path: Path, library: SourceLibrary) -> None:
    _write(tmp_path, GOOD_PERSON)
    (tmp_path / "timeline.yaml").unlink()
    reference = load_reference(tmp_path, library)
    assert _codes(reference) == ["CN100"]
    assert reference.people and not reference.events


# -- what an entry says, its own citations quote ---------------------------------------------
#
# An entry's summary, fate and role are shown as fact in the dossier and on the timeline, so
# each fact must stand in the entry's own `cite`: a year, a day, another person or body it
# names. And where a fact rests on one voice (an article's claim, a later book retelling a
# witness), the entry says whose it is.

_YEAR = re.compile(r"\b1[89]\d\d\b")
_DAY = re.compile(r"\b(\d{1,2}) (January|February|March|April|May|June|July|August|September|"
                  r"October|November|December)\b")


def _told(entry: Person | Organisation | Event) -> str:
    if isinstance(entry, Person):
        return " ".join((entry.role, entry.summary, entry.fate))
    if isinstance(entry, Organisation):
        return entry.summary
    return entry.text


def _quoted(entry: Person | Organisation | Event) -> str:
    return " ".join(" ".join(citation.quote.split()) for citation in entry.citations)


def _parts(reference: Reference) -> list[tuple[str, str, str, tuple[Citation, ...]]]:
    """Each entry's text as the dossier may show it, with the quotes behind it: the card
    as first met, and each `later:` part, which may also lean on the card's own quotes."""
    parts = []
    for entry in (*reference.people, *reference.organisations, *reference.events):
        parts.append((entry.id, _told(entry), _quoted(entry), entry.citations))
        for part in getattr(entry, "later", ()):
            quoted = " ".join(" ".join(c.quote.split()) for c in part.citations)
            parts.append((f"{entry.id} (after {part.after})", part.text,
                          f"{_quoted(entry)} {quoted}", entry.citations + part.citations))
    return parts


def test_every_year_and_day_an_entry_gives_stands_in_its_own_citations(
    reference: Reference,
) -> None:
    missing = []
    for entry_id, told, quoted, _citations in _parts(reference):
        for year in set(_YEAR.findall(told)) - set(_YEAR.findall(quoted)):
            missing.append(f"{entry_id}: {year}")
        for day, month in _DAY.findall(told):
            if not re.search(rf"\b{day}(st|nd|rd|th)? {month}|{month} {day}\b", quoted):
                missing.append(f"{entry_id}: {day} {month}")
    assert missing == []


def test_every_person_an_entry_names_is_named_in_its_own_citations(
    reference: Reference,
) -> None:
    """'She worked under Boris Bazarov' needs a quote that names Bazarov (or "Fred")."""
    missing = []
    for entry_id, told, quoted, citations in _parts(reference):
        # A quote names, besides its words, who speaks in it and whom its article is about.
        voices = " ".join(f"{c.voice.author} {c.voice.article}" for c in citations
                          if c.voice is not None)
        quoted = f"{quoted} {voices}".casefold()
        for person in reference.people:
            if entry_id.startswith(person.id) or person.name not in told:
                continue
            if not any(name.casefold() in quoted for name in person.names):
                missing.append(f"{entry_id} names {person.name}")
    assert missing == []


@pytest.mark.parametrize(("entry_id", "whose"), [
    ("nikolai_yezhov", "Deacon"),  # "ordered a drastic purge": Deacon's words
    ("joseph_stalin", "Gazur"),  # the order to make an example of Reiss: Gazur retelling Orlov
    ("mikhail_shpiegelglass", "Gazur"),  # the Mobile Group killed Reiss: the same
    ("elizabeth_zarubina", "Conservapedia"),  # the wartime contact: the wiki's claim
    ("hede_massing", "Conservapedia"),  # recruited by Sorge, under Bazarov, Duggan a recruit
])
def test_a_fact_resting_on_one_voice_says_whose_it_is(
    reference: Reference, entry_id: str, whose: str
) -> None:
    person = reference.person(entry_id)  # the summary, or a part kept for the scene's end
    assert whose in " ".join([person.summary, *(part.text for part in person.later)])


def test_no_role_line_states_a_contested_claim_as_fact(reference: Reference) -> None:
    roles = {person.id: person.role for person in reference.people}
    assert "wartime" not in roles["elizabeth_zarubina"]
    assert "purge" not in roles["nikolai_yezhov"]
    assert "disputed" not in roles["mr_x"]  # one article's identification is not a dispute


def test_the_reiss_entry_gives_no_gloss_the_seeds_lack(reference: Reference) -> None:
    """'illegal rezident (secret station chief)': the gloss is in no seed."""
    for entry in (*reference.people, *reference.organisations, *reference.events):
        assert "secret station chief" not in _told(entry), entry.id
def test_a_year_no_quote_of_the_person_gives_is_refused(
    tmp_path: Path, library: SourceLibrary
) -> None:
    quoted = GOOD_PERSON.replace("    summary:", "    years: station chief from 1935\n    summary:")
    assert not load_reference(_write(tmp_path, quoted), library).diagnostics
    unquoted = GOOD_PERSON.replace("    summary:", "    years: born 1893\n    summary:")
    reference = load_reference(_write(tmp_path, unquoted), library)
    assert _codes(reference) == ["CN724"]
    assert "1893" in reference.diagnostics[0].message
    assert reference.diagnostics[0].where.line == 6  # the years' own line


def test_the_identity_cards_years_come_from_the_quotes(reference: Reference) -> None:
    assert reference.person("boris_bazarov").years == "born 1893; executed 1939"
    assert "1947" in reference.person("hede_massing").years


def test_an_organisation_keeps_a_part_for_its_scenes_end(
    tmp_path: Path, library: SourceLibrary
) -> None:
    """organisations.yaml takes `later:` as people.yaml does, and checks its scene (CN725)."""
    later = GOOD_ORGANISATIONS.replace("    summary:", "    scenes: [exit_visa]\n    summary:") + (
        "    later:\n"
        "      - after: exit_visa\n"
        "        text: Yezhov headed it.\n"
        "        cite:\n"
        "          - {source: bazarov, quote: \"Nikolai Yezhov, the head of the NKVD\"}\n")
    reference = load_reference(_write(tmp_path, GOOD_PERSON, later), library)
    assert not reference.diagnostics
    (part,) = reference.organisation("nkvd").later
    assert (part.after, part.text) == ("exit_visa", "Yezhov headed it.")
    assert part.citations[0].quote == "Nikolai Yezhov, the head of the NKVD"
    elsewhere = later.replace("after: exit_visa", "after: recruiting_duggan")
    reference = load_reference(_write(tmp_path, GOOD_PERSON, elsewhere), library)
    assert _codes(reference) == ["CN725"]
    assert reference.diagnostics[0].where.line == 9  # the `after:` line
    assert "this entry's scenes" in reference.diagnostics[0].message
    assert not reference.organisations  # left out, as any entry with an error
