"""The game's look: the title as a period file, the faces that tell a document, licences."""

from __future__ import annotations

from pathlib import Path

from game.desktop.pilot import Pilot

ROOT = Path(__file__).resolve().parents[2]


def test_the_title_is_a_file_cover_naming_every_scene_with_place_and_years(pilot: Pilot) -> None:
    pilot.app.turn()  # the first frame is drawn before the scenes are read
    assert pilot.has("Cover Names", role="title") and pilot.has("SECRET", role="stamp")
    cover = pilot.text("cover-scene")
    for scene in pilot.app.story.scenes.values():
        assert scene.title in cover and scene.date in cover and scene.place in cover
    stamp = pilot.find("SECRET", role="stamp").rect
    assert not any(stamp.colliderect(label.rect) for label in pilot.labels()
                   if label.role in ("title", "subtitle", "cover-scene", "button"))


def test_every_shipped_asset_has_its_licence_and_provenance_beside_it() -> None:
    assets = ROOT / "assets"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for folder in sorted({path.parent for path in assets.rglob("*") if path.is_file()}):
        notes = (folder / "README.md").read_text(encoding="utf-8")
        licences = [p.name for p in folder.iterdir() if p.name.upper().startswith(("OFL", "LICEN"))
                    or "licence" in p.name.lower()]
        for path in folder.iterdir():
            if path.is_file() and path.suffix.lower() in (".ttf", ".otf", ".ogg", ".wav", ".json"):
                stem = path.stem.split("-")[0].split("12")[0]
                assert stem in notes, f"{path.name} is not described in {folder}/README.md"
        assert licences or "public domain" in notes.lower(), folder
        assert folder.relative_to(ROOT).as_posix() in readme, f"README.md does not list {folder}"
