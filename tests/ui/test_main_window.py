"""The main window driven like a user would: open, outline, navigate, find, persist."""

from __future__ import annotations

import os
import warnings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any QApplication exists

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, QPoint, QSettings, QSize, Qt, QUrl
from PySide6.QtGui import (
    QDragEnterEvent,
    QDropEvent,
    QImageReader,
    QInputMethodEvent,
    QKeySequence,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QMessageBox,
    QProgressBar,
    QTreeWidget,
    QWidget,
)

from reader.core.model import SectionKind, Transcript
from reader.core.pipeline import parse_bytes
from reader.ui import resources
from reader.ui.app import create_app
from reader.ui.fonts import cjk_family, reading_font
from reader.ui.reading.outline_model import NodeKind, OutlineModel, OutlineRole
from reader.ui.reading.view import ReadingView
from reader.ui.resources import resource_path
from reader.ui.settings import FONT_POINT_SIZE, Settings
from reader.ui.window.main_window import MainWindow

pytestmark = [
    pytest.mark.gui,
    # The offscreen platform plugin warns whenever a top-level window's size limits change
    # (docks, status bar); it is a limitation of that plugin, not of the app.
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]

# -- fixtures: invented calls ----------------------------------------------------------------

HEAD = """Sign in

Harrowgate Holdings - Q3 2024

Nov 12, 2024

Transcript

Operator (participant)

Good day and welcome to the Harrowgate Holdings third quarter 2024 earnings call. I would now \
like to hand the conference over to Ms. Maya Sun. Please go ahead.

Maya Sun (Investor Relations Director)

Thank you, operator. Our Chief Executive Officer, Mr. Lin Qiao, will speak in Chinese and I \
will interpret.

"""

PAIR = """Lin Qiao (Chief Executive Officer)

本季度我们在{n}号市场的收入继续增长,利润率保持稳定,我们对全年目标有信心。

Maya Sun (Investor Relations Director)

In market number {n} our revenue kept growing this quarter and margins stayed stable. We are \
confident in the full-year target.

"""

QUESTION = """Operator (participant)

Thank you. The next question comes from {name} of {firm}. Please go ahead.

{name} (Equity Research Analyst)

Thank you, management. How do you see the outlook for market {n} next year?

"""

CLOSING = """Operator (participant)

Thank you. That concludes today's conference call. You may now disconnect.
"""


def invented_call(pairs: int = 3, askers: tuple[tuple[str, str], ...] = (
        ("Ida Vance", "Pellmark"), ("Otto Brandt", "Keelson Securities")),
        answers: int = 1) -> str:
    """A Quartr-style call: prepared remarks in interpreted pairs, then one exchange per
    asker, each answered in `answers` interpreted pairs."""
    text = HEAD + "".join(PAIR.format(n=n) for n in range(1, pairs + 1))
    for k, (name, firm) in enumerate(askers, start=1):
        text += QUESTION.format(name=name, firm=firm, n=k)
        text += "".join(PAIR.format(n=100 * k + a) for a in range(answers))
    return text + CLOSING


LONG_ASKERS = (("Ida Vance", "Pellmark"), ("Otto Brandt", "Keelson Securities"),
               ("Rhea Calder", "Dunmore Capital"), ("Jonas Pike", "Ashvale Partners"))


@pytest.fixture
def short_call(tmp_path: Path) -> Path:
    path = tmp_path / "harrowgate_q3_2024.txt"
    path.write_text(invented_call(), encoding="utf-8")
    return path


@pytest.fixture
def long_call(tmp_path: Path) -> Path:
    """Long enough that most turns can be scrolled to the top of a 1400x900 window."""
    path = tmp_path / "harrowgate_long.txt"
    path.write_text(invented_call(pairs=25, askers=LONG_ASKERS, answers=4), encoding="utf-8")
    return path


@pytest.fixture
def ini(tmp_path: Path) -> Path:
    return tmp_path / "settings.ini"


@pytest.fixture
def make_window(qtbot, ini: Path) -> Iterator[Callable[[], MainWindow]]:
    """New windows over the same settings file, as successive app sessions would be."""
    windows: list[MainWindow] = []

    def make(resize: bool = True) -> MainWindow:
        window = MainWindow(Settings(QSettings(str(ini), QSettings.Format.IniFormat)))
        qtbot.addWidget(window)
        if resize:
            window.resize(1600, 900)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.open_queue.wait(10_000)


@pytest.fixture
def window(make_window: Callable[[], MainWindow]) -> MainWindow:
    return make_window()


@pytest.fixture
def messages(monkeypatch) -> list[str]:
    """Messages the window would have shown in a box (boxes would block the test)."""
    shown: list[str] = []

    def record(_parent, _title, text, *args, **kwargs):
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    for name in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(record))
    monkeypatch.setattr("reader.ui.plain.warning", record)  # the plain-text box
    return shown


def open_and_wait(qtbot, window: MainWindow, *paths: Path) -> None:
    window.open_files([str(p) for p in paths])
    qtbot.waitUntil(lambda: not window.open_queue.pending(), timeout=30_000)
    qtbot.waitUntil(lambda: all(d.restore_turn is None for d in window.documents()),
                    timeout=5_000)


def current_view(window: MainWindow) -> ReadingView:
    view = window.current_view()
    assert view is not None
    return view


def current_model(window: MainWindow) -> OutlineModel:
    model = window.outline_view.model()
    assert isinstance(model, OutlineModel)
    return model


def walk(model: OutlineModel, parent: QModelIndex | None = None) -> Iterator[QModelIndex]:
    parent = parent or QModelIndex()
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        yield index
        yield from walk(model, index)


def nodes_of(model: OutlineModel, kind: NodeKind) -> list[QModelIndex]:
    return [i for i in walk(model) if i.data(OutlineRole.KindRole) == kind]


def turn_in_view(view: ReadingView, turn: int) -> bool:
    """Whether the turn's first line is inside the viewport."""
    span = view.turn_document_span(turn)
    assert span is not None, f"turn {turn} is not shown"
    cursor = QTextCursor(view.document())
    cursor.setPosition(span[0])
    return view.viewport().rect().contains(view.cursorRect(cursor).center())


# -- opening -----------------------------------------------------------------------------------


def test_starts_empty_with_the_app_name(window: MainWindow):
    assert window.tabs.count() == 0
    assert window.windowTitle() == "Transcript Reader"
    assert window.outline_view.model() is None
    assert not window.act_close_tab.isEnabled()


def test_opens_a_file_in_a_tab_with_its_outline(qtbot, window: MainWindow, short_call: Path,
                                                messages: list[str]):
    open_and_wait(qtbot, window, short_call)
    assert messages == []
    assert window.tabs.count() == 1
    assert window.tabs.tabText(0) == "Harrowgate Holdings Q3 2024"
    assert window.windowTitle() == "Harrowgate Holdings Q3 2024 — Transcript Reader"
    model = current_model(window)
    kinds = [model.index(r, 0).data(OutlineRole.KindRole) for r in range(model.rowCount())]
    assert kinds == [NodeKind.METADATA, NodeKind.SECTION, NodeKind.SECTION]
    askers = [i.data() for i in nodes_of(model, NodeKind.EXCHANGE)]
    assert len(askers) == 2
    assert "Ida Vance" in askers[0] and "Pellmark" in askers[0]
    assert "Otto Brandt" in askers[1] and "Keelson Securities" in askers[1]
    combo = [window.chrome.speaker_combo.itemText(i) for i in range(window.chrome.speaker_combo.count())]
    assert combo[0] == "All speakers"
    for name in ("Operator", "Maya Sun", "Lin Qiao", "Ida Vance", "Otto Brandt"):
        assert any(item.startswith(name) for item in combo[1:]), name


def test_opening_the_same_file_again_brings_its_tab_forward(qtbot, window: MainWindow,
                                                            short_call: Path, long_call: Path):
    open_and_wait(qtbot, window, short_call, long_call)
    assert window.tabs.count() == 2
    open_and_wait(qtbot, window, short_call)
    assert window.tabs.count() == 2
    doc = window.current_document()
    assert doc is not None and doc.path == str(short_call)


def test_each_tab_has_its_own_outline(qtbot, window: MainWindow, short_call: Path,
                                      long_call: Path):
    open_and_wait(qtbot, window, short_call, long_call)
    expected = {str(short_call): 2, str(long_call): len(LONG_ASKERS)}
    for doc in window.documents():  # tabs come in the order the files finish parsing
        window.tabs.setCurrentWidget(doc.view)
        assert len(nodes_of(current_model(window), NodeKind.EXCHANGE)) == expected[doc.path]


def test_the_same_content_under_another_name_is_not_opened_twice(qtbot, window: MainWindow,
                                                                  short_call: Path,
                                                                  tmp_path: Path):
    copy = tmp_path / "copy_of_call.txt"
    copy.write_bytes(short_call.read_bytes())
    open_and_wait(qtbot, window, short_call)
    open_and_wait(qtbot, window, copy)
    assert window.tabs.count() == 1


def test_cancelling_an_open_drops_its_result(qtbot, window: MainWindow, short_call: Path,
                                             messages: list[str]):
    busy = window.findChild(QProgressBar, "busy_indicator")
    window.open_files([str(short_call)])
    assert busy is not None and not busy.isHidden()
    window.open_queue.cancel_all()
    assert busy.isHidden()
    assert window.open_queue.wait(10_000)
    qtbot.waitUntil(lambda: not window.open_queue.pending())
    qtbot.wait(50)  # let any queued result arrive; it must be dropped
    assert window.tabs.count() == 0
    assert messages == []


def test_close_tab_and_reopen_from_recent_files(qtbot, window: MainWindow, short_call: Path,
                                                long_call: Path):
    open_and_wait(qtbot, window, short_call)
    open_and_wait(qtbot, window, long_call)
    window.act_close_tab.trigger()
    assert window.tabs.count() == 1
    assert QKeySequence("Ctrl+W") in window.act_close_tab.shortcuts()
    window.act_close_tab.trigger()
    assert window.tabs.count() == 0
    assert window.outline_view.model() is None
    window.chrome.recent_menu.aboutToShow.emit()
    recent = [a for a in window.chrome.recent_menu.actions() if a.data()]
    assert [a.data() for a in recent] == [str(long_call), str(short_call)]
    recent[1].trigger()
    qtbot.waitUntil(lambda: window.tabs.count() == 1, timeout=30_000)
    assert window.documents()[0].path == str(short_call)


def drag_event(kind: type[QDropEvent], mime: QMimeData) -> QDropEvent:
    # PySide6 6.12 offers QPoint and QPointF constructors depending on how the type was
    # loaded, and flags the QPoint one deprecated; it is the one always present.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return kind(QPoint(50, 50), Qt.DropAction.CopyAction, mime,
                    Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)


def test_dropped_files_are_opened(qtbot, window: MainWindow, short_call: Path):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(short_call))])
    enter = drag_event(QDragEnterEvent, mime)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = drag_event(QDropEvent, mime)
    QApplication.sendEvent(window, drop)
    qtbot.waitUntil(lambda: window.tabs.count() == 1, timeout=30_000)


def test_dropped_documents_open_in_tabs_and_the_open_dialog_offers_them(
        qtbot, window: MainWindow, messages: list[str]):
    from reader.ui.window.opening import TRANSCRIPT_FILTER

    for pattern in ("*.pdf", "*.docx", "*.html", "*.htm", "*.vtt", "*.srt", "*.json", "*.txt"):
        assert pattern in TRANSCRIPT_FILTER.split(";;")[0], pattern
    docs = Path(__file__).resolve().parents[1] / "fixtures" / "documents"
    files = [docs / "qingshan_speakers.docx", docs / "baiyun_call.vtt",
             docs / "yunfeng_article.html"]
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(f)) for f in files])
    enter = drag_event(QDragEnterEvent, mime)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(window, drag_event(QDropEvent, mime))
    qtbot.waitUntil(lambda: window.tabs.count() == 3, timeout=30_000)
    assert messages == []
    containers = sorted(d.transcript.source.container for d in window.documents())
    assert containers == ["docx", "html", "vtt"]


def test_a_drag_without_files_is_refused(window: MainWindow):
    mime = QMimeData()
    mime.setText("just text")
    enter = drag_event(QDragEnterEvent, mime)
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted()


@pytest.mark.parametrize(("name", "content"), [
    ("empty.txt", b""),
    ("binary.txt", bytes(range(256)) * 64),
    ("zeros.txt", b"\x00" * 4096),
])
def test_a_bad_file_shows_a_message_not_an_exception(qtbot, window: MainWindow, tmp_path: Path,
                                                     messages: list[str], short_call: Path,
                                                     name: str, content: bytes):
    bad = tmp_path / name
    bad.write_bytes(content)
    open_and_wait(qtbot, window, bad)
    assert window.tabs.count() == 0
    assert len(messages) == 1
    assert name in messages[0]
    assert "\n" not in messages[0] and "Traceback" not in messages[0]
    open_and_wait(qtbot, window, short_call)  # and the app carries on
    assert window.tabs.count() == 1


def test_missing_file_and_folder_show_messages(qtbot, window: MainWindow, tmp_path: Path,
                                               messages: list[str]):
    open_and_wait(qtbot, window, tmp_path / "gone.txt", tmp_path)
    assert window.tabs.count() == 0
    assert len(messages) == 2
    assert any("gone.txt" in m and "no such file" in m for m in messages)
    assert any("folder" in m for m in messages)


def test_a_parser_crash_is_a_message(qtbot, window: MainWindow, short_call: Path,
                                     messages: list[str], monkeypatch):
    import reader.core.pipeline as pipeline

    def broken(data: bytes, name: str, layout: str | None = None) -> Transcript:
        raise KeyError("bug")

    monkeypatch.setattr(pipeline, "parse_bytes", broken)
    open_and_wait(qtbot, window, short_call)
    assert window.tabs.count() == 0
    assert messages == ["harrowgate_q3_2024.txt: could not be read (internal error: KeyError)"]


# -- the real seeds ------------------------------------------------------------------------------


@pytest.mark.seeds
@pytest.mark.parametrize("seed", ["quartr_qfin_q1_2023.txt", "earningscall_qfin_q1_2024.txt",
                                  "alphaspread_lexin_q4_2023.txt"])
def test_each_seed_opens_with_sections_exchanges_and_speakers(
        qtbot, window: MainWindow, seeds_dir: Path, messages: list[str], qtmodeltester,
        seed: str):
    path = seeds_dir / seed
    expected = parse_bytes(path.read_bytes(), path.name)
    open_and_wait(qtbot, window, path)
    assert messages == []
    model = current_model(window)
    qtmodeltester.check(model)
    sections = [i.data(OutlineRole.SectionRole) for i in nodes_of(model, NodeKind.SECTION)]
    assert sections == [k.value for k in SectionKind if expected.turns_in(k)]
    assert sections, "no sections in the outline"
    turns = sorted(i.data(OutlineRole.TurnIndexRole) for i in nodes_of(model, NodeKind.TURN))
    assert turns == list(range(len(expected.turns)))
    exchanges = nodes_of(model, NodeKind.EXCHANGE)
    if seed.startswith("quartr"):
        assert len(exchanges) == 3
    assert len(exchanges) == len(expected.exchanges)
    for index, exchange in zip(exchanges, expected.exchanges, strict=True):
        if exchange.asker is not None:
            assert expected.speakers[exchange.asker].label in index.data()
    speaking = {expected.speakers[t.speaker].label for t in expected.turns}
    combo = [window.chrome.speaker_combo.itemText(i) for i in range(1, window.chrome.speaker_combo.count())]
    assert len(combo) == len(speaking)
    for label in speaking:
        assert any(item.startswith(label) for item in combo), label
    qtmodeltester.check(window.chrome.speaker_combo.model())
    assert current_view(window).displayed_text_of_turn(0)


@pytest.mark.seeds
def test_clicking_a_seed_outline_node_brings_its_turn_into_view(qtbot, window: MainWindow,
                                                                seeds_dir: Path):
    open_and_wait(qtbot, window, seeds_dir / "quartr_qfin_q1_2023.txt")
    check_click_scrolls(qtbot, window)


# -- outline and reading position -----------------------------------------------------------------


def turn_near_top(view: ReadingView, turn: int) -> bool:
    """Whether the turn's first line is in the top quarter of the viewport."""
    span = view.turn_document_span(turn)
    assert span is not None, f"turn {turn} is not shown"
    cursor = QTextCursor(view.document())
    cursor.setPosition(span[0])
    y = view.cursorRect(cursor).center().y()
    return 0 <= y < view.viewport().height() // 4


def type_text(widget: QWidget, text: str) -> None:
    """Type CJK text the way an input method commits it (key events carry no such text)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def click(qtbot, window: MainWindow, index: QModelIndex) -> None:
    tree = window.outline_view
    tree.scrollTo(index)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton,
                     pos=tree.visualRect(index).center())


def check_click_scrolls(qtbot, window: MainWindow) -> None:
    view = current_view(window)
    model = current_model(window)
    exchange = nodes_of(model, NodeKind.EXCHANGE)[1]
    turn = exchange.data(OutlineRole.TurnIndexRole)
    assert not turn_in_view(view, turn)
    click(qtbot, window, exchange)
    assert turn_in_view(view, turn)
    assert window.outline_view.currentIndex() == exchange  # not moved by the scroll it caused
    window.outline_view.expand(exchange)
    answer = model.index(1, 0, exchange)
    click(qtbot, window, answer)
    assert turn_in_view(view, answer.data(OutlineRole.TurnIndexRole))
    top_section = nodes_of(model, NodeKind.SECTION)[0]
    click(qtbot, window, top_section)
    assert turn_in_view(view, top_section.data(OutlineRole.TurnIndexRole))


def test_clicking_an_outline_node_brings_its_turn_into_view(qtbot, window: MainWindow,
                                                            long_call: Path):
    open_and_wait(qtbot, window, long_call)
    check_click_scrolls(qtbot, window)


def test_outline_follows_the_reading_position(qtbot, window: MainWindow, long_call: Path):
    open_and_wait(qtbot, window, long_call)
    view = current_view(window)
    # The scroll bar spans the whole call once it is written, a moment after the first paint.
    qtbot.waitUntil(view.fully_written, timeout=10_000)
    bar = view.verticalScrollBar()
    seen = set()
    for fraction in (0.5, 0.2, 0.8):
        bar.setValue(int(bar.maximum() * fraction))  # as the reader scrolls
        top = view.turn_at_viewport_top()
        seen.add(top)
        current = window.outline_view.currentIndex()
        assert current.data(OutlineRole.TurnIndexRole) == top
        assert current.data(OutlineRole.KindRole) == NodeKind.TURN
        assert view.turn_at_viewport_top() == top  # selecting did not scroll the view back
    assert len(seen) == 3


def test_keyboard_moves_through_the_outline(qtbot, window: MainWindow, long_call: Path):
    open_and_wait(qtbot, window, long_call)
    view = current_view(window)
    tree = window.outline_view
    first = current_model(window).index_for_turn(5)
    click(qtbot, window, first)
    assert tree.currentIndex() == first  # kept, though turn 5 sits beside turn 4
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    assert tree.currentIndex().data(OutlineRole.TurnIndexRole) == 6
    assert view.turn_at_viewport_top() == 6
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    assert tree.currentIndex().data(OutlineRole.TurnIndexRole) == 7
    assert turn_near_top(view, 7)


# -- navigation ------------------------------------------------------------------------------------


def test_jump_to_qa_and_step_through_questions(qtbot, window: MainWindow, long_call: Path):
    open_and_wait(qtbot, window, long_call)
    view = current_view(window)
    doc = window.current_document()
    assert doc is not None
    t = doc.transcript
    questions = [e.question[0] for e in t.exchanges]
    assert len(questions) == len(LONG_ASKERS)

    window.act_jump_qa.trigger()
    assert turn_near_top(view, t.turns_in(SectionKind.QA)[0].index)
    window.act_next_question.trigger()
    assert turn_near_top(view, questions[0])
    window.act_next_question.trigger()
    assert turn_near_top(view, questions[1])
    window.act_previous_question.trigger()
    assert turn_near_top(view, questions[0])
    window.act_previous_question.trigger()
    assert turn_near_top(view, questions[0])  # none before: stays, says so
    assert "No previous question" in window.statusBar().currentMessage()


def test_question_keys_are_bracket_and_alt_arrows(qtbot, window: MainWindow, long_call: Path):
    open_and_wait(qtbot, window, long_call)
    view = current_view(window)
    doc = window.current_document()
    assert doc is not None
    questions = [e.question[0] for e in doc.transcript.exchanges]
    window.activateWindow()
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    qtbot.keyClick(view, Qt.Key.Key_BracketRight)
    assert turn_near_top(view, questions[0])
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert turn_near_top(view, questions[1])
    qtbot.keyClick(view, Qt.Key.Key_BracketLeft)
    assert turn_near_top(view, questions[0])
    qtbot.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert turn_near_top(view, questions[0])  # nothing before the first question
    assert "No previous question" in window.statusBar().currentMessage()


def test_shortcuts_dialog_lists_the_keys(qtbot, window: MainWindow, monkeypatch):
    rows = dict(window.shortcut_rows())
    assert "Alt+Down" in rows["Next Question"] and "]" in rows["Next Question"]
    assert "Alt+Up" in rows["Previous Question"] and "[" in rows["Previous Question"]
    assert rows["Jump to Q&A"] == "Ctrl+J"
    assert rows["Find"] == "Ctrl+F"
    assert rows["Find bar: previous match"] == "Shift+Enter"
    shown: list[QDialog] = []
    monkeypatch.setattr(QDialog, "exec", lambda self: shown.append(self) or 0)
    window.act_shortcuts.trigger()
    tree = shown[0].findChild(QTreeWidget)
    assert tree is not None and tree.topLevelItemCount() == len(rows)


# -- view options ------------------------------------------------------------------------------------


def test_zoom_in_out_and_reset(qtbot, window: MainWindow, short_call: Path):
    open_and_wait(qtbot, window, short_call)
    view = current_view(window)
    start = view.font_point_size()
    window.view_options.act_zoom_in.trigger()
    assert view.font_point_size() > start
    assert window.settings.font_point_size == view.font_point_size()
    window.view_options.act_zoom_out.trigger()
    window.view_options.act_zoom_out.trigger()
    assert view.font_point_size() < start
    window.view_options.act_zoom_reset.trigger()
    assert view.font_point_size() == FONT_POINT_SIZE.default


def test_script_layout_and_cleanup_apply_to_every_tab(qtbot, window: MainWindow,
                                                      short_call: Path, long_call: Path):
    open_and_wait(qtbot, window, short_call, long_call)
    window.view_options.script_actions["s2t"].trigger()
    window.view_options.layout_actions["interleaved"].trigger()
    window.view_options.act_hide_fillers.trigger()
    for doc in window.documents():
        assert doc.view.script() == "s2t"
        assert doc.view.layout_mode() == "interleaved"
        assert doc.view.display_options().hide_fillers is True
    assert window.chrome.script_button.text() == "Script: Traditional"
    assert window.chrome.layout_button.text() == "Layout: Interleaved"
    text = window.documents()[0].view.displayed_text_of_turn(2)
    assert "們" in text and "们" not in text


def test_speaker_filter_shows_one_speaker(qtbot, window: MainWindow, short_call: Path):
    open_and_wait(qtbot, window, short_call)
    view = current_view(window)
    doc = window.current_document()
    assert doc is not None
    otto = next(s.id for s in doc.transcript.speakers if s.name == "Otto Brandt")
    otto_turn = next(t.index for t in doc.transcript.turns if t.speaker == otto)
    combo = window.chrome.speaker_combo
    row = combo.findData(otto)
    combo.setCurrentIndex(row)
    combo.activated.emit(row)
    assert view.displayed_text_of_turn(0) == ""
    assert "outlook for market 2" in view.displayed_text_of_turn(otto_turn)
    assert doc.speaker == otto
    combo.setCurrentIndex(0)
    combo.activated.emit(0)
    assert view.displayed_text_of_turn(0)


# -- find ---------------------------------------------------------------------------------------


def test_find_bar_counts_and_steps_across_scripts(qtbot, window: MainWindow, long_call: Path):
    open_and_wait(qtbot, window, long_call)
    view = current_view(window)
    doc = window.current_document()
    assert doc is not None
    # The file is in Simplified; the query is typed in Traditional.
    expected = doc.transcript.text.count("收入")
    assert expected > 3
    bar = window.find_bar
    window.act_find.trigger()
    assert bar.isVisible()
    qtbot.waitUntil(bar.line_edit.hasFocus)
    type_text(bar.line_edit, "收入")
    qtbot.waitUntil(lambda: bar.result_text() == f"1 of {expected}")
    bar.line_edit.clear()
    with qtbot.waitSignal(bar.query_edited):
        type_text(bar.line_edit, "收入繼續增長")
    assert bar.result_text() == f"1 of {expected}"
    qtbot.keyClick(bar.line_edit, Qt.Key.Key_Return)
    assert bar.result_text() == f"2 of {expected}"
    assert view.current_find_hit() == 1
    qtbot.keyClick(bar.line_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.result_text() == f"1 of {expected}"
    window.act_find_previous.trigger()
    assert bar.result_text() == f"{expected} of {expected}"
    window.act_find_next.trigger()
    assert bar.result_text() == f"1 of {expected}"

    window.view_options.script_actions["s2t"].trigger()  # the count holds in the other script
    assert bar.result_text().endswith(f"of {expected}")
    assert view.find_hit_count() == expected

    qtbot.keyClick(bar.line_edit, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert view.find_hit_count() == 0


def test_find_with_no_match_says_so(qtbot, window: MainWindow, short_call: Path):
    open_and_wait(qtbot, window, short_call)
    window.act_find.trigger()
    window.find_bar.set_query("zzzz-not-in-this-call")
    assert window.find_bar.result_text() == "No matches"


# -- persistence ---------------------------------------------------------------------------------


def test_settings_and_reading_position_survive_a_restart(qtbot, make_window, long_call: Path,
                                                         short_call: Path):
    first = make_window()
    first.view_options.script_actions["t2s"].trigger()
    first.view_options.layout_actions["interleaved"].trigger()
    first.view_options.act_join_spaces.trigger()  # on by default: now off
    open_and_wait(qtbot, first, short_call)
    open_and_wait(qtbot, first, long_call)
    current_view(first).scroll_to_turn(34)
    # restoreGeometry keeps a window on its screen (800x600 offscreen): fit the size to it.
    screen = first.screen().availableGeometry()
    size = QSize(min(1100, screen.width() - 40), min(760, screen.height() - 40))
    first.resize(size)  # the turn at the top stays there
    qtbot.waitUntil(lambda: current_view(first).turn_at_viewport_top() == 34)
    first.close()

    second = make_window(resize=False)
    assert second.view_options.script_actions["t2s"].isChecked()
    assert second.view_options.layout_actions["interleaved"].isChecked()
    assert not second.view_options.act_join_spaces.isChecked()
    assert second.size() == size
    second.chrome.recent_menu.aboutToShow.emit()
    assert [a.data() for a in second.chrome.recent_menu.actions() if a.data()] == [
        str(long_call), str(short_call)]
    open_and_wait(qtbot, second, long_call)
    view = current_view(second)
    assert view.script() == "t2s"
    assert view.layout_mode() == "interleaved"
    assert view.display_options().join_cjk_spaces is False
    assert view.turn_at_viewport_top() == 34
    assert second.outline_view.currentIndex().data(OutlineRole.TurnIndexRole) == 34


def test_closing_a_tab_remembers_its_position(qtbot, make_window, long_call: Path):
    first = make_window()
    open_and_wait(qtbot, first, long_call)
    current_view(first).scroll_to_turn(22)
    top = current_view(first).turn_at_viewport_top()
    assert top == 22
    first.act_close_tab.trigger()
    open_and_wait(qtbot, first, long_call)
    assert current_view(first).turn_at_viewport_top() == top


def test_outline_dock_visibility_is_restored(qtbot, make_window):
    first = make_window()
    first.act_show_outline.trigger()
    assert not first.findChild(type(first._dock), "outline_dock").isVisible()
    first.close()
    second = make_window()
    assert not second._dock.isVisible()


# -- app set-up ---------------------------------------------------------------------------------


def test_app_name_and_svg_icon(qapp, window: MainWindow):
    app = create_app()
    assert app is qapp
    assert app.applicationDisplayName() == "Transcript Reader"
    icon = resource_path("icons", "app.svg")
    assert QImageReader(str(icon)).canRead(), "the Qt SVG image plugin did not load"
    assert not app.windowIcon().isNull()
    assert not window.windowIcon().pixmap(32, 32).isNull()


def test_resources_are_found_in_a_frozen_build_too(monkeypatch, tmp_path: Path):
    assert resources.resources_dir() == Path(resources.__file__).resolve().parents[2] / "resources"
    monkeypatch.setattr(resources.sys, "frozen", True, raising=False)
    monkeypatch.setattr(resources.sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.resources_dir() == tmp_path / "resources"
    with pytest.raises(FileNotFoundError):
        resource_path("icons", "app.svg")
    assert resources.app_icon().isNull()


def test_cjk_font_follows_the_script_shown(qapp):
    installed = ["DejaVu Sans", "Noto Sans CJK SC", "Noto Sans CJK TC", "Noto Sans CJK HK"]
    assert cjk_family("none", installed) == "Noto Sans CJK SC"
    assert cjk_family("t2s", installed) == "Noto Sans CJK SC"
    assert cjk_family("s2t", installed) == "Noto Sans CJK TC"
    assert cjk_family("s2twp", installed) == "Noto Sans CJK TC"
    assert cjk_family("s2hk", installed) == "Noto Sans CJK HK"
    assert cjk_family("s2t", ["microsoft yahei"]) == "microsoft yahei"  # any case, fallback
    assert cjk_family("none", ["DejaVu Sans"]) is None
    font = reading_font(15, "s2hk", installed)
    assert font.families()[-1] == "Noto Sans CJK HK"
    assert font.pointSize() == 15
    assert reading_font(11, "none", ["DejaVu Sans"]).families() == [QApplication.font().family()]


def test_the_highlights_list_is_built_after_a_start_up_call_is_painted(
        qtbot, tmp_path: Path, short_call: Path):
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings, db_path=None)
    qtbot.addWidget(window)
    dock = window.annotations.dock
    at_load: list[bool] = []  # connected after the window's slot: the view is built then
    window.open_queue.loaded.connect(
        lambda *_a: at_load.append(dock.is_built() or current_view(window).has_painted()))
    window.show()
    window.open_files([str(short_call)])
    qtbot.waitUntil(lambda: at_load == [False], timeout=10_000)  # the call is in; no paint yet
    view = current_view(window)
    qtbot.waitUntil(dock.is_built, timeout=10_000)
    assert view.has_painted()
    assert dock.status.text() == "Highlights are off: no annotation library was opened."
    window.close()
