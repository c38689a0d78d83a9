"""Opening transcript files off the UI thread: read, decode and parse in a QThreadPool.

A job reports back through signals, which Qt delivers on the UI thread because the
signal-carrying QObject is created there. Parsing cannot be interrupted half-way, so
"cancel" means the result is dropped and the UI stops waiting at once.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

if TYPE_CHECKING:
    from reader.core.model import Transcript
    from reader.services.prefetch import ParsePrefetch


def load_transcript(path: str, prefetch: ParsePrefetch | None = None,
                    cancelled: Callable[[], bool] = lambda: False) -> Transcript | None:
    """The outline of one file: the start-up child's, if it has it, else parsed here; None
    when cancelled while waiting for the child (a shutdown stops it: no parse then).
    Raises ValueError with a one-line message for the user."""
    if prefetch is not None:
        transcript = prefetch.take(path)
        if transcript is not None or cancelled():
            return transcript
    from reader.core.pipeline import parse_file  # the parsers load with the first file

    return parse_file(path)


class OpenJobSignals(QObject):
    """What an `OpenJob` reports; connect before starting the job."""

    loaded = Signal(int, str, object)  # job id, path, Transcript
    failed = Signal(int, str, str)  # job id, path, one-line message
    finished = Signal(int)  # job id, after loaded/failed, also when cancelled


class OpenJob(QRunnable):
    """Load one transcript file in a worker thread."""

    def __init__(self, job_id: int, path: str, prefetch: ParsePrefetch | None = None) -> None:
        super().__init__()
        self.job_id = job_id
        self.path = path
        self._prefetch = prefetch
        self.signals = OpenJobSignals()
        self._cancelled = threading.Event()

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def run(self) -> None:
        try:
            if self.cancelled:
                return
            try:
                transcript = load_transcript(self.path, self._prefetch, lambda: self.cancelled)
                if transcript is None:
                    return
            except ValueError as exc:
                message = str(exc).splitlines()[0] if str(exc) else "cannot be read"
                if not self.cancelled:
                    self.signals.failed.emit(self.job_id, self.path, message)
                return
            except Exception as exc:
                # A parser bug must not take the app down; the user gets one line, the log
                # gets the traceback for a bug report.
                import logging  # only on this path: start-up stays lean

                logging.getLogger(__name__).exception("parsing %s failed", self.path)
                if not self.cancelled:
                    self.signals.failed.emit(
                        self.job_id, self.path,
                        f"{Path(self.path).name}: could not be read "
                        f"(internal error: {type(exc).__name__})")
                return
            if not self.cancelled:
                self.signals.loaded.emit(self.job_id, self.path, transcript)
        finally:
            self.signals.finished.emit(self.job_id)


class _WarmUp(QRunnable):
    """Load the parsers in the pool, so the next file opened does not wait for them."""

    def run(self) -> None:
        import reader.core.pipeline  # noqa: F401  (its import is the work)


class OpenQueue(QObject):
    """Starts open jobs on a thread pool and keeps them alive until they finish."""

    loaded = Signal(str, object)  # path, Transcript
    failed = Signal(str, str)  # path, message
    busy_changed = Signal(list)  # paths still being opened (empty when idle)

    def __init__(self, pool: QThreadPool, parent: QObject | None = None,
                 prefetch: ParsePrefetch | None = None) -> None:
        """`prefetch`: the outlines of the files named at start-up, parsed while Qt loaded."""
        super().__init__(parent)
        self._pool = pool
        self._prefetch = prefetch
        self._jobs: dict[int, OpenJob] = {}
        self._next_id = 0
        self._warmed = prefetch is None  # without the child, the first open loads them
        self._warm_up_job: _WarmUp | None = None

    def open(self, path: str) -> None:
        """Parse `path` in the pool; an outline the start-up child has already sent is
        reported at once, before this returns."""
        prefetched = self._prefetch is not None and self._prefetch.claim(path)
        if prefetched:
            assert self._prefetch is not None
            transcript = self._prefetch.take_ready(path)
            if transcript is not None:  # parsed while Qt loaded: shown before the first paint
                self.loaded.emit(path, transcript)
                return
        job = OpenJob(self._next_id, path, self._prefetch if prefetched else None)
        self._next_id += 1
        job.setAutoDelete(False)  # Python owns it; dropped from _jobs when finished
        job.signals.loaded.connect(self._on_job_loaded)
        job.signals.failed.connect(self._on_job_failed)
        job.signals.finished.connect(self._on_job_finished)
        self._jobs[job.job_id] = job
        self.busy_changed.emit(self.pending())
        self._pool.start(job)

    def warm_up(self) -> None:
        """Load the parsers in the background once (the start-up child parsed the first
        files, so this process has not needed them yet)."""
        if not self._warmed:
            self._warmed = True
            job = _WarmUp()
            job.setAutoDelete(False)  # Python owns it, as it does the open jobs
            self._warm_up_job = job
            self._pool.start(job, -1)  # below any open job

    def pending(self) -> list[str]:
        return [job.path for job in self._jobs.values() if not job.cancelled]

    def is_pending(self, path: str) -> bool:
        return path in self.pending()

    def cancel_all(self) -> None:
        for job in self._jobs.values():
            job.cancel()
        if self._prefetch is not None:  # a job waiting on it returns at once
            self._prefetch.close()
        self.busy_changed.emit(self.pending())

    def wait(self, msecs: int = -1) -> bool:
        """Block until running jobs end (at shutdown, so no thread outlives the app)."""
        return self._pool.waitForDone(msecs)

    def _on_job_loaded(self, job_id: int, path: str, transcript: object) -> None:
        job = self._jobs.get(job_id)
        if job is not None and not job.cancelled:
            self.loaded.emit(path, transcript)

    def _on_job_failed(self, job_id: int, path: str, message: str) -> None:
        job = self._jobs.get(job_id)
        if job is not None and not job.cancelled:
            self.failed.emit(path, message)

    def _on_job_finished(self, job_id: int) -> None:
        if self._jobs.pop(job_id, None) is not None:
            self.busy_changed.emit(self.pending())
