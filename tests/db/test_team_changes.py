"""Others' changes on a team library reach a client within seconds (LISTEN/NOTIFY), its own
do not come back to it, and a server that goes away is said in one line, then recovered."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import psycopg
import pytest
from pg_cluster import start_cluster

from reader.core.records import Changed
from reader.services.annotations import AnnotationService

LANTING = Path(__file__).resolve().parents[1] / "fixtures" / "quartr_lanting_q2_2024.txt"

pytestmark = pytest.mark.postgres


def wait_for(condition, seconds: float = 10.0) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def test_a_client_hears_others_highlights_within_seconds(pg_url: str) -> None:
    heard: list[Changed] = []
    with AnnotationService.open(pg_url, user="ana") as ana:
        tid = ana.import_file(LANTING).transcript.id
    with AnnotationService.open(pg_url, user="bo", on_change=heard.append) as bo, \
            AnnotationService.open(pg_url, user="ana") as ana:
        assert bo.watch() is True
        assert bo._listener is not None and bo._listener.listening.wait(10)
        t0 = time.monotonic()
        h = ana.add_highlight_by_quote(tid, "funding cost", occurrence=1, note="ana's")
        assert wait_for(lambda: any(h.id in c.highlights for c in heard))
        latency = time.monotonic() - t0
        assert latency < 3.0
        assert any(tid in c.transcripts for c in heard)
        heard.clear()
        own = bo.add_highlight_by_quote(tid, "Hello everyone", occurrence=1)
        time.sleep(1.0)  # bo's own write is told once, by bo itself, not again by the server
        assert [c.highlights for c in heard] == [frozenset({own.id})]
        ana.update_highlight(h.id, note="edited")
        ana.delete_highlight(h.id)
        assert wait_for(lambda: sum(h.id in c.highlights for c in heard) >= 1)


def test_a_file_library_has_no_one_to_hear(tmp_path: Path) -> None:
    with AnnotationService.open(tmp_path / "mine.sqlite3") as svc:
        assert svc.watch() is False


def test_a_server_that_goes_is_said_in_one_line_and_heard_again_when_back() -> None:
    cluster = start_cluster()
    statuses: list[str | None] = []
    heard: list[Changed] = []
    try:
        with psycopg.connect(cluster.url(), autocommit=True) as conn:
            conn.execute("CREATE DATABASE lib")
        url = cluster.url("lib")
        with AnnotationService.open(url, user="bo", on_change=heard.append) as bo:
            bo.watch(on_status=statuses.append)
            assert bo._listener is not None and bo._listener.listening.wait(10)
            stopper = threading.Thread(target=lambda: cluster_restart(cluster))
            stopper.start()
            assert wait_for(lambda: any(s for s in statuses), 20)
            line = next(s for s in statuses if s)
            assert "\n" not in line and "cannot be reached" in line and "lib@local socket" in line
            stopper.join(60)
            assert wait_for(lambda: statuses[-1] is None, 30)  # back
            assert any(c.library for c in heard)  # told to reload what it shows
    finally:
        cluster.stop()


def cluster_restart(cluster) -> None:  # type: ignore[no-untyped-def]
    import subprocess

    runner = ["runuser", "-u", cluster.user, "--"] if cluster.user else []
    subprocess.run([*runner, str(cluster.pg_ctl), "-D", str(cluster.data), "-m", "fast", "-w",
                    "stop"], check=True, capture_output=True)
    time.sleep(2)
    subprocess.run([*runner, str(cluster.pg_ctl), "-D", str(cluster.data), "-w",
                    "-l", str(cluster.log), "-o",
                    f"-k {cluster.folder} -p 5432 -c listen_addresses=''", "start"],
                   check=True, capture_output=True)
