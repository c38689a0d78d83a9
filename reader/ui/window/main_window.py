"""The main window: one tab per open transcript, the outline dock, menus, toolbar, find bar.

The window is glue: reading and parsing happen in `workers`, display in `ReadingView`, the
tree in `OutlineModel`, highlights in `AnnotationController`, the Library dock (every stored
call, and search across them) in `LibraryController`, and every remembered choice goes
through `Settings`. View options (script, cleanup, layout, font size)
are window-wide: changing one applies to every tab.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QObject,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QIcon,
    QKeySequence,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader import APP_NAME
from reader.core.model import Transcript
from reader.core.source_file import readable_name
from reader.ui.annotations.citation import CitationCopier
from reader.ui.annotations.controller import AnnotationController
from reader.ui.annotations.library_watch import LibraryWatch
from reader.ui.library.controller import LibraryController
from reader.ui.reading.discrepancy_panel import DiscrepancyPanel
from reader.ui.reading.find_bar import FindBar
from reader.ui.reading.script_text import in_script
from reader.ui.reading.view import ReadingView
from reader.ui.resources import app_icon
from reader.ui.settings import Settings
from reader.ui.window.actions import Key, window_action
from reader.ui.window.back_links import BackLinks
from reader.ui.window.chrome import WindowChrome
from reader.ui.window.docks import SideDocks
from reader.ui.window.document_tabs import DocumentTabs, OpenDocument
from reader.ui.window.find_link import FindLink
from reader.ui.window.help import HelpDialogs
from reader.ui.window.library_link import LibraryLink
from reader.ui.window.navigation import Navigation
from reader.ui.window.notebook_link import NotebookLink
from reader.ui.window.offline import ServerStatus
from reader.ui.window.open_library import LibrarySwitch
from reader.ui.window.open_queue import OpenQueue
from reader.ui.window.opening import DocumentOpener
from reader.ui.window.session import SessionTabs
from reader.ui.window.view_options import ViewOptions

if TYPE_CHECKING:
    from reader.services.search import SearchResult

class MainWindow(QMainWindow):
    """The app window (see the module docstring)."""

    library_switched = Signal(object)  # the new MainWindow, on another library (this one closes)

    def __init__(self, settings: Settings, pool: QThreadPool | None = None,
                 parent: QWidget | None = None, *, db_path: Path | str | None = None) -> None:
        """`db_path`: the annotation library to open (None: highlights are off)."""
        super().__init__(parent)
        self.chrome = WindowChrome(self)
        self._help = HelpDialogs(self)
        self._opener = DocumentOpener(self)
        self._find = FindLink(self)
        self.view_options = ViewOptions(self)
        self._library_link = LibraryLink(self)
        self._nav = Navigation(self)
        self._side_docks = SideDocks(self)
        self._session = SessionTabs(self)
        self._settings = settings
        self._library_released = False
        self._library_waited = False
        self._queue = OpenQueue(pool or QThreadPool.globalInstance(), self)
        self._queue.loaded.connect(self._opener._on_queue_loaded)
        self._queue.failed.connect(self._opener._on_queue_failed)
        self._queue.busy_changed.connect(self._opener._on_queue_busy_changed)

        self.setObjectName("main_window")
        self.setWindowIcon(app_icon())
        self.setAcceptDrops(True)
        self._build_central()
        self._build_outline_dock()
        self._build_discrepancy_dock()
        self._build_annotations(db_path)
        self._build_library()
        self._build_notes()
        self._build_actions()
        self.chrome._build_menus()
        self.chrome._build_toolbar()
        self.chrome._build_status_bar()
        self._restore_window()
        self._side_docks.build()
        self._update_for_current_document()

    # -- construction -------------------------------------------------------------------

    def _build_central(self) -> None:
        self._tabs = DocumentTabs(self)
        self._tabs.setObjectName("transcript_tabs")
        self._tabs.tabCloseRequested.connect(self._on_tabs_tab_close_requested)
        self._tabs.current_changed.connect(self._on_tabs_current_changed)

        welcome = QWidget(self)
        welcome.setObjectName("welcome")
        layout = QVBoxLayout(welcome)
        layout.addStretch(1)
        hint = QLabel(self.tr("Open a transcript with File → Open (Ctrl+O),\nor drop transcript "
                              "files on this window.\nCalls read before are in the Library "
                              "(Ctrl+Shift+L)."),
                      welcome)
        hint.setTextFormat(Qt.TextFormat.PlainText)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setEnabled(False)  # drawn in the palette's disabled (muted) text colour
        layout.addWidget(hint)
        open_button = QPushButton(self.tr("Open Transcript…"), welcome)
        open_button.clicked.connect(self._opener._on_open_button_clicked)
        library_button = QPushButton(self.tr("Library…"), welcome)
        library_button.setObjectName("welcome_library_button")
        library_button.clicked.connect(self._opener._on_library_button_clicked)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(open_button)
        buttons.addWidget(library_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addStretch(2)

        self._stack = QStackedWidget(self)
        self._stack.addWidget(welcome)
        self._stack.addWidget(self._tabs)

        self._find_bar = FindBar(self)
        self._find_bar.hide()
        self._find_bar.query_edited.connect(self._find._on_find_bar_query_edited)
        self._find_bar.next_requested.connect(self._find._on_find_bar_next_requested)
        self._find_bar.previous_requested.connect(self._find._on_find_bar_previous_requested)
        self._find_bar.closed.connect(self._find._on_find_bar_closed)

        central = QWidget(self)
        box = QVBoxLayout(central)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(self._stack, 1)
        box.addWidget(self._find_bar)
        self.setCentralWidget(central)

    def _build_discrepancy_dock(self) -> None:
        """Where the interpretation's numbers differ from the original's, one entry each."""
        self._discrepancies = DiscrepancyPanel(self)
        self._discrepancy_dock = QDockWidget(self.tr("Discrepancies"), self)
        self._discrepancy_dock.setObjectName("discrepancy_dock")
        self._discrepancy_dock.setWidget(self._discrepancies)
        self._discrepancy_dock.setAllowedAreas(Qt.DockWidgetArea.LeftDockWidgetArea
                                               | Qt.DockWidgetArea.RightDockWidgetArea)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self._discrepancy_dock)
        self.resizeDocks([self._discrepancy_dock], [330], Qt.Orientation.Horizontal)

    def _build_annotations(self, db_path: Path | str | None) -> None:
        self._annotations = AnnotationController(self, self._settings, self._tabs, db_path)
        self._annotations.transcript_replaced.connect(self._library_link._on_annotations_transcript_replaced)
        dock = self._annotations.dock
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        self.splitDockWidget(dock, self._discrepancy_dock, Qt.Orientation.Vertical)
        self.resizeDocks([dock, self._discrepancy_dock], [560, 240], Qt.Orientation.Vertical)
        self.resizeDocks([dock], [360], Qt.Orientation.Horizontal)
        header = self._settings.highlights_header
        if not header.isEmpty():
            dock.restore_header(header)

    def _build_library(self) -> None:
        """The Library dock shares the outline's place: one tab away while reading."""
        self._library = LibraryController(self, self._settings, self._annotations.session)
        self._library.call_requested.connect(self._library_link._on_library_call_requested)
        self._library.import_finished.connect(self._library_link._on_library_import_finished)
        self._library.call_removing.connect(self._library_link._on_library_call_removing)
        self._library.status_message.connect(self._library_link._on_library_status_message)
        self._library.metadata_stored.connect(self._library_link._on_library_metadata_stored)
        dock = self._library.dock
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
        self.tabifyDockWidget(self._dock, dock)
        dock.hide()  # until asked for; a saved window layout may show it again
        self._dock.raise_()

    def _build_notes(self) -> None:
        """Copy with citation, back-links and launches handed over, the notebook."""
        self._citation = CitationCopier(self)
        self._annotations.context_actions.append(self._citation.act_copy)
        self._back_links = BackLinks(self)
        self._notebook = NotebookLink(self)
        self._library_watch = LibraryWatch(self._annotations.session, self)
        self.library_switch = LibrarySwitch(self)
        self.server_status = ServerStatus(self)
        self.successor: MainWindow | None = None
        """The window that took over when File → Open Library switched libraries."""

    def _build_outline_dock(self) -> None:
        self._outline = QTreeView(self)
        self._outline.setObjectName("outline_view")
        self._outline.setHeaderHidden(True)
        self._outline.setUniformRowHeights(True)
        self._outline.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._outline.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._outline.setTextElideMode(Qt.TextElideMode.ElideRight)
        self._outline.header().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self._outline.clicked.connect(self._nav._on_outline_clicked)
        self._outline.activated.connect(self._nav._on_outline_clicked)
        self._dock = QDockWidget(self.tr("Outline"), self)
        self._dock.setObjectName("outline_dock")
        self._dock.setWidget(self._outline)
        self._dock.setAllowedAreas(Qt.DockWidgetArea.LeftDockWidgetArea
                                   | Qt.DockWidgetArea.RightDockWidgetArea)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self._dock)
        self.resizeDocks([self._dock], [330], Qt.Orientation.Horizontal)

    def _action(self, text: str, slot: Callable[[], None], shortcuts: Sequence[Key] = (),
                tip: str = "", icon: QIcon.ThemeIcon | None = None) -> QAction:
        return window_action(self, text, slot, shortcuts, tip, icon)

    def _build_actions(self) -> None:
        themed = QIcon.ThemeIcon
        self.act_open = self._action(self.tr("&Open…"), self._opener._on_open_triggered,
                                     ["Ctrl+O", QKeySequence.StandardKey.Open],
                                     self.tr("Open transcript files"),
                                     themed.DocumentOpen)
        self.act_close_tab = self._action(self.tr("&Close Tab"), self._on_close_tab_triggered,
                                          ["Ctrl+W", QKeySequence.StandardKey.Close],
                                          self.tr("Close the current transcript"))
        self.act_quit = self._action(self.tr("&Quit"), self._on_quit_triggered,
                                     ["Ctrl+Q", QKeySequence.StandardKey.Quit])
        self.act_quit.setMenuRole(QAction.MenuRole.QuitRole)

        self.view_options.build_actions()

        self.act_jump_qa = self._action(self.tr("Jump to &Q&&A"), self._nav._on_jump_qa_triggered,
                                        ["Ctrl+J"], self.tr("Go to the start of questions and answers"))
        self.act_next_question = self._action(
            self.tr("&Next Question"), self._nav._on_next_question_triggered, ["Alt+Down", "]"],
            self.tr("Go to the next analyst question"))
        self.act_previous_question = self._action(
            self.tr("&Previous Question"), self._nav._on_previous_question_triggered, ["Alt+Up", "["],
            self.tr("Go to the previous analyst question"))
        self.act_find = self._action(self.tr("&Find…"), self._find._on_find_triggered,
                                     ["Ctrl+F", QKeySequence.StandardKey.Find],
                                     self.tr("Find text in either Chinese script"),
                                     themed.EditFind)
        self.act_find_next = self._action(self.tr("Find Ne&xt"), self._find._on_find_next_triggered, ["F3"])
        self.act_find_previous = self._action(self.tr("Find Pre&vious"),
                                              self._find._on_find_previous_triggered, ["Shift+F3"])
        self.act_shortcuts = self._action(self.tr("&Keyboard Shortcuts"), self._help._on_shortcuts_triggered,
                                          ["F1"])
        self.act_about = self._action(self.tr("&About {app}").format(app=APP_NAME), self._help._on_about_triggered)
        self.act_about.setMenuRole(QAction.MenuRole.AboutRole)

        self.act_show_outline = self._dock.toggleViewAction()
        self.act_show_outline.setText(self.tr("&Outline"))
        self.act_show_outline.setShortcut(QKeySequence("F9"))
        self.addAction(self.act_show_outline)
        self.act_show_discrepancies = self._discrepancy_dock.toggleViewAction()
        self.act_show_discrepancies.setText(self.tr("&Discrepancies"))
        self.act_show_discrepancies.setShortcut(QKeySequence("Shift+F9"))
        self.addAction(self.act_show_discrepancies)
        # The panel enables and disables its own next/previous actions (F8 / Shift+F8).
        self.act_next_discrepancy = self._discrepancies.act_next
        self.act_previous_discrepancy = self._discrepancies.act_previous
        self.addAction(self.act_next_discrepancy)
        self.addAction(self.act_previous_discrepancy)


    def _restore_window(self) -> None:
        geometry = self._settings.window_geometry
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            # First start: most of the screen, so that a desktop screen gets the wide layout
            # (docks beside the reading columns) and a laptop the narrow one.
            screen = self.screen().availableGeometry()
            self.resize(min(1600, screen.width() * 9 // 10), min(1000, screen.height() * 9 // 10))
        state = self._settings.window_state
        if not state.isEmpty():
            self.restoreState(state)

    # -- public API ----------------------------------------------------------------------

    @property
    def settings(self) -> Settings:
        return self._settings

    @property
    def find_bar(self) -> FindBar:
        return self._find_bar

    @property
    def outline_view(self) -> QTreeView:
        return self._outline

    @property
    def tabs(self) -> DocumentTabs:
        return self._tabs

    @property
    def open_queue(self) -> OpenQueue:
        return self._queue

    @property
    def annotations(self) -> AnnotationController:
        return self._annotations

    @property
    def library(self) -> LibraryController:
        return self._library

    @property
    def side_docks(self) -> SideDocks:
        return self._side_docks

    def restore_session(self) -> list[str]:
        """Open the tabs of the last session again, each at its reading position; returns
        the files that are gone (named in the status bar)."""
        return self._session.restore()

    def open_files(self, paths: Sequence[str]) -> None:
        """Open each file in a tab of its own (a file already open is brought forward)."""
        self._session.note_opened(list(paths))
        for raw in paths:
            path = str(Path(raw).expanduser().absolute())
            doc = self._opener._document_for_path(path)
            if doc is not None:
                self._tabs.setCurrentWidget(doc.view)
                continue
            if self._queue.is_pending(path):
                continue
            self._queue.open(path)

    def current_view(self) -> ReadingView | None:
        widget = self._tabs.currentWidget()
        return widget if isinstance(widget, ReadingView) else None

    def current_document(self) -> OpenDocument | None:
        return self._tabs.current()

    def documents(self) -> list[OpenDocument]:
        """Open documents in tab order."""
        return self._tabs.documents()

    def close_tab(self, index: int) -> None:
        widget = self._tabs.widget(index)
        if widget is None:
            return
        doc = self._tabs.take(index)
        if doc is not None:
            self._opener._remember_position(doc)
            doc.view.viewport().removeEventFilter(self)
        if doc is not None:
            if self._outline.model() is doc.model:
                self._outline.setModel(None)
            doc.model.deleteLater()
        widget.deleteLater()
        self._update_for_current_document()

    # -- opening -------------------------------------------------------------------------


    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            doc = self._tabs.of_viewport(watched)
            if doc is not None and isinstance(event, QResizeEvent) \
                    and event.size().width() != event.oldSize().width():
                # A new width re-wraps every paragraph above the viewport, so the same
                # scroll value would show an earlier part of the call: keep the turn.
                self._opener._hold_position(doc)
        return super().eventFilter(watched, event)

    # -- calls from the library ---------------------------------------------------------

    def open_stored(self, transcript_id: int, reveal: SearchResult | None = None) -> None:
        self._library_link.open_stored(transcript_id, reveal)

    def open_link(self, url: str) -> None:
        """Follow a reader:// back-link: its call from the library, the passage selected."""
        self._back_links.open_link(url)

    def open_words(self, words: Sequence[str]) -> None:
        """Files and links handed over by another launch (or the system)."""
        self._back_links.open_words(words)

    def reveal_passage(self, transcript_id: int, start: int, end: int) -> None:
        """Open a stored call with a passage selected."""
        self._back_links.reveal(transcript_id, start, end)

    def _tab_title(self, t: Transcript) -> str:
        name = t.meta.company or t.meta.title or readable_name(Path(t.source.name).stem)
        return in_script(f"{name} {t.meta.period}" if t.meta.period else name,
                         self._settings.script)

    # -- current document ----------------------------------------------------------------

    def _update_for_current_document(self) -> None:
        doc = self.current_document()
        self._stack.setCurrentIndex(1 if self._tabs.count() else 0)
        if doc is None:
            self._outline.setModel(None)
            self.setWindowTitle(APP_NAME)
            self.chrome._doc_info.setText("")
        else:
            if self._outline.model() is not doc.model:
                self._outline.setModel(doc.model)
                # setModel makes a new selection model; arrow keys move its current item.
                self._outline.selectionModel().currentChanged.connect(
                    self._nav._on_outline_current_changed)
                self._nav._expand_sections(doc.model)
            self.setWindowTitle(f"{self._tab_title(doc.transcript)} — {APP_NAME}")
            t = doc.transcript
            info = self.tr("{layout} layout · {turns} turns · {questions} questions").format(
                layout=t.format, turns=len(t.turns), questions=len(t.exchanges))
            if t.source.replaced:  # the file was damaged: say so, it was read anyway
                n = t.source.replaced
                info += (self.tr(" · {n} damaged bytes replaced (shown as {mark})") if n > 1
                         else self.tr(" · 1 damaged byte replaced (shown as {mark})")).format(
                    n=n, mark="\ufffd")
            self.chrome._doc_info.setText(info)
            top = doc.view.turn_at_viewport_top()
            if top is not None:
                self._nav._select_outline_turn(doc, top)
        self._nav._fill_speaker_combo(doc)
        self._discrepancies.set_view(doc.view if doc is not None else None)
        self._annotations.set_current(doc)
        has_doc = doc is not None
        for action in (self.act_close_tab, self.act_jump_qa, self.act_next_question,
                       self.act_previous_question, self.act_find, self.act_find_next,
                       self.act_find_previous):
            action.setEnabled(has_doc)
        self.chrome.speaker_combo.setEnabled(has_doc)
        if not has_doc and self._find_bar.isVisible():
            self._find_bar.close_bar()
        elif has_doc and self._find_bar.isVisible() and self._find_bar.query():
            self._find_bar.search_now()


    def _on_tabs_current_changed(self, _doc: OpenDocument | None) -> None:
        self._update_for_current_document()
        doc = self.current_document()
        if doc is not None and doc.restore_turn is not None:
            self._opener._hold_position(doc)  # a position kept while the tab was behind

    def _on_tabs_tab_close_requested(self, index: int) -> None:
        self.close_tab(index)

    # -- outline <-> reading position ---------------------------------------------------

    # -- view options --------------------------------------------------------------------

    def set_script(self, config: str) -> None:
        self.view_options.set_script(config)

    def set_layout_mode(self, mode: str) -> None:
        self.view_options.set_layout_mode(mode)

    def set_cleanup(self, join_cjk_spaces: bool, hide_fillers: bool) -> None:
        self.view_options.set_cleanup(join_cjk_spaces, hide_fillers)

    def set_font_point_size(self, pt: float) -> None:
        self.view_options.set_font_point_size(pt)

    # -- navigation ----------------------------------------------------------------------

    # -- find ----------------------------------------------------------------------------


    # -- files, recent files, drag and drop ----------------------------------------------

    @staticmethod
    def _dropped_paths(event: QDragEnterEvent | QDropEvent) -> list[str]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        return [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_paths(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        """Files open in tabs; folders go into the library."""
        dropped = self._dropped_paths(event)
        files = [p for p in dropped if Path(p).is_file()]
        folders = [p for p in dropped if Path(p).is_dir()]
        if files or folders:
            event.acceptProposedAction()
            self.open_files(files)
            if folders and not self._library.import_paths(folders):
                self.statusBar().showMessage(self.tr("Folders go into the library, which is busy "
                                                     "or not open."), 6000)
        else:
            event.ignore()

    # -- busy indicator ------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._library_released:
            QTimer.singleShot(0, self._opener._release_library_when_idle)

    # -- dialogs -------------------------------------------------------------------------

    def shortcut_rows(self) -> list[tuple[str, str]]:
        return self._help.shortcut_rows()

    # -- closing -------------------------------------------------------------------------

    def _on_close_tab_triggered(self) -> None:
        if self._tabs.count():
            self.close_tab(self._tabs.currentIndex())

    def _on_quit_triggered(self) -> None:
        self.close()

    def save_state(self) -> None:
        """Remember reading positions and the window layout."""
        for doc in self._tabs:
            self._opener._remember_position(doc)
        self._session.remember()
        self._settings.window_geometry = self.saveGeometry()
        self._settings.window_state = self._side_docks.state_to_save()
        self._settings.highlights_header = self._annotations.dock.header_state()
        self._settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._queue.cancel_all()
        self.save_state()
        self._queue.wait(3000)
        self._notebook.close()
        self._library_watch.stop()
        self._library.close()
        self._annotations.close()
        super().closeEvent(event)
