"""Alignment in the reading view and the discrepancy panel, on real widgets offscreen."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QThreadPool
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtTest import QTest

from reader.core.align.transcript import AlignFlagKind, Side
from reader.core.model import Lang, Transcript
from reader.core.pipeline import parse_bytes, parse_text
from reader.ui.reading import alignment_worker
from reader.ui.reading.discrepancy_panel import DiscrepancyPanel, DiscrepancyRole
from reader.ui.reading.view import ReadingView

pytestmark = pytest.mark.gui

# An invented call in the Quartr layout: a changed figure (15 BP / 25 basis points), a
# dropped sentence, and an answer interpreted without differences.
CALL = """Hexi Data - Q1 2025

May 20, 2025

Transcript

Operator (participant)

Welcome to the Hexi Data first quarter call. Please go ahead.

Lin Qiao (Chief Executive Officer)

本 季 度 营 收 达 到 十 二 亿 元 , 同 比 增 长 百 分 之 八 。 我 们 的 融 资 成 本 环 比 下 降 了 十 五 个 BP 。

我 们 的 新 客 户 数 量 增 加 到 三 百 万 。 另 外 , 嗯 , 我 们 也 在 继 续 推 进 海 外 市 场 的 合 作 伙 伴 关 系 建 设 工 作 。

Mia Sun (Investor Relations)

This quarter revenue reached RMB 1.2 billion, up 8% year on year. Our funding cost fell by 25 basis points quarter on quarter.

New customers increased to 3 million.

Lin Qiao (Chief Executive Officer)

第 一 , 讲 营 收 , 营 收 增 长 了 百 分 之 五 。 第 二 , 讲 成 本 , 成 本 下 降 了 百 分 之 三 。

Mia Sun (Investor Relations)

First, revenue grew 5%. Second, costs fell 3%.
"""


@pytest.fixture
def view(qtbot) -> ReadingView:
    v = ReadingView()
    qtbot.addWidget(v)
    v.resize(1000, 600)
    v.show()
    qtbot.waitExposed(v)
    return v


def _show(qtbot, view: ReadingView, t: Transcript) -> None:
    with qtbot.waitSignal(view.alignment_ready, timeout=10_000):
        view.set_transcript(t)


@pytest.fixture
def call(qtbot, view) -> Transcript:
    t = parse_text(CALL, "hexi.txt", layout="quartr")
    _show(qtbot, view, t)
    return t


def _squash(text: str) -> str:
    return "".join(text.split())


def _inside(inner: tuple[int, int] | None, outer: tuple[int, int]) -> bool:
    return inner is not None and outer[0] <= inner[0] and inner[1] <= outer[1]


def _mark_sources(view: ReadingView, index: int) -> list[tuple[int, int] | None]:
    return [view.document_to_source_span(s, e) for s, e in view.discrepancy_document_spans(index)]


def _hover(qtbot, view: ReadingView, doc_pos: int) -> None:
    """Move the mouse over the displayed character at `doc_pos`."""
    cursor = QTextCursor(view.document())
    cursor.setPosition(doc_pos)
    view.ensureCursorVisible()
    rect = view.cursorRect(cursor)
    QTest.mouseMove(view.viewport(), QPoint(rect.left() + 3, rect.center().y()))
    qtbot.wait(20)


# -- marks -----------------------------------------------------------------------------------


def test_flags_are_listed_and_marked_in_the_document(view, call):
    found = view.discrepancies()
    assert [d.kind for d in found] == [AlignFlagKind.NUMBER_MISMATCH, AlignFlagKind.UNTRANSLATED]
    mismatch = found[0]
    assert mismatch.speaker == "Lin Qiao" and "十五个BP" in mismatch.quote
    sources = _mark_sources(view, 0)
    assert [_squash(call.text[s:e]) for s, e in filter(None, sources)] == ["十五个BP",
                                                                           "25basispoints"]
    doc = view.document()
    for (s, _e), kind in ((view.discrepancy_document_spans(0)[0], "wave"),
                          (view.discrepancy_document_spans(1)[0], "dots")):
        cursor = QTextCursor(doc)
        cursor.setPosition(s + 1)  # the format of the char before the cursor
        style = cursor.charFormat().underlineStyle()
        expected = (QTextCharFormat.UnderlineStyle.WaveUnderline if kind == "wave"
                    else QTextCharFormat.UnderlineStyle.DotLine)
        assert style == expected
    # Text outside the flags carries no mark.
    first = view.displayed_paragraphs()[0]
    cursor = QTextCursor(doc)
    cursor.setPosition(first[1] + 1)
    assert cursor.charFormat().underlineStyle() == QTextCharFormat.UnderlineStyle.NoUnderline


@pytest.mark.parametrize("change", [
    ("script", "s2twp"), ("script", "s2hk"), ("cleanup", (False, False)),
    ("cleanup", (True, True)), ("layout", "interleaved"), ("layout", "interpretation_only"),
    ("layout", "original_only")])
def test_marks_stay_on_the_same_source_spans(view, call, change):
    before = [_mark_sources(view, k) for k in range(len(view.discrepancies()))]
    what, value = change
    if what == "script":
        view.set_script(value)
    elif what == "cleanup":
        view.set_cleanup(*value)
    else:
        view.set_layout_mode(value)
    assert len(view.discrepancies()) == len(before)
    for k, spans in enumerate(before):
        after = _mark_sources(view, k)
        assert set(after) <= set(spans)  # a hidden side drops out, nothing moves
        flag = view.discrepancies()[k].flag
        if value == "interpretation_only":
            assert len(after) == len(flag.interpretation)
        elif value == "original_only":
            assert len(after) == len(flag.original)
        else:
            assert after == spans


def test_marks_follow_the_script_in_the_displayed_text(view, call):
    view.set_script("s2twp")
    s, e = view.discrepancy_document_spans(1)[0]
    cursor = QTextCursor(view.document())
    cursor.setPosition(s)
    cursor.setPosition(e, QTextCursor.MoveMode.KeepAnchor)
    shown = cursor.selectedText()
    assert shown.startswith("另外") and shown.endswith("工作。")
    assert "我們" in shown and "關係" in shown


# -- going to a discrepancy ----------------------------------------------------------------


def test_go_to_discrepancy_selects_and_reports(qtbot, view, call):
    with qtbot.waitSignal(view.discrepancy_shown) as blocker:
        assert view.go_to_discrepancy(0)
    assert blocker.args == [0]
    span = view.selection_source_span()
    assert span is not None and _squash(call.text[span[0]:span[1]]) == "十五个BP"
    assert view.current_discrepancy() == 0
    assert view.next_discrepancy() == 1
    assert view.next_discrepancy() == 0  # wraps
    assert view.previous_discrepancy() == 1
    assert not view.go_to_discrepancy(5) and view.current_discrepancy() == 1


def test_go_to_discrepancy_uses_the_side_the_layout_shows(view, call):
    view.set_layout_mode("interpretation_only")
    assert view.go_to_discrepancy(0)
    span = view.selection_source_span()
    assert span is not None and call.text[span[0]:span[1]] == "25 basis points"
    # The untranslated sentence has no English side: the view only scrolls to its turn.
    assert not view.go_to_discrepancy(1)
    assert view.current_discrepancy() == 1


def test_next_discrepancy_starts_from_the_caret(view, call):
    pair = view.sentence_alignment().pairs[0]
    cursor = QTextCursor(view.document())
    s, e = pair.original_sentences[2]  # after the mismatch, before the dropped sentence
    doc = view._document_span(s, e)
    assert doc is not None
    cursor.setPosition(doc[0])
    view.setTextCursor(cursor)
    assert view.next_discrepancy() == 1


# -- hover and caret -----------------------------------------------------------------------


def _counterpart_check(view: ReadingView, call: Transcript, side: Side, index: int) -> None:
    alignment = view.sentence_alignment()
    pair = alignment.pairs[0]
    ref = view.focused_sentence()
    assert ref is not None and (ref.pair, ref.side, ref.index) == (0, side, index)
    lit = [view.document_to_source_span(s, e) for s, e in view.focus_selection_spans()]
    counterparts = alignment.counterpart_spans(ref)
    assert counterparts
    assert _inside(lit[0], pair.sentences(side)[index])
    assert len(lit) == 1 + len(counterparts)
    for got, want in zip(lit[1:], counterparts, strict=True):
        assert _inside(got, want)


def test_hovering_a_mandarin_sentence_lights_its_interpretation(qtbot, view, call):
    pair = view.sentence_alignment().pairs[0]
    s, _e = pair.original_sentences[1]
    doc = view._document_span(s + 4, s + 5)
    assert doc is not None
    _hover(qtbot, view, doc[0])
    _counterpart_check(view, call, Side.ORIGINAL, 1)
    en = [view.document_to_source_span(*sp) for sp in view.focus_selection_spans()][1]
    assert call.text[en[0]:en[1]].startswith("Our funding cost")
    # Hovering elsewhere in the same sentence changes nothing; off the text clears.
    before = view.focus_selection_spans()
    _hover(qtbot, view, doc[0] + 2)
    assert view.focus_selection_spans() == before
    QTest.mouseMove(view.viewport(), QPoint(view.viewport().width() - 3, 2))
    qtbot.wait(20)
    assert view.focused_sentence() is None and view.focus_selection_spans() == []


def test_the_highlight_leaves_the_marks_uncovered(view, call):
    marks = view.discrepancy_document_spans(0)
    ref = view.focus_document_position(marks[0][0])
    assert ref is not None and ref.side is Side.ORIGINAL
    lit = view.focus_selection_spans()
    assert len(lit) == 2
    pieces = [(sel.cursor.selectionStart(), sel.cursor.selectionEnd())
              for sel in view.extraSelections()]
    for a, b in pieces:
        assert any(s <= a and b <= e for s, e in lit)
        assert not any(a < me and ms < b for ms, me in marks)
    for s, e in lit:  # pieces and marks together cover each lit sentence
        covered = sorted([p for p in pieces if s <= p[0] < e]
                         + [m for m in marks if s <= m[0] < e])
        assert covered[0][0] == s and covered[-1][1] == e
        assert all(x[1] == y[0] for x, y in pairwise(covered))


def test_hovering_an_english_sentence_lights_the_mandarin(qtbot, view, call):
    pair = view.sentence_alignment().pairs[0]
    s, _e = pair.interpretation_sentences[2]
    doc = view._document_span(s + 4, s + 5)
    assert doc is not None
    _hover(qtbot, view, doc[0])
    _counterpart_check(view, call, Side.INTERPRETATION, 2)


def test_the_caret_lights_its_sentence_and_survives_a_script_switch(view, call):
    pair = view.sentence_alignment().pairs[0]
    s, _e = pair.original_sentences[0]
    view.focus_document_position(-1)
    doc = view._document_span(s + 2, s + 3)
    assert doc is not None
    cursor = QTextCursor(view.document())
    cursor.setPosition(doc[0])
    view.setTextCursor(cursor)
    _counterpart_check(view, call, Side.ORIGINAL, 0)
    view._hovering = True  # a mouse over the view keeps its sentence through a rebuild
    view.set_script("s2twp")
    _counterpart_check(view, call, Side.ORIGINAL, 0)


def test_a_dropped_sentence_lights_alone(view, call):
    pair = view.sentence_alignment().pairs[0]
    s, _e = pair.original_sentences[3]
    doc = view._document_span(s + 2, s + 3)
    assert doc is not None
    ref = view.focus_document_position(doc[0])
    assert ref is not None and view.sentence_alignment().counterpart_spans(ref) == []
    assert len(view.focus_selection_spans()) == 1


def test_find_hits_and_the_sentence_highlight_share_the_extra_selections(view, call):
    pair = view.sentence_alignment().pairs[0]
    s, _e = pair.original_sentences[0]
    doc = view._document_span(s + 2, s + 3)
    assert doc is not None
    view.focus_document_position(doc[0])
    lit = len(view.focus_selection_spans())
    hits = view.find("营收")
    assert hits >= 1
    assert len(view.extraSelections()) == hits + len(view.focus_selection_spans())
    view.clear_find()
    assert len(view.extraSelections()) == len(view.focus_selection_spans()) >= 1
    assert lit >= 1


def test_tooltip_text_over_a_flag(view, call):
    s, _e = view.discrepancy_document_spans(0)[0]
    cursor = QTextCursor(view.document())
    cursor.setPosition(s + 1)
    rect = view.cursorRect(cursor)
    assert "15 bp" in view._aligner._discrepancy_message_at(QPoint(rect.left() + 1, rect.center().y()))


# -- life cycle ------------------------------------------------------------------------------


def test_a_new_transcript_drops_the_old_alignment(qtbot, view, call):
    english = parse_text("Acme - Q1 2025\n\nTranscript\n\nOperator (participant)\n\nWelcome.\n\n"
                         "Ann Lee (CFO)\n\nRevenue grew 5%.\n", "acme.txt", layout="quartr")
    with qtbot.waitSignal(view.alignment_started):
        view.set_transcript(english)
    assert view.sentence_alignment() is None and view.discrepancies() == []
    assert view.focus_selection_spans() == []
    qtbot.waitUntil(lambda: view.sentence_alignment() is not None, timeout=10_000)
    assert view.sentence_alignment().pairs == [] and view.discrepancies() == []


def test_a_second_transcript_set_before_the_first_is_aligned_wins(qtbot, view):
    first = parse_text(CALL, "hexi.txt", layout="quartr")
    second = parse_text(CALL.replace("十 五 个 BP", "二 十 五 个 BP"), "hexi2.txt",
                        layout="quartr")
    view.set_transcript(first)
    with qtbot.waitSignal(view.alignment_ready, timeout=10_000):
        view.set_transcript(second)
    qtbot.wait(50)  # a late result for the first transcript must not land
    assert view.transcript() is second
    assert [d.kind for d in view.discrepancies()] == [AlignFlagKind.UNTRANSLATED]


def test_an_aligner_error_is_reported_not_raised(qtbot, view, monkeypatch):
    def broken(*_args, **_kwargs):
        raise ValueError("broken")

    monkeypatch.setattr(alignment_worker, "align_transcript", broken)
    with qtbot.waitSignal(view.alignment_failed, timeout=10_000) as blocker:
        view.set_transcript(parse_text(CALL, "hexi.txt", layout="quartr"))
    assert "ValueError" in blocker.args[0]
    assert view.sentence_alignment() is None and view.discrepancies() == []


def test_views_deleted_while_aligning_do_not_take_the_app_down(qtbot):
    body = CALL.split("Lin Qiao (Chief Executive Officer)", 1)[1]
    long_call = CALL + "".join("\nLin Qiao (Chief Executive Officer)" + body for _ in range(20))
    t = parse_text(long_call, "hexi.txt", layout="quartr")
    pool = QThreadPool()
    for k in range(12):
        v = ReadingView(pool=pool)
        v.set_transcript(t)
        del v  # Python owns the parentless view: deleted now, its job still running
        qtbot.wait(k % 3)
    assert pool.waitForDone(10_000)
    qtbot.wait(20)  # queued results for the deleted views are dropped quietly


# -- the panel -------------------------------------------------------------------------------


@pytest.fixture
def panel(qtbot) -> DiscrepancyPanel:
    p = DiscrepancyPanel()
    qtbot.addWidget(p)
    p.resize(320, 400)
    return p


def test_panel_model_passes_the_model_tester(qtmodeltester, panel, view, call):
    panel.set_view(view)
    assert panel.model().rowCount() == 2
    qtmodeltester.check(panel.model(), force_py=True)
    index = panel.model().index(0, 0)
    assert index.data(DiscrepancyRole.KindRole) == "number_mismatch"
    assert index.data(DiscrepancyRole.SpeakerRole) == "Lin Qiao"
    assert "15 bp" in index.data(Qt.ItemDataRole.DisplayRole)
    assert index.data(DiscrepancyRole.SourceStartRole) == view.discrepancies()[0].flag.first_span[0]


def test_empty_panel_model_passes_the_model_tester(qtmodeltester, panel):
    assert panel.model().rowCount() == 0
    assert panel.status_text() == "No transcript open"
    qtmodeltester.check(panel.model(), force_py=True)


def test_panel_follows_the_view(qtbot, panel, view):
    panel.set_view(view)
    t = parse_text(CALL, "hexi.txt", layout="quartr")
    with qtbot.waitSignal(view.alignment_ready, timeout=10_000):
        view.set_transcript(t)
        assert panel.model().rowCount() == 0 and "Comparing" in panel.status_text()
    assert panel.model().rowCount() == 2
    assert panel.status_text() == "2 to check in 2 interpreted turns"
    # Clicking an item takes the view there; the view's own steps move the list.
    rect = panel.list_view().visualRect(panel.model().index(1, 0))
    QTest.mouseClick(panel.list_view().viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, rect.center())
    assert view.current_discrepancy() == 1
    panel.act_next.trigger()
    assert view.current_discrepancy() == 0
    assert panel.list_view().currentIndex().row() == 0
    panel.act_previous.trigger()
    assert panel.list_view().currentIndex().row() == 1
    panel.set_view(None)
    assert panel.model().rowCount() == 0 and not panel.act_next.isEnabled()


def test_panel_shows_when_nothing_was_found(qtbot, panel, view):
    panel.set_view(view)
    english = parse_text("Acme - Q1 2025\n\nTranscript\n\nAnn Lee (CFO)\n\nRevenue grew 5%.\n",
                         "acme.txt", layout="quartr")
    view.set_transcript(english)
    qtbot.waitUntil(lambda: view.sentence_alignment() is not None, timeout=10_000)
    assert "No Mandarin turns" in panel.status_text()


def test_panel_forgets_a_deleted_view(qtbot, panel):
    v = ReadingView()
    panel.set_view(v)
    with qtbot.waitSignal(v.destroyed):
        v.deleteLater()
    assert panel.view() is None


# -- the seed --------------------------------------------------------------------------------


@pytest.mark.seeds
def test_quartr_seed_funding_cost_flag(qtbot, view, panel, seeds_dir: Path):
    path = seeds_dir / "quartr_qfin_q1_2023.txt"
    t = parse_bytes(path.read_bytes(), path.name)
    panel.set_view(view)
    _show(qtbot, view, t)
    found = [k for k, d in enumerate(view.discrepancies())
             if d.kind is AlignFlagKind.NUMBER_MISMATCH
             and [_squash(t.text[s:e]) for s, e in d.flag.original] == ["20BP"]]
    assert len(found) == 1
    k = found[0]
    item = panel.model().index(k, 0)
    assert "20 bp" in item.data(DiscrepancyRole.MessageRole)
    assert "30 bp" in item.data(DiscrepancyRole.MessageRole)
    assert view.go_to_discrepancy(k)
    span = view.selection_source_span()
    assert span is not None
    turn = t.turn_at(span[0])
    assert turn is not None and turn.lang is Lang.ZH and "20 BP" in turn.text
    assert t.turn_at(span[1] - 1) is turn
    assert panel.list_view().currentIndex().row() == k
    # The English sentence with 30 basis points is lit beside it.
    lit = [view.document_to_source_span(s, e) for s, e in view.focus_selection_spans()]
    assert any(sp is not None and "30 basis points" in t.text[sp[0]:sp[1]] for sp in lit)
    before = _mark_sources(view, k)
    view.set_script("s2twp")
    assert _mark_sources(view, k) == before
