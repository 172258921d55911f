"""The terminal player's loop: show, read a line, act; bad input re-prompts.

It reads from a text stream and writes to another, so tests and scripts can
drive it through a subprocess with choices on standard input. End of input
quits cleanly; the game autosaves at every choice, and offers the autosave
back (a line of input: Enter or y continues, n starts again) the next time
the scene is started. Numbers are read by `typed_input.number_in`: ASCII
digits only, so '²' is an answer to explain, not a crash.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from game.engine import ChoiceRecord, ChoiceUnavailable, EngineError, Player, Story
from game.model import Record
from game.reference.frame import Frame
from game.saves import read_save
from game.terminal import frame_text, render
from game.terminal.saving import Saver, choices
from game.typed_input import number_in

HELP = """  Commands:
    1-9        choose an option
    w          what if you had chosen otherwise: the last decision's other records
    h          history of your choices
    r N        rewind to just before step N
    s [NAME]   save (to slot NAME: letters, digits, - and _; default 'slot-1')
    l [NAME]   load a save (no NAME: list them)
    ?          this help
    q          quit (your place is autosaved)"""

@dataclass
class TerminalPlayer:
    """Plays scenes of a `Story` over a pair of text streams."""

    story: Story
    stdin: TextIO = field(default_factory=lambda: sys.stdin)
    stdout: TextIO = field(default_factory=lambda: sys.stdout)
    reveal_at_end: bool = False
    saves_directory: Path | None = None
    #: With reveal at the end: (step index, choice text, record) kept back until the ending.
    _held_records: list[tuple[int, str, Record]] = field(default_factory=list)
    _saver: Saver = field(init=False)
    _loaded_frame: Frame | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        self._saver = Saver(self.say, self.saves_directory)

    def say(self, text: str = "") -> None:
        self.stdout.write(text + "\n")
        self.stdout.flush()

    def ask(self, prompt: str) -> str | None:
        self.stdout.write(prompt)
        self.stdout.flush()
        line = self.stdin.readline()
        if not line:
            self.say()
            return None
        return line.strip()

    # -- choosing a scene ----------------------------------------------------
    def pick_scene(self) -> str | None:
        scenes = self.story.ordered
        if not scenes:
            self.say("No scenes could be loaded. Run 'cover-names lint' to see why.")
            self._explain_sources()
            return None
        self.say(render.rule("Cover Names"))
        for position, scene in enumerate(scenes, start=1):
            self.say(f"  {position}. {scene.title} — {scene.place}, {scene.date} (as {scene.role})")
        while True:
            answer = self.ask(f"Choose a scene (1-{len(scenes)}, q to quit): ")
            if answer is None or answer.lower() in {"q", "quit"}:
                return None
            number = number_in(answer)
            if number is not None and 1 <= number <= len(scenes):
                return scenes[number - 1].id
            if answer in self.story.scenes:
                return answer
            self.say(f"  Please type a number from 1 to {len(scenes)}.")

    # -- playing ----------------------------------------------------------------
    def play(self, scene_id: str | None = None, player: Player | None = None) -> int:
        """Play until the scene ends or input runs out. Returns an exit status."""
        if player is None:
            if scene_id is None:
                scene_id = self.pick_scene()
                if scene_id is None:
                    return 0
            if scene_id not in self.story.scenes:
                known = ", ".join(sorted(self.story.scenes)) or "none"
                self.say(f"There is no scene '{scene_id}'. Scenes: {known}.")
                self._explain_sources()
                return 2
            opening = self._frame().opening_before(scene_id)
            if opening is not None and not self._saver.has_autosave(scene_id):
                self.say(frame_text.page(opening, self.story))  # the story from its beginning
            self.say(render.scene_card(self.story.scenes[scene_id]))
            resumed = self._saver.offer_autosave(self.story, scene_id, self.ask)
            if resumed is False:
                return 0
            player = resumed if isinstance(resumed, Player) else self.story.new_player(scene_id)
        self.say(render.passage(player.passage, self.story.library))
        while not player.is_over:
            self.say(render.options(player.options, player.ask))
            answer = self.ask("> ")
            if answer is None or answer.lower() in {"q", "quit", "exit"}:
                self._quit(player)
                return 0
            player = self._act(player, answer)
        self._finish(player)
        return 0

    def _explain_sources(self) -> None:
        """When scenes are missing because the source texts are: say so, and where."""
        library = self.story.library
        if not (library.index_problem or library.unavailable):
            return
        first = next((d for d in self.story.diagnostics
                      if d.is_error and Path(d.where.file).name == "sources.yaml"), None)
        where = f" ({first})" if first is not None else ""
        self.say(render.wrap(f"The source texts could not all be read{where}. Every scene "
                             "quotes them, so a scene whose sources are missing cannot be "
                             "played. Restore seeds/ from version control, or run "
                             "'cover-names lint' to see every problem."))

    def _quit(self, player: Player) -> None:
        """Save the place one last time (a rewind or a load is not autosaved) and say so."""
        if not player.playthrough.history:
            self.say("You had made no choices in this run, so nothing new was saved.")
        elif self._saver.autosave(player):
            self.say(f"Your place is saved ({choices(len(player.playthrough.history))} in): "
                     "start this scene again and answer y to continue from here.")
        else:
            self.say("Your place could not be saved (see above).")

    def _act(self, player: Player, answer: str) -> Player:
        """Carry out one line of input; returns the player to go on with (a load replaces it)."""
        command, _, argument = answer.partition(" ")
        command = command.lower()
        number = number_in(command)
        if number is not None:
            self._choose(player, number)
        elif command in {"?", "help"}:
            self.say(HELP)
        elif command in {"w", "what-if"}:
            self._what_if(player)
        elif command in {"h", "history"}:
            self.say(render.history(player.history))
        elif command in {"r", "rewind"}:
            self._rewind(player, argument)
        elif command in {"s", "save"}:
            self._saver.save(player, argument)
        elif command in {"l", "load"}:
            return self._load(player, argument)
        elif answer == "" and len(player.options) == 1 and player.options[0].available:
            self._choose(player, player.options[0].number)  # Enter takes "1. Continue"
        elif answer == "":
            self.say("  Type the number of an option, or ? for help.")
        else:
            self.say(f"  '{answer}' is not an option here. Type a number, or ? for help.")
        return player

    def _choose(self, player: Player, number: int) -> None:
        options = {option.number: option for option in player.options}
        option = options.get(number)
        if option is None:
            self.say(f"  There is no option {number}. Choose 1-{len(options)}.")
            return
        if not option.available:
            self.say(f"  Option {number} is locked: {option.locked_reason}")
            return
        try:
            outcome = player.choose(option.id)
        except ChoiceUnavailable as error:
            self.say(f"  {error}")
            return
        self._saver.autosave(player)
        if outcome.record is not None:
            if self.reveal_at_end:
                step = len(player.playthrough.history) - 1
                self._held_records.append((step, outcome.choice_text, outcome.record))
                self.say("  (The record for this choice will be shown at the end.)")
            else:
                self.say(render.record(outcome.record, self.story.library))
                others = self._others(player)
                self.say(render.discussion(outcome.discuss, len(others)))
        self.say(render.passage(outcome.passage, self.story.library))

    def _others(self, player: Player) -> tuple[ChoiceRecord, ...]:
        """The records of the options not taken at the last decision made, if any."""
        decided = [step for step in player.history if step.record is not None]
        if not decided:
            return ()
        last = decided[-1]
        return tuple(other for other in player.records_at(last.node_id, last.choice_id)
                     if not other.chosen)

    def _what_if(self, player: Player) -> None:
        """Show the other options' records of the last decision; the path stays as it is."""
        if self.reveal_at_end:
            self.say("  The records are shown at the end of the scene.")
            return
        others = self._others(player)
        if not others:
            self.say("  No decision has been made yet: there is nothing to compare.")
            return
        self.say(render.what_if(others, self.story.library))

    def _rewind(self, player: Player, argument: str) -> None:
        step = number_in(argument)
        if step is None:
            self.say("  Rewind to which step? Type 'h' to see them, then e.g. 'r 2'.")
            return
        try:
            passage = player.rewind(step)
        except EngineError as error:
            self.say(f"  {error}")
            return
        kept = len(player.playthrough.history)
        self._held_records = [held for held in self._held_records if held[0] < kept]
        self.say(f"  Rewound to step {step}.")
        self.say(render.passage(passage, self.story.library))

    def _load(self, player: Player, argument: str) -> Player:
        argument = argument.strip()
        if not argument:
            slots = self._saver.slots()
            if slots is not None and not slots:
                self.say("  There are no saves yet. Type 's NAME' to make one.")
            for slot in slots or ():
                state = f"  ({slot.problem})" if slot.problem else ""
                self.say(f"  {slot.slot}: {slot.scene_title} {slot.saved_at}{state}")
            return player
        match = self._saver.find(argument)
        if match is None:
            return player
        loaded = read_save(match.path, self.story)
        if loaded.playthrough is None:
            self.say(f"  Cannot load: {loaded.problem}")
            return player
        player.close()
        restored = self.story.resume(loaded.playthrough)
        self._held_records.clear()
        if loaded.problem:
            self.say(f"  Note: {loaded.problem}")
        if restored.scene.id != player.scene.id:
            self.say(render.scene_card(restored.scene))
        self.say(render.passage(restored.passage, self.story.library))
        return restored

    def _finish(self, player: Player) -> None:
        ending = player.ending
        assert ending is not None
        if self._held_records:
            self.say(render.rule("The record, choice by choice"))
            for _step, text, record in self._held_records:
                self.say(f"\n  You chose: {text}")
                self.say(render.record(record, self.story.library))
        self.say(render.ending(ending, self.story.library))
        self.say(render.debrief(player.history))
        after = self._frame().after(player.scene.id)
        if after is not None:  # the story's frame: the bridge to the next scene, or the closing
            following = self.story.scenes.get(after.next)
            self.say(frame_text.page(after, self.story, following.title if following else ""))

    def _frame(self) -> Frame:
        """The story's frame, read the first time it is wanted."""
        if self._loaded_frame is None:
            self._loaded_frame = frame_text.load(self.story, self.say)
        return self._loaded_frame
