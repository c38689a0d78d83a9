"""The window's side of the notebook: the action that shows it, opening a highlight it
names, and keeping it current when the library changes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction

from reader.ui.window.actions import window_action
from reader.ui.window.part import WindowPart

if TYPE_CHECKING:
    from reader.services.annotations import AnnotationService
    from reader.ui.annotations.notebook import NotebookWindow
    from reader.ui.window.main_window import MainWindow



class NotebookLink(WindowPart):
    """Shows the notebook (Ctrl+Shift+B, View → Notebook) and follows what it asks for."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.notebook: NotebookWindow | None = None
        self.act_notebook: QAction = window_action(
            window, QCoreApplication.translate("NotebookLink", "&Notebook: All Highlights…"), self._on_notebook_triggered,
            ["Ctrl+Shift+B"], QCoreApplication.translate("NotebookLink", "Every highlight of the library, filtered and exported"))
        window.annotations.session.changed.connect(self._on_session_changed)
        window.annotations.session.library_opened.connect(self._on_session_changed)
        window.annotations.options_changed.connect(self._on_session_changed)

    def show(self) -> NotebookWindow:
        """The notebook window, made on first use, shown and brought forward."""
        notebook = self.notebook
        if notebook is None:
            from reader.ui.annotations.notebook import NotebookWindow

            annotations = self._window.annotations
            settings = self._window.settings

            def service() -> AnnotationService | None:
                return annotations.session.service

            def remember(folder: str) -> None:
                settings.export_directory = folder

            notebook = NotebookWindow(
                service, annotations.view_options, self._window,
                export_folder=lambda: settings.export_directory or "", remember_folder=remember)
            notebook.highlight_opened.connect(self._on_notebook_highlight_opened)
            notebook.closed.connect(self._on_notebook_closed)
            notebook.restore_layout(settings.notebook_geometry, settings.notebook_header)
            self.notebook = notebook
            notebook.load_choices()
        notebook.show()
        notebook.raise_()
        notebook.activateWindow()
        notebook.requery()
        return notebook

    def close(self) -> None:
        """The main window is closing: the notebook goes with it, after its queries."""
        if self.notebook is not None:
            self.notebook.close()
            self.notebook.wait()

    def _on_notebook_triggered(self) -> None:
        if self.notebook is not None and self.notebook.isVisible() \
                and self.notebook.isActiveWindow():
            self.notebook.close()
            return
        self.show()

    def _on_notebook_highlight_opened(self, transcript_id: int, start: int, end: int,
                                      orphaned: bool) -> None:
        self._window.raise_()
        self._window.activateWindow()
        if orphaned or start >= end:
            self._window.open_stored(transcript_id)
            self._window.statusBar().showMessage(
                QCoreApplication.translate("NotebookLink", "Orphaned highlight: its text is not in this version of the call."), 6000)
        else:
            self._window.reveal_passage(transcript_id, start, end)

    def _on_notebook_closed(self) -> None:
        if self.notebook is not None:
            settings = self._window.settings
            settings.notebook_geometry, settings.notebook_header = self.notebook.layout_state()

    def _on_session_changed(self, _changed: object = None) -> None:
        if self.notebook is not None:
            self.notebook.refresh()
