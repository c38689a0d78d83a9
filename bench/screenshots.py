"""Make the window screenshots in docs/screenshots again, offscreen, at several screen sizes.

    python bench/screenshots.py [--out DIR] [SEED]

Opens a seed transcript (the Quartr-style one by default) in a fresh window with a throwaway
settings file and library, at 1024x700, 1366x768 and 1920x1080, and saves
`window_<W>x<H>.png` for each. It also prints how much of the width the reading columns
get, the figure the adaptive layout is about. Then `window_dark_1366x768.png` (a dark
palette: the discrepancy marks on it) and `library_grouped.png` (the seeds in the Library,
grouped by company, with a call's details open).
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


def dark_palette() -> object:
    """A dark palette like a dark desktop theme's."""
    from PySide6.QtGui import QColor, QPalette

    p = QPalette()
    role = QPalette.ColorRole
    for r, colour in ((role.Window, QColor(45, 45, 48)), (role.Base, QColor(30, 30, 30)),
                      (role.AlternateBase, QColor(40, 40, 44)), (role.Text, QColor(225, 225, 225)),
                      (role.WindowText, QColor(225, 225, 225)), (role.Button, QColor(55, 55, 58)),
                      (role.ButtonText, QColor(225, 225, 225)), (role.Mid, QColor(80, 80, 80)),
                      (role.PlaceholderText, QColor(150, 150, 150)),
                      (role.Highlight, QColor(60, 110, 190)),
                      (role.HighlightedText, QColor(255, 255, 255))):
        p.setColor(r, colour)
    return p


def shoot(seed: Path, out: Path, width: int, height: int, work: Path,
          name: str | None = None, dark: bool = False) -> float:
    """Save one screenshot; returns the reading columns' share of the window width."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from reader.ui.app import create_app
    from reader.ui.settings import Settings
    from reader.ui.window.main_window import MainWindow

    app = create_app()
    if dark:
        from PySide6.QtWidgets import QStyleFactory

        app.setStyle(QStyleFactory.create("Fusion"))
        app.setPalette(dark_palette())  # type: ignore[arg-type]
    settings = Settings(QSettings(str(work / f"settings_{width}{name or ''}.ini"),
                                  QSettings.Format.IniFormat))
    window = MainWindow(settings, db_path=work / f"library_{width}{name or ''}.sqlite3")
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
    if dark:
        view.go_to_discrepancy(1)  # a changed figure in sight
        _settle(app, 0.5)
    window.grab().save(str(out / (name or f"window_{width}x{height}.png")))
    share = window.centralWidget().width() / window.width()
    window.close()
    window.deleteLater()
    _settle(app, 0.2)
    return share


def shoot_library(seeds: list[Path], out: Path, work: Path) -> None:
    """The Library grouped by company, with the details of a call open."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from reader.ui.app import create_app
    from reader.ui.settings import Settings
    from reader.ui.window.main_window import MainWindow

    app = create_app()
    app.setPalette(app.style().standardPalette())
    settings = Settings(QSettings(str(work / "settings_library.ini"), QSettings.Format.IniFormat))
    settings.library_grouped = True
    window = MainWindow(settings, db_path=work / "library_grouped.sqlite3")
    window.resize(1366, 768)
    window.show()
    window.open_files([str(p) for p in seeds])
    deadline = time.perf_counter() + 60
    while (window.open_queue.pending() or len(window.documents()) < len(seeds)) \
            and time.perf_counter() < deadline:
        QApplication.processEvents()
        time.sleep(0.01)
    window.library.show_library()
    library = None
    deadline = time.perf_counter() + 60
    while time.perf_counter() < deadline:
        _settle(app, 0.2)
        library = window.library.library_view
        if library is not None and library.model.rowCount() >= len(seeds):
            break
    if library is None:
        raise SystemExit("the library did not open")
    library.refresh()
    library.select_transcript(library.model.transcript(0).id)
    library.act_edit.trigger()
    _settle(app, 0.5)
    dialog = window.library.metadata_dialog
    shot = window.grab()
    if dialog is not None:
        from PySide6.QtGui import QPainter

        painter = QPainter(shot)
        where = dialog.mapTo(window, dialog.rect().topLeft()) if dialog.parent() is window \
            else window.mapFromGlobal(dialog.pos())
        painter.drawPixmap(where, dialog.grab())
        painter.end()
        dialog.reject()
    shot.save(str(out / "library_grouped.png"))
    window.close()
    window.deleteLater()
    _settle(app, 0.2)


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
        shoot(args.seed, args.out, 1366, 768, Path(tmp), name="window_dark_1366x768.png",
              dark=True)
        seeds = sorted(args.seed.parent.glob("*.txt"))
        shoot_library(seeds, args.out, Path(tmp))
    return 0


if __name__ == "__main__":
    sys.exit(main())
