"""Highlights in the window: create, edit, delete, undo; drawing in every view mode; the dock;
export; the library thread; a refused library. Each test has its own settings and library."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMenu

from reader.core.convert import convert
from reader.core.display import display_paragraph
from reader.core.records import Highlight
from reader.services.annotations import AnnotationService
from reader.ui.annotations.editor import AnnotationEditor, ColourNamesDialog, TagCompleter
from reader.ui.annotations.highlights_model import ORPHANED, Column, HighlightRole
from reader.ui.library_session import LibraryState
from reader.ui.reading import alignment_worker
from reader.ui.reading.highlights import HighlightMark
from reader.ui.reading.view import ReadingView
from reader.ui.window.main_window import MainWindow

pytestmark = [
    pytest.mark.gui,
    # The offscreen platform warns whenever a top-level window's size limits change.
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]

# An invented call in the Quartr layout. The Mandarin is spaced like speech recognition, and
# has words whose Taiwan-style conversion is longer (内存 -> 記憶體), so displayed positions
# shift differently from the source under each script.
CALL = """Sign in

Pinecrest Memory - Q2 2025

Aug 14, 2025

Transcript

Operator (participant)

Good day and welcome to the Pinecrest Memory second quarter call. Please go ahead.

Wen Hao (Chief Executive Officer)

我 们 的 内 存 和 U 盘 业 务 很 好 。 今 年 利 润 增 长 了 百 分 之 十 。 嗯 , 鼠 标 软 件 也 不 错 。

Ada Lin (Investor Relations Director)

Our memory and flash drive business did well. Profit grew 10% this year. The mouse software was also good.

Operator (participant)

The next question comes from Ivo Marsh of Quillby Securities.

Ivo Marsh (Equity Research Analyst)

请 问 明 年 的 内 存 价 格 怎 么 看 ?

What is your view on memory prices next year?

Wen Hao (Chief Executive Officer)

我 们 认 为 内 存 价 格 会 稳 定 。 U 盘 需 求 也 会 增 长 。

Ada Lin (Investor Relations Director)

We think memory prices will stay stable. Demand for flash drives will also grow.

Operator (participant)

That concludes the call. Thank you.
"""

MEMORY = "内 存 和 U 盘 业 务 很 好 。"
PROFIT = "今 年 利 润 增 长 了 百 分 之 十 。"
STABLE = "We think memory prices will stay stable."


@pytest.fixture
def call_file(tmp_path: Path) -> Path:
    path = tmp_path / "pinecrest_q2_2025.txt"
    path.write_text(CALL, encoding="utf-8")
    return path


def open_call(qtbot, window: MainWindow, path: Path, *, aligned: bool = False) -> ReadingView:
    window.open_files([str(path)])
    qtbot.waitUntil(lambda: not window.open_queue.pending(), timeout=30_000)
    view = window.current_view()
    assert view is not None
    qtbot.waitUntil(lambda: window.annotations.transcript_id(view) is not None, timeout=20_000)
    if aligned:
        qtbot.waitUntil(lambda: view.sentence_alignment() is not None, timeout=20_000)
    return view


def span_of(view: ReadingView, phrase: str) -> tuple[int, int]:
    t = view.transcript()
    assert t is not None
    start = t.text.index(phrase)
    return start, start + len(phrase)


def highlight(qtbot, window: MainWindow, view: ReadingView, phrase: str,
              action=None) -> Highlight:
    """Select the phrase's displayed text and trigger a highlight action."""
    ctl = window.annotations
    assert view.select_source_span(*span_of(view, phrase))
    before = {h.id for h in ctl.highlights(view)}
    (action or ctl.act_highlight).trigger()
    qtbot.waitUntil(lambda: bool({h.id for h in ctl.highlights(view)} - before), timeout=10_000)
    (new,) = [h for h in ctl.highlights(view) if h.id not in before]
    return new


def covered_source(view: ReadingView, highlight_id: int) -> tuple[int, int]:
    spans = [view.document_to_source_span(s, e)
             for s, e in view.highlight_document_spans(highlight_id)]
    assert spans and None not in spans
    return min(s[0] for s in spans), max(s[1] for s in spans)


def selections_on(view: ReadingView, span: tuple[int, int]) -> list[QColor]:
    return [sel.format.background().color() for sel in view.extraSelections()
            if (sel.cursor.selectionStart(), sel.cursor.selectionEnd()) == span]


def squash(text: str) -> str:
    return "".join(text.split())


def stored(library: Path) -> list[tuple]:
    with sqlite3.connect(library) as conn:
        return conn.execute("SELECT id, start_offset, end_offset, colour, note FROM highlights "
                            "ORDER BY id").fetchall()


# -- create, edit, delete, undo -------------------------------------------------------------------


def test_selection_becomes_a_stored_highlight(qtbot, window, call_file, library):
    view = open_call(qtbot, window, call_file)
    ctl = window.annotations
    start, end = span_of(view, PROFIT)
    assert view.select_source_span(start, end)
    expected = view.selection_source_span()
    assert expected is not None
    ctl.act_highlight.trigger()
    qtbot.waitUntil(lambda: bool(ctl.highlights(view)), timeout=10_000)
    (h,) = ctl.highlights(view)
    assert (h.start, h.end) == expected
    assert squash(h.quote) == squash(PROFIT)
    assert h.colour == "yellow"  # the default before any colour was chosen
    assert not view.textCursor().hasSelection()  # so the new tint shows at once
    assert stored(library) == [(h.id, h.start, h.end, "yellow", "")]
    assert ctl.dock.model.rowCount() == 1
    assert ctl.dock.view.currentIndex().data(HighlightRole.IdRole) == h.id


def test_colour_keys_and_the_remembered_colour(qtbot, make_window, call_file):
    window = make_window()
    view = open_call(qtbot, window, call_file)
    ctl = window.annotations
    qtbot.waitUntil(lambda: ctl.colour_actions[1].text() == "Highlight as Risk")
    assert ctl.colour_actions[1].shortcut().toString() == "Ctrl+2"
    red = highlight(qtbot, window, view, PROFIT, ctl.colour_actions[1])
    assert red.colour == "red"
    # Ctrl+H now uses the colour last chosen, also in the next session.
    again = highlight(qtbot, window, view, STABLE)
    assert again.colour == "red"
    window.close()
    second = make_window()
    assert second.settings.highlight_colour == "red"


def test_selecting_a_highlight_again_changes_its_colour(qtbot, window, call_file):
    view = open_call(qtbot, window, call_file)
    ctl = window.annotations
    h = highlight(qtbot, window, view, PROFIT)
    assert view.select_source_span(h.start, h.end)
    ctl.colour_actions[3].trigger()
    qtbot.waitUntil(lambda: ctl.highlights(view)[0].colour == "blue", timeout=10_000)
    assert [x.id for x in ctl.highlights(view)] == [h.id]


def test_nothing_selected_gives_a_hint(qtbot, window, call_file):
    view = open_call(qtbot, window, call_file)
    window.annotations.act_highlight.trigger()
    assert "Select some text" in window.statusBar().currentMessage()
    assert window.annotations.session.pending() == 0
    assert view.highlight_marks() == []


def fill_editor(monkeypatch, tags: str, note: str, colour: str | None = None) -> list[str]:
    """Make the editor, when opened, fill in these values and press OK; returns the quotes
    it was opened on."""
    seen: list[str] = []

    def fake_exec(self: AnnotationEditor) -> int:
        seen.append(self.quote_label.text())
        self.tags_edit.setText(tags)
        self.note_edit.setPlainText(note)
        if colour is not None:
            self.colour_combo.setCurrentIndex(self.colour_combo.findData(colour))
        self.accept()
        return self.result()

    monkeypatch.setattr(AnnotationEditor, "exec", fake_exec)
    return seen


def test_editor_saves_tags_note_and_colour(qtbot, window, call_file, monkeypatch):
    view = open_call(qtbot, window, call_file)
    ctl = window.annotations
    h = highlight(qtbot, window, view, PROFIT)
    seen = fill_editor(monkeypatch, "#guidance, credit risk", "Ten percent, <b>not</b> eight",
                       "green")
    view.setFocus()
    view.select_source_span(h.start + 2, h.start + 4)  # the caret side of the highlight
    ctl.act_edit.trigger()
    qtbot.waitUntil(lambda: ctl.highlights(view)[0].tags != (), timeout=10_000)
    (after,) = ctl.highlights(view)
    assert seen and squash(seen[0]).endswith(squash(PROFIT) + "”")
    assert after.tags == ("credit-risk", "guidance")
    assert after.note == "Ten percent, <b>not</b> eight"
    assert after.colour == "green"
    row = ctl.dock.model.row_of(h.id)
    assert ctl.dock.model.index(row, Column.NOTE).data() == "Ten percent, <b>not</b> eight"
    assert ctl.dock.model.index(row, Column.TAGS).data() == "#credit-risk #guidance"
    # The next editor completes from the tags now in the library.
    qtbot.waitUntil(lambda: "guidance" in ctl._tags, timeout=10_000)
    editor = AnnotationEditor(after, ctl.colours(), ctl._tags)
    qtbot.addWidget(editor)
    completer = editor.tags_edit.completer()
    assert isinstance(completer, TagCompleter)
    editor.tags_edit.setText("credit-risk, #gui")
    assert completer.splitPath(editor.tags_edit.text()) == ["gui"]
    completer.setCompletionPrefix("gui")
    found = completer.completionModel().index(0, 0)
    assert found.data() == "guidance"
    assert completer.pathFromIndex(found) == "credit-risk, guidance, "


def test_editor_refuses_a_bad_tag_and_keeps_the_dialog_open(qtbot, call_file, window):
    view = open_call(qtbot, window, call_file)
    h = highlight(qtbot, window, view, PROFIT)
    editor = AnnotationEditor(h, window.annotations.colours(), [])
    qtbot.addWidget(editor)
    editor.tags_edit.setText("fine, not*ok")
    editor.accept()
    assert editor.result() != QDialog.DialogCode.Accepted
    assert "not*ok" in editor.tag_error.text()


def test_double_click_in_the_dock_opens_the_editor(qtbot, window, call_file, monkeypatch):
    view = open_call(qtbot, window, call_file)
    ctl = window.annotations
    h = highlight(qtbot, window, view, STABLE)
    fill_editor(monkeypatch, "pricing", "")
    dock_view = ctl.dock.view
    index = ctl.dock.proxy.mapFromSource(ctl.dock.model.index_of(h.id))
    rect = dock_view.visualRect(index)
    # A real double-click starts with a press: the view only answers one on the row it saw
    # pressed (QTest's double-click sends no press of its own).
    qtbot.mouseClick(dock_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(dock_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: ctl.highlights(view)[0].tags == ("pricing",), timeout=10_000)


def test_delete_then_undo_and_redo(qtbot, window, call_file, library):
    view = open_call(qtbot, window, call_file)
    ctl = window.annotations
    h = highlight(qtbot, window, view, PROFIT)
    fill = {"tags": ("keep",), "note": "a note"}
    ctl.session.submit(lambda s: s.update_highlight(h.id, tags=fill["tags"], note=fill["note"]))
    qtbot.waitUntil(lambda: ctl.highlights(view)[0].tags == ("keep",), timeout=10_000)
    other = highlight(qtbot, window, view, STABLE)

    assert ctl.dock.select_highlight(h.id)
    ctl.dock.view.setFocus()
    qtbot.waitUntil(lambda: ctl.dock.has_list_focus())
    ctl.act_delete.trigger()
    qtbot.waitUntil(lambda: [x.id for x in ctl.highlights(view)] == [other.id], timeout=10_000)
    assert view.highlight_document_spans(h.id) == []
    assert ctl.dock.model.row_of(h.id) == -1
    qtbot.waitUntil(lambda: ctl.act_undo.isEnabled() and "Delete" in ctl.act_undo.text())

    ctl.act_undo.trigger()
    qtbot.waitUntil(lambda: len(ctl.highlights(view)) == 2, timeout=10_000)
    back = next(x for x in ctl.highlights(view) if x.id == h.id)
    assert (back.start, back.end, back.tags, back.note) == (h.start, h.end, ("keep",), "a note")
    assert view.highlight_document_spans(h.id)
    qtbot.waitUntil(lambda: ctl.act_redo.isEnabled())

    ctl.act_redo.trigger()
    qtbot.waitUntil(lambda: len(ctl.highlights(view)) == 1, timeout=10_000)
    assert [row[0] for row in stored(library)] == [other.id]


def test_delete_key_in_the_reading_view_deletes_the_highlight_at_the_caret(qtbot, window,
                                                                          call_file):
    view = open_call(qtbot, window, call_file)
    ctl = window.annotations
    h = highlight(qtbot, window, view, STABLE)
    view.setFocus()
    view.select_source_span(h.start + 3, h.start + 3 + 6)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: ctl.highlights(view) == [], timeout=10_000)


@pytest.mark.qt_log_ignore("This plugin does not support")  # popups and size hints offscreen
def test_context_menu_offers_the_highlight_actions(qtbot, window, call_file):
    view = open_call(qtbot, window, call_file)
    ctl = window.annotations
    h = highlight(qtbot, window, view, STABLE)
    view.setFocus()
    view.select_source_span(h.start + 1, h.start + 5)
    view.customContextMenuRequested.emit(view.cursorRect().center())
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    texts = [a.text() for a in menu.actions()]
    assert "Highlight as Guidance" in texts and "&Delete Highlight" in texts
    delete = next(a for a in menu.actions() if a is ctl.act_delete)
    menu.close()  # as a click on the item does: hide, then trigger
    delete.trigger()
    qtbot.waitUntil(lambda: ctl.highlights(view) == [], timeout=10_000)
    qtbot.waitUntil(lambda: ctl._context_ids is None)


# -- drawing ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("script", ["none", "s2t", "s2twp"])
def test_highlights_are_drawn_on_their_characters_under_every_script(qtbot, window, call_file,
                                                                     script):
    view = open_call(qtbot, window, call_file)
    made = [highlight(qtbot, window, view, phrase) for phrase in (MEMORY, PROFIT, STABLE)]
    window.set_script(script)
    window.set_cleanup(join_cjk_spaces=True, hide_fillers=True)
    t = view.transcript()
    assert t is not None
    tint = QColor("#f2c200")
    for h in made:
        spans = view.highlight_document_spans(h.id)
        assert len(spans) == 1
        assert covered_source(view, h.id) == (h.start, h.end)
        colours = selections_on(view, spans[0])
        assert colours and colours[0].rgb() == tint.rgb() and colours[0].alpha() < 255
        # The characters under the tint are the highlight's text as this script shows it.
        cursor = view.textCursor()
        cursor.setPosition(spans[0][0])
        cursor.setPosition(spans[0][1], cursor.MoveMode.KeepAnchor)
        para = next(p for turn in t.turns for p in turn.paragraphs
                    if p.start <= h.start < p.end)
        shown = display_paragraph(t.text, para.start, para.end, view.display_options())
        a, b = shown.from_source_span(h.start, h.end)
        assert cursor.selectedText() == shown.text[a:b]
    if script == "s2twp":
        # 内存 became 記憶體: the text after it moved one place further than in the source.
        cursor.setPosition(view.highlight_document_spans(made[0].id)[0][0])
        cursor.setPosition(view.highlight_document_spans(made[0].id)[0][1],
                           cursor.MoveMode.KeepAnchor)
        assert cursor.selectedText().startswith("記憶體")
        assert convert("内存", "s2twp").text == "記憶體"


@pytest.mark.parametrize("mode", ["side_by_side", "interleaved", "original_only",
                                  "interpretation_only"])
def test_highlights_are_drawn_in_every_layout_mode(qtbot, window, call_file, mode):
    view = open_call(qtbot, window, call_file)
    chinese = highlight(qtbot, window, view, PROFIT)
    english = highlight(qtbot, window, view, STABLE)
    window.set_layout_mode(mode)
    t = view.transcript()
    assert t is not None
    for h in (chinese, english):
        turn = t.turn_at(h.start)
        assert turn is not None
        if view.is_turn_shown(turn.index):
            assert covered_source(view, h.id) == (h.start, h.end)
            assert selections_on(view, view.highlight_document_spans(h.id)[0])
        else:
            assert view.highlight_document_spans(h.id) == []
    shown_any = [h for h in (chinese, english) if view.highlight_document_spans(h.id)]
    assert shown_any  # every mode shows at least one side


def test_a_highlight_across_paragraphs_is_drawn_on_each(qtbot, window, call_file):
    view = open_call(qtbot, window, call_file)
    window.set_layout_mode("interleaved")
    start = span_of(view, PROFIT)[0]
    end = span_of(view, "Profit grew 10% this year.")[1]
    spans = view.source_span_document_spans(start, end)
    assert len(spans) == 2  # the end of the Mandarin paragraph, the start of the English one
    cursor = view.textCursor()
    cursor.setPosition(spans[0][0])
    cursor.setPosition(spans[1][1], cursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    ctl = window.annotations
    ctl.act_highlight.trigger()
    qtbot.waitUntil(lambda: bool(ctl.highlights(view)), timeout=10_000)
    (h,) = ctl.highlights(view)
    assert len(view.highlight_document_spans(h.id)) == 2
    assert covered_source(view, h.id) == (h.start, h.end)


def test_the_mirror_waits_for_the_alignment(qtbot, monkeypatch, call_file):
    """Before the alignment is ready nothing is mirrored; then the counterpart is."""
    from reader.core.pipeline import parse_bytes

    release = threading.Event()
    real = alignment_worker.align_transcript

    def held(*args, **kwargs):
        release.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(alignment_worker, "align_transcript", held)
    view = ReadingView()
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    t = parse_bytes(call_file.read_bytes(), call_file.name)
    view.set_transcript(t)
    start = t.text.index(PROFIT)
    view.set_highlights([HighlightMark(7, start, start + len(PROFIT), QColor("#2fa36b"))])
    assert view.highlight_document_spans(7)
    assert view.mirror_document_spans(7) == []
    with qtbot.waitSignal(view.alignment_ready, timeout=10_000):
        release.set()
    mirrored = [view.document_to_source_span(s, e) for s, e in view.mirror_document_spans(7)]
    assert mirrored and None not in mirrored
    assert any("Profit grew 10%" in t.text[s:e] for s, e in mirrored)  # type: ignore[misc]
    faint = [sel for sel in view.extraSelections()
             if (sel.cursor.selectionStart(), sel.cursor.selectionEnd())
             == view.mirror_document_spans(7)[0]]
    assert faint and faint[0].format.background().color().alpha() < 60


@pytest.mark.seeds
def test_the_mirror_is_on_the_counterpart_sentence_in_the_quartr_seed(qtbot, window,
                                                                      seeds_dir: Path):
    view = open_call(qtbot, window, seeds_dir / "quartr_qfin_q1_2023.txt", aligned=True)
    alignment = view.sentence_alignment()
    assert alignment is not None
    pair = next(p for p in alignment.pairs if any(zh and en for zh, en in p.links))
    zh, en = next((zh, en) for zh, en in pair.links if zh and en)
    sentence = pair.original_sentences[zh[0]]
    expected = {pair.interpretation_sentences[k] for k in en}
    assert view.select_source_span(*sentence)
    ctl = window.annotations
    ctl.act_highlight.trigger()
    qtbot.waitUntil(lambda: bool(ctl.highlights(view)), timeout=10_000)
    (h,) = ctl.highlights(view)
    mirror = view.mirror_document_spans(h.id)
    assert mirror
    mapped = [view.document_to_source_span(s, e) for s, e in mirror]
    for span in mapped:
        assert span is not None
        assert any(a <= span[0] and span[1] <= b for a, b in expected)
    # The whole counterpart is covered, and nothing on the highlight's own side.
    for a, b in expected:
        assert any(s <= a + 1 and b - 1 <= e for s, e in mapped if (s, e) != (a, b)) or \
            (a, b) in mapped or any(s < b and a < e for s, e in mapped)
    assert all(span[1] <= h.start or span[0] >= h.end for span in mapped if span)


@pytest.mark.seeds
def test_scroll_to_turn_and_turn_at_top_agree_on_the_quartr_seed(qtbot, window,
                                                                seeds_dir: Path):
    view = open_call(qtbot, window, seeds_dir / "quartr_qfin_q1_2023.txt")
    t = view.transcript()
    assert t is not None
    for mode in ("side_by_side", "interleaved"):
        window.set_layout_mode(mode)
        for turn in range(len(t.turns)):
            if view.is_turn_shown(turn):
                view.scroll_to_turn(turn)
                assert view.turn_at_viewport_top() == turn, (mode, turn)
    window.set_layout_mode("side_by_side")
    view.scroll_to_turn(52)
    assert view.turn_at_viewport_top() == 52


# -- the dock -----------------------------------------------------------------------------------------


def test_clicking_a_dock_row_shows_and_selects_the_highlight(qtbot, window, call_file):
    view = open_call(qtbot, window, call_file)
    ctl = window.annotations
    h = highlight(qtbot, window, view, STABLE)
    view.scroll_to_turn(0)
    index = ctl.dock.proxy.mapFromSource(ctl.dock.model.index_of(h.id))
    rect = ctl.dock.view.visualRect(index)
    qtbot.mouseClick(ctl.dock.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.selection_source_span() == (h.start, h.end)


def test_dock_filters_by_tag_and_text(qtbot, window, call_file):
    view = open_call(qtbot, window, call_file)
    ctl = window.annotations
    a = highlight(qtbot, window, view, PROFIT)
    highlight(qtbot, window, view, STABLE)
    ctl.session.submit(lambda s: s.update_highlight(a.id, tags=["margin"]))
    qtbot.waitUntil(lambda: ctl.dock.tag_filter.findData("margin") > 0, timeout=10_000)
    ctl.dock.tag_filter.setCurrentIndex(ctl.dock.tag_filter.findData("margin"))
    assert ctl.dock.proxy.rowCount() == 1
    assert "1 shown" in ctl.dock.status.text()
    ctl.dock.clear_button.click()
    assert ctl.dock.proxy.rowCount() == 2
    ctl.dock.search.setText("memory prices")
    assert ctl.dock.proxy.rowCount() == 1
    ctl.dock.speaker_filter.setCurrentIndex(ctl.dock.speaker_filter.findData("Ada Lin"))
    assert ctl.dock.proxy.rowCount() == 1


def test_the_dock_follows_the_current_tab(qtbot, window, call_file, tmp_path):
    first = open_call(qtbot, window, call_file)
    highlight(qtbot, window, first, PROFIT)
    other = tmp_path / "other.txt"
    other.write_text(CALL.replace("Pinecrest", "Larkfield"), encoding="utf-8")
    second = open_call(qtbot, window, other)
    ctl = window.annotations
    assert window.current_view() is second
    assert ctl.dock.model.rowCount() == 0
    window.tabs.setCurrentWidget(first)
    assert ctl.dock.model.rowCount() == 1


def test_orphaned_highlights_are_listed_after_a_corrected_version(qtbot, window, call_file):
    view = open_call(qtbot, window, call_file)
    ctl = window.annotations
    gone = highlight(qtbot, window, view, "The mouse software was also good.")
    kept = highlight(qtbot, window, view, STABLE)
    window.act_close_tab.trigger()
    call_file.write_text(CALL.replace(" The mouse software was also good.", ""),
                         encoding="utf-8")
    view = open_call(qtbot, window, call_file)
    qtbot.waitUntil(lambda: len(ctl.highlights(view)) == 2, timeout=10_000)
    by_id = {h.id: h for h in ctl.highlights(view)}
    assert by_id[gone.id].orphaned and not by_id[kept.id].orphaned
    row = ctl.dock.model.row_of(gone.id)
    assert ctl.dock.model.index(row, Column.QUOTE).data().startswith(f"[{ORPHANED}]")
    assert "orphaned" in ctl.dock.status.text()
    assert view.highlight_document_spans(gone.id) == []
    assert covered_source(view, kept.id) == (by_id[kept.id].start, by_id[kept.id].end)


def test_colour_names_are_edited_and_shown(qtbot, window, call_file, monkeypatch):
    view = open_call(qtbot, window, call_file)
    ctl = window.annotations
    highlight(qtbot, window, view, PROFIT)

    def fake_exec(self: ColourNamesDialog) -> int:
        self.edits["yellow"].setText("  Outlook  ")
        self.accept()
        return self.result()

    monkeypatch.setattr(ColourNamesDialog, "exec", fake_exec)
    ctl.act_rename_colours.trigger()
    qtbot.waitUntil(lambda: ctl.colour_actions[0].text() == "Highlight as Outlook",
                    timeout=10_000)
    assert ctl.dock.model.index(0, Column.COLOUR).data() == "Outlook"
    assert ctl.dock.colour_filter.itemText(1) == "Outlook"


def test_dock_visibility_is_restored(qtbot, make_window):
    first = make_window()
    assert first.annotations.dock.isVisible()
    first.annotations.act_show_dock.trigger()
    first.close()
    second = make_window()
    assert not second.annotations.dock.isVisible()


# -- export ---------------------------------------------------------------------------------------------


def test_export_writes_a_markdown_note_with_the_quote(qtbot, window, call_file, tmp_path,
                                                      monkeypatch):
    view = open_call(qtbot, window, call_file)
    h = highlight(qtbot, window, view, STABLE)
    target = tmp_path / "notes" / "pinecrest.md"
    asked: list[str] = []

    def save_name(_parent, _title, suggested, _filter):
        asked.append(suggested)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_name))
    window.annotations.export.act_export.trigger()
    qtbot.waitUntil(target.exists, timeout=10_000)
    assert asked and asked[0].endswith(".md")
    assert h.quote in target.read_text(encoding="utf-8")
    qtbot.waitUntil(lambda: "Exported 1 highlight" in window.statusBar().currentMessage())
    assert window.settings.export_directory == str(target.parent)


def test_export_all_writes_one_note_per_call(qtbot, window, call_file, tmp_path, monkeypatch):
    view = open_call(qtbot, window, call_file)
    highlight(qtbot, window, view, STABLE)
    folder = tmp_path / "vault"
    folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        staticmethod(lambda *_a, **_k: str(folder)))
    window.annotations.export.act_export_all.trigger()
    qtbot.waitUntil(lambda: bool(list(folder.glob("*.md"))), timeout=10_000)
    (note,) = folder.glob("*.md")
    assert STABLE in note.read_text(encoding="utf-8")


def test_an_export_error_is_shown_in_a_message_box(qtbot, window, call_file, tmp_path,
                                                   monkeypatch):
    view = open_call(qtbot, window, call_file)
    highlight(qtbot, window, view, STABLE)
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *_a: (str(blocker / "sub" / "note.md"), "")))
    shown: list[str] = []
    monkeypatch.setattr("reader.ui.plain.warning",
                        lambda _p, _t, text, *_a: shown.append(text))
    window.annotations.export.act_export.trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert "a-file" in shown[0]


# -- the library thread ---------------------------------------------------------------------------------


def test_writes_run_off_the_ui_thread_and_the_event_loop_keeps_going(qtbot, window, call_file,
                                                                    monkeypatch):
    view = open_call(qtbot, window, call_file)
    ctl = window.annotations
    threads: list[threading.Thread] = []
    real = AnnotationService.add_highlight

    def slow(self, *args, **kwargs):
        threads.append(threading.current_thread())
        time.sleep(0.6)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(AnnotationService, "add_highlight", slow)
    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    assert view.select_source_span(*span_of(view, STABLE))
    ctl.act_highlight.trigger()
    assert ctl.highlights(view) == []  # the trigger returned before the write finished
    qtbot.waitUntil(lambda: bool(ctl.highlights(view)), timeout=10_000)
    timer.stop()
    assert threads and threads[0] is not threading.main_thread()
    assert len(ticks) >= 5  # the UI thread served its timer during the write


def test_a_newer_library_is_refused_and_transcripts_open_read_only(qtbot, make_window, library,
                                                                   call_file):
    library.parent.mkdir(parents=True)
    with sqlite3.connect(library) as conn:
        conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
        conn.execute("INSERT INTO alembic_version VALUES ('9999')")
    window = make_window()
    ctl = window.annotations
    assert ctl.session.state is LibraryState.FAILED
    box = ctl.library_message_box
    assert box is not None and box.isVisible()
    assert "newer version" in box.text() and "\n" not in box.text()
    box.accept()
    window.open_files([str(call_file)])
    qtbot.waitUntil(lambda: window.current_view() is not None, timeout=30_000)
    view = window.current_view()
    assert view is not None and view.displayed_text_of_turn(1)
    assert not ctl.act_highlight.isEnabled() and not ctl.export.act_export.isEnabled()
    assert view.select_source_span(*span_of(view, STABLE))
    ctl.act_highlight.trigger()  # disabled: nothing happens, nothing raises
    assert ctl.highlights(view) == []
    assert "newer version" in ctl.dock.status.text()
    with sqlite3.connect(library) as conn:  # untouched
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [("9999",)]


def test_without_a_library_the_window_still_reads(qtbot, make_window, call_file):
    window = make_window(db=None)
    window.open_files([str(call_file)])
    qtbot.waitUntil(lambda: window.current_view() is not None, timeout=30_000)
    assert not window.annotations.act_highlight.isEnabled()
    assert "no annotation library" in window.annotations.dock.status.text()


def test_highlights_load_when_the_call_is_opened_again(qtbot, make_window, call_file):
    first = make_window()
    view = open_call(qtbot, first, call_file)
    h = highlight(qtbot, first, view, PROFIT)
    first.close()
    second = make_window()
    view = open_call(qtbot, second, call_file)
    qtbot.waitUntil(lambda: bool(second.annotations.highlights(view)), timeout=10_000)
    assert [x.id for x in second.annotations.highlights(view)] == [h.id]
    assert covered_source(view, h.id) == (h.start, h.end)


def test_ctrl_digit_keys_highlight_in_the_named_colours(qtbot, window, call_file):
    view = open_call(qtbot, window, call_file)
    ctl = window.annotations
    qtbot.waitUntil(lambda: ctl.colour_actions[2].data() == "green")
    assert view.select_source_span(*span_of(view, STABLE))
    view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view)
    qtbot.keyClick(view, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(ctl.highlights(view)), timeout=10_000)
    assert ctl.highlights(view)[0].colour == "green"
    assert view.layout_mode() == "side_by_side"  # the layout keys moved to Alt+1..4


def test_db_option_among_the_files_is_taken_out():
    from reader.cli_common import split_db_option

    assert split_db_option(["a.txt", "--db", "x.sqlite3", "b.txt"]) == (["a.txt", "b.txt"],
                                                                       "x.sqlite3")
    assert split_db_option(["--db=y.sqlite3"]) == ([], "y.sqlite3")
    assert split_db_option(["a.txt"]) == (["a.txt"], None)
