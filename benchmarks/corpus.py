"""Writes a generated corpus of valid scenes for the benchmarks, quoting the real seeds.

Each scene is a chain of decision nodes (two choices each, with conditions,
effects, records and citations) ending in a historical ending, shaped like the
hand-written scenes so the figures mean something. Quotes are real sentences
taken from `seeds/`, varied across scenes, so every one must be proven, and each
within one voice (seeds/voices.yaml), as the linter asks of every quote.

`generate_corpus` is imported by both benchmarks (loading, and the engine's
load + build); keep its signature.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

from game.sources import load_library

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"

_PASSAGE = (
    "The interrogation is over, and you and Paul have been taken into the social and "
    "family life of the NKVD. You want one thing: to go home. Peter listens, then "
    "spreads his hands, and for a long moment says nothing at all."
)


def seed_quotes(seeds: Path = SEEDS) -> list[tuple[str, str]]:
    """(source id, sentence) pairs: every sentence of 40 to 160 characters in the seeds
    that one voice speaks (seeds/voices.yaml), as an author must quote (CN508).

    A sentence is kept when the span the linter proves for it falls in one voice: a
    sentence that runs from the article's words into a quoted memoir, or that the
    linter would find first where it crosses, would make the corpus fail to lint.
    """
    index = yaml.load((seeds / "sources.yaml").read_text(encoding="utf-8"),
                      Loader=yaml.CSafeLoader)
    library = load_library(seeds)
    quotes: list[tuple[str, str]] = []
    for entry in index["sources"]:
        text = (seeds / entry["file"]).read_text(encoding="utf-8")
        source = library[entry["id"]]
        for sentence in re.split(r"(?<=[.!?])\s+", text):
            sentence = sentence.strip()
            if not (40 <= len(sentence) <= 160 and "\n" not in sentence):
                continue
            span = library.prove(entry["id"], sentence)  # the span lint proves, first found
            if span is not None and source.voice_at(span.start, span.end)[1] is None:
                quotes.append((entry["id"], sentence))
    return quotes


def _cite(quote: tuple[str, str], indent: str) -> str:
    source, text = quote
    return f"{indent}- {{source: {source}, quote: {json.dumps(text, ensure_ascii=False)}}}\n"


def scene_text(number: int, nodes: int, quotes: list[tuple[str, str]]) -> str:
    """One valid scene: `nodes` nodes, the last an ending, each other a two-way decision."""
    def quote(k: int) -> tuple[str, str]:
        return quotes[(number * 7 + k * 13) % len(quotes)]

    out = [
        "format: 1\n",
        f"id: scene_{number:04d}\n",
        f"title: Generated scene {number}\n",
        f"order: {number}\n",
        "place: Moscow\n",
        "date: early 1938\n",
        "role: Hede Massing\n",
        "summary: A generated scene for the benchmarks, shaped like the real ones.\n",
        "length_minutes: 20\n",
        "content_notes: [state violence, executions]\n",
        "start: node_0\n",
        "vars:\n  resolve: 0\n  waited: false\n  mood: calm\n",
        "nodes:\n",
    ]
    for k in range(nodes):
        out.append(f"  node_{k}:\n")
        out.append("    speaker: Narrator\n" if k % 2 else "    date: January 1938\n")
        out.append(f"    text: |\n      {_PASSAGE}\n      Passage {k} of scene {number}.\n")
        out.append("    cite:\n" + _cite(quote(k), "      "))
        if k == nodes - 1:
            out.append("    ending: historical\n    epilogue:\n      text: What happened next.\n")
            out.append("      cite:\n" + _cite(quote(k + 1), "        "))
            continue
        target = f"node_{k + 1}"
        out.append("    discuss: What did this tell Hede about how power worked in the NKVD?\n")
        out.append("    choices:\n")
        out.append(
            "      - id: ask_higher\n"
            "        text: Ask Peter to take you to someone who has the authority.\n"
            f"        goto: {target}\n"
            "        set: {resolve: +1, mood: hopeful}\n"
            "        record:\n"
            "          verdict: historical\n"
            "          note: A few days later Zarubin arranged a meeting with Yezhov.\n"
            "          cite:\n" + _cite(quote(k + 2), "            ")
        )
        out.append(
            "      - id: wait\n"
            "        text: Say nothing more. Wait, and hope the papers come.\n"
            f"        if: \"not waited and resolve < {k % 4 + 1}\"\n"
            "        locked: You have already waited, and nothing came.\n"
            f"        goto: {target}\n"
            "        set: {waited: true}\n"
            "        record:\n"
            "          verdict: diverged\n"
            "          note: Hede did not wait; she asked again, and again.\n"
            "          cite:\n" + _cite(quote(k + 3), "            ")
        )
    return "".join(out)


def generate_corpus(directory: Path, scenes: int, nodes_per_scene: int) -> list[Path]:
    """Write `scenes` valid scene files of `nodes_per_scene` nodes into `directory`."""
    directory.mkdir(parents=True, exist_ok=True)
    quotes = seed_quotes()
    paths: list[Path] = []
    for number in range(scenes):
        path = directory / f"scene_{number:04d}.yaml"
        path.write_text(scene_text(number, nodes_per_scene, quotes), encoding="utf-8")
        paths.append(path)
    return paths
