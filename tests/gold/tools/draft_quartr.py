"""Draft a gold outline for a Quartr-style page (a `Name (Role)` header line per turn).

The family's regular structure: page chrome, a `Company - Qn YYYY` title line, a date line,
`Transcript`, then turns, each a header line `Name (Role)` between blank lines followed by
paragraphs. The draft takes every header as a turn, its kind from the role (`participant`
for the operator, `Analyst` in the role for analysts, else executive), the Q&A from the
operator's first turn after the presentation that announces a question, one exchange per
analyst turn that follows an operator turn, and an interpretation link from each
mostly-English turn to the mostly-Chinese turns of another speaker right before it. Every
one of these is a guess to check by hand: labels in this family are sometimes wrong.

    python tests/gold/tools/draft_quartr.py quartr_qfin_q1_2023.txt > draft.json
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

from goldfmt import SHARED, anchor, dump

HEADER = re.compile(r"^([A-Z][A-Za-z .'-]+) \(([^)]*)\)$")
HAN = re.compile(r"[\u3400-\u9fff]")


def chinese(text: str) -> bool:
    han = len(HAN.findall(text))
    latin = len(re.findall(r"[A-Za-z]", text))
    return han > latin


def draft(rel: str) -> dict[str, Any]:
    text = (SHARED / rel).read_text(encoding="utf-8")
    lines = text.split("\n")
    heads = [i for i, ln in enumerate(lines) if HEADER.match(ln)
             and (i == 0 or not lines[i - 1].strip())
             and (i + 1 >= len(lines) or not lines[i + 1].strip())]
    chrome = [ln for ln in lines[:heads[0]] if ln.strip()] if heads else []
    speakers: dict[str, dict[str, Any]] = {}
    turns: list[dict[str, Any]] = []
    exchanges: list[dict[str, Any]] = []
    section = "presentation"
    for n, h in enumerate(heads):
        m = HEADER.match(lines[h])
        assert m
        name, role = m.group(1), m.group(2)
        end = heads[n + 1] if n + 1 < len(heads) else len(lines)
        body = "\n".join(lines[h + 1:end]).strip()
        if not body:
            continue
        kind = ("operator" if name == "Operator" else
                "analyst" if "analyst" in role.lower() else "executive")
        speakers.setdefault(name, {"kind": kind})
        if kind == "operator" and "question" in body.lower() and turns:
            section = "qa"
        turn: dict[str, Any] = {"at": anchor(body), "speaker": name, "section": section}
        if not chinese(body):
            prev = []
            k = len(turns) - 1
            while k >= 0 and turns[k]["speaker"] != name and turns[k].get("_zh"):
                prev.insert(0, k)
                k -= 1
            if prev:
                turn["interprets"] = prev
                turn["for"] = turns[prev[0]]["speaker"]
        else:
            turn["_zh"] = True
        if kind == "analyst" and turns and speakers[turns[-1]["speaker"]]["kind"] == "operator":
            exchanges.append({"asker": name, "turn": len(turns)})
        turns.append(turn)
    for t in turns:
        t.pop("_zh", None)
    return {"source": rel,
            "layout": "quartr", "checked": "DRAFT", "meta": {}, "speakers": speakers,
            "turns": turns, "exchanges": exchanges, "chrome": chrome}


if __name__ == "__main__":
    rel = sys.argv[1] if len(sys.argv) > 1 else "seeds/quartr_qfin_q1_2023.txt"
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else Path("/dev/stdout")
    dump(draft(rel), out)
