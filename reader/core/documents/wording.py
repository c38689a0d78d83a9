"""Whether a short bold or heading line is a speaker label or a heading, as the parser will see it.

A front end that writes `**Revenue**` for a bold word would make the layout parser keep
the asterisks as text, and one that writes `## Zhang Wei` for a heading-styled name loses
nothing (the parser takes `#` names as speakers). So a line becomes `**Name**` only when
the general parser's own label reading accepts it as a speaker header; otherwise a
short line becomes a `## ` heading. One rule, shared with the parser, for every container.
"""

from __future__ import annotations

import re

from reader.core.formats.general import reads_as_speaker_label

_TERMINAL = re.compile(r"[.?!。？！…,，;；][\"'”’)）]*$")


def label_reads_as_name(text: str) -> bool:
    """Whether the parser reads `**text**` as a speaker header."""
    label = text.strip().strip("*").strip().rstrip(":：").strip()
    if not label or len(label) > 160:
        return False
    return reads_as_speaker_label(label)


def looks_like_heading(text: str) -> bool:
    """A short line that is not a sentence: a sub-heading set in bold or a heading style."""
    text = text.strip()
    return 0 < len(text) <= 80 and len(text.split()) <= 10 and not _TERMINAL.search(text)
