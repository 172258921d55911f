"""`Player`: the one pull API that every front end drives.

Presenters ask what is on screen now (`passage`, `options`), then call
`choose(option_id)` and show the returned `Outcome`. Locked options are still
delivered, with `available=False` and a reason, so a UI can grey them out and
explain why. Nothing here draws or prints.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from game.engine.errors import ChoiceUnavailable, EngineError
from game.engine.machine import CONTINUE, SceneMachine
from game.engine.playthrough import Playthrough, Step, new_playthrough_id, now_iso
from game.model import Choice, Citation, Ending, Node, Record, Scene, Value


@dataclass(frozen=True)
class Passage:
    """What the player reads now."""

    node_id: str
    speaker: str
    text: str
    place: str
    date: str
    citations: tuple[Citation, ...]
    dramatised: bool  # no citation backs it: label it as dramatisation
    ask: str = ""  # the question before this passage's choice (it asks, never tells)
    sound: str = ""  # the sound this passage starts with ("" for none)


@dataclass(frozen=True)
class Option:
    """One option as the player sees it: numbered, maybe locked with a reason."""

    id: str
    number: int  # 1-based, for the 1–9 keys
    text: str
    available: bool
    locked_reason: str = ""


@dataclass(frozen=True)
class Outcome:
    """What choosing did: the record for that choice, and where it led."""

    choice_id: str
    choice_text: str
    record: Record | None  # None for a plain "Continue"
    passage: Passage
    ending: Ending | None
    #: The after-prompt of the decision just made, shown once its record is revealed.
    discuss: str = ""
    #: The node the choice was made at: `records_at(outcome.node_id)` opens the others.
    node_id: str = ""


@dataclass(frozen=True)
class ChoiceRecord:
    """One option of a decision with its record, for "What if I had…" after the reveal."""

    id: str
    text: str
    record: Record | None
    chosen: bool  # the option this player took


@dataclass(frozen=True)
class StepView:
    """A choice already made, as the history panel and debrief show it."""

    index: int  # rewind(index) returns to just before this choice
    node_id: str
    passage_text: str
    choice_id: str
    choice_text: str
    record: Record | None
    chosen_at: str


class Player:
    """One player's way through one scene, behind a presenter-neutral API."""

    def __init__(self, machine: SceneMachine, playthrough: Playthrough | None = None) -> None:
        self.scene: Scene = machine.scene
        self._machine = machine
        if playthrough is None:
            playthrough = Playthrough(
                scene_id=self.scene.id,
                scene_hash=self.scene.content_hash,
                variables=dict(self.scene.variables),
            )
            machine.attach(playthrough)
        else:
            if playthrough.node not in self.scene.nodes:
                raise EngineError(f"node '{playthrough.node}' is not in scene '{self.scene.id}'")
            machine.attach(playthrough, playthrough.node)
        self.playthrough = playthrough

    def close(self) -> None:
        """Let go of the shared machine; call when the player is done with this scene."""
        self._machine.detach(self.playthrough)

    # -- what is on screen now ---------------------------------------------
    @property
    def node(self) -> Node:
        return self.scene.nodes[self.playthrough.node]

    @property
    def passage(self) -> Passage:
        return self.passage_at(self.node.id)

    def passage_at(
        self, node_id: str, variables: Mapping[str, Value] | None = None
    ) -> Passage:
        """The passage of any node of the scene as a player reads it (the scene's place and
        date where the node has none): a presenter showing a step again needs no copy.

        A passage written in parts shows those whose conditions hold for `variables`
        (the current ones by default; a step seen again passes those it was read with).
        """
        node = self.scene.nodes[node_id]
        if variables is None:
            variables = self.playthrough.variables
        citations = node.citations_for(variables)
        return Passage(
            node_id=node.id,
            speaker=node.speaker,
            text=node.text_for(variables),
            place=node.place or self.scene.place,
            date=node.date or self.scene.date,
            citations=citations,
            dramatised=not citations,
            ask=node.ask,
            sound=node.sound,
        )

    @property
    def options(self) -> tuple[Option, ...]:
        node = self.node
        if node.ending is not None:
            return ()
        if node.next:
            return (Option(CONTINUE, 1, "Continue", True),)
        variables = self.playthrough.variables
        return tuple(
            Option(
                id=choice.id,
                number=number,
                text=choice.text,
                available=choice.condition is None or choice.condition(variables),
                locked_reason=choice.locked_reason,
            )
            for number, choice in enumerate(node.choices, start=1)
        )

    @property
    def variables(self) -> Mapping[str, Value]:
        return self.playthrough.variables

    @property
    def ending(self) -> Ending | None:
        return self.node.ending

    @property
    def is_over(self) -> bool:
        return self.node.ending is not None

    @property
    def ask(self) -> str:
        """The question shown with the options, before the choice."""
        return self.node.ask

    @property
    def discussion_prompt(self) -> str:
        """The current node's after-prompt: shown once a choice here has been revealed."""
        return self.node.discuss

    def records_at(self, node_id: str, chosen_id: str = "") -> tuple[ChoiceRecord, ...]:
        """Every option of a node with its record: "What if I had…" opens the ones not
        taken. Reading them changes nothing: not the node, the variables or the history."""
        node = self.scene.nodes[node_id]
        return tuple(ChoiceRecord(choice.id, choice.text, choice.record, choice.id == chosen_id)
                     for choice in node.choices)

    # -- acting --------------------------------------------------------------
    def choose(self, option_id: str) -> Outcome:
        """Take an option; the outcome carries its record and the next passage."""
        playthrough = self.playthrough
        node = self.node
        choice: Choice | None = None
        if option_id == CONTINUE and node.next:
            text = "Continue"
        else:
            try:
                choice = node.choice(option_id)
            except KeyError:
                raise ChoiceUnavailable(f"'{option_id}' is not an option at '{node.id}'") from None
            text = choice.text
        before = dict(playthrough.variables)
        if not self._machine.fire(playthrough, node.id, option_id):
            raise ChoiceUnavailable(
                f"'{option_id}' is locked: {choice.locked_reason if choice else ''}"
            )
        playthrough.history.append(Step(node.id, option_id, before, now_iso()))
        arrived = self.node
        return Outcome(
            choice_id=option_id,
            choice_text=text,
            record=choice.record if choice else None,
            passage=self.passage_at(arrived.id),
            ending=arrived.ending,
            discuss=node.discuss,
            node_id=node.id,
        )

    def choose_number(self, number: int) -> Outcome:
        """Choose by the number shown beside an option (the 1–9 keys)."""
        for option in self.options:
            if option.number == number:
                return self.choose(option.id)
        raise ChoiceUnavailable(f"there is no option {number}")

    # -- the way so far ---------------------------------------------------------
    @property
    def history(self) -> tuple[StepView, ...]:
        return tuple(self.step_view(index) for index in range(len(self.playthrough.history)))

    def step_view(self, index: int) -> StepView:
        """One step of the way so far (`-1`: the last), without building all the others:
        a 300,000-step playthrough resumes without building 300,000 views."""
        history = self.playthrough.history
        index = index % len(history) if history else index
        step = history[index]
        node = self.scene.nodes[step.node_id]
        if step.choice_id == CONTINUE:
            choice_text, record = "Continue", None
        else:
            choice = node.choice(step.choice_id)
            choice_text, record = choice.text, choice.record
        return StepView(index, node.id, node.text_for(step.variables_before), step.choice_id,
                        choice_text, record, step.chosen_at)

    def rewind(self, to_step: int) -> Passage:
        """Go back to just before choice number `to_step` (0 = the scene's first choice)."""
        history = self.playthrough.history
        if not 0 <= to_step < len(history):
            raise EngineError(f"there is no step {to_step} to rewind to (have {len(history)})")
        step = history[to_step]
        self.playthrough.variables = dict(step.variables_before)
        del history[to_step:]
        self._machine.move(self.playthrough, step.node_id)
        return self.passage

    def restart(self) -> Passage:
        """Start the scene again: a new playthrough, as far as records are concerned."""
        self.playthrough.variables = dict(self.scene.variables)
        self.playthrough.history.clear()
        self.playthrough.started_at = now_iso()
        self.playthrough.playthrough_id = new_playthrough_id()
        self._machine.move(self.playthrough, self.scene.start)
        return self.passage
