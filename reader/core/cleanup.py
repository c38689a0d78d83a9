"""Speech-recognition cleanup as a view: joined CJK spacing and fillers, mapped to the source.

The source text is never changed; `clean` returns a derived text plus the offset map, so a
selection or note made on the cleaned view lands on the same source characters.

Spacing rules (a "run" is one or more ASCII spaces, U+3000 or NBSP inside a line; newlines
are never touched; a run is removed whole or kept whole):

* between two CJK chars (ideographs or CJK/full-width punctuation): removed, so
  `谢 谢` -> `谢谢` and word-spaced `的 郑豪` -> `的郑豪`;
* next to CJK punctuation on either side: removed (`Karen 。` -> `Karen。`);
* before `, . ; : ! ? …` that follows a CJK char: removed (`好 ,` -> `好,`); after such
  punctuation when a CJK char follows: removed (`好 , 谢` -> `好,谢`);
* before that punctuation when a CJK char follows it (`Q1 , 我们` -> `Q1, 我们`);
* between a CJK char and a Latin word or number: kept (`谢谢 Karen`, `一季度 Q1`), because the
  space is what keeps mixed text readable; Latin-to-Latin spacing is kept as is.

Fillers are 嗯 呃 啊 哦 standing as their own token (repeats such as 嗯嗯 and a trailing
`...` included) and the English hesitations uh, um, er, erm, hmm as whole words. 嗯 and 呃
are marked between any spaces, punctuation or line edges, since they are not parts of words.
啊 and 哦 are also sentence particles (`准备啊`, `催收 啊 ,` in a list), so they are marked only
when they open a clause: after a line start or punctuation. All-caps forms (`UM`, `ER`) are
left alone as likely acronyms, and `uh-huh` is not a filler: it is an answer.

Hiding a filler removes it with the separator after it (`嗯 , 我们` -> `我们`); when it sits
between a comma and a stronger stop (`地 , 嗯 。`) the comma before it goes instead, so the
sentence keeps its full stop.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cache
from typing import NamedTuple

from reader.core.offsetmap import MappedText

_HAN = "\u3005-\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_CJK_PUNCT = "\u3001-\u3004\u3008-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"
_SPACE = " \u3000\xa0"
_ATTACH = ",.;:!?\u2026"  # Latin punctuation that sticks to the CJK text it follows

_S = f"[{_SPACE}]"
_A = f"[{_ATTACH}]"

# Joining runs on a skeleton of the text, one char for one char, where every Han char is
# _HAN_MARK and every CJK punctuation mark _PUNCT_MARK: the pattern then needs no Han ranges,
# which take milliseconds to compile each time they appear (see _Skeleton).
_HAN_MARK = "\ue000"
_PUNCT_MARK = "\ue001"
_C = f"[{_HAN_MARK}{_PUNCT_MARK}]"

# Anything that can end a token: white space and punctuation of both scripts.
_BOUND = rf"\s{_CJK_PUNCT}!-/:-@\[-`{{-~\u2026\u2014"
_ELLIPSIS = rf"(?:{_S}*(?:\.{{2,}}|\u2026+))?"


class _Patterns(NamedTuple):
    join: re.Pattern[str]
    cjk_filler: re.Pattern[str]
    en_filler: re.Pattern[str]


@cache
def _patterns() -> _Patterns:
    """Compiled on first use: the Han ranges make them cost milliseconds to compile, which
    importing this module (the window does, for its lists) should not pay."""
    return _Patterns(
        # Every branch starts at the first space of a run (the lookbehinds see the char
        # before it), so the engine only tries them at spaces: twice as fast as
        # lookbehind-first branches.
        join=re.compile(  # on the skeleton
            rf"{_S}(?:(?<={_C}{_S}){_S}*(?={_C}|{_A})"  # 谢 谢 / 好 ,
            rf"|(?<={_PUNCT_MARK}{_S}){_S}*(?=\S)"  # 。 Karen
            rf"|(?<=\S{_S}){_S}*(?={_PUNCT_MARK}|{_A}+{_S}*{_C})"  # Karen 。 / Q1 , 我们
            rf"|(?<={_A}{_S}){_S}*(?={_HAN_MARK}))"  # , 谢: only if CJK precedes the ',' (checked after)
        ),
        cjk_filler=re.compile(
            rf"(?P<w>[嗯呃啊哦](?<![^{_BOUND}][嗯呃啊哦])[嗯呃啊哦]*)(?=[{_BOUND}]|\Z){_ELLIPSIS}"
        ),
        # The first letter is matched before the lookbehind so the engine skips most
        # positions fast.
        en_filler=re.compile(
            r"(?P<w>[uUeEhH](?<![\w'’-][uUeEhH])"
            r"(?:(?<=[uU])(?:[uU]*[hH]+|[uU]*[mM]+|[hH][mM]+)|(?<=[eE])[rR][mM]*|(?<=[hH])[mM]+))"
            rf"(?![\w'’-]){_ELLIPSIS}"
        ),
    )


def _ranges(spec: str) -> tuple[tuple[int, int], ...]:
    """Code point ranges of a character-class body made only of `a-b` pairs."""
    return tuple((ord(spec[i]), ord(spec[i + 2])) for i in range(0, len(spec), 3))


# Single characters are tested against code point ranges, not one-character patterns.
_CJK_PUNCT_RANGES = _ranges(_CJK_PUNCT)
_HAN_RANGES = _ranges(_HAN)
_CJK_RANGES = _HAN_RANGES + _CJK_PUNCT_RANGES
_PUNCT_RANGES = _CJK_PUNCT_RANGES + _ranges("!-/:-@[-`{-~\u2026-\u2026\u2014-\u2014")
_PARTICLES = frozenset("啊哦")  # fillers that are also sentence particles
_COMMA_LIKE = frozenset(",，、")


def _is_in(ch: str, ranges: tuple[tuple[int, int], ...]) -> bool:
    """Is `ch` one character within `ranges` (False for an empty string)?"""
    if len(ch) != 1:
        return False
    code = ord(ch)
    return any(lo <= code <= hi for lo, hi in ranges)


class _Skeleton(dict[int, int]):
    """A `str.translate` table filled as chars turn up: Han to _HAN_MARK, CJK punctuation
    to _PUNCT_MARK, the marks themselves (private-use chars a text may hold) to a plain
    letter, which the join pattern treats the same, and every other char to itself."""

    def __missing__(self, code: int) -> int:
        ch = chr(code)
        if _is_in(ch, _HAN_RANGES):
            value = ord(_HAN_MARK)
        elif _is_in(ch, _CJK_PUNCT_RANGES):
            value = ord(_PUNCT_MARK)
        elif ch in (_HAN_MARK, _PUNCT_MARK):
            value = ord("a")
        else:
            value = code
        self[code] = value
        return value


_SKELETON = _Skeleton()


@dataclass(frozen=True, slots=True)
class CleanText(MappedText):
    """A cleaned view; `fillers` are source spans, for views that grey or hide them."""

    fillers: list[tuple[int, int]] = field(default_factory=list)


def clean(text: str, *, join_cjk_spaces: bool = True, hide_fillers: bool = False) -> CleanText:
    """Derive the cleaned view of `text` with its offset map and the fillers found."""
    fillers = find_fillers(text)
    hidden = _merge([_hidden_span(text, s, e) for s, e in fillers]) if hide_fillers else []
    base = MappedText.from_deletions(text, hidden)
    joins = _join_spans(base.text) if join_cjk_spaces else []
    if hidden and joins:
        joins = _lift(joins, base)
    deletions = _union(joins, hidden)
    mapped = MappedText.from_deletions(text, deletions) if joins else base
    return CleanText(mapped.text, mapped.source_len, mapped.edits, fillers)


def find_fillers(text: str) -> list[tuple[int, int]]:
    """Source spans of filler tokens, each with any `...` that trails it."""
    patterns = _patterns()
    spans = [m.span() for m in patterns.cjk_filler.finditer(text) if _opens_clause_ok(text, m)]
    spans += [m.span() for m in patterns.en_filler.finditer(text) if not _acronym(m.group("w"))]
    return sorted(spans)


def _join_spans(text: str) -> list[tuple[int, int]]:
    if text.isascii():
        return []  # every rule needs a Han char or CJK punctuation
    spans = [m.span() for m in _patterns().join.finditer(text.translate(_SKELETON))]
    # Runs after Latin punctuation were matched whatever precedes it; drop those where no CJK
    # char does (`now. 好` keeps its space, `好 , 谢` does not).
    return [sp for sp in spans if text[sp[0] - 1] not in _ATTACH or _cjk_before(text, sp)]


def _cjk_before(text: str, span: tuple[int, int]) -> bool:
    """Is the punctuation cluster ending at span[0] itself preceded by a CJK char?"""
    after = text[span[1]]
    if after in _ATTACH or _is_in(after, _CJK_PUNCT_RANGES):
        return True  # removed whatever precedes: next to CJK punctuation, or `Q1 , 我们`
    i = span[0]
    while i > 0 and text[i - 1] in _ATTACH:
        i -= 1
    while i > 0 and text[i - 1] in _SPACE:
        i -= 1
    return i > 0 and _is_in(text[i - 1], _CJK_RANGES)


def _opens_clause_ok(text: str, m: re.Match[str]) -> bool:
    """嗯/呃 stand alone anywhere; 啊/哦 only after a line start or punctuation."""
    if not _PARTICLES.intersection(m.group("w")):
        return True
    i = m.start()
    while i > 0 and text[i - 1] in _SPACE:
        i -= 1
    return i == 0 or text[i - 1] == "\n" or _is_in(text[i - 1], _PUNCT_RANGES)


def _acronym(word: str) -> bool:
    return len(word) > 1 and word.isupper()


def _hidden_span(text: str, start: int, end: int) -> tuple[int, int]:
    """What hiding the filler at text[start:end] removes, separator included."""
    n = len(text)
    left = start
    while left > 0 and text[left - 1] in _SPACE:
        left -= 1
    before = text[left - 1] if left > 0 and text[left - 1] != "\n" else ""
    right = end
    while right < n and text[right] in _SPACE:
        right += 1
    after = text[right] if right < n and text[right] != "\n" else ""
    after_punct = _is_in(after, _PUNCT_RANGES)
    if after in _COMMA_LIKE or (after_punct and _is_in(before, _PUNCT_RANGES)):
        if before in _COMMA_LIKE and after not in _COMMA_LIKE:
            return left - 1, right  # 地 , 嗯 。: keep the full stop
        right += 1  # the separator after it: 嗯 , 我们 / 。 嗯 。
        while right < n and text[right] in _SPACE:
            right += 1
        return start, right
    if after_punct:
        return left, right
    if not after:
        return left, right
    return start, right


def _lift(spans: list[tuple[int, int]], base: MappedText) -> list[tuple[int, int]]:
    """Map spans of `base.text` (a deletion-only view) to source spans.

    Spans between two deletions all shift by the same amount, so they move in slices; only a
    span that straddles a deletion needs the map itself. (The fillers are few, the spans many.)
    """
    e = base.edits
    starts = [a for a, _ in spans]
    out: list[tuple[int, int]] = []
    shift = lo = 0
    for k in range(len(e)):
        d = e.dst[k]
        hi = bisect_left(starts, d, lo)
        out.extend([(a + shift, b + shift) for a, b in spans[lo:hi]])
        if hi > lo and spans[hi - 1][1] > d:
            a, b = spans[hi - 1]
            out[-1] = (a + shift, base.to_source_end(b))
        shift += e.src_end[k] - e.src[k]
        lo = hi
    out.extend([(a + shift, b + shift) for a, b in spans[lo:]])
    return out


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _union(many: list[tuple[int, int]], few: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merge two sorted span lists; `few` is short, so `many` is copied in slices."""
    if not few:
        return many
    if not many:
        return few
    ends = [e for _, e in many]
    out: list[tuple[int, int]] = []
    i = 0
    for s, e in few:
        j = bisect_left(ends, s)
        out.extend(many[i:j])
        i = max(i, j)
        while i < len(many) and many[i][0] <= e:
            s, e = min(s, many[i][0]), max(e, many[i][1])
            i += 1
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    out.extend(many[i:])
    return out
