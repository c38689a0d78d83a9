"""The Quartr-style page: title, date and `Transcript`, then `Name (Role)` turn headers.

Page chrome ("Sign in", "You're signed out...") comes before the title line
`Company - Q1 2023`; each turn is a `Name (Role)` line followed by blank-line-separated
paragraphs.
"""

from __future__ import annotations

import re

from reader.core.draft import Draft, DraftTurn
from reader.core.metadata import find_ticker, normalize_period, parse_date
from reader.core.model import Meta
from reader.core.roles import kind_from_role
from reader.core.textspans import Line, lines, paragraphs

_HEADER = re.compile(
    r"(?P<name>[A-Z][\w'’.\-]{0,30}(?:[ \u00a0][A-Za-z][\w'’.\-]{0,30}){0,5})"
    r"[ \u00a0]?\((?P<role>[^()\n]{1,120})\)")
_TITLE = re.compile(r"(?P<company>.{1,120}?)\s+[-–—]\s+(?P<period>.{2,40})")
_MARKER = "Transcript"
_HEAD_LINES = 40


def _is_header(all_lines: list[Line], i: int) -> re.Match[str] | None:
    """A `Name (Role)` line standing alone between blank lines (or at the file edges)."""
    line = all_lines[i]
    text = line.stripped
    if len(text) > 160:
        return None
    m = _HEADER.fullmatch(text)
    if not m:
        return None
    before_blank = i == 0 or all_lines[i - 1].blank
    after_blank = i + 1 >= len(all_lines) or all_lines[i + 1].blank
    return m if before_blank and after_blank else None


class QuartrParser:
    name = "quartr"

    def detect(self, text: str) -> float:
        head = lines(text, 0, min(len(text), 6000))
        stripped = [ln.stripped for ln in head]
        if _MARKER not in stripped[:_HEAD_LINES]:
            return 0.0
        marker = stripped.index(_MARKER)
        has_title = any(_TITLE.fullmatch(s) and normalize_period(s) for s in stripped[:marker])
        headers = sum(1 for i in range(len(head)) if _is_header(head, i))
        if headers == 0:
            return 0.0
        return 0.95 if has_title else 0.6

    def parse(self, text: str) -> Draft:
        draft = Draft()
        all_lines = lines(text)
        headers = [i for i in range(len(all_lines)) if _is_header(all_lines, i)]
        first_header = headers[0] if headers else len(all_lines)
        draft.meta = self._meta([ln.stripped for ln in all_lines[:first_header]])

        for n, i in enumerate(headers):
            m = _is_header(all_lines, i)
            assert m is not None
            name, role = m.group("name").strip(), m.group("role").strip()
            body_start = all_lines[i].end
            body_end = all_lines[headers[n + 1]].start if n + 1 < len(headers) else len(text)
            spans = paragraphs(text, body_start, body_end)
            if not spans:
                continue
            speaker = draft.speaker_id(name, role, kind_from_role(role, name))
            draft.turns.append(DraftTurn(speaker=speaker, spans=spans))
        return draft

    @staticmethod
    def _meta(head: list[str]) -> Meta:
        meta = Meta()
        for line in head:
            if not line or line == _MARKER:
                continue
            m = _TITLE.fullmatch(line)
            if meta.title is None and m and normalize_period(m.group("period")):
                meta.title = line
                meta.company = m.group("company").strip()
                meta.period = normalize_period(m.group("period"))
                continue
            if meta.date is None and len(line) < 40:
                meta.date = parse_date(line)
        meta.ticker = find_ticker("\n".join(head))
        return meta
