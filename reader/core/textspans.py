"""Line and paragraph spans over the decoded text, so parsers never lose an offset."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_BLANK_RUN = re.compile(r"\n[ \t\u3000\xa0]*\n[\s\u3000]*")
_EDGE_SPACE = " \t\n\u3000\xa0\ufeff\u200b"


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the text; `text` excludes the newline."""

    start: int
    end: int
    text: str

    @property
    def stripped(self) -> str:
        return self.text.strip(_EDGE_SPACE)

    @property
    def blank(self) -> bool:
        return not self.stripped


def lines(text: str, start: int = 0, end: int | None = None) -> list[Line]:
    """Every line of `text[start:end]` with its offsets in `text`."""
    stop = len(text) if end is None else end
    out: list[Line] = []
    pos = start
    while pos < stop:
        nl = text.find("\n", pos, stop)
        line_end = stop if nl < 0 else nl
        out.append(Line(pos, line_end, text[pos:line_end]))
        pos = line_end + 1
    return out


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Narrow a span so it neither starts nor ends with white space (it may become empty)."""
    while start < end and text[start] in _EDGE_SPACE:
        start += 1
    while end > start and text[end - 1] in _EDGE_SPACE:
        end -= 1
    return start, end


def paragraphs(text: str, start: int = 0, end: int | None = None,
               *, per_line: bool = False) -> list[tuple[int, int]]:
    """Trimmed, non-empty paragraph spans of `text[start:end]`.

    Paragraphs are separated by blank lines, or by every newline when `per_line` is set
    (layouts that put one paragraph on each line).
    """
    stop = len(text) if end is None else end
    out: list[tuple[int, int]] = []
    if per_line:
        for line in lines(text, start, stop):
            s, e = trim(text, line.start, line.end)
            if s < e:
                out.append((s, e))
        return out
    pos = start
    for m in _iter_blank_runs(text, start, stop):
        s, e = trim(text, pos, m[0])
        if s < e:
            out.append((s, e))
        pos = m[1]
    s, e = trim(text, pos, stop)
    if s < e:
        out.append((s, e))
    return out


def _iter_blank_runs(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    for m in _BLANK_RUN.finditer(text, start, end):
        yield m.start(), m.end()
