"""PDF text lines (with their geometry) to transcript text: chrome out, paragraphs joined.

The PDF front end hands over each page as lines with a box and a bold flag; everything
here is plain Python on those records, so the rules can be tested without a PDF library.
The rules read the page the way a person does:

- a line repeated at the top or bottom of most pages (digits aside) is a running head or
  foot, and a bare page number there is a folio;
- rules, dot leaders and table-of-contents entries are furniture; a figure table on the
  cover (consensus estimates) is not speech;
- a line that ends short of the column's right edge ends its paragraph, unless it is a
  header line (a name, a title) which then stands on a line of its own; a line that reaches
  the edge wraps into the next, with an end-of-line hyphen joined when the document itself
  writes the word without one;
- a wider vertical gap, or a line indented past the one above, starts a paragraph;
- a much larger font, or a letter-spaced line, is a heading (`## Heading`); a short bold
  line that reads as a person's name is a speaker header (`**Name**`).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from statistics import median

__all__ = ["Line", "Page", "compose", "respace"]


@dataclass(slots=True)
class Line:
    """One visual line of a page; coordinates in PDF points, y growing upwards.

    `bottom` is the lowest baseline's box bottom (where the line ends, if the text layer ran
    two visual lines together) and `top - bottom` the height of one line of its type.
    """

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    bold: bool = False
    spaced: bool = False
    """The line was letter-spaced (`D I S C L A I M E R`) and has been re-spaced."""
    column_at: int = -1
    """Where in `text` a second column starts after a wide gap (-1: none), at `column_x`;
    the text before it ends at `label_x1`."""
    label_x1: float = 0.0
    column_x: float = 0.0

    @property
    def height(self) -> float:
        return max(self.top - self.bottom, 0.0)


@dataclass(slots=True)
class Page:
    """A page's lines in reading order."""

    width: float
    height: float
    lines: list[Line] = field(default_factory=list)


# --- letter spacing --------------------------------------------------------------------

def respace(chars: Sequence[tuple[str, float, float, bool]], em: float,
            merge_only: bool = False) -> str:
    """Re-space a line from its glyphs' left and right edges.

    `chars` are the line's visible characters with their horizontal extent and whether
    the extracted text had a space before them. Letters of one word sit at one even gap
    (none, or the letter-spacing of a spaced heading); a word break is a gap at least a
    tenth of the line height wider than that, so the typical gap is read from the line itself.
    With `merge_only`, spaces are only taken out (`PARTICIPANT S`, `20 2 4`), never added:
    for lines that are not letter-spaced, the extracted spaces are right but for splits.
    """
    if not chars:
        return ""
    gaps = [b[1] - a[2] for a, b in itertools.pairwise(chars)]
    if not gaps:
        return chars[0][0]
    ordinary = median(gaps)
    cut = ordinary + 0.1 * em
    out = [chars[0][0]]
    for (ch, _, _, spaced), gap in zip(chars[1:], gaps, strict=True):
        if gap > cut and (spaced or not merge_only):
            out.append(" ")
        out.append(ch)
    return "".join(out)


def split_words(text: str) -> bool:
    """Whether a line has a lone letter or digit that may be a word split in two (`20 2 4`)."""
    return any(len(t) == 1 and t.isalnum() and t not in "aAI" for t in text.split())


_GLUED = re.compile(r"[a-z][A-Z][a-z]|[a-z][,;][A-Za-z]")


def glued_words(text: str) -> bool:
    """Whether a line may have lost a space between words (`Head ofCiti`, `Fraser,Citi`)."""
    return bool(_GLUED.search(text))


def letter_spaced(text: str) -> bool:
    """Whether a line reads as letters set apart (`Q 1 2 0 2 3 E A R N I N G S`)."""
    tokens = text.split()
    if len(tokens) < 4:
        return False
    single = sum(len(t) == 1 for t in tokens)
    return single >= 0.7 * len(tokens)


# --- page furniture --------------------------------------------------------------------

_FRONT_PAGES = 3  # a cover and a contents page may come before the running title
_ZONE = 4  # lines at each end of a page that may be a running head or foot
_FOLIO = re.compile(r"(?:page\s*)?[-–(]?\s*\d{1,4}\s*[-–)]?(?:\s*(?:of|/)\s*\d{1,4})?", re.I)
_RULE = re.compile(r"[\s._\-–—=·•*~_]{4,}")
_LEADER = re.compile(r"(?:\.\s?){4,}\s*\d{0,4}\s*$|(?:\s?·){4,}\s*\d{0,4}\s*$")
_TOC_TITLE = re.compile(r"(?:table of )?contents", re.I)
_NUMERIC = re.compile(r"[-(]?[$€£¥]?\d[\d,.]*\s?%?\)?-?|\(?n/?a\)?|--?|NM", re.I)
_SECTIONISH = re.compile(
    r"\b(?:presentation|prepared remarks|management discussion|questions?(?: and|&) answers?"
    r"|q\s?&\s?a|participants|speakers|executives|analysts)\b", re.I)


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"\d+", "#", text)).strip().casefold()


def _furniture(pages: Sequence[Page]) -> list[set[int]]:
    """Per page, the indices of lines that are running heads, feet or folios."""
    drop: list[set[int]] = [set() for _ in pages]
    zones: list[list[int]] = []
    for page in pages:
        order = sorted(range(len(page.lines)), key=lambda i: -page.lines[i].top)
        zone = order[:_ZONE] + order[-_ZONE:] if len(order) > 2 * _ZONE else order
        # a head or foot sits in the page's outer fifth, whatever the page holds
        zones.append([i for i in dict.fromkeys(zone)
                      if page.lines[i].bottom > 0.8 * page.height
                      or page.lines[i].top < 0.2 * page.height])
    counts: Counter[str] = Counter()
    inside: Counter[str] = Counter()  # the same line inside pages: speech, not furniture
    for page, zone in zip(pages, zones, strict=True):
        counts.update({_key(page.lines[i].text) for i in zone})
        rest = set(range(len(page.lines))) - set(zone)
        inside.update({_key(page.lines[i].text) for i in rest})
    n = len(pages)
    need = max(2, (n + 1) // 2) if n >= 3 else 2
    exact: Counter[str] = Counter()
    for page, zone in zip(pages, zones, strict=True):
        exact.update({page.lines[i].text.strip() for i in zone})
    front = [p for p, page in enumerate(pages) if page.lines][:_FRONT_PAGES]
    titled: set[str] = set()
    for p, (page, zone) in enumerate(zip(pages, zones, strict=True)):
        for i in zone:
            text = page.lines[i].text.strip()
            key = _key(text)
            running = counts[key] >= need and inside[key] * 4 <= counts[key]
            # A running title that never changes says what the document is (company,
            # quarter, date): it stays once, where it first shows near the front.
            if running and exact[text] >= need and p in front and text not in titled:
                titled.add(text)
                continue
            if _FOLIO.fullmatch(text) or running:
                drop[p].add(i)
    return drop


def _rule_or_leader(text: str) -> bool:
    s = text.strip()
    return bool(_RULE.fullmatch(s)) or (len(s) > 8 and bool(_LEADER.search(s))
                                        and s.count(".") >= 6)


def _table_row(text: str) -> bool:
    """A row of figures: most of its cells are numbers (`EPS (GAAP) 0.25 0.09 (64.00 %)`)."""
    cells = text.replace("( ", "(").replace(" %", "%").split()
    numeric = sum(bool(_NUMERIC.fullmatch(c)) for c in cells)
    return numeric >= 3 and numeric >= 0.5 * len(cells)


def _caps_header(text: str) -> bool:
    """A table's column header: a few upper-case words, some repeated (`CONSENSUS ACTUAL`)."""
    words = re.findall(r"[A-Za-z]+", text)
    return len(words) >= 2 and all(w.isupper() for w in words) and (
        len(set(words)) < len(words) or bool(re.search(r"-\s*[A-Z]{1,3}\d", text)))


def _caps_label(text: str) -> bool:
    """A few upper-case words (`CONSENSUS ACTUAL SURPRISE`, `- EPS (GAAP) -`)."""
    words = re.findall(r"[A-Za-z]+", text)
    return 0 < len(words) <= 6 and all(w.isupper() for w in words)


# --- joining ---------------------------------------------------------------------------

_TERMINAL = tuple('.?!…"”’):;')
_LIST_WORDS = frozenset({"operator", "moderator", "host", "executives", "analysts", "speakers",
                         "participants", "presenters", "presentation", "management"})
_SENTENCE_END = (".", "?", "!", "…", '"', "”", ":")
_DANGLING = re.compile(r"(?:[,&]|\b(?:of|and|the|for|in|at|to))$")
_NAME_WORD = re.compile(r"(?:[A-Z][\w'’.\-]*|[a-z]{1,3}|[A-Z]\.)$")


@dataclass(slots=True)
class _Item:
    line: Line
    page: int
    full: bool = False
    heading: bool = False
    bold_name: bool = False


def _body_height(items: Sequence[_Item]) -> float:
    heights = [it.line.height for it in items if len(it.line.text) >= 30 and it.line.height > 0]
    return median(heights) if heights else 10.0


def _right_edges(pages: Sequence[Page], kept: list[list[Line]]) -> list[float]:
    """The right edge of each page's text column (from its long lines)."""
    all_long = [ln.x1 for lines in kept for ln in lines if len(ln.text) >= 40]
    doc_edge = _percentile(all_long, 0.9) if all_long else max(
        (p.width for p in pages), default=600.0)
    edges = []
    for lines in kept:
        long = [ln.x1 for ln in lines if len(ln.text) >= 40]
        edge = _percentile(long, 0.9) if len(long) >= 3 else doc_edge
        # a page of lists or short lines says nothing about where the column ends
        edges.append(edge if edge >= 0.9 * doc_edge else doc_edge)
    return edges


def _percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _label_like(text: str) -> bool:
    """A short line that may be a speaker's name, title or a heading (never sentence ends)."""
    s = text.strip()
    if not s or len(s) > 110 or (s.endswith(_TERMINAL) and not s.endswith(("Inc.", "Co.", "Ltd."))):
        return False
    first = s.lstrip("*#([“\"")[:1]
    return (first.isupper() or first.isdigit()) and len(s.split()) <= 14


def _name_line(text: str) -> bool:
    words = text.split()
    if not 2 <= len(words) <= 5 or any(ch.isdigit() for ch in text):
        return False
    if _SECTIONISH.search(text) or text.rstrip().endswith(_TERMINAL):
        return False
    return all(_NAME_WORD.match(w) for w in words)


def _merge_split_lines(page: Page) -> Page:
    """Join pieces of one visual line the text layer broke at a change of baseline.

    A superscript (`1` `st`), or a word set a little higher, starts a new line in the text
    layer; a piece that begins where the last one ended, at the same height, continues it.
    """
    merged: list[Line] = []
    for ln in page.lines:
        last = merged[-1] if merged else None
        if last is not None:
            overlap = min(last.top, ln.top) - max(last.bottom, ln.bottom)
            gap = ln.x0 - last.x1
            em = max(min(last.height, ln.height), 1.0)
            if overlap >= 0.5 * em and -0.1 * em <= gap < em:
                sep = " " if gap > 0.15 * em else ""
                merged[-1] = Line(last.text + sep + ln.text, last.x0, ln.x1,
                                  max(last.top, ln.top), min(last.bottom, ln.bottom),
                                  last.bold and ln.bold, last.spaced or ln.spaced)
                continue
        merged.append(ln)
    return Page(page.width, page.height, merged)


def _margin_labels(page: Page) -> Page:
    """Put speaker names set in a margin column before the speech beside them.

    Some transcripts print the speaker in a left column level with the first lines of the
    speech (`Nicolas Payen` / `(Kepler Cheuvreux)` beside `Good morning. I have two…`).
    The text layer gives them as pieces of the same rows; the label pieces of consecutive
    rows become one header line (a parenthesised second line joins the first, as
    `Name (Firm)`), written above the speech.
    """
    margin = min((ln.x0 for ln in page.lines), default=0.0)
    lines: list[Line] = []
    for ln in page.lines:
        cut = ln.column_at
        label, rest = ln.text[:cut].strip(), ln.text[cut:].strip()
        if (cut > 0 and len(label.split()) <= 6 and len(rest) > len(label)
                and label[:1] in "(" + label[:1].upper() and ln.x0 - margin < ln.height):
            lines.append(Line(label, ln.x0, ln.label_x1, ln.top, ln.bottom, ln.bold, ln.spaced))
            lines.append(Line(rest, ln.column_x, ln.x1, ln.top, ln.bottom, ln.bold, ln.spaced))
        else:
            lines.append(ln)
    out: list[Line] = []
    i = 0
    while i < len(lines):
        if not _row_pair(lines, i):
            out.append(lines[i])
            i += 1
            continue
        labels, body = [lines[i]], [lines[i + 1]]
        i += 2
        while i < len(lines):
            if _row_pair(lines, i) and len(body) == len(labels):
                labels.append(lines[i])
                body.append(lines[i + 1])
                i += 2
            elif abs(lines[i].x0 - body[0].x0) < 2 * max(body[0].height, 1.0):
                body.append(lines[i])
                i += 1
            else:
                break
        first = labels[0]
        texts = [ln.text.strip() for ln in labels]
        if len(texts) == 2 and texts[1].startswith("(") and texts[1].endswith(")"):
            labels = [Line(f"{texts[0]} {texts[1]}", first.x0, max(first.x1, labels[1].x1),
                           first.top, first.bottom, first.bold, first.spaced)]
        out.extend(labels)
        out.extend(body)
    return Page(page.width, page.height, out)


def _row_pair(lines: Sequence[Line], i: int) -> bool:
    """Whether line `i` is a margin piece with the rest of its row after it."""
    if i + 1 >= len(lines):
        return False
    a, b = lines[i], lines[i + 1]
    em = max(a.height, 1.0)
    return (abs(a.bottom - b.bottom) < 0.3 * em and b.x0 > a.x1 + 2.5 * em
            and len(a.text.split()) <= 6 and len(b.text) > len(a.text))


def compose(pages: Sequence[Page]) -> str:
    """The transcript text of a document's pages (see the module docstring)."""
    pages = [_margin_labels(_merge_split_lines(page)) for page in pages]
    drop = _furniture(pages)
    kept: list[list[Line]] = []
    for p, page in enumerate(pages):
        lines = []
        for i, line in enumerate(page.lines):
            if (i in drop[p] or not any(ch.isalnum() for ch in line.text)
                    or _rule_or_leader(line.text)):
                continue
            lines.append(line)
        kept.append(lines)
    kept = _drop_cover_tables(kept)
    kept = _drop_repeated_headers(kept)
    edges = _right_edges(pages, kept)
    items = [_Item(ln, p) for p, lines in enumerate(kept) for ln in lines]
    if not items:
        return ""
    body = _body_height(items)
    first_page = items[0].page
    speech_seen = False  # a bold line on the cover is a title, not yet a speaker
    for k, it in enumerate(items):
        ln = it.line
        nxt = items[k + 1].line if k + 1 < len(items) else None
        width = max(ln.x1 - ln.x0, 1.0)
        char_w = width / max(len(ln.text), 1)
        follow = len(nxt.text.split()[0]) + 1 if nxt is not None and nxt.text.split() else 4
        it.full = ln.x1 + follow * char_w >= edges[it.page] - char_w
        words = ln.text.split()
        # The first page is the cover or the page head, read for the title and date; a
        # heading there would only hide them. A heading that reads as a name is left plain:
        # `## Name` is a speaker header to the layout parser.
        it.heading = it.page > first_page and not _name_line(ln.text) and "(" not in ln.text and (
            (ln.spaced and len(words) <= 12)
            or (ln.height >= 1.5 * body and len(words) <= 10
                and not ln.text.rstrip().endswith(".")))
        # a bold name over a title line is a participant entry or a name-title header,
        # which the plain lines already say; only a bold name over speech needs the mark
        it.bold_name = (ln.bold and not it.heading and _name_line(ln.text) and nxt is not None
                        and not (_label_like(nxt.text) and not nxt.bold)
                        and (it.page > first_page or speech_seen))
        speech_seen = speech_seen or it.full or ln.text.rstrip().endswith(_TERMINAL)
    return _join(items, body)


def _drop_cover_tables(kept: list[list[Line]]) -> list[list[Line]]:
    """Drop figure tables and contents pages that come before the call itself starts."""
    out: list[list[Line]] = []
    started = False
    for lines in kept:
        if started:
            out.append(lines)
            continue
        if any(_TOC_TITLE.fullmatch(ln.text.strip()) for ln in lines):
            lines = [ln for ln in lines if not _TOC_TITLE.fullmatch(ln.text.strip())]
        rows = [i for i, ln in enumerate(lines) if _table_row(ln.text)]
        if len(rows) >= 2:
            # the figures, and the upper-case column and row labels around them
            table = set(rows)
            for i, ln in enumerate(lines):
                near = any(abs(i - r) <= 2 for r in rows)
                if _caps_header(ln.text) or (near and _caps_label(ln.text)):
                    table.add(i)
            lines = [ln for i, ln in enumerate(lines) if i not in table]
        out.append(lines)
        started = any(_SECTIONISH.search(ln.text) and len(ln.text) < 60 for ln in lines)
    return out


def _drop_repeated_headers(kept: list[list[Line]]) -> list[list[Line]]:
    """Drop a speaker header repeated at the top of a page over the same turn going on.

    Some houses (FactSet) print the speaker's name and title again on each page a turn
    runs onto. It is a repeat when it is the name-and-title pair the last speech was
    under, or when the speech below it starts in lower case, mid-sentence.
    """
    seen: set[tuple[str, ...]] = set()
    last: tuple[str, ...] = ()  # the header lines above the latest speech
    out: list[list[Line]] = []
    for lines in kept:
        texts = [ln.text.strip() for ln in lines]
        for k in (2, 1):
            if len(texts) <= k or not all(_label_like(t) for t in texts[:k]):
                continue
            head = tuple(texts[:k])
            # a name-and-title pair only, after a page that ended in speech: a short
            # reply ("Thank you") reads like a header line itself
            ended_in_speech = bool(out) and bool(out[-1]) and not _label_like(
                out[-1][-1].text.strip())
            if (k == 2 and head == last and ended_in_speech and not _label_like(texts[k])) or (
                    head in seen and texts[k][:1].islower()):
                lines, texts = lines[k:], texts[k:]
                break
        out.append(lines)
        seen.update(itertools.pairwise(texts))
        seen.update((t,) for t in texts)
        for i, t in enumerate(texts):
            if not _label_like(t) and i and _label_like(texts[i - 1]):
                j = i
                while j > 0 and i - j < 2 and _label_like(texts[j - 1]):
                    j -= 1
                last = tuple(texts[j:i])
    return out


def _dehyphenate(left: str, right: str, vocabulary: set[str]) -> str:
    """Join a line ending in `word-` with the next line's text.

    A soft hyphen goes. A visible one goes only when the document itself writes the word
    whole and never with the hyphen: compounds (`forward-looking`, `year-over-year`) break
    at their hyphen far more often in transcripts than words are hyphenated.
    """
    if left.endswith("\u00ad"):
        return left[:-1] + right
    m = re.search(r"([A-Za-z]+)-$", left)
    n = re.match(r"([a-z]+)", right)
    if not m or not n:
        return f"{left} {right}" if not left.endswith("-") else left + right
    joined = (m.group(1) + n.group(1)).casefold()
    hyphened = f"{m.group(1)}-{n.group(1)}".casefold()
    if joined in vocabulary and hyphened not in vocabulary:
        return left[:-1] + right
    return left + right


def _join(items: Sequence[_Item], body: float) -> str:
    gaps = [a.line.bottom - b.line.bottom for a, b in itertools.pairwise(items)
            if a.page == b.page and 0 < a.line.bottom - b.line.bottom < 3 * body]
    pitch = median(gaps) if gaps else 1.2 * body
    # Paragraphs set apart by space: then a wrap is told by the normal line pitch as well
    # as by the right edge, which ragged text (S&P Capital IQ) leaves far from even.
    spaced = bool(gaps) and sum(g > 1.35 * pitch for g in gaps) >= 0.08 * len(gaps)
    vocabulary = {w.casefold() for it in items
                  for w in re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)*[-\u00ad]?", it.line.text)
                  if not w.endswith(("-", "\u00ad"))}
    texts = [re.sub(r"\s+", " ", it.line.text).strip() for it in items]
    out: list[str] = []
    for k, it in enumerate(items):
        text = texts[k]
        shown = f"## {text}" if it.heading else f"**{text}**" if it.bold_name else text
        if k == 0:
            out.append(shown)
            continue
        nxt = (items[k + 1], texts[k + 1]) if k + 1 < len(items) else None
        sep = _separator(items[k - 1], texts[k - 1], it, text, nxt, pitch, body, spaced)
        if sep == "\n" and k >= 2 and _title_tail(texts[k - 2], texts[k - 1], text):
            sep = " "
        if sep == " " and out[-1].endswith(("-", "\u00ad")):
            out[-1] = _dehyphenate(out[-1], text, vocabulary)
        else:
            out.append(sep)
            out.append(shown)
    # a soft hyphen left inside a line is invisible
    return "".join(out).replace("\u00ad", "").strip() + "\n"


def _title_tail(name: str, title: str, text: str) -> bool:
    """A lone word finishing the title or firm under a name (`…, Research` / `Division`)."""
    return (len(text.split()) == 1 and text[:1].isupper() and _name_line(name)
            and _label_like(title) and text.casefold() not in _LIST_WORDS)


def _header_start(it: _Item, text: str, nxt: tuple[_Item, str] | None) -> bool:
    """Whether a line opens a speaker header: a short bold line, or a name over a title."""
    if it.full or not _label_like(text):
        return False
    if it.line.bold and len(text.split()) <= 6:
        return True
    return nxt is not None and not nxt[0].full and _label_like(nxt[1]) and _name_line(text)


def _separator(prev: _Item, prev_text: str, it: _Item, text: str,
               nxt: tuple[_Item, str] | None, pitch: float, body: float, spaced: bool) -> str:
    """What goes between two lines: a space (a wrap), a newline (header lines) or a blank line."""
    if it.heading or prev.heading:
        return "\n\n"
    gap = prev.line.bottom - it.line.bottom if prev.page == it.page else pitch
    labels = _label_like(prev_text) and not prev.full and _label_like(text) and not it.full
    if prev.bold_name or it.bold_name:
        return "\n" if prev.bold_name and labels and not it.bold_name else "\n\n"
    if labels and 0 < gap < 2.5 * pitch:
        if _DANGLING.search(prev_text):
            return " "  # a title or firm wrapped in a narrow column (`Advisors, LLC,`)
        return "\n"  # a name over a title, a list entry: each keeps its own line
    if gap > 1.4 * pitch or gap < -0.5 * body:  # a wider gap, or a new column
        return "\n\n"
    if prev.page == it.page and abs(gap) < 0.3 * pitch:
        return "\n\n"  # the same row: a margin label, then the speech beside it
    if _header_start(it, text, nxt) and not _label_like(prev_text):
        return "\n\n"  # speech that reached the margin, then (often over a page) a header
    if prev.full and not (it.line.x0 > prev.line.x0 + 1.5 * body):
        return " "
    if (spaced and gap <= 1.25 * pitch and not _label_like(prev_text)
            and not prev_text.endswith(_SENTENCE_END)):
        return " "
    return "\n\n"
