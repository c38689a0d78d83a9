"""bench/accuracy.py scores what it should: right outlines high, wrong ones low."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]

CALL = """Operator (participant)
Good morning and welcome to the Quillfeather second quarter 2025 call.

Mara Lindqvist (Chief Executive Officer)
Thanks. Revenue rose 8% this quarter.

Operator (participant)
Our first question comes from Kwame Osei of Northgate.

Kwame Osei (Analyst)
How durable is demand?

Mara Lindqvist (Chief Executive Officer)
Very durable.
"""


@pytest.fixture()
def accuracy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    spec = importlib.util.spec_from_file_location("accuracy", REPO / "bench" / "accuracy.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "accuracy", module)  # dataclasses look their module up
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "SHARED", tmp_path)
    (tmp_path / "call.txt").write_text(CALL, encoding="utf-8")
    return module


def _gold(tmp_path: Path, **changes: object) -> Path:
    gold = {
        "source": "call.txt", "layout": "test",
        "meta": {"company": "Quillfeather", "ticker": None, "period": "Q2 2025", "date": None},
        "speakers": {"Operator": {"kind": "operator"},
                     "Mara Lindqvist": {"kind": "executive"},
                     "Kwame Osei": {"kind": "analyst"}},
        "turns": [
            {"at": "Good morning and welcome", "speaker": "Operator", "section": "presentation"},
            {"at": "Thanks. Revenue rose", "speaker": "Mara Lindqvist", "section": "presentation"},
            {"at": "Our first question comes", "speaker": "Operator", "section": "qa"},
            {"at": "How durable is demand", "speaker": "Kwame Osei", "section": "qa"},
            {"at": "Very durable", "speaker": "Mara Lindqvist", "section": "qa"}],
        "exchanges": [{"asker": "Kwame Osei", "turn": 3}],
        "chrome": []}
    gold.update(changes)
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(gold), encoding="utf-8")
    return path


def test_a_right_outline_scores_full_marks(accuracy, tmp_path: Path) -> None:
    score = accuracy.score_file(_gold(tmp_path)).score
    assert score.f1("turn") == 1.0
    for measure in ("speaker", "kind", "section", "exchanges", "meta_company", "meta_period"):
        assert score.ratio(measure) == 1.0, measure


def test_wrong_gold_lowers_each_measure(accuracy, tmp_path: Path) -> None:
    wrong = _gold(tmp_path, meta={"company": "Other", "ticker": "QF", "period": "Q1 2025",
                                  "date": None},
                  speakers={"Operator": {"kind": "operator"},
                            "Mara Lindqvist": {"kind": "analyst"},
                            "Kwame Osei": {"kind": "analyst"}},
                  exchanges=[{"asker": "Mara Lindqvist", "turn": 4}])
    result = accuracy.score_file(wrong)
    score = result.score
    assert score.ratio("kind") == 0.6
    assert score.ratio("exchanges") == 0.0
    assert score.ratio("meta_company") == 0.0 and score.ratio("meta_ticker") == 0.0
    assert any("meta period" in e for e in result.errors)


def test_a_missed_split_costs_turn_f1(accuracy, tmp_path: Path) -> None:
    gold = json.loads(_gold(tmp_path).read_text())
    gold["turns"].insert(2, {"at": "Revenue rose 8% this quarter", "speaker": "Tobias Renn",
                             "section": "presentation"})
    gold["speakers"]["Tobias Renn"] = {"kind": "executive"}
    gold["exchanges"] = [{"asker": "Kwame Osei", "turn": 4}]
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(gold), encoding="utf-8")
    score = accuracy.score_file(path).score
    assert score.f1("turn") < 1.0 and score.ratio("speaker") < 1.0


SHARED = REPO.parent / "shared"


@pytest.mark.corpus
@pytest.mark.skipif(not (SHARED / "corpus").is_dir(), reason="../shared/corpus is absent")
def test_the_gold_set_stays_at_its_targets(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every layout family keeps turn F1, speaker and kind at 0.95 and exchanges at 0.90
    (the outline issue's targets, with turn F1 at 0.95 for the two families whose golds
    count a speaker translating themselves as one turn)."""
    spec = importlib.util.spec_from_file_location("accuracy", REPO / "bench" / "accuracy.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "accuracy", module)
    spec.loader.exec_module(module)
    by_layout: dict[str, Any] = {}
    for path in module.gold_files([]):
        result = module.score_file(path)
        assert not result.score.missing_anchors, path.name
        by_layout.setdefault(result.layout, module.Score()).merge(result.score)
    low = []
    for layout, score in by_layout.items():
        checks = {"turn": score.f1("turn"), "speaker": score.ratio("speaker"),
                  "kind": score.ratio("kind"), "exchanges": score.ratio("exchanges")}
        floors = {"turn": 0.95, "speaker": 0.95, "kind": 0.95, "exchanges": 0.90}
        low += [f"{layout} {m} {v:.2f}" for m, v in checks.items()
                if v is not None and v < floors[m]]
    assert not low, low
