"""WebVTT and SRT subtitles as transcript text: one turn per run of one speaker's cues.

Speech-to-text tools write a call as cues of a few seconds each. The speaker comes from a
WebVTT voice tag (`<v Name>`) or a `Name:` prefix the file uses for several cues; a cue
without one continues the speaker before it. Consecutive cues of one speaker merge into
one turn whose paragraphs keep their times (start of the first cue, end of the last); a
long run is cut at a sentence end about every minute, so a paragraph stays readable.
NOTE, STYLE and REGION blocks, cue settings, styling tags and timestamp tags are dropped;
overlapping cues are read in order of their start time.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass
from typing import Final

from reader.core.decoding import decode
from reader.core.documents import DocumentError, Extracted
from reader.core.documents.textout import TextWriter, join_running
from reader.core.documents.wording import label_reads_as_name

PARAGRAPH_SECONDS: Final = 60.0
"""A paragraph is cut at the first sentence end after this long."""
MAX_PARAGRAPH_SECONDS: Final = 180.0
"""... and anywhere after this long, when nobody ends a sentence."""

_CLOCK = r"(?:\d{1,3}:)?\d{1,2}:\d{1,2}(?:[.,]\d{1,3})?"
_TIMING = re.compile(rf"^\s*({_CLOCK})\s*-->\s*({_CLOCK})(?:[ \t].*)?$")
_VOICE = re.compile(r"<v(?:\.[^\s>]*)?(?:[ \t]+([^>]*))?>", re.I)
_TAG = re.compile(r"</?[A-Za-z][^<>]{0,200}>|<\d[\d:.]*>|\{\\[^{}]{0,100}\}")
_PREFIX = re.compile(r"^\s*(?:-\s*)?([A-Z][\w.'’\- ]{0,40}?|[\u3400-\u9fff·]{2,8}|>>\s*[^:：]{1,40}?)"
                     r"\s*[:：]\s+(?=\S)")
_SENTENCE_END = re.compile(r"[.?!。？！…][\"'”’)）]*$")


@dataclass(slots=True)
class _Cue:
    start: float
    end: float
    speaker: str | None
    text: str
    order: int


def extract(data: bytes, container: str) -> Extracted:
    """The transcript text of a WebVTT or SRT file."""
    decoded = decode(data)  # DecodeError (a ValueError) for empty or binary files
    cues = _cues(decoded.text)
    if not cues:
        kind = "WebVTT" if container == "vtt" else "SRT"
        raise DocumentError(f"no subtitle cues found (not a readable {kind} file)")
    return Extracted(_write(cues), container, decoded.encoding)


def _seconds(clock: str) -> float:
    total = 0.0
    for part in clock.replace(",", ".").split(":"):
        total = total * 60 + float(part)
    return total


def _cues(text: str) -> list[_Cue]:
    raw: list[tuple[float, float, list[str]]] = []
    lines = text.split("\n")
    n = len(lines)
    i = 0
    if lines and lines[0].lstrip("\ufeff").startswith("WEBVTT"):
        while i < n and lines[i].strip():
            i += 1  # the header block
    while i < n:
        while i < n and not lines[i].strip():
            i += 1
        block_start = i
        while i < n and lines[i].strip():
            i += 1
        block = lines[block_start:i]
        if not block:
            continue
        head = block[0].strip()
        if head.startswith(("NOTE", "STYLE", "REGION")) and "-->" not in head:
            continue
        timing = next((k for k in range(min(2, len(block))) if "-->" in block[k]), None)
        if timing is None:
            if raw:  # a payload line a blank line cut off from its cue (SRT files do this)
                raw[-1][2].extend(block)
            continue
        m = _TIMING.match(block[timing])
        if m is None:
            continue
        start, end = _seconds(m.group(1)), _seconds(m.group(2))
        raw.append((start, max(start, end), block[timing + 1:]))
    prefixes = _prefix_names(raw)
    cues: list[_Cue] = []
    for start, end, payload in raw:
        for speaker, words in _voices(payload, prefixes):
            if words:
                cues.append(_Cue(start, end, speaker, words, len(cues)))
    cues.sort(key=lambda c: (c.start, c.order))  # overlapping cues: by start, stably
    return _drop_rolled(cues)


def _prefix_names(raw: list[tuple[float, float, list[str]]]) -> set[str]:
    """`Name:` prefixes the file uses at least twice (once could be "Note: ..." in speech),
    and, in a file that has such speakers, any prefix the parser reads as a name."""
    counts: Counter[str] = Counter()
    for _, _, payload in raw:
        for line in payload:
            m = _PREFIX.match(_TAG.sub("", line))
            if m:
                counts[m.group(1).strip(" >")] += 1
    sure = {name for name, count in counts.items() if count >= 2 and len(name.split()) <= 5}
    if sure:  # a file that labels speakers this way: a name used once is a speaker too
        sure |= {name for name in counts if label_reads_as_name(name)}
    return sure


def _voices(payload: list[str], prefixes: set[str]) -> list[tuple[str | None, str]]:
    """(speaker, text) pieces of one cue: a voice tag or a known prefix changes speaker."""
    out: list[tuple[str | None, str]] = []
    speaker: str | None = None
    words: list[str] = []

    def close() -> None:
        text = join_running(words)
        if text:
            out.append((speaker, text))
        words.clear()

    for line in payload:
        pos = 0
        for m in _VOICE.finditer(line):
            words.append(_plain(line[pos:m.start()]))
            close()
            speaker = html.unescape(m.group(1) or "").strip() or None
            pos = m.end()
        rest = _plain(line[pos:])
        pm = _PREFIX.match(rest)
        if pm and pm.group(1).strip(" >") in prefixes:
            close()
            speaker = pm.group(1).strip(" >")
            rest = rest[pm.end():]
        words.append(rest)
    close()
    return out


def _plain(fragment: str) -> str:
    return html.unescape(_TAG.sub("", fragment)).strip()



def _drop_rolled(cues: list[_Cue]) -> list[_Cue]:
    """Roll-up captions repeat the previous cue's text at the start of the next: keep it once."""
    kept: list[_Cue] = []
    for cue in cues:
        if kept and cue.speaker in (None, kept[-1].speaker):
            prev = kept[-1].text
            if cue.text == prev:
                kept[-1].end = max(kept[-1].end, cue.end)
                continue
            if len(prev) >= 12 and cue.text.startswith(prev):
                cue.text = cue.text[len(prev):].strip()
                if not cue.text:
                    continue
        kept.append(cue)
    return kept


def _write(cues: list[_Cue]) -> str:
    out = TextWriter()
    speaker: str | None = None
    para: list[_Cue] = []

    def flush() -> None:
        if para:
            out.paragraph(join_running([c.text for c in para]), para[0].start,
                          max(c.end for c in para))
            para.clear()

    for cue in cues:
        name = cue.speaker if cue.speaker is not None else speaker
        if name != speaker:
            flush()
            speaker = name
            if name:
                out.speaker(name)
            else:
                out.end_turn()
        elif para:
            length = cue.start - para[0].start
            if ((length >= PARAGRAPH_SECONDS and _SENTENCE_END.search(para[-1].text))
                    or length >= MAX_PARAGRAPH_SECONDS):
                flush()
        para.append(cue)
    flush()
    return out.text()
