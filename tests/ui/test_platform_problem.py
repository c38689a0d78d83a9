"""The window names the system libraries Qt's xcb plugin lacks instead of Qt's abort."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reader.services import qt_libraries
from reader.ui import app


def test_a_plugin_that_cannot_load_is_named_with_what_it_lacks(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = qt_libraries.xcb_plugin()
    if real is None:
        pytest.skip("this PySide6 has no xcb platform plugin")
    # A copy away from its Qt libraries cannot load: they are what it lacks.
    copy = tmp_path / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    copy.parent.mkdir(parents=True)
    shutil.copy(real, copy)
    monkeypatch.setattr(qt_libraries, "xcb_plugin", lambda: copy)
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    line = app.platform_problem()
    assert line is not None and "\n" not in line
    assert line.startswith("reader: the window cannot open") and "libQt6" in line


def test_offscreen_and_a_loadable_plugin_raise_no_problem(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert app.platform_problem() is None
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    monkeypatch.setenv("DISPLAY", ":0")
    if qt_libraries.xcb_plugin() is not None and qt_libraries.missing_line() is None:
        assert app.platform_problem() is None


def test_the_window_does_not_start_without_its_libraries(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(app, "platform_problem", lambda: "reader: the window cannot open: x")
    monkeypatch.setattr(app, "create_app", lambda *a: pytest.fail("Qt was started"))
    assert app.run_gui([]) == 2
    assert capsys.readouterr().err == "reader: the window cannot open: x\n"
