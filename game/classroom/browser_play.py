"""A student's own playthrough on the classroom server: the same engine, every choice kept.

The web pages call `BrowserPlay`; it rebuilds the student's `Player` from the
choices kept in the store (a replay through the real scene machine, so a
reload, another tab or a restarted server all land where the student was),
keeps each new choice before answering, and keeps the student's record
document up to date so the teacher's report reads it without any file handed in.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.classroom.records import build_record
from game.classroom.store import ClassStore
from game.engine import Outcome, Player, Story

#: A run's first row: marks that the run began (a restart), and is no choice.
_STARTED = ""


@dataclass(frozen=True)
class Played:
    """Where a student is in a scene, and what the last choice did (for its reveal)."""

    player: Player
    run: int
    last: Outcome | None


class BrowserPlay:
    """Playthroughs of one class's students, kept in the store by device and scene."""

    def __init__(self, story: Story, store: ClassStore, code: str) -> None:
        self.story = story
        self.store = store
        self.code = code

    def current(self, device: str, scene_id: str) -> Played:
        """The student's playthrough of `scene_id` as it stands (a fresh one the first time)."""
        run = self.store.last_run(self.code, device, scene_id) or 1
        player, last = self._replay(scene_id, self.store.choices(self.code, device, scene_id, run))
        return Played(player, run, last)

    def choose(self, device: str, scene_id: str, option_id: str, name: str = "") -> Played:
        """Make one choice; it is in the store (and the record updated) before this returns.

        An option that is not on screen now (a second tab, a double submit) changes
        nothing: the student sees where they are.
        """
        played = self.current(device, scene_id)
        option = next((o for o in played.player.options if o.id == option_id), None)
        if option is None or not option.available or played.player.is_over:
            return Played(played.player, played.run, None)
        outcome = played.player.choose(option_id)
        self.store.add_choice(self.code, device, scene_id, played.run, option_id)
        self._keep_record(device, played.player, name)
        return Played(played.player, played.run, outcome)

    def restart(self, device: str, scene_id: str) -> Played:
        """Play the scene again from its start; the earlier run's record stays."""
        run = self.store.last_run(self.code, device, scene_id) + 1
        self.store.add_choice(self.code, device, scene_id, run, _STARTED)
        return self.current(device, scene_id)

    def _replay(self, scene_id: str, choices: list[str]) -> tuple[Player, Outcome | None]:
        player = self.story.new_player(scene_id)
        last = None
        for choice_id in choices:
            if choice_id == _STARTED:
                continue
            last = player.choose(choice_id)
        return player, last

    def _keep_record(self, device: str, player: Player, name: str) -> None:
        document = build_record(player, name)
        # One record per run: the id is the device's, so a replayed Player (new random id)
        # updates the same record rather than adding one per page.
        run = self._run_of(device, player)
        document["playthrough_id"] = f"{device[:12]}-{player.scene.id}-{run}"
        self.store.save_record(self.code, device, document["playthrough_id"], document)

    def _run_of(self, device: str, player: Player) -> int:
        return self.store.last_run(self.code, device, player.scene.id)
