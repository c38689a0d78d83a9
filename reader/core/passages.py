"""A highlight as the reader sees it: quote and context in the reading view's script and cleanup.

The stored anchor is always a span of the source text; this module only derives what to
show for it, so the export, the CLI and (later) the dock and editor show one thing. The
quote is cut from the displayed paragraphs the span covers (cleanup and conversion are
applied to whole paragraphs, as the reading view does, so spacing joined across the span's
edges comes out the same). The context is the aligned counterpart sentence(s) from the
sentence alignment, in either direction, plus the speaker (and on whose behalf an
interpreter speaks) and the section. `None` options mean raw: the source text as stored.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Final

from reader.core.align.transcript import TranscriptAlignment
from reader.core.convert import convert
from reader.core.display import DisplayCache, DisplayOptions
from reader.core.labels import SECTION_HEADINGS, Script
from reader.core.model import Lang, Transcript, Turn

SCRIPT_CONFIGS: Final = {"none": Script.NONE, "s": Script.T2S, "t": Script.S2T, "tw": Script.S2TWP,
                         "hk": Script.S2HK}
"""The CLI's script names and the OpenCC configurations they stand for."""


Span = tuple[int, int]


def display_options(script: str = "none", *, raw: bool = False,
                    hide_fillers: bool = False) -> DisplayOptions | None:
    """Options for a CLI script name (`s`, `t`, `tw`, `hk`, `none`); None when `raw`."""
    if raw:
        return None
    try:
        config = SCRIPT_CONFIGS[script]
    except KeyError:
        raise ValueError(f"unknown script {script!r}; choose one of "
                         f"{', '.join(SCRIPT_CONFIGS)}") from None
    return DisplayOptions(script=config, join_cjk_spaces=True, hide_fillers=hide_fillers)


@dataclass(frozen=True, slots=True)
class Speaking:
    """Who says a passage: the speaker's label and role, and whom an interpreter voices."""

    label: str
    role: str | None
    kind: str
    speaks_for: str | None
    section: str


@dataclass(frozen=True, slots=True)
class Counterpart:
    """The aligned sentence(s) on the other side: what the interpretation says, or the original."""

    kind: str  # "interpretation" or "original"
    speaker: Speaking
    text: str
    spans: tuple[Span, ...]


class PassageView:
    """Shown text of source spans of one call, under one set of display options."""

    def __init__(self, transcript: Transcript | None, source: str,
                 options: DisplayOptions | None,
                 alignment: TranscriptAlignment | None = None) -> None:
        self.transcript = transcript
        self.source = source
        self.options = options
        self.alignment = alignment
        self._cache = DisplayCache(source)
        self._paragraphs: list[Span] = sorted(
            (p.start, p.end) for t in (transcript.turns if transcript else ()) for p in t.paragraphs)
        self._starts = [p[0] for p in self._paragraphs]
        self._turn_starts = [t.start for t in transcript.turns] if transcript else []

    # --- text ---------------------------------------------------------------------------

    def text(self, start: int, end: int) -> str:
        """`source[start:end]` as the reading view shows it (paragraph breaks kept)."""
        if self.options is None:
            return self.source[start:end]
        pieces: list[str] = []
        pos = start
        i = max(0, bisect_right(self._starts, start) - 1)
        while pos < end:
            if i < len(self._paragraphs) and self._paragraphs[i][1] <= pos:
                i += 1
                continue
            if i < len(self._paragraphs) and self._paragraphs[i][0] <= pos:
                p_start, p_end = self._paragraphs[i]
                stop = min(end, p_end)
                shown = self._cache.paragraph(p_start, p_end, self.options)
                a, b = shown.from_source_span(pos, stop)
                pieces.append(shown.text[a:b])
                pos = stop
                i += 1
                continue
            # Between paragraphs (or no outline): the gap's own text, cleaned alone.
            stop = min(end, self._paragraphs[i][0]) if i < len(self._paragraphs) else end
            gap = self.source[pos:stop]
            if gap.strip():
                shown = self._cache.paragraph(pos, stop, self.options)
                pieces.append(shown.text)
            else:
                pieces.append("\n\n" if "\n" in gap else gap)
            pos = stop
        return "".join(pieces).strip()

    def user_text(self, text: str) -> str:
        """A note or tag in the chosen script (the user's words are not cleaned)."""
        if self.options is None or self.options.script == "none" or not text:
            return text
        return convert(text, self.options.script).text

    # --- who and where ------------------------------------------------------------------

    def turn_at(self, start: int, end: int) -> Turn | None:
        """The turn holding `start`, else the first turn the span reaches into."""
        if self.transcript is None:
            return None
        turns = self.transcript.turns
        i = bisect_right(self._turn_starts, start) - 1
        if i >= 0 and start < turns[i].end:
            return turns[i]
        if i + 1 < len(turns) and turns[i + 1].start < end:
            return turns[i + 1]
        return None

    def speaking(self, turn: Turn) -> Speaking:
        assert self.transcript is not None
        t = self.transcript
        speaker = t.speaker_of(turn)
        role = ", ".join(p for p in (speaker.role, speaker.affiliation)
                         if p and (p != speaker.affiliation or p not in (speaker.role or "")))
        behalf = None
        if turn.speaks_for is not None and turn.speaks_for != turn.speaker \
                and 0 <= turn.speaks_for < len(t.speakers):
            behalf = t.speakers[turn.speaks_for].label
        return Speaking(self.user_text(speaker.label), self.user_text(role) or None,
                        speaker.kind.value, self.user_text(behalf) if behalf else None,
                        SECTION_HEADINGS[turn.section])

    def counterparts(self, start: int, end: int) -> list[Counterpart]:
        """The sentences aligned with the span's sentences, grouped by the turn they are in."""
        if self.alignment is None or self.transcript is None:
            return []
        spans: set[Span] = set()
        for ref in self.alignment.sentences_in(start, end):
            spans.update(self.alignment.counterpart_spans(ref))
        by_turn: dict[int, list[Span]] = {}
        for span in sorted(spans):
            turn = self.turn_at(*span)
            if turn is not None:
                by_turn.setdefault(turn.index, []).append(span)
        out = []
        for index, turn_spans in by_turn.items():
            turn = self.transcript.turns[index]
            kind = "interpretation" if turn.lang is Lang.EN else "original"
            sep = " " if turn.lang is Lang.EN or self.options is None else ""
            text = sep.join(self.text(a, b) for a, b in turn_spans)
            out.append(Counterpart(kind, self.speaking(turn), text, tuple(turn_spans)))
        return out
