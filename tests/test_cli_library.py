"""`reader import` and `reader search`, run as a user runs them: subprocesses."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.core.source_file import TRANSCRIPT_SUFFIXES

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"
# Until reader/cli.py registers these commands, run them through their own small parser.
RUNNER = "import sys; from reader.cli import main; sys.exit(main(sys.argv[1:]))"


def _reader_knows_search() -> bool:
    from reader.cli import build_parser

    return " search" in build_parser().format_help()


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "TRANSCRIPT_READER_DB": str(tmp_path / "env-library.sqlite3")}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "calls"
    shutil.copytree(FIXTURES, root)
    (root / "empty.txt").write_bytes(b"")
    (root / "binary.txt").write_bytes(bytes(range(256)) * 4)
    return root


def command() -> list[str]:
    return ([sys.executable, "-m", "reader"] if _reader_knows_search()
            else [sys.executable, "-c", RUNNER])


def run(*args: str | Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*command(), *map(str, args)], cwd=REPO, capture_output=True,
                          text=True, encoding="utf-8", env=env)


def test_import_reports_failures_and_a_summary(folder: Path, env: dict[str, str]) -> None:
    # Every transcript file in the tree: the text fixtures and the documents (Word, web
    # page, subtitle and JSON files) under fixtures/documents.
    n = sum(1 for p in FIXTURES.rglob("*") if p.suffix.lower() in TRANSCRIPT_SUFFIXES)
    assert n > len(list(FIXTURES.glob("*.txt")))
    proc = run("import", folder, env=env)
    assert proc.returncode == 1, proc.stderr  # some files failed
    assert proc.stdout.strip().startswith(f"{n} imported, 0 already in the library, 2 failed")
    errors = proc.stderr.strip().splitlines()
    assert sorted(e.split(":")[1].strip() for e in errors) == ["binary.txt", "empty.txt"]
    again = run("import", folder, "--workers", "1", env=env)
    assert again.stdout.startswith(f"0 imported, {n} already in the library")


def test_search_text_and_json(folder: Path, env: dict[str, str], tmp_path: Path) -> None:
    db = tmp_path / "own.sqlite3"
    assert run("--db", db, "import", folder, env=env).returncode == 1
    proc = run("search", "營收", "--db", db, env=env)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.strip().splitlines()
    assert any(line.startswith("Lanting Digital Q2 2024") for line in lines)
    assert any(line.startswith("Hoshan Mobility Q3 2024") for line in lines)
    data = json.loads(run("search", "使用者", "--json", "--db", db, env=env).stdout)
    assert {r["transcript"]["company"] for r in data["results"]} >= {"Lanting Digital",
                                                                     "Hoshan Mobility"}
    for r in data["results"]:
        s, e = r["marks"][0]
        assert r["snippet"][s:e].replace(" ", "") in ("用户", "用戶")
        assert r["start"] <= r["hit"][0] < r["hit"][1] <= r["end"]


def test_search_filters(folder: Path, env: dict[str, str]) -> None:
    run("import", folder, env=env)

    def found(*args: str) -> list[dict[str, object]]:
        proc = run("search", *args, "--json", "--limit", "200", env=env)
        assert proc.returncode in (0, 1), proc.stderr
        return list(json.loads(proc.stdout)["results"])

    everything = found("quarter")
    qa = found("quarter", "--section", "qa")
    assert qa and {r["section"] for r in qa} == {"qa"} and len(qa) < len(everything)
    execs = found("quarter", "--speaker-kind", "executive")
    assert execs and {r["speaker_kind"] for r in execs} == {"executive"}
    one = found("quarter", "--company", "ambergate")
    assert {r["transcript"]["company"] for r in one} == {"Ambergate Logistics"}
    period = found("quarter", "--period", "2024Q3")
    assert period and {r["transcript"]["period"] for r in period} == {"Q3 2024"}
    assert found('"no such phrase anywhere"') == []


def test_search_exit_codes_and_errors(folder: Path, env: dict[str, str]) -> None:
    run("import", folder, env=env)
    assert run("search", "zzzqqq", env=env).returncode == 1
    bad = run("search", "quarter", "--from", "someday", env=env)
    assert bad.returncode == 2 and bad.stderr.startswith("reader: ") and \
        bad.stderr.count("\n") == 1
    both = run("search", "x", "--period", "Q1 2024", "--to", "Q2 2024", env=env)
    assert both.returncode == 2


def test_interrupted_import_keeps_whole_calls(tmp_path: Path, env: dict[str, str]) -> None:
    many = tmp_path / "many"
    many.mkdir()
    for n in range(40):
        for f in FIXTURES.glob("*.txt"):
            (many / f"{n}_{f.name}").write_text(
                f.read_text(encoding="utf-8") + f"\nOperator\nCopy {n}.\n", encoding="utf-8")
    proc = subprocess.Popen([*command(), "import", str(many), "--workers", "1"], cwd=REPO,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    db = Path(env["TRANSCRIPT_READER_DB"])
    deadline = time.monotonic() + 60
    while not db.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(1.0)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert out.startswith("cancelled: ") and err == ""
    from db.search_index import integrity_problems, pending
    from reader.services.annotations import AnnotationService

    with AnnotationService.open(db) as service, service.db.read() as s:
        assert integrity_problems(s.connection()) == []
        assert not pending(s.connection())


def test_library_list_set_meta_and_companies(env: dict[str, str], tmp_path: Path) -> None:
    call = tmp_path / "lanting.txt"
    call.write_bytes((FIXTURES / "quartr_lanting_q2_2024.txt").read_bytes())
    assert run("import", call, env=env).returncode == 0
    listed = json.loads(run("library", "list", "--json", env=env).stdout)
    assert [(c["company"], c["ticker"]) for c in listed] == [("Lanting Digital", None)]
    cid = str(listed[0]["id"])
    proc = run("library", "set-meta", cid, "--ticker", "ltdg", "--period", "2024Q2", env=env)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split("\t")[1:4] == ["Lanting Digital", "LTDG", "Q2 2024"]
    assert json.loads(run("library", "list", "ltdg", "--json", env=env).stdout)[0]["id"] == int(cid)
    assert run("library", "list", "nothing-like-it", env=env).stdout == ""
    groups = json.loads(run("library", "companies", "--json", env=env).stdout)
    assert groups == [{"name": "Lanting Digital", "ticker": "LTDG", "names": ["Lanting Digital"],
                       "calls": [int(cid)]}]
    found = json.loads(run("search", "quarter", "--company", "ltdg", "--json", env=env).stdout)
    assert found["results"] and {r["transcript"]["ticker"] for r in found["results"]} == {"LTDG"}
    proc = run("library", "set-meta", cid, "--reset", "ticker", env=env)
    assert proc.returncode == 0 and proc.stdout.split("\t")[2] == "-"
    for bad in (["--date", "someday"], [], ["--ticker", "X", "--reset", "ticker"]):
        proc = run("library", "set-meta", cid, *bad, env=env)
        assert proc.returncode == 2 and proc.stderr.startswith("reader: "), bad
        assert proc.stderr.count("\n") == 1
    proc = run("library", "set-meta", "99", "--company", "X", env=env)
    assert proc.returncode == 2 and "no transcript 99" in proc.stderr
    assert run("library", "refresh-meta", env=env).stdout.startswith("0 of 1 calls")
