"""The PostgreSQL test server itself: a throw-away cluster works (as root too), each test gets
its own database, and a missing server skips, saying why, or fails where it is required."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from pg_cluster import start_cluster

REPO = Path(__file__).resolve().parents[2]

@pytest.mark.postgres
def test_each_test_gets_an_empty_database_of_its_own(pg_url: str, pg_server: str) -> None:
    with psycopg.connect(pg_url) as conn:
        name = conn.execute("SELECT current_database()").fetchone()
        tables = conn.execute("SELECT count(*) FROM information_schema.tables "
                              "WHERE table_schema = 'public'").fetchone()
        conn.execute("CREATE TABLE t (x text)")
        conn.execute("INSERT INTO t VALUES ('营收')")
        assert conn.execute("SELECT x FROM t").fetchone() == ("营收",)
    assert name is not None and name[0].startswith("trtest_")
    assert tables == (0,)
    with psycopg.connect(pg_server) as conn:
        assert conn.execute("SELECT current_database()").fetchone() != name


@pytest.mark.postgres
def test_a_throwaway_cluster_starts_and_is_gone_when_stopped() -> None:
    cluster = start_cluster()
    try:
        if os.geteuid() == 0:  # initdb refuses root: the server runs as another account
            assert cluster.user in ("postgres", "nobody")
        with psycopg.connect(cluster.url()) as conn:
            assert conn.execute("SHOW server_encoding").fetchone() == ("UTF8",)
            assert conn.execute("SHOW listen_addresses").fetchone() == ("",)
    finally:
        cluster.stop()
    assert not cluster.folder.exists()
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(cluster.url(), connect_timeout=2)


def _run_server_test(required: bool) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TRANSCRIPT_READER_TEST_PG":
           "postgresql://nobody@/postgres?host=/nonexistent-socket-folder"}
    env.pop("TRANSCRIPT_READER_REQUIRE_PG", None)
    if required:
        env["TRANSCRIPT_READER_REQUIRE_PG"] = "1"
    test = "tests/db/test_pg_server.py::test_each_test_gets_an_empty_database_of_its_own"
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:randomly",
                           "-p", "no:cacheprovider", test], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=120)


def test_no_server_skips_with_the_reason_or_fails_where_required() -> None:
    # Needs no server: it points the suite at one that is not there.
    skipped = _run_server_test(required=False)
    assert skipped.returncode == 0, skipped.stdout + skipped.stderr
    assert "1 skipped" in skipped.stdout
    assert "TRANSCRIPT_READER_TEST_PG does not answer" in skipped.stdout
    failed = _run_server_test(required=True)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "TRANSCRIPT_READER_REQUIRE_PG=1 says they must run" in failed.stdout
