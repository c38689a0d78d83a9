"""The Library dock: every call in the annotation library, and search across all of them.

The dock exists from the start, so the window's saved layout can place it, but its pages
(`LibraryView`, `SearchPanel`) and the services under them are built the first time it is
shown with the library open: start-up pays for neither. Both pages work on the service the
library session opened (see `LibrarySession.service`); imports run on this controller's
own thread pool, so closing the window can stop them and wait before the library closes.

What the pages ask for goes out as `call_requested(transcript id, SearchResult | None)`; the
window opens the call in a tab, and scrolls to the result when there is one.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
)

from reader.core.records import Changed, ImportSummary, SearchResult, TranscriptInfo
from reader.ui.library_session import LibrarySession, LibraryState
from reader.ui.plain import make_plain
from reader.ui.settings import LIBRARY_PAGES, Settings
from reader.ui.window.actions import window_action

if TYPE_CHECKING:
    from reader.services.annotations import AnnotationService
    from reader.ui.library.search_panel import SearchPanel
    from reader.ui.library.view import LibraryView

USEFUL_WIDTH = 520
"""The dock widens to this when shown narrower: the table has six columns."""
REFRESH_DELAY_MS = 400
"""Changes arrive one per stored file during an import: the table reloads once they pause."""
IMPORT_PROCESSES = max(1, min(4, os.cpu_count() or 1))
"""Parsing processes for an import (the UI thread mostly waits, so every core can parse)."""


class LibraryController(QObject):
    """Owns the Library dock, its actions and its background work (see the module docstring)."""

    call_requested = Signal(int, SearchResult)  # transcript id, the hit to reveal or None
    call_removing = Signal(TranscriptInfo)  # just before it leaves the library
    import_finished = Signal(ImportSummary)  # None when the import could not run
    status_message = Signal(str)
    metadata_stored = Signal(TranscriptInfo)  # the call with the user's new values

    def __init__(self, window: QMainWindow, settings: Settings,
                 session: LibrarySession) -> None:
        super().__init__(window)
        self._window = window
        self._settings = settings
        self._session = session
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)  # an import and a search side by side
        self.library_view: LibraryView | None = None
        self.search_panel: SearchPanel | None = None
        self.remove_box: QMessageBox | None = None
        self.metadata_dialog: QDialog | None = None
        self._stale = False
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self._on_refresh_timer_timeout)

        self._placeholder = QLabel()
        self._placeholder.setObjectName("library_placeholder")
        self._placeholder.setTextFormat(Qt.TextFormat.PlainText)
        self._placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._placeholder.setWordWrap(True)
        self._placeholder.setEnabled(False)  # muted text
        self._pages = QTabWidget()
        self._pages.setObjectName("library_pages")
        self._pages.setDocumentMode(True)
        self._pages.addTab(self._placeholder, self.tr("Library"))
        self.dock = QDockWidget(self.tr("Library"), window)
        self.dock.setObjectName("library_dock")
        self.dock.setWidget(self._pages)
        self.dock.setAllowedAreas(Qt.DockWidgetArea.LeftDockWidgetArea
                                  | Qt.DockWidgetArea.RightDockWidgetArea
                                  | Qt.DockWidgetArea.BottomDockWidgetArea)
        self.dock.visibilityChanged.connect(self._on_dock_visibility_changed)
        self._build_actions()

        session.library_opened.connect(self._on_session_library_opened)
        session.library_failed.connect(self._on_session_library_failed)
        session.changed.connect(self._on_session_changed)
        self._show_state()

    # -- actions -------------------------------------------------------------------------

    def _action(self, text: str, slot: Callable[[], None], keys: Sequence[str] = (),
                tip: str = "") -> QAction:
        return window_action(self._window, text, slot, keys, tip)

    def _build_actions(self) -> None:
        self.act_show_dock = self.dock.toggleViewAction()
        self.act_show_dock.setText(self.tr("&Library"))
        self.act_show_dock.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.act_show_dock.setStatusTip(self.tr("Every call in the library"))
        self._window.addAction(self.act_show_dock)
        self.act_search = self._action(self.tr("&Search All Calls…"), self.show_search,
                                       ["Ctrl+Shift+F"],
                                       self.tr("Search every call in the library, in either "
                                               "script"))
        self.act_import_files = self._action(self.tr("&Import Files to Library…"),
                                             self._on_import_files_triggered, ["Ctrl+Shift+I"],
                                             self.tr("Add transcript files to the library"))
        self.act_import_folder = self._action(self.tr("Import F&older to Library…"),
                                              self._on_import_folder_triggered, [],
                                              self.tr("Add every transcript in a folder and "
                                                      "its subfolders to the library"))

    def shortcut_actions(self) -> list[QAction]:
        return [self.act_show_dock, self.act_search, self.act_import_files]

    # -- public --------------------------------------------------------------------------

    @property
    def ready(self) -> bool:
        """Whether the pages are built (the library is open and the dock was shown)."""
        return self.library_view is not None

    @property
    def importing(self) -> bool:
        return self.library_view is not None and self.library_view.importing

    def show_library(self) -> None:
        self._present("calls")

    def show_search(self) -> None:
        """Ctrl+Shift+F: the Search page, with the query selected for typing over."""
        self._present("search")
        if self.search_panel is not None:
            self.search_panel.focus_search()

    def set_script(self, config: str) -> None:
        """Follow the window's Chinese script in search results and company names."""
        if self.search_panel is not None:
            self.search_panel.set_script(config)
        if self.library_view is not None:
            self.library_view.set_script(config)

    def import_paths(self, paths: Sequence[str | Path]) -> bool:
        """Import files and folders in the background; False if not possible now."""
        self._present("calls")
        if self.library_view is None:
            return False
        return self.library_view.import_paths(paths, workers=IMPORT_PROCESSES)

    def close(self, msecs: int = 10_000) -> bool:
        """Stop an import between two files and wait for this controller's jobs."""
        if self.library_view is not None:
            self.library_view.cancel_import()
        return self._pool.waitForDone(msecs)

    # -- building ------------------------------------------------------------------------

    def _present(self, page: str) -> None:
        self.dock.show()
        self.dock.raise_()
        if not self.dock.isFloating() and self.dock.width() < USEFUL_WIDTH:
            self._window.resizeDocks([self.dock], [USEFUL_WIDTH], Qt.Orientation.Horizontal)
        self._build()
        if self.library_view is not None and self.search_panel is not None:
            self._pages.setCurrentWidget(self.search_panel if page == "search"
                                         else self.library_view)

    def _show_state(self) -> None:
        state = self._session.state
        if state is LibraryState.FAILED:
            text = self.tr("The library is not available: {reason}").format(
                reason=self._session.error)
        elif state is LibraryState.CLOSED:
            text = self.tr("The library is off: no annotation library was opened.")
        else:
            text = self.tr("Opening the library…")
        self._placeholder.setText(text)

    def _build(self) -> None:
        service = self._session.service
        if self.library_view is not None or service is None:
            return
        # Built on first use: these modules and their services cost nothing at start-up.
        from reader.services.library import LibraryService
        from reader.services.search import SearchService
        from reader.ui.library.search_panel import SearchPanel
        from reader.ui.library.view import LibraryView

        library = LibraryView(LibraryService(service), self._pool)
        library.setObjectName("library_view")
        library.transcript_activated.connect(self._on_library_transcript_activated)
        library.import_finished.connect(self._on_library_import_finished)
        library.remove_requested.connect(self._on_library_remove_requested)
        library.edit_requested.connect(self._on_library_edit_requested)
        library.set_grouped(self._settings.library_grouped)
        library.group_button.toggled.connect(self._on_library_group_toggled)
        search = SearchPanel(SearchService(service.db), self._pool)
        search.setObjectName("search_panel")
        search.result_activated.connect(self._on_search_result_activated)
        search.set_script(self._settings.script)
        library.set_script(self._settings.script)
        self.library_view, self.search_panel = library, search
        self._pages.removeTab(0)
        self._pages.addTab(library, self.tr("Calls"))
        self._pages.addTab(search, self.tr("Search"))
        self._pages.setCurrentIndex(LIBRARY_PAGES.index(self._settings.library_page))
        self._pages.currentChanged.connect(self._on_pages_current_changed)
        self._stale = False

    # -- slots ---------------------------------------------------------------------------

    def _on_dock_visibility_changed(self, visible: bool) -> None:
        if not visible:
            return
        self._build()
        if self._stale:
            self._refresh()

    def _on_session_library_opened(self) -> None:
        self._show_state()
        if self.dock.isVisible():
            self._build()

    def _on_session_library_failed(self, _message: str) -> None:
        self._show_state()

    def _on_session_changed(self, changed: Changed) -> None:
        if self.library_view is None:
            return
        if changed.library or changed.highlights or changed.transcripts:
            self._refresh_timer.start()  # highlight counts, new calls, new periods

    def _on_refresh_timer_timeout(self) -> None:
        if self.dock.isVisible():
            self._refresh()
        else:
            self._stale = True  # refreshed when next shown

    def _refresh(self) -> None:
        self._stale = False
        if self.library_view is not None and self.search_panel is not None:
            self.library_view.refresh()
            self.search_panel.refresh_facets()

    def _on_pages_current_changed(self, index: int) -> None:
        if 0 <= index < len(LIBRARY_PAGES):
            self._settings.library_page = LIBRARY_PAGES[index]

    def _on_library_transcript_activated(self, transcript_id: int) -> None:
        self.call_requested.emit(transcript_id, None)

    def _on_search_result_activated(self, result: SearchResult) -> None:
        self.call_requested.emit(result.transcript_id, result)

    def _on_library_import_finished(self, summary: ImportSummary | None) -> None:
        if self.search_panel is not None:
            self.search_panel.refresh_facets()
        self.import_finished.emit(summary)

    def _on_library_remove_requested(self, info: TranscriptInfo) -> None:
        """Ask first: a call's highlights and notes leave with it, and there is no undo."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Remove from Library"),
                          self.tr("Remove {call} from the library?").format(call=info.label),
                          QMessageBox.StandardButton.Cancel, self._window)
        box.setObjectName("remove_call_message")
        make_plain(box)  # the label comes from the transcript
        n = info.highlight_count
        notes = ("" if not n else self.tr("Its 1 highlight and its note go with it; this cannot "
                                          "be undone. ") if n == 1
                 else self.tr("Its {n} highlights and their notes go with it; this cannot be "
                              "undone. ").format(n=n))
        box.setInformativeText(notes + self.tr("The transcript file itself is not touched."))
        remove = box.addButton(self.tr("Remove"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda button: self._remove(info) if button is remove else None)
        self.remove_box = box
        box.open()

    def _on_library_group_toggled(self, grouped: bool) -> None:
        self._settings.library_grouped = grouped

    def _on_library_edit_requested(self, info: TranscriptInfo) -> None:
        """The call's details in a dialog; stored on the library's writer when accepted."""
        from reader.ui.library.metadata_dialog import MetadataDialog

        dialog = MetadataDialog(info, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.set_metadata(info, dialog.values()))
        self.metadata_dialog = dialog
        dialog.open()

    def set_metadata(self, info: TranscriptInfo, values: dict[str, str | None]) -> None:
        """Store the user's company, ticker, period or date for a call, in the background."""
        if not values:
            return

        def store(service: AnnotationService) -> TranscriptInfo:
            from reader.services.library import LibraryService

            return LibraryService(service).set_metadata(info.id, **values)

        self._session.submit(store, self._on_metadata_stored, self.status_message.emit)

    def _on_metadata_stored(self, info: TranscriptInfo) -> None:
        self._refresh()
        if self.library_view is not None:
            self.library_view.select_transcript(info.id)
        self.metadata_stored.emit(info)
        self.status_message.emit(self.tr("Details of {call} saved.").format(call=info.label))

    def _remove(self, info: TranscriptInfo) -> None:
        self.call_removing.emit(info)  # its tabs close before it goes
        self._session.submit(lambda s: s.remove_transcript(info.id),
                            lambda removed: self._on_removed(info, removed),
                            self.status_message.emit)

    def _on_removed(self, info: TranscriptInfo, removed: bool) -> None:
        self._refresh()
        if removed:
            self.status_message.emit(
                self.tr("Removed {call} from the library.").format(call=info.label))

    def _on_import_files_triggered(self) -> None:
        self._present("calls")
        if self.library_view is not None:
            self.library_view.choose_files()

    def _on_import_folder_triggered(self) -> None:
        self._present("calls")
        if self.library_view is not None:
            self.library_view.choose_folder()
