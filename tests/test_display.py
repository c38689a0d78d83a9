"""The display pipeline: cleanup and script conversion composed, mapped back to the source."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.display import DisplayCache, DisplayOptions, display_paragraph

# Invented sentences, spaced the way speech recognition spaces them.
SOURCE = "Header line\n\n嗯 , 我 们 的 用 户 增 加 了 。\n\nTail"
P_START = SOURCE.index("嗯")
P_END = SOURCE.index("。") + 1


def _shown(script: str = "none", join: bool = True, hide: bool = False):
    return display_paragraph(SOURCE, P_START, P_END, DisplayOptions(script, join, hide))


def test_default_joins_cjk_spaces_and_keeps_fillers():
    shown = _shown()
    assert shown.text == "嗯,我们的用户增加了。"
    assert [shown.text[s:e] for s, e in shown.fillers] == ["嗯"]


def test_hiding_fillers_removes_them():
    shown = _shown(hide=True)
    assert "嗯" not in shown.text
    assert shown.text.startswith("我们")
    assert shown.fillers == ()


def test_spacing_kept_when_join_is_off():
    assert _shown(join=False).text == SOURCE[P_START:P_END]


def test_script_conversion_changes_the_display_only():
    shown = _shown("s2t")
    assert "們" in shown.text and "们" not in shown.text
    assert "们" in SOURCE


def test_phrase_conversion_maps_back_to_the_source_word():
    plain, taiwan = _shown("none"), _shown("s2twp")
    assert "使用者" in taiwan.text
    a = plain.text.index("用户")
    b = taiwan.text.index("使用者")
    span_plain = plain.to_source_span(a, a + 2)
    span_taiwan = taiwan.to_source_span(b, b + 3)
    assert span_plain == span_taiwan
    assert SOURCE[span_plain[0]:span_plain[1]] == "用 户"


def test_source_span_shows_where_the_display_puts_it():
    taiwan = _shown("s2twp")
    s = SOURCE.index("用 户")
    a, b = taiwan.from_source_span(s, s + 3)
    assert taiwan.text[a:b] == "使用者"


def test_offsets_are_absolute_and_edges_reach_the_paragraph_edges():
    shown = _shown("s2twp", hide=True)
    assert shown.to_source_span(0, len(shown.text)) == (P_START, P_END)
    assert shown.to_source(len(shown.text)) == P_END


def test_cache_reuses_cleanup_across_scripts():
    cache = DisplayCache(SOURCE)
    first = cache.paragraph(P_START, P_END, DisplayOptions("s2t"))
    again = cache.paragraph(P_START, P_END, DisplayOptions("s2t"))
    other = cache.paragraph(P_START, P_END, DisplayOptions("s2twp"))
    assert again is first
    assert other.cleaned is first.cleaned
    assert other.text != first.text
    cache.clear()
    assert cache.paragraph(P_START, P_END, DisplayOptions("s2t")) is not first


_PIECES = st.sampled_from(["我", "们", "用户", "软件", "嗯", " ", " , ", "。", "Q1", "ok", "後", "发"])


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=30), st.sampled_from(["none", "s2t", "s2twp", "t2s"]),
       st.booleans(), st.booleans(), st.data())
def test_every_displayed_span_maps_inside_the_paragraph_in_order(pieces, script, join, hide,
                                                                  data):
    body = "".join(pieces)
    source = "前言\n\n" + body + "\n\n后记"
    start = source.index(body)
    end = start + len(body)
    shown = display_paragraph(source, start, end, DisplayOptions(script, join, hide))
    n = len(shown.text)
    a = data.draw(st.integers(0, n))
    b = data.draw(st.integers(a, n))
    s, e = shown.to_source_span(a, b)
    assert start <= s <= e <= end
    if a < b:
        assert s < e
    if b < n:
        assert shown.to_source_span(a, b + 1)[1] >= e
