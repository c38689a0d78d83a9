"""Reads and writes of the annotation library inside one session, returning plain core records.

Callers get `TranscriptInfo`, `Highlight` and `Colour` values (reader.core.anchoring), never
ORM rows, so nothing above this layer can lazy-load or write by accident. Transactions are the
caller's (db.engine.Database.read()/write()); nothing here commits.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

# SQLAlchemy at module level, allowed here only: db/ is the layer that exists to use it.
from sqlalchemy import (  # noqa: TID253
    Select,
    String,
    and_,
    delete,
    func,
    insert,
    literal_column,
    or_,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError  # noqa: TID253
from sqlalchemy.orm import Session  # noqa: TID253

from db.models import (
    ColourRow,
    HighlightRow,
    HighlightTagRow,
    RoleRow,
    TagRow,
    TranscriptRow,
    TranscriptVersionRow,
)
from reader.core.records import Anchor, Colour, Highlight, TranscriptInfo


@dataclass(frozen=True, slots=True)
class TranscriptFields:
    """What an import stores about one version of a call."""

    sha256: str
    source_path: str
    source_name: str
    format: str
    encoding: str
    text: str
    company: str | None = None
    ticker: str | None = None
    title: str | None = None
    period: str | None = None
    date: str | None = None


@dataclass(frozen=True, slots=True)
class HighlightFilter:
    """Which highlights of the whole library to list (every field narrows; empty: no limit).

    `texts` are spellings of one search text (its scripts); a highlight matches when its
    quote (spaces ignored) or note holds any of them.
    """

    companies: Sequence[str] = ()
    periods: Sequence[str] = ()
    tags: Sequence[str] = ()
    colours: Sequence[str] = ()
    speaker_kinds: Sequence[str] = ()
    texts: Sequence[str] = ()
    transcript_ids: Sequence[int] | None = None
    authors: Sequence[str] = ()
    """Who made them (migration 0007); '' is "before authors were kept"."""


@dataclass(frozen=True, slots=True)
class HighlightInCall:
    """A highlight with its call and, from the search index, its speaker and section."""

    highlight: Highlight
    transcript: TranscriptInfo
    speaker: str | None
    speaker_kind: str | None
    section: str | None


if TYPE_CHECKING:
    _Query = Select[*tuple[Any, ...]]
_H = HighlightRow
_HIGHLIGHT_COLUMNS = (_H.id, _H.transcript_id, _H.start_offset, _H.end_offset, _H.quote,
                      _H.prefix, _H.suffix, _H.colour, _H.note, _H.created_at, _H.updated_at,
                      _H.orphaned, _H.turn_index, _H.author, _H.note_author, _H.version)
_T = TranscriptRow
META_FIELDS = ("company", "ticker", "period", "date")
"""Metadata the user may edit; each has a detected column and a `user_` column."""


def _effective_value(name: str) -> Any:
    """The user's value if they set one ('' meaning none), else the detected one."""
    user, detected = getattr(_T, f"user_{name}"), getattr(_T, name)
    return func.nullif(func.coalesce(user, detected), "")


def _effective(name: str) -> Any:
    """`_effective_value` as a result column named `name`."""
    return _effective_value(name).label(name)


_INFO_COLUMNS = (_T.id, _T.sha256, _T.source_path, _T.source_name, _T.format, _T.encoding,
                 _T.imported_at, _effective("company"), _effective("ticker"), _T.title,
                 _effective("period"), _effective("date"))


def _info(row: Any, count: int = 0) -> TranscriptInfo:
    return TranscriptInfo(**row._mapping, highlight_count=count)


class Repository:
    """The library's queries over one session (one transaction)."""

    def __init__(self, session: Session) -> None:
        self._s = session

    # --- transcripts ---------------------------------------------------------------------

    def transcript(self, transcript_id: int) -> TranscriptInfo | None:
        row = self._s.execute(select(*_INFO_COLUMNS).where(_T.id == transcript_id)).first()
        return _info(row, self._count(transcript_id)) if row else None

    def transcript_by_sha(self, sha256: str) -> TranscriptInfo | None:
        """The call whose current version has this hash."""
        row = self._s.execute(select(*_INFO_COLUMNS).where(_T.sha256 == sha256)).first()
        return _info(row, self._count(row.id)) if row else None

    def transcript_for_any_version(self, sha256: str) -> TranscriptInfo | None:
        """The call that this file version (current or earlier) belongs to."""
        tid = self._s.scalar(select(TranscriptVersionRow.transcript_id)
                             .where(TranscriptVersionRow.sha256 == sha256))
        return self.transcript(tid) if tid is not None else None

    def transcript_text(self, transcript_id: int) -> str:
        text = self._s.scalar(select(_T.text).where(_T.id == transcript_id))
        if text is None:
            raise KeyError(transcript_id)
        return text

    def texts(self, ids: Iterable[int]) -> dict[int, str]:
        rows = self._s.execute(select(_T.id, _T.text).where(_T.id.in_(list(ids))))
        return {tid: text for tid, text in rows}

    def transcripts(self, ids: Iterable[int] | None = None) -> list[TranscriptInfo]:
        """Every call (or those with the given ids), with highlight counts, by company and date."""
        counts = {tid: int(n) for tid, n in self._s.execute(
            select(_H.transcript_id, func.count()).group_by(_H.transcript_id))}
        query = select(*_INFO_COLUMNS).order_by(_INFO_COLUMNS[7], _INFO_COLUMNS[11], _T.id)
        if ids is not None:
            query = query.where(_T.id.in_(list(ids)))
        return [_info(r, counts.get(r.id, 0)) for r in self._s.execute(query)]

    def candidates(self, source_path: str, company: str | None, period: str | None,
                   date: str | None) -> list[tuple[TranscriptInfo, bool]]:
        """Calls that a new file might be a version of: same path, or same company, period and
        date. Each with True when the path matches."""
        found: dict[int, tuple[TranscriptInfo, bool]] = {}
        same_path = select(_T.id).where(_T.source_path == source_path)
        versions = select(TranscriptVersionRow.transcript_id).where(
            TranscriptVersionRow.source_path == source_path)
        for tid in {*self._s.scalars(same_path), *self._s.scalars(versions)}:
            info = self.transcript(tid)
            if info:
                found[tid] = (info, True)
        if company and period and date:
            same_meta = select(_T.id).where(func.lower(_T.company) == company.lower(),
                                            _T.period == period, _T.date == date)
            for tid in self._s.scalars(same_meta):
                info = self.transcript(tid)
                if info and tid not in found:
                    found[tid] = (info, False)
        return list(found.values())

    def add_transcript(self, fields: TranscriptFields, now: datetime) -> TranscriptInfo:
        row = TranscriptRow(**_fields(fields), imported_at=now)
        self._s.add(row)
        self._s.flush()
        self._add_version(row.id, fields, now)
        info = self.transcript(row.id)
        assert info is not None
        return info

    def replace_version(self, transcript_id: int, fields: TranscriptFields,
                        now: datetime) -> TranscriptInfo:
        """Make `fields` the call's current version (the older hash stays known)."""
        self._s.execute(update(TranscriptRow).where(_T.id == transcript_id)
                        .values(**_fields(fields), imported_at=now))
        self._add_version(transcript_id, fields, now)
        info = self.transcript(transcript_id)
        assert info is not None
        return info

    def _add_version(self, transcript_id: int, fields: TranscriptFields, now: datetime) -> None:
        self._s.merge(TranscriptVersionRow(sha256=fields.sha256, transcript_id=transcript_id,
                                           source_path=fields.source_path, imported_at=now))

    def detected_meta(self, transcript_id: int) -> dict[str, str | None]:
        """Company, ticker, period and date as parsing found them (edits aside)."""
        row = self._s.execute(select(*(getattr(_T, f) for f in META_FIELDS))
                              .where(_T.id == transcript_id)).first()
        return dict(zip(META_FIELDS, row, strict=True)) if row else {}

    def user_meta(self, transcript_id: int) -> dict[str, str | None]:
        """The user's own values: None where not edited, '' where edited to nothing."""
        row = self._s.execute(select(*(getattr(_T, f"user_{f}") for f in META_FIELDS))
                              .where(_T.id == transcript_id)).first()
        return dict(zip(META_FIELDS, row, strict=True)) if row else {}

    def set_user_meta(self, transcript_id: int, values: dict[str, str | None]) -> bool:
        """Store the user's values (None: back to the detected one); False if no such call."""
        result = self._s.execute(update(TranscriptRow).where(_T.id == transcript_id).values(
            **{f"user_{k}": v for k, v in values.items() if k in META_FIELDS}))
        return bool(result.rowcount)  # type: ignore[attr-defined]

    def set_detected_meta(self, transcript_id: int, values: dict[str, str | None]) -> None:
        """Replace what parsing found (a refresh with a newer parser); edits are untouched."""
        self._s.execute(update(TranscriptRow).where(_T.id == transcript_id).values(
            **{k: v for k, v in values.items() if k in META_FIELDS}))

    def delete_transcript(self, transcript_id: int) -> bool:
        """Remove a call with its highlights (cascade) and its version history."""
        result = self._s.execute(delete(TranscriptRow).where(_T.id == transcript_id))
        return bool(result.rowcount)  # type: ignore[attr-defined]

    def _count(self, transcript_id: int) -> int:
        return int(self._s.scalar(select(func.count()).where(_H.transcript_id == transcript_id))
                   or 0)

    # --- highlights ----------------------------------------------------------------------

    def highlight(self, highlight_id: int) -> Highlight | None:
        found = self._load(select(*_HIGHLIGHT_COLUMNS).where(_H.id == highlight_id))
        return found[0] if found else None

    def highlights(self, transcript_id: int, *, tags: Sequence[str] = (),
                   colours: Sequence[str] = (), authors: Sequence[str] = ()
                   ) -> list[Highlight]:
        """A call's highlights in reading order (orphans at the place their text was)."""
        query = select(*_HIGHLIGHT_COLUMNS).where(_H.transcript_id == transcript_id)
        if authors:
            query = query.where(_H.author.in_(list(authors)))
        return self._load(_filtered(query, tags, colours).order_by(_H.start_offset, _H.id),
                          transcript_id=transcript_id)

    def highlights_by_transcript(self, transcript_ids: Iterable[int] | None = None, *,
                                 tags: Sequence[str] = (),
                                 colours: Sequence[str] = ()) -> dict[int, list[Highlight]]:
        """Highlights of many calls at once (export), grouped by call, in reading order."""
        query = select(*_HIGHLIGHT_COLUMNS)
        if transcript_ids is not None:
            query = query.where(_H.transcript_id.in_(list(transcript_ids)))
        query = _filtered(query, tags, colours).order_by(_H.transcript_id, _H.start_offset, _H.id)
        grouped: dict[int, list[Highlight]] = {}
        for h in self._load(query, all_tags=transcript_ids is None):
            grouped.setdefault(h.transcript_id, []).append(h)
        return grouped

    def highlight_page(self, where: HighlightFilter, *, offset: int = 0,
                       limit: int = 200) -> tuple[list[HighlightInCall], int]:
        """One page of the library's highlights (by company, date, call, reading order) and
        how many match in all. Speaker and section come from the paragraph of the search
        index that holds the highlight's start (one index seek each)."""
        unit = ("SELECT u.{col} FROM search_units u WHERE u.transcript_id = highlights.transcript_id "
                "AND u.kind = 'paragraph' AND u.start_offset <= highlights.start_offset "
                "ORDER BY u.start_offset DESC LIMIT 1")
        speaker, kind, section = (literal_column(f"({unit.format(col=c)})", type_=String())
                                  for c in ("speaker", "speaker_kind", "section"))
        conditions: list[Any] = []
        if where.transcript_ids is not None:
            conditions.append(_H.transcript_id.in_(list(where.transcript_ids)))
        if where.companies:  # as the lists show them: the user's values over detected ones
            conditions.append(func.lower(_effective_value("company"))
                              .in_([c.lower() for c in where.companies]))
        if where.periods:
            conditions.append(_effective_value("period").in_(list(where.periods)))
        if where.tags:
            conditions.append(_H.id.in_(
                select(HighlightTagRow.highlight_id).join(TagRow, TagRow.id == HighlightTagRow.tag_id)
                .where(TagRow.name.in_(list(where.tags)))))
        if where.colours:
            conditions.append(_H.colour.in_(list(where.colours)))
        if where.authors:
            conditions.append(_H.author.in_(list(where.authors)))
        if where.speaker_kinds:
            conditions.append(kind.in_(list(where.speaker_kinds)))
        if where.texts:
            squeezed = func.replace(func.replace(_H.quote, " ", ""), "\u3000", "")
            conditions.append(or_(*(
                or_(squeezed.contains(t, autoescape=True), _H.note.contains(t, autoescape=True))
                for t in where.texts)))
        total = int(self._s.scalar(select(func.count()).select_from(_H)
                                   .join(_T, _T.id == _H.transcript_id)
                                   .where(and_(True, *conditions))) or 0)
        # The page's ids first (a sort of narrow rows), then the details of those ids only, so
        # the speaker look-ups run for the page and not for every row skipped before it.
        order = (_effective_value("company"), _effective_value("date"), _T.id, _H.start_offset,
                 _H.id)
        page = [r[0] for r in self._s.execute(
            select(_H.id).join(_T, _T.id == _H.transcript_id).where(and_(True, *conditions))
            .order_by(*order).offset(offset).limit(limit))]
        query = (select(*_HIGHLIGHT_COLUMNS, *_INFO_COLUMNS, speaker, kind, section)
                 .join(_T, _T.id == _H.transcript_id).where(_H.id.in_(page))
                 .order_by(*order))
        rows: list[Any] = list(self._s.execute(query).all()) if page else []
        n = len(_HIGHLIGHT_COLUMNS)
        tags: dict[int, list[str]] = {}
        if rows:
            for hid, name in self._s.execute(
                    select(HighlightTagRow.highlight_id, TagRow.name)
                    .join(TagRow, TagRow.id == HighlightTagRow.tag_id)
                    .where(HighlightTagRow.highlight_id.in_([r[0] for r in rows]))
                    .order_by(TagRow.name)):
                tags.setdefault(hid, []).append(name)
        out = []
        for r in rows:
            h = Highlight(id=r[0], transcript_id=r[1], start=r[2], end=r[3], quote=r[4],
                          prefix=r[5], suffix=r[6], colour=r[7], note=r[8], created_at=r[9],
                          updated_at=r[10], orphaned=bool(r[11]), turn_index=r[12],
                          author=r[13], note_author=r[14], version=r[15],
                          tags=tuple(tags.get(r[0], ())))
            info = TranscriptInfo(*r[n:n + len(_INFO_COLUMNS)])
            out.append(HighlightInCall(h, info, *r[n + len(_INFO_COLUMNS):]))
        return out, total

    def _load(self, query: _Query, *, transcript_id: int | None = None,
              all_tags: bool = False) -> list[Highlight]:
        rows = self._s.execute(query).all()
        if not rows:
            return []
        tag_query = (select(HighlightTagRow.highlight_id, TagRow.name)
                     .join(TagRow, TagRow.id == HighlightTagRow.tag_id))
        if transcript_id is not None:
            tag_query = tag_query.join(_H, _H.id == HighlightTagRow.highlight_id).where(
                _H.transcript_id == transcript_id)
        elif not all_tags:
            tag_query = tag_query.where(HighlightTagRow.highlight_id.in_([r[0] for r in rows]))
        tags: dict[int, list[str]] = {}
        for hid, name in self._s.execute(tag_query.order_by(TagRow.name)):
            tags.setdefault(hid, []).append(name)
        return [Highlight(id=r[0], transcript_id=r[1], start=r[2], end=r[3], quote=r[4],
                          prefix=r[5], suffix=r[6], colour=r[7], note=r[8], created_at=r[9],
                          updated_at=r[10], orphaned=bool(r[11]), turn_index=r[12],
                          author=r[13], note_author=r[14], version=r[15],
                          tags=tuple(tags.get(r[0], ())))
                for r in rows]

    def insert_highlight(self, transcript_id: int, anchor: Anchor, *, colour: str, note: str,
                         tags: Sequence[str], created_at: datetime, updated_at: datetime,
                         turn_index: int | None, orphaned: bool = False,
                         highlight_id: int | None = None, author: str = "",
                         note_author: str | None = None, version: int = 1) -> Highlight:
        """Store a highlight; with `highlight_id`, restore one under its old id (undo)."""
        values: dict[str, Any] = dict(
            transcript_id=transcript_id, start_offset=anchor.start, end_offset=anchor.end,
            quote=anchor.quote, prefix=anchor.prefix, suffix=anchor.suffix, colour=colour,
            note=note, created_at=created_at, updated_at=updated_at, orphaned=orphaned,
            turn_index=turn_index, author=author,
            note_author=(author if note else "") if note_author is None else note_author,
            version=version)
        if highlight_id is not None:
            values["id"] = highlight_id
        new_id = self._s.execute(insert(HighlightRow).values(**values)
                                 .returning(_H.id)).scalar_one()
        self.set_tags(new_id, tags, author=author)
        found = self.highlight(new_id)
        assert found is not None
        return found

    def update_highlight(self, highlight_id: int, *, updated_at: datetime,
                         colour: str | None = None, note: str | None = None,
                         tags: Sequence[str] | None = None, author: str = "",
                         expected_version: int | None = None) -> Highlight | None:
        """Change a highlight and count the save; None when it is gone, or, with
        `expected_version`, when it has been saved since that version (the caller reads
        what is there now). The version test is in the UPDATE itself, so two saves from the
        same version cannot both pass (PostgreSQL re-checks the row after a concurrent
        commit; SQLite writes one transaction at a time)."""
        values: dict[str, Any] = {"updated_at": updated_at, "version": _H.version + 1}
        if colour is not None:
            values["colour"] = colour
        if note is not None:
            values["note"] = note
            values["note_author"] = author
        where = _H.id == highlight_id
        if expected_version is not None:
            where = and_(where, _H.version == expected_version)
        result = self._s.execute(update(HighlightRow).where(where).values(**values))
        if not result.rowcount:  # type: ignore[attr-defined]
            return None
        if tags is not None:
            self.set_tags(highlight_id, tags, author=author)
        return self.highlight(highlight_id)

    def authors(self) -> list[str]:
        """Everyone who has made a highlight ('' for those from before authors were kept)."""
        return sorted(str(a) for a in self._s.execute(select(_H.author).distinct()).scalars())

    def role(self, user: str) -> str | None:
        """The user's role; None when the library grants no roles at all (a personal one)."""
        rows = dict(self._s.execute(select(RoleRow.user_name, RoleRow.role)).all())
        if not rows:
            return None
        return str(rows.get(user, "member"))

    def roles(self) -> list[tuple[str, str]]:
        return [(u, r) for u, r in self._s.execute(
            select(RoleRow.user_name, RoleRow.role).order_by(RoleRow.user_name))]

    def set_role(self, user: str, role: str | None) -> None:
        """Grant `role` to `user` (None: back to a member's rights)."""
        self._s.execute(delete(RoleRow).where(RoleRow.user_name == user))
        if role is not None:
            self._s.execute(insert(RoleRow).values(user_name=user, role=role))

    def set_anchor(self, highlight_id: int, anchor: Anchor, *, turn_index: int | None,
                   orphaned: bool) -> None:
        """Move a highlight (re-anchoring); what the user wrote about it is untouched."""
        self._s.execute(update(HighlightRow).where(_H.id == highlight_id).values(
            start_offset=anchor.start, end_offset=anchor.end, quote=anchor.quote,
            prefix=anchor.prefix, suffix=anchor.suffix, turn_index=turn_index,
            orphaned=orphaned))

    def delete_highlight(self, highlight_id: int, *, version: int | None = None) -> bool:
        """Delete it; with `version`, only if nobody has saved it since (checked in the DELETE
        itself, so a save landing between a read and this cannot be lost)."""
        stmt = delete(HighlightRow).where(_H.id == highlight_id)
        if version is not None:
            stmt = stmt.where(_H.version == version)
        result = self._s.execute(stmt)
        return bool(result.rowcount)  # type: ignore[attr-defined]

    # --- tags ----------------------------------------------------------------------------

    def set_tags(self, highlight_id: int, names: Sequence[str], *, author: str = "") -> None:
        """Replace a highlight's tags, creating tags that do not exist yet (by `author`)."""
        self._s.execute(delete(HighlightTagRow).where(HighlightTagRow.highlight_id == highlight_id))
        ids = self._tag_ids(names, author)
        if ids:
            self._s.execute(insert(HighlightTagRow),
                            [{"highlight_id": highlight_id, "tag_id": t} for t in ids])

    def _tag_ids(self, names: Sequence[str], author: str = "") -> list[int]:
        ids: dict[int, None] = {}
        for name in names:
            tid = self._s.scalar(select(TagRow.id).where(TagRow.name == name))
            if tid is None:
                try:  # another client may be making the same new tag at this moment
                    with self._s.begin_nested():
                        tid = self._s.execute(insert(TagRow).values(name=name, author=author)
                                              .returning(TagRow.id)).scalar_one()
                except IntegrityError:
                    tid = self._s.scalar(select(TagRow.id).where(TagRow.name == name))
                    assert tid is not None
            ids[tid] = None
        return list(ids)

    def tags(self) -> list[tuple[str, int]]:
        """Every tag with the number of highlights carrying it, by name."""
        query = (select(TagRow.name, func.count(HighlightTagRow.highlight_id))
                 .outerjoin(HighlightTagRow, HighlightTagRow.tag_id == TagRow.id)
                 .group_by(TagRow.id).order_by(TagRow.name))
        return [(name, int(n)) for name, n in self._s.execute(query)]

    def tag_name(self, name: str) -> str | None:
        """The stored spelling of a tag (names are unique regardless of ASCII case)."""
        return self._s.scalar(select(TagRow.name).where(TagRow.name == name))

    # --- colours -------------------------------------------------------------------------

    def colours(self) -> list[Colour]:
        rows = self._s.execute(select(ColourRow.key, ColourRow.display_name, ColourRow.position)
                               .order_by(ColourRow.position))
        return [Colour(k, n, p) for k, n, p in rows]

    def rename_colour(self, key: str, display_name: str) -> bool:
        result = self._s.execute(update(ColourRow).where(ColourRow.key == key)
                                 .values(display_name=display_name))
        return bool(result.rowcount)  # type: ignore[attr-defined]


def _fields(fields: TranscriptFields) -> dict[str, Any]:
    return {
        "sha256": fields.sha256, "source_path": fields.source_path,
        "source_name": fields.source_name, "format": fields.format, "encoding": fields.encoding,
        "text": fields.text, "company": fields.company, "ticker": fields.ticker,
        "title": fields.title, "period": fields.period, "date": fields.date,
    }


def _filtered(query: _Query, tags: Sequence[str], colours: Sequence[str]) -> _Query:
    if tags:
        tagged = (select(HighlightTagRow.highlight_id)
                  .join(TagRow, TagRow.id == HighlightTagRow.tag_id)
                  .where(TagRow.name.in_(list(tags))))
        query = query.where(_H.id.in_(tagged))
    if colours:
        query = query.where(_H.colour.in_(list(colours)))
    return query
