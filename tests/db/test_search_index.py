"""The search index: kept in step by imports, re-imports, highlight edits and deletions; the
0003 migration back-fills old libraries, 0004 rebuilds them with prefix indexes and 0005 with
column sizes and a stem vocabulary; search with filters and snippets.

The tests that go through the services run on both backends (`service` here is the
`any_service` of tests/db/conftest.py): SQLite's FTS5 index and PostgreSQL's tsvectors must
give the same results."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from db.engine import HEAD_REVISION, KNOWN_REVISIONS, alembic_config, open_database, upgrade
from db.search_index import (
    _FILTER_VALUES,
    filter_token,
    integrity_problems,
    meta_tokens,
    pending,
)
from reader.core.search_text import words_column
from reader.services.annotations import AnnotationService, ImportStatus
from reader.services.search import SearchError, SearchFilters, SearchService

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
HOSHAN = FIXTURES / "quartr_hoshan_q3_2024_traditional.txt"
LANTING = FIXTURES / "quartr_lanting_q2_2024.txt"
AMBERGATE = FIXTURES / "earningscall_ambergate_q2_2025.txt"


@pytest.fixture
def service(any_service: AnnotationService) -> AnnotationService:
    return any_service


@pytest.fixture
def sqlite_service(db_path: Path) -> Iterator[AnnotationService]:
    """For tests of SQLite's own index (FTS5 tables, its migrations)."""
    with AnnotationService.open(db_path) as svc:
        yield svc


def units(service: AnnotationService) -> list[tuple[int, str, int, int]]:
    with service.db.read() as s:
        return [tuple(r) for r in s.connection().exec_driver_sql(  # type: ignore[misc]
            "SELECT transcript_id, kind, start_offset, end_offset FROM search_units "
            "ORDER BY id")]


def execute(service: AnnotationService, statement: str, **params: object) -> None:
    """Plain SQL from outside the services, as another program would write."""
    from sqlalchemy import text

    with service.db.write() as s:
        s.execute(text(statement), params)


def check(service: AnnotationService) -> None:
    with service.db.read() as s:
        assert integrity_problems(s.connection()) == []


def texts(page: object) -> list[str]:
    return [r.snippet for r in page.results]  # type: ignore[attr-defined]


@pytest.fixture
def search(service: AnnotationService) -> SearchService:
    for f in (HOSHAN, LANTING, AMBERGATE):
        service.import_file(f)
    return SearchService(service.db)


def test_import_indexes_every_paragraph_in_the_same_transaction(service: AnnotationService
                                                                 ) -> None:
    info = service.import_file(LANTING).transcript
    outline = service.outline(info.id)
    expected = [(info.id, "paragraph", p.start, p.end) for t in outline.turns
                for p in t.paragraphs]
    assert units(service) == expected
    with service.db.read() as s:
        assert not pending(s.connection())
    check(service)


def test_script_insensitive_hits_with_source_offsets(search: SearchService,
                                                      service: AnnotationService) -> None:
    for query in ("营收", "營收"):
        page = search.search(query)
        assert {r.company for r in page.results} == {"Lanting Digital", "Hoshan Mobility"}
        for r in page.results:
            hit = service.transcript_text(r.transcript_id)[r.hit_start:r.hit_end]
            assert hit.replace(" ", "") in ("营收", "營收")
            assert r.snippet[r.marks[0][0]:r.marks[0][1]].replace(" ", "") in ("营收", "營收")
    taiwan = search.search("使用者")
    assert {r.company for r in taiwan.results} == {"Lanting Digital", "Hoshan Mobility"}


def test_one_and_two_character_chinese(search: SearchService) -> None:
    one = search.search("億")
    assert one.results and all("亿" in r.snippet.replace("億", "亿") for r in one.results)
    two = search.search("季度")
    assert {r.company for r in two.results} >= {"Lanting Digital", "Hoshan Mobility"}


def test_english_words_phrases_prefixes(search: SearchService) -> None:
    phrase = search.search('"gross margin"')
    assert phrase.results
    assert all("gross margin" in r.snippet.lower() for r in phrase.results)
    prefix = search.search("parc*")
    assert prefix.results and all(any(r.snippet[s:e].lower().startswith("parc")
                                      for s, e in r.marks) for r in prefix.results)
    assert search.search("parc").results == []


def test_filters(search: SearchService) -> None:
    everything = search.search("quarter")
    companies = {r.company for r in everything.results}
    assert len(companies) == 3
    only = search.search("quarter", SearchFilters(company="lanting"))
    assert {r.company for r in only.results} == {"Lanting Digital"}
    qa = search.search("quarter", SearchFilters(section="qa"))
    assert qa.results and {r.section for r in qa.results} == {"qa"}
    execs = search.search("quarter", SearchFilters(speaker_kind="executive"))
    assert execs.results and {r.speaker_kind for r in execs.results} == {"executive"}
    assert len(execs.results) < len(everything.results)
    q2 = search.search("quarter", SearchFilters(period_from="2024Q2", period_to="Q2 2024"))
    assert {r.period for r in q2.results} == {"Q2 2024"}
    later = search.search("quarter", SearchFilters(period_from="Q3 2024"))
    assert {r.period for r in later.results} == {"Q3 2024", "Q2 2025"}
    with pytest.raises(SearchError):
        search.search("quarter", SearchFilters(period_from="last spring"))


def test_pages_continue_without_repeats(search: SearchService) -> None:
    whole = search.search("the", limit=1000)
    seen: list[tuple[int, int, str]] = []
    cursor = None
    while True:
        page = search.search("the", limit=7, cursor=cursor)
        seen += [(r.transcript_id, r.start, r.kind) for r in page.results]
        if page.cursor is None:
            break
        cursor = page.cursor
    assert sorted(seen) == sorted((r.transcript_id, r.start, r.kind) for r in whole.results)
    assert len(set(seen)) == len(seen) > 7


def test_highlight_quotes_notes_and_tags_are_searchable(search: SearchService,
                                                        service: AnnotationService) -> None:
    tid = search.search("营收").results[0].transcript_id
    h = service.add_highlight_by_quote(tid, "Hello everyone", occurrence=1,
                                       note="watch the 毛利率 trend", tags=["margins"])
    note = search.search("毛利率")
    assert [(r.kind, r.highlight_id) for r in note.results] == [("note", h.id)]
    tagged = search.search("margins", SearchFilters(kinds=("tags",))).results
    assert [(r.kind, r.highlight_id) for r in tagged] == [("tags", h.id)]
    highlighted = search.search("everyone", SearchFilters(has_highlight=True))
    assert highlighted.results and {r.transcript_id for r in highlighted.results} == {tid}
    assert {r.kind for r in highlighted.results} == {"paragraph", "quote"}
    service.update_highlight(h.id, note="watch costs")
    assert search.search("毛利率").results == []
    assert search.search("costs", SearchFilters(kinds=("note",))).results
    service.update_highlight(h.id, tags=[])
    assert search.search("margins", SearchFilters(kinds=("tags",))).results == []
    service.delete_highlight(h.id)
    assert search.search("costs", SearchFilters(kinds=("note",))).results == []
    assert search.search("everyone", SearchFilters(has_highlight=True)).results == []
    check(service)


def test_reimport_of_a_corrected_file_reindexes_it(service: AnnotationService,
                                                   tmp_path: Path) -> None:
    copy = tmp_path / "lanting.txt"
    text = LANTING.read_text(encoding="utf-8")
    copy.write_text(text, encoding="utf-8")
    first = service.import_file(copy).transcript
    service.add_highlight_by_quote(first.id, "Hello everyone", occurrence=1)
    copy.write_text(text.replace("Hello everyone", "Hello all of you"), encoding="utf-8")
    result = service.import_file(copy)
    assert result.status is ImportStatus.NEW_VERSION
    search = SearchService(service.db)
    assert search.search('"all of you"').results
    assert not [r for r in search.search('"hello everyone"').results if r.kind == "paragraph"]
    new_outline = service.outline(first.id)
    paragraphs = [u for u in units(service) if u[1] == "paragraph"]
    assert paragraphs == [(first.id, "paragraph", p.start, p.end) for t in new_outline.turns
                          for p in t.paragraphs]
    check(service)


def test_deleting_a_transcript_removes_its_entries(search: SearchService,
                                                   service: AnnotationService) -> None:
    tid = search.search("营收").results[0].transcript_id
    service.add_highlight_by_quote(tid, "Hello everyone", occurrence=1, note="a note")
    search.refresh_index()
    execute(service, "DELETE FROM transcripts WHERE id = :tid", tid=tid)
    assert all(u[0] != tid for u in units(service))
    assert {r.transcript_id for r in search.search("营收").results} != {tid}
    assert tid not in {r.transcript_id for r in search.search("quarter", limit=500).results}
    check(service)


def test_a_transcript_stored_by_plain_sql_is_indexed_before_the_next_search(
        search: SearchService, service: AnnotationService) -> None:
    execute(service, "INSERT INTO transcripts (sha256, source_path, source_name, format, "
            "encoding, text, imported_at) VALUES ('ff', '/x/y.txt', 'y.txt', 'general', "
            "'utf-8', :text, '2025-01-01 00:00:00')",
            text="Operator\nWelcome to the Zanzibar Widgets call.")
    assert [r.source_name for r in search.search("zanzibar").results] == ["y.txt"]
    check(service)


def test_old_library_is_back_filled_by_the_migration(db_path: Path) -> None:
    upgrade(db_path, "0002")
    text = HOSHAN.read_text(encoding="utf-8")
    with closing(sqlite3.connect(db_path)) as c, c:
        c.execute("INSERT INTO transcripts (id, sha256, source_path, source_name, company, "
                  "period, format, encoding, text, imported_at) VALUES (1, 'aa', '/h.txt', "
                  "'h.txt', 'Hoshan Mobility', 'Q3 2024', 'quartr', 'utf-8', ?, "
                  "'2025-01-01 00:00:00')", (text,))
        start = text.index("營收")
        c.execute("INSERT INTO highlights (id, transcript_id, start_offset, end_offset, quote, "
                  "prefix, suffix, colour, note, created_at, updated_at, orphaned) VALUES "
                  "(1, 1, ?, ?, '營收', '', '', 'red', 'check the 毛利率', "
                  "'2025-01-01 00:00:00', '2025-01-01 00:00:00', 0)", (start, start + 2))
    with open_database(db_path) as db:
        assert db.report.found == "0002" and db.report.current == HEAD_REVISION
        assert db.report.backup is not None
        search = SearchService(db)
        with db.read() as s:
            assert not pending(s.connection())
            assert integrity_problems(s.connection()) == []
        assert {r.kind for r in search.search("营收").results} == {"paragraph", "quote"}
        assert [r.kind for r in search.search("毛利率").results] == ["note"]


def _library_at(db_path: Path, revision: str) -> None:
    """A library at `revision` holding the Hoshan call and a highlight with a note and a tag,
    written by plain SQL as that release would have stored them."""
    upgrade(db_path, min(revision, "0002"))
    text = HOSHAN.read_text(encoding="utf-8")
    start = text.index("營收")
    with closing(sqlite3.connect(db_path)) as c, c:
        c.execute("INSERT INTO transcripts (id, sha256, source_path, source_name, company, "
                  "period, format, encoding, text, imported_at) VALUES (1, 'aa', '/h.txt', "
                  "'h.txt', 'Hoshan Mobility', 'Q3 2024', 'quartr', 'utf-8', ?, "
                  "'2025-01-01 00:00:00')", (text,))
        c.execute("INSERT INTO transcript_versions VALUES ('aa', 1, '/h.txt', "
                  "'2025-01-01 00:00:00')")
        c.execute("INSERT INTO highlights (id, transcript_id, start_offset, end_offset, quote, "
                  "prefix, suffix, colour, note, created_at, updated_at, orphaned) VALUES "
                  "(1, 1, ?, ?, '營收', '', '', 'red', 'check the reconciliation', "
                  "'2025-01-01 00:00:00', '2025-01-01 00:00:00', 0)", (start, start + 2))
        c.execute("INSERT INTO tags (id, name) VALUES (1, 'margins')")
        c.execute("INSERT INTO highlight_tags VALUES (1, 1)")
    if revision > "0002":
        upgrade(db_path, revision)


@pytest.mark.parametrize("revision", [r for r in KNOWN_REVISIONS if r != HEAD_REVISION])
def test_every_earlier_library_upgrades_to_the_head_index(db_path: Path, revision: str) -> None:
    _library_at(db_path, revision)
    with open_database(db_path) as db:
        assert db.report.found == revision and db.report.current == HEAD_REVISION
        assert db.report.backup is not None
        assert db.report.backup.name.startswith(f"{db_path.name}.bak-{revision}-")
        with db.read() as s:
            assert not pending(s.connection())
            assert integrity_problems(s.connection()) == []
        search = SearchService(db)
        assert {r.kind for r in search.search("营收").results} == {"paragraph", "quote"}
        assert [r.kind for r in search.search("reconcil*").results] == ["note"]
        # The stem vocabulary is filled from what was stored: another form finds the note.
        assert [r.kind for r in search.search("reconciliations").results] == ["note"]
        with db.read() as s:
            sizes = s.connection().exec_driver_sql(
                "SELECT count(*) FROM search_fts_docsize").scalar_one()
            assert sizes == s.connection().exec_driver_sql(
                "SELECT count(*) FROM search_units").scalar_one() > 0
        assert [r.kind for r in search.search("marg*", SearchFilters(kinds=("tags",))).results
                ] == ["tags"]
        qa = search.search("quest*", SearchFilters(section="qa")).results
        assert qa and {r.section for r in qa} == {"qa"}
        assert search.search("quest*", SearchFilters(section="summary")).results == []


def test_prefix_queries_of_every_length_find_every_word_with_that_start(
        search: SearchService, service: AnnotationService) -> None:
    calls = {tid: service.transcript_text(tid) for tid, *_ in units(service)}
    texts = {(tid, start, kind): words_column(t) or t for tid, kind, start, end in units(service)
             for t in [calls[tid][start:end]]}
    # Lengths below, at and above the prefix indexes (3, 4, 5) must answer alike.
    for word in ("quarter", "revenue", "margin"):
        for n in range(2, len(word) + 1):
            stem = word[:n]
            found = {(r.transcript_id, r.start, r.kind) for r in
                     search.search(f"{stem}*", limit=100_000).results if r.kind == "paragraph"}
            pattern = re.compile(rf"(?<![^\W_]){stem}", re.IGNORECASE)
            expected = {k for k, t in texts.items() if pattern.search(t)}
            assert found == expected, stem
            assert found, stem


def test_filter_tokens_are_two_characters_and_tell_values_apart() -> None:
    for letter, values in _FILTER_VALUES.items():
        tokens = [filter_token(letter, v) for v in values]
        assert all(t is not None and len(t) == 2 for t in tokens)
        none = {f"{letter}n"} if letter != "u" else set()  # a unit always has a kind
        assert len(set(tokens) | none) == len(tokens) + len(none), letter
    assert filter_token("s", "Q&A") == "sq"
    assert filter_token("s", "pres") is None and filter_token("k", "") is None
    assert meta_tokens(12, None, "analyst", "note") == "t12 sn ka un"


def test_unknown_filter_values_match_nothing(search: SearchService) -> None:
    assert search.search("quarter", SearchFilters(section="intermission")).results == []
    assert search.search("quarter", SearchFilters(kinds=("footnote",))).results == []
    assert search.search("quarter", SearchFilters(section="QA")).results


def test_downgrade_to_0003_restores_its_index(sqlite_service: AnnotationService,
                                              db_path: Path) -> None:
    from alembic import command
    from sqlalchemy import create_engine

    for f in (HOSHAN, LANTING, AMBERGATE):
        sqlite_service.import_file(f)
    sqlite_service.db.close()
    engine = create_engine(f"sqlite:///{db_path}")
    try:
        with engine.begin() as conn:
            command.downgrade(alembic_config(conn), "0003")
            assert integrity_problems(conn) == []
            qa = conn.exec_driver_sql("SELECT count(*) FROM search_fts "
                                      "WHERE search_fts MATCH 'meta : xsqa'").scalar_one()
            assert qa > 0
    finally:
        engine.dispose()
    with open_database(db_path) as db, db.read() as s:
        assert db.report.found == "0003"
        assert integrity_problems(s.connection()) == []


@pytest.mark.postgres
def test_both_backends_give_the_same_results_and_marks(db_path: Path, pg_url: str) -> None:
    queries = ["quarter", "revenue growth", '"net revenue"', "reven*", "guid*", "营收", "營收",
               "使用者", "用户", "增长 margin", "cost OR 成本", "quest*", "the", "q2", "资金成本"]
    found: list[dict[str, list[tuple[object, ...]]]] = []
    for location in (db_path, pg_url):
        with AnnotationService.open(location) as svc:
            for f in (HOSHAN, LANTING, AMBERGATE):
                svc.import_file(f)
            tid = svc.import_file(LANTING).transcript.id
            svc.add_highlight_by_quote(tid, "Hello everyone", occurrence=1, note="成本 note",
                                       tags=["guidance"])
            search = SearchService(svc.db)
            found.append({q: sorted((r.kind, r.start, r.end, r.hit_start, r.snippet, r.marks)
                                    for r in search.search(q, limit=1000).results)
                          for q in queries})
    assert sum(1 for q in queries if found[0][q]) >= 10  # most of them find something
    assert found[0] == found[1]
