"""A team library at a postgresql:// URL: created at head, the same services as a file, one-line
errors, no password shown, and an older schema migrated only with consent, from every
earlier revision, nothing lost."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from db.engine import HEAD_REVISION, KNOWN_REVISIONS, NotALibraryError, open_database, upgrade
from db.server import (
    MigrationConsentError,
    ServerUnreachableError,
    display_name,
    pending_changes,
    sqlalchemy_url,
)
from reader.cli import main
from reader.services.annotations import AnnotationService
from reader.services.paths import ENV_VAR, resolve_db_path
from reader.services.search import SearchService

LANTING = Path(__file__).resolve().parents[1] / "fixtures" / "quartr_lanting_q2_2024.txt"
LANTING_SHA = hashlib.sha256(LANTING.read_bytes()).hexdigest()


def run_sql(url: str, *statements: str, **params: object) -> list[tuple[object, ...]]:
    engine = create_engine(sqlalchemy_url(url))
    try:
        with engine.begin() as conn:
            rows: list[tuple[object, ...]] = []
            for statement in statements:
                result = conn.execute(text(statement), params)
                if result.returns_rows:
                    rows = [tuple(r) for r in result]
            return rows
    finally:
        engine.dispose()


def test_names_for_messages_never_carry_the_password() -> None:
    assert display_name("postgresql://ana:s3cret@db.desk.example:5433/research") == \
        "research@db.desk.example"
    assert display_name("postgresql://ana@/research?host=/run/postgresql") == \
        "research@local socket"
    assert display_name("postgresql:///?service=desk") == "service desk"


def test_the_location_may_be_a_url_from_the_option_or_the_environment(tmp_path: Path) -> None:
    url = "postgresql://ana@db.desk.example/research?sslmode=require"
    assert resolve_db_path(url) == url
    assert resolve_db_path(None, {ENV_VAR: url}) == url
    assert resolve_db_path(None, {ENV_VAR: str(tmp_path / "x.sqlite3")}) == tmp_path / "x.sqlite3"


def test_an_unreachable_server_is_one_line() -> None:
    with pytest.raises(ServerUnreachableError) as caught:
        open_database("postgresql://ana@/research?host=/nonexistent-socket-folder")
    message = str(caught.value)
    assert "\n" not in message and message.startswith("research@local socket: cannot reach")


@pytest.mark.postgres
def test_a_new_team_library_is_made_at_head_and_serves_like_a_file(pg_url: str) -> None:
    with AnnotationService.open(pg_url) as svc:
        assert svc.db.dialect == "postgresql"
        assert svc.db.report.found is None and svc.db.report.current == HEAD_REVISION
        assert svc.db.health.read_only is False
        info = svc.import_file(LANTING).transcript
        h = svc.add_highlight_by_quote(info.id, "Hello everyone", occurrence=1,
                                       tags=["Growth"], note="opening")
        other = svc.add_highlight_by_quote(info.id, "funding cost", occurrence=1,
                                           tags=["growth"])
        # Tag names ignore case on the server as in SQLite (one tag, spelt as first stored).
        assert svc.tags() == [("Growth", 2)]
        assert svc.db.full_check() == "ok"
    with AnnotationService.open(pg_url) as svc:
        assert [x.id for x in svc.highlights(info.id)] == sorted([h.id, other.id])
        assert svc.import_file(LANTING).status.value == "unchanged"
        found = SearchService(svc.db).search("opening")
        assert [r.highlight_id for r in found.results] == [h.id]
    assert run_sql(pg_url, "SELECT version_num FROM alembic_version") == [(HEAD_REVISION,)]


@pytest.mark.postgres
def test_a_database_with_other_tables_is_not_taken_for_a_library(pg_url: str) -> None:
    run_sql(pg_url, "CREATE TABLE invoices (id integer)")
    with pytest.raises(NotALibraryError, match="not a Transcript Reader library"):
        open_database(pg_url)


@pytest.mark.postgres
def test_a_library_from_a_newer_version_is_refused(pg_url: str) -> None:
    open_database(pg_url).close()
    run_sql(pg_url, "UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(Exception, match="newer version of the app"):
        open_database(pg_url)


def _library_at(url: str, revision: str) -> None:
    """A team library left at `revision`, with a call, two highlights and tags in it."""
    upgrade(url, revision)
    run_sql(url,
            "INSERT INTO transcripts (id, sha256, source_path, source_name, company, ticker, "
            "title, period, date, format, encoding, text, imported_at) VALUES (1, :sha, "
            "'/calls/lanting.txt', 'lanting.txt', 'Lanting', NULL, 'Lanting Q2', 'Q2 2024', "
            "'2024-08-20', 'quartr', 'utf-8', :text, '2024-08-21 10:00:00')",
            "INSERT INTO transcript_versions VALUES (:sha, 1, '/calls/lanting.txt', "
            "'2024-08-21 10:00:00')",
            "UPDATE colours SET display_name = 'Must check' WHERE key = 'red'",
            "INSERT INTO highlights (id, transcript_id, turn_index, start_offset, end_offset, "
            "quote, prefix, suffix, colour, note, created_at, updated_at, orphaned) VALUES "
            "(1, 1, NULL, :s, :e, 'Hello everyone', '', '', 'red', 'first words', "
            "'2024-08-21 10:01:00', '2024-08-21 10:02:00', false)",
            "INSERT INTO tags (id, name) VALUES (1, 'opening')",
            "INSERT INTO highlight_tags VALUES (1, 1)",
            text=LANTING.read_text(encoding="utf-8"), sha=LANTING_SHA,
            s=LANTING.read_text(encoding="utf-8").index("Hello everyone"),
            e=LANTING.read_text(encoding="utf-8").index("Hello everyone") + 14)


@pytest.mark.postgres
@pytest.mark.parametrize("revision", [r for r in KNOWN_REVISIONS if r != HEAD_REVISION])
def test_every_earlier_team_library_migrates_with_consent_and_nothing_lost(
        pg_url: str, revision: str) -> None:
    _library_at(pg_url, revision)
    with pytest.raises(MigrationConsentError) as refused:
        open_database(pg_url)
    message = str(refused.value)
    assert "\n" not in message and "pg_dump" in message and "--yes" in message
    for change in pending_changes(revision):  # names what will change, each migration
        assert change in message
    assert run_sql(pg_url, "SELECT version_num FROM alembic_version") == [(revision,)]

    with AnnotationService.open(pg_url, allow_migration=True) as svc:
        assert svc.db.report.found == revision and svc.db.report.current == HEAD_REVISION
        hs = svc.highlights(1)
        assert [(x.quote, x.tags, x.note, x.colour) for x in hs] == [
            ("Hello everyone", ("opening",), "first words", "red")]
        assert hs[0].created_at.isoformat() == "2024-08-21T10:01:00+00:00"
        assert {c.key: c.display_name for c in svc.colours()}["red"] == "Must check"
        search = SearchService(svc.db)
        assert search.search("营收").results  # the stored call is in the index
        assert [r.highlight_id for r in search.search("first words").results] == [1]
        # New rows after explicit ids from the old version get fresh ones.
        new = svc.add_highlight_by_quote(1, "funding cost", occurrence=1, tags=["new"])
        assert new.id != 1
    open_database(pg_url).close()  # at head now: no consent needed


@pytest.mark.postgres
def test_the_command_line_takes_a_url_and_asks_before_migrating(
        pg_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["import", str(LANTING), "--db", pg_url]) == 0
    capsys.readouterr()
    assert main(["search", "funding cost", "--json", "--db", pg_url]) == 0
    results = json.loads(capsys.readouterr().out)["results"]
    assert results and all("funding cost" in r["snippet"].lower() for r in results)

    run_sql(pg_url, "DROP SCHEMA public CASCADE", "CREATE SCHEMA public")  # start again
    _library_at(pg_url, "0002")
    monkeypatch.setenv(ENV_VAR, pg_url)
    assert main(["highlights", str(LANTING)]) == 3
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "pg_dump" in err and "--yes" in err
    assert main(["highlights", str(LANTING), "--yes"]) == 0
    assert "Hello everyone" in capsys.readouterr().out
    assert main(["library", "check"]) == 2
    assert "pg_dump" in capsys.readouterr().err


@pytest.mark.postgres
def test_the_models_describe_the_migrated_schema_on_the_server_too(pg_url: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from db.models import Base
    from db.search_index import is_search_table

    def described(name: str | None, type_: str, parents: object) -> bool:
        return not (type_ == "table" and name is not None and is_search_table(name))

    with open_database(pg_url) as db, db._engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_name": described})
        diff = compare_metadata(context, Base.metadata)
    assert diff == []


@pytest.mark.postgres
def test_every_migration_goes_down_and_up_again_on_the_server(pg_url: str) -> None:
    from alembic import command

    from db.engine import alembic_config

    with AnnotationService.open(pg_url) as svc:
        svc.import_file(LANTING)
    engine = create_engine(sqlalchemy_url(pg_url))
    try:
        for target in [*reversed(KNOWN_REVISIONS[:-1]), "base"]:
            with engine.begin() as conn:
                command.downgrade(alembic_config(conn), target)
        assert run_sql(pg_url, "SELECT count(*) FROM information_schema.tables WHERE "
                       "table_schema = 'public' AND table_name != 'alembic_version'") == [(0,)]
    finally:
        engine.dispose()
    run_sql(pg_url, "DROP TABLE alembic_version")  # Alembic leaves it, empty, at base
    with AnnotationService.open(pg_url) as svc:  # an empty database again: made at head
        assert svc.db.report.found is None and svc.import_file(LANTING).status.value == "new"
        assert SearchService(svc.db).search("营收").results


@pytest.mark.postgres
def test_a_file_name_that_is_not_utf8_is_kept_on_the_server(pg_url: str, tmp_path: Path) -> None:
    import os

    name = tmp_path / os.fsdecode(b"caf\xe9 call.txt")
    name.write_bytes(LANTING.read_bytes())
    with AnnotationService.open(pg_url) as svc:
        info = svc.import_file(name).transcript
        assert svc.transcript(info.id).source_name == name.name
        assert os.fsencode(svc.transcript(info.id).source_name) == b"caf\xe9 call.txt"
        assert [r.source_name for r in SearchService(svc.db).search("营收").results] == [name.name]
    assert run_sql(pg_url, "SELECT source_name FROM transcripts") == [("\ufffecaf\xe9 call.txt",)]
