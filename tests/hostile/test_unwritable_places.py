"""A home folder that is a file, a disk that fills mid-lesson: the game and the lesson go on."""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.hostile.conftest import CLASSROOM_SCENES, REPO

LESSON = "\n".join(["", "", "1 14", "2 6", "", "", "", "", "", "q"]) + "\n"


def _facilitate(env_home: Path, log_dir: Path | None, file_limit: int | None
                ) -> subprocess.CompletedProcess[str]:
    def limit() -> None:  # a disk that fills: writes past `file_limit` bytes fail (EFBIG)
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        if file_limit is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_limit, file_limit))

    args = [sys.executable, "-m", "game", "facilitate", "--terminal", "--scenes",
            str(CLASSROOM_SCENES)]
    if log_dir is not None:
        args += ["--log-dir", str(log_dir)]
    env = {**os.environ, "COVER_NAMES_HOME": str(env_home)}
    env.pop("DISPLAY", None)
    return subprocess.run(args, input=LESSON, capture_output=True, text=True, cwd=REPO,
                          env=env, timeout=120, preexec_fn=limit)


@pytest.mark.skipif(not hasattr(resource, "RLIMIT_FSIZE"), reason="POSIX file size limits")
def test_a_log_that_fills_the_disk_mid_lesson_never_stops_the_lesson(tmp_path: Path) -> None:
    done = _facilitate(tmp_path / "home", tmp_path / "logs", file_limit=1200)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    assert "The session log could not be written (file too large)" in done.stdout
    assert "RECORD:" in done.stdout  # the class still saw the record after its vote
    [log] = (tmp_path / "logs").iterdir()
    text = log.read_text()
    assert text.startswith('{"event":"session_started"') and len(text) <= 1200


def test_a_home_folder_that_is_a_file_never_stops_the_lesson(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    done = _facilitate(blocker / "home", None, file_limit=None)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    assert "The session log could not be written (not a directory)" in done.stdout
    assert "RECORD:" in done.stdout


def test_the_desktop_with_a_file_as_its_home_plays_and_says_it_cannot_save(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from game.desktop.pilot import Pilot
    from game.engine import load_story

    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("COVER_NAMES_HOME", str(blocker / "home"))
    story = load_story(REPO / "tests" / "desktop" / "fixtures")
    pilot = Pilot.start(story, (1366, 768))
    try:
        assert pilot.screen == "title"
        pilot.press("1")
        pilot.press("1")
        assert pilot.screen == "play"
        pilot.press("1")  # a choice: the autosave cannot be written
        assert "Could not autosave" in pilot.text()
        pilot.press("escape")
        pilot.press("4")  # Settings, then back: remembering them fails quietly
    finally:
        pilot.close()
    assert blocker.read_text() == "not a folder"
