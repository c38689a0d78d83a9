"""Tables as transcript text, the same for Word and web pages: pairs, turns, or rows.

A two-column table whose columns are English and Chinese is a bilingual transcript and is
written as the interleaved pairs the bilingual JSON uses (`  [  1] [EN] ...` /
`       [中] ...`); a two-column table whose first cells read as speaker names is a run of
turns; any other table is written row by row, its cells joined by ` | `.
"""

from __future__ import annotations

import re

from reader.core.documents.textout import TextWriter, clean_inline
from reader.core.documents.wording import label_reads_as_name

_HAN = re.compile(r"[\u3400-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]")
_SECTION_HEADING = re.compile(
    r"(?:prepared remarks|presentation|questions? (?:and|&) answers?|q ?& ?a|"
    r"(?:call |conference call |corporate |company )?participants|"
    r"full conference call transcript|operator instructions)[:：]?", re.I)
_PARTICIPANTS_HEADING = re.compile(r"(?:call |conference call |corporate |company )?"
                                   r"participants[:：]?", re.I)
_ROLE_DASH_NAME = re.compile(r".{2,120}\s[—–-]{1,2}\s.{2,80}")


class PairBlocks:
    """English/Chinese pairs in the interleaved layout of bilingual transcript files.

    A pair is `  [  7] [EN] English` over `       [中] 中文`, numbered by its place among
    all pairs; a section heading is `  ━━ English ━━` over `  ━━ 中文 ━━` and an entry under
    a participants heading `  👤 Role — Name` over its rendering, as those files write them.
    """

    def __init__(self) -> None:
        self.number = 0
        self.in_participants = False

    def block(self, en: str, zh: str) -> str | None:
        """The next pair's block (None for an empty pair, which still takes its number)."""
        self.number += 1
        en, zh = clean_inline(en), clean_inline(zh)
        if not en and not zh:
            return None
        if en and _SECTION_HEADING.fullmatch(en):
            self.in_participants = bool(_PARTICIPANTS_HEADING.fullmatch(en))
            return f"  ━━ {en} ━━" + (f"\n  ━━ {zh} ━━" if zh else "")
        if self.in_participants and len(en) <= 160 and _ROLE_DASH_NAME.fullmatch(en):
            return f"  👤 {en}" + (f"\n     {zh}" if zh else "")
        self.in_participants = False
        return f"  [{self.number:3d}] [EN] {en}" + (f"\n       [中] {zh}" if zh else "")


def write_rows(out: TextWriter, rows: list[list[str]]) -> None:
    """One table's rows (cells as text, empty rows left out) in the shared conventions."""
    rows = [r for r in rows if any(c.strip() for c in r)]
    if not rows:
        return
    two = [r for r in rows if len(r) == 2 and r[0] and r[1]]
    if len(two) >= max(2, 0.6 * len(rows)):
        if _bilingual(two):
            _pairs(out, rows)
            return
        if _speaker_table(two):
            for r in rows:
                if len(r) == 2 and r[0] and label_reads_as_name(r[0]):
                    out.speaker(r[0])
                    out.paragraph(r[1], keep_lines="\n" in r[1])
                else:
                    out.paragraph(" | ".join(c for c in r if c))
            out.end_turn()
            return
    for r in rows:
        out.paragraph(" | ".join(clean_inline(c) for c in r if c))


def _mostly(cells: list[str], pattern: re.Pattern[str], share: float = 0.3) -> bool:
    letters = sum(len(pattern.findall(c)) for c in cells)
    total = sum(sum(ch.isalpha() for ch in c) for c in cells) or 1
    return letters / total >= share


def _bilingual(rows: list[list[str]]) -> bool:
    """One column English, the other Chinese, over most rows."""
    left, right = [r[0] for r in rows], [r[1] for r in rows]
    return ((_mostly(left, _LATIN, 0.8) and _mostly(right, _HAN, 0.5))
            or (_mostly(left, _HAN, 0.5) and _mostly(right, _LATIN, 0.8)))


def _speaker_table(rows: list[list[str]]) -> bool:
    names = sum(1 for r in rows if len(r[0]) <= 60 and label_reads_as_name(r[0]))
    return names >= 0.6 * len(rows)


def _pairs(out: TextWriter, rows: list[list[str]]) -> None:
    """The interleaved EN/中 layout, the English first whichever column it was in."""
    english_left = _mostly([r[0] for r in rows if len(r) == 2], _LATIN, 0.8)
    pairs = PairBlocks()
    for r in rows:
        if len(r) != 2:
            out.paragraph(" | ".join(c for c in r if c))
            continue
        block = pairs.block(*((r[0], r[1]) if english_left else (r[1], r[0])))
        if block is not None:
            out.line(block)
