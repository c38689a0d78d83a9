"""The base of the window's parts: each is one concern of the main window, holding the window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:  # the window owns its parts; a run-time import would be circular
    from reader.ui.window.main_window import MainWindow


class WindowPart:
    """A concern of the main window (menus, opening files, find...) kept in a class of its own;
    it reaches the window's widgets and other parts through `_window`."""

    def __init__(self, window: MainWindow) -> None:
        self._window = window

    def tr(self, text: str) -> str:
        """`text` in the UI language, as QObject.tr does: lupdate files a part's strings
        under its class name (a subclass falls back to its bases' names)."""
        for cls in type(self).__mro__[:-1]:
            translated = QCoreApplication.translate(cls.__name__, text)
            if translated != text:
                return translated
        return text
