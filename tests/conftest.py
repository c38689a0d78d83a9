"""Shared test fixtures: where the example files live, and isolation from the user's data."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"
SHARED = REPO.parent / "shared"


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture
def seeds_dir() -> Path:
    """The real transcripts kept beside the repo; tests that need them skip without them."""
    seeds = SHARED / "seeds"
    if not seeds.is_dir():
        pytest.skip(f"real seed transcripts not found at {seeds} (they live beside the repo, "
                    "in shared/seeds)")
    return seeds


@pytest.fixture
def corpus_dir() -> Path:
    corpus = SHARED / "corpus"
    if not corpus.is_dir():
        pytest.skip(f"transcript corpus not found at {corpus}")
    return corpus


# --- PostgreSQL ----------------------------------------------------------------------------------

PG_ENV = "TRANSCRIPT_READER_TEST_PG"
"""A server to test against (`postgresql://user@host/db`); unset: a throw-away cluster."""
PG_REQUIRED_ENV = "TRANSCRIPT_READER_REQUIRE_PG"
"""`1` (CI): no server is a failure of every test marked `postgres`, not a skip."""


def _no_server(reason: str) -> None:
    if os.environ.get(PG_REQUIRED_ENV) == "1":
        pytest.fail(f"no PostgreSQL server for the postgres tests: {reason} "
                    f"({PG_REQUIRED_ENV}=1 says they must run)", pytrace=False)
    pytest.skip(f"no PostgreSQL server: {reason} (set {PG_ENV} to a server's URL, or install "
                "PostgreSQL's server programs for a throw-away cluster)")


def _server_answers(url: str) -> str | None:
    """None when `url` takes a connection; else why not, in one line."""
    import psycopg

    try:
        with psycopg.connect(url, connect_timeout=10, autocommit=True) as conn:
            conn.execute("SELECT 1")
    except psycopg.Error as exc:
        return " ".join(str(exc).split())
    return None


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """The URL of a PostgreSQL server's maintenance database, for the whole test session:
    $TRANSCRIPT_READER_TEST_PG if set, else a throw-away cluster started here and stopped at
    the end (tests/pg_cluster.py). A failure to get one is cached by pytest like any
    session fixture's, so the server is tried once per session."""
    url = os.environ.get(PG_ENV)
    if url:
        problem = _server_answers(url)
        if problem is not None:
            _no_server(f"{PG_ENV} does not answer ({problem})")
        yield url
        return
    from pg_cluster import ClusterError, start_cluster

    try:
        cluster = start_cluster()
    except ClusterError as exc:
        _no_server(str(exc))
        raise AssertionError("unreachable") from None
    try:
        yield cluster.url()
    finally:
        cluster.stop()


def with_database(url: str, database: str) -> str:
    """`url` naming another database on the same server (host, user and options kept)."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{database}"))


@pytest.fixture
def pg_url(pg_server: str) -> Iterator[str]:
    """A new, empty database for one test, dropped afterwards: tests never see each other's."""
    import psycopg

    name = f"trtest_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(pg_server, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield with_database(pg_server, name)
    finally:
        with psycopg.connect(pg_server, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(autouse=True)
def _postgres_marked(request: pytest.FixtureRequest) -> None:
    """A test marked `postgres` gets the server (or skips, saying why) even if it asks for no
    fixture of it; one that uses the server without the mark is a mistake to catch."""
    if request.node.get_closest_marker("postgres") is not None:
        request.getfixturevalue("pg_server")
    elif "pg_server" in request.fixturenames:
        pytest.fail("a test that uses the PostgreSQL server must be marked postgres",
                    pytrace=False)
