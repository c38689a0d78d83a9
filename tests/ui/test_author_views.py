"""Authors in the window: the author column and filter once a library has two authors, in
the Highlights dock and the Notebook, and the name this user signs with (Annotate → Your Name…)."""

from __future__ import annotations

from pathlib import Path

import pytest
from notes_helpers import CALL as NOTEBOOK_CALL
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QInputDialog
from test_highlights import CALL, PROFIT, STABLE, highlight, open_call

from reader.services.annotations import AnnotationService, default_user
from reader.ui.annotations.highlights_dock import MINE
from reader.ui.annotations.highlights_model import Column
from reader.ui.annotations.notebook import Column as NotebookColumn
from reader.ui.settings import Settings

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints",
                              "This plugin does not support raise"),
]


@pytest.fixture
def call_file(tmp_path: Path) -> Path:
    path = tmp_path / "pinecrest_q2_2025.txt"
    path.write_text(CALL, encoding="utf-8")
    return path


def bo_highlights(library: Path, transcript_id: int, quote: str) -> int:
    with AnnotationService.open(library, user="bo") as bo:
        return bo.add_highlight_by_quote(transcript_id, quote, note="Bo's").id


def shown_ids(dock) -> set[int]:
    from reader.ui.annotations.highlights_model import HighlightRole

    p = dock.proxy
    return {p.index(r, 0).data(HighlightRole.IdRole) for r in range(p.rowCount())}


def choose(combo, data: str) -> None:
    index = combo.findData(data)
    assert index >= 0, (data, [combo.itemData(i) for i in range(combo.count())])
    combo.setCurrentIndex(index)


def test_the_dock_shows_authors_once_a_second_one_writes(qtbot, window, call_file, library):
    view = open_call(qtbot, window, call_file)
    ctl = window.annotations
    dock = ctl.dock
    mine = highlight(qtbot, window, view, STABLE)
    assert mine.author == default_user()
    header = dock.view.header()
    assert header.isSectionHidden(Column.AUTHOR) and dock.author_filter.isHidden()

    tid = ctl.transcript_id(view)
    assert tid is not None
    theirs = bo_highlights(library, tid, PROFIT)
    # Another writer of the file: the window hears of it within a few seconds.
    qtbot.waitUntil(lambda: len(ctl.highlights(view)) == 2, timeout=15_000)
    qtbot.waitUntil(lambda: not header.isSectionHidden(Column.AUTHOR), timeout=5_000)
    assert not dock.author_filter.isHidden()
    assert header.visualIndex(Column.AUTHOR) == 1  # beside the quote, seen in a narrow dock
    row = dock.model.row_of(theirs)
    assert dock.model.index(row, Column.AUTHOR).data() == "bo"
    assert [dock.author_filter.itemText(i) for i in range(dock.author_filter.count())] \
        == ["Everyone", "Mine", "bo"]

    choose(dock.author_filter, MINE)
    assert shown_ids(dock) == {mine.id}
    choose(dock.author_filter, "bo")
    assert shown_ids(dock) == {theirs}
    dock.clear_button.click()
    assert shown_ids(dock) == {mine.id, theirs}


def test_your_name_signs_new_highlights_and_is_remembered(qtbot, make_window, call_file,
                                                          tmp_path, monkeypatch):
    window = make_window()
    ctl = window.annotations
    qtbot.waitUntil(lambda: ctl.user != "", timeout=10_000)
    assert ctl.user == default_user()
    asked: list[str] = []

    def answer(_parent, _title, label, _mode, text):
        asked.append(label)
        return "  Ana   Li ", True

    monkeypatch.setattr(QInputDialog, "getText", answer)
    assert ctl.act_user_name in ctl.annotate_actions()
    ctl.act_user_name.trigger()
    assert default_user() in asked[0]
    qtbot.waitUntil(lambda: ctl.user == "Ana Li", timeout=10_000)
    view = open_call(qtbot, window, call_file)
    assert highlight(qtbot, window, view, STABLE).author == "Ana Li"
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    assert settings.user_name == "Ana Li"

    again = make_window()  # a later session signs with the remembered name from the start
    qtbot.waitUntil(lambda: again.annotations.user != "", timeout=10_000)
    assert again.annotations.user == "Ana Li"
    again.annotations.set_user_name("")  # empty: back to the system name
    qtbot.waitUntil(lambda: again.annotations.user == default_user(), timeout=10_000)


def test_the_notebook_filters_by_author(qtbot, make_window, library, tmp_path):
    from test_notebook import open_notebook, quotes, settled

    library.parent.mkdir(parents=True, exist_ok=True)
    path = tmp_path / "qingyun.txt"
    path.write_text(NOTEBOOK_CALL, encoding="utf-8")
    margin = "我 们 预 计 下 半 年 毛 利 率 会 保 持 稳 定 。"
    cold = "冷 链 用 户 也 更 多 了 。"
    with AnnotationService.open(library) as me:
        tid = me.import_file(path).transcript.id
        me.add_highlight_by_quote(tid, margin)
    bo_highlights(library, tid, cold)

    notebook = open_notebook(qtbot, make_window())
    assert settled(notebook, 2)
    assert not notebook.author_filter.isHidden()
    assert not notebook.view.header().isSectionHidden(NotebookColumn.AUTHOR)
    authors = {notebook.model.index(r, NotebookColumn.AUTHOR).data() for r in range(2)}
    assert authors == {default_user(), "bo"}
    choose(notebook.author_filter, "mine")
    qtbot.waitUntil(lambda: settled(notebook, 1), timeout=10_000)
    assert len(quotes(notebook)) == 1 and "毛" in quotes(notebook)[0].replace(" ", "")
    choose(notebook.author_filter, "bo")
    qtbot.waitUntil(lambda: settled(notebook, 1) and "冷" in quotes(notebook)[0], timeout=10_000)
    notebook.clear_button.click()
    qtbot.waitUntil(lambda: settled(notebook, 2), timeout=10_000)


def test_one_author_shows_no_author_column_in_the_notebook(qtbot, make_window, library,
                                                           tmp_path):
    from test_notebook import open_notebook, settled

    library.parent.mkdir(parents=True, exist_ok=True)
    path = tmp_path / "qingyun.txt"
    path.write_text(NOTEBOOK_CALL, encoding="utf-8")
    with AnnotationService.open(library) as me:
        tid = me.import_file(path).transcript.id
        me.add_highlight_by_quote(tid, "冷 链 用 户 也 更 多 了 。")
    notebook = open_notebook(qtbot, make_window())
    assert settled(notebook, 1)
    assert notebook.author_filter.isHidden()
    assert notebook.view.header().isSectionHidden(NotebookColumn.AUTHOR)
