"""Scripting commands over the annotation library: `reader export`, `reader annotate`, `reader highlights`.

Nothing heavy is imported until a command runs, so `reader parse` stays as fast as before.
The library file is `--db PATH` (given before or after the command), else
$TRANSCRIPT_READER_DB, else the user data folder. Errors are one line on stderr, exit 2.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.cli_common import EXIT_ERROR, db_option, guarded, open_service, positive
from reader.core.source_file import readable_name

if TYPE_CHECKING:
    from reader.services.annotations import AnnotationService

def register(subparsers: Any) -> None:
    """Add `export`, `annotate` and `highlights` to the `reader` command's subparsers."""
    p = subparsers.add_parser(
        "export", help="write highlights as Markdown notes",
        description="Write each transcript's highlights as a Markdown note. FILEs are brought "
                    "into the library if they are not there yet.")
    p.add_argument("files", nargs="*", metavar="FILE", help="transcript files to export")
    p.add_argument("--all", action="store_true",
                   help="every transcript in the library with a matching highlight")
    _filters(p)
    p.add_argument("-o", "--output", metavar="OUT",
                   help="a .md file (one transcript) or a folder (one note per transcript); "
                        "without it a single note goes to standard output")
    db_option(p)
    p.set_defaults(func=guarded(_cmd_export))

    p = subparsers.add_parser(
        "annotate", help="highlight a quoted passage",
        description="Highlight the passage quoted with --quote: exact text first, then ignoring "
                    "spacing (also the spaces speech recognition puts between Chinese "
                    "characters). The file is brought into the library if needed.")
    p.add_argument("file", metavar="FILE", help="transcript file")
    p.add_argument("--quote", required=True, metavar="TEXT", help="the passage to highlight")
    p.add_argument("--tag", action="append", default=[], metavar="T",
                   help="tag the highlight (repeatable)")
    p.add_argument("--colour", "--color", metavar="C",
                   help="colour key or name (yellow/Guidance, red/Risk, green/Numbers, "
                        "blue/Question by default)")
    p.add_argument("--note", default="", metavar="N", help="a note on the highlight")
    p.add_argument("--occurrence", type=positive, metavar="N",
                   help="which match to take when the quote occurs more than once (1 = first)")
    p.add_argument("--json", action="store_true", help="print the new highlight as JSON")
    db_option(p)
    p.set_defaults(func=guarded(_cmd_annotate))

    p = subparsers.add_parser(
        "highlights", help="list a transcript's highlights",
        description="List the highlights of a transcript file in reading order.")
    p.add_argument("file", metavar="FILE", help="transcript file")
    _filters(p)
    p.add_argument("--json", action="store_true", help="print JSON (for scripts)")
    db_option(p)
    p.set_defaults(func=guarded(_cmd_highlights))


def _filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--tag", action="append", default=[], metavar="T",
                   help="only highlights with this tag (repeatable: any of them)")
    p.add_argument("--colour", "--color", action="append", default=[], metavar="C",
                   help="only highlights of this colour, key or name (repeatable: any of them)")


def _open(service: AnnotationService, file: str) -> int:
    """The library id of a transcript file, importing it (or its new version) first."""
    from reader.services.annotations import ImportStatus

    result = service.import_file(Path(file))
    if result.status is ImportStatus.NEW_VERSION and result.report and result.report.orphaned:
        n = len(result.report.orphaned)
        print(f"reader: {readable_name(Path(file).name)}: new version; {n} highlight{'s' if n > 1 else ''} "
              "could not be placed and are kept as orphaned", file=sys.stderr)
    return result.transcript.id


def _cmd_export(args: argparse.Namespace) -> int:
    from reader.services.annotations import write_documents, write_text_atomic

    if args.all == bool(args.files):
        print("reader: export: give FILE... or --all (not both)", file=sys.stderr)
        return EXIT_ERROR
    with open_service(args) as service:
        ids = None if args.all else [_open(service, f) for f in args.files]
        docs = service.export(ids, tags=args.tag, colours=args.colour)
    if not docs:
        print("reader: no highlights to export", file=sys.stderr)
        return 0
    out = Path(args.output) if args.output else None
    if out is None:
        if len(docs) > 1:
            print(f"reader: export: {len(docs)} transcripts to export; give -o FOLDER",
                  file=sys.stderr)
            return EXIT_ERROR
        sys.stdout.write(docs[0].markdown)
        return 0
    folder = (out.is_dir() or len(docs) > 1 or args.all
              or str(args.output).endswith(("/", os.sep)) or out.suffix.lower() != ".md")
    if folder:
        if out.exists() and not out.is_dir():
            print(f"reader: {out}: is a file; give a folder for several notes", file=sys.stderr)
            return EXIT_ERROR
        for path in write_documents(docs, out):
            print(path)
    else:
        write_text_atomic(out, docs[0].markdown)
        print(out)
    return 0


def _cmd_annotate(args: argparse.Namespace) -> int:
    with open_service(args) as service:
        tid = _open(service, args.file)
        h = service.add_highlight_by_quote(tid, args.quote, occurrence=args.occurrence,
                                           colour=args.colour, note=args.note, tags=args.tag)
        names = {c.key: c.display_name for c in service.colours()}
        if args.json:
            print(json.dumps(_highlight_json(h, names, None), ensure_ascii=False))
        else:
            print(f"added highlight {h.id} at {h.start}-{h.end} ({names.get(h.colour, h.colour)}): "
                  f"{_snippet(h.quote)}")
    return 0


def _cmd_highlights(args: argparse.Namespace) -> int:
    with open_service(args) as service:
        tid = _open(service, args.file)
        info = service.transcript(tid)
        highlights = service.highlights(tid, tags=args.tag, colours=args.colour)
        names = {c.key: c.display_name for c in service.colours()}
        outline = service.outline(tid)
    speakers = {}
    for turn in outline.turns:
        speakers[turn.index] = outline.speaker_of(turn).label
    if args.json:
        json.dump({"transcript": {"id": info.id, "sha256": info.sha256, "title": info.label,
                                  "company": info.company, "period": info.period,
                                  "date": info.date, "source": readable_name(info.source_name)},
                   "highlights": [_highlight_json(h, names, speakers) for h in highlights]},
                  sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    for h in highlights:
        who = "" if h.turn_index is None else f"{speakers.get(h.turn_index, '?')}: "
        where = "orphaned" if h.orphaned else f"{h.start}-{h.end}"
        line = f"{h.id:>5}  {where:<11}  [{names.get(h.colour, h.colour)}]  {who}{_snippet(h.quote)}"
        if h.tags:
            line += "  " + " ".join(f"#{t}" for t in h.tags)
        if h.note:
            line += f"  — {_snippet(h.note, 40)}"
        print(line)
    return 0


def _highlight_json(h: Any, names: dict[str, str],
                    speakers: dict[int, str] | None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": h.id, "start": h.start, "end": h.end, "quote": h.quote, "colour": h.colour,
        "colour_name": names.get(h.colour, h.colour), "tags": list(h.tags), "note": h.note,
        "orphaned": h.orphaned, "turn": h.turn_index,
        "created_at": h.created_at.isoformat(), "updated_at": h.updated_at.isoformat(),
    }
    if speakers is not None:
        data["speaker"] = speakers.get(h.turn_index) if h.turn_index is not None else None
    return data


def _snippet(text: str, width: int = 70) -> str:
    flat = " ".join(text.split())
    return "“" + (flat if len(flat) <= width else flat[: width - 1] + "…") + "”"
