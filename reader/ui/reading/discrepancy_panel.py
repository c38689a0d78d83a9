"""The discrepancy list: where an interpretation differs from the Mandarin, one line each.

Meant for a QDockWidget beside the reading view. It lists what the current view's
alignment flagged (a changed figure, a figure on one side only, a sentence nobody
interpreted) with who said it and a short quote; choosing an item, or Next / Previous
(F8 / Shift+F8), takes the view there. The panel follows one view at a time: the window
hands it the current tab's view with `set_view`.
"""

from __future__ import annotations

from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QMetaObject,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.align.kinds import AlignFlagKind
from reader.ui.labels import QT_TRANSLATE_NOOP
from reader.ui.labels import label as ui_label
from reader.ui.reading.outline_model import tooltip_text
from reader.ui.reading.script_text import in_script
from reader.ui.reading.view import ReadingView

if TYPE_CHECKING:
    from reader.core.align.transcript import Discrepancy

ModelIndex = QModelIndex | QPersistentModelIndex

KIND_LABELS = {  # shown through ui_label
    AlignFlagKind.NUMBER_MISMATCH: QT_TRANSLATE_NOOP("Labels", "Figure differs"),
    AlignFlagKind.NUMBER_MISSING: QT_TRANSLATE_NOOP("Labels", "Figure on one side only"),
    AlignFlagKind.UNTRANSLATED: QT_TRANSLATE_NOOP("Labels", "Not interpreted"),
}
# The same hues as the marks in the reading view, opaque for the list's swatches.
KIND_COLOURS = {
    AlignFlagKind.NUMBER_MISMATCH: QColor(220, 40, 20),
    AlignFlagKind.NUMBER_MISSING: QColor(230, 140, 0),
    AlignFlagKind.UNTRANSLATED: QColor(150, 150, 150),
}


class DiscrepancyRole(IntEnum):
    """Data roles beyond Qt's own."""

    KindRole = Qt.ItemDataRole.UserRole + 1
    """AlignFlagKind value (str)."""
    MessageRole = Qt.ItemDataRole.UserRole + 2
    SpeakerRole = Qt.ItemDataRole.UserRole + 3
    QuoteRole = Qt.ItemDataRole.UserRole + 4
    TurnIndexRole = Qt.ItemDataRole.UserRole + 5
    """The turn holding the flagged words."""
    SourceStartRole = Qt.ItemDataRole.UserRole + 6
    """Transcript offset where the flagged words start."""


class DiscrepancyModel(QAbstractListModel):
    """The flags of one alignment, in reading order; replaced as a whole, never edited."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[Discrepancy] = []
        self._script = "none"

    def set_script(self, config: str) -> None:
        """Show the quotes, names and messages in this Chinese script, as the view does."""
        if config != self._script:
            self._script = config
            if self._items:
                self.dataChanged.emit(self.index(0, 0), self.index(len(self._items) - 1, 0))

    def set_discrepancies(self, items: list[Discrepancy]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def discrepancy(self, row: int) -> Discrepancy:
        return self._items[row]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008  (Qt's signature)
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid() \
                or not 0 <= index.row() < len(self._items) or index.column() != 0:
            return None
        d = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return in_script(f"{d.message}\n{d.speaker}: “{d.quote}”", self._script)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip_text(f"{ui_label(KIND_LABELS[d.kind])}: "
                                f"{in_script(d.message, self._script)}",
                                in_script(f"{d.speaker}: “{d.quote}”", self._script))
        if role == Qt.ItemDataRole.DecorationRole:
            return KIND_COLOURS[d.kind]
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{ui_label(KIND_LABELS[d.kind])}. {d.message}. {d.speaker}."
        if role == DiscrepancyRole.KindRole:
            return d.kind.value
        if role == DiscrepancyRole.MessageRole:
            return d.message
        if role == DiscrepancyRole.SpeakerRole:
            return d.speaker
        if role == DiscrepancyRole.QuoteRole:
            return d.quote
        if role == DiscrepancyRole.TurnIndexRole:
            return d.turn
        if role == DiscrepancyRole.SourceStartRole:
            return d.flag.first_span[0]
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable \
            | Qt.ItemFlag.ItemNeverHasChildren


class DiscrepancyPanel(QWidget):
    """Status line, Previous / Next, and the list of the followed view's discrepancies.

    `act_next` and `act_previous` carry the F8 / Shift+F8 shortcuts; a window adds them to
    itself (and its menus) so the keys work wherever the focus is.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("discrepancy_panel")
        self._view: ReadingView | None = None
        self._connections: list[QMetaObject.Connection] = []
        self._syncing = False
        self._model = DiscrepancyModel(self)

        self._status = QLabel(self)
        self._status.setObjectName("discrepancy_status")
        self._status.setTextFormat(Qt.TextFormat.PlainText)
        self._status.setWordWrap(True)
        self.act_previous = QAction(self.tr("Previous Discrepancy"), self)
        self.act_previous.setShortcut(QKeySequence("Shift+F8"))
        self.act_previous.setToolTip(self.tr("Previous discrepancy (Shift+F8)"))
        self.act_previous.triggered.connect(self._on_previous_triggered)
        self.act_next = QAction(self.tr("Next Discrepancy"), self)
        self.act_next.setShortcut(QKeySequence("F8"))
        self.act_next.setToolTip(self.tr("Next discrepancy (F8)"))
        self.act_next.triggered.connect(self._on_next_triggered)
        self._previous = self._button(self.act_previous, Qt.ArrowType.UpArrow)
        self._next = self._button(self.act_next, Qt.ArrowType.DownArrow)

        self._list = QListView(self)
        self._list.setObjectName("discrepancy_list")
        self._list.setModel(self._model)
        self._list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._list.setWordWrap(True)
        self._list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self._list.setAlternatingRowColors(True)
        self._list.setSpacing(1)
        swatch = self.fontMetrics().height() * 2 // 3  # the kind's colour, about a letter high
        self._list.setIconSize(QSize(swatch, swatch))
        self._list.clicked.connect(self._on_list_clicked)
        self._list.activated.connect(self._on_list_clicked)
        self._list.selectionModel().currentChanged.connect(self._on_list_current_changed)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self._status, 1)
        top.addWidget(self._previous)
        top.addWidget(self._next)
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.addLayout(top)
        box.addWidget(self._list, 1)
        self._refresh()

    def _button(self, action: QAction, arrow: Qt.ArrowType) -> QToolButton:
        button = QToolButton(self)
        button.setDefaultAction(action)
        # Arrows are drawn by the style in the palette's text colour (dark themes too).
        button.setIcon(QIcon())
        button.setArrowType(arrow)
        button.setAutoRaise(True)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        return button

    # -- the followed view --------------------------------------------------------------

    def view(self) -> ReadingView | None:
        return self._view

    def model(self) -> DiscrepancyModel:
        return self._model

    def list_view(self) -> QListView:
        return self._list

    def status_text(self) -> str:
        return self._status.text()

    def set_view(self, view: ReadingView | None) -> None:
        """Follow another reading view (None: show nothing)."""
        if view is self._view:
            return
        for connection in self._connections:
            QObject.disconnect(connection)
        self._connections = []
        self._view = view
        if view is not None:
            self._model.set_script(view.script())
            self._connections = [
                view.alignment_started.connect(self._on_view_alignment_started),
                view.alignment_progressed.connect(self._on_view_alignment_progressed),
                view.alignment_ready.connect(self._on_view_alignment_ready),
                view.alignment_failed.connect(self._on_view_alignment_failed),
                view.discrepancy_shown.connect(self._on_view_discrepancy_shown),
                view.destroyed.connect(self._on_view_destroyed),
            ]
        self._refresh()

    def set_script(self, config: str) -> None:
        """The window's Chinese script changed: the list follows."""
        self._model.set_script(config)

    def _refresh(self, status: str | None = None) -> None:
        view = self._view
        items = view.discrepancies() if view is not None else []
        self._model.set_discrepancies(items)
        for action in (self.act_next, self.act_previous):
            action.setEnabled(bool(items))
        if status is None:
            status = self._status_for(view, len(items))
        self._status.setText(status)
        if view is not None and view.current_discrepancy() >= 0:
            self._select_row(view.current_discrepancy())

    @staticmethod
    def _status_for(view: ReadingView | None, count: int) -> str:
        if view is None or view.transcript() is None:
            return QCoreApplication.translate("DiscrepancyPanel", "No transcript open")
        alignment = view.sentence_alignment()
        if alignment is None:
            return QCoreApplication.translate("DiscrepancyPanel", "Comparing the interpretation with the Mandarin…")
        if not alignment.pairs:
            return QCoreApplication.translate("DiscrepancyPanel", "No Mandarin turns with an interpretation to "
                                              "compare")
        pairs = len(alignment.pairs)
        answers = (QCoreApplication.translate("DiscrepancyPanel", "{n} interpreted turns") if pairs != 1
                   else QCoreApplication.translate("DiscrepancyPanel", "{n} interpreted turn")).format(n=pairs)
        if not count:
            return QCoreApplication.translate("DiscrepancyPanel", "No discrepancies in {turns}").format(turns=answers)
        return QCoreApplication.translate("DiscrepancyPanel", "{n} to check in {turns}").format(n=count,
                                                                                turns=answers)

    def _select_row(self, row: int) -> None:
        self._syncing = True
        try:
            index = self._model.index(row, 0)
            self._list.setCurrentIndex(index)
            self._list.scrollTo(index)
        finally:
            self._syncing = False

    # -- slots ----------------------------------------------------------------------------

    def _on_view_alignment_started(self) -> None:
        self._refresh()

    def _on_view_alignment_progressed(self, done: int, total: int) -> None:
        self._status.setText(self.tr("Comparing the interpretation with the Mandarin… "
                                     "{done}/{total}").format(done=done, total=total))

    def _on_view_alignment_ready(self) -> None:
        self._refresh()

    def _on_view_alignment_failed(self, message: str) -> None:
        self._refresh(status=self.tr("Could not compare: {reason}").format(reason=message))

    def _on_view_discrepancy_shown(self, index: int) -> None:
        if 0 <= index < self._model.rowCount():
            self._select_row(index)

    def _on_view_destroyed(self) -> None:
        self._connections = []
        self._view = None
        self._refresh()

    def _on_list_clicked(self, index: QModelIndex) -> None:
        if self._view is not None and index.isValid() and not self._syncing:
            self._view.go_to_discrepancy(index.row())

    def _on_list_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._on_list_clicked(current)

    def _on_next_triggered(self) -> None:
        if self._view is not None:
            self._view.next_discrepancy()

    def _on_previous_triggered(self) -> None:
        if self._view is not None:
            self._view.previous_discrepancy()
