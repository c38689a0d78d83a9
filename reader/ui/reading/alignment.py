"""The reading view's sentence alignment: the job, the discrepancies it marks, the focus.

The view owns one `ViewAlignment`. It aligns each new call on the pool once the view has
painted, merges the discrepancy formats into every document the view builds, and lights the
sentence under the mouse or the caret with its counterpart.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPoint, QTimer
from PySide6.QtGui import (
    QColor,
    QPalette,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QTextEdit

from reader.core.align.kinds import AlignFlagKind, Side
from reader.core.document_layout import Span
from reader.core.model import Transcript
from reader.ui.jobs import Job
from reader.ui.reading import alignment_worker

if TYPE_CHECKING:
    # The aligner loads with the first alignment job, off the start-up path.
    from reader.core.align.transcript import Discrepancy, SentenceRef, TranscriptAlignment
    from reader.ui.reading.view import ReadingView  # the owner; a run-time import is circular


# Alignment colours are translucent, over the text's own base; a dark base gets stronger
# tints and lighter lines (see _discrepancy_format).
_MISMATCH_BG = QColor(255, 96, 48, 90)
_MISMATCH_BG_DARK = QColor(255, 96, 48, 120)
_MISSING_BG = QColor(240, 160, 0, 60)
_MISSING_BG_DARK = QColor(240, 160, 0, 100)
_MISMATCH_LINE = QColor(220, 40, 20)
_MISMATCH_LINE_DARK = QColor(255, 120, 100)
_MISSING_LINE = QColor(200, 110, 0)
_MISSING_LINE_DARK = QColor(255, 190, 70)
_UNTRANSLATED_BG = QColor(150, 150, 150, 45)
_UNTRANSLATED_BG_DARK = QColor(170, 170, 170, 80)
_FOCUS_ALPHA = 50  # of the palette's highlight colour, for a sentence and its counterpart
_AFTER_PAINT_LATEST_MS = 500  # work that waits for a paint that does not come (minimised)


class ViewAlignment:
    """The view's sentence alignment: its job, its discrepancies and the sentence in focus."""

    def __init__(self, view: ReadingView) -> None:
        self._view = view
        self._align_job: Job[TranscriptAlignment] | None = None  # queued or running
        self._align_after_paint = False  # a job waits for the view's next paint
        self._align_timer = QTimer(self._view)
        self._align_timer.setSingleShot(True)
        self._align_timer.timeout.connect(self._on_align_timer_timeout)
        self._alignment: TranscriptAlignment | None = None
        self._discrepancies: list[Discrepancy] = []
        self._mark_spans: list[list[Span]] = []  # per discrepancy: document spans marked
        self._current_discrepancy = -1
        self._focus: SentenceRef | None = None  # sentence under the mouse or the caret
        self._focus_spans: list[Span] = []  # document spans of the lit sentences
        self._focus_selections: list[QTextEdit.ExtraSelection] = []
        self._sentences: list[tuple[int, int, SentenceRef]] = []  # aligned, by start
        self._sentence_starts: list[int] = []

    def _index_sentences(self, alignment: TranscriptAlignment) -> None:
        from reader.core.align.transcript import SentenceRef

        out = []
        for p, pair in enumerate(alignment.pairs):
            for side in Side:
                for k, span in enumerate(pair.sentences(side)):
                    out.append((span[0], span[1], SentenceRef(p, side, k, span)))
        out.sort(key=lambda item: (item[0], item[1]))
        self._sentences = out
        self._sentence_starts = [item[0] for item in out]

    def mirror_source_spans(self, start: int, end: int) -> list[Span]:
        """Source spans of the counterparts of the aligned sentences overlapping a span
        (empty until the alignment is ready)."""
        alignment = self._alignment
        if alignment is None or start >= end or not self._sentences:
            return []
        k = max(bisect_right(self._sentence_starts, start) - 1, 0)
        found: set[Span] = set()
        while k < len(self._sentences) and self._sentences[k][0] < end:
            s, e, ref = self._sentences[k]
            k += 1
            if e > start and s < e:
                found.update(alignment.counterpart_spans(ref))
        return sorted(span for span in found if span[1] <= start or span[0] >= end)

    def sentence_alignment(self) -> TranscriptAlignment | None:
        """The alignment of the current transcript, None until `alignment_ready`."""
        return self._alignment

    def discrepancies(self) -> list[Discrepancy]:
        """What the alignment flagged, in reading order (empty until `alignment_ready`)."""
        return list(self._discrepancies)

    def current_discrepancy(self) -> int:
        return self._current_discrepancy

    def discrepancy_document_spans(self, index: int) -> list[tuple[int, int]]:
        """Where the document marks a discrepancy now (empty when its text is hidden)."""
        return list(self._mark_spans[index])

    def go_to_discrepancy(self, index: int) -> bool:
        """Select a discrepancy's first shown span and bring it into view.

        The original side is preferred; a layout that hides it falls back to the other
        side, and where neither is shown the view scrolls to its turn and selects nothing.
        Returns whether text was selected.
        """
        if not 0 <= index < len(self._discrepancies):
            return False
        self._current_discrepancy = index
        self._view._hovering = False  # light the flagged sentence, not the one under the mouse
        spans = self._mark_spans[index]
        if spans:
            s, e = spans[0]
            cursor = QTextCursor(self._view.document())
            cursor.setPosition(s)
            cursor.setPosition(e, QTextCursor.MoveMode.KeepAnchor)
            self._view.setTextCursor(cursor)
            self._view._center_cursor(cursor)
        else:
            self._view.scroll_to_turn(self._discrepancies[index].turn)
        self._view.discrepancy_shown.emit(index)
        return bool(spans)

    def next_discrepancy(self) -> int:
        """Go to the first discrepancy after where the reader is (see `_reading_position`);
        after the last one, back to the first. Returns its index, -1 if there is none."""
        return self._step_discrepancy(+1)

    def previous_discrepancy(self) -> int:
        """Go to the last discrepancy before where the reader is (or the last of all)."""
        return self._step_discrepancy(-1)

    def _reading_position(self) -> tuple[int, bool]:
        """(document position, is it the caret): the caret or selection when it is in
        sight, else the first line of the viewport. A reader who clicked an item in the
        list and then scrolled on steps from where they now read, not from that item."""
        view = self._view
        cursor = view.textCursor()
        if view.viewport().rect().intersects(view.cursorRect(cursor)):
            return cursor.selectionStart(), True
        return view.cursorForPosition(QPoint(0, 0)).position(), False

    def _document_keys(self) -> list[int | None]:
        """Where each discrepancy starts in the document (its first mark, else its turn);
        None when the layout or the speaker filter hides it."""
        keys: list[int | None] = []
        for d, spans in zip(self._discrepancies, self._mark_spans, strict=True):
            if spans:
                keys.append(min(s for s, _e in spans))
            else:
                turn = self._view.turn_document_span(d.turn)
                keys.append(turn[0] if turn is not None else None)
        return keys

    def _step_discrepancy(self, delta: int) -> int:
        n = len(self._discrepancies)
        if not n:
            return -1
        shown = [(key, k) for k, key in enumerate(self._document_keys()) if key is not None]
        if shown:
            here, at_caret = self._reading_position()
            if delta > 0:
                after = [(key, k) for key, k in shown
                         if key > here or (key == here and not at_caret)]
                k = min(after or shown)[1]
            else:
                before = [(key, k) for key, k in shown if key < here]
                k = max(before or shown)[1]
        else:  # nothing shown: step through the list
            current = self._current_discrepancy
            k = (current + delta) % n if current >= 0 else (0 if delta > 0 else n - 1)
        self.go_to_discrepancy(k)
        return k

    def focused_sentence(self) -> SentenceRef | None:
        """The aligned sentence under the mouse or the caret, whose counterpart is lit."""
        return self._focus

    def focus_document_position(self, pos: int) -> SentenceRef | None:
        """Light the aligned sentence showing document position `pos` and its counterpart
        (what hovering does); a position outside aligned text clears the highlight."""
        src = self._view._source_at(pos)
        ref = None
        if src is not None and self._alignment is not None:
            ref = self._alignment.sentence_at(src)
        if ref != self._focus:
            self._focus = ref
            self._paint_focus()
        return ref

    def _reset_alignment(self) -> None:
        if self._align_job is not None:
            self._align_job.cancel()  # a job still running drops its result
        self._align_job = None
        self._alignment = None
        self._discrepancies, self._mark_spans = [], []
        self._current_discrepancy = -1
        self._focus, self._focus_spans, self._focus_selections = None, [], []
        self._sentences, self._sentence_starts = [], []

    def _start_alignment(self, t: Transcript) -> None:
        """Align `t` on the pool; a shown view first waits for its next paint.

        Aligning is pure Python: on the pool's thread it would take turns at the
        interpreter with this thread's first layout and paint, and the call on screen
        matters first. A hidden view (a tool, a test) starts the job at once.
        """
        self._reset_alignment()
        self._align_job = Job(
            lambda job: alignment_worker.align_transcript(t, progress=job.progress,
                                                          cancelled=lambda: job.cancelled),
            on_done=self._on_align_job_done, on_error=self._on_align_job_failed,
            on_progress=self._view.alignment_progressed.emit, doing=QCoreApplication.translate("ViewAlignment", "alignment failed"), owner=self._view)
        self._view.alignment_started.emit()
        if self._view.isVisible():
            self._align_after_paint = True
            self._align_timer.start(_AFTER_PAINT_LATEST_MS)
        else:
            self._launch_alignment()

    def _launch_alignment(self) -> None:
        self._align_after_paint = False
        self._align_timer.stop()
        job = self._align_job
        if job is not None and not job.cancelled and not job.running:
            job.start(self._view._pool)

    def _on_align_timer_timeout(self) -> None:
        self._launch_alignment()

    def _on_align_job_done(self, result: TranscriptAlignment) -> None:
        from reader.core.align.transcript import discrepancies

        t = self._view._transcript
        if t is None:
            return
        self._view._writer._ensure_built()  # the marks go on the whole call
        self._align_job = None
        self._alignment = result
        self._discrepancies = discrepancies(t, result)
        self._index_sentences(result)
        self._mark_discrepancies(self._view.document())
        self._view._highlights._map_highlights()
        self._view._refresh_selections()
        self._view._on_cursor_position_changed()
        self._view.alignment_ready.emit()

    def _on_align_job_failed(self, message: str) -> None:
        self._align_job = None
        self._view.alignment_failed.emit(message)

    def _mark_discrepancies(self, doc: QTextDocument) -> None:
        """Merge the discrepancy formats into `doc` at the spans it shows them."""
        self._mark_spans = []
        for d in self._discrepancies:
            flag = d.flag
            spans = [span for s, e in (*flag.original, *flag.interpretation)
                     if (span := self._view._document_span(s, e)) is not None and span[0] < span[1]]
            self._mark_spans.append(spans)
            fmt = _discrepancy_format(flag.kind, self._view.palette())
            for s, e in spans:
                cursor = QTextCursor(doc)
                cursor.setPosition(s)
                cursor.setPosition(e, QTextCursor.MoveMode.KeepAnchor)
                cursor.mergeCharFormat(fmt)

    def _paint_focus(self) -> None:
        """Extra selections for the focused sentence and its counterpart sentences.

        They leave out the discrepancy marks inside those sentences: an extra selection's
        background would cover the mark's tint, and the mark is what matters there.
        """
        self._focus_spans, self._focus_selections = [], []
        ref, alignment = self._focus, self._alignment
        if ref is not None and alignment is not None:
            fmt = QTextCharFormat()
            tint = QColor(self._view.palette().color(QPalette.ColorRole.Highlight))
            tint.setAlpha(_FOCUS_ALPHA)
            fmt.setBackground(tint)
            marks = sorted(span for spans in self._mark_spans for span in spans)
            for s, e in [ref.span, *alignment.counterpart_spans(ref)]:
                span = self._view._document_span(s, e)
                if span is None or span[0] >= span[1]:
                    continue
                self._focus_spans.append(span)
                for a, b in _subtract(span, marks):
                    sel = QTextEdit.ExtraSelection()
                    cursor = QTextCursor(self._view.document())
                    cursor.setPosition(a)
                    cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
                    sel.cursor = cursor
                    sel.format = fmt
                    self._focus_selections.append(sel)
        self._view._refresh_selections()

    def focus_selection_spans(self) -> list[tuple[int, int]]:
        """Document spans of the lit sentences: the focused one first, then its
        counterparts (the extra selections cover them less any discrepancy marks)."""
        return list(self._focus_spans)

    def _discrepancy_message_at(self, point: QPoint) -> str:
        pos = self._view._document_position_under(point)
        if pos < 0:
            return ""
        return "\n".join(d.message for d, spans in zip(self._discrepancies, self._mark_spans,
                                                         strict=True)
                         if any(s <= pos < e for s, e in spans))


def is_dark(palette: QPalette) -> bool:
    """Whether the palette sets text on a dark base (a dark desktop theme)."""
    return palette.color(QPalette.ColorRole.Base).lightnessF() < 0.5


def _discrepancy_format(kind: AlignFlagKind, palette: QPalette) -> QTextCharFormat:
    """A changed figure: wavy red underline on a warm tint; a one-sided figure: wavy amber
    underline on an amber tint; an untranslated sentence: a grey tint and a dotted underline.

    On a dark base the tints are stronger and the lines lighter: the light theme's colours
    would sink into it, leaving a thin dark line under the words."""
    dark = is_dark(palette)
    mismatch_line, missing_line = (_MISMATCH_LINE_DARK, _MISSING_LINE_DARK) if dark \
        else (_MISMATCH_LINE, _MISSING_LINE)
    fmt = QTextCharFormat()
    if kind is AlignFlagKind.UNTRANSLATED:
        fmt.setBackground(_UNTRANSLATED_BG_DARK if dark else _UNTRANSLATED_BG)
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        fmt.setUnderlineColor(missing_line)
    else:
        if kind is AlignFlagKind.NUMBER_MISMATCH:
            fmt.setBackground(_MISMATCH_BG_DARK if dark else _MISMATCH_BG)
        else:
            fmt.setBackground(_MISSING_BG_DARK if dark else _MISSING_BG)
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        fmt.setUnderlineColor(mismatch_line if kind is AlignFlagKind.NUMBER_MISMATCH
                              else missing_line)
    return fmt


def _subtract(span: Span, holes: list[Span]) -> list[Span]:
    """`span` less the sorted spans `holes`, as the pieces left."""
    out = []
    pos, end = span
    for a, b in holes:
        if b <= pos or a >= end:
            continue
        if a > pos:
            out.append((pos, a))
        pos = max(pos, b)
    if pos < end:
        out.append((pos, end))
    return out
