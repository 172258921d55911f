"""Voices: each proven quote is credited to who speaks where it stands, from seeds/voices.yaml."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from game.diagnostics import Diagnostics
from game.loading.files import load_scene_text
from game.model import VoiceKind, credit_line
from game.sources import SourceLibrary, load_library

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"

SCENE = """\
id: voices_demo
title: Voices demo
place: Moscow
date: "1938"
role: Hede Massing
summary: One passage, one quote.
start: only
nodes:
  only:
    text: Hede waits.
    cite:
{cites}
    next: end
  end:
    text: The end.
    ending: historical
"""


def _scene(library: SourceLibrary, *quotes: tuple[str, str]):  # type: ignore[no-untyped-def]
    cites = "\n".join(f"      - {{source: {source}, quote: {json.dumps(quote)}}}"
                      for source, quote in quotes)
    return load_scene_text(SCENE.format(cites=cites), "voices_demo.yaml", library)


def _citations(library: SourceLibrary, *quotes: tuple[str, str]):  # type: ignore[no-untyped-def]
    result = _scene(library, *quotes)
    assert result.scene is not None, [str(d) for d in result.diagnostics]
    return result.scene.nodes["only"].citations


def test_a_memoir_quote_is_credited_to_the_memoir_and_the_article_quoting_it(
    library: SourceLibrary,
) -> None:
    (citation,) = _citations(library, ("bazarov", "I hung up. I was shaking."))
    assert citation.voice is not None and citation.voice.kind is VoiceKind.MEMOIR
    assert credit_line(citation) == (
        "Hede Massing, This Deception (1951), memoir \u2014 quoted in the article "
        "\u201cBoris Bazarov\u201d")


def test_the_same_passage_quoted_by_two_articles_is_credited_to_each_article(
    library: SourceLibrary,
) -> None:
    quote = "This charming comrade was responsible for the murder of Ludwig!"
    in_bazarov, in_shpiegelglass = (
        _citations(library, (source, quote))[0] for source in ("bazarov", "shpiegelglass"))
    assert credit_line(in_bazarov).endswith("quoted in the article \u201cBoris Bazarov\u201d")
    assert credit_line(in_shpiegelglass).endswith(
        "quoted in the article \u201cMikhail Shpiegelglass\u201d")
    assert credit_line(in_bazarov).startswith("Hede Massing, This Deception (1951), memoir")


def test_unmarked_text_is_the_articles_own_voice_with_its_publisher_when_the_text_shows_it(
    library: SourceLibrary,
) -> None:
    narration, wiki = _citations(
        library,
        ("bazarov", "Boris Bazarov was born in Lithuania in 1893."),
        ("massing", "Laurence Duggan was among Hede Massing's recruits."),
    )
    assert credit_line(narration) == "the article \u201cBoris Bazarov\u201d, its own narration"
    assert credit_line(wiki) == (
        "the article \u201cHede Massing\u201d (Conservapedia), its own claim")


def test_a_claim_names_the_evidence_it_cites_and_a_later_book_the_witness_it_retells(
    library: SourceLibrary,
) -> None:
    gorsky, gazur = _citations(
        library,
        ("massing", "listed as members of the Redhead group"),
        ("shpiegelglass", "an enraged Stalin ordered that an example be made of his case"),
    )
    assert credit_line(gorsky).endswith("its own claim, citing the Gorsky Memo")
    assert credit_line(gazur).startswith(
        "Edward P. Gazur, Alexander Orlov: The FBI's KGB General (2001), later book "
        "retelling Alexander Orlov \u2014 quoted in")


def test_quote_marks_at_a_quotes_ends_belong_to_no_voice(library: SourceLibrary) -> None:
    (citation,) = _citations(library, ("bazarov", '"Tell your story, and I will interpret."'))
    assert citation.crosses is None
    assert citation.voice is not None and citation.voice.kind is VoiceKind.MEMOIR


def test_a_quote_across_two_voices_is_an_error_at_the_quote(library: SourceLibrary) -> None:
    result = _scene(library, ("bazarov", 'Zarubin warned her: "Hede, be careful when you talk'))
    (problem,) = [d for d in result.diagnostics if d.code == "CN508"]
    line = SCENE.splitlines().index("{cites}") + 1
    assert (problem.where.line, problem.where.column) == (line, len("      - {source: bazarov, "
                                                                    "quote: ") + 1)
    assert "its own narration, then Hede Massing, This Deception (1951), memoir" in str(problem)


def test_the_same_words_split_at_the_voices_load_clean(library: SourceLibrary) -> None:
    result = _scene(library, ("bazarov", "Zarubin warned her:"),
                    ("bazarov", "Hede, be careful when you talk to this man"))
    assert [str(d) for d in result.diagnostics] == []


def test_the_shipped_voices_load_without_a_problem() -> None:
    diagnostics = Diagnostics()
    library = load_library(SEEDS, diagnostics)
    assert [str(d) for d in diagnostics] == []
    assert all(source.voices for source in library)


# -- voices.yaml itself: every anchor is proven, every problem positioned ------------------


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    return folder


def _edit(seeds: Path, old: str, new: str) -> int:
    """Change voices.yaml; the line of the change."""
    path = seeds / "voices.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def _problems(seeds: Path) -> tuple[list[str], SourceLibrary]:
    diagnostics = Diagnostics()
    library = load_library(seeds, diagnostics)
    return [str(d).splitlines()[0] for d in diagnostics], library


def test_an_anchor_not_in_the_seed_is_reported_where_it_is_written(seeds: Path) -> None:
    line = _edit(seeds, 'from: "Fred (Boris Bazarov) was a small man"',
                 'from: "Fred (Boris Bazarof) was a small man"')
    problems, library = _problems(seeds)
    voices = seeds / "voices.yaml"
    column = (voices.read_text(encoding="utf-8").splitlines()[line - 1]
              .index('"Fred (Boris Bazarof)') + 1)
    assert problems == [f"{voices}:{line}:{column}: error CN510: the start anchor 'Fred (Boris "
                        "Bazarof) was a small man' is not found in 'bazarov'"]
    # The stretch is then the article's own voice, never a wrong work.
    start = library["bazarov"].text.index("Fred (Boris Bazarov) was a small man")
    voice, _ = library["bazarov"].voice_at(start, start + 40)
    assert voice.kind is VoiceKind.NARRATION


def test_an_anchor_standing_twice_needs_a_line(seeds: Path) -> None:
    line = _edit(seeds, "line: 64, from:", "from:")
    problems, _ = _problems(seeds)
    assert len(problems) == 1 and f"voices.yaml:{line}:" in problems[0]
    assert "CN511: the start anchor 'Peter (Vassilli Zarubin) brought a man' stands 2 times in " \
           "'shpiegelglass'" in problems[0]


def test_overlapping_spans_and_an_unknown_work_are_reported(seeds: Path) -> None:
    _edit(seeds, 'to: "with whom Duggan is friendly."',
          'to: "let him know that he was a Communist"')
    line = _edit(seeds, "work: this_deception, from: \"That we",
                 "work: this_decepton, from: \"That we")
    problems, _ = _problems(seeds)
    assert any("CN513: the span overlaps the one marked at line" in p for p in problems)
    assert any(f"voices.yaml:{line}:" in p and "CN512: 'this_decepton' is not a work" in p
               for p in problems)


def test_the_teachers_guide_names_every_voice_and_every_kind() -> None:
    """docs/history.md's tables of who speaks where are written by hand: a work added to
    voices.yaml, or a kind added to the game, must be added there too."""
    guide = (REPO / "docs" / "history.md").read_text(encoding="utf-8")
    library = load_library(SEEDS)
    voices = {span.voice for source in library for span in source.voices}
    assert voices
    for voice in voices:
        assert voice.author in guide or voice.is_article, voice.speaker
        if voice.title:
            assert voice.title in guide, voice.title
        if voice.retells:
            assert voice.retells in guide, voice.retells
    for kind in VoiceKind:
        assert kind.value in guide.casefold(), kind.value
