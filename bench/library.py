"""Library import and search speed: the real corpus plus generated Chinese/English calls.

Run from the repo root: `python bench/library.py [--workers N] [--mixed N] [--keep DIR]`.
Imports ../shared/corpus (skipped with a message when absent) and a few hundred mixed
Chinese/English transcripts made from tests/fixtures (names and figures varied) into a fresh
library, then runs a fixed list of queries and, for the English ones, `grep -rli` over the
same files as the baseline. Prints import time and rate, database size against raw text,
search latency p50/p95, and grep's time per query.
Targets: import < 60 s; database <= 3x raw text; search p95 >= 20x faster than grep for
each English query class (words, prefixes, phrases), each query against its own grep.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import closing
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from reader.services.annotations import AnnotationService  # noqa: E402
from reader.services.library import LibraryService  # noqa: E402
from reader.services.search import SearchService  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus"
FIXTURES = REPO / "tests" / "fixtures"
MB = 1024 * 1024

WORDS = ["revenue", "guidance", "headwinds", "buyback", "inventory"]
PREFIXES = ["reven*", "guid*", "semicond*"]
PHRASES = ['"gross margin"', '"free cash flow"', '"supply chain"']
ENGLISH = WORDS + PREFIXES + PHRASES
CHINESE = ["亿", "季", "营收", "用户", "營收", "同比增长", "毛利率", "使用者"]
CLASSES = {"words": WORDS, "prefixes": PREFIXES, "phrases": PHRASES, "Chinese": CHINESE}
TARGET = 20
RUNS = 15

_SYLLABLES = ["lan", "ting", "ho", "shan", "jin", "yu", "bo", "rui", "kang", "xin", "hua",
              "tai", "feng", "ming", "zhi", "an", "li", "wei", "da", "tong"]


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(2)).capitalize()


def make_mixed(folder: Path, count: int, seed: int = 7) -> int:
    """`count` variants of the fixtures: company words and every figure changed."""
    from reader.core.pipeline import parse_bytes

    rng = random.Random(seed)
    sources = []
    for f in sorted(FIXTURES.glob("*.txt")):
        data = f.read_bytes()
        company = parse_bytes(data, f.name).meta.company or ""
        word = company.split()[0] if company.split() else ""
        sources.append((f.stem, data.decode("utf-8"), word))
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for i in range(count):
        stem, text, word = sources[i % len(sources)]
        if word and len(word) > 2:
            text = text.replace(word, _name(rng))
        text = re.sub(r"\d+", lambda m: str(rng.randint(1, 10 ** len(m.group()) - 1)), text)
        out = folder / f"{stem}_{i:04d}.txt"
        out.write_text(text, encoding="utf-8")
        total += out.stat().st_size
    return total


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def grep_seconds(query: str, folders: list[Path]) -> float:
    """Median of three `grep -rliF` runs for the query's words (a prefix as its stem)."""
    needle = query.strip('"').rstrip("*")
    times = []
    for _ in range(3):
        t0 = time.perf_counter()
        subprocess.run(["grep", "-rliF", "--", needle, *map(str, folders)],
                       stdout=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--mixed", type=int, default=300, help="generated Chinese/English calls")
    ap.add_argument("--keep", type=Path, help="build the library here and keep it")
    args = ap.parse_args()

    work = Path(tempfile.mkdtemp(prefix="library-bench-"))
    try:
        folders = []
        raw = 0
        if CORPUS.is_dir():
            folders.append(CORPUS)
            raw += sum(p.stat().st_size for p in CORPUS.rglob("*") if p.is_file())
        else:
            print(f"corpus not found at {CORPUS}: measuring the generated calls only")
        mixed = work / "mixed"
        raw += make_mixed(mixed, args.mixed)
        folders.append(mixed)
        db_path = (args.keep or work) / "library.sqlite3"
        db_path.parent.mkdir(parents=True, exist_ok=True)
        for leftover in db_path.parent.glob(db_path.name + "*"):
            leftover.unlink()

        with AnnotationService.open(db_path) as service:
            t0 = time.perf_counter()
            summary = LibraryService(service).import_paths(folders, workers=args.workers)
            secs = time.perf_counter() - t0
            print(f"import: {summary.line()}")
            for f in summary.failures[:5]:
                print(f"  failed: {f.reason}")
            print(f"import: {secs:.1f} s for {summary.total} files, {raw / MB:.1f} MB "
                  f"({summary.total / secs:.0f} files/s, {raw / MB / secs:.2f} MB/s; "
                  f"{args.workers} parse workers)")

            with closing(sqlite3.connect(db_path)) as c:
                c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                pages = {name: n for name, n in c.execute(
                    "SELECT name, sum(pgsize) FROM dbstat GROUP BY name")} if _has_dbstat(c) else {}
            size = db_path.stat().st_size
            print(f"database: {size / MB:.1f} MB for {raw / MB:.1f} MB of raw text "
                  f"= {size / raw:.2f}x")
            if pages:
                fts = sum(v for k, v in pages.items() if k.startswith("search_fts"))
                units = sum(v for k, v in pages.items() if k.startswith(("search_units",
                                                                         "ix_search")))
                texts = pages.get("transcripts", 0)
                print(f"  transcripts {texts / MB:.1f} MB, full-text index {fts / MB:.1f} MB, "
                      f"index units {units / MB:.1f} MB")

            search = SearchService(service.db)
            lat: dict[str, list[float]] = {}
            counts: dict[str, int] = {}
            for q in ENGLISH + CHINESE:
                search.search(q)  # warm: OpenCC dictionaries, page cache
                times = []
                for _ in range(RUNS):
                    t = time.perf_counter()
                    page = search.search(q)
                    times.append(time.perf_counter() - t)
                lat[q] = times
                counts[q] = len(page.results)
            every = [t for ts in lat.values() for t in ts]
            eng = [t for q in ENGLISH for t in lat[q]]
            print(f"search (first page of 50, snippets included; {RUNS} runs per query):")
            print(f"  all      p50 {pct(every, 50) * 1e3:6.2f} ms  p95 {pct(every, 95) * 1e3:6.2f} ms")
            print(f"  English  p50 {pct(eng, 50) * 1e3:6.2f} ms  p95 {pct(eng, 95) * 1e3:6.2f} ms")
            for name, queries in CLASSES.items():
                ts = [t for q in queries for t in lat[q]]
                print(f"  {name:<8} p50 {pct(ts, 50) * 1e3:6.2f} ms  p95 {pct(ts, 95) * 1e3:6.2f} ms")
            print("per query (median ms, results on the first page):")
            for q in ENGLISH + CHINESE:
                print(f"  {q:<20} {statistics.median(lat[q]) * 1e3:7.2f} ms  {counts[q]:3d}")

            print("grep -rliF baseline over the same files (median of 3):")
            greps = {}
            for q in ENGLISH:
                g = greps[q] = grep_seconds(q, folders)
                print(f"  {q:<20} grep {g * 1e3:7.1f} ms   search p95 "
                      f"{pct(lat[q], 95) * 1e3:6.2f} ms   {g / pct(lat[q], 95):6.0f}x")
            ratio = min(greps.values()) / pct(eng, 95)
            print(f"search p95 (English) vs fastest grep: {ratio:.0f}x faster "
                  f"(vs median grep: {statistics.median(greps.values()) / pct(eng, 95):.0f}x)")
            for name in ("words", "prefixes", "phrases"):
                worst = min(greps[q] / pct(lat[q], 95) for q in CLASSES[name])
                verdict = "ok" if worst >= TARGET else f"below {TARGET}x"
                print(f"  {name:<8} slowest query against its grep: {worst:4.0f}x  {verdict}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def _has_dbstat(conn: sqlite3.Connection) -> bool:
    try:
        conn.execute("SELECT 1 FROM dbstat LIMIT 1")
    except sqlite3.OperationalError:
        return False
    return True


if __name__ == "__main__":
    raise SystemExit(main())
