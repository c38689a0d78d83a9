"""Sentence alignment of a Mandarin turn with its English interpretation, and what differs.

A Gale-Church style dynamic programme over beads (1-1, 1-2, 2-1, 2-2, 1-3, 3-1, 1-0, 0-1):
the length cost uses the English/Chinese length ratio of the pair itself, because speech
text and interpreters vary too much for a fixed ratio. Shared figures, Latin words (`ABS`,
`Bilibili`, names) and a small earnings-call vocabulary pull sentences together; a sentence
merged into a bead while sharing nothing with the other side is penalised, so dropped
sentences come out as 1-0 beads. Then each bead is checked for figures that changed, went
missing or were added, and for original sentences nobody interpreted.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from reader.core.align.numbers import NumberFact, agree, extract_numbers
from reader.core.align.sentences import Span, cjk_count, compact_text, split_en, split_zh

# Weight of each bead shape (zh count, en count), as -log costs. Fitted on the gold pairs
# (tests/align_gold.py) together with the constants below; interpreters merge and split
# sentences more than written translators, and drop short asides freely (a dropped
# sentence also pays per unit of length, so long ones are rarely dropped).
_PRIORS: dict[tuple[int, int], float] = {
    (1, 1): 0.55, (1, 2): 0.08, (2, 1): 0.08, (2, 2): 0.005, (1, 3): 0.005, (3, 1): 0.005,
    (1, 0): 0.4, (0, 1): 0.03,
}
_VARIANCE = 8.0  # of English length per Chinese unit, scaled by the pair's ratio
_LATIN_IN_ZH = 1 / 3  # a Latin letter in Chinese text counts a third of an ideograph
_DEFAULT_RATIO = 3.0  # English letters per Chinese character when a side is empty
_DROP_COST_PER_UNIT = 0.1
_NUMBER_REWARD = 2.0  # per figure stated on both sides
_WEAK_NUMBER_REWARD = 1.5  # per period (Q1, April) named on both sides
_TOKEN_REWARD = 2.0  # per Latin word (ABS, Bilibili, names) on both sides
_MAX_TOKEN_REWARD = 4.0
_LEXICON_REWARD = 1.0  # per shared concept of the vocabulary below
_ORPHAN_PENALTY = 4.0  # per merged sentence that shares nothing with the other side
_EVIDENT = 1  # concepts + figures a sentence needs before sharing nothing counts against it
_MIN_UNTRANSLATED_CJK = 8  # shorter original sentences (thanks, fillers) are not flagged

# Earnings-call vocabulary as anchors: Chinese terms (any of) / English word starts (any of).
# Generic on purpose: it only has to tell which sentences talk about the same thing.
_LEXICON_TABLE = """
谢谢/感谢: thank
满意/高兴: pleas/satisf/happy
传统: tradition
预期/预计/期待/期望: expect/anticipat
效果: effect/result
重叠: overlap
覆盖: cover
定价/价格/利率/降价: pric/apr/rate
风险/风控: risk
资金/融资: fund/financ/liquidity
成本/费用: cost/expens/spend
获客/拉新/新客: acqui/new customer/new user
分红/股息: dividend/payout
回购: repurchas/buy back/buyback
股东: shareholder
董事会: board
监管/合规/整改: regulat/complian
直播: live stream
短视频: short video/short-form video
竞争: compet
需求: demand
复苏/恢复: recover/rebound
银行: bank
用户/客户/客群: user/customer/client/borrower
模型/算法: model/algorithm
效率: efficien
利润: profit/net income/earnings
收入/营收: revenue/income
逾期: delinquen
回收/催收: collect
电销: telemarketing
客服: customer service
发票/税务: invoice/tax
渠道: channel
合作/伙伴: partner/cooperat
区域/地区/省: region/province
行业: industry/sector
宏观/经济: macro/econom
展望/未来: ahead/outlook/future/going forward
目标: target/goal
信心/有信心: confiden
市场: market
现金: cash
产品: product
系统: system/module
技术/科技: technolog/tech
数据: data
征信/授信/信贷: credit
放款/贷款/借款: loan/lend/borrow
资产质量: asset quality
拨备: provision
毛利: gross margin/margin
研发: r&d/research
营销/投放/广告: marketing/advertis
品牌: brand
转化: conver
体验: experience
调研: survey
标签: label
意图: intention/intent
流动性: liquidity
分散: diversif
小微: sme/small business/micro
优质/质量: quality
价格战: price war
保守: conservative
不确定: uncertain
稳定/平稳/持平: stable/steady/flat
改善/优化/提升/提高: improv/optimi/enhanc/upgrad/increas/boost
下降/降低/减少: declin/decreas/fell/lower/reduc/drop/cut
增长/增加/增速: grow/growth/increas/rose/up
第一/首先: first
第二/其次: second
最后: finally/last
比如/例如: for example/such as/e.g
另一方面: on the other hand
理论上: theoretical
分享: share
消息: news
平台: platform
机构: institution
规模: scale/size/volume
存量/老客: existing
差异化/差异: differen/diverg
"""


def _parse_lexicon(table: str) -> tuple[dict[str, int], dict[str, int]]:
    """Chinese term -> concept bits, English stem or phrase -> concept bits."""
    zh_bits: dict[str, int] = {}
    en_bits: dict[str, int] = {}
    for k, line in enumerate(table.strip().splitlines()):
        zh, _, en = line.partition(":")
        for term in zh.strip().split("/"):
            zh_bits[term] = zh_bits.get(term, 0) | 1 << k
        for term in en.split("/"):
            term = term.strip()
            en_bits[term] = en_bits.get(term, 0) | 1 << k
    return zh_bits, en_bits


def _alternation(terms: list[str], english: bool) -> re.Pattern[str]:
    parts = []
    for term in sorted(terms, key=len, reverse=True):
        part = r"\s+".join(re.escape(w) for w in term.split())
        if english:  # stems match word starts; very short ones only whole words (up, tax)
            part = r"\b" + part + (r"\b" if len(term) <= 3 else "")
        parts.append(part)
    return re.compile("|".join(parts))


_ZH_TERMS, _EN_TERMS = _parse_lexicon(_LEXICON_TABLE)
_ZH_LEXICON = _alternation(list(_ZH_TERMS), english=False)
_EN_LEXICON = _alternation(list(_EN_TERMS), english=True)


def _zh_concepts(flat: str) -> int:
    bits = 0
    for term in _ZH_LEXICON.findall(flat):
        bits |= _ZH_TERMS[term]
    return bits


def _en_concepts(text: str) -> int:
    bits = 0
    for term in _EN_LEXICON.findall(text.lower()):
        bits |= _EN_TERMS[" ".join(term.split())]
    return bits


_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9]+")
_ALNUM = re.compile(r"[^\W_]")
_EN_CJK_WORD = re.compile("[\u3400-\u9fff]{2,}")
_NOT_ANCHORS = frozenset({"bp", "bps", "ok", "okay", "the", "and", "of", "to", "in", "a"})


class FlagKind(StrEnum):
    NUMBER_MISMATCH = "number_mismatch"
    ONLY_IN_ORIGINAL = "only_in_original"
    ONLY_IN_INTERPRETATION = "only_in_interpretation"
    NOT_INTERPRETED = "not_interpreted"


@dataclass(frozen=True, slots=True)
class Located:
    """A figure and the sentence it is in; the fact's span is relative to that sentence."""

    sentence: int
    fact: NumberFact


@dataclass(frozen=True, slots=True)
class Bead:
    """Chinese sentence indices `zh` interpreted by English sentence indices `en`."""

    zh: tuple[int, ...]
    en: tuple[int, ...]
    cost: float = 0.0
    zh_facts: tuple[Located, ...] = ()
    en_facts: tuple[Located, ...] = ()
    zh_units: float = 0.0  # Chinese length without fillers, for the not-interpreted check


@dataclass(frozen=True, slots=True)
class Flag:
    kind: FlagKind
    message: str
    zh: Located | None = None
    en: Located | None = None


@dataclass(frozen=True, slots=True)
class PairFlag:
    """A flag with spans into the texts given to `align_pair`; `link` indexes `links`."""

    kind: FlagKind
    message: str
    link: int
    zh_span: Span | None
    en_span: Span | None


@dataclass(frozen=True, slots=True)
class PairAlignment:
    zh_spans: list[Span]
    en_spans: list[Span]
    links: list[tuple[list[int], list[int]]]
    flags: list[PairFlag]


@dataclass(frozen=True, slots=True)
class _Sentence:
    units: float  # length: ideographs (without fillers) or letters
    facts: tuple[NumberFact, ...]
    tokens: frozenset[str]  # lower-cased Latin words; on the English side also Chinese words
    flat: str  # compacted Chinese text, where English-side Chinese words (断直连) are found
    concepts: int  # bit set of lexicon entries present
    foreign: bool  # written in the other side's language: "好 的 。" in English, "Okay." in Chinese


def _zh_sentence(text: str) -> _Sentence:
    flat = compact_text(text)
    words = _LATIN.findall(text)
    latin = sum(len(w) for w in words)
    tokens = frozenset(t.lower() for t in words) - _NOT_ANCHORS
    return _Sentence(cjk_count(text) + latin * _LATIN_IN_ZH,
                     tuple(extract_numbers(text, flat)), tokens, flat, _zh_concepts(flat),
                     cjk_count(text, fillers=True) == 0)


def _en_sentence(text: str) -> _Sentence:
    cjk = cjk_count(text, fillers=True)
    letters = len(_ALNUM.findall(text)) - cjk
    tokens = frozenset(t.lower() for t in _LATIN.findall(text))
    flat = compact_text(text)
    if cjk:
        tokens |= frozenset(_EN_CJK_WORD.findall(flat))
    return _Sentence(letters + _DEFAULT_RATIO * cjk, tuple(extract_numbers(text, flat)),
                     tokens, "", _en_concepts(text), cjk * _DEFAULT_RATIO > letters)


def align(zh_sents: Sequence[str], en_sents: Sequence[str]) -> list[Bead]:
    """Beads covering every sentence of both sides in order, at the least total cost."""
    return _align([_zh_sentence(s) for s in zh_sents], [_en_sentence(s) for s in en_sents])


class _Evidence:
    """What each Chinese sentence shares with each English one, worked out once per pair so
    that the cost of a bead is a few integer operations (bit sets over sentence indices)."""

    def __init__(self, zh: list[_Sentence], en: list[_Sentence]) -> None:
        self.zh, self.en = zh, en
        # Per Chinese figure: its reward and the English sentences stating it too.
        self.figures: list[list[tuple[float, int]]] = []
        self.tokens = [[0] * len(en) for _ in zh]  # shared Latin / Chinese words per pair
        self.zh_links = [0] * len(zh)  # English sentences sharing anything with zh[a]
        self.en_links = [0] * len(en)
        for a, z in enumerate(zh):
            figures = []
            for fact in z.facts:
                mask = 0
                for b, e in enumerate(en):
                    if any(agree(fact, f) for f in e.facts):
                        mask |= 1 << b
                weight = _WEAK_NUMBER_REWARD if fact.weak else _NUMBER_REWARD
                figures.append((weight, mask))
                self._link(a, mask)
            self.figures.append(figures)
            for b, e in enumerate(en):
                shared = len(z.tokens & e.tokens) + sum(
                    1 for t in e.tokens if not t.isascii() and t in z.flat)
                self.tokens[a][b] = shared
                if shared or z.concepts & e.concepts:
                    self._link(a, 1 << b)
        self.zh_evident = [s.concepts.bit_count() + len(s.facts) >= _EVIDENT for s in zh]
        self.en_evident = [s.concepts.bit_count() + len(s.facts) >= _EVIDENT for s in en]
        self.zh_units = _prefix([s.units for s in zh])
        self.en_units = _prefix([s.units for s in en])
        self.zh_foreign = _prefix([float(s.foreign) for s in zh])
        self.en_foreign = _prefix([float(s.foreign) for s in en])

    def _link(self, a: int, en_mask: int) -> None:
        self.zh_links[a] |= en_mask
        b = 0
        while en_mask >> b:
            if en_mask >> b & 1:
                self.en_links[b] |= 1 << a
            b += 1

    def reward(self, zi: range, ej: range, en_mask: int) -> float:
        total = 0.0
        tokens = 0
        zh_concepts = en_concepts = 0
        for a in zi:
            for weight, mask in self.figures[a]:
                if mask & en_mask:
                    total += weight
            tokens += sum(self.tokens[a][ej.start:ej.stop])
            zh_concepts |= self.zh[a].concepts
        for b in ej:
            en_concepts |= self.en[b].concepts
        total += min(_TOKEN_REWARD * tokens, _MAX_TOKEN_REWARD)
        return total + _LEXICON_REWARD * (zh_concepts & en_concepts).bit_count()

    def orphans(self, zi: range, ej: range) -> int:
        """Merged sentences that share nothing with the other side although they have
        something to share: likely dropped or added, not part of the bead."""
        count = 0
        if len(zi) > 1:
            en_mask = (1 << ej.stop) - (1 << ej.start)
            count += sum(1 for a in zi if self.zh_evident[a] and not self.zh_links[a] & en_mask)
        if len(ej) > 1:
            zh_mask = (1 << zi.stop) - (1 << zi.start)
            count += sum(1 for b in ej if self.en_evident[b] and not self.en_links[b] & zh_mask)
        if len(zi) == len(ej) == 2 and self._splits(zi.start, ej.start):
            count += 1
        return count

    def _splits(self, a: int, b: int) -> bool:
        """Whether a 2-2 bead falls apart into two 1-1 beads that each share something and
        share nothing across."""
        first, second = self.zh_links[a], self.zh_links[a + 1]
        return bool(first >> b & 1 and second >> (b + 1) & 1
                    and not first >> (b + 1) & 1 and not second >> b & 1)


def _align(zh: list[_Sentence], en: list[_Sentence]) -> list[Bead]:
    n, m = len(zh), len(en)
    zh_total = sum(s.units for s in zh)
    en_total = sum(s.units for s in en)
    ratio = en_total / zh_total if zh_total > 0 and en_total > 0 else _DEFAULT_RATIO
    evidence = _Evidence(zh, en)
    inf = math.inf
    best = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    shapes = [(d, -math.log(p)) for d, p in _PRIORS.items()]
    for i in range(n + 1):
        for j in range(m + 1):
            here = best[i][j]
            if here == inf:
                continue
            for (di, dj), prior in shapes:
                ni, nj = i + di, j + dj
                if ni > n or nj > m:
                    continue
                cost = here + _bead_cost(evidence, range(i, ni), range(j, nj), ratio, prior)
                if cost < best[ni][nj]:
                    best[ni][nj] = cost
                    back[ni][nj] = (di, dj)
    beads: list[Bead] = []
    i, j = n, m
    while i or j:
        step = back[i][j]
        assert step is not None
        di, dj = step
        zi, ej = tuple(range(i - di, i)), tuple(range(j - dj, j))
        beads.append(Bead(
            zi, ej, best[i][j] - best[i - di][j - dj],
            tuple(Located(k, f) for k in zi for f in zh[k].facts),
            tuple(Located(k, f) for k in ej for f in en[k].facts),
            sum(zh[k].units for k in zi)))
        i, j = i - di, j - dj
    beads.reverse()
    return beads


def _bead_cost(ev: _Evidence, zi: range, ej: range, ratio: float, prior: float) -> float:
    i, ni, j, nj = zi.start, zi.stop, ej.start, ej.stop
    if ev.zh_foreign[ni] - ev.zh_foreign[i] or ev.en_foreign[nj] - ev.en_foreign[j]:
        # Words in the other language are asides (the interpreter's "好的", the speaker's
        # "Okay"), never an interpretation: they stand alone, for free.
        return 0.0 if ni - i + nj - j == 1 else math.inf
    l_zh = ev.zh_units[ni] - ev.zh_units[i]
    l_en = ev.en_units[nj] - ev.en_units[j]
    if ni == i or nj == j:
        return prior + _DROP_COST_PER_UNIT * (l_zh * ratio + l_en) / ratio
    spread = math.sqrt(_VARIANCE * ratio * (l_zh * ratio + l_en) / 2 + 1.0)
    delta = abs(l_en - ratio * l_zh) / spread
    cost = prior - math.log(max(math.erfc(delta / _SQRT2), 1e-300))
    if ni - i > 1 or nj - j > 1:
        cost += _ORPHAN_PENALTY * ev.orphans(zi, ej)
    return cost - ev.reward(zi, ej, (1 << nj) - (1 << j))


def _prefix(values: list[float]) -> list[float]:
    out = [0.0]
    for v in values:
        out.append(out[-1] + v)
    return out


_SQRT2 = math.sqrt(2)


# --- discrepancies -------------------------------------------------------------------------

def discrepancies(bead: Bead, neighbours: Sequence[Bead] = ()) -> list[Flag]:
    """What an analyst should check in one bead.

    A figure left unmatched here but stated on the other side of a neighbouring bead was
    only moved by the interpreter, so `neighbours` (the adjacent beads) excuse it.
    """
    flags: list[Flag] = []
    if bead.zh and not bead.en and bead.zh_units >= _MIN_UNTRANSLATED_CJK:
        flags.append(Flag(FlagKind.NOT_INTERPRETED, "No interpretation of this sentence"))
    zh_left, en_left = _unmatched(bead.zh_facts, bead.en_facts)
    near_en = [x.fact for nb in neighbours for x in nb.en_facts]
    near_zh = [x.fact for nb in neighbours for x in nb.zh_facts]
    zh_left = [x for x in zh_left if not any(agree(x.fact, f) for f in near_en)]
    en_left = [x for x in en_left if not any(agree(x.fact, f) for f in near_zh)]
    groups = dict.fromkeys(x.fact.group for x in [*zh_left, *en_left])
    for group in groups:
        zs = [x for x in zh_left if x.fact.group == group]
        es = [x for x in en_left if x.fact.group == group]
        weak = all(x.fact.weak for x in [*zs, *es])
        if weak:
            # Periods (Q1, April) are only compared when each side names exactly one.
            if _count(bead.zh_facts, group) == _count(bead.en_facts, group) == 1 \
                    and len(zs) == len(es) == 1:
                flags.append(_mismatch(zs[0], es[0]))
            continue
        pairs = min(len(zs), len(es))
        flags.extend(_mismatch(z, e) for z, e in zip(zs[:pairs], es[:pairs], strict=True))
        for z in zs[pairs:]:
            if not z.fact.weak:
                flags.append(Flag(FlagKind.ONLY_IN_ORIGINAL,
                                  f"{z.fact.label()} in the original is not in the interpretation",
                                  zh=z))
        for e in es[pairs:]:
            if not e.fact.weak:
                flags.append(Flag(FlagKind.ONLY_IN_INTERPRETATION,
                                  f"{e.fact.label()} in the interpretation is not in the original",
                                  en=e))
    return flags


def _count(facts: Sequence[Located], group: str) -> int:
    return sum(1 for x in facts if x.fact.group == group)


def _mismatch(z: Located, e: Located) -> Flag:
    return Flag(FlagKind.NUMBER_MISMATCH,
                f"{z.fact.label()} in the original, {e.fact.label()} in the interpretation", z, e)


def _unmatched(zh: Sequence[Located], en: Sequence[Located]
               ) -> tuple[list[Located], list[Located]]:
    """Facts of each side with no agreeing fact on the other, matched one to one."""
    used = [False] * len(en)
    zh_left: list[Located] = []
    for z in zh:
        for k, e in enumerate(en):
            if not used[k] and agree(z.fact, e.fact):
                used[k] = True
                break
        else:
            zh_left.append(z)
    return zh_left, [e for k, e in enumerate(en) if not used[k]]


# --- whole pair ----------------------------------------------------------------------------

def align_pair(zh_text: str, en_text: str) -> PairAlignment:
    """Split, align and check one Mandarin turn and its interpretation.

    All spans are offsets into `zh_text` and `en_text`.
    """
    zh_spans = split_zh(zh_text)
    en_spans = split_en(en_text)
    beads = align([zh_text[a:b] for a, b in zh_spans], [en_text[a:b] for a, b in en_spans])
    flags: list[PairFlag] = []
    for k, bead in enumerate(beads):
        neighbours = beads[max(0, k - 1):k] + beads[k + 1:k + 2]
        for flag in discrepancies(bead, neighbours):
            zh_span = _absolute(zh_spans, flag.zh)
            if flag.kind is FlagKind.NOT_INTERPRETED:
                zh_span = (zh_spans[bead.zh[0]][0], zh_spans[bead.zh[-1]][1])
            flags.append(PairFlag(flag.kind, flag.message, k, zh_span,
                                  _absolute(en_spans, flag.en)))
    links = [(list(b.zh), list(b.en)) for b in beads]
    return PairAlignment(zh_spans, en_spans, links, flags)


def _absolute(spans: list[Span], where: Located | None) -> Span | None:
    if where is None:
        return None
    base = spans[where.sentence][0]
    return base + where.fact.start, base + where.fact.end
