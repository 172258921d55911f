"""Random playthroughs spread over several processes, with the same result as in one.

Each chunk of runs has its own seed (`playtest.random_chunk`), so how the
chunks are shared out never changes what is found. Workers load the story
once; under `fork` they inherit the parent's, already loaded.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import sys
from collections import Counter
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any

from game.authoring.playtest import Coverage, chunk_sizes, random_chunk
from game.engine import Story, load_story

#: Below this many runs in all, starting processes costs more than it saves.
PARALLEL_FROM = 5_000

_STORY: Story | None = None
_Tally = tuple[int, Counter[str], Counter[tuple[str, str]], Counter[str], list[Any], list[Any]]


def _init(scene_paths: list[Path], seeds_dir: Path | None) -> None:
    global _STORY
    # Ctrl-C is the parent's to handle: it stops every worker at once (`_stop`); a worker
    # that took it too would die mid-task and leave the pool waiting for it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if _STORY is None:
        _STORY = load_story(scene_paths, seeds_dir)


def _work(scene_id: str, runs: int, seed: int, chunk: int) -> _Tally:
    assert _STORY is not None
    coverage = random_chunk(_STORY.machine(scene_id), runs, seed, chunk)
    return (coverage.runs, coverage.nodes, coverage.options, coverage.endings,
            coverage.errors, coverage.error_keys)


def default_jobs() -> int:
    return max(1, min(os.cpu_count() or 1, 8))


def random_many(
    story: Story,
    scene_paths: list[Path],
    seeds_dir: Path | None,
    runs: int,
    seed: int,
    jobs: int,
    progress: Callable[[str, int, int], None] | None = None,
) -> dict[str, Coverage]:
    """`runs` random playthroughs of every scene in `story`, over `jobs` processes."""
    global _STORY
    results = {scene_id: Coverage(story.scenes[scene_id]) for scene_id in story.scenes}
    tasks = [(scene_id, size, seed, chunk) for scene_id in story.scenes
             for chunk, size in enumerate(chunk_sizes(runs))]
    # A frozen build would start its own executable for each worker: stay in one process.
    frozen = bool(getattr(sys, "frozen", False))
    if jobs <= 1 or frozen or runs * len(story.scenes) < PARALLEL_FROM or len(tasks) < 2:
        for scene_id, size, task_seed, chunk in tasks:
            before = results[scene_id].runs

            def report(count: int, _size: int, scene: str = scene_id, done: int = before) -> None:
                if progress is not None:
                    progress(scene, done + count, runs)

            results[scene_id].merge(random_chunk(story.machine(scene_id), size, task_seed,
                                                 chunk, report))
        return results
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    _STORY = story  # inherited by forked workers; spawned ones load their own
    # The forked workers share the loaded story with this process, page by page, until
    # something writes to a page: a garbage collection in a worker walks (and so writes
    # to) every inherited object, copying the whole heap into each worker. Frozen, the
    # inherited objects are never walked, and two workers run as fast as one each.
    gc.freeze()
    pool = ProcessPoolExecutor(max_workers=min(jobs, len(tasks)), mp_context=context,
                               initializer=_init, initargs=(scene_paths, seeds_dir))
    try:
        futures: list[tuple[str, Future[_Tally]]] = [
            (task[0], pool.submit(_work, *task)) for task in tasks
        ]
        for scene_id, future in futures:  # merged in task order: deterministic
            count, nodes, options, endings, errors, keys = future.result()
            tally = Coverage(story.scenes[scene_id], runs=count, nodes=nodes,
                             options=options, endings=endings, errors=errors,
                             error_keys=keys)
            results[scene_id].merge(tally)
            if progress is not None:
                progress(scene_id, results[scene_id].runs, runs)
    except BaseException:  # Ctrl-C above all: stop now, not after every queued task
        _stop(pool)
        raise
    else:
        pool.shutdown()
    finally:
        _STORY = None
        gc.unfreeze()
    return results


def _stop(pool: ProcessPoolExecutor) -> None:
    """End the workers at once and drop the tasks not started.

    `shutdown` alone waits for the running tasks (minutes of playthroughs);
    the executor has no public way to end its workers, hence `_processes`.
    """
    workers = list((getattr(pool, "_processes", None) or {}).values())
    for worker in workers:
        worker.terminate()
    pool.shutdown(wait=False, cancel_futures=True)
    for worker in workers:
        worker.join(timeout=5)
