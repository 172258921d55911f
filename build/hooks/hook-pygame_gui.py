"""Replaces the hook pygame_gui ships (it bundles ~37 MB of CJK, Arabic, Hebrew and Georgian fonts).

Hooks in the spec's `hookspath` outrank the ones packages provide through the
`pyinstaller40` entry point (PyInstaller 6 hook priorities), so this one wins.
We keep what pygame_gui loads for the English locale whatever the theme says
(`UIFontDictionary` always opens NotoSans-Regular and FiraCode-Regular), the
other Latin NotoSans styles it falls back on, the default theme and the
translation tables (80 KB). The game draws its own text with the font in
assets/fonts/.

Keep in step with pygame_gui/core/ui_font_dictionary.py when pygame_gui is upgraded.
"""

from __future__ import annotations

from PyInstaller.utils.hooks import collect_data_files  # type: ignore[import-untyped]

KEPT_FONTS = {
    "NotoSans-Regular.ttf",
    "NotoSans-Bold.ttf",
    "NotoSans-Italic.ttf",
    "NotoSans-BoldItalic.ttf",
    "FiraCode-Regular.ttf",
}


def _wanted(source: str) -> bool:
    name = source.replace("\\", "/").rsplit("/", 1)[-1]
    if name.endswith((".ttf", ".otf")):
        return name in KEPT_FONTS
    return not name.endswith(".pyc")  # the fonts' licence texts stay beside them


datas = [
    (source, destination)
    for source, destination in collect_data_files(
        "pygame_gui", include_py_files=True, subdir="data"
    )
    if _wanted(source) and "__pyinstaller" not in source
]
# pygame_gui opens its fonts and theme with importlib.resources by package name,
# which the import analysis cannot see.
hiddenimports = ["pygame_gui.data", "pygame_gui.data.translations"]
