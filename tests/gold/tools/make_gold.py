"""Writes the committed gold files: each family's draft with the hand corrections applied.

``python tests/gold/tools/make_gold.py [STEM...]`` redrafts every file listed in
``corrections.py`` (or only the stems given) and writes ``tests/gold/<layout>/<stem>.json``;
``--review`` prints the corrected outline turn by turn for reading against the transcript.
Drafts come from the per-family scripts here, never from the parser.
"""

from __future__ import annotations

import argparse
import importlib
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import SHARED, correct, dump_gold, review
from corrections import FIXES

GOLD = Path(__file__).resolve().parents[1]
FAMILY = {  # layout -> (drafting module, folder under the shared corpus)
    "refinitiv": ("draft_refinitiv", "corpus/refinitiv"),
    "fooljson": ("draft_fooljson", "corpus"),
    "maec": ("draft_maec", "corpus"),
    "foolscrape-2024": ("draft_foolscrape", "corpus/foolscrape"),
    "foolscrape-2025": ("draft_foolscrape", "corpus/foolscrape"),
}


def _meta_from_file_name(meta: dict[str, object], stem: str) -> None:
    """What a reader would take from the file name when the text says nothing: the
    `__TICKER__` part and a `__YYYYMMDD` call date (tests/gold/README.md, meta)."""
    parts = stem.split("__")
    if meta.get("ticker") is None and len(parts) == 3 and parts[1].isupper():
        meta["ticker"] = parts[1]
    if meta.get("date") is None and len(parts) == 3 and re.fullmatch(r"(?:19|20)\d{6}", parts[2]):
        meta["date"] = f"{parts[2][:4]}-{parts[2][4:6]}-{parts[2][6:]}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("stems", nargs="*")
    ap.add_argument("--review", action="store_true", help="print each turn's start")
    ap.add_argument("--width", type=int, default=110)
    args = ap.parse_args()
    for layout, files in FIXES.items():
        module, folder = FAMILY[layout]
        draft = importlib.import_module(module).draft
        for stem, fix in files.items():
            if args.stems and stem not in args.stems:
                continue
            path = SHARED / folder / f"{stem}.txt"
            gold, text = draft(path)
            texts = [t.get("_text", "") for t in gold["turns"]]
            gold = correct(gold, fix)
            _meta_from_file_name(gold["meta"], stem)
            dump_gold(gold, GOLD / layout / f"{stem}.json")
            if args.review:
                kept = [x for i, x in enumerate(texts) if i not in set(fix.get("drop_turns", []))]
                for t, x in zip(gold["turns"], kept, strict=True):
                    t["_text"] = x
                print(f"== {layout}/{stem}\n{review(gold, text, args.width)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
