"""Opening a transcript with 500 highlights in the real window: what the highlights add.

Run from the repo root: `python bench/highlights_window.py [--file FILE] [--runs 5]`.
Uses the Quartr seed (../shared/seeds) when present, else a test fixture. Renders offscreen
unless a display is set (e.g. under `xvfb-run -a`). Target: the highlights add < 100 ms to
opening a transcript (the library's import check, reading 500 highlights, drawing them and
the dock's list).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject, QSettings  # noqa: E402
from PySide6.QtGui import QColor  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from sqlalchemy import insert  # noqa: E402

from db.models import HighlightRow, HighlightTagRow, TagRow  # noqa: E402
from reader.core.anchoring import anchor_at  # noqa: E402
from reader.core.pipeline import parse_bytes  # noqa: E402
from reader.services.annotations import AnnotationService  # noqa: E402
from reader.ui.annotations.controller import _import  # noqa: E402
from reader.ui.reading.view import HighlightMark  # noqa: E402
from reader.ui.settings import Settings  # noqa: E402
from reader.ui.window.main_window import MainWindow  # noqa: E402

SEED = REPO.parent / "shared" / "seeds" / "quartr_qfin_q1_2023.txt"
FIXTURE = REPO / "tests" / "fixtures" / "quartr_lanting_q2_2024.txt"
COUNT = 500
COLOURS = ["yellow", "red", "green", "blue"]


def build_library(path: Path, file: Path, rng: random.Random) -> int:
    """Import the file and give it COUNT highlights inside its paragraphs (bulk inserts)."""
    svc = AnnotationService.open(path)
    t = parse_bytes(file.read_bytes(), file.name)
    tid = svc.import_transcript(t, file).transcript.id
    paragraphs = [p for turn in t.turns for p in turn.paragraphs if p.end - p.start > 12]
    now = datetime.now(UTC)
    with svc.db.write() as s:
        tags = [s.execute(insert(TagRow).values(name=n).returning(TagRow.id)).scalar_one()
                for n in ("guidance", "risk", "credit", "margin")]
        rows, links = [], []
        for hid in range(1, COUNT + 1):
            p = rng.choice(paragraphs)
            start = rng.randrange(p.start, p.end - 6)
            a = anchor_at(t.text, start, min(p.end, start + rng.randrange(6, 80)))
            rows.append(dict(id=hid, transcript_id=tid, turn_index=t.turn_at(a.start).index,
                             start_offset=a.start, end_offset=a.end, quote=a.quote,
                             prefix=a.prefix, suffix=a.suffix, colour=rng.choice(COLOURS),
                             note=rng.choice(["", "check later"]), created_at=now,
                             updated_at=now, orphaned=False))
            links += [dict(highlight_id=hid, tag_id=x) for x in rng.sample(tags, 2)]
        s.execute(insert(HighlightRow), rows)
        s.execute(insert(HighlightTagRow), links)
    svc.close()
    return tid


def wait(app: QApplication, done, timeout: float = 60.0) -> None:
    end = time.monotonic() + timeout
    while not done():
        if time.monotonic() > end:
            raise SystemExit("timed out")
        app.processEvents()
        time.sleep(0.001)


def median_ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--file", type=Path, default=SEED if SEED.exists() else FIXTURE)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="highlights-bench-"))
    library = folder / "library.sqlite3"
    tid = build_library(library, args.file, random.Random(7))
    app = QApplication([])

    def window(db: Path | None) -> MainWindow:
        settings = Settings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
        w = MainWindow(settings, db_path=db)
        w.resize(1400, 900)
        w.show()
        if db is not None:
            wait(app, lambda: w.annotations.session.state.value != "opening")
        return w

    painted: list[float] = []

    class FirstPaint(QObject):
        def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                painted.append(time.perf_counter())
            return False

    watch = FirstPaint()

    def open_once(w: MainWindow, with_highlights: bool) -> tuple[float, float]:
        """(ms until the call is first painted, ms until its highlights are drawn)."""
        loaded: list[float] = []
        painted.clear()
        w.annotations.highlights_loaded.connect(lambda _v: loaded.append(time.perf_counter()))
        w.tabs.currentChanged.connect(
            lambda _i: w.current_view() and w.current_view().viewport().installEventFilter(watch))
        t0 = time.perf_counter()
        w.open_files([str(args.file)])
        wait(app, lambda: bool(painted))
        shown = painted[0]
        if with_highlights:
            wait(app, lambda: bool(loaded))
        w.annotations.highlights_loaded.disconnect()
        w.tabs.currentChanged.disconnect()
        done = loaded[0] if loaded else shown
        view = w.current_view()
        assert view is not None
        if with_highlights:
            assert len(view.highlight_marks()) == COUNT, len(view.highlight_marks())
        w.close_tab(0)
        app.processEvents()
        return (shown - t0) * 1000, (done - t0) * 1000

    plain = window(None)
    base = [open_once(plain, False)[0] for _ in range(args.runs)]
    plain.close()
    annotated = window(library)
    runs = [open_once(annotated, True) for _ in range(args.runs)]

    # The parts: the library job (import check + 500 highlights, on the worker thread) and
    # the UI thread's share (drawing the marks, filling the dock).
    svc = AnnotationService.open(library)
    t = parse_bytes(args.file.read_bytes(), args.file.name)
    t_job = median_ms(lambda: _import(svc, t, str(args.file)), args.runs)
    highlights = svc.highlights(tid)
    svc.close()
    annotated.open_files([str(args.file)])
    wait(app, lambda: annotated.current_view() is not None)
    view = annotated.current_view()
    assert view is not None
    wait(app, lambda: view.sentence_alignment() is not None)
    marks = [HighlightMark(h.id, h.start, h.end, QColor("#f2c200")) for h in highlights]
    t_draw = median_ms(lambda: view.set_highlights(marks), args.runs)
    dock = annotated.annotations.dock
    t_dock = median_ms(lambda: (dock.set_content(None, [], []),
                                dock.set_content(t, highlights, annotated.annotations.colours())),
                       args.runs)
    mirrored = sum(1 for m in marks if view.mirror_document_spans(m.id))
    annotated.close()

    shown_ms = statistics.median(r[0] for r in runs)
    drawn_ms = statistics.median(r[1] for r in runs)
    print(f"{args.file.name}: {len(t.text) / 1000:.0f} K chars, {len(t.turns)} turns, "
          f"{COUNT} highlights ({mirrored} mirrored once aligned); median of {args.runs}")
    print(f"open without a library: first paint        {statistics.median(base):8.1f} ms")
    print(f"open with the library: first paint         {shown_ms:8.1f} ms")
    print(f"  ... its {COUNT} highlights drawn           {drawn_ms:8.1f} ms   "
          f"(+{drawn_ms - statistics.median(base):.1f} ms over opening without; target < 100 ms)")
    print(f"library job: import check + read {COUNT}     {t_job:8.1f} ms   (worker thread)")
    print(f"UI thread: draw {COUNT} marks + mirrors       {t_draw:8.1f} ms")
    print(f"UI thread: fill the dock's list            {t_dock:8.1f} ms")


if __name__ == "__main__":
    main()
