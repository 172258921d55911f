"""What every part of the self-check shares: a check's `Result`, and the `CheckContext` it reads.

`game.self_check` and `game.self_check_classroom` both write checks against
these, so neither imports the other's insides (the classroom part is run by
`self_check`, and must not import it back).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.engine import Player, Story
    from game.historical_path import HistoricalPath

#: The window size the screens are rendered at: a common school-laptop size.
SCREEN_SIZE = (1280, 720)


@dataclass(frozen=True)
class Result:
    """One check's outcome: its name, whether it passed, and what it found or what went wrong."""

    name: str
    ok: bool
    detail: str = ""

    def line(self) -> str:
        status = "ok  " if self.ok else "FAIL"
        return f"{status} {self.name}" + (f": {self.detail}" if self.detail else "")


def ok(name: str, detail: str = "") -> Result:
    return Result(name, True, detail)


def fail(name: str, detail: str) -> Result:
    return Result(name, False, detail)


class CheckContext:
    """What the checks share: the story once loaded (later checks need it), and each
    scene's historical path, found once."""

    def __init__(self) -> None:
        self.story: Story | None = None
        self._paths: dict[str, HistoricalPath] = {}

    def loaded_story(self) -> Story:
        """The shipped story; a check that needs it cannot run when the scenes did not load."""
        if self.story is None:
            raise RuntimeError("the scenes did not load, so this check could not run")
        return self.story

    def historical_path(self, scene_id: str) -> HistoricalPath:
        """Each scene's historical path, found once and replayed by the later checks."""
        from game.historical_path import historical_path

        if scene_id not in self._paths:
            self._paths[scene_id] = historical_path(self.loaded_story(), scene_id)
        return self._paths[scene_id]

    @contextmanager
    def played(self, scene_id: str) -> Iterator[Player]:
        """A player that has followed the scene's historical path to its end; closed after."""
        player = self.loaded_story().new_player(scene_id)
        try:
            for option_id in self.historical_path(scene_id).choices:
                player.choose(option_id)
            yield player
        finally:
            player.close()


def diagnostics_result(name: str, diagnostics: Iterable[object]) -> Result:
    """A check of diagnostics: FAIL with the first errors, else ok (with the warnings counted)."""
    from game.diagnostics import Diagnostic

    found = [d for d in diagnostics if isinstance(d, Diagnostic)]
    errors = [d for d in found if d.is_error]
    warnings = len(found) - len(errors)
    if errors:
        shown = "; ".join(str(d).replace("\n", " ") for d in errors[:3])
        return fail(name, f"{len(errors)} errors: {shown}")
    return ok(name, f"clean, {warnings} warnings" if warnings else "clean")
