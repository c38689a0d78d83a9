"""Parse speed: median time and MB/s per seed, for growing concatenations, and one long line.

Run from the repo root: `python bench/parse.py`. Needs ../shared/seeds beside the repo.
Targets: >= 5 MB/s, linear growth, a 1 MB single-line file in under 1 s.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from reader.core.pipeline import parse_bytes  # noqa: E402

SEEDS = REPO.parent / "shared" / "seeds"
MB = 1024 * 1024


def median_seconds(data: bytes, name: str, runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        parse_bytes(data, name)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def report(label: str, data: bytes, name: str, runs: int) -> float:
    secs = median_seconds(data, name, runs)
    rate = len(data) / MB / secs
    print(f"{label:<40} {len(data) / MB:7.2f} MB  median {secs * 1000:8.1f} ms  {rate:7.2f} MB/s")
    return rate


def repeat_to(data: bytes, size: int) -> bytes:
    return (data * (size // len(data) + 1))[:size]


def main() -> int:
    if not SEEDS.is_dir():
        print(f"seeds not found at {SEEDS}", file=sys.stderr)
        return 1
    seeds = sorted(p for p in SEEDS.glob("*.txt"))
    print("Per seed (median of 20 runs)")
    for path in seeds:
        report(path.name, path.read_bytes(), path.name, 20)

    # Whole-transcript repetition keeps every layout's structure; cut on a line boundary.
    joined = b"\n\n".join(p.read_bytes() for p in seeds)
    print("\nGrowth (median of 3 runs; MB/s should stay flat)")
    rates = []
    for size in (1 * MB, 2 * MB, 5 * MB):
        chunk = repeat_to(joined, size)
        chunk = chunk[: chunk.rfind(b"\n") + 1]
        rates.append(report(f"concatenated seeds, {size // MB} MB", chunk, "concat.txt", 3))
    print(f"growth ratio (MB/s at 5 MB / MB/s at 1 MB): {rates[-1] / rates[0]:.2f}")

    one_line = repeat_to(joined.replace(b"\n", b" "), MB)
    one_line = one_line.decode("utf-8", "ignore").encode("utf-8")
    print("\nPathological input (median of 3 runs; target < 1 s)")
    report("1 MB on a single line", one_line, "one-line.txt", 3)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
