"""The call's period and ticker, from what is said in its first minutes."""

from __future__ import annotations

from collections import Counter

from reader.core.draft import Draft
from reader.core.formats.earningscall import patterns as pat
from reader.core.formats.earningscall.units import Slot, Unit
from reader.core.metadata import find_ticker, normalize_period
from reader.core.model import SectionKind


def meta_from_call(units: list[Unit], draft: Draft) -> None:
    meta = draft.meta
    # The call is named in its first minutes: the welcome, IR's opening, the CFO's.
    opening = [u for u in units[:pat.PERIOD_UNITS] if u.section is SectionKind.PRESENTATION]
    meta.period = _vote_period(opening or units[:5], draft)
    if meta.ticker is None:
        head = " ".join(u.text[:2000] for u in opening[:4])
        meta.ticker = find_ticker(head)


def _vote_period(units: list[Unit], draft: Draft) -> str | None:
    """The period the call is about, by vote of the sentences that name the call.

    Speech recognition garbles these ("third quarter" in a first-quarter call), so the
    first mention is not trusted: the operator's welcome counts double, and a bare
    "first quarter earnings call" still votes for the quarter.
    """
    periods: Counter[str] = Counter()
    years: dict[str, Counter[int]] = {}
    order: dict[str, int] = {}
    for unit in units:
        weight = 2 if unit.slot is Slot.OPERATOR else 1
        text = unit.text[:20_000]
        if not pat.PERIOD_SENTENCE.search(text):  # most units name no call: skip the split
            continue
        for sentence in pat.SENTENCE.findall(text):
            if not pat.PERIOD_SENTENCE.search(sentence):
                continue
            both = pat.QUARTER_AND_YEAR.search(sentence)
            label = (f"Q{pat.ORDINAL[both.group(1).lower()]} {both.group(2)}" if both
                     else normalize_period(sentence))
            if label:
                part, said_year = label.split()
                years.setdefault(part, Counter())[int(said_year)] += weight
            else:
                q = pat.YEARLESS_QUARTER.search(sentence)
                if not q:
                    continue
                part = f"Q{pat.ORDINAL.get((q.group(1) or '').lower()) or q.group(2)}"
            periods[part] += weight
            order.setdefault(part, len(order))
    if not periods:
        return None
    part = max(periods, key=lambda p: (periods[p], -order[p]))
    if part in years:
        year = max(years[part], key=lambda y: (years[part][y], y))
    else:
        all_years: Counter[int] = Counter()
        for c in years.values():
            all_years.update(c)
        if all_years:
            year = max(all_years, key=lambda y: (all_years[y], y))
        elif draft.meta.date:
            year = int(draft.meta.date[:4])
            month = int(draft.meta.date[5:7])
            if part in ("Q4", "H2", "FY") and month <= 4:
                year -= 1
        else:
            return None
    return f"{part} {year}"
