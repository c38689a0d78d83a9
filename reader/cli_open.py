"""`reader open URL`: follow a `reader://open?…` back-link to its call in the library, at the passage.

The call is found by the hash the link names (any version of it the library has seen) and
opened from its stored text, so the original file is not needed. When a window is already
open on the library, the link is handed to it (reader.ui.window.single_instance) and this
launch exits at once. A link to a call the
library does not have says so in one line (exit 2). `--print` says where the link points
without opening the window (for scripts).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from reader.cli_common import EXIT_ERROR, db_option, guarded, open_service


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "open", help="open a reader:// back-link at its passage",
        description="Open the call a reader://open?sha256=…&start=…&end=… link names, from "
                    "the library, with the passage selected.")
    p.add_argument("url", metavar="URL", help="a reader://open?… link from an exported note")
    p.add_argument("--print", action="store_true",
                   help="print the call and passage instead of opening the window")
    db_option(p)
    p.set_defaults(func=guarded(_cmd_open))


def _cmd_open(args: argparse.Namespace) -> int:
    from reader.core.links import LinkError, parse_link
    from reader.services.paths import resolve_db_path

    try:
        link = parse_link(args.url)
    except LinkError as exc:
        print(f"reader: {exc}", file=sys.stderr)
        return EXIT_ERROR
    db_path = resolve_db_path(getattr(args, "db", None))
    if not args.print:
        # A window already open on this library follows the link itself (and says there if
        # the call is not in the library), without this launch opening the library first.
        # Only the socket's module loads for that (QtCore and QtNetwork), not the window's.
        from reader.ui.window.single_instance import hand_off, server_name

        if hand_off(server_name(db_path), [args.url]):
            return 0
    with open_service(args) as service:
        info = service.find_transcript(link.sha256)
        text = service.transcript_text(info.id) if info is not None else ""
    if info is None:
        print(f"reader: the call this link points to (sha256 {link.sha256[:12]}…) is not in "
              "the library; import its transcript first", file=sys.stderr)
        return EXIT_ERROR
    start, end = link.start, link.end
    moved = info.sha256 != link.sha256 or end > len(text)
    if moved:  # an older version's offsets: open the call without pretending to find the passage
        print(f"reader: {info.label}: the transcript was corrected since this link was made; "
              "opening the call without the passage", file=sys.stderr)
        start = end = 0
    if args.print:
        print(f"{info.id}\t{info.label}\t{start}-{end}\t{text[start:end]}")
        return 0
    return open_window(db_path, info.id, start, end, select=not moved)


def open_window(db_path: Path | str, transcript_id: int, start: int, end: int, *,
                select: bool = True) -> int:
    """The window on `db_path` with the call open and `[start, end)` selected."""
    from reader.ui.app import (  # Qt loads only here
        create_app,
        create_window,
        serve_other_launches,
        take_open_events,
    )
    from reader.ui.language import install_translators
    from reader.ui.settings import Settings

    app = create_app()
    settings = Settings.open_default()
    install_translators(app, settings.language)  # as `reader` does: the chosen language
    window = create_window(settings, db_path=db_path)
    take_open_events(app, window)
    serve_other_launches(window, db_path)
    window.show()
    show_passage(window, transcript_id, start, end, select=select)
    return int(app.exec())


def show_passage(window: Any, transcript_id: int, start: int, end: int, *,
                 select: bool = True) -> None:
    """Open a stored call in `window` at a passage, through the window's search-result path
    (`MainWindow.open_stored`), which selects a span and brings it into view."""
    from reader.services.search import SearchResult

    if not select:
        window.open_stored(transcript_id)
        return
    info = SearchResult(
        transcript_id=transcript_id, sha256="", company=None, ticker=None, title=None,
        period=None, date=None, source_name="", kind="paragraph", highlight_id=None,
        turn_index=None, speaker=None, speaker_kind=None, section=None, start=start, end=end,
        hit_start=start, hit_end=end, snippet="", marks=())
    window.open_stored(transcript_id, info)
