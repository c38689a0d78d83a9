"""What the reading view costs: before its first paint little, and nothing that forces the
whole call through layout or the aligner; after a rebuild, only the document it shows."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRunnable
from PySide6.QtGui import QColor, QTextDocument

from reader.core.model import Transcript
from reader.core.pipeline import parse_text
from reader.ui.reading import alignment_worker
from reader.ui.reading.highlights import HighlightMark
from reader.ui.reading.view import ReadingView

pytestmark = pytest.mark.gui

REPO = Path(__file__).resolve().parents[2]

_MANDARIN = ("本 季 度 我 们 的 收 入 增 长 了 百 分 之 {n} , 主 要 来 自 新 客 户 。 "
             "我 们 会 继 续 投 入 研 发 , 嗯 , 也 会 控 制 成 本 。")
_ENGLISH = ("This quarter our revenue grew {n}%, mainly from new customers. We will keep "
            "investing in research and development and keep costs under control.")


def _long_call(turns: int = 40) -> Transcript:
    """An invented call in the Quartr layout, many screens long, with interpretation."""
    parts = ["Lumen Harbor - Q2 2025", "", "June 3, 2025", "", "Transcript", "",
             "Operator (participant)", "", "Welcome to the Lumen Harbor call.", ""]
    for n in range(turns):
        parts += ["Wen Ruo (Chief Executive Officer)", "", _MANDARIN.format(n=n), "",
                  _MANDARIN.format(n=n + 1), "", "Ada Brook (Investor Relations)", "",
                  _ENGLISH.format(n=n), "", _ENGLISH.format(n=n + 1), ""]
    return parse_text("\n".join(parts), "lumen.txt", layout="quartr")


class _RecordingPool:
    """Stands in for the thread pool: keeps the jobs it is given and runs none."""

    def __init__(self) -> None:
        self.jobs: list[QRunnable] = []

    def start(self, job: QRunnable) -> None:
        self.jobs.append(job)


def _laid_out_blocks(view: ReadingView) -> int:
    block, n = view.document().begin(), 0
    while block.isValid():
        n += block.layout().lineCount() > 0
        block = block.next()
    return n


def test_the_view_modules_load_without_the_aligner() -> None:
    code = ("import sys; import reader.ui.reading.view, reader.ui.reading.discrepancy_panel, "
            "reader.ui.reading.alignment_worker; "
            "bad = [m for m in sys.modules if m.startswith(('reader.core.align.aligner', "
            "'reader.core.align.numbers', 'reader.core.align.transcript', 'opencc'))]; "
            "print(bad); raise SystemExit(1 if bad else 0)")
    proc = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True,
                          text=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_a_new_call_reports_its_first_turn_without_laying_out_the_rest(qtbot) -> None:
    view = ReadingView(pool=_RecordingPool())  # type: ignore[arg-type]
    qtbot.addWidget(view)
    view.resize(700, 500)
    view.show()
    qtbot.waitExposed(view)
    reported: list[int] = []
    view.current_turn_changed.connect(reported.append)
    t = _long_call()
    view.set_transcript(t)
    assert reported == [0]
    assert view.turn_at_viewport_top() == 0
    laid_out = _laid_out_blocks(view)  # only the top of the call; the rest follows when idle
    whole = _hidden_build(qtbot, t)
    blocks = whole.document().blockCount()
    qtbot.waitUntil(lambda: _laid_out_blocks(view) == blocks, timeout=10_000)
    assert laid_out < blocks // 2
    assert view.turn_at_viewport_top() == 0 and reported == [0]


def _hidden_build(qtbot, t: Transcript) -> ReadingView:
    """The same call built whole at once: a hidden view does not build top first."""
    view = ReadingView(pool=_RecordingPool())  # type: ignore[arg-type]
    qtbot.addWidget(view)
    view.resize(700, 500)
    view.set_transcript(t)
    return view


def _shown_view(qtbot) -> ReadingView:
    view = ReadingView(pool=_RecordingPool())  # type: ignore[arg-type]
    qtbot.addWidget(view)
    view.resize(700, 500)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_a_long_call_shows_its_top_first_and_the_rest_between_events(qtbot) -> None:
    t = _long_call()
    view = _shown_view(qtbot)
    view.set_transcript(t)
    first = view.document().blockCount()
    whole = _hidden_build(qtbot, t)
    assert first < whole.document().blockCount() // 2
    qtbot.waitUntil(lambda: view.document().blockCount() == whole.document().blockCount(),
                    timeout=10_000)
    # Written in slices or at once, the document and its map are the same.
    assert view.toPlainText() == whole.toPlainText()
    assert [(turn, start, p.text) for turn, start, p in view.displayed_paragraphs()] == \
        [(turn, start, p.text) for turn, start, p in whole.displayed_paragraphs()]


@pytest.mark.parametrize("ask", [
    lambda v, t: v.is_turn_shown(len(t.turns) - 1),
    lambda v, t: v.turn_document_span(len(t.turns) - 1) is not None,
    lambda v, t: v.select_source_span(t.turns[-1].start, t.turns[-1].start + 3),
    lambda v, t: v.find("research") == len(t.turns) - 1,
    lambda v, t: len(v.source_span_document_spans(t.turns[-1].start, t.turns[-1].end)) == 2,
    lambda v, t: (v.scroll_to_turn(len(t.turns) - 1), v.verticalScrollBar().value() > 0)[1],
], ids=["is_turn_shown", "turn_document_span", "select_source_span", "find",
        "source_span_document_spans", "scroll_to_turn"])
def test_what_needs_the_whole_call_gets_it_at_once(qtbot, ask) -> None:
    t = _long_call()
    view = _shown_view(qtbot)
    view.set_transcript(t)
    assert ask(view, t)
    whole = _hidden_build(qtbot, t)
    assert view.toPlainText() == whole.toPlainText()


def test_a_shown_view_starts_aligning_after_its_first_paint(qtbot) -> None:
    pool = _RecordingPool()
    view = ReadingView(pool=pool)  # type: ignore[arg-type]
    qtbot.addWidget(view)
    view.resize(700, 500)
    view.show()
    qtbot.waitExposed(view)
    with qtbot.waitSignal(view.alignment_started, timeout=0):
        view.set_transcript(_long_call(4))
    assert pool.jobs == []
    qtbot.waitUntil(lambda: len(pool.jobs) == 1, timeout=5_000)
    view.set_transcript(_long_call(5))  # a new call: one job more, after the next paint
    assert len(pool.jobs) == 1
    qtbot.waitUntil(lambda: len(pool.jobs) == 2, timeout=5_000)
    qtbot.wait(20)
    assert len(pool.jobs) == 2


def test_a_hidden_view_starts_aligning_at_once(qtbot) -> None:
    pool = _RecordingPool()
    view = ReadingView(pool=pool)  # type: ignore[arg-type]
    qtbot.addWidget(view)
    view.set_transcript(_long_call(4))
    assert len(pool.jobs) == 1


def test_a_call_replaced_before_its_paint_is_aligned_once(qtbot, monkeypatch) -> None:
    aligned: list[object] = []

    def record(t: Transcript, **_kw: object) -> None:
        aligned.append(t)
        raise RuntimeError("recorded, not aligned")

    monkeypatch.setattr(alignment_worker, "align_transcript", record)
    pool = _RecordingPool()
    view = ReadingView(pool=pool)  # type: ignore[arg-type]
    qtbot.addWidget(view)
    view.resize(700, 500)
    view.show()
    qtbot.waitExposed(view)
    view.set_transcript(_long_call(4))
    second = _long_call(6)
    view.set_transcript(second)
    qtbot.waitUntil(lambda: len(pool.jobs) == 1, timeout=5_000)
    qtbot.wait(20)
    assert len(pool.jobs) == 1
    pool.jobs[0].run()
    assert aligned == [second]


def test_a_rebuild_lets_the_previous_document_go(qtbot) -> None:
    view = ReadingView(pool=_RecordingPool())  # type: ignore[arg-type]
    qtbot.addWidget(view)
    view.resize(700, 500)
    view.show()
    qtbot.waitExposed(view)
    t = _long_call(6)
    view.set_transcript(t)
    # Extra selections of every kind hold cursors into the document being replaced.
    turn = t.turns[1]
    view.set_highlights([HighlightMark(1, turn.start, turn.start + 5, QColor("#ffcc00"))])
    assert view.find("customers") > 0
    destroyed: list[int] = []
    for script in ("t2s", "none", "s2t"):
        view.document().destroyed.connect(lambda *_: destroyed.append(1))
        view.set_script(script)
    assert len(destroyed) == 3
    assert view.findChildren(QTextDocument) == [view.document()]
    assert view.find_hit_count() > 0 and view.highlight_document_spans(1)


def test_an_alignment_arriving_before_the_rest_is_written_marks_the_whole_call(qtbot) -> None:
    t = _long_call()
    pool = _RecordingPool()
    view = ReadingView(pool=pool)  # type: ignore[arg-type]
    qtbot.addWidget(view)
    view.resize(700, 500)
    view.show()
    qtbot.waitExposed(view)
    view.set_transcript(t)
    view._writer._tail_after_paint = False  # hold the rest back, as a busy event loop would
    view._writer._tail_timer.stop()
    qtbot.waitUntil(lambda: len(pool.jobs) == 1, timeout=5_000)
    partial = view.document().blockCount()
    with qtbot.waitSignal(view.alignment_ready, timeout=10_000):
        pool.jobs[0].run()  # aligns here and reports at once
    whole = _hidden_build(qtbot, t)
    assert partial < whole.document().blockCount()
    assert view.toPlainText() == whole.toPlainText()
    alignment = view.sentence_alignment()
    assert alignment is not None and len(alignment.pairs) == 40


def test_the_window_modules_load_without_the_library_stack() -> None:
    """SQLAlchemy and the services load with the library, after the first paint: a module
    of the window importing them at the top costs every start about 150 ms."""
    code = ("import sys; import reader.ui.app, reader.ui.window.main_window; "
            "bad = sorted({m.split('.')[0] for m in sys.modules "
            "if m.startswith(('sqlalchemy', 'alembic', 'db.', 'reader.services.'))}); "
            "print(bad); raise SystemExit(1 if bad else 0)")
    proc = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True,
                          text=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert proc.returncode == 0, proc.stdout + proc.stderr
