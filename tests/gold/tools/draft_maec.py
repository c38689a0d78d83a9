"""Drafts gold outlines for MAEC transcripts (``maec__*``), to be corrected by hand.

The family's regular structure, read here without the parser: one sentence per line, no
speaker names, no headings, and (in the files checked) no blank lines, so the whole file is
one turn by an unnamed speaker (``tests/gold/README.md``); a file that does separate blocks
by blank lines gets one turn per block. The section and the meta are left for the reader
of the file to fill. Usage: ``python draft_maec.py FILE...``.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import SHARED, Anchorer, dump_gold, review


def draft(path: Path) -> tuple[dict[str, Any], str]:
    text = path.read_text(encoding="utf-8")
    anchorer = Anchorer(text)
    turns: list[dict[str, Any]] = []
    for m in re.finditer(r"[^\n]+(?:\n[^\n]+)*", text):
        turns.append({"at": anchorer.anchor(m.start(), m.end()), "speaker": None,
                      "section": "presentation", "kind": "unknown",
                      "_text": " ".join(m.group(0).split())})
    gold = {
        "source": f"corpus/{path.name}",
        "layout": "maec",
        "checked": "DRAFT",
        "meta": {"company": None, "ticker": None, "period": None, "date": None},
        "speakers": {},
        "turns": turns,
        "exchanges": [],
        "chrome": [],
    }
    return gold, text


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--out", type=Path, default=Path("/tmp/gold-drafts/maec"))
    ap.add_argument("--width", type=int, default=110, help="characters of each turn shown")
    args = ap.parse_args()
    for f in args.files:
        path = f if f.exists() else SHARED / "corpus" / f.name
        gold, _ = draft(path)
        dump_gold(gold, args.out / (path.stem + ".json"))
        print(f"== {path.name}\n{review(gold, '', args.width)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
