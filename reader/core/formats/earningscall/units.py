"""The paragraphs of a call as units: what each is (its slot), who says it, and how it
relates to the others; and the first cut of a text into them."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from enum import Enum

from reader.core.formats.earningscall import patterns as pat
from reader.core.model import SectionKind


class Slot(Enum):
    """What a paragraph (or part of one) is, before speakers are settled."""

    OPERATOR = "operator"
    PRESENTER = "presenter"
    QUESTION = "question"
    ANSWER = "answer"
    BRIDGE = "bridge"
    CLOSING = "closing"


class Label(Enum):
    """Within an answer or a presentation: the site's machine rendering, an interpreter's
    English, or English spoken directly."""

    MACHINE = "machine"
    INTERPRETER = "interpreter"
    DIRECT = "direct"


@dataclass(slots=True)
class Unit:
    start: int
    end: int
    text: str
    slot: Slot = Slot.PRESENTER
    section: SectionKind = SectionKind.PRESENTATION
    speaker: int | None = None  # settled speaker, or None until answers are labelled
    exchange: int | None = None
    new_turn: bool = False  # a boundary even if the speaker stays the same
    label: Label = Label.DIRECT
    interprets: list[int] = field(default_factory=list)  # unit indices (first unit of a turn)
    cue: bool = False  # opens with a translation cue
    han: bool = False  # written in Chinese characters (real Mandarin, not a rendering)


def paragraphs(text: str, start: int) -> list[Unit]:
    """One unit per non-blank line from `start`, its edges trimmed."""
    units: list[Unit] = []
    for m in pat.LINE.finditer(text, start):
        raw = m.group()
        value = raw.strip(pat.EDGE)
        if value:
            s = m.start() + len(raw) - len(raw.lstrip(pat.EDGE))
            units.append(Unit(s, s + len(value), value))
    return units


def split_translation_cues(text: str, units: list[Unit]) -> list[Unit]:
    """Cut a paragraph where "Okay, I will do the translation" starts mid-way: what
    precedes is the rendering, what follows the interpreter's (or the asker's) English."""
    out: list[Unit] = []
    for unit in units:
        if unit.slot not in (Slot.ANSWER, Slot.QUESTION, Slot.PRESENTER):
            unit.han = pat.is_han(unit.text)
            out.append(unit)
            continue
        lowered = unit.text.lower()
        if "translat" not in lowered and "interpret" not in lowered:
            unit.han = pat.is_han(unit.text)
            out.append(unit)
            continue
        # A cut needs text before it: past the first character that is not white space
        # (one look, rather than stripping the text before every cut).
        first = len(unit.text) - len(unit.text.lstrip(pat.EDGE))
        cuts = sorted({m.start("cue") for m in pat.TRANSLATION_INSIDE.finditer(unit.text)
                       if m.start("cue") > first})
        if not cuts:
            unit.cue = bool(pat.TRANSLATION.match(unit.text))
            unit.han = pat.is_han(unit.text)
            out.append(unit)
            continue
        bounds = [0, *cuts, len(unit.text)]
        for n, (a, b) in enumerate(itertools.pairwise(bounds)):
            s, e = unit.start + a, unit.start + b
            while s < e and text[s] in pat.EDGE:
                s += 1
            while e > s and text[e - 1] in pat.EDGE:
                e -= 1
            if s >= e:
                continue
            part = Unit(s, e, text[s:e], unit.slot, unit.section, unit.speaker,
                        unit.exchange, unit.new_turn if n == 0 else True)
            part.cue = n > 0 or bool(pat.TRANSLATION.match(part.text))
            part.han = pat.is_han(part.text)
            out.append(part)
    return out
