"""Library health: damage found at open, read-only opens, routine backups, salvage and restore."""

from __future__ import annotations

import os
import random
import sqlite3
import threading
import time
from contextlib import closing
from datetime import timedelta
from pathlib import Path

import pytest

from db.engine import (
    DatabaseBusyError,
    LibraryReadOnlyError,
    latest_backup,
    open_database,
    routine_backup,
)
from db.salvage import full_check, restore, salvage
from reader.services.annotations import AnnotationService

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def filled(db_path: Path) -> Path:
    with AnnotationService.open(db_path) as service:
        for name in ("quartr_lanting_q2_2024.txt", "alphaspread_brightwater_q2_2024.txt",
                     "earningscall_northpeak_q4_2023.txt"):
            tid = service.import_file(FIXTURES / name).transcript.id
        service.add_highlight(tid, 0, 10, note="kept")
    return db_path


def damage(db_path: Path) -> None:
    with db_path.open("r+b") as f:
        f.seek(db_path.stat().st_size // 2 // 4096 * 4096)
        f.write(random.Random(7).randbytes(4096))


def test_routine_backup_is_made_when_due_and_pruned(db_path: Path) -> None:
    with open_database(db_path) as db:
        assert routine_backup(db) is None  # an empty library has nothing to keep
    filled(db_path)
    with open_database(db_path) as db:
        first = routine_backup(db)
        assert first is not None and first.name.endswith("-routine")
        assert routine_backup(db) is None  # the next is due in a week
        made = [routine_backup(db, every=timedelta(0)) for _ in range(4)]
    kept = sorted(db_path.parent.glob(f"{db_path.name}.bak-*-routine"))
    assert len(kept) == 3 and made[-1] in kept
    assert latest_backup(db_path) == made[-1]
    assert full_check(made[-1]) == "ok"


def test_a_damaged_library_opens_read_only_and_names_its_backup(db_path: Path) -> None:
    filled(db_path)
    with open_database(db_path) as db:
        backup = routine_backup(db)
    assert backup is not None
    damage(db_path)
    before = db_path.read_bytes()
    with open_database(db_path) as db:
        assert db.read_only and db.health.damaged and db.health.backup == backup
        assert backup.name in (db.health.reason or "") and "\n" not in (db.health.reason or "")
        with pytest.raises(LibraryReadOnlyError, match="not saved"), db.write():
            pass
    assert db_path.read_bytes() == before  # nothing written into it


def test_salvage_copies_what_is_readable_and_restore_keeps_the_old_file(db_path: Path) -> None:
    filled(db_path)
    damage(db_path)
    before = db_path.read_bytes()
    report = salvage(db_path)
    assert db_path.read_bytes() == before
    assert full_check(report.target) == "ok" and report.copied["colours"] == 4
    kept = restore(db_path, report.target)
    assert kept is not None and kept.read_bytes() == before
    with open_database(db_path) as db:
        assert not db.read_only
        with AnnotationService(db) as service:
            assert len(service.library()) == report.copied["transcripts"]


def test_salvage_of_a_sound_library_copies_everything(db_path: Path) -> None:
    filled(db_path)
    report = salvage(db_path)
    assert sum(report.unreadable.values()) == 0 and report.dropped == 0
    with closing(sqlite3.connect(db_path)) as a, closing(sqlite3.connect(report.target)) as b:
        for table in ("transcripts", "highlights", "tags", "colours"):
            rows = f"SELECT * FROM {table} ORDER BY rowid"
            assert a.execute(rows).fetchall() == b.execute(rows).fetchall(), table


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="root writes read-only files (the fault suite uses chattr there)")
def test_a_read_only_file_opens_read_only(db_path: Path) -> None:
    filled(db_path)
    db_path.chmod(0o444)
    try:
        with open_database(db_path) as db:
            assert db.read_only and "read-only" in (db.health.reason or "")
            with AnnotationService(db) as service:
                assert len(service.library()) == 3
    finally:
        db_path.chmod(0o644)


def test_a_write_waits_for_the_lock_and_says_so(db_path: Path) -> None:
    filled(db_path)
    holder = sqlite3.connect(db_path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    waits: list[float] = []
    release = threading.Timer(1.5, lambda: holder.execute("COMMIT"))
    with open_database(db_path) as db:
        db.on_wait = waits.append
        db.write_wait = 30
        release.start()
        started = time.monotonic()
        with db.write() as s:
            s.connection().exec_driver_sql("UPDATE colours SET display_name = 'Later' "
                                           "WHERE key = 'yellow'")
        assert waits and time.monotonic() - started >= 1.4
        with db.read() as s:  # reads never waited
            assert s.connection().exec_driver_sql("SELECT count(*) FROM colours").scalar() == 4
        holder.execute("BEGIN IMMEDIATE")
        db.write_wait = 0.5
        with pytest.raises(DatabaseBusyError, match="busy"), db.write():
            pass
    holder.close()
