"""Naming the system libraries Qt's xcb plugin lacks, read from the plugin with the loader."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from reader.services.qt_libraries import (
    NotAnElfFileError,
    debian_packages,
    loadable,
    missing_libraries,
    missing_line,
    needed,
    xcb_plugin,
)

PLUGIN = xcb_plugin()
needs_plugin = pytest.mark.skipif(PLUGIN is None or not sys.platform.startswith("linux"),
                                  reason="no PySide6 xcb plugin on this system")


@needs_plugin
def test_the_plugin_needs_are_read_from_its_elf_header() -> None:
    assert PLUGIN is not None
    names = needed(PLUGIN)
    assert "libQt6XcbQpa.so.6" in names and "libxkbcommon.so.0" in names


@needs_plugin
def test_missing_libraries_follow_the_bundled_qt_libraries() -> None:
    assert PLUGIN is not None
    absent = {"libxcb-cursor.so.0", "libxcb-icccm.so.4"}  # needed by libQt6XcbQpa, not the plugin
    missing = missing_libraries(PLUGIN, is_loadable=lambda name: name not in absent)
    assert set(missing) == absent
    assert debian_packages(missing) == ["libxcb-cursor0", "libxcb-icccm4"]
    line = missing_line(PLUGIN, is_loadable=lambda name: name not in absent)
    assert line is not None and "\n" not in line
    assert "libxcb-cursor.so.0" in line and "apt install libxcb-cursor0 libxcb-icccm4" in line
    # What the loader finds on this machine is what it really finds.
    for name in missing_libraries(PLUGIN):
        assert not loadable(name)
    assert missing_line(PLUGIN, is_loadable=lambda name: True) is None


def test_the_loader_is_asked_for_real() -> None:
    assert not loadable("libnot-a-library-anyone-has.so.9")
    if sys.platform.startswith("linux"):
        assert loadable("libc.so.6")


def test_anything_but_an_elf_library_is_refused(tmp_path: Path) -> None:
    text = tmp_path / "libfake.so"
    text.write_text("not a library", encoding="utf-8")
    with pytest.raises(NotAnElfFileError):
        needed(text)
    assert missing_line(text) is None  # no line rather than a traceback
    assert missing_libraries(tmp_path / "absent.so") == []
