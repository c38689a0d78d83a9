"""`reader export` targets and views, `reader import-annotations` and `reader open`, run as a user
runs them: subprocesses."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from notes_helpers import CALL, SECOND

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "TRANSCRIPT_READER_DB": str(tmp_path / "library.sqlite3")}


def run(*args: str | Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reader", *map(str, args)], cwd=REPO,
                          capture_output=True, text=True, encoding="utf-8", env=env)


@pytest.fixture
def calls(tmp_path: Path, env: dict[str, str]) -> tuple[Path, Path]:
    a, b = tmp_path / "qingyun.txt", tmp_path / "tiemu.txt"
    a.write_text(CALL, encoding="utf-8")
    b.write_text(SECOND, encoding="utf-8")
    for path, quote in ((a, "冷链用户也更多了"), (a, "We expect the gross margin"),
                        (b, "Orders for warehouse arms doubled")):
        done = run("annotate", path, "--quote", quote, "--tag", "k", "--note", "用户 note",
                   env=env)
        assert done.returncode == 0, done.stderr
    return a, b


def test_one_file_or_one_note_per_call(calls: tuple[Path, Path], env: dict[str, str],
                                       tmp_path: Path) -> None:
    one = tmp_path / "out" / "notes.md"
    done = run("export", "--all", "-o", one, env=env)
    assert done.returncode == 0, done.stderr
    assert one.is_file() and done.stdout.strip() == str(one)
    text = one.read_text(encoding="utf-8")
    assert text.count("\n# ") == 2 and "> 冷链用户也更多了" in text
    assert stat.S_IMODE(one.stat().st_mode) == 0o666 & ~_umask()

    folder = tmp_path / "out" / "each"
    done = run("export", "--all", "-o", f"{folder}{os.sep}", env=env)
    assert done.returncode == 0 and len(list(folder.glob("*.md"))) == 2
    existing = tmp_path / "existing.md"
    existing.mkdir()
    assert run("export", "--all", "-o", existing, env=env).returncode == 0
    assert len(list(existing.glob("*.md"))) == 2  # an existing folder gets one note each


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_script_and_raw_views(calls: tuple[Path, Path], env: dict[str, str]) -> None:
    a, _ = calls
    shown = {s: run("highlights", a, "--script", s, env=env).stdout
             for s in ("none", "s", "t", "tw", "hk")}
    assert "“冷链用户也更多了”" in shown["none"] and "“冷链用户也更多了”" in shown["s"]
    assert "“冷鏈用戶也更多了”" in shown["t"] and "“冷鏈使用者也更多了”" in shown["tw"]
    assert "“冷鏈用户也更多了”" in shown["hk"] and "使用者 note" in shown["tw"]
    raw = run("highlights", a, "--raw", env=env).stdout
    assert "“冷 链 用 户 也 更 多 了”" in raw
    data = json.loads(run("highlights", a, "--json", "--script", "tw", env=env).stdout)
    first = data["highlights"][0]
    assert first["quote"] == "冷 链 用 户 也 更 多 了"  # the stored anchor
    assert first["shown"] == "冷鏈使用者也更多了" and first["section"] == "Prepared remarks"
    assert first["context"][0]["text"] == "We also have more cold-chain users."
    md = run("export", a, "--script", "tw", "--obsidian", env=env).stdout
    assert "> [!quote] **Lin Bo**" in md and "> 冷鏈使用者也更多了" in md
    bad = run("highlights", a, "--script", "xx", env=env)
    assert bad.returncode == 2


def test_json_and_csv_round_trip(calls: tuple[Path, Path], env: dict[str, str],
                                 tmp_path: Path) -> None:
    a, _ = calls
    other = {**env, "TRANSCRIPT_READER_DB": str(tmp_path / "other.sqlite3")}
    assert run("import", a, env=other).returncode == 0
    for form in ("json", "csv"):
        out = tmp_path / f"all.{form}"
        done = run("export", "--all", "--format", form, "-o", out, env=env)
        assert done.returncode == 0, done.stderr
    done = run("import-annotations", tmp_path / "all.json", env=other)
    assert done.returncode == 0, done.stderr
    assert "2 added, 0 already there" in done.stdout and "1 call not in this library" in done.stdout
    assert "not in this library: Tiemu Robotics Q4 2025" in done.stderr
    again = run("import-annotations", tmp_path / "all.csv", env=other)
    assert "0 added, 2 already there" in again.stdout
    listed = json.loads(run("highlights", a, "--json", env=other).stdout)["highlights"]
    assert {h["quote"] for h in listed} == {"冷 链 用 户 也 更 多 了", "We expect the gross margin"}
    assert all(h["tags"] == ["k"] and h["note"] == "用户 note" for h in listed)
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    failed = run("import-annotations", bad, env=other)
    assert failed.returncode == 2 and failed.stderr.count("\n") == 1


def test_open_follows_a_back_link_and_says_when_the_call_is_missing(
        calls: tuple[Path, Path], env: dict[str, str], tmp_path: Path) -> None:
    a, _ = calls
    md = run("export", a, env=env).stdout
    link = md.split("](reader://", 1)[1].split(")", 1)[0]
    link = "reader://" + link
    done = run("open", link, "--print", env=env)
    assert done.returncode == 0, done.stderr
    _tid, label, _where, quote = done.stdout.rstrip("\n").split("\t")
    assert label == "Qingyun Freight - Q1 2026" and quote == "冷 链 用 户 也 更 多 了"
    # What a desktop hands over: the link as the only argument.
    assert run(link, "--print", env=env).stdout == done.stdout
    empty = {**env, "TRANSCRIPT_READER_DB": str(tmp_path / "empty.sqlite3")}
    missing = run("open", link, env=empty)
    assert missing.returncode == 2 and missing.stderr.count("\n") == 1
    assert "not in the library" in missing.stderr
    wrong = run("open", "reader://open?sha256=12&start=1&end=2", env=env)
    assert wrong.returncode == 2 and "64 hexadecimal" in wrong.stderr
