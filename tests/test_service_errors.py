"""The services speak their own error types: db's DatabaseError never reaches a caller."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from db.engine import DatabaseBusyError, DatabaseError, LibraryReadOnlyError
from reader.services.annotations import AnnotationError, AnnotationService
from reader.services.errors import LibraryError, ServiceError, speaks_service_errors
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


def test_a_busy_library_is_a_library_error_on_any_call(tmp_path: Path, monkeypatch) -> None:
    with AnnotationService.open(tmp_path / "library.db") as service:
        def busy(**_kwargs: object) -> None:
            raise DatabaseBusyError("library.db: the library is busy; try again")

        monkeypatch.setattr(service.db, "write", busy)
        with pytest.raises(LibraryError, match="busy") as caught:
            service.rename_colour(service.colours()[0].key, "Guidance")
        assert isinstance(caught.value.__cause__, DatabaseBusyError)


def test_inside_the_services_db_errors_keep_their_type() -> None:
    # Only the outermost call translates: a service calling a service can still tell a
    # read-only library from another failure.
    @speaks_service_errors
    class Outer:
        def inner(self) -> None:
            raise LibraryReadOnlyError("library.db: opened read-only")

        def outer(self) -> str:
            try:
                self.inner()
            except LibraryReadOnlyError:
                return "went on"
            return "not reached"

    assert Outer().outer() == "went on"
    with pytest.raises(LibraryError, match="read-only"):
        Outer().inner()


def test_search_errors_are_service_errors(tmp_path: Path) -> None:
    with AnnotationService.open(tmp_path / "library.db") as service:
        with pytest.raises(SearchError) as caught:
            SearchService(service.db).search("revenue", SearchFilters(period_from="sometime"))
        assert isinstance(caught.value, ServiceError)
