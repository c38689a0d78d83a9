"""Fit and finish of the window: a layout that gives way on small screens, dock keys that bring
their dock forward, stepping through discrepancies from the reading position, rows that span
an empty column, word-snapped selections, the session's tabs restored, the chosen script on
every transcript string, marks visible on a dark palette, library metadata edited."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any QApplication exists

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette, QTextCharFormat, QTextCursor, QTextTable
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QToolButton
from test_main_window import invented_call, open_and_wait

from reader.core.records import TranscriptInfo
from reader.ui.library.metadata_dialog import MetadataDialog
from reader.ui.library.view import LibraryRole, LibraryView
from reader.ui.reading.view import ReadingView
from reader.ui.window.docks import COMPACT_WIDTH
from reader.ui.window.main_window import MainWindow

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]

WindowMaker = Callable[..., MainWindow]


@pytest.fixture
def call(tmp_path: Path) -> Path:
    path = tmp_path / "harrowgate_q3_2024.txt"
    path.write_text(invented_call(pairs=6), encoding="utf-8")
    return path


def toolbar_shows(window: MainWindow, text: str) -> bool:
    """Whether the tool bar shows a button with this text, inside its visible part (not
    behind the extension arrow)."""
    toolbar = window.chrome._toolbar
    for action in toolbar.actions():
        button = toolbar.widgetForAction(action)
        if isinstance(button, QToolButton) and action.text().replace("&", "").rstrip("…") == text:
            return button.isVisible() and toolbar.rect().contains(button.geometry())
    return False


# -- 1. a layout that adapts -----------------------------------------------------------------


def test_at_1024x700_the_reading_columns_keep_60_percent(qtbot, window: MainWindow, call: Path):
    open_and_wait(qtbot, window, call)
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.width() == 1024)
    qtbot.waitUntil(window.side_docks.is_compact)
    qtbot.waitUntil(lambda: toolbar_shows(window, "Next Question"))  # laid out again
    view = window.current_view()
    assert view is not None
    assert window.centralWidget().width() >= 0.6 * window.width()
    assert view.viewport().width() >= 0.6 * window.width() - 40  # its frame and scroll bar
    # Every dock still there, one click away: tabbed in one column.
    area = Qt.DockWidgetArea.RightDockWidgetArea
    assert all(window.dockWidgetArea(d) == area for d in window.side_docks.docks())
    outline, *others = window.side_docks.docks()
    assert set(window.tabifiedDockWidgets(outline)) == {d for d in others if not d.isHidden()}
    assert window.library.dock.isHidden()  # until asked for, as when wide
    # The tool bar keeps its main actions in sight; the secondary ones are in More.
    for text in ("Next Question", "Previous Question", "Find", "Highlight"):
        assert toolbar_shows(window, text), text
    assert not toolbar_shows(window, "Join Spaced Chinese")
    more = window.findChild(QToolButton, "toolbar_more_button")
    toolbar = window.chrome._toolbar
    assert more.isVisible() and toolbar.rect().contains(more.geometry())
    assert more.menu() is not None
    assert window.view_options.act_join_spaces in more.menu().actions()
    assert window.annotations.colour_actions[0] in more.menu().actions()


def test_widening_puts_the_docks_and_tool_bar_back(qtbot, window: MainWindow, call: Path):
    open_and_wait(qtbot, window, call)
    wide_areas = {d.objectName(): window.dockWidgetArea(d) for d in window.side_docks.docks()}
    window.resize(1000, 700)
    qtbot.waitUntil(window.side_docks.is_compact)
    window.act_show_discrepancies.trigger()  # hidden while narrow: stays hidden
    window.resize(1500, 900)
    qtbot.waitUntil(lambda: not window.side_docks.is_compact())
    assert {d.objectName(): window.dockWidgetArea(d)
            for d in window.side_docks.docks()} == wide_areas
    assert window.dockWidgetArea(window.outline_view.parentWidget()) \
        == Qt.DockWidgetArea.LeftDockWidgetArea
    assert not window._discrepancy_dock.isVisible()
    qtbot.waitUntil(lambda: toolbar_shows(window, "Join Spaced Chinese"))
    assert not window.findChild(QToolButton, "toolbar_more_button").isVisible()


def test_a_window_closed_narrow_saves_the_wide_layout(qtbot, make_window: WindowMaker):
    first = make_window()
    first.resize(1000, 700)
    qtbot.waitUntil(first.side_docks.is_compact)
    first.close()
    second = make_window()  # 1400 wide
    assert not second.side_docks.is_compact()
    assert second.dockWidgetArea(second.outline_view.parentWidget()) \
        == Qt.DockWidgetArea.LeftDockWidgetArea


def test_the_threshold(qtbot, window: MainWindow):
    window.resize(COMPACT_WIDTH, 800)
    qtbot.waitUntil(lambda: window.width() == COMPACT_WIDTH)
    assert not window.side_docks.is_compact()
    window.resize(COMPACT_WIDTH - 1, 800)
    qtbot.waitUntil(window.side_docks.is_compact)


# -- 2. keys that show and raise ---------------------------------------------------------------


def test_library_key_brings_the_library_over_the_outline_tab(qtbot, window: MainWindow):
    library = window.library.dock
    outline = window.outline_view.parentWidget()
    assert window.dockWidgetArea(library) == window.dockWidgetArea(outline)
    for _ in range(2):  # pressed twice, it stays: no toggling away
        qtbot.keyClick(window, Qt.Key.Key_L,
                       Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        qtbot.waitUntil(lambda: library.isVisible() and not library.visibleRegion().isEmpty())
        assert outline.visibleRegion().isEmpty()  # behind its tab
        qtbot.waitUntil(lambda: library.isAncestorOf(QApplication.focusWidget()))
    # The outline tab in front again, the key brings the library back over it.
    outline.raise_()
    qtbot.waitUntil(lambda: library.visibleRegion().isEmpty())
    qtbot.keyClick(window, Qt.Key.Key_L,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: not library.visibleRegion().isEmpty())
    # The View menu's item still toggles.
    window.library.act_show_dock.trigger()
    assert not library.isVisible()


def test_search_and_highlights_keys_bring_their_docks_forward(qtbot, window: MainWindow):
    window.resize(1000, 700)  # every dock in one tabbed column
    qtbot.waitUntil(window.side_docks.is_compact)
    highlights = window.annotations.dock
    outline = window.outline_view.parentWidget()
    outline.raise_()
    qtbot.waitUntil(lambda: highlights.visibleRegion().isEmpty())
    for _ in range(2):
        qtbot.keyClick(window, Qt.Key.Key_H,
                       Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        qtbot.waitUntil(lambda: not highlights.visibleRegion().isEmpty())
        qtbot.waitUntil(lambda: QApplication.focusWidget() is highlights.view)
    library = window.library.dock
    qtbot.keyClick(window, Qt.Key.Key_F,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: not library.visibleRegion().isEmpty())
    assert highlights.visibleRegion().isEmpty()
    search = window.library.search_panel
    assert search is not None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is search.query)


def test_the_shortcuts_dialog_lists_the_dock_keys(window: MainWindow):
    rows = dict(window.shortcut_rows())
    assert rows["Library"] == "Ctrl+Shift+L"
    assert rows["Highlights"] == "Ctrl+Shift+H"
    assert "Ctrl+Shift+L" in window.library.act_show_dock.text()  # shown in the View menu


# -- 3. F8 / Shift+F8 from the reading position -------------------------------------------------

FLAGGED_PAIR = """Lin Qiao (Chief Executive Officer)

第{n}个市场的融资成本环比下降了十五个BP。我们对全年目标有信心。

Maya Sun (Investor Relations Director)

In market {n} our funding cost fell by 25 basis points quarter on quarter. We are confident \
in the full-year target.

"""


@pytest.fixture
def flagged_call(tmp_path: Path) -> Path:
    """A call whose every fourth answer gives a figure the interpreter changes."""
    from test_main_window import CLOSING, HEAD, PAIR

    body = "".join(FLAGGED_PAIR.format(n=n) if n % 4 == 0 else PAIR.format(n=n)
                   for n in range(1, 41))
    path = tmp_path / "flagged.txt"
    text = HEAD + body + CLOSING
    path.write_text(text.replace("Harrowgate", "Keelwater"), encoding="utf-8")
    return path


def test_f8_steps_from_where_the_reader_is(qtbot, window: MainWindow, flagged_call: Path):
    open_and_wait(qtbot, window, flagged_call)
    view = window.current_view()
    assert view is not None
    qtbot.waitUntil(lambda: view.sentence_alignment() is not None, timeout=20_000)
    flags = view.discrepancies()
    assert len(flags) >= 8
    panel = window._discrepancies
    # The reader clicks the first flag in the list, then reads on to the sixth's turn.
    panel.list_view().setCurrentIndex(panel.model().index(0, 0))
    assert view.current_discrepancy() == 0
    view.scroll_to_turn(flags[5].turn)
    qtbot.keyClick(view, Qt.Key.Key_F8)
    assert view.current_discrepancy() == 5  # not 1, the one after the clicked item
    assert panel.list_view().currentIndex().row() == 5
    # With the flag selected in sight, F8 goes on from it, Shift+F8 back.
    qtbot.keyClick(view, Qt.Key.Key_F8)
    assert view.current_discrepancy() == 6
    qtbot.keyClick(view, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert view.current_discrepancy() == 5
    # Read back up to the fourth flag's turn: Shift+F8 gives the one before it.
    view.scroll_to_turn(flags[3].turn)
    qtbot.keyClick(view, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert view.current_discrepancy() == 2


# -- 4. an empty column gives its width away ------------------------------------------------------


def row_table(view: ReadingView, turn: int) -> QTextTable:
    """The one-row table that shows the turn."""
    span = view.turn_document_span(turn)
    assert span is not None, f"turn {turn} is not shown"
    cursor = QTextCursor(view.document())
    cursor.setPosition(span[0])
    table = cursor.currentTable()
    assert table is not None
    return table


def row_width_share(view: ReadingView, turn: int) -> float:
    """The width of the cell holding the turn, as a share of the viewport's."""
    span = view.turn_document_span(turn)
    assert span is not None
    cursor = QTextCursor(view.document())
    cursor.setPosition(span[0])
    block = view.document().documentLayout().blockBoundingRect(cursor.block())
    return block.width() / view.viewport().width()


def test_a_row_with_one_side_empty_spans_both_columns(qtbot, window: MainWindow, call: Path):
    open_and_wait(qtbot, window, call)
    view = window.current_view()
    assert view is not None and view.layout_mode() == "side_by_side"
    t = view.transcript()
    operator = next(turn.index for turn in t.turns if t.speaker_of(turn).label == "Operator")
    chinese = next(turn.interprets[0] for turn in t.turns if turn.interprets)
    assert row_table(view, operator).columns() == 1
    assert row_table(view, chinese).columns() == 2
    assert row_width_share(view, operator) > 0.85
    assert row_width_share(view, chinese) < 0.5
    # A speaker filter that leaves only English rows: the whole stretch uses the width.
    combo = window.chrome.speaker_combo
    combo.setCurrentIndex(combo.findData(t.speaker_of(t.turns[operator]).id))
    combo.activated.emit(combo.currentIndex())
    assert all(row_table(view, turn).columns() == 1 for turn in
               (i for i in range(len(t.turns)) if view.is_turn_shown(i)))
    assert row_width_share(view, operator) > 0.85
    # The columns come back with the content.
    combo.setCurrentIndex(0)
    combo.activated.emit(0)
    assert row_table(view, chinese).columns() == 2
    assert row_width_share(view, chinese) < 0.5


# -- 5. dragged selections snap to English words ------------------------------------------------


def test_word_edges():
    from reader.ui.reading.word_snap import word_end, word_start

    text = "cut costs and reduce year-over-year 营收增长 company's"
    assert word_start(text, text.index("sts")) == text.index("costs")
    assert word_end(text, text.index("uce")) == text.index(" year")
    assert word_start(text, text.index(" and")) == text.index(" and")  # between words
    assert word_end(text, text.index("over")) == text.index(" 营")  # across inner hyphens
    assert word_start(text, text.index("增")) == text.index("增")  # Chinese: per character
    assert word_end(text, text.index("增")) == text.index("增")
    assert word_end(text, text.index("'s") + 1) == len(text)


def drag(view: ReadingView, start: int, end: int) -> None:
    """Press on the character at document position `start`, drag to `end`, release."""
    from PySide6.QtCore import QEvent, QPointF
    from PySide6.QtGui import QMouseEvent

    def point(pos: int) -> QPointF:
        cursor = QTextCursor(view.document())
        cursor.setPosition(pos)
        rect = view.cursorRect(cursor)
        return QPointF(rect.left() + 1, rect.center().y())

    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    no_mod = Qt.KeyboardModifier.NoModifier
    a, b = point(start), point(end)
    for kind, where, button, buttons in (
            (QEvent.Type.MouseButtonPress, a, left, left),
            (QEvent.Type.MouseMove, (a + b) / 2, none, left),
            (QEvent.Type.MouseMove, b, none, left),
            (QEvent.Type.MouseButtonRelease, b, left, none)):
        event = QMouseEvent(kind, where, view.viewport().mapToGlobal(where), button, buttons,
                            no_mod)
        QApplication.sendEvent(view.viewport(), event)


def test_a_dragged_english_selection_snaps_to_words(qtbot, window: MainWindow, call: Path):
    open_and_wait(qtbot, window, call)
    view = window.current_view()
    assert view is not None
    _turn, doc_start, para = next(p for p in view.displayed_paragraphs()
                                 if "Good day and welcome" in p[2].text)
    text = para.text
    a = doc_start + text.index("welcome") + 3  # wel|come
    b = doc_start + text.index("Harrowgate") + 5  # Harro|wgate
    drag(view, a, b)
    assert view.textCursor().selectedText() == "welcome to the Harrowgate"
    view.moveCursor(QTextCursor.MoveOperation.Start)  # a press in a selection drags it away
    drag(view, b, a)  # dragged backwards: the same words
    assert view.textCursor().selectedText() == "welcome to the Harrowgate"
    # Chinese stays per character.
    _turn, doc_start, para = next(p for p in view.displayed_paragraphs() if "季度" in p[2].text)
    text = para.text
    a, b = doc_start + text.index("季度") + 1, doc_start + text.index("收入") + 1
    view.moveCursor(QTextCursor.MoveOperation.Start)
    drag(view, a, b)
    assert view.textCursor().selectedText() == text[text.index("季度") + 1:text.index("收入") + 1]


# -- 6. the session's tabs come back -------------------------------------------------------------


def test_open_tabs_come_back_at_their_positions(qtbot, make_window: WindowMaker, tmp_path: Path,
                                                flagged_call: Path):
    from test_main_window import LONG_ASKERS

    calls = []
    for n, name in enumerate(("first", "second", "third")):
        path = tmp_path / f"{name}.txt"
        # Calls of three companies (one company's would be versions of one call).
        text = invented_call(pairs=20 + n, askers=LONG_ASKERS, answers=3)
        path.write_text(text.replace("Harrowgate", name.title() + "gate"), encoding="utf-8")
        calls.append(path)
    first = make_window()
    for path in calls:
        open_and_wait(qtbot, first, path)
    positions = {}
    for doc, turn in zip(first.documents(), (30, 12, 41), strict=True):
        doc.view.scroll_to_turn(turn)
        positions[doc.path] = doc.view.turn_at_viewport_top()
    first.tabs.setCurrentIndex(1)
    first.close()
    calls[2].unlink()  # gone by the next session

    second = make_window()
    gone = second.restore_session()
    assert gone == [str(calls[2])]
    assert calls[2].name in second.statusBar().currentMessage()
    assert "\n" not in second.statusBar().currentMessage()
    qtbot.waitUntil(lambda: len(second.documents()) == 2 and not second.open_queue.pending(),
                    timeout=30_000)
    assert [d.path for d in second.documents()] == [str(calls[0]), str(calls[1])]
    assert second.current_document() is second.documents()[1]
    for index in (1, 0):  # the tab behind comes to its place when it is shown
        second.tabs.setCurrentIndex(index)
        doc = second.documents()[index]
        qtbot.waitUntil(lambda d=doc: d.restore_turn is None)
        assert doc.view.turn_at_viewport_top() == positions[doc.path]


def test_a_file_named_at_start_leads_over_the_session(qtbot, make_window: WindowMaker,
                                                      call: Path, flagged_call: Path):
    first = make_window()
    open_and_wait(qtbot, first, call)
    first.close()
    second = make_window()
    second.restore_session()
    second.open_files([str(flagged_call)])
    qtbot.waitUntil(lambda: len(second.documents()) == 2 and not second.open_queue.pending(),
                    timeout=30_000)
    assert second.current_document().path == str(flagged_call)
    assert second.documents()[0].path == str(call)
    second.close()
    third = make_window()
    assert third.settings.session_tabs == [str(call), str(flagged_call)]
    assert third.restore_session() == []


def test_no_session_restores_nothing(qtbot, window: MainWindow):
    assert window.restore_session() == []
    assert window.documents() == [] and not window.open_queue.pending()


# -- 7. the chosen script on every string from a transcript ---------------------------------------

CHINESE_CALL = """Company: 蓝海数据控股
Ticker: LHSJ
Quarter: Q2 2024
Date: 2024-08-20

主持人：各位好，欢迎参加蓝海数据二零二四年第二季度业绩电话会。

首席执行官 王建国：本季度营收达到十二亿元，同比增长百分之八。我们的融资成本环比下降了十五个BP。

Mia Sun: Revenue reached RMB 1.2 billion, up 8% year on year. Our funding cost fell by 25 basis \
points quarter on quarter.
"""


def test_strings_from_the_transcript_follow_the_script(qtbot, window: MainWindow,
                                                       tmp_path: Path):
    path = tmp_path / "lanhai_q2_2024.txt"
    path.write_text(CHINESE_CALL, encoding="utf-8")
    open_and_wait(qtbot, window, path)
    window.library.show_library()
    qtbot.waitUntil(lambda: window.library.library_view is not None
                    and window.library.library_view.model.rowCount() == 1, timeout=20_000)
    table = window.library.library_view.model
    assert table.index(0, 0).data() == "蓝海数据控股"
    assert window.tabs.tabText(0).startswith("蓝海数据控股")
    model = window.outline_view.model()
    assert "蓝海数据控股" in model.index(0, 0).data()
    window.set_script("s2t")
    assert table.index(0, 0).data() == "藍海數據控股"
    assert window.tabs.tabText(0).startswith("藍海數據控股")
    assert window.windowTitle().startswith("藍海數據控股")
    assert "藍海數據控股" in model.index(0, 0).data()
    assert "藍海數據控股" in model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    combo = window.chrome.speaker_combo
    assert any("王建國" in combo.itemText(i) for i in range(combo.count()))
    window.set_script("none")
    assert table.index(0, 0).data() == "蓝海数据控股"
    assert any("王建国" in combo.itemText(i) for i in range(combo.count()))


def test_discrepancy_quotes_follow_the_script(qtbot, window: MainWindow, flagged_call: Path):
    open_and_wait(qtbot, window, flagged_call)
    view = window.current_view()
    assert view is not None
    qtbot.waitUntil(lambda: view.sentence_alignment() is not None, timeout=20_000)
    model = window._discrepancies.model()
    assert model.rowCount() > 0
    assert "融资成本" in model.index(0, 0).data()
    window.set_script("s2twp")
    assert "融資成本" in model.index(0, 0).data()
    assert "融資成本" in model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    window.set_script("none")
    assert "融资成本" in model.index(0, 0).data()


# -- 8. marks that stay visible on a dark palette ----------------------------------------------


def luminance(c: QColor) -> float:
    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())


def contrast(a: QColor, b: QColor) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def over(tint: QColor, base: QColor) -> QColor:
    """A translucent tint as it shows over the base."""
    a = tint.alphaF()
    return QColor.fromRgbF(*(a * t + (1 - a) * b for t, b in (
        (tint.redF(), base.redF()), (tint.greenF(), base.greenF()), (tint.blueF(), base.blueF()))))


def palette(dark: bool) -> QPalette:
    p = QPalette()
    base, text = (QColor(30, 30, 30), QColor(225, 225, 225)) if dark \
        else (QColor(255, 255, 255), QColor(20, 20, 20))
    for role, colour in ((QPalette.ColorRole.Base, base), (QPalette.ColorRole.Window, base),
                         (QPalette.ColorRole.Text, text),
                         (QPalette.ColorRole.WindowText, text),
                         (QPalette.ColorRole.AlternateBase, base.lighter(120) if dark
                          else base.darker(104))):
        p.setColor(role, colour)
    return p


@pytest.mark.parametrize("dark", [True, False])
def test_discrepancy_marks_stand_out_from_the_base(dark: bool):
    from reader.core.align.kinds import AlignFlagKind
    from reader.ui.reading.alignment import _discrepancy_format

    p = palette(dark)
    base = p.color(QPalette.ColorRole.Base)
    for kind in AlignFlagKind:
        fmt = _discrepancy_format(kind, p)
        tint = over(fmt.background().color(), base)
        assert contrast(tint, base) >= (1.5 if dark else 1.15), kind  # a tint, not a line
        assert contrast(fmt.underlineColor(), base) >= 3.0, kind
        assert contrast(p.color(QPalette.ColorRole.Text), tint) >= 4.5, kind  # text readable


def test_marks_and_highlights_in_a_dark_window(qtbot, window: MainWindow, flagged_call: Path):
    from reader.ui.reading.highlights import HighlightMark
    from reader.ui.swatches import COLOUR_HEX

    open_and_wait(qtbot, window, flagged_call)
    view = window.current_view()
    assert view is not None
    qtbot.waitUntil(lambda: view.sentence_alignment() is not None, timeout=20_000)
    view.setPalette(palette(dark=True))  # a dark theme: the view builds its formats again
    base = view.palette().color(QPalette.ColorRole.Base)
    s, _e = view.discrepancy_document_spans(0)[0]
    cursor = QTextCursor(view.document())
    cursor.setPosition(s + 1)
    fmt = cursor.charFormat()
    assert contrast(over(fmt.background().color(), base), base) >= 1.5
    assert contrast(fmt.underlineColor(), base) >= 3.0
    # Highlights of every colour, on the same dark base.
    t = view.transcript()
    start = t.turns[0].paragraphs[0].start
    view.set_highlights([HighlightMark(n, start + 10 * n, start + 10 * n + 8, QColor(hex_))
                         for n, hex_ in enumerate(COLOUR_HEX.values())])
    checked = 0
    for sel in view.extraSelections():
        if sel.format.background().style() == Qt.BrushStyle.NoBrush \
                or sel.format.underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine:
            continue  # no tint, or a mirror: faint on purpose
        assert contrast(over(sel.format.background().color(), base), base) >= 1.5
        checked += 1
    assert checked >= len(COLOUR_HEX)


# -- 9. library metadata: edit, group by company, filter by file name -----------------------------


def info(n: int, company: str | None, ticker: str | None = None, period: str | None = None,
         name: str | None = None) -> TranscriptInfo:
    return TranscriptInfo(id=n, sha256=f"{n:064x}", source_path=f"/calls/{name or n}.txt",
                          source_name=f"{name or n}.txt", format="general", encoding="utf-8",
                          imported_at=datetime(2024, 1, n, tzinfo=UTC), company=company,
                          ticker=ticker, period=period)


@pytest.fixture
def library_view(qtbot, tmp_path: Path) -> Iterator[LibraryView]:
    from PySide6.QtCore import QThreadPool

    from reader.services.annotations import AnnotationService
    from reader.services.library import LibraryService

    service = AnnotationService.open(tmp_path / "library.sqlite3")
    view = LibraryView(LibraryService(service), QThreadPool.globalInstance())
    qtbot.addWidget(view)
    view.model.set_transcripts([
        info(1, "Qifu Technology", "QFIN", "Q1 2024"),
        info(2, "Qfin Holdings", "QFIN", "Q4 2022"),
        info(3, None, name="acme_widgets_q3_call"),
        info(4, "蓝海数据", None, "Q2 2024"),
    ])
    yield view
    service.close()


def shown_rows(view: LibraryView) -> set[int]:
    return {view.proxy.index(r, 0).data(LibraryRole.TRANSCRIPT_ID)
            for r in range(view.proxy.rowCount())}


def test_the_filter_matches_file_names_and_either_script(library_view: LibraryView):
    view = library_view
    view.company_filter.setText("acme")  # no company: listed, and found, by its file name
    assert shown_rows(view) == {3}
    view.company_filter.setText("qfin")  # the ticker finds both names
    assert shown_rows(view) == {1, 2}
    view.company_filter.setText("藍海")  # traditional finds simplified
    assert shown_rows(view) == {4}
    view.company_filter.setText("")
    assert shown_rows(view) == {1, 2, 3, 4}


def test_group_by_company_puts_a_renamed_company_in_one_branch(qtmodeltester,
                                                               library_view: LibraryView):
    view = library_view
    view.set_grouped(True)
    assert view.grouped() and view.group_button.isChecked()
    model = view.group_model
    qtmodeltester.check(model, force_py=True)
    branches = {model.item(r).text(): model.item(r) for r in range(model.rowCount())}
    assert set(branches) == {"Qifu Technology", "acme_widgets_q3_call.txt", "蓝海数据"}
    qifu = branches["Qifu Technology"]
    assert qifu.rowCount() == 2  # both names, one ticker
    assert [qifu.child(r).data(LibraryRole.TRANSCRIPT_ID) for r in range(2)] == [1, 2]
    assert "Qfin Holdings" in qifu.toolTip()
    # Selecting, the filter and the script work on the tree too.
    assert view.select_transcript(2) and view.selected_transcript_id() == 2
    assert view.act_edit.isEnabled()
    view.company_filter.setText("acme")
    assert model.rowCount() == 1
    view.company_filter.setText("")
    view.set_script("s2t")
    assert any(model.item(r).text() == "藍海數據" for r in range(model.rowCount()))
    view.set_grouped(False)
    assert view.pages.currentWidget() is view.table


def test_editing_a_calls_details(qtbot, window: MainWindow, tmp_path: Path):
    path = tmp_path / "lanhai_q2_2024.txt"
    path.write_text(CHINESE_CALL, encoding="utf-8")
    open_and_wait(qtbot, window, path)
    window.library.show_library()
    qtbot.waitUntil(lambda: window.library.library_view is not None
                    and window.library.library_view.model.rowCount() == 1, timeout=20_000)
    library = window.library.library_view
    assert library.select_transcript(library.model.transcript(0).id)
    library.act_edit.trigger()
    dialog = window.library.metadata_dialog
    assert isinstance(dialog, MetadataDialog) and dialog.isVisible()
    assert dialog.edits["company"].text() == "蓝海数据控股"
    dialog.edits["ticker"].setText("not a ticker!")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible() and "ticker" in dialog.error.text()  # said, not stored
    dialog.edits["ticker"].setText("lhsj")
    dialog.edits["company"].setText("Lanhai Data Holdings")
    dialog.edits["period"].setText("")  # none
    with qtbot.waitSignal(window.library.metadata_stored, timeout=10_000):
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: library.model.transcript(0).company == "Lanhai Data Holdings")
    stored = library.model.transcript(0)
    assert (stored.ticker, stored.period) == ("LHSJ", None)
    assert library.model.index(0, 0).data() == "Lanhai Data Holdings"
    assert window.tabs.tabText(0) == "Lanhai Data Holdings"  # the open call takes its name
    assert window.windowTitle().startswith("Lanhai Data Holdings — ")
    # Back to what the file says.
    library.act_edit.trigger()
    with qtbot.waitSignal(window.library.metadata_stored, timeout=10_000):
        window.library.metadata_dialog.reset_button.click()
    qtbot.waitUntil(lambda: library.model.transcript(0).company == "蓝海数据控股")
    assert library.model.transcript(0).period == "Q2 2024"


def test_the_first_window_takes_most_of_the_screen_up_to_1600_by_1000(qtbot, tmp_path) -> None:
    from PySide6.QtCore import QSettings

    from reader.ui.settings import Settings

    settings = Settings(QSettings(str(tmp_path / "fresh.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings)  # no saved geometry: a first start
    qtbot.addWidget(window)
    screen = window.screen().availableGeometry()
    assert window.width() == min(1600, screen.width() * 9 // 10)
    assert window.height() == min(1000, screen.height() * 9 // 10)
