"""Moving through the current call: the outline kept in step with the reading position, the
speaker filter, and stepping from question to question.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QModelIndex,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
)

from reader.core.labels import SPEAKER_KIND_NAMES
from reader.core.model import SectionKind, SpeakerKind, Transcript
from reader.ui.labels import label as ui_label
from reader.ui.reading.outline_model import OutlineModel, OutlineRole
from reader.ui.reading.script_text import in_script
from reader.ui.window.document_tabs import OpenDocument
from reader.ui.window.part import WindowPart

if TYPE_CHECKING:
    from reader.ui.reading.view import ReadingView
    from reader.ui.window.main_window import MainWindow


class Navigation(WindowPart):
    """The outline, the speaker filter and the question steps, kept in step with the reading view."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._syncing_outline = False
        self._scrolling_from_outline = False

    def _expand_sections(self, model: OutlineModel) -> None:
        for row in range(model.rowCount()):
            self._window.outline_view.expand(model.index(row, 0))

    def _fill_speaker_combo(self, doc: OpenDocument | None) -> None:
        combo = self._window.chrome.speaker_combo
        combo.blockSignals(True)
        try:
            combo.clear()
            combo.addItem(self.tr("All speakers"), None)
            if doc is None:
                return
            t = doc.transcript
            counts: dict[int, int] = {}
            for turn in t.turns:
                counts[turn.speaker] = counts.get(turn.speaker, 0) + 1
            for speaker in t.speakers:
                n = counts.get(speaker.id, 0)
                if not n:
                    continue
                kind = ("" if speaker.kind is SpeakerKind.UNKNOWN
                        else f" ({ui_label(SPEAKER_KIND_NAMES[speaker.kind])})")
                label = in_script(speaker.label, self._window.settings.script)
                combo.addItem(f"{label}{kind} · {n}", speaker.id)
            found = combo.findData(doc.speaker) if doc.speaker is not None else 0
            combo.setCurrentIndex(max(0, found))
        finally:
            combo.blockSignals(False)

    def _on_outline_clicked(self, index: QModelIndex) -> None:
        doc = self._window.current_document()
        if doc is None or self._syncing_outline or not index.isValid():
            return
        turn = index.data(OutlineRole.TurnIndexRole)
        if not isinstance(turn, int):
            return
        doc.restore_turn = None
        # Scrolling passes through other turns on its way, and may stop a row short (an
        # interpretation sits beside its original); the outline keeps the item the reader
        # chose until the reader scrolls.
        self._scrolling_from_outline = True
        try:
            doc.view.scroll_to_turn(turn)
        finally:
            self._scrolling_from_outline = False

    def _on_outline_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._on_outline_clicked(current)

    def _on_view_current_turn_changed(self, view: ReadingView, turn: int) -> None:
        doc = self._window.tabs.of_view(view)
        if doc is None:
            return
        if doc.restore_turn is None:
            self._window.settings.set_reading_position(doc.transcript.source.sha256, turn)
        if doc is self._window.current_document() and not self._scrolling_from_outline:
            self._select_outline_turn(doc, turn)

    def _select_outline_turn(self, doc: OpenDocument, turn: int) -> None:
        """Follow the reading position in the outline without scrolling the view back."""
        if self._window.outline_view.model() is not doc.model:
            return
        current = self._window.outline_view.currentIndex()
        if current.isValid() and current.data(OutlineRole.TurnIndexRole) == turn:
            return  # e.g. an exchange the reader clicked: keep it selected
        index = doc.model.index_for_turn(turn)
        if not index.isValid():
            return
        self._syncing_outline = True
        try:
            self._window.outline_view.setCurrentIndex(index)
            self._window.outline_view.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        finally:
            self._syncing_outline = False

    def _on_speaker_combo_activated(self, index: int) -> None:
        doc = self._window.current_document()
        if doc is None:
            return
        speaker = self._window.chrome.speaker_combo.itemData(index)
        doc.speaker = speaker if isinstance(speaker, int) else None
        doc.view.set_speaker_filter(None if doc.speaker is None else {doc.speaker})
        self._window._find._refresh_find()

    def _question_turns(self, t: Transcript) -> list[int]:
        starts = sorted({(e.question or e.answer)[0] for e in t.exchanges
                         if e.question or e.answer})
        if starts:
            return starts
        return [turn.index for turn in t.turns if turn.section is SectionKind.QA
                and t.speaker_of(turn).kind is SpeakerKind.ANALYST]

    def _go_to_turn(self, doc: OpenDocument, turn: int) -> None:
        doc.restore_turn = None
        doc.view.scroll_to_turn(turn)
        doc.jumped = (turn, doc.view.turn_at_viewport_top())
        doc.view.setFocus()

    def _on_jump_qa_triggered(self) -> None:
        doc = self._window.current_document()
        if doc is None:
            return
        qa = doc.transcript.turns_in(SectionKind.QA)
        if qa:
            self._go_to_turn(doc, qa[0].index)
        else:
            self._window.statusBar().showMessage(self.tr("This transcript has no Q&A section."), 4000)

    def _step_question(self, forward: bool) -> None:
        doc = self._window.current_document()
        if doc is None:
            return
        questions = self._question_turns(doc.transcript)
        top = doc.view.turn_at_viewport_top()
        here = -1 if top is None else top
        if doc.jumped is not None and doc.jumped[1] == top:
            here = doc.jumped[0]  # not scrolled since the last jump
        if forward:
            target = next((q for q in questions if q > here), None)
        else:
            target = next((q for q in reversed(questions) if q < here), None)
        if target is None:
            self._window.statusBar().showMessage(
                self.tr("No next question.") if forward else self.tr("No previous question."),
                3000)
            return
        self._go_to_turn(doc, target)

    def _on_next_question_triggered(self) -> None:
        self._step_question(True)

    def _on_previous_question_triggered(self) -> None:
        self._step_question(False)
