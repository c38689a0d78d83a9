"""Searching the whole library: a query box, filters, and a list of results with marked snippets.

Searches run in the background (a reader.ui.jobs Job) shortly after typing stops,
or at once on Enter; an answer to an older query is dropped. Each result shows company,
period, speaker and section over a one-line snippet whose hits are bold. The snippet is
transcript text, so it is drawn from a QTextDocument filled with QTextCursor.insertText and
character formats, never parsed as HTML. Enter or double-click on a result emits
`result_activated(SearchResult)`: the call, the span of the paragraph (or highlight) that
matched, and the first hit in it.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QPainter,
    QPalette,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.labels import SECTION_SHORT
from reader.services.search import (
    Facets,
    SearchError,
    SearchFilters,
    SearchPage,
    SearchResult,
    SearchService,
)
from reader.ui.jobs import Job, error_message
from reader.ui.labels import QT_TRANSLATE_NOOP
from reader.ui.labels import label as ui_label
from reader.ui.plain import file_tooltip, readable_name

_Index = QModelIndex | QPersistentModelIndex
DEBOUNCE_MS = 250
ANY_PERIOD = QT_TRANSLATE_NOOP("Labels", "Any period")  # shown through ui_label
_KINDS = {"quote": QT_TRANSLATE_NOOP("Labels", "Highlight"),
          "note": QT_TRANSLATE_NOOP("Labels", "Note"),
          "tags": QT_TRANSLATE_NOOP("Labels", "Tags")}


class SearchRole(IntEnum):
    RESULT = Qt.ItemDataRole.UserRole + 1
    TRANSCRIPT_ID = Qt.ItemDataRole.UserRole + 2
    START = Qt.ItemDataRole.UserRole + 3
    END = Qt.ItemDataRole.UserRole + 4
    HIT_START = Qt.ItemDataRole.UserRole + 5
    HIT_END = Qt.ItemDataRole.UserRole + 6
    HEADING = Qt.ItemDataRole.UserRole + 7
    SNIPPET = Qt.ItemDataRole.UserRole + 8
    MARKS = Qt.ItemDataRole.UserRole + 9


def heading(r: SearchResult) -> str:
    """Company · period · speaker · section (and what kind of highlight text matched)."""
    parts = [r.company or r.title or readable_name(r.source_name), r.period or r.date or "",
             r.speaker or "", ui_label(SECTION_SHORT.get(r.section or "", "")),
             ui_label(_KINDS.get(r.kind, ""))]
    return " · ".join(p for p in parts if p)


class SearchResultsModel(QAbstractListModel):
    """Results of the current query, page after page."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[SearchResult] = []
        self._script = "none"
        self._shown: dict[int, tuple[str, str, list[tuple[int, int]]]] = {}

    def set_results(self, results: list[SearchResult]) -> None:
        self.beginResetModel()
        self._rows = list(results)
        self._shown.clear()
        self.endResetModel()

    def set_script(self, config: str) -> None:
        """Show headings and snippets in this Chinese script, as the reading view does."""
        if config == self._script:
            return
        self._script = config
        self._shown.clear()
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0))

    @property
    def script(self) -> str:
        return self._script

    def _displayed(self, row: int) -> tuple[str, str, list[tuple[int, int]]]:
        """(heading, snippet, marks) in the current script; the marks follow the conversion."""
        found = self._shown.get(row)
        if found is None:
            r = self._rows[row]
            if self._script == "none":
                found = (heading(r), r.snippet, list(r.marks))
            else:
                from reader.core.convert import convert  # loaded with the first conversion

                snippet = convert(r.snippet, self._script)
                found = (convert(heading(r), self._script).text, snippet.text,
                         [snippet.from_source_span(s, e) for s, e in r.marks])
            self._shown[row] = found
        return found

    def append_results(self, results: list[SearchResult]) -> None:
        if not results:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(results) - 1)
        self._rows.extend(results)
        self.endInsertRows()

    def result(self, row: int) -> SearchResult:
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, SearchRole.HEADING, SearchRole.SNIPPET,
                    SearchRole.MARKS):
            head, snippet, marks = self._displayed(index.row())
            shown: dict[int, Any] = {Qt.ItemDataRole.DisplayRole: f"{head}\n{snippet}",
                                     SearchRole.HEADING: head, SearchRole.SNIPPET: snippet,
                                     SearchRole.MARKS: marks}
            return shown[role]
        if role == Qt.ItemDataRole.ToolTipRole:
            return file_tooltip(r.source_name)
        values: dict[int, Any] = {
            SearchRole.RESULT: r, SearchRole.TRANSCRIPT_ID: r.transcript_id,
            SearchRole.START: r.start, SearchRole.END: r.end, SearchRole.HIT_START: r.hit_start,
            SearchRole.HIT_END: r.hit_end}
        return values.get(role)


def snippet_document(head: str, snippet: str, marks: list[tuple[int, int]],
                     font: QFont) -> QTextDocument:
    """The result as a document: the heading in small italics, then the snippet with its
    hits bold. Transcript text goes in through insertText only, never as HTML."""
    doc = QTextDocument()
    doc.setDefaultFont(font)
    doc.setDocumentMargin(2)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.NoWrap)
    doc.setDefaultTextOption(option)
    cursor = QTextCursor(doc)
    small = QTextCharFormat()
    small.setFontPointSize(max(font.pointSizeF() * 0.85, 6.0))
    small.setFontItalic(True)
    cursor.insertText(head, small)
    cursor.insertBlock()
    plain = QTextCharFormat()
    bold = QTextCharFormat()
    bold.setFontWeight(QFont.Weight.Bold)
    pos = 0
    for s, e in marks:
        if s > pos:
            cursor.insertText(snippet[pos:s], plain)
        cursor.insertText(snippet[s:e], bold)
        pos = e
    if pos < len(snippet):
        cursor.insertText(snippet[pos:], plain)
    return doc


class SnippetDelegate(QStyledItemDelegate):
    """Draws a result as its heading line and its snippet with the hits in bold."""

    def _document(self, option: QStyleOptionViewItem, index: _Index) -> QTextDocument:
        return snippet_document(index.data(SearchRole.HEADING) or "",
                                index.data(SearchRole.SNIPPET) or "",
                                index.data(SearchRole.MARKS) or [], option.font)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None
        text_option = QStyleOptionViewItem(option)
        text_option.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, text_option, painter,
                              option.widget)
        doc = self._document(option, index)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        painter.save()
        painter.translate(option.rect.topLeft())
        painter.setClipRect(QRectF(0, 0, option.rect.width(), option.rect.height()))
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        # Every row is two lines; measured on Latin and Han sample text so that rows with
        # Chinese (taller glyphs in most fonts) are not clipped. The width is the view's:
        # a long snippet is cut at the edge rather than scrolled to.
        sample = snippet_document("Ag 国", "Ag 国", [(0, 2)], option.font)
        return QSize(1, int(sample.size().height()) + 2)


class SearchPanel(QWidget):
    """Search box, filters and results; `focus_search()` is what Ctrl+Shift+F calls."""

    result_activated = Signal(SearchResult)
    searched = Signal(str, int)  # query, results shown (after each page arrives)
    search_failed = Signal(str)

    def __init__(self, search: SearchService, pool: QThreadPool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._search = search
        self._pool = pool
        self._job: Job[SearchPage] | None = None  # the latest page asked for
        self._cursor: int | None = None
        self._text = ""
        self._filters = SearchFilters()

        self.query = QLineEdit()
        self.query.setPlaceholderText(self.tr('Search all calls: words, "a phrase", prefix*, 营收'))
        self.query.setClearButtonEnabled(True)
        self.company = QLineEdit()
        self.company.setPlaceholderText(self.tr("Company or ticker"))
        self.company.setClearButtonEnabled(True)
        self.period_from = QComboBox()
        self.period_to = QComboBox()
        self.qa_only = QCheckBox(self.tr("Q&&A only"))
        self.management_only = QCheckBox(self.tr("Management only"))
        self.highlighted_only = QCheckBox(self.tr("Highlighted"))
        self.results_model = SearchResultsModel(self)
        self.results = QListView()
        self.results.setModel(self.results_model)
        self.results.setItemDelegate(SnippetDelegate(self.results))
        self.results.setUniformItemSizes(True)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.results.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.more_button = QPushButton(self.tr("Show more"))
        self.more_button.hide()

        filters = QHBoxLayout()
        filters.addWidget(self.company, 2)
        filters.addWidget(QLabel(self.tr("from")))
        filters.addWidget(self.period_from, 1)
        filters.addWidget(QLabel(self.tr("to")))
        filters.addWidget(self.period_to, 1)
        checks = QHBoxLayout()
        for box in (self.qa_only, self.management_only, self.highlighted_only):
            checks.addWidget(box)
        checks.addStretch(1)
        foot = QHBoxLayout()
        foot.addWidget(self.status, 1)
        foot.addWidget(self.more_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addLayout(filters)
        layout.addLayout(checks)
        layout.addWidget(self.results, 1)
        layout.addLayout(foot)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.run_search)
        self.query.textChanged.connect(self._on_query_changed)
        self.query.returnPressed.connect(self.run_search)
        self.company.textChanged.connect(self._on_query_changed)
        for combo in (self.period_from, self.period_to):
            combo.currentIndexChanged.connect(self.run_search)
        for box in (self.qa_only, self.management_only, self.highlighted_only):
            box.toggled.connect(self.run_search)
        self.more_button.clicked.connect(self.show_more)
        self.results.activated.connect(self._on_result_activated)
        self.refresh_facets()

    # --- public ----------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.query.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.query.selectAll()

    def set_script(self, config: str) -> None:
        """Chinese in results is shown in this script (the query matches either)."""
        self.results_model.set_script(config)

    def refresh_facets(self) -> None:
        """Offer the periods now in the library (after imports)."""
        facets: Facets = self._search.facets()
        for combo in (self.period_from, self.period_to):
            current = combo.currentText()
            combo.blockSignals(True)
            combo.clear()
            combo.addItems([ui_label(ANY_PERIOD), *facets.periods])
            combo.setCurrentText(current if current in facets.periods
                                 else ui_label(ANY_PERIOD))
            combo.blockSignals(False)

    def filters(self) -> SearchFilters:
        def period(combo: QComboBox) -> str | None:
            text = combo.currentText()
            return None if not text or text == ui_label(ANY_PERIOD) else text

        return SearchFilters(
            company=self.company.text().strip() or None, period_from=period(self.period_from),
            period_to=period(self.period_to), section="qa" if self.qa_only.isChecked() else None,
            speaker_kind="executive" if self.management_only.isChecked() else None,
            has_highlight=self.highlighted_only.isChecked())

    def run_search(self) -> None:
        """Search now for what the box and filters say (a new first page)."""
        self._debounce.stop()
        if self._job is not None:
            self._job.cancel()  # overtaken by this query: its answer is dropped
        self._text = self.query.text()
        self._filters = self.filters()
        self._cursor = None
        self.more_button.hide()
        if not self._text.strip():
            self.results_model.set_results([])
            self.status.setText("")
            return
        self.status.setText(self.tr("Searching…"))
        self._start(None)

    def show_more(self) -> None:
        if self._cursor is not None:
            self.more_button.setEnabled(False)
            self._start(self._cursor)

    # --- jobs ------------------------------------------------------------------------------

    def _start(self, cursor: int | None) -> None:
        search, text, filters = self._search, self._text, self._filters
        self._job = Job(lambda _job: search.search(text, filters, cursor=cursor),
                        on_done=self._on_job_searched, on_error=self._on_job_failed,
                        describe=lambda exc: error_message(exc, self.tr("search failed"), (SearchError,)),
                        owner=self).start(self._pool)

    def _on_query_changed(self, _text: str) -> None:
        self._debounce.start()

    def _on_job_searched(self, page: SearchPage) -> None:
        first = self._cursor is None
        if first:
            self.results_model.set_results(page.results)
        else:
            self.results_model.append_results(page.results)
        self._cursor = page.cursor
        self.more_button.setVisible(page.cursor is not None)
        self.more_button.setEnabled(True)
        n = self.results_model.rowCount()
        if n == 0:
            self.status.setText(self.tr("No results"))
        elif page.cursor is not None:
            self.status.setText(self.tr("First {n} results").format(n=n))
        else:
            self.status.setText(self.tr("{n} results").format(n=n) if n != 1
                                else self.tr("1 result"))
        self.searched.emit(self._text, n)

    def _on_job_failed(self, message: str) -> None:
        self.status.setText(message)
        self.more_button.setEnabled(True)
        self.search_failed.emit(message)

    def _on_result_activated(self, index: QModelIndex) -> None:
        r = index.data(SearchRole.RESULT)
        if isinstance(r, SearchResult):
            self.result_activated.emit(r)
