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
from reader.core.textspans import Line, lines, paragraphs, trim

SUMMARY_ROLE = "Generated summary"
"""Role of the pseudo-speaker that "says" the site's generated summary."""

_ANALYSIS_MARKER = "earnings call analysis"
_TRANSCRIPT_MARKER = "earnings call transcript"
_HEADER_ROLES = frozenset({"executive", "analyst", "operator", "interpreter"})
_INITIAL = re.compile(r"[^\W\d_]{1,2}")
_NAME_MAX = 80
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

# detect(): how far in to look, and the header pattern as one regex over the raw text.
_DETECT_WINDOW = 20_000
_HEADER_3 = re.compile(
    r"^[^\W\d_]{1,2}[ \t]*\n[^\n]{1,80}\n[ \t]*(?:executive|analyst)[ \t]*$", re.M | re.I)
_MARKER_LINE = re.compile(r"^[ \t]*Earnings Call Transcript[ \t]*$", re.M | re.I)
_ANALYSIS_LINE = re.compile(r"^[ \t]*Earnings Call Analysis[ \t]*$", re.M | re.I)


class AlphaSpreadParser:
    """Reads AlphaSpread-style pages (see the module docstring)."""

    name = "alphaspread"

    def detect(self, text: str) -> float:
        head = text[:_DETECT_WINDOW]
        headers = len(_HEADER_3.findall(head))
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
        all_lines = lines(text)
        analysis = _find_line(all_lines, _ANALYSIS_MARKER, 0)
        marker = _find_line(all_lines, _TRANSCRIPT_MARKER, 0 if analysis is None else analysis + 1)
        body_from = marker + 1 if marker is not None else (
            analysis + 1 if analysis is not None else 0)
        headers = _find_headers(all_lines, body_from)
        first_header = headers[0][0] if headers else len(all_lines)

        summary_company: str | None = None
        summary_period: str | None = None
        if analysis is not None:
            summary_end = marker if marker is not None else first_header
            summary_company, summary_period = _read_summary(
                text, draft, _offset(all_lines, text, analysis + 1),
                _offset(all_lines, text, summary_end))

        # Between the transcript marker and the first header: the period, then chrome.
        period = None
        lead_from = body_from if marker is not None or analysis is None else first_header
        for line in all_lines[lead_from:first_header]:
            if len(line.stripped) <= 40 and (period := normalize_period(line.stripped)):
                break
        _read_stray_text(text, draft, _offset(all_lines, text, lead_from),
                         _offset(all_lines, text, first_header))

        _read_turns(text, draft, all_lines, headers)

        top_end = _offset(all_lines, text, analysis if analysis is not None else (
            marker if marker is not None else first_header))
        body_start = _offset(all_lines, text, first_header)
        draft.meta.ticker = find_ticker(text[:top_end]) or find_ticker(text[:5000])
        draft.meta.period = period or summary_period or _period_from_turns(text, draft)
        company = summary_company or _company_from_chrome(all_lines, top_end)
        if company:
            draft.meta.company = _recase(_strip_legal(company), text, body_start)
        draft.meta.date = _call_date(text, draft)
        return draft


def _find_line(all_lines: list[Line], marker: str, start: int,
               stop: int | None = None) -> int | None:
    for i in range(start, len(all_lines) if stop is None else stop):
        if all_lines[i].stripped.casefold() == marker:
            return i
    return None


def _offset(all_lines: list[Line], text: str, index: int) -> int:
    """Start offset of line `index`, or the end of the text past the last line."""
    return all_lines[index].start if index < len(all_lines) else len(text)


def _find_headers(all_lines: list[Line], start: int
                  ) -> list[tuple[int, int, str | None, str | None]]:
    """Turn headers as (first line, line after the header, name, role)."""
    out: list[tuple[int, int, str | None, str | None]] = []
    i, n = start, len(all_lines)
    while i < n:
        s = all_lines[i].stripped
        if s.casefold() == "operator":
            out.append((i, i + 1, None, "Operator"))
            i += 1
            continue
        if (i + 2 < n and _INITIAL.fullmatch(s)
                and all_lines[i + 2].stripped.casefold() in _HEADER_ROLES):
            name = all_lines[i + 1].stripped
            if 0 < len(name) <= _NAME_MAX and name[-1] not in "?!:;,":
                out.append((i, i + 3, name, all_lines[i + 2].stripped))
                i += 3
                continue
        i += 1
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
        first = text[paras[0][0]:paras[0][1]].split("\n")
        period = normalize_period(first[0]) if len(first) <= 3 else None
        if period and _ANALYSIS_TITLE.fullmatch(first[0].strip()):
            if len(first) > 1 and first[1].strip():
                company = first[1].strip()
            paras = paras[1:]
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
        chunk = text[s:e]
        if len(chunk) > 80 or re.search(r"[.!?]\s", chunk):
            draft.turns.append(DraftTurn(draft.speaker_id(None), [(s, e)]))


def _read_turns(text: str, draft: Draft, all_lines: list[Line],
                headers: list[tuple[int, int, str | None, str | None]]) -> None:
    for k, (_, body_line, name, role) in enumerate(headers):
        start = _offset(all_lines, text, body_line)
        end = _offset(all_lines, text, headers[k + 1][0]) if k + 1 < len(headers) else len(text)
        paras = paragraphs(text, start, end)
        if k + 1 == len(headers):
            paras = _drop_tail(text, paras)
        if not paras:
            continue
        if name is None:
            speaker = draft.speaker_id(None, None, SpeakerKind.OPERATOR)
        else:
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


def _company_from_chrome(all_lines: list[Line], top_end: int) -> str | None:
    """The name line just above the ticker line, else a "<name> Logo" line."""
    logo = None
    for i, line in enumerate(all_lines[:60]):
        if line.start >= top_end:
            break
        s = line.stripped
        if find_ticker(s) and len(s) <= 30:
            for j in range(i - 1, -1, -1):
                above = all_lines[j].stripped
                if above:
                    if len(above) <= 80 and not find_ticker(above):
                        return above
                    break
        if logo is None and _LOGO.search(s) and len(s) <= 90:
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
    words = name.split()
    out = []
    for word in words:
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
