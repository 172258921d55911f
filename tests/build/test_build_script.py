"""build/build.py and the spec, checked without running PyInstaller.

The real build and its frozen self-check run in CI (.ci/run); these tests keep
the parts that decide what goes into a bundle honest, in milliseconds.
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
import tarfile
from pathlib import Path
from types import ModuleType

import pytest

from game import paths, self_check

REPO = Path(__file__).resolve().parents[2]


def _load_build_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("cover_names_build", REPO / "build" / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


build = _load_build_script()


def test_the_spec_the_script_and_the_self_check_agree_on_the_data_folders() -> None:
    spec_text = (REPO / "build" / "cover-names.spec").read_text(encoding="utf-8")
    found = re.search(r"DATA_FOLDERS = \(([^)]*)\)", spec_text)
    assert found is not None
    in_spec = tuple(name.strip().strip('"') for name in found.group(1).split(",") if name.strip())
    assert in_spec == build.DATA_FOLDERS == self_check.DATA_FOLDERS


def test_the_data_folders_are_the_ones_paths_resolves() -> None:
    root = paths.resource_root()
    resolved = {
        paths.scenes_dir(),
        paths.seeds_dir(),
        paths.assets_dir(),
        paths.plans_dir(),
        paths.reference_dir(),
    }
    assert resolved == {root / folder for folder in self_check.DATA_FOLDERS}


def test_a_frozen_program_finds_its_data_under_meipass(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("COVER_NAMES_ROOT", raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.scenes_dir() == tmp_path / "scenes"


def test_the_bundle_check_flags_what_we_meant_to_leave_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    built = build.bundle(dist=tmp_path)
    built.program.parent.mkdir(parents=True)
    built.program.write_bytes(b"\x7fELF")
    for folder in build.DATA_FOLDERS:
        (built.internal / folder).mkdir(parents=True)
    (built.internal / "_tkinter.cpython-311-x86_64-linux-gnu.so").write_bytes(b"")

    problems = build.check_contents(built)

    assert problems == [
        f"{Path('_internal/_tkinter.cpython-311-x86_64-linux-gnu.so')} should have been left out"
    ]


def test_the_bundle_check_names_a_missing_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    built = build.bundle(dist=tmp_path)
    built.program.parent.mkdir(parents=True)
    built.program.write_bytes(b"")
    assert "scenes/ is missing from the bundle" in build.check_contents(built)


@pytest.mark.parametrize(
    ("platform", "program"),
    [
        ("linux", "cover-names/cover-names"),
        ("win32", "cover-names/cover-names.exe"),
        ("darwin", "Cover Names.app/Contents/MacOS/cover-names"),
    ],
)
def test_each_system_runs_its_self_check_from_the_console_program(
    platform: str, program: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(sys, "platform", platform)
    assert build.bundle(dist=tmp_path).program == tmp_path / program


def test_the_linux_archive_keeps_the_program_executable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(build, "DIST", tmp_path)
    built = build.bundle(dist=tmp_path)
    built.program.parent.mkdir(parents=True)
    built.program.write_bytes(b"#!/bin/sh\n")
    built.program.chmod(0o755)

    archive = build.make_archive(built)

    assert archive.name.startswith(f"cover-names-{build.version()}-linux-")
    with tarfile.open(archive) as tar:
        member = tar.getmember("cover-names/cover-names")
    assert member.mode & 0o111


def test_the_self_check_environment_is_headless_and_isolated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COVER_NAMES_ROOT", "/somewhere/else")
    env = build.self_check_environment(tmp_path)
    assert env["SDL_VIDEODRIVER"] == env["SDL_AUDIODRIVER"] == "dummy"
    assert env["COVER_NAMES_HOME"] == str(tmp_path)
    assert "COVER_NAMES_ROOT" not in env


def test_the_launcher_reports_the_first_interactive_frame_and_quits(tmp_path: Path) -> None:
    """The benchmark's hook, from source: the title screen drawn, then the first wait for input."""
    env = dict(
        os.environ,
        SDL_VIDEODRIVER="dummy",
        SDL_AUDIODRIVER="dummy",
        COVER_NAMES_HOME=str(tmp_path),
        COVER_NAMES_FIRST_FRAME="exit",
        PYTHONPATH=str(REPO),  # the script's own folder is build/, not the checkout
    )
    env.pop("COVER_NAMES_ROOT", None)
    finished = subprocess.run(
        [sys.executable, str(REPO / "build" / "launcher.py")],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert finished.returncode == 0, finished.stderr
    assert "cover-names: first interactive frame" in finished.stdout.splitlines()


def test_the_package_data_is_found_through_paths() -> None:
    assert (paths.templates_dir() / "debrief.html.j2").is_file()
