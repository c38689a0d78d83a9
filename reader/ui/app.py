"""Start the desktop app: the QApplication, its names and icon, and the main window."""

from __future__ import annotations

import ctypes
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QSettings, QThreadPool
from PySide6.QtWidgets import QApplication

from reader import APP_NAME, __version__
from reader.cli_common import split_db_option
from reader.ui.resources import app_icon
from reader.ui.settings import APPLICATION, ORGANIZATION, Settings
from reader.ui.window.main_window import MainWindow


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
    sys.excepthook = _log_unhandled
    window = create_window(db_path=resolve_db_path(db_path or db_in_words))
    window.show()
    if paths:
        window.open_files(paths)
    return int(app.exec())
