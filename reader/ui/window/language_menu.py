"""View → Language: the UI language, from the system or chosen, applied at the next start.

Switching live would mean every widget rebuilding its strings on a LanguageChange event;
the window builds them once, in its constructors, so the choice is saved and takes effect
when the app next starts (Qt's standard dialogs follow the same catalogue).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QMessageBox

from reader.ui.language import LANGUAGE_NAMES, SYSTEM, resolve_language
from reader.ui.settings import LANGUAGES
from reader.ui.window.part import WindowPart


class LanguageMenu(WindowPart):
    """The Language submenu of the View menu."""

    def add_to(self, parent: QMenu) -> QMenu:
        """Add the submenu to `parent` (the View menu) and return it."""
        menu = parent.addMenu(self.tr("Lan&guage"))
        menu.setObjectName("language_menu")
        self.group = QActionGroup(menu)
        chosen = self._window.settings.language
        system = LANGUAGE_NAMES[resolve_language(SYSTEM)]
        for code in LANGUAGES:
            text = (self.tr("&System ({language})").format(language=system)
                    if code == SYSTEM else LANGUAGE_NAMES[code])
            action = QAction(text, self.group)
            action.setCheckable(True)
            action.setChecked(code == chosen)
            action.setData(code)
            menu.addAction(action)
            if code == SYSTEM:
                menu.addSeparator()
        self.group.triggered.connect(self._on_group_triggered)
        return menu

    def _on_group_triggered(self, action: QAction) -> None:
        code = str(action.data())
        settings = self._window.settings
        if code == settings.language:
            return
        before = resolve_language(settings.language)
        settings.language = code
        settings.sync()
        if resolve_language(code) == before:
            return
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Language"),
                          self.tr("The new language shows when Transcript Reader starts "
                                  "next."), QMessageBox.StandardButton.Ok, self._window)
        box.setObjectName("language_message")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
