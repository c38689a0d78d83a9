"""What a layout parser hands back before the shared structure pass completes it.

Parsers only say what their layout shows (who speaks where, which section a heading
opens, an explicit `[Interpreted]` marker). Whatever they leave as None is inferred the
same way for every layout by `reader.core.structure`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from reader.core.model import Exchange, Meta, SectionKind, SpeakerKind


@dataclass(slots=True)
class DraftSpeaker:
    name: str | None
    role: str | None = None
    kind: SpeakerKind = SpeakerKind.UNKNOWN
    affiliation: str | None = None


@dataclass(slots=True)
class DraftTurn:
    speaker: int
    """Index into `Draft.speakers`."""
    spans: list[tuple[int, int]]
    """Paragraph spans in the decoded text; whitespace at either end is trimmed later."""
    section: SectionKind | None = None
    """None lets the structure pass decide between presentation and Q&A."""
    interpreted: bool = False
    interprets: list[int] | None = None
    """Draft-turn indices this turn interprets; None lets the structure pass infer them."""
    speaks_for: int | None = None
    """The speaker (index into `Draft.speakers`) whose words this turn renders."""


@dataclass(slots=True)
class Draft:
    meta: Meta = field(default_factory=Meta)
    speakers: list[DraftSpeaker] = field(default_factory=list)
    turns: list[DraftTurn] = field(default_factory=list)
    exchanges: list[Exchange] | None = None
    """None lets the structure pass build the question-and-answer exchanges."""
    roster: list[DraftSpeaker] = field(default_factory=list)
    """Everyone a participant list names, whether or not they speak."""
    guessed_headers: str | None = None
    """How the parser's speaker headers were guessed when the file did not confirm them
    (no participant list, a weak header form): said to the reader as a doubt."""

    def speaker_id(self, name: str | None, role: str | None = None,
                   kind: SpeakerKind = SpeakerKind.UNKNOWN,
                   affiliation: str | None = None) -> int:
        """The id of the speaker with this name, adding it on first sight.

        Unnamed speakers are merged by kind and role, so one anonymous operator stays one
        speaker. A later sighting fills in a role or affiliation the first one lacked.
        """
        key = (name or "").casefold()
        for i, s in enumerate(self.speakers):
            same = (s.name or "").casefold() == key if name else (
                s.name is None and s.kind is kind and s.role == role)
            if same:
                if s.role is None and role:
                    s.role = role
                if s.affiliation is None and affiliation:
                    s.affiliation = affiliation
                if s.kind is SpeakerKind.UNKNOWN and kind is not SpeakerKind.UNKNOWN:
                    s.kind = kind
                return i
        self.speakers.append(DraftSpeaker(name, role, kind, affiliation))
        return len(self.speakers) - 1


class LayoutParser(Protocol):
    """One source layout: how to recognise it and how to read it."""

    name: str

    def detect(self, text: str) -> float:
        """Confidence from 0 to 1 that `text` is in this layout."""
        ...

    def parse(self, text: str) -> Draft:
        ...
