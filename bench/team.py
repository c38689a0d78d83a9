"""A team library under load: many clients saving and searching at once, a server restart in the
middle, and SQLite against PostgreSQL on the same corpus.

Run from the repo root: `python bench/team.py [--url URL] [--clients 20] [--saves 200]
[--corpus N] [--no-restart]`. Without --url it starts a throw-away cluster
(tests/pg_cluster.py) and removes it afterwards.

1. Load: `--clients` processes, each saving `--saves` highlights (each with a note and a tag)
   and searching after every tenth, against one server. Each save is either returned to its
   client (committed) or reported to it as an error. Afterwards: committed saves missing
   (lost), notes stored twice (duplicated), highlights stored without their tag (half
   applied), and p50/p95 of save and search latency.
2. Faults: the same with the server restarted (pg_ctl restart -m fast) in the middle: every
   save must be committed or reported, none half-applied; a reported save may still have
   committed (the connection went between COMMIT and its answer), which is counted.
3. Corpus: the first `--corpus` files of ../shared/corpus (all of them with 0) imported into a
   new SQLite file and a new PostgreSQL database, then the same queries on both: import time
   and search p50/p95 side by side.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

CORPUS = REPO.parent / "shared" / "corpus"
FIXTURES = REPO / "tests" / "fixtures"
CALL = FIXTURES / "quartr_lanting_q2_2024.txt"
QUERIES = ["revenue", "guidance", "reven*", '"gross margin"', "funding cost", "营收", "營收",
           "同比增长", "使用者"]


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def ms(values: list[float]) -> str:
    return f"p50 {pct(values, 50) * 1000:.1f} ms, p95 {pct(values, 95) * 1000:.1f} ms"


def with_database(url: str, name: str) -> str:
    from urllib.parse import urlsplit, urlunsplit

    return urlunsplit(urlsplit(url)._replace(path=f"/{name}"))


def new_database(server: str) -> str:
    import psycopg

    name = f"bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return with_database(server, name)


# --- 1 and 2: many clients ----------------------------------------------------------------------


def client(url: str, n: int, saves: int, transcript_id: int, length: int,
           out: Any) -> None:
    """One analyst: `saves` highlights with a note and a tag, a search after every tenth."""
    from reader.services.annotations import AnnotationService
    from reader.services.errors import ServiceError
    from reader.services.search import SearchService

    results: list[tuple[str, str, float]] = []  # (note, "ok" | "reported", seconds)
    searches: list[float] = []
    errors: dict[str, int] = {}
    svc = None
    try:
        for i in range(saves):
            note = f"c{n}-s{i}"
            start = (n * 7919 + i * 104_729) % (length - 40)
            t = time.perf_counter()
            try:
                if svc is None:
                    svc = AnnotationService.open(url, user=f"analyst{n}")
                svc.add_highlight(transcript_id, start, start + 30, note=note, tags=[f"c{n}"])
                results.append((note, "ok", time.perf_counter() - t))
            except Exception as exc:  # any failure is what the client is told: count it
                results.append((note, "reported", time.perf_counter() - t))
                kind = type(exc).__name__ if not isinstance(exc, ServiceError) else \
                    str(exc).split(": ", 1)[-1].split(" (")[0]
                errors[kind] = errors.get(kind, 0) + 1
            if i % 10 == 9 and svc is not None:
                t = time.perf_counter()
                try:
                    SearchService(svc.db).search(QUERIES[i // 10 % len(QUERIES)])
                    searches.append(time.perf_counter() - t)
                except Exception:  # a search during the restart: not a save, not counted
                    pass
    finally:
        if svc is not None:
            svc.close()
        out.put((n, results, searches, errors))


def load(url: str, clients: int, saves: int, restart: Any = None) -> None:
    from reader.services.annotations import AnnotationService

    with AnnotationService.open(url, user="setup") as svc:
        info = svc.import_file(CALL).transcript
        length = len(svc.transcript_text(info.id))
    ctx = multiprocessing.get_context("spawn")
    out = ctx.Queue()
    procs = [ctx.Process(target=client, args=(url, n, saves, info.id, length, out))
             for n in range(clients)]
    t0 = time.perf_counter()
    for p in procs:
        p.start()
    restarter = None
    if restart is not None:
        restarter = threading.Thread(target=restart)
        restarter.start()
    gathered = [out.get(timeout=1800) for _ in procs]
    for p in procs:
        p.join()
    if restarter is not None:
        restarter.join()
    wall = time.perf_counter() - t0

    ok = {note for _, rs, _, _ in gathered for note, how, _ in rs if how == "ok"}
    reported = {note for _, rs, _, _ in gathered for note, how, _ in rs if how == "reported"}
    save_times = [s for _, rs, _, _ in gathered for _, how, s in rs if how == "ok"]
    search_times = [s for _, _, ss, _ in gathered for s in ss]
    errors: dict[str, int] = {}
    for _, _, _, errs in gathered:
        for kind, count in errs.items():
            errors[kind] = errors.get(kind, 0) + count
    with AnnotationService.open(url, user="setup") as svc:
        stored = svc.highlights(info.id)
    notes = [h.note for h in stored]
    counts: dict[str, int] = {}
    for note in notes:
        counts[note] = counts.get(note, 0) + 1
    lost = len(ok - counts.keys())
    duplicated = sum(c - 1 for c in counts.values() if c > 1)
    half = sum(1 for h in stored if h.note != "" and h.tags != (h.note.split("-")[0],))
    landed_anyway = len(reported & counts.keys())
    total = clients * saves
    print(f"  {clients} clients x {saves} saves = {total}: {len(ok)} committed, "
          f"{len(reported)} reported to their client ({landed_anyway} of those committed "
          f"all the same), {wall:.1f} s, {len(ok) / wall:.0f} saves/s")
    print(f"  lost {lost}, duplicated {duplicated}, half-applied {half}, "
          f"unaccounted {total - len(ok) - len(reported)}")
    if errors:
        print("  what the clients were told: " + "; ".join(f"{k} ({v}x)" for k, v in
                                                          sorted(errors.items())))
    print(f"  save: {ms(save_times)}; search ({len(search_times)} during the load): "
          f"{ms(search_times)}")


# --- 3: corpus ----------------------------------------------------------------------------------


def corpus_side_by_side(url: str, limit: int) -> None:
    from reader.services.annotations import AnnotationService
    from reader.services.library import LibraryService
    from reader.services.search import SearchService

    if not CORPUS.is_dir():
        print(f"  corpus not found at {CORPUS}: skipped")
        return
    files = sorted(p for p in CORPUS.iterdir() if p.is_file() and p.suffix == ".txt")
    if limit:
        files = files[:limit]
    work = Path(tempfile.mkdtemp(prefix="team-bench-"))
    rows = []
    for name, location in (("SQLite", work / "library.sqlite3"), ("PostgreSQL", url)):
        with AnnotationService.open(location) as svc:
            t0 = time.perf_counter()
            summary = LibraryService(svc).import_paths(files, workers=2)
            secs = time.perf_counter() - t0
            search = SearchService(svc.db)
            times = []
            for q in QUERIES:
                search.search(q)
                for _ in range(10):
                    t = time.perf_counter()
                    search.search(q)
                    times.append(time.perf_counter() - t)
            rows.append((name, summary.total, secs, times))
    print(f"  {'':<11} {'files':>6} {'import':>9} {'files/s':>8}   search")
    for name, total, secs, times in rows:
        print(f"  {name:<11} {total:>6} {secs:>7.1f} s {total / secs:>8.0f}   {ms(times)}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--url", help="a server's maintenance database (default: a throw-away "
                                  "cluster)")
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--saves", type=int, default=200)
    ap.add_argument("--corpus", type=int, default=0, help="files of the corpus (0: all)")
    ap.add_argument("--no-restart", action="store_true")
    ap.add_argument("--restart-after", type=float, default=20.0,
                    help="seconds into the faults run to restart the server")
    ap.add_argument("--no-corpus", action="store_true")
    args = ap.parse_args()

    cluster = None
    server = args.url
    if server is None:
        from pg_cluster import start_cluster

        cluster = start_cluster()
        server = cluster.url()
        print(f"throw-away cluster in {cluster.folder}")
    try:
        print("1. load: one server, no faults")
        load(new_database(server), args.clients, args.saves)
        if not args.no_restart and cluster is not None:
            print("2. faults: the server restarted in the middle")

            def restart() -> None:
                time.sleep(args.restart_after)  # the clients take seconds to start
                t = time.perf_counter()
                runner = ["runuser", "-u", cluster.user, "--"] if cluster.user else []
                subprocess.run([*runner, str(cluster.pg_ctl), "-D", str(cluster.data), "-m",
                                "fast", "-w", "-l", str(cluster.log), "restart", "-o",
                                f"-k {cluster.folder} -p 5432 -c listen_addresses='' "
                                "-c fsync=off -c max_connections=100"],
                               check=True, capture_output=True)
                print(f"  (server restarted in {time.perf_counter() - t:.1f} s)")

            load(new_database(server), args.clients, args.saves, restart)
        if not args.no_corpus:
            print("3. corpus: SQLite and PostgreSQL side by side")
            corpus_side_by_side(new_database(server), args.corpus)
    finally:
        if cluster is not None:
            cluster.stop()
    return 0


if __name__ == "__main__":
    os.environ.setdefault("TRANSCRIPT_READER_WRITE_WAIT", "120")
    raise SystemExit(main())
