"""The library's call metadata as a person works with it: companies grouped across renames,
the filter text, and checking values a user types in.

A company that changed its name (or is spelled two ways by two sites) has one ticker: calls
are grouped by ticker, and calls without one join the group whose company name they share.
A call with neither stands alone under its file name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from reader.core.anchoring import TranscriptInfo
from reader.core.metadata import normalize_period, parse_date

_TICKER = re.compile(r"(?:[A-Za-z]{2,10}\s*:\s*)?([A-Za-z0-9][A-Za-z0-9.\-]{0,11})")
_COMPANY_MAX = 120
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


@dataclass(frozen=True, slots=True)
class CompanyGroup:
    """Calls of one company, whatever it was called on each."""

    name: str
    """The company as its latest call names it (else the ticker, else the file name)."""
    ticker: str | None
    names: tuple[str, ...]
    """Every company name its calls carry, latest first."""
    transcript_ids: tuple[int, ...]
    """Its calls, latest first."""


def _fold(text: str) -> str:
    text = " ".join(text.split()).casefold()
    if _HAN.search(text):
        from reader.core.convert import normalize_for_search  # OpenCC, only for Chinese

        text = normalize_for_search(text)
    return text


def _name_key(company: str) -> str:
    return re.sub(r"[^\w]+", " ", _fold(company)).strip()


def _recency(info: TranscriptInfo) -> tuple[str, str, str]:
    """Newer calls sort higher: by date, then period (year, then part), then import time."""
    period = normalize_period(info.period or "") or ""
    m = re.match(r"(Q|H|FY) ?(\d)? ?(\d{4})", period.replace("FY ", "FY 0 "))
    period_key = f"{m.group(3)}{m.group(1)}{m.group(2) or ''}" if m else ""
    return (info.date or "", period_key, info.imported_at.isoformat())


def group_companies(infos: Iterable[TranscriptInfo]) -> list[CompanyGroup]:
    """Calls grouped by company (see the module docstring), groups by name."""
    calls = sorted(infos, key=_recency, reverse=True)
    parent = list(range(len(calls)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first: dict[str, int] = {}
    for i, info in enumerate(calls):
        keys = []
        if info.ticker:
            keys.append("t:" + info.ticker.casefold())
        if info.company and _name_key(info.company):
            keys.append("n:" + _name_key(info.company))
        for key in keys:
            if key in first:
                parent[root(i)] = root(first[key])
            else:
                first[key] = i
    members: dict[int, list[int]] = {}
    for i in range(len(calls)):
        members.setdefault(root(i), []).append(i)
    groups = []
    for idx in members.values():
        group = [calls[i] for i in idx]
        names = tuple(dict.fromkeys(c.company for c in group if c.company))
        ticker = next((c.ticker for c in group if c.ticker), None)
        name = names[0] if names else ticker or group[0].source_name
        groups.append(CompanyGroup(name, ticker, names, tuple(c.id for c in group)))
    return sorted(groups, key=lambda g: (_fold(g.name), g.transcript_ids))


def matches_filter(info: TranscriptInfo, text: str) -> bool:
    """Whether a library row shows under the filter `text`: part of its company, ticker, title
    or file name, any case, Chinese in either script."""
    needle = _fold(text.strip())
    if not needle:
        return True
    return any(needle in _fold(v) for v in (info.company, info.ticker, info.title,
                                           info.source_name) if v)


def clean_value(field: str, raw: str) -> str:
    """A value typed for `field` as stored ('' for none); ValueError with a one-line reason."""
    value = " ".join(raw.split())
    if not value:
        return ""
    if field == "company":
        if len(value) > _COMPANY_MAX:
            raise ValueError(f"company: at most {_COMPANY_MAX} characters")
        return value
    if field == "ticker":
        m = _TICKER.fullmatch(value)
        if m is None:
            raise ValueError(f"ticker {raw!r}: letters, digits and dots, like QFIN or 9988.HK")
        return m.group(1).upper()
    if field == "period":
        period = normalize_period(value)
        if period is None:
            raise ValueError(f"period {raw!r}: write it like Q3 2024, 2024Q3, H1 2024 or FY 2024")
        return period
    if field == "date":
        iso = parse_date(value)
        if iso is None:
            try:
                iso = date.fromisoformat(value).isoformat()
            except ValueError:
                raise ValueError(f"date {raw!r}: write it like 2024-08-14 or Aug 14, 2024"
                                 ) from None
        return iso
    raise ValueError(f"{field}: not a field that can be edited (company, ticker, period, date)")


def group_of(groups: Sequence[CompanyGroup], transcript_id: int) -> CompanyGroup | None:
    return next((g for g in groups if transcript_id in g.transcript_ids), None)
