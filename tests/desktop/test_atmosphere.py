"""The game's look: the title as a period file, the faces that tell a document, licences."""

from __future__ import annotations

from pathlib import Path

from game.desktop.pilot import Pilot

ROOT = Path(__file__).resolve().parents[2]


def test_the_title_is_a_file_cover_naming_every_scene_with_place_and_years(pilot: Pilot) -> None:
    pilot.app.turn()  # the first frame is drawn before the scenes are read
    assert pilot.has("Cover Names", role="title") and pilot.has("SECRET", role="stamp")
    cover = pilot.text("cover-scene")
    for scene in pilot.app.story.scenes.values():
        assert scene.title in cover and scene.date in cover and scene.place in cover
    stamp = pilot.find("SECRET", role="stamp").rect
    assert not any(stamp.colliderect(label.rect) for label in pilot.labels()
                   if label.role in ("title", "subtitle", "cover-scene", "button"))


def test_every_shipped_asset_has_its_licence_and_provenance_beside_it() -> None:
    assets = ROOT / "assets"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for folder in sorted({path.parent for path in assets.rglob("*") if path.is_file()}):
        notes = (folder / "README.md").read_text(encoding="utf-8")
        licences = [p.name for p in folder.iterdir() if p.name.upper().startswith(("OFL", "LICEN"))
                    or "licence" in p.name.lower()]
        for path in folder.iterdir():
            if path.is_file() and path.suffix.lower() in (".ttf", ".otf", ".ogg", ".wav", ".json"):
                stem = path.stem.split("-")[0].split("12")[0]
                assert stem in notes, f"{path.name} is not described in {folder}/README.md"
        assert licences or "public domain" in notes.lower(), folder
        assert folder.relative_to(ROOT).as_posix() in readme, f"README.md does not list {folder}"


def _enter_scene(pilot: Pilot) -> None:
    from tests.desktop.conftest import start_scene

    start_scene(pilot)
    pilot.app.turn()  # the loop announces the place before the passage


def test_entering_a_scene_shows_its_place_card_with_the_map(pilot: Pilot) -> None:
    _enter_scene(pilot)
    assert pilot.screen == "place-card"
    passage = pilot.app.find_screen("play").shown  # type: ignore[union-attr]
    assert pilot.has(passage.place, role="place") and pilot.has(passage.date, role="date")
    assert pilot.has("You are", role="context")
    pilot.press("enter")
    assert pilot.screen == "play"
    pilot.app.turn()
    assert pilot.screen == "play"  # the same place and date: no second card


def test_a_new_place_or_date_brings_a_new_card(pilot: Pilot) -> None:
    _enter_scene(pilot)
    pilot.press("enter")
    play = pilot.app.top
    seen = {(play.shown.place, play.shown.date)}  # type: ignore[attr-defined]
    for _ in range(30):  # play on until the header changes
        options = [i for i in play.items if i.extra.get("kind") == "option" and i.enabled]
        pilot.press(str(options[0].number) if options else "enter")
        pilot.app.turn()
        if pilot.screen == "place-card":
            break
        if pilot.screen != "play":
            pilot.press("enter")
    else:
        raise AssertionError("the header never changed")
    card = pilot.app.top
    assert (card.place, card.date) not in seen  # type: ignore[attr-defined]
    pilot.click("Continue (Enter)")
    assert pilot.screen == "play"


def test_the_map_is_drawn_once_and_kept(pilot: Pilot) -> None:
    from game.desktop.maps import cities_in, view_for

    _enter_scene(pilot)
    card = pilot.app.top
    painter = card._painter()  # type: ignore[attr-defined]
    view, cities = view_for(cities_in("New York and Washington")), cities_in("New York")
    assert view is not None and view.name == "america"
    first = painter.surface(view, (400, 300), pilot.app.palette, cities, 16)
    assert painter.surface(view, (400, 300), pilot.app.palette, cities, 16) is first
    assert view_for(cities_in("Moscow")).name == "europe"  # type: ignore[union-attr]
    assert view_for(cities_in("New York") + cities_in("Moscow")).name == "atlantic"  # type: ignore[union-attr]
    assert cities_in("Outside the Soviet Union") == ()
