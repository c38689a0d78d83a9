"""Where a laid-out transcript shows what: offsets between source, display and document.

The reading view writes displayed paragraphs (reader.core.display) into a text document,
between speaker lines and headings that map to no transcript text. A document counts in
UTF-16 code units, as Qt does, so a character outside the Basic Multilingual Plane takes
two positions there and one in Python. `DocumentLayout` records each paragraph's document
start as it is written and answers, without Qt: which transcript span a document span
shows, and where the document shows a transcript span.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from reader.core.display import DisplayParagraph

Span = tuple[int, int]


def utf16_table(text: str) -> list[int] | None:
    """Python offset -> UTF-16 offset for each position of `text`; None when they agree."""
    if text.isascii() or len(text.encode("utf-16-le")) == 2 * len(text):
        return None
    table = [0]
    for ch in text:
        table.append(table[-1] + (2 if ord(ch) > 0xFFFF else 1))
    return table


@dataclass(slots=True)
class ShownParagraph:
    """One displayed paragraph: its turn, its map, where its text starts in the document."""

    turn: int
    doc_start: int
    para: DisplayParagraph
    utf16: list[int] | None  # Python offset -> UTF-16 offset, only when they differ

    @property
    def doc_end(self) -> int:
        return self.doc_start + self.qt_len(len(self.para.text))

    def qt_len(self, pos: int) -> int:
        """Document length of the first `pos` displayed chars (astral chars count two)."""
        return pos if self.utf16 is None else self.utf16[pos]

    def py_pos(self, qt_pos: int) -> int:
        """The displayed character at a document offset into this paragraph."""
        if self.utf16 is None:
            return qt_pos
        return bisect_right(self.utf16, qt_pos) - 1


@dataclass(slots=True)
class DocumentLayout:
    """The displayed paragraphs of one document, in document order, and lookups on them."""

    shown: list[ShownParagraph] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list)
    _by_source: list[tuple[int, int]] = field(default_factory=list)  # (source start, index)

    def add(self, turn: int, doc_start: int, para: DisplayParagraph) -> None:
        """Record a paragraph written at `doc_start` (call `index()` before the lookups)."""
        self.shown.append(ShownParagraph(turn, doc_start, para, utf16_table(para.text)))

    def index(self) -> None:
        """Bring the lookups up to date with what has been added."""
        self._starts = [s.doc_start for s in self.shown]
        self._by_source = sorted((s.para.source_start, k) for k, s in enumerate(self.shown))

    def __bool__(self) -> bool:
        return bool(self.shown)

    def at_document(self, doc_pos: int) -> ShownParagraph | None:
        """The paragraph whose text holds (or ends at) a document position."""
        k = bisect_right(self._starts, doc_pos) - 1
        if k < 0 or doc_pos > self.shown[k].doc_end:
            return None
        return self.shown[k]

    def to_source_span(self, start: int, end: int) -> Span | None:
        """Transcript offsets of the document span [start, end), as for a selection: across
        paragraphs it runs from the first one's mapped start to the last one's mapped end;
        speaker lines and headings inside it map to nothing."""
        shown, starts = self.shown, self._starts
        if not shown or start >= end:
            return None
        i = bisect_right(starts, start) - 1
        if i < 0 or start >= shown[i].doc_end:
            i += 1  # the span starts before this paragraph's text
            if i >= len(shown):
                return None
            a = 0
        else:
            a = shown[i].py_pos(start - shown[i].doc_start)
        j = bisect_right(starts, end) - 1
        if j < 0:
            return None
        last = shown[j]
        b = last.py_pos(min(end, last.doc_end) - last.doc_start)
        if j < i or (i == j and a >= b):
            return None
        first = shown[i]
        if i == j:
            return first.para.to_source_span(a, b)
        s = first.para.to_source_span(a, len(first.para.text))[0]
        e = last.para.to_source_span(0, b)[1]
        return (s, e) if s < e else None

    def source_at(self, doc_pos: int) -> int | None:
        """Transcript offset of the displayed character at a document position."""
        shown = self.at_document(doc_pos)
        if shown is None:
            return None
        local = shown.py_pos(doc_pos - shown.doc_start)
        if local >= len(shown.para.text):  # just after the last character
            return shown.para.source_end
        return shown.para.to_source(local)

    def paragraphs_at_source(self, pos: int) -> list[ShownParagraph]:
        """Shown paragraphs whose source span holds `pos` (ends included)."""
        k = bisect_right(self._by_source, (pos, 1 << 62))
        out = []
        while k > 0:
            k -= 1
            shown = self.shown[self._by_source[k][1]]
            if shown.para.source_end >= pos:
                out.append(shown)
            if shown.para.source_start < pos:
                break  # paragraphs do not overlap: nothing earlier can reach `pos`
        return out[::-1]

    def document_span(self, start: int, end: int) -> Span | None:
        """Document span showing a source span that lies within one displayed paragraph."""
        for shown in self.paragraphs_at_source(start):
            para = shown.para
            if para.source_start <= start and end <= para.source_end:
                a, b = para.from_source_span(start, end)
                return shown.doc_start + shown.qt_len(a), shown.doc_start + shown.qt_len(b)
        return None

    def document_spans(self, start: int, end: int) -> list[Span]:
        """Where the document shows transcript[start:end]: one span per displayed paragraph
        it touches, in document order."""
        if start >= end or not self._by_source:
            return []
        k = max(bisect_right(self._by_source, (start, 1 << 62)) - 1, 0)
        out = []
        while k < len(self._by_source) and self._by_source[k][0] < end:
            shown = self.shown[self._by_source[k][1]]
            para = shown.para
            k += 1
            if para.source_end <= start:
                continue
            a, b = para.from_source_span(max(start, para.source_start), min(end, para.source_end))
            if a < b:
                out.append((shown.doc_start + shown.qt_len(a), shown.doc_start + shown.qt_len(b)))
        out.sort()
        return out
