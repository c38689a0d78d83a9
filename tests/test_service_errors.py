"""The services speak their own error types: db's DatabaseError never reaches a caller."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from db.engine import DatabaseBusyError, DatabaseError, open_database
from reader.services.annotations import AnnotationError, AnnotationService
from reader.services.errors import GuardedDatabase, LibraryError, ServiceError
from reader.services.search import SearchError, SearchFilters, SearchService


def test_a_file_that_is_not_a_library_is_a_library_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE shopping (item TEXT)")
    with pytest.raises(LibraryError) as caught:
        AnnotationService.open(path)
    assert not isinstance(caught.value, DatabaseError)
    assert isinstance(caught.value, AnnotationError | ServiceError)
    assert "notes.db" in str(caught.value) and "\n" not in str(caught.value)


def test_a_busy_library_is_a_library_error_on_any_write(tmp_path: Path, monkeypatch) -> None:
    db = open_database(tmp_path / "library.db")
    guarded = GuardedDatabase(db)

    def busy() -> None:
        raise DatabaseBusyError("library.db: the library is busy; try again")

    monkeypatch.setattr(db, "write", busy)
    try:
        with pytest.raises(LibraryError, match="busy"), guarded.write():
            pass
        assert GuardedDatabase(guarded).inner is db  # wrapping twice wraps once
    finally:
        db.close()


def test_search_errors_are_service_errors(tmp_path: Path) -> None:
    with AnnotationService.open(tmp_path / "library.db") as service:
        with pytest.raises(SearchError) as caught:
            SearchService(service.db).search("revenue", SearchFilters(period_from="sometime"))
        assert isinstance(caught.value, ServiceError)
