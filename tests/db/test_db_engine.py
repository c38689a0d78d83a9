"""Opening the library: PRAGMAs, head revision, refusals, and the write lock taken at BEGIN."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import text

from db.engine import (
    HEAD_REVISION,
    KNOWN_REVISIONS,
    DatabaseTooNewError,
    NotALibraryError,
    alembic_config,
    open_database,
    read_revision,
)
from db.models import DEFAULT_COLOURS, Base


def backups(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f"{path.name}.bak-*"))


def test_new_library_is_created_at_head_without_a_backup(db_path: Path) -> None:
    with open_database(db_path) as db:
        assert db.report.found is None and db.report.backup is None
        assert read_revision(db_path) == HEAD_REVISION
        with db.read() as s:
            names = s.execute(text("SELECT key, display_name FROM colours ORDER BY position"))
            assert [tuple(r) for r in names] == list(DEFAULT_COLOURS)
    with open_database(db_path) as again:
        assert again.report.found == HEAD_REVISION and again.report.backup is None
    assert backups(db_path) == []


def test_every_connection_gets_the_pragmas(db_path: Path) -> None:
    with open_database(db_path) as db, db.read() as s:
        got = {name: s.execute(text(f"PRAGMA {name}")).scalar()
               for name in ("journal_mode", "foreign_keys", "busy_timeout", "synchronous")}
    assert got == {"journal_mode": "wal", "foreign_keys": 1, "busy_timeout": 5000,
                   "synchronous": 2}  # 2 = FULL


def test_known_revisions_match_the_migration_scripts() -> None:
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(alembic_config())
    chain = [rev.revision for rev in scripts.walk_revisions()][::-1]
    assert tuple(chain) == KNOWN_REVISIONS
    assert scripts.get_heads() == [HEAD_REVISION]


def test_models_describe_the_migrated_schema(db_path: Path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from db.search_index import is_search_table

    def described(name: str | None, type_: str, parents: object) -> bool:
        # The search index (FTS5 and its own tables) is plain SQL, not ORM models.
        return not (type_ == "table" and name is not None and is_search_table(name))

    with open_database(db_path) as db, db._engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_name": described})
        diff = compare_metadata(context, Base.metadata)
    assert diff == []


def test_newer_schema_is_refused_and_left_untouched(db_path: Path) -> None:
    open_database(db_path).close()
    with closing(sqlite3.connect(db_path)) as conn, conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099'")
    before = db_path.read_bytes()
    with pytest.raises(DatabaseTooNewError) as err:
        open_database(db_path)
    message = str(err.value)
    assert "\n" not in message and "newer version" in message and "0099" in message
    assert db_path.read_bytes() == before and backups(db_path) == []


def test_files_that_are_not_libraries_are_refused(tmp_path: Path) -> None:
    junk = tmp_path / "notes.txt"
    junk.write_bytes(b"this is not a database at all, " * 100)
    with pytest.raises(NotALibraryError):
        open_database(junk)
    other = tmp_path / "other.sqlite3"
    with closing(sqlite3.connect(other)) as conn, conn:
        conn.execute("CREATE TABLE things (id INTEGER)")
    with pytest.raises(NotALibraryError, match="not a Transcript Reader library"):
        open_database(other)


def test_empty_file_becomes_a_new_library(tmp_path: Path) -> None:
    empty = tmp_path / "empty.sqlite3"
    empty.touch()
    with open_database(empty) as db:
        assert db.report.found is None
    assert read_revision(empty) == HEAD_REVISION


def test_a_write_transaction_holds_the_write_lock_from_its_start(db_path: Path) -> None:
    with open_database(db_path) as db, db.write() as s:
        s.execute(text("SELECT count(*) FROM highlights"))  # only a read so far
        with closing(sqlite3.connect(db_path, timeout=0)) as other:
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
            # Readers are never blocked (WAL).
            assert other.execute("SELECT count(*) FROM colours").fetchone() == (4,)


def test_an_up_to_date_library_opens_without_importing_alembic(db_path: Path) -> None:
    import subprocess
    import sys

    open_database(db_path).close()
    code = ("import sys; from db.engine import open_database; open_database(sys.argv[1]).close(); "
            "raise SystemExit(1 if 'alembic' in sys.modules else 0)")
    repo = Path(__file__).resolve().parents[2]
    proc = subprocess.run([sys.executable, "-c", code, str(db_path)], cwd=repo,
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr or "alembic was imported for an up-to-date library"
