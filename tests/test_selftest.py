"""The --self-test mode run from source, as a fresh offscreen process (as CI runs the frozen app)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
STEPS = ("qt", "window", "open", "script", "taiwan", "select", "library", "highlight",
         "export", "documents")

pytestmark = pytest.mark.gui


def run_selftest(*args: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path),
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"),
               XDG_CACHE_HOME=str(tmp_path / "cache"))
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    return subprocess.run([sys.executable, "-m", "reader.selftest", *args], cwd=tmp_path,
                          env=env, capture_output=True, text=True, timeout=120)


def test_selftest_passes_every_step_and_touches_no_user_files(tmp_path):
    proc = run_selftest(tmp_path=tmp_path)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert [ln.split()[1] for ln in lines[:-1]] == list(STEPS)
    assert all(ln.startswith("ok  ") for ln in lines[:-1])
    assert lines[-1].startswith("self-test passed")
    assert "lanting_q2_2024.txt" in lines[2]
    assert "s2t" in lines[3] and "source unchanged" in lines[3]
    assert "s2twp" in lines[4]
    assert "quote present" in lines[8]
    assert all(f"{kind} " in lines[9] for kind in ("docx", "html", "vtt", "pdf"))
    # Settings and the library went to a temporary folder, not the (redirected) profile;
    # only a font cache may appear.
    assert {p.name for p in tmp_path.iterdir()} <= {"cache"}


def test_selftest_fails_with_one_line_when_the_example_is_missing(tmp_path):
    missing = tmp_path / "nowhere" / "call.txt"
    proc = run_selftest("--example", str(missing), tmp_path=tmp_path)
    assert proc.returncode == 1
    assert proc.stderr.strip().splitlines() == [
        f"self-test failed at open: example transcript missing: {missing}"]
    assert "ok  window" in proc.stdout and "self-test passed" not in proc.stdout


def test_selftest_fails_when_the_script_switch_changes_nothing(tmp_path):
    # An English-only call: the Traditional switch has nothing to convert, which the
    # self-test must report as a failure rather than pass.
    english = tmp_path / "english_only.txt"
    english.write_text("Operator\n\nGood morning and welcome to the Brightfield Tools call.\n\n"
                       "Ada Quill (Chief Executive Officer)\n\nThank you. Revenue rose this "
                       "quarter, and margins held steady.\n", encoding="utf-8")
    proc = run_selftest("--example", str(english), tmp_path=tmp_path)
    assert proc.returncode == 1
    assert proc.stderr.startswith("self-test failed at script: ")
    assert len(proc.stderr.strip().splitlines()) == 1
