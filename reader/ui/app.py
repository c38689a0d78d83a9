"""Start the desktop app: the QApplication, its names and icon, and the main window."""

from __future__ import annotations

import sys
import traceback
from collections.abc import Sequence
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QSettings, QThreadPool
from PySide6.QtWidgets import QApplication

from reader import APP_NAME, __version__
from reader.ui.main_window import MainWindow
from reader.ui.resources import app_icon
from reader.ui.settings import APPLICATION, ORGANIZATION, Settings


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


def create_window(settings: Settings | None = None, pool: QThreadPool | None = None) -> MainWindow:
    return MainWindow(settings or Settings.open_default(), pool)


def _log_unhandled(kind: type[BaseException], value: BaseException,
                   tb: TracebackType | None) -> None:
    # An exception escaping a slot must not end the session: report it and carry on.
    print("Transcript Reader: unexpected error (the app carries on):", file=sys.stderr)
    traceback.print_exception(kind, value, tb, file=sys.stderr)


def run_gui(paths: list[str]) -> int:
    """Open the main window (and `paths`, each in a tab); returns the exit status."""
    app = create_app()
    sys.excepthook = _log_unhandled
    window = create_window()
    window.show()
    if paths:
        window.open_files(paths)
    return int(app.exec())
