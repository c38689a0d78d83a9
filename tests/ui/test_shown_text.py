"""What the window quotes is what the reading view shows: the dock, the tags/note editor and
File → Export use the window's script and cleanup, with the aligned sentence as context."""

from __future__ import annotations

from pathlib import Path

import pytest
from notes_helpers import CALL
from PySide6.QtWidgets import QDialog
from test_highlights import highlight, open_call

from reader.ui.annotations.editor import AnnotationEditor
from reader.ui.annotations.highlights_model import Column
from reader.ui.window.main_window import MainWindow

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]

COLD = "冷 链 用 户 也 更 多 了 。"  # spaced by speech recognition, simplified
SHOWN = {"none": "冷链用户也更多了。", "s2twp": "冷鏈使用者也更多了。", "s2t": "冷鏈用戶也更多了。"}


@pytest.fixture
def call_file(tmp_path: Path) -> Path:
    path = tmp_path / "qingyun_q1_2026.txt"
    path.write_text(CALL, encoding="utf-8")
    return path


def dock_quote(window: MainWindow) -> str:
    model = window.annotations.dock.model
    return str(model.index(0, Column.QUOTE).data())


@pytest.mark.parametrize("script", ["none", "s2twp", "s2t"])
def test_dock_and_editor_quote_as_the_reading_view_shows(qtbot, window, call_file, monkeypatch,
                                                         script):
    view = open_call(qtbot, window, call_file)
    h = highlight(qtbot, window, view, COLD)
    window.set_script(script)
    qtbot.waitUntil(lambda: dock_quote(window) == SHOWN[script], timeout=10_000)

    seen: list[str] = []

    def fake_exec(editor: AnnotationEditor) -> int:
        seen.append(editor.quote_label.text())
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(AnnotationEditor, "exec", fake_exec)
    window.annotations.edit_highlight(h.id)
    assert seen == [f"“{SHOWN[script]}”"]


def test_spacing_left_and_fillers_hidden_follow_the_cleanup(qtbot, window, call_file):
    view = open_call(qtbot, window, call_file)
    highlight(qtbot, window, view, "嗯 , 大 家 好 。")
    window.set_cleanup(False, False)
    qtbot.waitUntil(lambda: dock_quote(window) == "嗯 , 大 家 好 。", timeout=10_000)
    window.set_cleanup(True, True)
    qtbot.waitUntil(lambda: "嗯" not in dock_quote(window) and "大家好" in dock_quote(window),
                    timeout=10_000)


def test_export_uses_the_window_script_and_the_aligned_sentence(qtbot, window, call_file,
                                                                 tmp_path):
    view = open_call(qtbot, window, call_file, aligned=True)
    highlight(qtbot, window, view, COLD)
    window.set_script("s2twp")
    target = tmp_path / "out" / "qingyun.md"
    window.annotations.export.export_to(target)
    qtbot.waitUntil(target.exists, timeout=20_000)
    md = target.read_text(encoding="utf-8")
    assert "> 冷鏈使用者也更多了。" in md
    assert "冷 链" not in md and "冷链" not in md
    # The context is the aligned English sentence, not the whole interpreting turn.
    assert "We also have more cold-chain users." in md
    assert "Our freight revenue grew 9% this quarter." not in md


def test_export_all_uses_the_window_script(qtbot, window, call_file, tmp_path):
    view = open_call(qtbot, window, call_file)
    highlight(qtbot, window, view, COLD)
    window.set_script("s2t")
    folder = tmp_path / "notes"
    window.annotations.export.export_all_to(folder)
    qtbot.waitUntil(lambda: folder.is_dir() and any(folder.glob("*.md")), timeout=20_000)
    (note,) = folder.glob("*.md")
    assert "> 冷鏈用戶也更多了。" in note.read_text(encoding="utf-8")
