"""Checking a library fully, salvaging a damaged one into a new file, restoring a backup.

None of these writes into the library being checked or salvaged: salvage reads it through a
read-only connection and copies every row it can still read into a new library file; restore
moves the current file aside (renamed, bytes untouched) before a verified copy takes its place.
The search index is not copied: its rows come from the calls, and the new file queues every
call for indexing (the insert triggers do), so the next search rebuilds it.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from db.engine import (
    KNOWN_REVISIONS,
    BackupError,
    DatabaseError,
    open_database,
)

COPIED_TABLES = ("colours", "transcripts", "transcript_versions", "tags", "highlights",
                 "highlight_tags")
"""The library's own data, parents before children; the search tables are rebuilt instead."""


@dataclass(slots=True)
class SalvageReport:
    target: Path
    copied: dict[str, int] = field(default_factory=dict)
    unreadable: dict[str, int] = field(default_factory=dict)
    """Rows (or row ids) that could not be read, per table."""
    dropped: int = 0
    """Rows copied but dropped because what they belonged to could not be read."""


def full_check(path: Path) -> str:
    """`PRAGMA integrity_check` on a read-only connection: 'ok' or the first problem."""
    try:
        with closing(_read_only(path)) as conn:
            rows = [r[0] for r in conn.execute("PRAGMA integrity_check")]
    except sqlite3.Error as exc:
        return str(exc)
    return "ok" if rows == ["ok"] else str(rows[0])


def counts(path: Path) -> dict[str, int]:
    """Rows per library table (those that can be counted)."""
    out: dict[str, int] = {}
    with closing(_read_only(path)) as conn:
        for table in COPIED_TABLES:
            try:
                out[table] = int(conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])
            except sqlite3.Error:
                continue
    return out


def _read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def salvage(source: Path, target: Path | None = None) -> SalvageReport:
    """Copy every readable row of `source` into a new library; `source` is only read."""
    source = Path(source).resolve()
    if target is None:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        target = source.with_name(f"{source.name}.salvaged-{stamp}")
    if target.exists():
        raise DatabaseError(f"{target.name}: already exists; choose another name")
    open_database(target, check=False).close()  # a new, empty library at head
    report = SalvageReport(target)
    try:
        with closing(_read_only(source)) as src, closing(sqlite3.connect(target)) as dst:
            dst.execute("PRAGMA foreign_keys=OFF")
            dst.execute("DELETE FROM colours")  # the source's colours and names replace these
            for table in COPIED_TABLES:
                columns = [r[1] for r in dst.execute(f'PRAGMA table_info("{table}")')]
                names = ", ".join(f'"{c}"' for c in columns)
                marks = ", ".join("?" for _ in columns)
                insert = f'INSERT OR REPLACE INTO "{table}" ({names}) VALUES ({marks})'
                copied = lost = 0
                for row in _readable_rows(src, table, names):
                    if row is None:
                        lost += 1
                        continue
                    dst.execute(insert, row)
                    copied += 1
                report.copied[table] = copied
                report.unreadable[table] = lost
            broken = dst.execute("PRAGMA foreign_key_check").fetchall()
            for table, rowid, _parent, _fk in broken:
                dst.execute(f'DELETE FROM "{table}" WHERE rowid = ?', (rowid,))
            report.dropped = len(broken)
            if not dst.execute("SELECT 1 FROM colours").fetchone():
                dst.execute("INSERT INTO colours (key, display_name, position) VALUES "
                            "('yellow', 'Guidance', 0), ('red', 'Risk', 1), "
                            "('green', 'Numbers', 2), ('blue', 'Question', 3)")
            dst.commit()
            problem = [r[0] for r in dst.execute("PRAGMA integrity_check")]
            if problem != ["ok"]:
                raise DatabaseError(f"{target.name}: the salvaged copy failed its check "
                                    f"({problem[0]})")
    except (sqlite3.Error, OSError) as exc:
        for leftover in (target, Path(f"{target}-wal"), Path(f"{target}-shm")):
            leftover.unlink(missing_ok=True)
        raise DatabaseError(f"{source.name}: could not salvage the library ({exc})") from None
    return report


def _readable_rows(src: sqlite3.Connection, table: str,
                   names: str) -> Iterator[tuple[object, ...] | None]:
    """Rows in rowid order; None for each row id skipped over an unreadable stretch."""
    try:
        top = src.execute(f'SELECT max(rowid) FROM "{table}"').fetchone()[0]
    except sqlite3.Error:
        top = None
    limit = top if top is not None else 1_000_000
    last = 0
    while last <= limit:
        try:
            cursor = src.execute(f'SELECT rowid, {names} FROM "{table}" WHERE rowid > ? '
                                 "ORDER BY rowid", (last,))
            for row in cursor:
                last = int(row[0])
                yield tuple(row[1:])
            return
        except sqlite3.Error:
            last += 1  # step over the damaged page, one row id at a time
            if top is not None:
                yield None


def restore(library: Path, replacement: Path) -> Path | None:
    """Put a verified copy of `replacement` where `library` is; return where the previous
    library file was moved (renamed, not changed)."""
    library = Path(library).resolve()
    replacement = Path(replacement).resolve()
    if replacement == library:
        raise DatabaseError(f"{replacement.name}: that is the library itself")
    if not replacement.is_file():
        raise DatabaseError(f"{replacement}: no such backup")
    problem = full_check(replacement)
    if problem != "ok":
        raise BackupError(f"{replacement.name}: fails its integrity check ({problem}); "
                          "not restored")
    try:
        with closing(_read_only(replacement)) as conn:
            revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.Error:
        revision = None
    if revision is None or revision[0] not in KNOWN_REVISIONS:
        raise BackupError(f"{replacement.name}: not a library this version can open; "
                          "not restored")
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    kept = library.with_name(f"{library.name}.replaced-{stamp}")
    staged = library.with_name(f".{library.name}.restoring")
    try:
        with closing(_read_only(replacement)) as src, closing(sqlite3.connect(staged)) as dst:
            src.backup(dst)
        if library.exists():
            os.replace(library, kept)
            for suffix in ("-wal", "-shm"):
                side = Path(f"{library}{suffix}")
                if side.exists():
                    shutil.move(side, Path(f"{kept}{suffix}"))
        os.replace(staged, library)
    except (sqlite3.Error, OSError) as exc:
        staged.unlink(missing_ok=True)
        raise DatabaseError(f"{library.name}: could not restore ({exc})") from None
    return kept if kept.exists() else None  # an older copy is migrated at its next open
