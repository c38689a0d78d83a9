"""Draft a gold outline for an AlphaSpread-style page.

The family's regular structure: page chrome (watchlist, `EXCHANGE:TICKER`, price,
`Updated:`), an `Earnings Call Analysis` block of heading / paragraph pairs (a generated
summary: each paragraph one `summary` turn, each heading chrome), then
`Earnings Call Transcript`, the period `YYYY-Qn`, and turns. A turn header is the single line
`Operator`, or three lines: an initial, the name, and `executive` or `analyst`. A paragraph
starting `[Interpreted]` was spoken by an interpreter: under an executive's header the draft
makes the turn an unnamed interpreter's, speaking `for` that executive; under an analyst's
it keeps the analyst (who usually translates their own question). Both are checked by hand.

    python tests/gold/tools/draft_alphaspread.py seeds/alphaspread_lexin_q4_2023.txt out.json
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

from goldfmt import SHARED, anchor, dump


def draft(rel: str) -> dict[str, Any]:
    lines = (SHARED / rel).read_text(encoding="utf-8").split("\n")
    chrome: list[str] = []
    turns: list[dict[str, Any]] = []
    speakers: dict[str, dict[str, Any]] = {}
    exchanges: list[dict[str, Any]] = []
    i = 0
    # page chrome and summary, up to the transcript heading followed by a period line
    start = next(k for k in range(len(lines) - 1) if lines[k] == "Earnings Call Transcript"
                 and re.fullmatch(r"\d{4}-Q\d", lines[k + 1]))
    analysis = next((k for k in range(start) if lines[k] == "Earnings Call Analysis"), start)
    for k in range(analysis):
        if lines[k].strip():
            chrome.append(lines[k])
    blocks = [ln for ln in lines[analysis:start] if ln.strip()]
    chrome.extend(blocks[:3])  # "Earnings Call Analysis", "Qn-YYYY Analysis", company
    for n, ln in enumerate(blocks[3:]):
        if ln == "Earnings Call Transcript":
            chrome.append(ln)
        elif n % 2 == 0:
            chrome.append(ln)  # heading
        else:
            turns.append({"at": anchor(ln), "speaker": None, "section": "summary"})
    chrome.extend([lines[start], lines[start + 1]])
    i = start + 2
    section = "presentation"
    while i < len(lines):
        ln = lines[i]
        name = kind = None
        if ln == "Operator":
            name, kind, i = "Operator", "operator", i + 1
        elif (i + 2 < len(lines) and len(ln) == 1 and ln.isupper()
              and lines[i + 2] in ("executive", "analyst")):
            name, kind, i = lines[i + 1], lines[i + 2], i + 3
        else:
            i += 1
            continue
        body = []
        while i < len(lines) and not (lines[i] == "Operator" or (
                i + 2 < len(lines) and len(lines[i]) == 1 and lines[i].isupper()
                and lines[i + 2] in ("executive", "analyst"))):
            if lines[i].strip() and lines[i] != "All Transcripts":
                body.append(lines[i])
            i += 1
        if not body:
            continue
        text = body[0]
        speakers.setdefault(name, {"kind": kind})
        if kind == "operator" and "question" in text.lower() and section == "presentation":
            section = "qa"
        turn: dict[str, Any] = {"at": anchor(text), "speaker": name, "section": section}
        if text.startswith("[Interpreted]") and kind == "executive":
            turn = {"at": turn["at"], "speaker": None, "kind": "interpreter",
                    "section": section, "for": name}
        if kind == "analyst":
            exchanges.append({"asker": name, "turn": len(turns)})
        turns.append(turn)
    if lines and lines[-1].strip():
        chrome.append(lines[-1])
    return {"source": rel, "layout": "alphaspread", "checked": "DRAFT", "meta": {},
            "speakers": speakers, "turns": turns, "exchanges": exchanges, "chrome": chrome}


if __name__ == "__main__":
    rel = sys.argv[1] if len(sys.argv) > 1 else "seeds/alphaspread_lexin_q4_2023.txt"
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else Path("/dev/stdout")
    dump(draft(rel), out)
