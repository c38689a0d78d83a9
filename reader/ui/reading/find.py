"""Find in the reading view: every hit of a query, in either script, marked and stepped through.

Matching runs on the text before script conversion (so 營收 finds 营收 whatever script is
shown), on the cleaned text of each displayed paragraph, and hits are mapped to where the
document shows them.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING

from PySide6.QtGui import (
    QColor,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QTextEdit

from reader.core.convert import find_all

if TYPE_CHECKING:
    # The view owns this part; importing it at run time would be circular.
    from reader.ui.reading.view import ReadingView

_FIND_BG = QColor("#ffe680")
_FIND_CURRENT_BG = QColor("#ff9632")
_FIND_FG = QColor("#000000")


class FindInView:
    """Find in the view: the hits of a query in either script, the current one, their marks."""

    def __init__(self, view: ReadingView) -> None:
        self._view = view
        self._find_query = ""
        self._find_hits: list[tuple[int, int]] = []  # document spans
        self._find_current = -1
        self._find_selections: list[QTextEdit.ExtraSelection] = []

    def find(self, query: str) -> int:
        """Highlight every hit of `query` in either script; returns the number of hits.

        Matching runs on the text before script conversion (so 營收 finds 营收 whatever
        script is shown) and hits are mapped to where the display shows them. The first
        hit at or after the cursor becomes current.
        """
        self._find_query = query
        self._find_hits = self._compute_hits(query)
        self._find_current = -1
        if self._find_hits:
            pos = self._view.textCursor().selectionStart()
            k = bisect_left(self._find_hits, (pos, -1))
            self._find_current = k if k < len(self._find_hits) else 0
            self._show_current_hit()
        self._paint_hits()
        return len(self._find_hits)

    def find_next(self) -> int:
        return self._step_hit(+1)

    def find_previous(self) -> int:
        return self._step_hit(-1)

    def clear_find(self) -> None:
        self._find_query = ""
        self._find_hits, self._find_current = [], -1
        self._find_selections = []
        self._view._refresh_selections()

    def find_hit_count(self) -> int:
        return len(self._find_hits)

    def current_find_hit(self) -> int:
        return self._find_current

    def find_hit_spans(self) -> list[tuple[int, int]]:
        """Document spans of the hits, in document order."""
        return list(self._find_hits)

    def _step_hit(self, delta: int) -> int:
        if not self._find_hits:
            return -1
        self._find_current = (self._find_current + delta) % len(self._find_hits)
        self._show_current_hit()
        self._paint_hits()
        return self._find_current

    def _compute_hits(self, query: str) -> list[tuple[int, int]]:
        """Document spans of the hits, searched in the cleaned text of each paragraph.

        The cleaned text rather than the raw source, so that 营收 finds speech-recognition
        `营 收` once the view joins its spaces; `find_all` matches across scripts. All
        paragraphs go through one call, separated by newlines that no hit can span.
        """
        self._view._writer._ensure_built()
        query = query.strip()
        if not query or "\n" in query or not self._view._layout:
            return []
        texts = [shown.para.cleaned.text for shown in self._view._layout.shown]
        starts: list[int] = []
        pos = 0
        for text in texts:
            starts.append(pos)
            pos += len(text) + 1
        hits: list[tuple[int, int]] = []
        for s, e in find_all("\n".join(texts), query):
            k = bisect_right(starts, s) - 1
            if e > starts[k] + len(texts[k]):
                continue
            shown = self._view._layout.shown[k]
            a, b = shown.para.converted.from_source_span(s - starts[k], e - starts[k])
            if a < b:
                hits.append((shown.doc_start + shown.qt_len(a), shown.doc_start + shown.qt_len(b)))
        return sorted(set(hits))

    def _show_current_hit(self) -> None:
        s, _e = self._find_hits[self._find_current]
        cursor = QTextCursor(self._view.document())
        cursor.setPosition(s)
        self._view.setTextCursor(cursor)
        rect = self._view.cursorRect(cursor)
        vp = self._view.viewport().rect()
        if not vp.adjusted(0, vp.height() // 6, 0, -vp.height() // 6).contains(rect.center()):
            bar = self._view.verticalScrollBar()
            bar.setValue(bar.value() + rect.center().y() - vp.height() // 3)

    def _paint_hits(self) -> None:
        selections = []
        for k, (s, e) in enumerate(self._find_hits):
            sel = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self._view.document())
            cursor.setPosition(s)
            cursor.setPosition(e, QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cursor
            fmt = QTextCharFormat()
            fmt.setBackground(_FIND_CURRENT_BG if k == self._find_current else _FIND_BG)
            fmt.setForeground(_FIND_FG)
            sel.format = fmt
            selections.append(sel)
        self._find_selections = selections
        self._view._refresh_selections()
