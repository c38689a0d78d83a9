"""Where a dragged selection's ends go: out to the edges of the English words they cut.

A mouse drag rarely starts and stops exactly between words; a highlight that keeps half a
word ("ces and reduce") quotes badly. Chinese has no spaces between words and is selected
character by character, so only letters and digits of other scripts snap. Pure functions
over one paragraph's text, so they can be tested without a widget.
"""

from __future__ import annotations

import unicodedata

_INNER = "'’-"  # inside a word when letters stand on both sides: company's, year-over-year


def _is_letter(ch: str) -> bool:
    """A letter or digit of a script written with spaces between words."""
    return ch.isalnum() and unicodedata.east_asian_width(ch) not in ("W", "F")


def _in_word(text: str, k: int) -> bool:
    if not 0 <= k < len(text):
        return False
    ch = text[k]
    if _is_letter(ch):
        return True
    return ch in _INNER and 0 < k < len(text) - 1 \
        and _is_letter(text[k - 1]) and _is_letter(text[k + 1])


def word_start(text: str, i: int) -> int:
    """`i` moved back to the start of the word it falls inside (unchanged between words)."""
    if not (_in_word(text, i - 1) and _in_word(text, i)):
        return i
    while i > 0 and _in_word(text, i - 1):
        i -= 1
    return i


def word_end(text: str, j: int) -> int:
    """`j` (an end, exclusive) moved on to the end of the word it falls inside."""
    if not (_in_word(text, j - 1) and _in_word(text, j)):
        return j
    while j < len(text) and _in_word(text, j):
        j += 1
    return j
