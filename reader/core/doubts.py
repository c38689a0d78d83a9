"""What an outline is unsure of, said to the reader so a trusted outline reads apart from a guess.

Each check looks for the trace a parsing mistake leaves: a turn far longer than the rest
(a missed speaker header merged two speakers), a listed participant who never speaks (their
words went to someone else), a line inside a turn that starts with a speaker's name (a
header read as speech), headers the file never confirms, no structure at all, and what a
document front end reported while extracting the text.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterable

from reader.core.draft import Draft
from reader.core.model import Doubt, SectionKind, Speaker, SpeakerKind, Turn

_LONG_FACTOR = 4
_MIN_TURNS_FOR_MEDIAN = 6
_MIN_LONG_CHARS = 3000


def find_doubts(draft: Draft, speakers: list[Speaker], turns: list[Turn],
                notes: Iterable[str] = ()) -> list[Doubt]:
    """The outline's doubts, in reading order of the turns they concern."""
    doubts = [Doubt("document", note) for note in notes]
    spoken = [t for t in turns if t.section is not SectionKind.SUMMARY]
    if spoken and all(speakers[t.speaker].name is None for t in spoken):
        doubts.append(Doubt("no_structure", "no speaker names were found: the text is shown "
                            "as one unnamed speaker's paragraphs"))
        return doubts
    if draft.guessed_headers:
        doubts.append(Doubt("guessed_headers", draft.guessed_headers))
    doubts.extend(_long_turns(spoken, speakers))
    doubts.extend(_names_inside_turns(spoken, speakers, draft))
    doubts.extend(_silent_participants(spoken, speakers, draft))
    return doubts


def _long_turns(turns: list[Turn], speakers: list[Speaker]) -> list[Doubt]:
    """Operators and askers speak briefly; one of their turns many times the usual length
    of the Q&A's turns has most likely swallowed someone else's answer."""
    qa = [t for t in turns if t.section is SectionKind.QA]
    if len(qa) < _MIN_TURNS_FOR_MEDIAN:
        return []
    median = statistics.median(t.end - t.start for t in qa)
    out = []
    for turn in turns:
        kind = speakers[turn.speaker].kind
        length = turn.end - turn.start
        brief = kind in (SpeakerKind.OPERATOR, SpeakerKind.ANALYST)
        if brief and not turn.interprets and length >= max(_LONG_FACTOR * median,
                                                            _MIN_LONG_CHARS):
            out.append(Doubt(
                "long_turn", f"turn {turn.index + 1} ({speakers[turn.speaker].label}, "
                f"{kind.value}) is {length / median:.0f}× the Q&A's median turn: someone "
                "else's words may be filed under it", turn.index))
    return out


def _names_inside_turns(turns: list[Turn], speakers: list[Speaker],
                        draft: Draft) -> list[Doubt]:
    """A paragraph inside a turn that opens with another speaker's full name, alone on its
    line or followed by a colon or dash, reads like a header taken for speech."""
    names = {s.name for s in speakers if s.name and len(s.name.split()) >= 2}
    names |= {s.name for s in draft.roster if s.name and len(s.name.split()) >= 2}
    if not names:
        return []
    pattern = re.compile(
        r"(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) +
        r")(?=\s*(?:$|\n|[:：(（]|\s[-–—]{1,2}\s|--))")
    out = []
    for turn in turns:
        own = speakers[turn.speaker].name
        for p in turn.paragraphs[1:] if len(turn.paragraphs) > 1 else []:
            m = pattern.match(p.text)
            if m and m.group(0) != own:
                out.append(Doubt("name_in_turn", f"a paragraph of turn {turn.index + 1} "
                                 f"({speakers[turn.speaker].label}) starts with "
                                 f"{m.group(0)!r}: their words may be filed here",
                                 turn.index))
                break
    return out


def _silent_participants(turns: list[Turn], speakers: list[Speaker],
                         draft: Draft) -> list[Doubt]:
    spoke = {_key(speakers[t.speaker].name) for t in turns if speakers[t.speaker].name}
    out = []
    for person in draft.roster:
        if person.name and _key(person.name) not in spoke and not any(
                _surname(person.name) == _surname(n) for n in spoke if n):
            out.append(Doubt("silent_participant", f"{person.name} is listed as a participant "
                             "but never speaks: their words may be filed under someone else"))
    return out


def _key(name: str | None) -> str:
    return " ".join(w.strip(".,").casefold() for w in (name or "").split() if len(w) > 2)


def _surname(name: str) -> str:
    words = name.split()
    return words[-1].casefold() if words else ""
