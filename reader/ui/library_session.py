"""The one writer to the annotation library: service calls on a single background thread.

Every call the window makes on `AnnotationService` (opening the library, importing a
transcript, adding, editing, deleting, undo, export) runs as a job on a thread pool with
exactly one thread, so writes happen one at a time and in the order they were asked for, and
the UI thread never waits on SQLite's fsync. Each request is a `reader.ui.jobs.Job`:
its result or its one-line error comes back to the callback given with the request, on the
UI thread. The service's `Changed` values, the undo history and notices about the library
come back through one parentless signals object (as the jobs' relays do), for views to
refresh.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, Signal

from reader.core.records import Changed
from reader.ui.jobs import Job

if TYPE_CHECKING:  # SQLAlchemy loads with the library, on the worker thread
    from reader.services.annotations import AnnotationService

log = logging.getLogger(__name__)
T = TypeVar("T")
GATE_TIMEOUT_S = 3.0
"""The library opens by then even if the window never says it has painted."""


class LibraryState(Enum):
    CLOSED = "closed"  # never asked to open one
    OPENING = "opening"
    OPEN = "open"
    FAILED = "failed"  # refused or unreadable: the window reads transcripts, nothing more


@dataclass(frozen=True, slots=True)
class History:
    """The service's undo stack as menus show it."""

    can_undo: bool = False
    undo_label: str | None = None
    can_redo: bool = False
    redo_label: str | None = None


class _Signals(QObject):
    """What the worker thread says outside any one request's answer."""

    changed = Signal(Changed)
    history = Signal(History)
    notice = Signal(str)  # read-only library, waiting for the lock
    server = Signal(str)  # the team library's server lost (one line), or back ("")


class _Holder:
    """The service, set and used on the worker thread only."""

    def __init__(self) -> None:
        self.service: AnnotationService | None = None


def _message(exc: BaseException) -> str:
    from reader.services.errors import AnnotationError  # loaded with the library

    if isinstance(exc, AnnotationError | _Unavailable):
        text = str(exc)
    elif isinstance(exc, OSError):
        name = f"{exc.filename}: " if exc.filename else ""
        text = f"{name}{exc.strerror or exc}"
    else:
        text = QCoreApplication.translate("LibrarySession", "internal error ({error})").format(
            error=type(exc).__name__)
    return text.splitlines()[0] if text else type(exc).__name__


class LibrarySession(QObject):
    """Runs `AnnotationService` calls one at a time off the UI thread (see the module docstring)."""

    library_opened = Signal()
    library_failed = Signal(str)  # one line for the user
    changed = Signal(Changed)
    history_changed = Signal(History)
    library_notice = Signal(str)
    """One line about the library for the status bar: open read-only (and why), or waiting
    for another program's write lock."""
    server_status = Signal(str)
    """A team library's server cannot be reached (one line saying so), or is back ("")."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # the one writer
        self._pool.setExpiryTimeout(-1)  # keep its thread: SQLite connections stay warm
        self._signals = _Signals()
        self._signals.changed.connect(self.changed)
        self._signals.history.connect(self._on_signals_history)
        self._signals.notice.connect(self.library_notice)
        self._signals.server.connect(self.server_status)
        self._holder = _Holder()
        self._requests: set[Job[Any]] = set()  # asked for, answer not yet here
        self._state = LibraryState.CLOSED
        self._error = ""
        self._path: Path | str | None = None
        self.history = History()

    # -- state -------------------------------------------------------------------------------

    @property
    def state(self) -> LibraryState:
        return self._state

    @property
    def available(self) -> bool:
        """Whether calls can succeed: the library is open, or opening (they queue behind it)."""
        return self._state in (LibraryState.OPEN, LibraryState.OPENING)

    @property
    def error(self) -> str:
        """Why the library could not be opened ("" otherwise)."""
        return self._error

    @property
    def path(self) -> Path | str | None:
        return self._path

    @property
    def service(self) -> AnnotationService | None:
        """The open service, for work beside the writer: reads, and bulk imports from the
        Library. Their writes queue with the writer's (the service's lock and SQLite's write
        lock), and their `Changed` values come through `changed` too. None until open."""
        return self._holder.service if self._state is LibraryState.OPEN else None

    def pending(self) -> int:
        """Requests asked for whose answer has not arrived yet."""
        return len(self._requests)

    # -- requests ----------------------------------------------------------------------------

    def open_library(self, path: Path | str, *, gate: threading.Event | None = None,
                     user: str | None = None) -> None:
        """Open (creating or migrating) the library file on the worker thread.

        `user`: the name edits are signed with (None: the service's default, the OS user).
        With a `gate`, the opening waits until it is set (at most `GATE_TIMEOUT_S`): loading
        SQLAlchemy takes the interpreter for a few hundred milliseconds, which the window's
        first paint should not wait for. Requests queue behind the opening either way.
        """
        self._path = path
        self._state = LibraryState.OPENING
        holder, signals = self._holder, self._signals

        def work(_job: Job[str]) -> str:
            if gate is not None:
                gate.wait(GATE_TIMEOUT_S)
            from reader.services.annotations import AnnotationService
            from reader.services.library_care import care_after_open

            service = AnnotationService.open(path, on_change=signals.changed.emit, user=user)
            holder.service = service
            # A team library: others' highlights arrive as `changed`, a lost server as a notice.
            def heard(line: str | None) -> None:
                signals.server.emit(line or "")
                signals.notice.emit(line or QCoreApplication.translate(
                    "LibrarySession", "The library's server is back"))

            service.watch(heard)
            return care_after_open(service, signals.notice.emit)

        def describe(exc: Exception) -> str:
            from reader.services.errors import AnnotationError

            if not isinstance(exc, AnnotationError | OSError):
                log.error("opening the library %s failed", path, exc_info=exc)
            return _message(exc)

        self._keep(work, self._on_job_opened, self._on_job_open_failed, describe)

    def submit(self, call: Callable[[AnnotationService], T],
               on_done: Callable[[T], None] | None = None,
               on_error: Callable[[str], None] | None = None) -> None:
        """Run `call(service)` on the worker thread; the answer comes back on this thread.

        `on_error` gets one line (an `AnnotationError`'s message, or why the library is
        unavailable). Returns the request id.
        """
        holder = self._holder

        def work(_job: Job[T]) -> T:
            service = holder.service
            if service is None:
                raise _Unavailable(QCoreApplication.translate(
                    "LibrarySession", "the annotation library is not available"))
            try:
                return call(service)
            finally:
                self._signals.history.emit(History(service.can_undo, service.undo_label,
                                                   service.can_redo, service.redo_label))

        def describe(exc: Exception) -> str:
            from reader.services.errors import AnnotationError

            if not isinstance(exc, AnnotationError | OSError | _Unavailable):
                log.error("annotation request failed", exc_info=exc)
            return _message(exc)

        self._keep(work, on_done or _ignore, on_error or _log_failure, describe)

    def close(self, msecs: int = 5000) -> bool:
        """Let queued requests finish, then close the library (at the window's close)."""
        holder = self._holder

        def work(_job: Job[None]) -> None:
            service, holder.service = holder.service, None
            if service is not None:
                service.close()

        self._keep(work, _ignore, _log_failure, lambda exc: _message(exc))
        done = self._pool.waitForDone(msecs)
        self._state = LibraryState.CLOSED if done else self._state
        return done

    def wait(self, msecs: int = -1) -> bool:
        return self._pool.waitForDone(msecs)

    # -- answers (UI thread) -----------------------------------------------------------------

    def _keep(self, work: Callable[[Job[T]], T], on_done: Callable[[T], None],
              on_error: Callable[[str], None], describe: Callable[[Exception], str]) -> None:
        """Run `work` on the writer's thread, counted until its answer is in."""
        # owner: a session deleted with its window (File → Open Library) hears no more answers.
        job: Job[T] = Job(work, on_done=on_done, on_error=on_error, describe=describe,
                          on_finished=lambda: self._requests.discard(job), owner=self)
        self._requests.add(job)
        job.start(self._pool)

    def _on_job_opened(self, notice: str) -> None:
        if self._state is LibraryState.CLOSED:
            return  # closed before the answer came (the window closed while it opened)
        self._state = LibraryState.OPEN
        self.library_opened.emit()
        if notice:
            self.library_notice.emit(notice)

    def _on_job_open_failed(self, message: str) -> None:
        if self._state is LibraryState.CLOSED:
            return
        self._state = LibraryState.FAILED
        self._error = message
        self.library_failed.emit(message)

    def _on_signals_history(self, history: History) -> None:
        if history != self.history:
            self.history = history
            self.history_changed.emit(history)


class _Unavailable(Exception):
    """A request made while no library is open."""


def _ignore(_result: object) -> None:
    pass


def _log_failure(message: str) -> None:
    log.warning("annotation request failed: %s", message)
