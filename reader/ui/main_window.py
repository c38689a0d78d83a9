"""The main window: one tab per open transcript, the outline dock, menus, toolbar, find bar.

The window is glue: reading and parsing happen in `workers`, display in `ReadingView`, the
tree in `OutlineModel`, highlights in `AnnotationController`, the Library dock (every stored
call, and search across them) in `LibraryController`, and every remembered choice goes
through `Settings`. View options (script, cleanup, layout, font size)
are window-wide: changing one applies to every tab.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QSize,
    Qt,
    QThreadPool,
    QTimer,
)
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QIcon,
    QKeySequence,
    QResizeEvent,
    QShowEvent,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QToolBar,
    QToolButton,
    QTreeView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader import APP_NAME
from reader.core.model import SectionKind, SpeakerKind, Transcript
from reader.core.source_file import DIALOG_FILTER, readable_name
from reader.ui.actions import Key, window_action
from reader.ui.annotation_controller import AnnotationController
from reader.ui.discrepancy_panel import DiscrepancyPanel
from reader.ui.find_bar import FindBar
from reader.ui.fonts import reading_font
from reader.ui.library_controller import LibraryController
from reader.ui.outline_model import OutlineModel, OutlineRole, tooltip_text
from reader.ui.reading_view import MAX_POINT_SIZE, MIN_POINT_SIZE, ReadingView
from reader.ui.resources import app_icon
from reader.ui.settings import FONT_POINT_SIZE, Settings
from reader.ui.workers import OpenQueue

if TYPE_CHECKING:
    from reader.core.anchoring import TranscriptInfo
    from reader.services.annotations import AnnotationService
    from reader.services.prefetch import ParsePrefetch
    from reader.services.search import SearchResult

SCRIPT_CHOICES = (
    ("none", "As in file"),
    ("t2s", "Simplified"),
    ("s2t", "Traditional"),
    ("s2twp", "Traditional (Taiwan)"),
    ("s2hk", "Traditional (Hong Kong)"),
)
LAYOUT_CHOICES = (  # Ctrl+1..4 are the highlight colours
    ("side_by_side", "Side by side", "Alt+1"),
    ("interleaved", "Interleaved", "Alt+2"),
    ("original_only", "Original only", "Alt+3"),
    ("interpretation_only", "Interpretation only", "Alt+4"),
)
ZOOM_FACTOR = 1.1
LIBRARY_WAIT_MS = 2000
"""The longest the library waits for a start-up call's first paint before it opens."""
WARM_UP_DELAY_MS = 1500
"""How long after a start-up call is aligned the parsers load for the next file."""
TRANSCRIPT_FILTER = DIALOG_FILTER
EXTRA_KEYS = (
    ("Find bar: next match", "Enter"),
    ("Find bar: previous match", "Shift+Enter"),
    ("Find bar: close", "Esc"),
    ("Zoom with the mouse", "Ctrl+Wheel"),
)


def _plain_tooltip(text: str) -> str:
    """A tooltip that shows `text` literally (Qt would render text that looks like HTML)."""
    return tooltip_text(text)


def _menu_text(text: str) -> str:
    return text.replace("&", "&&")


@dataclass(slots=True)
class _Document:
    """One open transcript: its tab's view, its outline, where it came from."""

    path: str
    transcript: Transcript
    view: ReadingView
    model: OutlineModel
    speaker: int | None = None
    restore_turn: int | None = None
    """The turn to bring back to the top once the view is laid out: a saved position at
    opening, or the turn that was at the top before a width change re-wrapped the text."""
    restore_scheduled: bool = False
    jumped: tuple[int, int | None] | None = None
    """(turn navigated to, turn the view then reported at its top): the view may report
    the row's first turn, so stepping on starts from where the jump was aimed."""


class MainWindow(QMainWindow):
    """The app window (see the module docstring)."""

    def __init__(self, settings: Settings, pool: QThreadPool | None = None,
                 parent: QWidget | None = None, *, db_path: Path | None = None,
                 prefetch: ParsePrefetch | None = None) -> None:
        """`db_path`: the annotation library to open (None: highlights are off);
        `prefetch`: the files named at start-up, being parsed while the window is built."""
        super().__init__(parent)
        self._settings = settings
        self._docs: dict[ReadingView, _Document] = {}
        self._doc_of_viewport: dict[QObject, _Document] = {}
        self._syncing_outline = False
        self._scrolling_from_outline = False
        self._library_released = False
        self._library_waited = False
        self._queue = OpenQueue(pool or QThreadPool.globalInstance(), self, prefetch)
        self._queue.loaded.connect(self._on_queue_loaded)
        self._queue.failed.connect(self._on_queue_failed)
        self._queue.busy_changed.connect(self._on_queue_busy_changed)

        self.setObjectName("main_window")
        self.setWindowIcon(app_icon())
        self.setAcceptDrops(True)
        self._build_central()
        self._build_outline_dock()
        self._build_discrepancy_dock()
        self._build_annotations(db_path)
        self._build_library()
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._build_status_bar()
        self._restore_window()
        self._update_for_current_document()

    # -- construction -------------------------------------------------------------------

    def _build_central(self) -> None:
        self._tabs = QTabWidget(self)
        self._tabs.setObjectName("transcript_tabs")
        self._tabs.setDocumentMode(True)
        self._tabs.setTabsClosable(True)
        self._tabs.setMovable(True)
        self._tabs.setUsesScrollButtons(True)
        self._tabs.setElideMode(Qt.TextElideMode.ElideRight)
        self._tabs.tabCloseRequested.connect(self._on_tabs_tab_close_requested)
        self._tabs.currentChanged.connect(self._on_tabs_current_changed)

        welcome = QWidget(self)
        welcome.setObjectName("welcome")
        layout = QVBoxLayout(welcome)
        layout.addStretch(1)
        hint = QLabel("Open a transcript with File → Open (Ctrl+O),\nor drop transcript files "
                      "on this window.\nCalls read before are in the Library (Ctrl+Shift+L).",
                      welcome)
        hint.setTextFormat(Qt.TextFormat.PlainText)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setEnabled(False)  # drawn in the palette's disabled (muted) text colour
        layout.addWidget(hint)
        open_button = QPushButton("Open Transcript…", welcome)
        open_button.clicked.connect(self._on_open_button_clicked)
        library_button = QPushButton("Library…", welcome)
        library_button.setObjectName("welcome_library_button")
        library_button.clicked.connect(self._on_library_button_clicked)
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
        self._find_bar.query_edited.connect(self._on_find_bar_query_edited)
        self._find_bar.next_requested.connect(self._on_find_bar_next_requested)
        self._find_bar.previous_requested.connect(self._on_find_bar_previous_requested)
        self._find_bar.closed.connect(self._on_find_bar_closed)

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
        self._discrepancy_dock = QDockWidget("Discrepancies", self)
        self._discrepancy_dock.setObjectName("discrepancy_dock")
        self._discrepancy_dock.setWidget(self._discrepancies)
        self._discrepancy_dock.setAllowedAreas(Qt.DockWidgetArea.LeftDockWidgetArea
                                               | Qt.DockWidgetArea.RightDockWidgetArea)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self._discrepancy_dock)
        self.resizeDocks([self._discrepancy_dock], [330], Qt.Orientation.Horizontal)

    def _build_annotations(self, db_path: Path | None) -> None:
        self._annotations = AnnotationController(self, self._settings, db_path)
        self._annotations.transcript_replaced.connect(self._on_annotations_transcript_replaced)
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
        self._library = LibraryController(self, self._settings, self._annotations.worker)
        self._library.call_requested.connect(self._on_library_call_requested)
        self._library.import_finished.connect(self._on_library_import_finished)
        self._library.call_removing.connect(self._on_library_call_removing)
        self._library.status_message.connect(self._on_library_status_message)
        dock = self._library.dock
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
        self.tabifyDockWidget(self._dock, dock)
        dock.hide()  # until asked for; a saved window layout may show it again
        self._dock.raise_()

    def _build_outline_dock(self) -> None:
        self._outline = QTreeView(self)
        self._outline.setObjectName("outline_view")
        self._outline.setHeaderHidden(True)
        self._outline.setUniformRowHeights(True)
        self._outline.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._outline.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._outline.setTextElideMode(Qt.TextElideMode.ElideRight)
        self._outline.header().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self._outline.clicked.connect(self._on_outline_clicked)
        self._outline.activated.connect(self._on_outline_clicked)
        self._dock = QDockWidget("Outline", self)
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
        s = self._settings
        self.act_open = self._action("&Open…", self._on_open_triggered,
                                     ["Ctrl+O", QKeySequence.StandardKey.Open],
                                     "Open transcript files",
                                     themed.DocumentOpen)
        self.act_close_tab = self._action("&Close Tab", self._on_close_tab_triggered,
                                          ["Ctrl+W", QKeySequence.StandardKey.Close],
                                          "Close the current transcript")
        self.act_quit = self._action("&Quit", self._on_quit_triggered,
                                     ["Ctrl+Q", QKeySequence.StandardKey.Quit])
        self.act_quit.setMenuRole(QAction.MenuRole.QuitRole)

        self.script_group = QActionGroup(self)
        self.script_actions: dict[str, QAction] = {}
        for config, label in SCRIPT_CHOICES:
            action = QAction(label, self.script_group)
            action.setCheckable(True)
            action.setData(config)
            action.setChecked(config == s.script)
            self.script_actions[config] = action
        self.script_group.triggered.connect(self._on_script_group_triggered)

        self.layout_group = QActionGroup(self)
        self.layout_actions: dict[str, QAction] = {}
        for mode, label, key in LAYOUT_CHOICES:
            action = QAction(label, self.layout_group)
            action.setCheckable(True)
            action.setData(mode)
            action.setShortcut(QKeySequence(key))
            action.setChecked(mode == s.layout_mode)
            self.addAction(action)
            self.layout_actions[mode] = action
        self.layout_group.triggered.connect(self._on_layout_group_triggered)

        self.act_join_spaces = QAction("&Join Spaced Chinese", self)
        self.act_join_spaces.setCheckable(True)
        self.act_join_spaces.setChecked(s.join_cjk_spaces)
        self.act_join_spaces.setToolTip("Remove the spaces speech recognition put between "
                                        "Chinese characters")
        self.act_join_spaces.toggled.connect(self._on_cleanup_toggled)
        self.act_hide_fillers = QAction("&Hide Fillers", self)
        self.act_hide_fillers.setCheckable(True)
        self.act_hide_fillers.setChecked(s.hide_fillers)
        self.act_hide_fillers.setToolTip("Hide hesitations such as 嗯, 呃, uh, um")
        self.act_hide_fillers.toggled.connect(self._on_cleanup_toggled)

        self.act_zoom_in = self._action("Zoom &In", self._on_zoom_in_triggered,
                                        ["Ctrl+=", QKeySequence.StandardKey.ZoomIn],
                                        "Larger text")
        self.act_zoom_out = self._action("Zoom &Out", self._on_zoom_out_triggered,
                                         ["Ctrl+-", QKeySequence.StandardKey.ZoomOut],
                                         "Smaller text")
        self.act_zoom_reset = self._action("&Actual Size", self._on_zoom_reset_triggered,
                                           ["Ctrl+0"], "Text at the default size")

        self.act_jump_qa = self._action("Jump to &Q&&A", self._on_jump_qa_triggered,
                                        ["Ctrl+J"], "Go to the start of questions and answers")
        self.act_next_question = self._action(
            "&Next Question", self._on_next_question_triggered, ["Alt+Down", "]"],
            "Go to the next analyst question")
        self.act_previous_question = self._action(
            "&Previous Question", self._on_previous_question_triggered, ["Alt+Up", "["],
            "Go to the previous analyst question")
        self.act_find = self._action("&Find…", self._on_find_triggered,
                                     ["Ctrl+F", QKeySequence.StandardKey.Find],
                                     "Find text in either Chinese script",
                                     themed.EditFind)
        self.act_find_next = self._action("Find Ne&xt", self._on_find_next_triggered, ["F3"])
        self.act_find_previous = self._action("Find Pre&vious",
                                              self._on_find_previous_triggered, ["Shift+F3"])
        self.act_shortcuts = self._action("&Keyboard Shortcuts", self._on_shortcuts_triggered,
                                          ["F1"])
        self.act_about = self._action(f"&About {APP_NAME}", self._on_about_triggered)
        self.act_about.setMenuRole(QAction.MenuRole.AboutRole)

        self.act_show_outline = self._dock.toggleViewAction()
        self.act_show_outline.setText("&Outline")
        self.act_show_outline.setShortcut(QKeySequence("F9"))
        self.addAction(self.act_show_outline)
        self.act_show_discrepancies = self._discrepancy_dock.toggleViewAction()
        self.act_show_discrepancies.setText("&Discrepancies")
        self.act_show_discrepancies.setShortcut(QKeySequence("Shift+F9"))
        self.addAction(self.act_show_discrepancies)
        # The panel enables and disables its own next/previous actions (F8 / Shift+F8).
        self.act_next_discrepancy = self._discrepancies.act_next
        self.act_previous_discrepancy = self._discrepancies.act_previous
        self.addAction(self.act_next_discrepancy)
        self.addAction(self.act_previous_discrepancy)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addAction(self.act_open)
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self.recent_menu.setObjectName("recent_menu")
        self.recent_menu.aboutToShow.connect(self._rebuild_recent_menu)
        file_menu.addSeparator()
        file_menu.addAction(self._library.act_import_files)
        file_menu.addAction(self._library.act_import_folder)
        file_menu.addSeparator()
        file_menu.addAction(self._annotations.act_export)
        file_menu.addAction(self._annotations.act_export_all)
        file_menu.addSeparator()
        file_menu.addAction(self.act_close_tab)
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)
        self._rebuild_recent_menu()

        edit = bar.addMenu("&Edit")
        edit.addAction(self._annotations.act_undo)
        edit.addAction(self._annotations.act_redo)

        view = bar.addMenu("&View")
        self.script_menu = view.addMenu("Chinese &Script")
        self.script_menu.addActions(self.script_group.actions())
        self.layout_menu = view.addMenu("&Layout")
        self.layout_menu.addActions(self.layout_group.actions())
        view.addAction(self.act_join_spaces)
        view.addAction(self.act_hide_fillers)
        view.addSeparator()
        view.addAction(self.act_zoom_in)
        view.addAction(self.act_zoom_out)
        view.addAction(self.act_zoom_reset)
        view.addSeparator()
        view.addAction(self.act_show_outline)
        view.addAction(self.act_show_discrepancies)
        view.addAction(self._annotations.act_show_dock)
        view.addAction(self._library.act_show_dock)

        annotate = bar.addMenu("&Annotate")
        for action in self._annotations.annotate_actions():
            if action is None:
                annotate.addSeparator()
            else:
                annotate.addAction(action)

        go = bar.addMenu("&Go")
        go.addAction(self.act_jump_qa)
        go.addAction(self.act_next_question)
        go.addAction(self.act_previous_question)
        go.addSeparator()
        go.addAction(self.act_find)
        go.addAction(self.act_find_next)
        go.addAction(self.act_find_previous)
        go.addAction(self._library.act_search)
        go.addSeparator()
        go.addAction(self.act_next_discrepancy)
        go.addAction(self.act_previous_discrepancy)

        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self.act_shortcuts)
        help_menu.addAction(self.act_about)

    def _menu_button(self, menu: QMenu, name: str) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setMenu(menu)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        return button

    def _build_toolbar(self) -> None:
        tb = QToolBar("Main toolbar", self)
        tb.setObjectName("main_toolbar")
        tb.setMovable(False)
        tb.setIconSize(QSize(16, 16))
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, tb)
        tb.addAction(self.act_open)
        tb.addSeparator()
        self.script_button = self._menu_button(self.script_menu, "script_button")
        self.script_button.setToolTip("Show Chinese in another script")
        tb.addWidget(self.script_button)
        self.layout_button = self._menu_button(self.layout_menu, "layout_button")
        self.layout_button.setToolTip("How original and interpretation are arranged")
        tb.addWidget(self.layout_button)
        tb.addAction(self.act_join_spaces)
        tb.addAction(self.act_hide_fillers)
        tb.addSeparator()
        self.speaker_combo = QComboBox(self)
        self.speaker_combo.setObjectName("speaker_combo")
        self.speaker_combo.setToolTip("Show only what one speaker says")
        self.speaker_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.speaker_combo.setMinimumContentsLength(14)
        self.speaker_combo.activated.connect(self._on_speaker_combo_activated)
        tb.addWidget(self.speaker_combo)
        tb.addSeparator()
        tb.addAction(self.act_jump_qa)
        tb.addAction(self.act_previous_question)
        tb.addAction(self.act_next_question)
        tb.addSeparator()
        tb.addAction(self.act_find)
        tb.addSeparator()
        for action in (self._annotations.act_highlight, *self._annotations.colour_actions):
            tb.addAction(action)
            button = tb.widgetForAction(action)
            if isinstance(button, QToolButton) and action is not self._annotations.act_highlight:
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self._toolbar = tb
        self._update_option_buttons()

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self._busy_label = QLabel(self)
        self._busy_label.setTextFormat(Qt.TextFormat.PlainText)
        self._busy = QProgressBar(self)
        self._busy.setObjectName("busy_indicator")
        self._busy.setRange(0, 0)  # indeterminate: parsing reports no progress steps
        self._busy.setMaximumWidth(120)
        self._busy.setMaximumHeight(14)
        self._busy.setTextVisible(False)
        self._busy_cancel = QToolButton(self)
        self._busy_cancel.setText("Cancel")
        self._busy_cancel.setAutoRaise(True)
        self._busy_cancel.clicked.connect(self._on_busy_cancel_clicked)
        self._doc_info = QLabel(self)
        self._doc_info.setTextFormat(Qt.TextFormat.PlainText)
        bar.addPermanentWidget(self._busy_label)
        bar.addPermanentWidget(self._busy)
        bar.addPermanentWidget(self._busy_cancel)
        bar.addPermanentWidget(self._doc_info)
        self._on_queue_busy_changed([])

    def _restore_window(self) -> None:
        geometry = self._settings.window_geometry
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            self.resize(1280, 820)
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
    def tabs(self) -> QTabWidget:
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

    def open_files(self, paths: Sequence[str]) -> None:
        """Open each file in a tab of its own (a file already open is brought forward)."""
        for raw in paths:
            path = str(Path(raw).expanduser().absolute())
            doc = self._document_for_path(path)
            if doc is not None:
                self._tabs.setCurrentWidget(doc.view)
                continue
            if self._queue.is_pending(path):
                continue
            self._queue.open(path)

    def current_view(self) -> ReadingView | None:
        widget = self._tabs.currentWidget()
        return widget if isinstance(widget, ReadingView) else None

    def current_document(self) -> _Document | None:
        view = self.current_view()
        return self._docs.get(view) if view is not None else None

    def documents(self) -> list[_Document]:
        """Open documents in tab order."""
        out = []
        for i in range(self._tabs.count()):
            widget = self._tabs.widget(i)
            if isinstance(widget, ReadingView) and widget in self._docs:
                out.append(self._docs[widget])
        return out

    def close_tab(self, index: int) -> None:
        widget = self._tabs.widget(index)
        if widget is None:
            return
        doc = self._docs.pop(widget, None) if isinstance(widget, ReadingView) else None
        if doc is not None:
            self._annotations.detach(doc.view)
            self._remember_position(doc)
            self._doc_of_viewport.pop(doc.view.viewport(), None)
            doc.view.viewport().removeEventFilter(self)
        self._tabs.removeTab(index)
        if doc is not None:
            if self._outline.model() is doc.model:
                self._outline.setModel(None)
            doc.model.deleteLater()
        widget.deleteLater()
        self._update_for_current_document()

    # -- opening -------------------------------------------------------------------------

    def _document_for_path(self, path: str) -> _Document | None:
        for doc in self._docs.values():
            if doc.path == path:
                return doc
        return None

    def _on_queue_loaded(self, path: str, transcript: object) -> None:
        assert isinstance(transcript, Transcript)
        self._settings.add_recent_file(path)
        for doc in self._docs.values():
            if doc.transcript.source.sha256 == transcript.source.sha256:
                self._tabs.setCurrentWidget(doc.view)  # same content under another name
                return
        try:
            self._add_document(path, transcript)
        except Exception as exc:
            # A display bug must cost one file, not the session.
            import logging  # only on this path: start-up stays lean

            logging.getLogger(__name__).exception("showing %s failed", path)
            self._show_error(f"{Path(path).name}: could not be displayed "
                             f"(internal error: {type(exc).__name__})")

    def _on_queue_failed(self, path: str, message: str) -> None:
        if not Path(path).exists():
            self._settings.remove_recent_file(path)
        self._show_error(message)

    def _show_error(self, message: str) -> None:
        from reader.ui import plain  # the message names a file: shown as plain text

        plain.warning(self, "Cannot open transcript", message)

    def _add_document(self, path: str, transcript: Transcript) -> _Document:
        s = self._settings
        view = ReadingView(self._tabs)
        view.setObjectName("reading_view")
        view.setFont(reading_font(round(s.font_point_size), s.script))
        view.set_font_point_size(s.font_point_size)
        view.set_script(s.script)
        view.set_cleanup(s.join_cjk_spaces, s.hide_fillers)
        view.set_layout_mode(s.layout_mode)
        saved = s.reading_position(transcript.source.sha256)
        doc = _Document(path, transcript, view, OutlineModel(transcript, self))
        self._docs[view] = doc
        self._doc_of_viewport[view.viewport()] = doc
        # Show the tab first: the view then has its final width, so the transcript is laid
        # out once instead of once at a default size and again when the tab appears.
        self._stack.setCurrentIndex(1)
        index = self._tabs.addTab(view, self._tab_title(transcript))
        self._tabs.setTabToolTip(index, _plain_tooltip(path))
        self._tabs.setCurrentIndex(index)
        view.set_transcript(transcript)
        # The text cursor ends up after the inserted text; left there, the first resize
        # would scroll it into view, i.e. to the end of the call.
        view.moveCursor(QTextCursor.MoveOperation.Start)
        self._annotations.attach(view, transcript, path)
        view.current_turn_changed.connect(self._on_view_current_turn_changed)
        # Once the call is on screen, aligned and left alone for a moment, the parsers load
        # for the next file (at once, they would slow whatever the reader does first).
        view.alignment_ready.connect(lambda: QTimer.singleShot(
            WARM_UP_DELAY_MS, self._queue, self._queue.warm_up))  # not once the queue is gone
        view.font_size_changed.connect(self._on_view_font_size_changed)
        view.viewport().installEventFilter(self)
        self._update_for_current_document()
        if saved is not None and 0 < saved < len(transcript.turns):
            # Scroll once the window has settled (a restored layout may resize the view).
            self._hold_position(doc, saved)
        return doc

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            doc = self._doc_of_viewport.get(watched)
            if doc is not None and isinstance(event, QResizeEvent) \
                    and event.size().width() != event.oldSize().width():
                # A new width re-wraps every paragraph above the viewport, so the same
                # scroll value would show an earlier part of the call: keep the turn.
                self._hold_position(doc)
        return super().eventFilter(watched, event)

    def _hold_position(self, doc: _Document, turn: int | None = None) -> None:
        if doc.restore_turn is None:
            doc.restore_turn = turn if turn is not None else doc.view.turn_at_viewport_top()
            if doc.restore_turn is None:
                return
        if not doc.restore_scheduled:
            doc.restore_scheduled = True
            QTimer.singleShot(0, lambda v=doc.view: self._apply_restore(v))

    def _apply_restore(self, view: ReadingView) -> None:
        doc = self._docs.get(view)
        if doc is None:
            return
        doc.restore_scheduled = False
        if doc.restore_turn is None:
            return
        turn = doc.restore_turn
        view.scroll_to_turn(turn)
        doc.restore_turn = None
        top = view.turn_at_viewport_top()
        if top is not None and doc.view is self.current_view():
            self._select_outline_turn(doc, top)

    def _remember_position(self, doc: _Document) -> None:
        turn = doc.restore_turn  # not yet applied: it is still where the reader is
        if turn is None:
            turn = doc.view.turn_at_viewport_top()
        if turn is not None:
            self._settings.set_reading_position(doc.transcript.source.sha256, turn)

    # -- calls from the library ---------------------------------------------------------

    def open_stored(self, transcript_id: int, reveal: SearchResult | None = None) -> None:
        """Open a call from the library (its file is not needed), at a search result if given."""
        def load(service: AnnotationService) -> tuple[TranscriptInfo, Transcript]:
            return service.transcript(transcript_id), service.outline(transcript_id)

        self._annotations.worker.submit(
            load, lambda loaded: self._on_stored_loaded(loaded, reveal), self._show_error)

    def _on_library_call_requested(self, transcript_id: int, result: object) -> None:
        from reader.services.search import SearchResult  # loaded with the Library dock

        self.open_stored(transcript_id, result if isinstance(result, SearchResult) else None)

    def _on_stored_loaded(self, loaded: tuple[TranscriptInfo, Transcript],
                          reveal: SearchResult | None) -> None:
        info, transcript = loaded
        doc = next((d for d in self._docs.values()
                    if d.transcript.source.sha256 == transcript.source.sha256), None)
        if doc is None:
            try:
                doc = self._add_document(info.source_path, transcript)
            except Exception as exc:
                import logging  # only on this path: start-up stays lean

                logging.getLogger(__name__).exception("showing call %s failed", info.id)
                self._show_error(f"{info.label}: could not be displayed "
                                 f"(internal error: {type(exc).__name__})")
                return
            if Path(info.source_path).is_file():
                self._settings.add_recent_file(info.source_path)
        else:
            self._tabs.setCurrentWidget(doc.view)
        if reveal is not None:
            doc.restore_turn = None  # the result, not the last reading position
            # Once the new tab is laid out at its final width.
            QTimer.singleShot(0, lambda v=doc.view: self._reveal(v, reveal))
        else:
            doc.view.setFocus()

    def _reveal(self, view: ReadingView, r: SearchResult) -> None:
        """Select a search hit and bring it to the upper third of the view."""
        doc = self._docs.get(view)
        if doc is None:
            return
        doc.restore_turn = None
        self._tabs.setCurrentWidget(view)
        if view.select_source_span(r.hit_start, r.hit_end) \
                or view.select_source_span(r.hit_start, r.hit_start):
            bar = view.verticalScrollBar()
            bar.setValue(bar.value() + view.cursorRect().top() - view.viewport().height() // 3)
        else:
            turn = doc.transcript.turn_at(r.hit_start)
            if turn is not None:
                view.scroll_to_turn(turn.index)
            self.statusBar().showMessage("The match is in text the layout or the speaker "
                                         "filter hides.", 6000)
        view.setFocus()

    def _on_library_call_removing(self, info: TranscriptInfo) -> None:
        for doc in self.documents():
            if self._annotations.transcript_id(doc.view) == info.id \
                    or doc.transcript.source.sha256 == info.sha256:
                self.close_tab(self._tabs.indexOf(doc.view))

    def _on_library_status_message(self, message: str) -> None:
        self.statusBar().showMessage(message, 6000)

    def _on_library_import_finished(self, summary: object) -> None:
        line = getattr(summary, "line", None)
        if callable(line):
            self.statusBar().showMessage(f"Library import: {line()}", 8000)

    def _on_annotations_transcript_replaced(self, view: object, transcript: object) -> None:
        """The library holds a newer version of the opened file: show that one instead."""
        doc = self._docs.get(view) if isinstance(view, ReadingView) else None
        if doc is None or not isinstance(transcript, Transcript):
            return
        old_model = doc.model
        doc.transcript = transcript
        doc.model = OutlineModel(transcript, self)
        doc.speaker = None
        doc.view.set_transcript(transcript)
        doc.view.moveCursor(QTextCursor.MoveOperation.Start)
        self._tabs.setTabText(self._tabs.indexOf(doc.view), self._tab_title(transcript))
        if self._outline.model() is old_model:
            self._outline.setModel(None)
        old_model.deleteLater()
        if doc is self.current_document():
            self._update_for_current_document()

    @staticmethod
    def _tab_title(t: Transcript) -> str:
        name = t.meta.company or t.meta.title or readable_name(Path(t.source.name).stem)
        return f"{name} {t.meta.period}" if t.meta.period else name

    # -- current document ----------------------------------------------------------------

    def _update_for_current_document(self) -> None:
        doc = self.current_document()
        self._stack.setCurrentIndex(1 if self._tabs.count() else 0)
        if doc is None:
            self._outline.setModel(None)
            self.setWindowTitle(APP_NAME)
            self._doc_info.setText("")
        else:
            if self._outline.model() is not doc.model:
                self._outline.setModel(doc.model)
                # setModel makes a new selection model; arrow keys move its current item.
                self._outline.selectionModel().currentChanged.connect(
                    self._on_outline_current_changed)
                self._expand_sections(doc.model)
            self.setWindowTitle(f"{self._tab_title(doc.transcript)} — {APP_NAME}")
            t = doc.transcript
            info = (f"{t.format} layout · {len(t.turns)} turns · "
                    f"{len(t.exchanges)} questions")
            if t.source.replaced:  # the file was damaged: say so, it was read anyway
                n = t.source.replaced
                info += f" · {n} damaged byte{'s' if n > 1 else ''} replaced (shown as \ufffd)"
            self._doc_info.setText(info)
            top = doc.view.turn_at_viewport_top()
            if top is not None:
                self._select_outline_turn(doc, top)
        self._fill_speaker_combo(doc)
        self._discrepancies.set_view(doc.view if doc is not None else None)
        self._annotations.set_current(doc.view if doc is not None else None)
        has_doc = doc is not None
        for action in (self.act_close_tab, self.act_jump_qa, self.act_next_question,
                       self.act_previous_question, self.act_find, self.act_find_next,
                       self.act_find_previous):
            action.setEnabled(has_doc)
        self.speaker_combo.setEnabled(has_doc)
        if not has_doc and self._find_bar.isVisible():
            self._find_bar.close_bar()
        elif has_doc and self._find_bar.isVisible() and self._find_bar.query():
            self._find_bar.search_now()

    def _expand_sections(self, model: OutlineModel) -> None:
        for row in range(model.rowCount()):
            self._outline.expand(model.index(row, 0))

    def _fill_speaker_combo(self, doc: _Document | None) -> None:
        combo = self.speaker_combo
        combo.blockSignals(True)
        try:
            combo.clear()
            combo.addItem("All speakers", None)
            if doc is None:
                return
            t = doc.transcript
            counts: dict[int, int] = {}
            for turn in t.turns:
                counts[turn.speaker] = counts.get(turn.speaker, 0) + 1
            for speaker in t.speakers:
                n = counts.get(speaker.id, 0)
                if not n:
                    continue
                kind = "" if speaker.kind is SpeakerKind.UNKNOWN else f" ({speaker.kind.value})"
                combo.addItem(f"{speaker.label}{kind} · {n}", speaker.id)
            found = combo.findData(doc.speaker) if doc.speaker is not None else 0
            combo.setCurrentIndex(max(0, found))
        finally:
            combo.blockSignals(False)

    def _on_tabs_current_changed(self, _index: int) -> None:
        self._update_for_current_document()

    def _on_tabs_tab_close_requested(self, index: int) -> None:
        self.close_tab(index)

    # -- outline <-> reading position ---------------------------------------------------

    def _on_outline_clicked(self, index: QModelIndex) -> None:
        doc = self.current_document()
        if doc is None or self._syncing_outline or not index.isValid():
            return
        turn = index.data(OutlineRole.TurnIndexRole)
        if not isinstance(turn, int):
            return
        doc.restore_turn = None
        # Scrolling passes through other turns on its way, and may stop a row short (an
        # interpretation sits beside its original); the outline keeps the item the reader
        # chose until the reader scrolls.
        self._scrolling_from_outline = True
        try:
            doc.view.scroll_to_turn(turn)
        finally:
            self._scrolling_from_outline = False

    def _on_outline_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._on_outline_clicked(current)

    def _on_view_current_turn_changed(self, turn: int) -> None:
        view = self.sender()
        doc = self._docs.get(view) if isinstance(view, ReadingView) else None
        if doc is None:
            return
        if doc.restore_turn is None:
            self._settings.set_reading_position(doc.transcript.source.sha256, turn)
        if doc is self.current_document() and not self._scrolling_from_outline:
            self._select_outline_turn(doc, turn)

    def _select_outline_turn(self, doc: _Document, turn: int) -> None:
        """Follow the reading position in the outline without scrolling the view back."""
        if self._outline.model() is not doc.model:
            return
        current = self._outline.currentIndex()
        if current.isValid() and current.data(OutlineRole.TurnIndexRole) == turn:
            return  # e.g. an exchange the reader clicked: keep it selected
        index = doc.model.index_for_turn(turn)
        if not index.isValid():
            return
        self._syncing_outline = True
        try:
            self._outline.setCurrentIndex(index)
            self._outline.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        finally:
            self._syncing_outline = False

    # -- view options --------------------------------------------------------------------

    def _update_option_buttons(self) -> None:
        s = self._settings
        script_label = dict(SCRIPT_CHOICES)[s.script]
        layout_label = {m: label for m, label, _ in LAYOUT_CHOICES}[s.layout_mode]
        self.script_button.setText(f"Script: {script_label}")
        self.layout_button.setText(f"Layout: {layout_label}")

    def set_script(self, config: str) -> None:
        """Show Chinese in `config`'s script in every tab, and remember it."""
        self._settings.script = config  # validates
        self.script_actions[config].setChecked(True)
        self._update_option_buttons()
        for doc in self._docs.values():
            view = doc.view
            family = reading_font(round(view.font_point_size()), config).families()
            if family != view.font().families():
                top = view.turn_at_viewport_top()
                font = view.font()
                font.setFamilies(family)
                view.setFont(font)
                view.set_script(config)
                if top is not None:
                    view.scroll_to_turn(top)
            else:
                view.set_script(config)
        self._library.set_script(config)
        self._refresh_find()

    def set_layout_mode(self, mode: str) -> None:
        self._settings.layout_mode = mode
        self.layout_actions[mode].setChecked(True)
        self._update_option_buttons()
        for doc in self._docs.values():
            doc.view.set_layout_mode(mode)
        self._refresh_find()

    def set_cleanup(self, join_cjk_spaces: bool, hide_fillers: bool) -> None:
        s = self._settings
        s.join_cjk_spaces = join_cjk_spaces
        s.hide_fillers = hide_fillers
        for action, value in ((self.act_join_spaces, join_cjk_spaces),
                              (self.act_hide_fillers, hide_fillers)):
            action.blockSignals(True)
            action.setChecked(value)
            action.blockSignals(False)
        for doc in self._docs.values():
            doc.view.set_cleanup(join_cjk_spaces, hide_fillers)
        self._refresh_find()

    def set_font_point_size(self, pt: float) -> None:
        pt = min(MAX_POINT_SIZE, max(MIN_POINT_SIZE, pt))
        self._settings.font_point_size = pt
        for doc in self._docs.values():
            doc.view.set_font_point_size(pt)

    def _on_script_group_triggered(self, action: QAction) -> None:
        self.set_script(str(action.data()))

    def _on_layout_group_triggered(self, action: QAction) -> None:
        self.set_layout_mode(str(action.data()))

    def _on_cleanup_toggled(self, _checked: bool) -> None:
        self.set_cleanup(self.act_join_spaces.isChecked(), self.act_hide_fillers.isChecked())

    def _on_zoom_in_triggered(self) -> None:
        self.set_font_point_size(round(self._settings.font_point_size * ZOOM_FACTOR * 2) / 2)

    def _on_zoom_out_triggered(self) -> None:
        self.set_font_point_size(round(self._settings.font_point_size / ZOOM_FACTOR * 2) / 2)

    def _on_zoom_reset_triggered(self) -> None:
        self.set_font_point_size(FONT_POINT_SIZE.default)

    def _on_view_font_size_changed(self, pt: float) -> None:
        # Ctrl+wheel in one view: keep every tab, and the setting, at the same size.
        if abs(pt - self._settings.font_point_size) > 0.01:
            self.set_font_point_size(pt)

    def _on_speaker_combo_activated(self, index: int) -> None:
        doc = self.current_document()
        if doc is None:
            return
        speaker = self.speaker_combo.itemData(index)
        doc.speaker = speaker if isinstance(speaker, int) else None
        doc.view.set_speaker_filter(None if doc.speaker is None else {doc.speaker})
        self._refresh_find()

    # -- navigation ----------------------------------------------------------------------

    def _question_turns(self, t: Transcript) -> list[int]:
        starts = sorted({(e.question or e.answer)[0] for e in t.exchanges
                         if e.question or e.answer})
        if starts:
            return starts
        return [turn.index for turn in t.turns if turn.section is SectionKind.QA
                and t.speaker_of(turn).kind is SpeakerKind.ANALYST]

    def _go_to_turn(self, doc: _Document, turn: int) -> None:
        doc.restore_turn = None
        doc.view.scroll_to_turn(turn)
        doc.jumped = (turn, doc.view.turn_at_viewport_top())
        doc.view.setFocus()

    def _on_jump_qa_triggered(self) -> None:
        doc = self.current_document()
        if doc is None:
            return
        qa = doc.transcript.turns_in(SectionKind.QA)
        if qa:
            self._go_to_turn(doc, qa[0].index)
        else:
            self.statusBar().showMessage("This transcript has no Q&A section.", 4000)

    def _step_question(self, forward: bool) -> None:
        doc = self.current_document()
        if doc is None:
            return
        questions = self._question_turns(doc.transcript)
        top = doc.view.turn_at_viewport_top()
        here = -1 if top is None else top
        if doc.jumped is not None and doc.jumped[1] == top:
            here = doc.jumped[0]  # not scrolled since the last jump
        if forward:
            target = next((q for q in questions if q > here), None)
        else:
            target = next((q for q in reversed(questions) if q < here), None)
        if target is None:
            which = "next" if forward else "previous"
            self.statusBar().showMessage(f"No {which} question.", 3000)
            return
        self._go_to_turn(doc, target)

    def _on_next_question_triggered(self) -> None:
        self._step_question(True)

    def _on_previous_question_triggered(self) -> None:
        self._step_question(False)

    # -- find ----------------------------------------------------------------------------

    def _on_find_triggered(self) -> None:
        view = self.current_view()
        selected = view.textCursor().selectedText() if view is not None else ""
        single_line = selected if selected and "\u2029" not in selected else None
        self._find_bar.open_bar(single_line)

    def _on_find_next_triggered(self) -> None:
        if not self._find_bar.isVisible():
            self._find_bar.open_bar()
            return
        self._find_bar.step(True)

    def _on_find_previous_triggered(self) -> None:
        if not self._find_bar.isVisible():
            self._find_bar.open_bar()
            return
        self._find_bar.step(False)

    def _on_find_bar_query_edited(self, query: str) -> None:
        view = self.current_view()
        if view is None:
            return
        if not query:
            view.clear_find()
            self._find_bar.set_result(0, 0)
            return
        total = view.find(query)
        self._find_bar.set_result(view.current_find_hit() + 1, total)

    def _on_find_bar_next_requested(self) -> None:
        view = self.current_view()
        if view is not None:
            current = view.find_next()
            self._find_bar.set_result(current + 1, view.find_hit_count())

    def _on_find_bar_previous_requested(self) -> None:
        view = self.current_view()
        if view is not None:
            current = view.find_previous()
            self._find_bar.set_result(current + 1, view.find_hit_count())

    def _on_find_bar_closed(self) -> None:
        for doc in self._docs.values():
            doc.view.clear_find()
        view = self.current_view()
        if view is not None:
            view.setFocus()

    def _refresh_find(self) -> None:
        """The view re-finds after a rebuild; show its new count."""
        view = self.current_view()
        if view is not None and self._find_bar.isVisible() and self._find_bar.query():
            self._find_bar.set_result(view.current_find_hit() + 1, view.find_hit_count())

    # -- files, recent files, drag and drop ----------------------------------------------

    def _on_open_triggered(self) -> None:
        self._queue.warm_up()  # while the reader picks files
        start = self._settings.last_directory or str(Path.home())
        paths, _ = QFileDialog.getOpenFileNames(self, "Open Transcripts", start,
                                                TRANSCRIPT_FILTER)
        if paths:
            self._settings.last_directory = str(Path(paths[0]).parent)
            self.open_files(paths)

    def _on_open_button_clicked(self) -> None:
        self._on_open_triggered()

    def _on_library_button_clicked(self) -> None:
        self._library.show_library()

    def _rebuild_recent_menu(self) -> None:
        menu = self.recent_menu
        menu.clear()
        recent = self._settings.recent_files
        for n, path in enumerate(recent, start=1):
            prefix = f"&{n % 10} " if n <= 10 else ""
            action = menu.addAction(prefix + _menu_text(Path(path).name))
            action.setData(path)
            action.setStatusTip(path)
            action.setToolTip(_plain_tooltip(path))
            action.triggered.connect(lambda _c=False, p=path: self.open_files([p]))
        if recent:
            menu.addSeparator()
            menu.addAction("&Clear Recent Files", self._on_clear_recent_triggered)
        else:
            empty = menu.addAction("No recent files")
            empty.setEnabled(False)

    def _on_clear_recent_triggered(self) -> None:
        self._settings.clear_recent_files()
        self._rebuild_recent_menu()

    @staticmethod
    def _dropped_paths(event: QDragEnterEvent | QDropEvent) -> list[str]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        return [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_paths(event):
            self._queue.warm_up()  # while the files are carried to the drop
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
                self.statusBar().showMessage("Folders go into the library, which is busy or "
                                             "not open.", 6000)
        else:
            event.ignore()

    # -- busy indicator ------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._library_released:
            QTimer.singleShot(0, self._release_library_when_idle)

    def _release_library_when_idle(self) -> None:
        """Open the library once the files asked for at start are shown: its loading would
        only slow down their parsing and first paint (see AnnotationWorker.open_library)."""
        if self._library_released or self._queue.pending():
            return  # the queue turning idle calls again
        view = self.current_view()
        if view is not None and not view.has_painted() and not self._library_waited:
            # A start-up file shown before the window's first paint: after the view's (or
            # a moment later, should it never be painted).
            self._library_waited = True
            view.first_painted.connect(self._release_library_when_idle)
            QTimer.singleShot(LIBRARY_WAIT_MS, self, self._release_library_when_idle)
            return
        self._library_released = True
        QTimer.singleShot(0, self._annotations.release_library)  # after that paint

    def _on_queue_busy_changed(self, pending: list[str]) -> None:
        if not pending and not self._library_released and self.isVisible():
            QTimer.singleShot(0, self._release_library_when_idle)
        busy = bool(pending)
        self._busy.setVisible(busy)
        self._busy_cancel.setVisible(busy)
        self._busy_label.setVisible(busy)
        if len(pending) == 1:
            self._busy_label.setText(f"Opening {Path(pending[0]).name}…")
        elif pending:
            self._busy_label.setText(f"Opening {len(pending)} files…")

    def _on_busy_cancel_clicked(self) -> None:
        self._queue.cancel_all()

    # -- dialogs -------------------------------------------------------------------------

    def shortcut_rows(self) -> list[tuple[str, str]]:
        """(what, keys) for the keyboard shortcuts dialog, from the actions themselves."""
        actions = [self.act_open, self.act_close_tab, self.act_quit, self.act_find,
                   self.act_find_next, self.act_find_previous, self.act_jump_qa,
                   self.act_next_question, self.act_previous_question, self.act_zoom_in,
                   self.act_zoom_out, self.act_zoom_reset, self.act_show_outline,
                   *self.layout_group.actions(), *self._annotations.shortcut_actions(),
                   *self._library.shortcut_actions(),
                   self.act_shortcuts]
        rows = []
        for action in actions:
            keys = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText)
                             for k in action.shortcuts())
            if keys:
                text = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
                rows.append((text.rstrip("…"), keys))
        rows.extend(EXTRA_KEYS)
        return rows

    def _on_shortcuts_triggered(self) -> None:
        dialog = QDialog(self)
        dialog.setWindowTitle("Keyboard Shortcuts")
        tree = QTreeWidget(dialog)
        tree.setColumnCount(2)
        tree.setHeaderLabels(["Action", "Keys"])
        tree.setRootIsDecorated(False)
        for what, keys in self.shortcut_rows():
            tree.addTopLevelItem(QTreeWidgetItem([what, keys]))
        tree.resizeColumnToContents(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(tree)
        layout.addWidget(buttons)
        dialog.resize(440, 480)
        dialog.exec()

    def _on_about_triggered(self) -> None:
        from reader import __version__

        QMessageBox.about(self, f"About {APP_NAME}",
                          f"{APP_NAME} {__version__}\n\nRead earnings-call transcripts: "
                          "Mandarin and its English interpretation side by side.")

    # -- closing -------------------------------------------------------------------------

    def _on_close_tab_triggered(self) -> None:
        if self._tabs.count():
            self.close_tab(self._tabs.currentIndex())

    def _on_quit_triggered(self) -> None:
        self.close()

    def save_state(self) -> None:
        """Remember reading positions and the window layout."""
        for doc in self._docs.values():
            self._remember_position(doc)
        self._settings.window_geometry = self.saveGeometry()
        self._settings.window_state = self.saveState()
        self._settings.highlights_header = self._annotations.dock.header_state()
        self._settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._queue.cancel_all()
        self.save_state()
        self._queue.wait(3000)
        self._library.close()
        self._annotations.close()
        super().closeEvent(event)
