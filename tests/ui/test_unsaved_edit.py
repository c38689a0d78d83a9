"""An edit the library cannot take (disk full) is kept and saved when the user retries."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_highlights import CALL, MEMORY, STABLE, open_call, span_of

from db.engine import DiskFullError
from db.repository import Repository
from reader.services.annotations import AnnotationService


@pytest.fixture
def call_file(tmp_path: Path) -> Path:
    path = tmp_path / "pinecrest_q2_2025.txt"
    path.write_text(CALL, encoding="utf-8")
    return path


pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


def test_a_highlight_refused_by_a_full_disk_is_kept_and_retried(qtbot, window, call_file,
                                                                 monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr("reader.ui.plain.warning", lambda _p, _t, text: shown.append(text))
    view = open_call(qtbot, window, call_file)
    ctl = window.annotations
    real = Repository.insert_highlight
    calls = []

    def full_once(self, *args, **kwargs):  # the disk fills under the service, which says so
        calls.append(args)
        if len(calls) == 1:
            raise DiskFullError("library.sqlite3: the disk is full; nothing was saved")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Repository, "insert_highlight", full_once)
    assert view.select_source_span(*span_of(view, STABLE))
    ctl.act_highlight.trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert "disk is full" in shown[0] and "Retry" in shown[0]
    assert ctl.unsaved_edit is not None and ctl.highlights(view) == []
    assert ctl.retry_unsaved_edit()
    qtbot.waitUntil(lambda: bool(ctl.highlights(view)), timeout=10_000)
    (h,) = ctl.highlights(view)
    assert view.transcript().text[h.start:h.end] == STABLE
    assert ctl.unsaved_edit is None and len(calls) == 2


def test_several_refused_edits_are_all_kept_and_saved_in_order(qtbot, window, call_file,
                                                                monkeypatch):
    """Offline, one refused edit after another: none replaces the one before."""
    shown: list[str] = []
    monkeypatch.setattr("reader.ui.plain.warning", lambda _p, _t, text: shown.append(text))
    view = open_call(qtbot, window, call_file)
    ctl = window.annotations
    real = Repository.insert_highlight
    full = [True]

    def refused_while_full(self, *args, **kwargs):
        if full[0]:
            raise DiskFullError("library.sqlite3: the disk is full; nothing was saved")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Repository, "insert_highlight", refused_while_full)
    for phrase, n in ((STABLE, 1), (MEMORY, 2)):
        assert view.select_source_span(*span_of(view, phrase))
        ctl.act_highlight.trigger()
        qtbot.waitUntil(lambda n=n: len(shown) == n, timeout=10_000)
    assert ctl.highlights(view) == [] and ctl.unsaved_edit is not None
    full[0] = False
    assert ctl.retry_unsaved_edit()
    qtbot.waitUntil(lambda: len(ctl.highlights(view)) == 2, timeout=10_000)
    text = view.transcript().text
    assert sorted(text[h.start:h.end] for h in ctl.highlights(view)) == sorted([STABLE, MEMORY])
    assert ctl.unsaved_edit is None


def test_a_read_only_library_opens_and_the_status_bar_says_why(qtbot, make_window, library):
    import os
    import subprocess

    library.parent.mkdir(parents=True, exist_ok=True)
    AnnotationService.open(library).close()
    root = os.geteuid() == 0
    if root and subprocess.run(["chattr", "+i", str(library)], capture_output=True).returncode:
        pytest.skip("root ignores modes, and this file system has no immutable attribute")
    if not root:
        library.chmod(0o444)
    try:
        window = make_window(library)
        qtbot.waitUntil(lambda: "read-only" in window.statusBar().currentMessage(),
                        timeout=10_000)
        assert "library file is read-only" in window.statusBar().currentMessage()
        assert window.annotations.session.service is not None  # reads go on
    finally:
        if root:
            subprocess.run(["chattr", "-i", str(library)], check=True)
        else:
            library.chmod(0o644)
