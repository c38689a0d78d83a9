"""Opening transcript files off the UI thread: read, decode and parse in a QThreadPool.

Each file is a `reader.ui.jobs.Job`. Parsing cannot be interrupted half-way, so "cancel"
means the result is dropped and the UI stops waiting at once.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, Signal

from reader.core.model import Transcript
from reader.ui.jobs import Job, error_message


def load_transcript(path: str) -> Transcript:
    """The outline of one file. Raises ValueError with a one-line message for the user."""
    from reader.core.pipeline import parse_file  # the parsers load with the first file

    return parse_file(path)


def _describe(path: str, exc: Exception) -> str:
    # Bad input says what is wrong with it; a parser bug must not take the app down: the
    # user gets one line, the log the traceback for a bug report.
    if isinstance(exc, ValueError):
        return error_message(exc, QCoreApplication.translate("OpenQueue", "cannot be read"),
                             (ValueError,))
    return error_message(exc, QCoreApplication.translate(
        "OpenQueue", "{name}: could not be read").format(name=Path(path).name))


class OpenQueue(QObject):
    """Starts open jobs on a thread pool and keeps them until they finish."""

    loaded = Signal(str, Transcript)  # path, its outline
    failed = Signal(str, str)  # path, one-line message
    busy_changed = Signal(list)  # paths still being opened (empty when idle)

    def __init__(self, pool: QThreadPool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = pool
        self._jobs: dict[Job[Transcript], str] = {}  # running jobs, and their paths

    def open(self, path: str) -> None:
        """Parse `path` in the pool; `loaded` or `failed` says how it went."""
        job: Job[Transcript] = Job(
            lambda _job: load_transcript(path),
            on_done=lambda t: self.loaded.emit(path, t),
            on_error=lambda message: self.failed.emit(path, message),
            on_finished=lambda: self._on_job_finished(job),
            describe=lambda exc: _describe(path, exc), owner=self)
        self._jobs[job] = path
        self.busy_changed.emit(self.pending())
        job.start(self._pool)

    def pending(self) -> list[str]:
        return [path for job, path in self._jobs.items() if not job.cancelled]

    def is_pending(self, path: str) -> bool:
        return path in self.pending()

    def cancel_all(self) -> None:
        for job in self._jobs:
            job.cancel()
        self.busy_changed.emit(self.pending())

    def wait(self, msecs: int = -1) -> bool:
        """Block until running jobs end (at shutdown, so no thread outlives the app)."""
        return self._pool.waitForDone(msecs)

    def _on_job_finished(self, job: Job[Transcript]) -> None:
        if self._jobs.pop(job, None) is not None:
            self.busy_changed.emit(self.pending())
