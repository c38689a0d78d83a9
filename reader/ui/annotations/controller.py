"""The window's annotation half: library, highlight actions, the highlights dock, editor, export.

The main window hands each reading view to `attach` and says which one is current; this
object does the rest, so the window stays glue. Every library call goes through the one
`LibrarySession` (off the UI thread); what a write changed comes back as a `Changed` and
the views showing that transcript reload its highlights.

Opening a transcript imports it into the library, so its highlights load with it. If the
library cannot be opened (a newer schema, an unreadable file), the reason is shown once and
transcripts still open, read-only: every annotation action is disabled.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QMainWindow,
    QMenu,
    QMessageBox,
)

from reader.core.model import Transcript
from reader.core.records import Changed, Colour, Highlight
from reader.ui import plain
from reader.ui.annotations.conflict import Choice, ConflictDialog, MyEdit
from reader.ui.annotations.export import HighlightExport
from reader.ui.annotations.highlights_dock import HighlightsDock
from reader.ui.annotations.palette import HighlightPalette
from reader.ui.labels import label as ui_label
from reader.ui.library_session import History, LibrarySession, LibraryState
from reader.ui.reading.highlights import HighlightMark
from reader.ui.reading.view import ReadingView
from reader.ui.settings import Settings
from reader.ui.swatches import colour_of
from reader.ui.window.actions import Key, window_action
from reader.ui.window.document_tabs import DocumentTabs, OpenDocument

if TYPE_CHECKING:  # the service (and SQLAlchemy) loads with the library, off the UI thread
    from reader.core.align.transcript import TranscriptAlignment
    from reader.core.display import DisplayOptions
    from reader.services.annotations import AnnotationService, ImportResult

_STATUS_MS = 5000


@dataclass(frozen=True, slots=True)
class _Imported:
    result: ImportResult
    highlights: list[Highlight]
    current: Transcript | None  # the library's current version, when the file is older


def _import(service: AnnotationService, transcript: Transcript, path: str) -> _Imported:
    from reader.services.annotations import ImportStatus

    result = service.import_transcript(transcript, path)
    tid = result.transcript.id
    current = service.outline(tid) if result.status is ImportStatus.OLDER_VERSION else None
    return _Imported(result, service.highlights(tid), current)


def _authors(service: AnnotationService) -> tuple[list[str], str]:
    return service.authors(), service.user


def _sign_as(service: AnnotationService, name: str) -> tuple[list[str], str]:
    """Sign what this service writes from now on with `name` ("": the default)."""
    from reader.services.annotations import default_user

    service.user = name or default_user()
    return _authors(service)


def _typed(mine: MyEdit) -> str:
    """What the user typed in an edit (its note and tags), as plain text."""
    parts = [mine.note or "", " ".join(f"#{t}" for t in mine.tags or ())]
    return "\n".join(p for p in parts if p)


def _opened_lists(service: AnnotationService
                  ) -> tuple[tuple[list[Colour], list[tuple[str, int]]], tuple[list[str], str]]:
    """What the window shows of a library just opened, in one request: colours and tags,
    authors and who this user is."""
    return _lists(service), _authors(service)


def _lists(service: AnnotationService) -> tuple[list[Colour], list[tuple[str, int]]]:
    return service.colours(), service.tags()


@dataclass(frozen=True, slots=True)
class _Conflict:
    """A save refused because someone saved the highlight since: what they saved."""

    theirs: Highlight


class _Gone:
    """A save refused because someone deleted the highlight meanwhile."""


def _save_versioned(service: AnnotationService, highlight_id: int, mine: MyEdit,
                    version: int, label: str) -> Highlight | _Conflict | _Gone:
    """Save `mine` over `version` of the highlight; a conflict comes back as a value (its
    highlight), not as an error line, so the window can show both texts."""
    from reader.services.annotations import EditConflictError, NotFoundError

    try:
        if mine.delete:
            return service.delete_highlight(highlight_id, expected_version=version)
        return service.update_highlight(highlight_id, colour=mine.colour, note=mine.note,
                                        tags=mine.tags, label=label,
                                        expected_version=version)
    except EditConflictError as exc:
        return _Conflict(exc.current)
    except NotFoundError:
        if _exists(service, highlight_id):
            raise  # not this highlight that is missing: the error says what
        return _Gone()


def _exists(service: AnnotationService, highlight_id: int) -> bool:
    from reader.services.annotations import NotFoundError

    try:
        service.highlight(highlight_id)
    except NotFoundError:
        return False
    return True


class AnnotationController(QObject):
    """See the module docstring."""

    transcript_replaced = Signal(ReadingView, Transcript)  # the view, the version now in it
    highlights_loaded = Signal(ReadingView)  # the view whose highlights were (re)drawn
    options_changed = Signal()  # the reading view's script or cleanup: quotes to show again
    authors_changed = Signal(list, str)  # the library's authors, and this user's name

    def __init__(self, window: QMainWindow, settings: Settings, tabs: DocumentTabs,
                 db_path: Path | str | None = None) -> None:
        super().__init__(window)
        self._window = window
        self._settings = settings
        self._tabs = tabs
        self._current: OpenDocument | None = None
        self._tags: list[str] = []
        self._context_ids: list[int] | None = None  # highlights under a context menu's click
        self.context_actions: list[QAction] = []
        """More actions for the reading view's menu, after Copy (Copy with Citation)."""
        self.library_message_box: QMessageBox | None = None
        self.unsaved_edit: tuple[Callable[[AnnotationService], object],
                                 Callable[[Any], None]] | None = None
        """The last edit the library could not take, kept for a retry."""
        self.unsaved_text = ""
        """What the user typed in that edit (its note and tags), to copy before dropping it."""
        self._older_kept: list[tuple[Callable[[AnnotationService], object],
                                     Callable[[Any], None], str]] = []
        """Edits refused before the last one (offline, several in a row): retried with it."""
        self.conflict_dialog: ConflictDialog | None = None
        self.kept_edit_box: QMessageBox | None = None

        self._library_gate = threading.Event()
        self.session = LibrarySession(self)
        self.session.library_opened.connect(self._on_session_library_opened)
        self.session.library_failed.connect(self._on_session_library_failed)
        self.session.library_notice.connect(self._on_session_library_notice)
        self.session.changed.connect(self._on_session_changed)
        self.session.history_changed.connect(self._on_session_history_changed)

        self.dock = HighlightsDock(window)
        self.dock.highlight_activated.connect(self._on_dock_highlight_activated)
        self.dock.edit_requested.connect(self._on_dock_edit_requested)
        self.palette = HighlightPalette(window, settings, self.session,
                                        lambda colour: self.highlight_selection(colour),
                                        self._show_error)
        self.act_highlight = self.palette.act_highlight
        self.colour_actions = self.palette.colour_actions
        self.act_rename_colours = self.palette.act_rename_colours
        self._build_actions()
        self.export = HighlightExport(self, window, settings)
        self.dock.set_context_actions([self.act_edit, self.act_delete])
        self.user = ""
        """The name this window's edits are signed with, once the library is open."""
        if db_path is not None:
            self.session.open_library(db_path, gate=self._library_gate,
                                      user=settings.user_name or None)
        else:
            self.dock.set_unavailable(
                self.tr("Highlights are off: no annotation library was opened."))
        self._update_actions()

    # -- actions -----------------------------------------------------------------------------

    def _action(self, text: str, slot: Callable[[], None], keys: Sequence[Key] = (),
                tip: str = "") -> QAction:
        return window_action(self._window, text, slot, keys, tip)

    def _build_actions(self) -> None:
        self.act_edit = self._action(self.tr("&Tags and Note…"), self._on_edit_triggered,
                                     ["Ctrl+Shift+N"],
                                     self.tr("Edit the tags and note of the highlight at the "
                                             "caret"))
        self.act_delete = self._action(self.tr("&Delete Highlight"), self._on_delete_triggered,
                                       ["Del"],
                                       self.tr("Delete the highlight (Ctrl+Z brings it back)"))
        self.act_undo = self._action(self.tr("&Undo"), self._on_undo_triggered,
                                     ["Ctrl+Z", QKeySequence.StandardKey.Undo])
        self.act_redo = self._action(self.tr("&Redo"), self._on_redo_triggered,
                                     ["Ctrl+Shift+Z", QKeySequence.StandardKey.Redo])
        self.act_save_kept = self._action(self.tr("Save &Kept Edit"), self._on_save_kept_triggered,
                                          (), self.tr("Save again the last edit the library "
                                                      "did not take"))
        self.act_user_name = self._action(self.tr("Your &Name…"), self._on_user_name_triggered,
                                          (), self.tr("The name your highlights and notes "
                                                      "are signed with in a shared library"))
        self.act_show_dock = self.dock.toggleViewAction()
        self.act_show_dock.setText(self.tr("&Highlights"))
        self.act_show_dock.setShortcut(QKeySequence("Ctrl+Shift+H"))
        self._window.addAction(self.act_show_dock)

    def annotate_actions(self) -> list[QAction | None]:
        """The Annotate menu, in order (None: a separator)."""
        return [self.act_highlight, *self.colour_actions, None, self.act_edit, self.act_delete,
                self.act_save_kept, None, self.act_rename_colours, self.act_user_name]

    def shortcut_actions(self) -> list[QAction]:
        return [self.act_highlight, *self.colour_actions, self.act_edit, self.act_delete,
                self.act_undo, self.act_redo, *self.export.actions(),
                self.act_show_dock]

    def _update_actions(self) -> None:
        library = self.session.state in (LibraryState.OPEN, LibraryState.OPENING)
        ready = library and self._current is not None and self._current.info is not None
        self.palette.set_enabled(ready=ready, library=library)
        for action in (self.act_edit, self.act_delete):
            action.setEnabled(ready)
        self.export.update_actions(ready=ready, library=library)
        history = self.session.history
        self.act_save_kept.setEnabled(library and self.unsaved_edit is not None)
        self.act_undo.setEnabled(library and history.can_undo)
        self.act_redo.setEnabled(library and history.can_redo)
        self.act_undo.setText(self.tr("&Undo {edit}").format(edit=ui_label(history.undo_label or ""))
                              if history.can_undo else self.tr("&Undo"))
        self.act_redo.setText(self.tr("&Redo {edit}").format(edit=ui_label(history.redo_label or ""))
                              if history.can_redo else self.tr("&Redo"))

    # -- documents ---------------------------------------------------------------------------

    def attach(self, doc: OpenDocument) -> None:
        """Annotate this tab's transcript: import it and draw its highlights."""
        view, transcript, path = doc.view, doc.transcript, doc.path
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._on_view_context_menu_requested)
        if self.session.available:
            self.session.submit(lambda s: _import(s, transcript, path),
                               lambda imported: self._on_imported(doc, imported),
                               lambda message: self._on_import_failed(doc, message))

    def set_current(self, doc: OpenDocument | None) -> None:
        self._current = doc
        self._show_in_dock()
        self._update_actions()

    def current_document(self) -> OpenDocument | None:
        return self._current

    def transcript_id(self, view: ReadingView) -> int | None:
        doc = self._tabs.of_view(view)
        return doc.info.id if doc is not None and doc.info is not None else None

    def highlights(self, view: ReadingView) -> list[Highlight]:
        doc = self._tabs.of_view(view)
        return list(doc.highlights) if doc is not None else []

    def colours(self) -> list[Colour]:
        return list(self.palette.colours)

    def release_library(self) -> None:
        """Let the library open now: the window has painted what it shows first. The dock's
        list is made now too, before the highlights it will show arrive."""
        self.dock.build()
        self._library_gate.set()

    def close(self) -> None:
        """Finish queued writes and close the library (the window is closing)."""
        self.session.close()

    def _alive(self, doc: OpenDocument) -> bool:
        return self._tabs.is_open(doc)

    def _on_imported(self, doc: OpenDocument, imported: object) -> None:
        if not isinstance(imported, _Imported) or not self._alive(doc):
            return
        result = imported.result
        doc.info = result.transcript
        if imported.current is not None:
            doc.transcript = imported.current
            self.transcript_replaced.emit(doc.view, imported.current)
            self.status(self.tr("This file is an earlier version of a call in the library: "
                                 "showing the current version, where the highlights are."))
        from reader.services.annotations import ImportStatus

        report = result.report
        if result.status is ImportStatus.NEW_VERSION and report is not None and report.orphaned:
            n = len(report.orphaned)
            self.status(self.tr("Corrected version: {n} highlights could not be placed; they "
                                 "are listed as orphaned.").format(n=n) if n != 1
                         else self.tr("Corrected version: 1 highlight could not be placed; it "
                                      "is listed as orphaned."))
        self._set_highlights(doc, imported.highlights)
        if doc is self._current:
            self._update_actions()

    def _on_import_failed(self, doc: OpenDocument, message: str) -> None:
        if self._alive(doc):
            self.status(self.tr("Highlights unavailable for this transcript: {reason}").format(
                reason=message))

    def _reload(self, doc: OpenDocument) -> None:
        if doc.info is None:
            return
        tid = doc.info.id
        self.session.submit(lambda s: s.highlights(tid),
                           lambda found: self._on_reloaded(doc, found), self.status)

    def _on_reloaded(self, doc: OpenDocument, found: object) -> None:
        if self._alive(doc) and isinstance(found, list):
            self._set_highlights(doc, found)

    def _set_highlights(self, doc: OpenDocument, highlights: list[Highlight]) -> None:
        doc.highlights = highlights
        names = {c.key: c.display_name for c in self.palette.colours}
        marks = []
        for h in highlights:
            if h.orphaned or h.start >= h.end:
                continue
            tip = " ".join([names.get(h.colour, h.colour), *(f"#{t}" for t in h.tags)])
            if h.note:
                tip += "\n" + h.note
            marks.append(HighlightMark(h.id, h.start, h.end, colour_of(h.colour), tip))
        doc.view.set_highlights(marks)
        if doc is self._current:
            self._show_in_dock()
        self.highlights_loaded.emit(doc.view)

    def view_options(self) -> DisplayOptions:
        """The reading view's script and cleanup, which quotes are shown and exported in."""
        from reader.ui.annotations.shown import window_options

        return window_options(self._settings)

    def view_options_changed(self) -> None:
        """The window's script or cleanup changed: quote in the new ones."""
        self._show_in_dock()
        self.options_changed.emit()

    def alignments(self) -> dict[str, TranscriptAlignment]:
        """Sentence alignments the open tabs have made, by the call's hash: the export's
        context without aligning those calls again."""
        out = {}
        for doc in self._tabs:
            alignment = doc.view.sentence_alignment()
            if alignment is not None and doc.info is not None \
                    and doc.info.sha256 == doc.transcript.source.sha256:
                out[doc.info.sha256] = alignment
        return out

    def _show_in_dock(self) -> None:
        self.dock.set_options(self.view_options())
        doc = self._current
        if doc is None:
            self.dock.set_content(None, [], self.palette.colours)
        else:
            self.dock.set_content(doc.transcript, doc.highlights, self.palette.colours)

    def _highlight(self, doc: OpenDocument, highlight_id: int) -> Highlight | None:
        return next((h for h in doc.highlights if h.id == highlight_id), None)

    # -- library -----------------------------------------------------------------------------

    def _on_session_library_opened(self) -> None:
        self.dock.set_unavailable("")
        self.session.submit(_opened_lists, self._on_opened_lists)
        self._update_actions()

    def _on_authors(self, found: tuple[list[str], str]) -> None:
        authors, self.user = found
        self.dock.set_authors(authors, self.user)
        self.authors_changed.emit(authors, self.user)

    def _on_user_name_triggered(self) -> None:
        from PySide6.QtWidgets import QInputDialog, QLineEdit

        name, ok = QInputDialog.getText(
            self._window, self.tr("Your Name"),
            self.tr("Your highlights and notes are signed with this name in a shared library "
                    "(now: {name}). Leave it empty for your system user name.").format(
                name=self.user or self.tr("not known yet")),
            QLineEdit.EchoMode.Normal, self._settings.user_name)
        if ok:
            self.set_user_name(name)

    def set_user_name(self, name: str) -> None:
        """Sign this window's edits with `name` from now on ("": the system user name);
        remembered in the settings."""
        self._settings.user_name = name
        if self.session.available:
            chosen = self._settings.user_name
            self.session.submit(lambda s: _sign_as(s, chosen), self._on_authors, self.status)

    def _on_opened_lists(self, lists: tuple[tuple[list[Colour], list[tuple[str, int]]],
                                            tuple[list[str], str]]) -> None:
        self._on_library_lists(lists[0])
        self._on_authors(lists[1])

    def _on_library_lists(self, lists: tuple[list[Colour], list[tuple[str, int]]]) -> None:
        colours, tags = lists
        self._tags = [name for name, _count in tags]
        self.palette.apply(colours)
        for doc in self._tabs:
            if doc.highlights:
                self._set_highlights(doc, doc.highlights)  # the colour names in tooltips
        self._show_in_dock()

    def _on_session_library_notice(self, message: str) -> None:
        self._window.statusBar().showMessage(message, 4 * _STATUS_MS)

    def _on_session_library_failed(self, message: str) -> None:
        from reader.services.paths import is_server_url

        self.dock.set_unavailable(self.tr("Highlights are off: {reason}").format(reason=message))
        self._update_actions()
        if is_server_url(self.session.path or ""):
            return  # the status bar says it in one line, with Use Local Library (ServerStatus)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Annotation library not available"),
                          message, QMessageBox.StandardButton.Ok, self._window)
        box.setObjectName("library_message")
        plain.make_plain(box)
        box.setInformativeText(self.tr("Transcripts still open for reading; highlights are off "
                                       "until the app can use its library."))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.library_message_box = box
        box.open()  # not exec(): the window keeps starting behind it

    def _on_session_changed(self, changed: Changed) -> None:
        for doc in self._tabs:
            if doc.info is not None and doc.info.id in changed.transcripts:
                self._reload(doc)
        if changed.colours or changed.tags:
            self.session.submit(_lists, self._on_library_lists)

    def _on_session_history_changed(self, _history: History) -> None:
        self._update_actions()

    # -- annotate ----------------------------------------------------------------------------

    def ready_document(self) -> OpenDocument | None:
        doc = self._current
        if doc is None:
            return None
        if not self.session.available:
            self.status(self.tr("Highlights are off: {reason}").format(
                reason=self.session.error or self.tr("no annotation library")))
            return None
        if doc.info is None:
            self.status(self.tr("This transcript is still being added to the library; try "
                                 "again."))
            return None
        return doc

    def highlight_selection(self, colour: str | None = None,
                            then: Callable[[Highlight], None] | None = None) -> bool:
        """Highlight the current view's selection; False (with a hint) when nothing is selected."""
        doc = self.ready_document()
        if doc is None or doc.info is None:
            return False
        span = doc.view.selection_source_span()
        if span is None:
            self.status(self.tr("Select some text first, then highlight it."))
            return False
        key = colour or self.palette.last()
        self.palette.remember(key)
        tid, (start, end) = doc.info.id, span
        same = next((h for h in doc.highlights if (h.start, h.end) == span), None)
        if same is not None:
            self._save(doc, same.id, MyEdit(colour=key), same.version, "Recolour", then)
        else:
            self._submit_edit(lambda s: s.add_highlight(tid, start, end, colour=key),
                              lambda h: self._on_written(doc, h, then))
        cursor = doc.view.textCursor()
        cursor.clearSelection()
        doc.view.setTextCursor(cursor)
        return True

    def _submit_edit(self, call: Callable[[AnnotationService], object],
                     on_done: Callable[[Any], None], text: str = "") -> None:
        """Submit an edit; if the library cannot take it (disk full, busy, read-only, its
        server gone), the edit is kept and the message box offers to try it again."""

        def failed(message: str) -> None:
            if self.unsaved_edit is not None:  # an earlier refused edit: keep it too
                self._older_kept.append((*self.unsaved_edit, self.unsaved_text))
            self.unsaved_edit = (call, on_done)
            self.unsaved_text = text
            self._update_actions()
            self.status(message)
            box = plain.warning(self._window, self.tr("Highlight not saved"),
                                message + "\n\n"
                                + self.tr("The edit is kept: Retry saves it again."))
            if isinstance(box, QMessageBox):
                retry = box.addButton(self.tr("Retry"), QMessageBox.ButtonRole.AcceptRole)
                box.buttonClicked.connect(
                    lambda button: self.retry_unsaved_edit() if button is retry else None)

        self.session.submit(call, on_done, failed)

    def kept_text(self) -> str:
        """What the user typed in every kept edit (to copy before letting them go)."""
        texts = [t for _c, _d, t in self._older_kept] + [self.unsaved_text]
        return "\n\n".join(t for t in texts if t)

    def retry_unsaved_edit(self) -> bool:
        """Submit the edit the library could not take again; False if there is none."""
        if self.unsaved_edit is None:
            return False
        call, on_done = self.unsaved_edit
        text, self.unsaved_edit, self.unsaved_text = self.unsaved_text, None, ""
        older, self._older_kept = self._older_kept, []
        self._update_actions()
        for older_call, older_done, older_text in older:  # in the order they were made
            self._submit_edit(older_call, older_done, older_text)
        self._submit_edit(call, on_done, text)
        return True

    def offer_kept_edit(self) -> None:
        """The library can take writes again (its server is back): offer the kept edit."""
        if self.unsaved_edit is None or self.kept_edit_box is not None:
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Save Your Kept Edit?"),
                          self.tr("The library's server is back. Your last edit was not "
                                  "saved; it is kept."), QMessageBox.StandardButton.NoButton,
                          self._window)
        box.setObjectName("kept_edit_box")
        plain.make_plain(box)
        save = box.addButton(self.tr("Save Now"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Later"), QMessageBox.ButtonRole.RejectRole)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.kept_edit_box = box

        def clicked(button: object) -> None:
            self.kept_edit_box = None
            if button is save:
                self.retry_unsaved_edit()
            else:
                self.status(self.tr("Your edit is kept: Annotate → Save Kept Edit saves it."))

        box.buttonClicked.connect(clicked)
        box.open()
    def _on_save_kept_triggered(self) -> None:
        if not self.retry_unsaved_edit():
            self.status(self.tr("No kept edit to save."))

    def _save(self, doc: OpenDocument, highlight_id: int, mine: MyEdit, version: int,
              label: str = "Edit highlight",
              then: Callable[[Highlight], None] | None = None) -> None:
        """Save an edit or deletion made on `version`; if someone saved the highlight since,
        nothing is overwritten: the conflict dialog shows both."""
        call, on_done = self._versioned(doc, highlight_id, mine, version, label, then)
        self._submit_edit(call, on_done, _typed(mine))

    def _versioned(self, doc: OpenDocument, highlight_id: int, mine: MyEdit, version: int,
                   label: str, then: Callable[[Highlight], None] | None
                   ) -> tuple[Callable[[AnnotationService], object], Callable[[Any], None]]:
        def call(s: AnnotationService) -> Highlight | _Conflict | _Gone:
            return _save_versioned(s, highlight_id, mine, version, label)

        def done(result: object) -> None:
            if isinstance(result, _Conflict):
                self._on_conflict(doc, highlight_id, mine, result.theirs, label, then)
            elif isinstance(result, _Gone):
                self._on_gone(doc, mine)
            elif mine.delete:
                self._on_deleted(doc)
            else:
                self._on_written(doc, result, then)

        return call, done

    def _on_gone(self, doc: OpenDocument, mine: MyEdit) -> None:
        """Someone deleted the highlight this edit was for: nothing to save it on, so what
        was typed goes to the clipboard rather than nowhere."""
        if self._alive(doc):
            self._reload(doc)
        if mine.delete:
            self.status(self.tr("Someone else deleted this highlight already."))
            return
        typed = _typed(mine)
        if typed:
            QApplication.clipboard().setText(typed)
        plain.warning(self._window, self.tr("Highlight not saved"),
                      self.tr("Someone else deleted this highlight after you opened it, so "
                              "your edit has nowhere to go.")
                      + ("\n\n" + self.tr("What you typed is on the clipboard.")
                         if typed else ""))

    def _on_conflict(self, doc: OpenDocument, highlight_id: int, mine: MyEdit,
                     theirs: Highlight, label: str,
                     then: Callable[[Highlight], None] | None) -> None:
        if self._alive(doc):
            self._reload(doc)  # their version in the view and the dock meanwhile
        dialog = ConflictDialog(mine, theirs, self.palette.colours, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.conflict_dialog = dialog

        def finished(_code: int) -> None:
            if self.conflict_dialog is dialog:
                self.conflict_dialog = None
            if dialog.choice is Choice.KEEP_MINE:
                self._save(doc, highlight_id, mine, theirs.version, label, then)
            elif dialog.choice is Choice.TAKE_THEIRS:
                self.status(self.tr("Kept their version of the highlight."))
            else:
                self.unsaved_edit = self._versioned(doc, highlight_id, mine, theirs.version,
                                                    label, then)
                self.unsaved_text = _typed(mine)
                self._update_actions()
                self.status(self.tr("Your edit is kept: Annotate → Save Kept Edit saves it "
                                     "over theirs."))

        dialog.finished.connect(finished)
        dialog.open()

    def _on_written(self, doc: OpenDocument, h: object,
                    then: Callable[[Highlight], None] | None = None) -> None:
        if not isinstance(h, Highlight) or not self._alive(doc):
            return
        # Draw it now; the reload that `changed` asks for confirms it a moment later.
        others = [x for x in doc.highlights if x.id != h.id]
        self._set_highlights(doc, sorted([*others, h], key=lambda x: (x.start, x.id)))
        if doc is self._current:
            self.dock.select_highlight(h.id)
        if then is not None:
            then(h)

    def _target_ids(self) -> list[int]:
        """The highlights a command means: those under a context menu's click, those
        selected in the list when it has the focus, else those under the view's selection
        or caret, else the list's selection."""
        if self._context_ids is not None:
            return list(self._context_ids)
        doc = self._current
        if doc is None:
            return []
        if self.dock.has_list_focus():
            return self.dock.selected_ids()
        return doc.view.highlight_ids_in_selection() or self.dock.selected_ids()

    def _on_edit_triggered(self) -> None:
        doc = self.ready_document()
        if doc is None:
            return
        ids = self._target_ids()
        if ids:
            self.edit_highlight(ids[0])
        elif doc.view.textCursor().hasSelection():
            self.highlight_selection(then=lambda h: self.edit_highlight(h.id))
        else:
            self.status(self.tr("Put the caret in a highlight, or select one in the "
                                 "Highlights list."))

    def _on_dock_edit_requested(self, highlight_id: int) -> None:
        self.edit_highlight(highlight_id)

    def edit_highlight(self, highlight_id: int) -> None:
        """Open the editor on a highlight of the current transcript and save what changed."""
        doc = self._current
        h = self._highlight(doc, highlight_id) if doc is not None else None
        if doc is None or h is None or not self.session.available:
            return
        from reader.ui.annotations.editor import AnnotationEditor  # dialogs load when opened

        editor = AnnotationEditor(h, self.palette.colours, self._tags, self._window,
                                  shown_quote=self.dock.model.shown_quote(h))
        if editor.exec() != QDialog.DialogCode.Accepted or not editor.changed():
            editor.deleteLater()
            return
        v = editor.values()
        editor.deleteLater()
        if v.colour != h.colour:
            self.palette.remember(v.colour)
        self._save(doc, highlight_id, MyEdit(colour=v.colour, note=v.note, tags=v.tags),
                   h.version)

    def _on_delete_triggered(self) -> None:
        doc = self.ready_document()
        if doc is None:
            return
        focus = QApplication.focusWidget()
        if self._context_ids is None and focus is not doc.view \
                and not self.dock.has_list_focus():
            return
        ids = self._target_ids()
        if not ids:
            self.status(self.tr("No highlight here to delete."))
            return
        self.delete_highlights(ids)

    def delete_highlights(self, ids: Sequence[int]) -> None:
        doc = self._current
        if doc is None:
            return
        known = {h.id: h.version for h in doc.highlights}
        for hid in ids:
            if hid in known:
                self._save(doc, hid, MyEdit(delete=True), known[hid], "Delete highlight")

    def _on_deleted(self, doc: OpenDocument) -> None:
        self.status(self.tr("Highlight deleted (Ctrl+Z brings it back)."))
        self._reload(doc)

    def _on_undo_triggered(self) -> None:
        if self.session.available:
            self.session.submit(lambda s: s.undo(), None, self.status)

    def _on_redo_triggered(self) -> None:
        if self.session.available:
            self.session.submit(lambda s: s.redo(), None, self.status)

    # -- dock and context menu ---------------------------------------------------------------

    def _on_dock_highlight_activated(self, highlight_id: int) -> None:
        doc = self._current
        h = self._highlight(doc, highlight_id) if doc is not None else None
        if doc is None or h is None:
            return
        if h.orphaned or h.start >= h.end:
            self.status(self.tr("Orphaned highlight: its text is not in this version of the "
                                 "call (shown where it used to be)."))
            turn = doc.transcript.turn_at(h.start)
            if turn is not None:
                doc.view.scroll_to_turn(turn.index)
            return
        if not doc.view.show_source_span(h.start, h.end):
            self.status(self.tr("This highlight is hidden by the layout or the speaker "
                                 "filter."))

    def _on_view_context_menu_requested(self, pos: QPoint) -> None:
        view = self.sender()
        if not isinstance(view, ReadingView) or self._tabs.of_view(view) is None:
            return
        menu: QMenu = view.createStandardContextMenu(pos)
        here = view.cursorForPosition(pos).position()
        under = view.highlight_ids_in_selection() if view.textCursor().hasSelection() \
            else view.highlight_ids_at(here)
        if self.context_actions:
            menu.addSeparator()
            menu.addActions(self.context_actions)
        menu.addSeparator()
        menu.addAction(self.act_highlight)
        for action in self.colour_actions:
            if action.isVisible():
                menu.addAction(action)
        if under:
            menu.addSeparator()
            menu.addAction(self.act_edit)
            menu.addAction(self.act_delete)
        menu.setParent(view, menu.windowFlags())
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._context_ids = under
        # The menu hides before the chosen action runs: forget the target only after that.
        menu.aboutToHide.connect(lambda: QTimer.singleShot(0, self._forget_context))
        menu.popup(view.viewport().mapToGlobal(pos))

    def _forget_context(self) -> None:
        self._context_ids = None

    # -- messages ----------------------------------------------------------------------------

    def status(self, message: str) -> None:
        self._window.statusBar().showMessage(message, _STATUS_MS)

    def _show_error(self, message: str) -> None:
        self.status(message)
        plain.warning(self._window, self.tr("Highlight not saved"), message)

