"""PDF front end: the text layer, read with PDFium, as transcript text.

PDFium (pypdfium2) was chosen by measuring the development corpus (`bench/pdf_libraries.py`):
it is 10-40x faster than pdfminer.six (pdfplumber) and pypdf and splits no words on the
files where pypdf writes `202 4`, `forw ard` and `MANAG EMENT`. PDFium gives each
character's box and font, so this module turns every page into lines with their geometry
and bold flag, re-spaces letter-spaced lines from the glyph gaps, drops a `Q`/`A` marker
set far right of a header line, and leaves the page reading to `pdf_layout`.

Limits, so a hostile or huge file ends with a message rather than a hang: at most
`MAX_PAGES` pages, and reading stops once `TIME_BUDGET` seconds have gone by.
"""

from __future__ import annotations

import ctypes
import itertools
import threading
import time
from collections.abc import Callable

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from reader.core.documents import DocumentError, Extracted
from reader.core.documents.pdf_layout import (
    Line,
    Page,
    compose,
    glued_words,
    letter_spaced,
    respace,
    split_words,
)

__all__ = ["MAX_PAGES", "TIME_BUDGET", "extract"]

MAX_PAGES = 500
"""A long transcript runs to 60 pages; 500 leaves room for bundles of calls."""
TIME_BUDGET = 20.0
"""Seconds of reading after which a file is refused (a 30-page call takes about 0.1 s)."""

# PDFium is not thread-safe: one document is read at a time.
_LOCK = threading.Lock()
_BOLD_WORDS = ("bold", "black", "heavy", "semibold", "demibold", "demi")
_FORCE_BOLD = 0x40000  # PDFium's FXFONT_FORCE_BOLD font flag


def extract(data: bytes, container: str = "pdf",
            clock: Callable[[], float] = time.monotonic) -> Extracted:
    """The transcript text of a PDF, or `DocumentError` saying in one line why there is none."""
    with _LOCK:
        doc = _open(data)
        try:
            pages, notes = _read_pages(doc, clock)
        finally:
            doc.close()
    if not any(p.lines for p in pages):
        raise DocumentError("this PDF has no text layer (a scan): it needs OCR first")
    text = compose(pages)
    if not text.strip():
        raise DocumentError("this PDF has no text layer (a scan): it needs OCR first")
    return Extracted(text=text, container=container, notes=tuple(notes))


def _open(data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == pdfium_c.FPDF_ERR_PASSWORD:
            raise DocumentError("this PDF is encrypted and needs a password: save an "
                                "unprotected copy and open that") from None
        if code == pdfium_c.FPDF_ERR_SECURITY:
            raise DocumentError("this PDF uses a kind of encryption that cannot be read "
                                "here") from None
        raise DocumentError("this PDF is damaged (its structure cannot be read)") from None
    except (ValueError, OSError):
        raise DocumentError("this PDF is damaged (its structure cannot be read)") from None


def _read_pages(doc: pdfium.PdfDocument, clock: Callable[[], float]
                ) -> tuple[list[Page], list[str]]:
    count = len(doc)
    if count == 0:
        raise DocumentError("this PDF has no pages")
    if count > MAX_PAGES:
        raise DocumentError(f"this PDF has {count:,} pages; transcripts of up to "
                            f"{MAX_PAGES} pages are read (split the file first)")
    deadline = clock() + TIME_BUDGET
    pages: list[Page] = []
    unreadable: list[int] = []
    blank: list[int] = []
    for number in range(count):
        if clock() > deadline:
            raise DocumentError(f"this PDF took longer than {TIME_BUDGET:.0f} s to read "
                                f"(stopped at page {number + 1} of {count})")
        try:
            page = _page(doc, number)
        except (pdfium.PdfiumError, ValueError, OSError):
            unreadable.append(number + 1)
            continue
        if not page.lines:
            blank.append(number + 1)
        pages.append(page)
    notes = []
    if unreadable:
        notes.append(f"{_pages(unreadable)} could not be read (damaged)")
    if blank and len(blank) < count:
        notes.append(f"{_pages(blank)} {'has' if len(blank) == 1 else 'have'} no text layer")
    return pages, notes


def _pages(numbers: list[int]) -> str:
    shown = ", ".join(str(n) for n in numbers[:8]) + (" …" if len(numbers) > 8 else "")
    return f"page {shown}" if len(numbers) == 1 else f"pages {shown}"


def _page(doc: pdfium.PdfDocument, number: int) -> Page:
    page = doc[number]
    try:
        width, height = page.get_size()
        textpage = page.get_textpage()
        try:
            lines = _lines(textpage.raw)
        finally:
            textpage.close()
    finally:
        page.close()
    return Page(width, height, lines)


class _Chars:
    """Character-level queries on one PDFium text page, with the font facts cached."""

    def __init__(self, handle: pdfium_c.FPDF_TEXTPAGE) -> None:
        self.handle = handle
        self.rect = pdfium_c.FS_RECTF()
        self.font_buf = ctypes.create_string_buffer(128)
        self.flags = ctypes.c_int()
        self.bold_fonts: dict[bytes, bool] = {}

    def box(self, i: int) -> tuple[float, float, float, float]:
        """(left, right, bottom, top) of character `i`'s advance box."""
        r = self.rect
        if not pdfium_c.FPDFText_GetLooseCharBox(self.handle, i, ctypes.byref(r)):
            return (0.0, 0.0, 0.0, 0.0)
        return (r.left, r.right, r.bottom, r.top)

    def bold(self, i: int) -> bool:
        size = pdfium_c.FPDFText_GetFontInfo(self.handle, i, self.font_buf, 128,
                                             ctypes.byref(self.flags))
        name = self.font_buf.raw[:max(size - 1, 0)] if 0 < size <= 128 else b""
        key = name + self.flags.value.to_bytes(4, "little", signed=True)
        known = self.bold_fonts.get(key)
        if known is None:
            low = name.decode("latin-1").casefold()
            weight = pdfium_c.FPDFText_GetFontWeight(self.handle, i)
            known = (any(w in low for w in _BOLD_WORDS) or bool(self.flags.value & _FORCE_BOLD)
                     or 600 <= weight <= 1000)
            self.bold_fonts[key] = known
        return known


def _page_text(handle: pdfium_c.FPDF_TEXTPAGE, count: int) -> str:
    buf = ctypes.create_string_buffer(2 * (count + 1))
    written = pdfium_c.FPDFText_GetText(handle, 0, count, ctypes.cast(buf, ctypes.POINTER(
        ctypes.c_ushort)))
    text = buf.raw[:2 * max(written - 1, 0)].decode("utf-16-le", errors="replace")
    if len(text) == count:
        return text
    # Characters outside the BMP take two UTF-16 units: fall back to one query each.
    return "".join(chr(pdfium_c.FPDFText_GetUnicode(handle, i) or 0xFFFD) for i in range(count))


def _lines(handle: pdfium_c.FPDF_TEXTPAGE) -> list[Line]:
    count = pdfium_c.FPDFText_CountChars(handle)
    if count <= 0:
        return []
    text = _page_text(handle, count)
    chars = _Chars(handle)
    lines: list[Line] = []
    start = 0
    for end in range(count + 1):
        if end < count and text[end] not in "\r\n":
            continue
        for a, b in _visual_lines(chars, text, start, end):
            line = _line(chars, text, a, b)
            if line is not None:
                lines.append(line)
        start = end + 1
    return lines


def _visual_lines(chars: _Chars, text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a text-layer line that runs over more than one visual line.

    PDFium joins a line ending in a hyphen to the next one (`predict-able`), and sometimes
    two lines of a narrow column; a character that starts further left on a lower baseline
    begins a new visual line.
    """
    visible = [i for i in range(start, end) if not text[i].isspace()]
    if len(visible) < 2:
        return [(start, end)]
    first, last = chars.box(visible[0]), chars.box(visible[-1])
    em = max(first[3] - first[2], 1.0)
    if first[2] - last[2] < 0.6 * em:
        return [(start, end)]
    cuts = []
    prev = first
    for i in visible[1:]:
        box = chars.box(i)
        if prev[2] - box[2] > 0.6 * em and box[0] < prev[0]:
            cuts.append(i)
        prev = box
    bounds = [start, *cuts, end]
    return list(itertools.pairwise(bounds))


def _column_break(chars: _Chars, text: str, visible: list[int], em: float
                  ) -> tuple[int, float, float] | None:
    """Where a second column starts on the line: (offset from the first character, the
    right edge of the text before it, its left edge).

    PDFium runs a margin column into the text beside it (`Nicolas Payen    Good morning`);
    the first gap of more than two and a half line heights at a space marks it.
    """
    for a, b in itertools.pairwise(visible):
        if b > a + 1:
            left, right = chars.box(b)[0], chars.box(a)[1]
            if left - right > 2.5 * em:
                return b - visible[0], right, left
    return None


def _line(chars: _Chars, text: str, start: int, end: int) -> Line | None:
    visible = [i for i in range(start, end) if not text[i].isspace() and text[i] != "\x00"]
    if not visible:
        return None
    first = visible[0]
    left, _, bottom, top = chars.box(first)
    if len(visible) >= 3 and text[visible[-1]] in "QA" and text[visible[-1] - 1].isspace():
        # a FactSet `Q`/`A` marker set at the far right of a speaker's title line
        marker_left = chars.box(visible[-1])[0]
        if marker_left - chars.box(visible[-2])[1] > 3 * (top - bottom):
            visible.pop()
    last = visible[-1]
    _, right, bottom2, top2 = chars.box(last)
    # PDFium writes U+FFFE (or U+0002) for a hyphen it takes to end a line
    raw = text[first:last + 1].replace("\ufffe", "-").replace("\x02", "-")
    em = max(min(top - bottom, top2 - bottom2), 1.0)
    bottom = min(bottom, bottom2)
    spaced = letter_spaced(raw)
    glued = glued_words(raw)
    column = None
    if spaced or glued or split_words(raw):
        boxes = [(text[i], *chars.box(i)[:2], text[i - 1].isspace()) for i in visible]
        raw = respace(boxes, em, merge_only=not (spaced or glued))
    else:
        column = _column_break(chars, text, visible, em)
    alpha = [i for i in visible if text[i].isalpha()]
    samples = {alpha[0], alpha[len(alpha) // 2], alpha[-1]} if alpha else set()
    bold = bool(samples) and all(chars.bold(i) for i in samples)
    line = Line(raw, left, right, bottom + em, bottom, bold, spaced)
    if column is not None:
        line.column_at, line.label_x1, line.column_x = column
    return line
