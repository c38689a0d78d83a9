"""The start-up parse in a forked child: same outlines as parsing in place, safe fallbacks.

Each case runs in a fresh interpreter, as `reader FILE` does: the child is forked only
before Qt is imported, and this test process has usually imported it already.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="the start-up parse forks only on Linux")


def run_script(body: str) -> dict[str, object]:
    script = textwrap.dedent(body)
    proc = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.splitlines()[-1])


def test_outlines_from_the_child_equal_parsing_in_place(tmp_path: Path) -> None:
    binary = tmp_path / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 64)
    files = [str(FIXTURES / "quartr_lanting_q2_2024.txt"),
             str(FIXTURES / "earningscall_northpeak_q4_2023.txt"), str(binary)]
    result = run_script(f"""
        import json, os
        from reader.services.prefetch import ParsePrefetch
        files = {files!r}
        prefetch = ParsePrefetch.start(files)
        assert prefetch is not None
        claimed = [prefetch.claim(f) for f in files]
        again = prefetch.claim(files[0])  # once per start-up file
        # taken out of order: the child sends in order, the rest waits in memory
        taken = {{f: prefetch.take(f) for f in reversed(files)}}
        from reader.core.outline import to_json
        from reader.core.pipeline import parse_file
        same = [to_json(taken[f]) == to_json(parse_file(f)) for f in files[:2]]
        try:
            os.waitpid(-1, os.WNOHANG)
            reaped = False
        except ChildProcessError:
            reaped = True
        print(json.dumps({{"claimed": claimed, "again": again, "same": same,
                          "binary": taken[files[2]] is None, "reaped": reaped,
                          "qt": "PySide6" in __import__("sys").modules}}))
    """)
    assert result == {"claimed": [True, True, True], "again": False, "same": [True, True],
                      "binary": True, "reaped": True, "qt": False}


def test_take_ready_does_not_wait_for_the_child(tmp_path: Path) -> None:
    big = tmp_path / "long_call.txt"
    paragraph = (FIXTURES / "earningscall_northpeak_q4_2023.txt").read_text(encoding="utf-8")
    big.write_text(paragraph * 1500, encoding="utf-8")  # about half a second to parse
    small = str(FIXTURES / "general_plain.txt")
    result = run_script(f"""
        import json, time
        from reader.services.prefetch import ParsePrefetch
        prefetch = ParsePrefetch.start([{small!r}, {str(big)!r}])
        assert prefetch.claim({small!r}) and prefetch.claim({str(big)!r})
        deadline = time.monotonic() + 10
        small_outline = None
        while small_outline is None and time.monotonic() < deadline:
            small_outline = prefetch.take_ready({small!r})
            time.sleep(0.005)
        t0 = time.perf_counter()
        big_early = prefetch.take_ready({str(big)!r})
        early_s = time.perf_counter() - t0
        big_outline = prefetch.take({str(big)!r})
        print(json.dumps({{"small": small_outline is not None, "big_early": big_early is None,
                          "early_s": early_s, "big": len(big_outline.turns)}}))
    """)
    assert result["small"] and result["big_early"] and result["big"] > 1000
    assert result["early_s"] < 0.05


def test_close_stops_a_child_still_parsing(tmp_path: Path) -> None:
    big = tmp_path / "long_call.txt"
    paragraph = (FIXTURES / "earningscall_northpeak_q4_2023.txt").read_text(encoding="utf-8")
    big.write_text(paragraph * 6000, encoding="utf-8")  # 10 MB: about two seconds to parse
    result = run_script(f"""
        import json, os, time
        from reader.services.prefetch import ParsePrefetch
        prefetch = ParsePrefetch.start([{str(big)!r}])
        assert prefetch.claim({str(big)!r})
        t0 = time.perf_counter()
        prefetch.close()
        closed_s = time.perf_counter() - t0
        try:
            os.waitpid(-1, os.WNOHANG)
            reaped = False
        except ChildProcessError:
            reaped = True
        print(json.dumps({{"closed_s": closed_s, "reaped": reaped,
                          "after_close": prefetch.take({str(big)!r}) is None,
                          "claim_after_close": prefetch.claim({str(big)!r})}}))
    """)
    assert result["reaped"] and result["after_close"]
    assert result["claim_after_close"] is False
    assert result["closed_s"] < 0.5  # killed, not waited for


def test_no_child_without_files_or_once_another_thread_runs(tmp_path: Path) -> None:
    missing = str(tmp_path / "gone.txt")
    plain = str(FIXTURES / "general_plain.txt")
    result = run_script(f"""
        import json, threading
        from reader.services.prefetch import ParsePrefetch
        nothing = ParsePrefetch.start([{missing!r}, {str(tmp_path)!r}]) is None
        import PySide6.QtCore  # loaded, as in the packaged app: still one thread
        with_qt_loaded = ParsePrefetch.start([{plain!r}])
        taken = with_qt_loaded is not None and with_qt_loaded.claim({plain!r}) and \
            with_qt_loaded.take({plain!r}) is not None
        stop = threading.Event()
        worker = threading.Thread(target=stop.wait)
        worker.start()
        with_a_thread = ParsePrefetch.start([{plain!r}]) is None
        stop.set()
        worker.join()
        print(json.dumps({{"nothing": nothing, "taken": taken, "with_a_thread": with_a_thread}}))
    """)
    assert result == {"nothing": True, "taken": True, "with_a_thread": True}
