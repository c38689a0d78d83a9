"""Cleanup and script conversion compile their Han-range patterns on first use, not on import."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_importing_compiles_no_pattern_and_the_first_call_does() -> None:
    code = (
        "from reader.core import cleanup, convert, display\n"
        "assert cleanup._patterns.cache_info().currsize == 0\n"
        "assert convert._han_run.cache_info().currsize == 0\n"
        "assert cleanup.clean('谢 谢 , 嗯 Karen').text == '谢谢,嗯 Karen'\n"
        "assert cleanup._patterns.cache_info().currsize == 1\n"
        "assert convert._han_run.cache_info().currsize == 0\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
