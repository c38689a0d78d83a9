"""The AlphaSpread-style page: a generated summary, then turns under three-line headers.

A saved page reads, top to bottom: site chrome (company, `NASDAQ:LX`, price, "Updated:
<date>"), an "Earnings Call Analysis" block of heading + paragraph pairs, the line
`Earnings Call Transcript` (sometimes twice), the period (`2023-Q4`), a stray chrome line,
then the call. A turn header is the single line `Operator`, or three lines: the speaker's
initial, the name, and `executive` or `analyst`. `[Interpreted]` opens speech given by an
interpreter whose original is not in the file. The last turn ends with a bracketed note
explaining that marker, and the page ends with chrome (`All Transcripts`).
"""

from __future__ import annotations

import re
from collections import Counter

from reader.core.draft import Draft, DraftTurn
from reader.core.metadata import find_ticker, normalize_period, parse_date
from reader.core.model import SectionKind, SpeakerKind
from reader.core.roles import kind_from_role
from reader.core.textspans import paragraphs, trim

SUMMARY_ROLE = "Generated summary"
"""Role of the pseudo-speaker that "says" the site's generated summary."""

_SP = r"[ \t\u3000\xa0\ufeff\u200b]{0,20}"
_ANALYSIS_LINE = re.compile(rf"^{_SP}Earnings Call Analysis{_SP}$", re.M | re.I)
_MARKER_LINE = re.compile(rf"^{_SP}Earnings Call Transcript{_SP}$", re.M | re.I)
# `Operator` alone, or initial / name / role on three lines. One regex, so that a file of
# a million short lines is scanned in C rather than line by line in Python.
_HEADER = re.compile(
    rf"^{_SP}(?:(?P<op>Operator)|(?P<initial>[^\W\d_]{{1,2}}){_SP}\n{_SP}"
    rf"(?P<name>[^\s][^\n]{{0,79}}?){_SP}\n{_SP}"
    rf"(?P<role>executive|analyst|operator|interpreter)){_SP}$", re.M | re.I)
# detect() counts only the two roles the site is known to print.
_HEADER_SEEN = re.compile(
    rf"^{_SP}[^\W\d_]{{1,2}}{_SP}\n[^\n]{{1,80}}\n{_SP}(?:executive|analyst){_SP}$", re.M | re.I)
_DETECT_WINDOW = 20_000

_INTERPRETED = re.compile(r"\[\s{0,3}interpreted\s{0,3}\]", re.I)
# "[Portions of this transcript that are marked [Interpreted] were spoken by an
# interpreter present on the live call.]": the site's note, always at the very end.
_NOTE = re.compile(
    r"\[(?:Portions|Parts|Sections) of this transcript\b[^\n\[\]]{0,300}"
    r"(?:\[[^\n\[\]]{0,40}\][^\n\[\]]{0,300})?\]")
# Page chrome that follows the last turn.
_TAIL_CHROME = re.compile(
    r"all transcripts|all earnings calls?|other earnings calls?|back to (?:top|transcripts)|"
    r"show more|see all|more transcripts", re.I)
# "Q4-2023 Analysis": the line that opens the summary block, before the company name.
_ANALYSIS_TITLE = re.compile(r"[^\n]{1,40}\banalysis", re.I)
_LEGAL_SUFFIX = re.compile(
    r"[\s,]+(?:ltd|limited|inc|incorporated|corp|corporation|co|plc|llc|n\.\s?v|s\.\s?a)\.?$",
    re.I)
_LOGO = re.compile(r"\s+logo$", re.I)
# A sentence of an opening turn that states when the call takes place.
_CALL_DATE_CUE = re.compile(r"\btoday\b|\bheld on\b|\bdated\b|\btaking place on\b", re.I)
_NOT_CALL_DATE = re.compile(r"\bas of\b|\bended\b|\bending\b|\bthrough\b", re.I)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_SENTENCE = re.compile(r"[^.][.!?](?:\s|$)")  # "Loading..." is not a sentence

_PERIOD_LINES = 12  # the period follows the transcript marker within a few lines
_CHROME_LINES = 60  # how far down the page the company and ticker lines may be

_Header = tuple[int, int, str, str | None]
"""A turn header: start and end offsets, the name, the role (None for the operator)."""


class AlphaSpreadParser:
    """Reads AlphaSpread-style pages (see the module docstring)."""

    name = "alphaspread"

    def detect(self, text: str) -> float:
        head = text[:_DETECT_WINDOW]
        headers = len(_HEADER_SEEN.findall(head))
        marker = _MARKER_LINE.search(head) is not None
        analysis = _ANALYSIS_LINE.search(head) is not None
        if headers >= 2 and marker:
            return 0.95
        if headers >= 1 and (marker or analysis):
            return 0.8
        if headers >= 3:
            return 0.6
        if marker and analysis:
            return 0.5
        return 0.1 if (marker or headers) else 0.0

    def parse(self, text: str) -> Draft:
        draft = Draft()
        analysis = _ANALYSIS_LINE.search(text)
        marker = _MARKER_LINE.search(text, analysis.end() if analysis else 0)
        body_from = marker.end() if marker else (analysis.end() if analysis else 0)
        headers = _find_headers(text, body_from)
        first_header = headers[0][0] if headers else len(text)

        summary_company: str | None = None
        summary_period: str | None = None
        if analysis is not None:
            summary_end = marker.start() if marker else first_header
            summary_company, summary_period = _read_summary(
                text, draft, analysis.end(), summary_end)

        # Between the transcript marker and the first header: the period, then chrome.
        lead_from = body_from if marker is not None or analysis is None else first_header
        period = None
        for raw in text[lead_from:first_header].split("\n", _PERIOD_LINES)[:_PERIOD_LINES]:
            line = raw.strip()
            if len(line) <= 40 and (period := normalize_period(line)):
                break
        _read_stray_text(text, draft, lead_from, first_header)

        _read_turns(text, draft, headers)

        top_end = analysis.start() if analysis else (marker.start() if marker else first_header)
        draft.meta.ticker = find_ticker(text[:top_end]) or find_ticker(text[:5000])
        draft.meta.period = period or summary_period or _period_from_turns(text, draft)
        company = summary_company or _company_from_chrome(text, top_end)
        if company:
            draft.meta.company = _recase(_strip_legal(company), text, first_header)
        draft.meta.date = _call_date(text, draft)
        return draft


def _find_headers(text: str, start: int) -> list[_Header]:
    """Every turn header after `start`; the operator's bare word is kept as the name, as
    other layouts do."""
    out: list[_Header] = []
    for m in _HEADER.finditer(text, start):
        if m.group("op"):
            out.append((m.start(), m.end(), m.group("op"), None))
        elif m.group("name")[-1] not in "?!:;,":
            out.append((m.start(), m.end(), m.group("name"), m.group("role")))
    return out


def _is_heading(text: str, span: tuple[int, int]) -> bool:
    chunk = text[span[0]:span[1]]
    return "\n" not in chunk and len(chunk) <= 150 and chunk[-1] not in ".!?:;,"


def _read_summary(text: str, draft: Draft, start: int, end: int
                  ) -> tuple[str | None, str | None]:
    """Add one SUMMARY turn per heading + paragraph pair; return the block's company and period."""
    paras = paragraphs(text, start, end)
    company = period = None
    if paras:
        first = text[paras[0][0]:paras[0][1]].split("\n", 3)
        period = normalize_period(first[0]) if len(first) <= 3 else None
        if period and _ANALYSIS_TITLE.fullmatch(first[0].strip()):
            if len(first) > 1 and first[1].strip():
                company = first[1].strip()
            paras = paras[1:]
        else:
            period = None
    speaker = None
    i = 0
    while i < len(paras):
        spans = [paras[i]]
        if (_is_heading(text, paras[i]) and i + 1 < len(paras)
                and not _is_heading(text, paras[i + 1])):
            spans.append(paras[i + 1])
        i += len(spans)
        if speaker is None:
            speaker = draft.speaker_id(None, SUMMARY_ROLE, SpeakerKind.UNKNOWN)
        draft.turns.append(DraftTurn(speaker, spans, section=SectionKind.SUMMARY))
    return company, period


def _read_stray_text(text: str, draft: Draft, start: int, end: int) -> None:
    """Keep real prose found before the first header; short chrome lines are dropped."""
    for s, e in paragraphs(text, start, end):
        while s < e:  # skip the chrome lines that open the paragraph
            nl = text.find("\n", s, e)
            line_end = e if nl < 0 else nl
            if not _looks_like_chrome(text[s:line_end].strip()):
                break
            s = line_end + 1
        s, e = trim(text, s, e)
        if s < e:
            draft.turns.append(DraftTurn(draft.speaker_id(None), [(s, e)]))


def _looks_like_chrome(line: str) -> bool:
    """A short line that is not a sentence: "from 0", "2023-Q4", a repeated marker."""
    return len(line) <= 40 and _SENTENCE.search(line) is None


def _read_turns(text: str, draft: Draft, headers: list[_Header]) -> None:
    for k, (_, start, name, role) in enumerate(headers):
        end = headers[k + 1][0] if k + 1 < len(headers) else len(text)
        paras = paragraphs(text, start, end)
        if k + 1 == len(headers):
            paras = _drop_tail(text, paras)
        if not paras:
            continue
        speaker = draft.speaker_id(name, role, kind_from_role(role, name))
        _add_turns(text, draft, speaker, paras)


def _drop_tail(text: str, paras: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Split the closing note off as its own paragraph and drop the page chrome after it."""
    out: list[tuple[int, int]] = []
    for s, e in paras:
        note = _NOTE.search(text, s, e)
        if note is None:
            out.append((s, e))
            continue
        before = trim(text, s, note.start())
        if before[0] < before[1]:
            out.append(before)
        out.append((note.start(), note.end()))
        return out  # everything after the note is page chrome
    while out and _TAIL_CHROME.fullmatch(text[out[-1][0]:out[-1][1]]):
        out.pop()
    return out


def _add_turns(text: str, draft: Draft, speaker: int, paras: list[tuple[int, int]]) -> None:
    """One turn per header, except that `[Interpreted]` opening a later paragraph of a
    directly spoken turn starts a new, interpreted turn: the voice changes there.
    Unmarked paragraphs after a marked one stay interpreted (the site marks the first)."""
    current: DraftTurn | None = None
    for s, e in paras:
        marked = _INTERPRETED.match(text, s, e) is not None
        if current is None or (marked and not current.interpreted):
            current = DraftTurn(speaker, [(s, e)], interpreted=marked,
                                interprets=[] if marked else None)
            draft.turns.append(current)
        else:
            current.spans.append((s, e))


def _period_from_turns(text: str, draft: Draft) -> str | None:
    for turn in draft.turns:
        if turn.section is SectionKind.SUMMARY:
            continue
        s, e = turn.spans[0]
        return normalize_period(text[s:min(e, s + 2000)])
    return None


def _company_from_chrome(text: str, top_end: int) -> str | None:
    """The name line just above the ticker line, else a "<name> Logo" line."""
    page = text[:top_end].split("\n", _CHROME_LINES)[:_CHROME_LINES]
    logo = None
    for i, raw in enumerate(page):
        s = raw.strip()
        if len(s) <= 30 and find_ticker(s):
            above = next((x.strip() for x in reversed(page[:i]) if x.strip()), "")
            if above and len(above) <= 80 and not find_ticker(above):
                return above
        if logo is None and len(s) <= 90 and _LOGO.search(s):
            logo = _LOGO.sub("", s)
    return logo


def _strip_legal(name: str) -> str:
    previous = None
    while previous != name:
        previous = name
        name = _LEGAL_SUFFIX.sub("", name).strip(" ,")
    return name or previous


def _recase(name: str, text: str, body_start: int) -> str:
    """Write each word of the page's company name the way the call writes it
    ("Lexinfintech" on the page, "LexinFintech" in the call)."""
    out = []
    for word in name.split():
        if len(word) < 3 or not word.isalpha():
            out.append(word)
            continue
        seen: Counter[str] = Counter()
        pattern = re.compile(rf"\b{re.escape(word)}\b", re.I)
        for n, m in enumerate(pattern.finditer(text, body_start)):
            if m.group()[0].isupper():
                seen[m.group()] += 1
            if n >= 500:
                break
        out.append(seen.most_common(1)[0][0] if seen else word)
    return " ".join(out)


def _call_date(text: str, draft: Draft) -> str | None:
    """The call date, only when an opening turn states it.

    The page's "Updated:" date is when the site last touched the page, not when the call
    took place, so it is never used.
    """
    seen = 0
    for turn in draft.turns:
        if turn.section is SectionKind.SUMMARY:
            continue
        s, e = turn.spans[0]
        for sentence in _SENTENCE_END.split(text[s:min(e, s + 3000)]):
            if _CALL_DATE_CUE.search(sentence) and not _NOT_CALL_DATE.search(sentence):
                found = parse_date(sentence)
                if found:
                    return found
        seen += 1
        if seen >= 2:
            break
    return None
