"""Automatic playthroughs through the real engine: random ones for a seed, or every state.

Both drive `game.engine.Player`, exactly as a student's front end does, so a
crash found here is a crash a student would meet. Each run records which
nodes and options it saw and which ending it reached; a runtime error is
kept with the choices that led to it, so the author can replay them.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from game.diagnostics import Diagnostic, Diagnostics
from game.engine import Player, SceneMachine
from game.engine.machine import CONTINUE
from game.model import Scene

#: A playthrough longer than this is taken to be going round for ever.
MAX_STEPS = 1_000
#: `--exhaustive` stops after this many states, and says so.
EXHAUSTIVE_LIMIT = 100_000

Progress = Callable[[int, int], None]


@dataclass
class Coverage:
    """What a batch of playthroughs of one scene saw."""

    scene: Scene
    runs: int = 0
    states: int = 0  # exhaustive mode: distinct (node, variables) states visited
    complete: bool = True  # exhaustive mode: False when EXHAUSTIVE_LIMIT was hit
    nodes: Counter[str] = field(default_factory=Counter)
    options: Counter[tuple[str, str]] = field(default_factory=Counter)
    endings: Counter[str] = field(default_factory=Counter)
    errors: list[Diagnostic] = field(default_factory=list)
    error_keys: list[tuple[str, str]] = field(default_factory=list, repr=False)
    _error_keys: set[tuple[str, str]] = field(default_factory=set, repr=False)

    @property
    def all_options(self) -> list[tuple[str, str]]:
        found = []
        for node in self.scene.nodes.values():
            if node.next:
                found.append((node.id, CONTINUE))
            found.extend((node.id, choice.id) for choice in node.choices)
        return found

    @property
    def node_coverage(self) -> tuple[int, int]:
        return len(set(self.nodes) & set(self.scene.nodes)), len(self.scene.nodes)

    @property
    def option_coverage(self) -> tuple[int, int]:
        every = self.all_options
        return len(set(self.options) & set(every)), len(every)

    @property
    def missed_nodes(self) -> list[str]:
        return [node for node in self.scene.nodes if node not in self.nodes]

    @property
    def missed_options(self) -> list[str]:
        return [f"{node}.{option}" for node, option in self.all_options
                if (node, option) not in self.options]

    @property
    def missed_endings(self) -> list[str]:
        return [node.id for node in self.scene.endings if node.id not in self.endings]

    def merge(self, other: Coverage) -> None:
        """Add another batch's tallies (of the same scene) to this one."""
        self.runs += other.runs
        self.states += other.states
        self.complete = self.complete and other.complete
        self.nodes.update(other.nodes)
        self.options.update(other.options)
        self.endings.update(other.endings)
        for key, error in zip(other.error_keys, other.errors, strict=True):
            if key not in self._error_keys:
                self._error_keys.add(key)
                self.error_keys.append(key)
                self.errors.append(error)

    def fail(self, player: Player, error: str) -> None:
        """Keep a runtime error once per (node, message), with the path that led to it."""
        node = player.playthrough.node
        key = (node, error)
        if key in self._error_keys:
            return
        self._error_keys.add(key)
        self.error_keys.append(key)
        path = [step.choice_id for step in player.playthrough.history]
        self.errors.append(Diagnostics().add(
            "CN630", self.scene.node(node).where if node in self.scene.nodes else self.scene.where,
            node=node, steps=len(path), error=error, hint=replay_hint(self.scene.id, path)))


#: A path longer than this is shown by its ends: a 1,000-step list helps nobody.
REPLAY_SHOWN = 20


def replay_hint(scene_id: str, path: list[str]) -> str:
    """The choices that led to a failure, ready to paste into a walkthrough when short."""
    if len(path) <= REPLAY_SHOWN:
        return f"replay it in a walkthrough: scene: {scene_id}, steps: [{', '.join(path)}]"
    half = REPLAY_SHOWN // 2
    return (f"the {len(path):,} choices that led there begin [{', '.join(path[:half])}] and "
            f"end [{', '.join(path[-half:])}] ({len(path) - REPLAY_SHOWN:,} between); a loop "
            "that never ends usually means a way out is locked or missing")


def _take(player: Player, coverage: Coverage, option_id: str) -> None:
    node = player.playthrough.node
    coverage.options[(node, option_id)] += 1
    player.choose(option_id)
    coverage.nodes[player.playthrough.node] += 1


#: Random runs are grouped in chunks, each with its own seed, so a batch gives the same
#: result whether its chunks run one after another or spread over several processes.
CHUNK = 2_500


def chunk_sizes(runs: int) -> list[int]:
    full, rest = divmod(runs, CHUNK)
    return [CHUNK] * full + ([rest] if rest else [])


def random_chunk(
    machine: SceneMachine,
    runs: int,
    seed: int,
    chunk: int,
    progress: Progress | None = None,
) -> Coverage:
    """One chunk of random playthroughs, choosing uniformly among the available options."""
    scene = machine.scene
    coverage = Coverage(scene)
    # A string seed is hashed the same way on every run and machine (not by hash()).
    rng = random.Random(f"{seed}:{scene.id}:{chunk}")
    player = Player(machine)
    every = max(runs // 100, 1)
    try:
        for run in range(runs):
            player.restart()
            coverage.runs += 1
            coverage.nodes[scene.start] += 1
            _play_one(player, coverage, rng)
            if progress is not None and (run + 1) % every == 0:
                progress(run + 1, runs)
    finally:
        player.close()
    return coverage


def random_playthroughs(
    machine: SceneMachine,
    runs: int = 10_000,
    seed: int = 0,
    progress: Progress | None = None,
) -> Coverage:
    """`runs` random playthroughs in this process; the same seed gives the same runs."""
    total = Coverage(machine.scene)
    done = 0
    for chunk, size in enumerate(chunk_sizes(runs)):

        def report(count: int, _size: int, before: int = done) -> None:
            if progress is not None:
                progress(before + count, runs)

        total.merge(random_chunk(machine, size, seed, chunk, report))
        done += size
    return total


def steps_allowed(scene: Scene) -> int:
    """How many choices a random playthrough may take before it counts as going round for
    ever: MAX_STEPS, or ten a passage in a larger scene (a valid 5,000-passage chain takes
    5,000 choices to its ending)."""
    return max(MAX_STEPS, 10 * len(scene.nodes))


def _play_one(player: Player, coverage: Coverage, rng: random.Random) -> None:
    allowed = steps_allowed(player.scene)
    for _step in range(allowed):
        try:
            if player.is_over:
                coverage.endings[player.playthrough.node] += 1
                return
            available = [option.id for option in player.options if option.available]
            if not available:
                coverage.fail(player, "every option is locked: the player is stuck")
                return
            _take(player, coverage, available[rng.randrange(len(available))])
        except Exception as error:  # the point is to find these
            coverage.fail(player, f"{type(error).__name__}: {error}")
            return
    coverage.fail(player, f"no ending after {allowed} choices")


def exhaustive_playthroughs(
    machine: SceneMachine,
    limit: int = EXHAUSTIVE_LIMIT,
    progress: Progress | None = None,
) -> Coverage:
    """Visit every reachable (node, variables) state once, by choosing and rewinding.

    Depth-first, with an explicit stack (scenes can be deeper than Python's
    recursion limit). Each option is taken through `Player.choose` and undone
    through `Player.rewind`, so both are exercised on every state.
    """
    scene = machine.scene
    coverage = Coverage(scene, runs=1)
    player = Player(machine)
    seen: set[tuple[str, tuple[object, ...]]] = set()

    def state() -> tuple[str, tuple[object, ...]]:
        return player.playthrough.node, tuple(sorted(player.playthrough.variables.items()))

    def options_here() -> list[str]:
        if player.is_over:
            coverage.endings[player.playthrough.node] += 1
            return []
        available = [option.id for option in player.options if option.available]
        if not available:
            coverage.fail(player, "every option is locked: the player is stuck")
        return available

    try:
        coverage.nodes[scene.start] += 1
        seen.add(state())
        stack: list[list[str]] = [options_here()]
        while stack:
            pending = stack[-1]
            if not pending:
                stack.pop()
                if stack:
                    player.rewind(len(player.playthrough.history) - 1)
                continue
            option_id = pending.pop()
            try:
                _take(player, coverage, option_id)
            except Exception as error:
                coverage.fail(player, f"{type(error).__name__}: {error}")
                continue
            key = state()
            if key in seen or len(seen) >= limit:
                coverage.complete = coverage.complete and key in seen
                player.rewind(len(player.playthrough.history) - 1)
                continue
            seen.add(key)
            if progress is not None and len(seen) % 1000 == 0:
                progress(len(seen), limit)
            stack.append(options_here())
    finally:
        coverage.states = len(seen)
        player.close()
    return coverage
