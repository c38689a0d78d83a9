"""Scripting commands over the annotation library: `reader export`, `reader annotate`, `reader highlights`, `reader import-annotations`.

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
    from reader.core.display import DisplayOptions
    from reader.services.annotations import AnnotationService

SCRIPTS = ("s", "t", "tw", "hk", "none")

def register(subparsers: Any) -> None:
    """Add `export`, `annotate` and `highlights` to the `reader` command's subparsers."""
    p = subparsers.add_parser(
        "export", help="write highlights as Markdown notes (or JSON/CSV data)",
        description="Write the transcripts' highlights as Markdown notes, quoted as the reading "
                    "view shows them, or as JSON/CSV data that `reader import-annotations` "
                    "restores. FILEs are brought into the library if they are not there yet.")
    p.add_argument("files", nargs="*", metavar="FILE", help="transcript files to export")
    p.add_argument("--all", action="store_true",
                   help="every transcript in the library with a matching highlight")
    _filters(p)
    p.add_argument("-o", "--output", metavar="OUT",
                   help="X.md: one Markdown file (a section per transcript); a folder (an "
                        "existing one, a name ending in /, or any name not ending in .md): one "
                        "note per transcript; without it the export goes to standard output")
    p.add_argument("--format", choices=("md", "json", "csv"), default="md",
                   help="md (default): notes to read; json or csv: data to import elsewhere "
                        "(schema in docs/annotations-schema.json)")
    p.add_argument("--obsidian", action="store_true",
                   help="quotes as callouts (> [!quote]) that Obsidian and Logseq fold")
    _view_options(p)
    db_option(p)
    p.set_defaults(func=guarded(_cmd_export))

    p = subparsers.add_parser(
        "import-annotations", help="restore highlights from a JSON or CSV export",
        description="Add the highlights, tags and notes of a `reader export --format json|csv` "
                    "file to this library: each call is found by its file hash (or as the same "
                    "call by company, period and date), each highlight placed on its text. "
                    "Highlights already there are skipped; ones whose text is gone are kept "
                    "as orphans and listed.")
    p.add_argument("file", metavar="FILE", help="a JSON or CSV export")
    db_option(p)
    p.set_defaults(func=guarded(_cmd_import_annotations))

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
        "edit-highlight", help="change a highlight's note, colour or tags",
        description="Change a highlight (ids from `reader highlights`). In a library with "
                    "roles only its author or an admin may. With --if-version, the change is "
                    "saved only if nobody has saved the highlight since that version; "
                    "otherwise nothing is saved and their text is shown.")
    p.add_argument("id", type=positive, metavar="ID", help="the highlight's id")
    p.add_argument("--note", metavar="N", help="the new note")
    p.add_argument("--colour", "--color", metavar="C", help="the new colour key or name")
    p.add_argument("--tag", action="append", metavar="T",
                   help="the new tag set (repeatable; replaces the old tags)")
    p.add_argument("--if-version", type=positive, metavar="N",
                   help="the version your edit is based on (`reader highlights --json`)")
    p.add_argument("--json", action="store_true", help="print the highlight as JSON")
    db_option(p)
    p.set_defaults(func=guarded(_cmd_edit_highlight))

    p = subparsers.add_parser(
        "delete-highlight", help="delete a highlight",
        description="Delete a highlight (ids from `reader highlights`); in a library with "
                    "roles only its author or an admin may.")
    p.add_argument("id", type=positive, metavar="ID", help="the highlight's id")
    db_option(p)
    p.set_defaults(func=guarded(_cmd_delete_highlight))

    p = subparsers.add_parser(
        "highlights", help="list a transcript's highlights",
        description="List the highlights of a transcript file in reading order.")
    p.add_argument("file", metavar="FILE", help="transcript file")
    _filters(p)
    p.add_argument("--author", action="append", default=[], metavar="NAME",
                   help="only highlights made by NAME (`mine`: yours; repeatable: any of them)")
    p.add_argument("--json", action="store_true", help="print JSON (for scripts)")
    _view_options(p)
    db_option(p)
    p.set_defaults(func=guarded(_cmd_highlights))


def _view_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--script", choices=SCRIPTS, default="none",
                   help="Chinese script of quotes, contexts and notes: s(implified), "
                        "t(raditional), tw (Taiwan), hk (Hong Kong), none (as stored; default)")
    p.add_argument("--hide-fillers", action="store_true",
                   help="leave out fillers (嗯, 呃, uh, um) as the reading view can")
    p.add_argument("--raw", action="store_true",
                   help="the source text exactly as stored: no joined spacing, no conversion")


def _display(args: argparse.Namespace) -> DisplayOptions | None:
    from reader.core.passages import display_options

    return display_options(args.script, raw=args.raw, hide_fillers=args.hide_fillers)


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
    from reader.services.notes import (
        export_documents,
        export_inputs,
        export_records,
        export_single_file,
        records_to_csv,
    )

    if args.all == bool(args.files):
        print("reader: export: give FILE... or --all (not both)", file=sys.stderr)
        return EXIT_ERROR
    out = Path(args.output) if args.output else None
    as_folder = out is not None and (
        out.is_dir() or str(args.output).endswith(("/", os.sep))
        or (args.format == "md" and out.suffix.lower() != ".md"))
    if out is not None and as_folder and args.format != "md":
        print(f"reader: export: --format {args.format} writes one file; give -o FILE",
              file=sys.stderr)
        return EXIT_ERROR
    if as_folder and out is not None and out.exists() and not out.is_dir():
        print(f"reader: {out}: is a file; give a folder for one note per transcript",
              file=sys.stderr)
        return EXIT_ERROR
    with open_service(args) as service:
        ids = None if args.all else [_open(service, f) for f in args.files]
        if args.format != "md":
            data = export_records(service, ids, tags=args.tag, colours=args.colour)
            body = (json.dumps(data, ensure_ascii=False, indent=1) + "\n"
                    if args.format == "json" else records_to_csv(data))
            inputs = []
        else:
            inputs = export_inputs(service, ids, tags=args.tag, colours=args.colour,
                                   options=_display(args), obsidian=args.obsidian)
    if args.format != "md":
        if out is None:
            sys.stdout.write(body)
        else:
            write_text_atomic(out, body)
            print(out)
        return 0
    if not inputs:
        print("reader: no highlights to export", file=sys.stderr)
        return 0
    if out is None:
        if len(inputs) > 1:
            print(f"reader: export: {len(inputs)} transcripts to export; give -o FILE.md for "
                  "one file or -o FOLDER/ for one note each", file=sys.stderr)
            return EXIT_ERROR
        sys.stdout.write(export_single_file(inputs))
        return 0
    if as_folder:
        for path in write_documents(export_documents(inputs), out):
            print(path)
    else:
        write_text_atomic(out, export_single_file(inputs))
        print(out)
    return 0


def _cmd_import_annotations(args: argparse.Namespace) -> int:
    from reader.services.notes import import_records, read_records

    data = read_records(Path(args.file))
    with open_service(args) as service:
        report = import_records(service, data)
    for label in report.missing:
        print(f"reader: not in this library: {label} (import its transcript first)",
              file=sys.stderr)
    for orphan in report.orphans:
        print(f"orphan: {orphan}")
    print(f"{readable_name(Path(args.file).name)}: {report.line()}")
    return EXIT_ERROR if report.missing and not report.added and not report.duplicates else 0


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


def _cmd_edit_highlight(args: argparse.Namespace) -> int:
    with open_service(args) as service:
        h = service.update_highlight(args.id, note=args.note, colour=args.colour,
                                     tags=args.tag, expected_version=args.if_version)
        names = {c.key: c.display_name for c in service.colours()}
    if args.json:
        print(json.dumps(_highlight_json(h, names, None), ensure_ascii=False))
    else:
        print(f"saved highlight {h.id} (version {h.version}, by {h.note_author or h.author}): "
              f"{_snippet(h.quote)}")
    return 0


def _cmd_delete_highlight(args: argparse.Namespace) -> int:
    with open_service(args) as service:
        h = service.delete_highlight(args.id)
    print(f"deleted highlight {h.id}: {_snippet(h.quote)}")
    return 0


def _cmd_highlights(args: argparse.Namespace) -> int:
    from reader.core.align.transcript import align_transcript
    from reader.core.passages import PassageView

    with open_service(args) as service:
        tid = _open(service, args.file)
        info = service.transcript(tid)
        highlights = service.highlights(tid, tags=args.tag, colours=args.colour,
                                        authors=args.author)
        names = {c.key: c.display_name for c in service.colours()}
        outline = service.outline(tid)
    options = _display(args)
    interpreted = any(t.interprets for t in outline.turns)
    view = PassageView(outline, outline.text, options,
                       align_transcript(outline) if interpreted and highlights else None)
    speakers = {t.index: view.user_text(outline.speaker_of(t).label) for t in outline.turns}
    if args.json:
        items = []
        for h in highlights:
            item = _highlight_json(h, names, speakers)
            item["shown"] = _shown(view, h)
            item["note_shown"] = view.user_text(h.note)
            at = None if h.orphaned else view.turn_at(h.start, h.end)
            if at is not None:
                speaking = view.speaking(at)
                item["speaks_for"] = speaking.speaks_for
                item["section"] = speaking.section
            item["context"] = [] if h.orphaned else [
                {"kind": c.kind, "speaker": c.speaker.label, "text": c.text,
                 "spans": [list(s) for s in c.spans]}
                for c in view.counterparts(h.start, h.end)]
            items.append(item)
        json.dump({"transcript": {"id": info.id, "sha256": info.sha256, "title": info.label,
                                  "company": info.company, "period": info.period,
                                  "date": info.date, "source": readable_name(info.source_name)},
                   "highlights": items},
                  sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    for h in highlights:
        who = "" if h.turn_index is None else f"{speakers.get(h.turn_index, '?')}: "
        where = "orphaned" if h.orphaned else f"{h.start}-{h.end}"
        line = (f"{h.id:>5}  {where:<11}  [{names.get(h.colour, h.colour)}]  {who}"
                f"{_snippet(_shown(view, h))}")
        if h.tags:
            line += "  " + " ".join(f"#{t}" for t in h.tags)
        if h.note:
            line += f"  — {_snippet(view.user_text(h.note), 40)}"
        print(line)
    return 0


def _shown(view: Any, h: Any) -> str:
    """The quote as the chosen view shows it (an orphan's stored text, through the same view)."""
    from reader.core.passages import PassageView

    if h.orphaned:
        return str(PassageView(None, h.quote, view.options).text(0, len(h.quote)))
    return str(view.text(h.start, h.end))


def _highlight_json(h: Any, names: dict[str, str],
                    speakers: dict[int, str] | None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": h.id, "start": h.start, "end": h.end, "quote": h.quote, "colour": h.colour,
        "colour_name": names.get(h.colour, h.colour), "tags": list(h.tags), "note": h.note,
        "orphaned": h.orphaned, "turn": h.turn_index,
        "created_at": h.created_at.isoformat(), "updated_at": h.updated_at.isoformat(),
        "author": h.author, "note_author": h.note_author, "version": h.version,
    }
    if speakers is not None:
        data["speaker"] = speakers.get(h.turn_index) if h.turn_index is not None else None
    return data


def _snippet(text: str, width: int = 70) -> str:
    flat = " ".join(text.split())
    return "“" + (flat if len(flat) <= width else flat[: width - 1] + "…") + "”"
