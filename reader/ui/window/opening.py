"""Opening transcript files into tabs: the open dialog and recent files, the open queue's
answers (a new tab, or the tab already showing that content), the busy indicator, and
keeping each tab's reading position across re-wraps and sessions.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QTimer,
)
from PySide6.QtGui import (
    QTextCursor,
)
from PySide6.QtWidgets import (
    QFileDialog,
)

from reader.core.model import Transcript
from reader.core.source_file import DIALOG_FILTER
from reader.ui.fonts import reading_font
from reader.ui.labels import dialog_filter
from reader.ui.reading.outline_model import OutlineModel, tooltip_text
from reader.ui.reading.view import ReadingView
from reader.ui.window.document_tabs import OpenDocument
from reader.ui.window.part import WindowPart

LIBRARY_WAIT_MS = 2000
"""The longest the library waits for a start-up call's first paint before it opens."""
TRANSCRIPT_FILTER = DIALOG_FILTER


def _plain_tooltip(text: str) -> str:
    """A tooltip that shows `text` literally (Qt would render text that looks like HTML)."""
    return tooltip_text(text)


def _menu_text(text: str) -> str:
    return text.replace("&", "&&")


class DocumentOpener(WindowPart):
    """Files into tabs: the open dialog, recent files, the queue's answers and each tab's position."""

    def _document_for_path(self, path: str) -> OpenDocument | None:
        return self._window.tabs.of_path(path)

    def _on_queue_loaded(self, path: str, transcript: object) -> None:
        assert isinstance(transcript, Transcript)
        self._window.settings.add_recent_file(path)
        for doc in self._window.tabs:
            if doc.transcript.source.sha256 == transcript.source.sha256:
                self._window.tabs.setCurrentWidget(doc.view)  # same content under another name
                return
        try:
            self._add_document(path, transcript)
        except Exception as exc:
            # A display bug must cost one file, not the session.
            import logging  # only on this path: start-up stays lean

            logging.getLogger(__name__).exception("showing %s failed", path)
            self._show_error(self.tr("{name}: could not be displayed (internal error: "
                                     "{error})").format(name=Path(path).name,
                                                        error=type(exc).__name__))

    def _on_queue_failed(self, path: str, message: str) -> None:
        if not Path(path).exists():
            self._window.settings.remove_recent_file(path)
        self._show_error(message)

    def _show_error(self, message: str) -> None:
        from reader.ui import plain  # the message names a file: shown as plain text

        plain.warning(self._window, self.tr("Cannot open transcript"), message)

    def _add_document(self, path: str, transcript: Transcript) -> OpenDocument:
        s = self._window.settings
        view = ReadingView(self._window.tabs)
        view.setObjectName("reading_view")
        view.setFont(reading_font(round(s.font_point_size), s.script))
        view.set_font_point_size(s.font_point_size)
        view.set_script(s.script)
        view.set_cleanup(s.join_cjk_spaces, s.hide_fillers)
        view.set_layout_mode(s.layout_mode)
        saved = s.reading_position(transcript.source.sha256)
        doc = OpenDocument(path, transcript, view, OutlineModel(transcript, self._window))
        doc.model.set_script(s.script)
        # Show the tab first: the view then has its final width, so the transcript is laid
        # out once instead of once at a default size and again when the tab appears.
        self._window._stack.setCurrentIndex(1)
        self._window.tabs.add(doc, self._window._tab_title(transcript), _plain_tooltip(path))
        view.set_transcript(transcript)
        # The text cursor ends up after the inserted text; left there, the first resize
        # would scroll it into view, i.e. to the end of the call.
        view.moveCursor(QTextCursor.MoveOperation.Start)
        self._window.annotations.attach(doc)
        view.current_turn_changed.connect(
            lambda turn, v=view: self._window._nav._on_view_current_turn_changed(v, turn))
        view.font_size_changed.connect(self._window.view_options._on_view_font_size_changed)
        view.viewport().installEventFilter(self._window)
        self._window._update_for_current_document()
        if saved is not None and 0 < saved < len(transcript.turns):
            # Scroll once the window has settled (a restored layout may resize the view).
            self._hold_position(doc, saved)
        return doc

    def _hold_position(self, doc: OpenDocument, turn: int | None = None) -> None:
        if doc.restore_turn is None:
            doc.restore_turn = turn if turn is not None else doc.view.turn_at_viewport_top()
            if doc.restore_turn is None:
                return
        if not doc.restore_scheduled:
            doc.restore_scheduled = True
            QTimer.singleShot(0, lambda v=doc.view: self._apply_restore(v))

    def _apply_restore(self, view: ReadingView) -> None:
        doc = self._window.tabs.of_view(view)
        if doc is None:
            return
        doc.restore_scheduled = False
        if doc.restore_turn is None:
            return
        if not view.isVisible():
            # A tab behind another (the tabs of a restored session): its view has no size
            # to lay the call out at yet; the turn is kept until the tab is shown.
            return
        turn = doc.restore_turn
        view.scroll_to_turn(turn)
        doc.restore_turn = None
        top = view.turn_at_viewport_top()
        if top is not None and doc.view is self._window.current_view():
            self._window._nav._select_outline_turn(doc, top)

    def _remember_position(self, doc: OpenDocument) -> None:
        turn = doc.restore_turn  # not yet applied: it is still where the reader is
        if turn is None:
            turn = doc.view.turn_at_viewport_top()
        if turn is not None:
            self._window.settings.set_reading_position(doc.transcript.source.sha256, turn)

    def _on_open_triggered(self) -> None:
        start = self._window.settings.last_directory or str(Path.home())
        paths, _ = QFileDialog.getOpenFileNames(self._window, self.tr("Open Transcripts"), start,
                                                dialog_filter(TRANSCRIPT_FILTER))
        if paths:
            self._window.settings.last_directory = str(Path(paths[0]).parent)
            self._window.open_files(paths)

    def _on_open_button_clicked(self) -> None:
        self._on_open_triggered()

    def _on_library_button_clicked(self) -> None:
        self._window.library.show_library()

    def _rebuild_recent_menu(self) -> None:
        menu = self._window.chrome.recent_menu
        menu.clear()
        recent = self._window.settings.recent_files
        for n, path in enumerate(recent, start=1):
            prefix = f"&{n % 10} " if n <= 10 else ""
            action = menu.addAction(prefix + _menu_text(Path(path).name))
            action.setData(path)
            action.setStatusTip(path)
            action.setToolTip(_plain_tooltip(path))
            action.triggered.connect(lambda _c=False, p=path: self._window.open_files([p]))
        if recent:
            menu.addSeparator()
            menu.addAction(self.tr("&Clear Recent Files"), self._on_clear_recent_triggered)
        else:
            empty = menu.addAction(self.tr("No recent files"))
            empty.setEnabled(False)

    def _on_clear_recent_triggered(self) -> None:
        self._window.settings.clear_recent_files()
        self._rebuild_recent_menu()

    def _release_library_when_idle(self) -> None:
        """Open the library once the files asked for at start are shown: its loading would
        only slow down their parsing and first paint (see LibrarySession.open_library)."""
        if self._window._library_released or self._window.open_queue.pending():
            return  # the queue turning idle calls again
        view = self._window.current_view()
        if view is not None and not view.has_painted() and not self._window._library_waited:
            # A start-up file shown before the window's first paint: after the view's (or
            # a moment later, should it never be painted).
            self._window._library_waited = True
            view.first_painted.connect(self._release_library_when_idle)
            QTimer.singleShot(LIBRARY_WAIT_MS, self._window, self._release_library_when_idle)
            return
        self._window._library_released = True
        QTimer.singleShot(0, self._window.annotations.release_library)  # after that paint

    def _on_queue_busy_changed(self, pending: list[str]) -> None:
        if not pending and not self._window._library_released and self._window.isVisible():
            QTimer.singleShot(0, self._release_library_when_idle)
        busy = bool(pending)
        self._window.chrome._busy.setVisible(busy)
        self._window.chrome._busy_cancel.setVisible(busy)
        self._window.chrome._busy_label.setVisible(busy)
        if len(pending) == 1:
            self._window.chrome._busy_label.setText(self.tr("Opening {name}…").format(
                name=Path(pending[0]).name))
        elif pending:
            self._window.chrome._busy_label.setText(self.tr("Opening {n} files…").format(
                n=len(pending)))

    def _on_busy_cancel_clicked(self) -> None:
        self._window.open_queue.cancel_all()
