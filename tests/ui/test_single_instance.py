"""One running window: a second launch hands its files and reader:// links to the window
already running on the same library and exits 0; the window opens the call at the passage."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from notes_helpers import CALL, SECOND
from PySide6.QtCore import QEvent, QUrl
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication

from reader.core.links import make_link
from reader.services.annotations import AnnotationService
from reader.ui.app import serve_other_launches
from reader.ui.window import single_instance
from reader.ui.window.back_links import FileOpenFilter
from reader.ui.window.main_window import MainWindow
from reader.ui.window.single_instance import (
    InstanceServer,
    hand_off,
    request_words,
    server_name,
)

pytestmark = [
    pytest.mark.gui,
    # The offscreen platform cannot raise a window, and handing over brings it forward.
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints",
                              "This plugin does not support raise"),
]

REPO = Path(__file__).resolve().parents[2]
COLD = "冷 链 用 户 也 更 多 了 。"


@pytest.fixture
def stored(library: Path, tmp_path: Path) -> tuple[int, str, int, int]:
    """The Qingyun call in the library (its file gone): id, hash, span of COLD."""
    source = tmp_path / "qingyun.txt"
    source.write_text(CALL, encoding="utf-8")
    library.parent.mkdir(parents=True, exist_ok=True)
    with AnnotationService.open(library) as service:
        info = service.import_file(source).transcript
        text = service.transcript_text(info.id)
    source.unlink()
    start = text.index(COLD)
    return info.id, info.sha256, start, start + len(COLD)


def launch(*words: str, library: Path) -> subprocess.Popen[str]:
    """`reader WORDS --db LIBRARY` as the desktop would start it, in the background."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TRANSCRIPT_READER_DB": str(library)}
    return subprocess.Popen([sys.executable, "-m", "reader", *words, "--db", str(library)],
                            cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def finished(proc: subprocess.Popen[str]) -> bool:
    return proc.poll() is not None


def selected(window: MainWindow) -> tuple[int, int] | None:
    view = window.current_view()
    return view.selection_source_span() if view is not None else None


def test_server_names_are_per_user_and_per_library(tmp_path: Path) -> None:
    a, b = server_name(tmp_path / "a.sqlite3"), server_name(tmp_path / "b.sqlite3")
    assert a != b and a == server_name(tmp_path / "x" / ".." / "a.sqlite3")
    assert a.startswith("transcript-reader-") and "/" not in a and len(a) < 100


def test_request_words_make_files_absolute_and_keep_links(tmp_path: Path) -> None:
    link = make_link("a" * 64, 1, 2)
    assert request_words(["call.txt", link], cwd=tmp_path) == [str(tmp_path / "call.txt"), link]


def test_no_window_means_no_hand_off(tmp_path: Path) -> None:
    assert not hand_off(server_name(tmp_path / "none.sqlite3"), ["x.txt"], timeout_ms=300)


def test_a_second_launch_with_a_link_selects_the_passage_in_the_running_window(
        qtbot, make_window, library, stored):
    _tid, sha, start, end = stored
    window: MainWindow = make_window()
    serve_other_launches(window, library)
    assert window.current_view() is None  # nothing open: the call comes from the library

    proc = launch("open", make_link(sha, start, end), library=library)
    qtbot.waitUntil(lambda: finished(proc), timeout=60_000)
    _out, err = proc.communicate()
    assert proc.returncode == 0, err
    qtbot.waitUntil(lambda: selected(window) == (start, end), timeout=20_000)
    assert "".join(window.current_view().textCursor().selectedText().split()) == "冷链用户也更多了。"
    assert len(window.documents()) == 1


def test_a_second_launch_with_a_bare_link_word_is_handed_over_too(qtbot, make_window, library,
                                                                   stored):
    _tid, sha, start, end = stored
    window: MainWindow = make_window()
    serve_other_launches(window, library)
    proc = launch(make_link(sha, start, end), library=library)
    qtbot.waitUntil(lambda: finished(proc), timeout=60_000)
    assert proc.returncode == 0, proc.communicate()[1]
    qtbot.waitUntil(lambda: selected(window) == (start, end), timeout=20_000)


def test_a_second_launch_with_files_opens_them_in_the_running_window(qtbot, make_window,
                                                                      library, tmp_path):
    window: MainWindow = make_window()
    serve_other_launches(window, library)
    second = tmp_path / "tiemu.txt"
    second.write_text(SECOND, encoding="utf-8")
    proc = launch(str(second), library=library)
    qtbot.waitUntil(lambda: finished(proc), timeout=60_000)
    assert proc.returncode == 0, proc.communicate()[1]
    qtbot.waitUntil(lambda: len(window.documents()) == 1, timeout=30_000)
    assert window.documents()[0].path == str(second)


def test_a_link_to_a_call_not_in_the_library_says_so_in_one_line(qtbot, window):
    window.open_link(make_link("f" * 64, 0, 10))
    qtbot.waitUntil(lambda: "not in the library" in window.statusBar().currentMessage(),
                    timeout=10_000)
    assert "\n" not in window.statusBar().currentMessage()
    assert window.current_view() is None


def test_a_broken_link_says_why(qtbot, window):
    window.open_link("reader://open?sha256=xyz&start=1&end=2")
    assert "sha256" in window.statusBar().currentMessage()


def test_a_socket_left_by_a_crashed_window_is_taken_over(qtbot, tmp_path):
    name = server_name(tmp_path / "crashed.sqlite3")
    first = InstanceServer(name)
    assert first.listen()
    second = InstanceServer(name)
    assert not second.listen()  # a live window keeps its name
    first.close()
    if sys.platform != "win32":  # a Unix socket file stays behind when a process dies
        Path(single_instance._address(name)[0]).touch(exist_ok=True)
    third = InstanceServer(name)
    assert third.listen()
    third.close()


def test_macos_open_events_go_to_the_same_place(qtbot):
    got: list[list[str]] = []
    event_filter = FileOpenFilter(got.append)
    link = make_link("a" * 64, 3, 9)
    url_event = QFileOpenEvent(QUrl(link))
    assert event_filter.eventFilter(QApplication.instance(), url_event)
    file_event = QFileOpenEvent("/tmp/call.txt")
    assert file_event.type() == QEvent.Type.FileOpen
    assert event_filter.eventFilter(QApplication.instance(), file_event)
    assert got == [[link], ["/tmp/call.txt"]]


def test_a_handed_over_link_to_a_call_not_in_the_library_is_said_in_the_window(
        qtbot, make_window, library):
    window: MainWindow = make_window()
    serve_other_launches(window, library)
    proc = launch("open", make_link("e" * 64, 0, 5), library=library)
    qtbot.waitUntil(lambda: finished(proc), timeout=60_000)
    assert proc.returncode == 0, proc.communicate()[1]
    qtbot.waitUntil(lambda: "not in the library" in window.statusBar().currentMessage(),
                    timeout=10_000)


def test_a_server_stops_with_the_window_that_owned_it(qtbot, tmp_path):
    from PySide6.QtCore import QObject

    name = server_name(tmp_path / "owned.sqlite3")
    owner = QObject()
    server = InstanceServer(name, owner)
    assert server.listen()
    with qtbot.waitSignal(owner.destroyed):
        owner.deleteLater()
    after = InstanceServer(name)
    assert after.listen()  # the name is free again
    after.close()


def test_a_window_that_does_not_answer_does_not_hang_the_launch(tmp_path):
    import time
    from multiprocessing.connection import Listener

    name = server_name(tmp_path / "frozen.sqlite3")
    address, family = single_instance._address(name)
    frozen = Listener(address, family, authkey=single_instance._key())  # never accepts
    try:
        started = time.monotonic()
        assert not hand_off(name, ["x.txt"], timeout_ms=500)
        assert time.monotonic() - started < 3
    finally:
        frozen.close()
