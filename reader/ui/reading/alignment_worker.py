"""The aligner, loaded by the first alignment job (run through reader.ui.jobs).

Its lexicon and number patterns cost tens of milliseconds that the window's start-up does not
need. A job only reads the transcript, which nothing edits, and checks its cancel flag
between pairs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the aligner loads with the first job
    from reader.core.align.transcript import TranscriptAlignment
    from reader.core.model import Transcript


def align_transcript(t: Transcript, *, progress: Callable[[int, int], None],
                     cancelled: Callable[[], bool]) -> TranscriptAlignment:
    """Align `t` (tests replace this function to hold or break a job)."""
    from reader.core.align.transcript import align_transcript as align

    return align(t, progress=progress, cancelled=cancelled)
