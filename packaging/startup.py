"""Start-up of the frozen app against the same app run from source: time to the first paint of a transcript.

Both run `--self-test`, which opens the bundled example call in the real main window and
reports when its view was first painted, counted from the process's start as the OS records it
(so the bootloader, unpacking and every import are included). Fresh processes, interleaved so
machine load hits both alike, one warm-up each; the median is reported. Disk caches are warm:
a truly cold start (after a reboot) costs both more, the frozen app usually less so.

`python packaging/startup.py [--runs 5] [--frozen PATH]`; Linux only (it reads the start time
from /proc). Target: frozen <= 1.5 x source.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FROZEN = REPO / "dist" / "Transcript Reader" / "transcript-reader"
TARGET = 1.5
_PAINT = re.compile(r"first paint (\d+) ms after process start")


def first_paint_ms(cmd: list[str], env: dict[str, str]) -> float:
    proc = subprocess.run(cmd, cwd=tempfile.gettempdir(), env=env, capture_output=True,
                          text=True, timeout=120)
    found = _PAINT.search(proc.stdout)
    if proc.returncode != 0 or found is None:
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-1:] or ["no output"]
        raise SystemExit(f"startup: {' '.join(cmd)} failed ({proc.returncode}): {tail[0]}")
    return float(found.group(1))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--frozen", type=Path, default=FROZEN)
    args = parser.parse_args()
    if not sys.platform.startswith("linux"):
        print("startup: Linux only (process start times come from /proc)", file=sys.stderr)
        return 2
    if not args.frozen.is_file():
        print(f"startup: {args.frozen} not found; build it first", file=sys.stderr)
        return 1

    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    # From source the app runs from cached bytecode, as an installed one would; this
    # environment may forbid writing it, which would charge every run for compiling.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(Path(tempfile.gettempdir()) / "reader-startup-pycache")
    frozen_cmd = [str(args.frozen), "--self-test"]
    source_cmd = [sys.executable, "-m", "reader.selftest"]

    first_paint_ms(frozen_cmd, env)  # warm-up: disk cache, bytecode cache
    first_paint_ms(source_cmd, env)
    frozen, source = [], []
    for _ in range(args.runs):
        frozen.append(first_paint_ms(frozen_cmd, env))
        source.append(first_paint_ms(source_cmd, env))
    f, s = statistics.median(frozen), statistics.median(source)
    ratio = f / s
    print(f"startup: first paint of the example call, median of {args.runs} fresh processes "
          f"({env['QT_QPA_PLATFORM']})")
    print(f"startup:   from source  {s:6.0f} ms   (runs: {', '.join(f'{x:.0f}' for x in source)})")
    print(f"startup:   frozen       {f:6.0f} ms   (runs: {', '.join(f'{x:.0f}' for x in frozen)})")
    verdict = "within" if ratio <= TARGET else "OVER"
    print(f"startup:   frozen / source = {ratio:.2f} ({verdict} the {TARGET}x target)")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
