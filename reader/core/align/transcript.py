"""Sentence alignment of a whole call: every Mandarin turn beside its interpretation, in source offsets.

`align_pair` works on two plain texts. A call gives turns made of paragraphs that sit apart
in the source (speaker lines and blank lines between them), and an interpreter sometimes
renders two Mandarin turns at once. So each side is built by joining its paragraphs with a
blank line, which always ends a sentence, and every span the aligner returns is mapped back
through the join to offsets into `Transcript.text`: those survive cleanup and script
conversion, which are only views.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field

from reader.core.align.aligner import FlagKind, PairAlignment, align_pair
from reader.core.align.kinds import AlignFlagKind as AlignFlagKind  # re-exported
from reader.core.align.kinds import Side as Side  # re-exported
from reader.core.align.sentences import Span, compact_text
from reader.core.model import Lang, Paragraph, Transcript

_JOIN = "\n\n"  # a blank line: the sentence splitters never let a sentence run across it


_KINDS = {
    FlagKind.NUMBER_MISMATCH: AlignFlagKind.NUMBER_MISMATCH,
    FlagKind.ONLY_IN_ORIGINAL: AlignFlagKind.NUMBER_MISSING,
    FlagKind.ONLY_IN_INTERPRETATION: AlignFlagKind.NUMBER_MISSING,
    FlagKind.NOT_INTERPRETED: AlignFlagKind.UNTRANSLATED,
}


@dataclass(frozen=True, slots=True)
class AlignFlag:
    """Something to check, with absolute spans: the figures, or the untranslated sentences.

    A side's spans are split at paragraph ends so that none covers text between paragraphs;
    `link` indexes the pair's `links`, the sentences the flag is about.
    """

    kind: AlignFlagKind
    message: str
    link: int
    original: tuple[Span, ...]
    interpretation: tuple[Span, ...]

    @property
    def first_span(self) -> Span:
        """Where a reader is taken to: the original side's first span when it has one."""
        spans = self.original or self.interpretation
        return spans[0]


@dataclass(frozen=True, slots=True)
class AlignedPair:
    """Mandarin turns `original` and the English turn `interpretation` that renders them.

    `continued` holds later turns that carry on the same interpretation (an interpreter cut
    off and resuming); their sentences are part of `interpretation_sentences`.
    """

    original: tuple[int, ...]
    interpretation: int
    original_sentences: list[Span]
    interpretation_sentences: list[Span]
    links: list[tuple[list[int], list[int]]]
    flags: list[AlignFlag]
    continued: tuple[int, ...] = ()

    def sentences(self, side: Side) -> list[Span]:
        return self.original_sentences if side is Side.ORIGINAL else self.interpretation_sentences

    def counterparts(self, side: Side, sentence: int) -> list[int]:
        """Sentences on the other side linked to `sentence` (empty when it was dropped)."""
        for zh, en in self.links:
            if side is Side.ORIGINAL and sentence in zh:
                return list(en)
            if side is Side.INTERPRETATION and sentence in en:
                return list(zh)
        return []


@dataclass(frozen=True, slots=True)
class SentenceRef:
    """One aligned sentence: its pair, side, index on that side and absolute span."""

    pair: int
    side: Side
    index: int
    span: Span


@dataclass(slots=True)
class TranscriptAlignment:
    """The aligned pairs of a call in reading order, with a lookup by source offset."""

    pairs: list[AlignedPair]
    _starts: list[int] = field(init=False, repr=False)
    _refs: list[SentenceRef] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        refs = [SentenceRef(p, side, k, span)
                for p, pair in enumerate(self.pairs)
                for side in Side
                for k, span in enumerate(pair.sentences(side))]
        refs.sort(key=lambda r: r.span)
        self._refs = refs
        self._starts = [r.span[0] for r in refs]

    def flags(self) -> list[tuple[int, AlignFlag]]:
        """(pair index, flag) for every flag, in reading order of where each points."""
        out = [(p, f) for p, pair in enumerate(self.pairs) for f in pair.flags]
        out.sort(key=lambda pf: pf[1].first_span)
        return out

    def sentence_at(self, offset: int) -> SentenceRef | None:
        """The aligned sentence whose span holds the source offset (its end included, so a
        caret just after the full stop still counts)."""
        k = bisect_right(self._starts, offset) - 1
        if k >= 0 and offset <= self._refs[k].span[1]:
            return self._refs[k]
        return None

    def sentences_in(self, start: int, end: int) -> list[SentenceRef]:
        """The aligned sentences a source span touches (a caret, `start == end`, touches
        the sentence it is in), in reading order."""
        k = max(0, bisect_right(self._starts, start) - 1)
        out = []
        while k < len(self._refs) and self._refs[k].span[0] <= max(start, end - 1):
            ref = self._refs[k]
            if ref.span[1] > start or (start == end and ref.span[1] >= start):
                out.append(ref)
            k += 1
        return out

    def counterpart_spans(self, ref: SentenceRef) -> list[Span]:
        """Absolute spans of the sentences linked to `ref` on the other side."""
        pair = self.pairs[ref.pair]
        other = Side.INTERPRETATION if ref.side is Side.ORIGINAL else Side.ORIGINAL
        spans = pair.sentences(other)
        return [spans[k] for k in pair.counterparts(ref.side, ref.index)]


class _Joined:
    """Paragraphs joined into one text, with the way back to source offsets."""

    def __init__(self, paragraphs: list[Paragraph]) -> None:
        self.text = _JOIN.join(p.text for p in paragraphs)
        self._starts: list[int] = []  # where each paragraph starts in `text`
        self._paragraphs = paragraphs
        pos = 0
        for p in paragraphs:
            self._starts.append(pos)
            pos += len(p.text) + len(_JOIN)

    def spans(self, start: int, end: int) -> tuple[Span, ...]:
        """Source spans of joined[start:end], one per paragraph it touches (separators drop)."""
        out: list[Span] = []
        k = max(0, bisect_right(self._starts, start) - 1)
        while k < len(self._paragraphs) and self._starts[k] < end:
            p, base = self._paragraphs[k], self._starts[k]
            a = max(start, base) - base
            b = min(end, base + len(p.text)) - base
            if a < b:
                out.append((p.start + a, p.start + b))
            k += 1
        return tuple(out)

    def span(self, start: int, end: int) -> Span:
        """The source span of a sentence (never across a paragraph end: see `_JOIN`)."""
        spans = self.spans(start, end)
        if not spans:  # an empty span: keep its place
            k = max(0, bisect_right(self._starts, start) - 1)
            pos = self._paragraphs[k].start + min(start - self._starts[k],
                                                  len(self._paragraphs[k].text))
            return pos, pos
        return spans[0][0], spans[-1][1]


@dataclass(slots=True)
class _Plan:
    original: list[int]
    interpretation: int
    continued: list[int] = field(default_factory=list)


def _plans(t: Transcript) -> list[_Plan]:
    """Which turns to align: an English turn and the Mandarin turns it interprets.

    A pair whose originals are not all Mandarin is left out: a mixed turn holds its own
    English, which would read as words the interpreter added. Consecutive English turns
    that interpret the same original are one interpretation carried over.
    """
    plans: list[_Plan] = []
    n = len(t.turns)
    for turn in t.turns:
        if not turn.interprets or turn.lang is not Lang.EN or not turn.paragraphs:
            continue
        originals = sorted({i for i in turn.interprets if 0 <= i < n and i != turn.index})
        if not originals or any(t.turns[i].lang is not Lang.ZH or not t.turns[i].paragraphs
                                for i in originals):
            continue
        if plans and set(originals) & set(plans[-1].original):
            last = plans[-1]
            last.original = sorted(set(last.original) | set(originals))
            last.continued.append(turn.index)
            continue
        plans.append(_Plan(originals, turn.index))
    return plans


def align_transcript(t: Transcript, *, progress: Callable[[int, int], None] | None = None,
                     cancelled: Callable[[], bool] | None = None) -> TranscriptAlignment:
    """Align every Mandarin turn (or run of turns) with the English turn interpreting it.

    `progress(done, total)` is called after each pair; once `cancelled()` is true the pairs
    aligned so far are returned, for a caller that will drop them anyway.
    """
    pairs: list[AlignedPair] = []
    plans = _plans(t)
    for plan in plans:
        if cancelled is not None and cancelled():
            break
        zh = _Joined([p for i in plan.original for p in t.turns[i].paragraphs])
        en = _Joined([p for i in [plan.interpretation, *plan.continued]
                      for p in t.turns[i].paragraphs])
        pairs.append(_absolute(plan, align_pair(zh.text, en.text), zh, en))
        if progress is not None:
            progress(len(pairs), len(plans))
    return TranscriptAlignment(pairs)


def _absolute(plan: _Plan, result: PairAlignment, zh: _Joined, en: _Joined) -> AlignedPair:
    flags: list[AlignFlag] = []
    for f in result.flags:
        original = zh.spans(*f.zh_span) if f.zh_span else ()
        interpretation = en.spans(*f.en_span) if f.en_span else ()
        if original or interpretation:
            flags.append(AlignFlag(_KINDS[f.kind], f.message, f.link, original, interpretation))
    return AlignedPair(
        tuple(plan.original), plan.interpretation,
        [zh.span(s, e) for s, e in result.zh_spans],
        [en.span(s, e) for s, e in result.en_spans],
        [(list(a), list(b)) for a, b in result.links],
        flags, tuple(plan.continued))


def to_json(alignment: TranscriptAlignment) -> dict[str, object]:
    """The optional `alignment` block of the outline schema (docs/outline-schema.md)."""
    return {"pairs": [
        {"original": list(p.original),
         "interpretation": p.interpretation,
         "continued": list(p.continued),
         "sentences": {"original": [list(s) for s in p.original_sentences],
                       "interpretation": [list(s) for s in p.interpretation_sentences]},
         "links": [{"original": list(a), "interpretation": list(b)} for a, b in p.links],
         "flags": [{"kind": f.kind.value, "message": f.message, "link": f.link,
                    "original": [list(s) for s in f.original],
                    "interpretation": [list(s) for s in f.interpretation]}
                   for f in p.flags]}
        for p in alignment.pairs]}


@dataclass(frozen=True, slots=True)
class Discrepancy:
    """A flag as a list shows it: who said the flagged words, and a short quote of them."""

    pair: int
    flag: AlignFlag
    turn: int  # the turn holding `flag.first_span`
    speaker: str
    quote: str

    @property
    def kind(self) -> AlignFlagKind:
        return self.flag.kind

    @property
    def message(self) -> str:
        return self.flag.message


def discrepancies(t: Transcript, alignment: TranscriptAlignment,
                  width: int = 48) -> list[Discrepancy]:
    """Every flag of the call in reading order, with speaker and quote (see `quote`)."""
    out: list[Discrepancy] = []
    for p, flag in alignment.flags():
        span = flag.first_span
        pair = alignment.pairs[p]
        side = Side.ORIGINAL if flag.original else Side.INTERPRETATION
        sentence = next((s for s in pair.sentences(side) if s[0] <= span[0] < s[1]), span)
        turn = t.turn_at(span[0])
        index = turn.index if turn is not None else pair.interpretation
        speaker = t.speaker_of(t.turns[index]).label
        out.append(Discrepancy(p, flag, index, speaker, quote(t.text, span, sentence, width)))
    return out


def quote(text: str, span: Span, sentence: Span, width: int = 48) -> str:
    """The sentence around `span`, spaces between Chinese characters dropped, cut to about
    `width` columns (a Chinese character takes two) around the flagged words, at word
    boundaries, with an ellipsis where it was cut."""
    core = compact_text(text[span[0]:span[1]])
    if span == sentence:
        before = after = ""
    else:
        before = compact_text(text[sentence[0]:span[0]])
        after = compact_text(text[span[1]:sentence[1]])
    room = max(0, width - _columns(core))
    keep_after = _fit(after, max(room // 3, room - _columns(before)))
    keep_before = _fit(before[::-1], room - _columns(keep_after))[::-1]
    head = before if keep_before == before else "…" + keep_before.lstrip()
    tail = after if keep_after == after else keep_after.rstrip() + "…"
    return " ".join((head + core + tail).split())


def _columns(s: str) -> int:
    return sum(2 if ord(ch) >= 0x2E80 else 1 for ch in s)


def _fit(s: str, room: int) -> str:
    """The longest start of `s` within `room` columns, not ending inside a Latin word."""
    used = 0
    for k, ch in enumerate(s):
        used += 2 if ord(ch) >= 0x2E80 else 1
        if used > room:
            cut = s[:k]
            if ch.isascii() and ch.isalnum():
                space = cut.rfind(" ")
                cut = cut[:space + 1] if space >= 0 else ""
            return cut
    return s
