"""Draft gold outlines for the machine-translated Motley Fool calls: `foolzh-interleaved`
(numbered `[EN]` / `[中]` pairs in text) and `foolzh-bilingual-json` (the same pairs in JSON).

The family's regular structure, read here without the parser:
- interleaved text: a header between `=` lines (`Company:`, `Quarter:`, ...), then pairs
  `  [  n] [EN] English` / `       [中] Chinese`, the Chinese often followed by the English
  once more (sometimes after `原文：`); paragraphs taken for headings are unnumbered
  `  ━━ English ━━` / `  ━━ 中文 ━━` lines, participants `  👤 Role — Name`; a `共 N 段`
  footer. JSON: `meta` and `pairs` of `{"en", "zh"}`, the `zh` often ending with the English.
- the page: a date line, an AI summary (participants, `Metric-- value` bullets, quotes,
  glossary; or in the 2024-era pages a run-together title line and a table of contents),
  `Full Conference Call Transcript` (or `Prepared Remarks:`), the call, then `Call
  participants:` / `Duration:` lists and the Motley Fool disclaimer.
- a turn starts at an inline label `Name:Text` (no space after the colon), or, in the
  2024-era pages, at a pair that is only `Name--Title` / `Name--Firm -- Analyst` /
  `Operator`.

A speaker labelled again with nobody between stays in one turn. Each speaker turn becomes two gold turns: the English (the original), then the Chinese by
the same speaker, interpreting it, `for` that speaker. Summary paragraphs are `summary`
turns (English anchor only); headings, participants, date and disclaimers are chrome. The
Q&A starts at the `Questions & Answers:` heading, else at the operator's first turn after the
prepared remarks that speaks of questions. An asker is named as the operator announces
them when the label says only `Analyst`. Exchanges: each analyst turn right after the
operator's; later analyst turns are left for the hand check to judge (follow-up question or
thanks).

    python tests/gold/tools/draft_foolzh.py corpus/foolzh-interleaved/X.txt out.json
    python tests/gold/tools/draft_foolzh.py --json-from GOLD.json corpus/foolzh-bilingual-json/X.json out.json

The second form turns a checked interleaved gold into the JSON one: the anchors are the same
words, the meta comes from the JSON `meta` (no ticker there), the chrome only what the pairs
hold.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from goldfmt import SHARED, anchor, dump, norm


@dataclass
class Item:
    kind: str  # para | heading | participant
    en: str
    zh: str


PAIR = re.compile(r"^  \[\s*\d+\] \[EN\] (.*)$")
ZH = re.compile(r"^       \[中\] ?(.*)$")
HEAD = re.compile(r"^  ━━ (.*?)(?: ━━)?$")
PERSON = re.compile(r"^  👤 (.*)$")
INLINE = re.compile(r"^(?P<name>[A-Z][A-Za-z.'’\-]*(?: [A-Za-z][A-Za-z.'’\-]*){0,4}):(?=\S)")
LINE_LABEL = re.compile(r"^(?P<name>[A-Z][A-Za-z.'’ \-]+?)--(?P<title>.{2,90})$")
OPERATOR_SAYS = re.compile(r"(?:first|next|last|final) question (?:comes|is) from|"
                           r"question comes from the line of", re.IGNORECASE)
ZH_LABEL = re.compile(r"^[^。，,.!?！？]{1,30}?[：:]\s*")
ANNOUNCE = re.compile(r"(?:from|is|of) (?:the line of )?(?P<name>[A-Z][\w'’\-]+(?: [A-Z][\w'’\-]+)+)"
                      r"(?: (?:with|from|of|at)\b|,|\.)")


def read_interleaved(text: str) -> list[Item]:
    items: list[Item] = []
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        ln = lines[i]
        m = PAIR.match(ln)
        if m:
            zh = ""
            if i + 1 < len(lines) and (z := ZH.match(lines[i + 1])):
                zh = z.group(1)
                i += 1
            items.append(Item("para", m.group(1), zh))
        elif h := HEAD.match(ln):
            if items and items[-1].kind == "heading" and not items[-1].zh:
                items[-1].zh = h.group(1)
            else:
                items.append(Item("heading", h.group(1), ""))
        elif p := PERSON.match(ln):
            items.append(Item("participant", p.group(1), ""))
        i += 1
    return items


def read_json(text: str) -> list[Item]:
    data = json.loads(text)
    return [Item("para", p.get("en", ""), (p.get("zh") or "").split("  \n")[0])
            for p in data["pairs"]]


def is_heading(it: Item) -> bool:
    if it.kind == "heading":
        return True
    en = it.en.strip()
    return bool(en) and len(en) < 60 and (en.isupper() or en.endswith(":") or en.lower() in {
        "full conference call transcript", "prepared remarks", "questions and answers",
        "questions & answers", "call participants", "stocks mentioned", "industry glossary",
        "takeaways", "risks", "summary", "all earnings call transcripts"}
        or (en.startswith("More ") and en.endswith(" analysis")))


def label_of(it: Item) -> tuple[str, str | None, str] | None:
    """(name, title, English speech after the label) when the pair starts a turn."""
    en = it.en.strip()
    if en == "Operator":
        return ("Operator", None, "")
    m = LINE_LABEL.match(en)
    if m and len(en) < 110 and "." not in m.group("name"):
        return (m.group("name").strip(), m.group("title").strip(), "")
    m = INLINE.match(en)
    if m and not re.search(r"\d", m.group("name")):
        return (m.group("name"), None, en[m.end():])
    return None


def zh_speech(zh: str) -> str:
    zh = zh.strip()
    m = ZH_LABEL.match(zh)
    return zh[m.end():] if m else zh


def draft(rel: str) -> dict[str, Any]:
    src = SHARED / rel
    text = src.read_text(encoding="utf-8")
    items = read_json(text) if rel.endswith(".json") else read_interleaved(text)
    start = next(k for k, it in enumerate(items) if it.en.strip() in (
        "Full Conference Call Transcript", "Prepared Remarks:"))
    end = next((k for k in range(start + 1, len(items)) if items[k].en.strip().startswith((
        "Call participants", "Call Participants", "Duration:", "This article is a transcript"))),
        len(items))
    chrome: list[str] = []
    turns: list[dict[str, Any]] = []
    for k, it in enumerate(items[:start]):
        if k == 0 or it.kind != "para" or is_heading(it) or (" — " in it.en and len(it.en) < 90):
            chrome.append(it.en)
        elif it.en.strip():
            turns.append({"at": anchor(it.en), "speaker": None, "section": "summary"})
    chrome.append(items[start].en)
    speakers: dict[str, dict[str, Any]] = {}
    exchanges: list[dict[str, Any]] = []
    section = "presentation"
    current: dict[str, Any] | None = None  # {"name", "en": [...], "zh": [...]}
    blocks: list[dict[str, Any]] = []
    for it in items[start + 1:end]:
        if is_heading(it):
            chrome.append(it.en)
            if it.en.strip().startswith("Questions"):
                blocks.append({"qa_mark": True})
            continue
        lab = label_of(it)
        if lab:
            # the same speaker labelled again with nobody between is one turn
            if not (current is not None and blocks and blocks[-1] is current
                    and current["name"] == lab[0]):
                current = {"name": lab[0], "title": lab[1], "en": [], "zh": []}
                blocks.append(current)
            if lab[2]:
                current["en"].append(lab[2])
                current["zh"].append(zh_speech(it.zh))
            continue
        if current is None:
            current = {"name": None, "title": None, "en": [], "zh": []}
            blocks.append(current)
        current["en"].append(it.en)
        current["zh"].append(it.zh)
    chrome.extend(it.en for it in items[end:end + 3])
    # an operator the page labels by first name ("Eric:") is known by what they say
    operators = {"Operator"} | {b["name"] for b in blocks if b.get("name") and any(
        OPERATOR_SAYS.search(e) for e in b["en"])}
    prev_name: str | None = None
    announced: str | None = None
    spoke = False
    for b in blocks:
        if b.get("qa_mark"):
            section = "qa"
            continue
        name, title = b["name"], b["title"]
        en = next((e for e in b["en"] if e.strip()), "")
        zh = next((z for z in b["zh"] if z.strip()), "")
        if not en:
            continue
        kind = "executive"
        if name in operators:
            kind = "operator"
            if spoke and "question" in en.lower() and section == "presentation":
                section = "qa"
        elif name == "Analyst" or (title and "Analyst" in title) or (
                announced and name and norm(name) in norm(announced)):
            kind = "analyst"
        if name == "Analyst" and announced:
            name = announced
        if kind != "operator":
            spoke = True
        if name:
            speakers.setdefault(name, {"kind": kind})
        if kind == "analyst" and prev_name in operators:
            exchanges.append({"asker": name, "turn": len(turns)})
        if kind == "operator":
            m = ANNOUNCE.search(en)
            announced = m.group("name") if m else None
        turns.append({"at": anchor(en), "speaker": name, "section": section})
        if zh:
            turns.append({"at": anchor(zh), "speaker": name, "section": section,
                          "interprets": [len(turns) - 1], "for": name})
        prev_name = name
    return {"source": rel, "layout": rel.split("/")[1], "checked": "DRAFT", "meta": {},
            "speakers": speakers, "turns": turns, "exchanges": exchanges, "chrome": chrome}


def json_from(gold_path: Path, rel: str) -> dict[str, Any]:
    """The JSON twin of a checked interleaved gold: same anchors, JSON meta, pair chrome."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    data = json.loads((SHARED / rel).read_text(encoding="utf-8"))
    meta = data["meta"]
    company = re.sub(r"\s*\(.*\)$", "", meta.get("company", "")) or None
    q = re.fullmatch(r"(Q[1-4]) (\d{4})", meta.get("quarter", ""))
    pairs = norm(" ".join(p.get("en", "") + " " + (p.get("zh") or "") for p in data["pairs"]))
    out = dict(gold)
    out["source"] = rel
    out["layout"] = "foolzh-bilingual-json"
    out["meta"] = {"company": company, "ticker": gold["meta"].get("ticker"),
                   "period": f"{q.group(1)} {q.group(2)}" if q else None,
                   "date": gold["meta"].get("date")}
    out["chrome"] = [c for c in gold["chrome"] if norm(c) and norm(c) in pairs]
    out["checked"] = ("The same call as " + gold["source"] + ", whose gold was checked by hand; "
                      "anchors are the same words. Meta: company and period from the JSON meta; "
                      "the ticker from the stock link in the first pair's English, as in the "
                      "interleaved gold; the date from the first pair. " + gold["checked"])
    return out


if __name__ == "__main__":
    args = sys.argv[1:]
    if args and args[0] == "--json-from":
        dump(json_from(Path(args[1]), args[2]), Path(args[3]))
    else:
        dump(draft(args[0]), Path(args[1]) if len(args) > 1 else Path("/dev/stdout"))
