"""The services' own error types, and the one door where db's errors become them.

The CLI and the window catch these and show their one-line message; they never need to
import db to know what went wrong. `LibraryError` is an `AnnotationError` because the
annotation service is the library's only door: a caller that already shows annotation
errors shows an unusable library the same way.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from db.engine import Database, DatabaseError, MigrationReport

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


class ServiceError(ValueError):
    """A one-line message for the user (the CLI prints it and exits with status 2)."""


class AnnotationError(ServiceError):
    """Something the annotation library cannot do as asked, said in one line."""


class LibraryError(AnnotationError):
    """The library file cannot be used: not a library, too new, busy, or it failed to migrate.

    Raised in place of db.engine.DatabaseError, with its message.
    """


@contextmanager
def library_errors() -> Iterator[None]:
    """Turn a db.engine.DatabaseError raised inside the block into a `LibraryError`."""
    try:
        yield
    except DatabaseError as exc:
        raise LibraryError(str(exc)) from exc


class GuardedDatabase:
    """The library database as the services hold it: its errors come out as `LibraryError`.

    Wraps db.engine.Database (read and write transactions, report, close) so that every
    service call, whichever caller makes it, speaks only the services' error types.
    """

    def __init__(self, db: Database | GuardedDatabase) -> None:
        self.inner: Database = db.inner if isinstance(db, GuardedDatabase) else db

    @property
    def path(self) -> Path:
        return self.inner.path

    @property
    def report(self) -> MigrationReport:
        return self.inner.report

    @contextmanager
    def read(self) -> Iterator[Session]:
        with library_errors(), self.inner.read() as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        with library_errors(), self.inner.write() as session:
            yield session

    def integrity_check(self) -> str:
        with library_errors():
            return self.inner.integrity_check()

    def close(self) -> None:
        self.inner.close()
