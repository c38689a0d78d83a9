"""The library: a sortable, filterable table of imported calls, and importing files and folders.

The table is `LibraryTableModel` (one row per call) under `LibraryFilterProxy` (company and
period filters, sorting by each column's sort key); "Group by Company" shows the same rows
as a tree, one branch per company (a renamed company, known by its ticker, is one branch).
A call's details (company, ticker, period, date) are edited with F2 or the context menu:
`edit_requested(TranscriptInfo)` asks the owner to store them. Imports run in the background
(a reader.ui.jobs Job) with a progress bar, the current file and Cancel; files that
could not be imported are listed with their reasons. Double-click or Enter on a row emits
`transcript_activated(transcript id)`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from enum import IntEnum
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QThreadPool,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QDragEnterEvent,
    QDropEvent,
    QKeyEvent,
    QKeySequence,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableView,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.core.library_meta import group_companies, matches_filter
from reader.core.records import ImportSummary, TranscriptInfo
from reader.core.source_file import DIALOG_FILTER, readable_name
from reader.services.library import LibraryService
from reader.services.search import period_span
from reader.ui.jobs import Job, error_message
from reader.ui.labels import QT_TRANSLATE_NOOP, dialog_filter
from reader.ui.labels import label as ui_label
from reader.ui.plain import file_tooltip
from reader.ui.reading.script_text import in_script

_Index = QModelIndex | QPersistentModelIndex
ALL_PERIODS = QT_TRANSLATE_NOOP("Labels", "All periods")  # shown through ui_label


class LibraryRole(IntEnum):
    TRANSCRIPT_ID = Qt.ItemDataRole.UserRole + 1
    SHA256 = Qt.ItemDataRole.UserRole + 2
    SORT_KEY = Qt.ItemDataRole.UserRole + 3
    INFO = Qt.ItemDataRole.UserRole + 4


class Column(IntEnum):
    COMPANY = 0
    TICKER = 1
    PERIOD = 2
    DATE = 3
    LAYOUT = 4
    HIGHLIGHTS = 5


_HEADERS = {Column.COMPANY: QT_TRANSLATE_NOOP("LibraryTableModel", "Company"),
            Column.TICKER: QT_TRANSLATE_NOOP("LibraryTableModel", "Ticker"),
            Column.PERIOD: QT_TRANSLATE_NOOP("LibraryTableModel", "Period"),
            Column.DATE: QT_TRANSLATE_NOOP("LibraryTableModel", "Date"),
            Column.LAYOUT: QT_TRANSLATE_NOOP("LibraryTableModel", "Layout"),
            Column.HIGHLIGHTS: QT_TRANSLATE_NOOP("LibraryTableModel", "Highlights")}


def _display(info: TranscriptInfo, column: Column, script: str = "none") -> str:
    if column is Column.COMPANY:
        return in_script(info.company or info.title or readable_name(info.source_name), script)
    if column is Column.TICKER:
        return info.ticker or ""
    if column is Column.PERIOD:
        return info.period or ""
    if column is Column.DATE:
        return info.date or ""
    if column is Column.LAYOUT:
        return info.format
    return str(info.highlight_count)


def _sort_key(info: TranscriptInfo, column: Column, script: str = "none") -> Any:
    if column is Column.HIGHLIGHTS:
        return info.highlight_count
    if column is Column.PERIOD:
        span = period_span(info.period)
        # Unknown periods sort after known ones; the string key keeps the order total.
        return f"{span[0]:06d}{span[1]:06d}" if span else f"z{info.period or ''}"
    return _display(info, column, script).casefold()


class LibraryTableModel(QAbstractTableModel):
    """The calls in the library, one per row."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[TranscriptInfo] = []
        self._script = "none"

    def set_script(self, config: str) -> None:
        """Show company names in this Chinese script, as the reading view shows the calls."""
        if config != self._script:
            self._script = config
            if self._rows:
                self.dataChanged.emit(self.index(0, 0),
                                      self.index(len(self._rows) - 1, len(Column) - 1))

    def set_transcripts(self, rows: Sequence[TranscriptInfo]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def transcript(self, row: int) -> TranscriptInfo:
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        info = self._rows[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(info, column, self._script)
        if role == Qt.ItemDataRole.ToolTipRole:
            return file_tooltip(info.source_path)
        if role == Qt.ItemDataRole.TextAlignmentRole and column is Column.HIGHLIGHTS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == LibraryRole.TRANSCRIPT_ID:
            return info.id
        if role == LibraryRole.SHA256:
            return info.sha256
        if role == LibraryRole.SORT_KEY:
            return _sort_key(info, column, self._script)
        if role == LibraryRole.INFO:
            return info
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(Column)):
            return self.tr(_HEADERS[Column(section)])
        return None


class LibraryFilterProxy(QSortFilterProxyModel):
    """Rows whose company, ticker, title or file name contains the filter text (a call
    without a company is listed by its file name, so it is found by it), of the chosen period."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._company = ""
        self._period: str | None = None
        self.setSortRole(LibraryRole.SORT_KEY)

    def set_company(self, text: str) -> None:
        self._change_filter(lambda: setattr(self, "_company", text.strip()))

    def set_period(self, period: str | None) -> None:
        self._change_filter(lambda: setattr(self, "_period", period or None))

    def _change_filter(self, change: Callable[[], None]) -> None:
        # Qt 6.10 deprecated invalidateRowsFilter for begin/endFilterChange around the change.
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            change()
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, LibraryTableModel) or source_parent.isValid():
            return True
        info = model.transcript(source_row)
        if self._company and not matches_filter(info, self._company):
            return False
        return self._period is None or info.period == self._period


class LibraryView(QWidget):
    """The library table with its filters, import buttons, progress and failures."""

    transcript_activated = Signal(int)  # transcript id
    remove_requested = Signal(TranscriptInfo)  # the selected call
    edit_requested = Signal(TranscriptInfo)  # the call whose details to edit
    import_started = Signal()
    import_progressed = Signal(int, int, str)  # files done, files in all, file just handled
    import_finished = Signal(ImportSummary)

    def __init__(self, library: LibraryService, pool: QThreadPool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._pool = pool
        self._job: Job[ImportSummary] | None = None
        self._stop = threading.Event()  # asks the running import to stop after its file
        self.start_directory = ""
        """Where the file dialogs open (the folder of the last choice)."""
        self.setAcceptDrops(True)

        self.model = LibraryTableModel(self)
        self.proxy = LibraryFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.import_files_button = QPushButton(self.tr("Import Files…"))
        self.import_folder_button = QPushButton(self.tr("Import Folder…"))
        self.company_filter = QLineEdit()
        self.company_filter.setPlaceholderText(self.tr("Company, ticker or file name"))
        self.company_filter.setClearButtonEnabled(True)
        self.period_filter = QComboBox()
        self.period_filter.addItem(ui_label(ALL_PERIODS))
        self.group_button = QToolButton()
        self.group_button.setObjectName("library_group_button")
        self.group_button.setText(self.tr("Group by Company"))
        self.group_button.setToolTip(self.tr("One branch per company, its calls under it (a "
                                             "renamed company's calls together, by ticker)"))
        self.group_button.setCheckable(True)
        self.group_button.setAutoRaise(True)

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.COMPANY, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(Column.COMPANY,
                                                           QHeaderView.ResizeMode.Stretch)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)  # one line a call: long names are elided
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().lineSpacing() + 8)

        self.act_open = QAction(self.tr("&Open"), self)
        self.act_open.triggered.connect(self._on_open_triggered)
        self.act_remove = QAction(self.tr("&Remove from Library…"), self)
        self.act_remove.triggered.connect(self._on_remove_triggered)
        self.act_edit = QAction(self.tr("&Edit Details…"), self)
        self.act_edit.setShortcut(QKeySequence("F2"))
        self.act_edit.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.act_edit.setToolTip(self.tr("Company, ticker, period and date of this call (F2)"))
        self.act_edit.triggered.connect(self._on_edit_triggered)
        self.table.installEventFilter(self)  # Delete in the table: see eventFilter
        # The table's context menu
        self.table.addActions([self.act_open, self.act_edit, self.act_remove])
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.table.selectionModel().selectionChanged.connect(self._update_row_actions)

        self.group_model = QStandardItemModel(self)
        self.groups = QTreeView()
        self.groups.setObjectName("library_groups")
        self.groups.setModel(self.group_model)
        self.groups.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.groups.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.groups.setUniformRowHeights(True)
        self.groups.setAlternatingRowColors(True)
        self.groups.addActions([self.act_open, self.act_edit, self.act_remove])
        self.groups.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.groups.selectionModel().selectionChanged.connect(self._update_row_actions)
        self.groups.activated.connect(self._on_row_activated)
        self.groups.installEventFilter(self)
        self._script = "none"
        self.pages = QStackedWidget()
        self.pages.addWidget(self.table)
        self.pages.addWidget(self.groups)

        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.current_file = QLabel()
        self.current_file.setTextFormat(Qt.TextFormat.PlainText)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.failures = QListWidget()
        self.failures.setToolTip(self.tr("Files that could not be imported, with the reason"))
        self.failures.setMaximumHeight(6 * self.fontMetrics().lineSpacing())

        top = QHBoxLayout()
        top.addWidget(self.import_files_button)
        top.addWidget(self.import_folder_button)
        top.addStretch(1)
        filters = QHBoxLayout()  # a row of its own: the dock may be narrow
        filters.addWidget(self.company_filter, 2)
        filters.addWidget(self.period_filter, 1)
        filters.addWidget(self.group_button)
        busy = QHBoxLayout()
        busy.addWidget(self.progress, 1)
        busy.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.pages, 1)
        layout.addLayout(busy)
        layout.addWidget(self.current_file)
        layout.addWidget(self.status)
        layout.addWidget(self.failures)
        self._set_busy(False)
        self.failures.hide()

        self.import_files_button.clicked.connect(self._on_import_files_clicked)
        self.import_folder_button.clicked.connect(self._on_import_folder_clicked)
        self.cancel_button.clicked.connect(self.cancel_import)
        self.company_filter.textChanged.connect(self._on_company_filter_changed)
        self.period_filter.currentTextChanged.connect(self._on_period_changed)
        self.group_button.toggled.connect(self.set_grouped)
        self.table.activated.connect(self._on_row_activated)
        self.refresh()

    # --- public ----------------------------------------------------------------------------

    @property
    def importing(self) -> bool:
        return self._job is not None

    def refresh(self) -> None:
        """Reload the calls (after an import, a deletion, or highlights changing counts)."""
        rows = self._library.transcripts()
        selected = self.selected_transcript_id()
        self.model.set_transcripts(rows)
        if selected is not None:
            self.select_transcript(selected)  # a refresh must not lose the reader's place
        current = self.period_filter.currentText()
        periods = sorted({r.period for r in rows if r.period},
                         key=lambda p: (period_span(p) or (10**6, 10**6), p))
        self.period_filter.blockSignals(True)
        self.period_filter.clear()
        self.period_filter.addItems([ui_label(ALL_PERIODS), *periods])
        self.period_filter.setCurrentText(current if current in periods
                                          else ui_label(ALL_PERIODS))
        self.period_filter.blockSignals(False)
        self.proxy.set_period(None if self.period_filter.currentText() == ui_label(ALL_PERIODS)
                              else self.period_filter.currentText())
        self._rebuild_groups()
        n = len(rows)
        if not self.importing:
            self.status.setText(self.tr("{n} calls in the library").format(n=n) if n != 1
                                else self.tr("1 call in the library"))

    def set_script(self, config: str) -> None:
        """Company names follow the window's Chinese script."""
        self.model.set_script(config)
        self._script = config
        self._rebuild_groups()

    def grouped(self) -> bool:
        return self.pages.currentWidget() is self.groups

    def set_grouped(self, grouped: bool) -> None:
        """List the calls by company (a tree) or as one table."""
        selected = self.selected_transcript_id()
        self.group_button.blockSignals(True)
        self.group_button.setChecked(grouped)
        self.group_button.blockSignals(False)
        self.pages.setCurrentWidget(self.groups if grouped else self.table)
        self._rebuild_groups()
        if selected is not None:
            self.select_transcript(selected)
        self._update_row_actions()

    def _rebuild_groups(self) -> None:
        """The tree of companies over the rows the filters let through, in the table's order."""
        if not self.grouped():
            return
        selected = self.selected_transcript_id()
        infos = [self.proxy.index(r, 0).data(LibraryRole.INFO)
                 for r in range(self.proxy.rowCount())]
        by_id = {i.id: i for i in infos if isinstance(i, TranscriptInfo)}
        self.group_model.clear()
        self.group_model.setHorizontalHeaderLabels(
            [self.model.headerData(c, Qt.Orientation.Horizontal) for c in Column])
        groups = sorted(group_companies(by_id.values()),
                        key=lambda g: in_script(g.name, self._script).casefold())
        for group in groups:
            calls = [by_id[t] for t in group.transcript_ids]
            head = QStandardItem(in_script(group.name, self._script))
            others = [in_script(n, self._script) for n in group.names if n != group.name]
            if others:
                head.setToolTip(self.tr("Also named: {names}").format(names=", ".join(others)))
            font = head.font()
            font.setBold(True)
            head.setFont(font)
            count = QStandardItem(self.tr("{n} calls").format(n=len(calls)) if len(calls) > 1
                                  else self.tr("1 call"))
            row = [head, QStandardItem(group.ticker or ""), count]
            row += [QStandardItem("") for _ in range(len(Column) - len(row))]
            for info in calls:
                cells = [QStandardItem(_display(info, c, self._script)) for c in Column]
                cells[0].setData(info.id, LibraryRole.TRANSCRIPT_ID)
                cells[0].setData(info, LibraryRole.INFO)
                cells[0].setToolTip(file_tooltip(info.source_path))
                head.appendRow(cells)
            self.group_model.appendRow(row)
        self.groups.expandAll()
        header = self.groups.header()
        header.setStretchLastSection(False)
        for column in Column:  # names take what the short columns leave
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch
                                        if column is Column.COMPANY
                                        else QHeaderView.ResizeMode.ResizeToContents)
        if selected is not None:
            self.select_transcript(selected)

    def import_paths(self, paths: Sequence[str | Path], workers: int = 1) -> bool:
        """Start importing files and folders in the background; False if one is running."""
        if self._job is not None or not paths:
            return False
        library, stop, names = self._library, threading.Event(), [str(p) for p in paths]
        # A database error (disk full, library locked) ends the import; what was stored stays.
        job = Job(lambda job: library.import_paths(names, progress=job.progress,
                                                   cancelled=stop.is_set, workers=workers),
                  on_done=self._on_job_finished, on_error=self._on_job_failed,
                  on_progress=self._on_job_progressed,
                  describe=lambda exc: error_message(exc, self.tr("import failed"), (Exception,)),
                  owner=self)
        self._job, self._stop = job, stop
        self.failures.clear()
        self.failures.hide()
        self.progress.setRange(0, 0)
        self.current_file.setText(self.tr("Looking for transcripts…"))
        self._set_busy(True)
        self.import_started.emit()
        job.start(self._pool)
        return True

    def cancel_import(self) -> None:
        if self._job is not None:
            self._stop.set()  # each file is its own transaction: the library stays whole
            self.cancel_button.setEnabled(False)
            self.current_file.setText(self.tr("Stopping after the current file…"))

    def choose_files(self) -> None:
        """Ask for transcript files, then import them."""
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Import Transcripts"),
                                                self.start_directory,
                                                dialog_filter(DIALOG_FILTER))
        if paths:
            self.start_directory = str(Path(paths[0]).parent)
            self.import_paths(paths)

    def choose_folder(self) -> None:
        """Ask for a folder, then import every transcript in it and its subfolders."""
        folder = QFileDialog.getExistingDirectory(self, self.tr("Import a Folder of Transcripts"),
                                                  self.start_directory)
        if folder:
            self.start_directory = str(Path(folder).parent)
            self.import_paths([folder])

    def selected_transcript_id(self) -> int | None:
        info = self.selected_transcript()
        return info.id if info is not None else None

    def select_transcript(self, transcript_id: int) -> bool:
        """Select (and scroll to) a call's row; False if the filters hide it or it is gone."""
        if self.grouped():
            for g in range(self.group_model.rowCount()):
                head = self.group_model.item(g)
                for c in range(head.rowCount()):
                    child = head.child(c)
                    if child.data(LibraryRole.TRANSCRIPT_ID) == transcript_id:
                        index = child.index()
                        self.groups.setCurrentIndex(index)
                        self.groups.scrollTo(index)
                        return True
            return False
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(LibraryRole.TRANSCRIPT_ID) == transcript_id:
                self.table.setCurrentIndex(index)
                self.table.scrollTo(index)
                return True
        return False

    def selected_transcript(self) -> TranscriptInfo | None:
        view = self.groups if self.grouped() else self.table
        rows = view.selectionModel().selectedRows()
        info = rows[0].data(LibraryRole.INFO) if rows else None
        return info if isinstance(info, TranscriptInfo) else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Delete or Backspace in the table removes the call: the table claims the key before
        the window's own Delete (which deletes highlights) can take it."""
        # (getattr: the table's events start before the tree exists)
        if watched in (self.table, getattr(self, "groups", None)) \
                and isinstance(event, QKeyEvent) and \
                event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and \
                event.modifiers() == Qt.KeyboardModifier.NoModifier:
            if event.type() == QEvent.Type.ShortcutOverride:
                event.accept()
                return True
            if event.type() == QEvent.Type.KeyPress:
                self.act_remove.trigger()
                return True
        return super().eventFilter(watched, event)

    # --- drag and drop ---------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths and self.import_paths(paths):
            event.acceptProposedAction()
        else:
            event.ignore()

    # --- slots -----------------------------------------------------------------------------

    def _set_busy(self, busy: bool) -> None:
        for w in (self.progress, self.cancel_button, self.current_file):
            w.setVisible(busy)
        self.cancel_button.setEnabled(busy)
        self.import_files_button.setEnabled(not busy)
        self.import_folder_button.setEnabled(not busy)
        self._update_row_actions()

    def _on_import_files_clicked(self) -> None:
        self.choose_files()

    def _on_import_folder_clicked(self) -> None:
        self.choose_folder()

    def _update_row_actions(self) -> None:
        selected = self.selected_transcript() is not None
        self.act_open.setEnabled(selected)
        self.act_edit.setEnabled(selected)
        self.act_remove.setEnabled(selected and not self.importing)

    def _on_open_triggered(self) -> None:
        tid = self.selected_transcript_id()
        if tid is not None:
            self.transcript_activated.emit(tid)

    def _on_remove_triggered(self) -> None:
        info = self.selected_transcript()
        if info is not None and not self.importing:
            self.remove_requested.emit(info)

    def _on_edit_triggered(self) -> None:
        info = self.selected_transcript()
        if info is not None:
            self.edit_requested.emit(info)

    def _on_company_filter_changed(self, text: str) -> None:
        self.proxy.set_company(text)
        self._rebuild_groups()

    def _on_period_changed(self, text: str) -> None:
        self.proxy.set_period(None if text == ui_label(ALL_PERIODS) else text)
        self._rebuild_groups()

    def _on_row_activated(self, index: QModelIndex) -> None:
        tid = index.data(LibraryRole.TRANSCRIPT_ID)
        if tid is not None:
            self.transcript_activated.emit(int(tid))

    def _on_job_progressed(self, done: int, total: int, current: str) -> None:
        self.import_progressed.emit(done, total, current)
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(self.tr("{done} / {total} files").format(done=done, total=total))
        if current:
            self.current_file.setText(Path(current).name)

    def _on_job_finished(self, summary: ImportSummary) -> None:
        self._job = None
        self._set_busy(False)
        for failure in summary.failures:
            self.failures.addItem(failure.reason)
        self.failures.setVisible(bool(summary.failures))
        self.refresh()
        self.status.setText(summary.line())
        self.import_finished.emit(summary)

    def _on_job_failed(self, message: str) -> None:
        self._job = None
        self._set_busy(False)
        self.refresh()
        self.status.setText(self.tr("Import stopped: {reason}").format(reason=message))
        self.import_finished.emit(None)
