"""Call metadata in the library: the user's own values (kept over re-imports, used by search
filters and the export), companies grouped across renames, the library filter, a refresh
with the current parser, and migration 0006 from every earlier schema."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

import pytest

from db.engine import HEAD_REVISION, KNOWN_REVISIONS, open_database
from reader.core.anchoring import TranscriptInfo
from reader.core.library_meta import clean_value, group_companies, matches_filter
from reader.services.annotations import AnnotationError, AnnotationService, ImportStatus
from reader.services.library import LibraryService
from reader.services.search import SearchFilters, SearchService

CALL = """Company: Third Quarter
Quarter: Q3 2024

Operator: Good morning, and welcome to the Pellham Ridge Foods third quarter call.

Dana Whitlow -- Chief Executive Officer:
Volumes at our bakery division rose and we held our pricing through the quarter.
"""


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _info(i: int, company: str | None, ticker: str | None, period: str | None = None,
          name: str = "call.txt", date: str | None = None) -> TranscriptInfo:
    return TranscriptInfo(id=i, sha256=f"{i:064x}", source_path=f"/calls/{name}",
                          source_name=name, format="general", encoding="utf-8",
                          imported_at=datetime(2025, 1, i, tzinfo=UTC), company=company,
                          ticker=ticker, period=period, date=date)


def test_user_values_are_kept_over_reimports_and_used_everywhere(
        service: AnnotationService, tmp_path: Path) -> None:
    path = _write(tmp_path / "pellham_q3.txt", CALL)
    info = service.import_file(path).transcript
    library = LibraryService(service)
    edited = library.set_metadata(info.id, company="Pellham Ridge Foods", ticker="nasdaq: prf",
                                  date="Oct 30, 2024")
    assert (edited.company, edited.ticker, edited.period, edited.date) == (
        "Pellham Ridge Foods", "PRF", "Q3 2024", "2024-10-30")
    # A corrected file from the same place: a new version, the user's values stay.
    _write(path, CALL.replace("held our pricing", "held our prices"))
    again = service.import_file(path)
    assert again.status is ImportStatus.NEW_VERSION
    assert again.transcript.company == "Pellham Ridge Foods"
    assert again.transcript.ticker == "PRF"
    # Search filters and results see them.
    search = SearchService(service.db)
    for needle in ("pellham", "prf", "pellham_q3"):
        page = search.search("bakery", SearchFilters(company=needle))
        assert [r.company for r in page.results] == ["Pellham Ridge Foods"], needle
    assert search.search("bakery", SearchFilters(company="third quarter")).results == []
    # The export names the call by them.
    doc = service.export([info.id])[0]
    assert "Pellham Ridge Foods" in doc.markdown and "Third Quarter" not in doc.markdown
    # '' clears a value; None goes back to the detected one.
    assert library.set_metadata(info.id, ticker="").ticker is None
    assert library.set_metadata(info.id, company=None).company == "Third Quarter"


def test_bad_values_are_refused_in_one_line(service: AnnotationService, tmp_path: Path) -> None:
    info = service.import_file(_write(tmp_path / "p.txt", CALL)).transcript
    library = LibraryService(service)
    for field, value in (("period", "last spring"), ("date", "soon"), ("ticker", "A B C"),
                         ("colour", "red")):
        with pytest.raises(AnnotationError) as exc:
            library.set_metadata(info.id, **{field: value})
        assert "\n" not in str(exc.value)
    with pytest.raises(AnnotationError, match="no transcript"):
        library.set_metadata(999, company="X")
    assert clean_value("period", "2024Q3") == "Q3 2024"
    assert clean_value("date", "2024-02-29") == "2024-02-29"
    assert clean_value("company", "  Pellham   Ridge ") == "Pellham Ridge"


def test_companies_are_grouped_by_ticker_across_renames() -> None:
    calls = [_info(1, "Qinfeng Holdings", "QNF", "Q1 2022"),
             _info(2, "Qinfeng Technology", "QNF", "Q3 2024"),
             _info(3, "Qinfeng Technology", None, "Q4 2024"),   # no ticker: joins by name
             _info(4, "Marlow Paper", None, "Q2 2024"),
             _info(5, None, None, None, name="unnamed_call.txt")]
    groups = {g.name: g for g in group_companies(calls)}
    assert set(groups) == {"Qinfeng Technology", "Marlow Paper", "unnamed_call.txt"}
    q = groups["Qinfeng Technology"]
    assert q.ticker == "QNF" and q.names == ("Qinfeng Technology", "Qinfeng Holdings")
    assert q.transcript_ids == (3, 2, 1)  # latest first


def test_the_library_filter_matches_company_ticker_and_file_name() -> None:
    call = _info(1, "Hoshan Mobility", "HSM", name="quartr_hoshan_q3.txt")
    bare = _info(2, None, None, name="maec__ZZT__20190425.txt")
    assert matches_filter(call, "mobil") and matches_filter(call, "hsm")
    assert matches_filter(bare, "zzt") and matches_filter(bare, "")
    assert not matches_filter(bare, "hoshan")
    chinese = _info(3, "華聯電子", None)
    assert matches_filter(chinese, "华联")


def test_service_lists_companies_and_filters(service: AnnotationService, tmp_path: Path) -> None:
    a = service.import_file(_write(tmp_path / "a.txt", CALL)).transcript
    b = service.import_file(_write(tmp_path / "b_call.txt", CALL.replace(
        "Company: Third Quarter", "Company: Pellham Foods").replace("Q3 2024", "Q4 2024")
        .replace("bakery", "snack"))).transcript
    library = LibraryService(service)
    library.set_metadata(a.id, company="Pellham Ridge Foods", ticker="PRF")
    library.set_metadata(b.id, ticker="PRF")
    groups = library.companies()
    assert len(groups) == 1 and set(groups[0].names) == {"Pellham Ridge Foods", "Pellham Foods"}
    assert [i.id for i in library.filtered("b_call")] == [b.id]
    assert {i.id for i in library.filtered("prf")} == {a.id, b.id}
    # Search by either name finds both calls (the ticker ties them).
    page = SearchService(service.db).search("volumes", SearchFilters(company="ridge"))
    assert {r.transcript_id for r in page.results} == {a.id, b.id}


def test_refresh_reads_metadata_again_and_keeps_edits(service: AnnotationService,
                                                      db_path: Path, tmp_path: Path) -> None:
    a = service.import_file(_write(tmp_path / "a.txt", CALL)).transcript
    b = service.import_file(_write(tmp_path / "b.txt", CALL.replace("pricing", "prices")
                                   )).transcript
    LibraryService(service).set_metadata(b.id, company="Pellham Ridge Foods")
    with closing(sqlite3.connect(db_path)) as c, c:  # as an older parser left them
        c.execute("UPDATE transcripts SET company = NULL, period = NULL")
    changed = LibraryService(service).refresh_metadata()
    assert sorted(changed) == sorted([a.id, b.id])
    assert service.transcript(a.id).period == "Q3 2024"
    assert service.transcript(a.id).company == "Third Quarter"
    assert service.transcript(b.id).company == "Pellham Ridge Foods"
    assert LibraryService(service).refresh_metadata() == []


@pytest.mark.parametrize("revision", [r for r in KNOWN_REVISIONS if r != HEAD_REVISION])
def test_every_earlier_library_gets_editable_metadata(db_path: Path, revision: str) -> None:
    from tests.db.test_search_index import _library_at

    _library_at(db_path, revision)
    with open_database(db_path) as db:
        assert db.report.found == revision and db.report.backup is not None
    with AnnotationService.open(db_path) as service:
        assert service.transcript(1).company == "Hoshan Mobility"
        info = LibraryService(service).set_metadata(1, ticker="HSM")
        assert (info.company, info.ticker) == ("Hoshan Mobility", "HSM")
    with closing(sqlite3.connect(db_path)) as c:
        assert c.execute("SELECT ticker, user_ticker FROM transcripts").fetchone() == (
            None, "HSM")
