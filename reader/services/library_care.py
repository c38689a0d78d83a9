"""Looking after a library the window has just opened: its notices, its backup, its check.

The window opens a library and keeps it open for hours; this is what it does once, on the
writer's thread, right after the opening: say that the library is read-only (and why), say
when another program holds the write lock, take the weekly verified backup, and run the full
integrity check beside the writer when the last program did not close the library. It lives
in the services so that the window never imports db to do it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from db.engine import Database, DatabaseError, routine_backup
from reader.services.annotations import AnnotationService

log = logging.getLogger(__name__)

Notice = Callable[[str], None]
"""Says one line about the library to the user (the status bar); called from any thread."""


def care_after_open(service: AnnotationService, notice: Notice) -> str:
    """Set the library up for a long session; return the line to show once it is open ("" when
    there is nothing to say). Never raises: a failed backup or check is logged or noticed,
    never a reason to keep the library from opening."""
    db = service.db
    db.on_wait = lambda _seconds: notice(
        "Waiting for the library: another program is writing to it…")
    if db.health.read_only:
        return f"Library {db.path.name}: {db.health.reason}"
    if db.health.unclean:
        # The last program did not close the library: the full check reads every page and
        # index (seconds on a large library), so it runs beside the writer.
        threading.Thread(target=_check, args=(db, notice), name="library-check",
                         daemon=True).start()
    _backup(db)
    return ""


def _backup(db: Database) -> None:
    """A weekly verified copy beside the library (db.engine.routine_backup)."""
    try:
        routine_backup(db)
    except (DatabaseError, OSError):
        log.exception("the routine backup of %s failed", db.path)


def _check(db: Database, notice: Notice) -> None:
    try:
        result = db.full_check()
    except Exception:  # the check must never take the window down
        log.exception("checking the library %s failed", db.path)
        return
    if result != "ok":
        notice(f"Library {db.path.name} failed its integrity check ({result}); "
               "quit and run `reader library check` to salvage it")
