"""Cleanup view: CJK space joining, filler marking and hiding, and the offset map behind them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.cleanup import CleanText, clean, find_fillers
from reader.core.offsetmap import MappedText

# -- map checks shared by the example and property tests ---------------------------------


def assert_map_sound(m: MappedText, source: str) -> None:
    """Bounds, monotonicity and whole-text coverage, in both directions."""
    n = len(m.text)
    assert m.source_len == len(source)
    to_src = [m.to_source(i) for i in range(n + 1)]
    assert all(0 <= p <= len(source) for p in to_src)
    assert to_src == sorted(to_src)
    assert to_src[-1] == len(source)
    assert m.to_source_span(0, n) == (0, len(source))
    from_src = [m.from_source(p) for p in range(len(source) + 1)]
    assert all(0 <= d <= n for d in from_src)
    assert from_src == sorted(from_src)
    assert from_src[-1] == n
    prev_end = 0
    for i in range(n):
        s, e = m.to_source_span(i, i + 1)
        assert s < e, f"derived char {i} has no source"
        assert s >= prev_end or i == 0
        prev_end = e
        a, b = m.from_source_span(s, e)
        assert a <= i < i + 1 <= b


def assert_kept_chars_map_to_themselves(c: CleanText, source: str) -> None:
    last = len(c.text) - 1
    for i, ch in enumerate(c.text):
        p = c.to_source(i)
        assert source[p] == ch, (i, p)
        assert c.from_source(p) == i
        s, e = c.to_source_span(i, i + 1)
        if 0 < i < last:
            assert (s, e) == (p, p + 1)
        else:  # a selection touching a text edge reaches the source edge
            assert s <= p < p + 1 <= e
            assert (i > 0 or s == 0) and (i < last or e == len(source))


# -- joining ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("好 , 谢 谢 Linda。 各 位 好 ,", "好,谢谢 Linda。各位好,"),
        ("我 们 在 第 三 季 度 , 嗯 , 做 了 调 整 。", "我们在第三季度,嗯,做了调整。"),
        ("我是 Northwind Capital 的 刘晨", "我是 Northwind Capital 的刘晨"),
        ("收入 增长 了 12% , 达到 3.5 亿", "收入增长了 12%, 达到 3.5 亿"),
        ("Thank you. 好.", "Thank you. 好."),
        ("Joanna , 谢谢 。 Next question", "Joanna, 谢谢。Next question"),
        ("我们\u3000的\xa0客户 ， 非常 多", "我们的客户，非常多"),
        ("风险 ... 逐步 改善", "风险...逐步改善"),
    ],
)
def test_join_examples(source: str, expected: str) -> None:
    c = clean(source)
    assert c.text == expected
    assert_kept_chars_map_to_themselves(c, source)
    assert_map_sound(c, source)


@pytest.mark.parametrize(
    "source",
    ["Enterprise WeChat", "Q1 2023 results", "RMB 109.5 billion, up 10.7% in Q3 2024", "a  b   c"],
)
def test_latin_spacing_is_kept(source: str) -> None:
    assert clean(source).text == source
    assert clean(source).is_identity


def test_space_between_cjk_and_latin_is_kept() -> None:
    c = clean("谢 谢 Ava 和 Ben 的 问 题 , 关 于 ABS 成 本")
    assert c.text == "谢谢 Ava 和 Ben 的问题,关于 ABS 成本"


def test_newlines_are_never_touched() -> None:
    source = "大 家 好\n\n 我 们 \n开 始\u3000\n"
    c = clean(source)
    assert c.text.count("\n") == source.count("\n")
    assert [line.strip() for line in c.text.split("\n")] == ["大家好", "", "我们", "开始", ""]


def test_join_can_be_turned_off() -> None:
    source = "好 , 谢 谢 。"
    c = clean(source, join_cjk_spaces=False)
    assert c.text == source
    assert c.is_identity


# -- fillers ------------------------------------------------------------------------------


def _marked(source: str) -> list[str]:
    return [source[s:e] for s, e in find_fillers(source)]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("嗯 , 到 年 底 , 我 们 , 呃 , 完 成 了", ["嗯", "呃"]),
        ("嗯嗯 , 我们 开始", ["嗯嗯"]),
        ("我 们 嗯 这 个 项 目", ["嗯"]),
        ("呃 ... 这个 问题", ["呃 ..."]),
        ("啊 , 这个 问题 很 好 。 哦 , 对", ["啊", "哦"]),
        ("So, uh, we think um the margin is, er... stable.", ["uh", "um", "er..."]),
        ("Um, thanks. Hmm, right.", ["Um", "Hmm"]),
    ],
)
def test_fillers_found(source: str, expected: list[str]) -> None:
    assert _marked(source) == expected


@pytest.mark.parametrize(
    "source",
    [
        "你 准 备 啊 。",  # particle closing a sentence
        "在 催收 啊 , 在 电销 啊 , 客服 啊 这些 环节",  # listing particle
        "是 啊 , 没 问 题",
        "好啊",
        "提 高 额 度",  # 额 is a word here, never a filler
        "嗯哼是一个词吗",  # glued to the following text: not a token
        "The ER team and UM campus; uh-huh, umbrella, summer, her",
        "user uhura erm-like",
    ],
)
def test_not_fillers(source: str) -> None:
    assert _marked(source) == []


def test_fillers_are_reported_in_source_offsets() -> None:
    source = "好 , 嗯 , 我 们 开 始 。"
    c = clean(source)
    assert [source[s:e] for s, e in c.fillers] == ["嗯"]
    s, e = c.fillers[0]
    a, b = c.from_source_span(s, e)
    assert c.text[a:b] == "嗯"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("嗯 , 到 年 底 , 我 们 , 呃 , 完 成 了", "到年底,我们,完成了"),
        ("目 标 , 嗯 , 嗯 , 而 且 还 在", "目标,而且还在"),
        ("客 户 端 。 嗯 。 我 们", "客户端。我们"),
        ("持 续 改 善 , 嗯 。", "持续改善。"),
        ("So, uh, we think um the margin is stable uh.", "So, we think the margin is stable."),
        ("我 们 嗯 Cloud Ledger 的 产 品", "我们 Cloud Ledger 的产品"),
        ("Lena 嗯 , we", "Lena we"),
    ],
)
def test_hide_fillers(source: str, expected: str) -> None:
    c = clean(source, hide_fillers=True)
    assert c.text == expected
    assert_kept_chars_map_to_themselves(c, source)
    assert_map_sound(c, source)
    shown = clean(source).fillers
    assert c.fillers == shown  # still reported, so a view can show them again


def test_selection_across_hidden_filler_covers_it() -> None:
    source = "我 们 , 嗯 , 完 成 了"
    c = clean(source, hide_fillers=True)
    i = c.text.index("们")
    assert c.text[i : i + 3] == "们,完"
    s, e = c.to_source_span(i, i + 3)
    assert source[s:e] == "们 , 嗯 , 完"


# -- properties ---------------------------------------------------------------------------

_TOKENS = [
    *"用户软件网络信息们营收资金成本我的是在了啊嗯呃哦",
    *["Q1", "ABS", "Karen", "2023", "uh", "um", "er", "UM"],
    *[" ", " ", "  ", "\u3000", "\xa0", "\n", ",", "。", "，", ".", "...", "?", "、", "-"],
]
_texts = st.lists(st.sampled_from(_TOKENS), max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(_texts, st.booleans(), st.booleans())
def test_clean_map_properties(source: str, join: bool, hide: bool) -> None:
    c = clean(source, join_cjk_spaces=join, hide_fillers=hide)
    assert_map_sound(c, source)
    assert_kept_chars_map_to_themselves(c, source)
    assert c.text.count("\n") == source.count("\n")
    removed = _removed(c, source)
    assert set(removed) <= set(" \u3000\xa0") or hide
    assert all(source[s:e] for s, e in c.fillers)


@settings(max_examples=200, deadline=None)
@given(_texts)
def test_latin_words_keep_their_spacing(source: str) -> None:
    """Spaces between two Latin words or numbers survive cleanup."""
    c = clean(source)
    for m in re.finditer(r"(?<=[A-Za-z0-9]) +(?=[A-Za-z0-9])", source):
        for p in range(*m.span()):
            d = c.from_source(p)
            assert d < len(c.text) and c.to_source(d) == p


def _removed(c: CleanText, source: str) -> str:
    kept = {c.to_source(i) for i in range(len(c.text))}
    return "".join(ch for p, ch in enumerate(source) if p not in kept)


# -- real transcripts ---------------------------------------------------------------------


@pytest.mark.seeds
def test_seed_cleanup_round_trips(seeds_dir: Path) -> None:
    source = (seeds_dir / "quartr_qfin_q1_2023.txt").read_text(encoding="utf-8")
    for hide in (False, True):
        c = clean(source, hide_fillers=hide)
        assert len(c.text) < len(source)
        assert c.to_source_span(0, len(c.text)) == (0, len(source))
        assert_kept_chars_map_to_themselves(c, source)
        assert c.text.count("\n") == source.count("\n")
    shown = clean(source)
    latin = re.compile(r"[A-Za-z][A-Za-z0-9'.-]*")
    assert latin.findall(shown.text) == latin.findall(source)
    assert shown.fillers
