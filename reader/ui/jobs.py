"""One way to run work off the UI thread: a `Job` runs in a pool, answers on the UI thread.

Modelled on Anki's `QueryOp`: the caller gives the work (run in a `QThreadPool`), what to do
with its result (`on_done`) and with a failure (`on_error`, one line for the user, made by
`error_message`), and may `cancel()`: after that no callback runs, and the work can ask
`job.cancelled` to stop early. Progress goes through `job.progress(...)` to `on_progress`.

The answers travel through a relay QObject created on the UI thread with no Qt parent, so
they arrive there as queued calls. A widget deleted while its job runs takes its
connections with it; the relay lives until the job lets go of it, so the pool's thread never
emits on a deleted object (a parented relay would go with the widget, mid-emit).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)
T = TypeVar("T")


def error_message(exc: BaseException, doing: str,
                  expected: tuple[type[BaseException], ...] = ()) -> str:
    """One line for the user about a job that raised `exc` while `doing` something.

    An `expected` error (bad input, a locked library) says its own first line; anything else
    is a bug: the log gets the traceback, the user "<doing> (internal error: <type>)".
    """
    if isinstance(exc, expected):
        text = str(exc).splitlines()[0] if str(exc) else ""
        return text or f"{doing} ({type(exc).__name__})"
    log.error("%s", doing, exc_info=exc)
    return QCoreApplication.translate("Jobs", "{doing} (internal error: {error})").format(
        doing=doing, error=type(exc).__name__)


class _Relay(QObject):
    """Carries one job's answers to the UI thread (see the module docstring)."""

    progressed = Signal(tuple)  # the arguments given to Job.progress
    succeeded = Signal(object)  # the work's result (a T: see Job)
    failed = Signal(str)  # one line for the user
    finished = Signal()  # after succeeded/failed, also when cancelled


class _Runnable(QRunnable):
    def __init__(self, job: Job[Any]) -> None:
        super().__init__()
        self._job = job

    def run(self) -> None:
        self._job._run()


class Job(Generic[T]):
    """Work run in a thread pool whose answer comes back on the UI thread.

    `work(job)` runs in the pool and returns the result; `on_done(result)` or
    `on_error(message)` then runs on the UI thread unless the job was cancelled. `describe`
    turns an exception into that message (default: `error_message(exc, doing)`);
    `on_finished` runs last either way. With an `owner`, the job is cancelled when that
    QObject is destroyed.
    """

    def __init__(self, work: Callable[[Job[T]], T], *, on_done: Callable[[T], None],
                 on_error: Callable[[str], None] | None = None,
                 on_progress: Callable[..., None] | None = None,
                 on_finished: Callable[[], None] | None = None,
                 doing: str = "background work failed",
                 describe: Callable[[Exception], str] | None = None,
                 owner: QObject | None = None) -> None:
        self._work = work
        self._describe = describe or (lambda exc: error_message(exc, doing))
        self._cancel = threading.Event()
        self._relay = _Relay()
        self._relay.succeeded.connect(lambda result: None if self.cancelled else on_done(result))
        if on_error is not None:
            self._relay.failed.connect(
                lambda message: None if self.cancelled else on_error(message))
        if on_progress is not None:
            self._relay.progressed.connect(
                lambda args: None if self.cancelled else on_progress(*args))
        self._relay.finished.connect(self._on_relay_finished)
        self._on_finished = on_finished
        self._running = False
        if owner is not None:  # a widget deleted mid-job hears nothing from it
            owner.destroyed.connect(self.cancel)

    def start(self, pool: QThreadPool, priority: int = 0) -> Job[T]:
        """Queue the work on `pool`; returns the job, for chaining."""
        # The pool owns the runnable (auto-delete) and the runnable the job, so a job whose
        # caller has let go of it still runs to its end.
        self._running = True
        runnable = _Runnable(self)
        if priority:
            pool.start(runnable, priority)
        else:
            pool.start(runnable)
        return self

    def cancel(self) -> None:
        """No callback but `on_finished` runs after this; the work may stop early."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    @property
    def running(self) -> bool:
        """Started and not yet finished (the UI thread has not heard the end)."""
        return self._running

    def progress(self, *args: object) -> None:
        """From the work: report progress to `on_progress` (dropped once cancelled)."""
        if not self.cancelled:
            self._relay.progressed.emit(args)

    def _run(self) -> None:
        try:
            if self.cancelled:
                return
            try:
                result = self._work(self)
            except Exception as exc:
                if not self.cancelled:
                    self._relay.failed.emit(self._describe(exc))
                return
            if not self.cancelled:
                self._relay.succeeded.emit(result)
        finally:
            self._relay.finished.emit()

    def _on_relay_finished(self) -> None:
        self._running = False
        if self._on_finished is not None:
            self._on_finished()
