"""Numbers with their units, from Mandarin or English text, in one comparable form.

`一 千 零 九 十 五 亿` and `RMB 109.5 billion` both become an amount of 1.095e11;
`百分之十点七` and `10.7%` a percent of 10.7; `三十七个BP` and `37 basis points` 37 bp.
Only figures a reader would check are kept: a bare `一` or `one` (mostly an article) is not.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from enum import StrEnum

from reader.core.align.sentences import compact, compact_text


class Kind(StrEnum):
    PERCENT = "percent"
    BP = "bp"  # basis points; percentage points are converted (x100)
    AMOUNT = "amount"  # a quantity with a currency
    COUNT = "count"  # a quantity without one
    QUARTER = "quarter"  # Q1..Q4 as a period, not a length of time
    HALF = "half"  # H1, H2
    YEAR = "year"
    MONTH = "month"  # a calendar month, 1..12
    DURATION = "duration"  # a length of time, in days
    MULTIPLE = "multiple"  # 3倍, 3 times


# Kinds that a missing counterpart does not make worth a flag: interpreters add or drop
# the period being spoken about all the time ("Q1", "this year") without changing a figure.
WEAK_KINDS = frozenset({Kind.QUARTER, Kind.HALF, Kind.YEAR, Kind.MONTH})

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_DAYS = {"day": 1.0, "week": 7.0, "month": 30.4, "quarter": 91.3, "year": 365.0}


@dataclass(frozen=True, slots=True)
class NumberFact:
    """One figure: `value` in base units (percent points, bp, currency units, days...)."""

    value: float
    kind: Kind
    start: int
    end: int
    approx: bool = False
    precision: float = 1.0  # value of one unit in the last written digit (rounding slack)
    currency: str | None = None
    unit: str = ""  # the time unit a duration was given in, for display

    @property
    def group(self) -> str:
        """Facts of the same group can be compared; an amount and a count both are
        quantities because speakers often leave the currency out (`一千零九十五亿`)."""
        return "quantity" if self.kind in (Kind.AMOUNT, Kind.COUNT) else self.kind.value

    @property
    def weak(self) -> bool:
        return self.kind in WEAK_KINDS or (self.kind is Kind.DURATION and self.value <= 366)

    def label(self) -> str:
        """Normalised English reading, e.g. `RMB 109.5 billion`, `20 bp`, `Q1`."""
        head = "about " if self.approx else ""
        v = self.value
        if self.kind is Kind.PERCENT:
            return f"{head}{_fmt(v)}%"
        if self.kind is Kind.BP:
            return f"{head}{_fmt(v)} bp"
        if self.kind is Kind.QUARTER:
            return f"Q{int(v)}"
        if self.kind is Kind.HALF:
            return f"H{int(v)}"
        if self.kind is Kind.YEAR:
            return str(int(v))
        if self.kind is Kind.MONTH:
            return _MONTHS[int(v) - 1]
        if self.kind is Kind.DURATION:
            unit = self.unit or "day"
            count = v / _DAYS[unit]
            return f"{head}{_fmt(count)} {unit}{'' if abs(count - 1) < 1e-9 else 's'}"
        if self.kind is Kind.MULTIPLE:
            return f"{head}{_fmt(v)}x"
        money = f"{self.currency} " if self.currency else ""
        return f"{head}{money}{_scaled(v)}"


def agree(a: NumberFact, b: NumberFact) -> bool:
    """Whether two facts state the same figure, allowing for rounding and hedges."""
    if a.group != b.group:
        return False
    if a.kind is Kind.DURATION:
        return math.isclose(a.value, b.value, rel_tol=0.03)
    if a.approx or b.approx:
        return math.isclose(a.value, b.value, rel_tol=0.1)
    slack = max(a.precision, b.precision) / 2 + 1e-9 * max(abs(a.value), abs(b.value))
    return abs(a.value - b.value) <= slack


def _fmt(v: float) -> str:
    text = f"{v:,.4f}".rstrip("0").rstrip(".")
    return text


def _scaled(v: float) -> str:
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(v) >= size:
            return f"{_fmt(v / size)} {word}"
    return _fmt(v)


# --- Chinese numerals ----------------------------------------------------------------------

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
_CN_SMALL = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
_CN_ALL = set(_CN_DIGITS) | set(_CN_SMALL) | set(_CN_BIG)


@dataclass(frozen=True, slots=True)
class ChineseNumber:
    value: float
    precision: float
    approx: bool  # 多 inside: 两万多, 二十多万
    digit_string: bool  # only digits, no 十/百/万: read as 二三 -> 23 (years, 三四月)


def parse_chinese(text: str) -> ChineseNumber | None:
    """Value of a Chinese numeral such as 一千零九十五亿, 十点七, 二十多万, 三千五, 二零二三.

    Returns None for text that is not one numeral.
    """
    body, point, frac = text.partition("点")
    scale = 1
    while frac and frac[-1] in _CN_BIG:  # 五点六亿, 一点二万亿
        scale *= _CN_BIG[frac[-1]]
        frac = frac[:-1]
    if point and not frac:
        return None
    approx = "多" in body
    body = body.replace("多", "")
    if not body or any(ch not in _CN_ALL for ch in body):
        return None
    if frac and any(ch not in _CN_DIGITS for ch in frac):
        return None
    if all(ch in _CN_DIGITS for ch in body) and len(body) > 1:
        value = float("".join(str(_CN_DIGITS[ch]) for ch in body))
        return ChineseNumber(value, 1.0, approx, True)
    total = 0  # finished 亿 / 万 groups
    section = 0  # below the current 万
    digit: int | None = None
    last_place = 1
    zero_seen = False
    after_unit = False  # the trailing digit of 三千五 follows a unit directly
    for ch in body:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
            zero_seen = zero_seen or digit == 0
            continue
        after_unit = True
        if ch in _CN_SMALL:
            unit = _CN_SMALL[ch]
            section += (1 if digit is None else digit) * unit
            last_place, digit, zero_seen = unit, None, False
            continue
        unit = _CN_BIG[ch]
        section += digit or 0
        if digit:
            last_place = 1
        if section == 0 and total:  # 万亿: scale what came before
            total *= unit
        else:
            total += section * unit
        last_place *= unit
        section, digit, zero_seen = 0, None, False
    if digit:
        if last_place >= 100 and not zero_seen and after_unit:  # 三千五 = 3500, 一百五 = 150
            section += digit * last_place // 10
            last_place //= 10
        else:
            section += digit
            last_place = 1
    value = float(total + section)
    precision = float(last_place) if last_place >= 10**4 else 1.0
    if frac:
        value += float("0." + "".join(str(_CN_DIGITS[ch]) for ch in frac))
        precision = 10.0 ** -len(frac)
    return ChineseNumber(value * scale, precision * scale, approx, False)


# --- English number words ------------------------------------------------------------------

_EN_SMALL = {w: i for i, w in enumerate((
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen"))}
_EN_TENS = {w: 10 * (i + 2) for i, w in enumerate((
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"))}
_EN_SCALE = {"hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9,
             "trillion": 1e12}
_WORD = "|".join(sorted([*_EN_SMALL, *_EN_TENS], key=len, reverse=True))
_EN_WORDS = re.compile(
    rf"(?<![A-Za-z-])(?:({'|'.join(_EN_TENS)})-({'|'.join(list(_EN_SMALL)[1:10])})|({_WORD}))"
    r"(?![A-Za-z])", re.IGNORECASE)
_EN_ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3,
               "4th": 4}

# --- patterns over the compacted text ------------------------------------------------------

_ARABIC = re.compile(r"(\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.(\d+))?")
_SCALE_CN = re.compile(r"(多|余)?(万亿|亿|万|千|百)?")
_SCALE_EN = re.compile(
    r"(?:\s?(thousand|million|billion|trillion)|(k|K|mn|m|M|bn|b|B|tn)(?![A-Za-z]))")
_UNIT = re.compile(
    r"\s?-?\s?(?:"
    r"(?P<pct>%|％|\s?percent(?![A-Za-z])|\s?per\s?cent(?![A-Za-z])|\s?pct(?![A-Za-z]))"
    r"|(?P<pp>个百分点|百分点|个点|\s?percentage\s?points?(?![A-Za-z])|\s?ppts?(?![A-Za-z])"
    r"|pp(?![A-Za-z]))"
    r"|(?P<bp>个BP|个bp|个基点|基点|BPS|bps|BP|bp|\s?basis\s?points?(?![A-Za-z])"
    r"|\s?bips(?![A-Za-z]))"
    r"|(?P<qd>个季度)|(?P<quarter>季度|季)"
    r"|(?P<md>个月)|(?P<month>月份|月)"
    r"|(?P<year>年)"
    r"|(?P<day>天)|(?P<week>周|个星期|星期)"
    r"|(?P<endur>\s?(?:day|week|month|quarter|year)s?(?![A-Za-z]))"
    r"|(?P<times>倍|\s?times(?![A-Za-z])|x(?![A-Za-z]))"
    r"|(?P<money>美元|美金|港元|港币|人民币|元|块钱|块|\s?yuan(?![A-Za-z])|\s?RMB(?![A-Za-z])"
    r"|\s?dollars?(?![A-Za-z]))"
    r")")
_CURRENCY_BEFORE = re.compile(
    r"(RMB|CNY|USD|US\$|HK\$|HKD|\$|¥|￥|人民币)\s?$")
_APPROX_BEFORE = re.compile(
    r"(超过|超|逾|约|大约|大概|接近|将近|近|多于|高于|不到|少于|低于|差不多"
    r"|(?<![A-Za-z])(?:over|more than|above|approximately|approx\.|about|around|nearly"
    r"|almost|roughly|close to|some|up to|at least|less than|under|below|~))了?\s?$",
    re.IGNORECASE)
_APPROX_AFTER = re.compile(r"(多|余|以上|左右|上下|以下|\+|\s?plus(?![A-Za-z])|\s?or so)")
_QUARTER_LATIN = re.compile(
    r"(?<![A-Za-z0-9])(?:Q([1-4])|([1-4])Q)(?:'?\d{2}(?!\d))?(?![A-Za-z0-9])")
_QUARTER_WORD = re.compile(r"(?<![A-Za-z])(first|second|third|fourth|1st|2nd|3rd|4th)[\s-]quarter",
                           re.IGNORECASE)
_HALF = re.compile(r"(?<![A-Za-z0-9])(?:H([12])|([12])H)(?![A-Za-z0-9])|(上|下)半年"
                   r"|(?<![A-Za-z])(first|second) half", re.IGNORECASE)
_MONTH_NAME = re.compile(r"(?<![A-Za-z])(" + "|".join(_MONTHS) + r")(?![A-Za-z])")
_MAY_CONTEXT = re.compile(r"(?:in|since|by|of|from|to|early|late|mid|end|until|through)[\s-]$",
                          re.IGNORECASE)
_HAS_LETTERS = re.compile("[A-Za-z]{3}")
_DIGIT_NEXT = re.compile(r"\s?\d")
_SCALE_WORD = re.compile(r"\s(hundred|thousand|million|billion|trillion)(?![A-Za-z])")
_FY = re.compile(r"(?<![A-Za-z])FY\s?'?(\d{4}|\d{2})(?!\d)")
_VAGUE = "几数"  # 几十, 数十, 十几: no figure
_PERCENT_RANGE = re.compile(r"百分之[零〇一二两三四五六七八九十百点]+(?:到|至|-|~|～)$")
_RELATIVE_QUARTER = "这每上下该同本前后单"  # 上一季度 = last quarter, not Q1




@dataclass(frozen=True, slots=True)
class _Core:
    """A bare number in the compacted text, before its unit is known."""

    start: int
    end: int
    value: float
    precision: float
    approx: bool
    chinese: bool
    digit_string: bool  # read digit by digit (二三, 2023): how years are said
    scaled: bool  # a scale word or character was part of it (万, million)


@dataclass(frozen=True, slots=True)
class _Hit:
    start: int
    end: int
    value: float
    kind: Kind
    approx: bool = False
    precision: float = 1.0
    currency: str | None = None
    unit: str = ""


def extract_numbers(text: str, flat: str | None = None) -> list[NumberFact]:
    """Every figure in `text` (either language), with spans into `text`, in reading order.

    `flat` is `compact_text(text)` when the caller already has it.
    """
    if flat is None:
        flat = compact_text(text)
    taken = [False] * len(flat)
    hits: list[_Hit] = []

    def add(hit: _Hit) -> None:
        if hit.start >= hit.end or any(taken[hit.start:hit.end]):
            return
        for k in range(hit.start, hit.end):
            taken[k] = True
        hits.append(hit)

    for hit in _period_hits(flat):
        add(hit)
    for core in _cores(flat, taken):
        for hit in _read(flat, core):
            add(hit)
    if not hits:
        return []
    where = compact(text)[1]  # only now: mapping offsets back is the slow part
    facts = [NumberFact(h.value, h.kind, where[h.start], where[h.end - 1] + 1, h.approx,
                        h.precision, h.currency, h.unit) for h in hits]
    facts.sort(key=lambda f: (f.start, f.end))
    return facts


def _period_hits(flat: str) -> list[_Hit]:
    """Quarters, halves, fiscal years and month names: periods written without a count."""
    out: list[_Hit] = []
    for m in _QUARTER_LATIN.finditer(flat):
        out.append(_Hit(m.start(), m.end(), float(m.group(1) or m.group(2)), Kind.QUARTER))
    for m in _QUARTER_WORD.finditer(flat):
        out.append(_Hit(m.start(), m.end(), float(_EN_ORDINAL[m.group(1).lower()]),
                        Kind.QUARTER))
    for m in _HALF.finditer(flat):
        if m.group(3):
            value = 1.0 if m.group(3) == "上" else 2.0
        elif m.group(4):
            value = 1.0 if m.group(4).lower() == "first" else 2.0
        else:
            value = float(m.group(1) or m.group(2))
        out.append(_Hit(m.start(), m.end(), value, Kind.HALF))
    for m in _FY.finditer(flat):
        out.append(_Hit(m.start(), m.end(), float(_full_year(m.group(1))), Kind.YEAR))
    for m in _MONTH_NAME.finditer(flat):
        if m.group(1) == "May" and not (_MAY_CONTEXT.search(flat[max(0, m.start() - 12):
                                                                  m.start()])
                                        or _DIGIT_NEXT.match(flat, m.end())):
            continue  # the verb
        out.append(_Hit(m.start(), m.end(), float(_MONTHS.index(m.group(1)) + 1), Kind.MONTH))
    return out


def _full_year(raw: str) -> int:
    year = int(raw)
    if len(raw) == 2:
        year += 1900 if year >= 50 else 2000
    return year


_LETTER_SCALE = {"k": "thousand", "K": "thousand", "m": "million", "M": "million",
                 "mn": "million", "bn": "billion", "b": "billion", "B": "billion",
                 "tn": "trillion"}


def _cores(flat: str, taken: list[bool]) -> list[_Core]:
    """The bare numbers (Arabic, Chinese, English words) with any scale attached."""
    out = _arabic_cores(flat, taken)
    out.extend(_chinese_cores(flat, taken))
    if not _HAS_LETTERS.search(flat):
        return out
    for m in _EN_WORDS.finditer(flat):
        if any(taken[m.start():m.end()]):
            continue
        if m.group(3):
            word = m.group(3).lower()
            value = float(_EN_SMALL.get(word, _EN_TENS.get(word, 0)))
        else:
            value = float(_EN_TENS[m.group(1).lower()] + _EN_SMALL[m.group(2).lower()])
        end = m.end()
        scale_m = _SCALE_WORD.match(flat, end)
        scaled = False
        if scale_m:
            value *= _EN_SCALE[scale_m.group(1)]
            end = scale_m.end()
            scaled = True
        out.append(_Core(m.start(), end, value, 1.0, False, False, False, scaled))
    return out


def _arabic_cores(flat: str, taken: list[bool]) -> list[_Core]:
    out: list[_Core] = []
    for m in _ARABIC.finditer(flat):
        if any(taken[m.start():m.end()]):
            continue
        before = flat[m.start() - 1] if m.start() else ""
        if before.isascii() and before.isalpha() and not _CURRENCY_BEFORE.search(
                flat[max(0, m.start() - 8):m.start()]):
            continue  # M2, N1, GPT4: names, not figures
        decimals = len(m.group(2) or "")
        value = float(m.group(1).replace(",", "") + ("." + m.group(2) if decimals else ""))
        precision = 10.0 ** -decimals
        end = m.end()
        approx = scaled = False
        cn = _SCALE_CN.match(flat, end)
        en = _SCALE_EN.match(flat, end)
        if cn and cn.group(2):
            scale = {"万亿": 1e12, "亿": 1e8, "万": 1e4, "千": 1e3, "百": 1e2}[cn.group(2)]
            value, precision, end = value * scale, precision * scale, cn.end()
            approx, scaled = bool(cn.group(1)), True
        elif en:
            scale = _EN_SCALE[en.group(1) or _LETTER_SCALE[en.group(2)]]
            value, precision, end, scaled = value * scale, precision * scale, en.end(), True
        nxt = flat[end] if end < len(flat) else ""
        if nxt.isascii() and nxt.isalpha() and not _UNIT.match(flat, end) \
                and flat[end:end + 2] not in ("st", "nd", "rd", "th"):
            continue  # 5G, 3D, 2FA: names again
        digit_string = not decimals and m.group(1).isdigit() and not scaled
        out.append(_Core(m.start(), end, value, precision, approx, False, digit_string, scaled))
    return out


_CN_RUN = re.compile("[零〇一二两兩三四五六七八九十百千万萬亿億]"
                     "(?:[零〇一二两兩三四五六七八九十百千万萬亿億]"
                     "|点(?=[零〇一二两兩三四五六七八九])"
                     "|(?<=[十百千万萬])多(?=[万萬亿億]))*")


def _chinese_cores(flat: str, taken: list[bool]) -> list[_Core]:
    out: list[_Core] = []
    n = len(flat)
    for m in _CN_RUN.finditer(flat):
        start, end = m.span()
        if taken[start]:
            continue
        if any(taken[start:end]):
            end = taken.index(True, start, end)
        word = flat[start:end]
        percent = flat[max(0, start - 3):start] == "百分之"
        if word[0] in "百千万萬亿億" and not (percent and word[0] == "百"):
            continue  # 千万 (by all means), 万一, the 百 of 百分之: not figures
        if (start and flat[start - 1] in _VAGUE) or (end < n and flat[end] in _VAGUE):
            continue
        if word == "十" and end < n and flat[end] == "分":
            continue  # 十分 = very
        parsed = parse_chinese(word)
        if parsed is None:
            continue
        scaled = any(ch in _CN_BIG for ch in word)
        out.append(_Core(start, end, parsed.value, parsed.precision, parsed.approx, True,
                         parsed.digit_string, scaled))
    return out


def _read(flat: str, core: _Core) -> list[_Hit]:
    """Decide what a bare number is from the words around it."""
    start, end, value = core.start, core.end, core.value
    approx = core.approx or bool(_APPROX_BEFORE.search(flat[max(0, start - 24):start]))
    unit_at = end
    more = _APPROX_AFTER.match(flat, end)
    if more and more.group(1) in ("多", "余"):
        approx, unit_at = True, more.end()
    if flat[max(0, start - 3):start] == "百分之":
        return [_Hit(start - 3, unit_at, value, Kind.PERCENT, approx, core.precision)]
    if _PERCENT_RANGE.search(flat[max(0, start - 12):start]):  # 百分之十五到二十
        return [_Hit(start, unit_at, value, Kind.PERCENT, approx, core.precision)]
    unit = _UNIT.match(flat, unit_at)
    group = unit.lastgroup if unit else None
    if start and flat[start - 1] == "第":
        if group == "quarter" and 1 <= value <= 4:
            return [_Hit(start - 1, unit.end() if unit else end, value, Kind.QUARTER)]
        return []  # 第一, 第二: ordinals, not figures
    if unit is None or group in ("pct", "pp", "bp", "times", "money"):
        return _quantity(flat, core, unit, unit_at, value, approx)
    assert unit is not None
    stop = unit.end()
    if group == "quarter":
        if not (1 <= value <= 4 and value == int(value)) or core.scaled or (
                start and flat[start - 1] in _RELATIVE_QUARTER):
            return []
        return [_Hit(start, stop, value, Kind.QUARTER)]
    if group == "month":
        word = flat[start:end]
        if core.chinese and core.digit_string and len(word) == 2:  # 三四月: March and April
            months = [float(_CN_DIGITS[ch]) for ch in word]
            return [_Hit(start, start + 1, months[0], Kind.MONTH),
                    _Hit(start + 1, stop, months[1], Kind.MONTH)]
        if not (1 <= value <= 12 and value == int(value)):
            return []
        return [_Hit(start, stop, value, Kind.MONTH)]
    if group == "year":
        word = flat[start:end]
        if core.digit_string and len(word) in (2, 4) and (core.chinese or value >= 15):
            digits = f"{int(value):0{len(word)}d}"
            return [_Hit(start, stop, float(_full_year(digits)), Kind.YEAR)]
        return _duration(start, stop, value, "year", approx)
    if group == "endur":
        return _duration(start, stop, value, unit.group(0).strip(" -").lower().rstrip("s"),
                         approx)
    name = {"qd": "quarter", "md": "month", "day": "day", "week": "week"}[str(group)]
    return _duration(start, stop, value, name, approx)


def _quantity(flat: str, core: _Core, unit: re.Match[str] | None, unit_at: int,
              value: float, approx: bool) -> list[_Hit]:
    """A percent, bp, multiple, amount or count."""
    start, stop = core.start, unit.end() if unit else unit_at
    group = unit.lastgroup if unit else None
    precision = core.precision
    currency: str | None = None
    kind = Kind.COUNT
    if group == "pct":
        kind = Kind.PERCENT
    elif group == "pp":
        kind, value, precision = Kind.BP, value * 100, precision * 100
    elif group == "bp":
        kind = Kind.BP
    elif group == "times":
        kind = Kind.MULTIPLE
    elif group == "money":
        kind = Kind.AMOUNT
        assert unit is not None
        word = unit.group(0).strip()
        currency = ("USD" if "dollar" in word or word in ("美元", "美金")
                    else "HKD" if word in ("港元", "港币") else "RMB")
    sign = _CURRENCY_BEFORE.search(flat[max(0, start - 8):start])
    if sign and kind in (Kind.COUNT, Kind.AMOUNT):
        kind = Kind.AMOUNT
        symbol = sign.group(1)
        currency = ("USD" if symbol in ("$", "US$", "USD")
                    else "HKD" if symbol in ("HK$", "HKD") else "RMB")
    if kind is Kind.COUNT and unit is None and not core.chinese and core.digit_string \
            and len(flat[start:core.end]) == 4 and 1950 <= value <= 2099:
        return [_Hit(start, stop, value, Kind.YEAR)]
    if kind is Kind.COUNT and value < 10 and not core.scaled:
        return []  # "one of", 一个: articles, not figures
    tail = _APPROX_AFTER.match(flat, stop)
    if tail:
        approx, stop = True, tail.end()
    return [_Hit(start, stop, value, kind, approx, precision, currency)]


def _duration(start: int, end: int, value: float, unit: str, approx: bool) -> list[_Hit]:
    if unit not in _DAYS:
        return []
    return [_Hit(start, end, value * _DAYS[unit], Kind.DURATION, approx, unit=unit)]
