"""Shared helpers for the gold drafting scripts: anchors, kinds and the gold JSON writer.

The drafting scripts read each family's regular structure on their own, without the
parser in ``reader/core/``, so that a gold outline never repeats the parser's mistakes.
A draft is only a starting point: every draft is read against its transcript and
corrected by hand before it is committed under ``tests/gold/<layout>/``.
"""

from __future__ import annotations

import argparse
import bisect
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SHARED = Path(__file__).resolve().parents[3].parent / "shared"  # beside the repo

ANCHOR_WORDS = 8
MAX_ANCHOR_WORDS = 24


def normalise(text: str) -> tuple[str, list[int]]:
    """Lower-case letters, digits and Han characters only, with each one's offset in ``text``.

    The same rule the scorer matches anchors by (see ``tests/gold/README.md``).
    """
    chars: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        if ch.isalnum():
            chars.append(ch.lower())
            offsets.append(i)
    return "".join(chars), offsets


@dataclass
class Anchorer:
    """Picks, for each turn start in order, the shortest prefix that is found there first."""

    text: str
    norm: str = ""
    offsets: list[int] = field(default_factory=list)
    last: int = 0

    def __post_init__(self) -> None:
        self.norm, self.offsets = normalise(self.text)

    def _norm_pos(self, raw: int) -> int:
        """First normalised position at or after raw offset ``raw``."""
        lo, hi = 0, len(self.offsets)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.offsets[mid] < raw:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def anchor(self, start: int, end: int, words: int = ANCHOR_WORDS) -> str:
        """Anchor for the speech in ``text[start:end]``, unique from the previous anchor on."""
        want = self._norm_pos(start)
        # A short turn ("Thank you.") said earlier too needs words from what follows it.
        for stop in (end, len(self.text)):
            tokens = re.findall(r"\S+", self.text[start:stop])
            for n in range(min(words, len(tokens)), min(MAX_ANCHOR_WORDS, len(tokens)) + 1):
                cand = " ".join(tokens[:n])
                key, _ = normalise(cand)
                if not key:
                    continue
                if self.norm.find(key, self.last) == want:
                    self.last = want + 1  # the scorer searches on from just after the anchor start
                    return cand
        raise ValueError(f"no unique anchor at offset {start}: {self.text[start:start + 80]!r}")


def chrome_anchor(text: str, start: int, end: int, words: int = ANCHOR_WORDS) -> str | None:
    """Anchor for chrome at ``text[start:end]``, or None when its first occurrence is elsewhere.

    The scorer looks chrome up from the top of the text, so a chrome anchor is only usable
    where the text has not said the same words before (a lone page number usually has).
    """
    norm, offsets = normalise(text)
    want = bisect.bisect_left(offsets, start)
    tokens = re.findall(r"\S+", text[start:end])
    for n in range(min(words, len(tokens)), min(MAX_ANCHOR_WORDS, len(tokens)) + 1):
        cand = " ".join(tokens[:n])
        key, _ = normalise(cand)
        if key and norm.find(key) == want:
            return cand
    return None


def dump_gold(gold: dict[str, Any], path: Path) -> None:
    """Write a gold file: indent 1, one turn per line, raw UTF-8."""
    gold = {**gold, "turns": [{k: v for k, v in t.items() if not k.startswith("_")} for t in gold["turns"]]}
    lines = ["{"]
    keys = list(gold)
    for k_i, key in enumerate(keys):
        comma = "," if k_i < len(keys) - 1 else ""
        value = gold[key]
        if key in ("turns", "exchanges", "chrome") and isinstance(value, list):
            if not value:
                lines.append(f' "{key}": []{comma}')
                continue
            lines.append(f' "{key}": [')
            for i, item in enumerate(value):
                sep = "," if i < len(value) - 1 else ""
                lines.append("  " + json.dumps(item, ensure_ascii=False) + sep)
            lines.append(f" ]{comma}")
        elif key == "speakers" and isinstance(value, dict) and value:
            lines.append(f' "{key}": {{')
            names = list(value)
            for i, name in enumerate(names):
                sep = "," if i < len(names) - 1 else ""
                lines.append(
                    f"  {json.dumps(name, ensure_ascii=False)}: "
                    + json.dumps(value[name], ensure_ascii=False)
                    + sep
                )
            lines.append(f" }}{comma}")
        else:
            lines.append(f' "{key}": ' + json.dumps(value, ensure_ascii=False) + comma)
    lines.append("}")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def draft_exchanges(turns: list[dict[str, Any]], kinds: dict[str, str]) -> list[dict[str, Any]]:
    """One exchange per analyst turn that follows a turn by someone else (to be checked by hand)."""
    out: list[dict[str, Any]] = []
    prev: str | None = None
    for i, turn in enumerate(turns):
        name = turn["speaker"]
        kind = kinds.get(name, turn.get("kind", "unknown")) if name else turn.get("kind", "unknown")
        if turn["section"] == "qa" and kind == "analyst" and (name is None or name != prev):
            out.append({"asker": name, "turn": i})
        prev = name
    return out


def review(gold: dict[str, Any], text: str, width: int = 110) -> str:
    """A listing for reading the draft against the transcript: index, kind, section, speaker, start."""
    rows = []
    kinds = {n: s["kind"] for n, s in gold["speakers"].items()}
    asks = {e["turn"] for e in gold["exchanges"]}
    for i, t in enumerate(gold["turns"]):
        kind = kinds.get(t["speaker"], t.get("kind", "-")) if t["speaker"] else t.get("kind", "-")
        mark = "Q" if i in asks else " "
        shown = t.get("_text", t["at"])[:width]
        rows.append(f"{i:3d}{mark} {t['section'][:4]:4} {kind[:4]:4} {str(t['speaker'])[:24]:24} | {shown}")
    return "\n".join(rows)


def correct(gold: dict[str, Any], fix: dict[str, Any]) -> dict[str, Any]:
    """Apply the hand corrections recorded for one file (see ``corrections.py``) to its draft.

    Keys of ``fix``: ``meta``, ``checked``, ``kinds`` (name -> kind), ``aliases`` (name ->
    list), ``turns`` (index -> fields to set, ``None`` values removed), ``drop_turns``
    (indices, applied last), ``exchanges_drop`` / ``exchanges_add`` (turn indices /
    ``(turn, asker)``), ``chrome`` (the chrome anchors, replacing the draft's) and
    ``chrome_add``.
    """
    gold = json.loads(json.dumps(gold))
    gold["meta"] = fix["meta"]
    gold["checked"] = fix["checked"]
    for name, kind in fix.get("kinds", {}).items():
        gold["speakers"].setdefault(name, {})["kind"] = kind
    for name, names in fix.get("aliases", {}).items():
        gold["speakers"][name]["aliases"] = names
    for idx, fields in fix.get("turns", {}).items():
        for key, value in fields.items():
            if value is None:
                gold["turns"][idx].pop(key, None)
            else:
                gold["turns"][idx][key] = value
    drop = set(fix.get("exchanges_drop", []))
    exchanges = [e for e in gold["exchanges"] if e["turn"] not in drop]
    exchanges += [{"asker": a, "turn": t} for t, a in fix.get("exchanges_add", [])]
    gold["exchanges"] = sorted(exchanges, key=lambda e: e["turn"])
    if "chrome" in fix:
        gold["chrome"] = list(fix["chrome"])
    gold["chrome"] += fix.get("chrome_add", [])
    dropped = sorted(fix.get("drop_turns", []))
    if dropped:
        keep = [i for i in range(len(gold["turns"])) if i not in set(dropped)]
        new_index = {old: new for new, old in enumerate(keep)}
        gold["turns"] = [gold["turns"][i] for i in keep]
        gold["exchanges"] = [{**e, "turn": new_index[e["turn"]]} for e in gold["exchanges"]
                             if e["turn"] in new_index]
    used = {t["speaker"] for t in gold["turns"]} | {t.get("for") for t in gold["turns"]}
    gold["speakers"] = {n: v for n, v in gold["speakers"].items() if n in used}
    return gold


def new_gold(source: str, layout: str, speakers: dict[str, Any], turns: list[dict[str, Any]],
             chrome: list[str]) -> dict[str, Any]:
    """A draft gold in the committed shape, its meta and `checked` left for the hand."""
    kinds = {n: v["kind"] for n, v in speakers.items()}
    return {
        "source": source,
        "layout": layout,
        "checked": "DRAFT",
        "meta": {"company": None, "ticker": None, "period": None, "date": None},
        "speakers": speakers,
        "turns": turns,
        "exchanges": draft_exchanges(turns, kinds) if speakers else [],
        "chrome": chrome,
    }


def draft_cli(draft: Callable[[Path], tuple[dict[str, Any], str]], folder: str, doc: str,
              show_chrome: bool = False) -> int:
    """The drafting scripts' command line: draft each file, write it, print it for review."""
    ap = argparse.ArgumentParser(description=doc.splitlines()[0])
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--out", type=Path, default=Path("/tmp/gold-drafts") / Path(folder).name)
    ap.add_argument("--width", type=int, default=110, help="characters of each turn shown")
    args = ap.parse_args()
    for f in args.files:
        path = f if f.exists() else SHARED / folder / f.name
        gold, _ = draft(path)
        dump_gold(gold, args.out / (path.stem + ".json"))
        extra = f"\n{gold['chrome']}" if show_chrome else ""
        print(f"== {path.name}\n{review(gold, '', args.width)}{extra}")
    return 0
