"""File → Export Highlights and Export All Highlights: Markdown notes in the shown text.

The notes quote in the reading view's script and cleanup, with the sentence alignments the
open tabs have already made as context; the writing runs on the library session's thread.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMainWindow

from reader.ui import plain
from reader.ui.labels import dialog_filter
from reader.ui.settings import Settings
from reader.ui.window.actions import window_action

if TYPE_CHECKING:  # the services (and SQLAlchemy) load with the library, off the UI thread
    from reader.core.align.transcript import TranscriptAlignment
    from reader.core.display import DisplayOptions
    from reader.services.annotations import AnnotationService
    from reader.ui.annotations.controller import AnnotationController

MARKDOWN_FILTER = "Markdown (*.md);;All files (*)"  # names translated by dialog_filter


def _export_one(service: AnnotationService, transcript_id: int, target: Path,
                options: DisplayOptions, alignments: dict[str, TranscriptAlignment]) -> int:
    from reader.services.annotations import write_text_atomic
    from reader.services.notes import export_documents, export_inputs

    docs = export_documents(export_inputs(service, [transcript_id], options=options,
                                          alignments=alignments))
    if not docs:
        return 0
    write_text_atomic(target, docs[0].markdown)
    return docs[0].count


def _export_all(service: AnnotationService, folder: Path, options: DisplayOptions,
                alignments: dict[str, TranscriptAlignment]) -> list[Path]:
    from reader.services.annotations import write_documents
    from reader.services.notes import export_documents, export_inputs

    return write_documents(export_documents(export_inputs(service, options=options,
                                                          alignments=alignments)), folder)


class HighlightExport(QObject):
    """The two export actions of the File menu and what they write."""

    def __init__(self, annotations: AnnotationController, window: QMainWindow,
                 settings: Settings) -> None:
        super().__init__(annotations)
        self._annotations = annotations
        self._window = window
        self._settings = settings
        self.act_export = window_action(
            window, self.tr("&Export Highlights…"), self._on_export_triggered, ["Ctrl+E"],
            self.tr("Save this transcript's highlights as a Markdown note"))
        self.act_export_all = window_action(
            window, self.tr("Export &All Highlights…"), self._on_export_all_triggered,
            ["Ctrl+Shift+E"], self.tr("Save a Markdown note per transcript with highlights"))

    def actions(self) -> list[QAction]:
        return [self.act_export, self.act_export_all]

    def update_actions(self, *, ready: bool, library: bool) -> None:
        """`ready`: the current transcript is in an open library; `library`: one is open."""
        self.act_export.setEnabled(ready)
        self.act_export_all.setEnabled(library)

    def _on_export_triggered(self) -> None:
        doc = self._annotations.ready_document()
        if doc is None or doc.info is None:
            return
        folder = Path(self._settings.export_directory or Path.home())
        from reader.core.export_md import export_file_name  # with the first export

        path, _ = QFileDialog.getSaveFileName(self._window, self.tr("Export Highlights"),
                                              str(folder / export_file_name(doc.info)),
                                              dialog_filter(MARKDOWN_FILTER))
        if path:
            self.export_to(Path(path))

    def export_to(self, target: Path) -> None:
        """Write the current transcript's highlights to `target` as Markdown."""
        doc = self._annotations.current_document()
        if doc is None or doc.info is None:
            return
        self._settings.export_directory = str(target.parent)
        options, alignments = self._annotations.view_options(), self._annotations.alignments()
        tid = doc.info.id
        self._annotations.session.submit(
            lambda s: _export_one(s, tid, target, options, alignments),
            lambda n: self._annotations.status(
                (self.tr("Exported {n} highlights to {target}") if n != 1
                 else self.tr("Exported 1 highlight to {target}")).format(n=n, target=target)),
            self._show_error)

    def _on_export_all_triggered(self) -> None:
        if not self._annotations.session.available:
            return
        start = self._settings.export_directory or str(Path.home())
        folder = QFileDialog.getExistingDirectory(
            self._window, self.tr("Export All Highlights to Folder"), start)
        if folder:
            self.export_all_to(Path(folder))

    def export_all_to(self, folder: Path) -> None:
        """Write one Markdown note per transcript with highlights into `folder`."""
        self._settings.export_directory = str(folder)
        options, alignments = self._annotations.view_options(), self._annotations.alignments()
        self._annotations.session.submit(
            lambda s: _export_all(s, folder, options, alignments),
            lambda paths: self._annotations.status(
                (self.tr("Exported {n} notes to {folder}") if len(paths) != 1
                 else self.tr("Exported 1 note to {folder}")).format(n=len(paths),
                                                                      folder=folder)),
            self._show_error)

    def _show_error(self, message: str) -> None:
        plain.warning(self._window, self.tr("Export failed"), message)
