"""The alignment's small vocabulary (flag kinds, sides), apart from the aligner itself.

Views and lists name these before any alignment exists; keeping them here lets them load
without the aligner's lexicon and number patterns, which only the alignment job needs.
"""

from __future__ import annotations

from enum import StrEnum


class AlignFlagKind(StrEnum):
    """What a flag is about, in the words of the outline schema."""

    NUMBER_MISMATCH = "number_mismatch"  # a figure stated differently on the two sides
    NUMBER_MISSING = "number_missing"  # a figure stated on one side only
    UNTRANSLATED = "untranslated"  # an original sentence with no interpretation


class Side(StrEnum):
    ORIGINAL = "original"
    INTERPRETATION = "interpretation"
