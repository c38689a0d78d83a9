"""Qt widgets of the desktop app: the reading view, the main window and their parts."""

from __future__ import annotations

import sys


def _keep_singletons_alive() -> None:
    """Make None, True and False unkillable on Python < 3.12, as 3.12 does (PEP 683).

    PySide6 6.12.0's stable-ABI wheels were built with headers whose `Py_RETURN_NONE` /
    `Py_RETURN_TRUE` skip the reference increment for the 3.11-and-older limited API
    (https://github.com/python/cpython/issues/134989). Every call of a void Qt method (and
    every signal emit) then takes one reference from None (or True) and the process aborts
    with "deallocating None" after a few thousand calls. The three objects are static and
    never freed, so a huge reference count is harmless; Python 3.12+ needs nothing.
    """
    if sys.version_info >= (3, 12):
        return
    import ctypes

    for obj in (None, True, False):
        refcnt = ctypes.c_ssize_t.from_address(id(obj))
        refcnt.value += 1 << 40


_keep_singletons_alive()
