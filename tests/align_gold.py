"""Hand-made gold sentence links for the aligner, and the scorer that uses them.

Two sets:
- OWN: invented Mandarin turns of a fictional lender (Starlake Technology) with English
  interpretations that drop sentences, merge and split them, and change a figure or two.
  Each pair is written as beads; the gold links are computed from which bead each
  predicted sentence mostly falls in, so they do not depend on the splitter's choices.
- SEED: the CEO / interpreter turn pairs of the Quartr-style seed transcript. Nothing of
  the seed is stored here beyond short locators (at most 12 characters, matched with white
  space removed) that pick out one predicted sentence each.

A link is a (Chinese sentence index, English sentence index) pair.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

from reader.core.align.aligner import FlagKind, PairAlignment, align_pair

Link = tuple[int, int]
Span = tuple[int, int]


@dataclass
class GoldPair:
    """One Mandarin turn and its interpretation, with a way to get gold links."""

    name: str
    zh: str
    en: str
    # Own pairs: gold beads as character ranges (zh ranges, en ranges) of the texts.
    beads: list[tuple[list[Span], list[Span]]] = field(default_factory=list)
    # Seed pairs: links as (zh locator, en locator).
    located: list[tuple[str, str]] = field(default_factory=list)
    # Changed figures the aligner must flag, as (zh locator, en locator).
    mismatches: list[tuple[str, str]] = field(default_factory=list)

    def gold_links(self, zh_spans: Sequence[Span], en_spans: Sequence[Span]) -> set[Link]:
        if self.located:
            return {(_locate(self.zh, zh_spans, z, self.name),
                     _locate(self.en, en_spans, e, self.name)) for z, e in self.located}
        links: set[Link] = set()
        for zh_ranges, en_ranges in self.beads:
            zs = [k for k, s in enumerate(zh_spans) if _home(s, zh_ranges, self.beads, 0)]
            es = [k for k, s in enumerate(en_spans) if _home(s, en_ranges, self.beads, 1)]
            links.update((z, e) for z in zs for e in es)
        return links


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _locate(text: str, spans: Sequence[Span], locator: str, name: str) -> int:
    hits = [k for k, (a, b) in enumerate(spans) if _squash(locator) in _squash(text[a:b])]
    if len(hits) != 1:
        raise LookupError(f"{name}: locator {locator!r} matches sentences {hits}")
    return hits[0]


def _overlap(span: Span, ranges: Iterable[Span]) -> int:
    return sum(max(0, min(span[1], b) - max(span[0], a)) for a, b in ranges)


def _home(span: Span, ranges: list[Span], beads: list[tuple[list[Span], list[Span]]],
          side: int) -> bool:
    """Whether a predicted sentence belongs to a gold bead: it overlaps the bead's text by
    at least a quarter of its own length (a piece of run-on speech may belong to two), or
    more than any other bead."""
    mine = _overlap(span, ranges)
    if mine == 0:
        return False
    return mine * 4 >= span[1] - span[0] or all(_overlap(span, b[side]) <= mine for b in beads)


# --- scoring -------------------------------------------------------------------------------

@dataclass
class Score:
    true_pos: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.true_pos / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.true_pos / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def predicted_links(result: PairAlignment) -> set[Link]:
    return {(z, e) for zs, es in result.links for z in zs for e in es}


def score(pairs: Iterable[GoldPair]) -> Score:
    total = Score()
    for pair in pairs:
        result = align_pair(pair.zh, pair.en)
        gold = pair.gold_links(result.zh_spans, result.en_spans)
        pred = predicted_links(result)
        total.true_pos += len(gold & pred)
        total.predicted += len(pred)
        total.gold += len(gold)
    return total


@dataclass
class FlagCheck:
    found: int = 0  # expected mismatches that were flagged
    expected: int = 0
    false_flags: int = 0  # mismatch flags not among the expected ones
    clean_pairs: int = 0  # pairs with no expected mismatch
    clean_pairs_flagged: int = 0

    @property
    def false_flag_rate(self) -> float:
        """Share of pairs whose figures all agree that still get a mismatch flag."""
        return self.clean_pairs_flagged / self.clean_pairs if self.clean_pairs else 0.0


def mismatch_flags(pair: GoldPair, result: PairAlignment) -> list[tuple[str, str]]:
    """The (zh text, en text) of each number-mismatch flag, white space removed."""
    out = []
    for flag in result.flags:
        if flag.kind is FlagKind.NUMBER_MISMATCH and flag.zh_span and flag.en_span:
            out.append((_squash(pair.zh[slice(*flag.zh_span)]),
                        _squash(pair.en[slice(*flag.en_span)])))
    return out


def check_flags(pairs: Iterable[GoldPair]) -> FlagCheck:
    check = FlagCheck()
    for pair in pairs:
        flagged = mismatch_flags(pair, align_pair(pair.zh, pair.en))
        expected = [(_squash(z), _squash(e)) for z, e in pair.mismatches]
        hit = [any(z in fz and e in fe for fz, fe in flagged) for z, e in expected]
        check.found += sum(hit)
        check.expected += len(expected)
        false = [f for f in flagged if not any(z in f[0] and e in f[1] for z, e in expected)]
        check.false_flags += len(false)
        if not expected:
            check.clean_pairs += 1
            check.clean_pairs_flagged += bool(false)
    return check


# --- own pairs -----------------------------------------------------------------------------

_TOKEN = re.compile(r"[A-Za-z][A-Za-z&'-]*|\d+(?:[.,]\d+)*%?|\S")


def spaced(text: str) -> str:
    """Speech-recognition look: a space between every character, Latin words kept whole."""
    return " ".join(_TOKEN.findall(text.replace("，", ",")))


BeadText = tuple[Sequence[str], Sequence[str]]


def own_pair(name: str, beads: Sequence[BeadText], *, style: str = "plain",
             mismatches: Sequence[tuple[str, str]] = (), en_break_before: Sequence[int] = (),
             run_on: bool = False) -> GoldPair:
    """Build texts from beads. `style`: plain, spaced (every character) or words (already
    word-spaced by hand); `run_on` turns every Chinese full stop but the last into a comma
    (or nothing, when spaced) the way long unpunctuated speech comes out."""
    zh_parts: list[str] = []
    en_parts: list[str] = []
    ranges: list[tuple[list[Span], list[Span]]] = []
    zh_len = en_len = 0
    all_zh = [s for zs, _ in beads for s in zs]
    count = 0
    for k, (zs, es) in enumerate(beads):
        zr: list[Span] = []
        er: list[Span] = []
        for s in zs:
            count += 1
            if run_on and count < len(all_zh):
                s = s.rstrip("。.") + ("" if style == "spaced" else "，")
            piece = spaced(s) if style == "spaced" else s
            sep = "" if not zh_parts else (" " if style != "plain" else "")
            zh_parts.append(sep + piece)
            zr.append((zh_len + len(sep), zh_len + len(sep) + len(piece)))
            zh_len += len(sep) + len(piece)
        for s in es:
            sep = "" if not en_parts else ("\n\n" if k in en_break_before and s is es[0]
                                           else " ")
            en_parts.append(sep + s)
            er.append((en_len + len(sep), en_len + len(sep) + len(s)))
            en_len += len(sep) + len(s)
        ranges.append((zr, er))
    return GoldPair(name, "".join(zh_parts), "".join(en_parts), beads=ranges,
                    mismatches=list(mismatches))


OWN: list[GoldPair] = [
    own_pair("results opening", [
        (["好，谢谢主持人。"], []),
        (["截至二四年三季度末，我们平台累计服务了五千二百万用户，合作的金融机构达到一百二十家。"],
         ["By the end of Q3, our platform had served a cumulative 52 million users.",
          "We now work with 120 financial institutions."]),
        (["三季度的放款规模是八百六十五亿，同比增长百分之十二点四。"],
         ["Loan volume in the third quarter was RMB 86.5 billion, up 12.4% year over year."]),
        (["嗯，新增授信用户环比增长了百分之九。"],
         ["New users with approved credit lines grew 9% quarter on quarter."]),
        (["这个增长呢，呃，是在宏观环境比较弱的情况下取得的。", "我们对这个结果还是比较满意的。"],
         ["We are pleased with this growth, given the weak macro environment."]),
        (["呃，风险方面，首日逾期率下降了十五个BP。"],
         ["On the risk side, our day-one delinquency rate fell by 25 basis points."]),
        (["三十天回收率提升到了百分之八十七点五。"],
         ["The 30-day collection rate improved to 87.5%."]),
        (["嗯，我们的资产质量是，呃，行业里面比较领先的。"], []),
        (["下面我请CFO Lisa来介绍财务情况。"],
         ["I will now hand over to our CFO, Lisa, for the financial results."]),
    ], style="spaced", mismatches=[("十五个BP", "25 basis points")]),
    own_pair("funding", [
        (["从资金端来看，本季度市场流动性依然充裕。"],
         ["On the funding side, market liquidity remained ample during the quarter."]),
        (["我们的综合资金成本环比下降了二十二个BP，同比下降了四十个BP。"],
         ["Our overall funding cost declined 22 basis points sequentially and 40 basis points "
          "year over year."]),
        (["三季度我们发行了三十五亿的ABS，发行规模同比增长百分之六十。"],
         ["In Q3, we issued RMB 3.5 billion of ABS, up 60% year over year."]),
        (["ABS的平均发行利率是百分之二点九，创下了历史新低。"],
         ["The average ABS coupon was 2.9%, a record low."]),
        ([], ["This reflects strong investor demand for our assets."]),
        (["嗯，我们也新增了八家城商行的合作伙伴。"],
         ["We also added eight city commercial banks as funding partners."]),
        (["预计未来两个季度资金成本会保持平稳。"],
         ["We expect funding costs to remain stable over the next two quarters."]),
        (["呃，就这些，谢谢。"], []),
    ], style="spaced"),
    own_pair("AI lab", [
        (["今年 以来 呢 大 模型 技术 发展 得 非常 快."],
         ["Large language models have developed very rapidly this year."]),
        (["我们 在 七月份 成立 了 一个 AI 实验室 团队 规模 大概 有 八十 人."],
         ["In July, we set up an AI lab.", "The team has about 80 people."]),
        (["目前 我们 已经 把 模型 用 在 了 客服 和 催收 两个 环节."],
         ["We have already deployed the models in customer service and collections."]),
        (["客服 的 人工 成本 下降 了 百分之三十 左右."],
         ["Customer service labor costs fell by roughly 30%."]),
        (["催收 的 效率 提升 了 百分之十五."], ["Collection efficiency improved by 15%."]),
        (["嗯 我们 也 在 测试 用 模型 来 做 营销 文案 的 生成.", "效果 还 需要 进一步 观察."],
         ["We are also testing model-generated marketing content, and it is too early to "
          "judge the results."]),
        (["我们 相信 这 会 是 未来 几年 很 重要 的 一个 方向."],
         ["We believe this will be an important direction for years to come."]),
    ], style="words"),
    own_pair("pricing answer", [
        (["谢谢你的问题。"], ["Thank you for your question."]),
        (["关于定价，我们三季度的平均借款成本是百分之二十一点三，和二季度基本持平。"],
         ["Our average APR in Q3 was 21.3%, roughly flat compared with Q2."]),
        (["我们预计四季度定价还会保持稳定。"],
         ["We expect pricing to remain stable in the fourth quarter."]),
        (["对于优质客户，我们会适当地降价，大概降低一百个BP左右。"],
         ["For high-quality borrowers, we may cut prices moderately, by about 100 basis "
          "points."]),
        (["这部分客户的占比已经超过了百分之四十。"],
         ["These borrowers now account for more than 50% of our users."]),
        (["总体来说，我们不会打价格战。", "我们更看重的是风险调整后的收益。"],
         ["Overall, we will not engage in a price war, as we focus on risk-adjusted returns."]),
        (["嗯，我就回答这么多。"], []),
    ], mismatches=[("百分之四十", "50%")]),
    own_pair("capital return", [
        (["好的，关于股东回报，我来回答一下。"], ["Regarding shareholder returns, let me answer."]),
        (["董事会昨天批准了新的回购计划，规模是三亿美元，期限是十二个月。"],
         ["Our board approved a new share repurchase program yesterday.",
          "It allows us to buy back up to US$300 million of shares.",
          "The program will run for 12 months."]),
        (["同时我们把分红比例从百分之二十提高到了百分之二十五。"],
         ["We also raised the dividend payout ratio from 20% to 25%."]),
        (["今年前三季度，我们已经向股东返还了大约五点六亿美元。"],
         ["In the first three quarters of this year, we returned about US$560 million to "
          "shareholders."]),
        (["我们的现金储备非常充足，呃，账上有一百二十亿人民币的现金。"],
         ["Our cash position is strong, with RMB 12 billion on the balance sheet."]),
        (["所以我们有能力持续回馈股东。"],
         ["So we are well positioned to keep returning capital to shareholders."]),
    ], en_break_before=[4]),
    own_pair("SME run-on", [
        (["嗯，在小微企业这块，我们这个季度的放款是一百三十亿。"],
         ["In the SME business, loan volume this quarter was RMB 13 billion."]),
        (["环比增长了百分之十八，占我们总放款的百分之十五。"],
         ["That is an 18% increase from last quarter and 15% of our total volume."]),
        (["呃，我们主要是通过税务数据和发票数据来做风控。"],
         ["We rely mainly on tax and invoice data for risk assessment."]),
        (["目前接入的税务数据覆盖了二十六个省份。"], ["Our tax data now covers 26 provinces."]),
        (["嗯，这部分客户的逾期率呢，比个人消费贷还要低一些。"], []),
        (["我们计划明年把小微的放款占比提升到百分之二十以上。"],
         ["We plan to raise the SME share of our volume to over 20% next year."]),
        (["这个是我们很重要的一个增长点。"], ["This is an important growth driver for us."]),
    ], run_on=True),
    own_pair("regulation, no punctuation", [
        (["嗯关于监管方面我们的个人信息保护整改在三季度已经全部完成了"],
         ["On the regulatory side, we completed our personal data protection upgrade in Q3."]),
        (["呃所有的数据调用都经过了用户授权"], ["All data access now requires user authorization."]),
        (["目前系统运行得非常稳定"], ["The new systems are running smoothly."]),
        (["我们相信在监管越来越清晰的情况下行业会更加健康地发展。"],
         ["As regulation becomes clearer, we believe the industry will develop in a healthier "
          "way."]),
    ], style="spaced", run_on=True),
    own_pair("acquisition answer", [
        (["谢谢Tom的问题。"], ["Thanks, Tom."]),
        (["在获客方面，我们三季度和Douyin以及Kuaishou都加深了合作。"],
         ["On customer acquisition, we deepened our partnerships with Douyin and Kuaishou in Q3."]),
        (["单个授信用户的获客成本下降到了二百八十元，环比下降了百分之十二。"],
         ["Our acquisition cost per credit user fell to RMB 280, down 20% from the previous "
          "quarter."]),
        (["嗯，我们也在尝试用RTA的方式做精准投放。", "这个模式的转化率比传统方式高了大概三成。"],
         ["We are also testing RTA-based targeted marketing, which converts better than "
          "traditional channels."]),
        (["四季度我们会适度加大获客投入。"],
         ["In the fourth quarter, we will moderately increase our marketing spend.",
          "We expect new credit users to grow by more than 10% sequentially."]),
        (["呃，具体的数字Lisa可以再补充。"], ["Lisa can add more details on the numbers."]),
    ], style="spaced", mismatches=[("百分之十二", "20%")]),
    own_pair("technology solutions", [
        (["在科技解决方案业务上，我们本季度新签了十二家银行客户。"],
         ["In our technology solutions business, we signed 12 new bank clients this quarter."]),
        (["累计服务的金融机构超过了一百五十家。"],
         ["We have now served more than 150 financial institutions in total."]),
        (["嗯，我们的SaaS产品收入同比增长了百分之三十五，达到了两亿三千万元。"],
         ["Revenue from our SaaS products rose 35% year over year to RMB 230 million."]),
        (["这个业务的毛利率比较高，接近百分之七十。"],
         ["Gross margin in this business is high, close to 70%."]),
        (["我们在中小银行里面的口碑也越来越好。"], []),
        (["明年我们希望把这部分收入再翻一番。"], ["Next year, we aim to double this revenue."]),
        (["嗯，这就是科技业务的情况。"], ["That is the update on our technology business."]),
    ]),
    own_pair("outlook", [
        (["展望二五年，我们认为宏观经济会继续温和复苏。"],
         ["Looking ahead to 2025, we expect the macro economy to keep recovering moderately."]),
        (["我们全年的放款目标是三千八百亿到四千二百亿。"],
         ["Our full-year loan volume target is RMB 380 billion to RMB 420 billion."]),
        (["这个目标相对保守，呃，考虑到了一些不确定性。", "如果需求恢复得更快，我们也会及时调整。"],
         ["The target is somewhat conservative and reflects some uncertainty, but we will "
          "adjust it if demand recovers faster."]),
        ([], ["We will update you on our progress every quarter."]),
        (["嗯，利润方面，我们预计全年净利润同比增长百分之十五到二十。"],
         ["For profit, we expect full-year net income to grow by 15% to 20%."]),
        (["我们也会继续保持稳定的分红政策。"], ["We will also maintain a stable dividend policy."]),
    ], style="spaced"),
    own_pair("asset quality answer", [
        (["关于资产质量，我们看到最近几个月的风险指标在持续改善。"],
         ["On asset quality, our risk indicators have kept improving in recent months."]),
        (["九月份的首日逾期率是百分之四点二，比六月份下降了零点三个百分点。"],
         ["Day-one delinquency was 4.2% in September, down 0.3 percentage points from June."]),
        (["呃，三十天回收率是百分之八十六。"], ["The 30-day collection rate was 86%."]),
        (["另外，我们把拨备覆盖率维持在了百分之四百以上。"],
         ["We also kept our provision coverage ratio above 400%."]),
        (["这个水平在行业里是比较审慎的。"], []),
        (["我们预计四季度风险会保持稳定，不会有大的波动。"],
         ["We expect risk to remain stable in the fourth quarter.",
          "We do not expect any major volatility."]),
    ], en_break_before=[3]),
    own_pair("expenses answer", [
        (["好 的 谢谢."], []),
        (["关于 运营 费用 我们 三季度 的 销售 费用 是 九 亿 元 环比 增长 了 百分之八."],
         ["Sales and marketing expenses in Q3 were RMB 900 million, up 8% sequentially."]),
        (["主要 是 因为 我们 在 八月份 加大 了 品牌 投放."],
         ["This was mainly because we stepped up brand advertising in July."]),
        (["管理 费用 基本 持平."], ["General and administrative expenses were roughly flat."]),
        (["研发 投入 是 四 亿 三千万 元 同比 增长 百分之二十一."],
         ["R&D spending was RMB 430 million, up 21% year over year."]),
        (["我们 会 继续 控制 后台 的 固定 成本.", "同时 保证 对 技术 的 投入."],
         ["We will keep back-office fixed costs under control while continuing to invest in "
          "technology."]),
    ], style="words", mismatches=[("八月份", "July")]),
]


# Written after the aligner's constants were fitted on OWN and the seed pairs, and never
# used to fit anything: the honest estimate of how it does on unseen text.
HELD_OUT: list[GoldPair] = [
    own_pair("overseas business", [
        (["好的，我来介绍一下海外业务。"], ["Let me give an update on our overseas business."]),
        (["我们在印尼的业务从去年四季度开始试点，目前已经覆盖了十二个城市。"],
         ["We started a pilot in Indonesia in the fourth quarter of last year.",
          "It now covers 12 cities."]),
        (["三季度海外放款规模是十五亿人民币，环比增长了百分之四十。"],
         ["Overseas loan volume in Q3 was RMB 1.5 billion, up 40% sequentially."]),
        (["当地的监管环境总体比较友好。"], []),
        (["我们的风控模型在当地的表现也超出了预期，首日逾期率只有百分之三点一。"],
         ["Our risk models have performed better than expected there, with a day-one "
          "delinquency rate of only 3.8%."]),
        (["嗯，明年我们计划再进入一到两个新的国家。"],
         ["Next year, we plan to enter one or two new markets."]),
        (["海外业务的收入占比目前还不到百分之五，", "但是增长潜力很大。"],
         ["Overseas revenue is still less than 5% of the total, but the growth potential is "
          "large."]),
    ], mismatches=[("百分之三点一", "3.8%")]),
    own_pair("membership", [
        (["在会员业务方面，我们的付费会员数突破了三百万。"],
         ["In our membership business, paying members exceeded 3 million."]),
        (["会员的复购率达到了百分之六十二。"], ["The repeat purchase rate reached 62%."]),
        (["呃，我们也和三家保险公司合作推出了信用保障产品。"],
         ["We also launched credit protection products with three insurance partners."]),
        (["这个产品上线两个月，保费收入就超过了八千万。"],
         ["Within two months of launch, premium income exceeded RMB 80 million."]),
        (["嗯，用户反馈总体来说是非常正面的。", "投诉率也很低。"],
         ["User feedback has been very positive, and the complaint rate is low."]),
        (["我们预计四季度会员收入会继续保持两位数的增长。"],
         ["We expect membership revenue to keep growing at double digits in the fourth "
          "quarter."]),
        (["好，就这些。"], []),
    ], style="spaced"),
    own_pair("capital and balance sheet", [
        (["关于 资本 开支 我们 今年 的 预算 是 六 亿 元."],
         ["Our capital expenditure budget for this year is RMB 600 million."]),
        (["主要 用于 数据 中心 和 算力 的 建设."],
         ["It will mainly go to data centers and computing capacity."]),
        (["截至 九月底 我们 的 净 现金 是 一百零五 亿 元."],
         ["As of the end of September, our net cash was RMB 10.5 billion."]),
        (["杠杆率 保持 在 三点二 倍 左右 比 上 季度 略 有 下降."],
         ["Leverage stayed at about 3.2 times, slightly lower than last quarter."]),
        (["嗯 这个 水平 是 监管 允许 范围 内 比较 低 的."], []),
        (["我们 的 回购 计划 已经 完成 了 百分之七十 剩下 的 会 在 年底 前 完成."],
         ["We have completed 70% of our buyback plan.",
          "The remainder will be completed by year end."]),
        (["谢谢 大家."], ["Thank you."]),
    ], style="words"),
]

# --- seed pairs ----------------------------------------------------------------------------

SEED_NAME = "quartr_qfin_q1_2023.txt"
CEO = "Haisheng Wu"
INTERPRETER = "Karen Ji"
_HEADER = re.compile(r"^([A-Z][A-Za-z .'-]+) \(([^)]*)\)$", re.MULTILINE)


def seed_turns(text: str) -> list[tuple[str, str]]:
    """(speaker name, body) of each turn: a `Name (Role)` line, then paragraphs."""
    heads = list(_HEADER.finditer(text))
    turns = []
    for k, head in enumerate(heads):
        end = heads[k + 1].start() if k + 1 < len(heads) else len(text)
        turns.append((head.group(1), text[head.end():end].strip()))
    return turns


def seed_turn_pairs(text: str) -> list[tuple[str, str]]:
    """Every CEO turn directly followed by an interpreter turn, as (zh, en) bodies."""
    turns = seed_turns(text)
    return [(a[1], b[1]) for a, b in pairwise(turns) if a[0] == CEO and b[0] == INTERPRETER]


# Pair number (among CEO -> interpreter pairs), a locator that must be in that Chinese turn,
# gold links as (zh locator, en locator), and expected mismatches. Pair 0 is left out: the
# interpreter's "Join me now. 好." does not interpret the greeting before it.
SEED_GOLD: list[tuple[int, str, list[tuple[str, str]], list[tuple[str, str]]]] = [
    (1, "一千零九十五亿", [
        ("一百五十家", "46 million"), ("一千零九十五亿", "109.5 billion"),
        ("百分之十五点六", "15.6%"), ("温和复苏", "The growth was"), ("风险指标", "Since the"),
        ("前几次", "Since the"),
    ], []),
    (2, "三十七个BP", [
        ("平均的这个定价", "Pricing remained"), ("模型的迭代", "1,000 version"),
        ("一千个策略", "1,000 version"), ("征信模型也在", "further upgraded"),
        ("Q3开始", "Since Q3"), ("两万多条", "20,000"), ("精准度在不断", "Supported by"),
        ("精准度在不断", "37 basis"), ("三十七个BP", "37 basis"), ("既定的目标", "With our risk"),
        ("弹性", "With our risk"),
    ], []),
    (3, "20BP", [
        ("12.7%", "12.7%"), ("20BP", "30 basis"), ("助贷合作", "In addition"),
        ("保障了我们ABS", "In addition"), ("2.3billion", "2.3 billion"), ("17BP", "17 basis"),
        ("几个季度", "two quarters"), ("合作的结构", "Going forward"),
    ], [("20BP", "30 basis points")]),
    (4, "Bilibili", [
        ("Bilibili", "Bilibili"), ("头部手机", "RTB"), ("投放的模式升级", "Rated marketing"),
        ("CPA", "20% lower"), ("14.5%", "embedded"), ("新型的这个获客", "innovative ways"),
        ("新型的这个获客", "live streaming"), ("开放直播", "live streaming"),
        ("效果", "effectiveness"),
    ], []),
    (5, "二十多万", [
        ("存量用户的经营", "further expanded"), ("触达和运营手段", "Enterprise WeChat"),
        ("征信材料", "Enterprise WeChat"), ("二十多万", "200,000"), ("调研", "Furthermore"),
    ], []),
    (6, "40%以上", [
        ("率先复苏", "rebounding"), ("着力建设", "To cater"), ("40%以上", "40%"),
        ("差异化的产品", "pilot tests"), ("提升空间", "pilot tests"),
    ], []),
    (7, "十八个信贷", [
        ("产品力", "For our technology"), ("农户贷", "Specifically"),
        ("多元化的这个部署", "diversified"), ("十八个信贷", "18 standardized"),
        ("knowhow", "knowhow"), ("上线初期", "knowhow"),
    ], []),
    (8, "ChatGPT", [
        ("ChatGPT的出现", "Over the past"), ("天然的应用场景", "We believe"),
        ("对话机器人", "We believe"), ("对话机器人", "emotions"), ("风控的环节", "In risk"),
        ("6月份", "In April"), ("深度学习", "deep learning"), ("特别的一些版本", "first version"),
        ("唯一的这种分析", "first version"), ("意图", "Through GPT"), ("明显的差异", "Through GPT"),
        ("经营效率", "Apart from"), ("赋能", "Apart from"),
    ], [("6月份", "April")]),
    (9, "断直连", [
        ("稳步推进", "On the regulatory"), ("稳步推进", "substantially completed"),
        ("平稳有序地运行", "So far"), ("平稳有序地运行", "Given the"), ("健康的发展", "Given the"),
    ], []),
    (10, "早期阶段", [
        ("早期阶段", "Looking ahead"), ("逐步改善", "gradually improve"),
        ("逐步改善", "We are also confident"),
    ], []),
    (11, "分红比例", [
        ("分红比例", "Finally"), ("分红比例", "board of directors"), ("倾听市场", "As we continue"),
        ("回馈股东", "As we continue"), ("回馈股东", "enhance the value"),
        ("分红的政策", "Alex will share"), ("财务方面", "With that"),
    ], []),
    (12, "阿睿", [
        ("谢谢Frank", "Thanks Frank"), ("第一个问题", "Thanks Frank"),
        ("非常重点的工作", "equally important"), ("几个方面", "two aspects"),
        ("第一是", "First, we will"), ("RTA", "For example"), ("RTA", "The result"),
        ("众志意愿", "Second part"), ("使用率。", "Second part"), ("LTV", "LTV"),
        ("LTV", "So we will"), ("这是新客方面", "This is about"),
    ], []),
    (13, "EnterpriseWeChat", [
        ("非常非常巨大", "Regarding our"), ("非常非常巨大", "Actually, we"),
        ("触达的这个效率", "Actually, we"), ("EnterpriseWeChat", "Enterprise WeChat"),
        ("画像", "We refine"), ("40%", "40%"), ("基础", "Later we"),
    ], []),
    (14, "内功", [
        ("精力放在效率", "At this point"), ("内功", "coverage"), ("领先", "enjoy"),
        ("扩大我们的客户", "user base"),
    ], []),
    (15, "听得到", [
        ("竞争的角度", "From the competition"), ("相对要大一些", "From the competition"),
        ("相对要大一些", "The impact from"),
    ], []),
    (16, "理论上", [
        ("格局", "segmentation"), ("重叠的用户", "differentiated from"),
        ("重叠的用户", "We targeting"), ("重叠的用户", "limited overlapping"),
        ("服务能力上讲", "On the other hand"), ("覆盖比较完整", "On the other hand"),
        ("覆盖比较完整", "We can cover"), ("差异化,去为", "We can further"),
        ("理论上", "Theoretically"),
    ], []),
    (17, "降价工具", [
        ("长期以来", "On pricing"), ("降价工具", "On pricing"), ("增量的收益", "As long as"),
        ("整体趋势", "From the overall"),
    ], []),
    (18, "江苏", [
        ("这个分化", "two trends"), ("2个特征", "two trends"), ("2个特征", "One is moderate"),
        ("2个特征", "The other is"), ("几个方面的表现", "In terms of the div"),
        ("江苏", "Jiangsu"), ("1季度", "Jiangsu"), ("额度的需求", "From customer"),
        ("服务业", "service industries"),
    ], []),
]


def seed_pairs(seeds_dir: Path) -> list[GoldPair]:
    """Gold pairs of the seed transcript; raises if a locator no longer finds its turn."""
    text = (seeds_dir / SEED_NAME).read_text(encoding="utf-8").replace("\r\n", "\n")
    pairs = seed_turn_pairs(text)
    out = []
    for index, check, links, mismatches in SEED_GOLD:
        zh, en = pairs[index]
        if _squash(check) not in _squash(zh):
            raise LookupError(f"seed pair {index} does not contain {check!r}")
        out.append(GoldPair(f"seed pair {index}", zh, en, located=links,
                            mismatches=mismatches))
    return out


def link_count(pairs: Iterable[GoldPair]) -> int:
    total = 0
    for pair in pairs:
        result = align_pair(pair.zh, pair.en)
        total += len(pair.gold_links(result.zh_spans, result.en_spans))
    return total
