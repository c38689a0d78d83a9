"""Drafts gold outlines for Refinitiv PDF-to-text transcripts, to be corrected by hand.

The family's regular structure, read here without the parser: ALL-CAPS section lines
(``CORPORATE PARTICIPANTS``, ``CONFERENCE CALL PARTICIPANTS``, ``PRESENTATION``,
``QUESTIONS AND ANSWERS``, ``DISCLAIMER``); blocks separated by lines holding a single
space; a turn is such a line, then a ``Name`` line, then a ``Company - Title`` line (none for
``Operator`` and for a few unlisted speakers), then the hard-wrapped speech. A speaker's kind
is drafted from the participant lists (corporate -> executive, conference call ->
analyst); the section switches at ``QUESTIONS AND ANSWERS``. A lone number line is a page
number (chrome). Usage: ``python tests/gold/tools/draft_refinitiv.py FILE... [--out DIR]``.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import Anchorer, chrome_anchor, draft_cli, new_gold

HEADINGS = {
    "CORPORATE PARTICIPANTS",
    "CONFERENCE CALL PARTICIPANTS",
    "PRESENTATION",
    "QUESTIONS AND ANSWERS",
    "DISCLAIMER",
}


def draft(path: Path) -> tuple[dict[str, Any], str]:
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    offs = [0]
    for line in lines:
        offs.append(offs[-1] + len(line) + 1)
    speakers: dict[str, dict[str, Any]] = {}
    listed: dict[str, str] = {}
    chrome_at: list[tuple[int, int]] = []  # raw spans of chrome candidates
    section = "front"
    turns_raw: list[tuple[str, str, int, int]] = []  # speaker, section, start, end
    i = 0
    while i < len(lines):
        line = lines[i]
        if line in HEADINGS:
            section = line
            chrome_at.append((offs[i], offs[i + 1] - 1))
            if line == "DISCLAIMER" and i + 1 < len(lines):
                chrome_at.append((offs[i + 1], offs[i + 2] - 1))
            i += 1
            continue
        if re.fullmatch(r"\d{1,3}", line.strip()):
            chrome_at.append((offs[i], offs[i + 1] - 1))
            i += 1
            continue
        if line == " " and i + 1 < len(lines):
            name = lines[i + 1]
            title = lines[i + 2] if i + 2 < len(lines) else ""
            if section in ("CORPORATE PARTICIPANTS", "CONFERENCE CALL PARTICIPANTS"):
                listed[name] = "executive" if section.startswith("CORPORATE") else "analyst"
                if lines[i - 1] in HEADINGS:
                    chrome_at.append((offs[i + 1], offs[i + 3] - 1))  # the list's first entry
                i += 3 if " - " in title else 2
                continue
            if section in ("PRESENTATION", "QUESTIONS AND ANSWERS"):
                has_title = " - " in title and len(title) < 160 and title not in HEADINGS
                body = i + (3 if has_title else 2)
                j = body
                while j < len(lines) and lines[j] != " " and lines[j] not in HEADINGS:
                    j += 1
                end = offs[j] - 1
                for k in range(body, j):  # an anchor never runs into a page number
                    if re.fullmatch(r"\d{1,3}", lines[k].strip()):
                        end = offs[k] - 1
                        break
                sec = "qa" if section == "QUESTIONS AND ANSWERS" else "presentation"
                turns_raw.append((name, sec, offs[body], end))
                if name not in speakers:
                    kind = "operator" if name == "Operator" else listed.get(name, "unknown")
                    speakers[name] = {"kind": kind}
                i = j
                continue
        i += 1
    anchorer = Anchorer(text)
    turns = [
        {"at": anchorer.anchor(s, e), "speaker": n, "section": sec} for n, sec, s, e in turns_raw
    ]
    for turn, (_, _, s, e) in zip(turns, turns_raw, strict=True):
        turn["_text"] = " ".join(text[s:e].split())
    chrome = [c for c in (chrome_anchor(text, s, e) for s, e in chrome_at) if c]
    gold = new_gold(f"corpus/refinitiv/{path.name}", "refinitiv", speakers, turns, chrome)
    return gold, text


def main() -> int:
    return draft_cli(draft, "corpus/refinitiv", __doc__ or "")


if __name__ == "__main__":
    raise SystemExit(main())
