"""Containers a transcript arrives in (PDF, Word, saved web page, subtitles, JSON) as text.

Every front end turns its container into *transcript text* that the ordinary layout
parsers read, so there is one outline pipeline whatever the file was. A front end keeps
what its container knows as plain-text conventions the general parser already reads:

- a speaker header the container marks (a bold run, `<strong>`, a voice tag, a JSON
  `speaker` field) is written on its own line as `**Name**` (or `**Name (Role)**`);
- a heading is written as `## Heading`;
- paragraphs are separated by one blank line;
- a paragraph the container times starts with `[HH:MM:SS.mmm --> HH:MM:SS.mmm] `
  (or `[HH:MM:SS] `), which the structure pass moves into `Paragraph.time`.

The outline's offsets refer to this text; the library stores it, so a call opens again
without its original file and re-parses to the same outline.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module

__all__ = ["DocumentError", "Extracted", "container_of", "extract"]


class DocumentError(ValueError):
    """Why a container cannot be read, in one line fit for a user (no file name)."""


@dataclass(frozen=True, slots=True)
class Extracted:
    """A container's transcript text and what the front end is unsure of."""

    text: str
    container: str
    """`pdf`, `docx`, `html`, `vtt`, `srt`, `json`, `csv` or `tsv`."""
    encoding: str = "utf-8"
    """For text containers (HTML, subtitles, JSON) the codec their bytes were decoded with."""
    notes: tuple[str, ...] = ()
    """One line each, for the outline's doubts ("page 3 has no text layer")."""


# container -> module under reader.core.documents that defines `extract(data: bytes) -> Extracted`
_FRONT_ENDS = {"pdf": "pdf", "docx": "docx", "html": "html", "vtt": "subtitles",
               "srt": "subtitles", "json": "json_transcript", "csv": "table",
               "tsv": "table"}
_SUFFIXES = {".pdf": "pdf", ".docx": "docx", ".html": "html", ".htm": "html", ".xhtml": "html",
             ".vtt": "vtt", ".srt": "srt", ".json": "json", ".csv": "csv", ".tsv": "tsv"}


def container_of(data: bytes, name: str) -> str | None:
    """The container `data` is in, or None for a plain-text transcript.

    Magic bytes decide where a container has them (a PDF named `.txt` is still a PDF);
    the file name decides for text-based containers.
    """
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n")
    if data[:5] == b"%PDF-" or b"%PDF-" in data[:1024]:
        return "pdf"
    if data[:4] == b"PK\x03\x04" and b"word/" in data[:65536]:
        return "docx"
    suffix = name[name.rfind("."):].lower() if "." in name else ""
    by_name = _SUFFIXES.get(suffix)
    if by_name is not None:
        return by_name
    low = head[:200].lower()
    if low.startswith((b"<!doctype html", b"<html")):
        return "html"
    if head.startswith(b"WEBVTT"):
        return "vtt"
    return None


def extract(data: bytes, name: str) -> Extracted | None:
    """The transcript text inside `data`, or None when `data` is plain text already.

    Raises `DocumentError` with a one-line reason for a container that cannot be read
    (damaged, encrypted, no text layer, too large).
    """
    container = container_of(data, name)
    if container is None:
        return None
    try:
        module = import_module(f"{__name__}.{_FRONT_ENDS[container]}")
    except ImportError as exc:  # a front end whose library this installation lacks
        raise DocumentError(f"cannot read {container.upper()} files here ({exc.name} is "
                            "missing from this installation)") from None
    extracted: Extracted = module.extract(data, container)
    return extracted
