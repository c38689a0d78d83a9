"""The transcript outline: plain data that every other part of the app reads.

Positions are Python string offsets into `Transcript.text`, the decoded source (after
newline normalisation). Nothing here ever holds converted or cleaned text, so a position
stored today still points at the same characters after a script switch or a cleanup toggle.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class SpeakerKind(StrEnum):
    OPERATOR = "operator"
    EXECUTIVE = "executive"
    ANALYST = "analyst"
    INTERPRETER = "interpreter"
    UNKNOWN = "unknown"


class SectionKind(StrEnum):
    """Parts of a call, in reading order.

    `SUMMARY` is text a website generated about the call; it is kept apart because nobody
    on the call said it.
    """

    SUMMARY = "summary"
    PRESENTATION = "presentation"
    QA = "qa"


class Lang(StrEnum):
    ZH = "zh"
    EN = "en"
    MIXED = "mixed"


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of a turn; `text == transcript.text[start:end]` always holds."""

    start: int
    end: int
    text: str
    time: tuple[float, float | None] | None = None
    """Seconds from the start of the recording (start, end), where the source times it."""


@dataclass(slots=True)
class Speaker:
    id: int
    name: str | None
    role: str | None = None
    kind: SpeakerKind = SpeakerKind.UNKNOWN
    affiliation: str | None = None

    @property
    def label(self) -> str:
        """What a reader sees: the name, else the role, else the kind ("Management", "Operator")."""
        if self.name:
            return self.name
        if self.role:
            return self.role
        if self.kind is SpeakerKind.UNKNOWN:
            return "Unknown speaker"
        return self.kind.value.capitalize()


@dataclass(slots=True)
class Turn:
    index: int
    speaker: int
    section: SectionKind
    paragraphs: list[Paragraph]
    lang: Lang = Lang.EN
    interpreted: bool = False
    interprets: list[int] = field(default_factory=list)
    speaks_for: int | None = None
    """The speaker whose words this turn renders (an interpreter's turn speaks for the
    executive it interprets); None when the turn speaks for its own speaker."""

    @property
    def start(self) -> int:
        return self.paragraphs[0].start

    @property
    def end(self) -> int:
        return self.paragraphs[-1].end

    @property
    def text(self) -> str:
        """Paragraph texts joined by blank lines: for matching and display, not for offsets."""
        return "\n\n".join(p.text for p in self.paragraphs)


@dataclass(frozen=True, slots=True)
class Doubt:
    """Something the outline is unsure of, so a reader can tell a trusted outline from a guess."""

    kind: str
    """`long_turn`, `silent_participant`, `name_in_turn`, `guessed_headers`, `no_structure`,
    or a document front end's `document`."""
    message: str
    turn: int | None = None


@dataclass(slots=True)
class Exchange:
    asker: int | None
    question: list[int]
    answer: list[int]


@dataclass(slots=True)
class Meta:
    company: str | None = None
    ticker: str | None = None
    title: str | None = None
    period: str | None = None
    date: str | None = None


@dataclass(frozen=True, slots=True)
class SourceInfo:
    name: str
    encoding: str
    sha256: str
    container: str = "text"
    """What the file was: `text`, or the document it was extracted from (`pdf`, `docx`,
    `html`, `vtt`, `srt`, `json`); offsets always refer to the extracted text."""
    replaced: int = 0
    """Damaged places in the bytes (invalid for the encoding, or NUL) shown as U+FFFD."""
    bom: int = 0
    """Bytes of a byte-order mark before the text: the text is the bytes after them decoded."""


@dataclass(slots=True)
class Transcript:
    format: str
    source: SourceInfo
    text: str
    meta: Meta
    speakers: list[Speaker]
    turns: list[Turn]
    exchanges: list[Exchange] = field(default_factory=list)
    doubts: list[Doubt] = field(default_factory=list)

    def speaker_of(self, turn: Turn) -> Speaker:
        return self.speakers[turn.speaker]

    def turns_in(self, section: SectionKind) -> list[Turn]:
        return [t for t in self.turns if t.section is section]

    def interpreters_of(self, turn_index: int) -> list[int]:
        """Indices of the turns that interpret the given turn (the inverse of `interprets`)."""
        return [t.index for t in self.turns if turn_index in t.interprets]

    def turn_at(self, offset: int) -> Turn | None:
        """The turn whose span holds `offset`, or None between turns."""
        for turn in self.turns:
            if turn.start <= offset < turn.end:
                return turn
        return None
