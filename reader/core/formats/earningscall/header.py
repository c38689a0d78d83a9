"""The head of the file: detection of the layout, and the disclaimer, company and date lines."""

from __future__ import annotations

from reader.core.draft import Draft
from reader.core.formats.earningscall import patterns as pat
from reader.core.metadata import parse_date
from reader.core.textspans import Line


def detect(text: str) -> float:
    """How much the text looks like this layout: the disclaimer, or company and date lines
    followed by long unlabelled paragraphs."""
    head = text[:pat.HEAD_WINDOW]
    first = _first_nonblank(head)
    if first is not None and _is_disclaimer(first[:pat.DISCLAIMER_WINDOW]):
        return 0.95
    rows = [ln.strip(pat.EDGE) for ln in head.split("\n")]
    rows = [r for r in rows if r][:40]
    # Company then an M/D/YYYY date (either order) among the first lines.
    header_end = None
    for i in range(min(3, len(rows) - 1)):
        pair = (rows[i], rows[i + 1])
        if any(pat.DATE_ONLY.fullmatch(r) for r in pair) and any(_is_company_line(r) for r in pair):
            header_end = i + 2
            break
    if header_end is None:
        return 0.05
    body = rows[header_end:header_end + 30]
    if not body:
        return 0.3
    headerish = sum(1 for r in body if _is_short_label(r) or pat.NAME_PREFIX.match(r))
    long_rows = sum(1 for r in body if len(r) >= 200)
    if headerish >= 2:
        return 0.1
    if long_rows >= 3 or (long_rows >= 1 and long_rows * 2 >= len(body)):
        return 0.85
    return 0.3 if long_rows else 0.15


def read_header(text: str, draft: Draft) -> int:
    """Disclaimer, company and date lines; returns where the call itself starts."""
    pos = 0
    rows: list[Line] = []
    start = 0
    while start < len(text) and len(rows) < 4:
        nl = text.find("\n", start)
        end = len(text) if nl < 0 else nl
        if text[start:min(end, start + pat.HEAD_WINDOW)].strip(pat.EDGE):
            rows.append(Line(start, end, text[start:end]))
        start = end + 1
    i = 0
    if rows and _is_disclaimer(rows[0].text[:pat.DISCLAIMER_WINDOW].strip(pat.EDGE)):
        pos = rows[0].end
        i = 1
    for row in rows[i:i + 2]:
        value = row.text.strip(pat.EDGE)
        if len(value) <= 40 and parse_date(value) and draft.meta.date is None:
            draft.meta.date = parse_date(value)
            pos = row.end
        elif _is_company_line(value) and draft.meta.company is None and len(value) >= 2:
            draft.meta.company = _company_name(value)
            pos = row.end
        else:
            break
    if draft.meta.company is not None and draft.meta.date is None and i == 0:
        # A short first line with no date after it is as likely a heading of some other
        # page as a company; only this layout's date makes it a company line.
        draft.meta.company = None
        pos = 0
    return pos


def _first_nonblank(text: str) -> str | None:
    for line in text.split("\n"):
        if line.strip(pat.EDGE):
            return line.strip(pat.EDGE)
    return None


def _is_disclaimer(line: str) -> bool:
    return (len(line) >= 80 and "transcript" in line.lower()
            and (pat.GENERATED.search(line) is not None or pat.CAVEAT.search(line) is not None))


def _is_short_label(line: str) -> bool:
    """A short line that is not a sentence: a company name, or a speaker header elsewhere."""
    return (0 < len(line) <= 80 and line[-1] not in pat.SENTENCE_END_CHARS
            and not pat.DATE_ONLY.fullmatch(line))


def _is_company_line(line: str) -> bool:
    """A short label, where a legal suffix may end in a full stop ("Acme Holdings Ltd.")."""
    if not line or len(line) > 100 or len(line.split()) > 12 or pat.DATE_ONLY.fullmatch(line):
        return False
    return _is_short_label(line) or pat.LEGAL_SUFFIX.search(line) is not None


def _company_name(line: str) -> str:
    name = line.strip(pat.EDGE)
    for _ in range(3):  # "Acme Holdings Co., Ltd."
        stripped = pat.LEGAL_SUFFIX.sub("", name).strip(pat.EDGE + ",")
        if stripped == name or not stripped:
            break
        name = stripped
    return name
