"""A team library's server out of reach: one line in the status bar with Use Local Library;
an edit the server refused is kept and offered again when the server is back."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from pg_cluster import start_cluster
from PySide6.QtWidgets import QApplication, QMessageBox
from shiboken6 import isValid
from test_highlights import CALL, PROFIT, STABLE, fill_editor, highlight, open_call

from reader.services.annotations import AnnotationService
from reader.ui.library_session import LibraryState
from reader.ui.window.main_window import MainWindow

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints",
                              "This plugin does not support raise"),
]


@pytest.fixture
def call_file(tmp_path: Path) -> Path:
    path = tmp_path / "pinecrest_q2_2025.txt"
    path.write_text(CALL, encoding="utf-8")
    return path


@pytest.fixture
def successors() -> Iterator[list[MainWindow]]:
    made: list[MainWindow] = []
    yield made
    for w in made:
        if not isValid(w):  # let go by the app after a later switch
            continue
        w.close()
        w.annotations.session.wait(10_000)


def test_a_server_that_cannot_be_reached_at_open_is_one_line_with_use_local(
        qtbot, make_window, tmp_path, isolated_library, successors):
    nowhere = f"postgresql://postgres@/team?host={tmp_path / 'no-server'}&port=5432"
    window = make_window(nowhere)
    status = window.server_status
    assert window.annotations.session.state is LibraryState.FAILED
    assert status.is_offline() and status.act_use_local.isEnabled()
    assert status.line().startswith("The team library cannot be opened:")
    assert "\n" not in status.line()
    assert window.annotations.library_message_box is None  # the line, not a dialog
    switched: list[MainWindow] = []
    window.library_switched.connect(switched.append)
    status.act_use_local.trigger()
    assert len(switched) == 1
    successors.extend(switched)
    local = switched[0]
    assert local.annotations.session.path == isolated_library
    qtbot.waitUntil(lambda: local.annotations.session.state is LibraryState.OPEN,
                    timeout=20_000)
    assert not local.server_status.is_offline()


def test_switching_away_with_an_unsaved_edit_asks_and_copies_it(qtbot, window, call_file,
                                                               tmp_path, monkeypatch,
                                                               successors):
    monkeypatch.setattr("reader.ui.plain.warning", lambda *_args: None)
    view = open_call(qtbot, window, call_file)
    ctl = window.annotations
    h = highlight(qtbot, window, view, PROFIT)
    from db.engine import DiskFullError
    from db.repository import Repository

    def full(*_args, **_kwargs):
        raise DiskFullError("library.sqlite3: the disk is full; nothing was saved")

    monkeypatch.setattr(Repository, "update_highlight", full)
    fill_editor(monkeypatch, "margin", "Typed while the disk was full")
    ctl.edit_highlight(h.id)
    qtbot.waitUntil(lambda: ctl.unsaved_edit is not None, timeout=10_000)
    assert window.library_switch.switch_to(tmp_path / "other.sqlite3") is None
    box = window.library_switch.confirm_box
    assert box is not None and "copied to the clipboard" in box.text()
    switched: list[MainWindow] = []
    window.library_switched.connect(switched.append)
    copy = next(b for b in box.buttons()
                if box.buttonRole(b) is QMessageBox.ButtonRole.AcceptRole)
    copy.click()
    assert len(switched) == 1
    successors.extend(switched)
    assert QApplication.clipboard().text() == "Typed while the disk was full\n#margin"


def _pg_ctl(cluster, *args: str) -> None:  # type: ignore[no-untyped-def]
    runner = ["runuser", "-u", cluster.user, "--"] if cluster.user else []
    subprocess.run([*runner, str(cluster.pg_ctl), "-D", str(cluster.data), "-w", *args],
                   check=True, capture_output=True, timeout=120)


@pytest.mark.postgres
def test_a_lost_server_keeps_the_edit_and_offers_it_when_back(qtbot, make_window, call_file,
                                                             monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr("reader.ui.plain.warning", lambda _p, _t, text: shown.append(text))
    cluster = start_cluster()  # a server of its own, to stop and start
    try:
        with psycopg.connect(cluster.url(), autocommit=True) as conn:
            conn.execute("CREATE DATABASE lib")
        url = cluster.url("lib")
        window = make_window(url)
        ctl = window.annotations
        assert ctl.session.state is LibraryState.OPEN, ctl.session.error
        view = open_call(qtbot, window, call_file)
        h = highlight(qtbot, window, view, STABLE)

        _pg_ctl(cluster, "-m", "fast", "stop")
        status = window.server_status
        qtbot.waitUntil(status.is_offline, timeout=20_000)
        assert "cannot be reached" in status.line() and status.act_use_local.isEnabled()

        fill_editor(monkeypatch, "", "Written while the server was down")
        ctl.edit_highlight(h.id)
        qtbot.waitUntil(lambda: bool(shown), timeout=30_000)
        assert ctl.unsaved_edit is not None and "Retry" in shown[0]

        _pg_ctl(cluster, "-l", str(cluster.log), "-o",
                f"-k {cluster.folder} -p 5432 -c listen_addresses=''", "start")
        qtbot.waitUntil(lambda: not status.is_offline(), timeout=30_000)
        qtbot.waitUntil(lambda: ctl.kept_edit_box is not None, timeout=5_000)
        box = ctl.kept_edit_box
        assert box is not None
        save = next(b for b in box.buttons()
                    if box.buttonRole(b) is QMessageBox.ButtonRole.AcceptRole)
        save.click()
        qtbot.waitUntil(lambda: ctl.unsaved_edit is None, timeout=10_000)
        ctl.session.wait(10_000)
        with AnnotationService.open(url, user="check") as s:
            qtbot.waitUntil(lambda: s.highlight(h.id).note == "Written while the server was down",
                            timeout=10_000)
        window.close()
        ctl.session.wait(10_000)
    finally:
        cluster.stop()
