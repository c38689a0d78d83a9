"""What the commands share: the --db option, opening the library, one-line errors.

Nothing heavy is imported until a command runs, so `reader parse` stays fast.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.services.annotations import AnnotationService

EXIT_ERROR = 2
"""The user's input: a file that cannot be read, a bad option, a quote not found."""
EXIT_LIBRARY = 3
"""The library: damaged, read-only, disk full, busy, not a library, too new."""
Command = Callable[[argparse.Namespace], int]


def db_option(p: argparse.ArgumentParser) -> None:
    # SUPPRESS: a --db given before the command is not overwritten by this one's default.
    p.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS,
                   help="the annotation library file, or a team library's postgresql:// URL "
                        "(default: $TRANSCRIPT_READER_DB, else the user data folder)")
    p.add_argument("--yes", action="store_true", default=argparse.SUPPRESS,
                   help="migrate a team library on a server that needs it (back it up with "
                        "pg_dump first: the app cannot)")


def split_db_option(words: Sequence[str]) -> tuple[list[str], str | None]:
    """Files to open, and the value of a `--db PATH` / `--db=PATH` among them (the last wins)."""
    paths: list[str] = []
    db: str | None = None
    it = iter(words)
    for word in it:
        if word == "--db":
            db = next(it, None) or db
        elif word.startswith("--db="):
            db = word[len("--db="):] or db
        else:
            paths.append(word)
    return paths, db


def positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError("counts from 1")
    return n


def guarded(command: Command) -> Command:
    """Run a command; known failures become one line on stderr: exit 2 for the user's input,
    3 for the library."""

    def run(args: argparse.Namespace) -> int:
        from db.engine import DatabaseError  # `reader library` calls db's salvage directly
        from reader.core.source_file import readable_name
        from reader.services.errors import LibraryError, ServiceError

        try:
            status = command(args)
        except (LibraryError, DatabaseError) as exc:
            print(f"reader: {one_line(exc)}", file=sys.stderr)
            return EXIT_LIBRARY
        except ServiceError as exc:
            print(f"reader: {one_line(exc)}", file=sys.stderr)
            return EXIT_ERROR
        except BrokenPipeError:
            raise  # the reader of our output went away: main() ends quietly
        except OSError as exc:
            where = f"{readable_name(exc.filename)}: " if isinstance(exc.filename, str) else ""
            print(f"reader: {where}{exc.strerror or exc}", file=sys.stderr)
            return EXIT_ERROR
        note = getattr(args, "library_note", None)
        if note:  # a read-only library: the command worked, but say why nothing could be saved
            print(f"reader: {note}", file=sys.stderr)
        return status

    run.__name__ = command.__name__
    return run


def one_line(message: object) -> str:
    text = str(message)
    return text.splitlines()[0] if text else type(message).__name__


def open_service(args: argparse.Namespace) -> AnnotationService:
    """The library for a command; says on stderr when it is read-only or has to wait."""
    from reader.services.annotations import AnnotationService
    from reader.services.paths import resolve_db_path

    service = AnnotationService.open(resolve_db_path(getattr(args, "db", None)),
                                     allow_migration=bool(getattr(args, "yes", False)))
    db = service.db
    if db.health.read_only:
        args.library_note = f"{db.path.name}: {db.health.reason}"
    told = False

    def waiting(_seconds: float) -> None:
        nonlocal told
        if not told:
            told = True
            print(f"reader: {db.path.name}: waiting for the library (another program is "
                  "writing to it)…", file=sys.stderr, flush=True)

    db.on_wait = waiting
    wait = os.environ.get("TRANSCRIPT_READER_WRITE_WAIT")
    if wait:
        with contextlib.suppress(ValueError):
            db.write_wait = max(0.0, float(wait))
    return service
