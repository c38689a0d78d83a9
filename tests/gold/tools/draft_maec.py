"""Drafts gold outlines for MAEC transcripts (``maec__*``), to be corrected by hand.

The family's regular structure, read here without the parser: one sentence per line, no
speaker names, no headings, and (in the files checked) no blank lines, so the whole file is
one turn by an unnamed speaker (``tests/gold/README.md``); a file that does separate blocks
by blank lines gets one turn per block. The section and the meta are left for the reader
of the file to fill. Usage: ``python draft_maec.py FILE...``.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import Anchorer, draft_cli, new_gold


def draft(path: Path) -> tuple[dict[str, Any], str]:
    text = path.read_text(encoding="utf-8")
    anchorer = Anchorer(text)
    turns: list[dict[str, Any]] = []
    for m in re.finditer(r"[^\n]+(?:\n[^\n]+)*", text):
        turns.append({"at": anchorer.anchor(m.start(), m.end()), "speaker": None,
                      "section": "presentation", "kind": "unknown",
                      "_text": " ".join(m.group(0).split())})
    gold = new_gold(f"corpus/{path.name}", "maec", {}, turns, [])
    return gold, text


def main() -> int:
    return draft_cli(draft, "corpus", __doc__ or "")


if __name__ == "__main__":
    raise SystemExit(main())
