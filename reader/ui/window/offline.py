"""A team library's server out of reach: one line in the status bar, and Use Local Library.

When the server cannot be reached as the window opens, or is lost later (the library
session's `server_status`), the status bar keeps one line saying so, beside a button that
switches the window to this computer's library file. Reading goes on meanwhile; an edit the
server refused stays kept (the annotation controller's unsaved edit) and is offered again
when the server is back, at which point the line goes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from reader.ui.window.actions import window_action
from reader.ui.window.part import WindowPart

if TYPE_CHECKING:
    from reader.ui.window.main_window import MainWindow

_LINE_CHARS = 110


class ServerStatus(WindowPart):
    """See the module docstring."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.act_use_local: QAction = window_action(
            window, QCoreApplication.translate("ServerStatus", "&Use Local Library"),
            self._on_use_local_triggered, (),
            QCoreApplication.translate("ServerStatus", "Reopen the window on this computer's "
                                                       "library file"))
        self.act_use_local.setEnabled(False)
        self.widget = QWidget(window)
        self.widget.setObjectName("server_status")
        self.label = QLabel(self.widget)
        self.label.setObjectName("server_status_line")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setStyleSheet("color: #c0392b;")
        button = QToolButton(self.widget)
        button.setDefaultAction(self.act_use_local)
        button.setAutoRaise(True)
        layout = QHBoxLayout(self.widget)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(button)
        self.widget.hide()
        window.statusBar().addPermanentWidget(self.widget)
        session = window.annotations.session
        session.server_status.connect(self._on_session_server_status)
        session.library_failed.connect(self._on_session_library_failed)

    def is_offline(self) -> bool:
        return not self.widget.isHidden()

    def line(self) -> str:
        return self.label.text() if self.is_offline() else ""

    def _show(self, message: str) -> None:
        flat = " ".join(message.split())
        shown = flat if len(flat) <= _LINE_CHARS else flat[: _LINE_CHARS - 1] + "…"
        self.label.setText(shown)
        self.label.setToolTip(flat)
        self.act_use_local.setEnabled(True)
        self.widget.show()

    def _on_session_library_failed(self, message: str) -> None:
        from reader.services.paths import is_server_url

        if is_server_url(self._window.annotations.session.path or ""):
            self._show(self.tr("The team library cannot be opened: {reason}").format(
                reason=message))

    def _on_session_server_status(self, line: str) -> None:
        if line:
            self._show(line)
            return
        self.widget.hide()
        self.act_use_local.setEnabled(False)
        self._window.annotations.offer_kept_edit()

    def _on_use_local_triggered(self) -> None:
        from reader.ui.window.open_library import local_library

        self._window.library_switch.switch_to(local_library())
