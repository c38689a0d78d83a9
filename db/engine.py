"""Opening the library database: PRAGMAs, sessions, and migrating safely at start.

At open: a new or empty file is created at the head revision; a file at an older revision is
first copied with SQLite's online backup API to `<db>.bak-<revision>-<timestamp>`, the copy is
verified (it opens, `PRAGMA integrity_check` says ok, its revision and row counts match), and
only then migrated; a file whose revision this build does not know (written by a newer
version) is refused with a one-line message and left untouched. Alembic is imported only when
a migration actually runs, so an ordinary start stays fast.

Every connection gets `journal_mode=WAL`, `foreign_keys=ON`, `busy_timeout=5000` and
`synchronous=FULL`. FULL, not NORMAL: in WAL mode NORMAL survives a killed process but a power
cut or OS crash can take back the last commits; FULL syncs the log on each commit, so a
highlight whose save returned is on disk. Annotation writes come at human pace, so one fsync
per commit costs nothing anyone notices.

Writes use `BEGIN IMMEDIATE`: the write lock is taken at the start of the transaction, so two
writers (the app and a script, or two windows) queue on busy_timeout instead of one failing
with SQLITE_BUSY when its read turns into a write.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool

KNOWN_REVISIONS: tuple[str, ...] = ("0001", "0002", "0003", "0004", "0005",
                                   "0006")
"""Every migration revision in order, oldest first; the last one is head. Kept in code so that
an ordinary start can tell "up to date", "older" and "newer" without importing Alembic (a test
checks it against db/migrations/versions)."""
HEAD_REVISION = KNOWN_REVISIONS[-1]
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
BUSY_TIMEOUT_MS = 5000


class DatabaseError(Exception):
    """A one-line, user-facing reason the library database cannot be used."""


class DatabaseTooNewError(DatabaseError):
    """The file was written by a newer version of the app (a schema revision this build lacks)."""


class NotALibraryError(DatabaseError):
    """The file is not an SQLite database, or one that was never a Transcript Reader library."""


class BackupError(DatabaseError):
    """The safety copy before a migration could not be made or verified; nothing was migrated."""


class DatabaseBusyError(DatabaseError):
    """Another program held the write lock for longer than the busy timeout."""


@dataclass(frozen=True, slots=True)
class MigrationReport:
    """What opening did: the revision found, the one now in force, and the backup if one was made."""

    found: str | None
    current: str
    backup: Path | None


def _set_pragmas(dbapi_connection: Any, foreign_keys: bool) -> None:
    # pysqlite's own transaction handling would emit BEGIN late and never IMMEDIATE; take it over
    # (the documented SQLAlchemy recipe for SQLite transactions).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
    finally:
        cursor.close()


def _make_engine(path: Path, *, foreign_keys: bool = True, single: bool = False) -> Engine:
    kwargs: dict[str, Any] = {"poolclass": NullPool} if single else {}
    engine = create_engine(f"sqlite:///{path}", **kwargs)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        _set_pragmas(dbapi_connection, foreign_keys)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine


class Database:
    """The open library: short read and write transactions as sessions.

    Sessions do not expire objects on commit, but callers never see ORM rows anyway:
    db.repository turns them into plain objects inside the transaction.
    """

    def __init__(self, path: Path, engine: Engine, report: MigrationReport) -> None:
        self.path = path
        self.report = report
        self._engine = engine
        self._writer = engine.execution_options(sqlite_begin="IMMEDIATE")

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A consistent snapshot for reading (deferred BEGIN; never blocks writers in WAL)."""
        with Session(self._engine, expire_on_commit=False) as session, session.begin():
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One short write transaction, committed (and synced) when the block ends."""
        try:
            with Session(self._writer, expire_on_commit=False) as session, session.begin():
                yield session
        except OperationalError as exc:
            if "locked" in str(exc.orig) or "busy" in str(exc.orig):
                raise DatabaseBusyError(
                    f"{self.path.name}: the library is busy (another program is writing to it); "
                    "try again") from None
            raise

    def integrity_check(self) -> str:
        """SQLite's own check: 'ok', or the first problem it reports."""
        with self._engine.connect() as conn:
            rows = conn.exec_driver_sql("PRAGMA integrity_check").fetchall()
        return "ok" if [r[0] for r in rows] == ["ok"] else str(rows[0][0])

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_database(path: Path | str, *, migrate: bool = True) -> Database:
    """Open (creating if needed) the library at `path`, migrating it to head first if it is older.

    Raises a `DatabaseError` subclass, with a one-line message, for a newer schema, a file that
    is not a library, a failed backup, or a folder that cannot be written.
    """
    path = Path(path).expanduser().resolve()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseError(f"{path.parent}: cannot create the library folder "
                            f"({exc.strerror or exc})") from None
    found = read_revision(path)
    backup = None
    if found != HEAD_REVISION:
        if found is not None and found not in KNOWN_REVISIONS:
            raise DatabaseTooNewError(
                f"{path.name}: this library was written by a newer version of the app (schema "
                f"revision {found}; this version knows up to {HEAD_REVISION}); update the app, "
                "or choose another library file with --db")
        if not migrate:
            raise DatabaseError(f"{path.name}: library schema {found or 'none'} needs migrating "
                                f"to {HEAD_REVISION}")
        if found is not None:
            backup = backup_database(path, found)
        upgrade(path, HEAD_REVISION)
    engine = _make_engine(path)
    return Database(path, engine, MigrationReport(found, HEAD_REVISION, backup))


def read_revision(path: Path) -> str | None:
    """The schema revision stamped in the file; None for a missing or empty (new) file."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        with closing(sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)) as conn:
            tables = {r[0] for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
            if "alembic_version" not in tables:
                if tables - {"sqlite_sequence"}:
                    raise NotALibraryError(
                        f"{path.name}: this SQLite file is not a Transcript Reader library "
                        "(it has tables but no schema revision)")
                return None
            rows = conn.execute("SELECT version_num FROM alembic_version").fetchall()
    except sqlite3.DatabaseError as exc:
        raise NotALibraryError(f"{path.name}: not a Transcript Reader library ({exc})") from None
    if len(rows) != 1:
        raise NotALibraryError(f"{path.name}: the library's schema revision is damaged "
                               f"({len(rows)} revision rows)")
    return str(rows[0][0])


def _table_counts(conn: sqlite3.Connection) -> dict[str, int]:
    names = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    return {n: int(conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0]) for n in names}


def backup_database(path: Path, revision: str) -> Path:
    """Copy the live database with the online backup API, then prove the copy is sound.

    Returns the backup's path; raises `BackupError` (and removes a bad copy) otherwise.
    """
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.bak-{revision}-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.bak-{revision}-{stamp}-{n}")
    try:
        with closing(sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)) as src, \
                closing(sqlite3.connect(target)) as dst:
            src.backup(dst)
            # The copy inherits WAL mode; a standalone file is simpler to keep and to restore.
            dst.execute("PRAGMA journal_mode=DELETE")
            expected = _table_counts(src)
        verify_backup(target, revision, expected)
    except (sqlite3.Error, OSError, BackupError) as exc:
        for leftover in (target, Path(f"{target}-wal"), Path(f"{target}-shm")):
            leftover.unlink(missing_ok=True)
        if isinstance(exc, BackupError):
            raise
        raise BackupError(f"{path.name}: could not back up the library before migrating "
                          f"({exc}); nothing was changed") from None
    return target


def verify_backup(target: Path, revision: str, expected_counts: dict[str, int]) -> None:
    """The copy opens, passes `PRAGMA integrity_check`, and holds the same revision and rows."""
    with closing(sqlite3.connect(f"file:{target}?mode=ro", uri=True)) as conn:
        check = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        if check != ["ok"]:
            raise BackupError(f"{target.name}: backup failed its integrity check ({check[0]}); "
                              "nothing was migrated")
        found = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        counts = _table_counts(conn)
    if found is None or found[0] != revision or counts != expected_counts:
        raise BackupError(f"{target.name}: backup does not match the library; nothing was migrated")


def alembic_config(connection: Any = None) -> Any:
    """An Alembic Config built in code (no alembic.ini), optionally bound to a connection."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("path_separator", "os")
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def upgrade(path: Path, target: str = HEAD_REVISION) -> None:
    """Run the migrations up to `target` in one transaction (exposed for tests of old schemas).

    Foreign keys are off while batch mode rebuilds tables (dropping a table with them on would
    cascade deletes), and `PRAGMA foreign_key_check` must come back empty before the commit.
    BEGIN IMMEDIATE makes two apps starting at once migrate one after the other: the second
    then finds the schema already at `target` inside its own transaction and does nothing.
    """
    from alembic import command

    engine = _make_engine(path, foreign_keys=False, single=True)
    try:
        with engine.connect() as conn:
            conn = conn.execution_options(sqlite_begin="IMMEDIATE")
            conn.exec_driver_sql("SELECT 1")  # BEGIN IMMEDIATE now: the lock before the revision is read
            command.upgrade(alembic_config(conn), target)
            broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                conn.rollback()
                raise DatabaseError(f"{path.name}: migration to {target} would break "
                                    f"{len(broken)} references; nothing was changed")
            conn.commit()
    except OperationalError as exc:
        raise DatabaseError(f"{path.name}: could not migrate the library ({exc.orig})") from None
    finally:
        engine.dispose()
