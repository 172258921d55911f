"""The scene's map: one layout (`layout.lay_out`) that the graph page and the desktop both draw."""

from __future__ import annotations

from game.scenemap.layout import MapEdge, MapNode, SceneMap, lay_out

__all__ = ["MapEdge", "MapNode", "SceneMap", "lay_out"]
