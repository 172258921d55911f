"""The debrief as files: one self-contained HTML report (Jinja2) and one CSV.

The HTML has no outside references at all (inline CSS, inline SVG charts, no
scripts, no fonts to fetch), so it opens from a USB stick on a school
computer with no network, and prints cleanly. Autoescaping is on: student
names and file names are never trusted as markup. The CSV is for Excel as
much as anything: it starts with a byte-order mark (so names keep their
accents) and no cell a student or teacher wrote can start a formula.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from functools import lru_cache

import jinja2

from game import __version__, paths
from game.classroom.debrief import Debrief, DecisionStats, OptionStats
from game.classroom.who_chose_what import matrices
from game.model import Verdict
from game.verdict_colours import PAPER_VERDICTS, hex_colour

#: Verdicts as words, colours and icons together, never colour alone. The colours are
#: the game's own (the paper theme's), so a verdict looks the same in the report as on screen.
VERDICTS = {
    "historical": {"label": "Historical", "icon": "✓",
                   "colour": hex_colour(PAPER_VERDICTS[Verdict.HISTORICAL]),
                   "meaning": "what these sources say happened"},
    "diverged": {"label": "Diverged", "icon": "✗",
                 "colour": hex_colour(PAPER_VERDICTS[Verdict.DIVERGED]),
                 "meaning": "these sources say otherwise"},
    "unrecorded": {"label": "Unrecorded", "icon": "?",
                   "colour": hex_colour(PAPER_VERDICTS[Verdict.UNRECORDED]),
                   "meaning": "these sources are silent: invention, labelled so"},
    "disputed": {"label": "Disputed", "icon": "⚖",
                 "colour": hex_colour(PAPER_VERDICTS[Verdict.DISPUTED]),
                 "meaning": "these sources disagree"},
}
_UNKNOWN = {"label": "No record", "icon": "·", "colour": "#777777", "meaning": ""}

CSV_COLUMNS = (
    "section", "scene_id", "node_id", "choice_id", "text", "verdict", "is_historical",
    "students", "reached", "percent", "class_votes", "class_picks",
    "student", "file", "decisions", "historical_decisions", "followed_percent", "ending",
    "note", "facilitator_picks", "quoted",
)
#: A cell starting with one of these is a formula to Excel, LibreOffice and Sheets.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

_MAX_PROMPTS = 6


@dataclass(frozen=True)
class Prompt:
    """A discussion prompt for the next lesson: why it was chosen, the facts, the question."""

    reason: str
    context: str
    question: str


def verdict_style(verdict: str) -> dict[str, str]:
    return VERDICTS.get(verdict, _UNKNOWN)


def next_lesson_prompts(debrief: Debrief) -> list[Prompt]:
    """Prompts from what the class did, the ones that concern most students first.

    Each candidate counts the people it concerns: those who left the record at a
    decision, those who took a disputed option (a dispute only one student met
    ranks as one student, however interesting), a split class, and a decision
    where the class's vote on the projector and the students' own choices went
    different ways. People are students when records were handed in, and the
    class's votes when the lesson was only on the projector. At most one prompt
    per decision point, and at most `_MAX_PROMPTS` in all.
    """
    candidates: list[tuple[int, int, DecisionStats, Prompt]] = []

    def offer(concerned: int, decision: DecisionStats, prompt: Prompt) -> None:
        candidates.append((concerned, len(candidates), decision, prompt))

    for decision in debrief.decisions:
        favourite = decision.favourite
        if favourite is None or decision.counted < 2 or favourite.verdict != "diverged":
            continue
        actual = decision.what_happened
        how = "votes went to" if decision.by_votes else "chose"
        offer(decision.count(favourite), decision, Prompt(
            f"{_where(decision)}: most of the class left the record "
            f"({decision.count(favourite)} of {decision.counted} {how} “{favourite.text}”).",
            f"What these sources say happened: {actual.note if actual else favourite.note}",
            decision.discuss or "Why did the real people act differently from you?",
        ))
    for decision in debrief.decisions:
        picked = max(decision.options, key=lambda o: o.taken)
        own = decision.favourite if not decision.by_votes else None
        if picked.taken and own is not None and own is not picked and decision.reached >= 2:
            offer(decision.reached, decision, Prompt(
                f"{_where(decision)}: the class voted “{picked.text}” on the projector, but on "
                f"their own {own.students} of {decision.reached} chose “{own.text}”.",
                "What made the class choose differently together than alone?",
                decision.discuss,
            ))
    for decision, option in debrief.disputed_reached:
        people = option.votes if decision.by_votes else option.students
        times = option.students + option.taken
        offer(max(people, 1), decision, Prompt(
            f"{_where(decision)}: a disputed point, taken {times} "
            f"time{'' if times == 1 else 's'} (“{option.text}”).",
            option.note,
            decision.discuss
            or "Which account do you find more convincing, and what evidence would settle it?",
        ))
    for decision in debrief.decisions:
        shares = sorted((decision.share(o) for o in decision.options), reverse=True)
        if decision.counted >= 4 and len(shares) > 1 and shares[0] - shares[1] <= 0.2:
            split = " / ".join(str(decision.count(o)) for o in decision.options)
            offer(decision.counted, decision, Prompt(
                f"{_where(decision)}: the class was split ({split}"
                f"{' votes' if decision.by_votes else ''}).",
                "Ask one student from each side to make their case.",
                decision.discuss,
            ))
    chosen: dict[tuple[str, str], Prompt] = {}
    for _, _, decision, prompt in sorted(candidates, key=lambda c: (-c[0], c[1])):
        chosen.setdefault((decision.scene_id, decision.node_id), prompt)
    return list(chosen.values())[:_MAX_PROMPTS]


def _where(decision: DecisionStats) -> str:
    return f"{decision.scene_title}, decision {decision.number}"


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        # A folder, not PackageLoader: paths knows where it is, frozen (PyInstaller) or not.
        loader=jinja2.FileSystemLoader(paths.templates_dir()),
        autoescape=True,  # every template here is HTML; names are never markup
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["percent"] = lambda value: f"{round(value * 100)}%"
    environment.globals["verdict_style"] = verdict_style
    environment.globals["VERDICTS"] = VERDICTS
    return environment


def render_html(debrief: Debrief, title: str = "Class debrief") -> str:
    """The whole report as one HTML document."""
    template = _environment().get_template("debrief.html.j2")
    stale = [scene for scene in debrief.scenes if scene.stale_records]
    return template.render(
        title=title,
        debrief=debrief,
        prompts=next_lesson_prompts(debrief),
        stale=stale,
        version=__version__,
        matrices=matrices(debrief),
        zip=zip,
    )


#: A separator some spreadsheet may split on, then what would start a formula.
_SPLIT_FORMULA = re.compile(r"([;,|])(?=[\s\"']*[=+\-@])")


def safe_cell(value: object) -> object:
    """A cell as Excel will take it: text that would start a formula gets a leading '.

    Also after a ';', ',' or '|' inside the text: a spreadsheet set to split on
    one of them (the list separator of many locales is ';') would otherwise
    start a new cell there, with the formula at its start.
    """
    if not isinstance(value, str):
        return value
    value = _SPLIT_FORMULA.sub(r"\1'", value)
    if value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def render_csv(debrief: Debrief) -> str:
    """One table: a row per option of every decision, per student, per file not counted."""
    out = io.StringIO()
    # Every text cell quoted: in a locale whose spreadsheets split on ';', an unquoted
    # cell holding ';=…' would become a second cell starting '=', a formula.
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\r\n",
                            quoting=csv.QUOTE_NONNUMERIC)
    writer.writeheader()

    def row(values: dict[str, object]) -> None:
        writer.writerow({key: safe_cell(value) for key, value in values.items()})

    for decision in debrief.decisions:
        for option in decision.options:
            row(_option_row(decision, option))
    for student in debrief.students:
        row({
            "section": "student", "scene_id": student.scene_id, "student": student.name,
            "file": student.file, "decisions": student.decisions,
            "historical_decisions": student.historical,
            "followed_percent": round(student.followed * 100),
            "ending": student.ending or "unfinished",
            "note": "made with another version of the scene" if student.stale else "",
        })
    for session in debrief.sessions:
        row({
            "section": "session", "scene_id": " ".join(session.scenes), "file": session.file,
            "decisions": session.decisions, "text": session.plan_title,
            "historical_decisions": session.historical, "class_votes": session.votes,
            "facilitator_picks": session.overrides,
            "note": "; ".join(note for note, show in (
                ("the session log stops early", not session.ended),
                ("played on another version of a scene", session.stale)) if show),
        })
    for item in debrief.skipped:
        row({"section": "skipped", "file": item.file, "note": item.reason})
    for item in debrief.duplicates:
        row({"section": "duplicate", "file": item.file, "note": item.reason})
    return out.getvalue()


def _option_row(decision: DecisionStats, option: OptionStats) -> dict[str, object]:
    return {
        "section": "decision",
        "scene_id": decision.scene_id,
        "node_id": decision.node_id,
        "choice_id": option.choice_id,
        "text": option.text,
        "verdict": option.verdict,
        "is_historical": "yes" if option.historical else "no",
        "students": option.students,
        "reached": decision.reached,
        "percent": round(option.students / decision.reached * 100) if decision.reached else 0,
        "class_votes": option.votes,
        "class_picks": option.picks,
        "facilitator_picks": option.overrides,
        "note": option.note,
        # Each quote with its credit line: who speaks, in what work, quoted in which article.
        "quoted": " | ".join(f"“{quote.quote}” — {quote.credit}" for quote in option.quotes),
    }
