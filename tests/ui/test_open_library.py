"""File → Open Library…: the dialog, recent libraries without passwords, and the switch, which
reopens the window's tabs on the new library after closing the old one cleanly."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from shiboken6 import isValid
from test_highlights import CALL, STABLE, highlight, open_call

from reader.ui.library_session import LibraryState
from reader.ui.settings import Settings, without_password
from reader.ui.window.main_window import MainWindow
from reader.ui.window.open_library import (
    OpenLibraryDialog,
    library_location,
    local_library,
)

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
    """Windows a switch made: closed and waited for at the end."""
    made: list[MainWindow] = []
    yield made
    for w in made:
        if not isValid(w):  # let go by the app after a later switch
            continue
        w.close()
        w.annotations.session.wait(10_000)


def settings_file(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


def test_typed_locations():
    assert library_location("") is None
    assert library_location("desk") == "postgresql:///?service=desk"
    url = "postgresql://ana:pw@db.example/research?sslmode=require"
    assert library_location(url) == url  # used as typed, this time
    assert library_location("/data/team.sqlite3") == Path("/data/team.sqlite3")
    assert library_location("other.sqlite3") == Path("other.sqlite3")
    assert without_password(url) == "postgresql://ana@db.example/research?sslmode=require"


def test_no_password_is_ever_stored(tmp_path):
    settings = settings_file(tmp_path)
    settings.add_recent_library("postgresql://ana:s3cret@db.example/research")
    settings.library = "postgresql://ana:s3cret@db.example/research"
    settings.sync()
    text = (tmp_path / "settings.ini").read_text()
    assert "s3cret" not in text
    assert settings.recent_libraries == ["postgresql://ana@db.example/research"]
    assert settings.library == "postgresql://ana@db.example/research"


def test_the_dialog(qtbot, window):
    dialog = OpenLibraryDialog(local_library(), ["postgresql://ana@db/research"], window)
    qtbot.addWidget(dialog)
    assert dialog.local_radio.isChecked() and dialog.location() == local_library()
    note = dialog.findChild(type(dialog.error), "credentials_note")
    assert note is not None and "~/.pgpass" in note.text() and "PGPASSWORD" in note.text()
    assert dialog.location_combo.itemText(0) == "postgresql://ana@db/research"
    dialog.location_combo.lineEdit().clear()
    qtbot.keyClicks(dialog.location_combo.lineEdit(), "desk")
    assert dialog.team_radio.isChecked()  # typing picks the team library
    assert dialog.location() == "postgresql:///?service=desk"
    dialog.location_combo.lineEdit().clear()
    dialog.accept()
    assert dialog.result() != OpenLibraryDialog.DialogCode.Accepted
    assert not dialog.error.isHidden()
    assert window.library_switch.act_open_library in window.menuBar().actions()[0].menu().actions()
    assert ("Open Library", "Ctrl+Alt+O") in window.shortcut_rows()
    shown = OpenLibraryDialog("postgresql://ana:pw@db/research", [], window)
    qtbot.addWidget(shown)
    assert shown.team_radio.isChecked()
    assert shown.location_combo.currentText() == "postgresql://ana@db/research"


def test_switching_reopens_the_tabs_on_the_other_library_and_back(qtbot, window, call_file,
                                                                  library, tmp_path, successors):
    view = open_call(qtbot, window, call_file)
    mine = highlight(qtbot, window, view, STABLE)
    other = tmp_path / "desk" / "team.sqlite3"
    other.parent.mkdir()
    old_session = window.annotations.session
    switched: list[object] = []
    window.library_switched.connect(switched.append)

    new = window.library_switch.switch_to(other)
    assert new is not None
    successors.append(new)
    assert switched == [new] and window.successor is new
    assert not window.isVisible() and old_session.state is LibraryState.CLOSED
    assert new.annotations.session.path == other
    qtbot.waitUntil(lambda: new.annotations.session.state is LibraryState.OPEN, timeout=20_000)
    qtbot.waitUntil(lambda: not new.open_queue.pending() and new.current_view() is not None,
                    timeout=30_000)
    new_view = new.current_view()
    assert new_view is not None and new.documents()[0].path == str(call_file)
    qtbot.waitUntil(lambda: new.annotations.transcript_id(new_view) is not None, timeout=20_000)
    assert new.annotations.highlights(new_view) == []  # the other library has none yet
    assert other.is_file()
    settings = settings_file(tmp_path)
    assert settings.library == str(other) and settings.recent_libraries[0] == str(other)

    assert new.library_switch.switch_to(other) is None  # already open: says so, stays
    assert "open already" in new.statusBar().currentMessage()

    back = new.library_switch.switch_to(library)
    assert back is not None
    successors.append(back)
    back_view = back.current_view()
    qtbot.waitUntil(lambda: back.current_view() is not None, timeout=30_000)
    back_view = back.current_view()
    assert back_view is not None
    qtbot.waitUntil(lambda: [h.id for h in back.annotations.highlights(back_view)] == [mine.id],
                    timeout=20_000)


def test_the_open_library_action_opens_the_dialog_and_switches(qtbot, window, tmp_path,
                                                               successors):
    window.library_switch.act_open_library.trigger()
    dialog = window.library_switch.dialog
    assert dialog is not None and dialog.isVisible()
    target = tmp_path / "picked.sqlite3"
    dialog.location_combo.setEditText(str(target))
    dialog.team_radio.setChecked(True)
    switched: list[MainWindow] = []
    window.library_switched.connect(switched.append)
    dialog.accept()
    qtbot.waitUntil(lambda: bool(switched), timeout=10_000)
    successors.extend(switched)
    assert switched[0].annotations.session.path == target


@pytest.mark.postgres
def test_switching_to_a_team_library_on_a_server(qtbot, window, pg_url, tmp_path, successors):
    new = window.library_switch.switch_to(pg_url)
    assert new is not None
    successors.append(new)
    qtbot.waitUntil(lambda: new.annotations.session.state is not LibraryState.OPENING,
                    timeout=30_000)
    assert new.annotations.session.state is LibraryState.OPEN, new.annotations.session.error
    assert settings_file(tmp_path).recent_libraries[0] == without_password(pg_url)


def test_the_app_follows_the_new_window_and_lets_the_old_one_go(qtbot, library, tmp_path,
                                                                successors):
    from PySide6.QtWidgets import QApplication

    from reader.ui.app import follow_library_switches

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window = MainWindow(settings_file(tmp_path), db_path=library)  # the app's, not qtbot's
    window.show()
    qtbot.waitUntil(lambda: window.annotations.session.state is LibraryState.OPEN,
                    timeout=20_000)
    follow_library_switches(app, window)
    new = window.library_switch.switch_to(tmp_path / "second.sqlite3")
    assert new is not None
    successors.append(new)
    assert window.successor is None  # the app holds the new window now
    qtbot.waitUntil(lambda: not isValid(window), timeout=5_000)  # the old one is gone
    third = new.library_switch.switch_to(tmp_path / "third.sqlite3")  # and again, from it
    assert third is not None
    successors.append(third)
    qtbot.waitUntil(lambda: not isValid(new), timeout=5_000)
