"""Cleanup and script conversion compile their Han-range patterns on first use, not on import;
the join pattern runs on a skeleton of the text without Han ranges."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from reader.core.cleanup import clean

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


@pytest.mark.parametrize("text", ["\ue000 \ue000", "谢 \ue001", "\ue001 Karen", "Q1 , \ue000"])
def test_private_use_chars_are_not_taken_for_chinese(text: str) -> None:
    # Joining runs on a skeleton that marks Han and CJK punctuation with private-use chars;
    # the same chars in a transcript stay ordinary letters, whose spaces are kept.
    assert clean(text).text == text
    assert clean(text.replace("\ue000", "谢").replace("\ue001", "。")).text != text
