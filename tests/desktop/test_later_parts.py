"""A met person's card keeps back how the scene turns out until the scene is finished."""

from __future__ import annotations

from pathlib import Path

from game import paths
from game.desktop.reference_data import build_reference
from game.engine.met import Met
from game.reference import load_reference
from game.sources.library import load_library


def _reference():  # type: ignore[no-untyped-def]
    loaded = load_reference(paths.reference_dir(), load_library(Path("seeds")))
    assert not loaded.diagnostics
    return build_reference(loaded)


def test_a_card_met_mid_scene_keeps_the_outcome_back_until_the_ending() -> None:
    reference = _reference()
    during = Met("exit_visa", ("Herta and Noel Field are visiting.",), (), ended=False)
    herta = next(e for e in reference.met_entries(during) if e.id == "herta_field")
    assert "witness" not in herta.role + herta.summary
    assert not any("witness to my request" in c.quote for c in herta.citations)
    after = Met("exit_visa", during.texts, (), ended=True)
    herta = next(e for e in reference.met_entries(after) if e.id == "herta_field")
    assert "witnesses Massing named" in herta.summary
    assert any("witness to my request" in c.quote for c in herta.citations)


def test_a_later_part_waits_for_its_own_scene() -> None:
    reference = _reference()
    met = Met("recruiting_duggan", ("Noel Field",), (), ended=True)
    noel = next(e for e in reference.met_entries(met) if e.id == "noel_field")
    assert "Already a Soviet agent" in noel.summary  # this scene is over
    assert "exit visas" not in noel.summary  # The Exit Visa is not
    assert "Soviet agent" not in noel.role


def test_shpiegelglass_card_keeps_his_part_in_ludwigs_murder_for_the_ending() -> None:
    reference = _reference()
    during = Met("moscow_interrogation", ("I am Comrade Spiegelglass.",), (), ended=False)
    for entry in reference.met_entries(during):
        if entry.id in ("mikhail_shpiegelglass", "ignaz_reiss"):
            shown = entry.role + entry.summary + entry.fate
            assert "Mobile Group" not in shown
            assert not any("murder of Ludwig" in c.quote for c in entry.citations)
    after = Met("moscow_interrogation", during.texts, (), ended=True)
    card = next(e for e in reference.met_entries(after) if e.id == "mikhail_shpiegelglass")
    assert "murder of Ludwig" in card.summary
