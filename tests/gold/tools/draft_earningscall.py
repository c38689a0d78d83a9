"""Draft a gold outline for an EarningsCall-style file (no speaker names at all).

The family's regular structure: a disclaimer line, the company line, the date as M/D/YYYY,
then one paragraph per line. Nobody is labelled, so the draft only guesses from cues, and
every turn is then read by hand:
- a line the operator would say ("from the line of", "Please go ahead", "star 1") is the
  operator's, and the next line is the asker's turn, named as the operator names them;
- "turn the call over to Mr./Ms. X" names the next line's speaker;
- "I will do the translation" starts an unnamed interpreter's turn, also inside a line
  (the line is cut there), and the line before it is a machine rendering of the Mandarin
  answer, by an unnamed executive, which that turn interprets;
- consecutive lines with no cue between them are drafted as one turn each, for the hand
  check to merge.

    python tests/gold/tools/draft_earningscall.py seeds/earningscall_qfin_q1_2024.txt out.json
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

from goldfmt import SHARED, anchor, dump

OPERATOR = re.compile(r"from the line of|Please go ahead|star 1|listen-only|"
                      r"conclude the conference|take (?:our|the) (?:next|first) question",
                      re.IGNORECASE)
ASKER = re.compile(r"from the line of ([A-Z][\w-]+(?: [A-Z][\w-]+)+) from")
HANDOVER = re.compile(r"(?:turn|hand) the (?:conference )?call over to (?:M[rs]s?\. )?"
                      r"([A-Z][\w-]+(?: [A-Z][\w-]+)+)")
TRANSLATE = re.compile(r"(?:Okay|OK)?,? ?I will do the translation", re.IGNORECASE)


def draft(rel: str) -> dict[str, Any]:
    lines = (SHARED / rel).read_text(encoding="utf-8").split("\n")
    chrome = lines[:3]
    turns: list[dict[str, Any]] = []
    speakers: dict[str, dict[str, Any]] = {}
    exchanges: list[dict[str, Any]] = []
    section = "presentation"
    next_name: tuple[str, str] | None = None
    for ln in lines[3:]:
        if not ln.strip():
            continue
        pieces = [ln]
        m = TRANSLATE.search(ln)
        if m and m.start() > 0:
            pieces = [ln[:m.start()], ln[m.start():]]
        for piece in pieces:
            turn: dict[str, Any] = {"at": anchor(piece), "speaker": None,
                                    "section": section}
            if TRANSLATE.match(piece):
                turn["kind"] = "interpreter"
                if turns and turns[-1].get("kind") == "executive":
                    turn["interprets"] = [len(turns) - 1]
                    turn["for"] = None
            elif OPERATOR.search(piece) and next_name is None:
                turn["kind"] = "operator"
                if "question" in piece.lower():
                    section = turn["section"] = "qa"
            elif next_name:
                turn["speaker"] = next_name[0]
                speakers.setdefault(next_name[0], {"kind": next_name[1]})
                if next_name[1] == "analyst":
                    exchanges.append({"asker": next_name[0], "turn": len(turns)})
                next_name = None
            else:
                turn["kind"] = "executive"
            a = ASKER.search(piece)
            h = HANDOVER.search(piece)
            if a:
                next_name = (a.group(1), "analyst")
            elif h:
                next_name = (h.group(1), "executive")
            turns.append(turn)
    return {"source": rel, "layout": "earningscall", "checked": "DRAFT", "meta": {},
            "speakers": speakers, "turns": turns, "exchanges": exchanges, "chrome": chrome}


if __name__ == "__main__":
    rel = sys.argv[1] if len(sys.argv) > 1 else "seeds/earningscall_qfin_q1_2024.txt"
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else Path("/dev/stdout")
    dump(draft(rel), out)
