"""Shared checks for the document front-end tests: outlines in brief, and the refusal contract."""

from __future__ import annotations

import time

from hypothesis import strategies as st

from reader.core.decoding import DecodeError
from reader.core.documents import DocumentError
from reader.core.model import Transcript
from reader.core.pipeline import parse_bytes


def turns(t: Transcript) -> list[tuple[str | None, str | None]]:
    """(speaker name, section) per turn."""
    return [(t.speakers[turn.speaker].name, turn.section.value if turn.section else None)
            for turn in t.turns]


def parse_or_refuse(data: bytes, name: str, seconds: float = 5.0) -> Transcript | None:
    """An outline, or None after a one-line refusal; anything else fails the test."""
    start = time.perf_counter()
    try:
        t = parse_bytes(data, name)
    except (DocumentError, DecodeError) as exc:
        message = str(exc)
        assert message and "\n" not in message, repr(message)
        t = None
    elapsed = time.perf_counter() - start
    assert elapsed < seconds, f"took {elapsed:.1f} s"
    if t is not None:
        for turn in t.turns:
            for p in turn.paragraphs:
                assert t.text[p.start:p.end] == p.text
    return t


@st.composite
def mutated(draw: st.DrawFn, data: bytes) -> bytes:
    """A damaged copy of `data`: some bytes overwritten, a run repeated or cut, a tail lost."""
    buf = bytearray(data)
    for _ in range(draw(st.integers(0, 6))):
        kind = draw(st.sampled_from(("write", "repeat", "cut")))
        if not buf:
            break
        at = draw(st.integers(0, len(buf) - 1))
        if kind == "write":
            chunk = draw(st.binary(min_size=1, max_size=8))
            buf[at:at + len(chunk)] = chunk
        elif kind == "repeat":
            run = bytes(buf[at:at + draw(st.integers(1, 300))])
            buf[at:at] = run * draw(st.integers(1, 3))
        else:
            del buf[at:at + draw(st.integers(1, 300))]
    if draw(st.booleans()):
        buf = buf[:draw(st.integers(0, len(buf)))]
    return bytes(buf)
