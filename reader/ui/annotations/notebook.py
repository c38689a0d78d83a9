"""The notebook: every highlight of the library in one window, filtered, opened, exported.

`NotebookModel` is a table over `reader.services.notes.notebook_page`: it holds the pages
fetched so far and fetches the next one when the view scrolls to the end (Qt's
`canFetchMore`/`fetchMore`), each in a `reader.ui.jobs.Job` off the UI thread, so 20,000
highlights cost one page of 200 to show. Quotes are shown as the reading view shows them
(joined spacing, the window's script, fillers as chosen), converted in the same job.

`NotebookWindow` puts filters (company, period, tag, colour, speaker kind, text) over it;
double-click or Enter asks the main window to open the call at the highlight
(`highlight_opened`), and Export writes the filtered set as Markdown, JSON or CSV through
`reader.services.notes.export_notebook`. It needs no open transcript, only the library,
and refreshes when the library says something changed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import IntEnum
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.core.display import DisplayOptions
from reader.ui import plain
from reader.ui.jobs import Job, error_message
from reader.ui.swatches import swatch_icon

if TYPE_CHECKING:
    from reader.core.records import Colour, TranscriptInfo
    from reader.services.annotations import AnnotationService
    from reader.services.notes import HighlightInCall, NotebookPage, NotebookQuery

ModelIndex = QModelIndex | QPersistentModelIndex
PAGE_SIZE: Final = 200
_ALL = ""
MINE = "mine"  # NotebookQuery's name for this service's user
_QUOTE_WIDTH = 200
_DEBOUNCE_MS = 250
_STATUS_MS = 6000
SPEAKER_KINDS: Final = ("executive", "analyst", "operator", "interpreter")


class Column(IntEnum):
    CALL = 0
    QUOTE = 1
    SPEAKER = 2
    COLOUR = 3
    TAGS = 4
    NOTE = 5
    AUTHOR = 6  # shown when the library has more than one author


class NotebookRole(IntEnum):
    HighlightIdRole = Qt.ItemDataRole.UserRole + 1
    TranscriptIdRole = Qt.ItemDataRole.UserRole + 2
    StartRole = Qt.ItemDataRole.UserRole + 3
    EndRole = Qt.ItemDataRole.UserRole + 4
    OrphanedRole = Qt.ItemDataRole.UserRole + 5
    ShownQuoteRole = Qt.ItemDataRole.UserRole + 6
    """The whole quote as the reading view shows it."""


@dataclass(frozen=True, slots=True)
class _Row:
    item: HighlightInCall
    quote: str  # shown text, whole
    speaker: str  # in the chosen script
    call: str


@dataclass(frozen=True, slots=True)
class _Fetched:
    page: NotebookPage
    rows: list[_Row]


def _flat(text: str, width: int | None = None) -> str:
    flat = " ".join(text.split())
    if width is not None and len(flat) > width:
        flat = flat[: width - 1] + "…"
    return flat


def _call_label(info: TranscriptInfo) -> str:
    parts = [p for p in (info.company or info.title, info.period) if p]
    return " ".join(parts) or info.label


def fetch_page(service: AnnotationService, query: NotebookQuery, offset: int,
           options: DisplayOptions) -> _Fetched:
    """One page, with each quote cleaned and converted as the reading view would show it."""
    from reader.core.passages import PassageView
    from reader.services.notes import notebook_page

    page = notebook_page(service, query, offset=offset, limit=PAGE_SIZE)
    rows = []
    for item in page.rows:
        quote = item.highlight.quote
        view = PassageView(None, quote, options)
        rows.append(_Row(item, view.text(0, len(quote)), view.user_text(item.speaker or ""),
                         view.user_text(_call_label(item.transcript))))
    return _Fetched(page, rows)


class NotebookModel(QAbstractTableModel):
    """The library's highlights under one query, fetched a page at a time (see the module
    docstring). `service` gives the open service (None: the library is not open)."""

    loaded = Signal()  # a page arrived (or the query matched nothing)
    failed = Signal(str)  # one line: why a page could not be read

    def __init__(self, service: Callable[[], AnnotationService | None],
                 pool: QThreadPool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._pool = pool
        self._rows: list[_Row] = []
        self._total: int | None = None  # None: not known yet
        self._query: NotebookQuery | None = None
        self._options = DisplayOptions()
        self._colour_names: dict[str, str] = {}
        self._job: Job[_Fetched] | None = None

    # -- content -------------------------------------------------------------------------

    def set_colour_names(self, names: dict[str, str]) -> None:
        self._colour_names = dict(names)
        if self._rows:
            self.dataChanged.emit(self.index(0, Column.COLOUR),
                                  self.index(len(self._rows) - 1, Column.COLOUR))

    def set_query(self, query: NotebookQuery, options: DisplayOptions | None = None) -> None:
        """Show what `query` matches (from its first page), in `options` if given."""
        if self._job is not None:
            self._job.cancel()
            self._job = None
        self.beginResetModel()
        self._query = query
        if options is not None:
            self._options = options
        self._rows = []
        self._total = None
        self.endResetModel()
        self._fetch()

    def reload(self) -> None:
        """Query again (the library changed), keeping the query and options."""
        if self._query is not None:
            self.set_query(self._query)

    def query(self) -> NotebookQuery | None:
        return self._query

    def options(self) -> DisplayOptions:
        return self._options

    def total(self) -> int | None:
        """How many highlights match in all (None until the first page is in)."""
        return self._total

    def is_loading(self) -> bool:
        return self._job is not None

    def row_item(self, row: int) -> HighlightInCall:
        return self._rows[row].item

    def shown_quote(self, row: int) -> str:
        return self._rows[row].quote

    # -- fetching ------------------------------------------------------------------------

    def canFetchMore(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or self._query is None or self._job is not None:
            return False
        return self._total is None or len(self._rows) < self._total

    def fetchMore(self, parent: ModelIndex = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._fetch()

    def _fetch(self) -> None:
        service = self._service()
        query = self._query
        if service is None or query is None:
            return
        offset, options = len(self._rows), self._options
        self._job = Job(lambda _job: fetch_page(service, query, offset, options),
                        on_done=lambda fetched: self._on_job_fetched(fetched, offset),
                        on_error=self._on_job_failed,
                        describe=lambda exc: error_message(exc, self.tr("reading highlights "
                                                                        "failed")),
                        owner=self)
        self._job.start(self._pool)

    def _on_job_fetched(self, fetched: _Fetched, offset: int) -> None:
        self._job = None
        if offset != len(self._rows):  # a reset came in between: this page is stale
            return
        self._total = fetched.page.total
        if fetched.rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(fetched.rows) - 1)
            self._rows.extend(fetched.rows)
            self.endInsertRows()
        elif len(self._rows) < self._total:  # the library shrank under the pages
            self._total = len(self._rows)
        self.loaded.emit()

    def _on_job_failed(self, message: str) -> None:
        self._job = None
        self._total = len(self._rows)  # no endless retries from the view's scrolling
        self.failed.emit(message)

    # -- QAbstractItemModel ----------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(Column):
            return (self.tr("Call"), self.tr("Quote"), self.tr("Speaker"), self.tr("Colour"),
                    self.tr("Tags"), self.tr("Note"), self.tr("Author"))[section]
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemNeverHasChildren)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row, column = index.row(), index.column()
        if not index.isValid() or not 0 <= row < len(self._rows):
            return None
        r = self._rows[row]
        h = r.item.highlight
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == Column.CALL:
                return r.call
            if column == Column.QUOTE:
                quote = _flat(r.quote, _QUOTE_WIDTH)
                return self.tr("[orphaned] {quote}").format(quote=quote) if h.orphaned \
                    else quote
            if column == Column.SPEAKER:
                return r.speaker
            if column == Column.COLOUR:
                return self._colour_names.get(h.colour, h.colour)
            if column == Column.TAGS:
                return " ".join(f"#{t}" for t in h.tags)
            if column == Column.NOTE:
                return _flat(h.note, _QUOTE_WIDTH)
            if column == Column.AUTHOR:
                return h.author
            return None
        if role == Qt.ItemDataRole.DecorationRole:
            return swatch_icon(h.colour) if column in (Column.QUOTE, Column.COLOUR) else None
        if role == Qt.ItemDataRole.ToolTipRole:
            from reader.ui.reading.outline_model import tooltip_text

            lines = [r.call, _flat(r.quote, 600)]
            if h.tags:
                lines.append(" ".join(f"#{t}" for t in h.tags))
            if h.note:
                lines.append(h.note)
            return tooltip_text(*lines)
        return self._custom(r, role)

    def _custom(self, r: _Row, role: int) -> Any:
        h = r.item.highlight
        values = {
            NotebookRole.HighlightIdRole: h.id,
            NotebookRole.TranscriptIdRole: r.item.transcript.id,
            NotebookRole.StartRole: h.start,
            NotebookRole.EndRole: h.end,
            NotebookRole.OrphanedRole: h.orphaned,
            NotebookRole.ShownQuoteRole: r.quote,
        }
        return values.get(role)  # type: ignore[call-overload]


@dataclass(frozen=True, slots=True)
class _Choices:
    companies: list[str]
    periods: list[str]
    tags: list[str]
    colours: list[Colour]
    authors: list[str]
    user: str


def _choices(service: AnnotationService) -> _Choices:
    calls = service.library()
    companies = sorted({c.company for c in calls if c.company}, key=str.casefold)
    periods = sorted({c.period for c in calls if c.period}, reverse=True)
    return _Choices(companies, periods, [name for name, _n in service.tags()],
                    service.colours(), sorted(filter(None, service.authors()),
                                              key=str.casefold), service.user)


def _export(service: AnnotationService, query: NotebookQuery, fmt: str,
            options: DisplayOptions, target: Path) -> int:
    from reader.services.annotations import write_text_atomic
    from reader.services.notes import export_notebook

    text, count = export_notebook(service, query, fmt, options=options)
    write_text_atomic(target, text)
    return count


def _home() -> str:
    return str(Path.home())


def _forget(_folder: str) -> None:
    pass


_EXPORT_FILTERS: Final = {"md": "Markdown (*.md)", "json": "JSON (*.json)", "csv": "CSV (*.csv)"}


class NotebookWindow(QWidget):
    """Every highlight of the library (see the module docstring)."""

    highlight_opened = Signal(int, int, int, bool)  # transcript id, start, end, orphaned
    closed = Signal()  # the window was closed: time to remember its place

    def __init__(self, service: Callable[[], AnnotationService | None],
                 options: Callable[[], DisplayOptions], parent: QWidget | None = None,
                 *, export_folder: Callable[[], str] | None = None,
                 remember_folder: Callable[[str], None] | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("notebook_window")
        self.setWindowTitle(self.tr("Notebook: Highlights of the Library"))
        self._service = service
        self._options = options
        self._export_folder = export_folder or _home
        self._remember_folder = remember_folder or _forget
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # pages and exports in the order asked for
        self._choices_job: Job[_Choices] | None = None
        self._export_job: Job[int] | None = None

        self.model = NotebookModel(service, self._pool, self)
        self.model.loaded.connect(self._update_status)
        self.model.failed.connect(self._on_model_failed)
        self.model.modelReset.connect(self._update_status)

        self.search = QLineEdit(self)
        self.search.setObjectName("notebook_search")
        self.search.setPlaceholderText(self.tr("Filter quotes and notes (either script)"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search_text_changed)
        self.company_filter = self._combo("company_filter", self.tr("Any company"))
        self.period_filter = self._combo("period_filter", self.tr("Any period"))
        self.tag_filter = self._combo("tag_filter", self.tr("Any tag"))
        self.colour_filter = self._combo("colour_filter", self.tr("Any colour"))
        self.kind_filter = self._combo("kind_filter", self.tr("Any speaker"))
        self.author_filter = self._combo("author_filter", self.tr("Everyone"))
        self.author_filter.setToolTip(self.tr("Whose highlights to list"))
        self.author_filter.hide()  # until the library has a second author
        kind_names = {"executive": self.tr("Management"), "analyst": self.tr("Analysts"),
                      "operator": self.tr("Operator"), "interpreter": self.tr("Interpreters")}
        for kind in SPEAKER_KINDS:
            self.kind_filter.addItem(kind_names[kind], kind)
        self.clear_button = QToolButton(self)
        self.clear_button.setText(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("Show every highlight"))
        self.clear_button.setAutoRaise(True)
        self.clear_button.clicked.connect(self._on_clear_button_clicked)
        self.export_button = QToolButton(self)
        self.export_button.setObjectName("notebook_export")
        self.export_button.setText(self.tr("Export…"))
        self.export_button.setToolTip(self.tr("Save the highlights shown (all pages) as "
                                              "Markdown, JSON or CSV"))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.export_button)
        for fmt, label in (("md", self.tr("Markdown (as shown)…")), ("json", self.tr("JSON…")),
                           ("csv", self.tr("CSV…"))):
            menu.addAction(label, partial(self._on_export_chosen, fmt))
        self.export_button.setMenu(menu)

        self.view = QTreeView(self)
        self.view.setObjectName("notebook_view")
        self.view.setModel(self.model)
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.view.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in ((Column.CALL, 200), (Column.QUOTE, 400), (Column.SPEAKER, 130),
                              (Column.COLOUR, 100), (Column.TAGS, 110), (Column.NOTE, 200)):
            header.resizeSection(column, width)
        header.setSectionHidden(Column.AUTHOR, True)
        self.view.doubleClicked.connect(self._on_view_activated)
        self.view.activated.connect(self._on_view_activated)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.act_copy = QAction(self.tr("Copy with &Citation"), self.view)
        self.act_copy.setShortcuts([QKeySequence("Ctrl+Shift+C"),
                                    QKeySequence(QKeySequence.StandardKey.Copy)])
        self.act_copy.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.act_copy.triggered.connect(self.copy_selected)
        self.view.addAction(self.act_copy)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

        self.status = QLabel(self)
        self.status.setObjectName("notebook_status")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)

        bar = QGridLayout()
        bar.setSpacing(4)
        bar.addWidget(self.search, 0, 0, 1, 3)
        bar.addWidget(self.clear_button, 0, 3)
        bar.addWidget(self.export_button, 0, 4)
        bar.addWidget(self.company_filter, 1, 0)
        bar.addWidget(self.period_filter, 1, 1)
        bar.addWidget(self.tag_filter, 1, 2)
        bar.addWidget(self.colour_filter, 1, 3)
        bar.addWidget(self.kind_filter, 1, 4)
        bar.addWidget(self.author_filter, 1, 5)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        self.resize(1100, 640)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.requery)
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(_DEBOUNCE_MS)
        self._refresh.timeout.connect(self._on_refresh_timeout)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self, self.close)
        QShortcut(QKeySequence("Ctrl+Shift+B"), self, self.close)

    def _combo(self, name: str, everything: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.addItem(everything, _ALL)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(10)
        combo.currentIndexChanged.connect(self._on_filter_combo_changed)
        return combo

    # -- content -------------------------------------------------------------------------

    def current_query(self) -> NotebookQuery:
        from reader.services.notes import NotebookQuery

        def chosen(combo: QComboBox) -> list[str]:
            value = str(combo.currentData() or _ALL)
            return [value] if value else []

        return NotebookQuery(companies=chosen(self.company_filter),
                             periods=chosen(self.period_filter), tags=chosen(self.tag_filter),
                             colours=chosen(self.colour_filter),
                             speaker_kinds=chosen(self.kind_filter),
                             authors=chosen(self.author_filter),
                             text=self.search.text().strip())

    def requery(self) -> None:
        """Show what the filters match now, from the first page."""
        self._debounce.stop()
        if self._service() is None:
            self._update_status()
            return
        self.model.set_query(self.current_query(), self._options())

    def refresh(self) -> None:
        """The library changed (here, in another window, or an import): filters and rows
        again, soon (changes come in bursts)."""
        self._refresh.start()

    def _on_refresh_timeout(self) -> None:
        self.load_choices()
        if self.isVisible():
            self.requery()

    def load_choices(self) -> None:
        """Fill the filters from the library (companies, periods, tags, colours)."""
        service = self._service()
        if service is None:
            return
        if self._choices_job is not None:
            self._choices_job.cancel()
        self._choices_job = Job(lambda _job: _choices(service), on_done=self._on_job_choices,
                                on_error=self._on_model_failed, owner=self,
                                doing=self.tr("reading the library failed"))
        self._choices_job.start(self._pool)

    def _on_job_choices(self, choices: _Choices) -> None:
        self._choices_job = None
        self._refill(self.company_filter, [(c, c, None) for c in choices.companies])
        self._refill(self.period_filter, [(p, p, None) for p in choices.periods])
        self._refill(self.tag_filter, [(f"#{t}", t, None) for t in choices.tags])
        self._refill(self.colour_filter, [(c.display_name, c.key, c.key)
                                          for c in sorted(choices.colours,
                                                          key=lambda c: c.position)])
        self.model.set_colour_names({c.key: c.display_name for c in choices.colours})
        self._refill(self.author_filter, [(self.tr("Mine"), MINE, None),
                                          *((a, a, None) for a in choices.authors
                                            if a != choices.user)])
        multi = len(choices.authors) > 1
        self.author_filter.setVisible(multi)
        self.view.header().setSectionHidden(Column.AUTHOR, not multi)
    def _refill(self, combo: QComboBox, items: Sequence[tuple[str, str, str | None]]) -> None:
        """New choices, the chosen one kept (even if no call has it any more)."""
        chosen, chosen_text = str(combo.currentData() or _ALL), combo.currentText()
        combo.blockSignals(True)
        try:
            everything = combo.itemText(0)
            combo.clear()
            combo.addItem(everything, _ALL)
            for text, data, icon in items:
                if icon is not None:
                    combo.addItem(swatch_icon(icon), text, data)
                else:
                    combo.addItem(text, data)
            if chosen != _ALL and combo.findData(chosen) < 0:
                combo.addItem(chosen_text, chosen)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
        finally:
            combo.blockSignals(False)

    def _update_status(self) -> None:
        total = self.model.total()
        if self._service() is None:
            text = self.tr("The annotation library is not open.")
        elif total is None:
            text = self.tr("Loading highlights…")
        elif total == 0:
            text = self.tr("No highlight matches these filters.") if self._filtering() \
                else self.tr("No highlights yet: select text in a call and press Ctrl+H.")
        else:
            text = self.tr("1 highlight") if total == 1 \
                else self.tr("{n} highlights").format(n=f"{total:,}")
            if self.model.rowCount() < total:
                text += self.tr("; {n} loaded (more as you scroll)").format(
                    n=f"{self.model.rowCount():,}")
        self.status.setText(text)

    def _filtering(self) -> bool:
        q = self.model.query()
        return q is not None and any((q.companies, q.periods, q.tags, q.colours,
                                      q.speaker_kinds, q.text, q.authors))

    # -- slots ---------------------------------------------------------------------------

    def _on_search_text_changed(self, _text: str) -> None:
        self._debounce.start()

    def _on_filter_combo_changed(self, _index: int) -> None:
        self.requery()

    def _on_clear_button_clicked(self) -> None:
        for combo in (self.company_filter, self.period_filter, self.tag_filter,
                      self.colour_filter, self.kind_filter, self.author_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.requery()

    def _on_model_failed(self, message: str) -> None:
        self.status.setText(message)

    def _on_view_activated(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        item = self.model.row_item(index.row())
        h = item.highlight
        self.highlight_opened.emit(item.transcript.id, h.start, h.end, h.orphaned)

    def copy_selected(self) -> int:
        """The selected highlights on the clipboard with their citations (plain text,
        Markdown and HTML); orphans, whose text is not in the call, are left out."""
        from reader.ui.annotations.citation import (
            combined_mime_data,
            put_on_clipboard,
            stored_citation,
        )

        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        citations = []
        for row in rows:
            item = self.model.row_item(row)
            h = item.highlight
            if h.orphaned or h.start >= h.end:
                continue
            citations.append(stored_citation(item.transcript, h.start, h.end,
                                             self.model.shown_quote(row),
                                             self.model.index(row, Column.SPEAKER).data(),
                                             item.speaker_kind))
        if not citations:
            self.status.setText(self.tr("Select highlights to copy them with their citations."))
            return 0
        put_on_clipboard(combined_mime_data(citations))
        self.status.setText(self.tr("Copied 1 highlight with its citation.") if len(citations) == 1
                            else self.tr("Copied {n} highlights with their citations.")
                            .format(n=len(citations)))
        return len(citations)

    def _on_export_chosen(self, fmt: str) -> None:
        total = self.model.total()
        if not total:
            self.status.setText(self.tr("Nothing to export: no highlight is shown."))
            return
        suffix = {"md": ".md", "json": ".json", "csv": ".csv"}[fmt]
        start = str(Path(self._export_folder()) / f"highlights{suffix}")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export Highlights"), start,
                                              _EXPORT_FILTERS[fmt])
        if path:
            target = Path(path)
            if not target.suffix:
                target = target.with_suffix(suffix)
            self.export_to(target, fmt)

    def export_to(self, target: Path, fmt: str) -> None:
        """Write the filtered set (every page, not only those loaded) to `target`."""
        service = self._service()
        query = self.model.query()
        if service is None or query is None:
            return
        self._remember_folder(str(target.parent))
        options = self.model.options()
        self.status.setText(self.tr("Exporting…"))
        self._export_job = Job(lambda _job: _export(service, query, fmt, options, target),
                               on_done=lambda n: self._on_job_exported(n, target),
                               on_error=self._on_job_export_failed, owner=self,
                               describe=self._describe_export_error)
        self._export_job.start(self._pool)

    def _describe_export_error(self, exc: Exception) -> str:
        from reader.services.annotations import AnnotationError

        return error_message(exc, self.tr("export failed"), (AnnotationError, OSError))

    def _on_job_exported(self, count: int, target: Path) -> None:
        self._export_job = None
        self.status.setText(self.tr("Exported {n} highlights to {path}")
                            .format(n=f"{count:,}", path=str(target)))

    def _on_job_export_failed(self, message: str) -> None:
        self._export_job = None
        self._update_status()
        plain.warning(self, self.tr("Export failed"), message)

    def export_running(self) -> bool:
        return self._export_job is not None and self._export_job.running

    def wait(self, msecs: int = 10_000) -> bool:
        """Let running queries finish (the window is closing)."""
        return self._pool.waitForDone(msecs)

    def restore_layout(self, geometry: QByteArray, header: QByteArray) -> None:
        """Place and columns from an earlier session (empty: the defaults)."""
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        if not header.isEmpty():
            self.view.header().restoreState(header)

    def layout_state(self) -> tuple[QByteArray, QByteArray]:
        """What `restore_layout` takes back."""
        return self.saveGeometry(), self.view.header().saveState()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._debounce.stop()
        self._refresh.stop()
        super().closeEvent(event)
        self.closed.emit()
