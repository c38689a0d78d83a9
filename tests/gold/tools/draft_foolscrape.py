"""Drafts gold outlines for the scraped Motley Fool pages (``foolscrape__*``), both layouts, to be corrected by hand.

The family's regular structure, read here without the parser. Both layouts open with a
header between two lines of 70 ``=`` (``Company:``, ``Ticker:``, ``Quarter:`` fields) and
keep paragraphs apart with blank lines.

* 2024-era: a run-together title line, a table of contents, ``Prepared Remarks:`` and
  ``Questions & Answers:`` headings; each turn starts with a paragraph that is only the
  speaker, ``Operator`` or ``Name--Title`` (analysts ``Name--Firm -- Analyst``); after
  ``Duration:`` come the participants list and the page footer.
* 2025+: a date line, an AI summary (``Call participants`` lines ``Role — Name``,
  ``Metric-- value`` bullets, prose, a glossary) up to ``Full Conference Call
  Transcript``; then turns start with ``Name:Text`` (no space after the colon), later
  paragraphs continue the turn (so does a paragraph that repeats the same speaker's
  label: one speaker's uninterrupted speech is one turn), and the footer starts at ``This article is a transcript``.

Kinds are drafted from the titles (``Analyst`` -> analyst, ``Operator``, others and the
summary's participants -> executive, an unlisted name -> analyst when the operator
announced it, else unknown); the Q&A starts at the heading (2024) or at the operator's
first question announcement (2025). Usage: ``python draft_foolscrape.py FILE...``.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import Anchorer, chrome_anchor, draft_cli, new_gold

SPEAKER_2024 = re.compile(r"([A-Z][^\n]{1,60}?)--(\S[^\n]{0,120})")
LABEL_2025 = re.compile(r"([A-Z][A-Za-z.'’\- ]{1,50}):(?=\S)")
ANNOUNCE = re.compile(
    r"(?:first|next|following|last) question|question comes from|line of|"
    r"open (?:up )?the (?:call|line|lines|floor) (?:for|to) questions",
    re.I,
)


def _paragraphs(text: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group(0)) for m in re.finditer(r"[^\n]+", text)]


def draft(path: Path) -> tuple[dict[str, Any], str]:
    text = path.read_text(encoding="utf-8")
    paras = _paragraphs(text)
    header_end = [m.end() for m in re.finditer(r"^={70}$", text, re.M)][1]
    chrome_at: list[tuple[int, int]] = [(0, header_end)]
    speakers: dict[str, dict[str, Any]] = {}
    turns_raw: list[list[Any]] = []  # speaker, section, start, end, kind-hint
    summary: list[tuple[int, int]] = []
    new = "Full Conference Call Transcript" in text
    section = "presentation"
    stage = "front"
    for start, para in paras:
        end = start + len(para)
        if start < header_end:
            continue
        if not new:
            if para in ("Prepared Remarks:", "Questions & Answers:", "Questions and Answers:"):
                stage = "body"
                section = "presentation" if para.startswith("Prepared") else "qa"
                chrome_at.append((start, end))
                continue
            if stage == "front" or stage == "tail":
                chrome_at.append((start, end))
                continue
            if para.startswith("Duration:"):
                stage = "tail"
                chrome_at.append((start, end))
                continue
            m = SPEAKER_2024.fullmatch(para)
            if para == "Operator" or m:
                name = "Operator" if para == "Operator" else m.group(1).strip()
                title = "" if para == "Operator" else m.group(2)
                kind = ("operator" if name == "Operator" else
                        "analyst" if title.rstrip().endswith("Analyst") else "executive")
                speakers.setdefault(name, {"kind": kind})
                turns_raw.append([name, section, None, None])
                continue
            if turns_raw and turns_raw[-1][2] is None:
                turns_raw[-1][2] = start
            if turns_raw:
                turns_raw[-1][3] = end
            continue
        # 2025+ layout
        if stage == "front":
            if para == "Full Conference Call Transcript":
                stage = "body"
                chrome_at.append((start, end))
            elif not summary and not chrome_at[1:]:
                chrome_at.append((start, end))  # the date line
            elif " — " in para or (len(para) < 40 and not re.search(r"[.:%\"”]|--", para)):
                chrome_at.append((start, end))  # participants, headings, the date line
                if " — " in para:
                    name = para.split(" — ", 1)[1].strip()
                    speakers.setdefault(name, {"kind": "executive"})
            else:
                summary.append((start, end))
            continue
        if stage == "tail" or para.startswith("This article is a transcript"):
            stage = "tail"
            chrome_at.append((start, end))
            continue
        m = LABEL_2025.match(para)
        if m:
            name = m.group(1).strip()
            body = start + m.end()
            if name == "Operator" and section == "presentation" and ANNOUNCE.search(para):
                section = "qa"
            turns_raw.append([name, section, body, end])
        elif turns_raw:
            turns_raw[-1][3] = end
    merged: list[list[Any]] = []
    for t in turns_raw:  # a label repeated on the next paragraph does not start a new turn
        if merged and t[0] == merged[-1][0] and t[0] != "Analyst" and t[2] is not None:
            merged[-1][3] = t[3]
        else:
            merged.append(t)
    turns_raw = merged
    anchorer = Anchorer(text)
    turns: list[dict[str, Any]] = []
    events = sorted([(s, "summary", None, e) for s, e in summary] +
                    [(t[2], t[1], t[0], t[3]) for t in turns_raw if t[2] is not None])
    prev_op_announced = False
    for s, sec, name, e in events:
        turn: dict[str, Any] = {"at": anchorer.anchor(s, e), "speaker": name, "section": sec,
                                "_text": " ".join(text[s:e].split())}
        if name is None:
            turn["kind"] = "unknown"
        elif name == "Analyst":
            turn["speaker"] = None
            turn["kind"] = "analyst"
        elif name not in speakers:
            speakers[name] = {"kind": "operator" if name == "Operator" else
                              "analyst" if prev_op_announced else "unknown"}
        if name is not None:
            prev_op_announced = name == "Operator" and bool(ANNOUNCE.search(turn["_text"]))
        turns.append(turn)
    for t in turns:
        if t["speaker"] is None and t["section"] == "summary":
            t.pop("kind")
    chrome = [c for c in (chrome_anchor(text, s, e) for s, e in chrome_at) if c]
    layout = "foolscrape-2025" if new else "foolscrape-2024"
    gold = new_gold(f"corpus/foolscrape/{path.name}", layout, speakers, turns, chrome)
    return gold, text


def main() -> int:
    return draft_cli(draft, "corpus/foolscrape", __doc__ or "", show_chrome=True)


if __name__ == "__main__":
    raise SystemExit(main())
