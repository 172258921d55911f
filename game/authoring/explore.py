"""Every state a player can reach in a scene: (node, variables), found by a bounded search.

The linter asks questions only the whole state space answers (can the player
get stuck? can this option ever unlock? can an ending always be reached?),
so this walks the scene model directly, applying conditions and effects the
way the engine does, without building Players. It stops at `limit` states:
a number that grows on every pass round a loop makes the space infinite, and
then the answers that need every state are reported as incomplete.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

from game.model import Choice, Scene, Value

#: States explored before giving up. A scene with a few true/false flags has tens.
DEFAULT_LIMIT = 50_000

#: (node id, the variables' values in the order the scene declares them)
State = tuple[str, tuple[Value, ...]]


@dataclass
class StateSpace:
    """The reachable states, the moves between them, and whether the search finished."""

    scene: Scene
    names: tuple[str, ...]
    start: State
    #: state -> [(option id, next state)] for every option available there
    moves: dict[State, list[tuple[str, State]]] = field(default_factory=dict)
    #: state -> ids of the options locked there
    locked: dict[State, list[str]] = field(default_factory=dict)
    complete: bool = True
    limit: int = DEFAULT_LIMIT

    def variables(self, state: State) -> dict[str, Value]:
        return dict(zip(self.names, state[1], strict=True))

    def describe(self, state: State) -> str:
        """A state's variables in an author's words: 'resolve = 0, waited = true'."""
        if not self.names:
            return "the scene starts"
        pairs = zip(self.names, state[1], strict=True)
        return ", ".join(f"{name} = {_show(value)}" for name, value in pairs)

    def states_at(self, node_id: str) -> list[State]:
        return [state for state in self.moves if state[0] == node_id]

    @property
    def nodes_reached(self) -> set[str]:
        return {state[0] for state in self.moves}

    def trapped(self) -> list[State]:
        """Reachable states from which no ending can be reached (only meaningful when complete)."""
        back: dict[State, list[State]] = {}
        finished: list[State] = []
        for state, moves in self.moves.items():
            if self.scene.nodes[state[0]].ending is not None:
                finished.append(state)
            for _option, after in moves:
                back.setdefault(after, []).append(state)
        can_finish = set(finished)
        queue = deque(finished)
        while queue:
            for before in back.get(queue.popleft(), ()):
                if before not in can_finish:
                    can_finish.add(before)
                    queue.append(before)
        return [state for state in self.moves if state not in can_finish]


    def loops(self, among: list[State]) -> list[list[State]]:
        """The cycles (strongly connected groups of two or more states, or a state that
        leads to itself) formed by the moves between `among`, each in search order."""
        inside = set(among)
        forward = {state: [after for _o, after in self.moves.get(state, ()) if after in inside]
                   for state in among}
        backward: dict[State, list[State]] = {state: [] for state in among}
        for state, targets in forward.items():
            for after in targets:
                backward[after].append(state)
        finished: list[State] = []
        seen: set[State] = set()
        for root in among:  # first pass: finishing order, iteratively
            if root in seen:
                continue
            seen.add(root)
            stack = [(root, iter(forward[root]))]
            while stack:
                state, pending = stack[-1]
                for after in pending:
                    if after not in seen:
                        seen.add(after)
                        stack.append((after, iter(forward[after])))
                        break
                else:
                    stack.pop()
                    finished.append(state)
        order = {state: index for index, state in enumerate(among)}
        groups: list[list[State]] = []
        assigned: set[State] = set()
        for root in reversed(finished):  # second pass, on the reversed moves
            if root in assigned:
                continue
            group, queue = [], [root]
            assigned.add(root)
            while queue:
                state = queue.pop()
                group.append(state)
                for before in backward[state]:
                    if before not in assigned:
                        assigned.add(before)
                        queue.append(before)
            if len(group) > 1 or root in forward[root]:
                groups.append(sorted(group, key=order.__getitem__))
        return sorted(groups, key=lambda group: order[group[0]])


def _show(value: Value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    return str(value)


def _step(choice: Choice, names: tuple[str, ...], values: dict[str, Value]) -> tuple[Value, ...]:
    if not choice.effects:
        return tuple(values[name] for name in names)
    after = dict(values)
    for effect in choice.effects:
        effect.apply(after)
    return tuple(after[name] for name in names)


def explore(scene: Scene, limit: int = DEFAULT_LIMIT) -> StateSpace:
    """Breadth-first search of the scene's states from its start, up to `limit` states."""
    names = tuple(scene.variables)
    start: State = (scene.start, tuple(scene.variables[name] for name in names))
    space = StateSpace(scene, names, start, limit=limit)
    moves = space.moves
    queue: deque[State] = deque([start])
    seen = {start}
    nodes = scene.nodes
    while queue:
        state = queue.popleft()
        node_id, values_tuple = state
        node = nodes.get(node_id)
        here: list[tuple[str, State]] = []
        moves[state] = here
        if node is None or node.ending is not None:
            continue
        if node.next:
            here.append(("continue", (node.next, values_tuple)))
        if node.choices:
            values = dict(zip(names, values_tuple, strict=True))
            for choice in node.choices:
                if choice.condition is not None and not choice.condition(values):
                    space.locked.setdefault(state, []).append(choice.id)
                    continue
                here.append((choice.id, (choice.goto, _step(choice, names, values))))
        for _option, after in here:
            if after in seen:
                continue
            if len(seen) >= limit:
                space.complete = False
                continue
            seen.add(after)
            queue.append(after)
    return space
