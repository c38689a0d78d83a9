"""Copying a whole library into another, SQLite or PostgreSQL in either direction, idempotently.

Rows are matched by what they are, not by their ids, which differ between libraries: a call
by its file hash (and every earlier version's hash), a colour by its key, a tag by its name
(any case), a highlight by its call, span, quote and creation time, a role by its user. What
the target already has is kept (a highlight there that is older than the source's copy takes
the source's note, colour and tags), what it lacks is added, so running the copy again adds
nothing. Work is committed a batch at a time, so an interrupted copy resumes where it was.
The search index is not copied: the target's triggers queue every new call and highlight,
and `index_pending` builds their entries in the target's own design.

`highlight_checksum` digests every highlight by those natural keys and contents (note,
colour, sorted tags, author); after a copy the target's digest over the source's highlights
equals the source's.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Final

# SQLAlchemy at module level, allowed here only: db/ is the layer that exists to use it.
from sqlalchemy import Connection, delete, func, insert, select, update  # noqa: TID253

from db.engine import Database
from db.models import (
    ColourRow,
    HighlightRow,
    HighlightTagRow,
    RoleRow,
    TagRow,
    TranscriptRow,
    TranscriptVersionRow,
)
from db.search_index import pending, refresh

BATCH: Final = 50
Progress = Callable[[str, int, int], None]
"""(what, done, total): called as a copy goes."""

_T, _V, _H, _G, _HT = TranscriptRow, TranscriptVersionRow, HighlightRow, TagRow, HighlightTagRow
_TRANSCRIPT_FIELDS: Final = ("sha256", "source_path", "source_name", "company", "ticker",
                             "title", "period", "date", "format", "encoding", "text",
                             "imported_at", "user_company", "user_ticker", "user_period",
                             "user_date")
_HIGHLIGHT_FIELDS: Final = ("turn_index", "start_offset", "end_offset", "quote", "prefix",
                            "suffix", "colour", "note", "created_at", "updated_at", "orphaned",
                            "author", "note_author", "version")
HighlightKey = tuple[str, int, int, str, datetime]
"""(call's hash, start, end, quote, created at): a highlight in any library."""


@dataclass
class CopyReport:
    """What a copy did, table by table, and the target's totals afterwards."""

    added: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    kept: dict[str, int] = field(default_factory=dict)
    totals: dict[str, int] = field(default_factory=dict)
    source_checksum: str = ""
    target_checksum: str = ""

    def count(self, table: str, how: str, n: int = 1) -> None:
        book = {"added": self.added, "updated": self.updated, "kept": self.kept}[how]
        book[table] = book.get(table, 0) + n


def _naive(value: datetime) -> datetime:
    return value.replace(tzinfo=None) if value.tzinfo else value


def _key(sha: str, row: Any) -> HighlightKey:
    return (sha, int(row.start_offset), int(row.end_offset), str(row.quote),
            _naive(row.created_at))


def _batches(conn: Connection, query: Any) -> Iterator[Sequence[Any]]:
    result = conn.execution_options(yield_per=BATCH).execute(query)
    while rows := result.fetchmany(BATCH):
        yield rows


def _call_hashes(conn: Connection) -> dict[int, str]:
    return {tid: sha for tid, sha in conn.execute(select(_T.id, _T.sha256))}


def _highlight_rows(conn: Connection) -> Iterator[tuple[HighlightKey, Any, list[str]]]:
    """Every highlight with its key and sorted tag names."""
    hashes = _call_hashes(conn)
    tags: dict[int, list[str]] = {}
    for hid, name in conn.execute(select(_HT.highlight_id, _G.name)
                                  .join(_G, _G.id == _HT.tag_id)):
        tags.setdefault(hid, []).append(name)
    for batch in _batches(conn, select(_H).order_by(_H.id)):
        for h in batch:
            yield (_key(hashes[h.transcript_id], h), h,
                   sorted(tags.get(h.id, []), key=str.casefold))


def highlight_checksum(conn: Connection, only: set[HighlightKey] | None = None
                       ) -> tuple[str, int]:
    """A digest of the library's highlights (those keyed in `only`, if given), and how many."""
    lines = []
    for key, h, tags in _highlight_rows(conn):
        if only is not None and key not in only:
            continue
        sha, start, end, quote, created = key
        lines.append("\x1f".join([sha, str(start), str(end), quote, created.isoformat(),
                                  h.colour, h.note, "\x1e".join(t.casefold() for t in tags),
                                  h.author, str(bool(h.orphaned))]))
    digest = hashlib.sha256()
    for line in sorted(lines):
        digest.update(line.encode("utf-8", "surrogatepass") + b"\n")
    return digest.hexdigest(), len(lines)


def copy_library(source: Database, target: Database, *,
                 progress: Progress | None = None) -> CopyReport:
    """Copy everything of `source` that `target` lacks into it (see the module docstring)."""
    report = CopyReport()
    say = progress or (lambda what, done, total: None)
    with source.read() as s, target.write() as t:
        _copy_colours(s.connection(), t.connection(), report)
        _copy_roles(s.connection(), t.connection(), report)
    call_ids = _copy_calls(source, target, report, say)
    _copy_highlights(source, target, call_ids, report, say)
    index_pending(target, say)
    with source.read() as s:
        report.source_checksum, _ = highlight_checksum(s.connection())
        keys = {k for k, _, _ in _highlight_rows(s.connection())}
    with target.read() as t:
        conn = t.connection()
        report.target_checksum, _ = highlight_checksum(conn, keys)
        for name, table in (("calls", _T), ("versions", _V), ("highlights", _H), ("tags", _G),
                            ("roles", RoleRow)):
            report.totals[name] = int(conn.execute(
                select(func.count()).select_from(table)).scalar_one())
    return report


def _copy_colours(src: Connection, dst: Connection, report: CopyReport) -> None:
    have = {k: (n, p) for k, n, p in dst.execute(
        select(ColourRow.key, ColourRow.display_name, ColourRow.position))}
    for key, name, position in src.execute(
            select(ColourRow.key, ColourRow.display_name, ColourRow.position)):
        if key not in have:
            dst.execute(insert(ColourRow).values(key=key, display_name=name, position=position))
            report.count("colours", "added")
        elif have[key] != (name, position):
            dst.execute(update(ColourRow).where(ColourRow.key == key)
                        .values(display_name=name, position=position))
            report.count("colours", "updated")
        else:
            report.count("colours", "kept")


def _copy_roles(src: Connection, dst: Connection, report: CopyReport) -> None:
    have = dict(dst.execute(select(RoleRow.user_name, RoleRow.role)).all())
    for user, role in src.execute(select(RoleRow.user_name, RoleRow.role)):
        if user in have:
            report.count("roles", "kept")
            continue
        dst.execute(insert(RoleRow).values(user_name=user, role=role))
        report.count("roles", "added")


def _copy_calls(source: Database, target: Database, report: CopyReport,
                say: Progress) -> dict[int, int]:
    """Calls and their earlier versions' hashes; returns source call id -> target call id."""
    with target.read() as t:
        known = {sha: tid for sha, tid in t.connection().execute(
            select(_V.sha256, _V.transcript_id))}
        known.update({sha: tid for tid, sha in _call_hashes(t.connection()).items()})
    with source.read() as s:
        conn = s.connection()
        total = int(conn.execute(select(func.count()).select_from(_T)).scalar_one())
        versions: dict[int, list[Any]] = {}
        for v in conn.execute(select(_V)):
            versions.setdefault(v.transcript_id, []).append(v)
        ids = [r[0] for r in conn.execute(select(_T.id).order_by(_T.id))]
    mapping: dict[int, int] = {}
    done = 0
    for start in range(0, len(ids), BATCH):
        chunk = ids[start:start + BATCH]
        with source.read() as s:
            rows = s.connection().execute(select(_T).where(_T.id.in_(chunk))
                                          .order_by(_T.id)).all()
        with target.write() as t:
            conn = t.connection()
            for row in rows:
                shas = [row.sha256, *(v.sha256 for v in versions.get(row.id, []))]
                found = next((known[sha] for sha in shas if sha in known), None)
                if found is None:
                    values = {f: getattr(row, f) for f in _TRANSCRIPT_FIELDS}
                    found = conn.execute(insert(_T).values(**values).returning(_T.id)
                                         ).scalar_one()
                    report.count("calls", "added")
                else:
                    report.count("calls", "kept")
                mapping[row.id] = found
                for v in versions.get(row.id, []):
                    if v.sha256 not in known:
                        conn.execute(insert(_V).values(
                            sha256=v.sha256, transcript_id=found, source_path=v.source_path,
                            imported_at=v.imported_at))
                        report.count("versions", "added")
                    else:
                        report.count("versions", "kept")
                    known[v.sha256] = found
                known[row.sha256] = found
        done += len(rows)
        say("calls", done, total)
    return mapping


def _copy_highlights(source: Database, target: Database, call_ids: dict[int, int],
                     report: CopyReport, say: Progress) -> None:
    with target.read() as t:
        conn = t.connection()
        have = {k: (h.id, _naive(h.updated_at)) for k, h, _ in _highlight_rows(conn)}
        tag_ids = {name.casefold(): tid for tid, name in conn.execute(select(_G.id, _G.name))}
        target_hashes = _call_hashes(conn)
    with source.read() as s:
        rows = list(_highlight_rows(s.connection()))
        tag_authors = {n.casefold(): a for n, a in s.connection().execute(
            select(_G.name, _G.author))}
        source_hashes = {sha: tid for tid, sha in _call_hashes(s.connection()).items()}
    by_hash = {sha: call_ids[tid] for sha, tid in source_hashes.items() if tid in call_ids}
    done = 0
    for start in range(0, len(rows), BATCH):
        with target.write() as t:
            conn = t.connection()
            for key, h, tags in rows[start:start + BATCH]:
                transcript_id = by_hash.get(key[0])
                if transcript_id is None or transcript_id not in target_hashes:
                    continue
                values = {f: getattr(h, f) for f in _HIGHLIGHT_FIELDS}
                existing = have.get(key)
                if existing is None:
                    hid = conn.execute(insert(_H).values(transcript_id=transcript_id, **values)
                                       .returning(_H.id)).scalar_one()
                    report.count("highlights", "added")
                elif existing[1] < _naive(h.updated_at):
                    hid = existing[0]
                    conn.execute(update(_H).where(_H.id == hid).values(**values))
                    conn.execute(delete(_HT).where(_HT.highlight_id == hid))
                    report.count("highlights", "updated")
                else:
                    report.count("highlights", "kept")
                    continue
                for name in tags:
                    tid = tag_ids.get(name.casefold())
                    if tid is None:
                        tid = conn.execute(insert(_G).values(
                            name=name, author=tag_authors.get(name.casefold(), ""))
                            .returning(_G.id)).scalar_one()
                        tag_ids[name.casefold()] = tid
                        report.count("tags", "added")
                    conn.execute(insert(_HT).values(highlight_id=hid, tag_id=tid))
                have[key] = (hid, _naive(h.updated_at))
        done = min(len(rows), start + BATCH)
        say("highlights", done, len(rows))
    if target.dialect == "postgresql":
        from db.server import sync_sequences

        with target.write() as t:
            sync_sequences(t.connection())


def index_pending(target: Database, say: Progress) -> None:
    """Build the target's search entries for what the copy queued, a few calls at a time."""
    with target.read() as t:
        conn = t.connection()
        total = int(conn.exec_driver_sql("SELECT count(*) FROM search_stale_transcripts")
                    .scalar_one())
    done = 0
    while True:
        with target.read() as t:
            if not pending(t.connection()):
                break
        with target.write() as t:
            conn = t.connection()
            done += refresh(conn, limit=10)
        say("search index", min(done, total), total)

