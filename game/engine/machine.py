"""One `transitions` Machine per scene, built once from the story model and shared.

This is the only module that knows `transitions`. States are node ids; each
choice is a transition `<node>__<choice>` from its node to its `goto`, guarded
by its compiled condition, with its effects as an `after` callback. Every
Playthrough of the scene is added to the same machine as a model.

`auto_transitions` stays off: with it, every state gets a `to_<state>` trigger
from every state, which is quadratic in the number of nodes.
"""

from __future__ import annotations

import logging
from typing import Any

from transitions import EventData, Machine

from game.engine.playthrough import Playthrough
from game.model import Choice, Scene

CONTINUE = "continue"  # the single option of a node that has `next:`


class _NoSkippedBindingNotes(logging.Filter):
    """Drops transitions' warning that it did not bind a trigger onto a model.

    With `model_override=True` that is what we ask for, once per choice of
    every Playthrough; the warning only reaches the player's terminal once
    something (the speech engine does) gives the root logger a handler.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        return "Skip binding" not in record.getMessage()


logging.getLogger("transitions.core").addFilter(_NoSkippedBindingNotes())


def trigger_name(node_id: str, choice_id: str) -> str:
    # Ids are snake_case with no double underscore, so this cannot collide.
    return f"{node_id}__{choice_id}"


def _playthrough(event: EventData) -> Playthrough:
    # Every model of a SceneMachine is a Playthrough (see attach); the stubs say `object`.
    model = event.model
    assert isinstance(model, Playthrough)
    return model


def _guard(choice: Choice) -> Any:
    condition = choice.condition
    assert condition is not None

    def guard(event: EventData) -> bool:
        return condition(_playthrough(event).variables)

    return guard


def _effects(choice: Choice) -> Any:
    effects = choice.effects

    def apply(event: EventData) -> None:
        variables = _playthrough(event).variables
        for effect in effects:
            effect.apply(variables)

    return apply


class SceneMachine:
    """A scene's state machine; `Player`s share it through their Playthroughs."""

    def __init__(self, scene: Scene) -> None:
        self.scene = scene
        transitions: list[dict[str, Any]] = []
        for node in scene.nodes.values():
            if node.next:
                transitions.append(
                    {
                        "trigger": trigger_name(node.id, CONTINUE),
                        "source": node.id,
                        "dest": node.next,
                    }
                )
            for choice in node.choices:
                spec: dict[str, Any] = {
                    "trigger": trigger_name(node.id, choice.id),
                    "source": node.id,
                    "dest": choice.goto,
                }
                if choice.condition is not None:
                    spec["conditions"] = [_guard(choice)]
                if choice.effects:
                    spec["after"] = [_effects(choice)]
                transitions.append(spec)
        self._machine = Machine(
            model=None,
            states=list(scene.nodes),
            transitions=transitions,
            initial=scene.start,
            auto_transitions=False,
            send_event=True,
            model_attribute="node",
            # Triggers are fired through the machine, never as methods on the
            # model, so nothing is bound onto each Playthrough.
            model_override=True,
        )

    def attach(self, playthrough: Playthrough, node_id: str | None = None) -> None:
        """Add a Playthrough as a model, at the start or at a saved node."""
        self._machine.add_model(playthrough, initial=node_id or self.scene.start)

    def detach(self, playthrough: Playthrough) -> None:
        self._machine.remove_model(playthrough)

    def fire(self, playthrough: Playthrough, node_id: str, choice_id: str) -> bool:
        """Take a transition; False when its guard refused."""
        event = self._machine.events[trigger_name(node_id, choice_id)]
        return bool(event.trigger(playthrough))

    def move(self, playthrough: Playthrough, node_id: str) -> None:
        """Put a Playthrough on a node directly (rewind, restore)."""
        self._machine.set_state(node_id, model=playthrough)

    @property
    def model_count(self) -> int:
        return len(self._machine.models)
