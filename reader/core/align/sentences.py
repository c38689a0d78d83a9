"""Sentence spans for Mandarin speech-recognition text and English interpretation text."""

from __future__ import annotations

import re
from collections.abc import Iterable

Span = tuple[int, int]

# Chinese text is split into pieces of at most this many CJK characters (fillers excluded)
# when it has no sentence punctuation: one English sentence covers about 30-60 of them.
ZH_MAX_CJK = 60
_ZH_MIN_PIECE = 12

_EDGE = " \t\r\n\u3000\xa0\ufeff\u200b"
_CLOSERS = "\"'”’」』）)]】》"
_ZH_STOPS = "。！？；!?;…"
_EN_STOPS = "!?。！？…"
_FILLERS = "嗯呃啊哦唉诶"
_BLANK_LINE = re.compile(r"\n[ \t\u3000\xa0]*\n")
_SPACE_RUN = re.compile(r"\s+")
_CJK_OR_PUNCT = "\u3001-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
_SPACE_BY_CJK = re.compile(f"(?<=[{_CJK_OR_PUNCT}])\\s+|\\s+(?=[{_CJK_OR_PUNCT}])")
_SPACE_WITH_NEWLINE = re.compile(r"\s*\n\s*")
_OTHER_SPACE = re.compile(r"[^\S\n]+")
_NEEDS_COMPACTING = re.compile("[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
                               "\uff00-\uffef]|\\s\\s|[^\\S ]")
_CJK = re.compile("[\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff]")

# Where a long Chinese run may be cut besides commas: connectives that open a clause.
_ZH_OPENERS = (
    "同时", "因此", "另外", "另一方面", "目前", "所以", "但是", "而且", "然后", "比如", "例如",
    "相信", "接下来", "此外", "并且", "不过", "虽然", "如果", "我们也", "总的来说", "首先",
    "其次", "最后", "第二", "第三", "由于", "对于", "从这个", "那么",
)

# Abbreviations after which a full stop never ends an English sentence.
_EN_NEVER_END = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "messrs", "no", "nos", "vs", "v",
    "e.g", "i.e", "cf", "approx", "ca", "fig", "dept", "est", "mt", "op",
})
# Abbreviations that end a sentence only when a capitalised word follows.
_EN_END_IF_CAPITAL = frozenset({
    "inc", "ltd", "co", "corp", "plc", "llc", "etc", "u.s", "u.k", "u.s.a", "a.m", "p.m",
    "bros", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
})


def is_cjk(ch: str) -> bool:
    """Han ideographs (basic block, extension A and compatibility ideographs)."""
    code = ord(ch)
    return 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0xF900 <= code <= 0xFAFF


def _is_cjk_or_punct(ch: str) -> bool:
    code = ord(ch)
    return is_cjk(ch) or 0x3000 <= code <= 0x303F or 0xFF00 <= code <= 0xFFEF


def compact_text(text: str) -> str:
    """The compacted text of `compact`, without the offsets (much faster)."""
    if not _NEEDS_COMPACTING.search(text):
        return text
    flat = _SPACE_BY_CJK.sub("", text)
    return _OTHER_SPACE.sub(" ", _SPACE_WITH_NEWLINE.sub("\n", flat))


def compact(text: str) -> tuple[str, list[int]]:
    """Drop white space that touches a CJK character, keeping where each kept char came from.

    Speech recognition puts a space between every character (`一 千 零 九 十 五 亿`); word
    lists and number patterns only work on the compacted form. `where[i]` is the offset in
    `text` of `compacted[i]`; a final extra entry holds `len(text)` so end offsets map too.
    Other white space runs become one space (or one newline if they hold one).
    """
    n = len(text)
    if not _NEEDS_COMPACTING.search(text):  # plain English with single spaces: as it is
        return text, list(range(n + 1))
    out: list[str] = []
    where: list[int] = []
    pos = 0
    for m in _SPACE_RUN.finditer(text):
        a, b = m.span()
        out.append(text[pos:a])
        where.extend(range(pos, a))
        before = text[a - 1] if a else ""
        after = text[b] if b < n else ""
        if not ((before and _is_cjk_or_punct(before)) or (after and _is_cjk_or_punct(after))):
            newline = text.find("\n", a, b)
            out.append(" " if newline < 0 else "\n")
            where.append(a if newline < 0 else newline)
        pos = b
    out.append(text[pos:])
    where.extend(range(pos, n))
    where.append(n)
    return "".join(out), where


def cjk_count(text: str, *, fillers: bool = False) -> int:
    """How many Han characters `text` has; filler syllables (嗯, 呃) count only if asked."""
    count = len(_CJK.findall(text))
    if not fillers:
        count -= sum(text.count(ch) for ch in _FILLERS)
    return count


def _trimmed(text: str, spans: Iterable[Span]) -> list[Span]:
    """Spans without edge white space, dropping those left with no letter, digit or ideograph."""
    out: list[Span] = []
    for start, end in spans:
        while start < end and text[start] in _EDGE:
            start += 1
        while end > start and text[end - 1] in _EDGE:
            end -= 1
        if any(ch.isalnum() for ch in text[start:end]):
            out.append((start, end))
    return out


def _blocks(text: str) -> list[Span]:
    """Blank lines always end a sentence: the text between them, as spans."""
    out: list[Span] = []
    pos = 0
    for m in _BLANK_LINE.finditer(text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return out


def _after_closers(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos] in _CLOSERS:
        pos += 1
    return pos


# --- Chinese -------------------------------------------------------------------------------

def split_zh(text: str) -> list[Span]:
    """Sentence spans of Mandarin text, long unpunctuated runs cut at clause boundaries."""
    raw: list[Span] = []
    for b_start, b_end in _blocks(text):
        raw.extend(_zh_stops(text, b_start, b_end))
    out: list[Span] = []
    for span in _trimmed(text, raw):
        out.extend(_zh_cut_long(text, span))
    return out


def _zh_stops(text: str, start: int, end: int) -> list[Span]:
    out: list[Span] = []
    seg = start
    i = start
    while i < end:
        ch = text[i]
        stop = ch in _ZH_STOPS or (ch == "." and _zh_full_stop(text, i, end))
        if not stop:
            i += 1
            continue
        j = i + 1
        while j < end and (text[j] in _ZH_STOPS or text[j] == "." or text[j] in _CLOSERS
                           or (text[j] in " \u3000" and j + 1 < end and text[j + 1] in _ZH_STOPS)):
            j += 1
        out.append((seg, j))
        seg = i = j
    out.append((seg, end))
    return out


def _zh_full_stop(text: str, i: int, end: int) -> bool:
    """An ASCII full stop in Chinese text ends a sentence unless it is a decimal point or
    follows an English abbreviation (`Mr.`)."""
    prev = text[i - 1] if i > 0 else ""
    nxt = text[i + 1] if i + 1 < end else ""
    if prev.isdigit() and nxt.isdigit():
        return False
    if prev.isascii() and prev.isalpha():
        word = _word_before(text, i)
        return word.lower() not in _EN_NEVER_END and not nxt.isalpha()
    return True


def _zh_cut_long(text: str, span: Span) -> list[Span]:
    start, end = span
    piece = text[start:end]
    total = cjk_count(piece)
    if total <= ZH_MAX_CJK:
        return [span]
    best: tuple[float, int] | None = None
    for pos, penalty in _zh_cut_candidates(text, start, end):
        left = cjk_count(text[start:pos])
        right = total - left
        if left < _ZH_MIN_PIECE or right < _ZH_MIN_PIECE:
            continue
        score = abs(left - total / 2) / total + penalty
        if best is None or score < best[0]:
            best = (score, pos)
    if best is None:
        return [span]
    cut = best[1]
    out: list[Span] = []
    for part in _trimmed(text, [(start, cut), (cut, end)]):
        out.extend(_zh_cut_long(text, part))
    return out


def _zh_cut_candidates(text: str, start: int, end: int) -> list[tuple[int, float]]:
    """Possible cut offsets with a penalty: commas are best, then fillers, then connectives."""
    out: list[tuple[int, float]] = []
    for i in range(start, end):
        if text[i] in "，,":
            out.append((i + 1, 0.0))
    flat, where = compact(text[start:end])
    for k, ch in enumerate(flat):
        if ch in "嗯呃" and (k == 0 or flat[k - 1] not in "嗯呃"):
            out.append((start + where[k], 0.12))
    for opener in _ZH_OPENERS:
        k = flat.find(opener)
        while k >= 0:
            out.append((start + where[k], 0.2))
            k = flat.find(opener, k + 1)
    return out


# --- English -------------------------------------------------------------------------------

def split_en(text: str) -> list[Span]:
    """Sentence spans of English text, aware of abbreviations, decimals and list numbers."""
    raw: list[Span] = []
    for b_start, b_end in _blocks(text):
        raw.extend(_en_stops(text, b_start, b_end))
    return _trimmed(text, raw)


def _word_before(text: str, dot: int) -> str:
    """The token that ends just before `text[dot]` (dots inside it kept: `U.S`, `e.g`)."""
    i = dot
    while i > 0 and not text[i - 1].isspace() and text[i - 1] not in "(\"'“‘[":
        i -= 1
    return text[i:dot]


def _next_visible(text: str, pos: int, end: int) -> tuple[int, str]:
    while pos < end and text[pos].isspace():
        pos += 1
    return pos, (text[pos] if pos < end else "")


def _en_stops(text: str, start: int, end: int) -> list[Span]:
    out: list[Span] = []
    seg = start
    i = start
    while i < end:
        ch = text[i]
        if ch == "\n":
            nxt_pos, nxt = _next_visible(text, i, end)
            if nxt and _LIST_MARK.match(text, nxt_pos):
                out.append((seg, i))
                seg = i
            i += 1
            continue
        if ch != "." and ch not in _EN_STOPS:
            i += 1
            continue
        j = i + 1
        while j < end and (text[j] == "." or text[j] in _EN_STOPS):
            j += 1
        j = _after_closers(text, j, end)
        if ch == "." and not _en_full_stop(text, seg, i, j, end):
            i = j
            continue
        if ch in "!?" and j < end and not text[j].isspace() and not is_cjk(text[j]):
            i = j
            continue
        out.append((seg, j))
        seg = i = j
    out.append((seg, end))
    return out


_LIST_MARK = re.compile(r"(?:\d{1,2}[.)]|[-•*·])\s")


def _en_full_stop(text: str, seg: int, dot: int, after: int, end: int) -> bool:
    """Whether the full stop(s) at `text[dot:after]` end the sentence that began at `seg`."""
    if after < end and not text[after].isspace() and not is_cjk(text[after]) \
            and text[after] not in "。，":
        return False  # 4.1%, U.S, e.g: no space after the dot
    nxt = _next_visible(text, after, end)[1]
    if not nxt:
        return True
    if nxt.islower():
        return False
    ellipsis = after - dot >= 3 or text[dot:after].startswith("…")
    if ellipsis:
        return True
    word = _word_before(text, dot)
    bare = word.rstrip(".").lower()
    if bare in _EN_NEVER_END:
        return False
    if bare in _EN_END_IF_CAPITAL:
        return nxt.isupper() or nxt.isdigit() or is_cjk(nxt)
    if len(word) == 1 and word.isupper():
        return False  # an initial: Karen J. Smith
    list_number = word.isdigit() and len(word) <= 2
    return not (list_number and _is_list_number(text, seg, dot, int(word)))


def _is_list_number(text: str, seg: int, dot: int, number: int) -> bool:
    """`2.` is an item number when it opens the sentence or follows item `1.` inside it."""
    head = text[seg:dot - len(str(number))]
    if not head.strip() or head.rstrip().endswith((":", ";")):
        return True
    return number > 1 and re.search(rf"(?:^|\s){number - 1}\.\s", text[seg:dot]) is not None
