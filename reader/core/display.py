"""What a reader sees of a paragraph: cleaned, script-converted, and mapped back to the source.

The pipeline for one paragraph is source slice -> cleanup (join CJK spaces, hide fillers)
-> script conversion. Each step is a `MappedText`; a `DisplayParagraph` keeps both and
composes them, so a selection or a search hit on the displayed text lands on transcript
offsets, and a stored source span is shown wherever the display options put it.

`DisplayCache` keeps cleaned and converted paragraphs keyed by span and options: switching
the script reconverts only (cleanup is reused), and switching back costs nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.core.cleanup import clean
from reader.core.convert import convert
from reader.core.labels import Script
from reader.core.offsetmap import MappedText


@dataclass(frozen=True, slots=True)
class DisplayOptions:
    """How paragraphs are shown; the defaults suit speech-recognition transcripts."""

    script: Script = Script.NONE
    join_cjk_spaces: bool = True
    hide_fillers: bool = False


@dataclass(frozen=True, slots=True)
class DisplayParagraph:
    """A displayed paragraph and its map to transcript offsets.

    `source_start`/`source_end` are absolute offsets into `Transcript.text`; every
    position argument and result below is absolute on the source side and relative to
    `text` on the displayed side.
    """

    text: str
    source_start: int
    source_end: int
    cleaned: MappedText = field(repr=False)
    converted: MappedText = field(repr=False)
    fillers: tuple[tuple[int, int], ...] = ()  # displayed spans of fillers still shown

    def to_source(self, pos: int) -> int:
        """Transcript offset of the displayed char at `pos`."""
        return self.source_start + self.cleaned.to_source(self.converted.to_source(pos))

    def to_source_span(self, start: int, end: int) -> tuple[int, int]:
        """The transcript span that produced displayed[start:end]."""
        a, b = self.converted.to_source_span(start, end)
        s, e = self.cleaned.to_source_span(a, b)
        return self.source_start + s, self.source_start + e

    def from_source(self, pos: int) -> int:
        """Displayed position for a transcript offset, clamped to this paragraph."""
        local = min(max(pos, self.source_start), self.source_end) - self.source_start
        return self.converted.from_source(self.cleaned.from_source(local))

    def from_source_span(self, start: int, end: int) -> tuple[int, int]:
        """The smallest displayed span showing transcript[start:end] (clamped to here)."""
        lo, hi = self.source_start, self.source_end
        s = min(max(start, lo), hi) - lo
        e = min(max(end, lo), hi) - lo
        a, b = self.cleaned.from_source_span(s, max(s, e))
        return self.converted.from_source_span(a, b)


def display_paragraph(source: str, start: int, end: int,
                      options: DisplayOptions = DisplayOptions()) -> DisplayParagraph:
    """Run the display pipeline on `source[start:end]` (no caching)."""
    cleaned = _clean(source[start:end], options)
    return _finish(cleaned, start, end, options)


class DisplayCache:
    """Displayed paragraphs of one source text, cached per span and options.

    Keyed by span rather than by paragraph object so that the same cache serves every
    view of a transcript; call `clear` when the source text changes.
    """

    def __init__(self, source: str) -> None:
        self.source = source
        self._cleaned: dict[tuple[int, int, bool, bool], _Cleaned] = {}
        self._shown: dict[tuple[int, int, DisplayOptions], DisplayParagraph] = {}

    def clear(self) -> None:
        self._cleaned.clear()
        self._shown.clear()

    def paragraph(self, start: int, end: int, options: DisplayOptions) -> DisplayParagraph:
        key = (start, end, options)
        shown = self._shown.get(key)
        if shown is None:
            ckey = (start, end, options.join_cjk_spaces, options.hide_fillers)
            cleaned = self._cleaned.get(ckey)
            if cleaned is None:
                cleaned = self._cleaned[ckey] = _clean(self.source[start:end], options)
            shown = self._shown[key] = _finish(cleaned, start, end, options)
        return shown


@dataclass(frozen=True, slots=True)
class _Cleaned:
    mapped: MappedText
    fillers: tuple[tuple[int, int], ...]  # cleaned-text spans of fillers still shown


def _clean(text: str, options: DisplayOptions) -> _Cleaned:
    result = clean(text, join_cjk_spaces=options.join_cjk_spaces,
                   hide_fillers=options.hide_fillers)
    if options.hide_fillers:
        return _Cleaned(result, ())
    spans = (result.from_source_span(s, e) for s, e in result.fillers)
    return _Cleaned(result, tuple(f for f in spans if f[0] < f[1]))


def _finish(cleaned: _Cleaned, start: int, end: int, options: DisplayOptions) -> DisplayParagraph:
    text = cleaned.mapped.text
    if options.script == "none":
        converted = MappedText.identity(text)
        fillers = cleaned.fillers
    else:
        converted = convert(text, options.script)
        fillers = tuple(converted.from_source_span(s, e) for s, e in cleaned.fillers)
    return DisplayParagraph(converted.text, start, end, cleaned.mapped, converted, fillers)
