"""Library import and search off the UI thread, in a QThreadPool, with progress and cancel.

As in reader/ui/reading/alignment_worker.py, each job reports through a signals object created on the
UI thread with no Qt parent: results arrive as queued calls there, and a widget deleted while
its job runs only takes its connections with it. An import stops between two files when
cancelled (each file is its own transaction, so the library stays whole); each search carries a
generation number, so the panel drops answers to queries it has since replaced.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence

from PySide6.QtCore import QObject, QRunnable, Signal

from reader.services.library import ImportSummary, LibraryService
from reader.services.search import SearchError, SearchFilters, SearchService

log = logging.getLogger(__name__)


class ImportSignals(QObject):
    progressed = Signal(int, int, str)  # files done, files in all, file just handled
    finished = Signal(object)  # ImportSummary (also when cancelled)
    failed = Signal(str)  # one line: the import itself could not run


class ImportJob(QRunnable):
    """Import files and folders; `cancel` stops it after the file being stored."""

    def __init__(self, library: LibraryService, paths: Sequence[str], signals: ImportSignals,
                 workers: int = 1) -> None:
        super().__init__()
        self._library = library
        self._paths = list(paths)
        self._signals = signals
        self._workers = workers
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:
        try:
            summary: ImportSummary = self._library.import_paths(
                self._paths, progress=self._signals.progressed.emit,
                cancelled=self._cancel.is_set, workers=self._workers)
        except Exception as exc:
            # A database error (disk full, library locked) ends the import; what was stored
            # stays. The user gets one line, the log the traceback.
            log.exception("import failed")
            self._signals.failed.emit(str(exc).splitlines()[0] if str(exc)
                                      else f"import failed ({type(exc).__name__})")
            return
        self._signals.finished.emit(summary)


class SearchSignals(QObject):
    searched = Signal(int, object)  # generation, SearchPage
    failed = Signal(int, str)  # generation, one-line message


class SearchJob(QRunnable):
    """Run one search page; `generation` lets the panel ignore answers to older queries."""

    def __init__(self, search: SearchService, generation: int, text: str,
                 filters: SearchFilters, cursor: int | None, signals: SearchSignals) -> None:
        super().__init__()
        self._search = search
        self.generation = generation
        self._text = text
        self._filters = filters
        self._cursor = cursor
        self._signals = signals

    def run(self) -> None:
        try:
            page = self._search.search(self._text, self._filters, cursor=self._cursor)
        except SearchError as exc:
            self._signals.failed.emit(self.generation, str(exc))
            return
        except Exception as exc:
            log.exception("search failed")
            self._signals.failed.emit(self.generation,
                                      f"search failed (internal error: {type(exc).__name__})")
            return
        self._signals.searched.emit(self.generation, page)
