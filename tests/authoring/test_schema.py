"""The JSON Schema for editors: a valid draft-07 schema that accepts every shipped scene."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from game.authoring.schema import scene_schema

from .conftest import CLEAN_SCENE, DEMO_SCENES, REPO

jsonschema = pytest.importorskip("jsonschema")  # in the 'dev' extra

FORMAT2 = REPO / "tests" / "fixtures" / "format2"
SCENES = (sorted((REPO / "scenes").glob("*.yaml")) + sorted(DEMO_SCENES.glob("*.yaml"))
          + sorted(FORMAT2.glob("*.yaml")))


@pytest.fixture(scope="module")
def validator() -> Any:
    schema = scene_schema()
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


@pytest.mark.parametrize("path", SCENES, ids=[p.name for p in SCENES])
def test_shipped_scenes_validate(path: Path, validator: Any) -> None:
    errors = [f"{list(e.path)}: {e.message}"
              for e in validator.iter_errors(yaml.safe_load(path.read_text("utf-8")))]
    assert errors == []


@pytest.mark.parametrize(("old", "new", "where"), [
    ("  meeting:\n    text: The meeting.\n", "  meeting:\n    txet: The meeting.\n", "meeting"),
    ("verdict: unrecorded", "verdict: maybe", "verdict"),
    ("id: wait", "id: Wait", "id"),
    ("    next: home\n", "    next: home\n    ending: historical\n", "meeting"),
])
def test_editor_mistakes_are_caught(old: str, new: str, where: str, validator: Any) -> None:
    assert list(validator.iter_errors(yaml.safe_load(CLEAN_SCENE))) == []
    broken = yaml.safe_load(CLEAN_SCENE.replace(old, new))
    errors = list(validator.iter_errors(broken))
    assert errors and any(where in str(list(e.path)) + e.message for e in errors)


def test_format_2_parts_and_keys_are_checked(validator: Any) -> None:
    scene = yaml.safe_load((FORMAT2 / "telephone.yaml").read_text("utf-8"))
    assert list(validator.iter_errors(scene)) == []
    scene["nodes"]["the_fields"]["text"][1]["iff"] = "resolve >= 2"  # a typo in a part
    scene["central"] = "The Call"  # not a node id
    errors = " ".join(str(list(e.path)) + e.message for e in validator.iter_errors(scene))
    assert "the_fields" in errors and "central" in errors
