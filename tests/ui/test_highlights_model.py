"""The highlights table model and its filter: rows, roles, patching in place, filtering."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from reader.core.pipeline import parse_text
from reader.core.records import Colour, Highlight
from reader.ui.annotations.highlights_model import (
    ORPHANED,
    Column,
    HighlightFilter,
    HighlightRole,
    HighlightsModel,
)

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("qapp")]

CALL = """Bramblecove Foods - Q1 2025

May 2, 2025

Transcript

Operator (participant)

Welcome to the Bramblecove Foods first quarter call. Please go ahead.

Nora Quill (Chief Financial Officer)

Gross margin improved by two points. We expect volumes to grow in the second half.

Operator (participant)

The next question comes from Elias Frome of Tideway Capital.

Elias Frome (Equity Research Analyst)

How should we think about pricing next year?

Nora Quill (Chief Financial Officer)

Pricing will follow input costs, with a lag of about one quarter.
"""

COLOURS = [Colour("yellow", "Guidance", 0), Colour("red", "Risk", 1),
           Colour("green", "Numbers", 2), Colour("blue", "Question", 3)]
NOW = datetime(2025, 5, 2, tzinfo=UTC)


@pytest.fixture
def call():
    return parse_text(CALL, "bramblecove.txt", layout="quartr")


def make(call, hid: int, phrase: str, *, colour: str = "yellow", tags: tuple[str, ...] = (),
         note: str = "", orphaned: bool = False) -> Highlight:
    start = call.text.index(phrase)
    end = start if orphaned else start + len(phrase)
    turn = call.turn_at(start)
    return Highlight(hid, 1, start, end, phrase, "", "", colour, note, tags, NOW, NOW,
                     orphaned=orphaned, turn_index=None if orphaned or turn is None
                     else turn.index)


@pytest.fixture
def highlights(call):
    return [make(call, 1, "Gross margin improved by two points", colour="green",
                 tags=("margin",)),
            make(call, 2, "How should we think about pricing", colour="blue",
                 tags=("pricing", "question"), note="Ask again next call"),
            make(call, 3, "with a lag of about one quarter", tags=("pricing",)),
            make(call, 4, "volumes to grow in the second half", colour="red", orphaned=True)]


@pytest.fixture
def model(call, highlights):
    m = HighlightsModel()
    m.set_colours(COLOURS)
    m.set_highlights(call, highlights)
    return m


def cell(model, row: int, column: Column, role: int = Qt.ItemDataRole.DisplayRole):
    return model.index(row, column).data(role)


def test_rows_show_quote_speaker_section_colour_tags_and_note(model, highlights):
    assert model.rowCount() == 4
    by_id = {cell(model, r, Column.QUOTE, HighlightRole.IdRole): r for r in range(4)}
    r = by_id[2]
    assert cell(model, r, Column.QUOTE) == "How should we think about pricing"
    assert cell(model, r, Column.SPEAKER) == "Elias Frome"
    assert cell(model, r, Column.SECTION) == "Questions and answers"
    assert cell(model, r, Column.COLOUR) == "Question"
    assert cell(model, r, Column.TAGS) == "#pricing #question"
    assert cell(model, r, Column.NOTE) == "Ask again next call"
    assert cell(model, r, Column.QUOTE, HighlightRole.TagsRole) == ("pricing", "question")
    assert cell(model, r, Column.QUOTE, Qt.ItemDataRole.DecorationRole) is not None


def test_orphans_are_listed_with_their_quote_and_a_marker(model):
    r = model.row_of(4)
    assert cell(model, r, Column.QUOTE) == f"[{ORPHANED}] volumes to grow in the second half"
    assert cell(model, r, Column.QUOTE, HighlightRole.OrphanedRole) is True
    assert cell(model, r, Column.SPEAKER) == ""
    assert "not in the current version" in cell(model, r, Column.QUOTE,
                                                Qt.ItemDataRole.ToolTipRole)


def test_quote_that_looks_like_markup_is_escaped_in_the_tooltip(call):
    m = HighlightsModel()
    h = make(call, 9, "Gross margin improved", note="<b>bold</b> & <img src=x>")
    m.set_highlights(call, [h])
    tip = m.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "<b>" not in tip and "&lt;b&gt;" in tip


def test_model_passes_the_model_tester_through_edits(qtmodeltester, call, highlights, model):
    qtmodeltester.check(model)
    proxy = HighlightFilter()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    keep = QPersistentModelIndex(model.index(model.row_of(3), 0))
    edited = make(call, 2, "How should we think about pricing", colour="red", tags=("x",))
    extra = make(call, 5, "Pricing will follow input costs")
    model.set_highlights(call, [highlights[0], edited, highlights[2], extra])  # 4 gone, 5 new
    assert [cell(model, r, Column.QUOTE, HighlightRole.IdRole) for r in range(4)] == [1, 2, 5, 3]
    assert keep.isValid() and keep.data(HighlightRole.IdRole) == 3  # kept rows keep indexes
    assert cell(model, model.row_of(2), Column.TAGS) == "#x"
    proxy.set_tag("x")
    assert proxy.rowCount() == 1
    model.set_highlights(None, [])
    assert model.rowCount() == 0 and proxy.rowCount() == 0
    model.set_highlights(call, highlights)
    assert model.rowCount() == 4


def test_filter_by_text_tag_colour_speaker_and_section(model):
    proxy = HighlightFilter()
    proxy.setSourceModel(model)

    def ids() -> list[int]:
        return sorted(proxy.index(r, 0).data(HighlightRole.IdRole)
                      for r in range(proxy.rowCount()))

    assert ids() == [1, 2, 3, 4]
    proxy.set_tag("PRICING")
    assert ids() == [2, 3]
    proxy.set_colour("blue")
    assert ids() == [2]
    proxy.clear_filters()
    proxy.set_speaker("Nora Quill")
    assert ids() == [1, 3]
    proxy.set_section("qa")
    assert ids() == [3]
    proxy.clear_filters()
    proxy.set_text("next call")  # in the note
    assert ids() == [2]
    proxy.set_text("#margin")
    assert ids() == [1]
    proxy.set_text("second half")  # an orphan's quote is searchable too
    assert ids() == [4]
    assert proxy.is_filtering()
    proxy.clear_filters()
    assert not proxy.is_filtering() and ids() == [1, 2, 3, 4]


def test_sorting_by_quote_is_reading_order(model):
    proxy = HighlightFilter()
    proxy.setSourceModel(model)
    proxy.sort(Column.COLOUR, Qt.SortOrder.AscendingOrder)
    colours = [proxy.index(r, Column.COLOUR).data() for r in range(proxy.rowCount())]
    assert colours == ["Guidance", "Risk", "Numbers", "Question"]
    proxy.sort(Column.QUOTE, Qt.SortOrder.AscendingOrder)
    starts = [proxy.index(r, 0).data(HighlightRole.StartRole) for r in range(proxy.rowCount())]
    assert starts == sorted(starts)


def test_index_of_unknown_id_is_invalid(model):
    assert model.index_of(999) == QModelIndex()
    assert model.row_of(999) == -1
