"""Outline accuracy against the hand-checked gold set (tests/gold/), per layout family.

    python bench/accuracy.py                 # the per-layout table
    python bench/accuracy.py --files         # and one row per file
    python bench/accuracy.py --errors FILE   # what the outline gets wrong in one gold file
    python bench/accuracy.py --check FILE... # only check that every anchor is found

The gold format and the scoring rules are in tests/gold/README.md.
"""

from __future__ import annotations

import argparse
import bisect
import json
import re
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from reader.core.model import Meta, SourceInfo, Transcript  # noqa: E402
from reader.core.pipeline import parse_bytes  # noqa: E402

SHARED = REPO.parent / "shared"
GOLD = REPO / "tests" / "gold"
TOLERANCE = 15
"""How far (in normalised characters) a predicted turn start may sit from a gold anchor."""

TARGETS = {"turn_f1": 0.97, "speaker": 0.95, "kind": 0.95, "exchanges": 0.90, "meta": 0.95}


# --- normalised text ---------------------------------------------------------------------

class Normalised:
    """The text with everything but letters, digits and Han removed and case folded, with a
    map from each kept character back to its offset in the original."""

    def __init__(self, text: str) -> None:
        chars: list[str] = []
        where: list[int] = []
        for i, ch in enumerate(text):
            if ch.isalnum():
                folded = ch.casefold()
                chars.append(folded)
                where.extend([i] * len(folded))
        self.text = "".join(chars)
        self.where = where

    def index_of_offset(self, offset: int) -> int:
        """The first normalised position at or after an original offset."""
        return bisect.bisect_left(self.where, offset)

    def offset(self, index: int) -> int:
        return self.where[index] if index < len(self.where) else (self.where[-1] + 1
                                                                   if self.where else 0)


def norm(s: str) -> str:
    return "".join(ch.casefold() for ch in s if ch.isalnum())


_SUFFIX = re.compile(r"\b(?:the|inc|incorporated|corp|corporation|co|company|ltd|limited|plc|"
                     r"llc|lp|holdings?|group|sa|ag|nv)\b")


def company_key(s: str) -> str:
    s = s.casefold().replace("'s", "").replace("’s", "")
    s = re.sub(r"[^\w\s]", " ", s)
    return " ".join(_SUFFIX.sub(" ", s).split())


def name_key(s: str) -> str:
    words = re.sub(r"[^\w\s]", " ", s.casefold()).split()
    kept = [w for w in words if len(w) > 1] or words
    return " ".join(kept)


# --- one file ----------------------------------------------------------------------------

@dataclass
class Score:
    """Counts for one file or one layout: correct / total per measure."""

    counts: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    files: int = 0
    seconds: float = 0.0
    missing_anchors: int = 0

    def add(self, measure: str, ok: bool | int, total: int = 1) -> None:
        c = self.counts[measure]
        c[0] += int(ok)
        c[1] += total

    def merge(self, other: Score) -> None:
        for k, (a, b) in other.counts.items():
            self.counts[k][0] += a
            self.counts[k][1] += b
        self.files += other.files
        self.seconds += other.seconds
        self.missing_anchors += other.missing_anchors

    def ratio(self, measure: str) -> float | None:
        a, b = self.counts.get(measure, (0, 0))
        return a / b if b else None

    def f1(self, prefix: str) -> float | None:
        tp = self.counts.get(f"{prefix}_tp", (0, 0))[0]
        pred = self.counts.get(f"{prefix}_pred", (0, 0))[0]
        gold = self.counts.get(f"{prefix}_gold", (0, 0))[0]
        if pred == 0 and gold == 0:
            return None
        if tp == 0:
            return 0.0
        p, r = tp / pred, tp / gold
        return 2 * p * r / (p + r)


@dataclass
class FileResult:
    gold_path: Path
    layout: str
    score: Score
    errors: list[str]


def load_gold(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def locate_anchors(gold: dict[str, Any], nt: Normalised) -> list[int | None]:
    """Normalised position of each gold turn's anchor, searched in order."""
    found: list[int | None] = []
    pos = 0
    for turn in gold["turns"]:
        key = norm(turn["at"])
        idx = nt.text.find(key, pos) if key else -1
        if idx < 0:
            found.append(None)
            continue
        found.append(idx)
        pos = idx + 1
    return found


def score_file(gold_path: Path) -> FileResult:
    gold = load_gold(gold_path)
    layout = gold.get("layout") or gold_path.parent.name
    source = SHARED / gold["source"]
    score = Score(files=1)
    errors: list[str] = []
    t0 = time.perf_counter()
    try:
        transcript = parse_bytes(source.read_bytes(), source.name)
    except ValueError as exc:  # a file the app refuses scores nothing
        transcript = Transcript("none", SourceInfo(source.name, "-", "-"), "", Meta(), [], [])
        errors.append(f"not read: {exc}")
    score.seconds = time.perf_counter() - t0
    nt = Normalised(transcript.text)
    anchors = locate_anchors(gold, nt)
    score.missing_anchors = sum(a is None for a in anchors)
    for i, a in enumerate(anchors):
        if a is None:
            errors.append(f"anchor not found: turn {i} {gold['turns'][i]['at']!r}")
    _score_outline(gold, transcript, nt, anchors, score, errors)
    return FileResult(gold_path, layout, score, errors)


def _speaker_aliases(gold: dict[str, Any]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for name, info in gold.get("speakers", {}).items():
        out[name] = {name_key(name), *(name_key(a) for a in info.get("aliases", []))}
    return out


def _score_outline(gold: dict[str, Any], t: Transcript, nt: Normalised,
                   anchors: list[int | None], score: Score, errors: list[str]) -> None:
    gturns = gold["turns"]
    aliases = _speaker_aliases(gold)
    kinds = {name: info.get("kind", "unknown") for name, info in gold.get("speakers", {}).items()}
    pred_starts = [nt.index_of_offset(turn.start) for turn in t.turns]

    def pred_turn_at(anchor: int) -> int | None:
        """The predicted turn holding the anchor, or one that starts just after it."""
        off = nt.offset(anchor)
        k = bisect.bisect_right([turn.start for turn in t.turns], off) - 1
        if k >= 0 and t.turns[k].start <= off < t.turns[k].end:
            return k
        if k + 1 < len(t.turns) and pred_starts[k + 1] - anchor <= TOLERANCE:
            return k + 1
        return None

    def name_ok(pred_speaker: int | None, gold_name: str | None) -> bool:
        if pred_speaker is None:
            return gold_name is None
        pname = t.speakers[pred_speaker].name
        if gold_name is None:
            return pname is None
        return pname is not None and name_key(pname) in aliases.get(
            gold_name, {name_key(gold_name)})

    def label(k: int | None) -> str:
        if k is None:
            return "no turn"
        sp = t.speakers[t.turns[k].speaker]
        return f"turn {k} ({sp.name or '-'}, {sp.kind.value}, {t.turns[k].section.value})"

    # Turn boundaries: summary turns are left out on both sides.
    gold_bounds = sorted(a for a, g in zip(anchors, gturns, strict=True)
                         if a is not None and g.get("section") != "summary")
    gold_bounds_all = [a for a, g in zip(anchors, gturns, strict=True)
                       if g.get("section") != "summary"]
    pred_bounds = [s for s, turn in zip(pred_starts, t.turns, strict=True)
                   if turn.section.value != "summary"]
    matched = _match_points(gold_bounds, pred_bounds)
    score.add("turn_tp", matched, 0)
    score.add("turn_pred", len(pred_bounds), 0)
    score.add("turn_gold", len(gold_bounds_all), 0)
    unmatched_gold = set(gold_bounds) - set(_matched_gold(gold_bounds, pred_bounds))

    pred_of_gold: list[int | None] = [pred_turn_at(a) if a is not None else None
                                      for a in anchors]
    right_turns: set[int] = set()
    wrong_turns: set[int] = set()
    for gi, (g, a, k) in enumerate(zip(gturns, anchors, pred_of_gold, strict=True)):
        if a is not None and a in unmatched_gold:
            errors.append(f"turn {gi} not split at {g['at']!r}: {label(k)}")
        section_ok = k is not None and t.turns[k].section.value == g.get("section")
        score.add("section", section_ok)
        if not section_ok and a is not None:
            errors.append(f"turn {gi} section {g.get('section')} vs {label(k)}: {g['at']!r}")
        if g.get("section") == "summary":
            continue
        gname = g.get("speaker")
        speaker_ok = k is not None and name_ok(t.turns[k].speaker, gname)
        score.add("speaker", speaker_ok)
        gkind = g.get("kind") or (kinds.get(gname, "unknown") if gname else "unknown")
        kind_ok = k is not None and t.speakers[t.turns[k].speaker].kind.value == gkind
        score.add("kind", kind_ok)
        if k is not None:
            (right_turns if speaker_ok else wrong_turns).add(k)
        if a is not None and (not speaker_ok or not kind_ok):
            errors.append(f"turn {gi} gold {gname or '-'} ({gkind}) vs {label(k)}: {g['at']!r}")
        if "for" in g:
            sf = t.turns[k].speaks_for if k is not None else None
            for_ok = (sf is not None and name_ok(sf, g["for"])) or (
                g["for"] is None and k is not None and t.turns[k].interprets != []
                and (sf is None or t.speakers[sf].name is None))
            score.add("for", for_ok)
            if not for_ok:
                errors.append(f"turn {gi} speaks for {g['for']} vs "
                              f"{t.speakers[sf].name if sf is not None else '-'}")

    # Interpretation links, predicted turns mapped to the gold turn they start in.
    order = sorted((a, gi) for gi, a in enumerate(anchors) if a is not None)
    starts = [a for a, _ in order]

    def gold_of_pred(k: int) -> int | None:
        j = bisect.bisect_right(starts, pred_starts[k] + TOLERANCE) - 1
        return order[j][1] if j >= 0 else None

    gold_links = {(gi, j) for gi, g in enumerate(gturns) for j in g.get("interprets", [])}
    pred_links: set[tuple[int, int]] = set()
    for k, turn in enumerate(t.turns):
        gk = gold_of_pred(k)
        for u in turn.interprets:
            gu = gold_of_pred(u)
            if gk is not None and gu is not None and gk != gu:
                pred_links.add((gk, gu))
    score.add("interp_tp", len(gold_links & pred_links), 0)
    score.add("interp_pred", len(pred_links), 0)
    score.add("interp_gold", len(gold_links), 0)
    for gi, j in sorted(gold_links - pred_links):
        errors.append(f"missed link: turn {gi} interprets turn {j}")
    for gi, j in sorted(pred_links - gold_links):
        errors.append(f"extra link: turn {gi} interprets turn {j}")

    # Exchanges: the question's first turn and the asker.
    for ex in gold.get("exchanges", []):
        a = anchors[ex["turn"]] if ex["turn"] < len(anchors) else None
        k = pred_turn_at(a) if a is not None else None
        ok = any(e.question and e.question[0] == k and name_ok(e.asker, ex.get("asker"))
                 for e in t.exchanges) if k is not None else False
        score.add("exchanges", ok)
        if not ok:
            errors.append(f"exchange missed: {ex.get('asker')} at gold turn {ex['turn']}")

    # Chrome: in no turn.
    for anchor in gold.get("chrome", []):
        idx = nt.text.find(norm(anchor))
        if idx < 0:
            continue  # removed by a document front end: chrome kept out
        off = nt.offset(idx)
        inside = any(turn.start <= off < turn.end for turn in t.turns)
        score.add("chrome", not inside)
        if inside:
            errors.append(f"chrome read as speech: {anchor!r}")

    # Meta.
    gm = gold.get("meta", {})
    pm = t.meta
    for fld in ("company", "ticker", "period", "date"):
        want = gm.get(fld)
        got = getattr(pm, fld)
        if fld == "company":
            options = want if isinstance(want, list) else [want]
            ok = any((o is None and got is None) or (o is not None and got is not None
                     and company_key(o) == company_key(got)) for o in options)
        else:
            ok = want == got
        score.add(f"meta_{fld}", ok)
        if not ok:
            errors.append(f"meta {fld}: gold {want!r} vs {got!r}")

    # Doubts: on turns whose speaker is wrong, against on turns it got right.
    for d in t.doubts:
        if d.turn is None:
            continue
        if d.turn in wrong_turns:
            score.add("doubt_on_wrong", 1, 0)
        elif d.turn in right_turns:
            score.add("doubt_on_right", 1, 0)


def _match_points(gold: list[int], pred: list[int]) -> int:
    return len(_matched_gold(gold, pred))


def _matched_gold(gold: list[int], pred: list[int]) -> list[int]:
    """Greedy one-to-one matching of sorted points within the tolerance."""
    out: list[int] = []
    j = 0
    for g in gold:
        while j < len(pred) and pred[j] < g - TOLERANCE:
            j += 1
        if j < len(pred) and abs(pred[j] - g) <= TOLERANCE:
            out.append(g)
            j += 1
    return out


# --- report ------------------------------------------------------------------------------

COLUMNS = [("turn F1", lambda s: s.f1("turn")), ("speaker", lambda s: s.ratio("speaker")),
           ("kind", lambda s: s.ratio("kind")), ("section", lambda s: s.ratio("section")),
           ("exch", lambda s: s.ratio("exchanges")), ("interp F1", lambda s: s.f1("interp")),
           ("for", lambda s: s.ratio("for")), ("company", lambda s: s.ratio("meta_company")),
           ("ticker", lambda s: s.ratio("meta_ticker")),
           ("period", lambda s: s.ratio("meta_period")), ("date", lambda s: s.ratio("meta_date")),
           ("chrome", lambda s: s.ratio("chrome"))]


def _fmt(v: float | None) -> str:
    return "-" if v is None else f"{v:.2f}"


def table(rows: list[tuple[str, Score]]) -> str:
    head = ["layout", "files"] + [c for c, _ in COLUMNS] + ["doubts wrong/right"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for name, s in rows:
        cells = [name, str(s.files)] + [_fmt(f(s)) for _, f in COLUMNS]
        cells.append(f"{s.counts.get('doubt_on_wrong', [0])[0]}/"
                     f"{s.counts.get('doubt_on_right', [0])[0]}")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def gold_files(paths: list[str]) -> list[Path]:
    if paths:
        out: list[Path] = []
        for p in map(Path, paths):
            out.extend(sorted(p.rglob("*.json")) if p.is_dir() else [p])
        return [p for p in out if p.suffix == ".json"]  # a folder's README given by a glob
    return sorted(GOLD.rglob("*.json"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*", help="gold files or folders (default: tests/gold)")
    ap.add_argument("--files", action="store_true", help="one row per file too")
    ap.add_argument("--errors", action="store_true", help="list every mismatch per file")
    ap.add_argument("--check", action="store_true", help="only check that anchors are found")
    args = ap.parse_args(argv)
    if not SHARED.is_dir():
        print(f"skipped: {SHARED} is absent (the gold set refers to transcripts there)")
        return 0
    files = gold_files(args.paths)
    if not files:
        print("no gold files found")
        return 1
    by_layout: dict[str, Score] = defaultdict(Score)
    total = Score()
    per_file: list[tuple[str, Score]] = []
    missing = 0
    for path in files:
        result = score_file(path)
        missing += result.score.missing_anchors
        if args.check:
            for e in result.errors:
                if e.startswith("anchor not found"):
                    print(f"{path.relative_to(REPO) if path.is_relative_to(REPO) else path}: {e}")
            continue
        by_layout[result.layout].merge(result.score)
        total.merge(result.score)
        per_file.append((path.stem, result.score))
        if args.errors and result.errors:
            print(f"== {path.stem}")
            for e in result.errors:
                print(f"  {e}")
    if args.check:
        print(f"{len(files)} gold files, {missing} anchors not found")
        return 1 if missing else 0
    rows = [*sorted(by_layout.items()), ("all", total)]
    print(table(rows))
    if args.files:
        print()
        print(table(per_file))
    print(f"\n{total.files} files, {missing} anchors not found, "
          f"parse time {total.seconds:.2f} s in all")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
