"""Qt test set-up: offscreen rendering, settings and the annotation library kept out of the
user's profile, transcripts."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any QApplication exists

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings

import reader.ui  # noqa: F401  (before the app modules: it adjusts PySide's import hook)
from reader.core.model import Transcript
from reader.core.pipeline import parse_bytes
from reader.ui.library_session import LibraryState
from reader.ui.settings import Settings
from reader.ui.window.main_window import MainWindow

TEST_ORGANIZATION = "TranscriptReaderTests"


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path) -> Iterator[Path]:
    """Every QSettings() in a test reads and writes an INI file under tmp_path."""
    old_org = QCoreApplication.organizationName()
    old_app = QCoreApplication.applicationName()
    QCoreApplication.setOrganizationName(TEST_ORGANIZATION)
    QCoreApplication.setApplicationName(TEST_ORGANIZATION)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    yield tmp_path
    QCoreApplication.setOrganizationName(old_org)
    QCoreApplication.setApplicationName(old_app)


@pytest.fixture(autouse=True)
def isolated_library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Anything that resolves the library path without being given one lands in tmp_path."""
    path = tmp_path / "library" / "library.sqlite3"
    monkeypatch.setenv("TRANSCRIPT_READER_DB", str(path))
    return path


@pytest.fixture
def transcript_factory(fixtures_dir: Path) -> Callable[[str | Path], Transcript]:
    """Parse a transcript file: a bare name is looked up in tests/fixtures."""

    def load(path: str | Path) -> Transcript:
        p = Path(path)
        if not p.is_absolute():
            p = fixtures_dir / p
        return parse_bytes(p.read_bytes(), p.name)

    return load


@pytest.fixture
def library(tmp_path: Path) -> Path:
    """The annotation library file the windows of `make_window` open."""
    return tmp_path / "lib" / "library.sqlite3"


@pytest.fixture
def make_window(qtbot, tmp_path: Path, library: Path) -> Iterator[Callable[..., MainWindow]]:
    """Windows over one settings file and one library, as successive sessions would be.

    Each waits until its library is open (or refused); at the end every window's background
    work is waited for, so no thread outlives its test.
    """
    windows: list[MainWindow] = []

    def make(db: Path | None = library) -> MainWindow:
        settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
        window = MainWindow(settings, db_path=db)
        qtbot.addWidget(window)
        window.resize(1600, 900)
        window.show()
        qtbot.waitExposed(window)
        if db is not None:
            qtbot.waitUntil(lambda: window.annotations.session.state is not LibraryState.OPENING,
                            timeout=20_000)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.library.close()
        window.open_queue.wait(10_000)
        window.annotations.session.wait(10_000)


@pytest.fixture
def window(make_window: Callable[..., MainWindow]) -> MainWindow:
    return make_window()
