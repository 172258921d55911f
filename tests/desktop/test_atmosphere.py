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


def _play_on_until_the_header_changes(pilot: Pilot) -> None:
    play = pilot.app.top
    seen = (play.shown.place, play.shown.date)  # type: ignore[attr-defined]
    for _ in range(30):
        options = [i for i in play.items if i.extra.get("kind") == "option" and i.enabled]
        pilot.press(str(options[0].number) if options else "enter")
        pilot.app.turn()
        if pilot.screen == "play" and (play.shown.place, play.shown.date) != seen \
                and play.pending is None:  # type: ignore[attr-defined]
            return
        if pilot.screen == "place-card":
            return
    raise AssertionError("the header never changed")


def test_a_new_date_tops_the_passage_with_a_slip_not_a_card(pilot: Pilot) -> None:
    _enter_scene(pilot)
    pilot.press("enter")
    _play_on_until_the_header_changes(pilot)
    assert pilot.screen == "play"  # the same place on another day: no card to dismiss
    play = pilot.app.top
    slip = pilot.text("date-slip")
    assert play.shown.date.upper() in slip and play.shown.place.upper() in slip  # type: ignore[attr-defined]


def test_a_new_place_brings_its_own_card(tmp_path: Path) -> None:
    from game.engine import load_story
    from tests.desktop.conftest import FIXTURES

    folder = tmp_path / "scenes"
    folder.mkdir()
    text = (FIXTURES / "desktop_demo.yaml").read_text(encoding="utf-8")
    text = text.replace("date: early 1938", "place: Paris\n    date: early 1938")
    (folder / "desktop_demo.yaml").write_text(text, encoding="utf-8")
    story = load_story(folder)
    assert not story.diagnostics and "place: Paris" in text
    pilot = Pilot.start(story)
    _enter_scene(pilot)
    pilot.press("enter")
    _play_on_until_the_header_changes(pilot)
    assert pilot.screen == "place-card" and pilot.has("Paris", role="place")
    assert pilot.has("Paris", role="map-city")
    pilot.click("Continue (Enter)")
    assert pilot.screen == "play"
    pilot.close()


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


def _cited(story, source: str, quote: str):  # type: ignore[no-untyped-def]
    from game.diagnostics import Location
    from game.model import Citation

    span = story.library.prove(source, quote)
    assert span is not None, quote
    voice, _ = story.library[source].voice_at(span.start, span.end)
    return Citation(source, quote, span.start, span.end, Location("test"), voice=voice)


def test_a_memoir_is_set_as_a_book_page_and_a_report_as_a_typed_sheet(story) -> None:  # type: ignore[no-untyped-def]
    from game.desktop.documents import heading, segments

    memoir = _cited(story, "bazarov", "When I had been connected and heard his answer at the "
                                      "other end of the wire")
    report = _cited(story, "bazarov", "It is true that he is widely known as a liberal")
    text = ('You would write it down years later: "When I had been connected and heard his '
            'answer at the other end of the wire." Fred wrote to Moscow: "It is true that he '
            'is widely known as a liberal." Then nothing.')
    pieces = segments(text, (memoir, report))
    assert [piece.style for piece in pieces] == ["", "book", "", "typed", ""]
    assert pieces[1].text.startswith("When I had been connected")
    assert heading(memoir.voice) == "Hede Massing · This Deception (1951)"
    assert heading(report.voice).startswith("REPORT") or heading(report.voice).split()[0].isupper()
    assert segments("No quote here.", (memoir,))[0].style == ""


def test_the_passage_shows_its_memoir_as_a_page_and_folds_its_sources(home) -> None:  # type: ignore[no-untyped-def]
    from game.engine import load_story

    story = load_story()
    scene = story.scenes["exit_visa"]
    node = next(n for n in scene.nodes.values()
                if "When I had been connected" in n.text or any(
                    "When I had been connected" in part.text for part in n.parts))
    pilot = Pilot.start(story)
    player = story.new_player(scene.id)
    player.playthrough.node = node.id
    for part in node.parts:  # make every conditional part of the passage hold
        for name in (part.condition.names if part.condition else ()):
            if isinstance(player.playthrough.variables[name], bool):
                player.playthrough.variables[name] = True
    pilot.app.open_play(player)
    pilot.app.find_screen("play").place_announced()  # type: ignore[union-attr]
    pilot.app.pump()
    assert "When I had been connected" in player.passage.text
    assert pilot.has("This Deception (1951)", role="document-heading")
    assert pilot.has("When I had been connected", role="document")
    sources = pilot.find(key="sources")
    assert "show" in sources.text and not pilot.labels("citation")[1:]
    pilot.click(key="sources")
    assert any(label.key.startswith("cite:") for label in pilot.labels("citation"))
    pilot.close()


def test_a_scene_opened_straight_from_the_command_line_starts_on_its_card(story) -> None:  # type: ignore[no-untyped-def]
    from game.desktop.start import build_app

    app = build_app(story, (1366, 768), story.ordered[0].id)  # cover-names play SCENE
    pilot = Pilot(app)
    app.turn()  # the very first turn of the loop, with the window still to draw
    assert pilot.screen == "place-card"
    pilot.close()
