"""The last session's tabs, opened again at start: each at its reading position, in its order,
the tab that was current current again; files that are gone are named in one line."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from reader.ui.window.part import WindowPart

if TYPE_CHECKING:
    from reader.ui.window.main_window import MainWindow



class SessionTabs(WindowPart):
    """Remembers which files are open in tabs and opens them again (see the module docstring)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._order: list[str] = []  # the restored files, in their old tab order
        self._current: str | None = None
        self._lead: str | None = None  # a file outside the session opened meanwhile: it leads

    def remember(self) -> None:
        """Keep the open tabs' files (called as the window closes)."""
        w = self._window
        docs = w.documents()
        paths = [doc.path for doc in docs]
        w.settings.session_tabs = paths
        current = w.current_document()
        w.settings.session_current = docs.index(current) if current in docs else 0

    def restore(self) -> list[str]:
        """Open the last session's files again; returns the paths that are gone."""
        w = self._window
        paths = w.settings.session_tabs
        current = w.settings.session_current
        present = [p for p in paths if Path(p).is_file()]
        gone = [p for p in paths if p not in present]
        if gone:
            names = ", ".join(Path(p).name for p in gone)
            w.statusBar().showMessage(
                QCoreApplication.translate("SessionTabs", "Not reopened, no longer there: {names}").format(names=names), 15000)
        if not present:
            return gone
        self._order = present
        self._current = paths[current] if 0 <= current < len(paths) else None
        self._lead = None
        w.open_queue.busy_changed.connect(self._on_queue_busy_changed)
        w.open_files(present)
        return gone

    def note_opened(self, paths: list[str]) -> None:
        """Files asked for beside the session's (the command line): the last one stays current."""
        others = [str(Path(p).expanduser().absolute()) for p in paths]
        others = [p for p in others if p not in self._order]
        if self._order and others:
            self._lead = others[-1]

    def _on_queue_busy_changed(self, pending: list[str]) -> None:
        if pending or not self._order:
            return
        w = self._window
        w.open_queue.busy_changed.disconnect(self._on_queue_busy_changed)
        tabs = w.tabs
        # Jobs finish in any order: put the session's tabs back in theirs, in front.
        for target, path in enumerate(p for p in self._order if tabs.of_path(p) is not None):
            doc = tabs.of_path(path)
            if doc is not None:
                tabs.tabBar().moveTab(tabs.indexOf(doc.view), target)
        lead = self._lead or self._current
        chosen = tabs.of_path(lead) if lead else None
        if chosen is not None:
            tabs.setCurrentWidget(chosen.view)
        self._order, self._current, self._lead = [], None, None
