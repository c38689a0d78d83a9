"""Changes made outside this window reach its views: another window on the same library, or
`reader import-annotations` at the command line.

The window's own writes come back through the library session's `changed` signal; nobody
tells it about other writers. So every few seconds a `Job` reads a fingerprint of the
library (reader.services.notes.library_state: per call, its highlights' count, highest id
and latest edit) and, where it differs from the last one, emits the session's `changed`
with those calls, as if the window had written them: the open tabs, the Highlights dock,
the Library and the notebook then refresh by the one path they already follow. When the
window itself writes, its own `changed` has said so already: a fingerprint is read at once
and taken as the new baseline, so the window's writes are not announced twice.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QObject, QThreadPool, QTimer

from reader.core.records import Changed
from reader.ui.jobs import Job

if TYPE_CHECKING:
    from reader.services.annotations import AnnotationService
    from reader.services.notes import LibraryState
    from reader.ui.library_session import LibrarySession

INTERVAL_MS: Final = 2000


def _read_state(service: AnnotationService) -> LibraryState:
    from reader.services.notes import library_state  # on the job's thread, not the UI's

    return library_state(service)


class LibraryWatch(QObject):
    """See the module docstring."""

    def __init__(self, session: LibrarySession, parent: QObject | None = None,
                 interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self._session = session
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._last: LibraryState | None = None
        self._rebase = False  # the next fingerprint is a baseline (the window wrote)
        self._again = False  # read another as soon as the running one is in
        self._emitting = False
        self._job: Job[LibraryState] | None = None
        session.changed.connect(self._on_session_changed)
        session.library_opened.connect(self._on_session_library_opened)
        if session.service is not None:
            self._timer.start()

    def stop(self) -> None:
        """No more checks (the window is closing); waits for one that runs."""
        self._timer.stop()
        if self._job is not None:
            self._job.cancel()
        self._pool.waitForDone(5000)

    def check_now(self) -> None:
        """Read the fingerprint now (the timer does this every few seconds)."""
        self._on_timer_timeout()

    def _on_session_library_opened(self) -> None:
        self._timer.start()
        self.check_now()

    def _on_session_changed(self, _changed: Changed) -> None:
        if self._emitting:
            return
        if self._job is not None and self._job.running:
            self._again = True  # the running one may have been read before this write
        else:
            self._rebase = True
            self.check_now()

    def _on_timer_timeout(self) -> None:
        service = self._session.service
        if service is None or (self._job is not None and self._job.running):
            return
        self._job = Job(lambda _job: _read_state(service), on_done=self._on_job_state,
                        doing="checking the library for changes failed", owner=self)
        self._job.start(self._pool)

    def _on_job_state(self, state: LibraryState) -> None:
        last, rebase = self._last, self._rebase
        self._last, self._rebase = state, False
        if self._again:
            self._again, self._rebase = False, True
            QTimer.singleShot(0, self.check_now)
        if last is None or rebase:
            return
        calls = state.changed_calls(last)
        tags, colours = state.tags != last.tags, state.colours != last.colours
        library = state.calls != last.calls or any(
            (state.highlights.get(i) or (0,))[0] != (last.highlights.get(i) or (0,))[0]
            for i in calls)
        if not (calls or tags or colours or library):
            return
        self._emitting = True
        try:
            self._session.changed.emit(Changed(transcripts=frozenset(calls), tags=tags,
                                               colours=colours, library=library))
        finally:
            self._emitting = False
