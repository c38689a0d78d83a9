"""Highlight anchors and the plain annotation records; moving anchors into a corrected text.

A highlight is stored as an `Anchor`: source offsets into the decoded text, the quoted text,
and up to `CONTEXT` characters either side. When a call is re-imported in a corrected version,
`reanchor` moves every anchor with its text:

1. Map the offsets through a diff of the two texts (difflib on lines, then on characters
   inside changed line blocks). If both ends land in unchanged text and the text between
   them equals the quote, the highlight is KEPT. If the ends map but some words inside
   changed, it is EDITED when the new text is still close to the quote.
2. Otherwise search the new text for the quote with its context (exact pieces of the quote
   as probes, then a fuzzy score of quote + context around each candidate). The best
   candidate is FOUND only if it scores high and clearly beats the runner-up.
3. Everything else is ORPHANED: it keeps its quote and context and sits as an empty span at
   the place its text used to be, for the user to re-attach or delete. Nothing is silently
   attached to other text or dropped.

The `Anchor` and the library's plain records (`Highlight`, `TranscriptInfo`, `Colour`) are in
reader.core.records.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from typing import TYPE_CHECKING, Final

from reader.core.records import Anchor
from reader.core.records import Colour as Colour  # re-exported for code written before records.py
from reader.core.records import Highlight as Highlight
from reader.core.records import TranscriptInfo as TranscriptInfo

if TYPE_CHECKING:
    from difflib import SequenceMatcher

CONTEXT: Final = 32
"""Characters of context kept on each side of a quote."""

_MAX_CHAR_PRODUCT: Final = 25_000_000
"""Changed stretches bigger than this (old length times new length, about 5,000 characters a
side) are not diffed char by char (quadratic cost); anchors inside them are found by search."""
_MAX_SEGMENT_PRODUCT: Final = 250_000
"""Stretches without a unique segment are diffed with difflib only up to this size product."""
_SEGMENT_PATTERN: Final = r"[^\n.!?。！？]*(?:[.!?。！？]+[ \t]?|\n|$)"
_EDITED_MIN: Final = 0.6
"""Similarity a quote must keep when both of its ends still sit in unchanged text."""
_FOUND_QUOTE_MIN: Final = 0.8
_FOUND_TOTAL_MIN: Final = 0.75
"""Search results must match the quote this well, and quote + context together this well."""
_CONTEXT_MIN: Final = 0.5
"""A diff-mapped quote that now occurs more than once (or was edited) must keep at least one
side of its context this well."""
_MOVED_QUOTE_MIN: Final = 0.95
_MOVED_MIN_CHARS: Final = 20
_MOVED_CONTEXT_MIN: Final = 0.8
"""A quote found elsewhere whose overall score is low still counts when it is nearly exact,
at least this long (spaces aside), and one side of its context came along."""
_MARGIN: Final = 0.05
"""A search winner must beat the runner-up elsewhere by this much, or it is ambiguous."""
_SHARED_MIN: Final = 8
"""Shorter common runs are coincidence (letters, spaces) and do not count towards similarity."""
_MAX_PROBE_HITS: Final = 200
_MAX_CANDIDATES: Final = 40
"""Places scored per anchor at most (those most probes agree on, then those nearest)."""

_CJK: Final = "\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
_WS_RUN: Final = re.compile(r"\s+")


def _matcher(a: Sequence[str], b: Sequence[str]) -> SequenceMatcher[str]:
    """difflib loads with the first re-anchoring: opening a call without one never needs it."""
    from difflib import SequenceMatcher

    return SequenceMatcher(None, a, b, autojunk=False)


@cache
def _is_cjk() -> re.Pattern[str]:
    """Compiled on first use, like the sentence pattern: opening the window never needs
    them, and their ranges take milliseconds to compile."""
    return re.compile(f"[{_CJK}]")


@cache
def _segment() -> re.Pattern[str]:
    return re.compile(_SEGMENT_PATTERN)
_HALF_WIDTH: Final = {0xFF01 + i: 0x21 + i for i in range(0x5E)}
"""Full-width ASCII forms (，！？（） Ａ１) to their plain forms, one char for one char: a quote
typed with a Chinese input method matches speech-recognition text with ASCII punctuation."""


# --- Plain records ----------------------------------------------------------------------------


# --- Making anchors and finding quotes --------------------------------------------------------


def anchor_at(text: str, start: int, end: int, context: int = CONTEXT) -> Anchor:
    """The anchor for `text[start:end]`, with its context; offsets are checked."""
    if not 0 <= start < end <= len(text):
        raise ValueError(f"span {start}-{end} is not inside the text (length {len(text)})")
    return Anchor(start, end, text[start:end], text[max(0, start - context):start],
                  text[end:end + context])


def find_quote(text: str, quote: str) -> list[tuple[int, int]]:
    """Source spans where `quote` occurs: exactly if it can, else ignoring spacing, else in
    either Chinese script.

    The loose pass treats any run of whitespace as one space, whitespace next to a CJK
    character or full-width punctuation as absent, and full-width ASCII forms as their plain
    forms, so "营收达到三十二亿元，" finds "营 收 达 到 三 十 二 亿 元 ," in speech-recognition
    text. The last pass compares both sides folded to simplified script, as Find does, so
    "資金成本" finds "资金成本". Overlapping hits are all returned by the first two passes.
    """
    quote = quote.strip()
    if not quote:
        return []
    exact = _occurrences(text, quote)
    if exact:
        return [(i, i + len(quote)) for i in exact]
    key, _ = _loose(quote)
    if not key:
        return []
    loose, index = _loose(text)
    spans = []
    for i in _occurrences(loose, key):
        spans.append((index[i], index[i + len(key) - 1] + 1))
    if spans or not _has_han(key):
        return spans
    from reader.core.convert import find_all  # OpenCC, only for a Chinese quote not found

    return [(index[s], index[e - 1] + 1) for s, e in find_all(loose, key) if e > s]


def _has_han(text: str) -> bool:
    return re.search("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]", text) is not None


def _occurrences(text: str, needle: str) -> list[int]:
    found = []
    i = text.find(needle)
    while i >= 0:
        found.append(i)
        i = text.find(needle, i + 1)
    return found


def _loose(text: str) -> tuple[str, list[int]]:
    """`text` with spacing and full-width forms normalised (see `find_quote`), and each kept
    char's source offset."""
    text = text.translate(_HALF_WIDTH)
    out: list[str] = []
    index: list[int] = []
    pos = 0
    for m in _WS_RUN.finditer(text):
        s, e = m.span()
        out.append(text[pos:s])
        index.extend(range(pos, s))
        before = text[s - 1] if s > 0 else ""
        after = text[e] if e < len(text) else ""
        if before and after and not _is_cjk().match(before) and not _is_cjk().match(after):
            out.append(" ")
            index.append(s)
        pos = e
    out.append(text[pos:])
    index.extend(range(pos, len(text)))
    return "".join(out), index


# --- Re-anchoring ------------------------------------------------------------------------------


class Placement(StrEnum):
    KEPT = "kept"          # same text, possibly at a new offset
    EDITED = "edited"      # same place, some characters inside corrected
    FOUND = "found"        # located by searching for the quote and its context
    ORPHANED = "orphaned"  # not found with confidence; quote kept


@dataclass(frozen=True, slots=True)
class Reanchored:
    """Where an anchor lands in the new text. For ORPHANED, `anchor` is an empty span at the
    estimated old place, carrying the old quote and context."""

    anchor: Anchor
    placement: Placement
    score: float

    @property
    def orphaned(self) -> bool:
        return self.placement is Placement.ORPHANED


@dataclass(slots=True)
class TextMap:
    """Offsets in an old text mapped to a new one through the blocks the two share."""

    old_starts: list[int] = field(default_factory=list)
    blocks: list[tuple[int, int, int]] = field(default_factory=list)  # (old, new, length)

    @classmethod
    def between(cls, old: str, new: str, *, chars: bool = True) -> TextMap:
        """Shared blocks of two versions: a patience diff on sentence-sized segments, then a
        character diff inside each changed stretch (so a corrected word maps around itself)."""
        a_segs, b_segs = _segments(old), _segments(new)
        a_off, b_off = _line_offsets(a_segs), _line_offsets(b_segs)
        pairs: list[tuple[int, int]] = []
        _match_segments(a_segs, b_segs, 0, len(a_segs), 0, len(b_segs), pairs)
        pairs.append((len(a_segs), len(b_segs)))  # sentinel: closes the last gap
        blocks: list[tuple[int, int, int]] = []
        i = j = 0
        for pi, pj in pairs:
            a0, a1, b0, b1 = a_off[i], a_off[pi], b_off[j], b_off[pj]
            if chars and a1 > a0 and b1 > b0 and (a1 - a0) * (b1 - b0) <= _MAX_CHAR_PRODUCT:
                diff = _matcher(old[a0:a1], new[b0:b1])
                blocks.extend((a0 + a, b0 + b, n) for a, b, n in diff.get_matching_blocks() if n)
            if pi < len(a_segs):
                blocks.append((a_off[pi], b_off[pj], len(a_segs[pi])))
            i, j = pi + 1, pj + 1
        merged: list[tuple[int, int, int]] = []
        for a, b, n in blocks:
            if merged and merged[-1][0] + merged[-1][2] == a and merged[-1][1] + merged[-1][2] == b:
                pa, pb, pn = merged[-1]
                merged[-1] = (pa, pb, pn + n)
            else:
                merged.append((a, b, n))
        return cls([a for a, _, _ in merged], merged)

    def _block_at(self, pos: int) -> int:
        """Index of the last block starting at or before `pos`, or -1."""
        return bisect_right(self.old_starts, pos) - 1

    def map_start(self, pos: int) -> int | None:
        """Exact new offset of the char at `pos`, if that char is unchanged."""
        i = self._block_at(pos)
        if i >= 0:
            a, b, n = self.blocks[i]
            if pos < a + n:
                return b + pos - a
        return None

    def map_end(self, pos: int) -> int | None:
        """Exact new offset for an end position (the char before it must be unchanged)."""
        i = self._block_at(pos - 1)
        if i >= 0:
            a, b, n = self.blocks[i]
            if a < pos <= a + n:
                return b + pos - a
        return None

    def estimate(self, pos: int) -> int:
        """Best guess for any position: exact if unchanged, else the end of the unchanged text
        before it."""
        i = self._block_at(pos)
        if i < 0:
            return 0
        a, b, n = self.blocks[i]
        return b + min(pos - a, n)


def _line_offsets(lines: list[str]) -> list[int]:
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    return offsets


def _segments(text: str) -> list[str]:
    """The text cut after each newline and each sentence end; joined, they give the text back.

    Sentences rather than lines, because some layouts put a whole call on a few long lines.
    """
    return [m.group() for m in _segment().finditer(text) if m.group()]


def _match_segments(a: list[str], b: list[str], alo: int, ahi: int, blo: int, bhi: int,
                    out: list[tuple[int, int]], depth: int = 0) -> None:
    """Append matching (old, new) segment pairs in order: a patience diff.

    Segments that occur once on each side anchor the match (longest increasing run of them);
    the stretches between anchors are matched the same way. A stretch with no unique segment
    falls back to difflib when it is small, else stays unmatched (its anchors are searched for).
    """
    while alo < ahi and blo < bhi and a[alo] == b[blo]:
        out.append((alo, blo))
        alo, blo = alo + 1, blo + 1
    tail: list[tuple[int, int]] = []
    while alo < ahi and blo < bhi and a[ahi - 1] == b[bhi - 1]:
        ahi, bhi = ahi - 1, bhi - 1
        tail.append((ahi, bhi))
    if alo < ahi and blo < bhi:
        anchors = _unique_common(a, b, alo, ahi, blo, bhi) if depth < 50 else []
        if anchors:
            i, j = alo, blo
            for ai, bj in anchors:
                _match_segments(a, b, i, ai, j, bj, out, depth + 1)
                out.append((ai, bj))
                i, j = ai + 1, bj + 1
            _match_segments(a, b, i, ahi, j, bhi, out, depth + 1)
        elif (ahi - alo) * (bhi - blo) <= _MAX_SEGMENT_PRODUCT:
            matcher = _matcher(a[alo:ahi], b[blo:bhi])
            for x, y, n in matcher.get_matching_blocks():
                out.extend((alo + x + k, blo + y + k) for k in range(n))
    out.extend(reversed(tail))


def _unique_common(a: list[str], b: list[str], alo: int, ahi: int, blo: int,
                   bhi: int) -> list[tuple[int, int]]:
    """Anchor pairs: segments as rare as possible and as frequent on both sides (once each,
    ideally; the k-th occurrence pairs with the k-th), longest run increasing on both sides."""
    seen_a: dict[str, list[int]] = {}
    for i in range(alo, ahi):
        seen_a.setdefault(a[i], []).append(i)
    seen_b: dict[str, list[int]] = {}
    for j in range(blo, bhi):
        seen_b.setdefault(b[j], []).append(j)
    rarest = min((len(v) for k, v in seen_a.items() if len(seen_b.get(k, ())) == len(v)),
                 default=0)
    if not rarest:
        return []
    pairs = sorted(pair for k, v in seen_a.items() if len(v) == rarest
                   and len(seen_b.get(k, ())) == rarest for pair in zip(v, seen_b[k], strict=True))
    # Longest increasing subsequence on the new-side index (patience sorting).
    tails: list[int] = []
    tail_at: list[int] = []
    back: list[int] = [-1] * len(pairs)
    for k, (_, j) in enumerate(pairs):
        pos = bisect_right(tails, j)
        if pos > 0:
            back[k] = tail_at[pos - 1]
        if pos == len(tails):
            tails.append(j)
            tail_at.append(k)
        else:
            tails[pos] = j
            tail_at[pos] = k
    run: list[tuple[int, int]] = []
    k = tail_at[-1]
    while k >= 0:
        run.append(pairs[k])
        k = back[k]
    run.reverse()
    return run


def text_similarity(old: str, new: str) -> float:
    """0..1: the share of both texts that the diff finds in common (1.0 for equal texts).

    Used to decide whether a file is a corrected version of a call already in the library.
    """
    if old == new:
        return 1.0
    if not old or not new:
        return 0.0
    total = len(old) + len(new)
    rough = 2 * sum(n for _, _, n in TextMap.between(old, new, chars=False).blocks) / total
    if rough < 0.3:  # unrelated texts: not worth the character diff
        return rough
    shared = sum(n for _, _, n in TextMap.between(old, new).blocks if n >= _SHARED_MIN)
    return 2 * shared / total


def reanchor(old_text: str, new_text: str, anchors: Sequence[Anchor]) -> list[Reanchored]:
    """Place each anchor of `old_text` in `new_text` (see the module docstring for the rules).

    An anchor whose quote is not at its offsets in `old_text` (an orphan from an earlier
    version) is looked for by search only.
    """
    if old_text == new_text:
        return [Reanchored(a, Placement.KEPT if old_text[a.start:a.end] == a.quote and a.quote
                           else Placement.ORPHANED, 1.0) for a in anchors]
    tmap = TextMap.between(old_text, new_text)
    return [_place(a, old_text, new_text, tmap) for a in anchors]


def _place(anchor: Anchor, old: str, new: str, tmap: TextMap) -> Reanchored:
    est_start = tmap.estimate(anchor.start)
    est_end = max(est_start, tmap.estimate(anchor.end))
    verified = bool(anchor.quote) and old[anchor.start:anchor.end] == anchor.quote
    if verified:
        s, e = tmap.map_start(anchor.start), tmap.map_end(anchor.end)
        if s is not None and e is not None and s < e:
            if new[s:e] == anchor.quote and (_unique(new, anchor.quote)
                                             or _context(anchor, new, s, e) >= _CONTEXT_MIN):
                return Reanchored(anchor_at(new, s, e), Placement.KEPT, 1.0)
            score = similarity(anchor.quote, new[s:e])
            if score >= _EDITED_MIN and _context(anchor, new, s, e) >= _CONTEXT_MIN:
                return Reanchored(anchor_at(new, s, e), Placement.EDITED, score)
        local = _near(anchor, new, est_start, est_end)
        if local is not None:
            return local
    if anchor.quote:
        found = _search(anchor, new, est_start)
        if found is not None:
            return found
    point = min(est_start, len(new))
    orphan = Anchor(point, point, anchor.quote, anchor.prefix, anchor.suffix)
    return Reanchored(orphan, Placement.ORPHANED, 0.0)


def _near(anchor: Anchor, new: str, est_start: int, est_end: int) -> Reanchored | None:
    """An edited quote where the diff says its text went: the best lining-up span near the
    estimate, accepted only if it mostly overlaps the estimated region (a deleted passage has
    an empty region, so its neighbours are never taken for it) and keeps some context."""
    quote = anchor.quote
    if est_end <= est_start:
        return None
    slack = len(quote) // 4 + 8
    span = _best_span(quote, new, max(0, est_start - slack), min(len(new), est_end + slack))
    if span is None:
        return None
    s, e = span
    overlap = min(e, est_end) - max(s, est_start)
    if overlap * 2 < e - s:
        return None
    score = similarity(quote, new[s:e])
    if score < _FOUND_QUOTE_MIN or _context(anchor, new, s, e) < _CONTEXT_MIN:
        return None
    return Reanchored(anchor_at(new, s, e), Placement.EDITED, score)


def _unique(text: str, quote: str) -> bool:
    first = text.find(quote)
    return first >= 0 and text.find(quote, first + 1) < 0


def _context(anchor: Anchor, new: str, s: int, e: int) -> float:
    """How well the better-kept side of the context still matches around new[s:e]."""
    before = similarity(anchor.prefix, new[max(0, s - len(anchor.prefix)):s])
    after = similarity(anchor.suffix, new[e:e + len(anchor.suffix)])
    return max(before, after)


def similarity(a: str, b: str) -> float:
    """0..1 likeness of two passages, blind to spacing (speech text spaces CJK unevenly)."""
    a, b = _WS_RUN.sub("", a), _WS_RUN.sub("", b)
    if not a and not b:
        return 1.0
    if not a or not b:
        return 0.0
    matcher = _matcher(a, b)
    if matcher.real_quick_ratio() < 0.5:
        return matcher.real_quick_ratio()
    return matcher.ratio()


def _probes(quote: str) -> list[tuple[int, str]]:
    """Up to six exact pieces of the quote, spread over it, with their offsets in it."""
    n = len(quote)
    k = max(4, min(24, n // 4))
    if n <= k:
        return [(0, quote)]
    count = min(6, max(2, n // k))
    step = (n - k) / (count - 1)
    seen: dict[int, str] = {}
    for j in range(count):
        off = round(j * step)
        seen[off] = quote[off:off + k]
    return sorted(seen.items())


def _search(anchor: Anchor, new: str, near: int) -> Reanchored | None:
    quote = anchor.quote
    starts: set[int] = set()
    for off, probe in _probes(quote):
        if not probe.strip():
            continue
        hits = 0
        i = new.find(probe)
        while i >= 0 and hits < _MAX_PROBE_HITS:
            starts.add(max(0, i - off))
            hits += 1
            i = new.find(probe, i + 1)
    if not starts:
        return None
    if len(starts) > _MAX_CANDIDATES:
        votes: dict[int, int] = {}
        for c in starts:
            votes[c // 8] = votes.get(c // 8, 0) + 1
        starts = set(sorted(starts, key=lambda c: (-votes[c // 8], abs(c - near)))[:_MAX_CANDIDATES])
    slack = len(quote) // 4 + 8
    scored: list[tuple[float, float, int, int]] = []
    seen: set[tuple[int, int]] = set()
    for cs in sorted(starts):
        lo, hi = max(0, cs - slack), min(len(new), cs + len(quote) + slack)
        span = _best_span(quote, new, lo, hi)
        if span is None or span in seen:
            continue
        seen.add(span)
        s, e = span
        q = similarity(quote, new[s:e])
        if q < _FOUND_QUOTE_MIN:
            continue
        whole = similarity(anchor.prefix + quote + anchor.suffix,
                           new[max(0, s - len(anchor.prefix)):e + len(anchor.suffix)])
        if (whole < _FOUND_TOTAL_MIN and q >= _MOVED_QUOTE_MIN
                and len(_WS_RUN.sub("", quote)) >= _MOVED_MIN_CHARS
                and _context(anchor, new, s, e) >= _MOVED_CONTEXT_MIN):
            # A distinctive passage that moved with one side of its context.
            whole = _FOUND_TOTAL_MIN
        scored.append((whole, q, s, e))
    if not scored:
        return None
    scored.sort(key=lambda t: (-t[0], -t[1], abs(t[2] - near)))
    whole, q, s, e = scored[0]
    if whole < _FOUND_TOTAL_MIN:
        return None
    rivals = [t for t in scored[1:] if t[3] <= s or t[2] >= e]  # elsewhere, not overlapping
    if rivals and rivals[0][0] > whole - _MARGIN:
        return None
    return Reanchored(anchor_at(new, s, e), Placement.FOUND, whole)


def _best_span(quote: str, text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """The span of text[lo:hi] that lines up with the quote, from its matching blocks.

    Single-character coincidences are ignored so a stray match far off cannot stretch the span.
    """
    window = text[lo:hi]
    matcher = _matcher(quote, window)
    blocks = [b for b in matcher.get_matching_blocks() if b.size >= 3 or b.size == len(quote)]
    blocks = [b for b in blocks if b.size]
    if not blocks:
        return None
    first, last = blocks[0], blocks[-1]
    s = max(0, first.b - first.a)
    e = min(len(window), last.b + last.size + (len(quote) - last.a - last.size))
    if not quote[0].isspace():
        while s < e and window[s].isspace():
            s += 1
    if not quote[-1].isspace():
        while e > s and window[e - 1].isspace():
            e -= 1
    if s >= e:
        return None
    return lo + s, lo + e

