"""The story's frame in plain text: Massing looking back, before, between and after the scenes.

The same pages as the desktop's (`reference/frame.yaml`): each quote follows
its paragraph with its credit, and a paragraph no source backs is labelled as
dramatisation. A frame with errors loses only the broken pages; the first
problem is said once, with its file, line and column.
"""

from __future__ import annotations

from collections.abc import Callable

from game import paths
from game.engine import Story
from game.reference.frame import Frame, FramePage
from game.terminal import render

DRAMATISED = "(dramatisation: Massing looking back, in words not quoted from the sources)"


def load(story: Story, say: Callable[[str], None]) -> Frame:
    """The shipped frame for `story`'s scenes; never raises, says its first error."""
    try:
        from game.reference.frame_loader import FRAME_FILE, load_frame

        frame = load_frame(paths.reference_dir() / FRAME_FILE, story.library)
    except Exception as error:  # the frame is around the scenes: it never stops them
        say(f"  (The story's frame could not be read: {type(error).__name__}: {error})")
        return Frame()
    errors = [d for d in frame.diagnostics if d.is_error]
    if errors:
        say(render.wrap(f"(Part of the story's frame was left out: {errors[0]}. Run "
                        "'cover-names lint' to see each problem.)", "  "))
    return frame


def page(shown: FramePage, story: Story, next_title: str = "") -> str:
    """One page: its title, its paragraphs with their quotes, the fates, and what is next."""
    lines = ["", render.rule(shown.title)]
    if shown.subtitle:
        lines.append(render.wrap(shown.subtitle))
    for part in shown.parts:
        lines.append("")
        if part.dramatised:
            lines += [f"  {DRAMATISED}", render.wrap(part.text, "  ")]
        else:
            lines.append(render.wrap(part.text))
            lines += [render.citation(cite, story.library) for cite in part.citations]
    for fate in shown.fates:
        lines += ["", f"{fate.name}:", render.wrap(fate.text, "  ")]
        lines += [render.citation(cite, story.library) for cite in fate.citations]
    if next_title:
        lines += ["", f"Next: {next_title} (choose it when you start the game again)."]
    return "\n".join(lines)
