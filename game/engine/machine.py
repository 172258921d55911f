"""One `transitions` Machine per scene, built once from the story model and shared.

This is the only module that knows `transitions`. States are node ids; each
choice is a transition `<node>__<choice>` from its node to its `goto`, guarded
by its compiled condition, with its effects as an `after` callback. Every
Playthrough of the scene is added to the same machine as a model.

`auto_transitions` stays off: with it, every state gets a `to_<state>` trigger
from every state, which is quadratic in the number of nodes.
"""

from __future__ import annotations

from typing import Any

from transitions import EventData, Machine, MachineError, State, Transition
from transitions.core import Event

from game.engine.playthrough import Playthrough
from game.model import Choice, Scene

CONTINUE = "continue"  # the single option of a node that has `next:`


class _Transition(Transition):
    """transitions' Transition, run without the bookkeeping a scene never uses.

    The same steps in the same order as `Transition.execute`: the guards
    (transitions' own `Condition`s), the source state's exit callbacks, the
    machine's `set_state`, the destination's enter callbacks, then the
    effects (the `after` callbacks). Left out: six debug log calls and the
    prepare and before callbacks and machine-wide hooks, which are always
    empty here (`SceneMachine` never sets them). A choice took twice as long
    with them.
    """

    def execute(self, event_data: EventData) -> bool:
        for condition in self.conditions:
            if not condition.check(event_data):
                return False
        machine = event_data.machine
        states = machine.states
        source = states[self.source]
        if source.on_exit:
            machine.callbacks(source.on_exit, event_data)
        dest = str(self.dest)  # every transition of a scene has a destination
        machine.set_state(dest, event_data.model)
        destination = states[dest]
        event_data.state = destination
        if destination.on_enter:
            machine.callbacks(destination.on_enter, event_data)
        effect: Any
        for effect in self.after:  # plain callables, given the EventData (send_event)
            effect(event_data)
        return True


class _Machine(Machine):
    """transitions' Machine, binding nothing onto its models.

    Triggers are fired through the machine, never as methods of a Playthrough,
    so `add_model` need not bind a method per trigger and per state onto it:
    with `model_override=True` each try built a log record (then dropped), so
    a new Playthrough of a 1,000-node scene took 60 ms. Adding one is now
    constant in the scene's size.
    """

    transition_cls = _Transition

    def add_model(self, model: Any, initial: Any = None) -> None:
        """Put each model on its initial state, and nothing more (see the class)."""
        for each in model if isinstance(model, list) else [model]:
            if not any(known is each for known in self.models):
                self.set_state(str(initial if initial is not None else self.initial), model=each)
                self.models.append(each)


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
    """A scene's state machine; `Player`s share it through their Playthroughs.

    Built as players reach it: a passage becomes a state of the transitions
    Machine, with its options as transitions, the first time a Playthrough is
    put on it or chooses there. Building all 1,000 passages of a scene up front
    took longer than reading the scene back from the cache; most playthroughs
    meet a fraction of them. Every choice still goes through the Machine.
    """

    def __init__(self, scene: Scene) -> None:
        self.scene = scene
        self._machine = _Machine(
            model=None,
            states=[scene.start],
            transitions=[],
            initial=scene.start,
            auto_transitions=False,
            send_event=True,
            model_attribute="node",
            # Triggers are fired through the machine, never as methods on the
            # model, so nothing is bound onto each Playthrough.
            model_override=True,
        )
        #: (node, choice) -> its Event, its one Transition and the source State.
        self._steps: dict[tuple[str, str], tuple[Event, Transition, State]] = {}
        self._built: set[str] = set()

    def _build(self, node_id: str) -> None:
        """Make `node_id` a state with its options as transitions (once)."""
        node = self.scene.nodes[node_id]
        machine = self._machine
        specs: list[dict[str, Any]] = []
        if node.next:
            specs.append({"trigger": trigger_name(node.id, CONTINUE), "source": node.id,
                          "dest": node.next})
        for choice in node.choices:
            spec: dict[str, Any] = {"trigger": trigger_name(node.id, choice.id),
                                    "source": node.id, "dest": choice.goto}
            if choice.condition is not None:
                spec["conditions"] = [_guard(choice)]
            if choice.effects:
                spec["after"] = [_effects(choice)]
            specs.append(spec)
        wanted = [node.id, *(spec["dest"] for spec in specs)]
        missing = [state for state in dict.fromkeys(wanted) if state not in machine.states]
        if missing:
            machine.add_states(missing)
        for spec in specs:
            machine.add_transition(**spec)
            event = machine.events[spec["trigger"]]
            choice_id = spec["trigger"].partition("__")[2]
            self._steps[(node.id, choice_id)] = (event, event.transitions[node.id][0],
                                                 machine.states[node.id])
        self._built.add(node_id)

    def attach(self, playthrough: Playthrough, node_id: str | None = None) -> None:
        """Add a Playthrough as a model, at the start or at a saved node."""
        node_id = node_id or self.scene.start
        if node_id not in self._built:
            self._build(node_id)
        self._machine.add_model(playthrough, initial=node_id)

    def detach(self, playthrough: Playthrough) -> None:
        self._machine.remove_model(playthrough)

    def fire(self, playthrough: Playthrough, node_id: str, choice_id: str) -> bool:
        """Take a transition; False when its guard refused.

        The transition itself runs as transitions runs it (its guard, the exit
        and enter of the states, its effects as its `after` callback); only the
        Event's queueing wrapper around it is skipped (the machine has no queue,
        no prepare or finalize callbacks), which took half the time of a choice.
        `node_id` must be where the Playthrough is: the Player always passes that.
        """
        found = self._steps.get((node_id, choice_id))
        if found is None:
            if node_id in self._built or node_id not in self.scene.nodes:
                raise MachineError(f"no transition '{choice_id}' from '{node_id}'")
            self._build(node_id)
            return self.fire(playthrough, node_id, choice_id)
        event, transition, state = found
        data = EventData(state, event, self._machine, playthrough, (), {})
        return bool(transition.execute(data))

    def move(self, playthrough: Playthrough, node_id: str) -> None:
        """Put a Playthrough on a node directly (rewind, restore)."""
        if node_id not in self._built:
            self._build(node_id)
        self._machine.set_state(node_id, model=playthrough)

    @property
    def model_count(self) -> int:
        return len(self._machine.models)
