"""Two service instances on one file, writing at once: no corruption, no lost write."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
from contextlib import closing
from pathlib import Path

from reader.services.annotations import AnnotationService

CHILD = Path(__file__).with_name("writer_child.py")


def check(db_path: Path, expected_ids: set[int], expected_count: int) -> None:
    with closing(sqlite3.connect(db_path)) as c:
        assert c.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        stored = {r[0] for r in c.execute("SELECT id FROM highlights")}
        tag_names = [r[0] for r in c.execute("SELECT name FROM tags")]
    assert expected_ids <= stored and len(stored) == expected_count
    assert len(tag_names) == len({n.casefold() for n in tag_names})


def test_two_processes_writing_at_once(db_path: Path, lanting_path: Path) -> None:
    with AnnotationService.open(db_path) as svc:
        tid = svc.import_file(lanting_path).transcript.id
    per_process = 60
    procs = [subprocess.Popen([sys.executable, str(CHILD), str(db_path), str(tid),
                               str(per_process), name], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for name in ("a", "b")]
    outputs = [p.communicate(timeout=120) for p in procs]
    assert all(p.returncode == 0 for p in procs), [err for _, err in outputs]
    ids = {int(x) for out, _ in outputs for x in out.split()[1:]}
    assert len(ids) == 2 * per_process
    check(db_path, ids, 2 * per_process)
    with AnnotationService.open(db_path) as svc:
        notes = {h.note for h in svc.highlights(tid)}
        assert {f"{w} note {n}" for w in "ab" for n in range(per_process)} == notes


def test_two_instances_in_threads_writing_at_once(db_path: Path, lanting_path: Path) -> None:
    first = AnnotationService.open(db_path)
    second = AnnotationService.open(db_path)
    tid = first.import_file(lanting_path).transcript.id
    ids: list[int] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def write(svc: AnnotationService, name: str) -> None:
        try:
            for n in range(40):
                h = svc.add_highlight(tid, n * 10, n * 10 + 15, tags=["same-new-tag", name],
                                      note=f"{name} {n}")
                with lock:
                    ids.append(h.id)
                if n % 10 == 9:
                    svc.undo()  # the service's own undo runs among the other's writes
                    with lock:
                        ids.remove(h.id)
        except BaseException as exc:  # reported below, in the test's thread
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(svc, name))
               for svc, name in ((first, "one"), (second, "two"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    first.close()
    second.close()
    assert not errors, errors
    check(db_path, set(ids), 2 * (40 - 4))
