"""The notebook: every highlight of the library in pages, filtered, opened at its passage,
exported as a filtered set; it needs no open transcript and follows library changes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from notes_helpers import CALL, SECOND
from PySide6.QtCore import Qt

from reader.core.links import parse_link
from reader.services.annotations import AnnotationService
from reader.ui.annotations import notebook as notebook_module
from reader.ui.annotations.notebook import Column, NotebookRole, NotebookWindow
from reader.ui.window.main_window import MainWindow

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints",
                              "This plugin does not support raise"),
]

COLD = "冷 链 用 户 也 更 多 了 。"
MARGIN = "我 们 预 计 下 半 年 毛 利 率 会 保 持 稳 定 。"
QUESTION = "How do you see margins in the second half?"
ORDERS = "Orders for warehouse arms doubled"
HOSTILE_NOTE = "see <b>this</b> [x](http://evil.example) ![i](http://evil.example/i.png)"
EXTRA = 20  # more highlights on the Tiemu call, for paging


@pytest.fixture
def stocked(library: Path, tmp_path: Path) -> dict[str, int]:
    """Two calls in the library with highlights in every colour; their files gone."""
    library.parent.mkdir(parents=True, exist_ok=True)
    ids = {}
    with AnnotationService.open(library) as service:
        for name, text in (("qingyun", CALL), ("tiemu", SECOND)):
            path = tmp_path / f"{name}.txt"
            path.write_text(text, encoding="utf-8")
            ids[name] = service.import_file(path).transcript.id
            path.unlink()
        q, t = ids["qingyun"], ids["tiemu"]
        ids["cold"] = service.add_highlight_by_quote(q, COLD, colour="red", tags=["cold-chain"],
                                                     note=HOSTILE_NOTE).id
        service.add_highlight_by_quote(q, MARGIN, colour="yellow", tags=["guidance"])
        service.add_highlight_by_quote(q, QUESTION, colour="blue")
        service.add_highlight_by_quote(t, ORDERS, colour="green", tags=["guidance"])
        text = service.transcript_text(t)
        base = text.index("Orders")
        for i in range(EXTRA):
            service.add_highlight(t, base + i, base + i + 5, colour="green")
    return ids


TOTAL = 4 + EXTRA


@pytest.fixture
def small_pages(monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr(notebook_module, "PAGE_SIZE", 5)
    return 5


def open_notebook(qtbot, window: MainWindow) -> NotebookWindow:
    window._notebook.act_notebook.trigger()
    notebook = window._notebook.notebook
    assert notebook is not None and notebook.isVisible()
    qtbot.waitUntil(lambda: notebook.model.total() is not None, timeout=20_000)
    qtbot.waitUntil(lambda: notebook.colour_filter.count() > 1, timeout=20_000)
    return notebook


def choose(combo, data: str) -> None:
    index = combo.findData(data)
    assert index >= 0, (data, [combo.itemData(i) for i in range(combo.count())])
    combo.setCurrentIndex(index)


def quotes(notebook: NotebookWindow) -> list[str]:
    m = notebook.model
    return [m.index(r, Column.QUOTE).data() for r in range(m.rowCount())]


def settled(notebook: NotebookWindow, total: int) -> bool:
    return not notebook.model.is_loading() and notebook.model.total() == total


def test_the_model_fetches_a_page_at_a_time(qtbot, qtmodeltester, make_window, stocked,
                                            small_pages):
    from PySide6.QtCore import QThreadPool

    from reader.services.notes import NotebookQuery

    window: MainWindow = make_window()
    session = window.annotations.session
    pool = QThreadPool()
    model = notebook_module.NotebookModel(lambda: session.service, pool)
    model.set_query(NotebookQuery())
    qtbot.waitUntil(lambda: model.total() is not None, timeout=20_000)
    assert (model.total(), model.rowCount()) == (TOTAL, small_pages)  # one page, not all
    assert model.canFetchMore()
    model.fetchMore()
    assert not model.canFetchMore()  # one page at a time
    qtbot.waitUntil(lambda: model.rowCount() == 2 * small_pages, timeout=10_000)
    qtmodeltester.check(model)
    while model.canFetchMore() or model.is_loading():
        if model.canFetchMore():
            model.fetchMore()
        qtbot.wait(10)
    assert model.rowCount() == TOTAL
    pool.waitForDone(5000)


def test_every_highlight_with_no_transcript_open(qtbot, make_window, stocked, small_pages):
    window: MainWindow = make_window()
    assert window.current_view() is None
    notebook = open_notebook(qtbot, window)
    model = notebook.model
    assert model.total() == TOTAL
    while model.rowCount() < TOTAL:  # scrolling to the end fetches the next page
        notebook.view.scrollToBottom()
        qtbot.wait(20)
    assert f"{TOTAL} highlights" in notebook.status.text()
    # Each row: call, quote as shown (spacing joined), speaker, colour, tags, note.
    row = [model.index(r, 0).data(NotebookRole.HighlightIdRole)
           for r in range(model.rowCount())].index(stocked["cold"])
    values = [model.index(row, c).data() for c in Column]
    assert values[Column.CALL] == "Qingyun Freight Q1 2026"
    assert values[Column.QUOTE] == "冷链用户也更多了。"
    assert values[Column.SPEAKER] == "Lin Bo"
    assert values[Column.COLOUR] == "Risk"
    assert values[Column.TAGS] == "#cold-chain"
    assert values[Column.NOTE] == HOSTILE_NOTE


def test_the_notebook_shows_the_window_script(qtbot, make_window, stocked):
    window: MainWindow = make_window()
    window.set_script("s2twp")
    notebook = open_notebook(qtbot, window)
    choose(notebook.colour_filter, "red")
    qtbot.waitUntil(lambda: settled(notebook, 1), timeout=10_000)
    assert quotes(notebook) == ["冷鏈使用者也更多了。"]
    window.set_script("none")
    qtbot.waitUntil(lambda: quotes(notebook) == ["冷链用户也更多了。"], timeout=10_000)


@pytest.mark.parametrize(("combo", "value", "expected"), [
    ("colour_filter", "red", 1),
    ("tag_filter", "guidance", 2),
    ("company_filter", "Tiemu Robotics", 1 + EXTRA),
    ("period_filter", "Q1 2026", 3),
    ("kind_filter", "analyst", 1),
])
def test_filters(qtbot, make_window, stocked, combo, value, expected):
    notebook = open_notebook(qtbot, make_window())
    choose(getattr(notebook, combo), value)
    qtbot.waitUntil(lambda: settled(notebook, expected), timeout=10_000)
    if combo == "kind_filter":
        assert quotes(notebook) == [QUESTION]
    notebook.clear_button.click()
    qtbot.waitUntil(lambda: settled(notebook, TOTAL), timeout=10_000)


def test_text_filter_finds_either_script(qtbot, make_window, stocked):
    notebook = open_notebook(qtbot, make_window())
    notebook.search.setText("冷鏈用戶")  # traditional, the stored quote is simplified and spaced
    qtbot.waitUntil(lambda: settled(notebook, 1), timeout=10_000)
    assert quotes(notebook) == ["冷链用户也更多了。"]
    notebook.search.setText("evil.example")  # notes too
    qtbot.waitUntil(lambda: settled(notebook, 1), timeout=10_000)
    notebook.search.setText("nothing like this")
    qtbot.waitUntil(lambda: settled(notebook, 0), timeout=10_000)
    assert "No highlight matches" in notebook.status.text()


def test_double_click_opens_the_call_at_the_highlight(qtbot, make_window, stocked):
    window: MainWindow = make_window()
    notebook = open_notebook(qtbot, window)
    choose(notebook.colour_filter, "red")
    qtbot.waitUntil(lambda: settled(notebook, 1), timeout=10_000)
    index = notebook.model.index(0, Column.QUOTE)
    start, end = index.data(NotebookRole.StartRole), index.data(NotebookRole.EndRole)
    notebook.view.doubleClicked.emit(index)
    qtbot.waitUntil(lambda: window.current_view() is not None
                    and window.current_view().selection_source_span() == (start, end),
                    timeout=20_000)
    qtbot.waitUntil(lambda: window.current_document().info is not None, timeout=10_000)
    assert window.current_document().info.id == stocked["qingyun"]


def wait_file(qtbot, notebook: NotebookWindow, path: Path) -> str:
    qtbot.waitUntil(lambda: path.exists() and not notebook.export_running(), timeout=30_000)
    return path.read_text(encoding="utf-8")


def test_export_of_the_filtered_set(qtbot, make_window, stocked, tmp_path, small_pages):
    notebook = open_notebook(qtbot, make_window())
    choose(notebook.tag_filter, "guidance")
    qtbot.waitUntil(lambda: settled(notebook, 2), timeout=10_000)

    notebook.export_to(tmp_path / "out.md", "md")
    md = wait_file(qtbot, notebook, tmp_path / "out.md")
    assert "> 我们预计下半年毛利率会保持稳定。" in md and ORDERS in md
    assert "冷链" not in md and "Qingyun Freight" in md and "Tiemu Robotics" in md
    assert "Exported 2 highlights" in notebook.status.text()

    notebook.export_to(tmp_path / "out.json", "json")
    data = json.loads(wait_file(qtbot, notebook, tmp_path / "out.json"))
    assert sorted(h["quote"] for c in data["calls"] for h in c["highlights"]) == sorted(
        [MARGIN, ORDERS])

    notebook.export_to(tmp_path / "out.csv", "csv")
    rows = list(csv.DictReader(io.StringIO(wait_file(qtbot, notebook, tmp_path / "out.csv"))))
    assert sorted(r["quote"] for r in rows) == sorted([MARGIN, ORDERS])


def test_exported_notebook_markdown_renders_no_transcript_or_note_markup(qtbot, make_window,
                                                                        stocked, tmp_path):
    notebook = open_notebook(qtbot, make_window())
    choose(notebook.colour_filter, "red")
    qtbot.waitUntil(lambda: settled(notebook, 1), timeout=10_000)
    notebook.export_to(tmp_path / "red.md", "md")
    md = wait_file(qtbot, notebook, tmp_path / "red.md")
    body = md.split("---\n", 2)[2]  # after the front matter
    links, types = [], []
    for token in MarkdownIt("commonmark").parse(body):
        types.append(token.type)
        for child in token.children or ():
            types.append(child.type)
            if child.type == "link_open":
                links.append(str(child.attrGet("href")))
    assert "image" not in types and "html_inline" not in types and "html_block" not in types
    assert len(links) == 1 and parse_link(links[0]).sha256
    assert "<b>" not in MarkdownIt("commonmark").render(body)


def test_export_with_nothing_shown_says_so(qtbot, make_window, stocked, tmp_path):
    notebook = open_notebook(qtbot, make_window())
    notebook.search.setText("nothing like this")
    qtbot.waitUntil(lambda: settled(notebook, 0), timeout=10_000)
    notebook._on_export_chosen("md")
    assert "Nothing to export" in notebook.status.text()


def test_the_notebook_follows_changes_to_the_library(qtbot, make_window, stocked):
    window: MainWindow = make_window()
    notebook = open_notebook(qtbot, window)
    qtbot.waitUntil(lambda: settled(notebook, TOTAL), timeout=10_000)
    tid = stocked["qingyun"]
    window.annotations.session.submit(
        lambda s: s.add_highlight_by_quote(tid, "燃 油 成 本 还 有 压 力 。", tags=["fuel"]))
    qtbot.waitUntil(lambda: settled(notebook, TOTAL + 1), timeout=20_000)
    qtbot.waitUntil(lambda: notebook.tag_filter.findData("fuel") >= 0, timeout=10_000)


def test_shortcut_and_menu(qtbot, make_window, stocked):
    window: MainWindow = make_window()
    action = window._notebook.act_notebook
    assert action.shortcut().toString() == "Ctrl+Shift+B"
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    assert action in view_menu.actions()
    notebook = open_notebook(qtbot, window)
    assert notebook.windowFlags() & Qt.WindowType.Window
    rows = dict(window.shortcut_rows())
    assert rows["Notebook: All Highlights"] == "Ctrl+Shift+B"
    assert rows["Copy with Citation"] == "Ctrl+Shift+C"


def test_the_notebook_remembers_its_place_and_columns(qtbot, make_window, stocked):
    window: MainWindow = make_window()
    notebook = open_notebook(qtbot, window)
    notebook.resize(777, 555)
    notebook.view.header().resizeSection(Column.QUOTE, 321)
    notebook.close()
    later: MainWindow = make_window()  # the next session, same settings file
    again = open_notebook(qtbot, later)
    assert again.view.header().sectionSize(Column.QUOTE) == 321
    assert again.size().width() == 777


def test_export_with_no_filter_writes_every_highlight(qtbot, make_window, stocked, tmp_path):
    notebook = open_notebook(qtbot, make_window())
    notebook.export_to(tmp_path / "all.json", "json")
    data = json.loads(wait_file(qtbot, notebook, tmp_path / "all.json"))
    assert sum(len(c["highlights"]) for c in data["calls"]) == TOTAL
    notebook.export_to(tmp_path / "all.md", "md")
    md = wait_file(qtbot, notebook, tmp_path / "all.md")
    assert f"highlights: {TOTAL}" in md


def test_the_highlights_dock_points_to_the_notebook_when_no_call_is_open(qtbot, make_window):
    window: MainWindow = make_window()
    window.annotations.release_library()
    assert "Notebook (Ctrl+Shift+B)" in window.annotations.dock.status.text()


def test_copy_with_citation_from_the_notebook(qtbot, make_window, stocked):
    from PySide6.QtCore import QItemSelectionModel
    from PySide6.QtWidgets import QApplication

    from reader.ui.annotations.citation import MARKDOWN_MIME

    window: MainWindow = make_window()
    window.set_script("s2t")
    notebook = open_notebook(qtbot, window)
    choose(notebook.period_filter, "Q1 2026")  # the Qingyun call: three highlights
    qtbot.waitUntil(lambda: settled(notebook, 3), timeout=10_000)
    selection = notebook.view.selectionModel()
    for row in range(3):
        selection.select(notebook.model.index(row, 0), QItemSelectionModel.SelectionFlag.Select
                         | QItemSelectionModel.SelectionFlag.Rows)
    assert notebook.act_copy.shortcuts()[0].toString() == "Ctrl+Shift+C"
    notebook.act_copy.trigger()
    mime = QApplication.clipboard().mimeData()
    text = mime.text()
    assert "“冷鏈用戶也更多了。”" in text and "Qingyun Freight, Q1 2026, 2026-05-12" in text
    assert text.count("reader://open?sha256=") == 3
    md = bytes(mime.data(MARKDOWN_MIME).data()).decode("utf-8")
    links, types = [], []
    for token in MarkdownIt("commonmark").parse(md):
        types.append(token.type)
        for child in token.children or ():
            types.append(child.type)
            if child.type == "link_open":
                links.append(str(child.attrGet("href")))
    assert len(links) == 3 and all(parse_link(link) for link in links)
    assert "image" not in types and "html_inline" not in types
    assert mime.html().count("<blockquote>") == 3
    assert "Copied 3 highlights" in notebook.status.text()
