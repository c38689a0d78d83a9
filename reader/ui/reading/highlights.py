"""Highlights in the reading view: drawn as extra selections, so adding or deleting one never
rebuilds the document.

Each is given as a source span and mapped to the displayed text of every paragraph it
touches, whatever the script, cleanup and layout. Once the alignment is ready, a highlight's
passage is mirrored faintly on the other side.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint
from PySide6.QtGui import (
    QColor,
    QPalette,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QTextEdit

from reader.core.document_layout import Span

if TYPE_CHECKING:
    # The view owns this part; importing it at run time would be circular.
    from reader.ui.reading.view import ReadingView

_HIGHLIGHT_ALPHA = 115  # of a highlight's colour: text stays readable on light and dark bases
_MIRROR_ALPHA = 40  # the faint mirror of a highlight on the aligned passage
_MIRROR_LINE_ALPHA = 150
_DARK_HIGHLIGHT_ALPHA = 140  # a dark base swallows more of a tint: a stronger one
_DARK_MIRROR_ALPHA = 70


@dataclass(frozen=True, slots=True)
class HighlightMark:
    """A highlight as the view draws it: a source span, its colour, and a tooltip line."""

    id: int
    start: int
    end: int
    colour: QColor
    tip: str = ""


class ViewHighlights:
    """The highlights the view draws: where the document shows each, and its mirror once aligned."""

    def __init__(self, view: ReadingView) -> None:
        self._view = view
        self._marks: list[HighlightMark] = []
        self._mark_doc: dict[int, list[Span]] = {}
        self._mirror_doc: dict[int, list[Span]] = {}
        self._highlight_selections: list[QTextEdit.ExtraSelection] = []

    def set_highlights(self, marks: Sequence[HighlightMark]) -> None:
        """Draw these highlights (and, once aligned, their mirrors); replaces the previous set.

        Marks with an empty span (orphans of a re-import) are kept but draw nothing.
        """
        self._marks = sorted(marks, key=lambda m: (m.start, m.id))
        self._map_highlights()
        self._view._refresh_selections()

    def highlight_marks(self) -> list[HighlightMark]:
        return list(self._marks)

    def highlight_document_spans(self, highlight_id: int) -> list[Span]:
        """Document spans drawn for a highlight, in document order (empty when hidden)."""
        return list(self._mark_doc.get(highlight_id, ()))

    def mirror_document_spans(self, highlight_id: int) -> list[Span]:
        """Document spans of a highlight's faint mirror on the aligned passage."""
        return list(self._mirror_doc.get(highlight_id, ()))

    def highlight_ids_at(self, doc_pos: int) -> list[int]:
        """Highlights drawn over the character at (or just before) a document position."""
        return [m.id for m in self._marks
                if any(s <= doc_pos < e or (e == doc_pos and s < e)
                       for s, e in self._mark_doc.get(m.id, ()))]

    def highlight_ids_in_selection(self) -> list[int]:
        """Highlights under the selection, or under the caret when nothing is selected."""
        cursor = self._view.textCursor()
        if not cursor.hasSelection():
            return self.highlight_ids_at(cursor.position())
        a, b = cursor.selectionStart(), cursor.selectionEnd()
        return [m.id for m in self._marks
                if any(s < b and a < e for s, e in self._mark_doc.get(m.id, ()))]

    def _map_highlights(self) -> None:
        """Map every highlight (and mirror) to the current document as extra selections."""
        self._mark_doc, self._mirror_doc = {}, {}
        mirrors: list[QTextEdit.ExtraSelection] = []
        marks: list[QTextEdit.ExtraSelection] = []
        doc = self._view.document()
        dark = self._view.palette().color(QPalette.ColorRole.Base).lightnessF() < 0.5
        alpha, mirror_alpha = (_DARK_HIGHLIGHT_ALPHA, _DARK_MIRROR_ALPHA) if dark \
            else (_HIGHLIGHT_ALPHA, _MIRROR_ALPHA)
        for m in self._marks:
            spans = self._view.source_span_document_spans(m.start, m.end)
            self._mark_doc[m.id] = spans
            fmt = QTextCharFormat()
            tint = QColor(m.colour)
            tint.setAlpha(alpha)
            fmt.setBackground(tint)
            marks.extend(_selection(doc, span, fmt) for span in spans)
            mirror = [d for s, e in self._view._aligner.mirror_source_spans(m.start, m.end)
                      for d in self._view.source_span_document_spans(s, e)]
            self._mirror_doc[m.id] = mirror
            if mirror:
                faint = QTextCharFormat()
                tint = QColor(m.colour)
                tint.setAlpha(mirror_alpha)
                faint.setBackground(tint)
                line = QColor(m.colour)
                line.setAlpha(_MIRROR_LINE_ALPHA)
                faint.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
                faint.setUnderlineColor(line)
                mirrors.extend(_selection(doc, span, faint) for span in mirror)
        self._highlight_selections = mirrors + marks

    def _highlight_tip_at(self, point: QPoint) -> str:
        pos = self._view._document_position_under(point)
        if pos < 0:
            return ""
        ids = set(self.highlight_ids_at(pos))
        return "\n".join(m.tip for m in self._marks if m.id in ids and m.tip)


def _selection(doc: QTextDocument, span: Span, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
    sel = QTextEdit.ExtraSelection()
    cursor = QTextCursor(doc)
    cursor.setPosition(span[0])
    cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
    sel.cursor = cursor
    sel.format = fmt
    return sel
