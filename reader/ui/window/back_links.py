"""Following `reader://open?…` back-links in the window, and files and links handed over by
a later launch: the call is found in the library by its hash and opened at the passage.

A link to a call the library does not have, or a link that is not one, is said in one line
in the status bar; a link made on an earlier version of the call opens the call without
pretending to find the passage.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QFileOpenEvent

from reader.ui.window.part import WindowPart

if TYPE_CHECKING:
    from reader.core.records import TranscriptInfo
    from reader.services.annotations import AnnotationService

_STATUS_MS = 8000



class BackLinks(WindowPart):
    """What the window does with a back-link, and with what another launch hands over."""

    def open_words(self, words: Sequence[str]) -> None:
        """Open the files in tabs and follow the links; bring the window forward."""
        from reader.core.links import is_link

        self.bring_forward()
        files = [w for w in words if not is_link(w)]
        if files:
            self._window.open_files(files)
        for word in words:
            if is_link(word):
                self.open_link(word)

    def bring_forward(self) -> None:
        w = self._window
        if w.isMinimized():
            w.setWindowState(w.windowState() & ~Qt.WindowState.WindowMinimized)
        w.show()
        w.raise_()
        w.activateWindow()

    def open_link(self, url: str) -> None:
        """Open the call a back-link names with the passage selected."""
        from reader.core.links import LinkError, parse_link

        try:
            link = parse_link(url)
        except LinkError as exc:
            self._status(QCoreApplication.translate("BackLinks", "Cannot follow this link: {reason}").format(reason=exc))
            return
        session = self._window.annotations.session
        if not session.available:
            self._status(QCoreApplication.translate("BackLinks", "Cannot follow this link: the library is not open ({reason})")
                         .format(reason=session.error or QCoreApplication.translate("BackLinks", "no library")))
            return

        def find(service: AnnotationService) -> tuple[TranscriptInfo | None, int]:
            info = service.find_transcript(link.sha256)
            return info, len(service.transcript_text(info.id)) if info is not None else 0

        session.submit(find, lambda found: self._on_found(found, link.sha256, link.start,
                                                          link.end), self._status)

    def _on_found(self, found: tuple[TranscriptInfo | None, int], sha256: str, start: int,
                  end: int) -> None:
        info, length = found
        if info is None:
            self._status(QCoreApplication.translate("BackLinks", "The call this link points to (sha256 {sha}…) is not in the "
                             "library; import its transcript first.").format(sha=sha256[:12]))
            return
        if info.sha256 != sha256 or end > length:
            self._status(QCoreApplication.translate("BackLinks", "{call}: the transcript was corrected since this link was made; "
                             "opened without the passage.").format(call=info.label))
            self._window.open_stored(info.id)
            return
        self.reveal(info.id, start, end)

    def reveal(self, transcript_id: int, start: int, end: int) -> None:
        """Open a stored call with `[start, end)` selected and in view."""
        from reader.services.search import SearchResult

        result = SearchResult(
            transcript_id=transcript_id, sha256="", company=None, ticker=None, title=None,
            period=None, date=None, source_name="", kind="paragraph", highlight_id=None,
            turn_index=None, speaker=None, speaker_kind=None, section=None, start=start,
            end=end, hit_start=start, hit_end=end, snippet="", marks=())
        self._window.open_stored(transcript_id, result)

    def _status(self, message: str) -> None:
        self._window.statusBar().showMessage(message, _STATUS_MS)


class FileOpenFilter(QObject):
    """macOS's file and URL open events (Finder, a clicked `reader://` link), as words."""

    def __init__(self, deliver: Callable[[list[str]], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._deliver = deliver

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            url = event.url()
            if url.scheme().lower() == "reader":
                self._deliver([url.toString()])
            elif event.file():
                self._deliver([event.file()])
            return True
        return super().eventFilter(watched, event)
