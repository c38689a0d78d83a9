"""The highlights of one transcript as a table, and the filter the highlights dock puts over it.

`HighlightsModel` holds plain `Highlight` records (from the annotation service) with what the
transcript says about each: who spoke the words and in which section. Rows stay in reading
order; `set_highlights` turns a new list into row inserts, removals and changes, so a view's
selection survives an edit elsewhere. Orphaned highlights (their text is gone from a corrected
version of the call) stay listed with their quote and an "orphaned" marker.

`HighlightFilter` is a QSortFilterProxyModel that keeps the rows matching every set criterion:
text (in quote, note or tags), tag, colour, speaker, section and author.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from reader.core.display import DisplayOptions
from reader.core.labels import SECTION_OUTLINE_TITLES
from reader.core.model import SectionKind, Transcript
from reader.core.records import Colour, Highlight
from reader.ui.annotations.shown import ShownText
from reader.ui.labels import QT_TRANSLATE_NOOP
from reader.ui.labels import label as ui_label
from reader.ui.reading.outline_model import tooltip_text
from reader.ui.swatches import swatch_icon

ModelIndex = QModelIndex | QPersistentModelIndex

ORPHANED = QT_TRANSLATE_NOOP("Labels", "orphaned")  # shown through ui_label
_QUOTE_WIDTH = 160


class Column(IntEnum):
    QUOTE = 0
    TAGS = 1
    NOTE = 2
    SPEAKER = 3
    SECTION = 4
    COLOUR = 5
    AUTHOR = 6  # shown when the library has more than one author


HEADERS = {  # shown through ui_label
    Column.QUOTE: QT_TRANSLATE_NOOP("Labels", "Quote"),
    Column.TAGS: QT_TRANSLATE_NOOP("Labels", "Tags"),
    Column.NOTE: QT_TRANSLATE_NOOP("Labels", "Note"),
    Column.SPEAKER: QT_TRANSLATE_NOOP("Labels", "Speaker"),
    Column.SECTION: QT_TRANSLATE_NOOP("Labels", "Section"),
    Column.COLOUR: QT_TRANSLATE_NOOP("Labels", "Colour"),
    Column.AUTHOR: QT_TRANSLATE_NOOP("Labels", "Author"),
}


class HighlightRole(IntEnum):
    """Data roles beyond Qt's own; the same on every column of a row."""

    IdRole = Qt.ItemDataRole.UserRole + 1
    StartRole = Qt.ItemDataRole.UserRole + 2
    """Source offset where the highlight starts (where its text was, for an orphan)."""
    EndRole = Qt.ItemDataRole.UserRole + 3
    ColourKeyRole = Qt.ItemDataRole.UserRole + 4
    TagsRole = Qt.ItemDataRole.UserRole + 5
    """tuple[str, ...]"""
    NoteRole = Qt.ItemDataRole.UserRole + 6
    SpeakerRole = Qt.ItemDataRole.UserRole + 7
    SectionRole = Qt.ItemDataRole.UserRole + 8
    """SectionKind value (str), "" when unknown."""
    OrphanedRole = Qt.ItemDataRole.UserRole + 9
    QuoteRole = Qt.ItemDataRole.UserRole + 10
    TurnIndexRole = Qt.ItemDataRole.UserRole + 11
    SortRole = Qt.ItemDataRole.UserRole + 12
    """A value that sorts the column sensibly (reading order for the quote)."""


_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
_USER = int(Qt.ItemDataRole.UserRole)
_QUOTE, _TAGS, _NOTE, _SPEAKER, _SECTION, _COLOUR, _AUTHOR = (int(c) for c in Column)
_COLUMNS = len(Column)
_ORPHAN_BRUSH = QColor(176, 60, 40)
_ROW_FLAGS = (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
              | Qt.ItemFlag.ItemNeverHasChildren)


@dataclass(frozen=True, slots=True)
class _Row:
    highlight: Highlight
    speaker: str
    section: str  # SectionKind value or ""
    texts: tuple[str, str, str, str, str]  # quote, tags, note, speaker, section as shown
    shown: str  # the whole quote as the reading view shows it

    @property
    def key(self) -> tuple[int, int]:
        return (self.highlight.start, self.highlight.id)


def _flat(text: str, width: int | None = None) -> str:
    flat = " ".join(text.split())
    if width is not None and len(flat) > width:
        flat = flat[: width - 1] + "…"
    return flat


class HighlightsModel(QAbstractTableModel):
    """One transcript's highlights in reading order (see the module docstring)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[_Row] = []
        self._transcript: Transcript | None = None
        self._names: dict[str, str] = {}
        self._order: dict[str, int] = {}
        self._colours: list[Colour] = []
        self._options = DisplayOptions()
        self._shown: ShownText | None = None

    # -- content -----------------------------------------------------------------------------

    def set_colours(self, colours: Sequence[Colour]) -> None:
        if list(colours) == self._colours:
            return
        self._colours = list(colours)
        self._names = {c.key: c.display_name for c in colours}
        self._order = {c.key: c.position for c in colours}
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1,
                                                               len(Column) - 1))

    def colours(self) -> list[Colour]:
        return list(self._colours)

    def colour_name(self, key: str) -> str:
        return self._names.get(key, key)

    def transcript(self) -> Transcript | None:
        return self._transcript

    def set_options(self, options: DisplayOptions) -> None:
        """Quote in the reading view's script and cleanup (the rows are made again)."""
        if options == self._options:
            return
        self._options = options
        self._shown = None
        highlights = self.highlights()
        self.beginResetModel()
        self._rows = sorted((self._row(self._transcript, h) for h in highlights),
                            key=lambda r: r.key)
        self.endResetModel()

    def shown_quote(self, h: Highlight) -> str:
        """A highlight's quote as the reading view shows it."""
        return self._shown_text(self._transcript).quote(h)

    def _shown_text(self, t: Transcript | None) -> ShownText:
        if self._shown is None or self._shown.transcript is not t:
            self._shown = ShownText(t, self._options)
        return self._shown

    def set_highlights(self, transcript: Transcript | None,
                       highlights: Sequence[Highlight]) -> None:
        """Show these highlights (of `transcript`); rows that stay keep their indexes."""
        new = sorted((self._row(transcript, h) for h in highlights), key=lambda r: r.key)
        if transcript is not self._transcript or not self._can_patch(new):
            self.beginResetModel()
            self._transcript = transcript
            self._rows = new
            self.endResetModel()
            return
        self._patch(new)

    def _row(self, t: Transcript | None, h: Highlight) -> _Row:
        speaker = section = ""
        if t is not None and not h.orphaned:
            turn_index = h.turn_index
            if turn_index is None or not 0 <= turn_index < len(t.turns):
                found = t.turn_at(h.start)
                turn_index = found.index if found is not None else None
            if turn_index is not None:
                turn = t.turns[turn_index]
                speaker = t.speaker_of(turn).label
                section = turn.section.value
        shown_text = self._shown_text(t)
        shown = shown_text.quote(h)
        quote = _flat(shown, _QUOTE_WIDTH)
        texts = (f"[{ui_label(ORPHANED)}] {quote}" if h.orphaned else quote,
                 " ".join(f"#{t}" for t in h.tags), _flat(h.note, _QUOTE_WIDTH),
                 shown_text.user_text(speaker),
                 ui_label(SECTION_OUTLINE_TITLES.get(SectionKind(section), ""))
                 if section else "")
        return _Row(h, speaker, section, texts, shown)

    def _can_patch(self, new: list[_Row]) -> bool:
        """Rows kept must keep their order: edits, adds and deletes, never moves."""
        kept_ids = {r.highlight.id for r in new}
        old_keys = [r.key for r in self._rows if r.highlight.id in kept_ids]
        old_ids = {r.highlight.id for r in self._rows}
        new_keys = [r.key for r in new if r.highlight.id in old_ids]
        return old_keys == new_keys

    def _patch(self, new: list[_Row]) -> None:
        new_ids = {r.highlight.id for r in new}
        for row in range(len(self._rows) - 1, -1, -1):
            if self._rows[row].highlight.id not in new_ids:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                self.endRemoveRows()
        old = {r.highlight.id: r for r in self._rows}
        for row, item in enumerate(new):
            if item.highlight.id not in old:
                self.beginInsertRows(QModelIndex(), row, row)
                self._rows.insert(row, item)
                self.endInsertRows()
            elif old[item.highlight.id] != item:
                self._rows[row] = item
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1))

    def highlight(self, row: int) -> Highlight:
        return self._rows[row].highlight

    def shown(self, row: int) -> str:
        """The row's quote as the reading view shows it."""
        return self._rows[row].shown

    def highlights(self) -> list[Highlight]:
        return [r.highlight for r in self._rows]

    def speaker(self, row: int) -> str:
        return self._rows[row].speaker

    def section(self, row: int) -> str:
        """The SectionKind value of the highlight's turn ("" when unknown)."""
        return self._rows[row].section

    def row_of(self, highlight_id: int) -> int:
        """The row showing a highlight, or -1."""
        for row, item in enumerate(self._rows):
            if item.highlight.id == highlight_id:
                return row
        return -1

    def index_of(self, highlight_id: int, column: int = 0) -> QModelIndex:
        row = self.row_of(highlight_id)
        return self.index(row, column) if row >= 0 else QModelIndex()

    # -- QAbstractItemModel --------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else _COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(Column):
            return ui_label(HEADERS[Column(section)])
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        return _ROW_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row, column = index.row(), index.column()
        if not index.isValid() or not 0 <= row < len(self._rows) or not 0 <= column < _COLUMNS:
            return None
        item = self._rows[row]
        role = int(role)
        if role in (_DISPLAY, _ACCESSIBLE):
            return self._display(item, column)
        if role == _DECORATION:
            return swatch_icon(item.highlight.colour) if column in (_QUOTE, _COLOUR) else None
        if role == _TOOLTIP:
            return self._tooltip(item)
        if role == _FONT:
            if column == _QUOTE and item.highlight.orphaned:
                font = QFont()
                font.setItalic(True)
                return font
            return None
        if role == _FOREGROUND:
            return QBrush(_ORPHAN_BRUSH) if item.highlight.orphaned else None
        if role > _USER:
            return self._custom(row, item, role, column)
        return None

    def _display(self, item: _Row, column: int) -> str:
        if column == _COLOUR:
            return self.colour_name(item.highlight.colour)
        if column == _AUTHOR:
            return item.highlight.author
        return item.texts[column]

    def sort_key(self, row: int, column: int) -> Any:
        """What the column sorts by (reading order for the quote); see HighlightFilter."""
        item = self._rows[row]
        h = item.highlight
        if column == _QUOTE:
            return (h.start, h.id)
        if column == _COLOUR:
            return (self._order.get(h.colour, len(self._order)), h.start, h.id)
        return (self._display(item, column).casefold(), h.start, h.id)

    def _tooltip(self, item: _Row) -> str:
        h = item.highlight
        lines = [_flat(item.shown, 600)]
        if h.orphaned:
            lines.insert(0, self.tr("Orphaned: this text is not in the current version of "
                                    "the call."))
        if h.tags:
            lines.append(" ".join(f"#{t}" for t in h.tags))
        if h.note:
            lines.append(h.note)
        return tooltip_text(*lines)

    def _custom(self, row: int, item: _Row, role: int, column: int) -> Any:
        h = item.highlight
        if role == HighlightRole.IdRole:
            return h.id
        if role == HighlightRole.StartRole:
            return h.start
        if role == HighlightRole.EndRole:
            return h.end
        if role == HighlightRole.ColourKeyRole:
            return h.colour
        if role == HighlightRole.TagsRole:
            return h.tags
        if role == HighlightRole.NoteRole:
            return h.note
        if role == HighlightRole.SpeakerRole:
            return item.speaker
        if role == HighlightRole.SectionRole:
            return item.section
        if role == HighlightRole.OrphanedRole:
            return h.orphaned
        if role == HighlightRole.QuoteRole:
            return h.quote
        if role == HighlightRole.TurnIndexRole:
            return h.turn_index
        if role == HighlightRole.SortRole:
            key = self.sort_key(row, column)
            return key[0] if column != _QUOTE else h.start
        return None


class HighlightFilter(QSortFilterProxyModel):
    """Rows matching every criterion set; an empty criterion matches everything."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._tag = ""
        self._colour = ""
        self._speaker = ""
        self._section = ""
        self._author: str | None = None  # None: everyone's; "" those from before authors
        self.setSortRole(HighlightRole.SortRole)
        self.setDynamicSortFilter(True)

    def set_text(self, text: str) -> None:
        self._set("_text", " ".join(text.split()).casefold())

    def set_tag(self, tag: str) -> None:
        self._set("_tag", tag.casefold())

    def set_colour(self, key: str) -> None:
        self._set("_colour", key)

    def set_speaker(self, speaker: str) -> None:
        self._set("_speaker", speaker)

    def set_section(self, section: str) -> None:
        self._set("_section", section)

    def set_author(self, author: str | None) -> None:
        """Keep one person's highlights (None: everyone's)."""
        self._set("_author", author)

    def clear_filters(self) -> None:
        self._change(_text="", _tag="", _colour="", _speaker="", _section="", _author=None)

    def is_filtering(self) -> bool:
        return any((self._text, self._tag, self._colour, self._speaker, self._section,
                    self._author is not None))

    def _set(self, name: str, value: str | None) -> None:
        if getattr(self, name) != value:
            self._change(**{name: value})

    def _change(self, **values: str | None) -> None:
        # Qt 6.10 replaced invalidateRowsFilter with begin/endFilterChange around the change;
        # the app supports Qt from 6.7 on, so use whichever this Qt has.
        modern = hasattr(self, "beginFilterChange")
        if modern:
            self.beginFilterChange()
        for name, value in values.items():
            setattr(self, name, value)
        if modern:
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateRowsFilter()

    def lessThan(self, left: ModelIndex, right: ModelIndex) -> bool:
        # Python keys instead of data() round trips through Qt: a 500-row sort stays in ms.
        model = self.sourceModel()
        if isinstance(model, HighlightsModel):
            column = left.column()
            return bool(model.sort_key(left.row(), column) < model.sort_key(right.row(), column))
        return super().lessThan(left, right)

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        model = self.sourceModel()
        if not isinstance(model, HighlightsModel) or source_parent.isValid():
            return True
        h = model.highlight(source_row)
        if self._colour and h.colour != self._colour:
            return False
        if self._tag and self._tag not in (t.casefold() for t in h.tags):
            return False
        if self._speaker and model.speaker(source_row) != self._speaker:
            return False
        if self._section and model.section(source_row) != self._section:
            return False
        if self._author is not None and h.author != self._author:
            return False
        if self._text:
            haystack = " ".join((" ".join(h.quote.split()), model.shown(source_row), h.note,
                                 " ".join(h.tags),
                                 f"#{' #'.join(h.tags)}" if h.tags else "")).casefold()
            squashed = "".join(haystack.split())
            words = self._text.split()
            if not all(w in haystack or w in squashed for w in words):
                return False
        return True
