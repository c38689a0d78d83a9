"""Annotation use cases for the reading window and the command line: library, highlights, undo, export.

`AnnotationService` is the only door to the library. It takes and returns plain values
(`TranscriptInfo`, `Highlight`, `Colour` from reader.core.anchoring; `ImportResult`,
`Changed`, `ExportedDocument` here), never database rows. Every write is one short
transaction (BEGIN IMMEDIATE, synced on commit) and then reports what changed through the
`on_change` callback, so a window can refresh only what it shows; the window runs these
calls off its UI thread and turns the callback into a queued signal. An instance is safe to
share between threads (one lock serialises its writes and its undo stack).

Same call, new version: an imported file whose hash is not in the library is treated as a
corrected version of a call already there when
  - it comes from the same path as that call (any of its versions), its company, period and
    date do not contradict it, and at least half of the two texts is shared; or
  - its company, period and date are all known and equal to that call's, and at least 70%
    of the text is shared; or
  - it comes from the same path and 90% is shared even though the metadata changed (a
    correction of the date or title itself).
The most similar such call wins. Its text is replaced, its highlights are moved with
reader.core.anchoring.reanchor (those that cannot be placed are kept as orphans), and the
old hash stays known: opening the old file again opens the call as it is now, it does not
go back. Anything else is a new call. Two different sites' transcripts of one call share
little text, so they stay two calls, each with its own highlights.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import threading
from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Final

from db.engine import Database, open_database
from db.repository import Repository, TranscriptFields
from db.search_index import index_highlights, index_transcript
from db.server import ChangeListener
from reader.core.anchoring import Placement, anchor_at, find_quote, reanchor, text_similarity
from reader.core.model import Transcript
from reader.core.pipeline import parse_bytes, parse_text
from reader.core.records import Anchor, Colour, Highlight, TranscriptInfo
from reader.core.records import Changed as Changed  # exported from here too, for callers
from reader.core.source_file import SourceFileError, read_transcript_file, readable_name
from reader.services.errors import (
    AnnotationError as AnnotationError,  # still exported from here, where callers import it
)
from reader.services.errors import library_errors, speaks_service_errors

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

UNDO_LIMIT: Final = 200
_SAME_PATH_MIN: Final = 0.5
_SAME_META_MIN: Final = 0.7
_SAME_PATH_CHANGED_META_MIN: Final = 0.9
_TAG: Final = re.compile(r"[^\W_]+(?:[-/_][^\W_]+)*")
_TAG_MAX: Final = 64


class NotFoundError(AnnotationError):
    pass


class NotAllowedError(AnnotationError):
    """The library's roles do not let this user make this change."""


class EditConflictError(AnnotationError):
    """A save based on a version of a highlight that someone has saved over since: nothing
    was written, and `current` is what is there now (their text, to show and merge)."""

    def __init__(self, message: str, current: Highlight) -> None:
        super().__init__(message)
        self.current = current


USER_ENV: Final = "TRANSCRIPT_READER_USER"
ROLES: Final = ("reader", "member", "admin")


def default_user() -> str:
    """Who is annotating: $TRANSCRIPT_READER_USER (the window passes its setting instead),
    else the operating system's user name."""
    import getpass

    name = os.environ.get(USER_ENV, "").strip()
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no name for this uid (a container, say)
        return f"uid-{os.getuid()}" if hasattr(os, "getuid") else "unknown"


class QuoteError(AnnotationError):
    """The quote is not in the transcript, or is there more than once."""


class ImportStatus(StrEnum):
    NEW = "new"                        # a call the library did not have
    UNCHANGED = "unchanged"            # this exact file is the call's current version
    NEW_VERSION = "new_version"        # a corrected version; highlights were moved
    OLDER_VERSION = "older_version"    # an earlier version of a call; the current one is kept


@dataclass(frozen=True, slots=True)
class ReanchorReport:
    kept: int = 0
    edited: int = 0
    found: int = 0
    orphaned: tuple[Highlight, ...] = ()


@dataclass(frozen=True, slots=True)
class ImportResult:
    transcript: TranscriptInfo
    status: ImportStatus
    report: ReanchorReport | None = None


@dataclass(frozen=True, slots=True)
class ExportedDocument:
    transcript: TranscriptInfo
    file_name: str
    markdown: str
    count: int


@dataclass(frozen=True, slots=True)
class _Step:
    """One undoable change to one highlight: its state before and after (None: absent)."""

    label: str
    transcript_id: int
    sha256: str
    before: Highlight | None
    after: Highlight | None

    @property
    def highlight_id(self) -> int:
        state = self.after or self.before
        assert state is not None
        return state.id


@dataclass(slots=True)
class _UndoStack:
    done: list[_Step] = field(default_factory=list)
    undone: list[_Step] = field(default_factory=list)


def normalize_tag(raw: str) -> str:
    """A tag as stored: no leading '#', spaces as '-'; letters and digits joined by - _ /.

    The rule keeps `#tag` in exported Markdown a tag in Obsidian and never emphasis.
    """
    name = "-".join(raw.strip().lstrip("#").split())
    if not name or len(name) > _TAG_MAX or not _TAG.fullmatch(name):
        raise AnnotationError(f"tag {raw!r}: use letters and digits, joined by - _ or / "
                              f"(like guidance or credit-risk), at most {_TAG_MAX} characters")
    return name


def _now() -> datetime:
    return datetime.now(UTC)


@speaks_service_errors
class AnnotationService:
    """The annotation library's use cases over one database file."""

    def __init__(self, db: Database, *, on_change: Callable[[Changed], None] | None = None,
                 clock: Callable[[], datetime] = _now, undo_limit: int = UNDO_LIMIT,
                 user: str | None = None) -> None:
        self.db = db
        self.user = user or default_user()
        """The author of what this service writes, and whose rights the library checks."""
        self._on_change = on_change
        self._clock = clock
        self._undo_limit = undo_limit
        self._lock = threading.RLock()
        self._stack = _UndoStack()
        self._written: dict[int, int | None] = {}
        """The version each highlight had after this service last wrote it (None: deleted):
        undo and redo put a state back only over what this service itself left there."""
        self._outlines: OrderedDict[tuple[int, str], Transcript] = OrderedDict()
        self._listener: ChangeListener | None = None

    @classmethod
    def open(cls, path: Path | str, *,
             on_change: Callable[[Changed], None] | None = None,
             allow_migration: bool = False, user: str | None = None) -> AnnotationService:
        """Open (creating or migrating) the library file, or the team library at a
        `postgresql://` URL (migrated only with `allow_migration`); see
        db.engine.open_database."""
        with library_errors():  # LibraryError, like every call (speaks_service_errors)
            db = open_database(path, allow_migration=allow_migration)
        return cls(db, on_change=on_change, user=user)

    def watch(self, on_status: Callable[[str | None], None] | None = None) -> bool:
        """Tell `on_change` of other clients' new and changed highlights and calls, within a
        second or so, until `close`; `on_status` hears, in one line, when the library's
        server cannot be reached, and None when it is back. Only a team library on a server
        has others to hear (returns False for a file, whose other writers show at the next
        read)."""
        from db.server import ServerDatabase

        if not isinstance(self.db, ServerDatabase) or self._listener is not None:
            return self._listener is not None

        def heard(calls: frozenset[int], highlights: frozenset[int]) -> None:
            # Empty sets: the connection came back and anything may have changed.
            self._notify(Changed(transcripts=calls, highlights=highlights, tags=True,
                                 library=not calls))

        self._listener = ChangeListener(self.db, heard, on_status).start()
        return True

    def close(self) -> None:
        if self._listener is not None:
            self._listener.stop()
            self._listener = None
        self.db.close()

    def __enter__(self) -> AnnotationService:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _notify(self, changed: Changed) -> None:
        if self._on_change is not None:
            self._on_change(changed)

    # --- library -------------------------------------------------------------------------

    def import_file(self, path: Path | str) -> ImportResult:
        """Bring a transcript file into the library (or find it there), as opening it does."""
        path = Path(path)
        try:
            data = read_transcript_file(path)
        except SourceFileError as exc:
            raise AnnotationError(str(exc)) from None
        return self.import_bytes(data, path)

    def import_bytes(self, data: bytes, source_path: Path | str) -> ImportResult:
        source = Path(source_path)
        try:
            transcript = parse_bytes(data, source.name)
        except ValueError as exc:
            raise AnnotationError(f"{readable_name(source.name)}: {exc}") from None
        return self.import_transcript(transcript, source)

    def import_transcript(self, transcript: Transcript, source_path: Path | str) -> ImportResult:
        """Store an already parsed transcript (the window has parsed it to show it)."""
        fields = _fields(transcript, source_path)
        with self.db.read() as s:
            repo = Repository(s)
            known = repo.transcript_for_any_version(fields.sha256)
            if known is not None:
                current = known.sha256 == fields.sha256
                return ImportResult(known, ImportStatus.UNCHANGED if current
                                    else ImportStatus.OLDER_VERSION)
            previous = self._predecessor(repo, fields)
        if previous is None:
            with self._lock, self.db.write() as s:
                repo = Repository(s)
                existing = repo.transcript_for_any_version(fields.sha256)  # a racing import
                info = existing or repo.add_transcript(fields, self._clock())
                if existing is None:  # searchable as soon as it is stored
                    index_transcript(s.connection(), info.id, transcript)
            self._notify(Changed(transcripts=frozenset({info.id}), library=True))
            return ImportResult(info, ImportStatus.UNCHANGED if existing else ImportStatus.NEW)
        return self._new_version(previous, fields, transcript)

    def remove_transcript(self, transcript_id: int) -> bool:
        """Take a call out of the library with its highlights, versions and search entries
        (one transaction); its steps leave the undo history. False if it was not there."""
        with self._lock:
            with self.db.write() as s:
                removed = Repository(s).delete_transcript(transcript_id)
            if removed:
                self._drop_history(transcript_id)
                for key in [k for k in self._outlines if k[0] == transcript_id]:
                    del self._outlines[key]
        if removed:
            self._notify(Changed(transcripts=frozenset({transcript_id}), library=True))
        return removed

    def _predecessor(self, repo: Repository, fields: TranscriptFields) -> TranscriptInfo | None:
        best: tuple[float, TranscriptInfo] | None = None
        for info, same_path in repo.candidates(fields.source_path, fields.company,
                                               fields.period, fields.date):
            found = repo.detected_meta(info.id)  # the user's edits are no contradiction
            conflict = any(a and b and a.casefold() != b.casefold() for a, b in (
                (found.get("company"), fields.company), (found.get("period"), fields.period),
                (found.get("date"), fields.date)))
            if same_path:
                need = _SAME_PATH_CHANGED_META_MIN if conflict else _SAME_PATH_MIN
            else:
                need = _SAME_META_MIN
            score = text_similarity(repo.transcript_text(info.id), fields.text)
            if score >= need and (best is None or score > best[0]):
                best = (score, info)
        return best[1] if best else None

    def _new_version(self, previous: TranscriptInfo, fields: TranscriptFields,
                     transcript: Transcript) -> ImportResult:
        # The diff runs outside the write lock; the write then checks nothing moved meanwhile.
        for _attempt in range(3):
            with self.db.read() as s:
                repo = Repository(s)
                old_text = repo.transcript_text(previous.id)
                before = repo.highlights(previous.id)
                sha_then = repo.transcript(previous.id)
            if sha_then is None:
                raise NotFoundError(f"transcript {previous.id} was removed meanwhile")
            placed = reanchor(old_text, fields.text, [h.anchor for h in before])
            with self._lock, self.db.write() as s:
                repo = Repository(s)
                now_info = repo.transcript(previous.id)
                if (now_info is None or now_info.sha256 != sha_then.sha256
                        or repo.highlights(previous.id) != before):
                    continue
                index = _TurnIndex(transcript)
                for h, r in zip(before, placed, strict=True):
                    turn = None if r.orphaned else index.at(r.anchor.start)
                    repo.set_anchor(h.id, r.anchor, turn_index=turn, orphaned=r.orphaned)
                info = repo.replace_version(previous.id, fields, self._clock())
                index_transcript(s.connection(), info.id, transcript)
                after = repo.highlights(previous.id)
                # Offsets in the undo history belong to the old text: drop them.
                self._drop_history(previous.id)
            self._cache_outline(info, transcript)
            counts = {p: sum(1 for r in placed if r.placement is p) for p in Placement}
            orphans = tuple(h for h in after if h.orphaned)
            report = ReanchorReport(counts[Placement.KEPT], counts[Placement.EDITED],
                                    counts[Placement.FOUND], orphans)
            self._notify(Changed(transcripts=frozenset({info.id}),
                                 highlights=frozenset(h.id for h in after), library=True))
            return ImportResult(info, ImportStatus.NEW_VERSION, report)
        raise AnnotationError(f"{readable_name(fields.source_name)}: the library kept changing during the "
                              "import; try again")

    def set_metadata(self, transcript_id: int, values: dict[str, str | None]) -> TranscriptInfo:
        """Store the user's own company, ticker, period or date for a call (kept over
        re-imports; search filters and the export use them). A value of '' means "none";
        None goes back to what parsing found. Values are checked and normalised
        (reader.core.library_meta.clean_value)."""
        from db.repository import META_FIELDS
        from reader.core.library_meta import clean_value

        cleaned: dict[str, str | None] = {}
        for name, raw in values.items():
            if name not in META_FIELDS:
                raise AnnotationError(f"{name}: not a field that can be edited "
                                      f"({', '.join(META_FIELDS)})")
            try:
                cleaned[name] = None if raw is None else clean_value(name, raw)
            except ValueError as exc:
                raise AnnotationError(str(exc)) from None
        with self._lock, self.db.write() as s:
            repo = Repository(s)
            if not repo.set_user_meta(transcript_id, cleaned):
                raise NotFoundError(f"no transcript {transcript_id} in the library")
            info = repo.transcript(transcript_id)
        assert info is not None
        self._notify(Changed(transcripts=frozenset({transcript_id}), library=True))
        return info

    def library(self) -> list[TranscriptInfo]:
        with self.db.read() as s:
            return Repository(s).transcripts()

    def transcript(self, transcript_id: int) -> TranscriptInfo:
        with self.db.read() as s:
            info = Repository(s).transcript(transcript_id)
        if info is None:
            raise NotFoundError(f"no transcript {transcript_id} in the library")
        return info

    def find_transcript(self, sha256: str) -> TranscriptInfo | None:
        """The call a file hash belongs to (current or earlier version), as back-links name it."""
        with self.db.read() as s:
            return Repository(s).transcript_for_any_version(sha256)

    def transcript_text(self, transcript_id: int) -> str:
        with self.db.read() as s:
            try:
                return Repository(s).transcript_text(transcript_id)
            except KeyError:
                raise NotFoundError(f"no transcript {transcript_id} in the library") from None

    def outline(self, transcript_id: int) -> Transcript:
        """The call re-parsed from its stored text (the original file is not needed)."""
        info = self.transcript(transcript_id)
        return self._outline(info, None)

    def _outline(self, info: TranscriptInfo, text: str | None) -> Transcript:
        key = (info.id, info.sha256)
        with self._lock:
            cached = self._outlines.get(key)
            if cached is not None:
                self._outlines.move_to_end(key)
                return cached
        if text is None:
            text = self.transcript_text(info.id)
        try:
            parsed = parse_text(text, info.source_name, layout=info.format)
        except ValueError:  # a layout this build no longer has: detect again
            parsed = parse_text(text, info.source_name)
        self._cache_outline(info, parsed)
        return parsed

    def _cache_outline(self, info: TranscriptInfo, transcript: Transcript) -> None:
        with self._lock:
            self._outlines[(info.id, info.sha256)] = transcript
            while len(self._outlines) > 32:
                self._outlines.popitem(last=False)

    # --- highlights ----------------------------------------------------------------------

    def highlights(self, transcript_id: int, *, tags: Sequence[str] = (),
                   colours: Sequence[str] = (), authors: Sequence[str] = ()
                   ) -> list[Highlight]:
        """A call's highlights in reading order; `tags`/`colours`/`authors` keep those with
        any of them (an author `mine` is this service's user)."""
        tag_names = [normalize_tag(t) for t in tags]
        keys = [self.colour_key(c) for c in colours]
        who = [self.user if a == "mine" else a for a in authors]
        with self.db.read() as s:
            return Repository(s).highlights(transcript_id, tags=tag_names, colours=keys,
                                            authors=who)

    def highlight(self, highlight_id: int) -> Highlight:
        with self.db.read() as s:
            found = Repository(s).highlight(highlight_id)
        if found is None:
            raise NotFoundError(f"no highlight {highlight_id}")
        return found

    def add_highlight(self, transcript_id: int, start: int, end: int, *,
                      colour: str | None = None, note: str = "",
                      tags: Iterable[str] = ()) -> Highlight:
        """Highlight `text[start:end]` of the call's decoded source text."""
        info = self.transcript(transcript_id)
        text = self.transcript_text(transcript_id)
        try:
            anchor = anchor_at(text, start, end)
        except ValueError as exc:
            raise AnnotationError(str(exc)) from None
        turn = _TurnIndex(self._outline(info, text)).at(start)
        tag_names = _unique(normalize_tag(t) for t in tags)
        key = self.colour_key(colour) if colour else self.colours()[0].key
        now = self._clock()
        with self._lock:
            with self.db.write() as s:
                repo = Repository(s)
                self._check_allowed(repo, None, "add highlights")
                current = repo.transcript(transcript_id)
                if current is None or current.sha256 != info.sha256:
                    raise AnnotationError("the transcript changed while highlighting; try again")
                h = repo.insert_highlight(transcript_id, anchor, colour=key, note=note.strip(),
                                          tags=_spelled(repo, tag_names), created_at=now,
                                          updated_at=now, turn_index=turn, author=self.user)
                self._index_now(s, h.id)
            self._push(_Step("Add highlight", transcript_id, info.sha256, None, h))
        self._notify(Changed(transcripts=frozenset({transcript_id}),
                             highlights=frozenset({h.id}), tags=bool(tag_names)))
        return h

    def add_highlight_by_quote(self, transcript_id: int, quote: str, *,
                               occurrence: int | None = None, colour: str | None = None,
                               note: str = "", tags: Iterable[str] = ()) -> Highlight:
        """Highlight a quoted passage: exact match first, then ignoring spacing (CJK too).

        `occurrence` (1-based) picks one of several matches; without it several is an error.
        """
        text = self.transcript_text(transcript_id)
        spans = find_quote(text, quote)
        shown = _short(quote)
        if not spans:
            raise QuoteError(f"quote not found: {shown}")
        if occurrence is None and len(spans) > 1:
            raise QuoteError(f"quote occurs {len(spans)} times: {shown} "
                             "(choose one with --occurrence N)")
        n = occurrence or 1
        if not 1 <= n <= len(spans):
            raise QuoteError(f"quote occurs {len(spans)} time{'s' if len(spans) > 1 else ''}, "
                             f"so there is no occurrence {n}: {shown}")
        start, end = spans[n - 1]
        return self.add_highlight(transcript_id, start, end, colour=colour, note=note, tags=tags)

    def update_highlight(self, highlight_id: int, *, colour: str | None = None,
                         note: str | None = None, tags: Iterable[str] | None = None,
                         label: str = "Edit highlight",
                         expected_version: int | None = None) -> Highlight:
        """Change colour, note or the whole tag set (None leaves a field as it is).

        `expected_version`: the version the edit was made on (`Highlight.version` as read);
        if someone has saved the highlight since, nothing is written and `EditConflictError`
        carries what they saved. Only the author, or an admin, may edit a highlight in a
        library with roles (`NotAllowedError`).
        """
        key = self.colour_key(colour) if colour else None
        tag_names = None if tags is None else _unique(normalize_tag(t) for t in tags)
        with self._lock:
            with self.db.write() as s:
                repo = Repository(s)
                before = repo.highlight(highlight_id)
                if before is None:
                    raise NotFoundError(f"no highlight {highlight_id}")
                self._check_allowed(repo, before, "edit")
                info = repo.transcript(before.transcript_id)
                assert info is not None
                after = repo.update_highlight(
                    highlight_id, updated_at=self._clock(), colour=key,
                    note=None if note is None else note.strip(),
                    tags=None if tag_names is None else _spelled(repo, tag_names),
                    author=self.user, expected_version=expected_version)
                if after is None:  # saved since that version: what is there now
                    raise _conflict(repo.highlight(highlight_id) or before, expected_version)
                self._index_now(s, highlight_id)
            self._push(_Step(label, before.transcript_id, info.sha256, before, after))
        self._notify(Changed(transcripts=frozenset({after.transcript_id}),
                             highlights=frozenset({highlight_id}), tags=tags is not None))
        return after

    def add_tags(self, highlight_id: int, tags: Iterable[str]) -> Highlight:
        current = self.highlight(highlight_id)
        return self.update_highlight(highlight_id, tags=[*current.tags, *tags], label="Add tag")

    def remove_tags(self, highlight_id: int, tags: Iterable[str]) -> Highlight:
        gone = {normalize_tag(t).casefold() for t in tags}
        current = self.highlight(highlight_id)
        return self.update_highlight(highlight_id, label="Remove tag",
                                     tags=[t for t in current.tags if t.casefold() not in gone])

    def delete_highlight(self, highlight_id: int, *,
                         expected_version: int | None = None) -> Highlight:
        """Delete a highlight; returns it as it was (undo brings it back with its tags).

        `expected_version` as for `update_highlight`: a highlight someone has saved since
        that version is not deleted (`EditConflictError` carries what they saved)."""
        with self._lock:
            with self.db.write() as s:
                repo = Repository(s)
                before = repo.highlight(highlight_id)
                if before is None:
                    raise NotFoundError(f"no highlight {highlight_id}")
                self._check_allowed(repo, before, "delete")
                if expected_version is not None and before.version != expected_version:
                    raise _conflict(before, expected_version)
                info = repo.transcript(before.transcript_id)
                assert info is not None
                if not repo.delete_highlight(highlight_id, version=before.version):
                    now = repo.highlight(highlight_id)  # saved or deleted since the read
                    if now is None:
                        raise NotFoundError(f"no highlight {highlight_id}")
                    raise _conflict(now, before.version)
            self._push(_Step("Delete highlight", before.transcript_id, info.sha256, before, None))
        self._notify(Changed(transcripts=frozenset({before.transcript_id}),
                             highlights=frozenset({highlight_id}), tags=bool(before.tags)))
        return before

    def _index_now(self, session: Session, highlight_id: int) -> None:
        """On a server, index a saved highlight in its own transaction: with many writers,
        leaving it to the next search would make every search index everyone's saves (a
        file library keeps saves quick and indexes before the next search)."""
        if self.db.dialect == "postgresql":
            index_highlights(session.connection(), [highlight_id])

    # --- authors and roles ---------------------------------------------------------------

    def _check_allowed(self, repo: Repository, highlight: Highlight | None, action: str) -> None:
        """Raise `NotAllowedError` unless this user may `action` (`highlight` None: add one).

        A library without roles is a personal one: everything is allowed. Otherwise readers
        change nothing, members change their own highlights (and those from before authors
        were kept), admins anyone's.
        """
        role = repo.role(self.user)
        if role is None or role == "admin":
            return
        if role == "reader":
            raise NotAllowedError(f"{self.user} is a reader in this library and cannot "
                                  f"{action} highlights; an admin can grant more")
        if highlight is not None and highlight.author not in ("", self.user):
            raise NotAllowedError(f"highlight {highlight.id} is {highlight.author}'s; only its "
                                  f"author or an admin may {action} it")

    def authors(self) -> list[str]:
        """Who has made highlights in this library, by name ('' for those made before
        authors were kept): the views' author filter."""
        with self.db.read() as s:
            return Repository(s).authors()

    def role(self, user: str | None = None) -> str:
        """The role of `user` (this service's user by default): 'admin' in a library with no
        roles, where nothing is checked."""
        with self.db.read() as s:
            return Repository(s).role(user or self.user) or "admin"

    def roles(self) -> list[tuple[str, str]]:
        """The users the library names, with their roles (everyone else is a member)."""
        with self.db.read() as s:
            return Repository(s).roles()

    def set_role(self, user: str, role: str) -> None:
        """Grant `role` ('reader', 'member', 'admin') to `user`; only admins may. In a
        library without roles the first grant also makes this service's user its admin."""
        role = role.strip().lower()
        user = user.strip()
        if role not in ROLES:
            raise AnnotationError(f"unknown role {role!r}; choose one of {', '.join(ROLES)}")
        if not user:
            raise AnnotationError("a role needs a user name")
        with self._lock, self.db.write() as s:
            repo = Repository(s)
            current = repo.role(self.user)
            if current is None:
                repo.set_role(self.user, "admin")
            elif current != "admin":
                raise NotAllowedError(f"{self.user} is not an admin of this library; only "
                                      "admins set roles")
            if user == self.user and role != "admin" and not any(
                    r == "admin" and u != user for u, r in repo.roles()):
                raise AnnotationError("the library's last admin cannot give that up")
            repo.set_role(user, None if role == "member" else role)

    # --- tags and colours ----------------------------------------------------------------

    def tags(self) -> list[tuple[str, int]]:
        """Every tag with its number of highlights."""
        with self.db.read() as s:
            return Repository(s).tags()

    def colours(self) -> list[Colour]:
        with self.db.read() as s:
            return Repository(s).colours()

    def colour_key(self, name: str) -> str:
        """The colour meant by a key ('yellow') or a display name ('Guidance'), any case."""
        wanted = name.strip().casefold()
        colours = self.colours()
        for c in colours:
            if wanted in (c.key.casefold(), c.display_name.casefold()):
                return c.key
        choices = ", ".join(f"{c.display_name} ({c.key})" for c in colours)
        raise AnnotationError(f"unknown colour {name!r}; choose one of {choices}")

    def rename_colour(self, key: str, display_name: str) -> Colour:
        name = " ".join(display_name.split())
        if not name or len(name) > 80:
            raise AnnotationError("a colour name needs 1 to 80 characters")
        key = self.colour_key(key)
        with self._lock, self.db.write() as s:
            Repository(s).rename_colour(key, name)
        self._notify(Changed(colours=True))
        return next(c for c in self.colours() if c.key == key)

    # --- undo ----------------------------------------------------------------------------

    @property
    def can_undo(self) -> bool:
        return bool(self._stack.done)

    @property
    def can_redo(self) -> bool:
        return bool(self._stack.undone)

    @property
    def undo_label(self) -> str | None:
        return self._stack.done[-1].label if self._stack.done else None

    @property
    def redo_label(self) -> str | None:
        return self._stack.undone[-1].label if self._stack.undone else None

    def undo(self) -> Changed:
        """Put the last change back (a deleted highlight returns with its id and tags)."""
        return self._travel(self._stack.done, self._stack.undone, back=True)

    def redo(self) -> Changed:
        return self._travel(self._stack.undone, self._stack.done, back=False)

    def _travel(self, source: list[_Step], target: list[_Step], *, back: bool) -> Changed:
        with self._lock:
            if not source:
                raise AnnotationError("nothing to undo" if back else "nothing to redo")
            step = source[-1]
            state = step.before if back else step.after
            with self.db.write() as s:
                repo = Repository(s)
                info = repo.transcript(step.transcript_id)
                if info is None or info.sha256 != step.sha256:
                    source.pop()
                    raise AnnotationError(f"cannot {'undo' if back else 'redo'} "
                                          f"{step.label.lower()}: the transcript was re-imported "
                                          "or removed since")
                current = repo.highlight(step.highlight_id)
                ours = self._written.get(step.highlight_id, _UNKNOWN)
                if ours is not _UNKNOWN and (current.version if current else None) != ours:
                    source.pop()  # someone saved it since: putting ours back would lose that
                    if current is None:
                        raise AnnotationError(f"cannot {'undo' if back else 'redo'} "
                                              f"{step.label.lower()}: someone deleted the "
                                              "highlight since")
                    raise _conflict(current, ours if isinstance(ours, int) else None)
                _restore(repo, step.highlight_id, state)
                stored = repo.highlight(step.highlight_id)
                self._written[step.highlight_id] = stored.version if stored else None
            target.append(source.pop())
        changed = Changed(transcripts=frozenset({step.transcript_id}),
                          highlights=frozenset({step.highlight_id}), tags=True)
        self._notify(changed)
        return changed

    def _push(self, step: _Step) -> None:
        self._written[step.highlight_id] = step.after.version if step.after else None
        self._stack.done.append(step)
        del self._stack.done[:-self._undo_limit]
        self._stack.undone.clear()

    def _drop_history(self, transcript_id: int) -> None:
        for steps in (self._stack.done, self._stack.undone):
            steps[:] = [st for st in steps if st.transcript_id != transcript_id]

    # --- export --------------------------------------------------------------------------

    def export(self, transcript_ids: Sequence[int] | None = None, *, tags: Sequence[str] = (),
               colours: Sequence[str] = (), include_empty: bool | None = None
               ) -> list[ExportedDocument]:
        """Markdown notes, one per call: the given calls (all with matching highlights if None).

        Calls named explicitly are exported even with no matching highlight, unless
        `include_empty` says otherwise.
        """
        from reader.services.notes import export_documents, export_inputs

        # The stored text as it is, with whole turns as context: the quick export.
        return export_documents(export_inputs(self, transcript_ids, tags=tags, colours=colours,
                                              options=None, include_empty=include_empty,
                                              aligned=False))


def _umask() -> int:
    """The process umask (read by setting it, so under a lock; 0o022 where that fails)."""
    with _UMASK_LOCK:
        try:
            mask = os.umask(0o022)
            os.umask(mask)
        except OSError:  # pragma: no cover - no umask on this system
            return 0o022
    return mask


_UMASK_LOCK = threading.Lock()


def write_text_atomic(path: Path, text: str) -> None:
    """Write via a temporary file in the same folder and os.replace: readers (and a crash)
    see the old file or the new one, never half of one. The file gets the permissions any
    new file gets (0666 less the umask), not the temporary file's private 0600."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        if hasattr(os, "fchmod"):  # not on Windows, where files have no mode bits
            with contextlib.suppress(OSError):  # file systems without modes (FAT) refuse it
                os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_documents(docs: Sequence[ExportedDocument], folder: Path) -> list[Path]:
    """Each document to `folder`/its file name, atomically."""
    written = []
    for doc in docs:
        target = folder / doc.file_name
        write_text_atomic(target, doc.markdown)
        written.append(target)
    return written


# --- helpers ------------------------------------------------------------------------------------


class _TurnIndex:
    """Which turn holds an offset (the stored `turn_index` is a hint; offsets are the truth)."""

    def __init__(self, transcript: Transcript) -> None:
        self._starts = [t.start for t in transcript.turns]
        self._turns = transcript.turns

    def at(self, offset: int) -> int | None:
        i = bisect_right(self._starts, offset) - 1
        if i >= 0 and offset < self._turns[i].end:
            return self._turns[i].index
        return None


def _fields(t: Transcript, source_path: Path | str) -> TranscriptFields:
    path = Path(source_path)
    with contextlib.suppress(OSError):
        path = path.expanduser().resolve()
    m = t.meta
    return TranscriptFields(sha256=t.source.sha256, source_path=str(path),
                            source_name=t.source.name or path.name, format=t.format,
                            encoding=t.source.encoding, text=t.text, company=m.company,
                            ticker=m.ticker, title=m.title, period=m.period, date=m.date)


def _unique(names: Iterable[str]) -> list[str]:
    seen: dict[str, str] = {}
    for n in names:
        seen.setdefault(n.casefold(), n)
    return list(seen.values())


def _spelled(repo: Repository, names: Sequence[str]) -> list[str]:
    """Tags as the library already spells them (names are unique regardless of case)."""
    return [repo.tag_name(n) or n for n in names]


_UNKNOWN: Final = -1  # a highlight this service has not written


def _restore(repo: Repository, highlight_id: int, state: Highlight | None) -> None:
    """Make the stored highlight equal `state` (None: absent), whatever it is now."""
    if state is None:
        repo.delete_highlight(highlight_id)
        return
    anchor = Anchor(state.start, state.end, state.quote, state.prefix, state.suffix)
    if repo.highlight(highlight_id) is None:
        repo.insert_highlight(state.transcript_id, anchor, colour=state.colour, note=state.note,
                              tags=state.tags, created_at=state.created_at,
                              updated_at=state.updated_at, turn_index=state.turn_index,
                              orphaned=state.orphaned, highlight_id=highlight_id,
                              author=state.author, note_author=state.note_author,
                              version=state.version)
    else:
        repo.update_highlight(highlight_id, updated_at=state.updated_at, colour=state.colour,
                              note=state.note, tags=state.tags, author=state.note_author)
        repo.set_anchor(highlight_id, anchor, turn_index=state.turn_index,
                        orphaned=state.orphaned)


def _conflict(before: Highlight, expected: int | None) -> EditConflictError:
    """The error for a save from version `expected` when `before` (read in the same
    transaction) is what is stored now."""
    who = before.note_author or before.author or "someone"
    tags = ", ".join(before.tags) or "none"
    return EditConflictError(
        f"highlight {before.id} was saved by {who} since you read it (version {expected}, now "
        f"{before.version}); yours was not saved. Theirs: note {_short(before.note)}, colour "
        f"{before.colour}, tags {tags}", before)


def _short(text: str, width: int = 60) -> str:
    flat = " ".join(text.split())
    return repr(flat if len(flat) <= width else flat[: width - 1] + "…")
