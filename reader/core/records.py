"""The library's plain records: a call, a highlight and its anchor, a colour, and what the
services hand the window (a change, an import's summary, a search hit).

A highlight is an anchor plus what the user said about it; the database, services, export
and UI all pass these around, never database rows. How anchors move into a corrected text is
reader.core.anchoring.
"""

from __future__ import annotations

from dataclasses import dataclass, field
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
    author: str = ""
    """Who made it ('' for highlights from before authors were kept)."""
    note_author: str = ""
    version: int = 1
    """Saves so far: an edit based on an older version is refused (no lost update)."""

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


@dataclass(frozen=True, slots=True)
class Changed:
    """What a write changed, for views to refresh (Anki's OpChanges, in small)."""

    transcripts: frozenset[int] = frozenset()
    highlights: frozenset[int] = frozenset()
    tags: bool = False
    colours: bool = False
    library: bool = False


@dataclass(frozen=True, slots=True)
class ImportFailure:
    path: str
    reason: str
    """One line, for a list in the window or a line on stderr."""


@dataclass(slots=True)
class ImportSummary:
    total: int = 0
    new: int = 0
    new_versions: int = 0
    unchanged: int = 0
    failures: list[ImportFailure] = field(default_factory=list)
    cancelled: bool = False
    seconds: float = 0.0
    bytes_read: int = 0
    transcript_ids: list[int] = field(default_factory=list)
    """Calls added or changed, in the order they were stored."""

    @property
    def done(self) -> int:
        return self.new + self.new_versions + self.unchanged + len(self.failures)

    def line(self) -> str:
        """A one-line account, as the command line prints it."""
        parts = [f"{self.new} imported"]
        if self.new_versions:
            parts.append(f"{self.new_versions} updated")
        parts.append(f"{self.unchanged} already in the library")
        parts.append(f"{len(self.failures)} failed")
        text = ", ".join(parts) + f" ({self.done} of {self.total} files, {self.seconds:.1f} s)"
        return ("cancelled: " + text) if self.cancelled else text


@dataclass(frozen=True, slots=True)
class SearchResult:
    """One hit: where it is (source offsets into the call's text) and what to show."""

    transcript_id: int
    sha256: str
    company: str | None
    ticker: str | None
    title: str | None
    period: str | None
    date: str | None
    source_name: str
    kind: str
    """`paragraph`, or `quote` / `note` / `tags` of highlight `highlight_id`."""
    highlight_id: int | None
    turn_index: int | None
    speaker: str | None
    speaker_kind: str | None
    section: str | None
    start: int
    end: int
    """The paragraph's (or highlight's) span in the call's text."""
    hit_start: int
    hit_end: int
    """The first hit's span in the call's text (the unit's span when the hit is in a note)."""
    snippet: str
    marks: tuple[tuple[int, int], ...]
    """Spans of `snippet` to show in bold."""
