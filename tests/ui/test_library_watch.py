"""Changes from outside the window (another window, `reader import-annotations`) refresh the
open tab, the Highlights dock and the notebook, through the library session's `changed`."""

from __future__ import annotations

from pathlib import Path

import pytest
from notes_helpers import CALL
from test_highlights import highlight, open_call

from reader.services.annotations import AnnotationService, Changed
from reader.services.notes import export_records, import_records, library_state
from reader.ui.window.main_window import MainWindow

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints",
                              "This plugin does not support raise"),
]

COLD = "冷 链 用 户 也 更 多 了 。"
FUEL = "燃 油 成 本 还 有 压 力 。"


@pytest.fixture
def call_file(tmp_path: Path) -> Path:
    path = tmp_path / "qingyun_q1_2026.txt"
    path.write_text(CALL, encoding="utf-8")
    return path


def test_the_fingerprint_sees_each_kind_of_change(library: Path, call_file: Path) -> None:
    library.parent.mkdir(parents=True, exist_ok=True)
    with AnnotationService.open(library) as service:
        tid = service.import_file(call_file).transcript.id
        empty = library_state(service)
        h = service.add_highlight_by_quote(tid, COLD)
        added = library_state(service)
        assert added.changed_calls(empty) == {tid}
        service.update_highlight(h.id, note="later")
        edited = library_state(service)
        assert edited.changed_calls(added) == {tid}
        service.update_highlight(h.id, tags=["new-tag"])
        assert library_state(service).tags != edited.tags
        assert library_state(service).changed_calls(library_state(service)) == set()


def test_a_highlight_made_in_another_window_shows_in_this_one(qtbot, make_window, call_file):
    first: MainWindow = make_window()
    second: MainWindow = make_window()
    view_a = open_call(qtbot, first, call_file)
    view_b = open_call(qtbot, second, call_file)
    seen: list[object] = []
    second.annotations.session.changed.connect(seen.append)
    h = highlight(qtbot, first, view_a, COLD)
    qtbot.waitUntil(lambda: any(x.id == h.id for x in second.annotations.highlights(view_b)),
                    timeout=15_000)
    assert any(isinstance(c, Changed) and c.transcripts for c in seen)
    dock = second.annotations.dock
    qtbot.waitUntil(lambda: dock.model.rowCount() == 1, timeout=10_000)


def test_import_annotations_from_the_command_line_reaches_the_open_views(
        qtbot, make_window, call_file, tmp_path):
    # The highlights come from another library, as `reader import-annotations` would bring them.
    other = tmp_path / "other" / "library.sqlite3"
    other.parent.mkdir(parents=True)
    with AnnotationService.open(other) as service:
        tid = service.import_file(call_file).transcript.id
        service.add_highlight_by_quote(tid, FUEL, tags=["fuel"], note="from a colleague")
        data = export_records(service)

    window: MainWindow = make_window()
    view = open_call(qtbot, window, call_file)
    window._notebook.act_notebook.trigger()
    notebook = window._notebook.notebook
    qtbot.waitUntil(lambda: notebook.model.total() == 0, timeout=20_000)

    with AnnotationService.open(window.annotations.session.path) as service:  # another process
        report = import_records(service, data)
    assert report.added == 1

    qtbot.waitUntil(lambda: len(window.annotations.highlights(view)) == 1, timeout=15_000)
    qtbot.waitUntil(lambda: notebook.model.total() == 1 and not notebook.model.is_loading(),
                    timeout=15_000)
    assert notebook.model.index(0, 1).data() == "燃油成本还有压力。"
    qtbot.waitUntil(lambda: notebook.tag_filter.findData("fuel") >= 0, timeout=10_000)
