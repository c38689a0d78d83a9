"""The highlight colours as the window shows them: Highlight (in the last colour used),
Highlight as <colour> (Ctrl+1…4) and Colour Names…, named as the library names them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMainWindow

from reader.core.records import Colour
from reader.ui.settings import Settings
from reader.ui.swatches import COLOUR_HEX, swatch_icon
from reader.ui.window.actions import window_action

if TYPE_CHECKING:  # the service (and SQLAlchemy) loads with the library, off the UI thread
    from reader.services.annotations import AnnotationService
    from reader.ui.library_session import LibrarySession

COLOUR_KEYS = tuple(COLOUR_HEX)  # until the library says otherwise: its four defaults


def _rename_colour(service: AnnotationService, key: str, display_name: str) -> Colour:
    return service.rename_colour(key=key, display_name=display_name)


class HighlightPalette(QObject):
    """The colours' actions; `highlight(colour or None)` is what they do."""

    def __init__(self, window: QMainWindow, settings: Settings, session: LibrarySession,
                 highlight: Callable[[str | None], object],
                 show_error: Callable[[str], None]) -> None:
        super().__init__(window)
        self._window = window
        self._settings = settings
        self._session = session
        self._highlight = highlight
        self._show_error = show_error
        self.colours: list[Colour] = [Colour(k, k.capitalize(), n)
                                      for n, k in enumerate(COLOUR_KEYS)]
        self.act_highlight = window_action(
            window, self.tr("&Highlight"), self._on_highlight_triggered, ["Ctrl+H"],
            self.tr("Highlight the selection in the last colour used"))
        self.colour_actions: list[QAction] = []
        for n in range(len(COLOUR_KEYS)):
            self.colour_actions.append(window_action(
                window, self.tr("Colour {n}").format(n=n + 1), self._on_colour_triggered,
                [f"Ctrl+{n + 1}"]))
        self.act_rename_colours = window_action(
            window, self.tr("Colour &Names…"), self._on_rename_colours_triggered,
            tip=self.tr("Name what each highlight colour means"))
        self.apply(self.colours)

    def apply(self, colours: Sequence[Colour]) -> None:
        """The library's colours, in its order, on the actions."""
        self.colours = sorted(colours, key=lambda c: c.position)
        for n, action in enumerate(self.colour_actions):
            if n < len(self.colours):
                c = self.colours[n]
                action.setData(c.key)
                action.setText(self.tr("Highlight as {colour}").format(
                    colour=c.display_name.replace("&", "&&")))
                action.setIconText(c.display_name)
                action.setIcon(swatch_icon(c.key))
                action.setToolTip(self.tr("Highlight as {colour} ({key})").format(
                    colour=c.display_name, key=f"Ctrl+{n + 1}"))
                action.setVisible(True)
            else:
                action.setVisible(False)
        self._update_highlight_action()

    def last(self) -> str:
        """The colour Highlight (Ctrl+H) uses: the last one chosen, if the library has it."""
        keys = [c.key for c in self.colours]
        key = self._settings.highlight_colour
        return key if key in keys else (keys[0] if keys else "yellow")

    def remember(self, key: str) -> None:
        """`key` was just chosen: Highlight uses it next."""
        self._settings.highlight_colour = key
        self._update_highlight_action()

    def set_enabled(self, *, ready: bool, library: bool) -> None:
        for action in (self.act_highlight, *self.colour_actions):
            action.setEnabled(ready)
        self.act_rename_colours.setEnabled(library)

    def _update_highlight_action(self) -> None:
        key = self.last()
        name = next((c.display_name for c in self.colours if c.key == key), key)
        self.act_highlight.setIcon(swatch_icon(key))
        self.act_highlight.setToolTip(
            self.tr("Highlight the selection as {colour} (Ctrl+H)").format(colour=name))

    def _on_highlight_triggered(self) -> None:
        self._highlight(None)

    def _on_colour_triggered(self) -> None:
        action = self.sender()
        if isinstance(action, QAction) and action.data():
            self._highlight(str(action.data()))

    def _on_rename_colours_triggered(self) -> None:
        if not self._session.available:
            return
        from reader.ui.annotations.editor import ColourNamesDialog  # dialogs load when opened

        dialog = ColourNamesDialog(self.colours, self._window)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        names = dialog.changed_names() if accepted else {}
        dialog.deleteLater()
        for key, name in names.items():
            self._session.submit(partial(_rename_colour, key=key, display_name=name), None,
                                 self._show_error)
