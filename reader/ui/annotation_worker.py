"""The one writer to the annotation library: service calls on a single background thread.

Every call the window makes on `AnnotationService` (opening the library, importing a
transcript, adding, editing, deleting, undo, export) runs as a job on a thread pool with
exactly one thread, so writes happen one at a time and in the order they were asked for, and
the UI thread never waits on SQLite's fsync. A job's result or its one-line error comes back
as a queued signal and is handed to the callback given with the request; the service's
`Changed` values come back the same way, through `changed`, for views to refresh.

The signals object has no Qt parent, as in alignment_worker: a job still running when the
window goes keeps it alive, and the window's connections go with the window.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

if TYPE_CHECKING:  # SQLAlchemy loads with the library, on the worker thread
    from db.engine import Database
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
    opened = Signal(object)  # MigrationReport
    open_failed = Signal(str)
    done = Signal(int, object)  # request id, result
    failed = Signal(int, str)  # request id, one-line message
    changed = Signal(object)  # Changed
    history = Signal(object)  # History
    notice = Signal(str)  # read-only library, waiting for the lock


class _Holder:
    """The service, set and used on the worker thread only."""

    def __init__(self) -> None:
        self.service: AnnotationService | None = None


class _Job(QRunnable):
    def __init__(self, body: Callable[[], None]) -> None:
        super().__init__()
        self._body = body

    def run(self) -> None:
        self._body()


def _message(exc: BaseException) -> str:
    from db.engine import DatabaseError
    from reader.services.annotations import AnnotationError

    if isinstance(exc, AnnotationError | DatabaseError):
        text = str(exc)
    elif isinstance(exc, OSError):
        name = f"{exc.filename}: " if exc.filename else ""
        text = f"{name}{exc.strerror or exc}"
    else:
        text = f"internal error ({type(exc).__name__})"
    return text.splitlines()[0] if text else type(exc).__name__


def _routine_backup(db: Database) -> None:
    """A weekly verified copy beside the library (db.engine.routine_backup); a failure to make
    one is logged, never a reason to keep the library from opening."""
    from db.engine import DatabaseError, routine_backup

    try:
        routine_backup(db)
    except (DatabaseError, OSError):
        log.exception("the routine backup of %s failed", db.path)


def _check_in_background(db: Database, signals: _Signals) -> None:
    try:
        result = db.full_check()
    except Exception:  # the check must never take the window down
        log.exception("checking the library %s failed", db.path)
        return
    if result != "ok":
        signals.notice.emit(f"Library {db.path.name} failed its integrity check ({result}); "
                            "quit and run `reader library check` to salvage it")


class AnnotationWorker(QObject):
    """Runs `AnnotationService` calls one at a time off the UI thread (see the module docstring)."""

    library_opened = Signal(object)  # db.engine.MigrationReport
    library_failed = Signal(str)  # one line for the user
    changed = Signal(object)  # reader.services.annotations.Changed
    history_changed = Signal(object)  # History
    library_notice = Signal(str)
    """One line about the library for the status bar: open read-only (and why), or waiting
    for another program's write lock."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # the one writer
        self._pool.setExpiryTimeout(-1)  # keep its thread: SQLite connections stay warm
        self._signals = _Signals()
        self._signals.opened.connect(self._on_signals_opened)
        self._signals.open_failed.connect(self._on_signals_open_failed)
        self._signals.done.connect(self._on_signals_done)
        self._signals.failed.connect(self._on_signals_failed)
        self._signals.changed.connect(self.changed)
        self._signals.history.connect(self._on_signals_history)
        self._signals.notice.connect(self.library_notice)
        self._holder = _Holder()
        self._ids = itertools.count(1)
        self._callbacks: dict[int, tuple[Callable[[Any], None] | None,
                                         Callable[[str], None] | None]] = {}
        self._state = LibraryState.CLOSED
        self._error = ""
        self._path: Path | None = None
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
    def path(self) -> Path | None:
        return self._path

    @property
    def service(self) -> AnnotationService | None:
        """The open service, for work beside the writer: reads, and bulk imports from the
        Library. Their writes queue with the writer's (the service's lock and SQLite's write
        lock), and their `Changed` values come through `changed` too. None until open."""
        return self._holder.service if self._state is LibraryState.OPEN else None

    def pending(self) -> int:
        """Requests asked for whose answer has not arrived yet."""
        return len(self._callbacks)

    # -- requests ----------------------------------------------------------------------------

    def open_library(self, path: Path, *, gate: threading.Event | None = None) -> None:
        """Open (creating or migrating) the library file on the worker thread.

        With a `gate`, the opening waits until it is set (at most `GATE_TIMEOUT_S`): loading
        SQLAlchemy takes the interpreter for a few hundred milliseconds, which the window's
        first paint should not wait for. Requests queue behind the opening either way.
        """
        self._path = path
        self._state = LibraryState.OPENING
        holder, signals = self._holder, self._signals

        def body() -> None:
            if gate is not None:
                gate.wait(GATE_TIMEOUT_S)
            from db.engine import DatabaseError
            from reader.services.annotations import AnnotationService

            try:
                service = AnnotationService.open(path, on_change=signals.changed.emit)
            except Exception as exc:
                if not isinstance(exc, DatabaseError | OSError):
                    log.exception("opening the library %s failed", path)
                signals.open_failed.emit(_message(exc))
                return
            holder.service = service
            db = service.db
            db.on_wait = lambda _s: signals.notice.emit(
                "Waiting for the library: another program is writing to it…")
            signals.opened.emit(db.report)
            if db.health.read_only:
                signals.notice.emit(f"Library {db.path.name}: {db.health.reason}")
            else:
                if db.health.unclean:
                    # The last program did not close the library: the full check reads every
                    # page and index (seconds on a large library), beside the writer.
                    threading.Thread(target=_check_in_background, args=(db, signals),
                                     name="library-check", daemon=True).start()
                _routine_backup(db)

        self._pool.start(_Job(body))

    def submit(self, call: Callable[[AnnotationService], T],
               on_done: Callable[[T], None] | None = None,
               on_error: Callable[[str], None] | None = None) -> int:
        """Run `call(service)` on the worker thread; the answer comes back on this thread.

        `on_error` gets one line (an `AnnotationError`'s message, or why the library is
        unavailable). Returns the request id.
        """
        request = next(self._ids)
        self._callbacks[request] = (on_done, on_error)
        holder, signals = self._holder, self._signals

        def body() -> None:
            from db.engine import DatabaseError
            from reader.services.annotations import AnnotationError

            service = holder.service
            if service is None:
                signals.failed.emit(request, "the annotation library is not available")
                return
            try:
                result = call(service)
            except Exception as exc:
                if not isinstance(exc, AnnotationError | DatabaseError | OSError):
                    log.exception("annotation request failed")
                signals.failed.emit(request, _message(exc))
            else:
                signals.done.emit(request, result)
            signals.history.emit(History(service.can_undo, service.undo_label,
                                         service.can_redo, service.redo_label))

        self._pool.start(_Job(body))
        return request

    def close(self, msecs: int = 5000) -> bool:
        """Let queued requests finish, then close the library (at the window's close)."""
        holder = self._holder

        def body() -> None:
            service, holder.service = holder.service, None
            if service is not None:
                service.close()

        self._pool.start(_Job(body))
        done = self._pool.waitForDone(msecs)
        self._state = LibraryState.CLOSED if done else self._state
        return done

    def wait(self, msecs: int = -1) -> bool:
        return self._pool.waitForDone(msecs)

    # -- answers (UI thread) -----------------------------------------------------------------

    def _on_signals_opened(self, _report: object) -> None:
        self._state = LibraryState.OPEN
        self.library_opened.emit(_report)

    def _on_signals_open_failed(self, message: str) -> None:
        self._state = LibraryState.FAILED
        self._error = message
        self.library_failed.emit(message)

    def _on_signals_history(self, history: object) -> None:
        if isinstance(history, History) and history != self.history:
            self.history = history
            self.history_changed.emit(history)

    def _on_signals_done(self, request: int, result: object) -> None:
        on_done, _ = self._callbacks.pop(request, (None, None))
        if on_done is not None:
            on_done(result)

    def _on_signals_failed(self, request: int, message: str) -> None:
        _, on_error = self._callbacks.pop(request, (None, None))
        if on_error is not None:
            on_error(message)
        else:
            log.warning("annotation request failed: %s", message)

