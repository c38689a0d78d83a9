"""The Help menu's dialogs: the keyboard shortcuts and About."""

from __future__ import annotations

from PySide6.QtGui import (
    QKeySequence,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from reader import APP_NAME
from reader.ui.labels import QT_TRANSLATE_NOOP
from reader.ui.language import plain_text
from reader.ui.window.part import WindowPart

EXTRA_KEYS = (  # translated in the HelpDialogs context when shown
    (QT_TRANSLATE_NOOP("HelpDialogs", "Find bar: next match"), "Enter"),
    (QT_TRANSLATE_NOOP("HelpDialogs", "Find bar: previous match"), "Shift+Enter"),
    (QT_TRANSLATE_NOOP("HelpDialogs", "Find bar: close"), "Esc"),
    (QT_TRANSLATE_NOOP("HelpDialogs", "Zoom with the mouse"), "Ctrl+Wheel"),
)


class HelpDialogs(WindowPart):
    """The keyboard shortcuts list and the About box."""

    def shortcut_rows(self) -> list[tuple[str, str]]:
        """(what, keys) for the keyboard shortcuts dialog, from the actions themselves."""
        actions = [self._window.act_open, self._window.library_switch.act_open_library,
                   self._window.act_close_tab, self._window.act_quit, self._window.act_find,
                   self._window.act_find_next, self._window.act_find_previous, self._window.act_jump_qa,
                   self._window.act_next_question, self._window.act_previous_question, self._window.view_options.act_zoom_in,
                   self._window.view_options.act_zoom_out, self._window.view_options.act_zoom_reset, self._window.act_show_outline,
                   *self._window.view_options.layout_group.actions(), *self._window.annotations.shortcut_actions(),
                   *self._window.library.shortcut_actions(),
                   *self._window.side_docks.shortcut_actions(),
                   self._window._citation.act_copy, self._window._notebook.act_notebook,
                   self._window.act_shortcuts]
        rows = []
        for action in actions:
            keys = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText)
                             for k in action.shortcuts())
            if keys:
                text = plain_text(action.text())
                rows.append((text.rstrip("…"), keys))
        rows.extend((self.tr(what), keys) for what, keys in EXTRA_KEYS)
        return rows

    def _on_shortcuts_triggered(self) -> None:
        dialog = QDialog(self._window)
        dialog.setWindowTitle(self.tr("Keyboard Shortcuts"))
        tree = QTreeWidget(dialog)
        tree.setColumnCount(2)
        tree.setHeaderLabels([self.tr("Action"), self.tr("Keys")])
        tree.setRootIsDecorated(False)
        for what, keys in self.shortcut_rows():
            tree.addTopLevelItem(QTreeWidgetItem([what, keys]))
        tree.resizeColumnToContents(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(tree)
        layout.addWidget(buttons)
        dialog.resize(440, 480)
        dialog.exec()

    def _on_about_triggered(self) -> None:
        from reader import __version__

        QMessageBox.about(self._window, self.tr("About {app}").format(app=APP_NAME),
                          f"{APP_NAME} {__version__}\n\n"
                          + self.tr("Read earnings-call transcripts: Mandarin and its English "
                                    "interpretation side by side."))
