"""A team library on a PostgreSQL server: opening it by URL, its errors, migrating with consent.

A library is a file path (SQLite, the default) or a `postgresql://` URL (psycopg 3). The URL
follows libpq's conventions, and so do credentials: `~/.pgpass`, `PGPASSWORD`, service files
(`postgresql:///?service=desk`), `sslmode`; the app stores none of them, and a password
written in the URL is never shown (`display_name`).

What is SQLite's alone stays in db.engine: PRAGMAs, WAL, the file backups and their
verification, salvage, read-only file checks. On a server, durability and backups are the
DBA's (`pg_dump`), so a library that needs migrating is not migrated silently: opening it
says what the migration will change and is refused until the caller consents
(`allow_migration`, the CLI's `--yes`). The migration then runs in one transaction (DDL is
transactional in PostgreSQL) under an advisory lock, so two clients starting at once migrate
it once.
"""

from __future__ import annotations

import json
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from urllib.parse import parse_qs, urlsplit

# SQLAlchemy at module level, allowed here only: db/ is the layer that exists to use it.
from sqlalchemy import Connection, Engine, create_engine  # noqa: TID253
from sqlalchemy.exc import DBAPIError  # noqa: TID253
from sqlalchemy.orm import Session  # noqa: TID253

from db.engine import (
    HEAD_REVISION,
    KNOWN_REVISIONS,
    Database,
    DatabaseBusyError,
    DatabaseError,
    DatabaseTooNewError,
    DiskFullError,
    Health,
    LibraryReadOnlyError,
    MigrationReport,
    NotALibraryError,
    alembic_config,
)

SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://")
_MIGRATION_LOCK = 0x7472_6561_6465_72  # pg_advisory_xact_lock key: "reader" in hex, any constant
CHANNEL = "reader_changes"
"""Where migration 0008's trigger announces written highlights and calls."""


class MigrationConsentError(DatabaseError):
    """A server library needs migrating and the caller has not said yes (`--yes`)."""


class ServerUnreachableError(DatabaseError):
    """The library's server cannot be reached (down, wrong address, refused, timed out)."""


def is_server_url(location: object) -> bool:
    """Whether a library location names a PostgreSQL server rather than a file."""
    return isinstance(location, str) and location.lower().startswith(SCHEMES)


def sqlalchemy_url(url: str) -> str:
    """The URL with psycopg 3 named as SQLAlchemy's driver (libpq reads the rest as it is)."""
    scheme, rest = url.split("://", 1)
    return f"postgresql+psycopg://{rest}" if scheme.lower() != "postgresql+psycopg" else url


def display_name(url: str) -> str:
    """`database@host` for messages: no password, no path separators (a socket folder is
    named as the local socket)."""
    parts = urlsplit(url)
    query = parse_qs(parts.query)
    database = parts.path.lstrip("/") or query.get("dbname", [""])[0]
    service = query.get("service", [""])[0]
    host = parts.hostname or query.get("host", [""])[0]
    if not host or host.startswith("/"):
        host = "local socket"
    if service and not database:
        return f"service {service}"
    return f"{database or 'default database'}@{host}"


def explain_server(exc: BaseException, name: str) -> DatabaseError | None:
    """The one-line `DatabaseError` for a server failure; None for errors that are not about
    the library (constraint violations, bugs)."""
    import psycopg
    from psycopg import errors as pgerr

    orig = exc.orig if isinstance(exc, DBAPIError) else exc
    if isinstance(orig, pgerr.UniqueViolation):
        # Another client stored the same call or tag in the same moment: a race, not a bug.
        return DatabaseBusyError(f"{name}: another client saved the same thing at the same "
                                 "moment; nothing was saved, try again")
    if not isinstance(orig, psycopg.Error) or isinstance(orig, pgerr.IntegrityError):
        return None
    text = " ".join(str(orig).split())
    if isinstance(orig, pgerr.InsufficientPrivilege | pgerr.ReadOnlySqlTransaction):
        return LibraryReadOnlyError(f"{name}: the server refused the change ({text}); "
                                    "nothing was saved")
    if isinstance(orig, pgerr.LockNotAvailable | pgerr.SerializationFailure
                  | pgerr.DeadlockDetected):
        return DatabaseBusyError(f"{name}: the library is busy (another client holds the "
                                 "rows); try again")
    if isinstance(orig, pgerr.DiskFull | pgerr.OutOfMemory):
        return DiskFullError(f"{name}: the library's server has no room ({text}); nothing "
                             "was saved")
    if isinstance(orig, psycopg.OperationalError):
        return ServerUnreachableError(f"{name}: cannot reach the library's server ({text})")
    return DatabaseError(f"{name}: library error ({text})")


class ServerDatabase(Database):
    """An open team library: the same sessions as a file library, row locks instead of the
    file's write lock (no busy wait), and no file checks."""

    dialect = "postgresql"

    def __init__(self, url: str, engine: Engine, report: MigrationReport,
                 client: str = "") -> None:
        from pathlib import Path

        self.url = url
        self.client = client
        """This library's `application_name` on the server: its own change notices say it."""
        self.name = display_name(url)
        # `path.name` is what messages name; a server library has no file.
        super().__init__(Path(self.name.replace("/", "_")), engine, report, Health())

    @contextmanager
    def read(self) -> Iterator[Session]:
        try:
            with Session(self._engine, expire_on_commit=False) as session, session.begin():
                yield session
        except DBAPIError as exc:
            raise explain_server(exc, self.name) or exc from None

    @contextmanager
    def write(self, *, wait: bool = True) -> Iterator[Session]:
        try:
            with Session(self._engine, expire_on_commit=False) as session:
                session.begin()
                yield session
                session.commit()
        except DBAPIError as exc:
            raise explain_server(exc, self.name) or exc from None

    def full_check(self) -> str:
        """The server checks its own pages; here only that it answers."""
        try:
            with self._engine.connect() as conn:
                conn.exec_driver_sql("SELECT 1")
        except DBAPIError as exc:
            return " ".join(str(exc.orig).split())
        return "ok"


def make_engine(url: str, client: str = "transcript-reader") -> Engine:
    # pre_ping: a connection the server dropped (restart, idle timeout) is replaced, not used.
    return create_engine(sqlalchemy_url(url), pool_pre_ping=True, pool_size=2, max_overflow=4,
                         connect_args={"connect_timeout": 10, "application_name": client})


def read_revision(conn: Connection, name: str) -> str | None:
    """The schema revision in the database; None for an empty (new) one."""
    tables = {r[0] for r in conn.exec_driver_sql(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")}
    if "alembic_version" not in tables:
        if tables:
            raise NotALibraryError(f"{name}: this database is not a Transcript Reader library "
                                   "(it has tables but no schema revision)")
        return None
    rows = conn.exec_driver_sql("SELECT version_num FROM alembic_version").fetchall()
    if len(rows) != 1:
        raise NotALibraryError(f"{name}: the library's schema revision is damaged "
                               f"({len(rows)} revision rows)")
    return str(rows[0][0])


def pending_changes(found: str | None) -> list[str]:
    """What migrating from `found` to head will change: each migration's one-line summary."""
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(alembic_config())
    start = KNOWN_REVISIONS.index(found) + 1 if found else 0
    out = []
    for rev in KNOWN_REVISIONS[start:]:
        doc = (scripts.get_revision(rev).module.__doc__ or "").strip()
        out.append(f"{rev}: {doc.splitlines()[0].rstrip('.') if doc else 'schema change'}")
    return out


def open_server(url: str, *, migrate: bool = True, allow_migration: bool = False
                ) -> ServerDatabase:
    """Open the team library at `url`, creating its schema in an empty database; a library at
    an older revision is migrated only with `allow_migration` (see the module docstring)."""
    name = display_name(url)
    client = f"transcript-reader {uuid.uuid4().hex[:12]}"
    engine = make_engine(url, client)
    try:
        with engine.connect() as conn:
            found = read_revision(conn, name)
            conn.rollback()
        if found != HEAD_REVISION:
            if found is not None and found not in KNOWN_REVISIONS:
                raise DatabaseTooNewError(
                    f"{name}: this library was written by a newer version of the app (schema "
                    f"revision {found}; this version knows up to {HEAD_REVISION}); update the "
                    "app")
            if not migrate:
                raise DatabaseError(f"{name}: library schema {found or 'none'} needs "
                                    f"migrating to {HEAD_REVISION}")
            if found is not None and not allow_migration:
                changes = "; ".join(pending_changes(found))
                raise MigrationConsentError(
                    f"{name}: the team library is at schema {found} and this version needs "
                    f"{HEAD_REVISION}; migrating will change: {changes}. The app makes no "
                    "backup of a server library: take one with pg_dump (or ask the DBA), then "
                    "run again with --yes to migrate")
            upgrade_server(engine, HEAD_REVISION, name)
    except DBAPIError as exc:
        engine.dispose()
        raise explain_server(exc, name) or exc from None
    except BaseException:
        engine.dispose()
        raise
    return ServerDatabase(url, engine, MigrationReport(found, HEAD_REVISION, None), client)


def upgrade_server(engine: Engine, target: str, name: str) -> None:
    """Run the migrations up to `target` in one transaction, one client at a time."""
    from alembic import command

    with engine.connect() as conn:
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_MIGRATION_LOCK})")
        command.upgrade(alembic_config(conn), target)
        sync_sequences(conn)
        conn.commit()


SERIAL_TABLES = ("transcripts", "highlights", "tags", "search_units")
"""Tables whose ids come from a sequence on the server."""


def sync_sequences(conn: Connection) -> None:
    """Move each id sequence past the largest id stored: rows written with their ids (by an
    older version, a copy from a file library, an undo) must not collide with new ones."""
    tables = {r[0] for r in conn.exec_driver_sql(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")}
    for table in SERIAL_TABLES:
        if table in tables:
            conn.exec_driver_sql(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"coalesce((SELECT max(id) FROM {table}), 0) + 1, false)")


def upgrade_url(url: str, target: str = HEAD_REVISION) -> None:
    """`db.engine.upgrade` for a server library (tests of old schemas use it)."""
    engine = make_engine(url)
    try:
        upgrade_server(engine, target, display_name(url))
    finally:
        engine.dispose()



ChangeCallback = Callable[[frozenset[int], frozenset[int]], None]
"""(call ids, highlight ids) that another client wrote."""
StatusCallback = Callable[[str | None], None]
"""None: listening (again); else one line saying the server cannot be reached."""


class ChangeListener:
    """Hears other clients' writes (LISTEN on migration 0008's channel) on a thread of its own.

    Notices that arrive together are handed over together, at most every `quiet` seconds.
    When the connection goes, `on_status` is told in one line and the listener tries again
    (1, 2, 4 … up to 10 s apart); when it is back, `on_status(None)`, and `on_change` is told
    that anything may have changed meanwhile (empty sets: reload what you show).
    """

    def __init__(self, db: ServerDatabase, on_change: ChangeCallback,
                 on_status: StatusCallback | None = None, *, quiet: float = 0.3) -> None:
        self._db = db
        self._on_change = on_change
        self._on_status = on_status
        self._quiet = quiet
        self._stop = threading.Event()
        self.listening = threading.Event()
        self._thread = threading.Thread(target=self._run, name="library-changes", daemon=True)

    def start(self) -> ChangeListener:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(5)

    def _run(self) -> None:
        import psycopg

        delay = 1.0
        lost = False
        while not self._stop.is_set():
            try:
                with psycopg.connect(self._db.url, autocommit=True, connect_timeout=5,
                                     application_name=f"{self._db.client} listener") as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    self.listening.set()
                    if lost:
                        lost = False
                        self._status(None)
                        self._on_change(frozenset(), frozenset())  # missed meanwhile
                    delay = 1.0
                    self._listen(conn)
            except psycopg.Error as exc:
                self.listening.clear()
                if self._stop.is_set():
                    return
                if not lost:
                    lost = True
                    detail = " ".join(str(exc).split()) or type(exc).__name__
                    self._status(f"{self._db.name}: the library's server cannot be reached "
                                 f"({detail}); changes by others will show when it is back")
                self._stop.wait(delay)
                delay = min(delay * 2, 10.0)

    def _listen(self, conn: object) -> None:
        import psycopg

        assert isinstance(conn, psycopg.Connection)
        while not self._stop.is_set():
            calls: set[int] = set()
            highlights: set[int] = set()
            for notice in conn.notifies(timeout=self._quiet):
                try:
                    data = json.loads(notice.payload)
                except ValueError:
                    continue
                if data.get("client") == self._db.client:
                    continue  # our own write: this client has told its views already
                if isinstance(data.get("transcript_id"), int):
                    calls.add(data["transcript_id"])
                if data.get("table") == "highlights" and isinstance(data.get("id"), int):
                    highlights.add(data["id"])
            if calls or highlights:
                self._on_change(frozenset(calls), frozenset(highlights))
            conn.execute("SELECT 1")  # a dead connection says so here, not never

    def _status(self, line: str | None) -> None:
        if self._on_status is not None:
            self._on_status(line)
