"""The reading view's position in the call: the turn at the top of the viewport, scrolling to a
turn, and `current_turn_changed` when the reader scrolls to another one.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint
from PySide6.QtGui import (
    QTextCursor,
)

from reader.ui.reading.writer import _CELL_PADDING, _HEADING_PADDING

if TYPE_CHECKING:
    # The view owns this part; importing it at run time would be circular.
    from reader.ui.reading.view import ReadingView


class ReadingPosition:
    """Where the reader is: which turn is at the top, scrolling to a turn, reporting a new one."""

    def __init__(self, view: ReadingView) -> None:
        self._view = view
        self._last_top: int | None = None
        self._quiet = False  # no current_turn_changed while the view moves itself
        self._aimed: tuple[int, int] | None = None  # (turn, scroll value) of scroll_to_turn

    def scroll_to_turn(self, index: int) -> None:
        """Bring the turn's first line to the top of the viewport (the nearest shown turn
        after it when it is hidden by the layout mode or the speaker filter)."""
        pos = self._anchor_of(index)
        if pos is None:
            return
        quiet, self._quiet = self._quiet, True  # setTextCursor scrolls on its own first
        try:
            self._scroll_to_position(pos)
        finally:
            self._quiet = quiet
        turn = self._turn_at_position(pos)
        self._aimed = None if turn is None else (turn, self._view.verticalScrollBar().value())
        self._on_scrolled()

    def _scroll_to_position(self, pos: int) -> None:
        cursor = QTextCursor(self._view.document())
        cursor.setPosition(pos)
        self._view.setTextCursor(cursor)
        turn = self._turn_at_position(pos)
        if turn == self._view._turn_order[0][1]:
            top = 0  # the first turn: show the column header and heading above it too
        else:
            # The first turn of a section brings its heading along.
            heading = self._view._section_start.get(turn) if turn is not None else None
            block = self._view.document().findBlock(pos if heading is None else heading)
            rect = self._view.document().documentLayout().blockBoundingRect(block)
            top = max(0, int(rect.top()) - (_CELL_PADDING if heading is None else _HEADING_PADDING))
        self._view.verticalScrollBar().setValue(top)

    def set_reading_position(self, turn: int) -> None:
        self.scroll_to_turn(turn)

    def turn_at_viewport_top(self) -> int | None:
        """The turn under the top edge of the viewport (left column in side by side)."""
        if not self._view._turn_order:
            return None
        aimed = self._aimed_turn()
        if aimed is not None:
            return aimed
        vp = self._view.viewport()
        x = max(1, min(vp.width() // 4, 40))
        # Below the document's top margin: a point inside it hits nothing until the whole
        # document is laid out, so it would answer the last position and force that layout.
        margin = int(self._view.document().documentMargin())
        y = max(4, margin + 2 - self._view.verticalScrollBar().value())
        pos = self._view.cursorForPosition(QPoint(x, y)).position()
        return self._turn_at_position(pos)

    def _aimed_turn(self) -> int | None:
        """The turn `scroll_to_turn` last brought up, while the view has not moved since and
        its first line is still in the top rows of the viewport.

        The left column's turn is what lies under the top edge, but a turn in the right
        column, or one near the end of the call that cannot reach the top, is where the
        reader was taken: report that one, so a saved position comes back to it.
        """
        if self._aimed is None:
            return None
        turn, value = self._aimed
        span = self._view._turn_spans.get(turn)
        if span is None or self._view.verticalScrollBar().value() != value:
            return None
        cursor = QTextCursor(self._view.document())
        cursor.setPosition(span[0])
        rect = self._view.cursorRect(cursor)
        if rect.top() >= 0 and rect.bottom() <= self._view.viewport().height():
            return turn
        return None

    def is_turn_shown(self, index: int) -> bool:
        self._view._writer._ensure_built()
        return index in self._view._turn_spans

    def turn_document_span(self, index: int) -> tuple[int, int] | None:
        """Where a shown turn sits in the document (speaker line to last paragraph)."""
        self._view._writer._ensure_built()
        return self._view._turn_spans.get(index)

    def _anchor_of(self, index: int) -> int | None:
        self._view._writer._ensure_built()
        if index in self._view._turn_spans:
            return self._view._turn_spans[index][0]
        if not self._view._turn_order:
            return None
        shown = sorted(self._view._turn_spans)
        k = bisect_left(shown, index)
        target = shown[k] if k < len(shown) else shown[-1]
        return self._view._turn_spans[target][0]

    def _turn_at_position(self, pos: int) -> int | None:
        if not self._view._turn_order:
            return None
        k = bisect_right(self._view._turn_order, (pos, 1 << 62)) - 1
        if k < 0:
            return self._view._turn_order[0][1]
        turn = self._view._turn_order[k][1]
        if pos > self._view._turn_spans[turn][1] and k + 1 < len(self._view._turn_order):
            return self._view._turn_order[k + 1][1]  # a heading or an empty cell: the next turn
        return turn

    def _on_scrolled(self, _value: int = 0) -> None:
        if self._quiet:
            return
        top = self.turn_at_viewport_top()
        if top is not None and top != self._last_top:
            self._last_top = top
            self._view.current_turn_changed.emit(top)
