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
with SQLITE_BUSY when its read turns into a write. A writer that still finds the lock held
after busy_timeout says so (`on_wait`) and tries again, up to `write_wait` seconds; reads go on
meanwhile (WAL).

Health: a library opened for writing gets `PRAGMA quick_check` first (it reads every page but
skips the index cross-checks: 0.2 s for a 250 MB library with a warm cache). A damaged
library is opened read-only, with `health` saying why and which verified backup there is;
nothing is ever written into it. A library whose file or folder cannot be written opens
read-only too, and says so; reads work.
After an unclean shutdown (a write-ahead log left behind) `Database.full_check` runs the
complete `integrity_check`, for the window to run in the background.

Every SQLite failure reaches callers as a `DatabaseError` with one line: disk full (the
transaction is rolled back, nothing half-written), read-only, damaged, busy, or the rest.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

# SQLAlchemy at module level, allowed here only: db/ is the layer that exists to use it.
from sqlalchemy import Engine, create_engine, event  # noqa: TID253
from sqlalchemy.exc import DBAPIError, OperationalError  # noqa: TID253
from sqlalchemy.orm import Session  # noqa: TID253
from sqlalchemy.pool import NullPool  # noqa: TID253

KNOWN_REVISIONS: tuple[str, ...] = ("0001", "0002", "0003", "0004", "0005",
                                   "0006", "0007", "0008")
"""Every migration revision in order, oldest first; the last one is head. Kept in code so that
an ordinary start can tell "up to date", "older" and "newer" without importing Alembic (a test
checks it against db/migrations/versions)."""
HEAD_REVISION = KNOWN_REVISIONS[-1]
_SERVER_SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://")
"""Library locations that name a PostgreSQL server (db.server) rather than a file."""
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
BUSY_TIMEOUT_MS = 5000
_FIRST_TRY_MS = 250
WRITE_WAIT_SECONDS = 120.0
"""How long a write keeps retrying while another program holds the lock before giving up."""


class DatabaseError(Exception):
    """A one-line, user-facing reason the library database cannot be used."""


class DatabaseTooNewError(DatabaseError):
    """The file was written by a newer version of the app (a schema revision this build lacks)."""


class NotALibraryError(DatabaseError):
    """The file is not an SQLite database, or one that was never a Transcript Reader library."""


class BackupError(DatabaseError):
    """The safety copy before a migration could not be made or verified; nothing was migrated."""


class DatabaseBusyError(DatabaseError):
    """Another program held the write lock for longer than the write wait."""


class LibraryReadOnlyError(DatabaseError):
    """A write to a library that is open read-only (read-only file or folder, or damaged)."""


class LibraryDamagedError(DatabaseError):
    """SQLite found the library's file damaged (corrupt pages, failed check)."""


class DiskFullError(DatabaseError):
    """The disk filled up during a write; the transaction was rolled back."""


# SQLite's primary result codes (https://sqlite.org/rescode.html).
_SQLITE_PERM, _SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY = 3, 5, 6, 8
_SQLITE_IOERR, _SQLITE_CORRUPT, _SQLITE_FULL, _SQLITE_CANTOPEN, _SQLITE_NOTADB = (
    10, 11, 13, 14, 26)


def explain(exc: BaseException, path: Path) -> DatabaseError | None:
    """The one-line `DatabaseError` for an SQLite failure (raw or wrapped by SQLAlchemy);
    None for errors that are not about the library file (constraint violations, bugs)."""
    orig = exc.orig if isinstance(exc, DBAPIError) else exc
    if not isinstance(orig, sqlite3.Error) or isinstance(
            orig, sqlite3.IntegrityError | sqlite3.ProgrammingError | sqlite3.InterfaceError):
        return None
    code = (getattr(orig, "sqlite_errorcode", 0) or 0) & 0xFF
    text = " ".join(str(orig).split())
    name = path.name
    if code == _SQLITE_FULL or "disk is full" in text or (
            code in (_SQLITE_IOERR, _SQLITE_CANTOPEN) and _disk_full(path)):
        return DiskFullError(f"{name}: the disk is full; nothing was saved (free some space "
                             "and try again)")
    if code in (_SQLITE_READONLY, _SQLITE_PERM) or "readonly" in text:
        return LibraryReadOnlyError(f"{name}: the library cannot be written (read-only file, "
                                    "folder or disk); nothing was saved")
    if code in (_SQLITE_CORRUPT, _SQLITE_NOTADB) or "malformed" in text:
        return LibraryDamagedError(f"{name}: the library file is damaged ({text}); "
                                   "`reader library check` salvages what can be read")
    if code in (_SQLITE_BUSY, _SQLITE_LOCKED) or "locked" in text:
        return DatabaseBusyError(f"{name}: the library is busy (another program is writing "
                                 "to it); try again")
    if code == _SQLITE_CANTOPEN:
        return DatabaseError(f"{name}: cannot open the library ({text}; is its folder "
                             "readable and writable?)")
    if code == _SQLITE_IOERR:
        return DatabaseError(f"{name}: the disk reported an error while using the library "
                             f"({text}); nothing was saved")
    return DatabaseError(f"{name}: library error ({text})")


def _disk_full(path: Path) -> bool:
    """Whether the library's disk has no room left (SQLite then reports its shared-memory or
    log file as an I/O error rather than as a full disk)."""
    import shutil

    try:
        return shutil.disk_usage(path.parent).free < 64 * 1024
    except OSError:
        return False


@dataclass(frozen=True, slots=True)
class Health:
    """How the library was opened: writable, or read-only and why."""

    read_only: bool = False
    reason: str | None = None
    """One line for the user when read-only; None when the library is fine."""
    damaged: bool = False
    unclean: bool = False
    """A write-ahead log was left behind: the last program did not close the library."""
    backup: Path | None = None
    """The newest verified backup beside the library, if any (looked for when read-only)."""


@dataclass(frozen=True, slots=True)
class MigrationReport:
    """What opening did: the revision found, the one now in force, and the backup if one was made."""

    found: str | None
    current: str
    backup: Path | None


def _set_pragmas(dbapi_connection: Any, foreign_keys: bool, read_only: bool = False) -> None:
    # pysqlite's own transaction handling would emit BEGIN late and never IMMEDIATE; take it over
    # (the documented SQLAlchemy recipe for SQLite transactions).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        if not read_only:  # setting the journal mode writes to the file
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
    finally:
        cursor.close()


def _read_only_uri(path: Path) -> str:
    """A read-only SQLite URI; `immutable` where the folder cannot hold the WAL's shared-memory
    file (SQLite could not open the library at all then)."""
    from urllib.parse import quote

    uri = f"file:{quote(str(path))}?mode=ro"
    wal = Path(f"{path}-wal")
    if not os.access(path.parent, os.W_OK) and not (wal.exists() and wal.stat().st_size):
        uri += "&immutable=1"
    return uri


def _make_engine(path: Path, *, foreign_keys: bool = True, single: bool = False,
                 read_only: bool = False) -> Engine:
    kwargs: dict[str, Any] = {"poolclass": NullPool} if single else {}
    if read_only:
        uri = _read_only_uri(path)
        kwargs["creator"] = lambda: sqlite3.connect(uri, uri=True, check_same_thread=False)
    engine = create_engine(f"sqlite:///{path}", **kwargs)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        _set_pragmas(dbapi_connection, foreign_keys, read_only)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        options = conn.get_execution_options()
        mode = options.get("sqlite_begin", "DEFERRED")
        quick = options.get("sqlite_busy_ms")
        if quick is None:
            conn.exec_driver_sql(f"BEGIN {mode}")
            return
        # A first try that gives up quickly, so a wait can be announced at once.
        conn.exec_driver_sql(f"PRAGMA busy_timeout={int(quick)}")
        try:
            conn.exec_driver_sql(f"BEGIN {mode}")
        finally:
            conn.exec_driver_sql(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")

    return engine


class Database:
    """The open library: short read and write transactions as sessions.

    Sessions do not expire objects on commit, but callers never see ORM rows anyway:
    db.repository turns them into plain objects inside the transaction.
    """

    dialect = "sqlite"
    """Which database holds the library (db.server.ServerDatabase says "postgresql")."""

    def __init__(self, path: Path, engine: Engine, report: MigrationReport,
                 health: Health | None = None) -> None:
        self.path = path
        self.report = report
        self.health = health or Health()
        self.write_wait = WRITE_WAIT_SECONDS
        self.on_wait: Callable[[float], None] | None = None
        """Called (with the seconds waited so far) each time a write finds the lock still held."""
        self._engine = engine
        self._writer = engine.execution_options(sqlite_begin="IMMEDIATE")
        self._quick_writer = engine.execution_options(sqlite_begin="IMMEDIATE",
                                                      sqlite_busy_ms=_FIRST_TRY_MS)

    @property
    def read_only(self) -> bool:
        return self.health.read_only

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A consistent snapshot for reading (deferred BEGIN; never blocks writers in WAL)."""
        try:
            with Session(self._engine, expire_on_commit=False) as session, session.begin():
                yield session
        except (DBAPIError, sqlite3.Error) as exc:  # sqlite3's own: the driver cursor in search
            raise explain(exc, self.path) or exc from None

    @contextmanager
    def write(self, *, wait: bool = True) -> Iterator[Session]:
        """One short write transaction, committed (and synced) when the block ends.

        While another program holds the lock, the start is retried (calling `on_wait`) for up
        to `write_wait` seconds; `wait=False` gives up after the first busy timeout. Nothing is
        written to a library open read-only.
        """
        if self.health.read_only:
            raise LibraryReadOnlyError(f"{self.path.name}: {self.health.reason}; "
                                       "this change was not saved")
        started = time.monotonic()
        writer = self._quick_writer
        while True:
            session = Session(writer, expire_on_commit=False)
            try:
                session.begin()
                session.connection()  # BEGIN IMMEDIATE: the lock, or busy after the timeout
            except OperationalError as exc:
                session.close()
                problem = explain(exc, self.path)
                waited = time.monotonic() - started
                if (isinstance(problem, DatabaseBusyError) and wait
                        and waited < self.write_wait):
                    if self.on_wait is not None:
                        self.on_wait(waited)
                    writer = self._writer  # then busy_timeout at a time
                    continue
                raise problem or exc from None
            break
        try:
            with session:
                yield session
                session.commit()
        except (DBAPIError, sqlite3.Error) as exc:
            raise explain(exc, self.path) or exc from None

    def integrity_check(self) -> str:
        """SQLite's own check: 'ok', or the first problem it reports."""
        return self.full_check()

    def full_check(self) -> str:
        """The complete `PRAGMA integrity_check` (seconds on a large library: run it off the
        UI thread): 'ok', or the first problem."""
        try:
            with self._engine.connect() as conn:
                rows = conn.exec_driver_sql("PRAGMA integrity_check").fetchall()
        except DBAPIError as exc:
            return str(exc.orig)
        return "ok" if [r[0] for r in rows] == ["ok"] else str(rows[0][0])

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_database(path: Path | str, *, migrate: bool = True, check: bool = True,
                  allow_migration: bool = False) -> Database:
    """Open (creating if needed) the library at `path`, migrating it to head first if it is older.

    Raises a `DatabaseError` subclass, with a one-line message, for a newer schema, a file that
    is not a library, a failed backup, or a folder that cannot be created. A library that is
    damaged (`check`: `PRAGMA quick_check`) or cannot be written opens read-only, with
    `Database.health` saying why.

    A `postgresql://` URL opens a team library on a server instead (db.server); there an
    older schema is migrated only with `allow_migration`, since the app cannot back it up.
    """
    if isinstance(path, str) and path.lower().startswith(_SERVER_SCHEMES):
        from db.server import open_server

        return open_server(path, migrate=migrate, allow_migration=allow_migration)
    path = Path(path).expanduser().resolve()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseError(f"{path.parent}: cannot create the library folder "
                            f"({exc.strerror or exc})") from None
    unclean = _unclean(path)
    read_only_reason = _unwritable(path)
    if read_only_reason is not None:
        if not path.exists() or path.stat().st_size == 0:
            raise LibraryReadOnlyError(f"{path.name}: cannot create the library here "
                                       f"({read_only_reason})")
        return _open_read_only(path, read_only_reason, unclean=unclean)
    found = _revision_or_damage(path)
    if isinstance(found, Health):
        return _open_read_only(path, found.reason or "damaged", unclean=unclean,
                               damaged=True)
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
        try:
            if found is not None:
                backup = backup_database(path, found)
            upgrade(path, HEAD_REVISION)
        except DatabaseError:
            if not _migrated_by_another(path):
                raise
            backup = None  # the app that migrated it took the backup
    elif check:
        problem = quick_check(path)
        if problem is not None:
            return _open_read_only(path, problem, unclean=unclean, damaged=True)
    engine = _make_engine(path)
    return Database(path, engine, MigrationReport(found, HEAD_REVISION, backup),
                    Health(unclean=unclean))


MIGRATION_WAIT_S = 60.0
"""How long an app waits for another that is migrating the same library."""


def _migrated_by_another(path: Path, wait_s: float = MIGRATION_WAIT_S) -> bool:
    """After a backup or migration failed: whether another app was migrating the library at
    that moment (it holds the write lock) and has now finished it. Two apps starting on an
    old library at once both try; the second's backup can find the file locked."""
    deadline = time.monotonic() + wait_s
    while True:
        locked = _write_locked(path)
        try:
            if read_revision(path) == HEAD_REVISION:
                return True
        except DatabaseError:
            pass
        if not locked or time.monotonic() > deadline:
            return False
        time.sleep(0.1)


def _write_locked(path: Path) -> bool:
    """Whether some connection holds the library's write lock right now."""
    try:
        with closing(sqlite3.connect(path, timeout=0)) as conn:
            conn.execute("BEGIN IMMEDIATE")
            conn.rollback()
    except sqlite3.OperationalError:
        return True
    return False


def _unclean(path: Path) -> bool:
    wal = Path(f"{path}-wal")
    try:
        return wal.stat().st_size > 0
    except OSError:
        return False


def _unwritable(path: Path) -> str | None:
    """Why the library cannot be written, or None. Checked before SQLite tries (it would say
    "unable to open database file", or worse, that the file is not a library)."""
    if path.exists() and not os.access(path, os.W_OK):
        return "the library file is read-only"
    if not os.access(path.parent, os.W_OK):
        return "the library's folder is read-only"
    return None


def _revision_or_damage(path: Path) -> str | Health | None:
    """The schema revision, or a `Health` saying the file is damaged (not: not a library)."""
    try:
        return read_revision(path)
    except LibraryDamagedError as exc:
        return Health(read_only=True, reason=str(exc), damaged=True)


def quick_check(path: Path) -> str | None:
    """None when `PRAGMA quick_check` passes; else the reason, one line."""
    try:  # read-only: closing must not checkpoint a left-over log into a damaged file
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True,
                                     timeout=BUSY_TIMEOUT_MS / 1000)) as conn:
            rows = [r[0] for r in conn.execute("PRAGMA quick_check")]
    except sqlite3.Error as exc:
        problem = explain(exc, path)
        if isinstance(problem, LibraryDamagedError):
            return f"the library file is damaged ({exc})"
        if problem is not None and not isinstance(problem, DatabaseBusyError):
            raise problem from None
        return None  # busy: someone is writing; the check runs at the next open
    if rows == ["ok"]:
        return None
    first = str(rows[0]).replace("*** in database main ***", "")
    return f"the library file is damaged ({' '.join(first.split())})"


def latest_backup(path: Path) -> Path | None:
    """The newest backup copy beside the library that passes `integrity_check`."""
    candidates = sorted(path.parent.glob(f"{path.name}.bak-*"),
                        key=lambda p: p.stat().st_mtime, reverse=True)
    for candidate in candidates:
        if candidate.name.endswith(("-wal", "-shm")):
            continue
        try:
            with closing(sqlite3.connect(f"file:{candidate}?mode=ro", uri=True)) as conn:
                if [r[0] for r in conn.execute("PRAGMA quick_check")] == ["ok"]:
                    return candidate
        except sqlite3.Error:
            continue
    return None


def _open_read_only(path: Path, reason: str, *, unclean: bool,
                    damaged: bool = False) -> Database:
    backup = latest_backup(path)
    if damaged:
        where = (f"the last verified backup is {backup.name} (`reader library restore`)"
                 if backup else "there is no verified backup")
        reason = (f"{reason.removeprefix(path.name + ': ')}; opened read-only, {where}; "
                  "`reader library check` salvages what can be read into a new file")
    else:
        reason = f"{reason}; opened read-only"
    found: str | None
    try:
        found = read_revision(path) if not damaged else None
    except DatabaseError:
        found = None
    engine = _make_engine(path, read_only=True)
    return Database(path, engine, MigrationReport(found, found or HEAD_REVISION, None),
                    Health(read_only=True, reason=reason, damaged=damaged, unclean=unclean,
                           backup=backup))


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
    except sqlite3.Error as exc:
        problem = explain(exc, path)
        if (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF == _SQLITE_NOTADB:
            raise NotALibraryError(f"{path.name}: not a Transcript Reader library ({exc})") \
                from None
        raise problem or DatabaseError(f"{path.name}: {exc}") from None
    if len(rows) != 1:
        raise NotALibraryError(f"{path.name}: the library's schema revision is damaged "
                               f"({len(rows)} revision rows)")
    return str(rows[0][0])


def _table_counts(conn: sqlite3.Connection) -> dict[str, int]:
    names = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    return {n: int(conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0]) for n in names}


ROUTINE_BACKUP_DAYS = 7
ROUTINE_BACKUPS_KEPT = 3


def routine_backup(db: Database, *, every: timedelta = timedelta(days=ROUTINE_BACKUP_DAYS),
                   keep: int = ROUTINE_BACKUPS_KEPT) -> Path | None:
    """A verified copy of a healthy library when the newest backup beside it is older than
    `every`, so that damage always has a recent backup to restore; the `keep` newest routine
    copies stay (backups taken before migrations are never pruned). None when none was due.
    """
    path = db.path
    if db.health.read_only or db.dialect != "sqlite":  # a server's backups are the DBA's
        return None
    backups = [p for p in path.parent.glob(f"{path.name}.bak-*")
               if not p.name.endswith(("-wal", "-shm"))]
    newest = max((p.stat().st_mtime for p in backups), default=None)
    if newest is not None and datetime.now(UTC).timestamp() - newest < every.total_seconds():
        return None
    with db.read() as s:
        if not s.connection().exec_driver_sql("SELECT 1 FROM transcripts LIMIT 1").first():
            return None  # nothing worth keeping yet
    target = backup_database(path, HEAD_REVISION, label="routine")
    routine = sorted((p for p in backups if p.name.endswith("-routine")),
                     key=lambda p: p.stat().st_mtime, reverse=True)
    for old in routine[max(0, keep - 1):]:
        old.unlink(missing_ok=True)
    return target


def backup_database(path: Path, revision: str, *, label: str = "") -> Path:
    """Copy the live database with the online backup API, then prove the copy is sound.

    Returns the backup's path; raises `BackupError` (and removes a bad copy) otherwise.
    """
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    tail = f"-{label}" if label else ""
    target = path.with_name(f"{path.name}.bak-{revision}-{stamp}{tail}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.bak-{revision}-{stamp}-{n}{tail}")
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


def upgrade(path: Path | str, target: str = HEAD_REVISION) -> None:
    """Run the migrations up to `target` in one transaction (exposed for tests of old schemas).

    Foreign keys are off while batch mode rebuilds tables (dropping a table with them on would
    cascade deletes), and `PRAGMA foreign_key_check` must come back empty before the commit.
    BEGIN IMMEDIATE makes two apps starting at once migrate one after the other: the second
    then finds the schema already at `target` inside its own transaction and does nothing.
    """
    from alembic import command

    if isinstance(path, str) and path.lower().startswith(_SERVER_SCHEMES):
        from db.server import upgrade_url

        upgrade_url(path, target)
        return
    path = Path(path)
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
