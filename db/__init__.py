"""Persistence for the annotation library: SQLAlchemy models, engine set-up, migrations, repository.

Only this package imports SQLAlchemy; callers get plain objects from `db.repository`.
"""

from db.engine import (
    HEAD_REVISION,
    BackupError,
    Database,
    DatabaseBusyError,
    DatabaseError,
    DatabaseTooNewError,
    DiskFullError,
    Health,
    LibraryDamagedError,
    LibraryReadOnlyError,
    NotALibraryError,
    open_database,
)

__all__ = [
    "HEAD_REVISION",
    "BackupError",
    "Database",
    "DatabaseBusyError",
    "DatabaseError",
    "DatabaseTooNewError",
    "DiskFullError",
    "Health",
    "LibraryDamagedError",
    "LibraryReadOnlyError",
    "NotALibraryError",
    "open_database",
]
