"""Reading a transcript file from disk, with one-line reasons a user can act on."""

from __future__ import annotations

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


class SourceFileError(ValueError):
    """Why a file cannot be read, in one line that names the file."""


def read_transcript_file(path: Path) -> bytes:
    """The file's bytes; `SourceFileError` for folders, huge, missing or unreadable files."""
    try:
        if path.is_dir():
            raise SourceFileError(f"{path}: is a folder, not a transcript file")
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise SourceFileError(f"{path}: file is too large ({size // (1024 * 1024)} MB; "
                                  f"the limit is {MAX_FILE_BYTES // (1024 * 1024)} MB)")
        return path.read_bytes()
    except FileNotFoundError:
        raise SourceFileError(f"{path}: no such file") from None
    except PermissionError:
        raise SourceFileError(f"{path}: permission denied") from None
    except OSError as exc:
        raise SourceFileError(f"{path}: cannot read ({exc.strerror or exc})") from None
