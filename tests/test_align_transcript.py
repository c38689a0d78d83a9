"""Whole-call alignment: which turns pair up, spans in source offsets, flags, sentence lookup."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader.core.align.transcript import (
    AlignFlagKind,
    Side,
    TranscriptAlignment,
    _Joined,
    align_transcript,
    discrepancies,
    quote,
)
from reader.core.model import (
    Lang,
    Meta,
    Paragraph,
    SectionKind,
    SourceInfo,
    Speaker,
    SpeakerKind,
    Transcript,
    Turn,
)
from reader.core.pipeline import parse_bytes, parse_text

# An invented call in the Quartr layout: a two-paragraph Mandarin answer with a changed
# figure and a dropped sentence, an interpretation covering two Mandarin turns, and an
# analyst asking in both languages in one (mixed) turn.
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

第 一 , 讲 营 收 , 营 收 增 长 了 百 分 之 五 。

Lin Qiao (Chief Executive Officer)

第 二 , 讲 成 本 , 成 本 下 降 了 百 分 之 三 。

Mia Sun (Investor Relations)

First, revenue grew 5%. Second, costs fell 3%.

Chen Bo (Analyst)

请 问 明 年 的 展 望 是 什 么 ?

What is your outlook for next year?
"""

_SPACES = re.compile(r"\s+")


def _flat(text: str) -> str:
    return _SPACES.sub("", text)


@pytest.fixture
def call() -> Transcript:
    return parse_text(CALL, "hexi.txt", layout="quartr")


def _check_spans(t: Transcript, result: TranscriptAlignment) -> None:
    """Every span is in bounds, inside one paragraph of the right turns, and trimmed."""
    for pair in result.pairs:
        sides = {Side.ORIGINAL: pair.original,
                 Side.INTERPRETATION: (pair.interpretation, *pair.continued)}
        for side, turns in sides.items():
            paragraphs = [p for i in turns for p in t.turns[i].paragraphs]
            spans = pair.sentences(side)
            assert spans == sorted(spans)
            for s, e in spans:
                assert 0 <= s < e <= len(t.text)
                assert any(p.start <= s and e <= p.end for p in paragraphs)
                assert t.text[s:e] == t.text[s:e].strip()
        for flag in pair.flags:
            for side, spans in ((Side.ORIGINAL, flag.original),
                                (Side.INTERPRETATION, flag.interpretation)):
                for s, e in spans:
                    assert any(a <= s and e <= b for a, b in pair.sentences(side))


def test_pairs_are_mandarin_turns_and_their_interpretation(call: Transcript) -> None:
    assert [t.lang for t in call.turns[1:6]] == [Lang.ZH, Lang.EN, Lang.ZH, Lang.ZH, Lang.EN]
    result = align_transcript(call)
    assert [(p.original, p.interpretation) for p in result.pairs] == [((1,), 2), ((3, 4), 5)]
    _check_spans(call, result)


def test_sentences_are_source_slices_across_paragraphs(call: Transcript) -> None:
    pair = align_transcript(call).pairs[0]
    zh = [_flat(call.text[s:e]) for s, e in pair.original_sentences]
    assert zh[0].startswith("本季度营收") and zh[0].endswith("八。")
    assert zh[1].endswith("十五个BP。")
    assert zh[2].startswith("我们的新客户")  # the second paragraph
    second = call.turns[1].paragraphs[1]
    assert second.start <= pair.original_sentences[2][0] < second.end
    en = [call.text[s:e] for s, e in pair.interpretation_sentences]
    assert en == ["This quarter revenue reached RMB 1.2 billion, up 8% year on year.",
                  "Our funding cost fell by 25 basis points quarter on quarter.",
                  "New customers increased to 3 million."]
    assert ([0], [0]) in pair.links and ([2], [2]) in pair.links


def test_changed_figure_and_dropped_sentence_are_flagged(call: Transcript) -> None:
    pair = align_transcript(call).pairs[0]
    by_kind = {f.kind: f for f in pair.flags}
    mismatch = by_kind[AlignFlagKind.NUMBER_MISMATCH]
    assert [_flat(call.text[s:e]) for s, e in mismatch.original] == ["十五个BP"]
    assert [call.text[s:e] for s, e in mismatch.interpretation] == ["25 basis points"]
    assert "15 bp" in mismatch.message and "25 bp" in mismatch.message
    zh_of_link, en_of_link = pair.links[mismatch.link]
    s, e = mismatch.original[0]
    assert any(a <= s and e <= b for a, b in (pair.original_sentences[k] for k in zh_of_link))
    assert en_of_link
    dropped = by_kind[AlignFlagKind.UNTRANSLATED]
    assert dropped.interpretation == ()
    assert [_flat(call.text[s:e]) for s, e in dropped.original] == [
        "另外,嗯,我们也在继续推进海外市场的合作伙伴关系建设工作。"]
    assert pair.links[dropped.link][1] == []


def test_one_interpretation_of_two_turns_aligns_against_both(call: Transcript) -> None:
    pair = align_transcript(call).pairs[1]
    starts = [s for s, _ in pair.original_sentences]
    assert call.turns[3].start <= starts[0] < call.turns[3].end
    assert call.turns[4].start <= starts[1] < call.turns[4].end
    assert pair.links == [([0], [0]), ([1], [1])]
    assert pair.flags == []  # 5% and 3% are the same on both sides


def test_sentence_lookup_and_counterparts(call: Transcript) -> None:
    result = align_transcript(call)
    pair = result.pairs[0]
    s, e = pair.original_sentences[1]
    ref = result.sentence_at(s + 3)
    assert ref is not None and (ref.pair, ref.side, ref.index) == (0, Side.ORIGINAL, 1)
    assert result.sentence_at(e) == ref  # a caret just after the full stop
    assert result.counterpart_spans(ref) == [pair.interpretation_sentences[1]]
    en = result.sentence_at(pair.interpretation_sentences[2][0])
    assert en is not None and en.side is Side.INTERPRETATION
    assert result.counterpart_spans(en) == [pair.original_sentences[2]]
    dropped = result.sentence_at(pair.original_sentences[3][0])
    assert dropped is not None and result.counterpart_spans(dropped) == []
    assert result.sentence_at(call.turns[0].start) is None  # the operator is not aligned
    assert result.sentence_at(call.turns[6].start) is None  # nor a mixed question


def test_flags_come_in_reading_order(call: Transcript) -> None:
    flags = align_transcript(call).flags()
    assert [f.first_span for _, f in flags] == sorted(f.first_span for _, f in flags)
    assert {p for p, _ in flags} == {0}


def _build(turns: list[tuple[str, Lang, list[str], list[int]]]) -> Transcript:
    """A transcript from (speaker, lang, paragraphs, interprets), offsets worked out."""
    text = ""
    speakers: dict[str, int] = {}
    built: list[Turn] = []
    for k, (who, lang, paras, interprets) in enumerate(turns):
        speaker = speakers.setdefault(who, len(speakers))
        text += f"{who}\n\n"
        paragraphs = []
        for p in paras:
            paragraphs.append(Paragraph(len(text), len(text) + len(p), p))
            text += p + "\n\n"
        built.append(Turn(k, speaker, SectionKind.PRESENTATION, paragraphs, lang,
                          interprets=interprets))
    return Transcript("test", SourceInfo("t.txt", "utf-8", ""), text, Meta(),
                      [Speaker(i, n, kind=SpeakerKind.EXECUTIVE) for n, i in speakers.items()],
                      built)


def test_an_interpretation_carried_over_two_turns_is_one_pair() -> None:
    t = _build([
        ("Wu", Lang.ZH, ["我 们 的 放 款 规 模 达 到 五 百 亿 元 。 坏 账 率 是 百 分 之 二 。"], []),
        ("Ji", Lang.EN, ["Loan volume reached RMB 50 billion."], [0]),
        ("Ji", Lang.EN, ["The bad debt ratio was 2%."], [0]),
    ])
    result = align_transcript(t)
    assert len(result.pairs) == 1
    pair = result.pairs[0]
    assert (pair.original, pair.interpretation, pair.continued) == ((0,), 1, (2,))
    assert [t.text[s:e] for s, e in pair.interpretation_sentences] == [
        "Loan volume reached RMB 50 billion.", "The bad debt ratio was 2%."]
    assert pair.flags == []
    _check_spans(t, result)


def test_mixed_or_english_originals_are_not_aligned() -> None:
    t = _build([
        ("Wu", Lang.MIXED, ["请 问 利 润 率 是 多 少 ?", "What is the margin?"], []),
        ("Ji", Lang.EN, ["What is the margin this year?"], [0]),
        ("Cfo", Lang.EN, ["Revenue grew."], []),
        ("Ji", Lang.EN, ["Revenue grew a lot."], [2]),
        ("Wu", Lang.ZH, ["收 入 增 长 。"], []),
        ("Ji", Lang.ZH, ["收 入 增 长 了 。"], [4]),  # not English: not an interpretation
    ])
    assert align_transcript(t).pairs == []


def test_joined_spans_map_back_split_at_paragraph_ends() -> None:
    t = _build([("Wu", Lang.ZH, ["第 一 段 。", "第 二 段 。", "第 三 段 。"], [])])
    paragraphs = t.turns[0].paragraphs
    joined = _Joined(paragraphs)
    assert joined.text == "第 一 段 。\n\n第 二 段 。\n\n第 三 段 。"
    second = joined.text.index("第 二")
    assert joined.spans(second, second + 3) == ((paragraphs[1].start, paragraphs[1].start + 3),)
    # A span over the separators comes back as one span per paragraph, none between them.
    assert joined.spans(2, len(joined.text)) == (
        (paragraphs[0].start + 2, paragraphs[0].end),
        (paragraphs[1].start, paragraphs[1].end),
        (paragraphs[2].start, paragraphs[2].end))
    assert joined.spans(7, 9) == ()  # only the blank line
    assert joined.span(second, second) == (paragraphs[1].start, paragraphs[1].start)


def test_no_interpretation_no_pairs() -> None:
    t = parse_text("Acme - Q1 2025\n\nTranscript\n\nOperator (participant)\n\nWelcome.\n\n"
                   "Ann Lee (CFO)\n\nRevenue grew 5%.\n", "acme.txt", layout="quartr")
    assert align_transcript(t).pairs == []
    assert align_transcript(_build([])).pairs == []


def test_progress_and_cancel(call: Transcript) -> None:
    seen: list[tuple[int, int]] = []
    align_transcript(call, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 2), (2, 2)]
    stop = iter([False, True])
    partial = align_transcript(call, cancelled=lambda: next(stop))
    assert len(partial.pairs) == 1


def test_discrepancies_name_the_speaker_and_quote_the_words(call: Transcript) -> None:
    found = discrepancies(call, align_transcript(call))
    assert [d.kind for d in found] == [AlignFlagKind.NUMBER_MISMATCH, AlignFlagKind.UNTRANSLATED]
    assert [(d.turn, d.speaker) for d in found] == [(1, "Lin Qiao"), (1, "Lin Qiao")]
    assert found[0].quote == "我们的融资成本环比下降了十五个BP。"
    assert found[1].quote.startswith("另外") and " " not in found[1].quote
    assert found[0].message == found[0].flag.message


def test_quote_cuts_around_the_words_at_word_boundaries() -> None:
    text = "In the first quarter our loan volume grew strongly, and funding costs fell by " \
           "30 basis points thanks to a wider range of institutional partners and lenders."
    span = (text.index("30 basis"), text.index("30 basis") + len("30 basis points"))
    short = quote(text, span, (0, len(text)), width=40)
    assert "30 basis points" in short
    assert short.startswith("…") and short.endswith("…")
    words = set(text.replace(",", " ").split())
    inner = short.strip("…").replace(",", " ").split()
    assert set(inner[1:-1]) <= words  # no word cut in half inside
    assert inner[0] in words and inner[-1] in words
    assert len(short) <= 40 + 2
    zh = "我 们 的 资 金 成 本 相 比 上 个 季 度 有 进 一 步 的 下 降 , 降 了 二 十 个 BP 。"
    z = (zh.index("二"), zh.index("BP") + 2)
    cut = quote(zh, z, (0, len(zh)), width=20)
    assert cut.startswith("…") and cut.endswith("二十个BP。")
    assert quote(zh, z, z) == "二十个BP"


@pytest.mark.seeds
def test_quartr_seed_flags_the_funding_cost_change(seeds_dir: Path) -> None:
    path = seeds_dir / "quartr_qfin_q1_2023.txt"
    t = parse_bytes(path.read_bytes(), path.name)
    result = align_transcript(t)
    assert len(result.pairs) >= 15
    _check_spans(t, result)
    hits = [f for p in result.pairs for f in p.flags
            if f.kind is AlignFlagKind.NUMBER_MISMATCH
            and [_flat(t.text[s:e]) for s, e in f.original] == ["20BP"]]
    assert len(hits) == 1
    (flag,) = hits
    assert [t.text[s:e] for s, e in flag.interpretation] == ["30 basis points"]
    turn = t.turn_at(flag.original[0][0])
    assert turn is not None and turn.lang is Lang.ZH
    assert t.speaker_of(turn).name == "Haisheng Wu"
