"""Writing a transcript into the reading view's document: rows planned, then written in slices.

The view owns one `DocumentWriter`. A new call shows its first screens at once; the rest of
the plan (the tail) is written in short slices between events after the first paint, or all
at once when something needs the whole call mapped (`_ensure_built`). Every paragraph written
is recorded in the view's `DocumentLayout`.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSizeF, QTimer
from PySide6.QtGui import (
    QBrush,
    QFont,
    QFontMetricsF,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrameFormat,
    QTextLength,
    QTextTableCellFormat,
    QTextTableFormat,
)

from reader.core.convert import converter
from reader.core.display import DisplayParagraph
from reader.core.document_layout import DocumentLayout
from reader.core.labels import SECTION_HEADINGS, SPEAKER_KIND_NAMES
from reader.core.model import SectionKind, SpeakerKind, Turn
from reader.core.rows import Row, has_interpretation
from reader.ui.labels import label as ui_label
from reader.ui.reading.alignment import _AFTER_PAINT_LATEST_MS

if TYPE_CHECKING:
    # The view owns this part; importing it at run time would be circular.
    from reader.ui.reading.view import ReadingView


class LayoutMode(StrEnum):
    SIDE_BY_SIDE = "side_by_side"
    INTERLEAVED = "interleaved"
    ORIGINAL_ONLY = "original_only"
    INTERPRETATION_ONLY = "interpretation_only"


_LINE_HEIGHT = 115  # percent: CJK text needs more air than Latin between lines
_CELL_PADDING = 8
_HEADING_PADDING = 14
_HEAD_SCREENS = 1.25  # a new call shows at once this many viewport heights, guessed high
_TAIL_SLICE_S = 0.003  # the rest is written in slices this long (laying them out takes
# about twice that), between events


@dataclass(slots=True)
class _Cell:
    turns: list[int]
    tinted: bool = False


@dataclass(slots=True)
class _TableRow:
    cells: list[_Cell] = field(default_factory=list)
    heading: str | None = None
    header: tuple[str, ...] | None = None

class DocumentWriter:
    """Builds the view's document from the transcript: the plan of rows, the first screens, the tail in slices."""

    def __init__(self, view: ReadingView) -> None:
        self._view = view
        self._tail: list[_TableRow] = []
        self._tail_cols = 1
        self._tail_styles: _Styles | None = None
        self._pending_heading: int | None = None  # a heading's position, for its first row
        self._tail_after_paint = False
        self._tail_timer = QTimer(self._view)
        self._tail_timer.setSingleShot(True)
        self._tail_timer.timeout.connect(self._on_tail_timer_timeout)

    def _plan(self) -> tuple[int, list[_TableRow]]:
        """Columns and table rows for the current transcript, mode and filter."""
        t = self._view._transcript
        assert t is not None
        two_sided = has_interpretation(t)
        mode = self._view._mode if two_sided else LayoutMode.ORIGINAL_ONLY
        cols = 2 if mode is LayoutMode.SIDE_BY_SIDE else 1
        plan: list[_TableRow] = []
        if cols == 2:
            plan.append(_TableRow(header=(
                QCoreApplication.translate("DocumentWriter", "Original"),
                QCoreApplication.translate("DocumentWriter", "Interpretation"))))
        section: SectionKind | None = None
        for row in self._view._rows:
            if not self._row_passes_filter(row):
                continue
            cells = self._cells(row, mode)
            if not cells:
                continue
            if row.section is not section:
                section = row.section
                plan.append(_TableRow(heading=ui_label(SECTION_HEADINGS.get(section,
                                                                            str(section)))))
            plan.extend(cells)
        return cols, plan

    def _cells(self, row: Row, mode: LayoutMode) -> list[_TableRow]:
        if mode is LayoutMode.SIDE_BY_SIDE:
            if row.original and row.interpretation:
                return [_TableRow([_Cell(row.original), _Cell(row.interpretation)])]
            # One side empty (the operator in English, a turn only interpreted, a stretch
            # a speaker filter leaves on one side): the row spans both columns, tinted
            # when it is interpretation, instead of leaving half the width blank.
            if row.original:
                return [_TableRow([_Cell(row.original)])]
            return [_TableRow([_Cell(row.interpretation, tinted=True)])]
        if mode is LayoutMode.INTERLEAVED:
            out = []
            if row.original:
                out.append(_TableRow([_Cell(row.original)]))
            if row.interpretation:
                out.append(_TableRow([_Cell(row.interpretation, tinted=True)]))
            return out
        # Single-language modes fall back to the other side where a row has nothing on
        # theirs, so the call still reads through (the operator in English, an interpreter
        # whose original is not in the source).
        if mode is LayoutMode.ORIGINAL_ONLY:
            turns, tinted = (row.original, False) if row.original else (row.interpretation, True)
        else:
            turns, tinted = ((row.interpretation, False) if row.interpretation
                             else (row.original, True))
        return [_TableRow([_Cell(turns, tinted)])]

    def _row_passes_filter(self, row: Row) -> bool:
        if self._view._speaker_filter is None:
            return True
        t = self._view._transcript
        assert t is not None
        return any(t.turns[i].speaker in self._view._speaker_filter for i in row.turns)

    def _build_document(self, progressive: bool = False) -> None:
        """Build the document detached from the view, then swap it in.

        A detached document has no layout, so building costs next to nothing; the view
        lays it out once when it is set. Each row is its own one-row table: columns keep
        the same percentage widths, so rows still line up, and the layout can work lazily
        from the top instead of laying out one huge table before anything shows.

        `progressive` writes only the rows that fill the first screens; the rest follow in
        short slices between events (`_ensure_built` finishes them at once for anything
        that needs the whole call mapped), so a long call shows as fast as a short one.
        """
        self._view._layout = DocumentLayout()
        self._view._turn_spans, self._view._turn_order = {}, []
        self._view._position._aimed = None
        self._view._section_start = {}
        self._tail, self._tail_styles, self._pending_heading = [], None, None
        self._tail_after_paint = False
        self._tail_timer.stop()
        doc = QTextDocument(self._view)
        doc.setUndoRedoEnabled(False)
        doc.setDocumentMargin(12)
        doc.setDefaultFont(self._view.font())
        option = doc.defaultTextOption()
        option.setWrapMode(self._view.wordWrapMode())
        doc.setDefaultTextOption(option)
        tail: list[_TableRow] = []
        t = self._view._transcript
        if t is not None and self._view._cache is not None:
            if self._view._options.script != "none":
                converter(self._view._options.script)  # load the dictionaries up front
            cols, plan = self._plan()
            styles = _Styles(self._view.palette())
            head = self._head_rows(cols, plan) if progressive else len(plan)
            self._write(QTextCursor(doc), cols, plan[:head], styles)
            tail, self._tail_cols, self._tail_styles = plan[head:], cols, styles
        self._index_shown()
        self._view._aligner._mark_discrepancies(doc)  # while detached: no layout to redo
        # With the page size already right, the view lays out lazily (the visible part
        # now, the rest in idle steps); without it, it lays the whole document out first.
        doc.setPageSize(QSizeF(self._view.viewport().width(), -1))
        # The text control deletes only the document it made itself; ours would pile up,
        # laid out, one per script switch or layout change. Unparented, the previous one
        # goes with its last Python reference: here, at once. Extra selections hold cursors
        # into it, so they go first (the caller draws them again on the new document).
        self._view._finder._find_selections, self._view._aligner._focus_selections = [], []
        self._view._highlights._highlight_selections = []
        self._view.setExtraSelections([])
        # (Remembered rather than asked of old.parent(): wrapping the text control that owns
        # the first document would cost PySide tens of milliseconds of type set-up.)
        old, self._view._own_document = self._view._own_document, doc
        self._view.setDocument(doc)
        if old is not None:
            old.setParent(None)
        self._tail = tail  # only now: the rest goes into the document shown
        if tail:
            # After the first paint: appending to a shown document lays out everything
            # before the insertion at once, which would hold the paint back.
            self._tail_after_paint = True
            self._tail_timer.start(_AFTER_PAINT_LATEST_MS)

    def _index_shown(self) -> None:
        """The lookups derived from what has been written so far."""
        self._view._layout.index()
        self._view._turn_order = sorted((span[0], turn) for turn, span in self._view._turn_spans.items())

    def _head_rows(self, cols: int, plan: list[_TableRow]) -> int:
        """How many plan rows fill `_HEAD_SCREENS` viewports, by a rough height guess.

        The guess errs towards more rows: it counts every character narrower than most
        Latin text sets them, where a Chinese one is about twice as wide.
        """
        t = self._view._transcript
        assert t is not None
        metrics = QFontMetricsF(self._view.font())
        line = metrics.lineSpacing() * _LINE_HEIGHT / 100
        narrow = 0.6 * max(1.0, metrics.averageCharWidth())
        per_line = max(1.0, (self._view.viewport().width() / cols - 2 * _CELL_PADDING) / narrow)
        room = _HEAD_SCREENS * max(self._view.viewport().height(), 1)
        height = 0.0
        for n, trow in enumerate(plan):
            if height >= room:
                return n
            cell_lines = [sum(1 + sum(p.end - p.start for p in t.turns[i].paragraphs) / per_line
                              + len(t.turns[i].paragraphs) for i in cell.turns)
                          for cell in trow.cells]
            height += max(cell_lines, default=1.0) * line + 2 * _CELL_PADDING
        return len(plan)

    def _on_tail_timer_timeout(self) -> None:
        self._write_tail(_TAIL_SLICE_S)

    def _write_tail(self, seconds: float | None) -> None:
        """Append unwritten rows to the shown document: for about `seconds`, or all."""
        if not self._tail or self._tail_styles is None:
            return
        deadline = None if seconds is None else time.perf_counter() + seconds
        doc = self._view.document()
        cursor = QTextCursor(doc)
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.beginEditBlock()  # one layout pass for the slice, not one per insertion
        n = 0
        while n < len(self._tail):
            self._write(cursor, self._tail_cols, self._tail[n:n + 1], self._tail_styles)
            n += 1
            if deadline is not None and time.perf_counter() >= deadline \
                    and self._tail[n - 1].heading is None:  # a heading stays with its row
                break
        cursor.endEditBlock()
        del self._tail[:n]
        self._index_shown()
        if self._tail:
            self._tail_timer.start(0)
        else:
            self._tail_styles = None

    def _ensure_built(self) -> None:
        """Write the rest of a call shown top first, for what needs all of it mapped."""
        if self._tail:
            self._tail_timer.stop()
            self._tail_after_paint = False
            self._write_tail(None)

    def _write(self, cursor: QTextCursor, cols: int, plan: list[_TableRow],
               styles: _Styles) -> None:
        for trow in plan:
            if trow.heading is not None:
                table = cursor.insertTable(1, 1, styles.table(1))
                cell = table.cellAt(0, 0)
                cell.setFormat(styles.heading_cell)
                cc = cell.firstCursorPosition()
                self._pending_heading = cc.position()
                cc.insertText(trow.heading, styles.heading)
            elif trow.header is not None:
                table = cursor.insertTable(1, cols, styles.table(cols))
                for c, label in enumerate(trow.header):
                    cell = table.cellAt(0, c)
                    cell.setFormat(styles.cell(c, cols, header=True))
                    cell.firstCursorPosition().insertText(label, styles.header)
            else:
                n = len(trow.cells)  # fewer than `cols`: a row that spans the columns
                table = cursor.insertTable(1, n, styles.table(n))
                for c, cell_plan in enumerate(trow.cells):
                    cell = table.cellAt(0, c)
                    cell.setFormat(styles.cell(c, n, tinted=cell_plan.tinted))
                    self._fill_cell(cell.firstCursorPosition(), cell_plan.turns, styles)
                if self._pending_heading is not None:
                    for cell_plan in trow.cells:
                        for turn in cell_plan.turns:
                            self._view._section_start[turn] = self._pending_heading
                    self._pending_heading = None
            cursor.movePosition(QTextCursor.MoveOperation.End)

    def _fill_cell(self, cursor: QTextCursor, turns: list[int], styles: _Styles) -> None:
        t = self._view._transcript
        assert t is not None and self._view._cache is not None
        first_block = True
        for n, index in enumerate(turns):
            turn = t.turns[index]
            start = cursor.position()
            label = self._speaker_line(turn)
            if label is not None:
                block = styles.speaker_block(first_turn=n == 0)
                if first_block:
                    cursor.setBlockFormat(block)
                else:
                    cursor.insertBlock(block, styles.name)
                first_block = False
                name, rest = label
                cursor.insertText(name, styles.name)
                if rest:
                    cursor.insertText("  " + rest, styles.meta)
            for p in turn.paragraphs:
                if first_block:
                    cursor.setBlockFormat(styles.para_block)
                else:
                    cursor.insertBlock(styles.para_block, styles.body)
                first_block = False
                shown = self._view._cache.paragraph(p.start, p.end, self._view._options)
                doc_start = cursor.position()
                self._insert_paragraph(cursor, shown, styles)
                self._view._layout.add(index, doc_start, shown)
            self._view._turn_spans[index] = (start, cursor.position())

    @staticmethod
    def _insert_paragraph(cursor: QTextCursor, shown: DisplayParagraph, styles: _Styles) -> None:
        text = shown.text
        pos = 0
        for s, e in shown.fillers:
            if s > pos:
                cursor.insertText(text[pos:s], styles.body)
            cursor.insertText(text[s:e], styles.filler)
            pos = e
        if pos < len(text):
            cursor.insertText(text[pos:], styles.body)

    def _speaker_line(self, turn: Turn) -> tuple[str, str] | None:
        """(name, "role · kind · tag") for the speaker line; None for a summary paragraph
        that nobody spoke."""
        t = self._view._transcript
        assert t is not None
        speaker = t.speaker_of(turn)
        if turn.section is SectionKind.SUMMARY and not speaker.name:
            return None
        bits = []
        if speaker.role:
            bits.append(speaker.role)
        said = {b.casefold() for b in (speaker.label, speaker.role or "")}
        kind = SPEAKER_KIND_NAMES[speaker.kind]
        if speaker.kind is not SpeakerKind.UNKNOWN and kind not in said:
            bits.append(ui_label(kind))
        if turn.interprets:
            bits.append(QCoreApplication.translate("DocumentWriter", "interpreting"))
        elif turn.interpreted:
            bits.append(QCoreApplication.translate("DocumentWriter", "interpreted"))
        return speaker.label, " · ".join(bits)


class _Styles:
    """The formats of one build, derived from the palette so dark themes work."""

    def __init__(self, palette: QPalette) -> None:
        text = palette.color(QPalette.ColorRole.Text)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        alt = palette.color(QPalette.ColorRole.AlternateBase)
        base = palette.color(QPalette.ColorRole.Base)
        self._rule = QBrush(palette.color(QPalette.ColorRole.Mid))
        self._alt = QBrush(alt if alt != base else base.darker(105))

        self.body = QTextCharFormat()
        self.body.setForeground(text)
        self.filler = QTextCharFormat()
        self.filler.setForeground(muted)
        self.name = QTextCharFormat()
        self.name.setFontWeight(QFont.Weight.Bold)
        self.name.setForeground(text)
        self.meta = QTextCharFormat()
        self.meta.setForeground(muted)
        self.heading = QTextCharFormat()
        self.heading.setFontWeight(QFont.Weight.Bold)
        self.heading.setProperty(QTextFormat.Property.FontSizeAdjustment, 1)
        self.heading.setForeground(text)
        self.header = QTextCharFormat()
        self.header.setFontWeight(QFont.Weight.DemiBold)
        self.header.setForeground(muted)

        self.para_block = QTextBlockFormat()
        self.para_block.setLineHeight(
            _LINE_HEIGHT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        self.para_block.setBottomMargin(6)
        self.heading_cell = QTextTableCellFormat()
        self.heading_cell.setBackground(self._alt)
        self.heading_cell.setTopPadding(_HEADING_PADDING)
        self._cells: dict[tuple[int, int, bool, bool], QTextTableCellFormat] = {}

    def speaker_block(self, first_turn: bool) -> QTextBlockFormat:
        block = QTextBlockFormat()
        block.setTopMargin(0 if first_turn else 12)
        block.setBottomMargin(3)
        return block

    def cell(self, column: int, cols: int, tinted: bool = False,
             header: bool = False) -> QTextTableCellFormat:
        """A rule under every row and between the columns; no outer frame."""
        key = (column, cols, tinted, header)
        fmt = self._cells.get(key)
        if fmt is None:
            fmt = QTextTableCellFormat()
            fmt.setBottomBorder(1)
            fmt.setBottomBorderBrush(self._rule)
            fmt.setBottomBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
            if column < cols - 1:
                fmt.setRightBorder(1)
                fmt.setRightBorderBrush(self._rule)
                fmt.setRightBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
            if tinted:
                fmt.setBackground(self._alt)
            if header:
                fmt.setTopPadding(2)
                fmt.setBottomPadding(4)
            self._cells[key] = fmt
        return fmt

    def table(self, cols: int) -> QTextTableFormat:
        fmt = QTextTableFormat()
        fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
        fmt.setColumnWidthConstraints(
            [QTextLength(QTextLength.Type.PercentageLength, 100 / cols)] * cols)
        fmt.setCellSpacing(0)
        fmt.setCellPadding(_CELL_PADDING)
        fmt.setBorder(0)
        fmt.setBorderCollapse(True)
        fmt.setMargin(0)
        return fmt
