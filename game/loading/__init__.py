"""The loader: scene files in, a validated and frozen `Scene` plus diagnostics out.

Safe YAML with positions (`yaml_tree`), shape checks (`shape`), conditions
(`expressions`) and effects (`effects`), proven citations (`citations`), the
records' evidence (`evidence`), and the scene itself (`scene`, `nodes`).
`files` holds the entry points.
"""

from __future__ import annotations

from game.loading.effects import parse_effect
from game.loading.expressions import parse_condition
from game.loading.files import (
    LoadedScenes,
    LoadResult,
    find_scene_files,
    load_scene,
    load_scene_text,
    load_scenes,
)
from game.loading.scene import SCENE_FORMAT
from game.loading.yaml_tree import YList, YMap, YNode, YScalar, read_yaml

__all__ = [
    "SCENE_FORMAT",
    "LoadResult",
    "LoadedScenes",
    "YList",
    "YMap",
    "YNode",
    "YScalar",
    "find_scene_files",
    "load_scene",
    "load_scene_text",
    "load_scenes",
    "parse_condition",
    "parse_effect",
    "read_yaml",
]
