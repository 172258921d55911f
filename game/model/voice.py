"""Voices: who speaks in a passage of a source, and the credit line that says so.

Each seed text is an article that quotes other works (a memoir, NKVD reports,
later books) between stretches of its own narration. `seeds/voices.yaml`
marks those stretches once; a proven quote takes the `Voice` of the stretch
it falls in, and every screen, the terminal, the projector, records and the
debrief report credit it through `credit_line`, so that a reader always knows
whether Hede Massing wrote a sentence or an article wrote it about her.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class VoiceKind(str, Enum):
    """The kinds of voice in the seeds, each with what it can and cannot tell."""

    MEMOIR = "memoir"
    MEMORANDUM = "memorandum"
    REPORT = "report"
    INSTRUCTION = "instruction"
    LETTER = "letter"
    LATER_BOOK = "later book"
    LATER_WRITING = "later writing"  # a later author quoted, the work not named
    RECOLLECTION = "recollection"  # a witness quoted, the work not named
    NARRATION = "narration"  # the article telling the story in its own words
    CLAIM = "claim"  # the article asserting, on its own authority or evidence it names

    @property
    def is_article(self) -> bool:
        """The article's own voice, not a work it quotes."""
        return self in (VoiceKind.NARRATION, VoiceKind.CLAIM)

    @property
    def label(self) -> str:
        """The kind as a credit line ends: 'memoir', 'later book', 'its own claim'."""
        return _LABELS.get(self, self.value)

    @property
    def tells(self) -> str:
        """What a voice of this kind can tell a historian, and what it cannot, in a sentence."""
        return _TELLS[self]


_LABELS = {
    VoiceKind.LATER_WRITING: "later writing (the work is not named)",
    VoiceKind.RECOLLECTION: "recollection (the work is not named)",
    VoiceKind.NARRATION: "its own narration",
    VoiceKind.CLAIM: "its own claim",
}

# docs/history.md ("What each kind of source can tell, and what it cannot") says the same
# at length: change the two together.
_TELLS = {
    VoiceKind.MEMOIR: (
        "A participant's own account, written years later: what she saw and felt, as she "
        "chose to remember it; nobody else's view, and nothing it says is checked."),
    VoiceKind.MEMORANDUM: (
        "Written at the time, inside the network: what its writer knew or wanted her "
        "superiors to believe then; only the part the article quotes, in translation."),
    VoiceKind.REPORT: (
        "Written at the time, to superiors: what the officer knew or wanted Moscow to "
        "believe then; only the part the article quotes, in translation."),
    VoiceKind.INSTRUCTION: (
        "Moscow's words at the time: what headquarters wanted done, not what was done."),
    VoiceKind.LETTER: (
        "A private message of the time: how its writer wished to be read by one person."),
    VoiceKind.LATER_BOOK: (
        "A writer decades later: as good as the witnesses and papers it rests on, which "
        "the extract may not show."),
    VoiceKind.LATER_WRITING: (
        "A later writer quoted without the work being named: it cannot be checked from "
        "here."),
    VoiceKind.RECOLLECTION: (
        "A witness's words quoted without the work being named: what one person "
        "remembered, and it cannot be checked from here."),
    VoiceKind.NARRATION: (
        "The article retelling the story in its own words: it does not say on what "
        "evidence, sentence by sentence."),
    VoiceKind.CLAIM: (
        "The article asserting something other accounts contest or do not support, on "
        "its own authority or on the evidence it names."),
}


@dataclass(frozen=True)
class Voice:
    """Who speaks in one stretch of a source: a work the article quotes, or the article.

    `article` and `publisher` name the seed article that carries the stretch
    (its title, and who published it as far as the text shows: "" when the
    text does not say). For the article's own voice, `author`, `title` and
    `date` are empty.
    """

    kind: VoiceKind
    article: str
    publisher: str = ""
    author: str = ""
    title: str = ""  # a published work's title; empty for an untitled document
    date: str = ""  # as the article gives it: "1951", "26 April 1936"; empty when it does not
    to: str = ""  # whom a report, instruction or letter was written to
    retells: str = ""  # the witness a later book or the article's narration retells
    citing: str = ""  # the evidence an article's claim names ("the Gorsky Memo")
    note: str = ""  # why the stretch is credited so, for the source viewer and the docs

    @property
    def is_article(self) -> bool:
        return self.kind.is_article

    @property
    def speaker(self) -> str:
        """The voice alone: 'Hede Massing, This Deception (1951), memoir'."""
        if self.is_article:
            parts = [f"{self.in_article}, {self.kind.label}"]
            if self.retells:
                parts.append(f"reporting {self.retells}")
            if self.citing:
                parts.append(f"citing {self.citing}")
            return ", ".join(parts)
        if self.title:
            work = f"{self.title} ({self.date})" if self.date else self.title
            words = f"{self.author}, {work}, {self.kind.label}"
        else:
            words = f"{self.author}, {self.kind.label}"
            if self.to:
                words += f" to {self.to}"
            if self.date:
                words += f", {self.date}"
        if self.retells:
            words += f" retelling {self.retells}"
        return words

    @property
    def in_article(self) -> str:
        """'the article "Hede Massing" (Conservapedia)': the seed, by what it is."""
        publisher = f" ({self.publisher})" if self.publisher else ""
        return f"the article \u201c{self.article}\u201d{publisher}"

    @property
    def credit(self) -> str:
        """The whole credit line: the voice first, then where it is quoted."""
        if self.is_article:
            return self.speaker
        return f"{self.speaker} \u2014 quoted in {self.in_article}"


def article_voice(article: str, publisher: str = "", kind: VoiceKind = VoiceKind.NARRATION
                  ) -> Voice:
    """The voice of an article's own text, where no span of voices.yaml marks another."""
    return Voice(kind=kind, article=article, publisher=publisher)
