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
from reader.ui.reading_view import HighlightMark, ReadingView

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
    code = ("import sys; import reader.ui.reading_view, reader.ui.discrepancy_panel, "
            "reader.ui.alignment_worker; "
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
    # Only the top of the call is laid out so far; the rest follows when idle.
    assert _laid_out_blocks(view) < view.document().blockCount() // 2
    qtbot.waitUntil(lambda: _laid_out_blocks(view) == view.document().blockCount(),
                    timeout=10_000)
    assert view.turn_at_viewport_top() == 0 and reported == [0]


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


def test_a_call_replaced_before_its_paint_is_aligned_once(qtbot) -> None:
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
    assert pool.jobs[0]._transcript is second  # type: ignore[attr-defined]


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
