"""The panels around play: the source viewer and back, rewind, history, dossier, help, voice."""

from __future__ import annotations

from game.desktop.pilot import Pilot
from tests.desktop.conftest import start_scene


def test_a_citation_opens_the_whole_source_at_the_quote_and_back_returns_exactly(
    pilot: Pilot,
) -> None:
    start_scene(pilot)
    pilot.press("2")  # a diverged record with a citation
    pilot.press("up")  # from Continue to the record's citation, just above it
    play = pilot.app.top
    assert play.focused is not None and play.focused.id == "record-cite:1"
    before = (play.scroll, play.focus, pilot.texts())
    pilot.press("enter")
    assert pilot.screen == "source"
    highlighted = " ".join(
        label.text for label in pilot.labels("source") if label.key == "highlight"
    )
    assert "She decided to use this opportunity to get out of the Soviet Union." in highlighted
    viewport = pilot.app.top.viewport
    assert all(
        viewport.colliderect(label.rect)
        for label in pilot.labels("source")
        if label.key == "highlight"
    )
    assert pilot.has("Boris Bazarov", role="header")  # the source's title
    assert pilot.has("passage", role="header") and not pilot.has("line", role="header")
    pilot.press("home")  # above the text: its kind, where it comes from and its slips
    assert pilot.has("encyclopedia article", role="kind")
    assert pilot.has("Where it comes from", role="provenance")
    assert pilot.has("Known slips in this text (left as written)", role="slips-heading")
    assert pilot.has("“KBG Targets America”", role="slip")
    pilot.press("q")  # and back to the quote
    assert any(label.key == "highlight" for label in pilot.labels("source"))
    pilot.press("pagedown", "pagedown", "esc")
    assert pilot.screen == "play"
    assert (play.scroll, pilot.texts()) == (before[0], before[2])  # the page as it was…
    assert play.focused is not None and play.focused.id == "continue"  # …and Enter goes on
    pilot.press("enter")
    assert not pilot.labels("you-chose")  # continued, not the source opened again


def test_1_continues_on_the_record_panel_as_on_every_other_continue(pilot: Pilot) -> None:
    start_scene(pilot)
    pilot.press("2")
    assert pilot.has("You chose: Hesitate", role="you-chose")
    pilot.press("1")
    assert pilot.screen == "play" and not pilot.labels("you-chose")


def test_backspace_rewinds_the_last_choice(pilot: Pilot) -> None:
    start_scene(pilot)
    pilot.press("1", "enter")
    assert pilot.has("Herta Field")
    pilot.press("backspace")
    assert pilot.has("Months have passed") and pilot.has("Rewound", role="notice")
    assert pilot.app.top.player.history == ()  # type: ignore[attr-defined]


def test_history_rewinds_to_any_step(pilot: Pilot) -> None:
    start_scene(pilot)
    pilot.press("1", "enter", "1")  # three steps in: the call
    pilot.press("h")
    assert pilot.screen == "history"
    assert pilot.has("You chose: Steel yourself", role="history-choice")
    pilot.click(key="rewind:1")  # the button that rewinds to just before step 2
    assert pilot.screen == "play" and pilot.has("Noel and Herta Field are")
    assert len(pilot.app.top.player.history) == 1  # type: ignore[attr-defined]


def test_a_name_in_the_passage_opens_its_dossier_card(pilot: Pilot) -> None:
    start_scene(pilot)
    pilot.press("1", "enter")
    link = pilot.click(key="link:")
    assert pilot.screen == "dossier"
    assert pilot.has("Named in this passage")
    assert pilot.has(link.text)
    pilot.press("esc")
    assert pilot.screen == "play"


def test_dossier_and_timeline_open_by_letter(pilot: Pilot) -> None:
    start_scene(pilot)
    pilot.press("d")
    assert pilot.screen == "dossier" and pilot.has("People and cover names")
    pilot.press("esc", "t")
    assert pilot.screen == "timeline" and pilot.has("1893", role="date")
    pilot.press("esc")
    assert pilot.screen == "play"


def test_help_lists_every_key_and_closes(pilot: Pilot) -> None:
    pilot.press("?")
    assert pilot.screen == "help"
    for key in ("Backspace", "Esc", "1 – 9", "F5"):
        assert key in pilot.texts("key")
    pilot.press("esc")
    assert pilot.screen == "title"
    pilot.press("f1")
    assert pilot.screen == "help"


def test_reading_aloud_never_crashes(pilot: Pilot) -> None:
    start_scene(pilot)
    pilot.press("v")
    assert pilot.labels("notice")  # reading, or a clear sentence that speech is unavailable


def test_f5_reloads_and_keeps_the_place(pilot: Pilot) -> None:
    start_scene(pilot)
    pilot.press("1", "enter")
    pilot.press("f5")
    assert pilot.has("Noel and Herta Field are")
    assert pilot.screen in ("play", "message")


def test_facilitator_mode_opens_a_registered_screen_or_explains(pilot: Pilot) -> None:
    from game.desktop import screen as screens

    pilot.click("Facilitator mode")
    assert pilot.screen != "title"
    if pilot.screen == "message":
        assert pilot.has("cover-names facilitate")
    pilot.press("esc")

    class Facilitator(screens.Screen):
        name = "facilitator-test"

    saved = dict(screens._REGISTRY)
    screens.register_screen("facilitator", Facilitator)
    try:
        pilot.click("Facilitator mode")
        assert pilot.screen == "facilitator-test"
    finally:
        screens._REGISTRY.clear()
        screens._REGISTRY.update(saved)


def test_the_history_opened_from_the_debrief_goes_back_to_the_debrief(pilot: Pilot) -> None:
    from tests.desktop.test_play import play_historical_path

    pilot = play_historical_path(pilot)
    assert pilot.screen == "debrief"
    pilot.press("h")
    assert pilot.screen == "history"
    pilot.press("esc")
    assert pilot.screen == "debrief"  # where the student was, not the ending
    pilot.press("end")
    pilot.click("Go back to any step")  # the button does as H does
    assert pilot.screen == "history"
    first = next(item for item in pilot.app.top.items if item.id.startswith("rewind:"))
    first.action()  # rewinding from it lands in play, past the debrief
    pilot.app.pump()
    assert pilot.screen == "play" and "debrief" not in [s.name for s in pilot.app.stack]
