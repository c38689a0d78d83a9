"""Shared helpers for the gold drafting scripts: anchors, the JSON layout, and a review listing.

Nothing here reads the parser (`reader/`): a gold outline must not come from what it measures.
The drafting scripts beside this module read one layout family's regular structure each and
write a draft; the draft is then read against the transcript and corrected by hand.

    python tests/gold/tools/goldfmt.py review tests/gold/quartr/quartr_qfin_q1_2023.json

prints every gold turn where its anchor is found (line number, speaker, section, links) and
where each chrome anchor first occurs, for the hand check.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[3]
SHARED = REPO.parent / "shared"

_HAN = re.compile(r"[\u3400-\u9fff]")


def norm(s: str) -> str:
    """Letters, digits and Han only, case folded (the scorer's matching rule)."""
    return "".join(ch.casefold() for ch in s if ch.isalnum())


def anchor(text: str, words: int = 8, han: int = 16) -> str:
    """The first words of a turn's speech, copied exactly: `words` white-space separated
    words, or `han` Han characters when the text runs without spaces (Chinese)."""
    text = text.lstrip()
    end = 0
    count = 0
    han_seen = 0
    for m in re.finditer(r"\S+", text):
        tok = m.group()
        n_han = len(_HAN.findall(tok))
        if n_han and han_seen + n_han > han:
            # cut inside a long run of Chinese
            need = han - han_seen
            for j, ch in enumerate(tok):
                if _HAN.match(ch):
                    need -= 1
                    if need <= 0:
                        end = m.start() + j + 1
                        break
            return text[:end]
        han_seen += n_han
        count += 1 if not n_han else max(1, n_han // 2)
        end = m.end()
        if count >= words and len(norm(text[:end])) >= 12:
            break
    return text[:end]


def dump(gold: dict[str, Any], path: Path) -> None:
    """Write a gold file: indent 1, raw UTF-8, one speaker, turn, exchange per line."""

    def one(v: Any) -> str:
        return json.dumps(v, ensure_ascii=False)

    out = ["{"]
    keys = list(gold)
    for i, key in enumerate(keys):
        comma = "," if i < len(keys) - 1 else ""
        val = gold[key]
        if key == "speakers":
            out.append(' "speakers": {')
            items = list(val.items())
            for j, (name, info) in enumerate(items):
                out.append(f"  {one(name)}: {one(info)}" + ("," if j < len(items) - 1 else ""))
            out.append(" }" + comma)
        elif key in ("turns", "exchanges", "chrome") and val:
            out.append(f" {one(key)}: [")
            for j, item in enumerate(val):
                out.append(f"  {one(item)}" + ("," if j < len(val) - 1 else ""))
            out.append(" ]" + comma)
        else:
            out.append(f" {one(key)}: {one(val)}{comma}")
    out.append("}")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


class Located:
    """The source text with a map from normalised positions back to line numbers."""

    def __init__(self, text: str) -> None:
        self.text = text
        chars: list[str] = []
        self.where: list[int] = []
        for i, ch in enumerate(text):
            if ch.isalnum():
                f = ch.casefold()
                chars.append(f)
                self.where.extend([i] * len(f))
        self.norm = "".join(chars)

    def line_of(self, nidx: int) -> int:
        return self.text.count("\n", 0, self.where[nidx]) + 1

    def snippet(self, nidx: int, width: int = 90) -> str:
        off = self.where[nidx]
        return self.text[off:off + width].replace("\n", " / ")


def source_text(rel: str) -> str:
    """The transcript text anchors are searched in. A bilingual JSON file is rendered the way
    its front end is specified to render it: `[  n] [EN] English` / `       [中] 中文` per
    pair, without the English the `zh` string repeats after `"  \\n"`."""
    raw = (SHARED / rel).read_text(encoding="utf-8")
    if not rel.endswith(".json"):
        return raw
    pairs = json.loads(raw)["pairs"]
    out = []
    for n, p in enumerate(pairs, 1):
        zh = (p.get("zh") or "").split("  \n")[0]
        out.append(f"  [{n:3}] [EN] {p.get('en', '')}\n       [中] {zh}\n")
    return "\n".join(out)


def review(path: Path) -> int:
    """Print where each anchor lands; return the number of anchors not found."""
    gold = json.loads(path.read_text(encoding="utf-8"))
    loc = Located(source_text(gold["source"]))
    pos = 0
    missing = 0
    asked = {e["turn"]: e["asker"] for e in gold.get("exchanges", [])}
    for i, t in enumerate(gold["turns"]):
        idx = loc.norm.find(norm(t["at"]), pos)
        extra = ""
        if "interprets" in t:
            extra += f" interprets={t['interprets']}"
        if "for" in t:
            extra += f" for={t['for']}"
        if i in asked:
            extra += f" ASKS({asked[i]})"
        who = t["speaker"] if t["speaker"] is not None else f"-({t.get('kind', '?')})"
        if idx < 0:
            missing += 1
            print(f"{i:3} NOT FOUND {t['at']!r}")
            continue
        print(f"{i:3} L{loc.line_of(idx):<5} {t['section'][:4]:4} {who:22.22} {extra} | "
              f"{loc.snippet(idx, 70)}")
        pos = idx + 1
    for c in gold.get("chrome", []):
        idx = loc.norm.find(norm(c))
        print(f"chrome L{loc.line_of(idx) if idx >= 0 else '-'}: {c!r}")
    names = {t["speaker"] for t in gold["turns"] if t["speaker"] is not None}
    unknown = names - set(gold["speakers"])
    if unknown:
        print(f"speakers missing from the speakers table: {sorted(unknown)}")
    print(f"{len(gold['turns'])} turns, {missing} anchors not found")
    return missing


if __name__ == "__main__":
    if len(sys.argv) < 3 or sys.argv[1] != "review":
        print("usage: goldfmt.py review GOLD.json [...]")
        raise SystemExit(2)
    bad = sum(review(Path(p)) for p in sys.argv[2:])
    raise SystemExit(1 if bad else 0)
