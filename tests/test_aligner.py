"""Sentence alignment of Mandarin turns with their interpretation, and the flags it raises."""

from __future__ import annotations

import re
from pathlib import Path

import align_gold as gold
import pytest

from reader.core.align.aligner import (
    Bead,
    FlagKind,
    Located,
    align,
    align_pair,
    discrepancies,
)
from reader.core.align.numbers import extract_numbers


@pytest.fixture
def _seeds_dir() -> Path:
    path = Path(__file__).resolve().parents[2] / "shared" / "seeds"
    if not path.is_dir():
        pytest.skip(f"seed transcripts not found at {path}")
    return path


def links(beads: list[Bead]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(b.zh, b.en) for b in beads]


def located(text: str, sentence: int = 0) -> tuple[Located, ...]:
    return tuple(Located(sentence, f) for f in extract_numbers(text))


# --- align ---------------------------------------------------------------------------------

def test_empty_sides():
    assert align([], []) == []
    assert links(align(["我们的收入增长了很多。"], [])) == [((0,), ())]
    assert links(align([], ["Revenue grew a lot."])) == [((), (0,))]


def test_one_to_one_in_order():
    zh = ["本季度收入是三十亿元，同比增长百分之十二。", "净利润是五亿元。", "我们对全年的目标很有信心。"]
    en = ["Revenue this quarter was RMB 3 billion, up 12% year over year.",
          "Net profit was RMB 500 million.",
          "We are confident in our full-year target."]
    assert links(align(zh, en)) == [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]


def test_merged_sentences_become_one_bead():
    zh = ["我们的获客成本继续下降。", "单个用户的成本降到了二百元。", "同时转化率也提升了。", "明年我们会加大投入。"]
    en = ["Our customer acquisition cost kept falling, to RMB 200 per user.",
          "Conversion rates also improved.", "We will invest more next year."]
    assert links(align(zh, en)) == [((0, 1), (0,)), ((2,), (1,)), ((3,), (2,))]


def test_dropped_sentence_is_a_one_to_zero_bead():
    zh = ["三季度放款规模是八百亿。", "这个数字在行业里面是非常领先的，我们也很自豪。", "新增用户环比增长百分之九。"]
    en = ["Loan volume in Q3 was RMB 80 billion.", "New users grew 9% quarter on quarter."]
    beads = align(zh, en)
    assert links(beads) == [((0,), (0,)), ((1,), ()), ((2,), (1,))]
    assert [f.kind for f in discrepancies(beads[1])] == [FlagKind.NOT_INTERPRETED]


def test_shared_figures_beat_a_misleading_length():
    # The second Chinese sentence is long-winded, the first English one padded: lengths
    # alone would pair them crosswise; the figures keep them straight.
    zh = ["呃，逾期率下降了十五个BP。",
          "嗯，这个，我们的，呃，回收率呢，其实也是，嗯，提升到了百分之八十七，这个还是不错的。"]
    en = ["On the risk side, and this is the one number I would really like everyone on the "
          "call to remember, delinquency fell by 15 basis points.",
          "Collection rate rose to 87%."]
    assert links(align(zh, en)) == [((0,), (0,)), ((1,), (1,))]


def test_interpreter_asides_in_chinese_stand_alone():
    zh = ["好，谢谢Mike的问题。", "我们的定价会保持稳定。"]
    en = ["好 的 。", "Thanks, Mike.", "Our pricing will remain stable."]
    assert links(align(zh, en)) == [((), (0,)), ((0,), (1,)), ((1,), (2,))]


# --- discrepancies -------------------------------------------------------------------------

def test_changed_figure_is_flagged_with_both_readings():
    bead = Bead((0,), (0,), zh_facts=located("资 金 成 本 下 降 了 20 BP。"),
                en_facts=located("Funding cost fell 30 basis points."))
    flags = discrepancies(bead)
    assert [f.kind for f in flags] == [FlagKind.NUMBER_MISMATCH]
    assert flags[0].message == "20 bp in the original, 30 bp in the interpretation"


def test_agreeing_figures_raise_nothing():
    bead = Bead((0,), (0,),
                zh_facts=located("一 千 零 九 十 五 亿 , 同 比 增 长 百 分 之 十 点 七 , 三十七个BP"),
                en_facts=located("RMB 109.5 billion, up 10.7%, and 37 basis points"))
    assert discrepancies(bead) == []


def test_figure_on_one_side_only():
    bead = Bead((0,), (0,), zh_facts=located("新增用户环比增长是14.5%"),
                en_facts=located("we connected with 120 platforms"))
    kinds = sorted(f.kind for f in discrepancies(bead))
    assert kinds == [FlagKind.ONLY_IN_INTERPRETATION, FlagKind.ONLY_IN_ORIGINAL]


def test_figure_moved_to_a_neighbouring_bead_is_excused():
    first = Bead((0,), (0,), zh_facts=located("增长了百分之十八"), en_facts=())
    second = Bead((1,), (1,), zh_facts=(), en_facts=located("up 18%", 1))
    assert discrepancies(first) != []
    assert discrepancies(first, [second]) == []
    assert discrepancies(second, [first]) == []


def test_periods_are_compared_only_one_against_one():
    one_each = Bead((0,), (0,), zh_facts=located("我们在8月份加大了投放"),
                    en_facts=located("we stepped up advertising in July"))
    assert [f.kind for f in discrepancies(one_each)] == [FlagKind.NUMBER_MISMATCH]
    # "compared with Q4" said, "sequentially" interpreted, Q1 named: no flag.
    several = Bead((0,), (0,), zh_facts=located("Q1的资金成本相比Q4下降了"),
                   en_facts=located("In Q1 our funding cost fell sequentially"))
    assert discrepancies(several) == []
    missing = Bead((0,), (0,), zh_facts=located("截止到二三年的一季度末"), en_facts=())
    assert discrepancies(missing) == []


def test_short_dropped_sentences_are_not_flagged():
    beads = align(["嗯，好的，谢谢。", "三季度收入增长了百分之五。"], ["Revenue grew 5% in Q3."])
    assert links(beads) == [((0,), ()), ((1,), (0,))]
    assert discrepancies(beads[0]) == []


# --- align_pair ----------------------------------------------------------------------------

def test_align_pair_spans_are_offsets_into_the_given_texts():
    zh = "  嗯 , 资 金 成 本 环 比 下 降 了 20 BP 。 我 们 也 发 行 了 ABS 。"
    en = "Funding cost fell 30 basis points sequentially.\n\nWe also issued ABS."
    result = align_pair(zh, en)
    assert [zh[a:b] for a, b in result.zh_spans] == [
        "嗯 , 资 金 成 本 环 比 下 降 了 20 BP 。", "我 们 也 发 行 了 ABS 。"]
    assert [en[a:b] for a, b in result.en_spans] == [
        "Funding cost fell 30 basis points sequentially.", "We also issued ABS."]
    assert result.links == [([0], [0]), ([1], [1])]
    (flag,) = result.flags
    assert flag.kind is FlagKind.NUMBER_MISMATCH and flag.link == 0
    assert flag.zh_span and zh[slice(*flag.zh_span)] == "20 BP"
    assert flag.en_span and en[slice(*flag.en_span)] == "30 basis points"


def test_align_pair_flags_an_uninterpreted_sentence_with_its_span():
    zh = "放款规模是八百亿。这个数字在行业里面是非常领先的，我们也很自豪。用户增长了百分之九。"
    en = "Loan volume was RMB 80 billion. Users grew 9%."
    result = align_pair(zh, en)
    dropped = [f for f in result.flags if f.kind is FlagKind.NOT_INTERPRETED]
    assert len(dropped) == 1 and dropped[0].zh_span is not None
    assert zh[slice(*dropped[0].zh_span)] == "这个数字在行业里面是非常领先的，我们也很自豪。"
    assert dropped[0].en_span is None


# --- gold sets -----------------------------------------------------------------------------

OWN = gold.OWN + gold.HELD_OUT


def test_own_gold_pairs_build_consistently():
    for pair in OWN:
        result = align_pair(pair.zh, pair.en)
        links_ = pair.gold_links(result.zh_spans, result.en_spans)
        assert links_, pair.name
        for z, e in pair.mismatches:
            assert re.sub(r"\s", "", z) in re.sub(r"\s", "", pair.zh), pair.name
            assert e in pair.en, pair.name
    assert gold.link_count(OWN) >= 100


def test_own_pairs_f1():
    result = gold.score(OWN)
    assert result.f1 >= 0.90, (result.precision, result.recall)


def test_held_out_pairs_f1():
    result = gold.score(gold.HELD_OUT)
    assert result.f1 >= 0.90, (result.precision, result.recall)


def test_own_pairs_flags():
    check = gold.check_flags(OWN)
    assert check.found == check.expected >= 4
    assert check.clean_pairs >= 6
    assert check.false_flag_rate <= 0.1
    assert check.false_flags <= 1


@pytest.mark.seeds
def test_seed_gold_is_large_enough(_seeds_dir: Path):
    seed = gold.seed_pairs(_seeds_dir)
    assert len(seed) >= 15
    assert gold.link_count(seed) + gold.link_count(OWN) >= 150


@pytest.mark.seeds
def test_seed_pairs_f1(_seeds_dir: Path):
    result = gold.score(gold.seed_pairs(_seeds_dir))
    assert result.f1 >= 0.90, (result.precision, result.recall)


@pytest.mark.seeds
def test_seed_funding_cost_change_is_flagged(_seeds_dir: Path):
    pair = next(p for p in gold.seed_pairs(_seeds_dir) if "20 BP" in p.zh)
    result = align_pair(pair.zh, pair.en)
    flags = [f for f in result.flags if f.kind is FlagKind.NUMBER_MISMATCH
             and f.zh_span and pair.zh[slice(*f.zh_span)] == "20 BP"]
    assert len(flags) == 1
    flag = flags[0]
    assert flag.en_span and pair.en[slice(*flag.en_span)] == "30 basis points"
    assert flag.message == "20 bp in the original, 30 bp in the interpretation"


@pytest.mark.seeds
def test_seed_false_flag_rate(_seeds_dir: Path):
    check = gold.check_flags(gold.seed_pairs(_seeds_dir))
    assert check.found == check.expected
    assert check.clean_pairs >= 12
    assert check.false_flag_rate <= 0.1
