"""The reading view on real widgets, offscreen: rows, modes, scripts, selection, find, scrolling."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QTextCursor, QWheelEvent
from PySide6.QtWidgets import QApplication

from reader.core.model import Transcript
from reader.core.pipeline import parse_bytes, parse_text
from reader.core.rows import aligned_rows
from reader.ui.reading.view import MAX_POINT_SIZE, MIN_POINT_SIZE, ReadingView

pytestmark = pytest.mark.gui

LANTING = "quartr_lanting_q2_2024.txt"
BRIGHTWATER = "alphaspread_brightwater_q2_2024.txt"

# An invented call in the Quartr layout, for what the fixtures do not hold.
EXTRA = """Hexi Data - Q1 2025

May 20, 2025

Transcript

Operator (participant)

Welcome to the Hexi Data first quarter call. Please go ahead.

Lin Qiao (Chief Executive Officer)

本 季 度 营 收 增 长 , 营收 结构 也 在 改 善 。 <b>not bold</b> <img src="file:///etc/hostname">

Mia Sun (Investor Relations)

This quarter our revenue grew, and the revenue mix improved.

Lin Qiao (Chief Executive Officer)

第 一 段 , 讲 营 收 。

第 二 段 , 讲 成 本 。

Mia Sun (Investor Relations)

The first part is about revenue; the second is about costs.
"""


@pytest.fixture
def view(qtbot) -> ReadingView:
    v = ReadingView()
    qtbot.addWidget(v)
    v.resize(900, 500)
    v.show()
    qtbot.waitExposed(v)
    return v


@pytest.fixture
def lanting(transcript_factory) -> Transcript:
    return transcript_factory(LANTING)


def _turn_of(t: Transcript, speaker: str, contains: str) -> int:
    for turn in t.turns:
        if t.speaker_of(turn).name == speaker and contains in turn.text:
            return turn.index
    raise AssertionError(f"no turn by {speaker} with {contains!r}")


def _top_left(view: ReadingView, turn: int) -> tuple[float, float]:
    span = view.turn_document_span(turn)
    assert span is not None, f"turn {turn} is not shown"
    doc = view.document()
    rect = doc.documentLayout().blockBoundingRect(doc.findBlock(span[0]))
    return rect.top(), rect.left()


def _select(view: ReadingView, start: int, end: int) -> None:
    cursor = QTextCursor(view.document())
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)


def _select_word(view: ReadingView, turn: int, word: str) -> None:
    """Select the first displayed occurrence of `word` in the turn."""
    for owner, doc_start, para in view.displayed_paragraphs():
        if owner == turn and word in para.text:
            k = para.text.index(word)  # BMP text: document and str offsets agree
            _select(view, doc_start + k, doc_start + k + len(word))
            return
    raise AssertionError(f"{word!r} not displayed in turn {turn}")


# -- rows and layout modes -------------------------------------------------------------------


def test_side_by_side_puts_each_interpretation_level_with_its_original(view, lanting):
    view.set_transcript(lanting)
    assert view.transcript() is lanting
    pairs = [(o, i) for t in lanting.turns for i in [t.index] for o in t.interprets]
    assert pairs
    for original, rendering in pairs:
        (top_o, left_o), (top_i, left_i) = _top_left(view, original), _top_left(view, rendering)
        assert top_o == pytest.approx(top_i, abs=1)
        assert left_i > left_o + view.viewport().width() / 3
    assert "Interpretation" in view.document().toPlainText()


def test_rows_stay_level_at_other_widths_and_sizes(qtbot, view, lanting):
    view.set_transcript(lanting)
    ceo = _turn_of(lanting, "Peng Gao", "用 户")
    ir = lanting.interpreters_of(ceo)[0]
    for width, pt in ((420, 9.0), (1400, 20.0)):
        view.resize(width, 500)
        view.set_font_point_size(pt)
        qtbot.wait(10)
        assert _top_left(view, ceo)[0] == pytest.approx(_top_left(view, ir)[0], abs=1)


def test_interleaved_puts_the_interpretation_under_its_original(view, lanting):
    view.set_transcript(lanting)
    view.set_layout_mode("interleaved")
    ceo = _turn_of(lanting, "Peng Gao", "用 户")
    ir = lanting.interpreters_of(ceo)[0]
    (top_o, left_o), (top_i, left_i) = _top_left(view, ceo), _top_left(view, ir)
    assert top_i > top_o
    assert left_i == pytest.approx(left_o, abs=1)
    assert "Interpretation" not in view.document().toPlainText()


def test_original_only_and_interpretation_only(view, lanting):
    view.set_transcript(lanting)
    ceo = _turn_of(lanting, "Peng Gao", "用 户")
    ir = lanting.interpreters_of(ceo)[0]
    operator = 0
    view.set_layout_mode("original_only")
    assert view.is_turn_shown(ceo) and view.is_turn_shown(operator)
    assert not view.is_turn_shown(ir)
    assert view.displayed_text_of_turn(ir) == ""
    view.set_layout_mode("interpretation_only")
    assert view.is_turn_shown(ir) and view.is_turn_shown(operator)
    assert not view.is_turn_shown(ceo)
    assert "On the user side" in view.displayed_text_of_turn(ir)
    with pytest.raises(ValueError):
        view.set_layout_mode("sideways")


def test_english_only_call_is_a_single_column(view, transcript_factory):
    t = transcript_factory(BRIGHTWATER)
    view.set_transcript(t)
    lefts = {round(_top_left(view, turn.index)[1]) for turn in t.turns}
    assert len(lefts) == 1
    assert "Interpretation" not in view.document().toPlainText()
    assert all(view.is_turn_shown(turn.index) for turn in t.turns)


def test_section_headings_and_speaker_lines(view, lanting):
    view.set_transcript(lanting)
    text = view.document().toPlainText()
    assert "Prepared remarks" in text and "Questions and answers" in text
    assert text.index("Prepared remarks") < text.index("Questions and answers")
    ceo = _turn_of(lanting, "Peng Gao", "用 户")
    start = view.turn_document_span(ceo)
    assert start is not None
    block = view.document().findBlock(start[0])
    assert block.text().startswith("Peng Gao")
    assert "Chief Executive Officer" in block.text()
    assert block.begin().fragment().charFormat().fontWeight() > 500  # the name is bold


def test_speaker_filter_hides_rows_without_those_speakers(view, lanting):
    view.set_transcript(lanting)
    helen = next(s.id for s in lanting.speakers if s.name == "Helen Zhou")
    view.set_speaker_filter({helen})
    shown = [turn.index for turn in lanting.turns if view.is_turn_shown(turn.index)]
    assert shown and all(lanting.turns[i].speaker == helen for i in shown)
    view.set_speaker_filter(None)
    assert all(view.is_turn_shown(turn.index) for turn in lanting.turns)


def test_transcript_markup_is_shown_as_text(view):
    t = parse_text(EXTRA, "hexi.txt", layout="quartr")
    view.set_transcript(t)
    text = view.document().toPlainText()
    assert '<b>not bold</b> <img src="file:///etc/hostname">' in text
    assert not any(fmt.isImageFormat() for fmt in view.document().allFormats())


# -- display options -------------------------------------------------------------------------


def test_script_switch_changes_the_display_not_the_transcript(view, lanting):
    view.set_transcript(lanting)
    ceo = _turn_of(lanting, "Peng Gao", "用 户")
    source_before = lanting.text
    turn_text_before = lanting.turns[ceo].text
    assert "们" in view.displayed_text_of_turn(ceo)
    view.set_script("s2t")
    shown = view.displayed_text_of_turn(ceo)
    assert "們" in shown and "们" not in shown
    assert lanting.text == source_before and lanting.turns[ceo].text == turn_text_before
    view.set_script("none")
    assert "们" in view.displayed_text_of_turn(ceo)
    with pytest.raises(ValueError):
        view.set_script("klingon")


def test_cleanup_joins_spaces_and_hides_fillers(view, lanting):
    view.set_transcript(lanting)
    ceo = _turn_of(lanting, "Peng Gao", "用 户")
    shown = view.displayed_text_of_turn(ceo)
    assert "嗯" in shown and "用户" in shown
    view.set_cleanup(join_cjk_spaces=True, hide_fillers=True)
    assert "嗯" not in view.displayed_text_of_turn(ceo)
    view.set_cleanup(join_cjk_spaces=False, hide_fillers=False)
    assert "用 户" in view.displayed_text_of_turn(ceo)


def test_zoom_steps_and_limits(qtbot, view, lanting):
    view.set_transcript(lanting)
    view.set_font_point_size(12)
    with qtbot.waitSignal(view.font_size_changed) as blocker:
        view.zoom_in()
    assert blocker.args[0] > 12 and view.font_point_size() == blocker.args[0]
    view.zoom_out()
    view.zoom_out()
    assert view.font_point_size() < 12
    view.set_font_point_size(1000)
    assert view.font_point_size() == MAX_POINT_SIZE
    view.set_font_point_size(0)
    assert view.font_point_size() == MIN_POINT_SIZE


def test_zoom_keys_and_ctrl_wheel_go_through_the_zoom_steps(qtbot, view, lanting):
    view.set_transcript(lanting)
    view.set_font_point_size(12)
    with qtbot.waitSignal(view.font_size_changed):
        qtbot.keyClick(view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    bigger = view.font_point_size()
    assert bigger > 12
    wheel = QWheelEvent(QPointF(10, 10), QPointF(10, 10), QPoint(0, 0), QPoint(0, -120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    with qtbot.waitSignal(view.font_size_changed):
        QApplication.sendEvent(view.viewport(), wheel)
    assert view.font_point_size() < bigger


# -- selection -------------------------------------------------------------------------------


def test_selection_under_s2twp_maps_to_the_same_source_as_the_plain_word(view, lanting):
    view.set_transcript(lanting)
    ceo = _turn_of(lanting, "Peng Gao", "用 户")
    _select_word(view, ceo, "用户")
    plain = view.selection_source_span()
    assert plain is not None and lanting.text[plain[0]:plain[1]] == "用 户"
    view.set_script("s2twp")
    assert "使用者" in view.displayed_text_of_turn(ceo)
    _select_word(view, ceo, "使用者")
    assert view.selection_source_span() == plain


def test_selection_across_paragraphs_runs_from_first_start_to_last_end(view, lanting):
    view.set_transcript(lanting)
    ceo = _turn_of(lanting, "Peng Gao", "用 户")
    paras = [(d, p) for owner, d, p in view.displayed_paragraphs() if owner == ceo]
    assert len(paras) == 2
    (d1, p1), (d2, p2) = paras
    a = p1.text.index("活跃")
    b = p2.text.index("下降")
    _select(view, d1 + a, d2 + b)
    s, e = view.selection_source_span() or (-1, -1)
    assert lanting.text[s:].startswith("活 跃")
    assert lanting.text[:e].endswith("环比")


def test_selection_of_a_speaker_line_only_maps_to_nothing(view, lanting):
    view.set_transcript(lanting)
    start, _ = view.turn_document_span(2) or (0, 0)
    block = view.document().findBlock(start)
    _select(view, block.position(), block.position() + 4)
    assert view.selection_source_span() is None
    view.setTextCursor(QTextCursor(view.document()))
    assert view.selection_source_span() is None


def test_select_source_span_round_trips(view, lanting):
    view.set_transcript(lanting)
    view.set_script("s2twp")
    s = lanting.text.index("用 户")
    assert view.select_source_span(s, s + 3)
    assert view.textCursor().selectedText() == "使用者"
    assert view.selection_source_span() == (s, s + 3)


def test_characters_outside_the_bmp_keep_offsets_exact(view):
    # 𠮷 is one Python char but two UTF-16 units in the document.
    text = EXTRA.replace("第 一 段 , 讲 营 收 。", "𠮷 野 家 的 第 一 段 , 讲 营 收 。")
    t = parse_text(text, "hexi.txt", layout="quartr")
    view.set_transcript(t)
    turn = _turn_of(t, "Lin Qiao", "𠮷")
    assert "𠮷野家的第一段" in view.displayed_text_of_turn(turn)
    s = t.text.index("营 收 。")
    assert view.select_source_span(s, s + 3)
    assert view.textCursor().selectedText() == "营收"
    assert view.selection_source_span() == (s, s + 3)
    hits = view.find("營收")
    assert hits == t.text.count("营 收") + t.text.count("营收")
    for a, b in view.find_hit_spans():
        cursor = QTextCursor(view.document())
        cursor.setPosition(a)
        cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
        assert cursor.selectedText() == "营收"


# -- find ------------------------------------------------------------------------------------


def test_find_matches_across_scripts_and_highlights_every_hit(view):
    t = parse_text(EXTRA, "hexi.txt", layout="quartr")
    view.set_transcript(t)
    source_hits = t.text.count("营 收") + t.text.count("营收")
    assert view.find("營收") == source_hits
    assert len(view.extraSelections()) == source_hits
    for s, e in view.find_hit_spans():
        cursor = QTextCursor(view.document())
        cursor.setPosition(s)
        cursor.setPosition(e, QTextCursor.MoveMode.KeepAnchor)
        assert cursor.selectedText() == "营收"
    view.set_script("s2t")  # hits follow the display
    assert view.find_hit_count() == source_hits
    assert len(view.extraSelections()) == source_hits


def test_find_next_and_previous_cycle_and_clear(view):
    t = parse_text(EXTRA, "hexi.txt", layout="quartr")
    view.set_transcript(t)
    n = view.find("营收")
    assert n >= 2
    first = view.current_find_hit()
    assert first == 0
    assert view.find_next() == 1
    assert view.find_previous() == 0
    assert view.find_previous() == n - 1
    selections = view.extraSelections()
    assert selections[n - 1].format.background() != selections[0].format.background()
    view.clear_find()
    assert view.extraSelections() == []
    assert view.find_next() == -1
    assert view.find("no such words") == 0 and view.current_find_hit() == -1


# -- reading position ------------------------------------------------------------------------


def test_scroll_to_turn_brings_it_into_view_and_reports_it(qtbot, view, lanting):
    view.resize(600, 250)
    view.set_transcript(lanting)
    target = _turn_of(lanting, "Daniel Fu", "coverage ratio")
    with qtbot.waitSignal(view.current_turn_changed) as blocker:
        view.scroll_to_turn(target)
    span = view.turn_document_span(target)
    assert span is not None
    cursor = QTextCursor(view.document())
    cursor.setPosition(span[0])
    assert view.viewport().rect().contains(view.cursorRect(cursor).center())
    assert blocker.args == [target]
    assert view.turn_at_viewport_top() == target
    view.scroll_to_turn(0)
    assert view.turn_at_viewport_top() == 0
    assert view.verticalScrollBar().value() == 0


def test_reading_position_survives_a_script_switch(view, lanting):
    view.resize(600, 250)
    view.set_transcript(lanting)
    target = _turn_of(lanting, "Peng Gao", "下 半 年")
    view.set_reading_position(target)
    view.set_script("s2t")
    view.set_layout_mode("interleaved")
    assert view.turn_at_viewport_top() == target


def test_scroll_to_hidden_turn_goes_to_the_next_shown(view, lanting):
    view.resize(600, 250)
    view.set_transcript(lanting)
    ceo = _turn_of(lanting, "Peng Gao", "用 户")
    view.set_layout_mode("interpretation_only")
    view.scroll_to_turn(ceo)
    assert view.turn_at_viewport_top() == lanting.interpreters_of(ceo)[0]


def test_empty_view_answers_without_a_transcript(view):
    assert view.transcript() is None
    assert view.turn_at_viewport_top() is None
    assert view.selection_source_span() is None
    assert view.find("x") == 0
    view.scroll_to_turn(3)
    assert view.displayed_text_of_turn(0) == ""


# -- the real seeds --------------------------------------------------------------------------


@pytest.mark.seeds
@pytest.mark.parametrize("name", ["quartr_qfin_q1_2023.txt", "earningscall_qfin_q1_2024.txt",
                                  "alphaspread_lexin_q4_2023.txt"])
def test_seed_shows_every_turn_with_pairs_level(view, seeds_dir: Path, name: str):
    t = parse_bytes((seeds_dir / name).read_bytes(), name)
    view.set_transcript(t)
    assert all(view.is_turn_shown(turn.index) for turn in t.turns)
    for row in aligned_rows(t):
        if row.original and row.interpretation:
            top_o = _top_left(view, row.original[0])[0]
            assert _top_left(view, row.interpretation[0])[0] == pytest.approx(top_o, abs=1)
    zh = [turn.index for turn in t.turns if "们" in turn.text]
    view.set_script("s2t")
    for index in zh:
        assert "們" in view.displayed_text_of_turn(index)


def test_tooltip_says_when_a_timed_paragraph_was_said(view):
    vtt = Path(__file__).resolve().parents[1] / "fixtures" / "documents" / "baiyun_call.vtt"
    t = parse_bytes(vtt.read_bytes(), vtt.name)
    view.set_transcript(t)
    para = t.turns[3].paragraphs[0]  # Ruth Kamau, 00:00:25.500 --> 00:00:40.000
    doc = view._document_span(para.start + 2, para.start + 3)
    assert doc is not None
    cursor = QTextCursor(view.document())
    cursor.setPosition(doc[0])
    rect = view.cursorRect(cursor)
    tip = view._time_tip_at(QPoint(rect.left() + 1, rect.center().y()))
    assert tip == "Said at 00:00:25–00:00:40"


def test_untimed_paragraphs_have_no_time_tooltip(view, lanting):
    view.set_transcript(lanting)
    para = lanting.turns[1].paragraphs[0]
    doc = view._document_span(para.start + 2, para.start + 3)
    assert doc is not None
    cursor = QTextCursor(view.document())
    cursor.setPosition(doc[0])
    rect = view.cursorRect(cursor)
    assert view._time_tip_at(QPoint(rect.left() + 1, rect.center().y())) == ""
