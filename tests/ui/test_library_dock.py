"""The Library dock in the main window: built on first use, imports in the background, search
(Ctrl+Shift+F) and opening a result at its hit, opening calls from the table, counts kept
current, a remembered page, a library that is off, and closing during an import."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QPushButton

from reader.services.search import SearchResult
from reader.ui.library.search_panel import SearchRole
from reader.ui.library.view import LibraryRole
from reader.ui.library_session import LibraryState
from reader.ui.settings import Settings
from reader.ui.window.main_window import MainWindow

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

# An invented call (Quartr layout): spaced Mandarin, each turn followed by its interpretation.
CALL = """Sign in

Harbourlight Storage - Q3 2025

Nov 6, 2025

Transcript

Operator (participant)

Good day and welcome to the Harbourlight Storage third quarter call.

Mei Tan (Chief Executive Officer)

我 们 的 冷 库 营 收 增 长 了 百 分 之 十 二 。 仓 储 用 户 也 更 多 了 。

Colin Reyes (Investor Relations Director)

Our cold-storage revenue grew 12%. We also have more warehouse users.

Operator (participant)

The next question comes from Nadia Voss of Fernhill Capital.

Nadia Voss (Equity Research Analyst)

Could you talk about the occupancy of the new refrigerated sites?

Mei Tan (Chief Executive Officer)

新 仓 库 的 入 住 率 已 经 到 了 百 分 之 八 十 。

Colin Reyes (Investor Relations Director)

Occupancy at the new warehouses has reached 80%.
"""


@pytest.fixture
def calls(tmp_path: Path) -> Path:
    """A folder of calls: the fixtures, our own call in a subfolder, and two bad files."""
    root = tmp_path / "calls"
    (root / "more").mkdir(parents=True)
    for f in sorted(FIXTURES.glob("*.txt")):
        shutil.copy(f, root / f.name)
    (root / "more" / "harbourlight_q3_2025.txt").write_text(CALL, encoding="utf-8")
    (root / "empty.txt").write_bytes(b"")
    (root / "more" / "binary.txt").write_bytes(bytes(range(256)) * 8)
    return root


def import_folder(qtbot, window: MainWindow, folder: Path) -> object:
    with qtbot.waitSignal(window.library.import_finished, timeout=60_000) as blocker:
        assert window.library.import_paths([folder])
    return blocker.args[0]


def search(qtbot, window: MainWindow, query: str) -> list[SearchResult]:
    panel = window.library.search_panel
    assert panel is not None
    with qtbot.waitSignal(panel.searched, timeout=20_000):
        panel.query.setText(query)
        panel.run_search()
    model = panel.results_model
    return [model.index(i, 0).data(SearchRole.RESULT) for i in range(model.rowCount())]


def activate_result(qtbot, window: MainWindow, row: int) -> SearchResult:
    panel = window.library.search_panel
    assert panel is not None
    index = panel.results_model.index(row, 0)
    result = index.data(SearchRole.RESULT)
    panel.results.activated.emit(index)
    qtbot.waitUntil(lambda: window.current_document() is not None
                    and window.current_document().transcript.source.sha256 == result.sha256,
                    timeout=20_000)
    view = window.current_view()
    qtbot.waitUntil(lambda: view.selection_source_span() == (result.hit_start, result.hit_end),
                    timeout=10_000)
    return result


def rows(window: MainWindow) -> int:
    view = window.library.library_view
    assert view is not None
    return view.proxy.rowCount()


# -- built on first use -----------------------------------------------------------------------

def test_the_dock_starts_hidden_and_unbuilt(window: MainWindow) -> None:
    lib = window.library
    assert not lib.dock.isVisible()
    assert not lib.ready  # no library table or search services until asked for
    lib.show_library()
    assert lib.ready and lib.dock.isVisible()
    outline = window.findChild(type(lib.dock), "outline_dock")
    assert lib.dock in window.tabifiedDockWidgets(outline)  # one tab away from the outline


def test_ctrl_shift_f_shows_search_with_the_query_focused(qtbot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    lib = window.library
    qtbot.waitUntil(lib.dock.isVisible)
    assert lib.ready and lib.search_panel is not None
    assert lib.dock.widget().currentWidget() is lib.search_panel
    qtbot.waitUntil(lambda: QApplication.focusWidget() is lib.search_panel.query)
    assert "Ctrl+Shift+F" in dict(window.shortcut_rows()).values()


# -- import, search, open -----------------------------------------------------------------------

def test_import_lists_calls_and_reports_bad_files(qtbot, window: MainWindow, calls: Path) -> None:
    summary = import_folder(qtbot, window, calls)
    good = len(list(FIXTURES.glob("*.txt"))) + 1
    assert summary.new == good and len(summary.failures) == 2
    assert rows(window) == good
    view = window.library.library_view
    assert view.failures.count() == 2 and view.failures.isVisible()
    assert "imported" in window.statusBar().currentMessage()
    # The search page offers the periods now in the library.
    panel = window.library.search_panel
    periods = [panel.period_from.itemText(i) for i in range(panel.period_from.count())]
    assert "Q3 2025" in periods


def test_a_chinese_result_opens_its_call_at_the_hit(qtbot, window: MainWindow,
                                                   calls: Path) -> None:
    import_folder(qtbot, window, calls)
    window.library.show_search()
    results = search(qtbot, window, "營收")  # the file says 营收, spaced
    assert results and results[0].company == "Harbourlight Storage"
    assert window.tabs.count() == 0
    r = activate_result(qtbot, window, 0)
    view = window.current_view()
    assert window.tabs.count() == 1
    assert view.selection_source_span() == (r.hit_start, r.hit_end)
    assert "".join(view.textCursor().selectedText().split()) == "营收"
    # The hit is on screen, not merely selected.
    rect = view.cursorRect()
    assert rect.top() >= 0 and rect.bottom() <= view.viewport().height()
    assert view.hasFocus() or QApplication.focusWidget() is view


def test_results_follow_the_window_script(qtbot, window: MainWindow, calls: Path,
                                          qtmodeltester) -> None:
    import_folder(qtbot, window, calls)
    window.library.show_search()
    results = search(qtbot, window, "营收")
    model = window.library.search_panel.results_model
    row = next(i for i, r in enumerate(results) if r.company == "Harbourlight Storage")
    index = model.index(row, 0)

    def marked() -> list[str]:
        snippet = index.data(SearchRole.SNIPPET)
        return [snippet[s:e] for s, e in index.data(SearchRole.MARKS)]

    assert marked() == ["营收"]
    with qtbot.waitSignal(model.dataChanged):
        window.set_script("s2t")
    assert marked() == ["營收"] and "冷庫" in index.data(SearchRole.SNIPPET)
    assert index.data(SearchRole.RESULT) is results[row]  # positions stay the file's
    qtmodeltester.check(model)
    window.set_script("none")
    assert marked() == ["营收"]


def test_a_result_deep_in_a_call_scrolls_there_and_reuses_the_tab(qtbot, window: MainWindow,
                                                                 calls: Path) -> None:
    import_folder(qtbot, window, calls)
    window.library.show_search()
    results = search(qtbot, window, '"take rate"')
    assert results
    first = activate_result(qtbot, window, 0)
    last_row = max(i for i, r in enumerate(results) if r.sha256 == first.sha256)
    last = activate_result(qtbot, window, last_row)
    assert window.tabs.count() == 1  # the same call: its tab is reused
    view = window.current_view()
    assert view.selection_source_span() == (last.hit_start, last.hit_end)
    assert view.textCursor().selectedText().lower() == "take rate"


def test_a_hit_the_layout_hides_brings_its_turn_and_says_why(qtbot, window: MainWindow,
                                                            calls: Path) -> None:
    import_folder(qtbot, window, calls)
    window.set_layout_mode("original_only")  # the English interpretation is hidden
    window.library.show_search()
    results = search(qtbot, window, "occupancy warehouses")
    r = next(r for r in results if r.company == "Harbourlight Storage")
    index = results.index(r)
    panel = window.library.search_panel
    panel.results.activated.emit(panel.results_model.index(index, 0))
    qtbot.waitUntil(lambda: window.current_view() is not None, timeout=20_000)
    qtbot.waitUntil(lambda: "hides" in window.statusBar().currentMessage(), timeout=10_000)


def test_a_row_of_the_table_opens_its_call_once(qtbot, window: MainWindow, calls: Path) -> None:
    import_folder(qtbot, window, calls)
    view = window.library.library_view
    view.company_filter.setText("Harbourlight")
    assert rows(window) == 1
    tid = view.proxy.index(0, 0).data(LibraryRole.TRANSCRIPT_ID)
    for _ in range(2):
        # A fresh index each time: the table reloads as the library reports changes.
        view.table.activated.emit(view.proxy.index(0, 0))
        qtbot.waitUntil(lambda: window.current_document() is not None, timeout=20_000)
        qtbot.wait(50)
    assert window.tabs.count() == 1
    doc = window.current_document()
    assert doc.transcript.meta.company == "Harbourlight Storage"
    assert window.annotations.transcript_id(doc.view) in (None, tid)
    qtbot.waitUntil(lambda: window.annotations.transcript_id(doc.view) == tid, timeout=20_000)


def test_highlight_counts_follow_highlights_made_in_the_window(qtbot, window: MainWindow,
                                                              calls: Path) -> None:
    import_folder(qtbot, window, calls)
    lib = window.library.library_view
    lib.company_filter.setText("Harbourlight")
    lib.table.activated.emit(lib.proxy.index(0, 0))
    qtbot.waitUntil(lambda: window.current_view() is not None, timeout=20_000)
    view = window.current_view()
    qtbot.waitUntil(lambda: window.annotations.transcript_id(view) is not None, timeout=20_000)
    text = view.transcript().text
    start = text.index("Occupancy")
    assert view.select_source_span(start, start + len("Occupancy"))
    window.annotations.act_highlight.trigger()

    def count() -> int:
        return lib.proxy.index(0, 0).data(LibraryRole.INFO).highlight_count

    qtbot.waitUntil(lambda: count() == 1, timeout=10_000)


def test_dropping_a_folder_imports_it(qtbot, window: MainWindow, calls: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(calls / "more"))])
    drop = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.library.import_finished, timeout=60_000) as blocker:
        window.dropEvent(drop)
    assert blocker.args[0].new == 1 and len(blocker.args[0].failures) == 1
    assert window.library.dock.isVisible()
    assert window.tabs.count() == 0  # a folder is not opened as a transcript


def _harbourlight_row(window: MainWindow):
    view = window.library.library_view
    view.company_filter.setText("Harbourlight")
    assert rows(window) == 1
    index = view.proxy.index(0, 0)
    view.table.setCurrentIndex(index)
    view.table.setFocus()
    return view, index


def test_delete_in_the_table_asks_then_removes_the_call(qtbot, window: MainWindow,
                                                       calls: Path) -> None:
    import_folder(qtbot, window, calls)
    view, _index = _harbourlight_row(window)
    view.table.activated.emit(view.proxy.index(0, 0))  # open it: its tab closes when removed
    qtbot.waitUntil(lambda: window.tabs.count() == 1, timeout=20_000)
    view.table.setFocus()
    qtbot.waitUntil(view.table.hasFocus)  # Delete elsewhere deletes highlights
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    box = window.library.remove_box
    assert box is not None and box.isVisible() and "Harbourlight Storage" in box.text()
    remove = next(b for b in box.buttons() if b.text() == "Remove")
    remove.click()
    qtbot.waitUntil(lambda: "Removed" in window.statusBar().currentMessage(), timeout=10_000)
    assert rows(window) == 0
    assert window.tabs.count() == 0
    window.library.show_search()
    assert all(r.company != "Harbourlight Storage" for r in search(qtbot, window, "冷库"))


def test_cancel_keeps_the_call(qtbot, window: MainWindow, calls: Path) -> None:
    import_folder(qtbot, window, calls)
    view, _index = _harbourlight_row(window)
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    box = window.library.remove_box
    assert box is not None
    box.button(box.StandardButton.Cancel).click()
    qtbot.wait(200)
    assert rows(window) == 1


# -- remembered, off, closing -------------------------------------------------------------------

def test_dock_and_page_are_remembered(qtbot, make_window) -> None:
    first = make_window()
    first.library.show_search()
    first.close()
    second = make_window()
    qtbot.waitUntil(lambda: second.library.dock.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: second.library.ready, timeout=10_000)
    assert second.library.dock.widget().currentWidget() is second.library.search_panel


def test_without_a_library_the_dock_says_so(qtbot, make_window) -> None:
    window = make_window(db=None)
    window.library.show_search()
    assert window.library.dock.isVisible() and not window.library.ready
    placeholder = window.library.dock.widget().currentWidget()
    assert placeholder.objectName() == "library_placeholder"
    assert "off" in placeholder.text()
    assert not window.library.import_paths([FIXTURES])


def test_closing_during_an_import_leaves_a_whole_library(qtbot, make_window, calls: Path,
                                                         library: Path,
                                                         tmp_path: Path) -> None:
    window = make_window()
    many = tmp_path / "many"
    many.mkdir()
    for i in range(150):  # distinct bytes, so none is skipped as already imported
        (many / f"call_{i:02}.txt").write_text(CALL + f"\nOperator (participant)\n\nEnd {i}.\n",
                                               encoding="utf-8")
    assert window.library.import_paths([many])
    qtbot.waitUntil(lambda: window.library.library_view.progress.value() >= 1, timeout=30_000)
    window.close()  # cancels the import and waits for it before the library closes
    with sqlite3.connect(library) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        stored = conn.execute("SELECT COUNT(*) FROM transcripts").fetchone()[0]
    assert 1 <= stored < 150  # stopped between two files
    reopened = make_window()
    qtbot.waitUntil(lambda: reopened.annotations.session.state is LibraryState.OPEN,
                    timeout=20_000)
    reopened.library.show_search()
    assert rows(reopened) == stored
    assert len(search(qtbot, reopened, "refrigerated")) == stored  # each stored call searchable


def test_the_library_opens_once_the_window_has_painted(qtbot, tmp_path: Path,
                                                       library: Path) -> None:
    window = MainWindow(Settings(QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat)),
                        db_path=library)
    qtbot.addWidget(window)
    qtbot.wait(300)
    assert window.annotations.session.state is LibraryState.OPENING  # waiting for the paint
    assert not library.exists()
    window.show()
    qtbot.waitUntil(lambda: window.annotations.session.state is LibraryState.OPEN, timeout=2500)
    window.close()


def test_the_welcome_page_offers_the_library(qtbot, window: MainWindow) -> None:
    button = window.findChild(QPushButton, "welcome_library_button")
    assert button is not None and button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.library.dock.isVisible() and window.library.ready


def test_a_refresh_keeps_the_selected_call(qtbot, window: MainWindow, calls: Path) -> None:
    import_folder(qtbot, window, calls)
    view = window.library.library_view
    infos = [view.proxy.index(r, 0).data(LibraryRole.INFO) for r in range(rows(window))]
    last = infos[-1].id
    assert view.select_transcript(last)
    view.refresh()
    assert view.selected_transcript_id() == last
