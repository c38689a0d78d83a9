"""Numbered bilingual lines: `[ 12] [EN] English` then `[中] 中文`, as translation tools write.

A machine-translated transcript interleaves each English paragraph with its Chinese
rendering, often repeats the English once more, writes headings as `━━ Heading ━━` and
participants as `👤 Role — Name`. The general parser reads such a file through this map:
each line's role and where its content starts, so headers, headings and participant lists
are found in the English content, and every Chinese line is tied to the English it renders.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum, auto

from reader.core.textspans import Line

_EN = re.compile(r"[ \t]*\[\s*\d{1,5}\s*\][ \t]*\[(?:EN|英)\][ \t]*")
_ZH = re.compile(r"[ \t]*(?:\[\s*\d{1,5}\s*\][ \t]*)?\[(?:中|ZH|CN|译)\][ \t]*")
_RULE_HEADING = re.compile(r"[ \t]*━+[ \t]*(?P<body>.*?)[ \t]*━*[ \t]*$")
_PERSON = re.compile(r"[ \t]*👤[ \t]*")
_REPEAT_PREFIX = re.compile(r"[ \t]*(?:原文|Original)[:：][ \t]*")
_HAN = re.compile(r"[\u3400-\u9fff]")
_MIN_PAIRS = 5


class Part(Enum):
    EN = auto()  # the English paragraph (or header) a numbered pair opens with
    ZH = auto()  # its Chinese rendering
    REPEAT = auto()  # the English once more, or a heading's rendering: neither is read
    HEADING = auto()  # `━━ Questions and Answers ━━`
    PERSON = auto()  # `👤 Chief Financial Officer — Jane Doe`


@dataclass(frozen=True, slots=True)
class Bilingual:
    """Per line: its part and the offset its content starts at; and each English line's
    Chinese line."""

    parts: dict[int, Part]
    content: dict[int, int]
    zh_of: dict[int, int]


def read_bilingual(lines: list[Line]) -> Bilingual | None:
    """The map, or None when the file is not in numbered bilingual lines."""
    en = sum(1 for ln in lines[:4000] if _EN.match(ln.text))
    zh = sum(1 for ln in lines[:4000] if _ZH.match(ln.text))
    if en < _MIN_PAIRS or zh < _MIN_PAIRS:
        return None
    parts: dict[int, Part] = {}
    content: dict[int, int] = {}
    zh_of: dict[int, int] = {}
    last_en: int | None = None
    last_en_text = ""
    for i, ln in enumerate(lines):
        text = ln.text
        if not text.strip():
            continue
        m = _EN.match(text)
        if m:
            parts[i], content[i] = Part.EN, ln.start + m.end()
            last_en, last_en_text = i, text[m.end():].strip()
            continue
        m = _ZH.match(text)
        if m:
            parts[i], content[i] = Part.ZH, ln.start + m.end()
            if last_en is not None and last_en not in zh_of:
                zh_of[last_en] = i
            continue
        m = _RULE_HEADING.match(text)
        if m and "━" in text:
            if _HAN.search(m.group("body")):  # the heading's rendering, `━━ 问题与答案`
                parts[i] = Part.REPEAT
            else:
                parts[i], content[i] = Part.HEADING, ln.start + m.start("body")
            continue
        m = _PERSON.match(text)
        if m:
            parts[i], content[i] = Part.PERSON, ln.start + m.end()
            continue
        body = _REPEAT_PREFIX.sub("", text).strip().rstrip("━").strip()
        if body and (body == last_en_text or i - 1 in parts or i - 2 in parts):
            parts[i] = Part.REPEAT  # the English again, a heading's or person's rendering
    return Bilingual(parts, content, zh_of)
