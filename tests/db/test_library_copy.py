"""`reader library copy SRC DST`: a whole library from a file to a server and back, idempotent,
with counts and a highlight checksum that match afterwards."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli import main
from reader.services.annotations import AnnotationService
from reader.services.errors import AnnotationError
from reader.services.library_copy import copy
from reader.services.search import SearchService

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
CALLS = [FIXTURES / "quartr_lanting_q2_2024.txt",
         FIXTURES / "quartr_hoshan_q3_2024_traditional.txt",
         FIXTURES / "earningscall_ambergate_q2_2025.txt"]


def fill(location: Path | str) -> None:
    """A library with what a copy must carry: calls (one corrected, so two versions),
    highlights by two authors with notes and tags, an orphan, a colour name, the user's own
    metadata and roles."""
    with AnnotationService.open(location, user="ana") as ana:
        ids = [ana.import_file(f).transcript.id for f in CALLS]
        ana.add_highlight_by_quote(ids[0], "funding cost", occurrence=1, note="down 15 bp",
                                   tags=["Funding", "guidance"], colour="Risk")
        ana.add_highlight_by_quote(ids[1], "Hello everyone", occurrence=1) \
            if "Hello everyone" in ana.transcript_text(ids[1]) else None
        ana.rename_colour("red", "Must check")
        ana.set_metadata(ids[2], {"company": "Ambergate Holdings"})
        ana.set_role("bo", "member")
    with AnnotationService.open(location, user="bo") as bo:
        bo.add_highlight_by_quote(ids[0], "Hello everyone", occurrence=1, note="营收 note",
                                  tags=["opening"])


def snapshot(location: Path | str) -> dict[str, object]:
    with AnnotationService.open(location, user="ana") as svc:
        calls = sorted(svc.library(), key=lambda i: i.sha256)
        highlights = sorted(
            (c.sha256, h.start, h.end, h.quote, h.note, h.colour, tuple(sorted(h.tags)),
             h.author, h.note_author, h.created_at, h.orphaned)
            for c in calls for h in svc.highlights(c.id))
        return {
            "calls": [(c.sha256, c.company, c.period, c.date, svc.transcript_text(c.id))
                      for c in calls],
            "highlights": highlights,
            "colours": [(c.key, c.display_name) for c in svc.colours()],
            "roles": svc.roles(),
            "search": sorted((r.snippet, r.kind) for r in SearchService(svc.db).search(
                "funding", limit=500).results),
        }


@pytest.mark.postgres
def test_a_file_library_goes_to_the_server_and_back_whole(tmp_path: Path, pg_url: str) -> None:
    source = tmp_path / "mine.sqlite3"
    fill(source)
    before = snapshot(source)
    seen: list[tuple[str, int, int]] = []
    report = copy(source, pg_url, progress=lambda *a: seen.append(a))
    assert report.source_checksum == report.target_checksum
    assert report.added["calls"] == 3 and report.added["highlights"] == len(before["highlights"])
    assert report.totals["highlights"] == len(before["highlights"])
    assert ("calls", 3, 3) in seen and any(s[0] == "highlights" for s in seen)
    assert snapshot(pg_url) == before

    again = copy(source, pg_url)  # idempotent: nothing added, nothing changed
    assert again.added == {} and again.updated == {}
    assert again.source_checksum == again.target_checksum == report.target_checksum

    back = tmp_path / "back.sqlite3"
    returned = copy(pg_url, back)
    assert returned.source_checksum == returned.target_checksum == report.source_checksum
    assert snapshot(back) == before


@pytest.mark.postgres
def test_a_newer_edit_travels_and_the_target_keeps_its_own(tmp_path: Path, pg_url: str) -> None:
    source = tmp_path / "mine.sqlite3"
    fill(source)
    copy(source, pg_url)
    with AnnotationService.open(pg_url, user="cy") as cy:  # the desk adds its own
        tid = cy.library()[0].id
        cy.add_highlight_by_quote(tid, cy.transcript_text(tid)[40:70], note="cy's")
    with AnnotationService.open(source, user="ana") as ana:
        h = next(h for c in ana.library() for h in ana.highlights(c.id)
                 if h.note == "down 15 bp")
        ana.update_highlight(h.id, note="down 15 bp, confirmed")
    report = copy(source, pg_url)
    assert report.updated == {"highlights": 1} and report.added == {}
    assert report.source_checksum == report.target_checksum  # over the source's highlights
    with AnnotationService.open(pg_url) as svc:
        notes = {h.note for c in svc.library() for h in svc.highlights(c.id)}
    assert {"down 15 bp, confirmed", "cy's"} <= notes and "down 15 bp" not in notes


def test_copy_refuses_the_same_library_and_a_missing_source(tmp_path: Path) -> None:
    with pytest.raises(AnnotationError, match="the same library"):
        copy(tmp_path / "a.sqlite3", tmp_path / "." / "a.sqlite3")
    with pytest.raises(AnnotationError, match="no library at"):
        copy(tmp_path / "missing.sqlite3", tmp_path / "b.sqlite3")


@pytest.mark.postgres
def test_the_command_prints_progress_counts_and_the_checksum(
        tmp_path: Path, pg_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "mine.sqlite3"
    fill(source)
    assert main(["library", "copy", str(source), pg_url]) == 0
    out, err = capsys.readouterr()
    assert "copying calls: 3/3" in err
    assert "calls: 3 added, 0 updated, 0 already there (3 there now)" in out
    assert out.splitlines()[-1].endswith(": match")
    added = next(line for line in out.splitlines() if line.startswith("highlights:"))
    n = int(added.split()[1])
    assert n >= 2 and added == f"highlights: {n} added, 0 updated, 0 already there ({n} there now)"
    assert main(["library", "copy", str(source), pg_url]) == 0
    out = capsys.readouterr().out
    assert f"highlights: 0 added, 0 updated, {n} already there ({n} there now)" in out
