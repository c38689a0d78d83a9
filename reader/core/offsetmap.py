"""A derived text (cleaned, converted) with an exact map back to offsets in its source."""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import accumulate


@dataclass(frozen=True, slots=True)
class Edits:
    """Where derived and source differ, as parallel arrays sorted by position.

    Edit k turns source[src[k]:src_end[k]] into derived[dst[k]:dst_end[k]] as one unit: a
    deletion has an empty derived side, a phrase replacement (用户 -> 使用者) has both sides.
    Between edits the two texts are copies of each other, char for char, so a text with few
    changes costs a few ints however long it is.
    """

    src: array[int] = field(default_factory=lambda: array("i"))
    src_end: array[int] = field(default_factory=lambda: array("i"))
    dst: array[int] = field(default_factory=lambda: array("i"))
    dst_end: array[int] = field(default_factory=lambda: array("i"))

    def __len__(self) -> int:
        return len(self.src)


@dataclass(frozen=True, slots=True)
class MappedText:
    """`text` was derived from a source of `source_len` chars; `edits` say how.

    Positions are boundaries between chars (0..len), as in str slicing and text cursors.
    """

    text: str
    source_len: int
    edits: Edits = field(default_factory=Edits, repr=False)

    # -- construction ---------------------------------------------------------------------

    @classmethod
    def identity(cls, source: str) -> MappedText:
        return cls(source, len(source))

    @classmethod
    def from_deletions(cls, source: str, spans: Sequence[tuple[int, int]]) -> MappedText:
        """Drop `spans` (sorted, non-overlapping, non-empty) from `source`.

        Built with slicing and `accumulate` rather than a per-char loop, so that removing
        hundreds of thousands of spaces from a megabyte stays fast.
        """
        if not spans:
            return cls.identity(source)
        starts = [s for s, _ in spans]
        ends = [e for _, e in spans]
        starts.append(len(source))
        pieces = [source[a:b] for a, b in zip([0, *ends], starts, strict=True)]
        starts.pop()
        dst = array("i", accumulate(map(len, pieces)))  # kept text before each deletion
        dst.pop()
        edits = Edits(array("i", starts), array("i", ends), dst, dst)
        return cls("".join(pieces), len(source), edits)

    @classmethod
    def from_pieces(cls, pieces: Iterable[tuple[int, str, bool]]) -> MappedText:
        """Assemble from consecutive (source_len, derived, atomic) pieces covering the source.

        A non-atomic piece must keep its length and maps char to char; an atomic piece (a
        converted phrase, a deletion) maps as a whole.
        """
        out: list[str] = []
        src, src_end, dst, dst_end = array("i"), array("i"), array("i"), array("i")
        s = d = 0
        for n, derived, atomic in pieces:
            m = len(derived)
            if not atomic and n != m:
                raise ValueError(f"a copied piece must keep its length ({n} != {m})")
            if atomic and (n, derived) != (0, ""):
                src.append(s)
                src_end.append(s + n)
                dst.append(d)
                dst_end.append(d + m)
            out.append(derived)
            s += n
            d += m
        return cls("".join(out), s, Edits(src, src_end, dst, dst_end))

    # -- derived -> source ----------------------------------------------------------------

    def to_source(self, pos: int) -> int:
        """Source offset of the derived char at `pos` (the source end when pos == len).

        Deleted source text just before `pos` is skipped, so a kept char maps onto itself;
        inside a replaced phrase every position maps to the phrase's start.
        """
        self._check(pos, len(self.text))
        e = self.edits
        k = bisect_right(e.dst_end, pos) - 1
        if k + 1 < len(e) and e.dst[k + 1] < pos:
            return e.src[k + 1]
        return pos if k < 0 else pos - e.dst_end[k] + e.src_end[k]

    def to_source_end(self, pos: int) -> int:
        """Source offset just after the derived char at `pos - 1`: the end of a selection.

        Deleted source text right after that char is left out; a phrase is taken whole.
        """
        self._check(pos, len(self.text))
        e = self.edits
        k = bisect_left(e.dst, pos) - 1
        if k < 0:
            return pos
        if e.dst_end[k] >= pos:
            return e.src_end[k]
        return pos - e.dst_end[k] + e.src_end[k]

    def to_source_span(self, start: int, end: int) -> tuple[int, int]:
        """The source span holding exactly the source chars that produced derived[start:end].

        Source text removed between selected chars is inside the span. Source text removed
        before the first derived char or after the last belongs to the text edges, so a
        selection that reaches an edge of the derived text reaches the same source edge.
        """
        if start > end:
            raise ValueError(f"start {start} > end {end}")
        if start == 0 and end == len(self.text):
            return 0, self.source_len
        if start == end:
            p = self.to_source(start)
            return p, p
        s = 0 if start == 0 else self.to_source(start)
        t = self.source_len if end == len(self.text) else self.to_source_end(end)
        return s, t

    # -- source -> derived ----------------------------------------------------------------

    def from_source(self, pos: int) -> int:
        """Derived offset for source offset `pos`; inside a deletion or phrase, its start."""
        self._check(pos, self.source_len)
        e = self.edits
        k = bisect_right(e.src, pos) - 1
        if k < 0:
            return pos
        if pos < e.src_end[k]:
            return e.dst[k]
        return pos - e.src_end[k] + e.dst_end[k]

    def from_source_end(self, pos: int) -> int:
        """Like `from_source`, but a position inside a phrase goes to the phrase's end."""
        self._check(pos, self.source_len)
        e = self.edits
        k = bisect_left(e.src, pos) - 1
        if k < 0:
            return pos
        if pos <= e.src_end[k]:
            return e.dst_end[k]
        return pos - e.src_end[k] + e.dst_end[k]

    def from_source_span(self, start: int, end: int) -> tuple[int, int]:
        """The smallest derived span showing source[start:end] (e.g. a search hit)."""
        if start > end:
            raise ValueError(f"start {start} > end {end}")
        s = self.from_source(start)
        return s, max(s, self.from_source_end(end))

    # -- helpers --------------------------------------------------------------------------

    @property
    def is_identity(self) -> bool:
        """True when every derived position equals its source position."""
        return len(self.text) == self.source_len and not len(self.edits)

    @staticmethod
    def _check(pos: int, limit: int) -> None:
        if not 0 <= pos <= limit:
            raise ValueError(f"offset {pos} outside 0..{limit}")
