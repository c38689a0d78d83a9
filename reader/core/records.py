"""The library's plain records: a call, a highlight and its anchor, a colour.

A highlight is an anchor plus what the user said about it; the database, services, export
and UI all pass these around, never database rows. How anchors move into a corrected text is
reader.core.anchoring.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datetime import datetime


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where a highlight sits: `quote == text[start:end]` in the text it was made in."""

    start: int
    end: int
    quote: str
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True, slots=True)
class Colour:
    key: str
    display_name: str
    position: int = 0


@dataclass(frozen=True, slots=True)
class Highlight:
    """A stored highlight as every layer above the database sees it.

    Offsets are into the decoded source text of the transcript's current version; when
    `orphaned` is true the text is gone from that version, `start == end` marks where it was,
    and `quote` keeps what was highlighted.
    """

    id: int
    transcript_id: int
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str
    colour: str
    note: str
    tags: tuple[str, ...]
    created_at: datetime
    updated_at: datetime
    orphaned: bool = False
    turn_index: int | None = None

    @property
    def anchor(self) -> Anchor:
        return Anchor(self.start, self.end, self.quote, self.prefix, self.suffix)


@dataclass(frozen=True, slots=True)
class TranscriptInfo:
    """A call in the library, without its text (lists stay light)."""

    id: int
    sha256: str
    source_path: str
    source_name: str
    format: str
    encoding: str
    imported_at: datetime
    company: str | None = None
    ticker: str | None = None
    title: str | None = None
    period: str | None = None
    date: str | None = None
    highlight_count: int = 0

    @property
    def label(self) -> str:
        """What a person calls it: the title, else company and period, else the file name."""
        if self.title:
            return self.title
        parts = [p for p in (self.company, self.period) if p]
        if parts:
            return " ".join(parts)
        from reader.core.source_file import readable_name  # bytes that are not UTF-8 as \xNN

        return readable_name(self.source_name)
