"""The projector's keys: what each does, the keys that take two steps, and the key bar.

Three things take more than one key press, and each says in the footer what
it is waiting for:

- **typing a count**: C, the option's number, the count of hands, Enter (17
  hands are one entry, undone by one U, not seventeen presses);
- **override**: O, then the option's number;
- **confirmation** for the two keys that cannot be undone: S leaves a scene
  before its end, Esc ends the session. Press the key again (or Y) to do it;
  any other key carries on as if nothing was pressed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame

from game.classroom.facilitator import Phase
from game.classroom.facilitator_view import FacilitatorView
from game.classroom.tally import MAX_COUNT

if TYPE_CHECKING:
    from game.desktop.projector.facilitator_screen import FacilitatorScreen

_OPTION_KEYS = {pygame.K_1 + i: i + 1 for i in range(9)} | {
    getattr(pygame, f"K_KP{i}"): i for i in range(1, 10)
}
_DIGIT_KEYS = {pygame.K_0 + i: i for i in range(10)} | {
    getattr(pygame, f"K_KP{i}"): i for i in range(10)
}
_ENTER = (pygame.K_RETURN, pygame.K_KP_ENTER)
_MAX_DIGITS = len(str(MAX_COUNT))

#: The key bar, by phase: every key that does something there, and nothing else. F11 (full
#: screen) is the window's own key (`App._global_key`), so it works, and is listed, on each.
KEYS = {
    Phase.INTRODUCTION: "Space begin the first scene · P pause · F11 full screen · Esc end",
    Phase.READING: "Space continue · N next decision · B back · S next scene · P pause · "
    "F11 full screen · Esc end",
    Phase.VOTING: "1–9 a vote · Shift+1–9 one fewer · C type a count · U undo · "
    "Space take the vote · O override · B back · S next scene · P pause · F11 full screen · "
    "Esc end",
    Phase.CHOSEN: "Space continue · B back (undo this choice) · N next decision · "
    "S next scene · P pause · F11 full screen · Esc end",
    Phase.REVEALED: "Space continue · W what if we had… · B back (undo this choice) · "
    "N next decision · S next scene · P pause · F11 full screen · Esc end",
    Phase.SCENE_ENDED: "Space next scene · B back · P pause · F11 full screen · Esc end",
    Phase.FINISHED: "R the record of each choice · B back to the scene's end · P pause · "
    "F11 full screen · Esc close",
}
PAUSED_KEYS = "P go on · F11 full screen · Esc end"
SCROLL_KEYS = "Page Down/Up or the wheel scroll"


def footer_keys(view: FacilitatorView, scrollable: bool = False) -> str:
    """The key bar for what is on screen (with the scrolling keys when the text is clipped).

    At a scene's end Space scrolls the records first while more is below, and says so.
    """
    keys = PAUSED_KEYS if view.paused else KEYS[view.phase]
    if scrollable and not view.paused and view.phase is Phase.SCENE_ENDED:
        keys = keys.replace("Space next scene", "Space read on, then next scene")
    return f"{SCROLL_KEYS} · {keys}" if scrollable else keys


def key_lines(keys: str, width: int, measure: Callable[[str], int]) -> list[str]:
    """The key bar in lines of whole "key label" pairs: a key never ends one line while
    what it does begins the next ("… · O" / "override")."""
    lines: list[str] = []
    for pair in keys.split(" · "):
        joined = f"{lines[-1]} · {pair}" if lines else pair
        if lines and measure(joined) <= width:
            lines[-1] = joined
        else:
            lines.append(pair)
    return lines


class KeyState:
    """The projector's key handling, with what a two-step key is waiting for."""

    def __init__(self, screen: FacilitatorScreen) -> None:
        self.screen = screen
        self.override_pending = False
        self.counting = False  # C was pressed: waiting for an option number, then digits
        self.count_option = 0  # the option whose count is being typed
        self.count_digits = ""
        self.confirming = ""  # "end" or "scene" while waiting for the second press
        self.to_what_if = False  # W opened the other records: scroll to them once laid out

    @property
    def busy(self) -> bool:
        """A two-step key is waiting: the next key belongs to it."""
        return bool(self.override_pending or self.counting or self.confirming)

    def prompt(self) -> str:
        """What the footer says a two-step key is waiting for ("" when none is)."""
        if self.confirming == "end":
            return "End the session now? Press Esc again (or Y) to end it; any other key goes on."
        if self.confirming == "scene":
            return ("Leave this scene before its end? Press S again (or Y) to go to the next; "
                    "any other key goes on.")
        if self.override_pending:
            return "Override: press the number of the option to take (Esc cancels)."
        if self.counting and not self.count_option:
            return "Type a count: press the option's number first (Esc cancels)."
        if self.counting:
            return (f"Votes for option {self.count_option}: {self.count_digits or '_'} "
                    "(type the count of hands, Enter sets it, Backspace fixes, Esc cancels)")
        return ""

    def _reset(self) -> None:
        self.override_pending = self.counting = False
        self.count_option, self.count_digits, self.confirming = 0, "", ""

    def on_key(self, event: pygame.event.Event) -> bool:
        if self.confirming:
            return self._confirm(event)
        if self.counting:
            return self._count(event)
        screen, session, key = self.screen, self.screen.session, event.key
        if self.override_pending and key in _OPTION_KEYS:
            self._reset()
            screen.do(lambda: session.override(_OPTION_KEYS[key]))
            return True
        if self.override_pending:
            self._reset()
            screen.refresh()
            return key == pygame.K_ESCAPE or self.on_key(event)
        if key in _OPTION_KEYS:
            number = _OPTION_KEYS[key]
            if event.mod & pygame.KMOD_SHIFT:
                screen.do(lambda: session.remove_vote(number))
            else:
                screen.do(lambda: session.add_vote(number))
            return True
        voting = screen.view.phase is Phase.VOTING and not screen.view.paused
        if key in (pygame.K_o, pygame.K_c) and voting:
            self.override_pending, self.counting = key == pygame.K_o, key == pygame.K_c
            screen.refresh()
            return True
        if key == pygame.K_s:
            self._ask_or_do("scene", session.next_scene, needs_asking=screen.view.phase in (
                Phase.READING, Phase.VOTING, Phase.CHOSEN, Phase.REVEALED))
            return True
        actions: dict[int, Callable[[], object]] = {
            pygame.K_u: session.undo_vote,
            pygame.K_SPACE: session.advance,
            pygame.K_RETURN: session.advance,
            pygame.K_KP_ENTER: session.advance,
            pygame.K_p: session.toggle_pause,
            pygame.K_b: session.back,
            pygame.K_n: session.skip_to_decision,
            pygame.K_r: session.toggle_records,
            pygame.K_w: self._what_if,
        }
        if key in (pygame.K_SPACE, *_ENTER) and screen.reads_on():
            return True  # more of the scene's records below: Space shows them first
        if key in actions:
            screen.do(actions[key])
            return True
        return False

    def _what_if(self) -> None:
        """W: the other options' records, brought into view (the class asked to see them)."""
        self.to_what_if = self.screen.session.toggle_what_if() and self.screen.session.others_shown

    def escape(self) -> None:
        """Esc with nothing waiting: end the session, after asking unless the plan is over."""
        finished = self.screen.view.phase is Phase.FINISHED
        self._ask_or_do("end", self.screen.end_session, needs_asking=not finished)

    def _ask_or_do(self, what: str, action: Callable[[], object], needs_asking: bool) -> None:
        if needs_asking:
            self.confirming = what
            self.screen.refresh()
        else:
            self.screen.do(action)

    def _confirm(self, event: pygame.event.Event) -> bool:
        what, key = self.confirming, event.key
        self._reset()
        again = pygame.K_ESCAPE if what == "end" else pygame.K_s
        if key in (again, pygame.K_y):
            if what == "end":
                self.screen.end_session()
            else:
                self.screen.do(self.screen.session.next_scene)
        else:
            self.screen.refresh()  # any other key: carry on, and that key does nothing
        return True

    def _count(self, event: pygame.event.Event) -> bool:
        key, session = event.key, self.screen.session
        if key == pygame.K_ESCAPE:
            self._reset()
        elif not self.count_option:
            if key in _OPTION_KEYS:
                self.count_option = _OPTION_KEYS[key]
        elif key in _DIGIT_KEYS and len(self.count_digits) < _MAX_DIGITS:
            self.count_digits = (self.count_digits + str(_DIGIT_KEYS[key])).lstrip("0") or "0"
        elif key == pygame.K_BACKSPACE:
            self.count_digits = self.count_digits[:-1]
        elif key in _ENTER and self.count_digits:
            option, count = self.count_option, int(self.count_digits)
            self._reset()
            self.screen.do(lambda: session.set_votes(option, count))
            return True
        self.screen.refresh()
        return True
