"""Bytes to `Transcript`: decode, pick the layout, parse, complete the structure."""

from __future__ import annotations

import hashlib
from pathlib import Path

from reader.core.decoding import DecodeError, decode
from reader.core.documents import extract
from reader.core.doubts import find_doubts
from reader.core.draft import LayoutParser
from reader.core.formats import choose_layout, layout_named
from reader.core.metadata import meta_from_file_name
from reader.core.model import Meta, SourceInfo, Transcript
from reader.core.source_file import read_transcript_file, readable_name
from reader.core.structure import finish

__all__ = ["DecodeError", "ParseError", "build_transcript", "parse_bytes", "parse_file",
           "parse_text"]


class ParseError(ValueError):
    """A transcript that cannot be read; the message is one line, fit for a user."""


def parse_bytes(data: bytes, name: str, layout: str | None = None) -> Transcript:
    """Read a transcript file's bytes into an outline.

    A PDF, Word file, saved web page, subtitle or JSON file is first turned into transcript
    text by its front end (`reader.core.documents`); offsets refer to that text.
    Raises `DecodeError` (a `ValueError`) for empty, binary or undecodable input and
    `DocumentError` (a `ValueError`) for a container that cannot be read.
    """
    digest = hashlib.sha256(data).hexdigest()
    extracted = extract(data, name)
    replaced = bom = 0
    notes: tuple[str, ...] = ()
    if extracted is None:
        decoded = decode(data)
        text, encoding, container = decoded.text, decoded.encoding, "text"
        replaced, bom = decoded.replaced, decoded.bom
    else:
        text, encoding, container = extracted.text, extracted.encoding, extracted.container
        notes = extracted.notes
    parser = layout_named(layout) if layout else choose_layout(text)
    return build_transcript(text, parser, name, encoding, digest, container, notes,
                            replaced=replaced, bom=bom)


def parse_file(path: str | Path) -> Transcript:
    """Read and parse one file; raises ValueError with a one-line message naming the file."""
    file = Path(path)
    data = read_transcript_file(file)  # SourceFileError is a ValueError with a user message
    try:
        return parse_bytes(data, file.name)
    except ValueError as exc:  # DecodeError / ParseError: messages written for users
        raise ValueError(f"{readable_name(file.name)}: {exc}") from None


def parse_text(text: str, name: str = "transcript.txt", layout: str | None = None) -> Transcript:
    """Parse text that is already decoded (tests, pasted text)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    parser = layout_named(layout) if layout else choose_layout(text)
    return build_transcript(text, parser, name, "utf-8", digest)


def build_transcript(text: str, parser: LayoutParser, name: str, encoding: str,
                     sha256: str, container: str = "text",
                     notes: tuple[str, ...] = (), *, replaced: int = 0,
                     bom: int = 0) -> Transcript:
    draft = parser.parse(text)
    _meta_from_file_name(draft.meta, name)
    speakers, turns, exchanges = finish(text, draft)
    doubts = find_doubts(draft, speakers, turns, notes)
    return Transcript(
        format=parser.name,
        source=SourceInfo(name=name, encoding=encoding, sha256=sha256, container=container,
                          replaced=replaced, bom=bom),
        text=text,
        meta=draft.meta,
        speakers=speakers,
        turns=turns,
        exchanges=exchanges,
        doubts=doubts,
    )


def _meta_from_file_name(meta: Meta, name: str) -> None:
    """Ticker, period and date from the file name, where the text gave none: a last resort."""
    ticker, period, day = meta_from_file_name(name)
    meta.ticker = meta.ticker or ticker
    meta.period = meta.period or period
    meta.date = meta.date or day
