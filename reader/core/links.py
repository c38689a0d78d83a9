"""Back-links into the library: `reader://open?sha256=…&start=…&end=…`, made and read.

Every exported highlight carries one; the system hands it to `reader open URL` (or to
`reader URL`) once the `reader:` scheme is registered (see packaging/). Reading is strict:
anything that is not exactly such a link gets a one-line reason, never a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final
from urllib.parse import parse_qs, urlsplit

SCHEME: Final = "reader"
_SHA: Final = re.compile(r"[0-9a-f]{64}")
_MAX_OFFSET: Final = 10**9


class LinkError(ValueError):
    """Not a back-link this version can follow; the message says why, on one line."""


@dataclass(frozen=True, slots=True)
class BackLink:
    sha256: str
    start: int
    end: int


def make_link(sha256: str, start: int, end: int) -> str:
    return f"{SCHEME}://open?sha256={sha256}&start={start}&end={end}"


def is_link(word: str) -> bool:
    """Whether a command-line word is meant as a back-link (`reader:` in any case)."""
    return word[:len(SCHEME) + 1].lower() == f"{SCHEME}:"


def parse_link(url: str) -> BackLink:
    """The call and span a back-link names."""
    shown = url if len(url) <= 80 else url[:79] + "…"
    parts = urlsplit(url.strip())
    if parts.scheme.lower() != SCHEME:
        raise LinkError(f"not a {SCHEME}:// link: {shown!r}")
    action = (parts.netloc or parts.path.strip("/")).lower()
    if action != "open":
        raise LinkError(f"unknown link action {action or '(none)'!r}; "
                        f"expected {SCHEME}://open?sha256=…&start=…&end=…")
    query = parse_qs(parts.query, keep_blank_values=True)
    sha = (query.get("sha256") or [""])[0].strip().lower()
    if not _SHA.fullmatch(sha):
        raise LinkError("the link's sha256 is not 64 hexadecimal digits")
    try:
        start = int((query.get("start") or ["0"])[0])
        end = int((query.get("end") or [str(start)])[0])
    except ValueError:
        raise LinkError("the link's start and end must be whole numbers") from None
    if not 0 <= start <= end <= _MAX_OFFSET:
        raise LinkError(f"the link's span {start}-{end} is not a span of a transcript")
    return BackLink(sha, start, end)
