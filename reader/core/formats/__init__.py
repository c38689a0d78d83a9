"""The registry of source layouts, and how one is chosen for a text."""

from __future__ import annotations

from reader.core.draft import LayoutParser
from reader.core.formats.alphaspread import AlphaSpreadParser
from reader.core.formats.earningscall import EarningsCallParser
from reader.core.formats.quartr import QuartrParser

# The general parser is the fallback, so it is not in the detection list.
_DEDICATED: tuple[LayoutParser, ...] = (QuartrParser(), AlphaSpreadParser(), EarningsCallParser())
_DETECT_THRESHOLD = 0.5


def _general() -> LayoutParser:
    from reader.core.formats.general import GeneralParser

    return GeneralParser()


def layout_names() -> list[str]:
    return [p.name for p in _DEDICATED] + ["general"]


def layout_named(name: str) -> LayoutParser:
    for parser in _DEDICATED:
        if parser.name == name:
            return parser
    if name == "general":
        return _general()
    raise ValueError(f"unknown layout {name!r} (known: {', '.join(layout_names())})")


def choose_layout(text: str) -> LayoutParser:
    """The dedicated parser most confident about `text`, else the general one."""
    best, score = None, 0.0
    for parser in _DEDICATED:
        s = parser.detect(text)
        if s > score:
            best, score = parser, s
    if best is not None and score >= _DETECT_THRESHOLD:
        return best
    return _general()
