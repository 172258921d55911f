"""What the authoring commands were asked to read: PATHS as an author types them.

`lint` and `test` take files and folders, and also a scene id the way
`graph` does (`cover-names test exit_visa` means `scenes/exit_visa.yaml`).
A walkthrough is known by its name (`*.walkthrough.yaml`, a folder named
`walkthroughs`) or by its content (`scene:` and `steps:` at the top, no
`nodes:`), wherever it is, so it is never read as a broken scene. An empty
argument is a usage error, not "the current folder".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from game import paths as game_paths
from game.diagnostics import Diagnostic, Diagnostics, Location
from game.diagnostics.core import did_you_mean
from game.loading.files import SCENE_SUFFIX, WALKTHROUGH_SUFFIX

#: How much of a file is looked at to tell a walkthrough from a scene.
_SNIFF_BYTES = 65_536
_TOP_KEY = re.compile(rb"^(scene|steps|nodes)[ \t]*:", re.MULTILINE)


@dataclass
class Targets:
    """PATHS sorted out: scene paths (files or folders), walkthrough files, and notes."""

    scenes: list[Path] = field(default_factory=list)
    walkthroughs: list[Path] = field(default_factory=list)
    #: Said to the author on standard error: how a path was read.
    notes: list[str] = field(default_factory=list)
    problems: list[Diagnostic] = field(default_factory=list)


def looks_like_walkthrough(path: Path) -> bool:
    """A regular file holding a walkthrough: named as one, or `scene:` and `steps:` at the top."""
    if path.name.endswith(WALKTHROUGH_SUFFIX) or path.parent.name == "walkthroughs":
        return True
    try:
        if not path.is_file():
            return False
        with path.open("rb") as stream:
            head = stream.read(_SNIFF_BYTES)
    except OSError:
        return False
    keys = {match.group(1) for match in _TOP_KEY.finditer(head)}
    return {b"scene", b"steps"} <= keys and b"nodes" not in keys


def sort_paths(given: list[str]) -> Targets:
    """Sort the PATHS an author typed into scenes and walkthroughs, ids resolved."""
    targets = Targets()
    for text in given:
        if not text.strip():
            targets.problems.append(Diagnostics().add(
                "CN100", Location("''"), reason="an empty name is not a file or folder",
                hint="give a scene file, a folder of scenes, or a scene id like 'exit_visa'"))
            continue
        path = Path(text)
        if not path.exists() and not path.suffix and "/" not in text and "\\" not in text:
            shipped = game_paths.scenes_dir() / f"{text}{SCENE_SUFFIX}"
            if shipped.is_file():
                targets.notes.append(f"'{text}' is read as the scene file {shipped}")
                targets.scenes.append(shipped)
                continue
            known = sorted(p.stem for p in game_paths.scenes_dir().glob(f"*{SCENE_SUFFIX}"))
            targets.problems.append(Diagnostics().add(
                "CN650", Location(text), scene=text,
                hint=did_you_mean(text, known) or
                f"give a scene file's path, or one of the ids: {', '.join(known) or 'none'}"))
            continue
        if path.is_dir():
            if path.name == "walkthroughs":
                targets.walkthroughs.extend(sorted(
                    child for child in path.iterdir()
                    if child.suffix == SCENE_SUFFIX and child.is_file()))
            else:
                targets.scenes.append(path)
                targets.walkthroughs.extend(sorted(
                    child for child in path.iterdir()
                    if child.name.endswith(WALKTHROUGH_SUFFIX) and child.is_file()))
        elif looks_like_walkthrough(path):
            if not (path.name.endswith(WALKTHROUGH_SUFFIX) or path.parent.name == "walkthroughs"):
                targets.notes.append(f"{path} is read as a walkthrough: it has 'scene:' and "
                                     "'steps:' (name it *.walkthrough.yaml to say so)")
            targets.walkthroughs.append(path)
        else:
            targets.scenes.append(path)
    return targets
