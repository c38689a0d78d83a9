"""Bulk import: folders, known files skipped, bad files reported, cancel leaves a sound library."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from db.search_index import integrity_problems, pending
from reader.services.annotations import AnnotationService
from reader.services.library import LibraryService, collect_files
from reader.services.paths import ENV_VAR
from reader.services.search import SearchService

FIXTURES = Path(__file__).resolve().parent / "fixtures"
GOOD = sorted(FIXTURES.glob("*.txt"))


@pytest.fixture(autouse=True)
def _isolated_library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "default-library.sqlite3"))


@pytest.fixture
def service(tmp_path: Path) -> Iterator[AnnotationService]:
    with AnnotationService.open(tmp_path / "library.sqlite3") as svc:
        yield svc


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Good transcripts in nested folders, plus an empty file, a binary one, and noise."""
    root = tmp_path / "calls"
    (root / "2024" / "deep").mkdir(parents=True)
    for i, f in enumerate(GOOD):
        target = root / ("2024/deep" if i % 3 == 0 else "2024" if i % 3 == 1 else ".")
        shutil.copy(f, target / f.name)
    (root / "empty.txt").write_bytes(b"")
    (root / "2024" / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (root / "cover.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))  # not a transcript type
    (root / ".hidden.txt").write_text("Operator\nHidden.", encoding="utf-8")
    return root


def consistent(service: AnnotationService) -> None:
    """Every stored call is fully indexed, and the index holds nothing else."""
    with service.db.read() as s:
        conn = s.connection()
        assert integrity_problems(conn) == []
        assert not pending(conn)
    for info in service.library():
        outline = service.outline(info.id)
        with closing(sqlite3.connect(service.db.path)) as c:
            stored = c.execute("SELECT start_offset, end_offset FROM search_units WHERE "
                               "transcript_id = ? AND kind = 'paragraph' ORDER BY id",
                               (info.id,)).fetchall()
        assert stored == [(p.start, p.end) for t in outline.turns for p in t.paragraphs]


def test_collect_walks_folders_for_transcript_files_only(folder: Path) -> None:
    files = collect_files([folder])
    names = sorted(p.name for p in files)
    assert names == sorted([f.name for f in GOOD] + ["empty.txt", "binary.txt"])
    explicit = folder / "cover.png"
    assert collect_files([explicit, explicit]) == [explicit]


def test_folder_with_bad_files_imports_the_rest(service: AnnotationService, folder: Path) -> None:
    seen: list[tuple[int, int, str]] = []
    summary = LibraryService(service).import_paths(
        [folder], progress=lambda d, t, c: seen.append((d, t, c)))
    assert summary.new == len(GOOD) and summary.unchanged == 0 and not summary.cancelled
    reasons = {Path(f.path).name: f.reason for f in summary.failures}
    assert set(reasons) == {"empty.txt", "binary.txt"}
    assert all("\n" not in r and r.startswith(n) for n, r in reasons.items())
    assert seen[0] == (0, summary.total, "")
    assert [d for d, _, _ in seen[1:]] == list(range(1, summary.total + 1))
    assert len(service.library()) == len(GOOD)
    assert summary.line().startswith(f"{len(GOOD)} imported")
    consistent(service)


def test_second_import_skips_known_files_without_parsing(service: AnnotationService,
                                                         folder: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    library = LibraryService(service)
    library.import_paths([folder])
    import reader.services.library as lib

    real = lib.parse_file_bytes
    good = {f.name for f in GOOD}

    def no_parse(data: bytes, name: str) -> object:
        assert name not in good, f"{name} was parsed again"
        return real(data, name)  # the bad ones fail again, as they should

    monkeypatch.setattr(lib, "parse_file_bytes", no_parse)
    again = library.import_paths([folder])
    assert again.new == 0 and again.unchanged == len(GOOD) and len(again.failures) == 2


def test_same_bytes_twice_in_one_import_is_stored_once(service: AnnotationService,
                                                       tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    shutil.copy(GOOD[0], a)
    shutil.copy(GOOD[0], b)
    summary = LibraryService(service).import_paths([a, b])
    assert (summary.new, summary.unchanged) == (1, 1)


def test_cancel_leaves_whole_calls_only(service: AnnotationService, folder: Path) -> None:
    stored: list[int] = []

    def progress(done: int, total: int, current: str) -> None:
        stored.append(done)

    summary = LibraryService(service).import_paths(
        [folder], progress=progress, cancelled=lambda: len(stored) > 5)
    assert summary.cancelled and summary.done == 5 < summary.total
    assert len(service.library()) == summary.new
    consistent(service)
    assert SearchService(service.db).search("the").results
    # The rest comes in on the next run, nothing twice.
    rest = LibraryService(service).import_paths([folder])
    assert rest.new == len(GOOD) - summary.new and rest.unchanged == summary.new
    consistent(service)


def test_parse_pool_gives_the_same_library(service: AnnotationService, folder: Path,
                                           tmp_path: Path) -> None:
    summary = LibraryService(service).import_paths([folder], workers=2)
    assert summary.new == len(GOOD) and len(summary.failures) == 2
    with AnnotationService.open(tmp_path / "serial.sqlite3") as serial:
        LibraryService(serial).import_paths([folder])
        assert [(i.sha256, i.company) for i in serial.library()] == [
            (i.sha256, i.company) for i in service.library()]
    consistent(service)


def test_cancel_with_a_pool_stops_soon(service: AnnotationService, folder: Path) -> None:
    count = [0]

    def progress(done: int, total: int, current: str) -> None:
        count[0] = done

    summary = LibraryService(service).import_paths(
        [folder], progress=progress, cancelled=lambda: count[0] >= 3, workers=2)
    assert summary.cancelled and summary.done == 3
    consistent(service)


def test_remove_takes_the_call_out_of_search(service: AnnotationService, folder: Path) -> None:
    library = LibraryService(service)
    library.import_paths([folder])
    search = SearchService(service.db)
    victim = search.search("营收").results[0].transcript_id
    assert library.remove(victim)
    assert victim not in {r.transcript_id for r in search.search("营收").results}
    assert not library.remove(victim)
    consistent(service)


def test_removing_a_call_drops_its_undo_steps_and_reports_the_change(tmp_path: Path) -> None:
    seen = []
    with AnnotationService.open(tmp_path / "notify.sqlite3", on_change=seen.append) as svc:
        kept = svc.import_file(GOOD[0]).transcript.id
        gone = svc.import_file(GOOD[1]).transcript.id
        svc.add_highlight(kept, 0, 5)
        svc.add_highlight(gone, 0, 5)
        assert svc.can_undo
        seen.clear()
        assert svc.remove_transcript(gone)
        assert seen and gone in seen[-1].transcripts and seen[-1].library
        svc.undo()  # the only step left is the kept call's highlight
        assert not svc.can_undo
        assert svc.highlights(kept) == []
        assert [info.id for info in svc.library()] == [kept]
        assert not svc.remove_transcript(gone)


def test_folder_import_takes_documents_and_lists_their_failures(service: AnnotationService,
                                                                tmp_path: Path) -> None:
    docs = FIXTURES / "documents"
    root = tmp_path / "mixed"
    root.mkdir()
    good = ["qingshan_speakers.docx", "yunfeng_article.html", "baiyun_call.vtt",
            "baiyun_call.srt", "plain_list.json"]
    for name in good:
        shutil.copy(docs / name, root / name)
    (root / "settings.json").write_text('{"theme": "dark"}', encoding="utf-8")
    (root / "broken.docx").write_bytes((docs / "qingshan_speakers.docx").read_bytes()[:3000])
    (root / "make_docx.py").write_text("print('not a transcript')", encoding="utf-8")
    assert sorted(p.name for p in collect_files([root])) == sorted(
        [*good, "settings.json", "broken.docx"])
    summary = LibraryService(service).import_paths([root])
    assert summary.new == len(good)
    reasons = {Path(f.path).name: f.reason for f in summary.failures}
    assert set(reasons) == {"settings.json", "broken.docx"}
    assert "not a transcript JSON shape" in reasons["settings.json"]
    assert "Word" in reasons["broken.docx"]
    assert all("\n" not in r for r in reasons.values())
    consistent(service)
