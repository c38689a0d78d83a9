"""Make the window screenshots in docs/screenshots again, offscreen, at several screen sizes.

    python bench/screenshots.py [--out DIR] [SEED]

Opens a seed transcript (the Quartr-style one by default) in a fresh window with a throwaway
settings file and library, at 1024x700, 1366x768 and 1920x1080, and saves
`window_<W>x<H>.png` for each. It also prints how much of the width the reading columns
get, the figure the adaptive layout is about.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
SIZES = ((1024, 700), (1366, 768), (1920, 1080))
DEFAULT_SEED = REPO.parent / "shared" / "seeds" / "quartr_qfin_q1_2023.txt"


def _settle(app: object, seconds: float) -> None:
    from PySide6.QtWidgets import QApplication

    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        QApplication.processEvents()
        time.sleep(0.01)


def shoot(seed: Path, out: Path, width: int, height: int, work: Path) -> float:
    """Save one screenshot; returns the reading columns' share of the window width."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from reader.ui.app import create_app
    from reader.ui.settings import Settings
    from reader.ui.window.main_window import MainWindow

    app = create_app()
    settings = Settings(QSettings(str(work / f"settings_{width}.ini"),
                                  QSettings.Format.IniFormat))
    window = MainWindow(settings, db_path=work / f"library_{width}.sqlite3")
    window.resize(width, height)
    window.show()
    window.open_files([str(seed)])
    deadline = time.perf_counter() + 60
    while (window.open_queue.pending() or not window.documents()) \
            and time.perf_counter() < deadline:
        QApplication.processEvents()
        time.sleep(0.01)
    view = window.current_view()
    if view is None:
        raise SystemExit(f"{seed.name}: did not open")
    deadline = time.perf_counter() + 60
    while view.sentence_alignment() is None and time.perf_counter() < deadline:
        _settle(app, 0.1)  # the discrepancy list fills once the call is aligned
    _settle(app, 1.0)
    window.grab().save(str(out / f"window_{width}x{height}.png"))
    share = window.centralWidget().width() / window.width()
    window.close()
    window.deleteLater()
    _settle(app, 0.2)
    return share


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("seed", nargs="?", type=Path, default=DEFAULT_SEED)
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    args = parser.parse_args(argv)
    if not args.seed.is_file():
        print(f"screenshots: {args.seed} not found", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for width, height in SIZES:
            share = shoot(args.seed, args.out, width, height, Path(tmp))
            print(f"{width}x{height}: reading columns {share:.0%} of the width")
    return 0


if __name__ == "__main__":
    sys.exit(main())
