"""The scene map's layout, and `cover-names graph --html/--svg`: a page that needs no network,
verdict colours, details on hover, a path drawn over it; rendered in a real headless Chromium."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from game.engine import Story, load_story
from game.loading import load_scene_text
from game.saves import write_save
from game.scenemap import lay_out
from game.scenemap.svg import render_html
from game.sources import SourceLibrary
from game.verdict_colours import PAPER_VERDICTS, hex_colour

from .conftest import DEMO_SCENES, REPO

WALKTHROUGH = REPO / "tests" / "walkthroughs" / "demo_call.yaml"
CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="module")
def demo() -> Story:
    return load_story(DEMO_SCENES)


def graph(*args: str | Path, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "game", "graph", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, timeout=120)


def test_the_layout_puts_every_way_on_down_the_page_and_is_deterministic(demo: Story) -> None:
    scene = demo.scenes["demo_call"]
    first, again = lay_out(scene), lay_out(scene)
    assert first == again
    layer = {node.id: node.layer for node in first.nodes}
    assert layer["waiting"] == 0 and layer["the_fields"] == 1 and layer["the_call"] == 2
    assert layer["passports"] == layer["no_papers"] == 3
    for edge in first.edges:
        assert edge.back or layer[edge.target] > layer[edge.source]
    places = {(node.layer, node.x) for node in first.nodes}
    assert len(places) == len(first.nodes)  # no two boxes on one spot
    plead = next(e for e in first.edges if e.choice_id == "plead")
    assert plead.condition and plead.verdict is not None and plead.verdict.value == "diverged"


def test_a_loop_is_kept_as_a_back_edge_and_a_thousand_passages_lay_out(
    library: SourceLibrary,
) -> None:
    nodes = ["nodes:"]
    count = 1000
    for index in range(count - 1):
        nodes += [f"  n{index}:", f"    text: Passage {index}.", "    choices:",
                  f"      - {{id: on, text: On., goto: n{index + 1}, "
                  "record: {verdict: unrecorded, note: Invented., cite: []}}",
                  f"      - {{id: back, text: Back., goto: n{max(index - 3, 0)}, "
                  "record: {verdict: unrecorded, note: Invented., cite: []}}"]
    nodes += [f"  n{count - 1}:", "    text: The end.", "    ending: historical"]
    text = ("id: big\ntitle: Big\nplace: Moscow\ndate: '1938'\nrole: Hede\nsummary: Big.\n"
            "start: n0\n" + "\n".join(nodes) + "\n")
    scene = load_scene_text(text, "big.yaml", library).scene
    assert scene is not None
    scene_map = lay_out(scene)
    assert len(scene_map.nodes) == count and scene_map.layers == count
    assert sum(edge.back for edge in scene_map.edges) == count - 1


def test_html_is_one_file_with_no_script_and_nothing_fetched(tmp_path: Path) -> None:
    page = tmp_path / "demo.html"
    done = graph(DEMO_SCENES / "demo_call.yaml", "--html", "-o", page)
    assert done.returncode == 0, done.stderr
    html = page.read_text(encoding="utf-8")
    assert "<script" not in html.lower()
    outside = set(re.findall(r"""(?:src|href)=["']([^"']+)""", html))
    assert outside == set()  # no stylesheet, font, image or script from anywhere
    assert re.findall(r"https?://[^\s\"']+", html) == ["http://www.w3.org/2000/svg"]
    for colour in PAPER_VERDICTS.values():
        assert hex_colour(colour) in html  # every verdict in the game's own colours
    # Hover: each choice carries its text, verdict, condition and effects.
    assert "verdict: diverged" in html and "if: mood ==" in html and "set: resolve +2" in html


def test_svg_with_a_walkthroughs_path_or_a_saves_path(tmp_path: Path, demo: Story) -> None:
    picture = tmp_path / "demo.svg"
    done = graph(DEMO_SCENES / "demo_call.yaml", "--svg", "--path", WALKTHROUGH, "-o", picture)
    assert done.returncode == 0, done.stderr
    svg = picture.read_text(encoding="utf-8")
    assert svg.startswith("<svg xmlns=")
    on_path = set(re.findall(r'class="box [a-z_]+ on-path" data-node="(\w+)"', svg))
    assert on_path == {"waiting", "the_fields", "the_call", "passports"}
    assert 'data-choice="the_call:name_witnesses"' in svg
    assert re.search(r'class="edge historical on-path" data-choice="the_call:name_witnesses"',
                     svg)

    player = demo.new_player("demo_call")
    player.choose("hesitate")
    save = write_save(player, "graph-test", tmp_path / "saves")
    done = graph(DEMO_SCENES / "demo_call.yaml", "--svg", "--path", save, "-o", picture)
    assert done.returncode == 0, done.stderr
    svg = picture.read_text(encoding="utf-8")
    assert 'class="edge diverged on-path" data-choice="waiting:hesitate"' in svg
    assert 'class="edge unrecorded on-path"' not in svg  # steel_yourself was not taken


def test_a_walkthrough_of_another_scene_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.walkthrough.yaml"
    other.write_text("scene: exit_visa\nsteps:\n  - choose: 1\n")
    done = graph(DEMO_SCENES / "demo_call.yaml", "--html", "--path", other, "-o",
                 tmp_path / "x.html")
    assert done.returncode == 1 and "error CN651" in done.stderr
    assert "it walks through 'exit_visa', not 'demo_call'" in done.stderr


@pytest.mark.slow
def test_the_page_renders_in_headless_chromium(tmp_path: Path, demo: Story) -> None:
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (apt-get install chromium; .ci/run "
                    "installs it): the map page could not be opened in a real browser")
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")
    page_file = tmp_path / "map.html"
    steps = [("waiting", "steel_yourself"), ("the_fields", "continue"),
             ("the_call", "name_witnesses")]
    page_file.write_text(render_html(lay_out(demo.scenes["demo_call"]), steps, "passports"),
                         encoding="utf-8")
    shot = tmp_path / "map.png"
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM,
                                             args=["--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page(viewport={"width": 1100, "height": 800})
            requests: list[str] = []
            page.on("request", lambda request: requests.append(request.url))
            page.goto(page_file.as_uri())
            assert page.locator("g.box").count() == 5
            assert page.locator("g.box.on-path").count() == 4
            assert page.locator("g.edge").count() == 6
            title = page.locator('g.edge[data-choice="the_call:plead"] > title').text_content()
            assert title is not None and "verdict: diverged" in title and "if:" in title
            box = page.locator('g.box[data-node="passports"] rect').bounding_box()
            assert box is not None and box["width"] > 100  # drawn at its size, on the page
            page.screenshot(path=str(shot))
        finally:
            browser.close()
    assert requests == [page_file.as_uri()]  # nothing else was fetched
    pygame = pytest.importorskip("pygame")
    image = pygame.image.load(str(shot))
    seen = {tuple(image.get_at((x, y)))[:3] for x in range(0, image.get_width(), 2)
            for y in range(0, min(image.get_height(), 400), 2)}
    for verdict, colour in PAPER_VERDICTS.items():  # each verdict's colour is on the page
        assert colour in seen, verdict
    if os.environ.get("UPDATE_SCREENSHOTS"):
        shutil.copy(shot, REPO / "docs" / "screenshots" / "scene-map-html.png")
