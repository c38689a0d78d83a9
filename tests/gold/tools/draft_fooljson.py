"""Drafts gold outlines for Motley Fool JSON-derived transcripts (``fooljson__*``), to be corrected by hand.

The family's regular structure, read here without the parser: a ``Prepared Remarks:``
heading, then blocks separated by blank lines, each a speaker-name line followed by the
turn's paragraphs one per line; a ``Questions and Answers:`` (or ``Questions &
Answers:``) heading; then ``Duration: N minutes`` and a ``Call participants:`` list of
``Name--Title`` and ``Name--Firm -- Analyst`` lines. Kinds are drafted from that list
(``-- Analyst`` -> analyst, other listed names -> executive, ``Operator`` -> operator);
the section switches at the Q&A heading. Usage: ``python draft_fooljson.py FILE...``.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import Anchorer, chrome_anchor, draft_cli, new_gold

QA = re.compile(r"Questions (?:and|&) Answers:")


def draft(path: Path) -> tuple[dict[str, Any], str]:
    text = path.read_text(encoding="utf-8")
    blocks = [(m.start(), m.group(0)) for m in re.finditer(r"[^\n]+(?:\n[^\n]+)*", text)]
    speakers: dict[str, dict[str, Any]] = {}
    listed: dict[str, str] = {}
    chrome_at: list[tuple[int, int]] = []
    turns_raw: list[tuple[str, str, int, int]] = []
    section = "presentation"
    tail = False
    for start, block in blocks:
        first, _, rest = block.partition("\n")
        if first == "Prepared Remarks:" or QA.fullmatch(first):
            chrome_at.append((start, start + len(first)))
            section = "qa" if QA.fullmatch(first) else "presentation"
            continue
        if first.startswith("Duration:") or first == "Call participants:":
            tail = True
            chrome_at.append((start, start + len(block)))
            for line in block.split("\n")[1:]:
                name, _, role = line.partition("--")
                listed[name.strip()] = "analyst" if role.endswith("-- Analyst") else "executive"
            continue
        if tail or not rest:
            chrome_at.append((start, start + len(block)))
            for line in block.split("\n") if tail else []:
                name, _, role = line.partition("--")
                listed[name.strip()] = "analyst" if role.endswith("-- Analyst") else "executive"
            continue
        body = start + len(first) + 1
        turns_raw.append((first.strip(), section, body, start + len(block)))
    for name, _, _, _ in turns_raw:
        if name not in speakers:
            speakers[name] = {"kind": "operator" if name == "Operator" else listed.get(name, "unknown")}
    anchorer = Anchorer(text)
    turns: list[dict[str, Any]] = []
    for name, sec, s, e in turns_raw:
        turns.append({"at": anchorer.anchor(s, e),
                      "speaker": name, "section": sec, "_text": " ".join(text[s:e].split())})
    chrome = [c for c in (chrome_anchor(text, s, e) for s, e in chrome_at) if c]
    gold = new_gold(f"corpus/{path.name}", "fooljson", speakers, turns, chrome)
    return gold, text


def main() -> int:
    return draft_cli(draft, "corpus", __doc__ or "")


if __name__ == "__main__":
    raise SystemExit(main())
