"""The `reader` command, run as a user runs it: a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader import __version__

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "reader" / "examples" / "lanting_q2_2024.txt"


def run(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reader", *args], cwd=cwd,
                          capture_output=True, text=True, encoding="utf-8")


def test_version() -> None:
    proc = run("--version")
    assert proc.returncode == 0
    assert __version__ in proc.stdout


def test_parse_prints_a_readable_outline() -> None:
    proc = run("parse", str(EXAMPLE))
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "Lanting Digital" in out and "Q2 2024" in out and "2024-08-21" in out
    assert "Questions and answers" in out
    assert "Helen Zhou" in out and "analyst" in out
    assert "Exchanges (3)" in out


def test_parse_json_follows_the_schema() -> None:
    proc = run("parse", str(EXAMPLE), "--json")
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert list(doc) == ["schema", "format", "source", "meta", "speakers", "turns", "exchanges",
                         "doubts", "schema_minor"]
    assert doc["schema"] == 1 and doc["format"] == "quartr"
    assert doc["source"]["name"] == EXAMPLE.name and doc["source"]["encoding"] == "utf-8"
    assert len(doc["source"]["sha256"]) == 64
    text = EXAMPLE.read_text(encoding="utf-8")
    for turn in doc["turns"]:
        assert set(turn) == {"index", "speaker", "section", "lang", "interpreted", "interprets",
                             "speaks_for", "paragraphs"}
        for p in turn["paragraphs"]:
            assert text[p["start"]:p["end"]] == p["text"]
    for s in doc["speakers"]:
        assert s["kind"] in {"operator", "executive", "analyst", "interpreter", "unknown"}


@pytest.mark.parametrize("content, message", [
    (b"", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
])
def test_bad_input_gives_one_line_and_status_2(tmp_path: Path, content: bytes,
                                                message: str) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    proc = run("parse", str(bad))
    assert proc.returncode == 2
    assert proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and "Traceback" not in proc.stderr


def test_missing_file_and_folder(tmp_path: Path) -> None:
    for target, message in ((tmp_path / "nope.txt", "no such file"), (tmp_path, "folder")):
        proc = run("parse", str(target))
        assert proc.returncode == 2
        assert message in proc.stderr and len(proc.stderr.strip().splitlines()) == 1


def test_parse_json_of_a_subtitle_file_has_container_and_times() -> None:
    vtt = REPO / "tests" / "fixtures" / "documents" / "baiyun_call.vtt"
    proc = run("parse", str(vtt), "--json")
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert doc["source"]["container"] == "vtt" and doc["schema_minor"] >= 1
    first = doc["turns"][0]["paragraphs"][0]
    assert first["time"] == [1.0, 9.0]
    assert not first["text"].startswith("[")


@pytest.mark.parametrize("name, content, message", [
    ("call.docx", b"PK\x03\x04" + bytes(200), "Word"),
    ("call.json", b'{"rows": []}', "not a transcript JSON shape"),
    ("call.vtt", b"WEBVTT\n\nno cues here\n", "no subtitle cues"),
])
def test_unreadable_documents_give_one_line_and_status_2(tmp_path: Path, name: str,
                                                          content: bytes, message: str) -> None:
    bad = tmp_path / name
    bad.write_bytes(content)
    proc = run("parse", str(bad))
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and "Traceback" not in proc.stderr
