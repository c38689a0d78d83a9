"""What the commands share: the --db option, opening the library, one-line errors.

Nothing heavy is imported until a command runs, so `reader parse` stays fast.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.services.annotations import AnnotationService

EXIT_ERROR = 2
Command = Callable[[argparse.Namespace], int]


def db_option(p: argparse.ArgumentParser) -> None:
    # SUPPRESS: a --db given before the command is not overwritten by this one's default.
    p.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS,
                   help="the annotation library file (default: $TRANSCRIPT_READER_DB, "
                        "else the user data folder)")


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
    """Run a command; known failures become one line on stderr and exit status 2."""

    def run(args: argparse.Namespace) -> int:
        from reader.services.errors import ServiceError

        try:
            return command(args)
        except ServiceError as exc:
            print(f"reader: {exc}", file=sys.stderr)
            return EXIT_ERROR
        except OSError as exc:
            where = f"{exc.filename}: " if exc.filename else ""
            print(f"reader: {where}{exc.strerror or exc}", file=sys.stderr)
            return EXIT_ERROR

    run.__name__ = command.__name__
    return run


def open_service(args: argparse.Namespace) -> AnnotationService:
    from reader.services.annotations import AnnotationService
    from reader.services.paths import resolve_db_path

    return AnnotationService.open(resolve_db_path(getattr(args, "db", None)))
