"""Fixtures for library tests: a fresh library file per test, never the user's own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.services.annotations import AnnotationService
from reader.services.paths import ENV_VAR

LANTING = Path(__file__).resolve().parents[1] / "fixtures" / "quartr_lanting_q2_2024.txt"


@pytest.fixture(autouse=True)
def _isolated_library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Anything that falls back to the default library lands in tmp_path instead."""
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "default-library.sqlite3"))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "library.sqlite3"


@pytest.fixture
def service(db_path: Path) -> Iterator[AnnotationService]:
    with AnnotationService.open(db_path) as svc:
        yield svc


@pytest.fixture
def lanting_path() -> Path:
    return LANTING


@pytest.fixture
def lanting_text() -> str:
    return LANTING.read_text(encoding="utf-8")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def library(request: pytest.FixtureRequest, db_path: Path) -> str | Path:
    """A new library's location on each backend: a file, and a database on the test server."""
    if request.param == "sqlite":
        return db_path
    url: str = request.getfixturevalue("pg_url")
    return url


@pytest.fixture
def any_service(library: str | Path) -> Iterator[AnnotationService]:
    """The annotation service on a new library, once per backend."""
    with AnnotationService.open(library) as svc:
        yield svc
