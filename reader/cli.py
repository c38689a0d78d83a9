"""Command line: `reader parse FILE [--json [--align]]`, `reader --version`; no arguments opens the app.

Qt is imported only when the window is asked for, so scripted use starts fast.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from reader import APP_NAME, __version__, cli_annotations, cli_library, cli_open

EXIT_USAGE = 2


class UserError(Exception):
    """A one-line message for the user; the CLI prints it and exits with status 2."""


def _cmd_parse(args: argparse.Namespace) -> int:
    from reader.core.outline import to_json, to_text
    from reader.core.pipeline import parse_bytes
    from reader.core.source_file import SourceFileError, read_transcript_file, readable_name

    path = Path(args.file)
    if args.align and not args.json:
        raise UserError("--align adds to the JSON outline: use it with --json")
    try:
        data = read_transcript_file(path)
    except SourceFileError as exc:
        raise UserError(str(exc)) from None
    try:
        transcript = parse_bytes(data, path.name, layout=args.layout)
    except ValueError as exc:  # DecodeError and unknown layout names
        raise UserError(f"{readable_name(path.name)}: {exc}") from None
    if args.json:
        alignment = None
        if args.align:
            from reader.core.align.transcript import align_transcript
            alignment = align_transcript(transcript)
        json.dump(to_json(transcript, alignment), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(to_text(transcript))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader", description=f"{APP_NAME}: read and annotate earnings-call transcripts.")
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument("--self-test", action="store_true",
                        help="check this installation offscreen: open the bundled example in "
                             "the window, switch script, highlight and export in a temporary "
                             "library")
    parser.add_argument("--db", metavar="PATH",
                        help="annotation library file, or a team library's postgresql:// URL "
                             "(default: $TRANSCRIPT_READER_DB, else the user data folder)")
    parser.add_argument("--yes", action="store_true",
                        help="migrate a team library on a server that needs it (back it up "
                             "with pg_dump first: the app cannot)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("parse", help="print the outline of a transcript file")
    p.add_argument("file", help="transcript file (any common encoding)")
    p.add_argument("--json", action="store_true", help="print the outline as JSON "
                   "(schema in docs/outline-schema.md)")
    p.add_argument("--align", action="store_true", help="with --json: add the sentence "
                   "alignment of Mandarin turns and their interpretation, with the figures "
                   "that differ")
    p.add_argument("--layout", help="skip detection and read the file in this layout")
    p.set_defaults(func=_cmd_parse)
    cli_annotations.register(sub)
    cli_library.register(sub)
    cli_open.register(sub)
    return parser


def _subcommands(parser: argparse.ArgumentParser) -> set[str]:
    for action in parser._actions:  # argparse keeps subparsers only here
        if isinstance(action, argparse._SubParsersAction):
            return set(action.choices)
    return set()


def _from_system(words: list[str]) -> list[str]:
    """What a desktop hands over (`Exec=… %U`): a `reader://` link becomes `open LINK`, and
    `file://` URLs become paths."""
    from reader.core.links import is_link

    if words and is_link(words[0]):
        return ["open", *words]
    if any(w.startswith("file://") for w in words):
        from urllib.parse import unquote, urlsplit

        return [unquote(urlsplit(w).path) if w.startswith("file://") else w for w in words]
    return words


def main(argv: Sequence[str] | None = None) -> int:
    """`reader` and `reader FILE...` open the window; `reader COMMAND ...` runs a command.

    A file that happens to be named like a command is opened with a path: `reader ./parse`.
    """
    words = _from_system(list(sys.argv[1:] if argv is None else argv))
    parser = build_parser()
    if not words or (words[0] not in _subcommands(parser) and not words[0].startswith("-")):
        from reader.cli_common import split_db_option
        from reader.ui.app import run_gui  # Qt loads only when the window is asked for

        paths, db = split_db_option(words)
        return run_gui(paths, db_path=db)
    args = parser.parse_args(words)
    if args.self_test:
        from reader.selftest import run_self_test

        return run_self_test()
    if args.command is None:  # `reader --db PATH`: the window, on that library
        from reader.ui.app import run_gui

        return run_gui([], db_path=args.db)
    # A name with bytes that are not UTF-8 must never stop a command at the terminal.
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, ValueError):
            stream.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
    try:
        return int(args.func(args))
    except UserError as exc:
        print(f"reader: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except MemoryError:
        print("reader: out of memory", file=sys.stderr)
        return EXIT_USAGE
    except Exception as exc:  # a bug: still one line, with what to report
        print(f"reader: internal error ({type(exc).__name__}: {str(exc)[:200]}); "
              "please report it", file=sys.stderr)
        return 70
