"""The typed settings module: defaults, round trips, validation, recent files, positions."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any QApplication exists

from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QSettings

from reader.ui import settings as settings_module
from reader.ui.settings import (
    FONT_POINT_SIZE,
    LAYOUT_MODE,
    MAX_RECENT_FILES,
    SCRIPT,
    Settings,
)


def store_at(path: Path) -> QSettings:
    return QSettings(str(path), QSettings.Format.IniFormat)


@pytest.fixture
def ini(tmp_path: Path) -> Path:
    return tmp_path / "settings.ini"


@pytest.fixture
def settings(ini: Path) -> Settings:
    return Settings(store_at(ini))


def reopen(settings: Settings, ini: Path) -> Settings:
    """What the next session sees: write to disk, read back through a fresh QSettings."""
    settings.sync()
    return Settings(store_at(ini))


def test_defaults_on_an_empty_store(settings: Settings):
    assert settings.script == "none"
    assert settings.join_cjk_spaces is True
    assert settings.hide_fillers is False
    assert settings.layout_mode == "side_by_side"
    assert settings.font_point_size == FONT_POINT_SIZE.default
    assert settings.recent_files == []
    assert settings.window_geometry.isEmpty()
    assert settings.window_state.isEmpty()
    assert settings.reading_position("ab" * 32) is None


def test_values_survive_a_restart(settings: Settings, ini: Path):
    settings.script = "s2twp"
    settings.join_cjk_spaces = False
    settings.hide_fillers = True
    settings.layout_mode = "interleaved"
    settings.font_point_size = 15.5
    settings.last_directory = "/data/calls"
    settings.window_geometry = QByteArray(b"\x01\x02geometry")
    settings.window_state = QByteArray(b"\x00state\xff")
    settings.set_reading_position("cd" * 32, 17)

    again = reopen(settings, ini)
    assert again.script == "s2twp"
    assert again.join_cjk_spaces is False
    assert again.hide_fillers is True
    assert again.layout_mode == "interleaved"
    assert again.font_point_size == 15.5
    assert again.last_directory == "/data/calls"
    assert bytes(again.window_geometry.data()) == b"\x01\x02geometry"
    assert bytes(again.window_state.data()) == b"\x00state\xff"
    assert again.reading_position("cd" * 32) == 17


@pytest.mark.parametrize(("key", "raw"), [
    (SCRIPT.name, "klingon"),
    (LAYOUT_MODE.name, "upside_down"),
    (FONT_POINT_SIZE.name, "huge"),
    (FONT_POINT_SIZE.name, "500"),
    (FONT_POINT_SIZE.name, "nan"),
    ("view/join_cjk_spaces", "perhaps"),
])
def test_garbage_in_the_file_reads_as_the_default(ini: Path, key: str, raw: str):
    store = store_at(ini)
    store.setValue(key, raw)
    store.sync()
    s = Settings(store_at(ini))
    assert s.script == "none"
    assert s.layout_mode == "side_by_side"
    assert s.font_point_size == FONT_POINT_SIZE.default
    assert s.join_cjk_spaces is True


def test_invalid_values_are_refused(settings: Settings):
    with pytest.raises(ValueError, match="view/script"):
        settings.script = "t2x"
    with pytest.raises(ValueError, match="layout_mode"):
        settings.layout_mode = "diagonal"
    with pytest.raises(ValueError, match="font_point_size"):
        settings.font_point_size = 2
    with pytest.raises(ValueError):
        settings.set_reading_position("ef" * 32, -1)
    assert settings.script == "none"


def test_recent_files_most_recent_first_without_duplicates(settings: Settings, ini: Path):
    for name in ("a.txt", "b.txt", "c.txt", "a.txt"):
        settings.add_recent_file(f"/calls/{name}")
    assert settings.recent_files == ["/calls/a.txt", "/calls/c.txt", "/calls/b.txt"]
    settings.remove_recent_file("/calls/c.txt")
    assert reopen(settings, ini).recent_files == ["/calls/a.txt", "/calls/b.txt"]


def test_recent_files_keep_at_most_ten(settings: Settings):
    for n in range(MAX_RECENT_FILES + 5):
        settings.add_recent_file(f"/calls/{n}.txt")
    recent = settings.recent_files
    assert len(recent) == MAX_RECENT_FILES
    assert recent[0] == f"/calls/{MAX_RECENT_FILES + 4}.txt"
    settings.clear_recent_files()
    assert settings.recent_files == []


def test_a_single_recent_file_reads_back_as_a_list(settings: Settings, ini: Path):
    # INI files write a one-item list as a plain string.
    settings.add_recent_file("/calls/only, one.txt")
    assert reopen(settings, ini).recent_files == ["/calls/only, one.txt"]


def test_reading_positions_are_per_content_hash(settings: Settings, ini: Path):
    settings.set_reading_position("aa" * 32, 3)
    settings.set_reading_position("bb" * 32, 40)
    settings.set_reading_position("aa" * 32, 5)
    again = reopen(settings, ini)
    assert again.reading_position("aa" * 32) == 5
    assert again.reading_position("bb" * 32) == 40


def test_reading_positions_forget_the_least_recent(settings: Settings, monkeypatch):
    monkeypatch.setattr(settings_module, "MAX_READING_POSITIONS", 3)
    clock = iter(range(1000, 2000))
    monkeypatch.setattr(settings_module.time, "time", lambda: next(clock))
    for n in range(5):
        settings.set_reading_position(f"{n:064x}", n)
    assert settings.reading_position(f"{0:064x}") is None
    assert settings.reading_position(f"{1:064x}") is None
    assert [settings.reading_position(f"{n:064x}") for n in (2, 3, 4)] == [2, 3, 4]


def test_corrupt_reading_position_reads_as_none(ini: Path):
    store = store_at(ini)
    store.setValue("positions/" + "aa" * 32, "not a number")
    store.setValue("positions/" + "bb" * 32, "-4 100")
    s = Settings(store)
    assert s.reading_position("aa" * 32) is None
    assert s.reading_position("bb" * 32) is None


def test_open_default_uses_an_ini_file(qapp):
    s = Settings.open_default()
    assert s.store.format() is QSettings.Format.IniFormat
    assert s.file_name().endswith(".ini")
