"""The people: each person's identity card in the dossier, and cover names linked to them.

Played on the shipped scenes, since the cover names ("Fred", "Peter") are
theirs: a cover name in a passage opens its person's card, the card links the
cover name to the person in words and shows only what reference/people.yaml
quotes, and it fits the window at projector text.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest

from game.desktop.id_card import NO_PHOTOGRAPH, NO_YEARS
from game.desktop.pilot import Pilot
from game.engine import Story, load_story


@pytest.fixture(scope="module")
def shipped() -> Story:
    return load_story()


@pytest.fixture
def visa(shipped: Story) -> Iterator[Pilot]:
    """The Exit Visa's first passage, which names Bazarov by his cover name first."""
    driver = Pilot.start(shipped, (1366, 768), scene_id="exit_visa")
    assert driver.screen == "play"
    yield driver
    driver.close()


def open_link(pilot: Pilot, name: str) -> None:
    """Scroll the passage until the link `name` is whole in view, then click it."""
    for _ in range(20):
        links = [label for label in pilot.labels() if label.key.startswith("link:")
                 and label.text == name and pilot.app.top.viewport.contains(label.rect)]
        if links:
            pilot.click(name, key=links[0].key)
            return
        pilot.scroll(-1)
    raise AssertionError(f"no link {name!r} in view")


def test_a_cover_name_in_a_passage_opens_its_persons_identity_card(visa: Pilot) -> None:
    open_link(visa, "Fred")  # "Fred" is Bazarov's cover name, not a name of his own
    assert visa.screen == "dossier"
    assert visa.texts("card-name") == ["Boris Bazarov"]
    assert visa.texts("card-cover") == ["“Fred” → Boris Bazarov"]
    assert visa.has("NKVD station chief in New York", role="card-role")
    assert visa.text("card-years") == "born 1893; executed 1939"
    # A typographic file card: typed fields, a folder with the name on its tab, a stamp,
    # and where a photograph would be, no invented likeness.
    assert visa.texts("card-field") == ["NAME", "COVER NAME", "ROLE", "YEARS"]
    assert visa.texts("folder-tab") == ["FILE · BAZAROV"]
    assert visa.texts("stamp") == ["“FRED”"]
    assert visa.text("card-photo") == NO_PHOTOGRAPH
    # The card is in sight, whole, not under the window's edge or the "More below" cue.
    view = visa.app.top.viewport
    for role in ("card-name", "card-cover", "card-years"):
        assert all(view.contains(label.rect) for label in visa.labels(role)), role
    assert "Fred was the cover name of Boris Bazarov" in visa.app.top.speech_text()


def test_every_cover_name_on_the_card_points_at_its_person(visa: Pilot) -> None:
    open_link(visa, "Peter")
    assert visa.texts("card-name") == ["Vassili Zarubin"]
    assert visa.texts("card-cover") == ["“Peter” → Vassili Zarubin"]


def test_a_person_whose_years_the_sources_do_not_give_says_so(visa: Pilot) -> None:
    open_link(visa, "Paul")
    assert visa.texts("card-name") == ["Paul Massing"]
    assert visa.text("card-years") == "arrived in Moscow in November 1937"
    visa.press("esc")
    open_link(visa, "Mikhail Shpiegelglass")
    assert visa.text("card-years") == "born 1897; executed 1940"
    visa.press("esc", "d")
    visa.click("Vassili Zarubin", key="entry:")  # in the list: the card opens below the name
    assert visa.text("card-years") == NO_YEARS
    assert visa.text("card-cover") == "“Peter” → Vassili Zarubin"


def test_the_dossier_still_files_only_the_people_met_and_credits_their_sources(
    visa: Pilot,
) -> None:
    open_link(visa, "Fred")
    assert not visa.has("Laurence Duggan")  # of another scene, not met yet
    assert any(item.id.startswith("cite:") for item in visa.app.top.items)
    visa.press("end")
    assert visa.labels("filed-away")


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080), (1024, 600)])
def test_the_identity_card_fits_the_window_at_projector_text(
    shipped: Story, size: tuple[int, int]
) -> None:
    pilot = Pilot.start(shipped, size, scene_id="exit_visa")
    try:
        pilot.app.apply_settings(replace(pilot.app.settings, text_size="projector"))
        pilot.app.pump()
        open_link(pilot, "Fred")
        window = pilot.app.surface.get_rect()
        card = [label for role in ("card-name", "card-cover", "card-role", "card-years",
                                   "card-field", "card-photo", "stamp")
                for label in pilot.labels(role)]
        assert card and all(window.contains(label.rect) for label in card)
        fields = {label.text: label.rect for label in pilot.labels("card-field")}
        values = [label.rect for role in ("card-name", "card-cover", "card-role", "card-years")
                  for label in pilot.labels(role)]
        assert all(not rect.colliderect(value) for rect in fields.values() for value in values)
        assert pilot.has("“Fred” → Boris Bazarov", role="card-cover")
    finally:
        pilot.close()


def test_a_cover_name_the_sources_only_identify_says_so_on_the_card(visa: Pilot) -> None:
    from game.desktop.screens.dossier import DossierScreen

    visa.app.push(DossierScreen(visa.app, "hede_massing"))
    visa.app.pump()
    assert visa.texts("card-cover") == ["“Redhead” → Hede Massing"]
    note = visa.text("card-cover-note")
    assert "unidentified in Venona" in note and "Benson identifies it" in note
