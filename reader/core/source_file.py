"""Reading a transcript file from disk, with one-line reasons a user can act on.

This is the one function that reads a transcript's bytes, for the window, the command line
and imports alike. Only regular files are read: a symbolic link is resolved first (a loop is
refused), and a FIFO, device or socket is refused by `stat` before anything is opened, since
reading one can block forever (a FIFO) or never end (/dev/zero). The size cap counts the bytes
actually read, not what `st_size` claims, and the file is checked again once open, so a file
swapped for something else in between is refused too.

File names are kept as the system gives them (undecodable bytes as surrogate escapes, so the
file can be found again); `readable_name` is the form to show.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Final

TEXT_SUFFIXES: Final = (".txt", ".text", ".md", ".markdown")
DOCUMENT_SUFFIXES: Final = (".pdf", ".docx", ".html", ".htm", ".vtt", ".srt", ".json")
"""Containers `reader.core.documents` turns into transcript text."""
TRANSCRIPT_SUFFIXES: Final = frozenset(TEXT_SUFFIXES + DOCUMENT_SUFFIXES)
"""What a folder import takes and the Open dialog offers; a file named explicitly is
always tried, whatever its name."""
DIALOG_FILTER: Final = ("Transcripts (" + " ".join(f"*{s}" for s in TEXT_SUFFIXES[:3]
                                                   + DOCUMENT_SUFFIXES) + ");;All files (*)")
"""The file dialogs' filter (Qt's `Name (*.a *.b);;...` form)."""

MAX_FILE_BYTES = 256 * 1024 * 1024
"""Larger files are refused: no real transcript comes near this, and reading one would
exhaust memory on an analyst's laptop."""
_CHUNK = 1024 * 1024


class SourceFileError(ValueError):
    """Why a file cannot be read, in one line that names the file."""


def readable_name(name: str | os.PathLike[str]) -> str:
    r"""A file name or path fit to show: bytes that are not UTF-8 appear as `\xNN`.

    The name itself keeps them as surrogate escapes (lossless, the file can be opened again);
    a surrogate cannot be encoded for a terminal, JSON consumer or database as it is.
    """
    text = os.fspath(name)
    if text.isascii():
        return text
    raw = text.encode("utf-8", "surrogateescape") if _has_surrogates(text) else None
    if raw is None:
        return text
    return raw.decode("utf-8", "backslashreplace")


def _has_surrogates(text: str) -> bool:
    return any("\ud800" <= ch <= "\udfff" for ch in text)


_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _not_regular(mode: int) -> str:
    for test, kind in _KINDS:
        if test(mode):
            return kind
    return "not a regular file"


def read_transcript_file(path: Path) -> bytes:
    """The file's bytes; `SourceFileError` for anything but a readable regular file of sane size."""
    shown = readable_name(path)
    try:
        try:
            real = path.resolve(strict=True)
        except RuntimeError:  # Python 3.11 reports a symlink loop this way
            raise SourceFileError(f"{shown}: symbolic link loop") from None
        info = os.stat(real)
        if stat.S_ISDIR(info.st_mode):
            raise SourceFileError(f"{shown}: is a folder, not a transcript file")
        if not stat.S_ISREG(info.st_mode):
            raise SourceFileError(f"{shown}: is {_not_regular(info.st_mode)}, "
                                  "not a transcript file")
        _check_size(shown, info.st_size)
        # O_NONBLOCK: should a FIFO take the file's place after the stat, open does not wait
        # for a writer; the fstat below then refuses it.
        fd = os.open(real, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise SourceFileError(f"{shown}: changed into something other than a file "
                                      "while being opened")
            return _read_capped(fd, shown)
        finally:
            os.close(fd)
    except FileNotFoundError:
        raise SourceFileError(f"{shown}: no such file") from None
    except PermissionError:
        raise SourceFileError(f"{shown}: permission denied") from None
    except OSError as exc:
        if exc.errno == getattr(os, "ELOOP", -1) or "loop" in str(exc).lower():
            raise SourceFileError(f"{shown}: symbolic link loop") from None
        raise SourceFileError(f"{shown}: cannot read ({exc.strerror or exc})") from None


def _check_size(shown: str, size: int) -> None:
    if size > MAX_FILE_BYTES:
        raise SourceFileError(f"{shown}: file is too large ({size // (1024 * 1024)} MB; "
                              f"the limit is {MAX_FILE_BYTES // (1024 * 1024)} MB)")


def _read_capped(fd: int, shown: str) -> bytes:
    """Read to the end, but never more than the cap plus one chunk (st_size can lie)."""
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = os.read(fd, _CHUNK)
        if not chunk:
            return b"".join(chunks)
        total += len(chunk)
        if total > MAX_FILE_BYTES:
            _check_size(shown, total)
        chunks.append(chunk)
