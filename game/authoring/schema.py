"""A JSON Schema for scene files, so an editor completes keys and underlines mistakes as you type.

The schema is built from the loader's own key lists, so a key the loader
learns appears here too. It checks shape only (keys, types, ids, verdicts);
references, conditions and quotes are the loader's and the linter's job,
because they need the whole scene and the sources.
"""

from __future__ import annotations

import json
from typing import Any

SCHEMA_ID = "https://cover-names.invalid/schema/scene-2.json"
DESCRIPTION_URL = "docs/authoring.md"


def _text(description: str, min_length: int = 1) -> dict[str, Any]:
    return {"type": "string", "minLength": min_length, "description": description}


def scene_schema() -> dict[str, Any]:
    """The JSON Schema (draft-07, which VS Code's YAML extension reads) for scene formats 1
    and 2 (format 2's keys are optional, so one schema serves both)."""
    from game.loading.citations import CITATION_KEYS
    from game.loading.nodes import (
        CHOICE_KEYS,
        ENDINGS,
        EPILOGUE_KEYS,
        NODE_KEYS,
        PART_KEYS,
        RECORD_KEYS,
        SOUNDS,
        VERDICTS,
    )
    from game.loading.scene import SCENE_FORMAT, SCENE_KEYS, SCENE_REQUIRED
    from game.loading.shape import SNAKE_ID
    from game.sources.library import MIN_QUOTE_LENGTH

    snake = SNAKE_ID.pattern
    node_ref = {"type": "string", "pattern": snake, "description": "a node id of this scene"}
    citation = {
        "type": "object",
        "description": "a quote that must stand in the named source",
        "required": ["source", "quote"],
        "properties": {
            "source": {"type": "string", "pattern": snake,
                       "description": "a source id from seeds/sources.yaml"},
            "quote": _text("the exact words of the source (spaces, quote marks and dashes "
                           "are normalised)", MIN_QUOTE_LENGTH),
            "account": _text("for a disputed record: whose account this is"),
        },
        "additionalProperties": False,
    }
    cite = {"type": "array", "items": {"$ref": "#/definitions/citation"}}
    record = {
        "type": "object",
        "description": "what the historical record says of this choice",
        "required": list(RECORD_KEYS),
        "properties": {
            "verdict": {"enum": list(VERDICTS),
                        "description": "historical | diverged | unrecorded | disputed"},
            "note": _text("one to three plain sentences: what did happen"),
            "cite": cite,
        },
        "additionalProperties": False,
    }
    value = {"type": ["integer", "boolean", "string"]}
    choice = {
        "type": "object",
        "required": ["id", "text", "goto", "record"],
        "properties": {
            "id": {"type": "string", "pattern": snake, "description": "unique in its node"},
            "text": _text("what the player picks"),
            "goto": node_ref,
            "if": _text("a condition, e.g. \"resolve >= 2 and not waited\""),
            "locked": _text("the reason shown while the condition is false"),
            "set": {"type": "object", "description": "effects: +N / -N adds, anything else assigns",
                    "propertyNames": {"pattern": snake},
                    "additionalProperties": value},
            "record": {"$ref": "#/definitions/record"},
        },
        "additionalProperties": False,
    }
    part = {
        "type": "object",
        "description": "a part of the passage, shown only while its condition holds",
        "required": ["text"],
        "properties": {
            "text": _text("the paragraph"),
            "if": _text("a condition, e.g. \"trust >= 2\"; the part shows while it holds"),
            "cite": cite,
        },
        "additionalProperties": False,
    }
    node_properties: dict[str, Any] = {
        "text": {
            "description": "the passage: text, or (format 2) a list of parts joined as "
                           "paragraphs, each text or {text, if, cite}",
            "oneOf": [
                _text("the passage"),
                {"type": "array", "minItems": 1,
                 "items": {"oneOf": [_text("a paragraph shown always"),
                                     {"$ref": "#/definitions/part"}]}},
            ],
        },
        "speaker": _text("who speaks; the narrator when absent"),
        "place": _text("this passage's place, overriding the scene's"),
        "date": {"type": ["string", "integer"], "description": "this passage's date"},
        "cite": cite,
        "ask": _text("format 2: the question shown before the choice; it asks, never tells"),
        "discuss": _text("the discussion prompt shown after the record is revealed"),
        "sound": {"enum": list(SOUNDS),
                  "description": "format 2: a sound where the sources put one"},
        "choices": {"type": "array", "minItems": 1, "items": {"$ref": "#/definitions/choice"}},
        "next": node_ref,
        "ending": {"enum": list(ENDINGS), "description": "historical | counterfactual"},
        "epilogue": {
            "type": "object", "required": ["text"],
            "properties": {"text": _text("what happened next"), "cite": cite},
            "additionalProperties": False,
        },
    }
    node = {
        "type": "object",
        "required": ["text"],
        "properties": node_properties,
        "additionalProperties": False,
        "oneOf": [{"required": ["choices"]}, {"required": ["next"]}, {"required": ["ending"]}],
        "description": "a passage with exactly one of 'choices', 'next' or 'ending'",
    }
    scene_properties: dict[str, Any] = {
        "format": {"type": "integer", "minimum": 1, "maximum": SCENE_FORMAT},
        "id": {"type": "string", "pattern": snake, "description": "unique across all scenes"},
        "title": _text("shown on the scene card and the header"),
        "order": {"type": "number", "description": "historical order in scene lists; a "
                  "decimal (1.5) goes between two scenes; ties sort by title"},
        "place": _text("where the scene happens"),
        "date": {"type": ["string", "integer"], "description": "when the scene happens"},
        "role": _text("who the player is"),
        "summary": _text("the situation, shown before the scene starts"),
        "length_minutes": {"type": "integer", "minimum": 0},
        "content_notes": {"type": "array", "items": {"type": "string"}},
        "start": node_ref,
        "min_decisions": {"type": "integer", "minimum": 0,
                          "description": "format 2: every path to an ending passes at least "
                                         "this many decisions (default 4)"},
        "central": {**node_ref, "description": "format 2: the node of the moment the scene "
                                               "is named for; every path to an ending passes it"},
        "vars": {"type": "object", "propertyNames": {"pattern": snake},
                 "additionalProperties": value,
                 "description": "each variable with its starting value (fixes its type)"},
        "nodes": {"type": "object", "minProperties": 1, "propertyNames": {"pattern": snake},
                  "additionalProperties": {"$ref": "#/definitions/node"}},
    }
    # The loader's key lists are the truth; fail loudly here if they drift apart.
    for keys, properties in ((SCENE_KEYS, scene_properties), (NODE_KEYS, node_properties),
                             (CHOICE_KEYS, choice["properties"]),
                             (CITATION_KEYS, citation["properties"]),
                             (PART_KEYS, part["properties"]),
                             (EPILOGUE_KEYS, node_properties["epilogue"]["properties"])):
        missing = set(keys) ^ set(properties)  # type: ignore[arg-type]
        assert not missing, f"schema and loader disagree about {sorted(missing)}"
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": SCHEMA_ID,
        "title": "Cover Names scene (formats 1 and 2)",
        "description": f"A scene of Cover Names; see {DESCRIPTION_URL}.",
        "type": "object",
        "required": list(SCENE_REQUIRED),
        "properties": scene_properties,
        "additionalProperties": False,
        "definitions": {"citation": citation, "record": record, "choice": choice, "node": node,
                        "part": part},
    }


def schema_text() -> str:
    return json.dumps(scene_schema(), indent=2, ensure_ascii=False) + "\n"
