"""Offsets between source, display and a UTF-16 document, without Qt (core/document_layout)."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.display import DisplayOptions, display_paragraph
from reader.core.document_layout import DocumentLayout, utf16_table

# Words of invented speech: Latin, CJK spaced as speech recognition spaces it, a filler, and
# characters outside the BMP (two UTF-16 units each in the document).
WORDS = ["Mira", "Tolve", "said", "revenue", "增", "长", "我 们", "嗯", "𠀋", "𡈽 的", "12.5%", ","]
VERBATIM = DisplayOptions(join_cjk_spaces=False)


def _paragraph_texts() -> st.SearchStrategy[list[str]]:
    words = st.lists(st.sampled_from(WORDS), min_size=1, max_size=12)
    return st.lists(words.map(" ".join), min_size=1, max_size=6)


def _lay_out(texts: list[str], gaps: list[int], options: DisplayOptions
             ) -> tuple[str, DocumentLayout, list[tuple[int, int]]]:
    """A source of paragraphs joined by blank lines, written into a document with a speaker
    line of `gaps[k]` units before each paragraph, as the reading view writes it."""
    source = "\n\n".join(texts)
    layout, spans, start, doc = DocumentLayout(), [], 0, 0
    for k, text in enumerate(texts):
        para = display_paragraph(source, start, start + len(text), options)
        doc += gaps[k % len(gaps)]
        layout.add(k, doc, para)
        doc += len(para.text.encode("utf-16-le")) // 2 + 1  # the paragraph and its break
        spans.append((start, start + len(text)))
        start += len(text) + 2
    layout.index()
    return source, layout, spans


@settings(max_examples=150, deadline=None)
@given(_paragraph_texts(), st.lists(st.integers(0, 30), min_size=1, max_size=4), st.data())
def test_a_source_span_shown_verbatim_maps_to_the_document_and_back(texts, gaps, data) -> None:
    _source, layout, spans = _lay_out(texts, gaps, VERBATIM)
    lo, hi = data.draw(st.sampled_from(spans))
    s = data.draw(st.integers(lo, hi - 1))
    e = data.draw(st.integers(s + 1, hi))
    shown = layout.document_span(s, e)
    assert shown is not None and shown[0] < shown[1]
    assert layout.to_source_span(*shown) == (s, e)
    assert layout.document_spans(s, e) == [shown]


@settings(max_examples=150, deadline=None)
@given(_paragraph_texts(), st.lists(st.integers(0, 30), min_size=1, max_size=4),
       st.sampled_from(["none", "t2s"]), st.data())
def test_a_cleaned_display_round_trip_is_stable(texts, gaps, script, data) -> None:
    _source, layout, spans = _lay_out(texts, gaps, DisplayOptions(script=script))
    lo, hi = data.draw(st.sampled_from(spans))
    s = data.draw(st.integers(lo, hi - 1))
    e = data.draw(st.integers(s + 1, hi))
    shown = layout.document_span(s, e)
    assert shown is not None
    if shown[0] == shown[1]:
        return  # only spaces the cleanup joined: nothing of it is on screen
    back = layout.to_source_span(*shown)
    assert back is not None and lo <= back[0] < back[1] <= hi
    assert layout.document_span(*back) == shown  # showing what it came from shows it again


@settings(max_examples=100, deadline=None)
@given(_paragraph_texts(), st.lists(st.integers(0, 30), min_size=1, max_size=4), st.data())
def test_a_span_across_paragraphs_is_one_document_span_per_paragraph(texts, gaps, data) -> None:
    source, layout, _spans = _lay_out(texts, gaps, VERBATIM)
    s = data.draw(st.integers(0, len(source) - 1))
    e = data.draw(st.integers(s + 1, len(source)))
    found = layout.document_spans(s, e)
    assert found == sorted(found)
    for (_a, b), (c, _d) in pairwise(found):
        assert b < c  # one per paragraph, never overlapping, the breaks between them
    for a, b in found:
        para = layout.at_document(a)
        assert para is not None and a < b <= para.doc_end
    covered = [layout.to_source_span(a, b) for a, b in found]
    assert all(span is not None and s <= span[0] < span[1] <= e for span in covered)


@settings(max_examples=100, deadline=None)
@given(_paragraph_texts(), st.lists(st.integers(0, 30), min_size=1, max_size=4))
def test_every_document_position_of_a_character_names_its_source(texts, gaps) -> None:
    source, layout, _spans = _lay_out(texts, gaps, VERBATIM)
    for shown in layout.shown:
        for i, ch in enumerate(shown.para.text):
            pos = shown.doc_start + shown.qt_len(i)
            assert source[layout.source_at(pos)] == ch  # type: ignore[index]
        assert layout.source_at(shown.doc_end) == shown.para.source_end
    first = layout.shown[0]
    if first.doc_start:
        assert layout.source_at(first.doc_start - 1) is None  # a speaker line: no source


def test_utf16_table_counts_astral_characters_twice() -> None:
    assert utf16_table("plain") is None
    assert utf16_table("营收") is None  # BMP: one unit each, as in Python
    assert utf16_table("a𠀋b") == [0, 1, 3, 4]


def test_an_empty_layout_answers_nothing() -> None:
    layout = DocumentLayout()
    layout.index()
    assert not layout
    assert layout.to_source_span(0, 5) is None
    assert layout.document_span(0, 1) is None
    assert layout.document_spans(0, 10) == []
    assert layout.source_at(0) is None
