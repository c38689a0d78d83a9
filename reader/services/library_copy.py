"""Moving a library: `reader library copy SRC DST` between a file and a server, either way.

The work is db.library_copy's (rows matched by what they are, so a second run adds
nothing); here both libraries are opened as the user named them, errors become the
services' one-line ones, and the report says whether the highlights arrived whole (the
target's checksum over the source's highlights equals the source's).
"""

from __future__ import annotations

from pathlib import Path

from db.engine import open_database
from db.library_copy import CopyReport, Progress, copy_library
from reader.services.errors import AnnotationError, library_errors
from reader.services.paths import is_server_url

__all__ = ["CopyReport", "copy"]


def _same(a: Path | str, b: Path | str) -> bool:
    if is_server_url(str(a)) or is_server_url(str(b)):
        return str(a) == str(b)
    return Path(a).expanduser().resolve() == Path(b).expanduser().resolve()


def copy(source: Path | str, target: Path | str, *, progress: Progress | None = None,
         allow_migration: bool = False) -> CopyReport:
    """Copy the library at `source` (a file or a postgresql:// URL) into `target` (created
    if new). A source file must exist; a server library may need `allow_migration`."""
    if _same(source, target):
        raise AnnotationError("library copy: the source and the target are the same library")
    if not is_server_url(str(source)) and not Path(source).expanduser().is_file():
        raise AnnotationError(f"library copy: no library at {source}")
    with library_errors():
        src = open_database(source, allow_migration=allow_migration)
        try:
            dst = open_database(target, allow_migration=allow_migration)
            try:
                if dst.read_only:
                    raise AnnotationError(f"library copy: {dst.path.name} cannot be written "
                                          f"({dst.health.reason})")
                return copy_library(src, dst, progress=progress)
            finally:
                dst.close()
        finally:
            src.close()
