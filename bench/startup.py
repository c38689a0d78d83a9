"""Start-up, script switch, second transcript and peak memory of the app, against a floor.

The floor is a bare PySide6 window showing the same file with QTextEdit.setPlainText: the
least any Qt app must pay to put that text on screen. Every figure is the median of fresh
processes, so imports, font loading and first layout are all counted; the app opens its
annotation library as it does on a normal start. The reading view
writes the rest of the call and aligns it after its first paint; that moment is reported
too, and the script switches are measured from there.

Run from the repo root: `python bench/startup.py [--runs 5] [--seed FILE] [--second FILE]`.
Needs ../shared/seeds beside the repo (or pass files). Without a display it renders
offscreen (QT_QPA_PLATFORM=offscreen); under `xvfb-run -a` it uses that X server.
Targets: start <= 1.5x the floor, script switch < 100 ms, peak memory <= 2x the floor.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"
WIDTH, HEIGHT = 1400, 900


# -- child processes ---------------------------------------------------------------------------


def _since_start() -> float:
    """Seconds since the parent launched this process (it passes its wall clock)."""
    return time.time() - float(os.environ["BENCH_T0"])


def _maxrss_mb() -> float:
    """Peak resident memory of this process."""
    import resource

    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / 1024 / (1024 if sys.platform == "darwin" else 1)  # bytes on macOS, KiB else


def _after_first_paint(widget, callback) -> object:
    """Call `callback` once, right after the widget's first paint has finished."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class Watch(QObject):
        fired = False

        def eventFilter(self, watched, event) -> bool:
            if event.type() == QEvent.Type.Paint and not self.fired:
                self.fired = True
                QTimer.singleShot(0, callback)  # after this paint completes
            return False

    watch = Watch(widget)
    widget.installEventFilter(watch)
    return watch


def child_floor(seed: Path) -> dict[str, float]:
    from PySide6.QtWidgets import QApplication, QTextEdit

    app = QApplication([sys.argv[0]])
    out: dict[str, float] = {}
    edit = QTextEdit()
    edit.setReadOnly(True)
    edit.resize(WIDTH, HEIGHT)
    edit.setPlainText(seed.read_bytes().decode("utf-8", errors="replace"))

    def painted() -> None:
        out["start_s"] = _since_start()
        out["rss_mb"] = _maxrss_mb()
        app.quit()

    _after_first_paint(edit.viewport(), painted)
    edit.show()
    app.exec()
    return out


def child_app(seed: Path, second: Path) -> dict[str, float]:
    from PySide6.QtCore import QSettings, QTimer

    from reader.ui.app import create_app
    from reader.ui.settings import Settings
    from reader.ui.window.main_window import MainWindow

    out: dict[str, float] = {"imported_s": _since_start()}
    app = create_app([sys.argv[0]])
    ini = Path(tempfile.mkdtemp()) / "settings.ini"  # defaults: no saved position
    # The app as it runs: with its annotation library (an existing one, as on every start
    # but the first), which it opens once the window has painted.
    window = MainWindow(Settings(QSettings(str(ini), QSettings.Format.IniFormat)),
                        db_path=Path(os.environ["BENCH_DB"]))
    window.resize(WIDTH, HEIGHT)
    # Connected after the window's own slot, so this runs once the view for the parsed
    # file is built: "parsed and view built", just before the first paint.
    window.open_queue.loaded.connect(
        lambda *_args: out.setdefault("parsed_s", _since_start()))
    watches: list[object] = []

    def view_shown(on_paint) -> None:
        view = window.current_view()
        if view is None:
            QTimer.singleShot(1, lambda: view_shown(on_paint))
            return
        watches.append(_after_first_paint(view.viewport(), on_paint))

    def first_painted() -> None:
        out["start_s"] = _since_start()
        out["rss_start_mb"] = _maxrss_mb()
        # The view aligns the call after its first paint; the switches are measured once it
        # is done, as a reader meets them (nobody switches within a blink of opening).
        view = window.current_view()
        assert view is not None
        if view.sentence_alignment() is not None:
            QTimer.singleShot(0, aligned)
        else:
            view.alignment_ready.connect(aligned)
            view.alignment_failed.connect(aligned)
            QTimer.singleShot(10_000, aligned)

    stored: list[object] = []  # views whose call the library has stored and annotated
    window.annotations.highlights_loaded.connect(stored.append)

    def aligned(*_args: object) -> None:
        if "aligned_s" in out:
            return
        out["aligned_s"] = _since_start()
        out["rss_aligned_mb"] = _maxrss_mb()
        settled()

    def settled() -> None:
        # The library stores the call (and its search index) in the background after the
        # first paint; a session always pays for that, so the switches wait for it too.
        if window.current_view() not in stored and _since_start() < 20:
            QTimer.singleShot(5, settled)
            return
        out["stored_s"] = _since_start()
        out["rss_stored_mb"] = _maxrss_mb()
        QTimer.singleShot(0, switch_scripts)

    def switch(config: str) -> float:
        view = window.current_view()
        assert view is not None
        t0 = time.perf_counter()
        window.set_script(config)
        view.viewport().repaint()
        return time.perf_counter() - t0

    def switch_scripts() -> None:
        out["switch_first_s"] = switch("t2s")  # loads OpenCC and its dictionary
        out["rss_t2s_mb"] = _maxrss_mb()
        out["switch_back_s"] = switch("none")
        out["switch_warm_s"] = switch("t2s")  # converted paragraphs are cached
        out["switch_other_s"] = switch("s2twp")  # another dictionary, other paragraphs
        out["rss_s2twp_mb"] = _maxrss_mb()
        switch("none")
        out["t_open_second"] = time.perf_counter()
        tabs = window.tabs
        tabs.currentChanged.connect(lambda _i: view_shown(second_painted))
        window.open_files([str(second)])

    def second_painted() -> None:
        out["second_s"] = time.perf_counter() - out.pop("t_open_second")
        out["rss_mb"] = _maxrss_mb()
        window.close()
        app.quit()

    window.tabs.currentChanged.connect(lambda _i: view_shown(first_painted)
                                       if "start_s" not in out else None)
    window.show()
    out["window_s"] = _since_start()
    window.open_files([str(seed)])
    app.exec()
    return out


# -- parent ------------------------------------------------------------------------------------


def _library() -> Path:
    """An annotation library made once per bench run (created and migrated: the app then only
    opens it, as on a normal start)."""
    global _LIBRARY
    if _LIBRARY is None:
        from reader.services.annotations import AnnotationService

        _LIBRARY = Path(tempfile.mkdtemp()) / "library.sqlite3"
        AnnotationService.open(_LIBRARY).close()
    return _LIBRARY


_LIBRARY: Path | None = None


def run_child(kind: str, seed: Path, second: Path) -> dict[str, float]:
    env = dict(os.environ)
    if "QT_QPA_PLATFORM" not in env and not env.get("DISPLAY") and sys.platform.startswith("linux"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    # An installed app runs from compiled bytecode; this environment may forbid writing it
    # (PYTHONDONTWRITEBYTECODE), which would charge every run for compiling every module.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(Path(tempfile.gettempdir()) / "reader-bench-pycache")
    env["BENCH_DB"] = str(_library())
    env["BENCH_T0"] = repr(time.time())
    proc = subprocess.run([sys.executable, __file__, "--child", kind, str(seed), str(second)],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
    if proc.returncode != 0 or not lines:
        raise RuntimeError(f"{kind} run failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    return json.loads(lines[-1])


def median(runs: list[dict[str, float]], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=Path, default=SEEDS / "quartr_qfin_q1_2023.txt")
    parser.add_argument("--second", type=Path, default=SEEDS / "alphaspread_lexin_q4_2023.txt")
    parser.add_argument("--child", nargs=3, metavar=("KIND", "SEED", "SECOND"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child:
        kind, seed, second = args.child
        result = child_floor(Path(seed)) if kind == "floor" else child_app(Path(seed),
                                                                            Path(second))
        print(json.dumps(result))
        sys.stdout.flush()
        os._exit(0)  # skip interpreter teardown: it is not start-up

    for path in (args.seed, args.second):
        if not path.is_file():
            print(f"transcript not found: {path}", file=sys.stderr)
            return 1
    run_child("floor", args.seed, args.second)  # warm-up: bytecode cache, disk cache
    run_child("app", args.seed, args.second)
    floors, apps = [], []
    for _ in range(args.runs):  # interleaved, so load on the machine hits both alike
        floors.append(run_child("floor", args.seed, args.second))
        apps.append(run_child("app", args.seed, args.second))

    platform = os.environ.get("QT_QPA_PLATFORM") or ("xcb" if os.environ.get("DISPLAY")
                                                     else "offscreen")
    floor_start, app_start = median(floors, "start_s"), median(apps, "start_s")
    floor_rss, app_rss = median(floors, "rss_mb"), median(apps, "rss_mb")
    app_rss_start = median(apps, "rss_start_mb")
    switch_first = median(apps, "switch_first_s")
    switch_warm = median(apps, "switch_warm_s")
    print(f"Start-up, {args.seed.name} at {WIDTH}x{HEIGHT}, {platform}; median of "
          f"{args.runs} fresh processes")
    print(f"  floor (QTextEdit.setPlainText) start to first paint  {floor_start * 1000:7.0f} ms")
    # Each app run against the floor run just before it: a slow spell of the machine hits
    # both, so the median of these ratios drifts less than the ratio of the medians.
    paired = statistics.median(a["start_s"] / f["start_s"] for f, a in zip(floors, apps,
                                                                             strict=True))
    print(f"  app (parse, outline, aligned view) start to paint    {app_start * 1000:7.0f} ms"
          f"   {app_start / floor_start:.2f}x floor (target <= 1.5x); "
          f"{paired:.2f}x run for run")
    print(f"    phases: imports done {median(apps, 'imported_s') * 1000:.0f} ms, window shown "
          f"{median(apps, 'window_s') * 1000:.0f} ms, transcript parsed and view built "
          f"{median(apps, 'parsed_s') * 1000:.0f} ms, painted {app_start * 1000:.0f} ms")
    print(f"    after the first paint: the whole call written and aligned at "
          f"{median(apps, 'aligned_s') * 1000:.0f} ms")
    print(f"  script switch none->t2s, first (loads OpenCC)        "
          f"{switch_first * 1000:7.0f} ms   (target < 100 ms)")
    print(f"  script switch t2s->none                              "
          f"{median(apps, 'switch_back_s') * 1000:7.0f} ms")
    print(f"  script switch none->t2s again (cached)               {switch_warm * 1000:7.0f} ms")
    print(f"  script switch to s2twp (second dictionary)           "
          f"{median(apps, 'switch_other_s') * 1000:7.0f} ms")
    print(f"  open a second transcript ({args.second.name})"
          f"  {median(apps, 'second_s') * 1000:5.0f} ms to its first paint")
    print(f"  peak memory, floor                                   {floor_rss:7.1f} MB")
    print(f"  peak memory, app at first paint                      {app_rss_start:7.1f} MB"
          f"   {app_rss_start / floor_rss:.2f}x floor")
    print(f"  peak memory, app once aligned                        "
          f"{median(apps, 'rss_aligned_mb'):7.1f} MB")
    print(f"  peak memory, app once the library has stored the call "
          f"{median(apps, 'rss_stored_mb'):6.1f} MB   (at "
          f"{median(apps, 'stored_s') * 1000:.0f} ms)")
    print(f"  peak memory, app after loading t2s                   "
          f"{median(apps, 'rss_t2s_mb'):7.1f} MB")
    print(f"  peak memory, app after loading s2twp too             "
          f"{median(apps, 'rss_s2twp_mb'):7.1f} MB")
    print(f"  peak memory, app after switches and second file      {app_rss:7.1f} MB"
          f"   {app_rss / floor_rss:.2f}x floor (target <= 2x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
