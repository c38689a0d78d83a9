"""The reading view: a call as aligned rows, Original beside Interpretation, in one text widget.

Rows are rows of one QTextTable, so a Mandarin answer and its English rendering start level
at every width, zoom and font. Transcript text is untrusted: it goes in through
`QTextCursor.insertText` with explicit formats only, never as HTML or Markdown.

Everything shown is derived (cleanup, script conversion), so the view keeps, for every
displayed paragraph, where it sits in the document and its `DisplayParagraph` map; that is
how selections, search hits and scroll positions translate to transcript offsets and back.

Once a transcript is set, its Mandarin turns are aligned with their interpretation on a
thread pool. The alignment is kept in transcript offsets; on every build the view maps it to
the document again, so its marks stay on the same words under any script, cleanup or layout.
Discrepancies are char formats merged into the document (they change only with a build);
the sentence under the mouse or the caret and its counterpart are extra selections, the only
thing a hover changes.

Highlights are given as source spans (`set_highlights`) and drawn as extra selections too, so
adding or deleting one never rebuilds the document: each is mapped to the displayed text of
every paragraph it touches, whatever the script, cleanup and layout. Once the alignment is
ready, a highlight's passage is mirrored faintly on the other side: the counterpart sentences
of the aligned sentences it overlaps.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import (
    QHelpEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QTextCursor,
    QTextDocument,
    QTextOption,
    QWheelEvent,
)
from PySide6.QtWidgets import QTextEdit, QToolTip, QWidget

from reader.core.display import DisplayCache, DisplayOptions, DisplayParagraph
from reader.core.document_layout import DocumentLayout
from reader.core.labels import SCRIPTS, Script
from reader.core.model import Transcript
from reader.core.rows import Row, aligned_rows
from reader.ui.reading.alignment import ViewAlignment
from reader.ui.reading.find import FindInView
from reader.ui.reading.highlights import HighlightMark, ViewHighlights
from reader.ui.reading.outline_model import tooltip_text
from reader.ui.reading.position import ReadingPosition
from reader.ui.reading.word_snap import word_end, word_start
from reader.ui.reading.writer import DocumentWriter, LayoutMode

if TYPE_CHECKING:
    # The aligner loads with the first alignment job, off the start-up path.
    from reader.core.align.transcript import Discrepancy, SentenceRef, TranscriptAlignment


MIN_POINT_SIZE = 6.0
MAX_POINT_SIZE = 48.0
_ZOOM_FACTOR = 1.1
_TAIL_AFTER_PAINT_MS = 10  # the first slice leaves the first paint a moment to reach the screen

Span = tuple[int, int]


def paragraph_time_text(time: tuple[float, float | None]) -> str:
    """`Said at 01:02:03–01:02:40`, as the tooltip shows a paragraph's time."""
    def clock(seconds: float) -> str:
        whole = int(seconds)
        return f"{whole // 3600:02d}:{whole % 3600 // 60:02d}:{whole % 60:02d}"

    start, end = time
    return QCoreApplication.translate("ReadingView", "Said at {time}").format(
        time=clock(start) + (f"–{clock(end)}" if end is not None else ""))


class ReadingView(QTextEdit):
    """Read-only, selectable view of one transcript; see the module docstring."""

    current_turn_changed = Signal(int)
    font_size_changed = Signal(float)
    alignment_started = Signal()  # a new transcript is being aligned; marks are cleared
    alignment_progressed = Signal(int, int)  # pairs aligned, pairs in all
    alignment_ready = Signal()  # sentence_alignment() and discrepancies() now answer
    alignment_failed = Signal(str)  # one line for the user
    discrepancy_shown = Signal(int)  # index into discrepancies(), after go_to_discrepancy
    first_painted = Signal()  # the view's first paint is on screen

    def __init__(self, parent: QWidget | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        # Its parts, each a concern of its own (see their modules).
        self._position = ReadingPosition(self)
        self._highlights = ViewHighlights(self)
        self._finder = FindInView(self)
        self._writer = DocumentWriter(self)
        self._aligner = ViewAlignment(self)
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self._transcript: Transcript | None = None
        self._rows: list[Row] = []
        self._cache: DisplayCache | None = None
        self._options = DisplayOptions()
        self._mode = LayoutMode.SIDE_BY_SIDE
        self._speaker_filter: frozenset[int] | None = None
        self._layout = DocumentLayout()  # where the document shows which source text
        self._turn_spans: dict[int, tuple[int, int]] = {}  # turn -> document (start, end)
        self._turn_order: list[tuple[int, int]] = []  # (document start, turn), sorted
        self._section_start: dict[int, int] = {}  # first turns of a section -> its heading
        # Rows of the plan not yet written (a new call shows its top first), and what
        # writing them needs.
        self._own_document: QTextDocument | None = None  # the last one built, ours to drop
        # Alignment: the result, its flags, and what the document shows of them.
        self._pool = pool if pool is not None else QThreadPool.globalInstance()
        # No parent: a job still running when the view is deleted keeps it alive, and its
        # connections to the view go with the view (see alignment_worker).
        self._painted = False
        self._hovering = False
        self._dragging = False  # the left button went down in the view: a selection drag
        # Highlights: what was given, where the document shows them now, and their mirrors.
        self.viewport().setMouseTracking(True)
        self.cursorPositionChanged.connect(self._on_cursor_position_changed)
        self.verticalScrollBar().valueChanged.connect(self._position._on_scrolled)

    # -- content ------------------------------------------------------------------------------

    def set_transcript(self, t: Transcript) -> None:
        self._transcript = t
        self._rows = aligned_rows(t)
        self._cache = DisplayCache(t.text)
        self._speaker_filter = None
        self._finder._find_query = ""
        self._finder._find_hits, self._finder._find_current = [], -1
        self._position._last_top = None
        self._highlights._marks, self._highlights._mark_doc, self._highlights._mirror_doc = [], {}, {}
        self._aligner._reset_alignment()
        self._rebuild(keep_position=False, progressive=True)
        self._aligner._start_alignment(t)

    def transcript(self) -> Transcript | None:
        return self._transcript

    def rows(self) -> list[Row]:
        return list(self._rows)

    # -- display options ----------------------------------------------------------------------

    def set_script(self, config: str) -> None:
        """Show Chinese in another script ('none', 't2s', 's2t', 's2twp', 's2hk')."""
        if config not in SCRIPTS:
            raise ValueError(f"unknown script conversion {config!r}; expected one of {SCRIPTS}")
        self._set_options(DisplayOptions(Script(config), self._options.join_cjk_spaces,
                                         self._options.hide_fillers))

    def script(self) -> Script:
        return self._options.script

    def set_cleanup(self, join_cjk_spaces: bool, hide_fillers: bool) -> None:
        self._set_options(DisplayOptions(self._options.script, join_cjk_spaces, hide_fillers))

    def display_options(self) -> DisplayOptions:
        return self._options

    def set_layout_mode(self, mode: str) -> None:
        new = LayoutMode(mode)  # ValueError on a name that is not a mode
        if new is not self._mode:
            self._mode = new
            self._rebuild()

    def layout_mode(self) -> str:
        return self._mode.value

    def set_speaker_filter(self, speaker_ids: set[int] | None) -> None:
        """Show only rows where one of these speakers talks; None shows every row."""
        new = None if speaker_ids is None else frozenset(speaker_ids)
        if new != self._speaker_filter:
            self._speaker_filter = new
            self._rebuild()

    def _set_options(self, options: DisplayOptions) -> None:
        if options != self._options:
            self._options = options
            self._rebuild()

    # -- font size ----------------------------------------------------------------------------

    def set_font_point_size(self, pt: float) -> None:
        pt = min(MAX_POINT_SIZE, max(MIN_POINT_SIZE, float(pt)))
        font = self.font()
        if abs(font.pointSizeF() - pt) < 0.01:
            return
        top = self._position.turn_at_viewport_top()
        font.setPointSizeF(pt)
        self.setFont(font)  # QTextEdit hands the widget font on to the document
        if top is not None:
            self._position.scroll_to_turn(top)
        self.font_size_changed.emit(pt)

    def font_point_size(self) -> float:
        return self.font().pointSizeF()

    def zoom_in(self) -> None:
        self.set_font_point_size(round(self.font_point_size() * _ZOOM_FACTOR * 2) / 2)

    def zoom_out(self) -> None:
        self.set_font_point_size(round(self.font_point_size() / _ZOOM_FACTOR * 2) / 2)

    def wheelEvent(self, e: QWheelEvent) -> None:
        # QTextEdit zooms on Ctrl+wheel by itself; route it through our steps and signal.
        if e.modifiers() & Qt.KeyboardModifier.ControlModifier:
            dy = e.angleDelta().y()
            if dy > 0:
                self.zoom_in()
            elif dy < 0:
                self.zoom_out()
            e.accept()
            return
        super().wheelEvent(e)

    def keyPressEvent(self, e: QKeyEvent) -> None:
        self._writer._ensure_built()  # Ctrl+End, Page Down, Ctrl+A: the whole call is there
        # A read-only QTextEdit zooms on the standard zoom keys by itself; same routing.
        if e.matches(QKeySequence.StandardKey.ZoomIn):
            self.zoom_in()
        elif e.matches(QKeySequence.StandardKey.ZoomOut):
            self.zoom_out()
        else:
            super().keyPressEvent(e)

    def changeEvent(self, e: QEvent) -> None:
        super().changeEvent(e)
        if e.type() == QEvent.Type.PaletteChange and self._transcript is not None:
            self._rebuild()  # the formats carry palette colours

    # -- reading position ---------------------------------------------------------------------

    def scroll_to_turn(self, index: int) -> None:
        self._position.scroll_to_turn(index)

    def set_reading_position(self, turn: int) -> None:
        self._position.set_reading_position(turn)

    def turn_at_viewport_top(self) -> int | None:
        return self._position.turn_at_viewport_top()

    def is_turn_shown(self, index: int) -> bool:
        return self._position.is_turn_shown(index)

    def turn_document_span(self, index: int) -> tuple[int, int] | None:
        return self._position.turn_document_span(index)

    def fully_written(self) -> bool:
        """Whether every row of the call is in the document: a new call shows its top
        first and writes the rest just after its first paint."""
        return not self._writer._tail

    # -- selection ----------------------------------------------------------------------------

    def selection_source_span(self) -> tuple[int, int] | None:
        """The selection as transcript offsets, or None when it holds no transcript text.

        Across paragraphs it runs from the first paragraph's mapped start to the last's
        mapped end; speaker lines and headings inside it map to nothing.
        """
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return self.document_to_source_span(cursor.selectionStart(), cursor.selectionEnd())

    def document_to_source_span(self, start: int, end: int) -> tuple[int, int] | None:
        """Transcript offsets of the document span [start, end), as for a selection."""
        self._writer._ensure_built()
        return self._layout.to_source_span(start, end)

    def select_source_span(self, start: int, end: int) -> bool:
        """Select the displayed text showing transcript[start:end]; False if not shown."""
        span = self._document_span(start, end)
        if span is None:
            return False
        cursor = QTextCursor(self.document())
        cursor.setPosition(span[0])
        cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        return True

    def _document_span(self, start: int, end: int) -> tuple[int, int] | None:
        """Document span showing a source span that lies within one displayed paragraph."""
        self._writer._ensure_built()
        return self._layout.document_span(start, end)

    def _source_at(self, doc_pos: int) -> int | None:
        """Transcript offset of the displayed character at a document position."""
        return self._layout.source_at(doc_pos)

    # -- find ---------------------------------------------------------------------------------

    def find(self, query: str) -> int:  # type: ignore[override]
        return self._finder.find(query)

    def find_next(self) -> int:
        return self._finder.find_next()

    def find_previous(self) -> int:
        return self._finder.find_previous()

    def clear_find(self) -> None:
        self._finder.clear_find()

    def find_hit_count(self) -> int:
        return self._finder.find_hit_count()

    def current_find_hit(self) -> int:
        return self._finder.current_find_hit()

    def find_hit_spans(self) -> list[tuple[int, int]]:
        return self._finder.find_hit_spans()

    def _refresh_selections(self) -> None:
        """Extra selections, bottom to top: highlights and their mirrors, the focused
        sentence and its counterpart, find hits."""
        self.setExtraSelections(self._highlights._highlight_selections + self._aligner._focus_selections
                                + self._finder._find_selections)

    # -- highlights ---------------------------------------------------------------------------

    def set_highlights(self, marks: Sequence[HighlightMark]) -> None:
        self._highlights.set_highlights(marks)

    def highlight_marks(self) -> list[HighlightMark]:
        return self._highlights.highlight_marks()

    def highlight_document_spans(self, highlight_id: int) -> list[Span]:
        return self._highlights.highlight_document_spans(highlight_id)

    def mirror_document_spans(self, highlight_id: int) -> list[Span]:
        return self._highlights.mirror_document_spans(highlight_id)

    def highlight_ids_at(self, doc_pos: int) -> list[int]:
        return self._highlights.highlight_ids_at(doc_pos)

    def highlight_ids_in_selection(self) -> list[int]:
        return self._highlights.highlight_ids_in_selection()

    def source_span_document_spans(self, start: int, end: int) -> list[Span]:
        """Where the document shows transcript[start:end]: one span per displayed paragraph
        it touches, in document order (a span may cross paragraphs, turns and cells)."""
        self._writer._ensure_built()
        return self._layout.document_spans(start, end)

    def show_source_span(self, start: int, end: int) -> bool:
        """Select transcript[start:end] where it is shown and bring it into view; when the
        layout hides it, scroll to its turn instead. Returns whether text was selected."""
        spans = self.source_span_document_spans(start, end)
        if not spans:
            t = self._transcript
            turn = t.turn_at(start) if t is not None else None
            if turn is not None:
                self._position.scroll_to_turn(turn.index)
            return False
        cursor = QTextCursor(self.document())
        cursor.setPosition(spans[0][0])
        cursor.setPosition(spans[-1][1], QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self._center_cursor(cursor)
        return True

    def mirror_source_spans(self, start: int, end: int) -> list[Span]:
        return self._aligner.mirror_source_spans(start, end)

    def sentence_alignment(self) -> TranscriptAlignment | None:
        return self._aligner.sentence_alignment()

    def discrepancies(self) -> list[Discrepancy]:
        return self._aligner.discrepancies()

    def current_discrepancy(self) -> int:
        return self._aligner.current_discrepancy()

    def discrepancy_document_spans(self, index: int) -> list[tuple[int, int]]:
        return self._aligner.discrepancy_document_spans(index)

    def go_to_discrepancy(self, index: int) -> bool:
        return self._aligner.go_to_discrepancy(index)

    def next_discrepancy(self) -> int:
        return self._aligner.next_discrepancy()

    def previous_discrepancy(self) -> int:
        return self._aligner.previous_discrepancy()

    def focused_sentence(self) -> SentenceRef | None:
        return self._aligner.focused_sentence()

    def focus_document_position(self, pos: int) -> SentenceRef | None:
        return self._aligner.focus_document_position(pos)

    def focus_selection_spans(self) -> list[tuple[int, int]]:
        return self._aligner.focus_selection_spans()

    def _time_tip_at(self, point: QPoint) -> str:
        """When the paragraph under the pointer was said, where the source times it."""
        pos = self._document_position_under(point)
        t = self._transcript
        if pos < 0 or t is None:
            return ""
        shown = self._layout.at_document(pos)
        if shown is None:
            return ""
        if not 0 <= shown.turn < len(t.turns):
            return ""
        for para in t.turns[shown.turn].paragraphs:
            if para.start <= shown.para.source_start < max(para.end, para.start + 1):
                return paragraph_time_text(para.time) if para.time else ""
        return ""

    # -- alignment ----------------------------------------------------------------------------

    def _center_cursor(self, cursor: QTextCursor) -> None:
        rect = self.cursorRect(cursor)
        vp = self.viewport().rect()
        if not vp.adjusted(0, vp.height() // 6, 0, -vp.height() // 6).contains(rect.center()):
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() + rect.center().y() - vp.height() // 3)

    def _on_cursor_position_changed(self) -> None:
        if not self._hovering:
            self._aligner.focus_document_position(self.textCursor().position())

    def mousePressEvent(self, e: QMouseEvent) -> None:
        self._dragging = e.button() == Qt.MouseButton.LeftButton
        super().mousePressEvent(e)

    def mouseReleaseEvent(self, e: QMouseEvent) -> None:
        super().mouseReleaseEvent(e)
        if e.button() == Qt.MouseButton.LeftButton and self._dragging:
            self._dragging = False
            self._snap_selection_to_words()

    def _snap_selection_to_words(self) -> None:
        """Widen a dragged selection to the English words its ends cut (Chinese stays per
        character), so a highlight made from it never quotes half a word."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return
        doc = self.document()
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        first, last = doc.findBlock(start), doc.findBlock(end)
        new_start = first.position() + word_start(first.text(), start - first.position())
        new_end = last.position() + word_end(last.text(), end - last.position())
        if (new_start, new_end) == (start, end):
            return
        forward = cursor.anchor() <= cursor.position()
        cursor.setPosition(new_start if forward else new_end)
        cursor.setPosition(new_end if forward else new_start, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def mouseMoveEvent(self, e: QMouseEvent) -> None:
        super().mouseMoveEvent(e)
        self._hovering = True
        self._aligner.focus_document_position(self._document_position_under(e.position().toPoint()))

    def leaveEvent(self, e: QEvent) -> None:
        super().leaveEvent(e)
        self._hovering = False
        self._on_cursor_position_changed()  # back to the caret's sentence

    def _document_position_under(self, point: QPoint) -> int:
        """The document position under a viewport point, or -1 off the text (beside a
        line's end or between paragraphs, where cursorForPosition still answers)."""
        cursor = self.cursorForPosition(point)
        rect = self.cursorRect(cursor)
        if abs(rect.center().y() - point.y()) > rect.height() or \
                abs(rect.center().x() - point.x()) > 2 * max(rect.height(), 8):
            return -1
        return cursor.position()

    def has_painted(self) -> bool:
        """Whether the view has been painted on screen at least once."""
        return self._painted

    def viewportEvent(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.Paint:
            if not self._painted:
                self._painted = True
                QTimer.singleShot(0, self, self.first_painted.emit)  # once this paint is done
            # Once this paint is done: the rest of the call, then its alignment.
            if self._writer._tail_after_paint:
                self._writer._tail_after_paint = False
                self._writer._tail_timer.start(_TAIL_AFTER_PAINT_MS)
            if self._aligner._align_after_paint:
                self._aligner._align_after_paint = False
                self._aligner._align_timer.start(0)
        if e.type() == QEvent.Type.ToolTip and isinstance(e, QHelpEvent):
            message = "\n".join(filter(None, (self._aligner._discrepancy_message_at(e.pos()),
                                               self._highlights._highlight_tip_at(e.pos()),
                                               self._time_tip_at(e.pos()))))
            if message:
                QToolTip.showText(e.globalPos(), tooltip_text(*message.split("\n")),
                                  self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(e)

    # -- tests and tools ----------------------------------------------------------------------

    def displayed_text_of_turn(self, index: int) -> str:
        """The turn's paragraphs as the document shows them ("" when the turn is hidden)."""
        self._writer._ensure_built()
        doc = self.document()
        parts = []
        for shown in self._layout.shown:
            if shown.turn == index:
                cursor = QTextCursor(doc)
                cursor.setPosition(shown.doc_start)
                cursor.setPosition(shown.doc_end, QTextCursor.MoveMode.KeepAnchor)
                parts.append(cursor.selectedText().replace("\u2029", "\n"))
        return "\n\n".join(parts)

    def displayed_paragraphs(self) -> list[tuple[int, int, DisplayParagraph]]:
        """(turn, document start, displayed paragraph) for every paragraph shown."""
        self._writer._ensure_built()
        return [(s.turn, s.doc_start, s.para) for s in self._layout.shown]

    # -- building -----------------------------------------------------------------------------


    def _rebuild(self, keep_position: bool = True, progressive: bool = False) -> None:
        top = self._position.turn_at_viewport_top() if keep_position else None
        self._position._quiet = True
        try:
            self._writer._build_document(progressive and self.isVisible())
        finally:
            self._position._quiet = False
        if self._finder._find_query:
            self._finder._find_hits = self._finder._compute_hits(self._finder._find_query)
            self._finder._find_current = min(self._finder._find_current, len(self._finder._find_hits) - 1)
            if self._finder._find_hits and self._finder._find_current < 0:
                self._finder._find_current = 0
            self._finder._paint_hits()
        else:
            self._finder._find_selections = []
        self._highlights._map_highlights()
        self._aligner._paint_focus()  # also refreshes the extra selections
        if top is not None:
            self._position.scroll_to_turn(top)
        else:
            self.verticalScrollBar().setValue(0)
            self._position._on_scrolled()


