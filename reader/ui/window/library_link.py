"""The window's side of the library: opening a stored call (and revealing a search hit in
it), closing the tabs of a call being removed, showing the newer version the library holds.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QTimer,
)
from PySide6.QtGui import (
    QTextCursor,
)

from reader import APP_NAME
from reader.core.model import Transcript
from reader.core.records import ImportSummary, SearchResult, TranscriptInfo
from reader.ui.reading.outline_model import OutlineModel
from reader.ui.reading.view import ReadingView
from reader.ui.window.part import WindowPart

if TYPE_CHECKING:
    from reader.services.annotations import AnnotationService


class LibraryLink(WindowPart):
    """What the library asks of the window: show a stored call (at a search hit), close a removed one."""

    def open_stored(self, transcript_id: int, reveal: SearchResult | None = None) -> None:
        """Open a call from the library (its file is not needed), at a search result if given."""
        def load(service: AnnotationService) -> tuple[TranscriptInfo, Transcript]:
            return service.transcript(transcript_id), service.outline(transcript_id)

        self._window.annotations.session.submit(
            load, lambda loaded: self._on_stored_loaded(loaded, reveal), self._window._opener._show_error)

    def _on_library_call_requested(self, transcript_id: int, result: SearchResult | None) -> None:
        self.open_stored(transcript_id, result)

    def _on_stored_loaded(self, loaded: tuple[TranscriptInfo, Transcript],
                          reveal: SearchResult | None) -> None:
        info, transcript = loaded
        doc = next((d for d in self._window.tabs
                    if d.transcript.source.sha256 == transcript.source.sha256), None)
        if doc is None:
            try:
                doc = self._window._opener._add_document(info.source_path, transcript)
            except Exception as exc:
                import logging  # only on this path: start-up stays lean

                logging.getLogger(__name__).exception("showing call %s failed", info.id)
                self._window._opener._show_error(
                    self.tr("{name}: could not be displayed (internal error: {error})").format(
                        name=info.label, error=type(exc).__name__))
                return
            if Path(info.source_path).is_file():
                self._window.settings.add_recent_file(info.source_path)
        else:
            self._window.tabs.setCurrentWidget(doc.view)
        if reveal is not None:
            doc.restore_turn = None  # the result, not the last reading position
            # Once the new tab is laid out at its final width.
            QTimer.singleShot(0, lambda v=doc.view: self._reveal(v, reveal))
        else:
            doc.view.setFocus()

    def _reveal(self, view: ReadingView, r: SearchResult) -> None:
        """Select a search hit and bring it to the upper third of the view."""
        doc = self._window.tabs.of_view(view)
        if doc is None:
            return
        doc.restore_turn = None
        self._window.tabs.setCurrentWidget(view)
        if view.select_source_span(r.hit_start, r.hit_end) \
                or view.select_source_span(r.hit_start, r.hit_start):
            bar = view.verticalScrollBar()
            bar.setValue(bar.value() + view.cursorRect().top() - view.viewport().height() // 3)
        else:
            turn = doc.transcript.turn_at(r.hit_start)
            if turn is not None:
                view.scroll_to_turn(turn.index)
            self._window.statusBar().showMessage(self.tr("The match is in text the layout or "
                                                         "the speaker filter hides."), 6000)
        view.setFocus()

    def _on_library_call_removing(self, info: TranscriptInfo) -> None:
        for doc in self._window.documents():
            if (doc.info is not None and doc.info.id == info.id) \
                    or doc.transcript.source.sha256 == info.sha256:
                self._window.close_tab(self._window.tabs.indexOf(doc.view))

    def _on_library_metadata_stored(self, info: object) -> None:
        """The reader renamed a call (company, period...): its open tabs take the new name."""
        from reader.core.records import TranscriptInfo
        from reader.ui.reading.script_text import in_script

        if not isinstance(info, TranscriptInfo):
            return
        tabs = self._window.tabs
        for doc in self._window.documents():
            if doc.info is not None and doc.info.id == info.id:
                doc.info = info
                name = info.company or info.title or self._window._tab_title(doc.transcript)
                title = in_script(f"{name} {info.period}" if info.company and info.period
                                  else name, self._window.settings.script)
                tabs.setTabText(tabs.indexOf(doc.view), title)
                if doc is self._window.current_document():
                    self._window.setWindowTitle(f"{title} — {APP_NAME}")

    def _on_library_status_message(self, message: str) -> None:
        self._window.statusBar().showMessage(message, 6000)

    def _on_library_import_finished(self, summary: ImportSummary | None) -> None:
        if summary is not None:
            self._window.statusBar().showMessage(
                self.tr("Library import: {summary}").format(summary=summary.line()), 8000)

    def _on_annotations_transcript_replaced(self, view: ReadingView, transcript: Transcript) -> None:
        """The library holds a newer version of the opened file: show that one instead."""
        doc = self._window.tabs.of_view(view)
        if doc is None:
            return
        old_model = doc.model
        doc.transcript = transcript
        doc.model = OutlineModel(transcript, self._window)
        doc.model.set_script(self._window.settings.script)
        doc.speaker = None
        doc.view.set_transcript(transcript)
        doc.view.moveCursor(QTextCursor.MoveOperation.Start)
        self._window.tabs.setTabText(self._window.tabs.indexOf(doc.view), self._window._tab_title(transcript))
        if self._window.outline_view.model() is old_model:
            self._window.outline_view.setModel(None)
        old_model.deleteLater()
        if doc is self._window.current_document():
            self._window._update_for_current_document()
