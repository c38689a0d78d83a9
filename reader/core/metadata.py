"""Recognising and normalising call metadata: fiscal periods, dates, tickers.

Every layout writes these differently ("2023-Q4", "first quarter 2024", "5/20/2024",
"May 18, 2023"); the outline always stores `Q1 2023` / `H1 2024` / `FY 2024` and ISO dates.
"""

from __future__ import annotations

import re
from datetime import date

_MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august",
     "september", "october", "november", "december"], start=1)}
_MONTHS.update({name[:3]: i for name, i in list(_MONTHS.items())})
_MONTHS["sept"] = 9

_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3,
             "4th": 4}
_ZH_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}

_MONTH_WORD = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_DATE_PATTERNS = [
    # May 18, 2023 / May 18 2023 / Sept. 5, 2024
    re.compile(rf"(?:\b|(?<=[a-z]))(?P<mon>{_MONTH_WORD})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b", re.I),
    # 18 May 2023
    re.compile(rf"\b(?P<day>\d{{1,2}})\s+(?P<mon>{_MONTH_WORD})\.?,?\s+(?P<year>(?:19|20)\d\d)\b", re.I),
    # 2023-05-18 / 2023/05/18
    re.compile(r"\b(?P<year>(?:19|20)\d\d)[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})\b"),
    # 5/20/2024 (US order, as the layouts we see use)
    re.compile(r"\b(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>(?:19|20)\d\d)\b"),
    # 2024年5月20日
    re.compile(r"(?P<year>(?:19|20)\d\d)\s*年\s*(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日"),
]

_YEAR = r"(?P<year>(?:19|20)\d\d|'?\d\d)"
_PERIOD_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(rf"\b{_YEAR}\s*[-_ ]?\s*Q(?P<q>[1-4])\b", re.I), "Q"),          # 2023-Q4
    (re.compile(rf"\bF?Q(?P<q>[1-4])\s*[-_ ]?\s*(?:FY\s*)?{_YEAR}\b", re.I), "Q"),  # Q1 2023, FQ3 2024
    (re.compile(rf"\b(?P<q>[1-4])Q\s*(?:FY)?{_YEAR}\b", re.I), "Q"),              # 1Q23
    (re.compile(rf"\b(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter(?:\s+(?:of\s+)?(?:fiscal\s+(?:year\s+)?)?{_YEAR})\b", re.I), "Q"),
    # "fourth quarter and full year 2019": a Q4 call that also closes the year
    (re.compile(rf"\b(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter\s+and\s+(?:full|fiscal)[\s-]+year\s+{_YEAR}\b", re.I), "Q"),
    (re.compile(rf"\b(?:fiscal\s+)?{_YEAR}\s+(?P<q>first|second|third|fourth)[\s-]+quarter\b", re.I), "Q"),
    (re.compile(rf"\bH(?P<q>[12])\s*[-_ ]?\s*(?:FY\s*)?{_YEAR}\b", re.I), "H"),
    (re.compile(rf"\b{_YEAR}\s*[-_ ]?\s*H(?P<q>[12])\b", re.I), "H"),
    (re.compile(rf"\b(?P<q>first|second)[\s-]+half(?:\s+(?:of\s+)?{_YEAR})\b", re.I), "H"),
    (re.compile(rf"\b(?:FY|fiscal\s+year|full[\s-]+year)\s*'?{_YEAR}\b", re.I), "FY"),
    (re.compile(rf"\b{_YEAR}\s+(?:full[\s-]+year|fiscal\s+year|annual)\b", re.I), "FY"),
    (re.compile(r"(?P<year>(?:19|20)\d\d)\s*年?\s*第?\s*(?P<q>[一二三四1-4])\s*季(?:度)?"), "Q"),
    (re.compile(r"(?P<year>(?:19|20)\d\d)\s*年?\s*(?P<q>[上下])\s*半年"), "H"),
    (re.compile(r"(?P<year>(?:19|20)\d\d)\s*(?:财年|財年|全年|年度)"), "FY"),
]


def _full_year(raw: str) -> int | None:
    digits = raw.lstrip("'")
    if len(digits) == 4:
        return int(digits)
    if len(digits) == 2:
        return 2000 + int(digits)
    return None


def normalize_period(text: str) -> str | None:
    """The first fiscal period named in `text`, as `Q1 2023`, `H1 2024` or `FY 2024`."""
    best: tuple[int, str] | None = None
    for pattern, kind in _PERIOD_PATTERNS:
        m = pattern.search(text)
        if not m:
            continue
        year = _full_year(m.group("year"))
        if year is None or not 1990 <= year <= 2099:
            continue
        if kind == "FY":
            label = f"FY {year}"
        else:
            q = m.group("q").lower()
            num = _ORDINALS.get(q) or _ZH_DIGITS.get(q) or {"上": 1, "下": 2}.get(q)
            if num is None:
                num = int(q)
            label = f"{kind}{num} {year}"
        if best is None or m.start() < best[0]:
            best = (m.start(), label)
    return best[1] if best else None


def parse_date(text: str) -> str | None:
    """The first calendar date written in `text`, as `YYYY-MM-DD`."""
    best: tuple[int, str] | None = None
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            groups = m.groupdict()
            month = (_MONTHS.get(groups["mon"].lower().rstrip(".")) if groups.get("mon")
                     else int(groups["month"]))
            try:
                iso = date(int(groups["year"]), month or 0, int(groups["day"])).isoformat()
            except ValueError:
                continue
            if best is None or m.start() < best[0]:
                best = (m.start(), iso)
            break
    return best[1] if best else None


_TICKER = re.compile(
    r"\b(?P<exchange>NASDAQ|NYSE(?:\s?American|\s?Arca)?|NasdaqGS|NasdaqGM|AMEX|HKEX|HKG|SEHK|OTC)\s*:\s*(?P<symbol>[A-Z0-9][A-Z0-9.]{0,9})\b")
_TICKER_PAREN = re.compile(r"\((?:(?:NASDAQ|NYSE|HKEX|HKG|SEHK)\s*:\s*)?(?P<symbol>[A-Z]{1,5}(?:\.[A-Z]{1,2})?|\d{4,5}\.HK)(?:\s*[+\-−]\s*\d+(?:\.\d+)?%)?\)")


def find_ticker(text: str) -> str | None:
    """A ticker written as `NASDAQ:LX`, `(NYSE: BABA)` or `(9988.HK)`."""
    m = _TICKER.search(text)
    if m:
        return m.group("symbol")
    m = _TICKER_PAREN.search(text)
    return m.group("symbol") if m else None


_FIELD = re.compile(
    r"^[#*_>\s]*(?P<key>company(?:\s+name)?|issuer|ticker|symbol|stock\s+code|quarter|"
    r"fiscal\s+(?:quarter|period)|period|(?:call\s+|event\s+)?date|title|"
    r"公司(?:名称|名稱)?|股票代码|股票代碼|代码|代碼|季度|期间|期間|日期|会议日期|會議日期)"
    r"[*_\s]*[:：][*_\s]*(?P<value>\S.*?)[*_\s]*$", re.I)
_FIELD_OF = {"company": "company", "companyname": "company", "issuer": "company",
             "公司": "company", "公司名称": "company", "公司名稱": "company",
             "ticker": "ticker", "symbol": "ticker", "stockcode": "ticker", "股票代码": "ticker",
             "股票代碼": "ticker", "代码": "ticker", "代碼": "ticker",
             "quarter": "period", "fiscalquarter": "period", "fiscalperiod": "period",
             "period": "period", "季度": "period", "期间": "period", "期間": "period",
             "date": "date", "calldate": "date", "eventdate": "date", "日期": "date",
             "会议日期": "date", "會議日期": "date", "title": "title"}
_SYMBOL = re.compile(r"(?:[A-Z]{2,6}\s*:\s*)?(?P<symbol>[A-Z][A-Z0-9]{0,5}(?:\.[A-Z]{1,2})?|\d{4,6}(?:\.HK)?)")
_TRAILING_PAREN = re.compile(r"\s*[(（][^()（）]*[)）]\s*$")


def header_field(line: str) -> tuple[str, str] | None:
    """`("company", "MongoDB")` from a header line such as `Company: MongoDB (MongoDB)`,
    `**Date:** 2025-07-31` or `股票代码：BABA`; None for any other line.

    Values come back normalised (period `Q1 2025`, ISO date, bare ticker); a value that
    does not read as its field gives None.
    """
    m = _FIELD.match(line)
    if m is None or len(line) > 200:
        return None
    field = _FIELD_OF.get(re.sub(r"\s+", "", m.group("key")).casefold())
    value = m.group("value").strip()
    if field is None or not value:
        return None
    if field == "company":
        value = _TRAILING_PAREN.sub("", value).strip(" ,;") or value
        return ("company", value) if len(value) <= 80 else None
    if field == "ticker":
        t = _SYMBOL.fullmatch(value.strip())
        return ("ticker", t.group("symbol")) if t else None
    if field == "period":
        period = normalize_period(value)
        return ("period", period) if period else None
    if field == "date":
        iso = parse_date(value) or parse_compact_date(value)
        return ("date", iso) if iso else None
    return ("title", value)


_COMPACT_DATE = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)(?P<month>0[1-9]|1[0-2])"
                           r"(?P<day>0[1-9]|[12]\d|3[01])(?!\d)")


def parse_compact_date(text: str) -> str | None:
    """A date written `20240515`, as file names and Chinese minutes' titles do."""
    m = _COMPACT_DATE.search(text)
    if m is None:
        return None
    try:
        return date(int(m["year"]), int(m["month"]), int(m["day"])).isoformat()
    except ValueError:
        return None


_NAME_TICKER = re.compile(r"(?<![A-Za-z0-9])(?P<symbol>[A-Z]{1,5}(?:\.[A-Z]{1,2})?|\d{4,5}\.HK)"
                          r"(?![A-Za-z0-9])")
_NOT_TICKERS = frozenset({"Q", "FY", "H", "EN", "ZH", "CN", "US", "HK", "TXT", "PDF", "JSON",
                          "HTML", "DOCX", "VTT", "SRT", "MD", "CSV", "EPS", "ET", "QA", "AI",
                          "AM", "PM", "CEO", "CFO", "IR", "FINAL", "EDITED", "RAW"})


def meta_from_file_name(name: str) -> tuple[str | None, str | None, str | None]:
    """(ticker, period, date) as a file name writes them: `AAPL_Q3_2024.txt`,
    `maec__AAPL__20150721.txt`, `foo__MDB__Q1_2025.txt`. A last resort, after the text."""
    stem = name.rsplit("/", 1)[-1]
    stem = stem[:stem.rfind(".")] if "." in stem[1:] else stem
    spaced = re.sub(r"[_\s]+", " ", stem)
    ticker = None
    for m in _NAME_TICKER.finditer(spaced):
        symbol = m.group("symbol")
        if symbol not in _NOT_TICKERS and not re.fullmatch(r"[QH][1-4]|FY\d*", symbol):
            ticker = symbol
            break
    return ticker, normalize_period(spaced), parse_compact_date(stem)
