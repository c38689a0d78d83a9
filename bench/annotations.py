"""Annotation library speed: 20,000 highlights over 500 transcripts made from the test fixtures.

Run from the repo root: `python bench/annotations.py [--keep DIR]`.
Targets: loading the highlights of a transcript with 500 of them adds < 100 ms to opening it;
the notebook's first page (200 highlights of the whole library, with and without filters)
takes < 100 ms, also as the notebook window fetches it (quotes cleaned and converted to
Taiwan script in the same job); exporting all 20,000 is measured in time and peak memory, as
raw source text (the old export), as the reading view shows it (joined spacing, Taiwan
script, aligned context), as one file, and as JSON data, and as the notebook exports its
filtered set (every page). The fingerprint the window reads every two seconds to see other
writers is timed too.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from sqlalchemy import insert  # noqa: E402

from db.models import HighlightRow, HighlightTagRow, TagRow  # noqa: E402
from db.repository import Repository  # noqa: E402
from reader.core.anchoring import anchor_at  # noqa: E402
from reader.core.passages import display_options  # noqa: E402
from reader.core.pipeline import parse_bytes, parse_text  # noqa: E402
from reader.services.annotations import AnnotationService, write_documents  # noqa: E402
from reader.services.notes import (  # noqa: E402
    NotebookQuery,
    export_documents,
    export_inputs,
    export_notebook,
    export_records,
    export_single_file,
    library_state,
    notebook_page,
)
from reader.ui.annotations.notebook import fetch_page  # noqa: E402

FIXTURES = REPO / "tests" / "fixtures"
BASES = ["quartr_lanting_q2_2024.txt", "quartr_hoshan_q3_2024_traditional.txt",
         "alphaspread_brightwater_q2_2024.txt", "alphaspread_kestrel_q1_2025.txt"]
TRANSCRIPTS = 500
HIGHLIGHTS = 20_000
BIG = 500  # highlights on the one transcript that is opened
COLOURS = ["yellow", "red", "green", "blue"]
TAGS = ["guidance", "risk", "margin", "credit", "capital", "dividend", "question", "follow-up"]


def variant(text: str, i: int, rng: random.Random) -> str:
    """Another call of the same shape: renamed company, other figures, a longer Q&A."""
    company = parse_bytes(text.encode("utf-8"), "x.txt").meta.company
    out = text.replace(company, f"{company} {i}") if company else text
    digits = iter(str(rng.randrange(10**9)) * 400)
    out = "".join(next(digits) if ch.isdigit() and rng.random() < 0.3 else ch for ch in out)
    tail = out[len(out) // 2:]
    return out + "\n\n" + tail * rng.randrange(1, 4) + f"\n\nReference {i}.\n"


def median_ms(fn, runs: int = 15) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000


def measured(fn: Callable[[], Any], again: Callable[[], Any]) -> tuple[Any, float, float]:
    """Result and seconds of `fn`, and the peak traced memory (MB) of `again` (the same work
    on a fresh start: tracing slows Python down too much to time the traced run)."""
    t0 = time.perf_counter()
    result = fn()
    seconds = time.perf_counter() - t0
    del result
    tracemalloc.start()
    result = again()
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return result, seconds, peak


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--keep", type=Path, help="build the library in this folder and keep it")
    args = ap.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="annotations-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    db_path = folder / "bench.sqlite3"
    db_path.unlink(missing_ok=True)
    rng = random.Random(20240821)
    bases = [(FIXTURES / name).read_text(encoding="utf-8") for name in BASES]

    svc = AnnotationService.open(db_path)
    calls = [variant(bases[i % len(bases)], i, rng).encode("utf-8") for i in range(TRANSCRIPTS)]
    big_bytes = calls[0]
    t0 = time.perf_counter()
    ids: list[int] = []
    for i, data in enumerate(calls):
        result = svc.import_bytes(data, folder / "calls" / f"call{i:03}.txt")
        assert result.status == "new", (i, result.status)  # each variant is its own call
        ids.append(result.transcript.id)
    t_import = time.perf_counter() - t0
    sizes = [len(svc.transcript_text(t)) for t in ids[:20]]

    # Highlights in bulk with plain inserts (setup, not what is measured), 500 on ids[0].
    per = [BIG] + [(HIGHLIGHTS - BIG) // (TRANSCRIPTS - 1)] * (TRANSCRIPTS - 1)
    per[-1] += HIGHLIGHTS - sum(per)
    now = datetime.now(UTC)
    t0 = time.perf_counter()
    with svc.db.write() as s:
        tag_ids = [s.execute(insert(TagRow).values(name=t).returning(TagRow.id)).scalar_one()
                   for t in TAGS]
        texts = Repository(s).texts(ids)
        rows, links = [], []
        for tid, count in zip(ids, per, strict=True):
            text = texts[tid]
            for _ in range(count):
                start = rng.randrange(0, len(text) - 200)
                a = anchor_at(text, start, start + rng.randrange(20, 200))
                hid = len(rows) + 1
                rows.append(dict(id=hid, transcript_id=tid, turn_index=None, start_offset=a.start,
                                 end_offset=a.end, quote=a.quote, prefix=a.prefix,
                                 suffix=a.suffix, colour=rng.choice(COLOURS),
                                 note=rng.choice(["", "check *this* | later", "Q&A #1"]),
                                 created_at=now, updated_at=now, orphaned=False))
                links += [dict(highlight_id=hid, tag_id=t)
                          for t in rng.sample(tag_ids, rng.randrange(0, 3))]
        s.execute(insert(HighlightRow), rows)
        s.execute(insert(HighlightTagRow), links)
    t_bulk = time.perf_counter() - t0
    svc.close()

    # A single save as the window makes it: one transaction, synced.
    svc = AnnotationService.open(db_path)
    t_add = median_ms(lambda: svc.add_highlight(ids[1], 100, 140, tags=["bench"], note="x"), 20)
    t_undo = median_ms(lambda: svc.undo(), 10)
    svc.close()

    # Opening the transcript with 500 highlights: parse (the open itself) vs. loading highlights.
    t_parse = median_ms(lambda: parse_bytes(big_bytes, "call000.txt"))
    svc = AnnotationService.open(db_path)
    t0 = time.perf_counter()
    cold = svc.highlights(ids[0])
    t_cold = (time.perf_counter() - t0) * 1000
    t_warm = median_ms(lambda: svc.highlights(ids[0]))
    assert len(cold) == BIG
    svc.close()

    # Export everything, from a fresh service (no parsed outlines cached), then again warm.
    svc = AnnotationService.open(db_path)
    t0 = time.perf_counter()
    docs = svc.export()
    t_export = time.perf_counter() - t0
    out = folder / "export"
    t0 = time.perf_counter()
    write_documents(docs, out)
    t_write = time.perf_counter() - t0
    infos = svc.library()
    texts = {i.id: svc.transcript_text(i.id) for i in infos}
    t0 = time.perf_counter()
    for i in infos:
        parse_text(texts[i.id], i.source_name, layout=i.format)
    t_reparse = time.perf_counter() - t0
    exported = sum(d.count for d in docs)
    md_bytes = sum(len(d.markdown.encode("utf-8")) for d in docs)

    svc.close()

    # The notebook: the first page of the whole library, cold (fresh service) and warm,
    # then with filters. Speakers come from the search index, refreshed once beforehand.
    svc = AnnotationService.open(db_path)
    notebook_page(svc, limit=1)
    svc.close()
    svc = AnnotationService.open(db_path)
    t0 = time.perf_counter()
    first = notebook_page(svc)
    t_page_cold = (time.perf_counter() - t0) * 1000
    assert len(first.rows) == 200 and first.total >= HIGHLIGHTS  # plus the saves timed above
    t_page = median_ms(lambda: notebook_page(svc))
    filters = {
        "colour + tag": NotebookQuery(colours=["red"], tags=["risk"]),
        "company": NotebookQuery(companies=[next(i.company for i in infos if i.company)]),
        "speaker kind": NotebookQuery(speaker_kinds=["analyst"]),
        "text (Chinese)": NotebookQuery(text="用户"),
        "text (English)": NotebookQuery(text="revenue"),
        "page 50 of all": None,
    }
    t_filtered = {}
    for name, query in filters.items():
        if query is None:
            t_filtered[name] = (median_ms(lambda: notebook_page(svc, offset=9_800)), first.total)
        else:
            t_filtered[name] = (median_ms(lambda q=query: notebook_page(svc, q)),
                                notebook_page(svc, query).total)
    tw = display_options("tw")
    assert tw is not None
    t_window_page = median_ms(lambda: fetch_page(svc, NotebookQuery(), 0, tw))
    t_state = median_ms(lambda: library_state(svc))
    svc.close()
    svc = AnnotationService.open(db_path)
    t0 = time.perf_counter()
    fetch_page(svc, NotebookQuery(), 0, tw)
    t_window_cold = (time.perf_counter() - t0) * 1000
    svc.close()

    # Exports of all 20,000 from a fresh service each time: time and peak memory.
    def fresh(fn: Callable[[AnnotationService], Any]) -> tuple[Any, float, float]:
        def run() -> Any:
            with AnnotationService.open(db_path) as service:
                return fn(service)
        return measured(run, run)

    shown_docs, t_shown, m_shown = fresh(lambda s: export_documents(
        export_inputs(s, options=display_options("tw"))))
    one_file, t_one, m_one = fresh(lambda s: export_single_file(
        export_inputs(s, options=display_options("tw"))))
    _, t_raw2, m_raw = fresh(lambda s: s.export())
    records, t_json, m_json = fresh(lambda s: json.dumps(export_records(s), ensure_ascii=False))
    (nb_md, nb_count), t_nb_md, m_nb_md = fresh(lambda s: export_notebook(
        s, NotebookQuery(), "md", options=display_options("tw")))
    (_, nb_json_count), t_nb_json, m_nb_json = fresh(lambda s: export_notebook(
        s, NotebookQuery(), "json"))
    svc = AnnotationService.open(db_path)

    # A corrected version of the big transcript: every highlight re-anchored.
    corrected = big_bytes.decode("utf-8").replace("Thank you", "Thanks").encode("utf-8")
    t0 = time.perf_counter()
    result = svc.import_bytes(corrected, folder / "calls" / "call000.txt")
    t_reanchor = time.perf_counter() - t0
    report = result.report
    svc.close()

    print(f"library: {TRANSCRIPTS} transcripts ({min(sizes) // 1000}-{max(sizes) // 1000} KB "
          f"text each), {HIGHLIGHTS:,} highlights, {db_path.stat().st_size / 2**20:.1f} MB file")
    print(f"import 500 transcripts (parse + store)      {t_import:8.2f} s")
    print(f"bulk insert {HIGHLIGHTS:,} highlights (setup)       {t_bulk:8.2f} s")
    print(f"one highlight saved (service, FULL sync)    {t_add:8.1f} ms median; undo {t_undo:.1f} ms")
    print(f"open transcript: parse {len(big_bytes) / 1000:.0f} KB                {t_parse:8.1f} ms median")
    print(f"  + load its {BIG} highlights (cold)         {t_cold:8.1f} ms   (target < 100 ms)")
    print(f"  + load its {BIG} highlights (warm)         {t_warm:8.1f} ms median")
    print(f"export all {exported:,} highlights, {len(docs)} notes    {t_export:8.2f} s    "
          f"(target < 2 s; {md_bytes / 2**20:.1f} MB of Markdown)")
    print(f"  of which re-parsing the 500 outlines      {t_reparse:8.2f} s")
    print(f"then writing the notes atomically           {t_write:8.2f} s")
    print(f"notebook first page of {HIGHLIGHTS:,} (cold)      {t_page_cold:8.1f} ms   "
          "(target < 100 ms)")
    print(f"notebook first page (warm)                  {t_page:8.1f} ms median")
    for name, (ms, total) in t_filtered.items():
        print(f"  filtered by {name:<20}          {ms:8.1f} ms median ({total:,} match)")
    print(f"notebook window's first page (tw quotes)    {t_window_cold:8.1f} ms cold, "
          f"{t_window_page:.1f} ms median warm (target < 100 ms)")
    print(f"library fingerprint (other writers)         {t_state:8.1f} ms median, every 2 s")
    print(f"export {HIGHLIGHTS:,} as stored (raw), one note each {t_raw2:6.2f} s, peak {m_raw:.0f} MB")
    print(f"export as shown (tw, aligned), one note each {t_shown:6.2f} s, peak {m_shown:.0f} MB "
          f"({sum(len(d.markdown) for d in shown_docs) / 2**20:.1f} M chars)")
    print(f"export as shown, one file                   {t_one:8.2f} s, peak {m_one:.0f} MB "
          f"({len(one_file) / 2**20:.1f} M chars)")
    print(f"export as JSON data                         {t_json:8.2f} s, peak {m_json:.0f} MB "
          f"({len(records) / 2**20:.1f} M chars)")
    print(f"notebook export of {nb_count:,} (all pages), Markdown (tw) {t_nb_md:6.2f} s, "
          f"peak {m_nb_md:.0f} MB ({len(nb_md) / 2**20:.1f} M chars)")
    print(f"notebook export of {nb_json_count:,} (all pages), JSON   {t_nb_json:8.2f} s, "
          f"peak {m_nb_json:.0f} MB")
    if report is not None:
        print(f"re-import corrected version, {BIG} moved      {t_reanchor:8.2f} s    (kept "
              f"{report.kept}, edited {report.edited}, found {report.found}, orphaned "
              f"{len(report.orphaned)})")
    print(f"files in {folder}" if args.keep else "")


if __name__ == "__main__":
    main()
