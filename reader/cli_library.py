"""Library commands: `reader import PATH...`, `reader search QUERY`, and `reader library`
(list, companies, set-meta, refresh-meta; check, restore).

Nothing heavy is imported until a command runs. The library file is `--db PATH` (before or
after the command), else $TRANSCRIPT_READER_DB, else the user data folder. Errors are one
line on stderr with exit status 2; `import` exits 1 when some files failed, and `search`
exits 1 when nothing matched (as grep does).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reader.cli_common import (
    EXIT_ERROR,
    EXIT_LIBRARY,
    db_option,
    guarded,
    open_service,
    positive,
)
from reader.core.source_file import readable_name

EXIT_SOME_FAILED = 1
EXIT_NO_MATCH = 1
_BOLD, _PLAIN = "\033[1m", "\033[0m"


def register(subparsers: Any) -> None:
    """Add `import` and `search` to the `reader` command's subparsers."""
    p = subparsers.add_parser(
        "import", help="bring transcript files and folders into the library",
        description="Import transcript files, and the transcript files inside folders "
                    "(recursively: .txt, .md, .pdf, .docx, .html, .vtt, .srt, .json), into the library and its search index. Files already "
                    "there are skipped; files that cannot be read are listed and the rest go "
                    "on. Ctrl+C stops after the file being stored.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="transcript files or folders")
    p.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1), metavar="N",
                   help="processes parsing files in parallel (default: %(default)s)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress line")
    db_option(p)
    p.set_defaults(func=guarded(_cmd_import))

    p = subparsers.add_parser(
        "search", help="search every transcript in the library",
        description="Search paragraphs, highlight quotes, notes and tags of every call in the "
                    "library. Words must all occur; word* matches a prefix; \"quoted words\" "
                    "a phrase; a OR b either. Chinese matches in simplified and traditional "
                    "script (营收 finds 營收; 用户 finds 使用者).")
    p.add_argument("query", nargs="+", metavar="QUERY", help="what to look for")
    p.add_argument("--company", metavar="C", help="part of the company name, or the ticker")
    p.add_argument("--period", metavar="P", help="one period (Q3 2024, 2024Q3, FY 2024)")
    p.add_argument("--from", dest="period_from", metavar="P", help="from this period on")
    p.add_argument("--to", dest="period_to", metavar="P", help="up to this period")
    p.add_argument("--section", choices=["qa", "presentation", "summary"],
                   help="only this part of the calls")
    p.add_argument("--speaker-kind", choices=["executive", "analyst", "operator", "interpreter"],
                   help="only what speakers of this kind said")
    p.add_argument("--has-highlight", action="store_true",
                   help="only highlights and highlighted paragraphs")
    p.add_argument("--limit", type=int, default=20, metavar="N",
                   help="at most N results (default: %(default)s)")
    p.add_argument("--json", action="store_true", help="print JSON (for scripts)")
    db_option(p)
    p.set_defaults(func=guarded(_cmd_search))

    _register_library(subparsers)


def _register_library(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "library", help="list, group and edit the library's calls; check or restore the file",
        description="The calls in the library with their company, ticker, period and date; "
                    "checking, salvaging and restoring the library file.")
    sub = p.add_subparsers(dest="library_command", metavar="ACTION", required=True)
    for action, text in (
            ("check", "run SQLite's full integrity check; if the library is damaged, copy "
                      "every row that can still be read into a new file beside it (the "
                      "library itself is never changed)"),
            ("restore", "put a verified backup (the newest one by default) or a salvaged "
                        "copy in the library's place; the current file is kept, renamed")):
        q = sub.add_parser(action, help=text.split(";")[0], description=text)
        if action == "restore":
            q.add_argument("file", nargs="?", metavar="FILE",
                           help="the backup or salvaged copy to restore")
        db_option(q)
        q.set_defaults(func=guarded(_cmd_library), action=action, file=None)
    q = sub.add_parser("list", help="every call: id, company, ticker, period, date, file",
                       description="List the calls, filtered by part of the company, ticker, "
                                   "title or file name.")
    q.add_argument("filter", nargs="?", default="", metavar="TEXT", help="only calls matching")
    q.add_argument("--json", action="store_true", help="print JSON (for scripts)")
    db_option(q)
    q.set_defaults(func=guarded(_cmd_library_list))
    q = sub.add_parser("companies", help="calls grouped by company (by ticker across renames)")
    q.add_argument("--json", action="store_true", help="print JSON (for scripts)")
    db_option(q)
    q.set_defaults(func=guarded(_cmd_library_companies))
    q = sub.add_parser(
        "set-meta", help="set a call's company, ticker, period or date",
        description="Store your own company, ticker, period or date for a call (see `reader "
                    "library list` for ids). They are kept when the file is imported again and "
                    "used by search filters and the export. An empty value means none; --reset "
                    "goes back to what was read from the file.")
    q.add_argument("id", type=positive, metavar="ID", help="the call's library id")
    for name in ("company", "ticker", "period", "date"):
        q.add_argument(f"--{name}", metavar=name.upper())
    q.add_argument("--reset", action="append", default=[], metavar="FIELD",
                   choices=["company", "ticker", "period", "date"],
                   help="forget your value for this field (repeatable)")
    db_option(q)
    q.set_defaults(func=guarded(_cmd_library_set_meta))
    q = sub.add_parser(
        "copy", help="copy a whole library into another (a file or a postgresql:// URL)",
        description="Copy every call (with its stored text and earlier versions' hashes), "
                    "highlight, tag, note, colour name, role and the user's own metadata from "
                    "SRC into DST, a library file or a team library's postgresql:// URL, in "
                    "either direction; DST is created if new. Rows DST already has are kept, "
                    "so running it again adds nothing. Ends with the counts and a checksum of "
                    "the highlights on both sides.")
    q.add_argument("source", metavar="SRC", help="the library to copy from")
    q.add_argument("target", metavar="DST", help="the library to copy into")
    q.add_argument("--yes", action="store_true", default=argparse.SUPPRESS,
                   help="migrate a team library that needs it (back it up with pg_dump first)")
    q.set_defaults(func=guarded(_cmd_library_copy))
    q = sub.add_parser(
        "roles", help="who may do what in a shared library",
        description="The users the library names with their roles: reader (reads only), "
                    "member (adds highlights, edits and deletes their own; everyone not "
                    "listed), admin (edits anyone's, sets roles). A library with no roles is "
                    "a personal one: nothing is checked.")
    db_option(q)
    q.set_defaults(func=guarded(_cmd_library_roles))
    q = sub.add_parser(
        "grant", help="give a user a role (admins only)",
        description="Give USER the role reader, member or admin; the first grant in a library "
                    "also makes you (the OS user, or $TRANSCRIPT_READER_USER) its admin.")
    q.add_argument("user", metavar="USER")
    q.add_argument("role", choices=["reader", "member", "admin"], metavar="ROLE",
                   help="reader, member or admin")
    db_option(q)
    q.set_defaults(func=guarded(_cmd_library_grant))
    q = sub.add_parser(
        "refresh-meta", help="read every call's metadata again with this version's parser",
        description="Read company, ticker, period and date again from each stored call; "
                    "values you set yourself stay.")
    db_option(q)
    q.set_defaults(func=guarded(_cmd_library_refresh_meta))


def _cmd_library_copy(args: argparse.Namespace) -> int:
    from reader.services.library_copy import copy
    from reader.services.paths import is_server_url

    def location(value: str) -> str | Path:
        return value if is_server_url(value) else Path(value).expanduser()

    shown = sys.stderr.isatty()
    last = [""]

    def progress(what: str, done: int, total: int) -> None:
        line = f"copying {what}: {done}/{total}"
        if shown:
            print(f"\r{line}\033[K", end="", file=sys.stderr, flush=True)
        elif done == total and last[0] != what:  # a log: one line per finished stage
            print(line, file=sys.stderr, flush=True)
            last[0] = what

    report = copy(location(args.source), location(args.target), progress=progress,
                  allow_migration=bool(getattr(args, "yes", False)))
    if shown:
        print(file=sys.stderr)
    for table in ("colours", "roles", "calls", "versions", "tags", "highlights"):
        added, updated = report.added.get(table, 0), report.updated.get(table, 0)
        kept = report.kept.get(table, 0)
        total = report.totals.get(table)
        tail = f" ({total} there now)" if total is not None else ""
        print(f"{table}: {added} added, {updated} updated, {kept} already there{tail}")
    match = report.source_checksum == report.target_checksum
    print(f"highlights checksum: source {report.source_checksum[:16]}, target "
          f"{report.target_checksum[:16]}: {'match' if match else 'DIFFERENT'}")
    if not match:
        print("reader: library copy: the target's highlights differ from the source's",
              file=sys.stderr)
        return EXIT_LIBRARY
    return 0


def _cmd_library_roles(args: argparse.Namespace) -> int:
    with open_service(args) as service:
        roles = service.roles()
        me, mine = service.user, service.role()
    if not roles:
        print(f"no roles: a personal library, where everyone may change everything ({me})")
        return 0
    for user, role in roles:
        print(f"{user}\t{role}")
    print(f"you are {me}: {mine}")
    return 0


def _cmd_library_grant(args: argparse.Namespace) -> int:
    with open_service(args) as service:
        service.set_role(args.user, args.role)
    print(f"{args.user} is now {args.role}")
    return 0


def _info_json(i: Any) -> dict[str, Any]:
    return {"id": i.id, "company": i.company, "ticker": i.ticker, "period": i.period,
            "date": i.date, "title": i.title, "source": i.source_name,
            "highlights": i.highlight_count}


def _info_line(i: Any) -> str:
    cells = [str(i.id), i.company or "-", i.ticker or "-", i.period or "-", i.date or "-",
             i.source_name]
    return "\t".join(cells)


def _cmd_library_list(args: argparse.Namespace) -> int:
    from reader.services.library import LibraryService

    with open_service(args) as service:
        infos = LibraryService(service).filtered(args.filter)
    if args.json:
        json.dump([_info_json(i) for i in infos], sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        for i in infos:
            print(_info_line(i))
    return 0


def _cmd_library_companies(args: argparse.Namespace) -> int:
    from reader.services.library import LibraryService

    with open_service(args) as service:
        groups = LibraryService(service).companies()
    if args.json:
        json.dump([{"name": g.name, "ticker": g.ticker, "names": list(g.names),
                    "calls": list(g.transcript_ids)} for g in groups],
                  sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    for g in groups:
        other = [n for n in g.names if n != g.name]
        aka = f" (also {', '.join(other)})" if other else ""
        calls = len(g.transcript_ids)
        print(f"{g.name}{aka}\t{g.ticker or '-'}\t{calls} call{'s' if calls != 1 else ''}")
    return 0


def _cmd_library_set_meta(args: argparse.Namespace) -> int:
    from reader.services.library import LibraryService

    values: dict[str, str | None] = {name: getattr(args, name) for name in
                                     ("company", "ticker", "period", "date")
                                     if getattr(args, name) is not None}
    both = set(values) & set(args.reset)
    if both:
        print(f"reader: library set-meta: --{sorted(both)[0]} and --reset "
              f"{sorted(both)[0]} contradict each other", file=sys.stderr)
        return EXIT_ERROR
    values.update({name: None for name in args.reset})
    if not values:
        print("reader: library set-meta: give --company, --ticker, --period, --date or "
              "--reset FIELD", file=sys.stderr)
        return EXIT_ERROR
    with open_service(args) as service:
        info = LibraryService(service).set_metadata(args.id, **values)
    print(_info_line(info))
    return 0


def _cmd_library_refresh_meta(args: argparse.Namespace) -> int:
    from reader.services.library import LibraryService

    with open_service(args) as service:
        library = LibraryService(service)
        changed = library.refresh_metadata()
        total = len(library.transcripts())
    print(f"{len(changed)} of {total} calls read anew")
    return 0


def _cmd_import(args: argparse.Namespace) -> int:
    from reader.services.library import LibraryService

    stop = threading.Event()
    previous = None
    if threading.current_thread() is threading.main_thread():
        previous = signal.signal(signal.SIGINT, lambda *_: stop.set())
    tty = sys.stderr.isatty() and not args.quiet
    width = 0

    def progress(done: int, total: int, current: str) -> None:
        nonlocal width
        if tty and current:
            line = f"[{done}/{total}] {readable_name(Path(current).name)}"[:100]
            sys.stderr.write("\r" + line.ljust(width))
            sys.stderr.flush()
            width = len(line)

    try:
        with open_service(args) as service:
            summary = LibraryService(service).import_paths(
                args.paths, progress=progress, cancelled=stop.is_set,
                workers=max(1, args.workers))
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
        if width:
            sys.stderr.write("\r" + " " * width + "\r")
    for failure in summary.failures:
        print(f"reader: {failure.reason}", file=sys.stderr)
    print(summary.line())
    if summary.cancelled:
        return 130
    return EXIT_SOME_FAILED if summary.failures else 0


def _cmd_search(args: argparse.Namespace) -> int:
    from reader.services.search import SearchError, SearchFilters, SearchService

    if args.period and (args.period_from or args.period_to):
        print("reader: search: give --period, or --from/--to, not both", file=sys.stderr)
        return EXIT_ERROR
    filters = SearchFilters(company=args.company, period_from=args.period or args.period_from,
                            period_to=args.period or args.period_to, section=args.section,
                            speaker_kind=args.speaker_kind, has_highlight=args.has_highlight)
    text = " ".join(args.query)
    with open_service(args) as service:
        try:
            page = SearchService(service.db).search(text, filters, limit=max(1, args.limit))
        except SearchError as exc:
            print(f"reader: {exc}", file=sys.stderr)
            return EXIT_ERROR
    if args.json:
        json.dump({"query": text, "results": [_result_json(r) for r in page.results]},
                  sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0 if page.results else EXIT_NO_MATCH
    bold = sys.stdout.isatty()
    for r in page.results:
        where = " ".join(x for x in (r.company or readable_name(r.source_name),
                                     r.period or r.date) if x)
        who = r.speaker or ("highlight" if r.highlight_id else "")
        kind = "" if r.kind == "paragraph" else f" [{r.kind}]"
        section = " Q&A" if r.section == "qa" else ""
        print(f"{where}  {who}{section}{kind}  {_marked(r.snippet, r.marks, bold)}")
    if page.results and page.cursor is not None:
        print(f"(first {len(page.results)} results; --limit N for more)", file=sys.stderr)
    return 0 if page.results else EXIT_NO_MATCH


def _cmd_library(args: argparse.Namespace) -> int:
    from db.engine import DatabaseError, latest_backup
    from db.salvage import counts, full_check, restore, salvage
    from reader.services.paths import resolve_db_path

    location = resolve_db_path(getattr(args, "db", None))
    if isinstance(location, str):  # a server URL
        print(f"reader: library {args.action}: works on a library file; a team library on a "
              "server is checked and backed up with the server's own tools (pg_dump, "
              "pg_amcheck)", file=sys.stderr)
        return EXIT_ERROR
    path = location.expanduser().resolve()
    if args.action == "restore":
        source = Path(args.file) if args.file else latest_backup(path)
        if source is None:
            print(f"reader: {path.name}: no verified backup beside it; give the file to "
                  "restore (a backup or a copy `reader library check` salvaged)",
                  file=sys.stderr)
            return EXIT_LIBRARY
        kept = restore(path, source)
        where = f"; the previous file is kept as {kept.name}" if kept else ""
        print(f"restored {path.name} from {source.name}{where}")
        return 0
    if args.file:
        print("reader: library check: takes no FILE (use --db)", file=sys.stderr)
        return EXIT_ERROR
    if not path.is_file():
        print(f"reader: {path}: no library there", file=sys.stderr)
        return EXIT_LIBRARY
    problem = full_check(path)
    if problem == "ok":
        n = counts(path)
        print(f"{path.name}: ok ({n.get('transcripts', 0)} calls, "
              f"{n.get('highlights', 0)} highlights)")
        return 0
    print(f"reader: {path.name}: damaged ({problem}); salvaging what can be read",
          file=sys.stderr)
    try:
        report = salvage(path)
    except DatabaseError as exc:
        print(f"reader: {exc}", file=sys.stderr)
        return EXIT_LIBRARY
    lost = sum(report.unreadable.values()) + report.dropped
    print(f"salvaged {report.copied.get('transcripts', 0)} calls and "
          f"{report.copied.get('highlights', 0)} highlights into {report.target.name} "
          f"({lost} rows unreadable; {path.name} is unchanged); "
          f"`reader library restore {report.target}` puts it in place")
    return EXIT_LIBRARY


def _marked(text: str, marks: Sequence[tuple[int, int]], bold: bool) -> str:
    if not bold:
        return text
    out, pos = [], 0
    for s, e in marks:
        out += [text[pos:s], _BOLD, text[s:e], _PLAIN]
        pos = e
    out.append(text[pos:])
    return "".join(out)


def _result_json(r: Any) -> dict[str, Any]:
    return {
        "transcript": {"id": r.transcript_id, "sha256": r.sha256, "company": r.company,
                       "ticker": r.ticker, "title": r.title, "period": r.period, "date": r.date,
                       "source": readable_name(r.source_name)},
        "kind": r.kind, "highlight": r.highlight_id, "turn": r.turn_index, "speaker": r.speaker,
        "speaker_kind": r.speaker_kind, "section": r.section, "start": r.start, "end": r.end,
        "hit": [r.hit_start, r.hit_end], "snippet": r.snippet,
        "marks": [list(m) for m in r.marks],
    }
