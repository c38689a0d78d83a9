"""What the window's library gets right after opening: notices, the weekly backup, the check."""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

from db.engine import Database
from reader.services.annotations import AnnotationService
from reader.services.library_care import care_after_open

CALL = "Operator: Welcome to the Ridgeway Q3 2025 call.\n\nJane Roe: Margins rose to 21%.\n"


def _library(tmp_path: Path) -> AnnotationService:
    service = AnnotationService.open(tmp_path / "lib.sqlite3")
    service.import_bytes(CALL.encode(), tmp_path / "ridgeway_q3_2025.txt")
    return service


def test_a_healthy_library_gets_its_weekly_backup_and_a_lock_wait_notice(tmp_path: Path) -> None:
    notices: list[str] = []
    with _library(tmp_path) as service:
        assert care_after_open(service, notices.append) == ""
        assert list(tmp_path.glob("lib.sqlite3.bak-*-routine"))
        assert service.db.on_wait is not None
        service.db.on_wait(0.5)
    assert notices == ["Waiting for the library: another program is writing to it…"]


def test_a_read_only_library_says_why_and_takes_no_backup(tmp_path: Path) -> None:
    with _library(tmp_path) as service:
        service.db.health = replace(service.db.health, read_only=True, reason="the disk is read-only")
        assert care_after_open(service, print) == "Library lib.sqlite3: the disk is read-only"
    assert not list(tmp_path.glob("lib.sqlite3.bak-*"))


def test_an_unclean_library_is_checked_beside_the_writer(tmp_path: Path, monkeypatch) -> None:
    said = threading.Event()
    notices: list[str] = []

    def notice(line: str) -> None:
        notices.append(line)
        said.set()

    monkeypatch.setattr(Database, "full_check", lambda _db: "row 7 missing from index")
    with _library(tmp_path) as service:
        service.db.health = replace(service.db.health, unclean=True)
        assert care_after_open(service, notice) == ""
        assert said.wait(10)
    assert "failed its integrity check (row 7 missing from index)" in notices[0]
