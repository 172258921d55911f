"""Build Cover Names for this system into dist/: the folder students run, and its archive.

    python build/build.py               # dist/cover-names/ + dist/cover-names-<ver>-<os>-<arch>.*
    python build/build.py --self-check  # then run the frozen program's --self-check
    python build/build.py --onefile     # the one-file variant, kept only for measuring

The spec (build/cover-names.spec) says what goes in; this script runs
PyInstaller, checks the result holds what the game needs and nothing we
dropped on purpose, and packs the archive a teacher hands out.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "build" / "cover-names.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "work"
NAME = "cover-names"
GUI_NAME = "Cover Names"
# Keep in step with DATA_FOLDERS in cover-names.spec.
DATA_FOLDERS = ("scenes", "seeds", "assets", "plans", "reference")
# Must never be in the bundle: tkinter and Tcl/Tk (about 5 MB the game never opens).
FORBIDDEN = re.compile(r"tcl|tk8|_tkinter", re.IGNORECASE)


@dataclass(frozen=True)
class Bundle:
    """Where the built program is, for this system and mode."""

    folder: Path  # what gets archived: the onedir folder, the .app, or the one file
    program: Path  # the console program that runs --self-check
    internal: Path | None  # where data lives (sys._MEIPASS); None for onefile


def system_tag() -> str:
    """`linux-x86_64`, `windows-x86_64`, `macos-arm64`: names the archive."""
    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform)
    if system.startswith("linux"):
        system = "linux"
    machine = platform.machine().lower().replace("amd64", "x86_64").replace("aarch64", "arm64")
    return f"{system}-{machine}"


def version() -> str:
    text = (ROOT / "game" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'__version__ = "([^"]+)"', text)
    return found.group(1) if found else "0"


def bundle(onefile: bool = False, dist: Path = DIST) -> Bundle:
    """The paths of a build made by this script (whether or not it exists yet)."""
    exe = ".exe" if sys.platform == "win32" else ""
    if onefile:
        # Its own folder: a file named like the onedir folder cannot sit beside it.
        program = dist / "onefile" / f"{NAME}{exe}"
        return Bundle(program, program, None)
    if sys.platform == "darwin":
        app = dist / f"{GUI_NAME}.app"
        return Bundle(app, app / "Contents" / "MacOS" / NAME, app / "Contents" / "Frameworks")
    folder = dist / NAME
    return Bundle(folder, folder / f"{NAME}{exe}", folder / "_internal")


def folder_size(path: Path) -> int:
    """Bytes on disk as unpacked, counting each file once (the .app links into itself)."""
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def run_pyinstaller(onefile: bool, clean: bool) -> None:
    distpath = bundle(onefile).folder.parent if onefile else DIST
    workpath = WORK / "onefile" if onefile else WORK
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        str(SPEC),
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(distpath),
        "--workpath",
        str(workpath),
    ]
    if clean:
        command.append("--clean")
    if onefile:
        command += ["--", "--onefile"]
    subprocess.run(command, cwd=ROOT, check=True)


def check_contents(built: Bundle) -> list[str]:
    """Problems with what went in: missing data, or things we meant to leave out."""
    problems = []
    if not built.program.is_file():
        problems.append(f"the program {built.program} was not built")
    if built.internal is not None:
        for folder in DATA_FOLDERS:
            # On macOS these are links from Contents/Frameworks into Contents/Resources.
            if (ROOT / folder).is_dir() and not (built.internal / folder).is_dir():
                problems.append(f"{folder}/ is missing from the bundle")
        for path in built.folder.rglob("*"):
            if FORBIDDEN.search(path.name):
                problems.append(f"{path.relative_to(built.folder)} should have been left out")
    return problems


def make_archive(built: Bundle) -> Path:
    """Pack the build for handing out: zip on Windows and macOS, tar.gz (keeps modes) on Linux."""
    stem = DIST / f"{NAME}-{version()}-{system_tag()}"
    if sys.platform == "darwin":
        archive = stem.with_suffix(".zip")
        archive.unlink(missing_ok=True)
        # ditto keeps the .app's symlinks and extended attributes, as Finder's own "Compress" does.
        subprocess.run(
            [
                "ditto",
                "-c",
                "-k",
                "--sequesterRsrc",
                "--keepParent",
                str(built.folder),
                str(archive),
            ],
            check=True,
        )
        return archive
    if sys.platform == "win32":
        return Path(shutil.make_archive(str(stem), "zip", built.folder.parent, built.folder.name))
    archive = Path(f"{stem}.tar.gz")
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(built.folder, arcname=built.folder.name)
    return archive


def self_check_environment(home: Path) -> dict[str, str]:
    """Headless and isolated: SDL's dummy drivers, user data in a throwaway folder."""
    env = dict(os.environ)
    env.update(SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", COVER_NAMES_HOME=str(home))
    env.pop("COVER_NAMES_ROOT", None)  # the frozen program must find its own data
    return env


def run_self_check(built: Bundle) -> int:
    with tempfile.TemporaryDirectory(prefix="cover-names-home-") as home:
        print(f"== {built.program} --self-check", flush=True)
        return subprocess.run(
            [str(built.program), "--self-check"],
            env=self_check_environment(Path(home)),
            check=False,
        ).returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--onefile", action="store_true", help="build one self-extracting file")
    parser.add_argument("--clean", action="store_true", help="ignore PyInstaller's cache")
    parser.add_argument("--no-archive", action="store_true", help="skip packing the archive")
    parser.add_argument("--self-check", action="store_true", help="run the frozen self-check after")
    args = parser.parse_args(argv)

    built = bundle(args.onefile)
    started = time.perf_counter()
    run_pyinstaller(args.onefile, args.clean)
    seconds = time.perf_counter() - started
    problems = check_contents(built)
    for problem in problems:
        print(f"build: {problem}", file=sys.stderr)
    size = folder_size(built.folder)
    print(
        f"built {built.folder.relative_to(ROOT)}: {size / 1e6:.1f} MB unpacked, in {seconds:.0f} s"
    )
    if problems:
        return 1
    if not (args.no_archive or args.onefile):  # the one-file build is only measured
        archive = make_archive(built)
        print(f"archive {archive.relative_to(ROOT)}: {archive.stat().st_size / 1e6:.1f} MB")
    if args.self_check:
        return run_self_check(built)
    return 0


if __name__ == "__main__":
    sys.exit(main())
