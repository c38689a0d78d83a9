"""The highlights dock: the current transcript's highlights, a filter bar, and what to do with one.

A list (quote, tags, note, speaker, section, colour) over `HighlightsModel` through
`HighlightFilter`; the bar above filters by text, colour, tag, speaker and section, and, in a
library with more than one author, by author ("Mine", "Everyone", a person), with an
author column. Clicking
a row asks the window to show the highlight (`highlight_activated`), a double-click asks for
the editor (`edit_requested`). The dock decides nothing about the library: the window gives it
content with `set_content` and handles the requests.

The dock's frame exists from the start (the window's saved layout places it); what it holds
is built by `build`, which the window calls once its first paint is done (the highlights
come with the library, which opens then). What is set before that (actions, a saved header,
content, a message) waits and is applied when it is built; using the list builds it at once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.ui.labels import label as ui_label
from reader.ui.swatches import swatch_icon

if TYPE_CHECKING:
    from reader.core.display import DisplayOptions
    from reader.core.model import Transcript
    from reader.core.records import Colour, Highlight


ModelIndex = QModelIndex | QPersistentModelIndex
_ALL = ""
MINE = "\x00mine"  # the author filter's "Mine" (no name holds a NUL)


def _id_of(index: ModelIndex) -> int:
    """The highlight id of a row of the list (the model is loaded once the list exists)."""
    from reader.ui.annotations.highlights_model import HighlightRole

    return int(index.data(HighlightRole.IdRole))


class HighlightsDock(QDockWidget):
    """See the module docstring."""

    highlight_activated = Signal(int)  # highlight id: show it in the reading view
    edit_requested = Signal(int)  # highlight id: open the editor

    _BODY = frozenset({"model", "proxy", "search", "colour_filter", "tag_filter",
                       "speaker_filter", "section_filter", "author_filter", "clear_button", "view",
                       "column_actions", "status"})

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Highlights"), parent)
        self.setObjectName("highlights_dock")
        self.setAllowedAreas(Qt.DockWidgetArea.LeftDockWidgetArea
                             | Qt.DockWidgetArea.RightDockWidgetArea
                             | Qt.DockWidgetArea.BottomDockWidgetArea)
        self._built = False
        self._unavailable = ""
        self._pending_actions: list[QAction] = []
        self._pending_header: QByteArray | None = None
        self._pending_content: tuple[Transcript | None, Sequence[Highlight],
                                     Sequence[Colour]] | None = None
        self._pending_options: DisplayOptions | None = None
        self._me = ""
        self._authors: list[str] = []

    def __getattr__(self, name: str) -> object:
        # Only reached for a name not set yet: the parts `build` makes, asked for early.
        if name in HighlightsDock._BODY and not self.__dict__.get("_built", True):
            self.build()
            return getattr(self, name)
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def is_built(self) -> bool:
        """Whether the list and its filters exist yet (see the module docstring)."""
        return self._built

    def build(self) -> None:
        """Make the list and its filter bar (once), and apply what was set meanwhile."""
        if self._built:
            return
        self._built = True
        from reader.ui.annotations.highlights_model import (
            HEADERS,
            Column,
            HighlightFilter,
            HighlightsModel,
        )

        self.model = HighlightsModel(self)
        self.proxy = HighlightFilter(self)
        self.proxy.setSourceModel(self.model)

        body = QWidget(self)
        self.search = QLineEdit(body)
        self.search.setObjectName("highlight_search")
        self.search.setPlaceholderText(self.tr("Filter quotes, notes and tags"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search_text_changed)
        self.colour_filter = self._combo("colour_filter", self.tr("Any colour"), body)
        self.tag_filter = self._combo("tag_filter", self.tr("Any tag"), body)
        self.speaker_filter = self._combo("speaker_filter", self.tr("Any speaker"), body)
        self.section_filter = self._combo("section_filter", self.tr("Any section"), body)
        self.author_filter = self._combo("author_filter", self.tr("Everyone"), body)
        self.author_filter.setToolTip(self.tr("Whose highlights to list"))
        self.author_filter.hide()  # until the library has a second author
        self.clear_button = QToolButton(body)
        self.clear_button.setText(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("Show every highlight"))
        self.clear_button.setAutoRaise(True)
        self.clear_button.clicked.connect(self._on_clear_button_clicked)

        self.view = QTreeView(body)
        self.view.setObjectName("highlights_view")
        self.view.setModel(self.proxy)
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(Column.QUOTE, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in ((Column.QUOTE, 190), (Column.TAGS, 85), (Column.NOTE, 110),
                              (Column.SPEAKER, 100), (Column.SECTION, 110),
                              (Column.COLOUR, 80), (Column.AUTHOR, 80)):
            header.resizeSection(column, width)
        # A dock is narrow: the colour shows as the quote's swatch and the section has a
        # filter, so those two columns start hidden; the header's menu shows any column.
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.column_actions: dict[Column, QAction] = {}
        for column in Column:
            action = QAction(ui_label(HEADERS[column]), header)
            action.setCheckable(True)
            action.setChecked(column not in (Column.SECTION, Column.COLOUR, Column.AUTHOR))
            action.setEnabled(column not in (Column.QUOTE, Column.AUTHOR))
            action.toggled.connect(lambda on, c=column: header.setSectionHidden(c, not on))
            header.setSectionHidden(column, not action.isChecked())
            header.addAction(action)
            self.column_actions[column] = action
        self.view.clicked.connect(self._on_view_clicked)
        self.view.activated.connect(self._on_view_clicked)
        self.view.doubleClicked.connect(self._on_view_double_clicked)

        self.status = QLabel(body)
        self.status.setObjectName("highlights_status")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.status.setEnabled(False)  # muted text

        bar = QGridLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.setSpacing(4)
        bar.addWidget(self.search, 0, 0, 1, 2)
        bar.addWidget(self.clear_button, 0, 2)
        bar.addWidget(self.colour_filter, 1, 0)
        bar.addWidget(self.tag_filter, 1, 1, 1, 2)
        bar.addWidget(self.speaker_filter, 2, 0)
        bar.addWidget(self.section_filter, 2, 1, 1, 2)
        bar.addWidget(self.author_filter, 3, 0, 1, 3)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        self.setWidget(body)
        self.proxy.rowsInserted.connect(self._update_status)
        self.proxy.rowsRemoved.connect(self._update_status)
        self.proxy.modelReset.connect(self._update_status)
        self.proxy.layoutChanged.connect(self._update_status)
        for action in self._pending_actions:
            self.view.addAction(action)
        if self._pending_header is not None:
            self._restore_header(self._pending_header)
        if self._pending_options is not None:
            self.model.set_options(self._pending_options)
        if self._pending_content is not None:
            self.set_content(*self._pending_content)
        self._fill_authors()
        self._show_authors(len(self._named()) > 1)
        self._pending_actions, self._pending_header, self._pending_content = [], None, None
        self._update_status()

    def _combo(self, name: str, everything: str, parent: QWidget) -> QComboBox:
        combo = QComboBox(parent)
        combo.setObjectName(name)
        combo.addItem(everything, _ALL)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)
        combo.currentIndexChanged.connect(self._on_filter_combo_changed)
        return combo

    # -- content -----------------------------------------------------------------------------

    def restore_header(self, state: QByteArray) -> None:
        """Column widths, order and visibility saved from an earlier session."""
        if not self._built:
            self._pending_header = state
            return
        self._restore_header(state)

    def _restore_header(self, state: QByteArray) -> None:
        header = self.view.header()
        if header.restoreState(state):
            for column, action in self.column_actions.items():
                action.setChecked(not header.isSectionHidden(column))
            self._show_authors(len(self._named()) > 1)  # as the library is now

    def header_state(self) -> QByteArray:
        """What `restore_header` takes back (the saved one, if the list was never built)."""
        if not self._built:
            return self._pending_header if self._pending_header is not None else QByteArray()
        return self.view.header().saveState()

    def set_context_actions(self, actions: Iterable[QAction]) -> None:
        """Actions for the list's context menu (edit, delete...)."""
        if not self._built:
            self._pending_actions.extend(actions)
            return
        for action in actions:
            self.view.addAction(action)

    def set_unavailable(self, message: str) -> None:
        """Say why there are no highlights at all (no library); "" when there is one."""
        self._unavailable = message
        if self._built:
            self._update_status()

    def set_options(self, options: DisplayOptions) -> None:
        """Quote highlights in the reading view's script and cleanup."""
        if not self._built:
            self._pending_options = options
            return
        self.model.set_options(options)
        self._update_status()

    def set_content(self, transcript: Transcript | None, highlights: Sequence[Highlight],
                    colours: Sequence[Colour]) -> None:
        """Show `highlights` of `transcript` (None: no transcript is current)."""
        if not self._built:
            self._pending_content = (transcript, list(highlights), list(colours))
            return
        self.model.set_colours(colours)
        self.model.set_highlights(transcript, highlights)
        self._fill_filters(colours)
        self._update_status()

    def set_authors(self, authors: Iterable[str], me: str) -> None:
        """The library's authors and this user's name: with more than one author the list
        shows an author column and filters by author."""
        before = len(self._named()) > 1
        self._me = me
        self._authors = sorted(set(authors) | set(self._authors), key=str.casefold)
        if self._built:
            multi = len(self._named()) > 1
            self._fill_authors()
            if multi != before:
                self._show_authors(multi)

    def _fill_authors(self) -> None:
        self._refill(self.author_filter,
                     [(self.tr("Mine"), MINE, None),
                      *((a, a, None) for a in self._named() if a != self._me)])

    def authors(self) -> list[str]:
        """The authors known so far (the library's, and those of the highlights shown)."""
        return list(self._authors)

    def _named(self) -> list[str]:
        return [a for a in self._authors if a]

    def _show_authors(self, multi: bool) -> None:
        from reader.ui.annotations.highlights_model import Column

        self.author_filter.setVisible(multi)
        header = self.view.header()
        if multi and header.visualIndex(Column.AUTHOR) == header.count() - 1:
            header.moveSection(header.count() - 1, 1)  # beside the quote, where a dock shows it
        action = self.column_actions[Column.AUTHOR]
        action.setEnabled(multi)
        action.setChecked(multi)
        if not multi and self.author_filter.currentIndex() != 0:
            self.author_filter.setCurrentIndex(0)

    def _fill_filters(self, colours: Sequence[Colour]) -> None:
        from reader.core.labels import SECTION_OUTLINE_TITLES
        from reader.core.model import SectionKind

        items = self.model.highlights()
        rows = range(self.model.rowCount())
        speakers = sorted({self.model.speaker(r) for r in rows} - {""}, key=str.casefold)
        present = {self.model.section(r) for r in rows}
        sections = [k.value for k in SectionKind if k.value in present]
        tags: dict[str, str] = {}
        for h in items:
            for t in h.tags:
                tags.setdefault(t.casefold(), t)
        self._refill(self.colour_filter, [(c.display_name, c.key, c.key) for c in colours])
        self._refill(self.tag_filter, [(f"#{t}", t, None)
                                       for t in sorted(tags.values(), key=str.casefold)])
        self._refill(self.speaker_filter, [(s, s, None) for s in speakers])
        self._refill(self.section_filter, [(ui_label(SECTION_OUTLINE_TITLES.get(SectionKind(s), s)), s, None)
                                           for s in sections])
        new = {h.author for h in items} - set(self._authors)
        if new:  # someone new wrote here: the library has them now too
            self.set_authors(new, self._me)

    def _refill(self, combo: QComboBox, items: list[tuple[str, str, str | None]]) -> None:
        """Replace a filter's choices, keeping the chosen one (it stays even when no row has
        it any more, so a filter never changes under the reader's hands)."""
        chosen = str(combo.currentData() or _ALL)
        chosen_text = combo.currentText()
        combo.blockSignals(True)
        try:
            everything = combo.itemText(0)
            combo.clear()
            combo.addItem(everything, _ALL)
            for text, data, icon_key in items:
                if icon_key is not None:
                    combo.addItem(swatch_icon(icon_key), text, data)
                else:
                    combo.addItem(text, data)
            if chosen != _ALL and combo.findData(chosen) < 0:
                combo.addItem(chosen_text, chosen)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
        finally:
            combo.blockSignals(False)

    def _update_status(self, *_args: object) -> None:
        total = self.model.rowCount()
        shown = self.proxy.rowCount()
        orphans = sum(1 for h in self.model.highlights() if h.orphaned)
        if self._unavailable:
            text = self._unavailable
        elif self.model.transcript() is None:
            text = self.tr("Open a transcript to see its highlights, or see every "
                           "highlight of the library in the Notebook (Ctrl+Shift+B).")
        elif not total:
            text = self.tr("No highlights yet: select text and press Ctrl+H (or Ctrl+1 to "
                           "Ctrl+4).")
        else:
            text = (self.tr("{n} highlights").format(n=total) if total != 1
                    else self.tr("1 highlight"))
            if shown != total:
                text += self.tr(", {n} shown").format(n=shown)
            if orphans:
                text += self.tr("; {n} orphaned (their text is not in this version)").format(
                    n=orphans)
        self.status.setText(text)

    # -- selection ---------------------------------------------------------------------------

    def select_highlight(self, highlight_id: int) -> bool:
        """Make a highlight the current row (if the filter shows it)."""
        source = self.model.index_of(highlight_id)
        index = self.proxy.mapFromSource(source) if source.isValid() else QModelIndex()
        if not index.isValid():
            return False
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        return True

    def selected_ids(self) -> list[int]:
        """Highlights selected in the list, in the order shown."""
        if not self._built:
            return []
        rows = self.view.selectionModel().selectedRows() if self.view.selectionModel() else []
        ids = [_id_of(i) for i in sorted(rows, key=lambda i: i.row())]
        if not ids:
            current = self.view.currentIndex()
            if current.isValid() and self.view.selectionModel().isSelected(current):
                ids = [_id_of(current)]
        return ids

    def has_list_focus(self) -> bool:
        return self._built and self.view.hasFocus()

    # -- slots -------------------------------------------------------------------------------

    def _on_search_text_changed(self, text: str) -> None:
        self.proxy.set_text(text)
        self._update_status()

    def _on_filter_combo_changed(self, _index: int) -> None:
        self.proxy.set_colour(str(self.colour_filter.currentData() or _ALL))
        self.proxy.set_tag(str(self.tag_filter.currentData() or _ALL))
        self.proxy.set_speaker(str(self.speaker_filter.currentData() or _ALL))
        self.proxy.set_section(str(self.section_filter.currentData() or _ALL))
        author = str(self.author_filter.currentData() or _ALL)
        self.proxy.set_author(None if author == _ALL else self._me if author == MINE else author)
        self._update_status()

    def _on_clear_button_clicked(self) -> None:
        self.search.clear()
        for combo in (self.colour_filter, self.tag_filter, self.speaker_filter,
                      self.section_filter, self.author_filter):
            combo.setCurrentIndex(0)

    def _on_view_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.highlight_activated.emit(_id_of(index))

    def _on_view_double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.edit_requested.emit(_id_of(index))
