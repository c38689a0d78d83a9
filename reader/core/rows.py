"""Reading rows: each original turn beside the turn(s) that interpret it.

A reading view lays a call out as rows of two columns, Original and Interpretation. Rows,
not free-flowing columns, are what keep a Mandarin answer level with its English rendering
at every width and font size.

The rules:

* A call where no turn interprets another reads as a single column: every turn is a row
  of its own, on the left. That includes English-only texts whose interpreted passages
  come without their original (AlphaSpread's `[Interpreted]`): with nothing to set them
  beside, a second column would only be a blank half of the screen.
* Otherwise a turn and the turns linked to it by `Turn.interprets` share one row: the
  originals on the left, their interpretations on the right. A turn that interprets two
  originals (`interprets=[4, 5]`) makes one row holding both originals; an original that two
  turns interpret (an interpretation carried over two turns) holds both on the right.
* A turn nobody interprets stays on the left as an original: the operator, a CFO speaking
  English, an analyst asking in Mandarin and then English in the same turn.
* In a call with interpretation, a turn marked interpreted whose original is not in the
  source (`interpreted` and `interprets == []`) goes on the right with the left empty:
  what is shown is the interpreter's words, not the speaker's.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.core.model import SectionKind, Transcript


@dataclass(slots=True)
class Row:
    """One reading row; lists hold turn indices in reading order, either may be empty."""

    original: list[int]
    interpretation: list[int]
    section: SectionKind
    turns: list[int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.turns = sorted(self.original + self.interpretation)

    @property
    def first_turn(self) -> int:
        """The turn a reader reaches first in this row (rows are never empty)."""
        return self.turns[0]


def has_interpretation(t: Transcript) -> bool:
    """Whether some turn interprets another one, i.e. the call reads in two columns."""
    return any(turn.interprets for turn in t.turns)


def aligned_rows(t: Transcript) -> list[Row]:
    """The call as reading rows, in reading order (see the module docstring)."""
    n = len(t.turns)
    if not has_interpretation(t):
        return [Row([turn.index], [], turn.section) for turn in t.turns]

    # Turns joined by an interpretation link form one row: a small union-find over indices,
    # so that chains (4 and 5 interpreted by 6, 5 also by 7) land in one row whatever order
    # the links come in.
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for turn in t.turns:
        for j in turn.interprets:
            if 0 <= j < n and j != turn.index:
                a, b = root(turn.index), root(j)
                if a != b:
                    parent[max(a, b)] = min(a, b)

    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(root(i), []).append(i)

    rows: list[Row] = []
    for members in sorted(groups.values(), key=lambda m: m[0]):
        if len(members) == 1:
            turn = t.turns[members[0]]
            if turn.interpreted and not turn.interprets:
                rows.append(Row([], [turn.index], turn.section))
            else:
                rows.append(Row([turn.index], [], turn.section))
            continue
        interpreting = [i for i in members if _interprets_inside(t, i, members)]
        originals = [i for i in members if i not in interpreting]
        if not originals:  # a cycle of links: nothing is plainly the original
            originals, interpreting = members[:1], members[1:]
        rows.append(Row(originals, interpreting, t.turns[members[0]].section))
    return rows


def _interprets_inside(t: Transcript, i: int, members: list[int]) -> bool:
    return any(j in members and j != i for j in t.turns[i].interprets)


def row_of_turn(rows: list[Row]) -> dict[int, int]:
    """Turn index -> index of the row that shows it."""
    return {turn: k for k, row in enumerate(rows) for turn in row.turns}
