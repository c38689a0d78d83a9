"""Aligning a transcript's Mandarin turns with their interpretation off the UI thread.

A job reports through a signals object created on the UI thread, so results arrive as
queued calls there. The widget and the job both hold that object, and it has no Qt parent:
a widget deleted while its job runs takes its connections with it, and the object lives on
until the job lets go of it, so the job never emits on a deleted object (a parented one
would be deleted with the widget, mid-emit from the pool's thread). A job only reads the
transcript, which nothing edits, and checks its cancel flag between pairs.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, Signal

if TYPE_CHECKING:
    from reader.core.align.transcript import TranscriptAlignment
    from reader.core.model import Transcript

log = logging.getLogger(__name__)


def align_transcript(t: Transcript, *, progress: Callable[[int, int], None],
                     cancelled: Callable[[], bool]) -> TranscriptAlignment:
    """The aligner, imported by the first job: its lexicon and number patterns cost tens of
    milliseconds that the window's start-up does not need."""
    from reader.core.align.transcript import align_transcript as align

    return align(t, progress=progress, cancelled=cancelled)


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
        except Exception as exc:
            # An aligner bug must not take the app down; the reading view stays usable.
            log.exception("aligning %s failed", self._transcript.source.name)
            self._emit("failed", self.job_id,
                       f"alignment failed (internal error: {type(exc).__name__})")
            return
        self._emit("aligned", self.job_id, result)

    def _progress(self, done: int, total: int) -> None:
        self._emit("progressed", self.job_id, done, total)

    def _emit(self, name: str, *args: object) -> None:
        if not self._cancel.is_set():
            getattr(self._signals, name).emit(*args)
