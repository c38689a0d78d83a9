"""Figures with units from Mandarin and English text, in one comparable form."""

from __future__ import annotations

import pytest

from reader.core.align.numbers import Kind, NumberFact, agree, extract_numbers, parse_chinese


def facts(text: str) -> list[tuple[str, Kind, float]]:
    return [(text[f.start:f.end], f.kind, f.value) for f in extract_numbers(text)]


def values(text: str) -> list[tuple[Kind, float]]:
    return [(f.kind, round(f.value, 6)) for f in extract_numbers(text)]


@pytest.mark.parametrize(("word", "value"), [
    ("一", 1), ("十", 10), ("十八", 18), ("二十", 20), ("三十七", 37), ("一百五十", 150),
    ("一百零五", 105), ("一百八十九", 189), ("一千零九十五", 1095), ("四千六百万", 46_000_000),
    ("一千零九十五亿", 109_500_000_000), ("五亿三千万", 530_000_000), ("一万亿", 10**12),
    ("两万", 20_000), ("三千五", 3500), ("一百五", 150), ("两万五", 25_000), ("一万零五", 10_005),
    ("二零二三", 2023), ("二三", 23), ("十点七", 10.7), ("三点一四", 3.14), ("零点五", 0.5),
])
def test_parse_chinese_values(word: str, value: float):
    parsed = parse_chinese(word)
    assert parsed is not None
    assert parsed.value == pytest.approx(value)


def test_parse_chinese_flags_approx_and_digit_strings():
    assert parse_chinese("两万多") == parse_chinese("两万多")
    more = parse_chinese("二十多万")
    assert more is not None and more.approx and more.value == 200_000
    assert parse_chinese("二三") is not None and parse_chinese("二三").digit_string  # type: ignore[union-attr]
    assert not parse_chinese("二十三").digit_string  # type: ignore[union-attr]


@pytest.mark.parametrize("word", ["", "点五", "十亿点", "abc", "一二x"])
def test_parse_chinese_rejects_non_numerals(word: str):
    assert parse_chinese(word) is None


def test_spaced_speech_text_amount_percent_and_count():
    text = ("一 季 度 的 放 款 规 模 达 到 一 千 零 九 十 五 亿 , 同 比 增 长 百 分 之 十 点 七 。 "
            "服 务 了 四 千 六 百 万 的 用 户")
    assert facts(text) == [
        ("一 季 度", Kind.QUARTER, 1),
        ("一 千 零 九 十 五 亿", Kind.COUNT, 109_500_000_000),
        ("百 分 之 十 点 七", Kind.PERCENT, 10.7),
        ("四 千 六 百 万", Kind.COUNT, 46_000_000),
    ]


def test_basis_points_both_languages():
    assert values("逾 期 率 下 降 了 三 十 七 个 BP") == [(Kind.BP, 37)]
    assert values("资 金 成 本 下 降 了 20 BP。") == [(Kind.BP, 20)]
    assert values("下降了15个基点") == [(Kind.BP, 15)]
    assert values("costs fell 30 basis points and 5 bps") == [(Kind.BP, 30), (Kind.BP, 5)]
    assert values("a drop of 0.2 percentage points") == [(Kind.BP, 20)]
    assert values("下降了零点三个百分点") == [(Kind.BP, 30)]


def test_approximate_quantities_agree_across_languages():
    zh = extract_numbers("覆 盖 了 二 十 多 万 的 用 户 , 维 度 达 到 两 万 多 条")
    en = extract_numbers("more than 200,000 users and over 20,000 dimensions")
    assert [f.approx for f in zh + en] == [True] * 4
    assert agree(zh[0], en[0]) and agree(zh[1], en[1])
    assert not agree(zh[0], en[1])


def test_year_quarter_and_month_readings():
    assert values("截 止 到 二 三 年 的 一 季 度 末") == [(Kind.YEAR, 2023), (Kind.QUARTER, 1)]
    assert values("二零二二年第四季度") == [(Kind.YEAR, 2022), (Kind.QUARTER, 4)]
    assert values("到 今 年 四 月 份 , 6 月 份 , 十二月") == [
        (Kind.MONTH, 4), (Kind.MONTH, 6), (Kind.MONTH, 12)]
    assert values("包括三四月的增长") == [(Kind.MONTH, 3), (Kind.MONTH, 4)]
    assert values("In Q1 2023, versus the fourth quarter and 1Q22") == [
        (Kind.QUARTER, 1), (Kind.YEAR, 2023), (Kind.QUARTER, 4), (Kind.QUARTER, 1)]
    assert values("in April, since May 2022, FY24, first half, H2, 上半年") == [
        (Kind.MONTH, 4), (Kind.MONTH, 5), (Kind.YEAR, 2022), (Kind.YEAR, 2024),
        (Kind.HALF, 1), (Kind.HALF, 2), (Kind.HALF, 1)]


def test_relative_periods_and_vague_words_are_not_figures():
    assert values("上一季度和这一季度") == []
    assert values("十分重要，千万不要，万一，几十家，十几个，一些，一个，第一") == []
    assert values("one of the two, you may ask, a few") == []


def test_durations():
    assert values("三 十 天 的 回 收 率") == [(Kind.DURATION, 30)]
    twelve = extract_numbers("over the past 12 months")[0]
    one_year = extract_numbers("过去的一年")[0]
    assert twelve.kind is one_year.kind is Kind.DURATION
    assert agree(twelve, one_year)
    assert values("the next two quarters")[0][0] is Kind.DURATION
    assert values("30-day collection rate")[0] == (Kind.DURATION, 30)


def test_codes_with_digits_are_not_figures():
    assert values("M2 money supply, N1 rate, 5G phones, GPT4") == []


def test_currencies_and_scales():
    found = extract_numbers(
        "RMB 109.5 billion, US$969 million, 1.2万亿元, CNY 2.3 billion, 370 RMB")
    assert [(f.kind, f.currency, f.value) for f in found] == [
        (Kind.AMOUNT, "RMB", pytest.approx(109.5e9)),
        (Kind.AMOUNT, "USD", pytest.approx(969e6)),
        (Kind.AMOUNT, "RMB", pytest.approx(1.2e12)),
        (Kind.AMOUNT, "RMB", pytest.approx(2.3e9)),
        (Kind.AMOUNT, "RMB", pytest.approx(370)),
    ]


def test_arabic_with_chinese_scale():
    assert values("放款1095亿，用户4600万，覆盖200多万人") == [
        (Kind.COUNT, 109_500_000_000), (Kind.COUNT, 46_000_000), (Kind.COUNT, 2_000_000)]


def test_percent_forms_and_ranges():
    assert values("增速是 12.7% , 40% 以 上 , 百分之百") == [
        (Kind.PERCENT, 12.7), (Kind.PERCENT, 40), (Kind.PERCENT, 100)]
    assert values("a payout ratio of 20%-30%, up 5 percent") == [
        (Kind.PERCENT, 20), (Kind.PERCENT, 30), (Kind.PERCENT, 5)]
    hedged = extract_numbers("40% 以 上")[0]
    assert hedged.approx


def test_small_counts_are_dropped_but_not_small_figures_with_units():
    assert values("我有 2 个问题，1个是") == []
    assert values("增长了3%，两倍，3 times") == [
        (Kind.PERCENT, 3), (Kind.MULTIPLE, 2), (Kind.MULTIPLE, 3)]


def test_spans_point_into_the_original_text():
    text = "成 本 降 低 了 17 BP , 而 且 增 长 了 一 百 八 十 九 个 BP 。"
    for fact in extract_numbers(text):
        assert not text[fact.start].isspace() and not text[fact.end - 1].isspace()
    assert [text[f.start:f.end] for f in extract_numbers(text)] == ["17 BP", "一 百 八 十 九 个 BP"]


def test_agree_allows_rounding_but_not_changed_figures():
    def pct(v: float, precision: float) -> NumberFact:
        return NumberFact(v, Kind.PERCENT, 0, 1, precision=precision)
    assert agree(pct(4.66, 0.01), pct(4.7, 0.1))
    assert not agree(pct(10, 1), pct(10.7, 0.1))
    bp20, bp30 = extract_numbers("20 BP")[0], extract_numbers("30 basis points")[0]
    assert not agree(bp20, bp30)
    assert agree(extract_numbers("一千零九十五亿")[0], extract_numbers("RMB 109.5 billion")[0])
    assert agree(extract_numbers("四千六百万")[0], extract_numbers("46 million")[0])
    assert not agree(extract_numbers("10%")[0], extract_numbers("10 bp")[0])


def test_labels_read_as_english():
    labels = [f.label() for f in extract_numbers(
        "一千零九十五亿, 20 BP, 百分之十点七, Q1, 二三年, 四月份, 两万多, US$969 million, 三个月")]
    assert labels == ["109.5 billion", "20 bp", "10.7%", "Q1", "2023", "April", "about 20,000",
                      "USD 969 million", "3 months"]


def test_chinese_decimal_with_scale_and_foreign_currencies():
    found = extract_numbers("返还了大约五点六亿美元，回购三亿美金，账上有一百二十亿人民币")
    assert [(f.kind, f.currency, f.value, f.approx) for f in found] == [
        (Kind.AMOUNT, "USD", pytest.approx(5.6e8), True),
        (Kind.AMOUNT, "USD", pytest.approx(3e8), False),
        (Kind.AMOUNT, "RMB", pytest.approx(1.2e10), False),
    ]
    assert agree(found[0], extract_numbers("about US$560 million")[0])


def test_percent_range_in_chinese():
    assert values("净利润同比增长百分之十五到二十。") == [(Kind.PERCENT, 15), (Kind.PERCENT, 20)]
