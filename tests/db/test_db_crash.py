"""A writer killed at random moments never corrupts the library nor loses a committed highlight."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

from reader.services.annotations import AnnotationService

CHILD = Path(__file__).with_name("writer_child.py")
KILLS = 20


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX SIGKILL")
def test_sigkill_during_writes_loses_nothing_committed(db_path: Path, lanting_path: Path) -> None:
    with AnnotationService.open(db_path) as svc:
        tid = svc.import_file(lanting_path).transcript.id
    seed = int.from_bytes(os.urandom(4), "big")
    rng = random.Random(seed)
    committed: set[int] = set()
    deadline = time.monotonic() + 60
    for round_ in range(KILLS):
        proc = subprocess.Popen([sys.executable, str(CHILD), str(db_path), str(tid), "0",
                                 f"w{round_}"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        assert proc.stdout is not None
        ready = proc.stdout.readline()
        assert ready == b"ready\n", (ready, proc.stderr.read() if proc.stderr else b"")
        time.sleep(rng.uniform(0.0, 0.12))
        proc.send_signal(signal.SIGKILL)
        out, _ = proc.communicate(timeout=30)
        assert proc.returncode == -signal.SIGKILL
        # Only whole lines count: an id is printed (and flushed) after its commit returned.
        committed.update(int(line) for line in out.decode().split("\n")[:-1] if line)
        assert time.monotonic() < deadline, "crash test is too slow"
    assert len(committed) >= KILLS, f"too few writes happened between kills (seed {seed})"

    with closing(sqlite3.connect(db_path)) as c:
        assert c.execute("PRAGMA integrity_check").fetchall() == [("ok",)], seed
        assert c.execute("PRAGMA foreign_key_check").fetchall() == [], seed
        stored = {r[0] for r in c.execute("SELECT id FROM highlights")}
        untagged = c.execute("SELECT count(*) FROM highlights h WHERE (SELECT count(*) FROM "
                             "highlight_tags t WHERE t.highlight_id = h.id) != 2").fetchone()
    assert committed <= stored, f"lost {sorted(committed - stored)[:10]} (seed {seed})"
    assert untagged == (0,), f"a highlight was stored without its tags (seed {seed})"
    with AnnotationService.open(db_path) as svc:  # and the library still opens and works
        assert len(svc.highlights(tid)) == len(stored)
