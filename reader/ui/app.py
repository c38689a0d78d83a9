"""Start the desktop app: the QApplication, its names and icon, and the main window."""

from __future__ import annotations

import ctypes
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QSettings, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication

from reader import APP_NAME, __version__
from reader.cli_common import split_db_option
from reader.ui.language import install_translators
from reader.ui.resources import app_icon
from reader.ui.settings import APPLICATION, ORGANIZATION, Settings
from reader.ui.window.main_window import MainWindow

LISTEN_DELAY_MS = 300
"""Later launches are handed to this window from then on (a launch in the first moments
opens a window of its own)."""


def create_app(argv: Sequence[str] | None = None) -> QApplication:
    """The QApplication (the existing one if any), named and with the app icon."""
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    QCoreApplication.setApplicationVersion(__version__)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(
        list(argv) if argv is not None else sys.argv[:1])
    app.setApplicationDisplayName(APP_NAME)
    app.setDesktopFileName(APPLICATION)
    app.setWindowIcon(app_icon())
    return app


def create_window(settings: Settings | None = None, pool: QThreadPool | None = None,
                  db_path: Path | str | None = None) -> MainWindow:
    """The main window; with `db_path`, it opens that annotation library (else highlights
    are off, as in the self-test, which must not touch the user's library)."""
    return MainWindow(settings or Settings.open_default(), pool, db_path=db_path)


def _log_unhandled(kind: type[BaseException], value: BaseException,
                   tb: TracebackType | None) -> None:
    # An exception escaping a slot must not end the session: report it and carry on.
    print("Transcript Reader: unexpected error (the app carries on):", file=sys.stderr)
    traceback.print_exception(kind, value, tb, file=sys.stderr)


def platform_problem() -> str | None:
    """One line naming the system libraries Qt's xcb plugin lacks, instead of Qt's own
    abort ("could not load the Qt platform plugin"), on Linux when the window would use X11.

    Loading the plugin costs nothing extra when it works (Qt loads it next anyway); only
    when it fails are its libraries looked for one by one.
    """
    if not sys.platform.startswith("linux") or not os.environ.get("DISPLAY"):
        return None
    if os.environ.get("QT_QPA_PLATFORM", "xcb").split(";")[0] not in ("xcb", ""):
        return None
    from reader.services.qt_libraries import missing_line, xcb_plugin

    plugin = xcb_plugin()
    if plugin is None:
        return None
    try:
        ctypes.CDLL(str(plugin))
    except OSError:
        return missing_line(plugin)
    return None


def run_gui(paths: list[str], db_path: str | None = None) -> int:
    """Open the main window (and `paths`, each in a tab); returns the exit status.

    The annotation library is `db_path`, else a `--db PATH` among `paths`, else
    $TRANSCRIPT_READER_DB, else the user data folder (reader.services.paths).
    """
    from reader.services.paths import resolve_db_path

    paths, db_in_words = split_db_option(paths)
    problem = platform_problem()
    if problem is not None:
        print(problem, file=sys.stderr)
        return 2
    app = create_app()
    settings = Settings.open_default()
    db = resolve_db_path(db_path or db_in_words or chosen_library(settings))
    if paths and hand_off_to_running(db, paths):
        return 0
    sys.excepthook = _log_unhandled
    install_translators(app, settings.language)  # before any widget takes its strings
    window = create_window(settings, db_path=db)
    take_open_events(app, window)
    window.show()
    window.restore_session()
    # After the first paint: the socket and its thread need not hold the first screen up.
    QTimer.singleShot(LISTEN_DELAY_MS, lambda: serve_other_launches(window, db))
    follow_library_switches(app, window)
    if paths:
        window.open_files(paths)
    return int(app.exec())


def chosen_library(settings: Settings) -> str | None:
    """The library picked in File → Open Library, unless $TRANSCRIPT_READER_DB names one."""
    from reader.services.paths import ENV_VAR

    return None if os.environ.get(ENV_VAR) else settings.library or None


def follow_library_switches(app: QApplication, window: MainWindow) -> None:
    """When File → Open Library reopens the window on another library, the new window gets
    the open events and later launches, and the old one is let go."""
    held = [window]

    def switched(new: object) -> None:
        if not isinstance(new, MainWindow):
            return
        old, held[0] = held[0], new
        old.successor = None
        old.deleteLater()  # its event filter and instance server go with it
        take_open_events(app, new)
        serve_other_launches(new, new.annotations.session.path or "")
        new.library_switched.connect(switched)

    window.library_switched.connect(switched)


def hand_off_to_running(db_path: Path | str, words: Sequence[str]) -> bool:
    """Give files and links to the window already running on this library, if there is one."""
    from reader.ui.window.single_instance import hand_off, server_name

    return hand_off(server_name(db_path), words)


def serve_other_launches(window: MainWindow, db_path: Path | str) -> None:
    """Let later launches on the same library hand their files and links to `window`."""
    from reader.ui.window.single_instance import InstanceServer, server_name

    server = InstanceServer(server_name(db_path), window)
    server.received.connect(window.open_words)
    server.listen()


def take_open_events(app: QApplication, window: MainWindow) -> None:
    """macOS's file and URL open events (Finder, a clicked reader:// link) go to `window`,
    from the start: the one that launched the app comes right away."""
    from reader.ui.window.back_links import FileOpenFilter

    app.installEventFilter(FileOpenFilter(window.open_words, window))
