"""Writing transcript text in the conventions every document front end shares.

The front ends differ in what they read; what they write is the same small grammar
(see the package docstring): `**Name**` speaker lines, `## Heading` lines, paragraphs
separated by one blank line, and a leading time stamp on a timed paragraph. Keeping the
writing here means a change of convention is made once, and no front end can let a
stray `**` or blank line from its container break another paragraph's structure.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from reader.core.documents import DocumentError

MAX_TEXT_CHARS: Final = 20_000_000
"""No transcript comes near this; a container that expands past it is refused, not read."""

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000\f\v]+")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_NAME_LIKE = re.compile(r"[^\W\d_][\w .'’\-·・]*", re.UNICODE)


def clean_inline(text: str) -> str:
    """One line of text: runs of spaces, tabs and line breaks become one space.

    Control characters and zero-width marks go (they carry no words and would confuse the
    layout parser's line reading); everything else is kept as the container had it.
    """
    text = _CONTROL.sub(" ", _INVISIBLE.sub("", text.replace("\r", " ").replace("\n", " ")))
    return _SPACES.sub(" ", text).strip()


_CJK = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")


def join_running(parts: Iterable[str]) -> str:
    """Pieces of speech (cues, segments) as running text: a space between words, none
    between two Chinese characters."""
    out = ""
    for part in parts:
        part = clean_inline(part)
        if not part:
            continue
        if out and not (_CJK.match(part[0]) and _CJK.match(out[-1])):
            out += " "
        out += part
    return out


def clean_lines(text: str) -> str:
    """Like `clean_inline`, but line breaks are kept (a `<br>` or soft return) and
    blank lines inside the block are dropped, so the block stays one paragraph."""
    parts = (clean_inline(part) for part in text.replace("\r\n", "\n").split("\n"))
    return "\n".join(p for p in parts if p)


def clock(seconds: float) -> str:
    """`HH:MM:SS.mmm`, the form the structure pass reads back into `Paragraph.time`."""
    millis = max(0, round(seconds * 1000))
    h, rest = divmod(millis, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, ms = divmod(rest, 1000)
    return f"{min(h, 99):02d}:{m:02d}:{s:02d}.{ms:03d}"


def speaker_label(raw: str) -> str:
    """A speaker label the layout parser reads as a name.

    Diarisation labels (`spk_0`, `SPEAKER_01`, `2`) name nobody; they become
    `Unknown Speaker N`, which the parser keeps apart per number without taking it for a
    person's name ("Speaker A" it would not read at all: "a" is a word). A letter label
    (`A`, `Speaker B`) is numbered by its place in the alphabet. Real names are kept.
    """
    label = clean_inline(raw).strip("*_#:： ")
    if not label:
        return ""
    m = re.fullmatch(r"(?:spk|speaker|spkr|s)?[ _-]?(\d{1,4})", label, re.I)
    if m:
        return f"Unknown Speaker {int(m.group(1))}"
    if re.fullmatch(r"(?:speaker[ _-]?)?[A-Za-z]", label, re.I):
        return f"Unknown Speaker {ord(label[-1].upper()) - ord('A') + 1}"
    if not _NAME_LIKE.fullmatch(label) and not re.search(r"[(（]", label):
        # Keep what the container says, minus characters that would end the bold run.
        label = label.replace("*", "").replace("_", " ").strip()
    return label[:120]


class TextWriter:
    """Collects blocks and joins them with one blank line between each."""

    def __init__(self, limit: int = MAX_TEXT_CHARS) -> None:
        self._blocks: list[str] = []
        self._size = 0
        self._limit = limit
        self._last_speaker: str | None = None

    def _add(self, block: str) -> None:
        self._size += len(block) + 2
        if self._size > self._limit:
            raise DocumentError(f"the document's text is too large to read (over "
                                f"{self._limit // 1_000_000} million characters)")
        self._blocks.append(block)

    def line(self, text: str) -> None:
        """A line written as it is (a title, a header field, a pre-formatted block)."""
        text = text.strip("\n")
        if text.strip():
            self._add(text)

    def heading(self, text: str) -> None:
        """`## Heading`; a heading ends the current speaker's turn."""
        text = clean_inline(text).lstrip("#").strip()
        if text:
            self._add(f"## {text}")
            self._last_speaker = None

    def speaker(self, name: str, role: str | None = None) -> bool:
        """`**Name**` (or `**Name (Role)**`) unless the same speaker is already talking.

        Returns whether a line was written.
        """
        label = speaker_label(name)
        if not label:
            return False
        role = clean_inline(role or "").replace("*", "")
        full = f"{label} ({role})" if role else label
        if full == self._last_speaker:
            return False
        self._add(f"**{full}**")
        self._last_speaker = full
        return True

    def end_turn(self) -> None:
        """The next speaker line is written even if it repeats the last one."""
        self._last_speaker = None

    def paragraph(self, text: str, start: float | None = None, end: float | None = None,
                  *, keep_lines: bool = False) -> None:
        """A paragraph, with its time stamp when the container times it."""
        body = clean_lines(text) if keep_lines else clean_inline(text)
        if not body:
            return
        if start is not None:
            stamp = clock(start) if end is None else f"{clock(start)} --> {clock(max(end, start))}"
            body = f"[{stamp}] {body}"
        self._add(body)

    def text(self) -> str:
        out = "\n\n".join(self._blocks)
        if not out.strip():
            raise DocumentError("the document has no text")
        return out + "\n"
