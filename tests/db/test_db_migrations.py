"""Upgrading a library made by the first schema: verified backup first, nothing lost."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from db import engine as db_engine
from db.engine import HEAD_REVISION, BackupError, open_database, read_revision, upgrade
from db.search_index import is_search_table
from reader.services.annotations import AnnotationService

REPO = Path(__file__).resolve().parents[2]


def make_first_schema_library(path: Path) -> None:
    """A library as the first release wrote it: migrations to 0001, then data by plain SQL."""
    upgrade(path, "0001")
    with closing(sqlite3.connect(path)) as c, c:
        c.execute("INSERT INTO transcripts (id, sha256, source_path, source_name, company, "
                  "ticker, title, period, date, format, encoding, text, imported_at) VALUES "
                  "(1, 'a1', '/calls/x.txt', 'x.txt', 'Kestrel Labs', NULL, 'Kestrel Q1', "
                  "'Q1 2025', '2025-05-02', 'quartr', 'utf-8', 'Revenue rose. Costs fell.', "
                  "'2025-05-03 10:00:00.000000')")
        c.execute("INSERT INTO transcript_versions VALUES ('a1', 1, '/calls/x.txt', "
                  "'2025-05-03 10:00:00.000000')")
        c.execute("UPDATE colours SET display_name = 'Must check' WHERE key = 'red'")
        for hid, (s, e) in enumerate([(0, 13), (14, 25)], start=1):
            c.execute("INSERT INTO highlights (id, transcript_id, turn_index, start_offset, "
                      "end_offset, quote, prefix, suffix, colour, note, created_at, updated_at, "
                      "orphaned) VALUES (?, 1, NULL, ?, ?, ?, '', '', 'red', ?, "
                      "'2025-05-03 10:01:00.000000', '2025-05-03 10:02:00.000000', 0)",
                      (hid, s, e, "Revenue rose. Costs fell."[s:e], f"note {hid}"))
        c.execute("INSERT INTO tags (id, name) VALUES (1, 'growth'), (2, 'costs')")
        c.execute("INSERT INTO highlight_tags VALUES (1, 1), (2, 2), (2, 1)")


def dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    with closing(sqlite3.connect(path)) as c:
        tables = [r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                          "AND name NOT IN ('alembic_version', 'sqlite_sequence')")
                  if not is_search_table(r[0])]  # derived from the rest; rebuilt by 0003
        return {t: sorted(c.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables}


def test_first_schema_upgrades_to_head_with_nothing_lost(db_path: Path) -> None:
    make_first_schema_library(db_path)
    before = dump(db_path)
    with open_database(db_path) as db:
        assert db.report.found == "0001" and db.report.current == HEAD_REVISION
        backup = db.report.backup
    assert read_revision(db_path) == HEAD_REVISION
    after = dump(db_path)
    # 0006 adds the user's own metadata columns, empty: everything else is as it was.
    assert all(r[-4:] == (None,) * 4 for r in after["transcripts"])
    after["transcripts"] = [r[:-4] for r in after["transcripts"]]
    # 0007 adds authors ('' for what came before) and versions (1), and an empty roles table.
    assert all(r[-3:] == ("", "", 1) for r in after["highlights"])
    after["highlights"] = sorted((r[:-3] for r in after["highlights"]), key=repr)
    assert all(r[-1] == "" for r in after["tags"])
    after["tags"] = sorted((r[:-1] for r in after["tags"]), key=repr)
    assert after.pop("roles") == []
    assert after == before
    with closing(sqlite3.connect(db_path)) as c:
        indexes = {r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert {"ix_highlights_transcript_id_start_offset", "ix_highlight_tags_tag_id"} <= indexes
    # The backup sits beside the library, is sound, and is the old library.
    assert backup is not None and backup.parent == db_path.parent
    assert backup.name.startswith(f"{db_path.name}.bak-0001-")
    with closing(sqlite3.connect(backup)) as c:
        assert c.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert read_revision(backup) == "0001" and dump(backup) == before
    # And the service sees the old data as it was.
    with AnnotationService.open(db_path) as svc:
        hs = svc.highlights(1)
        assert [(h.quote, h.tags, h.note) for h in hs] == [
            ("Revenue rose.", ("growth",), "note 1"), ("Costs fell.", ("costs", "growth"), "note 2")]
        assert hs[0].created_at.isoformat() == "2025-05-03T10:01:00+00:00"
        assert {c.key: c.display_name for c in svc.colours()}["red"] == "Must check"
    # Opening again: nothing pending, no second backup.
    open_database(db_path).close()
    assert len(list(db_path.parent.glob(f"{db_path.name}.bak-*"))) == 1


def test_no_migration_without_a_verified_backup(db_path: Path, monkeypatch: pytest.MonkeyPatch
                                                ) -> None:
    make_first_schema_library(db_path)

    def broken(target: Path, revision: str, expected: dict[str, int]) -> None:
        raise BackupError(f"{target.name}: backup failed its integrity check (simulated)")

    monkeypatch.setattr(db_engine, "verify_backup", broken)
    with pytest.raises(BackupError, match="simulated"):
        open_database(db_path)
    assert read_revision(db_path) == "0001"
    assert list(db_path.parent.glob(f"{db_path.name}.bak-*")) == []


def test_backup_really_checks_the_copy(db_path: Path) -> None:
    make_first_schema_library(db_path)
    copy = db_engine.backup_database(db_path, "0001")
    with pytest.raises(BackupError):
        db_engine.verify_backup(copy, "0002", {})  # wrong revision
    with closing(sqlite3.connect(copy)) as c, c:
        c.execute("DELETE FROM highlight_tags")
    counts = {"highlight_tags": 3}
    with pytest.raises(BackupError):
        db_engine.verify_backup(copy, "0001", counts)


def test_two_apps_starting_on_an_old_library_migrate_it_once(db_path: Path) -> None:
    make_first_schema_library(db_path)
    code = ("import sys; from db.engine import open_database; "
            "db = open_database(sys.argv[1]); print(db.report.found); db.close()")
    procs = [subprocess.Popen([sys.executable, "-c", code, str(db_path)], cwd=REPO,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    results = [p.communicate(timeout=60) for p in procs]
    assert all(p.returncode == 0 for p in procs), results
    assert read_revision(db_path) == HEAD_REVISION
    with closing(sqlite3.connect(db_path)) as c:
        assert c.execute("SELECT count(*) FROM highlights").fetchone() == (2,)
        assert c.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_an_app_that_meets_another_apps_migration_waits_for_it_to_finish(db_path: Path) -> None:
    """The check behind two apps starting at once: a failed backup or migration is forgiven
    only when another app held the write lock and has brought the schema to head."""
    import threading
    import time

    make_first_schema_library(db_path)
    assert not db_engine._migrated_by_another(db_path)  # nobody migrating: the error stands

    other = sqlite3.connect(db_path, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")  # another app, mid-migration
    started = time.monotonic()
    assert not db_engine._migrated_by_another(db_path, wait_s=0.5)  # it never finishes
    assert time.monotonic() - started >= 0.5

    def finish() -> None:
        time.sleep(0.3)
        other.execute("UPDATE alembic_version SET version_num = ?", (HEAD_REVISION,))
        other.commit()

    threading.Thread(target=finish).start()
    assert db_engine._migrated_by_another(db_path, wait_s=10)
    other.close()
