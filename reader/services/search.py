"""Searching the whole library: query parsing, filters, result pages with marked snippets.

Results come best first (bm25, with a boost where a multi-word query's words stand together
or near each other), a page at a time, ranked in windows of the newest matches so that the
first page of a common word costs about the same as that of a rare one (see
db.search_index). A query is words (all must occur in the same paragraph, highlight quote,
note or tag list; each also in its other forms: `cost` finds `costs`), `word*` prefixes,
"quoted phrases" (exact), `a OR b`; Chinese in either script (see reader.core.search_text).
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Final

from db.engine import Database, DatabaseBusyError, DiskFullError, LibraryReadOnlyError
from db.search_index import (
    StemForms,
    TranscriptKey,
    UnitHit,
    count_units,
    pending,
    refresh,
    search_units,
    transcript_keys,
)
from reader.core.metadata import normalize_period
from reader.core.records import SearchResult as SearchResult  # exported from here too
from reader.core.search_text import (
    Query,
    boost_expressions,
    expand_query,
    find_hits_many,
    fts_expression,
    make_snippet,
    parse_query,
)
from reader.services.errors import ServiceError, speaks_service_errors

if TYPE_CHECKING:
    from sqlalchemy import Connection

PAGE_SIZE: Final = 50
_FTS_TRANSCRIPT_LIMIT: Final = 400
"""Filters that leave more calls than this are applied after the match, not inside it."""
_PERIOD: Final = re.compile(r"^(?:(Q)([1-4])|(H)([12])|(FY)) (\d{4})$")


class SearchError(ServiceError):
    """A one-line message about a query or filter the user can fix."""


@dataclass(frozen=True, slots=True)
class SearchFilters:
    """Narrowing a search; every field left at its default lets everything through."""

    company: str | None = None
    """Part of the company name (any name its ticker had), the ticker, or part of the file
    name, any case; the user's own values count over detected ones."""
    period_from: str | None = None
    period_to: str | None = None
    """A period range (`Q1 2024`, `2024Q1`, `H1 2024`, `FY 2024`, ends included)."""
    section: str | None = None
    """`qa`, `presentation` or `summary`."""
    speaker_kind: str | None = None
    """`executive`, `analyst`, `operator`, `interpreter`."""
    has_highlight: bool = False
    """Only highlights, and paragraphs that a highlight covers part of."""
    kinds: tuple[str, ...] = ()
    """Only these units: `paragraph`, `quote`, `note`, `tags` (empty: all)."""

    @property
    def narrows_calls(self) -> bool:
        return bool(self.company or self.period_from or self.period_to or self.has_highlight)


@dataclass(frozen=True, slots=True)
class SearchPage:
    results: list[SearchResult]
    cursor: int | None
    """Pass to `search(..., cursor=)` for the next page (the rank position it starts at);
    None when there is none."""
    query: Query = field(repr=False)


@dataclass(frozen=True, slots=True)
class Facets:
    """Values the filter boxes offer."""

    companies: list[str]
    periods: list[str]


def period_span(period: str | None) -> tuple[int, int] | None:
    """A period as (first quarter, last quarter) counted from year 0; None if unknown."""
    if not period:
        return None
    label = normalize_period(period) or period.strip()
    m = _PERIOD.match(label)
    if not m:
        return None
    year = int(m.group(6)) * 4
    if m.group(1):
        q = int(m.group(2))
        return year + q - 1, year + q - 1
    if m.group(3):
        h = int(m.group(4))
        return year + 2 * h - 2, year + 2 * h - 1
    return year, year + 3


def _period_bound(text: str | None, name: str) -> tuple[int, int] | None:
    if not text:
        return None
    span = period_span(text)
    if span is None:
        raise SearchError(f"{name} period {text!r}: write it like Q3 2024, 2024Q3, H1 2024 "
                          "or FY 2024")
    return span


@speaks_service_errors
class SearchService:
    """Full-text search over one library."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def refresh_index(self, *, wait: bool = True) -> int:
        """Index what is waiting (edited highlights, texts stored by other programs)."""
        with self.db.read() as s:
            if not pending(s.connection()):
                return 0
        with self.db.write(wait=wait) as s:
            return refresh(s.connection())

    def search(self, text: str, filters: SearchFilters | None = None, *,
               limit: int = PAGE_SIZE, cursor: int | None = None) -> SearchPage:
        filters = filters or SearchFilters()
        query = parse_query(text)
        if query.empty:
            return SearchPage([], None, query)
        page = None
        with self.db.read() as s:
            if not pending(s.connection()):  # the usual case: one read transaction
                page = self._page(s.connection(), query, filters, limit, cursor)
        if page is None:
            # A search is a read: with the library read-only, busy or on a full disk it goes on
            # over the index as it is.
            with contextlib.suppress(LibraryReadOnlyError, DatabaseBusyError, DiskFullError):
                self.refresh_index(wait=False)
            with self.db.read() as s:
                page = self._page(s.connection(), query, filters, limit, cursor)
        hits, next_cursor, expanded = page
        found = find_hits_many([h.text for h in hits], expanded)
        results = [_result(h, spans) for h, spans in zip(hits, found, strict=True)]
        return SearchPage(results, next_cursor, expanded)

    def _page(self, conn: Connection, query: Query, filters: SearchFilters, limit: int,
              cursor: int | None) -> tuple[list[UnitHit], int | None, Query]:
        expanded = expand_query(query, StemForms(conn))
        match = fts_expression(expanded)
        boosts = boost_expressions(expanded)
        calls = self._calls(transcript_keys(conn), filters) if filters.narrows_calls else None
        inside = calls if calls is None or len(calls) <= _FTS_TRANSCRIPT_LIMIT else None
        hits: list[UnitHit] = []
        position = cursor or 0
        more = True
        # Calls filtered outside the index can leave a page short: read on until full.
        while more and len(hits) < limit:
            batch = search_units(conn, match, transcripts=inside, section=filters.section,
                                 speaker_kind=filters.speaker_kind, kinds=filters.kinds,
                                 overlapping_highlight=filters.has_highlight, boosts=boosts,
                                 offset=position, limit=limit, query=expanded)
            more = len(batch) == limit
            for h in batch:
                position += 1
                if calls is None or h.transcript_id in calls:
                    hits.append(h)
                    if len(hits) == limit:
                        break
        next_cursor = position if hits and len(hits) == limit else None
        return hits, next_cursor, expanded

    def count(self, text: str, filters: SearchFilters | None = None) -> int:
        """How many units match, ignoring filters that are not inside the index."""
        query = parse_query(text)
        if query.empty:
            return 0
        with self.db.read() as s:
            conn = s.connection()
            expanded = expand_query(query, StemForms(conn))
            return count_units(conn, fts_expression(expanded), expanded)

    def facets(self) -> Facets:
        with self.db.read() as s:
            keys = transcript_keys(s.connection())
        companies = sorted({k.company for k in keys if k.company}, key=str.casefold)
        periods = sorted({k.period for k in keys if k.period},
                         key=lambda p: (period_span(p) or (10**6, 10**6), p))
        return Facets(companies, periods)

    def _calls(self, keys: Sequence[TranscriptKey], f: SearchFilters) -> set[int]:
        low = _period_bound(f.period_from, "from")
        high = _period_bound(f.period_to, "to")
        needle = (f.company or "").strip().casefold()
        # A renamed company keeps its ticker: a name matching any of its calls takes them all.
        aliases: dict[str, set[str]] = {}
        for k in keys:
            if k.ticker and k.company:
                aliases.setdefault(k.ticker.casefold(), set()).add(k.company.casefold())
        out = set()
        for k in keys:
            names = {(k.company or "").casefold(), *aliases.get((k.ticker or "").casefold(), ())}
            if needle and not any(needle in n for n in names) and \
                    needle != (k.ticker or "").casefold() and \
                    needle not in k.source_name.casefold():
                continue
            if low or high:
                span = period_span(k.period)
                if span is None or (low and span[0] < low[0]) or (high and span[1] > high[1]):
                    continue
            if f.has_highlight and not k.highlights:
                continue
            out.add(k.id)
        return out


def _result(h: UnitHit, hits: list[tuple[int, int]]) -> SearchResult:
    snippet = make_snippet(h.text, hits)
    if h.kind == "paragraph" and hits:
        hit_start, hit_end = h.start + hits[0][0], h.start + hits[0][1]
    else:
        hit_start, hit_end = h.start, h.end
    return SearchResult(
        transcript_id=h.transcript_id, sha256=h.sha256, company=h.company, ticker=h.ticker,
        title=h.title, period=h.period, date=h.date, source_name=h.source_name, kind=h.kind,
        highlight_id=h.highlight_id, turn_index=h.turn_index, speaker=h.speaker,
        speaker_kind=h.speaker_kind, section=h.section, start=h.start, end=h.end,
        hit_start=hit_start, hit_end=hit_end, snippet=snippet.text, marks=snippet.marks)
