"""Sentence spans for Mandarin speech text and English interpretation text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.core.align.sentences import cjk_count, compact, compact_text, split_en, split_zh


def texts(text: str, spans: list[tuple[int, int]]) -> list[str]:
    return [text[a:b] for a, b in spans]


def check_spans(text: str, spans: list[tuple[int, int]]) -> None:
    """Ordered, disjoint, trimmed, and no letter, digit or ideograph left out."""
    covered = [False] * len(text)
    last = 0
    for a, b in spans:
        assert last <= a < b <= len(text)
        assert not text[a].isspace() and not text[b - 1].isspace()
        for k in range(a, b):
            covered[k] = True
        last = b
    for k, ch in enumerate(text):
        if ch.isalnum():
            assert covered[k], (k, ch)


# --- Chinese -------------------------------------------------------------------------------

def test_zh_full_width_stops():
    text = "大家好。今年收入增长了百分之八！我们很满意？是的；谢谢"
    assert texts(text, split_zh(text)) == [
        "大家好。", "今年收入增长了百分之八！", "我们很满意？", "是的；", "谢谢"]


def test_zh_spaced_text_keeps_offsets_and_trims():
    text = "  好 , 谢 谢 Linda 。 大 家 好 , 欢 迎 参 加 星 河 科 技 的 电 话 会 。  "
    spans = split_zh(text)
    assert texts(text, spans) == [
        "好 , 谢 谢 Linda 。", "大 家 好 , 欢 迎 参 加 星 河 科 技 的 电 话 会 。"]
    check_spans(text, spans)


def test_zh_stop_run_and_closing_quote_stay_with_sentence():
    text = "他说“我们做到了。”然后呢？！ 好 的 。 。 下一个"
    assert texts(text, split_zh(text)) == [
        "他说“我们做到了。”", "然后呢？！", "好 的 。 。", "下一个"]


def test_zh_ascii_full_stop_but_not_decimal_or_mr():
    text = "增速是 12.7% 左右. 我们 请 Mr. Lin 来 回答. 好"
    assert texts(text, split_zh(text)) == ["增速是 12.7% 左右.", "我们 请 Mr. Lin 来 回答.", "好"]


def test_zh_ellipsis_alone_is_a_sentence():
    text = "嗯 ...\n\n总 的 来 说 , 我 们 很 好 。"
    assert texts(text, split_zh(text)) == ["嗯 ...", "总 的 来 说 , 我 们 很 好 。"]


def test_zh_blank_line_ends_a_sentence_without_punctuation():
    text = "第一段没有句号\n\n第二段也没有"
    assert texts(text, split_zh(text)) == ["第一段没有句号", "第二段也没有"]


def test_zh_long_run_cut_at_commas_near_the_middle():
    parts = ["我们的平台在本季度继续扩大了与各类金融机构的合作范围",
             "新增的合作银行主要集中在华东和华南地区",
             "同时我们也进一步降低了整体的资金成本",
             "这为下半年的增长打下了比较好的基础"]
    text = "，".join(parts) + "。"
    assert cjk_count(text) > 60
    pieces = texts(text, split_zh(text))
    assert len(pieces) >= 2
    assert "".join(pieces) == text
    for piece in pieces:
        assert piece.endswith(("，", "。"))
        assert cjk_count(piece) <= 60


def test_zh_long_spaced_run_cut_at_spaced_commas():
    clause = "我 们 这 个 季 度 的 获 客 成 本 下 降 了 很 多 而 且 效 率 也 提 升 了"
    text = " , ".join([clause] * 4) + " 。"
    spans = split_zh(text)
    assert len(spans) >= 2
    check_spans(text, spans)
    for a, b in spans:
        assert cjk_count(text[a:b]) <= 60
        assert text[a] != ","


def test_zh_run_without_any_punctuation_cut_at_fillers_or_connectives():
    text = ("嗯 从 这 个 监 管 层 面 来 看 我 们 的 整 改 工 作 在 一 季 度 "
            "稳 步 推 进 已 经 按 照 方 案 完 成 了 系 统 的 改 造 目 前 新 系 统 "
            "已 经 上 线 并 且 运 行 得 非 常 平 稳 相 信 今 年 行 业 会 在 "
            "稳 定 的 监 管 环 境 下 有 一 个 健 康 的 发 展")
    spans = split_zh(text)
    assert len(spans) >= 2
    check_spans(text, spans)
    for a, b in spans:
        assert cjk_count(text[a:b]) <= 60


def test_zh_short_run_is_not_cut():
    text = "我们认为，今年的需求会温和复苏，但是节奏还不确定。"
    assert split_zh(text) == [(0, len(text))]


def test_zh_punctuation_only_pieces_are_dropped():
    assert split_zh(" 。 。 ") == []
    assert split_zh("") == []


def test_compact_joins_spaced_cjk_and_maps_offsets():
    text = "一 千 零 九 十 五 亿 , 20 BP 和 CNY 2.3 billion"
    flat, where = compact(text)
    assert flat == "一千零九十五亿, 20 BP和CNY 2.3 billion"
    for k, ch in enumerate(flat):
        assert text[where[k]] == ch or (ch == " " and text[where[k]].isspace())
    assert where[-1] == len(text)


# --- English -------------------------------------------------------------------------------

def test_en_basic_and_question_marks():
    text = "Thank you, operator. Can you hear me? Yes! Let us begin."
    assert texts(text, split_en(text)) == [
        "Thank you, operator.", "Can you hear me?", "Yes!", "Let us begin."]


def test_en_titles_and_initials_do_not_end_sentences():
    text = "Joining me is Mr. Wei Tan, our CEO, and Dr. Ana J. Ruiz. Ms. Ruiz will start."
    assert texts(text, split_en(text)) == [
        "Joining me is Mr. Wei Tan, our CEO, and Dr. Ana J. Ruiz.", "Ms. Ruiz will start."]


def test_en_latin_abbreviations_and_us():
    text = ("Channels, e.g. Weibo and Douyin, i.e. the big ones, grew vs. last year. "
            "Peers in the U.S. and Europe lag. Star Lake Inc. reported today. Fees, etc. Rose.")
    assert texts(text, split_en(text)) == [
        "Channels, e.g. Weibo and Douyin, i.e. the big ones, grew vs. last year.",
        "Peers in the U.S. and Europe lag.",
        "Star Lake Inc. reported today.",
        "Fees, etc.",
        "Rose.",
    ]


def test_en_decimals_percent_and_quarter():
    text = "Day-one delinquency was 4.1% in Q1. It was 4.3% in Q4. Revenue was RMB 3.6 billion."
    assert texts(text, split_en(text)) == [
        "Day-one delinquency was 4.1% in Q1.", "It was 4.3% in Q4.", "Revenue was RMB 3.6 billion."]


def test_en_numbered_items():
    text = "We have two priorities: 1. Growth in new users. 2. Lower funding cost. That is all."
    assert texts(text, split_en(text)) == [
        "We have two priorities: 1. Growth in new users.", "2. Lower funding cost.", "That is all."]


def test_en_numbered_items_on_their_own_lines():
    text = "Our priorities:\n1. Growth.\n2. Cost control."
    assert texts(text, split_en(text)) == ["Our priorities:", "1. Growth.", "2. Cost control."]


def test_en_sentence_ending_with_a_year_still_ends():
    text = "The target holds for 2023. We expect growth."
    assert texts(text, split_en(text)) == ["The target holds for 2023.", "We expect growth."]


def test_en_ellipsis():
    text = "Well... let me think. The answer is yes... Next question."
    assert texts(text, split_en(text)) == [
        "Well... let me think.", "The answer is yes...", "Next question."]


def test_en_quotes_follow_their_sentence():
    text = 'He said "we are done." Then he left.'
    assert texts(text, split_en(text)) == ['He said "we are done."', "Then he left."]


def test_en_paragraphs_and_chinese_prefix():
    text = "好 的 。Thanks Mei, I will answer first\n\nThe second paragraph."
    assert texts(text, split_en(text)) == [
        "好 的 。", "Thanks Mei, I will answer first", "The second paragraph."]


def test_en_lowercase_after_full_stop_does_not_split():
    text = "Revenue rose 5 p.c. and margins held."
    assert texts(text, split_en(text)) == [text]


_EN_WORDS = st.sampled_from(
    ["Revenue", "rose", "4.1%", "Mr.", "U.S.", "Q1.", "e.g.", "growth!", "why?", "1.", "...",
     "RMB", "3.6", "billion.", "Inc.", "and", "The", "\n\n", '"ok."', "—"])
_ZH_PIECES = st.sampled_from(
    ["我", "们", "嗯", "，", ",", " ", "。", "！", "一 千", "12.7%", "BP", "Q1", "\n\n", "...",
     "增长了百分之十", "这个季度", "而且", "同时", "ABS"])


@given(st.lists(_EN_WORDS, max_size=40).map(" ".join))
def test_en_spans_are_sound(text: str):
    check_spans(text, split_en(text))


@given(st.lists(_ZH_PIECES, max_size=120).map("".join))
def test_zh_spans_are_sound(text: str):
    check_spans(text, split_zh(text))


@given(st.lists(st.sampled_from(["我", " ", "  ", "\n", "a", "1", ",", "。", "\u3000", "\t", "，",
                                 "x y", "\xa0"]), max_size=30).map("".join))
def test_compact_text_matches_compact(text: str):
    flat, where = compact(text)
    assert compact_text(text) == flat
    assert len(where) == len(flat) + 1
    assert all(text[w] == ch for w, ch in zip(where, flat, strict=False) if not ch.isspace())
