"""File → Open Library…: choose between this computer's library file and a team library.

A team library is a `postgresql://` URL or a libpq service name; a file path works in the
same field. Credentials stay with libpq (~/.pgpass, $PGPASSWORD, a service file): the dialog
says so, and a password typed into a URL is used for this session and never remembered.
Switching reopens the window on the chosen library (see `LibrarySwitch`), the way it opens at
start-up, so every part of the window starts clean on the new library.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from reader.ui.settings import without_password
from reader.ui.window.actions import window_action
from reader.ui.window.part import WindowPart

if TYPE_CHECKING:
    from reader.ui.window.main_window import MainWindow

__all__ = ["LibrarySwitch", "OpenLibraryDialog", "library_location", "local_library",
           "reopen_window", "same_library"]


def local_library() -> Path:
    """This computer's library file: $TRANSCRIPT_READER_DB when it names a file, else the
    one in the user data folder."""
    from reader.services.paths import ENV_VAR, default_db_path, is_server_url

    value = os.environ.get(ENV_VAR, "")
    if value and not is_server_url(value):
        return Path(value).expanduser()
    return default_db_path()


def library_location(text: str) -> Path | str | None:
    """What the user typed as a library: a server URL as it is, a service name as libpq's
    `service=` URL, anything with a path separator or a file suffix as a file; None if empty."""
    from reader.services.paths import is_server_url

    value = text.strip()
    if not value:
        return None
    if is_server_url(value):
        return value
    if os.sep in value or "/" in value or value.startswith("~") or Path(value).suffix:
        return Path(value).expanduser()
    return f"postgresql:///?service={value}"


def same_library(a: Path | str | None, b: Path | str | None) -> bool:
    if a is None or b is None:
        return a is b
    if isinstance(a, Path) and isinstance(b, Path):
        return a.expanduser().resolve() == b.expanduser().resolve()
    return without_password(str(a)) == without_password(str(b))


class OpenLibraryDialog(QDialog):
    """Pick a library (see the module docstring); `location()` after it is accepted."""

    def __init__(self, current: Path | str | None, recent: Sequence[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("open_library_dialog")
        self.setWindowTitle(self.tr("Open Library"))
        self.setMinimumWidth(560)
        local = local_library()
        self.local_radio = QRadioButton(self.tr("This computer's library"), self)
        self.local_radio.setObjectName("local_radio")
        path_label = QLabel(str(local), self)
        path_label.setTextFormat(Qt.TextFormat.PlainText)
        path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        path_label.setIndent(24)
        path_label.setEnabled(False)  # muted
        self.team_radio = QRadioButton(self.tr("A team library, or another library file:"),
                                       self)
        self.team_radio.setObjectName("team_radio")
        group = QButtonGroup(self)
        group.addButton(self.local_radio)
        group.addButton(self.team_radio)

        self.location_combo = QComboBox(self)
        self.location_combo.setObjectName("location_combo")
        self.location_combo.setEditable(True)
        self.location_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.location_combo.addItems([r for r in recent if r != str(local)])
        line = self.location_combo.lineEdit()
        assert line is not None  # an editable combo has one
        line.setPlaceholderText(self.tr("postgresql://you@db.desk.example/research, or a "
                                        "service name"))
        line.textEdited.connect(self._on_location_text_edited)
        self.location_combo.setMinimumContentsLength(44)

        note = QLabel(self.tr(
            "Passwords are never stored by the app. The server's client library finds yours "
            "in ~/.pgpass, in the PGPASSWORD variable, or in a service file "
            "(~/.pg_service.conf, used with a service name); sslmode and other options go "
            "in the URL. A password typed in the URL is used this time only."), self)
        note.setObjectName("credentials_note")
        note.setTextFormat(Qt.TextFormat.PlainText)
        note.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setObjectName("location_error")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet("color: #c0392b;")
        self.error.hide()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.local_radio)
        layout.addWidget(path_label)
        layout.addSpacing(6)
        layout.addWidget(self.team_radio)
        layout.addWidget(self.location_combo)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

        if current is None or same_library(current, local):
            self.local_radio.setChecked(True)
        else:
            self.team_radio.setChecked(True)
            self.location_combo.setEditText(without_password(str(current)))

    def _on_location_text_edited(self, _text: str) -> None:
        self.team_radio.setChecked(True)
        self.error.hide()

    def location(self) -> Path | str | None:
        """The chosen library (None: nothing usable typed)."""
        if self.local_radio.isChecked():
            return local_library()
        return library_location(self.location_combo.currentText())

    def accept(self) -> None:
        if self.location() is None:
            self.error.setText(self.tr("Type a postgresql:// address, a service name or a "
                                       "library file."))
            self.error.show()
            self.location_combo.setFocus()
            return
        super().accept()


def reopen_window(old: MainWindow, location: Path | str) -> MainWindow:
    """A new main window on `location` with the old one's tabs, then the old one closed
    (which finishes its writes and closes its library): the window as it opens at start-up,
    so nothing of the old library lingers in any part of it."""
    from reader.ui.window.main_window import MainWindow

    old.save_state()  # the tabs, layout and positions the new window restores
    new = MainWindow(old.settings, db_path=location)
    new.setGeometry(old.geometry())
    new.show()
    new.restore_session()
    old.successor = new  # alive until whoever holds the old window takes the new one
    old.library_switched.emit(new)
    old.close()
    return new


class LibrarySwitch(WindowPart):
    """File → Open Library… and the switch itself (see the module docstring)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.act_open_library: QAction = window_action(
            window, QCoreApplication.translate("LibrarySwitch", "Open &Library…"),
            self._on_open_library_triggered, ["Ctrl+Alt+O"],
            QCoreApplication.translate("LibrarySwitch", "Switch to this computer's library or "
                                                        "a team library on a server"))
        self.dialog: OpenLibraryDialog | None = None
        self.confirm_box: QMessageBox | None = None

    def _on_open_library_triggered(self) -> None:
        w = self._window
        dialog = OpenLibraryDialog(w.annotations.session.path, w.settings.recent_libraries, w)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._on_dialog_accepted(dialog))
        dialog.open()

    def _on_dialog_accepted(self, dialog: OpenLibraryDialog) -> None:
        self.dialog = None
        location = dialog.location()
        if location is not None:
            self.switch_to(location)

    def switch_to(self, location: Path | str, *, confirmed: bool = False) -> MainWindow | None:
        """Reopen the window on `location` (remembered, without a password); None when it
        is the library already open, or while the user is asked about an unsaved edit."""
        w = self._window
        if same_library(location, w.annotations.session.path):
            w.statusBar().showMessage(self.tr("This library is open already."), 5000)
            return None
        if w.annotations.unsaved_edit is not None and not confirmed:
            self._confirm(location)
            return None
        text = str(location)
        w.settings.library = "" if same_library(location, local_library()) else text
        w.settings.add_recent_library(text)
        return reopen_window(w, location)

    def _confirm(self, location: Path | str) -> None:
        """An edit this library has not taken would not follow to another library: say so,
        and copy what was typed in it to the clipboard before switching."""
        w = self._window
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Switch Libraries?"),
                          self.tr("Your last edit has not been saved to this library, and "
                                  "another library cannot take it. Switch anyway? What you "
                                  "typed in it is copied to the clipboard first."),
                          QMessageBox.StandardButton.Cancel, w)
        box.setObjectName("switch_confirm_box")
        box.setTextFormat(Qt.TextFormat.PlainText)
        switch = box.addButton(self.tr("Copy and Switch"), QMessageBox.ButtonRole.AcceptRole)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.confirm_box = box

        def clicked(button: object) -> None:
            self.confirm_box = None
            if button is switch:
                typed = w.annotations.kept_text()
                if typed:
                    QApplication.clipboard().setText(typed)
                self.switch_to(location, confirmed=True)

        box.buttonClicked.connect(clicked)
        box.open()
