"""Aligning a transcript's Mandarin turns with their interpretation off the UI thread.

The signals object belongs to the widget that asked (a child of it, living on the UI
thread), so results arrive as queued calls on the UI thread and the object is deleted with
its widget, never from the pool's thread. A job only holds the transcript, which nothing
edits, and a cancel flag that it checks between pairs.
"""

from __future__ import annotations

import contextlib
import logging
import threading

from PySide6.QtCore import QObject, QRunnable, Signal

from reader.core.align.transcript import align_transcript
from reader.core.model import Transcript

log = logging.getLogger(__name__)


class AlignmentSignals(QObject):
    """What alignment jobs report, each tagged with its job id."""

    progressed = Signal(int, int, int)  # job id, pairs aligned, pairs in all
    aligned = Signal(int, object)  # job id, TranscriptAlignment
    failed = Signal(int, str)  # job id, one-line message


class AlignmentJob(QRunnable):
    """Align one transcript; the pool deletes the job when it has run."""

    def __init__(self, job_id: int, transcript: Transcript, signals: AlignmentSignals,
                 cancel: threading.Event) -> None:
        super().__init__()
        self.job_id = job_id
        self._transcript = transcript
        self._signals = signals
        self._cancel = cancel

    def run(self) -> None:
        try:
            result = align_transcript(self._transcript, progress=self._progress,
                                      cancelled=self._cancel.is_set)
            if not self._cancel.is_set():
                self._signals.aligned.emit(self.job_id, result)
        except RuntimeError as exc:
            # The widget (and with it the signals object) went away while the job ran:
            # nobody is waiting for the result.
            if "already deleted" not in str(exc):
                self._report(exc)
        except Exception as exc:
            # An aligner bug must not take the app down; the reading view stays usable.
            self._report(exc)

    def _progress(self, done: int, total: int) -> None:
        if not self._cancel.is_set():
            self._signals.progressed.emit(self.job_id, done, total)

    def _report(self, exc: Exception) -> None:
        log.exception("aligning %s failed", self._transcript.source.name)
        if not self._cancel.is_set():
            with contextlib.suppress(RuntimeError):  # the widget went away meanwhile
                self._signals.failed.emit(
                    self.job_id, f"alignment failed (internal error: {type(exc).__name__})")
