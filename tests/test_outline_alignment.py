"""The optional `alignment` block of the JSON outline, from `to_json` and from `reader parse --align`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from reader.core.align.transcript import align_transcript
from reader.core.outline import to_json
from reader.core.pipeline import parse_text

REPO = Path(__file__).resolve().parents[1]
KEYS = ["schema", "format", "source", "meta", "speakers", "turns", "exchanges", "doubts",
        "schema_minor"]

# An invented call: one Mandarin answer over two paragraphs with a changed figure.
CALL = """Qingyun Pay - Q3 2024

November 12, 2024

Transcript

Operator (participant)

Good morning and welcome to the Qingyun Pay third quarter call.

Zhao Ming (Chief Executive Officer)

三 季 度 我 们 的 交 易 额 达 到 八 百 亿 元 , 同 比 增 长 百 分 之 十 二 。 坏 账 率 下 降 到 百 分 之 一 点 五 。

我 们 的 活 跃 商 户 超 过 五 十 万 家 。

Sara Lin (Investor Relations)

In the third quarter, transaction volume reached RMB 80 billion, up 12% year on year. The bad debt ratio fell to 1.8%.

Active merchants exceeded 500,000.

Zhao Ming (Chief Executive Officer)

谢 谢 大 家 , 我 们 对 全 年 的 增 长 很 有 信 心 。

Sara Lin (Investor Relations)

Thank you, we are confident in growth for the full year.
"""


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reader", *args], cwd=REPO,
                          capture_output=True, text=True, encoding="utf-8")


def check_block(doc: dict[str, Any], text: str) -> None:
    """Offsets in bounds; sentences are trimmed slices inside the named turns' paragraphs
    that together hold every letter of those paragraphs; links cover each sentence once."""
    assert list(doc) == [*KEYS, "alignment"]
    turns = doc["turns"]
    for pair in doc["alignment"]["pairs"]:
        assert set(pair) == {"original", "interpretation", "continued", "sentences", "links",
                             "flags"}
        sides = {"original": pair["original"],
                 "interpretation": [pair["interpretation"], *pair["continued"]]}
        for side, indices in sides.items():
            paragraphs = [p for i in indices for p in turns[i]["paragraphs"]]
            sentences = pair["sentences"][side]
            covered = [False] * len(text)
            for s, e in sentences:
                assert 0 <= s < e <= len(text)
                assert any(p["start"] <= s and e <= p["end"] for p in paragraphs)
                assert text[s:e] == text[s:e].strip()
                covered[s:e] = [True] * (e - s)
            for p in paragraphs:
                for k in range(p["start"], p["end"]):
                    assert covered[k] or not text[k].isalnum(), (side, text[k])
            linked = sorted(k for link in pair["links"] for k in link[side])
            assert linked == list(range(len(sentences)))
        for flag in pair["flags"]:
            assert flag["kind"] in {"number_mismatch", "number_missing", "untranslated"}
            assert flag["message"]
            assert 0 <= flag["link"] < len(pair["links"])
            assert flag["original"] or flag["interpretation"]
            for side in ("original", "interpretation"):
                for s, e in flag[side]:
                    assert any(a <= s and e <= b for a, b in pair["sentences"][side])


def test_without_alignment_the_outline_is_unchanged() -> None:
    t = parse_text(CALL, "qingyun.txt", layout="quartr")
    assert list(to_json(t)) == KEYS
    assert to_json(t, None) == to_json(t)


def test_alignment_block_offsets_and_flag() -> None:
    t = parse_text(CALL, "qingyun.txt", layout="quartr")
    doc = json.loads(json.dumps(to_json(t, align_transcript(t)), ensure_ascii=False))
    assert {k: v for k, v in doc.items() if k != "alignment"} == to_json(t)
    check_block(doc, t.text)
    pairs = doc["alignment"]["pairs"]
    assert [(p["original"], p["interpretation"]) for p in pairs] == [([1], 2), ([3], 4)]
    (flag,) = pairs[0]["flags"]
    assert flag["kind"] == "number_mismatch"
    assert ["".join(t.text[s:e].split()) for s, e in flag["original"]] == ["百分之一点五"]
    assert [t.text[s:e] for s, e in flag["interpretation"]] == ["1.8%"]
    assert pairs[1]["flags"] == []


def test_cli_align_flag(tmp_path: Path) -> None:
    path = tmp_path / "qingyun.txt"
    path.write_text(CALL, encoding="utf-8")
    plain = run("parse", str(path), "--json")
    aligned = run("parse", str(path), "--json", "--align")
    assert plain.returncode == aligned.returncode == 0, plain.stderr + aligned.stderr
    doc = json.loads(aligned.stdout)
    assert list(json.loads(plain.stdout)) == KEYS
    check_block(doc, CALL)
    assert any(f["kind"] == "number_mismatch"
               for p in doc["alignment"]["pairs"] for f in p["flags"])
    refused = run("parse", str(path), "--align")
    assert refused.returncode == 2 and "--json" in refused.stderr


@pytest.mark.seeds
def test_quartr_seed_alignment_json(seeds_dir: Path) -> None:
    path = seeds_dir / "quartr_qfin_q1_2023.txt"
    proc = run("parse", str(path), "--json", "--align")
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    text = path.read_text(encoding="utf-8").replace("\r\n", "\n").replace("\r", "\n")
    check_block(doc, text)
    found = [f for p in doc["alignment"]["pairs"] for f in p["flags"]
             if f["kind"] == "number_mismatch"
             and ["".join(text[s:e].split()) for s, e in f["original"]] == ["20BP"]]
    assert len(found) == 1
    assert [text[s:e] for s, e in found[0]["interpretation"]] == ["30 basis points"]
    assert "20 bp" in found[0]["message"] and "30 bp" in found[0]["message"]
