"""Two people edit one highlight: the second save is shown the first's text, never overwrites it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QPlainTextEdit
from test_highlights import CALL, PROFIT, STABLE, fill_editor, highlight, open_call

from reader.services.annotations import AnnotationService
from reader.ui.annotations.conflict import ConflictDialog
from reader.ui.annotations.editor import AnnotationEditor

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


@pytest.fixture
def call_file(tmp_path: Path) -> Path:
    path = tmp_path / "pinecrest_q2_2025.txt"
    path.write_text(CALL, encoding="utf-8")
    return path


def bo_saves(library: Path | str, highlight_id: int, **values: object) -> None:
    """Another person (another window on the same file) saves the highlight."""
    with AnnotationService.open(library, user="bo") as bo:
        bo.update_highlight(highlight_id, **values)  # type: ignore[arg-type]


def stored(library: Path | str, highlight_id: int):
    with AnnotationService.open(library, user="reader") as s:
        return s.highlight(highlight_id)


def edit_while_bo_saves(qtbot, window, view, monkeypatch, library: Path | str, h, note: str):
    """The user opens the editor and types `note`; Bo saves his note before OK is pressed."""
    fill_editor(monkeypatch, "mine", note)  # the editor types `note` and presses OK
    patched = AnnotationEditor.exec

    def exec_with_bo(self: AnnotationEditor) -> int:
        bo_saves(library, h.id, note="Bo's view: margin guidance is soft", tags=["bo-tag"])
        return patched(self)

    monkeypatch.setattr(AnnotationEditor, "exec", exec_with_bo)
    window.annotations.edit_highlight(h.id)
    qtbot.waitUntil(lambda: window.annotations.conflict_dialog is not None, timeout=10_000)
    dialog = window.annotations.conflict_dialog
    assert isinstance(dialog, ConflictDialog)
    return dialog


def note_of(dialog: ConflictDialog, side: str) -> str:
    edit = dialog.findChild(QPlainTextEdit, f"{side}_note")
    assert edit is not None
    return edit.toPlainText()


def test_a_stale_edit_shows_both_texts_and_keep_mine_saves_over_theirs(
        qtbot, window, call_file, library, monkeypatch):
    view = open_call(qtbot, window, call_file)
    h = highlight(qtbot, window, view, PROFIT)
    dialog = edit_while_bo_saves(qtbot, window, view, monkeypatch, library, h, "My note")
    assert "bo saved this highlight" in dialog.message.text()
    assert note_of(dialog, "mine") == "My note"
    assert note_of(dialog, "theirs") == "Bo's view: margin guidance is soft"
    tags = dialog.findChild(QLabel, "theirs_tags")
    assert tags is not None and tags.text() == "bo-tag"
    assert stored(library, h.id).note == "Bo's view: margin guidance is soft"  # nothing lost

    dialog.keep_button.click()
    qtbot.waitUntil(lambda: stored(library, h.id).note == "My note", timeout=10_000)
    after = stored(library, h.id)
    assert after.tags == ("mine",) and after.version == 3
    qtbot.waitUntil(lambda: window.annotations.highlights(view)[0].note == "My note",
                    timeout=10_000)


def test_take_theirs_keeps_their_text_and_shows_it(qtbot, window, call_file, library,
                                                   monkeypatch):
    view = open_call(qtbot, window, call_file)
    h = highlight(qtbot, window, view, PROFIT)
    dialog = edit_while_bo_saves(qtbot, window, view, monkeypatch, library, h, "Mine")
    dialog.take_button.click()
    ctl = window.annotations
    qtbot.waitUntil(lambda: ctl.highlights(view)[0].note.startswith("Bo's view"),
                    timeout=10_000)
    ctl.session.wait(5000)
    assert stored(library, h.id).note.startswith("Bo's view")
    assert ctl.unsaved_edit is None


def test_copy_theirs_then_close_keeps_my_edit_for_later(qtbot, window, call_file, library,
                                                        monkeypatch):
    view = open_call(qtbot, window, call_file)
    ctl = window.annotations
    h = highlight(qtbot, window, view, PROFIT)
    dialog = edit_while_bo_saves(qtbot, window, view, monkeypatch, library, h, "Typed by me")
    dialog.copy_button.click()
    copied = QApplication.clipboard().text()
    assert copied.startswith("Bo's view: margin guidance is soft") and "#bo-tag" in copied
    assert dialog.isVisible()  # copying decides nothing
    dialog.reject()  # Escape: neither yet
    assert ctl.unsaved_edit is not None and ctl.act_save_kept.isEnabled()
    assert "Save Kept Edit" in window.statusBar().currentMessage()
    ctl.act_save_kept.trigger()
    qtbot.waitUntil(lambda: stored(library, h.id).note == "Typed by me", timeout=10_000)
    assert ctl.unsaved_edit is None and not ctl.act_save_kept.isEnabled()


def test_deleting_a_highlight_someone_has_changed_asks_first(qtbot, window, call_file,
                                                            library):
    view = open_call(qtbot, window, call_file)
    ctl = window.annotations
    h = highlight(qtbot, window, view, STABLE)
    bo_saves(library, h.id, note="Bo: keep this one")
    ctl.delete_highlights([h.id])
    qtbot.waitUntil(lambda: ctl.conflict_dialog is not None, timeout=10_000)
    dialog = ctl.conflict_dialog
    assert dialog is not None and dialog.findChild(QLabel, "mine_deleted") is not None
    assert note_of(dialog, "theirs") == "Bo: keep this one"
    assert stored(library, h.id).note == "Bo: keep this one"
    dialog.keep_button.click()  # "Delete Anyway"
    qtbot.waitUntil(lambda: ctl.highlights(view) == [], timeout=10_000)
    with AnnotationService.open(library, user="reader") as s:
        assert s.highlights(ctl.transcript_id(view) or 0) == []


def test_a_colour_change_on_a_stale_highlight_is_not_silent(qtbot, window, call_file,
                                                            library):
    view = open_call(qtbot, window, call_file)
    ctl = window.annotations
    h = highlight(qtbot, window, view, PROFIT)
    bo_saves(library, h.id, colour="green")
    assert view.select_source_span(h.start, h.end)
    ctl.colour_actions[3].trigger()  # blue, over the version this window read
    qtbot.waitUntil(lambda: ctl.conflict_dialog is not None, timeout=10_000)
    dialog = ctl.conflict_dialog
    assert dialog is not None
    mine = dialog.findChild(QLabel, "mine_colour")
    theirs = dialog.findChild(QLabel, "theirs_colour")
    assert mine is not None and theirs is not None and mine.text() != theirs.text()
    assert stored(library, h.id).colour == "green"
    dialog.keep_button.click()
    qtbot.waitUntil(lambda: stored(library, h.id).colour == "blue", timeout=10_000)


def test_an_edit_of_a_highlight_someone_deleted_keeps_the_text_on_the_clipboard(
        qtbot, window, call_file, library, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr("reader.ui.plain.warning", lambda _p, _t, text: shown.append(text))
    view = open_call(qtbot, window, call_file)
    ctl = window.annotations
    h = highlight(qtbot, window, view, PROFIT)
    fill_editor(monkeypatch, "margin", "Nowhere to go")
    patched = AnnotationEditor.exec

    def exec_while_bo_deletes(self: AnnotationEditor) -> int:
        with AnnotationService.open(library, user="bo") as bo:
            bo.delete_highlight(h.id)
        return patched(self)

    monkeypatch.setattr(AnnotationEditor, "exec", exec_while_bo_deletes)
    ctl.edit_highlight(h.id)
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert "deleted this highlight" in shown[0] and "clipboard" in shown[0]
    assert QApplication.clipboard().text() == "Nowhere to go\n#margin"
    qtbot.waitUntil(lambda: ctl.highlights(view) == [], timeout=10_000)
    assert ctl.unsaved_edit is None  # nothing to retry against


def test_two_windows_on_one_file(qtbot, make_window, call_file, library, monkeypatch):
    first, second = make_window(), make_window()
    second._library_watch.stop()  # it has not heard of the first's save yet
    view1 = open_call(qtbot, first, call_file)
    h = highlight(qtbot, first, view1, PROFIT)
    view2 = open_call(qtbot, second, call_file)
    qtbot.waitUntil(lambda: [x.id for x in second.annotations.highlights(view2)] == [h.id],
                    timeout=10_000)
    fill_editor(monkeypatch, "", "First window's note")
    first.annotations.edit_highlight(h.id)
    qtbot.waitUntil(lambda: stored(library, h.id).note == "First window's note",
                    timeout=10_000)
    fill_editor(monkeypatch, "", "Second window's note")
    second.annotations.edit_highlight(h.id)
    qtbot.waitUntil(lambda: second.annotations.conflict_dialog is not None, timeout=10_000)
    dialog = second.annotations.conflict_dialog
    assert dialog is not None
    assert note_of(dialog, "theirs") == "First window's note"
    assert note_of(dialog, "mine") == "Second window's note"
    assert stored(library, h.id).note == "First window's note"
    dialog.take_button.click()
    qtbot.waitUntil(lambda: second.annotations.highlights(view2)[0].note
                    == "First window's note", timeout=10_000)


@pytest.mark.postgres
def test_a_conflict_on_a_team_library(qtbot, make_window, call_file, pg_url, monkeypatch):
    window = make_window(pg_url)
    view = open_call(qtbot, window, call_file)
    h = highlight(qtbot, window, view, PROFIT)
    dialog = edit_while_bo_saves(qtbot, window, view, monkeypatch, pg_url, h, "Mine on PG")
    assert note_of(dialog, "theirs") == "Bo's view: margin guidance is soft"
    dialog.keep_button.click()
    qtbot.waitUntil(lambda: stored(pg_url, h.id).note == "Mine on PG", timeout=10_000)
    window.close()
    window.annotations.session.wait(10_000)
