"""A made-up class: reproducible student records, for tests, the benchmark and the docs' screenshot.

Each student plays a scene through the real `Player` (so every record is one
the game could have written), leaning towards what the record says happened,
as classes tend to, with a seeded random generator.
"""

from __future__ import annotations

import json
import random
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from game.classroom.records import build_record, record_filename
from game.engine import Story

NAMES = (
    "Amara", "Ben", "Chloé", "Dev", "Elif", "Finn", "Grace", "Hamza", "Isla", "Jonas",
    "Kai", "Lena", "Malik", "Nora", "Oskar", "Priya", "Quinn", "Rosa", "Sami", "Tess",
    "Umar", "Vera", "Wen", "Xavi", "Yusuf", "Zoe", "Aiden", "Bea", "Cato", "Dina",
    "Emil", "Fatima", "Gus", "Hana", "Ivo",
)
_LESSON = datetime(2026, 11, 20, 9, 5, tzinfo=timezone.utc)


def play_record(
    story: Story, scene_id: str, rng: random.Random, name: str = "", lean: float = 0.6
) -> dict[str, Any]:
    """One student's record: a random path that takes the historical option with chance `lean`."""
    player = story.new_player(scene_id)
    try:
        for _ in range(500):
            if player.is_over:
                break
            options = [option for option in player.options if option.available]
            historical = [
                option for option in options
                if (choice := _choice(player, option.id)) is not None
                and choice.record is not None and choice.record.verdict.value == "historical"
            ]
            follow = historical and rng.random() < lean
            pick = rng.choice(historical) if follow else rng.choice(options)
            player.choose(pick.id)
        record = build_record(player, name)
    finally:
        player.close()
    started = _LESSON + timedelta(seconds=rng.randint(0, 240))
    record["playthrough_id"] = str(uuid.UUID(int=rng.getrandbits(128), version=4))
    record["started_at"] = started.isoformat(timespec="seconds")
    moment = started
    for choice in record["choices"]:
        moment += timedelta(seconds=rng.randint(40, 150))
        choice["chosen_at"] = moment.isoformat(timespec="seconds")
    record["finished_at"] = moment.isoformat(timespec="seconds") if record["ending"] else ""
    record["exported_at"] = (moment + timedelta(seconds=30)).isoformat(timespec="seconds")
    return record


def _choice(player: Any, choice_id: str) -> Any:
    try:
        return player.node.choice(choice_id)
    except KeyError:
        return None


def write_class(
    story: Story,
    directory: Path,
    count: int = 35,
    seed: int = 1938,
    scene_ids: tuple[str, ...] = (),
    anonymous_every: int = 9,
) -> list[Path]:
    """Write `count` records into `directory`, students spread over the given scenes."""
    rng = random.Random(seed)
    scenes = scene_ids or tuple(scene.id for scene in story.ordered)
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for index in range(count):
        anonymous = anonymous_every and index % anonymous_every == anonymous_every - 1
        suffix = "" if index < len(NAMES) else f" {index // len(NAMES) + 1}"
        name = "" if anonymous else NAMES[index % len(NAMES)] + suffix
        record = play_record(story, scenes[index % len(scenes)], rng, name,
                             lean=rng.uniform(0.35, 0.85))
        path = directory / record_filename(record)
        path.write_text(json.dumps(record, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        written.append(path)
    return written
